//! Completions (H-2) and the portal readers, with every reject reported.
//!
//! A completion crosses as core's `CompletionFields` (Kotlin: `Completion`, a typealias); every
//! function that takes completions checks them with core's `Completion::new`.

use ete_core::hours::{self, CompletionFields, ReadMode, ReadOutcome};

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

/// Reads a JSON array of portal completions (H-2).
#[uniffi::export(default(strict = false))]
pub fn read_completions_json(text: String, strict: bool) -> Result<ReadOutcome, EteError> {
    Ok(hours::read_completions_json(&text, mode(strict))?)
}

/// Reads portal completions from CSV text with a header row (H-2).
#[uniffi::export(default(strict = false))]
pub fn read_completions_csv(text: String, strict: bool) -> Result<ReadOutcome, EteError> {
    Ok(hours::read_completions_csv(text.as_bytes(), mode(strict))?)
}
