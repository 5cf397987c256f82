//! Imputation of missing data (COINr `Impute`). Carrying the latest earlier year forward happens
//! when the cross-section is taken ([`crate::dataset::Dataset::cross_section`]); this module
//! fills what is still missing.

use crate::matrix::Matrix;
use crate::method::Imputation;
use crate::stats;

/// Fills missing values of every column of `values` as `imputation` says, and returns how many
/// values were filled per column.
///
/// - [`Imputation::None`]: nothing (missing values are left out at aggregation).
/// - [`Imputation::IndicatorMean`]: `x̂ᵤ = mean of the column's present values`.
/// - [`Imputation::GroupMean`]: `x̂ᵤ = mean over units v with group(v) = group(u)`, where
///   `group_of[u]` is the unit's group within the family (`None`: not imputed).
///
/// Means are finite even where the sum of the values is not (values near ±1e308), as
/// [`stats::mean`] computes them.
///
/// Rows marked `false` in `active` (screened-out units) are neither used nor filled.
pub fn impute(
    values: &mut Matrix,
    imputation: &Imputation,
    group_of: &[Option<usize>],
    active: &[bool],
) -> Vec<usize> {
    let mut imputer = Imputer::new(imputation, group_of, active, values.rows());
    (0..values.cols())
        .map(|c| {
            let col = values.col_raw_mut(c);
            imputer.measure(col);
            imputer.fill(col, |_| true, |_| {})
        })
        .collect()
}

/// [`impute`] one column at a time, in two steps: [`Imputer::measure`] finds a column's gaps and
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
    /// For columns of `rows` values; see [`impute`] for the arguments.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn column(values: &[Option<f64>]) -> Matrix {
        let mut m = Matrix::missing(values.len(), 1);
        for (r, v) in values.iter().enumerate() {
            m.set(r, 0, *v);
        }
        m
    }

    #[test]
    fn group_mean_uses_the_units_own_group() {
        // Groups: 0 = Europe (1, 3), 1 = Asia (10, missing), unit 4 in no group.
        let mut m = column(&[Some(1.0), None, Some(3.0), Some(10.0), None, None]);
        let groups = [Some(0), Some(0), Some(0), Some(1), Some(1), None];
        let filled = impute(
            &mut m,
            &Imputation::GroupMean { family: "g".into() },
            &groups,
            &[true; 6],
        );
        assert_eq!(
            m.column(0).collect::<Vec<_>>(),
            vec![
                Some(1.0),
                Some(2.0),
                Some(3.0),
                Some(10.0),
                Some(10.0),
                None
            ]
        );
        assert_eq!(filled, vec![2]);
    }

    #[test]
    fn indicator_mean_ignores_inactive_rows() {
        let mut m = column(&[Some(1.0), None, Some(100.0), Some(3.0)]);
        impute(
            &mut m,
            &Imputation::IndicatorMean,
            &[],
            &[true, true, false, true],
        );
        assert_eq!(m.get(1, 0), Some(2.0));
        let mut n = column(&[None, None]);
        assert_eq!(
            impute(&mut n, &Imputation::IndicatorMean, &[], &[]),
            vec![0]
        );
    }

    #[test]
    fn group_means_of_huge_values_are_finite() {
        // 1e308 + 1.5e308 overflows; their mean does not.
        let mut m = column(&[Some(1e308), Some(1.5e308), None]);
        let filled = impute(
            &mut m,
            &Imputation::GroupMean { family: "g".into() },
            &[Some(0), Some(0), Some(0)],
            &[true; 3],
        );
        assert_eq!((m.get(2, 0), filled), (Some(1.25e308), vec![1]));
    }
}
