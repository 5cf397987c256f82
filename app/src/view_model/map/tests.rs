// test code
#![allow(clippy::indexing_slicing)]

use super::*;
use crate::charts::map::{Fill, MapGeometry};
use crate::fixtures;

#[track_caller]
fn check(values: &[f64], binning: Binning, want: &[f64]) {
    assert_eq!(breaks(values, &binning), want, "{values:?} {binning:?}");
}

#[test]
fn quantile_breaks_are_scores_and_leave_no_class_empty() {
    let ten: Vec<f64> = (1..=10).map(f64::from).collect();
    check(&ten, Binning::Quantiles(5), &[3.0, 5.0, 7.0, 9.0]);
    check(&ten, Binning::Quantiles(2), &[6.0]);
    // Order does not matter.
    let mut shuffled = ten.clone();
    shuffled.reverse();
    check(&shuffled, Binning::Quantiles(5), &[3.0, 5.0, 7.0, 9.0]);
    // Every class holds at least one score.
    let b = breaks(&ten, &Binning::Quantiles(5));
    for k in 0..=b.len() {
        assert!(ten.iter().any(|v| class_of(*v, &b) == k), "class {k} empty");
    }
}

#[test]
fn ties_share_a_class() {
    // Six units tied at 1: the break is not put inside the tie.
    let v = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 4.0, 5.0];
    check(&v, Binning::Quantiles(5), &[2.0, 4.0]);
    let b = breaks(&v, &Binning::Quantiles(5));
    assert!(v[..6].iter().all(|x| class_of(*x, &b) == 0));
    // All equal: one class.
    check(&[3.0; 8], Binning::Quantiles(5), &[]);
    check(&[3.0; 8], Binning::Equal(5), &[]);
}

#[test]
fn fewer_units_than_classes_give_one_class_each() {
    check(&[10.0, 30.0, 20.0], Binning::Quantiles(5), &[20.0, 30.0]);
    check(&[7.0], Binning::Quantiles(5), &[]);
    let l = legend(&[10.0, 30.0, 20.0], &[20.0, 30.0]);
    assert_eq!(l.len(), 3);
    assert_eq!(l[0].label, "10.0 – 20.0");
    assert_eq!(l[2].label, "30.0 – 30.0");
}

#[test]
fn equal_intervals_are_round() {
    check(
        &[3.0, 97.0, 50.0],
        Binning::Equal(5),
        &[20.0, 40.0, 60.0, 80.0],
    );
    check(&[0.12, 0.81], Binning::Equal(4), &[0.2, 0.4, 0.6, 0.8]);
    check(&[-1.3, 1.1], Binning::Equal(4), &[-1.0, 0.0, 1.0]);
    check(
        &[-1.3, 1.1],
        Binning::Equal(6),
        &[-1.0, -0.5, 0.0, 0.5, 1.0],
    );
}

#[test]
fn fixed_breaks_are_the_person_s() {
    assert_eq!(parse_breaks("75, 25;50  25"), Ok(vec![25.0, 50.0, 75.0]));
    assert!(parse_breaks("25, x").unwrap_err().contains("`x`"));
    assert!(parse_breaks(" , ").is_err());
    assert!(parse_breaks("1 2 3 4 5 6 7").is_err());
    assert!(parse_breaks("1e400").is_err());
    let b = breaks(&[10.0, 60.0, 90.0], &Binning::Fixed(vec![25.0, 50.0, 75.0]));
    assert_eq!(b, [25.0, 50.0, 75.0]);
    assert_eq!(
        [10.0, 25.0, 60.0, 90.0].map(|v| class_of(v, &b)),
        [0, 1, 2, 3]
    );
    // A class no score reaches keeps its break's label.
    let l = legend(&[60.0, 90.0], &b);
    assert_eq!(
        l.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        ["< 25.0", "25.0 – 50.0", "50.0 – 75.0", "75.0 – 90.0"]
    );
}

#[test]
fn all_missing_gives_no_class() {
    check(&[], Binning::Quantiles(5), &[]);
    check(&[f64::NAN], Binning::Equal(5), &[]);
    assert!(legend(&[], &[]).is_empty());
    assert!(legend(&[], &[1.0, 2.0]).is_empty());
}

#[test]
fn the_legend_is_light_to_dark() {
    let l = legend(&(1..=10).map(f64::from).collect::<Vec<_>>(), &[3.0, 5.0]);
    let lum = |c: &LegendClass| {
        0.2126 * f64::from(c.colour.0)
            + 0.7152 * f64::from(c.colour.1)
            + 0.0722 * f64::from(c.colour.2)
    };
    assert!(lum(&l[0]) > lum(&l[1]) && lum(&l[1]) > lum(&l[2]));
}

fn geometry() -> Shared<MapGeometry> {
    Shared::new(MapGeometry::from_json(&fixtures::map_json()).unwrap())
}

#[test]
fn the_map_s_table_is_the_ranking_s() {
    let b = fixtures::bundle("2023");
    let r = fixtures::results(&b, 2019);
    let g = geometry();
    let options = MapOptions {
        node: b.framework().root(),
        binning: Binning::Quantiles(5),
        outline_ldcs: true,
    };
    let (view, rows) = map_view(&b, &r, &r, &g, &options, Some("CCC"));
    // Ranked units in rank order, codes and scores as the ranking shows them.
    let ranked: Vec<(String, String, String)> = view
        .rows
        .iter()
        .filter(|row| row[0] != "–")
        .map(|row| (row[0].clone(), row[1].clone(), row[3].clone()))
        .collect();
    let want: Vec<(String, String, String)> = r
        .order()
        .iter()
        .copied()
        .filter_map(|u| {
            Some((
                r.rank(u)?.to_string(),
                b.dataset().units()[u].code.clone(),
                format::score(r.index(u)?),
            ))
        })
        .collect();
    assert_eq!(ranked, want);
    assert_eq!(view.rows.len(), b.dataset().units().len());
    let ChartData::Map(chart) = &view.data else {
        panic!("not a map")
    };
    let at = |code: &str| g.units.iter().position(|u| u.code == code).unwrap();
    assert_eq!(
        chart.fills[at("ZZZ")],
        Fill::Absent,
        "not in the data: hatched"
    );
    assert!(matches!(chart.fills[at("AAA")], Fill::Class(_)));
    // LDCs outlined (AAA, DDD), the followed unit marked, DDD a circle.
    assert!(chart.outlined[at("AAA")] && chart.outlined[at("DDD")] && !chart.outlined[at("BBB")]);
    assert_eq!(chart.selected, Some(at("CCC")));
    assert!(chart.circled(at("DDD")) && !chart.circled(at("AAA")));
    assert!(view.source.contains("Boundaries: made up for tests"));
    assert!(!view.source.contains("official endorsement"), "drawn apart");
    // The rows are in dataset order with their class.
    assert_eq!(rows[0].code, "AAA");
    assert!(rows.iter().all(|r| r.class.is_some() == r.score.is_some()));
}

#[test]
fn a_pillar_is_ranked_on_its_own_scores() {
    let b = fixtures::bundle("2023");
    let r = fixtures::results(&b, 2020);
    let x = b
        .framework()
        .nodes()
        .iter()
        .position(|n| n.id == "x")
        .unwrap();
    let rows = node_rows(&b, &r, &r, x);
    let scores: Vec<Option<f64>> = rows.iter().map(|r| r.score).collect();
    assert_eq!(
        rows.iter().map(|r| r.rank).collect::<Vec<_>>(),
        competition_ranks(&scores)
    );
    assert!(rows.iter().all(|r| r.change.is_none_or(|c| c == 0)));
}

#[test]
fn hovering_says_score_rank_and_change() {
    let row = MapRow {
        code: "KEN".into(),
        name: "Kenya".into(),
        score: Some(45.21),
        rank: Some(37),
        change: Some(3),
        class: Some(2),
    };
    assert_eq!(
        describe(Some(&row), "Kenya", 166),
        "Kenya: 45.2 · rank 37 of 166 · ▲ 3 since the published weights"
    );
    let none = MapRow {
        score: None,
        rank: None,
        change: None,
        ..row
    };
    assert_eq!(describe(Some(&none), "Kenya", 166), "Kenya: no data");
    assert_eq!(
        describe(None, "Greenland", 166),
        "Greenland: not in this dataset"
    );
}
