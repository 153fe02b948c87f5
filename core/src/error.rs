//! The language-neutral error kinds.
//!
//! Each module has its own error enum (see [`MinutesError`](crate::MinutesError),
//! [`RecordError`](crate::hours::RecordError), ...). Every error also has a [`ErrorKind`], a
//! stable name shared by all three languages: the Python exception class and the Kotlin
//! `EteException` subclass carry the same name (its code, [`ErrorKind::code`]), and the
//! conformance vectors name it.

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

crate::codes!(ErrorKind, "error kind", {
    InvalidMinutes => "InvalidMinutes",
    InvalidRatio => "InvalidRatio",
    InvalidField => "InvalidField",
    MalformedInput => "MalformedInput",
    RejectedRecords => "RejectedRecords",
    InvalidPolicy => "InvalidPolicy",
    OutOfOrder => "OutOfOrder",
    EteAllowanceExceeded => "EteAllowanceExceeded",
    UnknownRequirement => "UnknownRequirement",
    TransferRefused => "TransferRefused",
    NotRecipient => "NotRecipient",
    RiskAssessmentTooOld => "RiskAssessmentTooOld",
    MarkRefused => "MarkRefused",
    NotOnRegister => "NotOnRegister",
    InvalidContribution => "InvalidContribution",
    UnknownPerson => "UnknownPerson",
    InvalidTransition => "InvalidTransition",
    CapacityExceeded => "CapacityExceeded",
});

/// What every error of ETE Core offers a binding: its [`ErrorKind`], its message (`Display`)
/// and the structured detail some kinds carry. Python and Kotlin map errors once, through this
/// trait, so no binding lists error types or invents codes.
pub trait Failure: std::error::Error {
    /// The language-neutral kind.
    fn kind(&self) -> ErrorKind;

    /// The structured detail, for the kinds that carry one.
    fn detail(&self) -> Detail<'_> {
        Detail::None
    }
}

/// The structured part of an error, beside its message.
#[derive(Clone, Copy, Debug)]
pub enum Detail<'a> {
    /// Nothing beyond the message.
    None,
    /// Every rejected record of a strict read ([`ErrorKind::RejectedRecords`]).
    Rejects(&'a [crate::hours::Reject]),
    /// Every refused file of a transfer, by position ([`ErrorKind::TransferRefused`]).
    Refusals(&'a [(usize, crate::routing::Refusal)]),
    /// The refusal's reason code ([`ErrorKind::MarkRefused`]): a mark reason's code, or
    /// `contribution_refused`.
    Reason(&'static str),
}

/// Implements [`Failure`] for error types whose inherent `kind()` is all they carry.
macro_rules! plain_failures {
    ($($ty:ty),+ $(,)?) => {
        $(impl Failure for $ty {
            fn kind(&self) -> ErrorKind {
                <$ty>::kind(self)
            }
        })+
    };
}

plain_failures!(
    crate::codes::UnknownCode,
    crate::MinutesError,
    crate::RatioError,
    crate::columns::ColumnError,
    crate::contribution::ContributionError,
    crate::hours::PolicyError,
    crate::hours::LedgerError,
    crate::hours::ReportError,
    crate::licences::PoolError,
    crate::routing::RoutingPolicyError,
    crate::routing::ReferralError,
    crate::register::StatutoryError,
    crate::staff::StaffError,
    crate::chain::ChainBreak,
);

impl Failure for crate::hours::RecordError {
    fn kind(&self) -> ErrorKind {
        crate::hours::RecordError::kind(self)
    }
    fn detail(&self) -> Detail<'_> {
        match self {
            crate::hours::RecordError::Rejected { rejects } => Detail::Rejects(rejects),
            _ => Detail::None,
        }
    }
}

impl Failure for crate::routing::TransferError {
    fn kind(&self) -> ErrorKind {
        crate::routing::TransferError::kind(self)
    }
    fn detail(&self) -> Detail<'_> {
        match self {
            crate::routing::TransferError::Refused { refusals } => Detail::Refusals(refusals),
            _ => Detail::None,
        }
    }
}

impl Failure for crate::register::RegisterError {
    fn kind(&self) -> ErrorKind {
        crate::register::RegisterError::kind(self)
    }
    fn detail(&self) -> Detail<'_> {
        match self {
            crate::register::RegisterError::Refused { reason } => Detail::Reason(reason.code()),
            crate::register::RegisterError::ContributionRefused { .. } => {
                Detail::Reason("contribution_refused")
            }
            _ => Detail::None,
        }
    }
}
