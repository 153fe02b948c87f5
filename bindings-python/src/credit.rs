//! Extra-time agreements (H-6), the credit policy (H-5, H-7) and credit decisions (H-3..H-8).

use chrono::NaiveDate;
use ete_core::Minutes;
use ete_core::hours::{
    self, AgreementCategory, Completion, CreditDecision, CreditPolicy, ExtraTimeAgreement,
    PriorCredit,
};
use pyo3::prelude::*;

use crate::convert::{Whole, py_repr, repr_call};

use crate::completion::PyCompletion;
use crate::errors::py_result;
use crate::ledger::PyRequirement;

fn category(name: &str) -> PyResult<AgreementCategory> {
    crate::errors::parse_code(name)
}

fn category_name(c: AgreementCategory) -> String {
    ete_core::codes::Code::code(c).to_owned()
}

/// A practitioner's extra-time agreement for a person (H-6).
#[pyclass(name = "ExtraTimeAgreement", module = "ete_core", frozen)]
pub struct PyAgreement {
    pub(crate) inner: ExtraTimeAgreement,
}

#[pymethods]
impl PyAgreement {
    #[new]
    #[pyo3(signature = (person_ref, agreed_by, agreed_on, category, allowance_percent = None))]
    fn new(
        person_ref: String,
        agreed_by: String,
        agreed_on: NaiveDate,
        category: &str,
        allowance_percent: Option<Whole<u32>>,
    ) -> PyResult<PyAgreement> {
        let category = self::category(category)?;
        py_result(ExtraTimeAgreement::new(
            person_ref,
            agreed_by,
            agreed_on,
            category,
            allowance_percent.map(|p| p.0),
        ))
        .map(|inner| PyAgreement { inner })
    }
    #[getter]
    fn person_ref(&self) -> &str {
        self.inner.person_ref()
    }
    #[getter]
    fn agreed_by(&self) -> &str {
        self.inner.agreed_by()
    }
    #[getter]
    fn agreed_on(&self) -> NaiveDate {
        self.inner.agreed_on()
    }
    #[getter]
    fn category(&self) -> String {
        category_name(self.inner.category())
    }
    #[getter]
    fn allowance_percent(&self) -> Option<u32> {
        self.inner.allowance_percent()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "ExtraTimeAgreement",
            &[
                ("person_ref", py_repr(py, self.inner.person_ref())),
                ("agreed_by", py_repr(py, self.inner.agreed_by())),
                ("agreed_on", py_repr(py, self.inner.agreed_on())),
                ("category", py_repr(py, self.category())),
                (
                    "allowance_percent",
                    py_repr(py, self.inner.allowance_percent()),
                ),
            ],
        )
    }
}

/// How completions are credited: allowance percent (default 20) and whether repeats count.
#[pyclass(name = "CreditPolicy", module = "ete_core", frozen)]
pub struct PyCreditPolicy {
    pub(crate) inner: CreditPolicy,
}

#[pymethods]
impl PyCreditPolicy {
    /// A policy; what is not given takes core's default (docs/RULES.md: 20%, repeats not credited).
    #[new]
    #[pyo3(signature = (allowance_percent = None, credit_repeats = None))]
    fn new(
        allowance_percent: Option<Whole<u32>>,
        credit_repeats: Option<bool>,
    ) -> PyResult<PyCreditPolicy> {
        let default = CreditPolicy::default();
        let allowance_percent = allowance_percent.map_or(default.allowance_percent(), |p| p.0);
        let credit_repeats = credit_repeats.unwrap_or(default.credit_repeats());
        py_result(CreditPolicy::new(allowance_percent, credit_repeats))
            .map(|inner| PyCreditPolicy { inner })
    }
    /// Loads a policy from JSON: `{"allowancePercent": 20, "creditRepeats": false}`.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<PyCreditPolicy> {
        py_result(CreditPolicy::from_json(text)).map(|inner| PyCreditPolicy { inner })
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    #[getter]
    fn allowance_percent(&self) -> u32 {
        self.inner.allowance_percent()
    }
    #[getter]
    fn credit_repeats(&self) -> bool {
        self.inner.credit_repeats()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "CreditPolicy",
            &[
                (
                    "allowance_percent",
                    self.inner.allowance_percent().to_string(),
                ),
                ("credit_repeats", py_repr(py, self.inner.credit_repeats())),
            ],
        )
    }
}

type Inputs = (
    Vec<Completion>,
    Vec<ExtraTimeAgreement>,
    Vec<PriorCredit>,
    CreditPolicy,
);

/// Copies the Python arguments into core values, so the work can run without the interpreter.
fn inputs(
    completions: &[PyRef<'_, PyCompletion>],
    agreements: &[PyRef<'_, PyAgreement>],
    prior: Vec<(String, String)>,
    policy: Option<PyRef<'_, PyCreditPolicy>>,
) -> Inputs {
    (
        completions.iter().map(|c| c.inner.clone()).collect(),
        agreements.iter().map(|a| a.inner.clone()).collect(),
        prior
            .into_iter()
            .map(|(person_ref, course_name)| PriorCredit {
                person_ref,
                course_name,
            })
            .collect(),
        policy.map(|p| p.inner.clone()).unwrap_or_default(),
    )
}

/// Credits a batch of completions (H-3..H-8); one decision per completion, in input order.
/// `prior` lists `(person_ref, course_name)` pairs credited before.
#[pyfunction]
#[pyo3(signature = (completions, agreements = None, prior = None, policy = None))]
pub(crate) fn credit_batch(
    py: Python<'_>,
    completions: Vec<PyRef<'_, PyCompletion>>,
    agreements: Option<Vec<PyRef<'_, PyAgreement>>>,
    prior: Option<Vec<(String, String)>>,
    policy: Option<PyRef<'_, PyCreditPolicy>>,
) -> Vec<CreditDecision> {
    let (agreements, prior) = (agreements.unwrap_or_default(), prior.unwrap_or_default());
    let (completions, agreements, prior, policy) = inputs(&completions, &agreements, prior, policy);
    py.detach(|| hours::credit_batch(&completions, &prior, &agreements, &policy))
}

/// Credits completions against the people's requirements (H-8, H-10, H-11): as `credit_batch`,
/// then limited by each requirement's remaining ETE allowance and time. Records nothing.
#[pyfunction]
#[pyo3(signature = (completions, requirements, agreements = None, prior = None, policy = None))]
pub(crate) fn credit_against_requirements(
    py: Python<'_>,
    completions: Vec<PyRef<'_, PyCompletion>>,
    requirements: Vec<PyRef<'_, PyRequirement>>,
    agreements: Option<Vec<PyRef<'_, PyAgreement>>>,
    prior: Option<Vec<(String, String)>>,
    policy: Option<PyRef<'_, PyCreditPolicy>>,
) -> PyResult<Vec<CreditDecision>> {
    let (agreements, prior) = (agreements.unwrap_or_default(), prior.unwrap_or_default());
    let (completions, agreements, prior, policy) = inputs(&completions, &agreements, prior, policy);
    let requirements = requirements
        .iter()
        .map(|r| r.snapshot(py))
        .collect::<PyResult<Vec<_>>>()?;
    let decisions = py.detach(|| {
        hours::credit_against_requirements(
            &completions,
            &prior,
            &agreements,
            &policy,
            &requirements,
        )
    });
    py_result(decisions)
}

/// The most a completion over its guided time can earn: `guided`, or
/// `half_up(guided × (100 + p) / 100)` under an allowance of `p` percent (H-5).
#[pyfunction]
#[pyo3(signature = (guided, allowance_percent = None))]
pub(crate) fn allowance_cap(
    guided: Minutes,
    allowance_percent: Option<Whole<u32>>,
) -> PyResult<u64> {
    Ok(hours::allowance_cap(guided, allowance_percent.map(|p| p.0)).get())
}
