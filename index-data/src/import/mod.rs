//! Bring your own data: from the contents of a person's files to a [`Bundle`] and a
//! [`Report`] of what was detected and what was found.
//!
//! Pure functions of bytes: no file system, no panics, every count bounded ([`MAX_CELLS`],
//! [`checks::MAX_LISTED`], [`crate::read::MAX_FILE_BYTES`] per file), so that the browser's
//! worker can call [`import`] as the CLI does.
//!
//! 1. **Text** ([`detect`]): encoding (UTF-8 with or without a byte-order mark, UTF-16 with
//!    one, else Latin-1), delimiter (`,` `;` tab) and decimal comma, each detected unless
//!    [`Options`] says.
//! 2. **Layout** ([`layout`]): long, wide, per indicator (wide by year) or the COINr pair, from
//!    the header's column names (case-insensitive, with aliases).
//! 3. **Framework** ([`framework`]): a COINr metadata file, or every indicator under one index
//!    with equal weights.
//! 4. **Checks** ([`checks`]): each row is used or listed with its reason; errors stop the
//!    import, warnings are listed.

pub mod checks;
pub mod detect;
pub mod framework;
pub mod layout;

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

use crate::read::{Encoding, Header, NumberStyle, MAX_FILE_BYTES};

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
        }
    }
}

/// How one file was read.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The file's name.
    pub name: String,
    /// Its text format.
    pub format: TextFormat,
    /// Its layout (`None` for the framework file).
    pub layout: Option<Layout>,
    /// Whether the layout came from the options.
    pub layout_given: bool,
    /// Data rows (not blank) after the header.
    pub rows: usize,
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
    let mut report = Report::default();
    match run(files, framework, options, &mut report) {
        Ok(bundle) if !report.problems.has_errors() => Ok(Imported { bundle, report }),
        Ok(_) => Err(Box::new(report)),
        Err(p) => {
            report.problems.push(p);
            Err(Box::new(report))
        }
    }
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
) -> Result<Bundle, Problem> {
    let problems = &mut report.problems;
    if files.is_empty() {
        return Err(Problem::Engine {
            reason: "no data file given".into(),
        });
    }
    // Decode and split every file; find the framework among them.
    let mut split = Vec::new();
    for f in framework.iter().chain(files) {
        if f.bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Problem::Unreadable {
                place: Place::file(f.name),
                reason: format!("larger than {} MiB", MAX_FILE_BYTES >> 20),
            });
        }
        let (records, format) = detect::split(f, options)?;
        let at = layout::header_position(f.name, &records);
        if at > 0 {
            problems.push(Problem::Preamble {
                place: Place::file(f.name),
                lines: records.get(at).map_or(0, |r| r.line.saturating_sub(1)),
            });
        }
        let records: Vec<_> = records.into_iter().skip(at).collect();
        split.push((*f, records, format));
    }
    let meta_at = split.iter().position(|(_, recs, _)| {
        recs.first()
            .is_some_and(|h| is_metadata(&Header::new(Path::new(""), h)))
    });
    let mut fw = None;
    let mut fw_file = String::new();
    if let Some(at) = meta_at {
        let (f, records, format) = split.remove(at);
        report.files.push(FileReport {
            name: f.name.to_string(),
            format,
            layout: None,
            layout_given: false,
            rows: records.len().saturating_sub(1),
        });
        fw = Some(framework::read_metadata(f.name, records)?);
        fw_file = f.name.to_string();
    } else if let Some(f) = framework {
        return Err(Problem::NoLayout {
            place: Place::file(f.name),
            reason: "not a COINr metadata file: the header needs iCode, Parent, Type and Weight"
                .into(),
        });
    }
    if split.is_empty() {
        return Err(Problem::Engine {
            reason: "no data file given besides the framework".into(),
        });
    }
    if fw.is_none() && options.layout == Some(Layout::Coinr) {
        return Err(Problem::NoLayout {
            place: Place::file(split.first().map_or("", |(f, _, _)| f.name)),
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
    for (f, records, format) in split {
        let mut recs = records.into_iter();
        let Some(head) = recs.next() else {
            return Err(Problem::EmptyFile {
                place: Place::file(f.name),
            });
        };
        let header = Header::new(Path::new(f.name), &head);
        let rows: Vec<_> = recs.collect();
        let detected = layout::detect(&header);
        let chosen = options.layout.or(match detected {
            Some(Layout::Wide) if fw.is_some() => Some(Layout::Coinr),
            d => d,
        });
        let src = layout::Source {
            file: f.name,
            header: &header,
            rows: &rows,
            style: NumberStyle {
                decimal_comma: format.decimal_comma,
                missing: layout::MISSING,
            },
            year: options.year,
            index: data.add_file(f.name, &header),
        };
        match chosen {
            Some(Layout::Long) => layout::read_long(&src, &mut data, problems)?,
            Some(Layout::Wide | Layout::Coinr) => {
                layout::read_wide(&src, &roles, &mut data, problems)?;
            }
            Some(Layout::PerIndicator) => layout::read_per_indicator(&src, &mut data, problems)?,
            None => {
                return Err(Problem::NoLayout {
                    place: Place::line(f.name, header.line()),
                    reason: format!(
                        "no unit column (one of {}) in the header `{}`",
                        layout::CODE.join(", "),
                        header.names().join("`, `")
                    ),
                })
            }
        }
        report.files.push(FileReport {
            name: f.name.to_string(),
            format,
            layout: chosen,
            layout_given: options.layout.is_some(),
            rows: rows.iter().filter(|r| !r.is_blank()).count(),
        });
    }
    data.settle(problems);
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
    let nodes = match &fw {
        Some(f) => {
            framework::check_metadata(&fw_file, f, &data, problems);
            if problems.has_errors() {
                return Err(Problem::Engine {
                    reason: "the framework does not fit the data (see above)".into(),
                });
            }
            report.framework = format!("from `{fw_file}`");
            f.nodes.clone()
        }
        None => {
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
        let t = &self.format;
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
