//! Completions (H-2), the readers' result and the completion report (H-13).

use chrono::{DateTime, NaiveDate, Utc};
use pyo3::prelude::*;

use crate::hours::CompletionFields;
use crate::python::{Day, Instant, Whole, error, fail, plain, py_str};
use crate::{ErrorKind, Minutes};

#[pymethods]
impl crate::hours::Completion {
    /// A checked course completion (H-2): the portal's fields, the personal ones by keyword.
    #[new]
    #[pyo3(signature = (external_reference, course_name, completion_date_time, status,
        total_time_minutes, expected_time_minutes, *, first_name = "",
        last_name = "", date_of_birth = None, region = "", pdu = "", office = "", email = "",
        course_type = "", provider = "", attempts = None))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        external_reference: String,
        course_name: String,
        completion_date_time: Instant,
        status: &str,
        total_time_minutes: Minutes,
        expected_time_minutes: Minutes,
        first_name: &str,
        last_name: &str,
        date_of_birth: Option<Day>,
        region: &str,
        pdu: &str,
        office: &str,
        email: &str,
        course_type: &str,
        provider: &str,
        attempts: Option<Whole<u32>>,
    ) -> PyResult<Self> {
        let fields = CompletionFields {
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            date_of_birth: date_of_birth.map(|d| d.0),
            region: region.to_owned(),
            pdu: pdu.to_owned(),
            office: office.to_owned(),
            email: email.to_owned(),
            course_name,
            course_type: course_type.to_owned(),
            provider: provider.to_owned(),
            completion_date_time: completion_date_time.0,
            status: status.parse().map_err(fail)?,
            total_time_minutes,
            expected_time_minutes,
            attempts: attempts.map(|a| a.0),
            external_reference,
        };
        Self::new(fields).map_err(fail)
    }
    /// The person's reference on the portal.
    #[getter(person_ref)]
    fn py_person_ref(&self) -> &str {
        self.person_ref()
    }
    /// The course's name.
    #[getter(course_name)]
    fn py_course_name(&self) -> &str {
        self.course_name()
    }
    /// "Completed" or "Failed".
    #[getter(status)]
    fn py_status(&self) -> &'static str {
        self.status().as_str()
    }
    /// The time spent, in minutes.
    #[getter(actual)]
    fn py_actual(&self) -> Minutes {
        self.actual()
    }
    /// The guided time, in minutes.
    #[getter(guided)]
    fn py_guided(&self) -> Minutes {
        self.guided()
    }
    /// When it was completed (UTC).
    #[getter(completed_at)]
    fn py_completed_at(&self) -> DateTime<Utc> {
        self.completed_at()
    }
    /// The day it was completed in England and Wales.
    #[getter(local_date)]
    fn py_local_date(&self) -> NaiveDate {
        self.local_date()
    }
    /// The probation region, as the portal names it.
    #[getter]
    fn region(&self) -> &str {
        &self.fields().region
    }
    /// The probation delivery unit.
    #[getter]
    fn pdu(&self) -> &str {
        &self.fields().pdu
    }
    /// The office.
    #[getter]
    fn office(&self) -> &str {
        &self.fields().office
    }
    /// The course's provider.
    #[getter]
    fn provider(&self) -> &str {
        &self.fields().provider
    }
    /// The course's type.
    #[getter]
    fn course_type(&self) -> &str {
        &self.fields().course_type
    }
    /// Attempts, when the portal gives them.
    #[getter]
    fn attempts(&self) -> Option<u32> {
        self.fields().attempts
    }
    /// The person's first name (personal data).
    #[getter]
    fn first_name(&self) -> &str {
        &self.fields().first_name
    }
    /// The person's last name (personal data).
    #[getter]
    fn last_name(&self) -> &str {
        &self.fields().last_name
    }
    /// The person's email (personal data).
    #[getter]
    fn email(&self) -> &str {
        &self.fields().email
    }
    /// The person's date of birth (personal data).
    #[getter]
    fn date_of_birth(&self) -> Option<NaiveDate> {
        self.fields().date_of_birth
    }
    /// The completion in the portal's JSON shape.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> PyResult<String> {
        serde_json::to_string(self).map_err(|e| error(ErrorKind::MalformedInput, e.to_string()))
    }
    /// Ids, codes and figures only: never the person's name, email or birth date.
    /// The constructor's call without the personal fields, evaluable after `import datetime`:
    /// `Completion(external_reference='P-1', course_name='CV writing',
    /// completion_date_time=datetime.datetime(2026, 11, 2, 14, 5, tzinfo=datetime.timezone.utc),
    /// status='Passed', total_time_minutes=95, expected_time_minutes=120)`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let at = self.completed_at().into_pyobject(py)?.repr()?;
        Ok(format!(
            "Completion(external_reference={}, course_name={}, completion_date_time={at}, \
             status={}, total_time_minutes={}, expected_time_minutes={})",
            py_str(self.person_ref()),
            py_str(self.course_name()),
            py_str(self.status().as_str()),
            self.actual().get(),
            self.guided().get(),
        ))
    }
}

#[pymethods]
impl crate::hours::ReadOutcome {
    fn __repr__(&self) -> String {
        format!(
            "<ReadResult completions={} rejects={}>",
            self.completions.len(),
            self.rejects.len()
        )
    }
}

#[pymethods]
impl crate::hours::CompletionReport {
    /// One dict per group, sorted by group (for `pandas.DataFrame(report.rows())`).
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        plain(py, &self.rows)
    }
    /// The sums over every row.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        plain(py, &self.total)
    }
    /// CSV: group, completions, courses_completed, minutes_credited, actual_minutes,
    /// guided_minutes, agreements_used, duplicates, failures; a last line "total".
    #[pyo3(name = "to_csv")]
    fn py_to_csv(&self) -> PyResult<String> {
        self.to_csv().map_err(fail)
    }
    fn __repr__(&self) -> String {
        format!(
            "<CompletionReport from={} to={} rows={}>",
            self.from,
            self.to,
            self.rows.len()
        )
    }
}
