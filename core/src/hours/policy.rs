//! The credit policy: the numbers a region could set differently (H-5, H-7).

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
#[cfg(feature = "python")]
use pyo3::prelude::*;

/// The largest extra-time allowance a policy or agreement may grant: 100% (double time).
pub const MAX_ALLOWANCE_PERCENT: u32 = 100;

/// Why a policy could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The JSON does not parse, or names a field the policy does not have.
    #[error("invalid {policy} JSON: {reason}")]
    Parse {
        /// Which policy (`credit policy`, `ledger policy`, `statutory policy`).
        policy: &'static str,
        /// What the JSON parser said.
        reason: String,
    },
    /// A value is out of range.
    #[error("invalid {policy}: {field} = {value}: {reason}")]
    OutOfRange {
        /// Which policy.
        policy: &'static str,
        /// The field's name.
        field: String,
        /// The value given.
        value: String,
        /// The allowed range and the rule.
        reason: String,
    },
}

impl PolicyError {
    /// The language-neutral kind of this error.
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidPolicy
    }
}

/// How completions are credited. `Default` follows [the rules](crate::rules): a 20% allowance and no repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PolicyFields", into = "PolicyFields")]
#[cfg_attr(
    feature = "python",
    pyclass(module = "ete_core", frozen, eq, hash, from_py_object)
)]
pub struct CreditPolicy {
    fields: PolicyFields,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
/// A policy's fields as given, before they are checked: what crosses an FFI boundary.
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CreditPolicy")
)]
pub struct PolicyFields {
    allowance_percent: u32,
    credit_repeats: bool,
}

impl Default for PolicyFields {
    fn default() -> PolicyFields {
        PolicyFields {
            allowance_percent: 20,
            credit_repeats: false,
        }
    }
}

impl TryFrom<PolicyFields> for CreditPolicy {
    type Error = PolicyError;
    fn try_from(f: PolicyFields) -> Result<CreditPolicy, PolicyError> {
        CreditPolicy::new(f.allowance_percent, f.credit_repeats)
    }
}

impl From<CreditPolicy> for PolicyFields {
    fn from(p: CreditPolicy) -> PolicyFields {
        p.fields
    }
}

/// For example:
///
/// ```
/// use ete_core::hours::CreditPolicy;
///
/// let p = CreditPolicy::from_json(r#"{"allowancePercent": 25}"#)?;
/// assert_eq!(p.allowance_percent(), 25);
/// assert!(!p.credit_repeats());
/// assert_eq!(CreditPolicy::default().allowance_percent(), 20);
/// assert!(CreditPolicy::from_json(r#"{"allowancePercent": 250}"#).is_err());
/// # Ok::<(), ete_core::hours::PolicyError>(())
/// ```
impl CreditPolicy {
    /// A policy; errors when the allowance is above [`MAX_ALLOWANCE_PERCENT`].
    pub fn new(allowance_percent: u32, credit_repeats: bool) -> Result<CreditPolicy, PolicyError> {
        if allowance_percent > MAX_ALLOWANCE_PERCENT {
            return Err(PolicyError::OutOfRange {
                policy: "credit policy",
                field: "allowancePercent".to_owned(),
                value: allowance_percent.to_string(),
                reason: "must be 0..=100 (H-5)".to_owned(),
            });
        }
        Ok(CreditPolicy {
            fields: PolicyFields {
                allowance_percent,
                credit_repeats,
            },
        })
    }

    /// Loads a policy from JSON (`{"allowancePercent": 20, "creditRepeats": false}`); a missing
    /// field takes its default, an unknown field is an error.
    pub fn from_json(text: &str) -> Result<CreditPolicy, PolicyError> {
        let text = crate::format::policy_text("credit policy", text).map_err(|reason| {
            PolicyError::Parse {
                policy: "credit policy",
                reason,
            }
        })?;
        let fields: PolicyFields =
            crate::json::from_object(&text).map_err(|e| PolicyError::Parse {
                policy: "credit policy",
                reason: e.to_string(),
            })?;
        CreditPolicy::try_from(fields)
    }

    /// The policy as JSON (with its `format`, [`crate::format::POLICY_FORMAT`]), readable by
    /// [`CreditPolicy::from_json`].
    pub fn to_json(&self) -> String {
        crate::format::policy_json(&self.fields, false)
    }

    /// The default extra-time allowance, in percent of the guided time (H-5; default 20).
    pub fn allowance_percent(&self) -> u32 {
        self.fields.allowance_percent
    }

    /// Whether a course already credited for the person is credited again (H-7; default no).
    pub fn credit_repeats(&self) -> bool {
        self.fields.credit_repeats
    }
}

/// Reads a policy of kind `policy` (for messages) from a JSON object: missing fields take the
/// default; anything but an object, a field the policy lacks, or a bad value is `Parse`.
pub(crate) fn policy_from_json<T: serde::de::DeserializeOwned>(
    policy: &'static str,
    text: &str,
) -> Result<T, PolicyError> {
    let text = crate::format::policy_text(policy, text)
        .map_err(|reason| PolicyError::Parse { policy, reason })?;
    crate::json::from_object(&text).map_err(|e| PolicyError::Parse {
        policy,
        reason: e.to_string(),
    })
}
