//! The requirement ledger (H-9..H-12) for Kotlin: a `Requirement` object safe to share between
//! threads, entries and figures as plain records.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::Minutes;
use ete_core::hours::{self, CreditDecision, EteFit, LedgerEntry, LedgerStatus, RequirementTerms};

use crate::EteError;

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
    /// A requirement on the court's terms with an empty ledger; `policyJson` overrides the
    /// default ledger policy.
    #[uniffi::constructor(default(policy_json = None))]
    pub fn new(
        terms: RequirementTerms,
        policy_json: Option<String>,
    ) -> Result<Arc<Requirement>, EteError> {
        let policy = match policy_json {
            Some(text) => hours::LedgerPolicy::from_json(&text)?,
            None => hours::LedgerPolicy::default(),
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
    /// The head hash of the entries' chain: publish it; a rewritten ledger is caught against it.
    pub fn head_hash(&self) -> Result<String, EteError> {
        Ok(self.lock()?.head_hash())
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
        Ok(self.lock()?.record(entry)?)
    }
    /// Records every entry or none; the error names the first refused entry's position.
    pub fn record_all(&self, entries: Vec<LedgerEntry>) -> Result<(), EteError> {
        Ok(self.lock()?.record_all(entries)?)
    }
    /// How much of a proposed ETE credit fits (H-10).
    pub fn ete_fit(&self, proposed: Minutes) -> Result<EteFit, EteError> {
        Ok(self.lock()?.ete_fit(proposed)?)
    }
    /// Every figure on a day.
    pub fn status(&self, on: NaiveDate) -> Result<LedgerStatus, EteError> {
        Ok(self.lock()?.status(on)?)
    }
}

/// Records the credits of `decisions` on the requirements as ETE credits (H-10), all or nothing;
/// returns how many were recorded. Every requirement is locked for the whole call.
#[uniffi::export]
pub fn record_credits(
    requirements: Vec<Arc<Requirement>>,
    decisions: Vec<CreditDecision>,
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
    let recorded = hours::record_credits(&mut working, &decisions, &by)?;
    for (guard, updated) in guards.iter_mut().zip(working) {
        **guard = updated;
    }
    Ok(recorded as u64)
}
