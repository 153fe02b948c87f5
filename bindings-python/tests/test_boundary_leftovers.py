"""Issue 13's Python boundary leftovers: Contribution is core's class, reprs show ids and counts
only, Requirement.status() comes from core, class docs are Python's, ReadPolicy round-trips
through JSON, Completion's repr uses its constructor's names."""

import datetime
import inspect

import ete_core

T0 = datetime.datetime(2026, 11, 2, 14, 5, tzinfo=datetime.timezone.utc)


def test_contribution_is_core_class_with_value_order_and_repr():
    c = ete_core.Contribution(-1)
    assert repr(c) == "Contribution(-1)" and eval(repr(c), {"Contribution": ete_core.Contribution}) == c
    assert c.value == -1 and int(c) == -1
    assert ete_core.Contribution(2).increment() == ete_core.Contribution(2)
    assert ete_core.Contribution(-2) < ete_core.Contribution(1)
    assert len({ete_core.Contribution(1), ete_core.Contribution(1)}) == 1
    # A register's entry still gives the score as an int.
    lesson = ete_core.Lesson("L-1", "PRV-1", T0, T0 + datetime.timedelta(hours=1))
    register = ete_core.Register(lesson, ["LRN-1"])
    tutor, after = ete_core.Actor("provider", "T-1"), T0 + datetime.timedelta(hours=2)
    register.mark(tutor, "LRN-1", "present", after)
    register.set_contribution(tutor, "LRN-1", 1, after)
    assert register.entry("LRN-1").contribution == 1


def test_ledger_policy_sessions_and_notes_reprs_show_ids_and_counts_only():
    assert repr(ete_core.LedgerPolicy()) == (
        "<LedgerPolicy ete_share=30/100 adult_hours=(40, 300) youth_hours=(40, 240) "
        "completion_months=12 max_extension_months=24>"
    )
    sessions = ete_core.AccessSessions("Wales")
    sessions.schedule("S-1", "Library", datetime.date(2026, 12, 1), "SUP-1", 4, 2)
    sessions.book("S-1", "Zebedee Quist")
    assert repr(sessions) == "<AccessSessions region='Wales' sessions=1 loans=0 laptops_out=0>"
    notes = ete_core.RecordNotes("LRN-1")
    notes.add(ete_core.Actor("hub", "CAP-1"), "Zebedee arrived late", T0)
    assert repr(notes) == "<RecordNotes learner='LRN-1' notes=1>"


def test_requirement_status_is_core_dict_with_a_date():
    r = ete_core.Requirement("R-1", "P-1", "adult", 6000, datetime.date(2026, 1, 5))
    r.record(ete_core.LedgerEntry.work_appointment(datetime.date(2026, 2, 1), "S-1", 120, "attended", id="e1"))
    status = r.status(datetime.date(2026, 3, 1))
    assert set(status) == {
        "required", "adjustments", "completed", "ete_completed", "ete_allowance", "ete_remaining",
        "discount", "remaining", "end_date", "complete", "overdue", "incentive",
    }
    assert status["completed"] == 120 and status["remaining"] == 6000 - 120 - status["discount"]
    assert status["end_date"] == datetime.date(2027, 1, 5)
    assert set(status["incentive"]) == {
        "state", "qualifying", "threshold", "current_discount", "maximum_discount", "projected_discount",
    }
    assert isinstance(status["incentive"]["state"], str)


def test_class_docs_are_python_not_rust_doctests():
    for name in dir(ete_core):
        obj = getattr(ete_core, name)
        if isinstance(obj, type) and not issubclass(obj, BaseException):
            doc = obj.__doc__ or ""
            assert "```" not in doc and "use ete_core" not in doc, name
    assert ete_core.Completion.__text_signature__.startswith("(external_reference, course_name,")
    assert "A checked course completion" in inspect.getdoc(ete_core.Completion)


def test_read_policy_round_trips_through_json():
    policy = ete_core.ReadPolicy(earliest=datetime.date(2010, 1, 1))
    assert ete_core.ReadPolicy.from_json(policy.to_json()) == policy
    assert ete_core.ReadPolicy.from_json(ete_core.ReadPolicy().to_json()) == ete_core.ReadPolicy()


def test_completion_repr_uses_the_constructor_names_and_evaluates():
    c = ete_core.Completion("P-1", "CV writing", T0, "Passed", 95, 120, first_name="Zebedee", email="zq@example.org")
    text = repr(c)
    assert text == (
        "Completion(external_reference='P-1', course_name='CV writing', "
        "completion_date_time=datetime.datetime(2026, 11, 2, 14, 5, tzinfo=datetime.timezone.utc), "
        "status='Completed', total_time_minutes=95, expected_time_minutes=120)"
    )
    assert "Zebedee" not in text and "example.org" not in text
    again = eval(text, {"Completion": ete_core.Completion, "datetime": datetime})
    assert (again.person_ref, again.actual, again.guided) == ("P-1", 95, 120)


def test_transfer_file_repr_shows_no_file_name_or_initials():
    school = ete_core.Organisation("school", "SCH-1")
    f = ete_core.TransferFile("Zebedee Quist plan.pdf", school, "dsl", "CFC ZQ", "risk_assessment")
    assert repr(f) == "<TransferFile category='risk_assessment' role='dsl' recipient='SCH-1'>"
    assert f.name == "Zebedee Quist plan.pdf"
    assert repr(ete_core.TransferFile("a.pdf", None, "dsl", "CFC ZQ", "x")).endswith("recipient=None>")


def test_a_repr_escapes_control_characters_so_it_stays_one_line_of_python():
    """An id holding a newline, a carriage return or a NUL is escaped in reprs as Python's own
    repr escapes it: the repr stays one line (it cannot forge a log line) and evaluates."""
    import datetime

    odd = "P-\n1\r\x00\u2028"
    c = ete_core.Completion(odd, "C\t1", datetime.datetime(2026, 11, 2, tzinfo=datetime.timezone.utc), "Passed", 1, 1)
    text = repr(c)
    assert "\n" not in text and "\r" not in text and "\x00" not in text and "\u2028" not in text
    assert repr(odd) in text and repr("C\t1") in text
    assert repr(eval(text, {"ete_core": ete_core, "datetime": datetime, **vars(ete_core)})) == text
