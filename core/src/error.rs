//! The language-neutral error kinds.
//!
//! Each module has its own error enum (see [`MinutesError`](crate::MinutesError),
//! [`RecordError`](crate::hours::RecordError), ...). Every error also has a [`ErrorKind`], a
//! stable name shared by all three languages: the Python exception class and the Kotlin
//! `EteException` subclass carry the same name, and the conformance vectors name it.

use std::fmt;

/// A stable, language-neutral name for a kind of error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A duration that is not `H:MM`/`HH:MM`, negative, or too large.
    InvalidMinutes,
    /// A ratio with a zero denominator.
    InvalidRatio,
    /// A field of a record (a completion, an agreement, a course) has a bad value.
    InvalidField,
    /// The input as a whole cannot be read: bad JSON or CSV syntax, a missing column.
    MalformedInput,
    /// A strict read met records that had to be rejected.
    RejectedRecords,
    /// A policy that does not parse or holds a value out of range.
    InvalidPolicy,
    /// A ledger entry dated before the ledger's last entry or start.
    OutOfOrder,
    /// ETE credit beyond the remaining ETE allowance (H-10).
    EteAllowanceExceeded,
    /// No requirement with the id, or for the person, asked for.
    UnknownRequirement,
    /// A transfer with a file that may not be sent; nothing was sent (T-5).
    TransferRefused,
    /// A download by an organisation that is not the file's recipient (T-6).
    NotRecipient,
    /// A risk assessment too old for the referral (T-8).
    RiskAssessmentTooOld,
    /// A mark or contribution the rules refuse.
    MarkRefused,
    /// A learner not on the register.
    NotOnRegister,
    /// A contribution score outside −2..=+2.
    InvalidContribution,
    /// No account, booking or loan for the person asked for (L-2, L-8).
    UnknownPerson,
    /// An account or laptop not in a state that allows the command: deactivating an inactive
    /// account, a second active account, a login before issue, a laptop returned twice (L-2, L-3,
    /// L-8).
    InvalidTransition,
    /// More than a capacity allows: a pool shrunk below its allocations, a full session, no
    /// laptop free (L-1, L-8).
    CapacityExceeded,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 18] = [
        ErrorKind::InvalidMinutes,
        ErrorKind::InvalidRatio,
        ErrorKind::InvalidField,
        ErrorKind::MalformedInput,
        ErrorKind::RejectedRecords,
        ErrorKind::InvalidPolicy,
        ErrorKind::OutOfOrder,
        ErrorKind::EteAllowanceExceeded,
        ErrorKind::UnknownRequirement,
        ErrorKind::TransferRefused,
        ErrorKind::NotRecipient,
        ErrorKind::RiskAssessmentTooOld,
        ErrorKind::MarkRefused,
        ErrorKind::NotOnRegister,
        ErrorKind::InvalidContribution,
        ErrorKind::UnknownPerson,
        ErrorKind::InvalidTransition,
        ErrorKind::CapacityExceeded,
    ];

    /// The kind's name, e.g. `"InvalidMinutes"`.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidMinutes => "InvalidMinutes",
            ErrorKind::InvalidRatio => "InvalidRatio",
            ErrorKind::InvalidField => "InvalidField",
            ErrorKind::MalformedInput => "MalformedInput",
            ErrorKind::RejectedRecords => "RejectedRecords",
            ErrorKind::InvalidPolicy => "InvalidPolicy",
            ErrorKind::OutOfOrder => "OutOfOrder",
            ErrorKind::EteAllowanceExceeded => "EteAllowanceExceeded",
            ErrorKind::UnknownRequirement => "UnknownRequirement",
            ErrorKind::TransferRefused => "TransferRefused",
            ErrorKind::NotRecipient => "NotRecipient",
            ErrorKind::RiskAssessmentTooOld => "RiskAssessmentTooOld",
            ErrorKind::MarkRefused => "MarkRefused",
            ErrorKind::NotOnRegister => "NotOnRegister",
            ErrorKind::InvalidContribution => "InvalidContribution",
            ErrorKind::UnknownPerson => "UnknownPerson",
            ErrorKind::InvalidTransition => "InvalidTransition",
            ErrorKind::CapacityExceeded => "CapacityExceeded",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
