//! Writing the bundles: `<id>.json` per bundle ([`Bundle::to_json`]), `catalogue.json`
//! listing them and the world map `map.json` ([`crate::map`]), skipped when nothing the build
//! depends on has changed.
//!
//! What the build depends on is summed up in `.fingerprint` in the output directory: a 64-bit
//! FNV-1a hash over [`BUNDLE_FORMAT`], every input file's path, size and modification time (the
//! map's topology among them), and the running executable's path and modification time (a
//! rebuilt program may build differently). FNV-1a is not cryptographic; it only has to notice change, and unlike std's
//! hasher its output is fixed forever.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use index_core::bundle::Bundle;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::{bundles, BUNDLES};

/// Version of what the writer produces; bump it when the bundle JSON or catalogue changes
/// shape, so that existing outputs are rebuilt (2: the map file joined them).
pub const BUNDLE_FORMAT: u32 = 2;

/// Name of the catalogue file.
pub const CATALOGUE: &str = "catalogue.json";
/// Name of the fingerprint file.
pub const FINGERPRINT: &str = ".fingerprint";

/// Whether [`write_bundles`] built or found everything up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WriteStatus {
    /// The bundles were built and written.
    Built,
    /// The inputs and program were unchanged: nothing was done.
    UpToDate,
}

/// What [`write_bundles`] did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WriteSummary {
    /// Built or up to date.
    pub status: WriteStatus,
    /// The output directory.
    pub out_dir: PathBuf,
    /// Each file written (or found) with its size in bytes: the bundles in [`BUNDLES`] order,
    /// then the catalogue, then the map.
    pub files: Vec<(String, u64)>,
    /// Time taken.
    pub elapsed: Duration,
}

impl fmt::Display for WriteSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = match self.status {
            WriteStatus::Built => "built",
            WriteStatus::UpToDate => "up to date (inputs unchanged)",
        };
        writeln!(
            f,
            "{}: {status} in {:.2} s",
            self.out_dir.display(),
            self.elapsed.as_secs_f64()
        )?;
        for (name, bytes) in &self.files {
            writeln!(f, "  {name:<20} {:>10} bytes", bytes)?;
        }
        Ok(())
    }
}

/// One entry of `catalogue.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogueEntry {
    /// Bundle id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// File name of the bundle, relative to the catalogue.
    pub file: String,
    /// Default year.
    pub default_year: i32,
    /// Years in which the framework's indicators have data.
    pub years: Vec<i32>,
    /// Size of the bundle file in bytes.
    pub bytes: u64,
}

/// Every input file of every bundle, sorted, relative to the data directory.
pub fn all_inputs() -> Vec<String> {
    let mut all: Vec<String> = BUNDLES
        .iter()
        .flat_map(|id| bundles::inputs(id).unwrap_or_default())
        .collect();
    all.sort();
    all.dedup();
    all
}

/// 64-bit FNV-1a.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn file(&mut self, path: &Path, meta: &std::fs::Metadata) {
        self.bytes(path.to_string_lossy().as_bytes());
        self.bytes(&meta.len().to_le_bytes());
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .unwrap_or_default();
        self.bytes(&mtime.as_secs().to_le_bytes());
        self.bytes(&mtime.subsec_nanos().to_le_bytes());
    }
}

/// The fingerprint of a build from `data_dir` and the map's atlas in `atlas_dir` by the
/// running program.
///
/// # Errors
/// [`Error::Read`] for an input file that cannot be examined; [`Error::Map`] for a missing
/// atlas, saying how to install it.
pub fn fingerprint(data_dir: &Path, atlas_dir: &Path) -> Result<String> {
    let mut h = Fnv::new();
    h.bytes(&BUNDLE_FORMAT.to_le_bytes());
    let inputs = all_inputs().into_iter().map(|rel| data_dir.join(rel));
    let catalogues = crate::names::LANGUAGES
        .iter()
        .map(|(_, locale)| crate::names::catalogue_file(&crate::names::locale_dir(), locale));
    let lists = [
        crate::map::atlas_file(atlas_dir)?,
        crate::short_names::iso_codes_file(),
    ]
    .into_iter()
    .chain(catalogues);
    for path in inputs.chain(lists) {
        let meta = std::fs::metadata(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        h.file(&path, &meta);
    }
    match std::env::current_exe().and_then(|p| Ok((std::fs::metadata(&p)?, p))) {
        Ok((meta, exe)) => h.file(&exe, &meta),
        Err(_) => h.bytes(b"no executable"),
    }
    Ok(format!("{:016x}", h.0))
}

fn write_file(path: &Path, text: &str) -> Result<u64> {
    let tmp = path.with_extension("tmp");
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    std::fs::write(&tmp, text).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(text.len() as u64)
}

/// The file names written, in order: `<id>.json` for each bundle, the catalogue, the map, the
/// country names of each language.
fn output_names() -> Vec<String> {
    BUNDLES
        .iter()
        .map(|id| format!("{id}.json"))
        .chain([CATALOGUE.to_string(), crate::map::MAP_FILE.to_string()])
        .chain(
            crate::names::LANGUAGES
                .iter()
                .map(|(lang, _)| crate::names::file_name(lang)),
        )
        .collect()
}

/// Builds every bundle from `data_dir` and the map from the atlas in `atlas_dir`
/// ([`crate::map::build_map`]), checks that the map draws every unit a bundle scores
/// ([`crate::map::check_coverage`]), and writes `out_dir/<id>.json`, `out_dir/catalogue.json`
/// (`[{id, title, description, file, default_year, years, bytes}]` in [`BUNDLES`] order) and
/// `out_dir/map.json` and each language's country names (`out_dir/names-<lang>.json`, [`crate::names`]) — unless `out_dir/.fingerprint` shows the inputs and program unchanged
/// and every output is there, in which case nothing is done (`force` rebuilds regardless).
/// Nothing is written unless every bundle and the map were made; the fingerprint is written
/// last, so an interrupted run rebuilds next time.
///
/// # Errors
/// Those of [`crate::build_all`] and [`crate::map::build_map`] (a missing atlas is named with
/// how to install it); [`Error::MapCoverage`] naming each unit without geometry;
/// [`Error::Write`] for a file or directory that cannot be written.
pub fn write_bundles(
    data_dir: &Path,
    atlas_dir: &Path,
    out_dir: &Path,
    force: bool,
) -> Result<WriteSummary> {
    let start = Instant::now();
    let print = fingerprint(data_dir, atlas_dir)?;
    let fp_path = out_dir.join(FINGERPRINT);
    if !force {
        let old = std::fs::read_to_string(&fp_path).unwrap_or_default();
        let sizes: Option<Vec<(String, u64)>> = output_names()
            .into_iter()
            .map(|n| {
                let len = std::fs::metadata(out_dir.join(&n)).ok()?.len();
                Some((n, len))
            })
            .collect();
        if let (true, Some(files)) = (old.trim() == print, sizes) {
            return Ok(WriteSummary {
                status: WriteStatus::UpToDate,
                out_dir: out_dir.to_path_buf(),
                files,
                elapsed: start.elapsed(),
            });
        }
    }
    let built = crate::build_all(data_dir)?;
    let map = crate::map::build_map(atlas_dir)?;
    crate::map::check_coverage(&map, &built)?;
    let names = crate::names::all(
        &crate::short_names::iso_codes_file(),
        &crate::names::locale_dir(),
    )?;
    std::fs::create_dir_all(out_dir).map_err(|source| Error::Write {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    let mut catalogue = Vec::new();
    for b in &built {
        let name = format!("{}.json", b.bundle.id());
        let json = b.bundle.to_json().map_err(Error::engine(b.bundle.id()))?;
        let bytes = write_file(&out_dir.join(&name), &json)?;
        catalogue.push(entry(&b.bundle, &name, bytes));
        files.push((name, bytes));
    }
    let text = serde_json::to_string_pretty(&catalogue).unwrap_or_default();
    let bytes = write_file(&out_dir.join(CATALOGUE), &text)?;
    files.push((CATALOGUE.to_string(), bytes));
    let text = serde_json::to_string(&map).unwrap_or_default();
    let bytes = write_file(&out_dir.join(crate::map::MAP_FILE), &text)?;
    files.push((crate::map::MAP_FILE.to_string(), bytes));
    for (lang, file) in &names {
        let name = crate::names::file_name(lang);
        let text = serde_json::to_string(file).unwrap_or_default();
        let bytes = write_file(&out_dir.join(&name), &text)?;
        files.push((name, bytes));
    }
    write_file(&fp_path, &format!("{print}\n"))?;
    Ok(WriteSummary {
        status: WriteStatus::Built,
        out_dir: out_dir.to_path_buf(),
        files,
        elapsed: start.elapsed(),
    })
}

fn entry(bundle: &Bundle, file: &str, bytes: u64) -> CatalogueEntry {
    CatalogueEntry {
        id: bundle.id().into(),
        title: bundle.title().into(),
        description: bundle.description().into(),
        file: file.into(),
        default_year: bundle.default_year(),
        years: bundle.years_with_data(),
        bytes,
    }
}
