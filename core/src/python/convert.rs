//! Conversions of core's own value types: [`Minutes`] is an `int`, every coded enum (`codes!`)
//! is its code as a `str`, a whole number is checked against its Rust type ([`Whole`]), an
//! instant is any aware `datetime` ([`Instant`]), and serde data is plain Python data
//! ([`plain`]).

use pyo3::exceptions::PyTypeError;
use pyo3::inspect::PyStaticExpr;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt};

use crate::python::error;
use crate::{ErrorKind, Minutes};

impl<'py> IntoPyObject<'py> for Minutes {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = std::convert::Infallible;
    const OUTPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.get().into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &Minutes {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = std::convert::Infallible;
    const OUTPUT_TYPE: PyStaticExpr = <Minutes as IntoPyObject<'py>>::OUTPUT_TYPE;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

/// A coded enum as its code (`"present"`), for every type declared with `codes!`.
#[doc(hidden)]
#[macro_export]
macro_rules! python_code {
    ($ty:ident, [$($code:literal),+]) => {
        impl $ty {
            /// `typing.Literal["code", ...]`: the type of the code in the generated stubs.
            const PY_LITERAL: ::pyo3::inspect::PyStaticExpr = ::pyo3::inspect::PyStaticExpr::Subscript {
                value: &::pyo3::inspect::PyStaticExpr::Attribute {
                    value: &::pyo3::inspect::PyStaticExpr::Name { id: "typing" },
                    attr: "Literal",
                },
                slice: &::pyo3::inspect::PyStaticExpr::Tuple {
                    elts: &[$(::pyo3::inspect::PyStaticExpr::Constant {
                        value: ::pyo3::inspect::PyStaticConstant::Str($code),
                    }),+],
                },
            };
        }
        impl<'py> ::pyo3::IntoPyObject<'py> for $ty {
            type Target = ::pyo3::types::PyString;
            type Output = ::pyo3::Bound<'py, ::pyo3::types::PyString>;
            type Error = ::std::convert::Infallible;
            const OUTPUT_TYPE: ::pyo3::inspect::PyStaticExpr = $ty::PY_LITERAL;

            fn into_pyobject(self, py: ::pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(::pyo3::types::PyString::intern(py, self.code()).clone())
            }
        }
        impl<'py> ::pyo3::IntoPyObject<'py> for &$ty {
            type Target = ::pyo3::types::PyString;
            type Output = ::pyo3::Bound<'py, ::pyo3::types::PyString>;
            type Error = ::std::convert::Infallible;
            const OUTPUT_TYPE: ::pyo3::inspect::PyStaticExpr = $ty::PY_LITERAL;

            fn into_pyobject(self, py: ::pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
        impl<'a, 'py> ::pyo3::FromPyObject<'a, 'py> for $ty {
            type Error = ::pyo3::PyErr;
            const INPUT_TYPE: ::pyo3::inspect::PyStaticExpr = $ty::PY_LITERAL;

            fn extract(obj: ::pyo3::Borrowed<'a, 'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
                let text: ::std::borrow::Cow<'_, str> = obj.extract()?;
                <$ty as $crate::codes::Code>::parse(&text)
                    .map_err(|e| $crate::python::error(e.kind(), e.to_string()))
            }
        }
    };
}

impl<'a, 'py> FromPyObject<'a, 'py> for Minutes {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    /// Whole minutes from any Python `int`: outside 0..=2⁵³−1 is `InvalidMinutes` (never
    /// `OverflowError`); a `bool`, `float` or `str` is `TypeError`.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Minutes> {
        if obj.is_instance_of::<PyBool>() || !obj.hasattr("__index__")? {
            return Err(PyTypeError::new_err(format!(
                "expected an int of minutes, got {}",
                obj.get_type().name()?
            )));
        }
        let index = obj.call_method0("__index__")?;
        // Beyond i128 is out of range all the same.
        let wide: i128 = index.extract().unwrap_or(i128::MAX);
        Minutes::from_i128(wide).map_err(|e| error(e.kind(), e.to_string()))
    }
}

/// A whole number for a parameter of Rust type `T` (a count, an id, a score, minutes before
/// core checks them): an `int` outside `T`'s range is `InvalidField` (never `OverflowError`),
/// anything but an `int` (a `bool`, a `float`, a `str`) is `TypeError`. Numpy integer scalars
/// are accepted.
pub struct Whole<T>(pub T);

impl<'a, 'py, T: TryFrom<i128>> FromPyObject<'a, 'py> for Whole<T> {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Whole<T>> {
        if obj.is_instance_of::<PyBool>() {
            return Err(PyTypeError::new_err("expected an int, got bool"));
        }
        // The fast path: a Python int that fits an i64.
        if let Ok(small) = obj.extract::<i64>() {
            return T::try_from(i128::from(small))
                .map(Whole)
                .map_err(|_| out_of_range::<T>(&small.to_string()));
        }
        if !obj.hasattr("__index__")? {
            return Err(PyTypeError::new_err(format!(
                "expected an int, got {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "an object".to_owned())
            )));
        }
        let index = obj.call_method0("__index__")?;
        let shown = || index.str().map(|s| s.to_string()).unwrap_or_default();
        let wide: i128 = index.extract().map_err(|_| out_of_range::<T>(&shown()))?;
        T::try_from(wide)
            .map(Whole)
            .map_err(|_| out_of_range::<T>(&shown()))
    }
}

/// `InvalidField`: an int outside the range of the parameter's Rust type.
fn out_of_range<T>(value: &str) -> PyErr {
    error(
        ErrorKind::InvalidField,
        format!("{value} is out of range: expected {}", range_of::<T>()),
    )
}

/// The range of a Rust integer type, in words.
fn range_of<T>() -> &'static str {
    match std::any::type_name::<T>() {
        "u8" => "0..=255",
        "u16" => "0..=65535",
        "u32" => "0..=4294967295",
        "u64" => "0..=18446744073709551615",
        "usize" => "a non-negative int that fits this platform's memory",
        "i64" => "-9223372036854775808..=9223372036854775807",
        _ => "a smaller int",
    }
}

/// An aware `datetime.datetime` in any zone (`timezone.utc`, a fixed offset, a `zoneinfo`
/// zone), as a UTC instant. A naive datetime, or one whose `tzinfo.utcoffset()` is `None`, is
/// a `TypeError` in the same words everywhere; an instant that cannot be expressed in UTC
/// (year 1 at a positive offset) is `InvalidField`.
pub struct Instant(pub chrono::DateTime<chrono::Utc>);

impl<'a, 'py> FromPyObject<'a, 'py> for Instant {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Attribute {
        value: &PyStaticExpr::Name { id: "datetime" },
        attr: "datetime",
    };

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Instant> {
        let value = obj.cast::<pyo3::types::PyDateTime>().map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a timezone-aware datetime.datetime, got {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "an object".to_owned())
            ))
        })?;
        if value.call_method0("utcoffset")?.is_none() {
            return Err(PyTypeError::new_err(
                "a timezone-aware datetime is required (e.g. tzinfo=datetime.timezone.utc): \
                 a naive datetime names no instant",
            ));
        }
        let utc = pyo3::types::PyTzInfo::utc(obj.py())?;
        value
            .call_method1("astimezone", (utc,))
            .and_then(|v| v.extract::<chrono::DateTime<chrono::Utc>>())
            .map(Instant)
            .map_err(|_| {
                error(
                    ErrorKind::InvalidField,
                    format!(
                        "{}: this instant cannot be expressed in UTC (years 1..=9999)",
                        value.str().map(|s| s.to_string()).unwrap_or_default()
                    ),
                )
            })
    }
}

/// A `datetime.date` argument: exactly a date. A `datetime.datetime` (a subclass of `date` in
/// Python) is a `TypeError`: taking it as a date would drop its time silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub chrono::NaiveDate);

impl<'a, 'py> FromPyObject<'a, 'py> for Day {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Attribute {
        value: &PyStaticExpr::Name { id: "datetime" },
        attr: "date",
    };

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Day> {
        if obj.cast::<pyo3::types::PyDateTime>().is_ok() {
            return Err(PyTypeError::new_err(
                "expected a datetime.date, got a datetime.datetime: its time would be dropped \
                 (pass .date() for the day)",
            ));
        }
        obj.extract::<chrono::NaiveDate>().map(Day).map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a datetime.date, got {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "an object".to_owned())
            ))
        })
    }
}

/// A date computed by core, for Python: `datetime.date` holds years 1..=9999 only, so a date
/// beyond (an expiry or an end pushed far ahead) is `InvalidField` naming `field`, instead of
/// Python's bare `ValueError`.
pub fn py_date(field: &str, day: chrono::NaiveDate) -> PyResult<chrono::NaiveDate> {
    use chrono::Datelike;
    if (1..=9999).contains(&day.year()) {
        Ok(day)
    } else {
        Err(error(
            ErrorKind::InvalidField,
            format!("{field}: the date {day} is outside the years 1..=9999 a Python date holds"),
        ))
    }
}

/// A core value as plain Python data (dicts, lists, str, int, bool, None) with `snake_case`
/// keys, built from its serde form without going through JSON text.
pub fn plain<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value =
        serde_json::to_value(value).map_err(|e| error(ErrorKind::MalformedInput, e.to_string()))?;
    Ok(pythonize::pythonize(py, &snake_keys(value))?)
}

/// The value with every object key in `snake_case` (`personRef` → `person_ref`).
fn snake_keys(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
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

/// `personRef` → `person_ref`.
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len().saturating_add(4));
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

/// An exact `fractions.Fraction`.
pub fn fraction(py: Python<'_>, f: crate::Fraction) -> PyResult<Bound<'_, PyAny>> {
    py.import("fractions")?
        .getattr("Fraction")?
        .call1((f.numerator(), f.denominator()))
}
