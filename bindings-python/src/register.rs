//! Registers (R-1..R-6, R-9): lessons, actors, a `Register` safe to share between threads, notes
//! and contribution scores. Marks and roles are their codes (`"present"`, `"provider"`, ...).

use ete_core::contribution::Contribution;
use ete_core::register::{self, Action, Actor, Lesson, Mark, RecordNotes};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{Instant, Whole, py_repr};
use crate::errors::py_result;
use crate::shared::Shared;

/// A mark from its code, or `InvalidField` naming it.
pub(crate) fn mark(code: &str) -> PyResult<Mark> {
    py_result(code.parse::<Mark>())
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
        actor: &Actor,
        at: Instant,
        action: Action,
    ) -> PyResult<Bound<'py, PyAny>> {
        let actor = actor.clone();
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
    fn new(lesson: Lesson, learners: Vec<String>) -> PyResult<PyRegister> {
        let inner = py_result(register::Register::new(lesson, &learners))?;
        Ok(PyRegister {
            inner: Shared::new(inner),
        })
    }
    /// The lesson.
    #[getter]
    fn lesson(&self, py: Python<'_>) -> PyResult<Lesson> {
        self.inner.with(py, |r| r.lesson().clone())
    }
    /// The learners on the register.
    fn learners(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.inner.with(py, |r| r.learners())
    }
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.inner.with(py, |r| r.entries().len())
    }
    /// A learner's entry, or None.
    fn entry(&self, py: Python<'_>, learner: &str) -> PyResult<Option<register::Entry>> {
        self.inner.with(py, |r| r.entry(learner).cloned())
    }
    /// Every learner's entry, by learner.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let entries: Vec<(String, register::Entry)> = self.inner.with(py, |r| {
            r.entries()
                .iter()
                .map(|(l, e)| (l.clone(), e.clone()))
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
        lesson: Lesson,
        learners: Vec<String>,
        events_json: &str,
    ) -> PyResult<PyRegister> {
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
    fn notes(&self, py: Python<'_>) -> PyResult<Vec<register::Note>> {
        self.inner.with(py, |r| r.notes().to_vec())
    }
    /// True when every learner has a mark.
    fn is_complete(&self, py: Python<'_>) -> PyResult<bool> {
        self.inner.with(py, |r| r.is_complete())
    }
    /// What `mark` would decide, without changing anything.
    fn check(
        &self,
        py: Python<'_>,
        actor: Actor,
        learner: &str,
        mark: &str,
        now: Instant,
    ) -> PyResult<register::MarkDecision> {
        let mark = self::mark(mark)?;
        self.inner
            .with(py, |r| r.check(&actor, learner, mark, now.0))
    }
    /// Records a mark, or refuses with `MarkRefused` and the register unchanged.
    /// Returns the events; with an `id`, a retry returns none and changes nothing.
    #[pyo3(signature = (actor, learner, mark, now, id = None))]
    fn mark<'py>(
        &self,
        py: Python<'py>,
        actor: Actor,
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
        author: Actor,
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
        actor: Actor,
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
    fn add(&self, py: Python<'_>, author: Actor, text: &str, at: Instant) -> PyResult<()> {
        py_result(self.inner.with(py, |n| n.add(&author, text, at.0))?)
    }
    /// The learner's id and how many notes: `<RecordNotes learner='LRN-1' notes=2>` (never
    /// their text).
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (learner, notes) = self
            .inner
            .with(py, |n| (n.learner().to_owned(), n.notes().len()))?;
        Ok(format!(
            "<RecordNotes learner={} notes={notes}>",
            py_repr(py, learner)
        ))
    }
    /// These notes and the learner's attendance notes from `registers`, oldest first.
    #[pyo3(signature = (registers = None))]
    fn notes(
        &self,
        py: Python<'_>,
        registers: Option<Vec<PyRef<'_, PyRegister>>>,
    ) -> PyResult<Vec<register::Note>> {
        let registers = snapshots(py, &registers.unwrap_or_default())?;
        self.inner.with(py, |n| n.with_attendance_notes(&registers))
    }
}
