//! Attendance summaries, statutory codes and absence flags, unprocessed absences
//! and contribution summaries for Kotlin: core's own records.

use std::sync::Arc;

use chrono::NaiveDate;
use ete_core::contribution::{Contribution, ContributionSummary};
use ete_core::register::{
    self, Mark, Scope, StatutoryPolicy, StatutoryReport, SummaryReport, UnprocessedAbsence,
};

use crate::register::{Register, snapshots};
use crate::{EteError, UtcDateTime};

/// Summarises attendance over registers as of `now`, for some learners (all when null)
/// and lesson days `from..=to`.
#[uniffi::export(default(learners = None, from = None, to = None))]
pub fn summarise(
    registers: Vec<Arc<Register>>,
    now: UtcDateTime,
    learners: Option<Vec<String>>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<SummaryReport, EteError> {
    let scope = Scope { learners, from, to };
    Ok(register::summarise(&snapshots(&registers)?, &scope, now))
}

/// The statutory figures per learner and for the group over lesson days `from..=to`: each
/// entry counted by the category of the code `policy_json` (a statutory policy; default:
/// docs/RULES.md R-8) maps its mark to, checked on each lesson's day (a code unknown, withdrawn or
/// not yet in force is `EteException.InvalidPolicy`).
#[uniffi::export(default(learners = None, from = None, to = None, policy_json = None))]
pub fn statutory_summary(
    registers: Vec<Arc<Register>>,
    learners: Option<Vec<String>>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    policy_json: Option<String>,
) -> Result<StatutoryReport, EteError> {
    let scope = Scope { learners, from, to };
    Ok(register::statutory_summary(
        &snapshots(&registers)?,
        &scope,
        &policy(policy_json)?,
    )?)
}

/// The statutory export as CSV text, one row per learner (columns: core's
/// `StatutoryReport::csv_header`); arguments as `statutorySummary`'s.
#[uniffi::export(default(learners = None, from = None, to = None, policy_json = None))]
pub fn statutory_csv(
    registers: Vec<Arc<Register>>,
    learners: Option<Vec<String>>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    policy_json: Option<String>,
) -> Result<String, EteError> {
    let scope = Scope { learners, from, to };
    Ok(register::statutory_csv(
        &snapshots(&registers)?,
        &scope,
        &policy(policy_json)?,
    )?)
}

/// A statutory policy from its JSON, or the default.
pub(crate) fn policy(json: Option<String>) -> Result<StatutoryPolicy, EteError> {
    Ok(json.map_or_else(
        || Ok(StatutoryPolicy::default()),
        |t| StatutoryPolicy::from_json(&t),
    )?)
}

/// The unexplained absences of `learners` (a school's), oldest first.
#[uniffi::export]
pub fn unprocessed_absences(
    registers: Vec<Arc<Register>>,
    learners: Vec<String>,
) -> Result<Vec<UnprocessedAbsence>, EteError> {
    Ok(register::unprocessed_absences(
        &snapshots(&registers)?,
        &learners,
    ))
}

/// The statutory code for a mark under the default mapping, or null (not required).
#[uniffi::export]
pub fn statutory_code(mark: Mark) -> Option<String> {
    StatutoryPolicy::default().code(mark).map(str::to_owned)
}

/// A learner's contribution summary over registers, for lesson days `from..=to`.
#[uniffi::export(default(from = None, to = None))]
pub fn contribution_summary(
    registers: Vec<Arc<Register>>,
    learner: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<ContributionSummary, EteError> {
    let scope = Scope {
        learners: None,
        from,
        to,
    };
    Ok(register::contribution_summary(
        &snapshots(&registers)?,
        &learner,
        &scope,
    ))
}

/// The summary of some scores; any outside −2..=+2 is `EteException.InvalidContribution`.
#[uniffi::export]
pub fn summarise_contributions(scores: Vec<i64>) -> Result<ContributionSummary, EteError> {
    let scores = scores
        .into_iter()
        .map(Contribution::new)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ContributionSummary::of(scores))
}
