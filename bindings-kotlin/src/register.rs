//! Registers (R-1..R-6, R-9) for Kotlin: marks and roles as enums, reasons as a sealed class,
//! a `Register` object safe to share between threads, notes and bounded contribution scores.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

use ete_core::contribution::Contribution as CoreContribution;
use ete_core::register::{
    self, Actor, Command, Entry, Event, Lesson, Mark, MarkDecision, Note, RecordNotes as CoreNotes,
};

use crate::{EteError, UtcDateTime};

/// Core's marks in the order the attendance batch door indexes them (`Mark::ALL`), so that
/// callers never depend on the order of the generated enum.
#[uniffi::export]
pub fn marks() -> Vec<Mark> {
    Mark::ALL.to_vec()
}

/// A mark from its code; an unknown code is `EteException.InvalidField` naming it.
#[uniffi::export]
pub fn mark_from_code(code: String) -> Result<Mark, EteError> {
    Ok(code.parse::<Mark>()?)
}

/// A contribution score, always within −2..=+2.
#[derive(Debug, PartialEq, Eq, Hash, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq, Hash)]
pub struct Contribution {
    inner: CoreContribution,
}

impl fmt::Display for Contribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl Contribution {
    /// A score; `EteException.InvalidContribution` outside −2..=+2.
    #[uniffi::constructor]
    pub fn new(value: i64) -> Result<Arc<Contribution>, EteError> {
        Ok(Arc::new(Contribution {
            inner: CoreContribution::new(value)?,
        }))
    }
    /// The score.
    pub fn value(&self) -> i8 {
        self.inner.get()
    }
    /// One more, staying at +2.
    pub fn increment(&self) -> Arc<Contribution> {
        Arc::new(Contribution {
            inner: self.inner.increment(),
        })
    }
    /// One less, staying at −2.
    pub fn decrement(&self) -> Arc<Contribution> {
        Arc::new(Contribution {
            inner: self.inner.decrement(),
        })
    }
}

pub(crate) fn poisoned(what: &str) -> EteError {
    EteError::InvalidField {
        detail: format!("a thread panicked while holding this {what}"),
    }
}

/// A lesson's register, safe to share between threads; a refusal changes nothing.
#[derive(uniffi::Object)]
pub struct Register {
    inner: Mutex<register::Register>,
}

impl Register {
    fn lock(&self) -> Result<MutexGuard<'_, register::Register>, EteError> {
        self.inner.lock().map_err(|_| poisoned("register"))
    }
}

/// Copies of several registers' states.
pub(crate) fn snapshots(registers: &[Arc<Register>]) -> Result<Vec<register::Register>, EteError> {
    registers.iter().map(|r| Ok(r.lock()?.clone())).collect()
}

#[uniffi::export]
impl Register {
    /// A register with every learner unmarked.
    #[uniffi::constructor]
    pub fn new(lesson: Lesson, learners: Vec<String>) -> Result<Arc<Register>, EteError> {
        Ok(Arc::new(Register {
            inner: Mutex::new(register::Register::new(lesson, &learners)?),
        }))
    }
    /// The lesson.
    pub fn lesson(&self) -> Result<Lesson, EteError> {
        Ok(self.lock()?.lesson().clone())
    }
    /// The learners, in id order.
    pub fn learners(&self) -> Result<Vec<String>, EteError> {
        Ok(self.lock()?.learners())
    }
    /// A learner's entry, or null.
    pub fn entry(&self, learner: String) -> Result<Option<Entry>, EteError> {
        Ok(self.lock()?.entry(&learner).cloned())
    }
    /// Every entry, by learner.
    pub fn entries(&self) -> Result<HashMap<String, Entry>, EteError> {
        Ok(self
            .lock()?
            .entries()
            .iter()
            .map(|(l, e)| (l.clone(), e.clone()))
            .collect())
    }
    /// Every event, oldest first: marks, notes and contributions.
    pub fn events(&self) -> Result<Vec<Event>, EteError> {
        Ok(self.lock()?.events().to_vec())
    }
    /// Runs a command and returns its events; a retried id returns none and changes nothing,
    /// the same id with a different command is `EteException.InvalidField`.
    pub fn execute(&self, command: Command) -> Result<Vec<Event>, EteError> {
        Ok(self.lock()?.execute(&command)?)
    }
    /// Rebuilds a register from its lesson, learners and events.
    #[uniffi::constructor]
    pub fn replay(
        lesson: Lesson,
        learners: Vec<String>,
        events: Vec<Event>,
    ) -> Result<Arc<Register>, EteError> {
        let register = register::Register::replay(lesson, &learners, &events)?;
        Ok(Arc::new(Register {
            inner: Mutex::new(register),
        }))
    }
    /// Restores a snapshot (`toJson`); one that is not the fold of its events is
    /// `EteException.MalformedInput`.
    #[uniffi::constructor]
    pub fn restore(json: String) -> Result<Arc<Register>, EteError> {
        let register = register::Register::restore(&json)?;
        Ok(Arc::new(Register {
            inner: Mutex::new(register),
        }))
    }
    /// The attendance notes.
    pub fn notes(&self) -> Result<Vec<Note>, EteError> {
        Ok(self.lock()?.notes().to_vec())
    }
    /// Whether every entry has a mark.
    pub fn is_complete(&self) -> Result<bool, EteError> {
        Ok(self.lock()?.is_complete())
    }
    /// Whether `actor` may set `mark` for `learner` at `now`, and why; changes nothing.
    pub fn check(
        &self,
        actor: Actor,
        learner: String,
        mark: Mark,
        now: UtcDateTime,
    ) -> Result<MarkDecision, EteError> {
        Ok(self.lock()?.check(&actor, &learner, mark, now))
    }
    /// Sets a mark, or `EteException.MarkRefused` with the reason.
    pub fn mark(
        &self,
        actor: Actor,
        learner: String,
        mark: Mark,
        now: UtcDateTime,
    ) -> Result<(), EteError> {
        Ok(self.lock()?.mark(&actor, &learner, mark, now)?)
    }
    /// Adds an attendance note; a note needs text.
    pub fn add_note(
        &self,
        author: Actor,
        learner: String,
        text: String,
        at: UtcDateTime,
    ) -> Result<(), EteError> {
        Ok(self.lock()?.add_note(&author, &learner, &text, at)?)
    }
    /// Records a contribution score for a learner marked present or late.
    pub fn set_contribution(
        &self,
        actor: Actor,
        learner: String,
        score: Arc<Contribution>,
        at: UtcDateTime,
    ) -> Result<(), EteError> {
        Ok(self
            .lock()?
            .set_contribution(&actor, &learner, score.inner, at)?)
    }
    /// The register as JSON (a snapshot for `restore`).
    pub fn to_json(&self) -> Result<String, EteError> {
        Ok(self.lock()?.to_json()?)
    }
    /// The head hash of the events' chain: publish it; a rewritten log is caught against it.
    pub fn head_hash(&self) -> Result<String, EteError> {
        Ok(self.lock()?.head_hash())
    }
}

/// The notes on a learner's training record, safe to share between threads.
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct RecordNotes {
    inner: Mutex<CoreNotes>,
}

impl fmt::Display for RecordNotes {
    /// The learner's id and how many notes (Kotlin's `toString`), never their text:
    /// `RecordNotes(learner=LRN-1, notes=2)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.inner.lock() {
            Ok(n) => write!(
                f,
                "RecordNotes(learner={}, notes={})",
                n.learner(),
                n.notes().len()
            ),
            Err(_) => f.write_str("RecordNotes(unusable)"),
        }
    }
}

#[uniffi::export]
impl RecordNotes {
    /// An empty record for a learner.
    #[uniffi::constructor]
    pub fn new(learner: String) -> Arc<RecordNotes> {
        Arc::new(RecordNotes {
            inner: Mutex::new(CoreNotes::new(learner)),
        })
    }
    /// Adds a note; a note needs text.
    pub fn add(&self, author: Actor, text: String, at: UtcDateTime) -> Result<(), EteError> {
        let mut notes = self.inner.lock().map_err(|_| poisoned("record"))?;
        Ok(notes.add(&author, &text, at)?)
    }
    /// These notes and the learner's attendance notes from `registers`, oldest first.
    #[uniffi::method(default(registers = []))]
    pub fn notes(&self, registers: Vec<Arc<Register>>) -> Result<Vec<Note>, EteError> {
        let registers = snapshots(&registers)?;
        let notes = self.inner.lock().map_err(|_| poisoned("record"))?;
        Ok(notes.with_attendance_notes(&registers))
    }
}
