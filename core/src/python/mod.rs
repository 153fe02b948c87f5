//! How core's own types cross to Python (feature `python`), the counterpart of
//! `uniffi_types`: conversions, the error mapping, and per domain the constructors, getters
//! and reprs a derive cannot write.
//!
//! Records carry `#[cfg_attr(feature = "python", pyclass(...))]` and pyderive's derives where
//! they are defined; this module says once how the values inside them convert: [`Minutes`](crate::Minutes)
//! is an `int`, every coded enum (`codes!`) is its code as a `str`, and an error is the
//! `ete_core` exception named like its [`ErrorKind`](crate::ErrorKind).

mod completion;
mod convert;
mod errors;
mod hours;
mod ledger;
mod register;
mod routing;
mod staff;

pub use convert::{Day, Instant, Whole, fraction, plain, py_date};
pub use errors::error;
pub(crate) use errors::{fail, raise};

/// A `str` as Python's `repr` writes it (single quotes).
pub(crate) fn py_str(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}
