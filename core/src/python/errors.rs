//! Errors: a core error is the `ete_core` exception named like its [`ErrorKind`].

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyType;

use crate::ErrorKind;

/// The `ete_core` exception for `kind` (a subclass of `EteError` defined in
/// `ete_core._errors`), carrying `message`.
pub fn error(kind: ErrorKind, message: impl Into<String>) -> PyErr {
    let message = message.into();
    Python::attach(|py| {
        match py
            .import("ete_core._errors")
            .and_then(|m| m.getattr(kind.code()))
            .and_then(|class| Ok(class.cast_into::<PyType>()?))
        {
            Ok(class) => PyErr::from_type(class, (message,)),
            Err(e) => PyRuntimeError::new_err(format!("ete_core._errors is unusable: {e}")),
        }
    })
}

/// A core error as the `ete_core` exception of its kind.
pub(crate) fn raise<E: std::fmt::Display>(
    kind: impl FnOnce(&E) -> ErrorKind,
) -> impl FnOnce(E) -> PyErr {
    move |e| error(kind(&e), e.to_string())
}

/// A core error ([`Failure`](crate::Failure)) as the `ete_core` exception of its kind.
pub(crate) fn fail<E: crate::Failure>(e: E) -> PyErr {
    error(e.kind(), e.to_string())
}
