//! Attendance marks and who may set them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The attendance marks, in CLM's order. An entry starts unmarked (`None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Present.
    Present,
    /// Late.
    Late,
    /// Authorised absence: a school's decision.
    AuthorisedAbsence,
    /// Unexplained absence: for the school to process.
    UnexplainedAbsence,
    /// Unauthorised absence: a school's decision.
    UnauthorisedAbsence,
    /// Dismissed for behaviour.
    DismissedBehaviour,
    /// Dismissed for another reason.
    DismissedOther,
    /// Not required: not a possible session.
    NotRequired,
}

impl Mark {
    /// Every mark, in CLM's order.
    pub const ALL: [Mark; 8] = [
        Mark::Present,
        Mark::Late,
        Mark::AuthorisedAbsence,
        Mark::UnexplainedAbsence,
        Mark::UnauthorisedAbsence,
        Mark::DismissedBehaviour,
        Mark::DismissedOther,
        Mark::NotRequired,
    ];

    /// The stable code: `present`, `late`, `authorised_absence`, ...
    pub const fn code(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Late => "late",
            Mark::AuthorisedAbsence => "authorised_absence",
            Mark::UnexplainedAbsence => "unexplained_absence",
            Mark::UnauthorisedAbsence => "unauthorised_absence",
            Mark::DismissedBehaviour => "dismissed_behaviour",
            Mark::DismissedOther => "dismissed_other",
            Mark::NotRequired => "not_required",
        }
    }

    /// Present or late.
    pub const fn attended(self) -> bool {
        matches!(self, Mark::Present | Mark::Late)
    }

    /// A mark a provider may set: never authorised or unauthorised.
    pub const fn provider_may_set(self) -> bool {
        !matches!(self, Mark::AuthorisedAbsence | Mark::UnauthorisedAbsence)
    }

    /// A school's decision on an unexplained absence.
    pub const fn is_school_decision(self) -> bool {
        matches!(self, Mark::AuthorisedAbsence | Mark::UnauthorisedAbsence)
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Who is acting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The delivery provider that takes the register.
    Provider,
    /// The learner's school, which processes absences.
    School,
    /// The alternative-provision hub (CAP), which administers and corrects.
    Hub,
}

/// A person acting in a role: a staff id (never a name) and the role.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    /// The role.
    pub role: Role,
    /// The staff id.
    pub id: String,
}

impl Actor {
    /// An actor.
    pub fn new(role: Role, id: impl Into<String>) -> Actor {
        Actor {
            role,
            id: id.into(),
        }
    }
}
