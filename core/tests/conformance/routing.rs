//! The routing ops of `tests/vectors/routing.json` (T-1..T-8).

use chrono::{NaiveDate, TimeZone, Utc};
use ete_core::ErrorKind;
use ete_core::routing::{
    Exchange, Organisation, ReferralPolicy, Refusal, RoutingPolicy, TransferFile, TransferPlan,
    check_referral, copy_first_description, copy_first_recipient, copy_first_role, decide,
    destinations, plan,
};
use serde_json::{Value, json};

use crate::{Outcome, text};

fn policy(input: &Value) -> Result<RoutingPolicy, ErrorKind> {
    match input.get("policy") {
        Some(p) => RoutingPolicy::from_json(&p.to_string()).map_err(|e| e.kind()),
        None => Ok(RoutingPolicy::default()),
    }
}

fn org(v: &Value) -> Organisation {
    serde_json::from_value(v.clone()).expect("an organisation")
}

fn files(input: &Value) -> Vec<TransferFile> {
    let mut files: Vec<TransferFile> =
        serde_json::from_value(input["files"].clone()).expect("files");
    for what in input
        .get("copy")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match text(what) {
            "recipient" => copy_first_recipient(&mut files),
            "role" => copy_first_role(&mut files),
            "description" => copy_first_description(&mut files),
            other => panic!("unknown copy {other}"),
        }
    }
    files
}

fn planned(input: &Value) -> Result<(RoutingPolicy, TransferPlan), ErrorKind> {
    let policy = policy(input)?;
    let shown = plan(
        &policy,
        &org(&input["sender"]),
        text(&input["sent_by"]),
        files(input),
    );
    Ok((policy, shown))
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(text(v), "%Y-%m-%d").expect("a date")
}

/// Runs a routing op (T-1..T-8), or `None` for another file's op.
pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 24, 9, 0, 0)
        .single()
        .expect("valid");
    Some(match op {
        "decide" => policy(input).map(|p| {
            let d = decide(&p, &org(&input["sender"]), &org(&input["recipient"]), text(&input["role"]), text(&input["category"]));
            let accepted = match &d.reason {
                ete_core::routing::Reason::RoleNotAccepted { accepted } => json!(accepted),
                _ => Value::Null,
            };
            json!({ "allowed": d.allowed, "reason": d.reason.code(), "rule": d.reason.rule(), "accepted": accepted })
        }),
        "policy_load" => policy(input).map(|p| json!({ "rules": p.rules().len() })),
        "destinations" => policy(input).map(|p| json!({ "destinations": destinations(&p, &org(&input["sender"])) })),
        "plan" => planned(input).map(|(_, shown)| {
            let refusals: Vec<Value> = shown
                .refusals()
                .into_iter()
                .map(|(position, r)| {
                    let code = serde_json::to_value(&r).expect("refusal")["code"].clone();
                    let reason = match &r {
                        Refusal::Denied { decision } => json!(decision.reason.code()),
                        _ => Value::Null,
                    };
                    json!({ "position": position, "code": code, "reason": reason })
                })
                .collect();
            json!({ "sendable": shown.sendable(), "refusals": refusals })
        }),
        "transfer" => (|| {
            let (policy, shown) = planned(input)?;
            let mut exchange = Exchange::new(policy);
            let ids = exchange.confirm(&shown, at).map_err(|e| e.kind())?;
            let mut inbox = serde_json::Map::new();
            for file in &shown.files {
                if let Some(r) = &file.file.recipient {
                    inbox.insert(r.id.clone(), json!(exchange.inbox(&r.id).len()));
                }
            }
            Ok(json!({ "sent": ids.len(), "inbox": inbox }))
        })(),
        "download" => (|| {
            let (policy, shown) = planned(input)?;
            let mut exchange = Exchange::new(policy);
            let ids = exchange.confirm(&shown, at).map_err(|e| e.kind())?;
            let who = text(&input["downloader"]);
            let receipts = if input["all"].as_bool() == Some(true) {
                exchange.download_all(who, "STAFF-9", at).map_err(|e| e.kind())?.len()
            } else {
                exchange.download(ids[0], who, "STAFF-9", at).map_err(|e| e.kind())?;
                1
            };
            let new_after = exchange.inbox(who).iter().filter(|i| !i.downloaded).count();
            Ok(json!({ "receipts": receipts, "new_after": new_after, "audit_events": exchange.events().len() }))
        })(),
        "referral" => check_referral(&ReferralPolicy::default(), date(&input["assessed_on"]), date(&input["referral_on"]))
            .map(|until| json!({ "valid_until": until.to_string() }))
            .map_err(|e| e.kind()),
        _ => return None,
    })
}
