"""Training records from Python (P-1..P-6): a school's list of its learners and the mail-merge
export ``training-records.csv``, then a learner's record moved from one prison to another under
a Virtual Campus routing policy (T-2), imported twice without duplicates, with the maths
assessment reused rather than retaken.

    .venv/bin/python examples/python/training_records.py [SCHOOL [ON]]

Defaults: SCH-1, 2026-11-30. Reads examples/data/training_records.json; the same as
``cargo run -q -p ete-examples --example training_records``. Prints ids and figures only.
"""

import datetime
import json
import pathlib
import sys

import ete_core

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "training_records.json"


def org(o: dict) -> ete_core.Organisation:
    return ete_core.Organisation(o["kind"], o["id"])


def main(school: str = "SCH-1", on: str = "2026-11-30") -> None:
    day = datetime.date.fromisoformat(on)
    data = json.loads(DATA.read_text(encoding="utf-8"))

    hub = ete_core.Establishment(org(data["hub"]))
    for f in data["files"]:
        hub.insert(json.dumps(f))
    page = hub.list_records(day, school=school)
    print(f"{school}: {page.total} learners (page {page.page} of {page.pages})")
    for r in page.rows:
        print(f"  {r.learner}  {r.status or '-'}  attendance {r.attendance_rate or '-'}%  units {r.units_completed}/{r.units_total}")
    print("\ntraining-records.csv (redacted):")
    print(hub.csv(day, school=school, redacted=True), end="")

    vc = data["virtualCampus"]
    policy = ete_core.RoutingPolicy.from_json(json.dumps(vc["policy"]))
    a = ete_core.Establishment(org(vc["from"]))
    a.insert(json.dumps(vc["file"]))
    learner = vc["file"]["record"]["learner"]
    doc = a.export_record(learner, org(vc["to"]), "education_manager", policy)
    b = ete_core.Establishment(org(vc["to"]))
    first, again = b.import_record(doc), b.import_record(doc)
    print(f"\n{learner} moved: {first.added} items added; imported again: {again.added} added, {again.updated} updated")
    print("record equal after the move:", json.loads(a.file_json(learner)) == json.loads(b.file_json(learner)))
    need = b.needs_assessment(learner, "Mathematics", day)
    print(f"maths: {need.decision} (assessment {need.assessment} of {need.assessed_on} by {need.provider})")
    try:
        a.export_record(learner, ete_core.Organisation("employer", "EMP-1"), "education_manager", policy)
    except ete_core.TransferRefused as refused:
        print("export to EMP-1's education manager:", refused)


if __name__ == "__main__":
    main(*sys.argv[1:3])
