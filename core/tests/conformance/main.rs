//! Runs every case of `tests/vectors/*.json` against the Rust API, one test per case (a
//! libtest-mimic harness, so `cargo test` counts and names every case).
//!
//! The vectors live at the repository's `tests/vectors/`; `core/tests/vectors` is a symbolic link
//! to them, so `cargo package` ships them in the crate and the packaged crate runs this test too.
//!
//! The same files are run by the Python (`bindings-python/tests/test_conformance.py`) and Kotlin
//! (`bindings-kotlin/src/test/kotlin/uk/ete/core/ConformanceTest.kt`) suites.

mod columns;
mod hours;
mod ledger;
mod licences;
mod registers;
mod routing;
mod staff;
mod training;

use std::path::PathBuf;

use ete_core::ErrorKind;
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

/// An op's result as JSON, or the kind of error it raised.
pub type Outcome = Result<Value, ErrorKind>;

/// The vector files and the least number of cases each must hold.
const FILES: [(&str, usize); 8] = [
    ("learning_hours", 30),
    ("upw_ledger", 40),
    ("routing", 40),
    ("registers", 40),
    ("licences", 30),
    ("columns", 40),
    ("staff", 60),
    ("training_records", 50),
];

fn cases(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/vectors/{file}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path:?}: {e}"));
    let doc: Value = serde_json::from_str(&text).expect("vectors are JSON");
    doc["cases"].as_array().expect("cases array").clone()
}

/// An integer field.
pub fn int(v: &Value) -> i64 {
    v.as_i64()
        .unwrap_or_else(|| panic!("expected an integer, got {v}"))
}

/// A string field.
pub fn text(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}

fn run(op: &str, input: &Value) -> Outcome {
    hours::run(op, input)
        .or_else(|| ledger::run(op, input))
        .or_else(|| routing::run(op, input))
        .or_else(|| registers::run(op, input))
        .or_else(|| licences::run(op, input))
        .or_else(|| columns::run(op, input))
        .or_else(|| staff::run(op, input))
        .or_else(|| training::run(op, input))
        .unwrap_or_else(|| panic!("unknown op {op}"))
}

/// Compares `actual` with `expected`, where objects in `expected` may name only some keys.
fn check(name: &str, path: &str, expected: &Value, actual: &Value) -> Vec<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .flat_map(|(k, ev)| {
                if k == "reason_excludes" {
                    let reason = a.get("reason").and_then(Value::as_str).unwrap_or("");
                    let banned = ev.as_str().unwrap_or("");
                    return if reason.contains(banned) {
                        vec![format!("{name}: {path}.reason repeats {banned:?}")]
                    } else {
                        vec![]
                    };
                }
                check(
                    name,
                    &format!("{path}.{k}"),
                    ev,
                    a.get(k).unwrap_or(&Value::Null),
                )
            })
            .collect(),
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .flat_map(|(i, (ev, av))| check(name, &format!("{path}[{i}]"), ev, av))
            .collect(),
        _ if expected == actual => vec![],
        _ => vec![format!("{name}: {path}: expected {expected}, got {actual}")],
    }
}

fn run_case(case: &Value) -> Result<(), Failed> {
    let name = text(&case["name"]);
    let outcome = run(text(&case["op"]), &case["input"]);
    let failures = match (case.get("expect"), case.get("error"), outcome) {
        (Some(expected), _, Ok(actual)) => check(name, "", expected, &actual),
        (_, Some(kind), Err(got)) if text(kind) == got.code() => vec![],
        (_, Some(kind), Ok(actual)) => vec![format!("expected {kind}, got {actual}")],
        (_, _, Err(got)) => vec![format!("unexpected error {got}")],
        (None, None, _) => vec!["the case has neither expect nor error".to_owned()],
    };
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

fn main() {
    let mut trials = Vec::new();
    for (file, least) in FILES {
        let cases = cases(file);
        let n = cases.len();
        trials.push(Trial::test(
            format!("{file} has at least {least} cases"),
            move || {
                if n >= least {
                    Ok(())
                } else {
                    Err(format!("found {n} cases").into())
                }
            },
        ));
        trials.extend(cases.into_iter().map(|case| {
            let name = format!("{file}::{}", text(&case["name"]));
            Trial::test(name, move || run_case(&case))
        }));
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
