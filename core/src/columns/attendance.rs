//! Attendance figures per learner from columns of marks (R-7, R-8).

use crate::columns::{ColumnError, check_indices, same_length};
use crate::register::{Mark, MarkTally, StatutoryPolicy};

/// The mark code of an entry with no mark yet (as `pandas.Categorical` codes a missing value).
pub const UNMARKED: i64 = -1;

/// The most learners one call tabulates (ten million: every learner in England's alternative
/// provision many times over). A larger `learners`, or a learner index at or beyond it, is
/// refused before anything is allocated, so memory follows the input, not its values.
pub const MAX_LEARNERS: usize = 10_000_000;

/// One value per learner, in learner-index order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttendanceColumns {
    /// Entries per mark: `counts[m][l]` is learner `l`'s count of `Mark::ALL[m]`.
    pub counts: [Vec<u64>; 8],
    /// Entries not marked yet.
    pub unmarked: Vec<u64>,
    /// Possible sessions (R-7).
    pub possible: Vec<u64>,
    /// Sessions attended: present or late (R-7).
    pub attended: Vec<u64>,
    /// Authorised + unauthorised absences (R-8).
    pub absences: Vec<u64>,
    /// Absence rate at or above the persistent threshold (R-8).
    pub persistent: Vec<bool>,
    /// Absence rate at or above the severe threshold (R-8).
    pub severe: Vec<bool>,
}

/// Counts each learner's marks and derives the R-7/R-8 figures, as
/// [`summarise`](crate::register::summarise) does for registers. `learner[i]` is an index in
/// `0..learners` (at most [`MAX_LEARNERS`]; `None` means the largest index + 1); `mark[i]` is the index of the mark in [`Mark::ALL`], or [`UNMARKED`] (−1).
///
/// ```
/// use ete_core::columns::attendance_by_learner;
/// use ete_core::register::StatutoryPolicy;
///
/// // Learner 0: present, present, unauthorised absence (code 4); learner 1: unmarked.
/// let a = attendance_by_learner(&[0, 0, 0, 1], &[0_i8, 0, 4, -1], Some(2), &StatutoryPolicy::default())?;
/// assert_eq!((a.possible, a.attended, a.absences), (vec![3, 0], vec![2, 0], vec![1, 0]));
/// assert_eq!((a.unmarked[1], a.persistent[0], a.severe[0]), (1, true, false));
/// # Ok::<(), ete_core::columns::ColumnError>(())
/// ```
pub fn attendance_by_learner<M: Copy + Into<i64>>(
    learner: &[i64],
    mark: &[M],
    learners: Option<usize>,
    policy: &StatutoryPolicy,
) -> Result<AttendanceColumns, ColumnError> {
    same_length("learner", learner.len(), &[("mark", Some(mark.len()))])?;
    let learners = match learners {
        Some(n) if n > MAX_LEARNERS => {
            return Err(ColumnError::TooLarge {
                field: "learners",
                value: n as u64,
                max: MAX_LEARNERS as u64,
            });
        }
        Some(n) => n,
        None => learner_count(learner)?,
    };
    check_indices("learner", learner, learners, "learners")?;
    let codes = Mark::ALL.len() as i64;
    if let Some(position) = mark
        .iter()
        .position(|m| !(UNMARKED..codes).contains(&(*m).into()))
    {
        return Err(ColumnError::OutOfRange {
            field: "mark",
            position,
            value: mark.get(position).map(|m| (*m).into()).unwrap_or_default(),
            reason: format!(
                "must be a mark code 0..={} ({}) or -1 for unmarked (R-1)",
                codes - 1,
                Mark::ALL.map(Mark::code).join(", ")
            ),
        });
    }
    // Slot 0 holds unmarked entries, slot m + 1 mark m.
    let too_large = || ColumnError::TooLarge {
        field: "learners",
        value: learners as u64,
        max: MAX_LEARNERS as u64,
    };
    let mut slots: Vec<[u64; 9]> = Vec::new();
    slots.try_reserve_exact(learners).map_err(|_| too_large())?;
    slots.resize(learners, [0_u64; 9]);
    for (l, m) in learner.iter().zip(mark) {
        if let Some(row) = slots.get_mut(*l as usize)
            && let Some(slot) = row.get_mut(((*m).into() + 1) as usize)
        {
            *slot += 1;
        }
    }
    let mut out = AttendanceColumns::default();
    for column in out.counts.iter_mut().chain([
        &mut out.unmarked,
        &mut out.possible,
        &mut out.attended,
        &mut out.absences,
    ]) {
        column
            .try_reserve_exact(learners)
            .map_err(|_| too_large())?;
    }
    for row in &slots {
        let [unmarked, counts @ ..] = *row;
        let tally = MarkTally(counts);
        for (column, n) in out.counts.iter_mut().zip(counts) {
            column.push(n);
        }
        let flags = tally.absence_flags(policy);
        out.unmarked.push(unmarked);
        out.possible.push(tally.possible());
        out.attended.push(tally.attended());
        out.absences.push(tally.absences());
        out.persistent.push(flags.persistent);
        out.severe.push(flags.severe);
    }
    Ok(out)
}

/// The number of learners when the caller gives none: the largest index + 1. An index at or
/// beyond [`MAX_LEARNERS`] is refused naming its row, before anything is allocated.
fn learner_count(learner: &[i64]) -> Result<usize, ColumnError> {
    check_indices(
        "learner",
        learner,
        MAX_LEARNERS,
        "learners one call can tabulate",
    )?;
    Ok(learner.iter().max().map_or(0, |m| {
        usize::try_from(*m).map_or(0, |m| m.saturating_add(1))
    }))
}
