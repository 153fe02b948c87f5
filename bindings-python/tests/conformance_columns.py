"""The columnar ops of tests/vectors/columns.json (H-3..H-8, H-10, R-7, R-8 in batch)."""

import datetime
import json

import numpy as np

import ete_core


def _ints(values: list) -> np.ndarray:
    return np.asarray(values, dtype=np.int64)


def _flags(inp: dict, key: str):
    return np.asarray(inp[key], dtype=bool) if key in inp else None


def run(op: str, inp: dict) -> dict:
    if op == "credit_columns":
        policy = ete_core.CreditPolicy.from_json(json.dumps(inp["policy"])) if "policy" in inp else None
        out = ete_core.credit_columns(
            _ints(inp["actual"]), _ints(inp["guided"]), _flags(inp, "passed"),
            repeat=_flags(inp, "repeat"), extra_time=_flags(inp, "extra_time"), policy=policy,
        )
        return {
            "credited": out["credited"].tolist(),
            "reason": [ete_core.CREDIT_REASONS[r] for r in out["reason"]],
        }
    if op == "ete_totals":
        out = ete_core.ete_totals(_ints(inp["requirement"]), _ints(inp["minutes"]), _ints(inp["required"]))
        return {key: values.tolist() for key, values in out.items()}
    if op == "attendance_by_learner":
        policy = json.dumps(inp["policy"]) if "policy" in inp else None
        on = datetime.date.fromisoformat(inp["on"]) if "on" in inp else None
        out = ete_core.attendance_by_learner(
            _ints(inp["learner"]), np.asarray(inp["mark"], dtype=np.int8), inp["learners"], policy, on
        )
        figures = {key: values.tolist() for key, values in out.items() if key not in ete_core.MARKS}
        return {"counts": {code: out[code].tolist() for code in ete_core.MARKS}, **figures}
    raise AssertionError(f"unknown op {op}")
