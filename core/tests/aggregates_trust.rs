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

mod ledger_totals {
    use chrono::{Duration, NaiveDate};
    use ete_core::Minutes;
    use ete_core::hours::{
        AppointmentOutcome, LedgerEntry, LedgerEventKind, LedgerPolicy, OrderKind, Requirement,
        RequirementTerms,
    };
    use proptest::prelude::*;

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
    }

    fn entries() -> impl Strategy<Value = Vec<LedgerEntry>> {
        let event = prop_oneof![
            (0u64..900, prop::sample::select(vec![
                AppointmentOutcome::Attended,
                AppointmentOutcome::AcceptableAbsence,
                AppointmentOutcome::UnacceptableAbsence,
            ]))
            .prop_map(|(m, outcome)| LedgerEventKind::WorkAppointment {
                minutes: Minutes::new(m).unwrap(),
                outcome,
            }),
            (0u64..2_000).prop_map(|m| LedgerEventKind::EteCredit {
                minutes: Minutes::new(m).unwrap(),
                course_name: "Budgeting".into(),
            }),
            (-3_000i64..3_000).prop_map(|minutes| LedgerEventKind::Adjustment { minutes }),
            (0u32..30).prop_map(|months| LedgerEventKind::Extension { months }),
        ];
        let entry = (0u8..40, 0i64..5, event).prop_map(|(id, day, event)| {
            LedgerEntry::new(start() + Duration::days(day), "SUP-1", event).with_id(format!("e{id}"))
        });
        prop::collection::vec(entry, 0..60)
    }

    proptest! {
        /// The totals a ledger keeps as it records (what `ete_fit` and the checks of `record`
        /// read) agree with the figures summed from the entries (`status`), and a restore
        /// rebuilds them.
        #[test]
        fn the_kept_totals_are_the_sums_of_the_entries(entries in entries(), proposed in 0u64..10_000) {
            let terms = RequirementTerms {
                id: "R-1".into(), person_ref: "P-1".into(), kind: OrderKind::Adult,
                required: Minutes::new(6_000).unwrap(), start: start(), incentive_eligible: true,
            };
            let mut r = Requirement::new(terms, LedgerPolicy::default()).unwrap();
            for entry in entries {
                let _ = r.record(entry);
            }
            let status = r.status(NaiveDate::MAX).unwrap();
            let proposed = Minutes::new(proposed).unwrap();
            let fit = r.ete_fit(proposed).unwrap();
            prop_assert_eq!(fit.fits, proposed.min(status.ete_remaining).min(status.remaining));
            let back = Requirement::from_json(&r.to_json().unwrap()).unwrap();
            prop_assert_eq!(back.ete_fit(proposed).unwrap(), fit);
            prop_assert_eq!(&back, &r);
            for entry in r.entries() {
                prop_assert!(back.has_entry(entry.id.as_deref().unwrap()));
            }
        }
    }
}
