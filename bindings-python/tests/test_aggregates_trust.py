"""Issues 13 and 14 for the aggregates, through Python: a lesson ending at or before its start,
the completion readers' date policy, a requirement's replay, format versions and hash chains."""

import datetime

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
