//! Criterion benchmarks of the core at national scale, each beside a baseline measured in the
//! same run, then a table of the ratios (read from criterion's own estimates):
//!
//! - columnar kernels over 1e6 rows (`credit_columns`, `ete_totals`, `attendance_by_learner`)
//!   against a plain copy of the same input and output bytes;
//! - 1e6 licence-pool commands (`Pool::execute`) against cloning the same commands;
//! - 1e6 routing decisions (`decide` on the default policy) against the default policy written
//!   by hand as a `match`.
//!
//! Asserts nothing about time (benchmarks measure, tests assert); it does check that the
//! hand-written routing baseline agrees with `decide`, so the two answer the same question.
//!
//! ```text
//! cargo bench -p ete-benches --bench core            # everything, about three minutes
//! cargo bench -p ete-benches --bench core -- routing # one group
//! ```

use std::cell::RefCell;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Bencher, BenchmarkGroup, Criterion, Throughput, measurement::WallTime};
use ete_benches::columns::columns;
use ete_benches::criterion_estimate;
use ete_benches::pool::pool_workload;
use ete_benches::routing::routing_workload;
use ete_core::columns::{CreditColumns, attendance_by_learner, credit_columns, ete_totals};
use ete_core::hours::{CreditPolicy, LedgerPolicy};
use ete_core::register::StatutoryPolicy;
use ete_core::routing::RoutingPolicy;

const ROWS: usize = 1_000_000;

thread_local! {
    /// The (group, function) pairs this process ran, so the ratio table never reads an
    /// estimate left by an earlier run.
    static RAN: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(ROWS as u64));
    g
}

/// `group.bench_function(name, f)`, remembering that it ran (criterion skips the closure when a
/// filter excludes it).
fn bench(
    g: &mut BenchmarkGroup<'_, WallTime>,
    group: &str,
    name: &str,
    mut f: impl FnMut(&mut Bencher<'_, WallTime>),
) {
    g.bench_function(name, |b| {
        RAN.with(|r| r.borrow_mut().push((group.into(), name.into())));
        f(b)
    });
}

fn columnar(c: &mut Criterion) {
    let data = columns(ROWS, 2026);
    let cols = CreditColumns {
        actual: &data.actual,
        guided: &data.guided,
        passed: (&data.passed).into(),
        repeat: Some((&data.repeat).into()),
        extra_time: Some((&data.extra_time).into()),
    };
    let policy = CreditPolicy::default();
    let mut g = group(c, "credit_columns");
    bench(&mut g, "credit_columns", "copy", |b| {
        // Every input byte read and every output byte (minutes and reason) written.
        b.iter(|| {
            let input = (
                data.actual.clone(),
                data.guided.clone(),
                data.passed.clone(),
                data.repeat.clone(),
                data.extra_time.clone(),
            );
            (input, data.actual.clone(), data.passed.clone())
        })
    });
    bench(&mut g, "credit_columns", "kernel", |b| {
        b.iter(|| credit_columns(black_box(&cols), &policy))
    });
    g.finish();

    let ledger = LedgerPolicy::default();
    let mut g = group(c, "ete_totals");
    bench(&mut g, "ete_totals", "copy", |b| {
        b.iter(|| {
            (
                data.requirement.clone(),
                data.credited.clone(),
                data.required.clone(),
            )
        })
    });
    bench(&mut g, "ete_totals", "kernel", |b| {
        b.iter(|| {
            ete_totals(
                black_box(&data.requirement),
                &data.credited,
                &data.required,
                &ledger,
            )
        })
    });
    g.finish();

    let statutory = StatutoryPolicy::default();
    let learners = data.required.len();
    let mut g = group(c, "attendance");
    bench(&mut g, "attendance", "copy", |b| {
        b.iter(|| (data.learner.clone(), data.mark.clone()))
    });
    bench(&mut g, "attendance", "kernel", |b| {
        b.iter(|| {
            attendance_by_learner(
                black_box(&data.learner),
                &data.mark,
                Some(learners),
                &statutory,
                None,
            )
        })
    });
    g.finish();
}

fn licence_pool(c: &mut Criterion) {
    let workload = match pool_workload(ROWS, 5_000, 2026) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("the pool workload was refused: {e}");
            std::process::exit(1);
        }
    };
    let mut g = group(c, "licence_pool");
    bench(&mut g, "licence_pool", "clone_commands", |b| {
        b.iter(|| workload.commands.clone())
    });
    bench(&mut g, "licence_pool", "execute", |b| {
        b.iter_batched(
            || workload.pool.clone(),
            |mut pool| {
                for command in &workload.commands {
                    let _ = black_box(pool.execute(command));
                }
                pool
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn routing(c: &mut Criterion) {
    let w = routing_workload(ROWS, 2026);
    let policy = RoutingPolicy::default();
    let disagree = w
        .requests
        .iter()
        .filter(|r| w.decide(&policy, r).is_some_and(|d| d.allowed) != w.by_hand(r))
        .count();
    if disagree > 0 {
        eprintln!("the hand-written baseline disagrees with decide on {disagree} requests");
        std::process::exit(1);
    }
    let mut g = group(c, "routing");
    bench(&mut g, "routing", "by_hand", |b| {
        b.iter(|| {
            w.requests
                .iter()
                .filter(|r| w.by_hand(black_box(r)))
                .count()
        })
    });
    bench(&mut g, "routing", "decide", |b| {
        b.iter(|| {
            w.requests
                .iter()
                .filter(|r| w.decide(&policy, r).is_some_and(|d| d.allowed))
                .count()
        })
    });
    g.finish();
}

fn estimate(group: &str, function: &str) -> Option<f64> {
    criterion_estimate(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
        group,
        function,
    )
}

fn ratios() {
    let ran = RAN.with(|r| r.borrow().clone());
    let pairs = [
        ("credit_columns", "kernel", "copy"),
        ("ete_totals", "kernel", "copy"),
        ("attendance", "kernel", "copy"),
        ("licence_pool", "execute", "clone_commands"),
        ("routing", "decide", "by_hand"),
    ];
    println!(
        "\n{:<16} {:>16} {:>16} {:>8}",
        "per row (ns)", "measured", "baseline", "ratio"
    );
    for (group, measured, baseline) in pairs {
        let both = |f: &str| ran.iter().any(|(g, n)| g == group && n == f);
        if !(both(measured) && both(baseline)) {
            continue;
        }
        match (estimate(group, measured), estimate(group, baseline)) {
            (Some(m), Some(b)) => println!(
                "{group:<16} {:>16} {:>16} {:>8.2}",
                format!("{measured} {:.1}", m / ROWS as f64),
                format!("{baseline} {:.1}", b / ROWS as f64),
                m / b
            ),
            _ => println!("{group:<16} (criterion's estimates were not found)"),
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    columnar(&mut c);
    licence_pool(&mut c);
    routing(&mut c);
    c.final_summary();
    ratios();
}
