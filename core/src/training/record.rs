//! A learner's training record (P-2) and the file an establishment holds for the learner: the
//! record, the learner's register slices (R-5..R-10) and placements (P-1).

#[cfg(feature = "python")]
use pyo3::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Fraction;
use crate::register::{Hidden, Note, Register};
use crate::training::error::TrainingError;
use crate::training::placement::Placement;

/// A unit's progress (P-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum UnitStatus {
    /// Not started.
    NotStarted,
    /// In progress.
    InProgress,
    /// Completed.
    Completed,
}

crate::codes!(UnitStatus, "unit status", "P-2", {
    NotStarted => "not_started",
    InProgress => "in_progress",
    Completed => "completed",
});

/// Personal data: the learner's name, birth date and emergency contacts. `Debug` shows none of
/// it.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct LearnerDetails {
    /// Forename.
    pub forename: String,
    /// Surname (the listing's surname filter and sort read it).
    pub surname: String,
    /// Date of birth.
    #[serde(default)]
    pub date_of_birth: Option<NaiveDate>,
    /// Emergency contacts, first the one to call first.
    #[serde(default)]
    pub emergency_contacts: Vec<EmergencyContact>,
}

impl fmt::Debug for LearnerDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LearnerDetails")
            .field("personal_data", &"<not shown>")
            .field("emergency_contacts", &self.emergency_contacts.len())
            .finish()
    }
}

/// An emergency contact: personal data, never shown by `Debug`.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct EmergencyContact {
    /// Name.
    pub name: String,
    /// Relationship to the learner.
    pub relationship: String,
    /// Telephone.
    pub phone: String,
}

impl fmt::Debug for EmergencyContact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmergencyContact(<not shown>)")
    }
}

/// A course unit (P-2). `counted: false` is CLM's "uncheck to remove from progression
/// statistics": the unit is kept but left out of progress. Comments are free text: `Debug`
/// shows their length.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct CourseUnit {
    /// The unit's id (unique in the record).
    pub id: String,
    /// Its title.
    pub title: String,
    /// The qualification it counts towards.
    pub qualification: String,
    /// Progress.
    pub status: UnitStatus,
    /// The predicted grade, when given.
    #[serde(default)]
    pub predicted_grade: Option<String>,
    /// The tutor's comments.
    #[serde(default)]
    pub comments: String,
    /// Whether it counts towards progression statistics.
    pub counted: bool,
}

impl CourseUnit {
    /// A counted unit without grade or comments.
    pub fn new(id: &str, title: &str, qualification: &str, status: UnitStatus) -> CourseUnit {
        CourseUnit {
            id: id.to_owned(),
            title: title.to_owned(),
            qualification: qualification.to_owned(),
            status,
            predicted_grade: None,
            comments: String::new(),
            counted: true,
        }
    }
}

impl fmt::Debug for CourseUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CourseUnit")
            .field("id", &self.id)
            .field("qualification", &self.qualification)
            .field("status", &self.status)
            .field("predicted_grade", &self.predicted_grade)
            .field("comments", &Hidden(&self.comments))
            .field("counted", &self.counted)
            .finish()
    }
}

/// A group of units (CLM's expandable parts of a course).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnitGroup {
    /// The group's name.
    pub name: String,
    /// Its units.
    pub units: Vec<CourseUnit>,
}

/// A tutor appraisal (P-2): author (a staff id), date and text (not shown by `Debug`).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct Appraisal {
    /// The appraisal's id.
    pub id: String,
    /// The tutor's staff id.
    pub author: String,
    /// The date.
    pub on: NaiveDate,
    /// The text.
    pub text: String,
}

impl fmt::Debug for Appraisal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Appraisal")
            .field("id", &self.id)
            .field("author", &self.author)
            .field("on", &self.on)
            .field("text", &Hidden(&self.text))
            .finish()
    }
}

/// An initial assessment (P-2, P-6): subject, date, outcome (free text, not shown by `Debug`),
/// level (optional: CLM leaves it blank) and the provider that assessed.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct Assessment {
    /// The assessment's id.
    pub id: String,
    /// The subject (e.g. `Mathematics`).
    pub subject: String,
    /// The date.
    pub on: NaiveDate,
    /// The outcome.
    pub outcome: String,
    /// The level, when given.
    #[serde(default)]
    pub level: Option<String>,
    /// The provider (or establishment) that assessed.
    pub provider: String,
}

impl fmt::Debug for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Assessment")
            .field("id", &self.id)
            .field("subject", &self.subject)
            .field("on", &self.on)
            .field("outcome", &Hidden(&self.outcome))
            .field("level", &self.level)
            .field("provider", &self.provider)
            .finish()
    }
}

/// A non-academic target (P-2): overdue after its target date while not achieved.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct NonAcademicTarget {
    /// The target's id.
    pub id: String,
    /// What it is (free text, not shown by `Debug`).
    pub description: String,
    /// When it was set.
    pub set_on: NaiveDate,
    /// When it is due.
    pub target_on: NaiveDate,
    /// Whether it has been achieved.
    pub achieved: bool,
}

impl NonAcademicTarget {
    /// Not achieved, and `on` is after the target date.
    pub fn overdue(&self, on: NaiveDate) -> bool {
        !self.achieved && on > self.target_on
    }
}

impl fmt::Debug for NonAcademicTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NonAcademicTarget")
            .field("id", &self.id)
            .field("description", &Hidden(&self.description))
            .field("set_on", &self.set_on)
            .field("target_on", &self.target_on)
            .field("achieved", &self.achieved)
            .finish()
    }
}

/// Progress towards one qualification (P-2): completed units of the counted ones, an exact
/// fraction ([`fraction`](Self::fraction)).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QualificationProgress {
    /// The qualification.
    pub qualification: String,
    /// Counted units completed.
    pub completed: u64,
    /// Units counted towards progression.
    pub counted: u64,
}

impl QualificationProgress {
    /// `completed / counted`, or `None` when no unit counts.
    pub fn fraction(&self) -> Option<Fraction> {
        Fraction::new(
            i64::try_from(self.completed).unwrap_or(i64::MAX),
            self.counted,
        )
        .ok()
    }
}

/// A learner's training record (P-2). The summaries of attendance and contribution come from
/// the registers a [`LearnerFile`] holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TrainingRecord {
    /// The learner's id.
    pub learner: String,
    /// Personal data.
    #[serde(default)]
    pub details: LearnerDetails,
    /// The school's id.
    pub school: String,
    /// The provider's id.
    pub provider: String,
    /// The cohort.
    pub cohort: String,
    /// The course.
    pub course: String,
    /// Units in groups.
    #[serde(default)]
    pub unit_groups: Vec<UnitGroup>,
    /// Tutor appraisals (any order; [`appraisals`](Self::appraisals) gives latest first).
    #[serde(default)]
    pub appraisals: Vec<Appraisal>,
    /// Initial assessments.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Non-academic targets.
    #[serde(default)]
    pub targets: Vec<NonAcademicTarget>,
    /// Miscellaneous notes on the record itself; attendance notes stay on the registers.
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl TrainingRecord {
    /// An empty record.
    pub fn new(learner: &str, school: &str, provider: &str, cohort: &str, course: &str) -> Self {
        TrainingRecord {
            learner: learner.to_owned(),
            details: LearnerDetails::default(),
            school: school.to_owned(),
            provider: provider.to_owned(),
            cohort: cohort.to_owned(),
            course: course.to_owned(),
            unit_groups: Vec::new(),
            appraisals: Vec::new(),
            assessments: Vec::new(),
            targets: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Every unit, group by group.
    pub fn units(&self) -> impl Iterator<Item = &CourseUnit> {
        self.unit_groups.iter().flat_map(|g| g.units.iter())
    }

    /// Progress per qualification, by qualification, over the counted units only (P-2).
    pub fn progress(&self) -> Vec<QualificationProgress> {
        let mut by: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for unit in self.units() {
            let slot = by.entry(unit.qualification.as_str()).or_default();
            if unit.counted {
                slot.1 = slot.1.saturating_add(1);
                if unit.status == UnitStatus::Completed {
                    slot.0 = slot.0.saturating_add(1);
                }
            }
        }
        by.into_iter()
            .map(|(q, (completed, counted))| QualificationProgress {
                qualification: q.to_owned(),
                completed,
                counted,
            })
            .collect()
    }

    /// Counted units completed, and counted units, over every qualification.
    pub fn units_completed(&self) -> (u64, u64) {
        self.progress().iter().fold((0, 0), |(c, n), p| {
            (c.saturating_add(p.completed), n.saturating_add(p.counted))
        })
    }

    /// The appraisals, latest first (same date: by id).
    pub fn appraisals(&self) -> Vec<&Appraisal> {
        let mut out: Vec<&Appraisal> = self.appraisals.iter().collect();
        out.sort_by(|a, b| b.on.cmp(&a.on).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// The targets overdue on `on`: not achieved, target date passed.
    pub fn overdue_targets(&self, on: NaiveDate) -> Vec<&NonAcademicTarget> {
        self.targets.iter().filter(|t| t.overdue(on)).collect()
    }

    /// Checks the record: a learner id; ids unique in each collection (units across groups);
    /// a target set no later than it is due; notes about this learner; every date plausible
    /// (a date of birth from 1900-01-01, any other from 2000-01-01, all to 2100-12-31).
    pub fn check(&self) -> Result<(), TrainingError> {
        if self.learner.trim().is_empty() {
            return Err(TrainingError::field("learner", "", "must not be empty"));
        }
        unique("unit", self.units().map(|u| u.id.as_str()))?;
        unique("appraisal", self.appraisals.iter().map(|a| a.id.as_str()))?;
        unique("assessment", self.assessments.iter().map(|a| a.id.as_str()))?;
        unique("target", self.targets.iter().map(|t| t.id.as_str()))?;
        self.check_dates()?;
        if let Some(t) = self.targets.iter().find(|t| t.target_on < t.set_on) {
            return Err(TrainingError::field(
                "target",
                t.id.clone(),
                format!(
                    "due {} before it was set on {} (P-2)",
                    t.target_on, t.set_on
                ),
            ));
        }
        if self.notes.iter().any(|n| n.learner != self.learner) {
            return Err(TrainingError::field(
                "notes",
                self.learner.clone(),
                "a note on the record names another learner (R-5)",
            ));
        }
        Ok(())
    }
}

impl TrainingRecord {
    /// Checks that every date is plausible, by the reading policy's default range
    /// ([`crate::hours::ReadPolicy`], issue 14 item 5): a date of birth from 1900-01-01, any
    /// other date from 2000-01-01, all to 2100-12-31. A date of birth is personal data: its
    /// refusal names the learner and the field, never the date.
    fn check_dates(&self) -> Result<(), TrainingError> {
        let policy = crate::hours::ReadPolicy::default();
        let learner = self.learner.chars().take(40).collect::<String>();
        if let Some(born) = self.details.date_of_birth
            && (born < policy.earliest_birth || born > policy.latest)
        {
            return Err(TrainingError::field(
                "dateOfBirth",
                "",
                format!(
                    "learner {learner}: an implausible date of birth (not shown): accepted \
                     {} to {}",
                    policy.earliest_birth, policy.latest
                ),
            ));
        }
        let dates = self
            .appraisals
            .iter()
            .map(|a| ("appraisal", a.id.as_str(), "on", a.on))
            .chain(
                self.assessments
                    .iter()
                    .map(|a| ("assessment", a.id.as_str(), "on", a.on)),
            )
            .chain(self.targets.iter().flat_map(|t| {
                [
                    ("target", t.id.as_str(), "setOn", t.set_on),
                    ("target", t.id.as_str(), "targetOn", t.target_on),
                ]
            }));
        for (what, id, field, on) in dates {
            if on < policy.earliest || on > policy.latest {
                return Err(TrainingError::field(
                    field,
                    on.to_string(),
                    format!(
                        "learner {learner}, {what} {}: an implausible date: accepted {} to {}",
                        id.chars().take(40).collect::<String>(),
                        policy.earliest,
                        policy.latest
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), TrainingError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            return Err(TrainingError::field(what, "", "an id must not be empty"));
        }
        if !seen.insert(id) {
            return Err(TrainingError::field(what, id, "the id appears twice"));
        }
    }
    Ok(())
}

/// The learner's slice of some registers: for each register the learner is on, the same
/// lesson with only the learner's entry, events and attendance notes, rebuilt by
/// [`Register::replay`] so each slice is checked.
pub fn learner_registers(
    registers: &[Register],
    learner: &str,
) -> Result<Vec<Register>, TrainingError> {
    registers
        .iter()
        .filter(|r| r.entry(learner).is_some())
        .map(|r| {
            let events: Vec<_> = r
                .events()
                .iter()
                .filter(|e| e.learner == learner)
                .cloned()
                .collect();
            Register::replay(r.lesson().clone(), &[learner.to_owned()], &events).map_err(|e| {
                TrainingError::malformed("register", format!("lesson {}: {e}", r.lesson().id))
            })
        })
        .collect()
}

/// What an establishment holds for one learner: the record, the learner's register slices
/// ([`learner_registers`]) and placements. It is what moves between establishments (P-5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LearnerFile {
    /// The training record.
    pub record: TrainingRecord,
    /// The learner's register slices, one per lesson.
    #[serde(default)]
    pub registers: Vec<Register>,
    /// The learner's placements.
    #[serde(default)]
    pub placements: Vec<Placement>,
}

impl LearnerFile {
    /// A file for a record alone.
    pub fn new(record: TrainingRecord) -> LearnerFile {
        LearnerFile {
            record,
            registers: Vec::new(),
            placements: Vec::new(),
        }
    }

    /// Checks the record, that every register slice holds this learner only and each lesson
    /// once, and that every placement is this learner's, each id once.
    pub fn check(&self) -> Result<(), TrainingError> {
        self.record.check()?;
        let learner = self.record.learner.as_str();
        for r in &self.registers {
            if r.entries().len() != 1 || r.entry(learner).is_none() {
                return Err(TrainingError::field(
                    "registers",
                    r.lesson().id.clone(),
                    "a register slice holds the learner's entry only (P-5)",
                ));
            }
        }
        unique(
            "register",
            self.registers.iter().map(|r| r.lesson().id.as_str()),
        )?;
        if let Some(p) = self.placements.iter().find(|p| p.learner() != learner) {
            return Err(TrainingError::field(
                "placements",
                p.id(),
                "the placement is another learner's",
            ));
        }
        unique("placement", self.placements.iter().map(Placement::id))
    }

    /// Reads a file from its JSON form and checks it ([`check`](Self::check)); every register
    /// slice and placement is replayed. The message never quotes the input.
    pub fn from_json(json: &str) -> Result<LearnerFile, TrainingError> {
        let file: LearnerFile = crate::training::portable::read_json("learner file", json)?;
        file.check()?;
        Ok(file)
    }

    /// The file as JSON.
    pub fn to_json(&self) -> Result<String, TrainingError> {
        serde_json::to_string(self)
            .map_err(|e| TrainingError::malformed("learner file", format!("cannot write: {e}")))
    }

    /// The notes the record shows, oldest first: its own and the attendance notes.
    pub fn notes(&self) -> Vec<Note> {
        let mut all: Vec<Note> = self.record.notes.clone();
        all.extend(
            self.registers
                .iter()
                .flat_map(|r| r.notes().iter().cloned()),
        );
        all.sort_by_key(|n| n.at);
        all
    }

    /// The latest placement (by referral date, then id), if any.
    pub fn latest_placement(&self) -> Option<&Placement> {
        self.placements
            .iter()
            .filter(|p| p.application().is_some())
            .max_by(|a, b| {
                let key = |p: &&Placement| p.application().map(|a| a.referral_on);
                key(a).cmp(&key(b)).then_with(|| a.id().cmp(b.id()))
            })
    }
}
