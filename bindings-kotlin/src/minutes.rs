//! Whole minutes and exact ratios.

use ete_core::{Fraction, Minutes, Ratio, Rounding};

use crate::EteError;

/// Minutes from a Kotlin `Long`; negative or too large is `EteException.InvalidMinutes`.
pub fn minutes(value: i64) -> Result<Minutes, EteError> {
    Ok(Minutes::from_signed(value)?)
}

/// Parses `H:MM`/`HH:MM` into whole minutes.
#[uniffi::export]
pub fn parse_minutes(text: String) -> Result<i64, EteError> {
    Ok(text.parse::<Minutes>()?.as_signed())
}

/// Prints whole minutes as `HH:MM`.
#[uniffi::export]
pub fn format_minutes(minutes: i64) -> Result<String, EteError> {
    Ok(self::minutes(minutes)?.to_string())
}

/// `rounding(minutes × numerator / denominator)`, computed exactly.
#[uniffi::export]
pub fn apply_ratio(
    minutes: i64,
    numerator: i64,
    denominator: i64,
    rounding: Rounding,
) -> Result<i64, EteError> {
    let part = |v: i64, name: &str| {
        u64::try_from(v).map_err(|_| EteError::InvalidRatio {
            detail: format!("{name} {v} is negative"),
        })
    };
    let ratio = Ratio::new(
        part(numerator, "numerator")?,
        part(denominator, "denominator")?,
    )?;
    Ok(ratio.apply(self::minutes(minutes)?, rounding)?.as_signed())
}

/// A fraction as a percentage to `places` decimals, rounded half up (`"33.3"`); more places than
/// core shows is `EteException.InvalidField`.
#[uniffi::export]
pub fn fraction_percent(fraction: Fraction, places: u32) -> Result<String, EteError> {
    Ok(fraction.percent(places)?)
}

/// A fraction to `places` decimals, rounded half up (`"0.33"`); more places than core shows is
/// `EteException.InvalidField`.
#[uniffi::export]
pub fn fraction_decimal(fraction: Fraction, places: u32) -> Result<String, EteError> {
    Ok(fraction.decimal(places)?)
}
