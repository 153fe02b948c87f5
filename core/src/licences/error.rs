//! Why a pool or session command was refused; the pool is unchanged.

use crate::error::ErrorKind;

/// A refused command or a bad input (L-1..L-8). Messages carry ids, never names.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// No account (or booking) for the person.
    #[error("unknown person {person}: no account in this pool")]
    UnknownPerson {
        /// The person's id.
        person: String,
    },
    /// The account, booking or laptop is not in a state that allows the command.
    #[error("{subject}: cannot {command}: {reason} ({rule})")]
    InvalidTransition {
        /// The person or laptop.
        subject: String,
        /// What was asked.
        command: String,
        /// Why not.
        reason: String,
        /// The rule.
        rule: &'static str,
    },
    /// More than the capacity allows.
    #[error("{what}: {reason} ({rule})")]
    CapacityExceeded {
        /// The pool or session.
        what: String,
        /// Why.
        reason: String,
        /// The rule.
        rule: &'static str,
    },
    /// A field with a bad value.
    #[error("invalid {field}: {reason}")]
    InvalidField {
        /// The field.
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// A policy that does not parse or holds a value out of range.
    #[error("invalid pool policy: {reason}")]
    InvalidPolicy {
        /// What is wrong.
        reason: String,
    },
    /// A snapshot or event log that cannot be read or does not replay.
    #[error("{}{reason}", at_event(*position))]
    BadLog {
        /// The position in the log of the event at fault, once; `None` for a fault of the
        /// whole snapshot or log (one that does not parse, breaks an invariant, or disagrees
        /// with the other).
        position: Option<usize>,
        /// What is wrong.
        reason: String,
    },
}

/// `event N: ` for a fault at an event, nothing for a fault of the whole snapshot or log.
fn at_event(position: Option<usize>) -> String {
    position.map_or_else(String::new, |p| format!("event {p}: "))
}

impl PoolError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            PoolError::UnknownPerson { .. } => ErrorKind::UnknownPerson,
            PoolError::InvalidTransition { .. } => ErrorKind::InvalidTransition,
            PoolError::CapacityExceeded { .. } => ErrorKind::CapacityExceeded,
            PoolError::InvalidField { .. } => ErrorKind::InvalidField,
            PoolError::InvalidPolicy { .. } => ErrorKind::InvalidPolicy,
            PoolError::BadLog { .. } => ErrorKind::MalformedInput,
        }
    }

    pub(crate) fn transition(
        subject: &str,
        command: &str,
        reason: impl Into<String>,
        rule: &'static str,
    ) -> PoolError {
        PoolError::InvalidTransition {
            subject: subject.to_owned(),
            command: command.to_owned(),
            reason: reason.into(),
            rule,
        }
    }
}
