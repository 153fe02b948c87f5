//! A learner's record that moves between establishments without loss (P-5, P-6; seed 001's
//! Virtual Campus): the whole [`LearnerFile`] as one versioned JSON document, exported only
//! where the routing policy permits (T-2), imported exactly, merged without duplicates, and
//! idempotent; and an assessment already on record reused while the policy says it is valid.
//!
//! Merging (all or nothing): the header held here (name, birth date, school, provider, cohort,
//! course) is kept, emergency contacts are joined; units, appraisals, assessments and targets are joined by id (an item held under the
//! same id must be equal, except that a target achieved on either side is achieved and a unit's
//! further status wins when nothing else differs); notes are joined as sets; a register slice
//! or a placement held under the same lesson or id must be the same history or one a prefix of
//! the other, and the longer is kept. Anything else is a [`TrainingError::Conflict`].
//!
//! ```
//! use chrono::NaiveDate;
//! use ete_core::routing::{Organisation, RoutingPolicy};
//! use ete_core::training::*;
//!
//! let policy = RoutingPolicy::from_json(r#"{
//!   "kinds": ["prison", "employer"], "roles": ["education_manager", "support_worker"],
//!   "categories": ["training_record"],
//!   "rules": [{"id": "prison-to-prison", "effect": "permit", "from": "prison", "to": "prison",
//!              "roles": ["education_manager"]}]}"#).unwrap();
//! let mut here = Establishment::new(Organisation::new("prison", "HMP-A"));
//! here.insert(LearnerFile::new(TrainingRecord::new("LRN-1", "HMP-A", "PRV-1", "C1", "CRS-1")))?;
//! let there = Organisation::new("prison", "HMP-B");
//! let doc = here.export("LRN-1", &there, "education_manager", &policy)?;
//! let mut b = Establishment::new(there);
//! assert_eq!(b.import(&doc)?.added, 1);
//! assert_eq!(b.import(&doc)?, MergeOutcome::default()); // twice changes nothing
//! let employer = Organisation::new("employer", "EMP-1");
//! assert!(here.export("LRN-1", &employer, "support_worker", &policy).is_err());
//! # Ok::<(), TrainingError>(())
//! ```

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::register::Register;
use crate::routing::{Organisation, RoutingPolicy, decide};
use crate::training::error::TrainingError;
use crate::training::listing::{ListQuery, RecordPage};
use crate::training::placement::Placement;
use crate::training::record::{Assessment, LearnerFile, TrainingRecord, UnitStatus};

/// The document's format name.
pub const FORMAT: &str = "ete-core/learner-record";
/// The document's version; another is refused.
pub const VERSION: u32 = 1;
/// The document category an export asks the routing policy about (T-2, T-4).
pub const RECORD_CATEGORY: &str = "training_record";

/// A learner's record in transit (P-5): format and version, who sends it, to whom (and which
/// role), and the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PortableRecord {
    /// [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// The sending establishment.
    pub source: Organisation,
    /// The receiving establishment.
    pub destination: Organisation,
    /// The recipient role.
    pub role: String,
    /// The learner's file.
    pub file: LearnerFile,
}

/// What an import or insert changed: items added, items replaced by a longer or further
/// version, items already held as they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MergeOutcome {
    /// Items (a learner's file counts as one) added.
    pub added: u64,
    /// Items replaced by a longer history or a further status.
    pub updated: u64,
}

impl MergeOutcome {
    fn add(&mut self) {
        self.added = self.added.saturating_add(1);
    }
    fn update(&mut self) {
        self.updated = self.updated.saturating_add(1);
    }
}

/// How long an initial assessment stays valid for reuse (P-6), in calendar months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, from_py_object)
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AssessmentPolicy {
    /// Months an assessment may be reused for (default 12).
    pub valid_months: u32,
}

impl Default for AssessmentPolicy {
    fn default() -> AssessmentPolicy {
        AssessmentPolicy { valid_months: 12 }
    }
}

/// Reuse or assess (P-6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum NeedDecision {
    /// An assessment on record is still valid: reuse it.
    Reuse,
    /// None is, or none was done: assess.
    Assess,
}

crate::codes!(NeedDecision, "assessment decision", "P-6", {
    Reuse => "reuse",
    Assess => "assess",
});

/// The answer to "does this learner need an initial assessment in this subject?" (P-6): reuse
/// the assessment of `assessed_on` by `provider` (valid until `valid_until`), or assess. With
/// `assess`, the fields name the latest assessment found, if any, that has expired.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AssessmentNeed {
    /// Reuse or assess.
    pub decision: NeedDecision,
    /// The assessment's id.
    pub assessment: Option<String>,
    /// Its date.
    pub assessed_on: Option<NaiveDate>,
    /// Who assessed.
    pub provider: Option<String>,
    /// The last day it may be reused.
    pub valid_until: Option<NaiveDate>,
}

impl AssessmentPolicy {
    /// The longest validity a policy may set, in months (50 years, as staff policies).
    pub const MAX_MONTHS: u32 = 600;

    /// Checks the policy: `validMonths` within 1..=[`AssessmentPolicy::MAX_MONTHS`], else
    /// [`TrainingError::InvalidPolicy`] naming the field, the value and the range (P-6).
    ///
    /// ```
    /// use ete_core::training::AssessmentPolicy;
    /// assert!(AssessmentPolicy::default().check().is_ok());
    /// let err = AssessmentPolicy { valid_months: 0 }.check().unwrap_err();
    /// assert!(err.to_string().contains("validMonths is 0: expected 1..=600"));
    /// ```
    pub fn check(&self) -> Result<(), TrainingError> {
        if (1..=AssessmentPolicy::MAX_MONTHS).contains(&self.valid_months) {
            return Ok(());
        }
        Err(TrainingError::InvalidPolicy {
            policy: "assessment policy".into(),
            field: "validMonths".into(),
            value: self.valid_months.to_string(),
            range: format!("1..={}", AssessmentPolicy::MAX_MONTHS),
            rule: "P-6".into(),
        })
    }

    /// The last day an assessment of `on` may be reused: `on` + the months, in calendar months
    /// with end-of-month clamping.
    pub fn valid_until(&self, on: NaiveDate) -> NaiveDate {
        on.checked_add_months(Months::new(self.valid_months))
            .unwrap_or(NaiveDate::MAX)
    }

    /// Reuse the latest assessment in `subject` (case-insensitive) dated no later than `on`,
    /// if `on` is within its validity; else assess.
    pub fn decide(
        &self,
        assessments: &[Assessment],
        subject: &str,
        on: NaiveDate,
    ) -> AssessmentNeed {
        let subject = subject.trim().to_lowercase();
        let latest = assessments
            .iter()
            .filter(|a| a.subject.trim().to_lowercase() == subject && a.on <= on)
            .max_by(|a, b| a.on.cmp(&b.on).then_with(|| b.id.cmp(&a.id)));
        match latest {
            None => AssessmentNeed {
                decision: NeedDecision::Assess,
                assessment: None,
                assessed_on: None,
                provider: None,
                valid_until: None,
            },
            Some(a) => {
                let until = self.valid_until(a.on);
                AssessmentNeed {
                    decision: if on <= until {
                        NeedDecision::Reuse
                    } else {
                        NeedDecision::Assess
                    },
                    assessment: Some(a.id.clone()),
                    assessed_on: Some(a.on),
                    provider: Some(a.provider.clone()),
                    valid_until: Some(until),
                }
            }
        }
    }
}

/// The records one establishment holds, by learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Establishment {
    organisation: Organisation,
    files: BTreeMap<String, LearnerFile>,
}

/// The format an establishment's JSON is written in: 2 added `format` (and its placements'
/// and registers' own formats and hash chains); format 1 (without) is read too.
pub const ESTABLISHMENT_FORMAT: u32 = 2;

/// An establishment's JSON form as written.
#[derive(Serialize)]
struct WrittenEstablishment<'a> {
    format: u32,
    #[serde(flatten)]
    establishment: &'a Establishment,
}

/// A document's format alone.
#[derive(Deserialize)]
struct FormatOnly {
    #[serde(default)]
    format: Option<u32>,
}

/// An establishment's JSON form as read, before it is checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct EstablishmentSnapshot {
    /// Checked before (see [`FormatOnly`]).
    #[serde(default, rename = "format")]
    _format: Option<u32>,
    organisation: Organisation,
    files: BTreeMap<String, LearnerFile>,
}

impl Establishment {
    /// An establishment holding nothing.
    pub fn new(organisation: Organisation) -> Establishment {
        Establishment {
            organisation,
            files: BTreeMap::new(),
        }
    }
    /// Who it is.
    pub fn organisation(&self) -> &Organisation {
        &self.organisation
    }
    /// Every file, by learner.
    pub fn files(&self) -> &BTreeMap<String, LearnerFile> {
        &self.files
    }
    /// A learner's file.
    pub fn file(&self, learner: &str) -> Result<&LearnerFile, TrainingError> {
        self.files
            .get(learner)
            .ok_or_else(|| TrainingError::UnknownLearner {
                learner: learner.chars().take(40).collect(),
            })
    }

    /// Adds a learner's file, or merges it into the one held (see the module docs): all or
    /// nothing.
    pub fn insert(&mut self, file: LearnerFile) -> Result<MergeOutcome, TrainingError> {
        file.check()?;
        let mut outcome = MergeOutcome::default();
        match self.files.get(&file.record.learner) {
            None => {
                outcome.add();
                self.files.insert(file.record.learner.clone(), file);
            }
            Some(held) => {
                let mut merged = held.clone();
                merge_file(&mut merged, &file, &mut outcome)?;
                merged.check()?;
                self.files.insert(file.record.learner.clone(), merged);
            }
        }
        Ok(outcome)
    }

    /// The learner's whole file as a [`PortableRecord`] JSON document for `destination`'s
    /// `role`, if the routing policy permits this establishment to send a
    /// [`RECORD_CATEGORY`] there (T-2); a refusal carries the decision's reason.
    pub fn export(
        &self,
        learner: &str,
        destination: &Organisation,
        role: &str,
        policy: &RoutingPolicy,
    ) -> Result<String, TrainingError> {
        let file = self.file(learner)?;
        let decision = decide(
            policy,
            &self.organisation,
            destination,
            role,
            RECORD_CATEGORY,
        );
        if !decision.allowed {
            return Err(TrainingError::ExportRefused {
                learner: file.record.learner.clone(),
                destination: destination.id.clone(),
                refusals: vec![(0, crate::routing::Refusal::Denied { decision })],
            });
        }
        let doc = PortableRecord {
            format: FORMAT.to_owned(),
            version: VERSION,
            source: self.organisation.clone(),
            destination: destination.clone(),
            role: role.to_owned(),
            file: file.clone(),
        };
        serde_json::to_string(&doc)
            .map_err(|e| TrainingError::malformed("learner record", format!("cannot write: {e}")))
    }

    /// Reads a [`PortableRecord`] document (any other format, version or shape is refused;
    /// the message never quotes the input) addressed to this establishment, and
    /// [`insert`](Self::insert)s its file. Importing the same document twice changes nothing.
    pub fn import(&mut self, json: &str) -> Result<MergeOutcome, TrainingError> {
        let doc = PortableRecord::from_json(json)?;
        if doc.destination.id != self.organisation.id
            || doc.destination.kind != self.organisation.kind
        {
            return Err(TrainingError::NotAddressedHere {
                destination: doc.destination.id.chars().take(40).collect(),
                here: self.organisation.id.clone(),
            });
        }
        self.insert(doc.file)
    }

    /// A page of the list (P-3) on `on`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ete_core::routing::{Organisation, RoutingPolicy};
    /// use ete_core::training::{Establishment, LearnerFile, ListQuery, TrainingRecord};
    ///
    /// let on = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    /// let mut hub = Establishment::new(Organisation::new("hub", "CAP"));
    /// hub.insert(LearnerFile::new(TrainingRecord::new("LRN-1", "SCH-1", "PRV-1", "2026-A", "CRS-1")))?;
    /// let page = hub.list(&ListQuery { school: Some("SCH-1".into()), ..ListQuery::default() }, on)?;
    /// assert_eq!(page.total, 1);
    /// let csv = hub.csv(&ListQuery::default(), on, false)?; // training-records.csv
    /// assert_eq!(csv.lines().count(), 2);
    /// let refused = hub.export("LRN-1", &Organisation::new("school", "SCH-1"), "dsl", &RoutingPolicy::default());
    /// assert!(refused.is_err()); // the default policy (T-1) lists no training_record category
    /// # Ok::<(), ete_core::training::TrainingError>(())
    /// ```
    pub fn list(&self, query: &ListQuery, on: NaiveDate) -> Result<RecordPage, TrainingError> {
        query.page(self.files.values(), on)
    }

    /// `training-records.csv` of every learner the query's filters match, in its sort
    /// (no paging), on `on` (P-4).
    pub fn csv(
        &self,
        query: &ListQuery,
        on: NaiveDate,
        redacted: bool,
    ) -> Result<String, TrainingError> {
        super::training_records_csv(&query.rows(self.files.values(), on), redacted)
    }

    /// Whether the learner needs an initial assessment in `subject` on `on` (P-6). A policy out
    /// of range is refused first ([`AssessmentPolicy::check`]).
    pub fn needs_assessment(
        &self,
        learner: &str,
        subject: &str,
        on: NaiveDate,
        policy: &AssessmentPolicy,
    ) -> Result<AssessmentNeed, TrainingError> {
        policy.check()?;
        Ok(policy.decide(&self.file(learner)?.record.assessments, subject, on))
    }

    /// The establishment as JSON (format [`ESTABLISHMENT_FORMAT`]).
    pub fn to_json(&self) -> Result<String, TrainingError> {
        serde_json::to_string(&WrittenEstablishment {
            format: ESTABLISHMENT_FORMAT,
            establishment: self,
        })
        .map_err(|e| TrainingError::malformed("establishment", format!("cannot write: {e}")))
    }

    /// Restores [`to_json`](Self::to_json)'s form; every file is checked and every register
    /// and placement replayed, their hash chains verified. Format 1 (no `format`) is read
    /// too; a newer format is refused.
    pub fn restore(json: &str) -> Result<Establishment, TrainingError> {
        // The format first: a newer one may not have today's shape.
        let version: FormatOnly = read_json("establishment", json)?;
        crate::format::check_version(
            "establishment",
            version.format.unwrap_or(1),
            ESTABLISHMENT_FORMAT,
        )
        .map_err(|reason| TrainingError::malformed("establishment", reason))?;
        let s: EstablishmentSnapshot = read_json("establishment", json)?;
        let e = Establishment {
            organisation: s.organisation,
            files: s.files,
        };
        for (learner, file) in &e.files {
            file.check()?;
            if *learner != file.record.learner {
                return Err(TrainingError::malformed(
                    "establishment",
                    "a file is filed under another learner",
                ));
            }
        }
        Ok(e)
    }
}

/// Reads JSON into `T`; the message names the kind of error and its place, never the input (a
/// serde message may quote a value, and a value may be a name).
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    what: &str,
    json: &str,
) -> Result<T, TrainingError> {
    crate::json::from_object(json).map_err(|e| {
        TrainingError::malformed(
            what,
            format!(
                "{:?} error at line {}, column {}",
                e.classify(),
                e.line(),
                e.column()
            ),
        )
    })
}

impl PortableRecord {
    /// Reads a document, refusing another format or version and checking the file.
    pub fn from_json(json: &str) -> Result<PortableRecord, TrainingError> {
        let doc: PortableRecord = read_json("learner record", json)?;
        if doc.format != FORMAT || doc.version != VERSION {
            return Err(TrainingError::malformed(
                "learner record",
                format!(
                    "expected format {FORMAT:?} version {VERSION}, got version {}",
                    doc.version
                ),
            ));
        }
        doc.file.check()?;
        Ok(doc)
    }
}

fn conflict(collection: &str, id: &str) -> TrainingError {
    TrainingError::Conflict {
        collection: collection.to_owned(),
        id: id.chars().take(40).collect(),
    }
}

/// Joins `incoming` into `held` by id: equal → nothing; absent → added; `resolve` decides
/// the rest (`Ok(Some(v))` replaces, `Ok(None)` keeps, `Err` conflicts).
fn join<T: Clone + PartialEq>(
    collection: &str,
    held: &mut Vec<T>,
    incoming: &[T],
    id: impl Fn(&T) -> &str,
    resolve: impl Fn(&T, &T) -> Option<T>,
    outcome: &mut MergeOutcome,
) -> Result<(), TrainingError> {
    for item in incoming {
        match held.iter().position(|h| id(h) == id(item)) {
            None => {
                held.push(item.clone());
                outcome.add();
            }
            Some(i) => {
                let Some(slot) = held.get_mut(i) else {
                    continue;
                };
                if *slot == *item {
                    continue;
                }
                match resolve(slot, item) {
                    Some(v) if v == *slot => {}
                    Some(v) => {
                        *slot = v;
                        outcome.update();
                    }
                    None => return Err(conflict(collection, id(item))),
                }
            }
        }
    }
    Ok(())
}

/// The longer of two histories when one is a prefix of the other.
fn longer<'a, E: PartialEq>(a: &'a [E], b: &'a [E]) -> Option<bool> {
    if b.starts_with(a) {
        Some(true)
    } else if a.starts_with(b) {
        Some(false)
    } else {
        None
    }
}

fn merge_file(
    held: &mut LearnerFile,
    incoming: &LearnerFile,
    outcome: &mut MergeOutcome,
) -> Result<(), TrainingError> {
    let (h, i): (&mut TrainingRecord, &TrainingRecord) = (&mut held.record, &incoming.record);
    for group in &i.unit_groups {
        for unit in &group.units {
            let slot = h
                .unit_groups
                .iter_mut()
                .flat_map(|g| g.units.iter_mut())
                .find(|u| u.id == unit.id);
            match slot {
                Some(held_unit) if *held_unit == *unit => {}
                Some(held_unit) => {
                    let further =
                        further_unit(held_unit, unit).ok_or_else(|| conflict("unit", &unit.id))?;
                    if further != *held_unit {
                        *held_unit = further;
                        outcome.update();
                    }
                }
                None => {
                    match h.unit_groups.iter_mut().find(|g| g.name == group.name) {
                        Some(g) => g.units.push(unit.clone()),
                        None => h.unit_groups.push(crate::training::UnitGroup {
                            name: group.name.clone(),
                            units: vec![unit.clone()],
                        }),
                    }
                    outcome.add();
                }
            }
        }
    }
    join(
        "appraisal",
        &mut h.appraisals,
        &i.appraisals,
        |a| &a.id,
        |_, _| None,
        outcome,
    )?;
    join(
        "assessment",
        &mut h.assessments,
        &i.assessments,
        |a| &a.id,
        |_, _| None,
        outcome,
    )?;
    join(
        "target",
        &mut h.targets,
        &i.targets,
        |t| &t.id,
        |a, b| {
            let mut a2 = a.clone();
            a2.achieved = b.achieved;
            (a2 == *b).then(|| {
                let mut t = a.clone();
                t.achieved = a.achieved || b.achieved;
                t
            })
        },
        outcome,
    )?;
    for note in &i.notes {
        if !h.notes.contains(note) {
            h.notes.push(note.clone());
            outcome.add();
        }
    }
    h.notes.sort_by_key(|n| n.at);
    for c in &i.details.emergency_contacts {
        if !h.details.emergency_contacts.contains(c) {
            h.details.emergency_contacts.push(c.clone());
            outcome.add();
        }
    }
    join(
        "register",
        &mut held.registers,
        &incoming.registers,
        |r: &Register| &r.lesson().id,
        |a, b| {
            let same_lesson = a.lesson() == b.lesson();
            match longer(a.events(), b.events()) {
                Some(true) if same_lesson => Some(b.clone()),
                Some(false) if same_lesson => Some(a.clone()),
                _ => None,
            }
        },
        outcome,
    )?;
    join(
        "placement",
        &mut held.placements,
        &incoming.placements,
        |p: &Placement| p.id(),
        |a, b| match longer(a.events(), b.events()) {
            Some(true) => Some(b.clone()),
            Some(false) => Some(a.clone()),
            None => None,
        },
        outcome,
    )
}

/// Two versions of a unit that differ only in progress: the one further along (P-5).
fn further_unit(
    a: &crate::training::CourseUnit,
    b: &crate::training::CourseUnit,
) -> Option<crate::training::CourseUnit> {
    let rank = |s: UnitStatus| s as u8;
    let mut same = a.clone();
    same.status = b.status;
    same.predicted_grade.clone_from(&b.predicted_grade);
    same.comments.clone_from(&b.comments);
    if same != *b {
        return None;
    }
    Some(if rank(b.status) > rank(a.status) {
        b.clone()
    } else {
        a.clone()
    })
}
