//! A lesson's register: entries with both marks, the history of every change, notes and
//! contribution scores (R-2..R-6, R-9). Every attempt is a decision with its reason.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::contribution::Contribution;
use crate::error::ErrorKind;
use crate::register::mark::{Actor, Mark, Role};

/// A lesson delivered by a provider (R-3: its register can be marked once it has finished).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Lesson {
    /// The lesson's id.
    pub id: String,
    /// The provider's id.
    pub provider: String,
    /// When it starts.
    pub starts_at: DateTime<Utc>,
    /// When it ends.
    pub ends_at: DateTime<Utc>,
}

/// One learner's line in a register: the provider's mark and the school's decision kept side by
/// side, and the contribution score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The provider's mark (or the hub's correction of it).
    pub provider_mark: Option<Mark>,
    /// The school's decision on an unexplained absence.
    pub school_decision: Option<Mark>,
    /// The contribution score, when recorded (unrecorded is not 0).
    pub contribution: Option<Contribution>,
}

impl Entry {
    /// The mark that counts: the school's decision when there is one, else the provider's mark.
    pub fn current(&self) -> Option<Mark> {
        self.school_decision.or(self.provider_mark)
    }
}

/// Which part of an entry a change touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Field {
    /// The provider's mark.
    ProviderMark,
    /// The school's decision.
    SchoolDecision,
}

/// One change to an entry: who, when, from, to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Change {
    /// The learner.
    pub learner: String,
    /// Who made it.
    pub by: Actor,
    /// When.
    pub at: DateTime<Utc>,
    /// Which part of the entry.
    pub field: Field,
    /// The value before.
    pub from: Option<Mark>,
    /// The value after.
    pub to: Option<Mark>,
}

/// An attendance note on a register entry: it shows on the learner's training record.
/// Its free text may mention people, so `Debug` shows its length, never the text.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
// Kotlin's `toString` is this `Debug`, so a record never prints the text.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct Note {
    /// The learner.
    pub learner: String,
    /// Who wrote it.
    pub author: Actor,
    /// When.
    pub at: DateTime<Utc>,
    /// The text.
    pub text: String,
    /// The lesson, for an attendance note; `None` for a note on the record itself.
    pub lesson: Option<String>,
}

impl fmt::Debug for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Note")
            .field("learner", &self.learner)
            .field("author", &self.author)
            .field("at", &self.at)
            .field(
                "text",
                &format_args!("<{} characters>", self.text.chars().count()),
            )
            .field("lesson", &self.lesson)
            .finish()
    }
}

/// Why a mark may or may not be set.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MarkReason {
    /// The role may set this mark now.
    Allowed,
    /// The lesson has not finished.
    LessonNotFinished {
        /// When it ends.
        ends_at: DateTime<Utc>,
    },
    /// The role may never set this mark.
    RoleMayNotSet {
        /// The role.
        role: Role,
        /// The mark.
        mark: Mark,
    },
    /// A school may only process an unexplained absence.
    NotUnexplained {
        /// The entry's current mark.
        current: Option<Mark>,
    },
    /// The school has processed this entry; only the hub may change it now.
    AlreadyProcessed {
        /// The school's decision.
        decision: Mark,
    },
    /// The learner is not on this register.
    NotOnRegister {
        /// The learner asked for.
        learner: String,
    },
}

impl MarkReason {
    /// The stable code: `allowed`, `lesson_not_finished`, `role_may_not_set`,
    /// `not_unexplained`, `already_processed` or `not_on_register`.
    pub const fn code(&self) -> &'static str {
        match self {
            MarkReason::Allowed => "allowed",
            MarkReason::LessonNotFinished { .. } => "lesson_not_finished",
            MarkReason::RoleMayNotSet { .. } => "role_may_not_set",
            MarkReason::NotUnexplained { .. } => "not_unexplained",
            MarkReason::AlreadyProcessed { .. } => "already_processed",
            MarkReason::NotOnRegister { .. } => "not_on_register",
        }
    }
}

impl fmt::Display for MarkReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarkReason::Allowed => f.write_str("allowed"),
            MarkReason::LessonNotFinished { ends_at } => {
                write!(
                    f,
                    "the lesson ends at {}; its register cannot be marked before (R-3)",
                    ends_at.format("%Y-%m-%dT%H:%M:%SZ")
                )
            }
            MarkReason::RoleMayNotSet { role, mark } => {
                write!(f, "a {role} may not set {mark} (R-2)")
            }
            MarkReason::NotUnexplained { current } => match current {
                Some(m) => write!(
                    f,
                    "the school processes unexplained absences only; this entry is {m} (R-2)"
                ),
                None => f.write_str(
                    "the school processes unexplained absences only; this entry is unmarked (R-2)",
                ),
            },
            MarkReason::AlreadyProcessed { decision } => {
                write!(
                    f,
                    "the school has recorded {decision}; only the hub may change it (R-2)"
                )
            }
            MarkReason::NotOnRegister { learner } => {
                write!(f, "learner {learner} is not on this register")
            }
        }
    }
}

/// A mark attempt's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MarkDecision {
    /// Whether the mark may be set.
    pub allowed: bool,
    /// Why.
    pub reason: MarkReason,
}

/// Why a register operation was refused; the register is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    /// A mark refused by the rules.
    #[error("mark refused: {reason}")]
    Refused {
        /// Why.
        reason: MarkReason,
    },
    /// A learner not on the register.
    #[error("learner {learner} is not on this register")]
    NotOnRegister {
        /// The learner.
        learner: String,
    },
    /// A note with no text.
    #[error("a note needs text (R-5)")]
    EmptyNote,
    /// A contribution for a learner who did not attend or on an unfinished lesson.
    #[error("contribution refused: {reason} (R-9)")]
    ContributionRefused {
        /// Why.
        reason: String,
    },
    /// A lesson that ends before it starts, or a learner listed twice.
    #[error("invalid {field}: {reason}")]
    InvalidField {
        /// The field.
        field: String,
        /// What is wrong.
        reason: String,
    },
}

impl RegisterError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            RegisterError::Refused { .. } | RegisterError::ContributionRefused { .. } => {
                ErrorKind::MarkRefused
            }
            RegisterError::NotOnRegister { .. } => ErrorKind::NotOnRegister,
            RegisterError::EmptyNote | RegisterError::InvalidField { .. } => {
                ErrorKind::InvalidField
            }
        }
    }
}

/// A lesson's register (R-2..R-6, R-9). State is the fold of its history: [`Register::replay`]
/// rebuilds it, and its JSON form restores exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Register {
    lesson: Lesson,
    entries: BTreeMap<String, Entry>,
    history: Vec<Change>,
    notes: Vec<Note>,
}

impl Register {
    /// A register for `lesson` with every learner unmarked.
    pub fn new(lesson: Lesson, learners: &[String]) -> Result<Register, RegisterError> {
        if lesson.ends_at <= lesson.starts_at {
            return Err(RegisterError::InvalidField {
                field: "lesson".into(),
                reason: "it must end after it starts".into(),
            });
        }
        let mut entries = BTreeMap::new();
        for learner in learners {
            if entries.insert(learner.clone(), Entry::default()).is_some() {
                return Err(RegisterError::InvalidField {
                    field: "learners".into(),
                    reason: format!("learner {learner} is listed twice"),
                });
            }
        }
        Ok(Register {
            lesson,
            entries,
            history: Vec::new(),
            notes: Vec::new(),
        })
    }

    /// The lesson.
    pub fn lesson(&self) -> &Lesson {
        &self.lesson
    }
    /// Every entry, by learner.
    pub fn entries(&self) -> &BTreeMap<String, Entry> {
        &self.entries
    }
    /// A learner's entry.
    pub fn entry(&self, learner: &str) -> Option<&Entry> {
        self.entries.get(learner)
    }
    /// Every change, oldest first.
    pub fn history(&self) -> &[Change] {
        &self.history
    }
    /// The attendance notes.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }
    /// Whether every entry has a mark.
    pub fn is_complete(&self) -> bool {
        self.entries.values().all(|e| e.current().is_some())
    }

    /// Whether `actor` may set `mark` for `learner` at `now`, without changing anything.
    pub fn check(
        &self,
        actor: &Actor,
        learner: &str,
        mark: Mark,
        now: DateTime<Utc>,
    ) -> MarkDecision {
        let refuse = |reason| MarkDecision {
            allowed: false,
            reason,
        };
        let Some(entry) = self.entries.get(learner) else {
            return refuse(MarkReason::NotOnRegister {
                learner: learner.to_owned(),
            });
        };
        if now < self.lesson.ends_at {
            return refuse(MarkReason::LessonNotFinished {
                ends_at: self.lesson.ends_at,
            });
        }
        match actor.role {
            Role::Provider if !mark.provider_may_set() => refuse(MarkReason::RoleMayNotSet {
                role: actor.role,
                mark,
            }),
            Role::Provider => match entry.school_decision {
                Some(decision) => refuse(MarkReason::AlreadyProcessed { decision }),
                None => MarkDecision {
                    allowed: true,
                    reason: MarkReason::Allowed,
                },
            },
            Role::School if !mark.is_school_decision() => refuse(MarkReason::RoleMayNotSet {
                role: actor.role,
                mark,
            }),
            Role::School if entry.provider_mark != Some(Mark::UnexplainedAbsence) => {
                refuse(MarkReason::NotUnexplained {
                    current: entry.current(),
                })
            }
            Role::School | Role::Hub => MarkDecision {
                allowed: true,
                reason: MarkReason::Allowed,
            },
        }
    }

    /// Sets a mark if [`Register::check`] allows it, recording the change. A school's
    /// authorised/unauthorised goes to the school decision; the hub's authorised/unauthorised
    /// too (with the provider mark set to unexplained if it was not); any other mark goes to the
    /// provider mark and, from the hub, clears a school decision.
    pub fn mark(
        &mut self,
        actor: &Actor,
        learner: &str,
        mark: Mark,
        now: DateTime<Utc>,
    ) -> Result<(), RegisterError> {
        let decision = self.check(actor, learner, mark, now);
        if !decision.allowed {
            return Err(RegisterError::Refused {
                reason: decision.reason,
            });
        }
        let entry = self.entries.get(learner).cloned().unwrap_or_default();
        let mut changes = Vec::new();
        let change = |field, from, to| Change {
            learner: learner.to_owned(),
            by: actor.clone(),
            at: now,
            field,
            from,
            to,
        };
        if mark.is_school_decision() {
            if entry.provider_mark != Some(Mark::UnexplainedAbsence) {
                changes.push(change(
                    Field::ProviderMark,
                    entry.provider_mark,
                    Some(Mark::UnexplainedAbsence),
                ));
            }
            changes.push(change(
                Field::SchoolDecision,
                entry.school_decision,
                Some(mark),
            ));
        } else {
            if entry.school_decision.is_some() {
                changes.push(change(Field::SchoolDecision, entry.school_decision, None));
            }
            changes.push(change(Field::ProviderMark, entry.provider_mark, Some(mark)));
        }
        for c in changes {
            self.apply(&c);
            self.history.push(c);
        }
        Ok(())
    }

    fn apply(&mut self, change: &Change) {
        if let Some(entry) = self.entries.get_mut(&change.learner) {
            match change.field {
                Field::ProviderMark => entry.provider_mark = change.to,
                Field::SchoolDecision => entry.school_decision = change.to,
            }
            if !entry.current().is_some_and(Mark::attended) {
                entry.contribution = None;
            }
        }
    }

    /// Rebuilds a register from its lesson, learners and history: the same state as the
    /// register the history came from, contributions and notes aside.
    pub fn replay(
        lesson: Lesson,
        learners: &[String],
        history: &[Change],
    ) -> Result<Register, RegisterError> {
        let mut register = Register::new(lesson, learners)?;
        for change in history {
            if !register.entries.contains_key(&change.learner) {
                return Err(RegisterError::NotOnRegister {
                    learner: change.learner.clone(),
                });
            }
            register.apply(change);
            register.history.push(change.clone());
        }
        Ok(register)
    }

    /// Adds an attendance note to a learner's entry.
    pub fn add_note(
        &mut self,
        author: &Actor,
        learner: &str,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<(), RegisterError> {
        if !self.entries.contains_key(learner) {
            return Err(RegisterError::NotOnRegister {
                learner: learner.to_owned(),
            });
        }
        if text.trim().is_empty() {
            return Err(RegisterError::EmptyNote);
        }
        self.notes.push(Note {
            learner: learner.to_owned(),
            author: author.clone(),
            at,
            text: text.to_owned(),
            lesson: Some(self.lesson.id.clone()),
        });
        Ok(())
    }

    /// Records a contribution score: by the provider or the hub, on a finished lesson, for
    /// a learner marked present or late.
    pub fn set_contribution(
        &mut self,
        actor: &Actor,
        learner: &str,
        score: Contribution,
        now: DateTime<Utc>,
    ) -> Result<(), RegisterError> {
        let refused = |reason: &str| RegisterError::ContributionRefused {
            reason: reason.to_owned(),
        };
        let Some(entry) = self.entries.get_mut(learner) else {
            return Err(RegisterError::NotOnRegister {
                learner: learner.to_owned(),
            });
        };
        if actor.role == Role::School {
            return Err(refused("a school does not score contribution"));
        }
        if now < self.lesson.ends_at {
            return Err(refused("the lesson has not finished"));
        }
        if !entry.current().is_some_and(Mark::attended) {
            return Err(refused("the learner is not marked present or late"));
        }
        entry.contribution = Some(score);
        Ok(())
    }
}
