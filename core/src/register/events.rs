//! A register's commands and events (R-2..R-6, R-9): a command carries an id, an actor and a
//! time; what it changed is one or more events, each naming the learner, and the register is the
//! fold of its events. Note text may mention people, so no `Debug` here shows it.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::contribution::Contribution;
use crate::register::mark::{Actor, Mark};
use crate::register::register::Field;

// The types are named `Register…` so that each has one name across the FFI, where every
// module's types share one namespace (Kotlin sees `RegisterEvent` beside the pool's `Event`);
// Rust code knows them by their module: `register::{Action, Command, Event, EventKind}`.

/// What a register command asks for.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi::export(Debug))]
pub enum RegisterAction {
    /// Set a mark.
    Mark {
        /// The learner.
        learner: String,
        /// The mark.
        mark: Mark,
    },
    /// Add an attendance note.
    AddNote {
        /// The learner.
        learner: String,
        /// The text.
        text: String,
    },
    /// Record a contribution score.
    SetContribution {
        /// The learner.
        learner: String,
        /// The score.
        score: Contribution,
    },
}

impl RegisterAction {
    /// The learner the action is about.
    pub fn learner(&self) -> &str {
        match self {
            RegisterAction::Mark { learner, .. }
            | RegisterAction::AddNote { learner, .. }
            | RegisterAction::SetContribution { learner, .. } => learner,
        }
    }
}

impl fmt::Debug for RegisterAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterAction::Mark { learner, mark } => f
                .debug_struct("Mark")
                .field("learner", learner)
                .field("mark", mark)
                .finish(),
            RegisterAction::AddNote { learner, text } => f
                .debug_struct("AddNote")
                .field("learner", learner)
                .field("text", &Hidden(text))
                .finish(),
            RegisterAction::SetContribution { learner, score } => f
                .debug_struct("SetContribution")
                .field("learner", learner)
                .field("score", score)
                .finish(),
        }
    }
}

/// A command to a register: an id (retrying it changes nothing), who and when (the clock is an
/// argument), and what it asks.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct RegisterCommand {
    /// The command's id.
    pub id: String,
    /// Who gives it.
    pub actor: Actor,
    /// When.
    pub at: DateTime<Utc>,
    /// What it asks.
    pub action: RegisterAction,
}

/// What changed on a learner's entry.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi::export(Debug))]
pub enum RegisterEventKind {
    /// A mark changed.
    Marked {
        /// Which part of the entry.
        field: Field,
        /// The value before.
        from: Option<Mark>,
        /// The value after.
        to: Option<Mark>,
    },
    /// An attendance note was added.
    NoteAdded {
        /// The text.
        text: String,
    },
    /// The contribution score changed: set, or cleared when a mark made the learner
    /// absent.
    ContributionSet {
        /// The score before.
        from: Option<Contribution>,
        /// The score after.
        to: Option<Contribution>,
    },
}

impl RegisterEventKind {
    /// The stable code, as in the JSON `type`: `marked`, `note_added` or `contribution_set`.
    pub const fn code(&self) -> &'static str {
        match self {
            RegisterEventKind::Marked { .. } => "marked",
            RegisterEventKind::NoteAdded { .. } => "note_added",
            RegisterEventKind::ContributionSet { .. } => "contribution_set",
        }
    }
}

impl fmt::Debug for RegisterEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterEventKind::Marked { field, from, to } => f
                .debug_struct("Marked")
                .field("field", field)
                .field("from", from)
                .field("to", to)
                .finish(),
            RegisterEventKind::NoteAdded { text } => f
                .debug_struct("NoteAdded")
                .field("text", &Hidden(text))
                .finish(),
            RegisterEventKind::ContributionSet { from, to } => f
                .debug_struct("ContributionSet")
                .field("from", from)
                .field("to", to)
                .finish(),
        }
    }
}

/// An event: the command it came from, who, when, the learner and what changed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct RegisterEvent {
    /// The command's id.
    pub command: String,
    /// Who.
    pub actor: Actor,
    /// When.
    pub at: DateTime<Utc>,
    /// The learner.
    pub learner: String,
    /// What changed.
    #[serde(flatten)]
    pub kind: RegisterEventKind,
}

/// Free text in `Debug`: its length, never the text.
pub(crate) struct Hidden<'a>(pub(crate) &'a str);

impl fmt::Debug for Hidden<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} characters>", self.0.chars().count())
    }
}
