//! The ranked bar chart of the index, groups coloured (and filled vs outlined); the first and
//! last few bars are named under the axis, and the followed unit above its bar.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, nice_max, DrawResult, Membership, Style, GRID, INK};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Unit code.
    pub code: String,
    /// The unit's name as shown (its short name): the label of the first and last few bars
    /// and of the followed unit's.
    pub name: String,
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

/// How many bars at each end are named under the axis (fewer when there are few bars).
pub const NAMED_AT_EACH_END: usize = 3;

/// Draws `data` on `area`. Group a bars are filled, group b bars outlined, others light grey;
/// the selected unit gets a dark marker and its name above the bar; the first and last
/// [`NAMED_AT_EACH_END`] bars are named under the axis, each name on a line of its own with a
/// leader line up to its bar (the first bars' names to the right of their leaders, the last
/// bars' to the left, so that no leader crosses a name).
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
    // The legend above the plot, from its start (as every chart's).
    let axis_width = style.px(44.0);
    let legend_rows = super::draw_group_legend(area, &data.names, axis_width, style)?;
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(4.0 + super::marks::ROW * f64::from(legend_rows)))
        .margin_right(style.px(8.0))
        .x_label_area_size(
            style.px(6.0) + (ends(n).0.max(ends(n).1) as f64 * line_height(style)).ceil() as u32,
        )
        .y_label_area_size(axis_width)
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
                    + Text::new(b.name.clone(), (0, -3 * size), label),
            ))
            .map_err(err)?;
    }
    name_ends(area, &chart, data, style)
}

/// How many bars of `n` are named at the start and at the end.
fn ends(n: usize) -> (usize, usize) {
    let first = NAMED_AT_EACH_END.min(n.div_ceil(2));
    (first, NAMED_AT_EACH_END.min(n - first))
}

/// The height of a line of names under the axis, in backend pixels.
fn line_height(style: &Style) -> f64 {
    style.font(11.0) * 1.35
}

/// Names the first and last bars under the axis (see [`draw_ranked_bars`]).
fn name_ends<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    data: &RankedBars,
    style: &Style,
) -> DrawResult {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let n = data.bars.len();
    let (first, last) = ends(n);
    let (base_x, base_y) = area.get_base_pixel();
    // The bottom of the plot (the axis line), in the area's pixels.
    let axis = chart.plotting_area().get_pixel_range().1.end - base_y;
    let h = line_height(style);
    let gap = style.px(3.0) as i32;
    let font = ("sans-serif", style.font(11.0)).into_font().color(&INK);
    let leader = INK.mix(0.5).stroke_width(1);
    // (bar, line under the axis, names to its right)
    let first_bars = (0..first).map(|i| (i, first - i, true));
    let last_bars = (n - last..n).map(|i| (i, i + 1 - (n - last), false));
    for (i, line, right) in first_bars.chain(last_bars) {
        let Some(bar) = data.bars.get(i) else {
            continue;
        };
        let x = chart.backend_coord(&(i as f64 + 0.5, 0.0)).0 - base_x;
        let y = axis + (line as f64 * h - h / 2.0).round() as i32;
        area.draw(&PathElement::new(vec![(x, axis + 1), (x, y)], leader))
            .map_err(err)?;
        let (at, anchor) = if right {
            ((x + gap, y), HPos::Left)
        } else {
            ((x - gap, y), HPos::Right)
        };
        area.draw(&Text::new(
            bar.name.clone(),
            at,
            font.clone().pos(Pos::new(anchor, VPos::Center)),
        ))
        .map_err(err)?;
    }
    Ok(())
}
