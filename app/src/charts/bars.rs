//! The ranked bar chart of the index, groups coloured (and filled vs outlined).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, nice_max, DrawResult, Membership, Style, GRID, INK};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Unit code (label).
    pub code: String,
    /// Index score.
    pub value: f64,
    /// Group.
    pub membership: Membership,
    /// The unit followed.
    pub selected: bool,
}

/// Bars in rank order, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedBars {
    /// The bars.
    pub bars: Vec<Bar>,
    /// Legend names of the two groups.
    pub names: [String; 2],
}

/// Draws `data` on `area`. Group a bars are filled, group b bars outlined, others light grey;
/// the selected unit gets a dark marker and its code above the bar.
pub fn draw_ranked_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &RankedBars,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let n = data.bars.len().max(1);
    let top = nice_max(data.bars.iter().map(|b| b.value).fold(0.0, f64::max));
    let bottom = data
        .bars
        .iter()
        .map(|b| b.value)
        .fold(0.0, f64::min)
        .min(0.0);
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(22.0))
        .margin_right(style.px(8.0))
        .x_label_area_size(style.px(6.0))
        .y_label_area_size(style.px(44.0))
        .build_cartesian_2d(0f64..n as f64, super::axis(bottom, top)?)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_labels(5)
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(GRID)
        .axis_style(INK.mix(0.6))
        .label_style(("sans-serif", style.font(12.0)).into_font().color(&INK))
        .draw()
        .map_err(err)?;
    let gap = if n > 120 { 0.0 } else { 0.15 };
    chart
        .draw_series(data.bars.iter().enumerate().map(|(i, b)| {
            let x0 = i as f64 + gap;
            let x1 = i as f64 + 1.0 - gap;
            Rectangle::new(
                [(x0, 0.0), (x1, b.value)],
                super::group_shape(b.membership, style),
            )
        }))
        .map_err(err)?;
    if let Some((i, b)) = data.bars.iter().enumerate().find(|(_, b)| b.selected) {
        let size = style.px(6.0) as i32;
        let label = ("sans-serif", style.font(12.0))
            .into_font()
            .color(&INK)
            .pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Bottom,
            ));
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((i as f64 + 0.5, b.value))
                    + TriangleMarker::new((0, -size), size, INK.filled())
                    + Text::new(b.code.clone(), (0, -3 * size), label),
            ))
            .map_err(err)?;
    }
    // Legend, top right: filled vs outlined swatches with names.
    super::draw_group_legend(
        area,
        &data.names,
        area.dim_in_pixel().0 as i32 - style.px(250.0) as i32,
        style,
    )
}
