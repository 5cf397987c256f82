//! A seeded synthetic index for benchmarks and tests: a dataset of realistic shape (skewed and
//! symmetric indicators, both directions, ~5% missing values, denominators, two comparison groups
//! and a region family for imputation), a framework of indicators → pillars → index, and a method
//! with every step on.
//!
//! Shared by `benches/recompute.rs` and `tests/properties.rs` (`#[path]`-included), so the
//! benchmarked data is also checked by a test. Randomness is ChaCha8 from a fixed seed, so the
//! same arguments always give the same data.

use index_core::dataset::{Dataset, DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::{Framework, NodeKind, NodeSpec};
use index_core::method::{Aggregation, Imputation, Method, MethodSpec, Normalisation, Treatment};
use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The comparison groups, in the `status` family.
pub const GROUPS: [&str; 2] = ["LDC", "developed"];
/// The family imputation takes group means over.
pub const REGION_FAMILY: &str = "region";
/// The year holding the values (the year before holds older values to carry forward).
pub const YEAR: i32 = 2022;

const REGIONS: usize = 6;
/// Denominator indicators (not in the framework).
const DENOMINATORS: [&str; 2] = ["pop", "gdp"];

/// A synthetic index: what the pipeline needs.
pub struct Synthetic {
    /// The data.
    pub dataset: Dataset,
    /// `indicators` leaves → `pillars` pillars → one index.
    pub framework: Framework,
    /// Every step on: denominate, carry forward one year, group-mean imputation, screen 0.5,
    /// winsorise, min-max, arithmetic.
    pub method: Method,
}

/// Uniform in [0, 1).
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Standard normal (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - unit(rng); // (0, 1]
    let u2 = unit(rng);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// One unit in 97 is sparse: 75% of its values missing (a fifth of those carried forward).
fn sparse(u: usize) -> bool {
    u % 97 == 13
}

/// How an indicator's values are drawn.
#[derive(Clone, Copy)]
enum Shape {
    /// Normal around `mean` with sd `sd`.
    Normal { mean: f64, sd: f64 },
    /// Log-normal: heavy right tail, the kind winsorisation treats.
    LogNormal { mu: f64, sigma: f64 },
    /// A share in [0, 100].
    Share,
}

fn draw(rng: &mut ChaCha8Rng, shape: Shape) -> f64 {
    match shape {
        Shape::Normal { mean, sd } => mean + sd * normal(rng),
        Shape::LogNormal { mu, sigma } => (mu + sigma * normal(rng)).exp(),
        Shape::Share => 100.0 * unit(rng),
    }
}

/// Builds a synthetic index of `units` units and `indicators` framework indicators in
/// `pillars` pillars (indicators dealt round-robin), from `seed`.
///
/// About 5% of values are missing in the latest year (75% for one unit in 97, which screening
/// drops); a fifth of those have a value the year before (carried forward). Every tenth indicator is divided by a denominator. Units are 20%
/// `LDC`, 20% `developed`, and each is in one of six regions; a few units in no region.
pub fn synthetic(units: usize, indicators: usize, pillars: usize, seed: u64) -> Synthetic {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let pillars = pillars.clamp(1, indicators.max(1));

    let mut groups = vec![
        Group {
            id: GROUPS[0].into(),
            name: "Least developed countries".into(),
            family: "status".into(),
        },
        Group {
            id: GROUPS[1].into(),
            name: "Developed economies".into(),
            family: "status".into(),
        },
    ];
    groups.extend((0..REGIONS).map(|r| Group {
        id: format!("region:{r}"),
        name: format!("Region {r}"),
        family: REGION_FAMILY.into(),
    }));

    let unit_list: Vec<Unit> = (0..units)
        .map(|u| {
            let mut g = Vec::new();
            match u % 5 {
                0 => g.push(GROUPS[0].to_string()),
                1 => g.push(GROUPS[1].to_string()),
                _ => {}
            }
            // One unit in 50, and the sparse units, belong to no region: group-mean imputation
            // leaves their gaps, and screening drops the sparse ones.
            if u % 50 != 49 && !sparse(u) {
                g.push(format!("region:{}", (u * 7 + u / 5) % REGIONS));
            }
            Unit {
                short: None,
                code: format!("U{u:05}"),
                name: format!("Unit {u}"),
                groups: g,
            }
        })
        .collect();

    let source = Source {
        id: "synth".into(),
        publisher: "index-core benches".into(),
        title: "Synthetic data".into(),
        edition: format!("seed {seed}"),
        licence: "CC0".into(),
        url: String::new(),
    };
    let mut shapes = Vec::with_capacity(indicators);
    let mut ind_list = Vec::with_capacity(indicators + DENOMINATORS.len());
    for i in 0..indicators {
        let shape = match i % 3 {
            0 => Shape::LogNormal {
                mu: 2.0 + 3.0 * unit(&mut rng),
                sigma: 0.5 + 1.5 * unit(&mut rng),
            },
            1 => Shape::Normal {
                mean: 50.0 * normal(&mut rng),
                sd: 1.0 + 20.0 * unit(&mut rng),
            },
            _ => Shape::Share,
        };
        shapes.push(shape);
        ind_list.push(Indicator {
            id: format!("i{i:03}"),
            name: format!("Indicator {i}"),
            unit: "synthetic".into(),
            direction: if i % 4 == 3 {
                Direction::Lower
            } else {
                Direction::Higher
            },
            source: source.id.clone(),
        });
    }
    for d in DENOMINATORS {
        ind_list.push(Indicator {
            id: d.into(),
            name: d.into(),
            unit: "synthetic".into(),
            direction: Direction::Higher,
            source: source.id.clone(),
        });
    }

    let years = vec![YEAR - 1, YEAR];
    let mut b = DatasetBuilder::new(unit_list, ind_list, vec![source], groups, years)
        .unwrap_or_else(|e| unreachable!("synthetic metadata is valid: {e}"));
    let set = |b: &mut DatasetBuilder, u: usize, id: &str, year: i32, v: f64| {
        b.set(&format!("U{u:05}"), id, year, v)
            .unwrap_or_else(|e| unreachable!("synthetic value is valid: {e}"));
    };
    for (i, shape) in shapes.iter().enumerate() {
        let id = format!("i{i:03}");
        for u in 0..units {
            let v = draw(&mut rng, *shape);
            let r = unit(&mut rng);
            let missing = if sparse(u) { 0.75 } else { 0.05 };
            if r >= missing {
                set(&mut b, u, &id, YEAR, v);
            } else if r < missing / 5.0 {
                // Missing this year, present the year before: carried forward.
                set(&mut b, u, &id, YEAR - 1, v * (0.9 + 0.2 * unit(&mut rng)));
            }
        }
    }
    for (d, id) in DENOMINATORS.iter().enumerate() {
        for u in 0..units {
            // Population and GDP: log-normal, strictly positive, a few missing.
            let v = (14.0 + 3.0 * d as f64 + 2.0 * normal(&mut rng)).exp();
            if unit(&mut rng) >= 0.01 {
                set(&mut b, u, id, YEAR, v);
            }
        }
    }
    let dataset = b.build();

    let mut specs: Vec<NodeSpec> = (0..indicators)
        .map(|i| NodeSpec {
            id: format!("i{i:03}"),
            name: format!("Indicator {i}"),
            parent: Some(format!("p{:02}", i % pillars)),
            weight: 1.0 + (i % 3) as f64,
            kind: NodeKind::Indicator {
                denominator: (i % 10 == 9).then(|| DENOMINATORS[(i / 10) % 2].to_string()),
            },
        })
        .collect();
    specs.extend((0..pillars).map(|p| NodeSpec {
        id: format!("p{p:02}"),
        name: format!("Pillar {p}"),
        parent: Some("index".into()),
        weight: 1.0,
        kind: NodeKind::Aggregate,
    }));
    specs.push(NodeSpec {
        id: "index".into(),
        name: "Synthetic index".into(),
        parent: None,
        weight: 1.0,
        kind: NodeKind::Aggregate,
    });
    let framework =
        Framework::new(specs).unwrap_or_else(|e| unreachable!("synthetic framework: {e}"));

    let method = Method::new(MethodSpec {
        denominate: true,
        carry_forward: 1,
        imputation: Imputation::GroupMean {
            family: REGION_FAMILY.into(),
        },
        screen: Some(0.5),
        treatment: Treatment::DEFAULT_WINSORISE,
        normalisation: Normalisation::MinMax {
            low: 0.0,
            high: 100.0,
        },
        aggregation: Aggregation::Arithmetic,
        ..MethodSpec::default()
    })
    .unwrap_or_else(|e| unreachable!("synthetic method: {e}"));
    Synthetic {
        dataset,
        framework,
        method,
    }
}
