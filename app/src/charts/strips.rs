//! Distribution of index scores by group: a strip plot (one row per group, one mark per unit).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, nice_max, Drawn, Hit, Mark, Style, GRID, INK};

/// One group's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip {
    /// Label.
    pub label: String,
    /// Group.
    pub mark: Mark,
    /// Scores.
    pub values: Vec<f64>,
    /// The units' names, in the order of `values` (named on hover).
    pub names: Vec<String>,
    /// Median, drawn as a bar.
    pub median: Option<f64>,
}

/// The strips, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Strips {
    /// Strips.
    pub strips: Vec<Strip>,
}

/// Deterministic jitter in [−0.5, 0.5) for mark `i` (golden-ratio sequence), so redraws don't
/// shimmer.
fn jitter(i: usize) -> f64 {
    ((i as f64 * 0.618_033_988_75) % 1.0) - 0.5
}

/// Draws a strip plot: each group's units as its marks ([`Mark`]), the others as small grey
/// dots; each strip's median as a dark tick. Returns where each unit was drawn (series: the
/// strip; item: the unit's place in it).
///
/// # Errors
/// A drawing error, or scores no axis can span ([`super::axis`]).
pub fn draw_strips<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Strips,
    style: &Style,
) -> Drawn {
    area.fill(&WHITE).map_err(err)?;
    let n = data.strips.len().max(1);
    let top = nice_max(
        data.strips
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .fold(0.0, f64::max),
    );
    let bottom = data
        .strips
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0, f64::min)
        .min(0.0);
    let (label_width, chars) = super::label_area(area.dim_in_pixel().0, style);
    let labels: Vec<String> = data
        .strips
        .iter()
        .map(|s| super::fit(&s.label, chars))
        .collect();
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(label_width)
        .build_cartesian_2d(super::axis(bottom, top)?, 0f64..n as f64)
        .map_err(err)?;
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
    let mut hits = Vec::new();
    for (row, strip) in data.strips.iter().enumerate() {
        let y0 = (n - 1 - row) as f64 + 0.5;
        let points: Vec<(f64, f64)> = strip
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| (*v, y0 + 0.6 * jitter(i)))
            .collect();
        super::draw_marks(
            chart.plotting_area(),
            strip.mark,
            points.iter().copied(),
            style,
        )?;
        hits.extend(points.iter().enumerate().map(|(item, p)| {
            let (x, y) = chart.backend_coord(p);
            Hit {
                x,
                y,
                series: row,
                item,
            }
        }));
        if let Some(m) = strip.median {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(m, y0 - 0.4), (m, y0 + 0.4)],
                    INK.stroke_width(style.px(2.5)),
                )))
                .map_err(err)?;
        }
    }
    Ok(hits)
}
