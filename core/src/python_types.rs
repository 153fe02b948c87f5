//! How core's own value types cross to Python (feature `python`): declarations only, the
//! counterpart of `uniffi_types`.
//!
//! Records carry `#[cfg_attr(feature = "python", pyclass(...))]` and pyderive's derives
//! where they are defined; this module says once how the values inside them convert: [`Minutes`]
//! is an `int`, every coded enum (`codes!`) is its code as a `str`, and an error is the
//! `ete_core` exception named like its [`ErrorKind`].

use pyo3::exceptions::PyRuntimeError;
use pyo3::exceptions::PyTypeError;
use pyo3::inspect::PyStaticExpr;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyType};

use crate::{ErrorKind, Minutes};

/// The `ete_core` exception for `kind` (a subclass of `EteError` defined in
/// `ete_core._errors`), carrying `message`.
pub fn error(kind: ErrorKind, message: impl Into<String>) -> PyErr {
    let message = message.into();
    Python::attach(|py| {
        match py
            .import("ete_core._errors")
            .and_then(|m| m.getattr(kind.code()))
            .and_then(|class| Ok(class.cast_into::<PyType>()?))
        {
            Ok(class) => PyErr::from_type(class, (message,)),
            Err(e) => PyRuntimeError::new_err(format!("ete_core._errors is unusable: {e}")),
        }
    })
}

impl<'py> IntoPyObject<'py> for Minutes {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = std::convert::Infallible;
    const OUTPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.get().into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &Minutes {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = std::convert::Infallible;
    const OUTPUT_TYPE: PyStaticExpr = <Minutes as IntoPyObject<'py>>::OUTPUT_TYPE;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

/// A coded enum as its code (`"present"`), for every type declared with `codes!`.
#[doc(hidden)]
#[macro_export]
macro_rules! python_code {
    ($ty:ident, [$($code:literal),+]) => {
        impl $ty {
            /// `typing.Literal["code", ...]`: the type of the code in the generated stubs.
            const PY_LITERAL: ::pyo3::inspect::PyStaticExpr = ::pyo3::inspect::PyStaticExpr::Subscript {
                value: &::pyo3::inspect::PyStaticExpr::Attribute {
                    value: &::pyo3::inspect::PyStaticExpr::Name { id: "typing" },
                    attr: "Literal",
                },
                slice: &::pyo3::inspect::PyStaticExpr::Tuple {
                    elts: &[$(::pyo3::inspect::PyStaticExpr::Constant {
                        value: ::pyo3::inspect::PyStaticConstant::Str($code),
                    }),+],
                },
            };
        }
        impl<'py> ::pyo3::IntoPyObject<'py> for $ty {
            type Target = ::pyo3::types::PyString;
            type Output = ::pyo3::Bound<'py, ::pyo3::types::PyString>;
            type Error = ::std::convert::Infallible;
            const OUTPUT_TYPE: ::pyo3::inspect::PyStaticExpr = $ty::PY_LITERAL;

            fn into_pyobject(self, py: ::pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(::pyo3::types::PyString::intern(py, self.code()).clone())
            }
        }
        impl<'py> ::pyo3::IntoPyObject<'py> for &$ty {
            type Target = ::pyo3::types::PyString;
            type Output = ::pyo3::Bound<'py, ::pyo3::types::PyString>;
            type Error = ::std::convert::Infallible;
            const OUTPUT_TYPE: ::pyo3::inspect::PyStaticExpr = $ty::PY_LITERAL;

            fn into_pyobject(self, py: ::pyo3::Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
        impl<'a, 'py> ::pyo3::FromPyObject<'a, 'py> for $ty {
            type Error = ::pyo3::PyErr;
            const INPUT_TYPE: ::pyo3::inspect::PyStaticExpr = $ty::PY_LITERAL;

            fn extract(obj: ::pyo3::Borrowed<'a, 'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
                let text: ::std::borrow::Cow<'_, str> = obj.extract()?;
                <$ty as $crate::codes::Code>::parse(&text)
                    .map_err(|e| $crate::python_types::error(e.kind(), e.to_string()))
            }
        }
    };
}

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

impl<'a, 'py> FromPyObject<'a, 'py> for Minutes {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    /// Whole minutes from any Python `int`: outside 0..=2⁵³−1 is `InvalidMinutes` (never
    /// `OverflowError`); a `bool`, `float` or `str` is `TypeError`.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Minutes> {
        if obj.is_instance_of::<PyBool>() || !obj.hasattr("__index__")? {
            return Err(PyTypeError::new_err(format!(
                "expected an int of minutes, got {}",
                obj.get_type().name()?
            )));
        }
        let index = obj.call_method0("__index__")?;
        // Beyond i128 is out of range all the same.
        let wide: i128 = index.extract().unwrap_or(i128::MAX);
        Minutes::from_i128(wide).map_err(|e| error(e.kind(), e.to_string()))
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

/// A whole number for a parameter of Rust type `T` (a count, an id, a score, minutes before
/// core checks them): an `int` outside `T`'s range is `InvalidField` (never `OverflowError`),
/// anything but an `int` (a `bool`, a `float`, a `str`) is `TypeError`. Numpy integer scalars
/// are accepted.
pub struct Whole<T>(pub T);

impl<'a, 'py, T: TryFrom<i128>> FromPyObject<'a, 'py> for Whole<T> {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Whole<T>> {
        if obj.is_instance_of::<PyBool>() {
            return Err(PyTypeError::new_err("expected an int, got bool"));
        }
        // The fast path: a Python int that fits an i64.
        if let Ok(small) = obj.extract::<i64>() {
            return T::try_from(i128::from(small))
                .map(Whole)
                .map_err(|_| out_of_range::<T>(&small.to_string()));
        }
        if !obj.hasattr("__index__")? {
            return Err(PyTypeError::new_err(format!(
                "expected an int, got {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "an object".to_owned())
            )));
        }
        let index = obj.call_method0("__index__")?;
        let shown = || index.str().map(|s| s.to_string()).unwrap_or_default();
        let wide: i128 = index.extract().map_err(|_| out_of_range::<T>(&shown()))?;
        T::try_from(wide)
            .map(Whole)
            .map_err(|_| out_of_range::<T>(&shown()))
    }
}

/// `InvalidField`: an int outside the range of the parameter's Rust type.
fn out_of_range<T>(value: &str) -> PyErr {
    error(
        ErrorKind::InvalidField,
        format!("{value} is out of range: expected {}", range_of::<T>()),
    )
}

/// The range of a Rust integer type, in words.
fn range_of<T>() -> &'static str {
    match std::any::type_name::<T>() {
        "u8" => "0..=255",
        "u16" => "0..=65535",
        "u32" => "0..=4294967295",
        "u64" => "0..=18446744073709551615",
        "usize" => "a non-negative int that fits this platform's memory",
        "i64" => "-9223372036854775808..=9223372036854775807",
        _ => "a smaller int",
    }
}

/// A core error as the `ete_core` exception of its kind.
fn raise<E: std::fmt::Display>(kind: impl FnOnce(&E) -> ErrorKind) -> impl FnOnce(E) -> PyErr {
    move |e| error(kind(&e), e.to_string())
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

/// A `str` as Python's `repr` writes it (single quotes).
fn py_str(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// An aware `datetime.datetime` in any zone (`timezone.utc`, a fixed offset, a `zoneinfo`
/// zone), as a UTC instant. A naive datetime, or one whose `tzinfo.utcoffset()` is `None`, is
/// a `TypeError` in the same words everywhere; an instant that cannot be expressed in UTC
/// (year 1 at a positive offset) is `InvalidField`.
pub struct Instant(pub chrono::DateTime<chrono::Utc>);

/// A `datetime.date` argument: exactly a date. A `datetime.datetime` (a subclass of `date` in
/// Python) is a `TypeError`: taking it as a date would drop its time silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub chrono::NaiveDate);

impl<'a, 'py> FromPyObject<'a, 'py> for Day {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Attribute {
        value: &PyStaticExpr::Name { id: "datetime" },
        attr: "date",
    };

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Day> {
        if obj.cast::<pyo3::types::PyDateTime>().is_ok() {
            return Err(PyTypeError::new_err(
                "expected a datetime.date, got a datetime.datetime: its time would be dropped \
                 (pass .date() for the day)",
            ));
        }
        obj.extract::<chrono::NaiveDate>().map(Day).map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a datetime.date, got {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "an object".to_owned())
            ))
        })
    }
}

/// A date computed by core, for Python: `datetime.date` holds years 1..=9999 only, so a date
/// beyond (an expiry or an end pushed far ahead) is `InvalidField` naming `field`, instead of
/// Python's bare `ValueError`.
pub fn py_date(field: &str, day: chrono::NaiveDate) -> PyResult<chrono::NaiveDate> {
    use chrono::Datelike;
    if (1..=9999).contains(&day.year()) {
        Ok(day)
    } else {
        Err(error(
            ErrorKind::InvalidField,
            format!("{field}: the date {day} is outside the years 1..=9999 a Python date holds"),
        ))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Instant {
    type Error = PyErr;
    const INPUT_TYPE: PyStaticExpr = PyStaticExpr::Attribute {
        value: &PyStaticExpr::Name { id: "datetime" },
        attr: "datetime",
    };

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Instant> {
        let value = obj.cast::<pyo3::types::PyDateTime>().map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a timezone-aware datetime.datetime, got {}",
                obj.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "an object".to_owned())
            ))
        })?;
        if value.call_method0("utcoffset")?.is_none() {
            return Err(PyTypeError::new_err(
                "a timezone-aware datetime is required (e.g. tzinfo=datetime.timezone.utc): \
                 a naive datetime names no instant",
            ));
        }
        let utc = pyo3::types::PyTzInfo::utc(obj.py())?;
        value
            .call_method1("astimezone", (utc,))
            .and_then(|v| v.extract::<chrono::DateTime<chrono::Utc>>())
            .map(Instant)
            .map_err(|_| {
                error(
                    ErrorKind::InvalidField,
                    format!(
                        "{}: this instant cannot be expressed in UTC (years 1..=9999)",
                        value.str().map(|s| s.to_string()).unwrap_or_default()
                    ),
                )
            })
    }
}

impl<'py> IntoPyObject<'py> for crate::contribution::Contribution {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = std::convert::Infallible;
    const OUTPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.get().into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &crate::contribution::Contribution {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = std::convert::Infallible;
    const OUTPUT_TYPE: PyStaticExpr = PyStaticExpr::Name { id: "int" };

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.get().into_pyobject(py)
    }
}

#[pymethods]
impl crate::register::Actor {
    /// A person acting in a role (`"provider"`, `"school"` or `"hub"`): a staff id, never a name.
    #[new]
    fn py_new(role: crate::register::Role, id: String) -> Self {
        Self::new(role, id)
    }
}

#[pymethods]
impl crate::register::Lesson {
    /// A lesson: its register can be marked once it has finished; one ending at or before
    /// its start is `InvalidField`. Any timezone-aware datetimes.
    #[new]
    fn py_new(
        id: String,
        provider: String,
        starts_at: Instant,
        ends_at: Instant,
    ) -> PyResult<Self> {
        Self::new(id, provider, starts_at.0, ends_at.0).map_err(|e| error(e.kind(), e.to_string()))
    }
}

#[pymethods]
impl crate::register::Entry {
    /// The mark that counts: the school's decision, else the provider's mark.
    #[getter(current)]
    fn py_current(&self) -> Option<crate::register::Mark> {
        self.current()
    }
    fn __repr__(&self) -> String {
        let code =
            |m: Option<crate::register::Mark>| m.map_or("None".to_owned(), |m| py_str(m.code()));
        format!(
            "Entry(provider_mark={}, school_decision={}, current={}, contribution={})",
            code(self.provider_mark),
            code(self.school_decision),
            code(self.current()),
            self.contribution
                .map_or("None".to_owned(), |c| c.get().to_string()),
        )
    }
}

#[pymethods]
impl crate::register::MarkDecision {
    /// Whether the mark may be set.
    #[getter(allowed)]
    fn py_allowed(&self) -> bool {
        self.allowed
    }
    /// Why, as a code (`allowed`, `lesson_not_finished`, ...).
    #[getter(reason)]
    fn py_reason(&self) -> &'static str {
        self.reason.code()
    }
    /// Why, in words.
    #[getter(explanation)]
    fn py_explanation(&self) -> String {
        self.reason.to_string()
    }
    fn __repr__(&self) -> String {
        let allowed = if self.allowed { "True" } else { "False" };
        format!(
            "MarkDecision(allowed={allowed}, reason={})",
            py_str(self.reason.code())
        )
    }
}

#[pymethods]
impl crate::register::Note {
    /// The note's learner, lesson and time; never its text (it may name people).
    fn __repr__(&self) -> String {
        format!(
            "Note(learner={}, lesson={}, at=datetime.datetime.fromisoformat({}))",
            py_str(&self.learner),
            self.lesson.as_deref().map_or("None".to_owned(), py_str),
            py_str(&self.at.to_rfc3339()),
        )
    }
}
