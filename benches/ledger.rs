//! The requirement ledger's replay (issue 14 item 7): restoring a requirement of 131,072
//! entries from its JSON (`Requirement::from_json`, every entry replayed through the rules) and
//! recording the same entries one by one, each beside parsing the same JSON into a
//! `serde_json::Value` (the floor: reading the bytes, no rules). Prints the times and the
//! ratio; asserts nothing about time.
//!
//! ```text
//! cargo bench -p ete-benches --bench ledger
//! ```

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion};
use ete_benches::criterion_estimate;
use ete_benches::ledger::ledger_workload;
use ete_core::hours::Requirement;

const ENTRIES: usize = 131_072;

fn main() {
    let workload = match ledger_workload(ENTRIES, 2026) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("the ledger workload was refused: {e}");
            std::process::exit(1);
        }
    };
    let mut full = workload.requirement.clone();
    if let Err(e) = full.record_all(workload.entries.clone()) {
        eprintln!("the ledger workload was refused: {e}");
        std::process::exit(1);
    }
    let json = full.to_json().unwrap_or_default();
    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("ledger");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function("parse_json", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&json)).is_ok())
    });
    g.bench_function("from_json", |b| {
        b.iter(|| Requirement::from_json(black_box(&json)).is_ok())
    });
    g.bench_function("record", |b| {
        b.iter_batched(
            || (workload.requirement.clone(), workload.entries.clone()),
            |(mut r, entries)| {
                for entry in entries {
                    let _ = black_box(r.record(entry));
                }
                r
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
    c.final_summary();
    let estimate = |f: &str| {
        criterion_estimate(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
            "ledger",
            f,
        )
    };
    let title = format!(
        "{ENTRIES} entries, {:.1} MB of JSON",
        json.len() as f64 / 1e6
    );
    println!(
        "\n{title:<34} {:>12} {:>22}",
        "time (ms)", "ratio to parse_json"
    );
    let base = estimate("parse_json");
    for f in ["parse_json", "from_json", "record"] {
        match (estimate(f), base) {
            (Some(t), Some(b)) => println!("{f:<34} {:>12.1} {:>22.2}", t / 1e6, t / b),
            _ => println!("{f:<34} (criterion's estimate was not found)"),
        }
    }
}
