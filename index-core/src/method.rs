//! The method: every methodological choice of the pipeline in one value, settable for the whole
//! index and overridable per indicator (normalisation, outlier treatment) or per level
//! (aggregation).
//!
//! Each choice is an enum with a short text form (`Display`/`FromStr`) used in URLs and on the
//! command line, e.g. `minmax`, `minmax:0:1`, `zscore:100:10`, `geometric`, `winsorise:5`.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::framework::Framework;

/// The JSON of a tagged choice (`{"type": "min_max", "low": 0, "high": 100}`) read as one flat
/// record: [`Imputation`], [`Treatment`] and [`Normalisation`] are read from it. serde's own
/// reading of internally tagged enums buffers every value first, and made the wasm 5 KB
/// (gzipped) larger. Writing is serde's, in the same shape.
#[derive(Deserialize)]
struct ChoiceRecord {
    #[serde(rename = "type")]
    kind: String,
    family: Option<String>,
    max_winsorised: Option<u32>,
    skew: Option<f64>,
    kurtosis: Option<f64>,
    mirror_negative: Option<bool>,
    low: Option<f64>,
    high: Option<f64>,
    mean: Option<f64>,
    sd: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    log: Option<bool>,
}

/// A field a variant needs, or serde's "missing field" message.
fn field<T>(value: Option<T>, name: &str) -> std::result::Result<T, String> {
    value.ok_or_else(|| format!("missing field `{name}`"))
}

/// serde's "unknown variant" message.
pub(crate) fn unknown_variant(found: &str, expected: &[&str]) -> String {
    format!(
        "unknown variant `{found}`, expected one of `{}`",
        expected.join("`, `")
    )
}

impl TryFrom<ChoiceRecord> for Imputation {
    type Error = String;
    fn try_from(t: ChoiceRecord) -> std::result::Result<Self, String> {
        Ok(match t.kind.as_str() {
            "none" => Imputation::None,
            "indicator_mean" => Imputation::IndicatorMean,
            "group_mean" => Imputation::GroupMean {
                family: field(t.family, "family")?,
            },
            other => {
                return Err(unknown_variant(
                    other,
                    &["none", "indicator_mean", "group_mean"],
                ))
            }
        })
    }
}

impl TryFrom<ChoiceRecord> for Treatment {
    type Error = String;
    fn try_from(t: ChoiceRecord) -> std::result::Result<Self, String> {
        Ok(match t.kind.as_str() {
            "none" => Treatment::None,
            "winsorise" => Treatment::Winsorise {
                max_winsorised: field(t.max_winsorised, "max_winsorised")?,
                skew: field(t.skew, "skew")?,
                kurtosis: field(t.kurtosis, "kurtosis")?,
                mirror_negative: field(t.mirror_negative, "mirror_negative")?,
            },
            other => return Err(unknown_variant(other, &["none", "winsorise"])),
        })
    }
}

impl TryFrom<ChoiceRecord> for Normalisation {
    type Error = String;
    fn try_from(t: ChoiceRecord) -> std::result::Result<Self, String> {
        let low = || field(t.low, "low");
        let high = || field(t.high, "high");
        Ok(match t.kind.as_str() {
            "none" => Normalisation::None,
            "min_max" => Normalisation::MinMax {
                low: low()?,
                high: high()?,
            },
            "z_score" => Normalisation::ZScore {
                mean: field(t.mean, "mean")?,
                sd: field(t.sd, "sd")?,
            },
            "goalposts" => Normalisation::Goalposts {
                min: field(t.min, "min")?,
                max: field(t.max, "max")?,
                log: field(t.log, "log")?,
                low: low()?,
                high: high()?,
            },
            "percentile_rank" => Normalisation::PercentileRank {
                low: low()?,
                high: high()?,
            },
            "rank" => Normalisation::Rank,
            "distance_to_best" => Normalisation::DistanceToBest {
                low: low()?,
                high: high()?,
            },
            other => {
                return Err(unknown_variant(
                    other,
                    &[
                        "none",
                        "min_max",
                        "z_score",
                        "goalposts",
                        "percentile_rank",
                        "rank",
                        "distance_to_best",
                    ],
                ))
            }
        })
    }
}

/// How missing values are filled before outlier treatment and normalisation.
///
/// Whatever is chosen, values still missing afterwards are *left out*, and aggregation
/// re-weights over the children present (COINr's `a_amean` with `na.rm`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "ChoiceRecord")]
pub enum Imputation {
    /// Leave out and re-weight over what is present.
    #[default]
    None,
    /// Replace by the indicator's mean over all units (COINr `i_mean`).
    IndicatorMean,
    /// Replace by the indicator's mean over the units of the same group in `family`
    /// (COINr `i_mean_grp` with `use_group`). A unit outside every group of the family, or a
    /// group with no value, stays missing.
    GroupMean {
        /// The group family (e.g. `EurAsia_group`, `m49-region`).
        family: String,
    },
}

/// Outlier treatment (COINr `Treat` with its default `winsorise` then `log_CT` fallback).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "ChoiceRecord")]
pub enum Treatment {
    /// Leave the data as it is.
    #[default]
    None,
    /// The GII/JRC rule; see [`crate::treat`] for the exact procedure.
    Winsorise {
        /// Stop winsorising once this many values have been replaced (COINr `winmax`, default 5).
        max_winsorised: u32,
        /// |skewness| threshold (default 2).
        skew: f64,
        /// Excess-kurtosis threshold (default 3.5).
        kurtosis: f64,
        /// Use the mirrored log transform for negatively skewed indicators.
        mirror_negative: bool,
    },
}

impl Treatment {
    /// The JRC/COINr default: winsorise up to 5 values, thresholds 2 and 3.5, plain log fallback.
    pub const DEFAULT_WINSORISE: Treatment = Treatment::Winsorise {
        max_winsorised: 5,
        skew: 2.0,
        kurtosis: 3.5,
        mirror_negative: false,
    };
}

/// How each indicator is brought onto a common scale. Lower-is-better indicators are turned
/// round first (multiplied by −1, as COINr does), except for goalposts which are read the other
/// way round.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "ChoiceRecord")]
pub enum Normalisation {
    /// Keep values as they are (for indicators that are already scores).
    None,
    /// `(x − min)/(max − min) · (high − low) + low` (COINr `n_minmax`). A constant indicator
    /// gets the middle of the range (COINr returns NaN; we never do).
    MinMax {
        /// Lower end of the target range.
        low: f64,
        /// Upper end.
        high: f64,
    },
    /// `(x − mean)/sd · sd' + mean'` with the sample standard deviation (COINr `n_zscore`).
    /// A constant indicator gets `mean'`.
    ZScore {
        /// Target mean.
        mean: f64,
        /// Target standard deviation (> 0).
        sd: f64,
    },
    /// Fixed goalposts: `(x − min)/(max − min)`, clamped to [0, 1], then onto `[low, high]`;
    /// with `log`, on `ln x` and `ln` of the posts (the HDI's income index). For a
    /// lower-is-better indicator `(max − x)/(max − min)`. Per indicator only.
    Goalposts {
        /// The worst post, in the indicator's units.
        min: f64,
        /// The best post.
        max: f64,
        /// Apply to natural logarithms (values ≤ 0 become missing).
        log: bool,
        /// Lower end of the target range.
        low: f64,
        /// Upper end.
        high: f64,
    },
    /// Percentile rank `(r − 1)/(n − 1)` with `r` the minimum rank (ties share the lowest),
    /// onto `[low, high]` (COINr `n_prank`). A single value gets `high`.
    PercentileRank {
        /// Lower end of the target range.
        low: f64,
        /// Upper end.
        high: f64,
    },
    /// The rank itself, 1 for the lowest value, ties sharing the minimum rank (COINr `n_rank`).
    Rank,
    /// Distance to the best performer, `1 − (max − x)/(max − min)` (COINr `n_dist2max`), onto
    /// `[low, high]`. On a single cross-section it orders and spaces units as min-max does.
    DistanceToBest {
        /// Lower end of the target range.
        low: f64,
        /// Upper end.
        high: f64,
    },
}

impl Default for Normalisation {
    fn default() -> Self {
        Normalisation::MinMax {
            low: 0.0,
            high: 100.0,
        }
    }
}

/// How a parent's score is formed from its children's. Weights are re-normalised over the
/// children present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// `Σ wᵢxᵢ / Σ wᵢ`.
    #[default]
    Arithmetic,
    /// `exp(Σ wᵢ ln xᵢ / Σ wᵢ)`; values below the method's `floor` are raised to it first.
    Geometric,
    /// `Σ wᵢ / Σ (wᵢ / xᵢ)`; values below the method's `floor` are raised to it first.
    Harmonic,
}

/// Per-indicator exceptions to the global choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct IndicatorMethod {
    /// Normalisation for this indicator instead of the global one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalisation: Option<Normalisation>,
    /// Outlier treatment for this indicator instead of the global one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<Treatment>,
}

/// Every methodological choice, in pipeline order.
///
/// Steps run: denominate → carry forward (when building the cross-section) → impute → screen →
/// treat → normalise → aggregate → rank, the order of COINr's `build_example_coin`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Method {
    /// Divide indicators by the denominators the framework names.
    pub denominate: bool,
    /// Carry a unit's latest value forward from up to this many earlier years (0: no).
    pub carry_forward: u32,
    /// Missing-data imputation.
    pub imputation: Imputation,
    /// Drop units whose share of available indicator values is below this (e.g. 0.9, 2/3).
    pub screen: Option<f64>,
    /// Outlier treatment.
    pub treatment: Treatment,
    /// Normalisation.
    pub normalisation: Normalisation,
    /// Aggregation at every level without its own.
    pub aggregation: Aggregation,
    /// Aggregation per level (2 = pillars of indicators, …; see [`Framework::level`]).
    pub levels: BTreeMap<u8, Aggregation>,
    /// Per-indicator exceptions, by indicator id.
    pub indicators: BTreeMap<String, IndicatorMethod>,
    /// The floor for geometric and harmonic means (> 0): smaller child scores are raised to it.
    pub floor: f64,
    /// A parent gets a score only if at least this share of its children have one (0–1; at
    /// least one child is always required).
    pub min_child_share: f64,
}

impl Default for Method {
    fn default() -> Self {
        Method {
            denominate: false,
            carry_forward: 0,
            imputation: Imputation::None,
            screen: None,
            treatment: Treatment::None,
            normalisation: Normalisation::default(),
            aggregation: Aggregation::Arithmetic,
            levels: BTreeMap::new(),
            indicators: BTreeMap::new(),
            floor: 1.0,
            min_child_share: 0.0,
        }
    }
}

impl Method {
    /// The normalisation that applies to indicator `id`.
    pub fn normalisation_for(&self, id: &str) -> Normalisation {
        self.indicators
            .get(id)
            .and_then(|m| m.normalisation)
            .unwrap_or(self.normalisation)
    }

    /// The outlier treatment that applies to indicator `id`.
    pub fn treatment_for(&self, id: &str) -> Treatment {
        self.indicators
            .get(id)
            .and_then(|m| m.treatment)
            .unwrap_or(self.treatment)
    }

    /// The aggregation that applies at `level`.
    pub fn aggregation_at(&self, level: u8) -> Aggregation {
        self.levels.get(&level).copied().unwrap_or(self.aggregation)
    }

    /// Sets the normalisation for every indicator, dropping per-indicator normalisations. When
    /// the new method has a target range, the geometric/harmonic floor becomes 1% of its span
    /// (e.g. 1 on 0–100), so that the floor stays meaningful on the new scale.
    pub fn set_normalisation_everywhere(&mut self, n: Normalisation) {
        self.normalisation = n;
        if let Normalisation::MinMax { low, high }
        | Normalisation::PercentileRank { low, high }
        | Normalisation::DistanceToBest { low, high } = n
        {
            self.floor = (0.01 * (high - low)).max(f64::MIN_POSITIVE);
        }
        for m in self.indicators.values_mut() {
            m.normalisation = None;
        }
    }

    /// Sets the aggregation at every level, dropping per-level choices.
    pub fn set_aggregation_everywhere(&mut self, a: Aggregation) {
        self.aggregation = a;
        self.levels.clear();
    }

    /// Checks every setting against the framework and dataset it will run on.
    ///
    /// # Errors
    /// [`Error::BadMethod`] naming the setting, or [`Error::Unknown`] for an indicator, level or
    /// group family that does not exist.
    pub fn validate(&self, framework: &Framework, dataset: &Dataset) -> Result<()> {
        let bad = |setting: &str, problem: String| Error::BadMethod {
            setting: setting.to_string(),
            problem,
        };
        if let Some(s) = self.screen {
            if !(s.is_finite() && s > 0.0 && s <= 1.0) {
                return Err(bad(
                    "screen",
                    format!("minimum share must be in (0, 1], got {s}"),
                ));
            }
        }
        if !(self.floor.is_finite() && self.floor > 0.0) {
            return Err(bad(
                "floor",
                format!("must be a finite number > 0, got {}", self.floor),
            ));
        }
        if !(self.min_child_share.is_finite() && (0.0..=1.0).contains(&self.min_child_share)) {
            return Err(bad(
                "min_child_share",
                format!("must be in [0, 1], got {}", self.min_child_share),
            ));
        }
        if let Imputation::GroupMean { family } = &self.imputation {
            if !dataset.groups().iter().any(|g| &g.family == family) {
                return Err(Error::Unknown {
                    what: "group family",
                    id: family.clone(),
                    by: "imputation".into(),
                });
            }
        }
        if matches!(self.normalisation, Normalisation::Goalposts { .. }) {
            return Err(bad(
                "normalisation",
                "goalposts are set per indicator, not for the whole index".into(),
            ));
        }
        check_normalisation("normalisation", &self.normalisation)?;
        check_treatment("treatment", &self.treatment)?;
        for (id, m) in &self.indicators {
            if !framework
                .leaves()
                .iter()
                .any(|l| framework.nodes()[*l].id == *id)
            {
                return Err(Error::Unknown {
                    what: "framework indicator",
                    id: id.clone(),
                    by: "a per-indicator method".into(),
                });
            }
            if let Some(n) = &m.normalisation {
                check_normalisation(&format!("indicators[{id}].normalisation"), n)?;
            }
            if let Some(t) = &m.treatment {
                check_treatment(&format!("indicators[{id}].treatment"), t)?;
            }
        }
        for level in self.levels.keys() {
            if *level < 2 || *level > framework.depth() {
                return Err(bad(
                    "levels",
                    format!(
                        "level {level} has no aggregates (levels 2–{} do)",
                        framework.depth()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// One line saying what the method is, for captions (e.g. "min-max 0–100 · arithmetic mean").
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.denominate {
            parts.push("denominated".to_string());
        }
        if self.carry_forward > 0 {
            parts.push(format!("values up to {} years old", self.carry_forward));
        }
        match &self.imputation {
            Imputation::None => {}
            Imputation::IndicatorMean => parts.push("missing values: indicator mean".into()),
            Imputation::GroupMean { family } => {
                parts.push(format!("missing values: mean of {family}"))
            }
        }
        if let Some(s) = self.screen {
            parts.push(format!("units with < {:.0}% data dropped", s * 100.0));
        }
        if let Treatment::Winsorise { max_winsorised, .. } = self.treatment {
            parts.push(format!("outliers winsorised (≤ {max_winsorised})"));
        }
        let per_ind = self
            .indicators
            .values()
            .filter(|m| m.normalisation.is_some())
            .count();
        if per_ind > 0 && per_ind == self.indicators.len() {
            parts.push("per-indicator normalisation".into());
        } else {
            parts.push(self.normalisation.label());
        }
        if self.levels.is_empty() {
            parts.push(format!("{} mean", self.aggregation.label()));
        } else {
            let mut levels: Vec<String> = self
                .levels
                .iter()
                .map(|(l, a)| format!("{} mean at level {l}", a.label()))
                .collect();
            levels.insert(0, format!("{} mean elsewhere", self.aggregation.label()));
            parts.push(levels.join(", "));
        }
        parts.join(" · ")
    }
}

fn check_range(setting: &str, low: f64, high: f64) -> Result<()> {
    if low.is_finite() && high.is_finite() && low < high {
        Ok(())
    } else {
        Err(Error::BadMethod {
            setting: setting.to_string(),
            problem: format!("range must be finite with low < high, got {low}–{high}"),
        })
    }
}

fn check_normalisation(setting: &str, n: &Normalisation) -> Result<()> {
    match *n {
        Normalisation::None | Normalisation::Rank => Ok(()),
        Normalisation::MinMax { low, high }
        | Normalisation::PercentileRank { low, high }
        | Normalisation::DistanceToBest { low, high } => check_range(setting, low, high),
        Normalisation::ZScore { mean, sd } => {
            if mean.is_finite() && sd.is_finite() && sd > 0.0 {
                Ok(())
            } else {
                Err(Error::BadMethod {
                    setting: setting.to_string(),
                    problem: format!("z-score needs a finite mean and sd > 0, got {mean}, {sd}"),
                })
            }
        }
        Normalisation::Goalposts {
            min,
            max,
            log,
            low,
            high,
        } => {
            check_range(setting, low, high)?;
            if !(min.is_finite() && max.is_finite() && min < max) || (log && min <= 0.0) {
                return Err(Error::BadMethod {
                    setting: setting.to_string(),
                    problem: format!(
                        "goalposts must be finite with min < max{}, got {min}–{max}",
                        if log { " and min > 0 (log scale)" } else { "" }
                    ),
                });
            }
            Ok(())
        }
    }
}

fn check_treatment(setting: &str, t: &Treatment) -> Result<()> {
    if let Treatment::Winsorise { skew, kurtosis, .. } = *t {
        if !(skew.is_finite() && kurtosis.is_finite() && skew > 0.0) {
            return Err(Error::BadMethod {
                setting: setting.to_string(),
                problem: format!("thresholds must be finite (skew > 0), got {skew}, {kurtosis}"),
            });
        }
    }
    Ok(())
}

impl Normalisation {
    /// A short label for captions.
    pub fn label(&self) -> String {
        match *self {
            Normalisation::None => "no normalisation".into(),
            Normalisation::MinMax { low, high } => format!("min-max {low}–{high}"),
            Normalisation::ZScore { mean, sd } => format!("z-scores (mean {mean}, sd {sd})"),
            Normalisation::Goalposts { min, max, log, .. } => {
                format!("goalposts {min}–{max}{}", if log { " (log)" } else { "" })
            }
            Normalisation::PercentileRank { low, high } => format!("percentile ranks {low}–{high}"),
            Normalisation::Rank => "ranks".into(),
            Normalisation::DistanceToBest { low, high } => {
                format!("distance to best {low}–{high}")
            }
        }
    }
}

impl Aggregation {
    /// A short label ("arithmetic", "geometric", "harmonic").
    pub fn label(&self) -> &'static str {
        match self {
            Aggregation::Arithmetic => "arithmetic",
            Aggregation::Geometric => "geometric",
            Aggregation::Harmonic => "harmonic",
        }
    }
}

// ---- text forms for URLs and the CLI -------------------------------------------------------

fn parse_err(what: &str, text: &str, expected: &str) -> Error {
    Error::Parse {
        what: what.to_string(),
        problem: format!("`{text}` is not one of {expected}"),
    }
}

fn numbers<const N: usize>(what: &str, text: &str, args: &[&str]) -> Result<[f64; N]> {
    if args.len() != N {
        return Err(Error::Parse {
            what: what.to_string(),
            problem: format!("`{text}` needs {N} numbers after the name, separated by `:`"),
        });
    }
    let mut out = [0.0; N];
    for (o, a) in out.iter_mut().zip(args) {
        *o = a
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| Error::Parse {
                what: what.to_string(),
                problem: format!("`{a}` in `{text}` is not a number"),
            })?;
    }
    Ok(out)
}

impl fmt::Display for Normalisation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let range = |f: &mut fmt::Formatter<'_>, name: &str, low: f64, high: f64| {
            if low == 0.0 && high == 100.0 {
                write!(f, "{name}")
            } else {
                write!(f, "{name}:{low}:{high}")
            }
        };
        match *self {
            Normalisation::None => write!(f, "none"),
            Normalisation::MinMax { low, high } => range(f, "minmax", low, high),
            Normalisation::ZScore { mean, sd } => {
                if mean == 0.0 && sd == 1.0 {
                    write!(f, "zscore")
                } else {
                    write!(f, "zscore:{mean}:{sd}")
                }
            }
            Normalisation::Goalposts {
                min,
                max,
                log,
                low,
                high,
            } => write!(
                f,
                "{}:{min}:{max}:{low}:{high}",
                if log { "loggoalposts" } else { "goalposts" }
            ),
            Normalisation::PercentileRank { low, high } => range(f, "prank", low, high),
            Normalisation::Rank => write!(f, "rank"),
            Normalisation::DistanceToBest { low, high } => range(f, "dist2max", low, high),
        }
    }
}

impl FromStr for Normalisation {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        const WHAT: &str = "normalisation";
        const EXPECTED: &str =
            "none, minmax[:low:high], zscore[:mean:sd], prank[:low:high], rank, dist2max[:low:high], goalposts:min:max:low:high, loggoalposts:min:max:low:high";
        let mut parts = s.split(':');
        let name = parts.next().unwrap_or_default();
        let args: Vec<&str> = parts.collect();
        let range = |args: &[&str]| -> Result<(f64, f64)> {
            if args.is_empty() {
                Ok((0.0, 100.0))
            } else {
                let [l, h] = numbers::<2>(WHAT, s, args)?;
                Ok((l, h))
            }
        };
        let n = match name.to_ascii_lowercase().as_str() {
            "none" if args.is_empty() => Normalisation::None,
            "rank" if args.is_empty() => Normalisation::Rank,
            "minmax" => {
                let (low, high) = range(&args)?;
                Normalisation::MinMax { low, high }
            }
            "prank" => {
                let (low, high) = range(&args)?;
                Normalisation::PercentileRank { low, high }
            }
            "dist2max" => {
                let (low, high) = range(&args)?;
                Normalisation::DistanceToBest { low, high }
            }
            "zscore" => {
                if args.is_empty() {
                    Normalisation::ZScore { mean: 0.0, sd: 1.0 }
                } else {
                    let [mean, sd] = numbers::<2>(WHAT, s, &args)?;
                    Normalisation::ZScore { mean, sd }
                }
            }
            g @ ("goalposts" | "loggoalposts") => {
                let [min, max, low, high] = numbers::<4>(WHAT, s, &args)?;
                Normalisation::Goalposts {
                    min,
                    max,
                    log: g == "loggoalposts",
                    low,
                    high,
                }
            }
            _ => return Err(parse_err(WHAT, s, EXPECTED)),
        };
        check_normalisation(WHAT, &n)?;
        Ok(n)
    }
}

impl fmt::Display for Aggregation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Aggregation {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "arithmetic" | "arith" => Ok(Aggregation::Arithmetic),
            "geometric" | "geom" => Ok(Aggregation::Geometric),
            "harmonic" | "harm" => Ok(Aggregation::Harmonic),
            _ => Err(parse_err(
                "aggregation",
                s,
                "arithmetic, geometric, harmonic",
            )),
        }
    }
}

impl fmt::Display for Treatment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Treatment::None => write!(f, "none"),
            Treatment::Winsorise {
                max_winsorised,
                skew,
                kurtosis,
                mirror_negative,
            } => {
                write!(f, "winsorise:{max_winsorised}")?;
                if skew != 2.0 || kurtosis != 3.5 || mirror_negative {
                    write!(f, ":{skew}:{kurtosis}")?;
                }
                if mirror_negative {
                    write!(f, ":mirror")?;
                }
                Ok(())
            }
        }
    }
}

impl FromStr for Treatment {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        const WHAT: &str = "outlier treatment";
        let mut parts = s.split(':');
        match parts
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "none" => Ok(Treatment::None),
            "winsorise" | "winsorize" | "winsor" => {
                let args: Vec<&str> = parts.collect();
                let mut t = Treatment::DEFAULT_WINSORISE;
                let Treatment::Winsorise {
                    max_winsorised,
                    skew,
                    kurtosis,
                    mirror_negative,
                } = &mut t
                else {
                    return Err(parse_err(
                        WHAT,
                        s,
                        "none, winsorise[:max[:skew:kurtosis[:mirror]]]",
                    ));
                };
                if let Some(a) = args.first() {
                    *max_winsorised = a.parse().map_err(|_| Error::Parse {
                        what: WHAT.into(),
                        problem: format!("`{a}` in `{s}` is not a whole number"),
                    })?;
                }
                if args.len() >= 3 {
                    let [sk, ku] = numbers::<2>(WHAT, s, &args[1..3])?;
                    *skew = sk;
                    *kurtosis = ku;
                }
                match args.get(3) {
                    None => {}
                    Some(&"mirror") => *mirror_negative = true,
                    Some(other) => {
                        return Err(Error::Parse {
                            what: WHAT.into(),
                            problem: format!(
                                "`{other}` in `{s}`: only `mirror` may follow the thresholds"
                            ),
                        })
                    }
                }
                if args.len() == 2 || args.len() > 4 {
                    return Err(parse_err(
                        WHAT,
                        s,
                        "none, winsorise[:max[:skew:kurtosis[:mirror]]]",
                    ));
                }
                check_treatment(WHAT, &t)?;
                Ok(t)
            }
            _ => Err(parse_err(
                WHAT,
                s,
                "none, winsorise[:max[:skew:kurtosis[:mirror]]]",
            )),
        }
    }
}

impl fmt::Display for Imputation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Imputation::None => write!(f, "none"),
            Imputation::IndicatorMean => write!(f, "mean"),
            Imputation::GroupMean { family } => write!(f, "groupmean:{family}"),
        }
    }
}

impl FromStr for Imputation {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.split_once(':') {
            None if s.eq_ignore_ascii_case("none") => Ok(Imputation::None),
            None if s.eq_ignore_ascii_case("mean") => Ok(Imputation::IndicatorMean),
            Some((name, family))
                if name.eq_ignore_ascii_case("groupmean") && !family.is_empty() =>
            {
                Ok(Imputation::GroupMean {
                    family: family.to_string(),
                })
            }
            _ => Err(parse_err("imputation", s, "none, mean, groupmean:<family>")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `value` with serde and reads it back through [`ChoiceRecord`].
    #[track_caller]
    fn json_round_trip<T>(value: T)
    where
        T: Serialize + serde::de::DeserializeOwned + PartialEq + fmt::Debug,
    {
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value, "{json}");
    }

    #[test]
    fn tagged_choices_read_back_what_serde_writes() {
        json_round_trip(Imputation::None);
        json_round_trip(Imputation::IndicatorMean);
        json_round_trip(Imputation::GroupMean {
            family: "m49-region".into(),
        });
        json_round_trip(Treatment::None);
        json_round_trip(Treatment::DEFAULT_WINSORISE);
        json_round_trip(Treatment::Winsorise {
            max_winsorised: 3,
            skew: 1.5,
            kurtosis: 4.0,
            mirror_negative: true,
        });
        for n in [
            Normalisation::None,
            Normalisation::MinMax {
                low: 0.0,
                high: 1.0,
            },
            Normalisation::ZScore {
                mean: 100.0,
                sd: 10.0,
            },
            Normalisation::Goalposts {
                min: 100.0,
                max: 75000.0,
                log: true,
                low: 0.0,
                high: 1.0,
            },
            Normalisation::PercentileRank {
                low: 0.0,
                high: 100.0,
            },
            Normalisation::Rank,
            Normalisation::DistanceToBest {
                low: 0.0,
                high: 100.0,
            },
        ] {
            json_round_trip(n);
        }
        assert_eq!(
            serde_json::to_string(&Normalisation::MinMax {
                low: 0.0,
                high: 1.0
            })
            .unwrap(),
            r#"{"type":"min_max","low":0.0,"high":1.0}"#
        );
    }

    #[test]
    fn tagged_choices_name_what_is_wrong() {
        let e = serde_json::from_str::<Normalisation>(r#"{"type": "min_max", "low": 0}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing field `high`"), "{e}");
        let e = serde_json::from_str::<Treatment>(r#"{"type": "winsorize"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown variant `winsorize`"), "{e}");
        let e = serde_json::from_str::<Imputation>(r#"{"family": "x"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing field `type`"), "{e}");
    }

    #[track_caller]
    fn round_trip<T: FromStr<Err = Error> + fmt::Display + PartialEq + fmt::Debug>(
        text: &str,
        value: T,
    ) {
        assert_eq!(text.parse::<T>().unwrap(), value);
        assert_eq!(value.to_string(), text);
    }

    #[test]
    fn text_forms_round_trip() {
        round_trip(
            "minmax",
            Normalisation::MinMax {
                low: 0.0,
                high: 100.0,
            },
        );
        round_trip(
            "minmax:0:1",
            Normalisation::MinMax {
                low: 0.0,
                high: 1.0,
            },
        );
        round_trip(
            "zscore:100:10",
            Normalisation::ZScore {
                mean: 100.0,
                sd: 10.0,
            },
        );
        round_trip(
            "prank",
            Normalisation::PercentileRank {
                low: 0.0,
                high: 100.0,
            },
        );
        round_trip("rank", Normalisation::Rank);
        round_trip("none", Normalisation::None);
        round_trip(
            "loggoalposts:100:75000:0:1",
            Normalisation::Goalposts {
                min: 100.0,
                max: 75000.0,
                log: true,
                low: 0.0,
                high: 1.0,
            },
        );
        round_trip("geometric", Aggregation::Geometric);
        round_trip("winsorise:5", Treatment::DEFAULT_WINSORISE);
        round_trip(
            "winsorise:3:1.5:3:mirror",
            Treatment::Winsorise {
                max_winsorised: 3,
                skew: 1.5,
                kurtosis: 3.0,
                mirror_negative: true,
            },
        );
        round_trip(
            "groupmean:EurAsia_group",
            Imputation::GroupMean {
                family: "EurAsia_group".into(),
            },
        );
    }

    #[test]
    fn bad_text_names_the_setting_and_the_text() {
        let e = "minmax:5:1"
            .parse::<Normalisation>()
            .unwrap_err()
            .to_string();
        assert!(e.contains("low < high"), "{e}");
        let e = "zscore:0:x"
            .parse::<Normalisation>()
            .unwrap_err()
            .to_string();
        assert!(e.contains("`x`"), "{e}");
        let e = "median".parse::<Aggregation>().unwrap_err().to_string();
        assert!(e.contains("`median`") && e.contains("arithmetic"), "{e}");
        assert!("winsorise:two".parse::<Treatment>().is_err());
        assert!("groupmean:".parse::<Imputation>().is_err());
    }

    #[test]
    fn overrides_and_describe() {
        let mut m = Method::default();
        m.indicators.insert(
            "gni".into(),
            IndicatorMethod {
                normalisation: Some(Normalisation::Rank),
                treatment: None,
            },
        );
        m.levels.insert(3, Aggregation::Geometric);
        assert_eq!(m.normalisation_for("gni"), Normalisation::Rank);
        assert_eq!(m.normalisation_for("other"), Normalisation::default());
        assert_eq!(m.aggregation_at(3), Aggregation::Geometric);
        assert_eq!(m.aggregation_at(2), Aggregation::Arithmetic);
        assert!(
            m.describe().contains("geometric mean at level 3"),
            "{}",
            m.describe()
        );
        m.set_aggregation_everywhere(Aggregation::Harmonic);
        assert_eq!(m.aggregation_at(3), Aggregation::Harmonic);
        m.set_normalisation_everywhere(Normalisation::None);
        assert_eq!(m.normalisation_for("gni"), Normalisation::None);
    }
}
