//! The slope chart of a scenario comparison: each unit's rank under each scenario, joined.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, fit, DrawResult, Membership, Style, GRID, INK, OTHER};

/// One unit's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Slope {
    /// Unit code (label at the right end when highlighted).
    pub code: String,
    /// Rank per scenario.
    pub ranks: Vec<Option<u32>>,
    /// Group.
    pub membership: Membership,
    /// Drawn strong and labelled (the largest movers, the unit followed).
    pub highlight: bool,
}

/// The slope chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Slopes {
    /// Scenario names (x positions).
    pub scenarios: Vec<String>,
    /// Lines.
    pub lines: Vec<Slope>,
    /// The worst rank shown (y range).
    pub max_rank: u32,
}

/// Draws the slopes: highlighted units in their group's colour (group a with triangles, b with
/// circles) and labelled; the rest thin and grey.
pub fn draw_slopes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Slopes,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let n = data.scenarios.len().max(2);
    let names = data.scenarios.clone();
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(12.0))
        .margin_right(style.px(48.0))
        .margin_left(style.px(12.0))
        .x_label_area_size(style.px(28.0))
        .y_label_area_size(style.px(40.0))
        .build_cartesian_2d(
            -0.15f64..(n as f64 - 0.85),
            (f64::from(data.max_rank) + 0.5)..0.5f64,
        )
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n * 4)
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 1e-6 && i >= 0.0 {
                names
                    .get(i as usize)
                    .map(|s| fit(s, 18))
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_labels(6)
        .y_label_formatter(&|y| format!("{}", y.round() as i64))
        .y_desc("rank")
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(GRID)
        .axis_style(INK.mix(0.6))
        .label_style(("sans-serif", style.font(12.0)).into_font().color(&INK))
        .draw()
        .map_err(err)?;
    let points = |s: &Slope| -> Vec<(f64, f64)> {
        s.ranks
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (i as f64, f64::from(r))))
            .collect()
    };
    for s in data.lines.iter().filter(|s| !s.highlight) {
        chart
            .draw_series(LineSeries::new(
                points(s),
                OTHER.mix(0.6).stroke_width(style.px(1.0)),
            ))
            .map_err(err)?;
    }
    let font = ("sans-serif", style.font(11.0)).into_font().color(&INK);
    for s in data.lines.iter().filter(|s| s.highlight) {
        let colour = match s.membership {
            Membership::Other => INK,
            m => m.colour(),
        };
        let pts = points(s);
        chart
            .draw_series(LineSeries::new(
                pts.clone(),
                colour.stroke_width(style.px(2.0)),
            ))
            .map_err(err)?;
        if s.membership == Membership::A {
            chart
                .draw_series(
                    pts.iter()
                        .map(|p| TriangleMarker::new(*p, style.px(4.0), colour.filled())),
                )
                .map_err(err)?;
        } else {
            chart
                .draw_series(
                    pts.iter()
                        .map(|p| Circle::new(*p, style.px(3.0), colour.filled())),
                )
                .map_err(err)?;
        }
        if let Some(last) = pts.last() {
            chart
                .draw_series(std::iter::once(
                    EmptyElement::at(*last)
                        + Text::new(
                            s.code.clone(),
                            (style.px(6.0) as i32, -(style.px(6.0) as i32)),
                            font.clone(),
                        ),
                ))
                .map_err(err)?;
        }
    }
    Ok(())
}
