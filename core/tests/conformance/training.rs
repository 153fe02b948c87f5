//! The training-record ops of `tests/vectors/training_records.json` (P-1..P-6, T-2, T-8).

use chrono::NaiveDate;
use ete_core::routing::{Organisation, ReferralPolicy, RoutingPolicy};
use ete_core::training::{
    AssessmentPolicy, Establishment, LearnerFile, ListQuery, Placement, PlacementCommand,
    PlacementEventKind,
};
use serde_json::{Value, json};

use crate::{Outcome, int, text};

fn day(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(text(v), "%Y-%m-%d").expect("a date")
}

fn org(v: &Value) -> Organisation {
    serde_json::from_value(v.clone()).expect("an organisation")
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serialises")
}

/// An establishment holding the files (each inserted as its JSON, as the bindings do).
fn holding(
    organisation: Organisation,
    files: &Value,
) -> Result<Establishment, ete_core::ErrorKind> {
    let mut e = Establishment::new(organisation);
    for f in files.as_array().expect("files") {
        let file: LearnerFile =
            serde_json::from_value(f.clone()).map_err(|_| ete_core::ErrorKind::MalformedInput)?;
        e.insert(file).map_err(|e| e.kind())?;
    }
    Ok(e)
}

fn here() -> Organisation {
    Organisation::new("hub", "CAP")
}

fn query(input: &Value) -> ListQuery {
    input.get("query").map_or_else(ListQuery::default, |q| {
        serde_json::from_value(q.clone()).expect("a query")
    })
}

fn event_code(kind: &PlacementEventKind) -> Value {
    to_value(kind)["type"].clone()
}

fn run_placement(input: &Value) -> Outcome {
    let months = input
        .get("riskAssessmentMonths")
        .map_or(3, |m| u32::try_from(int(m)).expect("months"));
    let mut placement = Placement::new(
        text(&input["id"]),
        text(&input["learner"]),
        ReferralPolicy {
            risk_assessment_months: months,
        },
    )
    .map_err(|e| e.kind())?;
    let mut results = Vec::new();
    for c in input["commands"].as_array().expect("commands") {
        let command: PlacementCommand = serde_json::from_value(c.clone()).expect("a command");
        let before = placement.clone();
        results.push(match placement.execute(&command) {
            Ok(events) => Value::Array(events.iter().map(|e| event_code(&e.kind)).collect()),
            Err(e) => {
                assert_eq!(placement, before, "a refused command changed the placement");
                json!({"error": e.kind().code()})
            }
        });
    }
    let restored = Placement::restore(&placement.to_json().map_err(|e| e.kind())?)
        .is_ok_and(|p| p == placement);
    Ok(json!({
        "results": results, "status": placement.status().map(|s| s.code()),
        "events": placement.events().len(), "restored": restored,
    }))
}

fn run_record(input: &Value) -> Outcome {
    let e = holding(here(), &json!([input["file"]]))?;
    let (learner, file) = e.files().iter().next().expect("one file");
    let on = day(&input["on"]);
    let r = &file.record;
    assert_eq!(learner, &r.learner);
    Ok(json!({
        "progress": to_value(&r.progress()),
        "appraisals": r.appraisals().iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
        "overdue": r.overdue_targets(on).iter().map(|t| t.id.clone()).collect::<Vec<_>>(),
        "notes": file.notes().len(),
        "row": to_value(&file.row(on)),
    }))
}

fn run_list(input: &Value) -> Outcome {
    let e = holding(here(), &input["files"])?;
    let page = e
        .list(&query(input), day(&input["on"]))
        .map_err(|e| e.kind())?;
    Ok(json!({
        "total": page.total, "page": page.page, "size": page.size, "pages": page.pages,
        "learners": page.rows.iter().map(|r| r.learner.clone()).collect::<Vec<_>>(),
    }))
}

fn run_csv(input: &Value) -> Outcome {
    let e = holding(here(), &input["files"])?;
    let redacted = input["redacted"].as_bool().expect("redacted");
    let csv = e
        .csv(&query(input), day(&input["on"]), redacted)
        .map_err(|e| e.kind())?;
    let lines: Vec<&str> = csv.lines().collect();
    let first: Vec<&str> = lines
        .iter()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or(""))
        .collect();
    Ok(json!({"lines": lines, "rows": lines.len() - 1, "firstColumn": first}))
}

fn run_transfer(input: &Value) -> Outcome {
    let policy = match &input["policy"] {
        Value::Null => RoutingPolicy::default(),
        p => RoutingPolicy::from_json(&p.to_string()).expect("a policy"),
    };
    let source = holding(org(&input["source"]), &input["sourceFiles"])?;
    let destination = org(&input["destination"]);
    let learner = text(&input["learner"]);
    let doc = source
        .export(learner, &destination, text(&input["role"]), &policy)
        .map_err(|e| e.kind())?;
    let at = input
        .get("importAt")
        .map_or_else(|| destination.clone(), org);
    let mut target = holding(at, &input["held"])?;
    let mut outcomes = Vec::new();
    for _ in 0..int(&input["imports"]) {
        let before = target.clone();
        match target.import(&doc) {
            Ok(o) => outcomes.push(to_value(&o)),
            Err(e) => {
                assert_eq!(target, before, "a refused import changed the establishment");
                return Err(e.kind());
            }
        }
    }
    let held = target.file(learner).map_err(|e| e.kind())?;
    let sent = source.file(learner).map_err(|e| e.kind())?;
    Ok(json!({
        "outcomes": outcomes,
        "equal": held == sent,
        "held": {
            "units": held.record.units().map(|u| (u.id.clone(), json!(u.status.code()))).collect::<serde_json::Map<_, _>>(),
            "achieved": held.record.targets.iter().map(|t| (t.id.clone(), json!(t.achieved))).collect::<serde_json::Map<_, _>>(),
        },
    }))
}

fn run_import(input: &Value) -> Outcome {
    let mut e = Establishment::new(org(&input["organisation"]));
    let outcome = e
        .import(&input["document"].to_string())
        .map_err(|e| e.kind())?;
    Ok(to_value(&outcome))
}

fn run_assessment(input: &Value) -> Outcome {
    let e = holding(here(), &json!([input["file"]]))?;
    let learner = input
        .get("learner")
        .map_or_else(|| text(&input["file"]["record"]["learner"]), text);
    let policy = input
        .get("validMonths")
        .map_or_else(AssessmentPolicy::default, |m| AssessmentPolicy {
            valid_months: u32::try_from(int(m)).expect("months"),
        });
    let need = e
        .needs_assessment(learner, text(&input["subject"]), day(&input["on"]), &policy)
        .map_err(|e| e.kind())?;
    Ok(to_value(&need))
}

/// Runs a training op, or `None` if the op is not one.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "placement" => run_placement(input),
        "record" => run_record(input),
        "records_list" => run_list(input),
        "records_csv" => run_csv(input),
        "record_transfer" => run_transfer(input),
        "record_import" => run_import(input),
        "needs_assessment" => run_assessment(input),
        _ => return None,
    })
}
