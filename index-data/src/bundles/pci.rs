//! `pci`: UNCTAD's Productive Capacities Index, re-weighted from its eight published categories
//! (`unctad/pci_2008_2018.csv`), with UNCTAD's published overall score kept as the reference.

use index_core::builtin;
use index_core::dataset::Source;

use super::unctad_long::{self, Spec};
use super::Inputs;
use crate::error::Result;
use crate::Built;

/// The long UNCTADstat file.
pub const FILE: &str = SPEC.file;

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

/// The bundle, as the shared UNCTAD long-file assembly needs it.
pub const SPEC: Spec = Spec {
    bundle: "pci",
    title: "Productive Capacities Index",
    file: "unctad/pci_2008_2018.csv",
    read: crate::read::unctad::read_long,
    columns: CATEGORIES,
    published_column: "productivity_over_index",
    published_id: "pci_published",
    published_name: "PCI, UNCTAD's published score",
    published_unit: "score 0–100",
    published_label: "UNCTAD's published PCI score",
    note: NOTE_PUBLISHED,
    source,
    builtin: builtin::pci,
};

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
    unctad_long::build(inputs, &SPEC)
}

/// Why the re-weighted index differs from UNCTAD's score.
pub const NOTE_PUBLISHED: &str = "UNCTAD computes its published PCI score with its own \
     method (from the underlying indicators), not as a re-weighting of the eight published \
     category scores, so the index re-weighted here from the categories is a different number \
     (even with equal weights). Both are shown.";
