//! Pure functions from engine results to what the page shows: table rows, gap rows, chart data,
//! captions. No signals here, so everything is testable natively.

pub mod explain;
pub mod framework_edit;
pub mod health;
pub mod import;
pub mod map;
pub mod performers;
pub mod ranges;
pub mod robustness;
pub mod targets;
pub mod unit_trend;

use index_core::bundle::Bundle;
use index_core::coherence::{Standing, Standings};
use index_core::framework::Framework;
use index_core::groups::{GroupComparison, GroupSummary, GroupsComparison};
use index_core::performers::Performers;
use index_core::pipeline::Results;
use index_core::stats::median;

use crate::charts::{
    Bar, ChartData, ChartKind, GapBars, Line, LineChart, Mark, Membership, RankedBars, Strip,
    Strips, ACCENT,
};
use crate::format;
use crate::i18n::{messages, t, t_with, Arg, Msg};
use crate::state::{first_two, PerformerKey, SortKey};

/// One row of the ranking table: what it is sorted and filtered by. Its texts (code and
/// names) are read for the rows shown only ([`RowText`]): a table of 50,000 rows neither
/// copies 150,000 strings nor looks up 50,000 names on each slider step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    /// Unit position in the dataset.
    pub unit: usize,
    /// Rank.
    pub rank: Option<u32>,
    /// Rank change against the published weights (positive = up).
    pub change: Option<i64>,
    /// Index score.
    pub score: Option<f64>,
    /// Which compared group it is in.
    pub membership: Membership,
}

/// A ranking row's texts.
#[derive(Debug, Clone, PartialEq)]
pub struct RowText {
    /// ISO3 code.
    pub code: String,
    /// The name shown: the short name where there is one ([`index_core::dataset::Unit::label`]).
    pub name: String,
    /// The publisher's (official) name, shown on hover.
    pub official: String,
    /// Why it has no rank (empty when ranked).
    pub reason: String,
}

impl RowText {
    /// Unit `u`'s texts: its code and names in `dataset` (empty for a unit it does not have),
    /// and why `results` leave it unranked.
    pub fn of(dataset: &index_core::dataset::Dataset, results: &Results, u: usize) -> Self {
        let unit = dataset.units().get(u);
        RowText {
            code: unit.map(|x| x.code.clone()).unwrap_or_default(),
            name: unit.map(crate::i18n::label).unwrap_or_default(),
            official: unit.map(|x| x.name.clone()).unwrap_or_default(),
            reason: results.status(u).reason(),
        }
    }
}

/// Unit `u`'s score on each pillar (the root's children), in framework order. Read for the rows
/// shown only: a table of 50,000 rows does not carry them.
pub fn pillar_scores(framework: &Framework, results: &Results, u: usize) -> Vec<Option<f64>> {
    framework
        .pillars()
        .iter()
        .map(|p| results.score(u, *p))
        .collect()
}

/// The largest pillar score of any unit (the scale of the ranking's mini-bars, kept when the
/// table is searched or filtered; 0 for none): an indicator's was found when it was prepared
/// ([`Results::highest`]), so a flat framework of 100 indicators reads no column on a step.
pub fn pillar_max(framework: &Framework, results: &Results) -> f64 {
    framework
        .pillars()
        .iter()
        .filter_map(|p| results.highest(*p))
        .fold(0.0, f64::max)
}

/// A ranking row in one line, for a phone, where the table shows only rank, name and score:
/// "United States (United States of America) · no change against the published weights ·
/// ICT 0.95 · Skills 0.90", each pillar named as in `pillars`, its score in `scores`.
pub fn row_details(
    row: &Row,
    text: &RowText,
    pillars: &[String],
    scores: &[Option<f64>],
) -> String {
    let mut parts = vec![if text.official == text.name {
        text.name.clone()
    } else {
        format!("{} ({})", text.name, text.official)
    }];
    parts.push(match row.change {
        Some(0) => "no change against the published weights".to_string(),
        Some(c) if c > 0 => format!("{c} up against the published weights"),
        Some(c) => format!("{} down against the published weights", -c),
        None => text.reason.clone(),
    });
    parts.extend(
        pillars
            .iter()
            .zip(scores)
            .map(|(name, v)| format!("{name} {}", format::opt_score(*v))),
    );
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}

/// Which of the two compared groups `groups` each unit (by position) belongs to: the groups are
/// looked up once, for the many units of a table or chart.
pub fn memberships<'a>(
    bundle: &'a Bundle,
    groups: &[String; 2],
) -> impl Fn(usize) -> Membership + 'a {
    let ds = bundle.dataset();
    let id = |g: &str| ds.group(g).map(|g| g.id.as_str());
    let (a, b) = (id(&groups[0]), id(&groups[1]));
    move |u| {
        if a.is_some_and(|a| ds.in_group(u, a)) {
            Membership::A
        } else if b.is_some_and(|b| ds.in_group(u, b)) {
            Membership::B
        } else {
            Membership::Other
        }
    }
}

/// The table's rows: every unit (ranked first), filtered by `search` (name or code, ignoring
/// case) and `filter` (a group id, empty for all), sorted by `sort`.
pub fn rows(
    bundle: &Bundle,
    results: &Results,
    baseline: &Results,
    groups: &[String; 2],
    search: &str,
    filter: &str,
    sort: (SortKey, bool),
) -> Vec<Row> {
    let ds = bundle.dataset();
    let changes = results.rank_changes(baseline);
    let needle = search.trim().to_lowercase();
    let filter_id = ds.group(filter).map(|g| g.id.clone());
    let membership = memberships(bundle, groups);
    let mut rows: Vec<Row> = results
        .order()
        .iter()
        .copied()
        .filter(|&u| {
            let found = |unit: &index_core::dataset::Unit| {
                unit.name.to_lowercase().contains(&needle)
                    || crate::i18n::label(unit).to_lowercase().contains(&needle)
                    || unit.code.to_lowercase().contains(&needle)
            };
            (needle.is_empty() || ds.units().get(u).is_some_and(found))
                && filter_id.as_ref().is_none_or(|g| ds.in_group(u, g))
        })
        .map(|u| Row {
            unit: u,
            rank: results.rank(u),
            change: changes.get(u).copied().flatten(),
            score: results.index(u),
            membership: membership(u),
        })
        .collect();
    let (key, descending) = sort;
    let cmp_opt = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    // Rows are built in rank order: rank ascending needs no sort, nor the names.
    if matches!(key, SortKey::Rank) && !descending {
        return rows;
    }
    // Each unit's name shown, looked up once for the sort (by position).
    let names: Vec<String> = ds.units().iter().map(crate::i18n::label).collect();
    let name = |r: &Row| names.get(r.unit).map_or("", String::as_str);
    // One comparison for every key, sorted through `index_core::order` (one compiled sort).
    let order = |a: &Row, b: &Row| match key {
        SortKey::Rank => cmp_opt(a.score, b.score).then(name(a).cmp(name(b))),
        SortKey::Name => {
            let o = name(a).cmp(name(b));
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        SortKey::Change => {
            let (x, y) = (a.change.map(|c| c as f64), b.change.map(|c| c as f64));
            let o = if descending {
                cmp_opt(x, y)
            } else {
                cmp_opt(y, x)
            };
            o.then(a.rank.cmp(&b.rank))
        }
        SortKey::Node(n) => {
            let (x, y) = (results.score(a.unit, n), results.score(b.unit, n));
            let o = if descending {
                cmp_opt(x, y)
            } else {
                cmp_opt(y, x)
            };
            o.then(name(a).cmp(name(b)))
        }
    };
    index_core::order::sort_by(&mut rows, order);
    rows
}

/// One line of the gap panel.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    /// Framework node id.
    pub id: String,
    /// Node name.
    pub name: String,
    /// Depth below the index (0 for the index).
    pub depth: usize,
    /// Group a's mean.
    pub a_mean: Option<f64>,
    /// Group b's mean.
    pub b_mean: Option<f64>,
    /// Group a's median.
    pub a_median: Option<f64>,
    /// Group b's median.
    pub b_median: Option<f64>,
    /// b − a.
    pub gap: Option<f64>,
    /// a / b.
    pub ratio: Option<f64>,
    /// Gap now minus the gap under the published weights.
    pub gap_change: Option<f64>,
    /// Coverage of group a (share scored).
    pub a_coverage: f64,
    /// Coverage of group b.
    pub b_coverage: f64,
    /// Members of a scored / total.
    pub a_count: (usize, usize),
    /// Members of b scored / total.
    pub b_count: (usize, usize),
}

/// The gap panel's rows, with the change against `baseline`.
pub fn gap_rows(
    bundle: &Bundle,
    now: &GroupComparison,
    baseline: Option<&GroupComparison>,
) -> Vec<GapRow> {
    let fw = bundle.framework();
    now.nodes
        .iter()
        .map(|n| {
            let depth = depth_of(fw, n.node);
            let before = baseline
                .and_then(|b| b.node(&n.id))
                .and_then(|b| b.difference);
            GapRow {
                id: n.id.clone(),
                name: fw.node(n.node).map(|s| s.name.clone()).unwrap_or_default(),
                depth,
                a_mean: n.a.mean,
                b_mean: n.b.mean,
                a_median: n.a.median,
                b_median: n.b.median,
                gap: n.difference,
                ratio: n.ratio,
                gap_change: n.difference.zip(before).map(|(x, y)| x - y),
                a_coverage: n.a.coverage,
                b_coverage: n.b.coverage,
                a_count: (n.a.scored, n.a.members),
                b_count: (n.b.scored, n.b.members),
            }
        })
        .collect()
}

/// Depth of framework node `node` below the index (0 for the index).
fn depth_of(fw: &index_core::framework::Framework, node: usize) -> usize {
    let (mut depth, mut at) = (0, node);
    while let Some(p) = fw.parent(at) {
        depth += 1;
        at = p;
    }
    depth
}

/// One line of the every-group table: a node and each group's figures on it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupsRow {
    /// Framework node id.
    pub id: String,
    /// Node name.
    pub name: String,
    /// Depth below the index (0 for the index).
    pub depth: usize,
    /// Each group's figures, in the order compared, with its mean as a share of the last
    /// group's (the reference, e.g. developed economies).
    pub cells: Vec<(GroupSummary, Option<f64>)>,
}

/// Which of `groups` (in the order compared) unit `u` belongs to — the first that holds it,
/// should groups overlap — as its chart mark ([`Mark::Other`] for none).
pub fn mark_of(bundle: &Bundle, groups: &[String], u: usize) -> Mark {
    let ds = bundle.dataset();
    groups
        .iter()
        .position(|g| ds.group(g).is_some_and(|g| ds.in_group(u, &g.id)))
        .map_or(Mark::Other, Mark::group)
}

/// The every-group table's rows (when more than two groups are compared).
pub fn groups_rows(bundle: &Bundle, all: &GroupsComparison) -> Vec<GroupsRow> {
    let fw = bundle.framework();
    let last = all.groups.len().saturating_sub(1);
    all.nodes
        .iter()
        .map(|n| GroupsRow {
            id: n.id.clone(),
            name: n.name.clone(),
            depth: depth_of(fw, n.node),
            cells: n
                .groups
                .iter()
                .enumerate()
                .map(|(i, g)| (g.clone(), n.share(i, last)))
                .collect(),
        })
        .collect()
}

/// Name of group `id` as shown to people.
pub fn group_name(bundle: &Bundle, id: &str) -> String {
    bundle
        .dataset()
        .group(id)
        .map_or_else(|| id.to_string(), |g| g.name.clone())
}

/// A short label for a group (for legends and badges): "LDCs", "Developed", or the name.
pub fn group_short(bundle: &Bundle, id: &str) -> String {
    match id {
        "LDC" => t(&messages::LDCS),
        "developed" => t(&messages::DEVELOPED),
        "developing" => t(&messages::OTHER_DEVELOPING),
        "developed-m49" => t(&messages::DEVELOPED_M49),
        "developing-m49" => t(&messages::DEVELOPING_M49),
        _ => {
            let name = group_name(bundle, id);
            name.split_once(':')
                .map_or(name.clone(), |(_, v)| v.trim().to_string())
        }
    }
}

/// A group's label for tight table headers (at most 7 characters; the full name goes in a
/// tooltip): "LDCs", "Dev.", "Oth. dev." (other developing economies), or the short name cut
/// with a full stop.
pub fn group_abbrev(bundle: &Bundle, id: &str) -> String {
    match id {
        "LDC" => t(&messages::LDCS),
        "developed" => t(&messages::DEVELOPED_ABBREV),
        "developing" => t(&messages::OTHER_DEVELOPING_ABBREV),
        _ => {
            let short = group_short(bundle, id);
            if short.chars().count() <= 7 {
                short
            } else {
                let mut s: String = short.chars().take(6).collect();
                s.push('.');
                s
            }
        }
    }
}

/// A figure's source line in the language shown, drawing on the framework's indicators
/// ("Source: UNCTAD, … (TIR 2023 release), CC BY 3.0 IGO. Computed with Index Explorer."):
/// [`source_line_with`] with nothing else.
pub fn source_line(bundle: &Bundle) -> String {
    source_line_with(bundle, &[])
}

/// A figure's source line in the language shown: the sources `index_core::display::figure_sources`
/// names (the framework's indicators' and those of `also`), each in the publisher's own words,
/// "Publisher, Title (edition), licence", in a message; in English it reads as the engine's
/// `display::source_line_with` (the CLI's).
pub fn source_line_with(bundle: &Bundle, also: &[&str]) -> String {
    let parts: Vec<String> = index_core::display::figure_sources(bundle, also)
        .iter()
        .map(|s| index_core::display::source_text(s))
        .collect();
    t_with(
        &messages::SOURCE_LINE,
        &[("sources", parts.join("; ").into())],
    )
}

/// The indicators chart `kind` draws on besides the framework's, whose sources its source line
/// and its CSV name: the bundle's GDP per capita for the performers chart.
pub fn chart_indicators(bundle: &Bundle, kind: ChartKind) -> Vec<&str> {
    match kind {
        ChartKind::Performers => bundle.gdp_per_capita().into_iter().collect(),
        ChartKind::Bars
        | ChartKind::Gap
        | ChartKind::Strips
        | ChartKind::Trend
        | ChartKind::UnitTrend
        | ChartKind::Map => Vec::new(),
    }
}

/// Data for the ranked bar chart of the index.
pub fn ranked_bars(
    bundle: &Bundle,
    results: &Results,
    groups: &[String; 2],
    selection: Option<&str>,
) -> RankedBars {
    let membership = memberships(bundle, groups);
    let ds = bundle.dataset();
    let bars = results
        .order()
        .iter()
        .copied()
        .filter_map(|u| {
            let value = results.index(u)?;
            let unit = &ds.units()[u];
            Some(Bar {
                code: unit.code.clone(),
                name: crate::i18n::label(unit),
                value,
                membership: membership(u),
                selected: selection == Some(unit.code.as_str()),
            })
        })
        .collect();
    RankedBars {
        bars,
        names: [
            group_short(bundle, &groups[0]),
            group_short(bundle, &groups[1]),
        ],
    }
}

/// What `method` does, in one line in the language shown ("min-max 0–100 · arithmetic mean"):
/// `Method::describe_parts` worded part by part, as `Method::describe` words them in English.
/// Isolated in a right-to-left language, so that a caption keeps its parts in order.
pub fn method_line(method: &index_core::method::Method) -> String {
    use index_core::method::{Aggregation, MethodPart, Normalisation};
    let n = |x: f64| -> Arg { crate::i18n::number(index_core::error::short_number(x)).into() };
    let mean = |a: Aggregation| match a {
        Aggregation::Arithmetic => t(&messages::DESCRIBE_ARITHMETIC),
        Aggregation::Geometric => t(&messages::DESCRIBE_GEOMETRIC),
        Aggregation::Harmonic => t(&messages::DESCRIBE_HARMONIC),
    };
    let range =
        |m: &'static Msg, low: f64, high: f64| t_with(m, &[("low", n(low)), ("high", n(high))]);
    let parts: Vec<String> = method
        .describe_parts()
        .into_iter()
        .map(|part| match part {
            MethodPart::Denominated => t(&messages::DESCRIBE_DENOMINATED),
            MethodPart::CarryForward(years) => {
                t_with(&messages::DESCRIBE_CARRY, &[("years", years.into())])
            }
            MethodPart::IndicatorMean => t(&messages::DESCRIBE_INDICATOR_MEAN),
            MethodPart::GroupMean(family) => t_with(
                &messages::DESCRIBE_GROUP_MEAN,
                &[("family", family.to_string().into())],
            ),
            MethodPart::Screen(share) => t_with(
                &messages::DESCRIBE_SCREEN,
                &[("share", format::percent(share).into())],
            ),
            MethodPart::Winsorised(count) => {
                t_with(&messages::DESCRIBE_WINSORISED, &[("count", count.into())])
            }
            MethodPart::PerIndicatorNormalisation => t(&messages::DESCRIBE_PER_INDICATOR),
            MethodPart::Normalisation(normalisation) => match *normalisation {
                Normalisation::None => t(&messages::NO_NORMALISATION),
                Normalisation::MinMax { low, high } => {
                    range(&messages::DESCRIBE_MIN_MAX, low, high)
                }
                Normalisation::ZScore { mean, sd } => {
                    t_with(&messages::DESCRIBE_Z, &[("mean", n(mean)), ("sd", n(sd))])
                }
                Normalisation::Goalposts { min, max, log, .. } => range(
                    if log {
                        &messages::DESCRIBE_GOALPOSTS_LOG
                    } else {
                        &messages::DESCRIBE_GOALPOSTS
                    },
                    min,
                    max,
                ),
                Normalisation::PercentileRank { low, high } => {
                    range(&messages::DESCRIBE_PERCENTILE, low, high)
                }
                Normalisation::Rank => t(&messages::DESCRIBE_RANKS),
                Normalisation::DistanceToBest { low, high } => {
                    range(&messages::DESCRIBE_TO_BEST, low, high)
                }
            },
            MethodPart::OverAllYears => t(&messages::DESCRIBE_ALL_YEARS),
            MethodPart::Aggregation { elsewhere, levels } if levels.is_empty() => mean(elsewhere),
            MethodPart::Aggregation { elsewhere, levels } => {
                let mut all = vec![t_with(
                    &messages::DESCRIBE_ELSEWHERE,
                    &[("mean", mean(elsewhere).into())],
                )];
                all.extend(levels.into_iter().map(|(level, a)| {
                    t_with(
                        &messages::DESCRIBE_AT_LEVEL,
                        &[("mean", mean(a).into()), ("level", u32::from(level).into())],
                    )
                }));
                all.join(", ")
            }
        })
        .collect();
    crate::i18n::isolate(parts.join(" · "))
}

/// The weights in one line, as shares of their level: "ICT 20 % · Skills 20 % · …" for the
/// pillars (the subtitle of embedded and downloaded charts).
pub fn weights_line(bundle: &Bundle, results: &Results) -> String {
    let fw = bundle.framework();
    let parts: Vec<String> = fw
        .pillars()
        .iter()
        .map(|p| {
            let name = fw.node(*p).map(|n| n.name.clone()).unwrap_or_default();
            format!("{name} {}", format::percent(results.weights.share(fw, *p)))
        })
        .collect();
    let changed = !results.weights.overrides(fw).is_empty();
    t_with(
        if changed {
            &messages::WEIGHTS_CHANGED_LINE
        } else {
            &messages::PUBLISHED_WEIGHTS_LINE
        },
        &[("weights", parts.join(" · ").into())],
    )
}

/// What a chart needs from the state.
pub struct ChartContext<'a> {
    /// The bundle.
    pub bundle: &'a Bundle,
    /// Results of the year shown.
    pub results: &'a Results,
    /// Every year prepared, ascending.
    pub years: &'a [i32],
    /// The groups compared (two to six; the ranked bars mark the first two).
    pub groups: &'a [String],
    /// Every group compared in the year shown (`None`: they cannot be compared).
    pub gaps: Option<&'a GroupsComparison>,
    /// Every group compared in every year, same order as `years`.
    pub gaps_by_year: &'a [Option<GroupsComparison>],
    /// The unit followed.
    pub selection: Option<&'a str>,
    /// The performers against income in the year shown (`None`: none to show).
    pub performers: Option<&'a Performers>,
    /// The person's choices for the charts (the trend's node, the performers' order).
    pub choices: ChartChoices,
}

/// What the person chose about the charts beyond the scenario: the node whose gap over time
/// the trend chart shows, and the order of the performers table (which the scatter's table
/// alternative and its "CSV · shown" follow).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartChoices {
    /// The framework node of the trend chart (`None`: the index).
    pub trend_node: Option<String>,
    /// The performers table's order (`None`: the default, largest over-performer first).
    pub performers_sort: Option<(PerformerKey, bool)>,
}

/// A chart's own parts: title, screen-reader label, data, table header and rows.
pub type ChartParts = (String, String, ChartData, Vec<String>, Vec<Vec<String>>);

/// The chart `kind` of `parts` for the year `results` shows, with the captions every chart has:
/// the weights and method as subtitle, and the source line.
pub fn chart_of(kind: ChartKind, b: &Bundle, results: &Results, parts: ChartParts) -> ChartView {
    let (title, label, data, header, rows) = parts;
    ChartView {
        kind,
        title,
        subtitle: format!(
            "{} · {}",
            weights_line(b, results),
            method_line(&results.prepared.method)
        ),
        source: source_line_with(b, &chart_indicators(b, kind)),
        label,
        data,
        header,
        rows,
        height: kind.height(),
    }
}

/// A chart ready to show, embed or download: its data, captions and table alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// Which chart.
    pub kind: ChartKind,
    /// Title: what is shown, which year.
    pub title: String,
    /// Subtitle: the weights and method in one line.
    pub subtitle: String,
    /// Source line (publisher, title, edition, licence).
    pub source: String,
    /// Description for screen readers.
    pub label: String,
    /// The data.
    pub data: ChartData,
    /// Table alternative: header.
    pub header: Vec<String>,
    /// Table alternative: rows.
    pub rows: Vec<Vec<String>>,
    /// The plot's height in CSS pixels on the page (the gap chart grows with the groups).
    pub height: u32,
}

/// The chart `kind` for `ctx` (`None` when it has nothing to show, e.g. a trend of one year).
/// The followed unit's chart over the years is [`unit_trend::chart_view`]'s (`None` here): the
/// every-year panel, in the main module, calls this function, and that chart's code belongs in
/// the deferred parts.
pub fn chart_view(kind: ChartKind, ctx: &ChartContext<'_>) -> Option<ChartView> {
    let b = ctx.bundle;
    let r = ctx.results;
    let fw = b.framework();
    let year = r.year();
    let names: Vec<String> = ctx.groups.iter().map(|g| group_short(b, g)).collect();
    let listed = in_words(&names);
    let mut height = kind.height();
    let parts = match kind {
        ChartKind::Bars => {
            let d = ranked_bars(b, r, &first_two(ctx.groups), ctx.selection);
            let rows = d
                .bars
                .iter()
                .enumerate()
                .map(|(i, bar)| {
                    vec![
                        (i + 1).to_string(),
                        bar.code.clone(),
                        format::score(bar.value),
                    ]
                })
                .collect();
            (
                t_with(
                    &messages::BARS_TITLE,
                    &[
                        ("index", b.title().into()),
                        ("year", year.to_string().into()),
                    ],
                ),
                // The chart's summary in its name: its ends (the table gives every bar).
                match (d.bars.first(), d.bars.last()) {
                    (Some(f), Some(l)) => t_with(
                        &messages::BARS_LABEL_ENDS,
                        &[
                            ("index", b.title().into()),
                            ("first", f.name.clone().into()),
                            ("first_score", format::score(f.value).into()),
                            ("last", l.name.clone().into()),
                            ("last_score", format::score(l.value).into()),
                        ],
                    ),
                    _ => t_with(&messages::BARS_LABEL, &[("index", b.title().into())]),
                },
                ChartData::Bars(d),
                [&messages::RANK, &messages::CODE, &messages::SCORE]
                    .map(t)
                    .to_vec(),
                rows,
            )
        }
        ChartKind::Gap => {
            let cmp = ctx.gaps?;
            let d = GapBars {
                rows: cmp
                    .nodes
                    .iter()
                    .filter(|n| n.node == fw.root() || fw.parent(n.node) == Some(fw.root()))
                    .map(|n| (n.name.clone(), n.groups.iter().map(|g| g.mean).collect()))
                    .collect(),
                names: names.clone(),
            };
            height = GapBars::height(d.rows.len(), d.names.len(), height);
            let rows = d
                .rows
                .iter()
                .map(|(l, means)| {
                    std::iter::once(l.clone())
                        .chain(means.iter().map(|m| format::opt_score(*m)))
                        .collect()
                })
                .collect();
            (
                t_with(
                    &messages::GAP_CHART_TITLE,
                    &[
                        ("groups", listed.clone().into()),
                        ("year", year.to_string().into()),
                    ],
                ),
                t_with(
                    &messages::GAP_CHART_LABEL,
                    &[("marks", marks_in_words(&names).into())],
                ),
                ChartData::Gap(d),
                std::iter::once(String::new())
                    .chain(names.clone())
                    .collect(),
                rows,
            )
        }
        ChartKind::Strips => {
            let k = ctx.groups.len();
            let mut values: Vec<Vec<f64>> = vec![Vec::new(); k + 1];
            let mut units: Vec<Vec<String>> = vec![Vec::new(); k + 1];
            let ds = b.dataset();
            for u in 0..r.units() {
                if let Some(v) = r.index(u) {
                    let slot = match mark_of(b, ctx.groups, u) {
                        Mark::Group(i) => i.min(k),
                        Mark::Other => k,
                    };
                    if let (Some(vs), Some(us)) = (values.get_mut(slot), units.get_mut(slot)) {
                        vs.push(v);
                        us.push(
                            ds.units()
                                .get(u)
                                .map(|x| x.name.clone())
                                .unwrap_or_default(),
                        );
                    }
                }
            }
            let strips: Vec<Strip> = values
                .into_iter()
                .zip(units)
                .enumerate()
                .map(|(i, (values, names_of))| Strip {
                    label: names
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| t(&messages::OTHERS)),
                    mark: if i < k { Mark::group(i) } else { Mark::Other },
                    median: median(values.clone()),
                    values,
                    names: names_of,
                })
                .collect();
            height = height.max(40 + 36 * strips.len() as u32);
            let d = Strips { strips };
            let rows = d
                .strips
                .iter()
                .map(|s| {
                    vec![
                        s.label.clone(),
                        s.values.len().to_string(),
                        format::opt_score(s.median),
                    ]
                })
                .collect();
            (
                t_with(
                    &messages::STRIPS_TITLE,
                    &[
                        ("index", b.title().into()),
                        ("year", year.to_string().into()),
                    ],
                ),
                t_with(
                    &messages::STRIPS_LABEL,
                    &[("marks", marks_in_words(&names).into())],
                ),
                ChartData::Strips(d),
                [&messages::GROUP, &messages::UNITS, &messages::MEDIAN]
                    .map(t)
                    .to_vec(),
                rows,
            )
        }
        ChartKind::Trend => {
            if ctx.years.len() < 2 {
                return None;
            }
            let node = trend_node(b, ctx.choices.trend_node.as_deref());
            let node_name = fw.node(node).map(|n| n.name.clone()).unwrap_or_default();
            let what = if node == fw.root() {
                t(&messages::INDEX_WORD)
            } else {
                node_name.clone()
            };
            let k = ctx.groups.len();
            let mut means: Vec<Vec<Option<f64>>> = vec![Vec::new(); k];
            for cmp in ctx.gaps_by_year {
                let at = cmp
                    .as_ref()
                    .and_then(|c| c.nodes.iter().find(|n| n.node == node));
                for (g, m) in means.iter_mut().enumerate() {
                    m.push(at.and_then(|n| n.groups.get(g)).and_then(|s| s.mean));
                }
            }
            let mut series: Vec<Line> = means
                .iter()
                .enumerate()
                .map(|(g, values)| {
                    let mark = Mark::group(g);
                    Line {
                        label: names.get(g).cloned().unwrap_or_default(),
                        colour: mark.colour(),
                        mark,
                        values: values.clone(),
                    }
                })
                .collect();
            // Two groups: the gap itself, b − a, as a line of its own; more: each group's
            // share of the last's, in the table (as the gap panel gives them).
            let mut header: Vec<String> = std::iter::once(t(&messages::YEAR))
                .chain(names.clone())
                .collect();
            let last = k.saturating_sub(1);
            if k == 2 {
                let gap = means
                    .first()
                    .zip(means.get(1))
                    .map(|(a, bb)| {
                        a.iter()
                            .zip(bb)
                            .map(|(x, y)| x.zip(*y).map(|(x, y)| y - x).filter(|d| d.is_finite()))
                            .collect()
                    })
                    .unwrap_or_default();
                series.push(Line {
                    label: t(&messages::GAP),
                    colour: ACCENT,
                    mark: Mark::Other,
                    values: gap,
                });
                header.push(t(&messages::GAP));
            } else {
                let of = names.get(last).cloned().unwrap_or_default();
                header.extend(names.iter().take(last).map(|n| {
                    t_with(
                        &messages::SHARE_OF_GROUP,
                        &[("group", n.clone().into()), ("of", of.clone().into())],
                    )
                }));
            }
            let d = LineChart {
                years: ctx.years.to_vec(),
                series,
                inverted: false,
            };
            let rows = d
                .years
                .iter()
                .enumerate()
                .map(|(i, y)| {
                    let value = |s: &Line| format::opt_score(s.values.get(i).copied().flatten());
                    let mut row: Vec<String> = std::iter::once(y.to_string())
                        .chain(d.series.iter().map(value))
                        .collect();
                    if k > 2 {
                        let of = means.get(last).and_then(|m| m.get(i).copied().flatten());
                        row.extend(means.iter().take(last).map(|m| {
                            let x = m.get(i).copied().flatten();
                            x.zip(of)
                                .filter(|(_, y)| *y != 0.0)
                                .map(|(x, y)| format::percent(x / y))
                                .unwrap_or_else(|| "–".into())
                        }));
                    }
                    row
                })
                .collect();
            let span = format!(
                "{}–{}",
                ctx.years.first().copied().unwrap_or(year),
                ctx.years.last().copied().unwrap_or(year)
            );
            let args = [
                ("what", Arg::from(what)),
                ("groups", listed.into()),
                ("span", span.into()),
                ("marks", marks_in_words(&names).into()),
            ];
            let title = t_with(
                if k == 2 {
                    &messages::TREND_GAP_TITLE
                } else {
                    &messages::TREND_CHART_TITLE
                },
                &args,
            );
            (
                title,
                t_with(&messages::TREND_CHART_LABEL, &args),
                ChartData::Lines(d),
                header,
                rows,
            )
        }
        ChartKind::UnitTrend => return None,
        // The map needs its geometry, fetched apart: `map::map_view` builds it.
        ChartKind::Map => return None,
        ChartKind::Performers => {
            let p = ctx.performers?;
            let d = performers::scatter(b, p, ctx.selection);
            if d.points.is_empty() {
                return None;
            }
            let sort = ctx
                .choices
                .performers_sort
                .unwrap_or((PerformerKey::Difference, false));
            let (header, rows) = performers::table(b, p, sort);
            (
                t_with(
                    &messages::SCATTER_TITLE,
                    &[
                        ("index", b.title().into()),
                        ("year", year.to_string().into()),
                    ],
                ),
                t_with(
                    &messages::SCATTER_LABEL,
                    &[
                        ("index", b.title().into()),
                        ("a", d.names[0].clone().into()),
                        ("b", d.names[1].clone().into()),
                    ],
                ),
                ChartData::Scatter(d),
                header,
                rows,
            )
        }
    };
    let mut view = chart_of(kind, b, r, parts);
    view.height = height;
    Some(view)
}

/// The node the trend chart shows for the choice `id`: that node when it is the index or one
/// of the nodes groups are compared on, else the index.
pub fn trend_node(bundle: &Bundle, id: Option<&str>) -> usize {
    let fw = bundle.framework();
    id.and_then(|id| {
        index_core::groups::compared_nodes(fw)
            .into_iter()
            .find(|n| fw.node(*n).is_some_and(|s| s.id == id))
    })
    .unwrap_or_else(|| fw.root())
}

/// The trend chart's choices: every node groups are compared on (the index first), as (id,
/// name, depth below the index).
pub fn trend_nodes(bundle: &Bundle) -> Vec<(String, String, usize)> {
    let fw = bundle.framework();
    index_core::groups::compared_nodes(fw)
        .into_iter()
        .filter_map(|n| {
            let spec = fw.node(n)?;
            Some((spec.id.clone(), spec.name.clone(), depth_of(fw, n)))
        })
        .collect()
}

/// Names in words: "A", "A and B", "A, B and C".
pub fn in_words(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t_with(
            &messages::LIST_AND,
            &[
                ("items", init.join(", ").into()),
                ("last", last.clone().into()),
            ],
        ),
    }
}

/// Each group's mark in words, for screen readers: "LDCs as filled triangles, Developed as
/// open circles".
pub fn marks_in_words(names: &[String]) -> String {
    const SHAPES: [Msg; 6] = [
        messages::FILLED_TRIANGLES,
        messages::OPEN_CIRCLES,
        messages::FILLED_SQUARES,
        messages::OPEN_DIAMONDS,
        messages::FILLED_DOWN_TRIANGLES,
        messages::CROSSES,
    ];
    names
        .iter()
        .zip(SHAPES)
        .map(|(n, s)| {
            t_with(
                &messages::MARKED_AS,
                &[("group", n.clone().into()), ("shape", t(&s).into())],
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a change of weights did to the ranking, in one sentence for the weights panel's polite
/// live region: the followed unit's move ("Kenya moved from 98 to 91.", or "Kenya stays at
/// 98."), else the largest move ("Kenya moved from 98 to 91, the largest of 12 moves."; a tie
/// goes to the unit ranked better after), else "No rank changed.". `before` and `after` are
/// each unit's rank by dataset position (the ranks before the first input of a drag and once it
/// settled); a unit unranked on either side has no move. `None` when no unit is ranked on both
/// sides (another dataset, nothing ranked).
pub fn rank_moves_message(
    before: &[Option<u32>],
    after: &[Option<u32>],
    followed: Option<usize>,
    name: impl Fn(usize) -> String,
) -> Option<String> {
    let pair = |u: usize| Some((before.get(u).copied()??, after.get(u).copied()??));
    if let Some((f, (from, to))) = followed.and_then(|f| Some((f, pair(f)?))) {
        let who = name(f);
        let args = [
            ("unit", Arg::from(who)),
            ("from", Arg::from(from)),
            ("to", Arg::from(to)),
        ];
        return Some(if from == to {
            t_with(&messages::UNIT_STAYS, &args)
        } else {
            t_with(&messages::UNIT_MOVED, &args)
        });
    }
    let mut both = 0;
    let mut moves = 0;
    let mut largest: Option<(u32, u32, u32, usize)> = None; // (distance, to, from, unit)
    for u in 0..before.len().min(after.len()) {
        let Some((from, to)) = pair(u) else { continue };
        both += 1;
        if from == to {
            continue;
        }
        moves += 1;
        let d = from.abs_diff(to);
        if largest.is_none_or(|(ld, lto, _, _)| d > ld || (d == ld && to < lto)) {
            largest = Some((d, to, from, u));
        }
    }
    if both == 0 {
        return None;
    }
    let args = |u: usize, from: u32, to: u32| {
        [
            ("unit", Arg::from(name(u))),
            ("from", Arg::from(from)),
            ("to", Arg::from(to)),
            ("count", Arg::Count(f64::from(moves))),
        ]
    };
    Some(match largest {
        None => t(&messages::NO_RANK_CHANGED),
        Some((_, to, from, u)) if moves == 1 => t_with(&messages::UNIT_MOVED, &args(u, from, to)),
        Some((_, to, from, u)) => t_with(&messages::LARGEST_MOVE, &args(u, from, to)),
    })
}

/// The groups offered for comparison: every group but sub-regions, as (id, name).
pub fn comparable_groups(bundle: &Bundle) -> Vec<(String, String)> {
    bundle
        .dataset()
        .groups()
        .iter()
        .filter(|g| !g.family.contains("subregion"))
        .map(|g| (g.id.clone(), g.name.clone()))
        .collect()
}

/// The ranking table's group filter: the UN development groups first (those the dataset has),
/// then regions, income and development groups (no sub-regions), as (id, name).
pub fn filter_options(bundle: &Bundle) -> Vec<(String, String)> {
    let ds = bundle.dataset();
    let mut v: Vec<(String, String)> = ["LDC", "LLDC", "SIDS", "developed", "developing"]
        .iter()
        .filter_map(|id| ds.group(id).map(|g| (g.id.clone(), g.name.clone())))
        .collect();
    v.extend(
        ds.groups()
            .iter()
            .filter(|g| {
                g.family.ends_with("region")
                    || g.family.contains("income")
                    || g.family.contains("hdi")
                    || g.family.contains("group")
            })
            .filter(|g| !g.family.contains("subregion"))
            .filter(|g| !v.iter().any(|(id, _)| *id == g.id))
            .map(|g| (g.id.clone(), g.name.clone()))
            .collect::<Vec<_>>(),
    );
    v
}

/// One pillar of a profile: the unit's score and each compared group's mean.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfilePillar {
    /// Pillar name.
    pub name: String,
    /// The unit's score.
    pub unit: Option<f64>,
    /// Each group's mean, in the order compared.
    pub means: Vec<Option<f64>>,
}

/// A country profile: what the profile panel shows of one unit in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The unit's name as shown (its short name where there is one).
    pub name: String,
    /// The publisher's (official) name, shown on hover.
    pub official: String,
    /// Its ISO3 code.
    pub code: String,
    /// "Rank 3 of 166 · score 71.2", or why it has no rank.
    pub facts: String,
    /// Short names of the groups compared, in order.
    pub groups: Vec<String>,
    /// Their full names (the table's header tooltips).
    pub full_names: Vec<String>,
    /// Pillar scores against the group means.
    pub pillars: Vec<ProfilePillar>,
    /// The largest figure among the pillars (the bars' scale; > 0).
    pub top: f64,
    /// Each pillar's contribution to the score, in points: (name, points).
    pub contributions: Vec<(String, f64)>,
    /// The sum of the contributions (> 0).
    pub total: f64,
    /// Its strengths: its best indicators by rank among the units, best first: (name, "rank 3
    /// of 139") ([`index_core::coherence::Standings`]); empty without standings.
    pub best: Vec<(String, String)>,
    /// Its weaknesses: its worst indicators by rank, worst first, none of them a strength.
    pub worst: Vec<(String, String)>,
}

/// Unit `u`'s profile under `results`, against every group as `gaps` compares them, with
/// its strengths and weaknesses by rank from `standings` (the year's every unit ranked on every
/// indicator): up to three each and no more than half the indicators each (more when tied at
/// the edge), none listed as both.
pub fn profile(
    bundle: &Bundle,
    results: &Results,
    gaps: Option<&GroupsComparison>,
    groups: &[String],
    u: usize,
    standings: Option<&Standings>,
) -> Option<Profile> {
    let fw = bundle.framework();
    let unit = bundle.dataset().units().get(u)?;
    let pillars: Vec<ProfilePillar> = fw
        .pillars()
        .iter()
        .map(|p| {
            let at = gaps.and_then(|c| c.nodes.iter().find(|n| n.node == *p));
            ProfilePillar {
                name: fw.node(*p).map(|n| n.name.clone()).unwrap_or_default(),
                unit: results.score(u, *p),
                means: (0..groups.len())
                    .map(|g| at.and_then(|n| n.groups.get(g)).and_then(|s| s.mean))
                    .collect(),
            }
        })
        .collect();
    let top = pillars
        .iter()
        .flat_map(|p| std::iter::once(p.unit).chain(p.means.iter().copied()))
        .flatten()
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let contributions: Vec<(String, f64)> = results
        .contributions(fw, u)
        .into_iter()
        .map(|(n, pts)| (fw.node(n).map(|s| s.name.clone()).unwrap_or_default(), pts))
        .collect();
    let total = contributions
        .iter()
        .map(|c| c.1)
        .sum::<f64>()
        .max(f64::MIN_POSITIVE);
    let count = (fw.leaves().len() / 2).clamp(1, 3);
    let standing = standings.and_then(|s| s.profile(u, count).ok());
    let named = |list: &[Standing]| -> Vec<(String, String)> {
        list.iter()
            .map(|s| {
                let name = fw.node(s.indicator).map(|n| n.name.clone());
                (
                    name.unwrap_or_default(),
                    t_with(
                        &messages::RANK_OF_COUNT,
                        &[("rank", s.rank.to_string().into()), ("count", s.of.into())],
                    ),
                )
            })
            .collect()
    };
    let facts = results.rank(u).map_or_else(
        || results.status(u).reason(),
        |k| {
            t_with(
                &messages::PROFILE_FACTS,
                &[
                    ("rank", k.to_string().into()),
                    ("count", results.ranked().into()),
                    ("score", format::opt_score(results.index(u)).into()),
                ],
            )
        },
    );
    Some(Profile {
        name: crate::i18n::label(unit),
        official: unit.name.clone(),
        code: unit.code.clone(),
        facts,
        groups: groups.iter().map(|g| group_short(bundle, g)).collect(),
        full_names: groups.iter().map(|g| group_name(bundle, g)).collect(),
        pillars,
        top,
        contributions,
        total,
        best: standing
            .as_ref()
            .map_or_else(Vec::new, |p| named(&p.strengths)),
        worst: standing
            .as_ref()
            .map_or_else(Vec::new, |p| named(&p.weaknesses)),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

    use index_core::groups;

    use super::*;
    use crate::fixtures::{bundle, results};

    fn groups_of() -> [String; 2] {
        ["LDC".to_string(), "developed".to_string()]
    }

    /// The source line reads in English as the engine's (and so the CLI's) does.
    #[test]
    fn the_source_line_is_the_engines_in_english() {
        let b = bundle("2024");
        assert_eq!(source_line(&b), index_core::display::source_line(&b));
        assert_eq!(
            source_line_with(&b, &["gdppc_ppp"]),
            index_core::display::source_line_with(&b, &["gdppc_ppp"])
        );
        assert!(
            source_line(&b).starts_with("Source: "),
            "{}",
            source_line(&b)
        );
    }

    /// The method line says in English what the engine's `describe` says, part by part, for
    /// every kind of part (the screening's share written as the app writes percentages).
    #[test]
    fn the_method_line_words_each_part_as_the_engine() {
        use index_core::method::{
            Aggregation, Imputation, IndicatorMethod, Method, MethodSpec, Normalisation,
            NormaliseOver, Treatment,
        };
        let normalisations = [
            Normalisation::None,
            Normalisation::MinMax {
                low: 0.0,
                high: 100.0,
            },
            Normalisation::ZScore {
                mean: 100.0,
                sd: 10.0,
            },
            Normalisation::PercentileRank {
                low: 0.0,
                high: 1.0,
            },
            Normalisation::Rank,
            Normalisation::DistanceToBest {
                low: 0.0,
                high: 100.0,
            },
        ];
        for (k, normalisation) in normalisations.into_iter().enumerate() {
            let mut spec = MethodSpec {
                denominate: k % 2 == 0,
                carry_forward: (k % 3) as u32,
                imputation: match k % 3 {
                    0 => Imputation::None,
                    1 => Imputation::IndicatorMean,
                    _ => Imputation::GroupMean {
                        family: "m49-region".into(),
                    },
                },
                treatment: if k % 2 == 1 {
                    Treatment::Winsorise {
                        max_winsorised: 5,
                        skew: 2.0,
                        kurtosis: 3.5,
                        mirror_negative: false,
                    }
                } else {
                    Treatment::None
                },
                normalisation,
                normalise_over: if k == 1 {
                    NormaliseOver::AllYears
                } else {
                    NormaliseOver::EachYear
                },
                aggregation: Aggregation::Geometric,
                ..MethodSpec::default()
            };
            if k == 3 {
                spec.levels.insert(2, Aggregation::Harmonic);
            }
            if k == 4 {
                spec.indicators.insert(
                    "x".into(),
                    IndicatorMethod {
                        normalisation: Some(Normalisation::Rank),
                        treatment: None,
                    },
                );
            }
            let m = Method::new(spec).unwrap();
            assert_eq!(method_line(&m), m.describe());
        }
        let screened = Method::new(MethodSpec {
            screen: Some(0.6),
            ..MethodSpec::default()
        })
        .unwrap();
        assert_eq!(
            method_line(&screened),
            screened.describe().replace("60%", "60 %")
        );
    }

    /// A row shows the short name and keeps the official one; a search finds either.
    #[test]
    fn rows_show_the_short_name() {
        let b = bundle("2024");
        let r = results(&b, 2020);
        let find = |search: &str| {
            rows(&b, &r, &r, &groups_of(), search, "", (SortKey::Rank, false))
                .into_iter()
                .map(|row| {
                    let text = RowText::of(b.dataset(), &r, row.unit);
                    (text.name, text.official)
                })
                .collect::<Vec<_>>()
        };
        let alpha = ("Alpha".to_string(), "Republic of Alpha".to_string());
        assert_eq!(find("republic"), find("alph"));
        assert_eq!(find("alph"), [alpha]);
        assert!(find("").iter().any(|(n, o)| n == "Echo" && o == "Echo"));
    }

    /// The live region's sentence: the followed unit, else the largest move, else none.
    #[test]
    fn a_weight_change_in_one_sentence() {
        let names = ["Kenya", "Chile", "Peru", "Laos"];
        let name = |u: usize| names[u].to_string();
        let before = [Some(98), Some(1), Some(2), None];
        let after = [Some(91), Some(2), Some(1), Some(3)];
        let check = |followed, expected: Option<&str>| {
            assert_eq!(
                rank_moves_message(&before, &after, followed, name).as_deref(),
                expected
            );
        };
        check(Some(0), Some("Kenya moved from 98 to 91."));
        check(Some(1), Some("Chile moved from 1 to 2."));
        // Nothing followed, or the followed unit unranked before: the largest move.
        check(
            None,
            Some("Kenya moved from 98 to 91, the largest of 3 moves."),
        );
        check(
            Some(3),
            Some("Kenya moved from 98 to 91, the largest of 3 moves."),
        );
        // A tie goes to the unit ranked better after; one move is not "the largest of 1".
        let two = rank_moves_message(&[Some(1), Some(2)], &[Some(2), Some(1)], None, name);
        assert_eq!(
            two.as_deref(),
            Some("Chile moved from 2 to 1, the largest of 2 moves.")
        );
        let one = rank_moves_message(&[Some(1), Some(3)], &[Some(1), Some(2)], None, name);
        assert_eq!(one.as_deref(), Some("Chile moved from 3 to 2."));
        let still = rank_moves_message(&[Some(1), Some(2)], &[Some(1), Some(2)], Some(1), name);
        assert_eq!(still.as_deref(), Some("Chile stays at 2."));
        let none = rank_moves_message(&[Some(1), Some(2)], &[Some(1), Some(2)], None, name);
        assert_eq!(none.as_deref(), Some("No rank changed."));
        assert_eq!(rank_moves_message(&[None], &[Some(1)], None, name), None);
        assert_eq!(rank_moves_message(&[], &[], Some(0), name), None);
    }

    #[test]
    fn a_row_in_one_line() {
        let b = bundle("2024");
        let r = results(&b, 2020);
        let all = rows(&b, &r, &r, &groups_of(), "", "", (SortKey::Rank, false));
        let a = b.dataset().unit_position("AAA").unwrap();
        let alpha = all.iter().find(|row| row.unit == a).unwrap();
        let scores = pillar_scores(b.framework(), &r, alpha.unit);
        assert_eq!(scores.len(), 2);
        let text = RowText::of(b.dataset(), &r, a);
        let line = row_details(alpha, &text, &["X".to_string(), "Y".to_string()], &scores);
        let said = |v: Option<f64>| format::opt_score(v);
        assert_eq!(
            line,
            format!(
                "Alpha (Republic of Alpha) · no change against the published weights · X {} · Y {}",
                said(scores[0]),
                said(scores[1])
            )
        );
        // The mini-bars' scale: the largest pillar score of any unit.
        let max = pillar_max(b.framework(), &r);
        let every = (0..all.len()).flat_map(|u| pillar_scores(b.framework(), &r, u));
        assert_eq!(max, every.flatten().fold(0.0, f64::max));
        assert!(max > 0.0);
    }

    #[test]
    fn a_profile_sets_the_unit_against_the_group_means() {
        let b = bundle("2024");
        let r = results(&b, 2020);
        let g = groups_of();
        let cmp =
            groups::compare_groups(b.dataset(), b.framework(), &r, &["LDC", "developed"]).unwrap();
        let u = b.dataset().unit_position("AAA").unwrap();
        let standings = Standings::new(b.framework(), &r).unwrap();
        let p = profile(&b, &r, Some(&cmp), &g, u, Some(&standings)).unwrap();
        assert_eq!((p.name.as_str(), p.code.as_str()), ("Alpha", "AAA"));
        assert_eq!(
            p.official, "Republic of Alpha",
            "the official name, on hover"
        );
        assert_eq!(p.groups, ["LDCs".to_string(), "Developed".to_string()]);
        let fw = b.framework();
        assert_eq!(p.pillars.len(), fw.pillars().len());
        for (line, node) in p.pillars.iter().zip(fw.pillars()) {
            let gap = cmp.nodes.iter().find(|n| n.node == *node).unwrap();
            assert_eq!(line.unit, r.score(u, *node));
            let means: Vec<Option<f64>> = gap.groups.iter().map(|s| s.mean).collect();
            assert_eq!(line.means, means);
        }
        // The contributions add up to the score (arithmetic mean).
        let sum: f64 = p.contributions.iter().map(|c| c.1).sum();
        assert!((sum - r.index(u).unwrap()).abs() < 1e-9);
        assert!(p
            .facts
            .starts_with(&format!("Rank {} of ", r.rank(u).unwrap())));
        // Each indicator with its rank among the four units scored on it. AAA is last on both:
        // tied at the edge, both are listed once (as strengths, `Standings`' rule), none twice.
        let last = |id: &str| (format!("Node {id}"), "rank 4 of 4".to_string());
        assert_eq!(p.best, [last("x"), last("y")]);
        assert!(p.worst.is_empty());
        let c = b.dataset().unit_position("CCC").unwrap();
        let p = profile(&b, &r, Some(&cmp), &g, c, Some(&standings)).unwrap();
        assert_eq!(p.best, [("Node y".to_string(), "rank 1 of 4".to_string())]);
        assert_eq!(p.worst, [("Node x".to_string(), "rank 2 of 4".to_string())]);
        let none = profile(&b, &r, Some(&cmp), &g, c, None).unwrap();
        assert!(none.best.is_empty() && none.worst.is_empty());
        assert!(p.top > 0.0 && p.total > 0.0);
    }

    #[test]
    fn every_group_row_holds_each_groups_figures_and_its_share_of_the_last() {
        let b = bundle("2024");
        let r = results(&b, 2020);
        let all =
            groups::compare_groups(b.dataset(), b.framework(), &r, &["LDC", "developed"]).unwrap();
        let rows = groups_rows(&b, &all);
        assert_eq!(rows.len(), all.nodes.len());
        assert_eq!(rows[0].depth, 0);
        for (row, node) in rows.iter().zip(&all.nodes) {
            assert_eq!(row.id, node.id);
            assert_eq!(row.cells.len(), 2);
            // The last group's share of itself is 1; the first's is its mean over the last's.
            assert_eq!(row.cells[1].1, Some(1.0));
            let (a, z) = (node.groups[0].mean.unwrap(), node.groups[1].mean.unwrap());
            assert_eq!(row.cells[0].1, Some(a / z));
            assert_eq!(row.cells[0].0, node.groups[0]);
        }
    }

    #[test]
    fn a_profile_without_group_figures_still_shows_the_unit() {
        let b = bundle("2024");
        let r = results(&b, 2020);
        let p = profile(&b, &r, None, &groups_of(), 0, None).unwrap();
        assert!(p
            .pillars
            .iter()
            .all(|l| l.means.iter().all(Option::is_none)));
        assert!(profile(&b, &r, None, &groups_of(), 99, None).is_none());
    }

    /// Every chart of three groups in the fixture's 2019–2020, the trend on `node`.
    fn three_group_view(kind: ChartKind, node: Option<&str>) -> ChartView {
        let b = crate::fixtures::bundle_with_three_groups();
        let ids = ["LDC", "developing", "developed"];
        let groups: Vec<String> = ids.map(String::from).to_vec();
        let by_year: Vec<Option<GroupsComparison>> = [2019, 2020]
            .map(|y| groups::compare_groups(b.dataset(), b.framework(), &results(&b, y), &ids).ok())
            .to_vec();
        let r = results(&b, 2020);
        chart_view(
            kind,
            &ChartContext {
                bundle: &b,
                results: &r,
                years: &[2019, 2020],
                groups: &groups,
                gaps: by_year[1].as_ref(),
                gaps_by_year: &by_year,
                selection: None,
                performers: None,
                choices: ChartChoices {
                    trend_node: node.map(String::from),
                    performers_sort: None,
                },
            },
        )
        .unwrap()
    }

    /// The ranked bars' name sums them up: the best and the last, with their scores, as the
    /// table's first and last rows give them.
    #[test]
    fn the_bars_name_their_ends() {
        let bars = three_group_view(ChartKind::Bars, None);
        let (first, last) = (&bars.rows[0], &bars.rows[bars.rows.len() - 1]);
        let b = crate::fixtures::bundle_with_three_groups();
        let name = |code: &str| {
            let u = b.dataset().units().iter().find(|u| u.code == code).unwrap();
            u.label().to_string()
        };
        let want = format!(
            "Bar chart of {} scores, best first: {} {} to {} {}",
            b.title(),
            name(&first[1]),
            first[2],
            name(&last[1]),
            last[2]
        );
        assert_eq!(bars.label, want);
    }

    #[test]
    fn three_groups_in_every_chart_and_its_table() {
        let b = crate::fixtures::bundle_with_three_groups();
        let r = results(&b, 2020);
        let all = groups::compare_groups(
            b.dataset(),
            b.framework(),
            &r,
            &["LDC", "developing", "developed"],
        )
        .unwrap();
        // The gap chart: a bar per group per node, the table a column per group.
        let gap = three_group_view(ChartKind::Gap, None);
        assert_eq!(gap.header, ["", "LDCs", "Other developing", "Developed"]);
        assert_eq!(gap.rows.len(), all.nodes.len());
        for (row, node) in gap.rows.iter().zip(&all.nodes) {
            let want: Vec<String> = node
                .groups
                .iter()
                .map(|g| format::opt_score(g.mean))
                .collect();
            assert_eq!(row[1..], want[..]);
        }
        assert!(
            gap.title.contains("LDCs, Other developing and Developed"),
            "{}",
            gap.title
        );
        assert!(
            gap.label.contains("Developed as filled squares"),
            "{}",
            gap.label
        );
        // The strips: a strip per group, then the others (EEE has no score in 2020).
        let strips = three_group_view(ChartKind::Strips, None);
        let counts: Vec<(&str, &str)> = strips
            .rows
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect();
        assert_eq!(
            counts,
            [
                ("LDCs", "2"),
                ("Other developing", "1"),
                ("Developed", "1"),
                ("Others", "0")
            ]
        );
        // The trend: each group's mean by year, and each group's share of the last's.
        let trend = three_group_view(ChartKind::Trend, None);
        assert_eq!(
            trend.header,
            [
                "Year",
                "LDCs",
                "Other developing",
                "Developed",
                "LDCs as a share of Developed",
                "Other developing as a share of Developed"
            ]
        );
        let idx = &all.nodes[0];
        let last = &trend.rows[1];
        assert_eq!(last[0], "2020");
        assert_eq!(last[1], format::opt_score(idx.groups[0].mean));
        assert_eq!(last[4], format::percent(idx.share(0, 2).unwrap()));
        let ChartData::Lines(lines) = &trend.data else {
            panic!("the trend is a line chart")
        };
        assert_eq!(lines.series.len(), 3, "no single gap line for three groups");
    }

    #[test]
    fn the_trend_follows_the_node_chosen_and_the_index_otherwise() {
        let on_x = three_group_view(ChartKind::Trend, Some("x"));
        assert!(
            on_x.title.starts_with("Mean Node x score of"),
            "{}",
            on_x.title
        );
        let b = crate::fixtures::bundle_with_three_groups();
        let x = groups::compare_groups(
            b.dataset(),
            b.framework(),
            &results(&b, 2019),
            &["LDC", "developing", "developed"],
        )
        .unwrap();
        let node = x.nodes.iter().find(|n| n.id == "x").unwrap();
        assert_eq!(on_x.rows[0][3], format::opt_score(node.groups[2].mean));
        // A node the framework does not compare on: the index.
        let unknown = three_group_view(ChartKind::Trend, Some("nope"));
        assert!(
            unknown.title.starts_with("Mean index score of"),
            "{}",
            unknown.title
        );
        assert_eq!(trend_nodes(&b)[0].0, "idx");
        assert_eq!(
            trend_node(&b, Some("y")),
            b.framework().position("y").unwrap()
        );
    }

    #[test]
    fn a_profile_of_three_groups_holds_every_groups_mean() {
        let b = crate::fixtures::bundle_with_three_groups();
        let r = results(&b, 2020);
        let ids = ["LDC", "developing", "developed"];
        let all = groups::compare_groups(b.dataset(), b.framework(), &r, &ids).unwrap();
        let g: Vec<String> = ids.map(String::from).to_vec();
        let p = profile(&b, &r, Some(&all), &g, 0, None).unwrap();
        assert_eq!(p.groups, ["LDCs", "Other developing", "Developed"]);
        for line in &p.pillars {
            assert_eq!(line.means.len(), 3);
        }
        assert_eq!(mark_of(&b, &g, 2), Mark::Group(1));
        assert_eq!(mark_of(&b, &g, 4), Mark::Other);
    }

    #[test]
    fn group_choices_come_from_the_dataset_once_each() {
        let b = bundle("2024");
        let both = vec![
            ("LDC".to_string(), "LDC".to_string()),
            ("developed".to_string(), "developed".to_string()),
        ];
        assert_eq!(filter_options(&b), both);
        assert_eq!(comparable_groups(&b), both);
    }
}
