"""The Python API: types, errors, personal data, threads."""

import datetime
import threading

import pytest

import ete_core

UTC = datetime.timezone.utc


def completion(ref="P-1", course="Digital skills", actual=150, guided=120, status="Completed", **kw):
    return ete_core.Completion(ref, course, datetime.datetime(2026, 11, 2, 14, 5, tzinfo=UTC), status, actual, guided, **kw)


def test_every_error_is_an_ete_error_subclass():
    for name in ["InvalidMinutes", "InvalidRatio", "InvalidField", "MalformedInput", "RejectedRecords", "InvalidPolicy"]:
        assert issubclass(getattr(ete_core, name), ete_core.EteError)
    assert issubclass(ete_core.EteError, Exception)


def test_bad_minutes_quote_the_input():
    with pytest.raises(ete_core.InvalidMinutes, match='"2:75"'):
        ete_core.parse_minutes("2:75")


def test_negative_minutes_are_refused_at_the_boundary():
    with pytest.raises(ete_core.InvalidMinutes):
        completion(actual=-1)


def test_guided_time_of_zero_names_the_field_and_rule():
    with pytest.raises(ete_core.InvalidField, match=r"expectedTimeMinutes.*H-1"):
        completion(guided=0)


def test_unknown_status_is_invalid_field():
    with pytest.raises(ete_core.InvalidField, match="status"):
        completion(status="Done")


def test_a_naive_datetime_is_refused():
    with pytest.raises(TypeError):
        ete_core.Completion("P-1", "C", datetime.datetime(2026, 11, 2), "Completed", 1, 1)


def test_repr_and_errors_never_show_personal_data(sample_completion_json):
    c = completion(first_name="Alex", last_name="Example", email="alex@example.invalid", date_of_birth=datetime.date(1990, 1, 2))
    shown = repr(c) + str(c) + repr(ete_core.credit_batch([c]))
    for secret in ["Alex", "Example", "alex@example.invalid", "1990"]:
        assert secret not in shown
    # The personal fields are still there for certificates.
    assert (c.first_name, c.email, c.date_of_birth) == ("Alex", "alex@example.invalid", datetime.date(1990, 1, 2))
    bad = sample_completion_json.replace('"1990-01-02"', '"02/01/1990"')
    with pytest.raises(ete_core.RejectedRecords) as raised:
        ete_core.read_completions_json(bad, strict=True)
    assert "02/01/1990" not in str(raised.value) + repr(raised.value.rejects)


def test_strict_read_lists_every_reject_with_position():
    text = (
        "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes\n"
        "P-1,A,2026-11-02T14:05:00Z,Completed,30,0\n"
        "P-2,B,2026-11-02T14:05:00Z,Completed,30,45\n"
        "P-3,C,2026-11-02T14:05:00Z,Nope,30,45\n"
    )
    with pytest.raises(ete_core.RejectedRecords) as raised:
        ete_core.read_completions_csv(text, strict=True)
    assert [(r.position, r.line, r.field) for r in raised.value.rejects] == [(0, 2, "expectedTimeMinutes"), (2, 4, "status")]
    lenient = ete_core.read_completions_csv(text)
    assert [c.person_ref for c in lenient.completions] == ["P-2"]


def test_decisions_convert_to_plain_rows():
    agreement = ete_core.ExtraTimeAgreement("P-1", "PR-7", datetime.date(2026, 10, 1), "neurodiversity")
    [d] = ete_core.credit_batch([completion(actual=200)], [agreement])
    assert d.to_dict() == {
        "position": 0,
        "person_ref": "P-1",
        "course_name": "Digital skills",
        "date": datetime.date(2026, 11, 2),
        "actual": 200,
        "guided": 120,
        "cap": 144,
        "credited": 144,
        "reason": "capped_at_allowance",
        "allowance_percent": 20,
        "repeat": False,
        "requirement_id": None,
    }
    assert "allowance" in d.explanation


def test_unknown_agreement_category_is_invalid_field():
    with pytest.raises(ete_core.InvalidField, match="category"):
        ete_core.ExtraTimeAgreement("P-1", "PR-7", datetime.date(2026, 10, 1), "diagnosis: ...")


def test_policy_round_trips_through_json():
    p = ete_core.CreditPolicy(25, True)
    q = ete_core.CreditPolicy.from_json(p.to_json())
    assert (q.allowance_percent, q.credit_repeats) == (25, True)


def test_completion_json_is_the_portal_shape():
    c = completion()
    back = ete_core.read_completions_json("[" + c.to_json() + "]", strict=True).completions[0]
    assert (back.person_ref, back.actual, back.guided, back.completed_at) == ("P-1", 150, 120, c.completed_at)


def test_credit_batch_from_many_threads_gives_the_same_answer():
    completions = [completion(ref=f"P-{i % 50}", actual=i % 300) for i in range(2_000)]
    expected = [(d.credited, d.reason) for d in ete_core.credit_batch(completions)]
    results = []

    def work():
        results.append([(d.credited, d.reason) for d in ete_core.credit_batch(completions)])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and all(r == expected for r in results)


def test_a_course_needs_guided_time_and_language_tags():
    course = ete_core.Course("CC-101", "Budgeting", "Meganexus", "Online", ["en", "cy", "pl"], 60)
    assert (course.id, course.languages, course.guided) == ("CC-101", ["en", "cy", "pl"], 60)
    with pytest.raises(ete_core.InvalidField, match="guided"):
        ete_core.Course("CC-102", "Empty", "Meganexus", "Online", ["en"], 0)
    with pytest.raises(ete_core.InvalidField, match="languages"):
        ete_core.Course("CC-103", "Bad tag", "Meganexus", "Online", ["english language"], 30)


def test_a_zone_aware_datetime_in_london_summer_time_is_converted_to_utc():
    from zoneinfo import ZoneInfo

    local = datetime.datetime(2026, 7, 1, 0, 30, tzinfo=ZoneInfo("Europe/London"))
    c = ete_core.Completion("P-1", "C", local, "Completed", 1, 1)
    assert c.completed_at == datetime.datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert c.local_date == datetime.date(2026, 7, 1)
