"""Issues 13 and 14 for the aggregates, through Python: a lesson ending at or before its start,
the completion readers' date policy, a requirement's replay, format versions and hash chains."""

import datetime
import json

import pytest

import ete_core

UTC = datetime.timezone.utc
NINE = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
CSV = (
    "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes\n"
    "P-1,Budgeting,2026-11-02T14:05:00Z,Completed,95,120\n"
    "P-2,Budgeting,2019-06-01T10:00:00Z,Completed,95,120\n"
)


@pytest.mark.parametrize("minutes", [0, -1])
def test_a_lesson_ending_at_or_before_its_start_is_refused_naming_ends_at(minutes):
    with pytest.raises(ete_core.InvalidField, match="ends_at"):
        ete_core.Lesson("L-1", "PRV-1", NINE, NINE + datetime.timedelta(minutes=minutes))


def test_the_readers_take_core_s_reading_policy():
    default = ete_core.ReadPolicy()
    assert default == ete_core.ReadPolicy.from_json("{}")
    assert len(ete_core.read_completions_csv(CSV).completions) == 2
    assert len(ete_core.read_completions_csv(CSV, policy=default).completions) == 2
    narrow = ete_core.ReadPolicy(earliest=datetime.date(2020, 1, 1))
    assert narrow.latest == default.latest  # a date not given is core's default
    read = ete_core.read_completions_csv(CSV, policy=narrow)
    assert len(read.completions) == 1
    assert [r.field for r in read.rejects] == ["completionDateTime"]
    assert len(ete_core.read_completions_json("[]", policy=narrow).completions) == 0
    with pytest.raises(ete_core.InvalidPolicy, match="earliest"):
        ete_core.ReadPolicy(earliest=datetime.date(2101, 1, 1))
    with pytest.raises(ete_core.InvalidPolicy):
        ete_core.ReadPolicy.from_json('{"earliest": "2101-01-01"}')


def _exchange():
    policy = ete_core.RoutingPolicy()
    hub, school = ete_core.Organisation("hub", "HUB-1"), ete_core.Organisation("school", "SCH-1")
    exchange = ete_core.Exchange(policy)
    file = ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")
    exchange.confirm(ete_core.plan_transfer(policy, hub, "CAP-7", [file, file]), NINE)
    exchange.download_all("SCH-1", "T-1", NINE)
    return exchange


def test_every_aggregate_has_a_head_hash_and_a_broken_chain_is_refused_naming_its_position():
    exchange = _exchange()
    snapshot = json.loads(exchange.to_json())
    assert snapshot["format"] == 2 and len(snapshot["chain"]) == 4
    assert ete_core.verify_chain(exchange.to_json()) == exchange.head_hash()
    # Who downloaded, edited in the event and the receipt: the fold agrees, the chain does not.
    snapshot["events"][2]["actor"] = "T-2"
    snapshot["receipts"][0]["by"] = "T-2"
    with pytest.raises(ete_core.MalformedInput, match="hash chain breaks at event 2"):
        ete_core.verify_chain(json.dumps(snapshot))
    with pytest.raises(ete_core.MalformedInput, match="hash chain breaks at event 2"):
        ete_core.Exchange.from_json(json.dumps(snapshot))

    lesson = ete_core.Lesson("L-1", "PRV-1", NINE, NINE + datetime.timedelta(hours=1))
    register = ete_core.Register(lesson, ["A"])
    empty = register.head_hash()
    register.add_note(ete_core.Actor("hub", "CAP-1"), "A", "Arrived late", NINE + datetime.timedelta(hours=1))
    assert register.head_hash() != empty != "0" * 64  # the opening hash covers the lesson
    assert ete_core.verify_chain(register.to_json()) == register.head_hash()

    requirement = ete_core.Requirement("R-1", "P-1", "adult", 6000, datetime.date(2026, 1, 5))
    requirement.record(ete_core.LedgerEntry.extension(datetime.date(2026, 1, 6), "SUP-1", 1, id="e1"))
    assert ete_core.verify_chain(requirement.to_json()) == requirement.head_hash()
    edited = json.loads(requirement.to_json())
    edited["entries"][0]["months"] = 2
    with pytest.raises(ete_core.MalformedInput, match="hash chain breaks at event 0"):
        ete_core.Requirement.from_json(json.dumps(edited))

    pool = ete_core.LicencePool("Wales", 2, NINE)
    head = pool.head_hash()
    pool.request("c1", "ADMIN-1", NINE, "P-1")
    assert pool.head_hash() not in (None, head)


def test_snapshots_carry_a_format_and_a_newer_one_is_refused():
    exchange = _exchange()
    for snapshot, restore in [
        (exchange.to_json(), ete_core.Exchange.from_json),
        (ete_core.Register(ete_core.Lesson("L-1", "P", NINE, NINE + datetime.timedelta(hours=1)), ["A"]).to_json(),
         ete_core.Register.restore),
        (ete_core.Requirement("R-1", "P-1", "adult", 6000, datetime.date(2026, 1, 5)).to_json(),
         ete_core.Requirement.from_json),
    ]:
        newer = dict(json.loads(snapshot), format=99)
        assert json.loads(snapshot)["format"] in (2, 3)  # a register writes format 3 (its opening hash)
        with pytest.raises(ete_core.MalformedInput, match="format 99 is newer"):
            restore(json.dumps(newer))
