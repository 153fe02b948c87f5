//! Notes on a learner's training record: attendance notes live on register entries; other
//! notes attach to the record directly. Both show on the record, oldest first.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::register::mark::Actor;
use crate::register::register::{Note, Register, RegisterError};

/// The notes attached directly to a learner's training record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordNotes {
    learner: String,
    notes: Vec<Note>,
}

impl RecordNotes {
    /// An empty record for a learner.
    pub fn new(learner: impl Into<String>) -> RecordNotes {
        RecordNotes {
            learner: learner.into(),
            notes: Vec::new(),
        }
    }

    /// The learner.
    pub fn learner(&self) -> &str {
        &self.learner
    }

    /// The notes added to the record, oldest first (attendance notes excluded: see
    /// [`RecordNotes::with_attendance_notes`]).
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Adds a note with its author and time; a note needs text.
    pub fn add(
        &mut self,
        author: &Actor,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<(), RegisterError> {
        if text.trim().is_empty() {
            return Err(RegisterError::EmptyNote);
        }
        self.notes.push(Note {
            learner: self.learner.clone(),
            author: author.clone(),
            at,
            text: text.to_owned(),
            lesson: None,
        });
        Ok(())
    }

    /// What the training record shows: these notes and the learner's attendance notes from the
    /// registers, oldest first.
    pub fn with_attendance_notes(&self, registers: &[Register]) -> Vec<Note> {
        let mut all: Vec<Note> = self.notes.clone();
        all.extend(registers.iter().flat_map(|r| {
            r.notes()
                .iter()
                .filter(|n| n.learner == self.learner)
                .cloned()
        }));
        all.sort_by_key(|n| n.at);
        all
    }
}
