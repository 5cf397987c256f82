//! The data report: what went into each bundle and how complete it is — units, indicators,
//! years, the share of unit × framework-indicator values present (overall and for the LDCs)
//! per year, the rows set apart and every name matched other than exactly. Its `Display` is
//! the text of `index data report`.

use std::fmt;
use std::path::{Path, PathBuf};

use index_core::bundle::Bundle;
use serde::Serialize;

use crate::countries::{NameMatch, SetApart};

/// Values present out of values possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Coverage {
    /// Values present.
    pub present: usize,
    /// Units × framework indicators.
    pub possible: usize,
}

impl Coverage {
    /// `present / possible` (0 when nothing is possible).
    pub fn share(&self) -> f64 {
        if self.possible == 0 {
            0.0
        } else {
            self.present as f64 / self.possible as f64
        }
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.possible == 0 {
            write!(f, "     –")
        } else {
            write!(f, "{:5.1}%", 100.0 * self.share())
        }
    }
}

/// Coverage in one year: all units and the LDCs. Values are as published for that year (no
/// carrying forward, whatever the method does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearCoverage {
    /// The year.
    pub year: i32,
    /// All units.
    pub all: Coverage,
    /// Units in the `LDC` group.
    pub ldc: Coverage,
}

/// What went into one bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Bundle id.
    pub id: String,
    /// Bundle title.
    pub title: String,
    /// Number of units (M49 countries).
    pub units: usize,
    /// Number of units in the `LDC` group.
    pub ldcs: usize,
    /// Number of framework indicators (leaves).
    pub indicators: usize,
    /// Number of dataset indicators (leaves plus denominators, references, GDP per capita).
    pub dataset_indicators: usize,
    /// First and last year held.
    pub years: (i32, i32),
    /// The default year.
    pub default_year: i32,
    /// Coverage per year, ascending.
    pub coverage: Vec<YearCoverage>,
    /// Coverage in the default year once the default method carries values forward (`None`
    /// when it does not): what the default ranking actually uses.
    pub carried_forward: Option<(u32, YearCoverage)>,
    /// Rows set apart (aggregates, areas outside M49), one per code or name.
    pub set_apart: Vec<SetApart>,
    /// Names matched other than exactly, one per file and name.
    pub matches: Vec<NameMatch>,
    /// Units in none of LDC, UNCTAD's developed and other developing economies (not in
    /// UNCTAD's TIR 2025 or 2023 lists).
    pub without_unctad_group: Vec<String>,
    /// Units without an HDI group (not in the UNDP file, or its `hdicode` empty).
    pub without_hdi_group: Vec<String>,
    /// Units without a World Bank income group.
    pub without_income_group: Vec<String>,
    /// The files read.
    pub inputs: Vec<PathBuf>,
}

impl Report {
    /// The report for `bundle`, with what the readers set apart and matched.
    pub fn new(
        bundle: &Bundle,
        set_apart: Vec<SetApart>,
        matches: Vec<NameMatch>,
        inputs: Vec<PathBuf>,
    ) -> Self {
        let ds = bundle.dataset();
        let fw = bundle.framework();
        let leaves: Vec<usize> = fw
            .leaves()
            .iter()
            .filter_map(|l| fw.node(*l).and_then(|n| ds.indicator_position(&n.id)))
            .collect();
        let ldc_units: Vec<usize> = (0..ds.units().len())
            .filter(|u| ds.in_group(*u, "LDC"))
            .collect();
        let all_units: Vec<usize> = (0..ds.units().len()).collect();
        let count = |units: &[usize], year: i32| Coverage {
            present: units
                .iter()
                .map(|u| {
                    leaves
                        .iter()
                        .filter(|i| ds.value(*u, **i, year).is_some())
                        .count()
                })
                .sum(),
            possible: units.len() * leaves.len(),
        };
        let coverage = ds
            .years()
            .iter()
            .map(|&year| YearCoverage {
                year,
                all: count(&all_units, year),
                ldc: count(&ldc_units, year),
            })
            .collect();
        let lookback = bundle.method().carry_forward();
        let carried_forward = (lookback > 0)
            .then(|| {
                ds.cross_section(bundle.default_year(), &leaves, lookback)
                    .ok()
            })
            .flatten()
            .map(|cs| {
                let count = |units: &[usize]| Coverage {
                    present: units
                        .iter()
                        .map(|u| {
                            (0..leaves.len())
                                .filter(|c| cs.values.get(*u, *c).is_some())
                                .count()
                        })
                        .sum(),
                    possible: units.len() * leaves.len(),
                };
                (
                    lookback,
                    YearCoverage {
                        year: bundle.default_year(),
                        all: count(&all_units),
                        ldc: count(&ldc_units),
                    },
                )
            });
        let without = |has: &dyn Fn(&str) -> bool| {
            ds.units()
                .iter()
                .filter(|u| !u.groups.iter().any(|g| has(g)))
                .map(|u| u.code.clone())
                .collect()
        };
        Report {
            id: bundle.id().into(),
            title: bundle.title().into(),
            units: ds.units().len(),
            ldcs: ldc_units.len(),
            indicators: leaves.len(),
            dataset_indicators: ds.indicators().len(),
            years: (
                ds.years().first().copied().unwrap_or(0),
                ds.years().last().copied().unwrap_or(0),
            ),
            default_year: bundle.default_year(),
            coverage,
            carried_forward,
            set_apart,
            matches,
            without_unctad_group: without(&|g| ["LDC", "developed", "developing"].contains(&g)),
            without_hdi_group: without(&|g| g.starts_with("hdi:")),
            without_income_group: without(&|g| g.starts_with("income:")),
            inputs,
        }
    }

    /// Coverage in the default year.
    pub fn default_coverage(&self) -> Option<&YearCoverage> {
        self.coverage.iter().find(|c| c.year == self.default_year)
    }
}

/// The last two components of a path (`unctad/ftri_2008_2019.csv`), for compact lines.
fn short(path: &Path) -> String {
    let parts: Vec<_> = path.components().rev().take(2).collect();
    parts
        .iter()
        .rev()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} — {}", self.id, self.title)?;
        writeln!(
            f,
            "  units {} (LDCs {}) · framework indicators {} (dataset {}) · years {}–{} · \
             default year {}",
            self.units,
            self.ldcs,
            self.indicators,
            self.dataset_indicators,
            self.years.0,
            self.years.1,
            self.default_year
        )?;
        if let Some(c) = self.default_coverage() {
            writeln!(
                f,
                "  coverage in {}: all {} ({}/{}) · LDCs {} ({}/{})",
                c.year,
                c.all.to_string().trim(),
                c.all.present,
                c.all.possible,
                c.ldc.to_string().trim(),
                c.ldc.present,
                c.ldc.possible
            )?;
        }
        if let Some((lookback, c)) = &self.carried_forward {
            writeln!(
                f,
                "  with values up to {lookback} years old (as the default method takes them): \
                 all {} ({}/{}) · LDCs {} ({}/{})",
                c.all.to_string().trim(),
                c.all.present,
                c.all.possible,
                c.ldc.to_string().trim(),
                c.ldc.present,
                c.ldc.possible
            )?;
        }
        writeln!(
            f,
            "  coverage by year (values as published, none carried forward):"
        )?;
        writeln!(f, "      year     all    LDCs")?;
        for c in &self.coverage {
            let mark = if c.year == self.default_year {
                " ←"
            } else {
                ""
            };
            writeln!(f, "      {}  {}  {}{mark}", c.year, c.all, c.ldc)?;
        }
        for (what, codes) in [
            ("UNCTAD group", &self.without_unctad_group),
            ("HDI group", &self.without_hdi_group),
            ("income group", &self.without_income_group),
        ] {
            if !codes.is_empty() {
                writeln!(f, "  no {what} ({}): {}", codes.len(), codes.join(", "))?;
            }
        }
        let files: Vec<String> = self.inputs.iter().map(|p| short(p)).collect();
        writeln!(f, "  read: {}", files.join(", "))?;
        if self.set_apart.is_empty() {
            writeln!(f, "  set apart: none")?;
        } else {
            writeln!(
                f,
                "  set apart (not ranked), {} rows:",
                self.set_apart.len()
            )?;
            let mut reasons: Vec<&str> = self.set_apart.iter().map(|s| s.reason.as_str()).collect();
            reasons.sort_unstable();
            reasons.dedup();
            for reason in reasons {
                let names: Vec<String> = self
                    .set_apart
                    .iter()
                    .filter(|s| s.reason == reason)
                    .map(|s| {
                        if s.code.is_empty() {
                            s.name.clone()
                        } else {
                            format!("{} {}", s.code, s.name)
                        }
                    })
                    .collect();
                writeln!(f, "    {reason} ({}): {}", names.len(), names.join("; "))?;
            }
        }
        if self.matches.is_empty() {
            writeln!(f, "  names matched other than exactly: none")?;
        } else {
            writeln!(f, "  names matched other than exactly:")?;
            for m in &self.matches {
                writeln!(
                    f,
                    "    {}:{}  {:<36} → {} ({}{})",
                    short(&m.file),
                    m.line,
                    format!("\"{}\"", m.name),
                    m.code,
                    m.kind,
                    if m.rows > 1 {
                        format!(", {} rows", m.rows)
                    } else {
                        String::new()
                    }
                )?;
            }
        }
        Ok(())
    }
}
