//! # index-data — from the publishers' files to the app's bundles
//!
//! The native data pipeline of Index Explorer. It reads the files the publishers (UNSD, UNCTAD,
//! UNDP, WIPO, the World Bank, the JRC) distribute, in their own formats and warts — byte-order
//! marks, preamble lines, Latin-1, decimal commas, names instead of codes — and builds the
//! bundles ([`index_core::bundle::Bundle`]) the app and the `index` CLI load. It never copies or
//! converts the files themselves: each build reads them from the data directory
//! ([`default_data_dir`]).
//!
//! ## The path data takes
//!
//! 1. **Read** ([`read`]): one module per format decodes the bytes ([`read::Encoding`]), splits
//!    records with the `csv` crate, trims stray header spaces and parses numbers, naming file,
//!    line, column and text of anything it cannot read ([`error::Error`]).
//! 2. **Identify** ([`countries`]): every row is tied to an ISO 3166 alpha-3 code of a UN M49
//!    country — by code, or by name (exact, normalised, then a documented variant). Aggregates
//!    and areas outside M49 are set apart, never ranked; an unknown name is an error.
//! 3. **Assemble** ([`bundles`]): each bundle picks its series, maps them to the indicator ids of
//!    its framework ([`index_core::builtin`], or the JRC framework file for ASEM), adds GDP per
//!    capita, sources with editions and licences, notes, and the groups of every unit (UN LDC,
//!    LLDC, SIDS, M49 development status, region and sub-region, UNDP HDI group, World Bank
//!    income group). The engine validates the result ([`index_core::bundle::Bundle::new`]).
//! 4. **Report** ([`report`]): units, indicators, years, coverage overall and for LDCs per year,
//!    rows set apart and names matched other than exactly.
//! 5. **Write** ([`mod@write`]): `<id>.json` per bundle, `catalogue.json` and the world map,
//!    `map.json` ([`map`]: Natural Earth's boundaries, simplified and projected to Equal Earth,
//!    checked to draw every unit a bundle scores), skipped when nothing the build depends on
//!    has changed.
//!
//! Besides the publishers' files, [`import`] reads a person's own files — bytes and names, no
//! file system — into a bundle and a report of every check, for `index import` and the browser's
//! worker.
//!
//! ```no_run
//! let dir = index_data::default_data_dir();
//! let built = index_data::build(&dir, "hdi")?;
//! println!("{}", built.report);
//! # Ok::<(), index_data::error::Error>(())
//! ```

#![deny(missing_docs)]

pub mod bundles;
pub mod countries;
pub mod error;
pub mod import;
pub mod map;
pub mod names;
pub mod read;
pub mod report;
pub mod short_names;
pub mod write;

use std::path::{Path, PathBuf};

pub use error::{Error, Result};
pub use report::Report;
pub use write::{write_bundles, WriteStatus, WriteSummary};

/// The bundles, in the order the catalogue lists them.
pub const BUNDLES: &[&str] = &[
    "ftri",
    "ftri-2021",
    "ftri-2025",
    "tech",
    "hdi",
    "pci",
    "gii",
    "gii-panel",
    "asem",
    "bli",
];

/// A built bundle and the report on what went into it.
#[derive(Debug, Clone)]
pub struct Built {
    /// The validated bundle.
    pub bundle: index_core::bundle::Bundle,
    /// What went into it.
    pub report: Report,
}

/// Where the publishers' files are: `$INDEX_DATA_DIR` if set; else `../shared/data` relative
/// to the current directory if it exists; else `shared/data` two levels above this crate's
/// manifest (the repository's sibling `shared/data`).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("INDEX_DATA_DIR") {
        return PathBuf::from(dir);
    }
    let relative = Path::new("..").join("shared").join("data");
    if relative.is_dir() {
        return relative;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("..")
        .join("shared")
        .join("data")
}

pub(crate) fn unknown_bundle(id: &str) -> Error {
    Error::UnknownBundle {
        id: id.to_string(),
        known: BUNDLES.join(", "),
    }
}

/// Builds bundle `id` (one of [`BUNDLES`]) from the files in `data_dir`.
///
/// # Errors
/// [`Error::UnknownBundle`] listing the bundles; any reading error, naming file, line, column
/// and text; [`Error::Engine`] when the engine rejects the assembled bundle.
pub fn build(data_dir: &Path, id: &str) -> Result<Built> {
    if !BUNDLES.contains(&id) {
        return Err(unknown_bundle(id));
    }
    bundles::build(&mut bundles::Inputs::new(data_dir), id)
}

/// Builds every bundle, in [`BUNDLES`] order, reading each shared file once.
///
/// # Errors
/// As [`build`], for the first bundle that fails.
pub fn build_all(data_dir: &Path) -> Result<Vec<Built>> {
    let mut inputs = bundles::Inputs::new(data_dir);
    BUNDLES
        .iter()
        .map(|id| bundles::build(&mut inputs, id))
        .collect()
}
