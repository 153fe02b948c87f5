//! Byte-level targets: the completion readers, every policy's and snapshot's JSON form, and the
//! parsing of minutes and exact ratios.

use arbitrary::{Arbitrary, Result, Unstructured};
use ete_core::Minutes;
use ete_core::hours::{
    self, CreditPolicy, LedgerPolicy, ReadMode, ReadOutcome, ReadPolicy, Requirement,
};
use ete_core::licences::{Pool, PoolPolicy, SessionPolicy, utilisation};
use ete_core::ratio::{Fraction, Ratio};
use ete_core::register::{Register, StatutoryPolicy};
use ete_core::routing::{Exchange, RoutingPolicy};

/// Checks what a reader returned: each completion is credited without panic, and a strict read
/// that succeeded saw no rejects.
fn check_read(outcome: &ReadOutcome, mode: ReadMode) {
    if mode == ReadMode::Strict {
        assert!(outcome.rejects.is_empty(), "a strict read returned rejects");
    }
    let decisions = hours::credit_batch(&outcome.completions, &[], &[], &CreditPolicy::default());
    assert_eq!(decisions.len(), outcome.completions.len());
    for d in &decisions {
        assert!(d.credited <= d.cap, "credited above the cap");
    }
}

/// The CSV completion reader, lenient and strict.
pub fn completions_csv(data: &[u8]) {
    for mode in [ReadMode::Lenient, ReadMode::Strict] {
        if let Ok(outcome) = hours::read_completions_csv(data, mode) {
            check_read(&outcome, mode);
        }
    }
}

/// The JSON completion reader, lenient and strict.
pub fn completions_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for mode in [ReadMode::Lenient, ReadMode::Strict] {
        if let Ok(outcome) = hours::read_completions_json(text, mode) {
            check_read(&outcome, mode);
        }
    }
}

/// A policy that reads also writes itself back to the same policy.
fn round_trip<P, E>(text: &str, read: fn(&str) -> std::result::Result<P, E>)
where
    P: serde::Serialize + PartialEq + std::fmt::Debug,
{
    if let Ok(policy) = read(text) {
        let written = serde_json::to_string(&policy).expect("a policy serialises");
        let again = read(&written).ok().expect("a policy's own JSON reads back");
        assert_eq!(again, policy, "a policy changed through its JSON");
    }
}

/// Every policy's `from_json`; the first byte picks which.
pub fn policies_json(data: &[u8]) {
    let Some((which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match which % 7 {
        0 => round_trip(text, CreditPolicy::from_json),
        1 => round_trip(text, LedgerPolicy::from_json),
        2 => round_trip(text, ReadPolicy::from_json),
        3 => round_trip(text, StatutoryPolicy::from_json),
        4 => round_trip(text, PoolPolicy::from_json),
        5 => round_trip(text, SessionPolicy::from_json),
        _ => round_trip(text, RoutingPolicy::from_json),
    }
}

/// Every snapshot's restore; the first byte picks which. A snapshot that is accepted saves to
/// one that restores equal, and its read-only questions answer without panic.
pub fn snapshots_json(data: &[u8]) {
    let Some((which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    match which % 4 {
        0 => {
            if let Ok(r) = Requirement::from_json(text) {
                let _ = r.status(on);
                let _ = r.ete_allowance();
                let saved = r.to_json().expect("a restored requirement saves");
                assert_eq!(Requirement::from_json(&saved).ok().as_ref(), Some(&r));
            }
        }
        1 => {
            if let Ok(pool) = Pool::from_json(text) {
                let _ = utilisation(&pool, on.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc());
                let saved = pool.to_json().expect("a restored pool saves");
                assert_eq!(Pool::from_json(&saved).ok().as_ref(), Some(&pool));
            }
        }
        2 => {
            if let Ok(register) = Register::restore(text) {
                let saved = register.to_json().expect("a restored register saves");
                assert_eq!(Register::restore(&saved).ok().as_ref(), Some(&register));
            }
        }
        _ => {
            let policy = RoutingPolicy::default();
            if let Ok(exchange) = Exchange::restore(text, &policy) {
                let saved = exchange.to_json().expect("a restored exchange saves");
                assert_eq!(
                    Exchange::restore(&saved, &policy).ok().as_ref(),
                    Some(&exchange)
                );
            }
        }
    }
}

/// `Minutes` text, exact ratios and fractions with extreme parts and places.
pub fn numbers(u: &mut Unstructured<'_>) -> Result<()> {
    let text = String::arbitrary(u)?;
    if let Ok(m) = text.parse::<Minutes>() {
        assert_eq!(
            m.to_string().parse::<Minutes>().ok(),
            Some(m),
            "HH:MM round trip"
        );
    }
    let minutes = Minutes::new(u64::arbitrary(u)?);
    if let Ok(m) = minutes {
        assert_eq!(
            m.to_string().parse::<Minutes>().ok(),
            Some(m),
            "HH:MM round trip"
        );
    }
    let places = u32::arbitrary(u)?;
    if let Ok(f) = Fraction::new(i64::arbitrary(u)?, u64::arbitrary(u)?) {
        let _ = f.percent(places);
        let _ = f.decimal(places);
        if let Ok(p) = f.decimal(places.min(30)) {
            assert!(
                f.numerator() >= 0
                    || p.starts_with('-')
                    || p.trim_start_matches(['0', '.']).is_empty()
            );
        }
    }
    if let Ok(r) = Ratio::new(u64::arbitrary(u)?, u64::arbitrary(u)?) {
        let _ = format!("{r:?}");
    }
    Ok(())
}
