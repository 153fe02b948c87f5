//! The staff ops of `tests/vectors/staff.json` (S-1..S-4).

use chrono::NaiveDate;
use ete_core::ErrorKind;
use ete_core::codes::Code;
use ete_core::staff::{
    Candidate, PqipRoute, StaffPolicy, StaffRecord, Vacancy, VqAssessment, candidate_decision,
    feedback_due, mandatory_status, objectivity_conflicts, pqip_decision, task_decision,
    team_compliance, vacancy_decision, verification_check,
};
use serde_json::{Value, json};

use crate::{Outcome, text};

fn policy(input: &Value) -> Result<StaffPolicy, ErrorKind> {
    match input.get("policy") {
        Some(p) => StaffPolicy::from_json(&p.to_string()).map_err(|e| e.kind()),
        None => Ok(StaffPolicy::default()),
    }
}

fn record(v: &Value) -> Result<StaffRecord, ErrorKind> {
    StaffRecord::from_json(&v.to_string()).map_err(|e| e.kind())
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(text(v), "%Y-%m-%d").expect("a date")
}

fn value<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).expect("serialisable")
}

fn parsed<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).expect("a well-formed input")
}

fn outcome(op: &str, input: &Value) -> Outcome {
    let policy = policy(input)?;
    Ok(match op {
        "mandatory" => {
            let statuses =
                mandatory_status(&policy, &record(&input["record"])?, date(&input["on"]))
                    .map_err(|e| e.kind())?;
            json!({ "statuses": value(statuses) })
        }
        "task" => {
            let d = task_decision(
                &policy,
                &record(&input["record"])?,
                text(&input["task"]),
                date(&input["on"]),
            )
            .map_err(|e| e.kind())?;
            let missing: Vec<&str> = d.missing.iter().map(|m| m.kind.code()).collect();
            json!({ "status": d.status.code(), "due": value(d.due), "since": value(d.since),
                    "missing": missing, "desirable": d.desirable })
        }
        "pqip" => {
            let route = PqipRoute::parse(text(&input["route"])).map_err(|e| e.kind())?;
            let start = input.get("start").map(date);
            let d = pqip_decision(
                &policy,
                &record(&input["record"])?,
                route,
                date(&input["on"]),
                start,
            )
            .map_err(|e| e.kind())?;
            value(d)
        }
        "vacancy" => value(vacancy_decision(
            &policy,
            &parsed::<Vacancy>(&input["vacancy"]),
        )),
        "candidate" => value(
            candidate_decision(
                &policy,
                &parsed::<Candidate>(&input["candidate"]),
                date(&input["on"]),
            )
            .map_err(|e| e.kind())?,
        ),
        "feedback_due" => {
            let due = feedback_due(&policy, date(&input["interview"])).map_err(|e| e.kind())?;
            json!({ "due": value(due) })
        }
        "verify" => value(verification_check(
            &parsed::<Vec<VqAssessment>>(&input["assessments"]),
            text(&input["assessment"]),
            text(&input["verifier"]),
        )),
        "conflicts" => {
            let found = objectivity_conflicts(&parsed::<Vec<VqAssessment>>(&input["assessments"]));
            let ids: Vec<&str> = found.iter().map(|a| a.id.as_str()).collect();
            json!({ "conflicts": ids })
        }
        "compliance" => {
            let records = input["records"]
                .as_array()
                .expect("records")
                .iter()
                .map(record)
                .collect::<Result<Vec<_>, _>>()?;
            let within = u32::try_from(input["withinDays"].as_u64().expect("days")).expect("u32");
            let report = team_compliance(&policy, &records, date(&input["on"]), within)
                .map_err(|e| e.kind())?;
            let csv = report.to_csv().map_err(|e| e.kind())?;
            let attention: Vec<String> = report
                .needing_attention()
                .iter()
                .map(|r| format!("{} {} {}", r.person, r.item, r.attention.code()))
                .collect();
            json!({ "rows": report.rows.len(), "csvHeader": csv.lines().next(),
                    "attention": attention })
        }
        "staff_policy_load" => {
            json!({ "tasks": policy.tasks.len(), "mandatory": policy.mandatory.len() })
        }
        _ => unreachable!("checked by run"),
    })
}

/// Runs a staff op (S-1..S-4), or `None` for another file's op.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    const OPS: [&str; 10] = [
        "mandatory",
        "task",
        "pqip",
        "vacancy",
        "candidate",
        "feedback_due",
        "verify",
        "conflicts",
        "compliance",
        "staff_policy_load",
    ];
    OPS.contains(&op).then(|| outcome(op, input))
}
