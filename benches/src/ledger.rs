//! A requirement ledger workload: a long adult order's entries — work appointments (some
//! acceptable absences), one-minute ETE credits while the allowance lasts, now and then a
//! one-month extension — each with a command id and in date order, so that every entry is
//! accepted.

use chrono::{Duration, NaiveDate};
use ete_core::Minutes;
use ete_core::hours::{
    AppointmentOutcome, LedgerEntry, LedgerError, LedgerEventKind, LedgerPolicy, OrderKind,
    Requirement, RequirementTerms,
};
use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};

/// A requirement with no entries, and the entries to record into it, in order.
#[derive(Clone, Debug)]
pub struct LedgerWorkload {
    /// The empty requirement (300 hours, adult).
    pub requirement: Requirement,
    /// The entries; each is accepted when recorded in order.
    pub entries: Vec<LedgerEntry>,
}

/// `n` entries over about a year from 2026-01-05, seeded.
pub fn ledger_workload(n: usize, seed: u64) -> Result<LedgerWorkload, LedgerError> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or(NaiveDate::MIN);
    let terms = RequirementTerms {
        id: "R-1".into(),
        person_ref: "P-1".into(),
        kind: OrderKind::Adult,
        required: Minutes::new(300 * 60)?,
        start,
        incentive_eligible: true,
    };
    let requirement = Requirement::new(terms, LedgerPolicy::default())?;
    let mut rng = SmallRng::seed_from_u64(seed);
    let per_day = n.div_ceil(365).max(1);
    let mut ete_left: u64 = 5_400;
    let mut extensions = 0;
    let entries = (0..n)
        .map(|i| {
            let date = start + Duration::days(i64::try_from(i / per_day).unwrap_or(0));
            let roll = rng.random_range(0..100u32);
            let event = if roll < 5 && ete_left > 0 {
                ete_left -= 1;
                LedgerEventKind::EteCredit {
                    minutes: Minutes::new(1).unwrap_or(Minutes::ZERO),
                    course_name: "Budgeting".into(),
                }
            } else if roll == 99 && extensions < 24 && i % 5_000 == 0 {
                extensions += 1;
                LedgerEventKind::Extension { months: 1 }
            } else {
                let outcome = if roll < 90 {
                    AppointmentOutcome::Attended
                } else {
                    AppointmentOutcome::AcceptableAbsence
                };
                LedgerEventKind::WorkAppointment {
                    minutes: Minutes::new(rng.random_range(0..=480)).unwrap_or(Minutes::ZERO),
                    outcome,
                }
            };
            LedgerEntry::new(date, "SUP-1", event).with_id(format!("e{i}"))
        })
        .collect();
    Ok(LedgerWorkload {
        requirement,
        entries,
    })
}
