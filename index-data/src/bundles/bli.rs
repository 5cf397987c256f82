//! `bli`: the OECD's Better Life Index, 2015 edition (`oecd/bli_2015.csv`), built as the OECD
//! builds it with the engine's framework and method ([`index_core::builtin::bli`]), not special
//! code: min–max 0–1 per indicator over the countries, turned round where lower is better, the
//! mean of indicators within each of the 11 dimensions, the weighted mean of the dimensions.

use index_core::builtin;
use index_core::dataset::Source;

use super::{builtin_indicator, check_mapping, Assembly, DefaultYear, Inputs, Meta};
use crate::error::{Error, Result};
use crate::{read, Built};

/// The OECD.Stat export.
pub const FILE: &str = "oecd/bli_2015.csv";
/// The edition's year.
pub const YEAR: i32 = 2015;

/// The OECD source.
pub fn source() -> Source {
    Source {
        id: "oecd-bli-2015".into(),
        publisher: "OECD".into(),
        title: "Better Life Index (OECD.Stat)".into(),
        edition: "Better Life Index 2015".into(),
        licence: "OECD terms and conditions: free to use with attribution".into(),
        url: "https://www.oecdbetterlifeindex.org".into(),
    }
}

/// Builds the bundle.
pub(crate) fn build(inputs: &mut Inputs<'_>) -> Result<Built> {
    const ID: &str = "bli";
    let b = builtin::bli().map_err(Error::engine(ID))?;
    let map: Vec<(&str, &str)> = b.indicators.iter().map(|i| (i.id, i.id)).collect();
    check_mapping(&b, &map)?;
    let countries = inputs.countries()?;
    let table = read::oecd::read_long(&inputs.path(FILE), &countries, YEAR)?;
    let files = super::inputs(ID).unwrap_or_default();
    let mut a = Assembly::new(ID, table.units.clone(), vec![YEAR], inputs, &files);
    let src = source();
    a.source(src.clone());
    a.absorb(&table);
    for i in &b.indicators {
        a.add_series(&table, i.id, builtin_indicator(&b, i.id, &src.id)?, 1.0)?;
    }
    a.gdppc(inputs)?;
    a.note(
        "Built as the OECD builds its Better Life Index: each indicator scaled 0–1 between the \
         countries' lowest and highest value (turned round where lower is better), indicators \
         averaged within each of the 11 dimensions, dimensions weighted. The OECD lets each \
         person rate each dimension from 0 to 5 (weight = rating / sum of ratings); equal \
         weights, the default, are equal ratings. The OECD total row is set apart.",
    );
    let mut meta = Meta::from_builtin(b, DefaultYear::Fixed(YEAR));
    // No LDC is among the 36 countries: compare UNCTAD's developing and developed economies.
    meta.default_groups = ["developing", "developed"];
    a.finish(inputs, meta)
}
