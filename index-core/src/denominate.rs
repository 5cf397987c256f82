//! Denomination: dividing an indicator by another (per capita, per GDP, per area), so that big
//! and small countries can be compared (COINr `Denominate`).

use crate::matrix::Matrix;

/// Divides column `c` of `values` by column `columns[c]` of `denominators` (one column per
/// distinct denominator) wherever `columns[c]` is set:
///
/// `x'ᵤ = xᵤ / dᵤ`
///
/// A missing or zero denominator makes the result missing (the count is returned, per column);
/// columns without a denominator are left as they are.
pub fn denominate(
    values: &mut Matrix,
    denominators: &Matrix,
    columns: &[Option<usize>],
) -> Vec<usize> {
    let mut lost = vec![0; values.cols()];
    for (c, lost) in lost.iter_mut().enumerate() {
        let Some(dc) = columns.get(c).copied().flatten() else {
            continue;
        };
        *lost = denominate_column(values.col_raw_mut(c), denominators.col_raw(dc), |_| {});
    }
    lost
}

/// One column of [`denominate`]: `x / d` in place, missing where `d` is missing or zero (with
/// `lost_at(row)` for each value lost); returns how many values that lost. A denominator column
/// of the wrong length (none) changes nothing.
pub(crate) fn denominate_column(
    col: &mut [f64],
    den: &[f64],
    mut lost_at: impl FnMut(usize),
) -> usize {
    if den.len() != col.len() {
        return 0; // no such denominator column
    }
    let mut lost = 0;
    for (u, (x, &d)) in col.iter_mut().zip(den).enumerate() {
        if x.is_finite() {
            let q = *x / d;
            if q.is_finite() && d != 0.0 {
                *x = q;
            } else {
                *x = f64::NAN;
                lost += 1;
                lost_at(u);
            }
        }
    }
    lost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divides_and_loses_values_without_a_denominator() {
        let mut v = Matrix::missing(3, 2);
        let mut d = Matrix::missing(3, 2);
        for (r, (x, den)) in [(10.0, Some(2.0)), (6.0, Some(0.0)), (1.0, None)]
            .iter()
            .enumerate()
        {
            v.set(r, 0, Some(*x));
            v.set(r, 1, Some(*x));
            d.set(r, 0, *den);
        }
        let lost = denominate(&mut v, &d, &[Some(0), None]);
        assert_eq!(v.column(0).collect::<Vec<_>>(), vec![Some(5.0), None, None]);
        assert_eq!(
            v.column(1).collect::<Vec<_>>(),
            vec![Some(10.0), Some(6.0), Some(1.0)]
        );
        assert_eq!(lost, vec![2, 0]);
    }
}
