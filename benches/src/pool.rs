//! A licence pool workload: a stream of commands a region's administrators might give over a
//! year — requests, logins, course completions, deactivations, withdrawals and a daily dormant
//! report — generated against a real pool so that every command is accepted.

use std::collections::HashMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use ete_core::licences::{
    AccountKind, Action, Command, DeactivationReason, EventKind, Pool, PoolError, PoolPolicy,
};
use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};

/// Courses a request agrees (two of these).
const COURSES: [&str; 6] = [
    "Budgeting",
    "CV writing",
    "Interview skills",
    "Digital basics",
    "Health and safety",
    "Food hygiene",
];

/// A freshly opened pool and the commands to give it, in order.
#[derive(Clone, Debug)]
pub struct PoolWorkload {
    /// The pool, just opened.
    pub pool: Pool,
    /// The commands; each is accepted when given in order to `pool`.
    pub commands: Vec<Command>,
}

/// People in one state, with removal in O(1).
#[derive(Default)]
struct Bag {
    people: Vec<String>,
    at: HashMap<String, usize>,
}

impl Bag {
    fn insert(&mut self, person: &str) {
        if !self.at.contains_key(person) {
            self.at.insert(person.to_owned(), self.people.len());
            self.people.push(person.to_owned());
        }
    }

    fn remove(&mut self, person: &str) {
        if let Some(i) = self.at.remove(person) {
            self.people.swap_remove(i);
            if let Some(moved) = self.people.get(i) {
                self.at.insert(moved.clone(), i);
            }
        }
    }

    fn pick(&self, rng: &mut SmallRng) -> Option<&String> {
        if self.people.is_empty() {
            None
        } else {
            self.people.get(rng.random_range(0..self.people.len()))
        }
    }
}

/// `n` commands for a pool of `capacity` licences, from `seed`: a command every 30 seconds from
/// 5 January 2026; a dormant report every 10,000 commands; the rest 25% requests, 30% logins,
/// 20% course completions, 17% deactivations and 8% withdrawals from the waiting list.
///
/// Fails only if the core refuses a generated command (a bug in this generator or the core).
pub fn pool_workload(n: usize, capacity: u32, seed: u64) -> Result<PoolWorkload, PoolError> {
    let start: DateTime<Utc> = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let (pool, _) = Pool::open(
        "open",
        "ADMIN-1",
        start,
        "Wales",
        capacity,
        PoolPolicy::default(),
    )?;
    let mut live = pool.clone();
    let mut rng = SmallRng::seed_from_u64(seed);
    let (mut active, mut waiting) = (Bag::default(), Bag::default());
    let mut commands = Vec::with_capacity(n);
    let mut people = 0_usize;
    for i in 0..n {
        let at = start + Duration::seconds(30 * i as i64);
        let roll = rng.random_range(0..100);
        let action = if i % 10_000 == 9_999 {
            Action::ReportDormant
        } else if let (25..55, Some(person)) = (roll, active.pick(&mut rng)) {
            Action::Login {
                person: person.clone(),
            }
        } else if let (55..75, Some(person)) = (roll, active.pick(&mut rng)) {
            let course = live
                .account(person)
                .and_then(|a| a.courses.difference(&a.completed).next().cloned())
                .unwrap_or_else(|| COURSES[0].to_owned());
            Action::CompleteCourse {
                person: person.clone(),
                course,
            }
        } else if let (75..92, Some(person)) = (roll, active.pick(&mut rng)) {
            let done = live.account(person).is_some_and(|a| a.courses_done());
            Action::Deactivate {
                person: person.clone(),
                reason: if done {
                    DeactivationReason::CoursesCompleted
                } else {
                    DeactivationReason::Administrator
                },
            }
        } else if let (92..100, Some(person)) = (roll, waiting.pick(&mut rng)) {
            Action::Withdraw {
                person: person.clone(),
            }
        } else {
            people += 1;
            let first = rng.random_range(0..COURSES.len());
            let second = (first + 1 + rng.random_range(0..COURSES.len() - 1)) % COURSES.len();
            Action::Request {
                person: format!("P-{people}"),
                kind: AccountKind::Learner,
                requirement_end: Some(at.date_naive() + Duration::days(rng.random_range(30..365))),
                courses: vec![COURSES[first].to_owned(), COURSES[second].to_owned()],
            }
        };
        let command = Command {
            id: format!("c{i}"),
            actor: "ADMIN-1".into(),
            at,
            action,
        };
        for event in live.execute(&command)? {
            match &event.kind {
                EventKind::Allocated { person } => {
                    waiting.remove(person);
                    active.insert(person);
                }
                EventKind::Queued { person } => waiting.insert(person),
                EventKind::Deactivated { person, .. } => active.remove(person),
                EventKind::Withdrawn { person } => waiting.remove(person),
                _ => {}
            }
        }
        commands.push(command);
    }
    Ok(PoolWorkload { pool, commands })
}
