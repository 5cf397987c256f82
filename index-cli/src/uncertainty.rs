//! `index uncertainty`: how far each rank can be trusted (Monte Carlo over the uncertain inputs
//! chosen), as the app's analysis worker computes it — the same plan and seed give the same
//! figures.

use std::io::Write as _;
use std::path::Path;

use index_core::error::excerpt;
use index_core::uncertainty::{
    self, Input, Plan, Run, SensitivityResult, SensitivityRun, Uncertainty, WeightNoise,
};

use crate::commands::{load, Job};
use crate::{Format, Selection};

/// The options of `index uncertainty`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    selection: Selection,
    /// Number of draws (1 to 65536).
    #[arg(long, short = 'n', default_value_t = uncertainty::DEFAULT_DRAWS)]
    draws: u32,
    /// The seed: the same seed gives the same draws, here and in the browser.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The uncertain inputs, comma-separated: weights, normalisation, aggregation,
    /// winsorisation, imputation.
    #[arg(long, default_value = "weights", value_name = "INPUTS")]
    vary: String,
    /// How far each weight varies, in % of itself (uniform on w·(1 ± p/100)).
    #[arg(long, default_value_t = 25.0, value_name = "P")]
    weight_noise: f64,
    /// Draw each parent's children's shares uniformly on the simplex instead.
    #[arg(long)]
    simplex: bool,
    /// The normalisations drawn from when normalisation varies.
    #[arg(long, default_value = "minmax,prank", value_name = "LIST")]
    normalisations: String,
    /// The aggregations drawn from when aggregation varies.
    #[arg(long, default_value = "arithmetic,geometric", value_name = "LIST")]
    aggregations: String,
    /// The range of the winsorisation limit when it varies (0: no outlier treatment).
    #[arg(long, default_value = "0-5", value_name = "LO-HI")]
    winsorisation: String,
    /// The sensitivity of the ranks to each input instead (COINr's first-order and total-effect
    /// indices of the mean absolute rank shift, with bootstrap intervals): a Saltelli design of
    /// `--draws` rows, N·(k + 2) runs for k inputs. In JSON, beside the units' intervals.
    #[arg(long)]
    sensitivity: bool,
    /// Bootstrap replicates for the sensitivity indices' 5–95 % intervals.
    #[arg(long, default_value_t = 100, value_name = "B")]
    bootstrap: usize,
    /// Two unit codes, A,B: the share of draws in which A ranks above B (on stderr; in JSON
    /// under `pair`).
    #[arg(long, value_name = "A,B")]
    pair: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Csv)]
    format: Format,
}

/// Reads the plan from the options.
fn plan(args: &Args) -> Result<Plan, String> {
    let mut plan = Plan {
        draws: args.draws,
        seed: args.seed,
        weights: None,
        ..Plan::default()
    };
    for name in args.vary.split(',').map(str::trim) {
        match name {
            "weights" => {
                plan.weights = Some(if args.simplex {
                    WeightNoise::Simplex
                } else {
                    WeightNoise::Relative {
                        p: args.weight_noise / 100.0,
                    }
                });
            }
            "normalisation" => {
                plan.normalisations = list(&args.normalisations, "--normalisations")?;
            }
            "aggregation" => plan.aggregations = list(&args.aggregations, "--aggregations")?,
            "winsorisation" => {
                let range = args
                    .winsorisation
                    .split_once('-')
                    .and_then(|(lo, hi)| Some((lo.trim().parse().ok()?, hi.trim().parse().ok()?)))
                    .ok_or_else(|| {
                        format!(
                            "--winsorisation takes a range like 0-5, got `{}`",
                            excerpt(&args.winsorisation)
                        )
                    })?;
                plan.winsorisation = Some(range);
            }
            "imputation" => plan.imputation = true,
            other => {
                return Err(format!(
                    "--vary: `{}` is not an input; choose from {}",
                    excerpt(other),
                    all_inputs()
                ))
            }
        }
    }
    plan.check().map_err(|e| e.to_string())?;
    Ok(plan)
}

/// Every input's name, for messages.
fn all_inputs() -> String {
    [
        Input::Weights,
        Input::Normalisation,
        Input::Aggregation,
        Input::Winsorisation,
        Input::Imputation,
    ]
    .map(Input::name)
    .join(", ")
}

/// A comma-separated list of normalisations or aggregations.
fn list<T: std::str::FromStr<Err = index_core::Error>>(
    text: &str,
    option: &str,
) -> Result<Vec<T>, String> {
    text.split(',')
        .map(|s| s.trim().parse().map_err(|e| format!("{option}: {e}")))
        .collect()
}

/// `index uncertainty`.
pub fn run(data_dir: &Path, args: &Args) -> Result<(), String> {
    let plan = plan(args)?;
    let job = load(data_dir, &args.selection)?;
    let result = analyse(&job, &plan)?;
    let sensitivity = if args.sensitivity {
        Some(sensitivity(&job, &plan, args.bootstrap)?)
    } else {
        None
    };
    let pair = match &args.pair {
        Some(text) => Some(pair(&job, &result, text)?),
        None => None,
    };
    print(
        &job,
        &plan,
        &result,
        sensitivity.as_ref(),
        pair.as_ref(),
        args.format,
    )
}

/// `--pair A,B`: (A, B, the share of draws ranking both in which A ranks above B).
fn pair(job: &Job, u: &Uncertainty, text: &str) -> Result<(String, String, f64), String> {
    let units = job.bundle.dataset().units();
    let position = |code: &str| {
        let unit = units.iter().position(|x| x.code == code).ok_or_else(|| {
            format!(
                "--pair: bundle `{}` has no unit `{}`",
                job.bundle.id(),
                excerpt(code)
            )
        })?;
        u.units().iter().position(|x| *x == unit).ok_or_else(|| {
            format!(
                "--pair: `{}` has no rank in {}",
                excerpt(code),
                job.resolved.year
            )
        })
    };
    let (a, b) = text
        .split_once(',')
        .map(|(a, b)| (a.trim(), b.trim()))
        .ok_or_else(|| {
            format!(
                "--pair takes two unit codes like USA,SWE, got `{}`",
                excerpt(text)
            )
        })?;
    let share = u
        .outranks(position(a)?, position(b)?)
        .ok_or_else(|| format!("--pair: no draw ranked both {a} and {b}"))?;
    Ok((a.to_string(), b.to_string(), share))
}

/// The sensitivity analysis of the plan on the job's scenario.
fn sensitivity(job: &Job, plan: &Plan, bootstrap: usize) -> Result<SensitivityResult, String> {
    let (b, r) = (&job.bundle, &job.resolved);
    let mut run = SensitivityRun::new(
        b.dataset(),
        b.framework(),
        &r.method,
        &r.weights,
        r.year,
        plan,
        bootstrap,
    )
    .map_err(|e| e.to_string())?;
    while !run.advance(usize::MAX) {}
    run.finish().map_err(|e| e.to_string())
}

/// Runs the plan on the job's scenario, with the scenario's groups.
fn analyse(job: &Job, plan: &Plan) -> Result<Uncertainty, String> {
    let (b, r) = (&job.bundle, &job.resolved);
    let groups: Vec<&str> = r.groups.iter().map(String::as_str).collect();
    let mut run = Run::new(
        b.dataset(),
        b.framework(),
        &r.method,
        &r.weights,
        r.year,
        &groups,
        plan,
    )
    .map_err(|e| e.to_string())?;
    while !run.advance(u32::MAX) {}
    Ok(run.finish())
}

fn print(
    job: &Job,
    plan: &Plan,
    u: &Uncertainty,
    sensitivity: Option<&SensitivityResult>,
    pair: Option<&(String, String, f64)>,
    format: Format,
) -> Result<(), String> {
    let units = job.bundle.dataset().units();
    let summary = u.summary();
    let mut rows: Vec<(usize, &uncertainty::UnitUncertainty)> =
        summary.iter().enumerate().collect();
    rows.sort_by_key(|(_, r)| (r.nominal, r.unit));
    let stdout = std::io::stdout();
    let wide = rows.iter().filter(|(_, r)| r.is_wide()).count();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = rows
                .iter()
                .filter_map(|(i, r)| {
                    let unit = units.get(r.unit)?;
                    // Rank acceptability: each rank drawn, with the share of draws giving it.
                    let acceptability: Vec<(usize, f64)> = u
                        .acceptability(*i)
                        .into_iter()
                        .enumerate()
                        .filter(|(_, p)| *p > 0.0)
                        .map(|(r, p)| (r + 1, p))
                        .collect();
                    Some(serde_json::json!({
                        "code": unit.code,
                        "name": unit.name,
                        "rank": r.nominal,
                        "median_rank": r.median,
                        "q05": r.q05,
                        "q95": r.q95,
                        "best_drawn": r.range.0,
                        "worst_drawn": r.range.1,
                        "unranked_draws": r.unranked,
                        "wide": r.is_wide(),
                        "acceptability": acceptability,
                    }))
                })
                .collect();
            let doc = serde_json::json!({
                "bundle": job.bundle.id(),
                "year": job.resolved.year,
                "plan": plan,
                "varied": plan.describe(),
                "draws": u.draws(),
                "failed_draws": u.failed(),
                "wide_interval": uncertainty::WIDE_INTERVAL,
                "units": rows,
                "gaps": u.gaps(),
                "sensitivity": sensitivity.map(sensitivity_rows),
                "pair": pair.map(|(a, b, share)| serde_json::json!({"a": a, "b": b, "a_above_b": share})),
            });
            serde_json::to_writer_pretty(stdout.lock(), &doc).map_err(|e| e.to_string())?;
            outln!();
        }
        Format::Csv | Format::Text if sensitivity.is_some() => {
            let rows = sensitivity.map(sensitivity_rows).unwrap_or_default();
            let mut w = crate::output::rows_writer(format, stdout.lock());
            w.write_record(SENSITIVITY_COLUMNS)
                .map_err(|e| e.to_string())?;
            for row in rows {
                let cells: Vec<String> = SENSITIVITY_COLUMNS
                    .iter()
                    .map(|c| match row.get(*c) {
                        Some(serde_json::Value::String(s)) => s.clone(),
                        Some(serde_json::Value::Number(x)) => {
                            x.as_f64().map_or_else(String::new, |x| format!("{x:.4}"))
                        }
                        _ => String::new(),
                    })
                    .collect();
                w.write_record(cells).map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
            if let Some(s) = sensitivity {
                writeln!(
                    std::io::stderr().lock(),
                    "note: sensitivity of the mean absolute rank shift to {}, {} runs (seed {}), variance {:.4}; 5–95 % bootstrap intervals",
                    plan.describe(),
                    s.runs,
                    plan.seed,
                    s.estimates.variance
                )
                .map_err(|e| e.to_string())?;
            }
        }
        Format::Csv | Format::Text => {
            let mut w = crate::output::rows_writer(format, stdout.lock());
            w.write_record(["code", "name", "rank", "median_rank", "q05", "q95"])
                .map_err(|e| e.to_string())?;
            for (_, r) in &rows {
                let Some(unit) = units.get(r.unit) else {
                    continue;
                };
                w.write_record([
                    unit.code.clone(),
                    unit.name.clone(),
                    r.nominal.to_string(),
                    r.median.to_string(),
                    r.q05.to_string(),
                    r.q95.to_string(),
                ])
                .map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
            let mut err = std::io::stderr().lock();
            let mut note = |line: String| writeln!(err, "{line}").map_err(|e| e.to_string());
            note(format!(
                "note: {} draws (seed {}) varying {}, {} in {}; {} of {} units' 5–95 % interval spans more than {} places",
                u.draws(),
                plan.seed,
                plan.describe(),
                job.bundle.id(),
                job.resolved.year,
                wide,
                rows.len(),
                uncertainty::WIDE_INTERVAL
            ))?;
            if let Some((a, b, share)) = pair {
                note(format!(
                    "note: {a} ranks above {b} in {:.1} % of the draws ranking both",
                    share * 100.0
                ))?;
            }
            if u.failed() > 0 {
                note(format!(
                    "note: {} draws could not be scored (the method or weights drawn) and are left out",
                    u.failed()
                ))?;
            }
            for g in u.gaps() {
                if !g.same_scale {
                    note(format!(
                        "note: gap {} − {}: {} nominal; not compared across draws, whose normalisations put scores on different scales",
                        g.a,
                        g.b,
                        g.nominal.map_or_else(|| "–".to_string(), |v| format!("{v:.4}"))
                    ))?;
                    continue;
                }
                let x = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format!("{v:.4}"));
                note(format!(
                    "note: gap {} − {}: {} nominal, median {}, 90 % of draws within [{}, {}]",
                    g.a,
                    g.b,
                    x(g.nominal),
                    x(g.median),
                    x(g.q05),
                    x(g.q95)
                ))?;
            }
        }
    }
    Ok(())
}

/// The sensitivity table's columns.
const SENSITIVITY_COLUMNS: [&str; 7] = [
    "input",
    "first_order",
    "first_q05",
    "first_q95",
    "total_effect",
    "total_q05",
    "total_q95",
];

/// One row per input: its indices and their intervals.
fn sensitivity_rows(s: &SensitivityResult) -> Vec<serde_json::Map<String, serde_json::Value>> {
    s.inputs
        .iter()
        .zip(&s.estimates.indices)
        .map(|(input, index)| {
            let (f05, f95) = index.first_ci.unzip();
            let (t05, t95) = index.total_ci.unzip();
            let values =
                serde_json::json!([input.name(), index.first, f05, f95, index.total, t05, t95]);
            SENSITIVITY_COLUMNS
                .iter()
                .map(|c| c.to_string())
                .zip(values.as_array().cloned().unwrap_or_default())
                .collect()
        })
        .collect()
}
