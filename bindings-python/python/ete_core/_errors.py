"""The exception hierarchy: ``EteError`` and one subclass per error kind of ETE Core.

The kinds are core's ``ErrorKind`` (``ete_core.ERROR_KINDS`` lists them from there); the
native module raises the class named like the kind, and a test checks the two lists agree.
Messages name the field, the value and the rule, and never carry personal data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ete_core._ete_core import Refusal, Reject


class EteError(Exception):
    """Base class of every ETE Core error."""


class InvalidMinutes(EteError):
    """A duration that is not H:MM/HH:MM, negative, or too large."""


class InvalidRatio(EteError):
    """A ratio with a zero denominator."""


class InvalidField(EteError):
    """A field or argument has a bad value: out of range, an unknown code, an impossible date."""


class MalformedInput(EteError):
    """The input cannot be read: bad JSON or CSV, a missing column, a tampered snapshot."""


class RejectedRecords(EteError):
    """A strict read met bad records; ``rejects`` lists every one with its position."""

    rejects: list[Reject]


class InvalidPolicy(EteError):
    """A policy that does not parse or holds a value out of range."""


class OutOfOrder(EteError):
    """A ledger entry dated before the ledger's last entry or start."""


class EteAllowanceExceeded(EteError):
    """ETE credit beyond the remaining ETE allowance (H-10)."""


class UnknownRequirement(EteError):
    """No requirement with the id, or for the person, asked for."""


class TransferRefused(EteError):
    """A transfer with a file that may not be sent; nothing was sent (T-5). ``refusals`` lists
    every refused file."""

    refusals: list[Refusal]


class NotRecipient(EteError):
    """A download by an organisation that is not the file's recipient (T-6)."""


class RiskAssessmentTooOld(EteError):
    """A risk assessment too old for the referral (T-8)."""


class MarkRefused(EteError):
    """A mark or contribution the rules refuse (R-2, R-3, R-9); ``reason`` is the reason's code."""

    reason: str


class NotOnRegister(EteError):
    """A learner who is not on the register."""


class InvalidContribution(EteError):
    """A contribution score outside -2..=+2 (R-9)."""


class UnknownPerson(EteError):
    """No account, booking or loan for the person asked for (L-2, L-8)."""


class InvalidTransition(EteError):
    """An account or laptop not in a state that allows the command (L-2, L-3, L-5, L-8)."""


class CapacityExceeded(EteError):
    """More than a capacity allows: a pool below its allocations, a full session (L-1, L-8)."""
