//! The administrator's weekly learning-hours report (the README's first command).
//!
//! Reads the portal's completions (CSV), extra-time agreements, earlier credits, the credit
//! policy, the people's requirements and their practitioners from a folder (default
//! `examples/data`), and prints:
//!
//! - per person, each credit decision against their requirement with its reason — the
//!   recommendation to key into nDelius (H-8, H-10);
//! - the rejected records;
//! - each requirement's ETE headroom and incentive status on the report day (H-10..H-12);
//! - the practitioner notifications for completions since the last report (H-14);
//! - the licence pool: dormant-login alerts per practitioner and the utilisation line (L-5,
//!   L-9), from the pool's commands in `licences.json`;
//! - the totals (H-13).
//!
//! The report day and the last report's time are arguments (the clock is an argument):
//!
//! ```text
//! cargo run -q -p ete-examples --example weekly_report [-- DATA_DIR [REPORT_DAY [LAST_REPORT]]]
//! ```
//!
//! defaults: `examples/data`, `2026-11-23`, `2026-11-16T00:00:00Z`.
//!
//! With `--language cy` (or `pl`, `en`; W-1) the reasons and notifications are written in that
//! language, and the week's certificates — one PDF per credited completion since the last
//! report (H-15, W-2) — are written into a folder (`--certificates DIR`, default
//! `certificates`):
//!
//! ```text
//! cargo run -q -p ete-examples --example weekly_report -- --language cy --certificates /tmp/certs
//! ```

use std::collections::{BTreeMap, HashMap};
use std::error::Error;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use ete_core::Minutes;
use ete_core::hours::{
    CreditDecision, CreditPolicy, CreditReason, ExtraTimeAgreement, PriorCredit, ReadMode,
    Requirement, credit_against_requirements, practitioner_notifications, read_completions_csv,
};
use ete_core::licences::{Command, Pool, PoolPolicy, dormant_logins, utilisation};

/// `--language TAG` and `--certificates DIR`, taken out of the arguments.
struct Options {
    language: Option<String>,
    certificates: PathBuf,
}

fn options(args: &mut Vec<String>) -> Result<Options, String> {
    let mut take = |flag: &str| -> Result<Option<String>, String> {
        match args.iter().position(|a| a == flag) {
            None => Ok(None),
            Some(i) if i + 1 < args.len() => {
                let value = args.remove(i + 1);
                args.remove(i);
                Ok(Some(value))
            }
            Some(_) => Err(format!("{flag} needs a value")),
        }
    };
    Ok(Options {
        language: take("--language")?,
        certificates: take("--certificates")?
            .map_or_else(|| PathBuf::from("certificates"), PathBuf::from),
    })
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let options = match options(&mut args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("weekly_report: {e}");
            std::process::exit(2);
        }
    };
    let dir = args.first().map(PathBuf::from).unwrap_or_else(default_dir);
    let day = args.get(1).map_or("2026-11-23", String::as_str);
    let since = args.get(2).map_or("2026-11-16T00:00:00Z", String::as_str);
    if let Err(e) = run(&dir, day, since, &options) {
        eprintln!("weekly_report: {e}");
        std::process::exit(1);
    }
}

fn default_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

fn run(dir: &Path, day: &str, since: &str, options: &Options) -> Result<(), Box<dyn Error>> {
    let day = NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|e| format!("report day {day:?}: {e}"))?;
    let since: DateTime<Utc> = DateTime::parse_from_rfc3339(since)
        .map_err(|e| format!("last report {since:?}: {e}"))?
        .with_timezone(&Utc);
    let csv_path = dir.join("completions.csv");
    let file =
        std::fs::File::open(&csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let read = read_completions_csv(file, ReadMode::Lenient)?;
    let agreements: Vec<ExtraTimeAgreement> = read_json(&dir.join("agreements.json"))?;
    let prior: Vec<PriorCredit> = read_json(&dir.join("prior_credits.json"))?;
    let policy = CreditPolicy::from_json(&std::fs::read_to_string(dir.join("policy.json"))?)?;

    let requirements: Vec<Requirement> = read_json(&dir.join("requirements.json"))?;
    let practitioners: HashMap<String, String> = read_json(&dir.join("practitioners.json"))?;

    let decisions = credit_against_requirements(
        &read.completions,
        &prior,
        &agreements,
        &policy,
        &requirements,
    )?;
    println!(
        "ETE Core — weekly learning-hours report for {day} ({})",
        csv_path.display()
    );
    println!(
        "policy: extra-time allowance {}%, repeats {}",
        policy.allowance_percent(),
        if policy.credit_repeats() {
            "credited"
        } else {
            "not credited"
        }
    );
    let language = options.language.as_deref();
    if let Some(tag) = language {
        let t = ete_messages::date_text(day, tag);
        let note = if t.fell_back {
            " (language not available: English)"
        } else {
            ""
        };
        println!("language: {} — {}{note}", t.language, t.text);
    }
    print_people(&decisions, language);
    print_rejects(&read.rejects);
    print_requirements(&requirements, &decisions, day)?;
    println!("\nPractitioner notifications (completions since {since})");
    for n in practitioner_notifications(&read.completions, &decisions, &practitioners, since)? {
        match language {
            Some(tag) => println!("  {}", ete_messages::notification_text(&n, tag)),
            None => println!("  {} ({} completions)", n.practitioner, n.decisions.len()),
        }
        for d in &n.decisions {
            println!(
                "    {} {} {:<28} {}",
                d.date, d.person_ref, d.course_name, d.reason
            );
        }
    }
    print_licences(dir, day, &practitioners)?;
    print_totals(&decisions, read.rejects.len())?;
    if let Some(tag) = language {
        write_certificates(
            &read.completions,
            &decisions,
            since,
            day,
            tag,
            &options.certificates,
        )?;
    }
    Ok(())
}

/// The week's certificates: one PDF per completion credited from the last report to the report
/// day, in `tag`'s language, written into `folder` (H-15, W-2).
fn write_certificates(
    completions: &[ete_core::hours::Completion],
    decisions: &[CreditDecision],
    since: DateTime<Utc>,
    day: NaiveDate,
    tag: &str,
    folder: &Path,
) -> Result<(), Box<dyn Error>> {
    let week: Vec<CreditDecision> = decisions
        .iter()
        .filter(|d| d.date >= since.date_naive() && d.date <= day)
        .cloned()
        .collect();
    let written = ete_certificates::write_batch(folder, completions, &week, &HashMap::new(), tag)?;
    println!(
        "\nCertificates ({}): {} written to {}",
        tag,
        written.len(),
        folder.display()
    );
    for path in &written {
        println!(
            "  {}",
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        );
    }
    Ok(())
}

/// The region's licence pool, rebuilt from its commands, on the report day: dormant-login
/// alerts for practitioners (L-5) and the utilisation line (L-9).
fn print_licences(
    dir: &Path,
    day: NaiveDate,
    practitioners: &HashMap<String, String>,
) -> Result<(), Box<dyn Error>> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct PoolFile {
        region: String,
        capacity: u32,
        opened_at: DateTime<Utc>,
        policy: PoolPolicy,
        commands: Vec<Command>,
    }
    let file: PoolFile = read_json(&dir.join("licences.json"))?;
    let (mut pool, _) = Pool::open(
        "open",
        "ADMIN",
        file.opened_at,
        &file.region,
        file.capacity,
        file.policy,
    )?;
    let now = day.and_time(chrono::NaiveTime::MIN).and_utc();
    println!(
        "
Licence pool {} on {day}",
        pool.region()
    );
    for command in file.commands.iter().filter(|c| c.at < now) {
        if let Err(e) = pool.execute(command) {
            println!("  command {} refused: {e}", command.id);
        }
    }
    println!("  Dormant logins to raise with practitioners (L-5):");
    let alerts = dormant_logins(&pool, now);
    for d in &alerts {
        let practitioner = practitioners
            .get(&d.person)
            .map_or("unassigned", String::as_str);
        let what = if d.never_logged_in {
            "issued, never logged in"
        } else {
            "logged in, then stopped"
        };
        println!(
            "    {practitioner:<10} {} {what} ({} days since {})",
            d.person,
            d.days,
            d.since.format("%Y-%m-%d")
        );
    }
    if alerts.is_empty() {
        println!("    none");
    }
    let u = utilisation(&pool, now);
    println!(
        "  Utilisation (L-9): capacity {}, allocated {}, free {}, waiting {}, dormant {}, ready to deactivate {}, average days held {}",
        u.capacity,
        u.allocated,
        u.free,
        u.waiting,
        u.dormant,
        u.ready_to_deactivate,
        u.average_days_text().unwrap_or_else(|| "-".into())
    );
    Ok(())
}

/// ETE headroom and incentive status per requirement, after this week's recommended credits.
fn print_requirements(
    requirements: &[Requirement],
    decisions: &[CreditDecision],
    day: NaiveDate,
) -> Result<(), Box<dyn Error>> {
    println!("\nRequirements on {day}: ETE headroom after this week's recommended credits");
    println!(
        "  {:<8} {:<7} {:>8} {:>9} {:>9} {:>10} {:>9}  incentive",
        "id", "person", "required", "remaining", "ETE left", "this week", "headroom"
    );
    for r in requirements {
        let s = r.status(day)?;
        let this_week: u64 = decisions
            .iter()
            .filter(|d| d.requirement_id.as_deref() == Some(r.id()))
            .map(|d| d.credited.get())
            .sum();
        let this_week = Minutes::new(this_week)?;
        println!(
            "  {:<8} {:<7} {:>8} {:>9} {:>9} {:>10} {:>9}  {:?} (discount {}, projected {})",
            r.id(),
            r.person_ref(),
            s.required.to_string(),
            s.remaining.to_string(),
            s.ete_remaining.to_string(),
            this_week.to_string(),
            // The ETE allowance left, but never more than the time left on the order (H-10, H-11).
            s.ete_remaining
                .min(s.remaining)
                .saturating_sub(this_week)
                .to_string(),
            s.incentive.state,
            s.incentive.current_discount,
            s.incentive.projected_discount
        );
    }
    Ok(())
}

fn print_people(decisions: &[CreditDecision], language: Option<&str>) {
    let mut by_person: BTreeMap<&str, Vec<&CreditDecision>> = BTreeMap::new();
    for d in decisions {
        by_person.entry(d.person_ref.as_str()).or_default().push(d);
    }
    for (person, mut list) in by_person {
        list.sort_by_key(|d| (d.date, d.position));
        let total = list.iter().map(|d| d.credited.get()).sum::<u64>();
        println!(
            "\n{person}  (credit {})",
            Minutes::new(total).unwrap_or(Minutes::MAX)
        );
        for d in list {
            let action = if d.credited == Minutes::ZERO {
                "do not credit".to_owned()
            } else {
                format!("credit {}", d.credited)
            };
            println!(
                "  {}  {:<28} actual {:>6}  guided {:>6}  {:<15} {}",
                d.date,
                d.course_name,
                d.actual.to_string(),
                d.guided.to_string(),
                action,
                language.map_or_else(
                    || d.reason.explanation().to_owned(),
                    |tag| ete_messages::credit_reason_text(d.reason, tag).text
                )
            );
        }
    }
}

fn print_rejects(rejects: &[ete_core::hours::Reject]) {
    if rejects.is_empty() {
        return;
    }
    println!("\nRejected records (not credited; fix and resend):");
    for r in rejects {
        println!("  {r}");
    }
}

fn print_totals(decisions: &[CreditDecision], rejects: usize) -> Result<(), Box<dyn Error>> {
    let sum = |f: fn(&CreditDecision) -> u64| decisions.iter().map(f).sum::<u64>();
    println!("\nTotals");
    println!("  completions read      {}", decisions.len() + rejects);
    println!("  rejected              {rejects}");
    println!(
        "  minutes credited      {}",
        Minutes::new(sum(|d| d.credited.get()))?
    );
    println!(
        "  actual minutes        {}",
        Minutes::new(sum(|d| d.actual.get()))?
    );
    println!(
        "  guided minutes        {}",
        Minutes::new(sum(|d| d.guided.get()))?
    );
    println!(
        "  under an agreement    {}",
        decisions
            .iter()
            .filter(|d| d.allowance_percent.is_some())
            .count()
    );
    for reason in CreditReason::ALL {
        let n = decisions.iter().filter(|d| d.reason == reason).count();
        println!("  {:<21} {n}", reason.code());
    }
    Ok(())
}
