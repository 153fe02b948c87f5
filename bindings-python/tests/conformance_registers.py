"""The register ops of tests/vectors/registers.json (R-1..R-10)."""

import datetime
import json

import ete_core

HUB = ete_core.Actor("hub", "CAP-1")


def instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def lesson(d: dict) -> ete_core.Lesson:
    return ete_core.Lesson(d["id"], d["provider"], instant(d["startsAt"]), instant(d["endsAt"]))


def actor(d: dict) -> ete_core.Actor:
    return ete_core.Actor(d["role"], d["id"])


def registers(inp: dict) -> list:
    """Registers whose marks are set by the hub after the lesson."""
    out = []
    for r in inp["registers"]:
        les = lesson(r["lesson"])
        register = ete_core.Register(les, list(r["marks"]))
        for learner, mark in r["marks"].items():
            if mark is not None:
                register.mark(HUB, learner, mark, les.ends_at)
        out.append(register)
    return out


def summary(s: ete_core.AttendanceSummary) -> dict:
    rates = s.rates()
    pct = s.percentages(1) or {}
    return {
        "possible": s.possible,
        "unmarked": s.unmarked,
        **{k: pct.get(k) for k in ("attended", "authorised", "unauthorised", "unexplained", "dismissed")},
        "rates_sum_to_one": rates is not None and sum(rates.values()) == 1,
    }


def figures(f: dict) -> dict:
    """A learner's or the group's statutory figures as the vectors spell them."""
    t = f["tally"]
    return {
        **{k: f[k] for k in ("possible", "attendance", "absences", "persistent", "severe", "unmarked")},
        **{k: t[k] for k in ("authorised", "unauthorised", "not_possible")},
        "absence": f["absence_percent"],
        "sessions": {s["code"]: s["sessions"] for s in f["sessions"]},
        "categories_total": sum(t.values()),
    }


def run(op: str, inp: dict) -> dict:
    if op == "mark_sequence":
        register = ete_core.Register(lesson(inp["lesson"]), inp["learners"])
        decisions = []
        for a in inp["actions"]:
            who, at = actor(a["actor"]), instant(a["at"])
            d = register.check(who, a["learner"], a["mark"], at)
            if d.allowed:
                register.mark(who, a["learner"], a["mark"], at)
            decisions.append({"allowed": d.allowed, "reason": d.reason})
        entries = {
            learner: {"provider_mark": e.provider_mark, "school_decision": e.school_decision, "current": e.current}
            for learner, e in register.entries().items()
        }
        return {"decisions": decisions, "entries": entries, "history": len(register.events())}
    if op == "summary":
        scope = inp["scope"]
        day = lambda k: datetime.date.fromisoformat(scope[k]) if scope.get(k) else None  # noqa: E731
        report = ete_core.summarise(
            registers(inp), instant(inp["now"]), learners=scope.get("learners"), date_from=day("from"), date_to=day("to")
        )
        return {
            "learners": {learner: summary(s) for learner, s in report.learners.items()},
            "group": summary(report.group),
            "incomplete_registers": report.incomplete_registers,
        }
    if op in ("statutory_summary", "statutory_csv"):
        scope = inp["scope"]
        day = lambda k: datetime.date.fromisoformat(scope[k]) if scope.get(k) else None  # noqa: E731
        args = {"learners": scope.get("learners"), "date_from": day("from"), "date_to": day("to")}
        policy = json.dumps(inp["policy"]) if "policy" in inp else None
        if op == "statutory_csv":
            return {"csv": ete_core.statutory_csv(registers(inp), **args, policy=policy)}
        report = ete_core.statutory_summary(registers(inp), **args, policy=policy)
        return {
            "learners": {f["learner"]: figures(f) for f in report["learners"]},
            "group": figures(report["group"]),
        }
    if op == "statutory_code":
        return {"code": ete_core.statutory_code(inp["mark"])}
    if op == "unprocessed":
        found = ete_core.unprocessed_absences(registers(inp), inp["learners"])
        return {"absences": [{"lesson": a.lesson, "learner": a.learner} for a in found]}
    if op == "contribution":
        c = ete_core.Contribution(inp["value"])
        c = {"new": c, "increment": c.increment(), "decrement": c.decrement()}[inp["op"]]
        return {"value": c.value}
    if op == "contribution_record":
        les = lesson(inp["lesson"])
        register = ete_core.Register(les, ["LRN-1"])
        if inp["mark"] is not None:
            register.mark(HUB, "LRN-1", inp["mark"], les.ends_at)
        register.set_contribution(actor(inp["actor"]), "LRN-1", inp["score"], instant(inp["at"]))
        return {"recorded": register.entry("LRN-1").contribution}
    if op == "contribution_summary":
        s = ete_core.summarise_contributions(inp["scores"])
        return {"count": s.count, "sum": s.sum, "mean": s.mean_text()}
    if op == "note":
        utc = datetime.timezone.utc
        les = ete_core.Lesson(
            "L-1", "PRV-1", datetime.datetime(2026, 11, 24, 9, tzinfo=utc), datetime.datetime(2026, 11, 24, 11, tzinfo=utc)
        )
        register = ete_core.Register(les, ["LRN-1"])
        register.add_note(ete_core.Actor("provider", "TUTOR-3"), inp["learner"], inp["text"], les.ends_at)
        record = ete_core.RecordNotes("LRN-1")
        record.add(HUB, "Initial assessment booked", les.starts_at)
        return {"record_notes": len(record.notes([register]))}
    if op == "register_commands":
        les = lesson(inp["lesson"])
        register = ete_core.Register(les, inp["learners"])
        results = []
        for c in inp["commands"]:
            who, at, a = actor(c["actor"]), instant(c["at"]), c["action"]
            run = {
                "mark": lambda: register.mark(who, a["learner"], a["mark"], at, id=c["id"]),
                "add_note": lambda: register.add_note(who, a["learner"], a["text"], at, id=c["id"]),
                "set_contribution": lambda: register.set_contribution(who, a["learner"], a["score"], at, id=c["id"]),
            }[a["type"]]
            before = register.to_json()
            try:
                results.append([e["type"] for e in run()])
            except ete_core.EteError as e:
                assert register.to_json() == before, "a refused command changed the register"
                results.append({"error": type(e).__name__})
        snapshot = register.to_json()
        replayed = ete_core.Register.replay(les, inp["learners"], register.events_json())
        entries = {
            learner: {
                "provider_mark": e.provider_mark,
                "school_decision": e.school_decision,
                "current": e.current,
                "contribution": e.contribution,
            }
            for learner, e in register.entries().items()
        }
        return {
            "results": results,
            "entries": entries,
            "notes": len(register.notes()),
            "events": len(register.events()),
            "replayed": replayed.to_json() == snapshot,
            "restored": ete_core.Register.restore(snapshot).to_json() == snapshot,
        }
    raise ValueError(f"unknown op {op}")
