//! WIPO's Global Innovation Index, keyed by economy *name*, in two shapes.
//!
//! - **Editions 2011–2022** (`wipo/gii_2011_2022.csv`): semicolon-separated, **decimal comma**,
//!   UTF-8 with a byte-order mark; `Economies;Year;ID;` then the seven pillars, the score and a
//!   few income columns. Series are named by their trimmed header.
//! - **2025** (`wipo/gii_2025.csv`): comma-separated; `Country`, `GII_score_<year>` (the year
//!   comes from this header), then the seven pillars.

use std::path::Path;

use super::{expect_len, number, parse_year, read_file, Encoding, NumberStyle, Table};
use super::{sheet, Sheet};
use crate::countries::Countries;
use crate::error::{Error, Result};

/// The series name under which [`read_edition`] stores the GII score.
pub const SCORE: &str = "Global Innovation Index";

/// Reads the 2011–2022 panel (semicolons, decimal comma, BOM, names).
///
/// # Errors
/// Unreadable file; a header not starting `Economies;Year;ID`; a year that is not a year; an
/// unknown economy name (file, line, name); a malformed number — including a decimal point,
/// which this file never uses (file, line, column, text); a value given twice.
pub fn read_panel(path: &Path, countries: &Countries) -> Result<Table> {
    let bytes = read_file(path)?;
    read_panel_bytes(path, &bytes, countries)
}

/// [`read_panel`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_panel`].
pub fn read_panel_bytes(path: &Path, bytes: &[u8], countries: &Countries) -> Result<Table> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b';')?;
    header.expect_start(&["Economies", "Year", "ID"])?;
    let style = NumberStyle {
        decimal_comma: true,
        missing: &[],
    };
    let mut table = Table::new(path);
    table.header_line = header.line();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let year = parse_year(r.get(1)).ok_or_else(|| {
            Error::format(
                path,
                r.line,
                format!("column 2 (`Year`): `{}` is not a year", r.get(1)),
            )
        })?;
        let name = r.get(0).trim();
        let resolved = countries.resolve(path, r.line, name)?;
        let Some(code) = table.note(r.line, name, resolved) else {
            continue;
        };
        for col in 3..header.names().len() {
            if let Some(v) = number(path, &header, r, col, style)? {
                table.insert(r.line, header.name(col), &code, year, v)?;
            }
        }
    }
    Ok(table)
}

/// Reads one edition's file (`Country`, `GII_score_<year>`, pillars). The score is stored as
/// the series [`SCORE`], the pillars under their headers; the year is the edition's.
///
/// # Errors
/// Unreadable file; no `Country` column or no `GII_score_<year>` column; an unknown economy
/// name (file, line, name); a malformed number (file, line, column, text).
pub fn read_edition(path: &Path, countries: &Countries) -> Result<(Table, i32)> {
    let bytes = read_file(path)?;
    read_edition_bytes(path, &bytes, countries)
}

/// [`read_edition`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_edition`].
pub fn read_edition_bytes(
    path: &Path,
    bytes: &[u8],
    countries: &Countries,
) -> Result<(Table, i32)> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let name_col = header.require("Country")?;
    let (score_col, year) = header
        .names()
        .iter()
        .enumerate()
        .find_map(|(i, n)| Some((i, parse_year(n.strip_prefix("GII_score_")?)?)))
        .ok_or_else(|| {
            Error::format(
                path,
                header.line(),
                "no `GII_score_<year>` column in the header",
            )
        })?;
    let mut table = Table::new(path);
    table.header_line = header.line();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let name = r.get(name_col).trim();
        let resolved = countries.resolve(path, r.line, name)?;
        let Some(code) = table.note(r.line, name, resolved) else {
            continue;
        };
        for col in (0..header.names().len()).filter(|c| *c != name_col) {
            let series = if col == score_col {
                SCORE
            } else {
                header.name(col)
            };
            if let Some(v) = number(path, &header, r, col, NumberStyle::PLAIN)? {
                table.insert(r.line, series, &code, year, v)?;
            }
        }
    }
    Ok((table, year))
}
