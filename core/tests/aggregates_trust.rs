//! Issue 13 item 5 and issue 14 items 5, 7, 9, 10 for the aggregates: a lesson that ends at or
//! before it starts, the completion readers' date policy, a requirement's replay cost, format
//! versions and hash chains.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ete_core::ErrorKind;
use ete_core::hours::{
    ReadMode, ReadPolicy, read_completions_csv_with, read_completions_json_with,
};
use ete_core::register::{Lesson, Register, RegisterError};

fn nine() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

#[test]
fn a_lesson_ending_at_or_before_its_start_is_refused_naming_ends_at() {
    for ends in [nine(), nine() - Duration::minutes(1)] {
        let err = Lesson::new("L-1", "PRV-1", nine(), ends).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField, "{err}");
        assert!(matches!(&err, RegisterError::InvalidField { field, .. } if field == "ends_at"));
        let lesson = Lesson {
            id: "L-1".into(),
            provider: "PRV-1".into(),
            starts_at: nine(),
            ends_at: ends,
        };
        let err = Register::new(lesson, &["LRN-1".into()]).unwrap_err();
        assert!(err.to_string().contains("ends_at"), "{err}");
    }
    let good = Lesson::new("L-1", "PRV-1", nine(), nine() + Duration::hours(1)).unwrap();
    let register = Register::new(good, &["LRN-1".into()]).unwrap();
    // A snapshot whose lesson was edited to end before it starts is refused on restore.
    let json = register
        .to_json()
        .unwrap()
        .replace("2026-11-24T10:00:00Z", "2026-11-24T08:00:00Z");
    assert!(
        Register::restore(&json)
            .unwrap_err()
            .to_string()
            .contains("ends_at")
    );
}

const CSV: &str = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes\n\
                   P-1,Budgeting,2026-11-02T14:05:00Z,Completed,95,120\n\
                   P-2,Budgeting,2019-06-01T10:00:00Z,Completed,95,120\n";

#[test]
fn the_readers_take_a_policy_and_refuse_an_inverted_one() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let read = read_completions_csv_with(CSV.as_bytes(), ReadMode::Lenient, &ReadPolicy::default())
        .unwrap();
    assert_eq!(read.completions.len(), 2);
    let narrow = ReadPolicy {
        earliest: day(2020, 1, 1),
        ..ReadPolicy::default()
    };
    let read = read_completions_csv_with(CSV.as_bytes(), ReadMode::Lenient, &narrow).unwrap();
    assert_eq!(read.completions.len(), 1);
    assert_eq!(read.rejects[0].field.as_deref(), Some("completionDateTime"));
    let inverted = ReadPolicy {
        earliest: day(2101, 1, 1),
        ..ReadPolicy::default()
    };
    let err = read_completions_csv_with(CSV.as_bytes(), ReadMode::Lenient, &inverted).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{err}");
    let err = read_completions_json_with("[]", ReadMode::Lenient, &inverted).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{err}");
}

mod ledger_totals {
    use chrono::{Duration, NaiveDate};
    use ete_core::Minutes;
    use ete_core::hours::{
        AppointmentOutcome, LedgerEntry, LedgerEventKind, LedgerPolicy, OrderKind, Requirement,
        RequirementTerms,
    };
    use proptest::prelude::*;

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
    }

    fn entries() -> impl Strategy<Value = Vec<LedgerEntry>> {
        let event = prop_oneof![
            (
                0u64..900,
                prop::sample::select(vec![
                    AppointmentOutcome::Attended,
                    AppointmentOutcome::AcceptableAbsence,
                    AppointmentOutcome::UnacceptableAbsence,
                ])
            )
                .prop_map(|(m, outcome)| LedgerEventKind::WorkAppointment {
                    minutes: Minutes::new(m).unwrap(),
                    outcome,
                }),
            (0u64..2_000).prop_map(|m| LedgerEventKind::EteCredit {
                minutes: Minutes::new(m).unwrap(),
                course_name: "Budgeting".into(),
            }),
            (-3_000i64..3_000).prop_map(|minutes| LedgerEventKind::Adjustment { minutes }),
            (0u32..30).prop_map(|months| LedgerEventKind::Extension { months }),
        ];
        let entry = (0u8..40, 0i64..5, event).prop_map(|(id, day, event)| {
            LedgerEntry::new(start() + Duration::days(day), "SUP-1", event)
                .with_id(format!("e{id}"))
        });
        prop::collection::vec(entry, 0..60)
    }

    proptest! {
        /// The totals a ledger keeps as it records (what `ete_fit` and the checks of `record`
        /// read) agree with the figures summed from the entries (`status`), and a restore
        /// rebuilds them.
        #[test]
        fn the_kept_totals_are_the_sums_of_the_entries(entries in entries(), proposed in 0u64..10_000) {
            let terms = RequirementTerms {
                id: "R-1".into(), person_ref: "P-1".into(), kind: OrderKind::Adult,
                required: Minutes::new(6_000).unwrap(), start: start(), incentive_eligible: true,
            };
            let mut r = Requirement::new(terms, LedgerPolicy::default()).unwrap();
            for entry in entries {
                let _ = r.record(entry);
            }
            let status = r.status(NaiveDate::MAX).unwrap();
            let proposed = Minutes::new(proposed).unwrap();
            let fit = r.ete_fit(proposed).unwrap();
            prop_assert_eq!(fit.fits, proposed.min(status.ete_remaining).min(status.remaining));
            let back = Requirement::from_json(&r.to_json().unwrap()).unwrap();
            prop_assert_eq!(back.ete_fit(proposed).unwrap(), fit);
            prop_assert_eq!(&back, &r);
            for entry in r.entries() {
                prop_assert!(back.has_entry(entry.id.as_deref().unwrap()));
            }
        }
    }
}

mod hash_chains {
    use chrono::{Duration, NaiveDate, TimeZone, Utc};
    use ete_core::chain::{Chain, EMPTY_HEAD, verify_json};
    use ete_core::hours::{
        LedgerEntry, LedgerEventKind, LedgerPolicy, OrderKind, Requirement, RequirementTerms,
    };
    use ete_core::licences::{AccountKind, Action, Command, Pool, PoolPolicy};
    use ete_core::register::{Actor, Lesson, Register, Role};
    use ete_core::{ErrorKind, Minutes};
    use serde_json::{Value, json};

    fn requirement() -> Requirement {
        let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let terms = RequirementTerms {
            id: "R-1".into(),
            person_ref: "P-1".into(),
            kind: OrderKind::Adult,
            required: Minutes::new(6_000).unwrap(),
            start,
            incentive_eligible: false,
        };
        let mut r = Requirement::new(terms, LedgerPolicy::default()).unwrap();
        for (i, months) in [1u32, 2, 3].into_iter().enumerate() {
            let entry = LedgerEntry::new(
                start + Duration::days(1),
                "SUP-1",
                LedgerEventKind::Extension { months },
            );
            r.record(entry.with_id(format!("e{i}"))).unwrap();
        }
        r
    }

    #[test]
    fn every_recorded_entry_moves_the_head_and_an_edit_breaks_the_chain_at_its_position() {
        let r = requirement();
        assert_eq!(r.chain().len(), 3);
        assert_ne!(r.head_hash(), EMPTY_HEAD);
        assert_eq!(verify_json(&r.to_json().unwrap()).unwrap(), r.head_hash());
        let mut snapshot: Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
        assert_eq!(snapshot["format"], json!(3));
        snapshot["entries"][1]["months"] = json!(9);
        let text = snapshot.to_string();
        assert_eq!(verify_json(&text).unwrap_err().position, 1);
        let err = Requirement::from_json(&text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(
            err.to_string().contains("hash chain breaks at event 1"),
            "{err}"
        );
        // A newer format is refused; format 1 (no format, no chain) is read.
        snapshot["format"] = json!(4);
        assert!(
            Requirement::from_json(&snapshot.to_string())
                .unwrap_err()
                .to_string()
                .contains("newer")
        );
        let mut old: Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
        old.as_object_mut().unwrap().remove("format");
        old.as_object_mut().unwrap().remove("opening");
        old.as_object_mut().unwrap().remove("chain");
        assert_eq!(Requirement::from_json(&old.to_string()).unwrap(), r);
        // A chain with its format removed, or set to 1 (which had no chain), is refused.
        for format in [None, Some(json!(1))] {
            let mut stripped: Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
            match format {
                None => drop(stripped.as_object_mut().unwrap().remove("format")),
                Some(f) => stripped["format"] = f,
            }
            let err = Requirement::from_json(&stripped.to_string()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::MalformedInput);
            assert!(err.to_string().contains("format 1"), "{err}");
            assert_eq!(
                err.to_string().matches("invalid requirement JSON").count(),
                1,
                "the prefix once: {err}"
            );
        }
    }

    /// The terms and the embedded policy lie inside the chain (format 3): the opening hash
    /// covers them, so an edit is refused, and the head hash depends on them.
    #[test]
    fn a_requirement_with_edited_terms_or_policy_is_refused_and_its_head_moves() {
        let r = requirement();
        let snapshot: Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
        assert_eq!(snapshot["opening"], json!(r.chain().base()));
        for (path, value) in [
            (&["terms", "kind"][..], json!("youth")),
            (&["terms", "required"][..], json!(3000)),
            (&["terms", "start"][..], json!("2026-01-04")),
            (&["terms", "incentiveEligible"][..], json!(true)),
            (&["policy", "completionMonths"][..], json!(18)),
            (
                &["policy", "eteShare"][..],
                json!({"numerator": 1, "denominator": 2}),
            ),
        ] {
            let mut edited = snapshot.clone();
            let mut slot = &mut edited;
            for key in path {
                slot = &mut slot[*key];
            }
            *slot = value;
            let err = Requirement::from_json(&edited.to_string()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::MalformedInput, "{path:?}");
            assert!(
                err.to_string().contains("opening hash differs"),
                "{path:?}: {err}"
            );
            assert_eq!(
                err.to_string().matches("invalid requirement JSON").count(),
                1,
                "{err}"
            );
        }
        // With no entry the head is the opening hash, which differs with the terms.
        let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let terms = |required: u64| RequirementTerms {
            id: "R-1".into(),
            person_ref: "P-1".into(),
            kind: OrderKind::Adult,
            required: Minutes::new(required).unwrap(),
            start,
            incentive_eligible: false,
        };
        let a = Requirement::new(terms(6000), LedgerPolicy::default()).unwrap();
        let b = Requirement::new(terms(6060), LedgerPolicy::default()).unwrap();
        assert_ne!(a.head_hash(), b.head_hash());
        assert_ne!(a.head_hash(), EMPTY_HEAD);
        // An opening hash on a format 2 requirement, or none on format 3, is refused.
        let mut two = snapshot.clone();
        two["format"] = json!(2);
        assert!(
            Requirement::from_json(&two.to_string())
                .unwrap_err()
                .to_string()
                .contains("format 3 added it")
        );
        let mut none = snapshot;
        none.as_object_mut().unwrap().remove("opening");
        assert!(
            Requirement::from_json(&none.to_string())
                .unwrap_err()
                .to_string()
                .contains("no opening hash")
        );
    }

    /// What the chain does not prove: a rewrite of the whole chain verifies (only a published
    /// head hash catches it), and so does the log with its tail cut (only a recorded length
    /// catches that).
    #[test]
    fn a_rewritten_chain_or_a_cut_tail_is_only_caught_against_the_head_or_the_length() {
        let r = requirement();
        let published = r.head_hash();
        let mut snapshot: Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
        snapshot["entries"][2]["months"] = json!(4);
        let entries = snapshot["entries"].as_array().unwrap().clone();
        let mut chain = Chain::default().starting_at(r.chain().base().to_owned());
        for entry in &entries {
            chain.push(entry).unwrap();
        }
        snapshot["chain"] = serde_json::to_value(chain).unwrap();
        let rewritten = Requirement::from_json(&snapshot.to_string()).unwrap();
        assert_ne!(rewritten.head_hash(), published);
        let mut cut: Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
        cut["entries"].as_array_mut().unwrap().pop();
        cut["chain"].as_array_mut().unwrap().pop();
        let shorter = Requirement::from_json(&cut.to_string()).unwrap();
        assert_eq!(shorter.entries().len(), 2);
        assert_ne!(shorter.head_hash(), published);
    }

    #[test]
    fn a_register_snapshot_with_an_edited_event_is_refused_naming_its_position() {
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 11, 0, 0).unwrap();
        let lesson = Lesson::new("L-1", "PRV-1", at - Duration::hours(2), at).unwrap();
        let mut register = Register::new(lesson, &["A".into()]).unwrap();
        let hub = Actor::new(Role::Hub, "CAP-1");
        register.add_note(&hub, "A", "Arrived late", at).unwrap();
        register.add_note(&hub, "A", "Left early", at).unwrap();
        let mut snapshot: Value = serde_json::from_str(&register.to_json().unwrap()).unwrap();
        assert_eq!(
            verify_json(&snapshot.to_string()).unwrap(),
            register.head_hash()
        );
        // The note's text edited in the event and in the notes: the fold agrees, the chain not.
        snapshot["events"][1]["text"] = json!("Left on time");
        snapshot["notes"][1]["text"] = json!("Left on time");
        let err = Register::restore(&snapshot.to_string()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        // One position per fault.
        assert!(
            err.to_string()
                .starts_with("register event 1: the hash chain breaks: "),
            "{err}"
        );
        assert!(!err.to_string().contains("Left"), "{err}");
    }

    #[test]
    fn a_pool_log_changed_without_changing_the_fold_is_refused_against_the_head() {
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let (mut pool, opened) =
            Pool::open("open", "ADMIN-1", at, "Wales", 1, PoolPolicy::default()).unwrap();
        let mut log = vec![opened];
        let request = Command {
            id: "c1".into(),
            actor: "ADMIN-1".into(),
            at,
            action: Action::Request {
                person: "P-1".into(),
                kind: AccountKind::Learner,
                requirement_end: None,
                courses: vec![],
            },
        };
        log.extend(pool.execute(&request).unwrap());
        assert!(pool.head_hash().is_some());
        assert_eq!(Pool::restore(&pool.to_json().unwrap(), &log).unwrap(), pool);
        // Who gave the command is not part of the pool's state: only the chain shows the edit.
        let mut edited = log.clone();
        edited[1].actor = "SOMEONE-ELSE".into();
        let err = Pool::restore(&pool.to_json().unwrap(), &edited).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(err.to_string().contains("hash chain"), "{err}");
        // A snapshot written before pools kept a head is read and takes the log's.
        let mut old: Value = serde_json::from_str(&pool.to_json().unwrap()).unwrap();
        for key in ["head", "chain", "format", "lastAt"] {
            old.as_object_mut().unwrap().remove(key);
        }
        assert_eq!(Pool::restore(&old.to_string(), &log).unwrap(), pool);
    }
}
