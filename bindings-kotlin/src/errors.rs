//! `EteException`: a sealed class with one subclass per core error kind.

use ete_core::hours::Reject;
use ete_core::routing::Refusal;
use ete_core::uniffi_types::Index;
use ete_core::{Detail, ErrorKind, Failure};

/// A file a transfer may not send (T-5): its position in the transfer and why.
#[derive(Debug, uniffi::Record)]
pub struct RefusedFile {
    /// The file's index in the transfer.
    pub position: Index,
    /// Why it may not be sent.
    pub refusal: Refusal,
}

/// Every error ETE Core reports, by kind; `detail` is the core's message.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(name = "EteException")]
pub enum EteError {
    /// A duration that is not H:MM/HH:MM, negative, or too large.
    #[error("{detail}")]
    InvalidMinutes {
        /// What is wrong.
        detail: String,
    },
    /// A ratio with a zero denominator, or an unknown rounding.
    #[error("{detail}")]
    InvalidRatio {
        /// What is wrong.
        detail: String,
    },
    /// A field of a record has a bad value.
    #[error("{detail}")]
    InvalidField {
        /// What is wrong.
        detail: String,
    },
    /// The input cannot be read: bad JSON or CSV, a missing column.
    #[error("{detail}")]
    MalformedInput {
        /// What is wrong.
        detail: String,
    },
    /// A strict read met bad records; `rejects` lists them.
    #[error("{detail}")]
    RejectedRecords {
        /// What is wrong.
        detail: String,
        /// Every rejected record.
        rejects: Vec<Reject>,
    },
    /// A policy that does not parse or holds a value out of range.
    #[error("{detail}")]
    InvalidPolicy {
        /// What is wrong.
        detail: String,
    },
    /// A ledger entry dated before the ledger's last entry or start.
    #[error("{detail}")]
    OutOfOrder {
        /// What is wrong.
        detail: String,
    },
    /// ETE credit beyond the remaining ETE allowance (H-10).
    #[error("{detail}")]
    EteAllowanceExceeded {
        /// What is wrong, with the remaining allowance.
        detail: String,
    },
    /// No requirement with the id, or for the person, asked for.
    #[error("{detail}")]
    UnknownRequirement {
        /// What is wrong.
        detail: String,
    },
    /// A transfer with a file that may not be sent; nothing was sent (T-5).
    #[error("{detail}")]
    TransferRefused {
        /// What is wrong.
        detail: String,
        /// Every refused file.
        refusals: Vec<RefusedFile>,
    },
    /// A download by an organisation that is not the file's recipient (T-6).
    #[error("{detail}")]
    NotRecipient {
        /// What is wrong.
        detail: String,
    },
    /// A risk assessment too old for the referral (T-8).
    #[error("{detail}")]
    RiskAssessmentTooOld {
        /// What is wrong, with the last valid day.
        detail: String,
    },
    /// A mark or contribution the rules refuse; nothing changed.
    #[error("{detail}")]
    MarkRefused {
        /// What is wrong.
        detail: String,
        /// The reason's code: `role_may_not_set`, `lesson_not_finished`, ...,
        /// or `contribution_refused`.
        reason: String,
    },
    /// A learner who is not on the register.
    #[error("{detail}")]
    NotOnRegister {
        /// What is wrong.
        detail: String,
    },
    /// A contribution score outside −2..=+2.
    #[error("{detail}")]
    InvalidContribution {
        /// What is wrong.
        detail: String,
    },
    /// No account, booking or loan for the person asked for (L-2, L-8).
    #[error("{detail}")]
    UnknownPerson {
        /// What is wrong.
        detail: String,
    },
    /// An account or laptop not in a state that allows the command (L-2, L-3, L-5, L-8).
    #[error("{detail}")]
    InvalidTransition {
        /// What is wrong.
        detail: String,
    },
    /// More than a capacity allows (L-1, L-8).
    #[error("{detail}")]
    CapacityExceeded {
        /// What is wrong.
        detail: String,
    },
}

/// Every core error maps here through [`Failure`]: its kind picks the subclass, its message is
/// the detail, and the kinds with structure carry it (rejects, refusals, the reason's code).
impl<E: Failure> From<E> for EteError {
    fn from(e: E) -> EteError {
        let detail = e.to_string();
        match (e.kind(), e.detail()) {
            (ErrorKind::InvalidMinutes, _) => EteError::InvalidMinutes { detail },
            (ErrorKind::InvalidRatio, _) => EteError::InvalidRatio { detail },
            (ErrorKind::MalformedInput, _) => EteError::MalformedInput { detail },
            (ErrorKind::RejectedRecords, d) => EteError::RejectedRecords {
                detail,
                rejects: match d {
                    Detail::Rejects(rejects) => rejects.to_vec(),
                    _ => Vec::new(),
                },
            },
            (ErrorKind::InvalidPolicy, _) => EteError::InvalidPolicy { detail },
            (ErrorKind::OutOfOrder, _) => EteError::OutOfOrder { detail },
            (ErrorKind::EteAllowanceExceeded, _) => EteError::EteAllowanceExceeded { detail },
            (ErrorKind::UnknownRequirement, _) => EteError::UnknownRequirement { detail },
            (ErrorKind::TransferRefused, d) => EteError::TransferRefused {
                detail,
                refusals: match d {
                    Detail::Refusals(refusals) => refusals
                        .iter()
                        .map(|(position, refusal)| RefusedFile {
                            position: *position,
                            refusal: refusal.clone(),
                        })
                        .collect(),
                    _ => Vec::new(),
                },
            },
            (ErrorKind::NotRecipient, _) => EteError::NotRecipient { detail },
            (ErrorKind::RiskAssessmentTooOld, _) => EteError::RiskAssessmentTooOld { detail },
            (ErrorKind::MarkRefused, d) => EteError::MarkRefused {
                detail,
                reason: match d {
                    Detail::Reason(code) => code.to_owned(),
                    _ => String::new(),
                },
            },
            (ErrorKind::NotOnRegister, _) => EteError::NotOnRegister { detail },
            (ErrorKind::InvalidContribution, _) => EteError::InvalidContribution { detail },
            (ErrorKind::UnknownPerson, _) => EteError::UnknownPerson { detail },
            (ErrorKind::InvalidTransition, _) => EteError::InvalidTransition { detail },
            (ErrorKind::CapacityExceeded, _) => EteError::CapacityExceeded { detail },
            _ => EteError::InvalidField { detail },
        }
    }
}
