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
