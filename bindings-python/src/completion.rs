//! Completions (H-2) and the portal readers, with every reject reported.

use ete_core::hours::{self, ReadMode, ReadOutcome};
use pyo3::prelude::*;

use crate::errors::py_result;

fn mode(strict: bool) -> ReadMode {
    if strict {
        ReadMode::Strict
    } else {
        ReadMode::Lenient
    }
}

/// Reads a JSON array of portal completions (H-2).
/// `policy`: the dates accepted (`ReadPolicy`; core's default when None).
#[pyfunction]
#[pyo3(signature = (text, *, strict = false, policy = None))]
pub(crate) fn read_completions_json(
    py: Python<'_>,
    text: &str,
    strict: bool,
    policy: Option<hours::ReadPolicy>,
) -> PyResult<ReadOutcome> {
    let policy = policy.unwrap_or_default();
    py_result(py.detach(|| hours::read_completions_json_with(text, mode(strict), &policy)))
}

/// Reads portal completions from CSV text with a header row (H-2).
/// `policy`: the dates accepted (`ReadPolicy`; core's default when None).
#[pyfunction]
#[pyo3(signature = (text, *, strict = false, policy = None))]
pub(crate) fn read_completions_csv(
    py: Python<'_>,
    text: &str,
    strict: bool,
    policy: Option<hours::ReadPolicy>,
) -> PyResult<ReadOutcome> {
    let policy = policy.unwrap_or_default();
    py_result(
        py.detach(|| hours::read_completions_csv_with(text.as_bytes(), mode(strict), &policy)),
    )
}
