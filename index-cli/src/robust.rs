//! `index bounds` and `index bod`: how robust a rank is to the weights — each unit's exact best
//! and worst rank under any weights within bounds ([`index_core::bounds`]), and its
//! benefit-of-the-doubt score and weights ([`index_core::bod`]).

use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use index_core::bod::{self, Bod};
use index_core::bounds::{self, Budget, LeftOut, Shares};
use index_core::bundle::Bundle;
use index_core::error::excerpt;
use index_core::framework::Framework;
use serde_json::json;

use crate::{commands, output, Format, Selection};

/// The `bounds` subcommand's arguments.
#[derive(Debug, clap::Args)]
pub struct BoundsArgs {
    #[command(flatten)]
    selection: Selection,
    /// The aggregate whose children are weighed (a node id; default: the index, whose children
    /// are the pillars).
    #[arg(long, value_name = "NODE")]
    level: Option<String>,
    /// How many generations below the level the criteria are: 1 its children, 2 their
    /// children (e.g. the GII's seven pillars under its two sub-indices), the shares being the
    /// products of the shares on the way.
    #[arg(long, default_value_t = 1)]
    depth: u8,
    /// The least share of each criterion (default 0).
    #[arg(long, value_name = "A")]
    min_share: Option<f64>,
    /// The greatest share of each criterion (default 1).
    #[arg(long, value_name = "B")]
    max_share: Option<f64>,
    /// Each share between half and double its current share.
    #[arg(long, conflicts_with_all = ["min_share", "max_share"])]
    half_to_double: bool,
    /// Seconds each programme may take (two per unit); where it runs out, the row says
    /// `proven` false and the JSON gives the limit proven so far.
    #[arg(long, value_name = "SECONDS", default_value_t = 2.0)]
    time_limit: f64,
    /// Also at most this many branch-and-bound nodes per programme: a budget that gives the
    /// same answer on every machine, however loaded (a quarter of it without the cuts between
    /// rivals, the rest with them).
    #[arg(long, value_name = "NODES")]
    node_limit: Option<u64>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Csv)]
    format: Format,
}

/// The `bod` subcommand's arguments.
#[derive(Debug, clap::Args)]
pub struct BodArgs {
    #[command(flatten)]
    selection: Selection,
    /// The aggregate whose children are the criteria (a node id; default: the index).
    #[arg(long, value_name = "NODE")]
    level: Option<String>,
    /// How many generations below the level the criteria are (1: its children).
    #[arg(long, default_value_t = 1)]
    depth: u8,
    /// The least share of each criterion in a unit's score (0 to 1 / criteria).
    #[arg(long, value_name = "A", default_value_t = 0.0)]
    min_share: f64,
    /// Decimals for scores and shares in csv/text output (JSON is always full precision).
    #[arg(long, default_value_t = 4)]
    digits: usize,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Csv)]
    format: Format,
}

/// The framework position of node `id`, if given.
fn level(framework: &Framework, id: Option<&str>) -> Result<Option<usize>, String> {
    let Some(id) = id else {
        return Ok(None);
    };
    framework.position(id).map(Some).ok_or_else(|| {
        let aggregates: Vec<&str> = framework
            .aggregates_preorder()
            .iter()
            .filter_map(|n| framework.node(*n).map(|s| s.id.as_str()))
            .collect();
        format!(
            "--level: the framework has no node `{}`; its aggregates are {}",
            excerpt(id),
            aggregates.join(", ")
        )
    })
}

fn node_id(framework: &Framework, n: usize) -> &str {
    framework.node(n).map_or("", |s| s.id.as_str())
}

fn unit(bundle: &Bundle, u: usize) -> (&str, &str) {
    bundle
        .dataset()
        .units()
        .get(u)
        .map_or(("", ""), |x| (x.code.as_str(), x.name.as_str()))
}

/// The units left out, named on stderr.
fn note_left_out(bundle: &Bundle, left: &[LeftOut]) -> Result<(), String> {
    if left.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = left
        .iter()
        .map(|l| format!("{} ({})", unit(bundle, l.unit).0, l.reason))
        .collect();
    writeln!(
        std::io::stderr().lock(),
        "note: {} units left out (a score on every criterion is needed): {}",
        left.len(),
        names.join(", ")
    )
    .map_err(|e| e.to_string())
}

/// `index bounds`.
pub fn bounds(data_dir: &Path, args: &BoundsArgs) -> Result<(), String> {
    let job = commands::load(data_dir, &args.selection)?;
    let results = job.run()?;
    let fw = job.bundle.framework();
    let shares = if args.half_to_double {
        Shares::HalfToDouble
    } else if args.min_share.is_some() || args.max_share.is_some() {
        Shares::Within {
            min: args.min_share.unwrap_or(0.0),
            max: args.max_share.unwrap_or(1.0),
        }
    } else {
        Shares::Free
    };
    let time = Duration::try_from_secs_f64(args.time_limit)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| {
            format!(
                "--time-limit takes a positive number of seconds, got {}",
                args.time_limit
            )
        })?;
    let options = bounds::Options {
        level: level(fw, args.level.as_deref())?,
        depth: args.depth,
        shares,
        budget: Budget {
            time: Some(time),
            nodes: args.node_limit,
        },
    };
    let table = bounds::rank_bounds(fw, &results, &options).map_err(|e| e.to_string())?;
    let mut rows: Vec<&bounds::UnitBounds> = table.rows.iter().collect();
    index_core::order::sort_by_key(&mut rows, |r| (r.rank, r.unit));
    let ids: Vec<&str> = table.criteria.iter().map(|q| node_id(fw, *q)).collect();
    let by_id = |s: &[f64]| -> serde_json::Map<String, serde_json::Value> {
        ids.iter()
            .zip(s)
            .map(|(id, x)| (id.to_string(), json!(x)))
            .collect()
    };
    let stdout = std::io::stdout();
    match args.format {
        Format::Json => {
            let side = |b: &bounds::Bound| {
                json!({
                    "rank": b.rank,
                    "limit": b.limit,
                    "proven": b.proven,
                    "shares": by_id(&b.shares),
                })
            };
            let units: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    let (code, name) = unit(&job.bundle, r.unit);
                    json!({
                        "code": code,
                        "name": name,
                        "rank": r.rank,
                        "best_rank": r.best.rank,
                        "worst_rank": r.worst.rank,
                        "proven": r.proven(),
                        "best": side(&r.best),
                        "worst": side(&r.worst),
                    })
                })
                .collect();
            let left = left_json(&job.bundle, &table.left_out);
            let doc = json!({
                "bundle": job.bundle.id(),
                "year": results.year(),
                "level": node_id(fw, table.level),
                "criteria": ids,
                "shares": {
                    "rule": shares,
                    "current": by_id(&table.current),
                    "lower": by_id(&table.lower),
                    "upper": by_id(&table.upper),
                },
                "seconds_per_programme": time.as_secs_f64(),
                "nodes_per_programme": args.node_limit,
                "tie": bounds::TIE,
                "note": "rank: among the units taking part, under the current shares; ties count in \
                         the unit's favour; best/worst limit: what the solver proved (equal to the \
                         rank when proven)",
                "units": units,
                "left_out": left,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text => {
            let mut w = output::rows_writer(args.format, stdout.lock());
            w.write_record(["code", "name", "rank", "best_rank", "worst_rank", "proven"])
                .map_err(|e| e.to_string())?;
            for r in &rows {
                let (code, name) = unit(&job.bundle, r.unit);
                w.write_record([
                    code.to_string(),
                    name.to_string(),
                    r.rank.to_string(),
                    r.best.rank.to_string(),
                    r.worst.rank.to_string(),
                    r.proven().to_string(),
                ])
                .map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
            note_left_out(&job.bundle, &table.left_out)?;
            let open: Vec<String> = rows
                .iter()
                .filter(|r| !r.proven())
                .map(|r| {
                    format!(
                        "{} (best {}–{}, worst {}–{})",
                        unit(&job.bundle, r.unit).0,
                        r.best.limit,
                        r.best.rank,
                        r.worst.rank,
                        r.worst.limit
                    )
                })
                .collect();
            if !open.is_empty() {
                writeln!(
                    std::io::stderr().lock(),
                    "note: {} units not proven within {} s{} per programme (the rank found, and \
                     the limit proven): {}",
                    open.len(),
                    time.as_secs_f64(),
                    args.node_limit
                        .map(|n| format!(" or {n} nodes"))
                        .unwrap_or_default(),
                    open.join(", ")
                )
                .map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// `index bod`.
pub fn bod(data_dir: &Path, args: &BodArgs) -> Result<(), String> {
    let job = commands::load(data_dir, &args.selection)?;
    let results = job.run()?;
    let fw = job.bundle.framework();
    let options = bod::Options {
        level: level(fw, args.level.as_deref())?,
        depth: args.depth,
        min_share: args.min_share,
        budget: Budget::default(),
    };
    let table: Bod =
        bod::bod(job.bundle.dataset(), fw, &results, &options).map_err(|e| e.to_string())?;
    let mut rows: Vec<&bod::BodUnit> = table.rows.iter().collect();
    index_core::order::sort_by_key(&mut rows, |r| {
        (r.rank, results.rank(r.unit).unwrap_or(u32::MAX), r.unit)
    });
    let ids: Vec<&str> = table.criteria.iter().map(|q| node_id(fw, *q)).collect();
    let stdout = std::io::stdout();
    match args.format {
        Format::Json => {
            let units: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    let (code, name) = unit(&job.bundle, r.unit);
                    let by_id = |s: &[f64]| -> serde_json::Map<String, serde_json::Value> {
                        ids.iter()
                            .zip(s)
                            .map(|(id, x)| (id.to_string(), json!(x)))
                            .collect()
                    };
                    json!({
                        "code": code,
                        "name": name,
                        "rank": results.rank(r.unit),
                        "bod_score": r.score,
                        "bod_rank": r.rank,
                        "weights": by_id(&r.weights),
                        "shares": r.shares.as_deref().map(by_id),
                    })
                })
                .collect();
            let left = left_json(&job.bundle, &table.left_out);
            let doc = json!({
                "bundle": job.bundle.id(),
                "year": results.year(),
                "level": node_id(fw, table.level),
                "criteria": ids,
                "min_share": table.min_share,
                "note": "benefit of the doubt: each unit under the weights most favourable to it, \
                         no unit above 1 under them; rank is the index rank; shares are each \
                         criterion's share of the unit's benefit-of-the-doubt score",
                "units": units,
                "left_out": left,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text => {
            let mut w = output::rows_writer(args.format, stdout.lock());
            let mut header: Vec<String> = ["code", "name", "rank", "bod_score", "bod_rank"]
                .iter()
                .map(|h| h.to_string())
                .collect();
            header.extend(ids.iter().map(|id| format!("w_{id}")));
            w.write_record(&header).map_err(|e| e.to_string())?;
            let digits = args.digits;
            for r in &rows {
                let (code, name) = unit(&job.bundle, r.unit);
                let mut rec = vec![
                    code.to_string(),
                    name.to_string(),
                    results
                        .rank(r.unit)
                        .map(|x| x.to_string())
                        .unwrap_or_default(),
                    format!("{:.digits$}", r.score),
                    r.rank.to_string(),
                ];
                match &r.shares {
                    Some(s) => rec.extend(s.iter().map(|x| format!("{x:.digits$}"))),
                    None => rec.extend(ids.iter().map(|_| String::new())),
                }
                w.write_record(&rec).map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
            note_left_out(&job.bundle, &table.left_out)?;
        }
    }
    Ok(())
}

/// The units left out, for JSON: code, name and why.
fn left_json(bundle: &Bundle, left: &[LeftOut]) -> Vec<serde_json::Value> {
    left.iter()
        .map(|l| {
            let (code, name) = unit(bundle, l.unit);
            json!({"code": code, "name": name, "reason": l.reason})
        })
        .collect()
}
