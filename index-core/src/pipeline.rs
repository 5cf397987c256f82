//! The pipeline: runs the method's steps in order on one year's cross-section. Split in two so
//! that moving a weight only redoes the cheap part: [`prepare`] (denominate → impute → screen →
//! treat → normalise) and [`Prepared::score`] (aggregate → rank).
//!
//! Preparing works column by column in two sweeps, each taking a column from memory once and
//! doing every step it can while the column is in cache: as the raw cross-section is taken,
//! count, copy, denominate and impute (`kernels::sweep`); then, once screening has
//! decided who is in, treat and normalise. It keeps the raw and the normalised values and what each step did; the values
//! after a step in between are rebuilt, exactly, when asked for ([`Prepared::denominated`],
//! [`Prepared::imputed`], [`Prepared::treated`]). Scores keep only the aggregates' columns
//! ([`Results::score`] reads an indicator's from the normalised values), so that a weight change
//! copies no table.

use std::sync::Arc;

use crate::aggregate::{aggregate_into, NodeColumns};
use crate::dataset::Direction;
use crate::dataset::{CrossSection, Dataset};
use crate::denominate::denominate;
use crate::error::{Error, Result};
use crate::framework::{Framework, NodeKind, Weights};
use crate::impute::impute;
use crate::kernels::gaps::Imputer;
use crate::kernels::sweep;
use crate::matrix::Matrix;
use crate::method::{Imputation, Method, Normalisation, NormaliseOver};
use crate::normalise::{normalise_column_by, normalise_column_in, Reference};
use crate::rank::ranks_and_order;
use crate::screen::{screen_counts, ScreenedOut};
use crate::treat::{treat, Transform, Treated, TreatmentOutcome};

/// The data after every step up to normalisation, for one year. Columns are the framework's
/// indicators in [`Framework::leaves`] order; rows are the dataset's units.
///
/// The raw and normalised values are kept; the values after denomination, imputation and
/// treatment are rebuilt from the raw values and what each step did when asked for
/// ([`Prepared::denominated`], [`Prepared::imputed`], [`Prepared::treated`]), the same to the
/// last bit as those the normalised values came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The year.
    pub year: i32,
    /// The method it was prepared with.
    pub method: Method,
    /// Raw values (after carrying forward), with the year each came from.
    pub raw: CrossSection,
    /// Values lost to a missing or zero denominator, per indicator.
    pub denominator_lost: Vec<usize>,
    /// Values imputed, per indicator.
    pub imputed_count: Vec<usize>,
    /// Units dropped by screening.
    pub screened_out: Vec<ScreenedOut>,
    /// Whether each unit is still in (not screened out).
    pub active: Vec<bool>,
    /// What treatment did, per indicator.
    pub treatment: Vec<TreatmentOutcome>,
    /// After normalisation ([`Prepared::normalised`]).
    normalised: Matrix,
    /// Each indicator's largest normalised value (`None` when it has none), found once: a
    /// slider step asks for the largest score on every pillar, and an indicator's cannot move.
    highest: Vec<Option<f64>>,
    /// What the steps between raw and normalised used and did, to redo them.
    steps: Steps,
}

/// What [`prepare`]'s steps between the raw and the normalised values used and did.
#[derive(Debug, Clone, PartialEq)]
struct Steps {
    /// One column per distinct denominator (no columns when nothing is denominated).
    denominators: Matrix,
    /// Each indicator's column in `denominators`, if any.
    denominator_of: Vec<Option<usize>>,
    /// Each unit's group within the imputation family (empty unless imputing by group mean).
    group_of: Vec<Option<usize>>,
    /// Each unit: whether it has any raw value (units without take part in nothing).
    has_data: Vec<bool>,
    /// What treatment did to each indicator's values.
    transforms: Vec<Transform>,
    /// The [`Framework::identity`] of the framework prepared for.
    framework: u64,
}

impl Prepared {
    /// The values after normalisation: one row per unit, one column per indicator.
    pub fn normalised(&self) -> &Matrix {
        &self.normalised
    }
    /// The values after denomination (rebuilt from the raw values).
    pub fn denominated(&self) -> Matrix {
        let mut m = self.raw.values.clone();
        denominate(&mut m, &self.steps.denominators, &self.steps.denominator_of);
        m
    }

    /// The values after imputation (rebuilt from the raw values).
    pub fn imputed(&self) -> Matrix {
        let mut m = self.denominated();
        impute(
            &mut m,
            self.method.imputation(),
            &self.steps.group_of,
            &self.steps.has_data,
        );
        m
    }

    /// The values after outlier treatment, screened-out units missing (rebuilt from the raw
    /// values).
    pub fn treated(&self) -> Matrix {
        let mut m = self.imputed();
        for (c, t) in self.steps.transforms.iter().enumerate() {
            let col = m.col_raw_mut(c);
            keep_active(col, &self.active);
            t.apply(col);
        }
        m
    }
}

/// Marks the values of inactive units (screened out, or without data) missing.
fn keep_active(col: &mut [f64], active: &[bool]) {
    for (x, a) in col.iter_mut().zip(active) {
        if !*a {
            *x = f64::NAN;
        }
    }
}

/// Why a unit has no rank.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnitStatus {
    /// It has an index score and a rank.
    Ranked,
    /// Dropped by screening: it has only `share` of the indicator values.
    ScreenedOut {
        /// Share of indicator values present.
        share: f64,
    },
    /// No indicator value at all for this year.
    NoData,
    /// Some values, but too few children present for the index (see `min_child_share`).
    TooFewValues,
}

impl UnitStatus {
    /// A short reason for people ("screened out: 45% of data", …); empty when ranked.
    pub fn reason(&self) -> String {
        match self {
            UnitStatus::Ranked => String::new(),
            UnitStatus::ScreenedOut { share } => {
                format!("screened out: {:.0}% of indicator values", share * 100.0)
            }
            UnitStatus::NoData => "no data for this year".into(),
            UnitStatus::TooFewValues => "too few values for a score".into(),
        }
    }
}

/// Scores and ranks under one set of weights, with the prepared data they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The prepared data.
    pub prepared: Arc<Prepared>,
    /// The weights used.
    pub weights: Weights,
    /// Aggregate scores: one row per unit, one column per aggregate node (see `columns`). An
    /// indicator's score is its normalised value, read from `prepared`.
    aggregates: Matrix,
    /// Where each framework node's scores are.
    columns: Vec<NodeColumn>,
    /// Rank of each unit by index score (competition ranking).
    pub ranks: Vec<Option<u32>>,
    /// The units in rank order ([`Results::order`]), from the sort that ranked them.
    order: Vec<usize>,
    root: usize,
}

/// Where a framework node's scores are kept.
#[derive(Debug, Clone, Copy, PartialEq)]
enum NodeColumn {
    /// An indicator: column of the prepared normalised values.
    Normalised(usize),
    /// An aggregate: column of the results' aggregate scores.
    Aggregate(usize),
}

/// The scores aggregation reads and writes: indicators' normalised values (read only) and the
/// aggregates.
struct Scores<'a> {
    normalised: &'a Matrix,
    aggregates: &'a mut Matrix,
    columns: &'a [NodeColumn],
}

impl NodeColumns for Scores<'_> {
    fn rows(&self) -> usize {
        self.aggregates.rows()
    }
    fn column(&self, node: usize) -> &[f64] {
        match self.columns.get(node) {
            Some(NodeColumn::Normalised(c)) => self.normalised.col_raw(*c),
            Some(NodeColumn::Aggregate(c)) => self.aggregates.col_raw(*c),
            None => &[],
        }
    }
    fn column_mut(&mut self, node: usize) -> &mut [f64] {
        match self.columns.get(node) {
            Some(NodeColumn::Aggregate(c)) => self.aggregates.col_raw_mut(*c),
            _ => &mut [],
        }
    }
}

/// Positions of a framework's leaves (and their denominators) in a dataset.
fn bind(dataset: &Dataset, framework: &Framework) -> Result<(Vec<usize>, Vec<Option<usize>>)> {
    let mut inds = Vec::with_capacity(framework.leaves().len());
    let mut dens = Vec::with_capacity(framework.leaves().len());
    for spec in framework.leaves().iter().filter_map(|&l| framework.node(l)) {
        let pos = dataset
            .indicator_position(&spec.id)
            .ok_or_else(|| Error::UnknownIndicator {
                node: spec.id.clone(),
                indicator: spec.id.clone(),
            })?;
        inds.push(pos);
        let den = match &spec.kind {
            NodeKind::Indicator {
                denominator: Some(d),
            } => Some(
                dataset
                    .indicator_position(d)
                    .ok_or_else(|| Error::UnknownIndicator {
                        node: spec.id.clone(),
                        indicator: d.clone(),
                    })?,
            ),
            _ => None,
        };
        dens.push(den);
    }
    Ok((inds, dens))
}

/// Checks that every framework leaf (and denominator) exists in the dataset.
///
/// # Errors
/// [`Error::UnknownIndicator`] naming the node and the missing indicator.
pub fn check_binding(dataset: &Dataset, framework: &Framework) -> Result<()> {
    bind(dataset, framework).map(|_| ())
}

/// The latest year in which any framework indicator has data.
pub fn latest_year(dataset: &Dataset, framework: &Framework) -> Option<i32> {
    let (inds, _) = bind(dataset, framework).ok()?;
    dataset.latest_year_with_data(&inds)
}

/// Runs denominate → impute → screen → treat → normalise for `year`.
///
/// When the method normalises over all years ([`NormaliseOver::AllYears`]), every year of the
/// dataset with data is prepared up to normalisation to pool each indicator's values first;
/// to prepare several years of one method, [`prepare_years`] pools once for all of them.
///
/// # Errors
/// An invalid method ([`Method::validate`]), a framework that does not fit the dataset, or a
/// year the dataset does not hold.
pub fn prepare(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    year: i32,
) -> Result<Prepared> {
    match method.normalise_over() {
        NormaliseOver::EachYear => {
            prepare_into(dataset, framework, method, year, Vec::new(), Vec::new())
        }
        NormaliseOver::AllYears if pools(framework, method) => {
            prepare_pooled(dataset, framework, method, &[year])?
                .pop()
                // One year asked for, one prepared: never taken.
                .ok_or(Error::EmptyDataset)
        }
        NormaliseOver::AllYears => prepare_within(dataset, framework, method, year),
    }
}

/// Whether preparing under `method` pools years: it normalises over all years and some
/// indicator's normalisation reads the data ([`Normalisation::reads_data`]; goalposts and none
/// give the same values either way, so the pool is not made).
fn pools(framework: &Framework, method: &Method) -> bool {
    method.normalise_over() == NormaliseOver::AllYears
        && framework
            .leaves()
            .iter()
            .filter_map(|&l| framework.node(l))
            .any(|spec| method.normalisation_for(&spec.id).reads_data())
}

/// One year prepared within itself under a method that normalises over all years but reads
/// nothing from the data, the result naming `method`.
fn prepare_within(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    year: i32,
) -> Result<Prepared> {
    let each = method.with_normalise_over(NormaliseOver::EachYear);
    let mut p = prepare_into(dataset, framework, &each, year, Vec::new(), Vec::new())?;
    p.method = method.clone();
    Ok(p)
}

/// [`prepare`] for each of `years`, in that order. Under [`NormaliseOver::AllYears`] the
/// pool of every year's values is made once for all of them (preparing `k` years one at a time
/// would make it `k` times); under [`NormaliseOver::EachYear`] each year is prepared on its
/// own, as by [`prepare`].
///
/// # Errors
/// As [`prepare`], for the first year that fails; under [`NormaliseOver::AllYears`] also for
/// any year of the pool that fails (no held year does but through the method or the
/// framework, which fail every year alike).
pub fn prepare_years(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    years: &[i32],
) -> Result<Vec<Prepared>> {
    match method.normalise_over() {
        NormaliseOver::EachYear => years
            .iter()
            .map(|&y| prepare_into(dataset, framework, method, y, Vec::new(), Vec::new()))
            .collect(),
        NormaliseOver::AllYears if pools(framework, method) => {
            prepare_pooled(dataset, framework, method, years)
        }
        NormaliseOver::AllYears => years
            .iter()
            .map(|&y| prepare_within(dataset, framework, method, y))
            .collect(),
    }
}

/// [`prepare`] for each of `years`, in that order, each year's result on its own, so that a
/// year the engine refuses does not stop the others (the app's and the worker's every-year
/// views). Under [`NormaliseOver::EachYear`] each year is prepared as the iterator reaches it
/// (a caller can report progress between years); under [`NormaliseOver::AllYears`] the pool is
/// made once for all of them, as by [`prepare_years`], and should that fail each year is
/// prepared alone, for its own result or error.
pub fn prepare_each<'a>(
    dataset: &'a Dataset,
    framework: &'a Framework,
    method: &'a Method,
    years: &'a [i32],
) -> impl Iterator<Item = (i32, Result<Prepared>)> + 'a {
    let mut pooled = matches!(method.normalise_over(), NormaliseOver::AllYears)
        .then(|| prepare_years(dataset, framework, method, years).ok())
        .flatten()
        .map(Vec::into_iter);
    years
        .iter()
        .map(move |&y| match pooled.as_mut().and_then(Iterator::next) {
            Some(p) => (y, Ok(p)),
            None => (y, prepare(dataset, framework, method, y)),
        })
}

/// The years whose values make the pool of normalisation over all years: every year the
/// dataset holds in which some indicator at `inds` has a value (as
/// [`crate::bundle::Bundle::years_with_data`]).
fn pool_years(dataset: &Dataset, inds: &[usize]) -> Vec<i32> {
    dataset
        .years()
        .iter()
        .copied()
        .filter(|y| inds.iter().any(|i| dataset.coverage(*i, *y) > 0))
        .collect()
}

/// [`NormaliseOver::AllYears`] for each of `years`: every year of the pool ([`pool_years`]) is
/// prepared as within each year, each indicator's values as they entered normalisation (the
/// treated values, [`Prepared::treated`], the same to the last bit) are pooled, and each year
/// asked for is normalised again from its own treated values with what the normalisation reads
/// from the pool ([`Reference`]); every other step is the year's own.
fn prepare_pooled(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    years: &[i32],
) -> Result<Vec<Prepared>> {
    let each = method.with_normalise_over(NormaliseOver::EachYear);
    each.validate(framework, dataset)?;
    let (inds, _) = bind(dataset, framework)?;
    let pooled_years = pool_years(dataset, &inds);
    let mut pools: Vec<Vec<f64>> = vec![Vec::new(); inds.len()];
    let mut held: Vec<Option<Prepared>> = Vec::with_capacity(pooled_years.len());
    for &y in &pooled_years {
        let p = prepare_into(dataset, framework, &each, y, Vec::new(), Vec::new())?;
        let treated = p.treated();
        for (c, pool) in pools.iter_mut().enumerate() {
            pool.extend_from_slice(treated.col_raw(c));
        }
        // Kept only if asked for.
        held.push(years.contains(&y).then_some(p));
    }
    // What each indicator's normalisation reads from its pool.
    let references: Vec<(Normalisation, Direction, Reference)> = framework
        .leaves()
        .iter()
        .zip(&inds)
        .zip(&pools)
        .filter_map(|((&leaf, &ind), pool)| {
            // `leaf` is one of the framework's nodes and `ind` was found in the dataset
            // (`bind`): never skipped.
            let id = &framework.node(leaf)?.id;
            let direction = dataset.indicators().get(ind)?.direction;
            let n = method.normalisation_for(id);
            Some((n, direction, Reference::of(pool, &n, direction)))
        })
        .collect();
    drop(pools);
    years
        .iter()
        .map(|&y| {
            let taken = pooled_years
                .iter()
                .position(|p| *p == y)
                .and_then(|i| held.get_mut(i))
                .and_then(Option::take);
            let mut p = match taken {
                Some(p) => p,
                // A year asked for twice, or without data (then nothing is normalised).
                None => prepare_into(dataset, framework, &each, y, Vec::new(), Vec::new())?,
            };
            let treated = p.treated();
            for (c, (n, direction, reference)) in references.iter().enumerate() {
                let col = p.normalised.col_raw_mut(c);
                for (x, t) in col.iter_mut().zip(treated.col_raw(c)) {
                    *x = *t;
                }
                normalise_column_by(col, n, *direction, reference);
            }
            p.method = method.clone();
            Ok(p)
        })
        .collect()
}

/// [`prepare`], writing into the memory of the two tables of `spare` (a result no longer
/// needed) instead of fresh memory: for repeated runs (a method sweep, Monte Carlo), where
/// taking fresh pages from the operating system for every table costs as much as the steps
/// themselves at large sizes. The result is the same as [`prepare`]'s, whatever `spare` held.
/// Under [`NormaliseOver::AllYears`] this is [`prepare`] (the pool takes fresh memory anyway).
///
/// # Errors
/// As [`prepare`].
pub fn prepare_reusing(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    year: i32,
    spare: Prepared,
) -> Result<Prepared> {
    if method.normalise_over() == NormaliseOver::AllYears {
        return prepare(dataset, framework, method, year);
    }
    let raw = spare.raw.values.into_data();
    let work = spare.normalised.into_data();
    prepare_into(dataset, framework, method, year, raw, work)
}

/// [`prepare`], with the raw and the normalised tables written into `raw` and `work` (cleared
/// first).
fn prepare_into(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    year: i32,
    raw: Vec<f64>,
    work: Vec<f64>,
) -> Result<Prepared> {
    method.validate(framework, dataset)?;
    let (inds, dens) = bind(dataset, framework)?;
    let leaves = framework.leaves();
    let (rows, cols) = (dataset.units().len(), inds.len());

    let (denominators, denominator_of) = if method.denominate() && dens.iter().any(Option::is_some)
    {
        // One column per distinct denominator.
        let mut den_inds: Vec<usize> = dens.iter().flatten().copied().collect();
        crate::order::sort_dedup(&mut den_inds);
        let den = dataset.cross_section(year, &den_inds, method.carry_forward())?;
        let columns: Vec<Option<usize>> = dens
            .iter()
            .map(|d| d.and_then(|d| den_inds.binary_search(&d).ok()))
            .collect();
        (den.values, columns)
    } else {
        (Matrix::missing(rows, 0), vec![None; cols])
    };
    let group_of: Vec<Option<usize>> = match method.imputation() {
        Imputation::GroupMean { family } => {
            let ids: Vec<&str> = dataset
                .groups()
                .iter()
                .filter(|g| &g.family == family)
                .map(|g| g.id.as_str())
                .collect();
            // Each unit's first group in the family (as `Dataset::group_in_family` finds it).
            dataset
                .units()
                .iter()
                .map(|unit| {
                    unit.groups
                        .iter()
                        .find_map(|g| ids.iter().position(|id| id == g))
                })
                .collect()
        }
        _ => Vec::new(),
    };

    // Count, copy, denominate and impute each raw column in one sweep; then screen.
    let steps = sweep::Steps {
        denominators: &denominators,
        denominator_of: &denominator_of,
        imputer: Imputer::new(method.imputation(), &group_of, &[], rows),
        screening: method.screen().is_some(),
    };
    let mut swept = sweep::sweep(
        dataset,
        year,
        &inds,
        method.carry_forward(),
        steps,
        raw,
        work,
    )?;
    let mut active = swept.has_data.clone();
    let screened_out = match method.screen() {
        Some(min_share) => screen_counts(&swept.present, cols, min_share, &mut active),
        None => Vec::new(),
    };

    // Treat and normalise, the units still in.
    let mut treatment = Vec::with_capacity(cols);
    let mut transforms = Vec::with_capacity(cols);
    for (c, (&leaf, &ind)) in leaves.iter().zip(&inds).enumerate() {
        // `leaf` is one of the framework's nodes and `ind` was found in the dataset (`bind`):
        // never skipped.
        let (Some(spec), Some(indicator)) = (framework.node(leaf), dataset.indicators().get(ind))
        else {
            continue;
        };
        let id = &spec.id;
        let col = swept.keep_to_units_in(c, &screened_out);
        let Treated {
            outcome,
            transform,
            range,
        } = treat(col, &method.treatment_for(id));
        treatment.push(outcome);
        transforms.push(transform);
        normalise_column_in(
            col,
            &method.normalisation_for(id),
            indicator.direction,
            range,
        );
    }
    let sweep::Swept {
        raw,
        work,
        denominator_lost,
        imputed_count,
        has_data,
        ..
    } = swept;

    Ok(Prepared {
        year,
        method: method.clone(),
        raw,
        denominator_lost,
        imputed_count,
        screened_out,
        active,
        treatment,
        highest: (0..work.cols())
            .map(|c| highest_of(work.col_raw(c)))
            .collect(),
        normalised: work,
        steps: Steps {
            denominators,
            denominator_of,
            group_of,
            has_data,
            transforms,
            framework: framework.identity(),
        },
    })
}

impl Prepared {
    /// Aggregates and ranks under `weights`.
    ///
    /// # Errors
    /// [`Error::OtherFramework`] when `framework` is not the one prepared for, or `weights` were
    /// made for another.
    pub fn score(self: &Arc<Self>, framework: &Framework, weights: &Weights) -> Result<Results> {
        if self.steps.framework != framework.identity() || !weights.fits(framework) {
            return Err(Error::OtherFramework);
        }
        let rows = self.normalised.rows();
        // Indicators read the normalised values in place; only the aggregates are written.
        let mut columns = vec![None; framework.len()];
        for (c, &leaf) in framework.leaves().iter().enumerate() {
            if let Some(column) = columns.get_mut(leaf) {
                *column = Some(NodeColumn::Normalised(c));
            }
        }
        let mut aggregates = 0;
        let columns: Vec<NodeColumn> = columns
            .into_iter()
            .map(|c| {
                c.unwrap_or_else(|| {
                    aggregates += 1;
                    NodeColumn::Aggregate(aggregates - 1)
                })
            })
            .collect();
        let mut aggregates = Matrix::missing(rows, aggregates);
        let mut scores = Scores {
            normalised: &self.normalised,
            aggregates: &mut aggregates,
            columns: &columns,
        };
        aggregate_into(&mut scores, framework, weights, &self.method);
        let root = framework.root();
        let mut results = Results {
            prepared: Arc::clone(self),
            weights: weights.clone(),
            aggregates,
            columns,
            ranks: Vec::new(),
            order: Vec::new(),
            root,
        };
        let column = results.node_column(root);
        let index: Vec<Option<f64>> = (0..rows)
            .map(|u| column.get(u).copied().filter(|x| x.is_finite()))
            .collect();
        let (ranks, mut order) = ranks_and_order(&index);
        order.extend((0..rows).filter(|u| ranks.get(*u).is_some_and(Option::is_none)));
        (results.ranks, results.order) = (ranks, order);
        Ok(results)
    }
}

/// The whole pipeline in one call: [`prepare`] then [`Prepared::score`].
///
/// # Errors
/// As [`prepare`] and [`Prepared::score`].
pub fn run(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    weights: &Weights,
    year: i32,
) -> Result<Results> {
    Arc::new(prepare(dataset, framework, method, year)?).score(framework, weights)
}

/// The largest finite value of `column` (`None` when it has none).
fn highest_of(column: &[f64]) -> Option<f64> {
    let mut best: Option<f64> = None;
    for &x in column {
        if x.is_finite() && best.is_none_or(|b| x > b) {
            best = Some(x);
        }
    }
    best
}

impl Results {
    /// The year.
    pub fn year(&self) -> i32 {
        self.prepared.year
    }
    /// Number of units (rows).
    pub fn units(&self) -> usize {
        self.aggregates.rows()
    }
    /// Index score of unit `u`.
    pub fn index(&self, u: usize) -> Option<f64> {
        self.score(u, self.root)
    }
    /// Score of unit `u` on framework node `node` (an indicator's is its normalised value).
    pub fn score(&self, u: usize, node: usize) -> Option<f64> {
        match self.columns.get(node)? {
            NodeColumn::Normalised(c) => self.prepared.normalised.get(u, *c),
            NodeColumn::Aggregate(c) => self.aggregates.get(u, *c),
        }
    }
    /// Every unit's score on `node` as a raw column (NaN, or any non-finite value, = none;
    /// empty when the node has no column).
    pub(crate) fn node_column(&self, node: usize) -> &[f64] {
        match self.columns.get(node) {
            Some(NodeColumn::Normalised(c)) => self.prepared.normalised.col_raw(*c),
            Some(NodeColumn::Aggregate(c)) => self.aggregates.col_raw(*c),
            None => &[],
        }
    }
    /// Whether every unit's score on `node` is the same here as in `other`, known without
    /// reading a score: both come from the same prepared data (one `Arc`), and every part under
    /// `node` weighs the same in both — a node's scores are its children's, aggregated with
    /// their weights, so only the weights beneath it count (an indicator's scores are its
    /// normalised values: the same prepared data suffices).
    pub fn same_scores(&self, other: &Results, framework: &Framework, node: usize) -> bool {
        if !Arc::ptr_eq(&self.prepared, &other.prepared) {
            return false;
        }
        let (mine, theirs) = (self.weights.as_slice(), other.weights.as_slice());
        let mut stack: Vec<usize> = framework.children(node).to_vec();
        while let Some(n) = stack.pop() {
            let weight = |w: &[f64]| w.get(n).map(|x| x.to_bits());
            if weight(mine) != weight(theirs) {
                return false;
            }
            stack.extend_from_slice(framework.children(n));
        }
        true
    }
    /// The highest score any unit has on `node` (`None` when none has one): max over u of
    /// [`Results::score`]`(u, node)` — an indicator's found when it was prepared, an
    /// aggregate's in one pass over its column.
    pub fn highest(&self, node: usize) -> Option<f64> {
        match self.columns.get(node) {
            Some(NodeColumn::Normalised(c)) => self.prepared.highest.get(*c).copied().flatten(),
            _ => highest_of(self.node_column(node)),
        }
    }
    /// Rank of unit `u`.
    pub fn rank(&self, u: usize) -> Option<u32> {
        self.ranks.get(u).copied().flatten()
    }
    /// Number of ranked units.
    pub fn ranked(&self) -> usize {
        self.ranks.iter().flatten().count()
    }
    /// Why unit `u` is or is not ranked.
    pub fn status(&self, u: usize) -> UnitStatus {
        if self.rank(u).is_some() {
            return UnitStatus::Ranked;
        }
        if let Some(s) = self.prepared.screened_out.iter().find(|s| s.unit == u) {
            return UnitStatus::ScreenedOut { share: s.share };
        }
        if self.prepared.raw.values.row(u).all(|v| v.is_none()) {
            UnitStatus::NoData
        } else {
            UnitStatus::TooFewValues
        }
    }

    /// Units in rank order (ranked units first, best first; then unranked in dataset order).
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// Points each child of the root contributes to unit `u`'s index score:
    ///
    /// `pointsᵢ = score · wᵢ xᵢ / Σⱼ wⱼ xⱼ` over the children present.
    ///
    /// Under arithmetic aggregation this is exactly `wᵢ xᵢ / Σⱼ wⱼ` (what each pillar adds); under
    /// geometric or harmonic means it shares the score out in the same proportions, so the
    /// points always sum to the score. Empty when the unit has no score.
    pub fn contributions(&self, framework: &Framework, u: usize) -> Vec<(usize, f64)> {
        let Some(score) = self.index(u) else {
            return Vec::new();
        };
        let parts: Vec<(usize, f64)> = framework
            .children(self.root)
            .iter()
            .filter_map(|&c| self.score(u, c).map(|x| (c, self.weights.get(c) * x)))
            .collect();
        let total: f64 = parts.iter().map(|(_, p)| p).sum();
        let points: Vec<(usize, f64)> = parts
            .iter()
            .map(|&(c, p)| {
                let x = score * p / total;
                // `score · p` can overflow where the share `p / total` does not.
                (
                    c,
                    if x.is_finite() {
                        x
                    } else {
                        score * (p / total)
                    },
                )
            })
            .collect();
        if total == 0.0 || !total.is_finite() || points.iter().any(|(_, x)| !x.is_finite()) {
            return parts.into_iter().map(|(c, _)| (c, 0.0)).collect();
        }
        points
    }

    /// Change in rank against `baseline` for each unit: `baseline rank − rank` (positive =
    /// moved up), `None` when either has no rank. Both must come from the same dataset.
    pub fn rank_changes(&self, baseline: &Results) -> Vec<Option<i64>> {
        (0..self.units())
            .map(|u| Some(i64::from(baseline.rank(u)?) - i64::from(self.rank(u)?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::fixture::dataset;
    use crate::dataset::Direction::{Higher, Lower};
    use crate::framework::fixture::{agg, leaf};
    use crate::method::{MethodSpec, Normalisation, Treatment};

    use crate::framework::fixture::two_pillars as framework;

    #[test]
    fn highest_is_the_largest_score_on_a_node() {
        // As `end_to_end_by_hand`: p = 50, 50, 50; q = 0, 0, 100; idx = 25, 25, 75; C has no y.
        let d = dataset(
            &[("A", &[]), ("B", &[]), ("C", &[])],
            &[
                ("x", Higher, &[Some(0.0), Some(5.0), Some(10.0)]),
                ("y", Lower, &[Some(1.0), Some(2.0), None]),
                ("z", Higher, &[Some(4.0), Some(4.0), Some(8.0)]),
            ],
        );
        let f = framework();
        let r = run(&d, &f, &Method::default(), &f.weights(), 2020).unwrap();
        for node in 0..f.len() {
            let by_unit = (0..r.units())
                .filter_map(|u| r.score(u, node))
                .reduce(f64::max);
            assert_eq!(r.highest(node), by_unit, "node {node}");
        }
        assert_eq!(r.highest(f.root()), r.index(2));
        assert_eq!(r.highest(f.len()), None, "no such node");
    }

    #[test]
    fn end_to_end_by_hand() {
        // x: 0, 5, 10 → 0, 50, 100; y (lower is better): 1, 2, 3 → 100, 50, 0;
        // z: 4, 4, 8 → 0, 0, 100. p = 50, 50, 50; q = 0, 0, 100; idx = 25, 25, 75.
        let d = dataset(
            &[("A", &[]), ("B", &[]), ("C", &[])],
            &[
                ("x", Higher, &[Some(0.0), Some(5.0), Some(10.0)]),
                ("y", Lower, &[Some(1.0), Some(2.0), Some(3.0)]),
                ("z", Higher, &[Some(4.0), Some(4.0), Some(8.0)]),
            ],
        );
        let f = framework();
        let r = run(&d, &f, &Method::default(), &f.weights(), 2020).unwrap();
        assert_eq!(
            (0..3).map(|u| r.index(u)).collect::<Vec<_>>(),
            vec![Some(25.0), Some(25.0), Some(75.0)]
        );
        assert_eq!(r.ranks, vec![Some(2), Some(2), Some(1)]);
        assert_eq!(r.order(), vec![2, 0, 1]);
        // The highest score on each node, an indicator's found when prepared: the largest of
        // its units' scores.
        for node in 0..f.len() {
            let every = (0..r.units()).filter_map(|u| r.score(u, node));
            assert_eq!(r.highest(node), every.reduce(f64::max), "node {node}");
        }
        let c = r.contributions(&f, 2);
        assert_eq!(
            c,
            vec![
                (f.position("p").unwrap(), 25.0),
                (f.position("q").unwrap(), 50.0)
            ]
        );
    }

    #[test]
    fn contributions_of_huge_scores_are_finite() {
        // Index 1e200; score × (w · x) = 1e400 overflows, the share (w · x)/Σ w · x does not.
        let d = dataset(
            &[("A", &[])],
            &[
                ("x", Higher, &[Some(1e200)]),
                ("y", Higher, &[Some(1e200)]),
                ("z", Higher, &[Some(1e200)]),
            ],
        );
        let f = framework();
        let m = Method::new(MethodSpec {
            normalisation: Normalisation::None,
            ..MethodSpec::default()
        })
        .unwrap();
        let r = run(&d, &f, &m, &f.weights(), 2020).unwrap();
        assert_eq!(r.index(0), Some(1e200));
        let c = r.contributions(&f, 0);
        assert_eq!(
            c.iter().map(|(_, x)| *x).collect::<Vec<_>>(),
            [5e199, 5e199]
        );
    }

    #[test]
    fn screening_and_status() {
        let d = dataset(
            &[("A", &[]), ("B", &[]), ("C", &[]), ("D", &[])],
            &[
                ("x", Higher, &[Some(1.0), Some(2.0), None, Some(3.0)]),
                ("y", Higher, &[Some(1.0), Some(2.0), None, None]),
                ("z", Higher, &[Some(1.0), None, None, None]),
            ],
        );
        let f = framework();
        let m = Method::new(MethodSpec {
            screen: Some(0.5),
            ..MethodSpec::default()
        })
        .unwrap();
        let r = run(&d, &f, &m, &f.weights(), 2020).unwrap();
        assert_eq!(r.status(0), UnitStatus::Ranked);
        assert_eq!(r.status(1), UnitStatus::Ranked);
        assert_eq!(r.status(2), UnitStatus::NoData);
        assert!(
            matches!(r.status(3), UnitStatus::ScreenedOut { share } if (share - 1.0 / 3.0).abs() < 1e-12)
        );
        assert_eq!(r.ranked(), 2);
        // D takes no part in normalisation: x is min-maxed over A and B only.
        assert_eq!(r.prepared.normalised.get(1, 0), Some(100.0));
        assert!(r.status(3).reason().contains("33%"));
    }

    /// Two units, B ahead on `x` and A on `y` and `z`.
    fn crossed() -> Dataset {
        dataset(
            &[("A", &[]), ("B", &[])],
            &[
                ("x", Higher, &[Some(0.0), Some(1.0)]),
                ("y", Higher, &[Some(1.0), Some(0.0)]),
                ("z", Higher, &[Some(1.0), Some(0.0)]),
            ],
        )
    }

    #[test]
    fn rank_changes_against_a_baseline() {
        let d = crossed();
        let f = framework();
        let base = run(&d, &f, &Method::default(), &f.weights(), 2020).unwrap();
        let mut o = std::collections::BTreeMap::new();
        o.insert("q".to_string(), 0.0);
        o.insert("y".to_string(), 0.0);
        let w = Weights::with_overrides(&f, &o).unwrap();
        let r = Arc::clone(&base.prepared).score(&f, &w).unwrap();
        assert_eq!(base.ranks, vec![Some(1), Some(2)]);
        assert_eq!(r.ranks, vec![Some(2), Some(1)]);
        assert_eq!(r.rank_changes(&base), vec![Some(-1), Some(1)]);
    }

    #[test]
    fn method_errors_surface() {
        let d = dataset(
            &[("A", &[])],
            &[
                ("x", Higher, &[Some(1.0)]),
                ("y", Higher, &[None]),
                ("z", Higher, &[None]),
            ],
        );
        let f = framework();
        // A method out of its own bounds is refused by `Method::new` (method's tests); one that
        // does not suit the framework surfaces here.
        let mut spec = MethodSpec::default();
        spec.levels.insert(9, crate::method::Aggregation::Geometric);
        assert!(matches!(
            run(&d, &f, &Method::new(spec).unwrap(), &f.weights(), 2020),
            Err(Error::BadMethod { .. })
        ));
        let m = Method::new(MethodSpec {
            treatment: Treatment::DEFAULT_WINSORISE,
            ..MethodSpec::default()
        })
        .unwrap();
        assert!(run(&d, &f, &m, &f.weights(), 2020).is_ok());
        assert!(matches!(
            run(&d, &f, &Method::default(), &f.weights(), 1999),
            Err(Error::UnknownYear { .. })
        ));
    }

    #[test]
    fn weights_score_only_the_framework_they_were_made_for() {
        let d = crossed();
        let f = framework();
        // The same nodes in the same order and the same number, another tree: y under q.
        let other = Framework::new(vec![
            leaf("x", "p", 1.0),
            leaf("y", "q", 1.0),
            leaf("z", "q", 1.0),
            agg("p", Some("idx"), 1.0),
            agg("q", Some("idx"), 1.0),
            agg("idx", None, 1.0),
        ])
        .unwrap();
        assert_eq!(other.len(), f.len());
        assert!(!other.weights().fits(&f));
        assert_eq!(
            run(&d, &f, &Method::default(), &other.weights(), 2020).unwrap_err(),
            Error::OtherFramework
        );
        let p = Arc::new(prepare(&d, &f, &Method::default(), 2020).unwrap());
        assert_eq!(
            p.score(&other, &other.weights()).unwrap_err(),
            Error::OtherFramework
        );
        assert!(p.score(&f, &f.weights()).is_ok());
    }

    /// Normalisation over all years: `panel` is the fixture's units A, B, C in 2019 and 2020.
    mod across_years {
        #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
        use super::*;
        use crate::dataset::fixture::{panel, PanelColumn};
        use crate::method::NormaliseOver::{AllYears, EachYear};
        use proptest::prelude::*;

        fn col<'a>(id: &'a str, d: crate::dataset::Direction, years: &[&[f64]]) -> PanelColumn<'a> {
            let years = years
                .iter()
                .map(|v| v.iter().map(|x| Some(*x)).collect())
                .collect();
            (id, d, years)
        }

        fn all_years(n: Normalisation) -> Method {
            Method::default()
                .with_normalisation_everywhere(n)
                .unwrap()
                .with_normalise_over(AllYears)
        }

        /// Every normalisation, each reading something from the data but goalposts and none.
        fn normalisations() -> Vec<Normalisation> {
            vec![
                Normalisation::None,
                Normalisation::default(),
                Normalisation::ZScore {
                    mean: 100.0,
                    sd: 10.0,
                },
                Normalisation::PercentileRank {
                    low: 0.0,
                    high: 1.0,
                },
                Normalisation::Rank,
                Normalisation::DistanceToBest {
                    low: 0.0,
                    high: 100.0,
                },
            ]
        }

        /// The normalised values' bits, a row per unit (`None` for missing).
        fn bits(p: &Prepared) -> Vec<Vec<Option<u64>>> {
            (0..p.normalised.rows())
                .map(|u| {
                    (0..p.normalised.cols())
                        .map(|c| p.normalised.get(u, c).map(f64::to_bits))
                        .collect()
                })
                .collect()
        }

        #[test]
        fn by_hand() {
            // x: 0 5 10 | 10 15 20, pooled 0–20 → 0 25 50 | 50 75 100 (within 2020: 0 50 100);
            // y (lower is better): 1 2 3 both years → 100 50 0 both years;
            // z: 4 4 8 | 4 8 8, pooled 4–8 → 0 0 100 | 0 100 100.
            // p = (x + y)/2, q = z, idx = (p + q)/2:
            // 2019: 25, 18.75, 62.5; 2020: 37.5, 81.25, 75.
            use crate::dataset::Direction::{Higher, Lower};
            let d = panel(
                &["A", "B", "C"],
                &[2019, 2020],
                &[
                    col("x", Higher, &[&[0.0, 5.0, 10.0], &[10.0, 15.0, 20.0]]),
                    col("y", Lower, &[&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]]),
                    col("z", Higher, &[&[4.0, 4.0, 8.0], &[4.0, 8.0, 8.0]]),
                ],
            );
            let f = framework();
            let m = all_years(Normalisation::default());
            let index = |y| {
                let r = run(&d, &f, &m, &f.weights(), y).unwrap();
                (0..3).map(|u| r.index(u).unwrap()).collect::<Vec<_>>()
            };
            assert_eq!(index(2019), [25.0, 18.75, 62.5]);
            assert_eq!(index(2020), [37.5, 81.25, 75.0]);
            let p = prepare(&d, &f, &m, 2020).unwrap();
            assert_eq!(p.normalised.get(0, 0), Some(50.0));
            assert_eq!(p.method, m);
            // Within each year, 2020's x is 0 50 100 again.
            let within = prepare(&d, &f, &m.with_normalise_over(EachYear), 2020).unwrap();
            assert_eq!(within.normalised.get(0, 0), Some(0.0));
            // Every year at once is each year on its own, in the order asked.
            let both = prepare_years(&d, &f, &m, &[2020, 2019]).unwrap();
            assert_eq!(both[0], p);
            assert_eq!(both[1], prepare(&d, &f, &m, 2019).unwrap());
            // Each year apart: the same years, each as `prepare` makes it, under either option;
            // a year not held is its own error and does not stop the others.
            for m in [m.clone(), m.with_normalise_over(EachYear)] {
                let each: Vec<_> = prepare_each(&d, &f, &m, &[2020, 1999, 2019]).collect();
                assert_eq!(each.len(), 3);
                assert_eq!(
                    each[0].1.as_ref().ok(),
                    prepare(&d, &f, &m, 2020).ok().as_ref()
                );
                assert!(matches!(each[1], (1999, Err(Error::UnknownYear { .. }))));
                assert_eq!(
                    each[2].1.as_ref().ok(),
                    prepare(&d, &f, &m, 2019).ok().as_ref()
                );
            }
            // A year not held is refused, as within each year.
            assert!(matches!(
                prepare(&d, &f, &m, 1999),
                Err(Error::UnknownYear { .. })
            ));
            // Without a normalisation that reads the data, nothing is pooled: the values are
            // within the year's, and the result names the method asked for.
            let none = all_years(Normalisation::None);
            let p = prepare(&d, &f, &none, 2020).unwrap();
            let within = prepare(&d, &f, &none.with_normalise_over(EachYear), 2020).unwrap();
            assert_eq!(bits(&p), bits(&within));
            assert_eq!(p.normalised.get(0, 0), Some(10.0));
            assert_eq!(p.method, none);
        }

        #[test]
        fn with_one_year_it_is_within_the_year_to_the_bit() {
            use crate::dataset::Direction::{Higher, Lower};
            // An outlier for winsorisation to treat, a gap, ties.
            let one = |v: &[Option<f64>]| vec![v.to_vec()];
            let d = panel(
                &["A", "B", "C", "D", "E", "F", "G", "H"],
                &[2020],
                &[
                    (
                        "x",
                        Higher,
                        one(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 1000.0].map(Some)),
                    ),
                    (
                        "y",
                        Lower,
                        one(&[
                            Some(0.5),
                            None,
                            Some(0.25),
                            Some(3.0),
                            Some(0.5),
                            Some(-1.0),
                            Some(2.0),
                            Some(0.1),
                        ]),
                    ),
                    (
                        "z",
                        Higher,
                        one(&[4.0, 4.0, 8.0, 1.5, 2.5, 3.5, 9.0, 0.0].map(Some)),
                    ),
                ],
            );
            let f = framework();
            let treatments = [Treatment::None, Treatment::DEFAULT_WINSORISE];
            for n in normalisations() {
                for t in treatments {
                    let m = all_years(n).with_treatment_everywhere(t).unwrap();
                    let across = prepare(&d, &f, &m, 2020).unwrap();
                    let within = prepare(&d, &f, &m.with_normalise_over(EachYear), 2020).unwrap();
                    assert_eq!(bits(&across), bits(&within), "{n:?} {t:?}");
                    assert_eq!(across.treatment, within.treatment);
                    if t != Treatment::None {
                        assert!(across.treatment[0].changed(), "x's outlier is treated");
                    }
                }
            }
        }

        /// A panel of `years` years whose unit 0 has the same values every year (`first`);
        /// the other units' values are `others`, one per year, unit and indicator, in that
        /// order (`None` missing).
        fn steady_panel(
            first: &[f64; 3],
            others: &[Option<f64>],
            units: usize,
            years: usize,
        ) -> Dataset {
            use crate::dataset::Direction::{Higher, Lower};
            let codes: Vec<String> = (0..units).map(|u| format!("U{u}")).collect();
            let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
            let ys: Vec<i32> = (0..years).map(|y| 2000 + y as i32).collect();
            let columns: Vec<PanelColumn<'_>> = [("x", Higher), ("y", Lower), ("z", Higher)]
                .into_iter()
                .enumerate()
                .map(|(i, (id, d))| {
                    let by_year = (0..years)
                        .map(|y| {
                            (0..units)
                                .map(|u| {
                                    if u == 0 {
                                        Some(first[i])
                                    } else {
                                        others[(y * (units - 1) + u - 1) * 3 + i]
                                    }
                                })
                                .collect()
                        })
                        .collect();
                    (id, d, by_year)
                })
                .collect();
            panel(&codes, &ys, &columns)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]

            /// The point of pooling: a unit whose values do not change between years keeps its
            /// normalised values and its index score, however the other units' values move;
            /// min-max scores stay within the range in every year.
            #[test]
            fn a_unit_that_does_not_change_keeps_its_scores(
                years in 2usize..5,
                units in 2usize..7,
                first in prop::array::uniform3(-1e3f64..1e3),
                others in prop::collection::vec(prop::option::weighted(0.8, -1e3f64..1e3), 4 * 6 * 3),
                which in 0usize..6,
            ) {
                let d = steady_panel(&first, &others, units, years);
                let f = framework();
                let m = all_years(normalisations()[which]);
                let ys: Vec<i32> = d.years().to_vec();
                let prepared = prepare_years(&d, &f, &m, &ys).unwrap();
                let w = f.weights();
                let mut scores = Vec::new();
                for p in prepared {
                    let p = Arc::new(p);
                    if which == 1 {
                        for u in 0..units {
                            for c in 0..3 {
                                if let Some(v) = p.normalised.get(u, c) {
                                    prop_assert!((0.0..=100.0).contains(&v), "{}", v);
                                }
                            }
                        }
                    }
                    let r = p.score(&f, &w).unwrap();
                    scores.push((bits(&p)[0].clone(), r.index(0).map(f64::to_bits)));
                }
                for s in &scores[1..] {
                    prop_assert_eq!(s, &scores[0]);
                }
            }
        }
    }
}
