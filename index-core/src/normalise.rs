//! Normalisation: bringing every indicator onto a common scale (COINr `Normalise`), with
//! lower-is-better indicators turned round.

use crate::dataset::Direction;
use crate::kernels::lanes::min_max;
use crate::method::Normalisation;
use crate::stats::mean_sd;

/// Normalises one column in place (NaN = missing, left missing). See [`Normalisation`] for each
/// formula. Direction: for every method but goalposts, values are first multiplied by
/// `direction.sign()` (COINr's convention), so the best performer ends up highest.
///
/// Edge cases, decided here: a constant column gets the middle of the range under min-max, the
/// target mean under z-scores, and the top under distance-to-best (COINr returns NaN; an index
/// must not). Under percentile ranks tied values share the lowest rank, so a constant column of
/// two or more values gets the bottom of the range; a single value gets the top. Under log
/// goalposts a value ≤ 0 becomes missing.
pub fn normalise_column(col: &mut [f64], normalisation: &Normalisation, direction: Direction) {
    normalise_column_in(col, normalisation, direction, None);
}

/// [`normalise_column`], given the column's count, minimum and maximum of present values when
/// already known (exactly what [`min_max`] would give), which saves min-max normalisation and
/// distance to best a pass.
pub(crate) fn normalise_column_in(
    col: &mut [f64],
    normalisation: &Normalisation,
    direction: Direction,
    range: Option<(usize, f64, f64)>,
) {
    let sign = direction.sign();
    if let Normalisation::MinMax { low, high } = *normalisation {
        // The commonest case in one pass to write (and one to find the range, unless known): the
        // sign is applied while writing (negation is exact, so the figures are those of turning
        // round first).
        let Some((_, lo, hi)) = range.or_else(|| min_max(col)) else {
            return;
        };
        let (lo, hi) = if sign < 0.0 { (-hi, -lo) } else { (lo, hi) };
        if hi > lo {
            // Over every cell: a missing value (NaN) stays missing, and the loop vectorises.
            let (span, range) = (hi - lo, high - low);
            for x in col.iter_mut() {
                *x = (sign * *x - lo) / span * range + low;
            }
        } else {
            fill_present(col, (low + high) / 2.0);
        }
        return;
    }
    if !matches!(normalisation, Normalisation::Goalposts { .. }) && sign < 0.0 {
        for x in col.iter_mut() {
            *x = -*x;
        }
    }
    match *normalisation {
        Normalisation::None | Normalisation::MinMax { .. } => {}
        Normalisation::ZScore { mean, sd } => {
            let (m, s) = mean_sd(col).unwrap_or((0.0, 0.0));
            if s > 0.0 {
                for x in col.iter_mut() {
                    *x = (*x - m) / s * sd + mean;
                }
            } else {
                fill_present(col, mean);
            }
        }
        Normalisation::Goalposts {
            min,
            max,
            log,
            low,
            high,
        } => {
            let (a, b) = if log {
                (min.ln(), max.ln())
            } else {
                (min, max)
            };
            for x in col.iter_mut().filter(|x| x.is_finite()) {
                let v = if log {
                    if *x > 0.0 {
                        x.ln()
                    } else {
                        *x = f64::NAN;
                        continue;
                    }
                } else {
                    *x
                };
                let mut p = ((v - a) / (b - a)).clamp(0.0, 1.0);
                if sign < 0.0 {
                    p = 1.0 - p;
                }
                *x = low + p * (high - low);
            }
        }
        Normalisation::PercentileRank { low, high } => {
            let ranks = min_ranks(col);
            let n = ranks.iter().flatten().count();
            for (x, r) in col.iter_mut().zip(ranks) {
                if let Some(r) = r {
                    let p = if n > 1 {
                        (r - 1) as f64 / (n - 1) as f64
                    } else {
                        1.0
                    };
                    *x = low + p * (high - low);
                }
            }
        }
        Normalisation::Rank => {
            let ranks = min_ranks(col);
            for (x, r) in col.iter_mut().zip(ranks) {
                if let Some(r) = r {
                    *x = r as f64;
                }
            }
        }
        Normalisation::DistanceToBest { low, high } => {
            // The range of the values turned round.
            let turned = range.map(|(n, lo, hi)| {
                if sign < 0.0 {
                    (n, -hi, -lo)
                } else {
                    (n, lo, hi)
                }
            });
            let Some((_, lo, hi)) = turned.or_else(|| min_max(col)) else {
                return;
            };
            if hi > lo {
                let (span, range) = (hi - lo, high - low);
                for x in col.iter_mut() {
                    *x = low + (1.0 - (hi - *x) / span) * range;
                }
            } else {
                fill_present(col, low + 1.0 * (high - low));
            }
        }
    }
}

/// What a normalisation reads from the values it is computed over, taken from a pool of them
/// (every year's values of one indicator, for [`crate::method::NormaliseOver::AllYears`]) and
/// applied to one year's column by [`normalise_column_by`]. The pool's values are those of the
/// columns as they enter normalisation (NaN = missing, skipped), not yet turned round.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reference {
    /// Goalposts or no normalisation: nothing is read from the data.
    Nothing,
    /// Min-max and distance to best: the least and greatest value turned round (`sign · x`);
    /// `None` for an empty pool.
    Range(Option<(f64, f64)>),
    /// Z-scores: the mean and sample standard deviation of the values turned round (`None`
    /// under two values).
    MeanSd(Option<(f64, f64)>),
    /// Percentile ranks and ranks: the present values turned round, ascending.
    Sorted(Vec<f64>),
}

impl Reference {
    /// What `normalisation` of an indicator of `direction` reads from `pool`.
    pub(crate) fn of(pool: &[f64], normalisation: &Normalisation, direction: Direction) -> Self {
        let sign = direction.sign();
        match normalisation {
            Normalisation::None | Normalisation::Goalposts { .. } => Reference::Nothing,
            Normalisation::MinMax { .. } | Normalisation::DistanceToBest { .. } => {
                // Negation is exact, so the range turned round is the range's ends swapped.
                Reference::Range(min_max(pool).map(
                    |(_, lo, hi)| {
                        if sign < 0.0 {
                            (-hi, -lo)
                        } else {
                            (lo, hi)
                        }
                    },
                ))
            }
            Normalisation::ZScore { .. } => {
                let turned: Vec<f64> = pool.iter().map(|x| sign * x).collect();
                Reference::MeanSd(mean_sd(&turned))
            }
            Normalisation::PercentileRank { .. } | Normalisation::Rank => {
                let mut sorted: Vec<f64> = pool
                    .iter()
                    .filter(|x| x.is_finite())
                    .map(|x| sign * x)
                    .collect();
                sorted.sort_by(f64::total_cmp);
                Reference::Sorted(sorted)
            }
        }
    }
}

/// Normalises one column in place as [`normalise_column`] does, but with what the method reads
/// from the data taken from `reference` (a pool of values) rather than from the column: the
/// formulas of [`crate::method::NormaliseOver`]. A reference of another kind than the
/// normalisation's (never made by the pipeline) leaves the column as [`normalise_column`]
/// would. With a reference made from the column itself the figures are
/// [`normalise_column`]'s to the last bit (the same expressions on the same numbers).
pub(crate) fn normalise_column_by(
    col: &mut [f64],
    normalisation: &Normalisation,
    direction: Direction,
    reference: &Reference,
) {
    let sign = direction.sign();
    match (*normalisation, reference) {
        (Normalisation::MinMax { low, high }, Reference::Range(range)) => {
            let Some((lo, hi)) = *range else {
                return;
            };
            if hi > lo {
                let (span, range) = (hi - lo, high - low);
                for x in col.iter_mut() {
                    *x = (sign * *x - lo) / span * range + low;
                }
            } else {
                fill_present(col, (low + high) / 2.0);
            }
        }
        (Normalisation::DistanceToBest { low, high }, Reference::Range(range)) => {
            let Some((lo, hi)) = *range else {
                return;
            };
            if hi > lo {
                let (span, range) = (hi - lo, high - low);
                for x in col.iter_mut() {
                    *x = low + (1.0 - (hi - sign * *x) / span) * range;
                }
            } else {
                fill_present(col, low + 1.0 * (high - low));
            }
        }
        (Normalisation::ZScore { mean, sd }, Reference::MeanSd(stats)) => {
            let (m, s) = stats.unwrap_or((0.0, 0.0));
            if s > 0.0 {
                for x in col.iter_mut() {
                    *x = (sign * *x - m) / s * sd + mean;
                }
            } else {
                fill_present(col, mean);
            }
        }
        (Normalisation::PercentileRank { low, high }, Reference::Sorted(sorted)) => {
            let n = sorted.len();
            for x in col.iter_mut().filter(|x| x.is_finite()) {
                let r = rank_in(sorted, sign * *x);
                let p = if n > 1 {
                    (r - 1) as f64 / (n - 1) as f64
                } else {
                    1.0
                };
                *x = low + p * (high - low);
            }
        }
        (Normalisation::Rank, Reference::Sorted(sorted)) => {
            for x in col.iter_mut().filter(|x| x.is_finite()) {
                *x = rank_in(sorted, sign * *x) as f64;
            }
        }
        _ => normalise_column(col, normalisation, direction),
    }
}

/// The minimum rank of `x` among `sorted` (ascending): `1 + #{p ∈ sorted : p < x}`.
fn rank_in(sorted: &[f64], x: f64) -> usize {
    1 + sorted.partition_point(|p| *p < x)
}

/// Sets every present value of `col` to `v`.
fn fill_present(col: &mut [f64], v: f64) {
    for x in col.iter_mut().filter(|x| x.is_finite()) {
        *x = v;
    }
}

/// Ranks of present values, 1 for the lowest, ties sharing the minimum rank (R's
/// `rank(ties.method = "min")`).
fn min_ranks(col: &[f64]) -> Vec<Option<usize>> {
    // The present values with their positions, in order (stably: ties in position order).
    let mut order: Vec<(usize, f64)> = col
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, x)| x.is_finite())
        .collect();
    crate::order::sort_by(&mut order, |a, b| a.1.total_cmp(&b.1));
    let mut ranks = vec![None; col.len()];
    let (mut rank, mut previous) = (0, None);
    for (pos, &(i, x)) in order.iter().enumerate() {
        if previous != Some(x) {
            rank = pos + 1;
        }
        previous = Some(x);
        if let Some(r) = ranks.get_mut(i) {
            *r = Some(rank);
        }
    }
    ranks
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;

    const NAN: f64 = f64::NAN;

    #[track_caller]
    fn check(input: &[f64], n: Normalisation, d: Direction, expected: &[f64]) {
        let mut col = input.to_vec();
        normalise_column(&mut col, &n, d);
        assert_eq!(col.len(), expected.len());
        for (got, want) in col.iter().zip(expected) {
            assert!(
                (got.is_nan() && want.is_nan()) || (got - want).abs() < 1e-9,
                "{n:?} {d:?}: got {col:?}, want {expected:?}"
            );
        }
    }

    #[test]
    fn hand_computed_cases() {
        use Direction::{Higher as Hi, Lower as Lo};
        let mm = Normalisation::MinMax {
            low: 0.0,
            high: 100.0,
        };
        check(&[2.0, 4.0, NAN, 6.0], mm, Hi, &[0.0, 50.0, NAN, 100.0]);
        check(&[2.0, 4.0, 6.0], mm, Lo, &[100.0, 50.0, 0.0]);
        check(&[3.0, 3.0], mm, Hi, &[50.0, 50.0]);
        // mean 4, sample sd 2
        check(
            &[2.0, 4.0, 6.0],
            Normalisation::ZScore { mean: 0.0, sd: 1.0 },
            Hi,
            &[-1.0, 0.0, 1.0],
        );
        check(
            &[2.0, 4.0, 6.0],
            Normalisation::ZScore {
                mean: 100.0,
                sd: 10.0,
            },
            Lo,
            &[110.0, 100.0, 90.0],
        );
        check(
            &[7.0],
            Normalisation::ZScore { mean: 0.0, sd: 1.0 },
            Hi,
            &[0.0],
        );
        // HDI health index: (le − 20)/(85 − 20), clamped.
        let gp = Normalisation::Goalposts {
            min: 20.0,
            max: 85.0,
            log: false,
            low: 0.0,
            high: 1.0,
        };
        check(&[72.5, 90.0, 10.0], gp, Hi, &[0.807_692_307_692, 1.0, 0.0]);
        check(&[72.5], gp, Lo, &[0.192_307_692_308]);
        // HDI income index: (ln 10000 − ln 100)/(ln 75000 − ln 100) = 0.695_719...
        let lg = Normalisation::Goalposts {
            min: 100.0,
            max: 75000.0,
            log: true,
            low: 0.0,
            high: 1.0,
        };
        check(
            &[10000.0, 0.0],
            lg,
            Hi,
            &[(100.0f64).ln() / (750.0f64).ln(), NAN],
        );
        // min ranks 1, 2, 2, 4 → (r − 1)/(n − 1)
        let pr = Normalisation::PercentileRank {
            low: 0.0,
            high: 1.0,
        };
        check(
            &[1.0, 5.0, 5.0, 9.0, NAN],
            pr,
            Hi,
            &[0.0, 1.0 / 3.0, 1.0 / 3.0, 1.0, NAN],
        );
        check(
            &[1.0, 5.0, 5.0, 9.0],
            Normalisation::Rank,
            Hi,
            &[1.0, 2.0, 2.0, 4.0],
        );
        check(
            &[1.0, 5.0, 5.0, 9.0],
            Normalisation::Rank,
            Lo,
            &[4.0, 2.0, 2.0, 1.0],
        );
        let db = Normalisation::DistanceToBest {
            low: 0.0,
            high: 1.0,
        };
        check(&[0.0, 5.0, 10.0], db, Hi, &[0.0, 0.5, 1.0]);
        check(&[3.0, 3.0], db, Hi, &[1.0, 1.0]);
        check(&[3.0, 3.0, NAN], pr, Hi, &[0.0, 0.0, NAN]);
        check(&[3.0, NAN], pr, Hi, &[1.0, NAN]);
        check(&[0.3, 0.5], Normalisation::None, Hi, &[0.3, 0.5]);
        check(&[NAN, NAN], mm, Hi, &[NAN, NAN]);
    }

    /// Every normalisation reading the data, and two that do not.
    fn every_normalisation() -> Vec<Normalisation> {
        vec![
            Normalisation::None,
            Normalisation::MinMax {
                low: 0.0,
                high: 100.0,
            },
            Normalisation::ZScore {
                mean: 100.0,
                sd: 10.0,
            },
            Normalisation::Goalposts {
                min: 1.0,
                max: 9.0,
                log: false,
                low: 0.0,
                high: 1.0,
            },
            Normalisation::PercentileRank {
                low: 0.0,
                high: 1.0,
            },
            Normalisation::Rank,
            Normalisation::DistanceToBest {
                low: 0.0,
                high: 1.0,
            },
        ]
    }

    #[test]
    fn a_reference_from_the_column_itself_gives_the_same_bits() {
        let cols: [&[f64]; 4] = [
            &[0.3, NAN, 1.7, -2.25, 1.7, 9.1e3, 0.1],
            &[5.0, 5.0, NAN],
            &[4.0],
            &[NAN, NAN],
        ];
        for col in cols {
            for n in every_normalisation() {
                for d in [Direction::Higher, Direction::Lower] {
                    let mut plain = col.to_vec();
                    normalise_column(&mut plain, &n, d);
                    let mut by = col.to_vec();
                    normalise_column_by(&mut by, &n, d, &Reference::of(col, &n, d));
                    // Missing is missing, whatever the NaN's sign.
                    let bits = |v: &[f64]| {
                        v.iter()
                            .map(|x| (!x.is_nan()).then(|| x.to_bits()))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(bits(&by), bits(&plain), "{n:?} {d:?} on {col:?}");
                }
            }
        }
    }

    #[test]
    fn a_pooled_reference_by_hand() {
        use Direction::{Higher as Hi, Lower as Lo};
        // Pool: two years, 2 4 6 | 4 8 10 → min 2, max 10, mean 34/6, order 2 4 4 6 8 10.
        let pool = [2.0, 4.0, 6.0, 4.0, 8.0, NAN, 10.0];
        let by = |col: &[f64], n: Normalisation, d: Direction| {
            let mut c = col.to_vec();
            normalise_column_by(&mut c, &n, d, &Reference::of(&pool, &n, d));
            c
        };
        let mm = Normalisation::MinMax {
            low: 0.0,
            high: 100.0,
        };
        assert_eq!(by(&[2.0, 4.0, 6.0], mm, Hi), [0.0, 25.0, 50.0]);
        assert_eq!(by(&[4.0, 8.0, 10.0], mm, Hi), [25.0, 75.0, 100.0]);
        assert_eq!(by(&[4.0, 8.0, 10.0], mm, Lo), [75.0, 25.0, 0.0]);
        let db = Normalisation::DistanceToBest {
            low: 0.0,
            high: 1.0,
        };
        let d = by(&[6.0, NAN], db, Hi);
        assert!(d[0] == 0.5 && d[1].is_nan(), "{d:?}");
        // The ranks of 4 and 8 among 2 4 4 6 8 10 are 2 and 5; percentile (r − 1)/5.
        assert_eq!(by(&[4.0, 8.0], Normalisation::Rank, Hi), [2.0, 5.0]);
        assert_eq!(by(&[4.0, 8.0], Normalisation::Rank, Lo), [4.0, 2.0]);
        let pr = Normalisation::PercentileRank {
            low: 0.0,
            high: 1.0,
        };
        assert_eq!(by(&[4.0, 8.0], pr, Hi), [0.2, 0.8]);
        // A value outside the pool (never made by the pipeline) ranks where it falls.
        assert_eq!(by(&[1.0, 11.0], Normalisation::Rank, Hi), [1.0, 7.0]);
        // mean 34/6, sample sd √(Σ(x − m)²/5) = √(1424/180)…: checked against the formula.
        let z = Normalisation::ZScore { mean: 0.0, sd: 1.0 };
        let m = 34.0 / 6.0;
        let ss: f64 = [2.0, 4.0, 6.0, 4.0, 8.0, 10.0]
            .iter()
            .map(|x: &f64| (x - m) * (x - m))
            .sum();
        let sd = (ss / 5.0).sqrt();
        let got = by(&[2.0, 10.0], z, Hi);
        assert!((got[0] - (2.0 - m) / sd).abs() < 1e-12, "{got:?}");
        assert!((got[1] - (10.0 - m) / sd).abs() < 1e-12, "{got:?}");
        // A constant pool: the middle (min-max), the target mean (z-score).
        let flat = [3.0, 3.0, 3.0];
        let mut c = vec![3.0, NAN];
        normalise_column_by(&mut c, &mm, Hi, &Reference::of(&flat, &mm, Hi));
        assert_eq!(c[0], 50.0);
        assert!(c[1].is_nan());
    }
}
