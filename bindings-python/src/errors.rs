//! The exception hierarchy: `EteError` and one subclass per [`ErrorKind`], named alike.

use ete_core::columns::ColumnError;
use ete_core::contribution::ContributionError;
use ete_core::hours::{LedgerError, PolicyError, RecordError, ReportError};
use ete_core::licences::PoolError;
use ete_core::register::RegisterError;
use ete_core::routing::{ReferralError, RoutingPolicyError, TransferError};
use ete_core::{ErrorKind, MinutesError, RatioError};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::completion::PyReject;

create_exception!(
    ete_core,
    EteError,
    PyException,
    "Base class of every ETE Core error."
);
create_exception!(
    ete_core,
    InvalidMinutes,
    EteError,
    "A duration that is not H:MM/HH:MM, negative, or too large."
);
create_exception!(
    ete_core,
    InvalidRatio,
    EteError,
    "A ratio with a zero denominator."
);
create_exception!(
    ete_core,
    InvalidField,
    EteError,
    "A field of a record has a bad value."
);
create_exception!(
    ete_core,
    MalformedInput,
    EteError,
    "The input cannot be read: bad JSON or CSV, a missing column."
);
create_exception!(
    ete_core,
    RejectedRecords,
    EteError,
    "A strict read met bad records; `rejects` lists them."
);
create_exception!(
    ete_core,
    InvalidPolicy,
    EteError,
    "A policy that does not parse or holds a value out of range."
);
create_exception!(
    ete_core,
    OutOfOrder,
    EteError,
    "A ledger entry dated before the ledger's last entry or start."
);
create_exception!(
    ete_core,
    EteAllowanceExceeded,
    EteError,
    "ETE credit beyond the remaining ETE allowance (H-10)."
);
create_exception!(
    ete_core,
    UnknownRequirement,
    EteError,
    "No requirement with the id, or for the person, asked for."
);
create_exception!(
    ete_core,
    TransferRefused,
    EteError,
    "A transfer with a file that may not be sent; nothing was sent (T-5). `refusals` lists them."
);
create_exception!(
    ete_core,
    NotRecipient,
    EteError,
    "A download by an organisation that is not the file's recipient (T-6)."
);
create_exception!(
    ete_core,
    RiskAssessmentTooOld,
    EteError,
    "A risk assessment too old for the referral (T-8)."
);
create_exception!(
    ete_core,
    MarkRefused,
    EteError,
    "A mark or contribution the rules refuse (R-2, R-3, R-9); `reason` holds the reason's code."
);
create_exception!(
    ete_core,
    NotOnRegister,
    EteError,
    "A learner who is not on the register."
);
create_exception!(
    ete_core,
    InvalidContribution,
    EteError,
    "A contribution score outside -2..=+2 (R-9)."
);
create_exception!(
    ete_core,
    UnknownPerson,
    EteError,
    "No account, booking or loan for the person asked for (L-2, L-8)."
);
create_exception!(
    ete_core,
    InvalidTransition,
    EteError,
    "An account or laptop not in a state that allows the command (L-2, L-3, L-5, L-8)."
);
create_exception!(
    ete_core,
    CapacityExceeded,
    EteError,
    "More than a capacity allows: a pool below its allocations, a full session (L-1, L-8)."
);

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("EteError", py.get_type::<EteError>())?;
    m.add("InvalidMinutes", py.get_type::<InvalidMinutes>())?;
    m.add("InvalidRatio", py.get_type::<InvalidRatio>())?;
    m.add("InvalidField", py.get_type::<InvalidField>())?;
    m.add("MalformedInput", py.get_type::<MalformedInput>())?;
    m.add("RejectedRecords", py.get_type::<RejectedRecords>())?;
    m.add("InvalidPolicy", py.get_type::<InvalidPolicy>())?;
    m.add("OutOfOrder", py.get_type::<OutOfOrder>())?;
    m.add(
        "EteAllowanceExceeded",
        py.get_type::<EteAllowanceExceeded>(),
    )?;
    m.add("UnknownRequirement", py.get_type::<UnknownRequirement>())?;
    m.add("TransferRefused", py.get_type::<TransferRefused>())?;
    m.add("NotRecipient", py.get_type::<NotRecipient>())?;
    m.add(
        "RiskAssessmentTooOld",
        py.get_type::<RiskAssessmentTooOld>(),
    )?;
    m.add("MarkRefused", py.get_type::<MarkRefused>())?;
    m.add("NotOnRegister", py.get_type::<NotOnRegister>())?;
    m.add("InvalidContribution", py.get_type::<InvalidContribution>())?;
    m.add("UnknownPerson", py.get_type::<UnknownPerson>())?;
    m.add("InvalidTransition", py.get_type::<InvalidTransition>())?;
    m.add("CapacityExceeded", py.get_type::<CapacityExceeded>())?;
    Ok(())
}

fn raise(kind: ErrorKind, message: String) -> PyErr {
    match kind {
        ErrorKind::InvalidMinutes => InvalidMinutes::new_err(message),
        ErrorKind::InvalidRatio => InvalidRatio::new_err(message),
        ErrorKind::InvalidField => InvalidField::new_err(message),
        ErrorKind::MalformedInput => MalformedInput::new_err(message),
        ErrorKind::RejectedRecords => RejectedRecords::new_err(message),
        ErrorKind::InvalidPolicy => InvalidPolicy::new_err(message),
        ErrorKind::OutOfOrder => OutOfOrder::new_err(message),
        ErrorKind::EteAllowanceExceeded => EteAllowanceExceeded::new_err(message),
        ErrorKind::UnknownRequirement => UnknownRequirement::new_err(message),
        ErrorKind::TransferRefused => TransferRefused::new_err(message),
        ErrorKind::NotRecipient => NotRecipient::new_err(message),
        ErrorKind::RiskAssessmentTooOld => RiskAssessmentTooOld::new_err(message),
        ErrorKind::MarkRefused => MarkRefused::new_err(message),
        ErrorKind::NotOnRegister => NotOnRegister::new_err(message),
        ErrorKind::InvalidContribution => InvalidContribution::new_err(message),
        ErrorKind::UnknownPerson => UnknownPerson::new_err(message),
        ErrorKind::InvalidTransition => InvalidTransition::new_err(message),
        ErrorKind::CapacityExceeded => CapacityExceeded::new_err(message),
        _ => EteError::new_err(message),
    }
}

/// Maps a core error to its exception.
pub trait IntoPyErr {
    /// The exception.
    fn into_py_err(self) -> PyErr;
}

impl IntoPyErr for MinutesError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for RatioError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for PolicyError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for LedgerError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for ReportError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for RoutingPolicyError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for ReferralError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for TransferError {
    /// `TransferRefused` also carries `refusals`, a list of `Refusal`.
    fn into_py_err(self) -> PyErr {
        let err = raise(self.kind(), self.to_string());
        if let TransferError::Refused { refusals } = self {
            Python::attach(|py| {
                let list = PyList::new(
                    py,
                    refusals
                        .into_iter()
                        .map(|(p, r)| crate::routing::refusal(p, r)),
                )
                .and_then(|list| err.value(py).setattr("refusals", list));
                match list {
                    Ok(()) => err,
                    Err(e) => e,
                }
            })
        } else {
            err
        }
    }
}

impl IntoPyErr for RecordError {
    /// `RejectedRecords` also carries `rejects`, a list of `Reject`.
    fn into_py_err(self) -> PyErr {
        let err = raise(self.kind(), self.to_string());
        if let RecordError::Rejected { rejects } = self {
            Python::attach(|py| {
                let list = PyList::new(py, rejects.into_iter().map(PyReject::from))
                    .and_then(|list| err.value(py).setattr("rejects", list));
                match list {
                    Ok(()) => err,
                    Err(e) => e,
                }
            })
        } else {
            err
        }
    }
}

impl IntoPyErr for ContributionError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for RegisterError {
    /// `MarkRefused` also carries `reason`, the reason's code (`"role_may_not_set"`, ...,
    /// or `"contribution_refused"`).
    fn into_py_err(self) -> PyErr {
        let err = raise(self.kind(), self.to_string());
        let code = match &self {
            RegisterError::Refused { reason } => reason.code(),
            RegisterError::ContributionRefused { .. } => "contribution_refused",
            _ => return err,
        };
        Python::attach(|py| match err.value(py).setattr("reason", code) {
            Ok(()) => err,
            Err(e) => e,
        })
    }
}

impl IntoPyErr for ColumnError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

impl IntoPyErr for PoolError {
    fn into_py_err(self) -> PyErr {
        raise(self.kind(), self.to_string())
    }
}

/// Parses a code declared once in core (`codes!`); an unknown one is `InvalidField` listing
/// the codes.
pub fn parse_code<T: ete_core::codes::Code>(text: &str) -> PyResult<T> {
    T::parse(text).map_err(|e| InvalidField::new_err(e.to_string()))
}

/// `MalformedInput` with a message.
pub fn malformed(message: String) -> PyErr {
    MalformedInput::new_err(message)
}

/// `result.map_err(IntoPyErr::into_py_err)`, shorter.
pub fn py_result<T, E: IntoPyErr>(result: Result<T, E>) -> PyResult<T> {
    result.map_err(IntoPyErr::into_py_err)
}
