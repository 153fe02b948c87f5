//! Training records and placements (P-1..P-6) for Kotlin: a `Placement` and an `Establishment`
//! safe to share between threads. Core's own types cross as they are (commands, events, the
//! record and its parts, rows, pages, outcomes, assessment answers); a learner's file crosses as
//! core's JSON form. Learner details are left out of every `toString` (core's `Debug`).

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use ete_core::register::Note;
use ete_core::routing::{Organisation, ReferralPolicy};
use ete_core::training::{
    self, Appraisal, AssessmentNeed, AssessmentPolicy, LearnerFile, ListQuery, MergeOutcome,
    NonAcademicTarget, PlacementCommand, PlacementEvent, PlacementStatus, QualificationProgress,
    RecordPage, RecordRow, TrainingRecord,
};

use crate::EteError;
use crate::register::poisoned;
use crate::routing::RoutingPolicy;

/// Reads a placement command from its JSON form (core's: `{"id", "actor", "at", "action":
/// {"type": ...}}`).
#[uniffi::export]
pub fn placement_command_from_json(json: String) -> Result<PlacementCommand, EteError> {
    Ok(PlacementCommand::from_json(&json)?)
}

/// A learner's placement (P-1), safe to share between threads; a refusal changes nothing.
#[derive(uniffi::Object)]
pub struct Placement {
    inner: Mutex<training::Placement>,
}

impl Placement {
    fn lock(&self) -> Result<MutexGuard<'_, training::Placement>, EteError> {
        self.inner.lock().map_err(|_| poisoned("placement"))
    }
}

#[uniffi::export]
impl Placement {
    /// A placement not yet applied for; `riskAssessmentMonths` is T-8's limit (default 3).
    #[uniffi::constructor(default(risk_assessment_months = None))]
    pub fn new(
        id: String,
        learner: String,
        risk_assessment_months: Option<u32>,
    ) -> Result<Arc<Placement>, EteError> {
        let policy =
            risk_assessment_months.map_or_else(ReferralPolicy::default, |m| ReferralPolicy {
                risk_assessment_months: m,
            });
        Ok(Arc::new(Placement {
            inner: Mutex::new(training::Placement::new(id, learner, policy)?),
        }))
    }
    /// Runs a command: its event, none for a retried id, or a refusal (state unchanged).
    pub fn execute(&self, command: PlacementCommand) -> Result<Vec<PlacementEvent>, EteError> {
        Ok(self.lock()?.execute(&command)?)
    }
    /// Where it stands; null before the application.
    pub fn status(&self) -> Result<Option<PlacementStatus>, EteError> {
        Ok(self.lock()?.status())
    }
    /// Every event, oldest first.
    pub fn events(&self) -> Result<Vec<PlacementEvent>, EteError> {
        Ok(self.lock()?.events().to_vec())
    }
    /// The head hash of the events' chain: publish it; a rewritten log is caught against it.
    pub fn head_hash(&self) -> Result<String, EteError> {
        Ok(self.lock()?.head_hash())
    }
    /// The snapshot as JSON (with its format and the events' hash chain).
    pub fn to_json(&self) -> Result<String, EteError> {
        Ok(self.lock()?.to_json()?)
    }
    /// Restores `toJson`'s form: its hash chain checked, its events replayed.
    #[uniffi::constructor]
    pub fn restore(json: String) -> Result<Arc<Placement>, EteError> {
        Ok(Arc::new(Placement {
            inner: Mutex::new(training::Placement::restore(&json)?),
        }))
    }
}

/// The training records one establishment holds (P-2..P-6), safe to share between threads.
#[derive(uniffi::Object)]
pub struct Establishment {
    inner: Mutex<training::Establishment>,
}

impl Establishment {
    fn lock(&self) -> Result<MutexGuard<'_, training::Establishment>, EteError> {
        self.inner.lock().map_err(|_| poisoned("establishment"))
    }
    fn with_file<R>(
        &self,
        learner: &str,
        f: impl FnOnce(&LearnerFile) -> R,
    ) -> Result<R, EteError> {
        Ok(f(self.lock()?.file(learner)?))
    }
}

#[uniffi::export]
impl Establishment {
    /// An establishment holding nothing.
    #[uniffi::constructor]
    pub fn new(organisation: Organisation) -> Arc<Establishment> {
        Arc::new(Establishment {
            inner: Mutex::new(training::Establishment::new(organisation)),
        })
    }
    /// Adds a learner's file (JSON), or merges it into the one held: all or nothing.
    pub fn insert(&self, file: String) -> Result<MergeOutcome, EteError> {
        let file = LearnerFile::from_json(&file)?;
        Ok(self.lock()?.insert(file)?)
    }
    /// Imports a learner-record document addressed here (P-5); twice changes nothing.
    pub fn import_record(&self, document: String) -> Result<MergeOutcome, EteError> {
        Ok(self.lock()?.import(&document)?)
    }
    /// The learner's record as a document for `destination`'s `role`, if the policy permits
    /// (T-2); else `EteException.TransferRefused` with the refusal.
    pub fn export_record(
        &self,
        learner: String,
        destination: Organisation,
        role: String,
        policy: Arc<RoutingPolicy>,
    ) -> Result<String, EteError> {
        Ok(self
            .lock()?
            .export(&learner, &destination, &role, &policy.inner)?)
    }
    /// The learners held, by id.
    pub fn learners(&self) -> Result<Vec<String>, EteError> {
        Ok(self.lock()?.files().keys().cloned().collect())
    }
    /// A learner's file as JSON.
    pub fn file_json(&self, learner: String) -> Result<String, EteError> {
        Ok(self.with_file(&learner, LearnerFile::to_json)??)
    }
    /// A learner's training record.
    pub fn record(&self, learner: String) -> Result<TrainingRecord, EteError> {
        self.with_file(&learner, |f| f.record.clone())
    }
    /// Progress per qualification over the counted units (P-2).
    pub fn progress(&self, learner: String) -> Result<Vec<QualificationProgress>, EteError> {
        self.with_file(&learner, |f| f.record.progress())
    }
    /// The tutor appraisals, latest first.
    pub fn appraisals(&self, learner: String) -> Result<Vec<Appraisal>, EteError> {
        self.with_file(&learner, |f| {
            f.record.appraisals().into_iter().cloned().collect()
        })
    }
    /// The targets overdue on `on`.
    pub fn overdue_targets(
        &self,
        learner: String,
        on: NaiveDate,
    ) -> Result<Vec<NonAcademicTarget>, EteError> {
        self.with_file(&learner, |f| {
            f.record.overdue_targets(on).into_iter().cloned().collect()
        })
    }
    /// The notes the record shows (its own and the attendance notes, R-5), oldest first.
    pub fn notes(&self, learner: String) -> Result<Vec<Note>, EteError> {
        self.with_file(&learner, LearnerFile::notes)
    }
    /// The learner's row on `on` (the list's line and the CSV's row).
    pub fn row(&self, learner: String, on: NaiveDate) -> Result<RecordRow, EteError> {
        self.with_file(&learner, |f| f.row(on))
    }
    /// A page of the list (P-3).
    pub fn list_records(&self, query: ListQuery, on: NaiveDate) -> Result<RecordPage, EteError> {
        Ok(self.lock()?.list(&query, on)?)
    }
    /// `training-records.csv` of every learner the query's filters match, in its sort (P-4).
    pub fn csv(&self, query: ListQuery, on: NaiveDate, redacted: bool) -> Result<String, EteError> {
        Ok(self.lock()?.csv(&query, on, redacted)?)
    }
    /// Reuse an initial assessment in `subject`, or assess (P-6).
    pub fn needs_assessment(
        &self,
        learner: String,
        subject: String,
        on: NaiveDate,
        policy: AssessmentPolicy,
    ) -> Result<AssessmentNeed, EteError> {
        Ok(self
            .lock()?
            .needs_assessment(&learner, &subject, on, &policy)?)
    }
    /// The establishment as JSON.
    pub fn to_json(&self) -> Result<String, EteError> {
        Ok(self.lock()?.to_json()?)
    }
    /// Restores `toJson`'s form, checking every file.
    #[uniffi::constructor]
    pub fn restore(json: String) -> Result<Arc<Establishment>, EteError> {
        Ok(Arc::new(Establishment {
            inner: Mutex::new(training::Establishment::restore(&json)?),
        }))
    }
}
