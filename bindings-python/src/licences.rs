//! Licence pooling (L-1..L-9): a `LicencePool` safe to share between threads, its event log,
//! snapshot and reports, and `AccessSessions` for supported-access sessions. Events, accounts
//! and reports come back as plain dicts (the core's JSON shape).

use ete_core::licences::{
    self, AccessSessions, AccountKind, Action, Command, DeactivationReason, Event, Pool,
    PoolPolicy, SessionPolicy,
};
use ete_core::python::Day;
use pyo3::prelude::*;

use crate::convert::{Instant, Whole, plain, py_repr};
use crate::errors::py_result;
use crate::shared::Shared;

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
    inner: Shared<State>,
}

impl PyLicencePool {
    fn run<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: Instant,
        action: Action,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let command = Command {
            id,
            actor,
            at: at.0,
            action,
        };
        let events = py_result(self.inner.with(py, |state| {
            let events = state.pool.execute(&command)?;
            state.log.extend(events.iter().cloned());
            Ok::<_, licences::PoolError>(events)
        })?)?;
        events.iter().map(|e| plain(py, e)).collect()
    }

    /// Reads the pool with the interpreter released.
    fn read<R: Send>(&self, py: Python<'_>, f: impl FnOnce(&Pool) -> R + Send) -> PyResult<R> {
        self.inner.with(py, |state| f(&state.pool))
    }
}

#[pymethods]
impl PyLicencePool {
    /// Opens a pool; `policy` is the policy's JSON (defaults: docs/RULES.md).
    #[new]
    #[pyo3(signature = (region, capacity, opened_at, *, policy = None, actor = None, command_id = None))]
    fn new(
        region: &str,
        capacity: Whole<u32>,
        opened_at: Instant,
        policy: Option<&str>,
        actor: Option<&str>,
        command_id: Option<&str>,
    ) -> PyResult<PyLicencePool> {
        let policy = match policy {
            Some(text) => py_result(PoolPolicy::from_json(text))?,
            None => PoolPolicy::default(),
        };
        let (pool, opened) = py_result(Pool::open(
            command_id.unwrap_or(Pool::DEFAULT_OPEN_COMMAND),
            actor.unwrap_or(Pool::DEFAULT_OPENING_ACTOR),
            opened_at.0,
            region,
            capacity.0,
            policy,
        ))?;
        Ok(PyLicencePool {
            inner: Shared::new(State {
                pool,
                log: vec![opened],
            }),
        })
    }
    /// Rebuilds a pool from its event log (JSON, as `events_json` gives it).
    #[staticmethod]
    fn replay(py: Python<'_>, events_json: &str) -> PyResult<PyLicencePool> {
        let (pool, log) = py.detach(|| replay_log(events_json))?;
        Ok(PyLicencePool {
            inner: Shared::new(State { pool, log }),
        })
    }
    /// Restores a snapshot (`to_json`) with its log (`events_json`); both must agree, the log's
    /// hash chain ending in the snapshot's head hash (L-7).
    #[staticmethod]
    fn restore(py: Python<'_>, snapshot_json: &str, events_json: &str) -> PyResult<PyLicencePool> {
        let (pool, log) = py.detach(|| {
            let log: Vec<Event> = serde_json::from_str(events_json)
                .map_err(|e| crate::errors::malformed(format!("invalid event log: {e}")))?;
            let pool = py_result(Pool::restore(snapshot_json, &log))?;
            Ok::<_, PyErr>((pool, log))
        })?;
        Ok(PyLicencePool {
            inner: Shared::new(State { pool, log }),
        })
    }
    /// The head hash of the log's chain (`None` for a pool restored from a snapshot written
    /// before pools kept one): publish it; a rewritten log is caught against it.
    fn head_hash(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.read(py, |p| p.head_hash().map(str::to_owned))
    }
    /// The snapshot as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py_result(self.read(py, Pool::to_json)?)
    }
    /// The snapshot and the event log as JSON, `(snapshot_json, events_json)`, taken together
    /// under the pool's lock: while other threads write, `to_json()` then `events_json()` may
    /// describe two moments, these two always one, and `LicencePool.restore` accepts them.
    fn snapshot_with_log(&self, py: Python<'_>) -> PyResult<(String, String)> {
        let backup = py_result(
            self.inner
                .with(py, |state| state.pool.snapshot_with_log(&state.log))?,
        )?;
        Ok((backup.snapshot, backup.log))
    }
    /// The event log as JSON.
    fn events_json(&self, py: Python<'_>) -> PyResult<String> {
        self.inner
            .with(py, |state| serde_json::to_string(&state.log))?
            .map_err(|e| crate::errors::malformed(e.to_string()))
    }
    /// The event log as dicts, oldest first.
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let log = self.inner.with(py, |state| state.log.clone())?;
        plain(py, &log)
    }
    /// How many events the pool has folded (the log's length).
    fn event_count(&self, py: Python<'_>) -> PyResult<u64> {
        self.read(py, Pool::event_count)
    }
    #[getter]
    fn region(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, |p| p.region().to_owned())
    }
    #[getter]
    fn capacity(&self, py: Python<'_>) -> PyResult<u32> {
        self.read(py, Pool::capacity)
    }
    #[getter]
    fn allocated(&self, py: Python<'_>) -> PyResult<u32> {
        self.read(py, Pool::allocated)
    }
    #[getter]
    fn free(&self, py: Python<'_>) -> PyResult<u32> {
        self.read(py, Pool::free)
    }
    /// The waiting list, head first (L-4).
    #[getter]
    fn waiting(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.read(py, |p| p.waiting().to_vec())
    }
    /// A person's account as a dict, or None.
    fn account<'py>(&self, py: Python<'py>, person: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let account = self.read(py, |p| p.account(person).cloned())?;
        account.map(|a| plain(py, &a)).transpose()
    }
    /// None when the invariants hold (L-1..L-4), else what is broken.
    fn invariant_violation(&self, py: Python<'_>) -> PyResult<Option<String>> {
        self.read(py, |p| p.check_invariants().err())
    }

    /// Changes the capacity (L-1); below the allocated is `CapacityExceeded`.
    fn set_capacity<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: Instant,
        capacity: Whole<u32>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(
            py,
            id,
            actor,
            at,
            Action::SetCapacity {
                capacity: capacity.0,
            },
        )
    }
    /// Requests an account: a licence if one is free, else the waiting list (L-2..L-4).
    #[pyo3(signature = (id, actor, at, person, *, kind = "learner", requirement_end = None, courses = None))]
    #[allow(clippy::too_many_arguments)]
    fn request<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: Instant,
        person: String,
        kind: &str,
        requirement_end: Option<Day>,
        courses: Option<Vec<String>>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let requirement_end = requirement_end.map(|d| d.0);
        let kind: AccountKind = crate::errors::parse_code(kind)?;
        let action = Action::Request {
            person,
            kind,
            requirement_end,
            courses: courses.unwrap_or_default(),
        };
        self.run(py, id, actor, at, action)
    }
    /// Records a login (L-5).
    fn login<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: Instant,
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
        at: Instant,
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
        at: Instant,
        person: String,
        reason: DeactivationReason,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(py, id, actor, at, Action::Deactivate { person, reason })
    }
    /// Takes a waiting request off the list (L-4).
    fn withdraw<'py>(
        &self,
        py: Python<'py>,
        id: String,
        actor: String,
        at: Instant,
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
        at: Instant,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.run(py, id, actor, at, Action::ReportDormant)
    }

    /// The dormant logins due for a report at `now`, as dicts (L-5).
    fn dormant_logins<'py>(&self, py: Python<'py>, now: Instant) -> PyResult<Bound<'py, PyAny>> {
        let due = self.read(py, |p| licences::dormant_logins(p, now.0))?;
        plain(py, &due)
    }
    /// The people whose agreed courses are all completed (L-6).
    fn ready_to_deactivate(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.read(py, licences::ready_to_deactivate)
    }
    /// The utilisation line at `now` (L-9) as a dict; `averageDaysHeld` is a
    /// `fractions.Fraction` or None, `averageDaysHeldText` the same to one decimal.
    fn utilisation<'py>(&self, py: Python<'py>, now: Instant) -> PyResult<Bound<'py, PyAny>> {
        let u = self.read(py, |p| licences::utilisation(p, now.0))?;
        let out = plain(py, &u)?;
        let average = match u.average_days_held {
            Some(f) => py
                .import("fractions")?
                .getattr("Fraction")?
                .call1((f.numerator(), f.denominator()))?,
            None => py.None().into_bound(py),
        };
        out.set_item("average_days_held", average)?;
        out.set_item("average_days_held_text", u.average_days_text())?;
        Ok(out)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (region, capacity, allocated, waiting) = self.read(py, |p| {
            let waiting = p.waiting().len();
            (p.region().to_owned(), p.capacity(), p.allocated(), waiting)
        })?;
        Ok(format!(
            "<LicencePool region={} capacity={capacity} allocated={allocated} waiting={waiting}>",
            py_repr(py, region)
        ))
    }
}

/// A region's supported-access sessions and loan laptops (L-8), safe to share between threads.
#[pyclass(name = "AccessSessions", module = "ete_core", frozen)]
pub struct PyAccessSessions {
    inner: Shared<AccessSessions>,
}

#[pymethods]
impl PyAccessSessions {
    /// A region's sessions; `policy` is the policy's JSON (defaults: docs/RULES.md L-8).
    #[new]
    #[pyo3(signature = (region, *, policy = None))]
    fn new(region: &str, policy: Option<&str>) -> PyResult<PyAccessSessions> {
        let policy = match policy {
            Some(text) => py_result(SessionPolicy::from_json(text))?,
            None => SessionPolicy::default(),
        };
        Ok(PyAccessSessions {
            inner: Shared::new(AccessSessions::new(region, policy)),
        })
    }
    /// Schedules a session at a site with places and laptops (L-8).
    #[allow(clippy::too_many_arguments)]
    fn schedule(
        &self,
        py: Python<'_>,
        id: &str,
        site: &str,
        date: Day,
        supervisor: &str,
        places: Whole<u32>,
        laptops: Whole<u32>,
    ) -> PyResult<()> {
        let date = date.0;
        py_result(self.inner.with(py, |s| {
            s.schedule(id, site, date, supervisor, places.0, laptops.0)
        })?)
    }
    /// Books a place for a person (L-8).
    fn book(&self, py: Python<'_>, session: &str, person: &str) -> PyResult<()> {
        py_result(self.inner.with(py, |s| s.book(session, person))?)
    }
    /// Lends a laptop at a session with its expected return (L-8).
    fn lend(
        &self,
        py: Python<'_>,
        session: &str,
        person: &str,
        laptop: &str,
        on: Day,
        expected_return: Day,
    ) -> PyResult<()> {
        let on = on.0;
        let expected_return = expected_return.0;
        py_result(
            self.inner
                .with(py, |s| s.lend(session, person, laptop, on, expected_return))?,
        )
    }
    /// Records a laptop's return (L-8).
    fn return_laptop(&self, py: Python<'_>, laptop: &str, on: Day) -> PyResult<()> {
        let on = on.0;
        py_result(self.inner.with(py, |s| s.return_laptop(laptop, on))?)
    }
    /// Loans overdue at `today`, as dicts, oldest first.
    fn overdue<'py>(&self, py: Python<'py>, today: Day) -> PyResult<Bound<'py, PyAny>> {
        let today = today.0;
        let overdue = self.inner.with(py, |s| {
            s.overdue(today).into_iter().cloned().collect::<Vec<_>>()
        })?;
        plain(py, &overdue)
    }
    /// Every session as a dict.
    fn sessions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let sessions = self
            .inner
            .with(py, |s| s.sessions().values().cloned().collect::<Vec<_>>())?;
        plain(py, &sessions)
    }
    /// Laptops out now.
    fn laptops_out(&self, py: Python<'_>) -> PyResult<usize> {
        self.inner.with(py, |s| s.laptops_out())
    }
    /// The region and counts only: `<AccessSessions region='Wales' sessions=2 loans=1
    /// laptops_out=1>` (never who booked or borrowed).
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (region, sessions, loans, out) = self.inner.with(py, |s| {
            (
                s.region().to_owned(),
                s.sessions().len(),
                s.loans().len(),
                s.laptops_out(),
            )
        })?;
        Ok(format!(
            "<AccessSessions region={} sessions={sessions} loans={loans} laptops_out={out}>",
            py_repr(py, region)
        ))
    }
}

/// Reads an event log (JSON) and replays it (L-7).
fn replay_log(events_json: &str) -> PyResult<(Pool, Vec<Event>)> {
    let log: Vec<Event> = serde_json::from_str(events_json)
        .map_err(|e| crate::errors::malformed(format!("invalid event log: {e}")))?;
    let pool = py_result(Pool::replay(&log))?;
    Ok((pool, log))
}
