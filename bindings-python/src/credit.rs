//! Extra-time agreements (H-6), the credit policy (H-5, H-7) and credit decisions (H-3..H-8).

use ete_core::Minutes;
use ete_core::hours::{
    self, Completion, CreditDecision, CreditPolicy, ExtraTimeAgreement, PriorCredit,
};
use pyo3::prelude::*;

use crate::convert::Whole;

use crate::errors::py_result;
use crate::ledger::PyRequirement;

type Inputs = (
    Vec<Completion>,
    Vec<ExtraTimeAgreement>,
    Vec<PriorCredit>,
    CreditPolicy,
);

/// Copies the Python arguments into core values, so the work can run without the interpreter.
fn inputs(
    completions: &[PyRef<'_, hours::Completion>],
    agreements: Vec<ExtraTimeAgreement>,
    prior: Vec<(String, String)>,
    policy: Option<CreditPolicy>,
) -> Inputs {
    (
        completions.iter().map(|c| (**c).clone()).collect(),
        agreements,
        prior
            .into_iter()
            .map(|(person_ref, course_name)| PriorCredit {
                person_ref,
                course_name,
            })
            .collect(),
        policy.unwrap_or_default(),
    )
}

/// Credits a batch of completions (H-3..H-8); one decision per completion, in input order.
/// `prior` lists `(person_ref, course_name)` pairs credited before.
#[pyfunction]
#[pyo3(signature = (completions, agreements = None, prior = None, policy = None))]
pub(crate) fn credit_batch(
    py: Python<'_>,
    completions: Vec<PyRef<'_, hours::Completion>>,
    agreements: Option<Vec<ExtraTimeAgreement>>,
    prior: Option<Vec<(String, String)>>,
    policy: Option<CreditPolicy>,
) -> Vec<CreditDecision> {
    let (agreements, prior) = (agreements.unwrap_or_default(), prior.unwrap_or_default());
    let (completions, agreements, prior, policy) = inputs(&completions, agreements, prior, policy);
    py.detach(|| hours::credit_batch(&completions, &prior, &agreements, &policy))
}

/// Credits completions against the people's requirements (H-8, H-10, H-11): as `credit_batch`,
/// then limited by each requirement's remaining ETE allowance and time. Records nothing.
#[pyfunction]
#[pyo3(signature = (completions, requirements, agreements = None, prior = None, policy = None))]
pub(crate) fn credit_against_requirements(
    py: Python<'_>,
    completions: Vec<PyRef<'_, hours::Completion>>,
    requirements: Vec<PyRef<'_, PyRequirement>>,
    agreements: Option<Vec<ExtraTimeAgreement>>,
    prior: Option<Vec<(String, String)>>,
    policy: Option<CreditPolicy>,
) -> PyResult<Vec<CreditDecision>> {
    let (agreements, prior) = (agreements.unwrap_or_default(), prior.unwrap_or_default());
    let (completions, agreements, prior, policy) = inputs(&completions, agreements, prior, policy);
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
