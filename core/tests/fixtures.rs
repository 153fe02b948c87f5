//! The committed fixtures of every format (`tests/fixtures/`, issue 14 item 9) load: today's
//! (the newest of each) restore to what they describe and write back the same JSON; the formats before
//! (`-v1`, written by the release before format versions, and a register's `-v2`) migrate on read to the same state.
//! The Python and Kotlin suites load the same files.

use std::path::Path;

use ete_core::hours::{LedgerPolicy, Requirement};
use ete_core::licences::{Event, Pool};
use ete_core::register::Register;
use ete_core::routing::{Exchange, RoutingPolicy};
use ete_core::training::{Placement, PlacementStatus};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn exchange_fixtures_load_and_format_1_migrates() {
    let policy = RoutingPolicy::default();
    let today = Exchange::restore(&fixture("exchange-v2.json"), &policy).unwrap();
    assert_eq!(
        json(&today.to_json().unwrap()),
        json(&fixture("exchange-v2.json"))
    );
    let old = Exchange::restore(&fixture("exchange-v1.json"), &policy).unwrap();
    assert_eq!(old.files(), today.files());
    assert_eq!(old.receipts(), today.receipts());
    assert_eq!(old.events().len(), 3);
    assert_eq!(today.inbox("SCH-1").len(), 1);
    assert!(today.inbox("SCH-1")[0].downloaded && !today.inbox("PRV-1")[0].downloaded);
    // The migrated exchange writes today's format, which restores to itself.
    let again = Exchange::restore(&old.to_json().unwrap(), &policy).unwrap();
    assert_eq!(again, old);
}

#[test]
fn register_fixtures_load_and_formats_1_and_2_migrate() {
    let today = Register::restore(&fixture("register-v3.json")).unwrap();
    assert_eq!(
        json(&today.to_json().unwrap()),
        json(&fixture("register-v3.json"))
    );
    for old in ["register-v1.json", "register-v2.json"] {
        assert_eq!(Register::restore(&fixture(old)).unwrap(), today, "{old}");
    }
    assert_eq!(today.events().len(), 5);
    assert_eq!(today.notes().len(), 1);
}

#[test]
fn requirement_fixtures_load_and_formats_1_and_2_migrate() {
    let today = Requirement::from_json(&fixture("requirement-v3.json")).unwrap();
    assert_eq!(
        json(&today.to_json().unwrap()),
        json(&fixture("requirement-v3.json"))
    );
    for old in ["requirement-v1.json", "requirement-v2.json"] {
        assert_eq!(
            Requirement::from_json(&fixture(old)).unwrap(),
            today,
            "{old}"
        );
    }
    assert_eq!(today.entries().len(), 4);
}

#[test]
fn pool_fixtures_load_with_their_log_and_format_1_migrates() {
    let log: Vec<Event> = serde_json::from_str(&fixture("pool-log-v2.json")).unwrap();
    let today = Pool::restore(&fixture("pool-v4.json"), &log).unwrap();
    assert_eq!(
        json(&today.to_json().unwrap()),
        json(&fixture("pool-v4.json"))
    );
    // Format 3 (no lastAt) migrates with its log, taking the log's last time, and alone,
    // taking the latest time its state holds (here the same).
    assert_eq!(
        Pool::restore(&fixture("pool-v3.json"), &log).unwrap(),
        today
    );
    assert_eq!(
        Pool::from_json(&fixture("pool-v3.json")).unwrap().last_at(),
        today.last_at()
    );
    // Format 2 (a head hash, no links) migrates with its log.
    assert_eq!(
        Pool::restore(&fixture("pool-v2.json"), &log).unwrap(),
        today
    );
    let old_log: Vec<Event> = serde_json::from_str(&fixture("pool-log-v1.json")).unwrap();
    assert_eq!(
        Pool::restore(&fixture("pool-v1.json"), &old_log).unwrap(),
        today
    );
    assert_eq!(
        Pool::from_json(&fixture("pool-v1.json"))
            .unwrap()
            .head_hash(),
        None
    );
}

#[test]
fn placement_fixtures_load_and_formats_1_and_2_migrate() {
    let today = Placement::restore(&fixture("placement-v3.json")).unwrap();
    assert_eq!(
        json(&today.to_json().unwrap()),
        json(&fixture("placement-v3.json"))
    );
    for old in ["placement-v1.json", "placement-v2.json"] {
        assert_eq!(Placement::restore(&fixture(old)).unwrap(), today, "{old}");
    }
    assert_eq!(today.status(), Some(PlacementStatus::Started));
    assert_eq!(today.events().len(), 3);
}

#[test]
fn policy_fixtures_load() {
    let routing = RoutingPolicy::from_json(&fixture("routing-policy-v1.json")).unwrap();
    assert_eq!(routing, RoutingPolicy::default());
    let ledger = LedgerPolicy::from_json(&fixture("ledger-policy-v1.json")).unwrap();
    assert_eq!(ledger, LedgerPolicy::default());
    // Written with their `format` (1), as every policy is today.
    use ete_core::hours::{CreditPolicy, ReadPolicy};
    use ete_core::licences::{PoolPolicy, SessionPolicy};
    use ete_core::register::StatutoryPolicy;
    use ete_core::staff::StaffPolicy;
    assert_eq!(
        CreditPolicy::from_json(&fixture("credit-policy-v1.json")).unwrap(),
        CreditPolicy::default()
    );
    assert_eq!(
        json(&CreditPolicy::default().to_json()),
        json(&fixture("credit-policy-v1.json"))
    );
    assert_eq!(
        ReadPolicy::from_json(&fixture("reading-policy-v1.json")).unwrap(),
        ReadPolicy::default()
    );
    assert_eq!(
        PoolPolicy::from_json(&fixture("pool-policy-v1.json")).unwrap(),
        PoolPolicy::default()
    );
    assert_eq!(
        SessionPolicy::from_json(&fixture("session-policy-v1.json")).unwrap(),
        SessionPolicy::default()
    );
    assert_eq!(
        StatutoryPolicy::from_json(&fixture("statutory-policy-v1.json")).unwrap(),
        StatutoryPolicy::default()
    );
    let staff = StaffPolicy::from_json(&fixture("staff-policy-v1.json")).unwrap();
    assert_eq!(staff, StaffPolicy::default());
    assert_eq!(
        json(&staff.to_json()),
        json(&fixture("staff-policy-v1.json"))
    );
}
