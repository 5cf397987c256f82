//! Charts as plain functions from precomputed data to a plotters drawing area, generic over the
//! backend: a canvas in the browser, SVG natively (tests, downloads). Nothing is computed while
//! drawing beyond layout.
//!
//! Colours are the Okabe–Ito colour-blind-safe palette; the two compared groups also differ by
//! more than colour (filled vs outlined bars, triangles vs circles).

mod bars;
mod gap;
mod lines;
mod strips;

pub use bars::{draw_ranked_bars, Bar, RankedBars};
pub use gap::{draw_gap_bars, GapBars};
pub use lines::{draw_lines, Line, LineChart};
pub use strips::{draw_strips, Strip, Strips};

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
        match self {
            Membership::A => GROUP_A,
            Membership::B => GROUP_B,
            Membership::Other => OTHER,
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

/// Drawing scale (device pixels per CSS pixel) and fonts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Device pixel ratio.
    pub scale: f64,
}

impl Default for Style {
    fn default() -> Self {
        Style { scale: 1.0 }
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

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// "Nice" axis maximum: the smallest of 1, 2, 2.5, 5 × 10ᵏ at least `x`.
pub fn nice_max(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|v| *v >= x * 0.999_999)
        .unwrap_or(10.0 * p)
}

#[cfg(test)]
mod tests;
