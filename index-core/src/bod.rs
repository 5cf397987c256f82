//! Benefit-of-the-doubt weights: each unit weighted the way most favourable to it (OECD/JRC
//! *Handbook on Constructing Composite Indicators* (2008), §6.1 "Benefit of the doubt
//! approach"; Cherchye, Moesen, Rogge & Van Puyenbroeck (2007), "An introduction to 'benefit of
//! the doubt' composite indicators", *Social Indicators Research* 82, 111–145).
//!
//! # The programme
//!
//! The criteria are the children of one aggregate (by default the root: the pillars), their
//! scores `y_qc ≥ 0` read from a [`Results`]. For each unit `c`, one linear programme:
//!
//! `CI_c = max_w Σ_q w_q·y_qc  subject to  Σ_q w_q·y_qk ≤ 1 for every unit k,  w_q ≥ 0`.
//!
//! No unit may score above 1 under `c`'s weights, so `CI_c ∈ [0, 1]`, and `CI_c = 1` for every
//! unit on the frontier (best under some weights). The weights are in the criteria's own units;
//! what compares across criteria is each one's **share** of the unit's score,
//! `s_qc = w_q·y_qc / CI_c`.
//!
//! **Share constraint** (the Handbook's way to keep a criterion from being ignored): with
//! `min_share = a`, every criterion's share of the unit's score is at least `a`,
//!
//! `w_q·y_qc ≥ a · Σ_p w_p·y_pc` for every criterion q,
//!
//! linear once rearranged. It needs `a · (number of criteria) ≤ 1`. A unit scoring 0 on a
//! criterion then scores 0 overall whenever `a > 0` (its share there cannot reach `a`): the
//! Handbook's caveat, left as the programme gives it.
//!
//! # Decisions
//!
//! - Criteria must be **non-negative** (min–max normalised scores, say); a negative score is
//!   refused ([`Error::Optimisation`], naming the unit and criterion). Z-scores are not.
//! - Each criterion is divided by its largest score before solving and the weights multiplied
//!   back after: the programme is the same, the solver's numbers are of one size, and scores
//!   and shares do not change when a criterion is rescaled (multiplied by 7, say).
//! - A criterion on which every unit scores 0 gets weight 0. A unit scoring 0 on every
//!   criterion scores 0, and has no shares.
//! - Scores are rounded to 10⁻⁹ (a solver's 0.9999999999 is 1) and ranked by competition
//!   ranking among the units taking part. Only units with a score on every criterion take
//!   part ([`Criteria::read`]).

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, SolveOptions};
use serde::Serialize;

use crate::bounds::{Budget, Criteria, LeftOut};
use crate::dataset::Dataset;
use crate::error::{short_number, Error, Result};
use crate::framework::Framework;
use crate::pipeline::Results;
use crate::rank::competition_ranks;

/// The name errors give this analysis.
const ANALYSIS: &str = "benefit of the doubt";

/// What [`bod`] computes.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The aggregate whose descendants are the criteria (a framework position); `None`: the
    /// root.
    pub level: Option<usize>,
    /// How many generations below `level` the criteria are (1: its children; see
    /// [`Criteria::read`]).
    pub depth: u8,
    /// The least share of each criterion in a unit's score, in [0, 1 / criteria].
    pub min_share: f64,
    /// The budget of each programme (time only matters: these are linear programmes).
    pub budget: Budget,
}

impl Default for Options {
    /// The root's children, no least share, the default budget.
    fn default() -> Self {
        Options {
            level: None,
            depth: 1,
            min_share: 0.0,
            budget: Budget::default(),
        }
    }
}

/// One unit's benefit-of-the-doubt score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodUnit {
    /// Unit position in the dataset.
    pub unit: usize,
    /// `CI_c`, in [0, 1]; 1 on the frontier.
    pub score: f64,
    /// Rank by `score` among the units taking part (competition ranking).
    pub rank: u32,
    /// The weights most favourable to the unit, in the criteria's own units.
    pub weights: Vec<f64>,
    /// Each criterion's share of the unit's score, `w_q·y_qc / CI_c` (summing to 1); `None`
    /// when the score is 0.
    pub shares: Option<Vec<f64>>,
}

/// Every unit's benefit-of-the-doubt score at one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bod {
    /// The aggregate whose children are the criteria (framework position).
    pub level: usize,
    /// The criteria (framework positions).
    pub criteria: Vec<usize>,
    /// The least share asked for.
    pub min_share: f64,
    /// One row per unit taking part, in dataset order.
    pub rows: Vec<BodUnit>,
    /// Units left out, with the reason.
    pub left_out: Vec<LeftOut>,
}

/// Every unit's benefit-of-the-doubt score and weights on the children of `options.level`
/// (see the module's doc). `results` must be a result of `dataset` (whose unit codes the
/// errors name).
///
/// # Errors
/// As [`Criteria::read`]; [`Error::Optimisation`] for a negative criterion score, a
/// `min_share` outside [0, 1 / criteria], or a programme the solver fails on or does not finish
/// within the budget.
pub fn bod(
    dataset: &Dataset,
    framework: &Framework,
    results: &Results,
    options: &Options,
) -> Result<Bod> {
    let criteria = Criteria::read(framework, results, options.level, options.depth, ANALYSIS)?;
    let name = |n: usize| framework.node(n).map_or(String::new(), |s| s.id.clone());
    for (row, &unit) in criteria.values.iter().zip(&criteria.units) {
        if let Some((q, x)) = row.iter().enumerate().find(|(_, x)| **x < 0.0) {
            let code = dataset
                .units()
                .get(unit)
                .map_or(String::new(), |u| u.code.clone());
            return Err(Error::Optimisation {
                analysis: ANALYSIS,
                problem: format!(
                    "`{code}` scores {} on `{}`; the criteria must not be negative (normalise \
                     them by min–max, say)",
                    short_number(*x),
                    criteria.criteria.get(q).map_or(String::new(), |n| name(*n))
                ),
            });
        }
    }
    let solved = scores(&criteria.values, options.min_share, options.budget)?;
    let ranks = competition_ranks(&solved.iter().map(|s| Some(s.0)).collect::<Vec<_>>());
    let rows = solved
        .into_iter()
        .zip(&criteria.units)
        .zip(ranks)
        .map(|(((score, weights, shares), &unit), rank)| BodUnit {
            unit,
            score,
            rank: rank.unwrap_or(0),
            weights,
            shares,
        })
        .collect();
    Ok(Bod {
        level: criteria.level,
        criteria: criteria.criteria,
        min_share: options.min_share,
        rows,
        left_out: criteria.left_out,
    })
}

/// One unit's score, weights and shares (see [`BodUnit`]).
pub type Solved = (f64, Vec<f64>, Option<Vec<f64>>);

/// The benefit-of-the-doubt score, weights and shares of every row of `values` (one row per
/// unit, one non-negative value per criterion) against all the rows.
///
/// # Errors
/// [`Error::Optimisation`] for rows of unequal length, a value that is negative or not finite, a
/// `min_share` outside [0, 1 / criteria], or a programme the solver fails on or does not finish
/// within `budget`.
///
/// ```
/// use index_core::bod::scores;
/// use index_core::bounds::Budget;
/// // B is beaten by A on both criteria; A and C are each best on one.
/// let s = scores(&[vec![4.0, 2.0], vec![2.0, 1.0], vec![1.0, 4.0]], 0.0, Budget::default())
///     .unwrap();
/// let score: Vec<f64> = s.iter().map(|u| u.0).collect();
/// assert_eq!(score, vec![1.0, 0.5, 1.0]);
/// ```
pub fn scores(values: &[Vec<f64>], min_share: f64, budget: Budget) -> Result<Vec<Solved>> {
    let bad = |problem: String| Error::Optimisation {
        analysis: ANALYSIS,
        problem,
    };
    let n = values.first().map_or(0, Vec::len);
    if values.iter().any(|r| r.len() != n) {
        return Err(bad("rows of scores of unequal length".into()));
    }
    if let Some(x) = values
        .iter()
        .flatten()
        .find(|x| !(x.is_finite() && **x >= 0.0))
    {
        return Err(bad(format!(
            "a criterion score of {} is negative or not a number; the criteria must not be \
             negative",
            short_number(*x)
        )));
    }
    if !(min_share.is_finite() && min_share >= 0.0 && min_share * n as f64 <= 1.0 + 1e-12) {
        return Err(bad(format!(
            "the least share must be from 0 to 1/{n} for {n} criteria, got {}",
            short_number(min_share)
        )));
    }
    // Each criterion over its largest score.
    let scale: Vec<f64> = (0..n)
        .map(|q| {
            values
                .iter()
                .filter_map(|r| r.get(q))
                .fold(0.0_f64, |m, x| m.max(*x))
        })
        .collect();
    let scaled: Vec<Vec<f64>> = values
        .iter()
        .map(|r| {
            r.iter()
                .zip(&scale)
                .map(|(x, s)| if *s > 0.0 { x / s } else { 0.0 })
                .collect()
        })
        .collect();
    let mut out = Vec::with_capacity(values.len());
    for (c, own) in scaled.iter().enumerate() {
        if own.iter().all(|x| *x == 0.0) {
            out.push((0.0, vec![0.0; n], None));
            continue;
        }
        let mut p = Problem::new(OptimizationDirection::Maximize);
        // A scaled weight above 1 would put the criterion's best unit above 1.
        let w: Vec<_> = own
            .iter()
            .zip(&scale)
            .map(|(y, s)| p.add_var(*y, (0.0, if *s > 0.0 { 1.0 } else { 0.0 })))
            .collect();
        for row in &scaled {
            let mut e = LinearExpr::empty();
            for (v, y) in w.iter().zip(row) {
                if *y != 0.0 {
                    e.add(*v, *y);
                }
            }
            p.add_constraint(e, ComparisonOp::Le, 1.0);
        }
        if min_share > 0.0 {
            for (q, yq) in own.iter().enumerate() {
                // w_q·y_qc − a·Σ_p w_p·y_pc ≥ 0
                let mut e = LinearExpr::empty();
                for (p_, (v, yp)) in w.iter().zip(own).enumerate() {
                    let coeff = if p_ == q {
                        yq - min_share * yp
                    } else {
                        -min_share * yp
                    };
                    if coeff != 0.0 {
                        e.add(*v, coeff);
                    }
                }
                p.add_constraint(e, ComparisonOp::Ge, 0.0);
            }
        }
        let mut options = SolveOptions::default();
        options.time_limit = budget.time;
        let outcome = p
            .solve_with(options)
            .map_err(|e| bad(format!("the solver failed on unit {}: {e}", c + 1)))?;
        let microlp::SolveOutcome::Solution(solution) = outcome else {
            return Err(bad(format!(
                "the programme of unit {} did not finish within the budget",
                c + 1
            )));
        };
        let scaled_w: Vec<f64> = w
            .iter()
            .map(|v| solution.var_value_raw(*v).max(0.0))
            .collect();
        let score = own
            .iter()
            .zip(&scaled_w)
            .map(|(y, w)| y * w)
            .sum::<f64>()
            .clamp(0.0, 1.0);
        let score = (score * 1e9).round() / 1e9;
        let weights: Vec<f64> = scaled_w
            .iter()
            .zip(&scale)
            .map(|(w, s)| if *s > 0.0 { w / s } else { 0.0 })
            .collect();
        let parts: Vec<f64> = own.iter().zip(&scaled_w).map(|(y, w)| y * w).collect();
        let total: f64 = parts.iter().sum();
        let shares =
            (score > 0.0 && total > 0.0).then(|| parts.iter().map(|x| x / total).collect());
        out.push((score, weights, shares));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;
    use crate::dataset::fixture::dataset;
    use crate::dataset::Direction::Higher;
    use crate::framework::fixture::{agg, leaf};
    use crate::method::{Method, MethodSpec, Normalisation};
    use proptest::prelude::*;

    /// Each unit's score (to 1e-9) and, when given, shares (to 1e-9).
    #[track_caller]
    fn check(values: &[&[f64]], min_share: f64, want: &[(f64, Option<&[f64]>)]) {
        let rows: Vec<Vec<f64>> = values.iter().map(|r| r.to_vec()).collect();
        let got = scores(&rows, min_share, Budget::default()).unwrap();
        assert_eq!(got.len(), want.len());
        for (c, ((score, _, shares), (s, sh))) in got.iter().zip(want).enumerate() {
            assert!((score - s).abs() < 1e-9, "unit {c}: {score} ≠ {s}");
            if let Some(sh) = sh {
                let shares = shares.as_ref().unwrap();
                assert!(
                    shares.iter().zip(*sh).all(|(a, b)| (a - b).abs() < 1e-9),
                    "unit {c}: {shares:?} ≠ {sh:?}"
                );
            }
        }
    }

    #[test]
    fn by_hand() {
        // A (1, 0.5) and B (0.5, 1) are each on the frontier (under many weights: no shares to
        // check); C (0.5, 0.5) is best under w = (2/3, 2/3), where A and B score 1 and C 2/3,
        // half of it from each criterion.
        check(
            &[&[1.0, 0.5], &[0.5, 1.0], &[0.5, 0.5]],
            0.0,
            &[(1.0, None), (1.0, None), (2.0 / 3.0, Some(&[0.5, 0.5]))],
        );
    }

    #[test]
    fn a_least_share_keeps_every_criterion_in() {
        // With each share at least 0.5, A (1, 0.5) needs w₁·1 = w₂·0.5, so w₂ = 2w₁: A scores
        // 2w₁ and B (0.5, 1) 2.5w₁ ≤ 1, so w₁ = 0.4 and A scores 0.8.
        check(
            &[&[1.0, 0.5], &[0.5, 1.0]],
            0.5,
            &[(0.8, Some(&[0.5, 0.5])), (0.8, Some(&[0.5, 0.5]))],
        );
        // A unit scoring 0 on a criterion cannot give it a share: it scores 0 (the Handbook's
        // caveat), and has no shares.
        check(
            &[&[1.0, 0.0], &[0.0, 1.0], &[0.5, 0.5]],
            0.3,
            &[(0.0, None), (0.0, None), (1.0, None)],
        );
    }

    #[test]
    fn a_unit_on_the_frontier_scores_1() {
        // D is best on the sum, E on the third criterion alone; both are on the frontier.
        let got = scores(
            &[
                vec![0.2, 0.3, 0.1],
                vec![0.9, 0.8, 0.7],
                vec![0.1, 0.1, 0.95],
                vec![0.5, 0.4, 0.3],
            ],
            0.0,
            Budget::default(),
        )
        .unwrap();
        let s: Vec<f64> = got.iter().map(|u| u.0).collect();
        assert_eq!((s[1], s[2]), (1.0, 1.0));
        assert!(s[0] < 1.0 && s[3] < 1.0, "{s:?}");
    }

    #[test]
    fn negative_criteria_and_impossible_shares_are_refused() {
        let e = scores(&[vec![1.0, -0.5]], 0.0, Budget::default()).unwrap_err();
        assert!(e.to_string().contains("-0.5 is negative"), "{e}");
        let e = scores(&[vec![1.0, 0.5]], 0.6, Budget::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "benefit of the doubt: the least share must be from 0 to 1/2 for 2 criteria, got 0.6"
        );
        assert!(scores(&[vec![1.0, 0.5], vec![1.0]], 0.0, Budget::default()).is_err());
        assert_eq!(scores(&[], 0.0, Budget::default()).unwrap(), vec![]);
        // Every unit 0 on a criterion: weight 0 there; a unit 0 everywhere scores 0.
        let got = scores(&[vec![0.5, 0.0], vec![0.0, 0.0]], 0.0, Budget::default()).unwrap();
        assert_eq!(got[0].0, 1.0);
        assert_eq!(got[0].1[1], 0.0);
        assert_eq!(got[1], (0.0, vec![0.0, 0.0], None));
    }

    fn results(
        x: &[Option<f64>],
        y: &[Option<f64>],
    ) -> (crate::dataset::Dataset, Framework, Results) {
        let codes: Vec<(&str, &[&str])> = ["A", "B", "C"][..x.len()]
            .iter()
            .map(|c| (*c, &[][..]))
            .collect();
        let d = dataset(&codes, &[("x", Higher, x), ("y", Higher, y)]);
        let f = Framework::new(vec![
            leaf("x", "idx", 1.0),
            leaf("y", "idx", 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        let m = Method::new(MethodSpec {
            normalisation: Normalisation::None,
            ..MethodSpec::default()
        })
        .unwrap();
        let r = crate::pipeline::run(&d, &f, &m, &f.weights(), 2020).unwrap();
        (d, f, r)
    }

    #[test]
    fn from_results_with_ranks_and_units_left_out() {
        let (d, f, r) = results(
            &[Some(1.0), Some(0.5), Some(0.5)],
            &[Some(0.5), Some(1.0), None],
        );
        let b = bod(&d, &f, &r, &Options::default()).unwrap();
        let got: Vec<(usize, f64, u32)> =
            b.rows.iter().map(|u| (u.unit, u.score, u.rank)).collect();
        assert_eq!(got, vec![(0, 1.0, 1), (1, 1.0, 1)]);
        assert_eq!(
            b.left_out,
            vec![LeftOut {
                unit: 2,
                reason: "no score for `y`".into()
            }]
        );
        let (d, f, r) = results(&[Some(1.0), Some(-0.5)], &[Some(0.5), Some(1.0)]);
        let e = bod(&d, &f, &r, &Options::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "benefit of the doubt: `B` scores -0.5 on `x`; the criteria must not be negative \
             (normalise them by min–max, say)"
        );
    }

    fn table() -> impl Strategy<Value = Vec<Vec<f64>>> {
        (2usize..=4, 2usize..=10).prop_flat_map(|(n, units)| {
            proptest::collection::vec(proptest::collection::vec(0.0f64..1.0, n), units)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn scores_are_within_0_and_1_the_best_is_1_and_rescaling_changes_nothing(
            values in table(), factor in 1e-3f64..1e3, column in 0usize..4, min in 0.0f64..0.25
        ) {
            let n = values[0].len();
            let plain = scores(&values, min, Budget::default()).unwrap();
            // Equal weights, scaled so that no unit is above 1, are allowed when min = 0: each
            // unit scores at least its sum over the largest sum, and the largest scores 1.
            let sums: Vec<f64> = values.iter().map(|r| r.iter().sum()).collect();
            let top = sums.iter().fold(0.0_f64, |m, x| m.max(*x));
            let unbounded = scores(&values, 0.0, Budget::default()).unwrap();
            for ((s, _, _), sum) in unbounded.iter().zip(&sums) {
                prop_assert!(*s >= sum / top - 1e-9 && *s <= 1.0, "{} against {}", s, sum / top);
            }
            prop_assert!(unbounded.iter().any(|u| u.0 == 1.0));
            for ((with, _, _), (without, _, _)) in plain.iter().zip(&unbounded) {
                prop_assert!(*with <= without + 1e-9, "a least share can only lower a score");
            }
            let mut scaled = values.clone();
            for row in &mut scaled {
                row[column % n] *= factor;
            }
            let again = scores(&scaled, min, Budget::default()).unwrap();
            for ((a, _, _), (b, _, _)) in plain.iter().zip(&again) {
                prop_assert!((a - b).abs() < 1e-7, "{} ≠ {}", a, b);
            }
            // The weights returned give the score and put no unit above 1; the shares sum to 1
            // and are at least the least share.
            for (c, (score, w, shares)) in plain.iter().enumerate() {
                let at = |r: &Vec<f64>| r.iter().zip(w).map(|(y, w)| y * w).sum::<f64>();
                prop_assert!((at(&values[c]) - score).abs() < 1e-7);
                prop_assert!(values.iter().all(|r| at(r) <= 1.0 + 1e-7));
                if let Some(shares) = shares {
                    prop_assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
                    prop_assert!(shares.iter().all(|x| *x >= min - 1e-7), "{:?} < {}", shares, min);
                }
            }
        }
    }
}
