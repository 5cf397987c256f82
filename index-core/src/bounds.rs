//! Exact best and worst ranks: how well and how badly each unit can rank under *any* weights
//! within bounds, for an arithmetic mean at one level of the framework (Lorenz, Brauer & Lorenz
//! (2016), "Rank-optimal weighting or 'How to be best in the OECD Better Life Index?'", *Social
//! Indicators Research* 134, 75–92).
//!
//! # The problem
//!
//! The **criteria** are the children of one aggregate node (by default the root: the pillars),
//! their scores `y_qc` read from a [`Results`]. Under shares `w` (one per criterion, `Σ_q w_q =
//! 1`) unit `c` scores `I_c(w) = Σ_q w_q·y_qc` — the node's score under an arithmetic mean with
//! those weights. The shares range over a polytope `W`:
//!
//! - [`Shares::Free`] (the default): the simplex, each `w_q ∈ [0, 1]`;
//! - [`Shares::Within`]: each `w_q ∈ [min, max]`;
//! - [`Shares::HalfToDouble`]: each `w_q` between half and double its current share (capped at
//!   1), so a criterion weighted 0 stays at 0.
//!
//! A rival `k` is **strictly above** `c` under `w` when `I_k(w) − I_c(w) > τ` ([`TIE`], below);
//! the rank of `c` is one plus the number of rivals strictly above it. Ties therefore count in
//! `c`'s favour, as competition ranking does ("1224": tied units share the better rank).
//!
//! **Best rank** (a mixed-integer programme per unit): with `d_qk = y_qk − y_qc`, one binary
//! `z_k` per rival (1: allowed above `c`),
//!
//! `minimise Σ_k z_k  subject to  Σ_q w_q·d_qk ≤ τ/2 + M_k·z_k for every rival k,  w ∈ W`,
//!
//! with `M_k = max_{w∈W} Σ_q w_q·d_qk − τ/2` (computed exactly: over `W`, a box cut by the
//! simplex, the maximum of a linear function is a greedy fill — the lower bounds first, then the
//! largest `d_qk` up to its upper bound, and so on). Best rank = 1 + rivals above for certain +
//! the minimum. **Worst rank** is the mirror: one binary `y_k` per rival (1: counted above),
//!
//! `maximise Σ_k y_k  subject to  Σ_q w_q·d_qk ≥ m_k + (2τ − m_k)·y_k,  w ∈ W`,
//!
//! with `m_k = min_{w∈W} Σ_q w_q·d_qk`: `y_k = 1` forces `k` above `c` by at least `2τ`; `y_k =
//! 0` asks nothing.
//!
//! # Before solving
//!
//! Each rival's least and greatest difference over `W` (`m_k`, `M_k`, by the greedy fill)
//! settles most rivals without a binary:
//!
//! - `min_{w∈W} Σ w_q d_qk > τ`: above `c` under every weight — counted, for both bounds. On
//!   the free simplex this is a rival better on *every* criterion. A rival better on some
//!   criteria and equal on the rest is **not** above for certain: with zero weights allowed,
//!   all the weight can go on the criteria where the two are equal, and then they tie (and the
//!   tie is `c`'s).
//! - `max_{w∈W} Σ w_q d_qk ≤ τ`: never strictly above `c` (on the simplex: `c` weakly dominates
//!   it, `y_qk ≤ y_qc` on every criterion) — dropped, for both bounds.
//!
//! Rivals with the same differences share one binary (weighted by their number). Rivals are
//! also ordered: one at least as far ahead of `c` on every criterion as another is above `c`
//! whenever that one is, so `z_k ≤ z_j` (likewise for `y`). These cuts remove no optimum and
//! cut the search short on the hardest units, but slow the many easy ones; each programme
//! therefore runs first without them for a quarter of its budget, and, only if that does not
//! prove it, with them for the rest, from the best shares found.
//!
//! # Tolerance
//!
//! Scores are compared after dividing every criterion score by the largest absolute one (the
//! problem's scale), and two units whose scores differ by at most [`TIE`] = 10⁻⁶ of that scale
//! are tied. A finer tolerance (10⁻⁹, say) would sit below the solver's own feasibility
//! tolerance (10⁻⁷ in microlp), so a solution could claim a rival below `c` that is in fact
//! 10⁻⁷ above. The programmes leave a margin on both sides (`τ/2` for "not above", `2τ` for
//! "above"), so the rank the returned weights give — recounted, not read from the solver — is
//! the rank reported. The bounds are exact up to rivals that can be brought within that band
//! (between `τ/2` and `2τ` of `c`) and no further; the worst bound's proven limit counts those
//! too, so it stays a true limit.
//!
//! # Budget, proof
//!
//! Each programme gets a [`Budget`] (wall-clock time and/or branch-and-bound nodes; a node
//! budget gives the same answer on every machine). Each [`Bound`] holds the rank the returned
//! shares attain (recounted), the limit the solver has proven (no weights in `W` do better for
//! the best bound, or worse for the worst), and `proven` when the two meet. When a budget runs
//! out, the rank is the best found so far and the limit what was proven — never a guess.
//!
//! # Who takes part
//!
//! Only units with a score on **every** criterion take part (an index that tolerates a missing
//! pillar would otherwise be compared on different criteria); the others are listed in
//! [`RankBounds::left_out`] with the reason. The nominal rank ([`UnitBounds::rank`]) is taken
//! among the units taking part, under the current shares and the same tie rule, so it may
//! differ from the index rank. It lies within `[best, worst]` whenever the current shares are in
//! `W` (always for [`Shares::Free`] and [`Shares::HalfToDouble`]).

use core::time::Duration;

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, SolveOptions, Variable};
use serde::Serialize;

use crate::error::{short_number, Error, Result};
use crate::framework::Framework;
use crate::method::Aggregation;
use crate::pipeline::Results;

/// Scores within this share of the largest absolute criterion score are tied (see the module's
/// doc, "Tolerance").
pub const TIE: f64 = 1e-6;

/// The name errors give this analysis.
const ANALYSIS: &str = "rank bounds";

/// Which shares the weights may take.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Shares {
    /// Any shares on the simplex: each in [0, 1], summing to 1.
    #[default]
    Free,
    /// Each share in [`min`, `max`] (and summing to 1).
    Within {
        /// The least share of each criterion.
        min: f64,
        /// The greatest share of each criterion.
        max: f64,
    },
    /// Each share between half and double its current share (at most 1).
    HalfToDouble,
}

/// How long each programme may run. `None` for both: until proven.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Budget {
    /// Wall-clock time per programme.
    pub time: Option<Duration>,
    /// Branch-and-bound nodes per programme (the same answer on every machine).
    pub nodes: Option<u64>,
}

impl Default for Budget {
    /// Two seconds per programme.
    fn default() -> Self {
        Budget {
            time: Some(Duration::from_secs(2)),
            nodes: None,
        }
    }
}

/// What [`rank_bounds`] computes.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The aggregate whose descendants are the criteria (a framework position); `None`: the
    /// root.
    pub level: Option<usize>,
    /// How many generations below `level` the criteria are: 1 (the default) its children, 2
    /// its grandchildren (the GII's seven pillars under its two sub-indices), … (see
    /// [`Criteria::read`]).
    pub depth: u8,
    /// The shares allowed.
    pub shares: Shares,
    /// The budget of each programme.
    pub budget: Budget,
}

impl Default for Options {
    /// The root's children, free shares, the default budget.
    fn default() -> Self {
        Options {
            level: None,
            depth: 1,
            shares: Shares::Free,
            budget: Budget::default(),
        }
    }
}

/// A unit left out of the analysis, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    /// Unit position in the dataset.
    pub unit: usize,
    /// Why, for people (e.g. "no score for `rd`").
    pub reason: String,
}

/// The criteria of one level: every taking-part unit's scores on the descendants of one node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criteria {
    /// The aggregate node (framework position).
    pub level: usize,
    /// Its descendants `depth` generations down (or leaves above that), the criteria
    /// (framework positions, in framework order).
    pub criteria: Vec<usize>,
    /// The aggregates from `level` down whose means the criteria are taken through.
    pub through: Vec<usize>,
    /// The units taking part (dataset positions).
    pub units: Vec<usize>,
    /// Their scores: one row per unit taking part, one value per criterion.
    pub values: Vec<Vec<f64>>,
    /// The current shares of the criteria: each one's share among its siblings, times its
    /// parent's, and so on up to `level` (the weight each has in `level`'s score when every
    /// mean between is arithmetic).
    pub current: Vec<f64>,
    /// The units left out, with the reason.
    pub left_out: Vec<LeftOut>,
}

impl Criteria {
    /// The descendants of `level` (default: the root) `depth` generations down — its children
    /// for 1, their children for 2, a leaf met on the way standing for itself — and every
    /// unit's scores on them, for the analyses of this module and of [`crate::bod`]. Only
    /// units with a score on every criterion take part.
    ///
    /// Under arithmetic means all the way down, `level`'s score is `Σ_q s_q·y_q` with `s_q`
    /// the product of the shares on the path from `level` to criterion `q`, which is what
    /// [`Criteria::current`] holds; varying those products over the simplex is the analysis
    /// of the flattened level.
    ///
    /// # Errors
    /// [`Error::Optimisation`] when `depth` is 0 or the criteria are fewer than two;
    /// [`Error::OtherFramework`] when `results` are not of `framework`.
    pub fn read(
        framework: &Framework,
        results: &Results,
        level: Option<usize>,
        depth: u8,
        analysis: &'static str,
    ) -> Result<Criteria> {
        if !results.weights.fits(framework) {
            return Err(Error::OtherFramework);
        }
        let level = level.unwrap_or(framework.root());
        let id = |n: usize| framework.node(n).map_or(String::new(), |s| s.id.clone());
        if depth == 0 {
            return Err(Error::Optimisation {
                analysis,
                problem: "the criteria must be at least one generation below the level".into(),
            });
        }
        if framework.children(level).is_empty() {
            return Err(Error::Optimisation {
                analysis,
                problem: format!(
                    "node `{}` is an indicator: it has no children to weigh",
                    id(level)
                ),
            });
        }
        let mut frontier = vec![(level, 1.0)];
        let mut through = Vec::new();
        for _ in 0..depth.min(framework.depth()) {
            let mut next = Vec::new();
            for (n, share) in frontier {
                let children = framework.children(n);
                if children.is_empty() {
                    next.push((n, share));
                } else {
                    through.push(n);
                    next.extend(
                        children
                            .iter()
                            .map(|c| (*c, share * results.weights.share(framework, *c))),
                    );
                }
            }
            frontier = next;
        }
        let (criteria, current): (Vec<usize>, Vec<f64>) = frontier.into_iter().unzip();
        if criteria.len() < 2 {
            return Err(Error::Optimisation {
                analysis,
                problem: format!(
                    "node `{}` has {} {}: there are no weights to vary",
                    id(level),
                    criteria.len(),
                    if depth == 1 {
                        "children"
                    } else {
                        "descendants at that depth"
                    }
                ),
            });
        }
        let (mut units, mut values, mut left_out) = (Vec::new(), Vec::new(), Vec::new());
        for u in 0..results.units() {
            let row: Vec<Option<f64>> = criteria
                .iter()
                .map(|q| results.score(u, *q).filter(|x| x.is_finite()))
                .collect();
            match row.iter().position(Option::is_none) {
                None => {
                    units.push(u);
                    values.push(row.into_iter().flatten().collect());
                }
                Some(_) if row.iter().all(Option::is_none) => {
                    let reason = results.status(u).reason();
                    left_out.push(LeftOut {
                        unit: u,
                        reason: if reason.is_empty() {
                            "no score on any criterion".into()
                        } else {
                            reason
                        },
                    });
                }
                Some(missing) => left_out.push(LeftOut {
                    unit: u,
                    reason: format!(
                        "no score for `{}`",
                        criteria.get(missing).map_or(String::new(), |q| id(*q))
                    ),
                }),
            }
        }
        Ok(Criteria {
            level,
            criteria,
            through,
            units,
            values,
            current,
            left_out,
        })
    }
}

/// One side of a unit's range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bound {
    /// The rank the shares below give (recounted under them).
    pub rank: u32,
    /// The limit proven: no shares allowed give a better rank (for the best bound) or a worse
    /// one (for the worst). Equal to `rank` when proven.
    pub limit: u32,
    /// Whether `rank` is proven to be the bound (`rank == limit`).
    pub proven: bool,
    /// Shares of the criteria that give `rank` (in criterion order, summing to 1).
    pub shares: Vec<f64>,
}

/// A unit's nominal rank and its best and worst.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitBounds {
    /// Unit position in the dataset.
    pub unit: usize,
    /// Rank among the units taking part under the current shares.
    pub rank: u32,
    /// The best rank any shares allowed give.
    pub best: Bound,
    /// The worst rank any shares allowed give.
    pub worst: Bound,
}

impl UnitBounds {
    /// Whether both bounds are proven.
    pub fn proven(&self) -> bool {
        self.best.proven && self.worst.proven
    }
}

/// Every unit's best and worst rank at one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankBounds {
    /// The aggregate whose children were weighed (framework position).
    pub level: usize,
    /// The criteria (framework positions).
    pub criteria: Vec<usize>,
    /// The least share allowed for each criterion.
    pub lower: Vec<f64>,
    /// The greatest share allowed for each criterion.
    pub upper: Vec<f64>,
    /// The current shares.
    pub current: Vec<f64>,
    /// One row per unit taking part, in dataset order.
    pub rows: Vec<UnitBounds>,
    /// Units left out, with the reason.
    pub left_out: Vec<LeftOut>,
}

/// Every unit's best and worst rank under any shares `options.shares` allows, for an
/// arithmetic mean of the children of `options.level` (see the module's doc).
///
/// # Errors
/// As [`Criteria::read`]; [`Error::Optimisation`] for a level not aggregated by an arithmetic
/// mean, share bounds no weights satisfy, or a programme the solver fails on.
///
/// ```
/// use index_core::{bounds, builtin, dataset::*, pipeline};
/// # let ftri = builtin::ftri().unwrap();
/// # let source = Source { id: "s".into(), publisher: "p".into(), title: "t".into(),
/// #     edition: "e".into(), licence: "l".into(), url: "u".into() };
/// # let indicators = ftri.indicators.iter().map(|i| Indicator { id: i.id.into(),
/// #     name: i.name.into(), unit: i.unit.into(), direction: i.direction, source: "s".into() })
/// #     .collect();
/// # let units = ["A", "B", "C"].iter().map(|c| Unit { short: None, code: c.to_string(), name: c.to_string(),
/// #     groups: vec![] }).collect();
/// # let mut b = DatasetBuilder::new(units, indicators, vec![source], vec![], vec![2021]).unwrap();
/// # for (u, row) in [("A", [0.9, 0.1, 0.5, 0.5, 0.5]), ("B", [0.1, 0.9, 0.5, 0.5, 0.5]),
/// #     ("C", [0.0, 0.0, 0.1, 0.1, 0.1])] {
/// #     for (i, v) in ftri.indicators.iter().zip(row) { b.set(u, i.id, 2021, v).unwrap(); }
/// # }
/// # let data = b.build();
/// let r = pipeline::run(&data, &ftri.framework, &ftri.method, &ftri.framework.weights(), 2021)
///     .unwrap();
/// let table = bounds::rank_bounds(&ftri.framework, &r, &bounds::Options::default()).unwrap();
/// // A and B each lead on one criterion, so each can be first or second; C is last whatever
/// // the weights.
/// let range: Vec<(u32, u32)> = table.rows.iter().map(|u| (u.best.rank, u.worst.rank)).collect();
/// assert_eq!(range, vec![(1, 2), (1, 2), (3, 3)]);
/// ```
pub fn rank_bounds(
    framework: &Framework,
    results: &Results,
    options: &Options,
) -> Result<RankBounds> {
    rank_bounds_with_progress(framework, results, options, &mut |_, _| {})
}

/// [`rank_bounds`], calling `progress(done, total)` after each unit (units taking part), for a
/// caller that reports progress (the app's worker).
///
/// # Errors
/// As [`rank_bounds`].
pub fn rank_bounds_with_progress(
    framework: &Framework,
    results: &Results,
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<RankBounds> {
    let criteria = Criteria::read(framework, results, options.level, options.depth, ANALYSIS)?;
    for &node in &criteria.through {
        arithmetic(framework, results, node)?;
    }
    let (lower, upper) = share_bounds(options.shares, &criteria.current)?;
    let problem = Bounds::new(criteria.values.clone(), lower.clone(), upper.clone())?;
    let mut rows = Vec::with_capacity(criteria.units.len());
    for (c, &unit) in criteria.units.iter().enumerate() {
        let mut row = problem.unit(c, &criteria.current, options.budget)?;
        row.unit = unit;
        rows.push(row);
        progress(c + 1, criteria.units.len());
    }
    Ok(RankBounds {
        level: criteria.level,
        criteria: criteria.criteria,
        lower,
        upper,
        current: criteria.current,
        rows,
        left_out: criteria.left_out,
    })
}

/// Refuses a level that is not aggregated by an arithmetic mean (the bounds assume one).
fn arithmetic(framework: &Framework, results: &Results, level: usize) -> Result<()> {
    let aggregation = results
        .prepared
        .method
        .aggregation_at(framework.level(level));
    if aggregation == Aggregation::Arithmetic {
        return Ok(());
    }
    Err(Error::Optimisation {
        analysis: ANALYSIS,
        problem: format!(
            "node `{}` is aggregated by a {} mean; the bounds are for an arithmetic mean",
            framework.node(level).map_or("", |s| s.id.as_str()),
            match aggregation {
                Aggregation::Geometric => "geometric",
                _ => "harmonic",
            }
        ),
    })
}

/// The least and greatest share of each criterion that `shares` allows, given the current
/// shares.
///
/// # Errors
/// [`Error::Optimisation`] for bounds that are not numbers in [0, 1] with `min ≤ max`, or that
/// no shares summing to 1 satisfy (`n·min > 1` or `n·max < 1`).
pub fn share_bounds(shares: Shares, current: &[f64]) -> Result<(Vec<f64>, Vec<f64>)> {
    let n = current.len();
    let (lower, upper): (Vec<f64>, Vec<f64>) = match shares {
        Shares::Free => (vec![0.0; n], vec![1.0; n]),
        Shares::Within { min, max } => {
            if !(0.0..=1.0).contains(&min) || !(0.0..=1.0).contains(&max) || min > max {
                return Err(Error::Optimisation {
                    analysis: ANALYSIS,
                    problem: format!(
                        "share bounds must be numbers from 0 to 1 with min ≤ max, got {} and {}",
                        short_number(min),
                        short_number(max)
                    ),
                });
            }
            (vec![min; n], vec![max; n])
        }
        Shares::HalfToDouble => (
            current.iter().map(|s| s / 2.0).collect(),
            current.iter().map(|s| (s * 2.0).min(1.0)).collect(),
        ),
    };
    let (low, high): (f64, f64) = (lower.iter().sum(), upper.iter().sum());
    if low > 1.0 + 1e-12 || high < 1.0 - 1e-12 {
        return Err(Error::Optimisation {
            analysis: ANALYSIS,
            problem: format!(
                "shares from {} to {} cannot sum to 1 over {n} criteria",
                short_number(lower.first().copied().unwrap_or(0.0)),
                short_number(upper.first().copied().unwrap_or(0.0))
            ),
        });
    }
    Ok((lower, upper))
}

/// The programmes of one problem: units' scores on the criteria and the shares allowed. For
/// callers that want to go unit by unit (progress, cancelling); [`rank_bounds`] runs them all.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    /// Scores divided by the scale (the largest absolute score), one row per unit.
    values: Vec<Vec<f64>>,
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl Bounds {
    /// A problem of `values` (one row per unit, one value per criterion) under shares in
    /// `[lower_q, upper_q]` summing to 1.
    ///
    /// # Errors
    /// [`Error::Optimisation`] when rows differ in length from the bounds, a value is not
    /// finite, or the bounds admit no shares (check them with [`share_bounds`]).
    pub fn new(values: Vec<Vec<f64>>, lower: Vec<f64>, upper: Vec<f64>) -> Result<Bounds> {
        let n = lower.len();
        let bad = |problem: String| Error::Optimisation {
            analysis: ANALYSIS,
            problem,
        };
        if upper.len() != n || values.iter().any(|r| r.len() != n) {
            return Err(bad(format!(
                "scores and share bounds for other than {n} criteria"
            )));
        }
        if values.iter().flatten().any(|x| !x.is_finite()) {
            return Err(bad("a score is not a finite number".into()));
        }
        let fits = lower
            .iter()
            .zip(&upper)
            .all(|(l, u)| (0.0..=1.0).contains(l) && (0.0..=1.0).contains(u) && l <= u);
        let (low, high): (f64, f64) = (lower.iter().sum(), upper.iter().sum());
        if n == 0 || !fits || low > 1.0 + 1e-12 || high < 1.0 - 1e-12 {
            return Err(bad("the share bounds admit no shares summing to 1".into()));
        }
        let scale = values.iter().flatten().fold(0.0_f64, |m, x| m.max(x.abs()));
        let values = if scale > 0.0 {
            values
                .into_iter()
                .map(|r| r.into_iter().map(|x| x / scale).collect())
                .collect()
        } else {
            values
        };
        Ok(Bounds {
            values,
            lower,
            upper,
        })
    }

    /// Number of units.
    pub fn units(&self) -> usize {
        self.values.len()
    }

    /// Rank of unit `c` under `shares`: one plus the units more than [`TIE`] above it (0 when
    /// `c` is out of range).
    pub fn rank_at(&self, c: usize, shares: &[f64]) -> u32 {
        let Some(own) = self.values.get(c) else {
            return 0;
        };
        let mine = dot(shares, own);
        let above = self
            .values
            .iter()
            .enumerate()
            .filter(|(k, row)| *k != c && dot(shares, row) - mine > TIE)
            .count();
        u32::try_from(above).map_or(u32::MAX, |a| a.saturating_add(1))
    }

    /// Unit `c`'s nominal rank under `current` and its best and worst rank, each programme
    /// within `budget`. The row's `unit` is `c`.
    ///
    /// # Errors
    /// [`Error::Optimisation`] when `c` is out of range or the solver fails.
    pub fn unit(&self, c: usize, current: &[f64], budget: Budget) -> Result<UnitBounds> {
        Ok(UnitBounds {
            unit: c,
            rank: self.rank_at(c, current),
            best: self.solve(c, Side::Best, budget)?,
            worst: self.solve(c, Side::Worst, budget)?,
        })
    }

    /// Unit `c`'s best rank (see the module's doc).
    ///
    /// # Errors
    /// As [`Bounds::unit`].
    pub fn best(&self, c: usize, budget: Budget) -> Result<Bound> {
        self.solve(c, Side::Best, budget)
    }

    /// Unit `c`'s worst rank (see the module's doc).
    ///
    /// # Errors
    /// As [`Bounds::unit`].
    pub fn worst(&self, c: usize, budget: Budget) -> Result<Bound> {
        self.solve(c, Side::Worst, budget)
    }

    /// The greatest `Σ w_q d_q` over the shares allowed, and the shares that give it: the lower
    /// bounds, then what is left of 1 to the largest `d_q` up to its upper bound, and so on.
    fn greatest(&self, d: &[f64]) -> (f64, Vec<f64>) {
        let mut w = self.lower.clone();
        let mut left = 1.0 - w.iter().sum::<f64>();
        let mut order: Vec<usize> = (0..d.len()).collect();
        crate::order::sort_by(&mut order, |a, b| {
            let (x, y) = (d.get(*a), d.get(*b));
            y.partial_cmp(&x).unwrap_or(core::cmp::Ordering::Equal)
        });
        for q in order {
            if left <= 0.0 {
                break;
            }
            if let (Some(wq), Some(u)) = (w.get_mut(q), self.upper.get(q)) {
                let add = (u - *wq).max(0.0).min(left);
                *wq += add;
                left -= add;
            }
        }
        (dot(&w, d), w)
    }

    /// The least `Σ w_q d_q` over the shares allowed.
    fn least(&self, d: &[f64]) -> f64 {
        let minus: Vec<f64> = d.iter().map(|x| -x).collect();
        -self.greatest(&minus).0
    }

    fn solve(&self, c: usize, side: Side, budget: Budget) -> Result<Bound> {
        let Some(own) = self.values.get(c) else {
            return Err(Error::Optimisation {
                analysis: ANALYSIS,
                problem: format!("no unit {c} among {}", self.values.len()),
            });
        };
        // Each rival's differences, and its least and greatest difference over the shares.
        let mut certain = 0u32; // above under every weight
        let mut hairline = 0u32; // can be above, but by less than 2τ (worst's limit counts it)
        let mut open: Vec<(Vec<f64>, f64, f64)> = Vec::new();
        for (k, row) in self.values.iter().enumerate() {
            if k == c {
                continue;
            }
            let d: Vec<f64> = row.iter().zip(own).map(|(a, b)| a - b).collect();
            let (least, greatest) = (self.least(&d), self.greatest(&d).0);
            if least > TIE {
                certain += 1;
            } else if greatest <= TIE {
                // Never strictly above: dropped.
            } else if side == Side::Worst && greatest < 2.0 * TIE {
                hairline += 1;
            } else {
                open.push((d, least, greatest));
            }
        }
        // A first answer from a few natural shares (the current ones are not known here): as
        // much weight as allowed on each criterion in turn, and on `c`'s strengths (or
        // weaknesses) against the mean.
        let n = self.lower.len();
        let mean: Vec<f64> = (0..n)
            .map(|q| {
                self.values
                    .iter()
                    .map(|r| r.get(q).copied().unwrap_or(0.0))
                    .sum::<f64>()
                    / self.values.len().max(1) as f64
            })
            .collect();
        let lean: Vec<f64> = own
            .iter()
            .zip(&mean)
            .map(|(y, m)| match side {
                Side::Best => y - m,
                Side::Worst => m - y,
            })
            .collect();
        let mut candidates = vec![self.greatest(&lean).1];
        for q in 0..n {
            let mut e = vec![0.0; n];
            if let Some(x) = e.get_mut(q) {
                *x = 1.0;
            }
            candidates.push(self.greatest(&e).1);
        }
        let better = |a: u32, b: u32| match side {
            Side::Best => a < b,
            Side::Worst => a > b,
        };
        let mut found: Option<(u32, Vec<f64>)> = None;
        for w in candidates {
            let w = normalised(&w);
            let r = self.rank_at(c, &w);
            if found.as_ref().is_none_or(|(best, _)| better(r, *best)) {
                found = Some((r, w));
            }
        }
        let (mut rank, mut shares) = found.unwrap_or((1, self.lower.clone()));
        let base = certain.saturating_add(1);
        let open_count = u32::try_from(open.len()).unwrap_or(u32::MAX);
        // The trivial limits: every open rival below (best) or above (worst).
        let trivial = match side {
            Side::Best => base,
            Side::Worst => base.saturating_add(open_count).saturating_add(hairline),
        };
        if open.is_empty() || rank == trivial {
            return Ok(Bound {
                rank,
                limit: trivial,
                proven: rank == trivial,
                shares,
            });
        }

        // Rivals with the same differences share one binary, weighing their number.
        let mut groups: Vec<Rival> = Vec::with_capacity(open.len());
        for (d, least, greatest) in open {
            match groups.iter_mut().find(|g| g.d == d) {
                Some(g) => g.count += 1.0,
                None => groups.push(Rival {
                    d,
                    least,
                    greatest,
                    count: 1.0,
                }),
            }
        }
        // Two passes: a quarter of the budget without the order's cuts (most programmes end
        // there, and sooner without them), then the rest with them, from the best shares so far.
        let first = Budget {
            time: budget.time.map(|t| t / 4),
            nodes: budget.nodes.map(|n| n / 4),
        };
        let rest = Budget {
            time: budget.time.map(|t| t.saturating_sub(t / 4)),
            nodes: budget.nodes.map(|n| n.saturating_sub(n / 4)),
        };
        let mut limit = trivial;
        for (pass, cuts) in [(first, false), (rest, true)] {
            let (found, bound) = self.programme(side, &groups, &shares, cuts, pass)?;
            if let Some(values) = found {
                let r = self.rank_at(c, &values);
                if better(r, rank) {
                    rank = r;
                    shares = values;
                }
            }
            // The solver's bound on the rivals' count, rounded towards the trivial side (a
            // fractional bound proves its ceiling, or floor); the tighter of the passes'.
            if let Some(b) = bound {
                limit = match side {
                    Side::Best => {
                        let b = (b - 1e-6).ceil().clamp(0.0, f64::from(open_count));
                        limit.max(base.saturating_add(b as u32))
                    }
                    Side::Worst => {
                        let b = (b + 1e-6).floor().clamp(0.0, f64::from(open_count));
                        limit.min(base.saturating_add(b as u32).saturating_add(hairline))
                    }
                };
            }
            // The rank recounted is reached, so the limit is never past it.
            limit = match side {
                Side::Best => limit.min(rank),
                Side::Worst => limit.max(rank),
            };
            if rank == limit {
                break;
            }
        }
        Ok(Bound {
            rank,
            limit,
            proven: rank == limit,
            shares,
        })
    }

    /// One pass of the programme of `side` over the open `rivals`, from `start` (shares; the
    /// binaries follow from them), with the order's cuts or not: the shares of the best
    /// solution found (clamped to the bounds, over their sum) and the solver's proven bound on
    /// the weighted count of rivals above.
    fn programme(
        &self,
        side: Side,
        rivals: &[Rival],
        start: &[f64],
        cuts: bool,
        budget: Budget,
    ) -> Result<(Option<Vec<f64>>, Option<f64>)> {
        let direction = match side {
            Side::Best => OptimizationDirection::Minimize,
            Side::Worst => OptimizationDirection::Maximize,
        };
        let mut p = Problem::new(direction);
        let w: Vec<Variable> = self
            .lower
            .iter()
            .zip(&self.upper)
            .map(|(l, u)| p.add_var(0.0, (*l, *u)))
            .collect();
        let mut sum = LinearExpr::empty();
        for v in &w {
            sum.add(*v, 1.0);
        }
        p.add_constraint(sum, ComparisonOp::Eq, 1.0);
        let mut warm: Vec<(Variable, f64)> = w.iter().copied().zip(start.to_vec()).collect();
        let mut binaries = Vec::with_capacity(rivals.len());
        for r in rivals {
            let z = p.add_binary_var(r.count);
            let mut row = LinearExpr::empty();
            for (v, dq) in w.iter().zip(&r.d) {
                row.add(*v, *dq);
            }
            let diff = dot(start, &r.d);
            match side {
                Side::Best => {
                    // Σ w d − (M − τ/2) z ≤ τ/2
                    row.add(z, -(r.greatest - TIE / 2.0));
                    p.add_constraint(row, ComparisonOp::Le, TIE / 2.0);
                    warm.push((z, if diff > TIE / 2.0 { 1.0 } else { 0.0 }));
                }
                Side::Worst => {
                    // Σ w d − (2τ − m) y ≥ m
                    row.add(z, -(2.0 * TIE - r.least));
                    p.add_constraint(row, ComparisonOp::Ge, r.least);
                    warm.push((z, if diff >= 2.0 * TIE { 1.0 } else { 0.0 }));
                }
            }
            binaries.push(z);
        }
        if cuts {
            // A rival at least as far ahead of `c` on every criterion as another is above `c`
            // whenever that one is: z_k ≤ z_j. Valid cuts (they remove no optimum: a binary
            // only marks a rival allowed, or made, to lead), which spare the search branches;
            // only the covering pairs of the order are added.
            let m = rivals.len();
            let ahead = |j: usize, k: usize| match (rivals.get(j), rivals.get(k)) {
                (Some(a), Some(b)) => j != k && a.d.iter().zip(&b.d).all(|(x, y)| x >= y),
                _ => false,
            };
            let order: Vec<Vec<bool>> = (0..m)
                .map(|j| (0..m).map(|k| ahead(j, k)).collect())
                .collect();
            let at =
                |j: usize, k: usize| order.get(j).and_then(|r| r.get(k)).copied() == Some(true);
            for j in 0..m {
                let below: Vec<usize> = (0..m).filter(|k| at(j, *k)).collect();
                for &k in &below {
                    if below.iter().any(|i| at(*i, k)) {
                        continue;
                    }
                    if let (Some(zj), Some(zk)) = (binaries.get(j), binaries.get(k)) {
                        let mut row = LinearExpr::empty();
                        row.add(*zk, 1.0);
                        row.add(*zj, -1.0);
                        p.add_constraint(row, ComparisonOp::Le, 0.0);
                    }
                }
            }
        }
        let mut options = SolveOptions::default();
        options.time_limit = budget.time;
        options.node_limit = budget.nodes;
        options.warm_start = Some(warm);
        let outcome = p.solve_with(options).map_err(|e| Error::Optimisation {
            analysis: ANALYSIS,
            problem: format!("the solver failed: {e}"),
        })?;
        Ok(match &outcome {
            microlp::SolveOutcome::Solution(s) => {
                let optimal = s.status() == microlp::SolutionStatus::Optimal;
                let values: Vec<f64> = w
                    .iter()
                    .zip(self.lower.iter().zip(&self.upper))
                    .map(|(v, (l, u))| s.var_value_raw(*v).clamp(*l, *u))
                    .collect();
                let bound = if optimal {
                    Some(s.objective())
                } else {
                    s.stats().best_bound
                };
                (Some(normalised(&values)), bound)
            }
            microlp::SolveOutcome::Interrupted(i) => (None, i.stats().best_bound),
        })
    }
}

/// An open rival (or several with the same differences): its differences to the unit, their
/// least and greatest weighted sum over the shares allowed, and how many rivals it stands for.
#[derive(Debug, Clone, PartialEq)]
struct Rival {
    d: Vec<f64>,
    least: f64,
    greatest: f64,
    count: f64,
}

/// Which bound a programme seeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Best,
    Worst,
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `w` over its sum (itself when the sum is not positive).
fn normalised(w: &[f64]) -> Vec<f64> {
    let total: f64 = w.iter().sum();
    if total > 0.0 && total.is_finite() {
        w.iter().map(|x| x / total).collect()
    } else {
        w.to_vec()
    }
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

    const UNTIL_PROVEN: Budget = Budget {
        time: None,
        nodes: None,
    };

    /// Each unit's (nominal, best, worst) rank on the simplex, every bound proven, and the
    /// shares returned giving the rank returned.
    #[track_caller]
    fn check(values: &[&[f64]], current: &[f64], want: &[(u32, u32, u32)]) {
        let n = current.len();
        let b = Bounds::new(
            values.iter().map(|r| r.to_vec()).collect(),
            vec![0.0; n],
            vec![1.0; n],
        )
        .unwrap();
        let got: Vec<(u32, u32, u32)> = (0..values.len())
            .map(|c| {
                let u = b.unit(c, current, UNTIL_PROVEN).unwrap();
                assert!(u.proven(), "unit {c}: {u:?}");
                assert_eq!(b.rank_at(c, &u.best.shares), u.best.rank);
                assert_eq!(b.rank_at(c, &u.worst.shares), u.worst.rank);
                (u.rank, u.best.rank, u.worst.rank)
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn by_hand() {
        // A leads on the first criterion, B on the second, C is beaten by all on both, D by A
        // on both (so A is never below D, and D never above A) but not by B (D leads B on the
        // first criterion: with more than 0.68 of the weight there, D is above B).
        check(
            &[&[0.9, 0.1], &[0.1, 0.9], &[0.0, 0.0], &[0.5, 0.05]],
            &[0.5, 0.5],
            &[(1, 1, 2), (1, 1, 3), (4, 4, 4), (3, 2, 3)],
        );
    }

    #[test]
    fn a_unit_that_dominates_all_others_is_first_whatever_the_weights() {
        check(
            &[&[1.0, 1.0, 1.0], &[0.5, 0.9, 0.2], &[0.9, 0.1, 0.9]],
            &[0.2, 0.3, 0.5],
            &[(1, 1, 1), (3, 2, 3), (2, 2, 3)],
        );
    }

    #[test]
    fn ties_count_in_the_units_favour() {
        // A and B are equal: each is first (their tie is theirs), never below the other.
        check(
            &[&[0.6, 0.4], &[0.6, 0.4], &[0.0, 0.1]],
            &[0.5, 0.5],
            &[(1, 1, 1), (1, 1, 1), (3, 3, 3)],
        );
        // B equals A on the first criterion and is below on the second: with all the weight
        // on the first they tie, so B can be first; A is never below B.
        check(
            &[&[1.0, 0.5], &[1.0, 0.4]],
            &[0.5, 0.5],
            &[(1, 1, 1), (2, 1, 2)],
        );
    }

    #[test]
    fn share_bounds_narrow_the_range() {
        // Under free shares A and B can each be first or second; with each share in
        // [0.4, 0.6] A (0.9, 0.1) scores 0.42–0.58 against B's (0.2, 0.7) 0.48–0.52 ...
        let values = vec![vec![0.9, 0.1], vec![0.2, 0.7]];
        let (lower, upper) =
            share_bounds(Shares::Within { min: 0.4, max: 0.6 }, &[0.5; 2]).unwrap();
        assert_eq!((lower.clone(), upper.clone()), (vec![0.4; 2], vec![0.6; 2]));
        let b = Bounds::new(values, lower, upper).unwrap();
        let u = b.unit(0, &[0.5, 0.5], UNTIL_PROVEN).unwrap();
        assert_eq!((u.rank, u.best.rank, u.worst.rank), (1, 1, 2));
        // ... and the shares that make A second are within the bounds: 0.4 on A's strength.
        assert!(
            (u.worst.shares[0] - 0.4).abs() < 1e-9,
            "{:?}",
            u.worst.shares
        );
        // Half to double of (0.8, 0.2): the first in [0.4, 1], the second in [0.1, 0.4].
        let (lower, upper) = share_bounds(Shares::HalfToDouble, &[0.8, 0.2]).unwrap();
        assert_eq!((lower, upper), (vec![0.4, 0.1], vec![1.0, 0.4]));
    }

    #[test]
    fn share_bounds_no_shares_satisfy_are_refused() {
        let e = share_bounds(Shares::Within { min: 0.3, max: 0.5 }, &[0.2; 5]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "rank bounds: shares from 0.3 to 0.5 cannot sum to 1 over 5 criteria"
        );
        assert!(share_bounds(Shares::Within { min: 0.5, max: 0.2 }, &[0.5; 2]).is_err());
        assert!(share_bounds(
            Shares::Within {
                min: f64::NAN,
                max: 1.0
            },
            &[0.5; 2]
        )
        .is_err());
        assert!(Bounds::new(vec![vec![1.0, f64::NAN]], vec![0.0; 2], vec![1.0; 2]).is_err());
        assert!(Bounds::new(vec![vec![1.0]], vec![0.0; 2], vec![1.0; 2]).is_err());
    }

    #[test]
    fn a_node_budget_gives_a_proven_limit_or_says_it_is_not_proven() {
        // 12 units spread around a circle's arc: every one can be first and last, so the
        // solver has work to do; with one node it may or may not finish, but what it says holds.
        let values: Vec<Vec<f64>> = (0..12)
            .map(|i| {
                let t = f64::from(i) / 11.0 * std::f64::consts::FRAC_PI_2;
                vec![t.cos(), t.sin(), 0.5 + 0.01 * f64::from(i % 3)]
            })
            .collect();
        let b = Bounds::new(values, vec![0.0; 3], vec![1.0; 3]).unwrap();
        let tight = Budget {
            time: None,
            nodes: Some(1),
        };
        for c in 0..12 {
            let exact = b.unit(c, &[1.0 / 3.0; 3], UNTIL_PROVEN).unwrap();
            let quick = b.unit(c, &[1.0 / 3.0; 3], tight).unwrap();
            for (e, q) in [(&exact.best, &quick.best), (&exact.worst, &quick.worst)] {
                assert!(e.proven);
                let (lo, hi) = (q.limit.min(q.rank), q.limit.max(q.rank));
                assert!((lo..=hi).contains(&e.rank), "{e:?} {q:?}");
                assert_eq!(q.proven, q.rank == q.limit);
                assert_eq!(b.rank_at(c, &q.shares), q.rank);
            }
        }
    }

    /// Rank of `c` under `w`, counted from the raw values (ties within TIE of the scale).
    fn brute_rank(values: &[Vec<f64>], c: usize, w: &[f64]) -> u32 {
        let scale = values.iter().flatten().fold(0.0_f64, |m, x| m.max(x.abs()));
        let score = |r: &[f64]| r.iter().zip(w).map(|(x, w)| x * w).sum::<f64>();
        let mine = score(&values[c]);
        1 + values
            .iter()
            .enumerate()
            .filter(|(k, r)| *k != c && score(r) - mine > TIE * scale)
            .count() as u32
    }

    /// Every point of the simplex in `n` dimensions with coordinates in steps of 1/`steps`.
    fn grid(n: usize, steps: u32) -> Vec<Vec<f64>> {
        /// Every way to write `total` as `n` non-negative integers.
        fn compositions(n: usize, total: u32) -> Vec<Vec<u32>> {
            if n == 1 {
                return vec![vec![total]];
            }
            (0..=total)
                .flat_map(|first| {
                    compositions(n - 1, total - first)
                        .into_iter()
                        .map(move |mut rest| {
                            rest.insert(0, first);
                            rest
                        })
                })
                .collect()
        }
        compositions(n, steps)
            .into_iter()
            .map(|c| c.iter().map(|k| f64::from(*k) / f64::from(steps)).collect())
            .collect()
    }

    #[test]
    fn the_grid_covers_the_simplex() {
        let g = grid(3, 4);
        assert_eq!(g.len(), 15);
        assert!(g
            .iter()
            .all(|w| (w.iter().sum::<f64>() - 1.0).abs() < 1e-12));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn brute_force_on_a_grid_never_passes_the_bounds(
            values in (3usize..=4, 6usize..=10).prop_flat_map(|(n, units)| {
                // Scores in steps of 1/20: ties are common, differences never within TIE.
                proptest::collection::vec(proptest::collection::vec(0u8..=20, n), units)
            })
        ) {
            let values: Vec<Vec<f64>> = values
                .iter()
                .map(|r| r.iter().map(|x| f64::from(*x) / 20.0).collect())
                .collect();
            let n = values[0].len();
            let b = Bounds::new(values.clone(), vec![0.0; n], vec![1.0; n]).unwrap();
            let points = grid(n, 12);
            let current = vec![1.0 / n as f64; n];
            for c in 0..values.len() {
                let u = b.unit(c, &current, UNTIL_PROVEN).unwrap();
                prop_assert!(u.proven(), "{:?}", u);
                let ranks: Vec<u32> = points.iter().map(|w| brute_rank(&values, c, w)).collect();
                let (lo, hi) = (*ranks.iter().min().unwrap(), *ranks.iter().max().unwrap());
                prop_assert!(u.best.rank <= lo, "unit {}: best {:?}, grid {}", c, u.best, lo);
                prop_assert!(u.worst.rank >= hi, "unit {}: worst {:?}, grid {}", c, u.worst, hi);
                prop_assert_eq!(brute_rank(&values, c, &u.best.shares), u.best.rank);
                prop_assert_eq!(brute_rank(&values, c, &u.worst.shares), u.worst.rank);
                prop_assert!(u.best.rank <= u.rank && u.rank <= u.worst.rank);
                prop_assert_eq!(u.rank, brute_rank(&values, c, &current));
                for s in [&u.best.shares, &u.worst.shares] {
                    prop_assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
                    prop_assert!(s.iter().all(|x| *x >= 0.0));
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        #[test]
        fn brute_force_within_share_bounds_never_passes_them_either(
            values in (3usize..=4, 6usize..=9).prop_flat_map(|(n, units)| {
                proptest::collection::vec(proptest::collection::vec(0u8..=20, n), units)
            }),
            min in 0u8..=2,
            max in 4u8..=10,
        ) {
            // Shares in [min/12, max/12]: feasible for 3–4 criteria (3·2/12 ≤ 1 ≤ 3·4/12).
            let values: Vec<Vec<f64>> = values
                .iter()
                .map(|r| r.iter().map(|x| f64::from(*x) / 20.0).collect())
                .collect();
            let n = values[0].len();
            let (lo, hi) = (f64::from(min) / 12.0, f64::from(max) / 12.0);
            let (lower, upper) = share_bounds(Shares::Within { min: lo, max: hi }, &vec![0.0; n]).unwrap();
            let b = Bounds::new(values.clone(), lower, upper).unwrap();
            let points: Vec<Vec<f64>> = grid(n, 12)
                .into_iter()
                .filter(|w| w.iter().all(|x| *x >= lo - 1e-12 && *x <= hi + 1e-12))
                .collect();
            prop_assert!(!points.is_empty());
            for c in 0..values.len() {
                let u = b.unit(c, &points[0], UNTIL_PROVEN).unwrap();
                prop_assert!(u.proven(), "{:?}", u);
                let ranks: Vec<u32> = points.iter().map(|w| brute_rank(&values, c, w)).collect();
                prop_assert!(u.best.rank <= *ranks.iter().min().unwrap());
                prop_assert!(u.worst.rank >= *ranks.iter().max().unwrap());
                for (s, r) in [(&u.best.shares, u.best.rank), (&u.worst.shares, u.worst.rank)] {
                    prop_assert_eq!(brute_rank(&values, c, s), r);
                    prop_assert!(s.iter().all(|x| *x >= lo - 1e-9 && *x <= hi + 1e-9), "{:?}", s);
                }
            }
        }
    }

    /// Units scored on x, y (pillar p = mean of x, y) and z, the index the mean of p and z.
    fn results(
        x: &[Option<f64>],
        y: &[Option<f64>],
        z: &[Option<f64>],
        geometric: bool,
    ) -> (Framework, Results) {
        let codes: Vec<(&str, &[&str])> = ["A", "B", "C", "D"][..x.len()]
            .iter()
            .map(|c| (*c, &[][..]))
            .collect();
        let d = dataset(
            &codes,
            &[("x", Higher, x), ("y", Higher, y), ("z", Higher, z)],
        );
        let f = Framework::new(vec![
            leaf("x", "p", 1.0),
            leaf("y", "p", 1.0),
            leaf("z", "idx", 1.0),
            agg("p", Some("idx"), 3.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        let mut spec = MethodSpec {
            normalisation: Normalisation::None,
            ..MethodSpec::default()
        };
        if geometric {
            spec.aggregation = Aggregation::Geometric;
        }
        let m = Method::new(spec).unwrap();
        let r = crate::pipeline::run(&d, &f, &m, &f.weights(), 2020).unwrap();
        (f, r)
    }

    #[test]
    fn from_results_at_the_root_and_at_a_pillar() {
        let (f, r) = results(
            &[Some(1.0), Some(0.0), Some(0.5), Some(1.0)],
            &[Some(1.0), Some(0.0), Some(0.5), Some(1.0)],
            &[Some(0.0), Some(1.0), Some(0.2), None],
            false,
        );
        let t = rank_bounds(&f, &r, &Options::default()).unwrap();
        // The root's children in framework order: z (weight 1), then p (weight 3).
        assert_eq!(
            t.criteria,
            vec![f.position("z").unwrap(), f.position("p").unwrap()]
        );
        assert_eq!(t.current, vec![0.25, 0.75]);
        // p: A 1, B 0, C 0.5; z: A 0, B 1, C 0.2. D has no z: left out, though it has an index
        // score (the mean of the children present).
        assert!(r.index(3).is_some());
        assert_eq!(
            t.left_out,
            vec![LeftOut {
                unit: 3,
                reason: "no score for `z`".into()
            }]
        );
        let got: Vec<(usize, u32, u32, u32)> = t
            .rows
            .iter()
            .map(|u| (u.unit, u.rank, u.best.rank, u.worst.rank))
            .collect();
        // Current: A 0.75, B 0.25, C 0.425.
        // All the weight on z puts A (z 0) below C (0.2) and B (1).
        assert_eq!(got, vec![(0, 1, 1, 3), (1, 3, 1, 3), (2, 2, 2, 3)]);
        let at_p = Options {
            level: f.position("p"),
            ..Options::default()
        };
        let t = rank_bounds(&f, &r, &at_p).unwrap();
        assert_eq!(t.rows.len(), 4, "every unit has x and y");
        // Two generations down: z stands for itself, p for x and y, each with the product of
        // the shares on its path (p's 0.75 times a half).
        let flat = Options {
            depth: 2,
            ..Options::default()
        };
        let t = rank_bounds(&f, &r, &flat).unwrap();
        let x = f.position("x").unwrap();
        assert_eq!(t.criteria, vec![f.position("z").unwrap(), x, x + 1]);
        assert_eq!(t.current, vec![0.25, 0.375, 0.375]);
        let zero = Options {
            depth: 0,
            ..Options::default()
        };
        assert!(rank_bounds(&f, &r, &zero).is_err());
    }

    #[test]
    fn a_level_that_is_not_an_arithmetic_mean_or_has_one_child_is_refused() {
        let col = [Some(1.0), Some(2.0)];
        let (f, r) = results(&col, &col, &col, true);
        let e = rank_bounds(&f, &r, &Options::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "rank bounds: node `idx` is aggregated by a geometric mean; the bounds are for an \
             arithmetic mean"
        );
        let (f, r) = results(&col, &col, &col, false);
        let leafy = Options {
            level: f.position("x"),
            ..Options::default()
        };
        let e = rank_bounds(&f, &r, &leafy).unwrap_err();
        assert_eq!(
            e.to_string(),
            "rank bounds: node `x` is an indicator: it has no children to weigh"
        );
    }
}
