//! One generic error mapping: any core error ([`Failure`]) becomes the Python exception named
//! like its kind (`ete_core._errors`, subclasses of `EteError`), with its structured detail
//! (`rejects`, `refusals`, `reason`) as attributes. No error type or code is listed here.

use ete_core::{Detail, ErrorKind, Failure};
use pyo3::prelude::*;
use pyo3::types::PyList;

pub use ete_core::python::error;

/// `InvalidField` with a message.
pub fn invalid_field(message: impl Into<String>) -> PyErr {
    error(ErrorKind::InvalidField, message)
}

/// `MalformedInput` with a message.
pub fn malformed(message: impl Into<String>) -> PyErr {
    error(ErrorKind::MalformedInput, message)
}

/// A core error as its Python exception, with the detail its kind carries.
pub fn into_py_err<E: Failure>(e: E) -> PyErr {
    let err = error(e.kind(), e.to_string());
    Python::attach(|py| {
        let value = err.value(py);
        let set = match e.detail() {
            Detail::None => Ok(()),
            Detail::Reason(code) => value.setattr("reason", code),
            Detail::Rejects(rejects) => PyList::new(py, rejects.iter().cloned())
                .and_then(|list| value.setattr("rejects", list)),
            Detail::Refusals(refusals) => PyList::new(
                py,
                refusals
                    .iter()
                    .cloned()
                    .map(ete_core::routing::FileRefusal::from),
            )
            .and_then(|list| value.setattr("refusals", list)),
        };
        match set {
            Ok(()) => err,
            Err(e) => e,
        }
    })
}

/// Parses a code declared once in core (`codes!`); an unknown one is `InvalidField` listing
/// the codes.
pub fn parse_code<T: ete_core::codes::Code>(text: &str) -> PyResult<T> {
    T::parse(text).map_err(into_py_err)
}

/// `result.map_err(into_py_err)`, shorter.
pub fn py_result<T, E: Failure>(result: Result<T, E>) -> PyResult<T> {
    result.map_err(into_py_err)
}
