//! Routing requests over organisations of every kind, and the default policy (T-1) written by
//! hand as the baseline a user without a policy engine would write.

use ete_core::routing::{DEFAULT_CATEGORIES, Decision, Organisation, RoutingPolicy, decide};
use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};

/// Recipient roles the requests draw from: the two the default policy accepts and one it does
/// not.
pub const ROLES: [&str; 3] = ["cap_coordinator", "dsl", "teacher"];

/// One request: indexes into [`RoutingWorkload::organisations`], a role and a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteRequest {
    /// The sender's index.
    pub sender: usize,
    /// The recipient organisation's index.
    pub recipient: usize,
    /// The recipient role.
    pub role: &'static str,
    /// The document category.
    pub category: &'static str,
}

/// The organisations (one hub, 40 schools, 20 providers) and `n` requests between them.
#[derive(Clone, Debug)]
pub struct RoutingWorkload {
    /// Every organisation a request names.
    pub organisations: Vec<Organisation>,
    /// The requests.
    pub requests: Vec<RouteRequest>,
}

impl RoutingWorkload {
    /// The core's decision for `request` under `policy` (`None` for an unknown index).
    pub fn decide(&self, policy: &RoutingPolicy, request: &RouteRequest) -> Option<Decision> {
        let (sender, recipient) = (
            self.organisations.get(request.sender)?,
            self.organisations.get(request.recipient)?,
        );
        Some(decide(
            policy,
            sender,
            recipient,
            request.role,
            request.category,
        ))
    }

    /// The hand-written baseline's answer for `request` (`false` for an unknown index).
    pub fn by_hand(&self, request: &RouteRequest) -> bool {
        match (
            self.organisations.get(request.sender),
            self.organisations.get(request.recipient),
        ) {
            (Some(s), Some(r)) => default_policy_by_hand(&s.kind, &r.kind, request.role),
            _ => false,
        }
    }
}

/// `n` random requests, from `seed`, shaped like a hub's traffic: 45% from the hub to a school
/// or provider, 45% from a school or provider to the hub, 10% between any two organisations
/// (mostly refused). Roles and categories are uniform.
pub fn routing_workload(n: usize, seed: u64) -> RoutingWorkload {
    let mut organisations = vec![Organisation::new("hub", "CAP")];
    organisations.extend((1..=40).map(|i| Organisation::new("school", format!("SCH-{i}"))));
    organisations.extend((1..=20).map(|i| Organisation::new("provider", format!("PRV-{i}"))));
    let count = organisations.len();
    let mut rng = SmallRng::seed_from_u64(seed);
    let requests = (0..n)
        .map(|_| {
            let other = rng.random_range(1..count);
            let (sender, recipient) = match rng.random_range(0..20) {
                0..9 => (0, other),
                9..18 => (other, 0),
                _ => (rng.random_range(0..count), rng.random_range(0..count)),
            };
            RouteRequest {
                sender,
                recipient,
                role: ROLES[rng.random_range(0..ROLES.len())],
                category: DEFAULT_CATEGORIES[rng.random_range(0..DEFAULT_CATEGORIES.len())],
            }
        })
        .collect();
    RoutingWorkload {
        organisations,
        requests,
    }
}

/// The default policy (T-1) as a hand-written `match`: allowed or not, without a reason. The
/// floor for a policy engine: no rules read, nothing allocated.
pub fn default_policy_by_hand(sender_kind: &str, recipient_kind: &str, role: &str) -> bool {
    let role_accepted = role == "cap_coordinator" || role == "dsl";
    match (sender_kind, recipient_kind) {
        ("hub", "school") | ("hub", "provider") | ("school", "hub") | ("provider", "hub") => {
            role_accepted
        }
        _ => false,
    }
}
