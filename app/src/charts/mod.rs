//! Charts as plain functions from precomputed data to a plotters drawing area, generic over the
//! backend: a canvas in the browser, SVG natively (tests, downloads). Nothing is computed while
//! drawing beyond layout.
//!
//! A chart reads right to left in Arabic ([`Direction`], in its [`Style`]): the backend
//! (`backend::Backend`) mirrors every x and flips text anchors, so the chart code draws the same
//! in every language; [`ChartData::draw`] mirrors the hits it returns, and the world map, which
//! geography does not let mirror, draws itself pre-mirrored (its legend reads right to left).
//!
//! Colours are the Okabe–Ito colour-blind-safe palette; the groups compared (up to six) also
//! differ by more than colour: each has its own shape and fill ([`Mark`], in `marks`).

pub mod backend;
mod bars;
pub mod caption;
mod gap;
mod heatmap;
mod intervals;
mod kind;
mod lines;
pub mod map;
mod marks;
mod performers;
mod slopes;
mod strips;
mod unit_lines;
mod waterfall;

pub use bars::{draw_ranked_bars, Bar, RankedBars};
pub use gap::{draw_gap_bars, GapBars};
pub use heatmap::{draw_heatmap, HeatMap};
pub use intervals::{draw_rank_spans, RankSpan, RankSpans};
pub use kind::ChartKind;
pub use lines::{draw_lines, Line, LineChart};
pub(crate) use marks::{draw_legend, draw_mark, draw_marks, Key};
pub use marks::{Mark, Shape, GROUP_COLOURS, MAX_MARKED};
pub use performers::{draw_income_scatter, IncomeScatter, Point};
pub use slopes::{draw_slopes, Slope, Slopes};
pub use strips::{draw_strips, Strip, Strips};
pub use unit_lines::{draw_unit_lines, UnitLines};
pub use waterfall::{draw_waterfall, Waterfall};

use plotters::style::RGBColor;

/// Group a (e.g. LDCs): Okabe–Ito vermillion, filled shapes, triangles.
pub const GROUP_A: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Group b (e.g. developed economies): Okabe–Ito blue, outlined shapes, circles.
pub const GROUP_B: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Everyone else: neutral grey.
pub const OTHER: RGBColor = RGBColor(0xB8, 0xBE, 0xC6);
/// Text and axes.
pub const INK: RGBColor = RGBColor(0x22, 0x2B, 0x36);
/// Gridlines.
pub const GRID: RGBColor = RGBColor(0xE6, 0xE9, 0xED);
/// The gap / highlight colour: Okabe–Ito bluish green.
pub const ACCENT: RGBColor = RGBColor(0x00, 0x9E, 0x73);

/// The data of one chart, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    /// Ranked bars.
    Bars(RankedBars),
    /// Paired bars per pillar.
    Gap(GapBars),
    /// Strips by group.
    Strips(Strips),
    /// Lines over years.
    Lines(LineChart),
    /// Score against GDP per capita.
    Scatter(IncomeScatter),
    /// One unit's score and rank over the years.
    UnitLines(UnitLines),
    /// The world map (shared: a clone or comparison of the chart costs nothing, and the
    /// default view's module, which holds every chart's data type, holds none of its code).
    Map(crate::shared::Shared<map::MapChart>),
}

impl ChartData {
    /// Draws the chart on `area`; returns where it drew the points one can hover (the scatter's,
    /// the strips' and the lines'; none for bars). Right to left (`style.dir`), the area's
    /// backend mirrors what is drawn (`Backend::canvas`, `Backend::svg` with the same
    /// direction) and the hits are mirrored here, about the area's middle — the backend's,
    /// as the area of every chart one can hover spans the backend's width.
    ///
    /// # Errors
    /// A drawing error, or values no axis can span.
    pub fn draw<DB: plotters::prelude::DrawingBackend>(
        &self,
        area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
        style: &Style,
    ) -> Drawn {
        let mut drawn = self.draw_ltr(area, style)?;
        if style.dir == Direction::Rtl {
            let x = area.get_pixel_range().0;
            for h in &mut drawn {
                h.x = x.start + x.end - 1 - h.x;
            }
        }
        Ok(drawn)
    }

    /// [`ChartData::draw`] with the hits as the chart code placed them.
    fn draw_ltr<DB: plotters::prelude::DrawingBackend>(
        &self,
        area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
        style: &Style,
    ) -> Drawn {
        let none = |r: DrawResult| r.map(|()| Vec::new());
        match self {
            ChartData::Bars(d) => none(draw_ranked_bars(area, d, style)),
            ChartData::Gap(d) => none(draw_gap_bars(area, d, style)),
            ChartData::Strips(d) => draw_strips(area, d, style),
            ChartData::Lines(d) => draw_lines(area, d, style),
            ChartData::Scatter(d) => draw_income_scatter(area, d, style),
            ChartData::UnitLines(d) => draw_unit_lines(area, d, style),
            ChartData::Map(d) => none(map::draw_map(area, d, style, true)),
        }
    }

    /// What the point `hit` stands for, in words (the tooltip on hover or tap): the scatter's
    /// economy with its score, GDP per capita, rank and expected rank; a strip's unit and
    /// score; a line's year and value. `None` for a hit this chart did not draw.
    pub fn tip(&self, hit: &Hit) -> Option<String> {
        match self {
            ChartData::Scatter(d) => d.points.get(hit.item).map(performers::tip),
            ChartData::Strips(d) => {
                let s = d.strips.get(hit.series)?;
                let v = s.values.get(hit.item)?;
                let name = s.names.get(hit.item).map_or("", String::as_str);
                Some(format!(
                    "{name} ({}): {}",
                    s.label,
                    crate::format::score(*v)
                ))
            }
            ChartData::Lines(d) => lines::tip(d, hit.series, hit.item),
            ChartData::UnitLines(d) => {
                let (panel, series) = d.series(hit.series)?;
                lines::tip(panel, series, hit.item)
            }
            // The map names a country on hover itself (`components::map`, from its geometry).
            ChartData::Bars(_) | ChartData::Gap(_) | ChartData::Map(_) => None,
        }
    }
}

/// Where a chart drew one of its points, in the backend's pixels (device pixels on a canvas),
/// kept by the canvas for hit-testing on hover and tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Horizontal position.
    pub x: i32,
    /// Vertical position.
    pub y: i32,
    /// Which series of the chart (a strip, a line; 0 for the scatter).
    pub series: usize,
    /// Which point of the series.
    pub item: usize,
}

/// The hit nearest to `(x, y)` within `radius` pixels, if any.
pub fn nearest(hits: &[Hit], x: f64, y: f64, radius: f64) -> Option<Hit> {
    hits.iter()
        .map(|h| (h, (f64::from(h.x) - x).hypot(f64::from(h.y) - y)))
        .filter(|(_, d)| *d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(h, _)| *h)
}

/// A chart drawn: where its points are, or a drawing error as text.
pub type Drawn = Result<Vec<Hit>, String>;

/// Which compared group a unit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    /// The first group (e.g. LDCs).
    A,
    /// The second group (e.g. developed economies).
    B,
    /// Neither.
    Other,
}

impl Membership {
    /// Its colour.
    pub fn colour(self) -> RGBColor {
        Mark::from(self).colour()
    }
    /// Its mark in text (tables), as its charts draw it: "▲" for group a, "○" for group b,
    /// nothing for the others.
    pub fn mark(self) -> &'static str {
        match self {
            Membership::A => "▲",
            Membership::B => "○",
            Membership::Other => "",
        }
    }
    /// CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Membership::A => "grp-a",
            Membership::B => "grp-b",
            Membership::Other => "grp-none",
        }
    }
}

/// Which way a chart reads: left to right, or mirrored for a language written right to left
/// (Arabic) — the category axis and the bars' origin on the right, a time axis's earliest year
/// on the right, legends and captions aligned right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The direction of the language shown on the page. Read by the components that make a
    /// backend and a [`Style`], never while drawing.
    pub fn shown() -> Direction {
        if crate::i18n::current().lang.rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

/// Drawing scale (device pixels per CSS pixel), fonts and direction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Device pixel ratio.
    pub scale: f64,
    /// Which way the chart reads; the backend drawn on must have been made with the same.
    pub dir: Direction,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            scale: 1.0,
            dir: Direction::Ltr,
        }
    }
}

impl Style {
    /// A length in device pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }
    /// A font size in device pixels.
    pub fn font(&self, css: f64) -> f64 {
        css * self.scale
    }
}

/// A drawing error, as text.
pub type DrawResult = Result<(), String>;

pub(crate) fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// How a group's marks are drawn: group b outlined, every other group filled (so the two
/// compared groups differ by more than colour).
pub(crate) fn group_shape(m: Membership, style: &Style) -> plotters::style::ShapeStyle {
    use plotters::style::Color as _;
    let c = m.colour();
    if m == Membership::B {
        c.stroke_width(style.px(1.5))
    } else {
        c.filled()
    }
}

/// Draws the legend of the two compared groups of a chart of bars or spans (a swatch filled or
/// outlined as their bars, and the name, each) at the top of `area` from pixel `x0`, wrapping
/// as every legend does ([`draw_legend`]); returns how many rows it took.
pub(crate) fn draw_group_legend<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    names: &[String; 2],
    x0: u32,
    style: &Style,
) -> Result<u32, String> {
    draw_legend(
        area,
        &[
            (Key::Swatch(Membership::A), names[0].as_str()),
            (Key::Swatch(Membership::B), names[1].as_str()),
        ],
        x0,
        style,
    )
}

/// The label of the row whose centre is at `y` on a chart of `labels.len()` rows drawn top to
/// bottom (row i spans [n−1−i, n−i]); empty between rows.
pub(crate) fn row_label(labels: &[String], y: f64) -> String {
    let pos = labels.len() as f64 - y - 0.5;
    if (pos - pos.round()).abs() < 1e-6 && pos >= 0.0 {
        labels
            .get(pos.round() as usize)
            .cloned()
            .unwrap_or_default()
    } else {
        String::new()
    }
}

/// `text` cut to at most `max` characters, with an ellipsis when cut. (Drawn right to left,
/// it is isolated by the backend as every text is, so that its ellipsis ends it in its own
/// direction.)
pub fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Width of a label area for row labels: 30 % of the chart, between 90 and 180 CSS pixels, and
/// how many characters fit in it (about 6.5 px each at 12 px).
pub fn label_area(width_px: u32, style: &Style) -> (u32, usize) {
    let css = (f64::from(width_px) / style.scale * 0.3).clamp(90.0, 180.0);
    (style.px(css), ((css - 10.0) / 6.5) as usize)
}

/// "Nice" axis maximum: the smallest of 1, 2, 2.5, 5 × 10ᵏ at least `x` (`x` itself when
/// that would not be a finite number).
pub fn nice_max(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|v| v.is_finite() && *v >= x * 0.999_999)
        .unwrap_or(x)
}

/// Largest span of values an axis is drawn for. Beyond it the axis's ticks and pixel mapping
/// lose meaning (and a span that is not a finite number would never finish ticking): the
/// chart is refused with a message instead.
pub const MAX_SPAN: f64 = 1e15;

/// The axis range `lo..hi`, if it can be drawn (finite, non-empty, within [`MAX_SPAN`]).
///
/// # Errors
/// A message saying the values are out of the range charts draw.
pub fn axis(lo: f64, hi: f64) -> Result<std::ops::Range<f64>, String> {
    let span = hi - lo;
    if span.is_finite() && span > 0.0 && span <= MAX_SPAN {
        Ok(lo..hi)
    } else {
        Err(format!(
            "values from {lo:e} to {hi:e} are out of the range charts are drawn for"
        ))
    }
}

#[cfg(test)]
mod tests;
