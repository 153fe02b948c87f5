//! An exchange's snapshot restores to an equal exchange, and a tampered one is refused naming
//! the first broken invariant (T-1..T-7): the aggregate pattern's "a snapshot is checked on
//! restore".

use chrono::{DateTime, Duration, TimeZone, Utc};
use ete_core::ErrorKind;
use ete_core::routing::{Exchange, Organisation, RoutingPolicy, TransferFile, plan};
use proptest::prelude::*;
use serde_json::{Value, json};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn file(to: &Organisation, role: &str, category: &str) -> TransferFile {
    TransferFile {
        name: "a.pdf".into(),
        recipient: Some(to.clone()),
        role: role.into(),
        description: "CFC JN".into(),
        category: category.into(),
    }
}

/// An exchange after `steps`: sends from the hub to schools and providers, and downloads.
fn exchange(steps: &[(bool, u8)]) -> Exchange {
    let policy = RoutingPolicy::default();
    let hub = Organisation::new("hub", "HUB-1");
    let mut ex = Exchange::new();
    for (i, (send, org)) in steps.iter().enumerate() {
        let at = t0() + Duration::minutes(i as i64);
        let to = if org % 2 == 0 {
            Organisation::new("school", format!("SCH-{org}"))
        } else {
            Organisation::new("provider", format!("PRV-{org}"))
        };
        if *send {
            let shown = plan(
                &policy,
                &hub,
                "CAP-1",
                vec![file(&to, "dsl", "risk_assessment")],
            );
            ex.confirm(&policy, &shown, at).expect("hub may send");
        } else {
            ex.download_all(&to.id, "STAFF-1", at);
        }
    }
    ex
}

fn refused(json: &Value) -> String {
    let e = Exchange::restore(&json.to_string(), &RoutingPolicy::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MalformedInput, "{e}");
    e.to_string()
}

proptest! {
    #[test]
    fn a_snapshot_restores_to_an_equal_exchange(steps in prop::collection::vec((any::<bool>(), 0u8..4), 0..20)) {
        let ex = exchange(&steps);
        let restored = Exchange::restore(&ex.to_json().unwrap(), &RoutingPolicy::default()).unwrap();
        prop_assert_eq!(restored, ex);
    }

    /// Any single-byte change to a snapshot is refused or restores to a valid exchange whose
    /// own snapshot restores to itself: never a panic, never an exchange that breaks the rules.
    #[test]
    fn a_changed_byte_is_refused_or_gives_a_valid_exchange(
        steps in prop::collection::vec((any::<bool>(), 0u8..4), 1..8),
        position in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = exchange(&steps).to_json().unwrap().into_bytes();
        let i = position.index(bytes.len());
        bytes[i] = byte;
        if let Ok(text) = String::from_utf8(bytes)
            && let Ok(ex) = Exchange::restore(&text, &RoutingPolicy::default())
        {
            let again = Exchange::restore(&ex.to_json().unwrap(), &RoutingPolicy::default());
            prop_assert_eq!(again.unwrap(), ex);
        }
    }
}

#[test]
fn tampered_snapshots_are_refused_naming_the_broken_invariant() {
    let ex = exchange(&[(true, 0), (true, 1), (false, 0)]);
    let good: Value = serde_json::from_str(&ex.to_json().unwrap()).unwrap();

    // A second file with an existing id.
    let mut twice = good.clone();
    let first = twice["files"][0].clone();
    twice["files"].as_array_mut().unwrap().push(first);
    assert!(refused(&twice).contains("file 1 stands where file 3 should"));

    // A receipt for a file never sent to that organisation.
    let mut receipt = good.clone();
    receipt["receipts"].as_array_mut().unwrap().push(
        json!({"fileId": 2, "organisation": "SCH-0", "by": "X", "at": "2026-11-02T10:00:00Z"}),
    );
    assert!(refused(&receipt).contains("not sent to"));

    // An emptied audit log.
    let mut emptied = good.clone();
    emptied["log"] = json!([]);
    assert!(refused(&emptied).contains("missing sends or downloads"));

    // A school → provider file injected (a forbidden route).
    let mut injected = good.clone();
    let mut forged = good["files"][0].clone();
    forged["id"] = json!(3);
    forged["sender"] = json!({"kind": "school", "id": "SCH-9", "attributes": {}});
    forged["recipient"] = json!({"kind": "provider", "id": "PRV-1", "attributes": {}});
    forged["file"]["recipient"] = forged["recipient"].clone();
    injected["files"].as_array_mut().unwrap().push(forged);
    assert!(
        refused(&injected).contains("no-school-to-provider"),
        "{}",
        refused(&injected)
    );

    // Not an object, and a byte-order-less garbage value.
    assert!(refused(&json!([])).contains("invalid exchange snapshot"));
    assert!(Exchange::restore(&good.to_string(), &RoutingPolicy::default()).is_ok());
}
