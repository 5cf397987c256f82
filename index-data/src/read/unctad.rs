//! UNCTAD's files: UNCTADstat series in three shapes, and two tables from UNCTAD's
//! *Technology and Innovation Report* (TIR) site.
//!
//! - **Long** (`unctad/ftri_2008_2019.csv`, `unctad/pci_2008_2018.csv`): `country_code` (ISO3),
//!   `YEARS`, then one column per series; the header names carry stray spaces (`"  ICT"`),
//!   trimmed here. Series are named by their trimmed header.
//! - **Raw export** (`unctad/ftri_unctadstat_export_2008_2019.csv`): Latin-1, wide, keyed by
//!   economy *name* (e.g. `"Côte d'Ivoire"`, `"China, Hong Kong SAR"` quoted with its comma),
//!   with a multi-row header: a `"MEASURE - …"` title line, a blank line, a `CATEGORY` row and
//!   a `YEAR` row naming each column, and an `"ECONOMY"` row; `_` marks a missing value.
//!   Series are named by the trimmed category (`Overall index`, `ICT`, …).
//! - **Release** (`unctad/ftri_unctadstat_2023_release_2008_2021.csv`, UNCTADstat's own
//!   download): one row per year, economy and category — `Year, Economy` (the M49 numeric code
//!   as text, or UNCTADstat's own code, see [`crate::countries::UNCTADSTAT_CODES`]), `Economy
//!   Label, Category` (e.g. `FTRI00`), `Category Label, Index`, then footnote and
//!   missing-value columns (an empty `Index` with "Not applicable" is missing). Series are
//!   named by the category code.
//! - **TIR 2025 figure data** (`unctad/tir_2025_figure3.csv`): economy *names* (their commas,
//!   and the one in the GDP column's header, are U+201A), the FTRI 2025 score, log10 of GDP per
//!   capita (PPP) and UNCTAD's country group; missing is the text `null` ([`read_tir2025`]).
//! - **TIR 2023 table 1** (`unctad/tir_2023_table1.csv`): economy names, scores and ranks, and a
//!   column `developing` that is inverted — 1 marks a *developed* economy
//!   ([`read_tir2023_groups`]).

use std::collections::BTreeMap;
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

/// Reads UNCTADstat's long download (`Year, Economy, …, Category, …, Index`), one series per
/// category code.
///
/// # Errors
/// Unreadable file; a missing column; a year that is not a year; an economy code that is
/// neither an M49 code nor one of UNCTADstat's own (file, line, code and label); a malformed
/// number; a value given twice.
pub fn read_release(path: &Path, countries: &Countries) -> Result<Table> {
    let bytes = read_file(path)?;
    read_release_bytes(path, &bytes, countries)
}

/// [`read_release`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_release`].
pub fn read_release_bytes(path: &Path, bytes: &[u8], countries: &Countries) -> Result<Table> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let year_col = header.require("Year")?;
    let code_col = header.require("Economy")?;
    let label_col = header.require("Economy Label")?;
    let cat_col = header.require("Category")?;
    let value_col = header.require("Index")?;
    let mut table = Table::new(path);
    table.header_line = header.line();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let year = parse_year(r.get(year_col)).ok_or_else(|| {
            Error::format(
                path,
                r.line,
                format!(
                    "column {} (`Year`): `{}` is not a year",
                    year_col + 1,
                    r.get(year_col)
                ),
            )
        })?;
        let (code, label) = (r.get(code_col).trim(), r.get(label_col).trim());
        let country = countries.by_m49(code).ok_or_else(|| {
            Error::format(
                path,
                r.line,
                format!("economy code `{code}` (`{label}`) is neither an M49 code nor one of UNCTADstat's own"),
            )
        })?;
        let iso3 = country.code.clone();
        table.add_unit(&iso3);
        let category = r.get(cat_col).trim();
        if category.is_empty() {
            return Err(Error::format(path, r.line, "the category is empty"));
        }
        if let Some(v) = number(path, &header, r, value_col, NumberStyle::PLAIN)? {
            table.insert(r.line, category, &iso3, year, v)?;
        }
    }
    Ok(table)
}

/// UNCTAD's classification of an economy (TIR 2025 figure data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum UnctadGroup {
    /// "Developed countries".
    Developed,
    /// "Developing countries".
    Developing,
    /// "Least developed countries".
    LeastDeveloped,
}

impl UnctadGroup {
    /// The group a cell names, as the TIR 2025 figure data write it.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "Developed countries" => Some(UnctadGroup::Developed),
            "Developing countries" => Some(UnctadGroup::Developing),
            "Least developed countries" => Some(UnctadGroup::LeastDeveloped),
            _ => None,
        }
    }
}

/// The TIR 2025 figure data: the FTRI 2025 score and GDP per capita (PPP) as series of one
/// year, and UNCTAD's group of every economy listed.
#[derive(Debug, Clone)]
pub struct Tir2025 {
    /// Series [`TIR2025_SCORE`] and [`TIR2025_GDPPC`] (GDP per capita, PPP, in dollars:
    /// ten to the power of the file's log10), in year [`TIR2025_YEAR`].
    pub table: Table,
    /// UNCTAD's group of every M49 economy in the file, by ISO3 code.
    pub groups: BTreeMap<String, UnctadGroup>,
}

/// The series holding the FTRI 2025 score.
pub const TIR2025_SCORE: &str = "Index";
/// The series holding GDP per capita, PPP (dollars).
pub const TIR2025_GDPPC: &str = "GDP per capita, PPP";
/// The year the TIR 2025 figures are filed under: the report's edition year (the file does not
/// say which year its data are from).
pub const TIR2025_YEAR: i32 = 2025;
/// The GDP column's header as written (its comma is U+201A).
const TIR2025_GDP_HEADER: &str = "Gross domestic product per capita\u{201A} PPP";

/// Reads the TIR 2025 figure data (`unctad/tir_2025_figure3.csv`).
///
/// # Errors
/// Unreadable file; a missing column; a name that matches no country (file, line, name); an
/// unknown group; a malformed number, or a log10 GDP outside 0–7 (under $1 or over $10 million
/// a head).
pub fn read_tir2025(path: &Path, countries: &Countries) -> Result<Tir2025> {
    let bytes = read_file(path)?;
    read_tir2025_bytes(path, &bytes, countries)
}

/// [`read_tir2025`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_tir2025`].
pub fn read_tir2025_bytes(path: &Path, bytes: &[u8], countries: &Countries) -> Result<Tir2025> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let name_col = header.require("Name")?;
    let score_col = header.require(TIR2025_SCORE)?;
    let gdp_col = header.require(TIR2025_GDP_HEADER)?;
    let group_col = header.require("Group")?;
    let style = NumberStyle {
        decimal_comma: false,
        missing: &["null"],
    };
    let mut table = Table::new(path);
    table.header_line = header.line();
    let mut groups = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let name = r.get(name_col).trim();
        let resolved = countries.resolve(path, r.line, name)?;
        let Some(code) = table.note(r.line, name, resolved) else {
            continue;
        };
        let group = UnctadGroup::parse(r.get(group_col)).ok_or_else(|| {
            Error::format(
                path,
                r.line,
                format!(
                    "column {} (`Group`): `{}` is not one of UNCTAD's groups",
                    group_col + 1,
                    r.get(group_col).trim()
                ),
            )
        })?;
        groups.insert(code.clone(), group);
        if let Some(v) = number(path, &header, r, score_col, style)? {
            table.insert(r.line, TIR2025_SCORE, &code, TIR2025_YEAR, v)?;
        }
        if let Some(log) = number(path, &header, r, gdp_col, style)? {
            if !(0.0..=7.0).contains(&log) {
                return Err(Error::format(
                    path,
                    r.line,
                    format!(
                        "column {} (log10 of GDP per capita): {log} is outside 0–7",
                        gdp_col + 1
                    ),
                ));
            }
            table.insert(r.line, TIR2025_GDPPC, &code, TIR2025_YEAR, 10f64.powf(log))?;
        }
    }
    Ok(Tir2025 { table, groups })
}

/// Reads which economies TIR 2023's table 1 counts as developed (its column `developing` is
/// inverted: 1 = developed, 0 = developing), by ISO3 code; `true` = developed.
///
/// # Errors
/// Unreadable file; a missing column; a name that matches no country; a flag other than 0 or 1.
pub fn read_tir2023_groups(
    path: &Path,
    countries: &Countries,
) -> Result<(Table, BTreeMap<String, bool>)> {
    let bytes = read_file(path)?;
    read_tir2023_groups_bytes(path, &bytes, countries)
}

/// [`read_tir2023_groups`] on bytes already read (`path` names them in errors); the table holds
/// no values, only the units and the names matched.
///
/// # Errors
/// As [`read_tir2023_groups`].
pub fn read_tir2023_groups_bytes(
    path: &Path,
    bytes: &[u8],
    countries: &Countries,
) -> Result<(Table, BTreeMap<String, bool>)> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let name_col = header.require("Name")?;
    let flag_col = header.require("developing")?;
    let mut table = Table::new(path);
    table.header_line = header.line();
    let mut developed = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let name = r.get(name_col).trim();
        let resolved = countries.resolve(path, r.line, name)?;
        let Some(code) = table.note(r.line, name, resolved) else {
            continue;
        };
        let flag = match r.get(flag_col).trim() {
            "1" => true,
            "0" => false,
            other => {
                return Err(Error::format(
                    path,
                    r.line,
                    format!(
                        "column {} (`developing`, inverted): `{other}` is not 0 or 1",
                        flag_col + 1
                    ),
                ))
            }
        };
        developed.insert(code, flag);
    }
    Ok((table, developed))
}
