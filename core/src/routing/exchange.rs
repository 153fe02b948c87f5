//! The secure transfer site (T-5, T-6) as an [`Aggregate`](crate::Aggregate): a command
//! ([`ExchangeCommand`]) carries an id, an actor (a staff id) and a time; what it changed is one
//! event per file sent or downloaded ([`ExchangeEvent`]); the files, inboxes and receipts are
//! the fold of the events, so the events are the audit log.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ete_core::Aggregate;
//! use ete_core::routing::*;
//!
//! let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
//! let school = Organisation::new("school", "SCH-1");
//! let file = TransferFile { name: "plan.pdf".into(), recipient: Some(school),
//!     role: "dsl".into(), description: "LSP JN".into(), category: "learner_support_plan".into() };
//! let send = ExchangeCommand { id: "c1".into(), actor: "CAP-7".into(), at,
//!     action: ExchangeAction::Send { sender: Organisation::new("hub", "CAP"), files: vec![file] } };
//! let mut exchange = Exchange::new(RoutingPolicy::default());
//! assert_eq!(exchange.execute(&send)?.len(), 1);
//! assert!(exchange.execute(&send)?.is_empty()); // a retry changes nothing
//! let again = Exchange::replay(exchange.events(), RoutingPolicy::default())?;
//! assert_eq!(again, exchange);
//! # Ok::<(), TransferError>(())
//! ```

mod snapshot;

pub use snapshot::EXCHANGE_FORMAT;

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::chain::Chain;
use crate::routing::decision::Organisation;
use crate::routing::policy::RoutingPolicy;
use crate::routing::transfer::{Refusal, TransferError, TransferFile, TransferPlan, plan};

/// A file held by the exchange.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HeldFile {
    /// The file's id in the exchange: 1, 2, 3, … in the order sent.
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
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen))]
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

// Named `Exchange…` so that each has one name across the FFI, where every module's types share
// one namespace; Rust code may also know them as `routing::{Action, Command, Event, EventKind}`.

/// What an exchange command asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ExchangeAction {
    /// Send every file, decided again under the exchange's policy, or none (T-5).
    Send {
        /// The sending organisation.
        sender: Organisation,
        /// The files, each with its recipient.
        files: Vec<TransferFile>,
    },
    /// Download one file; only its recipient organisation may (T-6).
    Download {
        /// The file's id.
        file_id: u64,
        /// The downloading organisation.
        organisation: String,
    },
    /// Download every file addressed to the organisation not yet downloaded (T-6). When there
    /// is none, nothing happens and the id is not used.
    DownloadAll {
        /// The downloading organisation.
        organisation: String,
    },
}

/// A command to an exchange: an id (retrying it changes nothing), who (a staff id) and when
/// (the clock is an argument), and what it asks.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExchangeCommand {
    /// The command's id.
    pub id: String,
    /// Who gives it (a staff id).
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
    /// What it asks.
    pub action: ExchangeAction,
}

/// What happened to one file.
// A download is smaller than a send; boxing the file would cost an allocation per send and a
// `Box` across the FFI for no measured gain.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ExchangeEventKind {
    /// A file was sent (T-5); its recipient is the file's.
    Sent {
        /// The file's id in the exchange.
        file_id: u64,
        /// The sending organisation.
        sender: Organisation,
        /// The file.
        file: TransferFile,
    },
    /// A file was downloaded by its recipient organisation (T-6).
    Downloaded {
        /// The file's id.
        file_id: u64,
        /// The downloading organisation.
        organisation: String,
    },
}

/// An event: the command it came from, who, when and what happened; the exchange's audit log.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExchangeEvent {
    /// The command's id.
    pub command: String,
    /// Who (a staff id).
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
    /// What happened.
    #[serde(flatten)]
    pub kind: ExchangeEventKind,
}

impl ExchangeEvent {
    /// The receipt a download event records: the file, the organisation, who and when.
    pub fn receipt(&self) -> Option<Receipt> {
        match &self.kind {
            ExchangeEventKind::Downloaded {
                file_id,
                organisation,
            } => Some(Receipt {
                file_id: *file_id,
                organisation: organisation.clone(),
                by: self.actor.clone(),
                at: self.at,
            }),
            ExchangeEventKind::Sent { .. } => None,
        }
    }

    /// The id of the file a send event sent.
    pub fn sent_file(&self) -> Option<u64> {
        match self.kind {
            ExchangeEventKind::Sent { file_id, .. } => Some(file_id),
            ExchangeEventKind::Downloaded { .. } => None,
        }
    }
}

/// The secure transfer site: files sent, inboxes and receipts (T-5, T-6), the fold of its
/// events under the routing policy it runs with. Every change is an [`ExchangeCommand`] run by
/// [`Exchange::execute`]; [`Exchange::replay`] rebuilds it from its events, and
/// [`Exchange::restore`] refuses a snapshot whose events do not replay under the policy or
/// whose files and receipts are not their fold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    policy: RoutingPolicy,
    files: Vec<HeldFile>,
    receipts: Vec<Receipt>,
    events: Vec<ExchangeEvent>,
    /// The hash chain of the events.
    chain: Chain,
    /// Each executed command's id, with the position of its first event.
    commands: BTreeMap<String, usize>,
}

impl Default for Exchange {
    fn default() -> Exchange {
        Exchange::new(RoutingPolicy::default())
    }
}

fn tampered(position: usize, reason: impl std::fmt::Display) -> TransferError {
    TransferError::Tampered {
        reason: format!("event {position}: {reason}"),
    }
}

impl Exchange {
    /// An empty exchange that decides every file under `policy` (T-1..T-7).
    pub fn new(policy: RoutingPolicy) -> Exchange {
        Exchange {
            policy,
            files: Vec::new(),
            receipts: Vec::new(),
            events: Vec::new(),
            chain: Chain::default(),
            commands: BTreeMap::new(),
        }
    }

    /// The routing policy the exchange decides under.
    pub fn policy(&self) -> &RoutingPolicy {
        &self.policy
    }

    /// Every event, oldest first: the audit log of sends and downloads (T-6).
    pub fn events(&self) -> &[ExchangeEvent] {
        &self.events
    }

    /// The hash chain of the events ([`crate::chain`]).
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// The head hash of the events' chain: publish it, and a rewrite of the whole log is
    /// caught against it ([`crate::chain`]).
    pub fn head_hash(&self) -> String {
        self.chain.head()
    }

    /// Every receipt, oldest first.
    pub fn receipts(&self) -> &[Receipt] {
        &self.receipts
    }

    /// Whether a command id has been executed.
    pub fn has_executed(&self, command: &str) -> bool {
        self.commands.contains_key(command)
    }

    /// The events a command caused, oldest first (none for an id never executed): what a
    /// retry of that command answers with.
    pub fn events_of(&self, command: &str) -> &[ExchangeEvent] {
        let Some(&start) = self.commands.get(command) else {
            return &[];
        };
        let rest = self.events.get(start..).unwrap_or_default();
        let end = rest
            .iter()
            .position(|e| e.command != command)
            .unwrap_or(rest.len());
        rest.get(..end).unwrap_or_default()
    }

    /// A command id not yet used, for the convenience methods ([`Exchange::confirm`],
    /// [`Exchange::download`], [`Exchange::download_all`]).
    pub fn next_command_id(&self) -> String {
        let mut n = self.events.len();
        loop {
            let id = format!("#{n}");
            if !self.commands.contains_key(&id) {
                return id;
            }
            n = n.saturating_add(1);
        }
    }

    /// Runs a command: decides its events, applies them and returns them. A refused command
    /// leaves the exchange unchanged; a command id already executed with the same command
    /// returns no events, and with another command is refused (`InvalidField`). A command
    /// dated before the exchange's last event, or a download dated before the file was sent,
    /// is `InvalidField` naming `at`, the value and the time it may not precede (T-6: the
    /// audit log runs forward).
    pub fn execute(
        &mut self,
        command: &ExchangeCommand,
    ) -> Result<Vec<ExchangeEvent>, TransferError> {
        crate::Aggregate::execute(self, command)
    }

    /// What a command changes, or why it is refused.
    fn decide_kinds(
        &self,
        command: &ExchangeCommand,
    ) -> Result<Vec<ExchangeEventKind>, TransferError> {
        let at = |reason: String| TransferError::InvalidField {
            field: "at".into(),
            value: command.at.to_rfc3339(),
            reason,
        };
        // A download is checked against its file's send first, which names the file; then
        // every command against the last event, so the audit log runs forward.
        let before_last = || match self.events.last() {
            Some(last) if command.at < last.at => Err(at(format!(
                "before the exchange's last event at {} (T-6: the audit log runs forward)",
                last.at.to_rfc3339()
            ))),
            _ => Ok(()),
        };
        let before_send = |file: &HeldFile| {
            at(format!(
                "before file {} was sent at {} (T-6: a file is downloaded after it is sent)",
                file.id,
                file.sent_at.to_rfc3339()
            ))
        };
        match &command.action {
            ExchangeAction::Send { sender, files } => {
                before_last()?;
                if files.is_empty() {
                    return Err(TransferError::Empty);
                }
                let checked = plan(&self.policy, sender, &command.actor, files.clone());
                if !checked.sendable() {
                    return Err(TransferError::Refused {
                        refusals: checked.refusals(),
                    });
                }
                let start = u64::try_from(self.files.len())
                    .unwrap_or(u64::MAX)
                    .saturating_add(1);
                Ok((0u64..)
                    .zip(files)
                    .map(|(offset, file)| ExchangeEventKind::Sent {
                        file_id: start.saturating_add(offset),
                        sender: sender.clone(),
                        file: file.clone(),
                    })
                    .collect())
            }
            ExchangeAction::Download {
                file_id,
                organisation,
            } => {
                let file = self
                    .file(*file_id)
                    .ok_or(TransferError::UnknownFile { file_id: *file_id })?;
                if file.recipient.id != *organisation {
                    return Err(TransferError::NotRecipient {
                        file_id: *file_id,
                        organisation: organisation.clone(),
                    });
                }
                if command.at < file.sent_at {
                    return Err(before_send(file));
                }
                before_last()?;
                Ok(vec![ExchangeEventKind::Downloaded {
                    file_id: *file_id,
                    organisation: organisation.clone(),
                }])
            }
            ExchangeAction::DownloadAll { organisation } => {
                let new = self.inbox(organisation);
                let new: Vec<_> = new.into_iter().filter(|i| !i.downloaded).collect();
                if let Some(item) = new.iter().find(|i| command.at < i.file.sent_at) {
                    return Err(before_send(&item.file));
                }
                before_last()?;
                Ok(new
                    .into_iter()
                    .map(|i| ExchangeEventKind::Downloaded {
                        file_id: i.file.id,
                        organisation: organisation.clone(),
                    })
                    .collect())
            }
        }
    }

    /// Whether `command` is the one that produced the events from `start`.
    fn same_command(&self, start: usize, command: &ExchangeCommand) -> bool {
        let events: Vec<&ExchangeEvent> = self
            .events
            .iter()
            .skip(start)
            .take_while(|e| e.command == command.id)
            .collect();
        if !events
            .iter()
            .all(|e| e.actor == command.actor && e.at == command.at)
        {
            return false;
        }
        match &command.action {
            ExchangeAction::Send { sender, files } => {
                events.len() == files.len()
                    && events.iter().zip(files).all(|(e, f)| {
                        matches!(&e.kind, ExchangeEventKind::Sent { sender: s, file, .. }
                            if s == sender && file == f)
                    })
            }
            ExchangeAction::Download {
                file_id,
                organisation,
            } => matches!(events.as_slice(), [e] if e.kind == ExchangeEventKind::Downloaded {
                file_id: *file_id, organisation: organisation.clone() }),
            ExchangeAction::DownloadAll { organisation } => events.iter().all(|e| {
                matches!(&e.kind, ExchangeEventKind::Downloaded { organisation: o, .. }
                    if o == organisation)
            }),
        }
    }

    /// Folds one event, checking it could have happened under the exchange's policy: file ids
    /// 1, 2, 3, … in order, every route and description allowed (T-1..T-7), a download only by
    /// the file's recipient and not before the file was sent, no event before the one before
    /// it (T-6), a command's events together.
    pub fn apply(&mut self, event: &ExchangeEvent) -> Result<(), TransferError> {
        let position = self.events.len();
        if event.command.trim().is_empty() || event.actor.trim().is_empty() {
            return Err(tampered(position, "an event without a command id or actor"));
        }
        let continues = self
            .events
            .last()
            .is_some_and(|last| last.command == event.command);
        if continues
            && self
                .events
                .last()
                .is_some_and(|last| last.actor != event.actor || last.at != event.at)
        {
            return Err(tampered(
                position,
                "the events of one command differ in actor or time",
            ));
        }
        if !continues && self.commands.contains_key(&event.command) {
            return Err(tampered(
                position,
                format!(
                    "command id {:?} appears again after another command",
                    event.command.chars().take(40).collect::<String>()
                ),
            ));
        }
        if let Some(last) = self.events.last()
            && event.at < last.at
        {
            return Err(tampered(
                position,
                format!(
                    "an event dated {} before the exchange's last event at {} (T-6: the audit \
                     log runs forward)",
                    event.at.to_rfc3339(),
                    last.at.to_rfc3339()
                ),
            ));
        }
        match &event.kind {
            ExchangeEventKind::Sent {
                file_id,
                sender,
                file,
            } => {
                let expected = u64::try_from(self.files.len())
                    .unwrap_or(u64::MAX)
                    .saturating_add(1);
                if *file_id != expected {
                    return Err(tampered(
                        position,
                        format!("file {file_id} stands where file {expected} should"),
                    ));
                }
                let checked = plan(&self.policy, sender, &event.actor, vec![file.clone()]);
                if let Some((_, refusal)) = checked.refusals().into_iter().next() {
                    return Err(tampered(position, format!("file {file_id}: {refusal}")));
                }
                let Some(recipient) = file.recipient.clone() else {
                    return Err(tampered(position, Refusal::NoRecipient));
                };
                self.files.push(HeldFile {
                    id: *file_id,
                    sender: sender.clone(),
                    recipient,
                    file: file.clone(),
                    sent_at: event.at,
                });
            }
            ExchangeEventKind::Downloaded {
                file_id,
                organisation,
            } => {
                let Some(file) = self
                    .file(*file_id)
                    .filter(|f| f.recipient.id == *organisation)
                else {
                    return Err(tampered(
                        position,
                        format!(
                            "a download of file {file_id} by an organisation it was not sent \
                             to (T-6)"
                        ),
                    ));
                };
                if event.at < file.sent_at {
                    return Err(tampered(
                        position,
                        format!("a download of file {file_id} before it was sent (T-6)"),
                    ));
                }
                self.receipts.push(Receipt {
                    file_id: *file_id,
                    organisation: organisation.clone(),
                    by: event.actor.clone(),
                    at: event.at,
                });
            }
        }
        self.chain
            .push(event)
            .map_err(|e| tampered(position, e.reason))?;
        if !continues {
            self.commands.insert(event.command.clone(), position);
        }
        self.events.push(event.clone());
        Ok(())
    }

    /// Rebuilds an exchange from its events under `policy`; an event that could not have
    /// happened is [`TransferError::Tampered`] (`MalformedInput`) naming its position.
    pub fn replay(
        events: &[ExchangeEvent],
        policy: RoutingPolicy,
    ) -> Result<Exchange, TransferError> {
        let mut exchange = Exchange::new(policy);
        for event in events {
            exchange.apply(event)?;
        }
        Ok(exchange)
    }

    fn file(&self, id: u64) -> Option<&HeldFile> {
        let index = usize::try_from(id.checked_sub(1)?).ok()?;
        self.files.get(index).filter(|f| f.id == id)
    }

    fn downloaded(&self, id: u64) -> bool {
        self.receipts.iter().any(|r| r.file_id == id)
    }

    /// Every file held, oldest first.
    pub fn files(&self) -> &[HeldFile] {
        &self.files
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

    /// Sends every file of a shown plan, decided again under the exchange's policy (so a stale
    /// or edited plan cannot slip through), or none if any is refused (T-5): a
    /// [`ExchangeAction::Send`] by the plan's `sent_by` under a fresh command id. Returns the
    /// new files' ids.
    pub fn confirm(
        &mut self,
        shown: &TransferPlan,
        at: DateTime<Utc>,
    ) -> Result<Vec<u64>, TransferError> {
        let action = ExchangeAction::Send {
            sender: shown.sender.clone(),
            files: shown.files.iter().map(|f| f.file.clone()).collect(),
        };
        let events = self.run(&shown.sent_by, at, action)?;
        Ok(events.iter().filter_map(ExchangeEvent::sent_file).collect())
    }

    /// Downloads a file under a fresh command id, recording a receipt; only the recipient
    /// organisation may (T-6).
    pub fn download(
        &mut self,
        file_id: u64,
        organisation: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Receipt, TransferError> {
        let action = ExchangeAction::Download {
            file_id,
            organisation: organisation.to_owned(),
        };
        let events = self.run(by, at, action)?;
        events
            .iter()
            .find_map(ExchangeEvent::receipt)
            .ok_or(TransferError::Tampered {
                reason: "internal: a download left no receipt".into(),
            })
    }

    /// Downloads every new file addressed to the organisation under a fresh command id (T-6).
    pub fn download_all(
        &mut self,
        organisation: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Vec<Receipt>, TransferError> {
        let action = ExchangeAction::DownloadAll {
            organisation: organisation.to_owned(),
        };
        let events = self.run(by, at, action)?;
        Ok(events.iter().filter_map(ExchangeEvent::receipt).collect())
    }

    fn run(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        action: ExchangeAction,
    ) -> Result<Vec<ExchangeEvent>, TransferError> {
        let command = ExchangeCommand {
            id: self.next_command_id(),
            actor: actor.to_owned(),
            at,
            action,
        };
        self.execute(&command)
    }
}

impl crate::CommandId for ExchangeCommand {
    fn command_id(&self) -> &str {
        &self.id
    }
}

impl crate::Aggregate for Exchange {
    type Command = ExchangeCommand;
    type Event = ExchangeEvent;
    type Error = TransferError;

    /// A command's events (T-5, T-6); an empty command id or actor is refused.
    fn decide(&self, command: &ExchangeCommand) -> Result<Vec<ExchangeEvent>, TransferError> {
        for (field, value) in [("command id", &command.id), ("actor", &command.actor)] {
            if value.trim().is_empty() {
                return Err(TransferError::InvalidField {
                    field: field.into(),
                    value: value.clone(),
                    reason: "must not be empty (T-6: the log records who did what)".into(),
                });
            }
        }
        Ok(self
            .decide_kinds(command)?
            .into_iter()
            .map(|kind| ExchangeEvent {
                command: command.id.clone(),
                actor: command.actor.clone(),
                at: command.at,
                kind,
            })
            .collect())
    }
    fn apply(&mut self, event: &ExchangeEvent) -> Result<(), TransferError> {
        Exchange::apply(self, event)
    }
    fn has_executed(&self, command: &str) -> bool {
        Exchange::has_executed(self, command)
    }
    /// The same id with a different command is `InvalidField`.
    fn check_retry(&self, command: &ExchangeCommand) -> Result<(), TransferError> {
        match self.commands.get(&command.id) {
            Some(&start) if !self.same_command(start, command) => {
                Err(TransferError::InvalidField {
                    field: "command id".into(),
                    value: command.id.chars().take(40).collect(),
                    reason: "already executed with a different command: an id names one command"
                        .into(),
                })
            }
            _ => Ok(()),
        }
    }
    /// Applies in place: `decide` has checked what `apply` checks; should an event still not
    /// apply, the exchange is put back as it was and the error says so.
    fn apply_decided(&mut self, events: &[ExchangeEvent]) -> Result<(), TransferError> {
        let Some(first) = events.first() else {
            return Ok(());
        };
        let command = first.command.clone();
        let (files, receipts, count) = (self.files.len(), self.receipts.len(), self.events.len());
        if let Err(e) = events.iter().try_for_each(|event| self.apply(event)) {
            self.files.truncate(files);
            self.receipts.truncate(receipts);
            self.events.truncate(count);
            self.chain.truncate(count);
            self.commands.remove(&command);
            return Err(TransferError::Tampered {
                reason: format!("internal: a decided event did not apply: {e}"),
            });
        }
        Ok(())
    }
}
