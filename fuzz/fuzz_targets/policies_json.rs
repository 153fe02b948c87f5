#![no_main]
//! Fuzz target `policies_json`: its body is `ete_fuzz_harness::target("policies_json")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("policies_json") {
        (t.run)(data);
    }
});
