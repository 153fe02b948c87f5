//! Courses on the learning portal (H-1).

use ete_core::hours::Course;
use pyo3::prelude::*;

use crate::convert::{Mins, py_repr, repr_call};

use crate::errors::py_result;

/// A course offered on the learning portal (H-1): guided time above zero, BCP-47 language tags.
#[pyclass(name = "Course", module = "ete_core", frozen)]
pub struct PyCourse {
    inner: Course,
}

#[pymethods]
impl PyCourse {
    #[new]
    #[pyo3(signature = (id, title, provider, course_type, languages, guided))]
    fn new(
        id: String,
        title: String,
        provider: String,
        course_type: String,
        languages: Vec<String>,
        guided: Mins,
    ) -> PyResult<PyCourse> {
        let guided = guided.0;
        py_result(Course::new(
            id,
            title,
            provider,
            course_type,
            languages,
            guided,
        ))
        .map(|inner| PyCourse { inner })
    }
    #[getter]
    fn id(&self) -> &str {
        self.inner.id()
    }
    #[getter]
    fn title(&self) -> &str {
        self.inner.title()
    }
    #[getter]
    fn provider(&self) -> &str {
        self.inner.provider()
    }
    #[getter]
    fn course_type(&self) -> &str {
        self.inner.course_type()
    }
    #[getter]
    fn languages(&self) -> Vec<String> {
        self.inner.languages().to_vec()
    }
    #[getter]
    fn guided(&self) -> u64 {
        self.inner.guided().get()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        repr_call(
            "Course",
            &[
                ("id", py_repr(py, self.inner.id())),
                ("title", py_repr(py, self.inner.title())),
                ("guided", self.inner.guided().get().to_string()),
            ],
        )
    }
}
