//! The uncertainty analysis (`index_core::uncertainty`), per draw, on synthetic data of two
//! shapes (`tests/common/synth.rs`, ~5 % missing, every step on): a country index's, 170 units
//! × 5 pillars of 5 indicators (the FTRI's size), and the JRC's ASEM example's, 51 units × 49
//! indicators in 8 pillars (COINr's `get_sensitivity` takes 120–150 ms per replicate on ASEM on
//! these machines).
//!
//! - `weights/<shape>`: 1 000 draws of the weights ±25 % (aggregation and ranking per draw).
//! - `everything/<shape>`: 1 000 draws of the weights, normalisation, aggregation,
//!   winsorisation limit and imputation (each distinct method prepared once, then kept).
//!
//! `cargo bench -p index-core --bench uncertainty -- --warm-up-time 1`

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not library code

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use index_core::method::{Aggregation, Normalisation};
use index_core::uncertainty::{Plan, Run};

#[path = "../tests/common/synth.rs"]
mod synth;

const SEED: u64 = 20_261_201;
const DRAWS: u32 = 1_000;
/// (label, units, indicators, pillars).
const SHAPES: [(&str, usize, usize, usize); 2] = [("170x25", 170, 25, 5), ("51x49", 51, 49, 8)];

fn plans() -> [(&'static str, Plan); 2] {
    let weights = Plan {
        draws: DRAWS,
        ..Plan::default()
    };
    let everything = Plan {
        normalisations: vec![
            Normalisation::default(),
            Normalisation::PercentileRank {
                low: 0.0,
                high: 100.0,
            },
        ],
        aggregations: vec![Aggregation::Arithmetic, Aggregation::Geometric],
        winsorisation: Some((0, 5)),
        imputation: true,
        ..weights.clone()
    };
    [("weights", weights), ("everything", everything)]
}

fn bench(c: &mut Criterion) {
    for (label, units, indicators, pillars) in SHAPES {
        let s = synth::synthetic(units, indicators, pillars, SEED);
        let w = s.framework.weights();
        for (name, plan) in plans() {
            let mut group = c.benchmark_group(name);
            group.sample_size(10);
            group.bench_function(BenchmarkId::from_parameter(label), |b| {
                b.iter(|| {
                    let mut run = Run::new(
                        &s.dataset,
                        &s.framework,
                        &s.method,
                        &w,
                        synth::YEAR,
                        &[],
                        &plan,
                    )
                    .unwrap();
                    while !run.advance(u32::MAX) {}
                    black_box(run.finish().summary())
                });
            });
            group.finish();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
