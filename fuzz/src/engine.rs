//! Fuzz bytes → a random index: a framework (one to twelve indicators under one to four
//! pillars, sometimes sub-indices, weights from zero to the maximum and beyond, denominators
//! known and unknown), a dataset (one to forty units, one to three years, two group families,
//! columns missing, constant, huge, tiny, zero, negative), a method (every normalisation,
//! aggregation, treatment and imputation, with in-range and wild numbers, per-level and
//! per-indicator overrides), weights and a year, and optionally an uncertainty plan of a few
//! draws.
//!
//! Bytes are read as they are needed; when they run out every choice takes its first option,
//! which is a plain, valid one, so a short input still makes a whole index.

use std::collections::BTreeMap;

use arbitrary::{Result, Unstructured};
use index_core::dataset::{Dataset, DatasetBuilder, Direction, Group, Indicator, Source, Unit};
use index_core::framework::{Framework, NodeKind, NodeSpec, Weights};
use index_core::method::{
    Aggregation, Imputation, IndicatorMethod, MethodSpec, Normalisation, NormaliseOver, Treatment,
};
use index_core::uncertainty::{Plan, WeightNoise};

/// The most units of a case.
pub const MAX_UNITS: usize = 40;
/// The most framework indicators of a case.
pub const MAX_INDICATORS: usize = 12;
/// The denominators every case's dataset holds besides the framework's indicators.
pub const DENOMINATORS: [&str; 2] = ["pop", "gdp"];
/// Group families: a status (two groups) and a region (three groups).
const GROUPS: [(&str, &str); 5] = [
    ("LDC", "status"),
    ("developed", "status"),
    ("r0", "region"),
    ("r1", "region"),
    ("r2", "region"),
];

/// One random index, as built (each part may have been refused by its constructor: the
/// refusal is a typed error, which is an allowed outcome).
pub struct Case {
    /// The framework's nodes (checked by [`Framework::new`] in [`Case::framework`]).
    pub nodes: Vec<NodeSpec>,
    /// The dataset, or the builder's refusal of a value.
    pub dataset: Dataset,
    /// The method's plain data (checked by `Method::new`).
    pub method: MethodSpec,
    /// A second method, prepared into the first's memory (`prepare_reusing`).
    pub second: MethodSpec,
    /// Weight changes: node position → weight.
    pub weights: BTreeMap<usize, f64>,
    /// The year asked for.
    pub year: i32,
    /// An uncertainty plan, sometimes.
    pub plan: Option<Plan>,
}

impl Case {
    /// The framework, if its nodes make one.
    pub fn framework(&self) -> index_core::Result<Framework> {
        Framework::new(self.nodes.clone())
    }

    /// The weights: the framework's with this case's changes, if they make weights.
    pub fn weights(&self, framework: &Framework) -> index_core::Result<Weights> {
        let mut values = framework.weights().as_slice().to_vec();
        for (&pos, &w) in &self.weights {
            if let Some(slot) = values.get_mut(pos) {
                *slot = w;
            }
        }
        Weights::new(framework, values)
    }
}

/// A number as files and links hold them, or worse: mostly plain, sometimes at the edges of
/// what `f64` holds, sometimes any bit pattern (NaN, infinities).
pub fn wild(u: &mut Unstructured<'_>) -> Result<f64> {
    Ok(match u.int_in_range(0u8..=19)? {
        0..=5 => f64::from(u.int_in_range(-1000i32..=1000)?) / 8.0,
        6 => 0.0,
        7 => -0.0,
        8 => 1e308,
        9 => -1e308,
        10 => f64::MAX,
        11 => f64::MIN_POSITIVE,
        12 => 5e-324,
        13 => 1e9,
        14 => -1e9,
        15 => 1e15,
        16 => 1e-12,
        17 => 10f64.powi(u.int_in_range(-320i32..=310)?) * if u.arbitrary()? { -1.0 } else { 1.0 },
        _ => f64::from_bits(u.arbitrary()?),
    })
}

/// True one time in `d`; false when the bytes have run out.
fn chance(u: &mut Unstructured<'_>, d: u8) -> Result<bool> {
    Ok(u.int_in_range(1..=d)? == d)
}

/// A number for a setting: one of the ordinary choices `usual` 31 times in 32 (each a valid
/// one, so that most methods are valid and reach the engine), else [`wild`].
fn setting(u: &mut Unstructured<'_>, usual: &[f64]) -> Result<f64> {
    let pick = usize::from(u.int_in_range(0u8..=31)?);
    match (pick, usual.get(pick % usual.len().max(1))) {
        (31, _) | (_, None) => wild(u),
        (_, Some(&v)) => Ok(v),
    }
}

/// A count for a setting, as [`setting`]: an ordinary one, or any `u32` one time in 32.
fn count(u: &mut Unstructured<'_>, usual: &[u32]) -> Result<u32> {
    let pick = usize::from(u.int_in_range(0u8..=31)?);
    match (pick, usual.get(pick % usual.len().max(1))) {
        (31, _) | (_, None) => u.arbitrary(),
        (_, Some(&v)) => Ok(v),
    }
}

/// A weight: mostly one of a few valid ones (zero now and then), one time in 128 wild
/// (refused by the framework when negative, NaN or over the maximum).
fn weight(u: &mut Unstructured<'_>) -> Result<f64> {
    Ok(match u.int_in_range(0u8..=127)? {
        127 => wild(u)?,
        123..=126 => 0.0,
        k => [1.0, 2.0, 0.5, 1e6, 1e-9, 3.0, 1.0, 1.0][usize::from(k % 8)],
    })
}

/// A range's two ends: mostly 0–100, 0–1 or 1–7; one time in sixteen each inverted, empty or
/// wild.
fn range(u: &mut Unstructured<'_>) -> Result<(f64, f64)> {
    Ok(match u.int_in_range(0u8..=15)? {
        13 => (100.0, 0.0),
        14 => (5.0, 5.0),
        15 => (wild(u)?, wild(u)?),
        k => [(0.0, 100.0), (0.0, 1.0), (1.0, 7.0)][usize::from(k % 3)],
    })
}

/// Every normalisation, with in-range and wild parameters.
pub fn normalisation(u: &mut Unstructured<'_>, goalposts: bool) -> Result<Normalisation> {
    let last = if goalposts { 6 } else { 5 };
    Ok(match u.int_in_range(0u8..=last)? {
        0 => {
            let (low, high) = range(u)?;
            Normalisation::MinMax { low, high }
        }
        1 => Normalisation::ZScore {
            mean: setting(u, &[0.0, 100.0])?,
            sd: setting(u, &[1.0, 10.0])?,
        },
        2 => {
            let (low, high) = range(u)?;
            Normalisation::PercentileRank { low, high }
        }
        3 => Normalisation::Rank,
        4 => {
            let (low, high) = range(u)?;
            Normalisation::DistanceToBest { low, high }
        }
        5 => Normalisation::None,
        _ => {
            let (low, high) = range(u)?;
            Normalisation::Goalposts {
                min: setting(u, &[0.0, 20.0, 100.0])?,
                max: setting(u, &[1.0, 85.0, 75_000.0])?,
                log: u.arbitrary()?,
                low,
                high,
            }
        }
    })
}

/// Every aggregation.
pub fn aggregation(u: &mut Unstructured<'_>) -> Result<Aggregation> {
    Ok(match u.int_in_range(0u8..=2)? {
        0 => Aggregation::Arithmetic,
        1 => Aggregation::Geometric,
        _ => Aggregation::Harmonic,
    })
}

/// Every treatment, with the default and wild thresholds.
pub fn treatment(u: &mut Unstructured<'_>) -> Result<Treatment> {
    Ok(match u.int_in_range(0u8..=2)? {
        0 => Treatment::None,
        1 => Treatment::DEFAULT_WINSORISE,
        _ => Treatment::Winsorise {
            max_winsorised: count(u, &[5, 1, 0, 100])?,
            skew: setting(u, &[2.0, 0.5, 1000.0])?,
            kurtosis: setting(u, &[3.5, 0.5, 1000.0])?,
            mirror_negative: u.arbitrary()?,
        },
    })
}

/// Every imputation; one time in 32 by a family the dataset does not have.
pub fn imputation(u: &mut Unstructured<'_>) -> Result<Imputation> {
    Ok(match u.int_in_range(0u8..=31)? {
        0..=9 => Imputation::None,
        10..=17 => Imputation::IndicatorMean,
        18..=25 => Imputation::GroupMean {
            family: "region".into(),
        },
        26..=30 => Imputation::GroupMean {
            family: "status".into(),
        },
        _ => Imputation::GroupMean {
            family: "nowhere".into(),
        },
    })
}

/// A whole method over `leaves`.
pub fn method(u: &mut Unstructured<'_>, leaves: &[String]) -> Result<MethodSpec> {
    let mut m = MethodSpec {
        normalisation: normalisation(u, false)?,
        aggregation: aggregation(u)?,
        treatment: treatment(u)?,
        imputation: imputation(u)?,
        denominate: u.arbitrary()?,
        carry_forward: count(u, &[0, 1, 2, 50])?,
        screen: match u.int_in_range(0u8..=3)? {
            0 => None,
            _ => Some(setting(u, &[0.5, 1.0, 0.9])?),
        },
        floor: setting(u, &[1.0, 0.01, 1e-12, 1e9])?,
        min_child_share: setting(u, &[0.0, 0.5, 1.0])?,
        ..MethodSpec::default()
    };
    for _ in 0..u.int_in_range(0u8..=3)? {
        // Levels 2 and 3 exist in most frameworks; any level one time in sixteen.
        let level = if chance(u, 16)? {
            u.int_in_range(0u8..=5)?
        } else {
            u.int_in_range(2u8..=3)?
        };
        m.levels.insert(level, aggregation(u)?);
    }
    for _ in 0..u.int_in_range(0u8..=3)? {
        let id = if chance(u, 32)? {
            "not-an-indicator".to_string()
        } else {
            u.choose(leaves).cloned().unwrap_or_default()
        };
        let over = IndicatorMethod {
            normalisation: if u.arbitrary()? {
                Some(normalisation(u, true)?)
            } else {
                None
            },
            treatment: if u.arbitrary()? {
                Some(treatment(u)?)
            } else {
                None
            },
        };
        m.indicators.insert(id, over);
    }
    // Read last, so that the committed corpus reads as before up to here.
    if chance(u, 4)? {
        m.normalise_over = NormaliseOver::AllYears;
    }
    Ok(m)
}

/// The framework's nodes: indicators `i00…` under pillars `p0…`, under sub-indices `s0…` when
/// there are some, under `index`; now and then an indicator straight under the index, or a
/// node that breaks a rule (a parent that does not exist, an id with a colon).
fn nodes(u: &mut Unstructured<'_>) -> Result<(Vec<NodeSpec>, Vec<String>)> {
    let indicators = u.int_in_range(1..=MAX_INDICATORS)?;
    let pillars = u.int_in_range(1..=4usize)?.min(indicators);
    let subs = u.int_in_range(0..=2usize)?.min(pillars);
    let mut nodes = vec![NodeSpec {
        id: "index".into(),
        name: "Index".into(),
        parent: None,
        weight: 1.0,
        kind: NodeKind::Aggregate,
    }];
    for s in 0..subs {
        nodes.push(NodeSpec {
            id: format!("s{s}"),
            name: format!("Sub-index {s}"),
            parent: Some("index".into()),
            weight: weight(u)?,
            kind: NodeKind::Aggregate,
        });
    }
    for p in 0..pillars {
        let parent = if subs > 0 && p >= subs {
            format!("s{}", u.int_in_range(0..=subs - 1)?)
        } else if subs > 0 {
            format!("s{p}")
        } else {
            "index".into()
        };
        nodes.push(NodeSpec {
            id: format!("p{p}"),
            name: format!("Pillar {p}"),
            parent: Some(parent),
            weight: weight(u)?,
            kind: NodeKind::Aggregate,
        });
    }
    let mut leaves = Vec::with_capacity(indicators);
    for i in 0..indicators {
        let id = format!("i{i:02}");
        let parent = if i < pillars {
            format!("p{i}")
        } else if chance(u, 10)? {
            "index".into()
        } else {
            format!("p{}", u.int_in_range(0..=pillars - 1)?)
        };
        let denominator = match u.int_in_range(0u8..=9)? {
            0 => Some(DENOMINATORS[0].to_string()),
            1 => Some(DENOMINATORS[1].to_string()),
            2 => leaves.first().cloned(),
            3 if chance(u, 16)? => Some("unknown".into()),
            _ => None,
        };
        nodes.push(NodeSpec {
            id: id.clone(),
            name: format!("Indicator {i}"),
            parent: Some(parent),
            weight: weight(u)?,
            kind: NodeKind::Indicator { denominator },
        });
        leaves.push(id);
    }
    if chance(u, 40)? {
        // One rule broken: the framework must refuse it with a typed error.
        match u.int_in_range(0u8..=2)? {
            0 => nodes.push(NodeSpec {
                id: "orphan".into(),
                name: "Orphan".into(),
                parent: Some("missing".into()),
                weight: 1.0,
                kind: NodeKind::Aggregate,
            }),
            1 => {
                if let Some(n) = nodes.last_mut() {
                    n.id = "a:b".into();
                }
            }
            _ => {
                if let Some(n) = nodes.first_mut() {
                    n.parent = Some("p0".into());
                }
            }
        }
    }
    Ok((nodes, leaves))
}

/// How one indicator's column is drawn.
fn column_value(
    u: &mut Unstructured<'_>,
    style: u8,
    constant: f64,
    scale: f64,
    at: (usize, usize, usize),
) -> Result<Option<f64>> {
    let (unit, ind, year) = at;
    let pattern = ((unit * 31 + ind * 17 + year * 7) % 101) as f64;
    Ok(match style {
        // A plain column, no bytes needed.
        0 => Some(pattern),
        // Small whole numbers with gaps.
        1 => match u.int_in_range(0u8..=12)? {
            0 => None,
            k => Some(f64::from(k) - 4.0),
        },
        // One value everywhere (a constant indicator).
        2 => Some(constant),
        // Anything, gaps included.
        3 => {
            if chance(u, 5)? {
                None
            } else {
                Some(wild(u)?)
            }
        }
        // Nothing at all.
        4 => None,
        // The pattern on a far scale, signs mixed.
        5 => Some(pattern * scale * if unit % 3 == 0 { -1.0 } else { 1.0 }),
        // One outlier among plain values (what winsorisation treats).
        6 => Some(if unit == 0 { constant } else { pattern }),
        // Sparse: mostly missing.
        _ => chance(u, 4)?.then_some(pattern),
    })
}

/// The dataset: units `U00…` in the groups drawn, the framework's indicators and the two
/// denominators, one to three years.
fn dataset(u: &mut Unstructured<'_>, leaves: &[String]) -> Result<Dataset> {
    let n_units = u.int_in_range(1..=MAX_UNITS)?;
    let units: Vec<Unit> = (0..n_units)
        .map(|i| {
            let mut groups = Vec::new();
            match u.int_in_range(0u8..=2)? {
                1 => groups.push("LDC".to_string()),
                2 => groups.push("developed".to_string()),
                _ => {}
            }
            match u.int_in_range(0u8..=3)? {
                3 => {}
                r => groups.push(format!("r{r}")),
            }
            Ok(Unit {
                short: None,
                code: format!("U{i:02}"),
                name: format!("Unit {i}"),
                groups,
            })
        })
        .collect::<Result<_>>()?;
    let source = Source {
        id: "s".into(),
        publisher: "fuzz".into(),
        title: "fuzz".into(),
        edition: "1".into(),
        licence: "CC0".into(),
        url: String::new(),
    };
    let ids: Vec<String> = leaves
        .iter()
        .cloned()
        .chain(DENOMINATORS.iter().map(|d| (*d).to_string()))
        .collect();
    let indicators: Vec<Indicator> = ids
        .iter()
        .map(|id| {
            Ok(Indicator {
                id: id.clone(),
                name: id.clone(),
                unit: "u".into(),
                direction: if chance(u, 4)? {
                    Direction::Lower
                } else {
                    Direction::Higher
                },
                source: "s".into(),
            })
        })
        .collect::<Result<_>>()?;
    let years: Vec<i32> = match u.int_in_range(0u8..=3)? {
        0 => vec![2020],
        1 => vec![2020, 2021],
        2 => vec![2018, 2020, 2021],
        _ => vec![2021, 2019, 2020],
    };
    let groups = GROUPS
        .iter()
        .map(|(id, family)| Group {
            id: (*id).into(),
            name: (*id).into(),
            family: (*family).into(),
        })
        .collect();
    let mut b = DatasetBuilder::new(units, indicators, vec![source], groups, years.clone())
        .map_err(|_| arbitrary::Error::IncorrectFormat)?;
    for (i, id) in ids.iter().enumerate() {
        let style = u.int_in_range(0u8..=7)?;
        let constant = wild(u)?;
        let scale = 10f64.powi(u.int_in_range(-300i32..=300)?);
        for (y, &year) in years.iter().enumerate() {
            for unit in 0..n_units {
                let Some(v) = column_value(u, style, constant, scale, (unit, i, y))? else {
                    continue;
                };
                let code = format!("U{unit:02}");
                let set = b.set(&code, id, year, v);
                assert_eq!(
                    set.is_ok(),
                    v.is_finite(),
                    "a dataset takes finite values and refuses the rest: {v} gave {set:?}"
                );
            }
        }
    }
    Ok(b.build())
}

/// An uncertainty plan of a few draws: every input varied now and then.
fn plan(u: &mut Unstructured<'_>) -> Result<Plan> {
    let normalisations = if u.arbitrary()? {
        vec![normalisation(u, false)?, normalisation(u, false)?]
    } else {
        Vec::new()
    };
    let aggregations = if u.arbitrary()? {
        vec![aggregation(u)?, aggregation(u)?]
    } else {
        Vec::new()
    };
    Ok(Plan {
        draws: u.int_in_range(1..=8)?,
        seed: u.arbitrary()?,
        weights: match u.int_in_range(0u8..=2)? {
            0 => Some(WeightNoise::Relative {
                p: setting(u, &[0.25, 1.0, 0.0])?,
            }),
            1 => Some(WeightNoise::Simplex),
            _ => None,
        },
        normalisations,
        aggregations,
        winsorisation: if u.arbitrary()? {
            Some((u.int_in_range(0..=5)?, u.int_in_range(0..=60)?))
        } else {
            None
        },
        imputation: u.arbitrary()?,
    })
}

/// A whole case from fuzz bytes.
///
/// # Errors
/// Only when the bytes make no case at all (the builder refused the fixed metadata: never).
pub fn case(u: &mut Unstructured<'_>) -> Result<Case> {
    let (nodes, leaves) = nodes(u)?;
    let method = method(u, &leaves)?;
    let second = method_second(u, &leaves)?;
    let mut weights = BTreeMap::new();
    for _ in 0..u.int_in_range(0u8..=3)? {
        weights.insert(u.int_in_range(0..=nodes.len())?, weight(u)?);
    }
    // Mostly one of the dataset's years (the latest when the bytes run out), now and then 2019
    // (in one shape of the data only) or any year.
    let year_pick = u.int_in_range(0u8..=31)?;
    let any_year: i32 = if year_pick == 31 {
        u.arbitrary()?
    } else {
        2019
    };
    let plan = if chance(u, 4)? { Some(plan(u)?) } else { None };
    // The values last: they take the most bytes, and a short input still has a whole method.
    let dataset = dataset(u, &leaves)?;
    let years = dataset.years();
    let year = match year_pick {
        30 | 31 => any_year,
        k => years
            .get(
                years
                    .len()
                    .saturating_sub(1 + usize::from(k) % years.len().max(1)),
            )
            .copied()
            .unwrap_or(any_year),
    };
    Ok(Case {
        nodes,
        dataset,
        method,
        second,
        weights,
        year,
        plan,
    })
}

/// The second method: a plain default, or another random one.
fn method_second(u: &mut Unstructured<'_>, leaves: &[String]) -> Result<MethodSpec> {
    if u.arbitrary()? {
        method(u, leaves)
    } else {
        Ok(MethodSpec::default())
    }
}
