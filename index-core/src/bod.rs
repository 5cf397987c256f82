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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    /// The aggregate whose children are the criteria (a framework position); `None`: the root.
    pub level: Option<usize>,
    /// The least share of each criterion in a unit's score, in [0, 1 / criteria].
    pub min_share: f64,
    /// The budget of each programme (time only matters: these are linear programmes).
    pub budget: Budget,
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
    let criteria = Criteria::read(framework, results, options.level, ANALYSIS)?;
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
