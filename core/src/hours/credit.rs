//! What a completion is worth: the credit decision with its reason (H-3..H-8).
//!
//! For one completion, with `guided` the guided time, `actual` the time taken and `p` the agreed
//! allowance percentage:
//!
//! | case | credited | reason |
//! |---|---|---|
//! | failed | 0 | [`CreditReason::Failed`] (H-3) |
//! | course already credited for the person, repeats not allowed | 0 | [`CreditReason::Duplicate`] (H-7) |
//! | `actual ≤ guided` | `actual` | [`CreditReason::WithinGuidedTime`] (H-4) |
//! | over guided, no agreement | `guided` | [`CreditReason::CappedAtGuidedTime`] (H-5) |
//! | over guided, agreement, `actual ≤ cap` | `actual` | [`CreditReason::WithinAllowance`] (H-5) |
//! | over guided, agreement, `actual > cap` | `cap` | [`CreditReason::CappedAtAllowance`] (H-5) |
//!
//! with `cap = half_up(guided × (100 + p) / 100)`. An agreement applies when it is for the same
//! person and dated on or before the completion's local date; if several do, the latest does.
//!
//! Against requirements ([`credit_against_requirements`](crate::hours::credit_against_requirements)),
//! the credit is further limited by the requirement's remaining ETE allowance and remaining time:
//! [`CreditReason::LimitedByEteAllowance`], [`CreditReason::LimitedByRemainingTime`],
//! [`CreditReason::NothingLeftToCredit`], or [`CreditReason::NoRequirement`].
//!
//! ```
//! use ete_core::hours::{credit_batch, Completion, CreditPolicy, CreditReason};
//!
//! let c: Completion = serde_json::from_str(r#"{"externalReference": "P-1",
//!     "courseName": "Digital skills", "completionDateTime": "2026-11-02T14:05:00Z",
//!     "status": "Completed", "totalTimeMinutes": 150, "expectedTimeMinutes": 120}"#)?;
//! let decisions = credit_batch(&[c], &[], &[], &CreditPolicy::default());
//! assert_eq!(decisions[0].credited.get(), 120);
//! assert_eq!(decisions[0].reason, CreditReason::CappedAtGuidedTime);
//! # Ok::<(), serde_json::Error>(())
//! ```

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::collections::HashSet;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::hours::{Completion, CompletionStatus, CreditPolicy, ExtraTimeAgreement};
use crate::minutes::Minutes;
use crate::ratio::{Ratio, Rounding};

/// Why a completion is credited as it is (H-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CreditReason {
    /// Completed within or under the guided time: the actual time is credited (H-4).
    WithinGuidedTime,
    /// Over the guided time but within an agreed allowance: the actual time is credited (H-5).
    WithinAllowance,
    /// Over the guided time, no agreement: the guided time is credited (H-5).
    CappedAtGuidedTime,
    /// Over the agreed allowance: the allowance cap is credited (H-5).
    CappedAtAllowance,
    /// The course was failed: nothing is credited (H-3).
    Failed,
    /// The course was already credited for this person and the policy does not credit repeats
    /// (H-7).
    Duplicate,
    /// Only part fits the requirement's remaining ETE allowance (H-10): that part is credited.
    LimitedByEteAllowance,
    /// Only part fits the requirement's remaining time (H-11): that part is credited.
    LimitedByRemainingTime,
    /// The ETE allowance or the requirement's time is used up: nothing is credited (H-10, H-11).
    NothingLeftToCredit,
    /// The person has no requirement started by the completion's date: nothing is credited.
    NoRequirement,
}

crate::codes!(CreditReason, "credit reason", "H-3..H-11", {
    WithinGuidedTime => "within_guided_time",
    WithinAllowance => "within_allowance",
    CappedAtGuidedTime => "capped_at_guided_time",
    CappedAtAllowance => "capped_at_allowance",
    Failed => "failed",
    Duplicate => "duplicate",
    LimitedByEteAllowance => "limited_by_ete_allowance",
    LimitedByRemainingTime => "limited_by_remaining_time",
    NothingLeftToCredit => "nothing_left_to_credit",
    NoRequirement => "no_requirement",
});

impl CreditReason {
    /// The reason with this index in [`CreditReason::ALL`] (the code the columnar API returns).
    pub fn from_index(index: u8) -> Option<CreditReason> {
        CreditReason::ALL.get(usize::from(index)).copied()
    }

    /// This reason's index in [`CreditReason::ALL`] (the code the columnar API returns).
    pub const fn index(self) -> u8 {
        self as u8
    }

    /// A sentence for the administrator's notes.
    pub const fn explanation(self) -> &'static str {
        match self {
            CreditReason::WithinGuidedTime => {
                "completed within the guided time: actual time credited"
            }
            CreditReason::WithinAllowance => {
                "over the guided time, within the agreed extra-time allowance: actual time credited"
            }
            CreditReason::CappedAtGuidedTime => {
                "over the guided time with no extra-time agreement: guided time credited"
            }
            CreditReason::CappedAtAllowance => {
                "over the agreed extra-time allowance: the allowance cap credited"
            }
            CreditReason::Failed => "course failed: do not credit",
            CreditReason::Duplicate => "course already credited for this person: do not credit",
            CreditReason::LimitedByEteAllowance => {
                "only part fits the remaining ETE allowance: that part credited"
            }
            CreditReason::LimitedByRemainingTime => {
                "only part fits the requirement's remaining time: that part credited"
            }
            CreditReason::NothingLeftToCredit => {
                "the ETE allowance or the requirement's time is used up: do not credit"
            }
            CreditReason::NoRequirement => {
                "no requirement for this person on this date: do not credit"
            }
        }
    }
}

/// A course already credited for a person, from earlier batches (H-7).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PriorCredit {
    /// The person's reference.
    pub person_ref: String,
    /// The course's name.
    pub course_name: String,
}

/// The recommendation for one completion (H-8): credit `credited` minutes on `date`, or nothing,
/// and why. Holds ids only.
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash)
)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreditDecision {
    /// The completion's index in the batch given.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub position: usize,
    /// The person's reference.
    pub person_ref: String,
    /// The course's name.
    pub course_name: String,
    /// The completion's local date (`Europe/London`): the date to record the credit on.
    pub date: NaiveDate,
    /// The actual time taken.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub actual: Minutes,
    /// The guided time.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub guided: Minutes,
    /// The most that could be credited: the guided time, or the allowance cap under an agreement.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub cap: Minutes,
    /// The minutes to credit (zero for a failure or a duplicate).
    pub credited: Minutes,
    /// Why.
    pub reason: CreditReason,
    /// The allowance percentage applied, when an agreement applied.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub allowance_percent: Option<u32>,
    /// Whether the person had already been credited for this course (H-7), whatever the policy.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub repeat: bool,
    /// The requirement credited, when the decision was made against requirements
    /// ([`credit_against_requirements`](crate::hours::credit_against_requirements)).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub requirement_id: Option<String>,
}

impl fmt::Display for CreditDecision {
    /// `P-1 "Digital skills" 2026-11-02: credit 02:00 (capped_at_guided_time)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?} {}: ",
            self.person_ref, self.course_name, self.date
        )?;
        if self.credited == Minutes::ZERO {
            write!(f, "do not credit ({})", self.reason)
        } else {
            write!(f, "credit {} ({})", self.credited, self.reason)
        }
    }
}

/// The cap for a completion over its guided time: `guided`, or `half_up(guided × (100 + p) / 100)`
/// when an allowance of `p` percent applies (H-5). Saturates at [`Minutes::MAX`], which no actual
/// time exceeds, so `min(actual, cap)` stays exact.
#[inline]
pub fn allowance_cap(guided: Minutes, allowance_percent: Option<u32>) -> Minutes {
    // With no agreement the ratio is 100% and the cap is the guided time itself.
    Ratio::percent(allowance_percent.unwrap_or(0).saturating_add(100))
        .apply(guided, Rounding::HalfUp)
        .unwrap_or(Minutes::MAX)
}

/// The allowance percentage that applies to `completion`, if any agreement does (H-6): the latest
/// agreement for the same person dated on or before the completion's local date.
pub fn applicable_allowance(
    completion: &Completion,
    agreements: &[ExtraTimeAgreement],
    policy: &CreditPolicy,
) -> Option<u32> {
    allowance_on(completion, completion.local_date(), agreements, policy)
}

fn allowance_on(
    completion: &Completion,
    date: NaiveDate,
    agreements: &[ExtraTimeAgreement],
    policy: &CreditPolicy,
) -> Option<u32> {
    if agreements.is_empty() {
        return None;
    }
    agreements
        .iter()
        .filter(|a| a.person_ref() == completion.person_ref() && a.applies_on(date))
        .max_by_key(|a| a.agreed_on())
        .map(|a| a.allowance_percent().unwrap_or(policy.allowance_percent()))
}

/// What one completion is worth from its numbers alone (H-3..H-5, H-7): the minutes to credit
/// and why. `duplicate` is whether the course was already credited for the person *and* the
/// policy does not credit repeats; `allowance_percent` is the agreed allowance, if an agreement
/// applies. [`credit`], [`credit_batch`] and the columnar
/// [`credit_columns`](crate::columns::credit_columns) all decide through this function.
///
/// ```
/// use ete_core::Minutes;
/// use ete_core::hours::{credit_minutes, CreditReason};
///
/// let (actual, guided) = (Minutes::new(150)?, Minutes::new(120)?);
/// assert_eq!(credit_minutes(actual, guided, true, false, None),
///            (guided, CreditReason::CappedAtGuidedTime));
/// assert_eq!(credit_minutes(actual, guided, true, false, Some(20)),
///            (Minutes::new(144)?, CreditReason::CappedAtAllowance));
/// # Ok::<(), ete_core::MinutesError>(())
/// ```
#[inline]
pub fn credit_minutes(
    actual: Minutes,
    guided: Minutes,
    passed: bool,
    duplicate: bool,
    allowance_percent: Option<u32>,
) -> (Minutes, CreditReason) {
    let cap = allowance_cap(guided, allowance_percent);
    let reason = if !passed {
        CreditReason::Failed
    } else if duplicate {
        CreditReason::Duplicate
    } else if actual <= guided {
        CreditReason::WithinGuidedTime
    } else if allowance_percent.is_none() {
        CreditReason::CappedAtGuidedTime
    } else if actual <= cap {
        CreditReason::WithinAllowance
    } else {
        CreditReason::CappedAtAllowance
    };
    let credited = if passed && !duplicate {
        actual.min(cap)
    } else {
        Minutes::ZERO
    };
    (credited, reason)
}

/// Credits one completion, given whether the course was already credited for the person
/// (`repeat`). Most callers want [`credit_batch`], which works `repeat` out.
pub fn credit(
    completion: &Completion,
    position: usize,
    repeat: bool,
    agreements: &[ExtraTimeAgreement],
    policy: &CreditPolicy,
) -> CreditDecision {
    let (actual, guided) = (completion.actual(), completion.guided());
    let date = completion.local_date();
    let allowance_percent = allowance_on(completion, date, agreements, policy);
    let (credited, reason) = credit_minutes(
        actual,
        guided,
        completion.status() != CompletionStatus::Failed,
        repeat && !policy.credit_repeats(),
        allowance_percent,
    );
    CreditDecision {
        position,
        person_ref: completion.person_ref().to_owned(),
        course_name: completion.course_name().to_owned(),
        date,
        actual,
        guided,
        cap: allowance_cap(guided, allowance_percent),
        credited,
        reason,
        allowance_percent,
        repeat,
        requirement_id: None,
    }
}

/// Credits a batch of completions (H-3..H-8), one decision per completion, in input order.
///
/// Duplicates (H-7) are found across `prior` credits and the batch itself: completions are taken
/// in order of completion time (ties in input order), and a course counts as credited for a person
/// once one of their completions of it has been credited. A failed completion credits nothing and
/// so does not make a later pass a duplicate.
pub fn credit_batch(
    completions: &[Completion],
    prior: &[PriorCredit],
    agreements: &[ExtraTimeAgreement],
    policy: &CreditPolicy,
) -> Vec<CreditDecision> {
    let mut credited: HashSet<(&str, &str)> = prior
        .iter()
        .map(|p| (p.person_ref.as_str(), p.course_name.as_str()))
        .collect();
    let mut order: Vec<(usize, &Completion)> = completions.iter().enumerate().collect();
    order.sort_by_key(|(position, c)| (c.completed_at(), *position));
    let mut decisions: Vec<CreditDecision> = order
        .into_iter()
        .map(|(position, c)| {
            let key = (c.person_ref(), c.course_name());
            let decision = credit(c, position, credited.contains(&key), agreements, policy);
            if !matches!(
                decision.reason,
                CreditReason::Failed | CreditReason::Duplicate
            ) {
                credited.insert(key);
            }
            decision
        })
        .collect();
    decisions.sort_by_key(|d| d.position);
    decisions
}
