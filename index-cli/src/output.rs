//! Writing rankings, gaps, comparisons and performers as CSV, JSON or aligned text.

use std::io::Write;

use index_core::bundle::Bundle;
use index_core::groups::{GroupComparison, GroupsComparison};
use index_core::performers::{Performer, Performers};
use index_core::pipeline::Results;
use serde::Serialize;

use crate::Format;

/// A writer of rows for `format`: comma-separated for csv, tab-separated for text.
pub fn rows_writer<W: std::io::Write>(format: Format, out: W) -> csv::Writer<W> {
    let delimiter = if format == Format::Csv { b',' } else { b'\t' };
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out)
}

/// `x` with `digits` decimals; empty when missing.
pub fn round(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(String::new, |v| format!("{v:.digits$}"))
}

/// One ranking row for JSON.
#[derive(Serialize)]
struct RankRow<'a> {
    code: &'a str,
    name: &'a str,
    score: Option<f64>,
    rank: Option<u32>,
    pillars: serde_json::Map<String, serde_json::Value>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: String,
}

/// The framework's pillars: (node, id).
fn pillar_ids(bundle: &Bundle) -> Vec<(usize, &str)> {
    let fw = bundle.framework();
    fw.pillars()
        .iter()
        .filter_map(|p| fw.node(*p).map(|n| (*p, n.id.as_str())))
        .collect()
}

/// Unit `u`'s ranking row for JSON (`None`: no such unit).
fn rank_row<'a>(
    bundle: &'a Bundle,
    results: &Results,
    pillars: &[(usize, &str)],
    u: usize,
) -> Option<RankRow<'a>> {
    let unit = bundle.dataset().units().get(u)?;
    Some(RankRow {
        code: &unit.code,
        name: &unit.name,
        score: results.index(u),
        rank: results.rank(u),
        pillars: pillars
            .iter()
            .map(|(p, id)| (id.to_string(), serde_json::json!(results.score(u, *p))))
            .collect(),
        note: results.status(u).reason(),
    })
}

/// Unit `u`'s ranking row as text: code, name, score, rank, each pillar's score, note (`None`:
/// no such unit).
fn rank_record(
    bundle: &Bundle,
    results: &Results,
    pillars: &[(usize, &str)],
    u: usize,
    digits: usize,
) -> Option<Vec<String>> {
    let unit = bundle.dataset().units().get(u)?;
    let mut rec = vec![
        unit.code.clone(),
        unit.name.clone(),
        round(results.index(u), digits),
        results.rank(u).map(|r| r.to_string()).unwrap_or_default(),
    ];
    rec.extend(
        pillars
            .iter()
            .map(|(p, _)| round(results.score(u, *p), digits)),
    );
    rec.push(results.status(u).reason());
    Some(rec)
}

/// The ranking table's header, after any leading columns (`year`).
fn rank_header<'a>(lead: &[&'a str], pillars: &[(usize, &'a str)]) -> Vec<&'a str> {
    let mut header = lead.to_vec();
    header.extend(["code", "name", "score", "rank"]);
    header.extend(pillars.iter().map(|(_, id)| *id));
    header.push("note");
    header
}

/// Prints the ranking: ranked units best first, then unranked units with the reason.
pub fn ranking(
    bundle: &Bundle,
    results: &Results,
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let pillars = pillar_ids(bundle);
    let order = results.order();
    let stdout = std::io::stdout();
    match format {
        Format::Json => {
            let rows: Vec<RankRow<'_>> = order
                .iter()
                .filter_map(|&u| rank_row(bundle, results, &pillars, u))
                .collect();
            let doc = serde_json::json!({
                "bundle": bundle.id(),
                "year": results.year(),
                "method": results.prepared.method.describe(),
                "units": rows,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text => {
            let mut w = rows_writer(format, stdout.lock());
            w.write_record(rank_header(&[], &pillars))
                .map_err(|e| e.to_string())?;
            for &u in order {
                if let Some(rec) = rank_record(bundle, results, &pillars, u, digits) {
                    w.write_record(&rec).map_err(|e| e.to_string())?;
                }
            }
            w.flush().map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Prints the rankings of several years (each [`Results`] one year, in order) with a `year`
/// column first — every unit in each year's rank order, or only `unit`'s row in each year; in
/// JSON `{bundle, method, years: [{year, units: [...]}]}`.
pub fn ranking_years(
    bundle: &Bundle,
    years: &[Results],
    unit: Option<usize>,
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let pillars = pillar_ids(bundle);
    let units = |results: &Results| -> Vec<usize> {
        match unit {
            Some(u) => vec![u],
            None => results.order().to_vec(),
        }
    };
    let stdout = std::io::stdout();
    match format {
        Format::Json => {
            let method = years
                .first()
                .map(|r| r.prepared.method.describe())
                .unwrap_or_default();
            let by_year: Vec<serde_json::Value> = years
                .iter()
                .map(|results| {
                    let rows: Vec<RankRow<'_>> = units(results)
                        .into_iter()
                        .filter_map(|u| rank_row(bundle, results, &pillars, u))
                        .collect();
                    serde_json::json!({"year": results.year(), "units": rows})
                })
                .collect();
            let doc = serde_json::json!({
                "bundle": bundle.id(),
                "method": method,
                "years": by_year,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text => {
            let mut w = rows_writer(format, stdout.lock());
            w.write_record(rank_header(&["year"], &pillars))
                .map_err(|e| e.to_string())?;
            for results in years {
                for u in units(results) {
                    if let Some(rec) = rank_record(bundle, results, &pillars, u, digits) {
                        let year = results.year().to_string();
                        w.write_record(std::iter::once(year).chain(rec))
                            .map_err(|e| e.to_string())?;
                    }
                }
            }
            w.flush().map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Prints over- and under-performers against income: the units compared, largest
/// over-performer first (`rank` is the rank among them, [`Performer::actual_rank`]); then the
/// scored units not compared — in JSON under `without_gdp`, in CSV and text named on stderr,
/// so that every row of the table has every column.
pub fn performers(bundle: &Bundle, table: &Performers, format: Format) -> Result<(), String> {
    let ds = bundle.dataset();
    let unit = |r: &Performer| {
        ds.units()
            .get(r.unit)
            .map(|u| (u.code.as_str(), u.name.as_str()))
    };
    let compared = table.largest_first();
    let stdout = std::io::stdout();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = compared
                .iter()
                .filter_map(|r| {
                    let (code, name) = unit(r)?;
                    Some(serde_json::json!({
                        "code": code,
                        "name": name,
                        "rank": r.actual_rank,
                        "expected_rank": r.expected_rank,
                        "difference": r.difference,
                        "index_rank": r.rank,
                        "score": r.score,
                        "gdp_per_capita": r.gdp.usable(),
                    }))
                })
                .collect();
            let without: Vec<serde_json::Value> = table
                .not_compared()
                .filter_map(|r| {
                    let (code, name) = unit(r)?;
                    Some(serde_json::json!({
                        "code": code,
                        "name": name,
                        "index_rank": r.rank,
                        "score": r.score,
                        "gdp": r.gdp,
                        "note": r.gdp.reason(),
                    }))
                })
                .collect();
            let doc = serde_json::json!({
                "bundle": bundle.id(),
                "year": table.year,
                "gdp_per_capita": table.indicator,
                "fit": table.fit,
                "units": rows,
                "without_gdp": without,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text => {
            let mut w = rows_writer(format, stdout.lock());
            w.write_record([
                "code",
                "name",
                "rank",
                "expected_rank",
                "difference",
                "index_rank",
            ])
            .map_err(|e| e.to_string())?;
            let text = |x: Option<u32>| x.map(|r| r.to_string()).unwrap_or_default();
            for r in &compared {
                let Some((code, name)) = unit(r) else {
                    continue;
                };
                w.write_record([
                    code.to_string(),
                    name.to_string(),
                    text(r.actual_rank),
                    text(r.expected_rank),
                    r.difference.map(|d| d.to_string()).unwrap_or_default(),
                    r.rank.to_string(),
                ])
                .map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
            let left: Vec<String> = table
                .not_compared()
                .filter_map(|r| unit(r).map(|(code, name)| format!("{code} ({name})")))
                .collect();
            if !left.is_empty() {
                writeln!(
                    std::io::stderr().lock(),
                    "note: {} of {} scored units left out (no GDP per capita `{}` above 0 in {}): {}",
                    left.len(),
                    table.rows.len(),
                    table.indicator,
                    table.year,
                    left.join(", ")
                )
                .map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// Prints group comparisons (one per year).
pub fn gaps(
    bundle: &Bundle,
    comparisons: &[GroupComparison],
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let fw = bundle.framework();
    let name = |id: &str| {
        bundle
            .dataset()
            .group(id)
            .map_or(id.to_string(), |g| g.name.clone())
    };
    let stdout = std::io::stdout();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(stdout.lock(), comparisons).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(stdout.lock());
            w.write_record([
                "year",
                "node",
                "a",
                "a_members",
                "a_scored",
                "a_mean",
                "a_median",
                "b",
                "b_members",
                "b_scored",
                "b_mean",
                "b_median",
                "difference",
                "ratio",
            ])
            .map_err(|e| e.to_string())?;
            for c in comparisons {
                for n in &c.nodes {
                    w.write_record([
                        c.year.to_string(),
                        n.id.clone(),
                        c.a.clone(),
                        n.a.members.to_string(),
                        n.a.scored.to_string(),
                        round(n.a.mean, digits),
                        round(n.a.median, digits),
                        c.b.clone(),
                        n.b.members.to_string(),
                        n.b.scored.to_string(),
                        round(n.b.mean, digits),
                        round(n.b.median, digits),
                        round(n.difference, digits),
                        round(n.ratio, digits),
                    ])
                    .map_err(|e| e.to_string())?;
                }
            }
            w.flush().map_err(|e| e.to_string())?;
        }
        Format::Text => {
            let mut out = stdout.lock();
            for c in comparisons {
                writeln!(
                    out,
                    "{} {} — A: {} · B: {}",
                    bundle.title(),
                    c.year,
                    name(&c.a),
                    name(&c.b)
                )
                .map_err(|e| e.to_string())?;
                writeln!(
                    out,
                    "{:<34} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
                    "",
                    "A scored",
                    "A mean",
                    "A median",
                    "B scored",
                    "B mean",
                    "B median",
                    "gap B−A",
                    "A/B"
                )
                .map_err(|e| e.to_string())?;
                for n in &c.nodes {
                    let label: String = fw
                        .node(n.node)
                        .map_or(n.id.clone(), |s| s.name.clone())
                        .chars()
                        .take(34)
                        .collect();
                    writeln!(
                        out,
                        "{label:<34} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
                        format!("{}/{}", n.a.scored, n.a.members),
                        round(n.a.mean, digits),
                        round(n.a.median, digits),
                        format!("{}/{}", n.b.scored, n.b.members),
                        round(n.b.mean, digits),
                        round(n.b.median, digits),
                        round(n.difference, digits),
                        round(n.ratio, 2),
                    )
                    .map_err(|e| e.to_string())?;
                }
                writeln!(out).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// Prints a comparison of three or more groups: one row per year, node and group (members,
/// scored, mean, median, then the group's mean as a share of each group's, `share_of_<id>`),
/// and the largest and smallest gap in words (text: under each year's table; csv: a note on
/// standard error, one line per year; json: `sentence` beside each year's figures).
pub fn gaps_many(
    comparisons: &[GroupsComparison],
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let stdout = std::io::stdout();
    match format {
        Format::Json => {
            #[derive(Serialize)]
            struct Year<'a> {
                #[serde(flatten)]
                figures: &'a GroupsComparison,
                sentence: Option<String>,
            }
            let years: Vec<Year<'_>> = comparisons
                .iter()
                .map(|c| Year {
                    figures: c,
                    sentence: c.sentence(),
                })
                .collect();
            serde_json::to_writer_pretty(stdout.lock(), &years).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(stdout.lock());
            let groups = comparisons.first().map_or(&[][..], |c| c.groups.as_slice());
            let mut header: Vec<String> = [
                "year", "node", "group", "members", "scored", "mean", "median",
            ]
            .iter()
            .map(|h| h.to_string())
            .collect();
            header.extend(groups.iter().map(|g| format!("share_of_{g}")));
            w.write_record(&header).map_err(|e| e.to_string())?;
            for c in comparisons {
                for n in &c.nodes {
                    for (i, (id, g)) in c.groups.iter().zip(&n.groups).enumerate() {
                        let mut row = vec![
                            c.year.to_string(),
                            n.id.clone(),
                            id.clone(),
                            g.members.to_string(),
                            g.scored.to_string(),
                            round(g.mean, digits),
                            round(g.median, digits),
                        ];
                        row.extend((0..c.groups.len()).map(|j| round(n.share(i, j), digits)));
                        w.write_record(&row).map_err(|e| e.to_string())?;
                    }
                }
            }
            w.flush().map_err(|e| e.to_string())?;
            for c in comparisons {
                if let Some(s) = c.sentence() {
                    eprintln!("note: {}: {s}", c.year);
                }
            }
        }
        Format::Text => {
            let mut out = stdout.lock();
            for c in comparisons {
                writeln!(out, "{}: {}", c.year, c.names.join(" · ")).map_err(|e| e.to_string())?;
                writeln!(
                    out,
                    "{:<34} {:<24} {:>9} {:>9} {:>9}",
                    "", "group", "scored", "mean", "median"
                )
                .map_err(|e| e.to_string())?;
                for n in &c.nodes {
                    let label: String = n.name.chars().take(34).collect();
                    for (i, g) in n.groups.iter().enumerate() {
                        let group: String = c
                            .names
                            .get(i)
                            .map_or("", String::as_str)
                            .chars()
                            .take(24)
                            .collect();
                        writeln!(
                            out,
                            "{:<34} {group:<24} {:>9} {:>9} {:>9}",
                            if i == 0 { label.as_str() } else { "" },
                            format!("{}/{}", g.scored, g.members),
                            round(g.mean, digits),
                            round(g.median, digits),
                        )
                        .map_err(|e| e.to_string())?;
                    }
                }
                if let Some(s) = c.sentence() {
                    writeln!(out, "{s}").map_err(|e| e.to_string())?;
                }
                writeln!(out).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// Prints a scenario comparison: the rank-change table (largest move first), then each
/// scenario's gap on the index.
pub fn comparison(
    bundle: &Bundle,
    runs: &[(String, Results, GroupComparison)],
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let ds = bundle.dataset();
    let results: Vec<&Results> = runs.iter().map(|(_, r, _)| r).collect();
    let moves = index_core::compare::rank_moves(&results);
    let stdout = std::io::stdout();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = moves
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "code": ds.units()[m.unit].code,
                        "name": ds.units()[m.unit].name,
                        "ranks": m.ranks,
                        "change": m.change,
                        "largest_move": m.largest_move,
                    })
                })
                .collect();
            let gaps: Vec<serde_json::Value> = runs
                .iter()
                .map(|(label, _, g)| serde_json::json!({ "scenario": label, "comparison": g }))
                .collect();
            let doc = serde_json::json!({
                "bundle": bundle.id(),
                "scenarios": runs.iter().map(|(l, _, _)| l).collect::<Vec<_>>(),
                "moves": rows,
                "gaps": gaps,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text => {
            let mut w = rows_writer(format, stdout.lock());
            let mut header = vec!["code".to_string(), "name".to_string()];
            header.extend(runs.iter().map(|(l, _, _)| format!("rank: {l}")));
            header.extend(["change".to_string(), "largest_move".to_string()]);
            w.write_record(&header).map_err(|e| e.to_string())?;
            for m in &moves {
                let mut rec = vec![
                    ds.units()[m.unit].code.clone(),
                    ds.units()[m.unit].name.clone(),
                ];
                rec.extend(
                    m.ranks
                        .iter()
                        .map(|r| r.map(|r| r.to_string()).unwrap_or_default()),
                );
                rec.push(m.change.map(|c| c.to_string()).unwrap_or_default());
                rec.push(m.largest_move.to_string());
                w.write_record(&rec).map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
            drop(w);
            if format == Format::Text {
                outln!();
                for (label, _, g) in runs {
                    if let Some(n) = g.index() {
                        outln!(
                            "{label}: {} mean {} · {} mean {} · gap {}",
                            g.a,
                            round(n.a.mean, digits),
                            g.b,
                            round(n.b.mean, digits),
                            round(n.difference, digits)
                        );
                    }
                }
            }
        }
    }
    Ok(())
}
