//! Summary statistics over the present (non-missing) values of a column.

/// Present values of a raw column (NaN marks missing).
pub(crate) fn present(col: &[f64]) -> impl Iterator<Item = f64> + '_ {
    col.iter().copied().filter(|v| v.is_finite())
}

/// Independent partial sums the column kernels below keep, added together at the end, so that
/// their loops vectorise rather than wait on one running sum. (The order of summation differs
/// from a plain left-to-right sum, in the last bits only.)
const LANES: usize = 4;

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

/// Arithmetic mean of the present values.
///
/// The sum can overflow where the mean cannot (values near ±1e308): the sum of `x·2⁻⁶⁴` is kept
/// alongside (exact but for subnormals) and used then, so a mean of finite values is finite.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    const SMALL: f64 = 1.0 / 18_446_744_073_709_551_616.0; // 2⁻⁶⁴
    let (mut n, mut sum, mut small) = (0usize, 0.0, 0.0);
    for v in values {
        n += 1;
        sum += v;
        small += v * SMALL;
    }
    if n == 0 {
        return None;
    }
    let m = sum / n as f64;
    Some(if m.is_finite() {
        m
    } else {
        (small / n as f64 / SMALL).clamp(-f64::MAX, f64::MAX)
    })
}

/// Median of `values` (mean of the two middle values for an even count).
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    // Selection, not a full sort: the middle value(s) are the same, in O(n).
    let n = values.len();
    let (below, &mut b, _) = values.select_nth_unstable_by(n / 2, f64::total_cmp);
    let a = if n % 2 == 1 {
        b
    } else {
        below.iter().copied().max_by(f64::total_cmp).unwrap_or(b)
    };
    let mid = (a + b) / 2.0;
    // a + b can overflow where their mean cannot.
    Some(if mid.is_finite() {
        mid
    } else {
        a / 2.0 + b / 2.0
    })
}

/// Mean and sample standard deviation (divisor n − 1) of the present values; `None` for n < 2.
pub(crate) fn mean_sd(col: &[f64]) -> Option<(f64, f64)> {
    let m = mean(present(col))?;
    let (n, ss) = present(col).fold((0usize, 0.0), |(n, ss), v| (n + 1, ss + (v - m) * (v - m)));
    (n >= 2).then(|| (m, (ss / (n - 1) as f64).sqrt()))
}

/// Bias-corrected sample skewness and excess kurtosis: the "type 2" estimators of R's e1071
/// (also SAS, SPSS and Excel's `SKEW`/`KURT`):
///
/// `G₁ = g₁ √(n(n−1)) / (n−2)`, `G₂ = ((n+1) g₂ + 6)(n−1) / ((n−2)(n−3))`, with
/// `g₁ = m₃/m₂^{3/2}`, `g₂ = m₄/m₂² − 3` and `m_k = Σ(x − x̄)^k / n`.
///
/// `None` for fewer than 4 values. A constant column has skewness and kurtosis 0 (it has no
/// outliers). Both are scale-free, so values so large that their sum or powers overflow (|x|
/// beyond about 1e77) are first scaled by a power of two (exactly), and the result is always
/// finite. The figures can differ from a left-to-right two-pass computation in the last bits (see
/// `skew_kurtosis_n` for how they are summed).
pub fn skew_kurtosis(col: &[f64]) -> Option<(f64, f64)> {
    skew_kurtosis_n(col).1
}

/// [`skew_kurtosis`] of `col`, with the count of its present values.
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

/// [`skew_kurtosis`] of `col` (with `n` present values summing to `sum`) by a second pass for the
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

/// [`skew_kurtosis`] of the values multiplied by `scale`, given their count and (scaled) sum;
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

/// Skewness and kurtosis from the count, the mean and the sums of the 2nd, 3rd and 4th powers
/// of deviations from it; `Some(None)` when a sum overflowed.
pub(crate) fn from_sums(n: usize, m: f64, m2: f64, m3: f64, m4: f64) -> Option<Option<(f64, f64)>> {
    if n < 4 {
        return None;
    }
    // m4 ≥ m2² and |m3| ≤ max(m2, m4): all are finite when the mean and m4 are.
    if !(m.is_finite() && m4.is_finite()) {
        return Some(None);
    }
    let nf = n as f64;
    let (m2, m3, m4) = (m2 / nf, m3 / nf, m4 / nf);
    // Relative threshold: a spread this small against the mean is rounding noise.
    if m2 <= f64::EPSILON * f64::EPSILON * m.abs().max(1.0).powi(2) {
        return Some(Some((0.0, 0.0)));
    }
    let g1 = m3 / (m2 * m2.sqrt());
    let g2 = m4 / (m2 * m2) - 3.0;
    let skew = g1 * (nf * (nf - 1.0)).sqrt() / (nf - 2.0);
    let kurt = ((nf + 1.0) * g2 + 6.0) * (nf - 1.0) / ((nf - 2.0) * (nf - 3.0));
    Some(Some((skew, kurt)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_2_skewness_and_kurtosis_match_hand_computation() {
        // x = 1, 2, 3, 4, 10: mean 4, deviations −3 −2 −1 0 6.
        // m2 = 50/5 = 10, m3 = (−27 −8 −1 + 216)/5 = 36, m4 = (81+16+1+1296)/5 = 278.8
        // g1 = 36/10^1.5 = 1.138420, G1 = g1·√20/3 = 1.697055
        // g2 = 278.8/100 − 3 = −0.212, G2 = (6·(−0.212)+6)·4/(3·2) = 3.152
        let (s, k) = skew_kurtosis(&[1.0, 2.0, f64::NAN, 3.0, 4.0, 10.0]).unwrap();
        assert!((s - 1.697_056_3).abs() < 1e-6, "{s}");
        assert!((k - 3.152).abs() < 1e-9, "{k}");
    }

    #[test]
    fn huge_values_do_not_overflow_to_nan() {
        // Fourth powers of deviations of 1e152 overflow; scaled by 2⁻⁵⁰⁶ they do not, and the
        // statistics, being scale-free, are those of 1, 2, 3, 4, 10.
        let big: Vec<f64> = [1.0, 2.0, 3.0, 4.0, 10.0]
            .iter()
            .map(|v| v * 1e152)
            .collect();
        let (s, k) = skew_kurtosis(&big).unwrap();
        assert!((s - 1.697_056_3).abs() < 1e-6, "{s}");
        assert!((k - 3.152).abs() < 1e-9, "{k}");
        // Same shape at the edge of the range: −1, 0, 0, 1, 1 times f64::MAX.
        let edge = [-f64::MAX, 0.0, 1.0, f64::MAX, f64::MAX];
        let small = [-1.0, 0.0, 0.0, 1.0, 1.0];
        let (s, k) = skew_kurtosis(&edge).unwrap();
        let (s1, k1) = skew_kurtosis(&small).unwrap();
        assert!(
            (s - s1).abs() < 1e-12 && (k - k1).abs() < 1e-12,
            "{s}, {k} vs {s1}, {k1}"
        );
    }

    #[test]
    fn means_and_medians_of_huge_values_are_finite() {
        assert_eq!(mean([f64::MAX, f64::MAX]), Some(f64::MAX));
        assert_eq!(mean([f64::MAX, f64::MAX, -f64::MAX]), Some(f64::MAX / 3.0));
        assert_eq!(
            median(vec![f64::MAX, 1.0, f64::MAX, 2.0]),
            Some(f64::MAX / 2.0 + 1.0)
        );
        assert_eq!(median(vec![f64::MAX, f64::MAX]), Some(f64::MAX));
    }

    #[test]
    fn infinities_and_awkward_shifts_do_not_change_the_figures() {
        // An infinity is not a value (as NaN is not); a first value far out in the tail makes
        // the one-pass sums lose digits, so they are summed again about the mean.
        let (s, k) = skew_kurtosis(&[1.0, 2.0, 3.0, 4.0, 10.0]).unwrap();
        let (s1, k1) = skew_kurtosis(&[f64::INFINITY, 1.0, 2.0, 3.0, 4.0, 10.0]).unwrap();
        let (s2, k2) = skew_kurtosis(&[10.0, 1.0, 2.0, f64::NEG_INFINITY, 3.0, 4.0]).unwrap();
        for (a, b) in [(s, s1), (k, k1), (s, s2), (k, k2)] {
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
        assert_eq!(skew_kurtosis(&[1.0, f64::INFINITY, 2.0, 3.0]), None);
    }

    #[test]
    fn small_and_constant_columns() {
        assert_eq!(skew_kurtosis(&[1.0, 2.0, 3.0]), None);
        assert_eq!(skew_kurtosis(&[5.0; 6]), Some((0.0, 0.0)));
        assert_eq!(median(vec![3.0, 1.0, 2.0, 10.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
        let (m, sd) = mean_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap();
        assert_eq!(m, 5.0);
        assert!((sd - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
    }
}
