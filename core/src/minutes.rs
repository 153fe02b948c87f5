//! Whole minutes, the unit of every duration in ETE Core.
//!
//! [`Minutes`] is a non-negative whole number of minutes with checked arithmetic. Its text form is
//! `H:MM` or `HH:MM` (hours of any length, then exactly two digits of minutes `00`–`59`), the form
//! nDelius uses: `02:30` is 150 minutes, `120:05` is 7,205 minutes. Printing always gives at least
//! two hour digits, so `print(parse(s)) == s` for any canonical `s` and `parse(print(m)) == m` for
//! every `m`.
//!
//! ```
//! use ete_core::Minutes;
//!
//! let m: Minutes = "02:30".parse()?;
//! assert_eq!(m.get(), 150);
//! assert_eq!(m.to_string(), "02:30");
//! assert_eq!(Minutes::new(7_205)?.to_string(), "120:05");
//! assert!("2h30".parse::<Minutes>().is_err());
//! # Ok::<(), ete_core::MinutesError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ErrorKind;

/// A whole, non-negative number of minutes, at most [`Minutes::MAX`].
///
/// The bound is 2⁵³ − 1 so that every value is exact as a JSON number, a Kotlin `Long`, a Python
/// `int` and a float column in pandas. Serialises as an integer number of minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Minutes(u64);

/// Why a value could not be made into [`Minutes`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    /// The text is not `H:MM`/`HH:MM`.
    #[error("invalid duration {input:?}: expected H:MM or HH:MM (whole hours, then 00-59 minutes)")]
    Parse {
        /// The text as given.
        input: String,
    },
    /// The value is below zero or above [`Minutes::MAX`].
    #[error("minutes out of range: {value} (must be 0..={max})", max = Minutes::MAX.0)]
    OutOfRange {
        /// The value as given.
        value: i128,
    },
}

impl MinutesError {
    /// The language-neutral kind of this error (the same name in Python and Kotlin).
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidMinutes
    }
}

impl Minutes {
    /// Zero minutes.
    pub const ZERO: Minutes = Minutes(0);
    /// The largest value: 2⁵³ − 1 minutes.
    pub const MAX: Minutes = Minutes((1 << 53) - 1);

    /// Minutes from a whole number; errors when above [`Minutes::MAX`].
    ///
    /// ```
    /// # use ete_core::Minutes;
    /// assert_eq!(Minutes::new(90)?.get(), 90);
    /// assert!(Minutes::new(u64::MAX).is_err());
    /// # Ok::<(), ete_core::MinutesError>(())
    /// ```
    pub fn new(value: u64) -> Result<Minutes, MinutesError> {
        Minutes::from_i128(i128::from(value))
    }

    /// Minutes from a signed number (as other languages hand it over); errors when negative or
    /// above [`Minutes::MAX`].
    pub fn from_signed(value: i64) -> Result<Minutes, MinutesError> {
        Minutes::from_i128(i128::from(value))
    }

    /// Minutes from any integer a caller may hold (a Python `int`, a `Long`); outside
    /// 0..=[`Minutes::MAX`] is [`MinutesError::OutOfRange`] naming the value.
    ///
    /// ```
    /// assert!(ete_core::Minutes::from_i128(1 << 70).is_err());
    /// assert_eq!(ete_core::Minutes::from_i128(90)?.get(), 90);
    /// # Ok::<(), ete_core::MinutesError>(())
    /// ```
    pub fn from_i128(value: i128) -> Result<Minutes, MinutesError> {
        if (0..=i128::from(Minutes::MAX.0)).contains(&value) {
            Ok(Minutes(value as u64))
        } else {
            Err(MinutesError::OutOfRange { value })
        }
    }

    /// Minutes from a value the caller has already checked is at most [`Minutes::MAX`] (the
    /// columnar kernels validate a whole column first, then decide without re-checking).
    pub(crate) const fn from_checked(value: u64) -> Minutes {
        debug_assert!(value <= Minutes::MAX.0);
        Minutes(value)
    }

    /// The number of minutes.
    pub const fn get(self) -> u64 {
        self.0
    }

    /// The number of minutes as a signed integer (always fits, as `MAX` < 2⁶³).
    pub const fn as_signed(self) -> i64 {
        self.0 as i64
    }

    /// `self + other`, or an error when the sum is above [`Minutes::MAX`].
    pub fn checked_add(self, other: Minutes) -> Result<Minutes, MinutesError> {
        Minutes::from_i128(i128::from(self.0).saturating_add(i128::from(other.0)))
    }

    /// `self − other`, or an error when the difference would be negative.
    pub fn checked_sub(self, other: Minutes) -> Result<Minutes, MinutesError> {
        Minutes::from_i128(i128::from(self.0).saturating_sub(i128::from(other.0)))
    }

    /// `self − other`, stopping at zero.
    pub fn saturating_sub(self, other: Minutes) -> Minutes {
        Minutes(self.0.saturating_sub(other.0))
    }
}

impl FromStr for Minutes {
    type Err = MinutesError;

    /// Parses `H:MM` / `HH:MM`; see the [module docs](self).
    fn from_str(input: &str) -> Result<Minutes, MinutesError> {
        let bad = || MinutesError::Parse {
            input: input.to_owned(),
        };
        let (hours, minutes) = input.split_once(':').ok_or_else(bad)?;
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(hours) || minutes.len() != 2 || !all_digits(minutes) {
            return Err(bad());
        }
        let hours: u64 = hours.parse().map_err(|_| bad())?;
        let minutes: u64 = minutes.parse().map_err(|_| bad())?;
        if minutes > 59 {
            return Err(bad());
        }
        let total = hours
            .checked_mul(60)
            .and_then(|h| h.checked_add(minutes))
            .ok_or_else(bad)?;
        Minutes::new(total).map_err(|_| bad())
    }
}

impl fmt::Display for Minutes {
    /// Prints `HH:MM`, with at least two hour digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl TryFrom<u64> for Minutes {
    type Error = MinutesError;
    fn try_from(value: u64) -> Result<Minutes, MinutesError> {
        Minutes::new(value)
    }
}

impl TryFrom<i64> for Minutes {
    type Error = MinutesError;
    fn try_from(value: i64) -> Result<Minutes, MinutesError> {
        Minutes::from_signed(value)
    }
}

impl From<Minutes> for u64 {
    fn from(m: Minutes) -> u64 {
        m.0
    }
}

impl Serialize for Minutes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for Minutes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Minutes, D::Error> {
        let value = i64::deserialize(deserializer)?;
        Minutes::from_signed(value).map_err(serde::de::Error::custom)
    }
}
