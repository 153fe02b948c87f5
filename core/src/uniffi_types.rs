//! How the types that are not core's own cross to Kotlin (feature `uniffi`): declarations only.
//!
//! Dates travel as their ISO text, instants as [`EpochInstant`] and [`Minutes`] as a signed
//! whole number, contribution scores as a `Byte`, fractions as [`FractionParts`].
//! `core/uniffi.toml` turns them into `java.time.LocalDate`, `java.time.Instant`, `Long` and
//! `Fraction`; there the Kotlin side checks a value with the binding (`checkedDate`,
//! `checkedInstant`, `checkedMinutes`, `checkedContribution`, `checkedFraction`) before it
//! crosses, so that an out-of-range value is an `EteException`, not an internal error.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};

use crate::contribution::{Contribution, ContributionSummary};
use crate::hours::{Completion, CompletionFields, CreditReason};
use crate::licences::{EventKind, Utilisation};
use crate::register::{
    AttendanceSummary, Entry, EventKind as RegisterEventKind, Mark, MarkReason, Rates,
};
use crate::routing::{Reason, Refusal, TransferPlan};
use crate::{Fraction, Minutes};

/// An instant in UTC; Kotlin sees `java.time.Instant`.
pub type UtcDateTime = DateTime<Utc>;

/// How an instant crosses the FFI: whole seconds since 1970-01-01T00:00:00Z rounded down, and
/// the nanoseconds after them, as `java.time.Instant` holds it (`epochSecond`, `nano`). Kotlin
/// sees `java.time.Instant`; this record is only the wire form.
///
/// (uniffi's built-in timestamp loses the sign of an instant less than a second before 1970,
/// so instants do not travel as `SystemTime`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct EpochInstant {
    /// Whole seconds since 1970-01-01T00:00:00Z, rounded towards the past.
    pub seconds: i64,
    /// Nanoseconds after `seconds`: 0..=999 999 999 (up to 1 999 999 999 in a leap second).
    pub nanos: u32,
}

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, "%Y-%m-%d")?),
});

uniffi::custom_type!(UtcDateTime, EpochInstant, {
    remote,
    lower: |instant| EpochInstant {
        seconds: instant.timestamp(),
        nanos: instant.timestamp_subsec_nanos(),
    },
    try_lift: |wire| DateTime::from_timestamp(wire.seconds, wire.nanos)
        .ok_or_else(|| uniffi::deps::anyhow::anyhow!("instant out of range")),
});

uniffi::custom_type!(Contribution, i8, {
    lower: |score| score.get(),
    try_lift: |value| Ok(Contribution::new(i64::from(value))?),
});

uniffi::custom_type!(Minutes, i64, {
    lower: |minutes| minutes.as_signed(),
    try_lift: |value| Ok(Minutes::from_signed(value)?),
});

/// A position in the input (a record's or a file's index); Kotlin sees `Long` (uniffi has no
/// `usize`).
pub type Index = usize;

uniffi::custom_type!(Index, u64, {
    remote,
    lower: |index| u64::try_from(index).unwrap_or(u64::MAX),
    try_lift: |wire| Ok(usize::try_from(wire)?),
});

/// How a [`Fraction`] crosses: its parts. Kotlin sees `Fraction` (this record); the binding's
/// `checkedFraction` refuses a zero denominator before one crosses back, as core does on lift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct FractionParts {
    /// The numerator.
    pub numerator: i64,
    /// The denominator, above zero.
    pub denominator: u64,
}

uniffi::custom_type!(Fraction, FractionParts, {
    lower: |f| FractionParts { numerator: f.numerator(), denominator: f.denominator() },
    try_lift: |parts| Ok(Fraction::new(parts.numerator, parts.denominator)?),
});

/// Declares a `BTreeMap` core keeps (for its order and its `Hash`) that Kotlin sees as a `Map`:
/// only the FFI sees a hash map.
macro_rules! map_as_hash_map {
    ($(#[$doc:meta])* $name:ident = BTreeMap<$key:ty, $value:ty>) => {
        $(#[$doc])*
        pub type $name = BTreeMap<$key, $value>;

        uniffi::custom_type!($name, HashMap<$key, $value>, {
            remote,
            lower: |map| map.into_iter().collect(),
            try_lift: |map| Ok(map.into_iter().collect()),
        });
    };
}

map_as_hash_map!(
    /// Attributes by name, in name order (an organisation's); Kotlin sees `Map<String, String>`.
    Attributes = BTreeMap<String, String>
);
map_as_hash_map!(
    /// Entries per mark (an attendance summary's); Kotlin sees `Map<Mark, ULong>`.
    MarkCounts = BTreeMap<Mark, u64>
);
map_as_hash_map!(
    /// Attendance summaries by learner (a summary report's); Kotlin sees a `Map`.
    LearnerSummaries = BTreeMap<String, AttendanceSummary>
);

/// A sorted set of names (an account's courses); Kotlin sees `List<String>`, in order.
pub type Names = BTreeSet<String>;

uniffi::custom_type!(Names, Vec<String>, {
    remote,
    lower: |names| names.into_iter().collect(),
    try_lift: |names| Ok(names.into_iter().collect()),
});

// A checked completion crosses as its fields (Kotlin: `typealias Completion = CompletionFields`).
// Bindings take `CompletionFields` and check them with `Completion::new`, so that a bad field is
// the binding's error, not a failed lift.
uniffi::custom_type!(Completion, CompletionFields, {
    lower: |completion| CompletionFields::from(completion),
    try_lift: |fields| Ok(Completion::new(fields)?),
});

#[uniffi::export]
impl TransferPlan {
    /// Whether every file may be sent, for the FFI.
    #[uniffi::method(name = "sendable")]
    fn ffi_sendable(&self) -> bool {
        self.sendable()
    }
}

#[uniffi::export]
impl AttendanceSummary {
    /// Possible sessions, for the FFI.
    #[uniffi::method(name = "possible")]
    fn ffi_possible(&self) -> u64 {
        self.possible()
    }
    /// Rates over possible sessions, or null with none, for the FFI.
    #[uniffi::method(name = "rates")]
    fn ffi_rates(&self) -> Option<Rates> {
        self.rates()
    }
}

#[uniffi::export]
impl Entry {
    /// The mark that counts (the school's decision, else the provider's mark), for the FFI.
    #[uniffi::method(name = "current")]
    fn ffi_current(&self) -> Option<Mark> {
        self.current()
    }
}

#[uniffi::export]
impl ContributionSummary {
    /// The exact mean, or null with no scores, for the FFI.
    #[uniffi::method(name = "mean")]
    fn ffi_mean(&self) -> Option<Fraction> {
        self.mean()
    }
    /// The mean to two decimals (`"1.33"`), or null, for the FFI.
    #[uniffi::method(name = "mean_text")]
    fn ffi_mean_text(&self) -> Option<String> {
        self.mean_text()
    }
}

#[uniffi::export]
impl Utilisation {
    /// The average days held to one decimal (`"13.3"`), or null, for the FFI.
    #[uniffi::method(name = "average_days_text")]
    fn ffi_average_days_text(&self) -> Option<String> {
        self.average_days_text()
    }
}

/// Exports a coded type's `code()` to Kotlin (`value.code()`), and optionally one more method
/// that puts it in words: one declaration for every type whose code crosses.
macro_rules! export_code {
    ($ty:ident $(, $name:tt => $words:ident)?) => {
        #[uniffi::export]
        impl $ty {
            /// The stable code, as a `String` for the FFI.
            #[uniffi::method(name = "code")]
            fn ffi_code(&self) -> String {
                self.code().to_owned()
            }
            $(
                /// The value in words, for the FFI.
                #[uniffi::method(name = $name)]
                fn ffi_words(&self) -> String {
                    self.$words().to_string()
                }
            )?
        }
    };
}

export_code!(Mark);
export_code!(EventKind);
export_code!(RegisterEventKind);
export_code!(MarkReason, "text" => to_string);
export_code!(Reason, "text" => to_string);
export_code!(Refusal, "text" => to_string);
export_code!(CreditReason, "explanation" => explanation);

// Staff learning and eligibility (S-1..S-4): the codes of its enums.
use crate::staff::{
    Attention, GfieReason, LearningState, ObjectivityReason, PqipReason, PqipRoute,
    RequirementKind, RowKind, TaskStatus,
};
export_code!(LearningState);
export_code!(TaskStatus);
export_code!(RequirementKind);
export_code!(ObjectivityReason);
export_code!(PqipRoute);
export_code!(PqipReason);
export_code!(GfieReason);
export_code!(RowKind);
export_code!(Attention);
