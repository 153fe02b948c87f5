//! Completions (H-2) and the portal readers, with every reject reported.
//!
//! A completion crosses as core's `CompletionFields` (Kotlin: `Completion`, a typealias); every
//! function that takes completions checks them with core's `Completion::new`.

use ete_core::hours::{self, CompletionFields, ReadMode, ReadOutcome, ReadPolicy};

use crate::EteError;

/// Checks the completions a caller gives (H-1, H-2): the first bad one is the error.
pub fn checked(completions: Vec<CompletionFields>) -> Result<Vec<hours::Completion>, EteError> {
    Ok(completions
        .into_iter()
        .map(hours::Completion::new)
        .collect::<Result<_, _>>()?)
}

fn mode(strict: bool) -> ReadMode {
    if strict {
        ReadMode::Strict
    } else {
        ReadMode::Lenient
    }
}

/// Reads a JSON array of portal completions (H-2); `policy`: the dates accepted (core's
/// default when null).
#[uniffi::export(default(strict = false, policy = None))]
pub fn read_completions_json(
    text: String,
    strict: bool,
    policy: Option<ReadPolicy>,
) -> Result<ReadOutcome, EteError> {
    let policy = policy.unwrap_or_default();
    Ok(hours::read_completions_json_with(
        &text,
        mode(strict),
        &policy,
    )?)
}

/// Reads portal completions from CSV text with a header row (H-2); `policy`: the dates
/// accepted (core's default when null).
#[uniffi::export(default(strict = false, policy = None))]
pub fn read_completions_csv(
    text: String,
    strict: bool,
    policy: Option<ReadPolicy>,
) -> Result<ReadOutcome, EteError> {
    let policy = policy.unwrap_or_default();
    Ok(hours::read_completions_csv_with(
        text.as_bytes(),
        mode(strict),
        &policy,
    )?)
}

/// Core's default reading policy (the dates a completion reader accepts).
#[uniffi::export]
pub fn read_policy_default() -> ReadPolicy {
    ReadPolicy::default()
}

/// Reads a reading policy from JSON (missing keys take core's default); an inverted range is
/// `EteException.InvalidPolicy`.
#[uniffi::export]
pub fn read_policy_from_json(text: String) -> Result<ReadPolicy, EteError> {
    Ok(ReadPolicy::from_json(&text)?)
}

/// The reading policy as JSON, as `readPolicyFromJson` reads it.
#[uniffi::export]
pub fn read_policy_to_json(policy: ReadPolicy) -> String {
    policy.to_json()
}
