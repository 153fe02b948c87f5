//! The staff module's one error type.

use chrono::NaiveDate;

use crate::ErrorKind;

/// What can go wrong in S-1..S-4. Messages name the field, the value and the rule, never a
/// person's name or other personal data.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    /// A policy value out of its range ([`ErrorKind::InvalidPolicy`]).
    #[error("staff policy field {field} is {value}: expected {range} ({rule})")]
    InvalidPolicy {
        /// The policy field (`mandatory[0].validityMonths`).
        field: String,
        /// The value given.
        value: String,
        /// The values allowed.
        range: String,
        /// The rule the field belongs to.
        rule: &'static str,
    },
    /// A policy whose JSON does not parse ([`ErrorKind::InvalidPolicy`]).
    #[error("staff policy JSON does not parse: {detail}")]
    PolicyJson {
        /// Where and what (line and column; no values are quoted).
        detail: String,
    },
    /// A record whose JSON does not parse ([`ErrorKind::MalformedInput`]). Values are never
    /// quoted: a record holds names.
    #[error("{what} JSON does not parse: {detail}")]
    RecordJson {
        /// What was read (`staff record`).
        what: &'static str,
        /// Where and what kind of error (line and column; no values are quoted).
        detail: String,
    },
    /// A date whose calendar arithmetic leaves chrono's range ([`ErrorKind::InvalidField`]).
    #[error("{field} {date}: adding the rule's months or days leaves the calendar's range")]
    DateOutOfRange {
        /// The field the date came from.
        field: &'static str,
        /// The date.
        date: NaiveDate,
    },
    /// The CSV writer failed ([`ErrorKind::MalformedInput`]).
    #[error("compliance CSV could not be written: {detail}")]
    Csv {
        /// The writer's message.
        detail: String,
    },
}

impl StaffError {
    /// The language-neutral kind.
    pub fn kind(&self) -> ErrorKind {
        match self {
            StaffError::InvalidPolicy { .. } | StaffError::PolicyJson { .. } => {
                ErrorKind::InvalidPolicy
            }
            StaffError::RecordJson { .. } | StaffError::Csv { .. } => ErrorKind::MalformedInput,
            StaffError::DateOutOfRange { .. } => ErrorKind::InvalidField,
        }
    }

    /// A JSON error as a detail without the input's text: line, column and category only.
    pub(crate) fn json_detail(e: &serde_json::Error) -> String {
        let category = match e.classify() {
            serde_json::error::Category::Io => "input error",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "a field is missing or has the wrong type",
            serde_json::error::Category::Eof => "unexpected end of input",
        };
        format!("{category} at line {} column {}", e.line(), e.column())
    }
}
