//! Random columns for the columnar kernels, drawn like `benches/python/bench_columns.py` draws
//! them (same ranges and proportions; a different generator, so not the same values).

use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};

/// Columns for `credit_columns`, `ete_totals` and `attendance_by_learner`, `n` rows each.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    /// Actual minutes per completion.
    pub actual: Vec<i64>,
    /// Guided minutes per completion.
    pub guided: Vec<i64>,
    /// Passed (90%).
    pub passed: Vec<bool>,
    /// Marked as a repeat (5%).
    pub repeat: Vec<bool>,
    /// Extra time agreed (30%).
    pub extra_time: Vec<bool>,
    /// Requirement index per credit row (`n / 40` requirements).
    pub requirement: Vec<i64>,
    /// ETE minutes credited per row.
    pub credited: Vec<i64>,
    /// Required minutes per requirement.
    pub required: Vec<i64>,
    /// Learner index per register mark (`n / 40` learners).
    pub learner: Vec<i64>,
    /// Mark code (80% present, the rest any code or −1 unmarked).
    pub mark: Vec<i8>,
}

/// `n` rows of every column, from `seed`.
pub fn columns(n: usize, seed: u64) -> Columns {
    let mut rng = SmallRng::seed_from_u64(seed);
    let groups = (n / 40).max(1);
    let mut c = Columns {
        required: (0..groups)
            .map(|_| rng.random_range(40 * 60..300 * 60))
            .collect(),
        ..Columns::default()
    };
    for _ in 0..n {
        let guided: i64 = rng.random_range(30..240);
        c.guided.push(guided);
        c.actual.push((guided + rng.random_range(-60..90)).max(0));
        c.passed.push(rng.random_bool(0.9));
        c.repeat.push(rng.random_bool(0.05));
        c.extra_time.push(rng.random_bool(0.3));
        c.requirement.push(rng.random_range(0..groups as i64));
        c.credited.push(rng.random_range(0..300));
        c.learner.push(rng.random_range(0..groups as i64));
        c.mark.push(if rng.random_bool(0.8) {
            0
        } else {
            rng.random_range(-1..8)
        });
    }
    c
}
