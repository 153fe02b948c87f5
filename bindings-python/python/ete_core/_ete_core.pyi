"""Type stubs of the native module ``ete_core._ete_core``."""

import datetime
from fractions import Fraction
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, final

import numpy as np
from numpy.typing import ArrayLike, NDArray

__version__: str
__all__ = [
    "AccessSessions",
    "Actor",
    "AttendanceSummary",
    "CREDIT_REASONS",
    "CapacityExceeded",
    "Certificate",
    "Change",
    "Completion",
    "CompletionReport",
    "Contribution",
    "ContributionSummary",
    "Course",
    "CreditDecision",
    "CreditPolicy",
    "Decision",
    "Delivery",
    "Entry",
    "EteAllowanceExceeded",
    "EteError",
    "Exchange",
    "ExtraTimeAgreement",
    "InboxItem",
    "InvalidContribution",
    "InvalidField",
    "InvalidMinutes",
    "InvalidPolicy",
    "InvalidRatio",
    "InvalidTransition",
    "LedgerEntry",
    "LedgerPolicy",
    "Lesson",
    "LicencePool",
    "MARKS",
    "MalformedInput",
    "MarkDecision",
    "MarkRefused",
    "NotOnRegister",
    "NotRecipient",
    "Note",
    "Organisation",
    "OutOfOrder",
    "ReadResult",
    "Receipt",
    "RecordNotes",
    "Refusal",
    "Register",
    "Reject",
    "RejectedRecords",
    "Requirement",
    "RiskAssessmentTooOld",
    "RoutingPolicy",
    "SummaryReport",
    "TransferFile",
    "TransferPlan",
    "TransferRefused",
    "UnknownPerson",
    "UnknownRequirement",
    "UnprocessedAbsence",
    "__version__",
    "allowance_cap",
    "apply_ratio",
    "attendance_by_learner",
    "certificate",
    "check_referral",
    "completion_report",
    "contribution_summary",
    "copy_first_description",
    "copy_first_recipient",
    "copy_first_role",
    "credit_against_requirements",
    "credit_batch",
    "credit_columns",
    "credit_row",
    "credit_rows",
    "decide",
    "delivery_against_target",
    "destinations",
    "ete_totals",
    "find_repeats",
    "format_minutes",
    "ndelius_evidence_csv",
    "parse_minutes",
    "plan_transfer",
    "practitioner_notifications",
    "read_completions_csv",
    "read_completions_json",
    "record_credits",
    "statutory_code",
    "summarise",
    "summarise_contributions",
    "unprocessed_absences",
]

_Reason = Literal[
    "within_guided_time",
    "within_allowance",
    "capped_at_guided_time",
    "capped_at_allowance",
    "failed",
    "duplicate",
    "limited_by_ete_allowance",
    "limited_by_remaining_time",
    "nothing_left_to_credit",
    "no_requirement",
]
_Category = Literal[
    "neurodiversity", "learning_disability", "physical_or_sensory", "language_support", "other"
]

class EteError(Exception):
    """Base class of every ETE Core error."""

class InvalidMinutes(EteError):
    """A duration that is not H:MM/HH:MM, negative, or too large."""

class InvalidRatio(EteError):
    """A ratio with a zero denominator."""

class InvalidField(EteError):
    """A field of a record has a bad value."""

class MalformedInput(EteError):
    """The input cannot be read: bad JSON or CSV, a missing column."""

class RejectedRecords(EteError):
    """A strict read met bad records."""

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
    """A transfer with a file that may not be sent; nothing was sent (T-5)."""

    refusals: list[Refusal]

class NotRecipient(EteError):
    """A download by an organisation that is not the file's recipient (T-6)."""

class RiskAssessmentTooOld(EteError):
    """A risk assessment too old for the referral (T-8)."""

def parse_minutes(text: str) -> int:
    """Parses ``H:MM``/``HH:MM`` into whole minutes; raises ``InvalidMinutes``."""

def format_minutes(minutes: int) -> str:
    """Prints whole minutes as ``HH:MM``; raises ``InvalidMinutes`` when negative."""

def apply_ratio(
    minutes: int, numerator: int, denominator: int, rounding: Literal["floor", "half_up"]
) -> int:
    """``rounding(minutes * numerator / denominator)``, computed exactly."""

def allowance_cap(guided: int, allowance_percent: Optional[int] = None) -> int:
    """The most a completion over its guided time can earn (H-5)."""

@final
class Course:
    """A course offered on the learning portal (H-1)."""

    def __new__(
        cls, id: str, title: str, provider: str, course_type: str, languages: Sequence[str], guided: int
    ) -> Course: ...
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def course_type(self) -> str: ...
    @property
    def languages(self) -> list[str]: ...
    @property
    def guided(self) -> int: ...

@final
class Completion:
    """A checked course completion (H-2). ``repr`` shows ids only."""

    def __new__(
        cls,
        external_reference: str,
        course_name: str,
        completion_date_time: datetime.datetime,
        status: str,
        total_time_minutes: int,
        expected_time_minutes: int,
        *,
        first_name: str = ...,
        last_name: str = ...,
        date_of_birth: Optional[datetime.date] = None,
        region: str = ...,
        pdu: str = ...,
        office: str = ...,
        email: str = ...,
        course_type: str = ...,
        provider: str = ...,
        attempts: Optional[int] = None,
    ) -> Completion: ...
    @property
    def person_ref(self) -> str: ...
    @property
    def course_name(self) -> str: ...
    @property
    def status(self) -> Literal["Completed", "Failed"]: ...
    @property
    def actual(self) -> int: ...
    @property
    def guided(self) -> int: ...
    @property
    def completed_at(self) -> datetime.datetime: ...
    @property
    def local_date(self) -> datetime.date: ...
    @property
    def region(self) -> str: ...
    @property
    def pdu(self) -> str: ...
    @property
    def office(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def course_type(self) -> str: ...
    @property
    def attempts(self) -> Optional[int]: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def date_of_birth(self) -> Optional[datetime.date]: ...
    def to_json(self) -> str: ...

@final
class Reject:
    """One record a reader could not accept."""

    @property
    def position(self) -> int: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def field(self) -> Optional[str]: ...
    @property
    def reason(self) -> str: ...

@final
class ReadResult:
    """The good completions and a ``Reject`` per bad record."""

    @property
    def completions(self) -> list[Completion]: ...
    @property
    def rejects(self) -> list[Reject]: ...

def read_completions_json(text: str, *, strict: bool = False) -> ReadResult:
    """Reads a JSON array of portal completions (H-2)."""

def read_completions_csv(text: str, *, strict: bool = False) -> ReadResult:
    """Reads portal completions from CSV text with a header row (H-2)."""

@final
class ExtraTimeAgreement:
    """A practitioner's extra-time agreement for a person (H-6)."""

    def __new__(
        cls,
        person_ref: str,
        agreed_by: str,
        agreed_on: datetime.date,
        category: _Category,
        allowance_percent: Optional[int] = None,
    ) -> ExtraTimeAgreement: ...
    @property
    def person_ref(self) -> str: ...
    @property
    def agreed_by(self) -> str: ...
    @property
    def agreed_on(self) -> datetime.date: ...
    @property
    def category(self) -> _Category: ...
    @property
    def allowance_percent(self) -> Optional[int]: ...

@final
class CreditPolicy:
    """How completions are credited (H-5, H-7)."""

    def __new__(cls, allowance_percent: int = 20, credit_repeats: bool = False) -> CreditPolicy: ...
    @staticmethod
    def from_json(text: str) -> CreditPolicy: ...
    def to_json(self) -> str: ...
    @property
    def allowance_percent(self) -> int: ...
    @property
    def credit_repeats(self) -> bool: ...

@final
class CreditDecision:
    """The recommendation for one completion (H-8)."""

    @property
    def position(self) -> int: ...
    @property
    def person_ref(self) -> str: ...
    @property
    def course_name(self) -> str: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def actual(self) -> int: ...
    @property
    def guided(self) -> int: ...
    @property
    def cap(self) -> int: ...
    @property
    def credited(self) -> int: ...
    @property
    def reason(self) -> _Reason: ...
    @property
    def explanation(self) -> str: ...
    @property
    def allowance_percent(self) -> Optional[int]: ...
    @property
    def repeat(self) -> bool: ...
    @property
    def requirement_id(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, object]: ...

def credit_batch(
    completions: Sequence[Completion],
    agreements: Sequence[ExtraTimeAgreement] = ...,
    prior: Sequence[tuple[str, str]] = ...,
    policy: Optional[CreditPolicy] = None,
) -> list[CreditDecision]:
    """Credits a batch of completions (H-3..H-8), one decision each, in input order."""

def credit_against_requirements(
    completions: Sequence[Completion],
    requirements: Sequence[Requirement],
    agreements: Sequence[ExtraTimeAgreement] = ...,
    prior: Sequence[tuple[str, str]] = ...,
    policy: Optional[CreditPolicy] = None,
) -> list[CreditDecision]:
    """Credits completions against the people's requirements (H-8, H-10, H-11); records nothing."""

_Outcome = Literal["attended", "acceptable_absence", "unacceptable_absence"]

@final
class LedgerEntry:
    """One ledger entry (H-11)."""

    @staticmethod
    def work_appointment(date: datetime.date, by: str, minutes: int, outcome: _Outcome) -> LedgerEntry: ...
    @staticmethod
    def ete_credit(date: datetime.date, by: str, minutes: int, course_name: str) -> LedgerEntry: ...
    @staticmethod
    def adjustment(date: datetime.date, by: str, minutes: int) -> LedgerEntry: ...
    @staticmethod
    def extension(date: datetime.date, by: str, months: int) -> LedgerEntry: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def by(self) -> str: ...

@final
class LedgerPolicy:
    """The numbers a region could set differently for requirements (H-9..H-12)."""

    def __new__(cls) -> LedgerPolicy: ...
    @staticmethod
    def from_json(text: str) -> LedgerPolicy: ...
    def to_json(self) -> str: ...

@final
class Requirement:
    """An Unpaid Work requirement and its ledger (H-9..H-12); safe to share between threads."""

    def __new__(
        cls,
        id: str,
        person_ref: str,
        kind: Literal["adult", "youth"],
        required: int,
        start: datetime.date,
        incentive_eligible: bool = False,
        policy: Optional[LedgerPolicy] = None,
    ) -> Requirement: ...
    @staticmethod
    def from_json(text: str) -> Requirement: ...
    def to_json(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def person_ref(self) -> str: ...
    def __len__(self) -> int: ...
    def record(self, entry: LedgerEntry) -> None: ...
    def record_all(self, entries: Sequence[LedgerEntry]) -> None: ...
    def ete_fit(self, proposed: int) -> tuple[int, int]: ...
    def status(self, on: datetime.date) -> dict[str, Any]: ...

@final
class CompletionReport:
    """Completions and credits over a date range, grouped (H-13)."""

    def rows(self) -> list[dict[str, Any]]: ...
    @property
    def total(self) -> dict[str, Any]: ...
    def to_csv(self) -> str: ...

def completion_report(
    completions: Sequence[Completion],
    decisions: Sequence[CreditDecision],
    practitioners: Mapping[str, str],
    start: datetime.date,
    end: datetime.date,
    grouping: Literal["person", "practitioner", "office", "pdu", "region"],
) -> CompletionReport:
    """The report over decisions dated start..=end (H-13)."""

def practitioner_notifications(
    completions: Sequence[Completion],
    decisions: Sequence[CreditDecision],
    practitioners: Mapping[str, str],
    since: datetime.datetime,
) -> list[tuple[str, list[CreditDecision]]]:
    """Completions recorded after `since`, per practitioner (H-14)."""

@final
class Certificate:
    """What a completion certificate shows (H-15)."""

    @property
    def person_ref(self) -> str: ...
    @property
    def person_name(self) -> str: ...
    @property
    def course_name(self) -> str: ...
    @property
    def completed_on(self) -> datetime.date: ...
    @property
    def credited(self) -> int: ...
    @property
    def language(self) -> str: ...

def certificate(completion: Completion, decision: CreditDecision, language: str) -> Optional[Certificate]:
    """The certificate data for a completion (H-15); None for a failed course."""

@final
class Delivery:
    """A region's ETE delivery against its target (H-16)."""

    @property
    def delivered(self) -> int: ...
    @property
    def baseline(self) -> int: ...
    @property
    def target_percent(self) -> int: ...
    @property
    def target(self) -> int: ...
    @property
    def achieved_tenths(self) -> int: ...
    @property
    def text(self) -> str: ...

def delivery_against_target(delivered: int, baseline: int, target_percent: int) -> Delivery:
    """Delivery against target_percent of the baseline (H-16)."""

def ndelius_evidence_csv(decisions: Sequence[CreditDecision]) -> str:
    """The nDelius evidence CSV, one line per decision."""

def record_credits(requirements: Sequence[Requirement], decisions: Sequence[CreditDecision], by: str) -> int:
    """Records the decisions' credits as ETE credits on their requirements, all or nothing (H-10)."""

@final
class RoutingPolicy:
    """A routing policy (T-1, T-2); RoutingPolicy() is the default of T-1."""

    def __new__(cls) -> RoutingPolicy: ...
    @staticmethod
    def from_json(text: str) -> RoutingPolicy: ...
    def to_json(self) -> str: ...
    @property
    def kinds(self) -> list[str]: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def categories(self) -> list[str]: ...

@final
class Organisation:
    """An organisation: kind, id and attributes that rules may test."""

    def __new__(cls, kind: str, id: str, attributes: Mapping[str, str] = ...) -> Organisation: ...
    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def attributes(self) -> dict[str, str]: ...

_DecisionReason = Literal["permitted", "forbidden", "no_rule_permits", "role_not_accepted", "rule_error"]

@final
class Decision:
    """Allow or deny, with the reason (T-3)."""

    @property
    def allowed(self) -> bool: ...
    @property
    def reason(self) -> _DecisionReason: ...
    @property
    def rule(self) -> Optional[str]: ...
    @property
    def accepted(self) -> list[str]: ...
    @property
    def explanation(self) -> str: ...

def decide(policy: RoutingPolicy, sender: Organisation, recipient: Organisation, role: str, category: str) -> Decision:
    """Whether sender may send a category file to role at recipient (T-1..T-3)."""

def destinations(policy: RoutingPolicy, sender: Organisation) -> list[tuple[str, list[str], Optional[list[str]]]]:
    """Where a sender may send: (kind, roles, categories or None for any) (T-3)."""

@final
class TransferFile:
    """One file of a transfer (T-4)."""

    def __new__(
        cls, name: str, recipient: Optional[Organisation], role: str, description: str, category: str
    ) -> TransferFile: ...
    @property
    def name(self) -> str: ...
    @property
    def recipient(self) -> Optional[Organisation]: ...
    @property
    def role(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def category(self) -> str: ...

def copy_first_recipient(files: Sequence[TransferFile]) -> list[TransferFile]: ...
def copy_first_role(files: Sequence[TransferFile]) -> list[TransferFile]: ...
def copy_first_description(files: Sequence[TransferFile]) -> list[TransferFile]: ...

@final
class Refusal:
    """A file that may not be sent, and why."""

    @property
    def position(self) -> int: ...
    @property
    def code(self) -> Literal["denied", "no_recipient", "bad_description", "unknown_category"]: ...
    @property
    def reason(self) -> Optional[_DecisionReason]: ...
    @property
    def message(self) -> str: ...

@final
class TransferPlan:
    """A planned transfer to show for confirmation (T-5)."""

    @property
    def sendable(self) -> bool: ...
    @property
    def refusals(self) -> list[Refusal]: ...
    @property
    def files(self) -> list[TransferFile]: ...

def plan_transfer(
    policy: RoutingPolicy, sender: Organisation, sent_by: str, files: Sequence[TransferFile]
) -> TransferPlan:
    """Plans a transfer: every route decided, every description checked (T-5)."""

@final
class InboxItem:
    """A file in an inbox (T-6)."""

    @property
    def file_id(self) -> int: ...
    @property
    def sender_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def sent_at(self) -> datetime.datetime: ...
    @property
    def downloaded(self) -> bool: ...

@final
class Receipt:
    """A download receipt (T-6)."""

    @property
    def file_id(self) -> int: ...
    @property
    def organisation(self) -> str: ...
    @property
    def by(self) -> str: ...
    @property
    def at(self) -> datetime.datetime: ...

@final
class Exchange:
    """The secure transfer site (T-5, T-6); safe to share between threads."""

    def __new__(cls) -> Exchange: ...
    @staticmethod
    def from_json(text: str) -> Exchange: ...
    def to_json(self) -> str: ...
    def confirm(self, policy: RoutingPolicy, plan: TransferPlan, at: datetime.datetime) -> list[int]: ...
    def inbox(self, organisation: str) -> list[InboxItem]: ...
    def download(self, file_id: int, organisation: str, by: str, at: datetime.datetime) -> Receipt: ...
    def download_all(self, organisation: str, by: str, at: datetime.datetime) -> list[Receipt]: ...
    def audit_log(self) -> list[dict[str, Any]]: ...

def check_referral(assessed_on: datetime.date, referral_on: datetime.date, months: int | None = None) -> datetime.date:
    """The last referral date the risk assessment covers; raises RiskAssessmentTooOld (T-8)."""

# Registers (R-1..R-10)

_Mark = Literal[
    "present",
    "late",
    "authorised_absence",
    "unexplained_absence",
    "unauthorised_absence",
    "dismissed_behaviour",
    "dismissed_other",
    "not_required",
]
_Role = Literal["provider", "school", "hub"]
_MarkReason = Literal[
    "allowed", "lesson_not_finished", "role_may_not_set", "not_unexplained", "already_processed", "not_on_register"
]

MARKS: list[str]
"""Every mark code, in CLM's order (R-1)."""

class MarkRefused(EteError):
    """A mark or contribution the rules refuse (R-2, R-3, R-9); nothing changed."""

    reason: str

class NotOnRegister(EteError):
    """A learner who is not on the register."""

class InvalidContribution(EteError):
    """A contribution score outside -2..=+2 (R-9)."""

@final
class Actor:
    """A person acting in a role: a staff id, never a name."""

    def __new__(cls, role: _Role | str, id: str) -> Actor: ...
    @property
    def role(self) -> _Role: ...
    @property
    def id(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Lesson:
    """A lesson; its register can be marked once it has finished (R-3)."""

    def __new__(cls, id: str, provider: str, starts_at: datetime.datetime, ends_at: datetime.datetime) -> Lesson: ...
    @property
    def id(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def starts_at(self) -> datetime.datetime: ...
    @property
    def ends_at(self) -> datetime.datetime: ...

@final
class MarkDecision:
    """Whether a mark may be set, and why (R-2, R-3)."""

    @property
    def allowed(self) -> bool: ...
    @property
    def reason(self) -> _MarkReason: ...
    @property
    def explanation(self) -> str: ...

@final
class Entry:
    """A learner's entry: the provider's mark and the school's decision side by side."""

    @property
    def provider_mark(self) -> Optional[_Mark]: ...
    @property
    def school_decision(self) -> Optional[_Mark]: ...
    @property
    def current(self) -> Optional[_Mark]: ...
    @property
    def contribution(self) -> Optional[int]: ...

@final
class Change:
    """One change to an entry: who, when, from, to (R-6)."""

    @property
    def learner(self) -> str: ...
    @property
    def by(self) -> Actor: ...
    @property
    def at(self) -> datetime.datetime: ...
    @property
    def field(self) -> Literal["provider_mark", "school_decision"]: ...
    @property
    def from_mark(self) -> Optional[_Mark]: ...
    @property
    def to_mark(self) -> Optional[_Mark]: ...

@final
class Note:
    """A note with its author and time (R-5); ``lesson`` is None for a note on the record."""

    @property
    def learner(self) -> str: ...
    @property
    def author(self) -> Actor: ...
    @property
    def at(self) -> datetime.datetime: ...
    @property
    def text(self) -> str: ...
    @property
    def lesson(self) -> Optional[str]: ...

@final
class Register:
    """A lesson's register, safe to share between threads; a refusal changes nothing."""

    def __new__(cls, lesson: Lesson, learners: Sequence[str]) -> Register: ...
    @property
    def lesson(self) -> Lesson: ...
    def learners(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def entry(self, learner: str) -> Optional[Entry]: ...
    def entries(self) -> dict[str, Entry]: ...
    def history(self) -> list[Change]: ...
    def notes(self) -> list[Note]: ...
    def is_complete(self) -> bool: ...
    def check(self, actor: Actor, learner: str, mark: _Mark | str, now: datetime.datetime) -> MarkDecision: ...
    def mark(self, actor: Actor, learner: str, mark: _Mark | str, now: datetime.datetime) -> None: ...
    def add_note(self, author: Actor, learner: str, text: str, at: datetime.datetime) -> None: ...
    def set_contribution(self, actor: Actor, learner: str, score: int, at: datetime.datetime) -> None: ...
    def to_json(self) -> str: ...

@final
class RecordNotes:
    """The notes on a learner's training record (R-5)."""

    def __new__(cls, learner: str) -> RecordNotes: ...
    def add(self, author: Actor, text: str, at: datetime.datetime) -> None: ...
    def notes(self, registers: Sequence[Register] = ...) -> list[Note]: ...

@final
class Contribution:
    """A contribution score, always within -2..=+2 (R-9)."""

    def __new__(cls, value: int) -> Contribution: ...
    @property
    def value(self) -> int: ...
    def increment(self) -> Contribution: ...
    def decrement(self) -> Contribution: ...
    def __int__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __lt__(self, other: Contribution, /) -> bool: ...
    def __le__(self, other: Contribution, /) -> bool: ...
    def __gt__(self, other: Contribution, /) -> bool: ...
    def __ge__(self, other: Contribution, /) -> bool: ...

@final
class AttendanceSummary:
    """Counts per mark and what follows from them (R-7, R-8)."""

    @property
    def counts(self) -> dict[str, int]: ...
    @property
    def unmarked(self) -> int: ...
    @property
    def possible(self) -> int: ...
    def rates(self) -> Optional[dict[str, Fraction]]: ...
    def percentages(self, places: int = 1) -> Optional[dict[str, str]]: ...
    def absence_rate(self) -> Optional[Fraction]: ...
    def absence_percent(self, places: int = 1) -> Optional[str]: ...
    @property
    def persistent_absence(self) -> bool: ...
    @property
    def severe_absence(self) -> bool: ...
    def statutory_counts(self) -> dict[str, int]: ...

@final
class SummaryReport:
    """Per-learner summaries, the group's, and registers not completed (R-7)."""

    @property
    def learners(self) -> dict[str, AttendanceSummary]: ...
    @property
    def group(self) -> AttendanceSummary: ...
    @property
    def incomplete_registers(self) -> list[str]: ...

@final
class UnprocessedAbsence:
    """An unexplained absence waiting for the school (R-4)."""

    @property
    def lesson(self) -> str: ...
    @property
    def starts_at(self) -> datetime.datetime: ...
    @property
    def learner(self) -> str: ...

@final
class ContributionSummary:
    """Count, sum and exact mean of contribution scores (R-10)."""

    @property
    def count(self) -> int: ...
    @property
    def sum(self) -> int: ...
    def mean(self) -> Optional[Fraction]: ...
    def mean_text(self) -> Optional[str]: ...

def summarise(
    registers: Sequence[Register],
    now: datetime.datetime,
    *,
    learners: Optional[Sequence[str]] = None,
    date_from: Optional[datetime.date] = None,
    date_to: Optional[datetime.date] = None,
) -> SummaryReport:
    """Attendance over registers for some learners (all by default) and lesson days (R-7)."""

def unprocessed_absences(registers: Sequence[Register], learners: Sequence[str]) -> list[UnprocessedAbsence]:
    """The unexplained absences of a school's learners, oldest first (R-4)."""

def statutory_code(mark: _Mark | str) -> Optional[str]:
    """The statutory code for a mark under the default mapping (R-8)."""

def contribution_summary(
    registers: Sequence[Register],
    learner: str,
    *,
    date_from: Optional[datetime.date] = None,
    date_to: Optional[datetime.date] = None,
) -> ContributionSummary:
    """A learner's contribution summary over registers (R-10)."""

def summarise_contributions(scores: Sequence[int]) -> ContributionSummary:
    """The summary of some scores; raises InvalidContribution for any outside -2..=+2."""

# Licence pooling (L-1..L-9)

_AccountKind = Literal["learner", "staff"]
_DeactivationReason = Literal["courses_completed", "requirement_ended", "dormant_reclaim", "administrator"]

class UnknownPerson(EteError):
    """No account, booking or loan for the person asked for (L-2, L-8)."""

class InvalidTransition(EteError):
    """An account or laptop not in a state that allows the command (L-2, L-3, L-5, L-8)."""

class CapacityExceeded(EteError):
    """More than a capacity allows: a pool below its allocations, a full session (L-1, L-8)."""

@final
class LicencePool:
    """A region's licence pool, safe to share between threads; commands return their events."""

    def __new__(
        cls,
        region: str,
        capacity: int,
        opened_at: datetime.datetime,
        *,
        policy: Optional[str] = None,
        actor: str = ...,
        command_id: str = ...,
    ) -> LicencePool: ...
    @staticmethod
    def replay(events_json: str) -> LicencePool: ...
    @staticmethod
    def restore(snapshot_json: str, events_json: str) -> LicencePool: ...
    def to_json(self) -> str: ...
    def events_json(self) -> str: ...
    def events(self) -> list[dict[str, Any]]: ...
    def event_count(self) -> int: ...
    @property
    def region(self) -> str: ...
    @property
    def capacity(self) -> int: ...
    @property
    def allocated(self) -> int: ...
    @property
    def free(self) -> int: ...
    @property
    def waiting(self) -> list[str]: ...
    def account(self, person: str) -> Optional[dict[str, Any]]: ...
    def invariant_violation(self) -> Optional[str]: ...
    def set_capacity(self, id: str, actor: str, at: datetime.datetime, capacity: int) -> list[dict[str, Any]]: ...
    def request(
        self,
        id: str,
        actor: str,
        at: datetime.datetime,
        person: str,
        *,
        kind: _AccountKind | str = "learner",
        requirement_end: Optional[datetime.date] = None,
        courses: Sequence[str] = ...,
    ) -> list[dict[str, Any]]: ...
    def login(self, id: str, actor: str, at: datetime.datetime, person: str) -> list[dict[str, Any]]: ...
    def complete_course(self, id: str, actor: str, at: datetime.datetime, person: str, course: str) -> list[dict[str, Any]]: ...
    def deactivate(
        self, id: str, actor: str, at: datetime.datetime, person: str, reason: _DeactivationReason | str
    ) -> list[dict[str, Any]]: ...
    def withdraw(self, id: str, actor: str, at: datetime.datetime, person: str) -> list[dict[str, Any]]: ...
    def report_dormant(self, id: str, actor: str, at: datetime.datetime) -> list[dict[str, Any]]: ...
    def dormant_logins(self, now: datetime.datetime) -> list[dict[str, Any]]: ...
    def ready_to_deactivate(self) -> list[str]: ...
    def utilisation(self, now: datetime.datetime) -> dict[str, Any]: ...

@final
class AccessSessions:
    """A region's supported-access sessions and loan laptops (L-8)."""

    def __new__(cls, region: str, *, policy: str | None = None) -> AccessSessions:
        """A region's sessions; `policy` is the policy's JSON, e.g. '{"laptops": 40}'
        (defaults: 30 laptops, none in London)."""
    def schedule(self, id: str, site: str, date: datetime.date, supervisor: str, places: int, laptops: int) -> None: ...
    def book(self, session: str, person: str) -> None: ...
    def lend(self, session: str, person: str, laptop: str, on: datetime.date, expected_return: datetime.date) -> None: ...
    def return_laptop(self, laptop: str, on: datetime.date) -> None: ...
    def overdue(self, today: datetime.date) -> list[dict[str, Any]]: ...
    def sessions(self) -> list[dict[str, Any]]: ...
    def laptops_out(self) -> int: ...

# The columnar API: numpy arrays in (or anything numpy.asarray takes: pandas and polars Series),
# new numpy arrays out. Every column is checked before any work (lengths, dtypes, minutes in
# range, indices and codes in range); the interpreter is released while the core works.

CREDIT_REASONS: list[str]
"""Credit reason codes; ``credit_columns`` returns indices into this list."""

def credit_columns(
    actual: ArrayLike,
    guided: ArrayLike,
    passed: ArrayLike,
    repeat: Optional[ArrayLike] = None,
    extra_time: Optional[ArrayLike] = None,
    policy: Optional[CreditPolicy] = None,
) -> dict[str, NDArray[Any]]:
    """Credit decisions for N completions (H-3..H-8).

    ``actual``/``guided`` are int64 minutes, ``passed``/``repeat``/``extra_time`` bool. Returns
    ``{"credited": int64, "reason": uint8}``, the reason an index into ``CREDIT_REASONS``.
    """

def find_repeats(
    person: ArrayLike, course: ArrayLike, completed_at: ArrayLike, passed: ArrayLike
) -> NDArray[np.bool_]:
    """Which completions repeat a course the person already passed (H-7), as ``credit_batch``
    finds them. ``person``/``course`` int64 ids, ``completed_at`` int64 or datetime64."""

def ete_totals(
    requirement: ArrayLike, minutes: ArrayLike, required: ArrayLike
) -> dict[str, NDArray[np.int64]]:
    """ETE credit per requirement capped by the allowance (H-10): ``allowance``, ``credited``,
    ``over_allowance``, ``remaining``, one value per entry of ``required``."""

def attendance_by_learner(
    learner: ArrayLike, mark: ArrayLike, learners: Optional[int] = None
) -> dict[str, NDArray[Any]]:
    """Attendance per learner (R-7, R-8): a count per mark code (``MARKS``), ``unmarked``,
    ``possible``, ``attended``, ``absences``, ``persistent``, ``severe``. ``mark`` holds indices
    into ``MARKS`` (any signed int dtype; -1 for unmarked, as pandas codes a missing value)."""

def credit_row(
    actual: int,
    guided: int,
    passed: bool,
    repeat: bool = False,
    extra_time: bool = False,
    policy: CreditPolicy | None = None,
) -> tuple[int, str]:
    """One completion's credit from its numbers under the default policy:
    ``(credited_minutes, reason_code)``."""

def credit_rows(
    rows: Iterable[tuple[int, int, bool, bool, bool]], policy: Optional[CreditPolicy] = None
) -> tuple[list[int], list[str]]:
    """The row API: ``(actual, guided, passed, repeat, extra_time)`` tuples in,
    ``(credited_minutes, reason_codes)`` out, two lists in row order. A bad row raises, naming
    its position."""
