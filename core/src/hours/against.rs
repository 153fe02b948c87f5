//! Crediting portal completions against requirement ledgers (H-8, H-10, H-11).

use std::collections::HashMap;

use crate::hours::{
    Completion, CreditDecision, CreditPolicy, CreditReason, ExtraTimeAgreement, LedgerEntry,
    LedgerError, LedgerEventKind, PriorCredit, Requirement, credit_batch,
};
use crate::minutes::Minutes;

/// Credits completions (as [`credit_batch`]) and then limits each credit by the person's
/// requirement: what remains of its ETE allowance (H-10) and of its time (H-11), counting the
/// credits recommended earlier in the same batch. Nothing is recorded: the decisions are the
/// recommendation; record them with [`Requirement::record`].
///
/// The requirement for a completion is the person's earliest-starting requirement that started
/// on or before the completion's day and still has time remaining (else the latest started);
/// with none, the reason is [`CreditReason::NoRequirement`]. Completions are taken in order of
/// completion time; the result is in input order.
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::hours::*;
/// use ete_core::Minutes;
///
/// let r = Requirement::new(RequirementTerms { id: "R-1".into(), person_ref: "P-1".into(),
///     kind: OrderKind::Adult, required: Minutes::new(2_400)?,
///     start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), incentive_eligible: false },
///     LedgerPolicy::default())?;
/// let c: Completion = serde_json::from_str(r#"{"externalReference": "P-1", "courseName": "C",
///     "completionDateTime": "2026-11-02T14:05:00Z", "status": "Completed",
///     "totalTimeMinutes": 800, "expectedTimeMinutes": 900}"#)?;
/// let d = &credit_against_requirements(&[c], &[], &[], &CreditPolicy::default(), &[r])?[0];
/// assert_eq!((d.credited.get(), d.reason), (720, CreditReason::LimitedByEteAllowance));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn credit_against_requirements(
    completions: &[Completion],
    prior: &[PriorCredit],
    agreements: &[ExtraTimeAgreement],
    policy: &CreditPolicy,
    requirements: &[Requirement],
) -> Result<Vec<CreditDecision>, LedgerError> {
    let mut decisions = credit_batch(completions, prior, agreements, policy);
    // Headroom per requirement: (ETE allowance remaining, time remaining).
    let mut headroom: HashMap<&str, (Minutes, Minutes)> = HashMap::new();
    for r in requirements {
        let status = r.status(chrono::NaiveDate::MAX)?;
        headroom.insert(r.id(), (status.ete_remaining, status.remaining));
    }
    let mut by_start: Vec<&Requirement> = requirements.iter().collect();
    by_start.sort_by_key(|r| r.terms().start);
    let mut order: Vec<usize> = (0..decisions.len()).collect();
    order.sort_by_key(|&i| (completions.get(i).map(Completion::completed_at), i));
    for i in order {
        let Some(d) = decisions.get_mut(i) else {
            continue;
        };
        let candidates: Vec<&Requirement> = by_start
            .iter()
            .copied()
            .filter(|r| r.person_ref() == d.person_ref && r.terms().start <= d.date)
            .collect();
        let chosen = candidates
            .iter()
            .find(|r| headroom.get(r.id()).is_some_and(|h| h.1 > Minutes::ZERO))
            .or(candidates.last());
        let Some(requirement) = chosen else {
            if !matches!(d.reason, CreditReason::Failed | CreditReason::Duplicate) {
                d.credited = Minutes::ZERO;
                d.reason = CreditReason::NoRequirement;
            }
            continue;
        };
        d.requirement_id = Some(requirement.id().to_owned());
        if matches!(d.reason, CreditReason::Failed | CreditReason::Duplicate) {
            continue;
        }
        let Some((ete_left, time_left)) = headroom.get_mut(requirement.id()) else {
            continue;
        };
        let fits = d.credited.min(*ete_left).min(*time_left);
        if fits < d.credited {
            d.reason = if fits == Minutes::ZERO {
                CreditReason::NothingLeftToCredit
            } else if *ete_left <= *time_left {
                CreditReason::LimitedByEteAllowance
            } else {
                CreditReason::LimitedByRemainingTime
            };
            d.credited = fits;
        }
        *ete_left = ete_left.saturating_sub(fits);
        *time_left = time_left.saturating_sub(fits);
    }
    Ok(decisions)
}

/// Records the credits of `decisions` (those with minutes to credit) as ETE credits on their
/// requirements, dated the completion's day and recorded `by` the given staff id. All or nothing:
/// if any credit is refused — its requirement is not among `requirements`
/// ([`LedgerError::UnknownRequirement`]), it is out of date order, or it exceeds the allowance —
/// no requirement changes, and the error names the decision's position in the batch.
/// Each entry's id names its completion (person, day, course), so a batch recorded twice is
/// recorded once. Returns how many credits were recorded.
pub fn record_credits(
    requirements: &mut [Requirement],
    decisions: &[CreditDecision],
    by: &str,
) -> Result<usize, LedgerError> {
    let mut next: Vec<Requirement> = requirements.to_vec();
    let mut recorded: usize = 0;
    for (position, d) in decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.credited > Minutes::ZERO)
    {
        let batch_error = |source: LedgerError| LedgerError::Batch {
            position,
            source: Box::new(source),
        };
        let id = d.requirement_id.as_deref().unwrap_or_default();
        let requirement = next
            .iter_mut()
            .find(|r| r.id() == id)
            .ok_or_else(|| batch_error(LedgerError::UnknownRequirement { id: id.to_owned() }))?;
        let event = LedgerEventKind::EteCredit {
            minutes: d.credited,
            course_name: d.course_name.clone(),
        };
        // The completion names the entry, so recording the same decisions again changes
        // nothing.
        let entry = LedgerEntry::new(d.date, by, event).with_id(format!(
            "ete-credit {} {} {}",
            d.person_ref, d.date, d.course_name
        ));
        let before = requirement.entries().len();
        requirement.record(entry).map_err(batch_error)?;
        if requirement.entries().len() > before {
            recorded = recorded.saturating_add(1);
        }
    }
    requirements.clone_from_slice(&next);
    Ok(recorded)
}
