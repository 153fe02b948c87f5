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
    let mut ex = Exchange::new(policy.clone());
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
            ex.confirm(&shown, at).expect("hub may send");
        } else {
            ex.download_all(&to.id, "STAFF-1", at)
                .expect("a recipient may download");
        }
    }
    ex
}

/// The snapshot with its hash chain recomputed over its (edited) events, as someone who
/// rewrites a snapshot can: the rules, replayed on restore, must still catch the edit.
fn rechained(mut json: Value) -> Value {
    let events = json["events"].as_array().cloned().unwrap_or_default();
    json["chain"] = serde_json::to_value(ete_core::chain::Chain::of(&events).unwrap()).unwrap();
    json
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
    assert_eq!(good["format"], json!(2));

    // A second file with an existing id, in the files or in the events.
    let mut twice = good.clone();
    let first = twice["files"][0].clone();
    twice["files"].as_array_mut().unwrap().push(first);
    assert!(refused(&twice).contains("files are not the fold of the events"));
    let mut twice = good.clone();
    let mut again = twice["events"][0].clone();
    again["command"] = json!("again");
    // Dated as the last event, so that the log still runs forward (T-6).
    again["at"] = twice["events"][2]["at"].clone();
    twice["events"].as_array_mut().unwrap().push(again);
    assert!(refused(&twice).contains("the hash chain breaks at event 3"));
    assert!(refused(&rechained(twice)).contains("file 1 stands where file 3 should"));

    // A receipt for a file never sent to that organisation, in the receipts or the events.
    let mut receipt = good.clone();
    receipt["receipts"].as_array_mut().unwrap().push(
        json!({"fileId": 2, "organisation": "SCH-0", "by": "X", "at": "2026-11-02T10:00:00Z"}),
    );
    assert!(refused(&receipt).contains("receipts are not the fold"));
    let mut receipt = good.clone();
    receipt["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({"command": "x", "actor": "X",
        "at": "2026-11-02T10:00:00Z", "type": "downloaded", "fileId": 2, "organisation": "SCH-0"}));
    assert!(refused(&rechained(receipt)).contains("not sent to"));

    // An emptied log.
    let mut emptied = good.clone();
    emptied["events"] = json!([]);
    assert!(refused(&rechained(emptied)).contains("not the fold of the events"));

    // A school → provider file injected (a forbidden route).
    let mut injected = good.clone();
    let mut forged = good["events"][0].clone();
    forged["command"] = json!("forged");
    forged["at"] = good["events"][2]["at"].clone();
    forged["fileId"] = json!(3);
    forged["sender"] = json!({"kind": "school", "id": "SCH-9"});
    forged["file"]["recipient"] = json!({"kind": "provider", "id": "PRV-1"});
    injected["events"].as_array_mut().unwrap().push(forged);
    let injected = rechained(injected);
    assert!(
        refused(&injected).contains("no-school-to-provider"),
        "{}",
        refused(&injected)
    );

    // A command id used again by a later command.
    let mut reused = good.clone();
    let first_id = reused["events"][0]["command"].clone();
    reused["events"][2]["command"] = first_id;
    assert!(refused(&reused).contains("the hash chain breaks at event 2"));
    assert!(refused(&rechained(reused)).contains("appears again"));

    // Not an object; a newer format; format 0.
    assert!(refused(&json!([])).contains("not an exchange snapshot"));
    let mut newer = good.clone();
    newer["format"] = json!(3);
    assert!(refused(&newer).contains("format 3 is newer"));
    newer["format"] = json!(0);
    assert!(refused(&newer).contains("format 0"));
    assert!(Exchange::restore(&good.to_string(), &RoutingPolicy::default()).is_ok());
}

/// A snapshot restored under a policy that no longer allows one of its routes is refused.
#[test]
fn a_snapshot_is_checked_against_the_policy_it_is_restored_with() {
    let ex = exchange(&[(true, 1)]);
    let strict = RoutingPolicy::from_json(
        r#"{"kinds": ["hub", "school", "provider"], "roles": ["dsl"], "categories": ["risk_assessment"],
            "rules": [{"id": "hub-to-school", "effect": "permit", "from": "hub", "to": "school"}]}"#,
    )
    .unwrap();
    let err = Exchange::restore(&ex.to_json().unwrap(), &strict).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MalformedInput, "{err}");
    assert!(err.to_string().contains("event 0"), "{err}");
}
