"""Training records and placements through the Python API (P-1..P-6): personal data stays out
of every repr and error; the export is decided by routing; import twice changes nothing."""

import datetime
import json

import pytest

import ete_core

NAME, SURNAME, PHONE = "Zebedee", "Quillfeather", "07700 900123"
ON = datetime.date(2026, 11, 30)


def file(learner: str = "LRN-1") -> dict:
    return {
        "record": {
            "learner": learner,
            "details": {"forename": NAME, "surname": SURNAME, "dateOfBirth": "2010-05-04",
                        "emergencyContacts": [{"name": "Mrs " + SURNAME, "relationship": "parent", "phone": PHONE}]},
            "school": "HMP-A", "provider": "PRV-1", "cohort": "C1", "course": "CRS-1",
            "unitGroups": [{"name": "Core", "units": [{"id": "U1", "title": "Safety", "qualification": "Q1", "status": "completed", "counted": True}]}],
            "assessments": [{"id": "AS-1", "subject": "Mathematics", "on": "2026-01-10", "outcome": "Entry 3", "provider": "PRV-1"}],
        },
    }


POLICY = ete_core.RoutingPolicy.from_json(json.dumps({
    "kinds": ["prison", "employer"], "roles": ["education_manager", "support_worker"], "categories": ["training_record"],
    "rules": [{"id": "prison-to-prison", "effect": "permit", "from": "prison", "to": "prison", "roles": ["education_manager"]}],
}))


def test_no_personal_data_in_reprs_or_errors():
    e = ete_core.Establishment(ete_core.Organisation("prison", "HMP-A"))
    e.insert(json.dumps(file()))
    row = e.row("LRN-1", ON)
    assert row.surname == SURNAME and row.emergency_phone == PHONE  # the data is there ...
    page = e.list_records(ON)
    shown = " ".join([repr(row), str(row), repr(page), repr(e), repr(e.progress("LRN-1")), repr(e.needs_assessment("LRN-1", "Mathematics", ON))])
    for secret in (NAME, SURNAME, PHONE, "2010"):
        assert secret not in shown  # ... but never shown
    with pytest.raises(ete_core.TransferRefused) as refused:
        e.export_record("LRN-1", ete_core.Organisation("employer", "EMP-1"), "support_worker", POLICY)
    bad = file()
    bad["record"]["unitGroups"][0]["units"].append(dict(bad["record"]["unitGroups"][0]["units"][0]))
    with pytest.raises(ete_core.InvalidField) as invalid:
        e.insert(json.dumps(bad))
    with pytest.raises(ete_core.MalformedInput) as malformed:
        e.insert(json.dumps(file()).replace('"completed"', f'"{SURNAME}"'))
    for err in (refused.value, invalid.value, malformed.value):
        for secret in (NAME, SURNAME, PHONE):
            assert secret not in str(err) and secret not in repr(err)


def test_export_refusal_carries_the_routing_reason():
    e = ete_core.Establishment(ete_core.Organisation("prison", "HMP-A"))
    e.insert(json.dumps(file()))
    with pytest.raises(ete_core.TransferRefused) as refused:
        e.export_record("LRN-1", ete_core.Organisation("employer", "EMP-1"), "support_worker", POLICY)
    assert "no rule permits this route" in str(refused.value)
    assert [r.reason for r in refused.value.refusals] == ["no_rule_permits"]


def test_moved_record_is_equal_and_reimport_changes_nothing():
    a = ete_core.Establishment(ete_core.Organisation("prison", "HMP-A"))
    a.insert(json.dumps(file()))
    doc = a.export_record("LRN-1", ete_core.Organisation("prison", "HMP-B"), "education_manager", POLICY)
    b = ete_core.Establishment(ete_core.Organisation("prison", "HMP-B"))
    first = b.import_record(doc)
    assert (first.added, first.updated) == (1, 0)
    assert json.loads(b.file_json("LRN-1")) == json.loads(a.file_json("LRN-1"))
    before = b.to_json()
    again = b.import_record(doc)
    assert (again.added, again.updated) == (0, 0) and b.to_json() == before
    need = b.needs_assessment("LRN-1", "mathematics", datetime.date(2027, 1, 10))
    assert (need.decision, need.assessment, need.provider) == ("reuse", "AS-1", "PRV-1")
    assert b.needs_assessment("LRN-1", "Mathematics", datetime.date(2027, 1, 11)).decision == "assess"


def test_placement_restore_and_bad_status_code():
    p = ete_core.Placement("PL-1", "LRN-1")
    cmd = {"id": "c1", "actor": {"role": "school", "id": "S-1"}, "at": "2026-11-02T09:00:00Z",
           "action": {"type": "apply", "application": {"tier": "tier_2", "school": "SCH-1", "provider": "PRV-1", "course": "CRS-1",
                                                       "referralOn": "2026-11-02", "riskAssessedOn": "2026-07-01"}}}
    with pytest.raises(ete_core.RiskAssessmentTooOld):
        p.execute(json.dumps(cmd))
    assert p.status is None and p.events == []
    e = ete_core.Establishment(ete_core.Organisation("prison", "HMP-A"))
    with pytest.raises(ete_core.InvalidField):
        e.list_records(ON, status="finished")
    with pytest.raises(ete_core.InvalidField):
        e.list_records(ON, size=0)
    with pytest.raises(ete_core.UnknownPerson):
        e.row("LRN-404", ON)
