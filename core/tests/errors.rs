//! Error messages name the field, the value and the rule, and never personal data.

use ete_core::hours::{
    CreditPolicy, ReadMode, RecordError, read_completions_csv, read_completions_json,
};
use ete_core::{ErrorKind, Minutes, MinutesError};

const HEADER: &str = "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes,firstName,email,dateOfBirth\n";

#[test]
fn a_bad_duration_quotes_the_input() {
    let err = "2:75".parse::<Minutes>().unwrap_err();
    assert_eq!(
        err,
        MinutesError::Parse {
            input: "2:75".into()
        }
    );
    assert!(err.to_string().contains("\"2:75\""), "{err}");
    assert_eq!(err.kind(), ErrorKind::InvalidMinutes);
}

#[test]
fn a_reject_names_record_line_field_value_and_rule() {
    let csv = format!(
        "{HEADER}P-1,Budgeting,2026-11-02T14:05:00Z,Completed,30,0,Alex,a@example.invalid,1990-01-02\n"
    );
    let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap();
    let reject = &read.rejects[0];
    assert_eq!(
        (reject.position, reject.line, reject.field.as_deref()),
        (0, Some(2), Some("expectedTimeMinutes"))
    );
    let shown = reject.to_string();
    assert_eq!(
        shown,
        "record 0 (line 2), field expectedTimeMinutes: value \"0\": guided learning time must be above zero (H-1)"
    );
}

#[test]
fn a_reject_of_a_personal_field_does_not_repeat_the_value() {
    let csv = format!(
        "{HEADER}P-1,Budgeting,2026-11-02T14:05:00Z,Completed,30,45,Alex,a@example.invalid,02/01/1990\n"
    );
    let err = read_completions_csv(csv.as_bytes(), ReadMode::Strict).unwrap_err();
    let RecordError::Rejected { rejects } = &err else {
        panic!("expected Rejected, got {err:?}")
    };
    assert_eq!(rejects[0].field.as_deref(), Some("dateOfBirth"));
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(
            !shown.contains("02/01/1990") && !shown.contains("Alex"),
            "{shown}"
        );
    }
}

#[test]
fn a_missing_column_is_named() {
    let err = read_completions_csv(
        "externalReference,courseName\n".as_bytes(),
        ReadMode::Lenient,
    )
    .unwrap_err();
    assert_eq!(
        err,
        RecordError::MissingColumn {
            column: "completionDateTime".into()
        }
    );
    assert_eq!(err.kind(), ErrorKind::MalformedInput);
}

#[test]
fn a_json_type_error_never_echoes_a_string_value() {
    let err = read_completions_json(r#""Alex Example""#, ReadMode::Lenient).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MalformedInput);
    assert!(!err.to_string().contains("Alex"), "{err}");
}

#[test]
fn lenient_read_keeps_every_good_record_in_order() {
    let csv = format!(
        "{HEADER}P-1,A,2026-11-02T14:05:00Z,Completed,30,45,,,\nP-2,B,2026-11-02T14:05:00Z,Nope,30,45,,,\nP-3,C,2026-11-02T14:05:00Z,Failed,30,45,,,\n"
    );
    let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap();
    let refs: Vec<&str> = read.completions.iter().map(|c| c.person_ref()).collect();
    assert_eq!(refs, ["P-1", "P-3"]);
    assert_eq!(read.rejects.len(), 1);
    assert_eq!(read.rejects[0].position, 1);
}

#[test]
fn a_policy_error_names_field_value_and_rule() {
    let err = CreditPolicy::from_json(r#"{"allowancePercent": 130}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid credit policy: allowancePercent = 130: must be 0..=100 (H-5)"
    );
}

#[test]
fn a_note_debug_hides_its_text_and_an_unknown_mark_names_the_value() {
    use chrono::{TimeZone, Utc};
    use ete_core::register::{Actor, Mark, RecordNotes, Role};

    let mut record = RecordNotes::new("LRN-1");
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    record
        .add(
            &Actor::new(Role::Hub, "CAP-1"),
            "Called Sam Jones's mother",
            at,
        )
        .unwrap();
    let shown = format!("{:?}", record.with_attendance_notes(&[]));
    assert!(!shown.contains("Sam Jones"), "{shown}");
    assert!(
        shown.contains("LRN-1") && shown.contains("<25 characters>"),
        "{shown}"
    );

    let err = "absent".parse::<Mark>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidField);
    assert!(
        err.to_string().contains("\"absent\"") && err.to_string().contains("R-1"),
        "{err}"
    );
}
