#![no_main]
//! Fuzz target `columns`: its body is `ete_fuzz_harness::target("columns")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("columns") {
        (t.run)(data);
    }
});
