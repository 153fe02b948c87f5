//! The requirement ledger (H-9..H-12): a `Requirement` object safe to share between threads.

use ete_core::Minutes;
use ete_core::hours::{self, LedgerEntry, LedgerPolicy, OrderKind, RequirementTerms};
use ete_core::python::Day;
use pyo3::prelude::*;

use crate::convert::py_repr;
use pyo3::types::PyDict;

use crate::errors::py_result;
use crate::shared::Shared;

/// An Unpaid Work requirement and its ledger (H-9..H-12). Safe to share between threads.
#[pyclass(name = "Requirement", module = "ete_core", frozen)]
pub struct PyRequirement {
    inner: Shared<hours::Requirement>,
}

impl PyRequirement {
    /// A copy of the core requirement.
    pub fn snapshot(&self, py: Python<'_>) -> PyResult<hours::Requirement> {
        self.inner.with(py, |r| r.clone())
    }
}

#[pymethods]
impl PyRequirement {
    #[new]
    #[pyo3(signature = (id, person_ref, kind, required, start, incentive_eligible = false, policy = None))]
    fn new(
        id: String,
        person_ref: String,
        kind: OrderKind,
        required: Minutes,
        start: Day,
        incentive_eligible: bool,
        policy: Option<LedgerPolicy>,
    ) -> PyResult<PyRequirement> {
        let start = start.0;
        let terms = RequirementTerms {
            id,
            person_ref,
            kind,
            required,
            start,
            incentive_eligible,
        };
        let policy = policy.unwrap_or_default();
        py_result(hours::Requirement::new(terms, policy)).map(|r| PyRequirement {
            inner: Shared::new(r),
        })
    }
    /// Reads a requirement from its JSON form, replaying every entry through the rules.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<PyRequirement> {
        py_result(py.detach(|| hours::Requirement::from_json(text))).map(|r| PyRequirement {
            inner: Shared::new(r),
        })
    }
    /// The head hash of the entries' chain: publish it; a rewritten ledger is caught against
    /// it.
    fn head_hash(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.with(py, |r| r.head_hash())
    }
    /// The requirement as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py_result(self.inner.with(py, |r| r.to_json())?)
    }
    /// The requirement's id.
    #[getter]
    fn id(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.with(py, |r| r.id().to_owned())
    }
    /// The person's reference.
    #[getter]
    fn person_ref(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.with(py, |r| r.person_ref().to_owned())
    }
    /// Number of entries recorded.
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.inner.with(py, |r| r.entries().len())
    }
    /// Records one entry, or raises with the ledger unchanged.
    fn record(&self, py: Python<'_>, entry: LedgerEntry) -> PyResult<()> {
        py_result(self.inner.with(py, |r| r.record(entry))?)
    }
    /// Records every entry or none; the error names the first refused entry's position.
    fn record_all(&self, py: Python<'_>, entries: Vec<LedgerEntry>) -> PyResult<()> {
        py_result(self.inner.with(py, |r| r.record_all(entries))?)
    }
    /// How much of a proposed ETE credit fits: `(fits, rest)` (H-10).
    fn ete_fit(&self, py: Python<'_>, proposed: Minutes) -> PyResult<(u64, u64)> {
        let fit = py_result(self.inner.with(py, |r| r.ete_fit(proposed))?)?;
        Ok((fit.fits.get(), fit.rest.get()))
    }
    /// Every figure on a day, as a dict (incentive figures under "incentive").
    fn status<'py>(&self, py: Python<'py>, on: Day) -> PyResult<Bound<'py, PyDict>> {
        let on = on.0;
        py_result(self.inner.with(py, |r| r.status(on))?)?.to_py_dict(py)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (id, entries) = self
            .inner
            .with(py, |r| (r.id().to_owned(), r.entries().len()))?;
        Ok(format!(
            "<Requirement id={} entries={entries}>",
            py_repr(py, id)
        ))
    }
}

/// Records the credits of `decisions` on the requirements as ETE credits (H-10), all or nothing;
/// returns how many were recorded. Every requirement is locked for the whole call, so no other
/// thread records in between.
#[pyfunction]
pub(crate) fn record_credits(
    py: Python<'_>,
    requirements: Vec<PyRef<'_, PyRequirement>>,
    decisions: Vec<PyRef<'_, ete_core::hours::CreditDecision>>,
    by: &str,
) -> PyResult<usize> {
    let shared: Vec<&Shared<hours::Requirement>> = requirements.iter().map(|r| &r.inner).collect();
    let decisions: Vec<hours::CreditDecision> = decisions.iter().map(|d| (**d).clone()).collect();
    py_result(Shared::with_all(py, &shared, |mut states| {
        let mut working: Vec<hours::Requirement> = states.iter().map(|r| (**r).clone()).collect();
        let recorded = hours::record_credits(&mut working, &decisions, by)?;
        for (state, updated) in states.iter_mut().zip(working) {
            **state = updated;
        }
        Ok::<_, hours::LedgerError>(recorded)
    })?)
}
