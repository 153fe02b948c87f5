//! Training records and placements (P-1..P-6): a `Placement` and an `Establishment` safe to
//! share between threads. A learner's file and a placement command cross as core's JSON form;
//! rows, pages, progress, merge outcomes and assessment answers are core's own types. Learner
//! details stay out of every `repr` and error.

use ete_core::python::Day;
use ete_core::routing::{Organisation, ReferralPolicy};
use ete_core::training::{
    AssessmentNeed, AssessmentPolicy, Establishment, LearnerFile, ListQuery, MergeOutcome,
    Placement, PlacementCommand, PlacementStatus, QualificationProgress, RecordPage, RecordRow,
    SortKey,
};
use pyo3::prelude::*;

use crate::convert::{Whole, plain, py_repr, repr_call};
use crate::errors::py_result;
use crate::shared::Shared;

/// A learner's placement (P-1): apply (T-8), accept, start, withdraw or complete. Commands are
/// JSON (core's form); a retried id returns no events; a refusal changes nothing.
#[pyclass(name = "Placement", module = "ete_core", frozen)]
pub struct PyPlacement {
    inner: Shared<Placement>,
}

#[pymethods]
impl PyPlacement {
    /// A placement not yet applied for; `risk_assessment_months` is T-8's limit (default 3).
    #[new]
    #[pyo3(signature = (id, learner, *, risk_assessment_months = None))]
    fn new(
        id: &str,
        learner: &str,
        risk_assessment_months: Option<Whole<u32>>,
    ) -> PyResult<PyPlacement> {
        let policy = match risk_assessment_months {
            Some(months) => ReferralPolicy {
                risk_assessment_months: months.0,
            },
            None => ReferralPolicy::default(),
        };
        Ok(PyPlacement {
            inner: Shared::new(py_result(Placement::new(id, learner, policy))?),
        })
    }
    /// Runs a command given as JSON; returns its events as dicts (`[]` for a retry).
    fn execute<'py>(&self, py: Python<'py>, command: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let command = py_result(PlacementCommand::from_json(command))?;
        let events = py_result(self.inner.with(py, |p| p.execute(&command))?)?;
        events.iter().map(|e| plain(py, e)).collect()
    }
    /// Where it stands, or `None` before the application.
    #[getter]
    fn status(&self, py: Python<'_>) -> PyResult<Option<PlacementStatus>> {
        self.inner.with(py, |p| p.status())
    }
    /// Every event as a dict, oldest first.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let events = self.inner.with(py, |p| p.events().to_vec())?;
        events.iter().map(|e| plain(py, e)).collect()
    }
    /// The head hash of the events' chain: publish it; a rewritten log is caught against it.
    fn head_hash(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.with(py, |p| p.head_hash())
    }
    /// The snapshot as JSON (with its format and the events' hash chain).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py_result(self.inner.with(py, |p| p.to_json())?)
    }
    /// Restores `to_json`'s form: its hash chain checked, its events replayed.
    #[staticmethod]
    fn restore(py: Python<'_>, json: &str) -> PyResult<PyPlacement> {
        let placement = py_result(py.detach(|| Placement::restore(json)))?;
        Ok(PyPlacement {
            inner: Shared::new(placement),
        })
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (id, learner, status) = self.inner.with(py, |p| {
            (p.id().to_owned(), p.learner().to_owned(), p.status())
        })?;
        Ok(repr_call(
            "Placement",
            &[
                ("id", py_repr(py, id)),
                ("learner", py_repr(py, learner)),
                ("status", py_repr(py, status)),
            ],
        ))
    }
}

/// The training records one establishment holds (P-2..P-6). Files are JSON (core's
/// `LearnerFile` form); `import_record` merges without duplicates and twice changes nothing;
/// `export_record` asks the routing policy (T-2).
#[pyclass(name = "Establishment", module = "ete_core", frozen)]
pub struct PyEstablishment {
    inner: Shared<Establishment>,
}

#[allow(clippy::too_many_arguments)]
fn query(
    provider: Option<String>,
    cohort: Option<String>,
    school: Option<String>,
    surname: Option<String>,
    status: Option<PlacementStatus>,
    sort: Option<SortKey>,
    page: u32,
    size: u32,
) -> ListQuery {
    ListQuery {
        provider,
        cohort,
        school,
        surname,
        status,
        sort: sort.unwrap_or_default(),
        page,
        size,
    }
}

impl PyEstablishment {
    fn read<R: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&Establishment) -> Result<R, ete_core::training::TrainingError> + Send,
    ) -> PyResult<R> {
        py_result(self.inner.with(py, |e| f(e))?)
    }
}

#[pymethods]
impl PyEstablishment {
    /// An establishment holding nothing.
    #[new]
    fn new(organisation: Organisation) -> PyEstablishment {
        PyEstablishment {
            inner: Shared::new(Establishment::new(organisation)),
        }
    }
    /// Adds a learner's file (JSON), or merges it into the one held: all or nothing.
    fn insert(&self, py: Python<'_>, file: &str) -> PyResult<MergeOutcome> {
        let file = py_result(LearnerFile::from_json(file))?;
        py_result(self.inner.with(py, |e| e.insert(file))?)
    }
    /// Imports a learner-record document addressed here (P-5).
    fn import_record(&self, py: Python<'_>, document: &str) -> PyResult<MergeOutcome> {
        py_result(self.inner.with(py, |e| e.import(document))?)
    }
    /// The learner's record as a document for `destination`'s `role`, if the policy permits
    /// (T-2); else `TransferRefused` with `refusals`.
    fn export_record(
        &self,
        py: Python<'_>,
        learner: &str,
        destination: Organisation,
        role: &str,
        policy: &ete_core::routing::RoutingPolicy,
    ) -> PyResult<String> {
        let policy = policy.clone();
        self.read(py, |e| e.export(learner, &destination, role, &policy))
    }
    /// The learners held, by id.
    fn learners(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.inner.with(py, |e| e.files().keys().cloned().collect())
    }
    /// A learner's file as JSON.
    fn file_json(&self, py: Python<'_>, learner: &str) -> PyResult<String> {
        self.read(py, |e| e.file(learner)?.to_json())
    }
    /// Progress per qualification over the counted units (P-2).
    fn progress(&self, py: Python<'_>, learner: &str) -> PyResult<Vec<QualificationProgress>> {
        self.read(py, |e| Ok(e.file(learner)?.record.progress()))
    }
    /// The tutor appraisals, latest first, as dicts.
    fn appraisals<'py>(&self, py: Python<'py>, learner: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let list = self.read(py, |e| {
            Ok(e.file(learner)?
                .record
                .appraisals()
                .into_iter()
                .cloned()
                .collect::<Vec<_>>())
        })?;
        list.iter().map(|a| plain(py, a)).collect()
    }
    /// The targets overdue on `on`, as dicts.
    fn overdue_targets<'py>(
        &self,
        py: Python<'py>,
        learner: &str,
        on: Day,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let on = on.0;
        let list = self.read(py, |e| {
            Ok(e.file(learner)?
                .record
                .overdue_targets(on)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>())
        })?;
        list.iter().map(|t| plain(py, t)).collect()
    }
    /// The notes the record shows (its own and the attendance notes, R-5), oldest first.
    fn notes<'py>(&self, py: Python<'py>, learner: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let list = self.read(py, |e| Ok(e.file(learner)?.notes()))?;
        list.iter().map(|n| plain(py, n)).collect()
    }
    /// The learner's row on `on` (the list's line and the CSV's row).
    fn row(&self, py: Python<'_>, learner: &str, on: Day) -> PyResult<RecordRow> {
        let on = on.0;
        self.read(py, |e| Ok(e.file(learner)?.row(on)))
    }
    /// A page of the list (P-3): filters, sort (`surname`, `learner`, `school`, `provider`,
    /// `cohort`), page from 1 (default 1) and size (default 20).
    #[pyo3(signature = (on, *, provider = None, cohort = None, school = None, surname = None,
        status = None, sort = None, page = None, size = None))]
    #[allow(clippy::too_many_arguments)]
    fn list_records(
        &self,
        py: Python<'_>,
        on: Day,
        provider: Option<String>,
        cohort: Option<String>,
        school: Option<String>,
        surname: Option<String>,
        status: Option<PlacementStatus>,
        sort: Option<SortKey>,
        page: Option<Whole<u32>>,
        size: Option<Whole<u32>>,
    ) -> PyResult<RecordPage> {
        let on = on.0;
        let (page, size) = (
            page.map_or(1, |p| p.0),
            size.map_or(ListQuery::DEFAULT_SIZE, |s| s.0),
        );
        let q = query(provider, cohort, school, surname, status, sort, page, size);
        self.read(py, |e| e.list(&q, on))
    }
    /// `training-records.csv` of every learner the filters match, in the sort (P-4);
    /// `redacted` leaves out the personal columns.
    #[pyo3(signature = (on, *, redacted = false, provider = None, cohort = None, school = None,
        surname = None, status = None, sort = None))]
    #[allow(clippy::too_many_arguments)]
    fn csv(
        &self,
        py: Python<'_>,
        on: Day,
        redacted: bool,
        provider: Option<String>,
        cohort: Option<String>,
        school: Option<String>,
        surname: Option<String>,
        status: Option<PlacementStatus>,
        sort: Option<SortKey>,
    ) -> PyResult<String> {
        let on = on.0;
        let q = query(provider, cohort, school, surname, status, sort, 1, 1);
        self.read(py, |e| e.csv(&q, on, redacted))
    }
    /// Reuse an initial assessment in `subject`, or assess (P-6); `valid_months` defaults to 12.
    #[pyo3(signature = (learner, subject, on, *, valid_months = None))]
    fn needs_assessment(
        &self,
        py: Python<'_>,
        learner: &str,
        subject: &str,
        on: Day,
        valid_months: Option<Whole<u32>>,
    ) -> PyResult<AssessmentNeed> {
        let on = on.0;
        let policy = valid_months.map_or_else(AssessmentPolicy::default, |m| AssessmentPolicy {
            valid_months: m.0,
        });
        let need = self.read(py, |e| e.needs_assessment(learner, subject, on, &policy))?;
        // Python's dates end at 9999: a validity pushed beyond is InvalidField, not ValueError.
        if let Some(until) = need.valid_until {
            ete_core::python::py_date("valid_until", until)?;
        }
        Ok(need)
    }
    /// The establishment as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.read(py, Establishment::to_json)
    }
    /// Restores `to_json`'s form, checking every file.
    #[staticmethod]
    fn restore(py: Python<'_>, json: &str) -> PyResult<PyEstablishment> {
        let e = py_result(py.detach(|| Establishment::restore(json)))?;
        Ok(PyEstablishment {
            inner: Shared::new(e),
        })
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (id, n) = self
            .inner
            .with(py, |e| (e.organisation().id.clone(), e.files().len()))?;
        Ok(repr_call(
            "Establishment",
            &[("id", py_repr(py, id)), ("learners", py_repr(py, n))],
        ))
    }
}
