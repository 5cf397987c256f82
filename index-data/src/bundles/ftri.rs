//! UNCTAD's Frontier Technology Readiness Index, a family of editions, each credited as UNCTAD
//! published it. The editions are revisions of each other (UNCTAD revises the back-series with
//! each release), so they are separate bundles, never spliced into one time series:
//!
//! - `ftri`: the **TIR 2023 release** (UNCTADstat, 2008–2021, 166 economies), re-weighted from
//!   its five building blocks, with UNCTAD's published overall score kept as the reference —
//!   the default;
//! - `ftri-2021`: the **TIR 2021 edition** (`unctad/ftri_2008_2019.csv`, 2008–2019), the same
//!   way;
//! - `ftri-2025`: **TIR 2025** (169 economies), UNCTAD's published overall score only, with the
//!   GDP per capita (PPP) UNCTAD used; no building-block scores were published, so weights
//!   cannot apply ([`index_core::builtin::ftri_published`]).

use index_core::builtin;
use index_core::dataset::Source;

use super::unctad_long::{self, Spec};
use super::{check_mapping, Assembly, DefaultYear, Inputs, Meta};
use crate::error::{Error, Result};
use crate::read::unctad::{TIR2025_GDPPC, TIR2025_SCORE, TIR2025_YEAR};
use crate::{read, Built};

/// The TIR 2023 release's categories → framework indicator ids.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("FTRI01", "ict"),
    ("FTRI02", "skills"),
    ("FTRI03", "rd"),
    ("FTRI04", "industry"),
    ("FTRI05", "finance"),
];

/// The TIR 2021 edition's columns (trimmed) → framework indicator ids.
pub const BLOCKS: &[(&str, &str)] = &[
    ("ICT", "ict"),
    ("skills", "skills"),
    ("research_dev", "rd"),
    ("Industry_activity", "industry"),
    ("finance_access", "finance"),
];

/// `ftri`: the TIR 2023 release.
pub const SPEC: Spec = Spec {
    bundle: "ftri",
    title: "Frontier Technology Readiness Index (TIR 2023 release, 2008–2021)",
    file: "unctad/ftri_unctadstat_2023_release_2008_2021.csv",
    read: read::unctad::read_release,
    columns: CATEGORIES,
    published_column: "FTRI00",
    published_id: "ftri_published",
    published_name: "FTRI, UNCTAD's published score",
    published_unit: "score 0–1",
    published_label: "UNCTAD's published FTRI score",
    note: NOTE_PUBLISHED,
    source: source_2023,
    builtin: builtin::ftri,
};

/// `ftri-2021`: the TIR 2021 edition.
pub const SPEC_2021: Spec = Spec {
    bundle: "ftri-2021",
    title: "Frontier Technology Readiness Index (TIR 2021 edition, 2008–2019)",
    file: "unctad/ftri_2008_2019.csv",
    read: read::unctad::read_long,
    columns: BLOCKS,
    published_column: "tech_overall_index",
    published_id: "ftri_published",
    published_name: "FTRI, UNCTAD's published score",
    published_unit: "score 0–1",
    published_label: "UNCTAD's published FTRI score",
    note: NOTE_PUBLISHED_2021,
    source: source_2021,
    builtin: builtin::ftri,
};

/// The source of the TIR 2023 release.
pub fn source_2023() -> Source {
    Source {
        id: "unctad-ftri-2023".into(),
        publisher: "UNCTAD".into(),
        title: "Frontier Technology Readiness Index (UNCTADstat US.FTRI)".into(),
        edition: "Technology and Innovation Report 2023 release, 2008–2021 (UNCTADstat, \
                  28 June 2023)"
            .into(),
        licence: "UNCTADstat terms of use: free to use with attribution".into(),
        url: "https://unctadstat.unctad.org".into(),
    }
}

/// The source of the TIR 2021 edition.
pub fn source_2021() -> Source {
    Source {
        id: "unctad-ftri-2021".into(),
        publisher: "UNCTAD".into(),
        title: "Frontier Technology Readiness Index (UNCTADstat US.FTRI)".into(),
        edition: "Technology and Innovation Report 2021 edition, 2008–2019 series".into(),
        licence: "UNCTADstat terms of use: free to use with attribution".into(),
        url: "https://unctadstat.unctad.org".into(),
    }
}

/// The source of the TIR 2025 figure data.
pub fn source_2025() -> Source {
    Source {
        id: "unctad-tir-2025".into(),
        publisher: "UNCTAD".into(),
        title: "Technology and Innovation Report 2025, figure 3 data (FTRI 2025 and GDP per \
                capita, PPP)"
            .into(),
        edition: "Technology and Innovation Report 2025".into(),
        licence: "UNCTAD terms of use: free to use with attribution".into(),
        url: "https://unctad.org".into(),
    }
}

/// Builds `ftri` (the TIR 2023 release).
pub(crate) fn build(inputs: &mut Inputs<'_>) -> Result<Built> {
    unctad_long::build(inputs, &SPEC)
}

/// Builds `ftri-2021` (the TIR 2021 edition).
pub(crate) fn build_2021(inputs: &mut Inputs<'_>) -> Result<Built> {
    unctad_long::build(inputs, &SPEC_2021)
}

/// Builds `ftri-2025`: UNCTAD's published FTRI 2025 score as the one indicator, and the GDP
/// per capita (PPP) UNCTAD used as the income measure.
pub(crate) fn build_2025(inputs: &mut Inputs<'_>) -> Result<Built> {
    const ID: &str = "ftri-2025";
    let b = builtin::ftri_published().map_err(Error::engine(ID))?;
    check_mapping(&b, &[(TIR2025_SCORE, "ftri_published")])?;
    let tir = inputs.tir2025()?;
    let files = super::inputs(ID).unwrap_or_default();
    // Every economy with a score is a unit; one listed without a score (e.g. Somalia) is not.
    let units = tir
        .table
        .series(TIR2025_SCORE)
        .map(|(c, _, _)| c.to_string())
        .collect();
    let mut a = Assembly::new(ID, units, vec![TIR2025_YEAR], inputs, &files);
    let src = source_2025();
    a.source(src.clone());
    a.absorb(&tir.table);
    a.add_series(
        &tir.table,
        TIR2025_SCORE,
        super::builtin_indicator(&b, "ftri_published", &src.id)?,
        1.0,
    )?;
    a.add_series(
        &tir.table,
        TIR2025_GDPPC,
        index_core::dataset::Indicator {
            id: "gdppc_ppp".into(),
            name: "GDP per capita, PPP (as UNCTAD used it)".into(),
            unit: "international $".into(),
            direction: index_core::dataset::Direction::Higher,
            source: src.id.clone(),
        },
        1.0,
    )?;
    a.income_measure("gdppc_ppp");
    a.note(NOTE_2025);
    let mut meta = Meta::from_builtin(b, DefaultYear::Fixed(TIR2025_YEAR));
    meta.title = "Frontier Technology Readiness Index (TIR 2025, UNCTAD's published score)".into();
    meta.reference = None;
    a.finish(inputs, meta)
}

/// Why the re-weighted index differs from UNCTAD's score.
pub const NOTE_PUBLISHED: &str = "UNCTAD computes its published FTRI score from the \
     underlying indicators, not as a re-weighting of the five published building blocks, so \
     the index re-weighted here from the blocks is a different number (even with equal \
     weights). Both are shown. This is the series UNCTAD released with its Technology and \
     Innovation Report 2023; UNCTAD revises the back-series with each release, so its values \
     differ from the TIR 2021 edition's for the same years (that edition is offered too, as a \
     dataset of its own).";

/// The same, for the TIR 2021 edition.
pub const NOTE_PUBLISHED_2021: &str = "UNCTAD computes its published FTRI score from the \
     underlying indicators, not as a re-weighting of the five published building blocks, so \
     the index re-weighted here from the blocks is a different number (even with equal \
     weights). Both are shown. This is the earlier edition (Technology and Innovation Report \
     2021); the TIR 2023 release, offered as a dataset of its own, revised the whole series, so \
     the two are never one time series.";

/// What the TIR 2025 edition is.
pub const NOTE_2025: &str = "UNCTAD's Technology and Innovation Report 2025 published the \
     FTRI's overall score only (no building-block scores), so this edition is shown as UNCTAD \
     ranks it and weights cannot apply. The year shown is the report's (2025); the file does not \
     say which year its data are from. GDP per capita (PPP) is the figure UNCTAD used in the \
     report (given there as its log10).";
