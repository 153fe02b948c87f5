//! The staff types' Python methods (feature `python`): only what a Python caller needs beyond
//! the derived getters.

use pyo3::prelude::*;

use crate::python::error;
use crate::staff::ComplianceReport;

#[pymethods]
impl ComplianceReport {
    /// The report as CSV (person, kind, item, status, date, days, attention).
    #[pyo3(name = "to_csv")]
    fn py_to_csv(&self) -> PyResult<String> {
        ComplianceReport::to_csv(self).map_err(|e| error(e.kind(), e.to_string()))
    }
    /// The rows that need attention.
    #[pyo3(name = "needing_attention")]
    fn py_needing_attention(&self) -> Vec<crate::staff::ComplianceRow> {
        self.needing_attention()
    }
}

#[pymethods]
impl crate::staff::StaffPolicy {
    /// The seeds' default policy (S-1..S-4).
    #[new]
    fn py_new() -> Self {
        Self::default()
    }
    /// Loads and checks a policy from JSON (fields left out keep their defaults).
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<Self> {
        Self::from_json(text).map_err(|e| error(e.kind(), e.to_string()))
    }
    /// The policy as JSON.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> String {
        self.to_json()
    }
    /// The PQF tasks' codes, in the policy's order.
    #[getter(tasks)]
    fn py_tasks(&self) -> Vec<String> {
        self.tasks.iter().map(|t| t.id.clone()).collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "<StaffPolicy tasks={} mandatory={}>",
            self.tasks.len(),
            self.mandatory.len()
        )
    }
}
