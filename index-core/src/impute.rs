//! Imputation of missing data (COINr `Impute`). Carrying the latest earlier year forward happens
//! when the cross-section is taken ([`crate::dataset::Dataset::cross_section`]); this module
//! fills what is still missing.
//!
//! [`impute`] works through `kernels::gaps`, which sums every slot in one pass over a
//! column and then revisits only its gaps; `impute_literally` (compiled for tests) is the rule
//! one gap at a time, and the two agree to the bit.

use crate::kernels::gaps::Imputer;
use crate::matrix::Matrix;
use crate::method::Imputation;

/// Fills missing values of every column of `values` as `imputation` says, and returns how many
/// values were filled per column.
///
/// - [`Imputation::None`]: nothing (missing values are left out at aggregation).
/// - [`Imputation::IndicatorMean`]: `x̂ᵤ = mean of the column's present values`.
/// - [`Imputation::GroupMean`]: `x̂ᵤ = mean over units v with group(v) = group(u)`, where
///   `group_of[u]` is the unit's group within the family (`None`: not imputed).
///
/// Means are finite even where the sum of the values is not (values near ±1e308), as
/// [`crate::stats::mean`] computes them.
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

/// [`impute`] as the module doc reads, one gap at a time: each missing value of a unit that is
/// active (and, by group mean, in a group) takes the mean ([`crate::stats::mean`]) of the present values
/// of the active units in its slot (every unit, or its group), in row order. The reference the
/// kernel ([`kernels::gaps::Imputer`]) is checked against.
#[cfg(test)]
pub(crate) fn impute_literally(
    values: &mut Matrix,
    imputation: &Imputation,
    group_of: &[Option<usize>],
    active: &[bool],
) -> Vec<usize> {
    let is_active = |u: usize| active.get(u).copied().unwrap_or(true);
    // Each active unit's slot: the one of every unit, or its group.
    let slot = |u: usize| match imputation {
        Imputation::None => None,
        Imputation::IndicatorMean => is_active(u).then_some(0),
        Imputation::GroupMean { .. } => group_of.get(u).copied().flatten().filter(|_| is_active(u)),
    };
    (0..values.cols())
        .map(|c| {
            let col = values.col_raw_mut(c);
            let before = col.to_vec();
            let mut filled = 0;
            for (u, x) in col.iter_mut().enumerate() {
                let Some(g) = slot(u).filter(|_| !x.is_finite()) else {
                    continue;
                };
                let peers = before
                    .iter()
                    .enumerate()
                    .filter(|(v, _)| slot(*v) == Some(g));
                if let Some(m) =
                    crate::stats::mean(peers.map(|(_, x)| *x).filter(|x| x.is_finite()))
                {
                    *x = m;
                    filled += 1;
                }
            }
            filled
        })
        .collect()
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
