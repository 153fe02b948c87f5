"""The routing ops of tests/vectors/routing.json (T-1..T-8)."""

import datetime
import json

import ete_core

AT = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.timezone.utc)
COPY = {
    "recipient": ete_core.copy_first_recipient,
    "role": ete_core.copy_first_role,
    "description": ete_core.copy_first_description,
}


def policy(inp: dict) -> ete_core.RoutingPolicy:
    p = inp.get("policy")
    if p is None:
        return ete_core.RoutingPolicy()
    return ete_core.RoutingPolicy.from_json(p if isinstance(p, str) else json.dumps(p))


def org(o: dict) -> ete_core.Organisation:
    return ete_core.Organisation(o["kind"], o["id"], o.get("attributes", {}))


def files(inp: dict) -> list:
    out = [
        ete_core.TransferFile(f["name"], org(f["recipient"]) if f["recipient"] else None, f["role"], f["description"], f["category"])
        for f in inp["files"]
    ]
    for what in inp.get("copy", []):
        out = COPY[what](out)
    return out


def planned(inp: dict):
    p = policy(inp)
    return p, ete_core.plan_transfer(p, org(inp["sender"]), inp["sent_by"], files(inp))


def run(op: str, inp: dict) -> dict:
    if op == "decide":
        d = ete_core.decide(policy(inp), org(inp["sender"]), org(inp["recipient"]), inp["role"], inp["category"])
        return {"allowed": d.allowed, "reason": d.reason, "rule": d.rule, "accepted": d.accepted or None}
    if op == "policy_load":
        p = policy(inp)
        return {"rules": len(json.loads(p.to_json())["rules"])}
    if op == "destinations":
        found = ete_core.destinations(policy(inp), org(inp["sender"]))
        return {"destinations": [{"kind": k, "roles": r, "categories": c} for k, r, c in found]}
    if op == "plan":
        _, shown = planned(inp)
        refusals = [{"position": r.position, "code": r.code, "reason": r.reason} for r in shown.refusals]
        return {"sendable": shown.sendable, "refusals": refusals}
    if op == "transfer":
        p, shown = planned(inp)
        exchange = ete_core.Exchange(p)
        ids = exchange.confirm(shown, AT)
        recipients = {f.recipient.id for f in shown.files if f.recipient}
        return {"sent": len(ids), "inbox": {r: len(exchange.inbox(r)) for r in recipients}}
    if op == "download":
        p, shown = planned(inp)
        exchange = ete_core.Exchange(p)
        ids = exchange.confirm(shown, AT)
        who = inp["downloader"]
        if inp["all"]:
            receipts = len(exchange.download_all(who, "STAFF-9", AT))
        else:
            exchange.download(ids[0], who, "STAFF-9", AT)
            receipts = 1
        new_after = sum(1 for i in exchange.inbox(who) if not i.downloaded)
        return {"receipts": receipts, "new_after": new_after, "audit_events": len(exchange.events())}
    if op == "referral":
        until = ete_core.check_referral(datetime.date.fromisoformat(inp["assessed_on"]), datetime.date.fromisoformat(inp["referral_on"]))
        return {"valid_until": until.isoformat()}
    raise KeyError(op)
