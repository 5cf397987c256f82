//! Variance-based sensitivity indices, estimated as COINr's `get_sensitivity` estimates them
//! (`SA_sample` and `SA_estimate` in COINr's `R/sensitivity.R`; Saltelli et al. 2010, *Variance
//! based sensitivity analysis of model output*, Computer Physics Communications 181).
//!
//! Pure mathematics: a model `y = f(x)` of `k` inputs, each uniform on [0, 1), is run at the
//! points of a [`Design`], and [`estimate`] turns its outputs into each input's share of the
//! output variance. What the inputs mean (weights, methods) is the caller's business.
//!
//! # The design
//!
//! Two matrices `A` and `B` of `n` rows and `k` columns come from one Owen-scrambled Sobol
//! sequence of `2k` dimensions ([`crate::sample::Sobol`]): row `j` of `A` is the first `k`
//! coordinates of point `j`, row `j` of `B` its last `k` (COINr draws the same `n × 2k` matrix
//! with `runif` and splits it the same way). `ABᵢ` is `A` with column `i` taken from `B`. The
//! model runs on the rows of `A`, then `B`, then `AB₁`, …, `ABₖ`: `n·(k + 2)` runs in all.
//!
//! # The estimators
//!
//! With `y_A`, `y_B`, `y_ABᵢ` the outputs on the rows of `A`, `B`, `ABᵢ` (row `j` of each
//! written `[j]`), and `V` the **sample variance (denominator `2n − 1`) of the `2n` outputs of
//! `A` and `B` together** — COINr's `var(c(yA, yB))`:
//!
//! - first-order index (Saltelli et al. 2010):
//!   `Sᵢ = (1/n) Σⱼ y_B[j] · (y_ABᵢ[j] − y_A[j]) / V`
//! - total-effect index (Jansen 1999):
//!   `STᵢ = (1/(2n)) Σⱼ (y_A[j] − y_ABᵢ[j])² / V`
//!
//! The outputs are used as given (not centred), as in COINr. Estimates are not clipped: a first
//! order index near 0 may come out slightly negative, and one near 1 slightly above.
//!
//! # Confidence intervals
//!
//! As in COINr, by bootstrap: each replicate resamples the `n` rows with replacement and
//! recomputes the two sums above over the resampled rows, `V` held at its full-sample value;
//! the interval is from the 5th to the 95th percentile of the replicates (R's default quantile,
//! type 7: linear interpolation between order statistics, at position `(m − 1)·p` of `m`
//! sorted replicates). COINr draws a separate resample for every index and estimator; here one
//! resample of rows serves every index of a replicate. Each index's replicates have the same
//! distribution either way; only their joint distribution across indices differs, which the
//! intervals do not use. The rows are drawn by SplitMix64 (Steele, Lea & Flood 2014) from the
//! caller's seed: the engine has no randomness of its own.
//!
//! # Decisions
//!
//! - **No variance** (`V = 0`: every output of `A` and `B` the same): every index and interval
//!   is 0 — nothing varies, so no input explains any of it. [`Sensitivity::variance`] tells
//!   this case from inputs that truly do not matter.
//! - **A non-finite output** is an error naming its run, never a NaN index; so are outputs so
//!   large that the sums overflow.
//! - **One input** (`k = 1`) is allowed here; COINr's `get_sensitivity` refuses it as not
//!   meaningful, which is the caller's decision to make.
//! - `n` from 2 (COINr's `get_sensitivity` asks `N > 2`); a power of two keeps the Sobol points
//!   balanced.
//! - **Outputs far from 0.** Uncentred, the first-order sum's spread grows with the outputs'
//!   mean against their spread (COINr's does): Ishigami's function plus 1000 (2¹³ rows) still
//!   estimates `S₁ = 0.318` against 0.314, but its 5–95 % interval is about −4.8 to 5.4 instead
//!   of 0.29 to 0.34. So every output is first centred on the mean of those of `A` and `B`; no
//!   index's expected value changes (`mean(y_ABᵢ − y_A)` has expectation 0) and `STᵢ` and `V`,
//!   which read differences only, do not move.
//!
//! ```
//! use index_core::sensitivity::{estimate, Design};
//! // y = x₁ + 2·x₂: the variances are 1/12 and 4/12, so S₁ = ST₁ = 1/5, S₂ = ST₂ = 4/5.
//! let design = Design::new(1024, 2, 7).unwrap();
//! let mut x = [0.0; 2];
//! let outputs: Vec<f64> = (0..design.runs())
//!     .map(|run| {
//!         design.point(run, &mut x);
//!         x[0] + 2.0 * x[1]
//!     })
//!     .collect();
//! let s = estimate(&design, &outputs, 100, 1).unwrap();
//! assert!((s.indices[0].first - 0.2).abs() < 0.01 && (s.indices[1].total - 0.8).abs() < 0.01);
//! ```

use serde::Serialize;

use crate::error::{Error, Result};
use crate::sample::{Sobol, MAX_DIMENSIONS, MAX_POINTS};

/// The most bootstrap replicates [`estimate`] takes. Its work is `bootstrap · n · k`.
pub const MAX_BOOTSTRAP: usize = 10_000;

/// The fewest rows a [`Design`] has: the variance needs two outputs.
pub const MIN_ROWS: usize = 2;

/// The percentiles the bootstrap intervals run between (COINr's `Si_q5`, `Si_q95`, …).
pub const INTERVAL: (f64, f64) = (0.05, 0.95);

/// A Saltelli design: matrices `A` and `B` of `n` rows and `k` columns from one Sobol sequence
/// of `2k` dimensions, and the `k` matrices `ABᵢ` (see the [module](self) documentation).
/// Validated on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Design {
    n: usize,
    k: usize,
    sobol: Sobol,
}

impl Design {
    /// A design of `n` rows per matrix for `k` inputs, its Sobol points scrambled by `seed`.
    ///
    /// # Errors
    /// [`Error::Sampling`] when `n` is below [`MIN_ROWS`] or above
    /// [`MAX_POINTS`](crate::sample::MAX_POINTS) (each row is one point of the sequence), or
    /// `k` is 0 or `2k` is above [`MAX_DIMENSIONS`](crate::sample::MAX_DIMENSIONS).
    ///
    /// ```
    /// use index_core::sensitivity::Design;
    /// assert_eq!(Design::new(256, 4, 1).unwrap().runs(), 256 * 6);
    /// assert!(Design::new(1, 4, 1).is_err());
    /// assert!(Design::new(256, 129, 1).is_err());
    /// ```
    pub fn new(n: usize, k: usize, seed: u64) -> Result<Design> {
        let max_points = MAX_POINTS as usize;
        if !(MIN_ROWS..=max_points).contains(&n) {
            return Err(Error::Sampling(format!(
                "{n} rows per sensitivity matrix; the design takes {MIN_ROWS} to {max_points}"
            )));
        }
        let max_inputs = MAX_DIMENSIONS / 2;
        if k == 0 || k > max_inputs {
            return Err(Error::Sampling(format!(
                "{k} inputs for a sensitivity analysis; it takes 1 to {max_inputs}"
            )));
        }
        Ok(Design {
            n,
            k,
            sobol: Sobol::new(2 * k, seed)?,
        })
    }

    /// Rows per matrix, `n`.
    pub fn rows(&self) -> usize {
        self.n
    }

    /// Inputs, `k`.
    pub fn inputs(&self) -> usize {
        self.k
    }

    /// Model runs the design asks for: `n · (k + 2)` (at most 2¹⁶ · 130, so no overflow).
    pub fn runs(&self) -> usize {
        self.n * (self.k + 2)
    }

    /// Writes the point of run `run` in [0, 1)ᵏ into `out` (its first `k` slots; the rest are
    /// left as they are). Runs are ordered: the rows of `A` (runs `0..n`), of `B` (`n..2n`),
    /// then of `AB₁`, …, `ABₖ` (`ABᵢ` at runs `(i + 1)·n..(i + 2)·n`, inputs counted from 1).
    /// A run from [`Design::runs`] on writes nothing.
    ///
    /// ```
    /// use index_core::sensitivity::Design;
    /// let d = Design::new(4, 2, 9).unwrap();
    /// let (mut a, mut b, mut ab2) = ([0.0; 2], [0.0; 2], [0.0; 2]);
    /// d.point(1, &mut a); // row 1 of A
    /// d.point(4 + 1, &mut b); // row 1 of B
    /// d.point(3 * 4 + 1, &mut ab2); // row 1 of AB₂: A's first column, B's second
    /// assert_eq!(ab2, [a[0], b[1]]);
    /// ```
    pub fn point(&self, run: usize, out: &mut [f64]) {
        if run >= self.runs() {
            return;
        }
        let (block, row) = (run / self.n, run % self.n);
        // `row < n ≤ MAX_POINTS`, so it fits in a u32.
        let row = row as u32;
        for (column, slot) in out.iter_mut().take(self.k).enumerate() {
            // Block 0 is A (dimensions 0..k), block 1 is B (k..2k), block i + 2 is ABᵢ₊₁.
            let from_b = block == 1 || block == column + 2;
            let dim = if from_b { self.k + column } else { column };
            if let Some(x) = self.sobol.coordinate(row, dim) {
                *slot = x;
            }
        }
    }
}

/// One input's sensitivity indices.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Index {
    /// First-order index `Sᵢ` (Saltelli et al. 2010): the share of the output variance the
    /// input explains alone.
    pub first: f64,
    /// Total-effect index `STᵢ` (Jansen 1999): the share it explains alone and through its
    /// interactions with the other inputs.
    pub total: f64,
    /// Bootstrap interval of `Sᵢ`, 5th to 95th percentile; `None` without bootstrap.
    pub first_ci: Option<(f64, f64)>,
    /// Bootstrap interval of `STᵢ`, 5th to 95th percentile; `None` without bootstrap.
    pub total_ci: Option<(f64, f64)>,
}

/// The estimates of [`estimate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// `V`: the sample variance of the outputs of `A` and `B` (COINr's `Variance`).
    pub variance: f64,
    /// One entry per input, in the design's order.
    pub indices: Vec<Index>,
}

/// Sensitivity indices from the outputs of a design's runs, in run order (see
/// [`Design::point`]), with `bootstrap` replicates for the intervals (0 for none), drawn from
/// `seed`. The formulas are in the [module](self) documentation.
///
/// # Errors
/// [`Error::Sampling`] when `outputs` does not hold one value per run, an output is not
/// finite, `bootstrap` is above [`MAX_BOOTSTRAP`], or the outputs are so large that a sum
/// overflows.
pub fn estimate(
    design: &Design,
    outputs: &[f64],
    bootstrap: usize,
    seed: u64,
) -> Result<Sensitivity> {
    if outputs.len() != design.runs() {
        return Err(Error::Sampling(format!(
            "{} outputs for a sensitivity design of {} runs",
            outputs.len(),
            design.runs()
        )));
    }
    if let Some(run) = outputs.iter().position(|y| !y.is_finite()) {
        return Err(Error::Sampling(format!(
            "the output of run {run} is not a finite number"
        )));
    }
    if bootstrap > MAX_BOOTSTRAP {
        return Err(Error::Sampling(format!(
            "{bootstrap} bootstrap replicates; at most {MAX_BOOTSTRAP}"
        )));
    }
    let n = design.n;
    // Centre the outputs on A's and B's mean: the first-order sum's expectation is unchanged
    // (mean(y_AB_i − y_A) has expectation 0), but its spread no longer grows with the outputs'
    // mean (uncentred, Ishigami + 1000 gives S1's interval −4.8…5.4 instead of 0.29…0.34).
    // The total-effect sum and the variance read differences only and do not move.
    let mean = outputs.iter().take(2 * n).sum::<f64>() / (2 * n) as f64;
    let centred: Vec<f64> = outputs.iter().map(|y| y - mean).collect();
    let mut blocks = centred.chunks_exact(n);
    let (Some(y_a), Some(y_b)) = (blocks.next(), blocks.next()) else {
        // Unreachable: the length is n·(k + 2) with n ≥ 2.
        return Err(Error::Sampling("no outputs for A and B".into()));
    };
    let y_ab: Vec<&[f64]> = blocks.collect();
    let variance = sample_variance(y_a.iter().chain(y_b));

    let all_rows: Vec<usize> = (0..n).collect();
    let mut indices: Vec<Index> = y_ab
        .iter()
        .map(|y_abi| {
            let (first, total) = indices_over(&all_rows, y_a, y_b, y_abi, variance);
            Index {
                first,
                total,
                first_ci: None,
                total_ci: None,
            }
        })
        .collect();

    if bootstrap > 0 {
        let mut rng = SplitMix64(seed);
        let mut rows = vec![0; n];
        let mut firsts = vec![Vec::with_capacity(bootstrap); y_ab.len()];
        let mut totals = vec![Vec::with_capacity(bootstrap); y_ab.len()];
        for _ in 0..bootstrap {
            for row in rows.iter_mut() {
                *row = rng.below(n);
            }
            for ((y_abi, first), total) in y_ab.iter().zip(&mut firsts).zip(&mut totals) {
                let (s, st) = indices_over(&rows, y_a, y_b, y_abi, variance);
                first.push(s);
                total.push(st);
            }
        }
        for ((index, first), total) in indices.iter_mut().zip(&mut firsts).zip(&mut totals) {
            index.first_ci = Some(interval(first));
            index.total_ci = Some(interval(total));
        }
    }

    let finite = |x: &f64| x.is_finite();
    let all_finite = variance.is_finite()
        && indices.iter().all(|i| {
            [i.first, i.total].iter().all(finite)
                && [i.first_ci, i.total_ci]
                    .iter()
                    .flatten()
                    .all(|(lo, hi)| lo.is_finite() && hi.is_finite())
        });
    if !all_finite {
        return Err(Error::Sampling(
            "the outputs are too large in magnitude to estimate their variance".into(),
        ));
    }
    Ok(Sensitivity { variance, indices })
}

/// `(Sᵢ, STᵢ)` over the rows `rows` (all rows, or a bootstrap resample): the module's formulas
/// with `n = rows.len()`, and 0 for both when `variance` is 0.
fn indices_over(
    rows: &[usize],
    y_a: &[f64],
    y_b: &[f64],
    y_abi: &[f64],
    variance: f64,
) -> (f64, f64) {
    if variance == 0.0 || rows.is_empty() {
        return (0.0, 0.0);
    }
    let (mut first, mut total) = (0.0, 0.0);
    for &j in rows {
        if let (Some(a), Some(b), Some(ab)) = (y_a.get(j), y_b.get(j), y_abi.get(j)) {
            first += b * (ab - a);
            total += (a - ab) * (a - ab);
        }
    }
    let n = rows.len() as f64;
    (first / (n * variance), total / (2.0 * n * variance))
}

/// Sample variance, denominator `m − 1` (R's `var`); 0 for fewer than two values.
fn sample_variance<'a>(values: impl Iterator<Item = &'a f64> + Clone) -> f64 {
    let (count, sum) = values
        .clone()
        .fold((0usize, 0.0), |(c, s), y| (c + 1, s + y));
    if count < 2 {
        return 0.0;
    }
    let mean = sum / count as f64;
    let squares: f64 = values.map(|y| (y - mean) * (y - mean)).sum();
    squares / (count - 1) as f64
}

/// The [`INTERVAL`] percentiles of `replicates` (sorted in place).
fn interval(replicates: &mut [f64]) -> (f64, f64) {
    replicates.sort_unstable_by(f64::total_cmp);
    (
        quantile(replicates, INTERVAL.0),
        quantile(replicates, INTERVAL.1),
    )
}

/// R's default (type 7) quantile of sorted values: `h = (m − 1)·p`,
/// `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])`; 0 for no values.
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    let h = last as f64 * p;
    let low = h.floor() as usize;
    let (Some(&x0), x1) = (sorted.get(low), sorted.get(low + 1)) else {
        return 0.0;
    };
    match x1 {
        Some(&x1) => x0 + (h - low as f64) * (x1 - x0),
        None => x0,
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators"):
/// a 64-bit state advanced by the golden-ratio increment and mixed. Small, fast, and the same
/// on every platform; enough for choosing bootstrap rows.
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` by multiply-and-shift (Lemire 2019): `⌊x · bound / 2⁶⁴⌋`. Its
    /// bias, under `bound / 2⁶⁴` (below 4·10⁻¹⁵ for 2¹⁶ rows), is far under what a bootstrap
    /// can show.
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next()) * bound as u128) >> 64) as usize
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;
    use std::f64::consts::PI;

    /// Runs `f` on every point of a design of `n` rows, `k` inputs, and estimates.
    fn run(f: impl Fn(&[f64]) -> f64, n: usize, k: usize, seeds: (u64, u64)) -> Sensitivity {
        let design = Design::new(n, k, seeds.0).unwrap();
        let mut x = vec![0.0; k];
        let outputs: Vec<f64> = (0..design.runs())
            .map(|run| {
                design.point(run, &mut x);
                f(&x)
            })
            .collect();
        estimate(&design, &outputs, 500, seeds.1).unwrap()
    }

    /// Checks one input's estimates against the true `(first, total)` within `tolerance`, and
    /// that the intervals hold the true values of indices of at least `covered`.
    #[track_caller]
    fn check(index: &Index, truth: (f64, f64), tolerance: f64, covered: f64) {
        assert!(
            (index.first - truth.0).abs() < tolerance && (index.total - truth.1).abs() < tolerance,
            "estimated {index:?}, true {truth:?}"
        );
        for (ci, t) in [(index.first_ci, truth.0), (index.total_ci, truth.1)] {
            let (lo, hi) = ci.unwrap();
            assert!(lo <= hi, "{index:?}");
            if t >= covered {
                assert!(lo <= t && t <= hi, "{t} outside {index:?}");
            }
        }
    }

    /// Ishigami's function on [−π, π]³ with `a = 7`, `b = 0.1`, from the unit cube; inputs past
    /// the third are ignored.
    fn ishigami(u: &[f64]) -> f64 {
        let x: Vec<f64> = u.iter().map(|u| -PI + 2.0 * PI * u).collect();
        let (a, b) = (7.0, 0.1);
        x[0].sin() + a * x[1].sin().powi(2) + b * x[2].powi(4) * x[0].sin()
    }

    /// The true `(first, total)` indices of Ishigami's function, from its variances: for `x`
    /// uniform on [−π, π], `E sin² x = 1/2`, `Var sin² x = 3/8 − 1/4 = 1/8`, `E x⁴ = π⁴/5`,
    /// `E x⁸ = π⁸/9`, so `V₁ = (1 + bπ⁴/5)²/2`, `V₂ = a²/8`, `V₃ = 0`,
    /// `V₁₃ = b²/2 · (π⁸/9 − π⁸/25)` and `V = V₁ + V₂ + V₁₃`.
    fn ishigami_truth() -> [(f64, f64); 3] {
        let (a, b) = (7.0, 0.1);
        let v1 = (1.0 + b * PI.powi(4) / 5.0).powi(2) / 2.0;
        let v2 = a * a / 8.0;
        let v13 = b * b / 2.0 * (PI.powi(8) / 9.0 - PI.powi(8) / 25.0);
        let v = v1 + v2 + v13;
        [(v1 / v, (v1 + v13) / v), (v2 / v, v2 / v), (0.0, v13 / v)]
    }

    #[test]
    fn ishigami_truth_is_the_published_one() {
        // The four-decimal values the sensitivity literature quotes for a = 7, b = 0.1: checks
        // the closed forms above, not the estimator.
        let t = ishigami_truth();
        let want = [(0.3139, 0.5576), (0.4424, 0.4424), (0.0, 0.2437)];
        for (got, want) in t.iter().zip(want) {
            assert!((got.0 - want.0).abs() < 5e-5 && (got.1 - want.1).abs() < 5e-5);
        }
    }

    /// With 2¹³ rows (40 960 runs) the estimates are within 0.01 of the true indices (they
    /// came out within 0.003), and the 5–95 % intervals hold the true values of the indices
    /// above 0.2.
    ///
    /// For comparison, SALib's getting-started example (Saltelli sampling, N = 1000 with second
    /// order, 8 000 runs) prints S = 0.308, 0.448, −0.004 and ST = 0.560, 0.439, 0.243, as
    /// shown in the run at
    /// <https://cocalc.com/share/public_paths/88256bc40ae5a010359de34833302adc5323476d>.
    #[test]
    fn ishigami_indices() {
        let s = run(ishigami, 1 << 13, 3, (2026, 1));
        for (index, truth) in s.indices.iter().zip(ishigami_truth()) {
            check(index, truth, 0.01, 0.2);
        }
    }

    #[test]
    fn a_constant_added_to_the_output_changes_nothing() {
        // Uncentred, Ishigami + 1000 gave S1's interval −4.8…5.4 (see "Decisions").
        let plain = run(ishigami, 1 << 12, 3, (9, 3));
        let shifted = run(|x| ishigami(x) + 1000.0, 1 << 12, 3, (9, 3));
        for (p, q) in plain.indices.iter().zip(&shifted.indices) {
            assert!((p.first - q.first).abs() < 1e-9 && (p.total - q.total).abs() < 1e-9);
            let (lo, hi) = q.first_ci.unwrap();
            assert!(hi - lo < 0.1, "interval {lo}…{hi}");
        }
    }

    #[test]
    fn an_ignored_input_has_no_effect() {
        // Ishigami with a fourth input it ignores: its indices are 0, the others unchanged.
        let s = run(ishigami, 1 << 13, 4, (7, 2));
        let truth = ishigami_truth();
        for (index, truth) in s.indices.iter().zip(truth.iter().chain([&(0.0, 0.0)])) {
            check(index, *truth, 0.01, 0.2);
        }
        // A deterministic model that ignores x₄ gives y_AB₄ = y_A run for run, so both sums,
        // and every bootstrap replicate of them, are exactly 0.
        let ignored = s.indices[3];
        assert_eq!((ignored.first, ignored.total), (0.0, 0.0));
        assert_eq!(ignored.first_ci, Some((0.0, 0.0)));
    }

    #[test]
    fn additive_model_by_hand() {
        // y = x₁ + 2·x₂ + 3·x₃: Var xᵢ = 1/12, so the shares are 1 : 4 : 9 of 14, and with no
        // interactions first and total indices agree.
        let s = run(|x| x[0] + 2.0 * x[1] + 3.0 * x[2], 1 << 12, 3, (3, 3));
        for (index, share) in s.indices.iter().zip([1.0, 4.0, 9.0]) {
            check(index, (share / 14.0, share / 14.0), 0.01, 0.05);
        }
        // V = 14/12 (A and B together hold 2n draws of y).
        assert!((s.variance - 14.0 / 12.0).abs() < 0.01, "{}", s.variance);
    }

    #[test]
    fn constant_output_gives_zero_indices() {
        let s = run(|_| 3.5, 16, 2, (1, 1));
        assert_eq!(s.variance, 0.0);
        for index in &s.indices {
            assert_eq!((index.first, index.total), (0.0, 0.0));
            assert_eq!(
                (index.first_ci, index.total_ci),
                (Some((0.0, 0.0)), Some((0.0, 0.0)))
            );
        }
    }

    #[test]
    fn design_points_follow_the_run_order() {
        let (n, k) = (8, 3);
        let d = Design::new(n, k, 5).unwrap();
        let sobol = Sobol::new(2 * k, 5).unwrap();
        let mut p = vec![0.0; 2 * k];
        let mut x = vec![0.0; k];
        for row in 0..n {
            sobol.point(row as u32, &mut p);
            d.point(row, &mut x);
            assert_eq!(x, p[..k]);
            d.point(n + row, &mut x);
            assert_eq!(x, p[k..]);
            for i in 0..k {
                d.point((i + 2) * n + row, &mut x);
                let mut want = p[..k].to_vec();
                want[i] = p[k + i];
                assert_eq!(x, want, "AB{} row {row}", i + 1);
            }
        }
        // Past the last run, and into a short or long buffer: no panic, nothing beyond k.
        let mut x = [9.0; 5];
        d.point(d.runs(), &mut x);
        assert_eq!(x, [9.0; 5]);
        d.point(0, &mut x);
        assert_eq!(x[3..], [9.0, 9.0]);
        d.point(0, &mut x[..1]);
    }

    #[test]
    fn seeds_decide_everything() {
        let f = |x: &[f64]| x[0] * x[1] + x[1];
        let s = run(f, 256, 2, (11, 1));
        assert_eq!(s, run(f, 256, 2, (11, 1)));
        // Another bootstrap seed: the same estimates, other intervals.
        let other = run(f, 256, 2, (11, 2));
        for (a, b) in s.indices.iter().zip(&other.indices) {
            assert_eq!((a.first, a.total), (b.first, b.total));
            assert_ne!((a.first_ci, a.total_ci), (b.first_ci, b.total_ci));
        }
        // Another design seed: other points, other estimates.
        assert_ne!(s.indices, run(f, 256, 2, (12, 1)).indices);
    }

    /// Pinned, so that the browser and the CLI are held to the same numbers: a polynomial (no
    /// `sin`, whose last bit may differ between platforms' maths libraries). Each input reads
    /// `S ST ST-interval`; the true indices are S = 0.262, 0.728 and ST = 0.272, 0.738
    /// (`V₁ = 1.5²/12`, `V₂ = 2.5²/12`, `V₁₂ = 1/144`), from which 64 rows are this far.
    #[test]
    fn estimates_are_pinned() {
        let s = run(|x| x[0] + 2.0 * x[1] + x[0] * x[1], 64, 2, (2026, 2026));
        let text: Vec<String> = s
            .indices
            .iter()
            .map(|i| {
                let (lo, hi) = i.total_ci.unwrap();
                format!("{:.6} {:.6} {lo:.6} {hi:.6}", i.first, i.total)
            })
            .collect();
        assert_eq!(
            text.join(" | "),
            "0.265505 0.269966 0.195365 0.352650 | 0.726568 0.730675 0.539213 0.932887"
        );
    }

    #[test]
    fn no_bootstrap_no_intervals() {
        let d = Design::new(4, 1, 1).unwrap();
        let s = estimate(
            &d,
            &[1.0, 2.0, 3.0, 4.0, 2.0, 3.0, 4.0, 5.0, 2.0, 3.0, 4.0, 5.0],
            0,
            1,
        )
        .unwrap();
        assert_eq!(s.indices[0].first_ci, None);
        assert_eq!(s.indices[0].total_ci, None);
    }

    #[test]
    fn indices_by_hand() {
        // n = 2, k = 1: y_A = (0, 2), y_B = (1, 3), y_AB₁ = (1, 3) (y depends on x₁ alone).
        // V = var(0, 2, 1, 3) = 5/3. Centred on 1.5: y_A = (−1.5, 0.5), y_B = y_AB₁ = (−0.5, 1.5),
        // S₁ = (−0.5·1 + 1.5·1)/2 / V = 3/10; ST₁ = (1 + 1)/4 / V = 3/10.
        let d = Design::new(2, 1, 1).unwrap();
        let s = estimate(&d, &[0.0, 2.0, 1.0, 3.0, 1.0, 3.0], 0, 1).unwrap();
        assert!((s.variance - 5.0 / 3.0).abs() < 1e-15);
        assert!((s.indices[0].first - 0.3).abs() < 1e-15);
        assert!((s.indices[0].total - 0.3).abs() < 1e-15);
    }

    #[test]
    fn quantiles_as_r_computes_them() {
        // R: quantile(1:10, c(0.05, 0.95)) gives 1.45 and 9.55.
        let mut x: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let (lo, hi) = interval(&mut x);
        assert!((lo - 1.45).abs() < 1e-12 && (hi - 9.55).abs() < 1e-12);
        assert_eq!(quantile(&[4.0], 0.95), 4.0);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever the outputs (any bits: NaN, infinities, 1e308), `estimate` returns finite
        /// indices or an error, never panics; totals and the variance are never negative and
        /// every interval is ordered.
        #[test]
        fn any_outputs_give_finite_indices_or_an_error(
            (n, k) in (2usize..12, 1usize..4),
            bits in proptest::collection::vec(proptest::prelude::any::<u64>(), 14 * 5),
            small in proptest::prelude::any::<bool>(),
            bootstrap in 0usize..20,
            seed in proptest::prelude::any::<u64>(),
        ) {
            let design = Design::new(n, k, seed).unwrap();
            let outputs: Vec<f64> = bits
                .iter()
                .cycle()
                .take(design.runs())
                // Either any f64, or a small integer, so that most cases get past the checks.
                .map(|b| if small { (b % 7) as f64 } else { f64::from_bits(*b) })
                .collect();
            if let Ok(s) = estimate(&design, &outputs, bootstrap, seed) {
                proptest::prop_assert!(s.variance.is_finite() && s.variance >= 0.0);
                proptest::prop_assert_eq!(s.indices.len(), k);
                for i in &s.indices {
                    proptest::prop_assert!(i.first.is_finite() && i.total >= 0.0, "{:?}", i);
                    for (lo, hi) in [i.first_ci, i.total_ci].into_iter().flatten() {
                        proptest::prop_assert!(lo <= hi && lo.is_finite() && hi.is_finite());
                    }
                }
            }
        }
    }

    #[test]
    fn bounds_and_bad_outputs_are_errors() {
        let max = MAX_POINTS as usize;
        for (n, k) in [
            (1, 2),
            (0, 2),
            (max + 1, 2),
            (16, 0),
            (16, MAX_DIMENSIONS / 2 + 1),
        ] {
            assert!(
                matches!(Design::new(n, k, 1), Err(Error::Sampling(_))),
                "n = {n}, k = {k}"
            );
        }
        assert!(Design::new(max, MAX_DIMENSIONS / 2, 1).is_ok());

        let d = Design::new(4, 2, 1).unwrap();
        let good = vec![1.0; d.runs()];
        let err = |outputs: &[f64], bootstrap| match estimate(&d, outputs, bootstrap, 1) {
            Err(Error::Sampling(message)) => message,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            err(&good[1..], 0),
            "15 outputs for a sensitivity design of 16 runs"
        );
        assert_eq!(
            err(&[good.clone(), vec![1.0]].concat(), 0),
            "17 outputs for a sensitivity design of 16 runs"
        );
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut outputs = good.clone();
            outputs[9] = bad;
            assert_eq!(
                err(&outputs, 0),
                "the output of run 9 is not a finite number"
            );
        }
        assert!(err(&good, MAX_BOOTSTRAP + 1).contains("bootstrap"));
        assert!(estimate(&d, &good, MAX_BOOTSTRAP, 1).is_ok());
        // Finite but enormous: the variance overflows.
        let huge: Vec<f64> = (0..d.runs())
            .map(|i| if i % 2 == 0 { 1e300 } else { -1e300 })
            .collect();
        assert!(err(&huge, 10).contains("too large"));
    }
}
