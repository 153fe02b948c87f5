//! The bodies of the fuzz targets in `fuzz/fuzz_targets/`, kept in a normal crate so that the
//! workspace's `cargo test` replays every committed corpus and regression input through exactly
//! the code the fuzzer runs (`tests/replay.rs`).
//!
//! Each function takes the fuzzer's bytes. The byte-level ones hand them to a reader; the
//! structure-aware ones draw commands, policies, names and columns from them with `arbitrary`
//! (extreme numbers and dates included), so that inputs get past the parsers into the rules. A
//! function panics only when core broke a promise: it panicked itself, or an invariant checked
//! here does not hold (a restored snapshot differs from what was saved, the state is not the
//! fold of its events, a name the policy never listed was allowed, an output column has the
//! wrong length).
//!
//! ```
//! // An empty input is a valid input for every target.
//! for target in ete_fuzz_harness::TARGETS {
//!     (target.run)(&[]);
//! }
//! ```

use arbitrary::{Arbitrary, Result, Unstructured};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

mod aggregates;
mod columns;
mod exchange;
mod ledger;
mod readers;
mod routing;

/// A fuzz target: its name (the `fuzz/fuzz_targets/<name>.rs` file and the corpus folder) and its
/// body.
pub struct Target {
    /// The target's name.
    pub name: &'static str,
    /// Runs one input.
    pub run: fn(&[u8]),
}

/// Every target, in the order `fuzz/run.sh` runs them.
pub const TARGETS: &[Target] = &[
    Target {
        name: "completions_csv",
        run: readers::completions_csv,
    },
    Target {
        name: "completions_json",
        run: readers::completions_json,
    },
    Target {
        name: "policies_json",
        run: readers::policies_json,
    },
    Target {
        name: "snapshots_json",
        run: readers::snapshots_json,
    },
    Target {
        name: "numbers",
        run: |data| structured(data, readers::numbers),
    },
    Target {
        name: "pool_commands",
        run: |data| structured(data, aggregates::pool_commands),
    },
    Target {
        name: "register_commands",
        run: |data| structured(data, aggregates::register_commands),
    },
    Target {
        name: "ledger_commands",
        run: |data| structured(data, ledger::ledger_commands),
    },
    Target {
        name: "exchange_commands",
        run: |data| structured(data, exchange::exchange_commands),
    },
    Target {
        name: "routing_names",
        run: |data| structured(data, routing::routing_names),
    },
    Target {
        name: "columns",
        run: |data| structured(data, columns::columns),
    },
];

/// The target named `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// Runs a structure-aware body; an input that runs out of bytes early ends the run there (what
/// was drawn so far has been checked).
fn structured(data: &[u8], body: fn(&mut Unstructured<'_>) -> Result<()>) {
    let _ = body(&mut Unstructured::new(data));
}

/// An instant anywhere chrono can hold one (extremes included), or near the rules' own dates.
pub(crate) fn instant(u: &mut Unstructured<'_>) -> Result<DateTime<Utc>> {
    let base = Utc
        .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .unwrap_or_default();
    Ok(match u.int_in_range(0u8..=7)? {
        0 => DateTime::<Utc>::MIN_UTC,
        1 => DateTime::<Utc>::MAX_UTC,
        2 => DateTime::from_timestamp(i64::arbitrary(u)?, 0).unwrap_or(base),
        _ => base + chrono::Duration::minutes(i64::from(i32::arbitrary(u)?) % 200_000),
    })
}

/// A date anywhere chrono can hold one, or near the rules' own dates.
pub(crate) fn date(u: &mut Unstructured<'_>) -> Result<NaiveDate> {
    Ok(instant(u)?.date_naive())
}

/// One of `known`, or (one time in four) a name nobody listed: empty, odd case, very long or
/// arbitrary.
pub(crate) fn name(u: &mut Unstructured<'_>, known: &[&str]) -> Result<String> {
    if !known.is_empty() && u.ratio(3, 4)? {
        return Ok((*u.choose(known)?).to_owned());
    }
    Ok(match u.int_in_range(0u8..=3)? {
        0 => String::new(),
        1 => known.first().map_or_else(String::new, |k| k.to_uppercase()),
        2 => "x".repeat(usize::from(u8::arbitrary(u)?) * 40),
        _ => String::arbitrary(u)?,
    })
}
