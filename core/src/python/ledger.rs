//! The requirement ledger's entries and policy (H-9..H-12).

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::Minutes;
use crate::hours::{LedgerEntry, LedgerEventKind, LedgerPolicy};
use crate::python::{Day, Whole, fail, plain, py_date, py_str};

/// An entry of `event`, with its command id when the caller gives one.
fn ledger_entry(
    date: NaiveDate,
    by: String,
    event: LedgerEventKind,
    id: Option<String>,
) -> LedgerEntry {
    let entry = LedgerEntry::new(date, by, event);
    match id {
        Some(id) => entry.with_id(id),
        None => entry,
    }
}

#[pymethods]
impl LedgerEntry {
    /// A work appointment; outcome is "attended", "acceptable_absence" or "unacceptable_absence".
    /// `id`: the command id (recording it again changes nothing).
    #[staticmethod]
    #[pyo3(signature = (date, by, minutes, outcome, *, id = None))]
    fn work_appointment(
        date: Day,
        by: String,
        minutes: Minutes,
        outcome: crate::hours::AppointmentOutcome,
        id: Option<String>,
    ) -> LedgerEntry {
        let event = LedgerEventKind::WorkAppointment { minutes, outcome };
        ledger_entry(date.0, by, event, id)
    }
    /// ETE credit for a course.
    #[staticmethod]
    #[pyo3(signature = (date, by, minutes, course_name, *, id = None))]
    fn ete_credit(
        date: Day,
        by: String,
        minutes: Minutes,
        course_name: String,
        id: Option<String>,
    ) -> LedgerEntry {
        let event = LedgerEventKind::EteCredit {
            minutes,
            course_name,
        };
        ledger_entry(date.0, by, event, id)
    }
    /// A court change to the required time, in signed minutes.
    #[staticmethod]
    #[pyo3(signature = (date, by, minutes, *, id = None))]
    fn adjustment(date: Day, by: String, minutes: Whole<i64>, id: Option<String>) -> LedgerEntry {
        let event = LedgerEventKind::Adjustment { minutes: minutes.0 };
        ledger_entry(date.0, by, event, id)
    }
    /// An extension of the completion period, in calendar months.
    #[staticmethod]
    #[pyo3(signature = (date, by, months, *, id = None))]
    fn extension(date: Day, by: String, months: Whole<u32>, id: Option<String>) -> LedgerEntry {
        let event = LedgerEventKind::Extension { months: months.0 };
        ledger_entry(date.0, by, event, id)
    }
    /// The command id that recorded the entry, or None.
    #[getter(id)]
    fn py_id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    /// The day it happened.
    #[getter]
    fn on(&self) -> NaiveDate {
        self.date
    }
    /// Who recorded it (a staff id).
    #[getter(by)]
    fn py_by(&self) -> &str {
        &self.by
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "LedgerEntry(on=datetime.date({}), by={}, event={})",
            self.date.format("%Y, %-m, %-d"),
            py_str(&self.by),
            plain(py, &self.event)?.repr()?
        ))
    }
}

#[pymethods]
impl LedgerPolicy {
    /// The default policy of the rules (H-9..H-12).
    #[new]
    fn py_new() -> LedgerPolicy {
        LedgerPolicy::default()
    }
    /// Loads a policy from JSON, e.g. `{"eteShare": {"numerator": 30, "denominator": 100}}`.
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<LedgerPolicy> {
        LedgerPolicy::from_json(text).map_err(fail)
    }
    /// The policy as JSON, as `from_json` reads it.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> String {
        crate::format::policy_json(self, false)
    }
    /// Its figures: `<LedgerPolicy ete_share=30/100 adult_hours=(40, 300) youth_hours=(40, 240)
    /// completion_months=12 max_extension_months=24>` (`to_json` gives the whole policy).
    fn __repr__(&self) -> String {
        format!(
            "<LedgerPolicy ete_share={}/{} adult_hours=({}, {}) youth_hours=({}, {}) \
             completion_months={} max_extension_months={}>",
            self.ete_share.numerator(),
            self.ete_share.denominator(),
            self.adult_hours.0,
            self.adult_hours.1,
            self.youth_hours.0,
            self.youth_hours.1,
            self.completion_months,
            self.max_extension_months
        )
    }
}

impl crate::hours::LedgerStatus {
    /// Every figure as a dict with `snake_case` keys (minutes as `int`, `end_date` a
    /// `datetime.date`, the incentive's figures under `"incentive"`, its state as a code):
    /// what `Requirement.status()` returns.
    pub fn to_py_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = plain(py, self)?.cast_into::<PyDict>()?;
        dict.set_item("end_date", py_date("end_date", self.end_date)?)?;
        Ok(dict)
    }
}
