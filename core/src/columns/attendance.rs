//! Attendance figures per learner from columns of marks (R-7, R-8).

use crate::columns::{ColumnError, check_indices, same_length};
use crate::register::{Mark, MarkTally, StatutoryPolicy};

/// The mark code of an entry with no mark yet (as `pandas.Categorical` codes a missing value).
pub const UNMARKED: i64 = -1;

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
/// `0..learners`; `mark[i]` is the index of the mark in [`Mark::ALL`], or [`UNMARKED`] (−1).
///
/// ```
/// use ete_core::columns::attendance_by_learner;
/// use ete_core::register::StatutoryPolicy;
///
/// // Learner 0: present, present, unauthorised absence (code 4); learner 1: unmarked.
/// let a = attendance_by_learner(&[0, 0, 0, 1], &[0_i8, 0, 4, -1], 2, &StatutoryPolicy::default())?;
/// assert_eq!((a.possible, a.attended, a.absences), (vec![3, 0], vec![2, 0], vec![1, 0]));
/// assert_eq!((a.unmarked[1], a.persistent[0], a.severe[0]), (1, true, false));
/// # Ok::<(), ete_core::columns::ColumnError>(())
/// ```
pub fn attendance_by_learner<M: Copy + Into<i64>>(
    learner: &[i64],
    mark: &[M],
    learners: usize,
    policy: &StatutoryPolicy,
) -> Result<AttendanceColumns, ColumnError> {
    same_length("learner", learner.len(), &[("mark", Some(mark.len()))])?;
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
    let mut slots = vec![[0_u64; 9]; learners];
    for (l, m) in learner.iter().zip(mark) {
        if let Some(row) = slots.get_mut(*l as usize)
            && let Some(slot) = row.get_mut(((*m).into() + 1) as usize)
        {
            *slot += 1;
        }
    }
    let mut out = AttendanceColumns::default();
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
