"""The committed fixtures of every format (tests/fixtures/, issue 14 item 9) load from Python:
today's (-v2) restore and write back the same JSON; the formats before (-v1) migrate on read."""

import datetime
import json
import pathlib

import pytest

import ete_core

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def text(name):
    return (FIXTURES / name).read_text()


def test_exchange_fixtures_load_and_format_1_migrates():
    today = ete_core.Exchange.from_json(text("exchange-v2.json"))
    assert json.loads(today.to_json()) == json.loads(text("exchange-v2.json"))
    old = ete_core.Exchange.from_json(text("exchange-v1.json"))
    assert [(i.file_id, i.downloaded) for i in old.inbox("SCH-1")] == [(1, True)]
    assert [(i.file_id, i.downloaded) for i in today.inbox("PRV-1")] == [(2, False)]
    assert len(old.events()) == 3


def test_register_requirement_and_pool_fixtures_load_and_format_1_migrates():
    register = ete_core.Register.restore(text("register-v3.json"))
    assert json.loads(register.to_json()) == json.loads(text("register-v3.json"))
    for old in ("register-v1.json", "register-v2.json"):
        assert ete_core.Register.restore(text(old)).to_json() == register.to_json()
    requirement = ete_core.Requirement.from_json(text("requirement-v3.json"))
    assert json.loads(requirement.to_json()) == json.loads(text("requirement-v3.json"))
    for old in ("requirement-v1.json", "requirement-v2.json"):
        assert ete_core.Requirement.from_json(text(old)).to_json() == requirement.to_json()
    pool = ete_core.LicencePool.restore(text("pool-v4.json"), text("pool-log-v2.json"))
    assert json.loads(pool.to_json()) == json.loads(text("pool-v4.json"))
    for old in ("pool-v2.json", "pool-v3.json"):
        assert ete_core.LicencePool.restore(text(old), text("pool-log-v2.json")).to_json() == pool.to_json()
    old = ete_core.LicencePool.restore(text("pool-v1.json"), text("pool-log-v1.json"))
    assert old.to_json() == pool.to_json()


def test_placement_fixtures_load_and_format_1_migrates():
    today = ete_core.Placement.restore(text("placement-v3.json"))
    assert json.loads(today.to_json()) == json.loads(text("placement-v3.json"))
    for old in ("placement-v1.json", "placement-v2.json"):
        assert ete_core.Placement.restore(text(old)).to_json() == today.to_json()
    assert today.status == "started"
    assert today.head_hash() == json.loads(text("placement-v3.json"))["chain"][-1]


def test_policy_fixtures_load():
    assert ete_core.RoutingPolicy.from_json(text("routing-policy-v1.json")).to_json() == ete_core.RoutingPolicy().to_json()
    assert ete_core.LedgerPolicy.from_json(text("ledger-policy-v1.json")).to_json() == ete_core.LedgerPolicy().to_json()


def test_policy_fixtures_with_their_format_load():
    assert ete_core.CreditPolicy.from_json(text("credit-policy-v1.json")) == ete_core.CreditPolicy()
    assert json.loads(ete_core.CreditPolicy().to_json()) == json.loads(text("credit-policy-v1.json"))
    assert ete_core.ReadPolicy.from_json(text("reading-policy-v1.json")) == ete_core.ReadPolicy()
    staff = ete_core.StaffPolicy.from_json(text("staff-policy-v1.json"))
    assert json.loads(staff.to_json()) == json.loads(text("staff-policy-v1.json"))
    assert json.loads(ete_core.LedgerPolicy().to_json())["format"] == 1
    opened = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.timezone.utc)
    pool = ete_core.LicencePool("North", 2, opened, policy=text("pool-policy-v1.json"))
    assert pool.to_json() == ete_core.LicencePool("North", 2, opened).to_json()
    assert ete_core.statutory_csv([], policy=text("statutory-policy-v1.json")) == ete_core.statutory_csv([])


@pytest.mark.parametrize("read", [
    ete_core.CreditPolicy.from_json, ete_core.ReadPolicy.from_json, ete_core.StaffPolicy.from_json,
    ete_core.LedgerPolicy.from_json, ete_core.RoutingPolicy.from_json,
])
def test_a_policy_of_another_format_is_invalid_policy(read):
    with pytest.raises(ete_core.InvalidPolicy, match="format 2 is newer"):
        read('{"format": 2}')
