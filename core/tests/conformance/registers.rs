//! The register ops of `tests/vectors/registers.json` (R-1..R-10).

use chrono::{DateTime, TimeZone, Utc};
use ete_core::contribution::{Contribution, ContributionSummary};
use ete_core::register::{
    Actor, AttendanceSummary, Command, Lesson, Mark, RecordNotes, Register, Role, Scope,
    StatutoryFigures, StatutoryPolicy, statutory_summary, summarise, unprocessed_absences,
};
use serde_json::{Map, Value, json};

use crate::{Outcome, int, text};

fn instant(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text(v))
        .expect("an RFC 3339 instant")
        .with_timezone(&Utc)
}

fn lesson(v: &Value) -> Lesson {
    serde_json::from_value(v.clone()).expect("a lesson")
}

/// A mark from its code (an unknown code is the core's error), or `None` for null.
fn mark(v: &Value) -> Result<Option<Mark>, ete_core::ErrorKind> {
    match v {
        Value::Null => Ok(None),
        other => text(other)
            .parse()
            .map(Some)
            .map_err(|e: ete_core::codes::UnknownCode| e.kind()),
    }
}

fn actor(v: &Value) -> Actor {
    serde_json::from_value(v.clone()).expect("an actor")
}

fn code<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serialises")
}

/// Registers whose marks are set by the hub after the lesson.
fn registers(input: &Value) -> Vec<Register> {
    let hub = Actor::new(Role::Hub, "CAP-1");
    input["registers"]
        .as_array()
        .expect("registers")
        .iter()
        .map(|r| {
            let marks = r["marks"].as_object().expect("marks");
            let learners: Vec<String> = marks.keys().cloned().collect();
            let lesson = lesson(&r["lesson"]);
            let after = lesson.ends_at;
            let mut register = Register::new(lesson, &learners).expect("register");
            for (learner, m) in marks {
                if let Some(m) = mark(m).expect("a known mark") {
                    register
                        .mark(&hub, learner, m, after)
                        .expect("the hub may set any mark");
                }
            }
            register
        })
        .collect()
}

fn summary_json(s: &AttendanceSummary) -> Value {
    let rates = s.rates();
    let pct = |f: Option<ete_core::Fraction>| f.map(|f| f.percent(1).expect("one place"));
    let sums_to_one = rates.is_some_and(|r| {
        let parts = [
            r.attended,
            r.authorised,
            r.unauthorised,
            r.unexplained,
            r.dismissed,
        ];
        let total: i64 = parts.iter().map(|p| p.numerator()).sum();
        parts.iter().all(|p| p.denominator() == s.possible())
            && u64::try_from(total).ok() == Some(s.possible())
    });
    json!({
        "possible": s.possible(), "unmarked": s.unmarked,
        "attended": pct(rates.map(|r| r.attended)), "authorised": pct(rates.map(|r| r.authorised)),
        "unauthorised": pct(rates.map(|r| r.unauthorised)), "unexplained": pct(rates.map(|r| r.unexplained)),
        "dismissed": pct(rates.map(|r| r.dismissed)), "rates_sum_to_one": sums_to_one,
    })
}

/// The statutory policy of a case (`policy`, a JSON object), or the default.
fn policy(input: &Value) -> Result<StatutoryPolicy, ete_core::ErrorKind> {
    match input.get("policy") {
        Some(p) => StatutoryPolicy::from_json(&p.to_string()).map_err(|e| e.kind()),
        None => Ok(StatutoryPolicy::default()),
    }
}

/// A learner's or the group's statutory figures as the vectors spell them.
fn figures_json(f: &StatutoryFigures) -> Value {
    let sessions: Map<String, Value> = f
        .sessions
        .iter()
        .map(|s| (s.code.clone(), json!(s.sessions)))
        .collect();
    let t = &f.tally;
    let categories = [
        t.present,
        t.approved_activity,
        t.authorised,
        t.unauthorised,
        t.not_possible,
        t.administrative,
        t.not_coded,
    ];
    json!({
        "possible": f.possible, "attendance": f.attendance, "authorised": t.authorised,
        "unauthorised": t.unauthorised, "absences": f.absences, "not_possible": t.not_possible,
        "absence": f.absence_percent, "persistent": f.persistent, "severe": f.severe,
        "sessions": sessions, "unmarked": f.unmarked,
        "categories_total": categories.iter().sum::<u64>(),
    })
}

/// Runs a register op (R-1..R-10), or `None` for another file's op.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "mark_sequence" => (|| {
            let learners: Vec<String> = input["learners"]
                .as_array()
                .expect("learners")
                .iter()
                .map(|l| text(l).to_owned())
                .collect();
            let mut register =
                Register::new(lesson(&input["lesson"]), &learners).map_err(|e| e.kind())?;
            let mut decisions = Vec::new();
            for a in input["actions"].as_array().expect("actions") {
                let (who, learner, m, at) = (
                    actor(&a["actor"]),
                    text(&a["learner"]),
                    mark(&a["mark"])?.expect("a mark"),
                    instant(&a["at"]),
                );
                let d = register.check(&who, learner, m, at);
                if d.allowed {
                    register.mark(&who, learner, m, at).map_err(|e| e.kind())?;
                }
                decisions.push(json!({ "allowed": d.allowed, "reason": code(&d.reason)["code"] }));
            }
            let entries: Map<String, Value> = register
                .entries()
                .iter()
                .map(|(l, e)| {
                    (l.clone(), json!({ "provider_mark": e.provider_mark, "school_decision": e.school_decision, "current": e.current() }))
                })
                .collect();
            Ok(
                json!({ "decisions": decisions, "entries": entries, "history": register.events().len() }),
            )
        })(),
        "summary" => {
            let scope: Scope = serde_json::from_value(input["scope"].clone()).expect("scope");
            let report = summarise(&registers(input), &scope, instant(&input["now"]));
            let learners: Map<String, Value> = report
                .learners
                .iter()
                .map(|(l, s)| (l.clone(), summary_json(s)))
                .collect();
            Ok(
                json!({ "learners": learners, "group": summary_json(&report.group), "incomplete_registers": report.incomplete_registers }),
            )
        }
        "statutory_summary" | "statutory_csv" => (|| {
            let scope: Scope = serde_json::from_value(input["scope"].clone()).expect("scope");
            let report =
                statutory_summary(&registers(input), &scope, &policy(input)?).map_err(|e| e.kind())?;
            if op == "statutory_csv" {
                return Ok(json!({ "csv": report.to_csv().map_err(|e| e.kind())? }));
            }
            let learners: Map<String, Value> = report
                .learners
                .iter()
                .map(|f| (f.learner.clone().expect("a learner"), figures_json(f)))
                .collect();
            Ok(json!({ "learners": learners, "group": figures_json(&report.group) }))
        })(),
        "statutory_code" => mark(&input["mark"]).map(|m| {
            json!({ "code": m.and_then(|m| StatutoryPolicy::default().code(m).map(str::to_owned)) })
        }),
        "unprocessed" => {
            let learners: Vec<String> =
                serde_json::from_value(input["learners"].clone()).expect("learners");
            let absences = unprocessed_absences(&registers(input), &learners);
            Ok(
                json!({ "absences": absences.iter().map(|a| json!({ "lesson": a.lesson, "learner": a.learner })).collect::<Vec<_>>() }),
            )
        }
        "contribution" => Contribution::new(int(&input["value"]))
            .map(|c| match text(&input["op"]) {
                "new" => c,
                "increment" => c.increment(),
                "decrement" => c.decrement(),
                other => panic!("unknown contribution op {other}"),
            })
            .map(|c| json!({ "value": c.get() }))
            .map_err(|e| e.kind()),
        "contribution_record" => (|| {
            let lesson = lesson(&input["lesson"]);
            let after = lesson.ends_at;
            let mut register =
                Register::new(lesson, &["LRN-1".to_owned()]).map_err(|e| e.kind())?;
            if let Some(m) = mark(&input["mark"])? {
                register
                    .mark(&Actor::new(Role::Hub, "CAP-1"), "LRN-1", m, after)
                    .map_err(|e| e.kind())?;
            }
            let score = Contribution::new(int(&input["score"])).map_err(|e| e.kind())?;
            register
                .set_contribution(
                    &actor(&input["actor"]),
                    "LRN-1",
                    score,
                    instant(&input["at"]),
                )
                .map_err(|e| e.kind())?;
            Ok(
                json!({ "recorded": register.entry("LRN-1").and_then(|e| e.contribution).map(Contribution::get) }),
            )
        })(),
        "contribution_summary" => (|| {
            let scores = input["scores"]
                .as_array()
                .expect("scores")
                .iter()
                .map(|s| Contribution::new(int(s)))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.kind())?;
            let s = ContributionSummary::of(scores);
            Ok(json!({ "count": s.count, "sum": s.sum, "mean": s.mean_text() }))
        })(),
        "note" => (|| {
            let lesson = Lesson {
                id: "L-1".into(),
                provider: "PRV-1".into(),
                starts_at: Utc
                    .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
                    .single()
                    .expect("valid"),
                ends_at: Utc
                    .with_ymd_and_hms(2026, 11, 24, 11, 0, 0)
                    .single()
                    .expect("valid"),
            };
            let tutor = Actor::new(Role::Provider, "TUTOR-3");
            let mut register =
                Register::new(lesson.clone(), &["LRN-1".to_owned()]).map_err(|e| e.kind())?;
            register
                .add_note(
                    &tutor,
                    text(&input["learner"]),
                    text(&input["text"]),
                    lesson.ends_at,
                )
                .map_err(|e| e.kind())?;
            let mut record = RecordNotes::new("LRN-1");
            record
                .add(
                    &Actor::new(Role::Hub, "CAP-1"),
                    "Initial assessment booked",
                    lesson.starts_at,
                )
                .map_err(|e| e.kind())?;
            Ok(json!({ "record_notes": record.with_attendance_notes(&[register]).len() }))
        })(),
        "register_commands" => (|| {
            let learners: Vec<String> =
                serde_json::from_value(input["learners"].clone()).expect("learners");
            let lesson = lesson(&input["lesson"]);
            let mut register = Register::new(lesson.clone(), &learners).map_err(|e| e.kind())?;
            let mut results = Vec::new();
            for c in input["commands"].as_array().expect("commands") {
                let command: Command = serde_json::from_value(c.clone()).expect("a command");
                let before = register.clone();
                results.push(match register.execute(&command) {
                    Ok(events) => events.iter().map(|e| json!(e.kind.code())).collect(),
                    Err(e) => {
                        assert_eq!(register, before, "a refused command changed the register");
                        json!({ "error": e.kind().code() })
                    }
                });
            }
            let snapshot = register.to_json().map_err(|e| e.kind())?;
            let replayed = Register::replay(lesson, &learners, register.events())
                .and_then(|r| r.to_json())
                .map_err(|e| e.kind())?;
            let restored = Register::restore(&snapshot)
                .and_then(|r| r.to_json())
                .map_err(|e| e.kind())?;
            let entries: Map<String, Value> = register
                .entries()
                .iter()
                .map(|(l, e)| {
                    (l.clone(), json!({ "provider_mark": e.provider_mark, "school_decision": e.school_decision,
                        "current": e.current(), "contribution": e.contribution.map(Contribution::get) }))
                })
                .collect();
            Ok(json!({
                "results": results, "entries": entries, "notes": register.notes().len(),
                "events": register.events().len(), "replayed": replayed == snapshot,
                "restored": restored == snapshot,
            }))
        })(),
        _ => return None,
    })
}
