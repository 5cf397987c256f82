//! The correlation heat map: a square of cells over the framework's nodes, blue for positive,
//! vermillion for negative (deeper the stronger), the flagged pairs outlined, a legend below.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, DrawResult, Style, GROUP_A, GROUP_B, INK};

/// A square matrix of coefficients over labelled nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    /// The nodes, in row (and column) order.
    pub labels: Vec<String>,
    /// Row-major, `labels.len()²` cells: the coefficient, `None` when there is none.
    pub cells: Vec<Option<f64>>,
    /// Row-major, as `cells`: the pair is flagged.
    pub flagged: Vec<bool>,
}

impl HeatMap {
    /// Height in CSS pixels: about 22 px a row (160 to 560 for the square), and the legend. A
    /// narrow chart draws a smaller square.
    pub fn height(&self) -> u32 {
        let rows = u32::try_from(self.labels.len()).unwrap_or(u32::MAX);
        rows.saturating_mul(22).clamp(160, 560).saturating_add(64)
    }
}

/// The colour of coefficient `r` (−1 to 1): white at 0, deeper towards ±1.
pub fn colour(r: f64) -> RGBColor {
    let t = r.abs().clamp(0.0, 1.0);
    let end = if r < 0.0 { GROUP_A } else { GROUP_B };
    let mix = |c: u8| (255.0 + (f64::from(c) - 255.0) * t).round() as u8;
    RGBColor(mix(end.0), mix(end.1), mix(end.2))
}

/// Draws `data` on `area`: row labels on the left (numbered; the columns carry the numbers),
/// the cells, the flagged ones outlined in ink, and a legend from −1 to 1 below.
pub fn draw_heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &HeatMap,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let n = data.labels.len().max(1);
    let (w, h) = area.dim_in_pixel();
    let (label_width, chars) = super::label_area(w, style);
    let legend = style.px(40.0);
    let side = w
        .saturating_sub(label_width + style.px(8.0))
        .min(h.saturating_sub(legend + style.px(16.0)));
    let cell = f64::from(side) / n as f64;
    let (x0, y0) = (label_width as i32, style.px(16.0) as i32);
    let font = ("sans-serif", style.font(11.0)).into_font().color(&INK);
    let show_labels = cell >= style.font(9.0);
    for (i, label) in data.labels.iter().enumerate() {
        let y = y0 + (i as f64 * cell) as i32;
        if show_labels {
            let text = super::fit(&format!("{} {label}", i + 1), chars);
            area.draw(&Text::new(
                text,
                (
                    style.px(4.0) as i32,
                    y + (cell / 2.0) as i32 - style.px(6.0) as i32,
                ),
                font.clone(),
            ))
            .map_err(err)?;
            let x = x0 + (i as f64 * cell) as i32;
            area.draw(&Text::new(
                (i + 1).to_string(),
                (x + 1, y0 - style.px(13.0) as i32),
                font.clone(),
            ))
            .map_err(err)?;
        }
        for j in 0..n {
            let x = x0 + (j as f64 * cell) as i32;
            let corners = [(x, y), (x + cell.ceil() as i32, y + cell.ceil() as i32)];
            let value = data.cells.get(i * n + j).copied().flatten();
            let fill = value.map_or(RGBColor(0xF4, 0xF5, 0xF7), colour);
            area.draw(&Rectangle::new(corners, fill.filled()))
                .map_err(err)?;
            if data.flagged.get(i * n + j).copied().unwrap_or(false) {
                area.draw(&Rectangle::new(corners, INK.stroke_width(style.px(1.5))))
                    .map_err(err)?;
            }
        }
    }
    // The legend: −1 … 1 in 21 steps, with its three labels.
    let ly = y0 + side as i32 + style.px(10.0) as i32;
    let lw = side.min(style.px(240.0)) as f64;
    for k in 0..21 {
        let r = -1.0 + f64::from(k) * 0.1;
        let x = x0 + (f64::from(k) * lw / 21.0) as i32;
        area.draw(&Rectangle::new(
            [
                (x, ly),
                (x + (lw / 21.0).ceil() as i32, ly + style.px(10.0) as i32),
            ],
            colour(r).filled(),
        ))
        .map_err(err)?;
    }
    for (text, at) in [("−1", 0.0), ("0", 0.5), ("+1", 1.0)] {
        area.draw(&Text::new(
            text,
            (
                x0 + (at * lw) as i32 - style.px(4.0) as i32,
                ly + style.px(13.0) as i32,
            ),
            font.clone(),
        ))
        .map_err(err)?;
    }
    area.draw(&Text::new(
        "outlined: flagged",
        (x0 + lw as i32 + style.px(12.0) as i32, ly),
        font,
    ))
    .map_err(err)?;
    Ok(())
}
