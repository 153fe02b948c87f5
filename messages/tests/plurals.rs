//! Plural forms, durations, dates and the English fallback (W-1).

use chrono::NaiveDate;
use ete_core::Minutes;
use ete_core::hours::{CreditReason, Grouping};
use ete_messages::{
    Arg, Language, courses_text, credit_reason_text, date_text, grouping_text, heading_text,
    message, minutes_text, negotiate,
};
use proptest::prelude::*;

fn minutes(tag: &str, n: u64) -> String {
    message(tag, "minutes", &[("n", Arg::Number(n))]).text
}

#[test]
fn welsh_minutes_and_courses_take_each_of_the_six_forms() {
    let shown: Vec<String> = [0, 1, 2, 3, 6, 11]
        .iter()
        .map(|n| minutes("cy", *n))
        .collect();
    assert_eq!(
        shown,
        [
            "0 munud", "1 munud", "2 funud", "3 munud", "6 munud", "11 munud"
        ]
    );
    let courses: Vec<String> = [0, 1, 2, 3, 6, 11]
        .iter()
        .map(|n| courses_text(*n, "cy").text)
        .collect();
    assert_eq!(
        courses,
        [
            "0 cwrs", "1 cwrs", "2 gwrs", "3 chwrs", "6 chwrs", "11 cwrs"
        ]
    );
}

#[test]
fn polish_minutes_hours_and_courses_take_the_one_few_and_many_forms() {
    let shown: Vec<String> = [1, 2, 5, 22].iter().map(|n| minutes("pl", *n)).collect();
    assert_eq!(shown, ["1 minuta", "2 minuty", "5 minut", "22 minuty"]);
    let hours: Vec<String> = [1, 2, 5, 22]
        .iter()
        .map(|n| message("pl", "hours", &[("n", Arg::Number(*n))]).text)
        .collect();
    assert_eq!(hours, ["1 godzina", "2 godziny", "5 godzin", "22 godziny"]);
    let courses: Vec<String> = [1, 2, 5, 22, 12]
        .iter()
        .map(|n| courses_text(*n, "pl").text)
        .collect();
    assert_eq!(
        courses,
        ["1 kurs", "2 kursy", "5 kursów", "22 kursy", "12 kursów"]
    );
}

#[test]
fn english_minutes_take_one_and_other() {
    assert_eq!(minutes("en", 1), "1 minute");
    assert_eq!(minutes("en", 0), "0 minutes");
    assert_eq!(minutes("en", 2), "2 minutes");
}

#[test]
fn durations_are_hours_and_minutes_in_words() {
    let m = |n| Minutes::new(n).unwrap();
    assert_eq!(minutes_text(m(150), "en").text, "2 hours 30 minutes");
    assert_eq!(minutes_text(m(150), "cy").text, "2 awr 30 munud");
    assert_eq!(minutes_text(m(150), "pl").text, "2 godziny 30 minut");
    assert_eq!(minutes_text(m(60), "en").text, "1 hour");
    assert_eq!(minutes_text(m(45), "pl").text, "45 minut");
    assert_eq!(minutes_text(m(0), "cy").text, "0 munud");
}

#[test]
fn dates_are_written_as_each_language_writes_them() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    assert_eq!(date_text(d, "en").text, "2 November 2026");
    assert_eq!(date_text(d, "cy").text, "2 Tachwedd 2026");
    assert_eq!(date_text(d, "pl").text, "2 listopada 2026 r.");
}

#[test]
fn an_unknown_tag_falls_back_to_english_and_says_so() {
    for tag in ["fr", "", "zz-ZZ", "not a tag", "Alice Smith"] {
        let t = credit_reason_text(CreditReason::Failed, tag);
        assert_eq!(t.language, Language::En, "{tag:?}");
        assert!(t.fell_back, "{tag:?}");
        assert_eq!(t.text, "The course was not passed: no time is credited.");
    }
    let t = grouping_text(Grouping::Region, "cy-GB");
    assert_eq!(
        (t.text.as_str(), t.language, t.fell_back),
        ("Rhanbarth", Language::Cy, false)
    );
    let t = grouping_text(Grouping::Region, "en");
    assert!(!t.fell_back);
}

#[test]
fn headings_are_given_for_report_columns_only() {
    assert_eq!(
        heading_text("courses_completed", "pl").unwrap().text,
        "Ukończone kursy"
    );
    assert!(heading_text("person_name", "en").is_none());
}

proptest! {
    #[test]
    fn known_tags_with_any_region_keep_their_language(language in prop::sample::select(vec!["en", "cy", "pl", "CY", "Pl"]), region in "[A-Z]{2}") {
        let (l, fell_back) = negotiate(&format!("{language}-{region}"));
        prop_assert!(!fell_back);
        prop_assert_eq!(l.code(), language.to_lowercase());
    }

    #[test]
    fn any_tag_gives_text_in_a_known_language(tag in any::<String>()) {
        let (language, fell_back) = negotiate(&tag);
        // A known language is the tag's own; an unknown one is English, said so.
        if fell_back {
            prop_assert_eq!(language, Language::En);
        } else {
            prop_assert!(tag.to_lowercase().starts_with(language.code()), "{:?}", tag);
        }
        let t = credit_reason_text(CreditReason::Duplicate, &tag);
        prop_assert!(!t.text.is_empty());
        prop_assert_eq!(t.language, language);
    }

    #[test]
    fn any_duration_starts_with_its_hours_or_minutes(n in 0u64..=(1u64 << 53) - 1, language in prop::sample::select(vec!["en", "cy", "pl"])) {
        let text = minutes_text(Minutes::new(n).unwrap(), language).text;
        let first = if n >= 60 { n / 60 } else { n };
        prop_assert!(text.starts_with(&format!("{first} ")), "{}", text);
        prop_assert!(!text.contains('{') && !text.contains('\u{2068}'), "{}", text);
    }
}
