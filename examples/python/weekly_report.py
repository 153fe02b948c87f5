"""The weekly learning-hours report from Python: credits against requirements, per person, as rows.

    .venv/bin/python examples/python/weekly_report.py [DATA_DIR] [--language cy|pl|en] [--certificates DIR]

With ``--language`` the reasons are written in that language and the week's certificates (one
PDF per completion credited since the last report, 2026-11-16..2026-11-23) are written into
``--certificates`` (default ``certificates``).

Each decision converts to a plain dict (``d.to_dict()``), so the rows load straight into pandas
with ``pandas.DataFrame(rows)`` if you have it; this example needs only the standard library.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import sys
from collections import defaultdict

import ete_core


def main(data_dir: pathlib.Path, language: str | None = None, certificates: pathlib.Path | None = None) -> None:
    read = ete_core.read_completions_csv((data_dir / "completions.csv").read_text(encoding="utf-8"))
    agreements = [
        ete_core.ExtraTimeAgreement(
            a["personRef"], a["agreedBy"], datetime.date.fromisoformat(a["agreedOn"]), a["category"], a.get("allowancePercent")
        )
        for a in json.loads((data_dir / "agreements.json").read_text(encoding="utf-8"))
    ]
    prior = [(p["personRef"], p["courseName"]) for p in json.loads((data_dir / "prior_credits.json").read_text(encoding="utf-8"))]
    policy = ete_core.CreditPolicy.from_json((data_dir / "policy.json").read_text(encoding="utf-8"))

    requirements = [
        ete_core.Requirement.from_json(json.dumps(r))
        for r in json.loads((data_dir / "requirements.json").read_text(encoding="utf-8"))
    ]
    decisions = ete_core.credit_against_requirements(read.completions, requirements, agreements, prior, policy)
    rows = [d.to_dict() for d in decisions]
    by_person = defaultdict(list)
    for row in rows:
        by_person[row["person_ref"]].append(row)
    for person, items in sorted(by_person.items()):
        total = sum(r["credited"] for r in items)
        print(f"{person}  credit {ete_core.format_minutes(total)}")
        for r in sorted(items, key=lambda r: (r["date"], r["position"])):
            why = ete_core.credit_reason_text(r["reason"], language).text if language else r["reason"]
            print(f"  {r['date']}  {r['course_name']:<28} {ete_core.format_minutes(r['credited'])}  {why}")
    for reject in read.rejects:
        print(f"rejected: {reject.position} {reject.field}: {reject.reason}")
    print(f"total credited {ete_core.format_minutes(sum(r['credited'] for r in rows))} over {len(rows)} completions")
    print("\nnDelius evidence (first lines):")
    print("\n".join(ete_core.ndelius_evidence_csv(decisions).splitlines()[:4]))
    print_licences(data_dir, datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc))
    if language:
        week = [d for d in decisions if datetime.date(2026, 11, 16) <= d.date <= datetime.date(2026, 11, 23)]
        folder = certificates or pathlib.Path("certificates")
        folder.mkdir(parents=True, exist_ok=True)
        files = ete_core.certificate_pdfs(read.completions, week, {}, language)
        for name, pdf in files:
            (folder / name).write_bytes(pdf)
        print(f"\ncertificates ({language}): {len(files)} written to {folder}")


def print_licences(data_dir: pathlib.Path, now: datetime.datetime) -> None:
    """The licence pool rebuilt from its commands: dormant-login alerts and utilisation (L-5, L-9)."""
    spec = json.loads((data_dir / "licences.json").read_text(encoding="utf-8"))
    practitioners = json.loads((data_dir / "practitioners.json").read_text(encoding="utf-8"))
    opened = datetime.datetime.fromisoformat(spec["openedAt"].replace("Z", "+00:00"))
    pool = ete_core.LicencePool(spec["region"], spec["capacity"], opened, policy=json.dumps(spec["policy"]))
    for c in spec["commands"]:
        at = datetime.datetime.fromisoformat(c["at"].replace("Z", "+00:00"))
        if at >= now:
            continue
        a, base = c["action"], (c["id"], c["actor"], at)
        try:
            if a["type"] == "request":
                pool.request(*base, a["person"], kind=a.get("kind", "learner"), courses=a.get("courses", []))
            elif a["type"] == "login":
                pool.login(*base, a["person"])
            elif a["type"] == "complete_course":
                pool.complete_course(*base, a["person"], a["course"])
            elif a["type"] == "deactivate":
                pool.deactivate(*base, a["person"], a["reason"])
            elif a["type"] == "report_dormant":
                pool.report_dormant(*base)
        except ete_core.EteError as e:
            print(f"command {c['id']} refused: {e}")
    print(f"\nLicence pool {pool.region}: dormant logins to raise with practitioners")
    for d in pool.dormant_logins(now):
        what = "issued, never logged in" if d["never_logged_in"] else "logged in, then stopped"
        print(f"  {practitioners.get(d['person'], 'unassigned'):<10} {d['person']} {what} ({d['days']} days)")
    u = pool.utilisation(now)
    print(
        f"utilisation: capacity {u['capacity']}, allocated {u['allocated']}, free {u['free']}, waiting {u['waiting']}, "
        f"dormant {u['dormant']}, ready to deactivate {u['ready_to_deactivate']}, average days held {u['average_days_held_text']}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[1] / "data")
    parser.add_argument("--language", help="BCP-47 tag: en, cy or pl (others fall back to English)")
    parser.add_argument("--certificates", type=pathlib.Path, help="folder for the week's certificates")
    args = parser.parse_args(sys.argv[1:])
    main(args.data_dir, args.language, args.certificates)
