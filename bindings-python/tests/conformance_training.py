"""The training-record ops of tests/vectors/training_records.json (P-1..P-6, T-2, T-8)."""

import datetime
import json

import ete_core

HERE = ete_core.Organisation("hub", "CAP")


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def org(o: dict) -> ete_core.Organisation:
    return ete_core.Organisation(o["kind"], o["id"], o.get("attributes"))


def holding(organisation: ete_core.Organisation, files: list) -> ete_core.Establishment:
    e = ete_core.Establishment(organisation)
    for f in files:
        e.insert(json.dumps(f))
    return e


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def row_dict(row: ete_core.RecordRow) -> dict:
    names = [n for n in dir(row) if not n.startswith("_")]
    value = {camel(n): getattr(row, n) for n in names}
    return {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in value.items()}


def query(q: dict) -> dict:
    keys = {"provider": "provider", "cohort": "cohort", "school": "school", "surname": "surname", "status": "status", "sort": "sort", "page": "page", "size": "size"}
    return {keys[k]: v for k, v in q.items()}


def run_placement(i: dict) -> dict:
    p = ete_core.Placement(i["id"], i["learner"], risk_assessment_months=i.get("riskAssessmentMonths", 3))
    results = []
    for c in i["commands"]:
        before = p.to_json()
        try:
            results.append([e["kind"]["type"] for e in p.execute(json.dumps(c))])
        except ete_core.EteError as e:
            assert p.to_json() == before, "a refused command changed the placement"
            results.append({"error": type(e).__name__})
    restored = ete_core.Placement.restore(p.to_json()).to_json() == p.to_json()
    return {"results": results, "status": p.status, "events": len(p.events), "restored": restored}


def run_record(i: dict) -> dict:
    e = holding(HERE, [i["file"]])
    learner, on = i["file"]["record"]["learner"], day(i["on"])
    return {
        "progress": [{"qualification": p.qualification, "completed": p.completed, "counted": p.counted} for p in e.progress(learner)],
        "appraisals": [a["id"] for a in e.appraisals(learner)],
        "overdue": [t["id"] for t in e.overdue_targets(learner, on)],
        "notes": len(e.notes(learner)),
        "row": row_dict(e.row(learner, on)),
    }


def run_list(i: dict) -> dict:
    e = holding(HERE, i["files"])
    page = e.list_records(day(i["on"]), **query(i.get("query", {})))
    return {"total": page.total, "page": page.page, "size": page.size, "pages": page.pages, "learners": [r.learner for r in page.rows]}


def run_csv(i: dict) -> dict:
    e = holding(HERE, i["files"])
    q = {k: v for k, v in query(i.get("query", {})).items() if k not in ("page", "size")}
    text = e.csv(day(i["on"]), redacted=i["redacted"], **q)
    lines = text.splitlines()
    return {"lines": lines, "rows": len(lines) - 1, "firstColumn": [line.split(",")[0] for line in lines[1:]]}


def run_transfer(i: dict) -> dict:
    policy = ete_core.RoutingPolicy() if i["policy"] is None else ete_core.RoutingPolicy.from_json(json.dumps(i["policy"]))
    source = holding(org(i["source"]), i["sourceFiles"])
    destination = org(i["destination"])
    document = source.export_record(i["learner"], destination, i["role"], policy)
    target = holding(org(i.get("importAt", i["destination"])), i["held"])
    outcomes = []
    for _ in range(i["imports"]):
        before = target.to_json()
        try:
            o = target.import_record(document)
        except ete_core.EteError:
            assert target.to_json() == before, "a refused import changed the establishment"
            raise
        outcomes.append({"added": o.added, "updated": o.updated})
    held = json.loads(target.file_json(i["learner"]))
    return {
        "outcomes": outcomes,
        "equal": held == json.loads(source.file_json(i["learner"])),
        "held": {
            "units": {u["id"]: u["status"] for g in held["record"]["unitGroups"] for u in g["units"]},
            "achieved": {t["id"]: t["achieved"] for t in held["record"]["targets"]},
        },
    }


def run_import(i: dict) -> dict:
    o = ete_core.Establishment(org(i["organisation"])).import_record(json.dumps(i["document"]))
    return {"added": o.added, "updated": o.updated}


def run_assessment(i: dict) -> dict:
    e = holding(HERE, [i["file"]])
    n = e.needs_assessment(i.get("learner", i["file"]["record"]["learner"]), i["subject"], day(i["on"]), valid_months=i.get("validMonths", 12))
    iso = lambda d: d and d.isoformat()  # noqa: E731
    return {"decision": n.decision, "assessment": n.assessment, "assessedOn": iso(n.assessed_on), "provider": n.provider, "validUntil": iso(n.valid_until)}


OPS = {"placement": run_placement, "record": run_record, "records_list": run_list, "records_csv": run_csv, "record_transfer": run_transfer, "record_import": run_import, "needs_assessment": run_assessment}


def run(op: str, i: dict):
    return OPS[op](i)
