//! A small driver of the core benches for `valgrind --tool=callgrind`, whose instruction counts
//! are stable on a shared machine where criterion's times are not. Runs one workload once (its
//! setup is not skipped: compare the counts of `Pool::execute`, `decide` or the kernel with
//! `callgrind_annotate --inclusive=yes`, or the whole run against `setup`).
//!
//! ```text
//! cargo build --profile bench -p ete-benches --bin callgrind_core
//! valgrind --tool=callgrind target/release/callgrind_core pool 100000
//! ```
//!
//! Workloads: `pool`, `pool-setup` (the workload only), `routing`, `routing-setup`,
//! `attendance`, `attendance-setup`.

use std::hint::black_box;
use std::process::ExitCode;

use ete_benches::columns::columns;
use ete_benches::pool::pool_workload;
use ete_benches::routing::routing_workload;
use ete_core::columns::attendance_by_learner;
use ete_core::register::StatutoryPolicy;
use ete_core::routing::RoutingPolicy;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(what), Some(n)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: callgrind_core pool|routing|attendance[-setup] ROWS");
        return ExitCode::FAILURE;
    };
    match what.as_str() {
        "pool" | "pool-setup" => {
            let w = match pool_workload(n, 5_000, 2026) {
                Ok(w) => w,
                Err(e) => {
                    eprintln!("the pool workload was refused: {e}");
                    return ExitCode::FAILURE;
                }
            };
            if what == "pool" {
                let mut pool = w.pool.clone();
                let mut events = 0usize;
                let start = std::time::Instant::now();
                for command in &w.commands {
                    if let Ok(e) = black_box(pool.execute(command)) {
                        events = events.saturating_add(e.len());
                    }
                }
                let took = start.elapsed();
                println!("{events} events; execute took {took:?}");
            }
        }
        "routing" | "routing-setup" => {
            let w = routing_workload(n, 2026);
            if what == "routing" {
                let policy = RoutingPolicy::default();
                let allowed = w
                    .requests
                    .iter()
                    .filter(|r| w.decide(&policy, black_box(r)).is_some_and(|d| d.allowed))
                    .count();
                println!("{allowed} allowed");
            }
        }
        "attendance" | "attendance-setup" => {
            let data = columns(n, 2026);
            if what == "attendance" {
                let statutory = StatutoryPolicy::default();
                let out = attendance_by_learner(
                    black_box(&data.learner),
                    &data.mark,
                    Some(data.required.len()),
                    &statutory,
                    None,
                );
                println!("{}", out.is_ok());
            }
        }
        _ => {
            eprintln!("unknown workload {what}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
