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
    Completion,
    Course,
    CreditDecision,
    CreditPolicy,
    EteError,
    ExtraTimeAgreement,
    InvalidField,
    InvalidMinutes,
    InvalidPolicy,
    InvalidRatio,
    MalformedInput,
    ReadResult,
    Reject,
    RejectedRecords,
    __version__,
    allowance_cap,
    apply_ratio,
    credit_batch,
    format_minutes,
    parse_minutes,
    read_completions_csv,
    read_completions_json,
)

__all__ = [
    "Completion",
    "Course",
    "CreditDecision",
    "CreditPolicy",
    "EteError",
    "ExtraTimeAgreement",
    "InvalidField",
    "InvalidMinutes",
    "InvalidPolicy",
    "InvalidRatio",
    "MalformedInput",
    "ReadResult",
    "Reject",
    "RejectedRecords",
    "__version__",
    "allowance_cap",
    "apply_ratio",
    "credit_batch",
    "format_minutes",
    "parse_minutes",
    "read_completions_csv",
    "read_completions_json",
]
