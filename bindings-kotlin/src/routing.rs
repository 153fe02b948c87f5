//! File-transfer routing (T-1..T-8) for Kotlin: policy, decisions, transfers, the exchange.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::routing::{
    self, Decision, Destination, ExchangeCommand, ExchangeEvent, InboxItem, Organisation, Receipt,
    RoutingPolicy as CorePolicy, TransferFile, TransferPlan,
};

use crate::{EteError, UtcDateTime};

/// A routing policy (T-1, T-2); the primary constructor gives the default of T-1.
#[derive(uniffi::Object)]
pub struct RoutingPolicy {
    pub(crate) inner: CorePolicy,
}

#[uniffi::export]
impl RoutingPolicy {
    /// The default policy (T-1).
    #[uniffi::constructor]
    pub fn new() -> Arc<RoutingPolicy> {
        Arc::new(RoutingPolicy {
            inner: CorePolicy::default(),
        })
    }
    /// Loads and checks a policy from JSON.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<RoutingPolicy>, EteError> {
        Ok(Arc::new(RoutingPolicy {
            inner: CorePolicy::from_json(&text)?,
        }))
    }
    /// The policy as JSON.
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// The organisation kinds.
    pub fn kinds(&self) -> Vec<String> {
        self.inner.kinds().iter().cloned().collect()
    }
    /// The recipient roles.
    pub fn roles(&self) -> Vec<String> {
        self.inner.roles().iter().cloned().collect()
    }
    /// The document categories.
    pub fn categories(&self) -> Vec<String> {
        self.inner.categories().iter().cloned().collect()
    }
}

/// Decides whether `sender` may send a `category` file to `role` at `recipient` (T-1..T-3).
#[uniffi::export]
pub fn decide(
    policy: Arc<RoutingPolicy>,
    sender: Organisation,
    recipient: Organisation,
    role: String,
    category: String,
) -> Decision {
    routing::decide(&policy.inner, &sender, &recipient, &role, &category)
}

/// Where a sender may send, and to which roles (T-3).
#[uniffi::export]
pub fn destinations(policy: Arc<RoutingPolicy>, sender: Organisation) -> Vec<Destination> {
    routing::destinations(&policy.inner, &sender)
}

fn copied(mut files: Vec<TransferFile>, how: fn(&mut [TransferFile])) -> Vec<TransferFile> {
    how(&mut files);
    files
}

/// The files with the first file's recipient organisation copied to all (T-4).
#[uniffi::export]
pub fn copy_first_recipient(files: Vec<TransferFile>) -> Vec<TransferFile> {
    copied(files, routing::copy_first_recipient)
}

/// The files with the first file's role copied to all (T-4).
#[uniffi::export]
pub fn copy_first_role(files: Vec<TransferFile>) -> Vec<TransferFile> {
    copied(files, routing::copy_first_role)
}

/// The files with the first file's description copied to all (T-4).
#[uniffi::export]
pub fn copy_first_description(files: Vec<TransferFile>) -> Vec<TransferFile> {
    copied(files, routing::copy_first_description)
}

/// Plans a transfer: every file's route decided and its description checked (T-5).
#[uniffi::export]
pub fn plan_transfer(
    policy: Arc<RoutingPolicy>,
    sender: Organisation,
    sent_by: String,
    files: Vec<TransferFile>,
) -> TransferPlan {
    routing::plan(&policy.inner, &sender, &sent_by, files)
}

/// The secure transfer site (T-5, T-6), an aggregate: every change is a command with an id (a
/// retry changes nothing), its events are the audit log. Safe to share between threads.
#[derive(uniffi::Object)]
pub struct Exchange {
    inner: Mutex<routing::Exchange>,
}

impl Exchange {
    fn lock(&self) -> Result<MutexGuard<'_, routing::Exchange>, EteError> {
        self.inner.lock().map_err(|_| EteError::InvalidField {
            detail: "a thread panicked while holding this exchange".into(),
        })
    }

    fn wrap(exchange: routing::Exchange) -> Arc<Exchange> {
        Arc::new(Exchange {
            inner: Mutex::new(exchange),
        })
    }
}

fn policy_or_default(policy: Option<Arc<RoutingPolicy>>) -> CorePolicy {
    policy.map(|p| p.inner.clone()).unwrap_or_default()
}

#[uniffi::export]
impl Exchange {
    /// An empty exchange deciding every file under `policy` (the default routing policy when
    /// null).
    #[uniffi::constructor(default(policy = None))]
    pub fn new(policy: Option<Arc<RoutingPolicy>>) -> Arc<Exchange> {
        Exchange::wrap(routing::Exchange::new(policy_or_default(policy)))
    }
    /// Restores a snapshot (`toJson`) to an exchange under `policy` (the default routing policy
    /// when null): its events are replayed under the policy and its files and receipts must be
    /// their fold; a tampered snapshot is `EteException.MalformedInput` naming the first broken
    /// invariant, a newer format is refused, format 1 is migrated.
    #[uniffi::constructor(default(policy = None))]
    pub fn from_json(
        text: String,
        policy: Option<Arc<RoutingPolicy>>,
    ) -> Result<Arc<Exchange>, EteError> {
        let policy = policy_or_default(policy);
        Ok(Exchange::wrap(routing::Exchange::restore(&text, &policy)?))
    }
    /// Rebuilds an exchange from its events under `policy` (the default when null).
    #[uniffi::constructor(default(policy = None))]
    pub fn replay(
        events: Vec<ExchangeEvent>,
        policy: Option<Arc<RoutingPolicy>>,
    ) -> Result<Arc<Exchange>, EteError> {
        let policy = policy_or_default(policy);
        Ok(Exchange::wrap(routing::Exchange::replay(&events, policy)?))
    }
    /// The exchange as JSON.
    pub fn to_json(&self) -> Result<String, EteError> {
        Ok(self.lock()?.to_json()?)
    }
    /// The head hash of the events' chain: publish it; a rewritten log is caught against it.
    pub fn head_hash(&self) -> Result<String, EteError> {
        Ok(self.lock()?.head_hash())
    }
    /// Runs a command and returns the events it caused; a retried id returns none and changes
    /// nothing.
    pub fn execute(&self, command: ExchangeCommand) -> Result<Vec<ExchangeEvent>, EteError> {
        Ok(self.lock()?.execute(&command)?)
    }
    /// Sends every file of the plan, decided again under the exchange's policy, or none (T-5),
    /// under a fresh command id. Returns the new files' ids.
    pub fn confirm(&self, plan: TransferPlan, at: UtcDateTime) -> Result<Vec<u64>, EteError> {
        Ok(self.lock()?.confirm(&plan, at)?)
    }
    /// The files addressed to an organisation, oldest first (T-6).
    pub fn inbox(&self, organisation: String) -> Result<Vec<InboxItem>, EteError> {
        Ok(self.lock()?.inbox(&organisation))
    }
    /// Downloads a file, recording who and when; only its recipient may (T-6).
    pub fn download(
        &self,
        file_id: u64,
        organisation: String,
        by: String,
        at: UtcDateTime,
    ) -> Result<Receipt, EteError> {
        Ok(self.lock()?.download(file_id, &organisation, &by, at)?)
    }
    /// Downloads every new file addressed to the organisation (T-6).
    pub fn download_all(
        &self,
        organisation: String,
        by: String,
        at: UtcDateTime,
    ) -> Result<Vec<Receipt>, EteError> {
        Ok(self.lock()?.download_all(&organisation, &by, at)?)
    }
    /// Every send and download, in order: the audit log.
    pub fn events(&self) -> Result<Vec<ExchangeEvent>, EteError> {
        Ok(self.lock()?.events().to_vec())
    }
}

/// The last referral date a risk assessment covers, or `RiskAssessmentTooOld` (T-8); `months`
/// null for core's policy.
#[uniffi::export(default(months = None))]
pub fn check_referral(
    assessed_on: NaiveDate,
    referral_on: NaiveDate,
    months: Option<u32>,
) -> Result<NaiveDate, EteError> {
    let policy = match months {
        Some(months) => routing::ReferralPolicy {
            risk_assessment_months: months,
        },
        None => routing::ReferralPolicy::default(),
    };
    Ok(routing::check_referral(&policy, assessed_on, referral_on)?)
}

/// Verifies the hash chain of a snapshot (an exchange's, a register's or a requirement's
/// `toJson`) without restoring it; returns its head hash, or throws
/// `EteException.MalformedInput` naming the first broken position.
#[uniffi::export]
pub fn verify_chain(snapshot: String) -> Result<String, EteError> {
    Ok(ete_core::chain::verify_json(&snapshot)?)
}
