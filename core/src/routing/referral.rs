//! The referral check on a risk assessment's age (T-8): a local rule, held in a policy.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;

/// How old a risk assessment may be at referral, in calendar months (T-8; default 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferralPolicy {
    /// Calendar months a risk assessment stays valid for a referral.
    pub risk_assessment_months: u32,
}

impl Default for ReferralPolicy {
    fn default() -> ReferralPolicy {
        ReferralPolicy {
            risk_assessment_months: 3,
        }
    }
}

impl ReferralPolicy {
    /// The longest a policy may keep a risk assessment valid, in months (5 years: T-8's
    /// default is 3).
    pub const MAX_MONTHS: u32 = 60;

    /// Checks the policy: `riskAssessmentMonths` within 1..=[`ReferralPolicy::MAX_MONTHS`], else
    /// [`ReferralError::InvalidPolicy`] naming the field, the value and the range (T-8). A
    /// placement checks its policy when it is opened or restored, and [`check_referral`] before
    /// it applies one.
    ///
    /// ```
    /// use ete_core::routing::ReferralPolicy;
    /// assert!(ReferralPolicy::default().check().is_ok());
    /// let err = ReferralPolicy { risk_assessment_months: 0 }.check().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "referral policy field riskAssessmentMonths is 0: expected 1..=60 (T-8)"
    /// );
    /// ```
    pub fn check(&self) -> Result<(), ReferralError> {
        if (1..=ReferralPolicy::MAX_MONTHS).contains(&self.risk_assessment_months) {
            return Ok(());
        }
        Err(ReferralError::InvalidPolicy {
            field: "riskAssessmentMonths",
            value: self.risk_assessment_months,
            range: format!("1..={}", ReferralPolicy::MAX_MONTHS),
        })
    }
}

/// Why a referral was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReferralError {
    /// The risk assessment was completed too long before the referral (T-8).
    #[error(
        "risk assessment of {assessed_on} is valid for referrals up to {valid_until}; the referral is dated {referral_on} (T-8)"
    )]
    RiskAssessmentTooOld {
        /// When the risk assessment was completed.
        assessed_on: NaiveDate,
        /// The referral's date.
        referral_on: NaiveDate,
        /// The last referral date it covers.
        valid_until: NaiveDate,
    },
    /// The policy holds a value outside its range ([`ErrorKind::InvalidPolicy`]).
    #[error("referral policy field {field} is {value}: expected {range} (T-8)")]
    InvalidPolicy {
        /// The policy field (`riskAssessmentMonths`).
        field: &'static str,
        /// The value given.
        value: u32,
        /// The range it must lie in.
        range: String,
    },
    /// The risk assessment is dated after the referral.
    #[error("risk assessment dated {assessed_on} is after the referral of {referral_on}")]
    AssessmentAfterReferral {
        /// When the risk assessment was completed.
        assessed_on: NaiveDate,
        /// The referral's date.
        referral_on: NaiveDate,
    },
}

impl ReferralError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ReferralError::RiskAssessmentTooOld { .. } => ErrorKind::RiskAssessmentTooOld,
            ReferralError::AssessmentAfterReferral { .. } => ErrorKind::InvalidField,
            ReferralError::InvalidPolicy { .. } => ErrorKind::InvalidPolicy,
        }
    }
}

/// The last referral date a risk assessment covers: `assessed_on` + the policy's months, in
/// calendar months with end-of-month clamping (31 May + 3 = 31 Aug; 30 Nov + 3 = 28/29 Feb).
pub fn valid_until(policy: &ReferralPolicy, assessed_on: NaiveDate) -> NaiveDate {
    assessed_on
        .checked_add_months(Months::new(policy.risk_assessment_months))
        .unwrap_or(NaiveDate::MAX)
}

/// Accepts the referral if the risk assessment covers its date (T-8).
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::routing::{check_referral, ReferralPolicy};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let p = ReferralPolicy::default();
/// assert!(check_referral(&p, d(2026, 11, 30), d(2027, 2, 28)).is_ok());
/// assert!(check_referral(&p, d(2026, 11, 30), d(2027, 3, 1)).is_err());
/// ```
pub fn check_referral(
    policy: &ReferralPolicy,
    assessed_on: NaiveDate,
    referral_on: NaiveDate,
) -> Result<NaiveDate, ReferralError> {
    policy.check()?;
    if assessed_on > referral_on {
        return Err(ReferralError::AssessmentAfterReferral {
            assessed_on,
            referral_on,
        });
    }
    let until = valid_until(policy, assessed_on);
    if referral_on > until {
        return Err(ReferralError::RiskAssessmentTooOld {
            assessed_on,
            referral_on,
            valid_until: until,
        });
    }
    Ok(until)
}
