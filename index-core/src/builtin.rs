//! The built-in frameworks: each index the product ships, expressed as a framework plus a method
//! — never as special-case code. The data pipeline fills them with the publishers' data.

use std::collections::BTreeMap;

use crate::dataset::Direction;
use crate::error::Result;
use crate::framework::{Framework, NodeKind, NodeSpec};
use crate::method::{Aggregation, IndicatorMethod, Method, MethodSpec, Normalisation, Treatment};

/// An indicator a built-in framework expects in its dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedIndicator {
    /// Id (the framework leaf's id).
    pub id: &'static str,
    /// Name.
    pub name: &'static str,
    /// Unit of measure.
    pub unit: &'static str,
    /// Direction.
    pub direction: Direction,
}

/// A built-in index: its framework, default method and the indicators it expects.
#[derive(Debug, Clone)]
pub struct BuiltinIndex {
    /// Id (`hdi`, `ftri`, …).
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// What it is, in a sentence or two.
    pub description: &'static str,
    /// The framework.
    pub framework: Framework,
    /// The default method.
    pub method: Method,
    /// The leaf indicators, with metadata.
    pub indicators: Vec<ExpectedIndicator>,
}

/// A row of a compact framework table: `(id, name, parent, weight, denominator)`; a node is an
/// indicator when it appears in `indicators`.
type Row<'a> = (&'a str, &'a str, Option<&'a str>, f64, Option<&'a str>);

fn framework(rows: &[Row<'_>], indicators: &[ExpectedIndicator]) -> Result<Framework> {
    Framework::new(
        rows.iter()
            .map(|(id, name, parent, weight, den)| NodeSpec {
                id: (*id).into(),
                name: (*name).into(),
                parent: parent.map(Into::into),
                weight: *weight,
                kind: if indicators.iter().any(|i| i.id == *id) {
                    NodeKind::Indicator {
                        denominator: den.map(Into::into),
                    }
                } else {
                    NodeKind::Aggregate
                },
            })
            .collect(),
    )
}

const fn ind(id: &'static str, name: &'static str, unit: &'static str) -> ExpectedIndicator {
    ExpectedIndicator {
        id,
        name,
        unit,
        direction: Direction::Higher,
    }
}

/// UNDP's Human Development Index, as specified in the HDR technical notes:
///
/// - health = (LE − 20)/(85 − 20);
/// - education = mean of min(EYS, 18)/18 and min(MYS, 15)/15;
/// - income = (ln GNIpc − ln 100)/(ln 75 000 − ln 100);
/// - each dimension index clamped to [0, 1] (goalposts clamp);
/// - HDI = unweighted geometric mean of the three dimension indices.
///
/// Expressed as per-indicator goalposts (linear, or on logs for income), the arithmetic mean at
/// level 2 and the geometric mean at level 3. Every component is required (`min_child_share`
/// 1), as UNDP gives no HDI to a country missing one. The geometric floor is 10⁻⁴ (no dimension
/// index observed comes near it).
///
/// # Errors
/// None in practice: the table is fixed; the `Result` is the framework constructor's.
pub fn hdi() -> Result<BuiltinIndex> {
    let indicators = vec![
        ind("le", "Life expectancy at birth", "years"),
        ind("eys", "Expected years of schooling", "years"),
        ind("mys", "Mean years of schooling", "years"),
        ind("gnipc", "Gross national income per capita", "2017 PPP $"),
    ];
    let rows: &[Row<'_>] = &[
        ("hdi", "Human Development Index", None, 1.0, None),
        ("health", "Long and healthy life", Some("hdi"), 1.0, None),
        ("education", "Knowledge", Some("hdi"), 1.0, None),
        (
            "income",
            "Decent standard of living",
            Some("hdi"),
            1.0,
            None,
        ),
        ("le", "Life expectancy at birth", Some("health"), 1.0, None),
        (
            "eys",
            "Expected years of schooling",
            Some("education"),
            1.0,
            None,
        ),
        (
            "mys",
            "Mean years of schooling",
            Some("education"),
            1.0,
            None,
        ),
        (
            "gnipc",
            "GNI per capita (2017 PPP $)",
            Some("income"),
            1.0,
            None,
        ),
    ];
    let posts = |min: f64, max: f64, log: bool| IndicatorMethod {
        normalisation: Some(Normalisation::Goalposts {
            min,
            max,
            log,
            low: 0.0,
            high: 1.0,
        }),
        treatment: None,
    };
    let mut per_indicator = BTreeMap::new();
    per_indicator.insert("le".to_string(), posts(20.0, 85.0, false));
    per_indicator.insert("eys".to_string(), posts(0.0, 18.0, false));
    per_indicator.insert("mys".to_string(), posts(0.0, 15.0, false));
    per_indicator.insert("gnipc".to_string(), posts(100.0, 75_000.0, true));
    let mut levels = BTreeMap::new();
    levels.insert(3, Aggregation::Geometric);
    let method = Method::new(MethodSpec {
        normalisation: Normalisation::MinMax {
            low: 0.0,
            high: 1.0,
        },
        indicators: per_indicator,
        aggregation: Aggregation::Arithmetic,
        levels,
        floor: 1e-4,
        min_child_share: 1.0,
        ..MethodSpec::default()
    })?;
    Ok(BuiltinIndex {
        id: "hdi",
        title: "Human Development Index",
        description: "UNDP's HDI computed from its four components with the HDR goalposts: \
                      health, education and income indices combined by a geometric mean.",
        framework: framework(rows, &indicators)?,
        method,
        indicators,
    })
}

/// Method for indices whose leaves are already published 0–1 scores: no normalisation,
/// arithmetic mean, geometric floor 0.01 (1% of the scale).
fn scores_method(high: f64) -> Result<Method> {
    Method::new(MethodSpec {
        normalisation: Normalisation::None,
        floor: 0.01 * high,
        ..MethodSpec::default()
    })
}

/// UNCTAD's Frontier Technology Readiness Index re-weighted from its five published building
/// blocks (scores 0–1), equal weights, arithmetic mean.
///
/// This is *not* UNCTAD's published overall score, which UNCTAD computes from the underlying
/// indicators; the bundle keeps the published score alongside for comparison.
///
/// # Errors
/// None in practice (fixed table).
pub fn ftri() -> Result<BuiltinIndex> {
    let indicators = vec![
        ind("ict", "ICT deployment", "score 0–1"),
        ind("skills", "Skills", "score 0–1"),
        ind("rd", "Research and development", "score 0–1"),
        ind("industry", "Industry activity", "score 0–1"),
        ind("finance", "Access to finance", "score 0–1"),
    ];
    let mut rows: Vec<Row<'_>> = vec![(
        "ftri",
        "Technology readiness (re-weighted blocks)",
        None,
        1.0,
        None,
    )];
    rows.extend(
        indicators
            .iter()
            .map(|i| (i.id, i.name, Some("ftri"), 1.0, None)),
    );
    Ok(BuiltinIndex {
        id: "ftri",
        title: "Frontier Technology Readiness Index",
        description: "UNCTAD's five building blocks of frontier-technology readiness — ICT, \
                      skills, R&D, industry activity and access to finance — combined with \
                      weights you choose.",
        framework: framework(&rows, &indicators)?,
        method: scores_method(1.0)?,
        indicators,
    })
}

/// UNCTAD's Frontier Technology Readiness Index as UNCTAD published it, where no building-block
/// scores were published (the TIR 2025 edition): a framework of one indicator, UNCTAD's overall
/// score, taken as it is (no normalisation; the mean of one value is that value). There is
/// nothing to re-weight ([`Framework::is_reweightable`] is `false`).
///
/// # Errors
/// None in practice (fixed table).
pub fn ftri_published() -> Result<BuiltinIndex> {
    let indicators = vec![ind(
        "ftri_published",
        "FTRI, UNCTAD's published score",
        "score 0–1",
    )];
    let rows: &[Row<'_>] = &[
        (
            "ftri",
            "Frontier technology readiness (UNCTAD's score)",
            None,
            1.0,
            None,
        ),
        (
            "ftri_published",
            "FTRI, UNCTAD's published score",
            Some("ftri"),
            1.0,
            None,
        ),
    ];
    Ok(BuiltinIndex {
        id: "ftri-published",
        title: "Frontier Technology Readiness Index",
        description: "UNCTAD's overall Frontier Technology Readiness Index score as published; \
                      no building-block scores were published, so weights cannot apply.",
        framework: framework(rows, &indicators)?,
        method: scores_method(1.0)?,
        indicators,
    })
}

/// UNCTAD's Productive Capacities Index re-weighted from its eight published categories
/// (scores 0–100), equal weights, arithmetic mean.
///
/// # Errors
/// None in practice (fixed table).
pub fn pci() -> Result<BuiltinIndex> {
    let indicators = vec![
        ind("human_capital", "Human capital", "score 0–100"),
        ind("natural_capital", "Natural capital", "score 0–100"),
        ind("energy", "Energy", "score 0–100"),
        ind("transport", "Transport", "score 0–100"),
        ind("ict", "ICT", "score 0–100"),
        ind("institutions", "Institutions", "score 0–100"),
        ind("private_sector", "Private sector", "score 0–100"),
        ind("structural_change", "Structural change", "score 0–100"),
    ];
    let mut rows: Vec<Row<'_>> = vec![(
        "pci",
        "Productive capacities (re-weighted categories)",
        None,
        1.0,
        None,
    )];
    rows.extend(
        indicators
            .iter()
            .map(|i| (i.id, i.name, Some("pci"), 1.0, None)),
    );
    Ok(BuiltinIndex {
        id: "pci",
        title: "Productive Capacities Index",
        description: "UNCTAD's eight categories of productive capacities combined with weights \
                      you choose.",
        framework: framework(&rows, &indicators)?,
        method: scores_method(100.0)?,
        indicators,
    })
}

/// WIPO's Global Innovation Index from its seven pillar scores (0–100): the input sub-index is
/// the mean of the five input pillars, the output sub-index the mean of the two output pillars,
/// and the GII the mean of the two sub-indices.
///
/// # Errors
/// None in practice (fixed table).
pub fn gii() -> Result<BuiltinIndex> {
    let indicators = vec![
        ind("institutions", "Institutions", "score 0–100"),
        ind("human_capital", "Human capital and research", "score 0–100"),
        ind("infrastructure", "Infrastructure", "score 0–100"),
        ind("market", "Market sophistication", "score 0–100"),
        ind("business", "Business sophistication", "score 0–100"),
        ind(
            "knowledge",
            "Knowledge and technology outputs",
            "score 0–100",
        ),
        ind("creative", "Creative outputs", "score 0–100"),
    ];
    let rows: &[Row<'_>] = &[
        ("gii", "Global Innovation Index", None, 1.0, None),
        (
            "input",
            "Innovation input sub-index",
            Some("gii"),
            1.0,
            None,
        ),
        (
            "output",
            "Innovation output sub-index",
            Some("gii"),
            1.0,
            None,
        ),
        ("institutions", "Institutions", Some("input"), 1.0, None),
        (
            "human_capital",
            "Human capital and research",
            Some("input"),
            1.0,
            None,
        ),
        ("infrastructure", "Infrastructure", Some("input"), 1.0, None),
        ("market", "Market sophistication", Some("input"), 1.0, None),
        (
            "business",
            "Business sophistication",
            Some("input"),
            1.0,
            None,
        ),
        (
            "knowledge",
            "Knowledge and technology outputs",
            Some("output"),
            1.0,
            None,
        ),
        ("creative", "Creative outputs", Some("output"), 1.0, None),
    ];
    Ok(BuiltinIndex {
        id: "gii",
        title: "Global Innovation Index",
        description: "WIPO's GII from its seven pillars: five input pillars and two output \
                      pillars, each side averaged into a sub-index, the two averaged.",
        framework: framework(rows, &indicators)?,
        method: scores_method(100.0)?,
        indicators,
    })
}

/// An FTRI-like technology-readiness index built from raw World Bank and UNDP indicators, where
/// the methodological choices matter: values up to 5 years old carried forward, counts turned
/// into per-million-people rates, units with less than 2/3 of the indicators dropped (the
/// JRC's usual threshold), outliers winsorised (JRC rule), min-max 0–100, arithmetic means,
/// equal weights within and across the five blocks, and at least half of a parent's children
/// present for it to get a score.
///
/// Expects a `pop_millions` indicator (population in millions) as the denominator.
///
/// # Errors
/// None in practice (fixed table).
pub fn tech() -> Result<BuiltinIndex> {
    let indicators = vec![
        ind(
            "internet",
            "Individuals using the Internet",
            "% of population",
        ),
        ind("mobile", "Mobile cellular subscriptions", "per 100 people"),
        ind("eys", "Expected years of schooling", "years"),
        ind("mys", "Mean years of schooling", "years"),
        ind(
            "articles",
            "Scientific and technical journal articles",
            "per million people",
        ),
        ind(
            "patents",
            "Patent applications, residents",
            "per million people",
        ),
        ind("rd_exp", "Research and development expenditure", "% of GDP"),
        ind("researchers", "Researchers in R&D", "per million people"),
        ind(
            "hightech",
            "High-technology exports",
            "% of manufactured exports",
        ),
        ind("credit", "Domestic credit to private sector", "% of GDP"),
    ];
    let rows: &[Row<'_>] = &[
        (
            "tech",
            "Technology readiness (raw indicators)",
            None,
            1.0,
            None,
        ),
        ("ict", "ICT", Some("tech"), 1.0, None),
        ("skills", "Skills", Some("tech"), 1.0, None),
        ("rd", "Research and development", Some("tech"), 1.0, None),
        ("industry", "Industry", Some("tech"), 1.0, None),
        ("finance", "Finance", Some("tech"), 1.0, None),
        ("internet", "Internet users", Some("ict"), 1.0, None),
        ("mobile", "Mobile subscriptions", Some("ict"), 1.0, None),
        (
            "eys",
            "Expected years of schooling",
            Some("skills"),
            1.0,
            None,
        ),
        ("mys", "Mean years of schooling", Some("skills"), 1.0, None),
        (
            "articles",
            "Journal articles per million",
            Some("rd"),
            1.0,
            Some("pop_millions"),
        ),
        (
            "patents",
            "Resident patents per million",
            Some("rd"),
            1.0,
            Some("pop_millions"),
        ),
        ("rd_exp", "R&D expenditure", Some("rd"), 1.0, None),
        (
            "researchers",
            "Researchers per million",
            Some("rd"),
            1.0,
            None,
        ),
        ("hightech", "High-tech exports", Some("industry"), 1.0, None),
        ("credit", "Private credit", Some("finance"), 1.0, None),
    ];
    Ok(BuiltinIndex {
        id: "tech",
        title: "Technology readiness from raw indicators",
        description: "An FTRI-like index computed from World Bank and UNDP indicators, latest \
                      values within a five-year window, with the JRC's methods.",
        framework: framework(rows, &indicators)?,
        method: Method::new(MethodSpec {
            denominate: true,
            carry_forward: 5,
            screen: Some(2.0 / 3.0),
            treatment: Treatment::DEFAULT_WINSORISE,
            min_child_share: 0.5,
            ..MethodSpec::default()
        })?,
        indicators,
    })
}

/// The OECD's Better Life Index (2015 edition), built as the OECD builds it: each indicator
/// normalised by min–max to 0–1 over the countries, `(x − min)/(max − min)`, turned round
/// where lower is better (`(max − x)/(max − min)`); the mean of the indicators within each of
/// the 11 dimensions; the weighted mean of the dimensions. The OECD lets each person rate each
/// dimension 0–5 (weight = rating / sum of ratings); equal ratings, the default here, weigh the
/// dimensions equally.
///
/// Directions follow the OECD's definitions of each indicator: lower is better for dwellings
/// without basic facilities, housing expenditure, job insecurity ("job security" is the
/// probability of becoming unemployed), long-term unemployment, air pollution, assault and
/// homicide rates, and employees working very long hours; higher is better for the rest.
///
/// # Errors
/// None in practice (fixed table).
pub fn bli() -> Result<BuiltinIndex> {
    use Direction::{Higher, Lower};
    let e = |id, name, unit, direction| ExpectedIndicator {
        id,
        name,
        unit,
        direction,
    };
    // (dimension id, dimension name, its indicators)
    let table: &[(&str, &str, Vec<ExpectedIndicator>)] = &[
        (
            "housing",
            "Housing",
            vec![
                e("HO_BASE", "Dwellings without basic facilities", "%", Lower),
                e(
                    "HO_HISH",
                    "Housing expenditure",
                    "% of disposable income",
                    Lower,
                ),
                e("HO_NUMR", "Rooms per person", "ratio", Higher),
            ],
        ),
        (
            "income",
            "Income",
            vec![
                e(
                    "IW_HADI",
                    "Household net adjusted disposable income",
                    "US$",
                    Higher,
                ),
                e("IW_HNFW", "Household net financial wealth", "US$", Higher),
            ],
        ),
        (
            "jobs",
            "Jobs",
            vec![
                e("JE_EMPL", "Employment rate", "%", Higher),
                e(
                    "JE_JT",
                    "Job security (probability of becoming unemployed)",
                    "%",
                    Lower,
                ),
                e("JE_LTUR", "Long-term unemployment rate", "%", Lower),
                e("JE_PEARN", "Personal earnings", "US$", Higher),
            ],
        ),
        (
            "community",
            "Community",
            vec![e("SC_SNTWS", "Quality of support network", "%", Higher)],
        ),
        (
            "education",
            "Education",
            vec![
                e("ES_EDUA", "Educational attainment", "%", Higher),
                e("ES_STCS", "Student skills", "average PISA score", Higher),
                e("ES_EDUEX", "Years in education", "years", Higher),
            ],
        ),
        (
            "environment",
            "Environment",
            vec![
                e("EQ_AIRP", "Air pollution", "µg/m³", Lower),
                e("EQ_WATER", "Water quality", "%", Higher),
            ],
        ),
        (
            "civic",
            "Civic engagement",
            vec![
                e(
                    "CG_TRASG",
                    "Consultation on rule-making",
                    "average score",
                    Higher,
                ),
                e("CG_VOTO", "Voter turnout", "%", Higher),
            ],
        ),
        (
            "health",
            "Health",
            vec![
                e("HS_LEB", "Life expectancy", "years", Higher),
                e("HS_SFRH", "Self-reported health", "%", Higher),
            ],
        ),
        (
            "life_satisfaction",
            "Life satisfaction",
            vec![e(
                "SW_LIFS",
                "Life satisfaction",
                "average score 0–10",
                Higher,
            )],
        ),
        (
            "safety",
            "Safety",
            vec![
                e("PS_SFRV", "Assault rate", "%", Lower),
                e("PS_REPH", "Homicide rate", "per 100 000", Lower),
            ],
        ),
        (
            "work_life",
            "Work–life balance",
            vec![
                e("WL_EWLH", "Employees working very long hours", "%", Lower),
                e(
                    "WL_TNOW",
                    "Time devoted to leisure and personal care",
                    "hours a day",
                    Higher,
                ),
            ],
        ),
    ];
    let mut rows: Vec<Row<'_>> = vec![("bli", "Better Life Index", None, 1.0, None)];
    let mut indicators = Vec::new();
    for (id, name, inds) in table {
        rows.push((id, name, Some("bli"), 1.0, None));
        for i in inds {
            rows.push((i.id, i.name, Some(id), 1.0, None));
            indicators.push(i.clone());
        }
    }
    Ok(BuiltinIndex {
        id: "bli",
        title: "Better Life Index",
        description: "The OECD's Better Life Index: 11 dimensions of well-being, each \
                      indicator scaled 0–1 between the countries' lowest and highest; rate \
                      the dimensions to weigh them as you see fit.",
        framework: framework(&rows, &indicators)?,
        method: Method::new(MethodSpec {
            normalisation: Normalisation::MinMax {
                low: 0.0,
                high: 1.0,
            },
            ..MethodSpec::default()
        })?,
        indicators,
    })
}

/// Every built-in index.
///
/// # Errors
/// None in practice (fixed tables).
pub fn all() -> Result<Vec<BuiltinIndex>> {
    Ok(vec![
        ftri()?,
        ftri_published()?,
        tech()?,
        hdi()?,
        pci()?,
        gii()?,
        bli()?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_is_a_valid_framework() {
        let all = all().unwrap();
        assert_eq!(all.len(), 7);
        let bli = bli().unwrap();
        assert_eq!(
            (bli.framework.pillars().len(), bli.indicators.len()),
            (11, 24)
        );
        for b in &all {
            assert_eq!(b.framework.leaves().len(), b.indicators.len(), "{}", b.id);
        }
        assert_eq!(hdi().unwrap().framework.depth(), 3);
        assert_eq!(gii().unwrap().framework.pillars().len(), 2);
        assert!(ftri().unwrap().framework.is_reweightable());
        assert!(!ftri_published().unwrap().framework.is_reweightable());
    }
}
