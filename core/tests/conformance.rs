//! Runs every case of `tests/vectors/learning_hours.json` against the Rust API, one test per
//! case (a libtest-mimic harness, so `cargo test` counts and names every case).
//!
//! The same file is run by the Python (`bindings-python/tests/test_conformance.py`) and Kotlin
//! (`bindings-kotlin/src/test/kotlin/.../ConformanceTest.kt`) suites.

use std::path::PathBuf;

use chrono::NaiveDate;
use ete_core::hours::{
    AgreementCategory, CreditPolicy, ExtraTimeAgreement, PriorCredit, ReadMode, ReadOutcome,
    allowance_cap, credit_batch, read_completions_csv, read_completions_json,
};
use ete_core::{ErrorKind, Minutes, Ratio, Rounding};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{Value, json};

type Outcome = Result<Value, ErrorKind>;

fn vectors() -> Vec<Value> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/learning_hours.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path:?}: {e}"));
    let doc: Value = serde_json::from_str(&text).expect("vectors are JSON");
    doc["cases"].as_array().expect("cases array").clone()
}

fn int(v: &Value) -> i64 {
    v.as_i64()
        .unwrap_or_else(|| panic!("expected an integer, got {v}"))
}

fn text(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}

fn read(input: &Value) -> Result<ReadOutcome, ErrorKind> {
    let mode = if input["strict"] == json!(true) {
        ReadMode::Strict
    } else {
        ReadMode::Lenient
    };
    let body = text(&input["text"]);
    let read = match text(&input["format"]) {
        "json" => read_completions_json(body, mode),
        "csv" => read_completions_csv(body.as_bytes(), mode),
        other => panic!("unknown format {other}"),
    };
    read.map_err(|e| e.kind())
}

fn agreement(a: &Value) -> Result<ExtraTimeAgreement, ErrorKind> {
    let category: AgreementCategory =
        serde_json::from_value(a["category"].clone()).expect("category");
    let on = NaiveDate::parse_from_str(text(&a["agreedOn"]), "%Y-%m-%d").expect("agreedOn");
    let pct = a
        .get("allowancePercent")
        .map(|p| u32::try_from(int(p)).expect("percent"));
    ExtraTimeAgreement::new(
        text(&a["personRef"]),
        text(&a["agreedBy"]),
        on,
        category,
        pct,
    )
    .map_err(|e| e.kind())
}

fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "minutes_parse" => {
            let m: Minutes = text(&input["text"])
                .parse()
                .map_err(|e: ete_core::MinutesError| e.kind())?;
            Ok(json!({ "minutes": m.get() }))
        }
        "minutes_format" => {
            let m = Minutes::from_signed(int(&input["minutes"])).map_err(|e| e.kind())?;
            Ok(json!({ "text": m.to_string() }))
        }
        "ratio_apply" => {
            let ratio = Ratio::new(
                int(&input["numerator"]) as u64,
                int(&input["denominator"]) as u64,
            )
            .map_err(|e| e.kind())?;
            let rounding: Rounding =
                serde_json::from_value(input["rounding"].clone()).expect("rounding");
            let m = Minutes::from_signed(int(&input["minutes"])).map_err(|e| e.kind())?;
            let out = ratio.apply(m, rounding).map_err(|e| e.kind())?;
            Ok(json!({ "minutes": out.get() }))
        }
        "allowance_cap" => {
            let guided = Minutes::from_signed(int(&input["guided"])).map_err(|e| e.kind())?;
            let pct = input["allowance_percent"].as_u64().map(|p| p as u32);
            Ok(json!({ "cap": allowance_cap(guided, pct).get() }))
        }
        "credit_batch" => {
            let policy = match input.get("policy") {
                Some(p) => CreditPolicy::from_json(&p.to_string()).map_err(|e| e.kind())?,
                None => CreditPolicy::default(),
            };
            let agreements = input["agreements"]
                .as_array()
                .expect("agreements")
                .iter()
                .map(agreement)
                .collect::<Result<Vec<_>, _>>()?;
            let prior: Vec<PriorCredit> =
                serde_json::from_value(input["prior"].clone()).expect("prior");
            let completions =
                read_completions_json(&input["completions"].to_string(), ReadMode::Strict)
                    .map_err(|e| e.kind())?
                    .completions;
            let decisions = credit_batch(&completions, &prior, &agreements, &policy);
            Ok(json!({ "decisions": decisions.iter().map(|d| json!({
                "credited": d.credited.get(), "reason": d.reason.code(), "cap": d.cap.get(),
                "date": d.date.to_string(), "repeat": d.repeat, "allowance_percent": d.allowance_percent,
            })).collect::<Vec<_>>() }))
        }
        "read_completions" => {
            let out = read(input)?;
            Ok(json!({
                "accepted": out.completions.len(),
                "rejects": out.rejects.iter().map(|r| json!({
                    "position": r.position, "field": r.field, "reason": r.reason,
                })).collect::<Vec<_>>(),
            }))
        }
        "policy_from_json" => {
            let p = CreditPolicy::from_json(text(&input["json"])).map_err(|e| e.kind())?;
            Ok(
                json!({ "allowance_percent": p.allowance_percent(), "credit_repeats": p.credit_repeats() }),
            )
        }
        other => panic!("unknown op {other}"),
    }
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
        (_, Some(kind), Err(got)) if text(kind) == got.name() => vec![],
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
    let cases = vectors();
    let mut trials = vec![Trial::test("learning_hours has at least 30 cases", {
        let n = cases.len();
        move || {
            if n >= 30 {
                Ok(())
            } else {
                Err(format!("found {n} cases").into())
            }
        }
    })];
    trials.extend(cases.into_iter().map(|case| {
        let name = format!("learning_hours::{}", text(&case["name"]));
        Trial::test(name, move || run_case(&case))
    }));
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
