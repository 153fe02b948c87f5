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

/// A stateful concept in the one pattern: commands in, events out, state the fold of events.
pub trait Aggregate: Sized {
    /// A request to change the state: an id, an actor, a time and what it asks.
    type Command;
    /// What happened: the state is the fold of these.
    type Event;
    /// Why a command or an event was refused.
    type Error;

    /// Runs a command: decides its events, applies them and returns them. A refused command
    /// leaves the state unchanged; a command id already executed with the same command returns
    /// no events and changes nothing.
    fn execute(&mut self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error>;

    /// Folds one event into the state, refusing one that could not have happened here.
    fn apply(&mut self, event: &Self::Event) -> Result<(), Self::Error>;

    /// Whether a command id has been executed.
    fn has_executed(&self, command: &str) -> bool;

    /// Folds events in order, all or none: on a refusal the state is as it was.
    fn apply_all(&mut self, events: &[Self::Event]) -> Result<(), Self::Error>
    where
        Self: Clone,
    {
        let mut next = self.clone();
        for event in events {
            next.apply(event)?;
        }
        *self = next;
        Ok(())
    }
}

impl Aggregate for crate::licences::Pool {
    type Command = crate::licences::Command;
    type Event = crate::licences::Event;
    type Error = crate::licences::PoolError;

    fn execute(&mut self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error> {
        crate::licences::Pool::execute(self, command)
    }
    fn apply(&mut self, event: &Self::Event) -> Result<(), Self::Error> {
        crate::licences::Pool::apply(self, event)
    }
    fn has_executed(&self, command: &str) -> bool {
        crate::licences::Pool::has_executed(self, command)
    }
}

impl Aggregate for crate::register::Register {
    type Command = crate::register::Command;
    type Event = crate::register::Event;
    type Error = crate::register::RegisterError;

    fn execute(&mut self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error> {
        crate::register::Register::execute(self, command)
    }
    /// Folds one event; the checks that span a command's events (a school decision only on an
    /// unexplained absence, a contribution only for a learner present or late) run in
    /// [`Register::replay`](crate::register::Register::replay) and `execute`.
    fn apply(&mut self, event: &Self::Event) -> Result<(), Self::Error> {
        crate::register::Register::apply(self, event)
    }
    fn has_executed(&self, command: &str) -> bool {
        crate::register::Register::has_executed(self, command)
    }
}

impl Aggregate for crate::routing::Exchange {
    type Command = crate::routing::ExchangeCommand;
    type Event = crate::routing::ExchangeEvent;
    type Error = crate::routing::TransferError;

    fn execute(&mut self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error> {
        crate::routing::Exchange::execute(self, command)
    }
    fn apply(&mut self, event: &Self::Event) -> Result<(), Self::Error> {
        crate::routing::Exchange::apply(self, event)
    }
    fn has_executed(&self, command: &str) -> bool {
        crate::routing::Exchange::has_executed(self, command)
    }
}

/// A requirement's ledger in the pattern: an entry is both the command and its event. Through
/// this trait, as through [`Requirement::record`](crate::hours::Requirement::record), an entry
/// must carry an id (`LedgerEntry::with_id`), so a retry changes nothing.
impl Aggregate for crate::hours::Requirement {
    type Command = crate::hours::LedgerEntry;
    type Event = crate::hours::LedgerEntry;
    type Error = crate::hours::LedgerError;

    fn execute(&mut self, command: &Self::Command) -> Result<Vec<Self::Event>, Self::Error> {
        let Some(id) = command.id.as_deref() else {
            return Err(crate::hours::LedgerError::InvalidField {
                field: "id".into(),
                value: String::new(),
                reason: "a command carries an id, so that a retry changes nothing (H-11)".into(),
            });
        };
        if self.has_executed(id) {
            // The same entry again is a retry; a different one under the id is refused.
            return self.record(command.clone()).map(|()| Vec::new());
        }
        self.record(command.clone())?;
        Ok(vec![command.clone()])
    }
    fn apply(&mut self, event: &Self::Event) -> Result<(), Self::Error> {
        self.record(event.clone())
    }
    fn has_executed(&self, command: &str) -> bool {
        self.has_entry(command)
    }
}
