//! Property tests of registers (R-2..R-10): providers never authorise, history replays, rates add
//! up, contributions stay in bounds, a group's summary is the sum of its members'.

use chrono::{Duration, TimeZone, Utc};
use ete_core::contribution::Contribution;
use ete_core::register::{
    Actor, AttendanceSummary, EventKind, Field, Lesson, Mark, Register, Role, Scope, summarise,
};
use proptest::prelude::*;

const LEARNERS: [&str; 4] = ["A", "B", "C", "D"];

fn lesson(day: i64) -> Lesson {
    let start = Utc
        .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
        .single()
        .expect("valid")
        + Duration::days(day);
    Lesson {
        id: format!("L-{day}"),
        provider: "PRV-1".into(),
        starts_at: start,
        ends_at: start + Duration::hours(2),
    }
}

fn learners() -> Vec<String> {
    LEARNERS.iter().map(|l| (*l).to_owned()).collect()
}

fn action() -> impl Strategy<Value = (Role, usize, Mark, i64)> {
    (
        prop::sample::select(vec![
            Role::Provider,
            Role::Provider,
            Role::School,
            Role::Hub,
        ]),
        0usize..5,
        prop::sample::select(Mark::ALL.to_vec()),
        -60i64..240,
    )
}

fn run(actions: &[(Role, usize, Mark, i64)], day: i64) -> Register {
    let l = lesson(day);
    let mut register = Register::new(l.clone(), &learners()).expect("register");
    for (role, who, mark, minutes) in actions {
        let learner = LEARNERS.get(*who).copied().unwrap_or("Z");
        let _ = register.mark(
            &Actor::new(*role, "X"),
            learner,
            *mark,
            l.ends_at + Duration::minutes(*minutes),
        );
    }
    register
}

proptest! {
    #[test]
    fn no_sequence_lets_a_provider_authorise_or_unauthorise(actions in prop::collection::vec(action(), 0..40)) {
        let register = run(&actions, 0);
        for event in register.events() {
            if let (Role::Provider, EventKind::Marked { field, to, .. }) = (event.actor.role, &event.kind) {
                prop_assert!(to.is_none_or(Mark::provider_may_set), "provider set {:?}", to);
                prop_assert_eq!(*field, Field::ProviderMark);
            }
        }
        for entry in register.entries().values() {
            prop_assert!(entry.provider_mark.is_none_or(Mark::provider_may_set));
            prop_assert!(entry.school_decision.is_none_or(Mark::is_school_decision));
            if entry.school_decision.is_some() {
                prop_assert_eq!(entry.provider_mark, Some(Mark::UnexplainedAbsence));
            }
        }
    }

    #[test]
    fn the_history_replays_to_the_current_state(actions in prop::collection::vec(action(), 0..40)) {
        let register = run(&actions, 0);
        let replayed = Register::replay(register.lesson().clone(), &learners(), register.events()).expect("replays");
        prop_assert_eq!(&replayed, &register);
        let json = serde_json::to_string(&register).expect("serialises");
        prop_assert_eq!(serde_json::from_str::<Register>(&json).expect("restores"), register);
    }

    #[test]
    fn rates_add_up_to_one_and_groups_are_sums(days in prop::collection::vec(prop::collection::vec(action(), 0..25), 1..6)) {
        let registers: Vec<Register> = days.iter().enumerate().map(|(d, a)| run(a, d as i64)).collect();
        let now = Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).single().expect("valid");
        let report = summarise(&registers, &Scope::default(), now);
        let mut summed = AttendanceSummary::default();
        for summary in report.learners.values() {
            summed.merge(summary);
            if let Some(r) = summary.rates() {
                let parts = [r.attended, r.authorised, r.unauthorised, r.unexplained, r.dismissed];
                prop_assert!(parts.iter().all(|p| p.denominator() == summary.possible()));
                prop_assert_eq!(parts.iter().map(|p| p.numerator()).sum::<i64>(), summary.possible() as i64);
            } else {
                prop_assert_eq!(summary.possible(), 0);
            }
        }
        prop_assert_eq!(&summed, &report.group);
    }

    #[test]
    fn a_contribution_always_stays_within_bounds(start in -2i64..=2, steps in prop::collection::vec(any::<bool>(), 0..20), outside in prop_oneof![-100i64..-2, 3i64..100]) {
        let mut c = Contribution::new(start).expect("in range");
        for up in steps {
            c = if up { c.increment() } else { c.decrement() };
            prop_assert!((-2..=2).contains(&c.get()));
        }
        prop_assert!(Contribution::new(outside).is_err());
    }
}
