//! Structure-aware target for routing (T-1..T-5): random policies (rules with wildcards, roles,
//! categories and conditions) and requests naming kinds, roles and categories the policy may
//! never have listed. Checked: forbid beats permit, the default is deny, an unlisted name is
//! never allowed, `plan` agrees with `decide` for a one-file transfer, and the policy's JSON
//! round trip is exact.

use std::collections::BTreeSet;

use arbitrary::{Arbitrary, Result, Unstructured};
use ete_core::routing::{
    Condition, Effect, Organisation, Party, RoutingPolicy, Rule, TransferFile, decide, plan,
};

use crate::name;

const KINDS: &[&str] = &["hub", "school", "provider"];
const ROLES: &[&str] = &["dsl", "teacher"];
const CATEGORIES: &[&str] = &["risk_assessment", "invoice", "other"];

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn subset(u: &mut Unstructured<'_>, items: &[&str]) -> Result<Option<Vec<String>>> {
    if bool::arbitrary(u)? {
        return Ok(None);
    }
    let mut out = Vec::new();
    for item in items {
        if bool::arbitrary(u)? {
            out.push((*item).to_owned());
        }
    }
    Ok(Some(out))
}

pub(crate) fn policy(u: &mut Unstructured<'_>) -> Result<Option<RoutingPolicy>> {
    let mut rules = Vec::new();
    for i in 0..u.int_in_range(0..=6)? {
        let mut kinds = KINDS.to_vec();
        kinds.push("*");
        rules.push(Rule {
            id: format!("r{i}"),
            effect: if bool::arbitrary(u)? {
                Effect::Permit
            } else {
                Effect::Forbid
            },
            from: name(u, &kinds)?,
            to: name(u, &kinds)?,
            roles: subset(u, ROLES)?,
            categories: subset(u, CATEGORIES)?,
            when: if u.ratio(1, 5)? {
                Some(Condition {
                    party: if bool::arbitrary(u)? {
                        Party::Sender
                    } else {
                        Party::Recipient
                    },
                    attribute: name(u, &["local_authority"])?,
                    equals: name(u, &["Coventry"])?,
                })
            } else {
                None
            },
        });
    }
    let max = usize::from(u8::arbitrary(u)?);
    Ok(RoutingPolicy::new(set(KINDS), set(ROLES), set(CATEGORIES), rules, max).ok())
}

fn organisation(u: &mut Unstructured<'_>) -> Result<Organisation> {
    let mut o = Organisation::new(name(u, KINDS)?, name(u, &["A", "B"])?);
    if bool::arbitrary(u)? {
        o.attributes
            .insert(name(u, &["local_authority"])?, name(u, &["Coventry"])?);
    }
    Ok(o)
}

/// Decisions under random policies over names inside and outside them.
pub fn routing_names(u: &mut Unstructured<'_>) -> Result<()> {
    let Some(policy) = policy(u)? else {
        return Ok(());
    };
    let json = policy.to_json();
    assert_eq!(
        RoutingPolicy::from_json(&json).ok().as_ref(),
        Some(&policy),
        "policy JSON round trip"
    );
    for _ in 0..u.int_in_range(1..=8)? {
        let sender = organisation(u)?;
        let recipient = organisation(u)?;
        let role = name(u, ROLES)?;
        let category = name(u, CATEGORIES)?;
        let d = decide(&policy, &sender, &recipient, &role, &category);
        let listed = policy.kinds().contains(&sender.kind)
            && policy.kinds().contains(&recipient.kind)
            && policy.roles().contains(&role)
            && policy.categories().contains(&category);
        assert!(listed || !d.allowed, "an unlisted name was allowed: {d:?}");
        if d.allowed {
            let rule = d.reason.rule().expect("a permit names its rule");
            assert!(
                policy
                    .rules()
                    .iter()
                    .any(|r| r.id == rule && r.effect == Effect::Permit)
            );
        }
        let file = TransferFile {
            name: "f".into(),
            recipient: Some(recipient),
            role,
            description: "CFC JN".into(),
            category,
        };
        let shown = plan(&policy, &sender, "S-1", vec![file]);
        if shown.sendable() {
            assert!(d.allowed, "plan sends a file decide denies");
        }
    }
    Ok(())
}
