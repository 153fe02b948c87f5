//! The hours module's credit classes (H-1, H-3..H-8): constructors, getters and reprs beyond
//! the derived ones.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::Minutes;
use crate::python::{Day, Whole, error, py_str, raise};

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
        earliest: Option<Day>,
        latest: Option<Day>,
        earliest_birth: Option<Day>,
    ) -> PyResult<Self> {
        let earliest = earliest.map(|d| d.0);
        let latest = latest.map(|d| d.0);
        let earliest_birth = earliest_birth.map(|d| d.0);
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
    /// The policy as JSON, as `from_json` reads it.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> String {
        self.to_json()
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
        agreed_on: Day,
        category: crate::hours::AgreementCategory,
        allowance_percent: Option<Whole<u32>>,
    ) -> PyResult<Self> {
        let agreed_on = agreed_on.0;
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
