#![no_main]
//! Fuzz target `ledger_commands`: its body is `ete_fuzz_harness::target("ledger_commands")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("ledger_commands") {
        (t.run)(data);
    }
});
