"""The staff ops of tests/vectors/staff.json (S-1..S-4)."""

import datetime
import json

import ete_core


def policy(inp: dict) -> ete_core.StaffPolicy:
    p = inp.get("policy")
    return ete_core.StaffPolicy() if p is None else ete_core.StaffPolicy.from_json(json.dumps(p))


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def iso(d):
    return None if d is None else d.isoformat()


def run(op: str, inp: dict) -> dict:
    if op == "mandatory":
        found = ete_core.mandatory_status(policy(inp), inp["record"], day(inp["on"]))
        return {"statuses": [
            {"course": s.course, "state": s.state, "counted": s.counted, "completedOn": iso(s.completed_on), "expiresOn": iso(s.expires_on)}
            for s in found
        ]}
    if op == "task":
        d = ete_core.task_decision(policy(inp), inp["record"], inp["task"], day(inp["on"]))
        return {"status": d.status, "due": iso(d.due), "since": iso(d.since), "missing": [m.kind for m in d.missing], "desirable": d.desirable}
    if op == "pqip":
        start = day(inp["start"]) if "start" in inp else None
        d = ete_core.pqip_decision(policy(inp), inp["record"], inp["route"], day(inp["on"]), start)
        p = d.programme
        programme = None if p is None else {"startsOn": iso(p.starts_on), "dipHe": p.dip_he, "level6From": iso(p.level6_from), "endsOn": iso(p.ends_on)}
        return {"eligible": d.eligible, "reasons": d.reasons, "graduate": d.graduate, "programme": programme}
    if op == "vacancy":
        d = ete_core.vacancy_decision(policy(inp), inp["vacancy"])
        return {"qualifies": d.qualifies, "reasons": d.reasons}
    if op == "candidate":
        d = ete_core.candidate_decision(policy(inp), inp["candidate"], day(inp["on"]))
        return {"qualifies": d.qualifies, "reasons": d.reasons, "windowEndsOn": iso(d.window_ends_on)}
    if op == "feedback_due":
        return {"due": iso(ete_core.feedback_due(policy(inp), day(inp["interview"])))}
    if op == "verify":
        d = ete_core.verification_check(inp["assessments"], inp["assessment"], inp["verifier"])
        return {"allowed": d.allowed, "reason": d.reason}
    if op == "conflicts":
        return {"conflicts": [a.id for a in ete_core.objectivity_conflicts(inp["assessments"])]}
    if op == "compliance":
        report = ete_core.team_compliance(policy(inp), inp["records"], day(inp["on"]), inp["withinDays"])
        return {
            "rows": len(report.rows),
            "csvHeader": report.to_csv().splitlines()[0],
            "attention": [f"{r.person} {r.item} {r.attention}" for r in report.needing_attention()],
        }
    if op == "staff_policy_load":
        return {"tasks": len(policy(inp).tasks), "mandatory": len(json.loads(policy(inp).to_json())["mandatory"])}
    raise AssertionError(f"unknown op {op}")
