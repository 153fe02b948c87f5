"""Runs every case of tests/vectors/*.json against the Python API.

The same files are run by the Rust (core/tests/conformance/) and Kotlin suites.
"""

import pytest

import conformance_columns
import conformance_hours
import conformance_ledger
import conformance_licences
import conformance_registers
import conformance_routing
import conformance_staff
import conformance_training
import ete_core
from conftest import load_cases

FILES = {"learning_hours.json": (30, conformance_hours), "upw_ledger.json": (40, conformance_ledger), "routing.json": (40, conformance_routing), "registers.json": (40, conformance_registers), "licences.json": (30, conformance_licences), "columns.json": (40, conformance_columns), "staff.json": (60, conformance_staff), "training_records.json": (50, conformance_training)}
CASES = [(file, case) for file in FILES for case in load_cases(file)]


def check(expected, actual, path: str = "") -> None:
    """Objects in `expected` may name only some keys; `reason_excludes` bans text in `reason`."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key == "reason_excludes":
                assert value not in actual["reason"], f"{path}.reason repeats {value!r}"
            else:
                check(value, actual.get(key), f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{path}: {expected!r} != {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            check(e, a, f"{path}[{i}]")
    else:
        assert expected == actual, f"{path}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("file", FILES)
def test_each_file_has_enough_cases(file):
    least, _ = FILES[file]
    assert len(load_cases(file)) >= least


@pytest.mark.parametrize("file,case", CASES, ids=[f"{f}::{c['name']}" for f, c in CASES])
def test_vector(file, case):
    run = FILES[file][1].run
    if "error" in case:
        with pytest.raises(ete_core.EteError) as raised:
            run(case["op"], case["input"])
        assert type(raised.value).__name__ == case["error"], str(raised.value)
    else:
        check(case["expect"], run(case["op"], case["input"]))
