//! The over- and under-performers against income (UNCTAD's reading, computed by
//! [`index_core::performers`]), as the page shows them: the table's rows in the order asked
//! for, the coverage in words, and the scatter's data and table alternative. Pure, so tested
//! natively.

use index_core::bundle::Bundle;
use index_core::performers::{Gdp, Performer, Performers};

use super::{group_short, memberships};
use crate::charts::{IncomeScatter, Membership, Point};
use crate::format;
use crate::i18n::messages;
use crate::i18n::{t, t_with, Arg};
use crate::state::PerformerKey;

/// The groups the scatter marks by shape and colour, as UNCTAD's figure does: LDCs (group a's
/// marks) and developed economies (group b's), whichever groups the gap panel compares.
pub const MARKED: [&str; 2] = ["LDC", "developed"];

/// One row of the performers table.
#[derive(Debug, Clone, PartialEq)]
pub struct PerformerRow {
    /// Unit position in the dataset.
    pub unit: usize,
    /// ISO3 code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Index score.
    pub score: f64,
    /// Index rank among every scored unit.
    pub index_rank: u32,
    /// GDP per capita, PPP, when the unit is compared.
    pub gdp: Option<f64>,
    /// Rank by score among the economies compared (`None`: not compared).
    pub actual: Option<u32>,
    /// Rank by GDP per capita among them (`None`: not compared).
    pub expected: Option<u32>,
    /// Expected − actual: positive for an over-performer (`None`: not compared).
    pub difference: Option<i64>,
    /// Why the unit is not compared ("no GDP per capita for 2021"); empty when it is.
    pub note: String,
    /// Which marked group ([`MARKED`]) it is in.
    pub membership: Membership,
}

/// Why a scored unit with GDP per capita `gdp` is not compared in `year`, for people; empty when
/// it is.
pub fn note(gdp: Gdp, year: i32) -> String {
    match gdp {
        Gdp::Value(_) => String::new(),
        Gdp::Missing => t_with(&messages::NO_GDP, &[("year", year.to_string().into())]),
        Gdp::NotPositive(_) => t_with(
            &messages::GDP_NOT_POSITIVE,
            &[("year", year.to_string().into())],
        ),
    }
}

/// The groups of [`MARKED`], as `memberships` takes them.
fn marked() -> [String; 2] {
    MARKED.map(String::from)
}

/// The table's rows, sorted by `sort` (key, turned round): the economies compared first —
/// by name (A to Z), actual rank, expected rank (best first) or difference (largest
/// over-performer first, the order of [`Performers::largest_first`]), then by actual rank and
/// unit position — then every scored unit without a usable GDP per capita, marked with a note,
/// in index-rank order (by name when sorted by name). Turning the order round turns the key
/// round only: ties and the units not compared keep their order.
pub fn rows(bundle: &Bundle, p: &Performers, sort: (PerformerKey, bool)) -> Vec<PerformerRow> {
    let ds = bundle.dataset();
    let membership = memberships(bundle, &marked());
    let row = |r: &Performer| {
        let unit = ds.units().get(r.unit)?;
        Some(PerformerRow {
            unit: r.unit,
            code: unit.code.clone(),
            name: crate::i18n::label(unit),
            score: r.score,
            index_rank: r.rank,
            gdp: r.gdp.usable().filter(|_| r.difference.is_some()),
            actual: r.actual_rank,
            expected: r.expected_rank,
            difference: r.difference,
            note: note(r.gdp, p.year),
            membership: membership(r.unit),
        })
    };
    let mut compared: Vec<PerformerRow> = p.compared().filter_map(row).collect();
    let mut left: Vec<PerformerRow> = p.not_compared().filter_map(row).collect();
    let (key, reversed) = sort;
    let turn = |o: std::cmp::Ordering| if reversed { o.reverse() } else { o };
    index_core::order::sort_by(&mut compared, |a, b| {
        let primary = match key {
            PerformerKey::Name => a.name.cmp(&b.name),
            PerformerKey::Actual => a.actual.cmp(&b.actual),
            PerformerKey::Expected => a.expected.cmp(&b.expected),
            PerformerKey::Difference => b.difference.cmp(&a.difference),
        };
        turn(primary)
            .then(a.actual.cmp(&b.actual))
            .then(a.unit.cmp(&b.unit))
    });
    if key == PerformerKey::Name {
        index_core::order::sort_by(&mut left, |a, b| turn(a.name.cmp(&b.name)));
    }
    compared.extend(left);
    compared
}

/// How many scored economies have a GDP per capita to compare, in words: "GDP per capita for
/// 163 of 166 scored economies in 2021".
pub fn coverage(p: &Performers) -> String {
    let scored = p.rows.len();
    let compared = p.compared().count();
    let year = p.year;
    let args = [
        ("year", Arg::from(year.to_string())),
        ("count", scored.into()),
        ("compared", compared.to_string().into()),
    ];
    match (compared, scored) {
        (_, 0) => t_with(&messages::NO_ECONOMY_SCORED, &args),
        (c, s) if c == s => t_with(&messages::GDP_FOR_ALL, &args),
        _ => t_with(&messages::GDP_FOR_SOME, &args),
    }
}

/// A rank difference for the page: "+3", "−3" (a minus sign), "0".
pub fn difference_text(d: i64) -> String {
    match d {
        0 => "0".into(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.unsigned_abs()),
    }
}

/// The scatter's data: every economy compared at (GDP per capita, score), LDCs and developed
/// economies marked, the unit followed (`selection`, a code) highlighted, and the fitted line.
pub fn scatter(bundle: &Bundle, p: &Performers, selection: Option<&str>) -> IncomeScatter {
    let ds = bundle.dataset();
    let membership = memberships(bundle, &marked());
    let points = p
        .compared()
        .filter_map(|r| {
            let unit = ds.units().get(r.unit)?;
            Some(Point {
                code: unit.code.clone(),
                name: crate::i18n::label(unit),
                rank: r.actual_rank,
                expected: r.expected_rank,
                gdp: r.gdp.usable()?,
                score: r.score,
                membership: membership(r.unit),
                selected: selection == Some(unit.code.as_str()),
            })
        })
        .collect();
    IncomeScatter {
        points,
        fit: p.fit,
        names: MARKED.map(|g| group_short(bundle, g)),
    }
}

/// The scatter's table alternative (also its "CSV · shown"): a header and one row per scored
/// economy, in the performers table's order `sort` ([`rows`]; by default largest over-performer
/// first, then those without GDP per capita). Figures are plain numbers ("+3", "-3", "8050"),
/// so that a spreadsheet reads them.
pub fn table(
    bundle: &Bundle,
    p: &Performers,
    sort: (PerformerKey, bool),
) -> (Vec<String>, Vec<Vec<String>>) {
    let names = MARKED.map(|g| group_short(bundle, g));
    let header = [
        &messages::CODE,
        &messages::COUNTRY,
        &messages::GROUP,
        &messages::SCORE,
        &messages::GDP_PPP,
        &messages::RANK,
        &messages::EXPECTED_RANK,
        &messages::DIFFERENCE,
        &messages::NOTE,
    ]
    .map(t)
    .to_vec();
    let missing = || "–".to_string();
    let rank = |k: Option<u32>| k.map_or_else(missing, |k| k.to_string());
    let body = rows(bundle, p, sort)
        .into_iter()
        .map(|r| {
            let group = match r.membership {
                Membership::A => names[0].clone(),
                Membership::B => names[1].clone(),
                Membership::Other => String::new(),
            };
            vec![
                r.code,
                r.name,
                group,
                format::score(r.score),
                r.gdp.map_or_else(missing, |g| format!("{g:.0}")),
                rank(r.actual),
                rank(r.expected),
                r.difference.map_or_else(missing, |d| {
                    if d > 0 {
                        format!("+{d}")
                    } else {
                        d.to_string()
                    }
                }),
                r.note,
            ]
        })
        .collect();
    (header, body)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use super::*;
    use crate::charts::ChartKind;
    use crate::fixtures::{bundle_with_gdp, results};
    use crate::view_model::{chart_view, ChartContext};

    fn performers() -> (Bundle, Performers) {
        let b = bundle_with_gdp();
        let r = results(&b, 2020);
        let p = index_core::performers::performers(&b, &r).unwrap();
        (b, p)
    }

    /// (code, actual, expected, difference, note) of each row.
    type Line = (String, Option<u32>, Option<u32>, Option<i64>, String);

    #[track_caller]
    fn check(sort: (PerformerKey, bool), want: &[&str]) -> Vec<Line> {
        let (b, p) = performers();
        let rows = rows(&b, &p, sort);
        let codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, want, "{sort:?}");
        rows.into_iter()
            .map(|r| (r.code, r.actual, r.expected, r.difference, r.note))
            .collect()
    }

    fn line(code: &str, ranks: Option<(u32, u32)>, note: &str) -> Line {
        let (a, e) = (ranks.map(|r| r.0), ranks.map(|r| r.1));
        let d = ranks.map(|(a, e)| i64::from(e) - i64::from(a));
        (code.into(), a, e, d, note.into())
    }

    #[test]
    fn largest_over_performer_first_and_no_gdp_last_never_dropped() {
        // Scores (equal weights of min-max x and y, 2020): CCC 0.75, BBB 0.667, DDD 0.208,
        // AAA 0; EEE has no score. GDP per capita: AAA 1 000, BBB 50 000, CCC 800, DDD none.
        // Compared: CCC, BBB, AAA — actual 1, 2, 3; expected by GDP 3, 1, 2; so CCC +2,
        // BBB −1, AAA −1 (the tie by actual rank).
        let lines = check(
            (PerformerKey::Difference, false),
            &["CCC", "BBB", "AAA", "DDD"],
        );
        assert_eq!(
            lines,
            [
                line("CCC", Some((1, 3)), ""),
                line("BBB", Some((2, 1)), ""),
                line("AAA", Some((3, 2)), ""),
                line("DDD", None, "no GDP per capita for 2020"),
            ]
        );
        // The default order is the engine's (and so the CLI's) largest-first order.
        let (b, p) = performers();
        let engine: Vec<usize> = p.largest_first().iter().map(|r| r.unit).collect();
        let ours: Vec<usize> = rows(&b, &p, (PerformerKey::Difference, false))
            .iter()
            .map(|r| r.unit)
            .take(3)
            .collect();
        assert_eq!(ours, engine);
    }

    #[test]
    fn every_column_sorts_both_ways_with_the_units_without_gdp_last() {
        check(
            (PerformerKey::Difference, true),
            &["BBB", "AAA", "CCC", "DDD"],
        );
        check((PerformerKey::Actual, false), &["CCC", "BBB", "AAA", "DDD"]);
        check((PerformerKey::Actual, true), &["AAA", "BBB", "CCC", "DDD"]);
        check(
            (PerformerKey::Expected, false),
            &["BBB", "AAA", "CCC", "DDD"],
        );
        check(
            (PerformerKey::Expected, true),
            &["CCC", "AAA", "BBB", "DDD"],
        );
        // By name: "-Charlie" < "=HYPERLINK…" < "Alpha"; "@Delta" has no GDP, so it comes last.
        check((PerformerKey::Name, false), &["CCC", "BBB", "AAA", "DDD"]);
        check((PerformerKey::Name, true), &["AAA", "BBB", "CCC", "DDD"]);
    }

    #[test]
    fn coverage_in_words() {
        let (_, p) = performers();
        assert_eq!(
            coverage(&p),
            "GDP per capita for 3 of 4 scored economies in 2020."
        );
        let mut all = p.clone();
        all.rows.retain(|r| r.difference.is_some());
        assert_eq!(
            coverage(&all),
            "GDP per capita for all 3 scored economies in 2020."
        );
        all.rows.clear();
        assert_eq!(coverage(&all), "No economy has a score in 2020.");
        assert_eq!(
            note(Gdp::NotPositive(0.0), 2021),
            "GDP per capita for 2021 not above 0"
        );
        assert_eq!(
            [difference_text(3), difference_text(-3), difference_text(0)],
            ["+3", "−3", "0"]
        );
    }

    #[test]
    fn the_scatter_marks_ldcs_and_developed_and_the_unit_followed() {
        let (b, p) = performers();
        let s = scatter(&b, &p, Some("CCC"));
        let points: Vec<(&str, f64, Membership, bool)> = s
            .points
            .iter()
            .map(|q| (q.code.as_str(), q.gdp, q.membership, q.selected))
            .collect();
        assert_eq!(
            points,
            [
                ("CCC", 800.0, Membership::B, true),
                ("BBB", 50_000.0, Membership::B, false),
                ("AAA", 1_000.0, Membership::A, false),
            ],
            "compared units only, in index-rank order"
        );
        assert_eq!(s.fit, p.fit);
        assert!(s.fit.is_some());
        assert_eq!(s.names, ["LDCs".to_string(), "Developed".to_string()]);
    }

    #[test]
    fn the_chart_names_both_sources_and_lists_every_scored_economy() {
        let (b, p) = performers();
        let r = results(&b, 2020);
        let groups = ["LDC".to_string(), "developed".to_string()];
        let ctx = ChartContext {
            bundle: &b,
            results: &r,
            years: &[2019, 2020],
            groups: &groups,
            gaps: None,
            gaps_by_year: &[],
            selection: None,
            performers: Some(&p),
            choices: Default::default(),
        };
        let v = chart_view(ChartKind::Performers, &ctx).unwrap();
        assert_eq!(
            v.title,
            "Test index score against GDP per capita (PPP), 2020"
        );
        // The index's sources first, then the GDP's, each with edition and licence.
        let one = v
            .source
            .find("Pub One, Pub One data, with a comma (2023), CC BY 4.0");
        let two = v.source.find("Pub Two");
        let gdp = v
            .source
            .find("World Bank, GDP per capita, PPP (WDI 2026), CC BY 4.0");
        assert!(one < two && two < gdp && one.is_some(), "{}", v.source);
        assert_eq!(v.header.len(), 9);
        let rows: Vec<(&str, &str, &str)> = v
            .rows
            .iter()
            .map(|r| (r[0].as_str(), r[4].as_str(), r[7].as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("CCC", "800", "+2"),
                ("BBB", "50000", "-1"),
                ("AAA", "1000", "-1"),
                ("DDD", "–", "–"),
            ]
        );
        assert_eq!(
            v.rows[3][8], "no GDP per capita for 2020",
            "listed, with why"
        );
        assert!(matches!(v.data, crate::charts::ChartData::Scatter(_)));
        // Without performers (a bundle without GDP per capita) there is no chart.
        let none = ChartContext {
            performers: None,
            ..ctx
        };
        assert!(chart_view(ChartKind::Performers, &none).is_none());
    }
}
