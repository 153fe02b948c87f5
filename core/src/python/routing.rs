//! The routing module's classes (T-1..T-8).

use pyo3::prelude::*;

use crate::python::{fail, py_str};
use crate::routing::{FileRefusal, InboxItem, Refusal, RoutingPolicy, TransferFile, TransferPlan};

#[pymethods]
impl crate::routing::Organisation {
    /// `Organisation(kind, id, attributes=None)`.
    #[new]
    #[pyo3(signature = (kind, id, attributes = None))]
    fn py_new(
        kind: String,
        id: String,
        attributes: Option<std::collections::BTreeMap<String, String>>,
    ) -> Self {
        crate::routing::Organisation {
            kind,
            id,
            attributes: attributes.unwrap_or_default(),
        }
    }
}

#[pymethods]
impl crate::routing::Decision {
    /// Whether the file may be sent.
    #[getter]
    fn allowed(&self) -> bool {
        self.allowed
    }
    /// `permitted`, `forbidden`, `no_rule_permits`, `role_not_accepted`, `rule_error`,
    /// `unknown_kind`, `unknown_role` or `unknown_category`.
    #[getter]
    fn reason(&self) -> &'static str {
        self.reason.code()
    }
    /// The rule the reason names, if any.
    #[getter]
    fn rule(&self) -> Option<&str> {
        self.reason.rule()
    }
    /// For `role_not_accepted`: the roles the route accepts.
    #[getter]
    fn accepted(&self) -> Vec<String> {
        match &self.reason {
            crate::routing::Reason::RoleNotAccepted { accepted } => accepted.clone(),
            _ => Vec::new(),
        }
    }
    /// The reason as a sentence.
    #[getter]
    fn explanation(&self) -> String {
        self.reason.to_string()
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (reason, rule) = (self.reason.code(), self.reason.rule());
        Ok(format!(
            "Decision(allowed={}, reason={}, rule={})",
            self.allowed.into_pyobject(py)?.repr()?,
            reason.into_pyobject(py)?.repr()?,
            rule.into_pyobject(py)?.repr()?
        ))
    }
}

#[pymethods]
impl RoutingPolicy {
    /// The default policy of T-1.
    #[new]
    fn py_new() -> RoutingPolicy {
        RoutingPolicy::default()
    }
    /// Loads and checks a policy from JSON.
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<RoutingPolicy> {
        RoutingPolicy::from_json(text).map_err(fail)
    }
    /// The policy as JSON, as `from_json` reads it.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> String {
        self.to_json()
    }
    /// The organisation kinds.
    #[getter(kinds)]
    fn py_kinds(&self) -> Vec<String> {
        self.kinds().iter().cloned().collect()
    }
    /// The recipient roles.
    #[getter(roles)]
    fn py_roles(&self) -> Vec<String> {
        self.roles().iter().cloned().collect()
    }
    /// The document categories.
    #[getter(categories)]
    fn py_categories(&self) -> Vec<String> {
        self.categories().iter().cloned().collect()
    }
    fn __repr__(&self) -> String {
        format!("<RoutingPolicy rules={}>", self.rules().len())
    }
}

#[pymethods]
impl FileRefusal {
    /// The file's index in the transfer.
    #[getter(position)]
    fn py_position(&self) -> usize {
        self.position
    }
    /// `denied`, `no_recipient`, `bad_description` or `unknown_category`.
    #[getter]
    fn code(&self) -> &'static str {
        self.refusal.code()
    }
    /// For `denied`: the decision's reason code.
    #[getter]
    fn reason(&self) -> Option<&'static str> {
        match &self.refusal {
            Refusal::Denied { decision } => Some(decision.reason.code()),
            _ => None,
        }
    }
    /// The refusal as a sentence.
    #[getter]
    fn message(&self) -> String {
        self.refusal.to_string()
    }
    fn __repr__(&self) -> String {
        format!(
            "Refusal(position={}, code={}, reason={})",
            self.position,
            py_str(self.code()),
            self.reason().map_or("None".to_owned(), py_str)
        )
    }
}

#[pymethods]
impl TransferPlan {
    /// Whether every file may be sent.
    #[getter(sendable)]
    fn py_sendable(&self) -> bool {
        self.sendable()
    }
    /// The files that may not be sent, with reasons.
    #[getter(refusals)]
    fn py_refusals(&self) -> Vec<FileRefusal> {
        self.refusals().into_iter().map(FileRefusal::from).collect()
    }
    /// The files, in order.
    #[getter(files)]
    fn py_files(&self) -> Vec<TransferFile> {
        self.files.iter().map(|f| f.file.clone()).collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "<TransferPlan files={} refused={}>",
            self.files.len(),
            self.refusals().len()
        )
    }
}

#[pymethods]
impl InboxItem {
    /// The file's id in the exchange.
    #[getter]
    fn file_id(&self) -> u64 {
        self.file.id
    }
    /// The sending organisation's id.
    #[getter]
    fn sender_id(&self) -> &str {
        &self.file.sender.id
    }
    /// The file's name.
    #[getter]
    fn name(&self) -> &str {
        &self.file.file.name
    }
    /// The recipient role.
    #[getter]
    fn role(&self) -> &str {
        &self.file.file.role
    }
    /// The file's description.
    #[getter]
    fn description(&self) -> &str {
        &self.file.file.description
    }
    /// The document category.
    #[getter]
    fn category(&self) -> &str {
        &self.file.file.category
    }
    /// When it was sent.
    #[getter]
    fn sent_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.file.sent_at
    }
    /// Whether the recipient organisation has downloaded it.
    #[getter(downloaded)]
    fn py_downloaded(&self) -> bool {
        self.downloaded
    }
    /// Ids only: the file's name and description are left out.
    fn __repr__(&self) -> String {
        format!(
            "InboxItem(file_id={}, sender_id={}, downloaded={})",
            self.file.id,
            py_str(&self.file.sender.id),
            if self.downloaded { "True" } else { "False" }
        )
    }
}

#[pymethods]
impl TransferFile {
    /// Its category, role and recipient's id only: the name and the description may carry a
    /// learner's name or initials. `<TransferFile category='learner_support_plan' role='dsl'
    /// recipient='SCH-1'>`.
    fn __repr__(&self) -> String {
        format!(
            "<TransferFile category={} role={} recipient={}>",
            py_str(&self.category),
            py_str(&self.role),
            self.recipient
                .as_ref()
                .map_or("None".to_owned(), |o| py_str(&o.id))
        )
    }
}
