//! Extra-time agreements (H-6).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::hours::RecordError;
use crate::hours::policy::MAX_ALLOWANCE_PERCENT;
#[cfg(feature = "python")]
use pyo3::prelude::*;

/// Why extra time was agreed: a category, never free-text health data (H-6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AgreementCategory {
    /// Neurodiversity (e.g. dyslexia, ADHD, autism).
    Neurodiversity,
    /// A learning difficulty or disability.
    LearningDisability,
    /// A physical or sensory need that slows work on screen.
    PhysicalOrSensory,
    /// Reading or language support (e.g. English as an additional language).
    LanguageSupport,
    /// Any other need the practitioner has recorded elsewhere.
    Other,
}

crate::codes!(AgreementCategory, "agreement category", {
    Neurodiversity => "neurodiversity",
    LearningDisability => "learning_disability",
    PhysicalOrSensory => "physical_or_sensory",
    LanguageSupport => "language_support",
    Other => "other",
});

/// A practitioner's agreement that a person gets extra time on courses (H-6).
///
/// It applies to completions whose local date (see
/// [`Completion::local_date`](crate::hours::Completion::local_date)) is on or after `agreed_on`.
/// The allowance is the agreement's own percentage when it has one, otherwise the policy's
/// (default 20%).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "AgreementFields", into = "AgreementFields")]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, eq, hash, from_py_object)
)]
pub struct ExtraTimeAgreement {
    fields: AgreementFields,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
/// An agreement's fields as given, before they are checked: what crosses an FFI boundary.
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "ExtraTimeAgreement")
)]
pub struct AgreementFields {
    person_ref: String,
    agreed_by: String,
    agreed_on: NaiveDate,
    category: AgreementCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    allowance_percent: Option<u32>,
}

impl TryFrom<AgreementFields> for ExtraTimeAgreement {
    type Error = RecordError;
    fn try_from(f: AgreementFields) -> Result<ExtraTimeAgreement, RecordError> {
        ExtraTimeAgreement::new(
            f.person_ref,
            f.agreed_by,
            f.agreed_on,
            f.category,
            f.allowance_percent,
        )
    }
}

impl From<ExtraTimeAgreement> for AgreementFields {
    fn from(a: ExtraTimeAgreement) -> AgreementFields {
        a.fields
    }
}

/// For example:
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::hours::{AgreementCategory, ExtraTimeAgreement};
///
/// let a = ExtraTimeAgreement::new("P-1001", "PR-17",
///     NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), AgreementCategory::Neurodiversity, None)?;
/// assert_eq!(a.person_ref(), "P-1001");
/// # Ok::<(), ete_core::hours::RecordError>(())
/// ```
impl ExtraTimeAgreement {
    /// An agreement for `person_ref`, made by practitioner `agreed_by` on `agreed_on`.
    ///
    /// Errors when either id is empty or the percentage is above 100.
    pub fn new(
        person_ref: impl Into<String>,
        agreed_by: impl Into<String>,
        agreed_on: NaiveDate,
        category: AgreementCategory,
        allowance_percent: Option<u32>,
    ) -> Result<ExtraTimeAgreement, RecordError> {
        let person_ref = person_ref.into();
        let agreed_by = agreed_by.into();
        if person_ref.trim().is_empty() {
            return Err(RecordError::field(
                "personRef",
                &person_ref,
                "an agreement names the person (H-6)",
            ));
        }
        if agreed_by.trim().is_empty() {
            return Err(RecordError::field(
                "agreedBy",
                &agreed_by,
                "an agreement names the practitioner (H-6)",
            ));
        }
        if let Some(p) = allowance_percent.filter(|p| *p > MAX_ALLOWANCE_PERCENT) {
            return Err(RecordError::field(
                "allowancePercent",
                &p.to_string(),
                "an extra-time allowance is at most 100% (H-5)",
            ));
        }
        Ok(ExtraTimeAgreement {
            fields: AgreementFields {
                person_ref,
                agreed_by,
                agreed_on,
                category,
                allowance_percent,
            },
        })
    }

    /// The person the agreement is for.
    pub fn person_ref(&self) -> &str {
        &self.fields.person_ref
    }
    /// The practitioner who agreed it.
    pub fn agreed_by(&self) -> &str {
        &self.fields.agreed_by
    }
    /// The day it was agreed; it applies to completions on or after this day.
    pub fn agreed_on(&self) -> NaiveDate {
        self.fields.agreed_on
    }
    /// Why it was agreed.
    pub fn category(&self) -> AgreementCategory {
        self.fields.category
    }
    /// The agreed percentage, when it differs from the policy's.
    pub fn allowance_percent(&self) -> Option<u32> {
        self.fields.allowance_percent
    }
    /// Whether it applies to a completion on `date`.
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        self.fields.agreed_on <= date
    }
}
