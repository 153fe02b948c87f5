//! Property tests of the learning-hours invariants (H-3..H-8) and of the data types.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ete_core::hours::{
    AgreementCategory, Completion, CompletionFields, CompletionStatus, Course, CreditDecision,
    CreditPolicy, CreditReason, ExtraTimeAgreement, PriorCredit, Reject, allowance_cap, credit,
    credit_batch,
};
use ete_core::{Minutes, Ratio, Rounding};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn minutes(max: u64) -> impl Strategy<Value = Minutes> {
    (0..=max).prop_map(|m| Minutes::new(m).expect("in range"))
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2020-01-01 .. 2030-01-01, whole seconds.
    (1_577_836_800i64..1_893_456_000).prop_map(|s| Utc.timestamp_opt(s, 0).single().expect("valid"))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    instant().prop_map(|t| t.date_naive())
}

fn completion() -> impl Strategy<Value = Completion> {
    (
        prop::sample::select(vec!["P-1", "P-2", "P-3"]),
        prop::sample::select(vec!["Digital skills", "Budgeting"]),
        instant(),
        prop::bool::weighted(0.8),
        minutes(2_000),
        (1u64..=1_000).prop_map(|g| Minutes::new(g).expect("in range")),
        prop::option::of(1u32..5),
    )
        .prop_map(|(person, course, at, passed, actual, guided, attempts)| {
            Completion::new(CompletionFields {
                first_name: "Alex".into(),
                last_name: "Example".into(),
                date_of_birth: NaiveDate::from_ymd_opt(1990, 1, 2),
                region: "Wales".into(),
                pdu: "Cardiff".into(),
                office: "Central".into(),
                email: "alex@example.invalid".into(),
                course_name: course.into(),
                course_type: "Online".into(),
                provider: "Meganexus".into(),
                completion_date_time: at,
                status: if passed {
                    CompletionStatus::Completed
                } else {
                    CompletionStatus::Failed
                },
                total_time_minutes: actual,
                expected_time_minutes: guided,
                attempts,
                external_reference: person.into(),
            })
            .expect("valid completion")
        })
}

fn agreement() -> impl Strategy<Value = ExtraTimeAgreement> {
    (
        prop::sample::select(vec!["P-1", "P-2", "P-3"]),
        date(),
        prop::option::of(0u32..=100),
    )
        .prop_map(|(person, on, pct)| {
            ExtraTimeAgreement::new(person, "PR-1", on, AgreementCategory::Neurodiversity, pct)
                .expect("valid agreement")
        })
}

fn policy() -> impl Strategy<Value = CreditPolicy> {
    (0u32..=100, any::<bool>()).prop_map(|(p, r)| CreditPolicy::new(p, r).expect("valid policy"))
}

fn round_trips<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let json = serde_json::to_string(value).expect("serialises");
    let back: T = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(&back, value, "JSON round trip changed the value: {json}");
}

proptest! {
    #[test]
    fn credited_never_exceeds_actual_or_cap_and_reason_matches_branch(
        c in completion(), repeat in any::<bool>(),
        agreements in prop::collection::vec(agreement(), 0..4), policy in policy(),
    ) {
        let d = credit(&c, 0, repeat, &agreements, &policy);
        prop_assert!(d.credited <= d.actual);
        prop_assert!(d.credited <= d.cap);
        prop_assert_eq!(d.cap, allowance_cap(c.guided(), d.allowance_percent));
        let failed = c.status() == CompletionStatus::Failed;
        let duplicate = !failed && repeat && !policy.credit_repeats();
        let expected = if failed {
            CreditReason::Failed
        } else if duplicate {
            CreditReason::Duplicate
        } else if c.actual() <= c.guided() {
            CreditReason::WithinGuidedTime
        } else if d.allowance_percent.is_none() {
            CreditReason::CappedAtGuidedTime
        } else if c.actual() <= d.cap {
            CreditReason::WithinAllowance
        } else {
            CreditReason::CappedAtAllowance
        };
        prop_assert_eq!(d.reason, expected);
        match d.reason {
            CreditReason::Failed | CreditReason::Duplicate => prop_assert_eq!(d.credited, Minutes::ZERO),
            CreditReason::WithinGuidedTime | CreditReason::WithinAllowance => prop_assert_eq!(d.credited, c.actual()),
            CreditReason::CappedAtGuidedTime => prop_assert_eq!(d.credited, c.guided()),
            CreditReason::CappedAtAllowance => prop_assert_eq!(d.credited, d.cap),
            other => prop_assert!(false, "credit() never gives {other} (only against requirements)"),
        }
    }

    #[test]
    fn actual_is_credited_when_within_guided_time(
        c in completion(), share in 0u64..=100, policy in policy(),
        agreements in prop::collection::vec(agreement(), 0..4),
    ) {
        let mut fields = c.fields().clone();
        fields.status = CompletionStatus::Completed;
        fields.total_time_minutes = Minutes::new(c.guided().get() * share / 100).expect("in range");
        let c = Completion::new(fields).expect("valid");
        let d = credit(&c, 0, false, &agreements, &policy);
        prop_assert_eq!(d.credited, c.actual());
    }

    #[test]
    fn batch_credits_each_person_course_at_most_once_unless_repeats_allowed(
        cs in prop::collection::vec(completion(), 0..20), repeats in any::<bool>(),
    ) {
        let policy = CreditPolicy::new(20, repeats).expect("valid");
        let decisions = credit_batch(&cs, &[], &[], &policy);
        prop_assert_eq!(decisions.len(), cs.len());
        let mut seen = std::collections::HashSet::new();
        for (i, d) in decisions.iter().enumerate() {
            prop_assert_eq!(d.position, i);
            let counted = !matches!(d.reason, CreditReason::Failed | CreditReason::Duplicate);
            if counted && !seen.insert((d.person_ref.clone(), d.course_name.clone())) {
                prop_assert!(repeats, "a second credit of the same course without repeats: {}", d);
            }
        }
    }

    #[test]
    fn the_batch_is_the_same_whatever_the_input_order(cs in prop::collection::vec(completion(), 0..12)) {
        let policy = CreditPolicy::default();
        let forward = credit_batch(&cs, &[], &[], &policy);
        let reversed: Vec<Completion> = cs.iter().rev().cloned().collect();
        let mut backward = credit_batch(&reversed, &[], &[], &policy);
        backward.reverse();
        // Equal instants tie-break by position, so compare only where instants are distinct.
        let distinct = cs.iter().map(Completion::completed_at).collect::<std::collections::HashSet<_>>().len() == cs.len();
        prop_assume!(distinct);
        for (f, b) in forward.iter().zip(&backward) {
            prop_assert_eq!((f.credited, f.reason), (b.credited, b.reason));
        }
    }

    #[test]
    fn minutes_print_then_parse_is_identity(m in minutes(Minutes::MAX.get())) {
        let text = m.to_string();
        prop_assert_eq!(text.parse::<Minutes>().expect("parses"), m);
    }

    #[test]
    fn canonical_text_parse_then_print_is_identity(h in 0u64..100_000, mm in 0u64..60) {
        let text = format!("{h:02}:{mm:02}");
        prop_assert_eq!(text.parse::<Minutes>().expect("parses").to_string(), text);
    }

    #[test]
    fn half_up_and_floor_bracket_the_exact_value(m in minutes(1_000_000_000), n in 0u64..1_000, d in 1u64..1_000) {
        let r = Ratio::new(n, d).expect("valid");
        let floor = r.apply(m, Rounding::Floor).expect("fits").get();
        let half_up = r.apply(m, Rounding::HalfUp).expect("fits").get();
        let exact_num = u128::from(m.get()) * u128::from(n);
        prop_assert!(u128::from(floor) * u128::from(d) <= exact_num);
        prop_assert!(exact_num < (u128::from(floor) + 1) * u128::from(d));
        prop_assert!(half_up == floor || half_up == floor + 1);
        // half_up rounds up exactly when the remainder is at least half the denominator.
        let remainder = exact_num - u128::from(floor) * u128::from(d);
        prop_assert_eq!(half_up == floor + 1, 2 * remainder >= u128::from(d));
    }

    #[test]
    fn public_data_types_survive_a_json_round_trip(
        c in completion(), a in agreement(), p in policy(), m in minutes(Minutes::MAX.get()),
        n in 0u64..1_000, d in 1u64..1_000,
    ) {
        round_trips(&c);
        round_trips(&a);
        round_trips(&p);
        round_trips(&m);
        round_trips(&Ratio::new(n, d).expect("valid"));
        let decision: CreditDecision = credit(&c, 3, false, std::slice::from_ref(&a), &p);
        round_trips(&decision);
        round_trips(&PriorCredit { person_ref: c.person_ref().into(), course_name: c.course_name().into() });
        round_trips(&Reject { position: 2, line: Some(4), field: Some("status".into()), reason: "bad".into() });
        round_trips(&Course::new("CC-1", "Budgeting", "Meganexus", "Online", vec!["en".into(), "cy".into()], c.guided()).expect("valid"));
        prop_assert_eq!(CreditPolicy::from_json(&p.to_json()).expect("loads"), p);
    }

    #[test]
    fn debug_and_display_never_show_personal_data(c in completion()) {
        for shown in [format!("{c:?}"), format!("{c}"), format!("{:?}", c.fields())] {
            for secret in ["Alex", "Example", "alex@example.invalid", "1990-01-02"] {
                prop_assert!(!shown.contains(secret), "{shown} shows {secret}");
            }
        }
    }
}

fn reference_decimal(n: i64, d: u64, scale: i128, places: u32) -> String {
    // Half up, ties toward +∞, in i128 (exact while nothing overflows: small inputs only).
    let scaled = (2 * i128::from(n) * scale * 10i128.pow(places) + i128::from(d))
        .div_euclid(2 * i128::from(d));
    let (sign, digits, unit) = (
        if scaled < 0 { "-" } else { "" },
        scaled.unsigned_abs(),
        10u128.pow(places),
    );
    if places == 0 {
        format!("{sign}{digits}")
    } else {
        format!(
            "{sign}{}.{:0w$}",
            digits / unit,
            digits % unit,
            w = places as usize
        )
    }
}

proptest! {
    /// Decimals and percentages are exact (half up, ties toward +∞) for any fraction, and never
    /// overflow: small inputs agree with a direct i128 computation; extreme ones are well formed.
    #[test]
    fn fractions_show_exactly(n in -100_000i64..100_000, d in 1u64..100_000, places in 0u32..8,
                              big in any::<i64>(), big_d in 1u64.., many in 0u32..=30) {
        let f = ete_core::Fraction::new(n, d).unwrap();
        prop_assert_eq!(f.decimal(places).unwrap(), reference_decimal(n, d, 1, places));
        prop_assert_eq!(f.percent(places).unwrap(), reference_decimal(n, d, 100, places));
        let extreme = ete_core::Fraction::new(big, big_d).unwrap().percent(many).unwrap();
        let digits = extreme.trim_start_matches('-');
        let fraction_digits = digits.split('.').nth(1).map_or(0, str::len);
        prop_assert_eq!(fraction_digits, many as usize);
        prop_assert!(digits.chars().all(|c| c.is_ascii_digit() || c == '.'));
        prop_assert!(ete_core::Fraction::new(n, d).unwrap().decimal(31).is_err());
    }
}
