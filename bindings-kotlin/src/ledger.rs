//! The requirement ledger (H-9..H-12) for Kotlin: a `Requirement` object safe to share between
//! threads, entries and figures as plain records.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::hours::{self, AppointmentOutcome, IncentiveState, OrderKind};

use crate::EteError;
use crate::minutes::minutes;

/// One thing that happened to a requirement (H-11); minutes are checked when recorded.
#[derive(Debug, Clone, uniffi::Enum)]
pub enum LedgerEvent {
    /// A work appointment and the minutes credited for it.
    WorkAppointment {
        /// Minutes credited (0 or more).
        minutes: i64,
        /// What happened.
        outcome: AppointmentOutcome,
    },
    /// ETE credit for a course.
    EteCredit {
        /// Minutes credited (0 or more).
        minutes: i64,
        /// The course.
        course_name: String,
    },
    /// A court change to the required time, in signed minutes.
    Adjustment {
        /// Minutes added (positive) or removed (negative).
        minutes: i64,
    },
    /// An extension of the completion period, in calendar months.
    Extension {
        /// Months added.
        months: u32,
    },
}

/// An event with the day it happened and who recorded it.
#[derive(Debug, Clone, uniffi::Record)]
pub struct LedgerEntry {
    /// The day it happened.
    pub date: NaiveDate,
    /// Who recorded it.
    pub by: String,
    /// What happened.
    pub event: LedgerEvent,
    /// The command id, when given: recording it again changes nothing.
    #[uniffi(default = None)]
    pub id: Option<String>,
}

impl TryFrom<LedgerEntry> for hours::LedgerEntry {
    type Error = EteError;
    fn try_from(e: LedgerEntry) -> Result<hours::LedgerEntry, EteError> {
        let event = match e.event {
            LedgerEvent::WorkAppointment {
                minutes: m,
                outcome,
            } => hours::LedgerEvent::WorkAppointment {
                minutes: minutes(m)?,
                outcome,
            },
            LedgerEvent::EteCredit {
                minutes: m,
                course_name,
            } => hours::LedgerEvent::EteCredit {
                minutes: minutes(m)?,
                course_name,
            },
            LedgerEvent::Adjustment { minutes } => hours::LedgerEvent::Adjustment { minutes },
            LedgerEvent::Extension { months } => hours::LedgerEvent::Extension { months },
        };
        let entry = hours::LedgerEntry::new(e.date, e.by, event);
        Ok(match e.id {
            Some(id) => entry.with_id(id),
            None => entry,
        })
    }
}

/// The incentive scheme's figures (H-12).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct IncentiveStatus {
    /// Where the requirement stands.
    pub state: IncentiveState,
    /// Qualifying minutes.
    pub qualifying: i64,
    /// The qualifying threshold.
    pub threshold: i64,
    /// The discount earned so far.
    pub current_discount: i64,
    /// The most the scheme can give.
    pub maximum_discount: i64,
    /// What the person can expect if nothing changes.
    pub projected_discount: i64,
}

/// Every figure of a requirement on a day (H-10..H-12).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct LedgerStatus {
    /// Required minutes.
    pub required: i64,
    /// Net adjustments, signed.
    pub adjustments: i64,
    /// Minutes completed.
    pub completed: i64,
    /// ETE minutes credited.
    pub ete_completed: i64,
    /// The ETE allowance.
    pub ete_allowance: i64,
    /// What remains of it.
    pub ete_remaining: i64,
    /// The current incentive discount.
    pub discount: i64,
    /// Minutes remaining, never below zero.
    pub remaining: i64,
    /// The last day of the completion period.
    pub end_date: NaiveDate,
    /// No time remains.
    pub complete: bool,
    /// Not complete and past the end date.
    pub overdue: bool,
    /// The incentive scheme's figures.
    pub incentive: IncentiveStatus,
}

impl From<hours::LedgerStatus> for LedgerStatus {
    fn from(s: hours::LedgerStatus) -> LedgerStatus {
        let i = s.incentive;
        LedgerStatus {
            required: s.required.as_signed(),
            adjustments: s.adjustments,
            completed: s.completed.as_signed(),
            ete_completed: s.ete_completed.as_signed(),
            ete_allowance: s.ete_allowance.as_signed(),
            ete_remaining: s.ete_remaining.as_signed(),
            discount: s.discount.as_signed(),
            remaining: s.remaining.as_signed(),
            end_date: s.end_date,
            complete: s.complete,
            overdue: s.overdue,
            incentive: IncentiveStatus {
                state: i.state,
                qualifying: i.qualifying,
                threshold: i.threshold.as_signed(),
                current_discount: i.current_discount.as_signed(),
                maximum_discount: i.maximum_discount.as_signed(),
                projected_discount: i.projected_discount.as_signed(),
            },
        }
    }
}

/// How much of a proposed ETE credit fits (H-10).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct EteFit {
    /// The part that can be recorded.
    pub fits: i64,
    /// The part that cannot.
    pub rest: i64,
}

/// An Unpaid Work requirement and its ledger (H-9..H-12); safe to share between threads.
#[derive(uniffi::Object)]
pub struct Requirement {
    inner: Mutex<hours::Requirement>,
}

impl Requirement {
    fn lock(&self) -> Result<MutexGuard<'_, hours::Requirement>, EteError> {
        self.inner.lock().map_err(|_| EteError::InvalidField {
            detail: "a thread panicked while holding this requirement".into(),
        })
    }
    /// A copy of the core requirement.
    pub fn snapshot(&self) -> Result<hours::Requirement, EteError> {
        Ok(self.lock()?.clone())
    }
}

#[uniffi::export]
impl Requirement {
    /// A requirement with an empty ledger; `policyJson` overrides the default ledger policy.
    #[uniffi::constructor(default(incentive_eligible = false, policy_json = None))]
    pub fn new(
        id: String,
        person_ref: String,
        kind: OrderKind,
        required: i64,
        start: NaiveDate,
        incentive_eligible: bool,
        policy_json: Option<String>,
    ) -> Result<Arc<Requirement>, EteError> {
        let policy = match policy_json {
            Some(text) => hours::LedgerPolicy::from_json(&text)?,
            None => hours::LedgerPolicy::default(),
        };
        let terms = hours::RequirementTerms {
            id,
            person_ref,
            kind,
            required: minutes(required)?,
            start,
            incentive_eligible,
        };
        Ok(Arc::new(Requirement {
            inner: Mutex::new(hours::Requirement::new(terms, policy)?),
        }))
    }
    /// Reads a requirement from its JSON form, replaying every entry through the rules.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Requirement>, EteError> {
        Ok(Arc::new(Requirement {
            inner: Mutex::new(hours::Requirement::from_json(&text)?),
        }))
    }
    /// The requirement as JSON.
    pub fn to_json(&self) -> Result<String, EteError> {
        Ok(self.lock()?.to_json()?)
    }
    /// The requirement's id.
    pub fn id(&self) -> Result<String, EteError> {
        Ok(self.lock()?.id().to_owned())
    }
    /// Entries recorded.
    pub fn entry_count(&self) -> Result<u64, EteError> {
        Ok(self.lock()?.entries().len() as u64)
    }
    /// Records one entry, or throws with the ledger unchanged.
    pub fn record(&self, entry: LedgerEntry) -> Result<(), EteError> {
        let entry = hours::LedgerEntry::try_from(entry)?;
        Ok(self.lock()?.record(entry)?)
    }
    /// Records every entry or none; the error names the first refused entry's position.
    pub fn record_all(&self, entries: Vec<LedgerEntry>) -> Result<(), EteError> {
        let entries = entries
            .into_iter()
            .map(hours::LedgerEntry::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.lock()?.record_all(entries)?)
    }
    /// How much of a proposed ETE credit fits (H-10).
    pub fn ete_fit(&self, proposed: i64) -> Result<EteFit, EteError> {
        let fit = self.lock()?.ete_fit(minutes(proposed)?)?;
        Ok(EteFit {
            fits: fit.fits.as_signed(),
            rest: fit.rest.as_signed(),
        })
    }
    /// Every figure on a day.
    pub fn status(&self, on: NaiveDate) -> Result<LedgerStatus, EteError> {
        Ok(self.lock()?.status(on)?.into())
    }
}

/// Records the credits of `decisions` on the requirements as ETE credits (H-10), all or nothing;
/// returns how many were recorded. Every requirement is locked for the whole call.
#[uniffi::export]
pub fn record_credits(
    requirements: Vec<Arc<Requirement>>,
    decisions: Vec<crate::credit::CreditDecision>,
    by: String,
) -> Result<u64, EteError> {
    // Lock each distinct requirement once, in address order, so two calls cannot deadlock.
    let mut distinct: Vec<&Requirement> = requirements.iter().map(|r| &**r).collect();
    distinct.sort_by_key(|r| std::ptr::from_ref(*r) as usize);
    distinct.dedup_by_key(|r| std::ptr::from_ref(*r) as usize);
    let mut guards = distinct
        .iter()
        .map(|r| r.lock())
        .collect::<Result<Vec<_>, _>>()?;
    let mut working: Vec<hours::Requirement> = guards.iter().map(|g| (**g).clone()).collect();
    let decisions = decisions
        .into_iter()
        .map(hours::CreditDecision::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let recorded = hours::record_credits(&mut working, &decisions, &by)?;
    for (guard, updated) in guards.iter_mut().zip(working) {
        **guard = updated;
    }
    Ok(recorded as u64)
}
