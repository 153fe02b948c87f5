//! The languages a person can read ETE Core's text in (W-1), and text in one of them.
//!
//! Codes stay the machine interface: a reason, a refusal or a report heading is a code, and its
//! text in a language is a view of that code. The text itself — every sentence, in English,
//! Welsh and Polish, with each language's plural rules — lives in one place, the `ete-messages`
//! crate (its `.ftl` files are compiled in); core only names the languages and carries the
//! result, [`LocalText`], so that the bindings receive core's own type.
//!
//! Core's `Display` and `explanation()` texts are the *log form*: English, stable, with the codes
//! and rule numbers, for logs, errors and the nDelius evidence CSV's `notes` column by default.
//! Anything a person reads in their language comes from `ete-messages`.
//!
//! ```
//! use ete_core::language::Language;
//!
//! assert_eq!("cy".parse::<Language>()?, Language::Cy);
//! assert_eq!(Language::Pl.code(), "pl");
//! # Ok::<(), ete_core::codes::UnknownCode>(())
//! ```

#[cfg(feature = "python")]
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

/// A language ETE Core writes text in (W-1): a BCP-47 primary language subtag.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Language {
    /// English, and the fallback for a tag no message file covers.
    #[default]
    En,
    /// Welsh (Cymraeg): six plural forms (zero, one, two, few, many, other).
    Cy,
    /// Polish (polski): four plural forms (one, few, many, other).
    Pl,
}

crate::codes!(Language, "language", "W-1", {
    En => "en",
    Cy => "cy",
    Pl => "pl",
});

/// A text for a person, in the language it was written in.
///
/// `fell_back` says that the language asked for is not one ETE Core writes, so the text is in
/// English (W-1). A text may carry what it is about (a course, a rule name) but `Debug` and
/// errors never carry a person's name: only a certificate's own page does.
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash, str)
)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LocalText {
    /// The text.
    pub text: String,
    /// The language it is written in.
    pub language: Language,
    /// Whether the language asked for was unknown, so the text fell back to English.
    pub fell_back: bool,
}

impl std::fmt::Display for LocalText {
    /// The text itself.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}
