//! The benchmark workloads stay valid as the core changes: every generated pool command is
//! accepted and replays to the same pool, and the hand-written routing baseline answers as
//! `decide` does. (Timings live in the benches; these only check what they run.)

use ete_benches::columns::columns;
use ete_benches::pool::pool_workload;
use ete_benches::routing::routing_workload;
use ete_core::licences::Pool;
use ete_core::routing::RoutingPolicy;

#[test]
fn every_pool_command_is_accepted_and_the_log_replays() {
    let w = pool_workload(20_000, 200, 7).expect("the generator's commands are accepted");
    assert_eq!(w.commands.len(), 20_000);
    let mut pool = w.pool.clone();
    let mut log = Vec::new();
    for command in &w.commands {
        log.extend(pool.execute(command).expect("accepted in order"));
    }
    pool.check_invariants().expect("invariants hold");
    // The pool is full and people wait, so releases serve the waiting list.
    assert!(!pool.waiting().is_empty() && pool.allocated() == pool.capacity());
    let (_, opened) = Pool::open(
        "open",
        "ADMIN-1",
        w.commands[0].at,
        "Wales",
        200,
        Default::default(),
    )
    .expect("opens");
    let events: Vec<_> = std::iter::once(opened).chain(log).collect();
    assert_eq!(Pool::replay(&events).expect("replays"), pool);
}

#[test]
fn the_hand_written_routing_baseline_agrees_with_decide() {
    let w = routing_workload(20_000, 7);
    let policy = RoutingPolicy::default();
    let allowed = w
        .requests
        .iter()
        .filter(|r| {
            let d = w.decide(&policy, r).expect("indexes name organisations");
            assert_eq!(d.allowed, w.by_hand(r), "{r:?}");
            d.allowed
        })
        .count();
    assert!(
        (10_000..14_000).contains(&allowed),
        "about 60% allowed: {allowed}"
    );
}

#[test]
fn columns_have_the_stated_shape() {
    let c = columns(4_000, 7);
    assert_eq!(
        (c.actual.len(), c.mark.len(), c.required.len()),
        (4_000, 4_000, 100)
    );
    assert!(c.mark.iter().all(|m| (-1..8).contains(m)));
    assert!(c.requirement.iter().all(|r| (0..100).contains(r)));
}
