//! A lesson's register: entries with both marks, the events that changed them, notes and
//! contribution scores (R-2..R-6, R-9). Every attempt is a decision with its reason.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::chain::Chain;
use crate::contribution::Contribution;
use crate::error::ErrorKind;
use crate::register::events::{
    Hidden, RegisterAction as Action, RegisterCommand as Command, RegisterEvent as Event,
    RegisterEventKind as EventKind,
};
use crate::register::mark::{Actor, Mark, Role};

#[cfg(feature = "python")]
use pyo3::prelude::*;

/// A lesson delivered by a provider (R-3: its register can be marked once it has finished).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, from_py_object)
)]
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

impl Lesson {
    /// A lesson, refused when it ends at or before it starts (`InvalidField` naming `ends_at`).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ete_core::register::Lesson;
    ///
    /// let nine = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    /// let eleven = Utc.with_ymd_and_hms(2026, 11, 24, 11, 0, 0).unwrap();
    /// assert!(Lesson::new("L-1", "PRV-1", nine, eleven).is_ok());
    /// let err = Lesson::new("L-1", "PRV-1", eleven, nine).unwrap_err();
    /// assert!(err.to_string().contains("ends_at"));
    /// ```
    pub fn new(
        id: impl Into<String>,
        provider: impl Into<String>,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
    ) -> Result<Lesson, RegisterError> {
        let lesson = Lesson {
            id: id.into(),
            provider: provider.into(),
            starts_at,
            ends_at,
        };
        lesson.check()?;
        Ok(lesson)
    }

    /// Checks the lesson: an id and a provider that are not blank (`InvalidField` naming `id`
    /// or `provider`), and an end after its start (`InvalidField` naming `ends_at`, with the
    /// lesson's id).
    pub fn check(&self) -> Result<(), RegisterError> {
        for (field, value) in [("id", &self.id), ("provider", &self.provider)] {
            if value.trim().is_empty() {
                return Err(RegisterError::InvalidField {
                    field: field.into(),
                    value: value.chars().take(40).collect(),
                    reason: format!("a lesson's {field} must not be blank"),
                });
            }
        }
        if self.ends_at <= self.starts_at {
            return Err(RegisterError::InvalidField {
                field: "ends_at".into(),
                value: self.ends_at.to_rfc3339(),
                reason: format!(
                    "lesson {} must end after it starts ({})",
                    self.id.chars().take(40).collect::<String>(),
                    self.starts_at.to_rfc3339()
                ),
            });
        }
        Ok(())
    }
}

/// One learner's line in a register: the provider's mark and the school's decision kept side by
/// side (R-2), and the contribution score (R-9).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen))]
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

/// An attendance note on a register entry (R-5): it shows on the learner's training record.
/// Its free text may mention people, so `Debug` shows its length, never the text.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
// Kotlin's `toString` is this `Debug`, so a record never prints the text.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all))]
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
            .field("text", &Hidden(&self.text))
            .field("lesson", &self.lesson)
            .finish()
    }
}

/// Why a mark may or may not be set (R-2, R-3).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MarkReason {
    /// The role may set this mark now.
    Allowed,
    /// The lesson has not finished (R-3).
    LessonNotFinished {
        /// When it ends.
        ends_at: DateTime<Utc>,
    },
    /// The role may never set this mark (R-2).
    RoleMayNotSet {
        /// The role.
        role: Role,
        /// The mark.
        mark: Mark,
    },
    /// A school may only process an unexplained absence (R-2).
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
    /// Every reason's code, in declaration order (the list the message files must cover).
    pub const CODES: [&'static str; 6] = [
        "allowed",
        "lesson_not_finished",
        "role_may_not_set",
        "not_unexplained",
        "already_processed",
        "not_on_register",
    ];

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
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen))]
pub struct MarkDecision {
    /// Whether the mark may be set.
    pub allowed: bool,
    /// Why.
    pub reason: MarkReason,
}

/// Why a register operation was refused; the register is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    /// A mark refused by the rules (R-2, R-3).
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
    /// A note with no text (R-5).
    #[error("a note needs text (R-5)")]
    EmptyNote,
    /// A contribution for a learner who did not attend or on an unfinished lesson (R-9).
    #[error("contribution refused: {reason} (R-9)")]
    ContributionRefused {
        /// Why.
        reason: String,
    },
    /// A lesson that ends before it starts, a learner listed twice, an empty command id or one
    /// already used by a different command.
    #[error("invalid {field} {value:?}: {reason}")]
    InvalidField {
        /// The field.
        field: String,
        /// The value (an id, never free text).
        value: String,
        /// What is wrong, with the rule.
        reason: String,
    },
    /// An event log that does not replay, or a snapshot that is not the fold of its events.
    #[error("register {}{reason}", match position {
        Some(p) => format!("event {p}: "),
        None => "snapshot: ".to_owned(),
    })]
    BadLog {
        /// The position in the log of the event at fault, once; `None` for a fault of the
        /// whole snapshot (it does not parse, its format or opening is wrong, its state is not
        /// the fold of its events).
        position: Option<usize>,
        /// What is wrong, with the rule.
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
            RegisterError::BadLog { .. } => ErrorKind::MalformedInput,
        }
    }
}

/// A lesson's register (R-2..R-6, R-9): an [`Aggregate`](crate::Aggregate). Every change is a
/// [`Command`] run by [`Register::execute`]: it returns the events it caused, or refuses with
/// the register unchanged; a command id already executed changes nothing. The state is the fold
/// of the events, so [`Register::replay`] rebuilds it, and [`Register::restore`] refuses a
/// snapshot that is not the fold of its own events.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Snapshot")]
pub struct Register {
    lesson: Lesson,
    entries: BTreeMap<String, Entry>,
    events: Vec<Event>,
    notes: Vec<Note>,
    /// The hash chain of the events ([`crate::chain`]).
    chain: Chain,
    /// Each executed command's id, with the position of its first event.
    #[serde(skip)]
    commands: BTreeMap<String, usize>,
    /// When each learner was last marked: a mark may not be dated before it (R-6).
    #[serde(skip)]
    marked_at: BTreeMap<String, DateTime<Utc>>,
}

/// The format a register snapshot is written in: 2 added `format` and the events' `chain`;
/// 3 added the `opening` hash (of the lesson and the learners), where the chain starts, so
/// a changed lesson or learner list is refused. Formats 1 and 2 are read too (migrated: their
/// lesson and learners are taken as written, and get an opening hash from then on).
pub const REGISTER_FORMAT: u32 = 3;

/// A register's JSON form as written (also where it is embedded, as in a learner's file).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Written<'a> {
    format: u32,
    opening: &'a str,
    lesson: &'a Lesson,
    entries: &'a BTreeMap<String, Entry>,
    events: &'a [Event],
    notes: &'a [Note],
    chain: &'a Chain,
}

impl Serialize for Register {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Written {
            format: REGISTER_FORMAT,
            opening: self.chain.base(),
            lesson: &self.lesson,
            entries: &self.entries,
            events: &self.events,
            notes: &self.notes,
            chain: &self.chain,
        }
        .serialize(serializer)
    }
}

/// What a register is opened with, hashed into its opening hash (format 3).
#[derive(Serialize)]
struct Opening<'a> {
    lesson: &'a Lesson,
    learners: Vec<&'a String>,
}

/// The opening hash of a register of `lesson` with the learners `entries` holds.
fn opening_hash(
    lesson: &Lesson,
    entries: &BTreeMap<String, Entry>,
) -> Result<String, RegisterError> {
    crate::chain::opening(&Opening {
        lesson,
        learners: entries.keys().collect(),
    })
    .map_err(|e| whole(e.reason))
}

/// A register's JSON form as read, before it is checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Snapshot {
    #[serde(default)]
    format: Option<u32>,
    #[serde(default)]
    opening: Option<String>,
    lesson: Lesson,
    entries: BTreeMap<String, Entry>,
    events: Vec<Event>,
    notes: Vec<Note>,
    #[serde(default)]
    chain: Option<Chain>,
}

impl TryFrom<Snapshot> for Register {
    type Error = RegisterError;
    fn try_from(s: Snapshot) -> Result<Register, RegisterError> {
        s.lesson.check()?;
        // Registers embedded in a learner's file were written with a chain but no format
        // before format 3: read as format 2 there; `restore` refuses a chain without a format.
        let format = match (s.format, &s.chain, &s.opening) {
            (Some(format), _, _) => format,
            (None, None, None) => 1,
            (None, Some(_), None) => 2,
            (None, _, Some(_)) => {
                return Err(whole("the snapshot has an opening hash but no format"));
            }
        };
        crate::format::check_version("register snapshot", format, REGISTER_FORMAT)
            .map_err(whole)?;
        if format >= 3 {
            let expected = opening_hash(&s.lesson, &s.entries)?;
            let Some(opening) = &s.opening else {
                return Err(whole("the snapshot has no opening hash (format 3)"));
            };
            if *opening != expected {
                return Err(whole(
                    "the lesson or the learners are not those the register was opened with \
                     (the opening hash differs)",
                ));
            }
        } else if s.opening.is_some() {
            return Err(whole(format!(
                "a format {format} snapshot has no opening hash (format 3 added it)"
            )));
        }
        match (format, s.chain) {
            (1, None) => {}
            (1, Some(_)) => return Err(whole("a format 1 snapshot has no chain")),
            (_, None) => return Err(whole("the snapshot has no hash chain")),
            (2, Some(chain)) => chain
                .verify(&s.events)
                .map_err(|e| bad(e.position, format!("the hash chain breaks: {}", e.reason)))?,
            (_, Some(chain)) => chain
                .starting_at(opening_hash(&s.lesson, &s.entries)?)
                .verify(&s.events)
                .map_err(|e| bad(e.position, format!("the hash chain breaks: {}", e.reason)))?,
        }
        let learners: Vec<String> = s.entries.keys().cloned().collect();
        let replayed = Register::replay(s.lesson, &learners, &s.events)?;
        if replayed.entries != s.entries || replayed.notes != s.notes {
            return Err(RegisterError::BadLog {
                position: None,
                reason: "the snapshot's entries or notes are not the fold of its events (R-6)"
                    .into(),
            });
        }
        Ok(replayed)
    }
}

/// A fault at the event at `position`.
fn bad(position: usize, reason: impl Into<String>) -> RegisterError {
    RegisterError::BadLog {
        position: Some(position),
        reason: reason.into(),
    }
}

/// A fault of the whole snapshot (it does not parse, its format or opening is wrong, its state
/// is not the fold of its events): no event position.
fn whole(reason: impl Into<String>) -> RegisterError {
    RegisterError::BadLog {
        position: None,
        reason: reason.into(),
    }
}

impl Register {
    /// A register for `lesson` with every learner unmarked. The lesson is checked
    /// ([`Lesson::check`]); no learner, a blank learner id or one listed twice is
    /// `InvalidField` naming `learners`.
    pub fn new(lesson: Lesson, learners: &[String]) -> Result<Register, RegisterError> {
        lesson.check()?;
        if learners.is_empty() {
            return Err(RegisterError::InvalidField {
                field: "learners".into(),
                value: String::new(),
                reason: "a register needs at least one learner".into(),
            });
        }
        let mut entries = BTreeMap::new();
        for learner in learners {
            if learner.trim().is_empty() {
                return Err(RegisterError::InvalidField {
                    field: "learners".into(),
                    value: learner.chars().take(40).collect(),
                    reason: "a learner id must not be blank".into(),
                });
            }
            if entries.insert(learner.clone(), Entry::default()).is_some() {
                return Err(RegisterError::InvalidField {
                    field: "learners".into(),
                    value: learner.clone(),
                    reason: "the learner is listed twice".into(),
                });
            }
        }
        let chain = Chain::default().starting_at(opening_hash(&lesson, &entries)?);
        Ok(Register {
            lesson,
            entries,
            events: Vec::new(),
            notes: Vec::new(),
            chain,
            commands: BTreeMap::new(),
            marked_at: BTreeMap::new(),
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
    /// The learners, in id order.
    pub fn learners(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }
    /// Every event, oldest first: each mark, note and contribution, who, when, from, to (R-6).
    pub fn events(&self) -> &[Event] {
        &self.events
    }
    /// The attendance notes (R-5).
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }
    /// Whether a command id has been executed.
    pub fn has_executed(&self, command: &str) -> bool {
        self.commands.contains_key(command)
    }
    /// Whether every entry has a mark.
    pub fn is_complete(&self) -> bool {
        self.entries.values().all(|e| e.current().is_some())
    }

    /// Whether `actor` may set `mark` for `learner` at `now` (R-2, R-3), without changing anything.
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

    /// Runs a command: decides its events, applies them and returns them. A refused command
    /// returns the error and leaves the register unchanged. A command id already executed with
    /// the same command returns no events and changes nothing (a retry); the same id with a
    /// different command is `InvalidField`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ete_core::register::*;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 24, 11, 5, 0).unwrap();
    /// let lesson = Lesson { id: "L-1".into(), provider: "PRV-1".into(),
    ///     starts_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), ends_at: at };
    /// let mut register = Register::new(lesson.clone(), &["LRN-1".into()])?;
    /// let note = Command { id: "c1".into(), actor: Actor::new(Role::Provider, "TUTOR-3"), at,
    ///     action: Action::AddNote { learner: "LRN-1".into(), text: "Arrived with a carer".into() } };
    /// assert_eq!(register.execute(&note)?.len(), 1);
    /// assert!(register.execute(&note)?.is_empty()); // a retry changes nothing
    /// let again = Register::replay(lesson, &["LRN-1".into()], register.events())?;
    /// assert_eq!(again, register); // the note too
    /// # Ok::<(), RegisterError>(())
    /// ```
    pub fn execute(&mut self, command: &Command) -> Result<Vec<Event>, RegisterError> {
        crate::Aggregate::execute(self, command)
    }

    /// Sets a mark if [`Register::check`] allows it, recording the change (R-6): a command with
    /// a fresh id. A school's authorised/unauthorised goes to the school decision; the hub's
    /// authorised/unauthorised too (with the provider mark set to unexplained if it was not);
    /// any other mark goes to the provider mark and, from the hub, clears a school decision. A
    /// mark that makes the learner absent clears their contribution score.
    pub fn mark(
        &mut self,
        actor: &Actor,
        learner: &str,
        mark: Mark,
        now: DateTime<Utc>,
    ) -> Result<(), RegisterError> {
        let action = Action::Mark {
            learner: learner.to_owned(),
            mark,
        };
        self.run(actor, now, action)
    }

    /// Adds an attendance note to a learner's entry (R-5): a command with a fresh id.
    pub fn add_note(
        &mut self,
        author: &Actor,
        learner: &str,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<(), RegisterError> {
        let action = Action::AddNote {
            learner: learner.to_owned(),
            text: text.to_owned(),
        };
        self.run(author, at, action)
    }

    /// Records a contribution score (R-9): by the provider or the hub, on a finished lesson, for
    /// a learner marked present or late. A command with a fresh id.
    pub fn set_contribution(
        &mut self,
        actor: &Actor,
        learner: &str,
        score: Contribution,
        now: DateTime<Utc>,
    ) -> Result<(), RegisterError> {
        let action = Action::SetContribution {
            learner: learner.to_owned(),
            score,
        };
        self.run(actor, now, action)
    }

    /// A command id not yet used: `#<n>`, the first free from the number of events. The
    /// convenience methods ([`Register::mark`], ...) run their command under it.
    pub fn next_command_id(&self) -> String {
        let mut n = self.events.len();
        loop {
            let id = format!("#{n}");
            if !self.commands.contains_key(&id) {
                return id;
            }
            n = n.saturating_add(1);
        }
    }

    /// Executes an action under [`Register::next_command_id`].
    fn run(
        &mut self,
        actor: &Actor,
        at: DateTime<Utc>,
        action: Action,
    ) -> Result<(), RegisterError> {
        let id = self.next_command_id();
        self.execute(&Command {
            id,
            actor: actor.clone(),
            at,
            action,
        })
        .map(|_| ())
    }

    /// Whether `command` is the one that produced the events from `start` (same actor, time,
    /// learner and request).
    fn same_command(&self, start: usize, command: &Command) -> bool {
        let events: Vec<&Event> = self
            .events
            .iter()
            .skip(start)
            .take_while(|e| e.command == command.id)
            .collect();
        let learner = command.action.learner();
        if events.is_empty()
            || !events
                .iter()
                .all(|e| e.actor == command.actor && e.at == command.at && e.learner == learner)
        {
            return false;
        }
        match &command.action {
            Action::Mark { mark, .. } => events
                .iter()
                .rev()
                .find_map(|e| match e.kind {
                    EventKind::Marked { to, .. } => Some(to),
                    _ => None,
                })
                .is_some_and(|to| to == Some(*mark)),
            Action::AddNote { text, .. } => {
                matches!(events.as_slice(), [e] if e.kind == EventKind::NoteAdded { text: text.clone() })
            }
            Action::SetContribution { score, .. } => matches!(events.as_slice(),
                [e] if matches!(e.kind, EventKind::ContributionSet { to: Some(to), .. } if to == *score)),
        }
    }

    /// The events a command would cause, or why it is refused.
    fn decide_kinds(&self, command: &Command) -> Result<Vec<EventKind>, RegisterError> {
        let (actor, now) = (&command.actor, command.at);
        let learner = command.action.learner();
        if let Action::Mark { mark, .. } = &command.action {
            let decision = self.check(actor, learner, *mark, now);
            if !decision.allowed {
                return Err(RegisterError::Refused {
                    reason: decision.reason,
                });
            }
        }
        let Some(entry) = self.entries.get(learner) else {
            return Err(RegisterError::NotOnRegister {
                learner: learner.to_owned(),
            });
        };
        if let Some(reason) = self.out_of_time(&command.action, learner, now) {
            return Err(RegisterError::InvalidField {
                field: "at".into(),
                value: now.to_rfc3339(),
                reason,
            });
        }
        match &command.action {
            Action::Mark { mark, .. } => {
                let mark = *mark;
                let mut out = Vec::new();
                let marked = |field, from, to| EventKind::Marked { field, from, to };
                if mark.is_school_decision() {
                    if entry.provider_mark != Some(Mark::UnexplainedAbsence) {
                        out.push(marked(
                            Field::ProviderMark,
                            entry.provider_mark,
                            Some(Mark::UnexplainedAbsence),
                        ));
                    }
                    out.push(marked(
                        Field::SchoolDecision,
                        entry.school_decision,
                        Some(mark),
                    ));
                } else {
                    if entry.school_decision.is_some() {
                        out.push(marked(Field::SchoolDecision, entry.school_decision, None));
                    }
                    out.push(marked(Field::ProviderMark, entry.provider_mark, Some(mark)));
                }
                if entry.contribution.is_some() && !mark.attended() {
                    out.push(EventKind::ContributionSet {
                        from: entry.contribution,
                        to: None,
                    });
                }
                Ok(out)
            }
            Action::AddNote { text, .. } => {
                if text.trim().is_empty() {
                    return Err(RegisterError::EmptyNote);
                }
                Ok(vec![EventKind::NoteAdded { text: text.clone() }])
            }
            Action::SetContribution { score, .. } => {
                let refused = |reason: &str| RegisterError::ContributionRefused {
                    reason: reason.to_owned(),
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
                Ok(vec![EventKind::ContributionSet {
                    from: entry.contribution,
                    to: Some(*score),
                }])
            }
        }
    }

    /// Why a note or a mark for `learner` may not be dated `at`: a note dated before its
    /// lesson starts (R-5), a mark dated before the learner's previous mark (R-6: marks are
    /// recorded in the order they happen).
    fn out_of_time(&self, action: &Action, learner: &str, at: DateTime<Utc>) -> Option<String> {
        match action {
            Action::AddNote { .. } if at < self.lesson.starts_at => Some(format!(
                "a note dated before its lesson starts at {} (R-5)",
                self.lesson.starts_at.to_rfc3339()
            )),
            Action::Mark { .. } => {
                self.marked_at
                    .get(learner)
                    .filter(|last| at < **last)
                    .map(|last| {
                        format!(
                            "before the learner's previous mark at {} (R-6: marks are recorded \
                         in the order they happen)",
                            last.to_rfc3339()
                        )
                    })
            }
            _ => None,
        }
    }

    /// Rebuilds a register from its lesson, learners and events (R-6): the same register,
    /// notes and contributions included. Every event is checked as it is folded: a learner not
    /// on the register is `NotOnRegister`; any other event that could not have happened (a
    /// `from` that is not the value before, a mark the actor's role may not set, a command id
    /// that reappears after another command) is [`RegisterError::BadLog`] (`MalformedInput`).
    pub fn replay(
        lesson: Lesson,
        learners: &[String],
        events: &[Event],
    ) -> Result<Register, RegisterError> {
        let mut register = Register::new(lesson, learners)?;
        let mut start = 0;
        for (i, event) in events.iter().enumerate() {
            if register
                .events
                .last()
                .is_some_and(|last| last.command != event.command)
            {
                register.check_command_end(start)?;
                start = i;
            }
            register.apply(event)?;
        }
        register.check_command_end(start)?;
        Ok(register)
    }

    /// The register as JSON (a snapshot, format [`REGISTER_FORMAT`]): its opening hash, lesson,
    /// entries, events, notes and the events' hash chain, which starts at the opening hash.
    pub fn to_json(&self) -> Result<String, RegisterError> {
        serde_json::to_string(self).map_err(|e| whole(format!("cannot write the snapshot: {e}")))
    }

    /// The hash chain of the events ([`crate::chain`]).
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// The head hash of the events' chain: publish it, and a rewrite of the whole log is
    /// caught against it ([`crate::chain`]).
    pub fn head_hash(&self) -> String {
        self.chain.head()
    }

    /// Restores a snapshot ([`Register::to_json`]): its opening hash must be that of its lesson
    /// and learners (the entries' keys), so a changed lesson id or time or an added learner is
    /// refused; the events' hash chain must verify from it (the first broken position is
    /// named); its events are replayed from its lesson and learners, and its entries and notes
    /// must be their fold. Formats 1 and 2 (without an opening hash; format 1 without a chain
    /// or a `format`) are read too; a snapshot with a chain or an opening hash but no `format`
    /// is refused, and a newer format too. A rewrite of the whole snapshot, opening and chain
    /// recomputed (or stripped to format 1), is only caught against a head hash published
    /// elsewhere ([`crate::chain`]). A snapshot that does not parse,
    /// whose events do not replay or whose state is not their fold is refused
    /// ([`RegisterError::BadLog`] or `NotOnRegister`); the message never quotes the JSON.
    pub fn restore(json: &str) -> Result<Register, RegisterError> {
        let snapshot: Snapshot = crate::json::from_object(json).map_err(|e| {
            whole(format!(
                "not a register snapshot ({:?} error at line {}, column {})",
                e.classify(),
                e.line(),
                e.column()
            ))
        })?;
        if snapshot.format.is_none() && (snapshot.chain.is_some() || snapshot.opening.is_some()) {
            return Err(whole(
                "the snapshot has a chain or an opening hash but no format (only format 1, \
                 written without either, may omit it)",
            ));
        }
        Register::try_from(snapshot)
    }

    /// Folds one event, checking it could have happened (R-2, R-3, R-5, R-6, R-9).
    pub(crate) fn apply(&mut self, event: &Event) -> Result<(), RegisterError> {
        let position = self.events.len();
        let fail = |reason: String| bad(position, reason);
        if event.command.trim().is_empty() {
            return Err(fail("an event without a command id (R-6)".into()));
        }
        let continues = self
            .events
            .last()
            .is_some_and(|last| last.command == event.command);
        if continues
            && self.events.last().is_some_and(|last| {
                last.actor != event.actor || last.at != event.at || last.learner != event.learner
            })
        {
            return Err(fail(
                "the events of one command differ in actor, time or learner (R-6)".into(),
            ));
        }
        if !continues && self.commands.contains_key(&event.command) {
            return Err(fail(format!(
                "command id {:?} appears again after another command (R-6)",
                event.command.chars().take(40).collect::<String>()
            )));
        }
        let ends_at = self.lesson.ends_at;
        let lesson = self.lesson.id.clone();
        let Some(entry) = self.entries.get_mut(&event.learner) else {
            return Err(RegisterError::NotOnRegister {
                learner: event.learner.clone(),
            });
        };
        let role = event.actor.role;
        match &event.kind {
            EventKind::Marked { field, from, to } => {
                if event.at < ends_at {
                    return Err(fail("a mark before the lesson finished (R-3)".into()));
                }
                if let Some(last) = self.marked_at.get(&event.learner)
                    && event.at < *last
                {
                    return Err(fail(format!(
                        "a mark dated {} before the learner's previous mark at {} (R-6)",
                        event.at.to_rfc3339(),
                        last.to_rfc3339()
                    )));
                }
                let decided = entry.school_decision.is_some();
                let slot = match field {
                    Field::ProviderMark => &mut entry.provider_mark,
                    Field::SchoolDecision => &mut entry.school_decision,
                };
                if *slot != *from {
                    return Err(fail(format!(
                        "its from ({}) is not the value before ({}) (R-6)",
                        name(*from),
                        name(*slot)
                    )));
                }
                let allowed = match (role, field) {
                    (Role::Provider, Field::ProviderMark) => {
                        !decided && to.is_some_and(Mark::provider_may_set)
                    }
                    (Role::School, Field::SchoolDecision) => {
                        to.is_some_and(Mark::is_school_decision)
                    }
                    (Role::Hub, Field::ProviderMark) => !to.is_some_and(Mark::is_school_decision),
                    (Role::Hub, Field::SchoolDecision) => to.is_none_or(Mark::is_school_decision),
                    _ => false,
                };
                if !allowed {
                    return Err(fail(format!(
                        "a {role} may not set the {} to {} (R-2)",
                        field_name(*field),
                        name(*to)
                    )));
                }
                *slot = *to;
            }
            EventKind::NoteAdded { text } => {
                if text.trim().is_empty() {
                    return Err(fail("a note without text (R-5)".into()));
                }
                if event.at < self.lesson.starts_at {
                    return Err(fail(format!(
                        "a note dated {} before its lesson starts at {} (R-5)",
                        event.at.to_rfc3339(),
                        self.lesson.starts_at.to_rfc3339()
                    )));
                }
                self.notes.push(Note {
                    learner: event.learner.clone(),
                    author: event.actor.clone(),
                    at: event.at,
                    text: text.clone(),
                    lesson: Some(lesson),
                });
            }
            EventKind::ContributionSet { from, to } => {
                if entry.contribution != *from {
                    return Err(fail(
                        "its from is not the contribution before (R-6, R-9)".into(),
                    ));
                }
                if to.is_some()
                    && (role == Role::School
                        || event.at < ends_at
                        || !entry.current().is_some_and(Mark::attended))
                {
                    return Err(fail(
                        "a contribution by a school, before the lesson finished or for a \
                         learner not present or late (R-9)"
                            .into(),
                    ));
                }
                entry.contribution = *to;
            }
        }
        self.chain.push(event).map_err(|e| fail(e.reason))?;
        if !continues {
            self.commands.insert(event.command.clone(), position);
        }
        if matches!(event.kind, EventKind::Marked { .. }) {
            self.marked_at.insert(event.learner.clone(), event.at);
        }
        self.events.push(event.clone());
        Ok(())
    }

    /// Checks the entries touched by the command whose events start at `start` once all of
    /// them are folded: a school decision only on an unexplained absence, a contribution only
    /// for a learner present or late (R-2, R-9).
    fn check_command_end(&self, start: usize) -> Result<(), RegisterError> {
        for event in self.events.iter().skip(start) {
            let Some(entry) = self.entries.get(&event.learner) else {
                continue;
            };
            if entry.school_decision.is_some()
                && entry.provider_mark != Some(Mark::UnexplainedAbsence)
            {
                return Err(bad(
                    start,
                    "a school decision on an entry not marked unexplained (R-2)",
                ));
            }
            if entry.contribution.is_some() && !entry.current().is_some_and(Mark::attended) {
                return Err(bad(
                    start,
                    "a contribution left on a learner not present or late (R-9)",
                ));
            }
        }
        Ok(())
    }
}

fn name(mark: Option<Mark>) -> &'static str {
    mark.map_or("unmarked", Mark::code)
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::ProviderMark => "provider mark",
        Field::SchoolDecision => "school decision",
    }
}

impl crate::CommandId for Command {
    fn command_id(&self) -> &str {
        &self.id
    }
}

impl crate::Aggregate for Register {
    type Command = Command;
    type Event = Event;
    type Error = RegisterError;

    /// A command's events (R-2..R-6, R-9); an empty command id is refused.
    fn decide(&self, command: &Command) -> Result<Vec<Event>, RegisterError> {
        if command.id.trim().is_empty() {
            return Err(RegisterError::InvalidField {
                field: "command id".into(),
                value: command.id.clone(),
                reason: "must not be empty (R-6)".into(),
            });
        }
        Ok(self
            .decide_kinds(command)?
            .into_iter()
            .map(|kind| Event {
                command: command.id.clone(),
                actor: command.actor.clone(),
                at: command.at,
                learner: command.action.learner().to_owned(),
                kind,
            })
            .collect())
    }
    /// Folds one event; the checks that span a command's events (a school decision only on an
    /// unexplained absence, a contribution only for a learner present or late) run in
    /// [`Register::replay`] and `execute`.
    fn apply(&mut self, event: &Event) -> Result<(), RegisterError> {
        Register::apply(self, event)
    }
    fn has_executed(&self, command: &str) -> bool {
        Register::has_executed(self, command)
    }
    /// The same id with a different command is `InvalidField` (R-6).
    fn check_retry(&self, command: &Command) -> Result<(), RegisterError> {
        match self.commands.get(&command.id) {
            Some(&start) if !self.same_command(start, command) => {
                Err(RegisterError::InvalidField {
                    field: "command id".into(),
                    value: command.id.chars().take(40).collect(),
                    reason: "already executed with a different command: an id names one \
                             command (R-6)"
                        .into(),
                })
            }
            _ => Ok(()),
        }
    }
    /// Applies in place: `decide` has checked every precondition `apply` checks, so applying
    /// cannot fail part way; should it ever, the learner's entry, notes and events are put
    /// back as they were and the error says so.
    fn apply_decided(&mut self, events: &[Event]) -> Result<(), RegisterError> {
        let Some(first) = events.first() else {
            return Ok(());
        };
        let (learner, command) = (first.learner.clone(), first.command.clone());
        let (entry, notes, count) = (
            self.entries.get(&learner).cloned(),
            self.notes.len(),
            self.events.len(),
        );
        let marked_at = self.marked_at.get(&learner).copied();
        let applied = events
            .iter()
            .try_for_each(|event| self.apply(event))
            .and_then(|()| self.check_command_end(count));
        if let Err(e) = applied {
            if let (Some(entry), Some(slot)) = (entry, self.entries.get_mut(&learner)) {
                *slot = entry;
            }
            self.notes.truncate(notes);
            match marked_at {
                Some(at) => self.marked_at.insert(learner.clone(), at),
                None => self.marked_at.remove(&learner),
            };
            self.events.truncate(count);
            self.chain.truncate(count);
            self.commands.remove(&command);
            return Err(bad(
                count,
                format!("internal: a decided event did not apply: {e}"),
            ));
        }
        Ok(())
    }
}
