//! Transfers (T-4, T-5, T-7): files with recipients, planned, shown, then confirmed — all or
//! nothing — and the exchange that holds them for download (T-6) with an append-only audit log.

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::routing::decision::{Decision, Organisation, Reason, decide};
use crate::routing::policy::RoutingPolicy;

/// One file of a transfer (T-4).
#[cfg_attr(feature = "python", derive(pyderive::PyNew, pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash)
)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TransferFile {
    /// The file's name.
    pub name: String,
    /// The recipient organisation; every file needs one.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub recipient: Option<Organisation>,
    /// The recipient role (e.g. `dsl`).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub role: String,
    /// The description: code + learner initials, e.g. `CFC JN` (T-7).
    pub description: String,
    /// The document category.
    pub category: String,
}

/// Why a file cannot be sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Refusal {
    /// The route is denied (T-1..T-3).
    Denied {
        /// The decision.
        decision: Decision,
    },
    /// The file has no recipient.
    NoRecipient,
    /// The description is empty or too long (T-7).
    BadDescription {
        /// What is wrong.
        detail: String,
    },
    /// The category is not one the policy defines.
    UnknownCategory {
        /// The category given.
        category: String,
    },
}

impl Refusal {
    /// Every refusal's code, in declaration order (the list the message files must cover).
    pub const CODES: [&'static str; 4] = [
        "denied",
        "no_recipient",
        "bad_description",
        "unknown_category",
    ];

    /// The stable code: `denied`, `no_recipient`, `bad_description` or `unknown_category`.
    pub const fn code(&self) -> &'static str {
        match self {
            Refusal::Denied { .. } => "denied",
            Refusal::NoRecipient => "no_recipient",
            Refusal::BadDescription { .. } => "bad_description",
            Refusal::UnknownCategory { .. } => "unknown_category",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Denied { decision } => write!(f, "{}", decision.reason),
            Refusal::NoRecipient => f.write_str("the file has no recipient"),
            Refusal::BadDescription { detail } => write!(f, "description: {detail} (T-7)"),
            Refusal::UnknownCategory { category } => {
                write!(f, "unknown document category {category:?} (T-4)")
            }
        }
    }
}

/// A file's place in a plan and whether it may go.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlannedFile {
    /// The file's index in the transfer.
    pub position: usize,
    /// The file.
    pub file: TransferFile,
    /// The decision when the route was evaluated.
    pub decision: Option<Decision>,
    /// Why it cannot be sent, if it cannot.
    pub refusal: Option<Refusal>,
}

/// A planned transfer, to show for confirmation (T-5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TransferPlan {
    /// The sending organisation.
    pub sender: Organisation,
    /// Who is sending (a staff id).
    pub sent_by: String,
    /// Every file with its decision.
    pub files: Vec<PlannedFile>,
}

impl TransferPlan {
    /// Whether every file may be sent.
    pub fn sendable(&self) -> bool {
        self.files.iter().all(|f| f.refusal.is_none())
    }
    /// The files that may not be sent, with their reasons.
    pub fn refusals(&self) -> Vec<(usize, Refusal)> {
        self.files
            .iter()
            .filter_map(|f| f.refusal.clone().map(|r| (f.position, r)))
            .collect()
    }
}

/// Why a transfer or a download was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    /// Some files cannot be sent; nothing was sent (T-5).
    #[error("nothing sent: {} file(s) refused; first: file {}", .refusals.len(), first(.refusals))]
    Refused {
        /// Each refused file's position and reason.
        refusals: Vec<(usize, Refusal)>,
    },
    /// A transfer with no files.
    #[error("a transfer needs at least one file (T-4)")]
    Empty,
    /// A download by an organisation that is not the file's recipient (T-6).
    #[error("file {file_id} is not addressed to {organisation}")]
    NotRecipient {
        /// The file's id.
        file_id: u64,
        /// The organisation that asked.
        organisation: String,
    },
    /// No file with this id.
    #[error("no file {file_id}")]
    UnknownFile {
        /// The id asked for.
        file_id: u64,
    },
    /// A snapshot that does not parse or breaks an invariant of the exchange; the first broken
    /// invariant is named.
    #[error("invalid exchange snapshot: {reason}")]
    Tampered {
        /// What is wrong.
        reason: String,
    },
}

fn first(refusals: &[(usize, Refusal)]) -> String {
    refusals
        .first()
        .map(|(p, r)| format!("{p}: {r}"))
        .unwrap_or_default()
}

impl TransferError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            TransferError::Refused { .. } => ErrorKind::TransferRefused,
            TransferError::Empty => ErrorKind::InvalidField,
            TransferError::NotRecipient { .. } => ErrorKind::NotRecipient,
            TransferError::UnknownFile { .. } => ErrorKind::InvalidField,
            TransferError::Tampered { .. } => ErrorKind::MalformedInput,
        }
    }
}

/// Copies the first file's recipient organisation to every file (T-4).
pub fn copy_first_recipient(files: &mut [TransferFile]) {
    if let Some(first) = files.first().map(|f| f.recipient.clone()) {
        files.iter_mut().for_each(|f| f.recipient = first.clone());
    }
}

/// Copies the first file's recipient role to every file (T-4).
pub fn copy_first_role(files: &mut [TransferFile]) {
    if let Some(first) = files.first().map(|f| f.role.clone()) {
        files.iter_mut().for_each(|f| f.role = first.clone());
    }
}

/// Copies the first file's description to every file (T-4).
pub fn copy_first_description(files: &mut [TransferFile]) {
    if let Some(first) = files.first().map(|f| f.description.clone()) {
        files.iter_mut().for_each(|f| f.description = first.clone());
    }
}

/// Checks a description (T-7): not empty, at most the policy's length.
pub fn check_description(policy: &RoutingPolicy, description: &str) -> Result<(), Refusal> {
    let length = description.trim().chars().count();
    if length == 0 {
        return Err(Refusal::BadDescription {
            detail: "must not be empty, e.g. \"CFC JN\"".into(),
        });
    }
    if length > policy.max_description() {
        return Err(Refusal::BadDescription {
            detail: format!(
                "{length} characters; at most {} (code + learner initials)",
                policy.max_description()
            ),
        });
    }
    Ok(())
}

/// Plans a transfer: every file's route is decided and its description checked (T-5).
pub fn plan(
    policy: &RoutingPolicy,
    sender: &Organisation,
    sent_by: &str,
    files: Vec<TransferFile>,
) -> TransferPlan {
    let files = files
        .into_iter()
        .enumerate()
        .map(|(position, file)| {
            let decision = file
                .recipient
                .as_ref()
                .map(|r| decide(policy, sender, r, &file.role, &file.category));
            // A name the policy does not list is refused first, as `decide` denies it (T-3).
            let refusal = match &decision {
                None => Some(Refusal::NoRecipient),
                Some(d) => match &d.reason {
                    Reason::UnknownCategory { .. } => Some(Refusal::UnknownCategory {
                        category: file.category.clone(),
                    }),
                    Reason::UnknownKind { .. } | Reason::UnknownRole { .. } => {
                        Some(Refusal::Denied {
                            decision: d.clone(),
                        })
                    }
                    _ => match check_description(policy, &file.description) {
                        Err(r) => Some(r),
                        Ok(()) if !d.allowed => Some(Refusal::Denied {
                            decision: d.clone(),
                        }),
                        Ok(()) => None,
                    },
                },
            };
            PlannedFile {
                position,
                file,
                decision,
                refusal,
            }
        })
        .collect();
    TransferPlan {
        sender: sender.clone(),
        sent_by: sent_by.to_owned(),
        files,
    }
}

/// A file held by the exchange.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HeldFile {
    /// The file's id in the exchange.
    pub id: u64,
    /// The sending organisation.
    pub sender: Organisation,
    /// The recipient organisation.
    pub recipient: Organisation,
    /// The file.
    pub file: TransferFile,
    /// When it was sent.
    pub sent_at: DateTime<Utc>,
}

/// An inbox line: a file and whether it has been downloaded (T-6).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InboxItem {
    /// The file.
    pub file: HeldFile,
    /// `true` once downloaded by the recipient organisation.
    pub downloaded: bool,
}

/// Who downloaded what, and when (T-6).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash)
)]
pub struct Receipt {
    /// The file's id.
    pub file_id: u64,
    /// The downloading organisation.
    pub organisation: String,
    /// The person who downloaded it (a staff id).
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// One line of the exchange's audit log.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AuditEvent {
    /// A file was sent.
    Sent {
        /// The file's id.
        file_id: u64,
        /// The sending organisation's id.
        sender: String,
        /// The staff id that sent it.
        by: String,
        /// When.
        at: DateTime<Utc>,
    },
    /// A file was downloaded.
    Downloaded {
        /// The receipt.
        receipt: Receipt,
    },
}

/// The secure transfer site: files sent, inboxes, receipts and an append-only audit log (T-5,
/// T-6). Serialises to JSON and restores exactly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    files: Vec<HeldFile>,
    receipts: Vec<Receipt>,
    log: Vec<AuditEvent>,
}

impl Exchange {
    /// An empty exchange.
    pub fn new() -> Exchange {
        Exchange::default()
    }

    /// The exchange as JSON (a snapshot), restorable by [`Exchange::restore`].
    pub fn to_json(&self) -> Result<String, TransferError> {
        serde_json::to_string(self).map_err(|e| TransferError::Tampered {
            reason: e.to_string(),
        })
    }

    /// Restores a snapshot taken by [`Exchange::to_json`], checking it against the invariants
    /// an exchange keeps, under the `policy` it runs with: file ids are 1, 2, 3, … in order;
    /// every held file's route and description are allowed by `policy` (T-1..T-7); every receipt
    /// is for a file sent to that organisation (T-6); and the audit log is exactly the sends and
    /// downloads, in order, each download after its file's send. The first broken invariant is
    /// named (`MalformedInput`).
    ///
    /// ```
    /// use ete_core::routing::{Exchange, RoutingPolicy};
    ///
    /// let policy = RoutingPolicy::default();
    /// let empty = Exchange::restore(&Exchange::new().to_json().unwrap(), &policy).unwrap();
    /// assert_eq!(empty, Exchange::new());
    /// assert!(Exchange::restore(r#"{"files":[],"receipts":[{"fileId":1,"organisation":"SCH-1",
    ///     "by":"T-1","at":"2026-11-02T09:00:00Z"}],"log":[]}"#, &policy).is_err());
    /// ```
    pub fn restore(text: &str, policy: &RoutingPolicy) -> Result<Exchange, TransferError> {
        let exchange: Exchange =
            crate::json::from_object(text).map_err(|e| TransferError::Tampered {
                reason: e.to_string(),
            })?;
        exchange
            .check(policy)
            .map_err(|reason| TransferError::Tampered { reason })?;
        Ok(exchange)
    }

    /// The first invariant the exchange breaks under `policy`, if any.
    fn check(&self, policy: &RoutingPolicy) -> Result<(), String> {
        for (expected, file) in (1u64..).zip(&self.files) {
            if file.id != expected {
                return Err(format!(
                    "file {} stands where file {expected} should",
                    file.id
                ));
            }
            let decision = decide(
                policy,
                &file.sender,
                &file.recipient,
                &file.file.role,
                &file.file.category,
            );
            if !decision.allowed {
                return Err(format!("file {}: {} (T-1..T-3)", file.id, decision.reason));
            }
            if file.file.recipient.as_ref() != Some(&file.recipient) {
                return Err(format!(
                    "file {}: its recipient differs from the file's",
                    file.id
                ));
            }
            check_description(policy, &file.file.description)
                .map_err(|r| format!("file {}: {r}", file.id))?;
        }
        for receipt in &self.receipts {
            let sent_to = self
                .files
                .iter()
                .find(|f| f.id == receipt.file_id)
                .map(|f| f.recipient.id.as_str());
            if sent_to != Some(receipt.organisation.as_str()) {
                return Err(format!(
                    "a receipt for file {} by an organisation it was not sent to (T-6)",
                    receipt.file_id
                ));
            }
        }
        let (mut files, mut receipts) = (self.files.iter(), self.receipts.iter());
        let mut sent = std::collections::HashSet::new();
        for (position, event) in self.log.iter().enumerate() {
            let matches = match event {
                AuditEvent::Sent {
                    file_id,
                    sender,
                    at,
                    ..
                } => {
                    files.next().is_some_and(|f| {
                        f.id == *file_id && f.sender.id == *sender && f.sent_at == *at
                    }) && sent.insert(*file_id)
                }
                AuditEvent::Downloaded { receipt } => {
                    receipts.next() == Some(receipt) && sent.contains(&receipt.file_id)
                }
            };
            if !matches {
                return Err(format!(
                    "audit log entry {position} does not match the files and receipts"
                ));
            }
        }
        if files.next().is_some() || receipts.next().is_some() {
            return Err("the audit log is missing sends or downloads".into());
        }
        Ok(())
    }

    /// Confirms a plan: decides every file again under `policy` (so a stale or edited plan
    /// cannot slip through) and sends every file, or none if any is refused (T-5). Returns the
    /// new files' ids.
    pub fn confirm(
        &mut self,
        policy: &RoutingPolicy,
        shown: &TransferPlan,
        at: DateTime<Utc>,
    ) -> Result<Vec<u64>, TransferError> {
        let files: Vec<TransferFile> = shown.files.iter().map(|f| f.file.clone()).collect();
        if files.is_empty() {
            return Err(TransferError::Empty);
        }
        let checked = plan(policy, &shown.sender, &shown.sent_by, files);
        if !checked.sendable() {
            return Err(TransferError::Refused {
                refusals: checked.refusals(),
            });
        }
        let start = (self.files.len() as u64).saturating_add(1);
        let mut held = Vec::with_capacity(checked.files.len());
        for (offset, planned) in (0u64..).zip(checked.files) {
            let Some(recipient) = planned.file.recipient.clone() else {
                return Err(TransferError::Refused {
                    refusals: vec![(planned.position, Refusal::NoRecipient)],
                });
            };
            held.push(HeldFile {
                id: start.saturating_add(offset),
                sender: checked.sender.clone(),
                recipient,
                file: planned.file,
                sent_at: at,
            });
        }
        let ids = held.iter().map(|f| f.id).collect();
        for file in held {
            self.log.push(AuditEvent::Sent {
                file_id: file.id,
                sender: file.sender.id.clone(),
                by: checked.sent_by.clone(),
                at,
            });
            self.files.push(file);
        }
        Ok(ids)
    }

    fn downloaded(&self, id: u64) -> bool {
        self.receipts.iter().any(|r| r.file_id == id)
    }

    /// The files addressed to an organisation, new and downloaded, oldest first (T-6).
    pub fn inbox(&self, organisation: &str) -> Vec<InboxItem> {
        self.files
            .iter()
            .filter(|f| f.recipient.id == organisation)
            .map(|f| InboxItem {
                file: f.clone(),
                downloaded: self.downloaded(f.id),
            })
            .collect()
    }

    /// Downloads a file, recording a receipt; only the recipient organisation may (T-6).
    pub fn download(
        &mut self,
        file_id: u64,
        organisation: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Receipt, TransferError> {
        let file = self
            .files
            .iter()
            .find(|f| f.id == file_id)
            .ok_or(TransferError::UnknownFile { file_id })?;
        if file.recipient.id != organisation {
            return Err(TransferError::NotRecipient {
                file_id,
                organisation: organisation.to_owned(),
            });
        }
        let receipt = Receipt {
            file_id,
            organisation: organisation.to_owned(),
            by: by.to_owned(),
            at,
        };
        self.receipts.push(receipt.clone());
        self.log.push(AuditEvent::Downloaded {
            receipt: receipt.clone(),
        });
        Ok(receipt)
    }

    /// Downloads every new file addressed to the organisation (T-6).
    pub fn download_all(
        &mut self,
        organisation: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Vec<Receipt> {
        let new: Vec<u64> = self
            .inbox(organisation)
            .into_iter()
            .filter(|i| !i.downloaded)
            .map(|i| i.file.id)
            .collect();
        new.into_iter()
            .filter_map(|id| self.download(id, organisation, by, at).ok())
            .collect()
    }

    /// Every send and download, in order.
    pub fn audit_log(&self) -> &[AuditEvent] {
        &self.log
    }
}
