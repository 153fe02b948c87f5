"""The licence ops of tests/vectors/licences.json (L-1..L-9)."""

import re
import datetime
import json

import ete_core

OPENED = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.timezone.utc)


def instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def state(pool: ete_core.LicencePool) -> dict:
    snapshot = json.loads(pool.to_json())
    return {
        "capacity": pool.capacity,
        "allocated": pool.allocated,
        "free": pool.free,
        "waiting": pool.waiting,
        "accounts": {p: pool.account(p)["state"] for p in snapshot["accounts"]},
        "events": pool.event_count(),
    }


def execute(pool: ete_core.LicencePool, c: dict) -> list:
    a, base = c["action"], (c["id"], c["actor"], instant(c["at"]))
    kind = a["type"]
    if kind == "set_capacity":
        return pool.set_capacity(*base, a["capacity"])
    if kind == "request":
        end = a.get("requirementEnd")
        return pool.request(*base, a["person"], kind=a.get("kind", "learner"), requirement_end=end and day(end), courses=a.get("courses", []))
    if kind == "login":
        return pool.login(*base, a["person"])
    if kind == "complete_course":
        return pool.complete_course(*base, a["person"], a["course"])
    if kind == "deactivate":
        return pool.deactivate(*base, a["person"], a["reason"])
    if kind == "withdraw":
        return pool.withdraw(*base, a["person"])
    if kind == "report_dormant":
        return pool.report_dormant(*base)
    raise ValueError(f"unknown command {kind}")


def run_pool(inp: dict) -> dict:
    policy = json.dumps(inp["policy"]) if "policy" in inp else None
    pool = ete_core.LicencePool(inp["region"], inp["capacity"], OPENED, policy=policy, actor="ADMIN-1")
    results = []
    for c in inp["commands"]:
        before = pool.to_json()
        try:
            results.append([e["type"] for e in execute(pool, c)])
        except ete_core.EteError as e:
            assert pool.to_json() == before, "a refused command changed the pool"
            results.append({"error": type(e).__name__})
    out = {"results": results, "state": state(pool), "ready": pool.ready_to_deactivate()}
    if "now" in inp:
        now = instant(inp["now"])
        out["dormant"] = camel(pool.dormant_logins(now))
        line = pool.utilisation(now)
        line["average_days_held"] = line["average_days_held_text"]
        out["utilisation"] = camel(line)
    return out


def camel(value):
    """Python's snake_case dict keys in the vectors' camelCase spelling."""
    if isinstance(value, dict):
        return {re.sub(r"_([a-z])", lambda m: m.group(1).upper(), k): camel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [camel(v) for v in value]
    return value


def run_sessions(inp: dict) -> dict:
    s = ete_core.AccessSessions(inp["region"])
    results = []
    for step in inp["steps"]:
        try:
            op = step["op"]
            if op == "schedule":
                s.schedule(step["id"], step["site"], day(step["date"]), step["supervisor"], step["places"], step["laptops"])
            elif op == "book":
                s.book(step["session"], step["person"])
            elif op == "lend":
                s.lend(step["session"], step["person"], step["laptop"], day(step["on"]), day(step["expectedReturn"]))
            elif op == "return":
                s.return_laptop(step["laptop"], day(step["on"]))
            results.append("ok")
        except ete_core.EteError as e:
            results.append({"error": type(e).__name__})
    today = day(inp.get("today", "2026-12-01"))
    return {"results": results, "overdue": [loan["laptop"] for loan in s.overdue(today)], "out": s.laptops_out(), "sessions": len(s.sessions())}


def run(op: str, inp: dict):
    if op == "pool":
        return run_pool(inp)
    if op == "policy":
        pool = ete_core.LicencePool("X", 0, OPENED, policy=json.dumps(inp["policy"]))
        return json.loads(pool.to_json())["policy"]
    if op == "replay":
        return state(ete_core.LicencePool.replay(json.dumps(inp["events"])))
    if op == "sessions":
        return run_sessions(inp)
    raise ValueError(f"unknown op {op}")
