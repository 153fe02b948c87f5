//! The Probation Qualifications Framework's tasks (S-2, seed 004, Appendix 3.2.5): who may
//! assess, verify, teach, tutor and line-manage, on a date, and why not.
//!
//! For a task the policy lists, every requirement is read on the day asked about:
//!
//! - each essential group: a qualification of the group (or a policy equivalent) awarded on or
//!   before the day; else, where the group allows it, one being worked towards — until the
//!   deadline, `months` calendar months after the person's earliest start in the group's role
//!   (the deadline is the last day: on it the person is still working towards; the day after,
//!   they are `overdue` since that day). Working towards with no record of starting the role has
//!   no deadline to count from, and is denied;
//! - each prerequisite and experience period: held for at least its months on the day;
//! - occupational competence: one of the task's roles started on or before the day;
//! - the CPD record reviewed on or before the day and within the last `cpdReviewMonths`.
//!
//! Anything missing → `not_eligible` with every missing requirement; else an overdue award →
//! `overdue` (since the earliest day one became overdue); else an award in progress →
//! `eligible_working_towards` (due on the earliest deadline); else `eligible`. A task the
//! policy does not list is `not_eligible` (`unknown_task`). Desirable qualifications held are
//! reported and never change the status.

#[cfg(feature = "python")]
use pyo3::prelude::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::staff::{
    Basis, HeldFor, QualificationGroup, StaffError, StaffPolicy, StaffRecord, add_days, add_months,
};

/// The decision for a task (S-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TaskStatus {
    /// Every essential requirement holds.
    Eligible,
    /// Eligible while working towards an award, which is due on `due`.
    EligibleWorkingTowards,
    /// An award worked towards was not achieved by its deadline.
    Overdue,
    /// A requirement is missing (see `missing`).
    NotEligible,
}

crate::codes!(TaskStatus, "task status", "S-2", {
    Eligible => "eligible",
    EligibleWorkingTowards => "eligible_working_towards",
    Overdue => "overdue",
    NotEligible => "not_eligible",
});

/// The kind of a missing requirement (S-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RequirementKind {
    /// An essential qualification, neither held nor (allowed to be) worked towards.
    Qualification,
    /// A prerequisite not held long enough (a qualified assessor for 12 months).
    Prerequisite,
    /// Not enough experience.
    Experience,
    /// Occupational competence: none of the roles held.
    Competence,
    /// No CPD record reviewed within the period.
    CpdReview,
    /// A task the policy does not list.
    UnknownTask,
}

crate::codes!(RequirementKind, "requirement", "S-2", {
    Qualification => "qualification",
    Prerequisite => "prerequisite",
    Experience => "experience",
    Competence => "competence",
    CpdReview => "cpd_review",
    UnknownTask => "unknown_task",
});

/// A requirement that is not met: its kind, the names any one of which would meet it, and the
/// months it must have been held or reviewed within, where that applies.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MissingRequirement {
    /// What kind of requirement.
    pub kind: RequirementKind,
    /// The qualifications or roles, any one of which meets it.
    pub any_of: Vec<String>,
    /// The months it must be held for (or the CPD review's period).
    pub months: Option<u32>,
}

/// Whether a person may undertake a task on a date, and why (S-2).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TaskDecision {
    /// The person's id.
    pub person: String,
    /// The task's code.
    pub task: String,
    /// The day decided on.
    pub on: NaiveDate,
    /// The decision.
    pub status: TaskStatus,
    /// For `eligible_working_towards`: the last day to achieve the award (`None` when the task
    /// sets no deadline).
    pub due: Option<NaiveDate>,
    /// For `overdue`: the first day the award was overdue.
    pub since: Option<NaiveDate>,
    /// For `not_eligible`: every requirement not met.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub missing: Vec<MissingRequirement>,
    /// Desirable qualifications held (reported, never required).
    pub desirable: Vec<String>,
}

/// How one essential group stands.
enum Group {
    Held,
    Towards(Option<NaiveDate>),
    Overdue(NaiveDate),
    Missing,
}

/// The earliest award on or before `on` of a qualification counting as one of `any_of`.
fn awarded(
    policy: &StaffPolicy,
    record: &StaffRecord,
    any_of: &[String],
    on: NaiveDate,
) -> Option<NaiveDate> {
    record
        .qualifications
        .iter()
        .filter(|q| q.awarded_on <= on && any_of.iter().any(|n| policy.counts_as(&q.name, n)))
        .map(|q| q.awarded_on)
        .min()
}

fn group_state(
    policy: &StaffPolicy,
    record: &StaffRecord,
    group: &QualificationGroup,
    on: NaiveDate,
) -> Result<Group, StaffError> {
    if awarded(policy, record, &group.any_of, on).is_some() {
        return Ok(Group::Held);
    }
    let Some(rule) = &group.working_towards else {
        return Ok(Group::Missing);
    };
    let in_progress = record
        .working_towards
        .iter()
        .any(|w| w.started_on <= on && group.any_of.iter().any(|n| policy.counts_as(&w.name, n)));
    if !in_progress {
        return Ok(Group::Missing);
    }
    let (Some(role), Some(months)) = (&rule.role, rule.months) else {
        return Ok(Group::Towards(None));
    };
    let Some(start) = record.role_since(std::slice::from_ref(role), on) else {
        return Ok(Group::Missing);
    };
    let due = add_months(start, months, "roles.startedOn")?;
    if on <= due {
        Ok(Group::Towards(Some(due)))
    } else {
        Ok(Group::Overdue(add_days(due, 1, "roles.startedOn")?))
    }
}

fn held_long_enough(
    policy: &StaffPolicy,
    record: &StaffRecord,
    period: &HeldFor,
    on: NaiveDate,
) -> Result<bool, StaffError> {
    let since = match period.basis {
        Basis::Role => record.role_since(&period.any_of, on),
        Basis::Qualification => awarded(policy, record, &period.any_of, on),
    };
    match since {
        Some(start) => Ok(add_months(start, period.months, "startedOn")? <= on),
        None => Ok(false),
    }
}

fn requirement(
    kind: RequirementKind,
    any_of: &[String],
    months: Option<u32>,
) -> MissingRequirement {
    MissingRequirement {
        kind,
        any_of: any_of.to_vec(),
        months,
    }
}

/// Decides whether `record` may undertake `task` on `on` (S-2).
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::staff::*;
///
/// let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let mut r = StaffRecord::new("S-2", "");
/// r.qualifications.push(Qualification { name: "a1".into(), level: 3, awarded_on: day("2025-01-15") });
/// r.roles.push(RoleHeld { role: "pso".into(), started_on: day("2020-01-01") });
/// r.cpd_reviewed_on = Some(day("2025-06-01"));
/// let policy = StaffPolicy::default();
/// let d = task_decision(&policy, &r, "internal_verification", day("2025-12-15"))?;
/// assert_eq!(d.status, TaskStatus::NotEligible);
/// let kinds: Vec<_> = d.missing.iter().map(|m| m.kind).collect();
/// assert_eq!(kinds, [RequirementKind::Qualification, RequirementKind::Prerequisite]);
/// let d = task_decision(&policy, &r, "no_such_task", day("2025-12-15"))?;
/// assert_eq!(d.missing[0].kind, RequirementKind::UnknownTask);
/// # Ok::<(), StaffError>(())
/// ```
pub fn task_decision(
    policy: &StaffPolicy,
    record: &StaffRecord,
    task: &str,
    on: NaiveDate,
) -> Result<TaskDecision, StaffError> {
    let mut decision = TaskDecision {
        person: record.id.clone(),
        task: task.chars().take(40).collect(),
        on,
        status: TaskStatus::NotEligible,
        due: None,
        since: None,
        missing: Vec::new(),
        desirable: Vec::new(),
    };
    let Some(rules) = policy.task(task) else {
        decision
            .missing
            .push(requirement(RequirementKind::UnknownTask, &[], None));
        return Ok(decision);
    };
    let (mut due, mut since, mut towards) = (None::<NaiveDate>, None::<NaiveDate>, false);
    for group in &rules.essential {
        match group_state(policy, record, group, on)? {
            Group::Held => {}
            Group::Towards(d) => {
                towards = true;
                due = match (due, d) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            Group::Overdue(s) => since = Some(since.map_or(s, |a| a.min(s))),
            Group::Missing => decision.missing.push(requirement(
                RequirementKind::Qualification,
                &group.any_of,
                None,
            )),
        }
    }
    for (kind, periods) in [
        (RequirementKind::Prerequisite, &rules.prerequisites),
        (RequirementKind::Experience, &rules.experience),
    ] {
        for period in periods {
            if !held_long_enough(policy, record, period, on)? {
                decision
                    .missing
                    .push(requirement(kind, &period.any_of, Some(period.months)));
            }
        }
    }
    if !rules.competence.is_empty() && record.role_since(&rules.competence, on).is_none() {
        decision.missing.push(requirement(
            RequirementKind::Competence,
            &rules.competence,
            None,
        ));
    }
    if let Some(months) = rules.cpd_review_months {
        let reviewed = match record.cpd_reviewed_on.filter(|d| *d <= on) {
            Some(d) => add_months(d, months, "cpdReviewedOn")? >= on,
            None => false,
        };
        if !reviewed {
            decision
                .missing
                .push(requirement(RequirementKind::CpdReview, &[], Some(months)));
        }
    }
    decision.desirable = rules
        .desirable
        .iter()
        .filter(|n| awarded(policy, record, std::slice::from_ref(*n), on).is_some())
        .cloned()
        .collect();
    decision.status = if !decision.missing.is_empty() {
        TaskStatus::NotEligible
    } else if since.is_some() {
        decision.since = since;
        TaskStatus::Overdue
    } else if towards {
        decision.due = due;
        TaskStatus::EligibleWorkingTowards
    } else {
        TaskStatus::Eligible
    };
    Ok(decision)
}

/// An assessment made, and who (if anyone yet) internally verified it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VqAssessment {
    /// The assessment's id.
    pub id: String,
    /// The assessor's staff id.
    pub assessor: String,
    /// The internal verifier's staff id, once verified.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub verifier: Option<String>,
}

/// Why a verification may or may not go ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ObjectivityReason {
    /// The verifier did not make the assessment.
    Independent,
    /// The verifier made the assessment: refused.
    OwnAssessment,
    /// No assessment with the id: refused.
    UnknownAssessment,
}

crate::codes!(ObjectivityReason, "objectivity reason", "S-2", {
    Independent => "independent",
    OwnAssessment => "own_assessment",
    UnknownAssessment => "unknown_assessment",
});

/// Whether an internal verification keeps objectivity (S-2).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Objectivity {
    /// Whether the verification may go ahead.
    pub allowed: bool,
    /// Why.
    pub reason: ObjectivityReason,
}

/// Whether `verifier` may internally verify the assessment `assessment` (S-2: "the same person
/// may not internally verify an assessment they made"). An unknown assessment is refused.
///
/// ```
/// use ete_core::staff::*;
///
/// let a = [VqAssessment { id: "AS-1".into(), assessor: "S-1".into(), verifier: None }];
/// assert!(verification_check(&a, "AS-1", "S-2").allowed);
/// assert_eq!(verification_check(&a, "AS-1", "S-1").reason, ObjectivityReason::OwnAssessment);
/// ```
pub fn verification_check(
    assessments: &[VqAssessment],
    assessment: &str,
    verifier: &str,
) -> Objectivity {
    let reason = match assessments.iter().find(|a| a.id == assessment) {
        None => ObjectivityReason::UnknownAssessment,
        Some(a) if a.assessor == verifier => ObjectivityReason::OwnAssessment,
        Some(_) => ObjectivityReason::Independent,
    };
    Objectivity {
        allowed: reason == ObjectivityReason::Independent,
        reason,
    }
}

/// The assessments verified by the person who made them (S-2), in their order.
pub fn objectivity_conflicts(assessments: &[VqAssessment]) -> Vec<VqAssessment> {
    assessments
        .iter()
        .filter(|a| a.verifier.as_deref() == Some(a.assessor.as_str()))
        .cloned()
        .collect()
}
