//! The licence pool aggregate (L-1..L-7): `command → events → apply`. The state is the fold of
//! the events, so replaying the log or restoring a snapshot gives an identical pool.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::chain::Chain;
use crate::licences::error::PoolError;
use crate::licences::model::{
    Account, AccountKind, AccountState, Action, Command, DeactivationReason, Event, EventKind,
};
use crate::licences::policy::{PoolPolicy, WaitingOrder};

/// The format a pool snapshot is written in: 2 added `format` and the log's `head` hash; 3
/// added the log's `chain`, one link per event, so a changed log is refused naming the first
/// changed event, and `openedAt`, before which no command may be dated; 4 added `lastAt`, the
/// time of the last event, before which no command may be dated. Formats 1 to 3 are read too
/// (a pool restored from format 1 or 2 without its log keeps no chain, and is written as
/// format 2 until it is restored with its log; one restored from format 3 without its log
/// takes as `lastAt` the latest time its state holds, and from its log the log's last time).
pub const POOL_FORMAT: u32 = 4;

/// A region's licence pool. Every change goes through [`Pool::execute`]; a refused command
/// leaves the pool unchanged, and a command whose id was already executed changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pool {
    region: String,
    policy: PoolPolicy,
    capacity: u32,
    allocated: u32,
    accounts: BTreeMap<String, Account>,
    waiting: Vec<String>,
    commands: BTreeSet<String>,
    events: u64,
    /// Whole days held by licences already released, and how many (L-9).
    released_days: u64,
    releases: u64,
    /// When each current holder's licence was allocated.
    held_since: BTreeMap<String, DateTime<Utc>>,
    /// The head hash of the log's chain ([`crate::chain`]): the last link over every event
    /// folded. A snapshot written before pools had one has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    head: Option<String>,
    /// The links of the log's chain, one per event folded (format 3), its last link `head`;
    /// empty for a pool restored without its log from a snapshot written before.
    #[serde(default, skip_serializing_if = "Chain::is_empty")]
    chain: Chain,
    /// When the pool was opened (its first event, format 3): no command may be dated before.
    /// `None` for a pool restored without its log from a snapshot written before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opened_at: Option<DateTime<Utc>>,
    /// When the last event folded was dated (format 4): no command may be dated before, so
    /// the log runs forward (L-7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_at: Option<DateTime<Utc>>,
}

fn blank(person: &str, kind: AccountKind, at: DateTime<Utc>) -> Account {
    Account {
        person: person.to_owned(),
        kind,
        state: AccountState::Waiting,
        holds_licence: false,
        requirement_end: None,
        courses: BTreeSet::new(),
        completed: BTreeSet::new(),
        requested_at: at,
        issued_at: None,
        last_login: None,
        last_reported: None,
        deactivation: None,
    }
}

impl Pool {
    /// Opens a pool: the first event of its log.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ete_core::licences::*;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let (mut pool, opened) = Pool::open("open-1", "ADMIN-1", at, "Wales", 1, PoolPolicy::default())?;
    /// let request = |id: &str, person: &str| Command { id: id.into(), actor: "ADMIN-1".into(), at,
    ///     action: Action::Request { person: person.into(), kind: AccountKind::Learner,
    ///     requirement_end: None, courses: vec!["Budgeting".into()] } };
    /// pool.execute(&request("c1", "P-1"))?;
    /// let events = pool.execute(&request("c2", "P-2"))?; // no licence free: waiting list
    /// assert!(matches!(events[1].kind, EventKind::Queued { .. }));
    /// assert!(pool.execute(&request("c2", "P-2"))?.is_empty()); // a retry changes nothing
    /// let free = Command { id: "c3".into(), actor: "ADMIN-1".into(), at,
    ///     action: Action::Deactivate { person: "P-1".into(), reason: DeactivationReason::CoursesCompleted } };
    /// let events = pool.execute(&free)?; // the licence goes to the head of the list at once
    /// assert_eq!(pool.account("P-2").unwrap().state, AccountState::Active);
    /// assert_eq!(events.len(), 2);
    /// # Ok::<(), PoolError>(())
    /// ```
    pub fn open(
        command: &str,
        actor: &str,
        at: DateTime<Utc>,
        region: &str,
        capacity: u32,
        policy: PoolPolicy,
    ) -> Result<(Pool, Event), PoolError> {
        policy.check()?;
        let event = Event {
            command: command.to_owned(),
            actor: actor.to_owned(),
            at,
            kind: EventKind::Opened {
                region: region.to_owned(),
                capacity,
                policy,
            },
        };
        let pool = Pool::replay(std::slice::from_ref(&event))?;
        Ok((pool, event))
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.region
    }
    /// The policy.
    pub fn policy(&self) -> &PoolPolicy {
        &self.policy
    }
    /// The capacity (L-1).
    pub fn capacity(&self) -> u32 {
        self.capacity
    }
    /// Licences allocated now.
    pub fn allocated(&self) -> u32 {
        self.allocated
    }
    /// Licences free now.
    pub fn free(&self) -> u32 {
        self.capacity.saturating_sub(self.allocated)
    }
    /// The waiting list, head first (L-4).
    pub fn waiting(&self) -> &[String] {
        &self.waiting
    }
    /// A person's account (the latest, if they had several).
    pub fn account(&self, person: &str) -> Option<&Account> {
        self.accounts.get(person)
    }
    /// Every account, by person.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> {
        self.accounts.values()
    }
    /// How many events the pool has folded.
    pub fn event_count(&self) -> u64 {
        self.events
    }
    /// Whether a command id has been executed.
    pub fn has_executed(&self, command: &str) -> bool {
        self.commands.contains(command)
    }
    /// Whole days held by released licences and how many were released (L-9).
    pub fn released_holdings(&self) -> (u64, u64) {
        (self.released_days, self.releases)
    }
    /// When each current holder's licence was allocated.
    pub fn held_since(&self) -> &BTreeMap<String, DateTime<Utc>> {
        &self.held_since
    }

    /// Runs a command: decides its events, applies them and returns them. A refused command
    /// returns the error and leaves the pool unchanged; a command id already executed returns
    /// no events and changes nothing (L-7).
    pub fn execute(&mut self, command: &Command) -> Result<Vec<Event>, PoolError> {
        crate::Aggregate::execute(self, command)
    }

    /// Rebuilds a pool from its log: the first event must be `opened` (L-7).
    pub fn replay(events: &[Event]) -> Result<Pool, PoolError> {
        let bad = |position, reason: String| PoolError::BadLog {
            position: Some(position),
            reason,
        };
        let Some(first) = events.first() else {
            return Err(PoolError::BadLog {
                position: None,
                reason: "an empty log: the first event must be opened".into(),
            });
        };
        let EventKind::Opened {
            region,
            capacity,
            policy,
        } = &first.kind
        else {
            return Err(bad(0, "the first event must be opened".into()));
        };
        policy.check().map_err(|e| bad(0, e.to_string()))?;
        let mut pool = Pool {
            region: region.clone(),
            policy: policy.clone(),
            capacity: *capacity,
            allocated: 0,
            accounts: BTreeMap::new(),
            waiting: Vec::new(),
            commands: BTreeSet::from([first.command.clone()]),
            events: 1,
            released_days: 0,
            releases: 0,
            held_since: BTreeMap::new(),
            head: None,
            chain: Chain::default(),
            opened_at: Some(first.at),
            last_at: Some(first.at),
        };
        pool.chain.push(first).map_err(|e| bad(0, e.reason))?;
        pool.head = Some(pool.chain.head());
        for (i, event) in events.iter().enumerate().skip(1) {
            // One position per fault: the event's, not the one `apply` cannot know.
            pool.apply(event).map_err(|e| match e {
                PoolError::BadLog { reason, .. } => bad(i, reason),
                other => bad(i, other.to_string()),
            })?;
        }
        Ok(pool)
    }

    /// The pool as JSON (a snapshot, format [`POOL_FORMAT`]).
    pub fn to_json(&self) -> Result<String, PoolError> {
        let bad = |e: serde_json::Error| PoolError::BadLog {
            position: None,
            reason: e.to_string(),
        };
        let mut value = serde_json::to_value(self).map_err(bad)?;
        // Without its chain (restored alone from a format 2 snapshot) it is still format 2.
        let format = if self.chain.is_empty() {
            2
        } else {
            POOL_FORMAT
        };
        if let Some(object) = value.as_object_mut() {
            object.insert("format".into(), format.into());
            // Format 2 had no `lastAt`: it is taken from the state again when read.
            if format < 4 {
                object.remove("lastAt");
            }
        }
        serde_json::to_string(&value).map_err(bad)
    }

    /// Restores a snapshot; one that breaks an invariant is refused. A snapshot without a
    /// `format` is format 1 (before pools kept a head hash); a newer format than
    /// [`POOL_FORMAT`] is refused.
    pub fn from_json(text: &str) -> Result<Pool, PoolError> {
        Pool::read_snapshot(text).map(|(pool, _)| pool)
    }

    /// Reads and checks a snapshot ([`Pool::from_json`]), and says whether its `lastAt` was
    /// migrated (a snapshot before format 4 had none: the latest time its state holds stands
    /// for it).
    fn read_snapshot(text: &str) -> Result<(Pool, bool), PoolError> {
        let invalid = |reason: String| PoolError::BadLog {
            position: None,
            reason: format!("invalid snapshot: {reason}"),
        };
        let mut object: serde_json::Map<String, serde_json::Value> =
            crate::json::from_object(text).map_err(|e| invalid(e.to_string()))?;
        let format = match object.remove("format") {
            None => 1,
            Some(v) => v
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .ok_or_else(|| invalid("format is not a whole number".into()))?,
        };
        crate::format::check_version("pool snapshot", format, POOL_FORMAT).map_err(invalid)?;
        match (format, object.get("chain")) {
            (1 | 2, Some(_)) => {
                return Err(invalid(format!(
                    "a format {format} snapshot has no chain (format 3 added it)"
                )));
            }
            (3.., None) => return Err(invalid("the snapshot has no chain".into())),
            (3.., Some(_)) if !object.contains_key("openedAt") => {
                return Err(invalid("the snapshot has no openedAt".into()));
            }
            _ => {}
        }
        let migrated = match (format, object.contains_key("lastAt")) {
            (1..=3, true) => {
                return Err(invalid(format!(
                    "a format {format} snapshot has no lastAt (format 4 added it)"
                )));
            }
            (4.., false) => return Err(invalid("the snapshot has no lastAt".into())),
            (1..=3, false) => true,
            _ => false,
        };
        let mut pool: Pool = serde_json::from_value(serde_json::Value::Object(object))
            .map_err(|e| invalid(e.to_string()))?;
        if migrated {
            pool.last_at = pool.latest_time_held();
        }
        pool.check_invariants()
            .map_err(|reason| PoolError::BadLog {
                position: None,
                reason: format!("invalid snapshot: {reason}"),
            })?;
        Ok((pool, migrated))
    }

    /// The latest time the state holds: the opening, and each account's request, issue, last
    /// login and last report, and each licence's allocation.
    fn latest_time_held(&self) -> Option<DateTime<Utc>> {
        let accounts = self.accounts.values().flat_map(|a| {
            [
                Some(a.requested_at),
                a.issued_at,
                a.last_login,
                a.last_reported,
            ]
        });
        self.opened_at
            .into_iter()
            .chain(accounts.flatten())
            .chain(self.held_since.values().copied())
            .max()
    }

    /// When the last event folded was dated: no command may be dated before (L-7). For a pool
    /// restored without its log from a snapshot before format 4, the latest time its state
    /// holds.
    pub fn last_at(&self) -> Option<DateTime<Utc>> {
        self.last_at
    }

    /// The snapshot ([`Pool::to_json`]) and `log` as JSON, taken together: a caller that
    /// keeps a pool and its log under one lock calls this once while holding it, so the two
    /// describe the same moment and [`Pool::restore`] accepts them even while other threads
    /// write. `log` must be the log this pool is the fold of; one of another length is
    /// refused ([`PoolError::BadLog`]) rather than written.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ete_core::licences::*;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let (pool, opened) = Pool::open("open-1", "ADMIN-1", at, "Wales", 1, PoolPolicy::default())?;
    /// let backup = pool.snapshot_with_log(&[opened])?;
    /// let log: Vec<Event> = serde_json::from_str(&backup.log).unwrap();
    /// assert_eq!(Pool::restore(&backup.snapshot, &log)?, pool);
    /// # Ok::<(), PoolError>(())
    /// ```
    pub fn snapshot_with_log(&self, log: &[Event]) -> Result<PoolBackup, PoolError> {
        let length = u64::try_from(log.len()).unwrap_or(u64::MAX);
        if length != self.events {
            return Err(PoolError::BadLog {
                position: None,
                reason: format!(
                    "a log of {length} events for a pool that has folded {} (L-7)",
                    self.events
                ),
            });
        }
        let log = serde_json::to_string(log).map_err(|e| PoolError::BadLog {
            position: None,
            reason: format!("cannot write the log: {e}"),
        })?;
        Ok(PoolBackup {
            snapshot: self.to_json()?,
            log,
        })
    }

    /// Restores a pool from a snapshot and the event log it was taken with (L-7): the snapshot
    /// is checked as [`Pool::from_json`] checks it, the log is replayed, and the two must
    /// describe the same pool, the log's hash chain ending in the snapshot's head hash. A snapshot that does not parse or breaks an invariant, a log that
    /// does not replay, or a snapshot and a log that disagree is [`PoolError::BadLog`]
    /// (`MalformedInput`).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ete_core::licences::*;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let (mut pool, opened) = Pool::open("open-1", "ADMIN-1", at, "Wales", 1, PoolPolicy::default())?;
    /// let mut log = vec![opened];
    /// let request = Action::Request {
    ///     person: "P-1".into(),
    ///     kind: AccountKind::Learner,
    ///     requirement_end: None,
    ///     courses: vec![],
    /// };
    /// log.extend(pool.execute(&Command { id: "c1".into(), actor: "A".into(), at, action: request })?);
    /// let restored = Pool::restore(&pool.to_json()?, &log)?;
    /// assert_eq!(restored, pool);
    /// assert!(Pool::restore(&pool.to_json()?, &log[..1]).is_err());
    /// # Ok::<(), PoolError>(())
    /// ```
    pub fn restore(snapshot_json: &str, log: &[Event]) -> Result<Pool, PoolError> {
        let (mut pool, migrated) = Pool::read_snapshot(snapshot_json)?;
        // The snapshot's links name the first event of the log that was changed, inserted,
        // removed or reordered, before the log is replayed.
        if !pool.chain.is_empty() {
            pool.chain.verify(log).map_err(|e| PoolError::BadLog {
                position: Some(e.position),
                reason: format!("the hash chain breaks: {} (L-7)", e.reason),
            })?;
        }
        let replayed = Pool::replay(log)?;
        // A snapshot written before pools kept a head hash takes the log's (migration).
        if pool.head.is_none() {
            pool.head.clone_from(&replayed.head);
        }
        // A snapshot written before pools kept a chain takes the log's (migration), and its
        // opening time.
        if pool.chain.is_empty() && pool.head == replayed.head {
            pool.chain.clone_from(&replayed.chain);
            pool.opened_at = replayed.opened_at;
        }
        // A snapshot written before format 4 takes the log's last time (migration).
        if migrated && pool.head == replayed.head {
            pool.last_at = replayed.last_at;
        }
        if pool.head != replayed.head && pool.event_count() == replayed.event_count() {
            return Err(PoolError::BadLog {
                position: None,
                reason: "the log's hash chain does not end in the snapshot's head hash: an \
                         event was changed (L-7)"
                    .into(),
            });
        }
        if replayed != pool {
            return Err(PoolError::BadLog {
                position: None,
                reason: format!(
                    "the snapshot and the event log describe different pools: the snapshot has \
                     folded {} events, the log replays {} (L-7)",
                    pool.event_count(),
                    replayed.event_count()
                ),
            });
        }
        Ok(pool)
    }

    /// The most events a pool may count: 2^53 (far beyond any real log; a counter above it is
    /// a tampered snapshot).
    pub const MAX_EVENTS: u64 = 1 << 53;
    /// The most whole days one licence can have been held (10,000 years: every day chrono can
    /// name lies within a few million days of another).
    pub const MAX_HOLD_DAYS: u64 = 3_652_425;

    /// Checks the pool's invariants (L-1..L-4, L-7): the policy is in range; allocated =
    /// licences held ≤ capacity; the waiting list holds each waiting account once, and only
    /// while no licence is free; the counters agree with the log they claim (every executed
    /// command yielded at least one event, each release took two events, at most
    /// [`Pool::MAX_EVENTS`] events, at most [`Pool::MAX_HOLD_DAYS`] days per release).
    pub fn check_invariants(&self) -> Result<(), String> {
        self.policy.check().map_err(|e| e.to_string())?;
        if let (Some(last), Some(latest)) = (self.last_at, self.latest_time_held())
            && last < latest
        {
            return Err(format!(
                "lastAt {} is before a time the pool holds ({}): the log runs forward (L-7)",
                last.to_rfc3339(),
                latest.to_rfc3339()
            ));
        }
        if !self.chain.is_empty() {
            let links = u64::try_from(self.chain.len()).unwrap_or(u64::MAX);
            if links != self.events || self.head.as_deref() != Some(self.chain.head().as_str()) {
                return Err(format!(
                    "the chain holds {links} links for {} events, or does not end in the head \
                     hash (L-7)",
                    self.events
                ));
            }
        }
        if self.events > Pool::MAX_EVENTS {
            return Err(format!(
                "events {} above the most a pool may count ({})",
                self.events,
                Pool::MAX_EVENTS
            ));
        }
        let commands = u64::try_from(self.commands.len()).unwrap_or(u64::MAX);
        if commands > self.events {
            return Err(format!(
                "{commands} commands executed but only {} events counted",
                self.events
            ));
        }
        // Each release took an allocation and a deactivation event, after the opening one.
        if self.releases.saturating_mul(2) >= self.events {
            return Err(format!(
                "releases {}: each needs an allocation and a deactivation, but only {} events \
                 were counted",
                self.releases, self.events
            ));
        }
        if u128::from(self.released_days)
            > u128::from(self.releases).saturating_mul(u128::from(Pool::MAX_HOLD_DAYS))
        {
            return Err(format!(
                "releasedDays {} above what {} releases can hold ({} days each at most)",
                self.released_days,
                self.releases,
                Pool::MAX_HOLD_DAYS
            ));
        }
        let held = self.accounts.values().filter(|a| a.holds_licence).count();
        if u32::try_from(held).ok() != Some(self.allocated) {
            return Err(format!(
                "allocated {} but {held} licences held",
                self.allocated
            ));
        }
        if self.allocated > self.capacity {
            return Err(format!(
                "allocated {} above capacity {}",
                self.allocated, self.capacity
            ));
        }
        if self
            .accounts
            .values()
            .any(|a| a.holds_licence && a.state != AccountState::Active)
        {
            return Err("a licence held by an account that is not active".into());
        }
        let listed: BTreeSet<&String> = self.waiting.iter().collect();
        let waiting: BTreeSet<&String> = self
            .accounts
            .values()
            .filter(|a| a.state == AccountState::Waiting)
            .map(|a| &a.person)
            .collect();
        if listed.len() != self.waiting.len() || listed != waiting {
            return Err("the waiting list does not match the waiting accounts".into());
        }
        if !self.waiting.is_empty() && self.free() > 0 {
            return Err("a licence is free while people are waiting".into());
        }
        if self.held_since.len() != held {
            return Err("holding times do not match the licences held".into());
        }
        Ok(())
    }

    fn active(&self, person: &str, command: &str) -> Result<&Account, PoolError> {
        let account = self
            .accounts
            .get(person)
            .ok_or_else(|| PoolError::UnknownPerson {
                person: person.to_owned(),
            })?;
        if account.state != AccountState::Active {
            return Err(PoolError::transition(
                person,
                command,
                format!("the account is {}", state_name(account.state)),
                "L-3",
            ));
        }
        Ok(account)
    }

    /// The events a command would yield, or why it is refused.
    fn decide_kinds(&self, command: &Command) -> Result<Vec<EventKind>, PoolError> {
        let mut out = Vec::new();
        match &command.action {
            Action::SetCapacity { capacity } => {
                if *capacity < self.allocated {
                    return Err(PoolError::CapacityExceeded {
                        what: format!("pool {}", self.region),
                        reason: format!(
                            "capacity {capacity} is below the {} licences allocated",
                            self.allocated
                        ),
                        rule: "L-1",
                    });
                }
                out.push(EventKind::CapacitySet {
                    capacity: *capacity,
                });
                let free = capacity.saturating_sub(self.allocated);
                self.serve_waiting(free, &mut out);
            }
            Action::Request {
                person,
                kind,
                requirement_end,
                courses,
            } => {
                if person.trim().is_empty() {
                    return Err(PoolError::InvalidField {
                        field: "person".into(),
                        reason: "must not be empty".into(),
                    });
                }
                if let Some(a) = self.accounts.get(person)
                    && a.state != AccountState::Deactivated
                {
                    return Err(PoolError::transition(
                        person,
                        "request an account",
                        format!(
                            "they already have an account that is {}",
                            state_name(a.state)
                        ),
                        "L-2",
                    ));
                }
                out.push(EventKind::Requested {
                    person: person.clone(),
                    kind: *kind,
                    requirement_end: *requirement_end,
                    courses: courses.clone(),
                });
                let uses_licence = *kind == AccountKind::Learner || self.policy.staff_use_licences;
                out.push(if !uses_licence {
                    EventKind::StaffAccountCreated {
                        person: person.clone(),
                    }
                } else if self.free() > 0 {
                    EventKind::Allocated {
                        person: person.clone(),
                    }
                } else {
                    EventKind::Queued {
                        person: person.clone(),
                    }
                });
            }
            Action::Login { person } => {
                let account = self.active(person, "log in")?;
                if account.issued_at.is_some_and(|issued| command.at < issued) {
                    return Err(PoolError::transition(
                        person,
                        "log in",
                        "the login is dated before the login details were issued",
                        "L-5",
                    ));
                }
                out.push(EventKind::LoggedIn {
                    person: person.clone(),
                });
            }
            Action::CompleteCourse { person, course } => {
                let account = self.active(person, "complete a course")?;
                out.push(EventKind::CourseCompleted {
                    person: person.clone(),
                    course: course.clone(),
                });
                let mut done = account.completed.clone();
                done.insert(course.clone());
                let ready = !account.courses.is_empty() && account.courses.is_subset(&done);
                if ready && self.policy.release_when_ready && !account.courses_done() {
                    self.release(account, DeactivationReason::CoursesCompleted, 0, &mut out);
                }
            }
            Action::Deactivate { person, reason } => {
                let account = self.active(person, "deactivate")?;
                self.release(account, *reason, 0, &mut out);
            }
            Action::Withdraw { person } => {
                let account =
                    self.accounts
                        .get(person)
                        .ok_or_else(|| PoolError::UnknownPerson {
                            person: person.clone(),
                        })?;
                if account.state != AccountState::Waiting {
                    return Err(PoolError::transition(
                        person,
                        "withdraw from the waiting list",
                        format!("the account is {}", state_name(account.state)),
                        "L-4",
                    ));
                }
                out.push(EventKind::Withdrawn {
                    person: person.clone(),
                });
            }
            Action::ReportDormant => {
                let due = crate::licences::reports::dormant_logins(self, command.at);
                let mut freed = 0;
                for d in due {
                    out.push(EventKind::DormantReported {
                        person: d.person.clone(),
                        never_logged_in: d.never_logged_in,
                    });
                    if self.policy.reclaim_dormant
                        && let Some(account) = self.accounts.get(&d.person)
                    {
                        freed = self.release(
                            account,
                            DeactivationReason::DormantReclaim,
                            freed,
                            &mut out,
                        );
                    }
                }
            }
        }
        Ok(out)
    }

    /// Deactivates an account and, if it held a licence, allocates it to the next on the
    /// waiting list (`served` already served by this command). Returns the new `served`.
    fn release(
        &self,
        account: &Account,
        reason: DeactivationReason,
        served: usize,
        out: &mut Vec<EventKind>,
    ) -> usize {
        out.push(EventKind::Deactivated {
            person: account.person.clone(),
            reason,
        });
        if account.holds_licence
            && let Some(next) = self.waiting.get(served)
        {
            out.push(EventKind::Allocated {
                person: next.clone(),
            });
            return served.saturating_add(1);
        }
        served
    }

    fn serve_waiting(&self, free: u32, out: &mut Vec<EventKind>) {
        let n = usize::try_from(free).unwrap_or(usize::MAX);
        for person in self.waiting.iter().take(n) {
            out.push(EventKind::Allocated {
                person: person.clone(),
            });
        }
    }

    /// Folds one event into the state, checking it is possible (L-7).
    pub(crate) fn apply(&mut self, event: &Event) -> Result<(), PoolError> {
        let at = event.at;
        if self.opened_at.is_some_and(|opened| at < opened) {
            return Err(PoolError::BadLog {
                position: None,
                reason: "an event dated before the pool was opened (L-7)".into(),
            });
        }
        if let Some(last) = self.last_at
            && at < last
        {
            return Err(PoolError::BadLog {
                position: None,
                reason: format!(
                    "an event dated {} before the pool's last event at {} (L-7: the log runs \
                     forward)",
                    at.to_rfc3339(),
                    last.to_rfc3339()
                ),
            });
        }
        let missing = |person: &str| PoolError::UnknownPerson {
            person: person.to_owned(),
        };
        match &event.kind {
            EventKind::Opened { .. } => {
                return Err(PoolError::transition(
                    &self.region,
                    "open",
                    "the pool is already open",
                    "L-7",
                ));
            }
            EventKind::CapacitySet { capacity } => {
                if *capacity < self.allocated {
                    return Err(PoolError::CapacityExceeded {
                        what: format!("pool {}", self.region),
                        reason: format!(
                            "capacity {capacity} is below {} allocated",
                            self.allocated
                        ),
                        rule: "L-1",
                    });
                }
                self.capacity = *capacity;
            }
            EventKind::Requested {
                person,
                kind,
                requirement_end,
                courses,
            } => {
                if self
                    .accounts
                    .get(person)
                    .is_some_and(|a| a.state != AccountState::Deactivated)
                {
                    return Err(PoolError::transition(
                        person,
                        "request",
                        "already has an account",
                        "L-2",
                    ));
                }
                let mut account = blank(person, *kind, at);
                account.requirement_end = *requirement_end;
                account.courses = courses.iter().cloned().collect();
                self.accounts.insert(person.clone(), account);
            }
            EventKind::Queued { person } => {
                let end_of = |p: &String| self.accounts.get(p).and_then(|a| a.requirement_end);
                let key = end_of(person);
                let position = match self.policy.waiting_order {
                    WaitingOrder::FirstCome => self.waiting.len(),
                    WaitingOrder::RequirementEnd => self
                        .waiting
                        .iter()
                        .position(|p| match (key, end_of(p)) {
                            (Some(mine), Some(theirs)) => mine < theirs,
                            (Some(_), None) => true,
                            _ => false,
                        })
                        .unwrap_or(self.waiting.len()),
                };
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                account.state = AccountState::Waiting;
                self.waiting.insert(position, person.clone());
            }
            EventKind::Allocated { person } => {
                if self.allocated >= self.capacity {
                    return Err(PoolError::CapacityExceeded {
                        what: format!("pool {}", self.region),
                        reason: "no licence free".into(),
                        rule: "L-1",
                    });
                }
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                if account.holds_licence {
                    return Err(PoolError::transition(
                        person,
                        "allocate",
                        "already holds a licence",
                        "L-2",
                    ));
                }
                account.state = AccountState::Active;
                account.holds_licence = true;
                account.issued_at = Some(at);
                self.waiting.retain(|p| p != person);
                self.allocated = self.allocated.saturating_add(1);
                self.held_since.insert(person.clone(), at);
            }
            EventKind::StaffAccountCreated { person } => {
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                account.state = AccountState::Active;
                account.issued_at = Some(at);
            }
            EventKind::LoggedIn { person } => {
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                account.last_login = Some(at);
            }
            EventKind::CourseCompleted { person, course } => {
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                account.completed.insert(course.clone());
            }
            EventKind::Deactivated { person, reason } => {
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                if account.state != AccountState::Active {
                    return Err(PoolError::transition(
                        person,
                        "deactivate",
                        "not active",
                        "L-3",
                    ));
                }
                account.state = AccountState::Deactivated;
                account.deactivation = Some(*reason);
                if account.holds_licence {
                    account.holds_licence = false;
                    self.allocated = self.allocated.saturating_sub(1);
                    if let Some(since) = self.held_since.remove(person) {
                        let days = u64::try_from(at.signed_duration_since(since).num_days())
                            .unwrap_or(0)
                            .min(Pool::MAX_HOLD_DAYS);
                        self.released_days = self.released_days.saturating_add(days);
                        self.releases = self.releases.saturating_add(1);
                    }
                }
            }
            EventKind::Withdrawn { person } => {
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                account.state = AccountState::Deactivated;
                self.waiting.retain(|p| p != person);
            }
            EventKind::DormantReported { person, .. } => {
                let account = self
                    .accounts
                    .get_mut(person)
                    .ok_or_else(|| missing(person))?;
                account.last_reported = Some(at);
            }
        }
        let broken = |e: crate::chain::ChainBreak| PoolError::BadLog {
            position: None,
            reason: e.reason,
        };
        // The chain is kept only when it holds every event so far (see `chain`); its last link
        // is the head (`check_invariants`), so the event is hashed once either way.
        let head = if self.chain.is_empty() {
            let previous = self.head.as_deref().unwrap_or(crate::chain::EMPTY_HEAD);
            crate::chain::link(previous, event).map_err(broken)?
        } else {
            self.chain.push(event).map_err(broken)?;
            self.chain.head()
        };
        self.head = Some(head);
        self.last_at = Some(at);
        self.commands.insert(event.command.clone());
        self.events = self.events.saturating_add(1);
        Ok(())
    }

    /// The head hash of the log's chain ([`crate::chain`]): the log this pool is the fold of
    /// ends in this link. `None` for a pool restored from a snapshot written before pools
    /// kept one (without its log).
    pub fn head_hash(&self) -> Option<&str> {
        self.head.as_deref()
    }

    /// The links of the log's chain, one per event ([`crate::chain`]); empty for a pool
    /// restored without its log from a snapshot written before format 3.
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// Checks that `log` is the log this pool is the fold of, link by link: the first event
    /// changed, inserted, removed or reordered is named. A pool without a chain (see
    /// [`Pool::chain`]) checks the log's head hash only, naming the end of the log.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ete_core::licences::*;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    /// let (pool, opened) = Pool::open("open-1", "ADMIN-1", at, "Wales", 1, PoolPolicy::default())?;
    /// assert!(pool.verify_log(&[opened.clone()]).is_ok());
    /// let mut edited = opened;
    /// edited.actor = "ADMIN-2".into();
    /// assert_eq!(pool.verify_log(&[edited]).unwrap_err().position, 0);
    /// # Ok::<(), PoolError>(())
    /// ```
    pub fn verify_log(&self, log: &[Event]) -> Result<(), crate::chain::ChainBreak> {
        if !self.chain.is_empty() {
            return self.chain.verify(log);
        }
        let head = Chain::of(log)?.head();
        if self.head.as_deref().is_some_and(|h| h != head) {
            return Err(crate::chain::ChainBreak {
                position: log.len(),
                reason: "the log does not end in the pool's head hash (a snapshot written \
                         before format 3 keeps no links to name the changed event)"
                    .into(),
            });
        }
        Ok(())
    }
}

/// A pool's snapshot and its event log taken at one moment ([`Pool::snapshot_with_log`]),
/// both as JSON: give them to [`Pool::restore`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PoolBackup {
    /// The snapshot ([`Pool::to_json`]).
    pub snapshot: String,
    /// The event log, oldest first, as a JSON list.
    pub log: String,
}

/// The state's name in messages.
pub(crate) fn state_name(state: AccountState) -> &'static str {
    match state {
        AccountState::Waiting => "waiting",
        AccountState::Active => "active",
        AccountState::Deactivated => "deactivated",
    }
}

impl Pool {
    /// The command id of [`Pool::open`] when a caller (a binding's constructor) gives none.
    pub const DEFAULT_OPEN_COMMAND: &'static str = "open";
    /// The actor recorded by [`Pool::open`] when a caller gives none.
    pub const DEFAULT_OPENING_ACTOR: &'static str = "ADMIN";
}

impl crate::CommandId for Command {
    fn command_id(&self) -> &str {
        &self.id
    }
}

impl crate::Aggregate for Pool {
    type Command = Command;
    type Event = Event;
    type Error = PoolError;

    /// A command's events: an empty id is refused, so is a command dated before the pool was
    /// opened or before its last event, and any command once the log holds [`Pool::MAX_EVENTS`] (L-7).
    fn decide(&self, command: &Command) -> Result<Vec<Event>, PoolError> {
        if command.id.trim().is_empty() {
            return Err(PoolError::InvalidField {
                field: "command id".into(),
                reason: "must not be empty (L-7)".into(),
            });
        }
        if let Some(opened) = self.opened_at
            && command.at < opened
        {
            return Err(PoolError::InvalidField {
                field: "at".into(),
                reason: format!(
                    "{} is before the pool was opened at {} (L-7: the log runs forward)",
                    command.at.to_rfc3339(),
                    opened.to_rfc3339()
                ),
            });
        }
        if let Some(last) = self.last_at
            && command.at < last
        {
            return Err(PoolError::InvalidField {
                field: "at".into(),
                reason: format!(
                    "{} is before the pool's last event at {} (L-7: the log runs forward)",
                    command.at.to_rfc3339(),
                    last.to_rfc3339()
                ),
            });
        }
        if self.events >= Pool::MAX_EVENTS {
            return Err(PoolError::CapacityExceeded {
                what: format!("pool {}", self.region),
                reason: format!("the log holds {} events, the most a pool may", self.events),
                rule: "L-7",
            });
        }
        Ok(self
            .decide_kinds(command)?
            .into_iter()
            .map(|kind| Event {
                command: command.id.clone(),
                actor: command.actor.clone(),
                at: command.at,
                kind,
            })
            .collect())
    }
    fn apply(&mut self, event: &Event) -> Result<(), PoolError> {
        Pool::apply(self, event)
    }
    fn has_executed(&self, command: &str) -> bool {
        Pool::has_executed(self, command)
    }
    /// Applies in place: `decide` has checked every precondition `apply` checks, so applying
    /// cannot fail part way; should it ever, the error says so rather than hiding it.
    fn apply_decided(&mut self, events: &[Event]) -> Result<(), PoolError> {
        for event in events {
            let position = usize::try_from(self.events).ok();
            self.apply(event).map_err(|e| PoolError::BadLog {
                position,
                reason: format!("internal: a decided event did not apply: {e}"),
            })?;
        }
        Ok(())
    }
}
