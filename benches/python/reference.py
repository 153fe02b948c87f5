"""The rules of the columnar API written again in plain Python, the way a data analyst would
write them: readable loops and dicts, no ETE Core. Two uses:

* the benchmark (`bench_columns.py`) times them as "idiomatic pure Python";
* the test suite (`bindings-python/tests/test_columns.py`) checks the library against them on
  random data, as an independent statement of the same rules (docs/RULES.md H-3..H-10, R-7, R-8).

Whole minutes and integer arithmetic throughout, as the rules require.
"""

from __future__ import annotations

from collections import defaultdict

# Reason codes, in the order of ete_core.CREDIT_REASONS.
WITHIN_GUIDED_TIME = "within_guided_time"
WITHIN_ALLOWANCE = "within_allowance"
CAPPED_AT_GUIDED_TIME = "capped_at_guided_time"
CAPPED_AT_ALLOWANCE = "capped_at_allowance"
FAILED = "failed"
DUPLICATE = "duplicate"

MARKS = (
    "present",
    "late",
    "authorised_absence",
    "unexplained_absence",
    "unauthorised_absence",
    "dismissed_behaviour",
    "dismissed_other",
    "not_required",
)


def credit(actual, guided, passed, repeat=False, extra_time=False,
           allowance_percent=20, credit_repeats=False):
    """What one completion is worth (H-3..H-7): (credited minutes, reason)."""
    if not passed:
        return 0, FAILED
    if repeat and not credit_repeats:
        return 0, DUPLICATE
    if actual <= guided:
        return actual, WITHIN_GUIDED_TIME
    if not extra_time:
        return guided, CAPPED_AT_GUIDED_TIME
    # guided × (100 + p) / 100, rounded half up, in whole minutes.
    cap = (2 * guided * (100 + allowance_percent) + 100) // 200
    if actual <= cap:
        return actual, WITHIN_ALLOWANCE
    return cap, CAPPED_AT_ALLOWANCE


def credit_all(actual, guided, passed, repeat, extra_time):
    """credit() for every row: two lists."""
    credited, reasons = [], []
    for a, g, p, r, e in zip(actual, guided, passed, repeat, extra_time):
        minutes, reason = credit(a, g, p, r, e)
        credited.append(minutes)
        reasons.append(reason)
    return credited, reasons


def find_repeats(person, course, completed_at, passed):
    """Which completions repeat a course the person already passed (H-7), taken in order of
    completion time, ties in input order."""
    order = sorted(range(len(person)), key=lambda i: (completed_at[i], i))
    passed_before = set()
    repeat = [False] * len(person)
    for i in order:
        key = (person[i], course[i])
        repeat[i] = key in passed_before
        if passed[i]:
            passed_before.add(key)
    return repeat


def ete_totals(requirement, minutes, required):
    """ETE credit per requirement, capped at floor(30% of the required time) (H-10)."""
    totals = defaultdict(int)
    for r, m in zip(requirement, minutes):
        totals[r] += m
    out = {"allowance": [], "credited": [], "over_allowance": [], "remaining": []}
    for r, required_minutes in enumerate(required):
        allowance = required_minutes * 30 // 100
        credited = min(totals[r], allowance)
        out["allowance"].append(allowance)
        out["credited"].append(credited)
        out["over_allowance"].append(totals[r] - credited)
        out["remaining"].append(allowance - credited)
    return out


def attendance(learner, mark, learners):
    """Counts per learner and mark (mark codes index MARKS; -1 is unmarked), possible sessions,
    attendance (R-7), and the statutory figures under the default mapping (R-8: present B and
    late L attend, authorised C, unexplained and dismissed N and unauthorised O are absences,
    not required has no code), with the persistent (10%+) and severe (50%+) flags."""
    counts = [defaultdict(int) for _ in range(learners)]
    for l, m in zip(learner, mark):
        counts[l]["unmarked" if m == -1 else MARKS[m]] += 1
    out = defaultdict(list)
    for c in counts:
        for name in MARKS + ("unmarked",):
            out[name].append(c[name])
        possible = sum(c[m] for m in MARKS if m != "not_required")
        unauthorised = sum(
            c[m] for m in ("unexplained_absence", "unauthorised_absence", "dismissed_behaviour", "dismissed_other")
        )
        absences = c["authorised_absence"] + unauthorised
        out["possible"].append(possible)
        out["attended"].append(c["present"] + c["late"])
        out["statutory_possible"].append(possible)
        out["statutory_attendance"].append(c["present"] + c["late"])
        out["authorised"].append(c["authorised_absence"])
        out["unauthorised"].append(unauthorised)
        out["absences"].append(absences)
        # absences / possible ≥ 10% (50%), compared exactly in integers.
        out["persistent"].append(possible > 0 and absences * 100 >= 10 * possible)
        out["severe"].append(possible > 0 and absences * 100 >= 50 * possible)
    return dict(out)
