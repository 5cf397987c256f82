//! World Bank *World Development Indicators* bulk CSV (`worldbank/<CODE>.csv`), one indicator per
//! file: UTF-8 with a byte-order mark; four preamble lines (`"Data Source"`, a blank line,
//! `"Last Updated Date"`, a blank line); then the header `Country Name, Country Code,
//! Indicator Name, Indicator Code, 1960, …` (each line ending in a stray comma, so an empty last
//! column); an empty cell is a missing value. Aggregates (`WLD`, `LDC`, regions, income groups)
//! are rows like the countries: any code not in M49 is set apart.

use std::path::Path;

use super::{decode, number, read_file, records, Encoding, Header, NumberStyle, Table};
use crate::countries::Countries;
use crate::error::{Error, Result};

/// One WDI indicator file.
#[derive(Debug, Clone)]
pub struct WdiFile {
    /// Values under the series named by the indicator code (e.g. `IT.NET.USER.ZS`).
    pub table: Table,
    /// The indicator code, as in the rows.
    pub code: String,
    /// The indicator name (e.g. "Individuals using the Internet (% of population)").
    pub name: String,
    /// The "Data Source" line (normally "World Development Indicators").
    pub data_source: String,
    /// The "Last Updated Date" line, kept for the source's edition (e.g. "2026-04-08").
    pub last_updated: String,
}

/// Reads one WDI bulk-download file.
///
/// # Errors
/// Unreadable or non-UTF-8 file; a missing or misplaced preamble line; a header that does not
/// start `Country Name, Country Code, Indicator Name, Indicator Code` or has a column that is
/// not a year; rows naming another indicator; a malformed number (file, line, column, text);
/// a code that is not ISO3-shaped.
pub fn read(path: &Path, countries: &Countries) -> Result<WdiFile> {
    let bytes = read_file(path)?;
    read_bytes(path, &bytes, countries)
}

/// [`read`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read`].
pub fn read_bytes(path: &Path, bytes: &[u8], countries: &Countries) -> Result<WdiFile> {
    let text = decode(path, bytes, Encoding::Utf8)?;
    let recs = records(path, &text, b',')?;
    let mut it = recs.iter();
    let mut preamble = |key: &str| {
        let r = it.next().ok_or_else(|| {
            Error::format(path, 1, format!("the preamble line `\"{key}\"` is missing"))
        })?;
        if r.get(0).trim() != key {
            return Err(Error::format(
                path,
                r.line,
                format!(
                    "expected the preamble line `\"{key}\",…`, found `{}`",
                    r.get(0)
                ),
            ));
        }
        Ok(r.get(1).trim().to_string())
    };
    let data_source = preamble("Data Source")?;
    let last_updated = preamble("Last Updated Date")?;
    let head = it
        .next()
        .ok_or_else(|| Error::format(path, 5, "the header line is missing"))?;
    let header = Header::new(path, head);
    header.expect_start(&[
        "Country Name",
        "Country Code",
        "Indicator Name",
        "Indicator Code",
    ])?;
    // Year columns; the stray empty column after the last year is allowed.
    let mut years = Vec::new();
    for (i, name) in header.names().iter().enumerate().skip(4) {
        match super::parse_year(name) {
            Some(y) => years.push((i, y)),
            None if name.is_empty() && i + 1 == header.names().len() => {}
            None => {
                return Err(Error::format(
                    path,
                    header.line(),
                    format!("column {} header `{name}` is not a year", i + 1),
                ))
            }
        }
    }

    let mut table = Table::new(path);
    table.header_line = header.line();
    let mut code_name: Option<(String, String)> = None;
    let last_col = header.names().len().saturating_sub(1);
    for r in it.filter(|r| !r.is_blank()) {
        super::expect_len(path, r, header.names().len())?;
        let (ind_name, ind_code) = (r.get(2).trim(), r.get(3).trim());
        match &code_name {
            None => code_name = Some((ind_code.to_string(), ind_name.to_string())),
            Some((c, _)) if c != ind_code => {
                return Err(Error::format(
                    path,
                    r.line,
                    format!(
                        "column 4 (`Indicator Code`): `{ind_code}`, but the file is `{c}` (one \
                         indicator per file)"
                    ),
                ))
            }
            Some(_) => {}
        }
        let Some(code) = table.classify_code(countries, r.line, r.get(1), r.get(0), None)? else {
            continue;
        };
        for &(col, year) in &years {
            if let Some(v) = number(path, &header, r, col, NumberStyle::PLAIN)? {
                table.insert(r.line, ind_code, &code, year, v)?;
            }
        }
        // The stray last column (no header) must stay empty.
        if let Some((&(last, _), extra)) = years.last().zip(r.fields.get(last_col)) {
            if last != last_col && !extra.trim().is_empty() {
                return Err(Error::format(
                    path,
                    r.line,
                    format!("column {} has no header but holds `{extra}`", last_col + 1),
                ));
            }
        }
    }
    let (code, name) = code_name
        .ok_or_else(|| Error::format(path, header.line(), "no data rows after the header"))?;
    Ok(WdiFile {
        table,
        code,
        name,
        data_source,
        last_updated,
    })
}
