//! `asem`: the JRC's ASEM Sustainable Connectivity example (COINr): framework from
//! `jrc/asem_framework.csv`, data from `jrc/asem_indicators.csv` (51 countries, 2018), with the
//! JRC example build as default method.

use index_core::dataset::{Group, Indicator, Source};
use index_core::framework::Framework;
use index_core::method::{Aggregation, Imputation, Method, MethodSpec, Normalisation, Treatment};

use super::{Assembly, DefaultYear, Inputs, Meta};
use crate::error::{Error, Result};
use crate::{read, Built};

/// The framework file.
pub const FRAMEWORK: &str = "jrc/asem_framework.csv";
/// The data file.
pub const DATA: &str = "jrc/asem_indicators.csv";

/// The JRC source.
pub fn source() -> Source {
    Source {
        id: "jrc-asem".into(),
        publisher: "European Commission, Joint Research Centre (JRC)".into(),
        title: "ASEM Sustainable Connectivity example data (COINr package)".into(),
        edition: "COINr example data, 2018".into(),
        licence: "MIT".into(),
        url: "https://github.com/bluefoxr/COINr".into(),
    }
}

/// The JRC example build (COINr `build_example_coin`): denominate; impute by the mean of the
/// unit's `EurAsia_group`; drop units with less than 90% of the data; winsorise (COINr
/// defaults); min-max 0–100; arithmetic means at every level.
///
/// # Errors
/// None in practice (fixed values within the method's limits).
pub fn method() -> index_core::Result<Method> {
    Method::new(MethodSpec {
        denominate: true,
        imputation: Imputation::GroupMean {
            family: "EurAsia_group".into(),
        },
        screen: Some(0.9),
        treatment: Treatment::Winsorise {
            max_winsorised: 5,
            skew: 2.0,
            kurtosis: 3.5,
            mirror_negative: false,
        },
        normalisation: Normalisation::MinMax {
            low: 0.0,
            high: 100.0,
        },
        aggregation: Aggregation::Arithmetic,
        floor: 1.0,
        ..MethodSpec::default()
    })
}

/// Builds the bundle.
pub(crate) fn build(inputs: &mut Inputs<'_>) -> Result<Built> {
    let countries = inputs.countries()?;
    let fw = read::jrc::read_framework(&inputs.path(FRAMEWORK))?;
    let data = read::jrc::read_indicators(&inputs.path(DATA), &countries, &fw)?;
    let framework = Framework::new(fw.nodes.clone()).map_err(Error::engine("asem"))?;
    let years: Vec<i32> = data.table.years().into_iter().collect();
    let last = years.last().copied().unwrap_or(0);
    let files = super::inputs("asem").unwrap_or_default();
    let mut a = Assembly::new("asem", data.table.units.clone(), years, inputs, &files);
    let src = source();
    a.source(src.clone());
    a.absorb(&data.table);
    for m in fw.denominators.iter().chain(&fw.indicators) {
        a.add_series(
            &data.table,
            &m.id,
            Indicator {
                id: m.id.clone(),
                name: m.name.clone(),
                unit: m.unit.clone(),
                direction: m.direction,
                source: src.id.clone(),
            },
            1.0,
        )?;
    }
    for (code, groups) in &data.groups {
        for (column, value) in groups {
            let label = fw
                .group_columns
                .iter()
                .find(|(id, _)| id == column)
                .map_or(column.as_str(), |(_, name)| name.as_str());
            a.extra_group(
                code,
                Group {
                    id: format!("{column}:{value}"),
                    name: format!("{label}: {value}"),
                    family: column.clone(),
                },
            );
        }
    }
    a.gdppc(inputs)?;
    a.note(
        "Example data from the JRC's COINr package, for learning and comparison; the \
         framework file's Target column (for distance-to-target normalisation) is not used.",
    );
    let meta = Meta {
        title: "ASEM Sustainable Connectivity".into(),
        description: "The JRC's example composite index of the 51 ASEM countries: eight \
                      pillars of connectivity and sustainability, 49 indicators, built the \
                      way COINr's example builds it."
            .into(),
        framework,
        method: method().map_err(Error::engine("asem"))?,
        default_year: DefaultYear::Fixed(last),
        default_groups: ["EurAsia_group:Asia", "EurAsia_group:Europe"],
        reference: None,
    };
    a.finish(inputs, meta)
}
