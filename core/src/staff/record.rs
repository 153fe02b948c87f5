//! A member of staff's learning record (S-1..S-3): what the eligibility rules read.
//!
//! Names are codes the policy lists (`a1`, `dipps`, `po`, `prevent`); a name the policy never
//! lists counts for nothing. The person's name is personal data: `Debug` shows the id only, and
//! no decision, report or error carries it.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::staff::StaffError;

/// A qualification held: its code, its level (England, Wales and Northern Ireland's 1..=8) and
/// the day it was awarded.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Qualification {
    /// The qualification's code (`a1`, `dipps`, `level5_diploma`).
    pub name: String,
    /// Its level (0 when not known).
    #[serde(default)]
    pub level: u8,
    /// The day it was awarded.
    pub awarded_on: NaiveDate,
}

/// An award being worked towards, and the day the work started.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InProgress {
    /// The award's code (`a1`, `v1`, `ptlls`).
    pub name: String,
    /// The day the work started.
    pub started_on: NaiveDate,
}

/// A role held (`pso`, `po`, `assessor`, `internal_verifier`, ...) and the day it started.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoleHeld {
    /// The role's code.
    pub role: String,
    /// The day the person started in it.
    pub started_on: NaiveDate,
}

/// A mandatory learning course completed (S-1).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LearningCompletion {
    /// The course's code (`prevent`, `wrap3`).
    pub course: String,
    /// The day it was completed.
    pub completed_on: NaiveDate,
}

/// One member of staff's learning record. `Debug` (and so Kotlin's `toString`) shows the id
/// and counts only, never the name.
///
/// ```
/// use ete_core::staff::StaffRecord;
///
/// let r = StaffRecord::from_json(r#"{"id": "S-9", "name": "Pat Example", "directlyEmployed": true}"#)?;
/// assert!(r.directly_employed);
/// assert!(!format!("{r:?}").contains("Pat"));
/// let e = StaffRecord::from_json(r#"{"id": "S-9", "name": 7}"#).unwrap_err();
/// assert_eq!(e.kind(), ete_core::ErrorKind::MalformedInput);
/// # Ok::<(), ete_core::staff::StaffError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Debug))]
pub struct StaffRecord {
    /// The person's id (staff number): what decisions and reports name.
    pub id: String,
    /// The person's name: personal data, never shown in `Debug`, decisions or errors.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: String,
    /// Qualifications held.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub qualifications: Vec<Qualification>,
    /// Awards being worked towards.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub working_towards: Vec<InProgress>,
    /// Roles held, with their start dates.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub roles: Vec<RoleHeld>,
    /// Directly employed (not agency or contracted) (S-3).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub directly_employed: bool,
    /// The probationary period has been passed (S-3).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub probation_passed: bool,
    /// Under formal performance management or another procedure that removes the person from
    /// the avenue of promotion (S-3).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub formal_procedure: bool,
    /// The day the CPD record was last reviewed, if ever (S-2).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cpd_reviewed_on: Option<NaiveDate>,
    /// Mandatory learning completed (S-1).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub completions: Vec<LearningCompletion>,
}

impl fmt::Debug for StaffRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaffRecord")
            .field("id", &self.id)
            .field("qualifications", &self.qualifications.len())
            .field("working_towards", &self.working_towards.len())
            .field("roles", &self.roles.len())
            .field("completions", &self.completions.len())
            .finish_non_exhaustive()
    }
}

impl StaffRecord {
    /// An empty record: an id and a name, nothing held.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> StaffRecord {
        StaffRecord {
            id: id.into(),
            name: name.into(),
            qualifications: Vec::new(),
            working_towards: Vec::new(),
            roles: Vec::new(),
            directly_employed: false,
            probation_passed: false,
            formal_procedure: false,
            cpd_reviewed_on: None,
            completions: Vec::new(),
        }
    }

    /// A record from JSON (camelCase keys); an error says where, never what the text held.
    pub fn from_json(text: &str) -> Result<StaffRecord, StaffError> {
        serde_json::from_str(text).map_err(|e| StaffError::RecordJson {
            what: "staff record",
            detail: StaffError::json_detail(&e),
        })
    }

    /// Records from a JSON array.
    pub fn many_from_json(text: &str) -> Result<Vec<StaffRecord>, StaffError> {
        serde_json::from_str(text).map_err(|e| StaffError::RecordJson {
            what: "staff records",
            detail: StaffError::json_detail(&e),
        })
    }

    /// The earliest day the person started any of `roles`, on or before `on`.
    pub fn role_since(&self, roles: &[String], on: NaiveDate) -> Option<NaiveDate> {
        self.roles
            .iter()
            .filter(|r| r.started_on <= on && roles.contains(&r.role))
            .map(|r| r.started_on)
            .min()
    }
}
