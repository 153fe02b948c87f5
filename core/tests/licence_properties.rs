//! State-machine property tests of the licence pool (L-1..L-7) over random command sequences.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, TimeZone, Utc};
use ete_core::licences::{
    AccountKind, Action, Command, DeactivationReason, Event, EventKind, Pool, PoolPolicy,
    WaitingOrder,
};
use proptest::prelude::*;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn person() -> impl Strategy<Value = String> {
    (0..8u8).prop_map(|i| format!("P-{i}"))
}

fn action() -> impl Strategy<Value = Action> {
    let reason = prop_oneof![
        Just(DeactivationReason::CoursesCompleted),
        Just(DeactivationReason::RequirementEnded),
        Just(DeactivationReason::Administrator),
    ];
    prop_oneof![
        (0..6u32).prop_map(|capacity| Action::SetCapacity { capacity }),
        (
            person(),
            prop::bool::weighted(0.15),
            prop::option::of(0..60i64)
        )
            .prop_map(|(person, staff, end)| {
                Action::Request {
                    person,
                    kind: if staff {
                        AccountKind::Staff
                    } else {
                        AccountKind::Learner
                    },
                    requirement_end: end.map(|d| start().date_naive() + Duration::days(d)),
                    courses: vec!["A".into(), "B".into()],
                }
            }),
        person().prop_map(|person| Action::Login { person }),
        (person(), prop_oneof![Just("A"), Just("B")]).prop_map(|(person, c)| {
            Action::CompleteCourse {
                person,
                course: c.into(),
            }
        }),
        (person(), reason).prop_map(|(person, reason)| Action::Deactivate { person, reason }),
        person().prop_map(|person| Action::Withdraw { person }),
        Just(Action::ReportDormant),
    ]
}

fn policy() -> impl Strategy<Value = PoolPolicy> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        1..20u32,
    )
        .prop_map(|(by_end, reclaim, release, staff, days)| PoolPolicy {
            waiting_order: if by_end {
                WaitingOrder::RequirementEnd
            } else {
                WaitingOrder::FirstCome
            },
            dormancy_days: days,
            reclaim_dormant: reclaim,
            release_when_ready: release,
            staff_use_licences: staff,
        })
}

/// Commands a day apart; `retry` repeats an earlier command's id and content.
fn commands() -> impl Strategy<Value = Vec<(Action, Option<usize>)>> {
    prop::collection::vec(
        (action(), prop::option::weighted(0.1, any::<usize>())),
        0..60,
    )
}

struct Run {
    pool: Pool,
    log: Vec<Event>,
}

fn open(capacity: u32, policy: PoolPolicy) -> Run {
    let (pool, opened) = Pool::open("open", "ADMIN-1", start(), "Wales", capacity, policy).unwrap();
    Run {
        pool,
        log: vec![opened],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn invariants_hold_after_every_command(capacity in 0..5u32, policy in policy(), cmds in commands()) {
        let mut run = open(capacity, policy.clone());
        let mut sent: Vec<Command> = Vec::new();
        let mut queue: VecDeque<String> = VecDeque::new();
        for (i, (action, retry)) in cmds.into_iter().enumerate() {
            let command = match retry.filter(|_| !sent.is_empty()) {
                Some(k) => sent[k % sent.len()].clone(),
                None => Command { id: format!("c{i}"), actor: "ADMIN-1".into(),
                    at: start() + Duration::days(i as i64), action },
            };
            let before = run.pool.clone();
            let retried = run.pool.has_executed(&command.id);
            match run.pool.execute(&command) {
                Ok(events) => {
                    if retried {
                        // A retried command changes nothing.
                        prop_assert!(events.is_empty());
                        prop_assert_eq!(&run.pool, &before);
                    }
                    for e in &events {
                        prop_assert_eq!(&serde_json::to_value(e).unwrap()["type"], e.kind.code());
                        match &e.kind {
                            EventKind::Queued { person } => queue.push_back(person.clone()),
                            EventKind::Withdrawn { person } => queue.retain(|p| p != person),
                            EventKind::Allocated { person } if queue.contains(person) => {
                                // The waiting list is served in order (first come, by default).
                                if policy.waiting_order == WaitingOrder::FirstCome {
                                    prop_assert_eq!(queue.front(), Some(person));
                                }
                                queue.retain(|p| p != person);
                            }
                            _ => {}
                        }
                    }
                    run.log.extend(events);
                    sent.push(command);
                }
                Err(_) => prop_assert_eq!(&run.pool, &before, "a refused command changed the pool"),
            }
            prop_assert!(run.pool.check_invariants().is_ok(), "{:?}", run.pool.check_invariants());
            prop_assert!(run.pool.allocated() <= run.pool.capacity());
            prop_assert_eq!(run.pool.event_count(), run.log.len() as u64);
            if policy.waiting_order == WaitingOrder::FirstCome {
                let expected: Vec<String> = queue.iter().cloned().collect();
                prop_assert_eq!(run.pool.waiting(), expected.as_slice());
            }
        }
        // Replaying the log gives the same state; the snapshot restores exactly.
        prop_assert_eq!(&Pool::replay(&run.log).unwrap(), &run.pool);
        prop_assert_eq!(&Pool::from_json(&run.pool.to_json().unwrap()).unwrap(), &run.pool);
        let log: Vec<Event> = serde_json::from_str(&serde_json::to_string(&run.log).unwrap()).unwrap();
        prop_assert_eq!(&Pool::replay(&log).unwrap(), &run.pool);
        // Restoring needs the snapshot and the log to agree; a log short of its last event
        // (when there is one) does not.
        prop_assert_eq!(&Pool::restore(&run.pool.to_json().unwrap(), &run.log).unwrap(), &run.pool);
        if run.log.len() > 1 {
            let short = &run.log[..run.log.len() - 1];
            let err = Pool::restore(&run.pool.to_json().unwrap(), short).unwrap_err();
            prop_assert_eq!(err.kind(), ete_core::ErrorKind::MalformedInput);
        }
    }

    #[test]
    fn the_waiting_list_by_requirement_end_is_sorted(cmds in commands()) {
        let policy = PoolPolicy { waiting_order: WaitingOrder::RequirementEnd, ..PoolPolicy::default() };
        let mut run = open(1, policy);
        for (i, (action, _)) in cmds.into_iter().enumerate() {
            let at = start() + Duration::days(i as i64);
            let _ = run.pool.execute(&Command { id: format!("c{i}"), actor: "A".into(), at, action });
            let ends: Vec<_> = run.pool.waiting().iter()
                .map(|p| run.pool.account(p).unwrap().requirement_end.map_or((1, None), |d| (0, Some(d))))
                .collect();
            prop_assert!(ends.windows(2).all(|w| w[0] <= w[1]), "{:?}", ends);
        }
    }
}
