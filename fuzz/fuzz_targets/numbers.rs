#![no_main]
//! Fuzz target `numbers`: its body is `ete_fuzz_harness::target("numbers")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("numbers") {
        (t.run)(data);
    }
});
