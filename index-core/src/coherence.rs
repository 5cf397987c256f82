//! The index's own health, as the JRC's statistical audits check it (JRC/OECD Handbook, step 7;
//! COINr's `get_corr`, `get_corr_flags`, `get_cronbach`, `remove_elements`, `get_str_weak`): for
//! one scored year,
//!
//! - **statistical coherence** ([`coherence`]): correlations between indicators (the normalised
//!   values the aggregation used), between aggregates of one level, and between each node and
//!   each of its ancestors (its pillar, sub-index, index), Pearson and Spearman, over pairwise
//!   complete observations, the count kept; flags for siblings correlated negatively and for
//!   near-duplicates (|r| > [`NEAR_DUPLICATE`]); Cronbach's α of each aggregate over its children;
//! - **effective against nominal weight** ([`Coherence::weights`]): each node's correlation with
//!   the index, its square (the "effective importance" the JRC reports) as a share of its
//!   siblings', beside its nominal share of its parent's weight;
//! - **leave one out** ([`leave_one_out`]): each indicator and aggregate removed in turn, the rest
//!   re-weighted (siblings keep their relative weights), every unit re-ranked: median, mean and
//!   largest absolute rank change, and the unit that moved most;
//! - **strengths and weaknesses** ([`Standings`]): each unit's best and worst indicators by its
//!   rank among the units.
//!
//! # Formulas
//!
//! Over the `n` units with both values present (pairwise complete observations, R's
//! `use = "pairwise.complete.obs"`):
//!
//! - Pearson: `r = Σ (xᵢ − x̄)(yᵢ − ȳ) / √(Σ (xᵢ − x̄)² · Σ (yᵢ − ȳ)²)`, means over the `n` pairs;
//! - Spearman: Pearson's `r` of the ranks of `x` and of `y` among the `n` pairs, ties given the
//!   mean of the ranks they span (R's `rank(ties.method = "average")`, as `cor(method =
//!   "spearman")` does);
//! - Cronbach's α of `k` columns over the `n` units with all `k` present (complete cases), from
//!   their covariance matrix `C` (divisor `n − 1`), as COINr's `get_cronbach` computes it:
//!   `α = k² · c̄ / Σᵢⱼ Cᵢⱼ`, with `c̄ = (Σᵢⱼ Cᵢⱼ − Σᵢ Cᵢᵢ) / (k (k − 1))` the mean covariance
//!   off the diagonal; the same as `k / (k − 1) · (1 − Σᵢ σᵢ² / σ²_total)`. COINr's default covariance is
//!   pairwise (`use = "pairwise.complete.obs"`); with no value missing — after imputation, the
//!   usual case — the two are the same figure, and with values missing complete cases keep `C` a
//!   covariance matrix of one sample (COINr's `use = "complete.obs"`).
//!
//! A correlation or an α that is not defined is `None` with the reason ([`Undefined`]): fewer than
//! [`MIN_OBSERVATIONS`] observations, a column constant over them, fewer than two columns, or
//! arithmetic that overflowed. No NaN or infinity is ever returned.
//!
//! # Choices
//!
//! - The flags use Pearson's `r` (COINr's `get_corr_flags` default). COINr's `get_corr` also
//!   blanks correlations not significant at 5 %; these figures are never blanked.
//! - Leave one out sets the removed node's weight to 0 and re-aggregates the prepared data, as
//!   COINr's `remove_elements` sets a weight to 0 and regenerates from the aggregation: the data
//!   steps (imputation, screening, treatment, normalisation) are not redone. Aggregation leaves a
//!   child of weight 0 out entirely, so this is the index without it. A node whose removal leaves
//!   its parent no child of positive weight takes its parent with it (then the grandparent…);
//!   removing everything is refused for that node ([`LeftOut::NothingLeft`]).
//! - Strengths and weaknesses rank each indicator's normalised values (direction applied: higher
//!   is better) over the units with a value, competition ranking (1, 2, 2, 4).

use crate::error::{Error, Result};
use crate::framework::{Framework, Weights};
use crate::pipeline::Results;
use crate::rank::competition_ranks;
use crate::stats;

/// |r| above which two indicators (or two aggregates of one level) are flagged as near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.92;

/// The fewest observations a correlation or an α is computed from.
pub const MIN_OBSERVATIONS: usize = 3;

/// Why a correlation or an α is not defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// Fewer than [`MIN_OBSERVATIONS`] complete observations.
    TooFew,
    /// A column takes one value over the complete observations (no variance).
    Constant,
    /// Fewer than two columns (an α of one child).
    OneColumn,
    /// The sums overflowed or underflowed (values beyond about 1e150 in size, or spread over
    /// less than about 1e-150).
    NotFinite,
}

impl Undefined {
    /// The reason in words.
    pub fn reason(self) -> &'static str {
        match self {
            Undefined::TooFew => "fewer than 3 units with the values needed",
            Undefined::Constant => "one of the two is constant over these units",
            Undefined::OneColumn => "only one child",
            Undefined::NotFinite => "the values are too large or too close for the arithmetic",
        }
    }
}

/// A correlation coefficient over `n` pairwise complete observations: `r` in [−1, 1], or `None`
/// with the reason.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Correlation {
    /// The coefficient, in [−1, 1]; `None` when not defined.
    pub r: Option<f64>,
    /// The number of units with both values.
    pub n: usize,
    /// Why `r` is `None`.
    pub undefined: Option<Undefined>,
}

impl Correlation {
    fn undefined(n: usize, why: Undefined) -> Self {
        Correlation {
            r: None,
            n,
            undefined: Some(why),
        }
    }
}

/// The pairs of `x` and `y` where both are present (finite).
fn complete_pairs(x: &[f64], y: &[f64]) -> Vec<(f64, f64)> {
    x.iter()
        .zip(y)
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .map(|(a, b)| (*a, *b))
        .collect()
}

/// Finite values of optional ones (missing as NaN, the engine's raw columns).
fn raw(values: &[Option<f64>]) -> Vec<f64> {
    values
        .iter()
        .map(|v| v.filter(|x| x.is_finite()).unwrap_or(f64::NAN))
        .collect()
}

/// Pearson's correlation of `x` and `y` over the positions where both are present (see the
/// module's formulas).
///
/// ```
/// use index_core::coherence::{pearson, Undefined};
/// let c = pearson(&[Some(1.0), Some(2.0), Some(3.0), None], &[Some(2.0), Some(4.0), Some(7.0), Some(1.0)]);
/// assert_eq!(c.n, 3);
/// assert!((c.r.unwrap() - 0.993_399).abs() < 1e-6);
/// let flat = pearson(&[Some(1.0), Some(1.0), Some(1.0)], &[Some(1.0), Some(2.0), Some(3.0)]);
/// assert_eq!((flat.r, flat.undefined), (None, Some(Undefined::Constant)));
/// ```
pub fn pearson(x: &[Option<f64>], y: &[Option<f64>]) -> Correlation {
    pearson_of(&complete_pairs(&raw(x), &raw(y)))
}

/// Spearman's rank correlation of `x` and `y` over the positions where both are present: Pearson's
/// of their average ranks among those positions.
///
/// ```
/// use index_core::coherence::spearman;
/// // Monotone but not linear: Spearman's is 1.
/// let c = spearman(&[Some(1.0), Some(2.0), Some(3.0)], &[Some(1.0), Some(10.0), Some(100.0)]);
/// assert!((c.r.unwrap() - 1.0).abs() < 1e-15);
/// ```
pub fn spearman(x: &[Option<f64>], y: &[Option<f64>]) -> Correlation {
    spearman_of(&complete_pairs(&raw(x), &raw(y)))
}

/// Pearson's `r` of complete pairs.
fn pearson_of(pairs: &[(f64, f64)]) -> Correlation {
    let n = pairs.len();
    if n < MIN_OBSERVATIONS {
        return Correlation::undefined(n, Undefined::TooFew);
    }
    let constant = |pick: fn(&(f64, f64)) -> f64| {
        pairs
            .first()
            .is_some_and(|first| pairs.iter().all(|p| pick(p) == pick(first)))
    };
    if constant(|p| p.0) || constant(|p| p.1) {
        return Correlation::undefined(n, Undefined::Constant);
    }
    let (Some(mx), Some(my)) = (
        stats::mean(pairs.iter().map(|p| p.0)),
        stats::mean(pairs.iter().map(|p| p.1)),
    ) else {
        return Correlation::undefined(n, Undefined::TooFew); // never taken: n ≥ 3
    };
    // Deviations scaled by the largest (r is scale-free), so that their squares neither
    // overflow nor, for a small spread, vanish.
    let spread = |m: f64, pick: fn(&(f64, f64)) -> f64| {
        pairs.iter().fold(0.0f64, |s, p| s.max((pick(p) - m).abs()))
    };
    let (sx, sy) = (spread(mx, |p| p.0), spread(my, |p| p.1));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for &(x, y) in pairs {
        let (dx, dy) = ((x - mx) / sx, (y - my) / sy);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let r = sxy / (sxx.sqrt() * syy.sqrt());
    if !r.is_finite() {
        return Correlation::undefined(n, Undefined::NotFinite);
    }
    Correlation {
        r: Some(r.clamp(-1.0, 1.0)),
        n,
        undefined: None,
    }
}

/// Spearman's `r` of complete pairs.
fn spearman_of(pairs: &[(f64, f64)]) -> Correlation {
    let xs: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let ranked: Vec<(f64, f64)> = average_ranks(&xs)
        .into_iter()
        .zip(average_ranks(&ys))
        .collect();
    pearson_of(&ranked)
}

/// The ranks of `values` from 1 (smallest) to `n`, ties given the mean of the ranks they span
/// (1, 2.5, 2.5, 4): R's `rank(ties.method = "average")`. Values compare by [`f64::total_cmp`].
///
/// ```
/// use index_core::coherence::average_ranks;
/// assert_eq!(average_ranks(&[10.0, 20.0, 20.0, 5.0]), vec![2.0, 3.5, 3.5, 1.0]);
/// ```
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let value = |i: usize| values.get(i).copied().unwrap_or(f64::NAN);
    let order = crate::order::permutation(values.len(), &mut |a, b| value(a).total_cmp(&value(b)));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let first = order.get(start).map_or(f64::NAN, |&i| value(i));
        let end = order
            .iter()
            .skip(start)
            .position(|&i| value(i).total_cmp(&first).is_ne())
            .map_or(order.len(), |p| start + p);
        // Positions start..end (0-based) hold ranks start + 1 ..= end: their mean.
        let mean = (start + 1 + end) as f64 / 2.0;
        for &i in order.iter().take(end).skip(start) {
            if let Some(r) = ranks.get_mut(i) {
                *r = mean;
            }
        }
        start = end;
    }
    ranks
}

/// Cronbach's α of `k` columns over the units with every column present.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alpha {
    /// α (at most 1; negative when the columns covary negatively on the whole); `None` when not
    /// defined.
    pub alpha: Option<f64>,
    /// The number of columns.
    pub k: usize,
    /// The number of units with all `k` present (complete cases).
    pub n: usize,
    /// Why `alpha` is `None`.
    pub undefined: Option<Undefined>,
}

/// Cronbach's α of `columns` (one per item, one value per unit, all of one length) over the
/// units with every column present: `k² · c̄ / Σᵢⱼ Cᵢⱼ` (see the module's formulas).
///
/// ```
/// use index_core::coherence::cronbach_alpha;
/// let a = [Some(1.0), Some(2.0), Some(3.0), Some(4.0), None];
/// let b = [Some(2.0), Some(2.0), Some(4.0), None, Some(4.0)];
/// let alpha = cronbach_alpha(&[&a, &b]);
/// assert_eq!((alpha.k, alpha.n), (2, 3));
/// // Units 1, 2, 3 (the others lack a value): C = [[1, 1], [1, 4/3]], Σ C = 13/3,
/// // c̄ = 1: α = 4 · 1 / (13/3) = 12/13.
/// assert!((alpha.alpha.unwrap() - 12.0 / 13.0).abs() < 1e-12);
/// ```
pub fn cronbach_alpha(columns: &[&[Option<f64>]]) -> Alpha {
    let raws: Vec<Vec<f64>> = columns.iter().map(|c| raw(c)).collect();
    let refs: Vec<&[f64]> = raws.iter().map(Vec::as_slice).collect();
    alpha_of(&refs)
}

/// Cronbach's α of raw columns (NaN = missing).
fn alpha_of(columns: &[&[f64]]) -> Alpha {
    let k = columns.len();
    let rows = columns.iter().map(|c| c.len()).min().unwrap_or(0);
    let complete: Vec<usize> = (0..rows)
        .filter(|&u| {
            columns
                .iter()
                .all(|c| c.get(u).is_some_and(|x| x.is_finite()))
        })
        .collect();
    let n = complete.len();
    let undefined = |why| Alpha {
        alpha: None,
        k,
        n,
        undefined: Some(why),
    };
    if k < 2 {
        return undefined(Undefined::OneColumn);
    }
    if n < MIN_OBSERVATIONS {
        return undefined(Undefined::TooFew);
    }
    let value = |c: &[f64], u: usize| c.get(u).copied().unwrap_or(0.0);
    let means: Vec<f64> = columns
        .iter()
        .map(|c| stats::mean(complete.iter().map(|&u| value(c, u))).unwrap_or(0.0))
        .collect();
    let (mut total, mut diagonal) = (0.0, 0.0);
    for (i, (a, ma)) in columns.iter().zip(&means).enumerate() {
        for (j, (b, mb)) in columns.iter().zip(&means).enumerate() {
            let cov = complete
                .iter()
                .map(|&u| (value(a, u) - ma) * (value(b, u) - mb))
                .sum::<f64>()
                / (n - 1) as f64;
            total += cov;
            if i == j {
                diagonal += cov;
            }
        }
    }
    if !(total.is_finite() && diagonal.is_finite()) {
        return undefined(Undefined::NotFinite);
    }
    if total <= 0.0 {
        // Σᵢⱼ Cᵢⱼ is the variance of the units' totals: 0 when every column is constant, or when
        // the columns cancel out exactly.
        return undefined(Undefined::Constant);
    }
    let kf = k as f64;
    let mean_off = (total - diagonal) / (kf * (kf - 1.0));
    let alpha = kf * kf * mean_off / total;
    if !alpha.is_finite() {
        return undefined(Undefined::NotFinite);
    }
    Alpha {
        alpha: Some(alpha.min(1.0)),
        k,
        n,
        undefined: None,
    }
}

/// How the two nodes of a [`NodePair`] stand in the framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// One level, one parent (two indicators of a pillar, two pillars of the index).
    Siblings,
    /// One level, different parents.
    SameLevel,
    /// `b` is `a`'s parent.
    Parent,
    /// `b` is an ancestor of `a` above its parent (e.g. the index, for an indicator).
    Ancestor,
}

impl Relation {
    /// A short name: `siblings`, `same_level`, `parent`, `ancestor`.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Siblings => "siblings",
            Relation::SameLevel => "same_level",
            Relation::Parent => "parent",
            Relation::Ancestor => "ancestor",
        }
    }
}

/// What a correlation between two nodes of one level flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Siblings correlated negatively (Pearson's `r` < 0): one pulls the parent against the other.
    NegativeWithin,
    /// |r| > [`NEAR_DUPLICATE`] (Pearson's): the two may measure one thing twice.
    NearDuplicate,
}

impl Flag {
    /// A short name: `negative_within`, `near_duplicate`.
    pub fn name(self) -> &'static str {
        match self {
            Flag::NegativeWithin => "negative_within",
            Flag::NearDuplicate => "near_duplicate",
        }
    }
}

/// The correlations of two framework nodes' scores (an indicator's are its normalised values).
#[derive(Debug, Clone, PartialEq)]
pub struct NodePair {
    /// A node (the descendant, for [`Relation::Parent`] and [`Relation::Ancestor`]).
    pub a: usize,
    /// The other (the ancestor, for [`Relation::Parent`] and [`Relation::Ancestor`]).
    pub b: usize,
    /// How they stand in the framework.
    pub relation: Relation,
    /// Pearson's.
    pub pearson: Correlation,
    /// Spearman's.
    pub spearman: Correlation,
    /// What the pair flags (only pairs of one level are flagged).
    pub flags: Vec<Flag>,
}

/// Cronbach's α of an aggregate's children.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeAlpha {
    /// The aggregate.
    pub node: usize,
    /// α over its children (all of them, whatever their weight).
    pub alpha: Alpha,
}

/// A node's nominal weight beside its effective importance for the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Importance {
    /// The node (any but the root).
    pub node: usize,
    /// Its weight's share of its siblings' ([`Weights::share`]).
    pub nominal_share: f64,
    /// Its share of the index's weight: the product of the nominal shares from it to the root.
    pub nominal_overall: f64,
    /// Pearson's correlation of its scores with the index's.
    pub with_index: Correlation,
    /// `r²`, the effective importance the JRC reports; `None` when `r` is.
    pub importance: Option<f64>,
    /// `r²` as a share of the sum of its siblings' `r²` (those defined): comparable with
    /// `nominal_share`. `None` when its `r` is undefined or the siblings' sum is 0.
    pub effective_share: Option<f64>,
}

/// Statistical coherence of one scored year ([`coherence`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Coherence {
    /// The year.
    pub year: i32,
    /// Pairs of one level (level by level, indicators first, each pair once in framework
    /// order), then each node with each of its ancestors (in framework order, nearest ancestor
    /// first).
    pub correlations: Vec<NodePair>,
    /// Cronbach's α of each aggregate over its children, in display order (the root first,
    /// [`Framework::aggregates_preorder`]).
    pub alphas: Vec<NodeAlpha>,
    /// Every node but the root, in display order: nominal weight and effective importance.
    pub weights: Vec<Importance>,
}

impl Coherence {
    /// The flagged pairs.
    pub fn flagged(&self) -> impl Iterator<Item = &NodePair> + '_ {
        self.correlations.iter().filter(|p| !p.flags.is_empty())
    }
}

/// The error of an audit that cannot be run.
fn refuse(analysis: &'static str, problem: String) -> Error {
    Error::Audit { analysis, problem }
}

/// Checks that `results` were scored on `framework` and rank at least [`MIN_OBSERVATIONS`] units.
fn check(analysis: &'static str, framework: &Framework, results: &Results) -> Result<()> {
    if !results.weights.fits(framework) {
        return Err(Error::OtherFramework);
    }
    let ranked = results.ranked();
    if ranked < MIN_OBSERVATIONS {
        return Err(refuse(
            analysis,
            format!(
                "{ranked} units have an index score in {}; at least {MIN_OBSERVATIONS} are needed",
                results.year()
            ),
        ));
    }
    Ok(())
}

/// Every node in display order: the root, then each aggregate's children, depth first.
fn display_order(framework: &Framework) -> Vec<usize> {
    let mut out = Vec::with_capacity(framework.len());
    let mut stack = vec![framework.root()];
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(framework.children(n).iter().rev());
    }
    out
}

/// The ancestors of `node`, nearest first.
fn ancestors(framework: &Framework, node: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(framework.parent(node), |&p| framework.parent(p))
}

/// Correlations, flags, α and effective weights of the scores in `results` (see the module's
/// formulas and choices).
///
/// # Errors
/// [`Error::OtherFramework`] when `results` were not scored on `framework`; [`Error::Audit`] when
/// fewer than [`MIN_OBSERVATIONS`] units have an index score.
pub fn coherence(framework: &Framework, results: &Results) -> Result<Coherence> {
    check("statistical coherence", framework, results)?;
    let column = |node: usize| results.node_column(node);
    let pair = |a: usize, b: usize, relation: Relation| {
        let pairs = complete_pairs(column(a), column(b));
        let pearson = pearson_of(&pairs);
        let spearman = spearman_of(&pairs);
        let mut flags = Vec::new();
        if let (Some(r), Relation::Siblings | Relation::SameLevel) = (pearson.r, relation) {
            if relation == Relation::Siblings && r < 0.0 {
                flags.push(Flag::NegativeWithin);
            }
            if r.abs() > NEAR_DUPLICATE {
                flags.push(Flag::NearDuplicate);
            }
        }
        NodePair {
            a,
            b,
            relation,
            pearson,
            spearman,
            flags,
        }
    };

    let mut correlations = Vec::new();
    for level in 1..=framework.depth() {
        let nodes: Vec<usize> = (0..framework.len())
            .filter(|&n| framework.level(n) == level)
            .collect();
        for (i, &a) in nodes.iter().enumerate() {
            for &b in nodes.iter().skip(i + 1) {
                let relation = if framework.parent(a) == framework.parent(b) {
                    Relation::Siblings
                } else {
                    Relation::SameLevel
                };
                correlations.push(pair(a, b, relation));
            }
        }
    }
    for node in 0..framework.len() {
        for (i, up) in ancestors(framework, node).enumerate() {
            let relation = if i == 0 {
                Relation::Parent
            } else {
                Relation::Ancestor
            };
            correlations.push(pair(node, up, relation));
        }
    }

    let alphas = framework
        .aggregates_preorder()
        .into_iter()
        .map(|node| {
            let columns: Vec<&[f64]> = framework
                .children(node)
                .iter()
                .map(|&c| column(c))
                .collect();
            NodeAlpha {
                node,
                alpha: alpha_of(&columns),
            }
        })
        .collect();

    Ok(Coherence {
        year: results.year(),
        correlations,
        alphas,
        weights: importances(framework, results),
    })
}

/// Nominal weight shares and effective importance of every node but the root.
fn importances(framework: &Framework, results: &Results) -> Vec<Importance> {
    let root = framework.root();
    let index = results.node_column(root);
    let with_index: Vec<Correlation> = (0..framework.len())
        .map(|n| pearson_of(&complete_pairs(results.node_column(n), index)))
        .collect();
    let r2 = |n: usize| with_index.get(n).and_then(|c| c.r).map(|r| r * r);
    let weights: &Weights = &results.weights;
    display_order(framework)
        .into_iter()
        .filter(|&n| n != root)
        .map(|node| {
            let importance = r2(node);
            let siblings: f64 = framework
                .parent(node)
                .map(|p| framework.children(p).iter().filter_map(|&c| r2(c)).sum())
                .unwrap_or(0.0);
            let effective_share = importance.filter(|_| siblings > 0.0).map(|i| i / siblings);
            let nominal_overall = std::iter::once(node)
                .chain(ancestors(framework, node))
                .map(|n| weights.share(framework, n))
                .product();
            Importance {
                node,
                nominal_share: weights.share(framework, node),
                nominal_overall,
                with_index: with_index
                    .get(node)
                    .copied()
                    .unwrap_or(Correlation::undefined(0, Undefined::TooFew)),
                importance,
                effective_share,
            }
        })
        .collect()
}

/// Why a node's removal has no rank changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Removing it (and the parents left without a weighted child) would remove the index.
    NothingLeft,
    /// No unit is ranked both with and without it.
    NoUnitRanked,
}

impl LeftOut {
    /// The reason in words.
    pub fn reason(self) -> &'static str {
        match self {
            LeftOut::NothingLeft => "nothing of the index would be left",
            LeftOut::NoUnitRanked => "no unit is ranked both with and without it",
        }
    }
}

/// How far the units' ranks move when one node is removed.
#[derive(Debug, Clone, PartialEq)]
pub struct RankShift {
    /// Units ranked with and without the node.
    pub compared: usize,
    /// Units ranked with it but not without it.
    pub unranked: usize,
    /// The median of the absolute rank changes.
    pub median: f64,
    /// The mean of the absolute rank changes (COINr's `MeanAbsDiff`).
    pub mean: f64,
    /// The largest absolute rank change.
    pub max: u64,
    /// The unit that moved most (the first in dataset order among equals).
    pub most_moved: usize,
    /// Its change: nominal rank − rank without the node (positive: up).
    pub most_moved_by: i64,
}

/// One node removed ([`leave_one_out`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// The node removed.
    pub node: usize,
    /// Its ancestors removed with it, having no other child of positive weight.
    pub with: Vec<usize>,
    /// How the ranks moved, or why there is nothing to say.
    pub shift: std::result::Result<RankShift, LeftOut>,
}

/// Each node but the root removed in turn — indicators first (framework order), then aggregates in
/// display order — its siblings keeping their relative weights, every unit re-ranked, and the
/// absolute changes `|nominal rank − rank without it|` summarised (see the module's choices).
/// One aggregation and ranking per node, on the prepared data.
///
/// A node already weighted 0 changes nothing (median, mean and largest change 0).
///
/// # Errors
/// [`Error::OtherFramework`] when `results` were not scored on `framework`; [`Error::Audit`] when
/// fewer than [`MIN_OBSERVATIONS`] units have an index score.
pub fn leave_one_out(framework: &Framework, results: &Results) -> Result<Vec<Removal>> {
    check("leave one out", framework, results)?;
    let root = framework.root();
    let nodes = framework.leaves().iter().copied().chain(
        display_order(framework)
            .into_iter()
            .filter(|&n| n != root && !framework.children(n).is_empty()),
    );
    nodes.map(|node| remove(framework, results, node)).collect()
}

/// [`leave_one_out`] of one node.
fn remove(framework: &Framework, results: &Results, node: usize) -> Result<Removal> {
    // The node goes, and with it each ancestor it would leave without a child of positive
    // weight; only the highest of them is weighted 0 (a parent of weight 0 still needs a child
    // of positive weight for the weights to be valid, and takes no part whatever its children).
    let weights = results.weights.as_slice();
    let positive = |n: usize| weights.get(n).is_some_and(|w| *w > 0.0);
    let mut with = Vec::new();
    let mut top = node;
    loop {
        let nothing_left = |with| {
            Ok(Removal {
                node,
                with,
                shift: Err(LeftOut::NothingLeft),
            })
        };
        let Some(parent) = framework.parent(top) else {
            return nothing_left(with);
        };
        if others_weighted(framework, parent, top, positive) {
            break;
        }
        if parent == framework.root() {
            return nothing_left(with);
        }
        with.push(parent);
        top = parent;
    }
    let mut weights = weights.to_vec();
    if let Some(w) = weights.get_mut(top) {
        *w = 0.0;
    }
    let without = results
        .prepared
        .score(framework, &Weights::new(framework, weights)?)?;
    let changes = without.rank_changes(results);
    let mut moves: Vec<(usize, i64)> = changes
        .iter()
        .enumerate()
        .filter_map(|(u, c)| c.map(|c| (u, c)))
        .collect();
    let unranked = (0..results.units())
        .filter(|&u| results.rank(u).is_some() && without.rank(u).is_none())
        .count();
    let Some(&(first, by)) = moves.first() else {
        return Ok(Removal {
            node,
            with,
            shift: Err(LeftOut::NoUnitRanked),
        });
    };
    let (most_moved, most_moved_by) = moves.iter().fold((first, by), |best, &(u, c)| {
        if c.unsigned_abs() > best.1.unsigned_abs() {
            (u, c)
        } else {
            best
        }
    });
    let absolute: Vec<f64> = moves
        .drain(..)
        .map(|(_, c)| c.unsigned_abs() as f64)
        .collect();
    let compared = absolute.len();
    Ok(Removal {
        node,
        with,
        shift: Ok(RankShift {
            compared,
            unranked,
            mean: stats::mean(absolute.iter().copied()).unwrap_or(0.0),
            median: stats::median(absolute).unwrap_or(0.0),
            max: most_moved_by.unsigned_abs(),
            most_moved,
            most_moved_by,
        }),
    })
}

/// Whether `parent` has a child other than `child` of positive weight.
fn others_weighted(
    framework: &Framework,
    parent: usize,
    child: usize,
    positive: impl Fn(usize) -> bool,
) -> bool {
    framework
        .children(parent)
        .iter()
        .any(|&c| c != child && positive(c))
}

/// A unit's rank on one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// The indicator (framework node).
    pub indicator: usize,
    /// The unit's rank on it (1 = best; competition ranking).
    pub rank: u32,
    /// The number of units with a value of it.
    pub of: usize,
}

/// A unit's strengths and weaknesses ([`Standings::profile`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The unit.
    pub unit: usize,
    /// Its best indicators by rank, best first.
    pub strengths: Vec<Standing>,
    /// Its worst indicators by rank, worst first (none of them a strength).
    pub weaknesses: Vec<Standing>,
}

/// Every unit's rank on every indicator, from which [`Standings::profile`] reads a unit's
/// strengths and weaknesses.
#[derive(Debug, Clone, PartialEq)]
pub struct Standings {
    /// Per indicator (in [`Framework::leaves`] order): its node, each unit's rank, and how many
    /// units have a value.
    columns: Vec<(usize, Vec<Option<u32>>, usize)>,
    units: usize,
}

impl Standings {
    /// Ranks every indicator's normalised values in `results` (higher is better: the direction
    /// is applied by normalisation), over the units with a value.
    ///
    /// # Errors
    /// [`Error::OtherFramework`] when `results` were not scored on `framework`.
    pub fn new(framework: &Framework, results: &Results) -> Result<Self> {
        if !results.weights.fits(framework) {
            return Err(Error::OtherFramework);
        }
        let columns = framework
            .leaves()
            .iter()
            .map(|&leaf| {
                let scores: Vec<Option<f64>> = results
                    .node_column(leaf)
                    .iter()
                    .map(|x| x.is_finite().then_some(*x))
                    .collect();
                let of = scores.iter().flatten().count();
                (leaf, competition_ranks(&scores), of)
            })
            .collect();
        Ok(Standings {
            columns,
            units: results.units(),
        })
    }

    /// Unit `unit`'s `top` best indicators by rank (best first) and its `top` worst (worst
    /// first, none of them among its best), over the indicators it has a value of. Ties at the
    /// edge are kept: an indicator of the same rank as the `top`-th is listed too, so a list can
    /// be longer than `top`. Indicators of equal rank keep framework order.
    ///
    /// # Errors
    /// [`Error::Audit`] when `top` is 0 or `unit` is not one of the results' units.
    pub fn profile(&self, unit: usize, top: usize) -> Result<Profile> {
        let analysis = "strengths and weaknesses";
        if top == 0 {
            return Err(refuse(analysis, "ask for at least 1 indicator".into()));
        }
        if unit >= self.units {
            return Err(refuse(
                analysis,
                format!("unit {unit} is not one of the {} units", self.units),
            ));
        }
        let mut standings: Vec<Standing> = self
            .columns
            .iter()
            .filter_map(|(indicator, ranks, of)| {
                Some(Standing {
                    indicator: *indicator,
                    rank: ranks.get(unit).copied().flatten()?,
                    of: *of,
                })
            })
            .collect();
        crate::order::sort_by_key(&mut standings, |s| s.rank);
        let best = keep_ties(&standings, top, |rank, edge| rank > edge);
        let mut rest = standings.split_off(best.min(standings.len()));
        crate::order::sort_by_key(&mut rest, |s| std::cmp::Reverse(s.rank));
        rest.truncate(keep_ties(&rest, top, |rank, edge| rank < edge));
        Ok(Profile {
            unit,
            strengths: standings,
            weaknesses: rest,
        })
    }
}

/// How many of `list` (sorted, best of its kind first) to keep for `top`: `top`, and the ones
/// after of the same rank as the `top`-th (`beyond(rank, edge)` is true past it); all when fewer.
fn keep_ties(list: &[Standing], top: usize, beyond: fn(u32, u32) -> bool) -> usize {
    match list.get(top.saturating_sub(1)) {
        None => list.len(),
        Some(edge) => list
            .iter()
            .position(|s| beyond(s.rank, edge.rank))
            .unwrap_or(list.len()),
    }
}

#[cfg(test)]
mod tests;
