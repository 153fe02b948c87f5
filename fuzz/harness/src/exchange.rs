//! Structure-aware target for the file exchange (T-5, T-6): sends, downloads and download-alls
//! from organisations of every kind (and kinds, roles and categories the policy never listed),
//! file ids anywhere in `u64`, times anywhere chrono can hold one, retried and reused ids, under
//! the default policy or a random one. Checked after every run: a refusal changed nothing, the
//! state is the fold of its events, every held file's route is allowed, every receipt is for a
//! file held and was taken by its recipient after it was sent, replay and the snapshot restore equal, and the hash
//! chain verifies.

use arbitrary::{Arbitrary, Result, Unstructured};
use ete_core::routing::{
    Exchange, ExchangeAction, ExchangeCommand, Organisation, RoutingPolicy, TransferFile, decide,
};

use crate::aggregates::run;
use crate::{instant, name};

const KINDS: &[&str] = &["hub", "school", "provider"];
const IDS: &[&str] = &["HUB", "SCH-1", "PRV-1"];

fn organisation(u: &mut Unstructured<'_>) -> Result<Organisation> {
    Ok(Organisation::new(name(u, KINDS)?, name(u, IDS)?))
}

fn file(u: &mut Unstructured<'_>) -> Result<TransferFile> {
    Ok(TransferFile {
        name: name(u, &["referral.pdf"])?,
        recipient: if u.ratio(7, 8)? {
            Some(organisation(u)?)
        } else {
            None
        },
        role: name(u, &["dsl", "cap_coordinator"])?,
        description: name(u, &["CFC JN", "RA AB"])?,
        category: name(u, &["risk_assessment", "referral", "invoice"])?,
    })
}

fn action(u: &mut Unstructured<'_>) -> Result<ExchangeAction> {
    Ok(match u.int_in_range(0u8..=2)? {
        0 => ExchangeAction::Send {
            sender: organisation(u)?,
            files: (0..u.int_in_range(0..=3)?)
                .map(|_| file(u))
                .collect::<Result<_>>()?,
        },
        1 => ExchangeAction::Download {
            file_id: if u.ratio(1, 4)? {
                u64::arbitrary(u)?
            } else {
                u.int_in_range(0..=6)?
            },
            organisation: name(u, IDS)?,
        },
        _ => ExchangeAction::DownloadAll {
            organisation: name(u, IDS)?,
        },
    })
}

/// An exchange under commands from every kind of organisation.
pub fn exchange_commands(u: &mut Unstructured<'_>) -> Result<()> {
    let policy = if u.ratio(3, 4)? {
        RoutingPolicy::default()
    } else {
        match crate::routing::policy(u)? {
            Some(policy) => policy,
            None => return Ok(()),
        }
    };
    let start = Exchange::new(policy.clone());
    let mut commands = Vec::new();
    for _ in 0..u.int_in_range(0..=30)? {
        commands.push(ExchangeCommand {
            id: format!("c{}", u.int_in_range(0u8..=20)?),
            actor: name(u, &["STAFF-1"])?,
            at: instant(u)?,
            action: action(u)?,
        });
    }
    let state = run(&start, &commands);
    for held in state.files() {
        let role = &held.file.role;
        let category = &held.file.category;
        let d = decide(&policy, &held.sender, &held.recipient, role, category);
        assert!(d.allowed, "a held file's route is denied: {d:?}");
    }
    for receipt in state.receipts() {
        let held = state.files().iter().find(|f| f.id == receipt.file_id);
        assert!(
            held.is_some_and(|f| f.recipient.id == receipt.organisation),
            "a receipt for a file not held, or taken by another organisation: {receipt:?}"
        );
        assert!(
            held.is_some_and(|f| receipt.at >= f.sent_at),
            "a file downloaded before it was sent: {receipt:?}"
        );
    }
    assert!(
        state.chain().verify(state.events()).is_ok(),
        "the events' chain does not verify"
    );
    assert_eq!(
        Exchange::replay(state.events(), policy.clone())
            .ok()
            .as_ref(),
        Some(&state),
        "replay gives an equal exchange"
    );
    let saved = state.to_json().expect("an exchange saves");
    assert_eq!(
        Exchange::restore(&saved, &policy).ok(),
        Some(state),
        "an exchange's snapshot restores equal"
    );
    Ok(())
}
