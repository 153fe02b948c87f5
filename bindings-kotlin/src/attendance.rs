//! Attendance summaries, statutory codes and absence flags, unprocessed absences
//! and contribution summaries for Kotlin, as plain records.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use ete_core::contribution::{Contribution as CoreContribution, ContributionSummary as Core};
use ete_core::register::{
    self, AttendanceSummary as CoreSummary, Mark, Scope, StatutoryPolicy, StatutoryReport,
    UnprocessedAbsence,
};

use crate::register::{Register, snapshots};
use crate::{EteError, UtcDateTime};

/// An exact fraction, with its percentage to one decimal (rounded half up) for display.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Fraction {
    /// The numerator.
    pub numerator: i64,
    /// The denominator, never zero.
    pub denominator: u64,
    /// The value as a percentage to one decimal, e.g. `"33.3"`.
    pub percent: String,
}

impl From<ete_core::Fraction> for Fraction {
    fn from(f: ete_core::Fraction) -> Fraction {
        Fraction {
            numerator: f.numerator(),
            denominator: f.denominator(),
            percent: f.percent(1).unwrap_or_default(),
        }
    }
}

/// Rates over possible sessions; their numerators add up to the denominator.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Rates {
    /// Present and late.
    pub attended: Fraction,
    /// Authorised absences.
    pub authorised: Fraction,
    /// Unauthorised absences.
    pub unauthorised: Fraction,
    /// Unexplained absences, still for the school.
    pub unexplained: Fraction,
    /// Dismissed.
    pub dismissed: Fraction,
}

/// Counts per mark for a learner or a group, and the rates that follow from them. The
/// statutory figures are `statutorySummary`'s.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AttendanceSummary {
    /// Entries per mark.
    pub counts: HashMap<Mark, u64>,
    /// Entries still unmarked.
    pub unmarked: u64,
    /// Possible sessions: marked entries except not required.
    pub possible: u64,
    /// Rates, or null with no possible sessions.
    pub rates: Option<Rates>,
}

impl From<&CoreSummary> for AttendanceSummary {
    fn from(s: &CoreSummary) -> AttendanceSummary {
        AttendanceSummary {
            counts: s.counts.iter().map(|(m, n)| (*m, *n)).collect(),
            unmarked: s.unmarked,
            possible: s.possible(),
            rates: s.rates().map(|r| Rates {
                attended: r.attended.into(),
                authorised: r.authorised.into(),
                unauthorised: r.unauthorised.into(),
                unexplained: r.unexplained.into(),
                dismissed: r.dismissed.into(),
            }),
        }
    }
}

/// Per-learner summaries, the group's (the sum of its members') and registers not completed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SummaryReport {
    /// One summary per learner.
    pub learners: HashMap<String, AttendanceSummary>,
    /// The group.
    pub group: AttendanceSummary,
    /// Lessons whose register still has unmarked entries after the end of their day.
    pub incomplete_registers: Vec<String>,
}

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
    let report = register::summarise(&snapshots(&registers)?, &scope, now);
    Ok(SummaryReport {
        learners: report
            .learners
            .iter()
            .map(|(l, s)| (l.clone(), s.into()))
            .collect(),
        group: (&report.group).into(),
        incomplete_registers: report.incomplete_registers,
    })
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

/// Count, sum and exact mean of contribution scores.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ContributionSummary {
    /// Scores recorded.
    pub count: u64,
    /// Their sum.
    pub sum: i64,
    /// The exact mean, or null with no scores.
    pub mean: Option<Fraction>,
    /// The mean to two decimals (`"1.33"`), or null.
    pub mean_text: Option<String>,
}

impl From<Core> for ContributionSummary {
    fn from(s: Core) -> ContributionSummary {
        ContributionSummary {
            count: s.count,
            sum: s.sum,
            mean: s.mean().map(Fraction::from),
            mean_text: s.mean_text(),
        }
    }
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
    Ok(register::contribution_summary(&snapshots(&registers)?, &learner, &scope).into())
}

/// The summary of some scores; any outside −2..=+2 is `EteException.InvalidContribution`.
#[uniffi::export]
pub fn summarise_contributions(scores: Vec<i64>) -> Result<ContributionSummary, EteError> {
    let scores = scores
        .into_iter()
        .map(CoreContribution::new)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Core::of(scores).into())
}
