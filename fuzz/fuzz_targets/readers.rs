//! The publishers' formats (`index_data::read`): the first byte chooses the reader, the rest is
//! the file. Every reader takes any bytes without a panic — an error naming the file
//! otherwise — and what it reads is sound: every value finite, every value and unit an M49
//! country of the table given, a framework file's nodes either a framework or a typed error.
//! The text decoders are fuzzed on the same bytes: UTF-8 decoding agrees with the standard
//! library's (after a byte-order mark) and Latin-1 decoding never fails.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use index_core::framework::Framework;
use index_data::read::{self, jrc::AsemFramework, Encoding, Table};
use index_fuzz::countries;
use libfuzzer_sys::fuzz_target;

/// The ASEM framework of index-data's reader tests, which the ASEM data reader reads against.
fn asem() -> &'static AsemFramework {
    static ASEM: OnceLock<AsemFramework> = OnceLock::new();
    ASEM.get_or_init(|| {
        read::jrc::read_framework_bytes(
            Path::new("asem_framework.csv"),
            include_bytes!("../../index-data/tests/fixtures/data/jrc/asem_framework.csv"),
        )
        .expect("the ASEM framework fixture reads")
    })
}

/// Every value finite and every code a country of the table.
fn check(table: &Table) {
    let countries = countries();
    for series in table.series_names() {
        for (code, year, value) in table.series(series) {
            assert!(value.is_finite(), "{series} {code} {year}: {value}");
            assert!(
                countries.get(code).is_some(),
                "{series}: `{code}` is no country"
            );
        }
    }
    for code in &table.units {
        assert!(countries.get(code).is_some(), "unit `{code}` is no country");
    }
}

/// An error is a message naming the file.
fn error(e: index_data::Error) {
    let text = e.to_string();
    assert!(text.contains("fuzz.csv"), "{text}");
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let path = Path::new("fuzz.csv");
    let c = countries();
    match read::decode(path, bytes, Encoding::Utf8) {
        Ok(text) => {
            let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            assert_eq!(Ok(text.as_str()), std::str::from_utf8(body));
        }
        Err(e) => error(e),
    }
    assert!(read::decode(path, bytes, Encoding::Latin1).is_ok());
    let outcome = match which % 14 {
        0 => read::m49::read_bytes(path, bytes).map(|t| {
            for country in t.all() {
                assert_eq!(t.get(&country.code).map(|x| &x.code), Some(&country.code));
            }
        }),
        1 => read::worldbank::read_bytes(path, bytes, c).map(|f| check(&f.table)),
        2 => read::unctad::read_long_bytes(path, bytes, c).map(|t| check(&t)),
        3 => read::unctad::read_export_bytes(path, bytes, c).map(|t| check(&t)),
        4 => read::unctad::read_release_bytes(path, bytes, c).map(|t| check(&t)),
        5 => read::unctad::read_tir2025_bytes(path, bytes, c).map(|t| {
            check(&t.table);
            assert!(t.groups.keys().all(|code| c.get(code).is_some()));
        }),
        6 => read::unctad::read_tir2023_groups_bytes(path, bytes, c).map(|(t, groups)| {
            check(&t);
            assert!(groups.keys().all(|code| c.get(code).is_some()));
        }),
        7 => read::wipo::read_panel_bytes(path, bytes, c).map(|t| check(&t)),
        8 => read::wipo::read_edition_bytes(path, bytes, c).map(|(t, _)| check(&t)),
        9 => read::undp::read_bytes(path, bytes, c, &["le", "eys", "mys", "gnipc"]).map(|f| {
            check(&f.table);
            assert!(f.hdi_groups.keys().all(|code| c.get(code).is_some()));
        }),
        10 => read::jrc::read_framework_bytes(path, bytes).map(|f| {
            if let Err(e) = Framework::new(f.nodes) {
                assert!(!e.to_string().is_empty());
            }
        }),
        11 => read::jrc::read_indicators_bytes(path, bytes, c, asem()).map(|d| check(&d.table)),
        12 => read::jrc::read_income_groups_bytes(path, bytes, c)
            .map(|g| assert!(g.groups.keys().all(|code| c.get(code).is_some()))),
        _ => read::oecd::read_long_bytes(path, bytes, c, 2015).map(|t| check(&t)),
    };
    if let Err(e) = outcome {
        error(e);
    }
});
