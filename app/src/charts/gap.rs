//! The gap chart: for the index and each pillar, every compared group's mean side by side (two
//! to six groups), each bar ending in its group's mark.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, nice_max, DrawResult, Key, Mark, Style, GRID, INK};

/// One row per framework node: its label and each group's mean, in the order compared.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBars {
    /// (label, each group's mean).
    pub rows: Vec<(String, Vec<Option<f64>>)>,
    /// Legend names of the groups, in the order compared.
    pub names: Vec<String>,
}

impl GapBars {
    /// The plot's height in CSS pixels for `rows` rows of `groups` bars each: at least
    /// `least`, and room for bars about 7 px thick.
    pub fn height(rows: usize, groups: usize, least: u32) -> u32 {
        let per_row = 10 + 8 * groups.max(1);
        let need = 60 + rows.max(1) * per_row;
        u32::try_from(need).unwrap_or(u32::MAX).max(least)
    }
}

/// Draws horizontal bars, one per group in each row (the first group on top): a group of a
/// filled mark filled, of an open mark outlined, and its mark at the bar's end; the legend
/// above wraps to the width. The gap is the distance between the ends.
///
/// # Errors
/// A drawing error, or means no axis can span ([`super::axis`]).
pub fn draw_gap_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &GapBars,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let n = data.rows.len().max(1);
    let k = data.names.len().max(1);
    let top = nice_max(
        data.rows
            .iter()
            .flat_map(|(_, means)| means.iter().map(|m| m.unwrap_or(0.0)))
            .fold(0.0, f64::max),
    );
    let (label_width, chars) = super::label_area(area.dim_in_pixel().0, style);
    let keys: Vec<(Key, &str)> = data
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| (Key::Mark(Mark::group(i)), name.as_str()))
        .collect();
    let legend_rows = super::draw_legend(area, &keys, label_width, style)?;
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(8.0 + super::marks::ROW * f64::from(legend_rows)))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(label_width)
        .build_cartesian_2d(super::axis(0.0, top)?, 0f64..n as f64)
        .map_err(err)?;
    let labels: Vec<String> = data
        .rows
        .iter()
        .map(|(l, _)| super::fit(l, chars))
        .collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n * 2 + 1)
        .y_label_formatter(&|y| super::row_label(&labels, *y))
        .x_labels(5)
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(GRID)
        .axis_style(INK.mix(0.6))
        .label_style(("sans-serif", style.font(12.0)).into_font().color(&INK))
        .draw()
        .map_err(err)?;
    // Each row's bars share 0.8 of it, first group on top, a small gap between bars.
    let thickness = 0.8 / k as f64;
    for (i, (_, means)) in data.rows.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        for (g, value) in means.iter().enumerate() {
            let Some(v) = value else { continue };
            let mark = Mark::group(g);
            let hi = y + 0.9 - g as f64 * thickness;
            let lo = hi - thickness * 0.8;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(0.0, lo), (*v, hi)],
                    mark.bar_style(style),
                )))
                .map_err(err)?;
            super::draw_mark(chart.plotting_area(), mark, (*v, (lo + hi) / 2.0), style)?;
        }
    }
    Ok(())
}
