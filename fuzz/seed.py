#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the conformance vectors and the sample data, so that the
fuzzer starts from inputs the rules accept (and replay tests always have inputs). Idempotent: a
seed's file name is its content's SHA-256. Run from anywhere: python3 fuzz/seed.py"""

from __future__ import annotations

import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def put(target: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)


def walk(value, key=None):
    """Yields (key, value) for every value in a JSON tree."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v, key)


def main() -> None:
    data = ROOT / "examples" / "data"
    put("completions_csv", (data / "completions.csv").read_bytes())
    put("completions_csv", b"\xef\xbb\xbf" + (data / "completions.csv").read_bytes()[:400])
    vectors = [json.loads(p.read_text()) for p in sorted((ROOT / "tests" / "vectors").glob("*.json"))]
    for tree in vectors:
        for key, value in walk(tree):
            text = json.dumps(value).encode()
            if key == "completions" and isinstance(value, list):
                put("completions_json", text)
            elif key == "policy" and isinstance(value, dict):
                for which in range(7):
                    put("policies_json", bytes([which]) + text)
            elif key in ("requirement", "json") and isinstance(value, (dict, str)):
                body = value.encode() if isinstance(value, str) else text
                for which in range(4):
                    put("snapshots_json", bytes([which]) + body)
    put("policies_json", bytes([6]) + (data / "policy.json").read_bytes())
    # Structure-aware targets draw from raw bytes: a few shapes (all zero, all ones, counting).
    for target in ("numbers", "pool_commands", "register_commands", "routing_names", "columns",
                   "ledger_commands", "exchange_commands"):
        for seed in (bytes(64), b"\xff" * 64, bytes(range(256)), bytes(range(255, -1, -1)) * 4):
            put(target, seed)


if __name__ == "__main__":
    main()
