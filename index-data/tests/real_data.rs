//! The real publishers' files in `shared/data` (found by `default_data_dir()`): every bundle
//! builds and validates, every country is matched, and the engine reproduces UNDP's HDI and
//! WIPO's GII. Run with `--nocapture` to see the data report and the checks' details.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use index_core::bundle::Bundle;
use index_core::pipeline::{self, Results};
use index_data::countries::{normalise, Countries, VARIANTS};
use index_data::{read, Built, BUNDLES};

struct All {
    built: Vec<Built>,
    elapsed: Duration,
}

/// build_all once for the whole test binary.
fn all() -> &'static All {
    static ALL: OnceLock<All> = OnceLock::new();
    ALL.get_or_init(|| {
        let t = Instant::now();
        let built = index_data::build_all(&index_data::default_data_dir()).unwrap();
        All {
            built,
            elapsed: t.elapsed(),
        }
    })
}

fn bundle(id: &str) -> &'static Built {
    all().built.iter().find(|b| b.bundle.id() == id).unwrap()
}

fn countries() -> Countries {
    read::m49::read(&index_data::default_data_dir().join(index_data::bundles::M49)).unwrap()
}

fn run(b: &Bundle, year: i32) -> Results {
    let f = b.framework();
    pipeline::run(b.dataset(), f, b.method(), &f.weights(), year).unwrap()
}

#[test]
fn every_bundle_builds_validates_and_reports() {
    let all = all();
    eprintln!(
        "build_all (debug): {:.0} ms",
        all.elapsed.as_secs_f64() * 1e3
    );
    let ids: Vec<&str> = all.built.iter().map(|b| b.bundle.id()).collect();
    assert_eq!(ids, BUNDLES);
    let expected_units = [
        ("ftri", 166),
        ("ftri-2021", 156),
        ("ftri-2025", 169),
        ("tech", 213),
        ("hdi", 195),
        ("pci", 156),
        ("gii", 139),
        ("gii-panel", 149),
        ("asem", 51),
        ("bli", 36),
    ];
    for (b, (id, units)) in all.built.iter().zip(expected_units) {
        eprintln!("{}", b.report);
        assert_eq!(b.report.units, units, "{id}");
        // The JSON the app loads validates again on the way in.
        let back = Bundle::from_json(&b.bundle.to_json().unwrap()).unwrap();
        assert_eq!(back.dataset().units().len(), units);
        assert_eq!(back.default_year(), b.bundle.default_year());
        // Every bundle has its default groups and GDP per capita.
        for g in b.bundle.default_groups() {
            assert!(b.bundle.dataset().group(g).is_some(), "{id}: {g}");
        }
        let ds = b.bundle.dataset();
        let gdppc = ds
            .indicator_position(b.bundle.gdp_per_capita().unwrap())
            .unwrap();
        // GII 2025 is a year the World Bank's PPP file (to 2024) does not reach yet; the
        // bundle's note says so.
        if id == "gii" {
            assert_eq!(ds.coverage(gdppc, 2025), 0);
            assert!(b
                .bundle
                .notes()
                .iter()
                .any(|n| n.contains("GDP per capita, PPP is available for 0")));
        } else {
            assert!(
                ds.years().iter().any(|y| ds.coverage(gdppc, *y) > 0),
                "{id}"
            );
        }
        assert!(ds.groups().iter().any(|g| g.family == "undp-hdi"), "{id}");
        assert!(ds.groups().iter().any(|g| g.family == "wb-income"), "{id}");
        // Every source is credited with an edition and a licence.
        for s in ds.sources() {
            assert!(
                !s.edition.is_empty() && !s.licence.is_empty(),
                "{id}: {}",
                s.id
            );
        }
    }
    assert_eq!(bundle("ftri").bundle.default_year(), 2021);
    assert_eq!(bundle("ftri-2021").bundle.default_year(), 2019);
    assert_eq!(bundle("ftri-2025").bundle.default_year(), 2025);
    assert_eq!(bundle("hdi").bundle.default_year(), 2022);
    assert_eq!(bundle("pci").bundle.default_year(), 2018);
    assert_eq!(bundle("gii").bundle.default_year(), 2025);
    assert_eq!(bundle("gii-panel").bundle.default_year(), 2022);
    assert_eq!(bundle("asem").bundle.default_year(), 2018);
    assert_eq!(bundle("bli").bundle.default_year(), 2015);
}

#[test]
fn tech_default_year_has_half_the_units_scored() {
    let b = &bundle("tech").bundle;
    let year = b.default_year();
    let r = run(b, year);
    assert!(2 * r.ranked() >= b.dataset().units().len());
    // The default year is the latest in which half the units are scored from that year's own
    // values (without carrying values forward).
    let strict = index_core::method::Method::new(index_core::method::MethodSpec {
        carry_forward: 0,
        ..b.method().spec().clone()
    })
    .unwrap();
    let scored = |y: i32| {
        index_core::pipeline::run(
            b.dataset(),
            b.framework(),
            &strict,
            &b.framework().weights(),
            y,
        )
        .unwrap()
        .ranked()
    };
    assert!(2 * scored(year) >= b.dataset().units().len());
    for next in b.dataset().years().iter().filter(|y| **y > year) {
        assert!(2 * scored(*next) < b.dataset().units().len(), "{next}");
    }
    assert!(b
        .notes()
        .iter()
        .any(|n| n.starts_with(&format!("Default year {year}"))));
    // The report says how much of the default year is carried forward.
    let report = &bundle("tech").report;
    let (lookback, carried) = report.carried_forward.unwrap();
    assert_eq!(lookback, 5);
    assert!(carried.all.present > report.default_coverage().unwrap().all.present);
    assert!(bundle("hdi").report.carried_forward.is_none());
    eprintln!("tech: default year {year}, {} units ranked", r.ranked());
}

#[test]
fn m49_has_44_ldcs_and_every_variant_is_needed() {
    let c = countries();
    assert_eq!(c.ldc_count(), 44);
    assert_eq!(c.all().len(), 248);
    for v in VARIANTS {
        assert!(c.get(v.code).is_some(), "variant `{}`: {}", v.name, v.code);
    }
    // Every variant is used by some file (the list holds what the data needs, no more).
    let export = read::unctad::read_export(
        &index_data::default_data_dir().join("unctad/ftri_unctadstat_export_2008_2019.csv"),
        &c,
    )
    .unwrap();
    let (tir2023, _) = read::unctad::read_tir2023_groups(
        &index_data::default_data_dir().join(index_data::bundles::TIR2023),
        &c,
    )
    .unwrap();
    let used: BTreeSet<String> = all()
        .built
        .iter()
        .flat_map(|b| b.report.matches.iter())
        .chain(&export.matches)
        .chain(&tir2023.matches)
        .map(|m| normalise(&m.name))
        .collect();
    for v in VARIANTS {
        assert!(
            used.contains(&normalise(v.name)),
            "variant `{}` is unused",
            v.name
        );
    }
}

#[test]
fn no_m49_country_goes_unmatched() {
    let c = countries();
    for b in &all().built {
        // Nothing set apart is an M49 country under another code or name.
        for s in &b.report.set_apart {
            assert!(c.get(&s.code).is_none(), "{}: {s:?}", b.bundle.id());
            assert!(c.lookup(&s.name).is_none(), "{}: {s:?}", b.bundle.id());
        }
    }
    // Name-keyed files: every name resolves (an unknown one is an error), and each is a unit.
    let dir = index_data::default_data_dir();
    let (gii, _) = read::wipo::read_edition(&dir.join("wipo/gii_2025.csv"), &c).unwrap();
    assert_eq!((gii.units.len(), gii.set_apart.len()), (139, 0));
    let panel = read::wipo::read_panel(&dir.join("wipo/gii_2011_2022.csv"), &c).unwrap();
    assert_eq!((panel.units.len(), panel.set_apart.len()), (149, 0));
    // 159 economy rows; "Sudan (...2011)" and "Sudan" are both SDN.
    let export =
        read::unctad::read_export(&dir.join("unctad/ftri_unctadstat_export_2008_2019.csv"), &c)
            .unwrap();
    assert_eq!((export.units.len(), export.set_apart.len()), (158, 0));
    // UNCTAD's report tables: 183 economies in TIR 2025's figure (Kosovo set apart), 166 in
    // TIR 2023's table 1.
    let tir = read::unctad::read_tir2025(&dir.join(index_data::bundles::TIR2025), &c).unwrap();
    assert_eq!((tir.groups.len(), tir.table.set_apart.len()), (182, 1));
    let (t1, developed) =
        read::unctad::read_tir2023_groups(&dir.join(index_data::bundles::TIR2023), &c).unwrap();
    assert_eq!((developed.len(), t1.set_apart.len()), (166, 0));
    // Code-keyed files: the World Bank's 217 economies less Kosovo and the Channel Islands.
    let wdi = read::worldbank::read(&dir.join("worldbank/NY.GDP.PCAP.CD.csv"), &c).unwrap();
    assert_eq!(wdi.table.units.len(), 215);
    let apart: Vec<&str> = wdi
        .table
        .set_apart
        .iter()
        .filter(|s| s.reason.starts_with("economy"))
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(apart, ["CHI", "XKX"]);
}

#[test]
fn unctadstat_export_equals_the_long_file() {
    let dir = index_data::default_data_dir();
    let c = countries();
    let long = read::unctad::read_long(&dir.join("unctad/ftri_2008_2019.csv"), &c).unwrap();
    let export =
        read::unctad::read_export(&dir.join("unctad/ftri_unctadstat_export_2008_2019.csv"), &c)
            .unwrap();
    let pairs = [
        ("Overall index", "tech_overall_index"),
        ("ICT", "ICT"),
        ("Skills", "skills"),
        ("Research and Development", "research_dev"),
        ("Industry activity", "Industry_activity"),
        ("Access to finance", "finance_access"),
    ];
    let categories: BTreeSet<&str> = export.series_names().collect();
    assert_eq!(categories, pairs.iter().map(|p| p.0).collect());
    let mut compared = 0;
    for (cat, col) in pairs {
        for (code, year, v) in long.series(col) {
            let e = export
                .get(cat, code, year)
                .unwrap_or_else(|| panic!("{cat} {code} {year}: missing in the export"));
            assert!((e - v).abs() < 1e-8, "{cat} {code} {year}: {e} vs {v}");
            compared += 1;
        }
    }
    assert_eq!(compared, 156 * 12 * 6);
    let only_export: Vec<&String> = export.units.difference(&long.units).collect();
    // Sudan (both rows) and Saint Vincent and the Grenadines are in the export only.
    assert_eq!(only_export, ["SDN", "VCT"]);
    eprintln!("export = long file: {compared} values; only in the export: {only_export:?}");
}

#[test]
fn engine_hdi_matches_undp() {
    let b = &bundle("hdi").bundle;
    let r = run(b, 2022);
    let ds = b.dataset();
    let hdi = |code: &str| format!("{:.3}", r.index(ds.unit_position(code).unwrap()).unwrap());
    assert_eq!(hdi("CHE"), "0.967");
    assert_eq!(hdi("NOR"), "0.966");
    assert_eq!(hdi("ISL"), "0.959");
    let order = r.order();
    let ranked: Vec<usize> = order
        .iter()
        .copied()
        .filter(|u| r.rank(*u).is_some())
        .collect();
    let show = |u: &usize| {
        format!(
            "{} {} {:.3}",
            r.rank(*u).unwrap_or(0),
            ds.units()[*u].name,
            r.index(*u).unwrap_or(f64::NAN)
        )
    };
    let top: Vec<String> = ranked.iter().take(3).map(show).collect();
    let bottom: Vec<String> = ranked.iter().rev().take(3).rev().map(show).collect();
    eprintln!(
        "HDI 2022: {} ranked; top {top:?}; bottom {bottom:?}",
        ranked.len()
    );
    // HDR 2023/24: 193 countries; Switzerland, Norway, Iceland first; Somalia last.
    assert_eq!(ranked.len(), 193);
    let codes: Vec<&str> = ranked
        .iter()
        .map(|u| ds.units()[*u].code.as_str())
        .collect();
    assert_eq!(codes[..3], ["CHE", "NOR", "ISL"]);
    assert_eq!(codes[codes.len() - 3..], ["CAF", "SSD", "SOM"]);
}

#[test]
fn engine_gii_reproduces_wipo() {
    for (id, year) in [("gii", 2025), ("gii-panel", 2022)] {
        let b = &bundle(id).bundle;
        let ds = b.dataset();
        let r = run(b, year);
        let published = ds.indicator_position("gii_published").unwrap();
        let mut within = 0;
        let mut off = Vec::new();
        for u in 0..ds.units().len() {
            let (Some(ours), Some(theirs)) = (r.index(u), ds.value(u, published, year)) else {
                continue;
            };
            if (ours - theirs).abs() <= 0.1 + 1e-9 {
                within += 1;
            } else {
                off.push(format!("{} {ours:.2} vs {theirs}", ds.units()[u].code));
            }
        }
        eprintln!(
            "{id} {year}: {within} within ±0.1 of WIPO's score, {} further: {off:?}",
            off.len()
        );
        if id == "gii" {
            assert!(within >= 9 * (within + off.len()) / 10, "{off:?}");
        }
    }
}

#[test]
fn write_bundles_then_up_to_date() {
    let out = std::env::temp_dir().join(format!("index-data-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let dir = index_data::default_data_dir();
    let atlas = index_data::map::default_atlas_dir();
    let first = index_data::write_bundles(&dir, &atlas, &out, false).unwrap();
    eprintln!("{first}");
    assert_eq!(first.status, index_data::WriteStatus::Built);
    // The bundles, the catalogue, the map and each language's country names.
    assert_eq!(
        first.files.len(),
        BUNDLES.len() + 2 + index_data::names::LANGUAGES.len()
    );
    let fr: index_data::names::NamesFile =
        serde_json::from_str(&std::fs::read_to_string(out.join("names-fr.json")).unwrap()).unwrap();
    assert_eq!(fr.names.get("DEU").map(String::as_str), Some("Allemagne"));
    let map: index_data::map::WorldMap =
        serde_json::from_str(&std::fs::read_to_string(out.join("map.json")).unwrap()).unwrap();
    assert_eq!(map, index_data::map::build_map(&atlas).unwrap());
    let second = index_data::write_bundles(&dir, &atlas, &out, false).unwrap();
    assert_eq!(second.status, index_data::WriteStatus::UpToDate);
    assert_eq!(second.files, first.files);
    let catalogue: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("catalogue.json")).unwrap())
            .unwrap();
    let entries = catalogue.as_array().unwrap();
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, BUNDLES);
    for e in entries {
        let file = out.join(e["file"].as_str().unwrap());
        assert_eq!(
            e["bytes"].as_u64(),
            Some(std::fs::metadata(&file).unwrap().len())
        );
        assert!(!e["years"].as_array().unwrap().is_empty());
        let b = Bundle::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(
            Some(i64::from(b.default_year())),
            e["default_year"].as_i64()
        );
    }
    std::fs::remove_dir_all(&out).unwrap();
}

/// Spearman's rank correlation of paired values (average ranks for ties).
fn spearman(pairs: &[(f64, f64)]) -> f64 {
    fn ranks(v: &[f64]) -> Vec<f64> {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        idx.sort_by(|a, b| v[*a].total_cmp(&v[*b]));
        let mut r = vec![0.0; v.len()];
        let mut i = 0;
        while i < idx.len() {
            let mut j = i;
            while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
                j += 1;
            }
            for k in i..=j {
                r[idx[k]] = (i + j) as f64 / 2.0 + 1.0;
            }
            i = j + 1;
        }
        r
    }
    let a = ranks(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    let b = ranks(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(&b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

#[test]
fn ftri_editions_against_unctads_published_score() {
    for (id, year) in [("ftri", 2021), ("ftri-2021", 2019)] {
        let b = &bundle(id).bundle;
        let ds = b.dataset();
        let r = run(b, year);
        let published = ds.indicator_position("ftri_published").unwrap();
        let pairs: Vec<(f64, f64)> = (0..ds.units().len())
            .filter_map(|u| Some((r.index(u)?, ds.value(u, published, year)?)))
            .collect();
        let rho = spearman(&pairs);
        eprintln!(
            "{id} {year}: Spearman of the equal-weight re-weighted index against UNCTAD's \
             published score over {} economies: {rho:.4}",
            pairs.len()
        );
        assert!(pairs.len() >= 150, "{id}: {}", pairs.len());
        // Related but not the same number (UNCTAD computes its score from the indicators).
        assert!(rho > 0.9 && rho < 1.0, "{id}: {rho}");
    }
    // The two editions are revisions: their 2019 published scores differ for most economies.
    let (new, old) = (&bundle("ftri").bundle, &bundle("ftri-2021").bundle);
    let p = |b: &Bundle, code: &str| {
        let ds = b.dataset();
        ds.value(
            ds.unit_position(code)?,
            ds.indicator_position("ftri_published")?,
            2019,
        )
    };
    let codes: Vec<String> = old
        .dataset()
        .units()
        .iter()
        .map(|u| u.code.clone())
        .collect();
    let differ = codes
        .iter()
        .filter(|c| matches!((p(new, c), p(old, c)), (Some(a), Some(b)) if (a - b).abs() > 1e-9))
        .count();
    eprintln!(
        "2019 published scores that differ between the editions: {differ} of {}",
        codes.len()
    );
    assert!(differ * 2 > codes.len(), "{differ}");
}

#[test]
fn unctads_groups_on_the_real_files() {
    let b = &bundle("ftri");
    let ds = b.bundle.dataset();
    let member = |code: &str, g: &str| {
        let u = ds.unit_position(code).unwrap();
        ds.in_group(u, g)
    };
    // As SOURCES.md says: Korea, Israel and Japan developed; Singapore and Türkiye developing.
    for code in ["KOR", "ISR", "JPN"] {
        assert!(member(code, "developed"), "{code}");
    }
    for code in ["SGP", "TUR"] {
        assert!(
            member(code, "developing") && !member(code, "developed"),
            "{code}"
        );
    }
    // M49's old notion of developed regions differs from UNCTAD's classification only for the
    // Republic of Korea among these economies.
    let differ: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| member(&u.code, "developed") != member(&u.code, "developed-m49"))
        .map(|u| u.code.as_str())
        .collect();
    assert_eq!(differ, ["KOR"]);
    // The three groups LDC / other developing / developed do not overlap, and every unit of
    // the TIR 2023 release is in one of them.
    for u in 0..ds.units().len() {
        let n = ["LDC", "developing", "developed"]
            .iter()
            .filter(|g| ds.in_group(u, g))
            .count();
        assert_eq!(n, 1, "{}", ds.units()[u].code);
    }
    assert!(b.report.without_unctad_group.is_empty());
    // UNCTAD's LDC label and the UN's list: the note names the disagreements.
    let note = b
        .bundle
        .notes()
        .iter()
        .find(|n| n.contains("disagree"))
        .unwrap();
    eprintln!("{note}");
    assert!(note.contains("Bhutan"), "{note}");
    // TIR 2023's inverted flag and TIR 2025's groups agree on who is developed, where both
    // list the economy.
    let dir = index_data::default_data_dir();
    let c = countries();
    let tir = read::unctad::read_tir2025(&dir.join(index_data::bundles::TIR2025), &c).unwrap();
    let (_, developed) =
        read::unctad::read_tir2023_groups(&dir.join(index_data::bundles::TIR2023), &c).unwrap();
    let disagree: Vec<&String> = developed
        .iter()
        .filter(|(code, d)| {
            tir.groups
                .get(*code)
                .is_some_and(|g| (*g == read::unctad::UnctadGroup::Developed) != **d)
        })
        .map(|(code, _)| code)
        .collect();
    eprintln!("TIR 2023 and TIR 2025 disagree on developed status: {disagree:?}");
    assert!(disagree.is_empty(), "{disagree:?}");
}

#[test]
fn bli_scales_each_indicator_between_the_best_and_worst_country() {
    let b = &bundle("bli").bundle;
    let (ds, f) = (b.dataset(), b.framework());
    let r = run(b, 2015);
    for &leaf in f.leaves() {
        let id = &f.node(leaf).unwrap().id;
        let i = ds.indicator_position(id).unwrap();
        let lower = ds.indicators()[i].direction == index_core::dataset::Direction::Lower;
        let raw: Vec<(usize, f64)> = (0..ds.units().len())
            .filter_map(|u| Some((u, ds.value(u, i, 2015)?)))
            .collect();
        assert_eq!(raw.len(), 36, "{id}: every country has a value");
        let best = raw
            .iter()
            .copied()
            .reduce(|a, b| {
                if (b.1 < a.1) == lower && b.1 != a.1 {
                    b
                } else {
                    a
                }
            })
            .unwrap();
        // The best country (lowest where lower is better) scores 1 on the indicator.
        assert_eq!(r.score(best.0, leaf), Some(1.0), "{id}");
    }
}
