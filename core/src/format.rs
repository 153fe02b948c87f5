//! Format versions of snapshots and exported documents. Every document core writes carries a
//! `format` number; a reader accepts every format up to the one it writes (migrating older ones
//! on read) and refuses a newer one with a clear error, instead of misreading it.
//!
//! ```
//! use ete_core::format::check_version;
//! assert!(check_version("exchange snapshot", 1, 2).is_ok());
//! let refused = check_version("exchange snapshot", 3, 2).unwrap_err();
//! assert!(refused.contains("format 3 is newer"));
//! ```

/// Checks a document's format version against the newest one this library reads: a version of
/// 0 or above `current` is refused, naming the document, the version and what is read.
pub fn check_version(document: &str, found: u32, current: u32) -> Result<(), String> {
    if found == 0 {
        return Err(format!(
            "{document} format 0 is not a format (formats are 1..={current})"
        ));
    }
    if found > current {
        return Err(format!(
            "{document} format {found} is newer than this version of ete-core reads \
             (formats 1..={current}): upgrade ete-core to read it"
        ));
    }
    Ok(())
}

/// The format every policy's JSON is written in (credit, ledger, reading, routing, pool,
/// session, staff and statutory policies). A policy may omit `format` (the form before it was
/// written): it reads as format 1.
pub const POLICY_FORMAT: u32 = 1;

/// A policy's JSON text without its optional top-level `format`, which is checked against
/// [`POLICY_FORMAT`] (a version that is not a whole number, 0 or newer is refused, naming
/// `document`). Text without a `format` key, or that does not parse, is returned as it is, for
/// the policy's own reader to read or refuse.
///
/// ```
/// use ete_core::format::policy_text;
/// assert_eq!(policy_text("credit policy", r#"{"a": 1}"#).unwrap(), r#"{"a": 1}"#);
/// assert_eq!(policy_text("credit policy", r#"{"format": 1, "a": 1}"#).unwrap(), r#"{"a":1}"#);
/// assert!(policy_text("credit policy", r#"{"format": 2}"#).unwrap_err().contains("format 2 is newer"));
/// assert!(policy_text("credit policy", r#"{"format": "1"}"#).is_err());
/// ```
pub fn policy_text<'a>(document: &str, text: &'a str) -> Result<std::borrow::Cow<'a, str>, String> {
    use std::borrow::Cow;
    let Ok(serde_json::Value::Object(mut object)) = crate::json::from_str(text) else {
        return Ok(Cow::Borrowed(text));
    };
    let Some(format) = object.remove("format") else {
        return Ok(Cow::Borrowed(text));
    };
    let format = format
        .as_u64()
        .and_then(|f| u32::try_from(f).ok())
        .ok_or_else(|| format!("{document} format is not a whole number"))?;
    check_version(document, format, POLICY_FORMAT)?;
    serde_json::to_string(&object)
        .map(Cow::Owned)
        .map_err(|e| format!("{document} cannot be read again: {e}"))
}

/// A policy's JSON with its `format` ([`POLICY_FORMAT`]) first; `policy` must write a JSON
/// object (every policy does). Pretty-printed when `pretty`.
///
/// ```
/// use ete_core::format::policy_json;
/// let json = policy_json(&ete_core::hours::LedgerPolicy::default(), false);
/// assert!(json.starts_with(r#"{"format":1,"#));
/// ```
pub fn policy_json<T: serde::Serialize>(policy: &T, pretty: bool) -> String {
    #[derive(serde::Serialize)]
    struct Written<'a, T> {
        format: u32,
        #[serde(flatten)]
        policy: &'a T,
    }
    let written = Written {
        format: POLICY_FORMAT,
        policy,
    };
    let json = if pretty {
        serde_json::to_string_pretty(&written)
    } else {
        serde_json::to_string(&written)
    };
    json.unwrap_or_default()
}

// The CSV exports' formats. A CSV has no place for a version that every consumer would skip
// (a `# format` line breaks them), so each export's column set is its format: the number below
// names it, and a test pins the header of each format. Changing a header means a new number
// here, documented in CHANGELOG.md; columns are only ever added at the end.

/// The nDelius evidence export's format ([`crate::hours::ndelius_evidence_csv`]): format 1 is
/// the header `person_ref,requirement_id,course_name,date,action,minutes,reason,notes`
/// ([`crate::hours::EVIDENCE_COLUMNS`]).
pub const NDELIUS_EVIDENCE_CSV_FORMAT: u32 = 1;

/// The completion report's CSV format (`CompletionReport::to_csv`): format 1 is the header
/// `group,completions,courses_completed,minutes_credited,actual_minutes,guided_minutes,
/// agreements_used,duplicates,failures` (`CompletionReport::COLUMNS`).
pub const COMPLETION_REPORT_CSV_FORMAT: u32 = 1;

/// `training-records.csv`'s format ([`crate::training::training_records_csv`]): format 1 is
/// the 25 columns of [`crate::training::COLUMNS`], `learner_id` first.
pub const TRAINING_RECORDS_CSV_FORMAT: u32 = 1;

/// The staff compliance CSV's format (`ComplianceReport::to_csv`): format 1 is the header
/// `person,kind,item,status,date,days,attention` (`staff::CSV_HEADER`).
pub const STAFF_COMPLIANCE_CSV_FORMAT: u32 = 1;

/// The statutory attendance export's format (`StatutoryReport::to_csv`): format 1 is
/// `StatutoryReport::csv_header()`, 16 figures from `learner` to `severe`, then one `code_X`
/// column per statutory code.
pub const STATUTORY_CSV_FORMAT: u32 = 1;
