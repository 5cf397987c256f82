//! UNDP Human Development Report Office, *composite indices time series*
//! (`undp/hdr_2023_24_components_1990_2022.csv`): wide, one row per country, columns `iso3`,
//! `country`, `hdicode` (the HDI group), `region`, then one column per indicator and year
//! (`le_1990 … le_2022`, `eys_…`, `mys_…`, `gnipc_…`, and many more). Rows whose `iso3` starts
//! with `ZZ` are aggregates (HDI groups, UNDP regions, World): set apart.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Serialize;

use super::{expect_len, number, parse_year, read_file, Encoding, Header, NumberStyle};
use super::{sheet, Sheet};
use super::{Record, Table};
use crate::countries::Countries;
use crate::error::{Error, Result};

/// UNDP's HDI group (`hdicode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum HdiGroup {
    /// Very high human development.
    VeryHigh,
    /// High human development.
    High,
    /// Medium human development.
    Medium,
    /// Low human development.
    Low,
}

impl HdiGroup {
    /// The label used in group ids: `Very high`, `High`, `Medium`, `Low`.
    pub fn label(self) -> &'static str {
        match self {
            HdiGroup::VeryHigh => "Very high",
            HdiGroup::High => "High",
            HdiGroup::Medium => "Medium",
            HdiGroup::Low => "Low",
        }
    }
}

impl fmt::Display for HdiGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What is read from the HDR file.
#[derive(Debug, Clone)]
pub struct HdrFile {
    /// Values under the series named by the column prefix (`le`, `eys`, …).
    pub table: Table,
    /// Each country's HDI group, where the file gives one.
    pub hdi_groups: BTreeMap<String, HdiGroup>,
}

/// Reads the columns `<prefix>_<year>` for each of `prefixes` (other columns are left unread),
/// and every country's `hdicode`.
///
/// # Errors
/// Unreadable file; no `iso3` or `hdicode` column; a requested prefix with no columns; an
/// `hdicode` other than Very High/High/Medium/Low/empty; a malformed number (file, line,
/// column, text); a code that is neither ISO3-shaped nor a `ZZ` aggregate.
pub fn read(path: &Path, countries: &Countries, prefixes: &[&str]) -> Result<HdrFile> {
    let bytes = read_file(path)?;
    read_bytes(path, &bytes, countries, prefixes)
}

/// [`read`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read`].
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    countries: &Countries,
    prefixes: &[&str],
) -> Result<HdrFile> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let iso3 = header.require("iso3")?;
    let name = header.require("country")?;
    let hdicode = header.require("hdicode")?;
    let mut columns: Vec<(usize, &str, i32)> = Vec::new();
    for (i, n) in header.names().iter().enumerate() {
        let Some((prefix, year)) = n.rsplit_once('_') else {
            continue;
        };
        if let (Some(p), Some(y)) = (prefixes.iter().find(|p| **p == prefix), parse_year(year)) {
            columns.push((i, p, y));
        }
    }
    if let Some(p) = prefixes
        .iter()
        .find(|p| !columns.iter().any(|(_, q, _)| q == *p))
    {
        return Err(Error::format(
            path,
            header.line(),
            format!("no columns `{p}_<year>` in the header"),
        ));
    }
    let mut table = Table::new(path);
    table.header_line = header.line();
    let mut hdi_groups = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let Some(code) =
            table.classify_code(countries, r.line, r.get(iso3), r.get(name), Some("ZZ"))?
        else {
            continue;
        };
        if let Some(g) = hdi_group(path, &header, r, hdicode)? {
            hdi_groups.insert(code.clone(), g);
        }
        for &(col, series, year) in &columns {
            if let Some(v) = number(path, &header, r, col, NumberStyle::PLAIN)? {
                table.insert(r.line, series, &code, year, v)?;
            }
        }
    }
    Ok(HdrFile { table, hdi_groups })
}

fn hdi_group(path: &Path, header: &Header, r: &Record, col: usize) -> Result<Option<HdiGroup>> {
    let text = r.get(col).trim();
    Ok(Some(match text.to_ascii_lowercase().as_str() {
        "" => return Ok(None),
        "very high" => HdiGroup::VeryHigh,
        "high" => HdiGroup::High,
        "medium" => HdiGroup::Medium,
        "low" => HdiGroup::Low,
        _ => {
            return Err(Error::format(
                path,
                r.line,
                format!(
                    "column {} (`{}`): `{text}` is not an HDI group (Very High, High, Medium, \
                     Low)",
                    col + 1,
                    header.name(col)
                ),
            ))
        }
    }))
}
