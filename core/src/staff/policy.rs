//! The staff rules as data (S-1..S-4): `Default` is what the seeds say; every value is checked
//! where the policy is built ([`StaffPolicy::from_json`], [`StaffPolicy::check`]).
//!
//! Codes not in the seeds are marked *(ext)* in the field docs: the awards that replaced or
//! preceded A1 and V1 (D32/D33, the TAQA assessing and quality assurance awards) and PTLLS/CTLLS
//! (the Level 3 and 4 awards in education and training), DipSW for CQSW.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::staff::StaffError;

#[cfg(feature = "python")]
use pyo3::prelude::*;

/// A mandatory learning course (S-1): how long a completion counts and which courses satisfy it
/// (the course itself and any older equivalent: Prevent and Wrap3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MandatoryCourse {
    /// The course's code (`prevent`).
    pub id: String,
    /// How many calendar months a completion counts (36 for Prevent: "every 3 years").
    pub validity_months: u32,
    /// The course codes whose completion satisfies it, itself included.
    pub satisfied_by: Vec<String>,
}

/// Working towards an award instead of holding it (S-2): allowed until `months` calendar months
/// after starting `role` (A1: 12 months of the assessor role; V1: 18 of the internal verifier
/// role). Without `role` and `months` there is no deadline (teaching: "working towards or hold").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Towards {
    /// The role whose start the deadline counts from.
    #[serde(default)]
    pub role: Option<String>,
    /// Calendar months from starting the role.
    #[serde(default)]
    pub months: Option<u32>,
}

/// An essential qualification: any one of `anyOf` (or a policy equivalent) will do; with
/// `workingTowards`, working towards one of them also does, until its deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QualificationGroup {
    /// The qualifications, any one of which will do.
    pub any_of: Vec<String>,
    /// Whether (and until when) working towards one of them is enough.
    #[serde(default)]
    pub working_towards: Option<Towards>,
}

/// What a held-for period counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The earliest start of one of the roles.
    Role,
    /// The earliest award of one of the qualifications (or an equivalent).
    Qualification,
}

/// A role or qualification held for at least `months` calendar months: a prerequisite (an
/// internal verifier has been a qualified assessor for 12 months) or experience (a practice
/// tutor has 2 years; a Level 5 assessor 2 years after qualifying).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeldFor {
    /// What the period counts from.
    pub basis: Basis,
    /// The roles or qualifications, any one of which starts the period.
    pub any_of: Vec<String>,
    /// The least number of calendar months.
    pub months: u32,
}

/// One task of the Probation Qualifications Framework (seed 004, Appendix 3.2.5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PqfTask {
    /// The task's code (`assess_l3_vq`).
    pub id: String,
    /// Essential qualifications: every group must be met.
    #[serde(default)]
    pub essential: Vec<QualificationGroup>,
    /// Desirable qualifications: reported when held, never required.
    #[serde(default)]
    pub desirable: Vec<String>,
    /// Prerequisites (a qualified assessor for 12 months).
    #[serde(default)]
    pub prerequisites: Vec<HeldFor>,
    /// Experience (2 years).
    #[serde(default)]
    pub experience: Vec<HeldFor>,
    /// Occupational competence: one of these roles held (`po`, `pso`); empty for none.
    #[serde(default)]
    pub competence: Vec<String>,
    /// The CPD record reviewed within this many calendar months (12: "on an annual basis").
    #[serde(default)]
    pub cpd_review_months: Option<u32>,
}

/// The PQiP routes' numbers and lists (S-3, seed 003).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PqipPolicy {
    /// The role of the PSO route (`pso`).
    pub pso_role: String,
    /// Months of effective service as a PSO (6).
    pub service_months: u32,
    /// The least qualification level of the PSO route (3).
    pub pso_min_level: u8,
    /// The qualifications of the level 5 routes (DipHE, foundation degree, HND, level 5 award,
    /// certificate, diploma or NVQ).
    pub level5_qualifications: Vec<String>,
    /// The level from which a qualification is a degree (6): graduates take the level 5 routes
    /// and skip the DipHE.
    pub graduate_level: u8,
    /// The programme's length in calendar months (15).
    pub programme_months: u32,
    /// The months non-graduates spend on the Level 5 DipHE at the start (6).
    pub dip_he_months: u32,
}

impl Default for PqipPolicy {
    fn default() -> PqipPolicy {
        PqipPolicy {
            pso_role: "pso".into(),
            service_months: 6,
            pso_min_level: 3,
            level5_qualifications: strings(&[
                "dip_he",
                "foundation_degree",
                "hnd",
                "level5_award",
                "level5_certificate",
                "level5_diploma",
                "level5_nvq",
            ]),
            graduate_level: 6,
            programme_months: 15,
            dip_he_months: 6,
        }
    }
}

/// The GFiE scheme's criteria (S-4, seed 003).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct GfiePolicy {
    /// The grades that qualify: Probation Band 2–3, MoJ Band F–D, HMPPS Band 2–4.
    pub bands: Vec<String>,
    /// The longest fixed term in months (24).
    pub max_term_months: u32,
    /// Clearances a role may need: none of these is national security clearance (`bpss`).
    pub clearances_allowed: Vec<String>,
    /// National security clearances, which bar a role (`ctc`, `sc`, `dv`).
    pub clearances_barred: Vec<String>,
    /// Who may approve a vacancy: the Deputy Director (Regional Probation Director) or
    /// equivalent.
    pub approvers: Vec<String>,
    /// Months after completing a sentence that a candidate is in the window (24: two years).
    pub window_months: u32,
    /// Convictions excluded from the scheme ("certain conviction exclusions apply"; the seed
    /// lists none, so the default list is empty and a deployment sets it).
    pub excluded_convictions: Vec<String>,
    /// Days after an interview by which every applicant hears back (5, calendar days).
    pub feedback_days: u32,
}

impl Default for GfiePolicy {
    fn default() -> GfiePolicy {
        GfiePolicy {
            bands: strings(&[
                "probation_band_2",
                "probation_band_3",
                "moj_band_f",
                "moj_band_e",
                "moj_band_d",
                "hmpps_band_2",
                "hmpps_band_3",
                "hmpps_band_4",
            ]),
            max_term_months: 24,
            clearances_allowed: strings(&["bpss"]),
            clearances_barred: strings(&["ctc", "sc", "dv"]),
            approvers: strings(&["deputy_director", "regional_probation_director"]),
            window_months: 24,
            excluded_convictions: Vec::new(),
            feedback_days: 5,
        }
    }
}

/// Every staff rule's numbers and lists. Load a partial JSON object: fields left out keep their
/// defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, from_py_object)
)]
pub struct StaffPolicy {
    /// Mandatory learning (S-1).
    pub mandatory: Vec<MandatoryCourse>,
    /// "Due within N days": a completion expiring within this many days is due soon (S-1).
    pub due_soon_days: u32,
    /// The roles the rules know (`pso`, `po`, `assessor`, ...).
    pub roles: Vec<String>,
    /// The PQF tasks (S-2).
    pub tasks: Vec<PqfTask>,
    /// "Or equivalent": for a qualification, the others accepted in its place (S-2).
    pub equivalents: BTreeMap<String, Vec<String>>,
    /// The PQiP routes (S-3).
    pub pqip: PqipPolicy,
    /// The GFiE scheme (S-4).
    pub gfie: GfiePolicy,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn group(any_of: &[&str]) -> QualificationGroup {
    QualificationGroup {
        any_of: strings(any_of),
        working_towards: None,
    }
}

fn towards(any_of: &[&str], role: &str, months: u32) -> QualificationGroup {
    QualificationGroup {
        any_of: strings(any_of),
        working_towards: Some(Towards {
            role: Some(role.into()),
            months: Some(months),
        }),
    }
}

fn held(basis: Basis, any_of: &[&str], months: u32) -> HeldFor {
    HeldFor {
        basis,
        any_of: strings(any_of),
        months,
    }
}

fn task(id: &str) -> PqfTask {
    PqfTask {
        id: id.into(),
        essential: Vec::new(),
        desirable: Vec::new(),
        prerequisites: Vec::new(),
        experience: Vec::new(),
        competence: Vec::new(),
        cpd_review_months: None,
    }
}

/// The six tasks of seed 004's table, as written there.
fn default_tasks() -> Vec<PqfTask> {
    const PROFESSIONAL: [&str; 3] = ["dipps", "dipsw", "cqsw"];
    vec![
        PqfTask {
            essential: vec![towards(&["a1"], "assessor", 12)],
            desirable: strings(&["dipps", "dipsw", "cqsw", "vq3_probation", "ptlls"]),
            competence: strings(&["po", "pso"]),
            cpd_review_months: Some(12),
            ..task("assess_l3_vq")
        },
        PqfTask {
            essential: vec![towards(&["a1"], "assessor", 12), group(&PROFESSIONAL)],
            desirable: strings(&["ptlls"]),
            experience: vec![held(Basis::Qualification, &PROFESSIONAL, 24)],
            competence: strings(&["po"]),
            cpd_review_months: Some(12),
            ..task("assess_l5_vq")
        },
        PqfTask {
            essential: vec![towards(&["v1"], "internal_verifier", 18)],
            desirable: strings(&["dipps", "vq3_probation", "nvq3_community_justice"]),
            prerequisites: vec![held(Basis::Qualification, &["a1"], 12)],
            competence: strings(&["po", "pso"]),
            cpd_review_months: Some(12),
            ..task("internal_verification")
        },
        PqfTask {
            essential: vec![QualificationGroup {
                any_of: strings(&["ptlls", "ctlls"]),
                working_towards: Some(Towards {
                    role: None,
                    months: None,
                }),
            }],
            ..task("teaching_training")
        },
        PqfTask {
            essential: vec![group(&["dipps", "cqsw"])],
            experience: vec![held(Basis::Role, &["po", "pso"], 24)],
            competence: strings(&["po", "pso"]),
            ..task("practice_tutoring")
        },
        task("line_management"),
    ]
}

impl Default for StaffPolicy {
    fn default() -> StaffPolicy {
        let mut equivalents = BTreeMap::new();
        // (ext) the assessor and verifier awards before A1/V1 (D32/D33, D34) and after them
        // (TAQA), the awards in education and training that replaced PTLLS and CTLLS, and the
        // DipSW that replaced the CQSW.
        for (of, by) in [
            ("a1", &["d32_d33", "taqa_assessor"][..]),
            ("v1", &["d34", "taqa_iqa"][..]),
            ("ptlls", &["aet"][..]),
            ("ctlls", &["cet"][..]),
            ("cqsw", &["dipsw"][..]),
        ] {
            equivalents.insert(of.to_owned(), strings(by));
        }
        StaffPolicy {
            mandatory: vec![MandatoryCourse {
                id: "prevent".into(),
                validity_months: 36,
                satisfied_by: strings(&["prevent", "wrap3"]),
            }],
            due_soon_days: 30,
            roles: strings(&[
                "pso",
                "po",
                "assessor",
                "internal_verifier",
                "practice_tutor",
                "teacher",
                "line_manager",
            ]),
            tasks: default_tasks(),
            equivalents,
            pqip: PqipPolicy::default(),
            gfie: GfiePolicy::default(),
        }
    }
}

/// `value` must be within `range`, or [`StaffError::InvalidPolicy`].
fn within(
    field: String,
    value: u32,
    range: std::ops::RangeInclusive<u32>,
    rule: &'static str,
) -> Result<(), StaffError> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(StaffError::InvalidPolicy {
            field,
            value: value.to_string(),
            range: format!("{}..={}", range.start(), range.end()),
            rule,
        })
    }
}

/// A list that must not be empty, and whose names must not be blank.
fn names(field: String, list: &[String], rule: &'static str) -> Result<(), StaffError> {
    let blank = list.iter().position(|n| n.trim().is_empty());
    if list.is_empty() || blank.is_some() {
        return Err(StaffError::InvalidPolicy {
            field,
            value: if list.is_empty() {
                "an empty list".into()
            } else {
                "a blank name".into()
            },
            range: "at least one non-blank name".into(),
            rule,
        });
    }
    Ok(())
}

/// The longest period a policy may set, in months (50 years).
const MAX_MONTHS: u32 = 600;

/// For example:
///
/// ```
/// use ete_core::staff::StaffPolicy;
///
/// let p = StaffPolicy::from_json(r#"{"dueSoonDays": 60}"#)?;
/// assert_eq!(p.due_soon_days, 60);
/// assert_eq!(p.mandatory[0].validity_months, 36);
/// let e = StaffPolicy::from_json(r#"{"dueSoonDays": 5000}"#).unwrap_err();
/// assert_eq!(e.to_string(), "staff policy field dueSoonDays is 5000: expected 0..=3660 (S-1)");
/// # Ok::<(), ete_core::staff::StaffError>(())
/// ```
impl StaffPolicy {
    /// Loads a policy from JSON (camelCase keys; fields left out keep their defaults) and checks
    /// it.
    pub fn from_json(text: &str) -> Result<StaffPolicy, StaffError> {
        let text = crate::format::policy_text("staff policy", text)
            .map_err(|detail| StaffError::PolicyJson { detail })?;
        let policy: StaffPolicy =
            serde_json::from_str(&text).map_err(|e| StaffError::PolicyJson {
                detail: StaffError::json_detail(&e),
            })?;
        policy.check()?;
        Ok(policy)
    }

    /// The policy as JSON (with its `format`, [`crate::format::POLICY_FORMAT`]).
    pub fn to_json(&self) -> String {
        crate::format::policy_json(self, false)
    }

    /// The task with this id, if the policy lists it.
    pub fn task(&self, id: &str) -> Option<&PqfTask> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// Whether `held` counts as `name`: the same code, or an equivalent the policy lists.
    pub fn counts_as(&self, held: &str, name: &str) -> bool {
        held == name
            || self
                .equivalents
                .get(name)
                .is_some_and(|list| list.iter().any(|e| e == held))
    }

    /// Checks every value: months in 1..=600, days within ten years, no empty lists where a
    /// rule needs one, unique task ids.
    pub fn check(&self) -> Result<(), StaffError> {
        for (i, c) in self.mandatory.iter().enumerate() {
            names(
                format!("mandatory[{i}].id"),
                std::slice::from_ref(&c.id),
                "S-1",
            )?;
            within(
                format!("mandatory[{i}].validityMonths"),
                c.validity_months,
                1..=MAX_MONTHS,
                "S-1",
            )?;
            names(
                format!("mandatory[{i}].satisfiedBy"),
                &c.satisfied_by,
                "S-1",
            )?;
        }
        within("dueSoonDays".into(), self.due_soon_days, 0..=3660, "S-1")?;
        for (i, t) in self.tasks.iter().enumerate() {
            names(format!("tasks[{i}].id"), std::slice::from_ref(&t.id), "S-2")?;
            if self.tasks.iter().filter(|o| o.id == t.id).count() > 1 {
                return Err(StaffError::InvalidPolicy {
                    field: format!("tasks[{i}].id"),
                    value: format!("{:?}", t.id),
                    range: "an id no other task has".into(),
                    rule: "S-2",
                });
            }
            for (j, g) in t.essential.iter().enumerate() {
                names(format!("tasks[{i}].essential[{j}].anyOf"), &g.any_of, "S-2")?;
                if let Some(w) = &g.working_towards {
                    if let Some(months) = w.months {
                        within(
                            format!("tasks[{i}].essential[{j}].workingTowards.months"),
                            months,
                            1..=MAX_MONTHS,
                            "S-2",
                        )?;
                    }
                    if w.role.is_some() != w.months.is_some() {
                        return Err(StaffError::InvalidPolicy {
                            field: format!("tasks[{i}].essential[{j}].workingTowards"),
                            value: "a role without months, or months without a role".into(),
                            range: "both or neither".into(),
                            rule: "S-2",
                        });
                    }
                }
            }
            let periods = t.prerequisites.iter().map(|h| ("prerequisites", h));
            let periods = periods.chain(t.experience.iter().map(|h| ("experience", h)));
            for (j, (what, h)) in periods.enumerate() {
                names(format!("tasks[{i}].{what}[{j}].anyOf"), &h.any_of, "S-2")?;
                within(
                    format!("tasks[{i}].{what}[{j}].months"),
                    h.months,
                    1..=MAX_MONTHS,
                    "S-2",
                )?;
            }
            if let Some(months) = t.cpd_review_months {
                within(
                    format!("tasks[{i}].cpdReviewMonths"),
                    months,
                    1..=MAX_MONTHS,
                    "S-2",
                )?;
            }
        }
        let p = &self.pqip;
        within(
            "pqip.serviceMonths".into(),
            p.service_months,
            0..=MAX_MONTHS,
            "S-3",
        )?;
        within(
            "pqip.psoMinLevel".into(),
            p.pso_min_level.into(),
            1..=8,
            "S-3",
        )?;
        within(
            "pqip.graduateLevel".into(),
            p.graduate_level.into(),
            1..=8,
            "S-3",
        )?;
        within(
            "pqip.programmeMonths".into(),
            p.programme_months,
            1..=120,
            "S-3",
        )?;
        within(
            "pqip.dipHeMonths".into(),
            p.dip_he_months,
            0..=p.programme_months,
            "S-3",
        )?;
        names(
            "pqip.level5Qualifications".into(),
            &p.level5_qualifications,
            "S-3",
        )?;
        let g = &self.gfie;
        names("gfie.bands".into(), &g.bands, "S-4")?;
        names("gfie.approvers".into(), &g.approvers, "S-4")?;
        within(
            "gfie.maxTermMonths".into(),
            g.max_term_months,
            1..=MAX_MONTHS,
            "S-4",
        )?;
        within(
            "gfie.windowMonths".into(),
            g.window_months,
            1..=MAX_MONTHS,
            "S-4",
        )?;
        within("gfie.feedbackDays".into(), g.feedback_days, 0..=366, "S-4")?;
        Ok(())
    }
}
