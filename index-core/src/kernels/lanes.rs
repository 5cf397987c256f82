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

/// Each power's sum over the lanes, `[Σd, Σd², Σd³, Σd⁴]` from each lane's, pairwise as
/// [`lane_total`] adds them.
fn power_totals([a, b, c, d]: [[f64; 4]; LANES]) -> [f64; 4] {
    let add = |mut x: [f64; 4], y: [f64; 4]| {
        for (x, y) in x.iter_mut().zip(y) {
            *x += y;
        }
        x
    };
    add(add(a, b), add(c, d))
}

/// Runs `body(lane, x)` on every value of `col`, value `i` on `lanes[i % LANES]` (each lane's
/// state: a count, sums, extremes). The kernels' bodies are branch-free (`&` rather than `&&`,
/// bit masks rather than `if`), so that the lanes become vector registers.
#[inline(always)]
fn in_lanes<S>(col: &[f64], lanes: &mut [S; LANES], mut body: impl FnMut(&mut S, f64)) {
    let mut chunks = col.chunks_exact(LANES);
    for chunk in &mut chunks {
        for (lane, &x) in lanes.iter_mut().zip(chunk) {
            body(lane, x);
        }
    }
    for (lane, &x) in lanes.iter_mut().zip(chunks.remainder()) {
        body(lane, x);
    }
}

/// Adds `d`, `d²`, `d³`, `d⁴` to a lane's power sums.
#[inline(always)]
fn add_powers(p: &mut [f64; 4], d: f64) {
    let d2 = d * d;
    p[0] += d;
    p[1] += d2;
    p[2] += d2 * d;
    p[3] += d2 * d2;
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
    let mut lanes = [(f64::INFINITY, f64::NEG_INFINITY); LANES];
    in_lanes(col, &mut lanes, |(lo, hi), x| {
        *lo = if x < *lo { x } else { *lo };
        *hi = if x > *hi { x } else { *hi };
    });
    let lo = lanes.iter().map(|l| l.0).fold(f64::INFINITY, f64::min);
    let hi = lanes.iter().map(|l| l.1).fold(f64::NEG_INFINITY, f64::max);
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
    let mut lanes = [(0u64, 0.0f64); LANES];
    if (a, b, scale) == (f64::NEG_INFINITY, f64::INFINITY, 1.0) {
        // The common case, with simpler loop (the same figures).
        in_lanes(col, &mut lanes, |(n, s), x| {
            let here = x.is_finite();
            *n += u64::from(here);
            *s += masked(x, here);
        });
    } else {
        in_lanes(col, &mut lanes, |(n, s), x| {
            let inside = (x > a) & (x < b);
            *n += u64::from(inside);
            *s += masked(x * scale, inside);
        });
    }
    (
        count_total(lanes.map(|l| l.0)),
        lane_total(lanes.map(|l| l.1)),
    )
}

/// `[Σd, Σd², Σd³, Σd⁴]` with `d = x·scale − m`, over the values `x` of `col` strictly between
/// `a` and `b`.
pub(crate) fn power_sums_between(col: &[f64], a: f64, b: f64, scale: f64, m: f64) -> [f64; 4] {
    let mut lanes = [[0.0f64; 4]; LANES];
    if (a, b, scale) == (f64::NEG_INFINITY, f64::INFINITY, 1.0) {
        // The common case, with a simpler loop (the same figures).
        in_lanes(col, &mut lanes, |p, x| {
            add_powers(p, masked(x - m, x.is_finite()));
        });
        return power_totals(lanes);
    }
    in_lanes(col, &mut lanes, |p, x| {
        add_powers(p, masked(x * scale - m, (x > a) & (x < b)));
    });
    power_totals(lanes)
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
    let mut lanes = [(0u64, [0.0f64; 4]); LANES];
    #[inline(always)]
    fn add((n, p): &mut (u64, [f64; 4]), here: bool, d: f64) {
        *n += u64::from(here);
        add_powers(p, masked(d, here));
    }
    if (a, b, scale) == (f64::NEG_INFINITY, f64::INFINITY, 1.0) {
        in_lanes(col, &mut lanes, |lane, x| add(lane, !x.is_nan(), x - s));
    } else {
        in_lanes(col, &mut lanes, |lane, x| {
            add(lane, (x > a) & (x < b), x * scale - s)
        });
    }
    (
        count_total(lanes.map(|l| l.0)),
        power_totals(lanes.map(|l| l.1)),
    )
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
