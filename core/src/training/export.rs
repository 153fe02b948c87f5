//! `training-records.csv` (P-4): one row per learner, the columns of [`COLUMNS`] in that
//! order, written by the `csv` crate as UTF-8 with a header line, ready for a Word mail merge
//! (Mailings → Select Recipients → Use an existing list). The redacted variant drops every
//! personal column, for statistics.

use crate::training::error::TrainingError;
use crate::training::listing::RecordRow;

/// A column of `training-records.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Column {
    /// The header (a Word merge field name: letters, digits and `_`).
    pub name: &'static str,
    /// Personal data: left out of the redacted variant.
    pub personal: bool,
    /// What it holds.
    pub doc: &'static str,
}

const fn col(name: &'static str, personal: bool, doc: &'static str) -> Column {
    Column {
        name,
        personal,
        doc,
    }
}

/// The columns, in their stable order.
pub const COLUMNS: [Column; 25] = [
    col("learner_id", false, "the learner's id"),
    col("forename", true, "forename"),
    col("surname", true, "surname"),
    col("date_of_birth", true, "date of birth, YYYY-MM-DD"),
    col("emergency_contact", true, "first emergency contact's name"),
    col(
        "emergency_phone",
        true,
        "first emergency contact's telephone",
    ),
    col("school", false, "the school's id"),
    col("provider", false, "the provider's id"),
    col("cohort", false, "the cohort"),
    col("course", false, "the course"),
    col(
        "placement_status",
        false,
        "latest placement: applied, accepted, started, withdrawn, completed",
    ),
    col(
        "attendance_rate",
        false,
        "attended / possible sessions, percent to 2 places (R-7)",
    ),
    col("attended", false, "sessions present or late (R-7)"),
    col("possible", false, "possible sessions (R-7)"),
    col("authorised", false, "authorised absences"),
    col("unauthorised", false, "unauthorised absences"),
    col(
        "unexplained",
        false,
        "unexplained absences not yet processed (R-4)",
    ),
    col(
        "contribution_count",
        false,
        "contribution scores recorded (R-10)",
    ),
    col("contribution_mean", false, "their mean to 2 places (R-10)"),
    col("units_completed", false, "counted units completed (P-2)"),
    col(
        "units_total",
        false,
        "units counted towards progression (P-2)",
    ),
    col(
        "latest_appraisal",
        false,
        "latest tutor appraisal's date, YYYY-MM-DD",
    ),
    col("targets_achieved", false, "non-academic targets achieved"),
    col("targets_set", false, "non-academic targets set"),
    col(
        "targets_overdue",
        false,
        "targets overdue on the export's date",
    ),
];

fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl RecordRow {
    /// The row's values in [`COLUMNS`] order.
    pub fn values(&self) -> [String; COLUMNS.len()] {
        [
            self.learner.clone(),
            self.forename.clone(),
            self.surname.clone(),
            text(self.date_of_birth),
            text(self.emergency_contact.as_deref()),
            text(self.emergency_phone.as_deref()),
            self.school.clone(),
            self.provider.clone(),
            self.cohort.clone(),
            self.course.clone(),
            text(self.status),
            text(self.attendance_rate.as_deref()),
            self.attended.to_string(),
            self.possible.to_string(),
            self.authorised.to_string(),
            self.unauthorised.to_string(),
            self.unexplained.to_string(),
            self.contribution_count.to_string(),
            text(self.contribution_mean.as_deref()),
            self.units_completed.to_string(),
            self.units_total.to_string(),
            text(self.latest_appraisal),
            self.targets_achieved.to_string(),
            self.targets_set.to_string(),
            self.targets_overdue.to_string(),
        ]
    }
}

/// `training-records.csv` for the rows given, in their order; `redacted` leaves out the
/// personal columns. An error never quotes a value.
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::training::*;
///
/// let file = LearnerFile::new(TrainingRecord::new("LRN-1", "SCH-1", "PRV-1", "2026-A", "CRS-1"));
/// let on = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
/// let csv = training_records_csv(&[file.row(on)], true)?;
/// assert!(csv.starts_with("learner_id,school,provider,cohort,course,"));
/// # Ok::<(), TrainingError>(())
/// ```
pub fn training_records_csv(rows: &[RecordRow], redacted: bool) -> Result<String, TrainingError> {
    let keep = |i: usize| COLUMNS.get(i).is_some_and(|c| !(redacted && c.personal));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = COLUMNS
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, c)| c.name);
    let fail = |e: csv::Error| TrainingError::malformed("training-records.csv", e.to_string());
    writer.write_record(header).map_err(fail)?;
    for row in rows {
        let values = row.values();
        let kept = values
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .map(|(_, v)| v);
        writer.write_record(kept).map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| TrainingError::malformed("training-records.csv", e.error().to_string()))?;
    String::from_utf8(bytes)
        .map_err(|_| TrainingError::malformed("training-records.csv", "not UTF-8"))
}
