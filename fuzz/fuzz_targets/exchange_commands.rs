#![no_main]
//! Fuzz target `exchange_commands`: its body is `ete_fuzz_harness::target("exchange_commands")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("exchange_commands") {
        (t.run)(data);
    }
});
