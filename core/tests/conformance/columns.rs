//! The columnar ops of `tests/vectors/columns.json` (H-3..H-8, H-10, R-7, R-8 in batch).

use ete_core::columns::{CreditColumns, Flags, attendance_by_learner, credit_columns, ete_totals};
use ete_core::hours::{CreditPolicy, CreditReason, LedgerPolicy};
use ete_core::register::{Mark, StatutoryPolicy};
use serde_json::{Map, Value, json};

use crate::{Outcome, int};

fn longs(v: &Value) -> Vec<i64> {
    v.as_array().expect("an array").iter().map(int).collect()
}

fn flags(v: &Value) -> Vec<bool> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|b| b.as_bool().expect("a boolean"))
        .collect()
}

/// Runs a columnar op, or `None` for another file's op.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    match op {
        "credit_columns" => Some(credit(input)),
        "ete_totals" => Some(
            ete_totals(
                &longs(&input["requirement"]),
                &longs(&input["minutes"]),
                &longs(&input["required"]),
                &LedgerPolicy::default(),
            )
            .map(|t| {
                json!({"allowance": t.allowance, "credited": t.credited,
                    "over_allowance": t.over_allowance, "remaining": t.remaining})
            })
            .map_err(|e| e.kind()),
        ),
        "attendance_by_learner" => Some(attendance(input)),
        _ => None,
    }
}

fn credit(input: &Value) -> Outcome {
    let policy = match input.get("policy") {
        Some(p) => CreditPolicy::from_json(&p.to_string()).map_err(|e| e.kind())?,
        None => CreditPolicy::default(),
    };
    let (actual, guided, passed) = (
        longs(&input["actual"]),
        longs(&input["guided"]),
        flags(&input["passed"]),
    );
    let repeat = input.get("repeat").map(flags);
    let extra_time = input.get("extra_time").map(flags);
    let out = credit_columns(
        &CreditColumns {
            actual: &actual,
            guided: &guided,
            passed: (&passed).into(),
            repeat: repeat.as_deref().map(Flags::from),
            extra_time: extra_time.as_deref().map(Flags::from),
        },
        &policy,
    )
    .map_err(|e| e.kind())?;
    let reasons: Vec<&str> = out
        .reason
        .iter()
        .map(|r| CreditReason::from_index(*r).expect("a reason index").code())
        .collect();
    Ok(json!({"credited": out.credited, "reason": reasons}))
}

fn attendance(input: &Value) -> Outcome {
    let marks: Vec<i8> = longs(&input["mark"])
        .into_iter()
        .map(|m| i8::try_from(m).expect("a mark code fits a byte"))
        .collect();
    let learners = usize::try_from(int(&input["learners"])).expect("learners ≥ 0");
    let policy = match input.get("policy") {
        Some(p) => StatutoryPolicy::from_json(&p.to_string()).map_err(|e| e.kind())?,
        None => StatutoryPolicy::default(),
    };
    let on = input
        .get("on")
        .map(|d| d.as_str().expect("a date").parse().expect("an ISO date"));
    let out = attendance_by_learner(
        &longs(&input["learner"]),
        &marks,
        Some(learners),
        &policy,
        on,
    )
    .map_err(|e| e.kind())?;
    let counts: Map<String, Value> = Mark::ALL
        .iter()
        .zip(&out.counts)
        .map(|(m, c)| (m.code().to_owned(), json!(c)))
        .collect();
    Ok(
        json!({"counts": counts, "unmarked": out.unmarked, "possible": out.possible,
        "attended": out.attended, "statutory_possible": out.statutory_possible,
        "statutory_attendance": out.statutory_attendance, "authorised": out.authorised,
        "unauthorised": out.unauthorised, "absences": out.absences,
        "persistent": out.persistent, "severe": out.severe}),
    )
}
