//! The training-records list (P-3): one row per learner with the figures CLM shows, filtered by
//! provider, cohort, school, surname prefix (case-insensitive) and placement status, sorted,
//! and cut into pages of a chosen size (CLM's default 20) with the total.

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::register::{Mark, Scope, contribution_summary, summarise};
use crate::training::error::TrainingError;
use crate::training::placement::PlacementStatus;
use crate::training::record::LearnerFile;

/// One learner's row: the list's line and the CSV's row ([`COLUMNS`](super::COLUMNS)). The
/// name, birth date and emergency contact are personal data: `Debug`, Python's `repr` and
/// Kotlin's `toString` leave them out.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct RecordRow {
    /// The learner's id.
    pub learner: String,
    /// Forename (personal).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub forename: String,
    /// Surname (personal).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub surname: String,
    /// Date of birth (personal).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub date_of_birth: Option<NaiveDate>,
    /// The first emergency contact's name (personal).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub emergency_contact: Option<String>,
    /// The first emergency contact's telephone (personal).
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub emergency_phone: Option<String>,
    /// The school's id.
    pub school: String,
    /// The provider's id.
    pub provider: String,
    /// The cohort.
    pub cohort: String,
    /// The course.
    pub course: String,
    /// The latest placement's status.
    pub status: Option<PlacementStatus>,
    /// Attended / possible sessions as a percentage to two decimals, when any were
    /// possible.
    pub attendance_rate: Option<String>,
    /// Sessions attended: present or late.
    pub attended: u64,
    /// Possible sessions.
    pub possible: u64,
    /// Authorised absences.
    pub authorised: u64,
    /// Unauthorised absences.
    pub unauthorised: u64,
    /// Unexplained absences still for the school to process.
    pub unexplained: u64,
    /// Contribution scores recorded.
    pub contribution_count: u64,
    /// Their mean to two decimals, when any.
    pub contribution_mean: Option<String>,
    /// Counted units completed (P-2).
    pub units_completed: u64,
    /// Units counted towards progression (P-2).
    pub units_total: u64,
    /// The latest appraisal's date.
    pub latest_appraisal: Option<NaiveDate>,
    /// Targets achieved.
    pub targets_achieved: u64,
    /// Targets set.
    pub targets_set: u64,
    /// Targets overdue on the listing's date.
    pub targets_overdue: u64,
}

impl fmt::Debug for RecordRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordRow")
            .field("learner", &self.learner)
            .field("school", &self.school)
            .field("provider", &self.provider)
            .field("cohort", &self.cohort)
            .field("status", &self.status)
            .field("attendance_rate", &self.attendance_rate)
            .field("units", &(self.units_completed, self.units_total))
            .finish_non_exhaustive()
    }
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl LearnerFile {
    /// The learner's row on `on` (targets overdue are counted on that date). Attendance and
    /// contribution come from [`summarise`] and [`contribution_summary`] over the file's
    /// register slices.
    pub fn row(&self, on: NaiveDate) -> RecordRow {
        let r = &self.record;
        let scope = Scope {
            learners: Some(vec![r.learner.clone()]),
            from: None,
            to: None,
        };
        let now = on.and_time(chrono::NaiveTime::MIN).and_utc();
        let attendance = summarise(&self.registers, &scope, now)
            .learners
            .remove(&r.learner)
            .unwrap_or_default();
        let tally = attendance.tally();
        let contribution = contribution_summary(&self.registers, &r.learner, &scope);
        let (units_completed, units_total) = r.units_completed();
        let contact = r.details.emergency_contacts.first();
        RecordRow {
            learner: r.learner.clone(),
            forename: r.details.forename.clone(),
            surname: r.details.surname.clone(),
            date_of_birth: r.details.date_of_birth,
            emergency_contact: contact.map(|c| c.name.clone()),
            emergency_phone: contact.map(|c| c.phone.clone()),
            school: r.school.clone(),
            provider: r.provider.clone(),
            cohort: r.cohort.clone(),
            course: r.course.clone(),
            status: self.latest_placement().and_then(|p| p.status()),
            attendance_rate: attendance
                .rates()
                .and_then(|rates| rates.attended.percent(2).ok()),
            attended: tally.attended(),
            possible: tally.possible(),
            authorised: tally.get(Mark::AuthorisedAbsence),
            unauthorised: tally.get(Mark::UnauthorisedAbsence),
            unexplained: tally.get(Mark::UnexplainedAbsence),
            contribution_count: contribution.count,
            contribution_mean: contribution.mean_text(),
            units_completed,
            units_total,
            latest_appraisal: r.appraisals().first().map(|a| a.on),
            targets_achieved: count(r.targets.iter().filter(|t| t.achieved).count()),
            targets_set: count(r.targets.len()),
            targets_overdue: count(r.overdue_targets(on).len()),
        }
    }
}

/// How the list is sorted; ties are broken by surname, forename, then learner id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SortKey {
    /// Surname, then forename (case-insensitive), then id.
    #[default]
    Surname,
    /// Learner id.
    Learner,
    /// School id.
    School,
    /// Provider id.
    Provider,
    /// Cohort.
    Cohort,
}

crate::codes!(SortKey, "sort key", "P-3", {
    Surname => "surname",
    Learner => "learner",
    School => "school",
    Provider => "provider",
    Cohort => "cohort",
});

/// Filters, sort and page (P-3). `None` filters match everything; the surname filter is a
/// case-insensitive prefix. Pages count from 1; `size` is CLM's 20 by default.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListQuery {
    /// Provider id.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub provider: Option<String>,
    /// Cohort.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cohort: Option<String>,
    /// School id.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub school: Option<String>,
    /// Surname prefix, case-insensitive (a filter value is not shown in `Debug` of rows, and
    /// never in errors).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub surname: Option<String>,
    /// The latest placement's status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<PlacementStatus>,
    /// The sort (Kotlin gives it: an enum field has no default there).
    pub sort: SortKey,
    /// The page, from 1.
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub page: u32,
    /// Rows per page, at least 1.
    #[cfg_attr(feature = "uniffi", uniffi(default = 20))]
    pub size: u32,
}

impl Default for ListQuery {
    fn default() -> ListQuery {
        ListQuery {
            provider: None,
            cohort: None,
            school: None,
            surname: None,
            status: None,
            sort: SortKey::Surname,
            page: 1,
            size: ListQuery::DEFAULT_SIZE,
        }
    }
}

/// One page of the list (P-3).
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, eq))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RecordPage {
    /// Rows matching the filters, on every page.
    pub total: u64,
    /// This page's number.
    pub page: u32,
    /// Rows per page.
    pub size: u32,
    /// How many pages the total fills (0 when nothing matches).
    pub pages: u64,
    /// This page's rows (empty past the last page).
    pub rows: Vec<RecordRow>,
}

#[cfg(feature = "python")]
#[pymethods]
impl RecordPage {
    /// Rows matching the filters, on every page.
    #[getter]
    fn total(&self) -> u64 {
        self.total
    }
    /// This page's number.
    #[getter]
    fn page(&self) -> u32 {
        self.page
    }
    /// Rows per page.
    #[getter]
    fn size(&self) -> u32 {
        self.size
    }
    /// How many pages the total fills.
    #[getter]
    fn pages(&self) -> u64 {
        self.pages
    }
    /// This page's rows (a copy: a page is a value).
    #[getter]
    fn rows(&self) -> Vec<RecordRow> {
        self.rows.clone()
    }
    fn __repr__(&self) -> String {
        format!(
            "RecordPage(total={}, page={}, size={}, pages={}, rows={})",
            self.total,
            self.page,
            self.size,
            self.pages,
            self.rows.len()
        )
    }
}

impl ListQuery {
    /// CLM's page size.
    pub const DEFAULT_SIZE: u32 = 20;

    fn matches(&self, row: &RecordRow) -> bool {
        let same =
            |filter: &Option<String>, value: &str| filter.as_deref().is_none_or(|f| f == value);
        same(&self.provider, &row.provider)
            && same(&self.cohort, &row.cohort)
            && same(&self.school, &row.school)
            && self.status.is_none_or(|s| row.status == Some(s))
            && self.surname.as_deref().is_none_or(|prefix| {
                row.surname
                    .to_lowercase()
                    .starts_with(&prefix.trim().to_lowercase())
            })
    }

    /// Every matching row, sorted (no paging): what the CSV export writes.
    pub fn rows<'a>(
        &self,
        files: impl IntoIterator<Item = &'a LearnerFile>,
        on: NaiveDate,
    ) -> Vec<RecordRow> {
        let mut rows: Vec<RecordRow> = files
            .into_iter()
            .map(|f| f.row(on))
            .filter(|r| self.matches(r))
            .collect();
        let name = |r: &RecordRow| (r.surname.to_lowercase(), r.forename.to_lowercase());
        rows.sort_by(|a, b| {
            let first = match self.sort {
                SortKey::Surname => std::cmp::Ordering::Equal,
                SortKey::Learner => a.learner.cmp(&b.learner),
                SortKey::School => a.school.cmp(&b.school),
                SortKey::Provider => a.provider.cmp(&b.provider),
                SortKey::Cohort => a.cohort.cmp(&b.cohort),
            };
            first
                .then_with(|| name(a).cmp(&name(b)))
                .then_with(|| a.learner.cmp(&b.learner))
        });
        rows
    }

    /// The page asked for, with the total. A page of 0 or a size of 0 is refused.
    pub fn page<'a>(
        &self,
        files: impl IntoIterator<Item = &'a LearnerFile>,
        on: NaiveDate,
    ) -> Result<RecordPage, TrainingError> {
        if self.size == 0 {
            return Err(TrainingError::field(
                "size",
                "0",
                "a page holds at least one row (P-3)",
            ));
        }
        if self.page == 0 {
            return Err(TrainingError::field(
                "page",
                "0",
                "pages count from 1 (P-3)",
            ));
        }
        let rows = self.rows(files, on);
        let total = count(rows.len());
        let size = u64::from(self.size);
        let pages = total.div_ceil(size);
        let skip = u64::from(self.page).saturating_sub(1).saturating_mul(size);
        let page_rows = rows
            .into_iter()
            .skip(usize::try_from(skip).unwrap_or(usize::MAX))
            .take(usize::try_from(size).unwrap_or(usize::MAX))
            .collect();
        Ok(RecordPage {
            total,
            page: self.page,
            size: self.size,
            pages,
            rows: page_rows,
        })
    }
}
