//! The followed unit over the years: its score and rank in every year with data under the
//! current weights, beside each compared group's mean score — derived once per change
//! ([`crate::state::Derived::unit_trend`], from the every-year scoring the page already holds),
//! and the chart's data, captions and table alternative made from it.

use std::sync::Arc;

use index_core::bundle::Bundle;
use index_core::groups;
use index_core::pipeline::Results;

use super::{chart_of, group_short, ChartParts, ChartView};
use crate::charts::{ChartData, ChartKind, Line, LineChart, Mark, UnitLines, ACCENT, INK};
use crate::format;
use crate::i18n::messages;
use crate::i18n::{t as tr, t_with};

/// One unit's score and rank in every year, with the groups' means.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTrend {
    /// The unit's code (ISO3).
    pub code: String,
    /// The unit's name.
    pub name: String,
    /// The years, ascending.
    pub years: Vec<i32>,
    /// The unit's index score per year (`None`: not scored that year).
    pub scores: Vec<Option<f64>>,
    /// The unit's rank per year.
    pub ranks: Vec<Option<u32>>,
    /// Each group compared, in the order chosen: its short name and mean index score per year.
    pub groups: Vec<(String, Vec<Option<f64>>)>,
}

/// The unit `code`'s trend over `results` (one per year of `years`, as the page scored them),
/// with the mean index score of each of `group_ids`; `None` when the dataset has no such unit.
/// A group that cannot be compared in a year (no member scored) has no mean that year.
pub fn unit_trend(
    bundle: &Bundle,
    years: &[i32],
    results: &[Arc<Results>],
    code: &str,
    group_ids: &[String],
) -> Option<UnitTrend> {
    let ds = bundle.dataset();
    let u = ds.unit_position(code)?;
    let ids: Vec<&str> = group_ids.iter().map(String::as_str).collect();
    let mut groups: Vec<(String, Vec<Option<f64>>)> = group_ids
        .iter()
        .map(|id| (group_short(bundle, id), Vec::with_capacity(years.len())))
        .collect();
    for r in results {
        let cmp = groups::compare_groups(ds, bundle.framework(), r, &ids).ok();
        // The index is the comparison's first node.
        let index = cmp.as_ref().and_then(|c| c.nodes.first());
        for (i, (_, means)) in groups.iter_mut().enumerate() {
            means.push(index.and_then(|n| n.groups.get(i)).and_then(|g| g.mean));
        }
    }
    Some(UnitTrend {
        code: code.to_string(),
        name: ds
            .units()
            .get(u)
            .map(crate::i18n::label)
            .unwrap_or_default(),
        years: years.to_vec(),
        scores: results.iter().map(|r| r.index(u)).collect(),
        ranks: results.iter().map(|r| r.rank(u)).collect(),
        groups,
    })
}

/// The chart of `t` ([`ChartKind::UnitTrend`]), captioned for the year `results` shows (its
/// weights and method); `None` with fewer than two years.
pub fn chart_view(bundle: &Bundle, results: &Results, t: &UnitTrend) -> Option<ChartView> {
    view(bundle, t).map(|parts| chart_of(ChartKind::UnitTrend, bundle, results, parts))
}

/// The chart's parts: title, screen-reader label, data, table header and rows (year, rank,
/// score, then each group's mean); `None` with fewer than two years.
pub fn view(bundle: &Bundle, t: &UnitTrend) -> Option<ChartParts> {
    let (first, last) = (t.years.first()?, t.years.last()?);
    if t.years.len() < 2 {
        return None;
    }
    let unit = Line {
        label: t.name.clone(),
        colour: ACCENT,
        mark: Mark::Other,
        values: t.scores.clone(),
    };
    // Each group's line with its own mark, as in every other chart.
    let means = t.groups.iter().enumerate().map(|(i, (name, values))| {
        let mark = Mark::group(i);
        Line {
            // The group's name alone, so that the legend fits a phone (the title says these
            // are the groups' means).
            label: name.clone(),
            colour: mark.colour(),
            mark,
            values: values.clone(),
        }
    });
    let data = UnitLines {
        score: LineChart {
            years: t.years.clone(),
            series: std::iter::once(unit).chain(means).collect(),
            inverted: false,
        },
        rank: LineChart {
            years: t.years.clone(),
            series: vec![Line {
                label: t_with(&messages::RANK_OF, &[("name", t.name.clone().into())]),
                colour: INK,
                mark: Mark::Other,
                values: t.ranks.iter().map(|r| r.map(f64::from)).collect(),
            }],
            inverted: true,
        },
    };
    let header = [&messages::YEAR, &messages::RANK, &messages::SCORE]
        .into_iter()
        .map(tr)
        .chain(
            t.groups
                .iter()
                .map(|(n, _)| t_with(&messages::GROUP_MEAN, &[("group", n.clone().into())])),
        )
        .collect();
    let rows = t
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let rank = t.ranks.get(i).copied().flatten();
            let score = t.scores.get(i).copied().flatten();
            [
                y.to_string(),
                rank.map_or_else(|| "–".to_string(), |r| r.to_string()),
            ]
            .into_iter()
            .chain(std::iter::once(format::opt_score(score)))
            .chain(
                t.groups
                    .iter()
                    .map(|(_, m)| format::opt_score(m.get(i).copied().flatten())),
            )
            .collect()
        })
        .collect();
    Some((
        t_with(
            &messages::TREND_TITLE,
            &[
                ("name", t.name.clone().into()),
                ("first", first.to_string().into()),
                ("last", last.to_string().into()),
            ],
        ),
        t_with(
            &messages::TREND_LABEL,
            &[
                ("name", t.name.clone().into()),
                ("index", bundle.title().into()),
            ],
        ),
        ChartData::UnitLines(data),
        header,
        rows,
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code

    use super::*;
    use crate::fixtures::{bundle, results};

    /// The fixture's two years, scored as the page scores them.
    fn scored(b: &Bundle) -> Vec<Arc<Results>> {
        [2019, 2020]
            .into_iter()
            .map(|y| Arc::new(results(b, y)))
            .collect()
    }

    fn pair() -> Vec<String> {
        vec!["LDC".into(), "developed".into()]
    }

    #[test]
    fn the_trend_is_each_years_score_rank_and_group_means() {
        let b = bundle("2023");
        let r = scored(&b);
        let t = unit_trend(&b, &[2019, 2020], &r, "AAA", &pair()).unwrap();
        assert_eq!(t.name, "Alpha");
        for (i, r) in r.iter().enumerate() {
            assert_eq!(t.scores[i], r.index(0));
            assert_eq!(t.ranks[i], r.rank(0));
            let cmp = groups::compare(b.dataset(), b.framework(), r, "LDC", "developed").unwrap();
            let idx = cmp.index().unwrap();
            assert_eq!(t.groups[0].1[i], idx.a.mean, "LDC mean, year {i}");
            assert_eq!(t.groups[1].1[i], idx.b.mean, "developed mean, year {i}");
        }
        assert!(t.scores.iter().all(Option::is_some));
        assert_eq!(t.groups[0].0, "LDCs");
        assert_eq!(unit_trend(&b, &[2019, 2020], &r, "ZZZ", &pair()), None);
    }

    #[test]
    fn a_year_without_a_score_is_a_dash_in_the_table_and_a_break_in_the_lines() {
        let b = bundle("2023");
        let t = unit_trend(&b, &[2019, 2020], &scored(&b), "EEE", &pair()).unwrap();
        // EEE has a value in 2019 only.
        assert!(t.scores[0].is_some() && t.scores[1].is_none(), "{t:?}");
        let (title, _, data, header, rows) = view(&b, &t).unwrap();
        assert_eq!(
            title,
            "Echo: rank and index score, 2019–2020, with the groups' means"
        );
        assert_eq!(
            header,
            ["Year", "Rank", "Score", "LDCs mean", "Developed mean"]
        );
        assert_eq!(rows[1][..3], ["2020", "–", "–"]);
        assert_eq!(rows[0][1], t.ranks[0].unwrap().to_string());
        let ChartData::UnitLines(d) = data else {
            panic!("not the unit's lines")
        };
        assert!(d.rank.inverted && !d.score.inverted);
        assert_eq!(d.score.series.len(), 3, "the unit and two groups");
        assert_eq!(d.rank.series[0].values[1], None);
    }

    #[test]
    fn one_year_draws_nothing() {
        let b = bundle("2023");
        let r = vec![Arc::new(results(&b, 2020))];
        let t = unit_trend(&b, &[2020], &r, "AAA", &pair()).unwrap();
        assert_eq!(view(&b, &t), None);
    }
}
