//! Property tests: invariants of the engine on random datasets, frameworks and methods.
//!
//! Inputs are drawn by [`case`]: 0–40 units, 1–12 indicators, 1–3 years, random directions;
//! values mixing missing values, zeros, negatives, tiny and huge magnitudes, constant columns and
//! repeated values; random groups; random trees of depth 2–4 with random non-negative weights
//! (at least one positive child per aggregate) and denominators; random methods (every
//! normalisation, per-indicator goalposts and overrides, every aggregation with per-level
//! overrides, winsorisation with and without mirroring, every imputation, screening,
//! `min_child_share`, carrying forward, floors). Properties that need arithmetic to stay in
//! range ([`Magnitude::Moderate`]) draw values within 1e-12…1e12 in absolute value; the
//! "nothing non-finite escapes" property also draws values up to ±f64::MAX.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeMap;
use std::sync::Arc;

use index_core::dataset::{Dataset, DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::{Framework, NodeKind, NodeSpec, Weights};
use index_core::groups::{self, GroupComparison};
use index_core::matrix::Matrix;
use index_core::method::{
    Aggregation, Imputation, IndicatorMethod, Method, MethodSpec as Spec, Normalisation,
    NormaliseOver, Treatment,
};
use index_core::normalise::normalise_column;
use index_core::pipeline::{self, Prepared, Results, UnitStatus};
use index_core::scenario::{MethodChoice, Scenario};
use index_core::screen;
use index_core::treat::{self, TreatmentOutcome};
use index_core::Error;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;

#[path = "common/synth.rs"]
mod synth;

const FIRST_YEAR: i32 = 2018;
const FAMILY: &str = "fam";
const GROUP_A: &str = "A";
const GROUP_B: &str = "B";

// ---- inputs ---------------------------------------------------------------------------------

/// How large values may get.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Magnitude {
    /// |x| in {0} ∪ [1e-12, 1e12]: no step overflows.
    Moderate,
    /// Anything finite, up to ±f64::MAX and down to the smallest subnormal.
    Extreme,
}

fn value(m: Magnitude) -> BoxedStrategy<Option<f64>> {
    let moderate = prop_oneof![
        3 => Just(None),
        2 => Just(Some(0.0)),
        6 => (-100.0..100.0f64).prop_map(Some),
        2 => (-1e6..1e6f64).prop_map(Some),
        1 => (1e-12..1e-9f64).prop_map(Some),
        1 => (-1e-9..-1e-12f64).prop_map(Some),
        1 => (1e9..1e12f64).prop_map(Some),
        1 => (-1e12..-1e9f64).prop_map(Some),
        3 => select(vec![1.0, 2.0, 3.0, -1.0, 0.5]).prop_map(Some),
    ];
    match m {
        Magnitude::Moderate => moderate.boxed(),
        Magnitude::Extreme => prop_oneof![
            6 => moderate,
            1 => select(vec![
                f64::MAX,
                -f64::MAX,
                1e300,
                -1e300,
                1e-300,
                -1e-300,
                f64::MIN_POSITIVE,
                5e-324,
                1e154,
            ])
            .prop_map(Some),
            1 => any::<f64>().prop_map(|v| v.is_finite().then_some(v)),
        ]
        .boxed(),
    }
}

/// `n` values of one indicator: free, constant (with gaps), or two repeated values.
fn column(n: usize, m: Magnitude) -> BoxedStrategy<Vec<Option<f64>>> {
    prop_oneof![
        4 => vec(value(m), n),
        1 => (value(m), vec(any::<bool>(), n))
            .prop_map(|(v, mask)| mask.into_iter().map(|k| if k { v } else { None }).collect()),
        1 => (value(m), value(m), vec(0u8..3, n)).prop_map(|(a, b, picks)| {
            picks
                .into_iter()
                .map(|p| match p {
                    0 => a,
                    1 => b,
                    _ => None,
                })
                .collect()
        }),
    ]
    .boxed()
}

/// The data: values are `[indicator][year][unit]` flattened as `year * units + unit`.
#[derive(Debug, Clone)]
struct DataSpec {
    units: usize,
    years: usize,
    directions: Vec<Direction>,
    values: Vec<Vec<Option<f64>>>,
    /// Per unit: its group in family `fam` (0–2 or none), membership of `A` and of `B`.
    membership: Vec<(Option<u8>, bool, bool)>,
}

fn data_spec(
    units: std::ops::RangeInclusive<usize>,
    m: Magnitude,
) -> impl Strategy<Value = DataSpec> {
    (units, 1usize..=12, 1usize..=3).prop_flat_map(move |(nu, ni, ny)| {
        (
            vec(
                prop_oneof![Just(Direction::Higher), Just(Direction::Lower)],
                ni,
            ),
            vec(column(nu * ny, m), ni),
            vec(
                (proptest::option::of(0u8..3), any::<bool>(), any::<bool>()),
                nu,
            ),
        )
            .prop_map(move |(directions, values, membership)| DataSpec {
                units: nu,
                years: ny,
                directions,
                values,
                membership,
            })
    })
}

fn ind_id(i: usize) -> String {
    format!("x{i}")
}

impl DataSpec {
    /// Units, indicators, the source and the groups.
    fn metadata(&self) -> (Vec<Unit>, Vec<Indicator>, Vec<Source>, Vec<Group>) {
        let mut groups: Vec<Group> = (0..3)
            .map(|g| Group {
                id: format!("{FAMILY}:{g}"),
                name: format!("Group {g}"),
                family: FAMILY.into(),
            })
            .collect();
        for id in [GROUP_A, GROUP_B] {
            groups.push(Group {
                id: id.into(),
                name: id.into(),
                family: "compare".into(),
            });
        }
        let units: Vec<Unit> = self
            .membership
            .iter()
            .enumerate()
            .map(|(u, (g, a, b))| {
                let mut gs = Vec::new();
                if let Some(g) = g {
                    gs.push(format!("{FAMILY}:{g}"));
                }
                if *a {
                    gs.push(GROUP_A.into());
                }
                if *b {
                    gs.push(GROUP_B.into());
                }
                Unit {
                    short: None,
                    code: format!("U{u}"),
                    name: format!("Unit {u}"),
                    groups: gs,
                }
            })
            .collect();
        let indicators: Vec<Indicator> = self
            .directions
            .iter()
            .enumerate()
            .map(|(i, d)| Indicator {
                id: ind_id(i),
                name: ind_id(i),
                unit: "u".into(),
                direction: *d,
                source: "s".into(),
            })
            .collect();
        let source = Source {
            id: "s".into(),
            publisher: "P".into(),
            title: "T".into(),
            edition: "E".into(),
            licence: "L".into(),
            url: "U".into(),
        };
        (units, indicators, vec![source], groups)
    }

    /// The dataset, with `change` = (unit, indicator, year position, value) applied if given.
    fn build(&self, change: Option<(usize, usize, usize, f64)>) -> Dataset {
        let (units, indicators, sources, groups) = self.metadata();
        let years = (0..self.years)
            .map(|y| FIRST_YEAR + y as i32)
            .collect::<Vec<_>>();
        let mut b = DatasetBuilder::new(units, indicators, sources, groups, years).unwrap();
        for (i, col) in self.values.iter().enumerate() {
            for (k, v) in col.iter().enumerate() {
                let (y, u) = (k / self.units, k % self.units);
                let v = match change {
                    Some((cu, ci, cy, cv)) if (cu, ci, cy) == (u, i, y) => Some(cv),
                    _ => *v,
                };
                if let Some(v) = v {
                    b.set(&format!("U{u}"), &ind_id(i), FIRST_YEAR + y as i32, v)
                        .unwrap();
                }
            }
        }
        b.build()
    }

    fn value(&self, unit: usize, indicator: usize, year_pos: usize) -> Option<f64> {
        self.values[indicator][year_pos * self.units + unit]
    }
}

/// A framework tree of depth 2–4 over the first `leaves` indicators, drawn from raw choices.
#[derive(Debug, Clone)]
struct FrameworkSpec {
    depth: u8,
    leaves: usize,
    chunks: Vec<u8>,
    skips: Vec<bool>,
    weights: Vec<f64>,
    denominators: Vec<Option<usize>>,
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![2 => Just(0.0), 2 => Just(1.0), 6 => 0.001..1000.0f64]
}

fn framework_spec(indicators: usize) -> impl Strategy<Value = FrameworkSpec> {
    (
        2u8..=4,
        1..=indicators,
        vec(0u8..4, 64),
        vec(prop::bool::weighted(0.2), 64),
        vec(weight(), 64),
        vec(proptest::option::weighted(0.2, 0..indicators), 12),
    )
        .prop_map(
            |(depth, leaves, chunks, skips, weights, denominators)| FrameworkSpec {
                depth,
                leaves,
                chunks,
                skips,
                weights,
                denominators,
            },
        )
}

impl FrameworkSpec {
    fn build(&self) -> Framework {
        let mut specs: Vec<NodeSpec> = (0..self.leaves)
            .map(|i| NodeSpec {
                id: ind_id(i),
                name: ind_id(i),
                parent: None,
                weight: self.weights[i % self.weights.len()],
                kind: NodeKind::Indicator {
                    denominator: self.denominators[i].map(ind_id),
                },
            })
            .collect();
        // Group the current level's nodes into consecutive chunks of 1–4, each under a new
        // aggregate; a node may skip a level (so leaves sit at different depths).
        let mut current: Vec<usize> = (0..self.leaves).collect();
        let mut k = 0;
        for level in 2..self.depth {
            let mut next = Vec::new();
            let mut i = 0;
            while i < current.len() {
                k += 1;
                if self.skips[k % self.skips.len()] && i > 0 {
                    next.push(current[i]);
                    i += 1;
                    continue;
                }
                let size = 1 + usize::from(self.chunks[k % self.chunks.len()]);
                let agg = specs.len();
                specs.push(NodeSpec {
                    id: format!("L{level}n{agg}"),
                    name: format!("Aggregate {agg}"),
                    parent: None,
                    weight: self.weights[agg % self.weights.len()],
                    kind: NodeKind::Aggregate,
                });
                for &child in &current[i..(i + size).min(current.len())] {
                    specs[child].parent = Some(specs[agg].id.clone());
                }
                next.push(agg);
                i += size;
            }
            current = next;
        }
        specs.push(NodeSpec {
            id: "index".into(),
            name: "Index".into(),
            parent: None,
            weight: 1.0,
            kind: NodeKind::Aggregate,
        });
        for &child in &current {
            specs[child].parent = Some("index".into());
        }
        // At least one positive weight among each aggregate's children.
        let parents: Vec<Option<String>> = specs.iter().map(|s| s.parent.clone()).collect();
        for p in 0..specs.len() {
            let id = specs[p].id.clone();
            let kids: Vec<usize> = (0..specs.len())
                .filter(|c| parents[*c].as_deref() == Some(id.as_str()))
                .collect();
            if !kids.is_empty() && kids.iter().all(|c| specs[*c].weight == 0.0) {
                specs[kids[0]].weight = 1.0;
            }
        }
        Framework::new(specs).unwrap()
    }
}

fn range() -> impl Strategy<Value = (f64, f64)> {
    (-1000.0..1000.0f64, 0.001..1000.0f64).prop_map(|(low, span)| (low, low + span))
}

/// Every normalisation but goalposts (which are per indicator only).
fn normalisation() -> impl Strategy<Value = Normalisation> {
    prop_oneof![
        Just(Normalisation::None),
        Just(Normalisation::MinMax {
            low: 0.0,
            high: 100.0
        }),
        range().prop_map(|(low, high)| Normalisation::MinMax { low, high }),
        (-100.0..100.0f64, 0.01..100.0f64)
            .prop_map(|(mean, sd)| Normalisation::ZScore { mean, sd }),
        range().prop_map(|(low, high)| Normalisation::PercentileRank { low, high }),
        Just(Normalisation::Rank),
        range().prop_map(|(low, high)| Normalisation::DistanceToBest { low, high }),
    ]
}

fn goalposts() -> impl Strategy<Value = Normalisation> {
    (any::<bool>(), -100.0..100.0f64, 0.1..1000.0f64, range()).prop_map(
        |(log, min, span, (low, high))| {
            let min = if log { min.abs() + 0.01 } else { min };
            Normalisation::Goalposts {
                min,
                max: min + span,
                log,
                low,
                high,
            }
        },
    )
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    prop_oneof![
        Just(Aggregation::Arithmetic),
        Just(Aggregation::Geometric),
        Just(Aggregation::Harmonic),
    ]
}

fn treatment() -> impl Strategy<Value = Treatment> {
    prop_oneof![
        Just(Treatment::None),
        Just(Treatment::DEFAULT_WINSORISE),
        (0u32..8, 0.1..3.0f64, 0.1..6.0f64, any::<bool>()).prop_map(
            |(max_winsorised, skew, kurtosis, mirror_negative)| Treatment::Winsorise {
                max_winsorised,
                skew,
                kurtosis,
                mirror_negative,
            }
        ),
    ]
}

#[derive(Debug, Clone)]
struct MethodSpec {
    normalisation: Normalisation,
    aggregation: Aggregation,
    levels: Vec<(u8, Aggregation)>,
    per_indicator: Vec<Option<(Option<Normalisation>, Option<Treatment>)>>,
    treatment: Treatment,
    imputation: u8,
    screen: Option<f64>,
    floor: f64,
    min_child_share: f64,
    carry_forward: u32,
    denominate: bool,
}

fn method_spec() -> impl Strategy<Value = MethodSpec> {
    let per_indicator = proptest::option::weighted(
        0.3,
        (
            proptest::option::of(prop_oneof![normalisation(), goalposts()]),
            proptest::option::of(treatment()),
        ),
    );
    (
        (
            normalisation(),
            aggregation(),
            vec((2u8..=4, aggregation()), 0..3),
            vec(per_indicator, 12),
            treatment(),
        ),
        (
            0u8..3,
            proptest::option::of(prop_oneof![0.01..=1.0f64, Just(1.0), Just(0.5)]),
            select(vec![1e-6, 0.01, 1.0, 10.0]),
            prop_oneof![Just(0.0), 0.0..=1.0f64, Just(1.0)],
            0u32..=3,
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (normalisation, aggregation, levels, per_indicator, treatment),
                (imputation, screen, floor, min_child_share, carry_forward, denominate),
            )| MethodSpec {
                normalisation,
                aggregation,
                levels,
                per_indicator,
                treatment,
                imputation,
                screen,
                floor,
                min_child_share,
                carry_forward,
                denominate,
            },
        )
}

impl MethodSpec {
    fn build(&self, framework: &Framework) -> Method {
        let mut indicators = BTreeMap::new();
        for (i, choice) in self.per_indicator.iter().enumerate() {
            if let (Some((normalisation, treatment)), true) = (choice, i < framework.leaves().len())
            {
                indicators.insert(
                    ind_id(i),
                    IndicatorMethod {
                        normalisation: *normalisation,
                        treatment: *treatment,
                    },
                );
            }
        }
        Method::new(Spec {
            denominate: self.denominate,
            carry_forward: self.carry_forward,
            imputation: match self.imputation {
                0 => Imputation::None,
                1 => Imputation::IndicatorMean,
                _ => Imputation::GroupMean {
                    family: FAMILY.into(),
                },
            },
            screen: self.screen,
            treatment: self.treatment,
            normalisation: self.normalisation,
            // Within each year: `check_steps` rebuilds each year's normalisation from the
            // year's own values. Over all years is checked in `pipeline`'s own tests (by hand,
            // to the bit against within the year for one year, and the property that a unit
            // whose values stay put keeps its scores) and for finiteness in `resolve.rs`.
            normalise_over: NormaliseOver::EachYear,
            aggregation: self.aggregation,
            levels: self
                .levels
                .iter()
                .filter(|(l, _)| *l <= framework.depth())
                .copied()
                .collect(),
            indicators,
            floor: self.floor,
            min_child_share: self.min_child_share,
        })
        .unwrap()
    }
}

/// One drawn input, built.
#[derive(Debug, Clone)]
struct Case {
    data: DataSpec,
    year_pos: usize,
    dataset: Dataset,
    framework: Framework,
    method: Method,
}

impl Case {
    fn year(&self) -> i32 {
        FIRST_YEAR + self.year_pos as i32
    }
    fn run(&self, weights: &Weights) -> Result<Results, Error> {
        pipeline::run(
            &self.dataset,
            &self.framework,
            &self.method,
            weights,
            self.year(),
        )
    }
    fn run_ok(&self) -> Results {
        self.run(&self.framework.weights()).unwrap()
    }
}

fn case(units: std::ops::RangeInclusive<usize>, m: Magnitude) -> impl Strategy<Value = Case> {
    data_spec(units, m).prop_flat_map(|data| {
        let ni = data.directions.len();
        (
            Just(data.clone()),
            0..data.years,
            framework_spec(ni),
            method_spec(),
        )
            .prop_map(|(data, year_pos, fspec, mspec)| {
                let framework = fspec.build();
                let method = mspec.build(&framework);
                Case {
                    dataset: data.build(None),
                    data,
                    year_pos,
                    framework,
                    method,
                }
            })
    })
}

/// The method with the steps that make a unit's score depend on other units' values of the
/// same indicator in non-monotone ways switched off: no outlier treatment (winsorising can clamp
/// a raised value below its old value), no imputation, no denominators (a negative
/// denominator turns a rise into a fall).
fn without_cross_unit_steps(m: Method) -> Method {
    let mut s = Spec::from(m);
    s.set_treatment_everywhere(Treatment::None);
    s.imputation = Imputation::None;
    s.denominate = false;
    Method::new(s).unwrap()
}

// ---- helpers --------------------------------------------------------------------------------

/// `a ≈ b` to a relative `rel` of `scale` (and of |a|, |b|).
fn close(a: f64, b: f64, rel: f64, scale: f64) -> bool {
    (a - b).abs() <= rel * scale.abs().max(a.abs()).max(b.abs()).max(f64::MIN_POSITIVE)
}

/// Largest |score| among the present, positively weighted children of `node` for unit `u`.
fn child_scale(r: &Results, f: &Framework, w: &Weights, u: usize, node: usize) -> f64 {
    f.children(node)
        .iter()
        .filter(|c| w.get(**c) > 0.0)
        .filter_map(|c| r.score(u, *c))
        .fold(0.0, |m, x| m.max(x.abs()))
}

fn ancestors(f: &Framework, node: usize) -> Vec<usize> {
    let mut out = vec![node];
    let mut at = node;
    while let Some(p) = f.parent(at) {
        out.push(p);
        at = p;
    }
    out
}

fn treatment_figures(t: &TreatmentOutcome) -> Vec<f64> {
    match *t {
        TreatmentOutcome::NotAsked | TreatmentOutcome::TooFewValues => vec![],
        TreatmentOutcome::Passed { skew, kurtosis }
        | TreatmentOutcome::Winsorised { skew, kurtosis, .. }
        | TreatmentOutcome::LogTransformed { skew, kurtosis, .. } => vec![skew, kurtosis],
    }
}

fn gap_figures(g: &GroupComparison) -> Vec<Option<f64>> {
    g.nodes
        .iter()
        .flat_map(|n| {
            [
                Some(n.a.coverage),
                n.a.mean,
                n.a.median,
                Some(n.b.coverage),
                n.b.mean,
                n.b.median,
                n.difference,
                n.ratio,
            ]
        })
        .collect()
}

/// Everything a results value exposes as a number, for the finiteness check.
fn all_figures(case: &Case, r: &Results) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    let p: &Prepared = &r.prepared;
    let stages = [
        &p.raw.values,
        &p.denominated(),
        &p.imputed(),
        &p.treated(),
        p.normalised(),
    ];
    for u in 0..r.units() {
        for n in 0..case.framework.len() {
            if let Some(x) = r.score(u, n) {
                out.push((format!("score({u}, {n})"), x));
            }
        }
        for (node, x) in r.contributions(&case.framework, u) {
            out.push((format!("contribution({u}, {node})"), x));
        }
        if let UnitStatus::ScreenedOut { share } = r.status(u) {
            out.push((format!("screened share of {u}"), share));
        }
        for (c, m) in stages.iter().enumerate() {
            for (col, v) in m.row(u).enumerate() {
                if let Some(v) = v {
                    out.push((format!("stage {c} ({u}, {col})"), v));
                }
            }
        }
    }
    for s in &p.screened_out {
        out.push(("screened share".into(), s.share));
    }
    for (i, t) in p.treatment.iter().enumerate() {
        for x in treatment_figures(t) {
            out.push((format!("treatment of column {i}: {t:?}"), x));
        }
    }
    out
}

/// Ranks are a competition ranking of the index scores.
fn check_ranks(r: &Results) -> Result<(), TestCaseError> {
    let scores: Vec<Option<f64>> = (0..r.units()).map(|u| r.index(u)).collect();
    let n = scores.iter().flatten().count();
    prop_assert_eq!(r.ranked(), n);
    let best = scores
        .iter()
        .flatten()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    for (u, s) in scores.iter().enumerate() {
        match (s, r.rank(u)) {
            (None, None) => {}
            (Some(s), Some(rank)) => {
                prop_assert!((1..=n as u32).contains(&rank), "rank {rank} of {n}");
                let higher = scores.iter().flatten().filter(|x| **x > *s).count();
                prop_assert_eq!(rank as usize, higher + 1, "unit {} score {}", u, s);
                if *s == best {
                    prop_assert_eq!(rank, 1);
                }
                for (v, t) in scores.iter().enumerate() {
                    if *t == Some(*s) {
                        prop_assert_eq!(r.rank(v), Some(rank));
                    }
                }
            }
            (s, rank) => prop_assert!(false, "unit {u}: score {s:?} but rank {rank:?}"),
        }
    }
    Ok(())
}

/// `cases` cases (or `PROPTEST_CASES`, for a deeper run); failures are saved in
/// `proptest-regressions/properties.txt` (committed) and replayed first on every run.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
        ))),
        ..ProptestConfig::default()
    }
}

/// Each unit's status says why it is or is not ranked, and units out of the ranking (screened
/// out, or without any value) take no part: no normalised value, no score.
fn check_status(r: &Results) -> Result<(), TestCaseError> {
    let p = &r.prepared;
    for u in 0..r.units() {
        let status = r.status(u);
        prop_assert_eq!(
            status == UnitStatus::Ranked,
            r.rank(u).is_some(),
            "unit {}",
            u
        );
        let screened = p.screened_out.iter().find(|s| s.unit == u);
        if let Some(s) = screened {
            prop_assert_eq!(status, UnitStatus::ScreenedOut { share: s.share });
            prop_assert!(s.share + 1e-9 < s.threshold, "{:?}", s);
        }
        let no_data = p.raw.values.row(u).all(|v| v.is_none());
        if no_data {
            prop_assert_eq!(status, UnitStatus::NoData);
        }
        if screened.is_some() || no_data {
            prop_assert!(!p.active[u]);
        }
        if !p.active[u] {
            prop_assert!(
                p.normalised().row(u).all(|v| v.is_none()),
                "inactive unit {u}"
            );
            prop_assert_eq!(r.index(u), None);
        }
    }
    Ok(())
}

// ---- properties -----------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(384))]

    /// Whatever the input, `prepare` returns a result or an error, never panics, and nothing
    /// non-finite reaches a result: every score, contribution, share, treatment statistic and
    /// group figure is finite (or `None`). Ranks are always a competition ranking.
    #[test]
    fn nothing_non_finite_escapes(case in case(0..=40, Magnitude::Extreme)) {
        // The generated method is valid and the year held, so even with no units this is Ok.
        let r = case
            .run(&case.framework.weights())
            .map_err(|e| TestCaseError::fail(format!("unexpected error: {e}")))?;
        for (what, x) in all_figures(&case, &r) {
            prop_assert!(x.is_finite(), "{what} = {x}");
        }
        let g = groups::compare(&case.dataset, &case.framework, &r, GROUP_A, GROUP_B).unwrap();
        for (i, x) in gap_figures(&g).into_iter().enumerate() {
            prop_assert!(x.is_none_or(f64::is_finite), "group figure {i} = {x:?}: {g:?}");
        }
        check_ranks(&r)?;
        check_status(&r)?;
    }

    /// `prepare` is its steps in order: see [`check_steps`].
    #[test]
    fn prepare_is_its_steps_in_order(case in case(0..=40, Magnitude::Extreme)) {
        let p = pipeline::prepare(&case.dataset, &case.framework, &case.method, case.year())
            .map_err(|e| TestCaseError::fail(format!("unexpected error: {e}")))?;
        check_steps(&case.dataset, &case.framework, &case.method, &p)?;
    }

    /// `prepare_reusing` gives exactly what `prepare` gives, whatever the spare result held
    /// (another dataset's, of another size). Compared through `Debug`, which writes every
    /// value exactly and a missing one as NaN (NaN ≠ NaN under `PartialEq`).
    #[test]
    fn prepare_reusing_is_prepare(
        case in case(0..=40, Magnitude::Extreme),
        other in case(0..=40, Magnitude::Extreme),
    ) {
        let fresh = pipeline::prepare(&case.dataset, &case.framework, &case.method, case.year())
            .map_err(|e| TestCaseError::fail(format!("unexpected error: {e}")))?;
        let spare = pipeline::prepare(&other.dataset, &other.framework, &other.method, other.year())
            .map_err(|e| TestCaseError::fail(format!("unexpected error: {e}")))?;
        let reused = pipeline::prepare_reusing(
            &case.dataset,
            &case.framework,
            &case.method,
            case.year(),
            spare,
        )
        .map_err(|e| TestCaseError::fail(format!("unexpected error: {e}")))?;
        prop_assert_eq!(format!("{fresh:?}"), format!("{reused:?}"));
    }

    /// Ranks: scored units have ranks 1..=n, the best score rank 1, equal scores equal ranks,
    /// and rank r means exactly r − 1 units score strictly higher. Statuses as in
    /// [`check_status`].
    #[test]
    fn ranks_are_a_competition_ranking(case in case(1..=40, Magnitude::Moderate)) {
        let r = case.run_ok();
        check_ranks(&r)?;
        check_status(&r)?;
    }

    /// Arithmetic, geometric (children raised to the floor first) and harmonic means lie between
    /// the smallest and largest of the children present with positive weight; a parent has a
    /// score exactly when at least one such child is present and their share reaches
    /// `min_child_share`.
    #[test]
    fn aggregates_lie_between_their_children(case in case(1..=40, Magnitude::Moderate)) {
        let r = case.run_ok();
        let (f, w) = (&case.framework, &r.weights);
        for &node in f.aggregation_order() {
            let how = case.method.aggregation_at(f.level(node));
            let weighted: Vec<usize> =
                f.children(node).iter().copied().filter(|c| w.get(*c) > 0.0).collect();
            for u in 0..r.units() {
                let xs: Vec<f64> = weighted
                    .iter()
                    .filter_map(|c| r.score(u, *c))
                    .map(|x| match how {
                        Aggregation::Arithmetic => x,
                        _ => x.max(case.method.floor()),
                    })
                    .collect();
                let enough = !xs.is_empty()
                    && xs.len() as f64 + 1e-9 >= case.method.min_child_share() * weighted.len() as f64;
                let s = r.score(u, node);
                prop_assert_eq!(s.is_some(), enough, "node {} unit {}: {:?} from {:?}", node, u, s, xs);
                if let Some(s) = s {
                    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    let tol = 1e-9 * lo.abs().max(hi.abs());
                    prop_assert!(lo - tol <= s && s <= hi + tol,
                        "{how:?} node {node} unit {u}: {s} outside [{lo}, {hi}] of {xs:?}");
                }
            }
        }
    }

    /// Normalised values lie in the target range under min-max, percentile ranks, distance to
    /// the best and goalposts; ranks lie in 1..=n.
    #[test]
    fn normalised_values_lie_in_the_target_range(case in case(1..=40, Magnitude::Moderate)) {
        let r = case.run_ok();
        let normalised = r.prepared.normalised();
        for (c, &leaf) in case.framework.leaves().iter().enumerate() {
            let id = &case.framework.nodes()[leaf].id;
            let n = case.method.normalisation_for(id);
            let present: Vec<f64> = normalised.column(c).flatten().collect();
            let (low, high) = match n {
                Normalisation::MinMax { low, high }
                | Normalisation::PercentileRank { low, high }
                | Normalisation::DistanceToBest { low, high }
                | Normalisation::Goalposts { low, high, .. } => (low, high),
                Normalisation::Rank => (1.0, present.len() as f64),
                Normalisation::None | Normalisation::ZScore { .. } => continue,
            };
            let tol = 1e-12 * low.abs().max(high.abs());
            for x in present {
                prop_assert!(low - tol <= x && x <= high + tol, "{n:?}: {x} outside [{low}, {high}]");
            }
        }
    }

    /// Only ratios of sibling weights matter: multiplying all children's weights of one
    /// aggregate by c > 0 changes no score (to a relative 1e-9 of the children's scale) and no
    /// contribution. Ranks are unchanged, except between units whose scores are within that
    /// tolerance of each other (where rounding may break a tie either way); with c a power of
    /// two the scaling is exact in floating point and scores and ranks are bit-for-bit equal.
    #[test]
    fn scaling_sibling_weights_changes_nothing(
        case in case(1..=40, Magnitude::Moderate),
        pick in any::<prop::sample::Index>(),
        c in prop_oneof![0.001..1000.0f64, (-10i32..=9).prop_map(|k| 2f64.powi(k))],
    ) {
        let f = &case.framework;
        let node = *pick.get(f.aggregation_order());
        let base = f.weights();
        let mut scaled = base.as_slice().to_vec();
        for &child in f.children(node) {
            scaled[child] *= c;
        }
        let scaled = Weights::new(f, scaled).unwrap();
        let (r0, r1) = (case.run_ok(), case.run(&scaled).unwrap());
        let exact = c.log2().fract() == 0.0;
        for u in 0..r0.units() {
            for n in 0..f.len() {
                let (a, b) = (r0.score(u, n), r1.score(u, n));
                match (a, b) {
                    (Some(a), Some(b)) => {
                        let scale = child_scale(&r0, f, &base, u, n);
                        prop_assert!(close(a, b, 1e-9, scale), "unit {u} node {n}: {a} vs {b}");
                        if exact {
                            prop_assert_eq!(a, b);
                        }
                    }
                    _ => prop_assert_eq!(a, b, "unit {} node {}", u, n),
                }
            }
            let (c0, c1) = (r0.contributions(f, u), r1.contributions(f, u));
            prop_assert_eq!(c0.len(), c1.len());
            for ((n0, x0), (n1, x1)) in c0.iter().zip(&c1) {
                prop_assert_eq!(n0, n1);
                let scale = c0.iter().map(|(_, x)| x.abs()).fold(0.0, f64::max);
                prop_assert!(close(*x0, *x1, 1e-9, scale), "contribution of {n0} to {u}: {x0} vs {x1}");
            }
        }
        if exact {
            prop_assert_eq!(&r0.ranks, &r1.ranks);
        } else {
            let root = f.root();
            for u in 0..r0.units() {
                let Some(su) = r0.index(u) else {
                    prop_assert_eq!(r1.rank(u), None);
                    continue;
                };
                let scale = child_scale(&r0, f, &base, u, root);
                let near_ties = (0..r0.units())
                    .filter(|v| *v != u)
                    .filter(|v| r0.index(*v).is_some_and(|sv| close(su, sv, 2e-9, scale)))
                    .count() as i64;
                let (k0, k1) = (i64::from(r0.rank(u).unwrap()), i64::from(r1.rank(u).unwrap()));
                prop_assert!((k0 - k1).abs() <= near_ties,
                    "unit {u}: rank {k0} → {k1} with {near_ties} near ties");
            }
        }
    }

    /// Improving one unit's value of one indicator (raising it if higher is better, lowering
    /// it otherwise) never lowers that unit's score on the indicator or any node above it,
    /// under every normalisation and every aggregation (arithmetic, geometric and harmonic means
    /// are all non-decreasing in each child).
    ///
    /// This holds for the unit's *own* scores because its normalised value is non-decreasing in
    /// its own raw value under every normalisation, even those recomputed over all units
    /// (min-max and distance to the best: the unit's position between the column's min and max
    /// cannot fall when it rises; z-scores: `(x − x̄)/s` is increasing in x although x̄ and s
    /// move with it; ranks: the count of values below it cannot fall). It needs the steps that
    /// move a unit's value with the others' switched off: outlier treatment (winsorising can
    /// clamp a value that rose past the others below where it was), imputation and denominators
    /// (a negative denominator reverses the change). The value stays present (log goalposts
    /// only from a positive value).
    ///
    /// What happens to the *others* depends on the normalisation: with `None` or goalposts
    /// their scores do not change at all, so the unit's rank cannot fall; with min-max,
    /// distance to the best, percentile ranks and ranks their values on that indicator cannot
    /// rise (the column's min or max moves towards them, or the unit overtakes them), so the
    /// unit's rank cannot fall either, unless another unit is within rounding of its score.
    /// With z-scores others can rise (the spread shrinks when an outlier moves in), so no claim
    /// is made about them.
    #[test]
    fn improving_a_value_never_lowers_the_units_own_scores(
        case in case(1..=40, Magnitude::Moderate),
        pick_unit in any::<prop::sample::Index>(),
        pick_leaf in any::<prop::sample::Index>(),
        step in prop_oneof![1e-9..1e-6f64, 0.001..10.0f64],
    ) {
        let method = without_cross_unit_steps(case.method.clone());
        let f = &case.framework;
        let u = pick_unit.index(case.data.units);
        let c = pick_leaf.index(f.leaves().len());
        let leaf = f.leaves()[c];
        let ind = c; // leaves are indicators x0..x{leaves-1}, in order
        let y = case.year_pos;
        let Some(old) = case.data.value(u, ind, y) else {
            return Ok(()); // nothing to raise
        };
        let normalisation = method.normalisation_for(&ind_id(ind));
        let sign = case.data.directions[ind].sign();
        let new = old + sign * step * (1.0 + old.abs());
        prop_assume!(new != old);
        if matches!(normalisation, Normalisation::Goalposts { log: true, .. }) && old.min(new) <= 0.0 {
            return Ok(()); // the value would be missing before or after
        }
        let before = Case { method: method.clone(), ..case.clone() };
        let after = Case {
            dataset: case.data.build(Some((u, ind, y, new))),
            method,
            ..case.clone()
        };
        let (r0, r1) = (before.run_ok(), after.run_ok());
        let z = matches!(normalisation, Normalisation::ZScore { .. });
        let rel = if z { 1e-9 } else { 1e-12 };
        for n in ancestors(f, leaf) {
            let (a, b) = (r0.score(u, n), r1.score(u, n));
            match (a, b) {
                (Some(a), Some(b)) => {
                    let scale = child_scale(&r0, f, &r0.weights, u, n).max(a.abs());
                    prop_assert!(b >= a - rel * scale, "node {n}: {a} → {b} after {old} → {new}");
                }
                _ => prop_assert_eq!(a.is_some(), b.is_some(), "node {}: {:?} → {:?}", n, a, b),
            }
        }
        let others_fixed = matches!(normalisation, Normalisation::None | Normalisation::Goalposts { .. });
        let others_fall = matches!(normalisation,
            Normalisation::MinMax { .. } | Normalisation::DistanceToBest { .. }
            | Normalisation::PercentileRank { .. } | Normalisation::Rank);
        if others_fixed || others_fall {
            for v in (0..r0.units()).filter(|v| *v != u) {
                for n in 0..f.len() {
                    let (a, b) = (r0.score(v, n), r1.score(v, n));
                    if others_fixed {
                        prop_assert_eq!(a, b, "unit {} node {}", v, n);
                    } else if let (Some(a), Some(b)) = (a, b) {
                        let scale = child_scale(&r0, f, &r0.weights, v, n).max(a.abs());
                        prop_assert!(b <= a + 1e-12 * scale, "other unit {v} node {n}: {a} → {b}");
                    } else {
                        prop_assert_eq!(a.is_some(), b.is_some());
                    }
                }
            }
            if let (Some(k0), Some(k1), Some(s1)) = (r0.rank(u), r1.rank(u), r1.index(u)) {
                let near = (0..r1.units())
                    .filter(|v| *v != u)
                    .any(|v| r1.index(v).is_some_and(|sv| close(s1, sv, 1e-9, s1)));
                if others_fixed || !near {
                    prop_assert!(k1 <= k0, "rank {k0} → {k1}");
                }
            }
        }
    }
}

// ---- scenarios ------------------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9_-]{1,12}",
        any::<String>(),
        "[ &=%+?#:,/é—😀\\\\\"'<>]{1,8}",
    ]
}

/// A node or group id: anything but the separators of the query form (`,` between pairs and
/// groups, `:` between id and weight), which ids in a framework do not contain.
fn id() -> impl Strategy<Value = String> {
    prop_oneof!["[A-Za-z0-9_.-]{1,12}", "[^,:]{1,10}",]
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let method = (
        proptest::option::of(prop_oneof![normalisation(), goalposts()]),
        proptest::option::of(prop_oneof![
            Just(NormaliseOver::EachYear),
            Just(NormaliseOver::AllYears)
        ]),
        proptest::option::of(aggregation()),
        proptest::option::of(treatment()),
        proptest::option::of(prop_oneof![
            Just(Imputation::None),
            Just(Imputation::IndicatorMean),
            "[^\\x00]{1,10}".prop_map(|family| Imputation::GroupMean { family }),
        ]),
        proptest::option::of(0.0..=1.0f64),
        proptest::option::of(0u32..=50),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(
            |(
                normalisation,
                normalise_over,
                aggregation,
                treatment,
                imputation,
                screen,
                carry_forward,
                denominate,
            )| {
                MethodChoice {
                    normalisation,
                    normalise_over,
                    aggregation,
                    treatment,
                    imputation,
                    screen,
                    carry_forward,
                    denominate,
                }
            },
        );
    (
        prop_oneof![Just(String::new()), text()],
        prop_oneof![Just(String::new()), text()],
        proptest::option::of(any::<i32>()),
        proptest::collection::btree_map(
            id(),
            prop_oneof![
                0.0..10.0f64,
                0.0..1e6f64,
                Just(0.0),
                Just(2.0),
                1e-8..1e-3f64
            ],
            0..6,
        ),
        method,
        proptest::option::of((id(), id())),
        proptest::option::of(text().prop_filter("a selection is a code", |t| !t.is_empty())),
    )
        .prop_map(
            |(name, bundle, year, weights, method, groups, selection)| Scenario {
                name,
                bundle,
                year,
                weights,
                method,
                groups: groups.map(|(a, b)| vec![a, b]),
                selection,
            },
        )
}

proptest! {
    #![proptest_config(config(512))]

    /// JSON keeps every field exactly, alone and in a collection.
    #[test]
    fn scenario_json_round_trips(s in scenario(), others in vec(scenario(), 0..3)) {
        prop_assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s.clone());
        let mut all = vec![s];
        all.extend(others);
        prop_assert_eq!(Scenario::many_from_json(&Scenario::many_to_json(&all)).unwrap(), all);
    }

    /// The URL form keeps every field exactly (numbers are written by `short_number`, which
    /// reads back as the same number), and reads back without errors.
    #[test]
    fn scenario_query_round_trips(s in scenario()) {
        let q = s.to_query();
        let (back, errors) = Scenario::from_query(&q);
        prop_assert!(errors.is_empty(), "{q}: {errors:?}");
        prop_assert_eq!(back, s, "{}", q);
    }

    /// Reading any text as a query, or as scenario JSON, returns (never panics); every problem
    /// is a parse or version error.
    #[test]
    fn reading_arbitrary_text_never_panics(
        q in prop_oneof![
            any::<String>(),
            vec(
                (
                    select(vec!["v", "b", "y", "w", "n", "a", "o", "i", "s", "c", "dn", "g", "u", "name", "zz", ""]),
                    "[-%0-9A-Fa-z:,.=+?~ \u{e9}]{0,24}",
                ),
                0..8,
            )
            .prop_map(|kv| kv.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")),
        ],
    ) {
        let (_, errors) = Scenario::from_query(&q);
        for e in errors {
            prop_assert!(matches!(e, Error::Parse { .. }), "{e:?}");
        }
        let _ = Scenario::from_json(&q);
        let _ = Scenario::many_from_json(&q);
        let _ = Scenario::from_json(&format!("{{\"format\": 1, {q}}}"));
    }
}

// ---- edge cases that are not random ---------------------------------------------------------

fn tiny_framework() -> Framework {
    Framework::new(vec![
        NodeSpec {
            id: "x0".into(),
            name: "x0".into(),
            parent: Some("index".into()),
            weight: 1.0,
            kind: NodeKind::Indicator { denominator: None },
        },
        NodeSpec {
            id: "index".into(),
            name: "Index".into(),
            parent: None,
            weight: 1.0,
            kind: NodeKind::Aggregate,
        },
    ])
    .unwrap()
}

/// A dataset with `units` units, `indicators` indicators, the given years and no values.
fn empty_dataset(units: usize, years: Vec<i32>, indicators: usize) -> Dataset {
    let spec = DataSpec {
        units,
        years: 0,
        directions: vec![Direction::Higher; indicators],
        values: vec![vec![]; indicators],
        membership: vec![(Some(0), true, false); units],
    };
    let (units, indicators, sources, groups) = spec.metadata();
    DatasetBuilder::new(units, indicators, sources, groups, years)
        .unwrap()
        .build()
}

#[test]
fn empty_datasets_give_errors_or_empty_results_never_panics() {
    let f = tiny_framework();
    let every_method = [
        Method::default(),
        Method::new(Spec {
            imputation: Imputation::GroupMean {
                family: FAMILY.into(),
            },
            screen: Some(0.5),
            treatment: Treatment::DEFAULT_WINSORISE,
            carry_forward: 3,
            min_child_share: 1.0,
            ..Spec::default()
        })
        .unwrap(),
    ];
    for method in &every_method {
        // No years: nothing to take a cross-section of.
        for units in [0, 3] {
            let d = empty_dataset(units, vec![], 1);
            assert_eq!(
                pipeline::prepare(&d, &f, method, 2020).unwrap_err(),
                Error::EmptyDataset
            );
            assert_eq!(pipeline::latest_year(&d, &f), None);
        }
        // No units: an empty ranking and empty group figures.
        let d = empty_dataset(0, vec![2020], 1);
        let r = pipeline::run(&d, &f, method, &f.weights(), 2020).unwrap();
        assert_eq!((r.units(), r.ranked()), (0, 0));
        let g = groups::compare(&d, &f, &r, GROUP_A, GROUP_B).unwrap();
        assert_eq!(g.index().unwrap().a.members, 0);
        assert_eq!(g.index().unwrap().a.mean, None);
        assert_eq!(g.index().unwrap().difference, None);
        // Units but every value missing: nobody ranked, each says why.
        let d = empty_dataset(3, vec![2020], 1);
        let r = pipeline::run(&d, &f, method, &f.weights(), 2020).unwrap();
        assert_eq!(r.ranked(), 0);
        assert!((0..3).all(|u| r.status(u) == UnitStatus::NoData));
        assert!(r.contributions(&f, 0).is_empty());
        // A year the dataset does not hold.
        assert!(matches!(
            pipeline::prepare(&d, &f, method, 1999),
            Err(Error::UnknownYear { year: 1999, .. })
        ));
    }
    // A framework whose indicator the dataset lacks (a dataset with no indicators at all).
    let d = empty_dataset(2, vec![2020], 0);
    assert!(matches!(
        pipeline::prepare(&d, &f, &Method::default(), 2020),
        Err(Error::UnknownIndicator { .. })
    ));
}

/// The benchmarks' synthetic index is deterministic, exercises every step, and satisfies the
/// invariants above.
#[test]
fn synthetic_bench_data_is_seeded_and_well_formed() {
    let s = synth::synthetic(300, 20, 4, 7);
    assert_eq!(s.dataset, synth::synthetic(300, 20, 4, 7).dataset);
    assert_ne!(s.dataset, synth::synthetic(300, 20, 4, 8).dataset);
    let p = Arc::new(pipeline::prepare(&s.dataset, &s.framework, &s.method, synth::YEAR).unwrap());
    assert!(p.raw.carried_forward() > 0, "values carried forward");
    assert!(
        p.denominator_lost.iter().sum::<usize>() > 0,
        "denominators used"
    );
    assert!(p.imputed_count.iter().sum::<usize>() > 0, "values imputed");
    assert!(!p.screened_out.is_empty(), "sparse units screened out");
    assert!(
        p.treatment.iter().any(TreatmentOutcome::changed),
        "outliers treated"
    );
    let r = p.score(&s.framework, &s.framework.weights()).unwrap();
    let ranked = r.ranked();
    assert!(ranked > 280 && ranked < 300, "{ranked} ranked");
    for u in 0..r.units() {
        if let Some(x) = r.index(u) {
            assert!((0.0..=100.0).contains(&x), "{x}");
        }
    }
    let g = groups::compare(
        &s.dataset,
        &s.framework,
        &r,
        synth::GROUPS[0],
        synth::GROUPS[1],
    )
    .unwrap();
    assert_eq!(g.index().unwrap().a.members, 60);
    assert!(g.nodes.len() == 5 && g.index().unwrap().difference.is_some());
}

/// The stages `Prepared` rebuilds on demand are the ones its normalised values came from: each
/// step, applied with the public step functions to the stage before, gives the next, to the bit
/// (but for the sign of a zero).
fn check_steps(
    dataset: &Dataset,
    framework: &Framework,
    method: &Method,
    p: &Prepared,
) -> Result<(), TestCaseError> {
    let (raw, den, imp, tre) = (&p.raw.values, p.denominated(), p.imputed(), p.treated());
    let bits = |v: Option<f64>| v.map(|x| (x + 0.0).to_bits());
    let matrix_bits =
        |m: &Matrix, c: usize| -> Vec<Option<u64>> { m.column(c).map(bits).collect() };
    let col_bits = |col: &[f64]| -> Vec<Option<u64>> {
        col.iter()
            .map(|v| bits(v.is_finite().then_some(*v)))
            .collect()
    };
    // Screening: of the imputed values, among units with any data.
    let mut active: Vec<bool> = (0..raw.rows())
        .map(|u| raw.row(u).any(|v| v.is_some()))
        .collect();
    let out = match method.screen() {
        Some(min_share) => screen::screen(&imp, min_share, &mut active),
        None => Vec::new(),
    };
    prop_assert_eq!((&out, &active), (&p.screened_out, &p.active));
    for (c, &leaf) in framework.leaves().iter().enumerate() {
        let id = &framework.nodes()[leaf].id;
        // Denomination loses what it says; imputation fills what it says and changes nothing.
        let lost = raw.present_in_column(c) - den.present_in_column(c);
        prop_assert_eq!(lost, p.denominator_lost[c], "{}", id);
        let filled = imp.present_in_column(c) - den.present_in_column(c);
        prop_assert_eq!(filled, p.imputed_count[c], "{}", id);
        for (d, i) in den.column(c).zip(imp.column(c)) {
            prop_assert!(d.is_none() || d == i, "{}: {:?} imputed as {:?}", id, d, i);
        }
        // Treatment of the imputed values of the units still in, then normalisation.
        let mut col: Vec<f64> = imp
            .column(c)
            .zip(&p.active)
            .map(|(v, a)| v.filter(|_| *a).unwrap_or(f64::NAN))
            .collect();
        let outcome = treat::treat_column(&mut col, &method.treatment_for(id));
        prop_assert_eq!(outcome, p.treatment[c], "{}", id);
        prop_assert_eq!(col_bits(&col), matrix_bits(&tre, c), "{}: treated", id);
        let direction = dataset.indicator(id).unwrap().direction;
        normalise_column(&mut col, &method.normalisation_for(id), direction);
        prop_assert_eq!(
            col_bits(&col),
            matrix_bits(p.normalised(), c),
            "{}: normalised",
            id
        );
    }
    Ok(())
}

/// [`check_steps`] on the benchmarks' synthetic index, where every step does something.
#[test]
fn rebuilt_stages_chain_to_the_normalised_values() {
    let s = synth::synthetic(300, 20, 4, 7);
    let p = pipeline::prepare(&s.dataset, &s.framework, &s.method, synth::YEAR).unwrap();
    check_steps(&s.dataset, &s.framework, &s.method, &p).unwrap();
}
