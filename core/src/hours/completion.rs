//! Course completions as the learning portal reports them (H-2).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::London;
use serde::{Deserialize, Serialize};

use crate::hours::RecordError;
use crate::minutes::Minutes;
#[cfg(feature = "python")]
use pyo3::prelude::*;

/// The outcome the portal reports for a course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CompletionStatus {
    /// Completed; newer portal data says `Passed`, which reads as this.
    Completed,
    /// Failed: credits nothing (H-3).
    Failed,
}

impl CompletionStatus {
    /// The canonical text: `Completed` or `Failed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CompletionStatus::Completed => "Completed",
            CompletionStatus::Failed => "Failed",
        }
    }
}

impl FromStr for CompletionStatus {
    type Err = RecordError;
    /// Reads `Completed`, `Passed` or `Failed`, ignoring ASCII case and surrounding spaces.
    fn from_str(s: &str) -> Result<CompletionStatus, RecordError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "completed" | "passed" => Ok(CompletionStatus::Completed),
            "failed" => Ok(CompletionStatus::Failed),
            // The value is not quoted: a shifted export puts names and emails here.
            _ => Err(RecordError::personal_field(
                "status",
                &format!(
                    "a value of {} characters (not quoted: it may be personal data): \
                     expected Completed, Passed or Failed (H-2)",
                    s.chars().count()
                ),
            )),
        }
    }
}

impl TryFrom<String> for CompletionStatus {
    type Error = RecordError;
    fn try_from(s: String) -> Result<CompletionStatus, RecordError> {
        s.parse()
    }
}

impl From<CompletionStatus> for &'static str {
    fn from(s: CompletionStatus) -> &'static str {
        s.as_str()
    }
}

impl fmt::Display for CompletionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The portal's completion message as plain, typed fields, named as the portal names them
/// (H-2). Build a checked [`Completion`] from it with [`Completion::new`].
///
/// Unknown fields are ignored, so newer portal messages still read. `Debug` shows ids only:
/// names, email and date of birth are redacted.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct CompletionFields {
    /// The person's first name (personal data).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub first_name: String,
    /// The person's last name (personal data).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_name: String,
    /// The person's date of birth (personal data).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub date_of_birth: Option<NaiveDate>,
    /// Probation region.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub region: String,
    /// Probation delivery unit.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pdu: String,
    /// Probation office.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub office: String,
    /// The person's email (personal data).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: String,
    /// The course's name, which identifies the course in a completion.
    pub course_name: String,
    /// The course type, e.g. `Online`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub course_type: String,
    /// The course provider.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub provider: String,
    /// When the portal recorded the outcome (UTC).
    pub completion_date_time: DateTime<Utc>,
    /// Completed (or Passed) / Failed.
    pub status: CompletionStatus,
    /// Actual time taken.
    pub total_time_minutes: Minutes,
    /// Guided learning time (the provider's expected time), above zero.
    pub expected_time_minutes: Minutes,
    /// Attempts, when the portal reports them (at least 1).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub attempts: Option<u32>,
    /// The person's reference on the portal: the id that ETE Core uses for the person.
    pub external_reference: String,
}

impl fmt::Debug for CompletionFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CompletionFields")
            .field("external_reference", &self.external_reference)
            .field("course_name", &self.course_name)
            .field("completion_date_time", &self.completion_date_time)
            .field("status", &self.status)
            .field("total_time_minutes", &self.total_time_minutes)
            .field("expected_time_minutes", &self.expected_time_minutes)
            .finish_non_exhaustive()
    }
}

/// A checked course completion (H-2): it has a person reference and a course name, and its
/// guided time is above zero.
///
/// Serialises to, and deserialises from, the portal's JSON shape. `Debug` and `Display` show ids
/// only.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CompletionFields", into = "CompletionFields")]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, from_py_object)
)]
pub struct Completion {
    fields: CompletionFields,
}

/// For example:
///
/// ```
/// use ete_core::hours::Completion;
///
/// let c: Completion = serde_json::from_str(r#"{
///     "externalReference": "P-1001", "courseName": "Digital skills",
///     "completionDateTime": "2026-11-02T14:05:00Z", "status": "Passed",
///     "totalTimeMinutes": 95, "expectedTimeMinutes": 120, "firstName": "Sam"
/// }"#)?;
/// assert_eq!(c.person_ref(), "P-1001");
/// assert!(!format!("{c:?}").contains("Sam"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Completion {
    /// Checks the fields: a non-empty `externalReference` and `courseName`, guided time above
    /// zero (H-1), attempts at least 1 when given.
    pub fn new(fields: CompletionFields) -> Result<Completion, RecordError> {
        if fields.external_reference.trim().is_empty() {
            return Err(RecordError::field(
                "externalReference",
                &fields.external_reference,
                "a completion needs the person's reference (H-2)",
            ));
        }
        if fields.course_name.trim().is_empty() {
            return Err(RecordError::field(
                "courseName",
                &fields.course_name,
                "a completion needs a course name (H-2)",
            ));
        }
        if fields.expected_time_minutes == Minutes::ZERO {
            return Err(RecordError::field(
                "expectedTimeMinutes",
                "0",
                "guided learning time must be above zero (H-1)",
            ));
        }
        if fields.attempts == Some(0) {
            return Err(RecordError::field(
                "attempts",
                "0",
                "attempts, when given, must be at least 1 (H-2)",
            ));
        }
        Ok(Completion { fields })
    }

    /// All the fields, as the portal sent them.
    pub fn fields(&self) -> &CompletionFields {
        &self.fields
    }
    /// The person's reference on the portal (the id used for duplicates and agreements).
    pub fn person_ref(&self) -> &str {
        &self.fields.external_reference
    }
    /// The course's name.
    pub fn course_name(&self) -> &str {
        &self.fields.course_name
    }
    /// Completed or failed.
    pub fn status(&self) -> CompletionStatus {
        self.fields.status
    }
    /// Actual time taken.
    pub fn actual(&self) -> Minutes {
        self.fields.total_time_minutes
    }
    /// Guided learning time, above zero.
    pub fn guided(&self) -> Minutes {
        self.fields.expected_time_minutes
    }
    /// When the outcome was recorded (UTC).
    pub fn completed_at(&self) -> DateTime<Utc> {
        self.fields.completion_date_time
    }
    /// The calendar day of the completion in England and Wales (`Europe/London`): the date a
    /// credit is recorded on, and the date compared with an agreement's date.
    ///
    /// ```
    /// # use ete_core::hours::Completion;
    /// let c: Completion = serde_json::from_str(r#"{"externalReference": "P-1",
    ///     "courseName": "C", "completionDateTime": "2026-06-30T23:30:00Z",
    ///     "status": "Completed", "totalTimeMinutes": 1, "expectedTimeMinutes": 1}"#)?;
    /// assert_eq!(c.local_date().to_string(), "2026-07-01"); // 00:30 BST
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn local_date(&self) -> NaiveDate {
        self.fields
            .completion_date_time
            .with_timezone(&London)
            .date_naive()
    }
}

impl TryFrom<CompletionFields> for Completion {
    type Error = RecordError;
    fn try_from(fields: CompletionFields) -> Result<Completion, RecordError> {
        Completion::new(fields)
    }
}

impl From<Completion> for CompletionFields {
    fn from(c: Completion) -> CompletionFields {
        c.fields
    }
}

impl fmt::Debug for Completion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Completion").field(&self.fields).finish()
    }
}

impl fmt::Display for Completion {
    /// `P-1001 "Digital skills" Completed 2026-11-02T14:05:00Z (actual 01:35, guided 02:00)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?} {} {} (actual {}, guided {})",
            self.person_ref(),
            self.course_name(),
            self.status(),
            self.completed_at().format("%Y-%m-%dT%H:%M:%SZ"),
            self.actual(),
            self.guided()
        )
    }
}
