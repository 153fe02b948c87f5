//! The Unpaid Work requirement and its ledger (H-9..H-12).
//!
//! A [`Requirement`] holds the court's terms (required minutes, start date, adult or youth order,
//! incentive eligibility) and a chronological list of [`LedgerEntry`]s: work appointments, ETE
//! credits, adjustments and extensions, each with who recorded it and the day it happened. Every
//! figure is derived from the entries ([`Requirement::status`]), so replaying the entries gives
//! the same figures and the JSON form restores exactly.
//!
//! ```
//! use chrono::NaiveDate;
//! use ete_core::hours::{LedgerEntry, LedgerEventKind, LedgerPolicy, OrderKind, Requirement, RequirementTerms};
//! use ete_core::Minutes;
//!
//! let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
//! let mut r = Requirement::new(RequirementTerms {
//!     id: "R-1".into(), person_ref: "P-1".into(), kind: OrderKind::Adult,
//!     required: Minutes::new(40 * 60)?, start: day(2), incentive_eligible: false,
//! }, LedgerPolicy::default())?;
//! // The ETE allowance is floor(30% of 2,400) = 720 minutes.
//! r.record(LedgerEntry::new(day(3), "PR-1", LedgerEventKind::EteCredit {
//!     minutes: Minutes::new(700)?, course_name: "Budgeting".into() }).with_id("e1"))?;
//! let err = r.record(LedgerEntry::new(day(4), "PR-1", LedgerEventKind::EteCredit {
//!     minutes: Minutes::new(30)?, course_name: "CV writing".into() }).with_id("e2")).unwrap_err();
//! assert!(err.to_string().contains("00:20 of the ETE allowance remain"));
//! assert_eq!(r.status(day(4))?.remaining.get(), 1_700);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use crate::chain::Chain;
use crate::error::ErrorKind;
use crate::hours::incentive::{IncentivePolicy, IncentiveStatus};
use crate::hours::totals::Totals;
use crate::minutes::{Minutes, MinutesError};
use crate::ratio::{Ratio, Rounding};
#[cfg(feature = "python")]
use pyo3::prelude::*;

/// Adult or youth order: the legal range of required hours differs (H-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OrderKind {
    /// Adult community or suspended sentence order: 40 to 300 hours.
    Adult,
    /// Youth order: 40 to 240 hours.
    Youth,
}

crate::codes!(OrderKind, "order kind", { Adult => "adult", Youth => "youth" });

/// What happened at a work appointment (H-11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AppointmentOutcome {
    /// Attended and worked.
    Attended,
    /// Absent with an acceptable reason.
    AcceptableAbsence,
    /// Absent without one, or failed to comply: ends incentive qualifying (H-12).
    UnacceptableAbsence,
}

crate::codes!(AppointmentOutcome, "outcome", {
    Attended => "attended",
    AcceptableAbsence => "acceptable_absence",
    UnacceptableAbsence => "unacceptable_absence",
});

/// What happened to a requirement (H-11); the [`LedgerEntry`] around it is the ledger's event,
/// with its id, day and recorder.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LedgerEventKind {
    /// A work appointment and the minutes credited for it.
    WorkAppointment {
        /// Minutes credited.
        minutes: Minutes,
        /// What happened.
        outcome: AppointmentOutcome,
    },
    /// ETE credit, e.g. from a course completion (H-3..H-8); limited by the ETE allowance (H-10).
    EteCredit {
        /// Minutes credited.
        minutes: Minutes,
        /// The course.
        course_name: String,
    },
    /// A court change to the required time, in signed minutes (H-9).
    Adjustment {
        /// Minutes added (positive) or removed (negative).
        minutes: i64,
    },
    /// An extension of the completion period, in calendar months (H-9).
    Extension {
        /// Months added.
        months: u32,
    },
}

/// An event with the day it happened and who recorded it. In JSON the event's fields sit beside
/// `date` and `by`: `{"date": "2026-02-03", "by": "SUP-1", "type": "work_appointment",
/// "minutes": 420, "outcome": "attended"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, from_py_object)
)]
pub struct LedgerEntry {
    /// The command id that recorded it, when the caller gives one: recording an entry whose id
    /// the ledger already holds changes nothing (a retry), and the same id with a different
    /// entry is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub id: Option<String>,
    /// The day it happened.
    pub date: NaiveDate,
    /// Who recorded it (a staff id).
    pub by: String,
    /// What happened.
    #[serde(flatten)]
    pub event: LedgerEventKind,
}

impl LedgerEntry {
    /// An entry.
    pub fn new(date: NaiveDate, by: impl Into<String>, event: LedgerEventKind) -> LedgerEntry {
        LedgerEntry {
            id: None,
            date,
            by: by.into(),
            event,
        }
    }

    /// The entry with a command id, so that recording it again changes nothing.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ete_core::Minutes;
    /// use ete_core::hours::{LedgerEntry, LedgerEventKind, OrderKind, Requirement, RequirementTerms};
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    /// let terms = RequirementTerms { id: "R-1".into(), person_ref: "P-1".into(),
    ///     kind: OrderKind::Adult, required: Minutes::new(6_000)?, start: day,
    ///     incentive_eligible: false };
    /// let mut ledger = Requirement::new(terms, Default::default()).unwrap();
    /// let entry = LedgerEntry::new(day, "ADMIN-1", LedgerEventKind::Extension { months: 1 })
    ///     .with_id("cmd-1");
    /// ledger.record(entry.clone()).unwrap();
    /// ledger.record(entry).unwrap(); // a retry: nothing changes
    /// assert_eq!(ledger.entries().len(), 1);
    /// # Ok::<(), ete_core::MinutesError>(())
    /// ```
    pub fn with_id(self, id: impl Into<String>) -> LedgerEntry {
        LedgerEntry {
            id: Some(id.into()),
            ..self
        }
    }
}

/// The most hours a policy's legal range may reach (H-9 sets 300 for adults; a policy may not
/// go beyond 1,000).
pub const MAX_POLICY_HOURS: u32 = 1_000;
/// The longest completion period a policy may set, and the most months of extensions it may
/// allow: 120 months (ten years).
pub const MAX_POLICY_MONTHS: u32 = 120;

/// The numbers a region could set differently for requirements. `Default` follows [the rules](crate::rules).
///
/// Every value is checked where a policy is used to build something ([`LedgerPolicy::check`]:
/// by [`LedgerPolicy::from_json`], [`Requirement::new`], a requirement's JSON form and
/// `ete_totals`): the ETE share within 0..=100%, each legal range `1 ≤ min ≤ max ≤ 1,000` hours,
/// the completion period 1..=120 months, the extension maximum 0..=120 months, and the incentive
/// threshold and discount rate within 0..=1. A value out of range is
/// [`PolicyError::OutOfRange`](crate::hours::PolicyError) (`InvalidPolicy`) naming the field,
/// the value and the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, from_py_object)
)]
pub struct LedgerPolicy {
    /// The ETE share of the required time (H-10; 30%), floored.
    pub ete_share: Ratio,
    /// Legal range for adults, in hours (40..=300).
    pub adult_hours: (u32, u32),
    /// Legal range for youth orders, in hours (40..=240).
    pub youth_hours: (u32, u32),
    /// The completion period, in calendar months (12).
    pub completion_months: u32,
    /// The incentive scheme's ratios (H-12).
    pub incentive: IncentivePolicy,
    /// The most months that extensions may add to the completion period, in total (H-9; a
    /// policy choice, default 24): an extension beyond it is refused.
    pub max_extension_months: u32,
}

/// For example:
///
/// ```
/// use ete_core::hours::LedgerPolicy;
/// let err = LedgerPolicy::from_json(r#"{"eteShare": {"numerator": 1000, "denominator": 1}}"#)
///     .unwrap_err();
/// assert!(err.to_string().contains("eteShare"));
/// assert!(LedgerPolicy::from_json(r#"{"completionMonths": 0}"#).is_err());
/// assert!(LedgerPolicy::from_json(r#"{"adultHours": [300, 40]}"#).is_err());
/// ```
impl LedgerPolicy {
    /// Reads a ledger policy from a JSON object (missing fields take the default of [the rules](crate::rules));
    /// anything else is `InvalidPolicy` naming the problem.
    ///
    /// ```
    /// use ete_core::hours::LedgerPolicy;
    /// let p = LedgerPolicy::from_json(r#"{"completionMonths": 18}"#)?;
    /// assert_eq!(p.completion_months, 18);
    /// assert!(LedgerPolicy::from_json("[]").is_err());
    /// # Ok::<(), ete_core::hours::PolicyError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<LedgerPolicy, crate::hours::PolicyError> {
        let policy: LedgerPolicy = crate::hours::policy_from_json("ledger policy", text)?;
        policy.check()?;
        Ok(policy)
    }

    /// Checks every value against its range (see [`LedgerPolicy`]); the first out of range is
    /// `InvalidPolicy` naming the field, the value and the range.
    pub fn check(&self) -> Result<(), crate::hours::PolicyError> {
        let out =
            |field: &str, value: String, reason: &str| crate::hours::PolicyError::OutOfRange {
                policy: "ledger policy",
                field: field.to_owned(),
                value,
                reason: reason.to_owned(),
            };
        let ratio = |r: Ratio| format!("{}/{}", r.numerator(), r.denominator());
        if self.ete_share.numerator() > self.ete_share.denominator() {
            return Err(out(
                "eteShare",
                ratio(self.ete_share),
                "must be within 0..=100% (H-10)",
            ));
        }
        for (field, (min, max)) in [
            ("adultHours", self.adult_hours),
            ("youthHours", self.youth_hours),
        ] {
            if min == 0 || min > max || max > MAX_POLICY_HOURS {
                return Err(out(
                    field,
                    format!("[{min}, {max}]"),
                    "must be [min, max] hours with 1 <= min <= max <= 1000 (H-9)",
                ));
            }
        }
        if !(1..=MAX_POLICY_MONTHS).contains(&self.completion_months) {
            return Err(out(
                "completionMonths",
                self.completion_months.to_string(),
                "must be within 1..=120 months (H-9)",
            ));
        }
        if self.max_extension_months > MAX_POLICY_MONTHS {
            return Err(out(
                "maxExtensionMonths",
                self.max_extension_months.to_string(),
                "must be within 0..=120 months (H-9)",
            ));
        }
        for (field, r) in [
            ("incentive.threshold", self.incentive.threshold),
            ("incentive.discountRate", self.incentive.discount_rate),
        ] {
            if r.numerator() > r.denominator() {
                return Err(out(field, ratio(r), "must be within 0..=1 (H-12)"));
            }
        }
        Ok(())
    }

    /// The legal range of required hours for an order kind (H-9).
    pub fn hours(&self, kind: OrderKind) -> (u32, u32) {
        match kind {
            OrderKind::Adult => self.adult_hours,
            OrderKind::Youth => self.youth_hours,
        }
    }

    /// The ETE allowance of a requirement of `required` minutes: `floor(required × ETE share)`
    /// (H-10; adjustments are not part of the base).
    ///
    /// ```
    /// use ete_core::Minutes;
    /// use ete_core::hours::LedgerPolicy;
    /// let allowance = LedgerPolicy::default().ete_allowance(Minutes::new(2_401)?)?;
    /// assert_eq!(allowance.get(), 720); // floor(720.3)
    /// # Ok::<(), ete_core::MinutesError>(())
    /// ```
    pub fn ete_allowance(&self, required: Minutes) -> Result<Minutes, MinutesError> {
        self.ete_share.apply(required, Rounding::Floor)
    }
}

impl Default for LedgerPolicy {
    fn default() -> LedgerPolicy {
        LedgerPolicy {
            ete_share: Ratio::percent(30),
            adult_hours: (40, 300),
            youth_hours: (40, 240),
            completion_months: 12,
            incentive: IncentivePolicy::default(),
            max_extension_months: 24,
        }
    }
}

/// The court's terms for a requirement.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequirementTerms {
    /// The requirement's id.
    pub id: String,
    /// The person's reference (as on the learning portal).
    pub person_ref: String,
    /// Adult or youth.
    pub kind: OrderKind,
    /// Required minutes, within the legal range.
    pub required: Minutes,
    /// The day the requirement starts.
    pub start: NaiveDate,
    /// Whether the incentive scheme applies (H-12).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub incentive_eligible: bool,
}

/// Why a requirement could not be made, or an entry could not be recorded. The ledger is
/// unchanged after any of these.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    /// Required time outside the legal range for the order (H-9).
    #[error("required {required} is outside the {kind:?} range {min}..={max} hours (H-9)")]
    RequiredOutOfRange {
        /// The required time given.
        required: Minutes,
        /// The order kind.
        kind: OrderKind,
        /// Lowest hours.
        min: u32,
        /// Highest hours.
        max: u32,
    },
    /// An entry dated before the last one, or before the start (H-11).
    #[error("entry dated {date} is out of order: the ledger's last date is {last} (H-11)")]
    OutOfOrder {
        /// The entry's date.
        date: NaiveDate,
        /// The latest date already in the ledger (or the start).
        last: NaiveDate,
    },
    /// ETE credit beyond the remaining allowance (H-10).
    #[error(
        "ETE credit of {requested} refused: only {remaining} of the ETE allowance remain (H-10)"
    )]
    EteAllowanceExceeded {
        /// The credit asked for.
        requested: Minutes,
        /// What remains of the allowance.
        remaining: Minutes,
    },
    /// An entry with an empty id or recorder.
    #[error("invalid {field} {value:?}: {reason}")]
    InvalidField {
        /// The field.
        field: String,
        /// The value.
        value: String,
        /// What is wrong.
        reason: String,
    },
    /// No requirement with this id (or for this person).
    #[error("no requirement {id:?}")]
    UnknownRequirement {
        /// The id or person reference asked for.
        id: String,
    },
    /// An entry of a batch failed; nothing of the batch was recorded.
    #[error("entry {position} of the batch refused, nothing recorded: {source}")]
    Batch {
        /// The entry's index in the batch.
        position: usize,
        /// Why.
        #[source]
        source: Box<LedgerError>,
    },
    /// A figure overflowed the range of minutes.
    #[error(transparent)]
    Minutes(#[from] MinutesError),
    /// The policy holds a value out of range (`InvalidPolicy`).
    #[error(transparent)]
    Policy(#[from] crate::hours::PolicyError),
    /// An adjustment that would take the time still to do below zero, or the adjusted required
    /// time above the legal maximum, or extensions beyond the policy's maximum (H-9).
    #[error("{field} {value} refused: {reason} (H-9)")]
    OutOfBounds {
        /// `adjustment` or `extension`.
        field: String,
        /// The value given.
        value: i64,
        /// The bound it breaks.
        reason: String,
    },
    /// A requirement's JSON form that does not parse, or whose entries do not replay through the
    /// rules.
    #[error("invalid requirement JSON: {reason}")]
    Malformed {
        /// What is wrong.
        reason: String,
    },
}

impl LedgerError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            LedgerError::RequiredOutOfRange { .. }
            | LedgerError::InvalidField { .. }
            | LedgerError::OutOfBounds { .. } => ErrorKind::InvalidField,
            LedgerError::Policy(e) => e.kind(),
            LedgerError::OutOfOrder { .. } => ErrorKind::OutOfOrder,
            LedgerError::EteAllowanceExceeded { .. } => ErrorKind::EteAllowanceExceeded,
            LedgerError::UnknownRequirement { .. } => ErrorKind::UnknownRequirement,
            LedgerError::Batch { source, .. } => source.kind(),
            LedgerError::Minutes(e) => e.kind(),
            LedgerError::Malformed { .. } => ErrorKind::MalformedInput,
        }
    }
}

/// How much of a proposed ETE credit fits (H-10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EteFit {
    /// The part that can be recorded.
    pub fits: Minutes,
    /// The part that cannot.
    pub rest: Minutes,
}

/// Every derived figure of a requirement on a day (H-10..H-12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LedgerStatus {
    /// Required minutes (the court's figure, before adjustments).
    pub required: Minutes,
    /// Net adjustments, signed.
    pub adjustments: i64,
    /// Minutes completed: work appointments plus ETE credits.
    pub completed: Minutes,
    /// ETE minutes credited.
    pub ete_completed: Minutes,
    /// `floor(required × 30%)`, adjustments excluded.
    pub ete_allowance: Minutes,
    /// What remains of the ETE allowance.
    pub ete_remaining: Minutes,
    /// The current incentive discount.
    pub discount: Minutes,
    /// `required + adjustments − completed − discount`, never below zero.
    pub remaining: Minutes,
    /// The last day of the completion period, extensions included.
    pub end_date: NaiveDate,
    /// No time remains.
    pub complete: bool,
    /// Not complete, and the day is after the end date.
    pub overdue: bool,
    /// The incentive scheme's figures.
    pub incentive: IncentiveStatus,
}

/// An Unpaid Work requirement and its ledger (H-9..H-12).
///
/// Its JSON form is `{terms, policy, entries}`; reading it back replays the entries through
/// [`Requirement::record`], so a hand-edited ledger that breaks a rule is refused.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "RequirementFields")]
pub struct Requirement {
    terms: RequirementTerms,
    policy: LedgerPolicy,
    entries: Vec<LedgerEntry>,
    /// The hash chain of the entries ([`crate::chain`]).
    chain: Chain,
    /// The totals of every entry, kept as entries are recorded.
    #[serde(skip)]
    totals: Totals,
    /// Each entry id's position.
    #[serde(skip)]
    ids: HashMap<String, usize>,
}

/// The format a requirement's JSON is written in: 2 added `format` and the entries' `chain`;
/// 3 added the `opening` hash (of the terms and the embedded policy), where the chain starts,
/// so a changed order, required time, start or policy is refused and changes the head hash.
/// Formats 1 and 2 are read too (migrated: their terms and policy are taken as written, and
/// get an opening hash from then on).
pub const REQUIREMENT_FORMAT: u32 = 3;

/// A requirement's JSON form as written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Written<'a> {
    format: u32,
    opening: &'a str,
    terms: &'a RequirementTerms,
    policy: &'a LedgerPolicy,
    entries: &'a [LedgerEntry],
    chain: &'a Chain,
}

impl Serialize for Requirement {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Written {
            format: REQUIREMENT_FORMAT,
            opening: self.chain.base(),
            terms: &self.terms,
            policy: &self.policy,
            entries: &self.entries,
            chain: &self.chain,
        }
        .serialize(serializer)
    }
}

/// What a requirement is opened with, hashed into its opening hash (format 3).
#[derive(Serialize)]
struct Opening<'a> {
    terms: &'a RequirementTerms,
    policy: &'a LedgerPolicy,
}

/// The opening hash of a requirement of `terms` under `policy`.
fn opening_hash(terms: &RequirementTerms, policy: &LedgerPolicy) -> Result<String, LedgerError> {
    crate::chain::opening(&Opening { terms, policy })
        .map_err(|e| LedgerError::Malformed { reason: e.reason })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RequirementFields {
    #[serde(default)]
    format: Option<u32>,
    #[serde(default)]
    opening: Option<String>,
    #[serde(default)]
    chain: Option<Chain>,
    terms: RequirementTerms,
    #[serde(default)]
    policy: LedgerPolicy,
    #[serde(default)]
    entries: Vec<LedgerEntry>,
}

impl TryFrom<RequirementFields> for Requirement {
    type Error = LedgerError;
    fn try_from(f: RequirementFields) -> Result<Requirement, LedgerError> {
        let malformed = |reason: String| LedgerError::Malformed { reason };
        let format = f.format.unwrap_or(1);
        crate::format::check_version("requirement", format, REQUIREMENT_FORMAT)
            .map_err(malformed)?;
        let opening = match (format, f.opening) {
            (3.., Some(opening)) => {
                if opening != opening_hash(&f.terms, &f.policy)? {
                    return Err(malformed(
                        "the terms or the policy are not those the requirement was opened \
                         with (the opening hash differs)"
                            .into(),
                    ));
                }
                Some(opening)
            }
            (3.., None) => {
                return Err(malformed(
                    "the requirement has no opening hash (format 3)".into(),
                ));
            }
            (_, Some(_)) => {
                return Err(malformed(format!(
                    "a format {format} requirement has no opening hash (format 3 added it)"
                )));
            }
            (_, None) => None,
        };
        match (format, f.chain) {
            // Format 1 had no chain: a chain without `format` 2 is a snapshot whose format was
            // removed or changed, refused as registers, placements and pools refuse it.
            (1, Some(_)) => {
                return Err(malformed(
                    "the requirement has a hash chain but format 1 (no `format` given), which \
                     had none: a snapshot's format was removed or changed"
                        .into(),
                ));
            }
            (_, Some(chain)) => {
                let chain = match opening {
                    Some(opening) => chain.starting_at(opening),
                    None => chain,
                };
                chain
                    .verify(&f.entries)
                    .map_err(|e| malformed(e.to_string()))?;
            }
            (1, None) => {}
            (_, None) => return Err(malformed("the requirement has no hash chain".into())),
        }
        let mut ids = std::collections::HashSet::new();
        if let Some(id) = f
            .entries
            .iter()
            .filter_map(|e| e.id.as_deref())
            .find(|id| !ids.insert(*id))
        {
            return Err(LedgerError::Malformed {
                reason: format!("entry id {id:?} appears twice: a snapshot holds each id once"),
            });
        }
        let mut requirement = Requirement::new(f.terms, f.policy)?;
        // Entries recorded before ids were required may have none.
        requirement.record_each(f.entries, Requirement::append)?;
        Ok(requirement)
    }
}

impl Requirement {
    /// A requirement with an empty ledger; errors when the id or person is empty or the required
    /// time is outside the policy's legal range for the order.
    pub fn new(terms: RequirementTerms, policy: LedgerPolicy) -> Result<Requirement, LedgerError> {
        for (field, value) in [("id", &terms.id), ("personRef", &terms.person_ref)] {
            if value.trim().is_empty() {
                return Err(LedgerError::InvalidField {
                    field: field.into(),
                    value: value.clone(),
                    reason: "must not be empty (H-9)".into(),
                });
            }
        }
        policy.check()?;
        let (min, max) = policy.hours(terms.kind);
        let minutes = terms.required.get();
        if minutes < u64::from(min).saturating_mul(60)
            || minutes > u64::from(max).saturating_mul(60)
        {
            return Err(LedgerError::RequiredOutOfRange {
                required: terms.required,
                kind: terms.kind,
                min,
                max,
            });
        }
        let chain = Chain::default().starting_at(opening_hash(&terms, &policy)?);
        Ok(Requirement {
            terms,
            policy,
            entries: Vec::new(),
            chain,
            totals: Totals::default(),
            ids: HashMap::new(),
        })
    }

    /// The court's terms.
    pub fn terms(&self) -> &RequirementTerms {
        &self.terms
    }
    /// The requirement's id.
    pub fn id(&self) -> &str {
        &self.terms.id
    }
    /// The person's reference.
    pub fn person_ref(&self) -> &str {
        &self.terms.person_ref
    }
    /// The policy it was made with.
    pub fn policy(&self) -> &LedgerPolicy {
        &self.policy
    }
    /// The entries, oldest first.
    pub fn entries(&self) -> &[LedgerEntry] {
        &self.entries
    }

    /// The hash chain of the entries ([`crate::chain`]).
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// The head hash of the entries' chain: publish it, and a rewrite of the whole ledger is
    /// caught against it ([`crate::chain`]).
    pub fn head_hash(&self) -> String {
        self.chain.head()
    }

    /// The requirement as JSON (format [`REQUIREMENT_FORMAT`]: `{format, opening, terms,
    /// policy, entries, chain}`; the chain starts at the opening hash of the terms and policy).
    pub fn to_json(&self) -> Result<String, LedgerError> {
        serde_json::to_string(self).map_err(|e| LedgerError::InvalidField {
            field: "requirement".into(),
            value: self.terms.id.clone(),
            reason: e.to_string(),
        })
    }

    /// Reads a requirement from JSON: its opening hash must be that of its terms and policy
    /// (so an edited order, required time, start or policy is refused), and the entries' hash
    /// chain must verify from it (formats 1 and 2, without an opening hash and format 1
    /// without a chain, are read too; a newer format is refused), then its entries are
    /// replayed through [`Requirement::record`] (entries of older formats may lack ids);
    /// JSON that does not parse, or entries the rules refuse, are [`LedgerError::Malformed`]
    /// (`MalformedInput`); an embedded policy out of range is [`LedgerError::Policy`]
    /// (`InvalidPolicy`). A leading byte-order mark is skipped; a key given twice is malformed.
    pub fn from_json(text: &str) -> Result<Requirement, LedgerError> {
        let fields: RequirementFields =
            crate::json::from_str(text).map_err(|e| LedgerError::Malformed {
                reason: e.to_string(),
            })?;
        fields.policy.check()?;
        Requirement::try_from(fields).map_err(|e| match e {
            // Already malformed (or a policy error): passed on, not prefixed a second time.
            LedgerError::Policy(_) | LedgerError::Malformed { .. } => e,
            other => LedgerError::Malformed {
                reason: other.to_string(),
            },
        })
    }

    /// `floor(required × ETE share)` (H-10): the base excludes adjustments.
    pub fn ete_allowance(&self) -> Result<Minutes, MinutesError> {
        self.policy.ete_allowance(self.terms.required)
    }

    /// How much of a proposed ETE credit fits the remaining allowance and the remaining time
    /// (H-10), as of the whole ledger.
    pub fn ete_fit(&self, proposed: Minutes) -> Result<EteFit, LedgerError> {
        let status = self.figures(None)?;
        let fits = proposed.min(status.ete_remaining).min(status.remaining);
        Ok(EteFit {
            fits,
            rest: proposed.checked_sub(fits)?,
        })
    }

    /// Records one entry, or refuses it with the ledger unchanged: an entry carries a command
    /// id (`LedgerEntry::with_id`; one without is `InvalidField` naming `id`, as a retried entry
    /// without one could not be told from a new one); entries must be in date order and not
    /// before the start, with a recorder; ETE credit must fit the remaining allowance. An entry
    /// whose id the ledger already holds is a retry: it changes nothing (the same id with a
    /// different entry is `InvalidField`).
    pub fn record(&mut self, entry: LedgerEntry) -> Result<(), LedgerError> {
        if entry.id.as_deref().is_none_or(|id| id.trim().is_empty()) {
            return Err(LedgerError::InvalidField {
                field: "id".into(),
                value: entry.id.clone().unwrap_or_default(),
                reason: "an entry carries a command id, so that a retry is recorded once (H-11)"
                    .into(),
            });
        }
        self.append(entry)
    }

    /// Records one entry as [`Requirement::record`] does, except that an entry of an older
    /// snapshot may have no id.
    fn append(&mut self, entry: LedgerEntry) -> Result<(), LedgerError> {
        if let Some(id) = entry.id.as_deref()
            && let Some(earlier) = self.ids.get(id).and_then(|&i| self.entries.get(i))
        {
            return if *earlier == entry {
                Ok(())
            } else {
                Err(LedgerError::InvalidField {
                    field: "id".into(),
                    value: id.chars().take(40).collect(),
                    reason: "already recorded with a different entry: a command id names one entry"
                        .into(),
                })
            };
        }
        let last = self.entries.last().map_or(self.terms.start, |e| e.date);
        if entry.date < last {
            return Err(LedgerError::OutOfOrder {
                date: entry.date,
                last,
            });
        }
        if entry.by.trim().is_empty() {
            return Err(LedgerError::InvalidField {
                field: "by".into(),
                value: entry.by.clone(),
                reason: "every entry records who made it".into(),
            });
        }
        match &entry.event {
            LedgerEventKind::EteCredit { minutes, .. } => {
                let remaining = self.figures(None)?.ete_remaining;
                if *minutes > remaining {
                    return Err(LedgerError::EteAllowanceExceeded {
                        requested: *minutes,
                        remaining,
                    });
                }
            }
            LedgerEventKind::Adjustment { minutes } => self.check_adjustment(*minutes)?,
            LedgerEventKind::Extension { months } => self.check_extension(*months)?,
            LedgerEventKind::WorkAppointment { .. } => {}
        }
        // A figure that no longer fits the range of minutes refuses the entry.
        let mut totals = self.totals;
        totals.add(&entry);
        self.status_of(totals, None)?;
        // `push` changes the chain only when it succeeds.
        self.chain
            .push(&entry)
            .map_err(|e| LedgerError::Malformed {
                reason: e.to_string(),
            })?;
        if let Some(id) = &entry.id {
            self.ids.insert(id.clone(), self.entries.len());
        }
        self.entries.push(entry);
        self.totals = totals;
        Ok(())
    }

    /// An adjustment may not take the time still to do below zero, nor the adjusted required
    /// time above the legal maximum for the order (H-9).
    fn check_adjustment(&self, minutes: i64) -> Result<(), LedgerError> {
        let status = self.figures(None)?;
        let bad = |reason: String| LedgerError::OutOfBounds {
            field: "adjustment".into(),
            value: minutes,
            reason,
        };
        if minutes < 0 && minutes.unsigned_abs() > status.remaining.get() {
            return Err(bad(format!(
                "it would take the time still to do ({}) below zero",
                status.remaining
            )));
        }
        let (_, max) = self.policy.hours(self.terms.kind);
        let max_minutes = i128::from(max).saturating_mul(60);
        let adjusted = i128::from(self.terms.required.get())
            .saturating_add(i128::from(status.adjustments))
            .saturating_add(i128::from(minutes));
        if minutes > 0 && adjusted > max_minutes {
            return Err(bad(format!(
                "the adjusted required time would be {adjusted} minutes, above the legal \
                 maximum of {max} hours"
            )));
        }
        Ok(())
    }

    /// Extensions may add at most the policy's `maxExtensionMonths` in total (H-9).
    fn check_extension(&self, months: u32) -> Result<(), LedgerError> {
        let so_far = self.totals.extension_months;
        let max = self.policy.max_extension_months;
        if so_far.saturating_add(u64::from(months)) > u64::from(max) {
            return Err(LedgerError::OutOfBounds {
                field: "extension".into(),
                value: i64::from(months),
                reason: format!(
                    "{so_far} months already added; extensions may add at most {max} months \
                     in total (maxExtensionMonths)"
                ),
            });
        }
        Ok(())
    }

    /// Records every entry or none, each as [`Requirement::record`] does: the first refusal is
    /// reported with its position.
    pub fn record_all(&mut self, entries: Vec<LedgerEntry>) -> Result<(), LedgerError> {
        self.record_each(entries, Requirement::record)
    }

    fn record_each(
        &mut self,
        entries: Vec<LedgerEntry>,
        record: fn(&mut Requirement, LedgerEntry) -> Result<(), LedgerError>,
    ) -> Result<(), LedgerError> {
        let mut next = self.clone();
        for (position, entry) in entries.into_iter().enumerate() {
            record(&mut next, entry).map_err(|e| LedgerError::Batch {
                position,
                source: Box::new(e),
            })?;
        }
        *self = next;
        Ok(())
    }

    /// The end of the completion period: start + completion months + extensions, in calendar
    /// months with end-of-month clamping, counting extensions recorded up to `on`.
    pub fn end_date(&self, on: NaiveDate) -> NaiveDate {
        self.end_after(Totals::of(self.entries.iter().filter(|e| e.date <= on)).extension_months)
    }

    /// The end of the completion period with `extensions` months added.
    fn end_after(&self, extensions: u64) -> NaiveDate {
        let extensions = u32::try_from(extensions).unwrap_or(u32::MAX);
        let months = self.policy.completion_months.saturating_add(extensions);
        self.terms
            .start
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX)
    }

    /// Whether the ledger holds an entry recorded under this command id.
    pub fn has_entry(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Every figure counting the entries dated on or before `on`, and whether the requirement is
    /// complete or overdue on that day.
    pub fn status(&self, on: NaiveDate) -> Result<LedgerStatus, LedgerError> {
        self.figures(Some(on))
    }

    /// Every figure, from the totals kept (the whole ledger, O(1)) or of the entries dated on
    /// or before `on` (O(n)).
    fn figures(&self, on: Option<NaiveDate>) -> Result<LedgerStatus, LedgerError> {
        let totals = match on {
            None => self.totals,
            Some(day) => Totals::of(self.entries.iter().filter(|e| e.date <= day)),
        };
        self.status_of(totals, on)
    }

    fn status_of(
        &self,
        totals: Totals,
        on: Option<NaiveDate>,
    ) -> Result<LedgerStatus, LedgerError> {
        let Totals {
            completed,
            ete,
            adjustments,
            qualifying,
            disqualified,
            extension_months,
        } = totals;
        let to_minutes = |v: i128| Minutes::new(u64::try_from(v.max(0)).unwrap_or(u64::MAX));
        let required = self.terms.required;
        let incentive = self.policy.incentive.status(
            self.terms.incentive_eligible,
            required,
            i64::try_from(qualifying).unwrap_or(i64::MAX),
            disqualified,
        )?;
        let ete_allowance = self.ete_allowance()?;
        let remaining = to_minutes(
            i128::from(required.get())
                .saturating_add(adjustments)
                .saturating_sub(completed)
                .saturating_sub(i128::from(incentive.current_discount.get())),
        )?;
        let end_date = self.end_after(extension_months);
        let complete = remaining == Minutes::ZERO;
        Ok(LedgerStatus {
            required,
            adjustments: i64::try_from(adjustments)
                .map_err(|_| MinutesError::OutOfRange { value: adjustments })?,
            completed: to_minutes(completed)?,
            ete_completed: to_minutes(ete)?,
            ete_allowance,
            ete_remaining: ete_allowance.saturating_sub(to_minutes(ete)?),
            discount: incentive.current_discount,
            remaining,
            end_date,
            complete,
            overdue: !complete && on.is_some_and(|d| d > end_date),
            incentive,
        })
    }
}
