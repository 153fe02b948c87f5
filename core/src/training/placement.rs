//! A placement (P-1): an application (tier 1 or 2; school, provider, course, referral date, a
//! risk assessment T-8 accepts), accepted, started, and ended as completed or withdrawn (every
//! withdrawal question required). The aggregate pattern: commands with ids, one event each, the
//! state the fold of the events, a snapshot checked by replaying them.
//!
//! Who may do what (deny by default): a school or the hub applies and withdraws; the hub or the
//! provider accepts; the provider or the hub starts and completes.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use ete_core::register::{Actor, Role};
//! use ete_core::routing::ReferralPolicy;
//! use ete_core::training::*;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
//! let mut placement = Placement::new("PL-1", "LRN-1", ReferralPolicy::default())?;
//! let apply = PlacementCommand { id: "c1".into(), actor: Actor::new(Role::School, "SCH-STAFF-1"), at,
//!     action: PlacementAction::Apply { application: PlacementApplication { tier: Tier::Tier1,
//!         school: "SCH-1".into(), provider: "PRV-1".into(), course: "CRS-1".into(),
//!         referral_on: d(2026, 11, 2), risk_assessed_on: d(2026, 8, 2) } } };
//! assert_eq!(placement.execute(&apply)?.len(), 1);
//! assert!(placement.execute(&apply)?.is_empty()); // a retry changes nothing
//! assert_eq!(placement.status(), Some(PlacementStatus::Applied));
//! let again = Placement::restore(&placement.to_json()?)?;
//! assert_eq!(again, placement);
//! # Ok::<(), TrainingError>(())
//! ```

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::chain::Chain;
use crate::register::Hidden;
use crate::register::{Actor, Role};
use crate::routing::{ReferralError, ReferralPolicy, check_referral};
use crate::training::error::{TrainingError, date};
use crate::training::portable::read_json;

/// The application's tier (CAP's tier 1 and tier 2 forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Tier {
    /// Tier 1.
    #[serde(rename = "tier_1")]
    Tier1,
    /// Tier 2.
    #[serde(rename = "tier_2")]
    Tier2,
}

crate::codes!(Tier, "tier", "P-1", { Tier1 => "tier_1", Tier2 => "tier_2" });

/// Where a placement stands (P-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PlacementStatus {
    /// Applied for, not yet accepted.
    Applied,
    /// Accepted by the hub or the provider.
    Accepted,
    /// The learner has started.
    Started,
    /// Withdrawn (ended early).
    Withdrawn,
    /// Completed.
    Completed,
}

crate::codes!(PlacementStatus, "placement status", "P-1", {
    Applied => "applied",
    Accepted => "accepted",
    Started => "started",
    Withdrawn => "withdrawn",
    Completed => "completed",
});

/// An application for a placement (P-1): its risk assessment must cover the referral date
/// (T-8).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlacementApplication {
    /// Tier 1 or tier 2.
    pub tier: Tier,
    /// The school's id.
    pub school: String,
    /// The provider's id.
    pub provider: String,
    /// The course's id.
    pub course: String,
    /// The referral's date.
    pub referral_on: NaiveDate,
    /// When the risk assessment was completed.
    pub risk_assessed_on: NaiveDate,
}

/// The withdrawal form: every question is mandatory (P-1), so a missing or blank answer is
/// refused naming the question. The reason and the requester's note are free text: `Debug`
/// shows their length only.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct WithdrawalForm {
    /// The date the learner leaves.
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// Why.
    #[serde(default)]
    pub reason: Option<String>,
    /// The staff id of who asks for it.
    #[serde(default)]
    pub requested_by: Option<String>,
    /// Where the learner goes next (back to school, another provision, ...).
    #[serde(default)]
    pub next_step: Option<String>,
}

impl fmt::Debug for WithdrawalForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |t: &Option<String>| t.as_deref().map(|s| format!("{:?}", Hidden(s)));
        f.debug_struct("WithdrawalForm")
            .field("on", &self.on)
            .field("reason", &hidden(&self.reason))
            .field("requested_by", &self.requested_by)
            .field("next_step", &hidden(&self.next_step))
            .finish()
    }
}

impl WithdrawalForm {
    /// The first question left unanswered, if any.
    fn missing(&self) -> Option<&'static str> {
        let blank = |t: &Option<String>| t.as_deref().is_none_or(|s| s.trim().is_empty());
        if self.on.is_none() {
            Some("on")
        } else if blank(&self.reason) {
            Some("reason")
        } else if blank(&self.requested_by) {
            Some("requestedBy")
        } else if blank(&self.next_step) {
            Some("nextStep")
        } else {
            None
        }
    }
}

/// What a placement command asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PlacementAction {
    /// Apply (school or hub; T-8).
    Apply {
        /// The application.
        application: PlacementApplication,
    },
    /// Accept the application (hub or provider).
    Accept {
        /// The date.
        on: NaiveDate,
    },
    /// The learner starts (provider or hub).
    Start {
        /// The date.
        on: NaiveDate,
    },
    /// Withdraw (school or hub): every question answered.
    Withdraw {
        /// The form.
        form: WithdrawalForm,
    },
    /// The learner completes (provider or hub).
    Complete {
        /// The date.
        on: NaiveDate,
    },
}

impl PlacementCommand {
    /// Reads a command from its JSON form (`{"id", "actor": {"role", "id"}, "at", "action":
    /// {"type": "apply" | "accept" | "start" | "withdraw" | "complete", ...}}`); the message
    /// never quotes the input.
    pub fn from_json(json: &str) -> Result<PlacementCommand, TrainingError> {
        read_json("placement command", json)
    }
}

impl PlacementAction {
    /// The action's code: `apply`, `accept`, `start`, `withdraw`, `complete`.
    pub const fn code(&self) -> &'static str {
        match self {
            PlacementAction::Apply { .. } => "apply",
            PlacementAction::Accept { .. } => "accept",
            PlacementAction::Start { .. } => "start",
            PlacementAction::Withdraw { .. } => "withdraw",
            PlacementAction::Complete { .. } => "complete",
        }
    }
}

/// A command to a placement: an id (a retry changes nothing), who, when, and what.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlacementCommand {
    /// The command's id.
    pub id: String,
    /// Who gives it (a staff id and role).
    pub actor: Actor,
    /// When.
    pub at: DateTime<Utc>,
    /// What it asks.
    pub action: PlacementAction,
}

/// What happened to a placement.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PlacementEventKind {
    /// Applied for.
    Applied {
        /// The application.
        application: PlacementApplication,
    },
    /// Accepted.
    Accepted {
        /// The date.
        on: NaiveDate,
    },
    /// Started.
    Started {
        /// The date.
        on: NaiveDate,
    },
    /// Withdrawn, with the complete form.
    Withdrawn {
        /// The form.
        form: WithdrawalForm,
    },
    /// Completed.
    Completed {
        /// The date.
        on: NaiveDate,
    },
}

/// An event: the command it came from, who, when and what happened.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlacementEvent {
    /// The command's id.
    pub command: String,
    /// Who.
    pub actor: Actor,
    /// When.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: PlacementEventKind,
}

/// A learner's placement (P-1): the fold of its events. [`Placement::restore`] replays a
/// snapshot's events, so a snapshot that is not a possible history is refused, and checks
/// their hash chain ([`crate::chain`]).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Snapshot")]
pub struct Placement {
    id: String,
    learner: String,
    referral_policy: ReferralPolicy,
    events: Vec<PlacementEvent>,
    /// The hash chain of the events.
    chain: Chain,
    #[serde(skip)]
    state: State,
}

/// The format a placement's JSON is written in (also where it is embedded, as in a learner's
/// file): 2 added `format` and the events' `chain`; 3 added the `opening` hash (of the id, the
/// learner and the referral policy), where the chain starts, so a changed id, learner or
/// `riskAssessmentMonths` is refused and changes the head hash. Formats 1 and 2 are read too
/// (migrated: their id, learner and policy are taken as written, and get an opening hash from
/// then on).
pub const PLACEMENT_FORMAT: u32 = 3;

/// A placement's JSON form as written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Written<'a> {
    format: u32,
    opening: &'a str,
    id: &'a str,
    learner: &'a str,
    referral_policy: &'a ReferralPolicy,
    events: &'a [PlacementEvent],
    chain: &'a Chain,
}

impl Serialize for Placement {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Written {
            format: PLACEMENT_FORMAT,
            opening: self.chain.base(),
            id: &self.id,
            learner: &self.learner,
            referral_policy: &self.referral_policy,
            events: &self.events,
            chain: &self.chain,
        }
        .serialize(serializer)
    }
}

/// The state the events fold into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct State {
    status: Option<PlacementStatus>,
    application: Option<PlacementApplication>,
    /// The date of the last step (accepted, started, ended).
    last_on: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Snapshot {
    #[serde(default)]
    format: Option<u32>,
    #[serde(default)]
    opening: Option<String>,
    id: String,
    learner: String,
    referral_policy: ReferralPolicy,
    events: Vec<PlacementEvent>,
    #[serde(default)]
    chain: Option<Chain>,
}

impl TryFrom<Snapshot> for Placement {
    type Error = TrainingError;
    fn try_from(s: Snapshot) -> Result<Placement, TrainingError> {
        let malformed = |reason: String| TrainingError::malformed("placement snapshot", reason);
        let format = match (s.format, &s.chain, &s.opening) {
            (Some(format), _, _) => format,
            (None, None, None) => 1,
            (None, _, _) => {
                return Err(malformed(
                    "the snapshot has a hash chain or an opening hash but no format (only \
                     format 1, written without either, may omit it)"
                        .into(),
                ));
            }
        };
        crate::format::check_version("placement snapshot", format, PLACEMENT_FORMAT)
            .map_err(malformed)?;
        let opening = match (format, s.opening) {
            (3.., Some(opening)) => {
                if opening != opening_hash(&s.id, &s.learner, &s.referral_policy)? {
                    return Err(malformed(
                        "the id, the learner or the referral policy are not those the \
                         placement was opened with (the opening hash differs)"
                            .into(),
                    ));
                }
                Some(opening)
            }
            (3.., None) => {
                return Err(malformed(
                    "the snapshot has no opening hash (format 3)".into(),
                ));
            }
            (_, Some(_)) => {
                return Err(malformed(format!(
                    "a format {format} snapshot has no opening hash (format 3 added it)"
                )));
            }
            (_, None) => None,
        };
        match (format, s.chain) {
            (1, None) => {}
            (1, Some(_)) => return Err(malformed("a format 1 snapshot has no chain".into())),
            (_, None) => return Err(malformed("the snapshot has no hash chain".into())),
            (_, Some(chain)) => {
                let chain = match opening {
                    Some(opening) => chain.starting_at(opening),
                    None => chain,
                };
                chain
                    .verify(&s.events)
                    .map_err(|e| malformed(e.to_string()))?;
            }
        }
        Placement::replay(&s.id, &s.learner, s.referral_policy, &s.events)
    }
}

/// What a placement is opened with, hashed into its opening hash (format 3).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Opening<'a> {
    id: &'a str,
    learner: &'a str,
    referral_policy: &'a ReferralPolicy,
}

/// The opening hash of a placement `id` of `learner` under `referral_policy`.
fn opening_hash(
    id: &str,
    learner: &str,
    referral_policy: &ReferralPolicy,
) -> Result<String, TrainingError> {
    crate::chain::opening(&Opening {
        id,
        learner,
        referral_policy,
    })
    .map_err(|e| TrainingError::malformed("placement", e.reason))
}

fn kind_of(action: &PlacementAction) -> PlacementEventKind {
    match action {
        PlacementAction::Apply { application } => PlacementEventKind::Applied {
            application: application.clone(),
        },
        PlacementAction::Accept { on } => PlacementEventKind::Accepted { on: *on },
        PlacementAction::Start { on } => PlacementEventKind::Started { on: *on },
        PlacementAction::Withdraw { form } => PlacementEventKind::Withdrawn { form: form.clone() },
        PlacementAction::Complete { on } => PlacementEventKind::Completed { on: *on },
    }
}

impl Placement {
    /// A placement not yet applied for. Ids must not be empty, and the referral policy must
    /// pass [`ReferralPolicy::check`] (else [`TrainingError::InvalidPolicy`]).
    pub fn new(
        id: impl Into<String>,
        learner: impl Into<String>,
        referral_policy: ReferralPolicy,
    ) -> Result<Placement, TrainingError> {
        let (id, learner) = (id.into(), learner.into());
        if id.trim().is_empty() {
            return Err(TrainingError::field(
                "placement id",
                "",
                "must not be empty",
            ));
        }
        if learner.trim().is_empty() {
            return Err(TrainingError::field("learner", "", "must not be empty"));
        }
        referral_policy.check().map_err(|e| match e {
            ReferralError::InvalidPolicy {
                field,
                value,
                range,
            } => TrainingError::InvalidPolicy {
                policy: "referral policy".into(),
                field: field.into(),
                value: value.to_string(),
                range,
                rule: "T-8".into(),
            },
            other => TrainingError::Referral {
                placement: id.clone(),
                source: other,
            },
        })?;
        let chain = Chain::default().starting_at(opening_hash(&id, &learner, &referral_policy)?);
        Ok(Placement {
            id,
            learner,
            referral_policy,
            events: Vec::new(),
            chain,
            state: State::default(),
        })
    }

    /// The placement's id.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The learner's id.
    pub fn learner(&self) -> &str {
        &self.learner
    }
    /// Where it stands; `None` before the application.
    pub fn status(&self) -> Option<PlacementStatus> {
        self.state.status
    }
    /// The application, once made.
    pub fn application(&self) -> Option<&PlacementApplication> {
        self.state.application.as_ref()
    }
    /// Every event, oldest first.
    pub fn events(&self) -> &[PlacementEvent] {
        &self.events
    }
    /// Whether a command id has been executed.
    pub fn has_executed(&self, command: &str) -> bool {
        self.events.iter().any(|e| e.command == command)
    }

    /// Runs a command: its one event, or a refusal with the placement unchanged. A command id
    /// already executed with the same command returns no events; with another command it is
    /// refused.
    pub fn execute(
        &mut self,
        command: &PlacementCommand,
    ) -> Result<Vec<PlacementEvent>, TrainingError> {
        crate::Aggregate::execute(self, command)
    }

    /// A command's one event, before any check: `apply` decides whether it could happen.
    fn event_of(command: &PlacementCommand) -> PlacementEvent {
        PlacementEvent {
            command: command.id.clone(),
            actor: command.actor.clone(),
            at: command.at,
            kind: kind_of(&command.action),
        }
    }

    fn refuse(&self, action: &str, reason: &str) -> TrainingError {
        TrainingError::InvalidTransition {
            placement: self.id.clone(),
            action: action.to_owned(),
            state: self
                .state
                .status
                .map_or("before an application", PlacementStatus::code)
                .to_owned(),
            reason: reason.to_owned(),
        }
    }

    /// Folds one event, refusing one that could not have happened here (P-1, T-8).
    pub fn apply(&mut self, event: &PlacementEvent) -> Result<(), TrainingError> {
        use PlacementEventKind as K;
        use PlacementStatus as S;
        if event.command.trim().is_empty() {
            return Err(TrainingError::field("command id", "", "must not be empty"));
        }
        if self.has_executed(&event.command) {
            return Err(TrainingError::field(
                "command id",
                event.command.chars().take(40).collect::<String>(),
                "appears twice in the log",
            ));
        }
        if let Some(last) = self.events.last()
            && event.at < last.at
        {
            return Err(TrainingError::field(
                "at",
                event.at.to_rfc3339(),
                format!(
                    "before the placement's previous event at {} (P-1: a placement's steps \
                     are recorded in the order they happen)",
                    last.at.to_rfc3339()
                ),
            ));
        }
        let plausible = crate::hours::ReadPolicy::default();
        let implausible = |day: NaiveDate| day < plausible.earliest || day > plausible.latest;
        if implausible(event.at.date_naive()) {
            return Err(TrainingError::field(
                "at",
                event.at.to_rfc3339(),
                format!(
                    "an implausible time: accepted {} to {}",
                    plausible.earliest, plausible.latest
                ),
            ));
        }
        let role = event.actor.role;
        let (code, roles, from, next): (&str, &[Role], &[S], S) = match &event.kind {
            K::Applied { .. } => ("apply", &[Role::School, Role::Hub], &[], S::Applied),
            K::Accepted { .. } => (
                "accept",
                &[Role::Hub, Role::Provider],
                &[S::Applied],
                S::Accepted,
            ),
            K::Started { .. } => (
                "start",
                &[Role::Provider, Role::Hub],
                &[S::Accepted],
                S::Started,
            ),
            K::Withdrawn { .. } => (
                "withdraw",
                &[Role::School, Role::Hub],
                &[S::Applied, S::Accepted, S::Started],
                S::Withdrawn,
            ),
            K::Completed { .. } => (
                "complete",
                &[Role::Provider, Role::Hub],
                &[S::Started],
                S::Completed,
            ),
        };
        if !roles.contains(&role) {
            return Err(self.refuse(
                code,
                &format!("the {role} role may not {code} a placement (P-1)"),
            ));
        }
        let allowed = match self.state.status {
            None => from.is_empty(),
            Some(status) => from.contains(&status),
        };
        if !allowed {
            return Err(self.refuse(code, "not the next step of a placement (P-1)"));
        }
        let on = match &event.kind {
            K::Applied { application } => {
                for (field, value) in [
                    ("school", &application.school),
                    ("provider", &application.provider),
                    ("course", &application.course),
                ] {
                    if value.trim().is_empty() {
                        return Err(TrainingError::field(
                            field,
                            "",
                            "every application field is required (P-1)",
                        ));
                    }
                }
                check_referral(
                    &self.referral_policy,
                    application.risk_assessed_on,
                    application.referral_on,
                )
                .map_err(|source| TrainingError::Referral {
                    placement: self.id.clone(),
                    source,
                })?;
                self.state.application = Some(application.clone());
                application.referral_on
            }
            K::Withdrawn { form } => {
                if let Some(field) = form.missing() {
                    return Err(TrainingError::field(
                        field,
                        "",
                        "every withdrawal question is mandatory (P-1)",
                    ));
                }
                form.on.unwrap_or(NaiveDate::MIN)
            }
            K::Accepted { on } | K::Started { on } | K::Completed { on } => *on,
        };
        let dates = match &event.kind {
            K::Applied { application } => vec![
                ("referralOn", application.referral_on),
                ("riskAssessedOn", application.risk_assessed_on),
            ],
            _ => vec![("on", on)],
        };
        if let Some((field, day)) = dates.into_iter().find(|(_, day)| implausible(*day)) {
            return Err(TrainingError::field(
                field,
                date(day),
                format!(
                    "an implausible date: accepted {} to {}",
                    plausible.earliest, plausible.latest
                ),
            ));
        }
        if let Some(last) = self.state.last_on
            && on < last
        {
            return Err(TrainingError::field(
                "on",
                date(on),
                format!("before the placement's previous step on {last} (P-1)"),
            ));
        }
        self.chain
            .push(event)
            .map_err(|e| TrainingError::malformed("placement log", e.reason))?;
        self.state.status = Some(next);
        self.state.last_on = Some(on);
        self.events.push(event.clone());
        Ok(())
    }

    /// Rebuilds a placement from its events, checking each as it is folded.
    pub fn replay(
        id: &str,
        learner: &str,
        referral_policy: ReferralPolicy,
        events: &[PlacementEvent],
    ) -> Result<Placement, TrainingError> {
        let mut placement = Placement::new(id, learner, referral_policy)?;
        for (position, event) in events.iter().enumerate() {
            placement.apply(event).map_err(|e| {
                TrainingError::malformed("placement log", format!("event {position}: {e}"))
            })?;
        }
        Ok(placement)
    }

    /// The hash chain of the events ([`crate::chain`]).
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// The head hash of the events' chain: publish it, and a rewrite of the whole log is
    /// caught against it ([`crate::chain`]).
    pub fn head_hash(&self) -> String {
        self.chain.head()
    }

    /// The placement as JSON (format [`PLACEMENT_FORMAT`]): the opening hash (of the id, the
    /// learner and the referral policy), id, learner, referral policy, events and their hash
    /// chain, which starts at the opening hash.
    pub fn to_json(&self) -> Result<String, TrainingError> {
        serde_json::to_string(self)
            .map_err(|e| TrainingError::malformed("placement", format!("cannot write: {e}")))
    }

    /// Restores [`Placement::to_json`]'s form: its opening hash must be that of its id,
    /// learner and referral policy (so a changed one is refused), the events' hash chain must
    /// verify from it (the first broken position is named; formats 1 and 2, without an opening
    /// hash and format 1 without a chain or a `format`, are read too; a chain without a format
    /// and a newer format are refused), and the events are replayed,
    /// each checked. The message never quotes the input.
    pub fn restore(json: &str) -> Result<Placement, TrainingError> {
        let snapshot: Snapshot = read_json("placement snapshot", json)?;
        Placement::try_from(snapshot)
    }
}

impl crate::CommandId for PlacementCommand {
    fn command_id(&self) -> &str {
        &self.id
    }
}

/// The placement's checks are its `apply`'s (P-1, T-8): `decide` gives the command's one
/// event, and the default `apply_decided` applies it to a copy, so a refusal changes nothing.
impl crate::Aggregate for Placement {
    type Command = PlacementCommand;
    type Event = PlacementEvent;
    type Error = TrainingError;

    fn decide(&self, command: &PlacementCommand) -> Result<Vec<PlacementEvent>, TrainingError> {
        Ok(vec![Placement::event_of(command)])
    }
    fn apply(&mut self, event: &PlacementEvent) -> Result<(), TrainingError> {
        Placement::apply(self, event)
    }
    fn has_executed(&self, command: &str) -> bool {
        Placement::has_executed(self, command)
    }
    /// The same id with a different command is refused.
    fn check_retry(&self, command: &PlacementCommand) -> Result<(), TrainingError> {
        let event = Placement::event_of(command);
        match self.events.iter().find(|e| e.command == command.id) {
            Some(held) if *held != event => Err(TrainingError::field(
                "command id",
                command.id.chars().take(40).collect::<String>(),
                "already executed with a different command: an id names one command",
            )),
            _ => Ok(()),
        }
    }
}
