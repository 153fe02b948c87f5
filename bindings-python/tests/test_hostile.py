"""ETE Core as a hostile or careless caller would use it: every defect found that way is a
regression test here. Nothing may crash, hang or abort the interpreter, and every bad input is
an ``EteError`` subclass (or ``TypeError`` for a value of the wrong type).

Runs in the development venv and in a fresh venv with the release wheel and no dev dependencies
(no numpy): tests that need numpy are skipped there, the one about numpy's absence runs in both.
"""

import datetime
import faulthandler
import json
import random
import subprocess
import sys
import threading
import zoneinfo

import pytest

import ete_core

UTC = datetime.timezone.utc
T0 = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

try:
    import numpy as np
except ImportError:  # the release venv has no numpy
    np = None

needs_numpy = pytest.mark.skipif(np is None, reason="numpy is not installed")


@pytest.fixture
def no_hang():
    """A deadlock fails the run (the traceback of every thread is printed) instead of hanging."""
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def run_threads(workers, n_threads=8):
    errors = []

    def guarded(worker, seed):
        try:
            worker(random.Random(seed))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(workers[i % len(workers)], i)) for i in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# 1. Locks and the interpreter


def test_reading_events_while_another_thread_reads_a_property_does_not_deadlock(no_hang):
    pool = ete_core.LicencePool("Wales", 20_000, T0)
    for i in range(20_000):
        pool.request(f"r{i}", "ADMIN-1", T0, f"P-{i}")
    stop = threading.Event()

    def reader(_rng):
        for _ in range(20):
            assert len(pool.events()) == 40_001
            pool.dormant_logins(T0 + datetime.timedelta(days=30))
            pool.account("P-1")
        stop.set()

    def prober(_rng):
        while not stop.is_set():
            assert pool.free == 0

    run_threads([reader, prober], n_threads=2)


def test_every_stateful_object_takes_mixed_reads_and_writes_from_8_threads(no_hang):
    pool = ete_core.LicencePool("Wales", 50, T0)
    sessions = ete_core.AccessSessions("Wales")
    lesson = ete_core.Lesson("L-1", "PRV-1", T0, T0 + datetime.timedelta(hours=2))
    learners = [f"LRN-{i}" for i in range(40)]
    register = ete_core.Register(lesson, learners)
    notes = ete_core.RecordNotes("LRN-1")
    requirement = ete_core.Requirement("R-1", "P-1", "adult", 6000, datetime.date(2026, 11, 2))
    exchange = ete_core.Exchange()
    policy = ete_core.RoutingPolicy()
    hub, school = ete_core.Organisation("hub", "HUB-1"), ete_core.Organisation("school", "SCH-1")
    after = lesson.ends_at + datetime.timedelta(minutes=1)
    tutor = ete_core.Actor("provider", "TUTOR-1")
    day = datetime.date(2026, 12, 1)
    for s in range(8):
        sessions.schedule(f"S-{s}", "Library", day, "SUP-1", 100, 30)

    def worker(rng):
        for i in range(300):
            n = rng.randrange(10_000)
            try:
                pool.request(f"c{n}", "A", T0, f"P-{n % 80}")
            except ete_core.InvalidTransition:
                pass  # a second account for the person: refused, the pool unchanged
            pool.events()
            assert pool.allocated <= pool.capacity
            pool.utilisation(T0)
            try:
                sessions.book(f"S-{n % 8}", f"P-{n}")
            except (ete_core.InvalidTransition, ete_core.CapacityExceeded):
                pass  # booked already, or the session is full: refused, unchanged
            sessions.sessions()
            try:
                register.mark(tutor, rng.choice(learners), rng.choice(["present", "late"]), after)
            except ete_core.MarkRefused:
                pass  # already marked with another mark is refused? then state is unchanged
            register.entries()
            register.events()
            notes.add(tutor, f"note {i}", T0)
            notes.notes([register])
            try:
                requirement.record(ete_core.LedgerEntry.ete_credit(datetime.date(2026, 11, 3), "ADMIN-1", 1, "Course", id=f"e{n}"))
            except ete_core.EteError:
                pass
            requirement.status(datetime.date(2026, 12, 1))
            plan = ete_core.plan_transfer(
                policy, hub, "CAP-7", [ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")]
            )
            exchange.confirm(plan, T0)
            exchange.inbox("SCH-1")
            if i % 50 == 0:
                exchange.events()

    run_threads([worker])
    assert pool.invariant_violation() is None
    replayed = ete_core.LicencePool.replay(pool.events_json())
    assert replayed.to_json() == pool.to_json()
    assert len(exchange.inbox("SCH-1")) == 8 * 300
    assert len(register.events()) >= 1
    assert ete_core.Register.restore(register.to_json()).to_json() == register.to_json()


# 2. Memory follows the input, not its values


@needs_numpy
def test_a_huge_learner_index_is_an_error_not_an_abort():
    with pytest.raises(ete_core.InvalidField, match=r"learner\[0\] = 900000123"):
        ete_core.attendance_by_learner(np.array([900000123]), np.array([0], dtype=np.int8))
    for learners in (2**62, 2**64, 10_000_001):
        with pytest.raises(ete_core.InvalidField, match="learners"):
            ete_core.attendance_by_learner(np.array([0]), np.array([0], dtype=np.int8), learners=learners)
    with pytest.raises(ete_core.InvalidField):
        ete_core.attendance_by_learner(np.array([0]), np.array([0], dtype=np.int8), learners=-1)


# 3. numpy missing


def test_without_numpy_the_columnar_api_raises_an_import_error_naming_the_extra():
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "import ete_core\n"
        "try:\n"
        "    ete_core.credit_columns([10], [20], [True])\n"
        "except ImportError as e:\n"
        "    print('ImportError:', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "ImportError:" in out.stdout and "ete-core[columns]" in out.stdout


# 4. Columns are read once


@needs_numpy
def test_a_concurrent_writer_cannot_slip_an_unchecked_value_into_credit_columns(no_hang):
    n = 200_000
    actual = np.full(n, 30, dtype=np.int64)
    guided = np.full(n, 60, dtype=np.int64)
    passed = np.ones(n, dtype=bool)
    stop = threading.Event()

    def writer():
        while not stop.is_set():
            actual[::997] = -1
            actual[::997] = 30

    t = threading.Thread(target=writer)
    t.start()
    try:
        for _ in range(30):
            try:
                out = ete_core.credit_columns(actual, guided, passed)
            except ete_core.InvalidMinutes:
                continue
            assert set(np.unique(out["credited"]).tolist()) == {30}
    finally:
        stop.set()
        t.join()


# 5. One answer per input in every form


@needs_numpy
def test_a_zero_guided_time_is_refused_by_every_form():
    with pytest.raises(ete_core.InvalidField, match="H-1"):
        ete_core.credit_row(10, 0, True, False, False)
    with pytest.raises(ete_core.InvalidField, match=r"guided\[1\] = 0"):
        ete_core.credit_rows([(10, 20, True, False, False), (10, 0, True, False, False)])
    with pytest.raises(ete_core.InvalidField, match=r"guided\[0\] = 0"):
        ete_core.credit_columns(np.array([10]), np.array([0]), np.array([True]))
    with pytest.raises(ete_core.EteError, match="H-1"):
        ete_core.Course("C-1", "Digital skills", "PRV-1", "online", ["en"], 0)


def test_row_and_scalar_forms_agree_on_random_rows():
    rng = random.Random(7)
    rows = [
        (rng.randrange(0, 300), rng.randrange(1, 200), rng.random() < 0.8, rng.random() < 0.2, rng.random() < 0.3)
        for _ in range(2000)
    ]
    credited, reasons = ete_core.credit_rows(rows)
    assert list(zip(credited, reasons)) == [ete_core.credit_row(*r) for r in rows]


# 6. Errors: typed, in the same words, never OverflowError / ValueError / PanicException


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: ete_core.format_minutes(2**63), ete_core.InvalidMinutes),
        (lambda: ete_core.format_minutes(-1), ete_core.InvalidMinutes),
        (lambda: ete_core.format_minutes(2**200), ete_core.EteError),
        (lambda: ete_core.apply_ratio(60, -1, 2, "floor"), ete_core.InvalidField),
        (lambda: ete_core.apply_ratio(60, 1, 2, "sideways"), ete_core.EteError),
        (lambda: ete_core.Completion("P-1", "C", T0, "Passed", 10, 20, attempts=-1), ete_core.InvalidField),
        (lambda: ete_core.LicencePool("Wales", -1, T0), ete_core.InvalidField),
        (lambda: ete_core.LicencePool("Wales", 2**32, T0), ete_core.InvalidField),
        (lambda: ete_core.Exchange().download(-1, "SCH-1", "U-1", T0), ete_core.InvalidField),
        (lambda: ete_core.Exchange.from_json("{"), ete_core.MalformedInput),
        (lambda: ete_core.Exchange.from_json("[" * 100_000), ete_core.MalformedInput),
        (lambda: ete_core.LicencePool.replay("null"), ete_core.MalformedInput),
        (lambda: ete_core.LicencePool.restore("{}", "[]"), ete_core.MalformedInput),
        (lambda: ete_core.Requirement.from_json('{"id": 1}'), ete_core.EteError),
        (lambda: ete_core.LicencePool("Wales", 1, T0).request("c", "A", T0, "P-1", kind="robot"), ete_core.InvalidField),
        (lambda: ete_core.check_referral(datetime.date(2026, 1, 1), datetime.date(2026, 2, 1), -3), ete_core.InvalidField),
        (lambda: ete_core.Requirement("R", "P", "adult", 2**64, datetime.date(2026, 1, 1)), ete_core.InvalidMinutes),
    ],
)
def test_bad_numbers_and_texts_are_ete_errors(call, error):
    with pytest.raises(error):
        call()


@pytest.mark.parametrize("value", [1.5, "10", None, True])
def test_a_value_of_the_wrong_type_is_a_type_error(value):
    with pytest.raises(TypeError):
        ete_core.format_minutes(value)


class NoOffset(datetime.tzinfo):
    def utcoffset(self, dt):
        return None

    def dst(self, dt):
        return None


NAIVE = datetime.datetime(2026, 11, 2, 9, 0)
NO_OFFSET = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=NoOffset())
LONDON = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London"))


def instant_calls(at):
    policy = ete_core.RoutingPolicy()
    hub, school = ete_core.Organisation("hub", "HUB-1"), ete_core.Organisation("school", "SCH-1")
    plan = ete_core.plan_transfer(
        policy, hub, "CAP-7", [ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")]
    )
    return [
        lambda: ete_core.LicencePool("Wales", 1, at),
        lambda: ete_core.LicencePool("Wales", 1, T0).login("c", "A", at, "P-1"),
        lambda: ete_core.Exchange(policy).confirm(plan, at),
        lambda: ete_core.Lesson("L-1", "PRV-1", at, at),
        lambda: ete_core.Completion("P-1", "C", at, "Passed", 10, 20),
    ]


@pytest.mark.parametrize("bad", [NAIVE, NO_OFFSET], ids=["naive", "utcoffset-None"])
def test_every_instant_parameter_refuses_a_naive_datetime_in_the_same_words(bad):
    messages = set()
    for call in instant_calls(bad):
        with pytest.raises(TypeError) as e:
            call()
        messages.add(str(e.value))
    assert len(messages) == 1 and "timezone-aware" in messages.pop()


def test_every_instant_parameter_accepts_a_zoneinfo_datetime():
    for call in instant_calls(LONDON):
        try:
            call()
        except ete_core.EteError:
            pass  # a rule may refuse it (a lesson that ends as it starts); the instant was read


def test_an_instant_that_cannot_be_expressed_in_utc_is_invalid_field():
    east = datetime.timezone(datetime.timedelta(hours=5))
    with pytest.raises(ete_core.InvalidField):
        ete_core.LicencePool("Wales", 1, datetime.datetime(1, 1, 1, 1, tzinfo=east))


# 7. Idiomatic surfaces


def test_dict_keys_are_snake_case_everywhere():
    pool = ete_core.LicencePool("Wales", 1, T0)
    pool.request("c1", "A", T0, "P-1", courses=["Budgeting"])
    pool.request("c2", "A", T0, "P-2")
    dicts = [*pool.events(), pool.account("P-1"), pool.utilisation(T0), *pool.dormant_logins(T0 + datetime.timedelta(days=40))]

    def keys(value):
        if isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from keys(v)
        elif isinstance(value, list):
            for v in value:
                yield from keys(v)

    all_keys = set(keys(dicts))
    assert {"average_days_held", "never_logged_in", "person"} <= all_keys
    assert [k for k in all_keys if k != k.lower()] == []


def test_reprs_are_python_syntax_and_hide_personal_data():
    lesson = ete_core.Lesson("L-1", "PRV-1", T0, T0 + datetime.timedelta(hours=1))
    register = ete_core.Register(lesson, ["LRN-1"])
    register.mark(ete_core.Actor("provider", "T-1"), "LRN-1", "present", T0 + datetime.timedelta(hours=2))
    entry = register.entry("LRN-1")
    assert repr(entry) == "Entry(provider_mark='present', school_decision=None, current='present', contribution=None)"
    completion = ete_core.Completion(
        "P-1", "Digital skills", T0, "Passed", 90, 120, first_name="Zebedee", last_name="Quist", email="zq@example.org"
    )
    decision = ete_core.credit_batch([completion])[0]
    cert = ete_core.certificate(completion, decision, "en")
    assert repr(cert) == (
        "Certificate(person_ref='P-1', course_name='Digital skills', provider='', region='', "
        "completed_on=datetime.date(2026, 11, 2), credited=90, language='en')"
    )
    for shown in (repr(cert), repr(completion), repr(decision), str(decision)):
        assert "Zebedee" not in shown and "Quist" not in shown and "example.org" not in shown
    assert "Some(" not in repr(entry) and "Minutes(" not in repr(cert)


def test_a_restored_pool_and_log_round_trip():
    pool = ete_core.LicencePool("Wales", 1, T0)
    pool.request("c1", "A", T0, "P-1")
    again = ete_core.LicencePool.restore(pool.to_json(), pool.events_json())
    assert again.to_json() == pool.to_json() and again.region == "Wales"
    other = ete_core.LicencePool("Wales", 1, T0)
    with pytest.raises(ete_core.MalformedInput):
        ete_core.LicencePool.restore(pool.to_json(), other.events_json())
    assert json.loads(pool.to_json())


@pytest.mark.parametrize(
    "call",
    [
        lambda: ete_core.LedgerEntry.adjustment(datetime.date(2026, 1, 1), "A", 2**63),
        lambda: ete_core.LedgerEntry.extension(datetime.date(2026, 1, 1), "A", -1),
        lambda: ete_core.LedgerEntry.extension(datetime.date(2026, 1, 1), "A", 2**32),
        lambda: ete_core.AccessSessions("Wales").schedule("S", "Lib", datetime.date(2026, 1, 1), "SUP", -1, 1),
    ],
)
def test_out_of_range_ledger_and_session_numbers_are_invalid_field(call):
    with pytest.raises(ete_core.InvalidField):
        call()


def test_help_shows_real_defaults_never_ellipsis():
    shown = []
    for name in dir(ete_core):
        obj = getattr(ete_core, name)
        members = [obj] + [getattr(obj, m) for m in dir(obj) if not m.startswith("_")] if isinstance(obj, type) else [obj]
        for member in members:
            if callable(member) and getattr(member, "__text_signature__", None):
                shown.append((name, member.__text_signature__))
    assert len(shown) > 50
    assert [s for s in shown if "..." in s[1] or "Ellipsis" in s[1]] == []


def test_every_repr_is_python_syntax():
    lesson = ete_core.Lesson("L-1", "PRV-1", T0, T0 + datetime.timedelta(hours=1))
    completion = ete_core.Completion("P-1", "Digital skills", T0, "Passed", 90, 120, first_name="Zebedee")
    decision = ete_core.credit_batch([completion])[0]
    register = ete_core.Register(lesson, ["LRN-1"])
    register.mark(ete_core.Actor("provider", "T-1"), "LRN-1", "present", T0 + datetime.timedelta(hours=2))
    policy = ete_core.RoutingPolicy()
    hub, school = ete_core.Organisation("hub", "HUB-1"), ete_core.Organisation("school", "SCH-1")
    values = [
        lesson, completion, decision, register, ete_core.Actor("school", "S-1"),
        ete_core.CreditPolicy(), ete_core.LedgerEntry.adjustment(datetime.date(2026, 1, 1), "A", -60),
        ete_core.decide(policy, hub, school, "dsl", "risk_assessment"), hub, policy,
        ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment"),
        ete_core.LicencePool("Wales", 1, T0), ete_core.Contribution(1),
    ]
    # Core's own classes since issue 13: the exchange, its inbox, plans and attendance reports.
    exchange = ete_core.Exchange(policy)
    files = [ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment"),
             ete_core.TransferFile("b.pdf", None, "dsl", "CFC JN", "risk_assessment")]
    refused = ete_core.plan_transfer(policy, hub, "CAP-7", files)
    exchange.confirm(ete_core.plan_transfer(policy, hub, "CAP-7", files[:1]), T0)
    report = ete_core.summarise([register], T0 + datetime.timedelta(days=2))
    values += [
        exchange, *exchange.inbox("SCH-1"), refused, *refused.refusals, report, report.group,
        ete_core.summarise_contributions([1, 2]), ete_core.read_completions_json("[]"),
    ]
    assert repr(exchange.inbox("SCH-1")[0]) == "InboxItem(file_id=1, sender_id='HUB-1', downloaded=False)"
    assert repr(refused.refusals[0]) == "Refusal(position=1, code='no_recipient', reason=None)"
    for value in values:
        text = repr(value)
        name = type(value).__name__
        assert text.startswith((f"{name}(", f"<{name} ")), text
        assert not any(marker in text for marker in ('Some(', '"', "Minutes(", "Zebedee", " {")), text


def test_a_tampered_exchange_snapshot_is_refused_naming_the_invariant():
    policy = ete_core.RoutingPolicy()
    hub, school = ete_core.Organisation("hub", "HUB-1"), ete_core.Organisation("school", "SCH-1")
    exchange = ete_core.Exchange(policy)
    plan = ete_core.plan_transfer(policy, hub, "CAP-7", [ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")])
    exchange.confirm(plan, T0)
    exchange.download_all("SCH-1", "T-1", T0)
    snapshot = json.loads(exchange.to_json())
    assert ete_core.Exchange.from_json(exchange.to_json(), policy).to_json() == exchange.to_json()

    forged = json.loads(json.dumps(snapshot))
    extra = json.loads(json.dumps(snapshot["events"][0]))
    extra.update(command="forged", fileId=2, sender={"kind": "school", "id": "SCH-9"})
    extra["file"]["recipient"] = {"kind": "provider", "id": "PRV-1"}
    forged["events"].append(extra)
    with pytest.raises(ete_core.MalformedInput, match="hash chain breaks at event 2"):
        ete_core.Exchange.from_json(json.dumps(forged))
    # The same event replayed (no chain to break): the rules refuse the route.
    with pytest.raises(ete_core.MalformedInput, match="no-school-to-provider"):
        ete_core.Exchange.replay(json.dumps(forged["events"]))
    emptied = dict(snapshot, events=[], chain=[])
    with pytest.raises(ete_core.MalformedInput, match="not the fold of the events"):
        ete_core.Exchange.from_json(json.dumps(emptied))
    stray = dict(snapshot, receipts=snapshot["receipts"] + [{"fileId": 7, "organisation": "SCH-1", "by": "X", "at": "2026-11-02T10:00:00Z"}])
    with pytest.raises(ete_core.MalformedInput, match="receipts are not the fold"):
        ete_core.Exchange.from_json(json.dumps(stray))
    newer = dict(snapshot, format=3)
    with pytest.raises(ete_core.MalformedInput, match="format 3 is newer"):
        ete_core.Exchange.from_json(json.dumps(newer))


def test_percentages_of_any_places_are_exact_or_invalid_field_never_a_panic():
    lesson = ete_core.Lesson("L-1", "PRV-1", T0, T0 + datetime.timedelta(hours=1))
    register = ete_core.Register(lesson, ["A", "B", "C"])
    tutor = ete_core.Actor("provider", "T-1")
    for learner in ("A", "B", "C"):
        register.mark(tutor, learner, "present", T0 + datetime.timedelta(hours=2))
    group = ete_core.summarise([register], T0 + datetime.timedelta(hours=3)).group
    assert group.percentages(30)["attended"] == "100." + "0" * 30
    assert group.percentages()["attended"] == "100.0"
    for places in (31, 1000, 2**40):
        with pytest.raises(ete_core.InvalidField):
            group.percentages(places)
    with pytest.raises(ete_core.InvalidField):
        group.percentages(-1)


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: ete_core.delivery_against_target(2**64, 10, 150), ete_core.InvalidMinutes),
        (lambda: ete_core.delivery_against_target(10, 10, -1), ete_core.InvalidField),
        (lambda: ete_core.Contribution(2**70), ete_core.InvalidField),
        (lambda: ete_core.Contribution(True), TypeError),
        (lambda: ete_core.CreditPolicy(2**40), ete_core.InvalidField),
        (lambda: ete_core.summarise_contributions([1, 2**70]), ete_core.InvalidField),
    ],
)
def test_plain_numbers_are_checked_at_every_door(call, error):
    with pytest.raises(error):
        call()


def test_practitioner_notifications_accept_any_aware_since():
    completion = ete_core.Completion("P-1", "C", T0, "Passed", 10, 20)
    decisions = ete_core.credit_batch([completion])
    since = datetime.datetime(2026, 11, 1, tzinfo=zoneinfo.ZoneInfo("Europe/London"))
    assert ete_core.practitioner_notifications([completion], decisions, {"P-1": "PR-1"}, since)


def test_an_unknown_code_never_echoes_a_personal_value():
    pool = ete_core.LicencePool("Wales", 1, T0)
    pool.request("c1", "A", T0, "P-1")
    for value in ("Alice Smithson", "alice@example.org"):
        with pytest.raises(ete_core.InvalidField) as e:
            pool.deactivate("c2", "A", T0, "P-1", value)
        assert value not in str(e.value)


@needs_numpy
def test_masked_and_ragged_columns_are_invalid_field():
    with pytest.raises(ete_core.InvalidField, match="masked"):
        ete_core.credit_columns(np.ma.masked_array([60, 150], mask=[True, False]), np.array([60, 60]), np.array([True, True]))
    with pytest.raises(ete_core.InvalidField):
        ete_core.credit_columns([[1], [1, 2]], [1], [True])
