//! The gap chart: for the index and each pillar, the two groups' means side by side.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, nice_max, DrawResult, Membership, Style, GRID, INK};

/// One row per framework node: label, group a mean, group b mean.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBars {
    /// (label, mean of a, mean of b).
    pub rows: Vec<(String, Option<f64>, Option<f64>)>,
    /// Legend names of the two groups.
    pub names: [String; 2],
}

/// Draws horizontal paired bars: group a filled, group b outlined; the gap is the distance
/// between their ends.
pub fn draw_gap_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &GapBars,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let n = data.rows.len().max(1);
    let top = nice_max(
        data.rows
            .iter()
            .flat_map(|(_, a, b)| [a.unwrap_or(0.0), b.unwrap_or(0.0)])
            .fold(0.0, f64::max),
    );
    let (label_width, chars) = super::label_area(area.dim_in_pixel().0, style);
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(22.0))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(label_width)
        .build_cartesian_2d(super::axis(0.0, top)?, 0f64..n as f64)
        .map_err(err)?;
    let labels: Vec<String> = data
        .rows
        .iter()
        .map(|(l, _, _)| super::fit(l, chars))
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
    for (i, (_, a, b)) in data.rows.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        for (value, m, lo, hi) in [
            (a, Membership::A, 0.52, 0.88),
            (b, Membership::B, 0.12, 0.48),
        ] {
            if let Some(v) = value {
                let shape = super::group_shape(m, style);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(0.0, y + lo), (*v, y + hi)],
                        shape,
                    )))
                    .map_err(err)?;
            }
        }
    }
    super::draw_group_legend(area, &data.names, label_width as i32, style)
}
