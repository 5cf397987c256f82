#![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test

use std::collections::BTreeMap;

use super::*;
use crate::bundle::BundleParts;
use crate::dataset::fixture::dataset;
use crate::dataset::Direction::{Higher, Lower};
use crate::framework::fixture::{agg, leaf};
use crate::method::{Aggregation, MethodSpec, Normalisation, Treatment};
use crate::scenario::Scenario;

/// Five units on x, y (twins: the same values) and z under p, w under q; index of p and q.
/// Unit E has no data.
fn bundle() -> Bundle {
    let v = |x: [Option<f64>; 5]| x;
    let x = v([Some(1.0), Some(4.0), Some(2.0), Some(9.0), None]);
    let z = v([Some(7.0), Some(1.0), Some(5.0), Some(2.0), None]);
    let w = v([Some(30.0), Some(10.0), Some(20.0), Some(10.0), None]);
    let d = dataset(
        &[
            ("A", &["g"]),
            ("B", &["g"]),
            ("C", &["g"]),
            ("D", &["g"]),
            ("E", &["g"]),
        ],
        &[
            ("x", Higher, &x),
            ("y", Higher, &x),
            ("z", Higher, &z),
            ("w", Lower, &w),
        ],
    );
    let f = Framework::new(vec![
        leaf("x", "p", 1.0),
        leaf("y", "p", 1.0),
        leaf("z", "p", 1.0),
        leaf("w", "q", 1.0),
        agg("p", Some("idx"), 1.0),
        agg("q", Some("idx"), 1.0),
        agg("idx", None, 1.0),
    ])
    .unwrap();
    crate::bundle::fixture::bundle(d, f, Method::new(MethodSpec::default()).unwrap())
}

/// A scenario of [`bundle`] with `weights` and `method`, resolved.
fn scenario(b: &Bundle, weights: &[(&str, f64)], method: MethodChoice) -> Resolved {
    Scenario {
        bundle: "t".into(),
        weights: weights
            .iter()
            .map(|(id, w)| (id.to_string(), *w))
            .collect::<BTreeMap<_, _>>(),
        method,
        ..Scenario::default()
    }
    .resolve(b)
    .unwrap()
}

/// Many changes: weights of x, y, z, q; geometric aggregation, z-scores, winsorising.
fn many(b: &Bundle) -> Resolved {
    scenario(
        b,
        &[("x", 2.0), ("y", 2.0), ("z", 3.0), ("q", 0.5)],
        MethodChoice {
            aggregation: Some(Aggregation::Geometric),
            normalisation: Some(Normalisation::MinMax {
                low: 1.0,
                high: 10.0,
            }),
            treatment: Some(Treatment::DEFAULT_WINSORISE),
            ..MethodChoice::default()
        },
    )
}

fn names(a: &Attribution) -> Vec<&str> {
    a.changes.iter().map(|c| c.name.as_str()).collect()
}

fn exact(b: &Bundle, from: &Resolved, to: &Resolved) -> Attribution {
    attribute(b, from, to, &Plan::default()).unwrap()
}

#[test]
fn the_changes_are_named_in_pipeline_order() {
    let b = bundle();
    let a = exact(&b, &Resolved::defaults(&b), &many(&b));
    assert_eq!(
        names(&a),
        [
            "treatment",
            "normalisation",
            "aggregation",
            "weight:x",
            "weight:y",
            "weight:z",
            "weight:q"
        ]
    );
    assert_eq!(a.estimate, Estimate::Exact);
    assert_eq!(a.scorings, 1 << 7);
    // Three method changes: 2³ distinct methods, each prepared once.
    assert_eq!(a.preparations, 8);
    let agg = &a.changes[2];
    assert_eq!(
        (agg.from.as_str(), agg.to.as_str()),
        ("default", "geometric")
    );
    let x = &a.changes[3];
    assert_eq!((x.from.as_str(), x.to.as_str()), ("1", "2"));
}

#[test]
fn the_parts_add_up_to_the_whole_change() {
    let b = bundle();
    let a = exact(&b, &Resolved::defaults(&b), &many(&b));
    let mut split = 0;
    for u in &a.units {
        if u.status != PartsStatus::Split {
            continue;
        }
        split += 1;
        let whole = u.score_to.unwrap() - u.score_from.unwrap();
        let sum: f64 = u.score.iter().sum();
        assert!((sum - whole).abs() < 1e-9, "{sum} against {whole}");
        let moved = f64::from(u.rank_to.unwrap()) - f64::from(u.rank_from.unwrap());
        let sum: f64 = u.rank.iter().sum();
        assert!((sum - moved).abs() < 1e-9, "{sum} against {moved}");
        assert!(u.score_error.is_empty());
    }
    assert_eq!(split, 4);
    // Something moved, so some part is not 0.
    assert!(a.units.iter().any(|u| u.largest().is_some()));
}

#[test]
fn a_unit_without_a_score_has_no_parts_and_says_why() {
    let b = bundle();
    let a = exact(&b, &Resolved::defaults(&b), &many(&b));
    let e = &a.units[4];
    assert_eq!(
        e.status,
        PartsStatus::Unscored {
            from: false,
            to: false
        }
    );
    assert!(e.score.is_empty() && e.rank.is_empty());
    assert_eq!(e.status.reason(), "no score in either scenario");
}

#[test]
fn twin_changes_get_equal_parts() {
    // x and y hold the same values with the same weight: raising either has the same effect in
    // every mixture, so their parts are equal.
    let b = bundle();
    let to = scenario(
        &b,
        &[("x", 3.0), ("y", 3.0), ("q", 2.0)],
        MethodChoice {
            aggregation: Some(Aggregation::Harmonic),
            ..MethodChoice::default()
        },
    );
    let a = exact(&b, &Resolved::defaults(&b), &to);
    assert_eq!(
        names(&a),
        ["aggregation", "weight:x", "weight:y", "weight:q"]
    );
    for u in a.units.iter().filter(|u| u.status == PartsStatus::Split) {
        assert!((u.score[1] - u.score[2]).abs() < 1e-12, "{:?}", u.score);
        assert!((u.rank[1] - u.rank[2]).abs() < 1e-12, "{:?}", u.rank);
    }
    assert!(a
        .units
        .iter()
        .any(|u| u.score.get(1).is_some_and(|p| p.abs() > 1e-6)));
}

#[test]
fn a_change_without_effect_gets_nothing() {
    // The root's weight has no siblings to weigh against; carrying forward finds no earlier
    // year in a one-year dataset, and normalising over all years is within the one year.
    let b = bundle();
    let to = scenario(
        &b,
        &[("idx", 5.0), ("q", 2.0)],
        MethodChoice {
            carry_forward: Some(3),
            normalisation: Some(Normalisation::ZScore { mean: 0.0, sd: 1.0 }),
            normalise_over: Some(crate::method::NormaliseOver::AllYears),
            ..MethodChoice::default()
        },
    );
    let a = exact(&b, &Resolved::defaults(&b), &to);
    assert_eq!(
        names(&a),
        [
            "carry_forward",
            "normalisation",
            "normalise_over",
            "weight:q",
            "weight:idx"
        ]
    );
    for u in a.units.iter().filter(|u| u.status == PartsStatus::Split) {
        for i in [0, 2, 4] {
            assert!(u.score[i].abs() < 1e-12 && u.rank[i].abs() < 1e-12, "{u:?}");
        }
    }
    assert!(a
        .units
        .iter()
        .any(|u| u.score.get(1).is_some_and(|p| p.abs() > 1e-6)));
}

#[test]
fn sampled_parts_agree_with_the_exact_ones_within_their_error() {
    let b = bundle();
    let (from, to) = (Resolved::defaults(&b), many(&b));
    let exact = exact(&b, &from, &to);
    let plan = Plan {
        exact_up_to: 0,
        permutations: 2001,
        seed: 7,
    };
    let sampled = attribute(&b, &from, &to, &plan).unwrap();
    assert_eq!(
        sampled.estimate,
        Estimate::Sampled {
            permutations: 2002,
            seed: 7
        }
    );
    // The data prepared once per distinct method, however many orders.
    assert_eq!(sampled.preparations, 8);
    assert_eq!(sampled, attribute(&b, &from, &to, &plan).unwrap());
    let mut compared = 0;
    for (e, s) in exact.units.iter().zip(&sampled.units) {
        assert_eq!(e.status, s.status);
        if s.status != PartsStatus::Split {
            continue;
        }
        let whole = s.score_to.unwrap() - s.score_from.unwrap();
        assert!((s.score.iter().sum::<f64>() - whole).abs() < 1e-9);
        for i in 0..e.score.len() {
            let (x, y, se) = (e.score[i], s.score[i], s.score_error[i]);
            assert!((x - y).abs() <= 4.0 * se + 1e-12, "{i}: {x} {y} ± {se}");
            let (x, y, se) = (e.rank[i], s.rank[i], s.rank_error[i]);
            assert!((x - y).abs() <= 4.0 * se + 1e-12, "{i}: {x} {y} ± {se}");
            compared += 1;
        }
    }
    assert_eq!(compared, 4 * 7);
    // The errors shrink with the orders sampled.
    let few = attribute(
        &b,
        &from,
        &to,
        &Plan {
            permutations: 20,
            ..plan
        },
    )
    .unwrap();
    let total = |a: &Attribution| -> f64 { a.units.iter().flat_map(|u| &u.score_error).sum() };
    assert!(total(&few) > total(&sampled));
}

#[test]
fn weights_that_would_leave_a_parent_without_weight_change_together() {
    // From x only to y only: applying either alone leaves p with all-zero weights, or both.
    let b = bundle();
    let from = scenario(&b, &[("y", 0.0), ("z", 0.0)], MethodChoice::default());
    let to = scenario(
        &b,
        &[("x", 0.0), ("z", 0.0), ("w", 2.0)],
        MethodChoice::default(),
    );
    let a = exact(&b, &from, &to);
    assert_eq!(names(&a), ["weights:p", "weight:w"]);
    assert_eq!(a.changes[0].from, "x 1, y 0");
    assert_eq!(a.changes[0].to, "x 0, y 1");
    // x and y are twins: swapping them changes nothing.
    for u in a.units.iter().filter(|u| u.status == PartsStatus::Split) {
        assert!(u.score[0].abs() < 1e-12);
    }
}

#[test]
fn a_unit_screened_out_on_the_way_cannot_be_split() {
    // D lacks z and w (half its values). With screening alone it is out; with the mean imputed first it is in.
    let mut parts: BundleParts = bundle().into();
    let d = dataset(
        &[("A", &["g"]), ("B", &["g"]), ("C", &["g"]), ("D", &["g"])],
        &[
            ("x", Higher, &[Some(1.0), Some(4.0), Some(2.0), Some(9.0)]),
            ("y", Higher, &[Some(1.0), Some(4.0), Some(2.0), Some(9.0)]),
            ("z", Higher, &[Some(7.0), Some(1.0), Some(5.0), None]),
            ("w", Lower, &[Some(3.0), Some(1.0), Some(2.0), None]),
        ],
    );
    parts.dataset = d;
    let b = Bundle::new(parts).unwrap();
    let to = scenario(
        &b,
        &[],
        MethodChoice {
            screen: Some(0.9),
            imputation: Some(crate::method::Imputation::IndicatorMean),
            ..MethodChoice::default()
        },
    );
    let a = exact(&b, &Resolved::defaults(&b), &to);
    assert_eq!(names(&a), ["imputation", "screen"]);
    assert_eq!(a.units[3].status, PartsStatus::UnscoredInMixture);
    assert!(a.units[3].score.is_empty());
    assert_eq!(a.units[0].status, PartsStatus::Split);
    let s = Plan {
        exact_up_to: 0,
        ..Plan::default()
    };
    let sampled = attribute(&b, &Resolved::defaults(&b), &to, &s).unwrap();
    assert_eq!(sampled.units[3].status, PartsStatus::UnscoredInMixture);
}

#[test]
fn no_change_no_parts() {
    let b = bundle();
    let a = exact(&b, &Resolved::defaults(&b), &Resolved::defaults(&b));
    assert!(a.changes.is_empty());
    assert_eq!(a.scorings, 1);
    assert!(a.units[0].score.is_empty() && a.units[0].status == PartsStatus::Split);
    assert_eq!(a.units[0].score_from, a.units[0].score_to);
}

#[test]
fn plans_and_scenarios_out_of_bounds_are_refused() {
    let b = bundle();
    let d = Resolved::defaults(&b);
    for plan in [
        Plan {
            exact_up_to: 13,
            ..Plan::default()
        },
        Plan {
            permutations: 3,
            ..Plan::default()
        },
        Plan {
            permutations: MAX_PERMUTATIONS + 1,
            ..Plan::default()
        },
    ] {
        let e = attribute(&b, &d, &d, &plan).unwrap_err();
        assert!(e.to_string().starts_with("attribution: "), "{e}");
    }
    let mut odd = Resolved::defaults(&b);
    odd.method = odd
        .method
        .with_aggregation_everywhere(Aggregation::Geometric);
    let e = attribute(&b, &d, &odd, &Plan::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "attribution: the method of the `to` scenario is not bundle `t`'s with the scenario's changes"
    );
}

#[test]
fn another_year_is_a_change_like_another() {
    // The fixture's data as 2020, and a 2019 in which the units' values are reversed.
    let b = bundle();
    let d = b.dataset();
    let mut years = crate::dataset::DatasetBuilder::new(
        d.units().to_vec(),
        d.indicators().to_vec(),
        d.sources().to_vec(),
        d.groups().to_vec(),
        vec![2019, 2020],
    )
    .unwrap();
    let n = d.units().len();
    for (i, ind) in d.indicators().iter().enumerate() {
        for (u, unit) in d.units().iter().enumerate() {
            if let Some(v) = d.value(u, i, 2020) {
                years.set(&unit.code, &ind.id, 2020, v).unwrap();
            }
            if let Some(v) = d.value(n - 2 - u.min(n - 2), i, 2020) {
                years.set(&unit.code, &ind.id, 2019, v).unwrap();
            }
        }
    }
    let mut parts: BundleParts = b.into();
    parts.dataset = years.build();
    let b = Bundle::new(parts).unwrap();
    let from = Scenario {
        bundle: "t".into(),
        year: Some(2019),
        ..Scenario::default()
    }
    .resolve(&b)
    .unwrap();
    let to = scenario(&b, &[("q", 3.0)], MethodChoice::default());
    let a = exact(&b, &from, &to);
    assert_eq!(names(&a), ["year", "weight:q"]);
    assert_eq!(
        (a.changes[0].from.as_str(), a.changes[0].to.as_str()),
        ("2019", "2020")
    );
    assert_eq!((a.scorings, a.preparations), (4, 2));
    for u in a.units.iter().filter(|u| u.status == PartsStatus::Split) {
        let whole = u.score_to.unwrap() - u.score_from.unwrap();
        assert!((u.score.iter().sum::<f64>() - whole).abs() < 1e-9);
    }
    assert!(a
        .units
        .iter()
        .any(|u| u.score.first().is_some_and(|p| p.abs() > 1.0)));
}
