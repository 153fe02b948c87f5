//! File-transfer routing ([rules](crate::rules) §4, T-1..T-8): who may send which document to whom between
//! the hub, schools and providers, with the reason for every decision.
//!
//! - [`RoutingPolicy`]: kinds, roles, categories and permit/forbid rules as data (JSON), checked
//!   on load; `Default` is T-1.
//! - [`decide`] → [`Decision`] with its [`Reason`]; [`destinations`] for a recipient picker.
//! - [`plan`] a transfer, show it, then [`Exchange::confirm`] it — all or nothing; inboxes,
//!   downloads with receipts. The [`Exchange`] is an [`Aggregate`](crate::Aggregate): commands
//!   with ids, events (its audit log), replay and a checked snapshot.
//! - [`check_referral`]: a risk assessment's age at referral (T-8).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ete_core::routing::*;
//!
//! let policy = RoutingPolicy::default();
//! let hub = Organisation::new("hub", "CAP");
//! let school = Organisation::new("school", "SCH-1");
//! let file = TransferFile { name: "plan.pdf".into(), recipient: Some(school.clone()),
//!     role: "dsl".into(), description: "LSP JN".into(), category: "learner_support_plan".into() };
//! let shown = plan(&policy, &hub, "CAP-7", vec![file]);
//! assert!(shown.sendable());
//! let mut exchange = Exchange::new(policy);
//! let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
//! let ids = exchange.confirm(&shown, at)?;
//! assert_eq!(exchange.inbox("SCH-1").len(), 1);
//! assert!(exchange.download(ids[0], "SCH-2", "T-1", at).is_err());
//! # Ok::<(), TransferError>(())
//! ```

mod decision;
mod exchange;
mod policy;
mod referral;
mod transfer;

pub use decision::{Decision, Destination, Organisation, Reason, decide, destinations};
pub use exchange::{
    EXCHANGE_FORMAT, Exchange, ExchangeAction, ExchangeAction as Action, ExchangeCommand,
    ExchangeCommand as Command, ExchangeEvent, ExchangeEvent as Event, ExchangeEventKind,
    ExchangeEventKind as EventKind, HeldFile, InboxItem, Receipt,
};
pub use policy::{
    Condition, DEFAULT_CATEGORIES, Effect, Party, RoutingPolicy, RoutingPolicyError, Rule,
};
pub use referral::{ReferralError, ReferralPolicy, check_referral, valid_until};
pub use transfer::{
    FileRefusal, PlannedFile, Refusal, TransferError, TransferFile, TransferPlan,
    check_description, copy_first_description, copy_first_recipient, copy_first_role, plan,
};
