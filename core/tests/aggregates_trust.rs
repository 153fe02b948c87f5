//! Issue 13 item 5 and issue 14 items 5, 7, 9, 10 for the aggregates: a lesson that ends at or
//! before it starts, the completion readers' date policy, a requirement's replay cost, format
//! versions and hash chains.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ete_core::ErrorKind;
use ete_core::hours::{
    ReadMode, ReadPolicy, read_completions_csv_with, read_completions_json_with,
};
use ete_core::register::{Lesson, Register, RegisterError};

fn nine() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

#[test]
fn a_lesson_ending_at_or_before_its_start_is_refused_naming_ends_at() {
    for ends in [nine(), nine() - Duration::minutes(1)] {
        let err = Lesson::new("L-1", "PRV-1", nine(), ends).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidField, "{err}");
        assert!(matches!(&err, RegisterError::InvalidField { field, .. } if field == "ends_at"));
        let lesson = Lesson {
            id: "L-1".into(),
            provider: "PRV-1".into(),
            starts_at: nine(),
            ends_at: ends,
        };
        let err = Register::new(lesson, &["LRN-1".into()]).unwrap_err();
        assert!(err.to_string().contains("ends_at"), "{err}");
    }
    let good = Lesson::new("L-1", "PRV-1", nine(), nine() + Duration::hours(1)).unwrap();
    let register = Register::new(good, &["LRN-1".into()]).unwrap();
    // A snapshot whose lesson was edited to end before it starts is refused on restore.
    let json = register
        .to_json()
        .unwrap()
        .replace("2026-11-24T10:00:00Z", "2026-11-24T08:00:00Z");
    assert!(
        Register::restore(&json)
            .unwrap_err()
            .to_string()
            .contains("ends_at")
    );
}

const CSV: &str = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes\n\
                   P-1,Budgeting,2026-11-02T14:05:00Z,Completed,95,120\n\
                   P-2,Budgeting,2019-06-01T10:00:00Z,Completed,95,120\n";

#[test]
fn the_readers_take_a_policy_and_refuse_an_inverted_one() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let read = read_completions_csv_with(CSV.as_bytes(), ReadMode::Lenient, &ReadPolicy::default())
        .unwrap();
    assert_eq!(read.completions.len(), 2);
    let narrow = ReadPolicy {
        earliest: day(2020, 1, 1),
        ..ReadPolicy::default()
    };
    let read = read_completions_csv_with(CSV.as_bytes(), ReadMode::Lenient, &narrow).unwrap();
    assert_eq!(read.completions.len(), 1);
    assert_eq!(read.rejects[0].field.as_deref(), Some("completionDateTime"));
    let inverted = ReadPolicy {
        earliest: day(2101, 1, 1),
        ..ReadPolicy::default()
    };
    let err = read_completions_csv_with(CSV.as_bytes(), ReadMode::Lenient, &inverted).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{err}");
    let err = read_completions_json_with("[]", ReadMode::Lenient, &inverted).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{err}");
}
