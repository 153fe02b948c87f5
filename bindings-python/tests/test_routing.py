"""The Python routing API: reasons, all-or-nothing transfers, the exchange, referrals."""

import datetime
import threading

import pytest

import ete_core

AT = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.timezone.utc)
HUB = ete_core.Organisation("hub", "CAP")
SCHOOL = ete_core.Organisation("school", "SCH-1")
PROVIDER = ete_core.Organisation("provider", "PRV-1")


def file(recipient, description="CFC JN", category="safeguarding_concern"):
    return ete_core.TransferFile("note.pdf", recipient, "dsl", description, category)


def test_every_decision_explains_itself():
    policy = ete_core.RoutingPolicy()
    d = ete_core.decide(policy, SCHOOL, PROVIDER, "dsl", "risk_assessment")
    assert (d.allowed, d.reason, d.rule) == (False, "forbidden", "no-school-to-provider")
    assert d.explanation == 'forbidden by rule "no-school-to-provider"'
    d = ete_core.decide(policy, HUB, SCHOOL, "teacher", "invoice")
    assert (d.allowed, d.reason, d.accepted) == (False, "unknown_role", [])
    assert d.explanation == 'unknown recipient role "teacher" (T-3)'


def test_names_the_policy_does_not_list_are_denied_as_plan_transfer_refuses_them():
    policy = ete_core.RoutingPolicy()
    d = ete_core.decide(policy, SCHOOL, HUB, "dsl", "risk_asessment")
    assert (d.allowed, d.reason, d.rule) == (False, "unknown_category", None)
    shown = ete_core.plan_transfer(policy, SCHOOL, "T-1", [file(HUB, category="risk_asessment")])
    assert [(r.code, r.reason) for r in shown.refusals] == [("unknown_category", None)]
    prison = ete_core.Organisation("prison", "PRI-1")
    assert ete_core.decide(policy, prison, HUB, "dsl", "other").reason == "unknown_kind"
    assert ete_core.decide(policy, HUB, prison, "dsl", "other").reason == "unknown_kind"
    assert ete_core.decide(policy, HUB, SCHOOL, "*", "other").reason == "unknown_role"


def test_a_refused_transfer_sends_nothing_and_lists_every_refusal():
    policy = ete_core.RoutingPolicy()
    shown = ete_core.plan_transfer(policy, SCHOOL, "T-1", [file(HUB), file(PROVIDER), file(None)])
    assert not shown.sendable
    exchange = ete_core.Exchange(policy)
    with pytest.raises(ete_core.TransferRefused) as raised:
        exchange.confirm(shown, AT)
    assert [(r.position, r.code, r.reason) for r in raised.value.refusals] == [(1, "denied", "forbidden"), (2, "no_recipient", None)]
    assert exchange.inbox("CAP") == [] and exchange.events() == []


def test_a_bad_policy_file_is_refused_with_the_rule_named():
    with pytest.raises(ete_core.InvalidPolicy, match="court"):
        ete_core.RoutingPolicy.from_json(
            '{"kinds": ["hub"], "roles": ["dsl"], "categories": ["other"],'
            ' "rules": [{"id": "r1", "effect": "permit", "from": "hub", "to": "court"}]}'
        )


def test_the_exchange_records_receipts_and_refuses_other_organisations():
    policy = ete_core.RoutingPolicy()
    exchange = ete_core.Exchange(policy)
    [file_id] = exchange.confirm(ete_core.plan_transfer(policy, HUB, "CAP-7", [file(SCHOOL)]), AT)
    with pytest.raises(ete_core.NotRecipient):
        exchange.download(file_id, "PRV-1", "P-1", AT)
    receipt = exchange.download(file_id, "SCH-1", "T-9", AT)
    assert (receipt.organisation, receipt.by, receipt.at) == ("SCH-1", "T-9", AT)
    assert [i.downloaded for i in exchange.inbox("SCH-1")] == [True]
    assert [e["type"] for e in exchange.events()] == ["sent", "downloaded"]
    assert ete_core.Exchange.from_json(exchange.to_json()).to_json() == exchange.to_json()


def test_the_exchange_is_an_aggregate_a_retried_id_changes_nothing_and_events_replay():
    policy = ete_core.RoutingPolicy()
    exchange = ete_core.Exchange(policy)
    shown = ete_core.plan_transfer(policy, HUB, "CAP-7", [file(SCHOOL), file(SCHOOL)])
    assert exchange.confirm(shown, AT, id="send-1") == [1, 2]
    assert exchange.confirm(shown, AT, id="send-1") == [1, 2]  # a retry: the same answer
    assert len(exchange.inbox("SCH-1")) == 2
    receipt = exchange.download(1, "SCH-1", "T-9", AT, id="dl-1")
    assert exchange.download(1, "SCH-1", "T-9", AT, id="dl-1") == receipt
    with pytest.raises(ete_core.InvalidField, match="command id"):
        exchange.download(2, "SCH-1", "T-9", AT, id="dl-1")  # another command under the id
    events = exchange.events()
    assert [(e["command"], e["type"], e["file_id"]) for e in events] == [
        ("send-1", "sent", 1), ("send-1", "sent", 2), ("dl-1", "downloaded", 1)]
    again = ete_core.Exchange.replay(exchange.events_json(), policy)
    assert again.to_json() == exchange.to_json()
    with pytest.raises(ete_core.MalformedInput, match="event 2: a download of file 1 by an organisation"):
        ete_core.Exchange.replay(exchange.events_json().replace('"organisation":"SCH-1"', '"organisation":"PRV-1"'))


def test_one_exchange_shared_by_eight_threads_keeps_every_file():
    policy = ete_core.RoutingPolicy()
    exchange = ete_core.Exchange(policy)
    shown = ete_core.plan_transfer(policy, HUB, "CAP-7", [file(SCHOOL)])

    def work():
        for _ in range(200):
            exchange.confirm(shown, AT)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    items = exchange.inbox("SCH-1")
    assert len(items) == 1600 and len({i.file_id for i in items}) == 1600


def test_a_risk_assessment_too_old_names_the_last_valid_day():
    with pytest.raises(ete_core.RiskAssessmentTooOld, match="2027-02-28"):
        ete_core.check_referral(datetime.date(2026, 11, 30), datetime.date(2027, 3, 1))
    assert ete_core.check_referral(datetime.date(2026, 5, 31), datetime.date(2026, 8, 31)) == datetime.date(2026, 8, 31)
