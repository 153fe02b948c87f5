"""Issue 14 through Python: policies out of range, tampered counters, names the routing policy
does not list, implausible values and hostile readers get typed refusals, and no reject quotes a
personal value of the file it read."""

import csv
import datetime
import io
import json
import pathlib

import pytest

import ete_core

UTC = datetime.timezone.utc
T0 = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
D = datetime.date
DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"
HEADER = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes"

try:
    import numpy as np
except ImportError:  # the release venv has no numpy
    np = None

needs_numpy = pytest.mark.skipif(np is None, reason="numpy is not installed")


@pytest.mark.parametrize(
    ("policy", "field", "value"),
    [
        ({"eteShare": {"numerator": 1000, "denominator": 1}}, "eteShare", "1000/1"),
        ({"completionMonths": 0}, "completionMonths", "0"),
        ({"adultHours": [300, 40]}, "adultHours", "[300, 40]"),
        (
            {"incentive": {"threshold": {"numerator": 1, "denominator": 4}, "discountRate": {"numerator": 10, "denominator": 1}}},
            "incentive.discountRate",
            "10/1",
        ),
    ],
)
def test_a_ledger_policy_out_of_range_is_invalid_policy_naming_field_and_value(policy, field, value):
    with pytest.raises(ete_core.InvalidPolicy) as e:
        ete_core.LedgerPolicy.from_json(json.dumps(policy))
    assert f"{field} = {value}" in str(e.value)


def test_a_requirement_snapshot_cannot_smuggle_in_a_policy():
    r = ete_core.Requirement("R-1", "P-1", "adult", 6000, D(2026, 1, 5))
    snapshot = json.loads(r.to_json())
    snapshot["policy"]["eteShare"] = {"numerator": 1000, "denominator": 1}
    with pytest.raises(ete_core.InvalidPolicy, match="eteShare"):
        ete_core.Requirement.from_json(json.dumps(snapshot))


def test_adjustments_and_extensions_are_bounded():
    r = ete_core.Requirement("R-1", "P-1", "adult", 6000, D(2026, 1, 5))
    with pytest.raises(ete_core.InvalidField, match="below zero"):
        r.record(ete_core.LedgerEntry.adjustment(D(2026, 2, 1), "CA-1", -(2**53 - 1), id="a1"))
    with pytest.raises(ete_core.InvalidField, match="maxExtensionMonths"):
        r.record(ete_core.LedgerEntry.extension(D(2026, 2, 1), "CA-1", 100_000, id="x1"))
    assert r.status(D(2026, 3, 1))["remaining"] == 6000


def test_a_pool_snapshot_with_impossible_counters_is_refused():
    pool = ete_core.LicencePool("Wales", 1, T0)
    pool.request("c1", "A", T0, "P-1")
    for field in ("events", "releases", "releasedDays"):
        snapshot = json.loads(pool.to_json())
        snapshot[field] = 2**64 - 1
        with pytest.raises(ete_core.MalformedInput, match="invalid snapshot"):
            ete_core.LicencePool.restore(json.dumps(snapshot), pool.events_json())


def test_decide_denies_names_the_policy_does_not_list():
    policy = ete_core.RoutingPolicy()
    school, hub = ete_core.Organisation("school", "SCH-1"), ete_core.Organisation("hub", "CAP")
    d = ete_core.decide(policy, school, hub, "dsl", "risk_asessment")
    assert (d.allowed, d.reason) == (False, "unknown_category")


def test_sentinel_dates_are_rejects_naming_record_and_field():
    text = f"{HEADER}\nP-1,C,2026-11-02T14:05:00Z,Completed,95,120\nP-2,C,0001-01-01T00:00:00Z,Completed,95,120\n"
    out = ete_core.read_completions_csv(text)
    assert len(out.completions) == 1
    assert [(r.position, r.field) for r in out.rejects] == [(1, "completionDateTime")]
    with pytest.raises(ete_core.RejectedRecords):
        ete_core.read_completions_csv(text, strict=True)


def test_duplicate_columns_and_keys_are_malformed_and_a_bom_is_accepted():
    with pytest.raises(ete_core.MalformedInput, match="totalTimeMinutes"):
        ete_core.read_completions_csv(f"{HEADER},totalTimeMinutes\nP-1,C,2026-11-02T14:05:00Z,Completed,95,120,9000\n")
    record = {
        "externalReference": "P-1", "courseName": "C", "completionDateTime": "2026-11-02T14:05:00Z",
        "status": "Completed", "totalTimeMinutes": 95, "expectedTimeMinutes": 120,
    }
    text = json.dumps([record])
    twice = text.replace('"totalTimeMinutes": 95', '"totalTimeMinutes": 95, "totalTimeMinutes": 9000')
    with pytest.raises(ete_core.MalformedInput, match="totalTimeMinutes"):
        ete_core.read_completions_json(twice)
    assert len(ete_core.read_completions_json("\ufeff" + text, strict=True).completions) == 1


def test_ete_totals_refuses_required_outside_h9():
    for required in (0, 10**9):
        with pytest.raises(ete_core.InvalidField, match="required"):
            ete_core.ete_totals([0], [60], [required])


@needs_numpy
def test_find_repeats_refuses_nat():
    times = np.array(["2026-11-02T09:00", "NaT"], dtype="datetime64[s]")
    with pytest.raises(ete_core.InvalidField, match="NaT"):
        ete_core.find_repeats(np.array([1, 1]), np.array([5, 5]), times, np.array([True, True]))


def test_no_reject_of_a_shifted_sample_export_contains_a_personal_value():
    rows = list(csv.reader(io.StringIO((DATA / "completions.csv").read_text())))
    header, body = rows[0], rows[1:]
    personal = {
        value
        for row in body
        for name, value in zip(header, row)
        if name in ("firstName", "lastName", "dateOfBirth", "email") and value
    }
    assert len(personal) > 5
    seen = 0
    for shift in range(1, len(header)):
        shifted = [row[shift:] + row[:shift] for row in body]
        out_text = io.StringIO()
        csv.writer(out_text, lineterminator="\n").writerows([header, *shifted])
        out = ete_core.read_completions_csv(out_text.getvalue())
        texts = [f"{r.field} {r.reason} {r!r}" for r in out.rejects]
        try:
            ete_core.read_completions_csv(out_text.getvalue(), strict=True)
        except ete_core.EteError as e:
            texts.append(str(e))
        for text in texts:
            for value in personal:
                assert value not in text, f"shift {shift}: {text}"
        seen += len(out.rejects)
    assert seen > 50
