//! Everything derived from the inputs, each computed once per change and shared by every
//! component that shows it: the preparation of every year (per dataset × method), the results
//! of every year under the current weights, the year shown now and under the published weights,
//! every group compared now and by year (the pair — the first two groups — read from the
//! comparison now, not summarised again), the pair under the published weights, the over- and
//! under-performers against income now, every unit's rank on every indicator in the year shown
//! (the profile's strengths and weaknesses), and the followed unit's score and rank over the
//! years (read inside its chart's memo, its one reader).
//!
//! Memos hold [`Shared`] values, compared by identity: a memo whose inputs did not change keeps
//! its value, so what depends on it is not recomputed (the comparison under the published
//! weights is not recomputed when a weight moves).

use std::sync::Arc;

use index_core::bundle::Bundle;
use index_core::coherence::Standings;
use index_core::groups::{self, GroupComparison, GroupsComparison};
use index_core::method::Method;
use index_core::performers::{self, Performers};
use index_core::pipeline::{self, Prepared, Results};
use leptos::prelude::*;

use super::inputs::Inputs;
use crate::shared::Shared;
use crate::view_model::unit_trend::{unit_trend, UnitTrend};

/// The engine's preparation of every year under one method, and the results under the
/// published weights. Recomputed when the dataset or method changes — not when a weight moves.
#[derive(Debug)]
pub struct YearData {
    /// The method.
    pub method: Method,
    /// Years prepared, ascending.
    pub years: Vec<i32>,
    /// Prepared data per year (same order as `years`).
    pub prepared: Vec<Arc<Prepared>>,
    /// Results under the framework's published weights, per year.
    pub baseline: Vec<Arc<Results>>,
    /// Years with data that the engine could not prepare, and why (shown as notices).
    pub failed: Vec<(i32, String)>,
}

impl YearData {
    /// Position of `year` among the years prepared.
    pub fn position(&self, year: i32) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }
}

/// Results per year under the current weights (same order as [`YearData::years`]).
#[derive(Debug)]
pub struct Scored {
    /// Results per year.
    pub results: Vec<Arc<Results>>,
}

/// A comparison of groups and the results it was made from.
type Compared = (Arc<Results>, Shared<GroupsComparison>);

/// Every group compared in every year under the current weights (same order as
/// [`YearData::years`]; `None` for a year where they cannot be compared).
pub type GroupsByYear = Vec<Option<GroupsComparison>>;

/// The over- and under-performers against income in the year shown, under the current weights
/// and method ([`performers::performers`]), or why there are none (a bundle without a GDP per
/// capita indicator), for people.
pub type PerformersNow = Result<Performers, String>;

/// The derived results. `Copy`: memo handles.
#[derive(Debug, Clone, Copy)]
pub struct Derived {
    /// Every year prepared under the current method.
    pub prepared: Memo<Option<Shared<YearData>>>,
    /// Every year's results under the current weights.
    pub scored: Memo<Option<Shared<Scored>>>,
    year: ReadSignal<i32>,
    /// Every group compared (two to six) in the year shown, under the current weights: what
    /// the charts and the profile show.
    pub groups_now: Memo<Option<Shared<GroupsComparison>>>,
    /// The first two groups compared in the year shown, under the current weights (read from
    /// [`Derived::groups_now`]: the pair is not summarised twice).
    pub gaps: Memo<Option<Shared<GroupComparison>>>,
    /// The same under the published weights.
    pub gaps_baseline: Memo<Option<Shared<GroupComparison>>>,
    /// Every group compared in every year, under the current weights (the trend chart).
    pub groups_by_year: Memo<Option<Shared<GroupsByYear>>>,
    /// Every group compared in the year shown, under the current weights, when more than two
    /// are (`None` for two: the pair's comparison says it all).
    pub groups_all: Memo<Option<Shared<GroupsComparison>>>,
    /// The performers against income in the year shown, under the current weights (read by
    /// the performers chart and table).
    pub performers: Memo<Option<Shared<PerformersNow>>>,
    /// Every unit's rank on every indicator in the year shown
    /// ([`index_core::coherence::Standings`]: normalised values, so not on the weights; read by
    /// the profile only, so computed only while a unit is followed).
    pub standings: Memo<Option<Shared<Standings>>>,
    bundle: ReadSignal<Option<Shared<Bundle>>>,
    selection: ReadSignal<Option<String>>,
    groups: ReadSignal<Vec<String>>,
}

impl Derived {
    /// The memos over `inputs`.
    pub fn new(inputs: Inputs) -> Self {
        let bundle = inputs.bundle();
        let method = inputs.method();
        let weights = inputs.weights();
        let year = inputs.year();
        let pair = inputs.pair();
        let all_groups = inputs.groups();
        let selection = inputs.selection();
        let prepared = Memo::new(move |_| {
            let b = bundle.get()?;
            // The choice was accepted by `Inputs` for this bundle, so it applies; were it not to,
            // the default method shows rather than nothing.
            let m = method
                .with(|c| c.apply(b.method()))
                .unwrap_or_else(|_| b.method().clone());
            Some(Shared::new(prepare_all(&b, m)))
        });
        let scored = Memo::new(move |_| {
            let b = bundle.get()?;
            let p = prepared.get()?;
            let w = weights.get()?;
            // Weights of another framework (a bundle just switched) score nothing until the new
            // bundle's weights are in.
            let results = p
                .prepared
                .iter()
                .map(|pr| pr.score(b.framework(), &w).map(Arc::new))
                .collect::<Result<Vec<_>, _>>()
                .ok()?;
            Some(Shared::new(Scored { results }))
        });
        // The year shown is picked out of every year's results: no memo of its own (reading
        // it is an index and a reference count), and what reads only the published weights'
        // results does not depend on the current weights.
        let current = move || current_of(prepared, scored, year);
        let baseline = move || baseline_of(prepared, year);
        let compare = move |results: &Results| {
            let b = bundle.get()?;
            let [a, g] = pair.get();
            groups::compare(b.dataset(), b.framework(), results, &a, &g).ok()
        };
        let compare_all = move |results: &Results, previous: Option<&Compared>| {
            let b = bundle.get()?;
            all_groups.with(|ids| {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                let previous = previous.map(|(r, c)| (&**r, &**c));
                groups::compare_groups_since(b.dataset(), b.framework(), results, &ids, previous)
                    .ok()
            })
        };
        // The last comparison of the year shown, with the results it was made from: a step
        // summarises again only the nodes whose scores moved (`groups::compare_groups_since`).
        // Not reactive: a cache the memo keeps. (Every year's comparisons, which the trend
        // chart alone reads and only while in view, are made afresh.)
        let last = StoredValue::new(None::<Compared>);
        let groups_now = Memo::new(move |_| {
            let r = current()?;
            let c = last.with_value(|last| compare_all(&r, last.as_ref()));
            let c = c.map(Shared::new);
            last.set_value(c.clone().map(|c| (r.0, c)));
            c
        });
        let gaps = Memo::new(move |_| groups_now.with(|g| g.as_ref()?.pair(0, 1)).map(Shared::new));
        let gaps_baseline =
            Memo::new(move |_| baseline().and_then(|r| compare(&r)).map(Shared::new));
        let groups_by_year = Memo::new(move |_| {
            let s = scored.get()?;
            Some(Shared::new(
                s.results
                    .iter()
                    .map(|r| compare_all(r, None))
                    .collect::<GroupsByYear>(),
            ))
        });
        let groups_all = Memo::new(move |_| groups_now.get().filter(|g| g.groups.len() >= 3));
        let performers = Memo::new(move |_| {
            let b = bundle.get()?;
            let r = current()?;
            Some(Shared::new(
                performers::performers(&b, &r).map_err(|e| e.to_string()),
            ))
        });
        let standings = Memo::new(move |_| {
            let b = bundle.get()?;
            let r = baseline()?;
            Standings::new(b.framework(), &r).ok().map(Shared::new)
        });
        Derived {
            bundle,
            selection,
            groups: all_groups,
            standings,
            prepared,
            scored,
            year,
            groups_now,
            gaps,
            gaps_baseline,
            groups_by_year,
            groups_all,
            performers,
        }
    }
}

impl Derived {
    /// The year shown, under the current weights (reactive).
    pub fn current(&self) -> Option<Shared<Results>> {
        current_of(self.prepared, self.scored, self.year)
    }

    /// The followed unit's score and rank in every year, with each compared group's mean, under
    /// the current weights (reactive; from [`Derived::scored`]: no year is scored again; `None`
    /// while no unit is followed). Not a memo of its own: its one reader, the unit's chart, reads
    /// it inside the chart's memo, so it is computed once per change there — and a memo of a new
    /// type would add its reactive code to the main module, while this function is compiled
    /// into the deferred part that calls it.
    pub fn unit_trend(&self) -> Option<UnitTrend> {
        let code = self.selection.get()?;
        let (b, p, s) = (self.bundle.get()?, self.prepared.get()?, self.scored.get()?);
        self.groups
            .with(|ids| unit_trend(&b, &p.years, &s.results, &code, ids))
    }

    /// The year shown, under the published weights (reactive; not on the current weights).
    pub fn baseline(&self) -> Option<Shared<Results>> {
        baseline_of(self.prepared, self.year)
    }
}

fn current_of(
    prepared: Memo<Option<Shared<YearData>>>,
    scored: Memo<Option<Shared<Scored>>>,
    year: ReadSignal<i32>,
) -> Option<Shared<Results>> {
    let i = prepared.with(|p| p.as_ref()?.position(year.get()))?;
    scored.with(|s| s.as_ref()?.results.get(i).cloned().map(Shared))
}

fn baseline_of(
    prepared: Memo<Option<Shared<YearData>>>,
    year: ReadSignal<i32>,
) -> Option<Shared<Results>> {
    prepared.with(|p| {
        let p = p.as_ref()?;
        p.baseline.get(p.position(year.get())?).cloned().map(Shared)
    })
}

/// Prepares every year with data under `method`, and scores the published weights; a year the
/// engine refuses is listed in [`YearData::failed`] with the reason.
pub fn prepare_all(bundle: &Bundle, method: Method) -> YearData {
    let weights = bundle.framework().weights();
    let mut data = YearData {
        method,
        years: Vec::new(),
        prepared: Vec::new(),
        baseline: Vec::new(),
        failed: Vec::new(),
    };
    let years = bundle.years_with_data();
    let each = pipeline::prepare_each(bundle.dataset(), bundle.framework(), &data.method, &years);
    for (y, prepared) in each {
        let prepared = prepared
            .map(Arc::new)
            .and_then(|p| Ok((p.score(bundle.framework(), &weights)?, p)));
        match prepared {
            Ok((baseline, p)) => {
                data.baseline.push(Arc::new(baseline));
                data.prepared.push(p);
                data.years.push(y);
            }
            Err(e) => data.failed.push((y, e.to_string())),
        }
    }
    data
}
