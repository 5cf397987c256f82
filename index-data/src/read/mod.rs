//! Readers, one module per publisher's format, and what they share: decoding bytes
//! ([`encoding_rs`] for Latin-1, a checked UTF-8 decode that drops a byte-order mark), splitting
//! records with the [`csv`] crate (never by hand), header lookup with stray spaces trimmed, and
//! number parsing that says where a bad cell is.
//!
//! Every reader that meets country names or codes resolves them through
//! [`Countries`] and returns a [`Table`]: values by series, ISO3
//! code and year, the rows set apart (aggregates, areas outside M49) and every name that needed
//! more than an exact match.
//!
//! Each reader comes in two forms: `read…(path, …)` reads the file, `read…_bytes(path, bytes,
//! …)` parses bytes already in memory (`path` only names them in errors).

pub mod jrc;
pub mod m49;
pub mod oecd;
pub mod unctad;
pub mod undp;
pub mod wipo;
pub mod worldbank;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::countries::{Countries, NameMatch, Resolved, SetApart};
use crate::error::{At, Error, Result};

/// The character encoding a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark (the mark is dropped).
    Utf8,
    /// ISO-8859-1 (Latin-1), as UNCTADstat exports. Decoded as windows-1252, its WHATWG
    /// superset, which differs only in the C1 control range 0x80–0x9F that no text file uses.
    Latin1,
    /// UTF-16, little-endian, with or without its byte-order mark (the mark is dropped).
    Utf16Le,
    /// UTF-16, big-endian, with or without its byte-order mark (the mark is dropped).
    Utf16Be,
}

impl Encoding {
    /// The encoding's usual name ("UTF-8", "Latin-1", "UTF-16LE", "UTF-16BE").
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Latin1 => "Latin-1",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }

    /// Guesses the encoding of `bytes`: a UTF-16 byte-order mark says UTF-16, and so do zero
    /// bytes (which no text file holds otherwise) — little-endian when they are mostly at odd
    /// positions, as after ASCII characters; valid UTF-8 (with or without its mark) is UTF-8;
    /// anything else is read as Latin-1, where every byte is a character.
    pub fn detect(bytes: &[u8]) -> Encoding {
        let zeros_at = |parity: usize| {
            bytes
                .iter()
                .skip(parity)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        match encoding_rs::Encoding::for_bom(bytes) {
            Some((enc, _)) if enc == encoding_rs::UTF_16LE => Encoding::Utf16Le,
            Some((enc, _)) if enc == encoding_rs::UTF_16BE => Encoding::Utf16Be,
            _ if bytes.contains(&0) => {
                if zeros_at(1) >= zeros_at(0) {
                    Encoding::Utf16Le
                } else {
                    Encoding::Utf16Be
                }
            }
            _ if std::str::from_utf8(strip_utf8_bom(bytes)).is_ok() => Encoding::Utf8,
            _ => Encoding::Latin1,
        }
    }
}

/// `bytes` without a leading UTF-8 byte-order mark.
fn strip_utf8_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Reads `path` and decodes it into text.
///
/// # Errors
/// [`Error::Read`] if the file cannot be read; [`Error::Encoding`] naming the line and byte of
/// the first invalid UTF-8 sequence (or a UTF-16 byte-order mark).
pub fn read_text(path: &Path, encoding: Encoding) -> Result<String> {
    decode(path, &read_file(path)?, encoding)
}

/// The largest input file read: 64 MiB, over thirty times the largest publisher's file used
/// today (UNDP's HDR components, 1.8 MB), so that a wrong path (a device, a disk image) fails
/// at once instead of filling the memory.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Reads `path` as bytes (at most [`MAX_FILE_BYTES`]).
///
/// # Errors
/// [`Error::Read`] naming the file; [`Error::TooLarge`] for a larger one.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    read_bounded(path, MAX_FILE_BYTES, "publisher's file")
}

/// Reads `path` as bytes, failing at once if it holds more than `limit` (so that a device such
/// as `/dev/zero` or `/dev/stdin` cannot fill the memory); `what` names the kind of file in the
/// error.
///
/// # Errors
/// [`Error::Read`] naming the file; [`Error::TooLarge`] naming it and the limit.
pub fn read_bounded(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let cannot = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(cannot)?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            limit,
            what,
        });
    }
    Ok(bytes)
}

/// Decodes `bytes` read from `path` (see [`read_text`]).
///
/// # Errors
/// [`Error::Encoding`] for bytes that are not valid in `encoding` (for UTF-16, an odd number of
/// bytes or an unpaired surrogate, named by its line).
pub fn decode(path: &Path, bytes: &[u8], encoding: Encoding) -> Result<String> {
    match encoding {
        Encoding::Latin1 => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(text.into_owned())
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let enc = if encoding == Encoding::Utf16Le {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            let body = match encoding_rs::Encoding::for_bom(bytes) {
                Some((e, len)) if e == enc => bytes.get(len..).unwrap_or_default(),
                _ => bytes,
            };
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            if had_errors {
                // The first replacement character marks the first invalid sequence.
                let before = text.split('\u{FFFD}').next().unwrap_or_default();
                let line = before.matches('\n').count() as u64 + 1;
                let byte = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Err(Error::Encoding {
                    at: At::new(path, line),
                    encoding: encoding.name(),
                    byte,
                });
            }
            Ok(text.into_owned())
        }
        Encoding::Utf8 => {
            let body = match encoding_rs::Encoding::for_bom(bytes) {
                Some((enc, len)) if enc == encoding_rs::UTF_8 => &bytes[len..],
                Some((enc, _)) => {
                    return Err(Error::Encoding {
                        at: At::new(path, 1),
                        encoding: "UTF-8",
                        byte: usize::from(enc == encoding_rs::UTF_16BE) + 1,
                    })
                }
                None => bytes,
            };
            match std::str::from_utf8(body) {
                Ok(text) => Ok(text.to_string()),
                Err(e) => {
                    let before = &body[..e.valid_up_to()];
                    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
                    let line_start = before
                        .iter()
                        .rposition(|b| *b == b'\n')
                        .map_or(0, |p| p + 1);
                    Err(Error::Encoding {
                        at: At::new(path, line),
                        encoding: "UTF-8",
                        byte: e.valid_up_to() - line_start + 1,
                    })
                }
            }
        }
    }
}

/// One CSV record and the line it starts on.
#[derive(Debug, Clone)]
pub struct Record {
    /// 1-based line number in the file.
    pub line: u64,
    /// The fields, as written (not trimmed).
    pub fields: csv::StringRecord,
}

impl Record {
    /// Field `i` (0-based), or "" when the row is shorter.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).unwrap_or("")
    }

    /// Whether every field is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// A decoded file: its first record as the header, the rest as data.
pub struct Sheet {
    /// The header (first record).
    pub header: Header,
    /// The data records after it.
    pub rows: Vec<Record>,
}

/// Decodes `bytes`, splits them into records and takes the first as the header.
///
/// # Errors
/// As [`decode`] and [`records`]; an empty file.
pub fn sheet(path: &Path, bytes: &[u8], encoding: Encoding, delimiter: u8) -> Result<Sheet> {
    let text = decode(path, bytes, encoding)?;
    let mut recs = records(path, &text, delimiter)?.into_iter();
    let head = recs
        .next()
        .ok_or_else(|| Error::format(path, 1, "the file is empty"))?;
    Ok(Sheet {
        header: Header::new(path, &head),
        rows: recs.collect(),
    })
}

/// Splits `text` (read from `file`) into records with `delimiter`. Blank lines are skipped (the
/// csv crate's rule); rows may have different lengths (each reader checks what it needs).
///
/// Line numbers are counted here from each record's byte offset: the csv crate's own line
/// count puts a record that follows blank lines on the first blank line.
///
/// # Errors
/// [`Error::Csv`] with the line of a record the csv crate cannot split.
pub fn records(file: &Path, text: &str, delimiter: u8) -> Result<Vec<Record>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    let mut out = Vec::new();
    for rec in reader.records() {
        let fields = rec.map_err(|e| Error::Csv {
            at: At::new(file, e.position().map_or(0, |p| lines.line_at(p.byte()))),
            message: e.to_string(),
        })?;
        let line = fields.position().map_or(0, |p| lines.line_at(p.byte()));
        out.push(Record { line, fields });
    }
    Ok(out)
}

/// Turns byte offsets (ascending) into 1-based line numbers, skipping the line breaks at the
/// offset (where a record's blank lines begin).
struct LineCounter<'t> {
    bytes: &'t [u8],
    counted_to: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            counted_to: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        if let Some(between) = self.bytes.get(self.counted_to..start) {
            self.line += between.iter().filter(|b| **b == b'\n').count() as u64;
            self.counted_to = start;
        }
        self.line
    }
}

/// A header row: column names trimmed of stray spaces, with the line they are on.
#[derive(Debug, Clone)]
pub struct Header {
    file: PathBuf,
    line: u64,
    names: Vec<String>,
}

impl Header {
    /// The header held in `record` of `file`.
    pub fn new(file: &Path, record: &Record) -> Self {
        Header {
            file: file.to_path_buf(),
            line: record.line,
            names: record.fields.iter().map(|f| f.trim().to_string()).collect(),
        }
    }

    /// The trimmed column names.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The line the header is on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Name of column `i` (0-based), "" past the end.
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// Position of the column named `name` (compared after trimming).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name.trim())
    }

    /// Position of the column named `name`.
    ///
    /// # Errors
    /// [`Error::Format`] on the header line, listing the columns there are.
    pub fn require(&self, name: &str) -> Result<usize> {
        self.find(name).ok_or_else(|| {
            Error::format(
                &self.file,
                self.line,
                format!(
                    "no column `{name}` in the header (columns: {})",
                    self.names
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })
    }

    /// Checks that the header starts with `expected` (trimmed names, in order).
    ///
    /// # Errors
    /// [`Error::Format`] naming the first column that differs.
    pub fn expect_start(&self, expected: &[&str]) -> Result<()> {
        for (i, want) in expected.iter().enumerate() {
            let got = self.name(i);
            if got != *want {
                return Err(Error::format(
                    &self.file,
                    self.line,
                    format!("column {} should be `{want}`, found `{got}`", i + 1),
                ));
            }
        }
        Ok(())
    }
}

/// How numbers are written in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    /// `,` is the decimal separator (and `.` is not allowed).
    pub decimal_comma: bool,
    /// Cell texts (after trimming) that mean "missing"; "" always does.
    pub missing: &'static [&'static str],
}

impl NumberStyle {
    /// Decimal point, empty cell = missing.
    pub const PLAIN: NumberStyle = NumberStyle {
        decimal_comma: false,
        missing: &[],
    };
}

/// Parses a cell: `Ok(None)` for a missing value, `Err(())` for text that is not a finite
/// number in `style` (`NaN`, `inf`, `1.234,5` in a decimal-comma file, …).
#[allow(clippy::result_unit_err)]
pub fn parse_number(text: &str, style: NumberStyle) -> std::result::Result<Option<f64>, ()> {
    let t = text.trim();
    if t.is_empty() || style.missing.contains(&t) {
        return Ok(None);
    }
    let owned;
    let t = if style.decimal_comma {
        if t.contains('.') {
            return Err(());
        }
        owned = t.replace(',', ".");
        owned.as_str()
    } else {
        t
    };
    // Rust accepts "inf", "NaN" and "infinity"; publishers' files must hold finite numbers.
    if !t
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
    {
        return Err(());
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

/// Parses cell `column` (0-based) of `record` as a number.
///
/// # Errors
/// [`Error::BadNumber`] naming the file, line, 1-based column, its header and the text.
pub fn number(
    file: &Path,
    header: &Header,
    record: &Record,
    column: usize,
    style: NumberStyle,
) -> Result<Option<f64>> {
    let text = record.get(column);
    parse_number(text, style).map_err(|()| Error::BadNumber {
        at: At::new(file, record.line),
        column: column + 1,
        header: header.name(column).to_string(),
        text: text.to_string(),
    })
}

/// Parses a year ("2019", "YR2019" is not accepted) written in a header or a cell.
pub fn parse_year(text: &str) -> Option<i32> {
    let t = text.trim();
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

/// Checks that `record` has exactly `len` fields (the header's count): a shorter row would
/// read as missing values, a longer one as shifted columns.
///
/// # Errors
/// [`Error::Format`] naming the line, the fields found and the fields needed.
pub fn expect_len(file: &Path, record: &Record, len: usize) -> Result<()> {
    if record.fields.len() != len {
        Err(Error::format(
            file,
            record.line,
            format!(
                "row has {} fields, the header has {len}",
                record.fields.len()
            ),
        ))
    } else {
        Ok(())
    }
}

/// One series of a [`Table`]: (code, year) → (value, line it was read on).
type Series = BTreeMap<(String, i32), (f64, u64)>;

/// Values read from one file, keyed by series (a column or indicator as the file names it),
/// ISO 3166 alpha-3 code and year, with what was set apart and how names were matched.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The file read.
    pub file: PathBuf,
    /// Line of the header (for errors about a missing series).
    pub header_line: u64,
    /// series → (code, year) → (value, line).
    values: BTreeMap<String, Series>,
    /// M49 countries with a row in the file (whether or not it holds values).
    pub units: BTreeSet<String>,
    /// Rows that are not M49 countries (aggregates, areas outside M49), not ranked.
    pub set_apart: Vec<SetApart>,
    /// Names matched other than exactly (one entry per distinct name, at its first line).
    pub matches: Vec<NameMatch>,
}

impl Table {
    /// An empty table for `file`.
    pub fn new(file: &Path) -> Self {
        Table {
            file: file.to_path_buf(),
            ..Table::default()
        }
    }

    /// Adds a value.
    ///
    /// # Errors
    /// [`Error::Duplicate`] if `series` already has a value for `code` in `year`.
    pub fn insert(
        &mut self,
        line: u64,
        series: &str,
        code: &str,
        year: i32,
        value: f64,
    ) -> Result<()> {
        if !self.values.contains_key(series) {
            self.values.insert(series.to_string(), Series::new());
        }
        let Some(s) = self.values.get_mut(series) else {
            return Ok(());
        };
        match s.entry((code.to_string(), year)) {
            std::collections::btree_map::Entry::Occupied(e) => Err(Error::Duplicate {
                at: At::new(&self.file, line),
                what: format!("`{series}` for `{code}` in {year}"),
                first: e.get().1,
            }),
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert((value, line));
                Ok(())
            }
        }
    }

    /// Records that a row for country `code` was read.
    pub fn add_unit(&mut self, code: &str) {
        self.units.insert(code.to_string());
    }

    /// Records how a name was resolved: a country (noting a non-exact match) or a row set
    /// apart. Returns the country's code, `None` for a row set apart.
    pub fn note(&mut self, line: u64, name: &str, resolved: Resolved) -> Option<String> {
        match resolved {
            Resolved::Country { code, kind } => {
                if let Some(kind) = kind {
                    match self.matches.iter_mut().find(|m| m.name == name) {
                        Some(m) => m.rows += 1,
                        None => self.matches.push(NameMatch {
                            file: self.file.clone(),
                            line,
                            name: name.to_string(),
                            code: code.clone(),
                            kind,
                            rows: 1,
                        }),
                    }
                }
                self.add_unit(&code);
                Some(code)
            }
            Resolved::SetApart { reason } => {
                self.set_apart(line, "", name, reason);
                None
            }
        }
    }

    /// Records a row set apart (once per code or name).
    pub fn set_apart(&mut self, line: u64, code: &str, name: &str, reason: &str) {
        if !self
            .set_apart
            .iter()
            .any(|s| s.code == code && s.name == name)
        {
            self.set_apart.push(SetApart {
                file: self.file.clone(),
                line,
                code: code.to_string(),
                name: name.to_string(),
                reason: reason.to_string(),
            });
        }
    }

    /// A code-keyed row: an M49 country (returned) or a row set apart. `aggregate` says whether
    /// a code outside M49 is one of the file's aggregates (regions, income groups…) or an area
    /// M49 does not list (e.g. Kosovo, the Channel Islands, Taiwan).
    ///
    /// # Errors
    /// [`Error::Format`] for a code that is not three capital letters (or, with
    /// `aggregate_prefix`, a code starting with it).
    pub fn classify_code(
        &mut self,
        countries: &Countries,
        line: u64,
        code: &str,
        name: &str,
        aggregate_prefix: Option<&str>,
    ) -> Result<Option<String>> {
        let code = code.trim();
        if let Some(c) = countries.get(code) {
            let code = c.code.clone();
            self.add_unit(&code);
            return Ok(Some(code));
        }
        if let Some(prefix) = aggregate_prefix.filter(|p| code.starts_with(p)) {
            let reason = format!("aggregate (code starts with {prefix})");
            self.set_apart(line, code, name, &reason);
            return Ok(None);
        }
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Error::format(
                &self.file,
                line,
                format!("`{code}` (for `{name}`) is not an ISO 3166 alpha-3 code"),
            ));
        }
        let reason = if crate::countries::NON_M49_ECONOMIES
            .iter()
            .any(|(c, _)| *c == code)
        {
            "economy not listed in UN M49"
        } else {
            "aggregate (code not in UN M49)"
        };
        self.set_apart(line, code, name, reason);
        Ok(None)
    }

    /// The series read, in name order.
    pub fn series_names(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }

    /// Whether `series` was read.
    pub fn has_series(&self, series: &str) -> bool {
        self.values.contains_key(series)
    }

    /// The values of `series`: `(code, year, value)`, by code then year.
    pub fn series(&self, series: &str) -> impl Iterator<Item = (&str, i32, f64)> {
        self.values
            .get(series)
            .into_iter()
            .flat_map(|m| m.iter().map(|((c, y), (v, _))| (c.as_str(), *y, *v)))
    }

    /// The value of `series` for `code` in `year`.
    pub fn get(&self, series: &str, code: &str, year: i32) -> Option<f64> {
        self.values
            .get(series)?
            .get(&(code.to_string(), year))
            .map(|(v, _)| *v)
    }

    /// Every year with at least one value, ascending.
    pub fn years(&self) -> BTreeSet<i32> {
        self.values
            .values()
            .flat_map(|m| m.keys().map(|(_, y)| *y))
            .collect()
    }

    /// Checks that `series` was read.
    ///
    /// # Errors
    /// [`Error::Format`] on the header line naming the missing column.
    pub fn require_series(&self, series: &str) -> Result<()> {
        if self.has_series(series) {
            Ok(())
        } else {
            Err(Error::format(
                &self.file,
                self.header_line,
                format!("no values for `{series}` (is the column missing or empty?)"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_by_name_without_reading_it_all() {
        let e = read_bounded(Path::new("/dev/zero"), 1 << 20, "publisher's file").unwrap_err();
        assert!(
            matches!(e, Error::TooLarge { limit, .. } if limit == 1 << 20),
            "{e}"
        );
        assert_eq!(
            e.to_string(),
            "/dev/zero is larger than 1 MiB, the most read for a publisher's file"
        );
        let dir = std::env::temp_dir().join(format!("index-data-bound-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("small.csv");
        std::fs::write(&f, "a,b\n1,2\n").unwrap();
        assert_eq!(read_bounded(&f, 8, "test file").unwrap(), b"a,b\n1,2\n");
        let e = read_bounded(&f, 7, "test file").unwrap_err().to_string();
        assert!(
            e.ends_with("is larger than 0 KiB, the most read for a test file"),
            "{e}"
        );
        let missing = read_file(&dir.join("missing.csv")).unwrap_err();
        assert!(matches!(missing, Error::Read { .. }), "{missing}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[track_caller]
    fn check(text: &str, style: NumberStyle, expected: std::result::Result<Option<f64>, ()>) {
        assert_eq!(parse_number(text, style), expected, "{text:?}");
    }

    #[test]
    fn numbers() {
        let comma = NumberStyle {
            decimal_comma: true,
            missing: &[],
        };
        let underscore = NumberStyle {
            decimal_comma: false,
            missing: &["_"],
        };
        check("", NumberStyle::PLAIN, Ok(None));
        check("  ", NumberStyle::PLAIN, Ok(None));
        check("0.25", NumberStyle::PLAIN, Ok(Some(0.25)));
        check(" -1e3 ", NumberStyle::PLAIN, Ok(Some(-1000.0)));
        check("0,25", NumberStyle::PLAIN, Err(()));
        check("NaN", NumberStyle::PLAIN, Err(()));
        check("inf", NumberStyle::PLAIN, Err(()));
        check("1..2", NumberStyle::PLAIN, Err(()));
        check("_", NumberStyle::PLAIN, Err(()));
        check("_", underscore, Ok(None));
        check("65,2", comma, Ok(Some(65.2)));
        check("1.234,5", comma, Err(()));
    }

    #[test]
    fn utf8_errors_name_line_and_byte() {
        let p = Path::new("f.csv");
        let e = decode(p, b"\xEF\xBB\xBFa,b\nc,\xFFd\n", Encoding::Utf8).unwrap_err();
        assert_eq!(
            e.to_string(),
            "f.csv:2: not valid UTF-8 text (byte 3 of the line)"
        );
        assert_eq!(decode(p, b"\xEF\xBB\xBFa", Encoding::Utf8).unwrap(), "a");
        assert_eq!(decode(p, b"C\xf4te", Encoding::Latin1).unwrap(), "Côte");
    }

    #[test]
    fn encodings_are_detected_by_mark_zero_bytes_and_validity() {
        let utf16 = |be: bool| -> Vec<u8> {
            "a,é\n"
                .encode_utf16()
                .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
                .collect()
        };
        assert_eq!(Encoding::detect(&utf16(false)), Encoding::Utf16Le);
        assert_eq!(Encoding::detect(&utf16(true)), Encoding::Utf16Be);
        assert_eq!(Encoding::detect(b"\xFF\xFEa\x00"), Encoding::Utf16Le);
        assert_eq!(Encoding::detect(b"\xEF\xBB\xBFa,\xC3\xA9"), Encoding::Utf8);
        assert_eq!(Encoding::detect(b"C\xf4te"), Encoding::Latin1);
        let p = Path::new("f.csv");
        assert_eq!(decode(p, &utf16(true), Encoding::Utf16Be).unwrap(), "a,é\n");
        let e = decode(p, b"a\x00\n\x00\x00\xD8b\x00", Encoding::Utf16Le).unwrap_err();
        assert_eq!(
            e.to_string(),
            "f.csv:2: not valid UTF-16LE text (byte 1 of the line)"
        );
    }

    #[test]
    fn records_keep_line_numbers_across_blank_lines() {
        let r = records(Path::new("f"), "a,b\n\n\"x\ny\",c\nd,e\n", b',').unwrap();
        let lines: Vec<u64> = r.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3, 5]);
        assert_eq!(r[1].get(0), "x\ny");
    }
}
