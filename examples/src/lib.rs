//! Runnable examples of ETE Core: see `examples/*.rs` (Rust) and `examples/python/` (Python).
//! This crate holds only what several examples share: reading the sample register data.

pub mod register_data;
