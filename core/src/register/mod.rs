//! Registers and attendance ([rules](crate::rules) §3, R-1..R-8), with contribution scores (R-9, R-10) in
//! [`crate::contribution`].
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ete_core::register::*;
//!
//! let lesson = Lesson { id: "L-1".into(), provider: "PRV-1".into(),
//!     starts_at: Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
//!     ends_at: Utc.with_ymd_and_hms(2026, 11, 24, 11, 0, 0).unwrap() };
//! let mut register = Register::new(lesson, &["LRN-1".into()])?;
//! let provider = Actor::new(Role::Provider, "TUTOR-3");
//! let after = Utc.with_ymd_and_hms(2026, 11, 24, 11, 5, 0).unwrap();
//! // A provider may never authorise an absence (R-2) ...
//! let d = register.check(&provider, "LRN-1", Mark::AuthorisedAbsence, after);
//! assert!(!d.allowed);
//! // ... but marks it unexplained for the school to process.
//! register.mark(&provider, "LRN-1", Mark::UnexplainedAbsence, after)?;
//! register.mark(&Actor::new(Role::School, "SCH-OFFICE"), "LRN-1", Mark::UnauthorisedAbsence, after)?;
//! let entry = register.entry("LRN-1").unwrap();
//! assert_eq!((entry.provider_mark, entry.school_decision), (Some(Mark::UnexplainedAbsence), Some(Mark::UnauthorisedAbsence)));
//! # Ok::<(), RegisterError>(())
//! ```

mod events;
mod mark;
mod notes;
#[allow(clippy::module_inception)]
mod register;
mod statutory;
mod summary;

pub(crate) use events::Hidden;
pub use events::{
    RegisterAction as Action, RegisterCommand as Command, RegisterEvent as Event,
    RegisterEventKind as EventKind,
};
pub use mark::{Actor, Mark, Role};
pub use notes::RecordNotes;
pub use register::{
    Entry, Field, Lesson, MarkDecision, MarkReason, Note, REGISTER_FORMAT, Register, RegisterError,
};
pub use statutory::{
    CodeSessions, MarkCategories, REGULATIONS_2024, STATUTORY_CODES, StatutoryCategory,
    StatutoryCode, StatutoryError, StatutoryFigures, StatutoryReport, StatutoryTally,
    statutory_code_info, statutory_csv, statutory_summary,
};
pub use summary::{
    AbsenceFlags, AttendanceSummary, MarkTally, Rates, Scope, StatutoryPolicy, SummaryReport,
    UnprocessedAbsence, contribution_summary, summarise, unprocessed_absences,
};
