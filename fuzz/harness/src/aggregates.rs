//! Structure-aware targets for the aggregates: commands drawn with extreme times, unknown people
//! and learners, retried and reused ids, under policies drawn inside and outside their ranges.
//! After every run: a refusal changed nothing, the state is the fold of its events, and the
//! snapshot restores equal.

use arbitrary::{Arbitrary, Result, Unstructured};
use ete_core::Aggregate;
use ete_core::contribution::Contribution;
use ete_core::licences::{
    self, AccountKind, DeactivationReason, Pool, PoolPolicy, WaitingOrder, utilisation,
};
use ete_core::register::{Action, Actor, Command, Lesson, Mark, Register, Role};

use crate::{date, instant, name};

const PEOPLE: &[&str] = &["P-1", "P-2", "P-3"];
const COURSES: &[&str] = &["A", "B"];

fn pool_policy(u: &mut Unstructured<'_>) -> Result<PoolPolicy> {
    Ok(PoolPolicy {
        waiting_order: *u.choose(&WaitingOrder::ALL[..])?,
        dormancy_days: if u.ratio(1, 4)? {
            u32::arbitrary(u)?
        } else {
            u.int_in_range(1..=60)?
        },
        reclaim_dormant: bool::arbitrary(u)?,
        release_when_ready: bool::arbitrary(u)?,
        staff_use_licences: bool::arbitrary(u)?,
    })
}

fn pool_action(u: &mut Unstructured<'_>) -> Result<licences::Action> {
    let person = name(u, PEOPLE)?;
    Ok(match u.int_in_range(0u8..=6)? {
        0 => licences::Action::SetCapacity {
            capacity: if u.ratio(1, 4)? {
                u32::arbitrary(u)?
            } else {
                u.int_in_range(0..=4)?
            },
        },
        1 => licences::Action::Request {
            person,
            kind: *u.choose(&AccountKind::ALL[..])?,
            requirement_end: if bool::arbitrary(u)? {
                Some(date(u)?)
            } else {
                None
            },
            courses: (0..u.int_in_range(0..=2)?)
                .map(|_| name(u, COURSES))
                .collect::<Result<_>>()?,
        },
        2 => licences::Action::Login { person },
        3 => licences::Action::CompleteCourse {
            person,
            course: name(u, COURSES)?,
        },
        4 => licences::Action::Deactivate {
            person,
            reason: *u.choose(&DeactivationReason::ALL[..])?,
        },
        5 => licences::Action::Withdraw { person },
        _ => licences::Action::ReportDormant,
    })
}

/// Checks the laws of the pattern over `commands` from `start`.
pub(crate) fn run<A>(start: &A, commands: &[A::Command]) -> A
where
    A: Aggregate + Clone + PartialEq + std::fmt::Debug,
    A::Event: Clone,
{
    let mut state = start.clone();
    let mut log = Vec::new();
    for command in commands {
        let before = state.clone();
        match state.execute(command) {
            Ok(events) => log.extend(events),
            Err(_) => assert_eq!(state, before, "a refusal changed the state"),
        }
    }
    let mut folded = start.clone();
    assert!(folded.apply_all(&log).is_ok(), "the events do not fold");
    assert_eq!(folded, state, "the state is not the fold of its events");
    state
}

/// A licence pool under commands.
pub fn pool_commands(u: &mut Unstructured<'_>) -> Result<()> {
    let at = instant(u)?;
    let capacity = if u.ratio(1, 4)? {
        u32::arbitrary(u)?
    } else {
        u.int_in_range(0..=3)?
    };
    let Ok((pool, _)) = Pool::open("open", "ADMIN-1", at, "Wales", capacity, pool_policy(u)?)
    else {
        return Ok(());
    };
    let mut commands = Vec::new();
    for _ in 0..u.int_in_range(0..=40)? {
        commands.push(licences::Command {
            id: format!("c{}", u.int_in_range(0u8..=30)?),
            actor: "ADMIN-1".into(),
            at: instant(u)?,
            action: pool_action(u)?,
        });
    }
    let pool = run(&pool, &commands);
    assert!(
        pool.check_invariants().is_ok(),
        "{:?}",
        pool.check_invariants()
    );
    let _ = utilisation(&pool, instant(u)?);
    let saved = pool.to_json().expect("a pool saves");
    assert_eq!(
        Pool::from_json(&saved).ok(),
        Some(pool),
        "a pool's snapshot restores equal"
    );
    Ok(())
}

fn register_action(u: &mut Unstructured<'_>) -> Result<Action> {
    let learner = name(u, &["A", "B"])?;
    Ok(match u.int_in_range(0u8..=2)? {
        0 => Action::Mark {
            learner,
            mark: *u.choose(&Mark::ALL[..])?,
        },
        1 => Action::AddNote {
            learner,
            text: String::arbitrary(u)?,
        },
        _ => match Contribution::new(i64::arbitrary(u)? % 4) {
            Ok(score) => Action::SetContribution { learner, score },
            Err(_) => Action::Mark {
                learner,
                mark: Mark::Present,
            },
        },
    })
}

/// A register under commands from every role.
pub fn register_commands(u: &mut Unstructured<'_>) -> Result<()> {
    let starts_at = instant(u)?;
    let lesson = Lesson {
        id: "L-1".into(),
        provider: "PRV-1".into(),
        starts_at,
        ends_at: instant(u)?,
    };
    let learners = vec!["A".to_owned(), "B".to_owned(), name(u, &["C"])?];
    let Ok(register) = Register::new(lesson.clone(), &learners) else {
        return Ok(());
    };
    let mut commands = Vec::new();
    for _ in 0..u.int_in_range(0..=40)? {
        commands.push(Command {
            id: format!("c{}", u.int_in_range(0u8..=30)?),
            actor: Actor::new(*u.choose(&Role::ALL[..])?, name(u, &["STAFF-1"])?),
            at: instant(u)?,
            action: register_action(u)?,
        });
    }
    let state = run(&register, &commands);
    let replayed = Register::replay(lesson, &learners, state.events()).ok();
    assert_eq!(
        replayed.as_ref(),
        Some(&state),
        "replay gives an equal register"
    );
    let saved = state.to_json().expect("a register saves");
    assert_eq!(
        Register::restore(&saved).ok(),
        Some(state),
        "a register restores equal"
    );
    Ok(())
}
