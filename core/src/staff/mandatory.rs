//! Mandatory learning that expires (S-1, seed 003: Prevent "must be completed every 3 years";
//! a Wrap3 completion counts until it expires).
//!
//! A completion counts from the day it was made until the day before it expires: it expires on
//! `completedOn + validityMonths` (calendar months, end-of-month clamping), and on that day the
//! course is `expired`. It is `due_soon` when it expires within the policy's `dueSoonDays` days
//! (on day `expiresOn - dueSoonDays` or later). Of several completions, the one that expires
//! last counts. Completions dated after the day asked about, and courses the policy does not
//! list, count for nothing.

#[cfg(feature = "python")]
use pyo3::prelude::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::staff::{StaffError, StaffPolicy, StaffRecord, add_months};

/// Where a person stands on a mandatory course on a date (S-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LearningState {
    /// A completion counts and does not expire within the due-soon window.
    UpToDate,
    /// A completion counts but expires within the due-soon window.
    DueSoon,
    /// Every completion has expired.
    Expired,
    /// No completion of any course that satisfies it.
    NeverDone,
}

crate::codes!(LearningState, "learning state", "S-1", {
    UpToDate => "up_to_date",
    DueSoon => "due_soon",
    Expired => "expired",
    NeverDone => "never_done",
});

impl LearningState {
    /// Whether a completion still counts (up to date or due soon).
    pub fn counts(self) -> bool {
        matches!(self, LearningState::UpToDate | LearningState::DueSoon)
    }
}

/// One mandatory course for one person on one date, with the completion that counts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MandatoryStatus {
    /// The person's id.
    pub person: String,
    /// The mandatory course's code.
    pub course: String,
    /// Where the person stands.
    pub state: LearningState,
    /// The course completed that counts (or last counted), e.g. `wrap3`.
    pub counted: Option<String>,
    /// The day that completion was made.
    pub completed_on: Option<NaiveDate>,
    /// The day it expires (the first day it no longer counts).
    pub expires_on: Option<NaiveDate>,
}

/// Each mandatory course of the policy for `record` on `on` (S-1), in the policy's order.
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::staff::*;
///
/// let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let mut r = StaffRecord::new("S-1", "");
/// r.completions.push(LearningCompletion { course: "wrap3".into(), completed_on: day("2020-11-30") });
/// let s = &mandatory_status(&StaffPolicy::default(), &r, day("2023-11-29"))?[0];
/// assert_eq!((s.state, s.counted.as_deref()), (LearningState::DueSoon, Some("wrap3")));
/// assert_eq!(s.expires_on, Some(day("2023-11-30")));
/// let s = &mandatory_status(&StaffPolicy::default(), &r, day("2023-11-30"))?[0];
/// assert_eq!(s.state, LearningState::Expired);
/// # Ok::<(), StaffError>(())
/// ```
pub fn mandatory_status(
    policy: &StaffPolicy,
    record: &StaffRecord,
    on: NaiveDate,
) -> Result<Vec<MandatoryStatus>, StaffError> {
    let mut out = Vec::with_capacity(policy.mandatory.len());
    for course in &policy.mandatory {
        let mut best: Option<(NaiveDate, &str, NaiveDate)> = None;
        for c in &record.completions {
            if c.completed_on > on || !course.satisfied_by.contains(&c.course) {
                continue;
            }
            let expires = add_months(c.completed_on, course.validity_months, "completedOn")?;
            if best.is_none_or(|(e, _, _)| expires > e) {
                best = Some((expires, c.course.as_str(), c.completed_on));
            }
        }
        let state = match best {
            None => LearningState::NeverDone,
            Some((expires, _, _)) if on >= expires => LearningState::Expired,
            Some((expires, _, _)) => {
                let left = expires.signed_duration_since(on).num_days();
                if left <= i64::from(policy.due_soon_days) {
                    LearningState::DueSoon
                } else {
                    LearningState::UpToDate
                }
            }
        };
        out.push(MandatoryStatus {
            person: record.id.clone(),
            course: course.id.clone(),
            state,
            counted: best.map(|(_, name, _)| name.to_owned()),
            completed_on: best.map(|(_, _, done)| done),
            expires_on: best.map(|(expires, _, _)| expires),
        });
    }
    Ok(out)
}

/// Whether every mandatory course still counts on `on` (up to date or due soon): what the PSO
/// route into PQiP asks (S-3).
pub fn mandatory_up_to_date(
    policy: &StaffPolicy,
    record: &StaffRecord,
    on: NaiveDate,
) -> Result<bool, StaffError> {
    Ok(mandatory_status(policy, record, on)?
        .iter()
        .all(|s| s.state.counts()))
}
