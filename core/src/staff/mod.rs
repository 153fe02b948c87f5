//! Staff learning and eligibility ([rules](crate::rules) §6, S-1..S-4): mandatory learning that
//! expires, the Probation Qualifications Framework's tasks, PQiP routes, GFiE vacancies and
//! candidates, and a team's compliance report.
//!
//! - [`StaffRecord`]: one member of staff's qualifications, awards in progress, roles, employment
//!   facts, CPD review and mandatory learning completions. `Debug` shows ids only.
//! - [`StaffPolicy`]: every number and list of S-1..S-4 as data (JSON, camelCase keys), checked
//!   where it is built; `Default` is the seeds' rules.
//! - [`mandatory_status`] (S-1), [`task_decision`] and [`verification_check`] (S-2),
//!   [`pqip_decision`] (S-3), [`vacancy_decision`], [`candidate_decision`] and
//!   [`feedback_due`] (S-4), [`team_compliance`] (rows and CSV).
//!
//! Dates are calendar dates; "N months after" is chrono's `checked_add_months` (end-of-month
//! clamping: 31 August + 12 months = 31 August, 29 February + 12 months = 28 February). The date
//! a rule is decided on is always an argument.
//!
//! ```
//! use chrono::NaiveDate;
//! use ete_core::staff::*;
//!
//! let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! let policy = StaffPolicy::default();
//! let mut record = StaffRecord::new("S-1", "Sam Example");
//! record.roles.push(RoleHeld { role: "po".into(), started_on: day("2019-01-07") });
//! record.roles.push(RoleHeld { role: "assessor".into(), started_on: day("2025-08-31") });
//! record.working_towards.push(InProgress { name: "a1".into(), started_on: day("2025-09-01") });
//! record.cpd_reviewed_on = Some(day("2026-03-01"));
//! let d = task_decision(&policy, &record, "assess_l3_vq", day("2026-08-31"))?;
//! assert_eq!(d.status, TaskStatus::EligibleWorkingTowards);
//! assert_eq!(d.due, Some(day("2026-08-31")));
//! let d = task_decision(&policy, &record, "assess_l3_vq", day("2026-09-01"))?;
//! assert_eq!((d.status, d.since), (TaskStatus::Overdue, Some(day("2026-09-01"))));
//! assert!(!format!("{record:?}").contains("Sam"));
//! # Ok::<(), StaffError>(())
//! ```

mod error;
mod gfie;
mod mandatory;
mod policy;
mod pqf;
mod pqip;
mod record;
mod report;

pub use error::StaffError;
pub use gfie::{
    Candidate, CandidateDecision, GfieReason, Vacancy, VacancyDecision, candidate_decision,
    feedback_due, vacancy_decision,
};
pub use mandatory::{LearningState, MandatoryStatus, mandatory_status, mandatory_up_to_date};
pub use policy::{
    Basis, GfiePolicy, HeldFor, MandatoryCourse, PqfTask, PqipPolicy, QualificationGroup,
    StaffPolicy, Towards,
};
pub use pqf::{
    MissingRequirement, Objectivity, ObjectivityReason, RequirementKind, TaskDecision, TaskStatus,
    VqAssessment, objectivity_conflicts, task_decision, verification_check,
};
pub use pqip::{PqipDecision, PqipReason, PqipRoute, Programme, pqip_decision};
pub use record::{InProgress, LearningCompletion, Qualification, RoleHeld, StaffRecord};
pub use report::{Attention, ComplianceReport, ComplianceRow, RowKind, team_compliance};

use chrono::{Days, Months, NaiveDate};

/// `date` + `months` calendar months (end-of-month clamping), or
/// [`StaffError::DateOutOfRange`] naming `field`.
pub(crate) fn add_months(
    date: NaiveDate,
    months: u32,
    field: &'static str,
) -> Result<NaiveDate, StaffError> {
    date.checked_add_months(Months::new(months))
        .ok_or(StaffError::DateOutOfRange { field, date })
}

/// `date` + `days` days, or [`StaffError::DateOutOfRange`] naming `field`.
pub(crate) fn add_days(
    date: NaiveDate,
    days: u32,
    field: &'static str,
) -> Result<NaiveDate, StaffError> {
    date.checked_add_days(Days::new(u64::from(days)))
        .ok_or(StaffError::DateOutOfRange { field, date })
}
