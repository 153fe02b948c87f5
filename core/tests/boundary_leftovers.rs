//! Issue 13's boundary leftovers, on the Rust side: what the bindings' reprs and `toString`
//! read comes from core, and a transfer file's `Debug` shows no name.

use chrono::{NaiveDate, TimeZone, Utc};
use ete_core::hours::ReadPolicy;
use ete_core::licences::{AccessSessions, SessionPolicy};
use ete_core::register::{Actor, RecordNotes, Role};
use ete_core::routing::{Organisation, TransferFile};

#[test]
fn a_transfer_file_debug_shows_its_category_role_and_recipient_only() {
    let file = TransferFile {
        name: "Zebedee Quist plan.pdf".into(),
        recipient: Some(Organisation::new("school", "SCH-1")),
        role: "dsl".into(),
        description: "CFC ZQ".into(),
        category: "risk_assessment".into(),
    };
    let shown = format!("{file:?}");
    assert!(
        !shown.contains("Zebedee") && !shown.contains("ZQ"),
        "{shown}"
    );
    assert!(shown.contains("risk_assessment") && shown.contains("SCH-1") && shown.contains("dsl"));
}

#[test]
fn sessions_and_notes_give_their_region_and_notes() {
    let mut sessions = AccessSessions::new("Wales", SessionPolicy::default());
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    sessions
        .schedule("S-1", "Library", day, "SUP-1", 2, 1)
        .unwrap();
    assert_eq!(sessions.region(), "Wales");
    let mut notes = RecordNotes::new("LRN-1");
    assert!(notes.notes().is_empty());
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    notes
        .add(&Actor::new(Role::Hub, "CAP-1"), "Arrived late", at)
        .unwrap();
    assert_eq!(notes.notes().len(), 1);
    assert_eq!(notes.notes()[0].text, "Arrived late");
}

#[test]
fn a_read_policy_round_trips_through_its_json_with_a_format() {
    let policy = ReadPolicy {
        earliest: NaiveDate::from_ymd_opt(2010, 1, 1).unwrap(),
        ..ReadPolicy::default()
    };
    let text = policy.to_json();
    assert!(text.contains("\"format\""), "{text}");
    assert_eq!(ReadPolicy::from_json(&text).unwrap(), policy);
}
