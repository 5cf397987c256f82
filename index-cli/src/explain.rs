//! `index explain`: why each unit moved between two scenarios, each change's Shapley part of the
//! move ([`index_core::attribution`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use index_core::attribution::{self, Attribution, Estimate, PartsStatus, Plan, UnitParts};
use index_core::bundle::Bundle;
use index_core::scenario::{Resolved, Scenario};

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
    /// Decimals for csv/text output (JSON is always full precision).
    #[arg(long, default_value_t = 6)]
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
