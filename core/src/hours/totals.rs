//! A requirement ledger's running totals (H-9..H-12): what every figure of
//! [`LedgerStatus`](crate::hours::LedgerStatus) is computed from. A ledger keeps the totals of
//! all its entries as it records them, so recording one more entry, or restoring a ledger of
//! n entries, does not sum the ledger again: O(1) per entry, O(n) for a restore.

use crate::hours::ledger::{AppointmentOutcome, LedgerEntry, LedgerEventKind};

/// The sums of a run of entries, widened so that no sum of in-range entries overflows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    /// Minutes completed: work appointments plus ETE credits.
    pub(crate) completed: i128,
    /// ETE minutes credited.
    pub(crate) ete: i128,
    /// Net adjustments, signed.
    pub(crate) adjustments: i128,
    /// Incentive-qualifying minutes (H-12): time done, less adjustments, before a
    /// disqualifying absence.
    pub(crate) qualifying: i128,
    /// An unacceptable absence has ended incentive qualifying (H-12).
    pub(crate) disqualified: bool,
    /// Months of extensions.
    pub(crate) extension_months: u64,
}

impl Totals {
    /// The totals of `entries`.
    pub(crate) fn of<'a>(entries: impl IntoIterator<Item = &'a LedgerEntry>) -> Totals {
        let mut totals = Totals::default();
        for entry in entries {
            totals.add(entry);
        }
        totals
    }

    /// Adds one entry.
    pub(crate) fn add(&mut self, entry: &LedgerEntry) {
        let (done, ete_part, adjustment) = match &entry.event {
            LedgerEventKind::WorkAppointment { minutes, outcome } => {
                if *outcome == AppointmentOutcome::UnacceptableAbsence {
                    self.disqualified = true;
                }
                (i128::from(minutes.get()), 0, 0)
            }
            LedgerEventKind::EteCredit { minutes, .. } => {
                (i128::from(minutes.get()), i128::from(minutes.get()), 0)
            }
            LedgerEventKind::Adjustment { minutes } => (0, 0, i128::from(*minutes)),
            LedgerEventKind::Extension { months } => {
                self.extension_months = self.extension_months.saturating_add(u64::from(*months));
                (0, 0, 0)
            }
        };
        self.completed = self.completed.saturating_add(done);
        self.ete = self.ete.saturating_add(ete_part);
        self.adjustments = self.adjustments.saturating_add(adjustment);
        if !self.disqualified {
            self.qualifying = self
                .qualifying
                .saturating_add(done.saturating_sub(adjustment));
        }
    }
}
