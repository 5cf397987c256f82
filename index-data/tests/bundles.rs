//! Bundles built end to end from the fixture data directory (tests/fixtures/data), which holds
//! tiny files in each publisher's format for the ftri editions, hdi, gii, gii-panel and asem
//! bundles.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use index_core::pipeline;
use index_data::error::Error;
use index_data::{build, Built};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data")
}

fn built(id: &str) -> Built {
    build(&data_dir(), id).unwrap()
}

fn group_ids(b: &Built) -> Vec<&str> {
    b.bundle
        .dataset()
        .groups()
        .iter()
        .map(|g| g.id.as_str())
        .collect()
}

fn unit_groups<'b>(b: &'b Built, code: &str) -> Vec<&'b str> {
    let ds = b.bundle.dataset();
    let u = ds.unit_position(code).unwrap();
    ds.units()[u].groups.iter().map(String::as_str).collect()
}

#[test]
fn gii_units_groups_reference_and_gdp() {
    let b = built("gii");
    let ds = b.bundle.dataset();
    let codes: Vec<&str> = ds.units().iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["AFG", "HKG", "NOR", "TUR"]);
    assert_eq!(ds.years(), [2025]);
    assert_eq!(b.bundle.default_year(), 2025);
    assert_eq!(b.bundle.default_groups(), &["LDC", "developed"]);
    assert_eq!(
        b.bundle.reference().map(|r| r.indicator.as_str()),
        Some("gii_published")
    );
    assert_eq!(b.bundle.gdp_per_capita(), Some("gdppc_ppp"));
    let gdppc = ds.indicator_position("gdppc_ppp").unwrap();
    assert_eq!(
        ds.value(ds.unit_position("NOR").unwrap(), gdppc, 2025),
        Some(95000.0)
    );
    // Only the PPP series: the current-US$ one is not carried.
    assert!(ds.indicator("gdppc").is_none());
    assert_eq!(
        ds.source("wdi:NY.GDP.PCAP.PP.CD")
            .map(|s| s.edition.as_str()),
        Some("WDI, last updated 2026-01-02")
    );
    assert_eq!(
        ds.source("wipo-gii-2025").map(|s| s.edition.as_str()),
        Some("GII 2025")
    );
    // Only groups with members; in a fixed order.
    assert_eq!(
        group_ids(&b),
        [
            "LDC",
            "LLDC",
            "developed",
            "developing",
            "developed-m49",
            "developing-m49",
            "region:Asia",
            "region:Europe",
            "subregion:Eastern Asia",
            "subregion:Northern Europe",
            "subregion:Southern Asia",
            "subregion:Western Asia",
            "hdi:Very high",
            "hdi:Low",
            "income:High income",
            "income:Upper middle income",
            "income:Low income",
        ]
    );
    assert_eq!(
        unit_groups(&b, "AFG"),
        [
            "LDC",
            "LLDC",
            "developing-m49",
            "region:Asia",
            "subregion:Southern Asia",
            "hdi:Low",
            "income:Low income"
        ]
    );
    // UNCTAD's classification: Hong Kong (no M49 status) is an other developing economy,
    // Afghanistan an LDC and so not "other developing" (though developing in M49's sense).
    assert!(unit_groups(&b, "HKG").contains(&"developing"));
    assert!(unit_groups(&b, "NOR").contains(&"developed"));
    let g = ds.group("developed").unwrap();
    assert_eq!(
        (g.name.as_str(), g.family.as_str()),
        ("Developed economies (UNCTAD)", "unctad-development")
    );
    let g = ds.group("developed-m49").unwrap();
    assert_eq!(
        (g.name.as_str(), g.family.as_str()),
        (
            "Developed regions (UN M49, c.2020 notion)",
            "m49-development"
        )
    );
    assert_eq!(ds.group("LDC").unwrap().family, "un-ldc");
    assert_eq!(ds.group("hdi:Low").unwrap().family, "undp-hdi");
    assert_eq!(ds.group("income:Low income").unwrap().family, "wb-income");
    assert!(b.bundle.notes().iter().any(|n| n.contains("c.2020")));
    // The engine's GII: Norway = mean(mean(85, 55, 60, 50, 52), mean(40, 45)) = 51.45.
    let f = b.bundle.framework();
    let r = pipeline::run(ds, f, b.bundle.method(), &f.weights(), 2025).unwrap();
    let nor = r.index(ds.unit_position("NOR").unwrap()).unwrap();
    assert!((nor - 51.45).abs() < 1e-9, "{nor}");
    // The report.
    let m: Vec<(&str, &str)> = b
        .report
        .matches
        .iter()
        .map(|m| (m.name.as_str(), m.code.as_str()))
        .collect();
    assert_eq!(m, [("Hong Kong, China", "HKG")]);
    assert_eq!(
        (b.report.units, b.report.ldcs, b.report.indicators),
        (4, 1, 7)
    );
}

#[test]
fn ftri_2021_edition_years_default_year_and_coverage() {
    let b = built("ftri-2021");
    let ds = b.bundle.dataset();
    assert_eq!(ds.years(), [2018, 2019]);
    assert_eq!(b.bundle.default_year(), 2019);
    assert!(ds.indicator("ftri_published").is_some());
    let c = b.report.default_coverage().unwrap();
    // 3 units × 5 blocks in 2019, CIV lacks finance; the LDC (AFG) has all 5.
    assert_eq!((c.all.present, c.all.possible), (14, 15));
    assert_eq!((c.ldc.present, c.ldc.possible), (5, 5));
    let c2018 = &b.report.coverage[0];
    assert_eq!((c2018.year, c2018.all.present), (2018, 5));
    let text = b.report.to_string();
    assert!(
        text.starts_with(
            "ftri-2021 — Frontier Technology Readiness Index (TIR 2021 edition, 2008–2019)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("coverage in 2019: all 93.3% (14/15) · LDCs 100.0% (5/5)"),
        "{text}"
    );
    assert!(text.contains("      2019   93.3%  100.0% ←"), "{text}");
    assert_eq!(
        ds.source("unctad-ftri-2021").map(|s| s.edition.as_str()),
        Some("Technology and Innovation Report 2021 edition, 2008–2019 series")
    );
}

#[test]
fn ftri_is_the_tir_2023_release() {
    let b = built("ftri");
    let ds = b.bundle.dataset();
    assert_eq!(ds.years(), [2020, 2021]);
    assert_eq!(b.bundle.default_year(), 2021);
    let codes: Vec<&str> = ds.units().iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["AFG", "NOR", "SDN"]);
    let c = b.report.default_coverage().unwrap();
    // 3 units × 5 blocks in 2021; Afghanistan's finance is "Not applicable". The LDCs are
    // Afghanistan and Sudan.
    assert_eq!((c.all.present, c.all.possible), (14, 15));
    assert_eq!((c.ldc.present, c.ldc.possible), (9, 10));
    assert_eq!(
        b.bundle.reference().map(|r| r.indicator.as_str()),
        Some("ftri_published")
    );
    assert!(b.bundle.framework().is_reweightable());
    assert!(b.bundle.title().contains("TIR 2023 release"));
    assert!(b
        .bundle
        .notes()
        .iter()
        .any(|n| n.contains("never") || n.contains("revises the back-series")));
    // GDP per capita, PPP is the income measure: Norway 2020 is missing in the fixture.
    let ppp = ds.indicator_position("gdppc_ppp").unwrap();
    let afg = ds.unit_position("AFG").unwrap();
    assert_eq!(ds.value(afg, ppp, 2020), Some(2100.0));
}

#[test]
fn ftri_2025_is_unctads_published_score_with_its_gdp() {
    let b = built("ftri-2025");
    let ds = b.bundle.dataset();
    assert_eq!(ds.years(), [2025]);
    // Every economy with a score; Tuvalu (null) is not a unit, Kosovo (outside M49) set apart.
    let codes: Vec<&str> = ds.units().iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["AFG", "CIV", "HKG", "NOR", "SDN", "TUR"]);
    assert_eq!(b.report.set_apart[0].name, "Kosovo");
    assert!(!b.bundle.framework().is_reweightable());
    assert_eq!(b.bundle.gdp_per_capita(), Some("gdppc_ppp"));
    let gdp = ds.indicator_position("gdppc_ppp").unwrap();
    let nor = ds
        .value(ds.unit_position("NOR").unwrap(), gdp, 2025)
        .unwrap();
    assert!((nor - 10f64.powf(4.9)).abs() < 1e-6, "{nor}");
    // The index is UNCTAD's score as published.
    let f = b.bundle.framework();
    let r = pipeline::run(ds, f, b.bundle.method(), &f.weights(), 2025).unwrap();
    let hkg = r.index(ds.unit_position("HKG").unwrap()).unwrap();
    assert!((hkg - 0.8).abs() < 1e-12, "{hkg}");
    // Sudan is on the UN's LDC list although the figure data label it developing: an LDC,
    // not an other developing economy, and a note says so.
    let sdn = unit_groups(&b, "SDN");
    assert!(
        sdn.contains(&"LDC") && !sdn.contains(&"developing"),
        "{sdn:?}"
    );
    assert!(
        b.bundle.notes().iter().any(|n| n
            .contains("Labelled developing by UNCTAD but on the UN's list (here: LDCs): Sudan.")),
        "{:?}",
        b.bundle.notes()
    );
}

#[test]
fn hdi_is_computed_not_read() {
    let b = built("hdi");
    let ds = b.bundle.dataset();
    assert!(ds.indicator("hdi").is_none(), "the HDI is not in the data");
    let ids: Vec<&str> = ds.indicators().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["le", "eys", "mys", "gnipc", "gdppc_ppp"]);
    let f = b.bundle.framework();
    let r = pipeline::run(ds, f, b.bundle.method(), &f.weights(), 2022).unwrap();
    // Norway's 2022 components give UNDP's 0.966.
    let nor = r.index(ds.unit_position("NOR").unwrap()).unwrap();
    assert_eq!(format!("{nor:.3}"), "0.966");
    assert_eq!(b.report.set_apart[0].code, "ZZK.WORLD");
}

#[test]
fn gii_panel_and_asem() {
    let b = built("gii-panel");
    assert_eq!(b.bundle.dataset().years(), [2021, 2022]);
    assert_eq!(b.report.matches.len(), 2);

    let b = built("asem");
    let ds = b.bundle.dataset();
    assert_eq!(
        b.bundle.default_groups(),
        &["EurAsia_group:Asia", "EurAsia_group:Europe"]
    );
    let g = ds.group("EurAsia_group:Asia").unwrap();
    assert_eq!(
        (g.name.as_str(), g.family.as_str()),
        ("Europe or Asia: Asia", "EurAsia_group")
    );
    assert!(
        unit_groups(&b, "AFG").contains(&"LDC"),
        "ASEM units get M49 groups too"
    );
    assert!(
        ds.indicator("GDP").is_some(),
        "denominators are dataset indicators"
    );
    let f = b.bundle.framework();
    let r = pipeline::run(ds, f, b.bundle.method(), &f.weights(), 2018).unwrap();
    assert_eq!(r.ranked(), 5);
}

#[test]
fn unknown_bundle_lists_the_bundles() {
    let e = build(&data_dir(), "ftr").unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown bundle `ftr`; the bundles are: ftri, ftri-2021, ftri-2025, tech, hdi, pci, gii, \
         gii-panel, asem, bli"
    );
}

#[test]
fn a_missing_input_is_named() {
    let e = build(&data_dir(), "pci").unwrap_err();
    assert!(matches!(&e, Error::Read { path, .. } if path.ends_with("unctad/pci_2008_2018.csv")));
}

#[test]
fn fingerprint_follows_the_inputs() {
    let dir = std::env::temp_dir().join(format!("index-data-fp-{}", std::process::id()));
    for rel in index_data::write::all_inputs() {
        let p = dir.join(&rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, "x").unwrap();
    }
    // A stand-in for the atlas, beside the data.
    let atlas = dir.join("atlas");
    let topology = atlas.join(index_data::map::ATLAS_FILE);
    std::fs::create_dir_all(topology.parent().unwrap()).unwrap();
    std::fs::write(&topology, "{}").unwrap();
    let print = || index_data::write::fingerprint(&dir, &atlas);
    let a = print().unwrap();
    assert_eq!(a, print().unwrap());
    std::fs::write(dir.join(index_data::bundles::M49), "xy").unwrap();
    let b = print().unwrap();
    assert_ne!(a, b);
    std::fs::write(&topology, "{ }").unwrap();
    assert_ne!(b, print().unwrap(), "the atlas is an input");
    std::fs::remove_file(dir.join(index_data::bundles::HDR)).unwrap();
    let e = print().unwrap_err();
    assert!(e.to_string().contains("hdr_2023_24"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bli_is_built_as_the_oecd_builds_it() {
    let b = built("bli");
    let ds = b.bundle.dataset();
    let codes: Vec<&str> = ds.units().iter().map(|u| u.code.as_str()).collect();
    // The OECD total is set apart; breakdowns (MN: men) are not read.
    assert_eq!(codes, ["CHE", "NLD", "NOR", "TUR"]);
    assert_eq!(b.report.set_apart[0].code, "OECD");
    assert_eq!(b.bundle.framework().pillars().len(), 11);
    assert_eq!(b.bundle.default_groups(), &["developing", "developed"]);
    // Environment = mean of air pollution (lower is better) and water quality, each min–max
    // over the four countries: air 5 (NOR) … 20 (TUR), water 62 (TUR) … 98 (NOR).
    // The Netherlands: air (20 − 14)/15 = 0.4, water (93 − 62)/36 = 31/36.
    let f = b.bundle.framework();
    let r = pipeline::run(ds, f, b.bundle.method(), &f.weights(), 2015).unwrap();
    let env = f.position("environment").unwrap();
    let nld = ds.unit_position("NLD").unwrap();
    let got = r.score(nld, env).unwrap();
    let want = (0.4 + 31.0 / 36.0) / 2.0;
    assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    let nor = r.score(ds.unit_position("NOR").unwrap(), env).unwrap();
    assert!((nor - 1.0).abs() < 1e-12, "Norway is best on both: {nor}");
}
