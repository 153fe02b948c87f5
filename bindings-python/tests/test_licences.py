"""The licence pool from Python: commands and events, bad input, snapshot and replay, threads."""

import datetime
import itertools
import json
import random
import threading
from fractions import Fraction

import pytest

import ete_core

UTC = datetime.timezone.utc
DAY1 = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def at(days: float) -> datetime.datetime:
    return DAY1 + datetime.timedelta(days=days)


def new_pool(capacity: int = 2, **kw) -> ete_core.LicencePool:
    return ete_core.LicencePool("Wales", capacity, DAY1, actor="ADMIN-1", **kw)


def test_commands_return_events_with_actor_and_time():
    pool = new_pool(1)
    events = pool.request("c1", "ADMIN-1", at(1), "P-1", courses=["Budgeting"])
    assert [(e["type"], e["person"], e["actor"], e["command"]) for e in events] == [
        ("requested", "P-1", "ADMIN-1", "c1"),
        ("allocated", "P-1", "ADMIN-1", "c1"),
    ]
    assert events[1]["at"] == "2026-11-03T09:00:00Z"
    assert pool.request("c2", "ADMIN-1", at(1), "P-2")[-1]["type"] == "queued"
    assert pool.waiting == ["P-2"]
    freed = pool.deactivate("c3", "ADMIN-1", at(5), "P-1", "courses_completed")
    assert [e["type"] for e in freed] == ["deactivated", "allocated"]
    assert pool.account("P-2")["state"] == "active"


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda p: p.deactivate("x", "A", at(3), "P-9", "administrator"), ete_core.UnknownPerson),
        (lambda p: p.deactivate("x", "A", at(3), "P-3", "administrator"), ete_core.InvalidTransition),
        (lambda p: p.set_capacity("x", "A", at(3), 1), ete_core.CapacityExceeded),
        # Before the issue is before the last event too: refused naming `at` (L-7).
        (lambda p: p.login("x", "A", at(0.5), "P-1"), ete_core.InvalidField),
        (lambda p: p.request("x", "A", at(3), "P-1"), ete_core.InvalidTransition),
        (lambda p: p.deactivate("x", "A", at(3), "P-1", "bored"), ete_core.InvalidField),
        (lambda p: p.request("x", "A", at(3), "P-7", kind="visitor"), ete_core.InvalidField),
    ],
    ids=["unknown person", "deactivate inactive", "capacity below allocated", "login before issue", "second account", "bad reason", "bad kind"],
)
def test_bad_input_is_a_clear_error_and_the_pool_is_unchanged(call, error):
    pool = new_pool(2)
    pool.request("c1", "A", at(1), "P-1")
    pool.request("c2", "A", at(1), "P-2")
    pool.request("c3", "A", at(1), "P-3")
    pool.withdraw("c4", "A", at(2), "P-3")
    before, log = pool.to_json(), pool.events_json()
    with pytest.raises(error):
        call(pool)
    assert (pool.to_json(), pool.events_json()) == (before, log)


def test_a_laptop_returned_twice_and_a_full_session_are_refused():
    s = ete_core.AccessSessions("Wales")
    s.schedule("S-1", "Cardiff hub", datetime.date(2026, 12, 1), "SUP-1", 1, 1)
    s.book("S-1", "P-1")
    with pytest.raises(ete_core.CapacityExceeded):
        s.book("S-1", "P-2")
    s.lend("S-1", "P-1", "LT-01", datetime.date(2026, 12, 1), datetime.date(2026, 12, 8))
    assert [loan["laptop"] for loan in s.overdue(datetime.date(2026, 12, 9))] == ["LT-01"]
    s.return_laptop("LT-01", datetime.date(2026, 12, 9))
    with pytest.raises(ete_core.InvalidTransition, match="LT-01"):
        s.return_laptop("LT-01", datetime.date(2026, 12, 10))
    with pytest.raises(ete_core.InvalidField, match="London"):
        ete_core.AccessSessions("London").schedule("S-1", "Library", datetime.date(2026, 12, 1), "SUP-1", 4, 4)


def test_dormant_logins_and_utilisation():
    pool = new_pool(2)
    pool.request("c1", "A", at(0), "P-1")
    pool.request("c2", "A", at(0), "P-2")
    pool.login("c3", "A", at(1), "P-2")
    due = pool.dormant_logins(at(15))
    assert [(d["person"], d["never_logged_in"], d["days"]) for d in due] == [("P-1", True, 15), ("P-2", False, 14)]
    assert [e["type"] for e in pool.report_dormant("c4", "A", at(15))] == ["dormant_reported", "dormant_reported"]
    assert pool.dormant_logins(at(16)) == []
    line = pool.utilisation(at(15))
    assert (line["allocated"], line["dormant"], line["average_days_held"]) == (2, 2, Fraction(15))
    assert line["average_days_held_text"] == "15.0"


def test_snapshot_and_log_restore_an_identical_pool():
    pool = new_pool(1, policy=json.dumps({"waitingOrder": "requirement_end"}))
    pool.request("c1", "A", at(0), "P-1")
    pool.request("c2", "A", at(0), "P-2", requirement_end=datetime.date(2027, 3, 1))
    pool.request("c3", "A", at(0), "P-3", requirement_end=datetime.date(2027, 1, 1))
    assert pool.waiting == ["P-3", "P-2"]
    replayed = ete_core.LicencePool.replay(pool.events_json())
    restored = ete_core.LicencePool.restore(pool.to_json(), pool.events_json())
    assert replayed.to_json() == restored.to_json() == pool.to_json()
    with pytest.raises(ete_core.MalformedInput):
        ete_core.LicencePool.restore(new_pool(1).to_json(), pool.events_json())


PEOPLE = [f"P-{i}" for i in range(120)] + [f"S-{i}" for i in range(8)]
REASONS = ["courses_completed", "requirement_ended", "dormant_reclaim", "administrator"]


def random_command(pool: ete_core.LicencePool, rng: random.Random, cid: str, when: datetime.datetime):
    person = rng.choice(PEOPLE)
    pick = rng.random()
    if pick < 0.35:
        kind = "staff" if person.startswith("S-") else "learner"
        return pool.request(cid, "ADMIN-1", when, person, kind=kind, courses=["A", "B"])
    if pick < 0.55:
        return pool.login(cid, "ADMIN-1", when, person)
    if pick < 0.70:
        return pool.complete_course(cid, "ADMIN-1", when, person, rng.choice(["A", "B"]))
    if pick < 0.88:
        return pool.deactivate(cid, "ADMIN-1", when, person, rng.choice(REASONS))
    if pick < 0.94:
        return pool.withdraw(cid, "ADMIN-1", when, person)
    if pick < 0.97:
        return pool.set_capacity(cid, "ADMIN-1", when, rng.randint(20, 60))
    return pool.report_dormant(cid, "ADMIN-1", when)


def test_eight_threads_of_ten_thousand_random_commands_keep_the_invariants():
    pool = new_pool(40, policy=json.dumps({"reclaimDormant": True, "releaseWhenReady": True}))
    accepted_events = [0] * 8
    accepted = [0] * 8
    failures: list = []
    # One clock for every thread, read just before each command (the pool refuses a command
    # dated before its last event, L-7): times run forward over about 55 days. A thread may
    # read the clock and then wait for the pool's lock while another, with a later time, goes
    # first: that command is refused as InvalidField naming `at`, which is checked below.
    clock = itertools.count()
    raced: list[str] = []

    def work(t: int) -> None:
        rng = random.Random(t)
        ids: list[str] = []
        try:
            for i in range(10_000):
                cid = rng.choice(ids) if ids and rng.random() < 0.05 else f"t{t}-{i}"
                when = DAY1 + datetime.timedelta(minutes=next(clock))
                try:
                    events = random_command(pool, rng, cid, when)
                except ete_core.InvalidField as e:
                    if "before the pool's last event" in str(e):
                        raced.append(str(e))
                    continue
                except ete_core.EteError:
                    continue
                accepted[t] += 1
                accepted_events[t] += len(events)
                ids.append(cid)
                if i % 500 == 0 and pool.invariant_violation() is not None:
                    failures.append(pool.invariant_violation())
        except Exception as e:  # pragma: no cover - reported below
            failures.append(repr(e))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == []
    assert all(r.startswith("invalid at: ") for r in raced), raced[:3]
    assert pool.invariant_violation() is None
    assert pool.allocated <= pool.capacity
    assert sum(accepted) > 10_000
    # Every accepted command's events are in the log, plus the pool's opening.
    assert pool.event_count() == sum(accepted_events) + 1 == len(pool.events())
    assert ete_core.LicencePool.replay(pool.events_json()).to_json() == pool.to_json()


def test_snapshot_with_log_restores_while_another_thread_writes():
    """`to_json()` then `events_json()` are two calls: a write between them makes them describe
    two moments and restore refuses the pair. `snapshot_with_log()` takes both under one lock,
    so each pair restores, however busy the writer."""
    pool = new_pool(5_000)
    stop = threading.Event()
    written: list[int] = []
    clock = itertools.count(1)

    def writer() -> None:
        i = 0
        while not stop.is_set() and i < 1_000:
            i += 1
            when = DAY1 + datetime.timedelta(seconds=next(clock))
            pool.request(f"w{i}", "ADMIN-1", when, f"P-{i}")
            written.append(i)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        restored = 0
        for _ in range(30):
            snapshot, log = pool.snapshot_with_log()
            again = ete_core.LicencePool.restore(snapshot, log)
            assert again.to_json() == snapshot
            assert again.event_count() == len(json.loads(log))
            restored += 1
    finally:
        stop.set()
        thread.join()
    assert restored == 30 and len(written) > 0
    snapshot, log = pool.snapshot_with_log()
    assert json.loads(snapshot) == json.loads(pool.to_json())
    assert json.loads(log) == json.loads(pool.events_json())
