//! The administrator's reports (H-13..H-16) and the nDelius evidence export.
//!
//! Every total is a sum of integers, so the rows of any grouping add up exactly to the total.
//! CSV is written with the `csv` crate; the column layouts are listed on each function.

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::hours::{Completion, CompletionStatus, CreditDecision, CreditReason};
use crate::minutes::{Minutes, MinutesError};
use crate::ratio::{Ratio, Rounding};

/// Why a report could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// A decision's position names no completion: decisions and completions must be the same batch.
    #[error(
        "decision for position {position} has no completion: pass the batch the decisions were made from"
    )]
    NoCompletion {
        /// The decision's position.
        position: usize,
    },
    /// A delivery target of zero minutes (H-16).
    #[error("the ETE target is zero: baseline {baseline} at {target_percent}% (H-16)")]
    ZeroTarget {
        /// The baseline.
        baseline: Minutes,
        /// The target percentage.
        target_percent: u32,
    },
    /// Writing the CSV failed.
    #[error("could not write CSV: {reason}")]
    Csv {
        /// What the writer said.
        reason: String,
    },
    /// A total overflowed the range of minutes.
    #[error(transparent)]
    Minutes(#[from] MinutesError),
}

impl ReportError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ReportError::NoCompletion { .. } | ReportError::ZeroTarget { .. } => {
                ErrorKind::InvalidField
            }
            ReportError::Csv { .. } => ErrorKind::MalformedInput,
            ReportError::Minutes(e) => e.kind(),
        }
    }
}

/// How report rows are grouped (H-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Grouping {
    /// By person reference.
    Person,
    /// By the person's practitioner (people with none under `unassigned`).
    Practitioner,
    /// By probation office.
    Office,
    /// By probation delivery unit.
    Pdu,
    /// By region.
    Region,
}

crate::codes!(Grouping, "grouping", "H-13", {
    Person => "person",
    Practitioner => "practitioner",
    Office => "office",
    Pdu => "pdu",
    Region => "region",
});

/// One row of a completion report: a group's counts and sums (H-13).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportRow {
    /// The group's key (a person, practitioner, office, PDU or region), or `total`.
    pub group: String,
    /// Completions reported by the portal in the range.
    pub completions: u64,
    /// Courses completed: not failed, not duplicates.
    pub courses_completed: u64,
    /// Minutes credited.
    pub minutes_credited: Minutes,
    /// Actual minutes.
    pub actual_minutes: Minutes,
    /// Guided minutes.
    pub guided_minutes: Minutes,
    /// Completions credited under an extra-time agreement.
    pub agreements_used: u64,
    /// Duplicates (H-7).
    pub duplicates: u64,
    /// Failures (H-3).
    pub failures: u64,
}

impl ReportRow {
    fn add(&mut self, c: &Completion, d: &CreditDecision) -> Result<(), MinutesError> {
        self.completions = self.completions.saturating_add(1);
        self.courses_completed = self.courses_completed.saturating_add(u64::from(
            c.status() == CompletionStatus::Completed && d.reason != CreditReason::Duplicate,
        ));
        self.minutes_credited = self.minutes_credited.checked_add(d.credited)?;
        self.actual_minutes = self.actual_minutes.checked_add(d.actual)?;
        self.guided_minutes = self.guided_minutes.checked_add(d.guided)?;
        self.agreements_used = self
            .agreements_used
            .saturating_add(u64::from(d.allowance_percent.is_some()));
        self.duplicates = self
            .duplicates
            .saturating_add(u64::from(d.reason == CreditReason::Duplicate));
        self.failures = self
            .failures
            .saturating_add(u64::from(d.reason == CreditReason::Failed));
        Ok(())
    }
}

/// Completions and credits over a date range, grouped (H-13).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen))]
pub struct CompletionReport {
    /// First day counted (the completion's local day).
    pub from: NaiveDate,
    /// Last day counted.
    pub to: NaiveDate,
    /// How the rows are grouped.
    pub grouping: Grouping,
    /// One row per group, sorted by group.
    pub rows: Vec<ReportRow>,
    /// The sums over every row.
    pub total: ReportRow,
}

/// The report over decisions dated `from..=to` (H-13). `practitioners` maps a person reference to
/// their practitioner's id.
pub fn completion_report(
    completions: &[Completion],
    decisions: &[CreditDecision],
    practitioners: &HashMap<String, String>,
    from: NaiveDate,
    to: NaiveDate,
    grouping: Grouping,
) -> Result<CompletionReport, ReportError> {
    let mut groups: BTreeMap<String, ReportRow> = BTreeMap::new();
    let mut total = ReportRow {
        group: "total".into(),
        ..ReportRow::default()
    };
    for d in decisions.iter().filter(|d| (from..=to).contains(&d.date)) {
        let c = completions
            .get(d.position)
            .ok_or(ReportError::NoCompletion {
                position: d.position,
            })?;
        let key = match grouping {
            Grouping::Person => c.person_ref().to_owned(),
            Grouping::Practitioner => practitioner(practitioners, c.person_ref()),
            Grouping::Office => c.fields().office.clone(),
            Grouping::Pdu => c.fields().pdu.clone(),
            Grouping::Region => c.fields().region.clone(),
        };
        let row = groups.entry(key.clone()).or_insert_with(|| ReportRow {
            group: key,
            ..ReportRow::default()
        });
        row.add(c, d)?;
        total.add(c, d)?;
    }
    Ok(CompletionReport {
        from,
        to,
        grouping,
        rows: groups.into_values().collect(),
        total,
    })
}

fn practitioner(practitioners: &HashMap<String, String>, person: &str) -> String {
    practitioners
        .get(person)
        .cloned()
        .unwrap_or_else(|| "unassigned".to_owned())
}

fn csv_error(e: impl fmt::Display) -> ReportError {
    ReportError::Csv {
        reason: e.to_string(),
    }
}

fn write_csv<T>(
    header: &[&str],
    rows: &[T],
    to_record: impl Fn(&T) -> Vec<String>,
) -> Result<String, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        writer.write_record(to_record(row)).map_err(csv_error)?;
    }
    let bytes = writer.into_inner().map_err(csv_error)?;
    String::from_utf8(bytes).map_err(csv_error)
}

impl CompletionReport {
    /// The report's column headings, in order: the CSV header and the list of report headings
    /// the message files must cover.
    pub const COLUMNS: [&'static str; 9] = [
        "group",
        "completions",
        "courses_completed",
        "minutes_credited",
        "actual_minutes",
        "guided_minutes",
        "agreements_used",
        "duplicates",
        "failures",
    ];

    /// CSV with the columns `group, completions, courses_completed, minutes_credited,
    /// actual_minutes, guided_minutes, agreements_used, duplicates, failures` (minutes as whole
    /// numbers), one line per group and a last line `total`.
    pub fn to_csv(&self) -> Result<String, ReportError> {
        let rows: Vec<&ReportRow> = self
            .rows
            .iter()
            .chain(std::iter::once(&self.total))
            .collect();
        write_csv(&Self::COLUMNS, &rows, |r| {
            vec![
                r.group.clone(),
                r.completions.to_string(),
                r.courses_completed.to_string(),
                r.minutes_credited.get().to_string(),
                r.actual_minutes.get().to_string(),
                r.guided_minutes.get().to_string(),
                r.agreements_used.to_string(),
                r.duplicates.to_string(),
                r.failures.to_string(),
            ]
        })
    }
}

/// The completions a practitioner should hear about (H-14).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Notification {
    /// The practitioner's id (`unassigned` for people with none).
    pub practitioner: String,
    /// The decisions for their people's completions, by completion time.
    pub decisions: Vec<CreditDecision>,
}

/// Completions recorded after `since` (the last report), per practitioner (H-14), sorted by
/// practitioner.
pub fn practitioner_notifications(
    completions: &[Completion],
    decisions: &[CreditDecision],
    practitioners: &HashMap<String, String>,
    since: DateTime<Utc>,
) -> Result<Vec<Notification>, ReportError> {
    let mut by_practitioner: BTreeMap<String, Vec<(DateTime<Utc>, CreditDecision)>> =
        BTreeMap::new();
    for d in decisions {
        let c = completions
            .get(d.position)
            .ok_or(ReportError::NoCompletion {
                position: d.position,
            })?;
        if c.completed_at() > since {
            by_practitioner
                .entry(practitioner(practitioners, c.person_ref()))
                .or_default()
                .push((c.completed_at(), d.clone()));
        }
    }
    Ok(by_practitioner
        .into_iter()
        .map(|(practitioner, mut items)| {
            items.sort_by_key(|(at, d)| (*at, d.position));
            Notification {
                practitioner,
                decisions: items.into_iter().map(|(_, d)| d).collect(),
            }
        })
        .collect())
}

/// What a completion certificate shows (H-15, W-2). `Debug` hides the name. The printable page
/// is made by the `ete-certificates` crate.
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct Certificate {
    /// The person's reference.
    pub person_ref: String,
    /// The person's name as the portal has it (personal data).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub person_name: String,
    /// The course.
    pub course_name: String,
    /// The course's provider, as the portal names it.
    pub provider: String,
    /// The person's probation region, as the portal names it.
    pub region: String,
    /// The day it was completed (England and Wales).
    pub completed_on: NaiveDate,
    /// The time credited.
    pub credited: Minutes,
    /// The certificate's language, a BCP-47 tag (`en`, `cy`, `pl`).
    pub language: String,
}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("person_ref", &self.person_ref)
            .field("course_name", &self.course_name)
            .field("provider", &self.provider)
            .field("region", &self.region)
            .field("completed_on", &self.completed_on)
            .field("credited", &self.credited)
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// The certificate for a completion and its decision (H-15); `None` for a failed course.
pub fn certificate(
    completion: &Completion,
    decision: &CreditDecision,
    language: &str,
) -> Option<Certificate> {
    if completion.status() == CompletionStatus::Failed {
        return None;
    }
    let fields = completion.fields();
    Some(Certificate {
        person_ref: completion.person_ref().to_owned(),
        person_name: format!("{} {}", fields.first_name, fields.last_name)
            .trim()
            .to_owned(),
        course_name: completion.course_name().to_owned(),
        provider: fields.provider.clone(),
        region: fields.region.clone(),
        completed_on: completion.local_date(),
        credited: decision.credited,
        language: language.to_owned(),
    })
}

/// A region's ETE delivery against its target (H-16).
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, str)
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Delivery {
    /// ETE minutes delivered.
    pub delivered: Minutes,
    /// The baseline the target is set against.
    pub baseline: Minutes,
    /// The target as a percentage of the baseline (the seed's region: 155).
    pub target_percent: u32,
    /// `half_up(baseline × target_percent / 100)`.
    pub target: Minutes,
    /// Delivered as a percentage of the target, in tenths of a percent, `half_up`.
    pub achieved_tenths: u64,
}

impl fmt::Display for Delivery {
    /// `delivered 120:00 of 155:00 (77.4%)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "delivered {} of {} ({}.{}%)",
            self.delivered,
            self.target,
            self.achieved_tenths / 10,
            self.achieved_tenths % 10
        )
    }
}

/// Delivery against a target of `target_percent` of `baseline` (H-16).
///
/// ```
/// use ete_core::hours::delivery_against_target;
/// use ete_core::Minutes;
///
/// let d = delivery_against_target(Minutes::new(7_200)?, Minutes::new(6_000)?, 155)?;
/// assert_eq!(d.target.get(), 9_300);
/// assert_eq!(d.to_string(), "delivered 120:00 of 155:00 (77.4%)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn delivery_against_target(
    delivered: Minutes,
    baseline: Minutes,
    target_percent: u32,
) -> Result<Delivery, ReportError> {
    let target = Ratio::percent(target_percent).apply(baseline, Rounding::HalfUp)?;
    if target == Minutes::ZERO {
        return Err(ReportError::ZeroTarget {
            baseline,
            target_percent,
        });
    }
    let tenths = Ratio::new(1_000, target.get())
        .map_err(|_| ReportError::ZeroTarget {
            baseline,
            target_percent,
        })?
        .apply(delivered, Rounding::HalfUp)?;
    Ok(Delivery {
        delivered,
        baseline,
        target_percent,
        target,
        achieved_tenths: tenths.get(),
    })
}

/// The nDelius evidence export: one line per decision with the columns `person_ref,
/// requirement_id, course_name, date, action, minutes, reason, notes`, where `action` is
/// `credit` or `do not credit`, `minutes` is `HH:MM`, `reason` the code and `notes` the sentence.
pub fn ndelius_evidence_csv(decisions: &[CreditDecision]) -> Result<String, ReportError> {
    ndelius_evidence_csv_with(decisions, |reason| reason.explanation().to_owned())
}

/// The nDelius evidence export's column headings, in order (the list of report headings the
/// message files must cover).
pub const EVIDENCE_COLUMNS: [&str; 8] = [
    "person_ref",
    "requirement_id",
    "course_name",
    "date",
    "action",
    "minutes",
    "reason",
    "notes",
];

/// [`ndelius_evidence_csv`] with the `notes` sentence for each reason given by `notes` (the
/// `ete-messages` crate passes the reason's text in a person's language). The columns and the
/// `HH:MM` minutes stay the nDelius form whatever the language.
pub fn ndelius_evidence_csv_with(
    decisions: &[CreditDecision],
    notes: impl Fn(CreditReason) -> String,
) -> Result<String, ReportError> {
    write_csv(&EVIDENCE_COLUMNS, decisions, |d| {
        let action = if d.credited > Minutes::ZERO {
            "credit"
        } else {
            "do not credit"
        };
        vec![
            d.person_ref.clone(),
            d.requirement_id.clone().unwrap_or_default(),
            d.course_name.clone(),
            d.date.to_string(),
            action.to_owned(),
            d.credited.to_string(),
            d.reason.code().to_owned(),
            notes(d.reason),
        ]
    })
}
