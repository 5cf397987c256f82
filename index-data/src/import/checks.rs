//! What an import found: every problem names the file, and where there is one the row, the
//! column and the value. [`Severity::Error`] makes the import unusable (nothing is built);
//! [`Severity::Warning`] is listed and the import goes on, so that no row is dropped silently.

use std::fmt;

/// A place in an imported file: its name, and the 1-based line and column where they apply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The file's name, as given.
    pub file: Box<str>,
    /// The worksheet, in a workbook.
    pub sheet: Option<Box<str>>,
    /// 1-based line, as an editor shows it.
    pub line: Option<u64>,
    /// 1-based column and its header.
    pub column: Option<(usize, Box<str>)>,
}

impl Place {
    /// The whole file.
    pub fn file(file: &str) -> Self {
        Place {
            file: file.into(),
            ..Place::default()
        }
    }

    /// Line `line` of `file`.
    pub fn line(file: &str, line: u64) -> Self {
        Place {
            line: Some(line),
            ..Place::file(file)
        }
    }

    /// This place, in worksheet `sheet` of a workbook (`None`: a text file).
    pub fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(Box::from);
        self
    }

    /// This place, at 0-based column `index` headed `header`.
    pub fn at_column(mut self, index: usize, header: &str) -> Self {
        self.column = Some((index + 1, header.into()));
        self
    }
}

/// The letters of 1-based spreadsheet column `n`: 1 is `A`, 27 is `AA`.
pub fn column_letters(n: usize) -> String {
    let mut n = n;
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(char::from(b'A' + d as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A worksheet's name as a reference writes it: quoted (`'My data'`) unless letters, digits
/// and `_` only.
fn sheet_ref(sheet: &str) -> String {
    if !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

impl fmt::Display for Place {
    /// `file:line, column n (`header`)` in a text file; `book.xlsx: Data!C14 (`header`)` (a
    /// cell), `book.xlsx: Data, row 14` or `book.xlsx: sheet `Data`` in a workbook.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            let r = sheet_ref(sheet);
            return match (self.line, &self.column) {
                (Some(line), Some((column, header))) => {
                    write!(f, ": {r}!{}{line} (`{header}`)", column_letters(*column))
                }
                (Some(line), None) => write!(f, ": {r}, row {line}"),
                (None, _) => write!(f, ": sheet `{sheet}`"),
            };
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some((column, header)) = &self.column {
            write!(f, ", column {column} (`{header}`)")?;
        }
        Ok(())
    }
}

/// Whether a problem stops the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The files cannot be used as they are: nothing is built.
    Error,
    /// Listed; the import goes on without the row, cell or column named.
    Warning,
}

/// One thing an import found.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// A file of 0 bytes (or only blank lines).
    EmptyFile {
        /// The file.
        place: Place,
    },
    /// The file could not be decoded or split (its encoding, a CSV syntax error).
    Unreadable {
        /// The file.
        place: Place,
        /// What the reader said.
        reason: String,
    },
    /// The header is one column with the delimiter used: the delimiter is likely wrong.
    OneColumn {
        /// The header.
        place: Place,
        /// The delimiter used.
        delimiter: char,
        /// The header, as one field.
        header: String,
    },
    /// The header fits no layout (or not the layout asked for).
    NoLayout {
        /// The header.
        place: Place,
        /// What is missing.
        reason: String,
    },
    /// More units × indicators × years than an import holds.
    TooLarge {
        /// The cells the files would need.
        cells: u64,
        /// The most allowed ([`super::MAX_CELLS`]).
        limit: u64,
    },
    /// Lines before the header (a publisher's preamble), not read.
    Preamble {
        /// The file.
        place: Place,
        /// How many lines were skipped before the header.
        lines: u64,
    },
    /// A unit code seen twice (for the same year): the later row is not used.
    DuplicateUnit {
        /// The later row.
        place: Place,
        /// The code.
        code: String,
        /// The line of the first row.
        first: u64,
    },
    /// A value given twice (same unit, indicator, year): the later one is not used.
    DuplicateValue {
        /// The later cell.
        place: Place,
        /// Unit, indicator and year, e.g. "`gdp` for `A1` in 2020".
        what: String,
        /// Where the first one is.
        first: Box<Place>,
    },
    /// A cell that should be a number is not: read as missing.
    NotANumber {
        /// The cell.
        place: Place,
        /// Its text.
        text: String,
    },
    /// A row not used, with the reason (no unit code, a year that is not a year, a row of the
    /// wrong length).
    RowSkipped {
        /// The row.
        place: Place,
        /// Why.
        reason: String,
    },
    /// A column with no value at all: not an indicator of the index.
    EmptyColumn {
        /// The column.
        place: Place,
    },
    /// A column of text only, read as a group (e.g. a region or income group).
    GroupColumn {
        /// The column.
        place: Place,
        /// How many distinct values it has.
        values: usize,
    },
    /// A worksheet of a workbook not read (not a worksheet, empty, not data, not named).
    SheetNotRead {
        /// The sheet.
        place: Place,
        /// Why.
        reason: String,
    },
    /// A part of a scenario file that does not fit the data (an unknown weight, a year without
    /// data): the data's own is kept.
    ScenarioPart {
        /// The scenario file.
        place: Place,
        /// What did not fit.
        reason: String,
    },
    /// In country data, a unit with an ISO3-looking code that is not in the country table.
    UnknownCountry {
        /// The unit's first cell.
        place: Place,
        /// The code.
        code: String,
        /// The country it may be: code and name.
        suggestion: Option<Box<(String, String)>>,
    },
    /// In country data, a unit whose name is close to a country's but is none.
    NotACountryName {
        /// The unit's first cell.
        place: Place,
        /// The unit's code.
        unit: Box<str>,
        /// Its name (empty when the code is the name).
        name: Box<str>,
        /// The country it may be: code and name.
        suggestion: Box<(String, String)>,
    },
    /// A column neither the layout nor the framework uses.
    ColumnNotUsed {
        /// The column.
        place: Place,
        /// Why.
        reason: String,
    },
    /// An indicator whose values are all the same: it cannot tell units apart.
    NoVariance {
        /// Where it comes from.
        place: Place,
        /// The indicator.
        indicator: String,
        /// The one value.
        value: f64,
        /// How many values.
        count: usize,
    },
    /// A unit with values for fewer of the index's indicators than the coverage threshold.
    LowCoverage {
        /// The unit's code.
        unit: String,
        /// The year.
        year: i32,
        /// Indicators with a value.
        have: usize,
        /// Indicators in the index.
        of: usize,
        /// The threshold (a share, 0–1).
        threshold: f64,
    },
    /// A framework indicator whose denominator is not a column of the data.
    MissingDenominator {
        /// The framework row.
        place: Place,
        /// The indicator.
        indicator: String,
        /// The denominator named.
        denominator: String,
    },
    /// A framework node whose parent is not in the framework.
    UnknownParent {
        /// The framework row.
        place: Place,
        /// The node.
        node: String,
        /// The parent named.
        parent: String,
    },
    /// A framework indicator with no column in the data.
    NotInData {
        /// The framework row.
        place: Place,
        /// The indicator.
        indicator: String,
    },
    /// The engine refused what was assembled (the framework or the bundle).
    Engine {
        /// What the engine said.
        reason: String,
    },
}

impl Problem {
    /// The problem a reader's error makes of `file`: [`Problem::Unreadable`] at the line (and
    /// column) the error names, prefixed by `what` (e.g. "not a COINr metadata file").
    pub fn unreadable(file: &str, what: &str, e: &crate::Error) -> Problem {
        use crate::Error;
        let (place, reason) = match e {
            Error::Encoding { at, encoding, byte } => (
                Place::line(file, at.line),
                format!("not valid {encoding} text (byte {byte} of the line)"),
            ),
            Error::Csv { at, message } => (
                Place::line(file, at.line),
                format!("CSV syntax error: {message}"),
            ),
            Error::Format { at, problem } => (Place::line(file, at.line), problem.clone()),
            Error::BadNumber {
                at,
                column,
                header,
                text,
            } => (
                Place::line(file, at.line).at_column(column.saturating_sub(1), header),
                format!("`{text}` is not a number"),
            ),
            other => (Place::file(file), other.to_string()),
        };
        let reason = if what.is_empty() {
            reason
        } else {
            format!("{what}: {reason}")
        };
        Problem::Unreadable { place, reason }
    }

    /// Whether the problem stops the import.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::EmptyFile { .. }
            | Problem::Unreadable { .. }
            | Problem::OneColumn { .. }
            | Problem::NoLayout { .. }
            | Problem::TooLarge { .. }
            | Problem::MissingDenominator { .. }
            | Problem::UnknownParent { .. }
            | Problem::NotInData { .. }
            | Problem::Engine { .. } => Severity::Error,
            Problem::Preamble { .. }
            | Problem::DuplicateUnit { .. }
            | Problem::DuplicateValue { .. }
            | Problem::NotANumber { .. }
            | Problem::RowSkipped { .. }
            | Problem::EmptyColumn { .. }
            | Problem::GroupColumn { .. }
            | Problem::ColumnNotUsed { .. }
            | Problem::SheetNotRead { .. }
            | Problem::ScenarioPart { .. }
            | Problem::UnknownCountry { .. }
            | Problem::NotACountryName { .. }
            | Problem::NoVariance { .. }
            | Problem::LowCoverage { .. } => Severity::Warning,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::EmptyFile { place } => write!(f, "{place}: the file is empty"),
            Problem::Unreadable { place, reason } => write!(f, "{place}: {reason}"),
            Problem::OneColumn {
                place,
                delimiter,
                header,
            } => write!(
                f,
                "{place}: split by `{}` the header is one column (`{header}`): is the delimiter \
                 another one (`,` `;` tab)?",
                delimiter.escape_default()
            ),
            Problem::NoLayout { place, reason } => write!(f, "{place}: {reason}"),
            Problem::TooLarge { cells, limit } => write!(
                f,
                "the data would need {cells} cells (units × indicators × years), more than the \
                 {limit} an import holds"
            ),
            Problem::Preamble { place, lines } => {
                write!(f, "{place}: {lines} line(s) before the header not read")
            }
            Problem::DuplicateUnit { place, code, first } => write!(
                f,
                "{place}: unit `{code}` already has a row (line {first}): this row is not used"
            ),
            Problem::DuplicateValue { place, what, first } => {
                write!(
                    f,
                    "{place}: {what} given again (first at {first}): not used"
                )
            }
            Problem::NotANumber { place, text } => {
                write!(f, "{place}: `{text}` is not a number: read as missing")
            }
            Problem::RowSkipped { place, reason } => {
                write!(f, "{place}: row not used: {reason}")
            }
            Problem::EmptyColumn { place } => {
                write!(f, "{place}: the column is empty: not an indicator")
            }
            Problem::GroupColumn { place, values } => write!(
                f,
                "{place}: text only ({values} distinct values): read as a group"
            ),
            Problem::UnknownCountry {
                place,
                code,
                suggestion,
            } => {
                write!(f, "{place}: unknown country code `{code}`")?;
                match suggestion.as_deref() {
                    Some((c, name)) => write!(f, ": did you mean {c} ({name})?"),
                    None => write!(f, " (kept as a unit of its own)"),
                }
            }
            Problem::NotACountryName {
                place,
                unit,
                name,
                suggestion,
            } => {
                let (c, country) = suggestion.as_ref();
                let name = if name.is_empty() { unit } else { name };
                write!(
                    f,
                    "{place}: unit `{unit}`: `{name}` is not a country name of the table: did \
                     you mean {country} ({c})?"
                )
            }
            Problem::ScenarioPart { place, reason } => write!(f, "{place}: scenario: {reason}"),
            Problem::SheetNotRead { place, reason } => {
                write!(f, "{place}: not read: {reason}")
            }
            Problem::ColumnNotUsed { place, reason } => {
                write!(f, "{place}: column not used: {reason}")
            }
            Problem::NoVariance {
                place,
                indicator,
                value,
                count,
            } => write!(
                f,
                "{place}: indicator `{indicator}` is {value} for all its {count} values: it \
                 cannot tell units apart"
            ),
            Problem::LowCoverage {
                unit,
                year,
                have,
                of,
                threshold,
            } => write!(
                f,
                "unit `{unit}` has {have} of the {of} indicators in {year}, below the coverage \
                 threshold of {:.0}%",
                threshold * 100.0
            ),
            Problem::MissingDenominator {
                place,
                indicator,
                denominator,
            } => write!(
                f,
                "{place}: indicator `{indicator}` is divided by `{denominator}`, which is not a \
                 column of the data"
            ),
            Problem::UnknownParent {
                place,
                node,
                parent,
            } => write!(
                f,
                "{place}: the parent of `{node}`, `{parent}`, is not in the framework"
            ),
            Problem::NotInData { place, indicator } => write!(
                f,
                "{place}: indicator `{indicator}` of the framework is not a column of the data"
            ),
            Problem::Engine { reason } => write!(f, "{reason}"),
        }
    }
}

/// The problems found, in the order found. At most [`MAX_LISTED`] are kept; the rest are
/// counted, by severity, so that a broken file of millions of rows cannot fill the memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problems {
    list: Vec<Problem>,
    more_errors: usize,
    more_warnings: usize,
}

/// The most problems listed one by one.
pub const MAX_LISTED: usize = 1000;

impl Problems {
    /// Adds a problem (counted only, past [`MAX_LISTED`]).
    pub fn push(&mut self, p: Problem) {
        if self.list.len() < MAX_LISTED {
            self.list.push(p);
        } else if p.severity() == Severity::Error {
            self.more_errors += 1;
        } else {
            self.more_warnings += 1;
        }
    }

    /// The problems listed, in the order found.
    pub fn list(&self) -> &[Problem] {
        &self.list
    }

    /// How many problems of `severity` were found (listed or not).
    pub fn count(&self, severity: Severity) -> usize {
        let more = match severity {
            Severity::Error => self.more_errors,
            Severity::Warning => self.more_warnings,
        };
        self.list
            .iter()
            .filter(|p| p.severity() == severity)
            .count()
            + more
    }

    /// Whether any problem stops the import.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many problems were counted but not listed.
    pub fn not_listed(&self) -> usize {
        self.more_errors + self.more_warnings
    }
}
