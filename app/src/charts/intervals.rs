//! Each unit's rank over the uncertainty analysis's draws, as COINr's `plot_uncertainty` draws
//! it: the units in nominal order along the x axis, rank 1 at the top; a line from the 5th to
//! the 95th percentile rank, a tick at the median and a dot at the nominal rank. Lines are in
//! the unit's group's colour (group a vermillion, group b blue, others grey), and the intervals
//! wider than the flag's threshold are drawn thicker, so that the flag is not told by colour
//! alone; the unit followed is named beside its nominal rank.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, DrawResult, Membership, Style, GRID, INK};
use crate::i18n::{messages, t};

/// One unit's ranks over the draws.
#[derive(Debug, Clone, PartialEq)]
pub struct RankSpan {
    /// Unit code (the label of the unit followed).
    pub code: String,
    /// Rank under the scenario shown.
    pub nominal: u32,
    /// Median rank over the draws.
    pub median: u32,
    /// 5th percentile rank (the better end).
    pub q05: u32,
    /// 95th percentile rank.
    pub q95: u32,
    /// Group.
    pub membership: Membership,
    /// Interval wider than the flag's threshold.
    pub wide: bool,
    /// The unit followed.
    pub selected: bool,
}

/// The units' spans, best nominal rank first.
#[derive(Debug, Clone, PartialEq)]
pub struct RankSpans {
    /// The spans.
    pub spans: Vec<RankSpan>,
    /// Legend names of the two groups.
    pub names: [String; 2],
}

/// Draws `data` on `area` (see the module's documentation).
pub fn draw_rank_spans<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &RankSpans,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let n = data.spans.len().max(1) as f64;
    // The y axis is the rank negated, so that rank 1 is at the top and the ticks fall on round
    // ranks (50, 100, …); its labels say the rank.
    let worst = data
        .spans
        .iter()
        .map(|s| s.q95.max(s.nominal))
        .max()
        .unwrap_or(1)
        .max(1);
    let place = |rank: u32| -f64::from(rank);
    // The legend above the plot, from its start (as every chart's).
    let axis_width = style.px(48.0);
    let legend_rows = super::draw_group_legend(area, &data.names, axis_width, style)?;
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(4.0 + super::marks::ROW * f64::from(legend_rows)))
        .margin_right(style.px(8.0))
        .x_label_area_size(style.px(36.0))
        .y_label_area_size(axis_width)
        .build_cartesian_2d(0.5f64..n + 0.5, -(f64::from(worst) + 0.5)..-0.5)
        .map_err(err)?;
    let label_style = ("sans-serif", style.font(12.0)).into_font().color(&INK);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(6)
        .y_label_formatter(&|y| format!("{:.0}", -y))
        .x_labels(6)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .x_desc(t(&messages::NOMINAL_RANK))
        .y_desc(t(&messages::RANK_OVER_DRAWS))
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(GRID)
        .axis_style(INK.mix(0.6))
        .label_style(label_style.clone())
        .axis_desc_style(label_style)
        .draw()
        .map_err(err)?;
    let thin = style.px(1.0);
    chart
        .draw_series(data.spans.iter().enumerate().map(|(i, s)| {
            let x = i as f64 + 1.0;
            let width = if s.wide { thin * 3 } else { thin };
            PathElement::new(
                vec![(x, place(s.q05)), (x, place(s.q95))],
                s.membership.colour().stroke_width(width),
            )
        }))
        .map_err(err)?;
    let tick = style.px(3.0) as i32;
    chart
        .draw_series(data.spans.iter().enumerate().map(|(i, s)| {
            EmptyElement::at((i as f64 + 1.0, place(s.median)))
                + PathElement::new(vec![(-tick, 0), (tick, 0)], INK.stroke_width(thin))
        }))
        .map_err(err)?;
    let dot = style.px(1.5) as i32;
    chart
        .draw_series(
            data.spans
                .iter()
                .enumerate()
                .map(|(i, s)| Circle::new((i as f64 + 1.0, place(s.nominal)), dot, INK.filled())),
        )
        .map_err(err)?;
    // The unit followed: a marker pointing at its nominal rank from the right, and its code.
    if let Some((i, s)) = data.spans.iter().enumerate().find(|(_, s)| s.selected) {
        let size = style.px(5.0) as i32;
        let label = ("sans-serif", style.font(12.0))
            .into_font()
            .color(&INK)
            .pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Left,
                plotters::style::text_anchor::VPos::Center,
            ));
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((i as f64 + 1.0, place(s.nominal)))
                    + TriangleMarker::new((2 * size, 0), size, INK.filled())
                    + Text::new(s.code.clone(), (3 * size + 2, 0), label),
            ))
            .map_err(err)?;
    }
    Ok(())
}
