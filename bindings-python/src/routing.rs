//! File-transfer routing (T-1..T-8): policy, decisions, transfers, the exchange, referrals.

use chrono::NaiveDate;
use ete_core::python::Day;
use ete_core::routing::{
    self, Decision, Organisation, Receipt, RoutingPolicy, TransferFile, TransferPlan,
};
use pyo3::prelude::*;

use crate::convert::{Instant, Whole};
use crate::shared::Shared;

use crate::errors::py_result;

/// Decides whether `sender` may send a `category` file to `role` at `recipient` (T-1..T-3).
#[pyfunction]
pub(crate) fn decide(
    policy: PyRef<'_, RoutingPolicy>,
    sender: PyRef<'_, Organisation>,
    recipient: PyRef<'_, Organisation>,
    role: &str,
    category: &str,
) -> Decision {
    routing::decide(&policy, &sender, &recipient, role, category)
}

/// Where a sender may send (T-3): `[(kind, roles, categories or None for any)]`.
#[pyfunction]
pub(crate) fn destinations(
    policy: PyRef<'_, RoutingPolicy>,
    sender: PyRef<'_, Organisation>,
) -> Vec<(String, Vec<String>, Option<Vec<String>>)> {
    routing::destinations(&policy, &sender)
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

/// Plans a transfer: every file's route decided and its description checked (T-5).
#[pyfunction]
pub(crate) fn plan_transfer(
    policy: PyRef<'_, RoutingPolicy>,
    sender: PyRef<'_, Organisation>,
    sent_by: &str,
    files: Vec<PyRef<'_, TransferFile>>,
) -> TransferPlan {
    let files = files.iter().map(|f| (**f).clone()).collect();
    routing::plan(&policy, &sender, sent_by, files)
}

/// The secure transfer site (T-5, T-6), an aggregate: every change is a command with an id
/// (a retry changes nothing), its events are the audit log. Safe to share between threads.
#[pyclass(name = "Exchange", module = "ete_core", frozen)]
pub struct PyExchange {
    inner: Shared<routing::Exchange>,
}

impl PyExchange {
    /// Runs a command under `id` (a fresh one when None) and returns the events of that
    /// command: a retry answers with the events the first run caused.
    fn run(
        &self,
        py: Python<'_>,
        id: Option<String>,
        actor: &str,
        at: Instant,
        action: routing::ExchangeAction,
    ) -> PyResult<Vec<routing::ExchangeEvent>> {
        let actor = actor.to_owned();
        py_result(self.inner.with(py, |e| {
            let id = id.unwrap_or_else(|| e.next_command_id());
            let command = routing::ExchangeCommand {
                id,
                actor,
                at: at.0,
                action,
            };
            e.execute(&command)
                .map(|_| e.events_of(&command.id).to_vec())
        })?)
    }
}

#[pymethods]
impl PyExchange {
    /// An empty exchange that decides every file under `policy` (the default routing policy
    /// when None).
    #[new]
    #[pyo3(signature = (policy = None))]
    fn new(policy: Option<PyRef<'_, RoutingPolicy>>) -> PyExchange {
        let policy = policy.map(|p| (*p).clone()).unwrap_or_default();
        PyExchange {
            inner: Shared::new(routing::Exchange::new(policy)),
        }
    }
    /// Restores a snapshot (`to_json`) to an exchange under `policy` (the default routing
    /// policy when None): its events are replayed under the policy and its files and receipts
    /// must be their fold; a tampered snapshot is `MalformedInput` naming the first broken
    /// invariant, a newer format is refused, format 1 is migrated.
    #[staticmethod]
    #[pyo3(signature = (text, policy = None))]
    fn from_json(
        py: Python<'_>,
        text: &str,
        policy: Option<PyRef<'_, RoutingPolicy>>,
    ) -> PyResult<PyExchange> {
        let policy = policy.map(|p| (*p).clone()).unwrap_or_default();
        let inner = py_result(py.detach(|| routing::Exchange::restore(text, &policy)))?;
        Ok(PyExchange {
            inner: Shared::new(inner),
        })
    }
    /// Rebuilds an exchange from its events (`events_json`) under `policy`.
    #[staticmethod]
    #[pyo3(signature = (events_json, policy = None))]
    fn replay(
        py: Python<'_>,
        events_json: &str,
        policy: Option<PyRef<'_, RoutingPolicy>>,
    ) -> PyResult<PyExchange> {
        let policy = policy.map(|p| (*p).clone()).unwrap_or_default();
        let inner = py_result(py.detach(|| {
            let events: Vec<routing::ExchangeEvent> = ete_core::json::from_str(events_json)
                .map_err(|e| routing::TransferError::Tampered {
                    reason: format!("not a list of exchange events: {e}"),
                })?;
            routing::Exchange::replay(&events, policy)
        }))?;
        Ok(PyExchange {
            inner: Shared::new(inner),
        })
    }
    /// The head hash of the events' chain: publish it; a rewritten log is caught against it.
    fn head_hash(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.with(py, |e| e.head_hash())
    }
    /// The exchange as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py_result(self.inner.with(py, |e| e.to_json())?)
    }
    /// Sends every file of the plan, decided again under the exchange's policy, or none (T-5),
    /// as the plan's `sent_by`. Returns the new files' ids; with an `id`, a retry returns the
    /// same ids and changes nothing.
    #[pyo3(signature = (plan, at, id = None))]
    fn confirm(
        &self,
        py: Python<'_>,
        plan: PyRef<'_, TransferPlan>,
        at: Instant,
        id: Option<String>,
    ) -> PyResult<Vec<u64>> {
        let action = routing::ExchangeAction::Send {
            sender: plan.sender.clone(),
            files: plan.files.iter().map(|f| f.file.clone()).collect(),
        };
        let events = self.run(py, id, &plan.sent_by, at, action)?;
        Ok(events
            .iter()
            .filter_map(routing::ExchangeEvent::sent_file)
            .collect())
    }
    /// The files addressed to an organisation, oldest first (T-6).
    fn inbox(&self, py: Python<'_>, organisation: &str) -> PyResult<Vec<routing::InboxItem>> {
        self.inner.with(py, |e| e.inbox(organisation))
    }
    /// Downloads a file, recording who and when; only its recipient may (T-6). With an `id`,
    /// a retry returns the same receipt and changes nothing.
    #[pyo3(signature = (file_id, organisation, by, at, id = None))]
    fn download(
        &self,
        py: Python<'_>,
        file_id: Whole<u64>,
        organisation: String,
        by: &str,
        at: Instant,
        id: Option<String>,
    ) -> PyResult<Receipt> {
        let action = routing::ExchangeAction::Download {
            file_id: file_id.0,
            organisation,
        };
        let events = self.run(py, id, by, at, action)?;
        events
            .iter()
            .find_map(routing::ExchangeEvent::receipt)
            .ok_or_else(|| crate::errors::malformed("the command id names another command"))
    }
    /// Downloads every new file addressed to the organisation (T-6); returns the receipts.
    #[pyo3(signature = (organisation, by, at, id = None))]
    fn download_all(
        &self,
        py: Python<'_>,
        organisation: String,
        by: &str,
        at: Instant,
        id: Option<String>,
    ) -> PyResult<Vec<Receipt>> {
        let action = routing::ExchangeAction::DownloadAll { organisation };
        let events = self.run(py, id, by, at, action)?;
        Ok(events
            .iter()
            .filter_map(routing::ExchangeEvent::receipt)
            .collect())
    }
    /// Every send and download, in order (the audit log), as dicts with snake_case keys.
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let events = self.inner.with(py, |e| e.events().to_vec())?;
        crate::convert::plain(py, &events)
    }
    /// Counts only: `<Exchange files=2 events=3>`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (files, events) = self
            .inner
            .with(py, |e| (e.files().len(), e.events().len()))?;
        Ok(format!("<Exchange files={files} events={events}>"))
    }
    /// The events as JSON, for `Exchange.replay`.
    fn events_json(&self, py: Python<'_>) -> PyResult<String> {
        self.inner
            .with(py, |e| serde_json::to_string(e.events()))?
            .map_err(|e| crate::errors::malformed(e.to_string()))
    }
}

/// The last referral date a risk assessment covers, or `RiskAssessmentTooOld` (T-8).
#[pyfunction]
#[pyo3(signature = (assessed_on, referral_on, months = None))]
pub(crate) fn check_referral(
    assessed_on: Day,
    referral_on: Day,
    months: Option<Whole<u32>>,
) -> PyResult<NaiveDate> {
    let assessed_on = assessed_on.0;
    let referral_on = referral_on.0;
    let mut policy = routing::ReferralPolicy::default();
    if let Some(Whole(months)) = months {
        policy.risk_assessment_months = months;
    }
    ete_core::python::py_date(
        "last referral date",
        py_result(routing::check_referral(&policy, assessed_on, referral_on))?,
    )
}

/// Verifies the hash chain of a snapshot (an exchange's, a register's or a requirement's `to_json`)
/// without restoring it; returns its head hash, or raises `MalformedInput` naming the first
/// broken position.
#[pyfunction]
pub(crate) fn verify_chain(py: Python<'_>, snapshot: &str) -> PyResult<String> {
    py_result(py.detach(|| ete_core::chain::verify_json(snapshot)))
}
