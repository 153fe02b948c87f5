//! Runnable examples of ETE Core: see `examples/*.rs` (Rust) and `examples/python/` (Python).
//! This crate holds no library code.
