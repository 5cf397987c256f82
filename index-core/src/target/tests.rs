#![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test

use super::*;
use crate::bundle::BundleParts;
use crate::dataset::fixture::dataset;
use crate::dataset::Direction::{Higher, Lower};
use crate::method::{Method, MethodSpec};
use crate::pipeline;

/// Six units A–F on x, y (lower is better) under p and z under q; min–max 0–100 unless
/// `method` says otherwise.
fn bundle(method: MethodSpec) -> Bundle {
    let col = |v: [f64; 6]| v.map(Some);
    let d = dataset(
        &[
            ("A", &["g"]),
            ("B", &["g"]),
            ("C", &["g"]),
            ("D", &["g"]),
            ("E", &["g"]),
            ("F", &["g"]),
        ],
        &[
            ("x", Higher, &col([1.0, 5.0, 3.0, 8.0, 6.0, 4.0])),
            ("y", Lower, &col([9.0, 2.0, 5.0, 7.0, 3.0, 4.0])),
            ("z", Higher, &col([2.0, 6.0, 4.0, 3.0, 9.0, 5.0])),
        ],
    );
    let f = crate::framework::fixture::two_pillars();
    crate::bundle::fixture::bundle(d, f, Method::new(method).unwrap())
}

/// The unit's rank and score, and every score, with its values of `ids` set to `values`,
/// re-scored from scratch.
fn rescore(b: &Bundle, unit: usize, ids: &[&str], values: &[f64]) -> pipeline::Results {
    let mut d = b.dataset().clone();
    for (id, v) in ids.iter().zip(values) {
        let i = d.indicator_position(id).unwrap();
        d.set_value(unit, i, 2020, *v).unwrap();
    }
    let s = Resolved::defaults(b);
    pipeline::run(&d, b.framework(), &s.method, &s.weights, 2020).unwrap()
}

/// Checks that `t` meets `goal` at the values found, and misses it a tolerance short of them.
#[track_caller]
fn check_reached(b: &Bundle, t: &Target, ids: &[&str]) {
    assert_eq!(t.status, TargetStatus::Reached, "{t:?}");
    let met = |r: &pipeline::Results| match t.goal {
        Goal::Rank(rank) => r.rank(t.unit).unwrap() <= rank,
        Goal::Past(rival) => r.index(t.unit).unwrap() > r.index(rival).unwrap(),
    };
    let needed: Vec<f64> = t.moves.iter().map(|m| m.needed).collect();
    let at = rescore(b, t.unit, ids, &needed);
    assert!(met(&at), "{t:?}");
    assert_eq!(at.rank(t.unit), t.after.rank);
    // A step of two tolerances of the observed range less on each: the goal is missed.
    let short: Vec<f64> = t
        .moves
        .iter()
        .map(|m| {
            let step = 2.0 * TOLERANCE * (m.best - m.worst).abs();
            m.needed - step * m.direction.sign()
        })
        .collect();
    assert!(!met(&rescore(b, t.unit, ids, &short)), "{t:?}");
    assert!(t.short_by > 0.0 && t.short_by <= TOLERANCE * 8.0 / 7.0 + 1e-15);
}

#[test]
fn the_improvement_found_reaches_the_rank_and_a_slightly_smaller_one_does_not() {
    let b = bundle(MethodSpec::default());
    let now = Resolved::defaults(&b);
    let before = rescore(&b, 0, &[], &[]);
    assert_eq!(before.rank(0), Some(6));
    let t = target(&b, &now, 0, &["z"], Goal::Rank(3)).unwrap();
    check_reached(&b, &t, &["z"]);
    assert_eq!(t.before.rank, Some(6));
    assert!(t.moves[0].change > 0.0 && t.moves[0].needed < t.moves[0].best);
    assert!(t.monotone);
    // A was the lowest on z: the min–max bound moved as it rose.
    assert_eq!(
        t.depends,
        [Dependence {
            indicator: "z".into(),
            reason: Reason::BoundsMove
        }]
    );
}

#[test]
fn a_lower_is_better_indicator_improves_by_decreasing() {
    let b = bundle(MethodSpec::default());
    let now = Resolved::defaults(&b);
    // D (fourth: 39.3 against F's 50) to third on y, where it has 7 and F 4.
    let t = target(&b, &now, 3, &["y"], Goal::Rank(3)).unwrap();
    check_reached(&b, &t, &["y"]);
    assert_eq!((t.before.rank, t.after.rank), (Some(4), Some(3)));
    let y = &t.moves[0];
    assert!(y.change < 0.0 && y.needed < 4.0, "{y:?}");
    assert_eq!((y.best, y.worst), (2.0, 9.0));
    // By hand: (p + 14.29)/2 > 50 needs p > 85.71, y's score > 71.43, y < 4.
    assert!((y.needed - 4.0).abs() < 1e-5, "{y:?}");
    // D's y is neither end of the column, now or then: min–max bounds stay.
    assert!(!t.depends_on_data(), "{:?}", t.depends);
}

#[test]
fn several_indicators_improve_in_proportion_to_their_gaps() {
    let b = bundle(MethodSpec::default());
    let now = Resolved::defaults(&b);
    // A past C (rank 4 or so) on x and y together.
    let t = target(&b, &now, 0, &["x", "y"], Goal::Past(2)).unwrap();
    check_reached(&b, &t, &["x", "y"]);
    let shares: Vec<f64> = t
        .moves
        .iter()
        .map(|m| m.change / (m.best - m.current))
        .collect();
    assert!((shares[0] - shares[1]).abs() < 1e-12 && (shares[0] - t.share).abs() < 1e-12);
    assert!(t.after.score.unwrap() > t.after.rival_score.unwrap());
}

#[test]
fn out_of_reach_within_the_observed_range() {
    let b = bundle(MethodSpec::default());
    let now = Resolved::defaults(&b);
    // First place on x alone: even at the best x, A's y and z keep it down.
    let t = target(&b, &now, 0, &["x"], Goal::Rank(1)).unwrap();
    assert_eq!(t.status, TargetStatus::OutOfReach);
    assert_eq!(t.share, 1.0);
    assert_eq!(t.moves[0].needed, 8.0);
    let at_best = rescore(&b, 0, &["x"], &[8.0]);
    assert_eq!(t.after.rank, at_best.rank(0));
    assert!(t.after.rank.unwrap() > 1);
    assert_eq!(t.runs, GRID);
}

#[test]
fn already_there_takes_no_run() {
    let b = bundle(MethodSpec::default());
    let now = Resolved::defaults(&b);
    let r = rescore(&b, 0, &[], &[]);
    let rank = r.rank(4).unwrap();
    let t = target(&b, &now, 4, &["x"], Goal::Rank(rank)).unwrap();
    assert_eq!(t.status, TargetStatus::AlreadyThere);
    assert_eq!((t.runs, t.share, t.moves[0].change), (0, 0.0, 0.0));
    assert_eq!(t.after, t.before);
}

#[test]
fn fixed_scales_do_not_depend_on_the_rest_of_the_data_and_z_scores_do() {
    let plain = bundle(MethodSpec {
        normalisation: Normalisation::None,
        ..MethodSpec::default()
    });
    let t = target(
        &plain,
        &Resolved::defaults(&plain),
        0,
        &["z"],
        Goal::Rank(4),
    )
    .unwrap();
    check_reached(&plain, &t, &["z"]);
    assert!(!t.depends_on_data());
    let z = bundle(MethodSpec {
        normalisation: Normalisation::ZScore { mean: 0.0, sd: 1.0 },
        ..MethodSpec::default()
    });
    let t = target(&z, &Resolved::defaults(&z), 0, &["z"], Goal::Rank(4)).unwrap();
    check_reached(&z, &t, &["z"]);
    assert_eq!(t.depends[0].reason, Reason::MeanAndSd);
    assert_eq!(
        Reason::MeanAndSd.describe(),
        "the z-score's mean and standard deviation move with it"
    );
}

#[test]
fn what_cannot_be_targeted_is_refused_with_the_reason() {
    let b = bundle(MethodSpec::default());
    let now = Resolved::defaults(&b);
    let e = |ids: &[&str], goal| target(&b, &now, 0, ids, goal).unwrap_err().to_string();
    assert_eq!(
        e(&["p"], Goal::Rank(1)),
        "target: `p` is not one of the indicators of bundle `t`"
    );
    assert_eq!(e(&["x"], Goal::Rank(0)), "target: rank 0: ranks start at 1");
    assert_eq!(e(&["x"], Goal::Past(0)), "target: `A` cannot pass itself");
    assert_eq!(
        e(&[], Goal::Rank(1)),
        "target: 0 indicators chosen; choose 1 to 256"
    );
    let mut parts: BundleParts = b.clone().into();
    parts.dataset = dataset(
        &[("A", &["g"]), ("B", &["g"])],
        &[
            ("x", Higher, &[None, Some(1.0)]),
            ("y", Lower, &[Some(1.0), Some(2.0)]),
            ("z", Higher, &[Some(1.0), Some(2.0)]),
        ],
    );
    let gappy = Bundle::new(parts).unwrap();
    let e = target(
        &gappy,
        &Resolved::defaults(&gappy),
        0,
        &["x"],
        Goal::Rank(1),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "target: `A` has no value of `x` in 2020");
}

#[test]
fn outlier_treatment_can_break_monotonicity_and_the_answer_says_so() {
    use crate::method::Treatment;
    // U (the first) is last on x, M an outlier on x (winsorised). U comes first once x reaches
    // 9 (the next best value): but from about 41 on, U and M are both high, nothing is
    // winsorised, and U falls back to second.
    let xs = [0.0, 6.0, 1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 8.0, 9.0, 60.0];
    let ys = [9.0, 4.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0];
    let codes = ["U", "R", "A", "B", "C", "D", "E", "F", "G", "H", "M"];
    let units: Vec<(&str, &[&str])> = codes.iter().map(|c| (*c, &["g"][..])).collect();
    let d = dataset(
        &units,
        &[
            ("x", Higher, &xs.map(Some)),
            ("y", Higher, &ys.map(Some)),
            ("z", Higher, &[Some(1.0); 11]),
        ],
    );
    let b = crate::bundle::fixture::bundle(
        d,
        crate::framework::fixture::two_pillars(),
        Method::new(MethodSpec {
            treatment: Treatment::DEFAULT_WINSORISE,
            ..MethodSpec::default()
        })
        .unwrap(),
    );
    assert_eq!(rescore(&b, 0, &["x"], &[20.0]).rank(0), Some(1));
    assert_eq!(rescore(&b, 0, &["x"], &[50.0]).rank(0), Some(2));
    let t = target(&b, &Resolved::defaults(&b), 0, &["x"], Goal::Rank(1)).unwrap();
    check_reached(&b, &t, &["x"]);
    assert!(!t.monotone);
    // 9, H's value, to within the tolerance of x's range (60).
    let needed = t.moves[0].needed;
    assert!((needed - 9.0).abs() <= TOLERANCE * 60.0, "{t:?}");
    let reasons: Vec<Reason> = t.depends.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, [Reason::BoundsMove, Reason::Treatment]);
}
