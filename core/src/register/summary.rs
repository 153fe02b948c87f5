//! Attendance summaries (R-7), statutory codes and absence flags (R-8), unprocessed absences
//! (R-4) and contribution summaries (R-10), over any set of registers, learners and dates.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::contribution::ContributionSummary;
use crate::ratio::Fraction;
use crate::register::mark::Mark;
use crate::register::register::Register;

#[cfg(feature = "python")]
use pyo3::prelude::*;

/// Counts per mark for a learner or a group, and the figures derived from them (R-7). The
/// statutory figures (R-8) are a separate view: [`statutory_summary`](super::statutory_summary).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, from_py_object)
)]
pub struct AttendanceSummary {
    /// Entries per current mark.
    pub counts: BTreeMap<Mark, u64>,
    /// Entries still unmarked.
    pub unmarked: u64,
}

impl AttendanceSummary {
    fn count(&self, marks: &[Mark]) -> u64 {
        marks
            .iter()
            .map(|m| self.counts.get(m).copied().unwrap_or(0))
            .sum()
    }

    fn add(&mut self, mark: Option<Mark>) {
        match mark {
            Some(m) => {
                let n = self.counts.entry(m).or_insert(0);
                *n = n.saturating_add(1);
            }
            None => self.unmarked = self.unmarked.saturating_add(1),
        }
    }

    /// Adds another summary's counts (a group's summary is the sum of its members').
    pub fn merge(&mut self, other: &AttendanceSummary) {
        for (mark, n) in &other.counts {
            let count = self.counts.entry(*mark).or_insert(0);
            *count = count.saturating_add(*n);
        }
        self.unmarked = self.unmarked.saturating_add(other.unmarked);
    }

    /// The counts as a [`MarkTally`] (the form the derived figures are computed on).
    pub fn tally(&self) -> MarkTally {
        let mut tally = MarkTally::default();
        for (mark, n) in &self.counts {
            tally.add(*mark, *n);
        }
        tally
    }

    /// Possible sessions: every marked entry except not required (R-7).
    pub fn possible(&self) -> u64 {
        self.tally().possible()
    }

    fn rate(&self, marks: &[Mark]) -> Option<Fraction> {
        let n = i64::try_from(self.count(marks)).unwrap_or(i64::MAX);
        Fraction::new(n, self.possible()).ok()
    }

    /// Rates over possible sessions (R-7); they add up to exactly 100%. `None` with no possible
    /// sessions.
    pub fn rates(&self) -> Option<Rates> {
        Some(Rates {
            attended: self.rate(&[Mark::Present, Mark::Late])?,
            authorised: self.rate(&[Mark::AuthorisedAbsence])?,
            unauthorised: self.rate(&[Mark::UnauthorisedAbsence])?,
            unexplained: self.rate(&[Mark::UnexplainedAbsence])?,
            dismissed: self.rate(&[Mark::DismissedBehaviour, Mark::DismissedOther])?,
        })
    }
}

/// Entries per mark for one learner, indexed in [`Mark::ALL`] order: the fixed-size form of an
/// [`AttendanceSummary`]'s counts, on which possible sessions and attendance (R-7) and, through
/// [`statutory`](Self::statutory), the statutory figures (R-8) are computed, for the summaries
/// and the columnar [`attendance_by_learner`](crate::columns::attendance_by_learner) alike.
///
/// ```
/// use ete_core::register::{Mark, MarkTally};
///
/// let mut tally = MarkTally::default();
/// tally.add(Mark::Present, 8);
/// tally.add(Mark::UnauthorisedAbsence, 2);
/// tally.add(Mark::NotRequired, 5);
/// assert_eq!((tally.possible(), tally.attended()), (10, 8));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MarkTally(pub [u64; 8]);

impl MarkTally {
    /// Adds `n` entries of `mark`.
    pub fn add(&mut self, mark: Mark, n: u64) {
        if let Some(slot) = self.0.get_mut(mark as usize) {
            *slot = slot.saturating_add(n);
        }
    }

    /// Entries of `mark`.
    pub fn get(&self, mark: Mark) -> u64 {
        self.0.get(mark as usize).copied().unwrap_or(0)
    }

    /// Possible sessions: every entry except not required (R-7).
    pub fn possible(&self) -> u64 {
        Mark::ALL
            .into_iter()
            .filter(|m| *m != Mark::NotRequired)
            .map(|m| self.get(m))
            .sum()
    }

    /// Sessions attended: present or late (R-7).
    pub fn attended(&self) -> u64 {
        self.get(Mark::Present).saturating_add(self.get(Mark::Late))
    }
}

/// Rates over possible sessions as exact fractions (R-7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Rates {
    /// Present and late.
    pub attended: Fraction,
    /// Authorised absences.
    pub authorised: Fraction,
    /// Unauthorised absences.
    pub unauthorised: Fraction,
    /// Unexplained absences, still for the school to process.
    pub unexplained: Fraction,
    /// Dismissed (behaviour and other).
    pub dismissed: Fraction,
}

/// Persistent and severe absence (R-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AbsenceFlags {
    /// Absence at or above the persistent threshold (10%).
    pub persistent: bool,
    /// Absence at or above the severe threshold (50%).
    pub severe: bool,
}

/// The mapping to the school's statutory codes and the absence thresholds (R-8). `Default`
/// follows [the rules](crate::rules): present → B (an approved educational activity the school
/// arranged; K where the local authority arranged the provision is the school's choice), late →
/// L, authorised → C,
/// unexplained → N, unauthorised → O; the dismissed marks → N by default (the learner left
/// the session and no reason is recorded yet: unauthorised until the school maps them to a
/// code it chooses); not required → no code (not a possible session); persistent at 10%,
/// severe at 50%. The codes are checked against the code set on the day they are used
/// ([`categories`](Self::categories)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct StatutoryPolicy {
    /// The code for each mark; a mark with no code is not reported.
    pub codes: BTreeMap<Mark, String>,
    /// Persistent absence threshold, percent.
    pub persistent_percent: u32,
    /// Severe absence threshold, percent.
    pub severe_percent: u32,
}

impl Default for StatutoryPolicy {
    fn default() -> StatutoryPolicy {
        let codes = [
            (Mark::Present, "B"),
            (Mark::Late, "L"),
            (Mark::AuthorisedAbsence, "C"),
            (Mark::UnexplainedAbsence, "N"),
            (Mark::UnauthorisedAbsence, "O"),
            (Mark::DismissedBehaviour, "N"),
            (Mark::DismissedOther, "N"),
        ];
        StatutoryPolicy {
            codes: codes.into_iter().map(|(m, c)| (m, c.to_owned())).collect(),
            persistent_percent: 10,
            severe_percent: 50,
        }
    }
}

impl StatutoryPolicy {
    /// Reads a school's mapping and thresholds from a JSON object (missing fields take the
    /// default); anything else is `InvalidPolicy`.
    ///
    /// ```
    /// use ete_core::register::StatutoryPolicy;
    /// let p = StatutoryPolicy::from_json(r#"{"persistentPercent": 15}"#)?;
    /// assert_eq!((p.persistent_percent, p.severe_percent), (15, 50));
    /// # Ok::<(), ete_core::hours::PolicyError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<StatutoryPolicy, crate::hours::PolicyError> {
        crate::hours::policy_from_json("statutory policy", text)
    }

    /// The statutory code for a mark, or `None` (not required, or unmapped).
    pub fn code(&self, mark: Mark) -> Option<&str> {
        self.codes.get(&mark).map(String::as_str)
    }
}

/// Which entries a summary counts: learners (all if `None`) and lesson days (inclusive), by the
/// lesson's start date in UTC.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scope {
    /// The learners counted; `None` for everyone.
    pub learners: Option<Vec<String>>,
    /// First day counted.
    pub from: Option<NaiveDate>,
    /// Last day counted.
    pub to: Option<NaiveDate>,
}

impl Scope {
    pub(crate) fn lesson_in(&self, register: &Register) -> bool {
        let day = register.lesson().starts_at.date_naive();
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }
    pub(crate) fn learner_in(&self, learner: &str) -> bool {
        self.learners
            .as_ref()
            .is_none_or(|ls| ls.iter().any(|l| l == learner))
    }
}

/// Per-learner summaries over the registers in scope, and registers not completed (R-7).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all))]
pub struct SummaryReport {
    /// One summary per learner.
    pub learners: BTreeMap<String, AttendanceSummary>,
    /// The group: the sum of the learners' counts.
    pub group: AttendanceSummary,
    /// Lessons whose register still has unmarked entries after the end of their day.
    pub incomplete_registers: Vec<String>,
}

/// Summarises attendance (R-7) over registers for a scope, as of `now`.
pub fn summarise(registers: &[Register], scope: &Scope, now: DateTime<Utc>) -> SummaryReport {
    let mut report = SummaryReport::default();
    for register in registers.iter().filter(|r| scope.lesson_in(r)) {
        for (learner, entry) in register
            .entries()
            .iter()
            .filter(|(l, _)| scope.learner_in(l))
        {
            report
                .learners
                .entry(learner.clone())
                .or_default()
                .add(entry.current());
            report.group.add(entry.current());
        }
        let day_over = register.lesson().ends_at.date_naive() < now.date_naive();
        if day_over && !register.is_complete() {
            report
                .incomplete_registers
                .push(register.lesson().id.clone());
        }
    }
    report
}

/// An unexplained absence waiting for the school (R-4).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all))]
pub struct UnprocessedAbsence {
    /// The lesson.
    pub lesson: String,
    /// When the lesson started.
    pub starts_at: DateTime<Utc>,
    /// The learner.
    pub learner: String,
}

/// Entries still marked unexplained, for the learners given (a school's), oldest first (R-4).
pub fn unprocessed_absences(
    registers: &[Register],
    learners: &[String],
) -> Vec<UnprocessedAbsence> {
    let mut out: Vec<UnprocessedAbsence> = registers
        .iter()
        .flat_map(|r| {
            r.entries()
                .iter()
                .filter(|(l, e)| {
                    learners.contains(l) && e.current() == Some(Mark::UnexplainedAbsence)
                })
                .map(|(l, _)| UnprocessedAbsence {
                    lesson: r.lesson().id.clone(),
                    starts_at: r.lesson().starts_at,
                    learner: l.clone(),
                })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.starts_at, &a.lesson, &a.learner).cmp(&(b.starts_at, &b.lesson, &b.learner))
    });
    out
}

/// A learner's contribution summary over the registers in scope (R-10).
pub fn contribution_summary(
    registers: &[Register],
    learner: &str,
    scope: &Scope,
) -> ContributionSummary {
    ContributionSummary::of(
        registers
            .iter()
            .filter(|r| scope.lesson_in(r))
            .filter_map(|r| r.entry(learner).and_then(|e| e.contribution)),
    )
}
