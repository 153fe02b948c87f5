//! The columnar API over numpy arrays (and anything `numpy.asarray` takes: pandas and polars
//! `Series`, lists): conversion and error mapping around `ete_core::columns`. The interpreter is
//! released while the core works; results come back as new numpy arrays, without a copy.

use chrono::NaiveDate;
use ete_core::columns::{self, CreditColumns, CreditRow};
use ete_core::hours::{CreditPolicy, CreditReason};
use ete_core::register::Mark;
use numpy::{
    Element, PyArray1, PyArrayDescrMethods, PyArrayMethods, PyReadonlyArray1, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};

use crate::convert::Whole;
use crate::credit::PyCreditPolicy;
use crate::errors::py_result;
use crate::ledger::PyLedgerPolicy;

/// A column borrowed from a contiguous numpy array, or copied from a strided one.
enum Column<'py, T: Element> {
    View(PyReadonlyArray1<'py, T>),
    Copied(Vec<T>),
}

impl<T: Element + Clone> Column<'_, T> {
    fn slice(&self) -> &[T] {
        match self {
            Column::View(array) => array.as_slice().unwrap_or_default(),
            Column::Copied(values) => values,
        }
    }
}

/// `obj` as a one-dimensional numpy array (through `numpy.asarray` unless it is one).
fn ndarray<'py>(obj: &Bound<'py, PyAny>, field: &str) -> PyResult<Bound<'py, PyUntypedArray>> {
    require_numpy(obj.py())?;
    let numpy = obj.py().import("numpy")?;
    if numpy
        .getattr("ma")?
        .call_method1("isMaskedArray", (obj,))?
        .is_truthy()?
    {
        return Err(crate::errors::invalid_field(format!(
            "column {field}: a masked array; fill or drop the masked values first"
        )));
    }
    let array = match obj.cast::<PyUntypedArray>() {
        Ok(array) => array.clone(),
        Err(_) => numpy
            .call_method1("asarray", (obj,))
            .map_err(|_| {
                crate::errors::invalid_field(format!(
                    "column {field}: cannot be read as a one-dimensional array"
                ))
            })?
            .cast_into::<PyUntypedArray>()
            .map_err(|_| crate::errors::invalid_field(format!("column {field}: not an array")))?,
    };
    if array.ndim() != 1 {
        return Err(crate::errors::invalid_field(format!(
            "column {field}: expected a one-dimensional array, got {} dimensions",
            array.ndim()
        )));
    }
    Ok(array)
}

/// numpy must be importable before any array type is touched (the numpy crate would panic
/// looking for its C API): without it, an `ImportError` that says how to install it.
fn require_numpy(py: Python<'_>) -> PyResult<()> {
    py.import("numpy").map(drop).map_err(|_| {
        pyo3::exceptions::PyImportError::new_err(
            "the columnar API needs numpy: pip install 'ete-core[columns]'",
        )
    })
}

fn dtype_name(array: &Bound<'_, PyUntypedArray>) -> String {
    array
        .dtype()
        .str()
        .map(|s| s.to_string())
        .unwrap_or_else(|_| "unknown".into())
}

/// A column of `T` (`int64`, `bool`, ...), or `InvalidField` naming the column and both dtypes.
fn column<'py, T: Element + Clone>(
    obj: &Bound<'py, PyAny>,
    field: &str,
    expected: &str,
) -> PyResult<Column<'py, T>> {
    let array = ndarray(obj, field)?;
    typed(&array, field).ok_or_else(|| {
        crate::errors::invalid_field(format!(
            "column {field}: expected dtype {expected}, got {} (convert with .astype(); \
             missing values must be filled first)",
            dtype_name(&array)
        ))
    })?
}

/// `Some(column)` when the array holds `T`.
fn typed<'py, T: Element + Clone>(
    array: &Bound<'py, PyUntypedArray>,
    field: &str,
) -> Option<PyResult<Column<'py, T>>> {
    let array = array.cast::<PyArray1<T>>().ok()?;
    let readonly = match array.try_readonly() {
        Ok(readonly) => readonly,
        Err(e) => {
            return Some(Err(crate::errors::invalid_field(format!(
                "column {field}: {e}"
            ))));
        }
    };
    Some(Ok(if readonly.as_slice().is_ok() {
        Column::View(readonly)
    } else {
        Column::Copied(readonly.as_array().to_vec())
    }))
}

fn optional<'py, T: Element + Clone>(
    obj: Option<&Bound<'py, PyAny>>,
    field: &str,
    expected: &str,
) -> PyResult<Option<Column<'py, T>>> {
    obj.filter(|o| !o.is_none())
        .map(|o| column(o, field, expected))
        .transpose()
}

/// A dict of new numpy arrays.
fn dict<'py>(
    py: Python<'py>,
    columns: Vec<(&str, Bound<'py, PyAny>)>,
) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (name, array) in columns {
        out.set_item(name, array)?;
    }
    Ok(out)
}

fn array<'py, T: Element>(py: Python<'py>, values: Vec<T>) -> Bound<'py, PyAny> {
    PyArray1::from_vec(py, values).into_any()
}

/// Credit decisions for N completions (H-3..H-8): `{"credited": int64, "reason": uint8}`, the
/// reason as an index into `CREDIT_REASONS`.
#[pyfunction]
#[pyo3(signature = (actual, guided, passed, repeat = None, extra_time = None, policy = None))]
pub(crate) fn credit_columns<'py>(
    py: Python<'py>,
    actual: &Bound<'py, PyAny>,
    guided: &Bound<'py, PyAny>,
    passed: &Bound<'py, PyAny>,
    repeat: Option<&Bound<'py, PyAny>>,
    extra_time: Option<&Bound<'py, PyAny>>,
    policy: Option<PyRef<'py, PyCreditPolicy>>,
) -> PyResult<Bound<'py, PyDict>> {
    let actual = column::<i64>(actual, "actual", "int64")?;
    let guided = column::<i64>(guided, "guided", "int64")?;
    let passed = column::<bool>(passed, "passed", "bool")?;
    let repeat = optional::<bool>(repeat, "repeat", "bool")?;
    let extra_time = optional::<bool>(extra_time, "extra_time", "bool")?;
    let policy = policy.map(|p| p.inner.clone()).unwrap_or_default();
    let columns = CreditColumns {
        actual: actual.slice(),
        guided: guided.slice(),
        passed: passed.slice(),
        repeat: repeat.as_ref().map(Column::slice),
        extra_time: extra_time.as_ref().map(Column::slice),
    };
    let out = py_result(py.detach(|| columns::credit_columns(&columns, &policy)))?;
    dict(
        py,
        vec![
            ("credited", array(py, out.credited)),
            ("reason", array(py, out.reason)),
        ],
    )
}

/// Which completions repeat a course the person already passed (H-7), as `credit_batch` finds
/// them: a bool array. `completed_at` may be int64 or datetime64.
#[pyfunction]
pub(crate) fn find_repeats<'py>(
    py: Python<'py>,
    person: &Bound<'py, PyAny>,
    course: &Bound<'py, PyAny>,
    completed_at: &Bound<'py, PyAny>,
    passed: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let person = column::<i64>(person, "person", "int64")?;
    let course = column::<i64>(course, "course", "int64")?;
    let times = ndarray(completed_at, "completed_at")?;
    let times = if times.dtype().kind() == b'M' {
        times.call_method1("view", ("int64",))?
    } else {
        times.into_any()
    };
    let completed_at = column::<i64>(&times, "completed_at", "int64")?;
    let passed = column::<bool>(passed, "passed", "bool")?;
    let (p, c, t, ok) = (
        person.slice(),
        course.slice(),
        completed_at.slice(),
        passed.slice(),
    );
    let repeat = py_result(py.detach(|| columns::find_repeats(p, c, t, ok)))?;
    Ok(array(py, repeat))
}

/// ETE credit per requirement capped by the allowance (H-10): `{"allowance", "credited",
/// "over_allowance", "remaining"}`, int64 arrays as long as `required`.
#[pyfunction]
#[pyo3(signature = (requirement, minutes, required, policy = None))]
pub(crate) fn ete_totals<'py>(
    py: Python<'py>,
    requirement: &Bound<'py, PyAny>,
    minutes: &Bound<'py, PyAny>,
    required: &Bound<'py, PyAny>,
    policy: Option<PyRef<'py, PyLedgerPolicy>>,
) -> PyResult<Bound<'py, PyDict>> {
    let requirement = column::<i64>(requirement, "requirement", "int64")?;
    let minutes = column::<i64>(minutes, "minutes", "int64")?;
    let required = column::<i64>(required, "required", "int64")?;
    let (r, m, q) = (requirement.slice(), minutes.slice(), required.slice());
    let policy = policy.map(|p| p.inner).unwrap_or_default();
    let out = py_result(py.detach(|| columns::ete_totals(r, m, q, &policy)))?;
    dict(
        py,
        vec![
            ("allowance", array(py, out.allowance)),
            ("credited", array(py, out.credited)),
            ("over_allowance", array(py, out.over_allowance)),
            ("remaining", array(py, out.remaining)),
        ],
    )
}

/// Mark codes in any signed integer dtype (pandas `Categorical.codes` are int8).
enum Marks<'py> {
    I8(Column<'py, i8>),
    I16(Column<'py, i16>),
    I32(Column<'py, i32>),
    I64(Column<'py, i64>),
}

/// The codes of a [`Marks`], borrowed (a plain slice, so the interpreter can be released).
#[derive(Clone, Copy)]
enum MarkSlice<'a> {
    I8(&'a [i8]),
    I16(&'a [i16]),
    I32(&'a [i32]),
    I64(&'a [i64]),
}

impl Marks<'_> {
    fn slice(&self) -> MarkSlice<'_> {
        match self {
            Marks::I8(c) => MarkSlice::I8(c.slice()),
            Marks::I16(c) => MarkSlice::I16(c.slice()),
            Marks::I32(c) => MarkSlice::I32(c.slice()),
            Marks::I64(c) => MarkSlice::I64(c.slice()),
        }
    }
}

fn marks<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Marks<'py>> {
    let array = ndarray(obj, "mark")?;
    if let Some(c) = typed::<i8>(&array, "mark") {
        return c.map(Marks::I8);
    }
    if let Some(c) = typed::<i16>(&array, "mark") {
        return c.map(Marks::I16);
    }
    if let Some(c) = typed::<i32>(&array, "mark") {
        return c.map(Marks::I32);
    }
    column::<i64>(&array, "mark", "int8, int16, int32 or int64").map(Marks::I64)
}

/// Attendance per learner from a learner-index column and a mark-code column (an
/// index into `MARKS`, or -1 for unmarked): a dict of arrays, one value per learner. `policy`
/// (a statutory policy's JSON) is checked against the code set on `on` (default: the current
/// code set).
#[pyfunction]
#[pyo3(signature = (learner, mark, learners = None, policy = None, on = None))]
pub(crate) fn attendance_by_learner<'py>(
    py: Python<'py>,
    learner: &Bound<'py, PyAny>,
    mark: &Bound<'py, PyAny>,
    learners: Option<Whole<usize>>,
    policy: Option<&str>,
    on: Option<NaiveDate>,
) -> PyResult<Bound<'py, PyDict>> {
    let policy = crate::attendance::statutory_policy(policy)?;
    let learner = column::<i64>(learner, "learner", "int64")?;
    let mark = marks(mark)?;
    let l = learner.slice();
    let count = learners.map(|l| l.0);
    let by_learner = |codes: MarkSlice<'_>| match codes {
        MarkSlice::I8(m) => columns::attendance_by_learner(l, m, count, &policy, on),
        MarkSlice::I16(m) => columns::attendance_by_learner(l, m, count, &policy, on),
        MarkSlice::I32(m) => columns::attendance_by_learner(l, m, count, &policy, on),
        MarkSlice::I64(m) => columns::attendance_by_learner(l, m, count, &policy, on),
    };
    let codes = mark.slice();
    let out = py_result(py.detach(|| by_learner(codes)))?;
    let mut result: Vec<(&str, Bound<'py, PyAny>)> = Mark::ALL
        .into_iter()
        .zip(out.counts)
        .map(|(m, counts)| (m.code(), array(py, counts)))
        .collect();
    result.extend([
        ("unmarked", array(py, out.unmarked)),
        ("possible", array(py, out.possible)),
        ("attended", array(py, out.attended)),
        ("statutory_possible", array(py, out.statutory_possible)),
        ("statutory_attendance", array(py, out.statutory_attendance)),
        ("authorised", array(py, out.authorised)),
        ("unauthorised", array(py, out.unauthorised)),
        ("absences", array(py, out.absences)),
        ("persistent", array(py, out.persistent)),
        ("severe", array(py, out.severe)),
    ]);
    dict(py, result)
}

/// The reason codes as interned Python strings, made once.
fn reason_strings(py: Python<'_>) -> &[Py<PyString>] {
    static CODES: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();
    CODES.get_or_init(py, || {
        CreditReason::ALL
            .iter()
            .map(|r| PyString::intern(py, r.code()).unbind())
            .collect()
    })
}

/// Decides one row through core's [`CreditRow`]: the same answer, or the same error, as
/// `credit_columns` gives for that row; `position` names the row in an error.
fn decide_row(
    row: (Whole<i64>, Whole<i64>, bool, bool, bool),
    policy: &CreditPolicy,
    position: usize,
) -> PyResult<(i64, CreditReason)> {
    let (Whole(actual), Whole(guided), passed, repeat, extra_time) = row;
    let row = CreditRow {
        actual,
        guided,
        passed,
        repeat,
        extra_time,
    };
    let (credited, reason) = py_result(row.decide(position, policy))?;
    Ok((credited.as_signed(), reason))
}

fn reason_string(py: Python<'_>, reason: CreditReason) -> Bound<'_, PyString> {
    reason_strings(py)
        .get(usize::from(reason.index()))
        .map(|s| s.bind(py).clone())
        .unwrap_or_else(|| PyString::new(py, reason.code()))
}

/// One completion's credit from its numbers (H-3..H-5, H-7): `(credited_minutes, reason_code)`.
/// The scalar form of `credit_columns`: the same answer or the same error for the same input.
#[pyfunction]
#[pyo3(signature = (actual, guided, passed, repeat = false, extra_time = false, policy = None))]
pub(crate) fn credit_row<'py>(
    py: Python<'py>,
    actual: Whole<i64>,
    guided: Whole<i64>,
    passed: bool,
    repeat: bool,
    extra_time: bool,
    policy: Option<PyRef<'py, PyCreditPolicy>>,
) -> PyResult<(i64, Bound<'py, PyString>)> {
    let policy = policy.map(|p| p.inner.clone()).unwrap_or_default();
    let (credited, reason) = decide_row((actual, guided, passed, repeat, extra_time), &policy, 0)?;
    Ok((credited, reason_string(py, reason)))
}

/// The row API: credits rows of `(actual, guided, passed, repeat, extra_time)` tuples, returning
/// `(credited_minutes, reason_codes)`, two lists in row order (as an analyst's loop builds them).
/// Plain Python objects in and out, for data that is not in arrays; `credit_columns` is the fast
/// way for arrays. Applies nothing: a bad row raises, naming its position.
#[pyfunction]
#[pyo3(signature = (rows, policy = None))]
pub(crate) fn credit_rows<'py>(
    py: Python<'py>,
    rows: &Bound<'py, PyAny>,
    policy: Option<PyRef<'py, PyCreditPolicy>>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
    let policy = policy.map(|p| p.inner.clone()).unwrap_or_default();
    let (mut credited, mut reasons) = (Vec::new(), Vec::new());
    for (position, row) in rows.try_iter()?.enumerate() {
        let values: (Whole<i64>, Whole<i64>, bool, bool, bool) = row?.extract().map_err(|_| {
            crate::errors::invalid_field(format!(
                "rows[{position}]: expected a tuple (actual: int, guided: int, passed: bool, \
                 repeat: bool, extra_time: bool)"
            ))
        })?;
        let (minutes, reason) = decide_row(values, &policy, position)?;
        credited.push(minutes);
        reasons.push(reason_string(py, reason));
    }
    Ok((PyList::new(py, credited)?, PyList::new(py, reasons)?))
}
