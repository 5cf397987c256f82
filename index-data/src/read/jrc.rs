//! European Commission JRC, the ASEM Sustainable Connectivity example of the COINr package.
//!
//! - `jrc/asem_framework.csv`: COINr's `iMeta`: `Level, iCode, iName, Direction (±1), Weight,
//!   Unit, Target, Denominator, Parent, Type` with `Type` one of `Indicator`, `Aggregate`,
//!   `Group` (a group column of the data file) or `Denominator` (a denominator column).
//! - `jrc/asem_indicators.csv`: COINr's `iData`: `uName, uCode`, the group columns, `Time`,
//!   the denominators and the indicators; an empty cell is a missing value.
//! - `jrc/world_denominators.csv`: `uName, uCode, GDP, Population, Area, GDPpc, Income_Group`
//!   for 249 economies; read here for the World Bank income group.

use std::collections::BTreeMap;
use std::path::Path;

use index_core::dataset::Direction;
use index_core::framework::{NodeKind, NodeSpec};

use super::{
    expect_len, number, parse_year, read_file, Encoding, Header, NumberStyle, Record, Table,
};
use super::{sheet, Sheet};
use crate::countries::{Countries, SetApart};
use crate::error::{At, Error, Result};

/// An indicator or denominator as the framework file describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorMeta {
    /// `iCode`.
    pub id: String,
    /// `iName`.
    pub name: String,
    /// `Unit`.
    pub unit: String,
    /// `Direction` (+1 higher is better, −1 lower).
    pub direction: Direction,
}

/// The framework file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct AsemFramework {
    /// Indicator and aggregate nodes, in file order, for
    /// [`Framework::new`](index_core::framework::Framework::new).
    pub nodes: Vec<NodeSpec>,
    /// The indicators (leaves), in file order.
    pub indicators: Vec<IndicatorMeta>,
    /// Group columns of the data file: `(iCode, iName)`.
    pub group_columns: Vec<(String, String)>,
    /// Denominators (columns of the data file).
    pub denominators: Vec<IndicatorMeta>,
    /// The line each of `nodes` was read on (same order).
    pub node_lines: Vec<u64>,
}

/// Reads the framework file.
///
/// # Errors
/// Unreadable file; a missing column; a `Type` other than the four; a direction other than
/// ±1; a malformed weight (file, line, column, text).
pub fn read_framework(path: &Path) -> Result<AsemFramework> {
    let bytes = read_file(path)?;
    read_framework_bytes(path, &bytes)
}

/// [`read_framework`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_framework`].
pub fn read_framework_bytes(path: &Path, bytes: &[u8]) -> Result<AsemFramework> {
    read_framework_sheet(path, &sheet(path, bytes, Encoding::Utf8, b',')?)
}

/// [`read_framework`] on a file already decoded and split (`path` names it in errors): for
/// callers that detected the encoding and delimiter themselves.
///
/// # Errors
/// As [`read_framework`].
pub fn read_framework_sheet(path: &Path, sheet: &Sheet) -> Result<AsemFramework> {
    let Sheet { header, rows } = sheet;
    let code = header.require("iCode")?;
    let name = header.require("iName")?;
    let direction = header.require("Direction")?;
    let weight = header.require("Weight")?;
    let unit = header.require("Unit")?;
    let denominator = header.require("Denominator")?;
    let parent = header.require("Parent")?;
    let kind = header.require("Type")?;
    let mut f = AsemFramework {
        nodes: Vec::new(),
        indicators: Vec::new(),
        group_columns: Vec::new(),
        denominators: Vec::new(),
        node_lines: Vec::new(),
    };
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let text = |i: usize| r.get(i).trim().to_string();
        let optional = |i: usize| Some(text(i)).filter(|t| !t.is_empty());
        let meta = |dir: Direction| IndicatorMeta {
            id: text(code),
            name: text(name),
            unit: text(unit),
            direction: dir,
        };
        match r.get(kind).trim() {
            t @ ("Indicator" | "Aggregate") => {
                let dir = read_direction(path, header, r, direction)?;
                let w = number(path, header, r, weight, NumberStyle::PLAIN)?.ok_or_else(|| {
                    Error::format(
                        path,
                        r.line,
                        format!("column {} (`Weight`) is empty", weight + 1),
                    )
                })?;
                let is_indicator = t == "Indicator";
                f.node_lines.push(r.line);
                f.nodes.push(NodeSpec {
                    id: text(code),
                    name: text(name),
                    parent: optional(parent),
                    weight: w,
                    kind: if is_indicator {
                        NodeKind::Indicator {
                            denominator: optional(denominator),
                        }
                    } else {
                        NodeKind::Aggregate
                    },
                });
                if is_indicator {
                    f.indicators.push(meta(dir));
                }
            }
            "Group" => f.group_columns.push((text(code), text(name))),
            "Denominator" => f.denominators.push(meta(Direction::Higher)),
            other => {
                return Err(Error::format(
                    path,
                    r.line,
                    format!(
                        "column {} (`Type`): `{other}` is not Indicator, Aggregate, Group or \
                         Denominator",
                        kind + 1
                    ),
                ))
            }
        }
    }
    Ok(f)
}

fn read_direction(path: &Path, header: &Header, r: &Record, col: usize) -> Result<Direction> {
    match number(path, header, r, col, NumberStyle::PLAIN)? {
        Some(1.0) => Ok(Direction::Higher),
        Some(-1.0) => Ok(Direction::Lower),
        _ => Err(Error::format(
            path,
            r.line,
            format!(
                "column {} (`Direction`): `{}` should be 1 or -1",
                col + 1,
                r.get(col)
            ),
        )),
    }
}

/// The data file, read.
#[derive(Debug, Clone)]
pub struct AsemData {
    /// Indicator and denominator values, under their codes.
    pub table: Table,
    /// Each unit's group values: code → `[(column, value)]`, in framework order.
    pub groups: BTreeMap<String, Vec<(String, String)>>,
}

/// Reads the data file: every indicator and denominator of `framework` must be a column.
/// Rows are keyed by `uCode`; `uName` is checked against it through the country names.
///
/// # Errors
/// Unreadable file; a framework column missing; a column the framework does not describe; a
/// `Time` that is not a year; a name that resolves to another code than the row's; a
/// malformed number (file, line, column, text).
pub fn read_indicators(
    path: &Path,
    countries: &Countries,
    framework: &AsemFramework,
) -> Result<AsemData> {
    let bytes = read_file(path)?;
    read_indicators_bytes(path, &bytes, countries, framework)
}

/// [`read_indicators`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_indicators`].
pub fn read_indicators_bytes(
    path: &Path,
    bytes: &[u8],
    countries: &Countries,
    framework: &AsemFramework,
) -> Result<AsemData> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let name_col = header.require("uName")?;
    let code_col = header.require("uCode")?;
    let time_col = header.require("Time")?;
    let group_cols: Vec<(usize, &str)> = framework
        .group_columns
        .iter()
        .map(|(id, _)| Ok((header.require(id)?, id.as_str())))
        .collect::<Result<_>>()?;
    let value_cols: Vec<(usize, &str)> = framework
        .denominators
        .iter()
        .chain(&framework.indicators)
        .map(|m| Ok((header.require(&m.id)?, m.id.as_str())))
        .collect::<Result<_>>()?;
    for (i, n) in header.names().iter().enumerate() {
        let known = [name_col, code_col, time_col].contains(&i)
            || group_cols.iter().any(|(c, _)| *c == i)
            || value_cols.iter().any(|(c, _)| *c == i);
        if !known {
            return Err(Error::format(
                path,
                header.line(),
                format!(
                    "column {} `{n}` is not described in the framework file",
                    i + 1
                ),
            ));
        }
    }
    let mut table = Table::new(path);
    table.header_line = header.line();
    let mut groups = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let year = parse_year(r.get(time_col)).ok_or_else(|| {
            Error::format(
                path,
                r.line,
                format!(
                    "column {} (`Time`): `{}` is not a year",
                    time_col + 1,
                    r.get(time_col)
                ),
            )
        })?;
        let (name, code) = (r.get(name_col).trim(), r.get(code_col).trim());
        let Some(code) = table.classify_code(countries, r.line, code, name, None)? else {
            continue;
        };
        // The name must be the same country as the code.
        let resolved = countries.resolve(path, r.line, name)?;
        if let crate::countries::Resolved::Country { code: by_name, .. } = &resolved {
            if *by_name != code {
                return Err(Error::NameCodeMismatch {
                    at: At::new(path, r.line),
                    name: name.to_string(),
                    by_name: by_name.clone(),
                    code,
                });
            }
        }
        table.note(r.line, name, resolved);
        let unit_groups: Vec<(String, String)> = group_cols
            .iter()
            .filter(|(c, _)| !r.get(*c).trim().is_empty())
            .map(|(c, id)| (id.to_string(), r.get(*c).trim().to_string()))
            .collect();
        groups.insert(code.clone(), unit_groups);
        for &(col, id) in &value_cols {
            if let Some(v) = number(path, &header, r, col, NumberStyle::PLAIN)? {
                table.insert(r.line, id, &code, year, v)?;
            }
        }
    }
    Ok(AsemData { table, groups })
}

/// World Bank income groups as compiled for COINr.
#[derive(Debug, Clone, Default)]
pub struct IncomeGroups {
    /// ISO3 code → income group (e.g. "Upper middle income").
    pub groups: BTreeMap<String, String>,
    /// Rows that are not M49 countries (e.g. Taiwan Province of China).
    pub set_apart: Vec<SetApart>,
}

/// Reads `Income_Group` by `uCode` from `jrc/world_denominators.csv`.
///
/// # Errors
/// Unreadable file; no `uCode` or `Income_Group` column; a malformed code.
pub fn read_income_groups(path: &Path, countries: &Countries) -> Result<IncomeGroups> {
    let bytes = read_file(path)?;
    read_income_groups_bytes(path, &bytes, countries)
}

/// [`read_income_groups`] on bytes already read (`path` names them in errors).
///
/// # Errors
/// As [`read_income_groups`].
pub fn read_income_groups_bytes(
    path: &Path,
    bytes: &[u8],
    countries: &Countries,
) -> Result<IncomeGroups> {
    let Sheet { header, rows } = sheet(path, bytes, Encoding::Utf8, b',')?;
    let code_col = header.require("uCode")?;
    let name_col = header.require("uName")?;
    let income = header.require("Income_Group")?;
    let mut table = Table::new(path);
    let mut groups = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        expect_len(path, r, header.names().len())?;
        let Some(code) =
            table.classify_code(countries, r.line, r.get(code_col), r.get(name_col), None)?
        else {
            continue;
        };
        let g = r.get(income).trim();
        if !g.is_empty() {
            groups.insert(code, g.to_string());
        }
    }
    Ok(IncomeGroups {
        groups,
        set_apart: table.set_apart,
    })
}
