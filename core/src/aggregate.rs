//! The one pattern every stateful concept follows (DESIGN.md): a command carries an id, an actor
//! and a time; [`Aggregate::execute`] returns the events it caused or refuses with the state
//! unchanged; a retried id changes nothing; the state is the fold of the events
//! ([`Aggregate::apply`], each type's `replay`), and a snapshot is checked on restore.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ete_core::Aggregate;
//! use ete_core::register::{Action, Actor, Command, Lesson, Register, Role};
//!
//! /// Runs commands and checks the law every aggregate keeps: the fold of the events is the
//! /// state.
//! fn run<A: Aggregate + Clone + PartialEq>(start: &A, commands: &[A::Command]) -> A {
//!     let mut state = start.clone();
//!     let events: Vec<A::Event> =
//!         commands.iter().filter_map(|c| state.execute(c).ok()).flatten().collect();
//!     let mut folded = start.clone();
//!     folded.apply_all(&events).ok();
//!     assert!(folded == state);
//!     state
//! }
//!
//! let at = Utc.with_ymd_and_hms(2026, 11, 24, 11, 0, 0).unwrap();
//! let lesson = Lesson { id: "L-1".into(), provider: "PRV-1".into(),
//!     starts_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), ends_at: at };
//! let register = Register::new(lesson, &["LRN-1".into()]).unwrap();
//! let note = Command { id: "c1".into(), actor: Actor::new(Role::Hub, "CAP-1"), at,
//!     action: Action::AddNote { learner: "LRN-1".into(), text: "Arrived late".into() } };
//! assert_eq!(run(&register, &[note.clone(), note]).notes().len(), 1);
//! ```

/// What every command carries: an id, so that a retry changes nothing.
pub trait CommandId {
    /// The command's id.
    fn command_id(&self) -> &str;
}

/// A stateful concept in the one pattern: commands in, events out, state the fold of events.
///
/// An aggregate supplies [`decide`](Aggregate::decide) and [`apply`](Aggregate::apply) (and
/// says whether an id has been executed); the one [`execute`](Aggregate::execute) skeleton is
/// written here: a retried id changes nothing, the decided events are applied all or none
/// (each aggregate's `apply` extends its hash chain), a refusal leaves the state unchanged.
pub trait Aggregate: Sized + Clone {
    /// A request to change the state: an id, an actor, a time and what it asks.
    type Command: CommandId;
    /// What happened: the state is the fold of these.
    type Event;
    /// Why a command or an event was refused.
    type Error;

    /// The events a command causes, each carrying the command's id, actor and time, or why it
    /// is refused. Reads the state only; a command whose id was executed never gets here.
    fn decide(&self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error>;

    /// Folds one event into the state, refusing one that could not have happened here.
    fn apply(&mut self, event: &Self::Event) -> Result<(), Self::Error>;

    /// Whether a command id has been executed.
    fn has_executed(&self, command: &str) -> bool;

    /// For a command whose id has been executed: `Ok` when it is the same command (a retry,
    /// which changes nothing), else why an id cannot name two commands. By default any command
    /// under an executed id is a retry.
    fn check_retry(&self, command: &Self::Command) -> Result<(), Self::Error> {
        let _ = command;
        Ok(())
    }

    /// Applies one command's decided events, all or none. `decide` has checked what `apply`
    /// checks, so this should not fail part way; the default applies them to a copy
    /// ([`apply_all`](Aggregate::apply_all)). An aggregate whose copy is costly overrides it
    /// with a cheaper way back.
    fn apply_decided(&mut self, events: &[Self::Event]) -> Result<(), Self::Error> {
        self.apply_all(events)
    }

    /// Runs a command: a retried id changes nothing; otherwise its events are decided,
    /// applied and returned. A refused command leaves the state unchanged.
    fn execute(&mut self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error> {
        if self.has_executed(command.command_id()) {
            return self.check_retry(command).map(|()| Vec::new());
        }
        let events = self.decide(command)?;
        self.apply_decided(&events)?;
        Ok(events)
    }

    /// Folds events in order, all or none: on a refusal the state is as it was.
    fn apply_all(&mut self, events: &[Self::Event]) -> Result<(), Self::Error> {
        let mut next = self.clone();
        for event in events {
            next.apply(event)?;
        }
        *self = next;
        Ok(())
    }
}

impl CommandId for crate::hours::LedgerEntry {
    /// The entry's id; an entry without one has the empty id, which `decide` refuses.
    fn command_id(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}

/// A requirement's ledger in the pattern: an entry is both the command and its event, and its
/// checks are [`Requirement::record`](crate::hours::Requirement::record)'s, which refuses
/// with the ledger unchanged. Through this trait an entry must carry an id
/// (`LedgerEntry::with_id`), so a retry changes nothing.
impl Aggregate for crate::hours::Requirement {
    type Command = crate::hours::LedgerEntry;
    type Event = crate::hours::LedgerEntry;
    type Error = crate::hours::LedgerError;

    fn decide(&self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error> {
        if command.id.is_none() {
            return Err(crate::hours::LedgerError::InvalidField {
                field: "id".into(),
                value: String::new(),
                reason: "a command carries an id, so that a retry changes nothing (H-11)".into(),
            });
        }
        Ok(vec![command.clone()])
    }
    fn apply(&mut self, event: &Self::Event) -> Result<(), Self::Error> {
        self.record(event.clone())
    }
    fn has_executed(&self, command: &str) -> bool {
        self.has_entry(command)
    }
    /// The same entry again is a retry; a different one under the id is refused (as
    /// `record` refuses it).
    fn check_retry(&self, command: &Self::Command) -> Result<(), Self::Error> {
        self.clone().record(command.clone())
    }
    /// `record` is all or none for one entry, so the entry is recorded in place.
    fn apply_decided(&mut self, events: &[Self::Event]) -> Result<(), Self::Error> {
        events.iter().try_for_each(|e| self.record(e.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::{Aggregate, CommandId};

    /// A counter that supplies only `decide`, `apply` and `has_executed`: the skeleton and the
    /// defaults do the rest.
    #[derive(Clone, Debug, Default, PartialEq)]
    struct Counter {
        total: u32,
        seen: Vec<String>,
    }

    /// Add `by`, one event per unit; the fold refuses a total above 3.
    struct Add {
        id: String,
        by: u32,
    }

    impl CommandId for Add {
        fn command_id(&self) -> &str {
            &self.id
        }
    }

    impl Aggregate for Counter {
        type Command = Add;
        type Event = String;
        type Error = String;

        fn decide(&self, command: &Add) -> Result<Vec<String>, String> {
            if command.by == 0 {
                return Err("nothing to add".into());
            }
            Ok((0..command.by).map(|_| command.id.clone()).collect())
        }
        fn apply(&mut self, event: &String) -> Result<(), String> {
            if self.total >= 3 {
                return Err("above 3".into());
            }
            self.total = self.total.saturating_add(1);
            if !self.seen.contains(event) {
                self.seen.push(event.clone());
            }
            Ok(())
        }
        fn has_executed(&self, command: &str) -> bool {
            self.seen.iter().any(|s| s == command)
        }
    }

    fn add(id: &str, by: u32) -> Add {
        Add { id: id.into(), by }
    }

    #[test]
    fn the_skeleton_decides_applies_and_returns_the_events() {
        let mut c = Counter::default();
        assert_eq!(
            c.execute(&add("a", 2)),
            Ok(vec!["a".to_owned(), "a".to_owned()])
        );
        assert_eq!(c.total, 2);
    }

    #[test]
    fn a_retried_id_changes_nothing() {
        let mut c = Counter::default();
        c.execute(&add("a", 1)).unwrap();
        let before = c.clone();
        assert_eq!(c.execute(&add("a", 1)), Ok(Vec::new()));
        assert_eq!(c, before);
    }

    #[test]
    fn a_refusal_in_decide_or_part_way_through_apply_changes_nothing() {
        let mut c = Counter::default();
        assert_eq!(c.execute(&add("a", 0)), Err("nothing to add".to_owned()));
        assert_eq!(c, Counter::default());
        c.execute(&add("a", 2)).unwrap();
        let before = c.clone();
        // The second of two events is refused: the default apply_decided keeps neither.
        assert_eq!(c.execute(&add("b", 2)), Err("above 3".to_owned()));
        assert_eq!(c, before);
    }
}
