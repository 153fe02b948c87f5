//! Property tests of staff eligibility (S-1..S-4): `eligible` only when every essential
//! requirement holds on the day, `overdue` never turns back into `eligible_working_towards`,
//! unknown names are denied, the GFiE window's bounds, policies checked where built, and no name
//! in `Debug`. Generators draw names the policy does not list, end-of-month dates and extreme
//! dates too.

use chrono::{Months, NaiveDate};
use ete_core::staff::{
    Basis, Candidate, InProgress, LearningCompletion, LearningState, Qualification,
    RequirementKind, RoleHeld, StaffPolicy, StaffRecord, TaskStatus, candidate_decision,
    mandatory_status, task_decision, team_compliance,
};
use proptest::prelude::*;

const QUALIFICATIONS: [&str; 12] = [
    "a1",
    "v1",
    "d32_d33",
    "d34",
    "taqa_assessor",
    "dipps",
    "dipsw",
    "cqsw",
    "ptlls",
    "aet",
    "vq3_probation",
    "zz_unlisted",
];
const ROLES: [&str; 6] = [
    "pso",
    "po",
    "assessor",
    "internal_verifier",
    "teacher",
    "zz_unknown",
];
const TASKS: [&str; 8] = [
    "assess_l3_vq",
    "assess_l5_vq",
    "internal_verification",
    "teaching_training",
    "practice_tutoring",
    "line_management",
    "zz_unknown_task",
    "",
];

/// A day from 2015 to 2031, biased towards month ends (the clamping cases).
fn day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (0i64..6000).prop_map(
            |d| NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(d as u64)
        ),
        (2015i32..2031, 1u32..=12).prop_map(|(y, m)| {
            let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
            first
                .checked_add_months(Months::new(1))
                .unwrap()
                .pred_opt()
                .unwrap()
        }),
    ]
}

fn name(pool: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(pool.to_vec()).prop_map(str::to_owned)
}

/// Days before (positive) or after (negative) the day decided on; mostly within four years.
fn offset() -> impl Strategy<Value = i64> {
    prop_oneof![4 => -60i64..1500, 1 => -3000i64..3000]
}

fn shifted(on: NaiveDate, days: i64) -> NaiveDate {
    on.checked_sub_signed(chrono::Duration::days(days))
        .unwrap_or(on)
}

/// A record around the day `on`: the items the tasks read (A1, V1, DipPS, PO, PSO, assessor and
/// verifier roles, awards in progress, a CPD review), each present or not, plus names the policy
/// never lists and items dated after the day.
fn record_on(on: NaiveDate) -> impl Strategy<Value = StaffRecord> {
    let item = move |pool: &'static [&'static str]| {
        (name(pool), offset()).prop_map(move |(n, d)| (n, shifted(on, d)))
    };
    (
        prop::collection::vec((item(&QUALIFICATIONS), 0u8..=8), 0..6),
        prop::collection::vec(
            item(&["a1", "v1", "a1", "v1", "ptlls", "zz_unlisted"]),
            0..4,
        ),
        prop::collection::vec(item(&ROLES), 1..6),
        prop::option::weighted(0.9, 0i64..300),
        prop::collection::vec(item(&["prevent", "wrap3", "zz"]), 0..3),
        any::<(bool, bool, bool)>(),
    )
        .prop_map(
            move |(quals, towards, roles, cpd, done, (employed, passed, procedure))| {
                let mut r = StaffRecord::new("S-1", "Jordan Secretname");
                r.qualifications = quals
                    .into_iter()
                    .map(|((name, awarded_on), level)| Qualification {
                        name,
                        level,
                        awarded_on,
                    })
                    .collect();
                r.working_towards = towards
                    .into_iter()
                    .map(|(name, started_on)| InProgress { name, started_on })
                    .collect();
                r.roles = roles
                    .into_iter()
                    .map(|(role, started_on)| RoleHeld { role, started_on })
                    .collect();
                r.cpd_reviewed_on = cpd.map(|d| shifted(on, d));
                r.completions = done
                    .into_iter()
                    .map(|(course, completed_on)| LearningCompletion {
                        course,
                        completed_on,
                    })
                    .collect();
                r.directly_employed = employed;
                r.probation_passed = passed;
                r.formal_procedure = procedure;
                r
            },
        )
}

/// A day and a record around it.
fn case() -> impl Strategy<Value = (NaiveDate, StaffRecord)> {
    day().prop_flat_map(|on| (Just(on), record_on(on)))
}

fn plus(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap()
}

/// Whether `record` holds one of `any_of` (or an equivalent) awarded on or before `on`, and the
/// earliest such award: read here from the record directly, not through the rule under test.
fn held_since(
    policy: &StaffPolicy,
    r: &StaffRecord,
    any_of: &[String],
    on: NaiveDate,
) -> Option<NaiveDate> {
    r.qualifications
        .iter()
        .filter(|q| q.awarded_on <= on)
        .filter(|q| {
            any_of.iter().any(|n| {
                *n == q.name
                    || policy
                        .equivalents
                        .get(n)
                        .is_some_and(|e| e.contains(&q.name))
            })
        })
        .map(|q| q.awarded_on)
        .min()
}

fn role_since(r: &StaffRecord, any_of: &[String], on: NaiveDate) -> Option<NaiveDate> {
    r.roles
        .iter()
        .filter(|x| x.started_on <= on && any_of.contains(&x.role))
        .map(|x| x.started_on)
        .min()
}

proptest! {
    // Overdue and working-towards cases are a few in a hundred: enough cases to meet them.
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn eligible_only_if_every_essential_requirement_holds((on, r) in case(), task in name(&TASKS)) {
        let policy = StaffPolicy::default();
        let d = task_decision(&policy, &r, &task, on).unwrap();
        if d.status == TaskStatus::Eligible {
            let rules = policy.task(&task).expect("an unknown task is never eligible");
            for group in &rules.essential {
                prop_assert!(held_since(&policy, &r, &group.any_of, on).is_some(), "group {:?} not held", group.any_of);
            }
            for period in rules.prerequisites.iter().chain(&rules.experience) {
                let since = match period.basis {
                    Basis::Role => role_since(&r, &period.any_of, on),
                    Basis::Qualification => held_since(&policy, &r, &period.any_of, on),
                };
                prop_assert!(since.is_some_and(|s| plus(s, period.months) <= on));
            }
            if !rules.competence.is_empty() {
                prop_assert!(role_since(&r, &rules.competence, on).is_some());
            }
            if let Some(months) = rules.cpd_review_months {
                let reviewed = r.cpd_reviewed_on.unwrap();
                prop_assert!(reviewed <= on && plus(reviewed, months) >= on);
            }
            prop_assert!(d.missing.is_empty() && d.due.is_none() && d.since.is_none());
        }
        if d.status == TaskStatus::NotEligible {
            prop_assert!(!d.missing.is_empty());
        } else {
            prop_assert!(d.missing.is_empty());
        }
    }

    #[test]
    fn overdue_never_turns_back_into_working_towards((on, r) in case(), task in name(&TASKS), later in 0u64..2000) {
        let policy = StaffPolicy::default();
        let first = task_decision(&policy, &r, &task, on).unwrap();
        let then = on + chrono::Days::new(later);
        let second = task_decision(&policy, &r, &task, then).unwrap();
        if first.status == TaskStatus::Overdue {
            prop_assert_ne!(second.status, TaskStatus::EligibleWorkingTowards);
        }
        if first.status == TaskStatus::EligibleWorkingTowards {
            prop_assert!(first.due.is_none_or(|due| on <= due));
        }
        if second.status == TaskStatus::Overdue {
            prop_assert!(second.since.is_some_and(|s| s <= then));
        }
    }

    #[test]
    fn a_task_the_policy_does_not_list_is_denied((on, r) in case(), task in "[a-z_ ]{0,50}") {
        let policy = StaffPolicy::default();
        prop_assume!(policy.task(&task).is_none());
        let d = task_decision(&policy, &r, &task, on).unwrap();
        prop_assert_eq!(d.status, TaskStatus::NotEligible);
        prop_assert_eq!(d.missing[0].kind, RequirementKind::UnknownTask);
    }

    #[test]
    fn mandatory_state_follows_the_completion_that_counts((on, r) in case()) {
        let policy = StaffPolicy::default();
        for s in mandatory_status(&policy, &r, on).unwrap() {
            match s.state {
                LearningState::NeverDone => prop_assert!(s.counted.is_none()),
                _ => {
                    let expires = s.expires_on.unwrap();
                    prop_assert_eq!(expires, plus(s.completed_on.unwrap(), 36));
                    prop_assert!(s.completed_on.unwrap() <= on);
                    prop_assert_eq!(s.state == LearningState::Expired, on >= expires);
                    // No satisfying completion on or before the day expires later.
                    prop_assert!(r.completions.iter()
                        .filter(|c| c.completed_on <= on && ["prevent", "wrap3"].contains(&c.course.as_str()))
                        .all(|c| plus(c.completed_on, 36) <= expires));
                }
            }
        }
    }

    #[test]
    fn gfie_window_is_completion_to_two_years_after(done in day(), on in day()) {
        let c = Candidate { id: "C-1".into(), sentence_completed_on: done, convictions: vec!["zz".into()] };
        let d = candidate_decision(&StaffPolicy::default(), &c, on).unwrap();
        prop_assert_eq!(d.qualifies, done <= on && on <= plus(done, 24));
    }

    #[test]
    fn policies_are_checked_where_built(days in any::<u32>(), months in any::<u32>(), term in any::<u32>()) {
        let text = format!(
            r#"{{"dueSoonDays": {days}, "mandatory": [{{"id": "prevent", "validityMonths": {months}, "satisfiedBy": ["prevent"]}}], "gfie": {{"maxTermMonths": {term}}}}}"#
        );
        let ok = days <= 3660 && (1..=600).contains(&months) && (1..=600).contains(&term);
        match StaffPolicy::from_json(&text) {
            Ok(_) => prop_assert!(ok),
            Err(e) => {
                prop_assert!(!ok);
                prop_assert_eq!(e.kind(), ete_core::ErrorKind::InvalidPolicy);
            }
        }
    }

    #[test]
    fn names_never_shown((on, r) in case()) {
        let policy = StaffPolicy::default();
        let report = team_compliance(&policy, std::slice::from_ref(&r), on, 30).unwrap();
        let shown = format!("{r:?}{report:?}{}", report.to_csv().unwrap());
        prop_assert!(!shown.contains("Secretname"));
    }
}

#[test]
fn extreme_dates_are_errors_not_panics() {
    let mut r = StaffRecord::new("S-1", "");
    r.roles.push(RoleHeld {
        role: "assessor".into(),
        started_on: NaiveDate::MAX,
    });
    r.roles.push(RoleHeld {
        role: "po".into(),
        started_on: NaiveDate::MIN,
    });
    r.working_towards.push(InProgress {
        name: "a1".into(),
        started_on: NaiveDate::MIN,
    });
    r.cpd_reviewed_on = Some(NaiveDate::MAX);
    let e = task_decision(&StaffPolicy::default(), &r, "assess_l3_vq", NaiveDate::MAX).unwrap_err();
    assert_eq!(e.kind(), ete_core::ErrorKind::InvalidField);
    let c = Candidate {
        id: "C".into(),
        sentence_completed_on: NaiveDate::MAX,
        convictions: vec![],
    };
    assert!(candidate_decision(&StaffPolicy::default(), &c, NaiveDate::MAX).is_err());
}

#[test]
fn a_candidates_sentence_and_convictions_are_not_shown() {
    let c = Candidate {
        id: "C-7".into(),
        sentence_completed_on: NaiveDate::from_ymd_opt(2025, 3, 14).unwrap(),
        convictions: vec!["zz_private_offence".into()],
    };
    let shown = format!("{c:?}");
    assert!(
        shown.contains("C-7") && !shown.contains("zz_private") && !shown.contains("2025"),
        "{shown}"
    );
}
