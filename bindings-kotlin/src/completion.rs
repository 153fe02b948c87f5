//! Completions (H-2) and the portal readers, with every reject reported.

use std::sync::Arc;

use chrono::NaiveDate;
use ete_core::hours::{self, CompletionFields, CompletionStatus, ReadMode, ReadOutcome};

use crate::minutes::minutes;
use crate::{EteError, UtcDateTime};

/// A checked course completion (H-2). `toString()` shows ids only.
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct Completion {
    pub(crate) inner: hours::Completion,
}

impl std::fmt::Display for Completion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl Completion {
    /// A completion from the portal's fields; `status` is Completed, Passed or Failed.
    #[uniffi::constructor(default(first_name = "", last_name = "", date_of_birth = None,
        region = "", pdu = "", office = "", email = "", course_type = "", provider = "",
        attempts = None))]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        external_reference: String,
        course_name: String,
        completion_date_time: UtcDateTime,
        status: String,
        total_time_minutes: i64,
        expected_time_minutes: i64,
        first_name: String,
        last_name: String,
        date_of_birth: Option<NaiveDate>,
        region: String,
        pdu: String,
        office: String,
        email: String,
        course_type: String,
        provider: String,
        attempts: Option<u32>,
    ) -> Result<Arc<Completion>, EteError> {
        let fields = CompletionFields {
            first_name,
            last_name,
            date_of_birth,
            region,
            pdu,
            office,
            email,
            course_name,
            course_type,
            provider,
            completion_date_time,
            status: status.parse::<CompletionStatus>()?,
            total_time_minutes: minutes(total_time_minutes)?,
            expected_time_minutes: minutes(expected_time_minutes)?,
            attempts,
            external_reference,
        };
        Ok(Arc::new(Completion {
            inner: hours::Completion::new(fields)?,
        }))
    }

    /// The person's reference on the portal.
    pub fn person_ref(&self) -> String {
        self.inner.person_ref().to_owned()
    }
    /// The course's name.
    pub fn course_name(&self) -> String {
        self.inner.course_name().to_owned()
    }
    /// `Completed` or `Failed`.
    pub fn status(&self) -> String {
        self.inner.status().as_str().to_owned()
    }
    /// Actual minutes taken.
    pub fn actual(&self) -> i64 {
        self.inner.actual().as_signed()
    }
    /// Guided minutes.
    pub fn guided(&self) -> i64 {
        self.inner.guided().as_signed()
    }
    /// When the portal recorded the outcome.
    pub fn completed_at(&self) -> UtcDateTime {
        self.inner.completed_at()
    }
    /// The completion's day in England and Wales.
    pub fn local_date(&self) -> NaiveDate {
        self.inner.local_date()
    }
    /// Probation region.
    pub fn region(&self) -> String {
        self.inner.fields().region.clone()
    }
    /// Probation delivery unit.
    pub fn pdu(&self) -> String {
        self.inner.fields().pdu.clone()
    }
    /// Probation office.
    pub fn office(&self) -> String {
        self.inner.fields().office.clone()
    }
    /// The course provider.
    pub fn provider(&self) -> String {
        self.inner.fields().provider.clone()
    }
    /// The course type, e.g. `Online`.
    pub fn course_type(&self) -> String {
        self.inner.fields().course_type.clone()
    }
    /// Attempts, when the portal reported them.
    pub fn attempts(&self) -> Option<u32> {
        self.inner.fields().attempts
    }
    /// The completion in the portal's JSON shape.
    pub fn to_json(&self) -> Result<String, EteError> {
        serde_json::to_string(&self.inner).map_err(|e| EteError::InvalidField {
            detail: e.to_string(),
        })
    }
    /// The person's first name (personal data).
    pub fn first_name(&self) -> String {
        self.inner.fields().first_name.clone()
    }
    /// The person's last name (personal data).
    pub fn last_name(&self) -> String {
        self.inner.fields().last_name.clone()
    }
    /// The person's email (personal data).
    pub fn email(&self) -> String {
        self.inner.fields().email.clone()
    }
    /// The person's date of birth (personal data).
    pub fn date_of_birth(&self) -> Option<NaiveDate> {
        self.inner.fields().date_of_birth
    }
}

/// One record a reader could not accept.
#[derive(Debug, uniffi::Record)]
pub struct Reject {
    /// Index of the record in the input, from 0.
    pub position: i64,
    /// The 1-based line where the record starts, when known (CSV).
    pub line: Option<i64>,
    /// The field at fault, when one is.
    pub field: Option<String>,
    /// What is wrong; never personal data.
    pub reason: String,
}

impl From<hours::Reject> for Reject {
    fn from(r: hours::Reject) -> Reject {
        Reject {
            position: i64::try_from(r.position).unwrap_or(i64::MAX),
            line: r.line.map(|l| i64::try_from(l).unwrap_or(i64::MAX)),
            field: r.field,
            reason: r.reason,
        }
    }
}

/// What a read produced: the good completions and a `Reject` per bad record.
#[derive(uniffi::Record)]
pub struct ReadResult {
    /// The good completions, in input order.
    pub completions: Vec<Arc<Completion>>,
    /// One entry per bad record, in input order.
    pub rejects: Vec<Reject>,
}

fn read_result(out: ReadOutcome) -> ReadResult {
    ReadResult {
        completions: out
            .completions
            .into_iter()
            .map(|inner| Arc::new(Completion { inner }))
            .collect(),
        rejects: out.rejects.into_iter().map(Reject::from).collect(),
    }
}

fn mode(strict: bool) -> ReadMode {
    if strict {
        ReadMode::Strict
    } else {
        ReadMode::Lenient
    }
}

/// Reads a JSON array of portal completions (H-2).
#[uniffi::export(default(strict = false))]
pub fn read_completions_json(text: String, strict: bool) -> Result<ReadResult, EteError> {
    Ok(read_result(hours::read_completions_json(
        &text,
        mode(strict),
    )?))
}

/// Reads portal completions from CSV text with a header row (H-2).
#[uniffi::export(default(strict = false))]
pub fn read_completions_csv(text: String, strict: bool) -> Result<ReadResult, EteError> {
    Ok(read_result(hours::read_completions_csv(
        text.as_bytes(),
        mode(strict),
    )?))
}
