//! Routing policy as data (T-1, T-2): organisation kinds, recipient roles, document categories
//! and permit/forbid rules, loaded from JSON and checked on load.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;

#[cfg(feature = "python")]
use pyo3::prelude::*;

/// The document categories of T-4 (the default policy's list).
pub const DEFAULT_CATEGORIES: [&str; 12] = [
    "learner_support_plan",
    "education_health_and_care_plan",
    "risk_assessment",
    "updated_contact_information",
    "meeting_minutes",
    "social_care_report",
    "safeguarding_concern",
    "behaviour_or_attendance_concern",
    "financial_audit",
    "invoice",
    "tracking",
    "other",
];

/// Permit or forbid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Allows the route, unless a forbid rule or an error says otherwise.
    Permit,
    /// Denies the route, whatever permits it.
    Forbid,
}

/// Whose attribute a condition reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The sending organisation.
    Sender,
    /// The receiving organisation.
    Recipient,
}

/// A condition on an organisation's attribute. An organisation without the attribute makes the
/// rule impossible to evaluate, and the decision is deny (T-2).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    /// Whose attribute.
    pub party: Party,
    /// The attribute's name.
    pub attribute: String,
    /// The value it must have.
    pub equals: String,
}

/// One permit or forbid rule. `None` for roles or categories means any.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rule {
    /// A unique id, quoted in decisions.
    pub id: String,
    /// Permit or forbid.
    pub effect: Effect,
    /// The sender's kind, or `*` for any.
    pub from: String,
    /// The recipient's kind, or `*` for any.
    pub to: String,
    /// Recipient roles the rule covers; absent means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// Document categories the rule covers; absent means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<String>>,
    /// An extra condition on an organisation's attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// Why a policy could not be loaded (T-2).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoutingPolicyError {
    /// The JSON does not parse or has the wrong shape.
    #[error("invalid routing policy JSON: {reason}")]
    Parse {
        /// What the parser said.
        reason: String,
    },
    /// A rule names something the policy does not define, or can never match.
    #[error("rule {rule:?}: {reason}")]
    InvalidRule {
        /// The rule's id.
        rule: String,
        /// What is wrong.
        reason: String,
    },
}

impl RoutingPolicyError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidPolicy
    }
}

/// A routing policy: kinds, roles, categories and rules. `Default` is T-1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "PolicyFields")]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, from_py_object)
)]
pub struct RoutingPolicy {
    kinds: BTreeSet<String>,
    roles: BTreeSet<String>,
    categories: BTreeSet<String>,
    rules: Vec<Rule>,
    /// The longest description accepted (T-7; default 30 characters).
    max_description: usize,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PolicyFields {
    kinds: BTreeSet<String>,
    roles: BTreeSet<String>,
    categories: BTreeSet<String>,
    rules: Vec<Rule>,
    #[serde(default = "default_max_description")]
    max_description: usize,
}

fn default_max_description() -> usize {
    30
}

impl TryFrom<PolicyFields> for RoutingPolicy {
    type Error = RoutingPolicyError;
    fn try_from(f: PolicyFields) -> Result<RoutingPolicy, RoutingPolicyError> {
        RoutingPolicy::new(f.kinds, f.roles, f.categories, f.rules, f.max_description)
    }
}

impl Default for RoutingPolicy {
    /// T-1: hub → school and hub → provider, school → hub and provider → hub, each to a CAP
    /// coordinator or a designated safeguarding lead; school ↔ provider forbidden.
    fn default() -> RoutingPolicy {
        let set = |items: &[&str]| {
            items
                .iter()
                .map(|s| (*s).to_owned())
                .collect::<BTreeSet<_>>()
        };
        let roles = Some(vec!["cap_coordinator".to_owned(), "dsl".to_owned()]);
        let rule = |id: &str, effect, from: &str, to: &str, roles: Option<Vec<String>>| Rule {
            id: id.to_owned(),
            effect,
            from: from.to_owned(),
            to: to.to_owned(),
            roles,
            categories: None,
            when: None,
        };
        RoutingPolicy {
            kinds: set(&["hub", "school", "provider"]),
            roles: set(&["cap_coordinator", "dsl"]),
            categories: set(&DEFAULT_CATEGORIES),
            rules: vec![
                rule(
                    "hub-to-school",
                    Effect::Permit,
                    "hub",
                    "school",
                    roles.clone(),
                ),
                rule(
                    "hub-to-provider",
                    Effect::Permit,
                    "hub",
                    "provider",
                    roles.clone(),
                ),
                rule(
                    "school-to-hub",
                    Effect::Permit,
                    "school",
                    "hub",
                    roles.clone(),
                ),
                rule("provider-to-hub", Effect::Permit, "provider", "hub", roles),
                rule(
                    "no-school-to-provider",
                    Effect::Forbid,
                    "school",
                    "provider",
                    None,
                ),
                rule(
                    "no-provider-to-school",
                    Effect::Forbid,
                    "provider",
                    "school",
                    None,
                ),
            ],
            max_description: default_max_description(),
        }
    }
}

/// For example:
///
/// ```
/// use ete_core::routing::RoutingPolicy;
///
/// let policy = RoutingPolicy::default();
/// let json = policy.to_json();
/// assert_eq!(RoutingPolicy::from_json(&json)?, policy);
/// assert!(RoutingPolicy::from_json(r#"{"kinds": ["hub"], "roles": ["dsl"], "categories": ["other"],
///     "rules": [{"id": "r1", "effect": "permit", "from": "hub", "to": "prison"}]}"#).is_err());
/// # Ok::<(), ete_core::routing::RoutingPolicyError>(())
/// ```
impl RoutingPolicy {
    /// A policy, checked: every kind, role and category a rule names is defined; no rule has an
    /// empty list of roles or categories (it could never match); rule ids are unique.
    pub fn new(
        kinds: BTreeSet<String>,
        roles: BTreeSet<String>,
        categories: BTreeSet<String>,
        rules: Vec<Rule>,
        max_description: usize,
    ) -> Result<RoutingPolicy, RoutingPolicyError> {
        let mut seen = BTreeMap::new();
        for rule in &rules {
            let bad = |reason: String| RoutingPolicyError::InvalidRule {
                rule: rule.id.clone(),
                reason,
            };
            if rule.id.trim().is_empty() {
                return Err(bad("a rule needs an id".into()));
            }
            if seen.insert(rule.id.clone(), ()).is_some() {
                return Err(bad("the id is used by another rule".into()));
            }
            for (side, kind) in [("from", &rule.from), ("to", &rule.to)] {
                if kind != "*" && !kinds.contains(kind) {
                    return Err(bad(format!(
                        "{side} names unknown organisation kind {kind:?}"
                    )));
                }
            }
            for (what, listed, defined) in [
                ("role", &rule.roles, &roles),
                ("category", &rule.categories, &categories),
            ] {
                if let Some(items) = listed {
                    if items.is_empty() {
                        return Err(bad(format!("an empty {what} list can never match")));
                    }
                    if let Some(unknown) = items.iter().find(|i| !defined.contains(*i)) {
                        return Err(bad(format!("unknown {what} {unknown:?}")));
                    }
                }
            }
        }
        if max_description == 0 {
            return Err(RoutingPolicyError::InvalidRule {
                rule: "maxDescription".into(),
                reason: "must be at least 1 character (T-7)".into(),
            });
        }
        Ok(RoutingPolicy {
            kinds,
            roles,
            categories,
            rules,
            max_description,
        })
    }

    /// Loads and checks a policy from JSON: `{kinds, roles, categories, rules, maxDescription?}`.
    pub fn from_json(text: &str) -> Result<RoutingPolicy, RoutingPolicyError> {
        let text = crate::format::policy_text("routing policy", text)
            .map_err(|reason| RoutingPolicyError::Parse { reason })?;
        // A failed check inside `try_from` arrives as a serde error carrying its message.
        crate::json::from_object(&text).map_err(|e| RoutingPolicyError::Parse {
            reason: e.to_string(),
        })
    }

    /// The policy as JSON (with its `format`, [`crate::format::POLICY_FORMAT`]), readable by
    /// [`RoutingPolicy::from_json`].
    pub fn to_json(&self) -> String {
        crate::format::policy_json(self, true)
    }

    /// The organisation kinds.
    pub fn kinds(&self) -> &BTreeSet<String> {
        &self.kinds
    }
    /// The recipient roles.
    pub fn roles(&self) -> &BTreeSet<String> {
        &self.roles
    }
    /// The document categories.
    pub fn categories(&self) -> &BTreeSet<String> {
        &self.categories
    }
    /// The rules, in the order given.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
    /// The longest description accepted (T-7).
    pub fn max_description(&self) -> usize {
        self.max_description
    }
}
