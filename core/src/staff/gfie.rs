//! Going Forward into Employment (S-4, seed 003): which vacancies qualify, which candidates are
//! in the scheme's window, and when feedback is due.
//!
//! A vacancy qualifies when all four criteria hold: a grade the policy lists (Probation Band
//! 2–3, MoJ Band F–D, HMPPS Band 2–4), a fixed term of at most `maxTermMonths` (24), no
//! national security clearance (CTC, SC, DV; a clearance the policy lists neither way is
//! refused too), and approval by one of the policy's approvers (the Deputy Director or Regional
//! Probation Director). A candidate is in the window from the day their custodial or community
//! sentence was completed to `windowMonths` (24) calendar months after it, both days included,
//! unless a conviction is on the policy's exclusion list. Feedback is due `feedbackDays` (5)
//! calendar days after the interview.

#[cfg(feature = "python")]
use pyo3::prelude::*;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::staff::{StaffError, StaffPolicy, add_days, add_months};

/// A vacancy put forward for GFiE.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Vacancy {
    /// The vacancy's id.
    pub id: String,
    /// Its grade (`probation_band_3`, `moj_band_e`, `hmpps_band_4`).
    pub band: String,
    /// The fixed term in months; `None` for a permanent role.
    #[serde(default)]
    pub fixed_term_months: Option<u32>,
    /// The clearances the role needs (`bpss`, `ctc`, `sc`, `dv`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub clearances: Vec<String>,
    /// Who approved it for the scheme, if anyone (`deputy_director`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub approved_by: Option<String>,
}

/// A candidate referred to GFiE. Convictions are codes; nothing else about the person is held.
/// The sentence date and convictions are personal data: `Debug` (and Kotlin's `toString`) shows
/// the id and the number of convictions only.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct Candidate {
    /// The candidate's id.
    pub id: String,
    /// The day their custodial or community sentence was completed.
    pub sentence_completed_on: NaiveDate,
    /// Conviction codes, read against the policy's exclusion list.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub convictions: Vec<String>,
}

impl fmt::Debug for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Candidate")
            .field("id", &self.id)
            .field("convictions", &self.convictions.len())
            .finish_non_exhaustive()
    }
}

/// Why a vacancy or candidate does not qualify (S-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GfieReason {
    /// A grade the policy does not list.
    BandNotEligible,
    /// A permanent role.
    NotFixedTerm,
    /// A fixed term longer than the policy allows.
    TermTooLong,
    /// It needs national security clearance.
    ClearanceRequired,
    /// A clearance the policy does not list.
    UnknownClearance,
    /// Not approved by an approver the policy lists.
    NotApproved,
    /// The sentence is not yet completed on the day.
    SentenceNotCompleted,
    /// More than the window's months since the sentence was completed.
    WindowPassed,
    /// A conviction on the exclusion list.
    ExcludedConviction,
}

crate::codes!(GfieReason, "GFiE reason", "S-4", {
    BandNotEligible => "band_not_eligible",
    NotFixedTerm => "not_fixed_term",
    TermTooLong => "term_too_long",
    ClearanceRequired => "clearance_required",
    UnknownClearance => "unknown_clearance",
    NotApproved => "not_approved",
    SentenceNotCompleted => "sentence_not_completed",
    WindowPassed => "window_passed",
    ExcludedConviction => "excluded_conviction",
});

/// Whether a vacancy qualifies, and every criterion that fails.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VacancyDecision {
    /// The vacancy's id.
    pub vacancy: String,
    /// Whether every criterion holds.
    pub qualifies: bool,
    /// Every criterion that fails.
    pub reasons: Vec<GfieReason>,
}

/// Whether a candidate is in the window on a date, and why not.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CandidateDecision {
    /// The candidate's id.
    pub candidate: String,
    /// Whether the candidate qualifies on the day.
    pub qualifies: bool,
    /// Every criterion that fails.
    pub reasons: Vec<GfieReason>,
    /// The last day of the window.
    pub window_ends_on: NaiveDate,
}

/// Decides whether `vacancy` qualifies for GFiE (S-4).
///
/// ```
/// use ete_core::staff::*;
///
/// let v = Vacancy { id: "V-1".into(), band: "probation_band_3".into(), fixed_term_months: Some(24),
///     clearances: vec!["bpss".into()], approved_by: Some("deputy_director".into()) };
/// assert!(vacancy_decision(&StaffPolicy::default(), &v).qualifies);
/// let v = Vacancy { clearances: vec!["sc".into()], ..v };
/// assert_eq!(vacancy_decision(&StaffPolicy::default(), &v).reasons, [GfieReason::ClearanceRequired]);
/// ```
pub fn vacancy_decision(policy: &StaffPolicy, vacancy: &Vacancy) -> VacancyDecision {
    let g = &policy.gfie;
    let mut reasons = Vec::new();
    if !g.bands.contains(&vacancy.band) {
        reasons.push(GfieReason::BandNotEligible);
    }
    match vacancy.fixed_term_months {
        None | Some(0) => reasons.push(GfieReason::NotFixedTerm),
        Some(m) if m > g.max_term_months => reasons.push(GfieReason::TermTooLong),
        Some(_) => {}
    }
    if vacancy
        .clearances
        .iter()
        .any(|c| g.clearances_barred.contains(c))
    {
        reasons.push(GfieReason::ClearanceRequired);
    }
    if vacancy
        .clearances
        .iter()
        .any(|c| !g.clearances_barred.contains(c) && !g.clearances_allowed.contains(c))
    {
        reasons.push(GfieReason::UnknownClearance);
    }
    if !vacancy
        .approved_by
        .as_ref()
        .is_some_and(|a| g.approvers.contains(a))
    {
        reasons.push(GfieReason::NotApproved);
    }
    VacancyDecision {
        vacancy: vacancy.id.clone(),
        qualifies: reasons.is_empty(),
        reasons,
    }
}

/// Decides whether `candidate` is in the GFiE window on `on` (S-4).
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::staff::*;
///
/// let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let c = Candidate { id: "C-1".into(), sentence_completed_on: day("2024-02-29"), convictions: vec![] };
/// let d = candidate_decision(&StaffPolicy::default(), &c, day("2026-02-28"))?;
/// assert!(d.qualifies);
/// assert_eq!(d.window_ends_on, day("2026-02-28"));
/// assert!(!candidate_decision(&StaffPolicy::default(), &c, day("2026-03-01"))?.qualifies);
/// # Ok::<(), StaffError>(())
/// ```
pub fn candidate_decision(
    policy: &StaffPolicy,
    candidate: &Candidate,
    on: NaiveDate,
) -> Result<CandidateDecision, StaffError> {
    let g = &policy.gfie;
    let window_ends_on = add_months(
        candidate.sentence_completed_on,
        g.window_months,
        "sentenceCompletedOn",
    )?;
    let mut reasons = Vec::new();
    if on < candidate.sentence_completed_on {
        reasons.push(GfieReason::SentenceNotCompleted);
    } else if on > window_ends_on {
        reasons.push(GfieReason::WindowPassed);
    }
    if candidate
        .convictions
        .iter()
        .any(|c| g.excluded_convictions.contains(c))
    {
        reasons.push(GfieReason::ExcludedConviction);
    }
    Ok(CandidateDecision {
        candidate: candidate.id.clone(),
        qualifies: reasons.is_empty(),
        reasons,
        window_ends_on,
    })
}

/// The last day to give feedback to an applicant interviewed (or not interviewed) on
/// `interview`: `feedbackDays` (5) calendar days later (S-4).
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::staff::{StaffPolicy, feedback_due};
///
/// let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// assert_eq!(feedback_due(&StaffPolicy::default(), day("2026-12-29"))?, day("2027-01-03"));
/// # Ok::<(), ete_core::staff::StaffError>(())
/// ```
pub fn feedback_due(policy: &StaffPolicy, interview: NaiveDate) -> Result<NaiveDate, StaffError> {
    add_days(interview, policy.gfie.feedback_days, "interview")
}
