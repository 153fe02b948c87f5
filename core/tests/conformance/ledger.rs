//! The ledger and report ops of `tests/vectors/upw_ledger.json` (H-9..H-16).

use std::collections::HashMap;

use chrono::NaiveDate;
use ete_core::hours::{
    CreditPolicy, Grouping, LedgerEntry, LedgerEventKind, LedgerPolicy, LedgerStatus, ReadMode,
    ReportRow, Requirement, RequirementTerms, completion_report, credit_against_requirements,
    credit_batch, delivery_against_target, read_completions_json, record_credits,
};
use ete_core::{ErrorKind, Minutes};
use serde_json::{Value, json};

use crate::{Outcome, int, text};

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(text(v), "%Y-%m-%d").expect("a YYYY-MM-DD date")
}

fn minutes(v: &Value) -> Result<Minutes, ErrorKind> {
    Minutes::from_signed(int(v)).map_err(|e| e.kind())
}

fn entry(e: &Value) -> Result<LedgerEntry, ErrorKind> {
    let event = match text(&e["type"]) {
        "work_appointment" => LedgerEventKind::WorkAppointment {
            minutes: minutes(&e["minutes"])?,
            outcome: serde_json::from_value(e["outcome"].clone()).expect("outcome"),
        },
        "ete_credit" => LedgerEventKind::EteCredit {
            minutes: minutes(&e["minutes"])?,
            course_name: text(&e["courseName"]).into(),
        },
        "adjustment" => LedgerEventKind::Adjustment {
            minutes: int(&e["minutes"]),
        },
        "extension" => LedgerEventKind::Extension {
            months: u32::try_from(int(&e["months"])).expect("months"),
        },
        other => panic!("unknown entry type {other}"),
    };
    let entry = LedgerEntry::new(date(&e["date"]), text(&e["by"]), event);
    Ok(match e.get("id") {
        Some(id) => entry.with_id(text(id)),
        None => entry,
    })
}

fn requirement(input: &Value) -> Result<Requirement, ErrorKind> {
    let t = &input["terms"];
    let terms = RequirementTerms {
        id: text(&t["id"]).into(),
        person_ref: text(&t["personRef"]).into(),
        kind: serde_json::from_value(t["kind"].clone()).expect("kind"),
        required: minutes(&t["required"])?,
        start: date(&t["start"]),
        incentive_eligible: t["incentiveEligible"].as_bool().expect("incentiveEligible"),
    };
    let policy: LedgerPolicy = match input.get("policy") {
        Some(p) => LedgerPolicy::from_json(&p.to_string()).map_err(|e| e.kind())?,
        None => LedgerPolicy::default(),
    };
    let mut r = Requirement::new(terms, policy).map_err(|e| e.kind())?;
    for e in input["entries"].as_array().expect("entries") {
        r.record(entry(e)?).map_err(|e| e.kind())?;
    }
    Ok(r)
}

fn status_json(s: &LedgerStatus) -> Value {
    let i = &s.incentive;
    json!({
        "required": s.required.get(), "adjustments": s.adjustments, "completed": s.completed.get(),
        "ete_completed": s.ete_completed.get(), "ete_allowance": s.ete_allowance.get(),
        "ete_remaining": s.ete_remaining.get(), "discount": s.discount.get(), "remaining": s.remaining.get(),
        "end_date": s.end_date.to_string(), "complete": s.complete, "overdue": s.overdue,
        "incentive": {
            "state": serde_json::to_value(i.state).expect("state"), "qualifying": i.qualifying,
            "threshold": i.threshold.get(), "current_discount": i.current_discount.get(),
            "maximum_discount": i.maximum_discount.get(), "projected_discount": i.projected_discount.get(),
        },
    })
}

fn row_json(r: &ReportRow) -> Value {
    json!({
        "group": r.group, "completions": r.completions, "courses_completed": r.courses_completed,
        "minutes_credited": r.minutes_credited.get(), "actual_minutes": r.actual_minutes.get(),
        "guided_minutes": r.guided_minutes.get(), "agreements_used": r.agreements_used,
        "duplicates": r.duplicates, "failures": r.failures,
    })
}

fn completions(v: &Value) -> Result<Vec<ete_core::hours::Completion>, ErrorKind> {
    Ok(read_completions_json(&v.to_string(), ReadMode::Strict)
        .map_err(|e| e.kind())?
        .completions)
}

/// Runs a ledger or report op (H-9..H-16), or `None` for another file's op.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "ledger_status" => (|| {
            let r = requirement(input)?;
            Ok(status_json(
                &r.status(date(&input["on"])).map_err(|e| e.kind())?,
            ))
        })(),
        "ledger_ete_fit" => (|| {
            let r = requirement(input)?;
            let fit = r
                .ete_fit(minutes(&input["proposed"])?)
                .map_err(|e| e.kind())?;
            Ok(json!({ "fits": fit.fits.get(), "rest": fit.rest.get() }))
        })(),
        "credit_against_requirements" => (|| {
            let requirements = input["requirements"]
                .as_array()
                .expect("requirements")
                .iter()
                .map(requirement)
                .collect::<Result<Vec<_>, _>>()?;
            let decisions = credit_against_requirements(
                &completions(&input["completions"])?,
                &[],
                &[],
                &CreditPolicy::default(),
                &requirements,
            )
            .map_err(|e| e.kind())?;
            Ok(json!({ "decisions": decisions.iter().map(|d| json!({
                "credited": d.credited.get(), "reason": d.reason.code(), "requirement_id": d.requirement_id,
            })).collect::<Vec<_>>() }))
        })(),
        "record_credits" => (|| {
            let requirements = input["requirements"]
                .as_array()
                .expect("requirements")
                .iter()
                .map(requirement)
                .collect::<Result<Vec<_>, _>>()?;
            let decisions = credit_against_requirements(
                &completions(&input["completions"])?,
                &[],
                &[],
                &CreditPolicy::default(),
                &requirements,
            )
            .map_err(|e| e.kind())?;
            let into: Vec<&str> = input["record_into"]
                .as_array()
                .expect("record_into")
                .iter()
                .map(text)
                .collect();
            let mut targets: Vec<Requirement> = requirements
                .into_iter()
                .filter(|r| into.contains(&r.id()))
                .collect();
            let recorded = record_credits(&mut targets, &decisions, text(&input["by"]))
                .map_err(|e| e.kind())?;
            let far = NaiveDate::MAX;
            let ete: serde_json::Map<String, Value> = targets
                .iter()
                .map(|r| {
                    Ok((
                        r.id().to_owned(),
                        json!(r.status(far).map_err(|e| e.kind())?.ete_completed.get()),
                    ))
                })
                .collect::<Result<_, ErrorKind>>()?;
            Ok(json!({ "recorded": recorded, "ete_completed": ete }))
        })(),
        "delivery" => (|| {
            let pct = u32::try_from(int(&input["target_percent"])).expect("percent");
            let d = delivery_against_target(
                minutes(&input["delivered"])?,
                minutes(&input["baseline"])?,
                pct,
            )
            .map_err(|e| e.kind())?;
            Ok(json!({ "target": d.target.get(), "achieved_tenths": d.achieved_tenths }))
        })(),
        "completion_report" => (|| {
            let cs = completions(&input["completions"])?;
            let decisions = credit_batch(&cs, &[], &[], &CreditPolicy::default());
            let practitioners: HashMap<String, String> =
                serde_json::from_value(input["practitioners"].clone()).expect("practitioners");
            let grouping: Grouping =
                serde_json::from_value(input["grouping"].clone()).expect("grouping");
            let report = completion_report(
                &cs,
                &decisions,
                &practitioners,
                date(&input["from"]),
                date(&input["to"]),
                grouping,
            )
            .map_err(|e| e.kind())?;
            Ok(
                json!({ "rows": report.rows.iter().map(row_json).collect::<Vec<_>>(), "total": row_json(&report.total) }),
            )
        })(),
        _ => return None,
    })
}
