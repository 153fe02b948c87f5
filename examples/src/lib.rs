//! Examples of ETE Core live in `examples/*.rs`; this crate has no library code.
