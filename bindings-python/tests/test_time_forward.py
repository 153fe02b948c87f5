"""Time runs forward (issue 14): a pool or exchange command dated before the last event, a
register note dated before its lesson and a mark dated before the learner's previous mark are
refused as InvalidField naming `at`, with nothing changed."""

import datetime

import pytest

import ete_core

UTC = datetime.timezone.utc
NINE = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
HOUR = datetime.timedelta(hours=1)


def test_a_pool_command_before_the_last_event_is_invalid_field_naming_at_and_the_last_time():
    pool = ete_core.LicencePool("Wales", 2, NINE)
    pool.request("c1", "A", NINE + 2 * HOUR, "P-1")
    before = pool.to_json()
    with pytest.raises(ete_core.InvalidField,
                       match=r"^invalid at: 2026-11-24T10:00:00\+00:00 is before the pool's last event at "
                             r"2026-11-24T11:00:00\+00:00"):
        pool.request("c2", "A", NINE + HOUR, "P-2")
    assert pool.to_json() == before
    pool.request("c2", "A", NINE + 2 * HOUR, "P-2")


def test_an_exchange_command_before_the_last_event_is_invalid_field_naming_at_and_the_last_time():
    policy = ete_core.RoutingPolicy()
    hub, school = ete_core.Organisation("hub", "HUB-1"), ete_core.Organisation("school", "SCH-1")
    exchange = ete_core.Exchange(policy)
    file = ete_core.TransferFile("a.pdf", school, "dsl", "CFC JN", "risk_assessment")
    exchange.confirm(ete_core.plan_transfer(policy, hub, "CAP-7", [file]), NINE)
    exchange.confirm(ete_core.plan_transfer(policy, hub, "CAP-7", [file]), NINE + 2 * HOUR)
    before = exchange.to_json()
    with pytest.raises(ete_core.InvalidField, match=r"^invalid at .*before the exchange's last event at 2026-11-24T11:00:00"):
        exchange.download(1, "SCH-1", "T-1", NINE + HOUR)
    with pytest.raises(ete_core.InvalidField, match="before the exchange's last event"):
        exchange.confirm(ete_core.plan_transfer(policy, hub, "CAP-7", [file]), NINE + HOUR)
    assert exchange.to_json() == before
    assert len(exchange.download_all("SCH-1", "T-1", NINE + 2 * HOUR)) == 2


def test_a_register_note_before_its_lesson_or_a_mark_before_the_previous_mark_is_invalid_field():
    register = ete_core.Register(ete_core.Lesson("L-1", "PRV-1", NINE, NINE + HOUR), ["A", "B"])
    hub = ete_core.Actor("hub", "CAP-1")
    with pytest.raises(ete_core.InvalidField, match=r"^invalid at .*a note dated before its lesson starts"):
        register.add_note(hub, "A", "Arrived early", NINE - HOUR)
    register.mark(hub, "A", "present", NINE + 3 * HOUR)
    before = register.to_json()
    with pytest.raises(ete_core.InvalidField, match=r"^invalid at .*before the learner's previous mark at 2026-11-24T12:00:00"):
        register.mark(hub, "A", "late", NINE + 2 * HOUR)
    assert register.to_json() == before
    register.mark(hub, "B", "present", NINE + 2 * HOUR)
    register.mark(hub, "A", "late", NINE + 3 * HOUR)
