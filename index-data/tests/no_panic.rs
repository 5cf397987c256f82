//! Nothing panics on bad input: every reader gets each fixture truncated at every byte and with
//! bytes replaced by quotes, semicolons, line breaks or invalid UTF-8; each attempt may fail, but with an
//! error, never a panic. The same for the import of one's own data, on its fixtures.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use index_data::countries::Countries;
use index_data::read;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/data")
        .join(rel)
}

type Reader = fn(&Path, &[u8], &Countries) -> bool;

/// `original` truncated at every byte, and with every third byte replaced by a quote, a
/// semicolon, a line break or a byte that is never UTF-8.
fn damaged(original: &[u8]) -> Vec<Vec<u8>> {
    let mut variants: Vec<Vec<u8>> = (0..original.len())
        .map(|n| original[..n].to_vec())
        .collect();
    for i in (0..original.len()).step_by(3) {
        for b in [b'"', b';', b'\n', 0xff] {
            let mut v = original.to_vec();
            v[i] = b;
            variants.push(v);
        }
    }
    variants
}

#[test]
fn readers_never_panic_on_damaged_files() {
    let countries = read::m49::read(&fixture("un/m49_countries.csv")).unwrap();
    let readers: &[(&str, Reader)] = &[
        ("un/m49_countries.csv", |p, b, _| {
            read::m49::read_bytes(p, b).is_ok()
        }),
        ("worldbank/NY.GDP.PCAP.CD.csv", |p, b, c| {
            read::worldbank::read_bytes(p, b, c).is_ok()
        }),
        ("unctad/ftri_2008_2019.csv", |p, b, c| {
            read::unctad::read_long_bytes(p, b, c).is_ok()
        }),
        ("unctad/ftri_unctadstat_export_2008_2019.csv", |p, b, c| {
            read::unctad::read_export_bytes(p, b, c).is_ok()
        }),
        ("wipo/gii_2011_2022.csv", |p, b, c| {
            read::wipo::read_panel_bytes(p, b, c).is_ok()
        }),
        ("wipo/gii_2025.csv", |p, b, c| {
            read::wipo::read_edition_bytes(p, b, c).is_ok()
        }),
        ("undp/hdr_2023_24_components_1990_2022.csv", |p, b, c| {
            read::undp::read_bytes(p, b, c, &["le", "eys"]).is_ok()
        }),
        ("jrc/asem_framework.csv", |p, b, _| {
            read::jrc::read_framework_bytes(p, b).is_ok()
        }),
        ("jrc/asem_indicators.csv", |p, b, c| {
            let f = read::jrc::read_framework(&fixture("jrc/asem_framework.csv")).unwrap();
            read::jrc::read_indicators_bytes(p, b, c, &f).is_ok()
        }),
        ("jrc/world_denominators.csv", |p, b, c| {
            read::jrc::read_income_groups_bytes(p, b, c).is_ok()
        }),
    ];
    let mut attempts = 0;
    for (rel, reader) in readers {
        let original = std::fs::read(fixture(rel)).unwrap();
        let path = fixture(rel);
        assert!(
            reader(&path, &original, &countries),
            "{rel} reads when intact"
        );
        for v in damaged(&original) {
            let outcome = catch_unwind(AssertUnwindSafe(|| reader(&path, &v, &countries)));
            assert!(
                outcome.is_ok(),
                "{rel} panicked on:\n{}",
                String::from_utf8_lossy(&v)
            );
            attempts += 1;
        }
    }
    eprintln!("{attempts} damaged files read without a panic");
}

#[test]
fn the_import_never_panics_on_damaged_files() {
    use index_data::import::{import, InputFile, Options};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut attempts = 0;
    for name in [
        "long.csv",
        "wide_semicolon_decimal_comma.csv",
        "worldbank_style.csv",
        "utf16.csv",
        "framework_unknown_parent.csv",
    ] {
        let original = std::fs::read(dir.join(name)).unwrap();
        for v in damaged(&original) {
            let file = InputFile { name, bytes: &v };
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let _ = import(&[file], None, &Options::default());
            }));
            assert!(
                outcome.is_ok(),
                "{name} panicked on:\n{}",
                String::from_utf8_lossy(&v)
            );
            attempts += 1;
        }
    }
    eprintln!("{attempts} damaged files imported without a panic");
}
