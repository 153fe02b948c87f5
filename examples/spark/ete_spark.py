"""ETE credit at national scale with PySpark: completions credited through `mapInArrow` with
`ete_core.credit_table` (H-3..H-8), summed per requirement, then capped by the ETE allowance
with `ete_core.ete_totals_table` (H-10). The same figures as one process computes with the same
two functions; `--check` compares them row for row.

    python examples/spark/ete_spark.py --generate target/spark-data      # 2M completions, 50k requirements
    python examples/spark/ete_spark.py target/spark-data --check         # Spark local[2], then the check

On a cluster, ship the wheel in a packed virtual environment with `spark-submit --archives`:
see examples/spark/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import ete_core

COMPLETIONS = 2_000_000
REQUIREMENTS = 50_000


def generate(path: str | Path, completions: int = COMPLETIONS, requirements: int = REQUIREMENTS,
             seed: int = 15, files: int = 8) -> None:
    """A synthetic national dataset as parquet: `completions/` (requirement, actual, guided,
    passed, repeat, extra_time) in `files` files and `requirements.parquet` (requirement,
    required). Requirement ids are row indices of the requirements file. No personal data."""
    rng = np.random.default_rng(seed)
    path = Path(path)
    (path / "completions").mkdir(parents=True, exist_ok=True)
    guided = rng.integers(15, 240, completions)
    actual = np.maximum(guided + rng.integers(-60, 120, completions), 0)
    table = pa.table({
        "requirement": rng.integers(0, requirements, completions),
        "actual": actual,
        "guided": guided,
        "passed": rng.random(completions) > 0.1,
        "repeat": rng.random(completions) < 0.05,
        "extra_time": rng.random(completions) < 0.2,
    })
    rows = -(-completions // files)
    for i in range(files):
        pq.write_table(table.slice(i * rows, rows), path / "completions" / f"part-{i:03}.parquet")
    # Requirements of 20 to 300 hours, in minutes.
    required = rng.integers(40, 301, requirements) * 60  # H-9: 40 to 300 hours
    pq.write_table(pa.table({"requirement": np.arange(requirements), "required": required}),
                   path / "requirements.parquet")


def credit(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The `mapInArrow` function of stage 1: each batch's credit, with its requirement."""
    import ete_core  # on the executors

    for batch in batches:
        out = ete_core.credit_table(batch)
        yield pa.record_batch([out["requirement"], out["credited"]], names=["requirement", "credited"])


def cap(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The `mapInArrow` function of stage 2: each requirement's summed credit capped (H-10)."""
    import ete_core

    for batch in batches:
        rows = pa.record_batch({"requirement": np.arange(batch.num_rows), "credited": batch["credited"]})
        yield ete_core.ete_totals_table(rows, batch.select(["requirement", "required"]))


TOTALS_SCHEMA = ("requirement long, required long, allowance long, credited long, "
                 "over_allowance long, remaining long")


def spark_session(master: str = "local[2]"):  # noqa: ANN201 - pyspark is imported lazily
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName("ete-totals")
             .config("spark.sql.shuffle.partitions", "8")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", "2g")
             .getOrCreate())
    # The mapInArrow functions live in this module: the executors import it.
    spark.sparkContext.addPyFile(__file__)
    return spark


def spark_totals(spark, path: str | Path):  # noqa: ANN001, ANN201
    """The job: ETE-capped totals per requirement, a Spark DataFrame ordered by requirement."""
    from pyspark.sql import functions as F

    path = str(path)
    completions = spark.read.parquet(f"{path}/completions")
    credited = completions.mapInArrow(credit, "requirement long, credited long")
    sums = credited.groupBy("requirement").agg(F.sum("credited").alias("credited"))
    requirements = spark.read.parquet(f"{path}/requirements.parquet")
    joined = (requirements.join(sums, "requirement", "left").fillna(0, ["credited"])
              .select("requirement", "required", "credited"))
    return joined.mapInArrow(cap, TOTALS_SCHEMA).orderBy("requirement")


def single_process(path: str | Path) -> pa.RecordBatch:
    """The same figures in one process: the two table functions over the whole dataset."""
    path = Path(path)
    completions = pq.read_table(path / "completions")
    credited = ete_core.credit_table(completions)
    requirements = pq.read_table(path / "requirements.parquet")
    return ete_core.ete_totals_table(credited, requirements)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--generate", action="store_true", help="write the synthetic dataset first")
    parser.add_argument("--completions", type=int, default=COMPLETIONS)
    parser.add_argument("--requirements", type=int, default=REQUIREMENTS)
    parser.add_argument("--check", action="store_true", help="compare with one process, row for row")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    if args.generate:
        generate(args.path, args.completions, args.requirements)
    spark = spark_session(args.master)
    started = time.perf_counter()
    rows = spark_totals(spark, args.path).collect()
    took = time.perf_counter() - started
    completions = pq.ParquetDataset(Path(args.path) / "completions").read(columns=["actual"]).num_rows
    print(f"spark ({args.master}): {len(rows):,} requirements from {completions:,} completions "
          f"in {took:.2f} s ({completions / took:,.0f} completions/s)")
    if args.check:
        started = time.perf_counter()
        expected = single_process(args.path)
        took = time.perf_counter() - started
        print(f"one process: {took:.2f} s ({completions / took:,.0f} completions/s)")
        got = [tuple(r) for r in rows]
        want = list(zip(*(expected[n].to_pylist() for n in TOTALS_NAMES), strict=True))
        if got != want:
            print("Spark and one process differ", file=sys.stderr)
            return 1
        print(f"equal row for row ({len(got):,} requirements)")
    spark.stop()
    return 0


TOTALS_NAMES = [c.split()[0] for c in TOTALS_SCHEMA.split(", ")]

if __name__ == "__main__":
    sys.exit(main())
