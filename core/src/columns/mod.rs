//! Columnar kernels: the same rules as [`hours`](crate::hours) and
//! [`register`](crate::register), over columns of plain numbers instead of records, for reports
//! at national scale (millions of rows). The Python bindings hand numpy arrays straight to these
//! functions; Kotlin hands packed arrays.
//!
//! Every kernel checks its whole input first (equal lengths, minutes in range, indices and codes
//! in range) and returns a [`ColumnError`] naming the column, the row and the value before it
//! decides anything; then it decides each row with the same function the record API uses
//! ([`credit_minutes`](crate::hours::credit_minutes), [`LedgerPolicy::ete_allowance`],
//! [`MarkTally`](crate::register::MarkTally)).
//!
//! - [`credit_columns`]: credited minutes and a reason code per completion (H-3..H-8).
//! - [`find_repeats`]: which completions repeat a course already passed by the person (H-7).
//! - [`ete_totals`]: ETE credit per requirement, capped by its allowance (H-10).
//! - [`attendance_by_learner`]: counts per mark, the R-7 figures and the statutory R-8 figures
//!   (by the category of each mark's mapped code) per learner.
//!
//! [`LedgerPolicy::ete_allowance`]: crate::hours::LedgerPolicy::ete_allowance

mod attendance;
mod credit;
mod flags;
mod totals;

pub use attendance::{AttendanceColumns, MAX_LEARNERS, UNMARKED, attendance_by_learner};
pub use credit::{CreditColumns, CreditOutput, CreditRow, credit_columns, find_repeats};
pub use flags::Flags;
pub use totals::{EteTotals, ete_totals};

use crate::error::ErrorKind;
use crate::minutes::Minutes;

/// Why a set of columns was refused. Values are numbers (indices, minutes, codes), never
/// personal data.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ColumnError {
    /// Two columns that must have one value per row differ in length.
    #[error(
        "column {field} has {len} rows but {other} has {other_len}: columns must be the same length"
    )]
    LengthMismatch {
        /// The column that differs.
        field: &'static str,
        /// Its length.
        len: usize,
        /// The column it was compared with.
        other: &'static str,
        /// That column's length.
        other_len: usize,
    },
    /// A value is not a number of minutes in 0..=2⁵³−1.
    #[error("{field}[{position}] = {value}: minutes must be 0..={max} ({rule})", max = Minutes::MAX.get())]
    InvalidMinutes {
        /// The column.
        field: &'static str,
        /// The row (from 0).
        position: usize,
        /// The value found.
        value: i64,
        /// The rule the column belongs to.
        rule: &'static str,
    },
    /// An index or code is outside its range.
    #[error("{field}[{position}] = {value}: {reason}")]
    OutOfRange {
        /// The column.
        field: &'static str,
        /// The row (from 0).
        position: usize,
        /// The value found.
        value: i64,
        /// What was expected, with the rule.
        reason: String,
    },
    /// A count given by the caller (a number of learners) would size a table beyond the
    /// stated limit, or beyond what memory can hold: memory follows the input, not its values.
    #[error("{field} = {value}: at most {max} can be tabulated in one call")]
    TooLarge {
        /// The argument.
        field: &'static str,
        /// The value given.
        value: u64,
        /// The largest accepted.
        max: u64,
    },
    /// The statutory mapping names a code unknown or not valid on the day given.
    #[error("{source}")]
    InvalidPolicy {
        /// Core's statutory error, naming the mark and the code.
        #[from]
        source: crate::register::StatutoryError,
    },
    /// A ledger policy holding a value out of range (`InvalidPolicy`).
    #[error("{source}")]
    InvalidLedgerPolicy {
        /// What is wrong, naming the field, the value and the range.
        #[from]
        source: crate::hours::PolicyError,
    },
}

impl ColumnError {
    /// The language-neutral kind: [`ErrorKind::InvalidMinutes`] for minutes out of range,
    /// the statutory error's kind for a refused mapping, [`ErrorKind::InvalidField`] otherwise.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ColumnError::InvalidMinutes { .. } => ErrorKind::InvalidMinutes,
            ColumnError::InvalidPolicy { source } => source.kind(),
            ColumnError::InvalidLedgerPolicy { source } => source.kind(),
            ColumnError::LengthMismatch { .. }
            | ColumnError::OutOfRange { .. }
            | ColumnError::TooLarge { .. } => ErrorKind::InvalidField,
        }
    }

    /// The column the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            ColumnError::LengthMismatch { field, .. }
            | ColumnError::InvalidMinutes { field, .. }
            | ColumnError::OutOfRange { field, .. }
            | ColumnError::TooLarge { field, .. } => field,
            ColumnError::InvalidPolicy { .. } | ColumnError::InvalidLedgerPolicy { .. } => "policy",
        }
    }
}

/// Checks that every column in `others` has `len` rows.
fn same_length(
    field: &'static str,
    len: usize,
    others: &[(&'static str, Option<usize>)],
) -> Result<(), ColumnError> {
    match others
        .iter()
        .find_map(|(name, l)| l.filter(|l| *l != len).map(|l| (*name, l)))
    {
        Some((other, other_len)) => Err(ColumnError::LengthMismatch {
            field: other,
            len: other_len,
            other: field,
            other_len: len,
        }),
        None => Ok(()),
    }
}

/// The first row whose value, read as unsigned (so a negative value is huge), is above `max`:
/// one branch-free pass over the column, and a search for the row only when there is one.
fn first_above(column: &[i64], max: u64) -> Option<(usize, i64)> {
    let bad = column.iter().fold(false, |bad, v| bad | (*v as u64 > max));
    if !bad {
        return None;
    }
    let position = column.iter().position(|v| *v as u64 > max)?;
    Some((position, column.get(position).copied().unwrap_or_default()))
}

/// Checks every value is a number of minutes (0..=[`Minutes::MAX`]).
fn check_minutes(
    field: &'static str,
    column: &[i64],
    rule: &'static str,
) -> Result<(), ColumnError> {
    match first_above(column, Minutes::MAX.get()) {
        Some((position, value)) => Err(ColumnError::InvalidMinutes {
            field,
            position,
            value,
            rule,
        }),
        None => Ok(()),
    }
}

/// Checks every value is an index in `0..count`.
fn check_indices(
    field: &'static str,
    column: &[i64],
    count: usize,
    what: &str,
) -> Result<(), ColumnError> {
    let bad = match count.checked_sub(1) {
        Some(last) => first_above(column, last as u64),
        None => column.first().map(|v| (0, *v)),
    };
    match bad {
        Some((position, value)) => Err(ColumnError::OutOfRange {
            field,
            position,
            value,
            reason: match count.checked_sub(1) {
                Some(last) => format!("must be an index into the {count} {what} (0..={last})"),
                None => format!("no {what} were given, so no index is valid"),
            },
        }),
        None => Ok(()),
    }
}

/// The minutes in a checked column value.
#[inline]
fn minutes(value: i64) -> Minutes {
    Minutes::from_checked(value as u64)
}
