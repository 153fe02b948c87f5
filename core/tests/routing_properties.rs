//! Property tests of routing (T-1..T-5): the default policy's forbidden routes, forbid beats
//! permit and default deny under random policies, all-or-nothing transfers, JSON round trips.

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use ete_core::routing::{
    Effect, Exchange, Organisation, RoutingPolicy, Rule, TransferFile, decide, plan,
};
use proptest::prelude::*;

const KINDS: [&str; 3] = ["hub", "school", "provider"];
const ROLES: [&str; 3] = ["cap_coordinator", "dsl", "teacher"];
const CATEGORIES: [&str; 4] = ["risk_assessment", "invoice", "tracking", "other"];

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn subset(items: &'static [&'static str]) -> impl Strategy<Value = Option<Vec<String>>> {
    prop::option::of(prop::sample::subsequence(items.to_vec(), 1..=items.len()))
        .prop_map(|o| o.map(|v| v.into_iter().map(str::to_owned).collect()))
}

fn rule() -> impl Strategy<
    Value = (
        bool,
        String,
        String,
        Option<Vec<String>>,
        Option<Vec<String>>,
    ),
> {
    let kind = prop::sample::select(vec!["hub", "school", "provider", "*"]).prop_map(str::to_owned);
    (
        any::<bool>(),
        kind.clone(),
        kind,
        subset(&ROLES),
        subset(&CATEGORIES),
    )
}

fn random_policy() -> impl Strategy<Value = RoutingPolicy> {
    prop::collection::vec(rule(), 0..8).prop_map(|rules| {
        let rules = rules
            .into_iter()
            .enumerate()
            .map(|(i, (permit, from, to, roles, categories))| Rule {
                id: format!("r{i}"),
                effect: if permit {
                    Effect::Permit
                } else {
                    Effect::Forbid
                },
                from,
                to,
                roles,
                categories,
                when: None,
            })
            .collect();
        RoutingPolicy::new(set(&KINDS), set(&ROLES), set(&CATEGORIES), rules, 30)
            .expect("valid policy")
    })
}

fn request() -> impl Strategy<Value = (String, String, String, String)> {
    (
        prop::sample::select(KINDS.to_vec()),
        prop::sample::select(KINDS.to_vec()),
        prop::sample::select(ROLES.to_vec()),
        prop::sample::select(CATEGORIES.to_vec()),
    )
        .prop_map(|(a, b, c, d)| (a.into(), b.into(), c.into(), d.into()))
}

fn covers(rule: &Rule, from: &str, to: &str, role: &str, category: &str) -> bool {
    let kind = |p: &str, k: &str| p == "*" || p == k;
    kind(&rule.from, from)
        && kind(&rule.to, to)
        && rule
            .roles
            .as_ref()
            .is_none_or(|r| r.iter().any(|x| x == role))
        && rule
            .categories
            .as_ref()
            .is_none_or(|c| c.iter().any(|x| x == category))
}

proptest! {
    #[test]
    fn the_default_policy_never_lets_schools_and_providers_exchange_files(
        role in "[a-z_]{1,16}", category in prop::sample::select(CATEGORIES.to_vec()), school_first in any::<bool>(),
        others in prop::collection::vec((prop::sample::select(KINDS.to_vec()), prop::sample::select(ROLES.to_vec())), 0..5),
    ) {
        let policy = RoutingPolicy::default();
        let (from, to) = if school_first { ("school", "provider") } else { ("provider", "school") };
        let sender = Organisation::new(from, "A");
        let recipient = Organisation::new(to, "B");
        prop_assert!(!decide(&policy, &sender, &recipient, &role, category).allowed);
        // Whatever else is in the batch, a transfer holding that file sends nothing.
        let mut files: Vec<TransferFile> = others
            .iter()
            .map(|(kind, role)| TransferFile {
                name: "f".into(),
                recipient: Some(Organisation::new(*kind, "C")),
                role: (*role).into(),
                description: "CFC JN".into(),
                category: "other".into(),
            })
            .collect();
        files.push(TransferFile { name: "x".into(), recipient: Some(recipient), role, description: "CFC JN".into(), category: category.into() });
        let shown = plan(&policy, &sender, "S-1", files);
        prop_assert!(!shown.sendable());
        let mut exchange = Exchange::new(policy.clone());
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).single().expect("valid");
        prop_assert!(exchange.confirm(&shown, at).is_err());
        prop_assert_eq!(exchange, Exchange::new(policy));
    }

    #[test]
    fn forbid_always_wins_and_the_default_is_deny(policy in random_policy(), (from, to, role, category) in request()) {
        let d = decide(&policy, &Organisation::new(from.clone(), "A"), &Organisation::new(to.clone(), "B"), &role, &category);
        let forbidden = policy.rules().iter().any(|r| r.effect == Effect::Forbid && covers(r, &from, &to, &role, &category));
        let permitted = policy.rules().iter().any(|r| r.effect == Effect::Permit && covers(r, &from, &to, &role, &category));
        prop_assert_eq!(d.allowed, permitted && !forbidden, "decision {:?}", d);
        if d.allowed {
            let rule = d.reason.rule().expect("a permit names its rule");
            prop_assert!(policy.rules().iter().any(|r| r.id == rule && r.effect == Effect::Permit));
        }
    }

    #[test]
    fn policy_json_round_trip_is_exact(policy in random_policy()) {
        prop_assert_eq!(RoutingPolicy::from_json(&policy.to_json()).expect("loads"), policy);
    }

    #[test]
    fn a_plan_with_any_refused_file_sends_nothing(
        policy in random_policy(),
        files in prop::collection::vec((prop::sample::select(KINDS.to_vec()), prop::sample::select(ROLES.to_vec()), prop::sample::select(CATEGORIES.to_vec())), 1..6),
        sender in prop::sample::select(KINDS.to_vec()),
    ) {
        let files: Vec<TransferFile> = files
            .into_iter()
            .map(|(kind, role, category)| TransferFile {
                name: "f".into(),
                recipient: Some(Organisation::new(kind, kind)),
                role: role.into(),
                description: "LSP AB".into(),
                category: category.into(),
            })
            .collect();
        let sender = Organisation::new(sender, "S");
        let shown = plan(&policy, &sender, "S-1", files);
        let mut exchange = Exchange::new(policy.clone());
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).single().expect("valid");
        let sent = exchange.confirm(&shown, at);
        prop_assert_eq!(sent.is_ok(), shown.sendable());
        let held: usize = KINDS.iter().map(|k| exchange.inbox(k).len()).sum();
        prop_assert_eq!(held, if shown.sendable() { shown.files.len() } else { 0 });
        prop_assert_eq!(exchange.events().len(), held);
    }

    /// T-3: under random policies whose lists are random subsets of a wider universe, a request
    /// naming any kind, role or category outside the policy's lists is never allowed, and is
    /// denied with the reason for the first unknown name; `plan` refuses the same file.
    #[test]
    fn names_the_policy_does_not_list_are_never_allowed(
        (policy, kinds, roles, categories) in listed_policy(),
        from in name(&UNIVERSE_KINDS), to in name(&UNIVERSE_KINDS),
        role in name(&UNIVERSE_ROLES), category in name(&UNIVERSE_CATEGORIES),
    ) {
        let sender = Organisation::new(from.clone(), "A");
        let recipient = Organisation::new(to.clone(), "B");
        let d = decide(&policy, &sender, &recipient, &role, &category);
        let expected = if !kinds.contains(&from) || !kinds.contains(&to) {
            Some("unknown_kind")
        } else if !roles.contains(&role) {
            Some("unknown_role")
        } else if !categories.contains(&category) {
            Some("unknown_category")
        } else {
            None
        };
        if let Some(code) = expected {
            prop_assert!(!d.allowed, "{:?} allowed {:?}", (&from, &to, &role, &category), d);
            prop_assert_eq!(d.reason.code(), code);
            let file = TransferFile {
                name: "f".into(),
                recipient: Some(recipient),
                role: role.clone(),
                description: "CFC JN".into(),
                category: category.clone(),
            };
            let shown = plan(&policy, &sender, "S-1", vec![file]);
            prop_assert!(!shown.sendable());
            let refusal = shown.files[0].refusal.as_ref().expect("refused");
            let planned = match refusal {
                ete_core::routing::Refusal::Denied { decision } => decision.reason.code(),
                other => other.code(),
            };
            prop_assert_eq!(planned, code);
        }
    }
}

/// Names a policy may list, and names no policy lists (a wildcard, empty, odd text).
const UNIVERSE_KINDS: [&str; 6] = ["hub", "school", "provider", "prison", "*", ""];
const UNIVERSE_ROLES: [&str; 6] = ["cap_coordinator", "dsl", "teacher", "hr", "*", "DSL"];
const UNIVERSE_CATEGORIES: [&str; 6] = [
    "risk_assessment",
    "invoice",
    "tracking",
    "other",
    "*",
    "risk_asessment",
];

/// A name from the universe, or any short text.
fn name(universe: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(universe.to_vec()).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
    ]
}

/// A random policy over random non-empty subsets of the universe's first four names (never the
/// wildcard or the odd names), with rules that name only what it lists (or `*` for kinds).
fn listed_policy() -> impl Strategy<
    Value = (
        RoutingPolicy,
        BTreeSet<String>,
        BTreeSet<String>,
        BTreeSet<String>,
    ),
> {
    let pick = |items: &'static [&'static str]| {
        prop::sample::subsequence(items[..4].to_vec(), 1..=4)
            .prop_map(|v| v.into_iter().map(str::to_owned).collect::<Vec<String>>())
    };
    (
        pick(&UNIVERSE_KINDS),
        pick(&UNIVERSE_ROLES),
        pick(&UNIVERSE_CATEGORIES),
    )
        .prop_flat_map(|(kinds, roles, categories)| {
            let kind = prop::sample::select(
                kinds
                    .iter()
                    .cloned()
                    .chain(["*".to_owned()])
                    .collect::<Vec<_>>(),
            );
            let listed = |items: &Vec<String>| {
                prop::option::of(prop::sample::subsequence(items.clone(), 1..=items.len()))
            };
            let rule = (
                any::<bool>(),
                kind.clone(),
                kind,
                listed(&roles),
                listed(&categories),
            );
            (
                Just(kinds),
                Just(roles),
                Just(categories),
                prop::collection::vec(rule, 0..8),
            )
        })
        .prop_map(|(kinds, roles, categories, rules)| {
            let rules = rules
                .into_iter()
                .enumerate()
                .map(|(i, (permit, from, to, roles, categories))| Rule {
                    id: format!("r{i}"),
                    effect: if permit {
                        Effect::Permit
                    } else {
                        Effect::Forbid
                    },
                    from,
                    to,
                    roles,
                    categories,
                    when: None,
                })
                .collect();
            let (k, r, c): (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) = (
                kinds.into_iter().collect(),
                roles.into_iter().collect(),
                categories.into_iter().collect(),
            );
            let policy = RoutingPolicy::new(k.clone(), r.clone(), c.clone(), rules, 30)
                .expect("valid policy");
            (policy, k, r, c)
        })
}
