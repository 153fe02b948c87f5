//! Training records and placements ([rules](crate::rules) §5, P-1..P-6; seeds 001 and 002):
//! the page a school and a provider open for each learner, its listing and the
//! `training-records.csv` mail-merge export, placements from application to withdrawal or
//! completion, and a learner's whole record as one versioned document that moves between
//! establishments without loss.
//!
//! - [`Placement`]: an aggregate in the house pattern ([`Aggregate`](crate::Aggregate)):
//!   application (T-8 checked), accepted, started, withdrawn (every question required) or
//!   completed.
//! - [`TrainingRecord`]: units in groups, progress per qualification as exact fractions,
//!   appraisals (latest first), initial assessments, non-academic targets, notes (R-5). A
//!   [`LearnerFile`] adds the learner's register slices and placements, from which the
//!   attendance (R-7) and contribution (R-10) summaries are computed by
//!   [`register`](crate::register)'s own functions.
//! - [`ListQuery`] / [`RecordPage`]: filters, sort and pages (P-3); [`training_records_csv`]
//!   (P-4).
//! - [`Establishment`]: the records one establishment holds; [`Establishment::export`] passes
//!   through the routing policy (T-2), [`Establishment::import`] merges without duplicates
//!   (P-5); [`Establishment::needs_assessment`] (P-6).
//!
//! Learner details, emergency contacts and free text (appraisals, comments, outcomes, target
//! descriptions, withdrawal reasons) are personal data: no `Debug`, `Display` or error shows
//! them.
//!
//! ```
//! use chrono::NaiveDate;
//! use ete_core::training::*;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let mut record = TrainingRecord::new("LRN-1", "SCH-1", "PRV-1", "2026-A", "Construction");
//! record.unit_groups.push(UnitGroup { name: "Level 1".into(), units: vec![
//!     CourseUnit::new("U1", "Health and safety", "L1-CONS", UnitStatus::Completed),
//!     CourseUnit::new("U2", "Bricklaying", "L1-CONS", UnitStatus::InProgress),
//!     CourseUnit { counted: false, ..CourseUnit::new("U3", "Plastering", "L1-CONS", UnitStatus::NotStarted) },
//! ] });
//! let progress = record.progress();
//! assert_eq!((progress[0].completed, progress[0].counted), (1, 2));
//! assert!(format!("{record:?}").contains("LRN-1"));
//! # let _ = d;
//! ```

mod error;
mod export;
mod listing;
mod placement;
mod portable;
mod record;

pub use error::TrainingError;
pub use export::{COLUMNS, Column, training_records_csv};
pub use listing::{ListQuery, RecordPage, RecordRow, SortKey};
pub use placement::{
    PLACEMENT_FORMAT, Placement, PlacementAction, PlacementApplication, PlacementCommand,
    PlacementEvent, PlacementEventKind, PlacementStatus, Tier, WithdrawalForm,
};
pub use portable::{
    AssessmentNeed, AssessmentPolicy, ESTABLISHMENT_FORMAT, Establishment, FORMAT, MergeOutcome,
    NeedDecision, PortableRecord, RECORD_CATEGORY, VERSION,
};
pub use record::{
    Appraisal, Assessment, CourseUnit, EmergencyContact, LearnerDetails, LearnerFile,
    NonAcademicTarget, QualificationProgress, TrainingRecord, UnitGroup, UnitStatus,
    learner_registers,
};
