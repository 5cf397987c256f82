//! The data model: units (countries), indicators, their sources, groups, and a panel of values
//! per unit × indicator × year with missing values explicit.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::matrix::Matrix;

/// Where figures come from. Every indicator points at one; the app shows it beside every figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Short id referred to by indicators (e.g. `unctad-ftri`).
    pub id: String,
    /// Publisher (e.g. "UNCTAD").
    pub publisher: String,
    /// Title of the publication or database.
    pub title: String,
    /// Edition or release (e.g. "2023/24", "WDI 2026-04-08").
    pub edition: String,
    /// Licence or terms of use.
    pub licence: String,
    /// Where to find it.
    pub url: String,
}

/// Which way is better for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Higher values are better (the JRC's direction +1).
    #[default]
    Higher,
    /// Lower values are better (direction −1); turned round at normalisation.
    Lower,
}

impl Direction {
    /// +1 or −1, as in COINr's `Direction` column.
    pub fn sign(self) -> f64 {
        match self {
            Direction::Higher => 1.0,
            Direction::Lower => -1.0,
        }
    }
}

/// A measured variable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Short id (framework leaves and URLs use it).
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Unit of measure (e.g. "% of population", "score 0–1").
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// Id of its [`Source`].
    pub source: String,
}

/// A named set of units (LDCs, a region, an income group…). Groups of the same `family` are
/// disjoint categories of one classification (e.g. the M49 regions), which is what imputation by
/// group mean needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Id used in URLs and the CLI (e.g. `LDC`, `developed`, `region:Africa`).
    pub id: String,
    /// Label shown to people.
    pub name: String,
    /// The classification it belongs to (e.g. `un-status`, `m49-region`, `income`).
    pub family: String,
}

/// A country or area (or any other unit being ranked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// ISO 3166 alpha-3 code (or another unique code for non-country units).
    pub code: String,
    /// The publisher's name (for a country, M49's official form: "United States of
    /// America"), kept in exports and shown on hover.
    pub name: String,
    /// A common short name ("United States"), where one is known and differs from `name`;
    /// shown in the ranking, charts and profile ([`Unit::label`]). Optional in JSON, so
    /// bundles without it read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Ids of the groups it belongs to.
    #[serde(default)]
    pub groups: Vec<String>,
}

impl Unit {
    /// The name to show where room is short: the short name if there is one, else `name`.
    ///
    /// ```
    /// use index_core::dataset::Unit;
    /// let mut u = Unit { code: "USA".into(), name: "United States of America".into(), short: None, groups: vec![] };
    /// assert_eq!(u.label(), "United States of America");
    /// u.short = Some("United States".into());
    /// assert_eq!(u.label(), "United States");
    /// ```
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

/// The year each value of a [`CrossSection`] comes from, and the values themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossSection {
    /// The year asked for.
    pub year: i32,
    /// Values: one row per unit, one column per requested indicator.
    pub values: Matrix,
    /// The values carried forward: for each earlier year some came from, newest first, that year
    /// and one bit per value, set where it came from then (each column in [`words`] 64-bit
    /// words, bit `u % 64` of word `u / 64` for row `u`). Every other present value is from
    /// `year`.
    carried: Vec<(i32, Vec<u64>)>,
}

/// Words of carried-forward bits per column of `rows` values.
fn words(rows: usize) -> usize {
    rows.div_ceil(64)
}

impl CrossSection {
    /// The year the value at `(unit, col)` was observed, `None` when missing.
    pub fn origin_year(&self, unit: usize, col: usize) -> Option<i32> {
        self.values.get(unit, col)?;
        let word = col * words(self.values.rows()) + unit / 64;
        let from = |bits: &Vec<u64>| bits.get(word).is_some_and(|w| w >> (unit % 64) & 1 == 1);
        Some(
            self.carried
                .iter()
                .find(|(_, bits)| from(bits))
                .map_or(self.year, |(y, _)| *y),
        )
    }

    /// Number of values carried forward from an earlier year.
    pub fn carried_forward(&self) -> usize {
        self.carried
            .iter()
            .flat_map(|(_, bits)| bits)
            .map(|w| w.count_ones() as usize)
            .sum()
    }
}

/// A panel of values: units × indicators × years, with the metadata that gives it meaning.
///
/// Built through [`DatasetBuilder`] or deserialised; either way validated, so ids are unique and
/// every reference (indicator → source, unit → group) resolves.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "DatasetRepr", into = "DatasetRepr")]
pub struct Dataset {
    units: Vec<Unit>,
    indicators: Vec<Indicator>,
    sources: Vec<Source>,
    groups: Vec<Group>,
    years: Vec<i32>,
    /// `[indicator][year][unit]`, NaN = missing.
    values: Vec<f64>,
    unit_index: HashMap<String, usize>,
    indicator_index: HashMap<String, usize>,
}

/// The serialised form of a [`Dataset`]: values as `values[indicator][year][unit]`, `null` for
/// missing.
#[derive(Serialize, Deserialize)]
struct DatasetRepr {
    units: Vec<Unit>,
    indicators: Vec<Indicator>,
    sources: Vec<Source>,
    #[serde(default)]
    groups: Vec<Group>,
    years: Vec<i32>,
    values: Vec<Vec<Vec<Option<f64>>>>,
}

impl TryFrom<DatasetRepr> for Dataset {
    type Error = Error;
    fn try_from(r: DatasetRepr) -> Result<Self> {
        let mut b = DatasetBuilder::new(r.units, r.indicators, r.sources, r.groups, r.years)?;
        if r.values.len() != b.ds.indicators.len() {
            return Err(Error::Shape(format!(
                "{} value blocks for {} indicators",
                r.values.len(),
                b.ds.indicators.len()
            )));
        }
        // (The lengths were just checked: the `get`s for the messages always find their item.)
        let id = |b: &DatasetBuilder, i: usize| {
            b.ds.indicators
                .get(i)
                .map(|ind| ind.id.clone())
                .unwrap_or_default()
        };
        for (i, per_year) in r.values.iter().enumerate() {
            if per_year.len() != b.ds.years.len() {
                return Err(Error::Shape(format!(
                    "indicator `{}` has {} years of values, expected {}",
                    id(&b, i),
                    per_year.len(),
                    b.ds.years.len()
                )));
            }
            for (y, per_unit) in per_year.iter().enumerate() {
                if per_unit.len() != b.ds.units.len() {
                    return Err(Error::Shape(format!(
                        "indicator `{}`, year {}: {} values for {} units",
                        id(&b, i),
                        b.ds.years.get(y).copied().unwrap_or_default(),
                        per_unit.len(),
                        b.ds.units.len()
                    )));
                }
                for (u, v) in per_unit.iter().enumerate() {
                    if let Some(v) = v {
                        b.set_at(u, i, y, *v)?;
                    }
                }
            }
        }
        Ok(b.build())
    }
}

impl From<Dataset> for DatasetRepr {
    fn from(d: Dataset) -> Self {
        let (nu, ny) = (d.units.len(), d.years.len());
        let values = (0..d.indicators.len())
            .map(|i| {
                (0..ny)
                    .map(|y| {
                        (0..nu)
                            .map(|u| {
                                d.values
                                    .get((i * ny + y) * nu + u)
                                    .copied()
                                    .filter(|v| v.is_finite())
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        DatasetRepr {
            units: d.units,
            indicators: d.indicators,
            sources: d.sources,
            groups: d.groups,
            years: d.years,
            values,
        }
    }
}

impl PartialEq for Dataset {
    /// Equal metadata and equal values, a missing value equal only to a missing value.
    fn eq(&self, other: &Self) -> bool {
        self.units == other.units
            && self.indicators == other.indicators
            && self.sources == other.sources
            && self.groups == other.groups
            && self.years == other.years
            && self.values.len() == other.values.len()
            && self
                .values
                .iter()
                .zip(&other.values)
                .all(|(a, b)| a == b || (a.is_nan() && b.is_nan()))
    }
}

impl Dataset {
    /// The units, in their fixed order (row order of every matrix).
    pub fn units(&self) -> &[Unit] {
        &self.units
    }
    /// The indicators, including denominators and reference series not in any framework.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }
    /// The sources.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// The groups.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }
    /// The years held, ascending.
    pub fn years(&self) -> &[i32] {
        &self.years
    }
    /// Position of a unit by code.
    pub fn unit_position(&self, code: &str) -> Option<usize> {
        self.unit_index.get(code).copied()
    }
    /// Position of an indicator by id.
    pub fn indicator_position(&self, id: &str) -> Option<usize> {
        self.indicator_index.get(id).copied()
    }
    /// An indicator by id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_position(id)
            .and_then(|i| self.indicators.get(i))
    }
    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// A group by id; matched exactly first, then ignoring ASCII case.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.id == id)
            .or_else(|| self.groups.iter().find(|g| g.id.eq_ignore_ascii_case(id)))
    }
    /// Whether unit `u` belongs to group `group_id`.
    pub fn in_group(&self, u: usize, group_id: &str) -> bool {
        self.units
            .get(u)
            .is_some_and(|unit| unit.groups.iter().any(|g| g == group_id))
    }
    /// The group of `family` that unit `u` belongs to, if any.
    pub fn group_in_family(&self, u: usize, family: &str) -> Option<&str> {
        let unit = self.units.get(u)?;
        unit.groups.iter().map(String::as_str).find(|g| {
            self.groups
                .iter()
                .any(|grp| grp.id == *g && grp.family == family)
        })
    }

    /// One value, `None` if missing or any position is out of range.
    pub fn value(&self, unit: usize, indicator: usize, year: i32) -> Option<f64> {
        let y = self.year_position(year)?;
        self.value_at(unit, indicator, y)
    }

    fn value_at(&self, unit: usize, indicator: usize, y: usize) -> Option<f64> {
        let (nu, ny) = (self.units.len(), self.years.len());
        if unit >= nu || indicator >= self.indicators.len() || y >= ny {
            return None;
        }
        self.values
            .get((indicator * ny + y) * nu + unit)
            .copied()
            .filter(|v| v.is_finite())
    }

    /// Sets the value of unit `u`, indicator `i` at year position `y` (a finite number).
    ///
    /// # Errors
    /// [`Error::Shape`] for a position out of range, [`Error::NonFinite`].
    pub(crate) fn set_at(&mut self, u: usize, i: usize, y: usize, value: f64) -> Result<()> {
        let (Some(indicator), Some(unit), Some(&year)) =
            (self.indicators.get(i), self.units.get(u), self.years.get(y))
        else {
            return Err(Error::Shape(format!(
                "no value at unit {u}, indicator {i}, year {y}"
            )));
        };
        if !value.is_finite() {
            return Err(Error::NonFinite {
                indicator: indicator.id.clone(),
                unit: unit.code.clone(),
                year,
            });
        }
        let (nu, ny) = (self.units.len(), self.years.len());
        // u < nu, i < indicators and y < ny: within `values` (indicators × years × units).
        if let Some(slot) = self.values.get_mut((i * ny + y) * nu + u) {
            *slot = value;
        }
        Ok(())
    }

    /// Sets unit `u`'s value of indicator `i` in `year` (for what-if runs on a copy: targets).
    ///
    /// # Errors
    /// As [`Dataset::set_at`]; [`Error::UnknownYear`] for a year not held.
    pub(crate) fn set_value(&mut self, u: usize, i: usize, year: i32, value: f64) -> Result<()> {
        let Some(y) = self.year_position(year) else {
            return Err(Error::UnknownYear {
                year,
                first: self.years.first().copied().unwrap_or(year),
                last: self.years.last().copied().unwrap_or(year),
            });
        };
        self.set_at(u, i, y, value)
    }

    fn year_position(&self, year: i32) -> Option<usize> {
        self.years.binary_search(&year).ok()
    }

    /// Number of present values of `indicator` in `year` (0 when either is unknown).
    pub fn coverage(&self, indicator: usize, year: i32) -> usize {
        (0..self.units.len())
            .filter(|u| self.value(*u, indicator, year).is_some())
            .count()
    }

    /// The latest year in which at least one of `indicators` has a value.
    pub fn latest_year_with_data(&self, indicators: &[usize]) -> Option<i32> {
        self.years.iter().rev().copied().find(|y| {
            indicators
                .iter()
                .any(|i| (0..self.units.len()).any(|u| self.value(u, *i, *y).is_some()))
        })
    }

    /// The values of `indicators` (by position) in `year`, one row per unit.
    ///
    /// With `lookback = k > 0`, a missing value is replaced by the unit's latest value from the
    /// `k` previous years ("carry the latest earlier year forward"); the year each value came
    /// from is kept in the result.
    ///
    /// # Errors
    /// [`Error::UnknownYear`] if `year` is not held, [`Error::EmptyDataset`] if no year is.
    pub fn cross_section(
        &self,
        year: i32,
        indicators: &[usize],
        lookback: u32,
    ) -> Result<CrossSection> {
        self.cross_section_with(year, indicators, lookback, Vec::new(), |_, _| {})
    }

    /// [`Dataset::cross_section`], handing each column, once complete, to `each(position,
    /// values)` while it is still in cache. The values are written into `data` (cleared first),
    /// so that a caller that has a table of the right size spare can have it reused.
    pub(crate) fn cross_section_with(
        &self,
        year: i32,
        indicators: &[usize],
        lookback: u32,
        mut data: Vec<f64>,
        mut each: impl FnMut(usize, &[f64]),
    ) -> Result<CrossSection> {
        let (Some(first), Some(last)) = (self.years.first(), self.years.last()) else {
            return Err(Error::EmptyDataset);
        };
        if self.year_position(year).is_none() {
            return Err(Error::UnknownYear {
                year,
                first: *first,
                last: *last,
            });
        }
        let nu = self.units.len();
        let ny = self.years.len();
        // Year positions to look in, newest first: `year`, then up to `lookback` earlier years.
        let looks: Vec<(usize, i32)> = (0..=i64::from(lookback))
            .filter_map(|back| {
                let y = i32::try_from(i64::from(year) - back).ok()?;
                Some((self.year_position(y)?, y))
            })
            .collect();
        let Some((&(yp, _), earlier)) = looks.split_first() else {
            return Err(Error::EmptyDataset); // cannot happen: `year` is held
        };
        // A block is read only for an indicator and a year position held, so it is always
        // within `values` (indicators × years × units) and never the empty fallback.
        let block = |ind: usize, yp: usize| {
            self.values
                .get((ind * ny + yp) * nu..(ind * ny + yp + 1) * nu)
                .unwrap_or_default()
        };
        // The year's values (stored values are finite or NaN, so a plain copy), then, while the
        // column is still in cache, its gaps filled from each earlier year's block, newest first,
        // while gaps remain. The block is read through in order (reading only at the gaps would
        // miss the cache at every one), and without branches: a value is taken where the column
        // has a gap and the block a value, and noted in that year's bits.
        data.clear();
        data.reserve(nu.saturating_mul(indicators.len()));
        let wpc = words(nu);
        let mut carried: Vec<(i32, Vec<u64>)> = earlier
            .iter()
            .map(|&(_, y)| (y, vec![0; wpc.saturating_mul(indicators.len())]))
            .collect();
        for (c, &ind) in indicators.iter().enumerate() {
            let start = data.len();
            if ind >= self.indicators.len() {
                data.resize(start + nu, f64::NAN);
                each(c, data.get(start..).unwrap_or_default());
                continue;
            }
            data.extend_from_slice(block(ind, yp));
            // `start` was the length before the extend: the column just written.
            let out = data.get_mut(start..).unwrap_or_default();
            for (&(yp, _), (_, bits)) in earlier.iter().zip(&mut carried) {
                if !out.iter().any(|o| o.is_nan()) {
                    break;
                }
                let bits = bits.iter_mut().skip(c * wpc);
                for (word, (out, old)) in
                    bits.zip(out.chunks_mut(64).zip(block(ind, yp).chunks(64)))
                {
                    // (Earlier years are often sparse: a stretch without values is passed by.)
                    if !old.iter().fold(false, |any, v| any | !v.is_nan()) {
                        continue;
                    }
                    let mut taken = 0u64;
                    for (j, (o, v)) in out.iter_mut().zip(old).enumerate() {
                        let take = o.is_nan() & !v.is_nan();
                        *o = if take { *v } else { *o };
                        taken |= u64::from(take) << j;
                    }
                    *word = taken;
                }
            }
            each(c, out);
        }
        carried.retain(|(_, bits)| bits.iter().any(|w| *w != 0));
        let values = Matrix::from_columns(nu, indicators.len(), data);
        Ok(CrossSection {
            year,
            values,
            carried,
        })
    }

    /// A copy holding only `years` (those the dataset has), for smaller bundles.
    pub fn restrict_years(&self, keep: impl Fn(i32) -> bool) -> Dataset {
        let kept: Vec<usize> = self
            .years
            .iter()
            .enumerate()
            .filter(|(_, y)| keep(**y))
            .map(|(p, _)| p)
            .collect();
        let (nu, ny) = (self.units.len(), self.years.len());
        let mut values = Vec::with_capacity(self.indicators.len() * kept.len() * nu);
        for i in 0..self.indicators.len() {
            for &y in &kept {
                let start = (i * ny + y) * nu;
                // i and y are held positions: the block is within `values`.
                if let Some(block) = self.values.get(start..start + nu) {
                    values.extend_from_slice(block);
                }
            }
        }
        Dataset {
            years: kept
                .iter()
                .filter_map(|y| self.years.get(*y).copied())
                .collect(),
            values,
            ..self.clone()
        }
    }
}

/// Builds a [`Dataset`]: metadata first (validated), then values one by one.
#[derive(Debug, Clone)]
pub struct DatasetBuilder {
    ds: Dataset,
}

impl DatasetBuilder {
    /// Starts a dataset with all values missing.
    ///
    /// # Errors
    /// Duplicate unit codes, indicator, source or group ids or years; an indicator whose source
    /// or a unit whose group is unknown.
    pub fn new(
        units: Vec<Unit>,
        indicators: Vec<Indicator>,
        sources: Vec<Source>,
        groups: Vec<Group>,
        mut years: Vec<i32>,
    ) -> Result<Self> {
        let unit_index = index_by(&units, "unit", |u| &u.code)?;
        let indicator_index = index_by(&indicators, "indicator", |i| &i.id)?;
        index_by(&sources, "source", |s| &s.id)?;
        let group_index = index_by(&groups, "group", |g| &g.id)?;
        if let Some(g) = groups
            .iter()
            .find(|g| g.id.is_empty() || g.id.contains(','))
        {
            return Err(Error::Unknown {
                what: "valid group id (non-empty, without `,`)",
                id: g.id.clone(),
                by: format!("group `{}`", g.name),
            });
        }
        for ind in &indicators {
            if !sources.iter().any(|s| s.id == ind.source) {
                return Err(Error::Unknown {
                    what: "source",
                    id: ind.source.clone(),
                    by: format!("indicator `{}`", ind.id),
                });
            }
        }
        for u in &units {
            for g in &u.groups {
                if !group_index.contains_key(g) {
                    return Err(Error::Unknown {
                        what: "group",
                        id: g.clone(),
                        by: format!("unit `{}`", u.code),
                    });
                }
            }
        }
        crate::order::sort(&mut years);
        if let Some(y) = years.windows(2).find_map(|w| match w {
            [a, b] if a == b => Some(*a),
            _ => None,
        }) {
            return Err(Error::DuplicateId {
                kind: "year",
                id: y.to_string(),
            });
        }
        let len = indicators.len() * years.len() * units.len();
        Ok(DatasetBuilder {
            ds: Dataset {
                units,
                indicators,
                sources,
                groups,
                years,
                values: vec![f64::NAN; len],
                unit_index,
                indicator_index,
            },
        })
    }

    /// Sets the value of `indicator` for `unit` in `year`, all by id.
    ///
    /// # Errors
    /// Unknown unit, indicator or year; a value that is not finite.
    pub fn set(&mut self, unit: &str, indicator: &str, year: i32, value: f64) -> Result<()> {
        let u = self.ds.unit_position(unit).ok_or_else(|| Error::Unknown {
            what: "unit",
            id: unit.to_string(),
            by: format!("a value of `{indicator}`"),
        })?;
        let i = self
            .ds
            .indicator_position(indicator)
            .ok_or_else(|| Error::Unknown {
                what: "indicator",
                id: indicator.to_string(),
                by: format!("a value for `{unit}`"),
            })?;
        self.set_by_position(u, i, year, value)
    }

    /// Sets the value of the `indicator`-th indicator for the `unit`-th unit (positions in the
    /// lists given to [`DatasetBuilder::new`]) in `year`: [`DatasetBuilder::set`] without
    /// looking ids up, for builders that fill millions of values.
    ///
    /// # Errors
    /// A position out of range, an unknown year; a value that is not finite.
    pub fn set_by_position(
        &mut self,
        unit: usize,
        indicator: usize,
        year: i32,
        value: f64,
    ) -> Result<()> {
        let y = self
            .ds
            .year_position(year)
            .ok_or_else(|| Error::UnknownYear {
                year,
                first: self.ds.years.first().copied().unwrap_or(year),
                last: self.ds.years.last().copied().unwrap_or(year),
            })?;
        self.set_at(unit, indicator, y, value)
    }

    /// Sets the value at positions `u`, `i`, `y`, which callers have looked up or checked
    /// against the lengths (an [`Error::Shape`] otherwise, which therefore cannot happen).
    fn set_at(&mut self, u: usize, i: usize, y: usize, value: f64) -> Result<()> {
        self.ds.set_at(u, i, y, value)
    }

    /// The finished dataset.
    pub fn build(self) -> Dataset {
        self.ds
    }
}

fn index_by<T>(
    items: &[T],
    kind: &'static str,
    key: impl Fn(&T) -> &String,
) -> Result<HashMap<String, usize>> {
    let mut index = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if index.insert(key(item).clone(), i).is_some() {
            return Err(Error::DuplicateId {
                kind,
                id: key(item).clone(),
            });
        }
    }
    Ok(index)
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A tiny dataset for unit tests across the crate.
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;

    /// A builder of `units` and made-up indicators (`(id, direction)`, each of one made-up
    /// source) and `groups` over `years`.
    fn builder<'a>(
        units: Vec<Unit>,
        columns: impl Iterator<Item = (&'a str, Direction)>,
        groups: Vec<Group>,
        years: Vec<i32>,
    ) -> DatasetBuilder {
        DatasetBuilder::new(
            units,
            columns
                .map(|(id, direction)| Indicator {
                    id: id.to_string(),
                    name: id.to_string(),
                    unit: "u".into(),
                    direction,
                    source: "s".into(),
                })
                .collect(),
            vec![Source {
                id: "s".into(),
                publisher: "P".into(),
                title: "T".into(),
                edition: "E".into(),
                licence: "L".into(),
                url: "U".into(),
            }],
            groups,
            years,
        )
        .unwrap()
    }

    /// Builds a dataset from `(code, groups)` units and columns of values for one year (2020).
    pub fn dataset(
        units: &[(&str, &[&str])],
        columns: &[(&str, Direction, &[Option<f64>])],
    ) -> Dataset {
        let groups: Vec<Group> = {
            let mut ids: Vec<&str> = units.iter().flat_map(|(_, g)| g.iter().copied()).collect();
            crate::order::sort_dedup(&mut ids);
            ids.iter()
                .map(|id| Group {
                    id: id.to_string(),
                    name: id.to_string(),
                    family: id.split(':').next().unwrap_or(id).to_string(),
                })
                .collect()
        };
        let made = units
            .iter()
            .map(|(c, g)| Unit {
                short: None,
                code: c.to_string(),
                name: format!("Unit {c}"),
                groups: g.iter().map(|s| s.to_string()).collect(),
            })
            .collect();
        let ids = columns.iter().map(|(id, d, _)| (*id, *d));
        let mut b = builder(made, ids, groups, vec![2020]);
        for (id, _, vals) in columns {
            for (u, v) in vals.iter().enumerate() {
                if let Some(v) = v {
                    b.set(units[u].0, id, 2020, *v).unwrap();
                }
            }
        }
        b.build()
    }

    /// A column of [`panel`]: id, direction, and one slice of values (one per unit) per year.
    pub type PanelColumn<'a> = (&'a str, Direction, Vec<Vec<Option<f64>>>);

    /// Like [`dataset`] without groups, over `years`: each column holds one slice of values per
    /// year, in the order of `years`.
    pub fn panel(units: &[&str], years: &[i32], columns: &[PanelColumn<'_>]) -> Dataset {
        let made = units
            .iter()
            .map(|c| Unit {
                short: None,
                code: c.to_string(),
                name: format!("Unit {c}"),
                groups: Vec::new(),
            })
            .collect();
        let ids = columns.iter().map(|(id, d, _)| (*id, *d));
        let mut b = builder(made, ids, Vec::new(), years.to_vec());
        for (id, _, by_year) in columns {
            for (y, vals) in years.iter().zip(by_year) {
                for (u, v) in vals.iter().enumerate() {
                    if let Some(v) = v {
                        b.set(units[u], id, *y, *v).unwrap();
                    }
                }
            }
        }
        b.build()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)] // test code: an index out of range fails the test
    use super::*;

    fn meta() -> (Vec<Unit>, Vec<Indicator>, Vec<Source>) {
        let units = vec![
            Unit {
                short: None,
                code: "AAA".into(),
                name: "A".into(),
                groups: vec![],
            },
            Unit {
                short: None,
                code: "BBB".into(),
                name: "B".into(),
                groups: vec![],
            },
        ];
        let inds = vec![Indicator {
            id: "x".into(),
            name: "X".into(),
            unit: "".into(),
            direction: Direction::Higher,
            source: "s".into(),
        }];
        let src = vec![Source {
            id: "s".into(),
            publisher: "".into(),
            title: "".into(),
            edition: "".into(),
            licence: "".into(),
            url: "".into(),
        }];
        (units, inds, src)
    }

    #[test]
    fn rejects_duplicates_and_dangling_references() {
        let (mut units, inds, src) = meta();
        units.push(units[0].clone());
        let e =
            DatasetBuilder::new(units, inds.clone(), src.clone(), vec![], vec![2020]).unwrap_err();
        assert_eq!(
            e,
            Error::DuplicateId {
                kind: "unit",
                id: "AAA".into()
            }
        );

        let (mut units, _, _) = meta();
        units[1].groups.push("LDC".into());
        let e = DatasetBuilder::new(units, inds, src, vec![], vec![2020]).unwrap_err();
        assert!(matches!(e, Error::Unknown { what: "group", ref id, .. } if id == "LDC"));
    }

    #[test]
    fn non_finite_values_are_errors_naming_the_cell() {
        let (units, inds, src) = meta();
        let mut b = DatasetBuilder::new(units, inds, src, vec![], vec![2020]).unwrap();
        let e = b.set("BBB", "x", 2020, f64::NAN).unwrap_err();
        assert_eq!(
            e,
            Error::NonFinite {
                indicator: "x".into(),
                unit: "BBB".into(),
                year: 2020
            }
        );
        assert!(b.set("ZZZ", "x", 2020, 1.0).is_err());
        assert!(matches!(
            b.set("AAA", "x", 1999, 1.0),
            Err(Error::UnknownYear { .. })
        ));
    }

    #[test]
    fn setting_by_position_is_setting_by_id() {
        let (units, inds, src) = meta();
        let mut b = DatasetBuilder::new(units, inds, src, vec![], vec![2019, 2020]).unwrap();
        b.set_by_position(1, 0, 2020, 2.5).unwrap();
        assert!(matches!(
            b.set_by_position(2, 0, 2020, 1.0),
            Err(Error::Shape(_))
        ));
        assert!(matches!(
            b.set_by_position(0, 0, 2021, 1.0),
            Err(Error::UnknownYear { year: 2021, .. })
        ));
        assert!(matches!(
            b.set_by_position(0, 0, 2019, f64::INFINITY),
            Err(Error::NonFinite { .. })
        ));
        let ds = b.build();
        assert_eq!(ds.value(1, 0, 2020), Some(2.5));
        assert_eq!(ds.value(0, 0, 2020), None);
    }

    #[test]
    fn cross_section_carries_forward_within_the_window() {
        let (units, inds, src) = meta();
        let mut b = DatasetBuilder::new(units, inds, src, vec![], vec![2018, 2019, 2020]).unwrap();
        b.set("AAA", "x", 2020, 1.0).unwrap();
        b.set("BBB", "x", 2018, 2.0).unwrap();
        let d = b.build();
        let none = d.cross_section(2020, &[0], 0).unwrap();
        assert_eq!(none.values.get(1, 0), None);
        let one = d.cross_section(2020, &[0], 1).unwrap();
        assert_eq!(
            one.values.get(1, 0),
            None,
            "2018 is outside a one-year window"
        );
        let two = d.cross_section(2020, &[0], 2).unwrap();
        assert_eq!(two.values.get(1, 0), Some(2.0));
        assert_eq!(two.origin_year(1, 0), Some(2018));
        assert_eq!(two.origin_year(0, 0), Some(2020));
        assert_eq!(two.carried_forward(), 1);
        assert!(matches!(
            d.cross_section(2021, &[0], 0),
            Err(Error::UnknownYear { .. })
        ));
    }

    #[test]
    fn json_round_trip_keeps_missing_values() {
        let (units, inds, src) = meta();
        let mut b = DatasetBuilder::new(units, inds, src, vec![], vec![2020]).unwrap();
        b.set("BBB", "x", 2020, 3.5).unwrap();
        let d = b.build();
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains("[null,3.5]"), "{json}");
        let back: Dataset = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn json_with_wrong_shape_is_a_clear_error() {
        let json = r#"{"units":[{"code":"A","name":"A"}],"indicators":[],"sources":[],"years":[2020],"values":[[[1.0]]]}"#;
        let e = serde_json::from_str::<Dataset>(json)
            .unwrap_err()
            .to_string();
        assert!(e.contains("1 value blocks for 0 indicators"), "{e}");
    }
}
