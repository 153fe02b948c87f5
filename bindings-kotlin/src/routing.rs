//! File-transfer routing (T-1..T-8) for Kotlin: policy, decisions, transfers, the exchange.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::routing::{
    self, AuditEvent, Decision, Destination, Reason, Receipt, RoutingPolicy as CorePolicy,
};

use crate::{EteError, UtcDateTime};

/// A routing policy (T-1, T-2); the primary constructor gives the default of T-1.
#[derive(uniffi::Object)]
pub struct RoutingPolicy {
    inner: CorePolicy,
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

/// An organisation: kind, id, and attributes that rules may test.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Organisation {
    /// The kind, as the policy names it.
    pub kind: String,
    /// The id.
    pub id: String,
    /// Attributes a rule's condition may read.
    #[uniffi(default)]
    pub attributes: HashMap<String, String>,
}

impl From<Organisation> for routing::Organisation {
    fn from(o: Organisation) -> routing::Organisation {
        routing::Organisation {
            kind: o.kind,
            id: o.id,
            attributes: o.attributes.into_iter().collect(),
        }
    }
}

impl From<routing::Organisation> for Organisation {
    fn from(o: routing::Organisation) -> Organisation {
        Organisation {
            kind: o.kind,
            id: o.id,
            attributes: o.attributes.into_iter().collect(),
        }
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
    routing::decide(
        &policy.inner,
        &sender.into(),
        &recipient.into(),
        &role,
        &category,
    )
}

/// Where a sender may send, and to which roles (T-3).
#[uniffi::export]
pub fn destinations(policy: Arc<RoutingPolicy>, sender: Organisation) -> Vec<Destination> {
    routing::destinations(&policy.inner, &sender.into())
}

/// One file of a transfer (T-4).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TransferFile {
    /// The file's name.
    pub name: String,
    /// The recipient organisation; every file needs one.
    pub recipient: Option<Organisation>,
    /// The recipient role.
    pub role: String,
    /// Code + learner initials, e.g. `CFC JN` (T-7).
    pub description: String,
    /// The document category.
    pub category: String,
}

impl From<TransferFile> for routing::TransferFile {
    fn from(f: TransferFile) -> routing::TransferFile {
        routing::TransferFile {
            name: f.name,
            recipient: f.recipient.map(Into::into),
            role: f.role,
            description: f.description,
            category: f.category,
        }
    }
}

impl From<routing::TransferFile> for TransferFile {
    fn from(f: routing::TransferFile) -> TransferFile {
        TransferFile {
            name: f.name,
            recipient: f.recipient.map(Into::into),
            role: f.role,
            description: f.description,
            category: f.category,
        }
    }
}

fn copied(files: Vec<TransferFile>, how: fn(&mut [routing::TransferFile])) -> Vec<TransferFile> {
    let mut files: Vec<routing::TransferFile> = files.into_iter().map(Into::into).collect();
    how(&mut files);
    files.into_iter().map(Into::into).collect()
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

/// A file that may not be sent, and why.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Refusal {
    /// The file's index in the transfer.
    pub position: i64,
    /// `denied`, `no_recipient`, `bad_description` or `unknown_category`.
    pub code: String,
    /// For `denied`: the decision's reason.
    pub reason: Option<Reason>,
    /// The refusal as a sentence.
    pub message: String,
}

/// A core refusal for Kotlin.
pub fn refusal(position: usize, r: routing::Refusal) -> Refusal {
    let reason = match &r {
        routing::Refusal::Denied { decision } => Some(decision.reason.clone()),
        _ => None,
    };
    Refusal {
        position: i64::try_from(position).unwrap_or(i64::MAX),
        code: r.code().to_owned(),
        reason,
        message: r.to_string(),
    }
}

/// A planned transfer to show for confirmation (T-5).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TransferPlan {
    /// The sending organisation.
    pub sender: Organisation,
    /// Who is sending.
    pub sent_by: String,
    /// The files, in order.
    pub files: Vec<TransferFile>,
    /// Whether every file may be sent.
    pub sendable: bool,
    /// The files that may not be sent, with reasons.
    pub refusals: Vec<Refusal>,
}

/// Plans a transfer: every file's route decided and its description checked (T-5).
#[uniffi::export]
pub fn plan_transfer(
    policy: Arc<RoutingPolicy>,
    sender: Organisation,
    sent_by: String,
    files: Vec<TransferFile>,
) -> TransferPlan {
    let shown = routing::plan(
        &policy.inner,
        &sender.into(),
        &sent_by,
        files.into_iter().map(Into::into).collect(),
    );
    TransferPlan {
        sendable: shown.sendable(),
        refusals: shown
            .refusals()
            .into_iter()
            .map(|(p, r)| refusal(p, r))
            .collect(),
        sender: shown.sender.into(),
        sent_by: shown.sent_by,
        files: shown.files.into_iter().map(|f| f.file.into()).collect(),
    }
}

/// A file in an inbox (T-6).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct InboxItem {
    /// The file's id in the exchange.
    pub file_id: u64,
    /// The sending organisation.
    pub sender: Organisation,
    /// The file.
    pub file: TransferFile,
    /// When it was sent.
    pub sent_at: UtcDateTime,
    /// Whether it has been downloaded.
    pub downloaded: bool,
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
        let files = plan.files.into_iter().map(Into::into).collect();
        let shown = routing::plan(&policy.inner, &plan.sender.into(), &plan.sent_by, files);
        Ok(self.lock()?.confirm(&policy.inner, &shown, at)?)
    }
    /// The files addressed to an organisation, oldest first (T-6).
    pub fn inbox(&self, organisation: String) -> Result<Vec<InboxItem>, EteError> {
        Ok(self
            .lock()?
            .inbox(&organisation)
            .into_iter()
            .map(|i| InboxItem {
                file_id: i.file.id,
                sender: i.file.sender.into(),
                file: i.file.file.into(),
                sent_at: i.file.sent_at,
                downloaded: i.downloaded,
            })
            .collect())
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
