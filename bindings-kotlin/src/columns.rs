//! The batch door for Kotlin: one call for many rows. Columns travel packed in byte arrays
//! (little-endian `i64`s, one byte per flag), which cross the FFI as a single buffer each rather
//! than as a list of boxed values or records; `Columns.kt` packs `LongArray`/`BooleanArray`.

use ete_core::columns::{self, ColumnError, CreditColumns};
use ete_core::hours;

use crate::EteError;
use crate::credit::CreditPolicy;

impl From<ColumnError> for EteError {
    fn from(e: ColumnError) -> EteError {
        EteError::of(e.kind(), e.to_string())
    }
}

/// Credited minutes (packed little-endian `i64`s) and reason indices (one byte each, into
/// `CreditReason` declaration order) for N completions.
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

/// An optional column: absent when empty.
fn given(flags: &[bool]) -> Option<&[bool]> {
    (!flags.is_empty()).then_some(flags)
}

fn unpack_flags(bytes: &[u8]) -> Vec<bool> {
    bytes.iter().map(|b| *b != 0).collect()
}

/// Credits N completions in one call (H-3..H-8): the same decision as `creditBatch` for each
/// row, with `repeat` and `extraTime` given. Empty `repeat`/`extraTime` mean all false.
#[uniffi::export]
pub fn credit_columns_packed(
    actual: Vec<u8>,
    guided: Vec<u8>,
    passed: Vec<u8>,
    repeat: Vec<u8>,
    extra_time: Vec<u8>,
    policy: CreditPolicy,
) -> Result<PackedCredit, EteError> {
    let policy = hours::CreditPolicy::new(policy.allowance_percent, policy.credit_repeats)?;
    let (actual, guided) = (
        unpack_i64("actual", &actual)?,
        unpack_i64("guided", &guided)?,
    );
    let (passed, repeat, extra_time) = (
        unpack_flags(&passed),
        unpack_flags(&repeat),
        unpack_flags(&extra_time),
    );
    let out = columns::credit_columns(
        &CreditColumns {
            actual: &actual,
            guided: &guided,
            passed: &passed,
            repeat: given(&repeat),
            extra_time: given(&extra_time),
        },
        &policy,
    )?;
    Ok(PackedCredit {
        credited: out.credited.iter().flat_map(|c| c.to_le_bytes()).collect(),
        reason: out.reason,
    })
}
