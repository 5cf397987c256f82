//! Property tests: each kernel against its plain counterpart in a step module, on random columns
//! with ties, gaps (NaN), constants, and tiny and huge magnitudes. "The same" means the same bits
//! (`to_bits`, NaN in the same places); where a kernel sums in another order by design, the sums
//! are checked to the bit on data whose sums are exact in any order, and within the bound of the
//! order of summation otherwise.
//!
//! Failures are saved in `proptest-regressions/kernels.txt` (committed) and replayed first.
#![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;

use super::{aggregate as blocked, lanes, winsorise};
use crate::aggregate::{self, Rule};
use crate::impute;
use crate::matrix::Matrix;
use crate::method::Treatment;
use crate::method::{limits, Aggregation, Imputation};
use crate::stats;
use crate::treat::{self, TreatmentOutcome};

/// `cases` cases (or `PROPTEST_CASES`, for a deeper run).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/kernels.txt",
        ))),
        ..ProptestConfig::default()
    }
}

/// One value: missing (NaN), zero of either sign, everyday, tiny, huge (to ±`f64::MAX`).
fn value(huge: bool) -> BoxedStrategy<f64> {
    let everyday = prop_oneof![
        3 => Just(f64::NAN),
        1 => select(vec![0.0, -0.0]),
        6 => -100.0..100.0f64,
        2 => -1e6..1e6f64,
        1 => 1e-12..1e-9f64,
        1 => 1e9..1e12f64,
        3 => select(vec![1.0, 2.0, 3.0, -1.0, 0.5]),
    ];
    if huge {
        prop_oneof![
            6 => everyday,
            1 => select(vec![
                f64::MAX,
                -f64::MAX,
                1e300,
                -1e300,
                1e154,
                1e-300,
                f64::MIN_POSITIVE,
                5e-324,
            ]),
            1 => any::<f64>().prop_map(|v| if v.is_finite() { v } else { f64::NAN }),
        ]
        .boxed()
    } else {
        everyday.boxed()
    }
}

/// A column of up to `max` values: free, constant with gaps, two values repeated, or small
/// integers with a long tail (ties at the ends, what winsorising meets).
fn column(max: usize, huge: bool) -> BoxedStrategy<Vec<f64>> {
    prop_oneof![
        4 => vec(value(huge), 0..max),
        1 => (value(huge), vec(any::<bool>(), 0..max))
            .prop_map(|(v, mask)| mask.into_iter().map(|k| if k { v } else { f64::NAN }).collect()),
        1 => (value(huge), value(huge), vec(0u8..3, 0..max)).prop_map(|(a, b, picks)| {
            picks.into_iter().map(|p| [a, b, f64::NAN][usize::from(p)]).collect()
        }),
        2 => vec((0u32..1000, 0u32..20), 0..max).prop_map(|v| {
            v.into_iter()
                .map(|(x, k)| match k {
                    0 => f64::NAN,
                    1 => f64::from(x).powi(3), // a long tail
                    2 => -f64::from(x) * 50.0,
                    _ => f64::from(x % 10),
                })
                .collect()
        }),
    ]
    .boxed()
}

/// Small integers (and gaps): every sum of up to the fourth powers of their differences is an
/// integer below 2⁵³, so exact in any order.
fn integer_column() -> impl Strategy<Value = Vec<f64>> {
    vec(
        prop_oneof![1 => Just(f64::NAN), 6 => (-1000i32..1000).prop_map(f64::from)],
        0..300,
    )
}

/// Bits of `x`, a zero of either sign read as +0.
fn bits(x: f64) -> u64 {
    (x + 0.0).to_bits()
}

/// The values of `col` strictly between `a` and `b`, times `scale` (`a = −∞`, `b = ∞`, scale 1:
/// the present values).
fn between(col: &[f64], a: f64, b: f64, scale: f64) -> Vec<f64> {
    col.iter()
        .copied()
        .filter(|x| x.is_finite() && *x > a && *x < b)
        .map(|x| x * scale)
        .collect()
}

/// `[Σd, Σd², Σd³, Σd⁴]`, `d = x − m`, left to right, as the kernels form each power.
fn plain_power_sums(xs: &[f64], m: f64) -> [f64; 4] {
    xs.iter().fold([0.0; 4], |[p1, p2, p3, p4], x| {
        let d = x - m;
        let d2 = d * d;
        [p1 + d, p2 + d2, p3 + d2 * d, p4 + d2 * d2]
    })
}

/// Bounds `(a, b)` between which the kernels count: everything, or an interval of the column's
/// own values (so that some fall outside).
fn interval(col: &[f64], pick: (usize, usize)) -> (f64, f64) {
    let xs = between(col, f64::NEG_INFINITY, f64::INFINITY, 1.0);
    match (
        xs.get(pick.0 % xs.len().max(1)),
        xs.get(pick.1 % xs.len().max(1)),
    ) {
        (Some(&a), Some(&b)) if pick.0 % 3 != 0 => (a.min(b), a.max(b)),
        _ => (f64::NEG_INFINITY, f64::INFINITY),
    }
}

/// `|a − b| ≤ rel · max(1, |b|)`.
fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1.0)
}

proptest! {
    #![proptest_config(config(512))]

    /// Lanes: counts and extremes are the plain count and fold, to the bit.
    #[test]
    fn lane_counts_and_extremes_are_exact(col in column(200, true), pick in (0usize..500, 0usize..500)) {
        let (a, b) = interval(&col, pick);
        let xs = between(&col, a, b, 1.0);
        prop_assert_eq!(lanes::count_sum_between(&col, a, b, 1.0).0, xs.len());
        let all = between(&col, f64::NEG_INFINITY, f64::INFINITY, 1.0);
        let plain = all.iter().fold(None, |r: Option<(usize, f64, f64)>, &x| {
            Some(r.map_or((1, x, x), |(n, lo, hi)| (n + 1, lo.min(x), hi.max(x))))
        });
        let got = lanes::min_max(&col);
        prop_assert_eq!(
            got.map(|(n, lo, hi)| (n, bits(lo), bits(hi))),
            plain.map(|(n, lo, hi)| (n, bits(lo), bits(hi)))
        );
        prop_assert_eq!(got, lanes::range(&col, all.len()));
    }

    /// Lanes: every sum (count and sum, power sums about a value, shifted sums) is the plain
    /// left-to-right sum, to the bit, when the sums are exact in any order.
    #[test]
    fn lane_sums_are_exact_where_order_cannot_matter(
        col in integer_column(),
        pick in (0usize..500, 0usize..500),
        m in -1000i32..1000,
    ) {
        let m = f64::from(m);
        let (a, b) = interval(&col, pick);
        let xs = between(&col, a, b, 1.0);
        let sum = xs.iter().fold(0.0, |s, x| s + x);
        let (n, s) = lanes::count_sum_between(&col, a, b, 1.0);
        prop_assert_eq!((n, s.to_bits()), (xs.len(), sum.to_bits()));
        let plain = plain_power_sums(&xs, m);
        prop_assert_eq!(
            lanes::power_sums_between(&col, a, b, 1.0, m).map(f64::to_bits),
            plain.map(f64::to_bits)
        );
        let (n, shifted) = lanes::shifted_sums_between(&col, a, b, 1.0, m);
        prop_assert_eq!((n, shifted.map(f64::to_bits)), (xs.len(), plain.map(f64::to_bits)));
    }

    /// Lanes: on any column, the sums differ from left-to-right sums by no more than the order of
    /// summation can make them (each within `(n − 1)·ε·Σ|term|` of the exact sum); scaled by a
    /// power of two, as the kernels scale huge values, likewise.
    #[test]
    fn lane_sums_differ_only_by_the_order_of_summation(
        col in column(300, false),
        pick in (0usize..500, 0usize..500),
        k in 0i32..4,
    ) {
        let scale = 0.5f64.powi(k);
        let (a, b) = interval(&col, pick);
        let xs = between(&col, a, b, scale);
        let bound = |terms: &mut dyn Iterator<Item = f64>| {
            2.0 * xs.len() as f64 * f64::EPSILON * terms.map(f64::abs).sum::<f64>()
        };
        let (n, s) = lanes::count_sum_between(&col, a, b, scale);
        let sum = xs.iter().fold(0.0, |s, x| s + x);
        prop_assert_eq!(n, xs.len());
        prop_assert!((s - sum).abs() <= bound(&mut xs.iter().copied()), "{} vs {}", s, sum);
        let m = xs.first().copied().unwrap_or(0.0);
        let plain = plain_power_sums(&xs, m);
        let got = lanes::power_sums_between(&col, a, b, scale, m);
        for (p, (g, q)) in got.iter().zip(plain).enumerate() {
            let terms = &mut xs.iter().map(|x| (x - m).powi(p as i32 + 1));
            prop_assert!((g - q).abs() <= bound(terms) * 4.0, "power {}: {} vs {}", p + 1, g, q);
        }
    }

    /// One-pass skewness and kurtosis agree with the two-pass formulas: `None` for the same
    /// columns, and otherwise within 1e-9 (relative; the sums are recombined about the mean).
    /// Everyday magnitudes only: where the spread is rounding noise against the values (a
    /// near-constant column of 1e159s), the two orders of summation can fall on either side of
    /// "constant" (`stats::from_sums`).
    #[test]
    fn skewness_and_kurtosis_agree_with_the_formulas(col in column(300, false)) {
        let (n, fast) = lanes::skew_kurtosis_n(&col);
        let plain = stats::skew_kurtosis_two_pass(&col);
        prop_assert_eq!(n, between(&col, f64::NEG_INFINITY, f64::INFINITY, 1.0).len());
        match (fast, plain) {
            (Some((s, k)), Some((ps, pk))) => {
                prop_assert!(close(s, ps, 1e-9) && close(k, pk, 1e-9), "{:?} vs {:?}", fast, plain);
            }
            _ => prop_assert_eq!(fast, plain),
        }
    }
}

/// The column after one literal winsorising step at one end (every value equal to the extreme
/// replaced by the next value in), and how many were replaced; `None` with nothing to replace.
fn literal_step(work: &mut [f64], high_side: bool) -> Option<usize> {
    let xs = between(work, f64::NEG_INFINITY, f64::INFINITY, 1.0);
    let (extreme, next) = if high_side {
        let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let below = xs.iter().copied().filter(|v| *v < max);
        (max, below.fold(f64::NEG_INFINITY, f64::max))
    } else {
        let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let above = xs.iter().copied().filter(|v| *v > min);
        (min, above.fold(f64::INFINITY, f64::min))
    };
    if !next.is_finite() {
        return None;
    }
    let mut replaced = 0;
    for x in work.iter_mut().filter(|x| **x == extreme) {
        *x = next;
        replaced += 1;
    }
    Some(replaced)
}

proptest! {
    #![proptest_config(config(512))]

    /// Winsorisation's ends, over any sequence of steps it allows (`max(limit, 1)`), at either
    /// end in any order: each step replaces as many values as the literal step on the whole
    /// column, the ends reached are its minimum and maximum to the bit, and the recombined
    /// skewness and kurtosis are within 1e-9 of those recomputed over the column (for everyday
    /// magnitudes: with a value near `f64::MAX` clamped away, what is left can be below the
    /// resolution of the scale the ends chose for the original column, and read as constant).
    #[test]
    fn winsorisation_ends_follow_the_literal_steps(
        col in column(300, true),
        limit in select(vec![0usize, 1, 2, 5, 9, 20, 100]),
        sides in vec(any::<bool>(), 1..100),
    ) {
        let n = between(&col, f64::NEG_INFINITY, f64::INFINITY, 1.0).len();
        let steps = limit.max(1).min(sides.len());
        let mut ends = winsorise::Ends::of(&col, n, limit, sides[0]);
        let mut work = col.clone();
        for &high_side in &sides[..steps] {
            let (fast, plain) = (ends.step(high_side, &col), literal_step(&mut work, high_side));
            prop_assert_eq!(fast, plain);
            if plain.is_none() {
                break;
            }
            let xs = between(&work, f64::NEG_INFINITY, f64::INFINITY, 1.0);
            let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let (l, h) = ends.bounds();
            prop_assert_eq!((bits(l), bits(h)), (bits(lo), bits(hi)));
            if col.iter().any(|x| x.abs() > 1e12) {
                continue;
            }
            let fast = ends.skew_kurtosis();
            let plain = stats::skew_kurtosis_two_pass(&work);
            match (fast, plain) {
                (Some((s, k)), Some((ps, pk))) => prop_assert!(
                    close(s, ps, 1e-9) && close(k, pk, 1e-9),
                    "{:?} vs {:?}",
                    fast,
                    plain
                ),
                _ => prop_assert_eq!(fast, plain),
            }
        }
    }

    /// [`treat::treat_column`] (through the winsorisation kernel) is the rule applied literally
    /// ([`treat::winsorise_literally`]): every value written the same to the bit (but for the sign
    /// of a zero: ±0 are equal, and either may be "the next value"), the same
    /// outcome and counts, skewness and kurtosis within 1e-9 (everyday magnitudes, as above:
    /// the outcome hangs on the figures).
    #[test]
    fn treatment_is_the_rule_applied_literally(
        col in column(300, false),
        limit in select(vec![0u32, 1, 2, 5, 9, 40, 100]),
        mirror_negative in any::<bool>(),
    ) {
        let t = Treatment::Winsorise { max_winsorised: limit, skew: 2.0, kurtosis: 3.5, mirror_negative };
        let (mut fast, mut plain) = (col.clone(), col.clone());
        let (a, b) = (treat::treat_column(&mut fast, &t), treat::winsorise_literally(&mut plain, &t));
        prop_assert_eq!(
            fast.iter().copied().map(bits).collect::<Vec<_>>(),
            plain.iter().copied().map(bits).collect::<Vec<_>>()
        );
        let figures = |o: &TreatmentOutcome| match *o {
            TreatmentOutcome::Passed { skew, kurtosis } => Some((skew, kurtosis)),
            TreatmentOutcome::Winsorised { skew, kurtosis, .. } => Some((skew, kurtosis)),
            TreatmentOutcome::LogTransformed { skew, kurtosis, .. } => Some((skew, kurtosis)),
            _ => None,
        };
        let zeroed = |o: TreatmentOutcome| match o {
            TreatmentOutcome::Winsorised { high, low, .. } => {
                TreatmentOutcome::Winsorised { high, low, skew: 0.0, kurtosis: 0.0 }
            }
            other => other,
        };
        prop_assert_eq!(zeroed(a), zeroed(b));
        if let (Some((s, k)), Some((ps, pk))) = (figures(&a), figures(&b)) {
            prop_assert!(close(s, ps, 1e-9) && close(k, pk, 1e-9), "{:?} vs {:?}", a, b);
        }
    }
}

/// A parent's rule: any mean, floor and share of children within [`limits`].
fn rule() -> impl Strategy<Value = Rule> {
    (
        select(vec![
            Aggregation::Arithmetic,
            Aggregation::Geometric,
            Aggregation::Harmonic,
        ]),
        prop_oneof![
            Just(limits::FLOOR_MIN),
            Just(1.0),
            limits::FLOOR_MIN..limits::FLOOR_MAX
        ],
        prop_oneof![Just(0.0), Just(0.5), Just(1.0), 0.0..=1.0f64],
    )
        .prop_map(|(how, floor, min_child_share)| Rule {
            how,
            floor,
            min_child_share,
        })
}

proptest! {
    #![proptest_config(config(512))]

    /// Blocked aggregation is the formulas applied to one unit at a time
    /// ([`aggregate::unit_score`]), to the bit: any mean, weights in (0, 1e6], children with
    /// gaps, of any length (a short column is missing below its end).
    #[test]
    fn blocked_aggregation_is_one_unit_at_a_time(
        rows in 0usize..40,
        children in vec((column(40, true), prop_oneof![Just(1.0), 1e-6..=1e6f64]), 1..7),
        rule in rule(),
    ) {
        let columns: Vec<(&[f64], f64)> = children.iter().map(|(c, w)| (c.as_slice(), *w)).collect();
        let mut out = vec![0.0; rows];
        blocked::parent_into(&columns, &rule, &mut out);
        for (u, got) in out.iter().enumerate() {
            let unit: Vec<(f64, f64)> = columns
                .iter()
                .map(|(c, w)| (c.get(u).copied().unwrap_or(f64::NAN), *w))
                .collect();
            prop_assert_eq!(got.to_bits(), aggregate::unit_score(&unit, &rule).to_bits(), "row {}", u);
        }
    }
}

/// A table of `cols` columns of `rows` values, column-major.
fn table(rows: usize, cols: usize) -> impl Strategy<Value = Matrix> {
    vec(column(rows + 1, true), cols).prop_map(move |columns| {
        let mut data = Vec::with_capacity(rows * cols);
        for c in columns {
            data.extend((0..rows).map(|u| c.get(u).copied().unwrap_or(f64::NAN)));
        }
        Matrix::from_columns(rows, cols, data)
    })
}

/// Bits of every value of a table, column by column.
fn table_bits(m: &Matrix) -> Vec<u64> {
    (0..m.cols())
        .flat_map(|c| m.col_raw(c).iter().map(|x| x.to_bits()))
        .collect()
}

proptest! {
    #![proptest_config(config(512))]

    /// Imputation through the kernel ([`impute::impute`]) is the rule one gap at a time
    /// ([`impute::impute_literally`]), to the bit, with the same counts: any imputation, units in
    /// groups or none, active or not (or no list of who is).
    #[test]
    fn imputing_gaps_is_the_rule_one_gap_at_a_time(
        (values, group_of, active) in (0usize..40, 1usize..4).prop_flat_map(|(rows, cols)| (
            table(rows, cols),
            vec(prop_oneof![1 => Just(None), 3 => (0usize..3).prop_map(Some)], rows),
            prop_oneof![1 => Just(Vec::new()), 3 => vec(prop_oneof![1 => Just(false), 4 => Just(true)], rows)],
        )),
        imputation in select(vec![
            Imputation::None,
            Imputation::IndicatorMean,
            Imputation::GroupMean { family: "g".into() },
        ]),
    ) {
        let (mut fast, mut plain) = (values.clone(), values);
        let filled = impute::impute(&mut fast, &imputation, &group_of, &active);
        let literally = impute::impute_literally(&mut plain, &imputation, &group_of, &active);
        prop_assert_eq!(filled, literally);
        prop_assert_eq!(table_bits(&fast), table_bits(&plain));
    }
}
