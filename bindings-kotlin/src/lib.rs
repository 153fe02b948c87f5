//! Kotlin bindings of ETE Core through uniffi proc-macros. Conversion and error mapping only;
//! every rule lives in `ete-core`.
//!
//! Dates arrive in Kotlin as `java.time.LocalDate`, instants as `java.time.Instant`, minutes as
//! `Long`, and errors as the sealed class `EteException` (see `uniffi.toml`).

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
mod course;
mod credit;
mod errors;
mod ledger;
mod licences;
mod minutes;
mod register;
mod report;
mod routing;

use std::time::SystemTime;

use chrono::{DateTime, NaiveDate, Utc};

pub use errors::EteError;

uniffi::setup_scaffolding!("ete_core");

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, "%Y-%m-%d")?),
});

/// An instant in UTC; Kotlin sees `java.time.Instant`.
pub type UtcDateTime = DateTime<Utc>;

uniffi::custom_type!(UtcDateTime, SystemTime, {
    remote,
    lower: |instant| SystemTime::from(instant),
    try_lift: |time| Ok(DateTime::<Utc>::from(time)),
});
