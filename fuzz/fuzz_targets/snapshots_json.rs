#![no_main]
//! Fuzz target `snapshots_json`: its body is `ete_fuzz_harness::target("snapshots_json")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("snapshots_json") {
        (t.run)(data);
    }
});
