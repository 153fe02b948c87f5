"""Side-by-side benchmark of the columnar rules (credit, ETE totals, attendance) on the same
generated data, at several sizes, in one run:

  idiomatic  pure Python as an analyst writes it (reference.py), over lists
  numpy      numpy vectorised (np.select / np.bincount), over arrays
  row API    ete_core.credit_rows over row tuples, two lists out (as the idiomatic loop)
  columnar   ete_core.credit_columns / ete_totals / attendance_by_learner over arrays
  native     the same core kernels called from Rust over slices (native_columns binary)
  copy       a plain copy of the same input and output bytes: the physical floor

Prints ns per row and the ratios the targets in BENCHMARKS.md are stated in; asserts nothing.
Run through benches/run.sh, which builds the release wheel and the native binary first:

  python benches/python/bench_columns.py [--sizes 100000,1000000,10000000] [--native PATH]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time
import timeit

import numpy as np

import ete_core

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import reference  # noqa: E402

PERCENT = 20


def generate(n: int, seed: int = 2026) -> dict[str, np.ndarray]:
    """National-scale shaped data: completions, credits to requirements, register marks."""
    rng = np.random.default_rng(seed)
    requirements = max(1, n // 40)  # ~40 completions per requirement
    learners = max(1, n // 40)
    guided = rng.integers(30, 240, n)
    return {
        "actual": np.maximum(guided + rng.integers(-60, 90, n), 0).astype(np.int64),
        "guided": guided.astype(np.int64),
        "passed": rng.random(n) > 0.1,
        "repeat": rng.random(n) < 0.05,
        "extra_time": rng.random(n) < 0.3,
        "requirement": rng.integers(0, requirements, n),
        "credited": rng.integers(0, 300, n),
        "required": rng.integers(40 * 60, 300 * 60, requirements),
        "learner": rng.integers(0, learners, n),
        "mark": np.where(rng.random(n) < 0.8, 0, rng.integers(-1, 8, n)).astype(np.int8),
    }


# --- numpy vectorised, as an analyst fluent in numpy writes it -------------------------------

def numpy_credit(a, g, p, r, e):
    cap = np.where(e, (2 * g * (100 + PERCENT) + 100) // 200, g)
    credited = np.where(p & ~r, np.minimum(a, cap), 0)
    reason = np.select([~p, r, a <= g, ~e, a <= cap], [4, 5, 0, 2, 1], 3).astype(np.uint8)
    return credited, reason


def numpy_totals(requirement, minutes, required):
    allowance = required * 30 // 100
    total = np.bincount(requirement, weights=minutes, minlength=len(required)).astype(np.int64)
    credited = np.minimum(total, allowance)
    return allowance, credited, total - credited, allowance - credited


def numpy_attendance(learner, mark, learners):
    counts = np.bincount(learner * 9 + (mark.astype(np.int64) + 1), minlength=learners * 9)
    counts = counts.reshape(learners, 9)  # column 0 unmarked, column m + 1 mark m
    possible = counts[:, 1:8].sum(axis=1)
    absences = counts[:, 3] + counts[:, 5]
    return counts, possible, counts[:, 1] + counts[:, 2], absences, \
        (possible > 0) & (absences * 100 >= 10 * possible), \
        (possible > 0) & (absences * 100 >= 50 * possible)


# --- timing ---------------------------------------------------------------------------------

def best(runs: int, f) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def native(binary: str, d: dict[str, np.ndarray], runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        files = {"actual": "actual.i64", "guided": "guided.i64", "passed": "passed.bool",
                 "repeat": "repeat.bool", "extra_time": "extra_time.bool",
                 "requirement": "requirement.i64", "credited": "credited.i64",
                 "required": "required.i64", "learner": "learner.i64", "mark": "mark.i8"}
        for key, name in files.items():
            d[key].astype(d[key].dtype.newbyteorder("<")).tofile(pathlib.Path(tmp) / name)
        out = subprocess.run([binary, tmp, str(runs)], check=True, capture_output=True, text=True)
        return json.loads(out.stdout)


def measure(n: int, binary: str) -> dict[str, dict[str, float]]:
    d = generate(n)
    runs = 5 if n <= 1_000_000 else 2
    slow_runs = 1 if n >= 1_000_000 else 3
    cols = [d[k] for k in ("actual", "guided", "passed", "repeat", "extra_time")]
    lists = [c.tolist() for c in cols]  # an analyst's rows, e.g. read with the csv module
    learners = int(d["learner"].max()) + 1
    nat = native(binary, d, runs)
    res: dict[str, dict[str, float]] = {"credit": {}, "totals": {}, "attendance": {}}

    c = res["credit"]
    c["idiomatic"] = best(slow_runs, lambda: reference.credit_all(*lists))
    c["numpy"] = best(runs, lambda: numpy_credit(*cols))
    rows = list(zip(*lists))
    c["row API"] = best(slow_runs, lambda: ete_core.credit_rows(rows))
    c["columnar"] = best(runs, lambda: ete_core.credit_columns(*cols))
    c["native"] = nat["credit"]
    c["copy"] = best(runs, lambda: ([x.copy() for x in cols], d["actual"].copy(), d["passed"].copy()))

    t_lists = [d[k].tolist() for k in ("requirement", "credited", "required")]
    t_cols = [d[k] for k in ("requirement", "credited", "required")]
    t = res["totals"]
    t["idiomatic"] = best(slow_runs, lambda: reference.ete_totals(*t_lists))
    t["numpy"] = best(runs, lambda: numpy_totals(*t_cols))
    t["columnar"] = best(runs, lambda: ete_core.ete_totals(*t_cols))
    t["native"] = nat["totals"]
    t["copy"] = best(runs, lambda: [x.copy() for x in t_cols])

    a_lists = [d["learner"].tolist(), d["mark"].tolist()]
    a = res["attendance"]
    a["idiomatic"] = best(slow_runs, lambda: reference.attendance(*a_lists, learners))
    a["numpy"] = best(runs, lambda: numpy_attendance(d["learner"], d["mark"], learners))
    a["columnar"] = best(runs, lambda: ete_core.attendance_by_learner(d["learner"], d["mark"], learners))
    a["native"] = nat["attendance"]
    a["copy"] = best(runs, lambda: (d["learner"].copy(), d["mark"].copy()))
    return res


def scalar_call() -> tuple[float, float]:
    """One credit_row call against a Python function of the same arguments that does nothing."""
    def noop(actual, guided, passed, repeat, extra_time):
        return None

    n = 1_000_000
    row = min(timeit.repeat("f(150, 120, True, False, True)", globals={"f": ete_core.credit_row}, number=n, repeat=5))
    nop = min(timeit.repeat("f(150, 120, True, False, True)", globals={"f": noop}, number=n, repeat=5))
    return row / n, nop / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--native", default=str(pathlib.Path(__file__).resolve().parents[2] / "target" / "release" / "native_columns"))
    parser.add_argument("--json", help="also write the raw seconds here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {n: measure(n, args.native) for n in sizes}
    for kernel in ("credit", "totals", "attendance"):
        print(f"\n## {kernel}: ns per row")
        names = list(results[sizes[0]][kernel])
        print("| rows | " + " | ".join(names) + " |")
        print("|---:|" + "---:|" * len(names))
        for n in sizes:
            r = results[n][kernel]
            print(f"| {n:,} | " + " | ".join(f"{r[k] / n * 1e9:.1f}" for k in names) + " |")
        print("\nratios (how many times faster the columnar API is; 'copy' below 1 means slower than the floor)")
        for n in sizes:
            r = results[n][kernel]
            parts = [f"{k} {r[k] / r['columnar']:.1f}x" for k in names if k not in ("columnar",)]
            print(f"  {n:>10,}: " + ", ".join(parts))
    if len(sizes) > 1:
        big, small = sizes[-1], sizes[-2]
        print(f"\n## growth: time at {big:,} / time at {small:,} rows (columnar)")
        for kernel in ("credit", "totals", "attendance"):
            print(f"  {kernel}: {results[big][kernel]['columnar'] / results[small][kernel]['columnar']:.2f}"
                  f" (rows x{big / small:.0f})")
    row, nop = scalar_call()
    print(f"\n## one scalar call: credit_row {row * 1e9:.1f} ns, Python no-op function {nop * 1e9:.1f} ns,"
          f" ratio {row / nop:.2f}")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps({"sizes": results, "scalar": [row, nop]}, indent=1))


if __name__ == "__main__":
    main()
