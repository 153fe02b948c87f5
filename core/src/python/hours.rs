//! The hours module's classes (H-1..H-16): constructors, getters and reprs beyond the derived
//! ones.

use chrono::{DateTime, NaiveDate, Utc};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::hours::{CompletionFields, LedgerEntry, LedgerEventKind, LedgerPolicy};
use crate::python::{Instant, Whole, error, fail, plain, py_str, raise};
use crate::{ErrorKind, Minutes};

#[pymethods]
impl crate::hours::CreditDecision {
    /// The reason as a sentence for the notes.
    #[getter]
    fn explanation(&self) -> &'static str {
        self.reason.explanation()
    }
    /// The decision as a dict of its properties (for `pandas.DataFrame([d.to_dict() ...])`).
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        properties(slf.as_any())
    }
}

#[pymethods]
impl crate::hours::Course {
    /// A checked course (H-1): guided time above zero, BCP-47 language tags.
    #[new]
    fn py_new(
        id: String,
        title: String,
        provider: String,
        course_type: String,
        languages: Vec<String>,
        guided: Minutes,
    ) -> PyResult<Self> {
        crate::hours::Course::new(id, title, provider, course_type, languages, guided)
            .map_err(|e| error(e.kind(), e.to_string()))
    }
}

#[pymethods]
impl crate::hours::ReadPolicy {
    /// `ReadPolicy(earliest=None, latest=None, earliest_birth=None)`: the dates a completion
    /// reader accepts; a date not given is core's default. An inverted range is
    /// `InvalidPolicy`.
    #[new]
    #[pyo3(signature = (earliest = None, latest = None, earliest_birth = None))]
    fn py_new(
        earliest: Option<chrono::NaiveDate>,
        latest: Option<chrono::NaiveDate>,
        earliest_birth: Option<chrono::NaiveDate>,
    ) -> PyResult<Self> {
        let default = crate::hours::ReadPolicy::default();
        let policy = crate::hours::ReadPolicy {
            earliest: earliest.unwrap_or(default.earliest),
            latest: latest.unwrap_or(default.latest),
            earliest_birth: earliest_birth.unwrap_or(default.earliest_birth),
        };
        policy.check().map_err(|e| error(e.kind(), e.to_string()))?;
        Ok(policy)
    }
    /// Reads a policy from JSON (`{"earliest": "2000-01-01", ...}`; missing keys take core's
    /// default).
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<Self> {
        crate::hours::ReadPolicy::from_json(text).map_err(|e| error(e.kind(), e.to_string()))
    }
}

/// A record's public properties (its class's getters, `explanation` aside) as a dict.
fn properties<'py>(record: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(record.py());
    let class = record.get_type();
    for name in class.dir()? {
        let name: String = name.extract()?;
        let is_property =
            class.getattr(name.as_str())?.get_type().name()?.to_cow()? == "getset_descriptor";
        if is_property && !name.starts_with('_') && name != "explanation" {
            out.set_item(&name, record.getattr(name.as_str())?)?;
        }
    }
    Ok(out)
}

#[pymethods]
impl crate::hours::CreditPolicy {
    /// A policy; what is not given takes core's default (20%, repeats not credited: H-5, H-7).
    #[new]
    #[pyo3(signature = (allowance_percent = None, credit_repeats = None))]
    fn py_new(
        allowance_percent: Option<Whole<u32>>,
        credit_repeats: Option<bool>,
    ) -> PyResult<Self> {
        let default = Self::default();
        Self::new(
            allowance_percent.map_or(default.allowance_percent(), |p| p.0),
            credit_repeats.unwrap_or(default.credit_repeats()),
        )
        .map_err(raise(crate::hours::PolicyError::kind))
    }
    /// Loads a policy from JSON: `{"allowancePercent": 20, "creditRepeats": false}`.
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<Self> {
        Self::from_json(text).map_err(raise(crate::hours::PolicyError::kind))
    }
    /// The policy as JSON, as `from_json` reads it.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> String {
        self.to_json()
    }
    /// The extra-time allowance, in percent of the guided time (H-5).
    #[getter(allowance_percent)]
    fn py_allowance_percent(&self) -> u32 {
        self.allowance_percent()
    }
    /// Whether a course already credited to the person is credited again (H-7).
    #[getter(credit_repeats)]
    fn py_credit_repeats(&self) -> bool {
        self.credit_repeats()
    }
    fn __repr__(&self) -> String {
        let repeats = if self.credit_repeats() {
            "True"
        } else {
            "False"
        };
        format!(
            "CreditPolicy(allowance_percent={}, credit_repeats={repeats})",
            self.allowance_percent()
        )
    }
}

#[pymethods]
impl crate::hours::ExtraTimeAgreement {
    /// A practitioner's extra-time agreement for a person (H-6), checked as core's `new`.
    #[new]
    #[pyo3(signature = (person_ref, agreed_by, agreed_on, category, allowance_percent = None))]
    fn py_new(
        person_ref: String,
        agreed_by: String,
        agreed_on: chrono::NaiveDate,
        category: crate::hours::AgreementCategory,
        allowance_percent: Option<Whole<u32>>,
    ) -> PyResult<Self> {
        Self::new(
            person_ref,
            agreed_by,
            agreed_on,
            category,
            allowance_percent.map(|p| p.0),
        )
        .map_err(raise(crate::hours::RecordError::kind))
    }
    /// The person's reference.
    #[getter(person_ref)]
    fn py_person_ref(&self) -> &str {
        self.person_ref()
    }
    /// The practitioner who agreed it.
    #[getter(agreed_by)]
    fn py_agreed_by(&self) -> &str {
        self.agreed_by()
    }
    /// When it was agreed.
    #[getter(agreed_on)]
    fn py_agreed_on(&self) -> chrono::NaiveDate {
        self.agreed_on()
    }
    /// Why extra time is agreed.
    #[getter(category)]
    fn py_category(&self) -> crate::hours::AgreementCategory {
        self.category()
    }
    /// The agreed allowance in percent, if not the policy's.
    #[getter(allowance_percent)]
    fn py_allowance_percent(&self) -> Option<u32> {
        self.allowance_percent()
    }
    fn __repr__(&self) -> String {
        let percent = self
            .allowance_percent()
            .map_or("None".to_owned(), |p| p.to_string());
        format!(
            "ExtraTimeAgreement(person_ref={}, agreed_by={}, agreed_on=datetime.date({}), \
             category={}, allowance_percent={percent})",
            py_str(self.person_ref()),
            py_str(self.agreed_by()),
            self.agreed_on().format("%Y, %-m, %-d"),
            py_str(crate::codes::Code::code(self.category())),
        )
    }
}

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
        date_of_birth: Option<NaiveDate>,
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
            date_of_birth,
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
    fn __repr__(&self) -> String {
        format!(
            "Completion(person_ref={}, course_name={}, status={}, actual={}, guided={})",
            py_str(self.person_ref()),
            py_str(self.course_name()),
            py_str(self.status().as_str()),
            self.actual().get(),
            self.guided().get(),
        )
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

/// An entry of `event`, with its command id when the caller gives one.
fn ledger_entry(
    date: NaiveDate,
    by: String,
    event: LedgerEventKind,
    id: Option<String>,
) -> LedgerEntry {
    let entry = LedgerEntry::new(date, by, event);
    match id {
        Some(id) => entry.with_id(id),
        None => entry,
    }
}

#[pymethods]
impl LedgerEntry {
    /// A work appointment; outcome is "attended", "acceptable_absence" or "unacceptable_absence".
    /// `id`: the command id (recording it again changes nothing).
    #[staticmethod]
    #[pyo3(signature = (date, by, minutes, outcome, *, id = None))]
    fn work_appointment(
        date: NaiveDate,
        by: String,
        minutes: Minutes,
        outcome: crate::hours::AppointmentOutcome,
        id: Option<String>,
    ) -> LedgerEntry {
        let event = LedgerEventKind::WorkAppointment { minutes, outcome };
        ledger_entry(date, by, event, id)
    }
    /// ETE credit for a course.
    #[staticmethod]
    #[pyo3(signature = (date, by, minutes, course_name, *, id = None))]
    fn ete_credit(
        date: NaiveDate,
        by: String,
        minutes: Minutes,
        course_name: String,
        id: Option<String>,
    ) -> LedgerEntry {
        let event = LedgerEventKind::EteCredit {
            minutes,
            course_name,
        };
        ledger_entry(date, by, event, id)
    }
    /// A court change to the required time, in signed minutes.
    #[staticmethod]
    #[pyo3(signature = (date, by, minutes, *, id = None))]
    fn adjustment(
        date: NaiveDate,
        by: String,
        minutes: Whole<i64>,
        id: Option<String>,
    ) -> LedgerEntry {
        let event = LedgerEventKind::Adjustment { minutes: minutes.0 };
        ledger_entry(date, by, event, id)
    }
    /// An extension of the completion period, in calendar months.
    #[staticmethod]
    #[pyo3(signature = (date, by, months, *, id = None))]
    fn extension(
        date: NaiveDate,
        by: String,
        months: Whole<u32>,
        id: Option<String>,
    ) -> LedgerEntry {
        let event = LedgerEventKind::Extension { months: months.0 };
        ledger_entry(date, by, event, id)
    }
    /// The command id that recorded the entry, or None.
    #[getter(id)]
    fn py_id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    /// The day it happened.
    #[getter]
    fn on(&self) -> NaiveDate {
        self.date
    }
    /// Who recorded it (a staff id).
    #[getter(by)]
    fn py_by(&self) -> &str {
        &self.by
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "LedgerEntry(on=datetime.date({}), by={}, event={})",
            self.date.format("%Y, %-m, %-d"),
            py_str(&self.by),
            plain(py, &self.event)?.repr()?
        ))
    }
}

#[pymethods]
impl LedgerPolicy {
    /// The default policy of the rules (H-9..H-12).
    #[new]
    fn py_new() -> LedgerPolicy {
        LedgerPolicy::default()
    }
    /// Loads a policy from JSON, e.g. `{"eteShare": {"numerator": 30, "denominator": 100}}`.
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json(text: &str) -> PyResult<LedgerPolicy> {
        LedgerPolicy::from_json(text).map_err(fail)
    }
    /// The policy as JSON, as `from_json` reads it.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> PyResult<String> {
        serde_json::to_string(self).map_err(|e| error(ErrorKind::MalformedInput, e.to_string()))
    }
}
