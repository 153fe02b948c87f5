"""Shared helpers: where the conformance vectors live."""

import json
import pathlib

import pytest

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"


def load_cases(file_name: str) -> list[dict]:
    """The cases of one vector file."""
    return json.loads((VECTORS / file_name).read_text(encoding="utf-8"))["cases"]


@pytest.fixture
def sample_completion_json() -> str:
    return json.dumps(
        [
            {
                "externalReference": "P-1",
                "courseName": "Digital skills",
                "completionDateTime": "2026-11-02T14:05:00Z",
                "status": "Completed",
                "totalTimeMinutes": 150,
                "expectedTimeMinutes": 120,
                "firstName": "Alex",
                "lastName": "Example",
                "email": "alex@example.invalid",
                "dateOfBirth": "1990-01-02",
            }
        ]
    )
