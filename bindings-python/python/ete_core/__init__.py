"""ETE Core: the administrative rules of education, training and employment work in UK
probation and alternative provision, with the reason for every decision.

Every rule lives in the Rust crate ``ete-core``; this package is a thin binding.
Durations are whole minutes (``int``); dates are ``datetime.date``; instants are
timezone-aware ``datetime.datetime``.

>>> import ete_core
>>> ete_core.parse_minutes("02:30")
150
>>> ete_core.allowance_cap(43, 20)
52
"""

# The lists below and the stub's __all__ are checked against the module by mypy.stubtest.
from ete_core._ete_core import (
    Certificate,
    Completion,
    CompletionReport,
    Course,
    CreditDecision,
    CreditPolicy,
    Delivery,
    EteAllowanceExceeded,
    EteError,
    ExtraTimeAgreement,
    InvalidField,
    InvalidMinutes,
    InvalidPolicy,
    InvalidRatio,
    LedgerEntry,
    LedgerPolicy,
    MalformedInput,
    OutOfOrder,
    ReadResult,
    Reject,
    RejectedRecords,
    Requirement,
    UnknownRequirement,
    allowance_cap,
    apply_ratio,
    certificate,
    completion_report,
    credit_against_requirements,
    credit_batch,
    delivery_against_target,
    format_minutes,
    ndelius_evidence_csv,
    parse_minutes,
    practitioner_notifications,
    read_completions_csv,
    read_completions_json,
    record_credits,
    __version__,
)

__all__ = [
    "Certificate",
    "Completion",
    "CompletionReport",
    "Course",
    "CreditDecision",
    "CreditPolicy",
    "Delivery",
    "EteAllowanceExceeded",
    "EteError",
    "ExtraTimeAgreement",
    "InvalidField",
    "InvalidMinutes",
    "InvalidPolicy",
    "InvalidRatio",
    "LedgerEntry",
    "LedgerPolicy",
    "MalformedInput",
    "OutOfOrder",
    "ReadResult",
    "Reject",
    "RejectedRecords",
    "Requirement",
    "UnknownRequirement",
    "allowance_cap",
    "apply_ratio",
    "certificate",
    "completion_report",
    "credit_against_requirements",
    "credit_batch",
    "delivery_against_target",
    "format_minutes",
    "ndelius_evidence_csv",
    "parse_minutes",
    "practitioner_notifications",
    "read_completions_csv",
    "read_completions_json",
    "record_credits",
    "__version__",
]
