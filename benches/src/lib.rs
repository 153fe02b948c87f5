//! Workloads for the benchmarks of ETE Core: generated, seeded data shared by the criterion
//! benches (`benches/core.rs`), the native columnar binary and the `cedar-policy` comparison
//! (`benches/cedar/`), so every comparison runs the same requests. It holds no rule: every
//! decision is the core's.

pub mod columns;
pub mod ledger;
pub mod pool;
pub mod routing;

use std::path::{Path, PathBuf};

/// Criterion's point estimate for `group/function` from its last run, in ns per iteration: the
/// slope if criterion fitted one, else the mean (what criterion prints as "time"). Read from
/// `$CRITERION_HOME`, else `$CARGO_TARGET_DIR/criterion`, else `target_dir/criterion` (the
/// workspace's target directory). `None` when no estimate is there.
pub fn criterion_estimate(target_dir: &Path, group: &str, function: &str) -> Option<f64> {
    let home = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|t| PathBuf::from(t).join("criterion"))
        })
        .unwrap_or_else(|| target_dir.join("criterion"));
    let path = home.join(group).join(function).join("new/estimates.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    ["slope", "mean"]
        .iter()
        .find_map(|k| json.get(k)?.get("point_estimate")?.as_f64())
}
