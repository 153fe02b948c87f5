//! Staff learning and eligibility (S-1..S-4) for Python: records, vacancies, candidates and
//! assessments arrive as dicts in core's JSON shape (camelCase keys, ISO date strings) and are
//! read by core's own serde types; decisions are core's own classes.

use chrono::NaiveDate;
use ete_core::python::Day;
use ete_core::staff::{
    self, CandidateDecision, ComplianceReport, MandatoryStatus, Objectivity, PqipDecision,
    PqipRoute, StaffPolicy, StaffRecord, TaskDecision, VacancyDecision, VqAssessment,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::de::DeserializeOwned;

use crate::convert::Whole;
use crate::errors::{malformed, py_result};

/// A dict read as core's `what`; a mismatch is `MalformedInput` without the values (a record
/// holds names).
fn read<T: DeserializeOwned>(what: &str, value: &Bound<'_, PyAny>) -> PyResult<T> {
    pythonize::depythonize(value).map_err(|_| {
        malformed(format!(
            "{what} does not have core's shape (camelCase keys, ISO date strings); values are \
             not shown"
        ))
    })
}

fn record(value: &Bound<'_, PyDict>) -> PyResult<StaffRecord> {
    read("staff record", value.as_any())
}

/// Each mandatory course's state for `record` on `on` (S-1).
#[pyfunction]
pub(crate) fn mandatory_status(
    policy: PyRef<'_, StaffPolicy>,
    record: &Bound<'_, PyDict>,
    on: Day,
) -> PyResult<Vec<MandatoryStatus>> {
    let on = on.0;
    let statuses = py_result(staff::mandatory_status(&policy, &self::record(record)?, on))?;
    for status in &statuses {
        python_dates("expires_on", status.expires_on)?;
    }
    Ok(statuses)
}

/// Checks that every computed date fits a Python `date` (years 1..=9999): one beyond is
/// `InvalidField` naming `field`, not the `ValueError` reading it would raise.
fn python_dates(field: &str, dates: impl IntoIterator<Item = chrono::NaiveDate>) -> PyResult<()> {
    dates
        .into_iter()
        .try_for_each(|d| ete_core::python::py_date(field, d).map(|_| ()))
}

/// Whether `record` may undertake the PQF `task` on `on` (S-2).
#[pyfunction]
pub(crate) fn task_decision(
    policy: PyRef<'_, StaffPolicy>,
    record: &Bound<'_, PyDict>,
    task: &str,
    on: Day,
) -> PyResult<TaskDecision> {
    let on = on.0;
    let decision = py_result(staff::task_decision(
        &policy,
        &self::record(record)?,
        task,
        on,
    ))?;
    python_dates("due", decision.due)?;
    Ok(decision)
}

/// Whether `verifier` may internally verify `assessment` (S-2: never one's own).
#[pyfunction]
pub(crate) fn verification_check(
    assessments: &Bound<'_, PyList>,
    assessment: &str,
    verifier: &str,
) -> PyResult<Objectivity> {
    let list: Vec<VqAssessment> = read("assessments", assessments.as_any())?;
    Ok(staff::verification_check(&list, assessment, verifier))
}

/// The assessments verified by the person who made them (S-2).
#[pyfunction]
pub(crate) fn objectivity_conflicts(
    assessments: &Bound<'_, PyList>,
) -> PyResult<Vec<VqAssessment>> {
    let list: Vec<VqAssessment> = read("assessments", assessments.as_any())?;
    Ok(staff::objectivity_conflicts(&list))
}

/// Whether `record` may apply by `route` (`pso` or `level5`) on `on`; with `start`, the
/// programme's dates (S-3).
#[pyfunction]
#[pyo3(signature = (policy, record, route, on, start = None))]
pub(crate) fn pqip_decision(
    policy: PyRef<'_, StaffPolicy>,
    record: &Bound<'_, PyDict>,
    route: PqipRoute,
    on: Day,
    start: Option<Day>,
) -> PyResult<PqipDecision> {
    let on = on.0;
    let start = start.map(|d| d.0);
    let decision = py_result(staff::pqip_decision(
        &policy,
        &self::record(record)?,
        route,
        on,
        start,
    ))?;
    if let Some(p) = &decision.programme {
        python_dates("programme", [p.starts_on, p.level6_from, p.ends_on])?;
    }
    Ok(decision)
}

/// Whether a vacancy qualifies for GFiE (S-4).
#[pyfunction]
pub(crate) fn vacancy_decision(
    policy: PyRef<'_, StaffPolicy>,
    vacancy: &Bound<'_, PyDict>,
) -> PyResult<VacancyDecision> {
    let vacancy = read("vacancy", vacancy.as_any())?;
    Ok(staff::vacancy_decision(&policy, &vacancy))
}

/// Whether a candidate is in the GFiE window on `on` (S-4).
#[pyfunction]
pub(crate) fn candidate_decision(
    policy: PyRef<'_, StaffPolicy>,
    candidate: &Bound<'_, PyDict>,
    on: Day,
) -> PyResult<CandidateDecision> {
    let on = on.0;
    let candidate = read("candidate", candidate.as_any())?;
    let decision = py_result(staff::candidate_decision(&policy, &candidate, on))?;
    python_dates("window_ends_on", [decision.window_ends_on])?;
    Ok(decision)
}

/// The last day to give GFiE feedback after an interview on `interview` (S-4).
#[pyfunction]
pub(crate) fn feedback_due(policy: PyRef<'_, StaffPolicy>, interview: Day) -> PyResult<NaiveDate> {
    let interview = interview.0;
    ete_core::python::py_date(
        "feedback due",
        py_result(staff::feedback_due(&policy, interview))?,
    )
}

/// A team's compliance on `on`; deadlines and expiries within `within_days` are due soon.
#[pyfunction]
pub(crate) fn team_compliance(
    policy: PyRef<'_, StaffPolicy>,
    records: &Bound<'_, PyList>,
    on: Day,
    within_days: Whole<u32>,
) -> PyResult<ComplianceReport> {
    let on = on.0;
    let records: Vec<StaffRecord> = read("staff records", records.as_any())?;
    let report = py_result(staff::team_compliance(&policy, &records, on, within_days.0))?;
    python_dates("date", report.rows.iter().filter_map(|r| r.date))?;
    Ok(report)
}
