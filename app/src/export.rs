//! Sharing and export, as pure functions (tested natively): the bundle's edition id, the embed
//! link and `<iframe>` code, a chart as SVG with its captions, the data behind a chart as CSV
//! with a metadata header, and the per-indicator source list of the Sources tab. The browser
//! side (files, clipboard) is in [`crate::download`] and the components.
//!
//! ## CSV
//!
//! A metadata block comes first: every line starts with `#` followed by a label (`# title`,
//! `# scenario`, `# source`, …) and the values as further CSV fields, so a reader that skips
//! `#` lines (`pandas.read_csv(comment="#")`, R's `read.csv(comment.char = "#")`) sees only the
//! table, and a spreadsheet shows the metadata in the first rows, each value in its own cell.
//! Then one header row and the rows.
//!
//! Formula injection: a spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (and, in
//! some, a tab or carriage return) as a formula. Every **text** cell (names, codes, captions,
//! source fields) that starts with one of these is prefixed with `'`, which spreadsheets show as
//! plain text. **Numbers we format ourselves are not touched**: `-3` (a rank change) or
//! `-0.25` (a z-score) is a number, not a formula, and prefixing it would turn it into text
//! and break sums. A shown figure that arrives as text (a chart table's cell) counts as a
//! number only if it parses as one in full, so `-1+2` or `-2+cmd|…` is still neutralised.

use index_core::bundle::Bundle;
use index_core::dataset::Source;
use index_core::display::{escape_html, figure_sources};
use index_core::pipeline::{Prepared, Results};
use index_core::scenario::Scenario;
use plotters::prelude::*;

use crate::charts::backend::Backend;
use crate::charts::caption::draw_captioned;
use crate::charts::{ChartKind, Direction, Membership, Style};
use crate::view_model::{chart_indicators, ChartView, Row};

use crate::i18n::Lang;
use crate::persist::Param;

/// Default size of an embed, in CSS pixels.
pub const EMBED_SIZE: (u32, u32) = (640, 480);
/// Smallest and largest embed width accepted by the dialog.
pub const EMBED_WIDTH: (u32, u32) = (320, 2000);
/// Smallest and largest embed height accepted by the dialog.
pub const EMBED_HEIGHT: (u32, u32) = (240, 2000);

/// Size of downloaded charts, in CSS pixels (PNG is drawn at twice this).
pub const DOWNLOAD_SIZE: (u32, u32) = (960, 600);

/// The bundle's edition id: a short, stable hash (FNV-1a, 32 bits as 8 hex digits) of its id,
/// its sources' ids and editions, and the years it holds. A new release of any source (its
/// edition text changes) or a new year gives a new id; re-serving the same files does not.
pub fn edition_id(bundle: &Bundle) -> String {
    let ds = bundle.dataset();
    let mut sources: Vec<&Source> = ds.sources().iter().collect();
    index_core::order::sort_by(&mut sources, |a, b| a.id.cmp(&b.id));
    let mut text = format!("{}\n", bundle.id());
    for s in sources {
        text.push_str(&s.id);
        text.push('\t');
        text.push_str(&s.edition);
        text.push('\n');
    }
    for y in ds.years() {
        text.push_str(&y.to_string());
        text.push(',');
    }
    let h = fnv1a(text.as_bytes());
    format!("{:08x}", (h ^ (h >> 32)) as u32)
}

/// FNV-1a, 64 bits: tiny, stable across platforms and releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The sources of the framework's indicators (each once, by id), as every figure cites them.
pub fn framework_sources(bundle: &Bundle) -> Vec<&Source> {
    index_core::display::figure_sources(bundle, &[])
}

/// `url` if it is an `http(s)` link (a bundle's source link is shown as a link only then).
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

// ---------------------------------------------------------------------------------------------
// Links and embeds

/// How an embed follows the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pinning {
    /// Follows data updates and the latest default year: the link has no year.
    Live,
    /// Pins the year and the data edition (and, like every link, the scenario).
    Fixed,
}

/// The query of the embed page for chart `kind` showing `scenario` (`?embed=…&v=2&b=…`). A live
/// embed drops the year; a fixed one names `year` and the data's `edition`. A trend chart or a
/// map of another node than the index names it (`&node=…`); a language other than English is
/// named (`&lang=es`: the chart embedded in the language it was made in).
pub fn embed_query(
    kind: ChartKind,
    scenario: &Scenario,
    pinning: Pinning,
    year: i32,
    edition: &str,
    node: Option<&str>,
    lang: Lang,
) -> String {
    let mut s = scenario.clone();
    s.name.clear();
    let node = node
        .filter(|_| matches!(kind, ChartKind::Trend | ChartKind::Map))
        .map(|n| format!("&{}={}", Param::Node.key(), query_value(n)))
        .unwrap_or_default();
    let query = match pinning {
        Pinning::Live => {
            s.year = None;
            format!("?{}={}&{}", Param::Embed.key(), kind.name(), s.to_query())
        }
        Pinning::Fixed => {
            s.year = Some(year);
            format!(
                "?{}={}&{}&{}={edition}",
                Param::Embed.key(),
                kind.name(),
                s.to_query(),
                Param::Edition.key()
            )
        }
    };
    let lang = if lang == Lang::En {
        String::new()
    } else {
        format!("&{}={}", Param::Lang.key(), lang.code())
    };
    query + &node + &lang
}

/// `text` percent-encoded for a query value: every byte but ASCII letters, digits and `-._~`.
fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The full explorer's query for an embed's scenario (the "Open in Index Explorer" link).
pub fn explorer_query(scenario: &Scenario) -> String {
    format!("?{}", scenario.to_query())
}

/// `x` within `range`, inclusive.
pub fn clamp_size(x: u32, (lo, hi): (u32, u32)) -> u32 {
    x.clamp(lo, hi)
}

/// The `<iframe>` code of an embed: `src` the embed URL, the chart's title as the frame's
/// accessible name, lazy loading, no border.
pub fn iframe_code(src: &str, width: u32, height: u32, title: &str) -> String {
    format!(
        r#"<iframe src="{}" width="{width}" height="{height}" title="{}" loading="lazy" style="border:0"></iframe>"#,
        escape_html(src),
        escape_html(title)
    )
}

/// A download's file name: `index-explorer-<bundle>-<year>-<what>.<ext>`, letters, digits and
/// dashes only.
pub fn file_name(bundle: &str, year: i32, what: &str, ext: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect()
    };
    format!(
        "index-explorer-{}-{year}-{}.{}",
        clean(bundle),
        clean(what),
        clean(ext)
    )
}

// ---------------------------------------------------------------------------------------------
// SVG

/// Chart `view` with its captions as an SVG document of `width × height` CSS pixels, in `dir`
/// (mirrored right to left, as on the page).
///
/// # Errors
/// A drawing error, as text.
pub fn chart_svg(
    view: &ChartView,
    (width, height): (u32, u32),
    dir: Direction,
) -> Result<String, String> {
    let mut out = String::new();
    {
        let area = Backend::svg(&mut out, (width.max(1), height.max(1)), dir).into_drawing_area();
        let style = Style { scale: 1.0, dir };
        draw_captioned(&area, view, &style)?;
        area.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// CSV

/// One CSV cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text: neutralised if it starts with a formula character.
    Text(String),
    /// A number we formatted: written as is (up to 6 decimals).
    Number(f64),
    /// A whole number we formatted (ranks, changes, counts).
    Integer(i64),
    /// Missing.
    Empty,
}

impl Cell {
    /// A figure as shown on the page (a chart table's cell): a number if it parses as one in
    /// full, else text ("–" for missing stays text).
    pub fn shown(text: &str) -> Cell {
        // Without the isolates a right-to-left page puts around signed numbers (`i18n::isolate`).
        let text = text.replace(['\u{2068}', '\u{2069}'], "");
        match text.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Cell::Number(x),
            _ => Cell::Text(text),
        }
    }

    fn optional(x: Option<f64>) -> Cell {
        x.map_or(Cell::Empty, Cell::Number)
    }

    fn render(&self) -> String {
        match self {
            Cell::Text(t) => neutralise(t),
            Cell::Number(x) => number(*x),
            Cell::Integer(i) => i.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// `text` with a `'` in front if a spreadsheet would run it as a formula (starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return).
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A number with up to 6 decimals, trailing zeros dropped; empty if not finite.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// A table: a header row and rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

/// What the metadata header of a CSV says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metadata {
    /// The chart's title.
    pub title: String,
    /// The chart's subtitle (weights and method).
    pub subtitle: String,
    /// The dataset: title and id.
    pub dataset: String,
    /// The year shown.
    pub year: i32,
    /// The scenario as the URL query (`v=2&b=ftri&w=rd:2`).
    pub scenario: String,
    /// The page's link.
    pub link: String,
    /// The data's edition id ([`edition_id`]).
    pub edition: String,
    /// Sources: publisher, title, edition, licence, link.
    pub sources: Vec<[String; 5]>,
    /// Which rows: "rows shown: …" or "everything".
    pub rows: String,
    /// Who made the file, and when.
    pub generated: String,
    /// Further lines, as (label, value): for the map, its boundaries' source and disclaimer
    /// ([`Metadata::with_notes_of`], called by the charts' downloads, so that the default view's module holds
    /// none of the map).
    pub notes: Vec<(String, String)>,
}

impl Metadata {
    /// Metadata for `view` of `bundle` under `scenario`, with the page's `link`, a description
    /// of the `rows` exported and the time it was `generated`. Its sources are those the chart
    /// draws on: the framework's, and for the performers chart the GDP per capita's too.
    pub fn new(
        bundle: &Bundle,
        view: &ChartView,
        scenario: &Scenario,
        year: i32,
        link: &str,
        rows: &str,
        generated: &str,
    ) -> Metadata {
        Metadata {
            title: view.title.clone(),
            subtitle: view.subtitle.clone(),
            dataset: format!("{} ({})", bundle.title(), bundle.id()),
            year,
            scenario: scenario.to_query(),
            link: link.to_string(),
            edition: edition_id(bundle),
            sources: figure_sources(bundle, &chart_indicators(bundle, view.kind))
                .into_iter()
                .map(|s| {
                    [
                        s.publisher.clone(),
                        s.title.clone(),
                        s.edition.clone(),
                        s.licence.clone(),
                        s.url.clone(),
                    ]
                })
                .collect(),
            rows: rows.to_string(),
            generated: format!("Index Explorer, {generated}"),
            notes: Vec::new(),
        }
    }

    /// These metadata with `view`'s further lines: the map's boundaries source and disclaimer.
    pub fn with_notes_of(mut self, view: &ChartView) -> Metadata {
        if let crate::charts::ChartData::Map(m) = &view.data {
            self.notes = vec![
                ("boundaries".into(), m.geometry.source.clone()),
                ("disclaimer".into(), m.geometry.disclaimer.clone()),
            ];
        }
        self
    }

    fn lines(&self) -> Vec<Vec<String>> {
        let one = |label: &str, value: &str| vec![format!("# {label}"), value.to_string()];
        let mut out = vec![
            vec!["# Index Explorer data export".to_string()],
            one("title", &self.title),
            one("subtitle", &self.subtitle),
            one("dataset", &self.dataset),
            one("year", &self.year.to_string()),
            one("scenario", &self.scenario),
            one("link", &self.link),
            one("edition", &self.edition),
        ];
        out.push(
            [
                "# sources",
                "publisher",
                "title",
                "edition",
                "licence",
                "link",
            ]
            .map(String::from)
            .to_vec(),
        );
        for s in &self.sources {
            let mut line = vec!["# source".to_string()];
            line.extend(s.iter().cloned());
            out.push(line);
        }
        for (label, value) in &self.notes {
            out.push(one(label, value));
        }
        out.push(one("rows", &self.rows));
        out.push(one("generated by", &self.generated));
        out
    }
}

/// The CSV file: the metadata block, then `table`'s header and rows. Text is neutralised
/// against formula injection (see the module docs); metadata values are kept on one line each.
///
/// # Errors
/// Only if the CSV writer fails, which writing to memory does not.
pub fn csv(meta: &Metadata, table: &Table) -> Result<String, String> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let e = |e: csv::Error| e.to_string();
    for line in meta.lines() {
        let mut fields = line.into_iter();
        // The label (`# title`) is ours and needs no quoting, so the line starts with `#`.
        let label = fields.next().unwrap_or_default();
        let record: Vec<String> = std::iter::once(label)
            .chain(fields.map(|v| neutralise(&one_line(&v))))
            .collect();
        w.write_record(&record).map_err(e)?;
    }
    w.write_record(table.header.iter().map(|h| neutralise(h)))
        .map_err(e)?;
    for row in &table.rows {
        w.write_record(row.iter().map(Cell::render)).map_err(e)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

/// The ranking table's rows as shown (search, group filter and sort applied): rank, change
/// against the published weights, code, name, compared group, index score, each pillar's score
/// and why a unit is unranked (scores from `results`, those the rows were made of). `names` are
/// the compared groups' short names.
pub fn shown_table(bundle: &Bundle, results: &Results, rows: &[Row], names: &[String; 2]) -> Table {
    let fw = bundle.framework();
    let mut header: Vec<String> = ["Rank", "Change", "Code", "Country", "Group", "Score"]
        .map(String::from)
        .to_vec();
    header.extend(
        fw.pillars()
            .iter()
            .map(|p| fw.node(*p).map(|n| n.name.clone()).unwrap_or_default()),
    );
    header.push("Note".into());
    let rows = rows
        .iter()
        .map(|r| {
            let group = match r.membership {
                Membership::A => names[0].clone(),
                Membership::B => names[1].clone(),
                Membership::Other => String::new(),
            };
            let text = crate::view_model::RowText::of(bundle.dataset(), results, r.unit);
            let mut cells = vec![
                r.rank.map_or(Cell::Empty, |k| Cell::Integer(i64::from(k))),
                r.change.map_or(Cell::Empty, Cell::Integer),
                Cell::Text(text.code),
                Cell::Text(text.official),
                Cell::Text(group),
                Cell::optional(r.score),
            ];
            cells.extend(
                crate::view_model::pillar_scores(fw, results, r.unit)
                    .into_iter()
                    .map(Cell::optional),
            );
            cells.push(Cell::Text(text.reason));
            cells
        })
        .collect();
    Table { header, rows }
}

/// A chart's table alternative (the figures drawn), as shown.
pub fn chart_table(view: &ChartView) -> Table {
    Table {
        header: view.header.clone(),
        rows: view
            .rows
            .iter()
            .map(|r| r.iter().map(|c| Cell::shown(c)).collect())
            .collect(),
    }
}

/// Everything for the year of `results`: every unit (ranked first), its groups, rank and
/// status, its score on every framework node (`<id> score`, in framework order) and the raw
/// value of every indicator (`<id> raw`, after carrying values forward as the method says).
pub fn everything_table(bundle: &Bundle, results: &Results) -> Table {
    let ds = bundle.dataset();
    let fw = bundle.framework();
    let mut header: Vec<String> = ["Code", "Country", "Groups", "Rank", "Note"]
        .map(String::from)
        .to_vec();
    header.extend(fw.nodes().iter().map(|n| format!("{} score", n.id)));
    header.extend(
        fw.leaves()
            .iter()
            .filter_map(|l| fw.node(*l))
            .map(|n| format!("{} raw", n.id)),
    );
    let raw = &results.prepared.raw.values;
    let rows = results
        .order()
        .iter()
        .copied()
        .filter_map(|u| {
            let unit = ds.units().get(u)?;
            let mut cells = vec![
                Cell::Text(unit.code.clone()),
                Cell::Text(unit.name.clone()),
                Cell::Text(unit.groups.join(";")),
                results
                    .rank(u)
                    .map_or(Cell::Empty, |k| Cell::Integer(i64::from(k))),
                Cell::Text(results.status(u).reason()),
            ];
            cells.extend((0..fw.len()).map(|n| Cell::optional(results.score(u, n))));
            cells.extend((0..fw.leaves().len()).map(|c| Cell::optional(raw.get(u, c))));
            Some(cells)
        })
        .collect();
    Table { header, rows }
}

// ---------------------------------------------------------------------------------------------
// Sources tab

/// One framework indicator's provenance and coverage, for the Sources tab.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSource {
    /// Indicator id.
    pub id: String,
    /// Indicator name.
    pub name: String,
    /// Unit of measure.
    pub unit: String,
    /// The source (publisher, title, edition, licence, link).
    pub source: Source,
    /// Units with a value in the year shown.
    pub present: usize,
    /// Units with a value after carrying earlier years forward (as the method does).
    pub with_carried: usize,
    /// Units in the dataset.
    pub units: usize,
}

/// Every framework indicator's source and coverage in `year`; `prepared` (that year's data
/// under the method) adds the values carried forward by the method. Weights play no part.
pub fn indicator_sources(
    bundle: &Bundle,
    prepared: Option<&Prepared>,
    year: i32,
) -> Vec<IndicatorSource> {
    let ds = bundle.dataset();
    let fw = bundle.framework();
    fw.leaves()
        .iter()
        .enumerate()
        .filter_map(|(col, leaf)| {
            let node = fw.node(*leaf)?;
            let pos = ds.indicator_position(&node.id)?;
            let ind = ds.indicators().get(pos)?;
            let source = ds.source(&ind.source)?.clone();
            let present = ds.coverage(pos, year);
            let with_carried = prepared
                .filter(|p| p.year == year)
                .map_or(present, |p| p.raw.values.present_in_column(col));
            Some(IndicatorSource {
                id: ind.id.clone(),
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                source,
                present,
                with_carried: with_carried.max(present),
                units: ds.units().len(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use super::*;
    use crate::fixtures::{bundle, results};
    use crate::state::SortKey;
    use crate::view_model::{self, chart_view, ChartContext};

    fn view(b: &Bundle, r: &Results, kind: ChartKind) -> ChartView {
        let groups = ["LDC".to_string(), "developed".to_string()];
        let gaps = vec![index_core::groups::compare_groups(
            b.dataset(),
            b.framework(),
            r,
            &[&groups[0], &groups[1]],
        )
        .ok()];
        chart_view(
            kind,
            &ChartContext {
                bundle: b,
                results: r,
                years: &[r.year()],
                groups: &groups,
                gaps: gaps[0].as_ref(),
                gaps_by_year: &gaps,
                selection: None,
                performers: None,
                choices: Default::default(),
            },
        )
        .unwrap()
    }

    /// The CSV's records after the metadata block (`#` lines).
    fn table_part(csv: &str) -> Vec<Vec<String>> {
        let mut r = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(csv.as_bytes());
        r.records()
            .map(|rec| rec.unwrap().iter().map(String::from).collect())
            .collect()
    }

    #[track_caller]
    fn check_neutralised(text: &str, want: &str) {
        assert_eq!(neutralise(text), want, "{text:?}");
    }

    #[test]
    fn formula_characters_are_neutralised_in_text_only() {
        check_neutralised("=1+1", "'=1+1");
        check_neutralised("+41", "'+41");
        check_neutralised("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0");
        check_neutralised("@SUM(A1)", "'@SUM(A1)");
        check_neutralised("\tx", "'\tx");
        check_neutralised("Alpha", "Alpha");
        check_neutralised("a=b", "a=b");
        check_neutralised("", "");
        // Numbers we format stay numbers, negative or not.
        assert_eq!(Cell::Integer(-3).render(), "-3");
        assert_eq!(Cell::Number(-0.25).render(), "-0.25");
        // A shown figure is a number only if it parses in full.
        assert_eq!(Cell::shown("-0.412"), Cell::Number(-0.412));
        assert_eq!(Cell::shown("-1+2").render(), "'-1+2");
        assert_eq!(Cell::shown("–").render(), "–");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-0.0000001), "0");
        assert_eq!(number(f64::NAN), "");
    }

    #[test]
    fn everything_csv_has_metadata_every_unit_and_neutralised_names() {
        let b = bundle("2025 release");
        let r = results(&b, 2020);
        let v = view(&b, &r, ChartKind::Bars);
        let mut scenario = Scenario {
            bundle: "test".into(),
            ..Scenario::default()
        };
        scenario.weights.insert("x".into(), 2.0);
        let meta = Metadata::new(
            &b,
            &v,
            &scenario,
            2020,
            "http://127.0.0.1/?v=2&b=test&w=x:2",
            "everything",
            "2026-01-02T03:04:05Z",
        );
        let text = csv(&meta, &everything_table(&b, &r)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "# Index Explorer data export");
        assert!(lines.iter().take_while(|l| l.starts_with('#')).count() >= 12);
        assert!(text.contains("# scenario,v=2&b=test&w=x:2\n"), "{text}");
        assert!(text.contains(&format!("# edition,{}\n", edition_id(&b))));
        assert!(
            text.contains(
                "# source,Pub One,\"Pub One data, with a comma\",2025 release,CC BY 4.0,https://example.org/data\n"
            ),
            "{text}"
        );
        assert!(text.contains("# generated by,\"Index Explorer, 2026-01-02T03:04:05Z\""));
        let rows = table_part(&text);
        assert_eq!(
            rows[0],
            [
                "Code",
                "Country",
                "Groups",
                "Rank",
                "Note",
                "idx score",
                "x score",
                "y score",
                "x raw",
                "y raw"
            ]
        );
        // Every unit, ranked first; EEE has no data in 2020.
        assert_eq!(rows.len(), 6);
        let by_code = |c: &str| rows.iter().find(|r| r[0] == c).unwrap().clone();
        assert_eq!(by_code("BBB")[1], "'=HYPERLINK(\"http://x\")");
        assert_eq!(by_code("CCC")[1], "'-Charlie");
        assert_eq!(by_code("DDD")[1], "'@Delta");
        assert_eq!(by_code("AAA")[1], "Republic of Alpha", "the official name");
        assert_eq!(by_code("EEE")[3], "", "unranked: no rank");
        assert_eq!(by_code("EEE")[4], "no data for this year");
        assert_eq!(by_code("CCC")[9], "41", "raw value");
        assert_eq!(rows[1][3], "1", "ranked first");
    }

    #[test]
    fn shown_csv_has_exactly_the_rows_of_the_table() {
        let b = bundle("E");
        let r = results(&b, 2020);
        let groups = ["LDC".to_string(), "developed".to_string()];
        let shown = view_model::rows(&b, &r, &r, &groups, "", "developed", (SortKey::Name, false));
        let t = shown_table(&b, &r, &shown, &["LDCs".into(), "Developed".into()]);
        let v = view(&b, &r, ChartKind::Bars);
        let meta = Metadata::new(&b, &v, &Scenario::default(), 2020, "", "rows shown", "now");
        let rows = table_part(&csv(&meta, &t).unwrap());
        assert_eq!(
            rows[0],
            ["Rank", "Change", "Code", "Country", "Group", "Score", "Node x", "Node y", "Note"]
        );
        let codes: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
        assert_eq!(
            codes,
            ["CCC", "BBB"],
            "the filter and the sort by name apply"
        );
        assert_eq!(rows[1][3], "'-Charlie");
        assert_eq!(rows[1][4], "Developed");
        assert_eq!(rows[1][1], "0", "no change against the published weights");
        assert_eq!(rows[1][0], shown[0].rank.unwrap().to_string());
    }

    #[test]
    fn chart_table_keeps_figures_as_numbers() {
        let b = bundle("E");
        let r = results(&b, 2020);
        let v = view(&b, &r, ChartKind::Gap);
        let t = chart_table(&v);
        assert_eq!(t.header, v.header);
        assert!(t
            .rows
            .iter()
            .all(|row| row.iter().skip(1).all(|c| matches!(c, Cell::Number(_)))));
    }

    #[test]
    fn edition_id_changes_with_a_source_edition_only() {
        let a = bundle("2025 release");
        assert_eq!(edition_id(&a), edition_id(&bundle("2025 release")));
        assert_ne!(edition_id(&a), edition_id(&bundle("2026 release")));
        assert_eq!(edition_id(&a).len(), 8);
        assert!(edition_id(&a).chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn embed_links_live_and_fixed() {
        let mut s = Scenario {
            bundle: "ftri".into(),
            year: Some(2017),
            name: "mine".into(),
            ..Scenario::default()
        };
        s.weights.insert("rd".into(), 2.0);
        assert_eq!(
            embed_query(
                ChartKind::Bars,
                &s,
                Pinning::Live,
                2017,
                "abcd1234",
                Some("rd"),
                Lang::En
            ),
            "?embed=bars&v=2&b=ftri&w=rd:2"
        );
        assert_eq!(
            embed_query(
                ChartKind::Gap,
                &s,
                Pinning::Fixed,
                2017,
                "abcd1234",
                None,
                Lang::En
            ),
            "?embed=gap&v=2&b=ftri&y=2017&w=rd:2&ed=abcd1234"
        );
        // In Spanish, the embed is in Spanish.
        assert_eq!(
            embed_query(
                ChartKind::Gap,
                &s,
                Pinning::Live,
                2017,
                "abcd1234",
                None,
                Lang::Es
            ),
            "?embed=gap&v=2&b=ftri&w=rd:2&lang=es"
        );
        // The page's one parser reads the embed's link back.
        let q = embed_query(
            ChartKind::Trend,
            &s,
            Pinning::Fixed,
            2017,
            "abcd1234",
            Some("r&d é"),
            Lang::En,
        );
        assert!(q.ends_with("&node=r%26d%20%C3%A9"), "{q}");
        let link = crate::persist::parse_link(&q);
        assert_eq!(
            link.embed,
            Some(crate::persist::EmbedRequest {
                chart: Ok(ChartKind::Trend),
                edition: Some("abcd1234".into()),
                node: Some("r&d é".into()),
            })
        );
        assert!(link.errors.is_empty(), "{:?}", link.errors);
        assert_eq!(link.scenario.weights, s.weights);
        assert_eq!(link.scenario.year, Some(2017));
        assert_eq!(explorer_query(&link.scenario), "?v=2&b=ftri&y=2017&w=rd:2");
        // A map names its node too.
        assert_eq!(
            embed_query(
                ChartKind::Map,
                &s,
                Pinning::Live,
                2017,
                "abcd1234",
                Some("ict"),
                Lang::En
            ),
            "?embed=map&v=2&b=ftri&w=rd:2&node=ict"
        );
    }

    #[test]
    fn iframe_code_escapes_attributes() {
        let code = iframe_code(
            "https://x.org/?embed=bars&b=ftri",
            640,
            480,
            "A \"quoted\" <title>",
        );
        assert_eq!(
            code,
            "<iframe src=\"https://x.org/?embed=bars&amp;b=ftri\" width=\"640\" height=\"480\" \
             title=\"A &quot;quoted&quot; &lt;title&gt;\" loading=\"lazy\" style=\"border:0\"></iframe>"
        );
        assert_eq!(clamp_size(10, EMBED_WIDTH), 320);
        assert_eq!(
            file_name("ftri", 2019, "bars", "svg"),
            "index-explorer-ftri-2019-bars.svg"
        );
        assert_eq!(
            file_name("../x", 2019, "all data", "csv"),
            "index-explorer----x-2019-all-data.csv"
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://a.org"), Some("https://a.org"));
    }

    #[test]
    fn chart_svg_carries_title_and_source() {
        let b = bundle("E");
        let r = results(&b, 2020);
        let v = view(&b, &r, ChartKind::Bars);
        let svg = chart_svg(&v, DOWNLOAD_SIZE, Direction::Ltr).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Test index by country, 2020"), "{svg}");
        assert!(svg.contains("Pub One"), "source line");
        assert!(svg.contains("\nIndex Explorer\n"), "credit");
    }

    #[test]
    fn chart_svg_writes_markup_as_text() {
        // The edition reaches the SVG's source line; a name from an imported file could hold
        // the same.
        let markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        let b = bundle(markup);
        let r = results(&b, 2020);
        let v = view(&b, &r, ChartKind::Bars);
        let svg = chart_svg(&v, DOWNLOAD_SIZE, Direction::Ltr).unwrap();
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{svg}"
        );
        // Every element is a drawing one; no attribute is an event handler.
        let drawing = [
            "svg", "rect", "text", "line", "polyline", "polygon", "circle", "path", "g",
        ];
        for tag in svg.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap();
            let name = tag
                .trim_start_matches('/')
                .split([' ', '\n'])
                .next()
                .unwrap();
            assert!(drawing.contains(&name), "<{tag}> in {svg}");
            assert!(!tag.to_lowercase().contains(" on"), "<{tag}>");
        }
    }

    #[test]
    fn indicator_sources_report_coverage() {
        let b = bundle("E");
        let r = results(&b, 2019);
        let s = indicator_sources(&b, Some(&r.prepared), 2019);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].id.as_str(), s[0].present, s[0].units), ("x", 5, 5));
        assert_eq!(
            (s[1].present, s[1].source.publisher.as_str()),
            (4, "Pub Two")
        );
        assert_eq!(framework_sources(&b).len(), 2);
    }
}
