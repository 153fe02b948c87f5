//! Benchmarks of ETE Core live in `benches/*.rs`; this crate has no library code.
