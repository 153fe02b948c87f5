//! Python bindings of ETE Core: the native module `ete_core._ete_core`, re-exported by the
//! `ete_core` package. Conversion and error mapping only; every rule lives in `ete-core`.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod attendance;
mod columns;
mod completion;
mod convert;
mod course;
mod credit;
mod errors;
mod ledger;
mod licences;
mod minutes;
mod register;
mod report;
mod routing;
mod shared;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _ete_core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    minutes::register(m)?;
    completion::register(m)?;
    course::register(m)?;
    credit::register(m)?;
    ledger::register(m)?;
    report::register(m)?;
    routing::register(m)?;
    register::register(m)?;
    attendance::register(m)?;
    licences::register(m)?;
    columns::register(m)?;
    Ok(())
}
