//! A team's staff compliance on a date (S-1, S-2): who may do which PQF task, working-towards
//! deadlines due soon or passed, and mandatory learning expired or never done; then the team's
//! PQiP routes (S-3). Reads `staff.json` from a folder (default `examples/data`); prints people
//! by id only, then the report as CSV.
//!
//! ```text
//! cargo run -q -p ete-examples --example staff_compliance [-- DATA_DIR [REPORT_DAY [DAYS]]]
//! ```
//!
//! defaults: `examples/data`, `2026-12-01`, 31 days ahead.

use std::error::Error;
use std::path::PathBuf;

use chrono::NaiveDate;
use ete_core::staff::{
    Attention, PqipRoute, RowKind, StaffPolicy, StaffRecord, pqip_decision, team_compliance,
};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"));
    let on =
        NaiveDate::parse_from_str(args.get(1).map_or("2026-12-01", String::as_str), "%Y-%m-%d")?;
    let days: u32 = args.get(2).map_or(Ok(31), |d| d.parse())?;
    let records = StaffRecord::many_from_json(&std::fs::read_to_string(dir.join("staff.json"))?)?;
    let policy = StaffPolicy::default();

    let report = team_compliance(&policy, &records, on, days)?;
    println!(
        "Staff compliance on {on} ({} people, due soon = within {days} days)",
        records.len()
    );
    for task in &policy.tasks {
        let eligible: Vec<&str> = report
            .rows
            .iter()
            .filter(|r| {
                r.kind == RowKind::Task && r.item == task.id && r.status.starts_with("eligible")
            })
            .map(|r| r.person.as_str())
            .collect();
        println!("  {:<22} {}", task.id, eligible.join(", "));
    }
    for (heading, wanted) in [
        ("Due soon", &[Attention::DueSoon][..]),
        (
            "Overdue or expired",
            &[Attention::Overdue, Attention::Expired, Attention::NeverDone][..],
        ),
    ] {
        println!("{heading}:");
        for r in report.rows.iter().filter(|r| wanted.contains(&r.attention)) {
            let date = r.date.map_or(String::new(), |d| {
                format!(" {d} ({} days)", r.days.unwrap_or(0))
            });
            println!("  {} {} {}{date}", r.person, r.item, r.status);
        }
    }
    println!("PQiP routes:");
    for record in &records {
        for route in [PqipRoute::Pso, PqipRoute::Level5] {
            let d = pqip_decision(&policy, record, route, on, None)?;
            let why: Vec<&str> = d.reasons.iter().map(|r| r.code()).collect();
            let verdict = if d.eligible {
                "eligible".to_owned()
            } else {
                why.join(", ")
            };
            println!("  {} {:<6} {verdict}", record.id, route.code());
        }
    }
    println!();
    print!("{}", report.to_csv()?);
    Ok(())
}
