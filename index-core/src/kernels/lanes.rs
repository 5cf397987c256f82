//! Column kernels that keep [`LANES`] independent partial sums (or counts, or extremes), added
//! together at the end, so that their loops vectorise rather than wait on one running sum; and
//! the one-pass skewness and kurtosis built on them.
//!
//! Plain counterparts in [`crate::stats`]: a count, a left-to-right sum, a fold for the extremes,
//! the two-pass skewness and kurtosis the type-2 formulas describe. Counts and extremes are the
//! same to the bit; sums differ from a left-to-right sum in the last bits only (the order of
//! summation), which the property tests bound.

use crate::stats::{from_sums, present};

/// Independent partial sums the column kernels below keep, added together at the end, so that
/// their loops vectorise rather than wait on one running sum. (The order of summation differs
/// from a plain left-to-right sum, in the last bits only.)
pub(crate) const LANES: usize = 4;

/// Sum of the lanes, pairwise.
fn lane_total(s: [f64; LANES]) -> f64 {
    (s[0] + s[1]) + (s[2] + s[3])
}

/// Sum of lanes of counts.
fn count_total(n: [u64; LANES]) -> usize {
    n.iter().fold(0usize, |t, k| {
        t.saturating_add(usize::try_from(*k).unwrap_or(usize::MAX))
    })
}

/// Runs `body(lane, x)` on every value of `col`, value `i` in lane `i % LANES`. The kernels'
/// bodies are branch-free (`&` rather than `&&`, bit masks rather than `if`), so that the lanes
/// become vector registers.
#[inline(always)]
fn in_lanes(col: &[f64], mut body: impl FnMut(usize, f64)) {
    let mut chunks = col.chunks_exact(LANES);
    for chunk in &mut chunks {
        for (lane, &x) in chunk.iter().enumerate() {
            body(lane, x);
        }
    }
    for (lane, &x) in chunks.remainder().iter().enumerate() {
        body(lane, x);
    }
}

/// `x` where `keep`, else +0.0: a mask on the bits, not a branch.
#[inline(always)]
fn masked(x: f64, keep: bool) -> f64 {
    f64::from_bits(x.to_bits() & u64::from(keep).wrapping_neg())
}

/// Count, minimum and maximum of the present values; `None` when there are none.
pub(crate) fn min_max(col: &[f64]) -> Option<(usize, f64, f64)> {
    let (n, _) = count_sum_between(col, f64::NEG_INFINITY, f64::INFINITY, 1.0);
    (n > 0).then(|| {
        let (lo, hi) = bounds(col);
        (n, lo, hi)
    })
}

/// Minimum and maximum of the present values (∞ and −∞ when there are none).
fn bounds(col: &[f64]) -> (f64, f64) {
    // Comparisons ignore NaN by themselves; testing for infinities inside the loop would stop it
    // vectorising, so they are looked for after (the pipeline's columns hold none).
    let (mut lo, mut hi) = ([f64::INFINITY; LANES], [f64::NEG_INFINITY; LANES]);
    in_lanes(col, |i, x| {
        lo[i] = if x < lo[i] { x } else { lo[i] };
        hi[i] = if x > hi[i] { x } else { hi[i] };
    });
    let lo = lo.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = hi.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if lo == f64::NEG_INFINITY || hi == f64::INFINITY {
        present(col).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        })
    } else {
        (lo, hi)
    }
}

/// Count and sum of `x·scale` over the values `x` of `col` strictly between `a` and `b` (a
/// missing value, NaN, never is; between −∞ and ∞ are the present values).
pub(crate) fn count_sum_between(col: &[f64], a: f64, b: f64, scale: f64) -> (usize, f64) {
    // (Counts kept as integers: fewer floating-point operations a value.)
    let (mut n, mut s) = ([0u64; LANES], [0.0f64; LANES]);
    if (a, b, scale) == (f64::NEG_INFINITY, f64::INFINITY, 1.0) {
        // The common case, with simpler loop (the same figures).
        in_lanes(col, |i, x| {
            let here = x.is_finite();
            n[i] += u64::from(here);
            s[i] += masked(x, here);
        });
    } else {
        in_lanes(col, |i, x| {
            let inside = (x > a) & (x < b);
            n[i] += u64::from(inside);
            s[i] += masked(x * scale, inside);
        });
    }
    (count_total(n), lane_total(s))
}

/// `[Σd, Σd², Σd³, Σd⁴]` with `d = x·scale − m`, over the values `x` of `col` strictly between
/// `a` and `b`.
pub(crate) fn power_sums_between(col: &[f64], a: f64, b: f64, scale: f64, m: f64) -> [f64; 4] {
    let mut p = [[0.0f64; LANES]; 4];
    if (a, b, scale) == (f64::NEG_INFINITY, f64::INFINITY, 1.0) {
        // The common case, with a simpler loop (the same figures).
        in_lanes(col, |i, x| {
            let d = masked(x - m, x.is_finite());
            let d2 = d * d;
            p[0][i] += d;
            p[1][i] += d2;
            p[2][i] += d2 * d;
            p[3][i] += d2 * d2;
        });
        return p.map(lane_total);
    }
    in_lanes(col, |i, x| {
        let d = masked(x * scale - m, (x > a) & (x < b));
        let d2 = d * d;
        p[0][i] += d;
        p[1][i] += d2;
        p[2][i] += d2 * d;
        p[3][i] += d2 * d2;
    });
    p.map(lane_total)
}

/// Count, minimum and maximum of the present values of `col`, which has `n` of them, as
/// [`min_max`] gives them.
pub(crate) fn range(col: &[f64], n: usize) -> Option<(usize, f64, f64)> {
    (n > 0).then(|| {
        let (lo, hi) = bounds(col);
        (n, lo, hi)
    })
}

/// Count of the values `x` of `col` strictly between `a` and `b` (finite bounds, or both
/// infinite: see below), and `[Σd, Σd², Σd³, Σd⁴]` with `d = x·scale − s` over them.
///
/// Between −∞ and ∞ (scale 1), every value but NaN is taken: testing for NaN alone is quicker,
/// and an infinity, which a pipeline column never holds, makes the sums infinite or NaN, which
/// the caller must check for.
pub(crate) fn shifted_sums_between(
    col: &[f64],
    a: f64,
    b: f64,
    scale: f64,
    s: f64,
) -> (usize, [f64; 4]) {
    let mut n = [0u64; LANES];
    let mut p = [[0.0f64; LANES]; 4];
    let mut add = |i: usize, here: bool, d: f64| {
        let d = masked(d, here);
        let d2 = d * d;
        n[i] += u64::from(here);
        p[0][i] += d;
        p[1][i] += d2;
        p[2][i] += d2 * d;
        p[3][i] += d2 * d2;
    };
    if (a, b, scale) == (f64::NEG_INFINITY, f64::INFINITY, 1.0) {
        in_lanes(col, |i, x| add(i, !x.is_nan(), x - s));
    } else {
        in_lanes(col, |i, x| add(i, (x > a) & (x < b), x * scale - s));
    }
    (count_total(n), p.map(lane_total))
}

/// Central moment sums `[Σ(x − m)², Σ(x − m)³, Σ(x − m)⁴]` from the count `n` and the sums
/// `[S₁, S₂, S₃, S₄]` of powers of `x − s`, with `m = s + δ`, `δ = S₁/n`:
/// `S₂ − nδ²`, `S₃ − 3δS₂ + 2nδ³`, `S₄ − 4δS₃ + 6δ²S₂ − 3nδ⁴`, returned with `δ`. `None` when
/// that would lose more than a few digits (`|δ|` beyond two standard deviations) or a sum is not
/// finite.
pub(crate) fn about_mean(n: usize, [s1, s2, s3, s4]: [f64; 4]) -> Option<(f64, [f64; 3])> {
    let nf = n as f64;
    let d = s1 / nf;
    let m2 = s2 - s1 * d;
    let finite = [s1, s2, s3, s4].iter().all(|v| v.is_finite());
    (n > 0 && finite && d * d * nf <= 4.0 * m2).then(|| {
        let d2 = d * d;
        let m3 = s3 - 3.0 * d * s2 + 2.0 * nf * d2 * d;
        let m4 = s4 - 4.0 * d * s3 + 6.0 * d2 * s2 - 3.0 * nf * d2 * d2;
        (d, [m2, m3, m4])
    })
}

/// [`crate::stats::skew_kurtosis`] of `col`, with the count of its present values.
///
/// One pass sums the powers of deviations from the first present value `s`, and they are turned
/// into sums about the mean `m = s + δ`: `Σ(x − m)² = S₂ − nδ²`, `Σ(x − m)³ = S₃ − 3δS₂ + 2nδ³`,
/// `Σ(x − m)⁴ = S₄ − 4δS₃ + 6δ²S₂ − 3nδ⁴`. That loses digits as `δ` grows against the standard
/// deviation, so it is used only for `|δ|` within two standard deviations (a few digits of the
/// sixteen at worst); otherwise, or when a sum overflows, a second pass sums about the mean.
pub(crate) fn skew_kurtosis_n(col: &[f64]) -> (usize, Option<(f64, f64)>) {
    let Some(&s) = col.iter().find(|x| x.is_finite()) else {
        return (0, None);
    };
    let (n, sums) = shifted_sums_between(col, f64::NEG_INFINITY, f64::INFINITY, 1.0, s);
    if sums.iter().all(|v| v.is_finite()) {
        // (So no value was infinite: `n` counts the present values.)
        if n < 4 {
            return (n, None);
        }
        if let Some((d, [m2, m3, m4])) = about_mean(n, sums) {
            if let Some(Some(sk)) = from_sums(n, s + d, m2, m3, m4) {
                return (n, Some(sk));
            }
        }
    }
    let (n, sum) = count_sum_between(col, f64::NEG_INFINITY, f64::INFINITY, 1.0);
    (n, two_pass(col, n, sum))
}

/// [`crate::stats::skew_kurtosis`] of `col` (with `n` present values summing to `sum`) by a second pass for the
/// sums of powers of deviations from the mean; scaled by a power of two when a sum overflows.
fn two_pass(col: &[f64], n: usize, sum: f64) -> Option<(f64, f64)> {
    match moments(col, n, sum, 1.0)? {
        Some(sk) => Some(sk),
        None => {
            // Scale so that the largest |x| is at most 1: powers up to the fourth stay finite.
            let (lo, hi) = bounds(col);
            let k = (lo.abs().max(hi.abs()).log2().ceil() as i32).max(0);
            let scale = 0.5f64.powi(k);
            let (n, sum) = count_sum_between(col, f64::NEG_INFINITY, f64::INFINITY, scale);
            Some(moments(col, n, sum, scale)?.unwrap_or((0.0, 0.0)))
        }
    }
}

/// [`crate::stats::skew_kurtosis`] of the values multiplied by `scale`, given their count and (scaled) sum;
/// `Some(None)` when a sum overflows.
fn moments(col: &[f64], n: usize, sum: f64, scale: f64) -> Option<Option<(f64, f64)>> {
    if n < 4 {
        return None;
    }
    let m = sum / n as f64;
    if !m.is_finite() {
        return Some(None);
    }
    let [_, m2, m3, m4] = power_sums_between(col, f64::NEG_INFINITY, f64::INFINITY, scale, m);
    from_sums(n, m, m2, m3, m4)
}
