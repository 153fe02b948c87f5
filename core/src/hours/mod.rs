//! Learning hours: what an online course completion is worth towards an Unpaid Work requirement
//! ([rules](crate::rules) §1, H-1..H-8).
//!
//! - [`Course`] (H-1) and [`Completion`] (H-2), read from the portal's JSON or CSV with
//!   [`read_completions_json`] / [`read_completions_csv`], every bad record reported as a
//!   [`Reject`];
//! - [`ExtraTimeAgreement`] (H-6) and [`CreditPolicy`] (H-5, H-7);
//! - [`credit_batch`]: a [`CreditDecision`] with its [`CreditReason`] per completion (H-3..H-8).
//!
//! ```
//! use ete_core::hours::{credit_batch, read_completions_json, CreditPolicy, ReadMode};
//!
//! let json = r#"[{"externalReference": "P-1", "courseName": "Digital skills",
//!   "completionDateTime": "2026-11-02T14:05:00Z", "status": "Completed",
//!   "totalTimeMinutes": 95, "expectedTimeMinutes": 120}]"#;
//! let read = read_completions_json(json, ReadMode::Strict)?;
//! let decisions = credit_batch(&read.completions, &[], &[], &CreditPolicy::default());
//! assert_eq!(decisions[0].to_string(), r#"P-1 "Digital skills" 2026-11-02: credit 01:35 (within_guided_time)"#);
//! # Ok::<(), ete_core::hours::RecordError>(())
//! ```

mod against;
mod agreement;
mod completion;
mod course;
mod credit;
mod incentive;
mod ledger;
mod policy;
mod read;
mod record_error;
mod report;
mod totals;

pub use against::{credit_against_requirements, record_credits};
pub use agreement::{AgreementCategory, AgreementFields, ExtraTimeAgreement};
pub use completion::{Completion, CompletionFields, CompletionStatus};
pub use course::Course;
pub use credit::{
    CreditDecision, CreditReason, PriorCredit, allowance_cap, applicable_allowance, credit,
    credit_batch, credit_minutes,
};
pub use incentive::{IncentivePolicy, IncentiveState, IncentiveStatus};
pub use ledger::{
    AppointmentOutcome, EteFit, LedgerEntry, LedgerError, LedgerEventKind, LedgerPolicy,
    LedgerStatus, OrderKind, REQUIREMENT_FORMAT, Requirement, RequirementTerms,
};
/// The former name of [`LedgerEventKind`]: what happened, beside a [`LedgerEntry`]'s date and
/// recorder (the entry is the ledger's event).
#[deprecated(note = "renamed LedgerEventKind: an entry is the ledger's event")]
pub type LedgerEvent = LedgerEventKind;
pub(crate) use policy::policy_from_json;
pub use policy::{CreditPolicy, MAX_ALLOWANCE_PERCENT, PolicyError, PolicyFields};
pub use read::{
    REQUIRED_FIELDS, ReadMode, ReadOutcome, ReadPolicy, read_completions_csv,
    read_completions_csv_with, read_completions_json, read_completions_json_with,
};
pub use record_error::{RecordError, Reject};
pub use report::{
    Certificate, CompletionReport, Delivery, EVIDENCE_COLUMNS, Grouping, Notification, ReportError,
    ReportRow, certificate, completion_report, delivery_against_target, ndelius_evidence_csv,
    ndelius_evidence_csv_with, practitioner_notifications,
};
