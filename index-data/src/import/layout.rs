//! The layouts an imported file may have, how a header says which one it is, and the readers
//! that take each layout's rows into one [`Collected`] set of units, groups and values.
//!
//! Column names are matched case-insensitively, with spaces, `-` and `.` read as `_`, against a
//! few aliases per role ([`CODE`], [`NAME`], [`YEAR`], [`INDICATOR`], [`VALUE`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use super::checks::{Place, Problem, Problems};
use crate::read::{parse_number, parse_year, Header, NumberStyle, Record};

/// How a data file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One row per value: unit, indicator, (year,) value.
    Long,
    /// One row per unit (and year), one column per indicator.
    Wide,
    /// One file per indicator, one row per unit, one column per year (the World Bank's bulk
    /// layout, the Global Data Lab's).
    PerIndicator,
    /// The JRC/COINr pair: a wide data file whose group and denominator columns the framework
    /// metadata names.
    Coinr,
}

impl Layout {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Long => "long",
            Layout::Wide => "wide",
            Layout::PerIndicator => "per-indicator",
            Layout::Coinr => "coinr",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Layout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        [
            Layout::Long,
            Layout::Wide,
            Layout::PerIndicator,
            Layout::Coinr,
        ]
        .into_iter()
        .find(|l| l.name() == s)
        .ok_or_else(|| format!("unknown layout `{s}` (long, wide, per-indicator, coinr)"))
    }
}

/// Aliases of the unit code column, most specific first.
pub const CODE: &[&str] = &[
    "ucode",
    "gdlcode",
    "unit_code",
    "unit",
    "code",
    "country_code",
    "countrycode",
    "iso3",
    "iso_code",
    "iso",
    "geo",
    "location",
    "id",
];
/// Aliases of the unit name column.
pub const NAME: &[&str] = &[
    "uname",
    "unit_name",
    "name",
    "region",
    "country_name",
    "country",
    "economy",
];
/// Aliases of the year column.
pub const YEAR: &[&str] = &["time", "year", "period", "yr"];
/// Aliases of the indicator column (long layout).
pub const INDICATOR: &[&str] = &[
    "indicator",
    "icode",
    "indicator_code",
    "variable",
    "series",
    "measure",
];
/// Aliases of the value column (long layout).
pub const VALUE: &[&str] = &["value", "obs_value", "val"];
/// Columns of the World Bank's per-indicator files that describe the indicator, not a unit.
const INDICATOR_META: &[&str] = &["indicator_name", "indicator_code"];

/// Cell texts read as a missing value (besides an empty cell).
pub const MISSING: &[&str] = &["NA", "N/A", "n/a", "na", "..", "null", "NULL", "NaN", "-"];

/// A header name as compared with the aliases: trimmed, lower case, spaces, `-` and `.` as `_`.
fn normal(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .map(|c| if matches!(c, ' ' | '-' | '.') { '_' } else { c })
        .collect()
}

/// The first column of `header` matching one of `aliases`, in alias order.
fn find(header: &Header, aliases: &[&str]) -> Option<usize> {
    let names: Vec<String> = header.names().iter().map(|n| normal(n)).collect();
    aliases
        .iter()
        .find_map(|a| names.iter().position(|n| n == a))
}

/// The columns of `header` that are years.
fn year_columns(header: &Header) -> Vec<(usize, i32)> {
    header
        .names()
        .iter()
        .enumerate()
        .filter_map(|(i, n)| parse_year(n).map(|y| (i, y)))
        .collect()
}

/// The layout `header` fits: long if it has unit, indicator and value columns; per-indicator if
/// it has a unit column and two or more year columns; else wide if it has a unit column.
pub fn detect(header: &Header) -> Option<Layout> {
    find(header, CODE)?;
    if find(header, INDICATOR).is_some() && find(header, VALUE).is_some() {
        Some(Layout::Long)
    } else if year_columns(header).len() >= 2 {
        Some(Layout::PerIndicator)
    } else {
        Some(Layout::Wide)
    }
}

/// The first record that reads as a header — one with a unit column among the first ten — and
/// its position; else the first record.
pub fn header_position(file: &str, records: &[Record]) -> usize {
    records
        .iter()
        .take(10)
        .position(|r| find(&Header::new(std::path::Path::new(file), r), CODE).is_some())
        .unwrap_or(0)
}

/// A value and where it was read.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The value.
    pub value: f64,
    /// The file (position in [`Collected::files`]).
    pub file: usize,
    /// The 1-based line.
    pub line: u64,
    /// The 0-based column.
    pub column: usize,
}

/// Units, groups and values read from the data files, in the order first seen.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    /// Unit codes and names.
    pub units: Vec<(String, String)>,
    /// Where each unit was first seen (its code's cell).
    pub unit_places: Vec<Place>,
    unit_index: HashMap<String, usize>,
    /// Each unit's groups: unit position → `[(family, value)]`.
    pub groups: BTreeMap<usize, Vec<(String, String)>>,
    /// Group families (column names), in the order seen.
    pub families: Vec<String>,
    /// Indicator ids and where each was first seen.
    pub indicators: Vec<(String, Place)>,
    indicator_index: HashMap<String, usize>,
    /// (unit, indicator, year) and value: in the order read until [`Collected::settle`],
    /// then sorted by key, each key once.
    pub values: Vec<((usize, usize, i32), Cell)>,
    /// The tables read: file name, worksheet (in a workbook) and header names, for the places
    /// of [`Cell`]s.
    pub files: Vec<(String, Option<String>, Vec<String>)>,
}

impl Collected {
    /// The position of unit `code`, added with `name` (first seen at `place()`) if new.
    fn unit(&mut self, code: &str, name: &str, place: impl FnOnce() -> Place) -> usize {
        if let Some(&u) = self.unit_index.get(code) {
            return u;
        }
        let name = if name.trim().is_empty() {
            code
        } else {
            name.trim()
        };
        self.units.push((code.to_string(), name.to_string()));
        self.unit_places.push(place());
        self.unit_index
            .insert(code.to_string(), self.units.len() - 1);
        self.units.len() - 1
    }

    /// Records a table read (a file, or a worksheet of one, with its header) and gives its
    /// position for [`Source::index`].
    pub fn add_file(&mut self, name: &str, sheet: Option<&str>, header: &Header) -> usize {
        self.files.push((
            name.to_string(),
            sheet.map(str::to_string),
            header.names().to_vec(),
        ));
        self.files.len() - 1
    }

    /// Where `cell` was read.
    pub fn place(&self, cell: &Cell) -> Place {
        let (file, sheet, header) =
            self.files
                .get(cell.file)
                .map_or(("", None, ""), |(f, s, h)| {
                    (
                        f.as_str(),
                        s.as_deref(),
                        h.get(cell.column).map_or("", String::as_str),
                    )
                });
        Place::line(file, cell.line)
            .in_sheet(sheet)
            .at_column(cell.column, header)
    }

    /// The position of indicator `id`, added (first seen at `place()`) if new.
    pub fn indicator(&mut self, id: &str, place: impl FnOnce() -> Place) -> usize {
        if let Some(&i) = self.indicator_index.get(id) {
            return i;
        }
        self.indicators.push((id.to_string(), place()));
        self.indicator_index
            .insert(id.to_string(), self.indicators.len() - 1);
        self.indicators.len() - 1
    }

    /// The position of indicator `id`, if read.
    pub fn indicator_position(&self, id: &str) -> Option<usize> {
        self.indicator_index.get(id).copied()
    }

    /// Records that unit `u` is in `value` of `family` (once per family).
    fn group(&mut self, u: usize, family: &str, value: &str) {
        if !self.families.iter().any(|f| f == family) {
            self.families.push(family.to_string());
        }
        let list = self.groups.entry(u).or_default();
        if !list.iter().any(|(f, _)| f == family) {
            list.push((family.to_string(), value.to_string()));
        }
    }

    /// Adds a value (a duplicate is found by [`Collected::settle`]).
    fn set(&mut self, key: (usize, usize, i32), cell: Cell) {
        self.values.push((key, cell));
    }

    /// Sorts the values by unit, indicator and year, keeping the first read of each key and
    /// listing the others: sorting millions of values once is faster than hashing each.
    pub fn settle(&mut self, problems: &mut Problems) {
        // A stable sort: of equal keys, the first read stays first.
        self.values.sort_by_key(|(k, _)| *k);
        let mut kept: Vec<((usize, usize, i32), Cell)> = Vec::with_capacity(self.values.len());
        for (key, cell) in std::mem::take(&mut self.values) {
            match kept.last() {
                Some((k, first)) if *k == key => {
                    let (u, i, y) = key;
                    let unit = self.units.get(u).map_or("", |(c, _)| c.as_str());
                    let ind = self.indicators.get(i).map_or("", |(id, _)| id.as_str());
                    problems.push(Problem::DuplicateValue {
                        place: self.place(&cell),
                        what: format!("`{ind}` for `{unit}` in {y}"),
                        first: Box::new(self.place(first)),
                    });
                }
                _ => kept.push((key, cell)),
            }
        }
        self.values = kept;
    }
}

/// What every reader needs: the file, its header and how numbers are written.
pub struct Source<'a> {
    /// The file's name.
    pub file: &'a str,
    /// The worksheet, in a workbook.
    pub sheet: Option<&'a str>,
    /// The header.
    pub header: &'a Header,
    /// The records after it.
    pub rows: &'a [Record],
    /// Decimal comma or point, and the texts read as missing.
    pub style: NumberStyle,
    /// The year of values without one.
    pub year: i32,
    /// The file's position in [`Collected::files`].
    pub index: usize,
}

impl Source<'_> {
    /// Line (or worksheet row) `line` of the table.
    fn at(&self, line: u64) -> Place {
        Place::line(self.file, line).in_sheet(self.sheet)
    }

    fn place(&self, r: &Record, col: usize) -> Place {
        self.at(r.line).at_column(col, self.header.name(col))
    }

    /// Parses a cell; text that is not a number is listed and read as missing.
    fn number(&self, r: &Record, col: usize, problems: &mut Problems) -> Option<f64> {
        let text = r.get(col);
        parse_number(text, self.style).unwrap_or_else(|()| {
            problems.push(Problem::NotANumber {
                place: self.place(r, col),
                text: text.trim().chars().take(80).collect(),
            });
            None
        })
    }

    /// The unit code of `r` at `col`, or the row listed as skipped.
    fn code<'r>(&self, r: &'r Record, col: usize, problems: &mut Problems) -> Option<&'r str> {
        let code = r.get(col).trim();
        if code.is_empty() {
            problems.push(Problem::RowSkipped {
                place: self.place(r, col),
                reason: "no unit code".into(),
            });
            return None;
        }
        Some(code)
    }

    /// The year of `r` at `col` (the default year without a column), or the row listed.
    fn year(&self, r: &Record, col: Option<usize>, problems: &mut Problems) -> Option<i32> {
        let Some(col) = col else {
            return Some(self.year);
        };
        let y = parse_year(r.get(col));
        if y.is_none() {
            problems.push(Problem::RowSkipped {
                place: self.place(r, col),
                reason: format!("`{}` is not a year", r.get(col).trim()),
            });
        }
        y
    }

    /// Whether `r` is the first row of its unit (in `year`), else lists it as a duplicate;
    /// `seen` holds the line of each (unit, year) seen so far.
    fn first_row(
        &self,
        seen: &mut HashMap<(String, i32), u64>,
        r: &Record,
        col: usize,
        year: i32,
        problems: &mut Problems,
    ) -> bool {
        let code = r.get(col).trim().to_string();
        if let Some(first) = seen.get(&(code.clone(), year)) {
            problems.push(Problem::DuplicateUnit {
                place: self.place(r, col),
                code,
                first: *first,
            });
            return false;
        }
        seen.insert((code, year), r.line);
        true
    }

    /// Records the groups of unit `u` from the cells of `r` in `cols` (headers as families).
    fn groups(&self, r: &Record, u: usize, cols: &[usize], out: &mut Collected) {
        for &c in cols {
            let g = r.get(c).trim();
            if !g.is_empty() {
                out.group(u, self.header.name(c), g);
            }
        }
    }

    /// Reads cell `c` of `r` as the value at `key`: a missing cell is no value; text is
    /// listed and read as missing; a second value for `key` is listed.
    fn value(
        &self,
        r: &Record,
        c: usize,
        key: (usize, usize, i32),
        out: &mut Collected,
        problems: &mut Problems,
    ) {
        if let Some(value) = self.number(r, c, problems) {
            let cell = Cell {
                value,
                file: self.index,
                line: r.line,
                column: c,
            };
            out.set(key, cell);
        }
    }

    /// Whether `r` has as many fields as the header, else lists it.
    fn full(&self, r: &Record, problems: &mut Problems) -> bool {
        let (have, want) = (r.fields.len(), self.header.names().len());
        if have != want {
            problems.push(Problem::RowSkipped {
                place: self.at(r.line),
                reason: format!("{have} fields, the header has {want}"),
            });
        }
        have == want
    }

    /// Lists column `col` as not used.
    fn not_used(&self, col: usize, reason: &str, problems: &mut Problems) {
        problems.push(Problem::ColumnNotUsed {
            place: self
                .at(self.header.line())
                .at_column(col, self.header.name(col)),
            reason: reason.into(),
        });
    }

    fn no_layout(&self, reason: String) -> Problem {
        Problem::NoLayout {
            place: self.at(self.header.line()),
            reason,
        }
    }

    fn require(&self, aliases: &[&str], role: &str) -> Result<usize, Problem> {
        find(self.header, aliases).ok_or_else(|| {
            self.no_layout(format!(
                "no {role} column (one of {}) in the header `{}`",
                aliases.join(", "),
                self.header.names().join("`, `")
            ))
        })
    }
}

/// Reads a long file: one value per row.
///
/// # Errors
/// [`Problem::NoLayout`] without unit, indicator and value columns.
pub fn read_long(
    src: &Source<'_>,
    out: &mut Collected,
    problems: &mut Problems,
) -> Result<(), Problem> {
    let code = src.require(CODE, "unit code")?;
    let ind = src.require(INDICATOR, "indicator")?;
    let val = src.require(VALUE, "value")?;
    let year = find(src.header, YEAR);
    let name = find(src.header, NAME);
    for c in 0..src.header.names().len() {
        // A column without a name or a value: a trailing delimiter, a worksheet's empty column.
        let nothing =
            src.header.name(c).is_empty() && src.rows.iter().all(|r| r.get(c).trim().is_empty());
        if !nothing && ![Some(code), Some(ind), Some(val), year, name].contains(&Some(c)) {
            src.not_used(
                c,
                "not a unit, name, indicator, year or value column",
                problems,
            );
        }
    }
    for r in src.rows.iter().filter(|r| !r.is_blank()) {
        if !src.full(r, problems) {
            continue;
        }
        let Some(unit_code) = src.code(r, code, problems) else {
            continue;
        };
        let indicator = r.get(ind).trim();
        if indicator.is_empty() {
            problems.push(Problem::RowSkipped {
                place: src.place(r, ind),
                reason: "no indicator".into(),
            });
            continue;
        }
        let Some(y) = src.year(r, year, problems) else {
            continue;
        };
        let u = out.unit(unit_code, name.map_or("", |n| r.get(n)), || {
            src.place(r, code)
        });
        let i = out.indicator(indicator, || src.place(r, ind));
        src.value(r, val, (u, i, y), out, problems);
    }
    Ok(())
}

/// Roles the framework gives to columns of a wide file.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    /// Columns that are group columns (by name).
    pub groups: Vec<String>,
}

/// Reads a wide file: one row per unit (and year), one column per indicator. Columns named as
/// groups in `roles`, and columns holding only text, are groups.
///
/// # Errors
/// [`Problem::NoLayout`] without a unit column.
pub fn read_wide(
    src: &Source<'_>,
    roles: &Roles,
    out: &mut Collected,
    problems: &mut Problems,
) -> Result<(), Problem> {
    let code = src.require(CODE, "unit code")?;
    let year = find(src.header, YEAR);
    let name = find(src.header, NAME).filter(|n| *n != code);
    let rows: Vec<&Record> = src.rows.iter().filter(|r| !r.is_blank()).collect();
    let mut group_cols = Vec::new();
    let mut value_cols = Vec::new();
    for (c, h) in src.header.names().iter().enumerate() {
        if [Some(code), year, name].contains(&Some(c)) {
            continue;
        }
        let cells = || {
            rows.iter()
                .map(|r| r.get(c).trim())
                .filter(|t| !t.is_empty())
        };
        let declared = roles.groups.iter().any(|g| g == h);
        let text_only =
            cells().next().is_some() && cells().all(|t| parse_number(t, src.style).is_err());
        if declared || text_only {
            if !declared {
                let mut distinct: Vec<&str> = cells().collect();
                distinct.sort_unstable();
                distinct.dedup();
                problems.push(Problem::GroupColumn {
                    place: src.at(src.header.line()).at_column(c, h),
                    values: distinct.len(),
                });
            }
            group_cols.push(c);
        } else {
            let place = src.at(src.header.line()).at_column(c, h);
            let empty = cells().next().is_none();
            if empty && h.is_empty() {
                // A trailing delimiter: no name, no value.
                continue;
            }
            if empty {
                problems.push(Problem::EmptyColumn {
                    place: place.clone(),
                });
            }
            let id = if h.is_empty() {
                format!("column {}", c + 1)
            } else {
                h.clone()
            };
            value_cols.push((c, out.indicator(&id, || place)));
        }
    }
    let mut seen = HashMap::new();
    for r in rows {
        if !src.full(r, problems) {
            continue;
        }
        let Some(unit_code) = src.code(r, code, problems) else {
            continue;
        };
        let Some(y) = src.year(r, year, problems) else {
            continue;
        };
        if !src.first_row(&mut seen, r, code, y, problems) {
            continue;
        }
        let u = out.unit(unit_code, name.map_or("", |n| r.get(n)), || {
            src.place(r, code)
        });
        src.groups(r, u, &group_cols, out);
        for &(c, i) in &value_cols {
            src.value(r, c, (u, i, y), out, problems);
        }
    }
    Ok(())
}

/// Reads one file of a per-indicator set: one row per unit, one column per year. The indicator
/// is the file's `Indicator Code` column where it has one (the World Bank's), else the file's
/// name without its extension (in a workbook, the sheet's name). Other text columns are groups (e.g. the GDL's `ISO_Code`).
///
/// # Errors
/// [`Problem::NoLayout`] without a unit column or year columns.
pub fn read_per_indicator(
    src: &Source<'_>,
    out: &mut Collected,
    problems: &mut Problems,
) -> Result<(), Problem> {
    let code = src.require(CODE, "unit code")?;
    let name = find(src.header, NAME).filter(|n| *n != code);
    let years = year_columns(src.header);
    if years.is_empty() {
        return Err(src.no_layout("no year columns (e.g. `2019`) in the header".into()));
    }
    let meta = find(src.header, &INDICATOR_META[1..]);
    let stem = src.sheet.unwrap_or_else(|| {
        src.file
            .rsplit(['/', '\\'])
            .next()
            .map_or(src.file, |f| f.rsplit_once('.').map_or(f, |(s, _)| s))
    });
    let mut group_cols = Vec::new();
    for c in 0..src.header.names().len() {
        let is_year = years.iter().any(|(y, _)| *y == c);
        let is_meta = find(src.header, INDICATOR_META).is_some()
            && INDICATOR_META.contains(&normal(src.header.name(c)).as_str());
        if is_year || is_meta || c == code || Some(c) == name {
            continue;
        }
        if src.header.name(c).is_empty() {
            // A trailing delimiter (the World Bank's lines end with one).
            continue;
        }
        group_cols.push(c);
    }
    let mut seen = HashMap::new();
    for r in src.rows.iter().filter(|r| !r.is_blank()) {
        if !src.full(r, problems) {
            continue;
        }
        let Some(unit_code) = src.code(r, code, problems) else {
            continue;
        };
        // One row per unit: every row is keyed to the same (any) year.
        if !src.first_row(&mut seen, r, code, 0, problems) {
            continue;
        }
        let id = meta
            .map(|m| r.get(m).trim())
            .filter(|t| !t.is_empty())
            .unwrap_or(stem);
        let u = out.unit(unit_code, name.map_or("", |n| r.get(n)), || {
            src.place(r, code)
        });
        let i = out.indicator(id, || Place::file(src.file).in_sheet(src.sheet));
        src.groups(r, u, &group_cols, out);
        for &(c, y) in &years {
            src.value(r, c, (u, i, y), out, problems);
        }
    }
    Ok(())
}
