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
//! Values must also be plausible ([`ReadPolicy`]): a `completionDateTime` before 2000-01-01 or
//! after 2100-12-31 (the defaults), such as the `0001-01-01T00:00:00Z` that .NET exports write
//! for "none", and a `dateOfBirth` before 1900-01-01 or after the latest date are rejects naming
//! the record and the field.
//!
//! A reject never repeats a value that could be personal data: only a short value shaped like a
//! number (at most 12 characters of digits, an optional leading sign, one `.` or `:`) is quoted;
//! any other value is described by its length. So when an export's columns are shifted and an
//! email lands in `status`, the reject names the field and not the email.
//!
//! A CSV header that names a column twice, and a JSON object that names a key twice, are
//! `MalformedInput` naming it; a leading UTF-8 byte-order mark is skipped in both formats.
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

#[cfg(feature = "python")]
use pyo3::prelude::*;
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

/// The dates a reader accepts as plausible. `Default`: completions from 2000-01-01 to
/// 2100-12-31, dates of birth from 1900-01-01 to 2100-12-31.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash, from_py_object)
)]
pub struct ReadPolicy {
    /// The earliest completion day accepted (default 2000-01-01).
    pub earliest: NaiveDate,
    /// The latest day accepted, for completions and dates of birth (default 2100-12-31).
    pub latest: NaiveDate,
    /// The earliest date of birth accepted (default 1900-01-01).
    pub earliest_birth: NaiveDate,
}

impl Default for ReadPolicy {
    fn default() -> ReadPolicy {
        ReadPolicy {
            earliest: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN),
            latest: NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or(NaiveDate::MAX),
            earliest_birth: NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }
}

/// For example:
///
/// ```
/// use ete_core::hours::{read_completions_csv, ReadMode};
///
/// let csv = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes\n\
///            P-1,Digital skills,0001-01-01T00:00:00Z,Completed,95,120\n";
/// let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient)?;
/// assert_eq!(read.rejects[0].field.as_deref(), Some("completionDateTime"));
/// # Ok::<(), ete_core::hours::RecordError>(())
/// ```
impl ReadPolicy {
    /// Reads a policy from a JSON object (dates as `YYYY-MM-DD`; missing fields take the
    /// default); a range whose earliest day is after its latest is `InvalidPolicy`.
    pub fn from_json(text: &str) -> Result<ReadPolicy, crate::hours::PolicyError> {
        let policy: ReadPolicy = crate::hours::policy_from_json("reading policy", text)?;
        policy.check()?;
        Ok(policy)
    }

    /// The policy as JSON (with its `format`, [`crate::format::POLICY_FORMAT`]), readable by
    /// [`ReadPolicy::from_json`].
    ///
    /// ```
    /// use ete_core::hours::ReadPolicy;
    /// let policy = ReadPolicy::default();
    /// assert_eq!(ReadPolicy::from_json(&policy.to_json())?, policy);
    /// # Ok::<(), ete_core::hours::PolicyError>(())
    /// ```
    pub fn to_json(&self) -> String {
        crate::format::policy_json(self, false)
    }

    /// Checks that each range is not inverted.
    pub fn check(&self) -> Result<(), crate::hours::PolicyError> {
        for (field, earliest) in [
            ("earliest", self.earliest),
            ("earliestBirth", self.earliest_birth),
        ] {
            if earliest > self.latest {
                return Err(crate::hours::PolicyError::OutOfRange {
                    policy: "reading policy",
                    field: field.to_owned(),
                    value: earliest.to_string(),
                    reason: format!("must be on or before latest ({})", self.latest),
                });
            }
        }
        Ok(())
    }
}

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
#[cfg_attr(
    feature = "python",
    pyclass(name = "ReadResult", module = "ete_core", frozen, get_all)
)]
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

/// Reads a JSON array of portal completion objects, under the default [`ReadPolicy`].
pub fn read_completions_json(text: &str, mode: ReadMode) -> Result<ReadOutcome, RecordError> {
    read_completions_json_with(text, mode, &ReadPolicy::default())
}

/// Reads a JSON array of portal completion objects, with the dates `policy` accepts; an
/// inverted range is [`RecordError::Policy`] (`InvalidPolicy`).
pub fn read_completions_json_with(
    text: &str,
    mode: ReadMode,
    policy: &ReadPolicy,
) -> Result<ReadOutcome, RecordError> {
    policy.check()?;
    let text = crate::json::without_bom(text);
    let malformed = |e: serde_json::Error, other: String| RecordError::Malformed {
        line: u64::try_from(e.line()).ok(),
        reason: match e.classify() {
            serde_json::error::Category::Syntax => {
                format!("JSON syntax error at column {}", e.column())
            }
            serde_json::error::Category::Eof => "the JSON ends too early".to_owned(),
            _ => other,
        },
    };
    crate::json::unique_keys(text).map_err(|e| {
        let reason = e.to_string();
        // serde's message names the key (at most 40 characters of it), never a value.
        let reason = reason
            .split(" at line ")
            .next()
            .unwrap_or("a key appears twice")
            .to_owned();
        malformed(e, reason)
    })?;
    let values: Vec<serde_json::Value> = serde_json::from_str(text)
        .map_err(|e| malformed(e, "expected a JSON array of completion objects".to_owned()))?;
    let mut out = ReadOutcome::default();
    for (position, value) in values.iter().enumerate() {
        let built = match value.as_object() {
            Some(object) => build(policy, |name| match object.get(name) {
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

/// Reads CSV with a header row naming the portal's fields (any order, extra columns ignored),
/// under the default [`ReadPolicy`].
///
/// A row of the wrong length or with bad UTF-8 is a reject, not a failure of the whole read; a
/// header that names a column twice is `MalformedInput`.
pub fn read_completions_csv(
    input: impl io::Read,
    mode: ReadMode,
) -> Result<ReadOutcome, RecordError> {
    read_completions_csv_with(input, mode, &ReadPolicy::default())
}

/// Reads CSV as [`read_completions_csv`] does, with the dates `policy` accepts; an inverted
/// range is [`RecordError::Policy`] (`InvalidPolicy`).
pub fn read_completions_csv_with(
    input: impl io::Read,
    mode: ReadMode,
    policy: &ReadPolicy,
) -> Result<ReadOutcome, RecordError> {
    policy.check()?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    let headers = reader.headers().map_err(|e| malformed_csv(&e))?.clone();
    let mut columns: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if columns.insert(h, i).is_some() {
            return Err(RecordError::Malformed {
                line: Some(1),
                reason: format!(
                    "column {:?} appears twice in the header: each column is named once (H-2)",
                    h.chars().take(40).collect::<String>()
                ),
            });
        }
    }
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
                let built = build(policy, |name| {
                    match columns.get(name).and_then(|&i| record.get(i)) {
                        None | Some("") => Raw::Missing,
                        Some(text) => Raw::Text(text),
                    }
                });
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
fn build<'a>(
    policy: &ReadPolicy,
    get: impl Fn(&str) -> Raw<'a>,
) -> Result<Completion, RecordError> {
    let fields = CompletionFields {
        first_name: text(&get, "firstName", false)?,
        last_name: text(&get, "lastName", false)?,
        date_of_birth: birth_date(policy, &get, "dateOfBirth")?,
        region: text(&get, "region", false)?,
        pdu: text(&get, "pdu", false)?,
        office: text(&get, "office", false)?,
        email: text(&get, "email", false)?,
        course_name: text(&get, "courseName", true)?,
        course_type: text(&get, "courseType", false)?,
        provider: text(&get, "provider", false)?,
        completion_date_time: instant(policy, &get, "completionDateTime")?,
        status: text(&get, "status", true)?.parse::<CompletionStatus>()?,
        total_time_minutes: minutes(&get, "totalTimeMinutes")?,
        expected_time_minutes: minutes(&get, "expectedTimeMinutes")?,
        attempts: attempts(&get, "attempts")?,
        external_reference: text(&get, "externalReference", true)?,
    };
    Completion::new(fields)
}

/// The longest value a reject quotes.
const MAX_QUOTED: usize = 12;

/// Whether a value may be quoted in a reject: short and shaped like a number (digits, an
/// optional leading sign, at most one `.` or `:`), so never a name, an email or a date.
fn quotable(value: &str) -> bool {
    let body = value.strip_prefix(['-', '+']).unwrap_or(value);
    value.chars().count() <= MAX_QUOTED
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ':')
        && body.chars().filter(|c| *c == '.' || *c == ':').count() <= 1
}

/// A bad value: quoted only when it cannot be personal data (see the module docs); otherwise
/// the reason says how long it is.
fn bad(name: &str, value: &str, reason: &str) -> RecordError {
    if PERSONAL_FIELDS.contains(&name) {
        RecordError::personal_field(name, reason)
    } else if quotable(value) {
        RecordError::field(name, value, reason)
    } else {
        RecordError::personal_field(
            name,
            &format!(
                "a value of {} characters (not quoted: it may be personal data): {reason}",
                value.chars().count()
            ),
        )
    }
}

/// A type name ("a boolean") in place of a value.
fn bad_kind(name: &str, kind: &str, reason: &str) -> RecordError {
    RecordError::field(name, kind, reason)
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
        Raw::Other(kind) => Err(bad_kind(name, kind, "expected text")),
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
        Raw::Other(kind) => Err(bad_kind(name, kind, "expected a whole number")),
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

/// A day outside `earliest..=latest` is implausible (a sentinel such as 0001-01-01).
fn plausible(
    name: &str,
    day: NaiveDate,
    earliest: NaiveDate,
    latest: NaiveDate,
) -> Result<(), RecordError> {
    if day < earliest || day > latest {
        return Err(RecordError::personal_field(
            name,
            &format!(
                "an implausible date: the reading policy accepts {earliest} to {latest} \
                 (a sentinel such as 0001-01-01 means no date)"
            ),
        ));
    }
    Ok(())
}

fn birth_date<'a>(
    policy: &ReadPolicy,
    get: &impl Fn(&str) -> Raw<'a>,
    name: &str,
) -> Result<Option<NaiveDate>, RecordError> {
    const EXPECTED: &str = "expected a date as YYYY-MM-DD";
    match get(name) {
        Raw::Missing => Ok(None),
        Raw::Text(s) => {
            let day =
                NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad(name, s, EXPECTED))?;
            plausible(name, day, policy.earliest_birth, policy.latest)?;
            Ok(Some(day))
        }
        Raw::Int(i) => Err(bad(name, &i.to_string(), EXPECTED)),
        Raw::Other(kind) => Err(bad_kind(name, kind, EXPECTED)),
    }
}

fn instant<'a>(
    policy: &ReadPolicy,
    get: &impl Fn(&str) -> Raw<'a>,
    name: &str,
) -> Result<DateTime<Utc>, RecordError> {
    const EXPECTED: &str = "expected an RFC 3339 date-time with a zone, e.g. 2026-11-02T14:05:00Z";
    match get(name) {
        Raw::Missing => Err(required(name)),
        Raw::Text(s) => {
            let at = DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| bad(name, s, EXPECTED))?;
            plausible(name, at.date_naive(), policy.earliest, policy.latest)?;
            Ok(at)
        }
        Raw::Int(i) => Err(bad(name, &i.to_string(), EXPECTED)),
        Raw::Other(kind) => Err(bad_kind(name, kind, EXPECTED)),
    }
}
