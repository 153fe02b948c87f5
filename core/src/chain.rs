//! Tamper-evident logs: a SHA-256 hash chain over an aggregate's events (issue 14 item 10).
//!
//! Each event's link is `SHA-256(previous link ‖ canonical(event))`, the previous link taken as
//! its 64 hexadecimal characters and the first event's previous link being [`EMPTY_HEAD`] (32
//! zero bytes); `canonical(event)` is the event's JSON with every object's keys in
//! sorted order and no whitespace (what `serde_json::Value` writes), so the same event always
//! hashes the same, whichever language wrote it. The links are written in hexadecimal beside
//! the events in a snapshot (`"chain"`), and the last one is the log's *head hash*.
//!
//! [`Chain::verify`] recomputes every link and names the first position where the stored link
//! differs: an event edited, inserted, removed or reordered breaks the chain there, and a
//! restore refuses it.
//!
//! **What it does not prove.** The chain is made of public functions of the events, so whoever
//! can rewrite a snapshot can also rewrite the whole chain to match: a rewritten log is only
//! caught against a head hash published or kept elsewhere (compare [`Chain::head`] with the
//! head you recorded). Dropping events from the end leaves a valid, shorter chain: truncation
//! is only caught against a length recorded elsewhere. The chain says nothing about who wrote
//! an event (it is not a signature) nor whether the event was allowed (the rules, replayed on
//! restore, check that).
//!
//! ```
//! use ete_core::chain::Chain;
//!
//! let events = vec![serde_json::json!({"type": "sent", "fileId": 1}),
//!                   serde_json::json!({"type": "downloaded", "fileId": 1})];
//! let chain = Chain::of(&events).unwrap();
//! assert!(chain.verify(&events).is_ok());
//! let mut edited = events.clone();
//! edited[1]["fileId"] = 2.into();
//! assert_eq!(chain.verify(&edited).unwrap_err().position, 1);
//! assert_eq!(chain.head().len(), 64);
//! ```

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The links of a log's hash chain, one per event, in hexadecimal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Chain {
    links: Vec<String>,
    /// The link before the first event: [`EMPTY_HEAD`] when `None`, else the hash of what the
    /// aggregate was opened with (a register's lesson and learners), so that the head hash
    /// covers it too. Not written: the aggregate's snapshot holds it (`"opening"`).
    #[serde(skip)]
    base: Option<String>,
}

/// Where a chain breaks: the first event whose link is not the hash of the link before and
/// the event (or an event without a link, or a link without an event).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the hash chain breaks at event {position}: {reason}")]
pub struct ChainBreak {
    /// The position of the first event whose link does not match.
    pub position: usize,
    /// What is wrong.
    pub reason: String,
}

/// The head hash of an empty log: 32 zero bytes, in hexadecimal.
pub const EMPTY_HEAD: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The link after `previous` (hexadecimal, or [`EMPTY_HEAD`]) for `event`.
pub fn link<E: Serialize>(previous: &str, event: &E) -> Result<String, ChainBreak> {
    let canonical = serde_json::to_value(event)
        .and_then(|v| serde_json::to_string(&v))
        .map_err(|e| ChainBreak {
            position: 0,
            reason: format!("an event cannot be written: {e}"),
        })?;
    let mut hasher = Sha256::new();
    hasher.update(previous.as_bytes());
    hasher.update(canonical.as_bytes());
    Ok(format!("{:x}", hasher.finalize()))
}

/// The opening hash of an aggregate opened with `opening` (a register's lesson and learners):
/// the link after [`EMPTY_HEAD`] for it. A chain [`Chain::starting_at`] it covers what the
/// aggregate was opened with, so a changed lesson or learner list breaks the chain at event 0
/// (or, with no event, differs from the opening hash the snapshot holds).
pub fn opening<E: Serialize>(opening: &E) -> Result<String, ChainBreak> {
    link(EMPTY_HEAD, opening)
}

impl ChainBreak {
    /// The language-neutral kind of this error: `MalformedInput`.
    pub fn kind(&self) -> crate::ErrorKind {
        crate::ErrorKind::MalformedInput
    }
}

/// Verifies the hash chain of a snapshot written by an aggregate — an exchange, a register or
/// a placement (`events`) or a requirement (`entries`), with its `chain` — without restoring it, and
/// returns its head hash. The first broken position is named; a snapshot without a chain is a
/// break at 0. A snapshot with an `"opening"` hash (a register, a requirement or a placement
/// of format 3) has its chain
/// checked from it. Only the links of the event log are checked: the state the snapshot also holds
/// (an exchange's files, a register's lesson) and its `format` are checked by restoring it.
///
/// ```
/// use ete_core::chain::{EMPTY_HEAD, verify_json};
/// assert_eq!(verify_json(r#"{"events": [], "chain": []}"#).unwrap(), EMPTY_HEAD);
/// assert_eq!(verify_json(r#"{"events": [{"a": 1}], "chain": []}"#).unwrap_err().position, 0);
/// ```
pub fn verify_json(text: &str) -> Result<String, ChainBreak> {
    let at_start = |reason: String| ChainBreak {
        position: 0,
        reason,
    };
    let object: serde_json::Map<String, serde_json::Value> = crate::json::from_object(text)
        .map_err(|e| {
            at_start(format!(
                "not a snapshot: {:?} error at line {}",
                e.classify(),
                e.line()
            ))
        })?;
    let events = object
        .get("events")
        .or_else(|| object.get("entries"))
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| at_start("the snapshot has no events or entries".into()))?;
    let mut chain: Chain = object
        .get("chain")
        .cloned()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|_| at_start("the chain is not a list of links".into()))?
        .ok_or_else(|| at_start("the snapshot has no hash chain".into()))?;
    if let Some(opening) = object.get("opening") {
        let opening = opening
            .as_str()
            .ok_or_else(|| at_start("the opening hash is not a string".into()))?;
        chain = chain.starting_at(opening.to_owned());
    }
    chain.verify(events)?;
    Ok(chain.head())
}

impl Chain {
    /// The chain of `events`.
    pub fn of<E: Serialize>(events: &[E]) -> Result<Chain, ChainBreak> {
        let mut chain = Chain::default();
        for (position, event) in events.iter().enumerate() {
            chain
                .push(event)
                .map_err(|e| ChainBreak { position, ..e })?;
        }
        Ok(chain)
    }

    /// An empty chain whose first event links to `base` (an aggregate's opening hash, see
    /// [`opening`]) instead of [`EMPTY_HEAD`]; links already held are kept.
    pub fn starting_at(self, base: String) -> Chain {
        Chain {
            links: self.links,
            base: Some(base),
        }
    }

    /// The link before the first event: the opening hash, or [`EMPTY_HEAD`].
    pub fn base(&self) -> &str {
        self.base.as_deref().unwrap_or(EMPTY_HEAD)
    }

    /// Appends the link of the next event.
    pub fn push<E: Serialize>(&mut self, event: &E) -> Result<(), ChainBreak> {
        let next = link(&self.head(), event)?;
        self.links.push(next);
        Ok(())
    }

    /// Removes the links after the first `len`.
    pub fn truncate(&mut self, len: usize) {
        self.links.truncate(len);
    }

    /// The head hash: the last link, or the base ([`EMPTY_HEAD`] unless the chain starts at
    /// an opening hash) for an empty log.
    pub fn head(&self) -> String {
        self.links
            .last()
            .cloned()
            .unwrap_or_else(|| self.base().to_owned())
    }

    /// How many links the chain has.
    pub fn len(&self) -> usize {
        self.links.len()
    }

    /// Whether the chain has no link.
    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// The links, oldest first.
    pub fn links(&self) -> &[String] {
        &self.links
    }

    /// Checks that these are the links of `events`; the first position where one is not is
    /// named.
    pub fn verify<E: Serialize>(&self, events: &[E]) -> Result<(), ChainBreak> {
        let mut previous = self.base().to_owned();
        for (position, event) in events.iter().enumerate() {
            let expected = link(&previous, event).map_err(|e| ChainBreak { position, ..e })?;
            match self.links.get(position) {
                Some(stored) if *stored == expected => previous = expected,
                Some(_) => {
                    return Err(ChainBreak {
                        position,
                        reason: "its link is not the hash of the link before and the event".into(),
                    });
                }
                None => {
                    return Err(ChainBreak {
                        position,
                        reason: "the event has no link".into(),
                    });
                }
            }
        }
        if self.links.len() > events.len() {
            return Err(ChainBreak {
                position: events.len(),
                reason: "a link without an event".into(),
            });
        }
        Ok(())
    }
}
