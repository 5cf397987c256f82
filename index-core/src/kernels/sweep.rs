//! Preparation at speed: each raw column, while it is in cache as the cross-section is taken, is
//! counted, copied, denominated and imputed in one sweep, and the per-unit counts screening needs
//! are kept as integers on the way, instead of a pass over the whole table for each step.
//!
//! Plain counterpart: the steps in order on whole tables, [`crate::denominate::denominate`],
//! [`crate::impute::impute`] and [`crate::screen::screen`], which is how
//! [`crate::pipeline::Prepared`] rebuilds its stages; `tests/properties.rs` ("prepare is its
//! steps in order") checks that those give the prepared values to the bit.
//!
//! Which units have data is known only at the end of the sweep, so every gap with a mean is
//! filled in it; [`Swept::keep_to_units_in`] undoes the fills of units without data (and clears
//! the units screened out) when the column is next taken up.

use crate::dataset::{CrossSection, Dataset};
use crate::denominate::denominate_column;
use crate::error::Result;
use crate::kernels::gaps::Imputer;
use crate::matrix::Matrix;
use crate::screen::ScreenedOut;

/// What the denominate and impute steps use: the denominators (one column per distinct one) and
/// each indicator's, and the imputer.
pub(crate) struct Steps<'a> {
    /// One column per distinct denominator.
    pub(crate) denominators: &'a Matrix,
    /// Each indicator's column in `denominators`, if any.
    pub(crate) denominator_of: &'a [Option<usize>],
    /// Fills the gaps (an imputer that fills none when nothing is imputed).
    pub(crate) imputer: Imputer,
    /// Whether screening follows (and needs each unit's count of values).
    pub(crate) screening: bool,
}

/// The sweep's results.
pub(crate) struct Swept {
    /// The raw cross-section.
    pub(crate) raw: CrossSection,
    /// The denominated and imputed values, column-major (units without data filled too: see
    /// [`Swept::keep_to_units_in`]).
    pub(crate) work: Matrix,
    /// Values lost to a denominator, per indicator.
    pub(crate) denominator_lost: Vec<usize>,
    /// Values imputed, per indicator (including units without data, until undone).
    pub(crate) imputed_count: Vec<usize>,
    /// Whether each unit has any raw value.
    pub(crate) has_data: Vec<bool>,
    /// Each unit's count of values after imputation (empty unless screening).
    pub(crate) present: Vec<u64>,
    /// The units without any raw value.
    without_data: Vec<usize>,
}

/// Takes `year`'s cross-section of `indicators` (carrying forward up to `lookback` years) into
/// `raw`'s memory, and sweeps each column into `work`'s (both cleared first): count, copy,
/// denominate, impute.
///
/// # Errors
/// As [`Dataset::cross_section`].
pub(crate) fn sweep(
    dataset: &Dataset,
    year: i32,
    indicators: &[usize],
    lookback: u32,
    steps: Steps<'_>,
    raw: Vec<f64>,
    mut work: Vec<f64>,
) -> Result<Swept> {
    let Steps {
        denominators,
        denominator_of,
        mut imputer,
        screening,
    } = steps;
    let (rows, cols) = (dataset.units().len(), indicators.len());
    work.clear();
    work.reserve(rows.saturating_mul(cols));
    let mut raw_count = vec![0u64; rows];
    // Screening counts each unit's values after imputation: its raw values, less those lost to
    // a denominator, plus those imputed.
    let mut change: Vec<i64> = vec![0; if screening { rows } else { 0 }];
    let (mut denominator_lost, mut imputed_count) = (vec![0; cols], vec![0; cols]);
    let raw = dataset.cross_section_with(year, indicators, lookback, raw, |c, raw_col| {
        // (Raw values are finite or NaN; counting them vectorises better than or-ing flags.)
        for (n, x) in raw_count.iter_mut().zip(raw_col) {
            *n += u64::from(!x.is_nan());
        }
        let start = work.len();
        work.extend_from_slice(raw_col);
        // `start` was the length before the extend: the column just copied, never the empty
        // fallback.
        let col = work.get_mut(start..).unwrap_or_default();
        if let (Some(d), Some(lost)) = (
            denominator_of.get(c).copied().flatten(),
            denominator_lost.get_mut(c),
        ) {
            *lost = denominate_column(col, denominators.col_raw(d), |u| {
                if let Some(n) = change.get_mut(u) {
                    *n -= 1;
                }
            });
        }
        imputer.measure(col);
        let filled = imputer.fill(
            col,
            |_| true,
            |u| {
                if let Some(n) = change.get_mut(u) {
                    *n += 1;
                }
            },
        );
        if let Some(f) = imputed_count.get_mut(c) {
            *f = filled;
        }
    })?;
    let has_data: Vec<bool> = raw_count.iter().map(|n| *n > 0).collect();
    let without_data = has_data
        .iter()
        .enumerate()
        .filter(|(_, has)| !**has)
        .map(|(u, _)| u)
        .collect();
    let present = raw_count
        .iter()
        .zip(&change)
        .map(|(n, d)| n.saturating_add_signed(*d))
        .collect();
    Ok(Swept {
        raw,
        work: Matrix::from_columns(rows, cols, work),
        denominator_lost,
        imputed_count,
        has_data,
        present,
        without_data,
    })
}

impl Swept {
    /// Column `c` of the work table, with the fills of units without data undone (and the count
    /// of values imputed corrected) and the units screened out missing: the units still in.
    pub(crate) fn keep_to_units_in(
        &mut self,
        c: usize,
        screened_out: &[ScreenedOut],
    ) -> &mut [f64] {
        let col = self.work.col_raw_mut(c);
        // Units without data take no fills; screened-out units take no further part.
        for &u in &self.without_data {
            if let (Some(x), Some(f)) = (col.get_mut(u), self.imputed_count.get_mut(c)) {
                if x.is_finite() {
                    *f = f.saturating_sub(1);
                }
                *x = f64::NAN;
            }
        }
        for s in screened_out {
            if let Some(x) = col.get_mut(s.unit) {
                *x = f64::NAN;
            }
        }
        col
    }
}
