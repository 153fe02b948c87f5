//! The default routing policy (T-1) in Cedar, and a Cedar request for an ETE routing request,
//! for `benches/routing_vs_cedar.rs`. Cedar is a comparison here, not a dependency of ETE Core.

use cedar_policy::{
    Authorizer, Context, Entities, EntityUid, PolicySet, Request, RestrictedExpression,
};
use ete_core::routing::Organisation;

/// T-1 in Cedar: each permit rule of `RoutingPolicy::default()` with the same id, its route as
/// the principal's and resource's entity types and its roles as a `when` on the context; the
/// two forbid rules likewise. The category is in the context but no rule reads it, as in T-1.
pub const DEFAULT_POLICY: &str = r#"
@id("hub-to-school")
permit (principal is Hub, action == Action::"send", resource is School)
when { ["cap_coordinator", "dsl"].contains(context.role) };

@id("hub-to-provider")
permit (principal is Hub, action == Action::"send", resource is Provider)
when { ["cap_coordinator", "dsl"].contains(context.role) };

@id("school-to-hub")
permit (principal is School, action == Action::"send", resource is Hub)
when { ["cap_coordinator", "dsl"].contains(context.role) };

@id("provider-to-hub")
permit (principal is Provider, action == Action::"send", resource is Hub)
when { ["cap_coordinator", "dsl"].contains(context.role) };

@id("no-school-to-provider")
forbid (principal is School, action == Action::"send", resource is Provider);

@id("no-provider-to-school")
forbid (principal is Provider, action == Action::"send", resource is School);
"#;

/// Everything Cedar needs, built once: the policies, an empty entity store (the rules read
/// only entity types and the context), the action, and an entity id per organisation.
pub struct CedarRouting {
    /// The parsed policies.
    pub policies: PolicySet,
    /// No entities are needed.
    pub entities: Entities,
    /// `Action::"send"`.
    pub action: EntityUid,
    /// One id per organisation, in the workload's order (`Hub::"CAP"`, `School::"SCH-1"`, ...).
    pub uids: Vec<EntityUid>,
    authorizer: Authorizer,
}

impl CedarRouting {
    /// Parses the policy and the organisations' ids.
    pub fn new(organisations: &[Organisation]) -> Result<CedarRouting, String> {
        let policies: PolicySet = DEFAULT_POLICY.parse().map_err(|e| format!("{e}"))?;
        let action: EntityUid = r#"Action::"send""#.parse().map_err(|e| format!("{e:?}"))?;
        let uids = organisations
            .iter()
            .map(|o| {
                let mut kind = o.kind.clone();
                if let Some(first) = kind.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                format!("{kind}::{:?}", o.id)
                    .parse::<EntityUid>()
                    .map_err(|e| format!("{e:?}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CedarRouting {
            policies,
            entities: Entities::empty(),
            action,
            uids,
            authorizer: Authorizer::new(),
        })
    }

    /// The Cedar request for sender `s`, recipient `r` (indexes), role and category.
    pub fn request(&self, s: usize, r: usize, role: &str, category: &str) -> Option<Request> {
        let context = Context::from_pairs([
            (
                "role".to_owned(),
                RestrictedExpression::new_string(role.to_owned()),
            ),
            (
                "category".to_owned(),
                RestrictedExpression::new_string(category.to_owned()),
            ),
        ])
        .ok()?;
        Request::new(
            self.uids.get(s)?.clone(),
            self.action.clone(),
            self.uids.get(r)?.clone(),
            context,
            None,
        )
        .ok()
    }

    /// Allowed or not: the decision alone, as an application asks for it.
    pub fn allowed(&self, request: &Request) -> bool {
        self.authorizer
            .is_authorized(request, &self.policies, &self.entities)
            .decision()
            == cedar_policy::Decision::Allow
    }

    /// Allowed or not, and the `@id` of the rules that decided it (empty for a default deny).
    pub fn authorize(&self, request: &Request) -> (bool, Vec<String>) {
        let response = self
            .authorizer
            .is_authorized(request, &self.policies, &self.entities);
        let rules = response
            .diagnostics()
            .reason()
            .filter_map(|id| self.policies.policy(id)?.annotation("id"))
            .map(str::to_owned)
            .collect();
        (response.decision() == cedar_policy::Decision::Allow, rules)
    }
}
