//! Benchmarks of ETE Core (`benches/*.rs`); this crate holds no library code.
