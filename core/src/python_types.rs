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
