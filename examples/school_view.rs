//! A school's daily view (R-4, R-7, R-8): the unexplained absences waiting for the school,
//! oldest first; registers not completed by the end of their day; and per learner the term's
//! attendance with statutory codes and the persistent (10%+) and severe (50%+) absence flags.
//!
//! ```text
//! cargo run -q -p ete-examples --example school_view [-- SCHOOL [NOW]]
//! ```
//!
//! defaults: `SCH-A`, `2026-11-24T18:00:00Z`.

use std::error::Error;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ete_core::register::{
    Register, Scope, StatutoryPolicy, statutory_summary, summarise, unprocessed_absences,
};
use ete_examples::register_data;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let school = args.first().map_or("SCH-A", String::as_str);
    let now = args.get(1).map_or("2026-11-24T18:00:00Z", String::as_str);
    if let Err(e) = run(school, now) {
        eprintln!("school_view: {e}");
        std::process::exit(1);
    }
}

fn run(school: &str, now: &str) -> Result<(), Box<dyn Error>> {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(now)
        .map_err(|e| format!("now {now:?}: {e}"))?
        .with_timezone(&Utc);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/registers.json");
    let data = register_data::load(&path)?;
    let learners = data
        .schools
        .get(school)
        .ok_or_else(|| format!("no school {school} in the sample data"))?
        .clone();
    let mut registers = register_data::registers(&data)?;
    for action in data.actions.iter().filter(|a| a.at <= now) {
        // Refusals leave the register unchanged; the provider example shows them.
        let _ = register_data::apply(&mut registers, action);
    }
    let registers: Vec<Register> = registers.into_values().collect();

    println!(
        "{school}: daily view at {}\n",
        now.format("%Y-%m-%d %H:%M UTC")
    );
    let waiting = unprocessed_absences(&registers, &learners);
    println!(
        "Unexplained absences to process ({}), oldest first:",
        waiting.len()
    );
    for a in &waiting {
        println!(
            "  {} {:<16} {}",
            a.starts_at.format("%a %d %b %H:%M"),
            a.lesson,
            a.learner
        );
    }

    let scope = Scope {
        learners: Some(learners),
        ..Scope::default()
    };
    let report = summarise(&registers, &scope, now);
    println!("\nRegisters not completed by the end of their day:");
    for lesson in &report.incomplete_registers {
        println!("  {lesson}");
    }
    if report.incomplete_registers.is_empty() {
        println!("  none");
    }

    let policy = StatutoryPolicy::default();
    let statutory = statutory_summary(&registers, &scope, &policy)?;
    println!(
        "\n{:<8} {:>8} {:>9} {:>8} {:<11} statutory codes",
        "learner", "possible", "attended", "absence", "flag"
    );
    let rows = report.learners.iter().map(|(l, s)| (l.as_str(), s));
    let figures = statutory.learners.iter().chain([&statutory.group]);
    for ((who, s), f) in rows.chain([("group", &report.group)]).zip(figures) {
        let rates = s.rates();
        let attended = rates.map_or("-".into(), |r| {
            format!("{}%", r.attended.percent(1).unwrap_or_default())
        });
        let absence = f
            .absence_percent
            .as_ref()
            .map_or("-".into(), |p| format!("{p}%"));
        let flag = match (f.severe, f.persistent) {
            (true, _) => "SEVERE",
            (false, true) => "persistent",
            _ => "",
        };
        let codes: Vec<String> = f
            .sessions
            .iter()
            .map(|c| format!("{}:{}", c.code, c.sessions))
            .collect();
        println!(
            "{who:<8} {:>8} {attended:>9} {absence:>8} {flag:<11} {}",
            s.possible(),
            codes.join(" ")
        );
    }
    println!("\nThe group's rates are ratios of the summed counts, never a mean of rates (R-8).");
    Ok(())
}
