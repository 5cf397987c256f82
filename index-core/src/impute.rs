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
        .map(|c| imputer.column(values.col_raw_mut(c), |_| {}))
        .collect()
}

/// [`impute`] one column at a time: what it needs about the units, worked out once, and the
/// buffers it reuses from column to column.
#[derive(Debug, Clone)]
pub(crate) struct Imputer {
    how: How,
    /// Each row: whether it takes part (is active).
    active: Vec<bool>,
    /// Each row's group under group-mean imputation; rows with none, or inactive (neither used
    /// nor filled), are in an extra last slot, whose sums are not used.
    group: Vec<usize>,
    /// Active members of each group (and of the extra slot).
    members: Vec<usize>,
    sum: Vec<f64>,
    count: Vec<usize>,
    /// Rows of the column at hand with a group and no value.
    missing: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
enum How {
    None,
    IndicatorMean,
    GroupMean,
}

impl Imputer {
    /// For columns of `rows` values; see [`impute`] for the arguments.
    pub(crate) fn new(
        imputation: &Imputation,
        group_of: &[Option<usize>],
        active: &[bool],
        rows: usize,
    ) -> Self {
        let active: Vec<bool> = (0..rows)
            .map(|u| active.get(u).copied().unwrap_or(true))
            .collect();
        let how = match imputation {
            Imputation::None => How::None,
            Imputation::IndicatorMean => How::IndicatorMean,
            Imputation::GroupMean { .. } => How::GroupMean,
        };
        let groups = group_of.iter().flatten().max().map_or(0, |g| g + 1);
        let group: Vec<usize> = match how {
            How::GroupMean => active
                .iter()
                .enumerate()
                .map(|(u, a)| match group_of.get(u) {
                    Some(Some(g)) if *a => *g,
                    _ => groups,
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut members = vec![0; groups + 1];
        for &g in &group {
            if let Some(m) = members.get_mut(g) {
                *m += 1;
            }
        }
        Imputer {
            how,
            active,
            group,
            members,
            sum: vec![0.0; groups + 1],
            count: vec![0; groups + 1],
            missing: Vec::new(),
        }
    }

    /// Fills the missing values of one column in place, with `filled_at(row)` for each value
    /// filled; returns how many were filled.
    pub(crate) fn column(&mut self, col: &mut [f64], mut filled_at: impl FnMut(usize)) -> usize {
        let mut filled = 0;
        match self.how {
            How::None => {}
            How::IndicatorMean => {
                let active = &self.active;
                let Some(m) = stats::mean(
                    col.iter()
                        .zip(active)
                        .filter(|(v, a)| **a && v.is_finite())
                        .map(|(v, _)| *v),
                ) else {
                    return 0;
                };
                for (u, (x, a)) in col.iter_mut().zip(active).enumerate() {
                    if *a && !x.is_finite() {
                        *x = m;
                        filled += 1;
                        filled_at(u);
                    }
                }
            }
            How::GroupMean => {
                let (sum, count, missing) = (&mut self.sum, &mut self.count, &mut self.missing);
                sum.iter_mut().for_each(|s| *s = 0.0);
                missing.clear();
                // One pass sums each group in row order (a gap adds +0.0, which changes no sum)
                // and notes the gaps; only those are visited again. Counts follow from the gaps.
                for (u, (&x, &g)) in col.iter().zip(&self.group).enumerate() {
                    let here = x.is_finite();
                    if let Some(s) = sum.get_mut(g) {
                        *s += if here { x } else { 0.0 };
                    }
                    if !here {
                        missing.push(u);
                    }
                }
                count.copy_from_slice(&self.members);
                for &u in missing.iter() {
                    if let Some(n) = self.group.get(u).and_then(|&g| count.get_mut(g)) {
                        *n = n.saturating_sub(1);
                    }
                }
                let last = sum.len().saturating_sub(1); // the slot of rows outside every group
                                                        // Each group's mean (`None` without values), in `sum`'s place.
                for (g, (s, &n)) in sum.iter_mut().zip(count.iter()).enumerate() {
                    let m = *s / n as f64;
                    *s = if n == 0 || g == last {
                        f64::NAN
                    } else if m.is_finite() {
                        m
                    } else {
                        // The sum overflowed: the mean as `stats::mean` finds it (rare).
                        let members = col.iter().zip(&self.group).filter(|(_, h)| **h == g);
                        stats::mean(members.map(|(x, _)| *x).filter(|x| x.is_finite()))
                            .unwrap_or(f64::NAN)
                    };
                }
                for &u in missing.iter() {
                    let (Some(x), Some(m)) =
                        (col.get_mut(u), self.group.get(u).and_then(|&g| sum.get(g)))
                    else {
                        continue;
                    };
                    if m.is_finite() {
                        *x = *m;
                        filled += 1;
                        filled_at(u);
                    }
                }
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
