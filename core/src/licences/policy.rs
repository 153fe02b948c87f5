//! The pool's policy (L-2, L-4, L-5, L-6): every number or choice a region may set differently.

use serde::{Deserialize, Serialize};

use crate::licences::error::PoolError;

/// How the waiting list is ordered (L-4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WaitingOrder {
    /// First come, first served (the default).
    #[default]
    FirstCome,
    /// Earliest requirement end date first; no end date goes last; ties by arrival.
    RequirementEnd,
}

crate::codes!(WaitingOrder, "waiting order", {
    FirstCome => "first_come",
    RequirementEnd => "requirement_end",
});

/// A pool's policy. `Default` follows [the rules](crate::rules): first come first served, 14 days' dormancy, dormant
/// logins reported but not reclaimed, licences freed by the administrator (not automatically),
/// staff accounts use no learner licence.
///
/// ```
/// use ete_core::licences::{PoolPolicy, WaitingOrder};
///
/// let p = PoolPolicy::from_json(r#"{"waitingOrder": "requirement_end", "dormancyDays": 21}"#)?;
/// assert_eq!((p.waiting_order, p.dormancy_days, p.reclaim_dormant), (WaitingOrder::RequirementEnd, 21, false));
/// assert!(PoolPolicy::from_json(r#"{"dormancyDays": 0}"#).is_err());
/// # Ok::<(), ete_core::licences::PoolError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PoolPolicy {
    /// Waiting-list order (L-4).
    pub waiting_order: WaitingOrder,
    /// Days without a login before a login is reported as dormant (L-5); above zero.
    pub dormancy_days: u32,
    /// Whether reporting a dormant login also frees its licence (L-5; opt-in).
    pub reclaim_dormant: bool,
    /// Whether completing the last agreed course frees the licence at once (L-6; opt-in).
    pub release_when_ready: bool,
    /// Whether staff accounts use learner licences (L-2; by default they do not).
    pub staff_use_licences: bool,
}

impl Default for PoolPolicy {
    fn default() -> PoolPolicy {
        PoolPolicy {
            waiting_order: WaitingOrder::FirstCome,
            dormancy_days: 14,
            reclaim_dormant: false,
            release_when_ready: false,
            staff_use_licences: false,
        }
    }
}

impl PoolPolicy {
    /// Reads a policy from JSON (missing fields take the default); unknown fields and a
    /// dormancy period of 0 are `InvalidPolicy`.
    pub fn from_json(text: &str) -> Result<PoolPolicy, PoolError> {
        let text = crate::format::policy_text("pool policy", text)
            .map_err(|reason| PoolError::InvalidPolicy { reason })?;
        let policy: PoolPolicy =
            crate::json::from_object(&text).map_err(|e| PoolError::InvalidPolicy {
                reason: e.to_string(),
            })?;
        policy.check()?;
        Ok(policy)
    }

    /// The longest dormancy period a policy may set: 3,660 days (ten years).
    pub const MAX_DORMANCY_DAYS: u32 = 3_660;

    /// Checks the values: the dormancy period must be within 1..=3660 days (L-5).
    pub fn check(&self) -> Result<(), PoolError> {
        if !(1..=PoolPolicy::MAX_DORMANCY_DAYS).contains(&self.dormancy_days) {
            return Err(PoolError::InvalidPolicy {
                reason: format!(
                    "dormancyDays {}: the dormancy period must be within 1..={} days (L-5)",
                    self.dormancy_days,
                    PoolPolicy::MAX_DORMANCY_DAYS
                ),
            });
        }
        Ok(())
    }
}
