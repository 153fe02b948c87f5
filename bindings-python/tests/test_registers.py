"""The register API from Python: decisions with reasons, bad input, threads, exact rates."""

import datetime
import json
import threading
from fractions import Fraction

import pytest

import ete_core

UTC = datetime.timezone.utc
START = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
END = datetime.datetime(2026, 11, 24, 11, 0, tzinfo=UTC)
AFTER = END + datetime.timedelta(minutes=5)
TUTOR = ete_core.Actor("provider", "TUTOR-3")
SCHOOL = ete_core.Actor("school", "SCH-OFFICE")
HUB = ete_core.Actor("hub", "CAP-1")


def new_register(learners=("LRN-1", "LRN-2")) -> ete_core.Register:
    return ete_core.Register(ete_core.Lesson("L-1", "PRV-1", START, END), list(learners))


def state(register: ete_core.Register) -> str:
    return register.to_json()


def test_provider_may_not_authorise_and_nothing_changes():
    register = new_register()
    before = state(register)
    decision = register.check(TUTOR, "LRN-1", "authorised_absence", AFTER)
    assert (decision.allowed, decision.reason) == (False, "role_may_not_set")
    assert "provider may not set authorised_absence" in decision.explanation
    with pytest.raises(ete_core.MarkRefused) as raised:
        register.mark(TUTOR, "LRN-1", "authorised_absence", AFTER)
    assert raised.value.reason == "role_may_not_set"
    assert state(register) == before


def test_lesson_not_finished_is_refused_with_its_end():
    register = new_register()
    with pytest.raises(ete_core.MarkRefused) as raised:
        register.mark(TUTOR, "LRN-1", "present", START)
    assert raised.value.reason == "lesson_not_finished"
    assert "2026-11-24T11:00:00Z" in str(raised.value)


def test_school_processes_an_unexplained_absence_and_history_keeps_both():
    register = new_register()
    register.mark(TUTOR, "LRN-1", "unexplained_absence", AFTER)
    register.mark(SCHOOL, "LRN-1", "authorised_absence", AFTER)
    entry = register.entry("LRN-1")
    assert (entry.provider_mark, entry.school_decision, entry.current) == (
        "unexplained_absence",
        "authorised_absence",
        "authorised_absence",
    )
    changes = [(e["actor"]["role"], e["field"], e["from"], e["to"]) for e in register.events()]
    assert changes == [
        ("provider", "provider_mark", None, "unexplained_absence"),
        ("school", "school_decision", None, "authorised_absence"),
    ]


def test_school_changing_a_present_mark_is_refused():
    register = new_register()
    register.mark(TUTOR, "LRN-1", "present", AFTER)
    before = state(register)
    with pytest.raises(ete_core.MarkRefused) as raised:
        register.mark(SCHOOL, "LRN-1", "unauthorised_absence", AFTER)
    assert raised.value.reason == "not_unexplained"
    assert state(register) == before


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda r: r.mark(TUTOR, "LRN-9", "present", AFTER), ete_core.MarkRefused),
        (lambda r: r.mark(TUTOR, "LRN-1", "absent", AFTER), ete_core.InvalidField),
        (lambda r: r.add_note(TUTOR, "LRN-1", "  ", AFTER), ete_core.InvalidField),
        (lambda r: r.add_note(TUTOR, "LRN-9", "Arrived late", AFTER), ete_core.NotOnRegister),
        (lambda r: r.set_contribution(TUTOR, "LRN-1", 3, AFTER), ete_core.InvalidContribution),
        (lambda r: r.set_contribution(TUTOR, "LRN-1", 1, AFTER), ete_core.MarkRefused),
    ],
    ids=["not on register", "unknown mark", "empty note", "note for stranger", "contribution 3", "not present"],
)
def test_bad_input_is_a_clear_error_and_changes_nothing(call, error):
    register = new_register()
    before = state(register)
    with pytest.raises(error):
        call(register)
    assert state(register) == before


def test_unknown_mark_error_names_the_value_and_the_marks():
    with pytest.raises(ete_core.InvalidField, match='unknown mark "absent".*present, late'):
        ete_core.statutory_code("absent")


def test_unknown_role_and_naive_datetime_are_refused():
    with pytest.raises(ete_core.InvalidField, match="role"):
        ete_core.Actor("teacher", "T-1")
    with pytest.raises(TypeError, match="timezone-aware"):
        new_register().check(TUTOR, "LRN-1", "present", datetime.datetime(2026, 11, 24, 12))


def test_contribution_is_bounded_and_recorded_for_attenders():
    assert ete_core.Contribution(2).increment() == ete_core.Contribution(2)
    assert int(ete_core.Contribution(-2).decrement()) == -2
    with pytest.raises(ete_core.InvalidContribution, match="3"):
        ete_core.Contribution(3)
    register = new_register()
    register.mark(TUTOR, "LRN-1", "late", AFTER)
    register.set_contribution(TUTOR, "LRN-1", -1, AFTER)
    assert register.entry("LRN-1").contribution == -1
    summary = ete_core.contribution_summary([register], "LRN-1")
    assert (summary.count, summary.sum, summary.mean()) == (1, -1, Fraction(-1))


def test_rates_are_exact_fractions_that_add_up_to_one():
    register = ete_core.Register(ete_core.Lesson("L-1", "PRV-1", START, END), ["A", "B", "C"])
    for learner, mark in [("A", "present"), ("B", "late"), ("C", "unauthorised_absence")]:
        register.mark(HUB, learner, mark, AFTER)
    group = ete_core.summarise([register], AFTER).group
    rates = group.rates()
    assert rates["attended"] == Fraction(2, 3)
    assert sum(rates.values()) == 1
    assert group.percentages() == {
        "attended": "66.7",
        "authorised": "0.0",
        "unauthorised": "33.3",
        "unexplained": "0.0",
        "dismissed": "0.0",
    }


def test_statutory_figures_count_n_as_unauthorised_and_export_csv():
    register = ete_core.Register(ete_core.Lesson("L-1", "PRV-1", START, END), ["A", "B", "C"])
    for learner, mark in [("A", "present"), ("B", "unexplained_absence"), ("C", "unauthorised_absence")]:
        register.mark(HUB, learner, mark, AFTER)
    report = ete_core.statutory_summary([register])
    group = report["group"]
    assert (group["possible"], group["absences"], group["absence_percent"]) == (3, 2, "66.7")
    assert group["tally"]["unauthorised"] == 2 and group["persistent"] and group["severe"]
    assert {s["code"]: s["sessions"] for s in group["sessions"]} == {"B": 1, "N": 1, "O": 1}
    csv_text = ete_core.statutory_csv([register], learners=["B"])
    assert csv_text.splitlines()[1].startswith("B,,,1,0,0,0,0,1,")
    withdrawn = json.dumps({"codes": {"authorised_absence": "H"}})
    with pytest.raises(ete_core.InvalidPolicy, match=r"codes.authorised_absence = \"H\""):
        ete_core.statutory_summary([register], policy=withdrawn)
    assert {"code": "N", "category": "unauthorised_absence"}.items() <= ete_core.statutory_codes()[19].items()


def test_notes_show_on_the_record_oldest_first_and_repr_hides_text():
    register = new_register()
    register.add_note(TUTOR, "LRN-1", "Worked well with a partner", AFTER)
    record = ete_core.RecordNotes("LRN-1")
    record.add(HUB, "Initial assessment booked", START)
    notes = record.notes([register])
    assert [(n.lesson, n.author.id) for n in notes] == [(None, "CAP-1"), ("L-1", "TUTOR-3")]
    assert "partner" not in repr(notes[1])


def test_a_register_is_safe_to_share_between_threads():
    learners = [f"LRN-{i}" for i in range(400)]
    register = new_register(learners)
    errors = []

    def work(part: int) -> None:
        try:
            for learner in learners[part::8]:
                register.mark(TUTOR, learner, "present", AFTER)
                register.set_contribution(TUTOR, learner, 1, AFTER)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert register.is_complete()
    assert len(register.events()) == 2 * len(learners)  # a mark and a score each
    assert all(e.contribution == 1 for e in register.entries().values())


# The aggregate pattern: events, retried ids, replay and a checked restore


def test_notes_and_contributions_are_events_and_replay():
    register = new_register()
    assert [e["type"] for e in register.mark(HUB, "LRN-1", "present", AFTER)] == ["marked"]
    register.add_note(TUTOR, "LRN-1", "Arrived with a carer", AFTER)
    register.set_contribution(TUTOR, "LRN-1", 2, AFTER)
    events = register.events()
    assert [e["type"] for e in events] == ["marked", "note_added", "contribution_set"]
    assert events[1] == {
        "command": events[1]["command"],
        "actor": {"role": "provider", "id": "TUTOR-3"},
        "at": "2026-11-24T11:05:00Z",
        "learner": "LRN-1",
        "type": "note_added",
        "text": "Arrived with a carer",
    }
    lesson = ete_core.Lesson("L-1", "PRV-1", START, END)
    replayed = ete_core.Register.replay(lesson, ["LRN-1", "LRN-2"], register.events_json())
    assert replayed.to_json() == register.to_json()
    assert [n.text for n in replayed.notes()] == ["Arrived with a carer"]
    assert replayed.entry("LRN-1").contribution == 2


def test_a_retried_id_changes_nothing_and_another_command_under_it_is_refused():
    register = new_register()
    assert len(register.mark(TUTOR, "LRN-1", "present", AFTER, id="c1")) == 1
    before = register.to_json()
    assert register.mark(TUTOR, "LRN-1", "present", AFTER, id="c1") == []
    assert register.add_note(TUTOR, "LRN-1", "Left early", AFTER, id="n1") != []
    assert register.add_note(TUTOR, "LRN-1", "Left early", AFTER, id="n1") == []
    assert len(register.notes()) == 1
    after_note = register.to_json()
    assert after_note != before
    with pytest.raises(ete_core.InvalidField, match="command id"):
        register.mark(TUTOR, "LRN-1", "late", AFTER, id="c1")
    assert register.to_json() == after_note


def test_a_tampered_snapshot_is_refused_without_quoting_it():
    register = new_register()
    register.mark(TUTOR, "LRN-1", "present", AFTER)
    register.add_note(TUTOR, "LRN-1", "Arrived with a carer", AFTER)
    snapshot = json.loads(register.to_json())
    assert ete_core.Register.restore(register.to_json()).to_json() == register.to_json()
    forged = json.loads(json.dumps(snapshot))
    forged["entries"]["LRN-1"]["providerMark"] = "late"
    stranger = json.loads(json.dumps(snapshot))
    stranger["events"][0]["learner"] = "LRN-9"
    dropped = json.loads(json.dumps(snapshot))
    del dropped["events"][0]
    for bad, kind in [
        (forged, ete_core.MalformedInput),
        (stranger, ete_core.MalformedInput),  # the hash chain breaks at event 0
        (dropped, ete_core.MalformedInput),
    ]:
        with pytest.raises(kind) as raised:
            ete_core.Register.restore(json.dumps(bad))
        assert "carer" not in str(raised.value)
    # Replayed without a chain, the stranger's event is refused by the rules.
    with pytest.raises(ete_core.NotOnRegister):
        ete_core.Register.replay(register.lesson, register.learners(), json.dumps(stranger["events"]))
    with pytest.raises(ete_core.MalformedInput):
        ete_core.Register.restore('{"lesson": "Arrived with a carer"}')
    with pytest.raises(ete_core.MalformedInput):
        ete_core.Register.replay(ete_core.Lesson("L-1", "PRV-1", START, END), ["LRN-1"], "[{]")


def test_reads_racing_writes_see_a_whole_register():
    learners = [f"LRN-{i}" for i in range(60)]
    register = new_register(learners)
    lesson = ete_core.Lesson("L-1", "PRV-1", START, END)
    errors = []
    done = threading.Event()

    def write(part: int) -> None:
        try:
            for i, learner in enumerate(learners[part::4]):
                register.mark(TUTOR, learner, "present", AFTER, id=f"m-{learner}")
                register.mark(TUTOR, learner, "present", AFTER, id=f"m-{learner}")  # a retry
                register.set_contribution(TUTOR, learner, i % 3 - 1, AFTER)
                register.add_note(TUTOR, learner, f"note {i}", AFTER)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def read() -> None:
        try:
            while not done.is_set():
                snapshot = register.to_json()
                restored = ete_core.Register.restore(snapshot)
                assert restored.to_json() == snapshot
                replayed = ete_core.Register.replay(lesson, learners, json.dumps(json.loads(snapshot)["events"]))
                assert replayed.to_json() == snapshot
                register.events()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    readers = [threading.Thread(target=read) for _ in range(2)]
    writers = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in readers + writers:
        t.start()
    for t in writers:
        t.join(timeout=60)
    done.set()
    for t in readers:
        t.join(timeout=60)
    assert errors == []
    assert not any(t.is_alive() for t in readers + writers)
    assert len(register.events()) == 3 * len(learners)
    assert len(register.notes()) == len(learners)
