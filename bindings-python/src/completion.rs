//! Completions (H-2) and the portal readers, with every reject reported.

use chrono::{DateTime, NaiveDate, Utc};
use ete_core::Minutes;
use ete_core::hours::{
    self, Completion, CompletionFields, CompletionStatus, ReadMode, ReadOutcome, Reject,
};
use pyo3::prelude::*;

use crate::convert::{Instant, Whole, py_repr, repr_call};

use crate::errors::py_result;

/// A checked course completion (H-2). `repr` shows ids only.
#[pyclass(name = "Completion", module = "ete_core", frozen)]
pub struct PyCompletion {
    pub(crate) inner: Completion,
}

#[pymethods]
impl PyCompletion {
    #[new]
    #[pyo3(signature = (external_reference, course_name, completion_date_time, status,
        total_time_minutes, expected_time_minutes, *, first_name = "",
        last_name = "", date_of_birth = None, region = "", pdu = "", office = "", email = "",
        course_type = "", provider = "", attempts = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        external_reference: String,
        course_name: String,
        completion_date_time: Instant,
        status: &str,
        total_time_minutes: Minutes,
        expected_time_minutes: Minutes,
        first_name: &str,
        last_name: &str,
        date_of_birth: Option<NaiveDate>,
        region: &str,
        pdu: &str,
        office: &str,
        email: &str,
        course_type: &str,
        provider: &str,
        attempts: Option<Whole<u32>>,
    ) -> PyResult<PyCompletion> {
        let fields = CompletionFields {
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            date_of_birth,
            region: region.to_owned(),
            pdu: pdu.to_owned(),
            office: office.to_owned(),
            email: email.to_owned(),
            course_name,
            course_type: course_type.to_owned(),
            provider: provider.to_owned(),
            completion_date_time: completion_date_time.0,
            status: py_result(status.parse::<CompletionStatus>())?,
            total_time_minutes,
            expected_time_minutes,
            attempts: attempts.map(|a| a.0),
            external_reference,
        };
        py_result(Completion::new(fields)).map(|inner| PyCompletion { inner })
    }

    /// The person's reference on the portal.
    #[getter]
    fn person_ref(&self) -> &str {
        self.inner.person_ref()
    }
    #[getter]
    fn course_name(&self) -> &str {
        self.inner.course_name()
    }
    /// "Completed" or "Failed".
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status().as_str()
    }
    #[getter]
    fn actual(&self) -> u64 {
        self.inner.actual().get()
    }
    #[getter]
    fn guided(&self) -> u64 {
        self.inner.guided().get()
    }
    #[getter]
    fn completed_at(&self) -> DateTime<Utc> {
        self.inner.completed_at()
    }
    #[getter]
    fn local_date(&self) -> NaiveDate {
        self.inner.local_date()
    }
    #[getter]
    fn region(&self) -> &str {
        &self.inner.fields().region
    }
    #[getter]
    fn pdu(&self) -> &str {
        &self.inner.fields().pdu
    }
    #[getter]
    fn office(&self) -> &str {
        &self.inner.fields().office
    }
    #[getter]
    fn provider(&self) -> &str {
        &self.inner.fields().provider
    }
    #[getter]
    fn course_type(&self) -> &str {
        &self.inner.fields().course_type
    }
    #[getter]
    fn attempts(&self) -> Option<u32> {
        self.inner.fields().attempts
    }
    #[getter]
    fn first_name(&self) -> &str {
        &self.inner.fields().first_name
    }
    #[getter]
    fn last_name(&self) -> &str {
        &self.inner.fields().last_name
    }
    #[getter]
    fn email(&self) -> &str {
        &self.inner.fields().email
    }
    #[getter]
    fn date_of_birth(&self) -> Option<NaiveDate> {
        self.inner.fields().date_of_birth
    }
    /// The completion in the portal's JSON shape.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(|e| crate::errors::malformed(e.to_string()))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let c = &self.inner;
        repr_call(
            "Completion",
            &[
                ("person_ref", py_repr(py, c.person_ref())),
                ("course_name", py_repr(py, c.course_name())),
                ("status", py_repr(py, c.status().as_str())),
                ("actual", c.actual().get().to_string()),
                ("guided", c.guided().get().to_string()),
            ],
        )
    }
}

/// What a read produced: the good completions and a `Reject` per bad record.
#[pyclass(name = "ReadResult", module = "ete_core", frozen, get_all)]
pub struct PyReadResult {
    completions: Vec<Py<PyCompletion>>,
    rejects: Vec<Py<Reject>>,
}

#[pymethods]
impl PyReadResult {
    fn __repr__(&self) -> String {
        format!(
            "<ReadResult completions={} rejects={}>",
            self.completions.len(),
            self.rejects.len()
        )
    }
}

fn read_result(py: Python<'_>, out: ReadOutcome) -> PyResult<PyReadResult> {
    Ok(PyReadResult {
        completions: out
            .completions
            .into_iter()
            .map(|inner| Py::new(py, PyCompletion { inner }))
            .collect::<PyResult<_>>()?,
        rejects: out
            .rejects
            .into_iter()
            .map(|r| Py::new(py, r))
            .collect::<PyResult<_>>()?,
    })
}

fn mode(strict: bool) -> ReadMode {
    if strict {
        ReadMode::Strict
    } else {
        ReadMode::Lenient
    }
}

/// Reads a JSON array of portal completions (H-2).
/// `policy`: the dates accepted (`ReadPolicy`; core's default when None).
#[pyfunction]
#[pyo3(signature = (text, *, strict = false, policy = None))]
pub(crate) fn read_completions_json(
    py: Python<'_>,
    text: &str,
    strict: bool,
    policy: Option<hours::ReadPolicy>,
) -> PyResult<PyReadResult> {
    let policy = policy.unwrap_or_default();
    let out = py.detach(|| hours::read_completions_json_with(text, mode(strict), &policy));
    read_result(py, py_result(out)?)
}

/// Reads portal completions from CSV text with a header row (H-2).
/// `policy`: the dates accepted (`ReadPolicy`; core's default when None).
#[pyfunction]
#[pyo3(signature = (text, *, strict = false, policy = None))]
pub(crate) fn read_completions_csv(
    py: Python<'_>,
    text: &str,
    strict: bool,
    policy: Option<hours::ReadPolicy>,
) -> PyResult<PyReadResult> {
    let policy = policy.unwrap_or_default();
    let out =
        py.detach(|| hours::read_completions_csv_with(text.as_bytes(), mode(strict), &policy));
    read_result(py, py_result(out)?)
}
