//! The pool's reports (L-5, L-6, L-9): dormant logins, ready to deactivate, utilisation.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::licences::model::{Account, AccountKind, AccountState};
use crate::licences::pool::Pool;
use crate::ratio::Fraction;

/// A login reported dormant (L-5).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DormantLogin {
    /// The person.
    pub person: String,
    /// Issued and never used; `false`: used, then stopped.
    pub never_logged_in: bool,
    /// When the clock started: the issue, or the last login.
    pub since: DateTime<Utc>,
    /// Whole days since then.
    pub days: i64,
}

/// The dormancy clock of an active learner account: `(since, never logged in)`.
fn clock(account: &Account) -> Option<(DateTime<Utc>, bool)> {
    if account.state != AccountState::Active || account.kind != AccountKind::Learner {
        return None;
    }
    match (account.last_login, account.issued_at) {
        (Some(login), _) => Some((login, false)),
        (None, Some(issued)) => Some((issued, true)),
        (None, None) => None,
    }
}

fn dormant(pool: &Pool, account: &Account, now: DateTime<Utc>) -> Option<DormantLogin> {
    let period = Duration::days(i64::from(pool.policy().dormancy_days));
    let (since, never_logged_in) = clock(account)?;
    let idle = now.signed_duration_since(since);
    (idle >= period).then(|| DormantLogin {
        person: account.person.clone(),
        never_logged_in,
        since,
        days: idle.num_days(),
    })
}

/// The dormant logins due for a report at `now` (L-5): no login within the period since the
/// details were issued (never logged in) or since the last login (stopped), and not reported
/// within the last period. In person order.
pub fn dormant_logins(pool: &Pool, now: DateTime<Utc>) -> Vec<DormantLogin> {
    let period = Duration::days(i64::from(pool.policy().dormancy_days));
    pool.accounts()
        .filter(|a| {
            a.last_reported
                .is_none_or(|r| now.signed_duration_since(r) >= period)
        })
        .filter_map(|a| dormant(pool, a, now))
        .collect()
}

/// Active learners whose agreed courses are all completed (L-6), in person order.
pub fn ready_to_deactivate(pool: &Pool) -> Vec<String> {
    pool.accounts()
        .filter(|a| a.state == AccountState::Active && a.courses_done())
        .map(|a| a.person.clone())
        .collect()
}

/// The utilisation line (L-9).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Utilisation {
    /// The region.
    pub region: String,
    /// Licences in the pool.
    pub capacity: u32,
    /// Allocated.
    pub allocated: u32,
    /// Free.
    pub free: u32,
    /// On the waiting list.
    pub waiting: u32,
    /// Active learner logins dormant now (reported or not).
    pub dormant: u32,
    /// Ready to deactivate.
    pub ready_to_deactivate: u32,
    /// Average whole days a licence is held: released holdings and current ones up to `now`;
    /// `None` before any allocation.
    pub average_days_held: Option<Fraction>,
}

impl Utilisation {
    /// The average days held to one decimal, rounded half up (`"13.3"`), or `None`.
    pub fn average_days_text(&self) -> Option<String> {
        self.average_days_held.and_then(|f| f.decimal(1).ok())
    }
}

/// The utilisation report at `now` (L-9).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ete_core::licences::*;
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
/// let (pool, _) = Pool::open("open", "ADMIN-1", at, "Wales", 40, PoolPolicy::default())?;
/// let u = utilisation(&pool, at);
/// assert_eq!((u.capacity, u.allocated, u.free, u.average_days_held), (40, 0, 40, None));
/// # Ok::<(), PoolError>(())
/// ```
pub fn utilisation(pool: &Pool, now: DateTime<Utc>) -> Utilisation {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (released_days, releases) = pool.released_holdings();
    let current: u64 = pool
        .held_since()
        .values()
        .map(|since| u64::try_from(now.signed_duration_since(*since).num_days()).unwrap_or(0))
        .fold(0u64, u64::saturating_add);
    let holdings =
        releases.saturating_add(u64::try_from(pool.held_since().len()).unwrap_or(u64::MAX));
    let total = i64::try_from(released_days.saturating_add(current)).unwrap_or(i64::MAX);
    Utilisation {
        region: pool.region().to_owned(),
        capacity: pool.capacity(),
        allocated: pool.allocated(),
        free: pool.free(),
        waiting: count(pool.waiting().len()),
        dormant: count(
            pool.accounts()
                .filter(|a| dormant(pool, a, now).is_some())
                .count(),
        ),
        ready_to_deactivate: count(ready_to_deactivate(pool).len()),
        average_days_held: Fraction::new(total, holdings).ok(),
    }
}
