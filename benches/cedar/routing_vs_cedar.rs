//! 1e6 routing decisions on the default policy (T-1): ETE Core's `decide` against
//! `cedar-policy` evaluating the same policy (`src/lib.rs`), same requests, same run. Before
//! timing, every request is checked to get the same answer and the same deciding rule from
//! both; then criterion times three ways and prints the ratios:
//!
//! - `decide`: ETE Core, organisations built once;
//! - `cedar_request_and_authorize`: Cedar as an application calls it — a context and a request
//!   per decision, then `is_authorized`;
//! - `cedar_authorize_only`: Cedar with every request built beforehand (its best case).
//!
//! ```text
//! cd benches/cedar && cargo bench --bench routing_vs_cedar
//! ```

use std::cell::RefCell;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use ete_benches::criterion_estimate;
use ete_benches::routing::routing_workload;
use ete_cedar_bench::CedarRouting;
use ete_core::routing::RoutingPolicy;

const ROWS: usize = 1_000_000;
const GROUP: &str = "routing_vs_cedar";

thread_local! {
    static RAN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn fail(message: String) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}

fn estimate(function: &str) -> Option<f64> {
    criterion_estimate(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        GROUP,
        function,
    )
}

fn main() {
    let w = routing_workload(ROWS, 2026);
    let orgs = &w.organisations;
    let policy = RoutingPolicy::default();
    let cedar = CedarRouting::new(orgs).unwrap_or_else(|e| fail(format!("cedar setup: {e}")));
    let requests: Vec<_> = w
        .requests
        .iter()
        .map(|r| cedar.request(r.sender, r.recipient, r.role, r.category))
        .collect::<Option<_>>()
        .unwrap_or_else(|| fail("a cedar request could not be built".into()));

    // The same answer and the same deciding rule, for every request.
    let mut allowed = 0;
    for (i, (r, cedar_request)) in w.requests.iter().zip(&requests).enumerate() {
        let Some(ours) = w.decide(&policy, r) else {
            fail(format!("request {i} names no organisation"))
        };
        let (cedar_allowed, cedar_rules) = cedar.authorize(cedar_request);
        let our_rules: Vec<String> = ours.reason.rule().map(str::to_owned).into_iter().collect();
        // A name the policy never listed (a role such as "teacher") is denied by ETE Core before
        // any rule is read (issue 14); Cedar has no such notion and names the forbid that
        // matched, if any. There only the answer must agree.
        let unlisted_name = !ours.allowed && our_rules.is_empty();
        if ours.allowed != cedar_allowed || (!unlisted_name && our_rules != cedar_rules) {
            fail(format!(
                "request {i} ({r:?}): decide says {} by {our_rules:?}, cedar {cedar_allowed} by {cedar_rules:?}",
                ours.allowed
            ));
        }
        allowed += usize::from(ours.allowed);
    }
    println!("{ROWS} requests, {allowed} allowed: decide and cedar agree on each, and on the rule");

    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group(GROUP);
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Elements(ROWS as u64));
    let ran = |name: &str| RAN.with(|r| r.borrow_mut().push(name.to_owned()));
    g.bench_function("decide", |b| {
        ran("decide");
        b.iter(|| {
            w.requests
                .iter()
                .filter(|r| w.decide(&policy, r).is_some_and(|d| d.allowed))
                .count()
        })
    });
    g.bench_function("cedar_request_and_authorize", |b| {
        ran("cedar_request_and_authorize");
        b.iter(|| {
            w.requests
                .iter()
                .filter(|r| {
                    cedar
                        .request(r.sender, r.recipient, r.role, r.category)
                        .is_some_and(|q| cedar.allowed(black_box(&q)))
                })
                .count()
        })
    });
    g.bench_function("cedar_authorize_only", |b| {
        ran("cedar_authorize_only");
        b.iter(|| {
            requests
                .iter()
                .filter(|q| cedar.allowed(black_box(q)))
                .count()
        })
    });
    g.finish();
    c.final_summary();

    let ran = RAN.with(|r| r.borrow().clone());
    let Some(ours) = ran
        .iter()
        .any(|f| f == "decide")
        .then(|| estimate("decide"))
        .flatten()
    else {
        return;
    };
    println!("\n{:<30} {:>10} {:>14}", "per decision", "ns", "× decide");
    println!(
        "{:<30} {:>10.1} {:>14.1}",
        "decide",
        ours / ROWS as f64,
        1.0
    );
    for f in ["cedar_request_and_authorize", "cedar_authorize_only"] {
        if let Some(t) = ran.iter().any(|r| r == f).then(|| estimate(f)).flatten() {
            println!("{f:<30} {:>10.1} {:>14.1}", t / ROWS as f64, t / ours);
        }
    }
}
