//! Bring your own data: from the contents of a person's files to a [`Bundle`] and a
//! [`Report`] of what was detected and what was found.
//!
//! Pure functions of bytes: no file system, no panics, every count bounded ([`MAX_CELLS`],
//! [`checks::MAX_LISTED`], [`crate::read::MAX_FILE_BYTES`] per file), so that the browser's
//! worker can call [`import`] as the CLI does.
//!
//! 0. **Kind** ([`FileKind`]): a workbook ([`xlsx`]: each worksheet read as a table of
//!    records, as a text file is), this app's JSON ([`json`]: a bundle is the whole import, a
//!    scenario file sets the imported view), else text.
//! 1. **Text** ([`detect`]): encoding (UTF-8 with or without a byte-order mark, UTF-16 with
//!    one, else Latin-1), delimiter (`,` `;` tab) and decimal comma, each detected unless
//!    [`Options`] says.
//! 2. **Layout** ([`layout`]): long, wide, per indicator (wide by year) or the COINr pair, from
//!    the header's column names (case-insensitive, with aliases).
//! 3. **Framework** ([`framework`]): a COINr metadata file, or every indicator under one index
//!    with equal weights.
//! 4. **Checks** ([`checks`]): each row is used or listed with its reason; errors stop the
//!    import, warnings are listed; with a country table, units that look like countries but
//!    are none get a suggestion ([`identity`]).

pub mod checks;
pub mod detect;
pub mod framework;
pub mod identity;
pub mod json;
pub mod layout;
pub mod xlsx;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use index_core::bundle::{Bundle, BundleParts};
use index_core::dataset::{DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::{Framework, NodeKind};
use index_core::method::{Method, MethodSpec};

pub use checks::{Place, Problem, Problems, Severity};
pub use detect::TextFormat;
pub use layout::Layout;

use crate::read::{Encoding, Header, NumberStyle, Record, MAX_FILE_BYTES};

/// The most cells (units × indicators × years) an import holds: 20 million, 160 MB of values,
/// four times the 50 000 units × 100 indicators of the benchmark.
pub const MAX_CELLS: u64 = 20_000_000;

/// A file to import: its name (shown in messages, never opened) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    /// The name, e.g. `data.csv`.
    pub name: &'a str,
    /// The contents.
    pub bytes: &'a [u8],
}

/// What the person may say instead of letting the import detect it.
#[derive(Debug, Clone)]
pub struct Options {
    /// The data files' layout.
    pub layout: Option<Layout>,
    /// The field delimiter.
    pub delimiter: Option<u8>,
    /// Whether numbers use a decimal comma.
    pub decimal_comma: Option<bool>,
    /// The encoding.
    pub encoding: Option<Encoding>,
    /// The year of values in files without a year column.
    pub year: i32,
    /// Units with fewer than this share (0–1) of the index's indicators are listed.
    pub coverage: f64,
    /// The bundle's id.
    pub id: String,
    /// The bundle's title (and the root's name without a framework file).
    pub title: String,
    /// The method; by default min-max 0–100 and arithmetic means, denominators applied if the
    /// framework has any.
    pub method: Option<Method>,
    /// What the files are; by default detected from their first bytes (a ZIP archive is a
    /// workbook, `{` a JSON file, anything else text).
    pub kind: Option<FileKind>,
    /// The country table, to tell whether the units are countries and suggest one for a unit
    /// that looks like a country but is none ([`identity`]); `None`: no such check.
    pub countries: Option<std::sync::Arc<crate::countries::Countries>>,
    /// The worksheets to read (data and framework) in workbooks; empty: every worksheet whose
    /// header fits a layout, and in a workbook with a COINr metadata sheet one data sheet.
    pub sheets: Vec<String>,
}

/// What kind of file an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Delimited text (CSV, TSV).
    Text,
    /// An Excel workbook (.xlsx).
    Xlsx,
    /// A bundle or scenario JSON of this app.
    Json,
}

impl FileKind {
    /// The kind `bytes` look like: a ZIP archive is a workbook, text starting with `{` JSON,
    /// anything else delimited text.
    pub fn detect(bytes: &[u8]) -> FileKind {
        if xlsx::is_workbook(bytes) {
            FileKind::Xlsx
        } else if json::looks_like_json(bytes) {
            FileKind::Json
        } else {
            FileKind::Text
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            layout: None,
            delimiter: None,
            decimal_comma: None,
            encoding: None,
            year: 2000,
            coverage: 0.5,
            id: "your-data".into(),
            title: "Your data".into(),
            method: None,
            kind: None,
            countries: None,
            sheets: Vec::new(),
        }
    }
}

/// How a table (a text file or a worksheet) was read.
#[derive(Debug, Clone, PartialEq)]
pub enum Format {
    /// A text file: its encoding, delimiter and decimal mark.
    Text(TextFormat),
    /// A worksheet of a workbook, by name.
    Sheet(String),
    /// A bundle JSON of this app.
    Bundle,
    /// A scenario file of this app, with how many scenarios it holds.
    Scenarios(usize),
}

/// How one file (or worksheet) was read.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The file's name.
    pub name: String,
    /// Its format.
    pub format: Format,
    /// Its layout (`None` for the framework file).
    pub layout: Option<Layout>,
    /// Whether the layout came from the options.
    pub layout_given: bool,
    /// Data rows (not blank) after the header.
    pub rows: usize,
}

impl FileReport {
    /// The text format, for a text file.
    pub fn text(&self) -> Option<&TextFormat> {
        match &self.format {
            Format::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The worksheet's name, for a worksheet.
    pub fn sheet(&self) -> Option<&str> {
        match &self.format {
            Format::Sheet(s) => Some(s),
            _ => None,
        }
    }
}

/// What an import detected, built and found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Each file read, in order.
    pub files: Vec<FileReport>,
    /// Where the framework came from.
    pub framework: String,
    /// Units, indicators and years in the bundle.
    pub units: usize,
    /// Indicators in the dataset.
    pub indicators: usize,
    /// Years with data.
    pub years: Vec<i32>,
    /// Everything found.
    pub problems: Problems,
}

/// A successful import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The bundle, validated by the engine.
    pub bundle: Bundle,
    /// The report (with warnings only).
    pub report: Report,
}

/// Imports `files` (data files; a COINr metadata file among them is taken as the framework)
/// with `framework`, an optional metadata file.
///
/// # Errors
/// The report, holding at least one [`Severity::Error`], when the files cannot be used.
pub fn import(
    files: &[InputFile<'_>],
    framework: Option<InputFile<'_>>,
    options: &Options,
) -> Result<Imported, Box<Report>> {
    import_with_progress(files, framework, options, &mut |_, _| {})
}

/// [`import`], calling `progress(done, total)` after each file is read and once the bundle is
/// built (`total` = the files, the framework file included, and one).
///
/// # Errors
/// As [`import`].
pub fn import_with_progress(
    files: &[InputFile<'_>],
    framework: Option<InputFile<'_>>,
    options: &Options,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Imported, Box<Report>> {
    let mut report = Report::default();
    let total = files.len() + usize::from(framework.is_some()) + 1;
    let mut steps = Steps {
        done: 0,
        total: u32::try_from(total).unwrap_or(u32::MAX),
        progress,
    };
    let result = run_with_json(files, framework, options, &mut report, &mut steps);
    if result.is_ok() {
        (steps.progress)(steps.total, steps.total);
    }
    match result {
        Ok(bundle) if !report.problems.has_errors() => Ok(Imported { bundle, report }),
        Ok(_) => Err(Box::new(report)),
        Err(p) => {
            report.problems.push(p);
            Err(Box::new(report))
        }
    }
}

/// Progress through an import's steps.
struct Steps<'p> {
    done: u32,
    total: u32,
    progress: &'p mut dyn FnMut(u32, u32),
}

impl Steps<'_> {
    /// One more step done (never the last: that is the bundle built).
    fn step(&mut self) {
        self.done = self
            .done
            .saturating_add(1)
            .min(self.total.saturating_sub(1));
        (self.progress)(self.done, self.total);
    }
}

/// Reads this app's JSON files among `files` (a bundle is the whole import; scenarios apply
/// to what is imported), the rest through [`run`].
fn run_with_json(
    files: &[InputFile<'_>],
    framework: Option<InputFile<'_>>,
    options: &Options,
    report: &mut Report,
    steps: &mut Steps<'_>,
) -> Result<Bundle, Problem> {
    let mut bundle = None;
    let mut scenarios = Vec::new();
    let mut rest = Vec::new();
    for f in files {
        if options.kind.unwrap_or_else(|| FileKind::detect(f.bytes)) != FileKind::Json {
            rest.push(*f);
            continue;
        }
        if f.bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Problem::Unreadable {
                place: Place::file(f.name),
                reason: format!("larger than {} MiB", MAX_FILE_BYTES >> 20),
            });
        }
        match json::read(f)? {
            json::JsonFile::Bundle(b) => {
                if bundle.is_some() {
                    return Err(Problem::NoLayout {
                        place: Place::file(f.name),
                        reason: "a second bundle JSON: a bundle holds a whole dataset, import \
                                 one at a time"
                            .into(),
                    });
                }
                bundle = Some((f.name, b));
            }
            json::JsonFile::Scenarios(all) => scenarios.push((f.name, all)),
        }
        steps.step();
    }
    let mut built = match bundle {
        Some((name, b)) => {
            if let Some(other) = rest.first().or(framework.as_ref()) {
                return Err(Problem::NoLayout {
                    place: Place::file(other.name),
                    reason: format!(
                        "`{name}` is a bundle JSON, a whole dataset: import it alone (with \
                         scenario files if any)"
                    ),
                });
            }
            let ds = b.dataset();
            report.files.push(FileReport {
                name: name.to_string(),
                format: Format::Bundle,
                layout: None,
                layout_given: false,
                rows: ds.units().len(),
            });
            report.framework = format!("the bundle's (`{}`)", b.id());
            report.units = ds.units().len();
            report.indicators = ds.indicators().len();
            report.years = ds.years().to_vec();
            low_coverage(&b, options.coverage, &mut report.problems);
            *b
        }
        None if rest.is_empty() => {
            return Err(Problem::NoLayout {
                place: Place::file(scenarios.first().map_or("", |(n, _)| *n)),
                reason: "a scenario file holds no data: import it with the data it was made on, \
                         or open it in the explorer"
                    .into(),
            })
        }
        None => run(&rest, framework, options, report, steps)?,
    };
    for (name, all) in scenarios {
        report.files.push(FileReport {
            name: name.to_string(),
            format: Format::Scenarios(all.len()),
            layout: None,
            layout_given: false,
            rows: all.len(),
        });
        // The first scenario is the view imported; the others are left to the explorer.
        if let Some(s) = all.first() {
            built = json::apply(built, name, s, &mut report.problems)?;
        }
        if all.len() > 1 {
            report.problems.push(Problem::ScenarioPart {
                place: Place::file(name),
                reason: format!(
                    "{} scenarios: the first (`{}`) applied, the others not",
                    all.len(),
                    all.first().map_or("", |s| s.name.as_str())
                ),
            });
        }
    }
    Ok(built)
}

/// Whether `header` is a COINr metadata header.
fn is_metadata(header: &Header) -> bool {
    ["iCode", "Parent", "Type", "Weight"]
        .iter()
        .all(|c| header.find(c).is_some())
}

fn run(
    files: &[InputFile<'_>],
    framework: Option<InputFile<'_>>,
    options: &Options,
    report: &mut Report,
    steps: &mut Steps<'_>,
) -> Result<Bundle, Problem> {
    let problems = &mut report.problems;
    if files.is_empty() {
        return Err(Problem::Engine {
            reason: "no data file given".into(),
        });
    }
    // Decode and split every file (each worksheet of a workbook a table of its own); find the
    // framework among them.
    let mut tables = Vec::new();
    for f in framework.iter().chain(files) {
        if f.bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Problem::Unreadable {
                place: Place::file(f.name),
                reason: format!("larger than {} MiB", MAX_FILE_BYTES >> 20),
            });
        }
        match options.kind.unwrap_or_else(|| FileKind::detect(f.bytes)) {
            FileKind::Json => {
                return Err(Problem::NoLayout {
                    place: Place::file(f.name),
                    reason: "JSON: a framework is COINr metadata, a CSV file or a sheet".into(),
                })
            }
            FileKind::Text => {
                let (records, format) = detect::split(f, options)?;
                tables.push(Table::new(f.name, None, records, Format::Text(format)));
            }
            FileKind::Xlsx => {
                let book = xlsx::read(f.name, f.bytes)?;
                for (sheet, reason) in book.skipped {
                    problems.push(Problem::SheetNotRead {
                        place: Place::file(f.name).in_sheet(Some(&sheet)),
                        reason,
                    });
                }
                for sheet in book.sheets {
                    if !options.sheets.is_empty() && !options.sheets.contains(&sheet.name) {
                        problems.push(Problem::SheetNotRead {
                            place: Place::file(f.name).in_sheet(Some(&sheet.name)),
                            reason: "not one of the sheets named".into(),
                        });
                        continue;
                    }
                    let format = Format::Sheet(sheet.name.clone());
                    tables.push(Table::new(f.name, Some(sheet.name), sheet.records, format));
                }
            }
        }
        steps.step();
    }
    if let Some(missing) = options.sheets.iter().find(|n| {
        !tables
            .iter()
            .any(|t| t.sheet.as_deref() == Some(n.as_str()))
    }) {
        return Err(Problem::NoLayout {
            place: Place::file(files.first().map_or("", |f| f.name)),
            reason: format!("no worksheet `{missing}` with cells in the workbooks given"),
        });
    }
    for t in &mut tables {
        let at = layout::header_position(t.file, &t.records);
        if at > 0 {
            problems.push(Problem::Preamble {
                place: t.place(),
                lines: t.records.get(at).map_or(0, |r| r.line.saturating_sub(1)),
            });
            t.records.drain(..at);
        }
    }
    let meta_at = tables.iter().position(|t| {
        t.records
            .first()
            .is_some_and(|h| is_metadata(&Header::new(Path::new(""), h)))
    });
    let mut fw = None;
    let mut fw_table = None;
    if let Some(at) = meta_at {
        let t = tables.remove(at);
        report.files.push(FileReport {
            name: t.file.to_string(),
            format: t.format.clone(),
            layout: None,
            layout_given: false,
            rows: t.records.len().saturating_sub(1),
        });
        fw = Some(framework::read_metadata(
            t.file,
            t.sheet.as_deref(),
            t.records,
        )?);
        fw_table = Some((t.file, t.sheet));
    } else if let Some(f) = framework {
        return Err(Problem::NoLayout {
            place: Place::file(f.name),
            reason: "not a COINr metadata file: the header needs iCode, Parent, Type and Weight"
                .into(),
        });
    }
    choose_sheets(&mut tables, fw.is_some(), options, problems);
    if tables.is_empty() {
        return Err(Problem::Engine {
            reason: "no data file given besides the framework".into(),
        });
    }
    if fw.is_none() && options.layout == Some(Layout::Coinr) {
        return Err(Problem::NoLayout {
            place: tables.first().map_or_else(Place::default, Table::place),
            reason: "the coinr layout needs its framework metadata file (`--framework`)".into(),
        });
    }
    let roles = layout::Roles {
        groups: fw
            .iter()
            .flat_map(|f| f.group_columns.iter().map(|(id, _)| id.clone()))
            .collect(),
    };
    let mut data = layout::Collected::default();
    for t in tables {
        let place = t.place();
        let Table {
            file,
            sheet,
            records,
            format,
        } = t;
        let mut recs = records.into_iter();
        let Some(head) = recs.next() else {
            return Err(Problem::EmptyFile { place });
        };
        let header = Header::new(Path::new(file), &head);
        let rows: Vec<_> = recs.collect();
        let detected = layout::detect(&header);
        let chosen = options.layout.or(match detected {
            Some(Layout::Wide) if fw.is_some() => Some(Layout::Coinr),
            d => d,
        });
        let decimal_comma = match &format {
            Format::Text(t) => t.decimal_comma,
            _ => false,
        };
        let src = layout::Source {
            file,
            sheet: sheet.as_deref(),
            header: &header,
            rows: &rows,
            style: NumberStyle {
                decimal_comma,
                missing: layout::MISSING,
            },
            year: options.year,
            index: data.add_file(file, sheet.as_deref(), &header),
        };
        match chosen {
            Some(Layout::Long) => layout::read_long(&src, &mut data, problems)?,
            Some(Layout::Wide | Layout::Coinr) => {
                layout::read_wide(&src, &roles, &mut data, problems)?;
            }
            Some(Layout::PerIndicator) => layout::read_per_indicator(&src, &mut data, problems)?,
            None => {
                return Err(Problem::NoLayout {
                    place: Place::line(file, header.line()).in_sheet(sheet.as_deref()),
                    reason: format!(
                        "no unit column (one of {}) in the header `{}`",
                        layout::CODE.join(", "),
                        header.names().join("`, `")
                    ),
                })
            }
        }
        report.files.push(FileReport {
            name: file.to_string(),
            format,
            layout: chosen,
            layout_given: options.layout.is_some(),
            rows: rows.iter().filter(|r| !r.is_blank()).count(),
        });
    }
    data.settle(problems);
    if let Some(countries) = &options.countries {
        identity::check(&data, countries, problems);
    }
    let years: BTreeSet<i32> = data.values.iter().map(|((_, _, y), _)| *y).collect();
    let cells = (data.units.len() as u64)
        .saturating_mul(data.indicators.len() as u64)
        .saturating_mul(years.len() as u64);
    if cells > MAX_CELLS {
        return Err(Problem::TooLarge {
            cells,
            limit: MAX_CELLS,
        });
    }
    let nodes = match (&fw, &fw_table) {
        (Some(f), Some((fw_file, fw_sheet))) => {
            framework::check_metadata(fw_file, fw_sheet.as_deref(), f, &data, problems);
            if problems.has_errors() {
                return Err(Problem::Engine {
                    reason: "the framework does not fit the data (see above)".into(),
                });
            }
            report.framework = match fw_sheet {
                Some(sheet) => format!("from sheet `{sheet}` of `{fw_file}`"),
                None => format!("from `{fw_file}`"),
            };
            f.nodes.clone()
        }
        _ => {
            report.framework = "every indicator under one index, equal weights".into();
            framework::equal_weights(&data, &options.title)
        }
    };
    no_variance(&data, problems);
    let framework = Framework::new(nodes).map_err(engine)?;
    let bundle = assemble(&data, fw.as_ref(), framework, options, &years)?;
    low_coverage(&bundle, options.coverage, problems);
    report.units = data.units.len();
    report.indicators = data.indicators.len();
    report.years = years.into_iter().collect();
    Ok(bundle)
}

/// A table to read: a text file, or one worksheet of a workbook.
struct Table<'a> {
    file: &'a str,
    sheet: Option<String>,
    records: Vec<Record>,
    format: Format,
}

impl<'a> Table<'a> {
    fn new(file: &'a str, sheet: Option<String>, records: Vec<Record>, format: Format) -> Self {
        Table {
            file,
            sheet,
            records,
            format,
        }
    }

    /// The file, or the worksheet.
    fn place(&self) -> Place {
        Place::file(self.file).in_sheet(self.sheet.as_deref())
    }
}

/// Worksheet names read first as a COINr workbook's data, case-insensitively (COINr's
/// `iData`, its export's raw data set).
const DATA_SHEETS: &[&str] = &["idata", "data_raw", "raw", "data"];

/// Keeps the worksheets to read as data, listing the others: unless the person named the
/// sheets, a worksheet without a unit column is not data (notes, a cover sheet), and a
/// workbook holding a COINr metadata sheet (`coinr`) has one data sheet — the first named as
/// [`DATA_SHEETS`] lists, else the first — since COINr's export also writes each later data
/// set (normalised, aggregated) with the same columns.
fn choose_sheets(
    tables: &mut Vec<Table<'_>>,
    coinr: bool,
    options: &Options,
    problems: &mut Problems,
) {
    if !options.sheets.is_empty() {
        return;
    }
    let header = |t: &Table<'_>| t.records.first().map(|h| Header::new(Path::new(t.file), h));
    tables.retain(|t| {
        if t.sheet.is_none() || header(t).as_ref().and_then(layout::detect).is_some() {
            return true;
        }
        problems.push(Problem::SheetNotRead {
            place: t.place(),
            reason: format!(
                "no unit column (one of {}) in its first rows: not data",
                layout::CODE.join(", ")
            ),
        });
        false
    });
    if !coinr {
        return;
    }
    let sheets: Vec<usize> = (0..tables.len())
        .filter(|&i| tables.get(i).is_some_and(|t| t.sheet.is_some()))
        .collect();
    let name_rank = |i: &usize| {
        let name = tables
            .get(*i)
            .and_then(|t| t.sheet.as_deref())
            .unwrap_or("")
            .to_lowercase();
        DATA_SHEETS
            .iter()
            .position(|d| *d == name)
            .unwrap_or(DATA_SHEETS.len())
    };
    let Some(&keep) = sheets.iter().min_by_key(|i| (name_rank(i), **i)) else {
        return;
    };
    let kept = tables
        .get(keep)
        .and_then(|t| t.sheet.clone())
        .unwrap_or_default();
    let mut i = 0;
    tables.retain(|t| {
        let drop = t.sheet.is_some() && i != keep;
        i += 1;
        if drop {
            problems.push(Problem::SheetNotRead {
                place: t.place(),
                reason: format!(
                    "a COINr workbook's data is one sheet and `{kept}` was read (name the \
                     sheets to read others)"
                ),
            });
        }
        !drop
    });
}

fn engine(e: index_core::Error) -> Problem {
    Problem::Engine {
        reason: e.to_string(),
    }
}

/// Lists every indicator whose values (two or more) are all the same.
fn no_variance(data: &layout::Collected, problems: &mut Problems) {
    // Per indicator: its first value, how many values, whether all equal the first.
    let mut seen: Vec<Option<(f64, usize, bool)>> = vec![None; data.indicators.len()];
    for ((_, i, _), c) in &data.values {
        if let Some(slot) = seen.get_mut(*i) {
            let e = slot.get_or_insert((c.value, 0, true));
            e.1 += 1;
            e.2 &= c.value == e.0;
        }
    }
    for ((id, place), stat) in data.indicators.iter().zip(seen) {
        if let Some((value, count, true)) = stat.filter(|e| e.1 >= 2) {
            problems.push(Problem::NoVariance {
                place: place.clone(),
                indicator: id.clone(),
                value,
                count,
            });
        }
    }
}

/// Lists the units with fewer than `threshold` of the framework's indicators in the default
/// year.
fn low_coverage(bundle: &Bundle, threshold: f64, problems: &mut Problems) {
    let ds = bundle.dataset();
    let fw = bundle.framework();
    let year = bundle.default_year();
    let leaves: Vec<usize> = fw
        .leaves()
        .iter()
        .filter_map(|&n| fw.nodes().get(n))
        .filter_map(|n| ds.indicator_position(&n.id))
        .collect();
    let of = leaves.len();
    for (u, unit) in ds.units().iter().enumerate() {
        let have = leaves
            .iter()
            .filter(|&&i| ds.value(u, i, year).is_some())
            .count();
        if of > 0 && (have as f64) < threshold * of as f64 {
            problems.push(Problem::LowCoverage {
                unit: unit.code.clone(),
                year,
                have,
                of,
                threshold,
            });
        }
    }
}

/// Builds the bundle from the values read and the framework.
fn assemble(
    data: &layout::Collected,
    fw: Option<&crate::read::jrc::AsemFramework>,
    framework: Framework,
    options: &Options,
    years: &BTreeSet<i32>,
) -> Result<Bundle, Problem> {
    let source = Source {
        id: "your-data".into(),
        publisher: "Imported".into(),
        title: options.title.clone(),
        edition: String::new(),
        licence: String::new(),
        url: String::new(),
    };
    let meta: HashMap<&str, &crate::read::jrc::IndicatorMeta> = fw
        .iter()
        .flat_map(|f| f.indicators.iter().chain(&f.denominators))
        .map(|m| (m.id.as_str(), m))
        .collect();
    let indicators: Vec<Indicator> = data
        .indicators
        .iter()
        .map(|(id, _)| {
            let m = meta.get(id.as_str());
            Indicator {
                id: id.clone(),
                name: m.map_or_else(|| id.clone(), |m| m.name.clone()),
                unit: m.map_or_else(String::new, |m| m.unit.clone()),
                direction: m.map_or(Direction::Higher, |m| m.direction),
                source: source.id.clone(),
            }
        })
        .collect();
    let labels: HashMap<&str, &str> = fw
        .iter()
        .flat_map(|f| &f.group_columns)
        .map(|(id, name)| (id.as_str(), name.as_str()))
        .collect();
    let group_id = |family: &str, value: &str| format!("{family}:{value}").replace(',', ";");
    let mut groups: Vec<Group> = Vec::new();
    let mut known: HashSet<String> = HashSet::new();
    let mut units: Vec<Unit> = Vec::new();
    for (u, (code, name)) in data.units.iter().enumerate() {
        let mut ids = Vec::new();
        for (family, value) in data.groups.get(&u).into_iter().flatten() {
            let id = group_id(family, value);
            if known.insert(id.clone()) {
                let label = labels.get(family.as_str()).copied().unwrap_or(family);
                groups.push(Group {
                    id: id.clone(),
                    name: format!("{label}: {value}"),
                    family: family.clone(),
                });
            }
            ids.push(id);
        }
        units.push(Unit {
            short: None,
            code: code.clone(),
            name: name.clone(),
            groups: ids,
        });
    }
    // The family with the fewest values (two or more) is compared by default, e.g. Asia and
    // Europe; without one, every unit is in one group `all`, compared with itself.
    let mut by_family: Vec<(&str, Vec<&str>)> = Vec::new();
    for g in &groups {
        match by_family.iter_mut().find(|(f, _)| *f == g.family) {
            Some((_, ids)) => ids.push(&g.id),
            None => by_family.push((&g.family, vec![&g.id])),
        }
    }
    let pair = by_family
        .iter()
        .filter(|(_, ids)| ids.len() >= 2)
        .min_by_key(|(_, ids)| ids.len())
        .and_then(|(_, ids)| Some([ids.first()?.to_string(), ids.get(1)?.to_string()]));
    let default_groups = match pair {
        Some(pair) => pair,
        None => {
            groups.push(Group {
                id: "all".into(),
                name: "All units".into(),
                family: "all".into(),
            });
            for u in &mut units {
                u.groups.push("all".into());
            }
            ["all".to_string(), "all".to_string()]
        }
    };
    let mut b = DatasetBuilder::new(
        units,
        indicators,
        vec![source],
        groups,
        years.iter().copied().collect(),
    )
    .map_err(engine)?;
    // The dataset's units and indicators are `data`'s, in the same order.
    for ((u, i, y), c) in &data.values {
        b.set_by_position(*u, *i, *y, c.value).map_err(engine)?;
    }
    let dataset = b.build();
    let leaves: Vec<usize> = framework
        .leaves()
        .iter()
        .filter_map(|&n| framework.nodes().get(n))
        .filter_map(|n| dataset.indicator_position(&n.id))
        .collect();
    let default_year = dataset
        .latest_year_with_data(&leaves)
        .unwrap_or(options.year);
    let method = match &options.method {
        Some(m) => m.clone(),
        None => Method::new(MethodSpec {
            denominate: framework.nodes().iter().any(|n| {
                matches!(
                    &n.kind,
                    NodeKind::Indicator {
                        denominator: Some(_)
                    }
                )
            }),
            ..MethodSpec::default()
        })
        .map_err(engine)?,
    };
    Bundle::new(BundleParts {
        id: options.id.clone(),
        title: options.title.clone(),
        description: "Imported from the person's own files.".into(),
        notes: Vec::new(),
        dataset,
        framework,
        method,
        default_year,
        default_groups,
        reference: None,
        gdp_per_capita: None,
    })
    .map_err(engine)
}

impl fmt::Display for FileReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = |given: bool| if given { "given" } else { "detected" };
        match &self.format {
            Format::Text(t) => {
                let delimiter = match t.delimiter {
                    b'\t' => "tab".to_string(),
                    d => format!("`{}`", char::from(d)),
                };
                write!(
                    f,
                    "{}: {}{} ({}), delimiter {delimiter} ({}), decimal {} ({})",
                    self.name,
                    t.encoding.name(),
                    if t.bom { " with byte-order mark" } else { "" },
                    how(t.given[0]),
                    how(t.given[1]),
                    if t.decimal_comma { "comma" } else { "point" },
                    how(t.given[2]),
                )?;
            }
            Format::Sheet(sheet) => write!(f, "{}: sheet `{sheet}` of the workbook", self.name)?,
            Format::Bundle => {
                return write!(
                    f,
                    "{}: a bundle JSON of this app, {} units",
                    self.name, self.rows
                )
            }
            Format::Scenarios(n) => {
                let plural = if *n == 1 { "" } else { "s" };
                return write!(
                    f,
                    "{}: a scenario file of this app ({n} scenario{plural})",
                    self.name
                );
            }
        }
        match self.layout {
            Some(l) => write!(f, ", layout {l} ({})", how(self.layout_given))?,
            None => write!(f, ", framework metadata")?,
        }
        write!(f, ", {} rows", self.rows)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for file in &self.files {
            writeln!(f, "{file}")?;
        }
        if self.units > 0 {
            let years = match (self.years.first(), self.years.last()) {
                (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                (Some(a), _) => a.to_string(),
                _ => "none".into(),
            };
            let plural = if self.years.len() == 1 { "" } else { "s" };
            writeln!(
                f,
                "{} units, {} indicators, year{plural} {years}; framework: {}",
                self.units, self.indicators, self.framework
            )?;
        }
        for severity in [Severity::Error, Severity::Warning] {
            let word = match severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            for p in self
                .problems
                .list()
                .iter()
                .filter(|p| p.severity() == severity)
            {
                writeln!(f, "{word}: {p}")?;
            }
        }
        if self.problems.not_listed() > 0 {
            writeln!(f, "… and {} more not listed", self.problems.not_listed())?;
        }
        write!(
            f,
            "{} error(s), {} warning(s)",
            self.problems.count(Severity::Error),
            self.problems.count(Severity::Warning)
        )
    }
}
