"""The columnar API (numpy arrays) against the pure-Python reference in benches/python, the row
API and the record API, on random data; what pandas and polars hand over; bad input."""

from __future__ import annotations

import datetime
import pathlib
import sys
import threading

import numpy as np
import pandas as pd
import polars as pl
import pytest

import ete_core

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benches" / "python"))
import reference  # noqa: E402

UTC = datetime.timezone.utc
MAX = 2**53 - 1
REASONS = np.asarray(ete_core.CREDIT_REASONS)


def random_completions(seed: int, n: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    guided = rng.integers(1, 240, n)
    # Around the guided time and the 120% cap, with the extremes mixed in.
    actual = guided + rng.integers(-60, 90, n)
    actual = np.where(actual < 0, 0, actual)
    actual[rng.random(n) < 0.01] = MAX
    guided[rng.random(n) < 0.01] = MAX
    return {
        "actual": actual.astype(np.int64),
        "guided": guided.astype(np.int64),
        "passed": rng.random(n) > 0.1,
        "repeat": rng.random(n) < 0.1,
        "extra_time": rng.random(n) < 0.3,
    }


@pytest.mark.parametrize("seed", range(5))
def test_credit_columns_equal_the_reference_and_the_row_api(seed: int) -> None:
    c = random_completions(seed, 5_000)
    out = ete_core.credit_columns(**c)
    assert out["credited"].dtype == np.int64 and out["reason"].dtype == np.uint8
    expected_minutes, expected_reasons = reference.credit_all(
        *(c[k].tolist() for k in ("actual", "guided", "passed", "repeat", "extra_time"))
    )
    assert out["credited"].tolist() == expected_minutes
    assert REASONS[out["reason"]].tolist() == expected_reasons
    rows = [
        ete_core.credit_row(a, g, p, r, e)
        for a, g, p, r, e in zip(*(c[k].tolist() for k in c))
    ]
    assert rows == list(zip(expected_minutes, expected_reasons))
    assert ete_core.credit_rows(zip(*(c[k].tolist() for k in c))) == (expected_minutes, expected_reasons)


def test_row_api_follows_the_policy_and_names_the_bad_row() -> None:
    policy = ete_core.CreditPolicy(50, True)
    assert ete_core.credit_rows([(170, 120, True, True, True)], policy) == ([170], ["within_allowance"])
    with pytest.raises(ete_core.InvalidMinutes, match=r"guided\[1\] = -1"):
        ete_core.credit_rows([(1, 1, True, False, False), (1, -1, True, False, False)])
    with pytest.raises(ete_core.InvalidField, match=r"rows\[0\]: expected a tuple"):
        ete_core.credit_rows([("1", 1, True, False, False)])


def test_credit_columns_follow_the_policy() -> None:
    c = random_completions(9, 2_000)
    policy = ete_core.CreditPolicy(35, True)
    out = ete_core.credit_columns(**c, policy=policy)
    expected = [
        reference.credit(a, g, p, r, e, allowance_percent=35, credit_repeats=True)
        for a, g, p, r, e in zip(*(c[k].tolist() for k in c))
    ]
    assert list(zip(out["credited"].tolist(), REASONS[out["reason"]].tolist())) == expected


def test_optional_columns_default_to_false() -> None:
    out = ete_core.credit_columns(np.array([150, 50]), np.array([120, 60]), np.array([True, True]))
    assert out["credited"].tolist() == [120, 50]
    assert REASONS[out["reason"]].tolist() == ["capped_at_guided_time", "within_guided_time"]


def test_columns_equal_credit_batch_on_random_completions() -> None:
    rng = np.random.default_rng(7)
    n = 3_000
    person = rng.integers(0, 300, n)
    course = rng.integers(0, 8, n)
    minute = rng.integers(0, 60 * 24 * 20, n)  # 20 days of November 2026, whole minutes
    passed = rng.random(n) > 0.15
    guided = rng.integers(1, 200, n)
    actual = rng.integers(0, 300, n)
    agreed = rng.random(300) < 0.3  # per person: an agreement dated well before
    start = datetime.datetime(2026, 11, 1, tzinfo=UTC)
    completions = [
        ete_core.Completion(
            f"P-{p}", f"Course {c}", start + datetime.timedelta(minutes=int(m)),
            "Completed" if ok else "Failed", int(a), int(g),
        )
        for p, c, m, ok, a, g in zip(person, course, minute, passed, actual, guided)
    ]
    agreements = [
        ete_core.ExtraTimeAgreement(f"P-{p}", "S-1", datetime.date(2026, 1, 5), "neurodiversity")
        for p in np.flatnonzero(agreed)
    ]
    decisions = ete_core.credit_batch(completions, agreements)
    repeat = ete_core.find_repeats(person, course, minute, passed)
    assert repeat.tolist() == reference.find_repeats(
        person.tolist(), course.tolist(), minute.tolist(), passed.tolist()
    )
    out = ete_core.credit_columns(actual, guided, passed, repeat, agreed[person])
    assert out["credited"].tolist() == [d.credited for d in decisions]
    assert REASONS[out["reason"]].tolist() == [d.reason for d in decisions]


def test_find_repeats_takes_datetime64() -> None:
    times = np.array(["2026-11-02T10:00", "2026-11-01T10:00"], dtype="datetime64[s]")
    repeat = ete_core.find_repeats(np.array([1, 1]), np.array([5, 5]), times, np.array([True, True]))
    assert repeat.tolist() == [True, False]  # the later one repeats, whatever the input order


@pytest.mark.parametrize("seed", range(3))
def test_ete_totals_equal_the_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    r = 500
    required = rng.integers(40 * 60, 300 * 60, r)
    requirement = rng.integers(0, r, 20_000)
    minutes = rng.integers(0, 400, 20_000)
    out = ete_core.ete_totals(requirement, minutes, required)
    expected = reference.ete_totals(requirement.tolist(), minutes.tolist(), required.tolist())
    assert {k: v.tolist() for k, v in out.items()} == expected
    assert (out["credited"] <= out["allowance"]).all()


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64])
def test_attendance_equals_the_reference(dtype: type) -> None:
    rng = np.random.default_rng(3)
    learner = rng.integers(0, 400, 30_000)
    # Mostly present, some of every other mark and some unmarked (-1).
    mark = np.where(rng.random(30_000) < 0.7, 0, rng.integers(-1, 8, 30_000)).astype(dtype)
    out = ete_core.attendance_by_learner(learner, mark, 401)
    expected = reference.attendance(learner.tolist(), mark.tolist(), 401)
    assert {k: v.tolist() for k, v in out.items()} == expected
    assert out["possible"][400] == 0 and not out["persistent"][400]


def test_attendance_counts_learners_from_the_data_when_not_told() -> None:
    out = ete_core.attendance_by_learner(np.array([0, 2]), np.array([0, 4], dtype=np.int8))
    assert len(out["possible"]) == 3 and out["severe"].tolist() == [False, False, True]


def test_pandas_and_polars_columns() -> None:
    c = random_completions(11, 1_000)
    expected = ete_core.credit_columns(**c)
    frame = pd.DataFrame(c)
    from_pandas = ete_core.credit_columns(**{k: frame[k].to_numpy() for k in c})
    from_series = ete_core.credit_columns(**{k: frame[k] for k in c})
    plf = pl.DataFrame(c)
    from_polars = ete_core.credit_columns(**{k: plf[k].to_numpy() for k in c})
    for got in (from_pandas, from_series, from_polars):
        assert all((got[k] == expected[k]).all() for k in expected)
    marks = pd.Categorical(["present", None, "late"], categories=ete_core.MARKS)
    out = ete_core.attendance_by_learner(np.array([0, 0, 0]), marks.codes)
    assert (out["present"][0], out["late"][0], out["unmarked"][0]) == (1, 1, 1)
    assert pd.DataFrame(out).shape == (1, 18)


def test_strided_arrays_and_inputs_left_as_they_were() -> None:
    c = random_completions(12, 2_000)
    halves = {k: v[::2] for k, v in c.items()}
    assert not halves["actual"].flags["C_CONTIGUOUS"]
    got = ete_core.credit_columns(**halves)
    want = ete_core.credit_columns(**{k: np.ascontiguousarray(v) for k, v in halves.items()})
    assert (got["credited"] == want["credited"]).all()
    assert all(v.flags["WRITEABLE"] for v in c.values())


def test_threads_get_the_same_answers() -> None:
    c = random_completions(13, 200_000)
    expected = ete_core.credit_columns(**c)["credited"]
    results: list[bool] = []

    def work() -> None:
        for _ in range(5):
            results.append(bool((ete_core.credit_columns(**c)["credited"] == expected).all()))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 20


def good() -> dict[str, np.ndarray]:
    return {"actual": np.array([10, 20, 30]), "guided": np.array([15, 15, 15]),
            "passed": np.array([True, True, False])}


@pytest.mark.parametrize(
    "change, error, words",
    [
        ({"actual": np.array([10, 20])}, ete_core.InvalidField, "column guided has 3 rows but actual has 2"),
        ({"repeat": np.array([True])}, ete_core.InvalidField, "column repeat has 1 rows"),
        ({"actual": np.array([10.0, 20.0, 30.0])}, ete_core.InvalidField, "expected dtype int64, got float64"),
        ({"passed": np.array([1, 1, 0])}, ete_core.InvalidField, "column passed: expected dtype bool"),
        ({"actual": np.array([10, -1, 30])}, ete_core.InvalidMinutes, "actual[1] = -1"),
        ({"guided": np.array([15, MAX + 1, 15])}, ete_core.InvalidMinutes, f"guided[1] = {MAX + 1}"),
        ({"guided": np.array([15, 15, 0])}, ete_core.InvalidField, "guided[2] = 0"),
        ({"actual": np.array([[10, 20, 30]])}, ete_core.InvalidField, "one-dimensional"),
        ({"actual": pd.Series([10, None, 30], dtype="Int64")}, ete_core.InvalidField, "missing values"),
    ],
)
def test_bad_credit_columns_are_refused_before_any_work(change, error, words) -> None:
    with pytest.raises(error, match=words.replace("[", r"\[").replace("]", r"\]")):
        ete_core.credit_columns(**{**good(), **change})


@pytest.mark.parametrize(
    "args, words",
    [
        ((np.array([0, 2]), np.array([5, 5]), np.array([2400, 2400])), r"requirement\[1\] = 2: must be an index into the 2 requirements"),
        ((np.array([0, -1]), np.array([5, 5]), np.array([2400])), r"requirement\[1\] = -1"),
        ((np.array([0]), np.array([5, 5]), np.array([2400])), "column minutes has 2 rows"),
        ((np.array([0]), np.array([-5]), np.array([2400])), r"minutes\[0\] = -5"),
    ],
)
def test_bad_ete_totals_are_refused(args, words) -> None:
    with pytest.raises(ete_core.EteError, match=words):
        ete_core.ete_totals(*args)


@pytest.mark.parametrize(
    "mark, words",
    [
        (np.array([0, 8], dtype=np.int8), r"mark\[1\] = 8: must be a mark code 0..=7"),
        (np.array([0, -2]), r"mark\[1\] = -2"),
        (np.array([0.0, 1.0]), "expected dtype int8, int16, int32 or int64, got float64"),
    ],
)
def test_bad_mark_codes_are_refused(mark, words) -> None:
    with pytest.raises(ete_core.InvalidField, match=words):
        ete_core.attendance_by_learner(np.array([0, 1]), mark)


def test_row_api_refuses_negative_minutes() -> None:
    with pytest.raises(ete_core.InvalidMinutes, match="actual"):
        ete_core.credit_row(-1, 10, True, False, False)
