//! Attendance figures per learner from columns of marks (R-7, R-8).

use chrono::NaiveDate;

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
    /// Statutory possible sessions: entries whose mapped code is attendance or absence (R-8).
    pub statutory_possible: Vec<u64>,
    /// Statutory attendance: present or an approved educational activity by the mapped code
    /// (R-8).
    pub statutory_attendance: Vec<u64>,
    /// Authorised absences by the mapped code (R-8).
    pub authorised: Vec<u64>,
    /// Unauthorised absences by the mapped code, N included (R-8).
    pub unauthorised: Vec<u64>,
    /// Authorised + unauthorised absences (R-8).
    pub absences: Vec<u64>,
    /// Absence rate at or above the persistent threshold (R-8).
    pub persistent: Vec<bool>,
    /// Absence rate at or above the severe threshold (R-8).
    pub severe: Vec<bool>,
}

/// Counts each learner's marks and derives the R-7 figures, as
/// [`summarise`](crate::register::summarise) does for registers, and the statutory R-8 figures
/// by the category of the code `policy` maps each mark to, as
/// [`statutory_summary`](crate::register::statutory_summary) does. `learner[i]` is an index in
/// `0..learners` (at most [`MAX_LEARNERS`]; `None` means the largest index + 1); `mark[i]` is
/// the index of the mark in [`Mark::ALL`], or [`UNMARKED`] (−1). The policy is checked against
/// the code set on `on` (`None`: the current code set) before anything is counted: a code
/// unknown or not valid then is [`ColumnError::InvalidPolicy`].
///
/// ```
/// use ete_core::columns::attendance_by_learner;
/// use ete_core::register::StatutoryPolicy;
///
/// // Learner 0: present, unexplained (code 3, N: unauthorised), unauthorised (code 4);
/// // learner 1: unmarked.
/// let a = attendance_by_learner(&[0, 0, 0, 1], &[0_i8, 3, 4, -1], Some(2), &StatutoryPolicy::default(), None)?;
/// assert_eq!((a.possible, a.attended), (vec![3, 0], vec![1, 0]));
/// assert_eq!((a.unauthorised, a.absences), (vec![2, 0], vec![2, 0]));
/// assert_eq!((a.unmarked[1], a.persistent[0], a.severe[0]), (1, true, true));
/// # Ok::<(), ete_core::columns::ColumnError>(())
/// ```
pub fn attendance_by_learner<M: Copy + Into<i64>>(
    learner: &[i64],
    mark: &[M],
    learners: Option<usize>,
    policy: &StatutoryPolicy,
    on: Option<NaiveDate>,
) -> Result<AttendanceColumns, ColumnError> {
    let categories = policy.categories(on)?;
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
                codes.saturating_sub(1),
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
            && let Some(slot) = row.get_mut((*m).into().saturating_add(1) as usize)
        {
            *slot = slot.saturating_add(1);
        }
    }
    let mut out = AttendanceColumns::default();
    for column in out.counts.iter_mut().chain([
        &mut out.unmarked,
        &mut out.possible,
        &mut out.attended,
        &mut out.statutory_possible,
        &mut out.statutory_attendance,
        &mut out.authorised,
        &mut out.unauthorised,
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
        let statutory = tally.statutory(&categories);
        let flags = statutory.absence_flags(policy);
        out.unmarked.push(unmarked);
        out.possible.push(tally.possible());
        out.attended.push(tally.attended());
        out.statutory_possible.push(statutory.possible());
        out.statutory_attendance.push(statutory.attendance());
        out.authorised.push(statutory.authorised);
        out.unauthorised.push(statutory.unauthorised);
        out.absences.push(statutory.absences());
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
