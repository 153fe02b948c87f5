//! File-transfer routing (T-1..T-8) for Kotlin: policy, decisions, transfers, the exchange.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::routing::{
    self, AuditEvent, Decision, Destination, InboxItem, Organisation, Receipt,
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

/// The secure transfer site (T-5, T-6); safe to share between threads.
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
}

#[uniffi::export]
impl Exchange {
    /// An empty exchange.
    #[uniffi::constructor]
    pub fn new() -> Arc<Exchange> {
        Arc::new(Exchange {
            inner: Mutex::new(routing::Exchange::new()),
        })
    }
    /// Restores a snapshot (`toJson`), checked against the exchange's invariants under
    /// `policy` (the default routing policy when null): a tampered snapshot is
    /// `EteException.MalformedInput` naming the first broken invariant.
    #[uniffi::constructor(default(policy = None))]
    pub fn from_json(
        text: String,
        policy: Option<Arc<RoutingPolicy>>,
    ) -> Result<Arc<Exchange>, EteError> {
        let policy = policy.map(|p| p.inner.clone()).unwrap_or_default();
        Ok(Arc::new(Exchange {
            inner: Mutex::new(routing::Exchange::restore(&text, &policy)?),
        }))
    }
    /// The exchange as JSON.
    pub fn to_json(&self) -> Result<String, EteError> {
        Ok(self.lock()?.to_json()?)
    }
    /// Sends every file of the plan, decided again under `policy`, or none (T-5).
    pub fn confirm(
        &self,
        policy: Arc<RoutingPolicy>,
        plan: TransferPlan,
        at: UtcDateTime,
    ) -> Result<Vec<u64>, EteError> {
        // Decided again under `policy`: the plan's own decisions are the caller's to change.
        let files = plan.files.into_iter().map(|f| f.file).collect();
        let shown = routing::plan(&policy.inner, &plan.sender, &plan.sent_by, files);
        Ok(self.lock()?.confirm(&policy.inner, &shown, at)?)
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
        Ok(self.lock()?.download_all(&organisation, &by, at))
    }
    /// Every send and download, in order.
    pub fn audit_log(&self) -> Result<Vec<AuditEvent>, EteError> {
        Ok(self.lock()?.audit_log().to_vec())
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
