//! Routing decisions with their reasons (T-1..T-3), in the style of Cedar's
//! `Response { decision, diagnostics }` — but a rule that cannot be evaluated denies.
//!
//! For a request (sender, recipient organisation, recipient role, category), a name the policy
//! does not list is denied first, with its own reason, and never matched by a wildcard (T-3):
//! the sender's kind, then the recipient's kind ([`Reason::UnknownKind`]), the role
//! ([`Reason::UnknownRole`]) and the category ([`Reason::UnknownCategory`]). Then the rules whose
//! route (`from`, `to`) matches are read:
//!
//! 1. a matching rule that cannot be evaluated (its condition names an attribute the
//!    organisation lacks) → deny, [`Reason::RuleError`];
//! 2. a forbid rule matching role and category → deny, [`Reason::Forbidden`];
//! 3. a permit rule matching role and category → allow, [`Reason::Permitted`];
//! 4. a permit rule matching the category but not the role → deny, [`Reason::RoleNotAccepted`];
//! 5. otherwise → deny, [`Reason::NoRulePermits`].
//!
//! ```
//! use ete_core::routing::{decide, Organisation, Reason, RoutingPolicy};
//!
//! let policy = RoutingPolicy::default();
//! let school = Organisation::new("school", "SCH-1");
//! let provider = Organisation::new("provider", "PRV-1");
//! let d = decide(&policy, &school, &provider, "dsl", "risk_assessment");
//! assert!(!d.allowed);
//! assert_eq!(d.reason, Reason::Forbidden { rule: "no-school-to-provider".into() });
//! let hub = Organisation::new("hub", "CAP");
//! assert!(decide(&policy, &school, &hub, "dsl", "risk_assessment").allowed);
//! ```

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::routing::policy::{Condition, Effect, Party, RoutingPolicy, Rule};

/// An organisation: its kind (hub, school, provider, ...), its id, and attributes that rules may
/// test.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash, from_py_object)
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Organisation {
    /// The kind, as the policy names it.
    pub kind: String,
    /// The organisation's id.
    pub id: String,
    /// Attributes a rule's condition may read.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub attributes: BTreeMap<String, String>,
}

impl Organisation {
    /// An organisation without attributes.
    pub fn new(kind: impl Into<String>, id: impl Into<String>) -> Organisation {
        Organisation {
            kind: kind.into(),
            id: id.into(),
            attributes: BTreeMap::new(),
        }
    }
}

/// Why a route was allowed or denied (T-3).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Reason {
    /// A permit rule allowed it.
    Permitted {
        /// The rule's id.
        rule: String,
    },
    /// A forbid rule denied it.
    Forbidden {
        /// The rule's id.
        rule: String,
    },
    /// No rule permits this route.
    NoRulePermits,
    /// The route is permitted, but not to this recipient role.
    RoleNotAccepted {
        /// The roles the route accepts.
        accepted: Vec<String>,
    },
    /// A rule on this route could not be evaluated, so the route is denied.
    RuleError {
        /// The rule's id.
        rule: String,
        /// What could not be evaluated.
        detail: String,
    },
    /// An organisation kind the policy does not list (T-3).
    UnknownKind {
        /// Which party: `sender` or `recipient`.
        party: String,
        /// The kind given (at most 40 characters of it).
        kind: String,
    },
    /// A recipient role the policy does not list (T-3).
    UnknownRole {
        /// The role given (at most 40 characters of it).
        role: String,
    },
    /// A document category the policy does not list (T-3, T-4).
    UnknownCategory {
        /// The category given (at most 40 characters of it).
        category: String,
    },
}

impl Reason {
    /// Every reason's code, in declaration order (the list the message files must cover).
    pub const CODES: [&'static str; 8] = [
        "permitted",
        "forbidden",
        "no_rule_permits",
        "role_not_accepted",
        "rule_error",
        "unknown_kind",
        "unknown_role",
        "unknown_category",
    ];

    /// The stable code: `permitted`, `forbidden`, `no_rule_permits`, `role_not_accepted`,
    /// `rule_error`, `unknown_kind`, `unknown_role`, `unknown_category`.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Permitted { .. } => "permitted",
            Reason::Forbidden { .. } => "forbidden",
            Reason::NoRulePermits => "no_rule_permits",
            Reason::RoleNotAccepted { .. } => "role_not_accepted",
            Reason::RuleError { .. } => "rule_error",
            Reason::UnknownKind { .. } => "unknown_kind",
            Reason::UnknownRole { .. } => "unknown_role",
            Reason::UnknownCategory { .. } => "unknown_category",
        }
    }

    /// The rule the reason names, if any.
    pub fn rule(&self) -> Option<&str> {
        match self {
            Reason::Permitted { rule }
            | Reason::Forbidden { rule }
            | Reason::RuleError { rule, .. } => Some(rule),
            Reason::NoRulePermits
            | Reason::RoleNotAccepted { .. }
            | Reason::UnknownKind { .. }
            | Reason::UnknownRole { .. }
            | Reason::UnknownCategory { .. } => None,
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Permitted { rule } => write!(f, "permitted by rule {rule:?}"),
            Reason::Forbidden { rule } => write!(f, "forbidden by rule {rule:?}"),
            Reason::NoRulePermits => f.write_str("no rule permits this route"),
            Reason::RoleNotAccepted { accepted } => {
                write!(
                    f,
                    "role not accepted for this route (accepted: {})",
                    accepted.join(", ")
                )
            }
            Reason::RuleError { rule, detail } => {
                write!(f, "rule {rule:?} could not be evaluated: {detail}")
            }
            Reason::UnknownKind { party, kind } => {
                write!(f, "unknown organisation kind {kind:?} of the {party} (T-3)")
            }
            Reason::UnknownRole { role } => write!(f, "unknown recipient role {role:?} (T-3)"),
            Reason::UnknownCategory { category } => {
                write!(f, "unknown document category {category:?} (T-4)")
            }
        }
    }
}

/// Allow or deny, and why.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, eq, hash))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Decision {
    /// Whether the file may be sent.
    pub allowed: bool,
    /// Why.
    pub reason: Reason,
}

fn covers(list: &Option<Vec<String>>, value: &str) -> bool {
    list.as_ref()
        .is_none_or(|items| items.iter().any(|i| i == value))
}

fn kind_matches(pattern: &str, kind: &str) -> bool {
    pattern == "*" || pattern == kind
}

/// `Ok(true/false)` for a condition that could be read, `Err` for one that could not.
fn condition_holds(
    condition: &Condition,
    sender: &Organisation,
    recipient: &Organisation,
) -> Result<bool, String> {
    let org = match condition.party {
        Party::Sender => sender,
        Party::Recipient => recipient,
    };
    match org.attributes.get(&condition.attribute) {
        Some(value) => Ok(*value == condition.equals),
        None => Err(format!(
            "{:?} {} has no attribute {:?}",
            condition.party, org.id, condition.attribute
        )),
    }
}

/// At most 40 characters of a name the policy does not know, for a reason.
fn quoted(name: &str) -> String {
    name.chars().take(40).collect()
}

/// The reason a request names something the policy does not list, if it does (T-3).
fn unknown_name(
    policy: &RoutingPolicy,
    sender: &Organisation,
    recipient: &Organisation,
    role: &str,
    category: &str,
) -> Option<Reason> {
    for (party, org) in [("sender", sender), ("recipient", recipient)] {
        if !policy.kinds().contains(&org.kind) {
            return Some(Reason::UnknownKind {
                party: party.to_owned(),
                kind: quoted(&org.kind),
            });
        }
    }
    if !policy.roles().contains(role) {
        return Some(Reason::UnknownRole { role: quoted(role) });
    }
    if !policy.categories().contains(category) {
        return Some(Reason::UnknownCategory {
            category: quoted(category),
        });
    }
    None
}

/// Decides whether `sender` may send a file of `category` to `role` at `recipient` (T-1..T-3).
/// A kind, role or category the policy does not list is denied with its own reason.
///
/// ```
/// use ete_core::routing::{decide, Organisation, Reason, RoutingPolicy};
///
/// let policy = RoutingPolicy::default();
/// let (school, hub) = (Organisation::new("school", "SCH-1"), Organisation::new("hub", "CAP"));
/// let d = decide(&policy, &school, &hub, "dsl", "risk_asessment");
/// assert!(!d.allowed);
/// assert_eq!(d.reason.code(), "unknown_category");
/// ```
pub fn decide(
    policy: &RoutingPolicy,
    sender: &Organisation,
    recipient: &Organisation,
    role: &str,
    category: &str,
) -> Decision {
    if let Some(reason) = unknown_name(policy, sender, recipient, role, category) {
        return Decision {
            allowed: false,
            reason,
        };
    }
    let on_route: Vec<&Rule> = policy
        .rules()
        .iter()
        .filter(|r| kind_matches(&r.from, &sender.kind) && kind_matches(&r.to, &recipient.kind))
        .collect();
    let mut applicable = Vec::new();
    for rule in &on_route {
        match rule
            .when
            .as_ref()
            .map(|c| condition_holds(c, sender, recipient))
        {
            Some(Err(detail)) => {
                return Decision {
                    allowed: false,
                    reason: Reason::RuleError {
                        rule: rule.id.clone(),
                        detail,
                    },
                };
            }
            Some(Ok(false)) => {}
            Some(Ok(true)) | None => applicable.push(*rule),
        }
    }
    let full = |r: &&&Rule| covers(&r.roles, role) && covers(&r.categories, category);
    if let Some(rule) = applicable
        .iter()
        .filter(|r| r.effect == Effect::Forbid)
        .find(full)
    {
        return Decision {
            allowed: false,
            reason: Reason::Forbidden {
                rule: rule.id.clone(),
            },
        };
    }
    if let Some(rule) = applicable
        .iter()
        .filter(|r| r.effect == Effect::Permit)
        .find(full)
    {
        return Decision {
            allowed: true,
            reason: Reason::Permitted {
                rule: rule.id.clone(),
            },
        };
    }
    let mut accepted: Vec<String> = applicable
        .iter()
        .filter(|r| r.effect == Effect::Permit && covers(&r.categories, category))
        .flat_map(|r| r.roles.clone().unwrap_or_default())
        .collect();
    accepted.sort();
    accepted.dedup();
    let reason = if accepted.is_empty() {
        Reason::NoRulePermits
    } else {
        Reason::RoleNotAccepted { accepted }
    };
    Decision {
        allowed: false,
        reason,
    }
}

/// A recipient a sender may reach: an organisation kind, the roles there, and the categories
/// (`None`: any category the policy defines).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Destination {
    /// The recipient organisation kind.
    pub kind: String,
    /// The roles that may receive there.
    pub roles: Vec<String>,
    /// The categories that may be sent, or `None` for any.
    pub categories: Option<Vec<String>>,
}

/// Where a sender may send, and to which roles (T-3): for each organisation kind, the role and
/// category combinations that [`decide`] allows, grouped by the categories allowed. Recipients
/// are taken to have no attributes, so a route whose rules test a recipient attribute is left out.
pub fn destinations(policy: &RoutingPolicy, sender: &Organisation) -> Vec<Destination> {
    let mut out = Vec::new();
    for kind in policy.kinds() {
        let recipient = Organisation::new(kind.clone(), "");
        let mut by_categories: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
        for role in policy.roles() {
            let allowed: Vec<String> = policy
                .categories()
                .iter()
                .filter(|c| decide(policy, sender, &recipient, role, c).allowed)
                .cloned()
                .collect();
            if !allowed.is_empty() {
                by_categories.entry(allowed).or_default().push(role.clone());
            }
        }
        for (categories, roles) in by_categories {
            let all = categories.len() == policy.categories().len();
            out.push(Destination {
                kind: kind.clone(),
                roles,
                categories: if all { None } else { Some(categories) },
            });
        }
    }
    out
}
