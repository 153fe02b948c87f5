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

/// The links of a log's hash chain, one per event, written in hexadecimal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Chain {
    links: Vec<Link>,
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

/// One link of a chain: a SHA-256 digest, held as its 32 bytes so that a long log costs no
/// allocation per event. A stored link that is not 64 lower-case hexadecimal digits (which no
/// link is) is kept as it was written: the snapshot reads back unchanged and its chain breaks
/// there.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Link {
    /// A digest (written as 64 lower-case hexadecimal digits).
    Digest([u8; 32]),
    /// Anything else a snapshot held.
    Written(String),
}

impl Link {
    /// Reads a stored link.
    fn read(text: String) -> Link {
        let mut digest = [0u8; 32];
        let digit = |c: u8| match c {
            b'0'..=b'9' => Some(c.wrapping_sub(b'0')),
            b'a'..=b'f' => Some(c.wrapping_sub(b'a').wrapping_add(10)),
            _ => None,
        };
        let ok = text.len() == 64
            && text.as_bytes().chunks_exact(2).zip(digest.iter_mut()).all(
                |(pair, byte)| match pair {
                    [hi, lo] => match (digit(*hi), digit(*lo)) {
                        (Some(hi), Some(lo)) => {
                            *byte = hi.wrapping_shl(4) | lo;
                            true
                        }
                        _ => false,
                    },
                    _ => false,
                },
            );
        if ok {
            Link::Digest(digest)
        } else {
            Link::Written(text)
        }
    }

    /// The link as it is written: hexadecimal for a digest.
    fn text(&self) -> String {
        match self {
            Link::Digest(digest) => hex(digest).iter().copied().map(char::from).collect(),
            Link::Written(text) => text.clone(),
        }
    }
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Link {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Link, D::Error> {
        String::deserialize(deserializer).map(Link::read)
    }
}

/// A digest's lower-case hexadecimal digits (what `{:x}` writes), two a byte.
fn hex(digest: &[u8; 32]) -> [u8; 64] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digit = |d: u8| DIGITS.get(usize::from(d)).copied().unwrap_or(b'0');
    let mut out = [0u8; 64];
    for (pair, &byte) in out.chunks_exact_mut(2).zip(digest) {
        if let [hi, lo] = pair {
            *hi = digit(byte.wrapping_shr(4));
            *lo = digit(byte & 0x0f);
        }
    }
    out
}

/// The digest after `previous` (a link's hexadecimal digits) for `event`.
fn digest<E: Serialize>(previous: &[u8], event: &E) -> Result<[u8; 32], ChainBreak> {
    let cannot = |e: serde_json::Error| ChainBreak {
        position: 0,
        reason: format!("an event cannot be written: {e}"),
    };
    let value = serde_json::to_value(event).map_err(cannot)?;
    let mut hasher = Sha256::new();
    hasher.update(previous);
    // The canonical JSON goes straight into the hash: the same bytes, no copy of them.
    serde_json::to_writer(Hashing(&mut hasher), &value).map_err(cannot)?;
    Ok(hasher.finalize().into())
}

/// An `io::Write` that feeds a hash.
struct Hashing<'a>(&'a mut Sha256);

impl std::io::Write for Hashing<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The link after `previous` (hexadecimal, or [`EMPTY_HEAD`]) for `event`.
pub fn link<E: Serialize>(previous: &str, event: &E) -> Result<String, ChainBreak> {
    let digest = digest(previous.as_bytes(), event)?;
    Ok(Link::Digest(digest).text())
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

    /// The digits of the link `link` (the base when `None`), in `buffer` for a digest.
    fn digits<'a>(&'a self, link: Option<&'a Link>, buffer: &'a mut [u8; 64]) -> &'a [u8] {
        match link {
            Some(Link::Digest(digest)) => {
                *buffer = hex(digest);
                buffer
            }
            Some(Link::Written(text)) => text.as_bytes(),
            None => self.base().as_bytes(),
        }
    }

    /// Appends the link of the next event.
    pub fn push<E: Serialize>(&mut self, event: &E) -> Result<(), ChainBreak> {
        let mut buffer = [0u8; 64];
        let next = digest(self.digits(self.links.last(), &mut buffer), event)?;
        self.links.push(Link::Digest(next));
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
            .map_or_else(|| self.base().to_owned(), Link::text)
    }

    /// How many links the chain has.
    pub fn len(&self) -> usize {
        self.links.len()
    }

    /// Whether the chain has no link.
    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// The links in hexadecimal, oldest first.
    pub fn links(&self) -> Vec<String> {
        self.links.iter().map(Link::text).collect()
    }

    /// Checks that these are the links of `events`; the first position where one is not is
    /// named.
    pub fn verify<E: Serialize>(&self, events: &[E]) -> Result<(), ChainBreak> {
        let mut buffer = [0u8; 64];
        let mut previous = None;
        for (position, event) in events.iter().enumerate() {
            let expected = digest(self.digits(previous, &mut buffer), event)
                .map_err(|e| ChainBreak { position, ..e })?;
            match self.links.get(position) {
                Some(stored @ Link::Digest(d)) if *d == expected => previous = Some(stored),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A link is SHA-256 over the previous link's hex digits and the event's canonical JSON
    /// (sorted keys, no whitespace), written as lower-case hex: the bytes of format 2 and 3
    /// snapshots, however it is computed.
    #[test]
    fn a_link_is_the_sha256_of_the_previous_link_and_the_canonical_event() {
        let event = serde_json::json!({"z": 1, "a": {"y": "é", "b": [1, 2]}});
        let mut hasher = Sha256::new();
        hasher.update(EMPTY_HEAD.as_bytes());
        hasher.update(b"{\"a\":{\"b\":[1,2],\"y\":\"\xc3\xa9\"},\"z\":1}");
        let expected = format!("{:x}", hasher.finalize());
        assert_eq!(link(EMPTY_HEAD, &event).unwrap(), expected);
        let chain = Chain::of(std::slice::from_ref(&event)).unwrap();
        assert_eq!(chain.head(), expected);
        assert_eq!(chain.links(), vec![expected.clone()]);
        let second = Chain::of(&[event.clone(), event.clone()]).unwrap();
        assert_eq!(second.head(), link(&expected, &event).unwrap());
    }

    /// A stored link that is not a digest's lower-case hex reads back as it was written, and
    /// the chain breaks at it.
    #[test]
    fn a_link_that_is_not_lower_case_hex_is_kept_and_breaks_the_chain() {
        let events = [serde_json::json!({"n": 1}), serde_json::json!({"n": 2})];
        let good = Chain::of(&events).unwrap();
        let upper = good.links()[1].to_uppercase();
        for bad in [upper.as_str(), "not a hash", ""] {
            let written = serde_json::json!([good.links()[0], bad]);
            let chain: Chain = serde_json::from_value(written.clone()).unwrap();
            assert_eq!(serde_json::to_value(&chain).unwrap(), written);
            assert_eq!(chain.verify(&events).unwrap_err().position, 1);
            assert_ne!(chain, good);
        }
        let round: Chain = serde_json::from_value(serde_json::to_value(&good).unwrap()).unwrap();
        assert_eq!(round, good);
        assert!(round.verify(&events).is_ok());
    }
}
