#![no_main]
//! Fuzz target `completions_csv`: its body is `ete_fuzz_harness::target("completions_csv")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("completions_csv") {
        (t.run)(data);
    }
});
