//! Text in a person's language (W-1) and printable certificates (H-15, W-2) for Kotlin: each
//! function calls `ete-messages` or `ete-certificates` once.

use std::collections::HashMap;

use chrono::NaiveDate;
use ete_core::Minutes;
use ete_core::hours::{
    self, Certificate, CompletionFields, CreditDecision, CreditReason, Delivery, Grouping,
    Notification,
};
use ete_core::language::LocalText;
use ete_core::register::MarkReason;
use ete_core::routing::{Reason, Refusal};

use crate::EteError;
use crate::completion::checked;

/// A credit reason as a sentence in `language` (a BCP-47 tag; unknown → English, `fellBack`).
#[uniffi::export]
pub fn credit_reason_text(reason: CreditReason, language: String) -> LocalText {
    ete_messages::credit_reason_text(reason, &language)
}

/// Why a route is allowed or denied, in `language`.
#[uniffi::export]
pub fn routing_reason_text(reason: Reason, language: String) -> LocalText {
    ete_messages::routing_reason_text(&reason, &language)
}

/// Why a file cannot be sent, in `language`.
#[uniffi::export]
pub fn refusal_text(refusal: Refusal, language: String) -> LocalText {
    ete_messages::refusal_text(&refusal, &language)
}

/// Whether a role may set a register mark, and why not, in `language`.
#[uniffi::export]
pub fn mark_reason_text(reason: MarkReason, language: String) -> LocalText {
    ete_messages::mark_reason_text(&reason, &language)
}

/// A report column's heading in `language`; null for a code that is no report column.
#[uniffi::export]
pub fn heading_text(column: String, language: String) -> Option<LocalText> {
    ete_messages::heading_text(&column, &language)
}

/// A report grouping's name in `language`.
#[uniffi::export]
pub fn grouping_text(grouping: Grouping, language: String) -> LocalText {
    ete_messages::grouping_text(grouping, &language)
}

/// Whole minutes in words with the language's plural forms ("2 awr 30 munud").
#[uniffi::export]
pub fn minutes_text(minutes: Minutes, language: String) -> LocalText {
    ete_messages::minutes_text(minutes, &language)
}

/// A number of courses in words with the language's plural forms ("5 kursów").
#[uniffi::export]
pub fn courses_text(count: u64, language: String) -> LocalText {
    ete_messages::courses_text(count, &language)
}

/// A date as the language writes it ("2 Tachwedd 2026").
#[uniffi::export]
pub fn date_text(date: NaiveDate, language: String) -> LocalText {
    ete_messages::date_text(date, &language)
}

/// What a practitioner is told about their people's completions, in `language` (H-14).
#[uniffi::export]
pub fn notification_text(notification: Notification, language: String) -> LocalText {
    ete_messages::notification_text(&notification, &language)
}

/// A region's delivery against its target in `language` (H-16).
#[uniffi::export]
pub fn delivery_text(delivery: Delivery, language: String) -> LocalText {
    ete_messages::delivery_text(&delivery, &language)
}

/// The nDelius evidence CSV with its notes in `language` (columns, codes and HH:MM unchanged).
#[uniffi::export]
pub fn ndelius_evidence_csv_in(
    decisions: Vec<CreditDecision>,
    language: String,
) -> Result<String, EteError> {
    Ok(ete_messages::evidence_csv(&decisions, &language)?)
}

/// The certificate as a one-page A4 PDF in `language` (H-15, W-2); Kotlin also has it as
/// `certificate.toPdf(language)`.
#[uniffi::export]
pub fn certificate_pdf(certificate: Certificate, language: String) -> Result<Vec<u8>, EteError> {
    Ok(ete_certificates::pdf(&certificate, &language)?)
}

/// One certificate PDF of a batch, and the file name to save it under.
#[derive(uniffi::Record)]
pub struct CertificatePdf {
    /// `PERSONREF_DATE_POSITION.pdf` (the person's reference, never the name).
    pub file_name: String,
    /// The PDF.
    pub pdf: Vec<u8>,
}

/// One PDF per credited completion, each in its person's language (`languages` maps person
/// references to tags; everyone else gets `defaultLanguage`).
#[uniffi::export]
pub fn certificate_pdfs(
    completions: Vec<CompletionFields>,
    decisions: Vec<CreditDecision>,
    languages: HashMap<String, String>,
    default_language: String,
) -> Result<Vec<CertificatePdf>, EteError> {
    let completions: Vec<hours::Completion> = checked(completions)?;
    Ok(
        ete_certificates::batch(&completions, &decisions, &languages, &default_language)?
            .into_iter()
            .map(|f| CertificatePdf {
                file_name: f.file_name,
                pdf: f.pdf,
            })
            .collect(),
    )
}
