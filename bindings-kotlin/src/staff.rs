//! Staff learning and eligibility (S-1..S-4) for Kotlin: core's records and decisions cross as
//! they are; the policy is an object holding core's `StaffPolicy`.

use std::sync::Arc;

use chrono::NaiveDate;
use ete_core::staff::{
    self, Candidate, CandidateDecision, ComplianceReport, ComplianceRow, MandatoryStatus,
    Objectivity, PqipDecision, PqipRoute, StaffPolicy as CorePolicy, StaffRecord, TaskDecision,
    Vacancy, VacancyDecision, VqAssessment,
};

use crate::EteError;

/// The staff rules as data (S-1..S-4); the primary constructor gives the seeds' default.
#[derive(uniffi::Object)]
pub struct StaffPolicy {
    inner: CorePolicy,
}

#[uniffi::export]
impl StaffPolicy {
    /// The default policy (seeds 003 and 004).
    #[uniffi::constructor]
    pub fn new() -> Arc<StaffPolicy> {
        Arc::new(StaffPolicy {
            inner: CorePolicy::default(),
        })
    }
    /// Loads and checks a policy from JSON (fields left out keep their defaults).
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<StaffPolicy>, EteError> {
        Ok(Arc::new(StaffPolicy {
            inner: CorePolicy::from_json(&text)?,
        }))
    }
    /// The policy as JSON.
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
    /// The PQF tasks' codes, in the policy's order.
    pub fn tasks(&self) -> Vec<String> {
        self.inner.tasks.iter().map(|t| t.id.clone()).collect()
    }
}

/// A staff record from core's JSON (camelCase keys); errors never quote the text.
#[uniffi::export]
pub fn staff_record_from_json(text: String) -> Result<StaffRecord, EteError> {
    Ok(StaffRecord::from_json(&text)?)
}

/// Each mandatory course's state for `record` on `on` (S-1).
#[uniffi::export]
pub fn mandatory_status(
    policy: Arc<StaffPolicy>,
    record: StaffRecord,
    on: NaiveDate,
) -> Result<Vec<MandatoryStatus>, EteError> {
    Ok(staff::mandatory_status(&policy.inner, &record, on)?)
}

/// Whether `record` may undertake the PQF `task` on `on` (S-2).
#[uniffi::export]
pub fn task_decision(
    policy: Arc<StaffPolicy>,
    record: StaffRecord,
    task: String,
    on: NaiveDate,
) -> Result<TaskDecision, EteError> {
    Ok(staff::task_decision(&policy.inner, &record, &task, on)?)
}

/// Whether `verifier` may internally verify `assessment` (S-2: never one's own).
#[uniffi::export]
pub fn verification_check(
    assessments: Vec<VqAssessment>,
    assessment: String,
    verifier: String,
) -> Objectivity {
    staff::verification_check(&assessments, &assessment, &verifier)
}

/// The assessments verified by the person who made them (S-2).
#[uniffi::export]
pub fn objectivity_conflicts(assessments: Vec<VqAssessment>) -> Vec<VqAssessment> {
    staff::objectivity_conflicts(&assessments)
}

/// Whether `record` may apply by `route` on `on`; with `start`, the programme's dates (S-3).
#[uniffi::export]
pub fn pqip_decision(
    policy: Arc<StaffPolicy>,
    record: StaffRecord,
    route: PqipRoute,
    on: NaiveDate,
    start: Option<NaiveDate>,
) -> Result<PqipDecision, EteError> {
    Ok(staff::pqip_decision(
        &policy.inner,
        &record,
        route,
        on,
        start,
    )?)
}

/// Whether a vacancy qualifies for GFiE (S-4).
#[uniffi::export]
pub fn vacancy_decision(policy: Arc<StaffPolicy>, vacancy: Vacancy) -> VacancyDecision {
    staff::vacancy_decision(&policy.inner, &vacancy)
}

/// Whether a candidate is in the GFiE window on `on` (S-4).
#[uniffi::export]
pub fn candidate_decision(
    policy: Arc<StaffPolicy>,
    candidate: Candidate,
    on: NaiveDate,
) -> Result<CandidateDecision, EteError> {
    Ok(staff::candidate_decision(&policy.inner, &candidate, on)?)
}

/// The last day to give GFiE feedback after an interview on `interview` (S-4).
#[uniffi::export]
pub fn feedback_due(policy: Arc<StaffPolicy>, interview: NaiveDate) -> Result<NaiveDate, EteError> {
    Ok(staff::feedback_due(&policy.inner, interview)?)
}

/// A team's compliance on `on`; deadlines and expiries within `within_days` are due soon.
#[uniffi::export]
pub fn team_compliance(
    policy: Arc<StaffPolicy>,
    records: Vec<StaffRecord>,
    on: NaiveDate,
    within_days: u32,
) -> Result<ComplianceReport, EteError> {
    Ok(staff::team_compliance(
        &policy.inner,
        &records,
        on,
        within_days,
    )?)
}

/// The rows of a compliance report that need attention.
#[uniffi::export]
pub fn needing_attention(report: ComplianceReport) -> Vec<ComplianceRow> {
    report.needing_attention()
}

/// A compliance report as CSV (person, kind, item, status, date, days, attention).
#[uniffi::export]
pub fn compliance_csv(report: ComplianceReport) -> Result<String, EteError> {
    Ok(report.to_csv()?)
}
