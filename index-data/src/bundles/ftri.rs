//! `ftri`: UNCTAD's Frontier Technology Readiness Index, re-weighted from its five published
//! building blocks (`unctad/ftri_2008_2019.csv`), with UNCTAD's published overall score kept
//! as the reference.

use index_core::builtin;
use index_core::bundle::Reference;
use index_core::dataset::{Direction, Indicator, Source};

use super::{check_mapping, Assembly, DefaultYear, Inputs, Meta};
use crate::error::{Error, Result};
use crate::{read, Built};

/// The long UNCTADstat file.
pub const FILE: &str = "unctad/ftri_2008_2019.csv";

/// Columns of the file (trimmed) → framework indicator ids.
pub const BLOCKS: &[(&str, &str)] = &[
    ("ICT", "ict"),
    ("skills", "skills"),
    ("research_dev", "rd"),
    ("Industry_activity", "industry"),
    ("finance_access", "finance"),
];

/// UNCTAD's published overall score column.
pub const PUBLISHED: &str = "tech_overall_index";

/// The UNCTAD source.
pub fn source() -> Source {
    Source {
        id: "unctad-ftri".into(),
        publisher: "UNCTAD".into(),
        title: "Frontier Technology Readiness Index (UNCTADstat US.FTRI)".into(),
        edition: "UNCTADstat, 2008–2019 series".into(),
        licence: "UNCTADstat terms of use: free to use with attribution".into(),
        url: "https://unctadstat.unctad.org".into(),
    }
}

/// Builds the bundle.
pub(crate) fn build(inputs: &mut Inputs<'_>) -> Result<Built> {
    let b = builtin::ftri().map_err(Error::engine("ftri"))?;
    check_mapping(&b, BLOCKS)?;
    let countries = inputs.countries()?;
    let table = read::unctad::read_long(&inputs.path(FILE), &countries)?;
    let years: Vec<i32> = table.years().into_iter().collect();
    let last = years.last().copied().unwrap_or(0);
    let files = super::inputs("ftri").unwrap_or_default();
    let mut a = Assembly::new("ftri", table.units.clone(), years, inputs, &files);
    let src = source();
    a.source(src.clone());
    a.absorb(&table);
    for (column, id) in BLOCKS {
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
            id: "ftri_published".into(),
            name: "FTRI, UNCTAD's published score".into(),
            unit: "score 0–1".into(),
            direction: Direction::Higher,
            source: src.id.clone(),
        },
        1.0,
    )?;
    a.gdppc(inputs)?;
    a.note(NOTE_PUBLISHED);
    let mut meta = Meta::from_builtin(b, DefaultYear::Fixed(last));
    meta.reference = Some(Reference {
        indicator: "ftri_published".into(),
        label: "UNCTAD's published FTRI score".into(),
        note: NOTE_PUBLISHED.into(),
    });
    a.finish(inputs, meta)
}

/// Why the re-weighted index differs from UNCTAD's score.
pub const NOTE_PUBLISHED: &str = "UNCTAD computes its published FTRI score from the \
     underlying indicators, not as a re-weighting of the five published building blocks, so \
     the index re-weighted here from the blocks is a different number (even with equal \
     weights). Both are shown.";
