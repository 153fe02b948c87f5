//! Reading portal completions from JSON and CSV (H-2), reporting every bad record.
//!
//! Both formats use the portal's field names (`externalReference`, `courseName`,
//! `completionDateTime`, `status`, `totalTimeMinutes`, `expectedTimeMinutes`, and the optional
//! `firstName`, `lastName`, `dateOfBirth`, `region`, `pdu`, `office`, `email`, `courseType`,
//! `provider`, `attempts`). Unknown fields are ignored. Formats:
//!
//! - `completionDateTime`: RFC 3339 with a zone, e.g. `2026-11-02T14:05:00Z`;
//! - `dateOfBirth`: `YYYY-MM-DD`;
//! - minutes and attempts: whole numbers (JSON numbers, or digit strings as CSV has them);
//! - `status`: `Completed`, `Passed` (read as Completed) or `Failed`, any ASCII case.
//!
//! In [`ReadMode::Lenient`] the good records come back with a [`Reject`] for each bad one (its
//! position, field and reason); in [`ReadMode::Strict`] any bad record fails the whole read with
//! [`RecordError::Rejected`] listing them all. Input that cannot be read at all (bad JSON, a CSV
//! header without a required column) fails in both modes.
//!
//! ```
//! use ete_core::hours::{read_completions_csv, ReadMode};
//!
//! let csv = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes\n\
//!            P-1,Digital skills,2026-11-02T14:05:00Z,Completed,95,120\n\
//!            P-2,Digital skills,2026-11-02T15:00:00Z,Unknown,95,120\n";
//! let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient)?;
//! assert_eq!(read.completions.len(), 1);
//! assert_eq!(read.rejects[0].position, 1);
//! assert_eq!(read.rejects[0].field.as_deref(), Some("status"));
//! assert!(read_completions_csv(csv.as_bytes(), ReadMode::Strict).is_err());
//! # Ok::<(), ete_core::hours::RecordError>(())
//! ```

use std::collections::HashMap;
use std::io;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::hours::{Completion, CompletionFields, CompletionStatus, RecordError, Reject};
use crate::minutes::Minutes;

/// The fields a record must have; a CSV header must name each.
pub const REQUIRED_FIELDS: [&str; 6] = [
    "externalReference",
    "courseName",
    "completionDateTime",
    "status",
    "totalTimeMinutes",
    "expectedTimeMinutes",
];

/// Fields whose values are personal data and are never quoted in a reason.
const PERSONAL_FIELDS: [&str; 4] = ["firstName", "lastName", "dateOfBirth", "email"];

/// Whether a bad record is reported beside the good ones, or fails the read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadMode {
    /// Return the good records and a [`Reject`] for each bad one.
    #[default]
    Lenient,
    /// Fail with [`RecordError::Rejected`] if any record is bad.
    Strict,
}

/// What a read produced: the good records in input order, and every reject.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReadOutcome {
    /// The completions that passed every check, in input order.
    pub completions: Vec<Completion>,
    /// One entry per bad record, in input order.
    pub rejects: Vec<Reject>,
}

impl ReadOutcome {
    fn finish(self, mode: ReadMode) -> Result<ReadOutcome, RecordError> {
        if mode == ReadMode::Strict && !self.rejects.is_empty() {
            return Err(RecordError::Rejected {
                rejects: self.rejects,
            });
        }
        Ok(self)
    }

    fn push(&mut self, built: Result<Completion, RecordError>, position: usize, line: Option<u64>) {
        match built {
            Ok(c) => self.completions.push(c),
            Err(e) => self.rejects.push(e.into_reject(position, line)),
        }
    }
}

/// Reads a JSON array of portal completion objects.
pub fn read_completions_json(text: &str, mode: ReadMode) -> Result<ReadOutcome, RecordError> {
    let values: Vec<serde_json::Value> =
        serde_json::from_str(text).map_err(|e| RecordError::Malformed {
            line: u64::try_from(e.line()).ok(),
            reason: match e.classify() {
                serde_json::error::Category::Syntax => {
                    format!("JSON syntax error at column {}", e.column())
                }
                serde_json::error::Category::Eof => "the JSON ends too early".to_owned(),
                _ => "expected a JSON array of completion objects".to_owned(),
            },
        })?;
    let mut out = ReadOutcome::default();
    for (position, value) in values.iter().enumerate() {
        let built = match value.as_object() {
            Some(object) => build(|name| match object.get(name) {
                None | Some(serde_json::Value::Null) => Raw::Missing,
                Some(serde_json::Value::String(s)) => Raw::Text(s),
                Some(serde_json::Value::Number(n)) => match n.as_i64() {
                    Some(i) => Raw::Int(i),
                    None => Raw::Other("a non-integer number"),
                },
                Some(serde_json::Value::Bool(_)) => Raw::Other("a boolean"),
                Some(serde_json::Value::Array(_)) => Raw::Other("an array"),
                Some(serde_json::Value::Object(_)) => Raw::Other("an object"),
            }),
            None => Err(RecordError::Malformed {
                line: None,
                reason: "expected a JSON object for the completion".to_owned(),
            }),
        };
        out.push(built, position, None);
    }
    out.finish(mode)
}

/// Reads CSV with a header row naming the portal's fields (any order, extra columns ignored).
///
/// A row of the wrong length or with bad UTF-8 is a reject, not a failure of the whole read.
pub fn read_completions_csv(
    input: impl io::Read,
    mode: ReadMode,
) -> Result<ReadOutcome, RecordError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    let headers = reader.headers().map_err(|e| malformed_csv(&e))?.clone();
    let columns: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h, i)).collect();
    if let Some(missing) = REQUIRED_FIELDS.iter().find(|f| !columns.contains_key(*f)) {
        return Err(RecordError::MissingColumn {
            column: (*missing).to_owned(),
        });
    }
    let mut out = ReadOutcome::default();
    for (position, row) in reader.records().enumerate() {
        match row {
            Ok(record) => {
                let line = record.position().map(|p| p.line());
                let built = build(
                    |name| match columns.get(name).and_then(|&i| record.get(i)) {
                        None | Some("") => Raw::Missing,
                        Some(text) => Raw::Text(text),
                    },
                );
                out.push(built, position, line);
            }
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => return Err(malformed_csv(&e)),
            Err(e) => {
                let line = e.position().map(|p| p.line());
                out.rejects.push(Reject {
                    position,
                    line,
                    field: None,
                    reason: csv_reason(&e),
                });
            }
        }
    }
    out.finish(mode)
}

fn malformed_csv(e: &csv::Error) -> RecordError {
    RecordError::Malformed {
        line: e.position().map(|p| p.line()),
        reason: csv_reason(e),
    }
}

/// A reason for a CSV error that never repeats field contents.
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("the row has {len} fields where the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8".to_owned(),
        csv::ErrorKind::Io(io) => format!("could not read the input: {}", io.kind()),
        _ => "the CSV could not be read".to_owned(),
    }
}

/// A field's raw value, whichever format it came from.
enum Raw<'a> {
    Missing,
    Text(&'a str),
    Int(i64),
    Other(&'static str),
}

/// Builds one completion from a field lookup, naming the first field at fault.
fn build<'a>(get: impl Fn(&str) -> Raw<'a>) -> Result<Completion, RecordError> {
    let fields = CompletionFields {
        first_name: text(&get, "firstName", false)?,
        last_name: text(&get, "lastName", false)?,
        date_of_birth: date(&get, "dateOfBirth")?,
        region: text(&get, "region", false)?,
        pdu: text(&get, "pdu", false)?,
        office: text(&get, "office", false)?,
        email: text(&get, "email", false)?,
        course_name: text(&get, "courseName", true)?,
        course_type: text(&get, "courseType", false)?,
        provider: text(&get, "provider", false)?,
        completion_date_time: instant(&get, "completionDateTime")?,
        status: text(&get, "status", true)?.parse::<CompletionStatus>()?,
        total_time_minutes: minutes(&get, "totalTimeMinutes")?,
        expected_time_minutes: minutes(&get, "expectedTimeMinutes")?,
        attempts: attempts(&get, "attempts")?,
        external_reference: text(&get, "externalReference", true)?,
    };
    Completion::new(fields)
}

fn bad(name: &str, value: &str, reason: &str) -> RecordError {
    if PERSONAL_FIELDS.contains(&name) {
        RecordError::personal_field(name, reason)
    } else {
        RecordError::field(name, value, reason)
    }
}

fn required(name: &str) -> RecordError {
    RecordError::InvalidField {
        field: name.to_owned(),
        value: None,
        reason: "is required (H-2)".to_owned(),
    }
}

fn text<'a>(
    get: &impl Fn(&str) -> Raw<'a>,
    name: &str,
    is_required: bool,
) -> Result<String, RecordError> {
    match get(name) {
        Raw::Text(s) => Ok(s.to_owned()),
        Raw::Missing if is_required => Err(required(name)),
        Raw::Missing => Ok(String::new()),
        Raw::Int(i) => Err(bad(name, &i.to_string(), "expected text")),
        Raw::Other(kind) => Err(bad(name, kind, "expected text")),
    }
}

fn whole_number<'a>(
    get: &impl Fn(&str) -> Raw<'a>,
    name: &str,
) -> Result<Option<i64>, RecordError> {
    match get(name) {
        Raw::Missing => Ok(None),
        Raw::Int(i) => Ok(Some(i)),
        Raw::Text(s) => s
            .parse::<i64>()
            .map(Some)
            .map_err(|_| bad(name, s, "expected a whole number")),
        Raw::Other(kind) => Err(bad(name, kind, "expected a whole number")),
    }
}

fn minutes<'a>(get: &impl Fn(&str) -> Raw<'a>, name: &str) -> Result<Minutes, RecordError> {
    let value = whole_number(get, name)?.ok_or_else(|| required(name))?;
    Minutes::from_signed(value).map_err(|_| {
        bad(
            name,
            &value.to_string(),
            "must be a whole number of minutes, 0 or more (H-2)",
        )
    })
}

fn attempts<'a>(get: &impl Fn(&str) -> Raw<'a>, name: &str) -> Result<Option<u32>, RecordError> {
    match whole_number(get, name)? {
        None => Ok(None),
        Some(n) => u32::try_from(n).map(Some).map_err(|_| {
            bad(
                name,
                &n.to_string(),
                "must be a whole number, 1 or more (H-2)",
            )
        }),
    }
}

fn date<'a>(get: &impl Fn(&str) -> Raw<'a>, name: &str) -> Result<Option<NaiveDate>, RecordError> {
    match get(name) {
        Raw::Missing => Ok(None),
        Raw::Text(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| bad(name, s, "expected a date as YYYY-MM-DD")),
        Raw::Int(i) => Err(bad(name, &i.to_string(), "expected a date as YYYY-MM-DD")),
        Raw::Other(kind) => Err(bad(name, kind, "expected a date as YYYY-MM-DD")),
    }
}

fn instant<'a>(get: &impl Fn(&str) -> Raw<'a>, name: &str) -> Result<DateTime<Utc>, RecordError> {
    const EXPECTED: &str = "expected an RFC 3339 date-time with a zone, e.g. 2026-11-02T14:05:00Z";
    match get(name) {
        Raw::Missing => Err(required(name)),
        Raw::Text(s) => DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| bad(name, s, EXPECTED)),
        Raw::Int(i) => Err(bad(name, &i.to_string(), EXPECTED)),
        Raw::Other(kind) => Err(bad(name, kind, EXPECTED)),
    }
}
