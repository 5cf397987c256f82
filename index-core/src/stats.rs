//! Summary statistics over the present (non-missing) values of a column: mean, median, sample
//! standard deviation, and the type-2 skewness and kurtosis the outlier rule tests.
//!
//! The plain statistics are here; the column passes that compute skewness and kurtosis at speed
//! (sums kept in vector lanes, one pass where it loses no digits) are in `kernels::lanes`,
//! checked against `skew_kurtosis_two_pass`, the formulas read literally.

/// Present values of a raw column (NaN marks missing).
pub(crate) fn present(col: &[f64]) -> impl Iterator<Item = f64> + '_ {
    col.iter().copied().filter(|v| v.is_finite())
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
pub fn median(values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    // Selection, not a full sort: the middle value(s) are the same, in O(n); among integer
    // keys in the order of `f64::total_cmp`, which select several times faster than floats
    // compared through it (most in the size-optimised wasm build, where the comparison is a
    // call), and give the same values back, bit for bit.
    let mut keys: Vec<i64> = values.into_iter().map(total_key).collect();
    let n = keys.len();
    let (below, &mut b, _) = keys.select_nth_unstable(n / 2);
    let b = from_total_key(b);
    let a = if n % 2 == 1 {
        b
    } else {
        below.iter().copied().max().map_or(b, from_total_key)
    };
    let mid = (a + b) / 2.0;
    // a + b can overflow where their mean cannot.
    Some(if mid.is_finite() {
        mid
    } else {
        a / 2.0 + b / 2.0
    })
}

/// `x`'s place in IEEE 754's total order as an integer, the key [`f64::total_cmp`] compares:
/// the bits as a signed integer, a negative number's magnitude bits flipped so that it orders
/// below the ones nearer zero.
fn total_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

/// The number whose key is `key` ([`total_key`] undoes itself: the sign bit it keeps says
/// which bits it flipped).
fn from_total_key(key: i64) -> f64 {
    f64::from_bits((key ^ ((((key >> 63) as u64) >> 1) as i64)) as u64)
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
/// `kernels::lanes::skew_kurtosis_n` for how they are summed).
pub fn skew_kurtosis(col: &[f64]) -> Option<(f64, f64)> {
    crate::kernels::lanes::skew_kurtosis_n(col).1
}

/// [`skew_kurtosis`] as the formulas read: the mean, then the sums of the 2nd, 3rd and 4th
/// powers of deviations from it, left to right; the values scaled by a power of two (exactly)
/// when a sum overflows. The reference the kernel is checked against (it agrees to within a few
/// digits in the sixteenth place: the order of summation differs).
#[cfg(test)]
pub(crate) fn skew_kurtosis_two_pass(col: &[f64]) -> Option<(f64, f64)> {
    let n = present(col).count();
    let mut values = present(col);
    if let (true, Some(first)) = (n >= 4, values.next()) {
        if values.all(|x| x == first) {
            return Some((0.0, 0.0)); // a constant column (its mean need not be exact)
        }
    }
    let at = |scale: f64| {
        let m = present(col).fold(0.0, |s, x| s + x * scale) / n as f64;
        let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
        for x in present(col) {
            let d = x * scale - m;
            let d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        from_sums(n, m, m2, m3, m4)
    };
    match at(1.0)? {
        Some(sk) => Some(sk),
        None => {
            let big = present(col).fold(0.0f64, |b, x| b.max(x.abs()));
            let k = (big.log2().ceil() as i32).max(0);
            Some(at(0.5f64.powi(k))?.unwrap_or((0.0, 0.0)))
        }
    }
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
    #![allow(clippy::indexing_slicing)] // test code
    use super::*;
    use proptest::prelude::*;

    /// The median read off a full sort in `f64::total_cmp`'s order (the reference).
    fn sorted_median(mut v: Vec<f64>) -> Option<f64> {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let (a, b) = (*v.get((n.max(1) - 1) / 2)?, *v.get(n / 2)?);
        let mid = (a + b) / 2.0;
        Some(if mid.is_finite() {
            mid
        } else {
            a / 2.0 + b / 2.0
        })
    }

    #[test]
    fn total_keys_order_as_total_cmp_and_give_the_number_back() {
        let xs = [
            f64::NEG_INFINITY,
            -f64::MAX,
            -1.5,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            f64::MIN_POSITIVE,
            2.0,
            f64::MAX,
            f64::INFINITY,
        ];
        for (i, x) in xs.iter().enumerate() {
            assert_eq!(from_total_key(total_key(*x)).to_bits(), x.to_bits(), "{x}");
            for y in &xs[i + 1..] {
                assert!(total_key(*x) < total_key(*y), "{x} < {y}");
            }
        }
    }

    proptest! {
        #[test]
        fn the_median_is_the_sorted_middle_to_the_bit(
            v in prop::collection::vec(prop_oneof![-1e6..1e6f64, Just(0.0), Just(-0.0), Just(f64::MAX), Just(-f64::MAX)], 0..60)
        ) {
            prop_assert_eq!(median(v.clone()).map(f64::to_bits), sorted_median(v).map(f64::to_bits));
        }
    }

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
