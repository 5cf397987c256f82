//! UNCTADstat, in two shapes.
//!
//! - **Long** (`unctad/ftri_2008_2019.csv`, `unctad/pci_2008_2018.csv`): `country_code` (ISO3),
//!   `YEARS`, then one column per series; the header names carry stray spaces (`"  ICT"`),
//!   trimmed here. Series are named by their trimmed header.
//! - **Raw export** (`unctad/ftri_unctadstat_export_2008_2019.csv`): Latin-1, wide, keyed by
//!   economy *name* (e.g. `"Côte d'Ivoire"`, `"China, Hong Kong SAR"` quoted with its comma),
//!   with a multi-row header: a `"MEASURE - …"` title line, a blank line, a `CATEGORY` row and
//!   a `YEAR` row naming each column, and an `"ECONOMY"` row; `_` marks a missing value.
//!   Series are named by the trimmed category (`Overall index`, `ICT`, …).

use std::path::Path;

use super::{
    decode, expect_len, number, parse_year, read_file, records, Encoding, Header, NumberStyle,
    Table,
};
use super::{sheet, Sheet};
use crate::countries::Countries;
use crate::error::{Error, Result};

/// Reads a long UNCTADstat file (ISO3 codes, a `YEARS` column, one column per series).
///
/// # Errors
/// Unreadable file; a header without `country_code` and `YEARS`; a year that is not a year; a
/// malformed number (file, line, column, text); a value given twice; a malformed code.
pub fn read_long(path: &Path, countries: &Countries) -> Result<Table> {
    let bytes = read_file(path)?;
    read_long_bytes(path, &bytes, countries)
}

/// [`read_long`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_long`].
pub fn read_long_bytes(path: &Path, bytes: &[u8], countries: &Countries) -> Result<Table> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let code_col = header.require("country_code")?;
    let year_col = header.require("YEARS")?;
    let series: Vec<(usize, &str)> = header
        .names()
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != code_col && *i != year_col)
        .map(|(i, n)| (i, n.as_str()))
        .collect();
    if let Some((i, _)) = series.iter().find(|(_, n)| n.is_empty()) {
        return Err(Error::format(
            path,
            header.line(),
            format!("column {} has no name", i + 1),
        ));
    }
    let mut table = Table::new(path);
    table.header_line = header.line();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let year = parse_year(r.get(year_col)).ok_or_else(|| {
            Error::format(
                path,
                r.line,
                format!(
                    "column {} (`YEARS`): `{}` is not a year",
                    year_col + 1,
                    r.get(year_col)
                ),
            )
        })?;
        let code = r.get(code_col);
        let Some(code) = table.classify_code(countries, r.line, code, code, None)? else {
            continue;
        };
        for &(col, name) in &series {
            if let Some(v) = number(path, &header, r, col, NumberStyle::PLAIN)? {
                table.insert(r.line, name, &code, year, v)?;
            }
        }
    }
    Ok(table)
}

/// Reads a raw UNCTADstat export (Latin-1, wide, economy names, CATEGORY/YEAR header rows).
///
/// # Errors
/// Unreadable file; missing `CATEGORY`, `YEAR` or `ECONOMY` rows; a year cell that is not a
/// year; a row longer or shorter than the header; an economy name that matches no country
/// (file, line, name); a malformed number (file, line, column, text).
pub fn read_export(path: &Path, countries: &Countries) -> Result<Table> {
    let bytes = read_file(path)?;
    read_export_bytes(path, &bytes, countries)
}

/// [`read_export`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_export`].
pub fn read_export_bytes(path: &Path, bytes: &[u8], countries: &Countries) -> Result<Table> {
    let text = decode(path, bytes, Encoding::Latin1)?;
    let recs = records(path, &text, b',')?;
    let find = |key: &str| {
        recs.iter()
            .position(|r| r.get(0).trim() == key)
            .ok_or_else(|| Error::format(path, 1, format!("no `{key}` row in the header rows")))
    };
    let cat_at = find("CATEGORY")?;
    let year_at = find("YEAR")?;
    let econ_at = find("ECONOMY")?;
    if !(cat_at < year_at && year_at < econ_at) {
        return Err(Error::format(
            path,
            recs[econ_at].line,
            "the header rows should be CATEGORY, YEAR, ECONOMY in this order",
        ));
    }
    let cats = Header::new(path, &recs[cat_at]);
    let years_row = &recs[year_at];
    let width = cats.names().len();
    if years_row.fields.len() != width {
        return Err(Error::format(
            path,
            years_row.line,
            format!(
                "the YEAR row has {} fields, the CATEGORY row {width}",
                years_row.fields.len()
            ),
        ));
    }
    let mut columns = Vec::with_capacity(width);
    for col in 1..width {
        let year = parse_year(years_row.get(col)).ok_or_else(|| {
            Error::format(
                path,
                years_row.line,
                format!("column {}: `{}` is not a year", col + 1, years_row.get(col)),
            )
        })?;
        if cats.name(col).is_empty() {
            return Err(Error::format(
                path,
                cats.line(),
                format!("column {} has no category", col + 1),
            ));
        }
        columns.push((col, cats.name(col), year));
    }
    let style = NumberStyle {
        decimal_comma: false,
        missing: &["_"],
    };
    let mut table = Table::new(path);
    table.header_line = cats.line();
    for r in recs[econ_at + 1..].iter().filter(|r| !r.is_blank()) {
        if r.fields.len() != width {
            return Err(Error::format(
                path,
                r.line,
                format!("row has {} fields, the header rows {width}", r.fields.len()),
            ));
        }
        let name = r.get(0).trim();
        let resolved = countries.resolve(path, r.line, name)?;
        let Some(code) = table.note(r.line, name, resolved) else {
            continue;
        };
        for &(col, cat, year) in &columns {
            if let Some(v) = number(path, &cats, r, col, style)? {
                table.insert(r.line, cat, &code, year, v)?;
            }
        }
    }
    Ok(table)
}
