//! Kotlin bindings of ETE Core through uniffi proc-macros. Conversion and error mapping only;
//! every rule lives in `ete-core`.
//!
//! Dates arrive in Kotlin as `java.time.LocalDate`, instants as `java.time.Instant`, minutes as
//! `Long`, and errors as the sealed class `EteException` (see `uniffi.toml`).

// Tests may use them too: clippy.toml allows them in tests.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod attendance;
mod columns;
mod completion;
mod course;
mod credit;
mod errors;
mod ledger;
mod licences;
mod messages;
mod minutes;
mod register;
mod report;
mod routing;
mod staff;
mod training;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use ete_core::uniffi_types::{EpochInstant, FractionParts, Index};

pub use errors::EteError;

/// An instant in UTC; Kotlin sees `java.time.Instant` (declared in `ete_core::uniffi_types`).
pub type UtcDateTime = ete_core::uniffi_types::UtcDateTime;

uniffi::setup_scaffolding!("ete_kotlin");
uniffi::use_remote_type!(ete_core::NaiveDate);
uniffi::use_remote_type!(ete_core::UtcDateTime);
uniffi::use_remote_type!(ete_core::Index);

/// The text of a date at the boundary: `YYYY-MM-DD`, with a sign and more digits beyond year
/// 9999 (as `java.time.LocalDate` prints and parses it).
fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date from its boundary text; a date outside chrono's range (Kotlin's `LocalDate.MAX`) is
/// `EteException.InvalidField`, naming the date and the range.
fn lift_date(text: &str) -> Result<NaiveDate, EteError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| EteError::InvalidField {
        detail: format!(
            "date {text} is not a day ETE Core accepts: YYYY-MM-DD from {} to {}",
            date_text(NaiveDate::MIN),
            date_text(NaiveDate::MAX)
        ),
    })
}

/// Checks a date's text before it crosses (called by the generated code for every
/// `LocalDate`): the text back, or `EteException.InvalidField` for a date out of range.
#[uniffi::export]
pub fn checked_date(text: String) -> Result<String, EteError> {
    lift_date(&text)?;
    Ok(text)
}

/// Checks an instant before it crosses (called by the generated code for every `Instant`): its
/// wire form, or `EteException.InvalidField` for an instant out of range.
#[uniffi::export]
pub fn checked_instant(seconds: i64, nanos: u32) -> Result<EpochInstant, EteError> {
    let wire = EpochInstant { seconds, nanos };
    lift_instant(wire)?;
    Ok(wire)
}

/// Checks minutes before they cross (called by the generated code for every `Minutes` field):
/// the value, or `EteException.InvalidMinutes`.
#[uniffi::export]
pub fn checked_minutes(value: i64) -> Result<i64, EteError> {
    Ok(ete_core::Minutes::from_signed(value)?.as_signed())
}

/// Checks a contribution score before it crosses (called by the generated code for every
/// `Contribution`): the value, or `EteException.InvalidContribution` outside −2..=+2.
#[uniffi::export]
pub fn checked_contribution(value: i8) -> Result<i8, EteError> {
    Ok(ete_core::contribution::Contribution::new(i64::from(value))?.get())
}

/// Checks a fraction before it crosses (called by the generated code for every `Fraction`): its
/// parts, or `EteException.InvalidRatio` for a zero denominator.
#[uniffi::export]
pub fn checked_fraction(parts: FractionParts) -> Result<FractionParts, EteError> {
    ete_core::Fraction::new(parts.numerator, parts.denominator)?;
    Ok(parts)
}

/// The seconds in an average Gregorian year, to name the year of an instant out of range.
const SECONDS_PER_YEAR: i64 = 31_556_952;

fn instant_text(instant: UtcDateTime) -> String {
    instant.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// An instant from its wire form; one outside chrono's range (Kotlin's `Instant.MAX`) is
/// `EteException.InvalidField`, naming the instant and the range.
fn lift_instant(wire: EpochInstant) -> Result<UtcDateTime, EteError> {
    DateTime::from_timestamp(wire.seconds, wire.nanos).ok_or_else(|| {
        let year = wire
            .seconds
            .checked_div(SECONDS_PER_YEAR)
            .and_then(|y| y.checked_add(1970))
            .map_or_else(String::new, |y| format!(" (about the year {y})"));
        EteError::InvalidField {
            detail: format!(
                "instant {} s + {} ns from 1970-01-01T00:00:00Z{year} is outside the range ETE \
                 Core accepts ({} to {})",
                wire.seconds,
                wire.nanos,
                instant_text(DateTime::<Utc>::MIN_UTC),
                instant_text(DateTime::<Utc>::MAX_UTC)
            ),
        }
    })
}

#[cfg(test)]
fn lower_instant(instant: UtcDateTime) -> EpochInstant {
    EpochInstant {
        seconds: instant.timestamp(),
        nanos: instant.timestamp_subsec_nanos(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_as_java_prints_them_and_out_of_range_is_invalid_field() {
        for text in ["2026-11-02", "0000-01-01", "-0001-12-31", "+10000-01-01"] {
            let date = lift_date(text).unwrap();
            assert_eq!(date_text(date), text);
        }
        assert_eq!(
            lift_date(&date_text(NaiveDate::MAX)).unwrap(),
            NaiveDate::MAX
        );
        assert_eq!(
            lift_date(&date_text(NaiveDate::MIN)).unwrap(),
            NaiveDate::MIN
        );
        for text in [
            "+999999999-12-31",
            "-999999999-01-01",
            "+262143-01-01",
            "2026-02-30",
        ] {
            let EteError::InvalidField { detail } = lift_date(text).unwrap_err() else {
                panic!("{text}: not InvalidField");
            };
            assert!(detail.contains(text), "{detail}");
            assert!(detail.contains("+262142-12-31"), "{detail}");
        }
    }

    #[test]
    fn instants_round_trip_before_1970_and_out_of_range_is_invalid_field() {
        for (seconds, nanos) in [
            (-1, 500_000_000),
            (0, 0),
            (-62_135_596_800, 1),
            (1_793_000_000, 7),
        ] {
            let wire = EpochInstant { seconds, nanos };
            assert_eq!(lower_instant(lift_instant(wire).unwrap()), wire);
        }
        let half_before = DateTime::parse_from_rfc3339("1969-12-31T23:59:59.5Z").unwrap();
        assert_eq!(
            lower_instant(half_before.with_timezone(&Utc)),
            EpochInstant {
                seconds: -1,
                nanos: 500_000_000
            }
        );
        for wire in [
            EpochInstant {
                seconds: 31_556_889_864_403_199,
                nanos: 999_999_999,
            },
            EpochInstant {
                seconds: -31_557_014_167_219_200,
                nanos: 0,
            },
            EpochInstant {
                seconds: i64::MAX,
                nanos: 0,
            },
            EpochInstant {
                seconds: i64::MIN,
                nanos: 0,
            },
            EpochInstant {
                seconds: 0,
                nanos: u32::MAX,
            },
        ] {
            let EteError::InvalidField { detail } = lift_instant(wire).unwrap_err() else {
                panic!("{wire:?}: not InvalidField");
            };
            assert!(detail.contains(&wire.seconds.to_string()), "{detail}");
            assert!(detail.contains("outside the range"), "{detail}");
        }
        assert_eq!(
            lower_instant(DateTime::<Utc>::MAX_UTC),
            EpochInstant {
                seconds: DateTime::<Utc>::MAX_UTC.timestamp(),
                nanos: 999_999_999
            }
        );
    }
}
