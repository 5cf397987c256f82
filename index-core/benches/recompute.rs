//! What the app does on every change, timed on synthetic data of realistic shape
//! (`tests/common/synth.rs`: 100 indicators → 10 pillars → index, ~5% missing, every step on).
//!
//! - `full_recompute`: a method or year change — `pipeline::prepare` (denominate → impute →
//!   screen → treat → normalise) + `Prepared::score` (aggregate → rank) + `groups::compare`.
//! - `full_recompute_reusing`: the same with `pipeline::prepare_reusing`, writing into the last
//!   run's tables: what repeated runs (a method sweep, Monte Carlo) pay. At 50 000 units each
//!   table is 40 MB, and taking that much fresh memory from the operating system (page faults,
//!   zeroing) costs about as much as the steps themselves.
//! - `weight_change`: a slider move — `Prepared::score` + `groups::compare` on data already
//!   prepared.
//!
//! Each at 200 units (a country index) and 50 000 units (a stress case). Targets natively:
//! full recompute < 0.2 ms at 200 × 100, < 100 ms at 50 000 × 100.
//!
//! `cargo bench -p index-core --bench recompute -- --warm-up-time 1 --measurement-time 5`

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not library code

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use index_core::framework::Weights;
use index_core::pipeline::Prepared;
use index_core::{groups, pipeline};

#[path = "../tests/common/synth.rs"]
mod synth;

const SEED: u64 = 20_240_601;
const SIZES: [usize; 2] = [200, 50_000];

/// The synthetic index of each size and its prepared data, built on first use so that a
/// filtered run (`-- full_recompute/200`) builds only what it measures.
struct Fixture {
    s: synth::Synthetic,
    prepared: Arc<Prepared>,
}

fn fixture(units: usize) -> Fixture {
    let s = synth::synthetic(units, 100, 10, SEED);
    let prepared =
        Arc::new(pipeline::prepare(&s.dataset, &s.framework, &s.method, synth::YEAR).unwrap());
    Fixture { s, prepared }
}

/// One full recompute (prepare → score → group gaps), into `spare`'s tables if given; returns
/// the prepared data for reuse once the results are dropped.
fn full_recompute(s: &synth::Synthetic, weights: &Weights, spare: Option<Prepared>) -> Prepared {
    let prepared = match spare {
        Some(spare) => {
            pipeline::prepare_reusing(&s.dataset, &s.framework, &s.method, synth::YEAR, spare)
        }
        None => pipeline::prepare(&s.dataset, &s.framework, &s.method, synth::YEAR),
    };
    let prepared = Arc::new(prepared.unwrap());
    score_and_compare(s, &prepared, weights);
    Arc::try_unwrap(prepared).unwrap()
}

/// What a weight change redoes: aggregate and rank, then the group gaps.
fn score_and_compare(s: &synth::Synthetic, prepared: &Arc<Prepared>, weights: &Weights) {
    let results = prepared.score(&s.framework, weights).unwrap();
    let gaps = groups::compare(
        &s.dataset,
        &s.framework,
        &results,
        synth::GROUPS[0],
        synth::GROUPS[1],
    )
    .unwrap();
    black_box((results, gaps));
}

fn recompute(c: &mut Criterion) {
    let fixtures: [OnceCell<Fixture>; 2] = [OnceCell::new(), OnceCell::new()];

    // Fresh memory for every table, as the app's method change has; then the same reusing the
    // last run's tables (`prepare_reusing`), as repeated runs (a method sweep, Monte Carlo) can.
    for (group, reuse) in [("full_recompute", false), ("full_recompute_reusing", true)] {
        let mut full = c.benchmark_group(group);
        for (units, cell) in SIZES.iter().zip(&fixtures) {
            if *units > 1_000 {
                full.sample_size(10);
            }
            full.bench_function(BenchmarkId::from_parameter(format!("{units}x100")), |b| {
                let Fixture { s, .. } = cell.get_or_init(|| fixture(*units));
                let weights = s.framework.weights();
                let mut spare = None;
                b.iter(|| {
                    let prepared = full_recompute(s, &weights, spare.take());
                    if reuse {
                        spare = Some(prepared);
                    }
                });
            });
        }
        full.finish();
    }

    let mut slider = c.benchmark_group("weight_change");
    for (units, cell) in SIZES.iter().zip(&fixtures) {
        if *units > 1_000 {
            slider.sample_size(20);
        }
        slider.bench_function(BenchmarkId::from_parameter(format!("{units}x100")), |b| {
            let Fixture { s, prepared } = cell.get_or_init(|| fixture(*units));
            // Two weight sets to alternate between, as a slider moving back and forth does.
            let moved = Weights::with_overrides(
                &s.framework,
                &BTreeMap::from([("p03".to_string(), 2.5), ("i042".to_string(), 0.5)]),
            )
            .unwrap();
            let weight_sets = [s.framework.weights(), moved];
            let mut turn = 0usize;
            b.iter(|| {
                turn ^= 1;
                score_and_compare(s, prepared, &weight_sets[turn]);
            });
        });
    }
    slider.finish();
}

criterion_group!(benches, recompute);
criterion_main!(benches);
