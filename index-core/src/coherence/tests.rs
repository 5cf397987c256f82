#![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test

use std::collections::BTreeMap;
use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::dataset::fixture::dataset;
use crate::dataset::Dataset;
use crate::dataset::Direction::{Higher, Lower};
use crate::framework::fixture::{agg, leaf, two_pillars};
use crate::method::Method;
use crate::pipeline;

fn some(values: &[f64]) -> Vec<Option<f64>> {
    values.iter().map(|v| Some(*v)).collect()
}

/// Checks a correlation's value (to 1e-12) and count.
#[track_caller]
fn check(c: Correlation, r: f64, n: usize) {
    assert_eq!(c.n, n, "{c:?}");
    assert_eq!(c.undefined, None, "{c:?}");
    let got = c.r.unwrap();
    assert!((got - r).abs() < 1e-12, "{got} against {r}");
}

#[test]
fn pearson_and_spearman_by_hand() {
    // x = 1 2 3 4 5, y = 2 4 5 4 5 (and a sixth unit without x, left out).
    // Pearson: x̄ = 3, ȳ = 4; dx = −2 −1 0 1 2, dy = −2 0 1 0 1;
    // Σ dx dy = 4 + 2 = 6, Σ dx² = 10, Σ dy² = 6: r = 6 / √60.
    // Spearman: ranks of y with ties averaged = 1, 2.5, 4.5, 2.5, 4.5 (mean 3);
    // d = −2 −0.5 1.5 −0.5 1.5: Σ dx d = 4 + 0.5 − 0.5 + 3 = 7, Σ d² = 9: r = 7 / √90.
    let mut x = some(&[1.0, 2.0, 3.0, 4.0, 5.0]);
    x.push(None);
    let y = some(&[2.0, 4.0, 5.0, 4.0, 5.0, 100.0]);
    check(pearson(&x, &y), 6.0 / 60f64.sqrt(), 5);
    check(spearman(&x, &y), 7.0 / 90f64.sqrt(), 5);
    // Symmetric, and a reversed direction gives the opposite sign.
    check(pearson(&y, &x), 6.0 / 60f64.sqrt(), 5);
    let minus: Vec<Option<f64>> = y.iter().map(|v| v.map(|v| -v)).collect();
    check(spearman(&x, &minus), -7.0 / 90f64.sqrt(), 5);
}

#[test]
fn average_ranks_share_the_ranks_they_span() {
    assert_eq!(average_ranks(&[]), Vec::<f64>::new());
    assert_eq!(average_ranks(&[3.0]), vec![1.0]);
    assert_eq!(
        average_ranks(&[2.0, 4.0, 5.0, 4.0, 5.0]),
        vec![1.0, 2.5, 4.5, 2.5, 4.5]
    );
    assert_eq!(average_ranks(&[7.0; 4]), vec![2.5; 4]);
}

#[test]
fn undefined_correlations_say_why() {
    let c = pearson(&some(&[1.0, 2.0]), &some(&[3.0, 1.0]));
    assert_eq!((c.r, c.n, c.undefined), (None, 2, Some(Undefined::TooFew)));
    // Three units present in x, but only two of them in y.
    let c = spearman(
        &[Some(1.0), Some(2.0), Some(3.0)],
        &[Some(1.0), None, Some(2.0)],
    );
    assert_eq!((c.r, c.n, c.undefined), (None, 2, Some(Undefined::TooFew)));
    let c = pearson(&some(&[1.0, 2.0, 3.0]), &some(&[0.1, 0.1, 0.1]));
    assert_eq!((c.r, c.undefined), (None, Some(Undefined::Constant)));
    let c = spearman(&some(&[5.0, 5.0, 5.0]), &some(&[1.0, 2.0, 3.0]));
    assert_eq!((c.r, c.undefined), (None, Some(Undefined::Constant)));
    assert!(!Undefined::Constant.reason().is_empty());
}

#[test]
fn extreme_scales_give_the_same_r() {
    let x = [1.0, 2.0, 3.0, 4.0, 5.0];
    let y = [2.0, 4.0, 5.0, 4.0, 5.0];
    for scale in [1e-200, 1e150, 1e300] {
        let xs: Vec<f64> = x.iter().map(|v| v * scale).collect();
        let ys: Vec<f64> = y.iter().map(|v| v * scale).collect();
        check(pearson(&some(&xs), &some(&ys)), 6.0 / 60f64.sqrt(), 5);
    }
    // Deviations that overflow (from −1e308 to 1e308) are refused, not NaN.
    let c = pearson(&some(&[-f64::MAX, f64::MAX, 0.0]), &some(&[1.0, 2.0, 3.0]));
    assert!(c.r.is_none_or(|r| (-1.0..=1.0).contains(&r)), "{c:?}");
}

#[test]
fn cronbach_alpha_by_hand() {
    // Four units × three items:
    //   a: 1 2 3 4    (mean 2.5)   deviations −1.5 −0.5  0.5 1.5
    //   b: 2 2 4 4    (mean 3)                −1   −1    1   1
    //   c: 1 3 2 4    (mean 2.5)              −1.5  0.5 −0.5 1.5
    // Covariances (divisor 3): var a = 5/3, var b = 4/3, var c = 5/3,
    //   cov ab = (1.5 + 0.5 + 0.5 + 1.5)/3 = 4/3, cov ac = (2.25 − 0.25 − 0.25 + 2.25)/3 = 4/3,
    //   cov bc = (1.5 − 0.5 − 0.5 + 1.5)/3 = 2/3.
    // Σ C = 14/3 + 2 · 10/3 = 34/3 (the variance of the totals 4, 7, 9, 12: 34/3);
    // c̄ = (20/3) / 6 = 10/9; α = 9 · (10/9) / (34/3) = 30/34 = 15/17.
    let a = some(&[1.0, 2.0, 3.0, 4.0]);
    let b = some(&[2.0, 2.0, 4.0, 4.0]);
    let c = some(&[1.0, 3.0, 2.0, 4.0]);
    let alpha = cronbach_alpha(&[&a, &b, &c]);
    assert_eq!((alpha.k, alpha.n, alpha.undefined), (3, 4, None));
    assert!((alpha.alpha.unwrap() - 15.0 / 17.0).abs() < 1e-12);

    // A fifth unit missing one item is not a complete case: the same α, n = 4.
    let mut a5 = a.clone();
    a5.push(Some(9.0));
    let mut b5 = b.clone();
    b5.push(None);
    let mut c5 = c.clone();
    c5.push(Some(0.0));
    let alpha = cronbach_alpha(&[&a5, &b5, &c5]);
    assert_eq!((alpha.k, alpha.n), (3, 4));
    assert!((alpha.alpha.unwrap() - 15.0 / 17.0).abs() < 1e-12);

    let one = cronbach_alpha(&[&a]);
    assert_eq!(
        (one.alpha, one.undefined),
        (None, Some(Undefined::OneColumn))
    );
    let flat = some(&[2.0; 4]);
    let constant = cronbach_alpha(&[&flat, &flat]);
    assert_eq!(
        (constant.alpha, constant.undefined),
        (None, Some(Undefined::Constant))
    );
    let few = cronbach_alpha(&[&a[..2], &b[..2]]);
    assert_eq!((few.alpha, few.undefined), (None, Some(Undefined::TooFew)));
}

/// α as `k/(k − 1) · (1 − Σ var(item) / var(total))`, from the complete rows: the textbook
/// formula, computed independently of the covariance matrix.
fn alpha_from_totals(columns: &[Vec<f64>]) -> f64 {
    let k = columns.len() as f64;
    let n = columns[0].len();
    let var = |v: &[f64]| {
        let m = v.iter().sum::<f64>() / v.len() as f64;
        v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() - 1) as f64
    };
    let totals: Vec<f64> = (0..n).map(|u| columns.iter().map(|c| c[u]).sum()).collect();
    let items: f64 = columns.iter().map(|c| var(c)).sum();
    k / (k - 1.0) * (1.0 - items / var(&totals))
}

proptest! {
    #[test]
    fn correlations_are_bounded_symmetric_and_spearman_is_pearson_on_ranks(
        rows in proptest::collection::vec((-1e3f64..1e3, -1e3f64..1e3, any::<bool>()), 0..40)
    ) {
        let x: Vec<Option<f64>> = rows.iter().map(|r| Some(r.0)).collect();
        let y: Vec<Option<f64>> = rows.iter().map(|r| r.2.then_some(r.1)).collect();
        for c in [pearson(&x, &y), spearman(&x, &y)] {
            prop_assert_eq!(c.r.is_some(), c.undefined.is_none());
            if let Some(r) = c.r {
                prop_assert!((-1.0..=1.0).contains(&r));
            }
        }
        prop_assert_eq!(pearson(&x, &y), pearson(&y, &x));
        prop_assert_eq!(spearman(&x, &y), spearman(&y, &x));
        let pairs: Vec<(f64, f64)> = rows.iter().filter(|r| r.2).map(|r| (r.0, r.1)).collect();
        let rx = some(&average_ranks(&pairs.iter().map(|p| p.0).collect::<Vec<_>>()));
        let ry = some(&average_ranks(&pairs.iter().map(|p| p.1).collect::<Vec<_>>()));
        prop_assert_eq!(spearman(&x, &y), pearson(&rx, &ry));
    }

    #[test]
    fn alpha_is_the_textbook_formula(
        table in proptest::collection::vec(proptest::collection::vec(-100f64..100.0, 3..12), 2..6)
    ) {
        let n = table.iter().map(Vec::len).min().unwrap();
        let columns: Vec<Vec<f64>> = table.iter().map(|c| c[..n].to_vec()).collect();
        let opt: Vec<Vec<Option<f64>>> = columns.iter().map(|c| some(c)).collect();
        let refs: Vec<&[Option<f64>]> = opt.iter().map(Vec::as_slice).collect();
        let a = cronbach_alpha(&refs);
        prop_assert_eq!((a.k, a.n), (columns.len(), n));
        let expected = alpha_from_totals(&columns);
        match a.alpha {
            Some(alpha) => prop_assert!((alpha - expected.min(1.0)).abs() < 1e-9 * expected.abs().max(1.0),
                "{} against {}", alpha, expected),
            None => prop_assert!(!expected.is_finite() || a.undefined.is_some()),
        }
    }
}

/// Five units on x, y (y ≈ −x), z (≈ x) under p, w under q; index of p and q.
fn data() -> Dataset {
    dataset(
        &[("A", &[]), ("B", &[]), ("C", &[]), ("D", &[]), ("E", &[])],
        &[
            ("x", Higher, &some(&[1.0, 2.0, 3.0, 4.0, 5.0])),
            ("y", Higher, &some(&[5.0, 4.0, 3.5, 2.0, 1.0])),
            ("z", Higher, &some(&[1.0, 2.0, 3.0, 4.0, 6.0])),
            ("w", Lower, &some(&[3.0, 1.0, 4.0, 1.5, 9.0])),
        ],
    )
}

fn framework() -> Framework {
    Framework::new(vec![
        leaf("x", "p", 1.0),
        leaf("y", "p", 1.0),
        leaf("z", "p", 2.0),
        leaf("w", "q", 1.0),
        agg("p", Some("idx"), 3.0),
        agg("q", Some("idx"), 1.0),
        agg("idx", None, 1.0),
    ])
    .unwrap()
}

fn results(f: &Framework, weights: &Weights) -> Results {
    pipeline::run(&data(), f, &Method::default(), weights, 2020).unwrap()
}

fn pos(f: &Framework, id: &str) -> usize {
    f.position(id).unwrap()
}

#[test]
fn coherence_of_a_small_index() {
    let f = framework();
    let r = results(&f, &f.weights());
    let c = coherence(&f, &r).unwrap();
    assert_eq!(c.year, 2020);
    let find = |a: &str, b: &str| {
        c.correlations
            .iter()
            .find(|p| p.a == pos(&f, a) && p.b == pos(&f, b))
            .unwrap_or_else(|| panic!("no pair {a}, {b}"))
    };
    // Level 1: the six pairs of x y z w; level 2: p q; then each node with its ancestors
    // (x, y, z, w: parent and index; p, q: index): 6 + 1 + 8 + 2.
    assert_eq!(c.correlations.len(), 17);
    let xy = find("x", "y");
    assert_eq!(xy.relation, Relation::Siblings);
    assert_eq!(xy.pearson.n, 5);
    assert!(xy.pearson.r.unwrap() < -0.92);
    assert_eq!(xy.flags, vec![Flag::NegativeWithin, Flag::NearDuplicate]);
    // x and z: Spearman's 1 (same order), Pearson's > 0.92 (near-duplicates).
    let xz = find("x", "z");
    assert!((xz.spearman.r.unwrap() - 1.0).abs() < 1e-15);
    assert_eq!(xz.flags, vec![Flag::NearDuplicate]);
    assert_eq!(find("x", "w").relation, Relation::SameLevel);
    assert_eq!(find("p", "q").relation, Relation::Siblings);
    assert_eq!(find("w", "q").relation, Relation::Parent);
    // q has w alone: its scores are w's (both min-maxed), r = 1.
    assert!((find("w", "q").pearson.r.unwrap() - 1.0).abs() < 1e-15);
    assert_eq!(find("x", "idx").relation, Relation::Ancestor);
    assert_eq!(find("p", "idx").relation, Relation::Parent);
    assert!(c.flagged().count() >= 2);
    for p in &c.correlations {
        for r in [p.pearson.r, p.spearman.r].into_iter().flatten() {
            assert!((-1.0..=1.0).contains(&r), "{p:?}");
        }
    }

    // α: the index over p and q, p over x y z, q over w alone (undefined).
    let alpha = |id: &str| c.alphas.iter().find(|a| a.node == pos(&f, id)).unwrap();
    assert_eq!(
        c.alphas.iter().map(|a| a.node).collect::<Vec<_>>(),
        [pos(&f, "idx"), pos(&f, "p"), pos(&f, "q")]
    );
    assert_eq!(alpha("q").alpha.undefined, Some(Undefined::OneColumn));
    let columns: Vec<Vec<Option<f64>>> = ["x", "y", "z"]
        .iter()
        .map(|id| (0..5).map(|u| r.score(u, pos(&f, id))).collect())
        .collect();
    let refs: Vec<&[Option<f64>]> = columns.iter().map(Vec::as_slice).collect();
    assert_eq!(alpha("p").alpha, cronbach_alpha(&refs));

    // Nominal shares: x 1/4, y 1/4, z 1/2 of p; p 3/4 of the index, so z 3/8 overall.
    let w = |id: &str| c.weights.iter().find(|i| i.node == pos(&f, id)).unwrap();
    assert_eq!(c.weights.len(), 6);
    assert_eq!(w("z").nominal_share, 0.5);
    assert_eq!(w("z").nominal_overall, 0.375);
    assert_eq!(w("p").nominal_share, 0.75);
    // Effective shares add up to 1 among siblings, and are r² over the siblings' Σ r².
    for parent in ["p", "idx"] {
        let sum: f64 = f
            .children(pos(&f, parent))
            .iter()
            .map(|&n| w(&f.node(n).unwrap().id).effective_share.unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-12, "{parent}: {sum}");
    }
    let rx = w("x").with_index.r.unwrap();
    assert_eq!(w("x").importance, Some(rx * rx));
    assert_eq!(w("w").effective_share, Some(1.0), "w is q's only child");
}

#[test]
fn too_few_units_are_refused() {
    let d = dataset(
        &[("A", &[]), ("B", &[])],
        &[
            ("x", Higher, &some(&[1.0, 2.0])),
            ("y", Higher, &some(&[1.0, 2.0])),
            ("z", Higher, &some(&[1.0, 2.0])),
        ],
    );
    let f = two_pillars();
    let r = pipeline::run(&d, &f, &Method::default(), &f.weights(), 2020).unwrap();
    let e = coherence(&f, &r).unwrap_err();
    assert_eq!(
        e.to_string(),
        "statistical coherence: 2 units have an index score in 2020; at least 3 are needed"
    );
    assert!(matches!(leave_one_out(&f, &r), Err(Error::Audit { .. })));
    // Results of another framework.
    let other = framework();
    let r = results(&other, &other.weights());
    assert_eq!(coherence(&f, &r).unwrap_err(), Error::OtherFramework);
    assert_eq!(leave_one_out(&f, &r).unwrap_err(), Error::OtherFramework);
    assert_eq!(Standings::new(&f, &r).unwrap_err(), Error::OtherFramework);
}

#[test]
fn leave_one_out_reweights_the_siblings() {
    let f = framework();
    let nominal = results(&f, &f.weights());
    let removals = leave_one_out(&f, &nominal).unwrap();
    let ids: Vec<&str> = removals
        .iter()
        .map(|r| f.node(r.node).unwrap().id.as_str())
        .collect();
    assert_eq!(ids, ["x", "y", "z", "w", "p", "q"]);
    for removal in &removals {
        // Each removal is the ranking under the weights with the node at 0 (or the highest
        // ancestor it leaves empty), compared with the nominal ranks.
        let mut o = BTreeMap::new();
        let top = removal.with.last().copied().unwrap_or(removal.node);
        o.insert(f.node(top).unwrap().id.clone(), 0.0);
        let w = Weights::with_overrides(&f, &o).unwrap();
        let without = Arc::clone(&nominal.prepared).score(&f, &w).unwrap();
        let moves: Vec<u64> = without
            .rank_changes(&nominal)
            .into_iter()
            .flatten()
            .map(i64::unsigned_abs)
            .collect();
        let shift = removal.shift.as_ref().unwrap();
        assert_eq!(shift.compared, moves.len());
        assert_eq!(shift.max, *moves.iter().max().unwrap());
        let mean = moves.iter().sum::<u64>() as f64 / moves.len() as f64;
        assert!((shift.mean - mean).abs() < 1e-12);
        assert_eq!(shift.most_moved_by.unsigned_abs(), shift.max, "{removal:?}");
    }
    // w is q's only child: removing it removes q.
    let w = removals.iter().find(|r| r.node == pos(&f, "w")).unwrap();
    assert_eq!(w.with, vec![pos(&f, "q")]);
}

#[test]
fn leaving_out_a_node_of_weight_zero_changes_nothing() {
    let f = framework();
    let mut o = BTreeMap::new();
    o.insert("y".to_string(), 0.0);
    let w = Weights::with_overrides(&f, &o).unwrap();
    let r = results(&f, &w);
    let y = leave_one_out(&f, &r)
        .unwrap()
        .into_iter()
        .find(|r| r.node == pos(&f, "y"))
        .unwrap();
    let shift = y.shift.unwrap();
    assert_eq!((shift.median, shift.mean, shift.max), (0.0, 0.0, 0));
    assert_eq!((shift.compared, shift.unranked), (5, 0));
}

#[test]
fn removing_the_only_line_to_the_index_is_refused_for_that_node() {
    // One indicator under one pillar under the index (an index published as one score):
    // removing `x` would take `p` and then the index with it; so would removing `p`.
    let f = Framework::new(vec![
        leaf("x", "p", 1.0),
        agg("p", Some("idx"), 1.0),
        agg("idx", None, 1.0),
    ])
    .unwrap();
    let d = dataset(
        &[("A", &[]), ("B", &[]), ("C", &[])],
        &[("x", Higher, &some(&[1.0, 2.0, 3.0]))],
    );
    let r = pipeline::run(&d, &f, &Method::default(), &f.weights(), 2020).unwrap();
    let removals = leave_one_out(&f, &r).unwrap();
    assert_eq!(removals.len(), 2);
    for removal in removals {
        assert_eq!(removal.shift, Err(LeftOut::NothingLeft));
    }
}

#[test]
fn strengths_and_weaknesses_keep_ties() {
    // Unit C: x rank 3, y rank 3 (3.5 of 5, 4, 3.5, 2, 1 → third), z rank 3, w rank 4
    // (lower is better: 4 is the 4th lowest of 3, 1, 4, 1.5, 9).
    let f = framework();
    let r = results(&f, &f.weights());
    let s = Standings::new(&f, &r).unwrap();
    let ids = |list: &[Standing]| -> Vec<(String, u32)> {
        list.iter()
            .map(|s| (f.node(s.indicator).unwrap().id.clone(), s.rank))
            .collect()
    };
    let c = s.profile(2, 1).unwrap();
    // Top 1 with ties: x, y, z all third; bottom 1: w (fourth).
    assert_eq!(
        ids(&c.strengths),
        [("x".into(), 3), ("y".into(), 3), ("z".into(), 3)]
    );
    assert_eq!(ids(&c.weaknesses), [("w".to_string(), 4)]);
    assert!(c.strengths.iter().all(|s| s.of == 5));
    // Unit E: x 1st, z 1st, y 5th, w 5th. Top 2: x, z; bottom 2 (worst first): y, w (tied,
    // framework order).
    let e = s.profile(4, 2).unwrap();
    assert_eq!(ids(&e.strengths), [("x".into(), 1), ("z".into(), 1)]);
    assert_eq!(ids(&e.weaknesses), [("y".into(), 5), ("w".into(), 5)]);
    // More than there are: every indicator once, none both a strength and a weakness.
    let all = s.profile(0, 10).unwrap();
    assert_eq!(all.strengths.len(), 4);
    assert!(all.weaknesses.is_empty());
    assert!(matches!(s.profile(0, 0), Err(Error::Audit { .. })));
    assert!(matches!(s.profile(5, 1), Err(Error::Audit { .. })));
}
