//! Licence pooling (L-1..L-9): a `LicencePool` safe to share between threads, its event log,
//! snapshot and reports, and `AccessSessions` for supported-access sessions. Events, accounts
//! and reports come back as plain dicts (the core's JSON shape).

use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, NaiveDate, Utc};
use ete_core::licences::{
    self, AccessSessions, AccountKind, Action, Command, DeactivationReason, Event, Pool,
    PoolPolicy, SessionPolicy,
};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDateTime;

use crate::completion::utc_instant;
use crate::errors::{parse_enum, py_result};

/// A value as plain Python data, through its JSON form.
fn plain<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// The pool and its log, kept together.
struct State {
    pool: Pool,
    log: Vec<Event>,
}

/// A region's licence pool (L-1..L-7), safe to share between threads. Every command takes an
/// id (a retry with the same id changes nothing and returns no events), the actor's staff id
/// and the time, and returns the events it caused as dicts.
#[pyclass(name = "LicencePool", module = "ete_core", frozen)]
pub struct PyLicencePool {
    inner: Mutex<State>,
}

impl PyLicencePool {
    fn lock(&self) -> PyResult<MutexGuard<'_, State>> {
        self.inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("a thread panicked while holding this pool"))
    }

    fn run<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
        action: Action,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let command = Command {
            id,
            actor,
            at: utc_instant("at", at)?,
            action,
        };
        let events = py.detach(|| -> PyResult<Vec<Event>> {
            let mut state = self.lock()?;
            let events = py_result(state.pool.execute(&command))?;
            state.log.extend(events.iter().cloned());
            Ok(events)
        })?;
        events.iter().map(|e| plain(py, e)).collect()
    }
}

#[pymethods]
impl PyLicencePool {
    /// Opens a pool; `policy` is the policy's JSON (defaults: DOMAIN.md).
    #[new]
    #[pyo3(signature = (region, capacity, opened_at, *, policy = None, actor = "ADMIN".to_owned(), command_id = "open".to_owned()))]
    fn new(
        region: &str,
        capacity: u32,
        opened_at: &Bound<'_, PyDateTime>,
        policy: Option<&str>,
        actor: String,
        command_id: String,
    ) -> PyResult<PyLicencePool> {
        let policy = match policy {
            Some(text) => py_result(PoolPolicy::from_json(text))?,
            None => PoolPolicy::default(),
        };
        let at = utc_instant("opened_at", opened_at)?;
        let (pool, opened) = py_result(Pool::open(
            &command_id,
            &actor,
            at,
            region,
            capacity,
            policy,
        ))?;
        Ok(PyLicencePool {
            inner: Mutex::new(State {
                pool,
                log: vec![opened],
            }),
        })
    }
    /// Rebuilds a pool from its event log (JSON, as `events_json` gives it).
    #[staticmethod]
    fn replay(events_json: &str) -> PyResult<PyLicencePool> {
        let log: Vec<Event> = serde_json::from_str(events_json)
            .map_err(|e| crate::errors::malformed(format!("invalid event log: {e}")))?;
        let pool = py_result(Pool::replay(&log))?;
        Ok(PyLicencePool {
            inner: Mutex::new(State { pool, log }),
        })
    }
    /// Restores a snapshot (`to_json`) with its log (`events_json`); both must agree.
    #[staticmethod]
    fn restore(snapshot_json: &str, events_json: &str) -> PyResult<PyLicencePool> {
        let pool = py_result(Pool::from_json(snapshot_json))?;
        let replayed = PyLicencePool::replay(events_json)?;
        let state = replayed.lock()?;
        if state.pool != pool {
            return Err(crate::errors::malformed(
                "the snapshot and the event log describe different pools (L-7)".into(),
            ));
        }
        let log = state.log.clone();
        Ok(PyLicencePool {
            inner: Mutex::new(State { pool, log }),
        })
    }
    /// The snapshot as JSON.
    fn to_json(&self) -> PyResult<String> {
        py_result(self.lock()?.pool.to_json())
    }
    /// The event log as JSON.
    fn events_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.lock()?.log).map_err(|e| PyValueError::new_err(e.to_string()))
    }
    /// The event log as dicts, oldest first.
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        plain(py, &self.lock()?.log)
    }
    /// How many events the pool has folded (the log's length).
    fn event_count(&self) -> PyResult<u64> {
        Ok(self.lock()?.pool.event_count())
    }
    #[getter]
    fn region(&self) -> PyResult<String> {
        Ok(self.lock()?.pool.region().to_owned())
    }
    #[getter]
    fn capacity(&self) -> PyResult<u32> {
        Ok(self.lock()?.pool.capacity())
    }
    #[getter]
    fn allocated(&self) -> PyResult<u32> {
        Ok(self.lock()?.pool.allocated())
    }
    #[getter]
    fn free(&self) -> PyResult<u32> {
        Ok(self.lock()?.pool.free())
    }
    /// The waiting list, head first (L-4).
    #[getter]
    fn waiting(&self) -> PyResult<Vec<String>> {
        Ok(self.lock()?.pool.waiting().to_vec())
    }
    /// A person's account as a dict, or None.
    fn account<'py>(&self, py: Python<'py>, person: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let state = self.lock()?;
        state.pool.account(person).map(|a| plain(py, a)).transpose()
    }
    /// None when the invariants hold (L-1..L-4), else what is broken.
    fn invariant_violation(&self) -> PyResult<Option<String>> {
        Ok(self.lock()?.pool.check_invariants().err())
    }

    /// Changes the capacity (L-1); below the allocated is `CapacityExceeded`.
    fn set_capacity<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
        capacity: u32,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(py, id, actor, at, Action::SetCapacity { capacity })
    }
    /// Requests an account: a licence if one is free, else the waiting list (L-2..L-4).
    #[pyo3(signature = (id, actor, at, person, *, kind = "learner", requirement_end = None, courses = Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn request<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
        person: String,
        kind: &str,
        requirement_end: Option<NaiveDate>,
        courses: Vec<String>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let kind: AccountKind = parse_enum("kind", kind, "learner or staff")?;
        let action = Action::Request {
            person,
            kind,
            requirement_end,
            courses,
        };
        self.run(py, id, actor, at, action)
    }
    /// Records a login (L-5).
    fn login<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
        person: String,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(py, id, actor, at, Action::Login { person })
    }
    /// Records a completed course (L-6).
    #[allow(clippy::too_many_arguments)]
    fn complete_course<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
        person: String,
        course: String,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(py, id, actor, at, Action::CompleteCourse { person, course })
    }
    /// Deactivates an active account (L-3); reason: courses_completed, requirement_ended,
    /// dormant_reclaim or administrator.
    #[allow(clippy::too_many_arguments)]
    fn deactivate<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
        person: String,
        reason: &str,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let reason: DeactivationReason = parse_enum(
            "reason",
            reason,
            "courses_completed, requirement_ended, dormant_reclaim or administrator",
        )?;
        self.run(py, id, actor, at, Action::Deactivate { person, reason })
    }
    /// Takes a waiting request off the list (L-4).
    fn withdraw<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
        person: String,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(py, id, actor, at, Action::Withdraw { person })
    }
    /// Reports the dormant logins due at `at` (L-5), reclaiming them if the policy says so.
    fn report_dormant<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: &Bound<'py, PyDateTime>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(py, id, actor, at, Action::ReportDormant)
    }

    /// The dormant logins due for a report at `now`, as dicts (L-5).
    fn dormant_logins<'py>(
        &self,
        py: Python<'py>,
        now: &Bound<'py, PyDateTime>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let now = utc_instant("now", now)?;
        plain(py, &licences::dormant_logins(&self.lock()?.pool, now))
    }
    /// The people whose agreed courses are all completed (L-6).
    fn ready_to_deactivate(&self) -> PyResult<Vec<String>> {
        Ok(licences::ready_to_deactivate(&self.lock()?.pool))
    }
    /// The utilisation line at `now` (L-9) as a dict; `averageDaysHeld` is a
    /// `fractions.Fraction` or None, `averageDaysHeldText` the same to one decimal.
    fn utilisation<'py>(
        &self,
        py: Python<'py>,
        now: &Bound<'py, PyDateTime>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let now: DateTime<Utc> = utc_instant("now", now)?;
        let u = licences::utilisation(&self.lock()?.pool, now);
        let out = plain(py, &u)?;
        let average = match u.average_days_held {
            Some(f) => py
                .import("fractions")?
                .getattr("Fraction")?
                .call1((f.numerator(), f.denominator()))?,
            None => py.None().into_bound(py),
        };
        out.set_item("averageDaysHeld", average)?;
        out.set_item("averageDaysHeldText", u.average_days_text())?;
        Ok(out)
    }
    fn __repr__(&self) -> PyResult<String> {
        let s = self.lock()?;
        Ok(format!(
            "LicencePool({:?}, capacity={}, allocated={}, waiting={})",
            s.pool.region(),
            s.pool.capacity(),
            s.pool.allocated(),
            s.pool.waiting().len()
        ))
    }
}

/// A region's supported-access sessions and loan laptops (L-8), safe to share between threads.
#[pyclass(name = "AccessSessions", module = "ete_core", frozen)]
pub struct PyAccessSessions {
    inner: Mutex<AccessSessions>,
}

impl PyAccessSessions {
    fn lock(&self) -> PyResult<MutexGuard<'_, AccessSessions>> {
        self.inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("a thread panicked while holding these sessions"))
    }
}

#[pymethods]
impl PyAccessSessions {
    /// A region's sessions (default policy: 30 laptops, none in London).
    #[new]
    #[pyo3(signature = (region, *, laptops = 30, regions_without_sessions = vec!["London".to_owned()]))]
    fn new(region: &str, laptops: u32, regions_without_sessions: Vec<String>) -> PyAccessSessions {
        let policy = SessionPolicy {
            laptops,
            regions_without_sessions,
        };
        PyAccessSessions {
            inner: Mutex::new(AccessSessions::new(region, policy)),
        }
    }
    #[allow(clippy::too_many_arguments)]
    fn schedule(
        &self,
        id: &str,
        site: &str,
        date: NaiveDate,
        supervisor: &str,
        places: u32,
        laptops: u32,
    ) -> PyResult<()> {
        py_result(
            self.lock()?
                .schedule(id, site, date, supervisor, places, laptops),
        )
    }
    fn book(&self, session: &str, person: &str) -> PyResult<()> {
        py_result(self.lock()?.book(session, person))
    }
    fn lend(
        &self,
        session: &str,
        person: &str,
        laptop: &str,
        on: NaiveDate,
        expected_return: NaiveDate,
    ) -> PyResult<()> {
        py_result(
            self.lock()?
                .lend(session, person, laptop, on, expected_return),
        )
    }
    fn return_laptop(&self, laptop: &str, on: NaiveDate) -> PyResult<()> {
        py_result(self.lock()?.return_laptop(laptop, on))
    }
    /// Loans overdue at `today`, as dicts, oldest first.
    fn overdue<'py>(&self, py: Python<'py>, today: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
        plain(py, &self.lock()?.overdue(today))
    }
    /// Every session as a dict.
    fn sessions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        plain(py, &self.lock()?.sessions().values().collect::<Vec<_>>())
    }
    /// Laptops out now.
    fn laptops_out(&self) -> PyResult<usize> {
        Ok(self.lock()?.laptops_out())
    }
}

/// Adds the classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLicencePool>()?;
    m.add_class::<PyAccessSessions>()?;
    Ok(())
}
