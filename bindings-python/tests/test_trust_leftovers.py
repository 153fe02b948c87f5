"""Issue 14's hostile-caller leftovers through Python: a register's lesson and learners covered by
its opening hash, blank lessons and empty learner lists, placement formats and chains, time going
backwards, implausible dates, positioned parse errors, and datetimes where dates are expected."""

import datetime
import json

import pytest

import ete_core

UTC = datetime.timezone.utc
NINE = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
HOUR = datetime.timedelta(hours=1)


def _register():
    lesson = ete_core.Lesson("L-1", "PRV-1", NINE, NINE + HOUR)
    register = ete_core.Register(lesson, ["A", "B"])
    register.add_note(ete_core.Actor("provider", "T-1"), "A", "Arrived late", NINE + 2 * HOUR)
    return register


@pytest.mark.parametrize("field,value", [("id", "L-2"), ("provider", "PRV-9"), ("startsAt", "2026-11-24T08:00:00Z")])
def test_a_register_snapshot_with_a_changed_lesson_is_refused(field, value):
    snapshot = json.loads(_register().to_json())
    assert snapshot["format"] == 3
    snapshot["lesson"][field] = value
    if field == "id":
        snapshot["notes"][0]["lesson"] = value
    with pytest.raises(ete_core.MalformedInput, match="not those the register was opened with"):
        ete_core.Register.restore(json.dumps(snapshot))


def test_a_register_snapshot_with_an_added_learner_or_no_format_is_refused():
    snapshot = json.loads(_register().to_json())
    added = dict(snapshot, entries=dict(snapshot["entries"], X={"providerMark": None, "schoolDecision": None, "contribution": None}))
    with pytest.raises(ete_core.MalformedInput, match="opened with"):
        ete_core.Register.restore(json.dumps(added))
    del snapshot["format"]
    with pytest.raises(ete_core.MalformedInput, match="no format"):
        ete_core.Register.restore(json.dumps(snapshot))


@pytest.mark.parametrize("lesson_id,provider", [("", "PRV-1"), ("L-1", ""), ("", "")])
def test_a_blank_lesson_is_invalid_field(lesson_id, provider):
    with pytest.raises(ete_core.InvalidField, match="id" if not lesson_id else "provider"):
        ete_core.Lesson(lesson_id, provider, NINE, NINE + HOUR)


@pytest.mark.parametrize("learners", [[], ["A", "A"], [" "]])
def test_a_register_without_learners_or_with_one_twice_is_invalid_field(learners):
    lesson = ete_core.Lesson("L-1", "PRV-1", NINE, NINE + HOUR)
    with pytest.raises(ete_core.InvalidField, match="learners"):
        ete_core.Register(lesson, learners)


def _command(cid, role, at, action):
    return json.dumps({"id": cid, "actor": {"role": role, "id": "S-1"}, "at": at, "action": action})


APPLY = {"type": "apply", "application": {"tier": "tier_1", "school": "SCH-1", "provider": "PRV-1", "course": "CRS-1",
                                          "referralOn": "2026-11-02", "riskAssessedOn": "2026-11-02"}}


def test_a_placement_carries_a_format_and_chain_and_refuses_time_going_backwards():
    p = ete_core.Placement("PL-1", "LRN-1")
    p.execute(_command("c1", "school", "2026-11-02T09:00:00Z", APPLY))
    snapshot = json.loads(p.to_json())
    assert snapshot["format"] == 3 and snapshot["chain"] == [p.head_hash()]
    assert ete_core.verify_chain(p.to_json()) == p.head_hash()
    with pytest.raises(ete_core.InvalidField, match="^at .*before the placement's previous event"):
        p.execute(_command("c2", "hub", "0001-01-01T00:00:00Z", {"type": "accept", "on": "2026-11-03"}))
    assert p.status == "applied"
    snapshot["events"][0]["kind"]["application"]["course"] = "CRS-2"
    with pytest.raises(ete_core.MalformedInput, match="breaks at event 0"):
        ete_core.Placement.restore(json.dumps(snapshot))


def test_a_download_before_its_send_is_invalid_field_naming_at():
    policy = ete_core.RoutingPolicy()
    hub, school = ete_core.Organisation("hub", "HUB-1"), ete_core.Organisation("school", "SCH-1")
    exchange = ete_core.Exchange(policy)
    file = ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")
    exchange.confirm(ete_core.plan_transfer(policy, hub, "CAP-7", [file]), NINE)
    with pytest.raises(ete_core.InvalidField, match="at .*before file 1 was sent"):
        exchange.download(1, "SCH-1", "T-1", NINE - HOUR)
    with pytest.raises(ete_core.InvalidField, match="at "):
        exchange.download_all("SCH-1", "T-1", NINE - HOUR)
    assert exchange.download(1, "SCH-1", "T-1", NINE).file_id == 1


def _file(born):
    return json.dumps({"record": {"learner": "LRN-1", "school": "SCH-1", "provider": "PRV-1", "cohort": "C1", "course": "CRS-1",
                                  "details": {"forename": "Zebedee", "surname": "Quill", "dateOfBirth": born}}})


@pytest.mark.parametrize("born", ["+99999-01-01", "0001-01-01", "1899-12-31"])
def test_an_implausible_date_of_birth_is_invalid_field_naming_the_field_not_the_date(born):
    e = ete_core.Establishment(ete_core.Organisation("hub", "CAP"))
    with pytest.raises(ete_core.InvalidField, match="dateOfBirth") as refused:
        e.insert(_file(born))
    assert born.lstrip("+") not in str(refused.value)
    assert e.insert(_file("2010-05-01")).added == 1


def test_a_learner_record_parse_error_names_its_real_line():
    e = ete_core.Establishment(ete_core.Organisation("hub", "CAP"))
    with pytest.raises(ete_core.MalformedInput, match="line 3") as refused:
        e.import_record('{\n "format": "ete-core/learner-record",\n "version": "one"\n}')
    assert "line 0" not in str(refused.value)


def test_a_datetime_where_a_date_is_expected_is_a_type_error():
    e = ete_core.Establishment(ete_core.Organisation("hub", "CAP"))
    e.insert(_file("2010-05-01"))
    with pytest.raises(TypeError, match="datetime.datetime"):
        e.row("LRN-1", NINE)
    with pytest.raises(TypeError, match="datetime.datetime"):
        ete_core.check_referral(NINE, datetime.date(2026, 11, 2))
    with pytest.raises(TypeError, match="datetime.datetime"):
        ete_core.Requirement("R-1", "P-1", "adult", 6000, NINE)
    with pytest.raises(TypeError, match="datetime.datetime"):
        ete_core.ReadPolicy(earliest=NINE)
    for make in (
        lambda on: ete_core.LedgerEntry.work_appointment(on, "SUP-1", 60, "attended"),
        lambda on: ete_core.LedgerEntry.ete_credit(on, "SUP-1", 60, "Maths"),
        lambda on: ete_core.LedgerEntry.adjustment(on, "SUP-1", -60),
        lambda on: ete_core.LedgerEntry.extension(on, "SUP-1", 1),
        lambda on: ete_core.Completion("X-1", "Maths", NINE, "Completed", 60, 60, date_of_birth=on),
        lambda on: ete_core.date_text(on, "cy"),
    ):
        with pytest.raises(TypeError, match="datetime.datetime"):
            make(NINE)
        make(datetime.date(2026, 11, 2))
    assert e.row("LRN-1", datetime.date(2026, 11, 2)).learner == "LRN-1"


def test_a_computed_date_past_9999_is_invalid_field_not_value_error():
    e = ete_core.Establishment(ete_core.Organisation("hub", "CAP"))
    record = json.loads(_file("2010-05-01"))
    record["record"]["assessments"] = [{"id": "A1", "subject": "maths", "on": "2026-01-01", "provider": "PRV-1", "outcome": "x"}]
    e.insert(json.dumps(record))
    # An assessment policy out of 1..=600 months is refused before any date is computed.
    for months in (0, 601, 4_000_000_000):
        with pytest.raises(ete_core.InvalidPolicy, match=f"validMonths is {months}: expected 1..=600"):
            e.needs_assessment("LRN-1", "maths", datetime.date(2026, 2, 1), valid_months=months)
    assert e.needs_assessment("LRN-1", "maths", datetime.date(2026, 2, 1), valid_months=600).decision == "reuse"
    requirement = ete_core.Requirement("R-1", "P-1", "adult", 6000, datetime.date(9999, 6, 1))
    with pytest.raises(ete_core.InvalidField, match="end_date"):
        requirement.status(datetime.date(9999, 7, 1))


def test_a_changed_pool_log_is_refused_naming_the_first_changed_event():
    pool = ete_core.LicencePool("Wales", 1, NINE)
    pool.request("c1", "A", NINE, "P-1")
    pool.request("c2", "A", NINE, "P-2")
    snapshot = json.loads(pool.to_json())
    assert snapshot["format"] == 4 and snapshot["chain"][-1] == pool.head_hash()
    log = json.loads(pool.events_json())
    assert ete_core.LicencePool.restore(pool.to_json(), json.dumps(log)).to_json() == pool.to_json()
    log[1]["actor"] = "B"
    with pytest.raises(ete_core.MalformedInput, match="^event 1: the hash chain breaks: "):
        ete_core.LicencePool.restore(pool.to_json(), json.dumps(log))


def test_a_staff_expiry_past_9999_is_invalid_field_not_value_error():
    record = {"id": "S-1", "name": "N", "roles": [], "completions": [{"course": "wrap3", "completedOn": "9999-06-01"}]}
    policy = ete_core.StaffPolicy()
    with pytest.raises(ete_core.InvalidField, match="expires_on"):
        ete_core.mandatory_status(policy, record, datetime.date(9999, 7, 1))
    with pytest.raises(ete_core.InvalidField, match="date"):
        ete_core.team_compliance(policy, [record], datetime.date(9999, 7, 1), 30)
    assert ete_core.mandatory_status(policy, dict(record, completions=[]), datetime.date(2026, 7, 1))


def test_a_pool_command_dated_before_the_pool_opened_is_invalid_field():
    pool = ete_core.LicencePool("Wales", 1, NINE)
    with pytest.raises(ete_core.InvalidField, match="invalid at: .*before the pool was opened"):
        pool.request("c1", "A", NINE - HOUR, "P-1")
    assert json.loads(pool.to_json())["openedAt"] == "2026-11-24T09:00:00Z"


def test_a_requirement_chain_without_its_format_is_refused():
    requirement = ete_core.Requirement("R-1", "P-1", "adult", 6000, datetime.date(2026, 1, 5))
    requirement.record(ete_core.LedgerEntry.extension(datetime.date(2026, 1, 6), "SUP-1", 1, id="e1"))
    snapshot = json.loads(requirement.to_json())
    assert snapshot["format"] == 3 and snapshot["chain"]
    for stripped in ({k: v for k, v in snapshot.items() if k != "format"}, {**snapshot, "format": 1}):
        with pytest.raises(ete_core.MalformedInput, match="format 1"):
            ete_core.Requirement.from_json(json.dumps(stripped))


def test_a_requirement_or_placement_with_edited_terms_policy_id_or_learner_is_refused():
    """The opening hash (format 3) covers what lay outside the chain: the requirement's terms
    and embedded policy, the placement's id, learner and riskAssessmentMonths."""
    requirement = ete_core.Requirement("R-1", "P-1", "adult", 6000, datetime.date(2026, 1, 5))
    requirement.record(ete_core.LedgerEntry.extension(datetime.date(2026, 1, 6), "SUP-1", 1, id="e1"))
    snapshot = json.loads(requirement.to_json())
    assert snapshot["opening"] != "0" * 64
    for part, key, value in (("terms", "required", 3000), ("terms", "kind", "youth"),
                             ("policy", "completionMonths", 18)):
        edited = json.loads(requirement.to_json())
        edited[part][key] = value
        with pytest.raises(ete_core.MalformedInput, match="opening hash differs"):
            ete_core.Requirement.from_json(json.dumps(edited))
    p = ete_core.Placement("PL-1", "LRN-1")
    p.execute(_command("c1", "school", "2026-11-02T09:00:00Z", APPLY))
    for key, value in (("id", "PL-2"), ("learner", "LRN-2"), ("referralPolicy", {"riskAssessmentMonths": 12})):
        edited = json.loads(p.to_json())
        edited[key] = value
        with pytest.raises(ete_core.MalformedInput, match="opening hash differs"):
            ete_core.Placement.restore(json.dumps(edited))


@pytest.mark.parametrize("months", [0, 61, 2**32 - 1])
def test_a_referral_policy_out_of_range_is_invalid_policy(months):
    """T-8's referral policy keeps a risk assessment 1..=60 months: a placement or a referral
    check with any other count is InvalidPolicy naming the field, the value and the range."""
    with pytest.raises(ete_core.InvalidPolicy, match=f"riskAssessmentMonths is {months}: expected 1..=60"):
        ete_core.Placement("PL-1", "LRN-1", risk_assessment_months=months)
    with pytest.raises(ete_core.InvalidPolicy, match="riskAssessmentMonths"):
        ete_core.check_referral(datetime.date(2026, 11, 2), datetime.date(2026, 11, 2), months)
    assert ete_core.Placement("PL-1", "LRN-1", risk_assessment_months=60).status is None
