//! The requirement ledger (H-9..H-12): a `Requirement` object safe to share between threads.

use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::hours::{
    self, AppointmentOutcome, IncentiveStatus, LedgerEntry, LedgerEvent, LedgerPolicy,
    LedgerStatus, OrderKind, RequirementTerms,
};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{parse_enum, py_result};
use crate::minutes::minutes;

fn enum_name<T: serde::Serialize + std::fmt::Debug>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{value:?}"),
    }
}

/// One ledger entry: build it with `work_appointment`, `ete_credit`, `adjustment` or `extension`.
#[pyclass(name = "LedgerEntry", module = "ete_core", frozen)]
pub struct PyLedgerEntry {
    inner: LedgerEntry,
}

#[pymethods]
impl PyLedgerEntry {
    /// A work appointment; outcome is "attended", "acceptable_absence" or "unacceptable_absence".
    #[staticmethod]
    fn work_appointment(
        date: NaiveDate,
        by: String,
        minutes: i64,
        outcome: &str,
    ) -> PyResult<PyLedgerEntry> {
        let outcome: AppointmentOutcome = parse_enum(
            "outcome",
            outcome,
            "attended, acceptable_absence or unacceptable_absence",
        )?;
        let event = LedgerEvent::WorkAppointment {
            minutes: self::minutes(minutes)?,
            outcome,
        };
        Ok(PyLedgerEntry {
            inner: LedgerEntry::new(date, by, event),
        })
    }
    /// ETE credit for a course.
    #[staticmethod]
    fn ete_credit(
        date: NaiveDate,
        by: String,
        minutes: i64,
        course_name: String,
    ) -> PyResult<PyLedgerEntry> {
        let event = LedgerEvent::EteCredit {
            minutes: self::minutes(minutes)?,
            course_name,
        };
        Ok(PyLedgerEntry {
            inner: LedgerEntry::new(date, by, event),
        })
    }
    /// A court change to the required time, in signed minutes.
    #[staticmethod]
    fn adjustment(date: NaiveDate, by: String, minutes: i64) -> PyLedgerEntry {
        PyLedgerEntry {
            inner: LedgerEntry::new(date, by, LedgerEvent::Adjustment { minutes }),
        }
    }
    /// An extension of the completion period, in calendar months.
    #[staticmethod]
    fn extension(date: NaiveDate, by: String, months: u32) -> PyLedgerEntry {
        PyLedgerEntry {
            inner: LedgerEntry::new(date, by, LedgerEvent::Extension { months }),
        }
    }
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }
    #[getter]
    fn by(&self) -> &str {
        &self.inner.by
    }
    fn __repr__(&self) -> String {
        format!(
            "LedgerEntry({} by {}: {:?})",
            self.inner.date, self.inner.by, self.inner.event
        )
    }
}

/// The numbers a region could set differently for requirements (H-9..H-12).
#[pyclass(name = "LedgerPolicy", module = "ete_core", frozen)]
pub struct PyLedgerPolicy {
    inner: LedgerPolicy,
}

#[pymethods]
impl PyLedgerPolicy {
    #[new]
    fn new() -> PyLedgerPolicy {
        PyLedgerPolicy {
            inner: LedgerPolicy::default(),
        }
    }
    /// Loads a policy from JSON, e.g. `{"eteShare": {"numerator": 30, "denominator": 100}}`.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<PyLedgerPolicy> {
        serde_json::from_str(text)
            .map(|inner| PyLedgerPolicy { inner })
            .map_err(|e| {
                crate::errors::InvalidPolicy::new_err(format!("invalid ledger policy JSON: {e}"))
            })
    }
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

fn incentive_dict<'py>(py: Python<'py>, i: &IncentiveStatus) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("state", enum_name(&i.state))?;
    d.set_item("qualifying", i.qualifying)?;
    d.set_item("threshold", i.threshold.get())?;
    d.set_item("current_discount", i.current_discount.get())?;
    d.set_item("maximum_discount", i.maximum_discount.get())?;
    d.set_item("projected_discount", i.projected_discount.get())?;
    Ok(d)
}

fn status_dict<'py>(py: Python<'py>, s: &LedgerStatus) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("required", s.required.get())?;
    d.set_item("adjustments", s.adjustments)?;
    d.set_item("completed", s.completed.get())?;
    d.set_item("ete_completed", s.ete_completed.get())?;
    d.set_item("ete_allowance", s.ete_allowance.get())?;
    d.set_item("ete_remaining", s.ete_remaining.get())?;
    d.set_item("discount", s.discount.get())?;
    d.set_item("remaining", s.remaining.get())?;
    d.set_item("end_date", s.end_date)?;
    d.set_item("complete", s.complete)?;
    d.set_item("overdue", s.overdue)?;
    d.set_item("incentive", incentive_dict(py, &s.incentive)?)?;
    Ok(d)
}

/// An Unpaid Work requirement and its ledger (H-9..H-12). Safe to share between threads.
#[pyclass(name = "Requirement", module = "ete_core", frozen)]
pub struct PyRequirement {
    inner: Mutex<hours::Requirement>,
}

impl PyRequirement {
    fn lock(&self) -> PyResult<MutexGuard<'_, hours::Requirement>> {
        self.inner.lock().map_err(|_| {
            PyRuntimeError::new_err("a thread panicked while holding this requirement")
        })
    }
    /// A copy of the core requirement.
    pub fn snapshot(&self) -> PyResult<hours::Requirement> {
        Ok(self.lock()?.clone())
    }
}

#[pymethods]
impl PyRequirement {
    #[new]
    #[pyo3(signature = (id, person_ref, kind, required, start, incentive_eligible = false, policy = None))]
    fn new(
        id: String,
        person_ref: String,
        kind: &str,
        required: i64,
        start: NaiveDate,
        incentive_eligible: bool,
        policy: Option<PyRef<'_, PyLedgerPolicy>>,
    ) -> PyResult<PyRequirement> {
        let kind: OrderKind = parse_enum("order kind", kind, "adult or youth")?;
        let terms = RequirementTerms {
            id,
            person_ref,
            kind,
            required: minutes(required)?,
            start,
            incentive_eligible,
        };
        let policy = policy.map(|p| p.inner).unwrap_or_default();
        py_result(hours::Requirement::new(terms, policy)).map(|r| PyRequirement {
            inner: Mutex::new(r),
        })
    }
    /// Reads a requirement from its JSON form, replaying every entry through the rules.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<PyRequirement> {
        py_result(hours::Requirement::from_json(text)).map(|r| PyRequirement {
            inner: Mutex::new(r),
        })
    }
    fn to_json(&self) -> PyResult<String> {
        py_result(self.lock()?.to_json())
    }
    #[getter]
    fn id(&self) -> PyResult<String> {
        Ok(self.lock()?.id().to_owned())
    }
    #[getter]
    fn person_ref(&self) -> PyResult<String> {
        Ok(self.lock()?.person_ref().to_owned())
    }
    /// Number of entries recorded.
    fn __len__(&self) -> PyResult<usize> {
        Ok(self.lock()?.entries().len())
    }
    /// Records one entry, or raises with the ledger unchanged.
    fn record(&self, entry: PyRef<'_, PyLedgerEntry>) -> PyResult<()> {
        py_result(self.lock()?.record(entry.inner.clone()))
    }
    /// Records every entry or none; the error names the first refused entry's position.
    fn record_all(&self, entries: Vec<PyRef<'_, PyLedgerEntry>>) -> PyResult<()> {
        let entries = entries.iter().map(|e| e.inner.clone()).collect();
        py_result(self.lock()?.record_all(entries))
    }
    /// How much of a proposed ETE credit fits: `(fits, rest)` (H-10).
    fn ete_fit(&self, proposed: i64) -> PyResult<(u64, u64)> {
        let fit = py_result(self.lock()?.ete_fit(minutes(proposed)?))?;
        Ok((fit.fits.get(), fit.rest.get()))
    }
    /// Every figure on a day, as a dict (incentive figures under "incentive").
    fn status<'py>(&self, py: Python<'py>, on: NaiveDate) -> PyResult<Bound<'py, PyDict>> {
        let status = py_result(self.lock()?.status(on))?;
        status_dict(py, &status)
    }
    fn __repr__(&self) -> PyResult<String> {
        let r = self.lock()?;
        Ok(format!(
            "Requirement(id={:?}, person_ref={:?}, entries={})",
            r.id(),
            r.person_ref(),
            r.entries().len()
        ))
    }
}

/// Records the credits of `decisions` on the requirements as ETE credits (H-10), all or nothing;
/// returns how many were recorded. Every requirement is locked for the whole call, so no other
/// thread records in between.
#[pyfunction]
fn record_credits(
    requirements: Vec<PyRef<'_, PyRequirement>>,
    decisions: Vec<PyRef<'_, crate::credit::PyCreditDecision>>,
    by: &str,
) -> PyResult<usize> {
    // Lock each distinct requirement once, in address order, so two calls cannot deadlock.
    let mut distinct: Vec<&PyRequirement> = requirements.iter().map(|r| &**r).collect();
    distinct.sort_by_key(|r| std::ptr::from_ref(*r) as usize);
    distinct.dedup_by_key(|r| std::ptr::from_ref(*r) as usize);
    let mut guards = distinct
        .iter()
        .map(|r| r.lock())
        .collect::<PyResult<Vec<_>>>()?;
    let mut working: Vec<hours::Requirement> = guards.iter().map(|g| (**g).clone()).collect();
    let decisions: Vec<hours::CreditDecision> = decisions.iter().map(|d| d.inner.clone()).collect();
    let recorded = py_result(hours::record_credits(&mut working, &decisions, by))?;
    for (guard, updated) in guards.iter_mut().zip(working) {
        **guard = updated;
    }
    Ok(recorded)
}

/// Adds the classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(record_credits, m)?)?;
    m.add_class::<PyLedgerEntry>()?;
    m.add_class::<PyLedgerPolicy>()?;
    m.add_class::<PyRequirement>()?;
    Ok(())
}
