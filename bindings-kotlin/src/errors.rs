//! `EteException`: a sealed class with one subclass per core error kind.

use ete_core::contribution::ContributionError;
use ete_core::hours::{LedgerError, PolicyError, RecordError, ReportError};
use ete_core::licences::PoolError;
use ete_core::register::RegisterError;
use ete_core::routing::{ReferralError, RoutingPolicyError, TransferError};
use ete_core::{ErrorKind, MinutesError, RatioError};

use crate::completion::Reject;

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
        refusals: Vec<crate::routing::Refusal>,
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

impl EteError {
    pub(crate) fn of(kind: ErrorKind, detail: String) -> EteError {
        match kind {
            ErrorKind::InvalidMinutes => EteError::InvalidMinutes { detail },
            ErrorKind::InvalidRatio => EteError::InvalidRatio { detail },
            ErrorKind::MalformedInput => EteError::MalformedInput { detail },
            ErrorKind::RejectedRecords => EteError::RejectedRecords {
                detail,
                rejects: Vec::new(),
            },
            ErrorKind::InvalidPolicy => EteError::InvalidPolicy { detail },
            ErrorKind::OutOfOrder => EteError::OutOfOrder { detail },
            ErrorKind::EteAllowanceExceeded => EteError::EteAllowanceExceeded { detail },
            ErrorKind::UnknownRequirement => EteError::UnknownRequirement { detail },
            ErrorKind::TransferRefused => EteError::TransferRefused {
                detail,
                refusals: Vec::new(),
            },
            ErrorKind::NotRecipient => EteError::NotRecipient { detail },
            ErrorKind::RiskAssessmentTooOld => EteError::RiskAssessmentTooOld { detail },
            ErrorKind::MarkRefused => EteError::MarkRefused {
                detail,
                reason: String::new(),
            },
            ErrorKind::NotOnRegister => EteError::NotOnRegister { detail },
            ErrorKind::InvalidContribution => EteError::InvalidContribution { detail },
            ErrorKind::UnknownPerson => EteError::UnknownPerson { detail },
            ErrorKind::InvalidTransition => EteError::InvalidTransition { detail },
            ErrorKind::CapacityExceeded => EteError::CapacityExceeded { detail },
            _ => EteError::InvalidField { detail },
        }
    }
}

impl From<ete_core::codes::UnknownCode> for EteError {
    fn from(e: ete_core::codes::UnknownCode) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<MinutesError> for EteError {
    fn from(e: MinutesError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<RatioError> for EteError {
    fn from(e: RatioError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<PolicyError> for EteError {
    fn from(e: PolicyError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<LedgerError> for EteError {
    fn from(e: LedgerError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<ReportError> for EteError {
    fn from(e: ReportError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<RoutingPolicyError> for EteError {
    fn from(e: RoutingPolicyError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<ReferralError> for EteError {
    fn from(e: ReferralError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<TransferError> for EteError {
    fn from(e: TransferError) -> EteError {
        let detail = e.to_string();
        match e {
            TransferError::Refused { refusals } => EteError::TransferRefused {
                detail,
                refusals: refusals
                    .into_iter()
                    .map(|(p, r)| crate::routing::refusal(p, r))
                    .collect(),
            },
            other => EteError::of(other.kind(), detail),
        }
    }
}

impl From<RecordError> for EteError {
    fn from(e: RecordError) -> EteError {
        let detail = e.to_string();
        match e {
            RecordError::Rejected { rejects } => EteError::RejectedRecords {
                detail,
                rejects: rejects.into_iter().map(Reject::from).collect(),
            },
            other => EteError::of(other.kind(), detail),
        }
    }
}

impl From<ContributionError> for EteError {
    fn from(e: ContributionError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

impl From<RegisterError> for EteError {
    fn from(e: RegisterError) -> EteError {
        let detail = e.to_string();
        match e {
            RegisterError::Refused { reason } => EteError::MarkRefused {
                detail,
                reason: reason.code().to_owned(),
            },
            RegisterError::ContributionRefused { .. } => EteError::MarkRefused {
                detail,
                reason: "contribution_refused".to_owned(),
            },
            other => EteError::of(other.kind(), detail),
        }
    }
}

impl From<PoolError> for EteError {
    fn from(e: PoolError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}
