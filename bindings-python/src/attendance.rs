//! Attendance summaries, statutory codes and absence flags, unprocessed absences
//! and contribution summaries. Rates are exact `fractions.Fraction`s.

use ete_core::contribution::ContributionSummary;
use ete_core::python::Day;
use ete_core::register::{self, Scope, StatutoryPolicy};
use pyo3::prelude::*;

use crate::convert::{Instant, Whole, plain};
use crate::errors::py_result;
use crate::register::{PyRegister, mark, snapshots};

/// The statutory policy from its JSON (`None`: the default mapping and thresholds, R-8).
pub(crate) fn statutory_policy(json: Option<&str>) -> PyResult<StatutoryPolicy> {
    json.map_or_else(
        || Ok(StatutoryPolicy::default()),
        |text| py_result(StatutoryPolicy::from_json(text)),
    )
}

/// Summarises attendance over registers as of `now`, for some learners (all by default)
/// and lesson days `date_from..=date_to`.
#[pyfunction]
#[pyo3(signature = (registers, now, *, learners = None, date_from = None, date_to = None))]
pub(crate) fn summarise(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    now: Instant,
    learners: Option<Vec<String>>,
    date_from: Option<Day>,
    date_to: Option<Day>,
) -> PyResult<register::SummaryReport> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    Ok(register::summarise(&registers, &scope, now.0))
}

/// The statutory figures per learner and for the group over lesson days
/// `date_from..=date_to`, as plain data: each entry counted by the category of the code
/// `policy` (a statutory policy's JSON; default: docs/RULES.md R-8) maps its mark to, the policy
/// checked on each lesson's day (a code unknown, withdrawn or not yet in force is
/// `InvalidPolicy`).
#[pyfunction]
#[pyo3(signature = (registers, *, learners = None, date_from = None, date_to = None, policy = None))]
pub(crate) fn statutory_summary<'py>(
    py: Python<'py>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learners: Option<Vec<String>>,
    date_from: Option<Day>,
    date_to: Option<Day>,
    policy: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    let report = register::statutory_summary(&registers, &scope, &statutory_policy(policy)?);
    plain(py, &py_result(report)?)
}

/// The statutory export as CSV text: one row per learner, columns as core documents
/// them (`StatutoryReport::csv_header`); arguments as `statutory_summary`'s.
#[pyfunction]
#[pyo3(signature = (registers, *, learners = None, date_from = None, date_to = None, policy = None))]
pub(crate) fn statutory_csv(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learners: Option<Vec<String>>,
    date_from: Option<Day>,
    date_to: Option<Day>,
    policy: Option<&str>,
) -> PyResult<String> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    py_result(register::statutory_csv(
        &registers,
        &scope,
        &statutory_policy(policy)?,
    ))
}

/// The statutory code set as plain data: code, meaning, category, valid_from, valid_to.
#[pyfunction]
pub(crate) fn statutory_codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    plain(py, &register::STATUTORY_CODES.as_slice())
}

/// The unexplained absences of `learners` (a school's), oldest first.
#[pyfunction]
pub(crate) fn unprocessed_absences(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learners: Vec<String>,
) -> PyResult<Vec<register::UnprocessedAbsence>> {
    let registers = snapshots(py, &registers)?;
    Ok(register::unprocessed_absences(&registers, &learners))
}

/// The statutory code for a mark (R-8; `policy`: a statutory policy's JSON, default mapping
/// when `None`), or `None` (not required).
#[pyfunction]
#[pyo3(signature = (mark, policy = None))]
pub(crate) fn statutory_code(mark: &str, policy: Option<&str>) -> PyResult<Option<String>> {
    Ok(statutory_policy(policy)?
        .code(self::mark(mark)?)
        .map(str::to_owned))
}

/// A learner's contribution summary over registers, for lesson days `date_from..=date_to`.
#[pyfunction]
#[pyo3(signature = (registers, learner, *, date_from = None, date_to = None))]
pub(crate) fn contribution_summary(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learner: &str,
    date_from: Option<Day>,
    date_to: Option<Day>,
) -> PyResult<ContributionSummary> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners: None,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    Ok(register::contribution_summary(&registers, learner, &scope))
}

/// The summary of some scores; any score outside −2..=+2 is `InvalidContribution`.
#[pyfunction]
pub(crate) fn summarise_contributions(scores: Vec<Whole<i64>>) -> PyResult<ContributionSummary> {
    let scores = scores
        .into_iter()
        .map(|Whole(s)| ete_core::contribution::Contribution::new(s))
        .collect::<Result<Vec<_>, _>>();
    Ok(ContributionSummary::of(py_result(scores)?))
}
