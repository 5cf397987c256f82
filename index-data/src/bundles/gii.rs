//! `gii` and `gii-panel`: WIPO's Global Innovation Index from its seven pillars, for the 2025
//! edition (`wipo/gii_2025.csv`) and for the 2011–2022 editions (`wipo/gii_2011_2022.csv`),
//! each with WIPO's published score as the reference.

use index_core::builtin::{self, BuiltinIndex};
use index_core::bundle::Reference;
use index_core::dataset::{Direction, Indicator, Source};

use super::{builtin_indicator, check_mapping, Assembly, DefaultYear, Inputs, Meta};
use crate::error::{Error, Result};
use crate::read::{self, Table};
use crate::Built;

/// The 2025 edition.
pub const FILE_2025: &str = "wipo/gii_2025.csv";
/// The 2011–2022 editions.
pub const FILE_PANEL: &str = "wipo/gii_2011_2022.csv";

/// Pillar columns (both files) → framework indicator ids.
pub const PILLARS: &[(&str, &str)] = &[
    ("Institutions", "institutions"),
    ("Human capital and research", "human_capital"),
    ("Infrastructure", "infrastructure"),
    ("Market sophistication", "market"),
    ("Business sophistication", "business"),
    ("Knowledge and technology outputs", "knowledge"),
    ("Creative outputs", "creative"),
];

fn source(id: &str, title: &str, edition: &str) -> Source {
    Source {
        id: id.into(),
        publisher: "WIPO".into(),
        title: title.into(),
        edition: edition.into(),
        licence: "WIPO, with attribution".into(),
        url: "https://www.wipo.int/global_innovation_index/en/".into(),
    }
}

/// Adds the pillars and the published score of `table`.
fn add(a: &mut Assembly, b: &BuiltinIndex, table: &Table, src: &Source, label: &str) -> Result<()> {
    a.absorb(table);
    for (column, id) in PILLARS {
        a.add_series(table, column, builtin_indicator(b, id, &src.id)?, 1.0)?;
    }
    a.add_series(
        table,
        read::wipo::SCORE,
        Indicator {
            id: "gii_published".into(),
            name: label.into(),
            unit: "score 0–100".into(),
            direction: Direction::Higher,
            source: src.id.clone(),
        },
        1.0,
    )
}

/// Builds `gii` (2025 edition).
pub(crate) fn build_2025(inputs: &mut Inputs<'_>) -> Result<Built> {
    let b = builtin::gii().map_err(Error::engine("gii"))?;
    check_mapping(&b, PILLARS)?;
    let countries = inputs.countries()?;
    let (table, year) = read::wipo::read_edition(&inputs.path(FILE_2025), &countries)?;
    let files = super::inputs("gii").unwrap_or_default();
    let mut a = Assembly::new("gii", table.units.clone(), vec![year], inputs, &files);
    let src = source(
        "wipo-gii-2025",
        "Global Innovation Index 2025 (scores and pillars from the economy profiles)",
        "GII 2025",
    );
    a.source(src.clone());
    add(&mut a, &b, &table, &src, "GII 2025, WIPO's published score")?;
    a.gdppc(inputs)?;
    a.note(
        "WIPO's GII is the mean of the input sub-index (mean of five pillars) and the output \
         sub-index (mean of two pillars); computed here from the published pillar scores, \
         which are rounded to one decimal, it reproduces WIPO's score to within rounding.",
    );
    let mut meta = Meta::from_builtin(b, DefaultYear::Fixed(year));
    meta.reference = Some(Reference {
        indicator: "gii_published".into(),
        label: "WIPO's published GII 2025 score".into(),
        note: "WIPO's score in the GII 2025 report. With equal weights the index computed \
               here reproduces it to within rounding; with other weights it departs from it."
            .into(),
    });
    a.finish(inputs, meta)
}

/// Builds `gii-panel` (editions 2011–2022).
pub(crate) fn build_panel(inputs: &mut Inputs<'_>) -> Result<Built> {
    let b = builtin::gii().map_err(Error::engine("gii-panel"))?;
    check_mapping(&b, PILLARS)?;
    let countries = inputs.countries()?;
    let table = read::wipo::read_panel(&inputs.path(FILE_PANEL), &countries)?;
    let years: Vec<i32> = table.years().into_iter().collect();
    let last = years.last().copied().unwrap_or(0);
    let files = super::inputs("gii-panel").unwrap_or_default();
    let mut a = Assembly::new("gii-panel", table.units.clone(), years, inputs, &files);
    let src = source(
        "wipo-gii-panel",
        "Global Innovation Index: pillar scores and GII, editions 2011–2022",
        "GII 2011–2022 editions",
    );
    a.source(src.clone());
    add(&mut a, &b, &table, &src, "GII, WIPO's published score")?;
    a.gdppc(inputs)?;
    a.note(
        "Each year's figures come from that year's GII edition. WIPO revises the indicators \
         and method between editions, so scores are not comparable from one year to the next \
         (WIPO's own caution); compare ranks within a year.",
    );
    let mut meta = Meta::from_builtin(b, DefaultYear::Fixed(last));
    meta.title = "Global Innovation Index, editions 2011–2022".into();
    meta.description = "WIPO's GII from its seven pillars as published in each edition from \
                        2011 to 2022: five input pillars and two output pillars, each side \
                        averaged into a sub-index, the two averaged."
        .into();
    meta.reference = Some(Reference {
        indicator: "gii_published".into(),
        label: "WIPO's published GII score (each edition)".into(),
        note: "The `Global Innovation Index` column of the editions file. With equal weights \
               the index computed from the pillars reproduces it to within rounding."
            .into(),
    });
    a.finish(inputs, meta)
}
