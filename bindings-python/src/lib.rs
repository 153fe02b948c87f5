//! Python bindings of ETE Core: the native module `ete_core._ete_core`, re-exported by the
//! `ete_core` package. Conversion and error mapping only; every rule lives in `ete-core`.

// Tests may use them too: clippy.toml allows them in tests.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod attendance;
mod columns;
mod completion;
mod convert;
mod credit;
mod errors;
mod ledger;
mod licences;
mod messages;
mod minutes;
mod register;
mod report;
mod routing;
mod shared;
mod staff;
mod training;

use pyo3::prelude::*;

/// The native module, declared inline so that its stubs can be generated from it
/// (`maturin build --generate-stubs`, pyo3's introspection).
#[pymodule]
mod _ete_core {
    use ete_core::hours::CreditReason;
    use ete_core::register::Mark;

    /// The package's version.
    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const __version__: &str = env!("CARGO_PKG_VERSION");
    /// The credit reasons' codes, in the order of the columnar API's reason codes.
    #[pymodule_export]
    const CREDIT_REASONS: [&str; CreditReason::CODES.len()] = CreditReason::CODES;
    /// The error kinds' names: `ete_core._errors` defines one exception class per kind.
    #[pymodule_export]
    const ERROR_KINDS: [&str; ete_core::ErrorKind::CODES.len()] = ete_core::ErrorKind::CODES;
    /// The marks' codes, in the order of the columnar API's mark codes.
    #[pymodule_export]
    const MARKS: [&str; Mark::CODES.len()] = Mark::CODES;

    #[pymodule_export]
    use crate::attendance::{
        contribution_summary, statutory_code, statutory_codes, statutory_csv, statutory_summary,
        summarise, summarise_contributions, unprocessed_absences,
    };
    #[pymodule_export]
    use crate::columns::{
        attendance_by_learner, credit_columns, credit_row, credit_rows, credit_table, ete_totals,
        ete_totals_table, find_repeats,
    };
    #[pymodule_export]
    use crate::completion::{read_completions_csv, read_completions_json};
    #[pymodule_export]
    use crate::credit::{allowance_cap, credit_against_requirements, credit_batch};
    #[pymodule_export]
    use crate::ledger::{PyRequirement, record_credits};
    #[pymodule_export]
    use crate::licences::{PyAccessSessions, PyLicencePool};
    #[pymodule_export]
    use crate::messages::{
        certificate_pdf, certificate_pdfs, courses_text, credit_reason_text, date_text,
        delivery_text, grouping_text, heading_text, mark_reason_text, minutes_text,
        ndelius_evidence_csv_in, notification_text, refusal_text, routing_reason_text,
    };
    #[pymodule_export]
    use crate::minutes::{apply_ratio, format_minutes, parse_minutes};
    #[pymodule_export]
    use crate::register::{PyRecordNotes, PyRegister};
    #[pymodule_export]
    use crate::report::{
        certificate, completion_report, delivery_against_target, ndelius_evidence_csv,
        practitioner_notifications,
    };
    #[pymodule_export]
    use crate::routing::{
        PyExchange, check_referral, copy_first_description, copy_first_recipient, copy_first_role,
        decide, destinations, plan_transfer,
    };
    #[pymodule_export]
    use crate::staff::{
        candidate_decision, feedback_due, mandatory_status, objectivity_conflicts, pqip_decision,
        task_decision, team_compliance, vacancy_decision, verification_check,
    };
    #[pymodule_export]
    use crate::training::{PyEstablishment, PyPlacement};
    #[pymodule_export]
    use ete_core::contribution::{Contribution, ContributionSummary};
    #[pymodule_export]
    use ete_core::hours::{
        Certificate, Completion, CompletionReport, Course, CreditDecision, CreditPolicy, Delivery,
        ExtraTimeAgreement, LedgerEntry, LedgerPolicy, ReadOutcome, Reject,
    };
    #[pymodule_export]
    use ete_core::language::LocalText;
    #[pymodule_export]
    use ete_core::register::{Actor, Entry, Lesson, MarkDecision, Note};
    #[pymodule_export]
    use ete_core::register::{AttendanceSummary, SummaryReport, UnprocessedAbsence};
    #[pymodule_export]
    use ete_core::routing::{
        Decision, FileRefusal, InboxItem, Organisation, Receipt, RoutingPolicy, TransferFile,
        TransferPlan,
    };
    #[pymodule_export]
    use ete_core::staff::{
        CandidateDecision, ComplianceReport, ComplianceRow, MandatoryStatus, MissingRequirement,
        Objectivity, PqipDecision, Programme, StaffPolicy, TaskDecision, VacancyDecision,
        VqAssessment,
    };
    #[pymodule_export]
    use ete_core::training::{
        AssessmentNeed, MergeOutcome, QualificationProgress, RecordPage, RecordRow,
    };
    // Aggregates and trust (issues 13, 14): the completion readers' date policy.
    #[pymodule_export]
    use crate::routing::verify_chain;
    #[pymodule_export]
    use ete_core::hours::ReadPolicy;
}
