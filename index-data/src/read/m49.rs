//! UN Statistics Division, *Standard country or area codes for statistical use (M49)*
//! (`un/m49_countries.csv`): comma-separated UTF-8, one row per country or area, with region,
//! sub-region, ISO codes, LDC/LLDC/SIDS flags written `x` (or empty), and the c.2020 column
//! "Developed / Developing Countries".

use std::collections::HashMap;
use std::path::Path;

use super::{expect_len, read_file, Encoding, Header, Record};
use super::{sheet, Sheet};
use crate::countries::{Countries, Country, Development};
use crate::error::{At, Error, Result};

/// Reads the M49 file into the country table.
///
/// # Errors
/// Unreadable file, a missing column, a flag other than `x`/empty, an unknown development
/// status, a missing or repeated ISO3 code — each naming the line.
pub fn read(path: &Path) -> Result<Countries> {
    let bytes = read_file(path)?;
    read_bytes(path, &bytes)
}

/// [`read`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read`].
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Countries> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let col = |name: &str| header.require(name);
    let region = col("Region Name")?;
    let subregion = col("Sub-region Name")?;
    let name = col("Country or Area")?;
    let m49 = col("M49 Code")?;
    let iso3 = col("ISO-alpha3 Code")?;
    let ldc = col("Least Developed Countries (LDC)")?;
    let lldc = col("Land Locked Developing Countries (LLDC)")?;
    let sids = col("Small Island Developing States (SIDS)")?;
    let development = header
        .names()
        .iter()
        .position(|n| n.starts_with("Developed / Developing Countries"))
        .ok_or_else(|| {
            Error::format(
                path,
                header.line(),
                "no column `Developed / Developing Countries` in the header",
            )
        })?;

    let mut list = Vec::with_capacity(rows.len());
    let mut seen: HashMap<String, u64> = HashMap::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let code = r.get(iso3).trim().to_string();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Error::format(
                path,
                r.line,
                format!(
                    "column {} (`ISO-alpha3 Code`): `{code}` is not an ISO3 code",
                    iso3 + 1
                ),
            ));
        }
        if let Some(first) = seen.insert(code.clone(), r.line) {
            return Err(Error::Duplicate {
                at: At::new(path, r.line),
                what: format!("ISO3 code `{code}`"),
                first,
            });
        }
        let text = |i: usize| {
            let t = r.get(i).trim();
            (!t.is_empty()).then(|| t.to_string())
        };
        list.push(Country {
            code,
            name: r.get(name).trim().to_string(),
            m49: r.get(m49).trim().to_string(),
            region: text(region),
            subregion: text(subregion),
            ldc: flag(path, &header, r, ldc)?,
            lldc: flag(path, &header, r, lldc)?,
            sids: flag(path, &header, r, sids)?,
            development: match r.get(development).trim() {
                "" => None,
                "Developed" => Some(Development::Developed),
                "Developing" => Some(Development::Developing),
                other => {
                    return Err(Error::format(
                        path,
                        r.line,
                        format!(
                            "column {} (`{}`): `{other}` is neither `Developed` nor `Developing`",
                            development + 1,
                            header.name(development)
                        ),
                    ))
                }
            },
        });
    }
    Countries::new(path, list)
}

fn flag(path: &Path, header: &Header, r: &Record, col: usize) -> Result<bool> {
    match r.get(col).trim() {
        "" => Ok(false),
        "x" | "X" => Ok(true),
        other => Err(Error::format(
            path,
            r.line,
            format!(
                "column {} (`{}`): flag `{other}` should be `x` or empty",
                col + 1,
                header.name(col)
            ),
        )),
    }
}
