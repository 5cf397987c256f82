//! Targets: the smallest improvement in one indicator, or in several together, that lifts a unit
//! to a chosen rank or past a chosen rival, under a scenario's weights and method.
//!
//! # The improvement
//!
//! Each chosen indicator `i` moves from the unit's raw value `xᵢ` (the year's, or the value
//! carried forward to it) towards the best value observed that year among all units, `bᵢ` (the
//! highest, or the lowest for a lower-is-better indicator, so that an improvement of such an
//! indicator is a decrease), by the same share `t` of the gap:
//!
//! `xᵢ(t) = xᵢ + t · (bᵢ − xᵢ)`, `t ∈ [0, 1]`
//!
//! so several indicators improve in proportion to their current gaps; one indicator is the case
//! of a set of one. The answer is the smallest `t` at which the goal is met, and each
//! indicator's raw value `xᵢ(t)` and change `xᵢ(t) − xᵢ` in its own unit.
//!
//! # Solved, not searched blindly
//!
//! Every trial re-runs the whole pipeline (denominate → … → normalise → aggregate → rank) on a
//! copy of the data with the unit's values set to `xᵢ(t)` in the scenario's year, so bounds that
//! move with the unit's value (min–max, z-score, imputed means, outlier treatment) are accounted
//! for. For the methods we have, the unit's score rises monotonically with `t` (every
//! normalisation is non-decreasing in the value in its improving direction, every mean is
//! non-decreasing in its children) and the others' scores do not rise, so the goal, once met,
//! stays met: `t` is found by bisection to within [`TOLERANCE`] of each indicator's observed
//! range, after a scan of [`GRID`] equal steps that finds the first step meeting the goal and
//! checks the assumption (outlier treatment can break it: a value that becomes an outlier is
//! winsorised back). When a later step of the scan misses the goal after an earlier one met it,
//! the answer says so ([`Target::monotone`] is false) and is the smallest found: the first step
//! meeting the goal, refined.
//!
//! If even the best observed values (`t = 1`) do not meet the goal, it is out of reach within
//! the observed range ([`TargetStatus::OutOfReach`]), and the rank and score there are given.
//!
//! Whether the answer depends on the rest of the data is said per indicator
//! ([`Dependence`]): when min–max (or distance-to-best) bounds move because the unit's value
//! is or becomes the column's extreme, always under z-scores (the unit's value is part of the
//! mean and standard deviation), under rank-based normalisations (the score steps at the other
//! units' values), when outlier treatment changes the column at either end, and when the
//! unit's value enters the mean imputed for other units.
//!
//! ```
//! use index_core::target::{target, Goal, TargetStatus};
//! use index_core::scenario::Resolved;
//! # use index_core::{builtin, bundle::*, dataset::*};
//! # let f = builtin::ftri().unwrap();
//! # let source = Source { id: "s".into(), publisher: "p".into(), title: "t".into(),
//! #     edition: "e".into(), licence: "l".into(), url: "u".into() };
//! # let indicators = f.indicators.iter().map(|i| Indicator { id: i.id.into(), name: i.name.into(),
//! #     unit: i.unit.into(), direction: i.direction, source: "s".into() }).collect();
//! # let units = (0..3).map(|u| Unit { short: None, code: format!("U{u}"), name: format!("Unit {u}"), groups: vec!["g".into()] }).collect();
//! # let groups = vec![Group { id: "g".into(), name: "g".into(), family: "g".into() }];
//! # let mut b = DatasetBuilder::new(units, indicators, vec![source], groups, vec![2020]).unwrap();
//! # for (u, values) in [[0.9, 0.1, 0.5, 0.5, 0.5], [0.1, 0.9, 0.6, 0.5, 0.5], [0.8, 0.8, 0.8, 0.8, 0.8]].iter().enumerate() {
//! #     for (i, v) in f.indicators.iter().zip(values) { b.set(&format!("U{u}"), i.id, 2020, *v).unwrap(); }
//! # }
//! # let bundle = Bundle::new(BundleParts { id: "ftri".into(), title: "t".into(), description: "d".into(),
//! #     notes: vec![], dataset: b.build(), framework: f.framework, method: f.method, default_year: 2020,
//! #     default_groups: ["g".into(), "g".into()], reference: None, gdp_per_capita: None }).unwrap();
//! let now = Resolved::defaults(&bundle);
//! // U0 (third) past U1 (second) on R&D alone: U1 leads by 0.1 on R&D over five equal blocks.
//! let t = target(&bundle, &now, 0, &["rd"], Goal::Past(1)).unwrap();
//! assert_eq!(t.status, TargetStatus::Reached);
//! let rd = &t.moves[0];
//! assert!((rd.change - 0.1).abs() < 1e-6 && rd.change > 0.1);
//! assert!(!t.depends_on_data()); // the blocks are taken as they are: no bounds move
//! ```

use std::sync::Arc;

use crate::bundle::Bundle;
use crate::dataset::{Dataset, Direction};
use crate::error::{excerpt, Error, Result};
use crate::method::{Imputation, Normalisation};
use crate::pipeline::{prepare, Prepared, Results};
use crate::scenario::Resolved;

/// How close the answer is: within this share of each indicator's observed range (the
/// bisection stops when a step of `t` moves no indicator by more).
pub const TOLERANCE: f64 = 1e-6;
/// The equal steps of `t` scanned before bisecting (each a run of the pipeline).
pub const GRID: u32 = 16;
/// The most indicators improved together.
pub const MAX_INDICATORS: usize = 256;
/// The most bisection steps (the tolerance needs at most ~20 after the scan).
const MAX_STEPS: u32 = 64;

/// What the unit is to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// This rank or better (1 is first).
    Rank(u32),
    /// A score above this unit's (a dataset position): past it in the ranking.
    Past(usize),
}

/// Whether the goal is met, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetStatus {
    /// Met already: no improvement needed.
    AlreadyThere,
    /// Met by the improvement given, within the observed range.
    Reached,
    /// Not met even at the best observed values of the chosen indicators: out of reach within
    /// the observed range.
    OutOfReach,
}

/// A unit's score and rank under one trial (`None`: no score).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// Index score.
    pub score: Option<f64>,
    /// Rank.
    pub rank: Option<u32>,
    /// The rival's score (with [`Goal::Past`]).
    pub rival_score: Option<f64>,
}

/// One indicator's improvement.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The indicator's id.
    pub indicator: String,
    /// Which way is better.
    pub direction: Direction,
    /// The unit's raw value now.
    pub current: f64,
    /// The raw value needed (for [`TargetStatus::OutOfReach`], the best observed value, which
    /// is not enough; for [`TargetStatus::AlreadyThere`], the current one).
    pub needed: f64,
    /// `needed − current`, in the indicator's own unit (negative for a lower-is-better one).
    pub change: f64,
    /// The best value observed that year among the units.
    pub best: f64,
    /// The worst value observed.
    pub worst: f64,
    /// The year the current value is from, when carried forward from an earlier year (the
    /// needed value is for the scenario's year).
    pub carried_from: Option<i32>,
}

/// Why an answer depends on the rest of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Min–max or distance-to-best bounds move: the unit's value is or becomes the column's
    /// lowest or highest.
    BoundsMove,
    /// Z-scores: the unit's value is part of the mean and standard deviation.
    MeanAndSd,
    /// Percentile-rank or rank normalisation: the score steps at other units' values.
    RankBased,
    /// Outlier treatment changes the column (now or at the needed value).
    Treatment,
    /// The unit's value is part of the mean imputed for other units' missing values.
    ImputedMean,
}

impl Reason {
    /// In words, for people.
    pub fn describe(&self) -> &'static str {
        match self {
            Reason::BoundsMove => "the min–max bounds move with the unit's value",
            Reason::MeanAndSd => "the z-score's mean and standard deviation move with it",
            Reason::RankBased => "the normalised value is a rank among the units",
            Reason::Treatment => "outlier treatment changes the column",
            Reason::ImputedMean => "other units' imputed values are means that include it",
        }
    }
}

/// One indicator's dependence on the rest of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependence {
    /// The indicator.
    pub indicator: String,
    /// Why.
    pub reason: Reason,
}

/// The answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The unit (a dataset position).
    pub unit: usize,
    /// The goal.
    pub goal: Goal,
    /// Met already, reached, or out of reach.
    pub status: TargetStatus,
    /// The share `t` of each gap to the best observed value closed (0 when already there, 1
    /// when out of reach).
    pub share: f64,
    /// Each indicator's improvement, in the order asked.
    pub moves: Vec<Move>,
    /// Score and rank now.
    pub before: Standing,
    /// Score and rank with the improvement (out of reach: at the best observed values).
    pub after: Standing,
    /// With a share this much smaller (the bisection's last miss) the goal is not met; 0 when
    /// already there or out of reach.
    pub short_by: f64,
    /// Whether the goal, once met in the scan, stayed met at every larger step.
    pub monotone: bool,
    /// Why the answer depends on the rest of the data, per indicator; empty when it does not.
    pub depends: Vec<Dependence>,
    /// Pipeline runs taken.
    pub runs: u32,
}

impl Target {
    /// Whether the answer depends on the rest of the data ([`Target::depends`]).
    pub fn depends_on_data(&self) -> bool {
        !self.depends.is_empty()
    }
}

/// [`Error::Explanation`] of the target.
fn problem(problem: String) -> Error {
    Error::Explanation {
        analysis: "target",
        problem,
    }
}

/// One chosen indicator: where it is, and its values.
struct Chosen {
    /// Its column in the prepared tables ([`crate::framework::Framework::leaves`] order).
    column: usize,
    /// Its position in the dataset.
    position: usize,
    current: f64,
    best: f64,
    worst: f64,
    direction: Direction,
}

impl Chosen {
    /// The raw value at share `t` of the gap.
    fn at(&self, t: f64) -> f64 {
        if t >= 1.0 {
            self.best
        } else {
            self.current + t * (self.best - self.current)
        }
    }
}

/// The trials: copies of the data with the unit's values moved, each run through the pipeline.
struct Trials<'a> {
    bundle: &'a Bundle,
    scenario: &'a Resolved,
    unit: usize,
    goal: Goal,
    chosen: &'a [Chosen],
    data: Dataset,
    runs: u32,
}

impl Trials<'_> {
    /// The pipeline with the unit's values at share `t` of their gaps.
    fn run(&mut self, t: f64) -> Result<Results> {
        for c in self.chosen {
            self.data
                .set_value(self.unit, c.position, self.scenario.year, c.at(t))?;
        }
        self.runs += 1;
        let framework = self.bundle.framework();
        Arc::new(prepare(
            &self.data,
            framework,
            &self.scenario.method,
            self.scenario.year,
        )?)
        .score(framework, &self.scenario.weights)
    }

    /// The unit's standing in `r`.
    fn standing(&self, r: &Results) -> Standing {
        Standing {
            score: r.index(self.unit),
            rank: r.rank(self.unit),
            rival_score: match self.goal {
                Goal::Past(rival) => r.index(rival),
                Goal::Rank(_) => None,
            },
        }
    }

    /// Whether `s` meets the goal.
    fn met(&self, s: &Standing) -> bool {
        match self.goal {
            Goal::Rank(rank) => s.rank.is_some_and(|r| r <= rank),
            Goal::Past(_) => matches!((s.score, s.rival_score), (Some(a), Some(b)) if a > b),
        }
    }

    /// Runs at share `t`: its standing and whether it meets the goal.
    fn trial(&mut self, t: f64) -> Result<(Standing, bool, Results)> {
        let r = self.run(t)?;
        let s = self.standing(&r);
        Ok((s, self.met(&s), r))
    }
}

/// The smallest improvement of `indicators` (framework indicator ids; several improve in
/// proportion to their gaps to the best observed value) that lifts `unit` (a dataset position)
/// to `goal` under `scenario` (resolved against `bundle`). See the module's documentation.
///
/// # Errors
/// [`Error::Explanation`] for no indicator or more than [`MAX_INDICATORS`], an id that is not
/// one of the framework's indicators, a unit or rival out of range, the unit as its own
/// rival, rank 0, a unit or rival without a score, or a unit without a value of a chosen
/// indicator; [`Error::OtherFramework`] for a scenario of another framework; as
/// [`prepare`] and [`Prepared::score`].
pub fn target(
    bundle: &Bundle,
    scenario: &Resolved,
    unit: usize,
    indicators: &[&str],
    goal: Goal,
) -> Result<Target> {
    let dataset = bundle.dataset();
    let framework = bundle.framework();
    let code = |u: usize| dataset.units().get(u).map(|x| x.code.as_str());
    let Some(unit_code) = code(unit) else {
        return Err(problem(format!(
            "unit {unit} is out of range ({} units)",
            dataset.units().len()
        )));
    };
    if indicators.is_empty() || indicators.len() > MAX_INDICATORS {
        return Err(problem(format!(
            "{} indicators chosen; choose 1 to {MAX_INDICATORS}",
            indicators.len()
        )));
    }
    match goal {
        Goal::Rank(0) => return Err(problem("rank 0: ranks start at 1".into())),
        Goal::Past(rival) if rival == unit => {
            return Err(problem(format!("`{unit_code}` cannot pass itself")))
        }
        Goal::Past(rival) if code(rival).is_none() => {
            return Err(problem(format!("rival {rival} is out of range")))
        }
        _ => {}
    }
    if !scenario.weights.fits(framework) {
        return Err(Error::OtherFramework);
    }
    let year = scenario.year;
    let prepared = Arc::new(prepare(dataset, framework, &scenario.method, year)?);
    let now = prepared.score(framework, &scenario.weights)?;
    if now.index(unit).is_none() {
        return Err(problem(format!(
            "`{unit_code}` has no score in {year} ({})",
            now.status(unit).reason()
        )));
    }
    if let Goal::Past(rival) = goal {
        if now.index(rival).is_none() {
            return Err(problem(format!(
                "the rival `{}` has no score in {year}",
                code(rival).unwrap_or_default()
            )));
        }
    }
    let chosen = indicators
        .iter()
        .map(|id| choose(bundle, &prepared, unit_code, unit, id))
        .collect::<Result<Vec<_>>>()?;
    let mut trials = Trials {
        bundle,
        scenario,
        unit,
        goal,
        chosen: &chosen,
        data: dataset.clone(),
        runs: 0,
    };
    let before = trials.standing(&now);
    let moves = |t: f64| -> Vec<Move> {
        chosen
            .iter()
            .zip(indicators)
            .map(|(c, id)| Move {
                indicator: (*id).to_string(),
                direction: c.direction,
                current: c.current,
                needed: c.at(t),
                change: c.at(t) - c.current,
                best: c.best,
                worst: c.worst,
                carried_from: prepared
                    .raw
                    .origin_year(unit, c.column)
                    .filter(|y| *y != year),
            })
            .collect()
    };
    let answer = |status, share, after, short_by, monotone, depends, runs| Target {
        unit,
        goal,
        status,
        share,
        moves: moves(share),
        before,
        after,
        short_by,
        monotone,
        depends,
        runs,
    };
    if trials.met(&before) {
        return Ok(answer(
            TargetStatus::AlreadyThere,
            0.0,
            before,
            0.0,
            true,
            Vec::new(),
            0,
        ));
    }
    // The scan: the first step meeting the goal, and whether every later one does too.
    let mut first: Option<(u32, Standing, Results)> = None;
    let mut monotone = true;
    // The last step missing the goal before any met it (the best values, when none does).
    let mut last = (before, None);
    for j in 1..=GRID {
        let t = f64::from(j) / f64::from(GRID);
        let (s, met, r) = trials.trial(t)?;
        match (&first, met) {
            (None, true) => first = Some((j, s, r)),
            (None, false) => last = (s, Some(r)),
            (Some(_), false) => monotone = false,
            (Some(_), true) => {}
        }
    }
    let Some((j, mut hit, mut hit_results)) = first else {
        let depends = last.1.map_or_else(Vec::new, |r| {
            dependence(&chosen, indicators, &now, &r, unit)
        });
        return Ok(answer(
            TargetStatus::OutOfReach,
            1.0,
            last.0,
            0.0,
            monotone,
            depends,
            trials.runs,
        ));
    };
    // Bisect between the last step missing the goal and the first meeting it, until a step
    // of t moves no indicator by more than TOLERANCE of its observed range.
    let tol = chosen
        .iter()
        .filter(|c| c.best != c.current)
        .map(|c| TOLERANCE * (c.best - c.worst).abs() / (c.best - c.current).abs())
        .fold(f64::INFINITY, f64::min);
    let (mut lo, mut hi) = (
        f64::from(j - 1) / f64::from(GRID),
        f64::from(j) / f64::from(GRID),
    );
    for _ in 0..MAX_STEPS {
        if hi - lo <= tol {
            break;
        }
        let mid = 0.5 * (lo + hi);
        let (s, met, r) = trials.trial(mid)?;
        if met {
            (hi, hit, hit_results) = (mid, s, r);
        } else {
            lo = mid;
        }
    }
    let depends = dependence(&chosen, indicators, &now, &hit_results, unit);
    Ok(answer(
        TargetStatus::Reached,
        hi,
        hit,
        hi - lo,
        monotone,
        depends,
        trials.runs,
    ))
}

/// Indicator `id` for `unit`: its column, its dataset position, the unit's value now and the
/// observed range.
fn choose(
    bundle: &Bundle,
    prepared: &Prepared,
    unit_code: &str,
    unit: usize,
    id: &str,
) -> Result<Chosen> {
    let framework = bundle.framework();
    let column = framework
        .leaves()
        .iter()
        .position(|&l| framework.node(l).is_some_and(|n| n.id == id));
    let (Some(column), Some(position), Some(indicator)) = (
        column,
        bundle.dataset().indicator_position(id),
        bundle.dataset().indicator(id),
    ) else {
        return Err(problem(format!(
            "`{}` is not one of the indicators of bundle `{}`",
            excerpt(id),
            excerpt(bundle.id())
        )));
    };
    let Some(current) = prepared.raw.values.get(unit, column) else {
        return Err(problem(format!(
            "`{unit_code}` has no value of `{}` in {}",
            excerpt(id),
            prepared.year
        )));
    };
    let (low, high) = prepared
        .raw
        .values
        .column(column)
        .flatten()
        .fold((current, current), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (best, worst) = match indicator.direction {
        Direction::Higher => (high, low),
        Direction::Lower => (low, high),
    };
    Ok(Chosen {
        column,
        position,
        current,
        best,
        worst,
        direction: indicator.direction,
    })
}

/// Why the answer depends on the rest of the data, per chosen indicator, from the method and
/// the data now (`now`) and at the answer (`then`).
fn dependence(
    chosen: &[Chosen],
    ids: &[&str],
    now: &Results,
    then: &Results,
    unit: usize,
) -> Vec<Dependence> {
    let method = &now.prepared.method;
    let mut out = Vec::new();
    for (c, id) in chosen.iter().zip(ids) {
        let mut push = |reason| {
            out.push(Dependence {
                indicator: (*id).to_string(),
                reason,
            });
        };
        // Whether the unit's value is the lowest or highest of the column among the units in.
        let extreme = |r: &Results| {
            let p = &r.prepared;
            let Some(x) = p.raw.values.get(unit, c.column) else {
                return false;
            };
            let others = p
                .raw
                .values
                .column(c.column)
                .zip(&p.active)
                .enumerate()
                .filter(|(u, (_, active))| *u != unit && **active)
                .filter_map(|(_, (v, _))| v);
            let (lo, hi) = others.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
            x <= lo || x >= hi
        };
        match method.normalisation_for(id) {
            Normalisation::MinMax { .. } | Normalisation::DistanceToBest { .. } => {
                if extreme(now) || extreme(then) {
                    push(Reason::BoundsMove);
                }
            }
            Normalisation::ZScore { .. } => push(Reason::MeanAndSd),
            Normalisation::PercentileRank { .. } | Normalisation::Rank => push(Reason::RankBased),
            Normalisation::None | Normalisation::Goalposts { .. } => {}
        }
        let treated = |r: &Results| {
            r.prepared
                .treatment
                .get(c.column)
                .is_some_and(|t| t.changed())
        };
        if treated(now) || treated(then) {
            push(Reason::Treatment);
        }
        let imputed = |r: &Results| {
            r.prepared
                .imputed_count
                .get(c.column)
                .is_some_and(|n| *n > 0)
        };
        if !matches!(method.imputation(), Imputation::None) && (imputed(now) || imputed(then)) {
            push(Reason::ImputedMean);
        }
    }
    out
}

#[cfg(test)]
mod tests;
