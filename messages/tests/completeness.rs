//! Completeness of the message files (W-1): every message in all three languages with the same
//! variables, every code in core's lists has a message, and every plural message covers each
//! language's plural categories.

use std::collections::{BTreeMap, BTreeSet};

use ete_core::hours::{CompletionReport, CreditReason, EVIDENCE_COLUMNS, Grouping};
use ete_core::register::MarkReason;
use ete_core::routing::{Reason, Refusal};
use ete_messages::{FILES, Language};
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

/// What one message uses: its variables, and for each select on a variable the variant keys.
#[derive(Debug, Default, PartialEq, Eq)]
struct Uses {
    variables: BTreeSet<String>,
    selects: Vec<(String, BTreeSet<String>)>,
}

fn walk_inline(e: &InlineExpression<&str>, uses: &mut Uses) {
    match e {
        InlineExpression::VariableReference { id } => {
            uses.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, uses),
        _ => {}
    }
}

fn walk_expression(e: &Expression<&str>, uses: &mut Uses) {
    match e {
        Expression::Select { selector, variants } => {
            walk_inline(selector, uses);
            if let InlineExpression::VariableReference { id } = selector {
                let keys = variants
                    .iter()
                    .map(|v| match &v.key {
                        VariantKey::Identifier { name } => (*name).to_owned(),
                        VariantKey::NumberLiteral { value } => (*value).to_owned(),
                    })
                    .collect();
                uses.selects.push((id.name.to_owned(), keys));
            }
            for v in variants {
                walk_pattern(&v.value, uses);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, uses),
    }
}

fn walk_pattern(p: &Pattern<&str>, uses: &mut Uses) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, uses);
        }
    }
}

/// Each language's messages, parsed with no errors and no duplicate ids.
fn messages() -> BTreeMap<Language, BTreeMap<String, Uses>> {
    FILES
        .iter()
        .map(|(language, source)| {
            let resource = fluent_syntax::parser::parse(*source)
                .unwrap_or_else(|(_, errors)| panic!("{language}: {errors:?}"));
            let mut out = BTreeMap::new();
            for entry in &resource.body {
                match entry {
                    Entry::Message(m) => {
                        let mut uses = Uses::default();
                        if let Some(p) = &m.value {
                            walk_pattern(p, &mut uses);
                        }
                        let clash = out.insert(m.id.name.to_owned(), uses);
                        assert!(clash.is_none(), "{language}: {} twice", m.id.name);
                    }
                    Entry::Junk { content } => panic!("{language}: junk {content:?}"),
                    _ => {}
                }
            }
            (*language, out)
        })
        .collect()
}

#[test]
fn every_message_exists_in_all_three_languages_with_the_same_variables() {
    let all = messages();
    assert_eq!(
        all.keys().copied().collect::<Vec<_>>(),
        Language::ALL.to_vec()
    );
    let en = &all[&Language::En];
    assert!(en.len() >= 79, "{} messages", en.len());
    for (language, messages) in &all {
        assert_eq!(
            messages.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "{language}: message ids differ from English"
        );
        for (id, uses) in messages {
            assert_eq!(
                uses.variables, en[id].variables,
                "{language}: {id}'s variables"
            );
        }
    }
}

fn plural_categories(language: Language) -> BTreeSet<String> {
    let rules = PluralRules::create(
        language
            .code()
            .parse::<unic_langid::LanguageIdentifier>()
            .unwrap(),
        PluralRuleType::CARDINAL,
    )
    .unwrap();
    let mut found = BTreeSet::new();
    let samples = (0..=1_000u64)
        .map(|n| rules.select(n))
        .chain([rules.select(1.5)]);
    for category in samples {
        found.insert(
            match category.unwrap() {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            }
            .to_owned(),
        );
    }
    found
}

#[test]
fn every_plural_message_covers_each_languages_plural_categories() {
    let expected = [
        (Language::En, vec!["one", "other"]),
        (
            Language::Cy,
            vec!["few", "many", "one", "other", "two", "zero"],
        ),
        (Language::Pl, vec!["few", "many", "one", "other"]),
    ];
    for (language, categories) in expected {
        let categories: BTreeSet<String> = categories.into_iter().map(String::from).collect();
        assert_eq!(
            plural_categories(language),
            categories,
            "{language}'s CLDR rules"
        );
    }
    let all = messages();
    let mut plural_messages = 0;
    for (language, messages) in &all {
        for (id, uses) in messages {
            for (variable, keys) in &uses.selects {
                assert_eq!(
                    keys,
                    &plural_categories(*language),
                    "{language}: {id} on ${variable}"
                );
                plural_messages += 1;
            }
        }
    }
    // minutes, hours, courses and the notification, in each of the three languages.
    assert_eq!(plural_messages, 12);
}

fn id(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

#[test]
fn every_reason_refusal_heading_and_grouping_in_core_has_a_message() {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(CreditReason::CODES.iter().map(|c| id("credit-reason", c)));
    ids.extend(Reason::CODES.iter().map(|c| id("routing-reason", c)));
    ids.extend(Refusal::CODES.iter().map(|c| id("refusal", c)));
    ids.extend(MarkReason::CODES.iter().map(|c| id("mark-reason", c)));
    ids.extend(CompletionReport::COLUMNS.iter().map(|c| id("heading", c)));
    ids.extend(EVIDENCE_COLUMNS.iter().map(|c| id("heading", c)));
    ids.extend(Grouping::CODES.iter().map(|c| id("grouping", c)));
    ids.extend((1..=12).map(|m| format!("month-{m}")));
    let all = messages();
    for (language, messages) in &all {
        for id in &ids {
            assert!(messages.contains_key(id), "{language}: no message {id}");
        }
    }
    // …and no message for a code core no longer has.
    let prefixes = [
        "credit-reason-",
        "routing-reason-",
        "refusal-",
        "mark-reason-",
        "heading-",
        "grouping-",
    ];
    for message in all[&Language::En].keys() {
        if prefixes.iter().any(|p| message.starts_with(p)) {
            assert!(ids.contains(message), "{message} names no code in core");
        }
    }
}
