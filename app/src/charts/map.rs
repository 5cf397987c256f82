//! The world map (issue 13): the geometry of `data/map.json` (made at build time by
//! `index-data`'s `map` module: Equal Earth, simplified, in grid units), parsed once into rings
//! and kept ([`MapGeometry`]); and [`draw_map`], which fills each unit with its class's colour,
//! hatches the units without data, outlines the ones marked (LDCs) and draws the small states as
//! circles at their centroid. A weight step changes only the fills: the geometry is shared
//! (`Shared`), never parsed or copied again. [`MapGeometry::hit`] finds the unit under a point
//! for the page's hover and click (a canvas has no hover of its own).

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Deserialize;

use super::caption::MUTED;
use super::{err, DrawResult, Style, INK};
use crate::i18n::{messages, t};
use crate::shared::Shared;

/// The sea (the map's outline) and the land of units not in the data.
const SEA: RGBColor = RGBColor(0xF2, 0xF5, 0xF8);
/// The fill of a unit without data, under its hatching.
pub const NO_DATA: RGBColor = RGBColor(0xF4, 0xF4, 0xF4);
/// The hatching's lines.
pub const HATCH: RGBColor = RGBColor(0x8A, 0x93, 0x9E);
/// The borders between units.
const BORDER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Hatching pitch, in CSS pixels.
const HATCH_PITCH: f64 = 5.0;
/// A small state's circle radius, in CSS pixels.
pub const CIRCLE_RADIUS: f64 = 3.5;

/// The sequential colours, light (low) to dark (high): seven samples of viridis (van der Walt &
/// Smith, matplotlib), perceptually uniform and readable with every common colour-vision
/// deficiency. A ramp of `n` classes takes `n` of them evenly.
pub const VIRIDIS: [RGBColor; 7] = [
    RGBColor(0xFD, 0xE7, 0x25),
    RGBColor(0x90, 0xD7, 0x43),
    RGBColor(0x35, 0xB7, 0x79),
    RGBColor(0x21, 0x91, 0x8C),
    RGBColor(0x31, 0x68, 0x8E),
    RGBColor(0x44, 0x39, 0x83),
    RGBColor(0x44, 0x01, 0x54),
];

/// The colours of `n` classes (1 to 7; more take 7), light to dark.
pub fn ramp(n: usize) -> Vec<RGBColor> {
    let n = n.clamp(1, VIRIDIS.len());
    let last = VIRIDIS.len() - 1;
    (0..n)
        .map(|i| {
            let at = if n == 1 { last / 2 } else { i * last / (n - 1) };
            VIRIDIS.get(at).copied().unwrap_or(INK)
        })
        .collect()
}

/// A small state's circle radius on a map `css_width` CSS pixels wide: [`CIRCLE_RADIUS`] on a
/// map 1 000 pixels wide or more, smaller on a narrow one (not under 2 pixels), so that the
/// circles do not cover Europe on a phone.
pub fn circle_radius(css_width: f64) -> f64 {
    (CIRCLE_RADIUS * css_width / 1000.0).clamp(2.0, CIRCLE_RADIUS)
}

/// The file as written by `index-data` (only what the page uses).
#[derive(Deserialize)]
struct MapFile {
    format: u32,
    width: f64,
    height: f64,
    outline: String,
    source: String,
    disclaimer: String,
    units: std::collections::BTreeMap<String, UnitFile>,
}

/// One unit in the file.
#[derive(Deserialize)]
struct UnitFile {
    name: String,
    #[serde(default)]
    d: String,
    #[serde(default)]
    c: Option<[f64; 2]>,
    km2: f64,
}

/// The format of `map.json` this page reads.
pub const MAP_FORMAT: u32 = 1;

/// One ring: points in grid units.
pub type Ring = Vec<[f32; 2]>;

/// One unit's geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct MapUnit {
    /// ISO3 code.
    pub code: String,
    /// The atlas's name.
    pub name: String,
    /// Its rings (even-odd: a hole is a ring inside another).
    pub rings: Vec<Ring>,
    /// Where its circle goes, for a small state.
    pub circle: Option<[f32; 2]>,
    /// Its bounding box, `[x0, y0, x1, y1]` in grid units (of the rings and the circle).
    pub bbox: [f32; 4],
}

/// The map's geometry, parsed once and shared by every repaint.
#[derive(Debug, Clone, PartialEq)]
pub struct MapGeometry {
    /// Width in grid units.
    pub width: f64,
    /// Height in grid units.
    pub height: f64,
    /// The map's edge (the sea).
    pub outline: Vec<Ring>,
    /// The units, largest first (an enclave is drawn over the unit around it).
    pub units: Vec<MapUnit>,
    /// The boundaries' source line.
    pub source: String,
    /// The boundaries disclaimer.
    pub disclaimer: String,
    /// Each unit's hatching at the size last drawn (see [`HatchCache`]).
    pub hatches: HatchCache,
}

/// A hatching line, in the backend's pixels.
type Segment = ((i32, i32), (i32, i32));

/// Each unit's hatching at the size the map was last drawn: a slider step changes the fills,
/// not the shapes, so a unit's hatching is computed once per size rather than on every repaint
/// (it was most of a repaint's time on a dataset that covers few of the map's units). Derived
/// data: a clone starts empty, and any two caches compare equal.
#[derive(Debug, Default)]
pub struct HatchCache(std::sync::Mutex<HatchSlots>);

/// The size, pitch and mirroring the slots are for, and a slot per unit.
type HatchSlots = ((u32, u32, u64, bool), Vec<Option<Vec<Segment>>>);

impl Clone for HatchCache {
    fn clone(&self) -> Self {
        HatchCache::default()
    }
}

impl PartialEq for HatchCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl HatchCache {
    /// Unit `unit`'s hatching (of `units`) on a map `w × h` pixels (the map alone, without
    /// what is drawn under it) at `pitch`, pre-mirrored or not: the one kept, or `compute`d and
    /// kept.
    fn segments(
        &self,
        (w, h, pitch, mirrored): (u32, u32, f64, bool),
        (unit, units): (usize, usize),
        compute: impl FnOnce() -> Vec<Segment>,
    ) -> Vec<Segment> {
        let Ok(mut slots) = self.0.lock() else {
            return compute();
        };
        let key = (w, h, pitch.to_bits(), mirrored);
        if slots.0 != key || slots.1.len() != units {
            *slots = (key, vec![None; units]);
        }
        match slots.1.get_mut(unit) {
            Some(Some(kept)) => kept.clone(),
            Some(slot) => slot.insert(compute()).clone(),
            None => compute(),
        }
    }
}

/// Reads an SVG path as `map.json` writes it (`M x y l dx dy … z`, also `L` and `m`) into
/// rings; anything else ends the ring being read.
pub fn parse_path(d: &str) -> Vec<Ring> {
    let mut rings: Vec<Ring> = Vec::new();
    let mut ring: Ring = Vec::new();
    let mut numbers: Vec<f32> = Vec::new();
    let mut command = b'M';
    let mut at = [0f32; 2];
    // `l` and `m` are relative to the current point; `M` and `L` absolute.
    let flush = |command: u8, numbers: &mut Vec<f32>, ring: &mut Ring, at: &mut [f32; 2]| {
        let relative = matches!(command, b'l' | b'm');
        for pair in numbers.chunks_exact(2) {
            if let [x, y] = *pair {
                *at = if relative {
                    [at[0] + x, at[1] + y]
                } else {
                    [x, y]
                };
                ring.push(*at);
            }
        }
        numbers.clear();
    };
    let bytes = d.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(b' ');
        match b {
            b'M' | b'm' | b'L' | b'l' | b'Z' | b'z' => {
                flush(command, &mut numbers, &mut ring, &mut at);
                if matches!(b, b'M' | b'm' | b'Z' | b'z') && !ring.is_empty() {
                    // A closed ring's end is its start.
                    if let Some(start) = ring.first() {
                        at = *start;
                    }
                    if ring.len() >= 3 {
                        rings.push(std::mem::take(&mut ring));
                    }
                    ring.clear();
                }
                command = b;
                i += 1;
            }
            b'-' | b'+' | b'.' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while let Some(c) = bytes.get(i) {
                    if c.is_ascii_digit() || *c == b'.' || *c == b'e' {
                        i += 1;
                    } else {
                        break;
                    }
                }
                if let Some(x) = d.get(start..i).and_then(|t| t.parse::<f32>().ok()) {
                    numbers.push(x);
                }
            }
            _ => i += 1,
        }
    }
    flush(command, &mut numbers, &mut ring, &mut at);
    if ring.len() >= 3 {
        rings.push(ring);
    }
    rings
}

impl MapGeometry {
    /// Reads `map.json`'s text.
    ///
    /// # Errors
    /// The file is not the map's JSON, or of another format.
    pub fn from_json(text: &str) -> Result<MapGeometry, String> {
        let file: MapFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if file.format != MAP_FORMAT {
            return Err(format!(
                "the map file is of format {}, this page reads {MAP_FORMAT}",
                file.format
            ));
        }
        if !(file.width.is_finite() && file.height.is_finite())
            || file.width <= 0.0
            || file.height <= 0.0
        {
            return Err("the map file has no size".into());
        }
        let mut units: Vec<(f64, MapUnit)> = file
            .units
            .into_iter()
            .map(|(code, u)| {
                let rings = parse_path(&u.d);
                let circle = u.c.map(|[x, y]| [x as f32, y as f32]);
                let mut bbox = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
                for p in rings.iter().flatten().chain(circle.iter()) {
                    bbox = [
                        bbox[0].min(p[0]),
                        bbox[1].min(p[1]),
                        bbox[2].max(p[0]),
                        bbox[3].max(p[1]),
                    ];
                }
                let unit = MapUnit {
                    code,
                    name: u.name,
                    rings,
                    circle,
                    bbox,
                };
                (u.km2, unit)
            })
            .collect();
        index_core::order::sort_by(&mut units, |a, b| b.0.total_cmp(&a.0));
        Ok(MapGeometry {
            width: file.width,
            height: file.height,
            outline: parse_path(&file.outline),
            units: units.into_iter().map(|(_, u)| u).collect(),
            source: file.source,
            disclaimer: file.disclaimer,
            hatches: HatchCache::default(),
        })
    }

    /// The unit at grid point `p`: a circle within `radius` grid units first (of the units
    /// `circled`, nearest first), else the last-drawn unit whose rings hold it (even-odd).
    pub fn hit(&self, p: [f32; 2], radius: f32, circled: &[bool]) -> Option<usize> {
        let near = self
            .units
            .iter()
            .enumerate()
            .filter(|(i, _)| circled.get(*i).copied().unwrap_or(false))
            .filter_map(|(i, u)| {
                let c = u.circle?;
                let d2 = (c[0] - p[0]).powi(2) + (c[1] - p[1]).powi(2);
                (d2 <= radius * radius).then_some((i, d2))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = near {
            return Some(i);
        }
        self.units
            .iter()
            .enumerate()
            .rev()
            .find(|(_, u)| {
                let b = u.bbox;
                p[0] >= b[0]
                    && p[0] <= b[2]
                    && p[1] >= b[1]
                    && p[1] <= b[3]
                    && u.rings.iter().filter(|r| inside(r, p)).count() % 2 == 1
            })
            .map(|(i, _)| i)
    }
}

/// Whether `p` is inside `ring` (crossing number).
fn inside(ring: &[[f32; 2]], p: [f32; 2]) -> bool {
    let mut odd = false;
    let mut prev = match ring.last() {
        Some(q) => *q,
        None => return false,
    };
    for q in ring {
        if (q[1] > p[1]) != (prev[1] > p[1])
            && p[0] < (prev[0] - q[0]) * (p[1] - q[1]) / (prev[1] - q[1]) + q[0]
        {
            odd = !odd;
        }
        prev = *q;
    }
    odd
}

/// Where the map sits in a drawing area: grid units to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Pixels per grid unit.
    pub scale: f64,
    /// Left edge, pixels.
    pub x: f64,
    /// Top edge, pixels.
    pub y: f64,
    /// `Some(w − 1)` on an area `w` pixels wide whose backend mirrors x (right to left): the
    /// map is drawn pre-mirrored, at `w − 1 − x`, so that it comes out as geography has it.
    pub mirror: Option<i32>,
}

impl Fit {
    /// The map fitted (proportions kept, centred) in a box `w` × `h` pixels from `(x, y)`.
    pub fn new(geometry: &MapGeometry, x: f64, y: f64, w: f64, h: f64) -> Fit {
        let scale = (w / geometry.width).min(h / geometry.height).max(0.0);
        Fit {
            scale,
            x: x + (w - geometry.width * scale) / 2.0,
            y: y + (h - geometry.height * scale) / 2.0,
            mirror: None,
        }
    }

    /// A grid point in pixels.
    pub fn px(&self, p: [f32; 2]) -> (i32, i32) {
        let x = (self.x + f64::from(p[0]) * self.scale).round() as i32;
        (
            self.mirror.map_or(x, |m| m - x),
            (self.y + f64::from(p[1]) * self.scale).round() as i32,
        )
    }

    /// A ring in pixels, each point once where several fall on one pixel (most of a small
    /// island's); `None` when fewer than three pixels are left (nothing to see at this size).
    pub fn ring(&self, ring: &[[f32; 2]]) -> Option<Vec<(i32, i32)>> {
        let mut out: Vec<(i32, i32)> = Vec::with_capacity(ring.len());
        for p in ring {
            let q = self.px(*p);
            if out.last() != Some(&q) {
                out.push(q);
            }
        }
        if out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        (out.len() >= 3).then_some(out)
    }

    /// A pixel position in grid units.
    pub fn grid(&self, x: f64, y: f64) -> [f32; 2] {
        let x = self.mirror.map_or(x, |m| f64::from(m) - x);
        if self.scale > 0.0 {
            [
                ((x - self.x) / self.scale) as f32,
                ((y - self.y) / self.scale) as f32,
            ]
        } else {
            [f32::NAN, f32::NAN]
        }
    }
}

/// How one unit is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Not a country any index scores (Antarctica): plain land.
    Outside,
    /// Not in the dataset shown: hatched, as "no data".
    Absent,
    /// In the dataset, without a score: hatched (and a circle, for a small state).
    NoData,
    /// In class `i` of the legend.
    Class(u8),
}

/// One class of the legend, as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendClass {
    /// Its colour.
    pub colour: RGBColor,
    /// Its range in words ("20.0 – 40.0").
    pub label: String,
}

/// The data of one map, ready to draw: the shared geometry and, per geometry unit, its fill.
#[derive(Debug, Clone, PartialEq)]
pub struct MapChart {
    /// The geometry (shared, compared by identity).
    pub geometry: Shared<MapGeometry>,
    /// Per unit of the geometry, its fill.
    pub fills: Vec<Fill>,
    /// Per unit of the geometry, whether it is outlined (LDCs, when asked).
    pub outlined: Vec<bool>,
    /// The unit followed, if on the map.
    pub selected: Option<usize>,
    /// The legend's classes, low to high.
    pub legend: Vec<LegendClass>,
    /// What the outline marks ("Least developed countries"), when units are outlined.
    pub outline_label: Option<String>,
}

impl MapChart {
    /// Whether unit `i` is drawn as a circle: a small state in the data.
    pub fn circled(&self, i: usize) -> bool {
        self.geometry
            .units
            .get(i)
            .is_some_and(|u| u.circle.is_some())
            && matches!(self.fills.get(i), Some(Fill::NoData | Fill::Class(_)))
    }

    /// [`Self::circled`] for every unit.
    pub fn circles(&self) -> Vec<bool> {
        (0..self.geometry.units.len())
            .map(|i| self.circled(i))
            .collect()
    }
}

/// Hatching of a unit: segments of parallel lines (45°, `pitch` pixels apart) inside its rings
/// (even-odd), in pixels.
pub fn hatch(rings: &[Vec<(f64, f64)>], pitch: f64) -> Vec<((f64, f64), (f64, f64))> {
    let mut out = Vec::new();
    if pitch.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return out;
    }
    // Lines x − y = c; along a line, positions are measured by x.
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for p in rings.iter().flatten() {
        lo = lo.min(p.0 - p.1);
        hi = hi.max(p.0 - p.1);
    }
    if lo > hi {
        return out;
    }
    let mut c = (lo / pitch).ceil() * pitch;
    let mut xs: Vec<f64> = Vec::new();
    while c <= hi {
        xs.clear();
        for ring in rings {
            let Some(mut prev) = ring.last().copied() else {
                continue;
            };
            for q in ring {
                let (a, b) = (prev.0 - prev.1 - c, q.0 - q.1 - c);
                if (a > 0.0) != (b > 0.0) {
                    let t = a / (a - b);
                    xs.push(prev.0 + t * (q.0 - prev.0));
                }
                prev = *q;
            }
        }
        xs.sort_by(f64::total_cmp);
        for pair in xs.chunks_exact(2) {
            out.push(((pair[0], pair[0] - c), (pair[1], pair[1] - c)));
        }
        c += pitch;
    }
    out
}

/// Height in CSS pixels of the map's legend and disclaimer lines in a download, for a plot
/// `width` pixels wide.
fn foot_height(chart: &MapChart, with_foot: bool, style: &Style) -> u32 {
    if !with_foot {
        return 0;
    }
    let rows = if chart.outline_label.is_some() { 2 } else { 1 };
    style.px(18.0 * f64::from(rows) + 40.0)
}

/// Draws `chart` on `area`: the sea, each unit filled (hatched without data), borders, the
/// outlined units, the small states' circles, the followed unit in ink; with `with_foot` (the
/// downloads and embeds), the legend and the boundaries disclaimer under the map (on the page
/// they are HTML beside the canvas).
///
/// # Errors
/// The backend's drawing error, as text.
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &MapChart,
    style: &Style,
    with_foot: bool,
) -> DrawResult {
    let (w, h) = area.dim_in_pixel();
    let foot = foot_height(chart, with_foot, style);
    let g = &*chart.geometry;
    let mut fit = Fit::new(
        g,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h.saturating_sub(foot)).max(1.0),
    );
    if style.dir == super::Direction::Rtl {
        fit.mirror = Some(i32::try_from(w).unwrap_or(0) - 1);
    }
    for ring in g.outline.iter().filter_map(|r| fit.ring(r)) {
        area.draw(&Polygon::new(ring, SEA.filled())).map_err(err)?;
    }
    let colours: Vec<RGBColor> = chart.legend.iter().map(|c| c.colour).collect();
    let border = BORDER.stroke_width(style.px(0.5));
    let hatch_style = HATCH.stroke_width(style.px(0.75));
    for (i, u) in g.units.iter().enumerate() {
        let fill = chart.fills.get(i).copied().unwrap_or(Fill::Outside);
        let hatched = matches!(fill, Fill::NoData | Fill::Absent);
        let colour = match fill {
            Fill::Outside => OUTSIDE,
            Fill::NoData | Fill::Absent => NO_DATA,
            Fill::Class(k) => colours.get(usize::from(k)).copied().unwrap_or(OUTSIDE),
        };
        let rings: Vec<Vec<(i32, i32)>> = u.rings.iter().filter_map(|r| fit.ring(r)).collect();
        for r in &rings {
            area.draw(&Polygon::new(r.clone(), colour.filled()))
                .map_err(err)?;
        }
        if hatched {
            let pitch = style.font(HATCH_PITCH);
            let size = (w, h.saturating_sub(foot), pitch, fit.mirror.is_some());
            let lines = g.hatches.segments(size, (i, g.units.len()), || {
                let float: Vec<Vec<(f64, f64)>> = rings
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|(x, y)| (f64::from(*x), f64::from(*y)))
                            .collect()
                    })
                    .collect();
                hatch(&float, pitch)
                    .into_iter()
                    .map(|(a, b)| {
                        (
                            (a.0.round() as i32, a.1.round() as i32),
                            (b.0.round() as i32, b.1.round() as i32),
                        )
                    })
                    .collect()
            });
            for (a, b) in lines {
                area.draw(&PathElement::new([a, b], hatch_style))
                    .map_err(err)?;
            }
        }
        for mut r in rings {
            if let Some(first) = r.first().copied() {
                r.push(first);
            }
            area.draw(&PathElement::new(r, border)).map_err(err)?;
        }
    }
    // Outlines, then circles, then the followed unit, over everything.
    let outline = INK.stroke_width(style.px(1.5));
    for (i, u) in g.units.iter().enumerate() {
        if chart.outlined.get(i).copied().unwrap_or(false) && !chart.circled(i) {
            for mut r in u.rings.iter().filter_map(|r| fit.ring(r)) {
                if let Some(first) = r.first().copied() {
                    r.push(first);
                }
                area.draw(&PathElement::new(r, outline)).map_err(err)?;
            }
        }
    }
    let radius = style.px(circle_radius(f64::from(w) / style.scale.max(1e-9)));
    for (i, u) in g.units.iter().enumerate() {
        let Some(c) = u.circle.filter(|_| chart.circled(i)) else {
            continue;
        };
        let at = fit.px(c);
        let fill = chart.fills.get(i).copied().unwrap_or(Fill::Outside);
        let ring = if chart.outlined.get(i).copied().unwrap_or(false) {
            INK.stroke_width(style.px(1.5))
        } else {
            INK.mix(0.6).stroke_width(style.px(0.75))
        };
        match fill {
            Fill::Class(k) => {
                let colour = colours.get(usize::from(k)).copied().unwrap_or(OUTSIDE);
                area.draw(&Circle::new(at, radius, colour.filled()))
                    .map_err(err)?;
            }
            _ => {
                area.draw(&Circle::new(at, radius, NO_DATA.filled()))
                    .map_err(err)?;
                let d = (f64::from(radius) * 0.7).round() as i32;
                area.draw(&PathElement::new(
                    [(at.0 - d, at.1 + d), (at.0 + d, at.1 - d)],
                    hatch_style,
                ))
                .map_err(err)?;
            }
        }
        area.draw(&Circle::new(at, radius, ring)).map_err(err)?;
    }
    if let Some((i, u)) = chart.selected.and_then(|i| Some((i, g.units.get(i)?))) {
        let ink = INK.stroke_width(style.px(2.5));
        if let (Some(c), true) = (u.circle, chart.circled(i)) {
            area.draw(&Circle::new(fit.px(c), radius + style.px(2.0), ink))
                .map_err(err)?;
        } else {
            for mut r in u.rings.iter().filter_map(|r| fit.ring(r)) {
                if let Some(first) = r.first().copied() {
                    r.push(first);
                }
                area.draw(&PathElement::new(r, ink)).map_err(err)?;
            }
        }
    }
    if with_foot {
        draw_foot(area, chart, style, h.saturating_sub(foot))?;
    }
    Ok(())
}

/// Land outside the data shown.
const OUTSIDE: RGBColor = RGBColor(0xDD, 0xE1, 0xE6);

/// The legend (swatches and ranges, "No data" hatched, the outline's meaning) and the
/// disclaimer, from pixel row `top`.
fn draw_foot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &MapChart,
    style: &Style,
    top: u32,
) -> DrawResult {
    let (w, _) = area.dim_in_pixel();
    let font = ("sans-serif", style.font(11.0)).into_font().color(&INK);
    let small = ("sans-serif", style.font(9.5)).into_font().color(&MUTED);
    let sw = style.px(12.0) as i32;
    let gap = style.px(6.0) as i32;
    let mut x = 0i32;
    let mut y = top as i32 + style.px(6.0) as i32;
    let width = |text: &str, f: &TextStyle<'_>| -> i32 {
        area.estimate_text_size(text, f)
            .map_or(0, |(w, _)| i32::try_from(w).unwrap_or(0))
    };
    let mut items: Vec<(Option<RGBColor>, String)> = chart
        .legend
        .iter()
        .map(|c| (Some(c.colour), c.label.clone()))
        .collect();
    items.push((None, t(&messages::NO_DATA)));
    let row = style.px(18.0) as i32;
    for (colour, label) in items {
        let need = sw + gap + width(&label, &font) + 2 * gap;
        if x > 0 && x + need > w as i32 {
            x = 0;
            y += row;
        }
        match colour {
            Some(c) => {
                area.draw(&Rectangle::new([(x, y), (x + sw, y + sw)], c.filled()))
                    .map_err(err)?;
            }
            None => {
                area.draw(&Rectangle::new(
                    [(x, y), (x + sw, y + sw)],
                    NO_DATA.filled(),
                ))
                .map_err(err)?;
                let square = vec![vec![
                    (f64::from(x), f64::from(y)),
                    (f64::from(x + sw), f64::from(y)),
                    (f64::from(x + sw), f64::from(y + sw)),
                    (f64::from(x), f64::from(y + sw)),
                ]];
                for (a, b) in hatch(&square, style.font(HATCH_PITCH) * 0.8) {
                    area.draw(&PathElement::new(
                        [
                            (a.0.round() as i32, a.1.round() as i32),
                            (b.0.round() as i32, b.1.round() as i32),
                        ],
                        HATCH.stroke_width(style.px(0.75)),
                    ))
                    .map_err(err)?;
                }
            }
        }
        area.draw(&Text::new(label.clone(), (x + sw + gap, y), font.clone()))
            .map_err(err)?;
        x += need;
    }
    if let Some(label) = &chart.outline_label {
        x = 0;
        y += row;
        area.draw(&Rectangle::new(
            [(x, y), (x + sw, y + sw)],
            INK.stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
        area.draw(&Text::new(label.clone(), (x + sw + gap, y), font.clone()))
            .map_err(err)?;
    }
    y += row;
    let lines = super::caption::wrap_in(area, &chart.geometry.disclaimer, w, &small);
    for line in lines.into_iter().take(2) {
        area.draw(&Text::new(line, (0, y), small.clone()))
            .map_err(err)?;
        y += style.px(12.0) as i32;
    }
    Ok(())
}
