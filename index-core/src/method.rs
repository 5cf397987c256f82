//! The method: every methodological choice of the pipeline in one value, settable for the whole
//! index and overridable per indicator (normalisation, outlier treatment) or per level
//! (aggregation).
//!
//! Each choice is an enum with a short text form (`Display`/`FromStr`) used in URLs and on the
//! command line, e.g. `minmax`, `minmax:0:1`, `zscore:100:10`, `geometric`, `winsorise:5`.
//!
//! The choices and [`MethodSpec`] are plain data, read from text and JSON as they are written
//! (numbers must be numbers); [`Method::new`] is the one place their values are checked, against
//! the bounds in [`limits`], so a file, a link and the command line obey one rule.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::error::{excerpt, short_number, Error, Result};
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

/// Over which values each indicator's normalisation takes what it reads from the data — the
/// minimum and maximum (min-max, distance to best), the mean and standard deviation (z-scores),
/// the order (percentile ranks, ranks): one year's cross-section, or every year's pooled
/// (COINr's `global = TRUE` on a panel). Goalposts and no normalisation read nothing from the
/// data, so both give the same values.
///
/// With [`NormaliseOver::AllYears`], indicator `i`'s pool `Pᵢ` is every value the year's steps
/// before normalisation (denominate, carry forward, impute, screen, treat — each still within
/// its own year) leave, in every year of the dataset in which some framework indicator has a
/// value, turned round first for a lower-is-better indicator (`x' = sign · x`); then in each
/// year, with `x'` the unit's value that year:
///
/// - min-max: `(x' − min Pᵢ)/(max Pᵢ − min Pᵢ) · (high − low) + low`;
/// - z-score: `(x' − mean Pᵢ)/sd Pᵢ · sd' + mean'` (sample standard deviation of the pool);
/// - distance to best: `low + (1 − (max Pᵢ − x')/(max Pᵢ − min Pᵢ)) · (high − low)`;
/// - percentile rank: `(r − 1)/(n − 1)` onto `[low, high]`, with `r = 1 + #{p ∈ Pᵢ : p < x'}`
///   and `n = |Pᵢ|`;
/// - rank: `r`, as above.
///
/// So a unit whose value is the same in two years gets the same normalised value in both, and
/// a score moves only when the data move. Edge cases are those of each year's: a pool of one
/// value or of equal values gives the middle of the range (min-max), the target mean (z-score),
/// the top (distance to best, and a percentile rank out of one value), the bottom (a
/// percentile rank among equal values). With one year of data the two choices give the same
/// figures to the last bit. A value carried forward counts once in each year it is carried
/// into, as it stands in each year's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NormaliseOver {
    /// Each year on its own (the default; what scenarios and links without the choice mean).
    #[default]
    EachYear,
    /// Every year of the dataset pooled, so that scores are comparable over time.
    AllYears,
}

impl NormaliseOver {
    /// Whether this is the default, [`NormaliseOver::EachYear`] (not written in JSON).
    pub fn is_each_year(&self) -> bool {
        *self == NormaliseOver::EachYear
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

/// The bounds every number of a [`Method`] must keep, checked by [`Method::new`] (and so by
/// every reader: bundle JSON, scenario files, links, the command line). They keep every step's
/// arithmetic finite and every step's cost small, whatever a file or a link says.
pub mod limits {
    /// Most years a value may be carried forward (`carry_forward`): a value older than 50 years
    /// says nothing about a country now, and each year looked back costs a pass over the data.
    pub const CARRY_FORWARD: u32 = 50;
    /// Most values winsorised per indicator (`max_winsorised`; COINr's `winmax` defaults to 5):
    /// winsorising more than 100 values of an indicator of ~200 countries is no longer outlier
    /// treatment.
    pub const MAX_WINSORISED: u32 = 100;
    /// Largest skewness or kurtosis threshold of winsorisation (both must also be > 0): the
    /// type-2 skewness of n values is below √n and their kurtosis below n, so 1000 already
    /// means "never treat" for any real dataset.
    pub const THRESHOLD: f64 = 1000.0;
    /// Largest magnitude of a normalisation target: `low`, `high`, `mean`, `sd` (|x| ≤ 1e9).
    /// Scores stay within a few times this, far from overflow, and charts get finite axes.
    pub const TARGET: f64 = 1e9;
    /// Largest magnitude of a goalpost (`min`, `max`), in the indicator's own units, which can
    /// be large (a GDP in dollars is ~1e13).
    pub const GOALPOST: f64 = 1e15;
    /// Narrowest range, relative to its size: `high − low ≥ MIN_SPAN × max(1, |low|, |high|)`
    /// (likewise goalposts' `max − min`, and a z-score's `sd ≥ MIN_SPAN × max(1, |mean|)`),
    /// so that a range always holds distinct scores.
    pub const MIN_SPAN: f64 = 1e-9;
    /// Smallest `floor` of geometric and harmonic means: a weight over the floor stays finite.
    pub const FLOOR_MIN: f64 = 1e-12;
    /// Largest `floor` (the largest target, [`TARGET`]).
    pub const FLOOR_MAX: f64 = TARGET;
}

/// Every methodological choice as plain data, in pipeline order: what a bundle file holds
/// (`"method": {…}`), and what [`Method::new`] checks into a [`Method`]. Its JSON is the
/// method's JSON.
///
/// Steps run: denominate → carry forward (when building the cross-section) → impute → screen →
/// treat → normalise → aggregate → rank, the order of COINr's `build_example_coin`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MethodSpec {
    /// Divide indicators by the denominators the framework names.
    pub denominate: bool,
    /// Carry a unit's latest value forward from up to this many earlier years (0: no; at most
    /// [`limits::CARRY_FORWARD`]).
    pub carry_forward: u32,
    /// Missing-data imputation.
    pub imputation: Imputation,
    /// Drop units whose share of available indicator values is below this (in (0, 1], e.g.
    /// 0.9, 2/3).
    pub screen: Option<f64>,
    /// Outlier treatment.
    pub treatment: Treatment,
    /// Normalisation (not goalposts: those are per indicator).
    pub normalisation: Normalisation,
    /// Whether normalisation reads each year's values or every year's ([`NormaliseOver`]).
    /// Left out of the JSON when each year's, so files written before the choice existed read
    /// as they did and files that do not use it are unchanged.
    #[serde(skip_serializing_if = "NormaliseOver::is_each_year")]
    pub normalise_over: NormaliseOver,
    /// Aggregation at every level without its own.
    pub aggregation: Aggregation,
    /// Aggregation per level (2 = pillars of indicators, …; see [`Framework::level`]).
    pub levels: BTreeMap<u8, Aggregation>,
    /// Per-indicator exceptions, by indicator id.
    pub indicators: BTreeMap<String, IndicatorMethod>,
    /// The floor for geometric and harmonic means (in [[`limits::FLOOR_MIN`],
    /// [`limits::FLOOR_MAX`]]): smaller child scores are raised to it.
    pub floor: f64,
    /// A parent gets a score only if at least this share of its children have one (0–1; at
    /// least one child is always required).
    pub min_child_share: f64,
}

impl Default for MethodSpec {
    fn default() -> Self {
        MethodSpec {
            denominate: false,
            carry_forward: 0,
            imputation: Imputation::None,
            screen: None,
            treatment: Treatment::None,
            normalisation: Normalisation::default(),
            normalise_over: NormaliseOver::EachYear,
            aggregation: Aggregation::Arithmetic,
            levels: BTreeMap::new(),
            indicators: BTreeMap::new(),
            floor: 1.0,
            min_child_share: 0.0,
        }
    }
}

impl MethodSpec {
    /// Sets the normalisation for every indicator, dropping per-indicator normalisations. When
    /// the new method has a target range, the geometric/harmonic floor becomes 1% of its span
    /// (e.g. 1 on 0–100), so that the floor stays meaningful on the new scale. When it has none
    /// (`None`: the data's own units) and the method had one, a floor set for that range means
    /// nothing on the data's scale — 1 on 0–100 would raise every dimension index of a
    /// sub-national HDI, all below 1, to 1 —, so it becomes the smallest allowed
    /// ([`limits::FLOOR_MIN`]): the geometric mean is the data's own, a zero counting as nearly
    /// zero. A method already without normalisation keeps its floor (a bundle's own, chosen for
    /// its data).
    pub fn set_normalisation_everywhere(&mut self, n: Normalisation) {
        let had_one = self.normalisation != Normalisation::None;
        self.normalisation = n;
        match n {
            Normalisation::MinMax { low, high }
            | Normalisation::PercentileRank { low, high }
            | Normalisation::DistanceToBest { low, high } => {
                self.floor = (0.01 * (high - low)).max(limits::FLOOR_MIN);
            }
            Normalisation::None if had_one => self.floor = limits::FLOOR_MIN,
            _ => {}
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

    /// Sets the outlier treatment for every indicator, dropping per-indicator treatments.
    pub fn set_treatment_everywhere(&mut self, t: Treatment) {
        self.treatment = t;
        for i in self.indicators.values_mut() {
            i.treatment = None;
        }
    }
}

/// Every methodological choice, checked: each number within [`limits`]. Built by
/// [`Method::new`] from a [`MethodSpec`] (also when read from JSON, in the spec's shape), read
/// through getters named like the spec's fields; once built, a method is valid.
///
/// Whether it fits a framework and dataset (indicator ids, levels, group family) is checked
/// separately, by [`Method::validate`].
///
/// ```
/// use index_core::method::{Method, MethodSpec};
/// let m = Method::new(MethodSpec { carry_forward: 3, ..MethodSpec::default() }).unwrap();
/// assert_eq!(m.carry_forward(), 3);
/// let e = Method::new(MethodSpec { carry_forward: 4_000_000_000, ..MethodSpec::default() });
/// assert_eq!(
///     e.unwrap_err().to_string(),
///     "carry_forward: 4000000000 is over the limit of 50 years"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(try_from = "MethodSpec")]
pub struct Method {
    spec: MethodSpec,
}

impl Serialize for Method {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.spec.serialize(s)
    }
}

impl TryFrom<MethodSpec> for Method {
    type Error = Error;
    fn try_from(spec: MethodSpec) -> Result<Self> {
        Method::new(spec)
    }
}

impl From<Method> for MethodSpec {
    fn from(m: Method) -> Self {
        m.spec
    }
}

/// [`Error::BadMethod`] for `setting`.
fn bad(setting: &str, problem: String) -> Error {
    Error::BadMethod {
        setting: setting.to_string(),
        problem,
    }
}

impl Method {
    /// Checks every number of `spec` against [`limits`]: `carry_forward` ≤ 50; `screen` in
    /// (0, 1]; `floor` in [1e-12, 1e9]; `min_child_share` in [0, 1]; every normalisation's
    /// targets within ±1e9 with `high − low ≥ 1e-9 × max(1, |low|, |high|)`, a z-score's
    /// `sd` in [1e-9 × max(1, |mean|), 1e9], goalposts within ±1e15 (and > 0 on a log scale);
    /// winsorisation's `max_winsorised` ≤ 100 and thresholds in (0, 1000]; no goalposts for
    /// the whole index (they are per indicator).
    ///
    /// # Errors
    /// [`Error::BadMethod`] naming the setting, the value and the limit.
    pub fn new(spec: MethodSpec) -> Result<Method> {
        if spec.carry_forward > limits::CARRY_FORWARD {
            return Err(bad(
                "carry_forward",
                format!(
                    "{} is over the limit of {} years",
                    spec.carry_forward,
                    limits::CARRY_FORWARD
                ),
            ));
        }
        if let Some(s) = spec.screen {
            if !(s.is_finite() && s > 0.0 && s <= 1.0) {
                return Err(bad(
                    "screen",
                    format!("{} is not a share in (0, 1]", short_number(s)),
                ));
            }
        }
        if !(spec.floor.is_finite()
            && (limits::FLOOR_MIN..=limits::FLOOR_MAX).contains(&spec.floor))
        {
            return Err(bad(
                "floor",
                format!(
                    "{} is not in [{}, {}]",
                    short_number(spec.floor),
                    short_number(limits::FLOOR_MIN),
                    short_number(limits::FLOOR_MAX)
                ),
            ));
        }
        if !(spec.min_child_share.is_finite() && (0.0..=1.0).contains(&spec.min_child_share)) {
            return Err(bad(
                "min_child_share",
                format!(
                    "{} is not a share in [0, 1]",
                    short_number(spec.min_child_share)
                ),
            ));
        }
        if matches!(spec.normalisation, Normalisation::Goalposts { .. }) {
            return Err(bad(
                "normalisation",
                "goalposts are set per indicator, not for the whole index".into(),
            ));
        }
        check_normalisation("normalisation", &spec.normalisation)?;
        check_treatment("treatment", &spec.treatment)?;
        for (id, m) in &spec.indicators {
            if let Some(n) = &m.normalisation {
                check_normalisation(&format!("indicators[{}].normalisation", excerpt(id)), n)?;
            }
            if let Some(t) = &m.treatment {
                check_treatment(&format!("indicators[{}].treatment", excerpt(id)), t)?;
            }
        }
        Ok(Method { spec })
    }

    /// The plain data this method was built from.
    pub fn spec(&self) -> &MethodSpec {
        &self.spec
    }

    /// Whether to divide indicators by the denominators the framework names.
    pub fn denominate(&self) -> bool {
        self.spec.denominate
    }
    /// Years a unit's latest value is carried forward from (0: none; ≤
    /// [`limits::CARRY_FORWARD`]).
    pub fn carry_forward(&self) -> u32 {
        self.spec.carry_forward
    }
    /// Missing-data imputation.
    pub fn imputation(&self) -> &Imputation {
        &self.spec.imputation
    }
    /// Screening: the least share of indicator values a unit needs (in (0, 1]), if screening.
    pub fn screen(&self) -> Option<f64> {
        self.spec.screen
    }
    /// Outlier treatment of indicators without their own.
    pub fn treatment(&self) -> Treatment {
        self.spec.treatment
    }
    /// Normalisation of indicators without their own.
    pub fn normalisation(&self) -> Normalisation {
        self.spec.normalisation
    }
    /// Whether normalisation reads each year's values or every year's.
    pub fn normalise_over(&self) -> NormaliseOver {
        self.spec.normalise_over
    }
    /// This method normalising over `over` (nothing else changes, and nothing to check).
    pub fn with_normalise_over(&self, over: NormaliseOver) -> Method {
        let mut spec = self.spec.clone();
        spec.normalise_over = over;
        Method { spec }
    }
    /// Aggregation at levels without their own.
    pub fn aggregation(&self) -> Aggregation {
        self.spec.aggregation
    }
    /// Aggregation per level.
    pub fn levels(&self) -> &BTreeMap<u8, Aggregation> {
        &self.spec.levels
    }
    /// Per-indicator exceptions, by indicator id.
    pub fn indicators(&self) -> &BTreeMap<String, IndicatorMethod> {
        &self.spec.indicators
    }
    /// The floor of geometric and harmonic means.
    pub fn floor(&self) -> f64 {
        self.spec.floor
    }
    /// The least share of a parent's children that must have a score.
    pub fn min_child_share(&self) -> f64 {
        self.spec.min_child_share
    }

    /// The normalisation that applies to indicator `id`.
    pub fn normalisation_for(&self, id: &str) -> Normalisation {
        self.spec
            .indicators
            .get(id)
            .and_then(|m| m.normalisation)
            .unwrap_or(self.spec.normalisation)
    }

    /// The outlier treatment that applies to indicator `id`.
    pub fn treatment_for(&self, id: &str) -> Treatment {
        self.spec
            .indicators
            .get(id)
            .and_then(|m| m.treatment)
            .unwrap_or(self.spec.treatment)
    }

    /// The aggregation that applies at `level`.
    pub fn aggregation_at(&self, level: u8) -> Aggregation {
        self.spec
            .levels
            .get(&level)
            .copied()
            .unwrap_or(self.spec.aggregation)
    }

    /// This method with `n` for every indicator (see
    /// [`MethodSpec::set_normalisation_everywhere`]: the floor follows the new range).
    ///
    /// # Errors
    /// As [`Method::new`], for a normalisation out of bounds.
    pub fn with_normalisation_everywhere(&self, n: Normalisation) -> Result<Method> {
        let mut spec = self.spec.clone();
        spec.set_normalisation_everywhere(n);
        Method::new(spec)
    }

    /// This method with `a` at every level.
    pub fn with_aggregation_everywhere(&self, a: Aggregation) -> Method {
        let mut spec = self.spec.clone();
        spec.set_aggregation_everywhere(a);
        Method { spec }
    }

    /// This method with `t` for every indicator.
    ///
    /// # Errors
    /// As [`Method::new`], for a treatment out of bounds.
    pub fn with_treatment_everywhere(&self, t: Treatment) -> Result<Method> {
        let mut spec = self.spec.clone();
        spec.set_treatment_everywhere(t);
        Method::new(spec)
    }

    /// Checks that the method fits the framework and dataset it will run on (its numbers were
    /// checked when it was built): per-indicator choices name framework indicators, per-level
    /// choices name levels with aggregates, group-mean imputation names a group family of the
    /// dataset.
    ///
    /// # Errors
    /// [`Error::BadMethod`] for a level, or [`Error::Unknown`] for an indicator or group family
    /// that does not exist.
    pub fn validate(&self, framework: &Framework, dataset: &Dataset) -> Result<()> {
        if let Imputation::GroupMean { family } = &self.spec.imputation {
            if !dataset.groups().iter().any(|g| &g.family == family) {
                return Err(Error::Unknown {
                    what: "group family",
                    id: family.clone(),
                    by: "imputation".into(),
                });
            }
        }
        for id in self.spec.indicators.keys() {
            if !framework
                .leaves()
                .iter()
                .any(|l| framework.node(*l).is_some_and(|n| n.id == *id))
            {
                return Err(Error::Unknown {
                    what: "framework indicator",
                    id: id.clone(),
                    by: "a per-indicator method".into(),
                });
            }
        }
        for level in self.spec.levels.keys() {
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

    /// One line saying what the method is, for captions (e.g. "min-max 0–100 · arithmetic mean"):
    /// its [`Method::describe_parts`] in English, joined by " · ".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .describe_parts()
            .iter()
            .map(|p| p.to_string())
            .collect();
        parts.join(" · ")
    }

    /// What the method does, part by part in pipeline order, only the parts that are not the
    /// defaults (denominators, carried values, imputation, screening, outliers) and always its
    /// normalisation and aggregation: the parts a caption names, for a reader to word them in
    /// its own language ([`MethodPart`]'s `Display` is the English of [`Method::describe`]).
    pub fn describe_parts(&self) -> Vec<MethodPart<'_>> {
        let spec = &self.spec;
        let mut parts = Vec::new();
        if spec.denominate {
            parts.push(MethodPart::Denominated);
        }
        if spec.carry_forward > 0 {
            parts.push(MethodPart::CarryForward(spec.carry_forward));
        }
        match &spec.imputation {
            Imputation::None => {}
            Imputation::IndicatorMean => parts.push(MethodPart::IndicatorMean),
            Imputation::GroupMean { family } => parts.push(MethodPart::GroupMean(family)),
        }
        if let Some(s) = spec.screen {
            parts.push(MethodPart::Screen(s));
        }
        if let Treatment::Winsorise { max_winsorised, .. } = spec.treatment {
            parts.push(MethodPart::Winsorised(max_winsorised));
        }
        let per_ind = spec
            .indicators
            .values()
            .filter(|m| m.normalisation.is_some())
            .count();
        if per_ind > 0 && per_ind == spec.indicators.len() {
            parts.push(MethodPart::PerIndicatorNormalisation);
        } else {
            parts.push(MethodPart::Normalisation(&spec.normalisation));
        }
        if spec.normalise_over == NormaliseOver::AllYears
            && (spec.normalisation.reads_data()
                || spec
                    .indicators
                    .values()
                    .filter_map(|m| m.normalisation.as_ref())
                    .any(Normalisation::reads_data))
        {
            parts.push(MethodPart::OverAllYears);
        }
        parts.push(MethodPart::Aggregation {
            elsewhere: spec.aggregation,
            levels: spec.levels.iter().map(|(l, a)| (*l, *a)).collect(),
        });
        parts
    }
}

/// One part of what a method does ([`Method::describe_parts`]); `Display` gives its English.
#[derive(Debug, Clone, PartialEq)]
pub enum MethodPart<'a> {
    /// Indicators divided by their denominators.
    Denominated,
    /// Values carried forward, up to this many years old.
    CarryForward(u32),
    /// Missing values replaced by the indicator's mean.
    IndicatorMean,
    /// Missing values replaced by the mean of the unit's group in this family.
    GroupMean(&'a str),
    /// Units with less than this share (0–1) of data dropped.
    Screen(f64),
    /// Outliers winsorised, at most this many values per indicator.
    Winsorised(u32),
    /// Each indicator normalised its own way.
    PerIndicatorNormalisation,
    /// The normalisation.
    Normalisation(&'a Normalisation),
    /// Normalised over all years at once.
    OverAllYears,
    /// The aggregation: `elsewhere`, and per level where it differs.
    Aggregation {
        /// The aggregation of the levels not named in `levels`.
        elsewhere: Aggregation,
        /// (level, aggregation) where a level has its own.
        levels: Vec<(u8, Aggregation)>,
    },
}

impl fmt::Display for MethodPart<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MethodPart::Denominated => write!(f, "denominated"),
            MethodPart::CarryForward(years) => write!(f, "values up to {years} years old"),
            MethodPart::IndicatorMean => write!(f, "missing values: indicator mean"),
            MethodPart::GroupMean(family) => {
                write!(f, "missing values: mean of {}", excerpt(family))
            }
            MethodPart::Screen(share) => {
                write!(f, "units with < {:.0}% data dropped", share * 100.0)
            }
            MethodPart::Winsorised(max) => write!(f, "outliers winsorised (≤ {max})"),
            MethodPart::PerIndicatorNormalisation => write!(f, "per-indicator normalisation"),
            MethodPart::Normalisation(n) => write!(f, "{}", n.label()),
            MethodPart::OverAllYears => write!(f, "normalised over all years"),
            MethodPart::Aggregation { elsewhere, levels } if levels.is_empty() => {
                write!(f, "{} mean", elsewhere.label())
            }
            MethodPart::Aggregation { elsewhere, levels } => {
                write!(f, "{} mean elsewhere", elsewhere.label())?;
                for (l, a) in levels {
                    write!(f, ", {} mean at level {l}", a.label())?;
                }
                Ok(())
            }
        }
    }
}

/// `x` is finite and within ±`limit`.
fn check_magnitude(setting: &str, name: &str, x: f64, limit: f64) -> Result<()> {
    if !x.is_finite() {
        return Err(bad(
            setting,
            format!("{name} {} is not a finite number", short_number(x)),
        ));
    }
    if x.abs() > limit {
        return Err(bad(
            setting,
            format!(
                "{name} {} is over the limit of ±{}",
                short_number(x),
                short_number(limit)
            ),
        ));
    }
    Ok(())
}

/// `low < high` and `high − low ≥ MIN_SPAN × max(1, |low|, |high|)`.
fn check_span(setting: &str, names: (&str, &str), low: f64, high: f64) -> Result<()> {
    let (l, h) = names;
    if low >= high {
        return Err(bad(
            setting,
            format!(
                "{l} {} and {h} {} need {l} < {h}",
                short_number(low),
                short_number(high)
            ),
        ));
    }
    let least = limits::MIN_SPAN * 1f64.max(low.abs()).max(high.abs());
    if high - low < least {
        return Err(bad(
            setting,
            format!(
                "{l} {} and {h} {} are closer than the limit of {} ({})",
                short_number(low),
                short_number(high),
                short_number(least),
                "1e-9 × the larger of 1 and their size"
            ),
        ));
    }
    Ok(())
}

fn check_range(setting: &str, low: f64, high: f64) -> Result<()> {
    check_magnitude(setting, "low", low, limits::TARGET)?;
    check_magnitude(setting, "high", high, limits::TARGET)?;
    check_span(setting, ("low", "high"), low, high)
}

fn check_normalisation(setting: &str, n: &Normalisation) -> Result<()> {
    match *n {
        Normalisation::None | Normalisation::Rank => Ok(()),
        Normalisation::MinMax { low, high }
        | Normalisation::PercentileRank { low, high }
        | Normalisation::DistanceToBest { low, high } => check_range(setting, low, high),
        Normalisation::ZScore { mean, sd } => {
            check_magnitude(setting, "mean", mean, limits::TARGET)?;
            check_magnitude(setting, "sd", sd, limits::TARGET)?;
            let least = limits::MIN_SPAN * 1f64.max(mean.abs());
            if sd < least {
                return Err(bad(
                    setting,
                    format!(
                        "sd {} is under the limit of {} (1e-9 × the larger of 1 and |mean|)",
                        short_number(sd),
                        short_number(least)
                    ),
                ));
            }
            Ok(())
        }
        Normalisation::Goalposts {
            min,
            max,
            log,
            low,
            high,
        } => {
            check_range(setting, low, high)?;
            check_magnitude(setting, "min", min, limits::GOALPOST)?;
            check_magnitude(setting, "max", max, limits::GOALPOST)?;
            check_span(setting, ("min", "max"), min, max)?;
            if log && min <= 0.0 {
                return Err(bad(
                    setting,
                    format!(
                        "min {} must be > 0 for goalposts on a log scale",
                        short_number(min)
                    ),
                ));
            }
            Ok(())
        }
    }
}

fn check_treatment(setting: &str, t: &Treatment) -> Result<()> {
    if let Treatment::Winsorise {
        max_winsorised,
        skew,
        kurtosis,
        ..
    } = *t
    {
        if max_winsorised > limits::MAX_WINSORISED {
            return Err(bad(
                setting,
                format!(
                    "max_winsorised {max_winsorised} is over the limit of {} values",
                    limits::MAX_WINSORISED
                ),
            ));
        }
        for (name, x) in [("skew", skew), ("kurtosis", kurtosis)] {
            if !(x.is_finite() && x > 0.0 && x <= limits::THRESHOLD) {
                return Err(bad(
                    setting,
                    format!(
                        "{name} threshold {} is not in (0, {}]",
                        short_number(x),
                        short_number(limits::THRESHOLD)
                    ),
                ));
            }
        }
    }
    Ok(())
}

impl Normalisation {
    /// Whether it reads anything from the data (a range, moments, an order): all but
    /// [`Normalisation::None`] and goalposts, which [`NormaliseOver`] therefore leaves alone.
    pub fn reads_data(&self) -> bool {
        !matches!(self, Normalisation::None | Normalisation::Goalposts { .. })
    }

    /// A short label for captions.
    pub fn label(&self) -> String {
        let n = short_number;
        match *self {
            Normalisation::None => "no normalisation".into(),
            Normalisation::MinMax { low, high } => format!("min-max {}–{}", n(low), n(high)),
            Normalisation::ZScore { mean, sd } => {
                format!("z-scores (mean {}, sd {})", n(mean), n(sd))
            }
            Normalisation::Goalposts { min, max, log, .. } => {
                format!(
                    "goalposts {}–{}{}",
                    n(min),
                    n(max),
                    if log { " (log)" } else { "" }
                )
            }
            Normalisation::PercentileRank { low, high } => {
                format!("percentile ranks {}–{}", n(low), n(high))
            }
            Normalisation::Rank => "ranks".into(),
            Normalisation::DistanceToBest { low, high } => {
                format!("distance to best {}–{}", n(low), n(high))
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
        let n = short_number;
        let range = |f: &mut fmt::Formatter<'_>, name: &str, low: f64, high: f64| {
            if low == 0.0 && high == 100.0 {
                write!(f, "{name}")
            } else {
                write!(f, "{name}:{}:{}", n(low), n(high))
            }
        };
        match *self {
            Normalisation::None => write!(f, "none"),
            Normalisation::MinMax { low, high } => range(f, "minmax", low, high),
            Normalisation::ZScore { mean, sd } => {
                if mean == 0.0 && sd == 1.0 {
                    write!(f, "zscore")
                } else {
                    write!(f, "zscore:{}:{}", n(mean), n(sd))
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
                "{}:{}:{}:{}:{}",
                if log { "loggoalposts" } else { "goalposts" },
                n(min),
                n(max),
                n(low),
                n(high)
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
        Ok(n)
    }
}

impl fmt::Display for NormaliseOver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NormaliseOver::EachYear => "year",
            NormaliseOver::AllYears => "all",
        })
    }
}

impl FromStr for NormaliseOver {
    type Err = Error;
    /// `year` (also `each`, `each-year`, `within`) or `all` (also `all-years`, `across`,
    /// `global`, COINr's word), in any case.
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "year" | "each" | "each-year" | "within" => Ok(NormaliseOver::EachYear),
            "all" | "all-years" | "across" | "global" => Ok(NormaliseOver::AllYears),
            _ => Err(parse_err("normalisation over", s, "year, all")),
        }
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
                    write!(f, ":{}:{}", short_number(skew), short_number(kurtosis))?;
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
                if let Some(pair) = args.get(1..3) {
                    let [sk, ku] = numbers::<2>(WHAT, s, pair)?;
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

    #[test]
    fn the_floor_follows_the_scale_and_none_leaves_no_scale_to_floor_at() {
        let mut spec = MethodSpec::default();
        assert_eq!(spec.floor, 1.0, "1 % of the default 0–100");
        spec.set_normalisation_everywhere(Normalisation::MinMax {
            low: 0.0,
            high: 1.0,
        });
        assert_eq!(spec.floor, 0.01);
        // From a range to the data's own units: the smallest floor, so that a geometric mean
        // of values below the old floor is theirs (the floor 1 made every HDI-like index 1).
        spec.set_normalisation_everywhere(Normalisation::None);
        assert_eq!(spec.floor, limits::FLOOR_MIN);
        let mut own = MethodSpec {
            normalisation: Normalisation::None,
            floor: 1e-4,
            ..MethodSpec::default()
        };
        // Already in the data's units: the bundle's own floor stays.
        own.set_normalisation_everywhere(Normalisation::None);
        assert_eq!(own.floor, 1e-4);
        let m = Method::new(spec)
            .unwrap()
            .with_aggregation_everywhere(Aggregation::Geometric);
        assert_eq!(m.floor(), limits::FLOOR_MIN);
    }

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
        round_trip("year", NormaliseOver::EachYear);
        round_trip("all", NormaliseOver::AllYears);
        assert_eq!(
            "Global".parse::<NormaliseOver>().unwrap(),
            NormaliseOver::AllYears
        );
        let e = "yearly".parse::<NormaliseOver>().unwrap_err().to_string();
        assert!(e.contains("`yearly`") && e.contains("year, all"), "{e}");
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
        let e = "zscore:0:x"
            .parse::<Normalisation>()
            .unwrap_err()
            .to_string();
        assert!(e.contains("`x`"), "{e}");
        let e = "median".parse::<Aggregation>().unwrap_err().to_string();
        assert!(e.contains("`median`") && e.contains("arithmetic"), "{e}");
        assert!("winsorise:two".parse::<Treatment>().is_err());
        assert!("groupmean:".parse::<Imputation>().is_err());
        // The text form reads numbers; their bounds are the method's, as for JSON.
        let n = "minmax:5:1".parse::<Normalisation>().unwrap();
        let e = Method::default()
            .with_normalisation_everywhere(n)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "normalisation: low 5 and high 1 need low < high");
    }

    #[test]
    fn a_long_text_is_echoed_short() {
        let long = format!("minmax:{}", "9".repeat(100_000));
        let e = long.parse::<Normalisation>().unwrap_err().to_string();
        assert!(e.len() < 400, "{} characters", e.len());
        let family = format!("groupmean:{}", "x".repeat(100_000))
            .parse::<Imputation>()
            .unwrap();
        let m = Method::new(MethodSpec {
            imputation: family,
            ..MethodSpec::default()
        })
        .unwrap();
        assert!(m.describe().len() < 200, "{}", m.describe());
    }

    /// `spec` is refused with exactly `message`.
    #[track_caller]
    fn refused(spec: MethodSpec, message: &str) {
        assert_eq!(Method::new(spec).unwrap_err().to_string(), message);
    }

    #[test]
    fn every_number_is_bounded() {
        let d = MethodSpec::default;
        refused(
            MethodSpec {
                carry_forward: 4_000_000_000,
                ..d()
            },
            "carry_forward: 4000000000 is over the limit of 50 years",
        );
        assert!(Method::new(MethodSpec {
            carry_forward: limits::CARRY_FORWARD,
            ..d()
        })
        .is_ok());
        refused(
            MethodSpec {
                screen: Some(-1.0),
                ..d()
            },
            "screen: -1 is not a share in (0, 1]",
        );
        refused(
            MethodSpec { floor: 0.0, ..d() },
            "floor: 0 is not in [1e-12, 1e9]",
        );
        refused(
            MethodSpec {
                min_child_share: f64::NAN,
                ..d()
            },
            "min_child_share: NaN is not a share in [0, 1]",
        );
        refused(
            MethodSpec {
                normalisation: Normalisation::ZScore {
                    mean: 0.0,
                    sd: 1e308,
                },
                ..d()
            },
            "normalisation: sd 1e308 is over the limit of ±1e9",
        );
        refused(
            MethodSpec {
                normalisation: Normalisation::ZScore { mean: 0.0, sd: 0.0 },
                ..d()
            },
            "normalisation: sd 0 is under the limit of 1e-9 (1e-9 × the larger of 1 and |mean|)",
        );
        refused(
            MethodSpec {
                normalisation: Normalisation::MinMax {
                    low: -1e10,
                    high: 0.0,
                },
                ..d()
            },
            "normalisation: low -1e10 is over the limit of ±1e9",
        );
        let e = Method::new(MethodSpec {
            normalisation: Normalisation::MinMax {
                low: 999_999_999.5,
                high: 1e9,
            },
            ..d()
        })
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with(
                "normalisation: low 999999999.5 and high 1e9 are closer than the limit of"
            ),
            "{e}"
        );
        refused(
            MethodSpec {
                treatment: Treatment::Winsorise {
                    max_winsorised: 4_000_000_000,
                    skew: 2.0,
                    kurtosis: 3.5,
                    mirror_negative: false,
                },
                ..d()
            },
            "treatment: max_winsorised 4000000000 is over the limit of 100 values",
        );
        refused(
            MethodSpec {
                treatment: Treatment::Winsorise {
                    max_winsorised: 5,
                    skew: 2.0,
                    kurtosis: -1.0,
                    mirror_negative: false,
                },
                ..d()
            },
            "treatment: kurtosis threshold -1 is not in (0, 1000]",
        );
        let mut indicators = BTreeMap::new();
        indicators.insert(
            "gnipc".to_string(),
            IndicatorMethod {
                normalisation: Some(Normalisation::Goalposts {
                    min: 0.0,
                    max: 75000.0,
                    log: true,
                    low: 0.0,
                    high: 1.0,
                }),
                treatment: None,
            },
        );
        refused(
            MethodSpec { indicators, ..d() },
            "indicators[gnipc].normalisation: min 0 must be > 0 for goalposts on a log scale",
        );
        refused(
            MethodSpec {
                normalisation: Normalisation::Goalposts {
                    min: 0.0,
                    max: 1.0,
                    log: false,
                    low: 0.0,
                    high: 1.0,
                },
                ..d()
            },
            "normalisation: goalposts are set per indicator, not for the whole index",
        );
    }

    #[test]
    fn json_goes_through_the_bounds_and_keeps_its_shape() {
        let json = serde_json::to_string(&MethodSpec::default()).unwrap();
        assert_eq!(serde_json::to_string(&Method::default()).unwrap(), json);
        assert_eq!(
            serde_json::from_str::<Method>(&json).unwrap(),
            Method::default()
        );
        let e = serde_json::from_str::<Method>(r#"{"carry_forward": 4000000000}"#)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("carry_forward: 4000000000 is over the limit of 50 years"),
            "{e}"
        );
    }

    #[test]
    fn normalising_over_all_years_is_written_only_when_chosen() {
        // A method written before the choice existed reads as each year's, and one that does
        // not use it is written as before.
        let old = r#"{"normalisation": {"type": "min_max", "low": 0, "high": 1}}"#;
        let m = serde_json::from_str::<Method>(old).unwrap();
        assert_eq!(m.normalise_over(), NormaliseOver::EachYear);
        let json = serde_json::to_string(&m).unwrap();
        assert!(!json.contains("normalise_over"), "{json}");
        let all = m.with_normalise_over(NormaliseOver::AllYears);
        let json = serde_json::to_string(&all).unwrap();
        assert!(json.contains(r#""normalise_over":"all_years""#), "{json}");
        assert_eq!(serde_json::from_str::<Method>(&json).unwrap(), all);
        assert!(
            all.describe()
                .contains("min-max 0–1 · normalised over all years · arithmetic mean"),
            "{}",
            all.describe()
        );
        assert!(!m.describe().contains("all years"), "{}", m.describe());
        let e = serde_json::from_str::<Method>(r#"{"normalise_over": "some_years"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown variant `some_years`"), "{e}");
    }

    #[test]
    fn overrides_and_describe() {
        let mut spec = MethodSpec::default();
        spec.indicators.insert(
            "gni".into(),
            IndicatorMethod {
                normalisation: Some(Normalisation::Rank),
                treatment: None,
            },
        );
        spec.levels.insert(3, Aggregation::Geometric);
        let m = Method::new(spec).unwrap();
        assert_eq!(m.normalisation_for("gni"), Normalisation::Rank);
        assert_eq!(m.normalisation_for("other"), Normalisation::default());
        assert_eq!(m.aggregation_at(3), Aggregation::Geometric);
        assert_eq!(m.aggregation_at(2), Aggregation::Arithmetic);
        assert!(
            m.describe().contains("geometric mean at level 3"),
            "{}",
            m.describe()
        );
        let m = m.with_aggregation_everywhere(Aggregation::Harmonic);
        assert_eq!(m.aggregation_at(3), Aggregation::Harmonic);
        let m = m
            .with_normalisation_everywhere(Normalisation::None)
            .unwrap();
        assert_eq!(m.normalisation_for("gni"), Normalisation::None);
        let m = m
            .with_normalisation_everywhere(Normalisation::MinMax {
                low: 0.0,
                high: 1e9,
            })
            .unwrap();
        assert_eq!(m.floor(), 1e7);
        assert!(m.describe().contains("min-max 0–1e9"), "{}", m.describe());
    }
}
