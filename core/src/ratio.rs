//! Exact ratios and the two roundings DOMAIN.md uses.
//!
//! Policy percentages are integers and results are computed in integer arithmetic, then rounded
//! as the rule states: [`Rounding::Floor`] (towards zero) or [`Rounding::HalfUp`] (to the nearest
//! whole minute, ties upward).
//!
//! ```
//! use ete_core::{Minutes, Ratio, Rounding};
//!
//! // The 20% extra-time allowance on 43 guided minutes: 43 × 120 / 100 = 51.6 → 52.
//! let cap = Ratio::percent(120).apply(Minutes::new(43)?, Rounding::HalfUp)?;
//! assert_eq!(cap.get(), 52);
//! // The 30% ETE share of 7,201 minutes: 2,160.3 → 2,160 (floor, as nDelius does).
//! let share = Ratio::percent(30).apply(Minutes::new(7_201)?, Rounding::Floor)?;
//! assert_eq!(share.get(), 2_160);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::minutes::{Minutes, MinutesError};

/// How a fractional number of minutes becomes whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Towards zero: 2.9 → 2.
    Floor,
    /// To the nearest whole number, ties upward: 2.5 → 3, 2.4 → 2.
    HalfUp,
}

/// An exact, non-negative ratio `numerator / denominator`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RatioFields")]
pub struct Ratio {
    numerator: u64,
    denominator: u64,
}

/// The serialised form of [`Ratio`], checked on the way in.
#[derive(Deserialize)]
struct RatioFields {
    numerator: u64,
    denominator: u64,
}

impl TryFrom<RatioFields> for Ratio {
    type Error = RatioError;
    fn try_from(f: RatioFields) -> Result<Ratio, RatioError> {
        Ratio::new(f.numerator, f.denominator)
    }
}

/// Why a ratio could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RatioError {
    /// The denominator is zero.
    #[error("invalid ratio {numerator}/0: the denominator must be above zero")]
    ZeroDenominator {
        /// The numerator as given.
        numerator: u64,
    },
}

impl RatioError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidRatio
    }
}

impl Ratio {
    /// `numerator / denominator`; errors when the denominator is zero.
    pub fn new(numerator: u64, denominator: u64) -> Result<Ratio, RatioError> {
        if denominator == 0 {
            return Err(RatioError::ZeroDenominator { numerator });
        }
        Ok(Ratio {
            numerator,
            denominator,
        })
    }

    /// `p / 100`.
    pub const fn percent(p: u32) -> Ratio {
        Ratio {
            numerator: p as u64,
            denominator: 100,
        }
    }

    /// The numerator.
    pub const fn numerator(self) -> u64 {
        self.numerator
    }

    /// The denominator (never zero).
    pub const fn denominator(self) -> u64 {
        self.denominator
    }

    /// `rounding(minutes × numerator / denominator)`, computed exactly; errors only when the
    /// result is above [`Minutes::MAX`].
    pub fn apply(self, minutes: Minutes, rounding: Rounding) -> Result<Minutes, MinutesError> {
        let product = u128::from(minutes.get()) * u128::from(self.numerator);
        let den = u128::from(self.denominator);
        let rounded = match rounding {
            Rounding::Floor => product / den,
            Rounding::HalfUp => (2 * product + den) / (2 * den),
        };
        match u64::try_from(rounded) {
            Ok(v) => Minutes::new(v),
            Err(_) => Err(MinutesError::OutOfRange {
                value: i128::try_from(rounded).unwrap_or(i128::MAX),
            }),
        }
    }
}
