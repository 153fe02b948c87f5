//! Structure-aware target for a requirement's ledger (H-9..H-12): terms and policies drawn inside
//! and outside their ranges, entries with extreme minutes, signed adjustments, extensions and
//! dates, retried and reused ids. Checked after every run: a refusal changed nothing, the state is
//! the fold of its entries, ETE credit never exceeds the allowance (H-10), nothing remains once
//! complete, and the JSON restores equal.

use arbitrary::{Arbitrary, Result, Unstructured};
use ete_core::Minutes;
use ete_core::hours::{
    AppointmentOutcome, LedgerEntry, LedgerEventKind, LedgerPolicy, OrderKind, Requirement,
    RequirementTerms,
};

use crate::aggregates::run;
use crate::{date, name};

/// Minutes near the rules' sizes, or anywhere in `u64` one time in four.
fn minutes(u: &mut Unstructured<'_>) -> Result<Minutes> {
    let m = if u.ratio(1, 4)? {
        u64::arbitrary(u)?
    } else {
        u.int_in_range(0..=20_000)?
    };
    Ok(Minutes::new(m).unwrap_or(Minutes::ZERO))
}

fn policy(u: &mut Unstructured<'_>) -> Result<LedgerPolicy> {
    let mut policy = LedgerPolicy::default();
    if u.ratio(1, 3)? {
        policy.completion_months = u32::arbitrary(u)?;
        policy.max_extension_months = u32::arbitrary(u)?;
        policy.adult_hours = (u32::arbitrary(u)?, u32::arbitrary(u)?);
    }
    Ok(policy)
}

fn event(u: &mut Unstructured<'_>) -> Result<LedgerEventKind> {
    Ok(match u.int_in_range(0u8..=3)? {
        0 => LedgerEventKind::WorkAppointment {
            minutes: minutes(u)?,
            outcome: *u.choose(&[
                AppointmentOutcome::Attended,
                AppointmentOutcome::AcceptableAbsence,
                AppointmentOutcome::UnacceptableAbsence,
            ])?,
        },
        1 => LedgerEventKind::EteCredit {
            minutes: minutes(u)?,
            course_name: name(u, &["Health and Safety"])?,
        },
        2 => LedgerEventKind::Adjustment {
            minutes: if u.ratio(1, 4)? {
                i64::arbitrary(u)?
            } else {
                u.int_in_range(-6_000..=6_000)?
            },
        },
        _ => LedgerEventKind::Extension {
            months: if u.ratio(1, 4)? {
                u32::arbitrary(u)?
            } else {
                u.int_in_range(0..=12)?
            },
        },
    })
}

/// A requirement's ledger under entries from anyone, on any day.
pub fn ledger_commands(u: &mut Unstructured<'_>) -> Result<()> {
    let terms = RequirementTerms {
        id: name(u, &["UPW-1"])?,
        person_ref: name(u, &["P-1"])?,
        kind: *u.choose(&[OrderKind::Adult, OrderKind::Youth])?,
        required: minutes(u)?,
        start: date(u)?,
        incentive_eligible: bool::arbitrary(u)?,
    };
    let Ok(requirement) = Requirement::new(terms, policy(u)?) else {
        return Ok(());
    };
    let mut entries = Vec::new();
    for _ in 0..u.int_in_range(0..=30)? {
        let mut entry = LedgerEntry::new(date(u)?, name(u, &["SUP-1"])?, event(u)?);
        // One entry in eight has no id: refused, with nothing recorded.
        if !u.ratio(1, 8)? {
            entry = entry.with_id(format!("e{}", u.int_in_range(0u8..=20)?));
        }
        entries.push(entry);
    }
    let state = run(&requirement, &entries);
    for _ in 0..u.int_in_range(1..=3)? {
        if let Ok(status) = state.status(date(u)?) {
            assert!(
                status.ete_completed <= status.ete_allowance,
                "ETE credit beyond the allowance (H-10): {status:?}"
            );
            assert!(
                !status.complete || status.remaining == Minutes::ZERO,
                "complete with time remaining: {status:?}"
            );
        }
    }
    let saved = state.to_json().expect("a requirement saves");
    assert_eq!(
        Requirement::from_json(&saved).ok().as_ref(),
        Some(&state),
        "a requirement's JSON restores equal"
    );
    Ok(())
}
