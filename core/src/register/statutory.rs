//! The statutory attendance codes as data, and the statutory figures counted by the category of
//! the code each mark maps to (R-8).
//!
//! The sources and where they disagree: [`STATUTORY_CODES`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::ratio::Fraction;
use crate::register::mark::Mark;
use crate::register::register::Register;
use crate::register::summary::{AbsenceFlags, MarkTally, Scope, StatutoryPolicy};

/// The statistical category of a statutory code (R-8): what DfE's absence statistics count it
/// as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum StatutoryCategory {
    /// Present (`/`, `\`, L): attendance.
    Present,
    /// Attending an approved educational activity (K, V, P, W, B): attendance.
    ApprovedActivity,
    /// Authorised absence.
    AuthorisedAbsence,
    /// Unauthorised absence, including N (no reason yet provided).
    UnauthorisedAbsence,
    /// Not a possible session (D, X, Q, Y1–Y7).
    NotPossible,
    /// Administrative (Z, #): not a possible session.
    Administrative,
}

crate::codes!(StatutoryCategory, "statutory category", "R-8", {
    Present => "present",
    ApprovedActivity => "approved_activity",
    AuthorisedAbsence => "authorised_absence",
    UnauthorisedAbsence => "unauthorised_absence",
    NotPossible => "not_possible",
    Administrative => "administrative",
});

impl StatutoryCategory {
    /// Whether an entry of this category is a possible session: attendance or absence.
    pub const fn is_possible(self) -> bool {
        !matches!(
            self,
            StatutoryCategory::NotPossible | StatutoryCategory::Administrative
        )
    }
}

/// One statutory code: its meaning, category and the days it is valid (R-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatutoryCode {
    /// The code as a register shows it (`"N"`, `"Y1"`, `"/"`).
    pub code: &'static str,
    /// Its meaning, in short.
    pub meaning: &'static str,
    /// How the statistics count it.
    pub category: StatutoryCategory,
    /// The first day it is valid; `None`: since before the 2024 regulations.
    pub valid_from: Option<NaiveDate>,
    /// The day it was withdrawn (the first day it is no longer valid); `None`: in force.
    pub valid_to: Option<NaiveDate>,
}

impl StatutoryCode {
    /// Whether the code is valid on `on`; `None` asks about the current code set (the code is
    /// not withdrawn).
    pub fn valid_on(&self, on: Option<NaiveDate>) -> bool {
        match on {
            Some(day) => {
                self.valid_from.is_none_or(|f| day >= f) && self.valid_to.is_none_or(|t| day < t)
            }
            None => self.valid_to.is_none(),
        }
    }
}

const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// The day SI 2024/208 came into force: 19 August 2024.
pub const REGULATIONS_2024: NaiveDate = day(2024, 8, 19);

const fn code(
    code: &'static str,
    meaning: &'static str,
    category: StatutoryCategory,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
) -> StatutoryCode {
    StatutoryCode {
        code,
        meaning,
        category,
        valid_from,
        valid_to,
    }
}

use StatutoryCategory::{
    Administrative as Adm, ApprovedActivity as Aea, AuthorisedAbsence as Auth, NotPossible as Np,
    Present as Pres, UnauthorisedAbsence as Unauth,
};
const NEW: Option<NaiveDate> = Some(REGULATIONS_2024);
const WITHDRAWN: Option<NaiveDate> = Some(REGULATIONS_2024);

/// The statutory codes (R-8), in register order; the CSV export's code columns follow this
/// order.
///
/// # Sources
///
/// - The School Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208), in
///   force from 19 August 2024: <https://www.legislation.gov.uk/uksi/2024/208/contents/made>.
/// - DfE, *Working together to improve school attendance* (statutory guidance, August 2024),
///   the chapter on the attendance codes:
///   <https://www.gov.uk/government/publications/working-together-to-improve-school-attendance>.
/// - DfE, *Pupil absence statistics: methodology* (Explore education statistics):
///   <https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-statistics-methodology>
///   — overall absence is authorised + unauthorised absence over possible sessions, persistent
///   absence is 10% or more, severe absence 50% or more, and N ("no reason yet provided") is
///   counted as unauthorised absence.
///
/// The categories below are issue 16's list, read against those documents (the code meanings
/// and the K/C1/C2/J1/Q/Y1–Y7 additions are corroborated by local-authority and school
/// summaries of the 2024 guidance; the primary texts were not fetched in full here, so a check
/// against the published PDF is still due). Where the wording differs:
///
/// - D (dual registered): DfE's methodology lists it with the off-site codes and says it is not
///   counted as a possible session; the issue lists it as *not a possible session*, kept here.
/// - J (interview), withdrawn on 19 August 2024: DfE's methodology counted it as an approved
///   off-site educational activity (attendance), not as authorised absence as the issue's list
///   has it; the DfE document is followed. Its 2024 replacement J1 is authorised absence.
/// - The guidance lists X (a pupil of non-compulsory school age not required to attend) under
///   leave of absence; the statistics methodology does not count it as a possible session, which
///   is what is followed here (the DfE statistics document decides, as the issue asks).
/// - F (agreed extended family holiday) is taken as withdrawn on 1 September 2013 (the 2013
///   amendment regulations); the date is from secondary summaries.
pub const STATUTORY_CODES: [StatutoryCode; 38] = [
    code("/", "present (morning)", Pres, None, None),
    code("\\", "present (afternoon)", Pres, None, None),
    code("L", "late, before the register closed", Pres, None, None),
    code(
        "K",
        "education arranged by the local authority",
        Aea,
        NEW,
        None,
    ),
    code("V", "educational visit or trip", Aea, None, None),
    code("P", "approved sporting activity", Aea, None, None),
    code("W", "work experience", Aea, None, None),
    code("B", "other approved educational activity", Aea, None, None),
    code(
        "C",
        "leave of absence, exceptional circumstances",
        Auth,
        None,
        None,
    ),
    code(
        "C1",
        "leave of absence, regulated performance or employment abroad",
        Auth,
        NEW,
        None,
    ),
    code(
        "C2",
        "leave of absence, part-time timetable",
        Auth,
        NEW,
        None,
    ),
    code(
        "E",
        "suspended or excluded, no alternative provision",
        Auth,
        None,
        None,
    ),
    code("I", "illness", Auth, None, None),
    code("J1", "leave of absence, interview", Auth, NEW, None),
    code("M", "medical or dental appointment", Auth, None, None),
    code("R", "religious observance", Auth, None, None),
    code("S", "leave of absence, study leave", Auth, None, None),
    code(
        "T",
        "parent travelling for occupational purposes",
        Auth,
        None,
        None,
    ),
    code("G", "holiday not granted by the school", Unauth, None, None),
    code("N", "no reason yet provided", Unauth, None, None),
    code(
        "O",
        "absent in other or unknown circumstances",
        Unauth,
        None,
        None,
    ),
    code("U", "arrived after the register closed", Unauth, None, None),
    code("D", "dual registered, at another school", Np, None, None),
    code(
        "X",
        "non-compulsory school age, not required to attend",
        Np,
        None,
        None,
    ),
    code(
        "Q",
        "unable to attend: lack of access arrangements",
        Np,
        NEW,
        None,
    ),
    code(
        "Y1",
        "unable to attend: transport not available",
        Np,
        NEW,
        None,
    ),
    code(
        "Y2",
        "unable to attend: widespread disruption to travel",
        Np,
        NEW,
        None,
    ),
    code(
        "Y3",
        "unable to attend: part of the premises closed",
        Np,
        NEW,
        None,
    ),
    code(
        "Y4",
        "unable to attend: whole school site closed",
        Np,
        NEW,
        None,
    ),
    code(
        "Y5",
        "unable to attend: in criminal justice detention",
        Np,
        NEW,
        None,
    ),
    code(
        "Y6",
        "unable to attend: public health guidance or law",
        Np,
        NEW,
        None,
    ),
    code(
        "Y7",
        "unable to attend: any other unavoidable cause",
        Np,
        NEW,
        None,
    ),
    code("Z", "pupil not yet on roll", Adm, None, None),
    code(
        "#",
        "planned whole or partial school closure",
        Adm,
        None,
        None,
    ),
    code(
        "H",
        "holiday agreed by the school (withdrawn)",
        Auth,
        None,
        WITHDRAWN,
    ),
    code(
        "J",
        "interview (withdrawn; now J1, authorised absence)",
        Aea,
        None,
        WITHDRAWN,
    ),
    code(
        "Y",
        "unable to attend, exceptional circumstances (withdrawn; now Y1–Y7)",
        Np,
        None,
        WITHDRAWN,
    ),
    code(
        "F",
        "agreed extended family holiday (withdrawn)",
        Auth,
        None,
        Some(day(2013, 9, 1)),
    ),
];

/// The code `text` in [`STATUTORY_CODES`], whether or not it is still valid.
///
/// ```
/// use ete_core::register::{StatutoryCategory, REGULATIONS_2024, statutory_code_info};
///
/// let n = statutory_code_info("N").unwrap();
/// assert_eq!(n.category, StatutoryCategory::UnauthorisedAbsence);
/// let h = statutory_code_info("H").unwrap();
/// assert!(h.valid_on(REGULATIONS_2024.pred_opt()) && !h.valid_on(Some(REGULATIONS_2024)));
/// assert!(statutory_code_info("n").is_none());
/// ```
pub fn statutory_code_info(text: &str) -> Option<&'static StatutoryCode> {
    STATUTORY_CODES.iter().find(|c| c.code == text)
}

/// A policy's code as an error shows it: quoted when it looks like a code (at most 4 printable
/// ASCII characters), else only its length, so that an error never carries personal data.
fn shown(text: &str) -> String {
    if text.len() <= 4 && text.bytes().all(|b| b.is_ascii_graphic()) {
        format!("{text:?}")
    } else {
        format!(
            "(a value of {} characters, not shown)",
            text.chars().count()
        )
    }
}

/// The day a check was made on, in words.
fn on_words(on: Option<NaiveDate>) -> String {
    on.map_or_else(
        || "in the current code set".to_owned(),
        |d| format!("on {d}"),
    )
}

/// Why a statutory mapping or export was refused (R-8).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatutoryError {
    /// The policy maps a mark to a text that is no statutory code.
    #[error(
        "invalid statutory policy: codes.{mark} = {code}: not a statutory attendance code (R-8, SI 2024/208)"
    )]
    UnknownCode {
        /// The mark.
        mark: Mark,
        /// The code as shown (see `shown`): quoted, or its length only.
        code: String,
    },
    /// The policy maps a mark to a code not valid on the day it is used (withdrawn, or not yet
    /// in force).
    #[error(
        "invalid statutory policy: codes.{mark} = {code:?} is not valid {on}: {validity} (R-8, SI 2024/208)"
    )]
    CodeNotValid {
        /// The mark.
        mark: Mark,
        /// The code.
        code: &'static str,
        /// The day checked, in words (`on 2024-09-02`, `in the current code set`).
        on: String,
        /// Its validity, in words (`withdrawn on 2024-08-19`, `valid from 2024-08-19`).
        validity: String,
    },
    /// The CSV writer failed (it writes to memory, so this is not expected).
    #[error("statutory export: {reason}")]
    Export {
        /// What the writer said.
        reason: String,
    },
}

impl StatutoryError {
    /// [`ErrorKind::InvalidPolicy`]; [`ErrorKind::MalformedInput`] for a failed export.
    pub fn kind(&self) -> ErrorKind {
        match self {
            StatutoryError::UnknownCode { .. } | StatutoryError::CodeNotValid { .. } => {
                ErrorKind::InvalidPolicy
            }
            StatutoryError::Export { .. } => ErrorKind::MalformedInput,
        }
    }
}

/// The category of each mark under a policy checked on one day: the form the statutory figures
/// are counted with. `None` for a mark the policy leaves without a code (not required by
/// default): such an entry is not a possible session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MarkCategories([Option<&'static StatutoryCode>; 8]);

impl MarkCategories {
    /// The code `mark` maps to.
    pub fn code(&self, mark: Mark) -> Option<&'static StatutoryCode> {
        self.0.get(mark as usize).copied().flatten()
    }

    /// The category of the code `mark` maps to.
    pub fn category(&self, mark: Mark) -> Option<StatutoryCategory> {
        self.code(mark).map(|c| c.category)
    }
}

impl StatutoryPolicy {
    /// Checks every mapped code against the code set on `on` (`None`: the current code set) and
    /// gives each mark's category. An unknown code, or one withdrawn or not yet in force on
    /// that day, is [`StatutoryError`] (`InvalidPolicy`) naming the mark and the code.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ete_core::register::{Mark, StatutoryCategory, StatutoryPolicy};
    ///
    /// let p = StatutoryPolicy::default();
    /// let c = p.categories(None)?;
    /// assert_eq!(c.category(Mark::UnexplainedAbsence), Some(StatutoryCategory::UnauthorisedAbsence));
    /// assert_eq!(c.category(Mark::NotRequired), None);
    ///
    /// let mut old = StatutoryPolicy::default();
    /// old.codes.insert(Mark::AuthorisedAbsence, "H".into());
    /// assert!(old.categories(NaiveDate::from_ymd_opt(2024, 7, 1)).is_ok());
    /// let e = old.categories(NaiveDate::from_ymd_opt(2024, 9, 2)).unwrap_err();
    /// assert!(e.to_string().contains("codes.authorised_absence = \"H\""));
    /// # Ok::<(), ete_core::register::StatutoryError>(())
    /// ```
    pub fn categories(&self, on: Option<NaiveDate>) -> Result<MarkCategories, StatutoryError> {
        let mut out = MarkCategories::default();
        for (mark, text) in &self.codes {
            let code = statutory_code_info(text).ok_or_else(|| StatutoryError::UnknownCode {
                mark: *mark,
                code: shown(text),
            })?;
            if !code.valid_on(on) {
                let validity = match (code.valid_from, code.valid_to) {
                    (_, Some(to)) if on.is_none_or(|d| d >= to) => format!("withdrawn on {to}"),
                    (Some(from), _) => format!("valid from {from}"),
                    _ => "not valid".to_owned(),
                };
                return Err(StatutoryError::CodeNotValid {
                    mark: *mark,
                    code: code.code,
                    on: on_words(on),
                    validity,
                });
            }
            if let Some(slot) = out.0.get_mut(*mark as usize) {
                *slot = Some(code);
            }
        }
        Ok(out)
    }
}

/// Entries counted by the statistical category of their mapped code (R-8). Every marked entry
/// is in exactly one field: the fields add up to the entries counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatutoryTally {
    /// Present (`/`, `\`, L).
    pub present: u64,
    /// At an approved educational activity (K, V, P, W, B).
    pub approved_activity: u64,
    /// Authorised absence.
    pub authorised: u64,
    /// Unauthorised absence (N included).
    pub unauthorised: u64,
    /// Not a possible session (D, X, Q, Y1–Y7).
    pub not_possible: u64,
    /// Administrative codes (Z, #).
    pub administrative: u64,
    /// Marks the policy gives no code (not required by default): not a possible session.
    pub not_coded: u64,
}

impl StatutoryTally {
    /// Adds `n` entries of a category (`None`: no code).
    pub fn add(&mut self, category: Option<StatutoryCategory>, n: u64) {
        let slot = match category {
            Some(StatutoryCategory::Present) => &mut self.present,
            Some(StatutoryCategory::ApprovedActivity) => &mut self.approved_activity,
            Some(StatutoryCategory::AuthorisedAbsence) => &mut self.authorised,
            Some(StatutoryCategory::UnauthorisedAbsence) => &mut self.unauthorised,
            Some(StatutoryCategory::NotPossible) => &mut self.not_possible,
            Some(StatutoryCategory::Administrative) => &mut self.administrative,
            None => &mut self.not_coded,
        };
        *slot = slot.saturating_add(n);
    }

    /// Adds another tally (a group's is the sum of its members').
    pub fn merge(&mut self, other: &StatutoryTally) {
        for (category, n) in [
            (Some(StatutoryCategory::Present), other.present),
            (
                Some(StatutoryCategory::ApprovedActivity),
                other.approved_activity,
            ),
            (Some(StatutoryCategory::AuthorisedAbsence), other.authorised),
            (
                Some(StatutoryCategory::UnauthorisedAbsence),
                other.unauthorised,
            ),
            (Some(StatutoryCategory::NotPossible), other.not_possible),
            (
                Some(StatutoryCategory::Administrative),
                other.administrative,
            ),
            (None, other.not_coded),
        ] {
            self.add(category, n);
        }
    }

    /// Every entry counted.
    pub fn total(&self) -> u64 {
        [
            self.possible(),
            self.not_possible,
            self.administrative,
            self.not_coded,
        ]
        .into_iter()
        .fold(0, u64::saturating_add)
    }

    /// Attendance: present + approved educational activity.
    pub fn attendance(&self) -> u64 {
        self.present.saturating_add(self.approved_activity)
    }

    /// Absences: authorised + unauthorised.
    pub fn absences(&self) -> u64 {
        self.authorised.saturating_add(self.unauthorised)
    }

    /// Possible sessions: attendance + absences.
    pub fn possible(&self) -> u64 {
        self.attendance().saturating_add(self.absences())
    }

    /// Overall absence: absences / possible sessions, exactly; `None` with no possible session.
    pub fn absence_rate(&self) -> Option<Fraction> {
        Fraction::new(
            i64::try_from(self.absences()).unwrap_or(i64::MAX),
            self.possible(),
        )
        .ok()
    }

    /// The persistent and severe absence flags (thresholds from the policy).
    pub fn absence_flags(&self, policy: &StatutoryPolicy) -> AbsenceFlags {
        let rate = self.absence_rate();
        AbsenceFlags {
            persistent: rate.is_some_and(|r| r.at_least_percent(policy.persistent_percent)),
            severe: rate.is_some_and(|r| r.at_least_percent(policy.severe_percent)),
        }
    }
}

impl MarkTally {
    /// The entries counted by the category of each mark's code (R-8).
    ///
    /// ```
    /// use ete_core::register::{Mark, MarkTally, StatutoryPolicy};
    ///
    /// let mut tally = MarkTally::default();
    /// tally.add(Mark::Present, 18);
    /// tally.add(Mark::UnexplainedAbsence, 2); // N: unauthorised
    /// let s = tally.statutory(&StatutoryPolicy::default().categories(None)?);
    /// assert_eq!((s.possible(), s.unauthorised), (20, 2));
    /// assert!(s.absence_flags(&StatutoryPolicy::default()).persistent); // 10%
    /// # Ok::<(), ete_core::register::StatutoryError>(())
    /// ```
    pub fn statutory(&self, categories: &MarkCategories) -> StatutoryTally {
        let mut out = StatutoryTally::default();
        for mark in Mark::ALL {
            out.add(categories.category(mark), self.get(mark));
        }
        out
    }
}

/// Sessions recorded with one statutory code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CodeSessions {
    /// The code.
    pub code: String,
    /// Sessions.
    pub sessions: u64,
}

/// A learner's (or the group's) statutory figures over a date range (R-8): the figures a school
/// enters in its return.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatutoryFigures {
    /// The learner; `None` for the group.
    pub learner: Option<String>,
    /// Sessions per code, in [`STATUTORY_CODES`] order, codes with none left out.
    pub sessions: Vec<CodeSessions>,
    /// Entries by category.
    pub tally: StatutoryTally,
    /// Entries not marked yet (not counted).
    pub unmarked: u64,
    /// Possible sessions.
    pub possible: u64,
    /// Attendance: present + approved educational activity.
    pub attendance: u64,
    /// Authorised + unauthorised absence.
    pub absences: u64,
    /// Overall absence as a percentage to one decimal (`"10.0"`), rounded half up; `None` with
    /// no possible session.
    pub absence_percent: Option<String>,
    /// Absence at or above the persistent threshold (10%).
    pub persistent: bool,
    /// Absence at or above the severe threshold (50%).
    pub severe: bool,
}

impl StatutoryFigures {
    /// Overall absence, exactly: absences / possible sessions.
    pub fn absence_rate(&self) -> Option<Fraction> {
        self.tally.absence_rate()
    }

    fn of(learner: Option<String>, counts: &Counts, policy: &StatutoryPolicy) -> StatutoryFigures {
        let tally = counts.tally;
        let flags = tally.absence_flags(policy);
        StatutoryFigures {
            learner,
            sessions: STATUTORY_CODES
                .iter()
                .filter_map(|c| {
                    counts.codes.get(c.code).map(|n| CodeSessions {
                        code: c.code.to_owned(),
                        sessions: *n,
                    })
                })
                .collect(),
            tally,
            unmarked: counts.unmarked,
            possible: tally.possible(),
            attendance: tally.attendance(),
            absences: tally.absences(),
            absence_percent: tally.absence_rate().and_then(|r| r.percent(1).ok()),
            persistent: flags.persistent,
            severe: flags.severe,
        }
    }
}

/// Counts gathered for one learner or the group.
#[derive(Default)]
struct Counts {
    codes: BTreeMap<&'static str, u64>,
    tally: StatutoryTally,
    unmarked: u64,
}

impl Counts {
    fn add(&mut self, mark: Option<Mark>, categories: &MarkCategories) {
        match mark {
            None => self.unmarked = self.unmarked.saturating_add(1),
            Some(mark) => {
                let code = categories.code(mark);
                if let Some(code) = code {
                    let n = self.codes.entry(code.code).or_insert(0);
                    *n = n.saturating_add(1);
                }
                self.tally.add(code.map(|c| c.category), 1);
            }
        }
    }
}

/// Statutory figures per learner and for the group over a date range (R-8).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatutoryReport {
    /// First day counted (the scope's), if any.
    pub from: Option<NaiveDate>,
    /// Last day counted (the scope's), if any.
    pub to: Option<NaiveDate>,
    /// One row per learner, by learner id.
    pub learners: Vec<StatutoryFigures>,
    /// The group: counts summed, rates from the sums.
    pub group: StatutoryFigures,
}

/// The statutory figures (R-8) over the registers in `scope`: each marked entry is counted by
/// the category of the code `policy` maps its mark to, the policy being checked against the code
/// set on the entry's lesson day (UTC). A code unknown, withdrawn or not yet in force on any
/// lesson day counted is [`StatutoryError`] (`InvalidPolicy`), naming the mark and the code.
/// Group figures are ratios of summed counts.
pub fn statutory_summary(
    registers: &[Register],
    scope: &Scope,
    policy: &StatutoryPolicy,
) -> Result<StatutoryReport, StatutoryError> {
    let mut checked: BTreeMap<NaiveDate, MarkCategories> = BTreeMap::new();
    let mut learners: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut group = Counts::default();
    for register in registers.iter().filter(|r| scope.lesson_in(r)) {
        let day = register.lesson().starts_at.date_naive();
        let categories = match checked.get(&day) {
            Some(c) => *c,
            None => {
                let c = policy.categories(Some(day))?;
                checked.insert(day, c);
                c
            }
        };
        for (learner, entry) in register
            .entries()
            .iter()
            .filter(|(l, _)| scope.learner_in(l))
        {
            learners
                .entry(learner.as_str())
                .or_default()
                .add(entry.current(), &categories);
            group.add(entry.current(), &categories);
        }
    }
    Ok(StatutoryReport {
        from: scope.from,
        to: scope.to,
        learners: learners
            .iter()
            .map(|(l, c)| StatutoryFigures::of(Some((*l).to_owned()), c, policy))
            .collect(),
        group: StatutoryFigures::of(None, &group, policy),
    })
}

impl StatutoryReport {
    /// The export's header: `learner, from, to, possible, attendance, present,
    /// approved_activity, authorised, unauthorised, not_possible, administrative, not_coded,
    /// unmarked, absence_percent, persistent, severe`, then one column per code in
    /// [`STATUTORY_CODES`] order (`code_/`, `code_\`, `code_L`, …, `code_F`). Stable: columns
    /// are only ever added at the end.
    pub fn csv_header() -> Vec<String> {
        [
            "learner",
            "from",
            "to",
            "possible",
            "attendance",
            "present",
            "approved_activity",
            "authorised",
            "unauthorised",
            "not_possible",
            "administrative",
            "not_coded",
            "unmarked",
            "absence_percent",
            "persistent",
            "severe",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain(STATUTORY_CODES.iter().map(|c| format!("code_{}", c.code)))
        .collect()
    }

    /// The statutory export (R-8) as CSV (RFC 4180, `\n` line ends): the header of
    /// [`csv_header`](Self::csv_header), one row per learner, and no group row. Dates are ISO
    /// (empty when the scope has none), flags `true`/`false`, an absence with no possible
    /// session empty.
    ///
    /// ```
    /// use ete_core::register::{Scope, StatutoryPolicy, statutory_summary};
    ///
    /// let csv = statutory_summary(&[], &Scope::default(), &StatutoryPolicy::default())?.to_csv()?;
    /// assert!(csv.starts_with("learner,from,to,possible,attendance,"));
    /// assert_eq!(csv.lines().count(), 1);
    /// # Ok::<(), ete_core::register::StatutoryError>(())
    /// ```
    pub fn to_csv(&self) -> Result<String, StatutoryError> {
        let failed = |e: &dyn std::fmt::Display| StatutoryError::Export {
            reason: e.to_string(),
        };
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        writer
            .write_record(StatutoryReport::csv_header())
            .map_err(|e| failed(&e))?;
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        for f in &self.learners {
            let t = &f.tally;
            let mut row = vec![
                f.learner.clone().unwrap_or_default(),
                date(self.from),
                date(self.to),
            ];
            row.extend(
                [
                    f.possible,
                    f.attendance,
                    t.present,
                    t.approved_activity,
                    t.authorised,
                    t.unauthorised,
                    t.not_possible,
                    t.administrative,
                    t.not_coded,
                    f.unmarked,
                ]
                .map(|n| n.to_string()),
            );
            row.push(f.absence_percent.clone().unwrap_or_default());
            row.push(f.persistent.to_string());
            row.push(f.severe.to_string());
            row.extend(STATUTORY_CODES.iter().map(|c| {
                f.sessions
                    .iter()
                    .find(|s| s.code == c.code)
                    .map_or(0, |s| s.sessions)
                    .to_string()
            }));
            writer.write_record(&row).map_err(|e| failed(&e))?;
        }
        let bytes = writer.into_inner().map_err(|e| failed(&e))?;
        String::from_utf8(bytes).map_err(|e| failed(&e))
    }
}

/// [`statutory_summary`] as the CSV export ([`StatutoryReport::to_csv`]): one row per learner
/// for the scope's date range.
pub fn statutory_csv(
    registers: &[Register],
    scope: &Scope,
    policy: &StatutoryPolicy,
) -> Result<String, StatutoryError> {
    statutory_summary(registers, scope, policy)?.to_csv()
}
