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
/// Rows marked `false` in `active` (screened-out units) are neither used nor filled.
pub fn impute(
    values: &mut Matrix,
    imputation: &Imputation,
    group_of: &[Option<usize>],
    active: &[bool],
) -> Vec<usize> {
    let mut filled = vec![0; values.cols()];
    let is_active = |u: usize| active.get(u).copied().unwrap_or(true);
    // Per-group sums and counts, reused from column to column.
    let groups = group_of.iter().flatten().max().map_or(0, |g| g + 1);
    let mut sum = vec![0.0; groups];
    let mut count = vec![0usize; groups];
    for (c, filled) in filled.iter_mut().enumerate() {
        let col = values.col_raw_mut(c);
        match imputation {
            Imputation::None => {}
            Imputation::IndicatorMean => {
                let Some(m) = stats::mean(
                    col.iter()
                        .enumerate()
                        .filter(|(u, v)| is_active(*u) && v.is_finite())
                        .map(|(_, v)| *v),
                ) else {
                    continue;
                };
                for (u, x) in col.iter_mut().enumerate() {
                    if is_active(u) && !x.is_finite() {
                        *x = m;
                        *filled += 1;
                    }
                }
            }
            Imputation::GroupMean { .. } => {
                sum.iter_mut().for_each(|s| *s = 0.0);
                count.iter_mut().for_each(|n| *n = 0);
                let mut gaps = false;
                for (u, x) in col.iter().enumerate() {
                    let Some(Some(g)) = group_of.get(u) else {
                        continue;
                    };
                    if !is_active(u) {
                        continue;
                    }
                    if x.is_finite() {
                        sum[*g] += *x;
                        count[*g] += 1;
                    } else {
                        gaps = true;
                    }
                }
                if !gaps {
                    continue;
                }
                for (u, x) in col.iter_mut().enumerate() {
                    if let (true, Some(Some(g))) = (is_active(u) && !x.is_finite(), group_of.get(u))
                    {
                        if count[*g] > 0 {
                            *x = sum[*g] / count[*g] as f64;
                            *filled += 1;
                        }
                    }
                }
            }
        }
    }
    filled
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
}
