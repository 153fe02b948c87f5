"""Staff learning and eligibility (S-1..S-4) from Python: core's own types, dates as
datetime.date, errors as EteError subclasses, and no personal data in repr or errors."""

import datetime

import pytest

import ete_core

NAME = "Morgan Privateperson"
RECORD = {
    "id": "S-1",
    "name": NAME,
    "roles": [{"role": "po", "startedOn": "2019-01-07"}, {"role": "assessor", "startedOn": "2025-08-31"}],
    "workingTowards": [{"name": "a1", "startedOn": "2025-09-01"}],
    "cpdReviewedOn": "2026-03-01",
    "completions": [{"course": "wrap3", "completedOn": "2024-01-31"}],
}


def test_task_decision_reads_dates_as_dates():
    d = ete_core.task_decision(ete_core.StaffPolicy(), RECORD, "assess_l3_vq", datetime.date(2026, 8, 31))
    assert d.status == "eligible_working_towards"
    assert d.due == datetime.date(2026, 8, 31)
    assert d.person == "S-1"


def test_overdue_names_its_first_day():
    d = ete_core.task_decision(ete_core.StaffPolicy(), RECORD, "assess_l3_vq", datetime.date(2026, 9, 1))
    assert (d.status, d.since) == ("overdue", datetime.date(2026, 9, 1))


def test_missing_requirements_are_core_records():
    d = ete_core.task_decision(ete_core.StaffPolicy(), RECORD, "internal_verification", datetime.date(2026, 6, 1))
    assert d.status == "not_eligible"
    assert [m.kind for m in d.missing] == ["qualification", "prerequisite"]
    assert d.missing[1].months == 12


def test_repr_and_errors_never_show_the_name():
    policy = ete_core.StaffPolicy()
    on = datetime.date(2026, 8, 15)
    shown = [
        repr(ete_core.task_decision(policy, RECORD, "assess_l3_vq", on)),
        repr(ete_core.mandatory_status(policy, RECORD, on)),
        repr(ete_core.pqip_decision(policy, RECORD, "pso", on)),
        repr(ete_core.team_compliance(policy, [RECORD], on, 30).rows),
        ete_core.team_compliance(policy, [RECORD], on, 30).to_csv(),
    ]
    for text in shown:
        assert "Morgan" not in text and "S-1" in text
    with pytest.raises(ete_core.MalformedInput) as raised:
        ete_core.task_decision(policy, dict(RECORD, cpdReviewedOn=NAME), "assess_l3_vq", on)
    assert "Morgan" not in str(raised.value)


def test_unknown_route_is_invalid_field_listing_the_codes():
    with pytest.raises(ete_core.InvalidField) as raised:
        ete_core.pqip_decision(ete_core.StaffPolicy(), RECORD, "graduate", datetime.date(2026, 1, 1))
    assert "level5" in str(raised.value)


def test_policy_out_of_range_names_field_value_and_range():
    with pytest.raises(ete_core.InvalidPolicy) as raised:
        ete_core.StaffPolicy.from_json('{"gfie": {"windowMonths": 0}}')
    assert "gfie.windowMonths is 0: expected 1..=600 (S-4)" in str(raised.value)


def test_mandatory_learning_counts_the_older_course():
    [s] = ete_core.mandatory_status(ete_core.StaffPolicy(), RECORD, datetime.date(2027, 1, 15))
    assert (s.state, s.counted, s.expires_on) == ("due_soon", "wrap3", datetime.date(2027, 1, 31))


def test_gfie_vacancy_and_feedback():
    policy = ete_core.StaffPolicy()
    v = {"id": "V-1", "band": "moj_band_d", "fixedTermMonths": 12, "clearances": [], "approvedBy": "deputy_director"}
    assert ete_core.vacancy_decision(policy, v).qualifies
    assert ete_core.vacancy_decision(policy, dict(v, clearances=["dv"])).reasons == ["clearance_required"]
    assert ete_core.feedback_due(policy, datetime.date(2026, 12, 29)) == datetime.date(2027, 1, 3)


def test_compliance_report_rows_and_csv():
    report = ete_core.team_compliance(ete_core.StaffPolicy(), [RECORD], datetime.date(2026, 8, 15), 30)
    assert len(report.rows) == 7
    soon = [r for r in report.needing_attention() if r.attention == "due_soon"]
    assert [(r.item, r.date, r.days) for r in soon] == [("assess_l3_vq", datetime.date(2026, 8, 31), 16)]
    assert report.to_csv().splitlines()[0] == "person,kind,item,status,date,days,attention"


def test_within_days_out_of_range_is_invalid_field() -> None:
    for bad in (-1, 2**70):
        with pytest.raises(ete_core.InvalidField):
            ete_core.team_compliance(ete_core.StaffPolicy(), [RECORD], datetime.date(2026, 8, 15), bad)
    with pytest.raises(TypeError):
        ete_core.team_compliance(ete_core.StaffPolicy(), [RECORD], datetime.date(2026, 8, 15), True)
