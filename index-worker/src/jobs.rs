//! What the worker computes, as pure functions over `index-core` (tested natively), and the
//! [`Session`] that turns one message into answers: it reads the request, finds the bundle (the
//! one kept, or one from the message's text or from a fetch the wasm entry point makes when
//! [`Session::wants`] says so), runs the job and reports progress, the result or the failure.
//! The wasm entry point (`src/main.rs`) only moves text between the browser and the session.

use std::sync::Arc;

use index_core::bundle::Bundle;
use index_core::framework::Weights;
use index_core::method::Method;
use index_core::pipeline;
use index_core::scenario::Scenario;
use serde::Deserialize;

use index_core::uncertainty::{Plan, Run, SensitivityRun, Uncertainty, UnitUncertainty};

use crate::protocol::{
    BundleRef, Explanation, FromWorker, Health, ImportFile, ImportOptions, Imported, JobId,
    Outcome, PairShare, Request, Response, Robustness, ScoredYears, TargetAnswer, TargetGoal,
    ToWorker, YearScores, MAX_ACCEPTABILITY, MAX_PAIRS,
};
#[cfg(feature = "lp")]
use crate::protocol::{Ranges, WeightRange};

/// Draws (or sensitivity runs) between two progress reports: a few milliseconds of work on
/// the FTRI, so that the bar moves smoothly and posting costs nothing beside the work.
pub const PROGRESS_EVERY: u32 = 250;

/// What a scenario sets for a job: the weights and the method, validated for the bundle.
///
/// This is the one place the worker resolves a scenario (so a change to
/// [`Scenario::resolve`]'s form is made here once).
///
/// # Errors
/// The engine's reason, as text: a scenario for another bundle, unknown nodes or groups,
/// invalid weights or method, a year the bundle does not hold.
pub fn resolve(bundle: &Bundle, scenario: &Scenario) -> Result<(Weights, Method), String> {
    scenario
        .resolve(bundle)
        .map(|r| (r.weights, r.method))
        .map_err(|e| format!("the scenario does not apply to {}: {e}", bundle.id()))
}

/// Scores every year with data of `bundle` under `scenario`: for each year, every unit's index
/// score and rank — exactly what the app computes on the main thread (`pipeline::prepare` for
/// the year, then `Prepared::score` with the scenario's weights). `progress(done, total)` is
/// called after each year. A year the engine cannot prepare or score is listed with the reason
/// in [`ScoredYears::skipped`], as the app leaves it out of its own years with a notice.
///
/// # Errors
/// The scenario does not apply to the bundle ([`resolve`]).
pub fn score_years(
    bundle: &Bundle,
    scenario: &Scenario,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<ScoredYears, String> {
    let (weights, method) = resolve(bundle, scenario)?;
    let years = bundle.years_with_data();
    let total = u32::try_from(years.len()).unwrap_or(u32::MAX);
    let ds = bundle.dataset();
    let fw = bundle.framework();
    let units = ds.units().len();
    let mut out = ScoredYears {
        codes: ds.units().iter().map(|u| u.code.clone()).collect(),
        years: Vec::with_capacity(years.len()),
        skipped: Vec::new(),
    };
    let each = pipeline::prepare_each(ds, fw, &method, &years);
    for (done, (year, prepared)) in (1..=total).zip(each) {
        match prepared.and_then(|prepared| Arc::new(prepared).score(fw, &weights)) {
            Ok(results) => out.years.push(YearScores {
                year,
                scores: (0..units).map(|u| results.index(u)).collect(),
                ranks: (0..units).map(|u| results.rank(u)).collect(),
            }),
            Err(e) => out.skipped.push((year, e.to_string())),
        }
        progress(done, total);
    }
    Ok(out)
}

/// The uncertainty analysis of `scenario` (its year, weights, method and groups) on `bundle`:
/// the plan's Monte Carlo draws ([`index_core::uncertainty::Run`]), then with `sensitivity`
/// bootstrap replicates the sensitivity analysis of the same plan
/// ([`index_core::uncertainty::SensitivityRun`], its `draws` the design's rows) — exactly what
/// `index uncertainty` computes. `progress(done, total)` every [`PROGRESS_EVERY`] draws or runs,
/// over both.
///
/// # Errors
/// The scenario does not apply ([`resolve`]); the plan is out of bounds or cannot run on this
/// year (the engine's message).
pub fn robustness(
    bundle: &Bundle,
    scenario: &Scenario,
    plan: &Plan,
    sensitivity: Option<u32>,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Robustness, String> {
    let resolved = scenario
        .resolve(bundle)
        .map_err(|e| format!("the scenario does not apply to {}: {e}", bundle.id()))?;
    let (ds, fw) = (bundle.dataset(), bundle.framework());
    let groups: Vec<&str> = resolved.groups.iter().map(String::as_str).collect();
    let text = |e: index_core::Error| e.to_string();
    let mut run = Run::new(
        ds,
        fw,
        &resolved.method,
        &resolved.weights,
        resolved.year,
        &groups,
        plan,
    )
    .map_err(text)?;
    let mut sa = match sensitivity {
        Some(bootstrap) => Some(
            SensitivityRun::new(
                ds,
                fw,
                &resolved.method,
                &resolved.weights,
                resolved.year,
                plan,
                bootstrap as usize,
            )
            .map_err(text)?,
        ),
        None => None,
    };
    let runs = sa.as_ref().map_or(0, |s| s.total());
    let total = run
        .total()
        .saturating_add(u32::try_from(runs).unwrap_or(u32::MAX));
    while !run.advance(PROGRESS_EVERY) {
        progress(run.done(), total);
    }
    let mut sensitivity_rows = Vec::new();
    if let Some(mut sa) = sa.take() {
        while !sa.advance(PROGRESS_EVERY as usize) {
            progress(
                run.total()
                    .saturating_add(u32::try_from(sa.done()).unwrap_or(u32::MAX)),
                total,
            );
        }
        let result = sa.finish().map_err(text)?;
        sensitivity_rows = result
            .inputs
            .iter()
            .zip(&result.estimates.indices)
            .map(|(input, i)| {
                let (f05, f95) = i.first_ci.unwrap_or((i.first, i.first));
                let (t05, t95) = i.total_ci.unwrap_or((i.total, i.total));
                (
                    input.name().to_string(),
                    i.first,
                    f05,
                    f95,
                    i.total,
                    t05,
                    t95,
                )
            })
            .collect();
    }
    progress(total, total);
    let u = run.finish();
    let mut rows: Vec<(usize, _)> = u.summary().into_iter().enumerate().collect();
    rows.sort_by_key(|(_, r)| (r.nominal, r.unit));
    let mut acceptability: Vec<(u32, Vec<u32>)> =
        rows.iter().map(|(i, _)| u.rank_counts(*i)).collect();
    if acceptability.iter().map(|(_, c)| c.len()).sum::<usize>() > MAX_ACCEPTABILITY {
        acceptability.clear();
    }
    let pairs = open_pairs(&u, &rows);
    Ok(Robustness {
        draws: u.draws(),
        failed: u.failed(),
        codes: rows
            .iter()
            .map(|(_, r)| {
                ds.units()
                    .get(r.unit)
                    .map(|x| x.code.clone())
                    .unwrap_or_default()
            })
            .collect(),
        ranks: rows
            .iter()
            .map(|(_, r)| {
                [
                    r.nominal, r.median, r.q05, r.q95, r.range.0, r.range.1, r.unranked,
                ]
            })
            .collect(),
        gaps: u
            .gaps()
            .into_iter()
            .map(|g| (g.a, g.b, g.nominal, g.median, g.q05, g.q95, g.same_scale))
            .collect(),
        sensitivity: sensitivity_rows,
        acceptability,
        pairs,
    })
}

/// The pairs of units (positions in `rows`, best nominal rank first) that do not keep their
/// nominal order in every draw ranking both, with each one's share of those draws ranking it
/// above the other, in ten-thousandths. Only pairs whose drawn rank ranges meet can change
/// order, so only those are counted. Empty past [`MAX_PAIRS`].
fn open_pairs(u: &Uncertainty, rows: &[(usize, UnitUncertainty)]) -> Vec<PairShare> {
    let share = |p: Option<f64>| (p.unwrap_or(0.0) * 10_000.0).round().clamp(0.0, 10_000.0) as u16;
    let mut pairs = Vec::new();
    for (a, (ia, ra)) in rows.iter().enumerate() {
        for (b, (ib, rb)) in rows.iter().enumerate().skip(a + 1) {
            if ra.range.1 < rb.range.0 || rb.range.1 < ra.range.0 {
                continue;
            }
            let above = u.outranks(*ia, *ib);
            if above.is_none_or(|p| p == 1.0) {
                continue;
            }
            let (above, below) = (share(above), share(u.outranks(*ib, *ia)));
            if pairs.len() == MAX_PAIRS {
                return Vec::new();
            }
            pairs.push((a as u32, b as u32, above, below));
        }
    }
    pairs
}

/// Each unit's best and worst rank under the pillars' weights `range` allows
/// (`index_core::bounds`, an arithmetic mean of the pillars; the GII's pillars under its
/// sub-indices are weighed through them) and its benefit-of-the-doubt score with each pillar's
/// least share `min_share` (`index_core::bod`) — exactly what `index bounds` and `index bod`
/// compute (each programme with the default budget, 2 s). `progress(done, total)` after each
/// unit's bounds.
///
/// # Errors
/// The scenario does not apply; a framework without pillars to weigh, pillars not aggregated by
/// an arithmetic mean, or a solve that fails (the engine's message). A benefit-of-the-doubt
/// failure (a negative pillar score, say) is not an error: the bounds come with a note.
#[cfg(feature = "lp")]
pub fn ranges(
    bundle: &Bundle,
    scenario: &Scenario,
    range: WeightRange,
    min_share: f64,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Ranges, String> {
    use index_core::{bod, bounds};
    let r = scenario
        .resolve(bundle)
        .map_err(|e| format!("the scenario does not apply to {}: {e}", bundle.id()))?;
    let results = r.run(bundle).map_err(|e| e.to_string())?;
    let (ds, fw) = (bundle.dataset(), bundle.framework());
    let depth = pillar_depth(fw);
    let options = bounds::Options {
        depth,
        shares: match range {
            WeightRange::Any => bounds::Shares::Free,
            WeightRange::HalfToDouble => bounds::Shares::HalfToDouble,
        },
        ..bounds::Options::default()
    };
    let table = bounds::rank_bounds_with_progress(fw, &results, &options, &mut |d, t| {
        progress(
            u32::try_from(d).unwrap_or(u32::MAX),
            u32::try_from(t).unwrap_or(u32::MAX),
        );
    })
    .map_err(|e| e.to_string())?;
    let code = |u: usize| {
        ds.units()
            .get(u)
            .map(|x| x.code.clone())
            .unwrap_or_default()
    };
    let id = |n: usize| fw.node(n).map(|x| x.id.clone()).unwrap_or_default();
    let mut rows: Vec<&bounds::UnitBounds> = table.rows.iter().collect();
    rows.sort_by_key(|u| (u.rank, u.unit));
    let bod_options = bod::Options {
        depth,
        min_share,
        ..bod::Options::default()
    };
    let (bod, bod_shares, note) = match bod::bod(ds, fw, &results, &bod_options) {
        Ok(b) => {
            let of = |u: &bounds::UnitBounds| b.rows.iter().find(|x| x.unit == u.unit);
            (
                rows.iter()
                    .map(|u| of(u).map_or((f64::NAN, 0), |x| (x.score, x.rank)))
                    .collect(),
                rows.iter()
                    .map(|u| of(u).and_then(|x| x.shares.clone()).unwrap_or_default())
                    .collect(),
                String::new(),
            )
        }
        Err(e) => (Vec::new(), Vec::new(), e.to_string()),
    };
    Ok(Ranges {
        criteria: table.criteria.iter().map(|n| id(*n)).collect(),
        codes: rows.iter().map(|u| code(u.unit)).collect(),
        rows: rows
            .iter()
            .map(|u| {
                [
                    u.rank,
                    u.best.rank,
                    u.best.limit,
                    u.worst.rank,
                    u.worst.limit,
                ]
            })
            .collect(),
        best_shares: rows.iter().map(|u| u.best.shares.clone()).collect(),
        bod,
        bod_shares,
        left_out: table
            .left_out
            .iter()
            .map(|l| (code(l.unit), l.reason.clone()))
            .collect(),
        note,
    })
}

/// Why each unit moved from `from` (the bundle's published scenario when `None`) to `to`:
/// every unit's change in score and rank split among the changes made, by the Shapley value
/// (`index_core::attribution::attribute` with the default plan: exact up to 12 changes, else
/// 1 000 sampled orders, seed 1) — exactly what `index explain` computes by default.
///
/// # Errors
/// Either scenario does not apply to the bundle; too many changes; a mixture the engine cannot
/// score (the engine's message).
pub fn explain(
    bundle: &Bundle,
    from: Option<&Scenario>,
    to: &Scenario,
) -> Result<Explanation, String> {
    use index_core::attribution::{attribute, Estimate, Plan};
    let resolve = |s: &Scenario| {
        s.resolve(bundle)
            .map_err(|e| format!("the scenario does not apply to {}: {e}", bundle.id()))
    };
    let from = match from {
        Some(s) => resolve(s)?,
        None => index_core::scenario::Resolved::defaults(bundle),
    };
    let a = attribute(bundle, &from, &resolve(to)?, &Plan::default()).map_err(|e| e.to_string())?;
    Ok(Explanation {
        changes: a
            .changes
            .into_iter()
            .map(|c| (c.name, c.from, c.to))
            .collect(),
        sampled: match a.estimate {
            Estimate::Exact => 0,
            Estimate::Sampled { permutations, .. } => permutations,
        },
        codes: bundle
            .dataset()
            .units()
            .iter()
            .map(|u| u.code.clone())
            .collect(),
        units: a
            .units
            .into_iter()
            .map(|u| {
                (
                    u.score_from,
                    u.score_to,
                    u.rank_from,
                    u.rank_to,
                    u.status.reason().to_string(),
                    u.score,
                    u.rank,
                    u.score_error,
                    u.rank_error,
                )
            })
            .collect(),
    })
}

/// The index's own health under `scenario` (its year, weights and method), as the JRC audits
/// it — exactly what `index coherence` computes: every correlation with its flags, Cronbach's α
/// of each aggregate, nominal against effective weights (`index_core::coherence::coherence`),
/// and each node left out in turn (`index_core::coherence::leave_one_out`).
///
/// # Errors
/// The scenario does not apply; fewer than 3 units scored (the engine's message).
pub fn health(bundle: &Bundle, scenario: &Scenario) -> Result<Health, String> {
    use index_core::coherence::{coherence, leave_one_out, Flag, Relation};
    let r = scenario
        .resolve(bundle)
        .map_err(|e| format!("the scenario does not apply to {}: {e}", bundle.id()))?;
    let results = r.run(bundle).map_err(|e| e.to_string())?;
    let fw = bundle.framework();
    let text = |e: index_core::Error| e.to_string();
    let c = coherence(fw, &results).map_err(text)?;
    let removals = leave_one_out(fw, &results).map_err(text)?;
    let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Health {
        year: c.year,
        pairs: c
            .correlations
            .iter()
            .map(|p| {
                let relation = match p.relation {
                    Relation::Siblings => 0,
                    Relation::SameLevel => 1,
                    Relation::Parent => 2,
                    Relation::Ancestor => 3,
                };
                let flags = p.flags.iter().fold(0u8, |bits, f| {
                    bits | match f {
                        Flag::NegativeWithin => 1,
                        Flag::NearDuplicate => 2,
                    }
                });
                (at(p.a), at(p.b), relation, p.pearson.r, p.spearman.r, flags)
            })
            .collect(),
        alphas: c
            .alphas
            .iter()
            .map(|a| {
                let why = a.alpha.undefined.map_or("", |u| u.reason());
                (
                    at(a.node),
                    a.alpha.alpha,
                    at(a.alpha.k),
                    at(a.alpha.n),
                    why.to_string(),
                )
            })
            .collect(),
        weights: c
            .weights
            .iter()
            .map(|w| {
                (
                    at(w.node),
                    w.nominal_share,
                    w.nominal_overall,
                    w.with_index.r,
                    w.effective_share,
                )
            })
            .collect(),
        removals: removals
            .iter()
            .map(|x| match &x.shift {
                Ok(s) => (at(x.node), Some((s.median, s.mean, s.max)), String::new()),
                Err(why) => (at(x.node), None, why.reason().to_string()),
            })
            .collect(),
    })
}

/// What it would take for `unit` (an ISO3 code) to reach `goal` by improving `indicators`
/// (framework indicator ids; several together in proportion to their gaps to the best observed
/// value) under `scenario` (its year, weights and method) — exactly what `index target`
/// computes (`index_core::target::target`), with units named by code and each dependence on
/// the rest of the data in words.
///
/// # Errors
/// The scenario does not apply; a unit or rival not in the bundle; the engine's refusals
/// (no indicator or an unknown one, rank 0, the unit as its own rival, no score or no value).
pub fn target(
    bundle: &Bundle,
    scenario: &Scenario,
    unit: &str,
    indicators: &[String],
    goal: &TargetGoal,
) -> Result<TargetAnswer, String> {
    use index_core::target::{target, Goal};
    let resolved = scenario
        .resolve(bundle)
        .map_err(|e| format!("the scenario does not apply to {}: {e}", bundle.id()))?;
    let ds = bundle.dataset();
    let position = |code: &str| {
        ds.unit_position(code).ok_or_else(|| {
            format!(
                "`{}` is not a unit of {}",
                index_core::error::excerpt(code),
                bundle.id()
            )
        })
    };
    let engine_goal = match goal {
        TargetGoal::Rank(r) => Goal::Rank(*r),
        TargetGoal::Past(code) => Goal::Past(position(code)?),
    };
    let ids: Vec<&str> = indicators.iter().map(String::as_str).collect();
    let t =
        target(bundle, &resolved, position(unit)?, &ids, engine_goal).map_err(|e| e.to_string())?;
    let standing = |s: &index_core::target::Standing| (s.score, s.rank, s.rival_score);
    Ok(TargetAnswer {
        unit: unit.to_string(),
        goal: goal.clone(),
        status: t.status,
        share: t.share,
        short_by: t.short_by,
        monotone: t.monotone,
        runs: t.runs,
        before: standing(&t.before),
        after: standing(&t.after),
        moves: t
            .moves
            .into_iter()
            .map(|m| {
                (
                    m.indicator,
                    m.current,
                    m.needed,
                    m.change,
                    m.best,
                    m.worst,
                    m.carried_from,
                )
            })
            .collect(),
        depends: t
            .depends
            .into_iter()
            .map(|d| (d.indicator, d.reason.describe().to_string()))
            .collect(),
    })
}

/// How many generations below the root the framework's pillars are (1 for the FTRI's blocks,
/// 2 for the GII's pillars under its two sub-indices).
pub fn pillar_depth(framework: &index_core::framework::Framework) -> u8 {
    let root = framework.level(framework.root());
    framework
        .pillars()
        .first()
        .map_or(1, |p| root.saturating_sub(framework.level(*p)).max(1))
}

/// Imports `files` (and `framework`) with `options` as `index import` does
/// (`index_data::import`), with progress after each file read: the bundle's JSON and the report
/// when the files can be used, the report alone (with its errors) when not.
///
/// # Errors
/// Too many files, a file that is not base64 or too large, or an option out of its range:
/// the request itself is wrong (what the files hold is the report's to say).
#[cfg(feature = "import")]
pub fn import(
    files: &[ImportFile],
    framework: Option<&ImportFile>,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Imported, String> {
    use crate::protocol::MAX_IMPORT_FILES;
    use index_data::import::{self as imp, FileKind, InputFile, Layout, Options, Severity};
    use index_data::read::Encoding;
    if files.len() > MAX_IMPORT_FILES {
        return Err(format!(
            "{} files: an import takes at most {MAX_IMPORT_FILES}",
            files.len()
        ));
    }
    let data: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|f| Ok((f.name.as_str(), f.bytes()?)))
        .collect::<Result<_, String>>()?;
    let meta = framework
        .map(|f| Ok::<_, String>((f.name.as_str(), f.bytes()?)))
        .transpose()?;
    let (layout, kind) = match options.layout.as_deref() {
        None => (None, None),
        Some("xlsx") => (None, Some(FileKind::Xlsx)),
        Some(l) => (Some(l.parse::<Layout>()?), None),
    };
    let encoding = match options.encoding.as_deref() {
        None => None,
        Some("utf-8") => Some(Encoding::Utf8),
        Some("latin-1") => Some(Encoding::Latin1),
        Some("utf-16le") => Some(Encoding::Utf16Le),
        Some("utf-16be") => Some(Encoding::Utf16Be),
        Some(e) => {
            return Err(format!(
                "unknown encoding `{e}` (utf-8, latin-1, utf-16le, utf-16be)"
            ))
        }
    };
    let delimiter = match options.delimiter {
        None => None,
        Some(c) if c.is_ascii() && !c.is_ascii_alphanumeric() && c != '"' => u8::try_from(c).ok(),
        Some(c) => return Err(format!("`{c}` is not a delimiter")),
    };
    let coverage = options.coverage.unwrap_or(0.5);
    if !(0.0..=1.0).contains(&coverage) {
        return Err(format!(
            "coverage {coverage} is not a share between 0 and 1"
        ));
    }
    let title = options.title.clone().unwrap_or_else(|| "Your data".into());
    if title.chars().count() > 200 {
        return Err("a title of more than 200 characters".into());
    }
    let opts = Options {
        layout,
        kind,
        delimiter,
        decimal_comma: options.decimal_comma,
        encoding,
        year: options.year.unwrap_or(2000),
        coverage,
        title,
        sheets: options.sheets.clone(),
        ..Options::default()
    };
    let inputs: Vec<InputFile<'_>> = data
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let fw = meta.as_ref().map(|(name, bytes)| InputFile { name, bytes });
    let count = |r: &imp::Report, s| u32::try_from(r.problems.count(s)).unwrap_or(u32::MAX);
    Ok(
        match imp::import_with_progress(&inputs, fw, &opts, progress) {
            Ok(i) => Imported {
                bundle: Some({
                    let json = i.bundle.to_json().map_err(|e| e.to_string())?;
                    match &options.as_dataset {
                        Some(a) => relabel(&json, a)?,
                        None => json,
                    }
                }),
                report: i.report.to_string(),
                errors: 0,
                warnings: count(&i.report, Severity::Warning),
            },
            Err(r) => Imported {
                bundle: None,
                report: r.to_string(),
                errors: count(&r, Severity::Error),
                warnings: count(&r, Severity::Warning),
            },
        },
    )
}

/// Bundle JSON `json` made dataset `a.id` of the page's own, every source credited as `a` says.
///
/// Only the top level, the dataset's keys and its sources are read; every other part (the
/// values: 5 million of them in a 50,000 × 100 import, 37 MB of text) is copied as it is,
/// unparsed. (Reading it all into `serde_json::Value`s and writing it out again, as the page
/// did, took 0.8 s natively against 0.12 s, and more in the browser, where the bundle is then
/// read once more to be shown.)
///
/// # Errors
/// The text is not a bundle's JSON object.
#[cfg(feature = "import")]
pub fn relabel(json: &str, a: &crate::protocol::AsDataset) -> Result<String, String> {
    use serde_json::Value;
    use top_level::{fault, raw, Part, Top};
    let Top(mut top) = serde_json::from_str(json).map_err(fault)?;
    top.insert("id".into(), Part::Raw(raw(&a.id)?));
    if let Some(Part::Dataset(d)) = top.get_mut("dataset") {
        if let Some(sources) = d.get_mut("sources") {
            let mut list: Vec<Value> = serde_json::from_str(sources.get()).map_err(fault)?;
            for s in list.iter_mut().filter_map(Value::as_object_mut) {
                s.insert("publisher".into(), Value::from(a.publisher.as_str()));
                s.insert("edition".into(), Value::from(a.edition.as_str()));
                s.insert("licence".into(), Value::from(a.licence.as_str()));
            }
            *sources = raw(&list)?;
        }
    }
    serde_json::to_string(&top).map_err(fault)
}

/// A bundle's JSON as [`relabel`] reads it: the top level's parts as text, but the dataset's,
/// whose own parts are text.
#[cfg(feature = "import")]
mod top_level {
    use std::collections::BTreeMap;

    use serde::de::{MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize};
    use serde_json::value::RawValue;

    /// The top level.
    pub struct Top(pub BTreeMap<String, Part>);

    /// A part of it.
    #[derive(Serialize)]
    #[serde(untagged)]
    pub enum Part {
        /// The dataset, its parts as text.
        Dataset(BTreeMap<String, Box<RawValue>>),
        /// Any other part, as text.
        Raw(Box<RawValue>),
    }

    impl<'de> Deserialize<'de> for Top {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
            struct Parts;
            impl<'de> Visitor<'de> for Parts {
                type Value = Top;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a bundle (a JSON object)")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
                    let mut parts = BTreeMap::new();
                    while let Some(key) = map.next_key::<String>()? {
                        let part = if key == "dataset" {
                            Part::Dataset(map.next_value()?)
                        } else {
                            Part::Raw(map.next_value()?)
                        };
                        parts.insert(key, part);
                    }
                    Ok(Top(parts))
                }
            }
            d.deserialize_map(Parts)
        }
    }

    /// `value` as JSON text.
    pub fn raw<T: Serialize + ?Sized>(value: &T) -> Result<Box<RawValue>, String> {
        serde_json::value::to_raw_value(value).map_err(fault)
    }

    /// A JSON error of the imported bundle, in words.
    pub fn fault(e: serde_json::Error) -> String {
        format!("the imported bundle: {e}")
    }
}

/// Without the import built in (the app's protocol-only build), an import fails saying so.
///
/// # Errors
/// Always.
#[cfg(not(feature = "import"))]
pub fn import(
    _files: &[ImportFile],
    _framework: Option<&ImportFile>,
    _options: &ImportOptions,
    _progress: &mut dyn FnMut(u32, u32),
) -> Result<Imported, String> {
    Err("this worker was built without the import (feature `import`)".into())
}

/// The worker's state between messages: the last bundle it was given, parsed (or why it could
/// not be had), under its key.
#[derive(Debug, Default)]
pub struct Session {
    bundle: Option<(String, Result<Bundle, String>)>,
}

/// The part of a request read when the whole cannot be: its job id, to answer it.
#[derive(Deserialize)]
struct JobOnly {
    job: JobId,
}

impl Session {
    /// A session holding no bundle.
    pub fn new() -> Session {
        Session::default()
    }

    /// The key of the bundle held (parsed), if any.
    pub fn bundle_key(&self) -> Option<&str> {
        match &self.bundle {
            Some((k, Ok(_))) => Some(k),
            _ => None,
        }
    }

    /// The bundle to fetch before `message` can be handled, as (key, URL): when it names a
    /// bundle by URL that the session does not hold. The caller fetches it, gives the text (or
    /// why it could not) to [`Session::keep`], then calls [`Session::handle`].
    /// An import needs no bundle, so never wants one.
    pub fn wants(&self, message: &str) -> Option<(String, String)> {
        let message = serde_json::from_str::<ToWorker>(message).ok()?;
        if matches!(message.request, Request::Import { .. }) {
            return None;
        }
        match message.bundle {
            BundleRef::Url { key, url } if self.bundle_key() != Some(key.as_str()) => {
                Some((key, url))
            }
            _ => None,
        }
    }

    /// Keeps the bundle `json` (fetched or sent) under `key`, replacing the one held; a text that
    /// is not a valid bundle, or a fetch that failed (`Err`), is kept as the reason the jobs on
    /// `key` fail.
    pub fn keep(&mut self, key: String, json: Result<String, String>) {
        let bundle = json
            .and_then(|text| Bundle::from_json(&text).map_err(|e| format!("bundle `{key}`: {e}")));
        self.bundle = Some((key, bundle));
    }

    /// Handles one message from the page: every answer goes to `post`, in order (progress
    /// while the job runs, then exactly one `Done` or `Failed`; or one `Unreadable`).
    pub fn handle(&mut self, text: &str, post: &mut dyn FnMut(FromWorker)) {
        let message = match serde_json::from_str::<ToWorker>(text) {
            Ok(m) => m,
            Err(e) => {
                let answer = match serde_json::from_str::<JobOnly>(text) {
                    Ok(JobOnly { job }) => {
                        FromWorker::Job(job, Response::Failed(format!("malformed request: {e}")))
                    }
                    Err(_) => FromWorker::Unreadable(format!("not a request: {e}")),
                };
                post(answer);
                return;
            }
        };
        let job = message.job;
        let response = match self.run(message, &mut |done, total| {
            post(FromWorker::Job(job, Response::Progress { done, total }));
        }) {
            Ok(outcome) => Response::Done(outcome),
            Err(e) => Response::Failed(e),
        };
        post(FromWorker::Job(job, response));
    }

    /// Runs one well-formed request.
    fn run(
        &mut self,
        message: ToWorker,
        progress: &mut dyn FnMut(u32, u32),
    ) -> Result<Outcome, String> {
        if let Request::Import {
            files,
            framework,
            options,
        } = &message.request
        {
            return import(files, framework.as_ref(), options, progress).map(Outcome::Import);
        }
        let bundle = self.bundle(message.bundle)?;
        match message.request {
            Request::ScoreYears => {
                score_years(bundle, &message.scenario, progress).map(Outcome::ScoreYears)
            }
            Request::Robustness { plan, sensitivity } => {
                robustness(bundle, &message.scenario, &plan, sensitivity, progress)
                    .map(Outcome::Robustness)
            }
            #[cfg(feature = "lp")]
            Request::Ranges { range, min_share } => {
                ranges(bundle, &message.scenario, range, min_share, progress).map(Outcome::Ranges)
            }
            #[cfg(not(feature = "lp"))]
            Request::Ranges { .. } => {
                Err("this worker was built without the solver (feature `lp`)".into())
            }
            Request::Explain { from } => {
                explain(bundle, from.as_ref(), &message.scenario).map(Outcome::Explain)
            }
            Request::Health => health(bundle, &message.scenario).map(Outcome::Health),
            Request::Import { .. } => Err("an import needs no bundle".into()),
            Request::Target {
                unit,
                indicators,
                goal,
            } => target(bundle, &message.scenario, &unit, &indicators, &goal).map(Outcome::Target),
        }
    }

    /// The bundle a request names: the one held under its key, else the one its text holds
    /// (then kept); a bundle by URL must have been fetched ([`Session::wants`]).
    fn bundle(&mut self, bundle: BundleRef) -> Result<&Bundle, String> {
        let held = self.bundle.as_ref().is_some_and(|(k, _)| k == bundle.key());
        match bundle {
            BundleRef::Text { key, json } if !held => self.keep(key, Ok(json)),
            BundleRef::Url { key, .. } if !held => {
                return Err(format!("bundle `{key}` was not fetched"));
            }
            _ => {}
        }
        match &self.bundle {
            Some((_, Ok(b))) => Ok(b),
            Some((_, Err(e))) => Err(e.clone()),
            None => Err("the worker holds no bundle".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use index_core::bundle::BundleParts;
    use index_core::dataset::{DatasetBuilder, Direction, Group, Indicator, Source, Unit};
    use index_core::framework::{Framework, NodeKind, NodeSpec};
    use index_core::method::{Aggregation, Normalisation};
    use index_core::scenario::MethodChoice;

    use super::*;
    use crate::protocol::VERSION;

    #[cfg(feature = "import")]
    #[test]
    fn an_imported_bundle_is_relabelled_and_its_values_kept() {
        let original = bundle();
        let mine = crate::protocol::AsDataset {
            id: "mine-abc".into(),
            publisher: "Your data".into(),
            edition: "imported 2026-12-02".into(),
            licence: "not published".into(),
        };
        let json = relabel(&original.to_json().unwrap(), &mine).unwrap();
        let read = Bundle::from_json(&json).unwrap();
        assert_eq!(read.id(), "mine-abc");
        assert!(!read.dataset().sources().is_empty());
        for s in read.dataset().sources() {
            assert_eq!(
                (s.publisher.as_str(), s.edition.as_str(), s.licence.as_str()),
                ("Your data", "imported 2026-12-02", "not published")
            );
        }
        // Everything else as it was: the same bundle once its id and credits are put back.
        let back = crate::protocol::AsDataset {
            id: original.id().into(),
            publisher: original.dataset().sources()[0].publisher.clone(),
            edition: original.dataset().sources()[0].edition.clone(),
            licence: original.dataset().sources()[0].licence.clone(),
        };
        assert_eq!(
            Bundle::from_json(&relabel(&json, &back).unwrap()).unwrap(),
            original
        );
        assert!(relabel("[1]", &mine)
            .unwrap_err()
            .contains("a bundle (a JSON object)"));
        assert!(relabel("{", &mine).is_err());
    }

    /// Six units in two groups, three indicators under two pillars, four years with data
    /// (2018 with one indicator only, one unit without any data in 2021) and one year without.
    fn bundle() -> Bundle {
        let unit = |code: &str, group: &str| Unit {
            short: None,
            code: code.into(),
            name: format!("Country {code}"),
            groups: vec![group.into()],
        };
        let indicator = |id: &str, direction| Indicator {
            id: id.into(),
            name: format!("Indicator {id}"),
            unit: "index".into(),
            direction,
            source: "s".into(),
        };
        let group = |id: &str| Group {
            id: id.into(),
            name: id.into(),
            family: "status".into(),
        };
        let codes = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"];
        let mut b = DatasetBuilder::new(
            codes
                .iter()
                .enumerate()
                .map(|(i, c)| unit(c, if i % 2 == 0 { "LDC" } else { "developed" }))
                .collect(),
            vec![
                indicator("x", Direction::Higher),
                indicator("y", Direction::Higher),
                indicator("z", Direction::Lower),
            ],
            vec![Source {
                id: "s".into(),
                publisher: "Pub".into(),
                title: "Data".into(),
                edition: "1".into(),
                licence: "CC BY 4.0".into(),
                url: "https://example.org".into(),
            }],
            vec![group("LDC"), group("developed")],
            vec![2017, 2018, 2019, 2020, 2021],
        )
        .unwrap();
        for (i, code) in codes.iter().enumerate() {
            let i = i as f64;
            b.set(code, "x", 2018, 1.0 + i).unwrap();
            for year in [2019, 2020, 2021] {
                if year == 2021 && *code == "FFF" {
                    continue;
                }
                let t = f64::from(year - 2019);
                b.set(code, "x", year, 1.0 + i * i + t).unwrap();
                b.set(code, "y", year, 10.0 - i + 2.0 * t).unwrap();
                b.set(code, "z", year, (i - 2.5).abs() * (1.0 + t)).unwrap();
            }
        }
        let node = |id: &str, parent: Option<&str>, kind: NodeKind| NodeSpec {
            id: id.into(),
            name: format!("Node {id}"),
            parent: parent.map(Into::into),
            weight: 1.0,
            kind,
        };
        let leaf = NodeKind::Indicator { denominator: None };
        let framework = Framework::new(vec![
            node("idx", None, NodeKind::Aggregate),
            node("p1", Some("idx"), NodeKind::Aggregate),
            node("p2", Some("idx"), NodeKind::Aggregate),
            node("x", Some("p1"), leaf.clone()),
            node("y", Some("p1"), leaf.clone()),
            node("z", Some("p2"), leaf),
        ])
        .unwrap();
        Bundle::new(BundleParts {
            id: "test".into(),
            title: "Test index".into(),
            description: String::new(),
            notes: vec![],
            dataset: b.build(),
            framework,
            method: index_core::method::Method::default(),
            default_year: 2020,
            default_groups: ["LDC".into(), "developed".into()],
            reference: None,
            gdp_per_capita: None,
        })
        .unwrap()
    }

    /// A scenario with changed weights and method.
    fn scenario() -> Scenario {
        let mut s = Scenario {
            bundle: "test".into(),
            method: MethodChoice {
                normalisation: Some(Normalisation::MinMax {
                    low: 1.0,
                    high: 100.0,
                }),
                aggregation: Some(Aggregation::Geometric),
                ..MethodChoice::default()
            },
            ..Scenario::default()
        };
        s.weights.insert("p2".into(), 3.0);
        s.weights.insert("y".into(), 0.5);
        s
    }

    /// The main thread's figures for `year`: `pipeline::prepare`, then `score` — as the app's
    /// state does — as (code, score, rank) in ranking order.
    fn main_thread(b: &Bundle, s: &Scenario, year: i32) -> Vec<(String, Option<f64>, Option<u32>)> {
        let method = s.method.apply(b.method()).unwrap();
        let weights = Weights::with_overrides(b.framework(), &s.weights).unwrap();
        let p = pipeline::prepare(b.dataset(), b.framework(), &method, year).unwrap();
        let r = Arc::new(p).score(b.framework(), &weights).unwrap();
        r.order()
            .iter()
            .map(|&u| (b.dataset().units()[u].code.clone(), r.index(u), r.rank(u)))
            .collect()
    }

    #[test]
    fn every_year_matches_the_main_threads_figures_exactly() {
        let b = bundle();
        for s in [scenario(), Scenario::default()] {
            let mut steps = Vec::new();
            let got = score_years(&b, &s, &mut |d, t| steps.push((d, t))).unwrap();
            assert_eq!(got.codes, ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]);
            let years: Vec<i32> = got.years.iter().map(|y| y.year).collect();
            assert_eq!(years, b.years_with_data());
            assert_eq!(years, [2018, 2019, 2020, 2021]);
            assert_eq!(steps, [(1, 4), (2, 4), (3, 4), (4, 4)], "after each year");
            assert!(got.skipped.is_empty(), "{:?}", got.skipped);
            for y in &got.years {
                let want = main_thread(&b, &s, y.year);
                let have: Vec<_> = y
                    .order()
                    .into_iter()
                    .map(|u| (got.codes[u].clone(), y.scores[u], y.ranks[u]))
                    .collect();
                assert_eq!(have, want, "{}", y.year);
            }
        }
        // The scenario matters: weights and method change the figures.
        let changed = score_years(&b, &scenario(), &mut |_, _| {}).unwrap();
        let published = score_years(&b, &Scenario::default(), &mut |_, _| {}).unwrap();
        assert_ne!(changed.years[1], published.years[1]);
        // A unit without data in 2021 is unranked and comes last.
        let y = &changed.years[3];
        assert_eq!((y.scores[5], y.ranks[5]), (None, None));
        assert_eq!(y.order().last(), Some(&5));
        assert_eq!(y.ranks.iter().flatten().count(), 5);
    }

    #[test]
    fn robustness_is_the_engines_analysis_with_progress_over_both_parts() {
        let b = bundle();
        let s = Scenario {
            year: Some(2020),
            groups: Some(vec!["LDC".into(), "developed".into()]),
            ..scenario()
        };
        let plan = Plan {
            draws: 600,
            weights: Some(index_core::uncertainty::WeightNoise::Simplex),
            imputation: true,
            ..Plan::default()
        };
        let mut steps = Vec::new();
        let got = robustness(&b, &s, &plan, Some(20), &mut |d, t| steps.push((d, t))).unwrap();
        // 600 draws, then a design of 600 rows × (2 inputs + 2) runs.
        let total = 600 + 600 * 4;
        assert_eq!(steps.first(), Some(&(250, total)));
        assert_eq!(steps.last(), Some(&(total, total)));
        assert!(steps.windows(2).all(|w| w[0].0 <= w[1].0));
        // The same figures as the engine's own run.
        let r = s.resolve(&b).unwrap();
        let mut run = Run::new(
            b.dataset(),
            b.framework(),
            &r.method,
            &r.weights,
            2020,
            &["LDC", "developed"],
            &plan,
        )
        .unwrap();
        while !run.advance(1000) {}
        let u = run.finish();
        assert_eq!(got.draws, 600);
        for (code, ranks) in got.codes.iter().zip(&got.ranks) {
            let unit = b
                .dataset()
                .units()
                .iter()
                .position(|x| &x.code == code)
                .unwrap();
            let row = u.summary().into_iter().find(|x| x.unit == unit).unwrap();
            assert_eq!(
                ranks[..4],
                [row.nominal, row.median, row.q05, row.q95],
                "{code}"
            );
        }
        assert!(
            got.ranks.windows(2).all(|w| w[0][0] <= w[1][0]),
            "nominal order"
        );
        // Every pair of units: listed with the engine's shares when some draw does not keep
        // the nominal order, else not listed.
        let at = |code: &str| {
            u.units()
                .iter()
                .position(|&x| b.dataset().units()[x].code == code)
        };
        let mut listed = 0;
        for a in 0..got.codes.len() {
            for c in a + 1..got.codes.len() {
                let (ia, ic) = (at(&got.codes[a]).unwrap(), at(&got.codes[c]).unwrap());
                let pair = got
                    .pairs
                    .iter()
                    .find(|p| (p.0, p.1) == (a as u32, c as u32));
                match u.outranks(ia, ic) {
                    Some(p) if p < 1.0 => {
                        let pair = pair.unwrap_or_else(|| panic!("{a}, {c} listed"));
                        let share = |p: Option<f64>| (p.unwrap() * 10_000.0).round() as u16;
                        assert_eq!(
                            (pair.2, pair.3),
                            (share(Some(p)), share(u.outranks(ic, ia)))
                        );
                        listed += 1;
                    }
                    _ => assert!(pair.is_none(), "{a}, {c} keep their order: {pair:?}"),
                }
            }
        }
        assert_eq!(listed, got.pairs.len());
        assert!(listed > 0, "any weights turn some pair round");
        assert!(got
            .pairs
            .iter()
            .all(|p| p.0 < p.1 && u32::from(p.2) + u32::from(p.3) <= 10_000));
        assert_eq!(got.gaps.len(), 1);
        assert_eq!(
            (got.gaps[0].0.as_str(), got.gaps[0].1.as_str()),
            ("LDC", "developed")
        );
        let names: Vec<&str> = got.sensitivity.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["weights", "imputation"]);
        // Without sensitivity: only the draws.
        let mut steps = Vec::new();
        let plain = robustness(&b, &s, &plan, None, &mut |d, t| steps.push((d, t))).unwrap();
        assert_eq!(steps.last(), Some(&(600, 600)));
        assert!(plain.sensitivity.is_empty());
        assert_eq!(plain.ranks, got.ranks);
        // A plan out of bounds fails with the engine's words.
        let bad = Plan { draws: 0, ..plan };
        let e = robustness(&b, &s, &bad, None, &mut |_, _| {}).unwrap_err();
        assert!(e.contains("draws must be from 1 to 65536"), "{e}");
    }

    #[cfg(feature = "lp")]
    #[test]
    fn ranges_are_the_engines_bounds_and_bod_with_progress_per_unit() {
        let b = bundle();
        let s = Scenario {
            year: Some(2020),
            ..Scenario::default()
        };
        let mut steps = Vec::new();
        let got = ranges(&b, &s, WeightRange::Any, 0.0, &mut |d, t| {
            steps.push((d, t))
        })
        .unwrap();
        assert_eq!(got.criteria, ["p1", "p2"]);
        assert_eq!(steps.len(), got.codes.len());
        assert_eq!(steps.last(), Some(&(6, 6)));
        let results = s.resolve(&b).unwrap().run(&b).unwrap();
        let table = index_core::bounds::rank_bounds(
            b.framework(),
            &results,
            &index_core::bounds::Options::default(),
        )
        .unwrap();
        for (code, row) in got.codes.iter().zip(&got.rows) {
            let unit = b
                .dataset()
                .units()
                .iter()
                .position(|u| &u.code == code)
                .unwrap();
            let want = table.rows.iter().find(|r| r.unit == unit).unwrap();
            assert_eq!(
                *row,
                [
                    want.rank,
                    want.best.rank,
                    want.best.limit,
                    want.worst.rank,
                    want.worst.limit
                ],
                "{code}"
            );
            assert!(
                row[1] <= row[0] && row[0] <= row[3],
                "{code}: best ≤ rank ≤ worst"
            );
        }
        assert!(
            got.rows.windows(2).all(|w| w[0][0] <= w[1][0]),
            "nominal order"
        );
        assert_eq!(got.bod.len(), got.codes.len());
        assert_eq!(got.bod_shares.len(), got.codes.len());
        for (shares, (score, _)) in got.bod_shares.iter().zip(&got.bod) {
            if *score > 0.0 {
                assert!(
                    (shares.iter().sum::<f64>() - 1.0).abs() < 1e-6,
                    "{shares:?}"
                );
            }
        }
        assert!(
            got.bod.iter().any(|(score, _)| (*score - 1.0).abs() < 1e-9),
            "a frontier unit"
        );
        assert!(got.note.is_empty());
        // Half to double: ranges no wider than under any weights.
        let narrow = ranges(&b, &s, WeightRange::HalfToDouble, 0.0, &mut |_, _| {}).unwrap();
        for (n, a) in narrow.rows.iter().zip(&got.rows) {
            assert!(n[1] >= a[1] && n[3] <= a[3]);
        }
        assert_eq!(pillar_depth(b.framework()), 1);
    }

    #[test]
    fn explain_is_the_engines_attribution_and_its_parts_add_up() {
        use index_core::attribution::{attribute, Plan};
        use index_core::scenario::Resolved;
        let b = bundle();
        let to = Scenario {
            year: Some(2019),
            ..scenario()
        };
        let got = explain(&b, None, &to).unwrap();
        let names: Vec<&str> = got.changes.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "year",
                "normalisation",
                "aggregation",
                "weight:p2",
                "weight:y"
            ]
        );
        assert_eq!(got.sampled, 0, "five changes: exact");
        assert_eq!(got.codes, ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]);
        let want = attribute(
            &b,
            &Resolved::defaults(&b),
            &to.resolve(&b).unwrap(),
            &Plan::default(),
        )
        .unwrap();
        assert_eq!(got.units.len(), want.units.len());
        let mut split = 0;
        for (u, (have, w)) in got.units.iter().zip(&want.units).enumerate() {
            assert_eq!(
                (have.0, have.1, have.2, have.3),
                (w.score_from, w.score_to, w.rank_from, w.rank_to)
            );
            assert_eq!(have.4, w.status.reason(), "unit {u}");
            assert_eq!(
                (&have.5, &have.6),
                (&w.score, &w.rank),
                "figure by figure, unit {u}"
            );
            if let (Some(from), Some(to), true) = (have.0, have.1, have.4.is_empty()) {
                split += 1;
                assert_eq!(have.5.len(), 5);
                assert!(
                    (have.5.iter().sum::<f64>() - (to - from)).abs() < 1e-9,
                    "unit {u}"
                );
                let ranks = f64::from(have.3.unwrap()) - f64::from(have.2.unwrap());
                assert!(
                    (have.6.iter().sum::<f64>() - ranks).abs() < 1e-9,
                    "unit {u}"
                );
                assert!(have.7.is_empty() && have.8.is_empty(), "exact: no errors");
            }
        }
        assert_eq!(split, 6, "every unit scored in 2019 and 2020");
        // From one scenario to another; the same scenario: nothing to split.
        let back = explain(&b, Some(&to), &Scenario::default()).unwrap();
        assert_eq!(back.changes.len(), 5);
        let none = explain(&b, Some(&to), &to).unwrap();
        assert!(none.changes.is_empty());
        assert!(none.units.iter().all(|u| u.5.is_empty()));
        // A scenario that does not apply fails with the engine's words.
        let mut bad = scenario();
        bad.weights.insert("nope".into(), 1.0);
        let e = explain(&b, Some(&bad), &to).unwrap_err();
        assert!(e.contains("nope"), "{e}");
        // Through a session, as the page asks.
        let mut session = Session::new();
        let text = ToWorker {
            job: JobId(3),
            bundle: BundleRef::Text {
                key: "t".into(),
                json: b.to_json().unwrap(),
            },
            scenario: to.clone(),
            request: Request::Explain { from: None },
        }
        .to_json()
        .unwrap();
        assert_eq!(
            answers(&mut session, &text),
            [FromWorker::Job(
                JobId(3),
                Response::Done(Outcome::Explain(got))
            )]
        );
    }

    #[test]
    fn health_is_the_engines_audit() {
        use index_core::coherence::{coherence, leave_one_out};
        let b = bundle();
        let s = scenario();
        let got = health(&b, &s).unwrap();
        let results = s.resolve(&b).unwrap().run(&b).unwrap();
        let c = coherence(b.framework(), &results).unwrap();
        assert_eq!(got.year, 2020);
        assert_eq!(got.pairs.len(), c.correlations.len());
        for (have, want) in got.pairs.iter().zip(&c.correlations) {
            assert_eq!((have.0 as usize, have.1 as usize), (want.a, want.b));
            assert_eq!((have.3, have.4), (want.pearson.r, want.spearman.r));
            assert_eq!(
                have.5 & 2 != 0,
                want.flags
                    .contains(&index_core::coherence::Flag::NearDuplicate)
            );
        }
        assert_eq!(got.alphas.len(), c.alphas.len());
        assert_eq!(got.alphas[0].0 as usize, b.framework().root());
        for (have, want) in got.alphas.iter().zip(&c.alphas) {
            assert_eq!(have.1, want.alpha.alpha);
            assert_eq!(have.4.is_empty(), want.alpha.alpha.is_some());
        }
        assert_eq!(
            got.weights.len(),
            b.framework().len() - 1,
            "every node but the root"
        );
        for (have, want) in got.weights.iter().zip(&c.weights) {
            assert_eq!((have.1, have.3), (want.nominal_share, want.with_index.r));
        }
        let removals = leave_one_out(b.framework(), &results).unwrap();
        assert_eq!(got.removals.len(), removals.len());
        for (have, want) in got.removals.iter().zip(&removals) {
            assert_eq!(have.0 as usize, want.node);
            assert_eq!(have.1.map(|x| x.2), want.shift.as_ref().ok().map(|s| s.max));
        }
        // A pair flagged negative within its parent carries bit 1, as the engine flags it.
        let negative = c
            .flagged()
            .filter(|p| {
                p.flags
                    .contains(&index_core::coherence::Flag::NegativeWithin)
            })
            .count();
        assert_eq!(got.pairs.iter().filter(|p| p.5 & 1 != 0).count(), negative);
    }

    #[test]
    fn target_is_the_engines_answer() {
        use index_core::target::{target as engine, Goal, TargetStatus};
        let b = bundle();
        let s = scenario();
        let resolved = s.resolve(&b).unwrap();
        let results = resolved.run(&b).unwrap();
        let order = results.order();
        let code = |u: usize| b.dataset().units()[u].code.clone();
        let all: Vec<String> = ["x", "y", "z"].map(String::from).to_vec();
        let mut statuses = Vec::new();
        let mut depends = 0;
        for (i, &u) in order.iter().enumerate() {
            if results.rank(u).is_none() {
                continue;
            }
            let mut goals = vec![(TargetGoal::Rank(1), Goal::Rank(1))];
            if let Some(&above) = i.checked_sub(1).and_then(|a| order.get(a)) {
                goals.push((TargetGoal::Past(code(above)), Goal::Past(above)));
            }
            for (wire, goal) in goals {
                for chosen in [vec!["z".to_string()], all.clone()] {
                    let ids: Vec<&str> = chosen.iter().map(String::as_str).collect();
                    let want = engine(&b, &resolved, u, &ids, goal);
                    let got = target(&b, &s, &code(u), &chosen, &wire);
                    let (want, got) = match (want, got) {
                        (Ok(w), Ok(g)) => (w, g),
                        (Err(w), Err(g)) => {
                            assert_eq!(g, w.to_string());
                            continue;
                        }
                        (w, g) => panic!("{}: {w:?} against {g:?}", code(u)),
                    };
                    assert_eq!(got.unit, code(u));
                    assert_eq!(got.goal, wire);
                    assert_eq!(
                        (got.status, got.share, got.short_by, got.monotone, got.runs),
                        (
                            want.status,
                            want.share,
                            want.short_by,
                            want.monotone,
                            want.runs
                        )
                    );
                    let standing =
                        |s: &index_core::target::Standing| (s.score, s.rank, s.rival_score);
                    assert_eq!(got.before, standing(&want.before));
                    assert_eq!(got.after, standing(&want.after));
                    assert_eq!(got.moves.len(), want.moves.len());
                    for (g, w) in got.moves.iter().zip(&want.moves) {
                        assert_eq!(
                            g,
                            &(
                                w.indicator.clone(),
                                w.current,
                                w.needed,
                                w.change,
                                w.best,
                                w.worst,
                                w.carried_from
                            ),
                            "figure by figure"
                        );
                    }
                    let words: Vec<(String, String)> = want
                        .depends
                        .iter()
                        .map(|d| (d.indicator.clone(), d.reason.describe().to_string()))
                        .collect();
                    assert_eq!(got.depends, words);
                    depends += usize::from(!got.depends.is_empty());
                    // It travels unchanged.
                    let m = FromWorker::Job(JobId(1), Response::Done(Outcome::Target(got)));
                    assert_eq!(FromWorker::from_json(&m.to_json()).unwrap(), m);
                    statuses.push(want.status);
                }
            }
        }
        assert!(
            statuses.contains(&TargetStatus::AlreadyThere),
            "{statuses:?}"
        );
        assert!(statuses.contains(&TargetStatus::Reached), "{statuses:?}");
        assert!(
            depends > 0,
            "min–max: some answer depends on the rest of the data"
        );
        // The first is at rank 1 already.
        let first = order[0];
        assert_eq!(
            target(&b, &s, &code(first), &all, &TargetGoal::Rank(1))
                .unwrap()
                .status,
            TargetStatus::AlreadyThere
        );
        // What the page could get wrong fails with words.
        let last = code(*order.last().unwrap());
        let e = target(&b, &s, "ZZZ", &all, &TargetGoal::Rank(1)).unwrap_err();
        assert!(e.contains("`ZZZ` is not a unit"), "{e}");
        let e = target(&b, &s, &last, &all, &TargetGoal::Past("QQQ".into())).unwrap_err();
        assert!(e.contains("`QQQ` is not a unit"), "{e}");
        let e = target(&b, &s, &last, &["nope".into()], &TargetGoal::Rank(1)).unwrap_err();
        assert!(e.contains("nope"), "{e}");
        let e = target(&b, &s, &last, &all, &TargetGoal::Rank(0)).unwrap_err();
        assert!(e.contains("rank 0"), "{e}");
        // Through a session, as the page asks.
        let second = code(order[1]);
        let want = target(&b, &s, &second, &all, &TargetGoal::Rank(1)).unwrap();
        assert_eq!(want.status, TargetStatus::Reached);
        let mut session = Session::new();
        let text = ToWorker {
            job: JobId(4),
            bundle: BundleRef::Text {
                key: "t".into(),
                json: b.to_json().unwrap(),
            },
            scenario: s.clone(),
            request: Request::Target {
                unit: second,
                indicators: all,
                goal: TargetGoal::Rank(1),
            },
        }
        .to_json()
        .unwrap();
        assert_eq!(
            answers(&mut session, &text),
            [FromWorker::Job(
                JobId(4),
                Response::Done(Outcome::Target(want))
            )]
        );
    }

    #[test]
    fn a_scenario_that_does_not_apply_fails_with_the_engines_reason() {
        let b = bundle();
        let mut s = scenario();
        s.weights.insert("nope".into(), 1.0);
        let mut called = false;
        let e = score_years(&b, &s, &mut |_, _| called = true).unwrap_err();
        assert!(e.contains("nope"), "{e}");
        assert!(!called, "no progress before the scenario is checked");
        let other = Scenario {
            bundle: "hdi".into(),
            ..Scenario::default()
        };
        let e = score_years(&b, &other, &mut |_, _| {}).unwrap_err();
        assert!(e.contains("hdi"), "{e}");
    }

    /// The answers `session` gives to `message`.
    fn answers(session: &mut Session, message: &str) -> Vec<FromWorker> {
        let mut out = Vec::new();
        session.handle(message, &mut |m| out.push(m));
        out
    }

    fn request(job: u32, bundle: BundleRef) -> String {
        ToWorker {
            job: JobId(job),
            bundle,
            scenario: scenario(),
            request: Request::ScoreYears,
        }
        .to_json()
        .unwrap()
    }

    #[track_caller]
    fn check_failed(answers: &[FromWorker], job: u32, contains: &str) {
        match answers {
            [FromWorker::Job(j, Response::Failed(why))] => {
                assert_eq!(*j, JobId(job));
                assert!(why.contains(contains), "{why:?} should name {contains:?}");
            }
            other => panic!("expected one failure, got {other:?}"),
        }
    }

    #[test]
    fn a_session_fetches_a_bundle_once_and_answers_in_order() {
        let b = bundle();
        let json = b.to_json().unwrap();
        let mut session = Session::new();
        let by_url = |key: &str| BundleRef::Url {
            key: key.into(),
            url: "data/test.json".into(),
        };
        let first = request(1, by_url("test#1"));
        assert_eq!(
            session.wants(&first),
            Some(("test#1".into(), "data/test.json".into()))
        );
        // Handled without the fetch: the job fails, saying so.
        check_failed(
            &answers(&mut session, &first),
            1,
            "`test#1` was not fetched",
        );
        session.keep("test#1".into(), Ok(json.clone()));
        assert_eq!(session.wants(&first), None, "held now");
        let answered = answers(&mut session, &first);
        assert_eq!(answered.len(), 5, "four progress events, then the result");
        for (i, a) in answered.iter().take(4).enumerate() {
            assert_eq!(
                *a,
                FromWorker::Job(
                    JobId(1),
                    Response::Progress {
                        done: i as u32 + 1,
                        total: 4
                    }
                )
            );
        }
        let want = score_years(&b, &scenario(), &mut |_, _| {}).unwrap();
        let done = |job: u32| {
            FromWorker::Job(
                JobId(job),
                Response::Done(Outcome::ScoreYears(want.clone())),
            )
        };
        assert_eq!(answered[4], done(1));
        assert_eq!(session.bundle_key(), Some("test#1"));

        // A later request on the same key needs no fetch; another key does.
        let second = request(2, by_url("test#1"));
        assert_eq!(session.wants(&second), None);
        assert_eq!(answers(&mut session, &second).last(), Some(&done(2)));
        assert!(session.wants(&request(3, by_url("test#2"))).is_some());

        // A fetch that failed, or a text that is not a bundle: the jobs say why.
        session.keep("test#2".into(), Err("the server answered 404".into()));
        check_failed(
            &answers(&mut session, &request(3, by_url("test#2"))),
            3,
            "404",
        );
        assert!(
            session.wants(&request(4, by_url("test#2"))).is_some(),
            "fetched again"
        );
        let bad = BundleRef::Text {
            key: "bad".into(),
            json: "{\"id\": 3}".into(),
        };
        check_failed(&answers(&mut session, &request(4, bad)), 4, "bundle `bad`");
        assert_eq!(session.bundle_key(), None);
        // A bundle sent as text is kept too.
        let text = BundleRef::Text {
            key: "t".into(),
            json,
        };
        assert_eq!(session.wants(&request(5, text.clone())), None);
        assert_eq!(
            answers(&mut session, &request(5, text)).last(),
            Some(&done(5))
        );
        assert_eq!(session.bundle_key(), Some("t"));
    }

    #[test]
    fn malformed_messages_get_an_answer_naming_the_problem() {
        let mut session = Session::new();
        check_failed(
            &answers(&mut session, r#"{"job": 9, "request": "ScoreYears"}"#),
            9,
            "missing field `bundle`",
        );
        check_failed(
            &answers(
                &mut session,
                r#"{"job": 9, "bundle": {"Url": {"key": "k", "url": "u"}}, "scenario": {}, "request": "Shuffle"}"#,
            ),
            9,
            "unknown variant `Shuffle`",
        );
        for text in ["", "null", "[1, 2]", r#"{"job": "one"}"#, "{\"job\": 1"] {
            match answers(&mut session, text).as_slice() {
                [FromWorker::Unreadable(message)] => {
                    assert!(message.starts_with("not a request:"), "{message}")
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
        // Ready says the version the page checks.
        assert!(FromWorker::Ready(VERSION)
            .to_json()
            .contains(&VERSION.to_string()));
    }
}

#[cfg(test)]
mod import_tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

    use super::*;
    use crate::protocol::{base64_decode, base64_encode};

    const LONG: &[u8] = b"unit,indicator,year,value\nA,x,2020,1\nB,x,2020,2\nC,x,2020,3\n\
                          A,y,2020,3\nB,y,2020,1\nC,y,2020,oops\n";

    fn import_message(job: u32, files: Vec<ImportFile>, options: ImportOptions) -> String {
        ToWorker {
            job: JobId(job),
            // Not used by an import: any will do.
            bundle: BundleRef::Url {
                key: String::new(),
                url: String::new(),
            },
            scenario: Scenario::default(),
            request: Request::Import {
                files,
                framework: None,
                options,
            },
        }
        .to_json()
        .unwrap()
    }

    fn answers(message: &str) -> Vec<FromWorker> {
        let mut out = Vec::new();
        Session::new().handle(message, &mut |m| out.push(m));
        // Every answer travels.
        for a in &out {
            assert_eq!(&FromWorker::from_json(&a.to_json()).unwrap(), a);
        }
        out
    }

    #[test]
    fn base64_reads_back_what_it_writes() {
        for bytes in [
            &b""[..],
            b"a",
            b"ab",
            b"abc",
            b"abcd",
            &[0, 255, 128, 7, 64],
        ] {
            assert_eq!(base64_decode(&base64_encode(bytes)).unwrap(), bytes);
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_decode("TWE").unwrap(), b"Ma");
        assert!(base64_decode("TW!u")
            .unwrap_err()
            .contains("character 3 is `!`"));
        assert!(base64_decode("T").is_err());
    }

    #[test]
    fn an_import_answers_with_progress_per_file_then_the_bundle_and_its_report() {
        let message = import_message(
            5,
            vec![ImportFile::new("data.csv", LONG)],
            ImportOptions {
                title: Some("Mine".into()),
                ..ImportOptions::default()
            },
        );
        assert_eq!(Session::new().wants(&message), None, "nothing to fetch");
        let out = answers(&message);
        let progress: Vec<(u32, u32)> = out
            .iter()
            .filter_map(|a| match a {
                FromWorker::Job(JobId(5), Response::Progress { done, total }) => {
                    Some((*done, *total))
                }
                _ => None,
            })
            .collect();
        assert_eq!(progress, [(1, 2), (2, 2)]);
        let Some(FromWorker::Job(JobId(5), Response::Done(Outcome::Import(i)))) = out.last() else {
            panic!("{out:?}")
        };
        let bundle = Bundle::from_json(i.bundle.as_deref().unwrap()).unwrap();
        assert_eq!(bundle.title(), "Mine");
        assert_eq!(bundle.dataset().units().len(), 3);
        assert_eq!((i.errors, i.warnings), (0, 1));
        assert!(
            i.report
                .contains("data.csv:7, column 4 (`value`): `oops` is not a number"),
            "{}",
            i.report
        );
        // The same through the page's reader of the flat answer.
        assert!(out.last().unwrap().to_json().starts_with("[9,5,"));
    }

    #[test]
    fn files_that_cannot_be_used_give_the_report_and_a_wrong_request_fails() {
        let out = answers(&import_message(
            6,
            vec![ImportFile::new("empty.csv", b"")],
            ImportOptions::default(),
        ));
        let Some(FromWorker::Job(_, Response::Done(Outcome::Import(i)))) = out.last() else {
            panic!("{out:?}")
        };
        assert_eq!(i.bundle, None);
        assert_eq!(i.errors, 1);
        assert!(
            i.report.contains("error: empty.csv: the file is empty"),
            "{}",
            i.report
        );
        for (files, options, says) in [
            (
                vec![ImportFile {
                    name: "x.csv".into(),
                    base64: "###".into(),
                }],
                ImportOptions::default(),
                "x.csv: not base64",
            ),
            (
                vec![ImportFile::new("x.csv", LONG)],
                ImportOptions {
                    coverage: Some(1.5),
                    ..ImportOptions::default()
                },
                "coverage 1.5",
            ),
            (
                vec![ImportFile::new("x.csv", LONG)],
                ImportOptions {
                    layout: Some("tall".into()),
                    ..ImportOptions::default()
                },
                "unknown layout `tall`",
            ),
            (
                vec![ImportFile::new("x.csv", LONG); crate::protocol::MAX_IMPORT_FILES + 1],
                ImportOptions::default(),
                "at most 64",
            ),
        ] {
            match answers(&import_message(7, files, options)).as_slice() {
                [FromWorker::Job(JobId(7), Response::Failed(why))] => {
                    assert!(why.contains(says), "{why}");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
