//! Issue 14, the hostile-caller findings left open: a register's lesson and learners covered
//! by its opening hash, blank lesson fields and empty learner lists refused, and the other
//! leftovers (placement formats and chains, time going backwards, implausible dates, reader
//! positions, policy formats, the pool log's links).

use chrono::{DateTime, Duration, TimeZone, Utc};
use ete_core::ErrorKind;
use ete_core::register::{Actor, Lesson, Mark, Register, RegisterError, Role};
use serde_json::Value;

fn nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

fn lesson() -> Lesson {
    Lesson::new("L-1", "PRV-1", nine(), nine() + Duration::hours(2)).unwrap()
}

fn marked() -> Register {
    let mut register = Register::new(lesson(), &["A".into(), "B".into()]).unwrap();
    let tutor = Actor::new(Role::Provider, "TUTOR-3");
    let after = nine() + Duration::hours(3);
    register.mark(&tutor, "A", Mark::Present, after).unwrap();
    register
        .add_note(&tutor, "A", "Arrived with a carer", after)
        .unwrap();
    register
}

fn snapshot(register: &Register) -> Value {
    serde_json::from_str(&register.to_json().unwrap()).unwrap()
}

fn refused(json: &Value) -> RegisterError {
    Register::restore(&json.to_string()).unwrap_err()
}

#[test]
fn a_register_snapshot_with_a_changed_lesson_is_refused_naming_the_opening() {
    let register = marked();
    let good = snapshot(&register);
    assert_eq!(good["format"], 3);
    assert_eq!(
        Register::restore(&good.to_string()).unwrap(),
        register,
        "the snapshot restores to itself"
    );
    for (field, value) in [
        ("id", Value::from("L-2")),
        ("provider", Value::from("PRV-9")),
        ("startsAt", Value::from("2026-11-24T08:00:00Z")),
        ("endsAt", Value::from("2026-11-24T10:30:00Z")),
    ] {
        let mut tampered = good.clone();
        tampered["lesson"][field] = value;
        // The note repeats the lesson id: keep it consistent, as a careful forger would.
        if field == "id" {
            tampered["notes"][0]["lesson"] = "L-2".into();
        }
        let err = refused(&tampered);
        assert_eq!(err.kind(), ErrorKind::MalformedInput, "{field}: {err}");
        assert!(
            err.to_string()
                .contains("not those the register was opened with"),
            "{field}: {err}"
        );
    }
    // An end before the start is named as such (the lesson check comes first).
    let mut inverted = good.clone();
    inverted["lesson"]["endsAt"] = "2026-11-24T08:00:00Z".into();
    assert!(refused(&inverted).to_string().contains("ends_at"));
}

#[test]
fn a_register_snapshot_with_a_learner_added_or_removed_is_refused() {
    let good = snapshot(&marked());
    let mut added = good.clone();
    added["entries"]["INTRUDER"] =
        serde_json::json!({"providerMark": null, "schoolDecision": null, "contribution": null});
    let err = refused(&added);
    assert!(err.to_string().contains("opened with"), "{err}");
    let mut removed = good.clone();
    removed["entries"].as_object_mut().unwrap().remove("B");
    assert!(refused(&removed).to_string().contains("opened with"));
    // With no event at all, the opening hash still covers the lesson and the learners.
    let empty = snapshot(&Register::new(lesson(), &["A".into()]).unwrap());
    let mut added = empty.clone();
    added["entries"]["INTRUDER"] =
        serde_json::json!({"providerMark": null, "schoolDecision": null, "contribution": null});
    assert!(refused(&added).to_string().contains("opened with"));
    let mut renamed = empty;
    renamed["lesson"]["id"] = "L-2".into();
    assert!(refused(&renamed).to_string().contains("opened with"));
}

#[test]
fn a_register_snapshot_without_its_format_or_opening_is_refused() {
    let good = snapshot(&marked());
    let mut no_format = good.clone();
    no_format.as_object_mut().unwrap().remove("format");
    let err = refused(&no_format);
    assert!(err.to_string().contains("no format"), "{err}");
    let mut no_opening = good.clone();
    no_opening.as_object_mut().unwrap().remove("opening");
    assert!(refused(&no_opening).to_string().contains("no opening hash"));
    // A format 2 snapshot (chain from the empty head) may not carry an opening hash.
    let mut two = good.clone();
    two["format"] = 2.into();
    assert!(refused(&two).to_string().contains("format 3 added it"));
    // A format 1 snapshot has no chain.
    let mut one = good;
    one["format"] = 1.into();
    one.as_object_mut().unwrap().remove("opening");
    assert!(refused(&one).to_string().contains("no chain"));
}

#[test]
fn the_head_hash_covers_the_opening() {
    let one = Register::new(lesson(), &["A".into()]).unwrap();
    let other = Register::new(
        Lesson::new("L-2", "PRV-1", nine(), nine() + Duration::hours(2)).unwrap(),
        &["A".into()],
    )
    .unwrap();
    assert_ne!(one.head_hash(), other.head_hash());
    assert_ne!(one.head_hash(), ete_core::chain::EMPTY_HEAD);
    assert_eq!(
        ete_core::chain::verify_json(&marked().to_json().unwrap()).unwrap(),
        marked().head_hash()
    );
}

#[test]
fn blank_lesson_fields_and_learner_lists_are_invalid_field_naming_the_field() {
    let later = nine() + Duration::hours(1);
    for (id, provider, field) in [
        ("", "PRV-1", "id"),
        ("L-1", " ", "provider"),
        ("", "", "id"),
    ] {
        let err = Lesson::new(id, provider, nine(), later).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField);
        assert!(
            matches!(&err, RegisterError::InvalidField { field: f, .. } if f == field),
            "{err}"
        );
    }
    // A lesson built field by field is checked by the register.
    let blank = Lesson {
        id: String::new(),
        ..lesson()
    };
    assert!(matches!(Register::new(blank, &["A".into()]),
        Err(RegisterError::InvalidField { field, .. }) if field == "id"));
    for learners in [
        vec![],
        vec!["A".to_owned(), "A".to_owned()],
        vec![" ".to_owned()],
    ] {
        let err = Register::new(lesson(), &learners).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField, "{learners:?}");
        assert!(
            matches!(&err, RegisterError::InvalidField { field, .. } if field == "learners"),
            "{learners:?}: {err}"
        );
    }
}

mod placements {
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};
    use ete_core::ErrorKind;
    use ete_core::register::{Actor, Role};
    use ete_core::routing::ReferralPolicy;
    use ete_core::training::{
        Establishment, PLACEMENT_FORMAT, Placement, PlacementAction, PlacementApplication,
        PlacementCommand, Tier, TrainingError,
    };
    use serde_json::{Value, json};

    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, day, 9, 0, 0).unwrap()
    }

    fn command(
        id: &str,
        role: Role,
        when: DateTime<Utc>,
        action: PlacementAction,
    ) -> PlacementCommand {
        PlacementCommand {
            id: id.into(),
            actor: Actor::new(role, "STAFF-1"),
            at: when,
            action,
        }
    }

    fn apply(on: NaiveDate) -> PlacementAction {
        PlacementAction::Apply {
            application: PlacementApplication {
                tier: Tier::Tier1,
                school: "SCH-1".into(),
                provider: "PRV-1".into(),
                course: "CRS-1".into(),
                referral_on: on,
                risk_assessed_on: on,
            },
        }
    }

    pub(crate) fn started() -> Placement {
        let mut p = Placement::new("PL-1", "LRN-1", ReferralPolicy::default()).unwrap();
        p.execute(&command(
            "c1",
            Role::School,
            at(2026, 11, 2),
            apply(d(2026, 11, 2)),
        ))
        .unwrap();
        p.execute(&command(
            "c2",
            Role::Hub,
            at(2026, 11, 3),
            PlacementAction::Accept { on: d(2026, 11, 3) },
        ))
        .unwrap();
        p.execute(&command(
            "c3",
            Role::Provider,
            at(2026, 11, 9),
            PlacementAction::Start { on: d(2026, 11, 9) },
        ))
        .unwrap();
        p
    }

    fn snapshot(p: &Placement) -> Value {
        serde_json::from_str(&p.to_json().unwrap()).unwrap()
    }

    #[test]
    fn a_placement_snapshot_carries_its_format_and_a_hash_chain() {
        let p = started();
        let json = snapshot(&p);
        assert_eq!(json["format"], PLACEMENT_FORMAT);
        assert_eq!(json["chain"].as_array().unwrap().len(), 3);
        assert_eq!(p.head_hash(), json["chain"][2].as_str().unwrap());
        assert_eq!(
            ete_core::chain::verify_json(&json.to_string()).unwrap(),
            p.head_hash()
        );
        assert_eq!(Placement::restore(&json.to_string()).unwrap(), p);
        // Format 1 (no format, no chain) migrates on read.
        let mut one = json.clone();
        one.as_object_mut().unwrap().remove("format");
        one.as_object_mut().unwrap().remove("opening");
        one.as_object_mut().unwrap().remove("chain");
        assert_eq!(Placement::restore(&one.to_string()).unwrap(), p);
    }

    /// The id, the learner and the referral policy lie inside the chain (format 3): the
    /// opening hash covers them, so an edit is refused and a placement with other ones has
    /// another head hash.
    #[test]
    fn a_placement_snapshot_with_an_edited_id_learner_or_policy_is_refused() {
        let p = started();
        let json = snapshot(&p);
        assert_eq!(json["opening"], p.chain().base());
        assert_ne!(p.chain().base(), ete_core::chain::EMPTY_HEAD);
        for (field, value) in [
            ("id", json!("PL-2")),
            ("learner", json!("LRN-2")),
            ("referralPolicy", json!({"riskAssessmentMonths": 12})),
        ] {
            let mut edited = json.clone();
            edited[field] = value;
            let err = Placement::restore(&edited.to_string()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::MalformedInput, "{field}");
            assert!(
                err.to_string().contains("opening hash differs"),
                "{field}: {err}"
            );
        }
        let other = Placement::new("PL-2", "LRN-1", ReferralPolicy::default()).unwrap();
        let same = Placement::new("PL-1", "LRN-1", ReferralPolicy::default()).unwrap();
        assert_ne!(other.head_hash(), same.head_hash());
        // An opening hash on a format 2 snapshot, or none on format 3, is refused.
        let mut two = json.clone();
        two["format"] = 2.into();
        assert!(
            Placement::restore(&two.to_string())
                .unwrap_err()
                .to_string()
                .contains("format 3 added it")
        );
        let mut none = json;
        none.as_object_mut().unwrap().remove("opening");
        assert!(
            Placement::restore(&none.to_string())
                .unwrap_err()
                .to_string()
                .contains("no opening hash")
        );
    }

    #[test]
    fn a_placement_snapshot_with_a_broken_chain_or_format_is_refused() {
        let json = snapshot(&started());
        let refused = |v: &Value| Placement::restore(&v.to_string()).unwrap_err();
        // An edited event that still replays (an earlier start date) breaks the chain there.
        let mut edited = json.clone();
        edited["events"][2]["kind"]["on"] = "2026-11-08".into();
        let err = refused(&edited);
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(err.to_string().contains("breaks at event 2"), "{err}");
        let mut no_chain = json.clone();
        no_chain.as_object_mut().unwrap().remove("chain");
        assert!(refused(&no_chain).to_string().contains("no hash chain"));
        let mut no_format = json.clone();
        no_format.as_object_mut().unwrap().remove("format");
        assert!(refused(&no_format).to_string().contains("no format"));
        let mut newer = json;
        newer["format"] = 4.into();
        assert!(refused(&newer).to_string().contains("format 4 is newer"));
    }

    #[test]
    fn a_placement_command_dated_before_the_last_event_or_implausibly_is_refused_naming_at() {
        let mut p = started();
        let before = p.clone();
        for when in [
            at(2026, 11, 8),
            Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap(),
        ] {
            let err = p
                .execute(&command(
                    "c4",
                    Role::Provider,
                    when,
                    PlacementAction::Complete { on: d(2026, 12, 1) },
                ))
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidField, "{err}");
            assert!(
                matches!(&err, TrainingError::InvalidField { field, .. } if field == "at"),
                "{err}"
            );
            assert_eq!(p, before);
        }
        // The first command too: year 0 is not a time a placement is applied for.
        let mut fresh = Placement::new("PL-2", "LRN-1", ReferralPolicy::default()).unwrap();
        let year0 = Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap();
        let err = fresh
            .execute(&command("c1", Role::School, year0, apply(d(2026, 11, 2))))
            .unwrap_err();
        assert!(matches!(&err, TrainingError::InvalidField { field, .. } if field == "at"));
        // And an implausible step date is named.
        let err = fresh
            .execute(&command(
                "c1",
                Role::School,
                at(2026, 11, 2),
                apply(d(1, 1, 1)),
            ))
            .unwrap_err();
        assert!(
            matches!(&err, TrainingError::InvalidField { field, .. } if field == "referralOn"),
            "{err}"
        );
    }

    #[test]
    fn an_establishment_snapshot_carries_its_format_and_a_newer_one_is_refused() {
        use ete_core::routing::Organisation;
        use ete_core::training::{ESTABLISHMENT_FORMAT, LearnerFile, TrainingRecord};
        let mut here = Establishment::new(Organisation::new("hub", "CAP"));
        let mut file = LearnerFile::new(TrainingRecord::new(
            "LRN-1", "SCH-1", "PRV-1", "C1", "CRS-1",
        ));
        file.placements.push(started());
        here.insert(file).unwrap();
        let mut json: Value = serde_json::from_str(&here.to_json().unwrap()).unwrap();
        assert_eq!(json["format"], ESTABLISHMENT_FORMAT);
        assert_eq!(Establishment::restore(&json.to_string()).unwrap(), here);
        // A placement inside is checked the same way: its chain, edited, is refused.
        let placement = &mut json["files"]["LRN-1"]["placements"][0];
        placement["events"][2]["kind"]["on"] = "2026-11-08".into();
        assert!(Establishment::restore(&json.to_string()).is_err());
        json["format"] = 9.into();
        let err = Establishment::restore(&json.to_string()).unwrap_err();
        assert!(err.to_string().contains("format 9 is newer"), "{err}");
    }
}

mod dates {
    use super::placements::d;
    use ete_core::ErrorKind;
    use ete_core::routing::Organisation;
    use ete_core::training::{
        Appraisal, Establishment, LearnerFile, PortableRecord, TrainingError, TrainingRecord,
    };

    fn record() -> TrainingRecord {
        TrainingRecord::new("LRN-1", "SCH-1", "PRV-1", "C1", "CRS-1")
    }

    #[test]
    fn an_implausible_date_of_birth_is_refused_naming_the_record_and_the_field_not_the_date() {
        for born in [d(99999, 1, 1), d(1, 1, 1), d(1899, 12, 31), d(2101, 1, 1)] {
            let mut r = record();
            r.details.date_of_birth = Some(born);
            let err = r.check().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidField);
            assert!(
                matches!(&err, TrainingError::InvalidField { field, .. } if field == "dateOfBirth"),
                "{err}"
            );
            let text = err.to_string();
            assert!(text.contains("LRN-1"), "{text}");
            assert!(
                !text.contains(&born.to_string()),
                "the birth date shows: {text}"
            );
            let mut hub = Establishment::new(Organisation::new("hub", "CAP"));
            assert!(hub.insert(LearnerFile::new(r)).is_err());
        }
        let mut fine = record();
        fine.details.date_of_birth = Some(d(2010, 5, 1));
        assert!(fine.check().is_ok());
    }

    #[test]
    fn an_implausible_date_in_a_learner_record_json_is_refused() {
        // +99999 in the JSON of a portable record: read, then refused by the check.
        let mut r = record();
        r.details.date_of_birth = Some(d(2010, 5, 1));
        let doc = PortableRecord {
            format: ete_core::training::FORMAT.into(),
            version: ete_core::training::VERSION,
            source: Organisation::new("hub", "CAP"),
            destination: Organisation::new("hub", "CAP-2"),
            role: "dsl".into(),
            file: LearnerFile::new(r),
        };
        let json = serde_json::to_string(&doc)
            .unwrap()
            .replace("2010-05-01", "+99999-05-01");
        let err = PortableRecord::from_json(&json).unwrap_err();
        assert!(err.to_string().contains("dateOfBirth"), "{err}");
        let mut r = record();
        r.appraisals.push(Appraisal {
            id: "AP-1".into(),
            author: "TUTOR-1".into(),
            on: d(1, 1, 1),
            text: String::new(),
        });
        let err = r.check().unwrap_err();
        assert!(
            matches!(&err, TrainingError::InvalidField { field, value, .. }
                if field == "on" && value == "0001-01-01"),
            "{err}"
        );
        assert!(err.to_string().contains("appraisal AP-1"), "{err}");
    }

    #[test]
    fn a_learner_record_parse_error_gives_its_real_line_and_column() {
        let json = "{\n  \"format\": \"ete-core/learner-record\",\n  \"version\": \"one\"\n}";
        let err = PortableRecord::from_json(json).unwrap_err().to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(!err.contains("line 0"), "{err}");
        // Unknown field, deep inside: still positioned.
        let err = Establishment::restore(
            "{\"organisation\": {\"kind\": \"hub\", \"id\": \"C\"},\n\"files\": 7}",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 2"), "{err}");
    }
}

mod exchange_time {
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use ete_core::ErrorKind;
    use ete_core::routing::{
        Exchange, Organisation, RoutingPolicy, TransferError, TransferFile, plan,
    };
    use serde_json::Value;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
    }

    fn sent() -> Exchange {
        let policy = RoutingPolicy::default();
        let mut ex = Exchange::new(policy.clone());
        let to = Organisation::new("school", "SCH-1");
        let file = TransferFile {
            name: "a.pdf".into(),
            recipient: Some(to),
            role: "dsl".into(),
            description: "CFC JN".into(),
            category: "risk_assessment".into(),
        };
        let shown = plan(
            &policy,
            &Organisation::new("hub", "HUB-1"),
            "CAP-1",
            vec![file],
        );
        ex.confirm(&shown, t0()).unwrap();
        ex
    }

    fn names_at(err: &TransferError) -> bool {
        matches!(err, TransferError::InvalidField { field, .. } if field == "at")
    }

    #[test]
    fn a_download_dated_before_the_send_is_refused_naming_at() {
        let mut ex = sent();
        let before = ex.clone();
        let err = ex
            .download(1, "SCH-1", "STAFF-1", t0() - Duration::minutes(1))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField);
        assert!(names_at(&err), "{err}");
        assert!(err.to_string().contains("before file 1 was sent"), "{err}");
        let err = ex
            .download_all("SCH-1", "STAFF-1", t0() - Duration::days(1))
            .unwrap_err();
        assert!(names_at(&err), "{err}");
        assert!(err.to_string().contains("before file 1 was sent"), "{err}");
        assert_eq!(ex, before);
        assert!(ex.download(1, "SCH-1", "STAFF-1", t0()).is_ok());
    }

    #[test]
    fn a_command_dated_before_the_exchange_opened_is_refused_naming_at() {
        let mut ex = sent();
        let year0 = Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap();
        let err = ex.download_all("SCH-2", "STAFF-1", year0).unwrap_err();
        assert!(names_at(&err), "{err}");
        assert!(err.to_string().contains("last event"), "{err}");
    }

    /// Time does not go backwards (T-6): a command dated after the first event but before the
    /// last one is refused naming `at`, its value and the last event's time; the exchange is
    /// unchanged. In a snapshot, an event dated before the one before it is refused.
    #[test]
    fn a_command_dated_before_the_last_event_is_refused_naming_at_value_and_last_time() {
        let mut ex = sent();
        let later = t0() + Duration::hours(2);
        ex.download(1, "SCH-1", "STAFF-1", later).unwrap();
        let before = ex.clone();
        let between = t0() + Duration::hours(1);
        for err in [
            ex.download_all("SCH-1", "STAFF-1", between).unwrap_err(),
            ex.download(1, "SCH-1", "STAFF-1", between).unwrap_err(),
        ] {
            assert_eq!(err.kind(), ErrorKind::InvalidField);
            assert!(names_at(&err), "{err}");
            let text = err.to_string();
            assert!(text.contains(&between.to_rfc3339()), "{text}");
            assert!(
                text.contains(&format!("last event at {}", later.to_rfc3339())),
                "{text}"
            );
        }
        assert_eq!(ex, before);
        // The same time as the last event is allowed.
        assert!(ex.download_all("SCH-1", "STAFF-1", later).is_ok());
        // A snapshot whose events go back in time (chain recomputed) is refused.
        let mut json: Value = serde_json::from_str(&ex.to_json().unwrap()).unwrap();
        let mut extra = json["events"][1].clone();
        extra["command"] = "late".into();
        extra["at"] = between
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            .into();
        json["events"].as_array_mut().unwrap().push(extra);
        let events = json["events"].as_array().cloned().unwrap();
        json["chain"] = serde_json::to_value(ete_core::chain::Chain::of(&events).unwrap()).unwrap();
        let err = Exchange::restore(&json.to_string(), &RoutingPolicy::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(
            err.to_string().contains("before the exchange's last event"),
            "{err}"
        );
    }

    #[test]
    fn a_snapshot_with_a_receipt_before_its_send_is_refused() {
        let mut ex = sent();
        ex.download(1, "SCH-1", "STAFF-1", t0() + Duration::hours(1))
            .unwrap();
        let mut json: Value = serde_json::from_str(&ex.to_json().unwrap()).unwrap();
        json["events"][1]["at"] = "2026-11-01T09:00:00Z".into();
        json["receipts"][0]["at"] = "2026-11-01T09:00:00Z".into();
        let events = json["events"].as_array().cloned().unwrap();
        json["chain"] = serde_json::to_value(ete_core::chain::Chain::of(&events).unwrap()).unwrap();
        let err = Exchange::restore(&json.to_string(), &RoutingPolicy::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(err.to_string().contains("before"), "{err}");
    }
}

mod policy_formats {
    use ete_core::ErrorKind;
    use ete_core::hours::{CreditPolicy, LedgerPolicy, ReadPolicy};
    use ete_core::licences::{PoolPolicy, SessionPolicy};
    use ete_core::register::StatutoryPolicy;
    use ete_core::routing::RoutingPolicy;
    use ete_core::staff::StaffPolicy;

    /// Each policy's reader on `text`: the error's kind and message, or `None` when read.
    fn read_all(text: &str) -> Vec<(&'static str, Option<(ErrorKind, String)>)> {
        fn r<T, E: std::fmt::Display>(
            name: &'static str,
            result: Result<T, E>,
            kind: impl Fn(&E) -> ErrorKind,
        ) -> (&'static str, Option<(ErrorKind, String)>) {
            (name, result.err().map(|e| (kind(&e), e.to_string())))
        }
        vec![
            r("credit", CreditPolicy::from_json(text), |e| e.kind()),
            r("ledger", LedgerPolicy::from_json(text), |e| e.kind()),
            r("reading", ReadPolicy::from_json(text), |e| e.kind()),
            r("statutory", StatutoryPolicy::from_json(text), |e| e.kind()),
            r("routing", RoutingPolicy::from_json(text), |e| e.kind()),
            r("pool", PoolPolicy::from_json(text), |e| e.kind()),
            r("session", SessionPolicy::from_json(text), |e| e.kind()),
            r("staff", StaffPolicy::from_json(text), |e| e.kind()),
        ]
    }

    #[test]
    fn every_policy_reads_format_1_or_none_and_refuses_another() {
        // The routing policy has no default for its lists: give it its own text.
        let routing = RoutingPolicy::default().to_json();
        let value: serde_json::Value = serde_json::from_str(&routing).unwrap();
        assert_eq!(value["format"], 1, "{routing}");
        assert_eq!(
            RoutingPolicy::from_json(&routing).unwrap(),
            RoutingPolicy::default()
        );
        for (name, outcome) in read_all(r#"{"format": 1}"#) {
            if name != "routing" {
                assert!(outcome.is_none(), "{name}: {outcome:?}");
            }
        }
        for text in [
            r#"{"format": 2}"#,
            r#"{"format": 0}"#,
            r#"{"format": "1"}"#,
            r#"{"format": -1}"#,
        ] {
            for (name, outcome) in read_all(text) {
                let (kind, message) = outcome.unwrap_or_else(|| panic!("{name} read {text}"));
                assert_eq!(kind, ErrorKind::InvalidPolicy, "{name}: {message}");
                assert!(message.contains("format"), "{name}: {message}");
            }
        }
        let newer = read_all(r#"{"format": 2}"#);
        assert!(newer.iter().all(|(_, o)| {
            o.as_ref()
                .is_some_and(|(_, m)| m.contains("format 2 is newer"))
        }));
    }

    #[test]
    fn policies_write_their_format() {
        for json in [
            CreditPolicy::default().to_json(),
            StaffPolicy::default().to_json(),
            ete_core::format::policy_json(&LedgerPolicy::default(), false),
        ] {
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(value["format"], ete_core::format::POLICY_FORMAT, "{json}");
        }
    }
}

/// Each CSV export's header is its format: a changed header without a new format number (and
/// its CHANGELOG line) fails here.
#[test]
fn each_csv_export_header_is_pinned_to_its_format() {
    use ete_core::format::*;
    let header = |csv: String| csv.lines().next().unwrap_or_default().to_owned();
    assert_eq!(NDELIUS_EVIDENCE_CSV_FORMAT, 1);
    assert_eq!(
        header(ete_core::hours::ndelius_evidence_csv(&[]).unwrap()),
        "person_ref,requirement_id,course_name,date,action,minutes,reason,notes"
    );
    assert_eq!(COMPLETION_REPORT_CSV_FORMAT, 1);
    assert_eq!(
        ete_core::hours::CompletionReport::COLUMNS.join(","),
        "group,completions,courses_completed,minutes_credited,actual_minutes,guided_minutes,\
         agreements_used,duplicates,failures"
    );
    assert_eq!(TRAINING_RECORDS_CSV_FORMAT, 1);
    let training = header(ete_core::training::training_records_csv(&[], false).unwrap());
    assert_eq!(training.split(',').count(), 25);
    assert!(training.starts_with("learner_id,"), "{training}");
    assert_eq!(
        training,
        ete_core::training::COLUMNS.map(|c| c.name).join(",")
    );
    assert_eq!(STAFF_COMPLIANCE_CSV_FORMAT, 1);
    let staff = ete_core::staff::team_compliance(
        &ete_core::staff::StaffPolicy::default(),
        &[],
        placements::d(2026, 11, 30),
        30,
    )
    .unwrap();
    assert_eq!(
        header(staff.to_csv().unwrap()),
        "person,kind,item,status,date,days,attention"
    );
    assert_eq!(STATUTORY_CSV_FORMAT, 1);
    let statutory = ete_core::register::StatutoryReport::csv_header();
    assert_eq!(
        statutory[..16].join(","),
        "learner,from,to,possible,attendance,present,approved_activity,authorised,\
         unauthorised,not_possible,administrative,not_coded,unmarked,absence_percent,\
         persistent,severe"
    );
    assert!(statutory[16..].iter().all(|c| c.starts_with("code_")));
    assert_eq!(
        statutory.len() - 16,
        ete_core::register::STATUTORY_CODES.len()
    );
}

mod pool_links {
    use chrono::{TimeZone, Utc};
    use ete_core::licences::{AccountKind, Action, Command, Event, Pool, PoolError, PoolPolicy};
    use serde_json::Value;

    fn pool_and_log() -> (Pool, Vec<Event>) {
        let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
        let (mut pool, opened) =
            Pool::open("open-1", "ADMIN-1", at, "Wales", 1, PoolPolicy::default()).unwrap();
        let mut log = vec![opened];
        for (i, person) in ["P-1", "P-2", "P-3"].into_iter().enumerate() {
            let request = Action::Request {
                person: person.into(),
                kind: AccountKind::Learner,
                requirement_end: None,
                courses: vec![],
            };
            let command = Command {
                id: format!("c{i}"),
                actor: "A".into(),
                at,
                action: request,
            };
            log.extend(pool.execute(&command).unwrap());
        }
        (pool, log)
    }

    #[test]
    fn the_pool_keeps_a_link_per_event_and_names_the_first_changed_one() {
        let (pool, log) = pool_and_log();
        assert_eq!(pool.chain().len(), log.len());
        assert_eq!(pool.head_hash(), Some(pool.chain().head().as_str()));
        let snapshot: Value = serde_json::from_str(&pool.to_json().unwrap()).unwrap();
        assert_eq!(snapshot["format"], 4);
        assert_eq!(Pool::restore(&pool.to_json().unwrap(), &log).unwrap(), pool);
        for position in [1, 2] {
            let mut edited = log.clone();
            edited[position].actor = "B".into();
            assert_eq!(pool.verify_log(&edited).unwrap_err().position, position);
            let err = Pool::restore(&pool.to_json().unwrap(), &edited).unwrap_err();
            assert!(
                matches!(&err, PoolError::BadLog { position: p, .. } if *p == Some(position)),
                "{err}"
            );
            // One position per fault.
            assert!(
                err.to_string()
                    .starts_with(&format!("event {position}: the hash chain breaks: ")),
                "{err}"
            );
            let text = err.to_string();
            assert_eq!(
                text.matches(&format!("event {position}")).count(),
                1,
                "{text}"
            );
            assert!(!text.contains("at event"), "{text}");
        }
        // A log cut at its tail is named where the first missing event was.
        assert_eq!(pool.verify_log(&log[..2]).unwrap_err().position, 2);
    }

    #[test]
    fn a_pool_command_dated_before_the_pool_opened_is_refused_naming_at() {
        let (mut pool, _) = pool_and_log();
        let before = pool.clone();
        let year0 = Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap();
        let err = pool
            .execute(&Command {
                id: "late".into(),
                actor: "A".into(),
                at: year0,
                action: Action::Request {
                    person: "P-9".into(),
                    kind: AccountKind::Learner,
                    requirement_end: None,
                    courses: vec![],
                },
            })
            .unwrap_err();
        assert_eq!(err.kind(), ete_core::ErrorKind::InvalidField);
        assert!(
            matches!(&err, PoolError::InvalidField { field, .. } if field == "at"),
            "{err}"
        );
        assert_eq!(pool, before);
        // A v3 snapshot keeps the opening time; without it, it is refused.
        let mut snapshot: Value = serde_json::from_str(&pool.to_json().unwrap()).unwrap();
        assert_eq!(snapshot["openedAt"], "2026-11-02T09:00:00Z");
        snapshot.as_object_mut().unwrap().remove("openedAt");
        assert!(
            Pool::from_json(&snapshot.to_string())
                .unwrap_err()
                .to_string()
                .contains("openedAt")
        );
    }

    #[test]
    fn a_snapshot_whose_chain_disagrees_with_its_counters_is_refused() {
        let (pool, _) = pool_and_log();
        let mut snapshot: Value = serde_json::from_str(&pool.to_json().unwrap()).unwrap();
        snapshot["chain"].as_array_mut().unwrap().pop();
        let err = Pool::from_json(&snapshot.to_string()).unwrap_err();
        assert!(err.to_string().contains("links for"), "{err}");
        let mut two = serde_json::from_str::<Value>(&pool.to_json().unwrap()).unwrap();
        two["format"] = 2.into();
        assert!(
            Pool::from_json(&two.to_string())
                .unwrap_err()
                .to_string()
                .contains("format 3 added it")
        );
        let mut no_chain = serde_json::from_str::<Value>(&pool.to_json().unwrap()).unwrap();
        no_chain.as_object_mut().unwrap().remove("chain");
        assert!(
            Pool::from_json(&no_chain.to_string())
                .unwrap_err()
                .to_string()
                .contains("no chain")
        );
    }
}

/// A register embedded in a learner's file before format 3 was written with a chain but no
/// format: read there as format 2, while `Register::restore` refuses a snapshot so stripped.
#[test]
fn an_embedded_register_without_a_format_reads_as_format_2_but_restore_refuses_it() {
    let path = format!(
        "{}/tests/fixtures/register-v2.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut v2: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v2.as_object_mut().unwrap().remove("format");
    let embedded: Register = serde_json::from_value(v2.clone()).unwrap();
    assert_eq!(embedded.events().len(), 5);
    // Written again, it carries format 3 and its opening hash.
    assert_eq!(snapshot(&embedded)["format"], 3);
    let err = Register::restore(&v2.to_string()).unwrap_err();
    assert!(err.to_string().contains("no format"), "{err}");
}

/// A pool's log runs forward (L-7): a command dated before the pool's last event is refused
/// naming `at`, its value and the last event's time, as one dated before the opening is; a
/// snapshot whose `lastAt` is before a time it holds, and a log that goes back, are refused.
mod pool_time {
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use ete_core::ErrorKind;
    use ete_core::licences::{AccountKind, Action, Command, Event, Pool, PoolError, PoolPolicy};
    use serde_json::Value;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
    }

    fn request(id: &str, person: &str, at: DateTime<Utc>) -> Command {
        Command {
            id: id.into(),
            actor: "A".into(),
            at,
            action: Action::Request {
                person: person.into(),
                kind: AccountKind::Learner,
                requirement_end: None,
                courses: vec![],
            },
        }
    }

    #[test]
    fn a_command_dated_before_the_last_event_is_refused_naming_at_value_and_last_time() {
        let (mut pool, opened) =
            Pool::open("open", "A", t0(), "Wales", 2, PoolPolicy::default()).unwrap();
        let later = t0() + Duration::hours(2);
        let mut log = vec![opened];
        log.extend(pool.execute(&request("c1", "P-1", later)).unwrap());
        assert_eq!(pool.last_at(), Some(later));
        let before = pool.clone();
        let between = t0() + Duration::hours(1);
        let err = pool.execute(&request("c2", "P-2", between)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField);
        assert!(matches!(&err, PoolError::InvalidField { field, .. } if field == "at"));
        let text = err.to_string();
        assert!(text.contains(&between.to_rfc3339()), "{text}");
        assert!(
            text.contains(&format!("last event at {}", later.to_rfc3339())),
            "{text}"
        );
        assert_eq!(pool, before);
        // At the same time as the last event is allowed, and a retried id changes nothing.
        log.extend(pool.execute(&request("c2", "P-2", later)).unwrap());
        assert!(
            pool.execute(&request("c2", "P-2", later))
                .unwrap()
                .is_empty()
        );
        // The snapshot keeps lastAt (format 4) and refuses one before a time it holds.
        let mut json: Value = serde_json::from_str(&pool.to_json().unwrap()).unwrap();
        assert_eq!(
            json["lastAt"],
            later.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        let restored = Pool::from_json(&json.to_string()).unwrap();
        assert_eq!(restored.last_at(), Some(later));
        json["lastAt"] = t0().to_rfc3339().into();
        let err = Pool::from_json(&json.to_string()).unwrap_err();
        assert!(err.to_string().contains("lastAt"), "{err}");
        // A log whose events go back in time does not replay.
        let mut back: Vec<Event> = log.clone();
        back[1].at = t0() + Duration::hours(3);
        let err = Pool::replay(&back).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(
            err.to_string().contains("before the pool's last event"),
            "{err}"
        );
    }
}

/// A note dated before its lesson starts (R-5), and a mark dated before the learner's previous
/// mark (R-6), are refused naming `at`, with the register unchanged; a snapshot holding one is
/// refused on restore even with its opening and chain recomputed.
mod register_time {
    use super::{Duration, ErrorKind, Register, RegisterError, Value, lesson, marked, nine};
    use ete_core::chain::Chain;
    use ete_core::register::{Actor, Mark, Role};

    fn names_at(err: &RegisterError) -> bool {
        matches!(err, RegisterError::InvalidField { field, .. } if field == "at")
    }

    /// The snapshot with its chain recomputed over its (edited) events from its opening hash.
    fn rechained(mut json: Value) -> Value {
        let mut chain = Chain::default().starting_at(json["opening"].as_str().unwrap().into());
        for event in json["events"].as_array().unwrap() {
            chain.push(event).unwrap();
        }
        json["chain"] = serde_json::to_value(chain).unwrap();
        json
    }

    #[test]
    fn a_note_dated_before_its_lesson_is_refused_naming_at() {
        let mut register = Register::new(lesson(), &["A".into()]).unwrap();
        let hub = Actor::new(Role::Hub, "CAP-1");
        let early = nine() - Duration::minutes(1);
        let err = register
            .add_note(&hub, "A", "Arrived early", early)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField);
        assert!(names_at(&err), "{err}");
        assert!(
            err.to_string().contains("before its lesson starts"),
            "{err}"
        );
        assert!(register.events().is_empty() && register.notes().is_empty());
        // At the start is allowed (a note may be written during the lesson).
        register.add_note(&hub, "A", "Arrived", nine()).unwrap();
        // In a snapshot: the note's time moved before the lesson.
        let mut json: Value = serde_json::from_str(&register.to_json().unwrap()).unwrap();
        let early = early.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        json["events"][0]["at"] = early.clone().into();
        json["notes"][0]["at"] = early.into();
        let err = Register::restore(&rechained(json).to_string()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(
            err.to_string().contains("before its lesson starts"),
            "{err}"
        );
    }

    #[test]
    fn a_mark_dated_before_the_learners_previous_mark_is_refused_naming_at() {
        let mut register = marked();
        let hub = Actor::new(Role::Hub, "CAP-1");
        let before = register.clone();
        let earlier = nine() + Duration::hours(2) + Duration::minutes(30);
        let err = register.mark(&hub, "A", Mark::Late, earlier).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField);
        assert!(names_at(&err), "{err}");
        let text = err.to_string();
        assert!(
            text.contains("previous mark at 2026-11-24T12:00:00"),
            "{text}"
        );
        assert_eq!(register, before);
        // Another learner is not held back by A's mark; A at the same time is allowed.
        register.mark(&hub, "B", Mark::Present, earlier).unwrap();
        register
            .mark(&hub, "A", Mark::Late, nine() + Duration::hours(3))
            .unwrap();
        // In a snapshot: the second mark of A moved before the first.
        let mut json: Value = serde_json::from_str(&register.to_json().unwrap()).unwrap();
        let last = json["events"].as_array().unwrap().len() - 1;
        json["events"][last]["at"] = "2026-11-24T11:30:00Z".into();
        let err = Register::restore(&rechained(json).to_string()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput);
        assert!(err.to_string().contains("previous mark"), "{err}");
    }
}

/// `snapshot_with_log` writes the snapshot and the log of one moment, which restore; a log of
/// another length than the pool folded is refused rather than written.
#[test]
fn a_pool_snapshot_with_its_log_restores_and_a_log_of_another_length_is_refused() {
    use ete_core::licences::{AccountKind, Action, Command, Event, Pool, PoolPolicy};
    let at = nine();
    let (mut pool, opened) =
        Pool::open("open", "A", at, "Wales", 1, PoolPolicy::default()).unwrap();
    let mut log = vec![opened];
    log.extend(
        pool.execute(&Command {
            id: "c1".into(),
            actor: "A".into(),
            at,
            action: Action::Request {
                person: "P-1".into(),
                kind: AccountKind::Learner,
                requirement_end: None,
                courses: vec![],
            },
        })
        .unwrap(),
    );
    let backup = pool.snapshot_with_log(&log).unwrap();
    assert_eq!(backup.snapshot, pool.to_json().unwrap());
    let read: Vec<Event> = serde_json::from_str(&backup.log).unwrap();
    assert_eq!(read, log);
    assert_eq!(Pool::restore(&backup.snapshot, &read).unwrap(), pool);
    let err = pool.snapshot_with_log(&log[..1]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MalformedInput);
    assert!(err.to_string().contains("a log of 1 events"), "{err}");
}

/// An assessment policy's months are bounded as other policies' are: outside 1..=600 is
/// InvalidPolicy naming `validMonths`, the value and the range, before any date is computed.
#[test]
fn an_assessment_policy_out_of_range_is_invalid_policy_naming_field_value_and_range() {
    use ete_core::training::{AssessmentPolicy, TrainingError};
    for months in [0, 601, u32::MAX] {
        let err = AssessmentPolicy {
            valid_months: months,
        }
        .check()
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidPolicy);
        assert!(
            matches!(&err, TrainingError::InvalidPolicy { field, value, range, .. }
                if field == "validMonths" && *value == months.to_string() && range == "1..=600"),
            "{err}"
        );
    }
    for months in [1, 12, 600] {
        assert!(
            AssessmentPolicy {
                valid_months: months
            }
            .check()
            .is_ok()
        );
    }
}

/// Error positions: a fault of the whole snapshot names no event ("event 0" was a lie), and a
/// fault at an event names its position once, not "event 5: event 0: …".
#[test]
fn whole_snapshot_faults_name_no_event_and_an_event_fault_names_one_position() {
    use ete_core::licences::{AccountKind, Action, Command, Pool, PoolError, PoolPolicy};
    let (mut pool, opened) =
        Pool::open("open", "A", nine(), "Wales", 1, PoolPolicy::default()).unwrap();
    let mut log = vec![opened];
    for (i, person) in ["P-1", "P-2"].into_iter().enumerate() {
        log.extend(
            pool.execute(&Command {
                id: format!("c{i}"),
                actor: "A".into(),
                at: nine(),
                action: Action::Request {
                    person: person.into(),
                    kind: AccountKind::Learner,
                    requirement_end: None,
                    courses: vec![],
                },
            })
            .unwrap(),
        );
    }
    for whole in [
        Pool::from_json("{").unwrap_err(),
        Pool::from_json(r#"{"format": 9}"#).unwrap_err(),
    ] {
        assert!(
            matches!(whole, PoolError::BadLog { position: None, .. }),
            "{whole:?}"
        );
        assert!(!whole.to_string().starts_with("event"), "{whole}");
    }
    // An event fault found while replaying: its position, once.
    let mut bad = log.clone();
    bad[3].at = nine() - Duration::hours(1);
    let err = Pool::replay(&bad).unwrap_err();
    assert!(
        matches!(
            err,
            PoolError::BadLog {
                position: Some(3),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("event 3: "), "{err}");
    assert!(!err.to_string().contains("event 0"), "{err}");
    // A register whose lesson was changed is a whole-snapshot fault.
    let mut json = snapshot(&marked());
    json["lesson"]["provider"] = "PRV-9".into();
    let err = refused(&json);
    assert!(
        matches!(err, RegisterError::BadLog { position: None, .. }),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("register snapshot: "), "{err}");
}

/// T-8's referral policy is bounded (1..=60 months): a placement opened or restored with one
/// outside it, and a referral checked against one, are `InvalidPolicy` naming the field, the
/// value and the range; before, 0 accepted only same-day referrals and a huge count accepted
/// any assessment for ever.
#[test]
fn a_referral_policy_out_of_range_is_refused_wherever_it_is_used() {
    use chrono::NaiveDate;
    use ete_core::routing::{ReferralPolicy, check_referral};
    use ete_core::training::Placement;

    for months in [0, 61, u32::MAX] {
        let policy = ReferralPolicy {
            risk_assessment_months: months,
        };
        let err = Placement::new("PL-1", "LRN-1", policy).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{err}");
        let text = err.to_string();
        assert!(
            text.contains(&format!("riskAssessmentMonths is {months}")) && text.contains("1..=60"),
            "{text}"
        );
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let err = check_referral(&policy, day, day).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{err}");
    }
    for months in [1, 3, 60] {
        let policy = ReferralPolicy {
            risk_assessment_months: months,
        };
        assert!(Placement::new("PL-1", "LRN-1", policy).is_ok(), "{months}");
    }
}
