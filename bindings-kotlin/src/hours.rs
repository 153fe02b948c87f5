//! Learning hours (H-1..H-8) for Kotlin: completions, readers, agreements, policy, decisions.

use std::sync::Arc;

use chrono::NaiveDate;
use ete_core::hours::{
    self, AgreementCategory, CompletionFields, CompletionStatus, CreditReason, ReadMode,
    ReadOutcome,
};

use crate::minutes::minutes;
use crate::{EteError, UtcDateTime};

/// Why extra time was agreed (H-6).
#[uniffi::remote(Enum)]
pub enum AgreementCategory {
    Neurodiversity,
    LearningDisability,
    PhysicalOrSensory,
    LanguageSupport,
    Other,
}

/// Why a completion is credited as it is (H-8).
#[uniffi::remote(Enum)]
pub enum CreditReason {
    WithinGuidedTime,
    WithinAllowance,
    CappedAtGuidedTime,
    CappedAtAllowance,
    Failed,
    Duplicate,
}

/// The stable code of a reason: `within_guided_time`, ...
#[uniffi::export]
pub fn credit_reason_code(reason: CreditReason) -> String {
    reason.code().to_owned()
}

/// A sentence for the administrator's notes.
#[uniffi::export]
pub fn credit_reason_explanation(reason: CreditReason) -> String {
    reason.explanation().to_owned()
}

/// A checked course completion (H-2). `toString()` shows ids only.
#[derive(uniffi::Object)]
#[uniffi::export(Display)]
pub struct Completion {
    inner: hours::Completion,
}

impl std::fmt::Display for Completion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl Completion {
    /// A completion from the portal's fields; `status` is Completed, Passed or Failed.
    #[uniffi::constructor(default(first_name = "", last_name = "", date_of_birth = None,
        region = "", pdu = "", office = "", email = "", course_type = "", provider = "",
        attempts = None))]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        external_reference: String,
        course_name: String,
        completion_date_time: UtcDateTime,
        status: String,
        total_time_minutes: i64,
        expected_time_minutes: i64,
        first_name: String,
        last_name: String,
        date_of_birth: Option<NaiveDate>,
        region: String,
        pdu: String,
        office: String,
        email: String,
        course_type: String,
        provider: String,
        attempts: Option<u32>,
    ) -> Result<Arc<Completion>, EteError> {
        let fields = CompletionFields {
            first_name,
            last_name,
            date_of_birth,
            region,
            pdu,
            office,
            email,
            course_name,
            course_type,
            provider,
            completion_date_time,
            status: status.parse::<CompletionStatus>()?,
            total_time_minutes: minutes(total_time_minutes)?,
            expected_time_minutes: minutes(expected_time_minutes)?,
            attempts,
            external_reference,
        };
        Ok(Arc::new(Completion {
            inner: hours::Completion::new(fields)?,
        }))
    }

    /// The person's reference on the portal.
    pub fn person_ref(&self) -> String {
        self.inner.person_ref().to_owned()
    }
    /// The course's name.
    pub fn course_name(&self) -> String {
        self.inner.course_name().to_owned()
    }
    /// `Completed` or `Failed`.
    pub fn status(&self) -> String {
        self.inner.status().as_str().to_owned()
    }
    /// Actual minutes taken.
    pub fn actual(&self) -> i64 {
        self.inner.actual().as_signed()
    }
    /// Guided minutes.
    pub fn guided(&self) -> i64 {
        self.inner.guided().as_signed()
    }
    /// When the portal recorded the outcome.
    pub fn completed_at(&self) -> UtcDateTime {
        self.inner.completed_at()
    }
    /// The completion's day in England and Wales.
    pub fn local_date(&self) -> NaiveDate {
        self.inner.local_date()
    }
    /// Probation region.
    pub fn region(&self) -> String {
        self.inner.fields().region.clone()
    }
    /// The person's first name (personal data).
    pub fn first_name(&self) -> String {
        self.inner.fields().first_name.clone()
    }
    /// The person's last name (personal data).
    pub fn last_name(&self) -> String {
        self.inner.fields().last_name.clone()
    }
    /// The person's email (personal data).
    pub fn email(&self) -> String {
        self.inner.fields().email.clone()
    }
    /// The person's date of birth (personal data).
    pub fn date_of_birth(&self) -> Option<NaiveDate> {
        self.inner.fields().date_of_birth
    }
}

/// One record a reader could not accept.
#[derive(Debug, uniffi::Record)]
pub struct Reject {
    /// Index of the record in the input, from 0.
    pub position: i64,
    /// The 1-based line where the record starts, when known (CSV).
    pub line: Option<i64>,
    /// The field at fault, when one is.
    pub field: Option<String>,
    /// What is wrong; never personal data.
    pub reason: String,
}

impl From<hours::Reject> for Reject {
    fn from(r: hours::Reject) -> Reject {
        Reject {
            position: i64::try_from(r.position).unwrap_or(i64::MAX),
            line: r.line.map(|l| i64::try_from(l).unwrap_or(i64::MAX)),
            field: r.field,
            reason: r.reason,
        }
    }
}

/// What a read produced: the good completions and a `Reject` per bad record.
#[derive(uniffi::Record)]
pub struct ReadResult {
    /// The good completions, in input order.
    pub completions: Vec<Arc<Completion>>,
    /// One entry per bad record, in input order.
    pub rejects: Vec<Reject>,
}

fn read_result(out: ReadOutcome) -> ReadResult {
    ReadResult {
        completions: out
            .completions
            .into_iter()
            .map(|inner| Arc::new(Completion { inner }))
            .collect(),
        rejects: out.rejects.into_iter().map(Reject::from).collect(),
    }
}

fn mode(strict: bool) -> ReadMode {
    if strict {
        ReadMode::Strict
    } else {
        ReadMode::Lenient
    }
}

/// Reads a JSON array of portal completions (H-2).
#[uniffi::export(default(strict = false))]
pub fn read_completions_json(text: String, strict: bool) -> Result<ReadResult, EteError> {
    Ok(read_result(hours::read_completions_json(
        &text,
        mode(strict),
    )?))
}

/// Reads portal completions from CSV text with a header row (H-2).
#[uniffi::export(default(strict = false))]
pub fn read_completions_csv(text: String, strict: bool) -> Result<ReadResult, EteError> {
    Ok(read_result(hours::read_completions_csv(
        text.as_bytes(),
        mode(strict),
    )?))
}

/// A practitioner's extra-time agreement (H-6); checked when used.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ExtraTimeAgreement {
    /// The person it is for.
    pub person_ref: String,
    /// The practitioner who agreed it.
    pub agreed_by: String,
    /// The day it was agreed; it applies from this day.
    pub agreed_on: NaiveDate,
    /// Why.
    pub category: AgreementCategory,
    /// The agreed percentage, when not the policy's.
    #[uniffi(default = None)]
    pub allowance_percent: Option<u32>,
}

/// How completions are credited (H-5, H-7); checked when used.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CreditPolicy {
    /// Extra-time allowance in percent (default 20).
    #[uniffi(default = 20)]
    pub allowance_percent: u32,
    /// Whether repeats are credited (default no).
    #[uniffi(default = false)]
    pub credit_repeats: bool,
}

/// Loads a policy from JSON: `{"allowancePercent": 20, "creditRepeats": false}`.
#[uniffi::export]
pub fn credit_policy_from_json(text: String) -> Result<CreditPolicy, EteError> {
    let p = hours::CreditPolicy::from_json(&text)?;
    Ok(CreditPolicy {
        allowance_percent: p.allowance_percent(),
        credit_repeats: p.credit_repeats(),
    })
}

/// A course credited earlier for a person (H-7).
#[derive(Debug, Clone, uniffi::Record)]
pub struct PriorCredit {
    /// The person's reference.
    pub person_ref: String,
    /// The course's name.
    pub course_name: String,
}

/// The recommendation for one completion (H-8).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CreditDecision {
    /// The completion's index in the batch.
    pub position: i64,
    /// The person's reference.
    pub person_ref: String,
    /// The course's name.
    pub course_name: String,
    /// The date to record the credit on (England and Wales).
    pub date: NaiveDate,
    /// Actual minutes.
    pub actual: i64,
    /// Guided minutes.
    pub guided: i64,
    /// The most that could be credited.
    pub cap: i64,
    /// Minutes to credit.
    pub credited: i64,
    /// Why.
    pub reason: CreditReason,
    /// The allowance applied, when an agreement applied.
    pub allowance_percent: Option<u32>,
    /// Whether the course had already been credited for the person.
    pub repeat: bool,
}

impl From<hours::CreditDecision> for CreditDecision {
    fn from(d: hours::CreditDecision) -> CreditDecision {
        CreditDecision {
            position: i64::try_from(d.position).unwrap_or(i64::MAX),
            person_ref: d.person_ref,
            course_name: d.course_name,
            date: d.date,
            actual: d.actual.as_signed(),
            guided: d.guided.as_signed(),
            cap: d.cap.as_signed(),
            credited: d.credited.as_signed(),
            reason: d.reason,
            allowance_percent: d.allowance_percent,
            repeat: d.repeat,
        }
    }
}

/// Credits a batch of completions (H-3..H-8): one decision each, in input order.
#[uniffi::export(default(agreements = [], prior = [], policy = None))]
pub fn credit_batch(
    completions: Vec<Arc<Completion>>,
    agreements: Vec<ExtraTimeAgreement>,
    prior: Vec<PriorCredit>,
    policy: Option<CreditPolicy>,
) -> Result<Vec<CreditDecision>, EteError> {
    let policy = match policy {
        Some(p) => hours::CreditPolicy::new(p.allowance_percent, p.credit_repeats)?,
        None => hours::CreditPolicy::default(),
    };
    let agreements = agreements
        .into_iter()
        .map(|a| {
            hours::ExtraTimeAgreement::new(
                a.person_ref,
                a.agreed_by,
                a.agreed_on,
                a.category,
                a.allowance_percent,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let prior: Vec<hours::PriorCredit> = prior
        .into_iter()
        .map(|p| hours::PriorCredit {
            person_ref: p.person_ref,
            course_name: p.course_name,
        })
        .collect();
    let completions: Vec<hours::Completion> = completions.iter().map(|c| c.inner.clone()).collect();
    Ok(
        hours::credit_batch(&completions, &prior, &agreements, &policy)
            .into_iter()
            .map(CreditDecision::from)
            .collect(),
    )
}

/// The most a completion over its guided time can earn (H-5).
#[uniffi::export(default(allowance_percent = None))]
pub fn allowance_cap(guided: i64, allowance_percent: Option<u32>) -> Result<i64, EteError> {
    Ok(hours::allowance_cap(minutes(guided)?, allowance_percent).as_signed())
}
