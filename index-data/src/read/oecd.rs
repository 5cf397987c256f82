//! OECD.Stat exports (`oecd/bli_2015.csv`, the Better Life Index 2015): long, UTF-8 with a
//! byte-order mark, one row per country, indicator and breakdown — `LOCATION` (ISO3, or `OECD`
//! for the OECD total, set apart), `INDICATOR` (a code such as `HO_BASE`), `INEQUALITY` (`TOT`
//! is the whole population, the value the BLI uses; `MN`, `WMN`, `HGH`, `LW` are breakdowns by
//! sex and income, not read), `Value`. Series are named by the indicator code; the file holds
//! one edition, filed under the year the caller gives.

use std::path::Path;

use super::{expect_len, number, read_file, sheet, Encoding, NumberStyle, Sheet, Table};
use crate::countries::Countries;
use crate::error::{Error, Result};

/// The breakdown the BLI uses: the whole population.
pub const TOTAL: &str = "TOT";

/// Reads the whole-population values of an OECD.Stat long export, filed under `year`.
///
/// # Errors
/// Unreadable file; a missing column; a location code that is neither ISO3 nor `OECD…`; an
/// empty indicator code; a malformed number; a value given twice.
pub fn read_long(path: &Path, countries: &Countries, year: i32) -> Result<Table> {
    let bytes = read_file(path)?;
    read_long_bytes(path, &bytes, countries, year)
}

/// [`read_long`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_long`].
pub fn read_long_bytes(
    path: &Path,
    bytes: &[u8],
    countries: &Countries,
    year: i32,
) -> Result<Table> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let loc = header.require("LOCATION")?;
    let name = header.require("Country")?;
    let ind = header.require("INDICATOR")?;
    let breakdown = header.require("INEQUALITY")?;
    let value = header.require("Value")?;
    let mut table = Table::new(path);
    table.header_line = header.line();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        if r.get(breakdown).trim() != TOTAL {
            continue;
        }
        let Some(code) = table.classify_code(
            countries,
            r.line,
            r.get(loc),
            r.get(name).trim(),
            Some("OECD"),
        )?
        else {
            continue;
        };
        let series = r.get(ind).trim();
        if series.is_empty() {
            return Err(Error::format(
                path,
                r.line,
                format!("column {} (`INDICATOR`) is empty", ind + 1),
            ));
        }
        if let Some(v) = number(path, &header, r, value, NumberStyle::PLAIN)? {
            table.insert(r.line, series, &code, year, v)?;
        }
    }
    Ok(table)
}
