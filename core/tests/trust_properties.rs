//! Property tests for issue 14 with generators that draw outside what the code expects: ledger
//! policies with any numbers are accepted exactly when every value is in range, and a ledger fed
//! extreme entries refuses what breaks a bound and never panics, wraps or goes below zero.

use chrono::NaiveDate;
use ete_core::ErrorKind;
use ete_core::Minutes;
use ete_core::hours::{
    AppointmentOutcome, LedgerEntry, LedgerEventKind, LedgerPolicy, OrderKind, Requirement,
    RequirementTerms,
};
use proptest::prelude::*;

/// A number near the edges as often as in the middle.
fn wide_u32() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..=400, Just(u32::MAX), any::<u32>(), 1_000u32..=1_001]
}

fn ratio() -> impl Strategy<Value = (u64, u64)> {
    (
        prop_oneof![0u64..=200, Just(u64::MAX), any::<u64>()],
        prop_oneof![
            1u64..=200,
            Just(u64::MAX),
            any::<u64>().prop_map(|d| d.max(1))
        ],
    )
}

proptest! {
    #[test]
    fn a_ledger_policy_loads_exactly_when_every_value_is_in_range(
        share in ratio(), q in ratio(), d in ratio(),
        adult in (wide_u32(), wide_u32()), youth in (wide_u32(), wide_u32()),
        months in wide_u32(), extension in wide_u32(),
    ) {
        let json = serde_json::json!({
            "eteShare": {"numerator": share.0, "denominator": share.1},
            "adultHours": [adult.0, adult.1], "youthHours": [youth.0, youth.1],
            "completionMonths": months, "maxExtensionMonths": extension,
            "incentive": {"threshold": {"numerator": q.0, "denominator": q.1},
                          "discountRate": {"numerator": d.0, "denominator": d.1}},
        });
        let range = |(min, max): (u32, u32)| min >= 1 && min <= max && max <= 1_000;
        let valid = share.0 <= share.1 && q.0 <= q.1 && d.0 <= d.1 && range(adult) && range(youth)
            && (1..=120).contains(&months) && extension <= 120;
        match LedgerPolicy::from_json(&json.to_string()) {
            Ok(p) => {
                prop_assert!(valid, "accepted {}", json);
                prop_assert_eq!(p.completion_months, months);
            }
            Err(e) => {
                prop_assert!(!valid, "refused {}: {}", json, e);
                prop_assert_eq!(e.kind(), ErrorKind::InvalidPolicy);
            }
        }
    }

    #[test]
    fn extreme_entries_are_refused_or_recorded_and_figures_stay_in_range(
        required in 2_400u64..=18_000,
        events in prop::collection::vec(prop_oneof![
            (prop_oneof![0u64..=600, Just(Minutes::MAX.get()), any::<u64>()], any::<bool>())
                .prop_map(|(m, ok)| (0u8, m as i64, ok)),
            prop_oneof![-20_000i64..=20_000, Just(i64::MIN), Just(i64::MAX), Just(-(1i64 << 53) + 1)]
                .prop_map(|m| (1u8, m, true)),
            wide_u32().prop_map(|m| (2u8, i64::from(m), true)),
        ], 0..24),
    ) {
        let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let terms = RequirementTerms {
            id: "R-1".into(), person_ref: "P-1".into(), kind: OrderKind::Adult,
            required: Minutes::new(required).unwrap(), start, incentive_eligible: true,
        };
        let policy = LedgerPolicy::default();
        let mut r = Requirement::new(terms, policy).unwrap();
        for (i, (kind, value, attended)) in events.into_iter().enumerate() {
            let day = start + chrono::Days::new(i as u64);
            let event = match kind {
                0 => match Minutes::new(value as u64) {
                    Ok(minutes) => LedgerEventKind::WorkAppointment {
                        minutes,
                        outcome: if attended { AppointmentOutcome::Attended } else { AppointmentOutcome::UnacceptableAbsence },
                    },
                    Err(_) => continue,
                },
                1 => LedgerEventKind::Adjustment { minutes: value },
                _ => LedgerEventKind::Extension { months: value as u32 },
            };
            let before = r.clone();
            if r.record(LedgerEntry::new(day, "CA-1", event)).is_err() {
                prop_assert_eq!(&r, &before, "a refused entry changed the ledger");
            }
        }
        let status = r.status(NaiveDate::from_ymd_opt(2099, 1, 1).unwrap()).unwrap();
        let net: i128 = i128::from(required) + i128::from(status.adjustments);
        prop_assert!((0..=18_000).contains(&net), "net required {}", net);
        prop_assert!(status.remaining.get() <= 18_000);
        let extensions: u64 = r.entries().iter().filter_map(|e| match e.event {
            LedgerEventKind::Extension { months } => Some(u64::from(months)),
            _ => None,
        }).sum();
        prop_assert!(extensions <= u64::from(policy.max_extension_months));
        let round = Requirement::from_json(&r.to_json().unwrap()).unwrap();
        prop_assert_eq!(round, r);
    }
}
