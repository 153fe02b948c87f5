//! The incentive scheme: a discount on unpaid work for steady early compliance (H-12).
//!
//! With `q` the qualifying threshold (policy 1/4) and `d` the discount rate (policy 1/2):
//!
//! - threshold = `half_up(required × q)`;
//! - qualifying time = the sum, over ledger events **before the first unacceptable absence**, of
//!   work-appointment minutes and ETE credits, minus adjustments (adjustments count as negative
//!   qualifying time);
//! - current discount = `min(half_up(d × max(0, qualifying − threshold)), maximum)`;
//! - maximum = `half_up(required × d(1 − q) / (1 + d))` (25% of required with the defaults).
//!
//! Status: ineligible; eligible (below the threshold); qualifying (at or above it);
//! disqualified (after an unacceptable absence, keeping the discount earned so far). Projected
//! discount: 0 if ineligible, the current discount if disqualified, otherwise the maximum.
//!
//! ```
//! use ete_core::hours::IncentivePolicy;
//! use ete_core::Minutes;
//!
//! let p = IncentivePolicy::default();
//! let required = Minutes::new(6_000)?; // 100 hours
//! assert_eq!(p.threshold(required)?.get(), 1_500);
//! assert_eq!(p.maximum_discount(required)?.get(), 1_500);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::minutes::{Minutes, MinutesError};
use crate::ratio::{Ratio, RatioError, Rounding};

/// The scheme's two ratios: the qualifying threshold `q` and the discount rate `d`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IncentivePolicy {
    /// `q`: the share of the required time to work before the discount starts (default 1/4).
    pub threshold: Ratio,
    /// `d`: minutes of discount per further qualifying minute (default 1/2).
    pub discount_rate: Ratio,
}

impl Default for IncentivePolicy {
    fn default() -> IncentivePolicy {
        IncentivePolicy {
            threshold: Ratio::percent(25),
            discount_rate: Ratio::percent(50),
        }
    }
}

/// Where a requirement stands in the scheme (H-12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum IncentiveState {
    /// The requirement is not in the scheme.
    Ineligible,
    /// In the scheme, below the qualifying threshold.
    Eligible,
    /// At or above the threshold: each further qualifying minute earns discount.
    Qualifying,
    /// An unacceptable absence ended qualifying; the discount earned so far is kept.
    Disqualified,
}

/// The scheme's figures for a requirement at a point in its ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IncentiveStatus {
    /// Where the requirement stands.
    pub state: IncentiveState,
    /// Qualifying minutes (signed: adjustments can take it below zero).
    pub qualifying: i64,
    /// The threshold, `half_up(required × q)`.
    pub threshold: Minutes,
    /// The discount earned so far.
    pub current_discount: Minutes,
    /// The most the scheme can give.
    pub maximum_discount: Minutes,
    /// What the person can expect if nothing changes.
    pub projected_discount: Minutes,
}

impl IncentivePolicy {
    /// `half_up(required × q)`.
    pub fn threshold(&self, required: Minutes) -> Result<Minutes, MinutesError> {
        self.threshold.apply(required, Rounding::HalfUp)
    }

    /// `d(1 − q)/(1 + d)` as one exact ratio; errors if `q > 1`.
    pub fn maximum_ratio(&self) -> Result<Ratio, RatioError> {
        let (qn, qd) = (self.threshold.numerator(), self.threshold.denominator());
        let (dn, dd) = (
            self.discount_rate.numerator(),
            self.discount_rate.denominator(),
        );
        let one_minus_q = qd.saturating_sub(qn);
        Ratio::new(
            dn.saturating_mul(one_minus_q),
            qd.saturating_mul(dd.saturating_add(dn)),
        )
    }

    /// `half_up(required × d(1 − q)/(1 + d))`.
    pub fn maximum_discount(&self, required: Minutes) -> Result<Minutes, MinutesError> {
        match self.maximum_ratio() {
            Ok(r) => r.apply(required, Rounding::HalfUp),
            Err(_) => Ok(Minutes::ZERO),
        }
    }

    /// The status from the qualifying minutes counted before any unacceptable absence.
    pub fn status(
        &self,
        eligible: bool,
        required: Minutes,
        qualifying: i64,
        disqualified: bool,
    ) -> Result<IncentiveStatus, MinutesError> {
        let threshold = self.threshold(required)?;
        let maximum = self.maximum_discount(required)?;
        let above = u64::try_from(qualifying.saturating_sub(threshold.as_signed())).unwrap_or(0);
        let earned = self
            .discount_rate
            .apply(Minutes::new(above)?, Rounding::HalfUp)?
            .min(maximum);
        let (state, current, projected) = if !eligible {
            (IncentiveState::Ineligible, Minutes::ZERO, Minutes::ZERO)
        } else if disqualified {
            (IncentiveState::Disqualified, earned, earned)
        } else if qualifying >= threshold.as_signed() {
            (IncentiveState::Qualifying, earned, maximum)
        } else {
            (IncentiveState::Eligible, earned, maximum)
        };
        Ok(IncentiveStatus {
            state,
            qualifying,
            threshold,
            current_discount: current,
            maximum_discount: maximum,
            projected_discount: projected,
        })
    }
}
