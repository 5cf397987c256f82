//! `ftri`: UNCTAD's Frontier Technology Readiness Index, re-weighted from its five published
//! building blocks (`unctad/ftri_2008_2019.csv`), with UNCTAD's published overall score kept
//! as the reference.

use index_core::builtin;
use index_core::dataset::Source;

use super::unctad_long::{self, Spec};
use super::Inputs;
use crate::error::Result;
use crate::Built;

/// The long UNCTADstat file.
pub const FILE: &str = SPEC.file;

/// Columns of the file (trimmed) → framework indicator ids.
pub const BLOCKS: &[(&str, &str)] = &[
    ("ICT", "ict"),
    ("skills", "skills"),
    ("research_dev", "rd"),
    ("Industry_activity", "industry"),
    ("finance_access", "finance"),
];

/// The bundle, as the shared UNCTAD long-file assembly needs it.
pub const SPEC: Spec = Spec {
    bundle: "ftri",
    file: "unctad/ftri_2008_2019.csv",
    columns: BLOCKS,
    published_column: "tech_overall_index",
    published_id: "ftri_published",
    published_name: "FTRI, UNCTAD's published score",
    published_unit: "score 0–1",
    published_label: "UNCTAD's published FTRI score",
    note: NOTE_PUBLISHED,
    source,
    builtin: builtin::ftri,
};

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
    unctad_long::build(inputs, &SPEC)
}

/// Why the re-weighted index differs from UNCTAD's score.
pub const NOTE_PUBLISHED: &str = "UNCTAD computes its published FTRI score from the \
     underlying indicators, not as a re-weighting of the five published building blocks, so \
     the index re-weighted here from the blocks is a different number (even with equal \
     weights). Both are shown.";
