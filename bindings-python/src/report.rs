//! Reports (H-13..H-16) and the nDelius evidence export.

use std::collections::HashMap;

use chrono::NaiveDate;
use ete_core::hours::{self, CompletionReport, Grouping, ReportRow};
use pyo3::prelude::*;

use crate::convert::{Instant, Mins, Whole, py_repr, repr_call};
use pyo3::types::PyDict;

use crate::completion::PyCompletion;
use crate::credit::PyCreditDecision;
use crate::errors::py_result;

fn row_dict<'py>(py: Python<'py>, r: &ReportRow) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("group", &r.group)?;
    d.set_item("completions", r.completions)?;
    d.set_item("courses_completed", r.courses_completed)?;
    d.set_item("minutes_credited", r.minutes_credited.get())?;
    d.set_item("actual_minutes", r.actual_minutes.get())?;
    d.set_item("guided_minutes", r.guided_minutes.get())?;
    d.set_item("agreements_used", r.agreements_used)?;
    d.set_item("duplicates", r.duplicates)?;
    d.set_item("failures", r.failures)?;
    Ok(d)
}

/// Completions and credits over a date range, grouped (H-13). `rows()` gives plain dicts for
/// `pandas.DataFrame(report.rows())`.
#[pyclass(name = "CompletionReport", module = "ete_core", frozen)]
pub struct PyCompletionReport {
    inner: CompletionReport,
}

#[pymethods]
impl PyCompletionReport {
    /// One dict per group, sorted by group.
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.inner.rows.iter().map(|r| row_dict(py, r)).collect()
    }
    /// The sums over every row.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_dict(py, &self.inner.total)
    }
    /// CSV: group, completions, courses_completed, minutes_credited, actual_minutes,
    /// guided_minutes, agreements_used, duplicates, failures; a last line "total".
    fn to_csv(&self) -> PyResult<String> {
        py_result(self.inner.to_csv())
    }
    fn __repr__(&self) -> String {
        format!(
            "<CompletionReport from={} to={} rows={}>",
            self.inner.from,
            self.inner.to,
            self.inner.rows.len()
        )
    }
}

fn batch(
    completions: &[PyRef<'_, PyCompletion>],
    decisions: &[PyRef<'_, PyCreditDecision>],
) -> (Vec<hours::Completion>, Vec<hours::CreditDecision>) {
    (
        completions.iter().map(|c| c.inner.clone()).collect(),
        decisions.iter().map(|d| d.inner.clone()).collect(),
    )
}

/// The report over decisions dated `start..=end` (H-13). `grouping` is "person", "practitioner",
/// "office", "pdu" or "region"; `practitioners` maps person references to practitioner ids.
#[pyfunction]
pub(crate) fn completion_report(
    completions: Vec<PyRef<'_, PyCompletion>>,
    decisions: Vec<PyRef<'_, PyCreditDecision>>,
    practitioners: HashMap<String, String>,
    start: NaiveDate,
    end: NaiveDate,
    grouping: &str,
) -> PyResult<PyCompletionReport> {
    let grouping: Grouping = crate::errors::parse_code(grouping)?;
    let (c, d) = batch(&completions, &decisions);
    let report = hours::completion_report(&c, &d, &practitioners, start, end, grouping);
    py_result(report).map(|inner| PyCompletionReport { inner })
}

/// Completions recorded after `since`, per practitioner (H-14): `[(practitioner, [decision, ...])]`.
#[pyfunction]
pub(crate) fn practitioner_notifications(
    completions: Vec<PyRef<'_, PyCompletion>>,
    decisions: Vec<PyRef<'_, PyCreditDecision>>,
    practitioners: HashMap<String, String>,
    since: Instant,
) -> PyResult<Vec<(String, Vec<PyCreditDecision>)>> {
    let (completions, decisions) = batch(&completions, &decisions);
    let notes = py_result(hours::practitioner_notifications(
        &completions,
        &decisions,
        &practitioners,
        since.0,
    ))?;
    Ok(notes
        .into_iter()
        .map(|n| {
            (
                n.practitioner,
                n.decisions
                    .into_iter()
                    .map(|inner| PyCreditDecision { inner })
                    .collect(),
            )
        })
        .collect())
}

/// What a completion certificate shows (H-15); `repr` hides the name.
#[pyclass(name = "Certificate", module = "ete_core", frozen)]
pub struct PyCertificate {
    inner: hours::Certificate,
}

#[pymethods]
impl PyCertificate {
    #[getter]
    fn person_ref(&self) -> &str {
        &self.inner.person_ref
    }
    #[getter]
    fn person_name(&self) -> &str {
        &self.inner.person_name
    }
    #[getter]
    fn course_name(&self) -> &str {
        &self.inner.course_name
    }
    #[getter]
    fn completed_on(&self) -> NaiveDate {
        self.inner.completed_on
    }
    #[getter]
    fn credited(&self) -> u64 {
        self.inner.credited.get()
    }
    #[getter]
    fn language(&self) -> &str {
        &self.inner.language
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let c = &self.inner;
        format!(
            "Certificate(person_ref={}, course_name={}, completed_on={}, credited={}, language={})",
            py_repr(py, &c.person_ref),
            py_repr(py, &c.course_name),
            py_repr(py, c.completed_on),
            c.credited.get(),
            py_repr(py, &c.language)
        )
    }
}

/// The certificate data for a completion and its decision (H-15); None for a failed course.
#[pyfunction]
pub(crate) fn certificate(
    completion: PyRef<'_, PyCompletion>,
    decision: PyRef<'_, PyCreditDecision>,
    language: &str,
) -> Option<PyCertificate> {
    hours::certificate(&completion.inner, &decision.inner, language)
        .map(|inner| PyCertificate { inner })
}

/// A region's ETE delivery against its target (H-16).
#[pyclass(name = "Delivery", module = "ete_core", frozen, get_all)]
pub struct PyDelivery {
    delivered: u64,
    baseline: u64,
    target_percent: u32,
    target: u64,
    achieved_tenths: u64,
    text: String,
}

#[pymethods]
impl PyDelivery {
    fn __str__(&self) -> String {
        self.text.clone()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call("Delivery", &[("text", py_repr(py, &self.text))])
    }
}

/// Delivery against `target_percent` of `baseline` minutes (H-16).
#[pyfunction]
pub(crate) fn delivery_against_target(
    delivered: Mins,
    baseline: Mins,
    target_percent: Whole<u32>,
) -> PyResult<PyDelivery> {
    let d = py_result(hours::delivery_against_target(
        delivered.0,
        baseline.0,
        target_percent.0,
    ))?;
    Ok(PyDelivery {
        delivered: d.delivered.get(),
        baseline: d.baseline.get(),
        target_percent: d.target_percent,
        target: d.target.get(),
        achieved_tenths: d.achieved_tenths,
        text: d.to_string(),
    })
}

/// The nDelius evidence CSV: person_ref, requirement_id, course_name, date, action, minutes
/// (HH:MM), reason, notes.
#[pyfunction]
pub(crate) fn ndelius_evidence_csv(
    decisions: Vec<PyRef<'_, PyCreditDecision>>,
) -> PyResult<String> {
    let decisions: Vec<hours::CreditDecision> = decisions.iter().map(|d| d.inner.clone()).collect();
    py_result(hours::ndelius_evidence_csv(&decisions))
}
