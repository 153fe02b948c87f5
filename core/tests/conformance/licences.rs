//! The licence ops of `tests/vectors/licences.json` (L-1..L-9).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ete_core::licences::{
    AccessSessions, Command, Event, Pool, PoolPolicy, SessionPolicy, dormant_logins,
    ready_to_deactivate, utilisation,
};
use serde_json::{Map, Value, json};

use crate::{Outcome, int, text};

fn instant(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text(v))
        .expect("an RFC 3339 instant")
        .with_timezone(&Utc)
}

fn day(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(text(v), "%Y-%m-%d").expect("a date")
}

fn code<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serialises")
}

fn state(pool: &Pool) -> Value {
    let accounts: Map<String, Value> = pool
        .accounts()
        .map(|a| (a.person.clone(), code(&a.state)))
        .collect();
    json!({
        "capacity": pool.capacity(), "allocated": pool.allocated(), "free": pool.free(),
        "waiting": pool.waiting(), "accounts": accounts, "events": pool.event_count(),
    })
}

fn run_pool(input: &Value) -> Outcome {
    let policy = match input.get("policy") {
        Some(p) => PoolPolicy::from_json(&p.to_string()).map_err(|e| e.kind())?,
        None => PoolPolicy::default(),
    };
    let opened = Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .expect("valid");
    let capacity = u32::try_from(int(&input["capacity"])).expect("a capacity");
    let (mut pool, _) = Pool::open(
        "open",
        "ADMIN-1",
        opened,
        text(&input["region"]),
        capacity,
        policy,
    )
    .map_err(|e| e.kind())?;
    let mut results = Vec::new();
    for c in input["commands"].as_array().expect("commands") {
        let command: Command = serde_json::from_value(c.clone()).expect("a command");
        let before = pool.clone();
        results.push(match pool.execute(&command) {
            Ok(events) => Value::Array(events.iter().map(|e| json!(e.kind.code())).collect()),
            Err(e) => {
                assert_eq!(pool, before, "a refused command changed the pool");
                json!({ "error": e.kind().code() })
            }
        });
    }
    let mut out =
        json!({ "results": results, "state": state(&pool), "ready": ready_to_deactivate(&pool) });
    if let Some(now) = input.get("now") {
        let now = instant(now);
        out["dormant"] = code(&dormant_logins(&pool, now));
        let u = utilisation(&pool, now);
        let mut line = code(&u);
        line["averageDaysHeld"] = json!(u.average_days_text());
        out["utilisation"] = line;
    }
    Ok(out)
}

fn run_sessions(input: &Value) -> Outcome {
    let mut sessions = AccessSessions::new(text(&input["region"]), SessionPolicy::default());
    let mut results = Vec::new();
    for s in input["steps"].as_array().expect("steps") {
        let outcome = match text(&s["op"]) {
            "schedule" => sessions.schedule(
                text(&s["id"]),
                text(&s["site"]),
                day(&s["date"]),
                text(&s["supervisor"]),
                u32::try_from(int(&s["places"])).expect("places"),
                u32::try_from(int(&s["laptops"])).expect("laptops"),
            ),
            "book" => sessions.book(text(&s["session"]), text(&s["person"])),
            "lend" => sessions.lend(
                text(&s["session"]),
                text(&s["person"]),
                text(&s["laptop"]),
                day(&s["on"]),
                day(&s["expectedReturn"]),
            ),
            "return" => sessions.return_laptop(text(&s["laptop"]), day(&s["on"])),
            other => panic!("unknown step {other}"),
        };
        results.push(match outcome {
            Ok(()) => json!("ok"),
            Err(e) => json!({ "error": e.kind().code() }),
        });
    }
    let today = input
        .get("today")
        .map_or_else(|| NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid"), day);
    let overdue: Vec<&str> = sessions
        .overdue(today)
        .iter()
        .map(|l| l.laptop.as_str())
        .collect();
    Ok(json!({
        "results": results, "overdue": overdue, "out": sessions.laptops_out(),
        "sessions": sessions.sessions().len(),
    }))
}

/// Runs a licence op (L-1..L-9), or `None` for another file's op.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "pool" => run_pool(input),
        "policy" => PoolPolicy::from_json(&input["policy"].to_string())
            .map(|p| code(&p))
            .map_err(|e| e.kind()),
        "replay" => {
            let events: Vec<Event> =
                serde_json::from_value(input["events"].clone()).expect("events");
            Pool::replay(&events)
                .map(|p| state(&p))
                .map_err(|e| e.kind())
        }
        "sessions" => run_sessions(input),
        _ => return None,
    })
}
