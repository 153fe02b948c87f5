//! Registers (R-1..R-6, R-9): lessons, actors, a `Register` safe to share between threads, notes
//! and contribution scores. Marks and roles are their codes (`"present"`, `"provider"`, ...).

use chrono::{DateTime, Utc};
use ete_core::contribution::Contribution;
use ete_core::register::{self, Action, Actor, Lesson, Mark, RecordNotes, Role};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{Instant, Whole, py_repr, repr_call};
use crate::errors::py_result;
use crate::shared::Shared;

/// A mark from its code, or `InvalidField` naming it.
pub(crate) fn mark(code: &str) -> PyResult<Mark> {
    py_result(code.parse::<Mark>())
}

fn code(mark: Option<Mark>) -> Option<&'static str> {
    mark.map(Mark::code)
}

/// A person acting in a role (`"provider"`, `"school"` or `"hub"`): a staff id, never a name.
#[pyclass(name = "Actor", module = "ete_core", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyActor {
    inner: Actor,
}

#[pymethods]
impl PyActor {
    #[new]
    fn new(role: &str, id: String) -> PyResult<PyActor> {
        let role: Role = py_result(role.parse())?;
        Ok(PyActor {
            inner: Actor::new(role, id),
        })
    }
    #[getter]
    fn role(&self) -> &'static str {
        self.inner.role.code()
    }
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "Actor",
            &[
                ("role", py_repr(py, self.inner.role.code())),
                ("id", py_repr(py, &self.inner.id)),
            ],
        )
    }
}

/// A lesson: its register can be marked once it has finished.
#[pyclass(name = "Lesson", module = "ete_core", frozen)]
#[derive(Clone)]
pub struct PyLesson {
    inner: Lesson,
}

#[pymethods]
impl PyLesson {
    #[new]
    fn new(
        id: String,
        provider: String,
        starts_at: Instant,
        ends_at: Instant,
    ) -> PyResult<PyLesson> {
        let inner = py_result(Lesson::new(id, provider, starts_at.0, ends_at.0))?;
        Ok(PyLesson { inner })
    }
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    #[getter]
    fn provider(&self) -> &str {
        &self.inner.provider
    }
    #[getter]
    fn starts_at(&self) -> DateTime<Utc> {
        self.inner.starts_at
    }
    #[getter]
    fn ends_at(&self) -> DateTime<Utc> {
        self.inner.ends_at
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "Lesson",
            &[
                ("id", py_repr(py, &self.inner.id)),
                ("provider", py_repr(py, &self.inner.provider)),
                ("starts_at", py_repr(py, self.inner.starts_at)),
                ("ends_at", py_repr(py, self.inner.ends_at)),
            ],
        )
    }
}

/// Whether a mark may be set, and why: `reason` is a code, `explanation` the text.
#[pyclass(name = "MarkDecision", module = "ete_core", frozen, get_all)]
pub struct PyMarkDecision {
    allowed: bool,
    reason: &'static str,
    explanation: String,
}

#[pymethods]
impl PyMarkDecision {
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "MarkDecision",
            &[
                ("allowed", py_repr(py, self.allowed)),
                ("reason", py_repr(py, self.reason)),
            ],
        )
    }
}

/// One learner's entry: the provider's mark and the school's decision side by side.
#[pyclass(name = "Entry", module = "ete_core", frozen, get_all)]
pub struct PyEntry {
    provider_mark: Option<&'static str>,
    school_decision: Option<&'static str>,
    current: Option<&'static str>,
    contribution: Option<i8>,
}

impl From<&register::Entry> for PyEntry {
    fn from(e: &register::Entry) -> PyEntry {
        PyEntry {
            provider_mark: code(e.provider_mark),
            school_decision: code(e.school_decision),
            current: code(e.current()),
            contribution: e.contribution.map(Contribution::get),
        }
    }
}

#[pymethods]
impl PyEntry {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Entry(provider_mark={}, school_decision={}, current={}, contribution={})",
            py_repr(py, self.provider_mark),
            py_repr(py, self.school_decision),
            py_repr(py, self.current),
            py_repr(py, self.contribution)
        )
    }
}

/// A note with its author and time; `lesson` is `None` for a note on the record.
/// `repr` leaves the text out.
#[pyclass(name = "Note", module = "ete_core", frozen, get_all)]
pub struct PyNote {
    learner: String,
    author: PyActor,
    at: DateTime<Utc>,
    text: String,
    lesson: Option<String>,
}

impl From<&register::Note> for PyNote {
    fn from(n: &register::Note) -> PyNote {
        PyNote {
            learner: n.learner.clone(),
            author: PyActor {
                inner: n.author.clone(),
            },
            at: n.at,
            text: n.text.clone(),
            lesson: n.lesson.clone(),
        }
    }
}

#[pymethods]
impl PyNote {
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "Note",
            &[
                ("learner", py_repr(py, &self.learner)),
                ("lesson", py_repr(py, self.lesson.as_deref())),
                ("at", py_repr(py, self.at)),
            ],
        )
    }
}

/// A lesson's register, safe to share between threads. Every refusal leaves it unchanged.
#[pyclass(name = "Register", module = "ete_core", frozen)]
pub struct PyRegister {
    inner: Shared<register::Register>,
}

impl PyRegister {
    /// Executes an action under `id` (or the register's next free id); the events as dicts.
    fn run<'py>(
        &self,
        py: Python<'py>,
        id: Option<String>,
        actor: &PyActor,
        at: Instant,
        action: Action,
    ) -> PyResult<Bound<'py, PyAny>> {
        let actor = actor.inner.clone();
        let events = py_result(self.inner.with(py, |r| {
            let id = id.unwrap_or_else(|| r.next_command_id());
            r.execute(&register::Command {
                id,
                actor,
                at: at.0,
                action,
            })
        })?)?;
        Ok(pythonize::pythonize(py, &events)?)
    }

    /// A copy of the register's current state.
    pub(crate) fn snapshot(&self, py: Python<'_>) -> PyResult<register::Register> {
        self.inner.with(py, |r| r.clone())
    }
}

/// Copies of several registers' states.
pub(crate) fn snapshots(
    py: Python<'_>,
    registers: &[PyRef<'_, PyRegister>],
) -> PyResult<Vec<register::Register>> {
    registers.iter().map(|r| r.snapshot(py)).collect()
}

#[pymethods]
impl PyRegister {
    #[new]
    fn new(lesson: PyRef<'_, PyLesson>, learners: Vec<String>) -> PyResult<PyRegister> {
        let inner = py_result(register::Register::new(lesson.inner.clone(), &learners))?;
        Ok(PyRegister {
            inner: Shared::new(inner),
        })
    }
    /// The lesson.
    #[getter]
    fn lesson(&self, py: Python<'_>) -> PyResult<PyLesson> {
        let inner = self.inner.with(py, |r| r.lesson().clone())?;
        Ok(PyLesson { inner })
    }
    /// The learners on the register.
    fn learners(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.inner.with(py, |r| r.learners())
    }
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.inner.with(py, |r| r.entries().len())
    }
    /// A learner's entry, or None.
    fn entry(&self, py: Python<'_>, learner: &str) -> PyResult<Option<PyEntry>> {
        self.inner.with(py, |r| r.entry(learner).map(PyEntry::from))
    }
    /// Every learner's entry, by learner.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let entries: Vec<(String, PyEntry)> = self.inner.with(py, |r| {
            r.entries()
                .iter()
                .map(|(l, e)| (l.clone(), PyEntry::from(e)))
                .collect()
        })?;
        let out = PyDict::new(py);
        for (learner, entry) in entries {
            out.set_item(learner, entry)?;
        }
        Ok(out)
    }
    /// Every event, oldest first, as dicts: marks, notes and contributions.
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let events = self.inner.with(py, |r| r.events().to_vec())?;
        // An event's keys are single words, already snake_case: no pass through `plain`.
        Ok(pythonize::pythonize(py, &events)?)
    }
    /// The events as JSON, for `Register.replay`.
    fn events_json(&self, py: Python<'_>) -> PyResult<String> {
        self.inner
            .with(py, |r| serde_json::to_string(r.events()))?
            .map_err(|e| crate::errors::malformed(e.to_string()))
    }
    /// Rebuilds a register from its lesson, learners and events (`events_json`).
    #[staticmethod]
    fn replay(
        py: Python<'_>,
        lesson: PyRef<'_, PyLesson>,
        learners: Vec<String>,
        events_json: &str,
    ) -> PyResult<PyRegister> {
        let lesson = lesson.inner.clone();
        let register = py.detach(|| {
            let events: Vec<register::Event> = serde_json::from_str(events_json)
                .map_err(|e| crate::errors::malformed(format!("invalid event log: {e}")))?;
            py_result(register::Register::replay(lesson, &learners, &events))
        })?;
        Ok(PyRegister {
            inner: Shared::new(register),
        })
    }
    /// Restores a snapshot (`to_json`); one that is not the fold of its events is refused.
    #[staticmethod]
    fn restore(py: Python<'_>, json: &str) -> PyResult<PyRegister> {
        let register = py_result(py.detach(|| register::Register::restore(json)))?;
        Ok(PyRegister {
            inner: Shared::new(register),
        })
    }
    /// The attendance notes, oldest first.
    fn notes(&self, py: Python<'_>) -> PyResult<Vec<PyNote>> {
        self.inner
            .with(py, |r| r.notes().iter().map(PyNote::from).collect())
    }
    /// True when every learner has a mark.
    fn is_complete(&self, py: Python<'_>) -> PyResult<bool> {
        self.inner.with(py, |r| r.is_complete())
    }
    /// What `mark` would decide, without changing anything.
    fn check(
        &self,
        py: Python<'_>,
        actor: PyRef<'_, PyActor>,
        learner: &str,
        mark: &str,
        now: Instant,
    ) -> PyResult<PyMarkDecision> {
        let (mark, actor) = (self::mark(mark)?, actor.inner.clone());
        let d = self
            .inner
            .with(py, |r| r.check(&actor, learner, mark, now.0))?;
        Ok(PyMarkDecision {
            allowed: d.allowed,
            reason: d.reason.code(),
            explanation: d.reason.to_string(),
        })
    }
    /// Records a mark, or refuses with `MarkRefused` and the register unchanged.
    /// Returns the events; with an `id`, a retry returns none and changes nothing.
    #[pyo3(signature = (actor, learner, mark, now, id = None))]
    fn mark<'py>(
        &self,
        py: Python<'py>,
        actor: PyRef<'_, PyActor>,
        learner: String,
        mark: &str,
        now: Instant,
        id: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mark = self::mark(mark)?;
        self.run(py, id, &actor, now, Action::Mark { learner, mark })
    }
    /// Adds an attendance note; returns the events as `mark` does.
    #[pyo3(signature = (author, learner, text, at, id = None))]
    fn add_note<'py>(
        &self,
        py: Python<'py>,
        author: PyRef<'_, PyActor>,
        learner: String,
        text: String,
        at: Instant,
        id: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run(py, id, &author, at, Action::AddNote { learner, text })
    }
    /// Sets a learner's contribution score; returns the events as `mark` does.
    #[pyo3(signature = (actor, learner, score, at, id = None))]
    fn set_contribution<'py>(
        &self,
        py: Python<'py>,
        actor: PyRef<'_, PyActor>,
        learner: String,
        score: Whole<i64>,
        at: Instant,
        id: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let score = py_result(Contribution::new(score.0))?;
        self.run(
            py,
            id,
            &actor,
            at,
            Action::SetContribution { learner, score },
        )
    }
    /// The head hash of the events' chain: publish it; a rewritten log is caught against it.
    fn head_hash(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.with(py, |r| r.head_hash())
    }
    /// The register as JSON (a snapshot for `Register.restore`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py_result(self.inner.with(py, |r| r.to_json())?)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (lesson, learners, complete) = self.inner.with(py, |r| {
            (r.lesson().id.clone(), r.entries().len(), r.is_complete())
        })?;
        Ok(format!(
            "<Register lesson={} learners={learners} complete={}>",
            py_repr(py, lesson),
            py_repr(py, complete)
        ))
    }
}

/// The notes on a learner's training record, safe to share between threads.
#[pyclass(name = "RecordNotes", module = "ete_core", frozen)]
pub struct PyRecordNotes {
    inner: Shared<RecordNotes>,
}

#[pymethods]
impl PyRecordNotes {
    #[new]
    fn new(learner: String) -> PyRecordNotes {
        PyRecordNotes {
            inner: Shared::new(RecordNotes::new(learner)),
        }
    }
    /// Adds a note to the record.
    fn add(
        &self,
        py: Python<'_>,
        author: PyRef<'_, PyActor>,
        text: &str,
        at: Instant,
    ) -> PyResult<()> {
        let author = author.inner.clone();
        py_result(self.inner.with(py, |n| n.add(&author, text, at.0))?)
    }
    /// These notes and the learner's attendance notes from `registers`, oldest first.
    #[pyo3(signature = (registers = None))]
    fn notes(
        &self,
        py: Python<'_>,
        registers: Option<Vec<PyRef<'_, PyRegister>>>,
    ) -> PyResult<Vec<PyNote>> {
        let registers = snapshots(py, &registers.unwrap_or_default())?;
        self.inner.with(py, |n| {
            n.with_attendance_notes(&registers)
                .iter()
                .map(PyNote::from)
                .collect()
        })
    }
}

/// A contribution score: always within −2..=+2; `InvalidContribution` otherwise.
#[pyclass(name = "Contribution", module = "ete_core", frozen, eq, hash, ord)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyContribution {
    inner: Contribution,
}

#[pymethods]
impl PyContribution {
    #[new]
    fn new(value: Whole<i64>) -> PyResult<PyContribution> {
        Ok(PyContribution {
            inner: py_result(Contribution::new(value.0))?,
        })
    }
    #[getter]
    fn value(&self) -> i8 {
        self.inner.get()
    }
    /// One more, staying at +2.
    fn increment(&self) -> PyContribution {
        PyContribution {
            inner: self.inner.increment(),
        }
    }
    /// One less, staying at −2.
    fn decrement(&self) -> PyContribution {
        PyContribution {
            inner: self.inner.decrement(),
        }
    }
    fn __int__(&self) -> i8 {
        self.inner.get()
    }
    fn __repr__(&self) -> String {
        format!("Contribution({})", self.inner.get())
    }
}
