//! Reports (H-13..H-16) and the nDelius evidence export.

use ete_core::python::Day;
use std::collections::HashMap;

use ete_core::Minutes;
use ete_core::hours::{self, CompletionReport, CreditDecision, Grouping};
use pyo3::prelude::*;

use crate::convert::{Instant, Whole};

use crate::errors::py_result;

fn batch(
    completions: &[PyRef<'_, hours::Completion>],
    decisions: &[PyRef<'_, CreditDecision>],
) -> (Vec<hours::Completion>, Vec<hours::CreditDecision>) {
    (
        completions.iter().map(|c| (**c).clone()).collect(),
        decisions.iter().map(|d| (**d).clone()).collect(),
    )
}

/// The report over decisions dated `start..=end` (H-13). `grouping` is "person", "practitioner",
/// "office", "pdu" or "region"; `practitioners` maps person references to practitioner ids.
#[pyfunction]
pub(crate) fn completion_report(
    completions: Vec<PyRef<'_, hours::Completion>>,
    decisions: Vec<PyRef<'_, CreditDecision>>,
    practitioners: HashMap<String, String>,
    start: Day,
    end: Day,
    grouping: Grouping,
) -> PyResult<CompletionReport> {
    let start = start.0;
    let end = end.0;
    let (c, d) = batch(&completions, &decisions);
    let report = hours::completion_report(&c, &d, &practitioners, start, end, grouping);
    py_result(report)
}

/// Completions recorded after `since`, per practitioner (H-14): `[(practitioner, [decision, ...])]`.
#[pyfunction]
pub(crate) fn practitioner_notifications(
    completions: Vec<PyRef<'_, hours::Completion>>,
    decisions: Vec<PyRef<'_, CreditDecision>>,
    practitioners: HashMap<String, String>,
    since: Instant,
) -> PyResult<Vec<(String, Vec<CreditDecision>)>> {
    let (completions, decisions) = batch(&completions, &decisions);
    let notes = py_result(hours::practitioner_notifications(
        &completions,
        &decisions,
        &practitioners,
        since.0,
    ))?;
    Ok(notes
        .into_iter()
        .map(|n| (n.practitioner, n.decisions))
        .collect())
}

/// The certificate data for a completion and its decision (H-15); None for a failed course.
#[pyfunction]
pub(crate) fn certificate(
    completion: PyRef<'_, hours::Completion>,
    decision: PyRef<'_, CreditDecision>,
    language: &str,
) -> Option<hours::Certificate> {
    hours::certificate(&completion, &decision, language)
}

/// Delivery against `target_percent` of `baseline` minutes (H-16).
#[pyfunction]
pub(crate) fn delivery_against_target(
    delivered: Minutes,
    baseline: Minutes,
    target_percent: Whole<u32>,
) -> PyResult<hours::Delivery> {
    py_result(hours::delivery_against_target(
        delivered,
        baseline,
        target_percent.0,
    ))
}

/// The nDelius evidence CSV: person_ref, requirement_id, course_name, date, action, minutes
/// (HH:MM), reason, notes.
#[pyfunction]
pub(crate) fn ndelius_evidence_csv(decisions: Vec<PyRef<'_, CreditDecision>>) -> PyResult<String> {
    let decisions: Vec<hours::CreditDecision> = decisions.iter().map(|d| (**d).clone()).collect();
    py_result(hours::ndelius_evidence_csv(&decisions))
}
