//! Extra-time agreements (H-6), the credit policy (H-5, H-7) and credit decisions (H-3..H-8).
//!
//! Agreements and policies cross as their fields (core's `AgreementFields` and `PolicyFields`,
//! Kotlin `ExtraTimeAgreement` and `CreditPolicy`) and are checked by core when used.

use std::sync::Arc;

use ete_core::hours::{
    self, AgreementFields, CompletionFields, CreditDecision, CreditReason, PolicyFields,
    PriorCredit,
};

use crate::EteError;
use crate::completion::checked;
use crate::ledger::Requirement;
use crate::minutes::minutes;

/// Every credit reason, in the order of the reason indices the batch door
/// (`creditColumnsPacked`) returns: index `i` is `creditReasons()[i]`. The order is core's, so
/// callers never depend on the order of the generated enum.
#[uniffi::export]
pub fn credit_reasons() -> Vec<CreditReason> {
    CreditReason::ALL.to_vec()
}

/// Core's default credit policy (H-5, H-7).
#[uniffi::export]
pub fn default_credit_policy() -> PolicyFields {
    hours::CreditPolicy::default().into()
}

/// Loads a policy from JSON: `{"allowancePercent": 20, "creditRepeats": false}`.
#[uniffi::export]
pub fn credit_policy_from_json(text: String) -> Result<PolicyFields, EteError> {
    Ok(hours::CreditPolicy::from_json(&text)?.into())
}

/// A policy checked by core, or core's default when none is given.
pub fn policy(policy: Option<PolicyFields>) -> Result<hours::CreditPolicy, EteError> {
    Ok(policy
        .map(hours::CreditPolicy::try_from)
        .transpose()?
        .unwrap_or_default())
}

type Inputs = (
    Vec<hours::Completion>,
    Vec<hours::ExtraTimeAgreement>,
    hours::CreditPolicy,
);

/// Checks the arguments shared by the credit functions.
fn inputs(
    completions: Vec<CompletionFields>,
    agreements: Vec<AgreementFields>,
    policy: Option<PolicyFields>,
) -> Result<Inputs, EteError> {
    let agreements = agreements
        .into_iter()
        .map(hours::ExtraTimeAgreement::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok((checked(completions)?, agreements, self::policy(policy)?))
}

/// Credits a batch of completions (H-3..H-8): one decision each, in input order.
#[uniffi::export(default(agreements = [], prior = [], policy = None))]
pub fn credit_batch(
    completions: Vec<CompletionFields>,
    agreements: Vec<AgreementFields>,
    prior: Vec<PriorCredit>,
    policy: Option<PolicyFields>,
) -> Result<Vec<CreditDecision>, EteError> {
    let (completions, agreements, policy) = inputs(completions, agreements, policy)?;
    Ok(hours::credit_batch(
        &completions,
        &prior,
        &agreements,
        &policy,
    ))
}

/// Credits completions against the people's requirements (H-8, H-10, H-11); records nothing.
#[uniffi::export(default(agreements = [], prior = [], policy = None))]
pub fn credit_against_requirements(
    completions: Vec<CompletionFields>,
    requirements: Vec<Arc<Requirement>>,
    agreements: Vec<AgreementFields>,
    prior: Vec<PriorCredit>,
    policy: Option<PolicyFields>,
) -> Result<Vec<CreditDecision>, EteError> {
    let (completions, agreements, policy) = inputs(completions, agreements, policy)?;
    let requirements = requirements
        .iter()
        .map(|r| r.snapshot())
        .collect::<Result<Vec<_>, _>>()?;
    Ok(hours::credit_against_requirements(
        &completions,
        &prior,
        &agreements,
        &policy,
        &requirements,
    )?)
}

/// The most a completion over its guided time can earn (H-5).
#[uniffi::export(default(allowance_percent = None))]
pub fn allowance_cap(guided: i64, allowance_percent: Option<u32>) -> Result<i64, EteError> {
    Ok(hours::allowance_cap(minutes(guided)?, allowance_percent).as_signed())
}
