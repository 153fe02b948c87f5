//! Structure-aware target for the columnar kernels over arbitrary columns: lengths that differ,
//! extreme minutes (negative, 2⁵³, `i64::MIN/MAX`), NaT, huge learner indices and marks outside
//! the code list. Checked: a result has one value per input row, and the columnar and row forms
//! give the same answer or the same error kind (one answer per input in every form).

use arbitrary::{Arbitrary, Result, Unstructured};
use ete_core::columns::{
    CreditColumns, CreditRow, Flags, attendance_by_learner, credit_columns, ete_totals,
    find_repeats,
};
use ete_core::hours::{CreditPolicy, LedgerPolicy};
use ete_core::register::StatutoryPolicy;

/// A number of minutes: mostly plausible, sometimes extreme.
fn minutes(u: &mut Unstructured<'_>) -> Result<i64> {
    Ok(match u.int_in_range(0u8..=9)? {
        0 => *u.choose(&[i64::MIN, i64::MAX, -1, 0, 1 << 53, (1 << 53) - 1])?,
        1 => i64::arbitrary(u)?,
        _ => u.int_in_range(0..=50_000)?,
    })
}

fn column<T>(
    u: &mut Unstructured<'_>,
    n: usize,
    f: fn(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    // One time in eight the column is a row short or long.
    let n = match u.int_in_range(0u8..=15)? {
        0 => n.saturating_sub(1),
        1 => n.saturating_add(1),
        _ => n,
    };
    (0..n).map(|_| f(u)).collect()
}

fn flag(u: &mut Unstructured<'_>) -> Result<bool> {
    bool::arbitrary(u)
}

/// Every kernel over columns drawn from the input.
pub fn columns(u: &mut Unstructured<'_>) -> Result<()> {
    let n = u.int_in_range(0..=64)?;
    let policy = CreditPolicy::default();
    let actual = column(u, n, minutes)?;
    let guided = column(u, n, minutes)?;
    let passed = column(u, n, flag)?;
    let repeat = if bool::arbitrary(u)? {
        Some(column(u, n, flag)?)
    } else {
        None
    };
    let extra = if bool::arbitrary(u)? {
        Some(column(u, n, flag)?)
    } else {
        None
    };
    let cols = CreditColumns {
        actual: &actual,
        guided: &guided,
        passed: (&passed).into(),
        repeat: repeat.as_deref().map(Flags::from),
        extra_time: extra.as_deref().map(Flags::from),
    };
    let same_length = guided.len() == actual.len()
        && passed.len() == actual.len()
        && repeat.as_ref().is_none_or(|c| c.len() == actual.len())
        && extra.as_ref().is_none_or(|c| c.len() == actual.len());
    let out = credit_columns(&cols, &policy);
    if same_length {
        // Row by row: the first row in error is the columns' error; otherwise equal values.
        let rows: Vec<_> = (0..actual.len())
            .map(|i| {
                CreditRow {
                    actual: actual[i],
                    guided: guided[i],
                    passed: passed[i],
                    repeat: repeat.as_ref().is_some_and(|c| c[i]),
                    extra_time: extra.as_ref().is_some_and(|c| c[i]),
                }
                .decide(i, &policy)
            })
            .collect();
        match (&out, rows.iter().find_map(|r| r.as_ref().err())) {
            (Ok(out), None) => {
                assert_eq!(out.credited.len(), actual.len());
                for (i, row) in rows.iter().enumerate() {
                    let (credited, reason) = row.as_ref().expect("checked above");
                    assert_eq!(
                        out.credited[i],
                        credited.get() as i64,
                        "row {i}: credited differs"
                    );
                    assert_eq!(out.reason[i], reason.index(), "row {i}: reason differs");
                }
            }
            (Err(a), Some(b)) => {
                assert_eq!(a.kind(), b.kind(), "columns and rows fail differently")
            }
            (a, b) => panic!("columns {a:?} but rows {b:?}"),
        }
    } else {
        assert!(out.is_err(), "columns of different lengths were accepted");
    }

    let person = column(u, n, |u| Ok(i64::from(u.int_in_range(0u8..=3)?)))?;
    let course = column(u, n, |u| Ok(i64::from(u.int_in_range(0u8..=3)?)))?;
    let at = column(u, n, minutes)?;
    if let Ok(repeats) = find_repeats(&person, &course, &at, &passed) {
        assert_eq!(repeats.len(), person.len());
    }

    let requirement = column(u, n, |u| Ok(i64::from(u.int_in_range(0u8..=4)?)))?;
    let credited = column(u, n, minutes)?;
    let required = column(u, 5, minutes)?;
    if let Ok(t) = ete_totals(&requirement, &credited, &required, &LedgerPolicy::default()) {
        assert_eq!(t.credited.len(), required.len());
        for i in 0..required.len() {
            assert!(
                t.credited[i] <= t.allowance[i],
                "credited above the allowance"
            );
            assert!(t.remaining[i] >= 0, "negative time remaining");
        }
    }

    let learner = column(u, n, |u| {
        Ok(if u.ratio(1, 10)? {
            i64::arbitrary(u)?
        } else {
            i64::from(u8::arbitrary(u)? % 8)
        })
    })?;
    let mark = column(u, n, |u| Ok(i64::from(i8::arbitrary(u)?) % 12))?;
    let learners = if bool::arbitrary(u)? {
        Some(usize::arbitrary(u)?)
    } else {
        None
    };
    if let Ok(a) =
        attendance_by_learner(&learner, &mark, learners, &StatutoryPolicy::default(), None)
    {
        assert_eq!(a.possible.len(), a.attended.len());
        assert!(
            a.possible.len() <= 1 + learner.iter().copied().max().unwrap_or(0).max(0) as usize
                || learners.is_some()
        );
    }
    Ok(())
}
