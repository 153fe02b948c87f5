//! Transfers (T-4, T-5, T-7): files with recipients, planned and shown; the
//! [`Exchange`](crate::routing::Exchange) confirms them, all or nothing.

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::routing::decision::{Decision, Organisation, Reason, decide};
use crate::routing::policy::RoutingPolicy;

/// One file of a transfer (T-4). Its name and description may carry a learner's name or
/// initials, so `Debug` (and Python's `repr`) show its category, role and recipient only.
#[cfg_attr(feature = "python", derive(pyderive::PyNew))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash)
)]
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct TransferFile {
    /// The file's name.
    pub name: String,
    /// The recipient organisation; every file needs one.
    pub recipient: Option<Organisation>,
    /// The recipient role (e.g. `dsl`).
    pub role: String,
    /// The description: code + learner initials, e.g. `CFC JN` (T-7).
    pub description: String,
    /// The document category.
    pub category: String,
}

impl std::fmt::Debug for TransferFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransferFile")
            .field("category", &self.category)
            .field("role", &self.role)
            .field("recipient", &self.recipient.as_ref().map(|o| &o.id))
            .finish_non_exhaustive()
    }
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

/// A file of a transfer that may not be sent: its index in the transfer and why (Python's
/// `Refusal`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "python",
    pyclass(name = "Refusal", module = "ete_core", frozen)
)]
pub struct FileRefusal {
    /// The file's index in the transfer.
    pub position: usize,
    /// Why it may not be sent.
    pub refusal: Refusal,
}

/// A position and its refusal, as [`TransferPlan::refusals`] and errors list them.
impl From<(usize, Refusal)> for FileRefusal {
    fn from((position, refusal): (usize, Refusal)) -> FileRefusal {
        FileRefusal { position, refusal }
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
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen))]
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
    /// A command with an empty id or actor, or an id already used by another command.
    #[error("invalid {field} {value:?}: {reason}")]
    InvalidField {
        /// The field.
        field: String,
        /// The value (at most 40 characters of an id).
        value: String,
        /// What is wrong.
        reason: String,
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
            TransferError::InvalidField { .. } => ErrorKind::InvalidField,
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
