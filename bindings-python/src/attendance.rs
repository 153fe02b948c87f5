//! Attendance summaries, statutory codes and absence flags, unprocessed absences
//! and contribution summaries. Rates are exact `fractions.Fraction`s.

use ete_core::python_types::Day;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use ete_core::Fraction;
use ete_core::contribution::ContributionSummary;
use ete_core::register::{self, AttendanceSummary, Scope, StatutoryPolicy};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{Instant, Whole, plain, repr_call};
use crate::errors::py_result;
use crate::register::{PyRegister, mark, snapshots};

/// An exact `fractions.Fraction`.
fn fraction<'py>(py: Python<'py>, f: Fraction) -> PyResult<Bound<'py, PyAny>> {
    py.import("fractions")?
        .getattr("Fraction")?
        .call1((f.numerator(), f.denominator()))
}

/// Counts per mark for a learner or a group, and the rates that follow from them. The
/// statutory figures are `statutory_summary`'s.
#[pyclass(name = "AttendanceSummary", module = "ete_core", frozen)]
pub struct PyAttendanceSummary {
    inner: AttendanceSummary,
}

/// The statutory policy from its JSON (`None`: the default mapping and thresholds, R-8).
pub(crate) fn statutory_policy(json: Option<&str>) -> PyResult<StatutoryPolicy> {
    json.map_or_else(
        || Ok(StatutoryPolicy::default()),
        |text| py_result(StatutoryPolicy::from_json(text)),
    )
}

#[pymethods]
impl PyAttendanceSummary {
    /// Entries per mark code (marks with none are left out).
    #[getter]
    fn counts(&self) -> BTreeMap<&'static str, u64> {
        self.inner
            .counts
            .iter()
            .map(|(m, n)| (m.code(), *n))
            .collect()
    }
    #[getter]
    fn unmarked(&self) -> u64 {
        self.inner.unmarked
    }
    /// Possible sessions: marked entries except not required.
    #[getter]
    fn possible(&self) -> u64 {
        self.inner.possible()
    }
    /// Exact rates over possible sessions (attended, authorised, unauthorised, unexplained,
    /// dismissed), adding up to 1; `None` with no possible sessions.
    fn rates<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(r) = self.inner.rates() else {
            return Ok(None);
        };
        let out = PyDict::new(py);
        for (name, f) in [
            ("attended", r.attended),
            ("authorised", r.authorised),
            ("unauthorised", r.unauthorised),
            ("unexplained", r.unexplained),
            ("dismissed", r.dismissed),
        ] {
            out.set_item(name, fraction(py, f)?)?;
        }
        Ok(Some(out))
    }
    /// The same rates as percentages to `places` decimals (`"33.3"`), rounded half up (one
    /// place when None); more than 30 places is `InvalidField`.
    #[pyo3(signature = (places = None))]
    fn percentages(
        &self,
        places: Option<Whole<u32>>,
    ) -> PyResult<Option<BTreeMap<&'static str, String>>> {
        let Some(r) = self.inner.rates() else {
            return Ok(None);
        };
        let p = places.map_or(1, |p| p.0);
        Ok(Some(BTreeMap::from([
            ("attended", py_result(r.attended.percent(p))?),
            ("authorised", py_result(r.authorised.percent(p))?),
            ("unauthorised", py_result(r.unauthorised.percent(p))?),
            ("unexplained", py_result(r.unexplained.percent(p))?),
            ("dismissed", py_result(r.dismissed.percent(p))?),
        ])))
    }
    fn __repr__(&self) -> String {
        repr_call(
            "AttendanceSummary",
            &[
                ("possible", self.inner.possible().to_string()),
                ("unmarked", self.inner.unmarked.to_string()),
            ],
        )
    }
}

/// Per-learner summaries, the group's (the sum of its members') and registers not completed.
#[pyclass(name = "SummaryReport", module = "ete_core", frozen)]
pub struct PySummaryReport {
    inner: register::SummaryReport,
}

#[pymethods]
impl PySummaryReport {
    #[getter]
    fn learners(&self) -> BTreeMap<String, PyAttendanceSummary> {
        self.inner
            .learners
            .iter()
            .map(|(l, s)| (l.clone(), PyAttendanceSummary { inner: s.clone() }))
            .collect()
    }
    #[getter]
    fn group(&self) -> PyAttendanceSummary {
        PyAttendanceSummary {
            inner: self.inner.group.clone(),
        }
    }
    #[getter]
    fn incomplete_registers(&self) -> Vec<String> {
        self.inner.incomplete_registers.clone()
    }
}

/// Summarises attendance over registers as of `now`, for some learners (all by default)
/// and lesson days `date_from..=date_to`.
#[pyfunction]
#[pyo3(signature = (registers, now, *, learners = None, date_from = None, date_to = None))]
pub(crate) fn summarise(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    now: Instant,
    learners: Option<Vec<String>>,
    date_from: Option<Day>,
    date_to: Option<Day>,
) -> PyResult<PySummaryReport> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    Ok(PySummaryReport {
        inner: register::summarise(&registers, &scope, now.0),
    })
}

/// The statutory figures per learner and for the group over lesson days
/// `date_from..=date_to`, as plain data: each entry counted by the category of the code
/// `policy` (a statutory policy's JSON; default: docs/RULES.md R-8) maps its mark to, the policy
/// checked on each lesson's day (a code unknown, withdrawn or not yet in force is
/// `InvalidPolicy`).
#[pyfunction]
#[pyo3(signature = (registers, *, learners = None, date_from = None, date_to = None, policy = None))]
pub(crate) fn statutory_summary<'py>(
    py: Python<'py>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learners: Option<Vec<String>>,
    date_from: Option<Day>,
    date_to: Option<Day>,
    policy: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    let report = register::statutory_summary(&registers, &scope, &statutory_policy(policy)?);
    plain(py, &py_result(report)?)
}

/// The statutory export as CSV text: one row per learner, columns as core documents
/// them (`StatutoryReport::csv_header`); arguments as `statutory_summary`'s.
#[pyfunction]
#[pyo3(signature = (registers, *, learners = None, date_from = None, date_to = None, policy = None))]
pub(crate) fn statutory_csv(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learners: Option<Vec<String>>,
    date_from: Option<Day>,
    date_to: Option<Day>,
    policy: Option<&str>,
) -> PyResult<String> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    py_result(register::statutory_csv(
        &registers,
        &scope,
        &statutory_policy(policy)?,
    ))
}

/// The statutory code set as plain data: code, meaning, category, valid_from, valid_to.
#[pyfunction]
pub(crate) fn statutory_codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    plain(py, &register::STATUTORY_CODES.as_slice())
}

/// An unexplained absence waiting for the school.
#[pyclass(name = "UnprocessedAbsence", module = "ete_core", frozen, get_all)]
pub struct PyUnprocessedAbsence {
    lesson: String,
    starts_at: DateTime<Utc>,
    learner: String,
}

/// The unexplained absences of `learners` (a school's), oldest first.
#[pyfunction]
pub(crate) fn unprocessed_absences(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learners: Vec<String>,
) -> PyResult<Vec<PyUnprocessedAbsence>> {
    let registers = snapshots(py, &registers)?;
    Ok(register::unprocessed_absences(&registers, &learners)
        .into_iter()
        .map(|a| PyUnprocessedAbsence {
            lesson: a.lesson,
            starts_at: a.starts_at,
            learner: a.learner,
        })
        .collect())
}

/// The statutory code for a mark (R-8; `policy`: a statutory policy's JSON, default mapping
/// when `None`), or `None` (not required).
#[pyfunction]
#[pyo3(signature = (mark, policy = None))]
pub(crate) fn statutory_code(mark: &str, policy: Option<&str>) -> PyResult<Option<String>> {
    Ok(statutory_policy(policy)?
        .code(self::mark(mark)?)
        .map(str::to_owned))
}

/// Count, sum and exact mean of contribution scores.
#[pyclass(name = "ContributionSummary", module = "ete_core", frozen)]
pub struct PyContributionSummary {
    inner: ContributionSummary,
}

#[pymethods]
impl PyContributionSummary {
    #[getter]
    fn count(&self) -> u64 {
        self.inner.count
    }
    #[getter]
    fn sum(&self) -> i64 {
        self.inner.sum
    }
    /// The exact mean as a `fractions.Fraction`, or `None` with no scores.
    fn mean<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.mean().map(|f| fraction(py, f)).transpose()
    }
    /// The mean to two decimals (`"1.33"`), or `None` with no scores.
    fn mean_text(&self) -> Option<String> {
        self.inner.mean_text()
    }
    fn __repr__(&self) -> String {
        repr_call(
            "ContributionSummary",
            &[
                ("count", self.inner.count.to_string()),
                ("sum", self.inner.sum.to_string()),
            ],
        )
    }
}

/// A learner's contribution summary over registers, for lesson days `date_from..=date_to`.
#[pyfunction]
#[pyo3(signature = (registers, learner, *, date_from = None, date_to = None))]
pub(crate) fn contribution_summary(
    py: Python<'_>,
    registers: Vec<PyRef<'_, PyRegister>>,
    learner: &str,
    date_from: Option<Day>,
    date_to: Option<Day>,
) -> PyResult<PyContributionSummary> {
    let date_from = date_from.map(|d| d.0);
    let date_to = date_to.map(|d| d.0);
    let scope = Scope {
        learners: None,
        from: date_from,
        to: date_to,
    };
    let registers = snapshots(py, &registers)?;
    Ok(PyContributionSummary {
        inner: register::contribution_summary(&registers, learner, &scope),
    })
}

/// The summary of some scores; any score outside −2..=+2 is `InvalidContribution`.
#[pyfunction]
pub(crate) fn summarise_contributions(scores: Vec<Whole<i64>>) -> PyResult<PyContributionSummary> {
    let scores = scores
        .into_iter()
        .map(|Whole(s)| ete_core::contribution::Contribution::new(s))
        .collect::<Result<Vec<_>, _>>();
    Ok(PyContributionSummary {
        inner: ContributionSummary::of(crate::errors::py_result(scores)?),
    })
}
