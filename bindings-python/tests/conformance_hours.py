"""The learning-hours ops of tests/vectors/learning_hours.json (H-1..H-8)."""

import datetime
import json

import ete_core

OPS = {"minutes_parse", "minutes_format", "ratio_apply", "allowance_cap", "credit_batch", "read_completions", "policy_from_json"}


def read(inp: dict) -> ete_core.ReadResult:
    reader = ete_core.read_completions_json if inp["format"] == "json" else ete_core.read_completions_csv
    return reader(inp["text"], strict=inp["strict"])


def agreement(a: dict) -> ete_core.ExtraTimeAgreement:
    return ete_core.ExtraTimeAgreement(
        a["personRef"],
        a["agreedBy"],
        datetime.date.fromisoformat(a["agreedOn"]),
        a["category"],
        a.get("allowancePercent"),
    )


def run(op: str, inp: dict) -> dict:
    if op == "minutes_parse":
        return {"minutes": ete_core.parse_minutes(inp["text"])}
    if op == "minutes_format":
        return {"text": ete_core.format_minutes(inp["minutes"])}
    if op == "ratio_apply":
        out = ete_core.apply_ratio(inp["minutes"], inp["numerator"], inp["denominator"], inp["rounding"])
        return {"minutes": out}
    if op == "allowance_cap":
        return {"cap": ete_core.allowance_cap(inp["guided"], inp["allowance_percent"])}
    if op == "credit_batch":
        policy = (
            ete_core.CreditPolicy.from_json(json.dumps(inp["policy"]))
            if "policy" in inp
            else ete_core.CreditPolicy()
        )
        agreements = [agreement(a) for a in inp["agreements"]]
        prior = [(p["personRef"], p["courseName"]) for p in inp["prior"]]
        completions = ete_core.read_completions_json(json.dumps(inp["completions"]), strict=True).completions
        decisions = ete_core.credit_batch(completions, agreements, prior, policy)
        return {
            "decisions": [
                {
                    "credited": d.credited,
                    "reason": d.reason,
                    "cap": d.cap,
                    "date": d.date.isoformat(),
                    "repeat": d.repeat,
                    "allowance_percent": d.allowance_percent,
                }
                for d in decisions
            ]
        }
    if op == "read_completions":
        out = read(inp)
        return {
            "accepted": len(out.completions),
            "rejects": [{"position": r.position, "field": r.field, "reason": r.reason} for r in out.rejects],
        }
    if op == "policy_from_json":
        p = ete_core.CreditPolicy.from_json(inp["json"])
        return {"allowance_percent": p.allowance_percent, "credit_repeats": p.credit_repeats}
    raise KeyError(op)
