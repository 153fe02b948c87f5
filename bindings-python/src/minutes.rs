//! `parse_minutes`, `format_minutes`, `apply_ratio`: whole minutes and exact ratios.

use ete_core::{Minutes, Ratio, Rounding};
use pyo3::prelude::*;

use pyo3::exceptions::PyValueError;

use crate::errors::py_result;

/// Minutes from a Python int; negative or too large raises `InvalidMinutes`.
pub fn minutes(value: i64) -> PyResult<Minutes> {
    py_result(Minutes::from_signed(value))
}

/// Parses `H:MM`/`HH:MM` into whole minutes.
#[pyfunction]
fn parse_minutes(text: &str) -> PyResult<u64> {
    py_result(text.parse::<Minutes>()).map(Minutes::get)
}

/// Prints whole minutes as `HH:MM`.
#[pyfunction]
fn format_minutes(minutes: i64) -> PyResult<String> {
    self::minutes(minutes).map(|m| m.to_string())
}

/// `rounding(minutes × numerator / denominator)`, exactly; rounding is "floor" or "half_up".
#[pyfunction]
fn apply_ratio(minutes: i64, numerator: u64, denominator: u64, rounding: &str) -> PyResult<u64> {
    let rounding = match rounding {
        "floor" => Rounding::Floor,
        "half_up" => Rounding::HalfUp,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown rounding {other:?}: expected \"floor\" or \"half_up\""
            )));
        }
    };
    let ratio = py_result(Ratio::new(numerator, denominator))?;
    py_result(ratio.apply(self::minutes(minutes)?, rounding)).map(Minutes::get)
}

/// Adds the functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_minutes, m)?)?;
    m.add_function(wrap_pyfunction!(format_minutes, m)?)?;
    m.add_function(wrap_pyfunction!(apply_ratio, m)?)?;
    Ok(())
}
