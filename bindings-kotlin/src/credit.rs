//! Extra-time agreements (H-6), the credit policy (H-5, H-7) and credit decisions (H-3..H-8).

use std::sync::Arc;

use chrono::NaiveDate;
use ete_core::hours::{self, AgreementCategory, CreditReason, PriorCredit};

use crate::EteError;
use crate::completion::Completion;
use crate::ledger::Requirement;
use crate::minutes::minutes;

/// Every credit reason, in the order of the reason indices the batch door
/// (`creditColumnsPacked`) returns: index `i` is `creditReasons()[i]`. The order is core's, so
/// callers never depend on the order of the generated enum.
#[uniffi::export]
pub fn credit_reasons() -> Vec<CreditReason> {
    CreditReason::ALL.to_vec()
}

/// A practitioner's extra-time agreement (H-6); checked when used.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ExtraTimeAgreement {
    /// The person it is for.
    pub person_ref: String,
    /// The practitioner who agreed it.
    pub agreed_by: String,
    /// The day it was agreed; it applies from this day.
    pub agreed_on: NaiveDate,
    /// Why.
    pub category: AgreementCategory,
    /// The agreed percentage, when not the policy's.
    #[uniffi(default = None)]
    pub allowance_percent: Option<u32>,
}

/// How completions are credited (H-5, H-7); checked when used.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CreditPolicy {
    /// Extra-time allowance in percent (default 20).
    #[uniffi(default = 20)]
    pub allowance_percent: u32,
    /// Whether repeats are credited (default no).
    #[uniffi(default = false)]
    pub credit_repeats: bool,
}

/// Loads a policy from JSON: `{"allowancePercent": 20, "creditRepeats": false}`.
#[uniffi::export]
pub fn credit_policy_from_json(text: String) -> Result<CreditPolicy, EteError> {
    let p = hours::CreditPolicy::from_json(&text)?;
    Ok(CreditPolicy {
        allowance_percent: p.allowance_percent(),
        credit_repeats: p.credit_repeats(),
    })
}

/// The recommendation for one completion (H-8).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CreditDecision {
    /// The completion's index in the batch.
    pub position: i64,
    /// The person's reference.
    pub person_ref: String,
    /// The course's name.
    pub course_name: String,
    /// The date to record the credit on (England and Wales).
    pub date: NaiveDate,
    /// Actual minutes.
    pub actual: i64,
    /// Guided minutes.
    pub guided: i64,
    /// The most that could be credited.
    pub cap: i64,
    /// Minutes to credit.
    pub credited: i64,
    /// Why.
    pub reason: CreditReason,
    /// The allowance applied, when an agreement applied.
    pub allowance_percent: Option<u32>,
    /// Whether the course had already been credited for the person.
    pub repeat: bool,
    /// The requirement credited, for decisions made against requirements.
    pub requirement_id: Option<String>,
}

impl From<hours::CreditDecision> for CreditDecision {
    fn from(d: hours::CreditDecision) -> CreditDecision {
        CreditDecision {
            position: i64::try_from(d.position).unwrap_or(i64::MAX),
            person_ref: d.person_ref,
            course_name: d.course_name,
            date: d.date,
            actual: d.actual.as_signed(),
            guided: d.guided.as_signed(),
            cap: d.cap.as_signed(),
            credited: d.credited.as_signed(),
            reason: d.reason,
            allowance_percent: d.allowance_percent,
            repeat: d.repeat,
            requirement_id: d.requirement_id,
        }
    }
}

impl TryFrom<CreditDecision> for hours::CreditDecision {
    type Error = EteError;
    fn try_from(d: CreditDecision) -> Result<hours::CreditDecision, EteError> {
        Ok(hours::CreditDecision {
            position: usize::try_from(d.position).map_err(|_| EteError::InvalidField {
                detail: format!("position {} is negative", d.position),
            })?,
            person_ref: d.person_ref,
            course_name: d.course_name,
            date: d.date,
            actual: minutes(d.actual)?,
            guided: minutes(d.guided)?,
            cap: minutes(d.cap)?,
            credited: minutes(d.credited)?,
            reason: d.reason,
            allowance_percent: d.allowance_percent,
            repeat: d.repeat,
            requirement_id: d.requirement_id,
        })
    }
}

type Inputs = (
    Vec<hours::Completion>,
    Vec<hours::ExtraTimeAgreement>,
    Vec<hours::PriorCredit>,
    hours::CreditPolicy,
);

/// Converts and checks the arguments shared by the credit functions.
fn inputs(
    completions: &[Arc<Completion>],
    agreements: Vec<ExtraTimeAgreement>,
    prior: Vec<PriorCredit>,
    policy: Option<CreditPolicy>,
) -> Result<Inputs, EteError> {
    let policy = match policy {
        Some(p) => hours::CreditPolicy::new(p.allowance_percent, p.credit_repeats)?,
        None => hours::CreditPolicy::default(),
    };
    let agreements = agreements
        .into_iter()
        .map(|a| {
            hours::ExtraTimeAgreement::new(
                a.person_ref,
                a.agreed_by,
                a.agreed_on,
                a.category,
                a.allowance_percent,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((
        completions.iter().map(|c| c.inner.clone()).collect(),
        agreements,
        prior,
        policy,
    ))
}

/// Credits a batch of completions (H-3..H-8): one decision each, in input order.
#[uniffi::export(default(agreements = [], prior = [], policy = None))]
pub fn credit_batch(
    completions: Vec<Arc<Completion>>,
    agreements: Vec<ExtraTimeAgreement>,
    prior: Vec<PriorCredit>,
    policy: Option<CreditPolicy>,
) -> Result<Vec<CreditDecision>, EteError> {
    let (completions, agreements, prior, policy) = inputs(&completions, agreements, prior, policy)?;
    Ok(
        hours::credit_batch(&completions, &prior, &agreements, &policy)
            .into_iter()
            .map(CreditDecision::from)
            .collect(),
    )
}

/// Credits completions against the people's requirements (H-8, H-10, H-11); records nothing.
#[uniffi::export(default(agreements = [], prior = [], policy = None))]
pub fn credit_against_requirements(
    completions: Vec<Arc<Completion>>,
    requirements: Vec<Arc<Requirement>>,
    agreements: Vec<ExtraTimeAgreement>,
    prior: Vec<PriorCredit>,
    policy: Option<CreditPolicy>,
) -> Result<Vec<CreditDecision>, EteError> {
    let (completions, agreements, prior, policy) = inputs(&completions, agreements, prior, policy)?;
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
    )?
    .into_iter()
    .map(CreditDecision::from)
    .collect())
}

/// The most a completion over its guided time can earn (H-5).
#[uniffi::export(default(allowance_percent = None))]
pub fn allowance_cap(guided: i64, allowance_percent: Option<u32>) -> Result<i64, EteError> {
    Ok(hours::allowance_cap(minutes(guided)?, allowance_percent).as_signed())
}
