//! Supported-access sessions and loan laptops (L-8): sessions at sites with WiFi, run by
//! supervisors, with places and laptops; bookings; laptops lent with an expected return.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::licences::error::PoolError;

/// The region's laptops and where sessions run. `Default`: 30 laptops; London runs none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct SessionPolicy {
    /// Laptops the region holds.
    pub laptops: u32,
    /// Regions that run no supported-access sessions.
    pub regions_without_sessions: Vec<String>,
}

impl Default for SessionPolicy {
    fn default() -> SessionPolicy {
        SessionPolicy {
            laptops: 30,
            regions_without_sessions: vec!["London".into()],
        }
    }
}

impl SessionPolicy {
    /// Reads a policy from a JSON object (missing fields take the default); anything else, or
    /// unknown fields, is `InvalidPolicy`.
    ///
    /// ```
    /// use ete_core::licences::SessionPolicy;
    /// let policy = SessionPolicy::from_json(r#"{"laptops": 10}"#).map(|p| p.laptops);
    /// assert_eq!(policy.ok(), Some(10));
    /// assert!(SessionPolicy::from_json("[]").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<SessionPolicy, PoolError> {
        let text = crate::format::policy_text("session policy", text)
            .map_err(|reason| PoolError::InvalidPolicy { reason })?;
        let policy: SessionPolicy =
            crate::json::from_object(&text).map_err(|e| PoolError::InvalidPolicy {
                reason: e.to_string(),
            })?;
        policy.check()?;
        Ok(policy)
    }

    /// The most laptops a region's policy may hold: 100,000.
    pub const MAX_LAPTOPS: u32 = 100_000;

    /// Checks the values: at most [`SessionPolicy::MAX_LAPTOPS`] laptops (L-8).
    pub fn check(&self) -> Result<(), PoolError> {
        if self.laptops > SessionPolicy::MAX_LAPTOPS {
            return Err(PoolError::InvalidPolicy {
                reason: format!(
                    "laptops {}: must be within 0..={} (L-8)",
                    self.laptops,
                    SessionPolicy::MAX_LAPTOPS
                ),
            });
        }
        Ok(())
    }
}

/// A supported-access session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// The session's id.
    pub id: String,
    /// The site (with WiFi).
    pub site: String,
    /// The day.
    pub date: NaiveDate,
    /// The supervisor running it (a staff id).
    pub supervisor: String,
    /// Places.
    pub places: u32,
    /// Laptops available at it.
    pub laptops: u32,
    /// The people booked.
    pub bookings: BTreeSet<String>,
}

/// A laptop lent at a session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Loan {
    /// The laptop's asset id.
    pub laptop: String,
    /// The person.
    pub person: String,
    /// The session.
    pub session: String,
    /// When it was lent.
    pub lent_on: NaiveDate,
    /// When it should come back.
    pub expected_return: NaiveDate,
    /// When it came back.
    pub returned_on: Option<NaiveDate>,
}

/// A region's sessions and laptop loans. Every refusal leaves it unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessSessions {
    region: String,
    policy: SessionPolicy,
    sessions: BTreeMap<String, Session>,
    loans: Vec<Loan>,
}

impl AccessSessions {
    /// A region's sessions, none scheduled yet.
    pub fn new(region: &str, policy: SessionPolicy) -> AccessSessions {
        AccessSessions {
            region: region.to_owned(),
            policy,
            sessions: BTreeMap::new(),
            loans: Vec::new(),
        }
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The sessions, by id.
    pub fn sessions(&self) -> &BTreeMap<String, Session> {
        &self.sessions
    }
    /// Every loan, oldest first.
    pub fn loans(&self) -> &[Loan] {
        &self.loans
    }
    /// Laptops out now.
    pub fn laptops_out(&self) -> usize {
        self.loans
            .iter()
            .filter(|l| l.returned_on.is_none())
            .count()
    }

    fn session(&self, id: &str) -> Result<&Session, PoolError> {
        self.sessions
            .get(id)
            .ok_or_else(|| PoolError::InvalidField {
                field: "session".into(),
                reason: format!("no session {id}"),
            })
    }

    /// Schedules a session; refused in a region that runs none, for a duplicate id, or with
    /// more laptops than the region holds (L-8).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ete_core::licences::{AccessSessions, SessionPolicy};
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let mut london = AccessSessions::new("London", SessionPolicy::default());
    /// assert!(london.schedule("S-1", "Library", day, "SUP-1", 8, 8).is_err());
    /// let mut wales = AccessSessions::new("Wales", SessionPolicy::default());
    /// wales.schedule("S-1", "Cardiff hub", day, "SUP-1", 8, 6)?;
    /// wales.book("S-1", "P-1")?;
    /// wales.lend("S-1", "P-1", "LT-07", day, NaiveDate::from_ymd_opt(2026, 12, 8).unwrap())?;
    /// assert_eq!(wales.overdue(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()).len(), 1);
    /// # Ok::<(), ete_core::licences::PoolError>(())
    /// ```
    pub fn schedule(
        &mut self,
        id: &str,
        site: &str,
        date: NaiveDate,
        supervisor: &str,
        places: u32,
        laptops: u32,
    ) -> Result<(), PoolError> {
        if self.policy.regions_without_sessions.contains(&self.region) {
            return Err(PoolError::InvalidField {
                field: "region".into(),
                reason: format!("{} runs no supported-access sessions (L-8)", self.region),
            });
        }
        if self.sessions.contains_key(id) {
            return Err(PoolError::InvalidField {
                field: "session".into(),
                reason: format!("session {id} is already scheduled"),
            });
        }
        if laptops > self.policy.laptops {
            return Err(PoolError::CapacityExceeded {
                what: format!("session {id}"),
                reason: format!(
                    "{laptops} laptops asked, the region holds {}",
                    self.policy.laptops
                ),
                rule: "L-8",
            });
        }
        self.sessions.insert(
            id.to_owned(),
            Session {
                id: id.to_owned(),
                site: site.to_owned(),
                date,
                supervisor: supervisor.to_owned(),
                places,
                laptops,
                bookings: BTreeSet::new(),
            },
        );
        Ok(())
    }

    /// Books a place; refused when the session is full or the person already booked.
    pub fn book(&mut self, session: &str, person: &str) -> Result<(), PoolError> {
        let s = self.session(session)?;
        if s.bookings.contains(person) {
            return Err(PoolError::transition(
                person,
                "book",
                format!("already booked on {session}"),
                "L-8",
            ));
        }
        if s.bookings.len() >= usize::try_from(s.places).unwrap_or(usize::MAX) {
            return Err(PoolError::CapacityExceeded {
                what: format!("session {session}"),
                reason: format!("all {} places are booked", s.places),
                rule: "L-8",
            });
        }
        if let Some(s) = self.sessions.get_mut(session) {
            s.bookings.insert(person.to_owned());
        }
        Ok(())
    }

    /// Lends a laptop to a booked person; refused for a person not booked, a laptop already
    /// out, a return date before the loan, or no laptop left at the session or in the region.
    pub fn lend(
        &mut self,
        session: &str,
        person: &str,
        laptop: &str,
        on: NaiveDate,
        expected_return: NaiveDate,
    ) -> Result<(), PoolError> {
        let s = self.session(session)?;
        if !s.bookings.contains(person) {
            return Err(PoolError::UnknownPerson {
                person: person.to_owned(),
            });
        }
        if self
            .loans
            .iter()
            .any(|l| l.laptop == laptop && l.returned_on.is_none())
        {
            return Err(PoolError::transition(
                laptop,
                "lend",
                "it is already out on loan",
                "L-8",
            ));
        }
        if expected_return < on {
            return Err(PoolError::InvalidField {
                field: "expected_return".into(),
                reason: format!("{expected_return} is before the loan on {on}"),
            });
        }
        let at_session = self
            .loans
            .iter()
            .filter(|l| l.session == session && l.returned_on.is_none())
            .count();
        let out = self.laptops_out();
        if at_session >= usize::try_from(s.laptops).unwrap_or(usize::MAX)
            || out >= usize::try_from(self.policy.laptops).unwrap_or(usize::MAX)
        {
            return Err(PoolError::CapacityExceeded {
                what: format!("session {session}"),
                reason: "no laptop free".into(),
                rule: "L-8",
            });
        }
        self.loans.push(Loan {
            laptop: laptop.to_owned(),
            person: person.to_owned(),
            session: session.to_owned(),
            lent_on: on,
            expected_return,
            returned_on: None,
        });
        Ok(())
    }

    /// Records a laptop's return; a laptop not out (returned twice) is refused.
    pub fn return_laptop(&mut self, laptop: &str, on: NaiveDate) -> Result<(), PoolError> {
        let loan = self
            .loans
            .iter_mut()
            .find(|l| l.laptop == laptop && l.returned_on.is_none())
            .ok_or_else(|| {
                PoolError::transition(
                    laptop,
                    "return",
                    "it is not out on loan (returned twice?)",
                    "L-8",
                )
            })?;
        if on < loan.lent_on {
            return Err(PoolError::InvalidField {
                field: "returned_on".into(),
                reason: format!("{on} is before the loan on {}", loan.lent_on),
            });
        }
        loan.returned_on = Some(on);
        Ok(())
    }

    /// Loans not returned whose expected return is before `today`, oldest first (L-8).
    pub fn overdue(&self, today: NaiveDate) -> Vec<&Loan> {
        let mut out: Vec<&Loan> = self
            .loans
            .iter()
            .filter(|l| l.returned_on.is_none() && l.expected_return < today)
            .collect();
        out.sort_by_key(|l| (l.expected_return, l.laptop.clone()));
        out
    }
}
