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

#[test]
fn unctadstat_release_codes_own_codes_and_missing_values() {
    let t = read::unctad::read_release(
        &fixture("data/unctad/ftri_unctadstat_2023_release_2008_2021.csv"),
        &countries(),
    )
    .unwrap();
    // Categories are the series; 579 is UNCTADstat's own code for Norway (M49: 578).
    assert_eq!(t.get("FTRI01", "NOR", 2021), Some(0.95));
    assert_eq!(t.get("FTRI00", "AFG", 2020), Some(0.12));
    // An empty `Index` marked "Not applicable" is missing, not zero.
    assert_eq!(t.get("FTRI05", "AFG", 2021), None);
    // The former Sudan (736) and Sudan (729) are both SDN; the former has no value here.
    assert_eq!(t.get("FTRI00", "SDN", 2021), Some(0.09));
    assert_eq!(t.get("FTRI00", "SDN", 2020), None);
    let units: Vec<&str> = t.units.iter().map(String::as_str).collect();
    assert_eq!(units, ["AFG", "NOR", "SDN"]);
}

#[test]
fn unctadstat_release_errors_name_line_code_and_label() {
    let c = countries();
    let p = Path::new("release.csv");
    let head = "Year,Economy,Economy Label,Category,Category Label,Index,Index Footnote,Index Missing value\n";
    let unknown = format!("{head}2021,999,\"Atlantis\",FTRI00,\"Overall index\",0.5,,\n");
    let e = read::unctad::read_release_bytes(p, unknown.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("release.csv:2:"), "{e}");
    assert!(e.contains("`999` (`Atlantis`)"), "{e}");
    // A year given twice for one economy, once under each Sudan code, is a duplicate.
    let twice = format!(
        "{head}2011,736,\"Sudan (...2011)\",FTRI00,\"Overall index\",0.1,,\n\
         2011,729,\"Sudan\",FTRI00,\"Overall index\",0.2,,\n"
    );
    let e = read::unctad::read_release_bytes(p, twice.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`FTRI00` for `SDN` in 2011 given twice (first on line 2)"),
        "{e}"
    );
    let bad = format!("{head}2021,004,\"Afghanistan\",FTRI00,\"Overall index\",0.1x,,\n");
    let e = read::unctad::read_release_bytes(p, bad.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("release.csv:2, column 6") && e.contains("`0.1x`"),
        "{e}"
    );
}

#[test]
fn tir2025_names_with_u201a_groups_null_and_log_gdp() {
    use read::unctad::{UnctadGroup, TIR2025_GDPPC, TIR2025_SCORE, TIR2025_YEAR};
    let c = countries();
    let t = read::unctad::read_tir2025(&fixture("data/unctad/tir_2025_figure3.csv"), &c).unwrap();
    // "Hong Kong‚ China" is written with U+201A, not a comma: it still matches by variant.
    let hk: Vec<(&str, &str)> = t
        .table
        .matches
        .iter()
        .map(|m| (m.name.as_str(), m.code.as_str()))
        .collect();
    assert!(hk.contains(&("Hong Kong\u{201A} China", "HKG")), "{hk:?}");
    assert_eq!(t.groups.get("HKG"), Some(&UnctadGroup::Developing));
    assert_eq!(t.groups.get("AFG"), Some(&UnctadGroup::LeastDeveloped));
    assert_eq!(t.groups.get("NOR"), Some(&UnctadGroup::Developed));
    // GDP is given as log10: 10^4.9 dollars.
    let nor = t.table.get(TIR2025_GDPPC, "NOR", TIR2025_YEAR).unwrap();
    assert!((nor - 10f64.powf(4.9)).abs() < 1e-6, "{nor}");
    assert_eq!(t.table.get(TIR2025_SCORE, "NOR", TIR2025_YEAR), Some(0.9));
    // `null` is missing; the economy keeps its group.
    assert_eq!(t.table.get(TIR2025_SCORE, "TUV", TIR2025_YEAR), None);
    assert_eq!(t.groups.get("TUV"), Some(&UnctadGroup::LeastDeveloped));
    // Kosovo is not in M49: set apart, not an error.
    assert_eq!(t.table.set_apart[0].name, "Kosovo");
}

#[test]
fn tir2025_errors() {
    let c = countries();
    let p = Path::new("fig3.csv");
    let head = "Name,a,b,Index,Gross domestic product per capita\u{201A} PPP,Group\n";
    let group = format!("{head}Norway,1,1,0.9,4.9,Rich countries\n");
    let e = read::unctad::read_tir2025_bytes(p, group.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("fig3.csv:2:") && e.contains("`Rich countries`"),
        "{e}"
    );
    let gdp = format!("{head}Norway,1,1,0.9,49,Developed countries\n");
    let e = read::unctad::read_tir2025_bytes(p, gdp.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(e.contains("49 is outside 0–7"), "{e}");
    let name = format!("{head}Atlantis,1,1,0.9,4.9,Developed countries\n");
    let e = read::unctad::read_tir2025_bytes(p, name.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("fig3.csv:2: unknown country or area `Atlantis`"),
        "{e}"
    );
    // A header written with a plain comma in the GDP column is another layout: named.
    let plain = "Name,a,b,Index,\"Gross domestic product per capita, PPP\",Group\n";
    let e = read::unctad::read_tir2025_bytes(p, plain.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("Gross domestic product per capita\u{201A} PPP"),
        "{e}"
    );
}

#[test]
fn tir2023_developing_flag_is_inverted() {
    let c = countries();
    let (t, developed) =
        read::unctad::read_tir2023_groups(&fixture("data/unctad/tir_2023_table1.csv"), &c).unwrap();
    // 1 in the column `developing` marks a developed economy.
    assert_eq!(developed.get("NLD"), Some(&true));
    assert_eq!(developed.get("CHE"), Some(&true));
    assert_eq!(developed.get("DZA"), Some(&false));
    assert!(t.matches.iter().any(|m| m.code == "CHE"));
    let p = Path::new("t1.csv");
    let bad = "Name,developing\nNorway,yes\n";
    let e = read::unctad::read_tir2023_groups_bytes(p, bad.as_bytes(), &c)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("t1.csv:2:") && e.contains("`yes` is not 0 or 1"),
        "{e}"
    );
}

#[test]
fn oecd_reads_whole_population_values_and_names_bad_cells() {
    let c = countries();
    let t = read::oecd::read_long(&fixture("data/oecd/bli_2015.csv"), &c, 2015).unwrap();
    // The men's breakdown (999) is not the BLI's value.
    assert_eq!(t.get("EQ_AIRP", "NOR", 2015), Some(5.0));
    assert_eq!(t.set_apart.len(), 1);
    let p = Path::new("bli.csv");
    let head = "LOCATION,Country,INDICATOR,INEQUALITY,Value\n";
    let bad = format!("{head}NOR,Norway,HS_LEB,TOT,eighty\n");
    let e = read::oecd::read_long_bytes(p, bad.as_bytes(), &c, 2015)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("bli.csv:2, column 5") && e.contains("`eighty`"),
        "{e}"
    );
    let empty = format!("{head}NOR,Norway,,TOT,80\n");
    let e = read::oecd::read_long_bytes(p, empty.as_bytes(), &c, 2015)
        .unwrap_err()
        .to_string();
    assert!(e.contains("`INDICATOR`) is empty"), "{e}");
}
