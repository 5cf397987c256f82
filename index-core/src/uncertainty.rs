//! Uncertainty analysis: how far a rank can be trusted when the choices behind it are uncertain
//! (JRC/OECD *Handbook*, step 7; COINr's `get_sensitivity` with `SA_type = "UA"`).
//!
//! The uncertain inputs are the person's to choose ([`Plan`]):
//!
//! - **weights** at every level: each weight `w` drawn uniformly on `[w(1 − p), w(1 + p)]`
//!   ([`WeightNoise::Relative`], p = 25 % by default) — weights are relative to their siblings, so
//!   this is the draw renormalised — or each parent's children's shares uniformly on the simplex
//!   ([`WeightNoise::Simplex`]: `eᵢ = −ln(1 − vᵢ)`, shares `eᵢ / Σ e`, a flat Dirichlet). A node
//!   weighted 0 stays at 0 (it was left out on purpose);
//! - **normalisation** and **aggregation**, each drawn from a set the person gives (applied to
//!   every indicator and level, replacing per-indicator and per-level choices);
//! - the **winsorisation limit**: the most values winsorised per indicator drawn from
//!   `lo..=hi` (0: no outlier treatment), with the method's thresholds (the JRC's 2 and 3.5 when
//!   it has none);
//! - **imputation** on or off (on: the method's imputation, or the indicator mean when the method
//!   imputes nothing).
//!
//! Each uncertain input is one coordinate of an Owen-scrambled Sobol point
//! ([`crate::sample`]), as COINr gives each input one column of its sample: a set is chosen from
//! by `⌊u · len⌋`, and the weights input picks weight set `⌊u · 2¹⁶⌋` of a second Sobol
//! sequence with one dimension per weight (COINr likewise draws each replication's weights from
//! a pool of noisy weight sets). So a draw depends only on its index, the plan and the seed:
//! the same seed gives the same ranks natively and in the browser.
//!
//! Each draw is scored on the year of the scenario; the data steps run once per distinct
//! method drawn ([`Run`] keeps each [`Prepared`]), and a draw that only changes weights costs
//! an aggregation and a ranking. The draws' ranks are kept ([`Uncertainty`]): per unit the
//! nominal rank, the median, the 5th and 95th percentiles (the smallest rank `r` such that at
//! least that share of draws rank the unit at `r` or better — a rank, not an interpolation),
//! each rank's probability (SMAA's rank acceptability index), the probability that one unit
//! outranks another, and per pair of groups the interval of the gap between their mean scores.
//!
//! ```
//! use index_core::{builtin, uncertainty::*};
//! # use index_core::dataset::*;
//! # let f = builtin::ftri().unwrap();
//! # let source = Source { id: "s".into(), publisher: "p".into(), title: "t".into(),
//! #     edition: "e".into(), licence: "l".into(), url: "u".into() };
//! # let indicators = f.indicators.iter().map(|i| Indicator { id: i.id.into(), name: i.name.into(),
//! #     unit: i.unit.into(), direction: i.direction, source: "s".into() }).collect();
//! # let units = (0..4).map(|u| Unit { short: None, code: format!("U{u}"), name: format!("Unit {u}"), groups: vec![] }).collect();
//! # let mut b = DatasetBuilder::new(units, indicators, vec![source], vec![], vec![2020]).unwrap();
//! # for (u, values) in [[0.9, 0.1, 0.5, 0.5, 0.5], [0.1, 0.9, 0.5, 0.5, 0.5], [0.8, 0.8, 0.8, 0.8, 0.8], [0.0, 0.0, 0.0, 0.0, 0.1]].iter().enumerate() {
//! #     for (i, v) in f.indicators.iter().zip(values) { b.set(&format!("U{u}"), i.id, 2020, *v).unwrap(); }
//! # }
//! # let data = b.build();
//! let plan = Plan { draws: 256, ..Plan::default() }; // weights ±25 %
//! let weights = f.framework.weights();
//! let mut run = Run::new(&data, &f.framework, &f.method, &weights, 2020, &[], &plan).unwrap();
//! while !run.advance(100) {}
//! let u = run.finish();
//! let rows = u.summary();
//! // U2 (0.8 on every block) dominates U0, U1 and U3: first in every draw.
//! assert_eq!((rows[2].nominal, rows[2].q05, rows[2].q95), (1, 1, 1));
//! assert_eq!(u.outranks(2, 0), Some(1.0));
//! ```

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::framework::{Framework, Weights};
use crate::method::{Aggregation, Imputation, Method, Normalisation, Treatment};
use crate::pipeline::{prepare, Prepared, Results};
use crate::sample::{self, Sobol};
use crate::sensitivity::{estimate, Design, Sensitivity};

/// The most draws of one run ([`sample::MAX_POINTS`]).
pub const MAX_DRAWS: u32 = sample::MAX_POINTS;
/// The draws of a run unless the person asks for another number.
pub const DEFAULT_DRAWS: u32 = 10_000;
/// The most draws × units a run keeps (64 MiB of ranks).
pub const MAX_CELLS: usize = 1 << 25;
/// The most values winsorised per indicator that a plan may draw.
pub const MAX_WINSORISED: u32 = 50;
/// A unit whose 5–95 % interval spans more places than this is flagged ([`UnitUncertainty::is_wide`]).
pub const WIDE_INTERVAL: u32 = 20;

/// How weights vary.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WeightNoise {
    /// Each weight uniform on `[w(1 − p), w(1 + p)]`, `p` from 0 to 1.
    Relative {
        /// The half-width as a share of the weight (0.25: ±25 %).
        p: f64,
    },
    /// Each parent's children's shares uniform on the simplex (nodes weighted 0 stay at 0).
    Simplex,
}

/// One uncertain input: a coordinate of each draw's point, and a column of the sensitivity
/// analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// The weights at every level.
    Weights,
    /// The normalisation, drawn from a set.
    Normalisation,
    /// The aggregation, drawn from a set.
    Aggregation,
    /// The winsorisation limit, drawn from a range.
    Winsorisation,
    /// Imputation on or off.
    Imputation,
}

impl Input {
    /// The input's name, as the CLI's `--vary` and the sensitivity table spell it.
    pub fn name(self) -> &'static str {
        match self {
            Input::Weights => "weights",
            Input::Normalisation => "normalisation",
            Input::Aggregation => "aggregation",
            Input::Winsorisation => "winsorisation",
            Input::Imputation => "imputation",
        }
    }
}

/// What varies and how: plain data (the JSON and CLI shape), checked by [`Run::new`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// Number of draws, 1 to [`MAX_DRAWS`].
    pub draws: u32,
    /// The seed: the same seed, the same draws.
    pub seed: u64,
    /// How weights vary, if they do.
    pub weights: Option<WeightNoise>,
    /// The normalisations drawn from (none: the method's; else at least two).
    pub normalisations: Vec<Normalisation>,
    /// The aggregations drawn from (none: the method's; else at least two).
    pub aggregations: Vec<Aggregation>,
    /// The winsorisation limit drawn from `lo..=hi` (0: no treatment), if it varies.
    pub winsorisation: Option<(u32, u32)>,
    /// Whether imputation is switched on and off.
    pub imputation: bool,
}

impl Default for Plan {
    /// 10 000 draws, seed 1, weights ±25 %, nothing else varied.
    fn default() -> Self {
        Plan {
            draws: DEFAULT_DRAWS,
            seed: 1,
            weights: Some(WeightNoise::Relative { p: 0.25 }),
            normalisations: Vec::new(),
            aggregations: Vec::new(),
            winsorisation: None,
            imputation: false,
        }
    }
}

impl Plan {
    /// The inputs that vary, in the order of a draw's coordinates.
    pub fn inputs(&self) -> Vec<Input> {
        let mut inputs = Vec::new();
        if self.weights.is_some() {
            inputs.push(Input::Weights);
        }
        if !self.normalisations.is_empty() {
            inputs.push(Input::Normalisation);
        }
        if !self.aggregations.is_empty() {
            inputs.push(Input::Aggregation);
        }
        if self.winsorisation.is_some() {
            inputs.push(Input::Winsorisation);
        }
        if self.imputation {
            inputs.push(Input::Imputation);
        }
        inputs
    }

    /// What varies, in words, for captions and notes: "weights ±25 %; aggregation (arithmetic,
    /// geometric)".
    pub fn describe(&self) -> String {
        let list = |items: Vec<String>| items.join(", ");
        self.inputs()
            .iter()
            .map(|input| match input {
                Input::Weights => match self.weights {
                    Some(WeightNoise::Simplex) => "weights (uniform on the simplex)".to_string(),
                    Some(WeightNoise::Relative { p }) => {
                        format!("weights ±{} %", crate::error::short_number(p * 100.0))
                    }
                    None => String::new(),
                },
                Input::Normalisation => format!(
                    "normalisation ({})",
                    list(self.normalisations.iter().map(|n| n.label()).collect())
                ),
                Input::Aggregation => format!(
                    "aggregation ({})",
                    list(
                        self.aggregations
                            .iter()
                            .map(|a| a.label().to_string())
                            .collect()
                    )
                ),
                Input::Winsorisation => {
                    let (lo, hi) = self.winsorisation.unwrap_or_default();
                    format!("winsorisation limit {lo}–{hi}")
                }
                Input::Imputation => "imputation on/off".to_string(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Whether every draw's scores are on the nominal method's scale, so that gaps between
    /// groups can be compared across draws: true unless normalisation varies and some choice
    /// drawn (or some indicator's nominal one) maps onto another range — a z-score, a rank, or
    /// another `[low, high]`. Aggregation, treatment and imputation keep the range.
    pub fn keeps_scale(&self, framework: &Framework, method: &Method) -> bool {
        if self.normalisations.is_empty() {
            return true;
        }
        let range = |n: &Normalisation| match *n {
            Normalisation::MinMax { low, high }
            | Normalisation::PercentileRank { low, high }
            | Normalisation::DistanceToBest { low, high }
            | Normalisation::Goalposts { low, high, .. } => Some((low, high)),
            Normalisation::None | Normalisation::ZScore { .. } | Normalisation::Rank => None,
        };
        let nominal = framework.leaves().iter().map(|leaf| {
            let id = framework.node(*leaf).map_or("", |n| n.id.as_str());
            range(&method.normalisation_for(id))
        });
        let mut ranges = self.normalisations.iter().map(range).chain(nominal);
        match ranges.next() {
            Some(Some(first)) => ranges.all(|r| r == Some(first)),
            _ => false,
        }
    }

    /// Checks every number and set.
    ///
    /// # Errors
    /// [`Error::Sampling`] naming the part out of bounds.
    pub fn check(&self) -> Result<()> {
        let bad = |m: String| Err(Error::Sampling(m));
        if self.draws == 0 || self.draws > MAX_DRAWS {
            return bad(format!(
                "draws must be from 1 to {MAX_DRAWS}, got {}",
                self.draws
            ));
        }
        if let Some(WeightNoise::Relative { p }) = self.weights {
            if !(0.0..=1.0).contains(&p) {
                return bad(format!(
                    "the weights' variation must be from 0 to 100 %, got {}",
                    crate::error::short_number(p * 100.0)
                ));
            }
        }
        if self.normalisations.len() == 1 || self.aggregations.len() == 1 {
            return bad("a set to draw from needs at least two choices".into());
        }
        if let Some((lo, hi)) = self.winsorisation {
            if lo > hi || hi > MAX_WINSORISED {
                return bad(format!(
                    "the winsorisation limit must be a range within 0 to {MAX_WINSORISED}, got {lo} to {hi}"
                ));
            }
        }
        if self.inputs().is_empty() {
            return bad("nothing varies: choose at least one uncertain input".into());
        }
        Ok(())
    }
}

/// The key of a method drawn: the position in each set drawn from (or `u32::MAX` for the
/// method's own), the winsorisation limit, imputation on.
type MethodKey = [u32; 4];

/// Maps a point of the unit cube to a draw's weights and method and scores it: shared by the
/// Monte Carlo [`Run`] and the sensitivity analysis.
pub struct Evaluator<'a> {
    dataset: &'a Dataset,
    framework: &'a Framework,
    method: &'a Method,
    weights: &'a Weights,
    year: i32,
    plan: Plan,
    inputs: Vec<Input>,
    weight_seed: u32,
    prepared: BTreeMap<MethodKey, Option<Arc<Prepared>>>,
}

impl<'a> Evaluator<'a> {
    /// An evaluator of `plan` around the nominal method and weights, on `year`.
    ///
    /// # Errors
    /// The plan's ([`Plan::check`]), and the nominal method's on this year ([`prepare`]).
    pub fn new(
        dataset: &'a Dataset,
        framework: &'a Framework,
        method: &'a Method,
        weights: &'a Weights,
        year: i32,
        plan: &Plan,
    ) -> Result<Self> {
        plan.check()?;
        let mut evaluator = Evaluator {
            dataset,
            framework,
            method,
            weights,
            year,
            plan: plan.clone(),
            inputs: plan.inputs(),
            weight_seed: sample::fold(plan.seed ^ 0x005E_ED0F_3E16_u64),
            prepared: BTreeMap::new(),
        };
        let nominal = Arc::new(prepare(dataset, framework, method, year)?);
        evaluator
            .prepared
            .insert([u32::MAX; 4], Some(Arc::clone(&nominal)));
        Ok(evaluator)
    }

    /// The inputs that vary, in the order of a point's coordinates.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    /// The nominal results: the method and weights as given.
    ///
    /// # Errors
    /// As [`Prepared::score`].
    pub fn nominal(&mut self) -> Result<Results> {
        match self.prepared.get(&[u32::MAX; 4]) {
            Some(Some(p)) => p.score(self.framework, self.weights),
            _ => Err(Error::OtherFramework),
        }
    }

    /// Scores the draw at `point` (one coordinate in [0, 1) per input, in [`Evaluator::inputs`]
    /// order): `None` when the engine refuses the method or weights drawn.
    pub fn evaluate(&mut self, point: &[f64]) -> Option<Results> {
        let mut key = [u32::MAX; 4];
        let mut weight_set = None;
        for (input, u) in self.inputs.iter().zip(point) {
            let pick = |len: usize| ((u * len as f64) as usize).min(len.saturating_sub(1)) as u32;
            match input {
                Input::Weights => weight_set = Some((u * f64::from(MAX_DRAWS)) as u32),
                Input::Normalisation => key[0] = pick(self.plan.normalisations.len()),
                Input::Aggregation => key[1] = pick(self.plan.aggregations.len()),
                Input::Winsorisation => {
                    if let Some((lo, hi)) = self.plan.winsorisation {
                        key[2] = lo + pick((hi - lo + 1) as usize);
                    }
                }
                Input::Imputation => key[3] = u32::from(*u >= 0.5),
            }
        }
        let weights = match weight_set {
            Some(set) => self.weights_drawn(set)?,
            None => self.weights.clone(),
        };
        let prepared = self.prepared_for(key)?;
        prepared.score(self.framework, &weights).ok()
    }

    /// The data prepared under the method of `key`, prepared once.
    fn prepared_for(&mut self, key: MethodKey) -> Option<Arc<Prepared>> {
        if let Some(p) = self.prepared.get(&key) {
            return p.clone();
        }
        let prepared = self
            .method_for(key)
            .and_then(|m| prepare(self.dataset, self.framework, &m, self.year))
            .ok()
            .map(Arc::new);
        self.prepared.insert(key, prepared.clone());
        prepared
    }

    /// The method of `key`: the nominal one with the choices drawn.
    fn method_for(&self, key: MethodKey) -> Result<Method> {
        let mut spec = self.method.spec().clone();
        if let Some(n) = self.plan.normalisations.get(key[0] as usize) {
            spec.set_normalisation_everywhere(*n);
        }
        if let Some(a) = self.plan.aggregations.get(key[1] as usize) {
            spec.set_aggregation_everywhere(*a);
        }
        if key[2] != u32::MAX {
            let treatment = match (key[2], self.method.treatment()) {
                (0, _) => Treatment::None,
                (
                    limit,
                    Treatment::Winsorise {
                        skew,
                        kurtosis,
                        mirror_negative,
                        ..
                    },
                ) => Treatment::Winsorise {
                    max_winsorised: limit,
                    skew,
                    kurtosis,
                    mirror_negative,
                },
                (limit, Treatment::None) => match Treatment::DEFAULT_WINSORISE {
                    Treatment::Winsorise {
                        skew,
                        kurtosis,
                        mirror_negative,
                        ..
                    } => Treatment::Winsorise {
                        max_winsorised: limit,
                        skew,
                        kurtosis,
                        mirror_negative,
                    },
                    Treatment::None => Treatment::None,
                },
            };
            spec.set_treatment_everywhere(treatment);
        }
        match key[3] {
            0 => spec.imputation = Imputation::None,
            1 if spec.imputation == Imputation::None => spec.imputation = Imputation::IndicatorMean,
            _ => {}
        }
        Method::new(spec)
    }

    /// Weight set `set` of the pool: the plan's noise applied to the nominal weights, one
    /// Sobol dimension per framework node.
    fn weights_drawn(&self, set: u32) -> Option<Weights> {
        let nominal = self.weights.as_slice();
        let v = |node: usize| sample::coordinate(set, node, self.weight_seed);
        let drawn: Vec<f64> = match self.plan.weights {
            Some(WeightNoise::Relative { p }) => nominal
                .iter()
                .enumerate()
                .map(|(node, w)| w * (1.0 + p * (2.0 * v(node) - 1.0)))
                .collect(),
            Some(WeightNoise::Simplex) => nominal
                .iter()
                .enumerate()
                // −ln(1 − v) is finite for v in [0, 1); siblings' shares are these over their sum.
                .map(|(node, w)| if *w > 0.0 { -(1.0 - v(node)).ln() } else { 0.0 })
                .collect(),
            None => nominal.to_vec(),
        };
        // Siblings drawn all zero (possible only at the cube's corner) fall back to equal shares.
        let mut drawn = drawn;
        for &parent in self.framework.aggregation_order() {
            let children = self.framework.children(parent);
            if children
                .iter()
                .all(|c| drawn.get(*c).is_none_or(|w| *w <= 0.0))
            {
                for c in children {
                    if let (Some(slot), Some(w)) = (drawn.get_mut(*c), nominal.get(*c)) {
                        *slot = if *w > 0.0 { 1.0 } else { 0.0 };
                    }
                }
            }
        }
        Weights::new(self.framework, drawn).ok()
    }
}

/// A Monte Carlo run in steps, so that a caller can report progress and stop between them.
pub struct Run<'a> {
    evaluator: Evaluator<'a>,
    sobol: Sobol,
    draws: u32,
    done: u32,
    failed: u32,
    units: Vec<usize>,
    nominal: Vec<u32>,
    nominal_gaps: Vec<Option<f64>>,
    same_scale: bool,
    groups: Vec<(String, Vec<usize>)>,
    ranks: Vec<u16>,
    group_means: Vec<f64>,
    point: Vec<f64>,
}

impl<'a> Run<'a> {
    /// A run of `plan` around the nominal method and weights on `year`, with the gaps between
    /// `groups` (dataset group ids; may be empty).
    ///
    /// # Errors
    /// [`Plan::check`]; an unknown group; the nominal method's on this year; no unit ranked;
    /// more than [`MAX_CELLS`] draws × units (fewer draws then).
    pub fn new(
        dataset: &'a Dataset,
        framework: &'a Framework,
        method: &'a Method,
        weights: &'a Weights,
        year: i32,
        groups: &[&str],
        plan: &Plan,
    ) -> Result<Self> {
        let mut evaluator = Evaluator::new(dataset, framework, method, weights, year, plan)?;
        let nominal_results = evaluator.nominal()?;
        let units: Vec<usize> = (0..nominal_results.units())
            .filter(|u| nominal_results.rank(*u).is_some())
            .collect();
        if units.is_empty() {
            return Err(Error::Sampling(format!("no unit is ranked in {year}")));
        }
        if units.len() > usize::from(u16::MAX) || units.len() * plan.draws as usize > MAX_CELLS {
            return Err(Error::Sampling(format!(
                "{} draws of {} units is more than the {MAX_CELLS} ranks a run keeps; ask for at most {} draws",
                plan.draws,
                units.len(),
                MAX_CELLS / units.len()
            )));
        }
        let nominal: Vec<u32> = units
            .iter()
            .map(|u| nominal_results.rank(*u).unwrap_or(0))
            .collect();
        let groups: Vec<(String, Vec<usize>)> = groups
            .iter()
            .map(|g| Ok((g.to_string(), crate::groups::members(dataset, g)?)))
            .collect::<Result<_>>()?;
        let means = group_means(&nominal_results, &groups);
        let nominal_gaps = pairs(groups.len())
            .map(|(a, b)| gap(&means, a, b))
            .collect();
        let sobol = Sobol::new(evaluator.inputs().len(), plan.seed)?;
        Ok(Run {
            point: vec![0.0; evaluator.inputs().len()],
            evaluator,
            sobol,
            draws: plan.draws,
            done: 0,
            failed: 0,
            ranks: Vec::with_capacity(units.len() * plan.draws as usize),
            group_means: Vec::with_capacity(groups.len() * plan.draws as usize),
            units,
            nominal,
            nominal_gaps,
            same_scale: plan.keeps_scale(framework, method),
            groups,
        })
    }

    /// Draws to make in all.
    pub fn total(&self) -> u32 {
        self.draws
    }

    /// Draws made so far.
    pub fn done(&self) -> u32 {
        self.done
    }

    /// Makes up to `count` more draws; true once every draw is made.
    pub fn advance(&mut self, count: u32) -> bool {
        let end = self.done.saturating_add(count).min(self.draws);
        while self.done < end {
            self.sobol.point(self.done, &mut self.point);
            match self.evaluator.evaluate(&self.point) {
                Some(results) => {
                    self.ranks.extend(self.units.iter().map(|u| {
                        results
                            .rank(*u)
                            .map_or(0, |r| u16::try_from(r).unwrap_or(u16::MAX))
                    }));
                    self.group_means.extend(group_means(&results, &self.groups));
                }
                None => self.failed += 1,
            }
            self.done += 1;
        }
        self.done >= self.draws
    }

    /// The run's result (over the draws made so far, if stopped early).
    pub fn finish(self) -> Uncertainty {
        Uncertainty {
            units: self.units,
            nominal: self.nominal,
            draws: self.done,
            failed: self.failed,
            ranks: self.ranks,
            groups: self.groups.into_iter().map(|(id, _)| id).collect(),
            group_means: self.group_means,
            nominal_gaps: self.nominal_gaps,
            same_scale: self.same_scale,
        }
    }
}

/// The most bootstrap work of a sensitivity analysis: replicates × rows × inputs.
pub const MAX_BOOTSTRAP_WORK: u64 = 200_000_000;

/// A variance-based sensitivity analysis of the plan's inputs in steps (COINr's
/// `get_sensitivity` with `SA_type = "SA"`): each run of a Saltelli design ([`Design`]) is
/// scored, its output the mean absolute shift of the ranks from the nominal ranks (COINr's
/// `ave_abs_diff_rank`), and [`sensitivity::estimate`] gives each input's first-order and
/// total-effect index with bootstrap intervals. `plan.draws` is the design's rows `N`: the runs
/// are `N · (k + 2)` for `k` inputs.
pub struct SensitivityRun<'a> {
    evaluator: Evaluator<'a>,
    design: Design,
    units: Vec<usize>,
    nominal: Vec<u32>,
    outputs: Vec<f64>,
    failed: u32,
    bootstrap: usize,
    seed: u64,
    point: Vec<f64>,
    ranks: Vec<u16>,
}

/// The result of a [`SensitivityRun`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivityResult {
    /// The inputs, in the order of the indices.
    pub inputs: Vec<Input>,
    /// Their indices.
    pub estimates: Sensitivity,
    /// Runs scored.
    pub runs: usize,
}

impl<'a> SensitivityRun<'a> {
    /// A sensitivity analysis of `plan` (its `draws` are the design's rows) with `bootstrap`
    /// replicates for the intervals.
    ///
    /// # Errors
    /// As [`Run::new`]; [`Design::new`]'s bounds; bootstrap work over [`MAX_BOOTSTRAP_WORK`].
    pub fn new(
        dataset: &'a Dataset,
        framework: &'a Framework,
        method: &'a Method,
        weights: &'a Weights,
        year: i32,
        plan: &Plan,
        bootstrap: usize,
    ) -> Result<Self> {
        let mut evaluator = Evaluator::new(dataset, framework, method, weights, year, plan)?;
        let k = evaluator.inputs().len();
        let design = Design::new(plan.draws as usize, k, plan.seed)?;
        let work = (bootstrap as u64)
            .saturating_mul(plan.draws as u64)
            .saturating_mul(k as u64);
        if work > MAX_BOOTSTRAP_WORK {
            return Err(Error::Sampling(format!(
                "{bootstrap} bootstrap replicates of {} rows and {k} inputs is too much work; ask for at most {}",
                plan.draws,
                MAX_BOOTSTRAP_WORK / (plan.draws as u64 * k as u64).max(1)
            )));
        }
        let nominal_results = evaluator.nominal()?;
        let units: Vec<usize> = (0..nominal_results.units())
            .filter(|u| nominal_results.rank(*u).is_some())
            .collect();
        let nominal = units
            .iter()
            .map(|u| nominal_results.rank(*u).unwrap_or(0))
            .collect();
        Ok(SensitivityRun {
            point: vec![0.0; k],
            outputs: Vec::with_capacity(design.runs()),
            ranks: Vec::with_capacity(units.len()),
            evaluator,
            design,
            units,
            nominal,
            failed: 0,
            bootstrap,
            seed: plan.seed,
        })
    }

    /// Runs to score in all.
    pub fn total(&self) -> usize {
        self.design.runs()
    }

    /// Runs scored so far.
    pub fn done(&self) -> usize {
        self.outputs.len()
    }

    /// Scores up to `count` more runs; true once every run is scored.
    pub fn advance(&mut self, count: usize) -> bool {
        let end = self.done().saturating_add(count).min(self.total());
        while self.done() < end {
            self.design.point(self.done(), &mut self.point);
            let output = self.evaluator.evaluate(&self.point).and_then(|results| {
                self.ranks.clear();
                self.ranks.extend(self.units.iter().map(|u| {
                    results
                        .rank(*u)
                        .map_or(0, |r| u16::try_from(r).unwrap_or(u16::MAX))
                }));
                mean_shift(&self.ranks, &self.nominal)
            });
            if output.is_none() {
                self.failed += 1;
            }
            // A run the engine refuses cannot be left out of the design: it fails the analysis
            // in `finish`, naming how many.
            self.outputs.push(output.unwrap_or(f64::NAN));
        }
        self.done() >= self.total()
    }

    /// The indices.
    ///
    /// # Errors
    /// [`Error::Sampling`] when runs are missing or could not be scored.
    pub fn finish(self) -> Result<SensitivityResult> {
        if self.failed > 0 {
            return Err(Error::Sampling(format!(
                "{} of {} runs could not be scored (the method or weights drawn); vary fewer inputs",
                self.failed,
                self.total()
            )));
        }
        let estimates = estimate(&self.design, &self.outputs, self.bootstrap, self.seed)?;
        Ok(SensitivityResult {
            inputs: self.evaluator.inputs().to_vec(),
            runs: self.outputs.len(),
            estimates,
        })
    }
}

/// Each group's mean index score (NaN for a group with none scored).
fn group_means(results: &Results, groups: &[(String, Vec<usize>)]) -> Vec<f64> {
    groups
        .iter()
        .map(|(_, members)| {
            let (sum, n) = members
                .iter()
                .filter_map(|u| results.index(*u))
                .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
            if n > 0 {
                sum / n as f64
            } else {
                f64::NAN
            }
        })
        .collect()
}

/// Every pair `(a, b)` with `a < b`, in order.
fn pairs(n: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..n).flat_map(move |a| (a + 1..n).map(move |b| (a, b)))
}

/// Group `a`'s mean minus group `b`'s, if both are scored.
fn gap(means: &[f64], a: usize, b: usize) -> Option<f64> {
    let d = means.get(a)? - means.get(b)?;
    d.is_finite().then_some(d)
}

/// One unit's ranks over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitUncertainty {
    /// The unit (dataset position).
    pub unit: usize,
    /// Its rank under the nominal method and weights.
    pub nominal: u32,
    /// Median rank over the draws that ranked it.
    pub median: u32,
    /// 5th percentile (its better end).
    pub q05: u32,
    /// 95th percentile (its worse end).
    pub q95: u32,
    /// Best and worst rank drawn.
    pub range: (u32, u32),
    /// Draws in which it had no score (the method drawn left it out).
    pub unranked: u32,
}

impl UnitUncertainty {
    /// Whether its 5–95 % interval spans more than [`WIDE_INTERVAL`] places.
    pub fn is_wide(&self) -> bool {
        self.q95.saturating_sub(self.q05) > WIDE_INTERVAL
    }
}

/// The interval of the gap between two groups' mean index scores over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapInterval {
    /// The first group (its mean minus the second's).
    pub a: String,
    /// The second group.
    pub b: String,
    /// The gap under the nominal method and weights.
    pub nominal: Option<f64>,
    /// Median over the draws in which both groups had a score.
    pub median: Option<f64>,
    /// 5th percentile.
    pub q05: Option<f64>,
    /// 95th percentile.
    pub q95: Option<f64>,
    /// Whether every draw's scores were on the nominal scale ([`Plan::keeps_scale`]); when not,
    /// the draws' gaps are in different units and their interval says little.
    pub same_scale: bool,
}

/// The draws' ranks, and what follows from them.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    units: Vec<usize>,
    nominal: Vec<u32>,
    draws: u32,
    failed: u32,
    /// Draw-major: `ranks[d · units + i]`, 0 when unit `i` was not ranked in draw `d`.
    ranks: Vec<u16>,
    groups: Vec<String>,
    /// Draw-major: `group_means[d · groups + g]`.
    group_means: Vec<f64>,
    nominal_gaps: Vec<Option<f64>>,
    same_scale: bool,
}

impl Uncertainty {
    /// The units taking part (ranked nominally), by dataset position.
    pub fn units(&self) -> &[usize] {
        &self.units
    }

    /// Draws made.
    pub fn draws(&self) -> u32 {
        self.draws
    }

    /// Draws the engine refused (a method or weights drawn that cannot score); not counted in
    /// any figure.
    pub fn failed(&self) -> u32 {
        self.failed
    }

    /// Draws that scored.
    fn scored(&self) -> usize {
        self.ranks.len().checked_div(self.units.len()).unwrap_or(0)
    }

    /// Unit `i`'s (position in [`Uncertainty::units`]) rank in each scored draw, 0 for none.
    fn ranks_of(&self, i: usize) -> impl Iterator<Item = u16> + '_ {
        let n = self.units.len();
        self.ranks.iter().skip(i).step_by(n.max(1)).copied()
    }

    /// How many scored draws put unit `i` at each rank (index `r − 1`), and how many left it
    /// out.
    fn histogram(&self, i: usize) -> (Vec<u32>, u32) {
        let mut counts = vec![0u32; self.units.len()];
        let mut unranked = 0;
        for r in self.ranks_of(i) {
            match counts.get_mut(usize::from(r).wrapping_sub(1)) {
                Some(c) => *c += 1,
                None => unranked += 1,
            }
        }
        (counts, unranked)
    }

    /// Each unit's nominal, median and 5–95 % ranks, in [`Uncertainty::units`] order.
    pub fn summary(&self) -> Vec<UnitUncertainty> {
        (0..self.units.len())
            .map(|i| {
                let (counts, unranked) = self.histogram(i);
                let quantile = |q: f64| rank_quantile(&counts, q);
                let first = counts
                    .iter()
                    .position(|c| *c > 0)
                    .map_or(0, |r| r as u32 + 1);
                let last = counts
                    .iter()
                    .rposition(|c| *c > 0)
                    .map_or(0, |r| r as u32 + 1);
                UnitUncertainty {
                    unit: self.units.get(i).copied().unwrap_or(0),
                    nominal: self.nominal.get(i).copied().unwrap_or(0),
                    median: quantile(0.5),
                    q05: quantile(0.05),
                    q95: quantile(0.95),
                    range: (first, last),
                    unranked,
                }
            })
            .collect()
    }

    /// Unit `i`'s rank counts over the scored draws from its best rank drawn to its worst:
    /// (best, counts), the compact form of [`Uncertainty::acceptability`]; `(0, [])` when no
    /// draw ranked it.
    pub fn rank_counts(&self, i: usize) -> (u32, Vec<u32>) {
        let (counts, _) = self.histogram(i);
        match (
            counts.iter().position(|c| *c > 0),
            counts.iter().rposition(|c| *c > 0),
        ) {
            (Some(first), Some(last)) => (
                first as u32 + 1,
                counts.get(first..=last).unwrap_or_default().to_vec(),
            ),
            _ => (0, Vec::new()),
        }
    }

    /// Unit `i`'s rank acceptability: the share of scored draws that rank it `r`, for `r` = 1
    /// to the number of units (index `r − 1`). Sums to 1 less the share that left it out.
    pub fn acceptability(&self, i: usize) -> Vec<f64> {
        let (counts, _) = self.histogram(i);
        let n = self.scored().max(1) as f64;
        counts.iter().map(|c| f64::from(*c) / n).collect()
    }

    /// The share of the draws ranking both in which unit `i` ranks strictly better than unit
    /// `j` (positions in [`Uncertainty::units`]); `None` when no draw ranked both.
    pub fn outranks(&self, i: usize, j: usize) -> Option<f64> {
        let (mut better, mut both) = (0u32, 0u32);
        for (a, b) in self.ranks_of(i).zip(self.ranks_of(j)) {
            if a > 0 && b > 0 {
                both += 1;
                better += u32::from(a < b);
            }
        }
        (both > 0).then(|| f64::from(better) / f64::from(both))
    }

    /// For every pair of the groups given to the run (first minus second, in the order given),
    /// the nominal gap between their mean index scores and its median and 5–95 % interval.
    pub fn gaps(&self) -> Vec<GapInterval> {
        let g = self.groups.len();
        pairs(g)
            .zip(&self.nominal_gaps)
            .map(|((a, b), nominal)| {
                let mut drawn: Vec<f64> = self
                    .group_means
                    .chunks_exact(g.max(1))
                    .filter_map(|m| gap(m, a, b))
                    .collect();
                drawn.sort_by(f64::total_cmp);
                let q = |q: f64| value_quantile(&drawn, q);
                GapInterval {
                    a: self.groups.get(a).cloned().unwrap_or_default(),
                    b: self.groups.get(b).cloned().unwrap_or_default(),
                    nominal: *nominal,
                    median: q(0.5),
                    q05: q(0.05),
                    q95: q(0.95),
                    same_scale: self.same_scale,
                }
            })
            .collect()
    }

    /// The mean absolute rank shift of draw `d` from the nominal ranks, over the units it
    /// ranked (COINr's sensitivity output, `ave_abs_diff_rank`).
    pub fn mean_shift(&self, d: usize) -> Option<f64> {
        let n = self.units.len();
        let row = self.ranks.get(d * n..(d + 1) * n)?;
        mean_shift(row, &self.nominal)
    }
}

/// The mean of `|rank − nominal|` over the units ranked (`rank > 0`).
pub(crate) fn mean_shift(ranks: &[u16], nominal: &[u32]) -> Option<f64> {
    let (sum, n) = ranks
        .iter()
        .zip(nominal)
        .filter(|(r, _)| **r > 0)
        .fold((0u64, 0u64), |(s, n), (r, m)| {
            (s + u64::from(u32::from(*r).abs_diff(*m)), n + 1)
        });
    (n > 0).then(|| sum as f64 / n as f64)
}

/// The smallest rank `r` such that at least the share `q` of the counted draws rank at `r` or
/// better (0 when nothing was counted).
fn rank_quantile(counts: &[u32], q: f64) -> u32 {
    let total: u64 = counts.iter().map(|c| u64::from(*c)).sum();
    let need = ((q * total as f64).ceil() as u64).max(1);
    let mut seen = 0u64;
    for (r, c) in counts.iter().enumerate() {
        seen += u64::from(*c);
        if seen >= need {
            return r as u32 + 1;
        }
    }
    0
}

/// The `q` quantile of sorted values, the same rule as [`rank_quantile`]: the smallest value
/// with at least the share `q` at or below it.
fn value_quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let need = ((q * sorted.len() as f64).ceil() as usize).max(1);
    sorted.get(need - 1).copied()
}

#[cfg(test)]
mod tests;
