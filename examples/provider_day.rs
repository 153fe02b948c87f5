//! A provider completing a day's registers (R-2, R-3, R-5, R-9).
//!
//! Replays the sample registers up to the day, then takes the provider's actions on that day's
//! lessons one by one and prints each decision with its reason (marks before the lesson ends,
//! an authorised absence, a learner not on the register and a contribution of 3 are refused),
//! then each register as the provider leaves it.
//!
//! ```text
//! cargo run -q -p ete-examples --example provider_day [-- DAY [PROVIDER]]
//! ```
//!
//! defaults: `2026-11-24`, `PRV-1`.

use std::error::Error;
use std::path::PathBuf;

use chrono::NaiveDate;
use ete_core::register::{Mark, Register};
use ete_examples::register_data::{self, Action};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let day = args.first().map_or("2026-11-24", String::as_str);
    let provider = args.get(1).map_or("PRV-1", String::as_str);
    if let Err(e) = run(day, provider) {
        eprintln!("provider_day: {e}");
        std::process::exit(1);
    }
}

fn run(day: &str, provider: &str) -> Result<(), Box<dyn Error>> {
    let day =
        NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|e| format!("day {day:?}: {e}"))?;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/registers.json");
    let data = register_data::load(&path)?;
    let mut registers = register_data::registers(&data)?;
    let on_day = |a: &Action, registers: &std::collections::BTreeMap<String, Register>| {
        registers.get(&a.lesson).is_some_and(|r| {
            r.lesson().starts_at.date_naive() == day && r.lesson().provider == provider
        })
    };

    println!("Registers of {provider} on {day}\n");
    let (mut done, mut refused) = (0, 0);
    for action in data.actions.iter().filter(|a| a.at.date_naive() <= day) {
        let ours = on_day(action, &registers);
        let outcome = register_data::apply(&mut registers, action);
        if !ours {
            continue;
        }
        let what = format!(
            "{} {:<16} {:<7} {:<30}",
            action.at.format("%H:%M"),
            action.lesson,
            action.learner,
            action.describe()
        );
        match outcome {
            Ok(()) => done += 1,
            Err(e) => {
                refused += 1;
                println!("{what} refused: {e}");
            }
        }
    }
    println!(
        "\n{done} actions recorded, {refused} refused (each refusal above, with its reason).\n"
    );

    for register in registers
        .values()
        .filter(|r| r.lesson().starts_at.date_naive() == day && r.lesson().provider == provider)
    {
        let lesson = register.lesson();
        println!(
            "{} ({}-{}): {}",
            lesson.id,
            lesson.starts_at.format("%H:%M"),
            lesson.ends_at.format("%H:%M"),
            if register.is_complete() {
                "complete"
            } else {
                "NOT complete"
            }
        );
        for (learner, entry) in register.entries() {
            let mark = entry.current().map_or("(unmarked)", Mark::code);
            let score = entry
                .contribution
                .map(|c| format!("contribution {c}"))
                .unwrap_or_default();
            let notes = register
                .notes()
                .iter()
                .filter(|n| &n.learner == learner)
                .count();
            let notes = if notes > 0 {
                format!("{notes} note(s)")
            } else {
                String::new()
            };
            println!("  {learner:<7} {mark:<22} {score:<16} {notes}");
        }
    }
    Ok(())
}
