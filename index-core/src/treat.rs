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

use crate::kernels::lanes;
use crate::kernels::winsorise::Ends;
use crate::method::Treatment;

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
///
/// Cost (the winsorising is done by `kernels::winsorise`): the first skewness and
/// kurtosis take one pass over the column, as [`crate::stats::skew_kurtosis`] does (two for
/// awkward data). A failing column takes two more (or three), one to find the end it is winsorised at (its `max_winsorised + 1` most extreme
/// distinct values, with their counts) and one for the moments of the other values; each
/// winsorising step then only changes that end and recombines the moments in
/// O(`max_winsorised`). Should winsorising turn to the other end, two more passes track both.
/// Writing the result takes one pass to clamp, or two to log-transform (writing, then the
/// moments of the new values).
pub fn treat_column(col: &mut [f64], treatment: &Treatment) -> TreatmentOutcome {
    treat(col, treatment).outcome
}

/// What [`treat`] did to a column, and what it learnt on the way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Treated {
    /// What was done, as [`treat_column`] says it.
    pub(crate) outcome: TreatmentOutcome,
    /// The same as a transform, to apply again.
    pub(crate) transform: Transform,
    /// Count, minimum and maximum of the present values after treatment, when known (as
    /// [`crate::kernels::lanes::min_max`] would give them): what min-max normalisation needs next.
    pub(crate) range: Option<(usize, f64, f64)>,
}

/// What treatment did to a column's values, to do again on the same values: the identity, a
/// clamp, or a log transform.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Transform {
    /// Left as they were.
    Identity,
    /// Winsorised: clamped to `[floor, ceiling]`.
    Clamp { floor: f64, ceiling: f64 },
    /// Log-transformed with the original range `[lo, hi]`.
    Log { lo: f64, hi: f64, mirrored: bool },
}

impl Transform {
    /// Applies the transform to `col` in place (NaN = missing, left alone).
    pub(crate) fn apply(&self, col: &mut [f64]) {
        match *self {
            Transform::Identity => {}
            Transform::Clamp { floor, ceiling } => {
                clamp(col, floor, ceiling);
            }
            Transform::Log { lo, hi, mirrored } => {
                log_transform(col, lo, hi, mirrored);
            }
        }
    }
}

/// Clamps the present values of `col` to `[floor, ceiling]`; returns how many were lowered and
/// how many raised.
fn clamp(col: &mut [f64], floor: f64, ceiling: f64) -> (usize, usize) {
    let (mut high, mut low) = (0, 0);
    for x in col.iter_mut() {
        if *x > ceiling {
            *x = ceiling;
            high += 1;
        } else if *x < floor {
            *x = floor;
            low += 1;
        }
    }
    (high, low)
}

/// `ln(x − lo + a)`, or mirrored `−ln(hi + a − x)`, with `a = 0.01·(hi − lo)`, on the present
/// values of `col` (a non-finite result is missing).
fn log_transform(col: &mut [f64], lo: f64, hi: f64, mirrored: bool) {
    let a = 0.01 * (hi - lo);
    for x in col.iter_mut().filter(|x| x.is_finite()) {
        let t = if mirrored {
            -(hi + a - *x).ln()
        } else {
            (*x - lo + a).ln()
        };
        *x = crate::matrix::finite_or_missing(t);
    }
}

/// [`treat_column`], with the transform it applied and the range of the values after.
pub(crate) fn treat(col: &mut [f64], treatment: &Treatment) -> Treated {
    let untouched = |outcome, range| Treated {
        outcome,
        transform: Transform::Identity,
        range,
    };
    let Treatment::Winsorise {
        max_winsorised,
        skew,
        kurtosis,
        mirror_negative,
    } = *treatment
    else {
        return untouched(TreatmentOutcome::NotAsked, None);
    };
    let (n, sk) = lanes::skew_kurtosis_n(col);
    let Some(mut sk) = sk else {
        return untouched(TreatmentOutcome::TooFewValues, lanes::range(col, n));
    };
    if passes(sk, skew, kurtosis) {
        let outcome = TreatmentOutcome::Passed {
            skew: sk.0,
            kurtosis: sk.1,
        };
        return untouched(outcome, lanes::range(col, n));
    }
    let original_skew = sk.0;
    let limit = usize::try_from(max_winsorised).unwrap_or(usize::MAX);
    let mut ends = Ends::of(col, n, limit, sk.0 >= 0.0);
    // The original values' range, for the log transform.
    let (lo, hi) = ends.bounds();
    let (mut last_high, mut last_low) = (0, 0);
    loop {
        let high_side = sk.0 >= 0.0;
        let Some(replaced) = ends.step(high_side, col) else {
            break; // every value is equal: nothing left to clamp
        };
        if high_side {
            last_high = replaced;
        } else {
            last_low = replaced;
        }
        sk = ends.skew_kurtosis().unwrap_or((0.0, 0.0));
        if passes(sk, skew, kurtosis) {
            // Every step clamped one end to the next value in, so the winsorised column is the
            // original clamped to the ends now reached (which are values it holds).
            let (floor, ceiling) = ends.bounds();
            let (high, low) = clamp(col, floor, ceiling);
            return Treated {
                outcome: TreatmentOutcome::Winsorised {
                    high,
                    low,
                    skew: sk.0,
                    kurtosis: sk.1,
                },
                transform: Transform::Clamp { floor, ceiling },
                range: Some((n, floor, ceiling)),
            };
        }
        if last_high.saturating_add(last_low) >= limit {
            break;
        }
    }
    // Still failing: log-transform the original values.
    let mirrored = mirror_negative && original_skew < 0.0;
    log_transform(col, lo, hi, mirrored);
    let (n, sk) = lanes::skew_kurtosis_n(col);
    let sk = sk.unwrap_or((0.0, 0.0));
    Treated {
        outcome: TreatmentOutcome::LogTransformed {
            mirrored,
            skew: sk.0,
            kurtosis: sk.1,
            passes: passes(sk, skew, kurtosis),
        },
        transform: Transform::Log { lo, hi, mirrored },
        range: lanes::range(col, n),
    }
}

/// The rule as the module doc states it, applied literally: step by step on the whole column,
/// recomputing skewness and kurtosis with [`crate::stats::skew_kurtosis`] after every step.
/// The reference [`treat_column`] (which winsorises through [`crate::kernels::winsorise`]) is
/// checked against.
#[cfg(test)]
pub(crate) fn winsorise_literally(col: &mut [f64], t: &Treatment) -> TreatmentOutcome {
    use crate::stats::skew_kurtosis;
    let Treatment::Winsorise {
        max_winsorised,
        skew,
        kurtosis,
        mirror_negative,
    } = *t
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
    let present = |w: &[f64]| {
        w.iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect::<Vec<_>>()
    };
    let (lo, hi) = present(col)
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(*v), h.max(*v))
        });
    let mut work = col.to_vec();
    let (mut last_high, mut last_low) = (0, 0);
    loop {
        let values = present(&work);
        let high_side = sk.0 >= 0.0;
        let (extreme, next) = if high_side {
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let below = values.iter().copied().filter(|v| *v < max);
            (max, below.fold(f64::NEG_INFINITY, f64::max))
        } else {
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let above = values.iter().copied().filter(|v| *v > min);
            (min, above.fold(f64::INFINITY, f64::min))
        };
        if !next.is_finite() {
            break;
        }
        let mut replaced = 0;
        for x in work.iter_mut().filter(|x| **x == extreme) {
            *x = next;
            replaced += 1;
        }
        if high_side {
            last_high = replaced;
        } else {
            last_low = replaced;
        }
        sk = skew_kurtosis(&work).unwrap_or((0.0, 0.0));
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
    let a = 0.01 * (hi - lo);
    let mirrored = mirror_negative && original_skew < 0.0;
    for x in col.iter_mut().filter(|x| x.is_finite()) {
        let t = if mirrored {
            -(hi + a - *x).ln()
        } else {
            (*x - lo + a).ln()
        };
        *x = crate::matrix::finite_or_missing(t);
    }
    let sk = skew_kurtosis(col).unwrap_or((0.0, 0.0));
    TreatmentOutcome::LogTransformed {
        mirrored,
        skew: sk.0,
        kurtosis: sk.1,
        passes: passes(sk, skew, kurtosis),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
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

    #[track_caller]
    fn close(a: f64, b: f64, what: &str) {
        assert!(
            (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
            "{what}: {a} vs {b}"
        );
    }

    /// Treats `col` by `treat_column` and by the rule applied literally, and checks that they
    /// agree: the same outcome (skewness and kurtosis within [`close`]) and the same values.
    /// Returns the outcome and the largest relative difference in skewness or kurtosis.
    fn agree_with_literal(col: &[f64], t: &Treatment, case: &str) -> (TreatmentOutcome, f64) {
        let (mut fast, mut slow) = (col.to_vec(), col.to_vec());
        let (a, b) = (
            treat_column(&mut fast, t),
            winsorise_literally(&mut slow, t),
        );
        let mut rel = 0.0;
        match (&a, &b) {
            (
                TreatmentOutcome::Winsorised {
                    high,
                    low,
                    skew,
                    kurtosis,
                },
                TreatmentOutcome::Winsorised {
                    high: h,
                    low: l,
                    skew: s,
                    kurtosis: k,
                },
            ) => {
                assert_eq!((high, low), (h, l), "{case}");
                close(*skew, *s, "skew");
                close(*kurtosis, *k, "kurtosis");
                rel = (skew - s)
                    .abs()
                    .max((kurtosis - k).abs() / k.abs().max(1.0));
            }
            _ => assert_eq!(a, b, "{case}"),
        }
        assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{case}");
        (a, rel)
    }

    #[test]
    fn agrees_with_the_rule_applied_literally() {
        use rand_chacha::rand_core::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let mut unit = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let (mut winsorised, mut logged, mut worst) = (0, 0, 0.0f64);
        for case in 0..3000 {
            let n = 4 + (unit() * 300.0) as usize;
            let shape = case % 8;
            let mut col: Vec<f64> = (0..n)
                .map(|_| {
                    let u = unit();
                    let v = match shape {
                        0 => (3.0 * (u - 0.5)).exp() * 10.0,
                        1 => (8.0 * u).exp(),  // very skewed
                        2 => -(8.0 * u).exp(), // negative skew
                        3 => (unit() * 6.0).floor() * (1.0 + 99.0 * u.powi(20)), // ties
                        4 => 1e300 * (4.0 * u).exp() * if u > 0.5 { 1.0 } else { -0.1 },
                        5 => 1e6 + (12.0 * u).exp(), // offset far from zero
                        6 => u.powi(30) * 1e12 - 5.0,
                        _ => (u * 4.0).floor(), // few distinct values
                    };
                    if unit() < 0.05 {
                        f64::NAN
                    } else {
                        v
                    }
                })
                .collect();
            if case % 13 == 0 {
                col.push(1e9); // one far outlier
            }
            let limit = [0, 1, 2, 5, 5, 5, 9, 40][case % 8];
            let t = Treatment::Winsorise {
                max_winsorised: limit,
                skew: 2.0,
                kurtosis: 3.5,
                mirror_negative: case % 3 == 0,
            };
            match agree_with_literal(&col, &t, &format!("case {case}")) {
                (TreatmentOutcome::Winsorised { .. }, rel) => {
                    winsorised += 1;
                    if shape != 5 {
                        // (Offset data loses digits in any method: see the next test.)
                        worst = worst.max(rel);
                    }
                }
                (TreatmentOutcome::LogTransformed { .. }, _) => logged += 1,
                _ => {}
            }
        }
        assert!(
            winsorised > 300 && logged > 300,
            "{winsorised} winsorised, {logged} logged"
        );
        assert!(
            worst < 1e-12,
            "worst difference in skewness or kurtosis {worst:e}"
        );
    }

    #[test]
    fn offset_data_keeps_its_digits() {
        // 1e6 + e^(12u): deviations far below the values' size, where a method that works with
        // the mean loses digits. Skewness and kurtosis do not change with a shift, and x − 1e6
        // is exact here (Sterbenz), so the rule applied literally to the shifted column gives
        // the reference.
        use rand_chacha::rand_core::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let mut unit = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let (mut ours, mut theirs, mut compared) = (0.0f64, 0.0f64, 0);
        for _ in 0..400 {
            let n = 8 + (unit() * 200.0) as usize;
            let col: Vec<f64> = (0..n).map(|_| 1e6 + (12.0 * unit()).exp()).collect();
            let shifted: Vec<f64> = col.iter().map(|v| v - 1e6).collect();
            let t = winsor(5);
            let stats = |o: TreatmentOutcome| match o {
                TreatmentOutcome::Winsorised { skew, kurtosis, .. } => Some((skew, kurtosis)),
                _ => None,
            };
            let r = stats(winsorise_literally(&mut shifted.clone(), &t));
            let a = stats(treat_column(&mut col.clone(), &t));
            let b = stats(winsorise_literally(&mut col.clone(), &t));
            if let (Some(r), Some(a), Some(b)) = (r, a, b) {
                compared += 1;
                ours = ours.max(
                    (a.0 - r.0)
                        .abs()
                        .max((a.1 - r.1).abs() / r.1.abs().max(1.0)),
                );
                theirs = theirs.max(
                    (b.0 - r.0)
                        .abs()
                        .max((b.1 - r.1).abs() / r.1.abs().max(1.0)),
                );
            }
        }
        assert!(compared > 100, "{compared} cases winsorised");
        assert!(
            ours < 1e-13 && ours <= theirs,
            "ours {ours:e}, the rule applied literally {theirs:e}"
        );
    }

    #[test]
    fn turning_to_the_other_end_agrees_with_the_rule() {
        // A high outlier and a low tail: once the outlier is clamped, the skewness turns
        // negative and winsorising goes on at the low end, which is then tracked afresh.
        let mut both_ends = 0;
        for high in [50.0, 100.0, 200.0, 400.0] {
            for tail in 1..8 {
                for low in [-5.0, -8.0, -10.0, -15.0, -20.0] {
                    let mut col: Vec<f64> =
                        (0..40).map(|i| f64::from(i * 37 % 41) / 10.0).collect();
                    col.push(high);
                    col.extend((0..tail).map(|j| low - f64::from(j)));
                    let case = format!("{high} {tail} {low}");
                    if let (TreatmentOutcome::Winsorised { high, low, .. }, _) =
                        agree_with_literal(&col, &winsor(5), &case)
                    {
                        both_ends += usize::from(high > 0 && low > 0);
                    }
                }
            }
        }
        assert!(both_ends > 20, "{both_ends} cases winsorised at both ends");
    }
}
