//! An exchange's snapshot: `{format, files, receipts, events, chain}`, checked on restore by
//! verifying the events' hash chain, replaying the events under the policy and comparing the
//! files and receipts with their fold. Format 1
//! (`{files, receipts, log}`, before the exchange had commands) is migrated on read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Exchange, ExchangeEvent, ExchangeEventKind, HeldFile, Receipt};
use crate::chain::Chain;
use crate::routing::policy::RoutingPolicy;
use crate::routing::transfer::TransferError;

/// The format an exchange snapshot is written in.
pub const EXCHANGE_FORMAT: u32 = 2;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Written<'a> {
    format: u32,
    files: &'a [HeldFile],
    receipts: &'a [Receipt],
    events: &'a [ExchangeEvent],
    chain: &'a Chain,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Read {
    #[serde(default)]
    format: Option<u32>,
    files: Vec<HeldFile>,
    receipts: Vec<Receipt>,
    #[serde(default)]
    events: Option<Vec<ExchangeEvent>>,
    #[serde(default)]
    log: Option<Vec<FormatOneEvent>>,
    #[serde(default)]
    chain: Option<Chain>,
}

/// A line of format 1's audit log.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum FormatOneEvent {
    Sent {
        file_id: u64,
        sender: String,
        by: String,
        at: DateTime<Utc>,
    },
    Downloaded {
        receipt: Receipt,
    },
}

fn refused(reason: impl Into<String>) -> TransferError {
    TransferError::Tampered {
        reason: reason.into(),
    }
}

/// Format 1's log as events: each line one command, named by its position.
fn migrate(
    files: &[HeldFile],
    log: Vec<FormatOneEvent>,
) -> Result<Vec<ExchangeEvent>, TransferError> {
    log.into_iter()
        .enumerate()
        .map(|(position, line)| {
            let command = format!("format-1-{position}");
            match line {
                FormatOneEvent::Sent {
                    file_id,
                    sender,
                    by,
                    at,
                } => {
                    let held = files
                        .iter()
                        .find(|f| f.id == file_id && f.sender.id == sender && f.sent_at == at)
                        .ok_or_else(|| {
                            refused(format!(
                                "audit log entry {position} does not match the files"
                            ))
                        })?;
                    Ok(ExchangeEvent {
                        command,
                        actor: by,
                        at,
                        kind: ExchangeEventKind::Sent {
                            file_id,
                            sender: held.sender.clone(),
                            file: held.file.clone(),
                        },
                    })
                }
                FormatOneEvent::Downloaded { receipt } => Ok(ExchangeEvent {
                    command,
                    actor: receipt.by,
                    at: receipt.at,
                    kind: ExchangeEventKind::Downloaded {
                        file_id: receipt.file_id,
                        organisation: receipt.organisation,
                    },
                }),
            }
        })
        .collect()
}

impl Exchange {
    /// The exchange as JSON (a snapshot, format [`EXCHANGE_FORMAT`]), restorable by
    /// [`Exchange::restore`].
    pub fn to_json(&self) -> Result<String, TransferError> {
        serde_json::to_string(&Written {
            format: EXCHANGE_FORMAT,
            files: &self.files,
            receipts: &self.receipts,
            events: &self.events,
            chain: &self.chain,
        })
        .map_err(|e| refused(e.to_string()))
    }

    /// Restores a snapshot taken by [`Exchange::to_json`] to an exchange that runs under
    /// `policy`: the events' hash chain must verify ([`crate::chain`]; the first broken
    /// position is named), its events are replayed under `policy` (file ids 1, 2, 3, … in order; every
    /// route and description allowed, T-1..T-7; downloads only by a file's recipient, T-6; a
    /// command id used once) and its files and receipts must be their fold. A snapshot of
    /// format 1 is migrated; a newer format than [`EXCHANGE_FORMAT`] is refused. Every refusal
    /// is [`TransferError::Tampered`] (`MalformedInput`) naming the first broken invariant.
    ///
    /// ```
    /// use ete_core::routing::{Exchange, RoutingPolicy};
    ///
    /// let policy = RoutingPolicy::default();
    /// let empty = Exchange::restore(&Exchange::default().to_json().unwrap(), &policy).unwrap();
    /// assert_eq!(empty, Exchange::default());
    /// assert!(Exchange::restore(r#"{"format":2,"files":[],"receipts":[{"fileId":1,
    ///     "organisation":"SCH-1","by":"T-1","at":"2026-11-02T09:00:00Z"}],"events":[],"chain":[]}"#,
    ///     &policy).is_err());
    /// assert!(Exchange::restore(r#"{"format":3,"files":[],"receipts":[],"events":[],
    ///     "chain":[]}"#, &policy).unwrap_err().to_string().contains("newer"));
    /// ```
    pub fn restore(text: &str, policy: &RoutingPolicy) -> Result<Exchange, TransferError> {
        let read: Read = crate::json::from_object(text).map_err(|e| {
            refused(format!(
                "not an exchange snapshot ({:?} error at line {}, column {})",
                e.classify(),
                e.line(),
                e.column()
            ))
        })?;
        let format = read.format.unwrap_or(1);
        crate::format::check_version("exchange snapshot", format, EXCHANGE_FORMAT)
            .map_err(refused)?;
        let events = match (format, read.events, read.log, read.chain) {
            // Format 1 had no chain: the migrated events get one.
            (1, None, Some(log), None) => migrate(&read.files, log)?,
            (1, ..) => {
                return Err(refused(
                    "a format 1 snapshot has a log, no events, no chain",
                ));
            }
            (_, Some(events), None, Some(chain)) => {
                chain.verify(&events).map_err(|e| refused(e.to_string()))?;
                events
            }
            _ => return Err(refused("a snapshot has events and their chain, and no log")),
        };
        let exchange = Exchange::replay(&events, policy.clone())?;
        if exchange.files != read.files {
            return Err(refused("the files are not the fold of the events"));
        }
        if exchange.receipts != read.receipts {
            return Err(refused("the receipts are not the fold of the events"));
        }
        Ok(exchange)
    }
}
