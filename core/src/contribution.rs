//! A learner's contribution to a lesson: a score from −2 to +2 (R-9, R-10).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::ratio::Fraction;

#[cfg(feature = "python")]
use pyo3::prelude::*;

/// A contribution score, always within −2..=+2 (R-9). Unrecorded is `Option::None`, not 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i8")]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, eq, hash, ord, from_py_object)
)]
pub struct Contribution(i8);

/// A score outside −2..=+2.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("contribution {value} is outside -2..=2 (R-9)")]
pub struct ContributionError {
    /// The value given.
    pub value: i64,
}

impl ContributionError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidContribution
    }
}

/// For example:
///
/// ```
/// use ete_core::contribution::Contribution;
///
/// let top = Contribution::new(2)?;
/// assert_eq!(top.increment().get(), 2); // stays at the bound
/// assert_eq!(Contribution::new(-2)?.decrement().get(), -2);
/// assert!(Contribution::new(3).is_err());
/// # Ok::<(), ete_core::contribution::ContributionError>(())
/// ```
impl Contribution {
    /// The lowest score.
    pub const MIN: Contribution = Contribution(-2);
    /// The highest score.
    pub const MAX: Contribution = Contribution(2);

    /// A score; errors outside −2..=+2.
    pub fn new(value: i64) -> Result<Contribution, ContributionError> {
        match i8::try_from(value) {
            Ok(v) if (-2..=2).contains(&v) => Ok(Contribution(v)),
            _ => Err(ContributionError { value }),
        }
    }
    /// The score.
    pub const fn get(self) -> i8 {
        self.0
    }
    /// One more, staying at +2.
    pub fn increment(self) -> Contribution {
        Contribution(self.0.saturating_add(1).min(2))
    }
    /// One less, staying at −2.
    pub fn decrement(self) -> Contribution {
        Contribution(self.0.saturating_sub(1).max(-2))
    }
}

impl TryFrom<i64> for Contribution {
    type Error = ContributionError;
    fn try_from(value: i64) -> Result<Contribution, ContributionError> {
        Contribution::new(value)
    }
}

impl From<Contribution> for i8 {
    fn from(c: Contribution) -> i8 {
        c.0
    }
}

impl fmt::Display for Contribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:+}", self.0)
    }
}

/// Count, sum and exact mean of a learner's scores (R-10).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all))]
pub struct ContributionSummary {
    /// Scores recorded.
    pub count: u64,
    /// Their sum.
    pub sum: i64,
}

impl ContributionSummary {
    /// The summary of some scores.
    pub fn of(scores: impl IntoIterator<Item = Contribution>) -> ContributionSummary {
        scores
            .into_iter()
            .fold(ContributionSummary::default(), |s, c| ContributionSummary {
                count: s.count.saturating_add(1),
                sum: s.sum.saturating_add(i64::from(c.get())),
            })
    }
    /// The exact mean, or `None` with no scores.
    pub fn mean(&self) -> Option<Fraction> {
        Fraction::new(self.sum, self.count).ok()
    }
    /// The mean to two decimals (`"1.33"`), or `None` with no scores.
    pub fn mean_text(&self) -> Option<String> {
        self.mean().and_then(|m| m.decimal(2).ok())
    }
}
