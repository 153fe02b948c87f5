"""The ledger and report ops of tests/vectors/upw_ledger.json (H-9..H-16)."""

import datetime
import json

import ete_core

D = datetime.date.fromisoformat


def entry(e: dict) -> ete_core.LedgerEntry:
    kind, id = e["type"], e.get("id")
    if kind == "work_appointment":
        return ete_core.LedgerEntry.work_appointment(D(e["date"]), e["by"], e["minutes"], e["outcome"], id=id)
    if kind == "ete_credit":
        return ete_core.LedgerEntry.ete_credit(D(e["date"]), e["by"], e["minutes"], e["courseName"], id=id)
    if kind == "adjustment":
        return ete_core.LedgerEntry.adjustment(D(e["date"]), e["by"], e["minutes"], id=id)
    if kind == "extension":
        return ete_core.LedgerEntry.extension(D(e["date"]), e["by"], e["months"], id=id)
    raise AssertionError(f"unknown entry type {kind}")


def requirement(inp: dict) -> ete_core.Requirement:
    t = inp["terms"]
    policy = ete_core.LedgerPolicy.from_json(json.dumps(inp["policy"])) if "policy" in inp else None
    r = ete_core.Requirement(t["id"], t["personRef"], t["kind"], t["required"], D(t["start"]), t["incentiveEligible"], policy)
    for e in inp["entries"]:
        r.record(entry(e))
    return r


def completions(items: list) -> list:
    return ete_core.read_completions_json(json.dumps(items), strict=True).completions


def run(op: str, inp: dict) -> dict:
    if op == "ledger_status":
        status = requirement(inp).status(D(inp["on"]))
        return dict(status, end_date=status["end_date"].isoformat())
    if op == "ledger_ete_fit":
        fits, rest = requirement(inp).ete_fit(inp["proposed"])
        return {"fits": fits, "rest": rest}
    if op == "credit_against_requirements":
        requirements = [requirement(r) for r in inp["requirements"]]
        decisions = ete_core.credit_against_requirements(completions(inp["completions"]), requirements)
        return {"decisions": [{"credited": d.credited, "reason": d.reason, "requirement_id": d.requirement_id} for d in decisions]}
    if op == "record_credits":
        requirements = [requirement(r) for r in inp["requirements"]]
        decisions = ete_core.credit_against_requirements(completions(inp["completions"]), requirements)
        targets = [r for r in requirements if r.id in inp["record_into"]]
        recorded = ete_core.record_credits(targets, decisions, inp["by"])
        far = datetime.date.max
        return {"recorded": recorded, "ete_completed": {r.id: r.status(far)["ete_completed"] for r in targets}}
    if op == "delivery":
        d = ete_core.delivery_against_target(inp["delivered"], inp["baseline"], inp["target_percent"])
        return {"target": d.target, "achieved_tenths": d.achieved_tenths}
    if op == "completion_report":
        cs = completions(inp["completions"])
        decisions = ete_core.credit_batch(cs)
        report = ete_core.completion_report(cs, decisions, inp["practitioners"], D(inp["from"]), D(inp["to"]), inp["grouping"])
        return {"rows": report.rows(), "total": report.total}
    raise KeyError(op)
