//! Reports (H-13..H-16) and the nDelius evidence export for Kotlin.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use ete_core::hours::{self, Grouping};

use crate::completion::Completion;
use crate::credit::CreditDecision;
use crate::minutes::minutes;
use crate::{EteError, UtcDateTime};

/// One row of a completion report (H-13).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ReportRow {
    /// The group's key, or `total`.
    pub group: String,
    /// Completions in the range.
    pub completions: i64,
    /// Courses completed: not failed, not duplicates.
    pub courses_completed: i64,
    /// Minutes credited.
    pub minutes_credited: i64,
    /// Actual minutes.
    pub actual_minutes: i64,
    /// Guided minutes.
    pub guided_minutes: i64,
    /// Completions under an extra-time agreement.
    pub agreements_used: i64,
    /// Duplicates.
    pub duplicates: i64,
    /// Failures.
    pub failures: i64,
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl From<&hours::ReportRow> for ReportRow {
    fn from(r: &hours::ReportRow) -> ReportRow {
        ReportRow {
            group: r.group.clone(),
            completions: count(r.completions),
            courses_completed: count(r.courses_completed),
            minutes_credited: r.minutes_credited.as_signed(),
            actual_minutes: r.actual_minutes.as_signed(),
            guided_minutes: r.guided_minutes.as_signed(),
            agreements_used: count(r.agreements_used),
            duplicates: count(r.duplicates),
            failures: count(r.failures),
        }
    }
}

/// Completions and credits over a date range, grouped (H-13), with its CSV form.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CompletionReport {
    /// One row per group, sorted by group.
    pub rows: Vec<ReportRow>,
    /// The sums over every row.
    pub total: ReportRow,
    /// The report as CSV (group, completions, courses_completed, minutes_credited,
    /// actual_minutes, guided_minutes, agreements_used, duplicates, failures; a last line total).
    pub csv: String,
}

fn batch(
    completions: &[Arc<Completion>],
    decisions: Vec<CreditDecision>,
) -> Result<(Vec<hours::Completion>, Vec<hours::CreditDecision>), EteError> {
    Ok((
        completions.iter().map(|c| c.inner.clone()).collect(),
        decisions
            .into_iter()
            .map(hours::CreditDecision::try_from)
            .collect::<Result<_, _>>()?,
    ))
}

/// The report over decisions dated `start..=end` (H-13); `practitioners` maps person references
/// to practitioner ids.
#[uniffi::export]
pub fn completion_report(
    completions: Vec<Arc<Completion>>,
    decisions: Vec<CreditDecision>,
    practitioners: HashMap<String, String>,
    start: NaiveDate,
    end: NaiveDate,
    grouping: Grouping,
) -> Result<CompletionReport, EteError> {
    let (completions, decisions) = batch(&completions, decisions)?;
    let report = hours::completion_report(
        &completions,
        &decisions,
        &practitioners,
        start,
        end,
        grouping,
    )?;
    Ok(CompletionReport {
        rows: report.rows.iter().map(ReportRow::from).collect(),
        total: ReportRow::from(&report.total),
        csv: report.to_csv()?,
    })
}

/// A practitioner's completions since the last report (H-14).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Notification {
    /// The practitioner's id (`unassigned` for people with none).
    pub practitioner: String,
    /// The decisions, by completion time.
    pub decisions: Vec<CreditDecision>,
}

/// Completions recorded after `since`, per practitioner (H-14).
#[uniffi::export]
pub fn practitioner_notifications(
    completions: Vec<Arc<Completion>>,
    decisions: Vec<CreditDecision>,
    practitioners: HashMap<String, String>,
    since: UtcDateTime,
) -> Result<Vec<Notification>, EteError> {
    let (completions, decisions) = batch(&completions, decisions)?;
    Ok(
        hours::practitioner_notifications(&completions, &decisions, &practitioners, since)?
            .into_iter()
            .map(|n| Notification {
                practitioner: n.practitioner,
                decisions: n.decisions.into_iter().map(CreditDecision::from).collect(),
            })
            .collect(),
    )
}

/// What a completion certificate shows (H-15); an object, so `toString()` never shows the name.
#[derive(uniffi::Object)]
pub struct Certificate {
    inner: hours::Certificate,
}

#[uniffi::export]
impl Certificate {
    /// The person's reference.
    pub fn person_ref(&self) -> String {
        self.inner.person_ref.clone()
    }
    /// The person's name (personal data).
    pub fn person_name(&self) -> String {
        self.inner.person_name.clone()
    }
    /// The course.
    pub fn course_name(&self) -> String {
        self.inner.course_name.clone()
    }
    /// The day it was completed.
    pub fn completed_on(&self) -> NaiveDate {
        self.inner.completed_on
    }
    /// Minutes credited.
    pub fn credited(&self) -> i64 {
        self.inner.credited.as_signed()
    }
    /// The certificate's language (BCP-47).
    pub fn language(&self) -> String {
        self.inner.language.clone()
    }
}

/// The certificate for a completion and its decision (H-15); null for a failed course.
#[uniffi::export]
pub fn certificate(
    completion: Arc<Completion>,
    decision: CreditDecision,
    language: String,
) -> Result<Option<Arc<Certificate>>, EteError> {
    let decision = hours::CreditDecision::try_from(decision)?;
    Ok(hours::certificate(&completion.inner, &decision, &language)
        .map(|inner| Arc::new(Certificate { inner })))
}

/// A region's ETE delivery against its target (H-16).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Delivery {
    /// Minutes delivered.
    pub delivered: i64,
    /// The baseline.
    pub baseline: i64,
    /// The target as a percentage of the baseline.
    pub target_percent: u32,
    /// The target in minutes.
    pub target: i64,
    /// Delivered as a percentage of the target, in tenths.
    pub achieved_tenths: i64,
    /// `delivered 120:00 of 155:00 (77.4%)`.
    pub text: String,
}

/// Delivery against `targetPercent` of `baseline` minutes (H-16).
#[uniffi::export]
pub fn delivery_against_target(
    delivered: i64,
    baseline: i64,
    target_percent: u32,
) -> Result<Delivery, EteError> {
    let d =
        hours::delivery_against_target(minutes(delivered)?, minutes(baseline)?, target_percent)?;
    Ok(Delivery {
        delivered: d.delivered.as_signed(),
        baseline: d.baseline.as_signed(),
        target_percent: d.target_percent,
        target: d.target.as_signed(),
        achieved_tenths: count(d.achieved_tenths),
        text: d.to_string(),
    })
}

/// The nDelius evidence CSV: person_ref, requirement_id, course_name, date, action, minutes
/// (HH:MM), reason, notes.
#[uniffi::export]
pub fn ndelius_evidence_csv(decisions: Vec<CreditDecision>) -> Result<String, EteError> {
    let decisions = decisions
        .into_iter()
        .map(hours::CreditDecision::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(hours::ndelius_evidence_csv(&decisions)?)
}
