//! Registers (R-1..R-6, R-9): lessons, actors, a `Register` safe to share between threads, notes
//! and contribution scores. Marks and roles are their codes (`"present"`, `"provider"`, ...).

use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use ete_core::contribution::Contribution;
use ete_core::register::{self, Actor, Lesson, Mark, RecordNotes, Role};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyDict};

use crate::completion::utc_instant;
use crate::errors::py_result;

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
    fn __repr__(&self) -> String {
        format!("Actor({:?}, {:?})", self.inner.role.code(), self.inner.id)
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
        starts_at: &Bound<'_, PyDateTime>,
        ends_at: &Bound<'_, PyDateTime>,
    ) -> PyResult<PyLesson> {
        Ok(PyLesson {
            inner: Lesson {
                id,
                provider,
                starts_at: utc_instant("starts_at", starts_at)?,
                ends_at: utc_instant("ends_at", ends_at)?,
            },
        })
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
    fn __repr__(&self) -> String {
        format!(
            "Lesson({:?}, ends_at={})",
            self.inner.id, self.inner.ends_at
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
    fn __repr__(&self) -> String {
        format!(
            "MarkDecision(allowed={}, reason={:?})",
            self.allowed, self.reason
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
    fn __repr__(&self) -> String {
        format!(
            "Entry(current={:?}, contribution={:?})",
            self.current, self.contribution
        )
    }
}

/// One change to an entry: `field` is `"provider_mark"` or `"school_decision"`.
#[pyclass(name = "Change", module = "ete_core", frozen, get_all)]
pub struct PyChange {
    learner: String,
    by: PyActor,
    at: DateTime<Utc>,
    field: &'static str,
    from_mark: Option<&'static str>,
    to_mark: Option<&'static str>,
}

#[pymethods]
impl PyChange {
    fn __repr__(&self) -> String {
        format!(
            "Change({:?}, {}: {:?} -> {:?})",
            self.learner, self.field, self.from_mark, self.to_mark
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
    fn __repr__(&self) -> String {
        format!(
            "Note({:?}, lesson={:?}, at={})",
            self.learner, self.lesson, self.at
        )
    }
}

/// A lesson's register, safe to share between threads. Every refusal leaves it unchanged.
#[pyclass(name = "Register", module = "ete_core", frozen)]
pub struct PyRegister {
    inner: Mutex<register::Register>,
}

impl PyRegister {
    fn lock(&self) -> PyResult<MutexGuard<'_, register::Register>> {
        self.inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("a thread panicked while holding this register"))
    }
    /// A copy of the register's current state.
    pub(crate) fn snapshot(&self) -> PyResult<register::Register> {
        Ok(self.lock()?.clone())
    }
}

/// Copies of several registers' states.
pub(crate) fn snapshots(registers: &[PyRef<'_, PyRegister>]) -> PyResult<Vec<register::Register>> {
    registers.iter().map(|r| r.snapshot()).collect()
}

#[pymethods]
impl PyRegister {
    #[new]
    fn new(lesson: PyRef<'_, PyLesson>, learners: Vec<String>) -> PyResult<PyRegister> {
        let inner = py_result(register::Register::new(lesson.inner.clone(), &learners))?;
        Ok(PyRegister {
            inner: Mutex::new(inner),
        })
    }
    #[getter]
    fn lesson(&self) -> PyResult<PyLesson> {
        Ok(PyLesson {
            inner: self.lock()?.lesson().clone(),
        })
    }
    fn learners(&self) -> PyResult<Vec<String>> {
        Ok(self.lock()?.entries().keys().cloned().collect())
    }
    fn __len__(&self) -> PyResult<usize> {
        Ok(self.lock()?.entries().len())
    }
    fn entry(&self, learner: &str) -> PyResult<Option<PyEntry>> {
        Ok(self.lock()?.entry(learner).map(PyEntry::from))
    }
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (learner, entry) in self.lock()?.entries() {
            out.set_item(learner, PyEntry::from(entry))?;
        }
        Ok(out)
    }
    fn history(&self) -> PyResult<Vec<PyChange>> {
        Ok(self
            .lock()?
            .history()
            .iter()
            .map(|c| PyChange {
                learner: c.learner.clone(),
                by: PyActor {
                    inner: c.by.clone(),
                },
                at: c.at,
                field: match c.field {
                    register::Field::ProviderMark => "provider_mark",
                    register::Field::SchoolDecision => "school_decision",
                },
                from_mark: code(c.from),
                to_mark: code(c.to),
            })
            .collect())
    }
    fn notes(&self) -> PyResult<Vec<PyNote>> {
        Ok(self.lock()?.notes().iter().map(PyNote::from).collect())
    }
    fn is_complete(&self) -> PyResult<bool> {
        Ok(self.lock()?.is_complete())
    }
    fn check(
        &self,
        actor: PyRef<'_, PyActor>,
        learner: &str,
        mark: &str,
        now: &Bound<'_, PyDateTime>,
    ) -> PyResult<PyMarkDecision> {
        let (mark, now) = (self::mark(mark)?, utc_instant("now", now)?);
        let d = self.lock()?.check(&actor.inner, learner, mark, now);
        Ok(PyMarkDecision {
            allowed: d.allowed,
            reason: d.reason.code(),
            explanation: d.reason.to_string(),
        })
    }
    fn mark(
        &self,
        actor: PyRef<'_, PyActor>,
        learner: &str,
        mark: &str,
        now: &Bound<'_, PyDateTime>,
    ) -> PyResult<()> {
        let (mark, now) = (self::mark(mark)?, utc_instant("now", now)?);
        py_result(self.lock()?.mark(&actor.inner, learner, mark, now))
    }
    fn add_note(
        &self,
        author: PyRef<'_, PyActor>,
        learner: &str,
        text: &str,
        at: &Bound<'_, PyDateTime>,
    ) -> PyResult<()> {
        let at = utc_instant("at", at)?;
        py_result(self.lock()?.add_note(&author.inner, learner, text, at))
    }
    fn set_contribution(
        &self,
        actor: PyRef<'_, PyActor>,
        learner: &str,
        score: i64,
        at: &Bound<'_, PyDateTime>,
    ) -> PyResult<()> {
        let score = py_result(Contribution::new(score))?;
        let at = utc_instant("at", at)?;
        py_result(
            self.lock()?
                .set_contribution(&actor.inner, learner, score, at),
        )
    }
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&*self.lock()?).map_err(|e| PyValueError::new_err(e.to_string()))
    }
    fn __repr__(&self) -> PyResult<String> {
        let r = self.lock()?;
        Ok(format!(
            "Register({:?}, learners={}, complete={})",
            r.lesson().id,
            r.entries().len(),
            r.is_complete()
        ))
    }
}

/// The notes on a learner's training record, safe to share between threads.
#[pyclass(name = "RecordNotes", module = "ete_core", frozen)]
pub struct PyRecordNotes {
    inner: Mutex<RecordNotes>,
}

#[pymethods]
impl PyRecordNotes {
    #[new]
    fn new(learner: String) -> PyRecordNotes {
        PyRecordNotes {
            inner: Mutex::new(RecordNotes::new(learner)),
        }
    }
    fn add(
        &self,
        author: PyRef<'_, PyActor>,
        text: &str,
        at: &Bound<'_, PyDateTime>,
    ) -> PyResult<()> {
        let at = utc_instant("at", at)?;
        let mut notes = self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("a thread panicked while holding these notes"))?;
        py_result(notes.add(&author.inner, text, at))
    }
    /// These notes and the learner's attendance notes from `registers`, oldest first.
    #[pyo3(signature = (registers = Vec::new()))]
    fn notes(&self, registers: Vec<PyRef<'_, PyRegister>>) -> PyResult<Vec<PyNote>> {
        let registers = snapshots(&registers)?;
        let notes = self
            .inner
            .lock()
            .map_err(|_| PyRuntimeError::new_err("a thread panicked while holding these notes"))?;
        Ok(notes
            .with_attendance_notes(&registers)
            .iter()
            .map(PyNote::from)
            .collect())
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
    fn new(value: i64) -> PyResult<PyContribution> {
        Ok(PyContribution {
            inner: py_result(Contribution::new(value))?,
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
        format!("Contribution({})", self.inner)
    }
}

/// Adds the classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyActor>()?;
    m.add_class::<PyLesson>()?;
    m.add_class::<PyMarkDecision>()?;
    m.add_class::<PyEntry>()?;
    m.add_class::<PyChange>()?;
    m.add_class::<PyNote>()?;
    m.add_class::<PyRegister>()?;
    m.add_class::<PyRecordNotes>()?;
    m.add_class::<PyContribution>()?;
    m.add("MARKS", Mark::ALL.map(Mark::code).to_vec())?;
    Ok(())
}
