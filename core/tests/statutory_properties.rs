//! Property tests of the statutory figures: every entry counted falls in exactly one
//! statutory category, whatever the mapping and the lesson days, including mappings to codes
//! that are unknown, withdrawn or not yet in force, and days on either side of 19 August 2024.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ete_core::ErrorKind;
use ete_core::columns::attendance_by_learner;
use ete_core::register::{
    Actor, Lesson, Mark, REGULATIONS_2024, Register, Role, STATUTORY_CODES, Scope, StatutoryPolicy,
    statutory_code_info, statutory_summary,
};
use proptest::prelude::*;

const LEARNERS: [&str; 3] = ["A", "B", "C"];

/// A code: mostly from the code set (valid, withdrawn or new), sometimes text the code set does
/// not hold (lowercase, empty, long, unicode, a name).
fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(STATUTORY_CODES.iter().map(|c| c.code.to_owned()).collect::<Vec<_>>()),
        1 => prop::sample::select(vec!["n".to_owned(), String::new(), "Y8".into(), "ZZ".into(), "Alice Smith".into(), "É".into()]),
        1 => "\\PC{0,6}",
    ]
}

/// A mapping: each mark mapped, left without a code, or (rarely) mapped to anything.
fn policy() -> impl Strategy<Value = StatutoryPolicy> {
    prop::collection::vec(prop::option::weighted(0.85, code()), Mark::ALL.len()).prop_map(|codes| {
        StatutoryPolicy {
            codes: Mark::ALL
                .into_iter()
                .zip(codes)
                .filter_map(|(m, c)| c.map(|c| (m, c)))
                .collect(),
            ..StatutoryPolicy::default()
        }
    })
}

/// A lesson day: around 19 August 2024, around 1 September 2013, or far from both.
fn day() -> impl Strategy<Value = NaiveDate> {
    let base = |d: NaiveDate, span: i64| (-span..=span).prop_map(move |n| d + Duration::days(n));
    prop_oneof![
        base(REGULATIONS_2024, 5),
        base(NaiveDate::from_ymd_opt(2013, 9, 1).expect("a day"), 3),
        base(NaiveDate::from_ymd_opt(2020, 1, 1).expect("a day"), 4000),
    ]
}

fn register(day: NaiveDate, marks: &[Option<Mark>]) -> Register {
    let start = Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).expect("a time"));
    let lesson = Lesson {
        id: format!("L-{day}"),
        provider: "PRV-1".into(),
        starts_at: start,
        ends_at: start + Duration::hours(2),
    };
    let learners: Vec<String> = LEARNERS.iter().map(|l| (*l).to_owned()).collect();
    let mut r = Register::new(lesson, &learners).expect("a register");
    let hub = Actor::new(Role::Hub, "CAP-1");
    for (learner, mark) in LEARNERS.iter().zip(marks) {
        if let Some(m) = mark {
            r.mark(&hub, learner, *m, start + Duration::hours(2))
                .expect("the hub marks");
        }
    }
    r
}

fn lessons() -> impl Strategy<Value = Vec<(NaiveDate, Vec<Option<Mark>>)>> {
    prop::collection::vec(
        (
            day(),
            prop::collection::vec(
                prop::option::of(prop::sample::select(Mark::ALL.to_vec())),
                3,
            ),
        ),
        0..12,
    )
    .prop_map(|mut ls| {
        // One register per day (lesson ids are per day).
        ls.sort_by_key(|l| l.0);
        ls.dedup_by_key(|l| l.0);
        ls
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Each learner's categories add up to the entries counted; the group is the sum of its
    /// members; the sessions by code add up to the coded entries; a refusal is InvalidPolicy
    /// and happens exactly when some mapped code is not valid on some lesson day.
    #[test]
    fn categories_add_up_to_the_entries_counted(policy in policy(), lessons in lessons()) {
        let registers: Vec<Register> = lessons.iter().map(|(d, m)| register(*d, m)).collect();
        let invalid = lessons.iter().any(|(d, _)| {
            policy.codes.values().any(|c| !statutory_code_info(c).is_some_and(|c| c.valid_on(Some(*d))))
        });
        match statutory_summary(&registers, &Scope::default(), &policy) {
            Err(e) => {
                prop_assert!(invalid);
                prop_assert_eq!(e.kind(), ErrorKind::InvalidPolicy);
                prop_assert!(!e.to_string().contains("Alice"));
            }
            Ok(report) => {
                prop_assert!(!invalid);
                let mut marked: BTreeMap<&str, u64> = BTreeMap::new();
                let mut unmarked: BTreeMap<&str, u64> = BTreeMap::new();
                for (_, marks) in &lessons {
                    for (l, m) in LEARNERS.iter().zip(marks) {
                        *(if m.is_some() { &mut marked } else { &mut unmarked }).entry(l).or_insert(0) += 1;
                    }
                }
                let mut sum = 0;
                for f in &report.learners {
                    let l = f.learner.as_deref().expect("a learner");
                    prop_assert_eq!(f.tally.total(), marked.get(l).copied().unwrap_or(0));
                    prop_assert_eq!(f.unmarked, unmarked.get(l).copied().unwrap_or(0));
                    let coded: u64 = f.sessions.iter().map(|s| s.sessions).sum();
                    prop_assert_eq!(coded + f.tally.not_coded, f.tally.total());
                    prop_assert_eq!(f.possible, f.attendance + f.absences);
                    prop_assert!(f.persistent || !f.severe);
                    sum += f.tally.total();
                }
                prop_assert_eq!(report.group.tally.total(), sum);
                prop_assert_eq!(sum, marked.values().sum::<u64>());
            }
        }
    }

    /// The columnar kernel counts the same categories, adding up to the entries counted, and
    /// refuses exactly the mappings the code set refuses on the day given.
    #[test]
    fn columns_add_up_to_the_entries_counted(
        policy in policy(),
        on in prop::option::of(day()),
        entries in prop::collection::vec((0..3_i64, -1..8_i64), 0..60),
    ) {
        let learner: Vec<i64> = entries.iter().map(|e| e.0).collect();
        let mark: Vec<i64> = entries.iter().map(|e| e.1).collect();
        let invalid = policy.codes.values().any(|c| !statutory_code_info(c).is_some_and(|c| c.valid_on(on)));
        match attendance_by_learner(&learner, &mark, Some(3), &policy, on) {
            Err(e) => {
                prop_assert!(invalid);
                prop_assert_eq!(e.kind(), ErrorKind::InvalidPolicy);
            }
            Ok(out) => {
                prop_assert!(!invalid);
                for l in 0..3 {
                    let marked = entries.iter().filter(|e| e.0 == l as i64 && e.1 >= 0).count() as u64;
                    let categories = policy.categories(on).expect("checked");
                    let mut not_counted = 0;
                    for (m, mark) in Mark::ALL.iter().enumerate() {
                        if categories.category(*mark).is_none_or(|c| !c.is_possible()) {
                            not_counted += out.counts[m][l];
                        }
                    }
                    prop_assert_eq!(out.statutory_possible[l] + not_counted, marked);
                    prop_assert_eq!(out.statutory_possible[l], out.statutory_attendance[l] + out.absences[l]);
                    prop_assert_eq!(out.absences[l], out.authorised[l] + out.unauthorised[l]);
                }
            }
        }
    }
}
