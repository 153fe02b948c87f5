//! Conversions that only Python has, each written once and usable in any signature (the
//! `Wrap<T>` idea from polars): aware datetimes as UTC instants, core values as plain Python
//! data with `snake_case` keys.

use pyo3::BoundObject;
use pyo3::prelude::*;
use serde_json::Value;

pub use ete_core::python_types::Instant;

/// A core value as plain Python data (dicts, lists, str, int, bool, None) with `snake_case`
/// keys, built from its serde form without going through JSON text.
pub fn plain<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| crate::errors::malformed(e.to_string()))?;
    Ok(pythonize::pythonize(py, &snake_keys(value))?)
}

/// The value with every object key in `snake_case` (`personRef` → `person_ref`).
fn snake_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (snake_case(&k), snake_keys(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(snake_keys).collect()),
        other => other,
    }
}

fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

pub use ete_core::python_types::Whole;

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
