//! Reports (H-13..H-16) and the nDelius evidence export for Kotlin.

use std::collections::HashMap;

use chrono::NaiveDate;
use ete_core::Minutes;
use ete_core::hours::{
    self, Certificate, CompletionFields, CompletionReport, CreditDecision, Delivery, Grouping,
    Notification,
};

use crate::completion::checked;
use crate::{EteError, UtcDateTime};

/// The report over decisions dated `start..=end` (H-13); `practitioners` maps person references
/// to practitioner ids.
#[uniffi::export]
pub fn completion_report(
    completions: Vec<CompletionFields>,
    decisions: Vec<CreditDecision>,
    practitioners: HashMap<String, String>,
    start: NaiveDate,
    end: NaiveDate,
    grouping: Grouping,
) -> Result<CompletionReport, EteError> {
    let completions = checked(completions)?;
    Ok(hours::completion_report(
        &completions,
        &decisions,
        &practitioners,
        start,
        end,
        grouping,
    )?)
}

/// The report as CSV (group, completions, courses_completed, minutes_credited, actual_minutes,
/// guided_minutes, agreements_used, duplicates, failures; a last line total).
#[uniffi::export]
pub fn completion_report_csv(report: CompletionReport) -> Result<String, EteError> {
    Ok(report.to_csv()?)
}

/// Completions recorded after `since`, per practitioner (H-14).
#[uniffi::export]
pub fn practitioner_notifications(
    completions: Vec<CompletionFields>,
    decisions: Vec<CreditDecision>,
    practitioners: HashMap<String, String>,
    since: UtcDateTime,
) -> Result<Vec<Notification>, EteError> {
    let completions = checked(completions)?;
    Ok(hours::practitioner_notifications(
        &completions,
        &decisions,
        &practitioners,
        since,
    )?)
}

/// The certificate for a completion and its decision (H-15); null for a failed course.
/// `toString()` never shows the name.
#[uniffi::export]
pub fn certificate(
    completion: CompletionFields,
    decision: CreditDecision,
    language: String,
) -> Result<Option<Certificate>, EteError> {
    let completion = hours::Completion::new(completion)?;
    Ok(hours::certificate(&completion, &decision, &language))
}

/// Delivery against `targetPercent` of `baseline` minutes (H-16); `toString()` puts it in words.
#[uniffi::export]
pub fn delivery_against_target(
    delivered: Minutes,
    baseline: Minutes,
    target_percent: u32,
) -> Result<Delivery, EteError> {
    Ok(hours::delivery_against_target(
        delivered,
        baseline,
        target_percent,
    )?)
}

/// The nDelius evidence CSV: person_ref, requirement_id, course_name, date, action, minutes
/// (HH:MM), reason, notes.
#[uniffi::export]
pub fn ndelius_evidence_csv(decisions: Vec<CreditDecision>) -> Result<String, EteError> {
    Ok(hours::ndelius_evidence_csv(&decisions)?)
}
