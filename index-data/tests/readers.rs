//! Each reader on small fixtures (tests/fixtures) that reproduce its format's quirks: byte-order
//! marks, the WDI preamble, decimal commas and semicolons, Latin-1 bytes, stray header spaces,
//! aggregate rows, unknown names and malformed cells.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use index_core::dataset::Direction;
use index_core::framework::{Framework, NodeKind};
use index_data::countries::{Countries, MatchKind};
use index_data::error::Error;
use index_data::read::{self, undp::HdiGroup};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn countries() -> Countries {
    read::m49::read(&fixture("data/un/m49_countries.csv")).unwrap()
}

/// Asserts that `err` is shown with `file:line` of the fixture and contains every piece.
#[track_caller]
fn check_error(err: Error, file: &str, line: u64, pieces: &[&str]) {
    let text = err.to_string();
    let at = format!("{}:{line}", fixture(file).display());
    assert!(text.starts_with(&at), "`{text}` should start with `{at}`");
    for p in pieces {
        assert!(text.contains(p), "`{text}` should contain `{p}`");
    }
}

#[test]
fn m49_flags_regions_and_development() {
    let c = countries();
    assert_eq!(c.all().len(), 11);
    assert_eq!(c.ldc_count(), 3);
    let afg = c.get("AFG").unwrap();
    assert!(afg.ldc && afg.lldc && !afg.sids);
    assert_eq!(afg.region.as_deref(), Some("Asia"));
    assert_eq!(afg.subregion.as_deref(), Some("Southern Asia"));
    let tuv = c.get("TUV").unwrap();
    assert!(tuv.sids);
    let ata = c.get("ATA").unwrap();
    assert_eq!((ata.region.as_ref(), ata.development), (None, None));
    assert_eq!(
        c.lookup("Cote d'Ivoire").map(|(c, k)| (c.code.as_str(), k)),
        Some(("CIV", Some(MatchKind::Normalised)))
    );
}

#[test]
fn worldbank_bom_preamble_and_aggregates() {
    let c = countries();
    let w = read::worldbank::read(&fixture("data/worldbank/NY.GDP.PCAP.CD.csv"), &c).unwrap();
    assert_eq!(w.code, "NY.GDP.PCAP.CD");
    assert_eq!(w.name, "GDP per capita (current US$)");
    assert_eq!(w.data_source, "World Development Indicators");
    assert_eq!(w.last_updated, "2026-01-02");
    assert_eq!(
        w.table.header_line, 5,
        "four preamble lines, header on line 5"
    );
    let t = &w.table;
    assert_eq!(t.get("NY.GDP.PCAP.CD", "AFG", 2018), Some(500.5));
    assert_eq!(
        t.get("NY.GDP.PCAP.CD", "AFG", 2019),
        None,
        "empty = missing"
    );
    assert_eq!(t.get("NY.GDP.PCAP.CD", "CIV", 2025), Some(2500.25));
    let units: Vec<&str> = t.units.iter().map(String::as_str).collect();
    assert_eq!(units, ["AFG", "CIV", "NOR"]);
    let apart: Vec<(&str, &str)> = t
        .set_apart
        .iter()
        .map(|s| (s.code.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        apart,
        [
            ("WLD", "aggregate (code not in UN M49)"),
            ("XKX", "economy not listed in UN M49")
        ]
    );
    assert_eq!(t.set_apart[0].line, 7);
}

#[test]
fn worldbank_malformed_number_names_file_line_column_and_text() {
    let e = read::worldbank::read(&fixture("bad/wdi_bad_number.csv"), &countries()).unwrap_err();
    assert!(matches!(
        &e,
        Error::BadNumber { at, column: 6, header, text }
            if at.line == 7 && header == "2019" && text == "4,5"
    ));
    check_error(
        e,
        "bad/wdi_bad_number.csv",
        7,
        &["column 6", "`2019`", "`4,5` is not a number"],
    );
}

#[test]
fn worldbank_without_preamble_is_an_error() {
    let e = read::worldbank::read(&fixture("bad/wdi_no_preamble.csv"), &countries()).unwrap_err();
    check_error(
        e,
        "bad/wdi_no_preamble.csv",
        1,
        &["\"Data Source\"", "Country Name"],
    );
}

#[test]
fn unctad_long_trims_stray_header_spaces() {
    let t =
        read::unctad::read_long(&fixture("data/unctad/ftri_2008_2019.csv"), &countries()).unwrap();
    let series: Vec<&str> = t.series_names().collect();
    assert!(series.contains(&"ICT") && series.contains(&"Industry_activity"));
    assert_eq!(t.get("ICT", "AFG", 2019), Some(0.11));
    assert_eq!(t.get("finance_access", "CIV", 2019), None);
    assert_eq!(t.years().into_iter().collect::<Vec<_>>(), [2018, 2019]);
}

#[test]
fn unctad_long_errors() {
    let c = countries();
    let e = read::unctad::read_long(&fixture("bad/unctad_long_bad_year.csv"), &c).unwrap_err();
    check_error(
        e,
        "bad/unctad_long_bad_year.csv",
        3,
        &["`20x9` is not a year"],
    );
    let e = read::unctad::read_long(&fixture("bad/unctad_long_duplicate.csv"), &c).unwrap_err();
    check_error(
        e,
        "bad/unctad_long_duplicate.csv",
        4,
        &["`ICT` for `AFG` in 2018 given twice (first on line 2)"],
    );
}

#[test]
fn unctad_export_latin1_names_and_multirow_header() {
    let path = fixture("data/unctad/ftri_unctadstat_export_2008_2019.csv");
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.windows(2).any(|w| w == b"C\xf4"),
        "the fixture holds Latin-1 bytes"
    );
    let t = read::unctad::read_export(&path, &countries()).unwrap();
    assert_eq!(t.header_line, 3);
    assert_eq!(t.get("Overall index", "CIV", 2019), Some(0.2));
    assert_eq!(t.get("Overall index", "CIV", 2018), None, "`_` = missing");
    assert_eq!(
        t.get("ICT", "HKG", 2018),
        Some(0.9),
        "quoted name with comma"
    );
    // The former Sudan (…2011) and Sudan share SDN, in different years.
    assert_eq!(t.get("ICT", "SDN", 2018), Some(0.06));
    assert_eq!(t.get("ICT", "SDN", 2019), Some(0.08));
    let matched: Vec<(&str, &str, MatchKind, u64)> = t
        .matches
        .iter()
        .map(|m| (m.name.as_str(), m.code.as_str(), m.kind, m.line))
        .collect();
    assert_eq!(
        matched,
        [
            ("Côte d'Ivoire", "CIV", MatchKind::Normalised, 7),
            ("China, Hong Kong SAR", "HKG", MatchKind::Variant, 8),
            ("Sudan (...2011)", "SDN", MatchKind::Variant, 9),
        ]
    );
    assert_eq!(t.set_apart.len(), 1);
    assert_eq!(
        (t.set_apart[0].name.as_str(), t.set_apart[0].line),
        ("World", 11)
    );
}

#[test]
fn unctad_export_unknown_name_is_an_error() {
    let e = read::unctad::read_export(&fixture("bad/unctad_export_unknown_name.csv"), &countries())
        .unwrap_err();
    assert!(matches!(&e, Error::UnknownName { at, name } if at.line == 7 && name == "Atlantis"));
    check_error(
        e,
        "bad/unctad_export_unknown_name.csv",
        7,
        &["unknown country or area `Atlantis`"],
    );
}

#[test]
fn wipo_panel_semicolons_decimal_comma_and_bom() {
    let t = read::wipo::read_panel(&fixture("data/wipo/gii_2011_2022.csv"), &countries()).unwrap();
    assert_eq!(t.get("Institutions", "CIV", 2021), Some(40.5));
    assert_eq!(
        t.get("Human capital and research", "CIV", 2021),
        Some(20.25)
    );
    assert_eq!(t.get("Global Innovation Index", "TUR", 2022), Some(35.6));
    // The header's trailing space is trimmed; an empty cell is missing.
    assert_eq!(
        t.get("GNI per capita in current U.S. dollars", "TUR", 2021),
        Some(9000.0)
    );
    assert_eq!(
        t.get("GNI per capita in current U.S. dollars", "CIV", 2021),
        None
    );
    let m: Vec<(&str, usize)> = t
        .matches
        .iter()
        .map(|m| (m.name.as_str(), m.rows))
        .collect();
    assert_eq!(m, [("Cote dIvoire", 1), ("Turkey", 2)]);
}

#[test]
fn wipo_panel_decimal_point_is_malformed() {
    let e = read::wipo::read_panel(&fixture("bad/gii_panel_decimal_point.csv"), &countries())
        .unwrap_err();
    check_error(
        e,
        "bad/gii_panel_decimal_point.csv",
        3,
        &["column 4", "`Institutions`", "`80.5` is not a number"],
    );
}

#[test]
fn wipo_2025_names_and_year_from_header() {
    let (t, year) =
        read::wipo::read_edition(&fixture("data/wipo/gii_2025.csv"), &countries()).unwrap();
    assert_eq!(year, 2025);
    assert_eq!(t.get(read::wipo::SCORE, "HKG", 2025), Some(55.1));
    assert_eq!(t.get("Creative outputs", "TUR", 2025), Some(40.0));
    assert_eq!(t.units.len(), 4);
}

#[test]
fn undp_wide_columns_groups_and_zz_aggregates() {
    let h = read::undp::read(
        &fixture("data/undp/hdr_2023_24_components_1990_2022.csv"),
        &countries(),
        &["le", "gnipc"],
    )
    .unwrap();
    let t = &h.table;
    assert_eq!(t.get("le", "NOR", 2022), Some(83.4));
    assert_eq!(t.get("gnipc", "AFG", 2021), Some(1300.0));
    assert!(!t.has_series("eys"), "only the prefixes asked for are read");
    assert_eq!(h.hdi_groups.get("NOR"), Some(&HdiGroup::VeryHigh));
    assert_eq!(h.hdi_groups.get("AFG"), Some(&HdiGroup::Low));
    assert_eq!(t.set_apart.len(), 1);
    assert_eq!(t.set_apart[0].code, "ZZK.WORLD");
    assert!(!t.units.contains("ZZK.WORLD"));
    let e = read::undp::read(
        &fixture("data/undp/hdr_2023_24_components_1990_2022.csv"),
        &countries(),
        &["phdi"],
    )
    .unwrap_err();
    assert!(e.to_string().contains("no columns `phdi_<year>`"), "{e}");
}

#[test]
fn jrc_framework_and_data() {
    let f = read::jrc::read_framework(&fixture("data/jrc/asem_framework.csv")).unwrap();
    let fw = Framework::new(f.nodes.clone()).unwrap();
    assert_eq!(fw.depth(), 3);
    assert_eq!(f.indicators[1].direction, Direction::Lower);
    assert_eq!(
        f.nodes[0].kind,
        NodeKind::Indicator {
            denominator: Some("GDP".into())
        }
    );
    assert_eq!(f.nodes[1].weight, 2.0);
    assert_eq!(
        f.group_columns,
        [("EurAsia_group".to_string(), "Europe or Asia".to_string())]
    );
    assert_eq!(f.denominators[0].id, "GDP");

    let c = countries();
    let d = read::jrc::read_indicators(&fixture("data/jrc/asem_indicators.csv"), &c, &f).unwrap();
    assert_eq!(d.table.get("A2", "CHE", 2018), None);
    assert_eq!(d.table.get("GDP", "NLD", 2018), Some(900.0));
    assert_eq!(
        d.groups.get("AFG").unwrap(),
        &[("EurAsia_group".to_string(), "Asia".to_string())]
    );
    let e = read::jrc::read_indicators(&fixture("bad/asem_name_code_mismatch.csv"), &c, &f)
        .unwrap_err();
    check_error(
        e,
        "bad/asem_name_code_mismatch.csv",
        3,
        &["`Norway` is NOR", "says `NLD`"],
    );

    let inc =
        read::jrc::read_income_groups(&fixture("data/jrc/world_denominators.csv"), &c).unwrap();
    assert_eq!(
        inc.groups.get("TUR").map(String::as_str),
        Some("Upper middle income")
    );
    assert_eq!(inc.set_apart[0].code, "TWN");
}

#[test]
fn a_missing_file_is_named() {
    let e = read::m49::read(&fixture("data/un/nope.csv")).unwrap_err();
    assert!(matches!(e, Error::Read { .. }));
    assert!(e.to_string().contains("nope.csv"), "{e}");
}
