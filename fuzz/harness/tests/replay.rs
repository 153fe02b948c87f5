//! Replays every committed input of every fuzz target through the target's body: the seed
//! corpora (`fuzz/corpus/<target>/`, from the conformance vectors and the sample data, grown by
//! `fuzz/run.sh` and minimised) and the inputs that once broke a promise
//! (`fuzz/regressions/<target>/`). CI thus runs what the fuzzer found, on stable, in debug (with
//! overflow checks) and through `cargo test --release` where the test command asks for it.

use std::fs;
use std::path::{Path, PathBuf};

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_committed_input_runs_without_breaking_a_promise() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut total = 0;
    for target in ete_fuzz_harness::TARGETS {
        let corpus = inputs(&root.join("corpus").join(target.name));
        assert!(!corpus.is_empty(), "no seed corpus for {}", target.name);
        for file in corpus
            .iter()
            .chain(&inputs(&root.join("regressions").join(target.name)))
        {
            let data = fs::read(file).expect("a readable input");
            let outcome = std::panic::catch_unwind(|| (target.run)(&data));
            assert!(
                outcome.is_ok(),
                "{} broke a promise on {}",
                target.name,
                file.display()
            );
            total += 1;
        }
    }
    assert!(total > 0);
}

#[test]
fn every_target_has_a_fuzz_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let manifest = fs::read_to_string(root.join("Cargo.toml")).expect("fuzz/Cargo.toml");
    for target in ete_fuzz_harness::TARGETS {
        let file = root
            .join("fuzz_targets")
            .join(format!("{}.rs", target.name));
        let body = fs::read_to_string(&file).expect("a fuzz target file per target");
        assert!(
            body.contains(&format!("target(\"{}\")", target.name)),
            "{} calls another body",
            file.display()
        );
        assert!(
            manifest.contains(&format!("name = \"{}\"", target.name)),
            "{} not in fuzz/Cargo.toml",
            target.name
        );
    }
}
