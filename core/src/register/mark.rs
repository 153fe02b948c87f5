//! Attendance marks and who may set them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::register::register::RegisterError;

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

crate::codes!(Mark, "mark", "R-1", {
    Present => "present",
    Late => "late",
    AuthorisedAbsence => "authorised_absence",
    UnexplainedAbsence => "unexplained_absence",
    UnauthorisedAbsence => "unauthorised_absence",
    DismissedBehaviour => "dismissed_behaviour",
    DismissedOther => "dismissed_other",
    NotRequired => "not_required",
});

impl Mark {
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

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [Role::Provider, Role::School, Role::Hub];

    /// The stable code: `provider`, `school` or `hub`.
    pub const fn code(self) -> &'static str {
        match self {
            Role::Provider => "provider",
            Role::School => "school",
            Role::Hub => "hub",
        }
    }
}

impl FromStr for Role {
    type Err = RegisterError;

    /// A role from its code; an unknown code is `InvalidField` naming it.
    fn from_str(code: &str) -> Result<Role, RegisterError> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == code)
            .ok_or_else(|| RegisterError::InvalidField {
                field: "role".into(),
                reason: format!("unknown role {code:?}; expected provider, school or hub (R-2)"),
            })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
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
