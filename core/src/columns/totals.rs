//! ETE credit per requirement, capped by the allowance (H-10), over columns.

use crate::columns::{ColumnError, check_indices, check_minutes, minutes, same_length};
use crate::hours::LedgerPolicy;

/// One value per requirement, in the order of the `required` column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EteTotals {
    /// The ETE allowance: `floor(required × 30%)` under the default policy (H-10).
    pub allowance: Vec<i64>,
    /// ETE credit that counts: the sum of the credits, capped at the allowance.
    pub credited: Vec<i64>,
    /// What the credits came to beyond the allowance (not counted).
    pub over_allowance: Vec<i64>,
    /// What remains of the allowance.
    pub remaining: Vec<i64>,
}

/// Sums ETE credit per requirement and caps it at the requirement's allowance (H-10).
/// `requirement[i]` is the index (into `required`) of the requirement row `i` is credited to;
/// `minutes[i]` is the credit; `required[r]` is requirement `r`'s required time in minutes.
///
/// ```
/// use ete_core::columns::ete_totals;
/// use ete_core::hours::LedgerPolicy;
///
/// // Two requirements of 40 h (allowance 720 min) and 100 h (allowance 1,800 min).
/// let t = ete_totals(&[0, 1, 0, 0], &[300, 60, 300, 300], &[2_400, 6_000],
///                    &LedgerPolicy::default())?;
/// assert_eq!(t.credited, [720, 60]);
/// assert_eq!(t.over_allowance, [180, 0]);
/// assert_eq!(t.remaining, [0, 1_740]);
/// # Ok::<(), ete_core::columns::ColumnError>(())
/// ```
pub fn ete_totals(
    requirement: &[i64],
    minutes_column: &[i64],
    required: &[i64],
    policy: &LedgerPolicy,
) -> Result<EteTotals, ColumnError> {
    same_length(
        "requirement",
        requirement.len(),
        &[("minutes", Some(minutes_column.len()))],
    )?;
    policy.check()?;
    check_minutes("required", required, "H-9")?;
    check_minutes("minutes", minutes_column, "H-10")?;
    check_indices("requirement", requirement, required.len(), "requirements")?;
    // H-9: a requirement's required time lies within the policy's legal ranges (adult or youth;
    // the columns do not say which, so the widest of the two).
    let lowest = policy.adult_hours.0.min(policy.youth_hours.0);
    let highest = policy.adult_hours.1.max(policy.youth_hours.1);
    let range = i64::from(lowest).saturating_mul(60)..=i64::from(highest).saturating_mul(60);
    if let Some((position, value)) = required
        .iter()
        .enumerate()
        .find(|(_, r)| !range.contains(r))
    {
        return Err(ColumnError::OutOfRange {
            field: "required",
            position,
            value: *value,
            reason: format!(
                "required minutes must be within {}..={} ({lowest} to {highest} hours, H-9)",
                range.start(),
                range.end()
            ),
        });
    }
    let allowance = required
        .iter()
        .enumerate()
        .map(|(position, r)| {
            policy
                .ete_allowance(minutes(*r))
                .map(|a| a.as_signed())
                .map_err(|_| ColumnError::InvalidMinutes {
                    field: "required",
                    position,
                    value: *r,
                    rule: "H-10",
                })
        })
        .collect::<Result<Vec<i64>, ColumnError>>()?;
    // Each value is below 2^53, so an i64 sum cannot overflow before 1,024 rows land on one
    // requirement; checked_add guards the rest.
    let mut total = vec![0_i64; required.len()];
    for (position, (r, m)) in requirement.iter().zip(minutes_column).enumerate() {
        if let Some(slot) = total.get_mut(*r as usize) {
            *slot = slot
                .checked_add(*m)
                .ok_or_else(|| ColumnError::OutOfRange {
                    field: "minutes",
                    position,
                    value: *m,
                    reason: format!("the total for requirement {r} no longer fits in 64 bits"),
                })?;
        }
    }
    let credited: Vec<i64> = total
        .iter()
        .zip(&allowance)
        .map(|(t, a)| *t.min(a))
        .collect();
    Ok(EteTotals {
        over_allowance: total
            .iter()
            .zip(&credited)
            .map(|(t, c)| t.saturating_sub(*c))
            .collect(),
        remaining: allowance
            .iter()
            .zip(&credited)
            .map(|(a, c)| a.saturating_sub(*c))
            .collect(),
        allowance,
        credited,
    })
}
