#![no_main]
//! Fuzz target `routing_names`: its body is `ete_fuzz_harness::target("routing_names")` (fuzz/harness/src).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(t) = ete_fuzz_harness::target("routing_names") {
        (t.run)(data);
    }
});
