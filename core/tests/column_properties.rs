//! The columnar kernels give the record API's answers on random data.

use std::collections::BTreeMap;

use ete_core::Minutes;
use ete_core::columns::{
    ColumnError, CreditColumns, Flags, UNMARKED, attendance_by_learner, credit_columns, ete_totals,
    find_repeats,
};
use ete_core::hours::{
    Completion, CreditPolicy, CreditReason, LedgerPolicy, ReadMode, credit_batch,
    read_completions_json,
};
use ete_core::register::{AttendanceSummary, Mark, StatutoryPolicy};
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Row {
    person: i64,
    course: i64,
    minute: i64,
    passed: bool,
    actual: i64,
    guided: i64,
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (
            0..6_i64,
            0..3_i64,
            0..500_i64,
            any::<bool>(),
            0..300_i64,
            1..200_i64,
        )
            .prop_map(|(person, course, minute, passed, actual, guided)| Row {
                person,
                course,
                minute,
                passed,
                actual,
                guided,
            }),
        0..60,
    )
}

fn completions(rows: &[Row]) -> Vec<Completion> {
    let json: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                r#"{{"externalReference":"P-{}","courseName":"C{}","completionDateTime":"2026-11-0{}T{:02}:{:02}:00Z","status":"{}","totalTimeMinutes":{},"expectedTimeMinutes":{}}}"#,
                r.person,
                r.course,
                1 + r.minute / (24 * 60),
                (r.minute / 60) % 24,
                r.minute % 60,
                if r.passed { "Completed" } else { "Failed" },
                r.actual,
                r.guided
            )
        })
        .collect();
    read_completions_json(&format!("[{}]", json.join(",")), ReadMode::Strict)
        .map(|read| read.completions)
        .unwrap_or_default()
}

proptest! {
    /// find_repeats + credit_columns = credit_batch, for any batch and either repeat policy.
    #[test]
    fn columns_equal_credit_batch(rows in rows(), credit_repeats in any::<bool>()) {
        let policy = CreditPolicy::new(20, credit_repeats).unwrap();
        let decisions = credit_batch(&completions(&rows), &[], &[], &policy);
        let col = |f: fn(&Row) -> i64| rows.iter().map(f).collect::<Vec<i64>>();
        let passed: Vec<bool> = rows.iter().map(|r| r.passed).collect();
        let repeat =
            find_repeats(&col(|r| r.person), &col(|r| r.course), &col(|r| r.minute), &passed)
                .unwrap();
        let out = credit_columns(
            &CreditColumns {
                actual: &col(|r| r.actual),
                guided: &col(|r| r.guided),
                passed: (&passed).into(),
                repeat: Some((&repeat).into()),
                extra_time: None,
            },
            &policy,
        )
        .unwrap();
        prop_assert_eq!(repeat, decisions.iter().map(|d| d.repeat).collect::<Vec<_>>());
        prop_assert_eq!(
            out.credited,
            decisions.iter().map(|d| d.credited.as_signed()).collect::<Vec<_>>()
        );
        prop_assert_eq!(
            out.reason.iter().map(|r| CreditReason::from_index(*r)).collect::<Vec<_>>(),
            decisions.iter().map(|d| Some(d.reason)).collect::<Vec<_>>()
        );
    }

    /// Flags bit-packed as Arrow packs them (any bit offset, set bits around the column, any
    /// length across the 64-row blocks), all of them or some (`packed`: a bit per column), give
    /// the same credit, or the same error, as a bool each, whether or not repeats are credited.
    /// Bad minutes are rare (about one row in 400), so most cases decide every row and those
    /// that fail do so deep into the blocks.
    #[test]
    fn bit_packed_flags_credit_as_bytes_do(
        rows in prop::collection::vec(
            (prop_oneof![400 => 0..400_i64, 1 => any::<i64>()], prop_oneof![400 => 1..300_i64, 1 => -2..2_i64],
             any::<bool>(), any::<bool>(), any::<bool>()),
            0..300,
        ),
        offset in 0..20_usize,
        absent in 0..3_u8,
        packed in 1..8_u8,
        credit_repeats in any::<bool>(),
        allowance in 0..=100_u32,
    ) {
        let actual: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let guided: Vec<i64> = rows.iter().map(|r| r.1).collect();
        let flag = |f: fn(&(i64, i64, bool, bool, bool)) -> bool| rows.iter().map(f).collect::<Vec<bool>>();
        let (passed, repeat, extra) = (flag(|r| r.2), flag(|r| r.3), flag(|r| r.4));
        let pack = |values: &[bool]| {
            let mut bytes = vec![0xff_u8; (offset + values.len()).div_ceil(8) + 2];
            for (i, v) in values.iter().enumerate() {
                let bit = offset + i;
                if !*v {
                    bytes[bit / 8] &= !(1 << (bit % 8));
                }
            }
            bytes
        };
        let (p, r, e) = (pack(&passed), pack(&repeat), pack(&extra));
        let bits = |bytes| Flags::bits("flag", bytes, offset, rows.len()).unwrap();
        // Column k (passed, repeat, extra_time) is bit-packed when bit k of `packed` is set.
        let is_packed = |k: u8| packed >> k & 1 == 1;
        let policy = CreditPolicy::new(allowance, credit_repeats).unwrap();
        let by_bytes = credit_columns(&CreditColumns {
            actual: &actual, guided: &guided, passed: (&passed).into(),
            repeat: (absent != 1).then(|| (&repeat).into()),
            extra_time: (absent != 2).then(|| (&extra).into()),
        }, &policy);
        let by_bits = credit_columns(&CreditColumns {
            actual: &actual, guided: &guided, passed: if is_packed(0) { bits(&p) } else { (&passed).into() },
            repeat: (absent != 1).then(|| if is_packed(1) { bits(&r) } else { (&repeat).into() }),
            extra_time: (absent != 2).then(|| if is_packed(2) { bits(&e) } else { (&extra).into() }),
        }, &policy);
        prop_assert_eq!(by_bits, by_bytes);
    }

    /// Totals equal summing then capping each requirement alone; the capped total never exceeds
    /// the allowance and credited + over = the sum.
    #[test]
    fn totals_are_capped_sums(
        required in prop::collection::vec(prop_oneof![4 => 2_400..=18_000_i64, 1 => 0..20_000_i64], 1..8),
        credits in prop::collection::vec((0..8_usize, 0..900_i64), 0..80),
    ) {
        let requirement: Vec<i64> = credits.iter().map(|(r, _)| (*r % required.len()) as i64).collect();
        let minutes: Vec<i64> = credits.iter().map(|(_, m)| *m).collect();
        let policy = LedgerPolicy::default();
        // H-9: a required time outside 40..=300 hours is refused, naming the first such row.
        let outside = required.iter().position(|r| !(2_400..=18_000).contains(r));
        let result = ete_totals(&requirement, &minutes, &required, &policy);
        if let Some(position) = outside {
            let Err(ColumnError::OutOfRange { field, position: at, .. }) = result else {
                panic!("expected OutOfRange for required[{position}], got {result:?}");
            };
            prop_assert_eq!((field, at), ("required", position));
            return Ok(());
        }
        let t = result.unwrap();
        for (r, req) in required.iter().enumerate() {
            let sum: i64 = requirement.iter().zip(&minutes).filter(|(q, _)| **q == r as i64).map(|(_, m)| m).sum();
            let allowance = policy.ete_allowance(Minutes::new(*req as u64).unwrap()).unwrap().as_signed();
            prop_assert_eq!(t.allowance[r], allowance);
            prop_assert_eq!(t.credited[r], sum.min(allowance));
            prop_assert_eq!(t.credited[r] + t.over_allowance[r], sum);
            prop_assert_eq!(t.credited[r] + t.remaining[r], allowance);
        }
    }

    /// Per-learner columns equal an AttendanceSummary built mark by mark.
    #[test]
    fn attendance_equals_the_summary(entries in prop::collection::vec((0..5_i64, UNMARKED..8), 0..120)) {
        let learner: Vec<i64> = entries.iter().map(|e| e.0).collect();
        let mark: Vec<i64> = entries.iter().map(|e| e.1).collect();
        let policy = StatutoryPolicy::default();
        let out = attendance_by_learner(&learner, &mark, Some(5), &policy, None).unwrap();
        let mut summaries: BTreeMap<i64, AttendanceSummary> = BTreeMap::new();
        for (l, m) in &entries {
            let s = summaries.entry(*l).or_default();
            match usize::try_from(*m).ok().and_then(|m| Mark::ALL.get(m)) {
                Some(mark) => *s.counts.entry(*mark).or_insert(0) += 1,
                None => s.unmarked += 1,
            }
        }
        for l in 0..5 {
            let s = summaries.remove(&l).unwrap_or_default();
            let i = l as usize;
            prop_assert_eq!(out.possible[i], s.possible());
            prop_assert_eq!(out.unmarked[i], s.unmarked);
            let statutory = s.tally().statutory(&policy.categories(None).unwrap());
            let flags = statutory.absence_flags(&policy);
            prop_assert_eq!((out.persistent[i], out.severe[i]), (flags.persistent, flags.severe));
            prop_assert_eq!(out.statutory_possible[i], statutory.possible());
            prop_assert_eq!(out.statutory_attendance[i], statutory.attendance());
            prop_assert_eq!((out.authorised[i], out.unauthorised[i]), (statutory.authorised, statutory.unauthorised));
            prop_assert_eq!(out.absences[i], statutory.absences());
            for (m, mark) in Mark::ALL.iter().enumerate() {
                prop_assert_eq!(out.counts[m][i], s.counts.get(mark).copied().unwrap_or(0));
            }
        }
    }
}

#[test]
fn errors_name_the_column_the_row_and_the_value() {
    let bad = credit_columns(
        &CreditColumns {
            actual: &[1, -4],
            guided: &[1, 1],
            passed: (&[true, true]).into(),
            ..CreditColumns::default()
        },
        &CreditPolicy::default(),
    );
    let Err(e @ ColumnError::InvalidMinutes { .. }) = bad else {
        panic!("expected InvalidMinutes, got {bad:?}");
    };
    assert_eq!(e.field(), "actual");
    assert_eq!(e.kind(), ete_core::ErrorKind::InvalidMinutes);
    assert!(
        e.to_string()
            .starts_with("actual[1] = -4: minutes must be 0..=")
    );
    let none = ete_totals(&[0], &[5], &[], &LedgerPolicy::default()).unwrap_err();
    assert!(
        none.to_string().contains("no requirements were given"),
        "{none}"
    );
    let mark = attendance_by_learner(&[0], &[9_i8], Some(1), &StatutoryPolicy::default(), None)
        .unwrap_err();
    assert!(
        mark.to_string()
            .starts_with("mark[0] = 9: must be a mark code 0..=7"),
        "{mark}"
    );
}

/// Memory follows the input, not its values: a huge learner index or `learners` is refused
/// before anything is allocated (this used to abort the process trying to allocate 64.8 GB).
#[test]
fn huge_learner_counts_are_refused_not_allocated() {
    let policy = StatutoryPolicy::default();
    let index =
        attendance_by_learner(&[0, 900_000_123], &[0_i8, 0], None, &policy, None).unwrap_err();
    assert_eq!(index.kind(), ete_core::ErrorKind::InvalidField);
    assert!(
        index.to_string().starts_with("learner[1] = 900000123"),
        "{index}"
    );
    for learners in [usize::MAX, 1 << 62, ete_core::columns::MAX_LEARNERS + 1] {
        let e = attendance_by_learner(&[0], &[0_i8], Some(learners), &policy, None).unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (ete_core::ErrorKind::InvalidField, "learners")
        );
    }
    let fine = attendance_by_learner(&[2], &[0_i8], None, &policy, None).unwrap();
    assert_eq!(fine.possible, vec![0, 0, 1]);
}

/// The reason indices the columnar API returns are positions in `CreditReason::ALL`, the list the
/// bindings hand out (Kotlin's `creditReasons()`), so a binding never relies on enum order.
#[test]
fn credit_reason_indices_are_positions_in_all() {
    for (i, reason) in CreditReason::ALL.iter().enumerate() {
        assert_eq!(usize::from(reason.index()), i);
        assert_eq!(CreditReason::from_index(reason.index()), Some(*reason));
    }
    assert_eq!(CreditReason::from_index(10), None);
}
