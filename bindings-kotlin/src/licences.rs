//! Licence pooling (L-1..L-9) for Kotlin: commands as a sealed `Action`, events as records, a
//! `LicencePool` object safe to share between threads, and `AccessSessions` (L-8).

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::licences::{
    self, AccessSessions as CoreSessions, Account, Action, Command, DormantLogin, Event, Loan,
    Pool, PoolBackup, PoolPolicy, SessionPolicy, Utilisation,
};

use crate::{EteError, UtcDateTime};

/// The default pool policy (docs/RULES.md): first come, 14 days, report only, manual release.
#[uniffi::export]
pub fn default_pool_policy() -> PoolPolicy {
    PoolPolicy::default()
}

/// Reads a pool policy from JSON (missing fields take the default); unknown fields or a
/// dormancy period of 0 are `EteException.InvalidPolicy`.
#[uniffi::export]
pub fn pool_policy_from_json(text: String) -> Result<PoolPolicy, EteError> {
    Ok(PoolPolicy::from_json(&text)?)
}

struct State {
    pool: Pool,
    log: Vec<Event>,
}

/// A region's licence pool, safe to share between threads. `execute` runs a command (a retry
/// with the same id changes nothing and returns no events) and returns its events.
#[derive(uniffi::Object)]
pub struct LicencePool {
    inner: Mutex<State>,
}

impl LicencePool {
    fn lock(&self) -> Result<MutexGuard<'_, State>, EteError> {
        self.inner.lock().map_err(|_| EteError::InvalidField {
            detail: "a thread panicked while holding this pool".into(),
        })
    }
}

fn malformed(detail: String) -> EteError {
    EteError::MalformedInput { detail }
}

#[uniffi::export]
impl LicencePool {
    /// Opens a pool (its log's first event); `policy` null for the default, `actor` and
    /// `commandId` null for core's (`ADMIN`, `open`).
    #[uniffi::constructor(default(policy = None, actor = None, command_id = None))]
    pub fn new(
        region: String,
        capacity: u32,
        opened_at: UtcDateTime,
        policy: Option<PoolPolicy>,
        actor: Option<String>,
        command_id: Option<String>,
    ) -> Result<Arc<LicencePool>, EteError> {
        let policy = policy.unwrap_or_default();
        let actor = actor.as_deref().unwrap_or(Pool::DEFAULT_OPENING_ACTOR);
        let command_id = command_id.as_deref().unwrap_or(Pool::DEFAULT_OPEN_COMMAND);
        let (pool, opened) = Pool::open(command_id, actor, opened_at, &region, capacity, policy)?;
        Ok(Arc::new(LicencePool {
            inner: Mutex::new(State {
                pool,
                log: vec![opened],
            }),
        }))
    }
    /// Rebuilds a pool from its event log (JSON, as `eventsJson` gives it).
    #[uniffi::constructor]
    pub fn replay(events_json: String) -> Result<Arc<LicencePool>, EteError> {
        let log: Vec<Event> = serde_json::from_str(&events_json)
            .map_err(|e| malformed(format!("invalid event log: {e}")))?;
        let pool = Pool::replay(&log)?;
        Ok(Arc::new(LicencePool {
            inner: Mutex::new(State { pool, log }),
        }))
    }
    /// Restores a pool from a snapshot (`toJson`) and the event log it was taken with
    /// (`eventsJson`) (L-7). A snapshot or log that does not parse, a snapshot that breaks an
    /// invariant, a log that does not replay, or a snapshot and a log that describe different
    /// pools is `EteException.MalformedInput`.
    #[uniffi::constructor]
    pub fn restore(
        snapshot_json: String,
        events_json: String,
    ) -> Result<Arc<LicencePool>, EteError> {
        let log: Vec<Event> = serde_json::from_str(&events_json)
            .map_err(|e| malformed(format!("invalid event log: {e}")))?;
        let pool = Pool::restore(&snapshot_json, &log)?;
        Ok(Arc::new(LicencePool {
            inner: Mutex::new(State { pool, log }),
        }))
    }
    /// Runs a command at `at` by `actor`.
    pub fn execute(
        &self,
        id: String,
        actor: String,
        at: UtcDateTime,
        action: Action,
    ) -> Result<Vec<Event>, EteError> {
        let command = Command {
            id,
            actor,
            at,
            action,
        };
        let mut state = self.lock()?;
        let events = state.pool.execute(&command)?;
        state.log.extend(events.iter().cloned());
        Ok(events)
    }
    /// The event log, oldest first.
    pub fn events(&self) -> Result<Vec<Event>, EteError> {
        Ok(self.lock()?.log.clone())
    }
    /// The snapshot and the event log as JSON, taken together under the pool's lock: while
    /// other threads write, `toJson()` then `eventsJson()` may describe two moments, these two
    /// always one, and `LicencePool.restore` accepts them.
    pub fn snapshot_with_log(&self) -> Result<PoolBackup, EteError> {
        let state = self.lock()?;
        Ok(state.pool.snapshot_with_log(&state.log)?)
    }
    /// The event log as JSON.
    pub fn events_json(&self) -> Result<String, EteError> {
        serde_json::to_string(&self.lock()?.log).map_err(|e| malformed(e.to_string()))
    }
    /// The snapshot as JSON.
    pub fn to_json(&self) -> Result<String, EteError> {
        Ok(self.lock()?.pool.to_json()?)
    }
    /// The head hash of the log's chain (null for a pool restored from a snapshot written
    /// before pools kept one): publish it; a rewritten log is caught against it.
    pub fn head_hash(&self) -> Result<Option<String>, EteError> {
        Ok(self.lock()?.pool.head_hash().map(str::to_owned))
    }
    /// Events folded (the log's length).
    pub fn event_count(&self) -> Result<u64, EteError> {
        Ok(self.lock()?.pool.event_count())
    }
    /// The region the pool serves.
    pub fn region(&self) -> Result<String, EteError> {
        Ok(self.lock()?.pool.region().to_owned())
    }
    /// The capacity.
    pub fn capacity(&self) -> Result<u32, EteError> {
        Ok(self.lock()?.pool.capacity())
    }
    /// Licences allocated.
    pub fn allocated(&self) -> Result<u32, EteError> {
        Ok(self.lock()?.pool.allocated())
    }
    /// Licences free.
    pub fn free(&self) -> Result<u32, EteError> {
        Ok(self.lock()?.pool.free())
    }
    /// The waiting list, head first.
    pub fn waiting(&self) -> Result<Vec<String>, EteError> {
        Ok(self.lock()?.pool.waiting().to_vec())
    }
    /// Every account, by person id order.
    pub fn accounts(&self) -> Result<Vec<Account>, EteError> {
        Ok(self.lock()?.pool.accounts().cloned().collect())
    }
    /// A person's account, or null.
    pub fn account(&self, person: String) -> Result<Option<Account>, EteError> {
        Ok(self.lock()?.pool.account(&person).cloned())
    }
    /// Null when the invariants hold (L-1..L-4), else what is broken.
    pub fn invariant_violation(&self) -> Result<Option<String>, EteError> {
        Ok(self.lock()?.pool.check_invariants().err())
    }
    /// Dormant logins due for a report at `now` (L-5).
    pub fn dormant_logins(&self, now: UtcDateTime) -> Result<Vec<DormantLogin>, EteError> {
        Ok(licences::dormant_logins(&self.lock()?.pool, now))
    }
    /// People whose agreed courses are all completed (L-6).
    pub fn ready_to_deactivate(&self) -> Result<Vec<String>, EteError> {
        Ok(licences::ready_to_deactivate(&self.lock()?.pool))
    }
    /// The utilisation line at `now` (L-9).
    pub fn utilisation(&self, now: UtcDateTime) -> Result<Utilisation, EteError> {
        Ok(licences::utilisation(&self.lock()?.pool, now))
    }
}

/// A region's supported-access sessions and loan laptops (L-8), safe to share between threads.
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct AccessSessions {
    inner: Mutex<CoreSessions>,
}

impl std::fmt::Display for AccessSessions {
    /// The region and counts only (Kotlin's `toString`): `AccessSessions(region=Wales,
    /// sessions=2, loans=1, laptopsOut=1)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.inner.lock() {
            Ok(s) => write!(
                f,
                "AccessSessions(region={}, sessions={}, loans={}, laptopsOut={})",
                s.region(),
                s.sessions().len(),
                s.loans().len(),
                s.laptops_out()
            ),
            Err(_) => f.write_str("AccessSessions(unusable)"),
        }
    }
}

impl AccessSessions {
    fn lock(&self) -> Result<MutexGuard<'_, CoreSessions>, EteError> {
        self.inner.lock().map_err(|_| EteError::InvalidField {
            detail: "a thread panicked while holding these sessions".into(),
        })
    }
}

#[uniffi::export]
impl AccessSessions {
    /// A region's sessions under a session policy given as JSON (`{"laptops": 30,
    /// "regionsWithoutSessions": ["London"]}`; a missing field takes core's default), or
    /// core's default policy when `policyJson` is null; a policy that does not parse is
    /// `EteException.InvalidPolicy`.
    #[uniffi::constructor(default(policy_json = None))]
    pub fn new(
        region: String,
        policy_json: Option<String>,
    ) -> Result<Arc<AccessSessions>, EteError> {
        let policy = match policy_json {
            Some(text) => SessionPolicy::from_json(&text)?,
            None => SessionPolicy::default(),
        };
        Ok(Arc::new(AccessSessions {
            inner: Mutex::new(CoreSessions::new(&region, policy)),
        }))
    }
    /// Schedules a session (refused in a region that runs none).
    pub fn schedule(
        &self,
        id: String,
        site: String,
        date: NaiveDate,
        supervisor: String,
        places: u32,
        laptops: u32,
    ) -> Result<(), EteError> {
        Ok(self
            .lock()?
            .schedule(&id, &site, date, &supervisor, places, laptops)?)
    }
    /// Books a place.
    pub fn book(&self, session: String, person: String) -> Result<(), EteError> {
        Ok(self.lock()?.book(&session, &person)?)
    }
    /// Lends a laptop to a booked person.
    pub fn lend(
        &self,
        session: String,
        person: String,
        laptop: String,
        on: NaiveDate,
        expected_return: NaiveDate,
    ) -> Result<(), EteError> {
        Ok(self
            .lock()?
            .lend(&session, &person, &laptop, on, expected_return)?)
    }
    /// Records a return; a laptop returned twice is `InvalidTransition`.
    pub fn return_laptop(&self, laptop: String, on: NaiveDate) -> Result<(), EteError> {
        Ok(self.lock()?.return_laptop(&laptop, on)?)
    }
    /// Loans overdue at `today`, oldest first.
    pub fn overdue(&self, today: NaiveDate) -> Result<Vec<Loan>, EteError> {
        Ok(self.lock()?.overdue(today).into_iter().cloned().collect())
    }
    /// Sessions scheduled.
    pub fn session_count(&self) -> Result<u64, EteError> {
        Ok(self.lock()?.sessions().len() as u64)
    }
    /// Laptops out now.
    pub fn laptops_out(&self) -> Result<u64, EteError> {
        Ok(self.lock()?.laptops_out() as u64)
    }
}
