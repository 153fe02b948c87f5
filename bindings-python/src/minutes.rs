//! `parse_minutes`, `format_minutes`, `apply_ratio`: whole minutes and exact ratios.

use ete_core::{Minutes, Ratio, Rounding};
use pyo3::prelude::*;

use crate::convert::Whole;

use crate::errors::py_result;

/// Parses `H:MM`/`HH:MM` into whole minutes.
#[pyfunction]
pub(crate) fn parse_minutes(text: &str) -> PyResult<u64> {
    py_result(text.parse::<Minutes>()).map(Minutes::get)
}

/// Prints whole minutes as `HH:MM`.
#[pyfunction]
pub(crate) fn format_minutes(minutes: Minutes) -> PyResult<String> {
    Ok(minutes.to_string())
}

/// `rounding(minutes × numerator / denominator)`, exactly; rounding is "floor" or "half_up".
#[pyfunction]
pub(crate) fn apply_ratio(
    minutes: Minutes,
    numerator: Whole<u64>,
    denominator: Whole<u64>,
    rounding: Rounding,
) -> PyResult<u64> {
    let ratio = py_result(Ratio::new(numerator.0, denominator.0))?;
    py_result(ratio.apply(minutes, rounding)).map(Minutes::get)
}
