//! The "every year" export, as pure functions (tested natively): the background worker's index
//! scores and ranks for every year under one scenario ([`ScoredYears`]) as a CSV file with the
//! metadata header every CSV of the app carries ([`crate::export::csv`]). The browser side
//! (the worker, the button, progress and Cancel) is in [`crate::components::every_year`].

use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use index_worker::protocol::ScoredYears;

use crate::export::{self, Cell, Metadata, Table};
use crate::view_model::ChartView;

/// First and last year scored (`None` if none was).
pub fn span(scored: &ScoredYears) -> Option<(i32, i32)> {
    Some((scored.years.first()?.year, scored.years.last()?.year))
}

/// Years scored and rows (units × years) in the file.
pub fn counts(scored: &ScoredYears) -> (usize, usize) {
    let years = scored.years.len();
    (years, years * scored.codes.len())
}

/// The file's title: "<index> by country, every year (2000–2023)".
pub fn title(bundle: &Bundle, scored: &ScoredYears) -> String {
    let (a, b) = span(scored).unwrap_or_default();
    format!("{} by country, every year ({a}–{b})", bundle.title())
}

/// One row per unit and year, years ascending and units by rank (unranked last): year, rank,
/// code, name, index score.
pub fn table(bundle: &Bundle, scored: &ScoredYears) -> Table {
    let units = bundle.dataset().units();
    let rows = scored
        .years
        .iter()
        .flat_map(|y| {
            y.order().into_iter().map(move |u| {
                let score = y.scores.get(u).copied().flatten();
                let rank = y.ranks.get(u).copied().flatten();
                vec![
                    Cell::Integer(i64::from(y.year)),
                    rank.map_or(Cell::Empty, |r| Cell::Integer(i64::from(r))),
                    Cell::Text(scored.codes.get(u).cloned().unwrap_or_default()),
                    Cell::Text(units.get(u).map(|u| u.name.clone()).unwrap_or_default()),
                    score.map_or(Cell::Empty, Cell::Number),
                ]
            })
        })
        .collect();
    Table {
        header: ["Year", "Rank", "Code", "Country", "Score"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The CSV file of `scored`: the app's metadata header (`view` is the ranking chart of the
/// year shown, whose subtitle names the weights and method; `year` the year shown) retitled
/// for every year, then [`table`].
///
/// # Errors
/// The worker's units are not the page's (it read another version of the bundle's file), or
/// as [`export::csv`].
pub fn csv(
    bundle: &Bundle,
    view: &ChartView,
    scenario: &Scenario,
    year: i32,
    link: &str,
    generated: &str,
    scored: &ScoredYears,
) -> Result<String, String> {
    let units = bundle.dataset().units();
    let n = units.len();
    let same = scored.codes.len() == n && scored.codes.iter().zip(units).all(|(c, u)| *c == u.code);
    if !same
        || scored
            .years
            .iter()
            .any(|y| y.scores.len() != n || y.ranks.len() != n)
    {
        return Err("the data changed since the page loaded it; reload the page".into());
    }
    let (years, rows) = counts(scored);
    let mut rows = format!("every unit, every year with data: {years} years, {rows} rows");
    for (year, why) in &scored.skipped {
        rows.push_str(&format!("; {year} left out: {why}"));
    }
    let mut meta = Metadata::new(bundle, view, scenario, year, link, &rows, generated);
    meta.title = title(bundle, scored);
    export::csv(&meta, &table(bundle, scored))
}

/// The file's name: `index-explorer-<bundle>-<first>-to-<last>.csv`.
pub fn file_name(bundle: &Bundle, scored: &ScoredYears) -> String {
    let (a, b) = span(scored).unwrap_or_default();
    export::file_name(bundle.id(), a, &format!("to-{b}"), "csv")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use std::sync::Arc;

    use index_core::dataset::{DatasetBuilder, Direction, Group, Indicator, Source, Unit};
    use index_core::pipeline;
    use index_worker::jobs::score_years;

    use super::*;
    use crate::charts::ChartKind;
    use crate::view_model::{chart_view, ChartContext};

    /// Four units (one named like a formula), two indicators, three years; DDD has no data in
    /// 2021.
    fn bundle() -> Bundle {
        let unit = |code: &str, name: &str, group: &str| Unit {
            short: None,
            code: code.into(),
            name: name.into(),
            groups: vec![group.into()],
        };
        let indicator = |id: &str| Indicator {
            id: id.into(),
            name: format!("Indicator {id}"),
            unit: "index".into(),
            direction: Direction::Higher,
            source: "s".into(),
        };
        let group = |id: &str| Group {
            id: id.into(),
            name: id.into(),
            family: "status".into(),
        };
        let mut b = DatasetBuilder::new(
            vec![
                unit("AAA", "Alpha", "LDC"),
                unit("BBB", "=Bravo", "developed"),
                unit("CCC", "Charlie, the third", "LDC"),
                unit("DDD", "Delta", "developed"),
            ],
            vec![indicator("x"), indicator("y")],
            vec![Source {
                id: "s".into(),
                publisher: "Pub".into(),
                title: "Data".into(),
                edition: "2025".into(),
                licence: "CC BY 4.0".into(),
                url: "https://example.org".into(),
            }],
            vec![group("LDC"), group("developed")],
            vec![2019, 2020, 2021],
        )
        .unwrap();
        for (i, code) in ["AAA", "BBB", "CCC", "DDD"].iter().enumerate() {
            for year in [2019, 2020, 2021] {
                if year == 2021 && *code == "DDD" {
                    continue;
                }
                let t = f64::from(year - 2019);
                b.set(code, "x", year, 1.0 + i as f64 * (1.0 + t)).unwrap();
                b.set(code, "y", year, 8.0 - i as f64 + t).unwrap();
            }
        }
        crate::fixtures::test_index(b.build())
    }

    fn records(csv: &str) -> Vec<Vec<String>> {
        ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    }

    /// The ranking chart of `year` under `scenario`, as the page has it.
    fn ranking_view(b: &Bundle, scenario: &Scenario, year: i32) -> ChartView {
        let resolved = scenario.resolve(b).unwrap();
        let prepared = pipeline::prepare(b.dataset(), b.framework(), &resolved.method, year);
        let r = Arc::new(prepared.unwrap())
            .score(b.framework(), &resolved.weights)
            .unwrap();
        chart_view(
            ChartKind::Bars,
            &ChartContext {
                bundle: b,
                results: &r,
                years: &[year],
                groups: b.default_groups(),
                gaps: None,
                gaps_by_year: &[],
                selection: None,
                performers: None,
                choices: Default::default(),
            },
        )
        .unwrap()
    }

    #[test]
    fn the_csv_holds_every_unit_of_every_year_under_its_metadata() {
        let b = bundle();
        let mut scenario = Scenario {
            bundle: "test".into(),
            ..Scenario::default()
        };
        scenario.weights.insert("x".into(), 3.0);
        let scored = score_years(&b, &scenario, &mut |_, _| {}).unwrap();
        let view = ranking_view(&b, &scenario, 2020);
        let text = csv(
            &b,
            &view,
            &scenario,
            2020,
            "http://x/?v=2&b=test&w=x:3",
            "2026-01-02T03:04:05Z",
            &scored,
        )
        .unwrap();
        let recs = records(&text);
        let meta: Vec<&Vec<String>> = recs.iter().filter(|r| r[0].starts_with('#')).collect();
        let line = |label: &str| {
            meta.iter()
                .find(|r| r[0] == format!("# {label}"))
                .map(|r| r[1].clone())
                .unwrap_or_default()
        };
        assert_eq!(meta[0][0], "# Index Explorer data export");
        assert_eq!(
            line("title"),
            "Test index by country, every year (2019–2021)"
        );
        assert_eq!(line("subtitle"), view.subtitle);
        assert!(line("subtitle").starts_with("Weights (changed)"));
        assert_eq!(line("scenario"), "v=2&b=test&w=x:3");
        assert_eq!(line("edition"), export::edition_id(&b));
        assert_eq!(
            line("rows"),
            "every unit, every year with data: 3 years, 12 rows"
        );
        assert!(meta.iter().any(|r| r[0] == "# source" && r[1] == "Pub"));

        let table: Vec<&Vec<String>> = recs.iter().filter(|r| !r[0].starts_with('#')).collect();
        assert_eq!(*table[0], ["Year", "Rank", "Code", "Country", "Score"]);
        assert_eq!(table.len(), 1 + 12, "4 units × 3 years");
        // Each row is the worker's figure for that year and unit.
        for y in &scored.years {
            for (u, code) in scored.codes.iter().enumerate() {
                let row = table
                    .iter()
                    .find(|r| r[0] == y.year.to_string() && r[2] == *code)
                    .unwrap();
                assert_eq!(
                    row[1],
                    y.ranks[u].map(|r| r.to_string()).unwrap_or_default()
                );
                assert_eq!(row[4], y.scores[u].map(export::number).unwrap_or_default());
            }
        }
        // Years ascending, ranked first; names neutralised and quoted.
        assert_eq!(table[1][..3], ["2019", "1", "DDD"]);
        let bbb = table.iter().find(|r| r[2] == "BBB").unwrap();
        assert_eq!(bbb[3], "'=Bravo");
        assert!(text.contains("\"Charlie, the third\""));
        let last = table.last().unwrap();
        assert_eq!(
            (last[0].as_str(), last[1].as_str(), last[2].as_str()),
            ("2021", "", "DDD"),
            "unranked last"
        );
        assert_eq!(
            file_name(&b, &scored),
            "index-explorer-test-2019-to-2021.csv"
        );
    }

    #[test]
    fn a_worker_with_other_units_is_refused() {
        let b = bundle();
        let mut scored = score_years(&b, &Scenario::default(), &mut |_, _| {}).unwrap();
        assert_eq!(counts(&scored), (3, 12));
        assert_eq!(
            title(&b, &scored),
            "Test index by country, every year (2019–2021)"
        );
        scored.skipped.push((2018, "no indicator has data".into()));
        let view = ranking_view(&b, &Scenario::default(), 2020);
        let text = csv(&b, &view, &Scenario::default(), 2020, "", "", &scored).unwrap();
        assert!(
            text.contains("3 years, 12 rows; 2018 left out: no indicator has data"),
            "a year the worker could not score is named: {text}"
        );
        scored.codes.swap(0, 1);
        let e = csv(&b, &view, &Scenario::default(), 2020, "", "", &scored).unwrap_err();
        assert!(e.contains("reload the page"), "{e}");
        scored.codes.pop();
        assert!(csv(&b, &view, &Scenario::default(), 2020, "", "", &scored).is_err());
    }
}
