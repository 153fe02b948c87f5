//! Licence pooling ([rules](crate::rules) §2, L-1..L-9): a region's fixed pool of learning-portal licences,
//! accounts and their lifecycle, the waiting list, dormant logins, ready-to-deactivate,
//! utilisation, and supported-access sessions with loan laptops.
//!
//! The pool is an aggregate: a [`Command`] (with an id, an actor and a time) becomes
//! [`Event`]s, and the state is their fold, so [`Pool::replay`] of the log and
//! [`Pool::from_json`] of a snapshot give an identical pool. See [`Pool::open`] for an example.

mod error;
mod model;
mod policy;
mod pool;
mod reports;
mod sessions;

pub use error::PoolError;
pub use model::{
    Account, AccountKind, AccountState, Action, Command, DeactivationReason, Event, EventKind,
};
pub use policy::{PoolPolicy, WaitingOrder};
pub use pool::{POOL_FORMAT, Pool, PoolBackup};
pub use reports::{DormantLogin, Utilisation, dormant_logins, ready_to_deactivate, utilisation};
pub use sessions::{AccessSessions, Loan, Session, SessionPolicy};
