//! The register module's classes (R-1..R-10).

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::python::{Instant, Whole, error, fail, fraction, py_str};

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
    /// The provider's mark (or the hub's correction of it).
    #[getter(provider_mark)]
    fn py_provider_mark(&self) -> Option<crate::register::Mark> {
        self.provider_mark
    }
    /// The school's decision on an unexplained absence.
    #[getter(school_decision)]
    fn py_school_decision(&self) -> Option<crate::register::Mark> {
        self.school_decision
    }
    /// The contribution score as an `int` (−2..=+2), or `None` when not recorded.
    #[getter(contribution)]
    fn py_contribution(&self) -> Option<i8> {
        self.contribution
            .map(crate::contribution::Contribution::get)
    }
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

#[pymethods]
impl crate::register::AttendanceSummary {
    /// Entries per mark code (marks with none are left out).
    #[getter]
    fn counts(&self) -> std::collections::BTreeMap<&'static str, u64> {
        self.counts.iter().map(|(m, n)| (m.code(), *n)).collect()
    }
    /// Entries still unmarked.
    #[getter(unmarked)]
    fn py_unmarked(&self) -> u64 {
        self.unmarked
    }
    /// Possible sessions: marked entries except not required.
    #[getter(possible)]
    fn py_possible(&self) -> u64 {
        self.possible()
    }
    /// Exact rates over possible sessions (attended, authorised, unauthorised, unexplained,
    /// dismissed) as `fractions.Fraction`s adding up to 1; `None` with no possible sessions.
    #[pyo3(name = "rates")]
    fn py_rates<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(r) = self.rates() else {
            return Ok(None);
        };
        let out = PyDict::new(py);
        for (name, f) in rates(&r) {
            out.set_item(name, fraction(py, f)?)?;
        }
        Ok(Some(out))
    }
    /// The same rates as percentages to `places` decimals (`"33.3"`), rounded half up (one
    /// place when None); more than 30 places is `InvalidField`.
    #[pyo3(signature = (places = None))]
    fn percentages(
        &self,
        places: Option<Whole<u32>>,
    ) -> PyResult<Option<BTreeMap<&'static str, String>>> {
        let Some(r) = self.rates() else {
            return Ok(None);
        };
        let places = places.map_or(1, |p| p.0);
        rates(&r)
            .into_iter()
            .map(|(name, f)| Ok((name, f.percent(places).map_err(fail)?)))
            .collect::<PyResult<_>>()
            .map(Some)
    }
    fn __repr__(&self) -> String {
        format!(
            "AttendanceSummary(possible={}, unmarked={})",
            self.possible(),
            self.unmarked
        )
    }
}

/// The rates by name, in the order of R-7.
fn rates(r: &crate::register::Rates) -> [(&'static str, crate::Fraction); 5] {
    [
        ("attended", r.attended),
        ("authorised", r.authorised),
        ("unauthorised", r.unauthorised),
        ("unexplained", r.unexplained),
        ("dismissed", r.dismissed),
    ]
}

#[pymethods]
impl crate::contribution::ContributionSummary {
    /// The exact mean as a `fractions.Fraction`, or `None` with no scores.
    #[pyo3(name = "mean")]
    fn py_mean<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.mean().map(|f| fraction(py, f)).transpose()
    }
    /// The mean to two decimals (`"1.33"`), or `None` with no scores.
    #[pyo3(name = "mean_text")]
    fn py_mean_text(&self) -> Option<String> {
        self.mean_text()
    }
}

#[pymethods]
impl crate::register::SummaryReport {
    /// Counts only: `<SummaryReport learners=2 incomplete_registers=0>`.
    fn __repr__(&self) -> String {
        format!(
            "<SummaryReport learners={} incomplete_registers={}>",
            self.learners.len(),
            self.incomplete_registers.len()
        )
    }
}

#[pymethods]
impl crate::contribution::Contribution {
    /// A contribution score: always within −2..=+2; `InvalidContribution` otherwise.
    #[new]
    fn py_new(value: Whole<i64>) -> PyResult<Self> {
        Self::new(value.0).map_err(|e| error(e.kind(), e.to_string()))
    }
    /// The score, −2..=+2.
    #[getter(value)]
    fn py_value(&self) -> i8 {
        self.get()
    }
    /// One more, staying at +2.
    #[pyo3(name = "increment")]
    fn py_increment(&self) -> Self {
        self.increment()
    }
    /// One less, staying at −2.
    #[pyo3(name = "decrement")]
    fn py_decrement(&self) -> Self {
        self.decrement()
    }
    fn __int__(&self) -> i8 {
        self.get()
    }
    /// `Contribution(-1)`, which builds an equal score.
    fn __repr__(&self) -> String {
        format!("Contribution({})", self.get())
    }
}
