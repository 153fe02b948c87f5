//! Exact ratios and the two roundings [the rules](crate::rules) use.
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Rounding {
    /// Towards zero: 2.9 → 2.
    Floor,
    /// To the nearest whole number, ties upward: 2.5 → 3, 2.4 → 2.
    HalfUp,
}

crate::codes!(Rounding, "rounding", { Floor => "floor", HalfUp => "half_up" });

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
    /// More decimal places asked for than a fraction shows.
    #[error("places = {places}: at most {max} decimal places are shown")]
    TooManyPlaces {
        /// The places asked for.
        places: u32,
        /// The most shown.
        max: u32,
    },
}

impl RatioError {
    /// The language-neutral kind of this error: `InvalidRatio`, or `InvalidField` for too many
    /// places.
    pub fn kind(&self) -> ErrorKind {
        match self {
            RatioError::ZeroDenominator { .. } => ErrorKind::InvalidRatio,
            RatioError::TooManyPlaces { .. } => ErrorKind::InvalidField,
        }
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
    #[inline]
    // Reviewed: u64 × u64 fits u128; minutes ≤ Minutes::MAX < 2^53 so 2 × product + den < 2^119;
    // the quotient of the fast path is at most u64::MAX / 1 and gains 1 only below it.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn apply(self, minutes: Minutes, rounding: Rounding) -> Result<Minutes, MinutesError> {
        // Fast path in 64 bits (every product below 2^64, e.g. any minutes × 120%).
        if let Some(product) = minutes.get().checked_mul(self.numerator) {
            let (quotient, remainder) = (product / self.denominator, product % self.denominator);
            return Minutes::new(match rounding {
                Rounding::Floor => quotient,
                // remainder < denominator ≤ u64::MAX, so compare without doubling it.
                Rounding::HalfUp => quotient + u64::from(remainder >= self.denominator - remainder),
            });
        }
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

/// An exact signed fraction `numerator / denominator` (denominator above zero), for rates and
/// means that are shown to a number of decimal places.
///
/// ```
/// use ete_core::Fraction;
///
/// let rate = Fraction::new(1, 3)?;
/// assert_eq!(rate.percent(1)?, "33.3");
/// assert_eq!(Fraction::new(-1, 8)?.decimal(2)?, "-0.12"); // ties upward: -0.125 → -0.12
/// assert_eq!(Fraction::new(i64::MAX, 1)?.decimal(20)?.len(), 19 + 1 + 20); // exact, no overflow
/// assert!(rate.percent(Fraction::MAX_PLACES + 1).is_err());
/// # Ok::<(), ete_core::RatioError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "FractionFields")]
pub struct Fraction {
    numerator: i64,
    denominator: u64,
}

#[derive(Deserialize)]
struct FractionFields {
    numerator: i64,
    denominator: u64,
}

impl TryFrom<FractionFields> for Fraction {
    type Error = RatioError;
    fn try_from(f: FractionFields) -> Result<Fraction, RatioError> {
        Fraction::new(f.numerator, f.denominator)
    }
}

impl Fraction {
    /// `numerator / denominator`; errors when the denominator is zero.
    pub fn new(numerator: i64, denominator: u64) -> Result<Fraction, RatioError> {
        if denominator == 0 {
            return Err(RatioError::ZeroDenominator {
                numerator: numerator.unsigned_abs(),
            });
        }
        Ok(Fraction {
            numerator,
            denominator,
        })
    }

    /// The numerator.
    pub const fn numerator(self) -> i64 {
        self.numerator
    }

    /// The denominator (never zero).
    pub const fn denominator(self) -> u64 {
        self.denominator
    }

    /// `self ≥ percent / 100`, exactly.
    // Reviewed: |i64| × 100 and u32 × u64 both fit i128.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn at_least_percent(self, percent: u32) -> bool {
        i128::from(self.numerator) * 100 >= i128::from(percent) * i128::from(self.denominator)
    }

    /// The most decimal places [`Fraction::decimal`] and [`Fraction::percent`] show.
    pub const MAX_PLACES: u32 = 30;

    /// The value to `places` decimals, rounded half up (ties toward +∞): `0.33`, `-0.12`. More
    /// than [`Fraction::MAX_PLACES`] is [`RatioError::TooManyPlaces`].
    pub fn decimal(self, places: u32) -> Result<String, RatioError> {
        self.show(1, places)
    }

    /// The value as a percentage to `places` decimals, rounded half up: `33.3`. More than
    /// [`Fraction::MAX_PLACES`] is [`RatioError::TooManyPlaces`].
    pub fn percent(self, places: u32) -> Result<String, RatioError> {
        self.show(100, places)
    }

    /// `self × scale` to `places` decimals by long division: exact for any numerator and
    /// denominator, with no intermediate that can overflow.
    // Reviewed: num ≤ 2^63 × 100 < 2^70; rem < den ≤ 2^64 so rem × 10 and 2 × rem fit u128;
    // rem / den after × 10 is a digit 0..=9.
    #[allow(clippy::arithmetic_side_effects)]
    fn show(self, scale: u128, places: u32) -> Result<String, RatioError> {
        if places > Fraction::MAX_PLACES {
            return Err(RatioError::TooManyPlaces {
                places,
                max: Fraction::MAX_PLACES,
            });
        }
        let negative = self.numerator < 0;
        let den = u128::from(self.denominator);
        let num = u128::from(self.numerator.unsigned_abs()) * scale;
        // digits = floor(num × 10^places / den) as decimal digits; rem the exact remainder.
        let mut digits: Vec<u8> = (num / den).to_string().into_bytes();
        let mut rem = num % den;
        for _ in 0..places {
            rem *= 10;
            digits.push(b'0' + (rem / den) as u8);
            rem %= den;
        }
        // Half up, ties toward +∞: a positive value rounds up at a tie, a negative one does not.
        let twice = 2 * rem;
        if twice > den || (twice == den && !negative) {
            increment(&mut digits);
        }
        let zero = digits.iter().all(|d| *d == b'0');
        let split = digits.len().saturating_sub(places as usize);
        let (whole, fraction) = digits.split_at(split);
        let whole = if whole.is_empty() {
            "0"
        } else {
            std::str::from_utf8(whole).unwrap_or("0")
        };
        let sign = if negative && !zero { "-" } else { "" };
        Ok(if places == 0 {
            format!("{sign}{whole}")
        } else {
            format!(
                "{sign}{whole}.{}",
                std::str::from_utf8(fraction).unwrap_or("")
            )
        })
    }
}

/// Adds one to a number written as ASCII decimal digits, carrying.
// Reviewed: a digit below b'9' plus one is at most b'9'.
#[allow(clippy::arithmetic_side_effects)]
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}
