//! Workloads for the benchmarks of ETE Core: generated, seeded data shared by the criterion
//! benches (`benches/core.rs`), the native columnar binary and the `cedar-policy` comparison
//! (`benches/cedar/`), so every comparison runs the same requests. It holds no rule: every
//! decision is the core's.

pub mod columns;
pub mod pool;
pub mod routing;
