//! Regression tests for issue 14: what a hostile caller passes gets a clear, typed refusal —
//! policies out of range, tampered pool counters, implausible values, duplicate names in the
//! readers, and no personal value in any reject.

use chrono::{NaiveDate, TimeZone, Utc};
use ete_core::ErrorKind;
use ete_core::Minutes;
use ete_core::columns::{ColumnError, ete_totals, find_repeats};
use ete_core::hours::{
    LedgerEntry, LedgerError, LedgerEventKind, LedgerPolicy, OrderKind, PolicyError, ReadMode,
    ReadPolicy, Requirement, RequirementTerms, read_completions_csv, read_completions_csv_with,
    read_completions_json,
};
use ete_core::licences::{
    AccountKind, Action, Command, Pool, PoolPolicy, SessionPolicy, utilisation,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn terms(required: u64) -> RequirementTerms {
    RequirementTerms {
        id: "R-1".into(),
        person_ref: "P-1".into(),
        kind: OrderKind::Adult,
        required: Minutes::new(required).unwrap(),
        start: day(2026, 1, 5),
        incentive_eligible: false,
    }
}

// ---- 1. every policy is checked where it is built ----

#[test]
fn ledger_policies_out_of_range_are_invalid_policy_naming_field_value_and_range() {
    for (json, field, value) in [
        (
            r#"{"eteShare": {"numerator": 1000, "denominator": 1}}"#,
            "eteShare",
            "1000/1",
        ),
        (
            r#"{"eteShare": {"numerator": 101, "denominator": 100}}"#,
            "eteShare",
            "101/100",
        ),
        (r#"{"completionMonths": 0}"#, "completionMonths", "0"),
        (
            r#"{"completionMonths": 100000}"#,
            "completionMonths",
            "100000",
        ),
        (r#"{"adultHours": [300, 40]}"#, "adultHours", "[300, 40]"),
        (r#"{"youthHours": [0, 240]}"#, "youthHours", "[0, 240]"),
        (
            r#"{"adultHours": [40, 4000000000]}"#,
            "adultHours",
            "[40, 4000000000]",
        ),
        (
            r#"{"maxExtensionMonths": 121}"#,
            "maxExtensionMonths",
            "121",
        ),
        (
            r#"{"incentive": {"threshold": {"numerator": 1, "denominator": 4}, "discountRate": {"numerator": 10, "denominator": 1}}}"#,
            "incentive.discountRate",
            "10/1",
        ),
        (
            r#"{"incentive": {"threshold": {"numerator": 5, "denominator": 4}, "discountRate": {"numerator": 1, "denominator": 2}}}"#,
            "incentive.threshold",
            "5/4",
        ),
    ] {
        let err = LedgerPolicy::from_json(json).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{json}");
        let PolicyError::OutOfRange {
            field: f,
            value: v,
            reason,
            ..
        } = &err
        else {
            panic!("{json}: expected OutOfRange, got {err:?}");
        };
        assert_eq!((f.as_str(), v.as_str()), (field, value), "{json}");
        assert!(reason.contains("must be"), "{reason}");
    }
    // The bounds themselves are accepted: a 100% share, one month, ratios of 1.
    let edge = r#"{"eteShare": {"numerator": 100, "denominator": 100}, "completionMonths": 1,
        "maxExtensionMonths": 0, "adultHours": [1, 1000],
        "incentive": {"threshold": {"numerator": 1, "denominator": 1}, "discountRate": {"numerator": 1, "denominator": 1}}}"#;
    LedgerPolicy::from_json(edge).unwrap();
}

#[test]
fn a_policy_built_in_code_is_checked_by_requirement_new() {
    let policy = LedgerPolicy {
        completion_months: 0,
        ..LedgerPolicy::default()
    };
    let err = Requirement::new(terms(6_000), policy).unwrap_err();
    assert!(matches!(err, LedgerError::Policy(_)), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy);
}

#[test]
fn a_requirement_snapshot_with_an_embedded_policy_out_of_range_is_refused() {
    let r = Requirement::new(terms(6_000), LedgerPolicy::default()).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
    json["policy"]["eteShare"] = serde_json::json!({"numerator": 1000, "denominator": 1});
    let err = Requirement::from_json(&json.to_string()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy, "{err}");
    assert!(err.to_string().contains("eteShare = 1000/1"), "{err}");
    // The same snapshot with the default policy still loads.
    json["policy"]["eteShare"] = serde_json::json!({"numerator": 30, "denominator": 100});
    Requirement::from_json(&json.to_string()).unwrap();
}

#[test]
fn pool_and_session_policies_are_bounded() {
    let err = PoolPolicy::from_json(r#"{"dormancyDays": 4000000000}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy);
    assert!(err.to_string().contains("dormancyDays 4000000000"), "{err}");
    let err = SessionPolicy::from_json(r#"{"laptops": 4000000000}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy);
    assert!(err.to_string().contains("laptops 4000000000"), "{err}");
}

// ---- 2. no overflow: pool counters ----

fn a_pool() -> Pool {
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let (mut pool, _) = Pool::open("open", "ADMIN", at, "Wales", 2, PoolPolicy::default()).unwrap();
    let request = Action::Request {
        person: "P-1".into(),
        kind: AccountKind::Learner,
        requirement_end: None,
        courses: vec![],
    };
    pool.execute(&Command {
        id: "c1".into(),
        actor: "A".into(),
        at,
        action: request,
    })
    .unwrap();
    pool
}

#[test]
fn a_pool_snapshot_with_counters_the_log_cannot_hold_is_refused() {
    let pool = a_pool();
    let json: serde_json::Value = serde_json::from_str(&pool.to_json().unwrap()).unwrap();
    for (field, value) in [
        ("events", u64::MAX),
        ("events", 1),
        ("releases", u64::MAX),
        ("releasedDays", u64::MAX),
        ("releases", 3),
    ] {
        let mut tampered = json.clone();
        tampered[field] = serde_json::json!(value);
        let err = Pool::from_json(&tampered.to_string()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::MalformedInput, "{field}={value}");
        assert!(err.to_string().contains("invalid snapshot"), "{err}");
    }
    let mut policy = json.clone();
    policy["policy"]["dormancyDays"] = serde_json::json!(0);
    assert!(Pool::from_json(&policy.to_string()).is_err());
}

#[test]
fn a_pool_at_the_largest_counters_it_accepts_neither_panics_nor_wraps() {
    let pool = a_pool();
    let mut json: serde_json::Value = serde_json::from_str(&pool.to_json().unwrap()).unwrap();
    // A format 2 snapshot (no links to count against): only the counters' own bounds hold.
    json["format"] = serde_json::json!(2);
    json.as_object_mut().unwrap().remove("chain");
    json.as_object_mut().unwrap().remove("lastAt");
    json["events"] = serde_json::json!(Pool::MAX_EVENTS);
    json["releases"] = serde_json::json!(Pool::MAX_EVENTS / 2 - 1);
    json["releasedDays"] = serde_json::json!(u64::MAX);
    let mut restored = Pool::from_json(&json.to_string()).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
    let report = utilisation(&restored, now);
    assert!(report.average_days_held.is_some());
    let err = restored
        .execute(&Command {
            id: "c2".into(),
            actor: "A".into(),
            at: now,
            action: Action::Request {
                person: "P-2".into(),
                kind: AccountKind::Learner,
                requirement_end: None,
                courses: vec![],
            },
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::CapacityExceeded, "{err}");
}

// ---- 4. plausible values ----

#[test]
fn an_adjustment_may_not_take_the_time_still_to_do_below_zero() {
    let mut r = Requirement::new(terms(6_000), LedgerPolicy::default()).unwrap();
    let big = LedgerEntry::new(
        day(2026, 2, 1),
        "PR-1",
        LedgerEventKind::Adjustment {
            minutes: -(2_i64.pow(53) - 1),
        },
    )
    .with_id("a1");
    let err = r.record(big).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidField);
    assert!(err.to_string().contains("below zero"), "{err}");
    assert!(r.entries().is_empty());
    // Exactly the time still to do is accepted; one minute more is not.
    let all = LedgerEntry::new(
        day(2026, 2, 1),
        "PR-1",
        LedgerEventKind::Adjustment { minutes: -6_000 },
    )
    .with_id("a2");
    r.clone().record(all).unwrap();
    // An increase beyond the legal maximum (300 hours) is refused.
    let up = LedgerEntry::new(
        day(2026, 2, 1),
        "PR-1",
        LedgerEventKind::Adjustment { minutes: 12_001 },
    )
    .with_id("a3");
    assert!(r.record(up).is_err());
}

#[test]
fn extensions_beyond_the_policy_maximum_are_refused() {
    let mut r = Requirement::new(terms(6_000), LedgerPolicy::default()).unwrap();
    let ext = |id: &str, months| {
        LedgerEntry::new(
            day(2026, 2, 1),
            "PR-1",
            LedgerEventKind::Extension { months },
        )
        .with_id(id)
    };
    let err = r.record(ext("x1", 100_000)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidField);
    assert!(err.to_string().contains("maxExtensionMonths"), "{err}");
    r.record(ext("x2", 12)).unwrap();
    r.record(ext("x3", 12)).unwrap();
    assert!(r.record(ext("x4", 1)).is_err());
    assert_eq!(r.status(day(2030, 1, 1)).unwrap().end_date, day(2029, 1, 5));
}

#[test]
fn ete_totals_refuses_required_outside_h9_and_a_policy_out_of_range() {
    for required in [0_i64, 2_399, 18_001, 1_000_000_000] {
        let err = ete_totals(&[0], &[60], &[required], &LedgerPolicy::default()).unwrap_err();
        let ColumnError::OutOfRange {
            field, position, ..
        } = &err
        else {
            panic!("expected OutOfRange, got {err:?}");
        };
        assert_eq!((*field, *position), ("required", 0));
        assert_eq!(err.kind(), ErrorKind::InvalidField);
    }
    let policy = LedgerPolicy {
        ete_share: ete_core::Ratio::new(1_000, 1).unwrap(),
        ..LedgerPolicy::default()
    };
    let err = ete_totals(&[0], &[60], &[6_000], &policy).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPolicy);
}

#[test]
fn find_repeats_refuses_nat() {
    let err = find_repeats(&[1, 1], &[2, 2], &[10, i64::MIN], &[true, true]).unwrap_err();
    let ColumnError::OutOfRange {
        field, position, ..
    } = &err
    else {
        panic!("expected OutOfRange, got {err:?}");
    };
    assert_eq!((*field, *position), ("completed_at", 1));
}

const HEADER: &str =
    "externalReference,courseName,completionDateTime,status,totalTimeMinutes,expectedTimeMinutes";

#[test]
fn sentinel_dates_are_rejects_naming_the_record_and_the_field() {
    for at in [
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "1999-12-31T23:59:59Z",
    ] {
        let csv = format!(
            "{HEADER}\nP-1,C,2026-11-02T14:05:00Z,Completed,95,120\nP-2,C,{at},Completed,95,120\n"
        );
        let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap();
        assert_eq!(read.completions.len(), 1, "{at}");
        assert_eq!(read.rejects[0].position, 1);
        assert_eq!(read.rejects[0].field.as_deref(), Some("completionDateTime"));
        assert!(
            read.rejects[0].reason.contains("implausible"),
            "{}",
            read.rejects[0].reason
        );
        let err = read_completions_csv(csv.as_bytes(), ReadMode::Strict).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::RejectedRecords);
        let json = format!(
            r#"[{{"externalReference": "P-1", "courseName": "C", "completionDateTime": "{at}",
                "status": "Completed", "totalTimeMinutes": 95, "expectedTimeMinutes": 120}}]"#
        );
        let read = read_completions_json(&json, ReadMode::Lenient).unwrap();
        assert_eq!(read.rejects[0].field.as_deref(), Some("completionDateTime"));
    }
    // A policy can widen the range.
    let wide = ReadPolicy {
        earliest: NaiveDate::MIN,
        ..ReadPolicy::default()
    };
    let csv = format!("{HEADER}\nP-2,C,1999-12-31T23:59:59Z,Completed,95,120\n");
    let read = read_completions_csv_with(csv.as_bytes(), ReadMode::Strict, &wide).unwrap();
    assert_eq!(read.completions.len(), 1);
    assert!(ReadPolicy::from_json(r#"{"earliest": "2101-01-01"}"#).is_err());
    // A birth date of 0001-01-01 is refused without quoting it.
    let csv =
        format!("{HEADER},dateOfBirth\nP-2,C,2026-11-02T14:05:00Z,Completed,95,120,0001-01-01\n");
    let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap();
    assert_eq!(read.rejects[0].field.as_deref(), Some("dateOfBirth"));
    assert!(!read.rejects[0].reason.contains("0001-01-01T"));
}

// ---- 5. readers ----

#[test]
fn duplicate_csv_columns_are_malformed_naming_the_column() {
    let csv =
        format!("{HEADER},totalTimeMinutes\nP-1,C,2026-11-02T14:05:00Z,Completed,95,120,9000\n");
    let err = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MalformedInput);
    assert!(
        err.to_string()
            .contains("\"totalTimeMinutes\" appears twice"),
        "{err}"
    );
}

#[test]
fn duplicate_json_keys_are_malformed_naming_the_key() {
    let json = r#"[{"externalReference": "P-1", "courseName": "C", "completionDateTime": "2026-11-02T14:05:00Z",
        "status": "Completed", "totalTimeMinutes": 95, "expectedTimeMinutes": 120, "totalTimeMinutes": 9000}]"#;
    let err = read_completions_json(json, ReadMode::Lenient).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MalformedInput);
    assert!(
        err.to_string()
            .contains("\"totalTimeMinutes\" appears twice"),
        "{err}"
    );
    // The same in policies and snapshots.
    let err =
        LedgerPolicy::from_json(r#"{"completionMonths": 12, "completionMonths": 0}"#).unwrap_err();
    assert!(err.to_string().contains("appears twice"), "{err}");
    let r = Requirement::new(terms(6_000), LedgerPolicy::default()).unwrap();
    let twice = r.to_json().unwrap().replacen('{', r#"{"entries": [],"#, 1);
    let err = Requirement::from_json(&twice).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MalformedInput, "{err}");
}

#[test]
fn a_leading_byte_order_mark_is_accepted_in_json_as_in_csv() {
    let json = "\u{feff}[{\"externalReference\": \"P-1\", \"courseName\": \"C\", \"completionDateTime\": \"2026-11-02T14:05:00Z\", \"status\": \"Completed\", \"totalTimeMinutes\": 95, \"expectedTimeMinutes\": 120}]";
    assert_eq!(
        read_completions_json(json, ReadMode::Strict)
            .unwrap()
            .completions
            .len(),
        1
    );
    let csv = format!("\u{feff}{HEADER}\nP-1,C,2026-11-02T14:05:00Z,Completed,95,120\n");
    assert_eq!(
        read_completions_csv(csv.as_bytes(), ReadMode::Strict)
            .unwrap()
            .completions
            .len(),
        1
    );
    assert!(LedgerPolicy::from_json("\u{feff}{}").is_ok());
    let r = Requirement::new(terms(6_000), LedgerPolicy::default()).unwrap();
    assert_eq!(
        Requirement::from_json(&format!("\u{feff}{}", r.to_json().unwrap())).unwrap(),
        r
    );
    let pool = a_pool();
    assert_eq!(
        Pool::from_json(&format!("\u{feff}{}", pool.to_json().unwrap())).unwrap(),
        pool
    );
}

#[test]
fn a_reject_quotes_at_most_a_short_value() {
    let long = "9".repeat(10_000_000);
    let csv = format!("{HEADER}\nP-1,C,2026-11-02T14:05:00Z,Completed,{long},120\n");
    let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap();
    let reason = &read.rejects[0].reason;
    assert!(reason.len() < 200, "{} bytes", reason.len());
    let err = read_completions_csv(csv.as_bytes(), ReadMode::Strict).unwrap_err();
    assert!(err.to_string().len() < 300);
    // A short number is still quoted, to help the person fixing the file.
    let csv = format!("{HEADER}\nP-1,C,2026-11-02T14:05:00Z,Completed,-5,120\n");
    let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap();
    assert!(
        read.rejects[0].reason.contains("\"-5\""),
        "{}",
        read.rejects[0].reason
    );
}

/// The sample export's personal values (names, dates of birth, emails), one list per column.
const PERSONAL: [&str; 4] = ["firstName", "lastName", "dateOfBirth", "email"];

#[test]
fn no_reject_of_a_shifted_export_contains_a_personal_value_of_the_file() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        // `tests/sample-data` → ../../examples/data, so the packaged crate carries the file too.
        "/tests/sample-data/completions.csv"
    ))
    .unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let personal: Vec<String> = rows
        .iter()
        .flat_map(|row| {
            header
                .iter()
                .zip(row)
                .filter(|(h, _)| PERSONAL.contains(h))
                .map(|(_, v)| (*v).to_owned())
        })
        .filter(|v| !v.is_empty())
        .collect();
    assert!(personal.len() > 20);
    let mut checked = 0;
    for shift in 1..header.len() {
        for right in [true, false] {
            // Every value moves `shift` columns along; the header stays.
            let shifted: String = rows
                .iter()
                .map(|row| {
                    let mut row = row.clone();
                    if right {
                        row.rotate_right(shift);
                    } else {
                        row.rotate_left(shift);
                    }
                    row.join(",")
                })
                .collect::<Vec<_>>()
                .join("\n");
            let csv = format!("{}\n{shifted}\n", header.join(","));
            let read = read_completions_csv(csv.as_bytes(), ReadMode::Lenient).unwrap();
            let mut texts: Vec<String> = read
                .rejects
                .iter()
                .map(|r| format!("{r} {:?}", r.field))
                .collect();
            if let Err(e) = read_completions_csv(csv.as_bytes(), ReadMode::Strict) {
                texts.push(e.to_string());
                texts.push(format!("{e:?}"));
            }
            for text in &texts {
                for value in &personal {
                    assert!(
                        !text.contains(value.as_str()),
                        "shift {shift} (right: {right}): a reject quotes a personal value: {text}"
                    );
                }
            }
            checked += read.rejects.len();
        }
    }
    assert!(checked > 100, "only {checked} rejects");
}
