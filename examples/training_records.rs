//! Training records (P-1..P-6): a school's list of its learners and the mail-merge export
//! `training-records.csv` (P-3, P-4), then a learner's record moved from one prison to another
//! (P-5): the routing policy decides who may receive it (T-2), the second import changes
//! nothing, and the next provider reuses the maths assessment instead of retaking it (P-6).
//!
//! ```text
//! cargo run -q -p ete-examples --example training_records [-- SCHOOL [ON]]
//! ```
//!
//! defaults: `SCH-1`, `2026-11-30`. Prints ids and figures only: names stay in the CSV, which a
//! school mail-merges (here the redacted variant is printed).

use std::error::Error;
use std::path::PathBuf;

use chrono::NaiveDate;
use ete_core::routing::{Organisation, RoutingPolicy};
use ete_core::training::{AssessmentPolicy, Establishment, LearnerFile, ListQuery};
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let school = args.first().map_or("SCH-1", String::as_str);
    let on = args.get(1).map_or("2026-11-30", String::as_str);
    if let Err(e) = run(school, on) {
        eprintln!("training_records: {e}");
        std::process::exit(1);
    }
}

fn org(v: &Value) -> Result<Organisation, Box<dyn Error>> {
    Ok(serde_json::from_value(v.clone())?)
}

fn run(school: &str, on: &str) -> Result<(), Box<dyn Error>> {
    let on: NaiveDate = on.parse().map_err(|e| format!("on {on:?}: {e}"))?;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/training_records.json");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;

    // The hub holds every learner's file; a school sees its own learners, 20 to a page.
    let mut hub = Establishment::new(org(&data["hub"])?);
    for file in data["files"].as_array().ok_or("files")? {
        hub.insert(LearnerFile::from_json(&file.to_string())?)?;
    }
    let query = ListQuery {
        school: Some(school.to_owned()),
        ..ListQuery::default()
    };
    let page = hub.list(&query, on)?;
    println!(
        "{school}: {} learners (page {} of {})",
        page.total, page.page, page.pages
    );
    for r in &page.rows {
        println!(
            "  {}  {}  attendance {}%  units {}/{}  targets {}/{} ({} overdue)",
            r.learner,
            r.status.map_or("-", |s| s.code()),
            r.attendance_rate.as_deref().unwrap_or("-"),
            r.units_completed,
            r.units_total,
            r.targets_achieved,
            r.targets_set,
            r.targets_overdue,
        );
    }
    println!("\ntraining-records.csv (redacted):");
    print!("{}", hub.csv(&query, on, true)?);

    // Virtual Campus: a record moves with the learner, only where the policy permits.
    let vc = &data["virtualCampus"];
    let policy = RoutingPolicy::from_json(&vc["policy"].to_string())?;
    let mut a = Establishment::new(org(&vc["from"])?);
    let file = LearnerFile::from_json(&vc["file"].to_string())?;
    let learner = file.record.learner.clone();
    a.insert(file)?;
    let b_org = org(&vc["to"])?;
    let doc = a.export(&learner, &b_org, "education_manager", &policy)?;
    let mut b = Establishment::new(b_org);
    let first = b.import(&doc)?;
    let again = b.import(&doc)?;
    println!(
        "\n{learner} moved {} -> {}: {} items added; imported again: {} added, {} updated",
        a.organisation().id,
        b.organisation().id,
        first.added,
        again.added,
        again.updated
    );
    println!(
        "record equal after the move: {}",
        a.file(&learner)? == b.file(&learner)?
    );
    let need = b.needs_assessment(&learner, "Mathematics", on, &AssessmentPolicy::default())?;
    println!(
        "maths: {} (assessment {} of {} by {}, valid until {})",
        need.decision,
        need.assessment.as_deref().unwrap_or("-"),
        need.assessed_on.map_or("-".into(), |d| d.to_string()),
        need.provider.as_deref().unwrap_or("-"),
        need.valid_until.map_or("-".into(), |d| d.to_string()),
    );
    let employer = Organisation::new("employer", "EMP-1");
    match a.export(&learner, &employer, "education_manager", &policy) {
        Ok(_) => println!("export to EMP-1's education manager: sent"),
        Err(e) => println!("export to EMP-1's education manager: {e}"),
    }
    Ok(())
}
