"""The Python ledger and report API: errors, atomic batches, threads, rows, exports."""

import csv
import datetime
import io
import threading

import pytest

import ete_core

D = datetime.date
UTC = datetime.timezone.utc


def requirement(eligible=False):
    return ete_core.Requirement("R-1", "P-1", "adult", 2400, D(2026, 1, 5), eligible)


def completion(ref="P-1", course="Budgeting", actual=500, guided=600, first_name="Alex"):
    when = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    return ete_core.Completion(ref, course, when, "Completed", actual, guided, first_name=first_name, last_name="Example")


def test_over_allowance_credit_states_the_remaining_allowance_and_changes_nothing():
    r = requirement()
    r.record(ete_core.LedgerEntry.ete_credit(D(2026, 2, 1), "CA-1", 700, "Budgeting", id="e1"))
    with pytest.raises(ete_core.EteAllowanceExceeded, match="00:20 of the ETE allowance remain"):
        r.record(ete_core.LedgerEntry.ete_credit(D(2026, 2, 2), "CA-1", 30, "CV writing", id="e2"))
    assert len(r) == 1
    assert r.ete_fit(30) == (20, 10)


def test_required_hours_outside_the_legal_range_are_refused():
    with pytest.raises(ete_core.InvalidField, match="H-9"):
        ete_core.Requirement("R-1", "P-1", "youth", 241 * 60, D(2026, 1, 5))
    with pytest.raises(ete_core.InvalidField, match="order kind"):
        ete_core.Requirement("R-1", "P-1", "child", 2400, D(2026, 1, 5))


def test_a_batch_applies_whole_or_not_at_all():
    r = requirement()
    good = ete_core.LedgerEntry.work_appointment(D(2026, 2, 3), "SUP-1", 60, "attended", id="good")
    late = ete_core.LedgerEntry.work_appointment(D(2026, 2, 1), "SUP-1", 60, "attended", id="late")
    with pytest.raises(ete_core.OutOfOrder, match="entry 1 of the batch"):
        r.record_all([good, late])
    assert len(r) == 0
    r.record_all([late, good])
    assert r.status(D(2026, 3, 1))["completed"] == 120


def test_an_entry_without_an_id_is_refused_so_a_retry_cannot_count_twice():
    r = requirement()
    with pytest.raises(ete_core.InvalidField, match="id"):
        r.record(ete_core.LedgerEntry.work_appointment(D(2026, 2, 3), "SUP-1", 60, "attended"))
    with pytest.raises(ete_core.InvalidField, match="id"):
        r.record_all([ete_core.LedgerEntry.extension(D(2026, 2, 3), "SUP-1", 1)])
    assert len(r) == 0


def test_a_negative_appointment_is_refused_before_it_reaches_the_ledger():
    with pytest.raises(ete_core.InvalidMinutes):
        ete_core.LedgerEntry.work_appointment(D(2026, 2, 3), "SUP-1", -5, "attended")


def test_json_round_trip_is_exact_and_replays_the_rules():
    r = requirement(eligible=True)
    r.record(ete_core.LedgerEntry.work_appointment(D(2026, 2, 3), "SUP-1", 700, "attended", id="e1"))
    r.record(ete_core.LedgerEntry.adjustment(D(2026, 2, 4), "CA-1", -60, id="e2"))
    back = ete_core.Requirement.from_json(r.to_json())
    assert back.to_json() == r.to_json()
    assert back.status(D(2026, 3, 1)) == r.status(D(2026, 3, 1))
    tampered = r.to_json().replace('"minutes":700', '"minutes":-700')
    with pytest.raises(ete_core.EteError):
        ete_core.Requirement.from_json(tampered)


def test_eight_threads_recording_on_one_requirement_keep_every_entry():
    r = ete_core.Requirement("R-1", "P-1", "adult", 300 * 60, D(2026, 1, 5))
    def work(t):
        for i in range(500):
            entry = ete_core.LedgerEntry.work_appointment(D(2026, 2, 3), "SUP-1", 1, "attended", id=f"{t}-{i}")
            r.record(entry)
            r.record(entry)  # a retry: recorded once

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(r) == 4000
    assert r.status(D(2026, 3, 1))["completed"] == 4000


def test_reports_rows_csv_notifications_certificates_and_evidence():
    cs = [completion(), completion(ref="P-2", course="CV writing", actual=900, guided=600)]
    decisions = ete_core.credit_against_requirements(cs, [requirement()])
    assert [(d.credited, d.reason, d.requirement_id) for d in decisions] == [
        (500, "within_guided_time", "R-1"),
        (0, "no_requirement", None),
    ]
    report = ete_core.completion_report(cs, decisions, {"P-1": "PR-1"}, D(2026, 3, 1), D(2026, 3, 31), "practitioner")
    assert [r["group"] for r in report.rows()] == ["PR-1", "unassigned"]
    assert report.total["minutes_credited"] == 500
    lines = list(csv.reader(io.StringIO(report.to_csv())))
    assert lines[0][:4] == ["group", "completions", "courses_completed", "minutes_credited"] and lines[-1][0] == "total"
    notes = ete_core.practitioner_notifications(cs, decisions, {"P-1": "PR-1"}, datetime.datetime(2026, 3, 1, tzinfo=UTC))
    assert [(p, [d.person_ref for d in ds]) for p, ds in notes] == [("PR-1", ["P-1"]), ("unassigned", ["P-2"])]
    cert = ete_core.certificate(cs[0], decisions[0], "cy")
    assert (cert.person_name, cert.credited, cert.language) == ("Alex Example", 500, "cy")
    assert "Alex" not in repr(cert)
    evidence = list(csv.DictReader(io.StringIO(ete_core.ndelius_evidence_csv(decisions))))
    assert (evidence[0]["action"], evidence[0]["minutes"], evidence[0]["requirement_id"]) == ("credit", "08:20", "R-1")
    assert evidence[1]["action"] == "do not credit"
    assert str(ete_core.delivery_against_target(7200, 6000, 155)) == "delivered 120:00 of 155:00 (77.4%)"
