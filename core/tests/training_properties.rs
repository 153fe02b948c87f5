//! Property tests of training records and placements (P-1..P-6): a moved record imports exactly
//! (`import(export(r)) == r`), merging is idempotent and loses nothing, a placement is the fold
//! of its events, pages partition the list, and no personal data reaches `Debug` or an error.
//! Generators also draw outside the expected: unknown roles for a step, dates at chrono's
//! limits, names in any script, targets due before they are set, duplicate ids.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ete_core::Aggregate;
use ete_core::register::{Actor, Lesson, Mark, Note, Register, Role};
use ete_core::routing::{Organisation, ReferralPolicy, RoutingPolicy};
use ete_core::training::*;
use proptest::prelude::*;

const SECRET: &str = "Zqx";

fn policy() -> RoutingPolicy {
    RoutingPolicy::from_json(
        r#"{"kinds": ["prison"], "roles": ["education_manager"], "categories": ["training_record"],
            "rules": [{"id": "p2p", "effect": "permit", "from": "prison", "to": "prison"}]}"#,
    )
    .expect("policy")
}

fn day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        8 => (0i64..2000).prop_map(|d| NaiveDate::from_ymd_opt(2024, 1, 1).expect("day") + Duration::days(d)),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
    ]
}

fn status() -> impl Strategy<Value = UnitStatus> {
    prop::sample::select(UnitStatus::ALL.to_vec())
}

fn record() -> impl Strategy<Value = TrainingRecord> {
    (
        "\\PC{0,12}",
        prop::collection::vec((status(), any::<bool>(), 0usize..3), 0..8),
        prop::collection::vec(day(), 0..5),
        prop::collection::vec((day(), day(), "[a-zA-Z]{0,6}"), 0..4),
        prop::collection::vec((day(), 0u32..400, any::<bool>()), 0..5),
        0usize..3,
    )
        .prop_map(|(name, units, appraisals, assessments, targets, notes)| {
            let mut r = TrainingRecord::new("LRN-1", "HMP-A", "PRV-1", "C1", "CRS-1");
            r.details = LearnerDetails {
                forename: format!("{SECRET}{name}"),
                surname: format!("{SECRET}son"),
                date_of_birth: None,
                emergency_contacts: vec![EmergencyContact {
                    name: format!("{SECRET} parent"),
                    relationship: "parent".into(),
                    phone: format!("{SECRET}-0770"),
                }],
            };
            for (i, (s, counted, group)) in units.into_iter().enumerate() {
                let g = format!("G{group}");
                let unit = CourseUnit {
                    counted,
                    comments: format!("{SECRET} said"),
                    ..CourseUnit::new(&format!("U{i}"), "t", &format!("Q{group}"), s)
                };
                match r.unit_groups.iter_mut().find(|x| x.name == g) {
                    Some(x) => x.units.push(unit),
                    None => r.unit_groups.push(UnitGroup {
                        name: g,
                        units: vec![unit],
                    }),
                }
            }
            r.appraisals = appraisals
                .into_iter()
                .enumerate()
                .map(|(i, on)| Appraisal {
                    id: format!("A{i}"),
                    author: "TUT".into(),
                    on,
                    text: format!("{SECRET} text"),
                })
                .collect();
            r.assessments = assessments
                .into_iter()
                .enumerate()
                .map(|(i, (on, _, subject))| Assessment {
                    id: format!("AS{i}"),
                    subject,
                    on,
                    outcome: format!("{SECRET} outcome"),
                    level: None,
                    provider: "PRV-1".into(),
                })
                .collect();
            r.targets = targets
                .into_iter()
                .enumerate()
                .map(|(i, (set_on, days, achieved))| NonAcademicTarget {
                    id: format!("T{i}"),
                    description: format!("{SECRET} target"),
                    set_on,
                    target_on: set_on
                        .checked_add_signed(Duration::days(i64::from(days)))
                        .unwrap_or(set_on),
                    achieved,
                })
                .collect();
            let at = Utc
                .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
                .single()
                .expect("at");
            r.notes = (0..notes)
                .map(|i| Note {
                    learner: "LRN-1".into(),
                    author: Actor::new(Role::Hub, "CAP"),
                    at: at + Duration::minutes(i64::try_from(i).unwrap_or(0)),
                    text: format!("{SECRET} note {i}"),
                    lesson: None,
                })
                .collect();
            r
        })
}

fn registers(marks: &[Mark]) -> Vec<Register> {
    let start = Utc
        .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
        .single()
        .expect("start");
    marks
        .iter()
        .enumerate()
        .map(|(i, mark)| {
            let s = start + Duration::days(i64::try_from(i).unwrap_or(0));
            let lesson = Lesson {
                id: format!("L{i}"),
                provider: "PRV-1".into(),
                starts_at: s,
                ends_at: s + Duration::hours(2),
            };
            let mut r = Register::new(lesson, &["LRN-1".into(), "LRN-2".into()]).expect("register");
            let after = s + Duration::hours(3);
            let _ = r.mark(&Actor::new(Role::Provider, "TUT"), "LRN-1", *mark, after);
            let _ = r.mark(
                &Actor::new(Role::Provider, "TUT"),
                "LRN-2",
                Mark::Present,
                after,
            );
            let _ = r.add_note(
                &Actor::new(Role::Provider, "TUT"),
                "LRN-1",
                &format!("{SECRET} late"),
                after,
            );
            r
        })
        .collect()
}

fn action() -> impl Strategy<Value = (Role, u8, NaiveDate, NaiveDate, bool)> {
    (
        prop::sample::select(Role::ALL.to_vec()),
        0u8..5,
        day(),
        day(),
        any::<bool>(),
    )
}

fn placement(steps: &[(Role, u8, NaiveDate, NaiveDate, bool)]) -> Placement {
    let mut p = Placement::new("PL-1", "LRN-1", ReferralPolicy::default()).expect("placement");
    let at = Utc
        .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
        .single()
        .expect("at");
    for (i, (role, kind, a, b, full)) in steps.iter().enumerate() {
        let action = match kind {
            0 => PlacementAction::Apply {
                application: PlacementApplication {
                    tier: Tier::Tier1,
                    school: "SCH-1".into(),
                    provider: "PRV-1".into(),
                    course: "CRS-1".into(),
                    referral_on: *a,
                    risk_assessed_on: *b,
                },
            },
            1 => PlacementAction::Accept { on: *a },
            2 => PlacementAction::Start { on: *a },
            3 => PlacementAction::Withdraw {
                form: WithdrawalForm {
                    on: Some(*a),
                    reason: Some(format!("{SECRET} moved")),
                    requested_by: Some("S-1".into()),
                    next_step: full.then(|| "school".to_owned()),
                },
            },
            _ => PlacementAction::Complete { on: *a },
        };
        let command = PlacementCommand {
            id: format!("c{i}"),
            actor: Actor::new(*role, "X"),
            at,
            action,
        };
        let before = p.clone();
        if let Err(e) = p.execute(&command) {
            assert_eq!(p, before, "a refused command changed the placement");
            assert!(!e.to_string().contains(SECRET));
        }
    }
    p
}

fn file() -> impl Strategy<Value = LearnerFile> {
    (
        record(),
        prop::collection::vec(prop::sample::select(Mark::ALL.to_vec()), 0..5),
        prop::collection::vec(action(), 0..8),
    )
        .prop_map(|(record, marks, steps)| LearnerFile {
            record,
            registers: learner_registers(&registers(&marks), "LRN-1").expect("slices"),
            placements: vec![placement(&steps)],
        })
}

/// Whether every date of the record is in the plausible range (2000-01-01 to 2100-12-31).
fn plausible(r: &TrainingRecord) -> bool {
    let (from, to) = (
        NaiveDate::from_ymd_opt(2000, 1, 1).expect("day"),
        NaiveDate::from_ymd_opt(2100, 12, 31).expect("day"),
    );
    r.appraisals
        .iter()
        .map(|a| a.on)
        .chain(r.assessments.iter().map(|a| a.on))
        .chain(r.targets.iter().flat_map(|t| [t.set_on, t.target_on]))
        .all(|d| from <= d && d <= to)
}

fn establishment(id: &str) -> Establishment {
    Establishment::new(Organisation::new("prison", id))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `import(export(r)) == r`, and the document round-trips as JSON; a record whose target is
    /// due before it was set, or with an implausible date, is refused instead, changing nothing.
    #[test]
    fn export_then_import_is_exact(f in file()) {
        let mut a = establishment("HMP-A");
        let valid = f.record.targets.iter().all(|t| t.target_on >= t.set_on) && plausible(&f.record);
        match a.insert(f.clone()) {
            Err(e) => {
                prop_assert!(!valid, "a valid file was refused: {e}");
                prop_assert!(a.files().is_empty());
                return Ok(());
            }
            Ok(o) => prop_assert_eq!(o, MergeOutcome { added: 1, updated: 0 }),
        }
        let doc = a.export("LRN-1", &Organisation::new("prison", "HMP-B"), "education_manager", &policy()).expect("export");
        let mut b = establishment("HMP-B");
        b.import(&doc).expect("import");
        prop_assert_eq!(b.file("LRN-1").expect("held"), &f);
        let parsed = PortableRecord::from_json(&doc).expect("parse");
        prop_assert_eq!(&parsed.file, &f);
        prop_assert_eq!(Establishment::restore(&b.to_json().expect("json")).expect("restore"), b);
    }

    /// Importing twice changes nothing; importing into an establishment that holds part of the
    /// record (some items, a shorter placement history) gives the whole record, without duplicates.
    #[test]
    fn merge_is_idempotent_and_loses_nothing(f in file(), keep in prop::collection::vec(any::<bool>(), 6), cut in 0usize..8) {
        prop_assume!(f.record.check().is_ok());
        let mut a = establishment("HMP-A");
        a.insert(f.clone()).expect("insert");
        let doc = a.export("LRN-1", &Organisation::new("prison", "HMP-B"), "education_manager", &policy()).expect("export");
        let pick = |i: usize| keep.get(i).copied().unwrap_or(true);
        let mut part = f.clone();
        if !pick(0) { part.record.appraisals.clear(); }
        if !pick(1) { part.record.targets.clear(); }
        if !pick(2) { part.registers.clear(); }
        if !pick(3) { part.record.notes.clear(); }
        if !pick(4) { for g in &mut part.record.unit_groups { g.units.truncate(1); } }
        if !pick(5) {
            let p = f.placements.first().expect("one placement");
            let events = p.events().get(..cut.min(p.events().len())).unwrap_or(&[]);
            part.placements = vec![Placement::replay(p.id(), p.learner(), ReferralPolicy::default(), events).expect("prefix")];
        }
        let mut b = establishment("HMP-B");
        b.insert(part).expect("part");
        b.import(&doc).expect("merge");
        let held = b.file("LRN-1").expect("held").clone();
        let mut got = held.record.clone();
        let mut want = f.record.clone();
        for r in [&mut got, &mut want] {
            r.appraisals.sort_by(|x, y| x.id.cmp(&y.id));
            r.targets.sort_by(|x, y| x.id.cmp(&y.id));
            r.notes.sort_by(|x, y| (x.at, &x.text).cmp(&(y.at, &y.text)));
            for g in &mut r.unit_groups { g.units.sort_by(|x, y| x.id.cmp(&y.id)); }
        }
        prop_assert_eq!(got, want);
        prop_assert_eq!(held.placements, f.placements.clone());
        let mut regs = held.registers.clone();
        regs.sort_by(|x, y| x.lesson().id.cmp(&y.lesson().id));
        let mut want_regs = f.registers.clone();
        want_regs.sort_by(|x, y| x.lesson().id.cmp(&y.lesson().id));
        prop_assert_eq!(regs, want_regs);
        let before = b.clone();
        prop_assert_eq!(b.import(&doc).expect("again"), MergeOutcome::default());
        prop_assert_eq!(b, before);
    }

    /// A placement is the fold of its events; its snapshot restores to it.
    #[test]
    fn placement_is_the_fold_of_its_events(steps in prop::collection::vec(action(), 0..12)) {
        let p = placement(&steps);
        let mut folded = Placement::new("PL-1", "LRN-1", ReferralPolicy::default()).expect("new");
        folded.apply_all(p.events()).expect("fold");
        prop_assert_eq!(&folded, &p);
        prop_assert_eq!(Placement::restore(&p.to_json().expect("json")).expect("restore"), p);
    }

    /// Pages partition the list: every row once, in order, the total and page count consistent.
    #[test]
    fn pages_partition_the_list(n in 0usize..30, size in 1u32..8, prefix in "[a-zA-Z]{0,2}") {
        let mut e = establishment("HMP-A");
        for i in 0..n {
            let mut r = TrainingRecord::new(&format!("L{i:02}"), "S", "P", "C", "K");
            r.details.surname = format!("{}{}", ["ab", "Ab", "b", "Zz"].get(i % 4).copied().unwrap_or(""), i);
            e.insert(LearnerFile::new(r)).expect("insert");
        }
        let on = NaiveDate::from_ymd_opt(2026, 11, 30).expect("on");
        let q = ListQuery { surname: Some(prefix.clone()), size, ..ListQuery::default() };
        let all = q.rows(e.files().values(), on);
        let first = e.list(&q, on).expect("page");
        let mut seen = Vec::new();
        for page in 1..=first.pages.saturating_add(1) {
            let p = e.list(&ListQuery { page: u32::try_from(page).expect("page"), ..q.clone() }, on).expect("page");
            prop_assert_eq!(p.total, all.len() as u64);
            prop_assert!(p.rows.len() <= size as usize);
            seen.extend(p.rows);
        }
        prop_assert_eq!(seen, all.clone());
        prop_assert_eq!(first.pages, (all.len() as u64).div_ceil(u64::from(size)));
        prop_assert!(all.iter().all(|r| r.surname.to_lowercase().starts_with(&prefix.to_lowercase())));
    }

    /// No personal data in `Debug` of a record, a file, a row, a page, or any error.
    #[test]
    fn no_personal_data_in_debug_or_errors(f in file()) {
        let on = NaiveDate::from_ymd_opt(2026, 11, 30).expect("on");
        let shown = format!("{:?} {:?} {:?}", f, f.row(on), f.record);
        prop_assert!(!shown.contains(SECRET), "Debug shows personal data");
        let mut e = establishment("HMP-A");
        let mut bad = f.clone();
        bad.record.targets.push(NonAcademicTarget { id: "T9".into(), description: SECRET.into(), set_on: on, target_on: on - Duration::days(1), achieved: false });
        let err = e.insert(bad).expect_err("refused");
        let text = format!("{err} {err:?}");
        prop_assert!(!text.contains(SECRET));
        if e.insert(f.clone()).is_ok() {
            let refused = e.export("LRN-1", &Organisation::new("employer", SECRET), "x", &policy()).expect_err("refused");
            let text = format!("{refused} {refused:?}");
            let surname = format!("{SECRET}son");
            prop_assert!(!text.contains(&surname));
            let page = e.list(&ListQuery::default(), on).expect("page");
            let text = format!("{page:?}");
            prop_assert!(!text.contains(SECRET));
        }
    }
}
