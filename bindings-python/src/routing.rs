//! File-transfer routing (T-1..T-8): policy, decisions, transfers, the exchange, referrals.

use chrono::{DateTime, NaiveDate, Utc};
use ete_core::routing::{
    self, Decision, Organisation, Receipt, RoutingPolicy, TransferFile, TransferPlan,
};
use pyo3::prelude::*;

use crate::convert::{Instant, Whole, py_repr, repr_call};
use crate::shared::Shared;
use pyo3::types::PyDict;

use crate::errors::py_result;

/// A routing policy (T-1, T-2); `RoutingPolicy()` is the default of T-1.
#[pyclass(name = "RoutingPolicy", module = "ete_core", frozen)]
pub struct PyRoutingPolicy {
    pub(crate) inner: RoutingPolicy,
}

#[pymethods]
impl PyRoutingPolicy {
    #[new]
    fn new() -> PyRoutingPolicy {
        PyRoutingPolicy {
            inner: RoutingPolicy::default(),
        }
    }
    /// Loads and checks a policy from JSON.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<PyRoutingPolicy> {
        py_result(RoutingPolicy::from_json(text)).map(|inner| PyRoutingPolicy { inner })
    }
    fn to_json(&self) -> String {
        self.inner.to_json()
    }
    #[getter]
    fn kinds(&self) -> Vec<String> {
        self.inner.kinds().iter().cloned().collect()
    }
    #[getter]
    fn roles(&self) -> Vec<String> {
        self.inner.roles().iter().cloned().collect()
    }
    #[getter]
    fn categories(&self) -> Vec<String> {
        self.inner.categories().iter().cloned().collect()
    }
    fn __repr__(&self) -> String {
        format!("<RoutingPolicy rules={}>", self.inner.rules().len())
    }
}

/// Decides whether `sender` may send a `category` file to `role` at `recipient` (T-1..T-3).
#[pyfunction]
pub(crate) fn decide(
    policy: PyRef<'_, PyRoutingPolicy>,
    sender: PyRef<'_, Organisation>,
    recipient: PyRef<'_, Organisation>,
    role: &str,
    category: &str,
) -> Decision {
    routing::decide(&policy.inner, &sender, &recipient, role, category)
}

/// Where a sender may send (T-3): `[(kind, roles, categories or None for any)]`.
#[pyfunction]
pub(crate) fn destinations(
    policy: PyRef<'_, PyRoutingPolicy>,
    sender: PyRef<'_, Organisation>,
) -> Vec<(String, Vec<String>, Option<Vec<String>>)> {
    routing::destinations(&policy.inner, &sender)
        .into_iter()
        .map(|d| (d.kind, d.roles, d.categories))
        .collect()
}

fn copied(files: Vec<PyRef<'_, TransferFile>>, how: fn(&mut [TransferFile])) -> Vec<TransferFile> {
    let mut files: Vec<TransferFile> = files.iter().map(|f| (**f).clone()).collect();
    how(&mut files);
    files
}

/// The files with the first file's recipient organisation copied to all (T-4).
#[pyfunction]
pub(crate) fn copy_first_recipient(files: Vec<PyRef<'_, TransferFile>>) -> Vec<TransferFile> {
    copied(files, routing::copy_first_recipient)
}

/// The files with the first file's recipient role copied to all (T-4).
#[pyfunction]
pub(crate) fn copy_first_role(files: Vec<PyRef<'_, TransferFile>>) -> Vec<TransferFile> {
    copied(files, routing::copy_first_role)
}

/// The files with the first file's description copied to all (T-4).
#[pyfunction]
pub(crate) fn copy_first_description(files: Vec<PyRef<'_, TransferFile>>) -> Vec<TransferFile> {
    copied(files, routing::copy_first_description)
}

/// A file that may not be sent, and why.
#[pyclass(name = "Refusal", module = "ete_core", frozen, get_all)]
pub struct PyRefusal {
    /// The file's index in the transfer.
    position: usize,
    /// denied, no_recipient, bad_description or unknown_category.
    code: String,
    /// For denied: the decision's reason code.
    reason: Option<&'static str>,
    /// The refusal as a sentence.
    message: String,
}

pub(crate) fn refusal(position: usize, r: routing::Refusal) -> PyRefusal {
    let code = match serde_json::to_value(&r) {
        Ok(v) => v
            .get("code")
            .and_then(|c| c.as_str())
            .unwrap_or_default()
            .to_owned(),
        Err(_) => String::new(),
    };
    let reason = match &r {
        routing::Refusal::Denied { decision } => Some(decision.reason.code()),
        _ => None,
    };
    PyRefusal {
        position,
        code,
        reason,
        message: r.to_string(),
    }
}

#[pymethods]
impl PyRefusal {
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "Refusal",
            &[
                ("position", self.position.to_string()),
                ("code", py_repr(py, &self.code)),
                ("reason", py_repr(py, self.reason)),
            ],
        )
    }
}

/// A planned transfer to show for confirmation (T-5).
#[pyclass(name = "TransferPlan", module = "ete_core", frozen)]
pub struct PyTransferPlan {
    inner: TransferPlan,
}

#[pymethods]
impl PyTransferPlan {
    /// Whether every file may be sent.
    #[getter]
    fn sendable(&self) -> bool {
        self.inner.sendable()
    }
    /// The files that may not be sent, with reasons.
    #[getter]
    fn refusals(&self) -> Vec<PyRefusal> {
        self.inner
            .refusals()
            .into_iter()
            .map(|(p, r)| refusal(p, r))
            .collect()
    }
    /// The files, in order.
    #[getter]
    fn files(&self) -> Vec<TransferFile> {
        self.inner.files.iter().map(|f| f.file.clone()).collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "<TransferPlan files={} refused={}>",
            self.inner.files.len(),
            self.inner.refusals().len()
        )
    }
}

/// Plans a transfer: every file's route decided and its description checked (T-5).
#[pyfunction]
pub(crate) fn plan_transfer(
    policy: PyRef<'_, PyRoutingPolicy>,
    sender: PyRef<'_, Organisation>,
    sent_by: &str,
    files: Vec<PyRef<'_, TransferFile>>,
) -> PyTransferPlan {
    let files = files.iter().map(|f| (**f).clone()).collect();
    PyTransferPlan {
        inner: routing::plan(&policy.inner, &sender, sent_by, files),
    }
}

/// A file in an inbox (T-6).
#[pyclass(name = "InboxItem", module = "ete_core", frozen, get_all)]
pub struct PyInboxItem {
    file_id: u64,
    sender_id: String,
    name: String,
    role: String,
    description: String,
    category: String,
    sent_at: DateTime<Utc>,
    downloaded: bool,
}

/// The secure transfer site (T-5, T-6): safe to share between threads.
#[pyclass(name = "Exchange", module = "ete_core", frozen)]
pub struct PyExchange {
    inner: Shared<routing::Exchange>,
}

#[pymethods]
impl PyExchange {
    #[new]
    fn new() -> PyExchange {
        PyExchange {
            inner: Shared::new(routing::Exchange::new()),
        }
    }
    /// Restores a snapshot (`to_json`), checked against the exchange's invariants under
    /// `policy` (the default routing policy when None): a tampered snapshot is `MalformedInput`
    /// naming the first broken invariant.
    #[staticmethod]
    #[pyo3(signature = (text, policy = None))]
    fn from_json(
        py: Python<'_>,
        text: &str,
        policy: Option<PyRef<'_, PyRoutingPolicy>>,
    ) -> PyResult<PyExchange> {
        let policy = policy.map(|p| p.inner.clone()).unwrap_or_default();
        let inner = py_result(py.detach(|| routing::Exchange::restore(text, &policy)))?;
        Ok(PyExchange {
            inner: Shared::new(inner),
        })
    }
    /// The exchange as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py_result(self.inner.with(py, |e| e.to_json())?)
    }
    /// Sends every file of the plan, decided again under `policy`, or none (T-5).
    fn confirm(
        &self,
        py: Python<'_>,
        policy: PyRef<'_, PyRoutingPolicy>,
        plan: PyRef<'_, PyTransferPlan>,
        at: Instant,
    ) -> PyResult<Vec<u64>> {
        let (policy, plan) = (policy.inner.clone(), plan.inner.clone());
        py_result(self.inner.with(py, |e| e.confirm(&policy, &plan, at.0))?)
    }
    /// The files addressed to an organisation, oldest first (T-6).
    fn inbox(&self, py: Python<'_>, organisation: &str) -> PyResult<Vec<PyInboxItem>> {
        let inbox = self.inner.with(py, |e| e.inbox(organisation))?;
        Ok(inbox
            .into_iter()
            .map(|i| PyInboxItem {
                file_id: i.file.id,
                sender_id: i.file.sender.id,
                name: i.file.file.name,
                role: i.file.file.role,
                description: i.file.file.description,
                category: i.file.file.category,
                sent_at: i.file.sent_at,
                downloaded: i.downloaded,
            })
            .collect())
    }
    /// Downloads a file, recording who and when; only its recipient may (T-6).
    fn download(
        &self,
        py: Python<'_>,
        file_id: Whole<u64>,
        organisation: &str,
        by: &str,
        at: Instant,
    ) -> PyResult<Receipt> {
        let receipt = self
            .inner
            .with(py, |e| e.download(file_id.0, organisation, by, at.0))?;
        py_result(receipt)
    }
    /// Downloads every new file addressed to the organisation (T-6).
    fn download_all(
        &self,
        py: Python<'_>,
        organisation: &str,
        by: &str,
        at: Instant,
    ) -> PyResult<Vec<Receipt>> {
        let receipts = self
            .inner
            .with(py, |e| e.download_all(organisation, by, at.0))?;
        Ok(receipts)
    }
    /// Every send and download, in order, as dicts.
    fn audit_log<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let log = self.inner.with(py, |e| e.audit_log().to_vec())?;
        log.iter()
            .map(|event| {
                let d = PyDict::new(py);
                match event {
                    routing::AuditEvent::Sent {
                        file_id,
                        sender,
                        by,
                        at,
                    } => {
                        d.set_item("type", "sent")?;
                        d.set_item("file_id", file_id)?;
                        d.set_item("organisation", sender)?;
                        d.set_item("by", by)?;
                        d.set_item("at", at)?;
                    }
                    routing::AuditEvent::Downloaded { receipt } => {
                        d.set_item("type", "downloaded")?;
                        d.set_item("file_id", receipt.file_id)?;
                        d.set_item("organisation", &receipt.organisation)?;
                        d.set_item("by", &receipt.by)?;
                        d.set_item("at", receipt.at)?;
                    }
                }
                Ok(d)
            })
            .collect()
    }
}

/// The last referral date a risk assessment covers, or `RiskAssessmentTooOld` (T-8).
#[pyfunction]
#[pyo3(signature = (assessed_on, referral_on, months = None))]
pub(crate) fn check_referral(
    assessed_on: NaiveDate,
    referral_on: NaiveDate,
    months: Option<Whole<u32>>,
) -> PyResult<NaiveDate> {
    let mut policy = routing::ReferralPolicy::default();
    if let Some(Whole(months)) = months {
        policy.risk_assessment_months = months;
    }
    py_result(routing::check_referral(&policy, assessed_on, referral_on))
}
