//! A team's compliance on a date (S-1, S-2): for each person, each PQF task's decision and each
//! mandatory course's state, with what needs attention — working-towards deadlines and expiries
//! within the next N days (due soon) as against those already passed (overdue, expired) — as
//! rows and as CSV. Rows name people by id only.

#[cfg(feature = "python")]
use pyo3::prelude::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::staff::{
    LearningState, StaffError, StaffPolicy, StaffRecord, TaskStatus, mandatory_status,
    task_decision,
};

/// What a row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RowKind {
    /// A PQF task (S-2).
    Task,
    /// A mandatory course (S-1).
    Mandatory,
}

crate::codes!(RowKind, "row kind", {
    Task => "task",
    Mandatory => "mandatory",
});

/// What a row asks of a manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Attention {
    /// Nothing.
    None,
    /// A deadline or expiry within the report's days.
    DueSoon,
    /// A working-towards deadline passed.
    Overdue,
    /// Mandatory learning expired.
    Expired,
    /// Mandatory learning never done.
    NeverDone,
    /// Not eligible for the task.
    NotEligible,
}

crate::codes!(Attention, "attention", {
    None => "none",
    DueSoon => "due_soon",
    Overdue => "overdue",
    Expired => "expired",
    NeverDone => "never_done",
    NotEligible => "not_eligible",
});

/// One person and one task or course.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComplianceRow {
    /// The person's id.
    pub person: String,
    /// A task or a mandatory course.
    pub kind: RowKind,
    /// The task's or course's code.
    pub item: String,
    /// The task status's or learning state's code.
    pub status: String,
    /// The date that matters: a working-towards due date, the first overdue day, or an expiry.
    pub date: Option<NaiveDate>,
    /// Days from the report's date to `date` (negative when past).
    pub days: Option<i64>,
    /// What needs doing.
    pub attention: Attention,
}

/// A team's compliance on a date.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComplianceReport {
    /// The report's date.
    pub on: NaiveDate,
    /// The days ahead that count as due soon.
    pub within_days: u32,
    /// Per person (in the given order): each task in the policy's order, then each course.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub rows: Vec<ComplianceRow>,
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 7] = [
    "person",
    "kind",
    "item",
    "status",
    "date",
    "days",
    "attention",
];

/// The report of `records` on `on`: deadlines and expiries within `within_days` days are due
/// soon.
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::staff::*;
///
/// let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let r = StaffRecord::new("S-1", "Sam Example");
/// let report = team_compliance(&StaffPolicy::default(), &[r], day("2026-06-01"), 30)?;
/// let prevent = report.rows.iter().find(|r| r.item == "prevent").unwrap();
/// assert_eq!(prevent.attention, Attention::NeverDone);
/// let csv = report.to_csv()?;
/// assert!(csv.starts_with("person,kind,item,status,date,days,attention\n"));
/// assert!(!csv.contains("Sam"));
/// # Ok::<(), StaffError>(())
/// ```
pub fn team_compliance(
    policy: &StaffPolicy,
    records: &[StaffRecord],
    on: NaiveDate,
    within_days: u32,
) -> Result<ComplianceReport, StaffError> {
    let days_to = |d: NaiveDate| d.signed_duration_since(on).num_days();
    let soon = |d: NaiveDate| days_to(d) <= i64::from(within_days);
    let mut rows = Vec::new();
    for record in records {
        for task in &policy.tasks {
            let d = task_decision(policy, record, &task.id, on)?;
            let date = d.due.or(d.since);
            let attention = match d.status {
                TaskStatus::Eligible => Attention::None,
                TaskStatus::EligibleWorkingTowards => match d.due {
                    Some(due) if soon(due) => Attention::DueSoon,
                    _ => Attention::None,
                },
                TaskStatus::Overdue => Attention::Overdue,
                TaskStatus::NotEligible => Attention::NotEligible,
            };
            rows.push(ComplianceRow {
                person: record.id.clone(),
                kind: RowKind::Task,
                item: task.id.clone(),
                status: d.status.code().to_owned(),
                date,
                days: date.map(days_to),
                attention,
            });
        }
        for s in mandatory_status(policy, record, on)? {
            let attention = match s.state {
                LearningState::Expired => Attention::Expired,
                LearningState::NeverDone => Attention::NeverDone,
                _ => match s.expires_on {
                    Some(e) if soon(e) => Attention::DueSoon,
                    _ => Attention::None,
                },
            };
            rows.push(ComplianceRow {
                person: s.person,
                kind: RowKind::Mandatory,
                item: s.course,
                status: s.state.code().to_owned(),
                date: s.expires_on,
                days: s.expires_on.map(days_to),
                attention,
            });
        }
    }
    Ok(ComplianceReport {
        on,
        within_days,
        rows,
    })
}

impl ComplianceReport {
    /// The rows that need attention.
    pub fn needing_attention(&self) -> Vec<ComplianceRow> {
        self.rows
            .iter()
            .filter(|r| r.attention != Attention::None)
            .cloned()
            .collect()
    }

    /// The report as CSV (the `csv` crate): a header line, then one line per row.
    pub fn to_csv(&self) -> Result<String, StaffError> {
        let fail = |e: &dyn std::fmt::Display| StaffError::Csv {
            detail: e.to_string(),
        };
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(CSV_HEADER).map_err(|e| fail(&e))?;
        for r in &self.rows {
            let date = r.date.map(|d| d.to_string()).unwrap_or_default();
            let days = r.days.map(|d| d.to_string()).unwrap_or_default();
            out.write_record([
                r.person.as_str(),
                r.kind.code(),
                r.item.as_str(),
                r.status.as_str(),
                date.as_str(),
                days.as_str(),
                r.attention.code(),
            ])
            .map_err(|e| fail(&e))?;
        }
        let bytes = out.into_inner().map_err(|e| fail(&e))?;
        String::from_utf8(bytes).map_err(|e| fail(&e))
    }
}
