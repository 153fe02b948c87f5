//! The native side of the Python benchmark (`benches/python/bench_columns.py`): reads the columns
//! that script generated (raw little-endian files in a directory), times the core's columnar
//! kernels over plain slices and a plain copy of the same input and output bytes, and prints one
//! JSON object of best-of-`runs` seconds. Asserts nothing: timings belong in benchmarks.
//!
//! ```text
//! cargo run --release -p ete-benches --bin native_columns -- DIR RUNS
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ete_core::columns::{CreditColumns, attendance_by_learner, credit_columns, ete_totals};
use ete_core::hours::{CreditPolicy, LedgerPolicy};
use ete_core::register::StatutoryPolicy;

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap_or_else(|e| {
        eprintln!("cannot read {name} in {}: {e}", dir.display());
        std::process::exit(2)
    })
}

fn i64s(dir: &Path, name: &str) -> Vec<i64> {
    read(dir, name)
        .chunks_exact(8)
        .map(|c| i64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect()
}

fn bools(dir: &Path, name: &str) -> Vec<bool> {
    read(dir, name).into_iter().map(|b| b != 0).collect()
}

fn i8s(dir: &Path, name: &str) -> Vec<i8> {
    read(dir, name).into_iter().map(|b| b as i8).collect()
}

/// Best of `runs` timings of `f`, in seconds.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), runs) = (
        args.get(1).map(PathBuf::from),
        args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5),
    ) else {
        eprintln!("usage: native_columns DIR [RUNS]");
        std::process::exit(2)
    };
    let (actual, guided) = (i64s(&dir, "actual.i64"), i64s(&dir, "guided.i64"));
    let (passed, repeat, extra) = (
        bools(&dir, "passed.bool"),
        bools(&dir, "repeat.bool"),
        bools(&dir, "extra_time.bool"),
    );
    let (requirement, credited, required) = (
        i64s(&dir, "requirement.i64"),
        i64s(&dir, "credited.i64"),
        i64s(&dir, "required.i64"),
    );
    let (learner, mark) = (i64s(&dir, "learner.i64"), i8s(&dir, "mark.i8"));
    let learners = learner.iter().max().map_or(0, |m| *m as usize + 1);
    let columns = CreditColumns {
        actual: &actual,
        guided: &guided,
        passed: (&passed).into(),
        repeat: Some((&repeat).into()),
        extra_time: Some((&extra).into()),
    };
    let (credit_policy, ledger_policy, statutory) = (
        CreditPolicy::default(),
        LedgerPolicy::default(),
        StatutoryPolicy::default(),
    );
    // The floor: copy every input byte and write every output byte (fresh buffers, as the
    // kernels allocate theirs).
    let credit_copy = || {
        let out = (
            actual.clone(),
            guided.clone(),
            passed.clone(),
            repeat.clone(),
            extra.clone(),
        );
        (out, actual.clone(), passed.clone())
    };
    let totals_copy = || (requirement.clone(), credited.clone(), required.clone());
    let attendance_copy = || (learner.clone(), mark.clone());
    println!(
        "{{\"credit\": {}, \"credit_copy\": {}, \"totals\": {}, \"totals_copy\": {}, \
         \"attendance\": {}, \"attendance_copy\": {}}}",
        best(runs, || credit_columns(&columns, &credit_policy)),
        best(runs, credit_copy),
        best(runs, || ete_totals(
            &requirement,
            &credited,
            &required,
            &ledger_policy
        )),
        best(runs, totals_copy),
        best(runs, || attendance_by_learner(
            &learner,
            &mark,
            Some(learners),
            &statutory,
            None
        )),
        best(runs, attendance_copy),
    );
}
