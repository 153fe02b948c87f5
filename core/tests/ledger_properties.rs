//! Property tests of the requirement ledger, the incentive scheme and the reports (H-9..H-13).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use ete_core::Minutes;
use ete_core::hours::{
    AppointmentOutcome, Completion, CompletionFields, CompletionStatus, CreditPolicy, Grouping,
    LedgerEntry, LedgerEventKind, LedgerPolicy, OrderKind, Requirement, RequirementTerms,
    completion_report, credit_batch,
};
use proptest::prelude::*;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid")
}

fn requirement(required_hours: u64, eligible: bool) -> Requirement {
    Requirement::new(
        RequirementTerms {
            id: "R-1".into(),
            person_ref: "P-1".into(),
            kind: OrderKind::Adult,
            required: Minutes::new(required_hours * 60 + required_hours % 7).expect("in range"),
            start: start(),
            incentive_eligible: eligible,
        },
        LedgerPolicy::default(),
    )
    .expect("valid requirement")
}

fn event() -> impl Strategy<Value = LedgerEventKind> {
    let minutes = (0u64..900).prop_map(|m| Minutes::new(m).expect("in range"));
    prop_oneof![
        4 => (minutes.clone(), prop::sample::select(vec![
            AppointmentOutcome::Attended, AppointmentOutcome::Attended, AppointmentOutcome::AcceptableAbsence,
            AppointmentOutcome::UnacceptableAbsence,
        ])).prop_map(|(minutes, outcome)| LedgerEventKind::WorkAppointment { minutes, outcome }),
        3 => minutes.prop_map(|minutes| LedgerEventKind::EteCredit { minutes, course_name: "C".into() }),
        1 => (-600i64..600).prop_map(|minutes| LedgerEventKind::Adjustment { minutes }),
        1 => (0u32..4).prop_map(|months| LedgerEventKind::Extension { months }),
    ]
}

/// Entries with non-decreasing dates from the start; some may be refused by the ledger.
fn entries() -> impl Strategy<Value = Vec<LedgerEntry>> {
    prop::collection::vec((0i64..5, event()), 0..30).prop_map(|steps| {
        let mut day = start();
        steps
            .into_iter()
            .map(|(gap, event)| {
                day += Duration::days(gap);
                LedgerEntry::new(day, "SUP-1", event)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn ledger_invariants_hold_after_every_entry(hours in 40u64..300, eligible in any::<bool>(), entries in entries()) {
        let mut r = requirement(hours, eligible);
        let far = NaiveDate::from_ymd_opt(2030, 1, 1).expect("valid");
        let mut previous_completed = Minutes::ZERO;
        for entry in entries {
            let before = r.clone();
            let accepted = r.record(entry).is_ok();
            if !accepted {
                prop_assert_eq!(&r, &before, "a refused entry changed the ledger");
            }
            let s = r.status(far).expect("figures");
            prop_assert!(s.ete_completed <= s.ete_allowance, "ETE {} above allowance {}", s.ete_completed, s.ete_allowance);
            prop_assert!(s.incentive.current_discount <= s.incentive.maximum_discount);
            prop_assert!(s.incentive.projected_discount <= s.incentive.maximum_discount);
            prop_assert!(s.completed >= previous_completed, "completed fell from {} to {}", previous_completed, s.completed);
            previous_completed = s.completed;
            let owed = i128::from(s.required.get()) + i128::from(s.adjustments)
                - i128::from(s.completed.get()) - i128::from(s.discount.get());
            prop_assert_eq!(i128::from(s.remaining.get()), owed.max(0));
            prop_assert_eq!(s.complete, s.remaining == Minutes::ZERO);
        }
    }

    #[test]
    fn ledger_json_round_trip_is_exact(hours in 40u64..300, eligible in any::<bool>(), entries in entries()) {
        let mut r = requirement(hours, eligible);
        for entry in entries {
            let _ = r.record(entry);
        }
        let json = r.to_json().expect("serialises");
        prop_assert_eq!(Requirement::from_json(&json).expect("restores"), r);
    }

    #[test]
    fn record_all_applies_whole_or_not_at_all(hours in 40u64..300, entries in entries()) {
        let mut one_by_one = requirement(hours, true);
        let all_accepted = entries.iter().all(|e| one_by_one.record(e.clone()).is_ok());
        let mut batch = requirement(hours, true);
        let result = batch.record_all(entries);
        prop_assert_eq!(result.is_ok(), all_accepted);
        if all_accepted {
            prop_assert_eq!(batch, one_by_one);
        } else {
            prop_assert_eq!(batch, requirement(hours, true));
        }
    }

    #[test]
    fn report_groups_add_up_to_the_total(rows in prop::collection::vec((0usize..4, 0usize..3, 0u64..200, 1u64..150, any::<bool>(), 0i64..40), 0..40)) {
        let offices = ["Central", "Bay", "North"];
        let completions: Vec<Completion> = rows
            .iter()
            .map(|&(person, office, actual, guided, passed, day)| {
                Completion::new(CompletionFields {
                    first_name: String::new(),
                    last_name: String::new(),
                    date_of_birth: None,
                    region: if office == 2 { "North Wales".into() } else { "South Wales".into() },
                    pdu: format!("PDU-{}", office % 2),
                    office: offices.get(office).copied().unwrap_or("Central").into(),
                    email: String::new(),
                    course_name: format!("Course {}", actual % 3),
                    course_type: "Online".into(),
                    provider: "Meganexus".into(),
                    completion_date_time: Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).single().expect("valid") + Duration::days(day),
                    status: if passed { CompletionStatus::Completed } else { CompletionStatus::Failed },
                    total_time_minutes: Minutes::new(actual).expect("in range"),
                    expected_time_minutes: Minutes::new(guided).expect("in range"),
                    attempts: None,
                    external_reference: format!("P-{person}"),
                })
                .expect("valid")
            })
            .collect();
        let decisions = credit_batch(&completions, &[], &[], &CreditPolicy::default());
        let practitioners: HashMap<String, String> = HashMap::from([("P-0".into(), "PR-1".into()), ("P-1".into(), "PR-2".into())]);
        let from = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid");
        let to = NaiveDate::from_ymd_opt(2026, 3, 30).expect("valid");
        for grouping in [Grouping::Person, Grouping::Practitioner, Grouping::Office, Grouping::Pdu, Grouping::Region] {
            let report = completion_report(&completions, &decisions, &practitioners, from, to, grouping).expect("report");
            let sum = |f: fn(&ete_core::hours::ReportRow) -> u64| report.rows.iter().map(f).sum::<u64>();
            prop_assert_eq!(sum(|r| r.completions), report.total.completions);
            prop_assert_eq!(sum(|r| r.courses_completed), report.total.courses_completed);
            prop_assert_eq!(sum(|r| r.minutes_credited.get()), report.total.minutes_credited.get());
            prop_assert_eq!(sum(|r| r.actual_minutes.get()), report.total.actual_minutes.get());
            prop_assert_eq!(sum(|r| r.guided_minutes.get()), report.total.guided_minutes.get());
            prop_assert_eq!(sum(|r| r.duplicates), report.total.duplicates);
            prop_assert_eq!(sum(|r| r.failures), report.total.failures);
            let in_range = decisions.iter().filter(|d| (from..=to).contains(&d.date)).count() as u64;
            prop_assert_eq!(report.total.completions, in_range);
        }
    }
}

proptest! {
    /// A retried command id changes nothing: recording every entry (each with an id) and then
    /// retrying any of them, in any order, leaves the ledger as recording each once did; an id
    /// reused for a different entry is refused with the ledger unchanged; and the JSON form
    /// of the ledger restores to an equal ledger.
    #[test]
    fn a_retried_entry_id_changes_nothing(
        entries in entries(),
        retries in prop::collection::vec(any::<prop::sample::Index>(), 0..10),
    ) {
        let with_ids: Vec<LedgerEntry> = entries
            .into_iter()
            .enumerate()
            .map(|(i, e)| e.with_id(format!("cmd-{i}")))
            .collect();
        let mut once = requirement(120, true);
        let mut recorded = Vec::new();
        for e in &with_ids {
            if once.record(e.clone()).is_ok() {
                recorded.push(e.clone());
            }
        }
        let mut again = once.clone();
        for index in &retries {
            if recorded.is_empty() { break; }
            let e = index.get(&recorded).clone();
            prop_assert!(again.record(e.clone()).is_ok());
            prop_assert_eq!(&again, &once);
            let mut other = e.clone();
            other.by = "SOMEONE-ELSE".into();
            prop_assert!(again.record(other).is_err());
            prop_assert_eq!(&again, &once);
        }
        let restored = Requirement::from_json(&once.to_json().expect("json")).expect("restores");
        prop_assert_eq!(restored, once);
    }
}

#[test]
fn a_snapshot_with_one_entry_id_twice_is_refused() {
    let day = start();
    let entry =
        LedgerEntry::new(day, "SUP-1", LedgerEventKind::Extension { months: 1 }).with_id("c1");
    let mut r = requirement(100, false);
    r.record(entry.clone()).expect("recorded");
    let json = r.to_json().expect("json");
    let one = serde_json::to_string(&entry).expect("entry");
    let tampered = json.replacen(&one, &format!("{one},{one}"), 1);
    assert_ne!(tampered, json, "the entry appears in the snapshot");
    let e = Requirement::from_json(&tampered).unwrap_err();
    assert_eq!(e.kind(), ete_core::ErrorKind::MalformedInput, "{e}");
}
