//! The learning-hours ops of `tests/vectors/learning_hours.json` (H-1..H-8).

use chrono::NaiveDate;
use ete_core::hours::{
    AgreementCategory, CreditPolicy, ExtraTimeAgreement, PriorCredit, ReadMode, ReadOutcome,
    allowance_cap, credit_batch, read_completions_csv, read_completions_json,
};
use ete_core::{ErrorKind, Minutes, Ratio, Rounding};
use serde_json::{Value, json};

use crate::{Outcome, int, text};

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

pub fn agreement(a: &Value) -> Result<ExtraTimeAgreement, ErrorKind> {
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

/// Runs a learning-hours op (H-1..H-8), or `None` for another file's op.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    const OPS: [&str; 7] = [
        "minutes_parse",
        "minutes_format",
        "ratio_apply",
        "allowance_cap",
        "credit_batch",
        "read_completions",
        "policy_from_json",
    ];
    OPS.contains(&op).then(|| apply(op, input))
}

fn apply(op: &str, input: &Value) -> Outcome {
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
