//! `tech`: an FTRI-like technology-readiness index computed from raw World Bank indicators and
//! UNDP's schooling figures, where the methodological choices matter (values up to five years
//! old carried forward, counts per million people, winsorising, min-max).
//!
//! Years run from [`FIRST_YEAR`] to the latest year any World Bank framework file has data;
//! the default year is the latest in which at least half the units get an index score under the
//! default method ([`half_scored_year`](super::half_scored_year)).

use std::collections::BTreeSet;

use index_core::builtin;
use index_core::dataset::{Direction, Indicator};

use super::{
    builtin_indicator, hdro_source, wdi_path, wdi_source, Assembly, DefaultYear, Inputs, Meta,
};
use crate::error::{Error, Result};
use crate::Built;

/// World Bank indicator codes → framework indicator ids.
pub const WDI: &[(&str, &str)] = &[
    ("IT.NET.USER.ZS", "internet"),
    ("IT.CEL.SETS.P2", "mobile"),
    ("IP.JRN.ARTC.SC", "articles"),
    ("IP.PAT.RESD", "patents"),
    ("GB.XPD.RSDV.GD.ZS", "rd_exp"),
    ("SP.POP.SCIE.RD.P6", "researchers"),
    ("TX.VAL.TECH.MF.ZS", "hightech"),
    ("FS.AST.PRVT.GD.ZS", "credit"),
];
/// UNDP columns → framework indicator ids.
pub const UNDP: &[&str] = &["eys", "mys"];
/// Population, the denominator of articles and patents (as `pop_millions`).
pub const POPULATION: &str = "SP.POP.TOTL";
/// First year held.
pub const FIRST_YEAR: i32 = 2000;

/// The files read besides the common ones.
pub fn inputs() -> Vec<String> {
    WDI.iter()
        .map(|(c, _)| *c)
        .chain([POPULATION])
        .map(wdi_path)
        .collect()
}

/// Builds the bundle.
pub(crate) fn build(inputs: &mut Inputs<'_>) -> Result<Built> {
    let b = builtin::tech().map_err(Error::engine("tech"))?;
    let mapped: Vec<(&str, &str)> = WDI
        .iter()
        .copied()
        .chain(UNDP.iter().map(|u| (*u, *u)))
        .collect();
    super::check_mapping(&b, &mapped)?;
    let hdr = inputs.hdr()?;
    let files: Vec<_> = WDI
        .iter()
        .map(|(code, id)| Ok((inputs.wdi(code)?, *id)))
        .collect::<Result<_>>()?;
    let last = files
        .iter()
        .filter_map(|(w, _)| w.table.years().last().copied())
        .max()
        .unwrap_or(FIRST_YEAR);
    let years: Vec<i32> = (FIRST_YEAR..=last).collect();
    // Units: M49 countries with a framework value in the years held.
    let mut units = BTreeSet::new();
    for (w, _) in &files {
        units.extend(
            w.table
                .series(&w.code)
                .filter(|(_, y, _)| years.contains(y))
                .map(|(c, _, _)| c.to_string()),
        );
    }
    for id in UNDP {
        units.extend(
            hdr.table
                .series(id)
                .filter(|(_, y, _)| years.contains(y))
                .map(|(c, _, _)| c.to_string()),
        );
    }
    let all = super::inputs("tech").unwrap_or_default();
    let mut a = Assembly::new("tech", units, years, inputs, &all);
    for (w, id) in &files {
        let src = wdi_source(w);
        a.source(src.clone());
        a.absorb(&w.table);
        a.add_series(&w.table, &w.code, builtin_indicator(&b, id, &src.id)?, 1.0)?;
    }
    let src = hdro_source();
    a.source(src.clone());
    a.absorb(&hdr.table);
    for id in UNDP {
        a.add_series(&hdr.table, id, builtin_indicator(&b, id, &src.id)?, 1.0)?;
    }
    let pop = inputs.wdi(POPULATION)?;
    let src = wdi_source(&pop);
    a.source(src.clone());
    a.add_series(
        &pop.table,
        POPULATION,
        Indicator {
            id: "pop_millions".into(),
            name: "Population".into(),
            unit: "millions".into(),
            direction: Direction::Higher,
            source: src.id.clone(),
        },
        1e-6,
    )?;
    a.gdppc(inputs)?;
    a.note(
        "Recent years are sparse: the World Bank files were last updated at different dates \
         and many countries report with a lag of several years. The default method carries a \
         country's latest value forward from up to five earlier years and says which year \
         each value comes from.",
    );
    a.note(
        "Articles and patents are divided by population (pop_millions = SP.POP.TOTL / 10⁶) \
         when the method denominates.",
    );
    a.finish(inputs, Meta::from_builtin(b, DefaultYear::HalfScored))
}
