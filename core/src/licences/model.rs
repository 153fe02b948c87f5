//! The pool's plain data: accounts, commands and events (L-2, L-3, L-7).

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::licences::policy::PoolPolicy;

/// Who an account is for (L-2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AccountKind {
    /// A person on probation: holds a learner licence while active.
    #[default]
    Learner,
    /// A practitioner, supervisor or administrator: no learner licence unless the policy says so.
    Staff,
}

crate::codes!(AccountKind, "account kind", { Learner => "learner", Staff => "staff" });

/// Where an account is in its lifecycle (L-3, L-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AccountState {
    /// Requested with no licence free: on the waiting list.
    Waiting,
    /// Login details issued (with a licence, for a learner).
    Active,
    /// Deactivated (or withdrawn from the waiting list); may be requested again.
    Deactivated,
}

/// Why an account was deactivated (L-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DeactivationReason {
    /// Every agreed course completed.
    CoursesCompleted,
    /// The requirement ended.
    RequirementEnded,
    /// A dormant login reclaimed (policy).
    DormantReclaim,
    /// The administrator's decision.
    Administrator,
}

crate::codes!(DeactivationReason, "deactivation reason", {
    CoursesCompleted => "courses_completed",
    RequirementEnded => "requirement_ended",
    DormantReclaim => "dormant_reclaim",
    Administrator => "administrator",
});

/// A person's account. The person is an id (the case reference), never a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Account {
    /// The person's id.
    pub person: String,
    /// Learner or staff.
    pub kind: AccountKind,
    /// Lifecycle state.
    pub state: AccountState,
    /// Whether the account holds a learner licence now.
    pub holds_licence: bool,
    /// The requirement's end date, for the waiting-list order (L-4).
    pub requirement_end: Option<NaiveDate>,
    /// The courses agreed with the practitioner (L-6).
    pub courses: BTreeSet<String>,
    /// The agreed courses completed.
    pub completed: BTreeSet<String>,
    /// When the request arrived.
    pub requested_at: DateTime<Utc>,
    /// When login details were issued (the licence allocated); the dormancy clock starts here.
    pub issued_at: Option<DateTime<Utc>>,
    /// The latest login.
    pub last_login: Option<DateTime<Utc>>,
    /// When the login was last reported dormant (L-5).
    pub last_reported: Option<DateTime<Utc>>,
    /// Why it was deactivated.
    pub deactivation: Option<DeactivationReason>,
}

impl Account {
    /// Every agreed course completed (and at least one agreed) (L-6).
    pub fn courses_done(&self) -> bool {
        !self.courses.is_empty() && self.courses.is_subset(&self.completed)
    }
}

/// What a command asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Action {
    /// Change the capacity (L-1); raising it serves the waiting list.
    SetCapacity {
        /// The new capacity.
        capacity: u32,
    },
    /// Request an account (L-2..L-4): a licence if one is free, else the waiting list.
    Request {
        /// The person's id.
        person: String,
        /// Learner (default) or staff.
        #[serde(default)]
        kind: AccountKind,
        /// The requirement's end date.
        #[serde(default, rename = "requirementEnd")]
        requirement_end: Option<NaiveDate>,
        /// The agreed courses.
        #[serde(default)]
        courses: Vec<String>,
    },
    /// A login seen on the portal (L-5).
    Login {
        /// The person's id.
        person: String,
    },
    /// A course completed (L-6).
    CompleteCourse {
        /// The person's id.
        person: String,
        /// The course.
        course: String,
    },
    /// Deactivate an active account, freeing its licence for the head of the list (L-3, L-4).
    Deactivate {
        /// The person's id.
        person: String,
        /// Why.
        reason: DeactivationReason,
    },
    /// Take a waiting request off the list.
    Withdraw {
        /// The person's id.
        person: String,
    },
    /// Report the dormant logins due now (L-5), reclaiming them if the policy says so.
    ReportDormant,
}

/// A command: an id (retrying it changes nothing), who and when (the clock is an argument).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Command {
    /// The command's id.
    pub id: String,
    /// Who gives it (a staff id).
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
    /// What it asks.
    pub action: Action,
}

/// What happened (L-7).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EventKind {
    /// The pool was opened.
    Opened {
        /// The region.
        region: String,
        /// Its capacity.
        capacity: u32,
        /// Its policy.
        policy: PoolPolicy,
    },
    /// The capacity changed.
    CapacitySet {
        /// The new capacity.
        capacity: u32,
    },
    /// An account was requested.
    Requested {
        /// The person.
        person: String,
        /// Learner or staff.
        kind: AccountKind,
        /// The requirement's end date.
        #[serde(rename = "requirementEnd")]
        requirement_end: Option<NaiveDate>,
        /// The agreed courses.
        courses: Vec<String>,
    },
    /// The request joined the waiting list.
    Queued {
        /// The person.
        person: String,
    },
    /// A licence was allocated and login details issued.
    Allocated {
        /// The person.
        person: String,
    },
    /// A staff account was set up without a learner licence.
    StaffAccountCreated {
        /// The person.
        person: String,
    },
    /// The person logged in.
    LoggedIn {
        /// The person.
        person: String,
    },
    /// The person completed a course.
    CourseCompleted {
        /// The person.
        person: String,
        /// The course.
        course: String,
    },
    /// The account was deactivated; its licence (if any) went back to the pool.
    Deactivated {
        /// The person.
        person: String,
        /// Why.
        reason: DeactivationReason,
    },
    /// The request left the waiting list.
    Withdrawn {
        /// The person.
        person: String,
    },
    /// The login was reported dormant to the practitioner (L-5).
    DormantReported {
        /// The person.
        person: String,
        /// Issued and never used (else: used, then stopped).
        #[serde(rename = "neverLoggedIn")]
        never_logged_in: bool,
    },
}

impl EventKind {
    /// The stable code, as in the JSON `type`: `opened`, `capacity_set`, `requested`, `queued`,
    /// `allocated`, `staff_account_created`, `logged_in`, `course_completed`, `deactivated`,
    /// `withdrawn`, `dormant_reported`.
    pub const fn code(&self) -> &'static str {
        match self {
            EventKind::Opened { .. } => "opened",
            EventKind::CapacitySet { .. } => "capacity_set",
            EventKind::Requested { .. } => "requested",
            EventKind::Queued { .. } => "queued",
            EventKind::Allocated { .. } => "allocated",
            EventKind::StaffAccountCreated { .. } => "staff_account_created",
            EventKind::LoggedIn { .. } => "logged_in",
            EventKind::CourseCompleted { .. } => "course_completed",
            EventKind::Deactivated { .. } => "deactivated",
            EventKind::Withdrawn { .. } => "withdrawn",
            EventKind::DormantReported { .. } => "dormant_reported",
        }
    }
}

/// An event: the command it came from, who, when, and what (L-7).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Event {
    /// The command's id.
    pub command: String,
    /// Who.
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    #[serde(flatten)]
    pub kind: EventKind,
}
