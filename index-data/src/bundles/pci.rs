//! `pci`: UNCTAD's Productive Capacities Index, re-weighted from its eight published categories
//! (`unctad/pci_2008_2018.csv`), with UNCTAD's published overall score kept as the reference.

use index_core::builtin;
use index_core::bundle::Reference;
use index_core::dataset::{Direction, Indicator, Source};

use super::{check_mapping, Assembly, DefaultYear, Inputs, Meta};
use crate::error::{Error, Result};
use crate::{read, Built};

/// The long UNCTADstat file.
pub const FILE: &str = "unctad/pci_2008_2018.csv";

/// Columns of the file → framework indicator ids.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("human_capital", "human_capital"),
    ("natural_capacity", "natural_capital"),
    ("energy", "energy"),
    ("transport", "transport"),
    ("info_comm_tech", "ict"),
    ("institutions", "institutions"),
    ("private_sector", "private_sector"),
    ("structural_change", "structural_change"),
];

/// UNCTAD's published overall score column.
pub const PUBLISHED: &str = "productivity_over_index";

/// The UNCTAD source.
pub fn source() -> Source {
    Source {
        id: "unctad-pci".into(),
        publisher: "UNCTAD".into(),
        title: "Productive Capacities Index (UNCTADstat)".into(),
        edition: "UNCTADstat, 2008–2018 series".into(),
        licence: "UNCTADstat terms of use: free to use with attribution".into(),
        url: "https://unctadstat.unctad.org".into(),
    }
}

/// Builds the bundle.
pub(crate) fn build(inputs: &mut Inputs<'_>) -> Result<Built> {
    let b = builtin::pci().map_err(Error::engine("pci"))?;
    check_mapping(&b, CATEGORIES)?;
    let countries = inputs.countries()?;
    let table = read::unctad::read_long(&inputs.path(FILE), &countries)?;
    let years: Vec<i32> = table.years().into_iter().collect();
    let last = years.last().copied().unwrap_or(0);
    let files = super::inputs("pci").unwrap_or_default();
    let mut a = Assembly::new("pci", table.units.clone(), years, inputs, &files);
    let src = source();
    a.source(src.clone());
    a.absorb(&table);
    for (column, id) in CATEGORIES {
        a.add_series(
            &table,
            column,
            super::builtin_indicator(&b, id, &src.id)?,
            1.0,
        )?;
    }
    a.add_series(
        &table,
        PUBLISHED,
        Indicator {
            id: "pci_published".into(),
            name: "PCI, UNCTAD's published score".into(),
            unit: "score 0–100".into(),
            direction: Direction::Higher,
            source: src.id.clone(),
        },
        1.0,
    )?;
    a.gdppc(inputs)?;
    a.note(NOTE_PUBLISHED);
    let mut meta = Meta::from_builtin(b, DefaultYear::Fixed(last));
    meta.reference = Some(Reference {
        indicator: "pci_published".into(),
        label: "UNCTAD's published PCI score".into(),
        note: NOTE_PUBLISHED.into(),
    });
    a.finish(inputs, meta)
}

/// Why the re-weighted index differs from UNCTAD's score.
pub const NOTE_PUBLISHED: &str = "UNCTAD computes its published PCI score with its own \
     method (from the underlying indicators), not as a re-weighting of the eight published \
     category scores, so the index re-weighted here from the categories is a different number \
     (even with equal weights). Both are shown.";
