//! Credit decisions over columns (H-3..H-8).

use std::collections::HashSet;

use crate::Minutes;
use crate::columns::flags::BLOCK;
use crate::columns::{ColumnError, Flags, minutes, same_length};
use crate::hours::{CreditPolicy, CreditReason, credit_minutes};

/// The columns of N completions. `actual`, `guided` and `passed` are required; `repeat` and
/// `extra_time` are all `false` when absent.
#[derive(Clone, Copy, Debug, Default)]
pub struct CreditColumns<'a> {
    /// Actual time taken, in minutes (0..=2⁵³−1).
    pub actual: &'a [i64],
    /// Guided time, in minutes (1..=2⁵³−1).
    pub guided: &'a [i64],
    /// Whether the course was passed (`false`: failed, H-3).
    pub passed: Flags<'a>,
    /// Whether the person had already been credited for the course (H-7); see
    /// [`find_repeats`].
    pub repeat: Option<Flags<'a>>,
    /// Whether an extra-time agreement applies to the completion (H-6); the policy's allowance
    /// percentage is used.
    pub extra_time: Option<Flags<'a>>,
}

/// One value per completion, in input order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreditOutput {
    /// Minutes to credit.
    pub credited: Vec<i64>,
    /// Why, as the index of the reason in
    /// [`CreditReason::ALL`](crate::hours::CreditReason::ALL).
    pub reason: Vec<u8>,
}

impl CreditOutput {
    /// Decides `row` (checking its minutes, naming `position` on error) and appends the answer:
    /// the one step every kernel path ends each row with.
    #[inline(always)]
    fn push(&mut self, row: CreditRow, position: usize, percent: u32) -> Result<(), ColumnError> {
        let (credited, reason) = row.decide_at(position, percent)?;
        self.credited.push(credited.as_signed());
        self.reason.push(reason.index());
        Ok(())
    }
}

/// One completion's numbers, as the row and scalar forms take them (the columns' row `i`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CreditRow {
    /// Actual time taken, in minutes (0..=2⁵³−1, H-4).
    pub actual: i64,
    /// Guided time, in minutes (1..=2⁵³−1, H-1).
    pub guided: i64,
    /// Whether the course was passed (H-3).
    pub passed: bool,
    /// Whether the course was already credited for the person and repeats are not credited
    /// (H-7).
    pub repeat: bool,
    /// Whether an extra-time agreement applies (H-6).
    pub extra_time: bool,
}

impl CreditRow {
    /// The row's credit under `policy`: the same answer, or the same error, as
    /// [`credit_columns`] gives for this row; `position` names the row in an error. `repeat` is
    /// refused credit only when the policy does not credit repeats.
    ///
    /// ```
    /// use ete_core::columns::CreditRow;
    /// use ete_core::hours::{CreditPolicy, CreditReason};
    ///
    /// let row = CreditRow { actual: 150, guided: 120, passed: true, ..CreditRow::default() };
    /// let (credited, reason) = row.decide(0, &CreditPolicy::default())?;
    /// assert_eq!((credited.get(), reason), (120, CreditReason::CappedAtGuidedTime));
    /// let zero = CreditRow { guided: 0, ..row }.decide(3, &CreditPolicy::default()).unwrap_err();
    /// assert_eq!(zero.to_string(), "guided[3] = 0: a course's guided time must be above zero (H-1)");
    /// # Ok::<(), ete_core::columns::ColumnError>(())
    /// ```
    pub fn decide(
        &self,
        position: usize,
        policy: &CreditPolicy,
    ) -> Result<(Minutes, CreditReason), ColumnError> {
        CreditRow {
            repeat: self.repeat && !policy.credit_repeats(),
            ..*self
        }
        .decide_at(position, policy.allowance_percent())
    }

    /// Checks the row's minutes (naming `position` on error) and decides it.
    #[inline]
    fn decide_at(
        &self,
        position: usize,
        percent: u32,
    ) -> Result<(Minutes, CreditReason), ColumnError> {
        let max = Minutes::MAX.get();
        if self.actual as u64 > max {
            return Err(ColumnError::InvalidMinutes {
                field: "actual",
                position,
                value: self.actual,
                rule: "H-4",
            });
        }
        if self.guided as u64 > max {
            return Err(ColumnError::InvalidMinutes {
                field: "guided",
                position,
                value: self.guided,
                rule: "H-1",
            });
        }
        if self.guided == 0 {
            return Err(ColumnError::OutOfRange {
                field: "guided",
                position,
                value: 0,
                reason: "a course's guided time must be above zero (H-1)".into(),
            });
        }
        Ok(credit_minutes(
            minutes(self.actual),
            minutes(self.guided),
            self.passed,
            self.repeat,
            self.extra_time.then_some(percent),
        ))
    }
}

/// Credits N completions given as columns: the same decision as
/// [`credit`](crate::hours::credit) for each row, with `repeat` and `extra_time` given instead of
/// worked out from prior credits and agreements.
///
/// ```
/// use ete_core::columns::{credit_columns, CreditColumns};
/// use ete_core::hours::{CreditPolicy, CreditReason};
///
/// let out = credit_columns(&CreditColumns {
///     actual: &[90, 150, 150, 40],
///     guided: &[120, 120, 120, 60],
///     passed: (&[true, true, true, false]).into(),
///     repeat: None,
///     extra_time: Some((&[false, false, true, false]).into()),
/// }, &CreditPolicy::default())?;
/// assert_eq!(out.credited, [90, 120, 144, 0]);
/// assert_eq!(CreditReason::from_index(out.reason[2]), Some(CreditReason::CappedAtAllowance));
/// # Ok::<(), ete_core::columns::ColumnError>(())
/// ```
pub fn credit_columns(
    columns: &CreditColumns<'_>,
    policy: &CreditPolicy,
) -> Result<CreditOutput, ColumnError> {
    let n = columns.actual.len();
    same_length(
        "actual",
        n,
        &[
            ("guided", Some(columns.guided.len())),
            ("passed", Some(columns.passed.len())),
            ("repeat", columns.repeat.as_ref().map(Flags::len)),
            ("extra_time", columns.extra_time.as_ref().map(Flags::len)),
        ],
    )?;
    let refuse_repeats = !policy.credit_repeats();
    let percent = policy.allowance_percent();
    let mut out = CreditOutput {
        credited: Vec::with_capacity(n),
        reason: Vec::with_capacity(n),
    };
    // Each value is read once, checked and used in the same pass: a caller that changes a
    // column while this runs (another Python thread) cannot slip an unchecked value through.
    if let Some(words) = BitWords::of(columns) {
        credit_words(columns, words, refuse_repeats, percent, &mut out)?;
    } else if let Some(bools) = Bools::of(columns) {
        bools.credit(columns, refuse_repeats, percent, &mut out)?;
    } else {
        credit_blocks(columns, refuse_repeats, percent, &mut out)?;
    }
    Ok(out)
}

/// The flag columns when every one given is bit-packed (Arrow's booleans): the kernel then reads
/// each block's flags straight from a 64-bit word.
#[derive(Clone, Copy)]
struct BitWords<'a> {
    passed: Flags<'a>,
    repeat: Option<Flags<'a>>,
    extra_time: Option<Flags<'a>>,
}

impl<'a> BitWords<'a> {
    fn of(columns: &CreditColumns<'a>) -> Option<BitWords<'a>> {
        let packed = |flags: &Option<Flags<'_>>| flags.as_ref().is_none_or(|f| f.word(0).is_some());
        (columns.passed.word(0).is_some() && packed(&columns.repeat) && packed(&columns.extra_time))
            .then_some(BitWords {
                passed: columns.passed,
                repeat: columns.repeat,
                extra_time: columns.extra_time,
            })
    }

    /// The three words of the block from `start`; an absent column is all 0.
    #[inline]
    fn at(&self, start: usize) -> (u64, u64, u64) {
        let word = |flags: Option<Flags<'_>>| flags.and_then(|f| f.word(start)).unwrap_or(0);
        (
            word(Some(self.passed)),
            word(self.repeat),
            word(self.extra_time),
        )
    }
}

/// The kernel over bit-packed flags: 64 rows per block, each row's flags the low bits of the
/// block's words, shifted out one row at a time.
fn credit_words(
    columns: &CreditColumns<'_>,
    words: BitWords<'_>,
    refuse_repeats: bool,
    percent: u32,
    out: &mut CreditOutput,
) -> Result<(), ColumnError> {
    let keep_repeats = if refuse_repeats { u64::MAX } else { 0 };
    let blocks = columns
        .actual
        .chunks(BLOCK)
        .zip(columns.guided.chunks(BLOCK));
    for (block, (actual, guided)) in blocks.enumerate() {
        let start = block.saturating_mul(BLOCK);
        let (mut passed, repeat, mut extra_time) = words.at(start);
        let mut repeat = repeat & keep_repeats;
        for (j, (actual, guided)) in actual.iter().zip(guided).enumerate() {
            let row = CreditRow {
                actual: *actual,
                guided: *guided,
                passed: passed & 1 == 1,
                repeat: repeat & 1 == 1,
                extra_time: extra_time & 1 == 1,
            };
            out.push(row, start.saturating_add(j), percent)?;
            (passed, repeat, extra_time) = (
                passed.wrapping_shr(1),
                repeat.wrapping_shr(1),
                extra_time.wrapping_shr(1),
            );
        }
    }
    Ok(())
}

/// The flag columns when every one given holds a `bool` per value (numpy's booleans, Rust
/// slices): the kernel then reads them in step with the minutes, with no block copy.
struct Bools<'a> {
    passed: &'a [bool],
    repeat: Option<&'a [bool]>,
    extra_time: Option<&'a [bool]>,
}

impl<'a> Bools<'a> {
    fn of(columns: &CreditColumns<'a>) -> Option<Bools<'a>> {
        let bools = |flags: Option<Flags<'a>>| match flags {
            None => Some(None),
            Some(flags) => flags.as_bools().map(Some),
        };
        Some(Bools {
            passed: columns.passed.as_bools()?,
            repeat: bools(columns.repeat)?,
            extra_time: bools(columns.extra_time)?,
        })
    }

    /// Decides every row; an absent column is read as all false (one copy of the loop for each
    /// combination of absent columns, so that none tests for absence per row).
    fn credit(
        &self,
        columns: &CreditColumns<'_>,
        refuse_repeats: bool,
        percent: u32,
        out: &mut CreditOutput,
    ) -> Result<(), ColumnError> {
        let none = || std::iter::repeat(&false);
        let (passed, rows) = (
            self.passed.iter(),
            columns.actual.iter().zip(columns.guided),
        );
        let (refuse, pct) = (refuse_repeats, percent);
        match (self.repeat, self.extra_time) {
            (Some(r), Some(e)) => credit_rows(rows, passed.zip(r.iter().zip(e)), refuse, pct, out),
            (Some(r), None) => {
                credit_rows(rows, passed.zip(r.iter().zip(none())), refuse, pct, out)
            }
            (None, Some(e)) => credit_rows(rows, passed.zip(none().zip(e)), refuse, pct, out),
            (None, None) => credit_rows(rows, passed.zip(none().zip(none())), refuse, pct, out),
        }
    }
}

/// Decides `rows` (actual, guided) with their flags (passed, (repeat, extra_time)), appending
/// to `out`.
#[inline(always)]
fn credit_rows<'r>(
    rows: impl Iterator<Item = (&'r i64, &'r i64)>,
    flags: impl Iterator<Item = (&'r bool, (&'r bool, &'r bool))>,
    refuse_repeats: bool,
    percent: u32,
    out: &mut CreditOutput,
) -> Result<(), ColumnError> {
    for (i, ((actual, guided), (passed, (repeat, extra_time)))) in rows.zip(flags).enumerate() {
        let row = CreditRow {
            actual: *actual,
            guided: *guided,
            passed: *passed,
            repeat: refuse_repeats & *repeat,
            extra_time: *extra_time,
        };
        out.push(row, i, percent)?;
    }
    Ok(())
}

/// The kernel over a mix of bit-packed flags and a `bool` per value: each block's flags are
/// read onto the stack (bools copied, bits unpacked there), an absent column as all false.
fn credit_blocks(
    columns: &CreditColumns<'_>,
    refuse_repeats: bool,
    percent: u32,
    out: &mut CreditOutput,
) -> Result<(), ColumnError> {
    let (mut passed, mut repeat, mut extra_time) = ([false; BLOCK], [false; BLOCK], [false; BLOCK]);
    let blocks = columns
        .actual
        .chunks(BLOCK)
        .zip(columns.guided.chunks(BLOCK));
    for (block, (actual, guided)) in blocks.enumerate() {
        let start = block.saturating_mul(BLOCK);
        columns.passed.fill(start, &mut passed);
        for (flags, column) in [
            (&mut repeat, columns.repeat),
            (&mut extra_time, columns.extra_time),
        ] {
            match column {
                Some(column) => column.fill(start, flags),
                None => *flags = [false; BLOCK],
            }
        }
        let flags = passed.iter().zip(repeat.iter().zip(&extra_time));
        let rows = actual.iter().zip(guided).zip(flags);
        for (j, ((actual, guided), (passed, (repeat, extra_time)))) in rows.enumerate() {
            let row = CreditRow {
                actual: *actual,
                guided: *guided,
                passed: *passed,
                repeat: refuse_repeats & *repeat,
                extra_time: *extra_time,
            };
            out.push(row, start.saturating_add(j), percent)?;
        }
    }
    Ok(())
}

/// numpy's and pandas' NaT ("not a time") viewed as int64.
const NAT: i64 = i64::MIN;

/// Which completions repeat a course the person has already passed (H-7), in the order
/// [`credit_batch`](crate::hours::credit_batch) takes them: by `completed_at` (any increasing
/// number, e.g. seconds since 1970), ties in input order. `person` and `course` are ids as
/// numbers (e.g. from `pandas.factorize`); a failed completion does not make a later one a
/// repeat. `i64::MIN` in `completed_at` is NaT (numpy's and pandas' "no time" once viewed as
/// int64): it cannot be ordered, so it is refused ([`ColumnError::OutOfRange`] naming its row)
/// rather than taken as the earliest time.
///
/// ```
/// use ete_core::columns::find_repeats;
///
/// // Person 7 passes course 1 twice (the second is a repeat); person 8 fails, then passes.
/// let repeat = find_repeats(&[7, 7, 8, 8], &[1, 1, 1, 1], &[10, 20, 10, 20],
///                           &[true, true, false, true])?;
/// assert_eq!(repeat, [false, true, false, false]);
/// # Ok::<(), ete_core::columns::ColumnError>(())
/// ```
pub fn find_repeats(
    person: &[i64],
    course: &[i64],
    completed_at: &[i64],
    passed: &[bool],
) -> Result<Vec<bool>, ColumnError> {
    let n = person.len();
    same_length(
        "person",
        n,
        &[
            ("course", Some(course.len())),
            ("completed_at", Some(completed_at.len())),
            ("passed", Some(passed.len())),
        ],
    )?;
    if let Some(position) = completed_at.iter().position(|t| *t == NAT) {
        return Err(ColumnError::OutOfRange {
            field: "completed_at",
            position,
            value: NAT,
            reason: "NaT (no time): every completion needs the time it was completed (H-7)"
                .to_owned(),
        });
    }
    let mut order: Vec<(i64, usize)> = completed_at.iter().copied().zip(0..).collect();
    order.sort_unstable();
    let mut credited: HashSet<(i64, i64)> = HashSet::with_capacity(n);
    let mut repeat = vec![false; n];
    for (_, i) in order {
        let (Some(p), Some(c), Some(ok)) = (person.get(i), course.get(i), passed.get(i)) else {
            continue;
        };
        let seen = credited.contains(&(*p, *c));
        if let Some(slot) = repeat.get_mut(i) {
            *slot = seen;
        }
        if *ok && !seen {
            credited.insert((*p, *c));
        }
    }
    Ok(repeat)
}
