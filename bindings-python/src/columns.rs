//! The columnar API over numpy arrays (and anything `numpy.asarray` takes: pandas and polars
//! `Series`, lists): conversion and error mapping around `ete_core::columns`. The interpreter is
//! released while the core works; results come back as new numpy arrays, without a copy.

use ete_core::python::Day;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Int8Type, Int16Type, Int32Type, Int64Type};
use arrow_array::{Array, ArrayRef, BooleanArray, PrimitiveArray, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use ete_core::columns::{self, CreditColumns, CreditRow, Flags};
use ete_core::hours::{CreditPolicy, CreditReason};
use ete_core::register::Mark;
use numpy::{
    Element, PyArray1, PyArrayDescrMethods, PyArrayMethods, PyReadonlyArray1, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3_arrow::input::{AnyArray, AnyRecordBatch};
use pyo3_arrow::{PyArray, PyRecordBatch, PyTable};

use crate::convert::Whole;
use crate::errors::py_result;

/// A column borrowed from a contiguous numpy array or an Arrow buffer, or copied (a strided
/// numpy array, Arrow booleans, which are bits).
enum Column<'py, T: Element> {
    View(PyReadonlyArray1<'py, T>),
    Copied(Vec<T>),
    Shared(Box<dyn AsRef<[T]> + Send + Sync>),
}

impl<T: Element + Clone> Column<'_, T> {
    fn slice(&self) -> &[T] {
        match self {
            Column::View(array) => array.as_slice().unwrap_or_default(),
            Column::Copied(values) => values,
            Column::Shared(buffer) => (**buffer).as_ref(),
        }
    }
}

/// A value type of the columns, read from numpy or Arrow, and written back to either.
trait Native: Element + Clone + 'static {
    /// The column when `array` holds this type (Arrow values are shared, not copied).
    fn from_arrow(array: &ArrayRef) -> Option<Column<'static, Self>>;
    /// A new Arrow array owning `values`.
    fn into_arrow(values: Vec<Self>) -> ArrayRef;
}

macro_rules! native {
    ($($rust:ty => $arrow:ty),*) => {$(
        impl Native for $rust {
            fn from_arrow(array: &ArrayRef) -> Option<Column<'static, Self>> {
                let values = array.as_primitive_opt::<$arrow>()?.values().clone();
                Some(Column::Shared(Box::new(values)))
            }
            fn into_arrow(values: Vec<Self>) -> ArrayRef {
                Arc::new(PrimitiveArray::<$arrow>::from(values))
            }
        }
    )*};
}
native!(i8 => Int8Type, i16 => Int16Type, i32 => Int32Type, i64 => Int64Type,
        u8 => arrow_array::types::UInt8Type, u64 => arrow_array::types::UInt64Type);

impl Native for bool {
    fn from_arrow(array: &ArrayRef) -> Option<Column<'static, Self>> {
        Some(Column::Copied(unpack_bits(
            array.as_boolean_opt()?.values(),
        )))
    }
    fn into_arrow(values: Vec<Self>) -> ArrayRef {
        Arc::new(BooleanArray::from(values))
    }
}

/// Arrow's bit-packed booleans as a byte per value, 64 at a time (a bit-by-bit iterator cost
/// more than core's credit kernel itself: BENCHMARKS.md, issue 15).
fn unpack_bits(bits: &arrow_buffer::BooleanBuffer) -> Vec<bool> {
    let chunks = bits.inner().bit_chunks(bits.offset(), bits.len());
    let mut out = Vec::with_capacity(bits.len());
    for word in chunks.iter() {
        out.extend_from_slice(&std::array::from_fn::<bool, 64, _>(|j| {
            (word >> j) & 1 == 1
        }));
    }
    let rest = chunks.remainder_bits();
    out.extend((0..chunks.remainder_len()).map(|j| (rest >> j) & 1 == 1));
    out
}

/// Where a column comes from: a numpy array, or Arrow (one array; chunks are concatenated).
enum Source<'py> {
    Numpy(Bound<'py, PyUntypedArray>),
    Arrow(ArrayRef),
}

/// Whether `obj` carries Arrow data (the Arrow PyCapsule interface).
fn is_arrow(obj: &Bound<'_, PyAny>) -> bool {
    obj.hasattr("__arrow_c_array__").unwrap_or(false)
        || obj.hasattr("__arrow_c_stream__").unwrap_or(false)
}

impl<'py> Source<'py> {
    fn new(obj: &Bound<'py, PyAny>, field: &str) -> PyResult<Self> {
        if !is_arrow(obj) {
            return ndarray(obj, field).map(Source::Numpy);
        }
        let not_arrow = |e: String| {
            crate::errors::invalid_field(format!("column {field}: not an Arrow array ({e})"))
        };
        let chunks = obj
            .extract::<AnyArray>()
            .map_err(|e| not_arrow(e.to_string()))?
            .into_chunked_array()
            .map_err(|e| not_arrow(PyErr::from(e).to_string()))?;
        let array = match chunks.chunks() {
            [one] => one.clone(),
            many => {
                let many: Vec<&dyn Array> = many.iter().map(|a| a.as_ref()).collect();
                arrow_select::concat::concat(&many).map_err(|e| not_arrow(e.to_string()))?
            }
        };
        Source::arrow(array, field)
    }

    /// An Arrow column, its nulls refused.
    fn arrow(array: ArrayRef, field: &str) -> PyResult<Self> {
        refuse_nulls(array.as_ref(), field)?;
        Ok(Source::Arrow(array))
    }

    /// The column when it holds `T`.
    fn typed<T: Native>(&self, field: &str) -> Option<PyResult<Column<'py, T>>> {
        match self {
            Source::Numpy(array) => typed(array, field),
            Source::Arrow(array) => T::from_arrow(array).map(Ok),
        }
    }

    fn type_name(&self) -> String {
        match self {
            Source::Numpy(array) => dtype_name(array),
            Source::Arrow(array) => format!("Arrow {}", array.data_type()),
        }
    }
}

impl<'py> Source<'py> {
    /// Times as int64: numpy datetime64 and Arrow timestamps are read as their integer values.
    fn times(self) -> PyResult<Self> {
        Ok(match self {
            Source::Numpy(array) if array.dtype().kind() == b'M' => Source::Numpy(
                array
                    .call_method1("view", ("int64",))?
                    .cast_into::<PyUntypedArray>()?,
            ),
            Source::Arrow(array) if matches!(array.data_type(), DataType::Timestamp(..)) => {
                Source::Arrow(
                    arrow_cast::cast::cast(&array, &DataType::Int64).map_err(|e| {
                        crate::errors::invalid_field(format!("column completed_at: {e}"))
                    })?,
                )
            }
            other => other,
        })
    }
}

/// Nulls are refused, naming the column and the first null row.
fn refuse_nulls(array: &dyn Array, field: &str) -> PyResult<()> {
    let nulls = array.null_count();
    if nulls == 0 {
        return Ok(());
    }
    let row = (0..array.len()).find(|i| array.is_null(*i)).unwrap_or(0);
    Err(crate::errors::invalid_field(format!(
        "column {field}: row {row} is null ({nulls} nulls); fill or drop the missing values first"
    )))
}

/// How results go back: numpy arrays, or Arrow arrays when any input was Arrow.
#[derive(Clone, Copy)]
struct Output {
    arrow: bool,
}

impl Output {
    fn of(inputs: &[Option<&Bound<'_, PyAny>>]) -> Self {
        Output {
            arrow: inputs.iter().flatten().any(|o| is_arrow(o)),
        }
    }

    fn array<'py, T: Native>(self, py: Python<'py>, values: Vec<T>) -> PyResult<Bound<'py, PyAny>> {
        if self.arrow {
            export_array(py, T::into_arrow(values))
        } else {
            Ok(PyArray1::from_vec(py, values).into_any())
        }
    }
}

/// An Arrow array for Python: a `pyarrow.Array` when pyarrow is installed, else an object with
/// `__arrow_c_array__` that any Arrow library reads.
fn export_array(py: Python<'_>, array: ArrayRef) -> PyResult<Bound<'_, PyAny>> {
    let array = Bound::new(py, PyArray::from_array_ref(array))?.into_any();
    match py.import("pyarrow") {
        Ok(pyarrow) => pyarrow.call_method1("array", (array,)),
        Err(_) => Ok(array),
    }
}

/// A record batch for Python, as [`export_array`] exports an array.
fn export_batch(py: Python<'_>, batch: RecordBatch) -> PyResult<Bound<'_, PyAny>> {
    let batch = PyRecordBatch::new(batch);
    if py.import("pyarrow").is_ok() {
        batch.into_pyarrow(py)
    } else {
        Ok(Bound::new(py, batch)?.into_any())
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
            "the columnar API needs numpy or Arrow columns: pip install 'ete-core[columns]'",
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

/// A column of `T` (`int64`, `bool`, ...), or `InvalidField` naming the column and both types.
fn column<'py, T: Native>(
    obj: &Bound<'py, PyAny>,
    field: &str,
    expected: &str,
) -> PyResult<Column<'py, T>> {
    typed_column(&Source::new(obj, field)?, field, expected)
}

fn typed_column<'py, T: Native>(
    source: &Source<'py>,
    field: &str,
    expected: &str,
) -> PyResult<Column<'py, T>> {
    source.typed(field).ok_or_else(|| {
        crate::errors::invalid_field(format!(
            "column {field}: expected dtype {expected}, got {} (convert with .astype() or .cast(); \
             missing values must be filled first)",
            source.type_name()
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

/// A dict of the named arrays.
fn dict<'py>(
    py: Python<'py>,
    columns: Vec<(&str, Bound<'py, PyAny>)>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, array) in columns {
        dict.set_item(name, array)?;
    }
    Ok(dict)
}

/// Credit decisions for N completions (H-3..H-8): `{"credited": int64, "reason": uint8}`, the
/// reason as an index into `CREDIT_REASONS`. Columns are numpy arrays or Arrow arrays (anything
/// with `__arrow_c_array__`/`__arrow_c_stream__`: pyarrow, polars, DuckDB); given Arrow, the
/// results are Arrow.
#[pyfunction]
#[pyo3(signature = (actual, guided, passed, repeat = None, extra_time = None, policy = None))]
pub(crate) fn credit_columns<'py>(
    py: Python<'py>,
    actual: &Bound<'py, PyAny>,
    guided: &Bound<'py, PyAny>,
    passed: &Bound<'py, PyAny>,
    repeat: Option<&Bound<'py, PyAny>>,
    extra_time: Option<&Bound<'py, PyAny>>,
    policy: Option<CreditPolicy>,
) -> PyResult<Bound<'py, PyDict>> {
    let out = Output::of(&[Some(actual), Some(guided), Some(passed), repeat, extra_time]);
    let policy = policy.unwrap_or_default();
    let source = |o: &Bound<'py, PyAny>, field| Source::new(o, field);
    let optional = |o: Option<&Bound<'py, PyAny>>, field| {
        o.filter(|o| !o.is_none())
            .map(|o| source(o, field))
            .transpose()
    };
    let (credited, reason) = credit(
        py,
        [
            source(actual, "actual")?,
            source(guided, "guided")?,
            source(passed, "passed")?,
        ],
        [
            optional(repeat, "repeat")?,
            optional(extra_time, "extra_time")?,
        ],
        &policy,
    )?;
    dict(
        py,
        vec![
            ("credited", out.array(py, credited)?),
            ("reason", out.array(py, reason)?),
        ],
    )
}

/// A flag column: numpy's booleans (a byte each), or Arrow's, left bit-packed for core to read.
enum FlagColumn<'py> {
    Bytes(Column<'py, bool>),
    Bits(arrow_buffer::BooleanBuffer),
}

impl FlagColumn<'_> {
    fn new<'py>(source: &Source<'py>, field: &'static str) -> PyResult<FlagColumn<'py>> {
        if let Source::Arrow(array) = source
            && let Some(array) = array.as_boolean_opt()
        {
            return Ok(FlagColumn::Bits(array.values().clone()));
        }
        typed_column::<bool>(source, field, "bool").map(FlagColumn::Bytes)
    }

    fn flags(&self, field: &'static str) -> PyResult<Flags<'_>> {
        match self {
            FlagColumn::Bytes(column) => Ok(column.slice().into()),
            FlagColumn::Bits(bits) => {
                py_result(Flags::bits(field, bits.values(), bits.offset(), bits.len()))
            }
        }
    }
}

fn optional_flags<'py>(
    source: Option<&Source<'py>>,
    field: &'static str,
) -> PyResult<Option<FlagColumn<'py>>> {
    source.map(|s| FlagColumn::new(s, field)).transpose()
}

/// Core's `credit_columns` over the five columns, the interpreter released.
fn credit(
    py: Python<'_>,
    [actual, guided, passed]: [Source<'_>; 3],
    [repeat, extra_time]: [Option<Source<'_>>; 2],
    policy: &CreditPolicy,
) -> PyResult<(Vec<i64>, Vec<u8>)> {
    let actual = typed_column::<i64>(&actual, "actual", "int64")?;
    let guided = typed_column::<i64>(&guided, "guided", "int64")?;
    let passed = FlagColumn::new(&passed, "passed")?;
    let repeat = optional_flags(repeat.as_ref(), "repeat")?;
    let extra_time = optional_flags(extra_time.as_ref(), "extra_time")?;
    let columns = CreditColumns {
        actual: actual.slice(),
        guided: guided.slice(),
        passed: passed.flags("passed")?,
        repeat: repeat.as_ref().map(|c| c.flags("repeat")).transpose()?,
        extra_time: extra_time
            .as_ref()
            .map(|c| c.flags("extra_time"))
            .transpose()?,
    };
    let out = py_result(py.detach(|| columns::credit_columns(&columns, policy)))?;
    Ok((out.credited, out.reason))
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
    let out = Output::of(&[Some(person), Some(course), Some(completed_at), Some(passed)]);
    let person = column::<i64>(person, "person", "int64")?;
    let course = column::<i64>(course, "course", "int64")?;
    let times = Source::new(completed_at, "completed_at")?.times()?;
    let completed_at = typed_column::<i64>(&times, "completed_at", "int64 or a timestamp")?;
    let passed = column::<bool>(passed, "passed", "bool")?;
    let (p, c, t, ok) = (
        person.slice(),
        course.slice(),
        completed_at.slice(),
        passed.slice(),
    );
    let repeat = py_result(py.detach(|| columns::find_repeats(p, c, t, ok)))?;
    out.array(py, repeat)
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
    policy: Option<ete_core::hours::LedgerPolicy>,
) -> PyResult<Bound<'py, PyDict>> {
    let out = Output::of(&[Some(requirement), Some(minutes), Some(required)]);
    let policy = policy.unwrap_or_default();
    let totals = totals(
        py,
        [
            Source::new(requirement, "requirement")?,
            Source::new(minutes, "minutes")?,
            Source::new(required, "required")?,
        ],
        &policy,
    )?;
    let columns = totals
        .into_iter()
        .map(|(name, values)| Ok((name, out.array(py, values)?)))
        .collect::<PyResult<_>>()?;
    dict(py, columns)
}

/// Core's `ete_totals` over the three columns: the four named results.
fn totals(
    py: Python<'_>,
    [requirement, minutes, required]: [Source<'_>; 3],
    policy: &ete_core::hours::LedgerPolicy,
) -> PyResult<[(&'static str, Vec<i64>); 4]> {
    let requirement = typed_column::<i64>(&requirement, "requirement", "int64")?;
    let minutes = typed_column::<i64>(&minutes, "minutes", "int64")?;
    let required = typed_column::<i64>(&required, "required", "int64")?;
    let (r, m, q) = (requirement.slice(), minutes.slice(), required.slice());
    let out = py_result(py.detach(|| columns::ete_totals(r, m, q, policy)))?;
    Ok([
        ("allowance", out.allowance),
        ("credited", out.credited),
        ("over_allowance", out.over_allowance),
        ("remaining", out.remaining),
    ])
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
    let source = Source::new(obj, "mark")?;
    if let Some(c) = source.typed::<i8>("mark") {
        return c.map(Marks::I8);
    }
    if let Some(c) = source.typed::<i16>("mark") {
        return c.map(Marks::I16);
    }
    if let Some(c) = source.typed::<i32>("mark") {
        return c.map(Marks::I32);
    }
    typed_column::<i64>(&source, "mark", "int8, int16, int32 or int64").map(Marks::I64)
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
    on: Option<Day>,
) -> PyResult<Bound<'py, PyDict>> {
    let on = on.map(|d| d.0);
    let out = Output::of(&[Some(learner), Some(mark)]);
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
    let by = py_result(py.detach(|| by_learner(codes)))?;
    let mut result: Vec<(&str, Bound<'py, PyAny>)> = Mark::ALL
        .into_iter()
        .zip(by.counts)
        .map(|(m, counts)| Ok((m.code(), out.array(py, counts)?)))
        .collect::<PyResult<_>>()?;
    result.extend([
        ("unmarked", out.array(py, by.unmarked)?),
        ("possible", out.array(py, by.possible)?),
        ("attended", out.array(py, by.attended)?),
        ("statutory_possible", out.array(py, by.statutory_possible)?),
        (
            "statutory_attendance",
            out.array(py, by.statutory_attendance)?,
        ),
        ("authorised", out.array(py, by.authorised)?),
        ("unauthorised", out.array(py, by.unauthorised)?),
        ("absences", out.array(py, by.absences)?),
        ("persistent", out.array(py, by.persistent)?),
        ("severe", out.array(py, by.severe)?),
    ]);
    dict(py, result)
}

/// The batches of an Arrow record batch or stream (a pyarrow `RecordBatch` or `Table`, a polars
/// `DataFrame`, a DuckDB relation: anything with `__arrow_c_array__` or `__arrow_c_stream__`).
fn batches(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<(Vec<RecordBatch>, Arc<Schema>, bool)> {
    let not_batch = |e: PyErr| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "{name}: expected an Arrow record batch or table (__arrow_c_array__ or \
             __arrow_c_stream__): {e}"
        ))
    };
    let input = obj.extract::<AnyRecordBatch>().map_err(not_batch)?;
    let single = matches!(input, AnyRecordBatch::RecordBatch(_));
    let schema = input.schema()?;
    let batches = input
        .into_reader()?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| crate::errors::invalid_field(format!("{name}: {e}")))?;
    Ok((batches, schema, single))
}

/// All rows of `obj` as one batch (a stream's batches concatenated).
fn one_batch(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<RecordBatch> {
    let (batches, schema, _) = batches(obj, name)?;
    arrow_select::concat::concat_batches(&schema, &batches)
        .map_err(|e| crate::errors::invalid_field(format!("{name}: {e}")))
}

/// The column `field` of `batch`, if it has one.
fn named(batch: &RecordBatch, field: &str) -> PyResult<Option<Source<'static>>> {
    batch
        .column_by_name(field)
        .map(|c| Source::arrow(c.clone(), field))
        .transpose()
}

/// The column `field` of `batch`, or `InvalidField` naming it.
fn required_column(batch: &RecordBatch, field: &str) -> PyResult<Source<'static>> {
    named(batch, field)?
        .ok_or_else(|| crate::errors::invalid_field(format!("the batch has no column {field}")))
}

/// `batch` with `columns` added (replacing any of the same name).
fn with_columns(batch: &RecordBatch, columns: Vec<(&str, ArrayRef)>) -> PyResult<RecordBatch> {
    let schema = batch.schema();
    let (mut fields, mut arrays): (Vec<Field>, Vec<ArrayRef>) = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .filter(|(f, _)| !columns.iter().any(|(name, _)| f.name() == name))
        .map(|(f, a)| (f.as_ref().clone(), a.clone()))
        .unzip();
    for (name, array) in columns {
        fields.push(Field::new(name, array.data_type().clone(), false));
        arrays.push(array);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
        .map_err(|e| crate::errors::invalid_field(e.to_string()))
}

/// Credit decisions for a table of completions (H-3..H-8), the one call a Spark `mapInArrow`,
/// a polars `map_batches` or a DuckDB query needs. Reads the columns `actual` and `guided`
/// (int64 minutes), `passed` (bool) and, when present, `repeat` and `extra_time` (bool); returns
/// the same rows with `credited` (int64 minutes) and `reason` (uint8, an index into
/// `CREDIT_REASONS`) added: a record batch for a record batch, a table for a stream or table.
/// A pyarrow object when pyarrow is installed, else one with the Arrow PyCapsule interface.
#[pyfunction]
#[pyo3(signature = (batch, policy = None))]
pub(crate) fn credit_table<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    policy: Option<CreditPolicy>,
) -> PyResult<Bound<'py, PyAny>> {
    let policy = policy.unwrap_or_default();
    let (batches, schema, single) = batches(batch, "batch")?;
    let credited = batches
        .iter()
        .map(|b| {
            let (credited, reason) = credit(
                py,
                [
                    required_column(b, "actual")?,
                    required_column(b, "guided")?,
                    required_column(b, "passed")?,
                ],
                [named(b, "repeat")?, named(b, "extra_time")?],
                &policy,
            )?;
            with_columns(
                b,
                vec![
                    ("credited", i64::into_arrow(credited)),
                    ("reason", u8::into_arrow(reason)),
                ],
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    match (single, credited.as_slice()) {
        (true, [one]) => export_batch(py, one.clone()),
        _ => {
            let schema = match credited.first() {
                Some(b) => b.schema(),
                None => with_columns(
                    &RecordBatch::new_empty(schema),
                    vec![
                        ("credited", i64::into_arrow(Vec::new())),
                        ("reason", u8::into_arrow(Vec::new())),
                    ],
                )?
                .schema(),
            };
            let table = PyTable::try_new(credited, schema)?;
            if py.import("pyarrow").is_ok() {
                table.into_pyarrow(py)
            } else {
                Ok(Bound::new(py, table)?.into_any())
            }
        }
    }
}

/// ETE credit per requirement capped by the allowance (H-10), over tables: `credits` has the
/// columns `requirement` (int64, a row index into `requirements`) and `credited` (int64 minutes,
/// as `credit_table` adds it); `requirements` has `required` (int64 minutes). Returns a record
/// batch of the requirements' rows with `allowance`, `credited`, `over_allowance` and
/// `remaining` (int64 minutes) added.
#[pyfunction]
#[pyo3(signature = (credits, requirements, policy = None))]
pub(crate) fn ete_totals_table<'py>(
    py: Python<'py>,
    credits: &Bound<'py, PyAny>,
    requirements: &Bound<'py, PyAny>,
    policy: Option<ete_core::hours::LedgerPolicy>,
) -> PyResult<Bound<'py, PyAny>> {
    let policy = policy.unwrap_or_default();
    let credits = one_batch(credits, "credits")?;
    let requirements = one_batch(requirements, "requirements")?;
    let totals = totals(
        py,
        [
            required_column(&credits, "requirement")?,
            required_column(&credits, "credited")?,
            required_column(&requirements, "required")?,
        ],
        &policy,
    )?;
    let columns = totals
        .into_iter()
        .map(|(name, values)| (name, i64::into_arrow(values)))
        .collect();
    export_batch(py, with_columns(&requirements, columns)?)
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
    policy: Option<CreditPolicy>,
) -> PyResult<(i64, Bound<'py, PyString>)> {
    let policy = policy.unwrap_or_default();
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
    policy: Option<CreditPolicy>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
    let policy = policy.unwrap_or_default();
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
