//! `index import`: a person's own files to a bundle JSON, through
//! [`index_data::import`] (the code the browser's worker will run), with its report printed.

use std::path::{Path, PathBuf};

use index_data::import::{import, FileKind, InputFile, Layout, Options};
use index_data::read::{read_bounded, Encoding, MAX_FILE_BYTES};

use crate::commands::load_bundle;

/// Arguments of `index import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The data files (CSV, or .xlsx workbooks, told apart by their first bytes); a COINr
    /// metadata file or sheet among them is taken as the framework.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// A framework in the COINr metadata layout (`Level, iCode, iName, Direction, Weight, Unit,
    /// Target, Denominator, Parent, Type`). Without one, every indicator goes under one index
    /// with equal weights.
    #[arg(long, value_name = "FILE")]
    framework: Option<PathBuf>,
    /// The data files' layout: long, wide, per-indicator, coinr, or xlsx (read the files as
    /// workbooks, each sheet's layout detected); default: detected from the first bytes and
    /// the header.
    #[arg(long, value_parser = parse_layout)]
    layout: Option<LayoutArg>,
    /// A worksheet to read in the workbooks (data or framework metadata; repeat for more);
    /// default: every sheet whose header fits a layout, one data sheet beside a COINr metadata
    /// sheet.
    #[arg(long = "sheet", value_name = "NAME")]
    sheets: Vec<String>,
    /// The field delimiter: `,`, `;`, `tab` or another single character (default: detected).
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Numbers are written with a decimal comma (default: detected).
    #[arg(long)]
    decimal_comma: bool,
    /// The encoding: utf-8, latin-1, utf-16le or utf-16be (default: detected).
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<Encoding>,
    /// The year of values in files without a year column.
    #[arg(long, default_value_t = 2000, allow_negative_numbers = true)]
    year: i32,
    /// Units with fewer than this share (0–1) of the index's indicators are listed.
    #[arg(long, default_value_t = 0.5)]
    coverage: f64,
    /// The bundle's title.
    #[arg(long, default_value = "Your data")]
    title: String,
    /// Use the method of this bundle (a built-in id or a bundle JSON file), e.g. `asem` for
    /// the JRC's example build; default: min-max 0–100 and arithmetic means.
    #[arg(long, value_name = "BUNDLE")]
    method_of: Option<String>,
    /// Where to write the bundle JSON.
    #[arg(long, required = true)]
    out: PathBuf,
}

/// What `--layout` says: a table's layout, or that the files are workbooks.
#[derive(Debug, Clone, Copy)]
enum LayoutArg {
    Table(Layout),
    Xlsx,
}

fn parse_layout(s: &str) -> Result<LayoutArg, String> {
    match s {
        "xlsx" => Ok(LayoutArg::Xlsx),
        _ => s
            .parse()
            .map(LayoutArg::Table)
            .map_err(|e: String| e.replace("coinr)", "coinr, xlsx)")),
    }
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => match s.as_bytes() {
            [b] if b.is_ascii() && !b.is_ascii_alphanumeric() && *b != b'"' => Ok(*b),
            _ => Err(format!(
                "`{s}` is not a delimiter: one character such as `,` `;` `|`, or `tab`"
            )),
        },
    }
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    match s.to_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Ok(Encoding::Utf8),
        "latin-1" | "latin1" | "iso-8859-1" => Ok(Encoding::Latin1),
        "utf-16le" | "utf-16" => Ok(Encoding::Utf16Le),
        "utf-16be" => Ok(Encoding::Utf16Be),
        _ => Err(format!(
            "unknown encoding `{s}` (utf-8, latin-1, utf-16le, utf-16be)"
        )),
    }
}

fn read(path: &Path) -> Result<(String, Vec<u8>), String> {
    let bytes = read_bounded(path, MAX_FILE_BYTES, "file to import").map_err(|e| e.to_string())?;
    Ok((path.display().to_string(), bytes))
}

/// Runs `index import`: prints the report; writes the bundle unless an error stops it.
pub fn run(data_dir: &Path, args: &Args) -> Result<(), String> {
    if !(0.0..=1.0).contains(&args.coverage) {
        return Err(format!(
            "--coverage {} is not a share between 0 and 1",
            args.coverage
        ));
    }
    let method = match &args.method_of {
        Some(which) => Some(load_bundle(data_dir, which)?.method().clone()),
        None => None,
    };
    let data: Vec<(String, Vec<u8>)> = args
        .files
        .iter()
        .map(|p| read(p))
        .collect::<Result<_, _>>()?;
    let fw = args.framework.as_deref().map(read).transpose()?;
    // The country table, for "did you mean" (units need not be countries: without the table,
    // no unit is checked as one).
    let countries = index_data::read::m49::read(&data_dir.join(index_data::bundles::M49))
        .map(std::sync::Arc::new)
        .map_err(|e| eprintln!("note: units not checked as countries ({e})"))
        .ok();
    let options = Options {
        countries,
        layout: match args.layout {
            Some(LayoutArg::Table(l)) => Some(l),
            _ => None,
        },
        kind: matches!(args.layout, Some(LayoutArg::Xlsx)).then_some(FileKind::Xlsx),
        sheets: args.sheets.clone(),
        delimiter: args.delimiter,
        decimal_comma: args.decimal_comma.then_some(true),
        encoding: args.encoding,
        year: args.year,
        coverage: args.coverage,
        title: args.title.clone(),
        method,
        ..Options::default()
    };
    let files: Vec<InputFile<'_>> = data
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let framework = fw.as_ref().map(|(name, bytes)| InputFile { name, bytes });
    match import(&files, framework, &options) {
        Ok(imported) => {
            outln!("{}", imported.report);
            let json = imported.bundle.to_json().map_err(|e| e.to_string())?;
            std::fs::write(&args.out, json)
                .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
            outln!("bundle written to {}", args.out.display());
            Ok(())
        }
        Err(report) => {
            outln!("{report}");
            Err(
                "nothing imported: the files cannot be used as they are (see the errors above)"
                    .into(),
            )
        }
    }
}
