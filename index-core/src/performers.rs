//! Over- and under-performers against income: UNCTAD's reading of a country's index score
//! against its GDP per capita (*Technology and Innovation Report* 2021, 2023, 2025).
//!
//! A country's **expected rank** is its rank by GDP per capita among the economies compared; its
//! **actual rank** is its rank by index score among the same economies; and
//!
//! `difference = expected rank − actual rank`
//!
//! is positive for an *over-performer* (it ranks better on the index than its income suggests)
//! and negative for an under-performer.
//!
//! # Which economies are compared
//!
//! Both ranks are taken over one set: the units with an index score **and** a usable GDP per
//! capita (finite and above 0) in the results' year — the economies UNCTAD compares. Ranking
//! the actual rank over every scored unit instead (the index rank) would put the two ranks over
//! different sets: with k scored units lacking GDP, actual ranks run up to n + k while expected
//! ranks stop at n, and the differences lean negative for no reason of performance. Over one
//! set, with no ties, expected and actual ranks are both permutations of `1..=n` and the
//! differences sum to 0. Each row keeps the index rank over every scored unit
//! ([`Performer::rank`]) beside the actual rank ([`Performer::actual_rank`]); the two differ only
//! when some scored unit has no usable GDP.
//!
//! # Decisions
//!
//! - **Ties** (in GDP or in score) take the engine's rule, competition ranking
//!   ([`crate::rank::competition_ranks`], "1224"): tied units share the best rank and the next
//!   rank is skipped. With ties the differences no longer sum to 0.
//! - **GDP per capita** is the bundle's indicator ([`Bundle::gdp_per_capita`]) read for the
//!   results' year only, with no carry-forward: a unit without a value that year is marked
//!   [`Gdp::Missing`]. UNCTAD uses GDP per capita at PPP; the bundle's indicator is whatever the
//!   bundle ships (the bundles built here ship the World Bank's at PPP, TIR 2025's UNCTAD's own),
//!   named by id in the result.
//! - **GDP ≤ 0** (not a real GDP per capita, and with no logarithm for the fit) is kept as
//!   [`Gdp::NotPositive`] and left out of the ranks and the fit like a missing value, rather than
//!   failing the whole table for one unit's figure. A non-finite value is never read: the
//!   dataset holds none.
//! - Units **with a score but no usable GDP** are returned, marked, with no expected rank or
//!   difference; units **without a score** are left out.
//!
//! # The fit
//!
//! For the scatter chart, [`fit`] is the least-squares line of score on `log10(GDP per capita)`
//! over the units compared: with `x = log10 gdp`, `y = score`, means `x̄`, `ȳ`,
//! `Sxx = Σ(x − x̄)²`, `Syy = Σ(y − ȳ)²`, `Sxy = Σ(x − x̄)(y − ȳ)`:
//!
//! `slope = Sxy / Sxx`, `intercept = ȳ − slope · x̄`, `r² = Sxy² / (Sxx · Syy)`.

use serde::Serialize;

use crate::bundle::Bundle;
use crate::error::{Error, Result};
use crate::pipeline::Results;
use crate::rank::competition_ranks;

/// A unit's GDP per capita in the results' year, as read from the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Gdp {
    /// A positive value: the unit is compared.
    Value(f64),
    /// No value in that year: the unit is not compared.
    Missing,
    /// A value ≤ 0 (no real GDP per capita; no logarithm): the unit is not compared.
    NotPositive(f64),
}

impl Gdp {
    /// `value` read as a GDP per capita: [`Gdp::Value`] when above 0, [`Gdp::NotPositive`] when
    /// not, [`Gdp::Missing`] when absent or not finite.
    ///
    /// ```
    /// use index_core::performers::Gdp;
    /// assert_eq!(Gdp::read(Some(1250.0)), Gdp::Value(1250.0));
    /// assert_eq!(Gdp::read(Some(0.0)), Gdp::NotPositive(0.0));
    /// assert_eq!(Gdp::read(Some(f64::NAN)), Gdp::Missing);
    /// ```
    pub fn read(value: Option<f64>) -> Gdp {
        match value.filter(|v| v.is_finite()) {
            None => Gdp::Missing,
            Some(v) if v > 0.0 => Gdp::Value(v),
            Some(v) => Gdp::NotPositive(v),
        }
    }

    /// The value when the unit is compared (above 0), else `None`.
    pub fn usable(self) -> Option<f64> {
        match self {
            Gdp::Value(v) => Some(v),
            Gdp::Missing | Gdp::NotPositive(_) => None,
        }
    }

    /// Why the unit is not compared, for people ("" when it is).
    pub fn reason(self) -> &'static str {
        match self {
            Gdp::Value(_) => "",
            Gdp::Missing => "no GDP per capita for the year",
            Gdp::NotPositive(_) => "GDP per capita not above 0",
        }
    }
}

/// One scored unit, against its income.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Performer {
    /// Unit position in the dataset.
    pub unit: usize,
    /// Index score.
    pub score: f64,
    /// Index rank among every scored unit, as the rest of the engine ranks
    /// ([`Results::rank`]).
    pub rank: u32,
    /// GDP per capita in the results' year.
    pub gdp: Gdp,
    /// Rank by index score among the units compared (those with a usable GDP), competition
    /// ranking; `None` when this unit is not compared.
    pub actual_rank: Option<u32>,
    /// Rank by GDP per capita, highest first, among the units compared, competition ranking;
    /// `None` when this unit is not compared.
    pub expected_rank: Option<u32>,
    /// `expected_rank − actual_rank`: positive for an over-performer; `None` when this unit is
    /// not compared.
    pub difference: Option<i64>,
}

/// The least-squares line of score on `log10(GDP per capita)`:
/// `score ≈ intercept + slope · log10(gdp)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    /// `Sxy / Sxx`: score points per tenfold GDP per capita.
    pub slope: f64,
    /// `ȳ − slope · x̄`: the line's score at a GDP per capita of 1.
    pub intercept: f64,
    /// `Sxy² / (Sxx · Syy)`, in [0, 1]: the share of the scores' variance the line explains.
    pub r_squared: f64,
    /// Points fitted.
    pub n: usize,
}

impl Fit {
    /// The line's score at GDP per capita `gdp` (`None` for `gdp ≤ 0` or a result that is not
    /// finite).
    ///
    /// ```
    /// # use index_core::performers::Fit;
    /// let line = Fit { slope: 0.5, intercept: -1.0, r_squared: 1.0, n: 3 };
    /// assert_eq!(line.at(1000.0), Some(0.5));
    /// assert_eq!(line.at(0.0), None);
    /// ```
    pub fn at(&self, gdp: f64) -> Option<f64> {
        if gdp <= 0.0 {
            return None;
        }
        Some(self.intercept + self.slope * gdp.log10()).filter(|y| y.is_finite())
    }
}

/// Every scored unit against its income, in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Performers {
    /// The GDP per capita indicator read (its id in the dataset).
    pub indicator: String,
    /// The year of the scores and of the GDP values.
    pub year: i32,
    /// Every scored unit, in index-rank order (ties in unit order).
    pub rows: Vec<Performer>,
    /// Score on `log10(GDP per capita)` over the units compared ([`fit`]).
    pub fit: Option<Fit>,
}

impl Performers {
    /// The units compared (with a usable GDP), largest over-performer first: by difference
    /// (descending), then by actual rank, then by unit position.
    pub fn largest_first(&self) -> Vec<&Performer> {
        let mut compared: Vec<&Performer> = self.compared().collect();
        crate::order::sort_by(&mut compared, |a, b| {
            b.difference
                .cmp(&a.difference)
                .then(a.actual_rank.cmp(&b.actual_rank))
                .then(a.unit.cmp(&b.unit))
        });
        compared
    }

    /// The units compared (with a usable GDP), in index-rank order.
    pub fn compared(&self) -> impl Iterator<Item = &Performer> {
        self.rows.iter().filter(|r| r.difference.is_some())
    }

    /// The scored units not compared (no usable GDP), in index-rank order.
    pub fn not_compared(&self) -> impl Iterator<Item = &Performer> {
        self.rows.iter().filter(|r| r.difference.is_none())
    }
}

/// Every scored unit of `results` against its GDP per capita in `bundle`, in the results' year:
/// index rank, actual rank and expected rank among the units with a usable GDP, their
/// difference, and the fit of score on `log10(GDP per capita)` (see the module's doc for each
/// decision). `results` must be a result of `bundle` (e.g. [`crate::scenario::Resolved::run`]).
///
/// # Errors
/// [`Error::NoGdpPerCapita`] for a bundle without a GDP per capita indicator;
/// [`Error::Unknown`] if its indicator is not in the dataset (a valid bundle's always is);
/// [`Error::Shape`] when `results` has another number of units than the dataset.
pub fn performers(bundle: &Bundle, results: &Results) -> Result<Performers> {
    let id = bundle
        .gdp_per_capita()
        .ok_or_else(|| Error::NoGdpPerCapita {
            bundle: bundle.id().to_string(),
        })?;
    let dataset = bundle.dataset();
    let indicator = dataset
        .indicator_position(id)
        .ok_or_else(|| Error::Unknown {
            what: "indicator",
            id: id.to_string(),
            by: format!("bundle `{}` as its GDP per capita", bundle.id()),
        })?;
    let units = dataset.units().len();
    if results.units() != units {
        return Err(Error::Shape(format!(
            "results for {} units, the dataset of bundle `{}` has {units}",
            results.units(),
            bundle.id()
        )));
    }
    let year = results.year();
    let scores: Vec<Option<f64>> = (0..units)
        .map(|u| results.rank(u).and(results.index(u)))
        .collect();
    let gdp: Vec<Gdp> = (0..units)
        .map(|u| Gdp::read(dataset.value(u, indicator, year)))
        .collect();
    let usable: Vec<Option<f64>> = gdp.iter().map(|g| g.usable()).collect();
    let (actual, expected) = paired_ranks(&scores, &usable);
    let rows = results
        .order()
        .iter()
        .copied()
        .filter_map(|u| {
            let (actual, expected) = (actual.get(u).copied()?, expected.get(u).copied()?);
            Some(Performer {
                unit: u,
                score: scores.get(u).copied()??,
                rank: results.rank(u)?,
                gdp: gdp.get(u).copied()?,
                actual_rank: actual,
                expected_rank: expected,
                difference: expected
                    .zip(actual)
                    .map(|(e, a)| i64::from(e) - i64::from(a)),
            })
        })
        .collect();
    let points: Vec<(f64, f64)> = usable
        .iter()
        .zip(&scores)
        .filter_map(|(g, s)| Some(((*g)?, (*s)?)))
        .collect();
    Ok(Performers {
        indicator: id.to_string(),
        year,
        rows,
        fit: fit(&points),
    })
}

/// Actual and expected ranks of each unit (`None` for a unit without both a score and a GDP):
/// competition ranks of `scores` and of `gdp`, each over the units that have both.
fn paired_ranks(
    scores: &[Option<f64>],
    gdp: &[Option<f64>],
) -> (Vec<Option<u32>>, Vec<Option<u32>>) {
    let both: Vec<bool> = scores
        .iter()
        .zip(gdp)
        .map(|(s, g)| s.is_some() && g.is_some())
        .collect();
    let among_both = |values: &[Option<f64>]| -> Vec<Option<f64>> {
        values
            .iter()
            .zip(&both)
            .map(|(v, b)| v.filter(|_| *b))
            .collect()
    };
    (
        competition_ranks(&among_both(scores)),
        competition_ranks(&among_both(gdp)),
    )
}

/// The least-squares line of score on `log10(gdp)` through `points`, given as `(gdp, score)`:
/// `slope = Sxy / Sxx`, `intercept = ȳ − slope · x̄`, `r² = Sxy² / (Sxx · Syy)` with
/// `x = log10 gdp`, `y = score` (sums of centred products, two passes).
///
/// `None` when there are fewer than 3 points, any GDP is ≤ 0 or any value not finite (no
/// logarithm; [`performers`] passes only usable values), when every GDP is the same or every
/// score is (`Sxx = 0` or `Syy = 0`: no line, or no variance to explain), or when a figure
/// overflows.
///
/// ```
/// use index_core::performers::fit;
/// let line = fit(&[(10.0, 1.0), (100.0, 2.0), (1000.0, 3.0)]).unwrap();
/// assert!((line.slope - 1.0).abs() < 1e-12 && line.intercept.abs() < 1e-12);
/// assert!((line.r_squared - 1.0).abs() < 1e-12 && line.n == 3);
/// assert_eq!(fit(&[(10.0, 1.0), (100.0, 2.0)]), None);
/// ```
pub fn fit(points: &[(f64, f64)]) -> Option<Fit> {
    let n = points.len();
    if n < 3
        || points
            .iter()
            .any(|&(g, s)| !(g > 0.0 && g.is_finite() && s.is_finite()))
    {
        return None;
    }
    let xy: Vec<(f64, f64)> = points.iter().map(|&(g, s)| (g.log10(), s)).collect();
    let count = n as f64;
    let mean_x = xy.iter().map(|p| p.0).sum::<f64>() / count;
    let mean_y = xy.iter().map(|p| p.1).sum::<f64>() / count;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for &(x, y) in &xy {
        let (dx, dy) = (x - mean_x, y - mean_y);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let line = Fit {
        slope,
        intercept: mean_y - slope * mean_x,
        // Sxy²/(Sxx·Syy) as two ratios, so that large scores do not overflow the product.
        r_squared: (slope * (sxy / syy)).clamp(0.0, 1.0),
        n,
    };
    [line.slope, line.intercept, line.r_squared, sxx, syy, sxy]
        .iter()
        .all(|v| v.is_finite())
        .then_some(line)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;
    use crate::bundle::BundleParts;
    use crate::dataset::fixture::dataset;
    use crate::dataset::Direction::Higher;
    use crate::framework::fixture::{agg, leaf};
    use crate::framework::Framework;
    use crate::method::{Method, MethodSpec, Normalisation};
    use proptest::prelude::*;

    /// A bundle of units `(code, score x, GDP per capita)` in 2020, the index being `x` itself
    /// (no normalisation), with GDP per capita indicator `gdp` when given.
    fn bundle(units: &[(&str, Option<f64>, Option<f64>)], gdp: Option<&str>) -> Bundle {
        let codes: Vec<(&str, &[&str])> = units
            .iter()
            .map(|(c, _, _)| (*c, &["LDC", "dev"][..]))
            .collect();
        let x: Vec<Option<f64>> = units.iter().map(|u| u.1).collect();
        let g: Vec<Option<f64>> = units.iter().map(|u| u.2).collect();
        let framework = Framework::new(vec![leaf("x", "idx", 1.0), agg("idx", None, 1.0)]).unwrap();
        Bundle::new(BundleParts {
            id: "t".into(),
            title: "T".into(),
            description: String::new(),
            notes: vec![],
            dataset: dataset(&codes, &[("x", Higher, &x), ("gdppc", Higher, &g)]),
            framework,
            method: Method::new(MethodSpec {
                normalisation: Normalisation::None,
                ..MethodSpec::default()
            })
            .unwrap(),
            default_year: 2020,
            default_groups: ["LDC".into(), "dev".into()],
            reference: None,
            gdp_per_capita: gdp.map(String::from),
        })
        .unwrap()
    }

    fn run(b: &Bundle) -> Performers {
        let results = crate::scenario::Resolved::defaults(b).run(b).unwrap();
        performers(b, &results).unwrap()
    }

    /// One row as (code, rank, actual, expected, difference).
    type Row = (String, u32, Option<u32>, Option<u32>, Option<i64>);

    #[track_caller]
    fn check(units: &[(&str, Option<f64>, Option<f64>)], want: &[Row]) -> Performers {
        let b = bundle(units, Some("gdppc"));
        let p = run(&b);
        let rows: Vec<Row> = p
            .rows
            .iter()
            .map(|r| {
                let code = b.dataset().units()[r.unit].code.clone();
                (code, r.rank, r.actual_rank, r.expected_rank, r.difference)
            })
            .collect();
        assert_eq!(rows, want);
        p
    }

    fn row(code: &str, rank: u32, ranks: Option<(u32, u32)>) -> Row {
        let (a, e) = (ranks.map(|r| r.0), ranks.map(|r| r.1));
        let d = ranks.map(|(a, e)| i64::from(e) - i64::from(a));
        (code.into(), rank, a, e, d)
    }

    #[test]
    fn six_units_by_hand() {
        // Scores 9, 8, 7, 6, 5, 4 rank A..F 1..6. D has no GDP, so five are compared:
        //   actual ranks among them (by score): A 1, B 2, C 3, E 4, F 5;
        //   expected (by GDP 1e5, 1e2, 1e4, 1e1, 1e3): A 1, C 2, F 3, B 4, E 5;
        //   difference = expected − actual: A 0, B +2, C −1, E +1, F −2 (sum 0).
        let p = check(
            &[
                ("A", Some(9.0), Some(1e5)),
                ("B", Some(8.0), Some(1e2)),
                ("C", Some(7.0), Some(1e4)),
                ("D", Some(6.0), None),
                ("E", Some(5.0), Some(1e1)),
                ("F", Some(4.0), Some(1e3)),
            ],
            &[
                row("A", 1, Some((1, 1))),
                row("B", 2, Some((2, 4))),
                row("C", 3, Some((3, 2))),
                row("D", 4, None),
                row("E", 5, Some((4, 5))),
                row("F", 6, Some((5, 3))),
            ],
        );
        let order: Vec<usize> = p.largest_first().iter().map(|r| r.unit).collect();
        assert_eq!(order, vec![1, 4, 0, 2, 5], "B +2, E +1, A 0, C −1, F −2");
        assert_eq!(p.rows[3].gdp, Gdp::Missing);
        // x = log10 GDP: A 5, B 2, C 4, E 1, F 3; y: 9, 8, 7, 5, 4. x̄ = 3, ȳ = 6.6;
        // Sxy = 2·2.4 − 1·1.4 + 1·0.4 − 2·(−1.6) + 0 = 7, Sxx = 10, Syy = 17.2:
        // slope 0.7, intercept 6.6 − 2.1 = 4.5, r² = 49 / 172.
        let line = p.fit.unwrap();
        assert_eq!(line.n, 5);
        assert!((line.slope - 0.7).abs() < 1e-12, "{line:?}");
        assert!((line.intercept - 4.5).abs() < 1e-12, "{line:?}");
        assert!((line.r_squared - 49.0 / 172.0).abs() < 1e-12, "{line:?}");
    }

    #[test]
    fn ties_share_the_best_rank_as_the_engine_ranks() {
        // Scores 3, 3, 1 → actual 1, 1, 3; GDP 10, 20, 20 → expected 3, 1, 1.
        check(
            &[
                ("A", Some(3.0), Some(10.0)),
                ("B", Some(3.0), Some(20.0)),
                ("C", Some(1.0), Some(20.0)),
            ],
            &[
                row("A", 1, Some((1, 3))),
                row("B", 1, Some((1, 1))),
                row("C", 3, Some((3, 1))),
            ],
        );
    }

    #[test]
    fn units_without_usable_gdp_are_marked_and_units_without_a_score_left_out() {
        // B has no score (left out); C has GDP 0 and D none (kept, not compared). A and E are
        // compared: actual 1, 2; expected (GDP 5, 50) 2, 1.
        let p = check(
            &[
                ("A", Some(4.0), Some(5.0)),
                ("B", None, Some(1e6)),
                ("C", Some(3.0), Some(0.0)),
                ("D", Some(2.0), None),
                ("E", Some(1.0), Some(50.0)),
            ],
            &[
                row("A", 1, Some((1, 2))),
                row("C", 2, None),
                row("D", 3, None),
                row("E", 4, Some((2, 1))),
            ],
        );
        let left: Vec<(usize, Gdp)> = p.not_compared().map(|r| (r.unit, r.gdp)).collect();
        assert_eq!(left, vec![(2, Gdp::NotPositive(0.0)), (3, Gdp::Missing)]);
        assert_eq!(p.fit, None, "two points make no fit");
    }

    #[test]
    fn a_bundle_without_gdp_per_capita_is_an_error() {
        let b = bundle(&[("A", Some(1.0), Some(1.0))], None);
        let results = crate::scenario::Resolved::defaults(&b).run(&b).unwrap();
        let e = performers(&b, &results).unwrap_err();
        assert_eq!(e, Error::NoGdpPerCapita { bundle: "t".into() });
        assert_eq!(
            e.to_string(),
            "bundle `t` has no GDP per capita indicator to compare its scores with"
        );
        let other = bundle(
            &[("A", Some(1.0), Some(1.0)), ("B", Some(2.0), Some(2.0))],
            Some("gdppc"),
        );
        assert!(matches!(performers(&other, &results), Err(Error::Shape(_))));
    }

    #[test]
    fn the_fit_is_none_without_a_line_to_draw() {
        let line = fit(&[(1e3, 2.0), (1e1, 1.0), (1e2, 0.0), (1e4, 3.0)]).unwrap();
        // x 3, 1, 2, 4 (x̄ 2.5), y 2, 1, 0, 3 (ȳ 1.5): Sxy = 0.25 + 0.75 + 0.75 + 2.25 = 4,
        // Sxx = 5, Syy = 5: slope 0.8, intercept 1.5 − 2 = −0.5, r² = 16 / 25.
        assert!((line.slope - 0.8).abs() < 1e-12, "{line:?}");
        assert!((line.intercept + 0.5).abs() < 1e-12, "{line:?}");
        assert!((line.r_squared - 0.64).abs() < 1e-12, "{line:?}");
        assert!((line.at(1e4).unwrap() - 2.7).abs() < 1e-12);
        assert_eq!(fit(&[(5.0, 1.0), (5.0, 2.0), (5.0, 3.0)]), None, "one GDP");
        assert_eq!(
            fit(&[(1.0, 2.0), (5.0, 2.0), (9.0, 2.0)]),
            None,
            "one score"
        );
        assert_eq!(fit(&[(1.0, 1.0), (5.0, 2.0), (-9.0, 3.0)]), None, "GDP ≤ 0");
        assert_eq!(fit(&[(1.0, 1.0), (5.0, 2.0), (9.0, f64::NAN)]), None);
        let huge = [(1.0, -1e308), (10.0, 1e308), (100.0, 1e308)];
        assert_eq!(fit(&huge), None, "Syy overflows");
    }

    /// Up to 40 units: scores and GDPs are two shuffles of `0..n` (no ties), each present or
    /// not.
    fn without_ties() -> impl Strategy<Value = (Vec<Option<f64>>, Vec<Option<f64>>)> {
        (0usize..40).prop_flat_map(|n| {
            let values: Vec<f64> = (0..n).map(|i| i as f64).collect();
            (
                Just(values.clone()).prop_shuffle(),
                Just(values).prop_shuffle(),
                proptest::collection::vec((any::<bool>(), any::<bool>()), n),
            )
                .prop_map(|(s, g, present)| {
                    let keep = |v: &[f64], first: bool| -> Vec<Option<f64>> {
                        v.iter()
                            .zip(&present)
                            .map(|(x, p)| Some(*x).filter(|_| if first { p.0 } else { p.1 }))
                            .collect()
                    };
                    (keep(&s, true), keep(&g, false))
                })
        })
    }

    proptest! {
        #[test]
        fn without_ties_ranks_are_permutations_and_differences_sum_to_zero(
            (scores, gdp) in without_ties()
        ) {
            let (actual, expected) = paired_ranks(&scores, &gdp);
            let both = scores.iter().zip(&gdp).filter(|(s, g)| s.is_some() && g.is_some()).count();
            for ranks in [&actual, &expected] {
                let mut present: Vec<u32> = ranks.iter().flatten().copied().collect();
                present.sort_unstable();
                prop_assert_eq!(present, (1..=both as u32).collect::<Vec<_>>());
            }
            let sum: i64 = actual.iter().zip(&expected)
                .filter_map(|(a, e)| Some(i64::from((*e)?) - i64::from((*a)?)))
                .sum();
            prop_assert_eq!(sum, 0);
        }

        #[test]
        fn expected_rank_is_one_plus_the_units_compared_with_more_gdp(
            values in proptest::collection::vec((proptest::option::of(0u8..6), proptest::option::of(0u8..6)), 0..30)
        ) {
            // Few distinct values, so ties are common.
            let scores: Vec<Option<f64>> = values.iter().map(|v| v.0.map(f64::from)).collect();
            let gdp: Vec<Option<f64>> = values.iter().map(|v| v.1.map(f64::from)).collect();
            let (actual, expected) = paired_ranks(&scores, &gdp);
            let compared: Vec<(f64, f64)> = values
                .iter()
                .filter_map(|v| Some((f64::from(v.0?), f64::from(v.1?))))
                .collect();
            for (u, (s, g)) in scores.iter().zip(&gdp).enumerate() {
                match (s, g) {
                    (Some(s), Some(g)) => {
                        let above = |key: fn(&(f64, f64)) -> f64, of: f64| {
                            1 + compared.iter().filter(|p| key(p) > of).count() as u32
                        };
                        prop_assert_eq!(expected[u], Some(above(|p| p.1, *g)));
                        prop_assert_eq!(actual[u], Some(above(|p| p.0, *s)));
                    }
                    _ => prop_assert_eq!((actual[u], expected[u]), (None, None)),
                }
            }
        }
    }
}
