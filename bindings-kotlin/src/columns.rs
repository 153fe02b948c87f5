//! The batch door for Kotlin: one call for many rows. Columns travel packed in byte arrays
//! (little-endian `i64`s, one byte per flag), which cross the FFI as a single buffer each rather
//! than as a list of boxed values or records; `Columns.kt` packs `LongArray`/`BooleanArray`.

use chrono::NaiveDate;
use ete_core::columns::{self, CreditColumns, Flags};
use ete_core::hours::{LedgerPolicy, PolicyFields};

use crate::EteError;

/// Credited minutes (packed little-endian `i64`s) and reason indices (one byte each, into the
/// list `creditReasons()` returns) for N completions.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PackedCredit {
    /// N little-endian `i64`s.
    pub credited: Vec<u8>,
    /// N reason indices.
    pub reason: Vec<u8>,
}

fn unpack_i64(field: &'static str, bytes: &[u8]) -> Result<Vec<i64>, EteError> {
    let chunks = bytes.chunks_exact(8);
    if !chunks.remainder().is_empty() {
        return Err(EteError::InvalidField {
            detail: format!(
                "column {field}: {} bytes is not a whole number of 8-byte values",
                bytes.len()
            ),
        });
    }
    Ok(chunks
        .map(|c| {
            let mut word = [0_u8; 8];
            word.copy_from_slice(c);
            i64::from_le_bytes(word)
        })
        .collect())
}

fn unpack_flags(bytes: &[u8]) -> Vec<bool> {
    bytes.iter().map(|b| *b != 0).collect()
}

fn pack(values: &[i64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn pack_counts(values: &[u64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn pack_flags(values: &[bool]) -> Vec<u8> {
    values.iter().map(|v| u8::from(*v)).collect()
}

/// Credits N completions in one call (H-3..H-8): the same decision as `creditBatch` for each
/// row, with `repeat` and `extraTime` given. Absent `repeat`/`extraTime` mean all false; absent
/// `policy` is core's default.
#[uniffi::export]
pub fn credit_columns_packed(
    actual: Vec<u8>,
    guided: Vec<u8>,
    passed: Vec<u8>,
    repeat: Option<Vec<u8>>,
    extra_time: Option<Vec<u8>>,
    policy: Option<PolicyFields>,
) -> Result<PackedCredit, EteError> {
    let policy = crate::credit::policy(policy)?;
    let (actual, guided) = (
        unpack_i64("actual", &actual)?,
        unpack_i64("guided", &guided)?,
    );
    let (passed, repeat, extra_time) = (
        unpack_flags(&passed),
        repeat.as_deref().map(unpack_flags),
        extra_time.as_deref().map(unpack_flags),
    );
    let rows = CreditColumns {
        actual: &actual,
        guided: &guided,
        passed: (&passed).into(),
        repeat: repeat.as_deref().map(Flags::from),
        extra_time: extra_time.as_deref().map(Flags::from),
    };
    let out = columns::credit_columns(&rows, &policy)?;
    Ok(PackedCredit {
        credited: pack(&out.credited),
        reason: out.reason,
    })
}

/// ETE credit per requirement capped by the allowance (H-10), each column packed little-endian
/// `i64`s, one value per requirement.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PackedTotals {
    /// The ETE allowance.
    pub allowance: Vec<u8>,
    /// The credit that counts, capped at the allowance.
    pub credited: Vec<u8>,
    /// Credit beyond the allowance (not counted).
    pub over_allowance: Vec<u8>,
    /// What remains of the allowance.
    pub remaining: Vec<u8>,
}

/// Totals N ETE credit rows by requirement in one call (H-10): `requirement[i]` indexes
/// `required` (minutes each requirement orders); `minutes[i]` is the row's ETE credit;
/// `policy_json` a ledger policy (default: docs/RULES.md).
#[uniffi::export(default(policy_json = None))]
pub fn ete_totals_packed(
    requirement: Vec<u8>,
    minutes: Vec<u8>,
    required: Vec<u8>,
    policy_json: Option<String>,
) -> Result<PackedTotals, EteError> {
    let policy = match policy_json {
        Some(text) => LedgerPolicy::from_json(&text)?,
        None => LedgerPolicy::default(),
    };
    let out = columns::ete_totals(
        &unpack_i64("requirement", &requirement)?,
        &unpack_i64("minutes", &minutes)?,
        &unpack_i64("required", &required)?,
        &policy,
    )?;
    Ok(PackedTotals {
        allowance: pack(&out.allowance),
        credited: pack(&out.credited),
        over_allowance: pack(&out.over_allowance),
        remaining: pack(&out.remaining),
    })
}

/// Attendance per learner: counts packed little-endian `u64`s, one per learner;
/// flags one byte per learner.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PackedAttendance {
    /// Entries per mark, mark-major: the count of mark `m` for learner `l` is value
    /// `m × learners + l` (marks in `Mark` declaration order).
    pub counts: Vec<u8>,
    /// Entries not marked yet.
    pub unmarked: Vec<u8>,
    /// Possible sessions.
    pub possible: Vec<u8>,
    /// Sessions attended.
    pub attended: Vec<u8>,
    /// Statutory possible sessions, attendance, authorised and unauthorised absences,
    /// section-major as `counts`: 4 × learners values.
    pub statutory: Vec<u8>,
    /// Absences.
    pub absences: Vec<u8>,
    /// Persistent absence.
    pub persistent: Vec<u8>,
    /// Severe absence.
    pub severe: Vec<u8>,
}

/// Counts N register entries by learner in one call: `learner[i]` (packed `i64`s) is
/// an index in `0..learners`; `mark[i]` (one signed byte each) the index of the mark in `Mark`
/// declaration order, or -1 for an entry not marked yet. `learners` null means the largest
/// index + 1; core refuses a count or index beyond the most one call tabulates
/// (`EteException.InvalidField`) before allocating anything.
/// `policy_json`: a statutory policy (codes and thresholds; default: docs/RULES.md R-8), checked
/// against the code set on `on` (null: the current code set).
#[uniffi::export(default(policy_json = None, on = None))]
pub fn attendance_by_learner_packed(
    learner: Vec<u8>,
    mark: Vec<u8>,
    learners: Option<u64>,
    policy_json: Option<String>,
    on: Option<NaiveDate>,
) -> Result<PackedAttendance, EteError> {
    let policy = crate::attendance::policy(policy_json)?;
    let learners = learners
        .map(|n| {
            usize::try_from(n).map_err(|_| EteError::InvalidField {
                detail: format!("learners = {n}: more than this platform can count"),
            })
        })
        .transpose()?;
    let marks: Vec<i8> = mark.iter().map(|b| i8::from_le_bytes([*b])).collect();
    let out = columns::attendance_by_learner(
        &unpack_i64("learner", &learner)?,
        &marks,
        learners,
        &policy,
        on,
    )?;
    Ok(PackedAttendance {
        counts: out.counts.iter().flat_map(|c| pack_counts(c)).collect(),
        unmarked: pack_counts(&out.unmarked),
        possible: pack_counts(&out.possible),
        attended: pack_counts(&out.attended),
        statutory: [
            &out.statutory_possible,
            &out.statutory_attendance,
            &out.authorised,
            &out.unauthorised,
        ]
        .into_iter()
        .flat_map(|c| pack_counts(c))
        .collect(),
        absences: pack_counts(&out.absences),
        persistent: pack_flags(&out.persistent),
        severe: pack_flags(&out.severe),
    })
}
