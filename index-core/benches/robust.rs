//! Rank bounds and benefit-of-the-doubt weights (feature `lp`) on seeded synthetic criteria of
//! a country index's shape: 150 units, 5 and 7 criteria, scores 0–100 built from one common
//! factor and noise (pillars correlate, as real ones do, which is what makes the programmes
//! hard).
//!
//! - `bounds_all/<criteria>`: every unit's best and worst rank on the free simplex, each
//!   programme until proven.
//! - `bod_all/<criteria>`: every unit's benefit-of-the-doubt score.
//!
//! `cargo bench -p index-core --features lp --bench robust -- --warm-up-time 1`

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not library code

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use index_core::bod;
use index_core::bounds::{Bounds, Budget};
use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const SEED: u64 = 20_261_201;
const UNITS: usize = 150;

/// `units` rows of `criteria` scores in [0, 100]: 0.6 · a common factor + 0.4 · noise.
fn table(units: usize, criteria: usize) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut uniform = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    (0..units)
        .map(|_| {
            let common = uniform();
            (0..criteria)
                .map(|_| 100.0 * (0.6 * common + 0.4 * uniform()))
                .collect()
        })
        .collect()
}

const UNTIL_PROVEN: Budget = Budget {
    time: None,
    nodes: None,
};

fn robust(c: &mut Criterion) {
    let mut bounds = c.benchmark_group("bounds_all");
    bounds.sample_size(10);
    for n in [5, 7] {
        let values = table(UNITS, n);
        let problem = Bounds::new(values, vec![0.0; n], vec![1.0; n]).unwrap();
        let current = vec![1.0 / n as f64; n];
        bounds.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                for u in 0..UNITS {
                    black_box(problem.unit(u, &current, UNTIL_PROVEN).unwrap());
                }
            })
        });
    }
    bounds.finish();
    let mut bod = c.benchmark_group("bod_all");
    bod.sample_size(20);
    for n in [5, 7] {
        let values = table(UNITS, n);
        bod.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| black_box(bod::scores(&values, 0.0, Budget::default()).unwrap()))
        });
    }
    bod.finish();
}

criterion_group!(benches, robust);
criterion_main!(benches);
