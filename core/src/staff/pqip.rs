//! Routes to becoming a trainee probation officer (S-3, seed 003, "Routes to becoming a Trainee
//! Probation Officer (PQiP)").
//!
//! - The PSO route: a directly employed PSO (the policy's `psoRole` started on or before the
//!   day), probationary period passed, no formal procedure that removes them from promotion, at
//!   least `serviceMonths` (6) calendar months since starting as a PSO (breaks in service are
//!   not recorded, so the months are counted from the earliest start), every mandatory course
//!   still counting on the day (S-1), and a qualification of level 3 or above.
//! - The level 5 routes: a qualification the policy lists (DipHE, foundation degree, HND, level 5
//!   award, certificate, diploma or NVQ), or a degree (level 6 or above).
//!
//! The programme runs `programmeMonths` (15) calendar months from its start; non-graduates take
//! the Level 5 DipHE in the first `dipHeMonths` (6) and the Level 6 course after.

#[cfg(feature = "python")]
use pyo3::prelude::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::staff::{StaffError, StaffPolicy, StaffRecord, add_months, mandatory_up_to_date};

/// A route into PQiP (S-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PqipRoute {
    /// The route for serving Probation Services Officers.
    Pso,
    /// The routes that need a level 5 qualification.
    Level5,
}

crate::codes!(PqipRoute, "PQiP route", "S-3", {
    Pso => "pso",
    Level5 => "level5",
});

/// Why a route is closed to a person (S-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PqipReason {
    /// Not directly employed.
    NotDirectlyEmployed,
    /// Not a PSO on the day.
    NotPso,
    /// The probationary period is not passed.
    ProbationNotPassed,
    /// Under a formal procedure that removes them from promotion.
    FormalProcedure,
    /// Less than the months of effective service as a PSO.
    ServiceTooShort,
    /// A mandatory course is expired or never done.
    MandatoryLearningNotUpToDate,
    /// No qualification of the PSO route's level (3) or above.
    NoLevel3Qualification,
    /// No level 5 qualification the policy lists, and no degree.
    NoLevel5Qualification,
}

crate::codes!(PqipReason, "PQiP reason", "S-3", {
    NotDirectlyEmployed => "not_directly_employed",
    NotPso => "not_pso",
    ProbationNotPassed => "probation_not_passed",
    FormalProcedure => "formal_procedure",
    ServiceTooShort => "service_too_short",
    MandatoryLearningNotUpToDate => "mandatory_learning_not_up_to_date",
    NoLevel3Qualification => "no_level3_qualification",
    NoLevel5Qualification => "no_level5_qualification",
});

/// The programme's dates from a start date (S-3).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Programme {
    /// The first day.
    pub starts_on: NaiveDate,
    /// Whether the person takes the Level 5 DipHE first (not a graduate).
    pub dip_he: bool,
    /// The first day of the Level 6 course (after the DipHE months for non-graduates).
    pub level6_from: NaiveDate,
    /// The day after the programme's last day (start + 15 months).
    pub ends_on: NaiveDate,
}

/// Whether a person may apply by a route on a date, why not, and the programme's dates.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "python", derive(pyderive::PyRepr))]
#[cfg_attr(feature = "python", pyclass(module = "ete_core", frozen, get_all, eq))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PqipDecision {
    /// The person's id.
    pub person: String,
    /// The route.
    pub route: PqipRoute,
    /// Whether every criterion of the route holds.
    pub eligible: bool,
    /// Every criterion that does not hold.
    pub reasons: Vec<PqipReason>,
    /// Whether the person holds a degree (level 6 or above).
    pub graduate: bool,
    /// The programme's dates, when a start date was given.
    #[cfg_attr(feature = "python", pyderive(repr = false))]
    pub programme: Option<Programme>,
}

/// Decides `route` for `record` on `on` (S-3); with `start`, the programme's dates.
///
/// ```
/// use chrono::NaiveDate;
/// use ete_core::staff::*;
///
/// let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let mut r = StaffRecord::new("S-3", "");
/// r.qualifications.push(Qualification { name: "hnd".into(), level: 5, awarded_on: day("2015-06-30") });
/// let d = pqip_decision(&StaffPolicy::default(), &r, PqipRoute::Level5, day("2026-01-05"), Some(day("2026-08-31")))?;
/// assert!(d.eligible);
/// let p = d.programme.unwrap();
/// assert_eq!((p.level6_from, p.ends_on), (day("2027-02-28"), day("2027-11-30")));
/// # Ok::<(), StaffError>(())
/// ```
pub fn pqip_decision(
    policy: &StaffPolicy,
    record: &StaffRecord,
    route: PqipRoute,
    on: NaiveDate,
    start: Option<NaiveDate>,
) -> Result<PqipDecision, StaffError> {
    let p = &policy.pqip;
    let held = |q: &&crate::staff::Qualification| q.awarded_on <= on;
    let graduate = record
        .qualifications
        .iter()
        .filter(held)
        .any(|q| q.level >= p.graduate_level);
    let mut reasons = Vec::new();
    match route {
        PqipRoute::Pso => {
            if !record.directly_employed {
                reasons.push(PqipReason::NotDirectlyEmployed);
            }
            let pso_since = record.role_since(std::slice::from_ref(&p.pso_role), on);
            match pso_since {
                None => reasons.push(PqipReason::NotPso),
                Some(since) if add_months(since, p.service_months, "roles.startedOn")? > on => {
                    reasons.push(PqipReason::ServiceTooShort)
                }
                Some(_) => {}
            }
            if !record.probation_passed {
                reasons.push(PqipReason::ProbationNotPassed);
            }
            if record.formal_procedure {
                reasons.push(PqipReason::FormalProcedure);
            }
            if !mandatory_up_to_date(policy, record, on)? {
                reasons.push(PqipReason::MandatoryLearningNotUpToDate);
            }
            let level3 = record
                .qualifications
                .iter()
                .filter(held)
                .any(|q| q.level >= p.pso_min_level);
            if !level3 {
                reasons.push(PqipReason::NoLevel3Qualification);
            }
        }
        PqipRoute::Level5 => {
            let level5 = record
                .qualifications
                .iter()
                .filter(held)
                .any(|q| p.level5_qualifications.contains(&q.name));
            if !level5 && !graduate {
                reasons.push(PqipReason::NoLevel5Qualification);
            }
        }
    }
    let programme = match start {
        None => None,
        Some(starts_on) => {
            let dip_he = !graduate;
            let level6_from = if dip_he {
                add_months(starts_on, p.dip_he_months, "start")?
            } else {
                starts_on
            };
            Some(Programme {
                starts_on,
                dip_he,
                level6_from,
                ends_on: add_months(starts_on, p.programme_months, "start")?,
            })
        }
    };
    Ok(PqipDecision {
        person: record.id.clone(),
        route,
        eligible: reasons.is_empty(),
        reasons,
        graduate,
        programme,
    })
}
