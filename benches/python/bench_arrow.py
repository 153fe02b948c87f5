"""The Arrow path against the numpy path, in one process on the same data (the ratio is the
figure; absolute times move with the machine's load):

  numpy   credit_columns / ete_totals / attendance_by_learner over numpy arrays
  arrow   the same functions over pyarrow arrays (imported through the PyCapsule interface)
  table   credit_table over a pyarrow RecordBatch (the mapInArrow call)

Needs the release wheel and pyarrow. Prints ms per call (best of runs) and arrow/numpy.

  python benches/python/bench_arrow.py [--sizes 1000000,10000000]
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

import pyarrow as pa

import ete_core

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_columns import generate  # noqa: E402

CREDIT = ("actual", "guided", "passed", "repeat", "extra_time")


def best(runs: int, f) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(n: int) -> None:
    d = generate(n)
    a = {k: pa.array(v) for k, v in d.items()}
    runs = 7 if n <= 1_000_000 else 3
    batch = pa.record_batch({k: a[k] for k in CREDIT})
    learners = int(d["learner"].max()) + 1
    cases = {
        "credit": (lambda: ete_core.credit_columns(*(d[k] for k in CREDIT)),
                   lambda: ete_core.credit_columns(*(a[k] for k in CREDIT))),
        "credit_table": (lambda: ete_core.credit_columns(*(d[k] for k in CREDIT)),
                         lambda: ete_core.credit_table(batch)),
        "totals": (lambda: ete_core.ete_totals(d["requirement"], d["credited"], d["required"]),
                   lambda: ete_core.ete_totals(a["requirement"], a["credited"], a["required"])),
        "attendance": (lambda: ete_core.attendance_by_learner(d["learner"], d["mark"], learners),
                       lambda: ete_core.attendance_by_learner(a["learner"], a["mark"], learners)),
    }
    for name, (numpy_f, arrow_f) in cases.items():
        numpy_f(), arrow_f()  # warm
        # Interleaved, so that a change of load hits both alike.
        numpy_s = arrow_s = float("inf")
        for _ in range(runs):
            numpy_s = min(numpy_s, best(1, numpy_f))
            arrow_s = min(arrow_s, best(1, arrow_f))
        print(f"{n:>11,} {name:<13} numpy {numpy_s * 1e3:9.2f} ms   arrow {arrow_s * 1e3:9.2f} ms"
              f"   arrow/numpy {arrow_s / numpy_s:5.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000000,10000000")
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        measure(n)


if __name__ == "__main__":
    main()
