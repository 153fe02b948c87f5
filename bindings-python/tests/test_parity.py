"""Every public core operation is reachable from Python: tests/parity.json names each one."""

import json
import pathlib

import pytest

import ete_core

MANIFEST = json.loads((pathlib.Path(__file__).resolve().parents[2] / "tests" / "parity.json").read_text(encoding="utf-8"))


def names(entry: dict) -> list[str]:
    value = entry.get("python")
    return [] if value is None else [value] if isinstance(value, str) else value


def reachable(dotted: str) -> bool:
    obj = ete_core
    for part in dotted.split("."):
        if not hasattr(obj, part):
            return False
        obj = getattr(obj, part)
    return True


@pytest.mark.parametrize("entry", MANIFEST["operations"], ids=lambda e: e["core"])
def test_every_core_operation_has_its_python_name(entry):
    assert names(entry), f"{entry['core']}: no Python name in tests/parity.json"
    missing = [n for n in names(entry) if not reachable(n)]
    assert missing == [], f"{entry['core']}: ete_core lacks {missing}"


def test_every_listed_gap_is_still_a_gap():
    # One test over the list (none is listed for Python today), so an empty list is no skip.
    closed = [g["core"] for g in MANIFEST["gaps"] if "python" in g and any(reachable(n) for n in names(g))]
    assert closed == [], f"{closed} exist now: move them to 'operations'"
