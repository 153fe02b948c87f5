//! The message files, one Fluent bundle per language, and language negotiation.

use std::sync::LazyLock;

use ete_core::language::{Language, LocalText};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The message files compiled in: each language with its Fluent source.
pub const FILES: [(Language, &str); 3] = [
    (Language::En, include_str!("../ftl/en.ftl")),
    (Language::Cy, include_str!("../ftl/cy.ftl")),
    (Language::Pl, include_str!("../ftl/pl.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, in the order of [`FILES`], built on first use.
static BUNDLES: LazyLock<Vec<(Language, Bundle)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(language, source)| (*language, build(*language, source)))
        .collect()
});

fn build(language: Language, source: &str) -> Bundle {
    // A file that does not parse keeps the messages that do (the completeness test fails on any
    // parse error, so a released file has none).
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let id: LanguageIdentifier = language.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Plain text: no Unicode isolation marks around placeables.
    bundle.set_use_isolating(false);
    // Ids are unique per file (tested), so adding cannot clash.
    let _ = bundle.add_resource(resource);
    bundle
}

/// The language for a BCP-47 `tag`, and whether it fell back to English: the tag's primary
/// language subtag decides (`cy-GB` is Welsh); a tag that is not English, Welsh or Polish, or
/// not a well-formed tag, is English with `true` (W-1).
///
/// ```
/// use ete_messages::{negotiate, Language};
///
/// assert_eq!(negotiate("cy-GB"), (Language::Cy, false));
/// assert_eq!(negotiate("PL"), (Language::Pl, false));
/// assert_eq!(negotiate("fr"), (Language::En, true));
/// assert_eq!(negotiate("not a tag"), (Language::En, true));
/// ```
pub fn negotiate(tag: &str) -> (Language, bool) {
    let language = tag
        .parse::<LanguageIdentifier>()
        .ok()
        .and_then(|id| id.language.as_str().parse::<Language>().ok());
    match language {
        Some(language) => (language, false),
        None => (Language::En, true),
    }
}

/// A value for a message's variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Text, shown as it is.
    Text(&'a str),
    /// A whole number: shown as digits, and the value plural rules select on.
    Number(u64),
}

/// The message `id` in the language for `tag`, with its variables (W-1).
///
/// A message missing from the language's file (the completeness test rules it out) is taken
/// from English; one missing from English too is its id.
///
/// ```
/// use ete_messages::{message, Arg, Language};
///
/// let t = message("cy", "courses", &[("n", Arg::Number(3))]);
/// assert_eq!((t.text.as_str(), t.language), ("3 chwrs", Language::Cy));
/// ```
pub fn message(tag: &str, id: &str, args: &[(&str, Arg<'_>)]) -> LocalText {
    let (language, fell_back) = negotiate(tag);
    LocalText {
        text: format(language, id, args),
        language,
        fell_back,
    }
}

/// The message `id` in `language` (English when the language lacks it; the id when English does).
pub(crate) fn format(language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(*text),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    [language, Language::En]
        .iter()
        .find_map(|l| format_in(*l, id, &fluent_args))
        .unwrap_or_else(|| id.to_owned())
}

fn format_in(language: Language, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let bundle = BUNDLES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, b)| b)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned(),
    )
}
