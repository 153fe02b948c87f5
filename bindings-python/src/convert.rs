//! Conversions that only Python has, each written once and usable in any signature (the
//! `Wrap<T>` idea from polars): aware datetimes as UTC instants, core values as plain Python
//! data with `snake_case` keys.

use pyo3::BoundObject;
use pyo3::prelude::*;

pub use ete_core::python::Instant;

pub use ete_core::python::plain;

pub use ete_core::python::Whole;

/// `repr(value)` as Python writes it (`'code'`, `None`, `datetime.date(2026, 11, 16)`), for
/// reprs in Python syntax.
pub fn py_repr<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> String {
    value
        .into_pyobject(py)
        .map_err(Into::into)
        .and_then(|v| v.into_any().into_bound().repr().map(|r| r.to_string()))
        .unwrap_or_else(|_| "?".to_owned())
}

/// `Name(field=value, ...)` with each value as Python writes it: the one shape of every repr.
/// Callers pass ids, codes, numbers and dates only, never personal data.
pub fn repr_call(name: &str, fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("{name}({})", fields.join(", "))
}
