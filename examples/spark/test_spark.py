"""The Spark job (local[2]) against one process over the same generated parquet: equal row for
row. Size from ETE_SPARK_COMPLETIONS / ETE_SPARK_REQUIREMENTS (default: the national size,
2,000,000 completions and 50,000 requirements)."""

from __future__ import annotations

import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import ete_spark  # noqa: E402


def test_spark_equals_one_process(tmp_path: pathlib.Path) -> None:
    completions = int(os.environ.get("ETE_SPARK_COMPLETIONS", ete_spark.COMPLETIONS))
    requirements = int(os.environ.get("ETE_SPARK_REQUIREMENTS", ete_spark.REQUIREMENTS))
    ete_spark.generate(tmp_path, completions, requirements)
    spark = ete_spark.spark_session()
    try:
        started = time.perf_counter()
        rows = ete_spark.spark_totals(spark, tmp_path).collect()
        spark_s = time.perf_counter() - started
    finally:
        spark.stop()
    started = time.perf_counter()
    expected = ete_spark.single_process(tmp_path)
    one_s = time.perf_counter() - started
    print(f"\n{completions:,} completions: spark {spark_s:.2f} s, one process {one_s:.2f} s")

    assert len(rows) == requirements
    assert [r.asDict() for r in rows][:1] and list(rows[0].asDict()) == ete_spark.TOTALS_NAMES
    want = list(zip(*(expected[n].to_pylist() for n in ete_spark.TOTALS_NAMES)))
    assert [tuple(r) for r in rows] == want
    # The cap did bite somewhere, and some requirements had no completion at all or some credit.
    assert any(r.over_allowance > 0 for r in rows)
    assert any(r.credited > 0 for r in rows)
