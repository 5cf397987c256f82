#![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
use super::*;
use crate::dataset::fixture::dataset;
use crate::dataset::Direction::Higher;
use crate::method::MethodSpec;

/// Six units on three indicators under two pillars: `p` (x, y) and `q` (z). D is best on
/// every indicator; the others trade places. Groups: A, B, C are "low", D, E, F "high".
fn problem() -> (Dataset, Framework, Method) {
    let d = dataset(
        &[
            ("A", &["low"]),
            ("B", &["low"]),
            ("C", &["low"]),
            ("D", &["high"]),
            ("E", &["high"]),
            ("F", &["high"]),
        ],
        &[
            (
                "x",
                Higher,
                &[
                    Some(1.0),
                    Some(5.0),
                    Some(3.0),
                    Some(9.0),
                    Some(6.0),
                    Some(2.0),
                ],
            ),
            (
                "y",
                Higher,
                &[
                    Some(6.0),
                    Some(1.0),
                    Some(4.0),
                    Some(9.0),
                    Some(2.0),
                    Some(5.0),
                ],
            ),
            (
                "z",
                Higher,
                &[
                    Some(3.0),
                    Some(4.0),
                    Some(1.0),
                    Some(9.0),
                    Some(5.0),
                    Some(6.0),
                ],
            ),
        ],
    );
    let f = crate::framework::fixture::two_pillars();
    (d, f, Method::new(MethodSpec::default()).unwrap())
}

fn analyse(plan: &Plan) -> Uncertainty {
    let (d, f, m) = problem();
    let w = f.weights();
    let mut run = Run::new(&d, &f, &m, &w, 2020, &["low", "high"], plan).unwrap();
    let mut steps = 0;
    while !run.advance(37) {
        steps += 1;
        assert_eq!(run.done(), 37 * steps);
    }
    assert_eq!(run.done(), run.total());
    run.finish()
}

fn plan(draws: u32, weights: Option<WeightNoise>) -> Plan {
    Plan {
        draws,
        weights,
        ..Plan::default()
    }
}

#[test]
fn without_variation_every_draw_is_the_nominal_ranking() {
    let u = analyse(&plan(200, Some(WeightNoise::Relative { p: 0.0 })));
    assert_eq!((u.draws(), u.failed()), (200, 0));
    for row in u.summary() {
        assert_eq!(
            (row.median, row.q05, row.q95),
            (row.nominal, row.nominal, row.nominal)
        );
        assert_eq!(row.range, (row.nominal, row.nominal));
    }
    assert!((0..200).all(|d| u.mean_shift(d) == Some(0.0)));
    let gap = &u.gaps()[0];
    assert_eq!((gap.a.as_str(), gap.b.as_str()), ("low", "high"));
    assert!(gap.nominal.unwrap() < 0.0);
    assert_eq!(
        (gap.q05, gap.median, gap.q95),
        (gap.nominal, gap.nominal, gap.nominal)
    );
}

#[test]
fn a_unit_best_everywhere_is_first_in_every_draw() {
    let u = analyse(&plan(300, Some(WeightNoise::Simplex)));
    let d = u.units().iter().position(|x| *x == 3).unwrap();
    let row = &u.summary()[d];
    assert_eq!(
        (row.nominal, row.q05, row.q95, row.range),
        (1, 1, 1, (1, 1))
    );
    assert_eq!(u.acceptability(d)[0], 1.0);
    for other in 0..6 {
        if other != d {
            assert_eq!(u.outranks(d, other), Some(1.0));
            assert_eq!(u.outranks(other, d), Some(0.0));
        }
    }
}

#[test]
fn weights_that_vary_move_ranks_and_intervals_hold_the_median() {
    let u = analyse(&plan(512, Some(WeightNoise::Simplex)));
    let rows = u.summary();
    assert!(rows.iter().any(|r| r.q05 < r.q95), "some rank moves");
    for (i, r) in rows.iter().enumerate() {
        assert!(r.range.0 <= r.q05 && r.q05 <= r.median && r.median <= r.q95);
        assert!(r.q95 <= r.range.1 && r.range.1 <= 6);
        let total: f64 = u.acceptability(i).iter().sum();
        assert!(
            (total - 1.0).abs() < 1e-12,
            "acceptability of {i} sums to {total}"
        );
        assert!(!r.is_wide(), "six units cannot span 20 places");
    }
    // Without ties in a draw, one of two units outranks the other.
    for (i, j) in [(0, 1), (1, 2), (4, 5)] {
        let (a, b) = (u.outranks(i, j).unwrap(), u.outranks(j, i).unwrap());
        assert!(a + b <= 1.0 + 1e-12);
    }
    let gap = &u.gaps()[0];
    let (lo, mid, hi) = (gap.q05.unwrap(), gap.median.unwrap(), gap.q95.unwrap());
    assert!(lo <= mid && mid <= hi && lo < hi);
}

#[test]
fn the_same_seed_gives_the_same_draws_and_another_seed_others() {
    let a = analyse(&plan(256, Some(WeightNoise::Relative { p: 0.5 })));
    let b = analyse(&plan(256, Some(WeightNoise::Relative { p: 0.5 })));
    assert_eq!(a, b);
    let c = analyse(&Plan {
        seed: 2,
        ..plan(256, Some(WeightNoise::Relative { p: 0.5 }))
    });
    assert_ne!(a.ranks, c.ranks);
}

#[test]
fn methods_drawn_from_sets_are_prepared_once_each() {
    let (d, f, m) = problem();
    let w = f.weights();
    let p = Plan {
        draws: 64,
        weights: None,
        normalisations: vec![
            Normalisation::default(),
            Normalisation::ZScore {
                mean: 10.0,
                sd: 2.0,
            },
        ],
        aggregations: vec![Aggregation::Arithmetic, Aggregation::Geometric],
        winsorisation: Some((0, 2)),
        imputation: true,
        ..Plan::default()
    };
    assert_eq!(
        p.inputs(),
        [
            Input::Normalisation,
            Input::Aggregation,
            Input::Winsorisation,
            Input::Imputation
        ]
    );
    let mut run = Run::new(&d, &f, &m, &w, 2020, &[], &p).unwrap();
    assert!(run.advance(1000));
    // The nominal method, and at most 2 × 2 × 3 × 2 drawn ones.
    let prepared = run.evaluator.prepared.len();
    assert!(
        prepared > 4 && prepared <= 1 + 24,
        "{prepared} methods prepared"
    );
    // A point's coordinates pick from the sets in order: [0.9, 0.9, 0.0, 0.9] is z-scores,
    // geometric mean, no treatment, imputation on.
    let nominal = run.evaluator.nominal().unwrap();
    let drawn = run.evaluator.evaluate(&[0.9, 0.9, 0.0, 0.9]).unwrap();
    let by_hand = crate::pipeline::run(
        &d,
        &f,
        &m.with_normalisation_everywhere(Normalisation::ZScore {
            mean: 10.0,
            sd: 2.0,
        })
        .unwrap()
        .with_aggregation_everywhere(Aggregation::Geometric),
        &w,
        2020,
    )
    .unwrap();
    assert_ne!(drawn.index(0), nominal.index(0));
    assert_eq!(drawn.index(0), by_hand.index(0));
    let u = run.finish();
    assert_eq!(u.failed(), 0);
    assert!(u.gaps().is_empty());
}

#[test]
fn plans_out_of_bounds_are_refused_with_what_is_wrong() {
    #[track_caller]
    fn check(p: Plan, message: &str) {
        assert_eq!(p.check().unwrap_err().to_string(), message);
    }
    check(
        plan(0, Some(WeightNoise::Simplex)),
        "uncertainty analysis: draws must be from 1 to 65536, got 0",
    );
    check(
        plan(10, Some(WeightNoise::Relative { p: 1.5 })),
        "uncertainty analysis: the weights' variation must be from 0 to 100 %, got 150",
    );
    check(
        plan(10, None),
        "uncertainty analysis: nothing varies: choose at least one uncertain input",
    );
    check(
        Plan {
            aggregations: vec![Aggregation::Geometric],
            ..plan(10, None)
        },
        "uncertainty analysis: a set to draw from needs at least two choices",
    );
    check(
        Plan {
            winsorisation: Some((3, 2)),
            ..plan(10, None)
        },
        "uncertainty analysis: the winsorisation limit must be a range within 0 to 50, got 3 to 2",
    );
    let (d, f, m) = problem();
    let w = f.weights();
    let e = Run::new(&d, &f, &m, &w, 2020, &["nope"], &Plan::default())
        .err()
        .unwrap();
    assert!(e.to_string().contains("nope"), "{e}");
}

#[test]
fn quantiles_are_ranks_reached_by_a_share_of_draws() {
    // Ranks 1 ×5, 2 ×3, 4 ×2 (10 draws).
    let counts = [5, 3, 0, 2];
    assert_eq!(rank_quantile(&counts, 0.05), 1);
    assert_eq!(rank_quantile(&counts, 0.5), 1);
    assert_eq!(rank_quantile(&counts, 0.51), 2);
    assert_eq!(rank_quantile(&counts, 0.8), 2);
    assert_eq!(rank_quantile(&counts, 0.95), 4);
    assert_eq!(rank_quantile(&[0, 0], 0.5), 0);
    assert_eq!(value_quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.0));
    assert_eq!(value_quantile(&[], 0.5), None);
}

#[test]
fn an_input_that_changes_nothing_has_no_sensitivity() {
    // No value is missing, so imputation on or off changes nothing; the weights move ranks.
    let (d, f, m) = problem();
    let w = f.weights();
    let p = Plan {
        draws: 256,
        weights: Some(WeightNoise::Simplex),
        imputation: true,
        ..Plan::default()
    };
    let mut run = SensitivityRun::new(&d, &f, &m, &w, 2020, &p, 200).unwrap();
    assert_eq!(run.total(), 256 * 4);
    while !run.advance(100) {}
    let s = run.finish().unwrap();
    assert_eq!(s.inputs, [Input::Weights, Input::Imputation]);
    let (weights, imputation) = (&s.estimates.indices[0], &s.estimates.indices[1]);
    assert!(s.estimates.variance > 0.0);
    assert_eq!((imputation.first.abs(), imputation.total), (0.0, 0.0));
    assert!(weights.total > 0.9, "{weights:?}");
    let (lo, hi) = weights.total_ci.unwrap();
    assert!(lo <= weights.total && weights.total <= hi);
}

#[test]
fn sensitivity_work_is_bounded() {
    let (d, f, m) = problem();
    let w = f.weights();
    let p = Plan {
        draws: 65_536,
        ..Plan::default()
    };
    let e = SensitivityRun::new(&d, &f, &m, &w, 2020, &p, 10_000)
        .err()
        .unwrap();
    assert!(e.to_string().contains("too much work"), "{e}");
}

#[test]
fn gaps_are_on_one_scale_only_when_every_normalisation_drawn_shares_the_range() {
    let (_, f, m) = problem();
    let with = |normalisations: Vec<Normalisation>| Plan {
        normalisations,
        ..Plan::default()
    };
    let minmax = Normalisation::default();
    let prank = Normalisation::PercentileRank {
        low: 0.0,
        high: 100.0,
    };
    assert!(Plan::default().keeps_scale(&f, &m));
    assert!(with(vec![minmax, prank]).keeps_scale(&f, &m));
    assert!(!with(vec![minmax, Normalisation::ZScore { mean: 0.0, sd: 1.0 }]).keeps_scale(&f, &m));
    assert!(!with(vec![
        minmax,
        Normalisation::MinMax {
            low: 0.0,
            high: 1.0
        }
    ])
    .keeps_scale(&f, &m));
    let m01 = m
        .with_normalisation_everywhere(Normalisation::MinMax {
            low: 0.0,
            high: 1.0,
        })
        .unwrap();
    assert!(!with(vec![minmax, prank]).keeps_scale(&f, &m01));
}

#[test]
fn plans_say_what_varies() {
    let p = Plan {
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
        ..Plan::default()
    };
    assert_eq!(
        p.describe(),
        "weights ±25 %; normalisation (min-max 0–100, percentile ranks 0–100); \
         aggregation (arithmetic, geometric); winsorisation limit 0–5; imputation on/off"
    );
    let simplex = Plan {
        weights: Some(WeightNoise::Simplex),
        ..Plan::default()
    };
    assert_eq!(simplex.describe(), "weights (uniform on the simplex)");
}
