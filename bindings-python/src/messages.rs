//! Text in a person's language (W-1) and printable certificates (H-15, W-2): each function
//! converts its arguments and calls `ete-messages` or `ete-certificates` once.

use std::collections::HashMap;

use ete_core::Minutes;
use ete_core::hours::{self, Certificate, CreditDecision, CreditReason, Delivery, Grouping};
use ete_core::language::LocalText;
use ete_core::python::Day;
use ete_core::register::MarkDecision;
use ete_core::routing::Decision;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::Whole;
use crate::errors::{parse_code, py_result};

/// A credit reason's code as a sentence in `language` (a BCP-47 tag; unknown → English, with
/// `fell_back` set).
#[pyfunction]
pub(crate) fn credit_reason_text(reason: &str, language: &str) -> PyResult<LocalText> {
    let reason: CreditReason = parse_code(reason)?;
    Ok(ete_messages::credit_reason_text(reason, language))
}

/// Why a route is allowed or denied, as a sentence in `language`.
#[pyfunction]
pub(crate) fn routing_reason_text(decision: PyRef<'_, Decision>, language: &str) -> LocalText {
    ete_messages::routing_reason_text(&decision.reason, language)
}

/// Why a file may not be sent, as a sentence in `language` (a `Refusal` from `plan_transfer`).
#[pyfunction]
pub(crate) fn refusal_text(
    refusal: PyRef<'_, ete_core::routing::FileRefusal>,
    language: &str,
) -> LocalText {
    ete_messages::refusal_text(&refusal.refusal, language)
}

/// Whether a role may set a register mark, and why not, in `language` (a `MarkDecision` from
/// `Register.check`).
#[pyfunction]
pub(crate) fn mark_reason_text(decision: PyRef<'_, MarkDecision>, language: &str) -> LocalText {
    ete_messages::mark_reason_text(&decision.reason, language)
}

/// A practitioner's notification (H-14) as a sentence in `language`: `practitioner` and the
/// decisions `practitioner_notifications` gave for them.
#[pyfunction]
pub(crate) fn notification_text(
    practitioner: String,
    decisions: Vec<PyRef<'_, CreditDecision>>,
    language: &str,
) -> LocalText {
    let notification = hours::Notification {
        practitioner,
        decisions: decisions.iter().map(|d| (**d).clone()).collect(),
    };
    ete_messages::notification_text(&notification, language)
}

/// A report column's heading in `language`; None for a code that is no report column.
#[pyfunction]
pub(crate) fn heading_text(column: &str, language: &str) -> Option<LocalText> {
    ete_messages::heading_text(column, language)
}

/// A report grouping's name in `language`.
#[pyfunction]
pub(crate) fn grouping_text(grouping: &str, language: &str) -> PyResult<LocalText> {
    let grouping: Grouping = parse_code(grouping)?;
    Ok(ete_messages::grouping_text(grouping, language))
}

/// Whole minutes in words with the language's plural forms ("2 awr 30 munud").
#[pyfunction]
pub(crate) fn minutes_text(minutes: Minutes, language: &str) -> LocalText {
    ete_messages::minutes_text(minutes, language)
}

/// A number of courses in words with the language's plural forms ("5 kursów"); `count` up to
/// 4,294,967,295 (a larger count is `InvalidField`: the message writes numbers exactly only so
/// far).
#[pyfunction]
pub(crate) fn courses_text(count: Whole<u32>, language: &str) -> LocalText {
    ete_messages::courses_text(u64::from(count.0), language)
}

/// A date as the language writes it ("2 Tachwedd 2026").
#[pyfunction]
pub(crate) fn date_text(date: Day, language: &str) -> LocalText {
    ete_messages::date_text(date.0, language)
}

/// A region's delivery against its target in `language` (H-16).
#[pyfunction]
pub(crate) fn delivery_text(delivery: PyRef<'_, Delivery>, language: &str) -> LocalText {
    ete_messages::delivery_text(&delivery, language)
}

/// The nDelius evidence CSV with its notes in `language` (columns, codes and HH:MM unchanged).
#[pyfunction]
pub(crate) fn ndelius_evidence_csv_in(
    decisions: Vec<PyRef<'_, CreditDecision>>,
    language: &str,
) -> PyResult<String> {
    let decisions: Vec<hours::CreditDecision> = decisions.iter().map(|d| (**d).clone()).collect();
    py_result(ete_messages::evidence_csv(&decisions, language))
}

/// The certificate as a one-page A4 PDF in `language` (H-15, W-2). A function, not a method:
/// `Certificate` is core's class, and the PDF writer is a crate core does not depend on.
#[pyfunction]
pub(crate) fn certificate_pdf<'py>(
    py: Python<'py>,
    certificate: PyRef<'_, Certificate>,
    language: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py_result(ete_certificates::pdf(&certificate, language))?;
    Ok(PyBytes::new(py, &bytes))
}

/// One PDF per credited completion, each in its person's language (`languages` maps person
/// references to tags; everyone else gets `default_language`): `(file_name, pdf)` pairs.
#[pyfunction]
pub(crate) fn certificate_pdfs<'py>(
    py: Python<'py>,
    completions: Vec<PyRef<'_, hours::Completion>>,
    decisions: Vec<PyRef<'_, CreditDecision>>,
    languages: HashMap<String, String>,
    default_language: &str,
) -> PyResult<Vec<(String, Bound<'py, PyBytes>)>> {
    let completions: Vec<hours::Completion> = completions.iter().map(|c| (**c).clone()).collect();
    let decisions: Vec<hours::CreditDecision> = decisions.iter().map(|d| (**d).clone()).collect();
    let files = py_result(ete_certificates::batch(
        &completions,
        &decisions,
        &languages,
        default_language,
    ))?;
    Ok(files
        .into_iter()
        .map(|f| (f.file_name, PyBytes::new(py, &f.pdf)))
        .collect())
}
