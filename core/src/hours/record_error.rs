//! Errors met while building or reading records (H-1, H-2, H-6).

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;

/// One record that a reader could not accept: where it was and why.
///
/// Never carries personal data: for a personal field (names, email, date of birth) the reason
/// says what is wrong without quoting the value.
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reject {
    /// Index of the record in the input, from 0 (the JSON array index, or the CSV data row).
    pub position: usize,
    /// The 1-based line in the input where the record starts, when known (CSV).
    pub line: Option<u64>,
    /// The field at fault, when one field is.
    pub field: Option<String>,
    /// What is wrong, quoting the value unless it is personal data.
    pub reason: String,
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}", self.position)?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field {field}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Why a record could not be built, or an input could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// A field holds a bad value.
    #[error("invalid {field}{}: {reason}", quoted(.value))]
    InvalidField {
        /// The field's name as in the input (`expectedTimeMinutes`, `status`, ...).
        field: String,
        /// The value, or `None` when the field is personal data and must not be repeated.
        value: Option<String>,
        /// What is wrong and which rule says so.
        reason: String,
    },
    /// The input as a whole is not valid JSON or CSV of the expected shape.
    #[error("malformed input{}: {reason}", at_line(.line))]
    Malformed {
        /// The 1-based line where reading stopped, when known.
        line: Option<u64>,
        /// What is wrong.
        reason: String,
    },
    /// A CSV header lacks a required column.
    #[error("missing column {column:?}: the CSV header must name every required field (H-2)")]
    MissingColumn {
        /// The missing column's name.
        column: String,
    },
    /// The reading policy is out of range (an inverted date range).
    #[error(transparent)]
    Policy(#[from] crate::hours::PolicyError),
    /// A strict read met bad records; nothing was accepted.
    #[error("{} record(s) rejected; first: {}", .rejects.len(), first(.rejects))]
    Rejected {
        /// Every rejected record, in input order.
        rejects: Vec<Reject>,
    },
}

fn quoted(value: &Option<String>) -> String {
    value
        .as_ref()
        .map(|v| format!(" {v:?}"))
        .unwrap_or_default()
}

fn at_line(line: &Option<u64>) -> String {
    line.map(|l| format!(" at line {l}")).unwrap_or_default()
}

fn first(rejects: &[Reject]) -> String {
    rejects.first().map(Reject::to_string).unwrap_or_default()
}

impl RecordError {
    /// A bad value in a field that is not personal data; the value is quoted in the message.
    pub fn field(field: &str, value: &str, reason: &str) -> RecordError {
        RecordError::InvalidField {
            field: field.to_owned(),
            value: Some(value.to_owned()),
            reason: reason.to_owned(),
        }
    }

    /// A bad value in a personal field; the value is never repeated.
    pub fn personal_field(field: &str, reason: &str) -> RecordError {
        RecordError::InvalidField {
            field: field.to_owned(),
            value: None,
            reason: reason.to_owned(),
        }
    }

    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            RecordError::InvalidField { .. } => ErrorKind::InvalidField,
            RecordError::Malformed { .. } | RecordError::MissingColumn { .. } => {
                ErrorKind::MalformedInput
            }
            RecordError::Rejected { .. } => ErrorKind::RejectedRecords,
            RecordError::Policy(e) => e.kind(),
        }
    }

    /// This error as a [`Reject`] at `position`, when it concerns one record.
    pub(crate) fn into_reject(self, position: usize, line: Option<u64>) -> Reject {
        match self {
            RecordError::InvalidField {
                field,
                value,
                reason,
            } => Reject {
                position,
                line,
                reason: match value {
                    Some(v) => format!("value {v:?}: {reason}"),
                    None => reason,
                },
                field: Some(field),
            },
            other => Reject {
                position,
                line,
                field: None,
                reason: other.to_string(),
            },
        }
    }
}
