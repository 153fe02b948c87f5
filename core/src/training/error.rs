//! The training module's one error enum, each variant with its [`ErrorKind`]. Messages name
//! ids, codes, dates and rules, never a name, a contact or free text.

use chrono::NaiveDate;

use crate::error::Detail;
use crate::error::{ErrorKind, Failure};
use crate::routing::{ReferralError, Refusal};

/// Why a training-record or placement operation was refused; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TrainingError {
    /// A field is missing or has a bad value (the value is an id, code or date, or not shown).
    #[error("{field} {value}: {reason}")]
    InvalidField {
        /// The field.
        field: String,
        /// The value, when it is not personal data.
        value: String,
        /// What is wrong, with the rule.
        reason: String,
    },
    /// An application whose risk assessment does not cover the referral (T-8).
    #[error("placement {placement}: {source}")]
    Referral {
        /// The placement.
        placement: String,
        /// The referral check's refusal.
        source: ReferralError,
    },
    /// A command the placement's state or the actor's role does not allow (P-1).
    #[error("placement {placement}: cannot {action} {state} ({reason})")]
    InvalidTransition {
        /// The placement.
        placement: String,
        /// The command's action code.
        action: String,
        /// The state it met.
        state: String,
        /// Why, with the rule.
        reason: String,
    },
    /// No record for the learner here.
    #[error("no training record for learner {learner} here")]
    UnknownLearner {
        /// The learner's id.
        learner: String,
    },
    /// The routing policy does not permit the export (T-2, P-5).
    #[error(
        "export of learner {learner}'s record to {destination} refused: {} (T-2)",
        reasons(refusals)
    )]
    ExportRefused {
        /// The learner's id.
        learner: String,
        /// The destination's id.
        destination: String,
        /// The refusal, as a one-file transfer's (position 0: the record), with the routing
        /// decision and its reason.
        refusals: Vec<(usize, Refusal)>,
    },
    /// A document addressed to another establishment (P-5).
    #[error("the record is addressed to {destination}, not to {here} (P-5)")]
    NotAddressedHere {
        /// The document's destination id.
        destination: String,
        /// This establishment's id.
        here: String,
    },
    /// A document or snapshot that cannot be read, or whose log does not replay.
    #[error("not a valid {what}: {reason}")]
    Malformed {
        /// What was being read.
        what: String,
        /// What is wrong (never the input's text).
        reason: String,
    },
    /// A policy value out of its range ([`ErrorKind::InvalidPolicy`]).
    #[error("{policy} field {field} is {value}: expected {range} ({rule})")]
    InvalidPolicy {
        /// The policy (`assessment policy`).
        policy: String,
        /// The policy field (`validMonths`).
        field: String,
        /// The value given.
        value: String,
        /// The range it must lie in.
        range: String,
        /// The rule.
        rule: String,
    },
    /// An import whose item differs from the one held under the same id (P-5): nothing merged.
    #[error("{collection} {id} differs from the one held here; nothing was merged (P-5)")]
    Conflict {
        /// The collection: `unit`, `appraisal`, `assessment`, `target`, `register`, `placement`.
        collection: String,
        /// The item's id.
        id: String,
    },
}

impl TrainingError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            TrainingError::InvalidField { .. } | TrainingError::Conflict { .. } => {
                ErrorKind::InvalidField
            }
            TrainingError::Referral { source, .. } => source.kind(),
            TrainingError::InvalidTransition { .. } => ErrorKind::InvalidTransition,
            TrainingError::UnknownLearner { .. } => ErrorKind::UnknownPerson,
            TrainingError::ExportRefused { .. } => ErrorKind::TransferRefused,
            TrainingError::NotAddressedHere { .. } => ErrorKind::NotRecipient,
            TrainingError::Malformed { .. } => ErrorKind::MalformedInput,
            TrainingError::InvalidPolicy { .. } => ErrorKind::InvalidPolicy,
        }
    }

    pub(crate) fn field(field: &str, value: impl Into<String>, reason: impl Into<String>) -> Self {
        TrainingError::InvalidField {
            field: field.to_owned(),
            value: value.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn malformed(what: &str, reason: impl Into<String>) -> Self {
        TrainingError::Malformed {
            what: what.to_owned(),
            reason: reason.into(),
        }
    }
}

impl Failure for TrainingError {
    fn kind(&self) -> ErrorKind {
        TrainingError::kind(self)
    }
    fn detail(&self) -> Detail<'_> {
        match self {
            TrainingError::ExportRefused { refusals, .. } => Detail::Refusals(refusals),
            _ => Detail::None,
        }
    }
}

fn reasons(refusals: &[(usize, Refusal)]) -> String {
    let texts: Vec<String> = refusals
        .iter()
        .map(|(_, r)| match r {
            Refusal::Denied { decision } => decision.reason.to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    texts.join("; ")
}

/// A date as an error value.
pub(crate) fn date(on: NaiveDate) -> String {
    on.to_string()
}
