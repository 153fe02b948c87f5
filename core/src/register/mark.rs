//! Attendance marks and who may set them.

use serde::{Deserialize, Serialize};

#[cfg(feature = "python")]
use pyo3::prelude::*;

/// The attendance marks, in CLM's order. An entry starts unmarked (`None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Role {
    /// The delivery provider that takes the register.
    Provider,
    /// The learner's school, which processes absences.
    School,
    /// The alternative-provision hub (CAP), which administers and corrects.
    Hub,
}

crate::codes!(Role, "role", "R-2", {
    Provider => "provider",
    School => "school",
    Hub => "hub",
});

/// A person acting in a role: a staff id (never a name) and the role.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, get_all, eq, hash, from_py_object)
)]
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
