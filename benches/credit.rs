//! Credit decisions over a generated batch, against a baseline measured in the same run: cloning
//! the same completions (the cost of touching the input once). Prints ns per completion and the
//! ratio; it asserts nothing, as timings belong in benchmarks, not tests.
//!
//! ```text
//! cargo bench -p ete-benches --bench credit
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use ete_core::hours::{Completion, CreditPolicy, ReadMode, credit_batch, read_completions_json};

fn completions(n: usize) -> Vec<Completion> {
    let rows: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"externalReference":"P-{}","courseName":"Course {}","completionDateTime":"2026-11-{:02}T10:{:02}:00Z","status":"{}","totalTimeMinutes":{},"expectedTimeMinutes":{}}}"#,
                i % 5_000,
                i % 40,
                1 + i % 28,
                i % 60,
                if i % 10 == 0 { "Failed" } else { "Completed" },
                i % 300,
                30 + i % 150
            )
        })
        .collect();
    match read_completions_json(&format!("[{}]", rows.join(",")), ReadMode::Strict) {
        Ok(read) => read.completions,
        Err(e) => {
            eprintln!("bench data did not read: {e}");
            std::process::exit(1);
        }
    }
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let n = 100_000;
    let data = completions(n);
    let policy = CreditPolicy::default();
    let baseline = best_of(5, || data.clone());
    let credit = best_of(5, || credit_batch(&data, &[], &[], &policy));
    let per_row = |d: Duration| d.as_nanos() as f64 / n as f64;
    println!("credit_batch, {n} completions");
    println!("  baseline (clone input) {:>8.1} ns/row", per_row(baseline));
    println!("  credit_batch           {:>8.1} ns/row", per_row(credit));
    println!(
        "  ratio credit/baseline  {:>8.2}",
        credit.as_secs_f64() / baseline.as_secs_f64().max(f64::MIN_POSITIVE)
    );
}
