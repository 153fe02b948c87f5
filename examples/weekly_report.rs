//! The administrator's weekly learning-hours report (the README's first command).
//!
//! Reads the portal's completions (CSV), extra-time agreements, earlier credits and the credit
//! policy from a folder (default `examples/data`), and prints, per person, each credit decision
//! with its reason — the recommendation to key into nDelius — then the rejects and the totals.
//!
//! ```text
//! cargo run -q -p ete-examples --example weekly_report [-- DATA_DIR]
//! ```

use std::collections::BTreeMap;
use std::error::Error;
use std::path::{Path, PathBuf};

use ete_core::Minutes;
use ete_core::hours::{
    CreditDecision, CreditPolicy, CreditReason, ExtraTimeAgreement, PriorCredit, ReadMode,
    credit_batch, read_completions_csv,
};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(default_dir);
    if let Err(e) = run(&dir) {
        eprintln!("weekly_report: {e}");
        std::process::exit(1);
    }
}

fn default_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

fn run(dir: &Path) -> Result<(), Box<dyn Error>> {
    let csv_path = dir.join("completions.csv");
    let file =
        std::fs::File::open(&csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let read = read_completions_csv(file, ReadMode::Lenient)?;
    let agreements: Vec<ExtraTimeAgreement> = read_json(&dir.join("agreements.json"))?;
    let prior: Vec<PriorCredit> = read_json(&dir.join("prior_credits.json"))?;
    let policy = CreditPolicy::from_json(&std::fs::read_to_string(dir.join("policy.json"))?)?;

    let decisions = credit_batch(&read.completions, &prior, &agreements, &policy);
    println!(
        "ETE Core — weekly learning-hours report ({})",
        csv_path.display()
    );
    println!(
        "policy: extra-time allowance {}%, repeats {}",
        policy.allowance_percent(),
        if policy.credit_repeats() {
            "credited"
        } else {
            "not credited"
        }
    );
    print_people(&decisions);
    print_rejects(&read.rejects);
    print_totals(&decisions, read.rejects.len())
}

fn print_people(decisions: &[CreditDecision]) {
    let mut by_person: BTreeMap<&str, Vec<&CreditDecision>> = BTreeMap::new();
    for d in decisions {
        by_person.entry(d.person_ref.as_str()).or_default().push(d);
    }
    for (person, mut list) in by_person {
        list.sort_by_key(|d| (d.date, d.position));
        let total = list.iter().map(|d| d.credited.get()).sum::<u64>();
        println!(
            "\n{person}  (credit {})",
            Minutes::new(total).unwrap_or(Minutes::MAX)
        );
        for d in list {
            let action = if d.credited == Minutes::ZERO {
                "do not credit".to_owned()
            } else {
                format!("credit {}", d.credited)
            };
            println!(
                "  {}  {:<28} actual {:>6}  guided {:>6}  {:<15} {}",
                d.date,
                d.course_name,
                d.actual.to_string(),
                d.guided.to_string(),
                action,
                d.reason.explanation()
            );
        }
    }
}

fn print_rejects(rejects: &[ete_core::hours::Reject]) {
    if rejects.is_empty() {
        return;
    }
    println!("\nRejected records (not credited; fix and resend):");
    for r in rejects {
        println!("  {r}");
    }
}

fn print_totals(decisions: &[CreditDecision], rejects: usize) -> Result<(), Box<dyn Error>> {
    let sum = |f: fn(&CreditDecision) -> u64| decisions.iter().map(f).sum::<u64>();
    println!("\nTotals");
    println!("  completions read      {}", decisions.len() + rejects);
    println!("  rejected              {rejects}");
    println!(
        "  minutes credited      {}",
        Minutes::new(sum(|d| d.credited.get()))?
    );
    println!(
        "  actual minutes        {}",
        Minutes::new(sum(|d| d.actual.get()))?
    );
    println!(
        "  guided minutes        {}",
        Minutes::new(sum(|d| d.guided.get()))?
    );
    println!(
        "  under an agreement    {}",
        decisions
            .iter()
            .filter(|d| d.allowance_percent.is_some())
            .count()
    );
    for reason in CreditReason::ALL {
        let n = decisions.iter().filter(|d| d.reason == reason).count();
        println!("  {:<21} {n}", reason.code());
    }
    Ok(())
}
