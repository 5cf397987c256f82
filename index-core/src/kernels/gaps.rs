//! Imputation at speed: one pass over a column sums every slot's values (all units, or each
//! group) and notes its gaps, and filling then visits only the gaps; what the units need is
//! worked out once for all the columns, and the buffers reused.
//!
//! Plain counterpart: [`crate::impute::impute_literally`], one gap at a time, each taking the
//! mean of its slot's present values. The means are the same sums in the same (row) order, so
//! the values filled are the same to the bit.

use crate::method::Imputation;
use crate::stats;

/// [`crate::impute::impute`] one column at a time, in two steps: [`Imputer::measure`] finds a column's gaps and
/// the means that fill them, [`Imputer::fill`] fills them (possibly later, and for fewer rows).
/// What it needs about the units is worked out once, and its buffers are reused from column to
/// column.
///
/// Both imputations are means over slots: one slot of every active unit (indicator mean), or
/// one per group (group mean); units in no slot (no group, or inactive) are neither used nor
/// filled.
#[derive(Debug, Clone)]
pub(crate) struct Imputer {
    /// Each row's slot; `slots` for a row in none. Empty: no imputation.
    slot: Vec<usize>,
    slots: usize,
    /// Rows in each slot (and in none, last).
    members: Vec<usize>,
    /// The column measured last: its rows with a slot and no value, and each slot's mean (NaN
    /// when the slot has no value).
    missing: Vec<usize>,
    means: Vec<f64>,
    count: Vec<usize>,
}

impl Imputer {
    /// For columns of `rows` values; see [`crate::impute::impute`] for the arguments.
    pub(crate) fn new(
        imputation: &Imputation,
        group_of: &[Option<usize>],
        active: &[bool],
        rows: usize,
    ) -> Self {
        let is_active = |u: usize| active.get(u).copied().unwrap_or(true);
        let (slots, slot): (usize, Vec<usize>) = match imputation {
            Imputation::None => (0, Vec::new()),
            Imputation::IndicatorMean => (
                1,
                (0..rows)
                    .map(|u| if is_active(u) { 0 } else { 1 })
                    .collect(),
            ),
            Imputation::GroupMean { .. } => {
                let groups = group_of.iter().flatten().max().map_or(0, |g| g + 1);
                let slot = (0..rows)
                    .map(|u| match group_of.get(u) {
                        Some(Some(g)) if is_active(u) => *g,
                        _ => groups,
                    })
                    .collect();
                (groups, slot)
            }
        };
        let mut members = vec![0; slots + 1];
        for &g in &slot {
            if let Some(m) = members.get_mut(g) {
                *m += 1;
            }
        }
        Imputer {
            slot,
            slots,
            members,
            missing: Vec::new(),
            means: vec![f64::NAN; slots + 1],
            count: vec![0; slots + 1],
        }
    }

    /// Finds the gaps of `col` that imputation would fill and the means that would fill them.
    ///
    /// One pass sums each slot in row order (a gap adds +0.0, which changes no sum) and notes
    /// the gaps; the counts follow from them. A mean whose sum overflows is computed as
    /// [`stats::mean`] does.
    pub(crate) fn measure(&mut self, col: &[f64]) {
        let (means, count, missing) = (&mut self.means, &mut self.count, &mut self.missing);
        missing.clear();
        if self.slot.is_empty() {
            return;
        }
        means.iter_mut().for_each(|s| *s = 0.0);
        for (u, (&x, &g)) in col.iter().zip(&self.slot).enumerate() {
            let here = x.is_finite();
            if let Some(s) = means.get_mut(g) {
                *s += if here { x } else { 0.0 };
            }
            if !here && g < self.slots {
                missing.push(u);
            }
        }
        count.copy_from_slice(&self.members);
        for &u in missing.iter() {
            if let Some(n) = self.slot.get(u).and_then(|&g| count.get_mut(g)) {
                *n = n.saturating_sub(1);
            }
        }
        // Each slot's mean, in its sum's place.
        for (g, (s, &n)) in means.iter_mut().zip(count.iter()).enumerate() {
            let m = *s / n as f64;
            *s = if n == 0 || g == self.slots {
                f64::NAN
            } else if m.is_finite() {
                m
            } else {
                // The sum overflowed (rare).
                let values = col.iter().zip(&self.slot).filter(|(_, h)| **h == g);
                stats::mean(values.map(|(x, _)| *x).filter(|x| x.is_finite())).unwrap_or(f64::NAN)
            };
        }
    }

    /// The value [`Imputer::measure`] would fill row `u` with, if any.
    pub(crate) fn mean_for(&self, u: usize) -> Option<f64> {
        let g = *self.slot.get(u)?;
        self.means.get(g).copied().filter(|m| m.is_finite())
    }

    /// Fills the gaps [`Imputer::measure`] found in `col` (the same column) for the rows with
    /// `fill(row)`, with `filled_at(row)` for each; returns how many were filled.
    pub(crate) fn fill(
        &self,
        col: &mut [f64],
        fill: impl Fn(usize) -> bool,
        mut filled_at: impl FnMut(usize),
    ) -> usize {
        let mut filled = 0;
        for &u in &self.missing {
            if let (true, Some(x), Some(m)) = (fill(u), col.get_mut(u), self.mean_for(u)) {
                *x = m;
                filled += 1;
                filled_at(u);
            }
        }
        filled
    }
}
