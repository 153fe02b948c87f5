//! # ETE Core
//!
//! The administrative rules of education, training and employment (ETE) work in UK probation
//! and schools' alternative provision, written once so that every tool gets the same, explained
//! answer. The rules are numbered (H-…, L-…, R-…, T-…) in [`rules`] (the repository's
//! `docs/RULES.md`), and the docs here cite them by number.
//!
//! Conventions that hold everywhere:
//!
//! - **Whole minutes** ([`Minutes`]), exact ratios ([`Ratio`]) with the rounding a rule states
//!   ([`Rounding`]); no floats in rule arithmetic.
//! - **The clock is an argument**: nothing here reads the system time.
//! - **Decisions explain themselves**: every decision carries an enum reason.
//! - **Personal data stays out of `Debug`, `Display` and errors**: ids only.
//! - **Errors** are one enum per module; each has a language-neutral [`ErrorKind`].
//!
//! ## Bindings
//!
//! Core holds no FFI logic. With the off-by-default `uniffi` feature its types carry
//! `#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]`-style derives so that they cross to
//! Kotlin as they are, and one feature-gated module (`uniffi_types`) declares how the few types
//! that are not core's own (dates, instants) and [`Minutes`] cross. The off-by-default `python`
//! feature does the same for Python: records carry `pyclass` and pyderive derives
//! (`#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]`,
//! `#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all))]`), and one
//! module (`python`) declares how [`Minutes`] and every coded enum convert (an `int`; a
//! code `str` typed as `Literal[...]` in the stubs), the one error constructor, and the few
//! constructors and computed properties a checked type needs. Everything else a binding needs
//! (thread-safe wrappers, exported functions, error mapping through [`Failure`]) lives in the
//! binding crate. The default build pulls in no FFI crate.
//!
//! ## A tour
//!
//! [`minutes`]: durations as whole minutes, in `HH:MM` text.
//!
//! ```
//! let m: ete_core::Minutes = "120:05".parse()?;
//! assert_eq!(m.get(), 7_205);
//! # Ok::<(), ete_core::MinutesError>(())
//! ```
//!
//! [`routing`]: who may send which document to whom, and why.
//!
//! ```
//! use ete_core::routing::{decide, Organisation, RoutingPolicy};
//!
//! let d = decide(&RoutingPolicy::default(), &Organisation::new("provider", "PRV-1"),
//!     &Organisation::new("school", "SCH-1"), "dsl", "safeguarding_concern");
//! assert_eq!(d.reason.to_string(), r#"forbidden by rule "no-provider-to-school""#);
//! ```
//!
//! [`hours`]: what a course completion is worth towards an Unpaid Work requirement.
//!
//! ```
//! use ete_core::hours::{credit_batch, read_completions_json, CreditPolicy, CreditReason, ReadMode};
//!
//! let json = r#"[{"externalReference": "P-1", "courseName": "Digital skills",
//!   "completionDateTime": "2026-11-02T14:05:00Z", "status": "Failed",
//!   "totalTimeMinutes": 30, "expectedTimeMinutes": 120}]"#;
//! let read = read_completions_json(json, ReadMode::Strict)?;
//! let d = &credit_batch(&read.completions, &[], &[], &CreditPolicy::default())[0];
//! assert_eq!((d.credited.get(), d.reason), (0, CreditReason::Failed));
//! # Ok::<(), ete_core::hours::RecordError>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// pyderive's generated methods carry no doc comments; the default build still checks every item.
#![cfg_attr(feature = "python", allow(missing_docs))]
// Tests may use them too: clippy.toml allows them in tests.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
// No unchecked arithmetic in library code: every sum, product and difference is checked,
// saturating or widened. The few reviewed exceptions carry an `allow` with the bound that makes
// them safe (`Ratio::apply`, `Fraction::{at_least_percent, show}`, `increment` in ratio.rs).
#![deny(clippy::arithmetic_side_effects)]

mod aggregate;
pub mod codes;
pub mod columns;
pub mod contribution;
mod error;
pub mod hours;
pub mod json;
pub mod language;
pub mod licences;
pub mod minutes;
#[cfg(feature = "python")]
pub mod python;
pub mod ratio;
pub mod register;
#[doc = include_str!("../RULES.md")]
pub mod rules {}
pub mod routing;
pub mod staff;
pub mod training;
#[cfg(feature = "uniffi")]
pub mod uniffi_types;
// Aggregates' trust: format versions and hash chains (issue 14 items 9, 10).
pub mod chain;
pub mod format;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("ete_core");

pub use aggregate::{Aggregate, CommandId};
// The crate README's example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use error::{Detail, ErrorKind, Failure};
pub use minutes::{Minutes, MinutesError};
pub use ratio::{Fraction, Ratio, RatioError, Rounding};
