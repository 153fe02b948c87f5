"""The columnar API over Arrow (the PyCapsule interface: pyarrow arrays, chunked arrays and
record batches, polars series and data frames): the same answers as over numpy, Arrow back,
nulls refused with the column and row; the table functions; the module without pyarrow."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import polars as pl
import pyarrow as pa
import pytest

import ete_core
from test_columns import random_completions


def test_credit_columns_over_arrow_equals_numpy() -> None:
    cols = random_completions(7, 5_000)
    expected = ete_core.credit_columns(**cols)
    arrow = ete_core.credit_columns(**{k: pa.array(v) for k, v in cols.items()})
    assert isinstance(arrow["credited"], pa.Int64Array)
    assert isinstance(arrow["reason"], pa.UInt8Array)
    assert arrow["credited"].to_numpy().tolist() == expected["credited"].tolist()
    assert arrow["reason"].to_numpy().tolist() == expected["reason"].tolist()


def test_sliced_arrow_booleans_are_read_from_their_bit_offset() -> None:
    # Core reads Arrow's booleans bit-packed, from the slice's bit offset (not a multiple of 8
    # here), so the rows around a slice must never be read as its values.
    cols = random_completions(9, 1_000)
    expected = ete_core.credit_columns(**{k: v[3:703] for k, v in cols.items()})
    sliced = {k: pa.array(v).slice(3, 700) for k, v in cols.items()}
    assert sliced["passed"].offset == 3
    got = ete_core.credit_columns(**sliced)
    assert got["credited"].to_pylist() == expected["credited"].tolist()
    assert got["reason"].to_pylist() == expected["reason"].tolist()


def test_chunked_arrays_and_polars_series() -> None:
    cols = random_completions(8, 3_000)
    expected = ete_core.credit_columns(**cols)
    chunked = {k: pa.chunked_array([v[:1000], v[1000:]]) for k, v in cols.items()}
    assert ete_core.credit_columns(**chunked)["credited"].to_pylist() == expected["credited"].tolist()
    series = {k: pl.Series(k, v) for k, v in cols.items()}
    assert ete_core.credit_columns(**series)["credited"].to_pylist() == expected["credited"].tolist()


def test_ete_totals_find_repeats_attendance_over_arrow() -> None:
    requirement = np.array([0, 1, 0, 0], dtype=np.int64)
    minutes = np.array([300, 60, 300, 300], dtype=np.int64)
    required = np.array([2_400, 6_000], dtype=np.int64)
    totals = ete_core.ete_totals(pa.array(requirement), pa.array(minutes), pa.array(required))
    assert totals["credited"].to_pylist() == [720, 60]
    assert totals["remaining"].to_pylist() == [0, 1_740]

    times = pa.array([1, 2, 3], pa.timestamp("s"))
    repeats = ete_core.find_repeats(
        pa.array([1, 1, 2]), pa.array([5, 5, 5]), times, pa.array([True, True, True])
    )
    assert isinstance(repeats, pa.BooleanArray)
    assert repeats.to_pylist() == [False, True, False]

    marks = pa.array([0, 1, -1], pa.int8())
    arrow = ete_core.attendance_by_learner(pa.array([0, 0, 1]), marks)
    numpy = ete_core.attendance_by_learner(np.array([0, 0, 1]), np.array([0, 1, -1], np.int8))
    assert {k: v.to_pylist() for k, v in arrow.items()} == {k: v.tolist() for k, v in numpy.items()}


def test_nulls_are_refused_naming_column_and_row() -> None:
    with pytest.raises(ete_core.InvalidField, match=r"column guided: row 2 is null"):
        ete_core.credit_columns(pa.array([1, 2, 3]), pa.array([1, 2, None]), pa.array([True] * 3))
    batch = pa.record_batch({"actual": [1, None], "guided": [1, 1], "passed": [True, True]})
    with pytest.raises(ete_core.InvalidField, match=r"column actual: row 1 is null"):
        ete_core.credit_table(batch)


def test_wrong_arrow_types_are_refused() -> None:
    with pytest.raises(ete_core.InvalidField, match=r"column actual: expected dtype int64, got Arrow Float64"):
        ete_core.credit_columns(pa.array([1.5]), pa.array([1]), pa.array([True]))
    with pytest.raises(ete_core.InvalidField, match=r"no column passed"):
        ete_core.credit_table(pa.record_batch({"actual": [1], "guided": [1]}))
    with pytest.raises(TypeError):
        ete_core.credit_table([1, 2, 3])  # type: ignore[arg-type]


def test_credit_table_and_ete_totals_table() -> None:
    cols = random_completions(9, 2_000)
    cols["actual"] = np.minimum(cols["actual"], 10_000)
    cols["guided"] = np.minimum(cols["guided"], 10_000)
    rng = np.random.default_rng(9)
    requirement = rng.integers(0, 50, 2_000)
    batch = pa.record_batch({**cols, "requirement": requirement})
    credited = ete_core.credit_table(batch)
    assert isinstance(credited, pa.RecordBatch)
    assert credited.schema.names == [*batch.schema.names, "credited", "reason"]
    expected = ete_core.credit_columns(**cols)
    assert credited["credited"].to_pylist() == expected["credited"].tolist()

    required = rng.integers(2_400, 18_001, 50)  # H-9: 40 to 300 hours
    totals = ete_core.ete_totals_table(credited, pa.record_batch({"required": required}))
    want = ete_core.ete_totals(requirement, expected["credited"], required)
    for name in ("allowance", "credited", "over_allowance", "remaining"):
        assert totals[name].to_pylist() == want[name].tolist()

    # A table (a stream of batches) gives a table; so does a polars DataFrame.
    table = pa.Table.from_batches([batch.slice(0, 700), batch.slice(700)])
    out = ete_core.credit_table(table)
    assert isinstance(out, pa.Table)
    assert out["credited"].to_pylist() == expected["credited"].tolist()
    frame = pl.from_arrow(batch)
    assert ete_core.credit_table(frame)["credited"].to_pylist() == expected["credited"].tolist()


def test_without_pyarrow() -> None:
    """pyarrow is optional: numpy works, and Arrow from polars comes back as PyCapsule objects."""
    code = """
import sys
sys.modules["pyarrow"] = None
import numpy as np, polars as pl, ete_core
out = ete_core.credit_columns(np.array([60]), np.array([60]), np.array([True]))
assert out["credited"].tolist() == [60]
out = ete_core.credit_columns(pl.Series([60]), pl.Series([60]), pl.Series([True]))
assert hasattr(out["credited"], "__arrow_c_array__")
assert pl.Series(out["credited"]).to_list() == [60]
batch = ete_core.credit_table(pl.DataFrame({"actual": [60], "guided": [60], "passed": [True]}))
assert hasattr(batch, "__arrow_c_stream__") or hasattr(batch, "__arrow_c_array__")
print("ok")
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"
