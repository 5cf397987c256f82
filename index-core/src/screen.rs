//! Unit screening (COINr `Screen` with `unit_screen = "byNA"`): drop units with too little data.

use serde::Serialize;

use crate::matrix::Matrix;

/// A unit dropped by screening, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenedOut {
    /// Row (unit position in the dataset).
    pub unit: usize,
    /// Share of indicator values it has.
    pub share: f64,
    /// The threshold it fell below.
    pub threshold: f64,
}

/// Share of present values in each row: `available / columns` (0 when there are no columns).
pub fn availability(values: &Matrix) -> Vec<f64> {
    let mut count = vec![0u64; values.rows()];
    for c in 0..values.cols() {
        count_present(values.col_raw(c), &mut count);
    }
    shares(&count, values.cols())
}

/// Adds one column's present values to the per-row counts.
fn count_present(col: &[f64], count: &mut [u64]) {
    for (n, v) in count.iter_mut().zip(col) {
        *n += u64::from(v.is_finite());
    }
}

/// `count / columns` per row (0 when there are no columns).
fn shares(count: &[u64], cols: usize) -> Vec<f64> {
    count
        .iter()
        .map(|&n| {
            if cols == 0 {
                0.0
            } else {
                n as f64 / cols as f64
            }
        })
        .collect()
}

/// Marks in `active` the units whose data availability is below `min_share` as inactive and
/// reports them. Units already inactive stay so without being reported again.
pub fn screen(values: &Matrix, min_share: f64, active: &mut [bool]) -> Vec<ScreenedOut> {
    screen_shares(&availability(values), min_share, active)
}

/// [`screen`] from per-row counts of present values among `cols` columns.
pub(crate) fn screen_counts(
    count: &[u64],
    cols: usize,
    min_share: f64,
    active: &mut [bool],
) -> Vec<ScreenedOut> {
    screen_shares(&shares(count, cols), min_share, active)
}

fn screen_shares(shares: &[f64], min_share: f64, active: &mut [bool]) -> Vec<ScreenedOut> {
    let mut out = Vec::new();
    for (unit, &share) in shares.iter().enumerate() {
        // A small tolerance so that 2/3 written as 0.6667 does not drop a unit with exactly 2/3.
        if share + 1e-9 < min_share {
            if let Some(a) = active.get_mut(unit).filter(|a| **a) {
                *a = false;
                out.push(ScreenedOut {
                    unit,
                    share,
                    threshold: min_share,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_units_below_the_threshold_and_says_why() {
        let mut m = Matrix::missing(2, 3);
        for c in 0..3 {
            m.set(0, c, Some(1.0));
        }
        m.set(1, 0, Some(1.0));
        m.set(1, 1, Some(1.0));
        let mut active = vec![true, true];
        assert!(
            screen(&m, 2.0 / 3.0, &mut active).is_empty(),
            "2 of 3 is exactly 2/3"
        );
        let out = screen(&m, 0.9, &mut active);
        assert_eq!(
            out,
            vec![ScreenedOut {
                unit: 1,
                share: 2.0 / 3.0,
                threshold: 0.9
            }]
        );
        assert_eq!(active, vec![true, false]);
    }
}
