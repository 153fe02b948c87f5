//! The laws of the one aggregate pattern, checked for every aggregate over random command
//! sequences: the state is the fold of the events, a refusal changes nothing, a retried id
//! changes nothing and returns no events, the same id with another command is refused, and a
//! register's snapshot restores exactly while a tampered one is refused.

use std::fmt::Debug;

use chrono::{DateTime, Duration, TimeZone, Utc};
use ete_core::contribution::Contribution;
use ete_core::licences::{self, AccountKind, Pool, PoolPolicy};
use ete_core::register::{
    Action, Actor, Command, EventKind, Lesson, Mark, Register, RegisterError, Role,
};
use ete_core::{Aggregate, ErrorKind};
use proptest::prelude::*;
use serde_json::Value;

const LEARNERS: [&str; 3] = ["A", "B", "C"];

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

fn lesson() -> Lesson {
    Lesson {
        id: "L-1".into(),
        provider: "PRV-1".into(),
        starts_at: start(),
        ends_at: start() + Duration::hours(2),
    }
}

fn learners() -> Vec<String> {
    LEARNERS.iter().map(|l| (*l).to_owned()).collect()
}

fn register() -> Register {
    Register::new(lesson(), &learners()).unwrap()
}

fn register_action() -> impl Strategy<Value = Action> {
    let learner = prop::sample::select(vec!["A", "B", "C", "Z"]).prop_map(str::to_owned);
    prop_oneof![
        4 => (learner.clone(), prop::sample::select(Mark::ALL.to_vec()))
            .prop_map(|(learner, mark)| Action::Mark { learner, mark }),
        1 => (learner.clone(), prop::sample::select(vec!["Arrived with a carer", " ", "Left early"]))
            .prop_map(|(learner, text)| Action::AddNote { learner, text: text.into() }),
        2 => (learner, -2i64..=2).prop_map(|(learner, s)| Action::SetContribution {
            learner,
            score: Contribution::new(s).unwrap(),
        }),
    ]
}

/// Commands with ids from a small pool, so that some ids repeat (retries or conflicts).
fn register_commands() -> impl Strategy<Value = Vec<Command>> {
    let command = (
        0u8..30,
        prop::sample::select(vec![
            Role::Provider,
            Role::Provider,
            Role::School,
            Role::Hub,
        ]),
        -30i64..240,
        register_action(),
    )
        .prop_map(|(id, role, minutes, action)| Command {
            id: format!("c{id}"),
            actor: Actor::new(role, "STAFF-1"),
            at: start() + Duration::hours(2) + Duration::minutes(minutes),
            action,
        });
    prop::collection::vec(command, 0..60)
}

fn pool_commands() -> impl Strategy<Value = Vec<licences::Command>> {
    let person = (0..5u8).prop_map(|i| format!("P-{i}"));
    let action = prop_oneof![
        (0..4u32).prop_map(|capacity| licences::Action::SetCapacity { capacity }),
        person.clone().prop_map(|person| licences::Action::Request {
            person,
            kind: AccountKind::Learner,
            requirement_end: None,
            courses: vec!["A".into()],
        }),
        person
            .clone()
            .prop_map(|person| licences::Action::Login { person }),
        person
            .clone()
            .prop_map(|person| licences::Action::Deactivate {
                person,
                reason: licences::DeactivationReason::Administrator,
            }),
        person.prop_map(|person| licences::Action::Withdraw { person }),
    ];
    let command = (0u8..25, 0i64..30, action).prop_map(|(id, day, action)| licences::Command {
        id: format!("c{id}"),
        actor: "ADMIN-1".into(),
        at: start() + Duration::days(day),
        action,
    });
    prop::collection::vec(command, 0..50)
}

/// Runs the commands, checking at each step that a refusal or a retry changes nothing, and at
/// the end that folding the events onto `initial` gives the same state. Returns the final
/// state and the events.
fn run_checked<A>(initial: &A, commands: &[A::Command]) -> Result<(A, Vec<A::Event>), TestCaseError>
where
    A: Aggregate + Clone + PartialEq + Debug,
    A::Event: Clone,
{
    let mut state = initial.clone();
    let mut log = Vec::new();
    for command in commands {
        let before = state.clone();
        match state.execute(command) {
            Ok(events) => {
                if events.is_empty() {
                    prop_assert_eq!(&state, &before, "a retry changed the state");
                }
                log.extend(events);
            }
            Err(_) => prop_assert_eq!(&state, &before, "a refusal changed the state"),
        }
    }
    let mut folded = initial.clone();
    prop_assert!(folded.apply_all(&log).is_ok(), "the events do not fold");
    prop_assert_eq!(&folded, &state, "the state is not the fold of its events");
    Ok((state, log))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_register_is_the_fold_of_its_events(commands in register_commands()) {
        let (state, log) = run_checked(&register(), &commands)?;
        prop_assert_eq!(state.events(), log.as_slice());
        let replayed = Register::replay(lesson(), &learners(), &log).unwrap();
        prop_assert_eq!(&replayed, &state);
        // Notes and contributions are replayed too.
        prop_assert_eq!(replayed.notes(), state.notes());
        prop_assert_eq!(Register::restore(&state.to_json().unwrap()).unwrap(), state);
    }

    #[test]
    fn a_pool_is_the_fold_of_its_events(commands in pool_commands()) {
        let (pool, _) = Pool::open("open", "ADMIN-1", start(), "Wales", 2, PoolPolicy::default()).unwrap();
        run_checked(&pool, &commands)?;
    }

    #[test]
    fn a_retried_id_changes_nothing_and_another_command_under_it_is_refused(
        commands in register_commands(),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut state = register();
        let mut first: Vec<Command> = Vec::new();
        for command in &commands {
            if let Ok(events) = state.execute(command) && !events.is_empty() {
                first.push(command.clone());
            }
        }
        prop_assume!(!first.is_empty());
        let command = pick.get(&first);
        let before = state.clone();
        prop_assert_eq!(state.execute(command), Ok(Vec::new()));
        prop_assert_eq!(&state, &before);
        let mut other = command.clone();
        other.at += Duration::minutes(1);
        let refused = state.execute(&other).unwrap_err();
        prop_assert_eq!(refused.kind(), ErrorKind::InvalidField);
        prop_assert!(refused.to_string().contains("command id"));
        prop_assert_eq!(&state, &before);
    }

    #[test]
    fn a_tampered_snapshot_is_refused(commands in register_commands(), which in 0usize..6, at in any::<prop::sample::Index>()) {
        let (state, log) = run_checked(&register(), &commands)?;
        prop_assume!(!log.is_empty());
        let mut snapshot: Value = serde_json::from_str(&state.to_json().unwrap()).unwrap();
        let events = snapshot["events"].as_array().unwrap().len();
        let i = at.index(events);
        match which {
            // An entry that is not the fold of the events.
            0 => snapshot["entries"]["A"]["providerMark"] =
                if state.entry("A").unwrap().provider_mark == Some(Mark::Late) { "present".into() } else { "late".into() },
            // The first event dropped (a later event may be a mark set to the value it had,
            // whose loss the fold cannot show: that needs the hash chain).
            1 => { snapshot["events"].as_array_mut().unwrap().remove(0); }
            // An event for a learner not on the register.
            2 => snapshot["events"][i]["learner"] = "Z".into(),
            // A command id reused by a later command.
            3 => {
                let ids: Vec<String> = log.iter().map(|e| e.command.clone()).collect();
                // Another command stands between the first command and the last event.
                prop_assume!(ids.len() > 1 && ids[ids.len() - 2] != ids[0]);
                let last = snapshot["events"].as_array().unwrap().len() - 1;
                snapshot["events"][last]["command"] = ids[0].clone().into();
            }
            // A note the events never added.
            4 => snapshot["notes"].as_array_mut().unwrap().push(serde_json::json!({
                "learner": "A", "author": {"role": "hub", "id": "X"}, "at": "2026-11-24T12:00:00Z",
                "text": "forged", "lesson": "L-1"})),
            // A mark the actor's role may never set.
            _ => {
                let marks: Vec<usize> = log.iter().enumerate()
                    .filter(|(_, e)| e.actor.role == Role::Provider && matches!(e.kind, EventKind::Marked { .. }))
                    .map(|(i, _)| i).collect();
                prop_assume!(!marks.is_empty());
                snapshot["events"][marks[0]]["to"] = "authorised_absence".into();
            }
        }
        let tampered = serde_json::to_string(&snapshot).unwrap();
        let err = Register::restore(&tampered).unwrap_err();
        prop_assert!(matches!(err, RegisterError::BadLog { .. } | RegisterError::NotOnRegister { .. }), "{err:?}");
        prop_assert!(matches!(err.kind(), ErrorKind::MalformedInput | ErrorKind::NotOnRegister));
        prop_assert!(serde_json::from_str::<Register>(&tampered).is_err());
        prop_assert!(!err.to_string().contains("forged") && !err.to_string().contains("carer"));
    }
}

#[test]
fn a_note_and_a_contribution_are_events_and_replay() {
    let mut r = register();
    let hub = Actor::new(Role::Hub, "CAP-1");
    let after = lesson().ends_at;
    r.mark(&hub, "A", Mark::Present, after).unwrap();
    r.add_note(&hub, "A", "Arrived with a carer", after)
        .unwrap();
    r.set_contribution(&hub, "A", Contribution::new(2).unwrap(), after)
        .unwrap();
    // Marking the learner absent clears the score, as an event.
    r.mark(&hub, "A", Mark::UnexplainedAbsence, after).unwrap();
    let kinds: Vec<&str> = r.events().iter().map(|e| e.kind.code()).collect();
    assert_eq!(
        kinds,
        [
            "marked",
            "note_added",
            "contribution_set",
            "marked",
            "contribution_set"
        ]
    );
    let replayed = Register::replay(lesson(), &learners(), r.events()).unwrap();
    assert_eq!(replayed, r);
    assert_eq!(replayed.notes().len(), 1);
    // Debug never shows a note's text.
    let debug = format!("{:?} {:?}", r.events(), r.notes());
    assert!(!debug.contains("carer"), "{debug}");
    let command = Command {
        id: "x".into(),
        actor: hub,
        at: after,
        action: Action::AddNote {
            learner: "A".into(),
            text: "Arrived with a carer".into(),
        },
    };
    assert!(!format!("{command:?}").contains("carer"));
}

#[test]
fn an_empty_command_id_is_refused() {
    let mut r = register();
    let command = Command {
        id: " ".into(),
        actor: Actor::new(Role::Hub, "CAP-1"),
        at: lesson().ends_at,
        action: Action::Mark {
            learner: "A".into(),
            mark: Mark::Present,
        },
    };
    let err = r.execute(&command).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidField);
    assert_eq!(r, register());
}

#[test]
fn a_snapshot_that_is_not_json_names_no_value() {
    let err = Register::restore(r#"{"lesson": "Arrived with a carer"}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MalformedInput);
    assert!(!err.to_string().contains("carer"), "{err}");
    assert!(Register::restore("[]").is_err());
}

fn ledger_commands() -> impl Strategy<Value = Vec<ete_core::hours::LedgerEntry>> {
    use ete_core::hours::{AppointmentOutcome, LedgerEntry, LedgerEventKind};
    let event = prop_oneof![
        (0u64..600).prop_map(|m| LedgerEventKind::WorkAppointment {
            minutes: ete_core::Minutes::new(m).unwrap(),
            outcome: AppointmentOutcome::Attended,
        }),
        (0u64..400).prop_map(|m| LedgerEventKind::EteCredit {
            minutes: ete_core::Minutes::new(m).unwrap(),
            course_name: "Budgeting".into(),
        }),
        (1u32..3).prop_map(|months| LedgerEventKind::Extension { months }),
    ];
    let entry = (0u8..20, 0i64..3, event).prop_map(|(id, day, event)| {
        LedgerEntry::new(start().date_naive() + Duration::days(day), "SUP-1", event)
            .with_id(format!("e{id}"))
    });
    prop::collection::vec(entry, 0..40)
}

proptest! {
    #[test]
    fn a_requirement_is_the_fold_of_its_entries(commands in ledger_commands()) {
        use ete_core::hours::{OrderKind, Requirement, RequirementTerms};
        let terms = RequirementTerms {
            id: "R-1".into(), person_ref: "P-1".into(), kind: OrderKind::Adult,
            required: ete_core::Minutes::new(6_000).unwrap(), start: start().date_naive(),
            incentive_eligible: false,
        };
        let requirement = Requirement::new(terms, Default::default()).unwrap();
        let (state, log) = run_checked(&requirement, &commands)?;
        prop_assert_eq!(state.entries(), log.as_slice());
        let mut retried = state.clone();
        for entry in &log {
            prop_assert_eq!(retried.execute(entry), Ok(Vec::new()));
        }
        prop_assert_eq!(&retried, &state);
        let no_id = ete_core::hours::LedgerEntry { id: None, ..commands.first().cloned().unwrap_or_else(|| log.first().cloned().unwrap_or_else(|| ete_core::hours::LedgerEntry::new(start().date_naive(), "S", ete_core::hours::LedgerEventKind::Extension { months: 1 }))) };
        prop_assert!(retried.execute(&no_id).is_err());
    }
}

fn exchange_commands() -> impl Strategy<Value = Vec<ete_core::routing::ExchangeCommand>> {
    use ete_core::routing::{ExchangeAction, ExchangeCommand, Organisation, TransferFile};
    // Known and unknown kinds, roles and categories, so that some sends are refused.
    let org = prop::sample::select(vec![
        ("hub", "HUB-1"),
        ("school", "SCH-1"),
        ("school", "SCH-2"),
        ("provider", "PRV-1"),
        ("prison", "PRS-1"),
    ])
    .prop_map(|(kind, id)| Organisation::new(kind, id));
    let file = (
        org.clone(),
        prop::sample::select(vec!["dsl", "cap_coordinator", "janitor"]),
        prop::sample::select(vec!["risk_assessment", "invoice", "risk_asessment"]),
        prop::sample::select(vec!["CFC JN", "", "LSP AB"]),
    )
        .prop_map(|(to, role, category, description)| TransferFile {
            name: "a.pdf".into(),
            recipient: Some(to),
            role: role.into(),
            description: description.into(),
            category: category.into(),
        });
    let organisation = prop::sample::select(vec!["SCH-1", "SCH-2", "PRV-1", "HUB-1"]);
    let action = prop_oneof![
        3 => (org, prop::collection::vec(file, 0..3))
            .prop_map(|(sender, files)| ExchangeAction::Send { sender, files }),
        2 => (0u64..6, organisation.clone()).prop_map(|(file_id, o)| ExchangeAction::Download {
            file_id,
            organisation: o.into(),
        }),
        1 => organisation.prop_map(|o| ExchangeAction::DownloadAll { organisation: o.into() }),
    ];
    let command = (
        0u8..20,
        prop::sample::select(vec!["CAP-1", "T-1", " "]),
        0i64..600,
        action,
    )
        .prop_map(|(id, actor, minutes, action)| ExchangeCommand {
            id: format!("c{id}"),
            actor: actor.into(),
            at: start() + Duration::minutes(minutes),
            action,
        });
    prop::collection::vec(command, 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// An exchange is the fold of its events, replays to itself, restores from its snapshot,
    /// and a retried command id changes nothing while another command under it is refused.
    #[test]
    fn an_exchange_is_the_fold_of_its_events(commands in exchange_commands()) {
        use ete_core::routing::{Exchange, RoutingPolicy};
        let initial = Exchange::default();
        let (state, log) = run_checked(&initial, &commands)?;
        prop_assert_eq!(state.events(), log.as_slice());
        prop_assert_eq!(&Exchange::replay(&log, RoutingPolicy::default()).unwrap(), &state);
        prop_assert_eq!(
            &Exchange::restore(&state.to_json().unwrap(), &RoutingPolicy::default()).unwrap(),
            &state
        );
        let mut retried = state.clone();
        for command in commands.iter().filter(|c| state.has_executed(&c.id)) {
            let first = log.iter().position(|e| e.command == command.id).unwrap();
            let same = log[first].actor == command.actor && log[first].at == command.at;
            match retried.execute(command) {
                Ok(events) => prop_assert!(events.is_empty(), "a retry returned events"),
                Err(e) => {
                    prop_assert_eq!(e.kind(), ErrorKind::InvalidField);
                    prop_assert!(!same || e.to_string().contains("command id"));
                }
            }
            prop_assert_eq!(&retried, &state);
        }
    }
}
