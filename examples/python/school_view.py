"""A school's daily view from Python (R-4, R-7, R-8): absences to process, registers not
completed, and each learner's term attendance with the persistent/severe absence flags.

    .venv/bin/python examples/python/school_view.py [SCHOOL [NOW]]

Defaults: SCH-A, 2026-11-24T18:00:00Z. Reads examples/data/registers.json; the same view as
``cargo run -q -p ete-examples --example school_view``.
"""

import datetime
import json
import pathlib
import sys

import ete_core

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "registers.json"


def instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def load_registers(data: dict, now: datetime.datetime) -> list[ete_core.Register]:
    registers = {}
    for row in data["lessons"]:
        lesson = ete_core.Lesson(row["id"], row["provider"], instant(row["startsAt"]), instant(row["endsAt"]))
        registers[row["id"]] = ete_core.Register(lesson, row["learners"])
    for a in data["actions"]:
        at = instant(a["at"])
        if at > now:
            continue
        register, actor = registers[a["lesson"]], ete_core.Actor(a["actor"]["role"], a["actor"]["id"])
        try:
            if "mark" in a:
                register.mark(actor, a["learner"], a["mark"], at)
            elif "contribution" in a:
                register.set_contribution(actor, a["learner"], a["contribution"], at)
            else:
                register.add_note(actor, a["learner"], a["note"], at)
        except ete_core.EteError:
            pass  # refused: the register is unchanged (the provider example shows why)
    return list(registers.values())


def main(school: str, now: datetime.datetime) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    learners = data["schools"][school]
    registers = load_registers(data, now)

    print(f"{school}: daily view at {now:%Y-%m-%d %H:%M} UTC\n")
    waiting = ete_core.unprocessed_absences(registers, learners)
    print(f"Unexplained absences to process ({len(waiting)}), oldest first:")
    for a in waiting:
        print(f"  {a.starts_at:%a %d %b %H:%M} {a.lesson:<16} {a.learner}")

    report = ete_core.summarise(registers, now, learners=learners)
    print("\nRegisters not completed by the end of their day:")
    for lesson in report.incomplete_registers or ["none"]:
        print(f"  {lesson}")

    print(f"\n{'learner':<8} {'possible':>8} {'attended':>9} {'absence':>8} {'flag':<11} statutory codes")
    statutory = ete_core.statutory_summary(registers, learners=learners)
    figures = [*statutory["learners"], statutory["group"]]
    for (who, s), f in zip([*report.learners.items(), ("group", report.group)], figures):
        pct = s.percentages()
        attended = f"{pct['attended']}%" if pct else "-"
        absence = f"{f['absence_percent']}%" if f["absence_percent"] else "-"
        flag = "SEVERE" if f["severe"] else "persistent" if f["persistent"] else ""
        codes = " ".join(f"{c['code']}:{c['sessions']}" for c in f["sessions"])
        print(f"{who:<8} {s.possible:>8} {attended:>9} {absence:>8} {flag:<11} {codes}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0] if args else "SCH-A", instant(args[1] if len(args) > 1 else "2026-11-24T18:00:00Z"))
