//! Attribution of a change: between two scenarios of one bundle, each unit's change in score and
//! in rank split among the changes made (each weight, the normalisation, the aggregation, the
//! outlier treatment, the imputation, the year…), by the Shapley value.
//!
//! # The changes
//!
//! [`changes`] lists what differs between the two resolved scenarios, in pipeline order:
//!
//! - `year`: the data of another year (treated as a change like any other: its part is what the
//!   newer data did);
//! - each part of the scenarios' method choices ([`MethodChoice`]) that differs —
//!   `carry_forward`, `denominate`, `imputation`, `screen`, `treatment`, `normalisation`,
//!   `normalise_over`, `aggregation` — each a change to the bundle's default method as a scenario states it (a
//!   normalisation "everywhere" replaces per-indicator normalisations: one change). Scenarios
//!   hold no per-indicator or per-level choices, so there are no others;
//! - each weight that differs, `weight:<node id>`; except that the changed weights of one
//!   parent's children are one change, `weights:<parent id>`, when some mixture of them would
//!   leave every child at 0 (from 1 and 0 to 0 and 1: with only one applied, the parent has no
//!   score), so every mixture of the changes is a valid scenario.
//!
//! A *mixture* `S` of the changes applies those in `S` to the `from` scenario and leaves the
//! others as they are there: `v(∅)` is `from`, `v(N)` is `to`.
//!
//! # The parts
//!
//! Change `i`'s part of a unit's score change is its Shapley value, its marginal effect averaged
//! over the `k!` orders in which the `k` changes can be applied:
//!
//! `φᵢ = Σ_{S ⊆ N∖{i}} |S|! (k − |S| − 1)! / k! · (v(S ∪ {i}) − v(S))`
//!
//! where `v(S)` is the unit's score (or rank) under mixture `S`. The parts add up to the whole
//! change, `Σᵢ φᵢ = v(N) − v(∅)` (efficiency); two changes with the same effect in every
//! mixture get equal parts (symmetry); a change that changes nothing in any mixture gets 0.
//! Ranks are split the same way, as numbers: the rank parts add up to `rank_to − rank_from`
//! (negative: the unit moved up).
//!
//! Up to [`Plan::exact_up_to`] changes (at most [`MAX_EXACT`] = 12), every mixture is scored:
//! `2ᵏ` scorings, the data prepared once per distinct year and method (at most `2ᵐ` for the
//! `m` changes that are not weights; a mixture that only changes weights is an aggregation and
//! a ranking), and `φ` accumulated as each mixture's score comes (no table of `2ᵏ` scores is
//! kept). Beyond, the parts are estimated from [`Plan::permutations`] random orders (seeded
//! Fisher–Yates with SplitMix64: the same seed gives the same parts everywhere), taken in
//! antithetic pairs (an order and its reverse, whose mean is one sample), each part with its
//! standard error (the pairs' standard deviation over √pairs). Each sampled order's marginal
//! effects add up to the whole change, so the estimated parts do too.
//!
//! A unit without a score under `from` or `to` has no parts ([`PartsStatus::Unscored`]); nor has
//! one scored at both ends but not under some mixture scored on the way, e.g. screened out
//! under one of them ([`PartsStatus::UnscoredInMixture`]).
//!
//! ```
//! use index_core::attribution::{attribute, Plan};
//! use index_core::scenario::{Resolved, Scenario};
//! # use index_core::{builtin, bundle::*, dataset::*};
//! # let f = builtin::ftri().unwrap();
//! # let source = Source { id: "s".into(), publisher: "p".into(), title: "t".into(),
//! #     edition: "e".into(), licence: "l".into(), url: "u".into() };
//! # let indicators = f.indicators.iter().map(|i| Indicator { id: i.id.into(), name: i.name.into(),
//! #     unit: i.unit.into(), direction: i.direction, source: "s".into() }).collect();
//! # let units = (0..3).map(|u| Unit { short: None, code: format!("U{u}"), name: format!("Unit {u}"), groups: vec!["g".into()] }).collect();
//! # let groups = vec![Group { id: "g".into(), name: "g".into(), family: "g".into() }];
//! # let mut b = DatasetBuilder::new(units, indicators, vec![source], groups, vec![2020]).unwrap();
//! # for (u, values) in [[0.9, 0.1, 0.5, 0.5, 0.5], [0.1, 0.9, 0.5, 0.5, 0.5], [0.8, 0.8, 0.8, 0.8, 0.8]].iter().enumerate() {
//! #     for (i, v) in f.indicators.iter().zip(values) { b.set(&format!("U{u}"), i.id, 2020, *v).unwrap(); }
//! # }
//! # let bundle = Bundle::new(BundleParts { id: "ftri".into(), title: "t".into(), description: "d".into(),
//! #     notes: vec![], dataset: b.build(), framework: f.framework, method: f.method, default_year: 2020,
//! #     default_groups: ["g".into(), "g".into()], reference: None, gdp_per_capita: None }).unwrap();
//! let from = Resolved::defaults(&bundle);
//! let to = Scenario::from_json(r#"{"format": 2, "bundle": "ftri",
//!     "weights": {"ict": 3, "skills": 2}, "method": {"aggregation": "geometric"}}"#)
//!     .unwrap().resolve(&bundle).unwrap();
//! let a = attribute(&bundle, &from, &to, &Plan::default()).unwrap();
//! let names: Vec<&str> = a.changes.iter().map(|c| c.name.as_str()).collect();
//! assert_eq!(names, ["aggregation", "weight:ict", "weight:skills"]);
//! let u = &a.units[0];
//! let whole = u.score_to.unwrap() - u.score_from.unwrap();
//! assert!((u.score.iter().sum::<f64>() - whole).abs() < 1e-12);
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use crate::bundle::Bundle;
use crate::error::{excerpt, short_number, Error, Result};
use crate::framework::{Framework, Weights};
use crate::method::Method;
use crate::pipeline::{prepare, Prepared};
use crate::scenario::{MethodChoice, Resolved};
use crate::sensitivity::SplitMix64;

/// The most changes split exactly (every mixture scored: `2¹²` = 4096 scorings).
pub const MAX_EXACT: usize = 12;
/// The most changes between two scenarios (one bit each of a 128-bit mixture).
pub const MAX_CHANGES: usize = 128;
/// The most orders sampled beyond [`Plan::exact_up_to`] changes.
pub const MAX_PERMUTATIONS: u32 = 20_000;
/// The orders sampled unless the person asks for another number.
pub const DEFAULT_PERMUTATIONS: u32 = 1_000;

/// How the parts are computed: exactly up to `exact_up_to` changes, else from sampled orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Split exactly when there are at most this many changes (at most [`MAX_EXACT`]; 0 samples
    /// always).
    pub exact_up_to: usize,
    /// Orders sampled otherwise, in antithetic pairs: 4 to [`MAX_PERMUTATIONS`], rounded up to
    /// an even number.
    pub permutations: u32,
    /// The seed of the sampled orders.
    pub seed: u64,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            exact_up_to: MAX_EXACT,
            permutations: DEFAULT_PERMUTATIONS,
            seed: 1,
        }
    }
}

impl Plan {
    /// Checks the plan's numbers.
    ///
    /// # Errors
    /// [`Error::Explanation`] for `exact_up_to` over [`MAX_EXACT`] or `permutations` outside
    /// 4..=[`MAX_PERMUTATIONS`].
    pub fn check(&self) -> Result<()> {
        if self.exact_up_to > MAX_EXACT {
            return Err(problem(format!(
                "exact_up_to: {} is over the limit of {MAX_EXACT} changes (2^{MAX_EXACT} scorings)",
                self.exact_up_to
            )));
        }
        if !(4..=MAX_PERMUTATIONS).contains(&self.permutations) {
            return Err(problem(format!(
                "permutations: {} is not from 4 to {MAX_PERMUTATIONS}",
                self.permutations
            )));
        }
        Ok(())
    }
}

/// [`Error::Explanation`] of the attribution.
fn problem(problem: String) -> Error {
    Error::Explanation {
        analysis: "attribution",
        problem,
    }
}

/// What one change changes.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// The year.
    Year,
    /// [`MethodChoice::carry_forward`].
    CarryForward,
    /// [`MethodChoice::denominate`].
    Denominate,
    /// [`MethodChoice::imputation`].
    Imputation,
    /// [`MethodChoice::screen`].
    Screen,
    /// [`MethodChoice::treatment`].
    Treatment,
    /// [`MethodChoice::normalisation`].
    Normalisation,
    /// [`MethodChoice::normalise_over`].
    NormaliseOver,
    /// [`MethodChoice::aggregation`].
    Aggregation,
    /// One node's weight.
    Weight {
        /// The node (a framework position).
        node: usize,
    },
    /// The weights of some children of one parent, changed together (apart, some mixture would
    /// leave every child of the parent at 0).
    Weights {
        /// The parent (a framework position).
        parent: usize,
        /// The children whose weights change.
        nodes: Vec<usize>,
    },
}

/// The method parts, in pipeline order, with their names.
const METHOD_PARTS: [(ChangeKind, &str); 8] = [
    (ChangeKind::CarryForward, "carry_forward"),
    (ChangeKind::Denominate, "denominate"),
    (ChangeKind::Imputation, "imputation"),
    (ChangeKind::Screen, "screen"),
    (ChangeKind::Treatment, "treatment"),
    (ChangeKind::Normalisation, "normalisation"),
    (ChangeKind::NormaliseOver, "normalise_over"),
    (ChangeKind::Aggregation, "aggregation"),
];

impl ChangeKind {
    /// Whether the data must be prepared again for this change (everything but weights).
    pub fn needs_preparing(&self) -> bool {
        !matches!(self, ChangeKind::Weight { .. } | ChangeKind::Weights { .. })
    }

    /// Sets this part of `choice` to `to`'s (method parts only).
    fn take(&self, to: &MethodChoice, choice: &mut MethodChoice) {
        match self {
            ChangeKind::CarryForward => choice.carry_forward = to.carry_forward,
            ChangeKind::Denominate => choice.denominate = to.denominate,
            ChangeKind::Imputation => choice.imputation.clone_from(&to.imputation),
            ChangeKind::Screen => choice.screen = to.screen,
            ChangeKind::Treatment => choice.treatment = to.treatment,
            ChangeKind::Normalisation => choice.normalisation = to.normalisation,
            ChangeKind::NormaliseOver => choice.normalise_over = to.normalise_over,
            ChangeKind::Aggregation => choice.aggregation = to.aggregation,
            ChangeKind::Year | ChangeKind::Weight { .. } | ChangeKind::Weights { .. } => {}
        }
    }

    /// This method part of `choice` as text ("default" when the bundle's stays).
    fn text(&self, c: &MethodChoice) -> String {
        fn or_default<T: ToString>(x: Option<T>) -> String {
            x.map_or_else(|| "default".to_string(), |x| x.to_string())
        }
        match self {
            ChangeKind::CarryForward => or_default(c.carry_forward),
            ChangeKind::Denominate => or_default(c.denominate),
            ChangeKind::Imputation => or_default(c.imputation.as_ref()),
            ChangeKind::Screen => c.screen.map_or_else(
                || "default".to_string(),
                |s| {
                    if s == 0.0 {
                        "off".to_string()
                    } else {
                        short_number(s)
                    }
                },
            ),
            ChangeKind::Treatment => or_default(c.treatment),
            ChangeKind::Normalisation => or_default(c.normalisation),
            ChangeKind::NormaliseOver => or_default(c.normalise_over),
            ChangeKind::Aggregation => or_default(c.aggregation),
            ChangeKind::Year | ChangeKind::Weight { .. } | ChangeKind::Weights { .. } => {
                String::new()
            }
        }
    }
}

/// One change between two scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What it changes.
    pub kind: ChangeKind,
    /// Its name: `year`, `normalisation`, `normalise_over`, `aggregation`, `treatment`,
    /// `imputation`, `screen`, `carry_forward`, `denominate`, `weight:<node id>` or
    /// `weights:<parent id>`.
    pub name: String,
    /// The setting in the `from` scenario, as text.
    pub from: String,
    /// The setting in the `to` scenario, as text.
    pub to: String,
}

/// Checks that `r` is a scenario resolved against `bundle`: its weights are for the bundle's
/// framework and its method is the bundle's with its choice applied.
fn check_resolved(bundle: &Bundle, r: &Resolved, which: &str) -> Result<()> {
    if !r.weights.fits(bundle.framework()) {
        return Err(Error::OtherFramework);
    }
    if r.choice.apply(bundle.method())? != r.method {
        return Err(problem(format!(
            "the method of the `{which}` scenario is not bundle `{}`'s with the scenario's changes",
            excerpt(bundle.id())
        )));
    }
    Ok(())
}

/// The changes from `from` to `to`, both resolved against `bundle`, in pipeline order: year,
/// method parts, weights (in framework order). See the module's documentation.
///
/// # Errors
/// [`Error::OtherFramework`] for weights of another framework, [`Error::Explanation`] for a
/// scenario whose method is not the bundle's with its choice applied, or more than
/// [`MAX_CHANGES`] changes.
pub fn changes(bundle: &Bundle, from: &Resolved, to: &Resolved) -> Result<Vec<Change>> {
    check_resolved(bundle, from, "from")?;
    check_resolved(bundle, to, "to")?;
    let mut out = Vec::new();
    if from.year != to.year {
        out.push(Change {
            kind: ChangeKind::Year,
            name: "year".into(),
            from: from.year.to_string(),
            to: to.year.to_string(),
        });
    }
    for (kind, name) in METHOD_PARTS {
        let (a, b) = (kind.text(&from.choice), kind.text(&to.choice));
        let mut taken = from.choice.clone();
        kind.take(&to.choice, &mut taken);
        if taken != from.choice {
            out.push(Change {
                kind,
                name: name.into(),
                from: a,
                to: b,
            });
        }
    }
    out.extend(weight_changes(
        bundle.framework(),
        &from.weights,
        &to.weights,
    ));
    if out.len() > MAX_CHANGES {
        return Err(problem(format!(
            "{} changes between the two scenarios; at most {MAX_CHANGES} can be split",
            out.len()
        )));
    }
    Ok(out)
}

/// The weight changes, in framework order; the changed children of a parent together when some
/// mixture of them would leave every child at 0.
fn weight_changes(framework: &Framework, from: &Weights, to: &Weights) -> Vec<Change> {
    let id = |p: usize| framework.node(p).map_or("", |n| n.id.as_str());
    let changed = |p: usize| from.get(p) != to.get(p);
    // A parent whose changed children must go together: every unchanged child at 0 and every
    // changed child at 0 on one side.
    let together = |parent: usize| {
        let children = framework.children(parent);
        children.iter().filter(|c| changed(**c)).count() > 1
            && children.iter().all(|&c| {
                if changed(c) {
                    from.get(c) == 0.0 || to.get(c) == 0.0
                } else {
                    from.get(c) == 0.0
                }
            })
    };
    let mut out = Vec::new();
    let mut grouped: Vec<usize> = Vec::new();
    for node in (0..framework.len()).filter(|p| changed(*p)) {
        match framework.parent(node).filter(|p| together(*p)) {
            Some(parent) => {
                if grouped.contains(&parent) {
                    continue;
                }
                grouped.push(parent);
                let nodes: Vec<usize> = framework
                    .children(parent)
                    .iter()
                    .copied()
                    .filter(|c| changed(*c))
                    .collect();
                let list = |w: &Weights| {
                    nodes
                        .iter()
                        .map(|&c| format!("{} {}", id(c), short_number(w.get(c))))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push(Change {
                    name: format!("weights:{}", id(parent)),
                    from: list(from),
                    to: list(to),
                    kind: ChangeKind::Weights { parent, nodes },
                });
            }
            None => out.push(Change {
                kind: ChangeKind::Weight { node },
                name: format!("weight:{}", id(node)),
                from: short_number(from.get(node)),
                to: short_number(to.get(node)),
            }),
        }
    }
    out
}

/// Whether a unit's change could be split, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartsStatus {
    /// Scored under both scenarios and every mixture scored: the parts are given.
    Split,
    /// Without a score under `from`, `to`, or both: no change to split.
    Unscored {
        /// Whether it has a score under `from`.
        from: bool,
        /// Whether it has a score under `to`.
        to: bool,
    },
    /// Scored under both scenarios but not under some mixture of the changes scored on the way
    /// (e.g. screened out there), so its marginal effects are not all defined.
    UnscoredInMixture,
}

impl PartsStatus {
    /// A short reason for people; empty when split.
    pub fn reason(&self) -> &'static str {
        match self {
            PartsStatus::Split => "",
            PartsStatus::Unscored {
                from: false,
                to: false,
            } => "no score in either scenario",
            PartsStatus::Unscored { from: false, .. } => "no score in the first scenario",
            PartsStatus::Unscored { .. } => "no score in the second scenario",
            PartsStatus::UnscoredInMixture => {
                "no score under some mixture of the changes, so the change cannot be split"
            }
        }
    }
}

/// One unit's change and its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitParts {
    /// Score under `from`.
    pub score_from: Option<f64>,
    /// Score under `to`.
    pub score_to: Option<f64>,
    /// Rank under `from`.
    pub rank_from: Option<u32>,
    /// Rank under `to`.
    pub rank_to: Option<u32>,
    /// Whether the parts are given.
    pub status: PartsStatus,
    /// Each change's part of `score_to − score_from`, in the order of
    /// [`Attribution::changes`] (empty unless [`PartsStatus::Split`]).
    pub score: Vec<f64>,
    /// Each change's part of `rank_to − rank_from` (negative: up).
    pub rank: Vec<f64>,
    /// The standard error of each score part when sampled (empty when exact).
    pub score_error: Vec<f64>,
    /// The standard error of each rank part when sampled (empty when exact).
    pub rank_error: Vec<f64>,
}

impl UnitParts {
    /// The change with the largest part of the score change, by size (the first of equals);
    /// `None` without parts or when every part is 0.
    pub fn largest(&self) -> Option<usize> {
        largest_part(&self.score)
    }
}

/// The position of the largest of `parts` by size (the first of equals); `None` when every
/// part is 0 (or there are none). [`UnitParts::largest`] of a unit's score parts.
pub fn largest_part(parts: &[f64]) -> Option<usize> {
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| **p != 0.0)
        .fold(None, |best: Option<(usize, f64)>, (i, p)| match best {
            Some((_, b)) if b >= p.abs() => best,
            _ => Some((i, p.abs())),
        })
        .map(|(i, _)| i)
}

/// How the parts were computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimate {
    /// Every mixture scored.
    Exact,
    /// From sampled orders.
    Sampled {
        /// Orders sampled (antithetic pairs, so even).
        permutations: u32,
        /// The seed.
        seed: u64,
    },
}

/// Every unit's change between two scenarios split among the changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The changes, in the order of every unit's parts.
    pub changes: Vec<Change>,
    /// Exact or sampled.
    pub estimate: Estimate,
    /// Scorings run (mixtures scored).
    pub scorings: usize,
    /// Times the data were prepared (distinct years and methods).
    pub preparations: usize,
    /// Each unit's change and parts, in dataset order.
    pub units: Vec<UnitParts>,
}

/// Splits every unit's change in score and rank from `from` to `to` (both resolved against
/// `bundle`) among the [`changes`], exactly or by sampling as `plan` says.
///
/// # Errors
/// As [`changes`] and [`Plan::check`]; as [`prepare`] and [`Prepared::score`] for a mixture.
pub fn attribute(
    bundle: &Bundle,
    from: &Resolved,
    to: &Resolved,
    plan: &Plan,
) -> Result<Attribution> {
    plan.check()?;
    let changes = changes(bundle, from, to)?;
    let mut game = Game::new(bundle, from, to, &changes);
    let k = changes.len();
    let n = bundle.dataset().units().len();
    let (estimate, sums) = if k <= plan.exact_up_to {
        (Estimate::Exact, game.exact()?)
    } else {
        let pairs = plan.permutations.div_ceil(2);
        (
            Estimate::Sampled {
                permutations: pairs * 2,
                seed: plan.seed,
            },
            game.sampled(pairs, plan.seed)?,
        )
    };
    let (first, last) = (&game.first, &game.last);
    let units = (0..n)
        .map(|u| {
            let score_from = first.scores.get(u).copied().flatten();
            let score_to = last.scores.get(u).copied().flatten();
            let status = if score_from.is_none() || score_to.is_none() {
                PartsStatus::Unscored {
                    from: score_from.is_some(),
                    to: score_to.is_some(),
                }
            } else if sums.incomplete.get(u).copied().unwrap_or(true) {
                PartsStatus::UnscoredInMixture
            } else {
                PartsStatus::Split
            };
            let column = |table: &[f64]| -> Vec<f64> {
                if status == PartsStatus::Split && !table.is_empty() {
                    (0..k)
                        .map(|i| table.get(i * n + u).copied().unwrap_or(0.0))
                        .collect()
                } else {
                    Vec::new()
                }
            };
            UnitParts {
                score_from,
                score_to,
                rank_from: first.ranks.get(u).copied().flatten(),
                rank_to: last.ranks.get(u).copied().flatten(),
                status,
                score: column(&sums.score),
                rank: column(&sums.rank),
                score_error: column(&sums.score_error),
                rank_error: column(&sums.rank_error),
            }
        })
        .collect();
    let (scorings, preparations) = (game.scorings, game.preparations);
    Ok(Attribution {
        changes,
        estimate,
        scorings,
        preparations,
        units,
    })
}

/// Scores and ranks of every unit under one mixture.
#[derive(Debug, Clone, Default)]
struct Outcome {
    scores: Vec<Option<f64>>,
    ranks: Vec<Option<u32>>,
}

impl Outcome {
    /// Unit `u`'s score and rank as numbers, if it has a score.
    fn at(&self, u: usize) -> Option<(f64, f64)> {
        let s = self.scores.get(u).copied().flatten()?;
        let r = self.ranks.get(u).copied().flatten()?;
        Some((s, f64::from(r)))
    }
}

/// The parts (change-major tables: change `i`, unit `u` at `i · units + u`) and the units
/// whose parts are not all defined.
#[derive(Debug, Default)]
struct Sums {
    score: Vec<f64>,
    rank: Vec<f64>,
    score_error: Vec<f64>,
    rank_error: Vec<f64>,
    incomplete: Vec<bool>,
}

/// The cooperative game: a mixture (a set of changes, one bit each) → every unit's score and
/// rank.
struct Game<'a> {
    bundle: &'a Bundle,
    from: &'a Resolved,
    to: &'a Resolved,
    changes: &'a [Change],
    /// The bits of the changes that need the data prepared again.
    data_bits: u128,
    /// The prepared data per mixture of data changes (sampling only; at most 2⁸: the year and
    /// seven method parts).
    prepared: HashMap<u128, Arc<Prepared>>,
    /// The outcome under `from` (∅) and `to` (every change).
    first: Outcome,
    last: Outcome,
    scorings: usize,
    preparations: usize,
}

/// Change `i`'s bit.
fn bit(i: usize) -> u128 {
    1u128
        .checked_shl(u32::try_from(i).unwrap_or(u32::MAX))
        .unwrap_or(0)
}

/// The positions of the bits set in `mask`.
fn positions(mask: u128) -> Vec<usize> {
    (0..128).filter(|&i| mask & bit(i) != 0).collect()
}

/// The `index`-th subset of `of` (bit `j` of `index` takes `of[j]`).
fn subset(index: usize, of: &[usize]) -> u128 {
    of.iter()
        .enumerate()
        .filter(|(j, _)| index >> j & 1 == 1)
        .fold(0, |m, (_, &i)| m | bit(i))
}

impl<'a> Game<'a> {
    fn new(
        bundle: &'a Bundle,
        from: &'a Resolved,
        to: &'a Resolved,
        changes: &'a [Change],
    ) -> Self {
        let data_bits = changes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind.needs_preparing())
            .fold(0, |m, (i, _)| m | bit(i));
        Game {
            bundle,
            from,
            to,
            changes,
            data_bits,
            prepared: HashMap::new(),
            first: Outcome::default(),
            last: Outcome::default(),
            scorings: 0,
            preparations: 0,
        }
    }

    /// Every change's bit.
    fn all(&self) -> u128 {
        (0..self.changes.len()).fold(0, |m, i| m | bit(i))
    }

    /// The data prepared for mixture `mask`'s year and method.
    fn prepare(&mut self, mask: u128) -> Result<Prepared> {
        let mut choice = self.from.choice.clone();
        let mut year = self.from.year;
        for (i, c) in self.changes.iter().enumerate() {
            if mask & bit(i) != 0 {
                match c.kind {
                    ChangeKind::Year => year = self.to.year,
                    ref kind => kind.take(&self.to.choice, &mut choice),
                }
            }
        }
        let method: Method = choice.apply(self.bundle.method())?;
        self.preparations += 1;
        prepare(
            self.bundle.dataset(),
            self.bundle.framework(),
            &method,
            year,
        )
    }

    /// The prepared data for `mask`, kept for the next mixture with the same data changes.
    fn prepared(&mut self, mask: u128) -> Result<Arc<Prepared>> {
        let key = mask & self.data_bits;
        if let Some(p) = self.prepared.get(&key) {
            return Ok(Arc::clone(p));
        }
        let p = Arc::new(self.prepare(key)?);
        self.prepared.insert(key, Arc::clone(&p));
        Ok(p)
    }

    /// Mixture `mask` scored on `prepared` (prepared for its data changes).
    fn score(&mut self, prepared: &Arc<Prepared>, mask: u128) -> Result<Outcome> {
        let framework = self.bundle.framework();
        let mut w = self.from.weights.as_slice().to_vec();
        for (i, c) in self.changes.iter().enumerate() {
            if mask & bit(i) == 0 {
                continue;
            }
            let nodes: &[usize] = match &c.kind {
                ChangeKind::Weight { node } => std::slice::from_ref(node),
                ChangeKind::Weights { nodes, .. } => nodes,
                _ => &[],
            };
            for &node in nodes {
                if let Some(slot) = w.get_mut(node) {
                    *slot = self.to.weights.get(node);
                }
            }
        }
        let weights = Weights::new(framework, w)?;
        let results = prepared.score(framework, &weights)?;
        self.scorings += 1;
        let n = results.units();
        Ok(Outcome {
            scores: (0..n).map(|u| results.index(u)).collect(),
            ranks: (0..n).map(|u| results.rank(u)).collect(),
        })
    }

    /// Every mixture scored, the data changes' mixtures outermost so that each is prepared
    /// once and dropped before the next; `φ` accumulated as the scores come:
    /// `φᵢ = Σ_{T ∋ i} (v(T) − v(∅)) / (k·C(k−1, |T|−1)) − Σ_{T ∌ i} (v(T) − v(∅)) / (k·C(k−1, |T|))`,
    /// the module's formula with each mixture's terms gathered.
    fn exact(&mut self) -> Result<Sums> {
        let k = self.changes.len();
        let n = self.bundle.dataset().units().len();
        let data = positions(self.data_bits);
        let weights = positions(self.all() & !self.data_bits);
        // 1 / (k·C(k−1, j)) for j = 0..k (exact in f64 for k ≤ 12).
        let inverse: Vec<f64> = (0..k)
            .map(|j| {
                let c = (0..j).fold(1.0, |c, t| c * (k - 1 - t) as f64 / (t + 1) as f64);
                1.0 / (k as f64 * c.round())
            })
            .collect();
        let mut sums = Sums {
            score: vec![0.0; k * n],
            rank: vec![0.0; k * n],
            incomplete: vec![false; n],
            ..Sums::default()
        };
        for d in 0..1usize << data.len() {
            let dmask = subset(d, &data);
            let prepared = Arc::new(self.prepare(dmask)?);
            for w in 0..1usize << weights.len() {
                let mask = dmask | subset(w, &weights);
                let outcome = self.score(&prepared, mask)?;
                if mask == 0 {
                    self.first = outcome.clone();
                }
                let size = mask.count_ones() as usize;
                for i in 0..k {
                    let coef = if mask & bit(i) != 0 {
                        inverse.get(size.wrapping_sub(1)).copied()
                    } else {
                        inverse.get(size).copied().map(|c| -c)
                    };
                    let Some(coef) = coef else { continue };
                    let (score, rank) = (
                        sums.score.iter_mut().skip(i * n).take(n),
                        sums.rank.iter_mut().skip(i * n).take(n),
                    );
                    for (u, (s, r)) in score.zip(rank).enumerate() {
                        match (outcome.at(u), self.first.at(u)) {
                            (Some((ys, yr)), Some((bs, br))) => {
                                *s += coef * (ys - bs);
                                *r += coef * (yr - br);
                            }
                            _ => {
                                if let Some(x) = sums.incomplete.get_mut(u) {
                                    *x = true;
                                }
                            }
                        }
                    }
                }
                if mask == self.all() {
                    self.last = outcome;
                }
            }
        }
        Ok(sums)
    }

    /// The marginal effects along `order`: change-major tables of score and rank differences;
    /// units without a score at some step are marked in `incomplete`.
    fn walk(&mut self, order: &[usize], incomplete: &mut [bool]) -> Result<(Vec<f64>, Vec<f64>)> {
        let n = self.bundle.dataset().units().len();
        let k = self.changes.len();
        let (mut score, mut rank) = (vec![0.0; k * n], vec![0.0; k * n]);
        let mut mask = 0u128;
        let mut before = self.first.clone();
        for &i in order {
            mask |= bit(i);
            let prepared = self.prepared(mask)?;
            let after = self.score(&prepared, mask)?;
            let rows = score
                .iter_mut()
                .skip(i * n)
                .take(n)
                .zip(rank.iter_mut().skip(i * n).take(n))
                .zip(incomplete.iter_mut());
            for (u, ((s, r), lost)) in rows.enumerate() {
                match (after.at(u), before.at(u)) {
                    (Some((a, ar)), Some((b, br))) => {
                        *s = a - b;
                        *r = ar - br;
                    }
                    _ => *lost = true,
                }
            }
            before = after;
        }
        Ok((score, rank))
    }

    /// `pairs` antithetic pairs of random orders: each pair's mean marginal effects are one
    /// sample; the parts are the samples' means, their errors the standard deviation over
    /// √pairs (Welford's running sums).
    fn sampled(&mut self, pairs: u32, seed: u64) -> Result<Sums> {
        let k = self.changes.len();
        let n = self.bundle.dataset().units().len();
        let empty = self.prepared(0)?;
        self.first = self.score(&empty, 0)?;
        let mut rng = SplitMix64(seed);
        let mut incomplete = vec![false; n];
        let (mut mean_s, mut m2_s) = (vec![0.0; k * n], vec![0.0; k * n]);
        let (mut mean_r, mut m2_r) = (vec![0.0; k * n], vec![0.0; k * n]);
        let mut order: Vec<usize> = (0..k).collect();
        for p in 1..=pairs {
            // Fisher–Yates.
            for i in (1..k).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let (s1, r1) = self.walk(&order, &mut incomplete)?;
            let reverse: Vec<usize> = order.iter().rev().copied().collect();
            let (s2, r2) = self.walk(&reverse, &mut incomplete)?;
            let count = f64::from(p);
            for (mean, m2, a, b) in [
                (&mut mean_s, &mut m2_s, &s1, &s2),
                (&mut mean_r, &mut m2_r, &r1, &r2),
            ] {
                for (((m, q), x), y) in mean.iter_mut().zip(m2.iter_mut()).zip(a).zip(b) {
                    let sample = 0.5 * (x + y);
                    let delta = sample - *m;
                    *m += delta / count;
                    *q += delta * (sample - *m);
                }
            }
        }
        let all = self.all();
        let full = self.prepared(all)?;
        self.last = self.score(&full, all)?;
        let pairs = f64::from(pairs);
        let error = |m2: Vec<f64>| -> Vec<f64> {
            m2.into_iter()
                .map(|q| (q.max(0.0) / (pairs - 1.0) / pairs).sqrt())
                .collect()
        };
        Ok(Sums {
            score: mean_s,
            rank: mean_r,
            score_error: error(m2_s),
            rank_error: error(m2_r),
            incomplete,
        })
    }
}

#[cfg(test)]
mod tests;
