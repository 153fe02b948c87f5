"""A team's staff compliance from Python (S-1, S-2): eligibility per PQF task, deadlines due soon,
overdue awards and expired mandatory learning, then the report as CSV.

    .venv/bin/python examples/python/staff_compliance.py [DATA_DIR [REPORT_DAY [DAYS]]]

Records are read from ``staff.json`` as dicts in core's JSON shape; people appear by id only.
"""

import datetime
import json
import pathlib
import sys

import ete_core


def main(data_dir: pathlib.Path, on: datetime.date, days: int) -> None:
    records = json.loads((data_dir / "staff.json").read_text(encoding="utf-8"))
    policy = ete_core.StaffPolicy()
    report = ete_core.team_compliance(policy, records, on, days)
    print(f"Staff compliance on {on} ({len(records)} people, due soon = within {days} days)")
    for task in policy.tasks:
        eligible = [r.person for r in report.rows if r.kind == "task" and r.item == task and r.status.startswith("eligible")]
        print(f"  {task:<22} {', '.join(eligible)}")
    print("Needing attention:")
    for r in report.needing_attention():
        if r.attention != "not_eligible":
            when = f" {r.date} ({r.days} days)" if r.date else ""
            print(f"  {r.person} {r.item} {r.attention}{when}")
    print()
    print(report.to_csv(), end="")


if __name__ == "__main__":
    here = pathlib.Path(__file__).resolve().parent.parent / "data"
    args = sys.argv[1:]
    main(
        pathlib.Path(args[0]) if args else here,
        datetime.date.fromisoformat(args[1]) if len(args) > 1 else datetime.date(2026, 12, 1),
        int(args[2]) if len(args) > 2 else 31,
    )
