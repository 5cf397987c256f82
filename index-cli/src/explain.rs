//! `index explain`: why each unit moved between two scenarios, each change's Shapley part of the
//! move ([`index_core::attribution`]); `index target`: what a unit would need to reach a rank or
//! pass a rival ([`index_core::target`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use index_core::attribution::{self, Attribution, Estimate, PartsStatus, Plan, UnitParts};
use index_core::bundle::Bundle;
use index_core::scenario::{Resolved, Scenario};
use index_core::target::{Goal, Move, Target, TargetStatus};

use crate::commands::{load_bundle, read_scenario, which_bundle};
use crate::output::{round, rows_writer};
use crate::Format;

/// The options of `index explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A built-in bundle id or a bundle JSON file (default: the scenarios' bundle).
    #[arg(long, short)]
    bundle: Option<String>,
    /// The scenario changed from (default: the bundle's published weights, method and year).
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
    /// Which scenario of the `--from` file (by name), when it holds several.
    #[arg(long, value_name = "NAME")]
    from_name: Option<String>,
    /// The scenario changed to.
    #[arg(long, value_name = "FILE")]
    to: PathBuf,
    /// Which scenario of the `--to` file (by name), when it holds several.
    #[arg(long, value_name = "NAME")]
    to_name: Option<String>,
    /// Only this unit (ISO3 code); in text, its change step by step.
    #[arg(long, short, value_name = "CODE")]
    unit: Option<String>,
    /// Split exactly up to this many changes (2^k scorings), else sample orders.
    #[arg(long, default_value_t = attribution::MAX_EXACT, value_name = "K")]
    exact_up_to: usize,
    /// Orders sampled beyond `--exact-up-to` changes (in antithetic pairs).
    #[arg(long, default_value_t = attribution::DEFAULT_PERMUTATIONS)]
    permutations: u32,
    /// The seed of the sampled orders.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Decimals for csv/text output, 0 to 17 (JSON is always full precision).
    #[arg(long, default_value_t = 6, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=17))]
    digits: usize,
}

/// `file` (or, without one, the bundle's defaults) resolved against `bundle`.
fn resolve(bundle: &Bundle, file: Option<&(PathBuf, Scenario)>) -> Result<Resolved, String> {
    match file {
        None => Ok(Resolved::defaults(bundle)),
        Some((path, s)) => s
            .resolve(bundle)
            .map_err(|e| format!("{}: {e}", path.display())),
    }
}

/// `index explain`.
pub fn explain(data_dir: &Path, args: &ExplainArgs) -> Result<(), String> {
    let to = (
        args.to.clone(),
        read_scenario(&args.to, args.to_name.as_deref())?,
    );
    let from = match &args.from {
        Some(path) => Some((
            path.clone(),
            read_scenario(path, args.from_name.as_deref())?,
        )),
        None => None,
    };
    let which = which_bundle(
        args.bundle.as_deref(),
        std::iter::once(&to).chain(&from).map(|(_, s)| s),
    )?;
    let bundle = load_bundle(data_dir, &which)?;
    let (a, b) = (
        resolve(&bundle, from.as_ref())?,
        resolve(&bundle, Some(&to))?,
    );
    let unit = match &args.unit {
        None => None,
        Some(code) => Some(unit_position(&bundle, code)?),
    };
    let plan = Plan {
        exact_up_to: args.exact_up_to,
        permutations: args.permutations,
        seed: args.seed,
    };
    let parts = attribution::attribute(&bundle, &a, &b, &plan).map_err(|e| e.to_string())?;
    write(&bundle, &parts, unit, args.format, args.digits)
}

/// The position of unit `code` in `bundle`'s dataset.
pub fn unit_position(bundle: &Bundle, code: &str) -> Result<usize, String> {
    bundle.dataset().unit_position(code).ok_or_else(|| {
        format!(
            "bundle `{}` has no unit `{}`",
            bundle.id(),
            index_core::error::excerpt(code)
        )
    })
}

/// The units in the order written: ranked under `to` first (best first), then the rest in
/// dataset order; only `unit` when given.
fn order(parts: &Attribution, unit: Option<usize>) -> Vec<usize> {
    if let Some(u) = unit {
        return vec![u];
    }
    let mut order: Vec<usize> = (0..parts.units.len()).collect();
    order.sort_by_key(|&u| parts.units[u].rank_to.unwrap_or(u32::MAX));
    order
}

/// Writes the attribution as `format`.
fn write(
    bundle: &Bundle,
    parts: &Attribution,
    unit: Option<usize>,
    format: Format,
    digits: usize,
) -> Result<(), String> {
    let units = bundle.dataset().units();
    let order = order(parts, unit);
    let stdout = std::io::stdout();
    let rank = |r: Option<u32>| r.map(|r| r.to_string()).unwrap_or_default();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = order
                .iter()
                .map(|&u| {
                    let p = &parts.units[u];
                    serde_json::json!({
                        "code": units[u].code,
                        "name": units[u].name,
                        "score_from": p.score_from,
                        "score_to": p.score_to,
                        "rank_from": p.rank_from,
                        "rank_to": p.rank_to,
                        "split": p.status == PartsStatus::Split,
                        "note": p.status.reason(),
                        "score_parts": p.score,
                        "rank_parts": p.rank,
                        "score_errors": p.score_error,
                        "rank_errors": p.rank_error,
                        "largest": p.largest().map(|i| &parts.changes[i].name),
                    })
                })
                .collect();
            let estimate = match parts.estimate {
                Estimate::Exact => serde_json::json!("exact"),
                Estimate::Sampled { permutations, seed } => serde_json::json!({
                    "sampled": { "permutations": permutations, "seed": seed }
                }),
            };
            let changes: Vec<serde_json::Value> = parts
                .changes
                .iter()
                .map(|c| serde_json::json!({ "name": c.name, "from": c.from, "to": c.to }))
                .collect();
            let doc = serde_json::json!({
                "bundle": bundle.id(),
                "estimate": estimate,
                "scorings": parts.scorings,
                "preparations": parts.preparations,
                "changes": changes,
                "units": rows,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Text if unit.is_some() => {
            for &u in &order {
                steps(
                    &units[u].code,
                    &units[u].name,
                    parts,
                    &parts.units[u],
                    digits,
                )?;
            }
        }
        Format::Csv | Format::Text => {
            let mut w = rows_writer(format, stdout.lock());
            let mut header: Vec<&str> = vec![
                "code",
                "name",
                "score_from",
                "score_to",
                "rank_from",
                "rank_to",
            ];
            header.extend(parts.changes.iter().map(|c| c.name.as_str()));
            w.write_record(&header).map_err(|e| e.to_string())?;
            for &u in &order {
                let p = &parts.units[u];
                let mut rec = vec![
                    units[u].code.clone(),
                    units[u].name.clone(),
                    round(p.score_from, digits),
                    round(p.score_to, digits),
                    rank(p.rank_from),
                    rank(p.rank_to),
                ];
                rec.extend(
                    (0..parts.changes.len()).map(|i| round(p.score.get(i).copied(), digits)),
                );
                w.write_record(&rec).map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
            notes(bundle, parts, &order)?;
        }
    }
    Ok(())
}

/// On stderr: how the parts were computed and the units without parts, with the reason.
fn notes(bundle: &Bundle, parts: &Attribution, order: &[usize]) -> Result<(), String> {
    let mut err = std::io::stderr().lock();
    if let Estimate::Sampled { permutations, seed } = parts.estimate {
        let largest = parts
            .units
            .iter()
            .flat_map(|u| &u.score_error)
            .fold(0.0f64, |m, e| m.max(*e));
        writeln!(
            err,
            "note: {} changes, parts estimated from {permutations} sampled orders (seed {seed}); \
             largest standard error of a score part {largest:.2e} (every error in --format json)",
            parts.changes.len()
        )
        .map_err(|e| e.to_string())?;
    }
    let left: Vec<String> = order
        .iter()
        .filter_map(|&u| {
            let p = parts.units.get(u)?;
            let unit = bundle.dataset().units().get(u)?;
            (p.status != PartsStatus::Split)
                .then(|| format!("{} ({})", unit.code, p.status.reason()))
        })
        .collect();
    if !left.is_empty() {
        writeln!(
            err,
            "note: {} units without parts: {}",
            left.len(),
            left.join(", ")
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// One unit's change step by step: the score under `from`, each change's part (largest
/// first), the score under `to`.
fn steps(
    code: &str,
    name: &str,
    parts: &Attribution,
    p: &UnitParts,
    digits: usize,
) -> Result<(), String> {
    let rank = |r: Option<u32>| r.map_or_else(|| "unranked".to_string(), |r| format!("rank {r}"));
    outln!(
        "{code} ({name}): {} ({}) → {} ({})",
        round(p.score_from, digits),
        rank(p.rank_from),
        round(p.score_to, digits),
        rank(p.rank_to)
    );
    if p.status != PartsStatus::Split {
        outln!("  {}", p.status.reason());
        return Ok(());
    }
    let mut by_size: Vec<usize> = (0..p.score.len()).collect();
    by_size.sort_by(|&a, &b| p.score[b].abs().total_cmp(&p.score[a].abs()));
    for i in by_size {
        let c = &parts.changes[i];
        let error = p
            .score_error
            .get(i)
            .map(|e| format!(" ± {e:.digits$}"))
            .unwrap_or_default();
        outln!(
            "  {:+.digits$}{error}  (rank {:+.2})  {}: {} → {}",
            p.score[i],
            p.rank[i],
            c.name,
            c.from,
            c.to
        );
    }
    Ok(())
}

/// The options of `index target`.
#[derive(Debug, clap::Args)]
pub struct TargetArgs {
    #[command(flatten)]
    selection: crate::Selection,
    /// The unit (ISO3 code).
    #[arg(long, short, value_name = "CODE")]
    unit: String,
    /// The rank to reach (or better).
    #[arg(long, short, required_unless_present = "past", conflicts_with = "past")]
    rank: Option<u32>,
    /// The rival to pass (ISO3 code): a score above the rival's.
    #[arg(long, value_name = "CODE")]
    past: Option<String>,
    /// The indicators to improve, comma-separated (default: every indicator of the framework),
    /// together in proportion to their gaps to the best observed value.
    #[arg(long, short, value_delimiter = ',', value_name = "A,B…")]
    indicators: Vec<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Decimals that show `x` to about 1/10 000 of `range` (the answer is within 1e-6 of it).
fn decimals(range: f64) -> usize {
    let magnitude = if range > 0.0 && range.is_finite() {
        range.log10().floor()
    } else {
        0.0
    };
    // (clamped to 0–12, so the cast is exact)
    (4.0 - magnitude).clamp(0.0, 12.0) as usize
}

/// `index target`.
pub fn target(data_dir: &Path, args: &TargetArgs) -> Result<(), String> {
    let job = crate::commands::load(data_dir, &args.selection)?;
    let (bundle, scenario) = (&job.bundle, &job.resolved);
    let unit = unit_position(bundle, &args.unit)?;
    let goal = match (&args.past, args.rank) {
        (Some(code), _) => Goal::Past(unit_position(bundle, code)?),
        (None, Some(rank)) => Goal::Rank(rank),
        (None, None) => return Err("say what to reach: --rank R or --past CODE".into()),
    };
    let fw = bundle.framework();
    let ids: Vec<&str> = if args.indicators.is_empty() {
        fw.leaves()
            .iter()
            .filter_map(|&l| fw.node(l).map(|n| n.id.as_str()))
            .collect()
    } else {
        args.indicators.iter().map(|s| s.trim()).collect()
    };
    let t = index_core::target::target(bundle, scenario, unit, &ids, goal)
        .map_err(|e| e.to_string())?;
    write_target(bundle, &t, args.format)
}

/// Writes a target as `format`.
fn write_target(bundle: &Bundle, t: &Target, format: Format) -> Result<(), String> {
    let ds = bundle.dataset();
    let units = ds.units();
    let code = |u: usize| units.get(u).map_or("", |x| x.code.as_str());
    let status = match t.status {
        TargetStatus::AlreadyThere => "already there",
        TargetStatus::Reached => "reached",
        TargetStatus::OutOfReach => "out of reach within the observed range",
    };
    let goal = match t.goal {
        Goal::Rank(r) => format!("rank {r}"),
        Goal::Past(rival) => format!("past {}", code(rival)),
    };
    let rank = |r: Option<u32>| r.map_or_else(|| "unranked".into(), |r| format!("rank {r}"));
    let depends: Vec<String> = t
        .depends
        .iter()
        .map(|d| format!("{}: {}", d.indicator, d.reason.describe()))
        .collect();
    let number = |x: f64, m: &Move| format!("{x:.*}", decimals((m.best - m.worst).abs()));
    let stdout = std::io::stdout();
    match format {
        Format::Json => {
            let moves: Vec<serde_json::Value> = t
                .moves
                .iter()
                .map(|m| {
                    let ind = ds.indicator(&m.indicator);
                    serde_json::json!({
                        "indicator": m.indicator,
                        "name": ind.map(|i| i.name.as_str()),
                        "unit": ind.map(|i| i.unit.as_str()),
                        "direction": m.direction,
                        "current": m.current,
                        "needed": m.needed,
                        "change": m.change,
                        "best_observed": m.best,
                        "worst_observed": m.worst,
                        "carried_from": m.carried_from,
                    })
                })
                .collect();
            let standing = |s: &index_core::target::Standing| serde_json::json!({ "score": s.score, "rank": s.rank, "rival_score": s.rival_score });
            let doc = serde_json::json!({
                "bundle": bundle.id(),
                "unit": code(t.unit),
                "goal": goal,
                "status": status,
                "share_of_gaps": t.share,
                "short_by": t.short_by,
                "tolerance": index_core::target::TOLERANCE,
                "monotone": t.monotone,
                "before": standing(&t.before),
                "after": standing(&t.after),
                "moves": moves,
                "depends_on_data": t.depends_on_data(),
                "depends": depends,
                "runs": t.runs,
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
            return Ok(());
        }
        Format::Csv => {
            let mut w = rows_writer(format, stdout.lock());
            w.write_record([
                "indicator",
                "name",
                "unit",
                "current",
                "needed",
                "change",
                "best_observed",
                "worst_observed",
            ])
            .map_err(|e| e.to_string())?;
            for m in &t.moves {
                let ind = ds.indicator(&m.indicator);
                w.write_record([
                    m.indicator.clone(),
                    ind.map(|i| i.name.clone()).unwrap_or_default(),
                    ind.map(|i| i.unit.clone()).unwrap_or_default(),
                    m.current.to_string(),
                    m.needed.to_string(),
                    m.change.to_string(),
                    m.best.to_string(),
                    m.worst.to_string(),
                ])
                .map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
        }
        Format::Text => {
            for m in &t.moves {
                let ind = ds.indicator(&m.indicator);
                outln!(
                    "{}: {}{} {} ({} → {}; best observed {})",
                    ind.map_or(m.indicator.as_str(), |i| i.name.as_str()),
                    if m.change >= 0.0 { "+" } else { "" },
                    number(m.change, m),
                    ind.map_or("", |i| i.unit.as_str()),
                    number(m.current, m),
                    number(m.needed, m),
                    number(m.best, m)
                );
            }
        }
    }
    // The summary: on stdout in text, on stderr beside the CSV rows.
    let summary = format!(
        "{} ({}) {goal}: {status} — {} → {}{}{}",
        code(t.unit),
        units.get(t.unit).map_or("", |x| x.name.as_str()),
        rank(t.before.rank),
        rank(t.after.rank),
        match t.status {
            TargetStatus::Reached => format!(
                ", with {:.4}% of each gap to the best observed value closed",
                100.0 * t.share
            ),
            TargetStatus::OutOfReach => " at the best observed values".into(),
            TargetStatus::AlreadyThere => String::new(),
        },
        if depends.is_empty() {
            String::new()
        } else {
            format!("; depends on the rest of the data ({})", depends.join("; "))
        }
    );
    let monotone = if t.monotone {
        ""
    } else {
        "\nnote: the goal was met, then missed at a larger step: outlier treatment makes the score \
         not monotone here, and this is the smallest improvement found"
    };
    if format == Format::Text {
        outln!("{summary}{monotone}");
    } else {
        writeln!(std::io::stderr().lock(), "{summary}{monotone}").map_err(|e| e.to_string())?;
    }
    Ok(())
}
