//! Outlier treatment: the GII/JRC rule as COINr's `Treat` applies it by default.
//!
//! An indicator **passes** when `|skewness| < 2` **or** `kurtosis < 3.5` (the type-2 estimators
//! of [`crate::stats::skew_kurtosis`]). A failing indicator is winsorised step by step:
//!
//! 1. if skewness ≥ 0, every value equal to the current maximum is replaced by the largest value
//!    strictly below it; otherwise every value equal to the current minimum is replaced by the
//!    smallest value strictly above it;
//! 2. `n` = (values replaced in the latest high-side step) + (values replaced in the latest
//!    low-side step);
//! 3. stop when the indicator passes or `n ≥ max_winsorised` (default 5).
//!
//! With distinct values this clamps the top *k* values to the (k+1)-th, k ≤ 5. If the indicator
//! still fails, the winsorised values are discarded and the original values are transformed with
//! `ln(x − min + 0.01·(max − min))`; with `mirror_negative` and negative skew, with the mirrored
//! `−ln(max + 0.01·(max − min) − x)` instead, which keeps the order of values.

use serde::Serialize;

use crate::method::Treatment;
use crate::stats::{self, skew_kurtosis};

/// What outlier treatment did to one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum TreatmentOutcome {
    /// No treatment was asked for.
    NotAsked,
    /// Fewer than 4 values: skewness and kurtosis cannot be estimated, so nothing was done.
    TooFewValues,
    /// Passed as it was.
    Passed {
        /// Skewness.
        skew: f64,
        /// Excess kurtosis.
        kurtosis: f64,
    },
    /// Winsorised until it passed.
    Winsorised {
        /// Values lowered at the high end.
        high: usize,
        /// Values raised at the low end.
        low: usize,
        /// Skewness after.
        skew: f64,
        /// Kurtosis after.
        kurtosis: f64,
    },
    /// Winsorising did not make it pass within the limit, so the original values were
    /// log-transformed.
    LogTransformed {
        /// Whether the mirrored transform was used (negative skew).
        mirrored: bool,
        /// Skewness after the transform.
        skew: f64,
        /// Kurtosis after.
        kurtosis: f64,
        /// Whether it passes after the transform.
        passes: bool,
    },
}

impl TreatmentOutcome {
    /// Whether the values were changed.
    pub fn changed(&self) -> bool {
        matches!(self, Self::Winsorised { .. } | Self::LogTransformed { .. })
    }
}

fn passes(sk: (f64, f64), skew: f64, kurtosis: f64) -> bool {
    sk.0.abs() < skew || sk.1 < kurtosis
}

/// Treats one column in place (NaN = missing, left alone) and says what was done.
pub fn treat_column(col: &mut [f64], treatment: &Treatment) -> TreatmentOutcome {
    let Treatment::Winsorise {
        max_winsorised,
        skew,
        kurtosis,
        mirror_negative,
    } = *treatment
    else {
        return TreatmentOutcome::NotAsked;
    };
    let Some(mut sk) = skew_kurtosis(col) else {
        return TreatmentOutcome::TooFewValues;
    };
    if passes(sk, skew, kurtosis) {
        return TreatmentOutcome::Passed {
            skew: sk.0,
            kurtosis: sk.1,
        };
    }
    let original_skew = sk.0;
    let mut work = col.to_vec();
    let mut ends = Ends::of(&work);
    // The original values' range, for the log transform.
    let (lo, hi) = (ends.lo, ends.hi);
    let (mut last_high, mut last_low) = (0, 0);
    loop {
        let high_side = sk.0 >= 0.0;
        let Some((extreme, next)) = ends.step(high_side) else {
            break; // every value is equal: nothing left to clamp
        };
        // One pass replaces the extreme and sums for the mean, a second sums the powers of
        // deviations (in `skew_kurtosis`'s order, so the figures are identical) and finds the
        // ends for the next step.
        let (mut replaced, mut n, mut sum) = (0, 0usize, 0.0);
        for x in work.iter_mut() {
            if *x == extreme {
                *x = next;
                replaced += 1;
            }
            if x.is_finite() {
                n += 1;
                sum += *x;
            }
        }
        if high_side {
            last_high = replaced;
        } else {
            last_low = replaced;
        }
        let (s, e) = moments_and_ends(&work, n, sum, true);
        ends = e;
        sk = s.unwrap_or((0.0, 0.0));
        if passes(sk, skew, kurtosis) {
            let high = work.iter().zip(col.iter()).filter(|(w, x)| w < x).count();
            let low = work.iter().zip(col.iter()).filter(|(w, x)| w > x).count();
            col.copy_from_slice(&work);
            return TreatmentOutcome::Winsorised {
                high,
                low,
                skew: sk.0,
                kurtosis: sk.1,
            };
        }
        if last_high + last_low >= max_winsorised as usize {
            break;
        }
    }
    // Still failing: log-transform the original values (summing them for the mean as
    // `skew_kurtosis` does).
    let a = 0.01 * (hi - lo);
    let mirrored = mirror_negative && original_skew < 0.0;
    let (mut n, mut sum) = (0usize, 0.0);
    for x in col.iter_mut().filter(|x| x.is_finite()) {
        let t = if mirrored {
            -(hi + a - *x).ln()
        } else {
            (*x - lo + a).ln()
        };
        *x = crate::matrix::finite_or_missing(t);
        if x.is_finite() {
            n += 1;
            sum += *x;
        }
    }
    let sk = skew_kurtosis_given_sum(col, n, sum).unwrap_or((0.0, 0.0));
    TreatmentOutcome::LogTransformed {
        mirrored,
        skew: sk.0,
        kurtosis: sk.1,
        passes: passes(sk, skew, kurtosis),
    }
}

/// [`skew_kurtosis`] of `col`, bit for bit, given the count and sum of its present values
/// (gathered, in column order, while they were written).
fn skew_kurtosis_given_sum(col: &[f64], n: usize, sum: f64) -> Option<(f64, f64)> {
    moments_and_ends(col, n, sum, false).0
}

/// [`skew_kurtosis_given_sum`], and with `track` the column's [`Ends`] found in the same pass.
fn moments_and_ends(col: &[f64], n: usize, sum: f64, track: bool) -> (Option<(f64, f64)>, Ends) {
    let m = sum / n as f64;
    let mut ends = Ends::default();
    if m.is_finite() {
        let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
        for &v in col.iter().filter(|v| v.is_finite()) {
            let d = v - m;
            let d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
            if track {
                ends.add(v);
            }
        }
        match stats::from_sums(n, m, m2, m3, m4) {
            Some(Some(sk)) => return (Some(sk), ends),
            None => return (None, ends),
            Some(None) => {} // a sum overflowed
        }
    } else if track {
        ends = Ends::of(col);
    }
    // Overflow: the general function's own handling (on the same values).
    (skew_kurtosis(col), ends)
}

/// The two highest and two lowest distinct present values of a column: what a winsorisation
/// step replaces, and with what.
#[derive(Debug, Clone, Copy)]
struct Ends {
    lo: f64,
    above_lo: f64,
    hi: f64,
    below_hi: f64,
}

impl Default for Ends {
    fn default() -> Self {
        Ends {
            lo: f64::INFINITY,
            above_lo: f64::INFINITY,
            hi: f64::NEG_INFINITY,
            below_hi: f64::NEG_INFINITY,
        }
    }
}

impl Ends {
    fn of(col: &[f64]) -> Self {
        let mut e = Ends::default();
        for &v in col.iter().filter(|v| v.is_finite()) {
            e.add(v);
        }
        e
    }

    fn add(&mut self, v: f64) {
        if v > self.hi {
            self.below_hi = self.hi;
            self.hi = v;
        } else if v < self.hi && v > self.below_hi {
            self.below_hi = v;
        }
        if v < self.lo {
            self.above_lo = self.lo;
            self.lo = v;
        } else if v > self.lo && v < self.above_lo {
            self.above_lo = v;
        }
    }

    /// At the high end: every value equal to the maximum is replaced by the largest value
    /// strictly below it; at the low end, the minimum by the smallest value strictly above it.
    /// `None` when there is no such value.
    fn step(&self, high_side: bool) -> Option<(f64, f64)> {
        let (extreme, next) = if high_side {
            (self.hi, self.below_hi)
        } else {
            (self.lo, self.above_lo)
        };
        (extreme.is_finite() && next.is_finite()).then_some((extreme, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn winsor(limit: u32) -> Treatment {
        Treatment::Winsorise {
            max_winsorised: limit,
            skew: 2.0,
            kurtosis: 3.5,
            mirror_negative: false,
        }
    }

    #[test]
    fn one_outlier_is_clamped_to_the_next_value() {
        // 1..=19 and 1000: skew ≈ 4.47, kurtosis ≈ 20 → fails; one step clamps 1000 to 19.
        let mut col: Vec<f64> = (1..=19).map(f64::from).collect();
        col.push(1000.0);
        let out = treat_column(&mut col, &winsor(5));
        assert!(
            matches!(
                out,
                TreatmentOutcome::Winsorised {
                    high: 1,
                    low: 0,
                    ..
                }
            ),
            "{out:?}"
        );
        assert_eq!(col[19], 19.0);
        assert_eq!(col[18], 19.0);
        assert_eq!(col[0], 1.0);
    }

    fn powers_of_two() -> Vec<f64> {
        (0..20).map(|i| 2f64.powi(i)).collect()
    }

    #[test]
    fn clamps_the_top_k_to_the_next_value() {
        // 1, 2, 4, …, 2¹⁹: skew 4.2 → step 1 clamps 2¹⁹ to 2¹⁸ (n = 1), still failing; step 2
        // clamps both 2¹⁸ to 2¹⁷ (n = 2) and it passes (skew ≈ 1.998, checked against a
        // direct computation of the type-2 estimators).
        let mut col = powers_of_two();
        let out = treat_column(&mut col, &winsor(5));
        assert!(
            matches!(
                out,
                TreatmentOutcome::Winsorised {
                    high: 2,
                    low: 0,
                    ..
                }
            ),
            "{out:?}"
        );
        assert_eq!(&col[17..], &[131072.0; 3]);
        assert_eq!(&col[..17], &powers_of_two()[..17]);
    }

    #[test]
    fn stops_at_the_limit_then_log_transforms_the_original() {
        // With a limit of 1, the first step (n = 1) does not make it pass: fall back to
        // ln(x − min + 0.01·(max − min)) on the original values.
        let mut col = powers_of_two();
        let out = treat_column(&mut col, &winsor(1));
        let TreatmentOutcome::LogTransformed {
            mirrored: false, ..
        } = out
        else {
            panic!("expected log transform, got {out:?}");
        };
        let (lo, hi) = (1.0, 2f64.powi(19));
        let a = 0.01 * (hi - lo);
        for (t, x) in col.iter().zip(powers_of_two()) {
            assert!((t - (x - lo + a).ln()).abs() < 1e-12);
        }
    }

    #[test]
    fn negative_skew_winsorises_the_low_end() {
        let mut col: Vec<f64> = (1..=19).map(|v| 100.0 + f64::from(v)).collect();
        col.push(-1000.0);
        let out = treat_column(&mut col, &winsor(5));
        assert!(
            matches!(
                out,
                TreatmentOutcome::Winsorised {
                    high: 0,
                    low: 1,
                    ..
                }
            ),
            "{out:?}"
        );
        assert_eq!(col[19], 101.0);
    }

    #[test]
    fn passing_small_and_untreated_columns_are_left_alone() {
        let mut col = vec![1.0, 2.0, 3.0, 4.0, 5.0];
        assert!(matches!(
            treat_column(&mut col, &winsor(5)),
            TreatmentOutcome::Passed { .. }
        ));
        assert_eq!(col, vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        let mut small = vec![1.0, 1e9, f64::NAN];
        assert_eq!(
            treat_column(&mut small, &winsor(5)),
            TreatmentOutcome::TooFewValues
        );
        assert_eq!(
            treat_column(&mut col, &Treatment::None),
            TreatmentOutcome::NotAsked
        );
    }

    #[test]
    fn mirrored_log_keeps_order_for_negative_skew() {
        let mut col: Vec<f64> = powers_of_two().iter().map(|v| -v).collect();
        let t = Treatment::Winsorise {
            max_winsorised: 1,
            skew: 2.0,
            kurtosis: 3.5,
            mirror_negative: true,
        };
        let out = treat_column(&mut col, &t);
        assert!(
            matches!(out, TreatmentOutcome::LogTransformed { mirrored: true, .. }),
            "{out:?}"
        );
        assert!(col.windows(2).all(|w| w[0] > w[1]), "order kept: {col:?}");
    }
}
