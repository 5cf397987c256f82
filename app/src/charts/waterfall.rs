//! The waterfall of a unit's change: one horizontal bar per change, each starting where the
//! changes before it left the score, then the total change from 0.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, DrawResult, Style, GRID, GROUP_A, GROUP_B, INK};

/// The steps of a change, in the order they are applied, and the total.
#[derive(Debug, Clone, PartialEq)]
pub struct Waterfall {
    /// (label, part of the change) per change.
    pub steps: Vec<(String, f64)>,
    /// The total bar's label.
    pub total: String,
}

impl Waterfall {
    /// Height in CSS pixels for its rows (26 px a row, the axis and margins).
    pub fn height(&self) -> u32 {
        let rows = u32::try_from(self.steps.len()).unwrap_or(u32::MAX);
        rows.saturating_add(1).saturating_mul(26).saturating_add(56)
    }
}

/// Draws `data` on `area`: a rise blue and filled, a fall vermillion and outlined (they differ
/// by more than colour), the total dark; a thin line joins each bar's end to the next's start,
/// and a line marks 0.
pub fn draw_waterfall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Waterfall,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let n = data.steps.len() + 1;
    // Where each bar starts and ends.
    let mut at = 0.0;
    let mut spans: Vec<(f64, f64)> = data
        .steps
        .iter()
        .map(|(_, p)| {
            let span = (at, at + p);
            at += p;
            span
        })
        .collect();
    spans.push((0.0, at));
    let (lo, hi) = spans.iter().fold((0.0f64, 0.0f64), |(lo, hi), (a, b)| {
        (lo.min(a.min(*b)), hi.max(a.max(*b)))
    });
    let pad = if hi > lo { (hi - lo) * 0.06 } else { 1.0 };
    let (label_width, chars) = super::label_area(area.dim_in_pixel().0, style);
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(8.0))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(label_width)
        .build_cartesian_2d(super::axis(lo - pad, hi + pad)?, 0f64..n as f64)
        .map_err(err)?;
    let labels: Vec<String> = data
        .steps
        .iter()
        .map(|(l, _)| l.as_str())
        .chain(std::iter::once(data.total.as_str()))
        .map(|l| super::fit(l, chars))
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
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n as f64)],
            INK.mix(0.5).stroke_width(style.px(1.0)),
        )))
        .map_err(err)?;
    for (i, (a, b)) in spans.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        let shape = if i + 1 == n {
            INK.filled()
        } else if b >= a {
            GROUP_B.filled()
        } else {
            GROUP_A.stroke_width(style.px(1.5))
        };
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(*a, y + 0.2), (*b, y + 0.8)],
                shape,
            )))
            .map_err(err)?;
        // The connector to the next bar's start.
        if i + 2 < n {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(*b, y + 0.2), (*b, y - 0.2)],
                    INK.mix(0.4).stroke_width(style.px(1.0)),
                )))
                .map_err(err)?;
        }
    }
    Ok(())
}
