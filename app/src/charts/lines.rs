//! Line charts over years: the gap over time, a unit's rank history.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, nice_max, Drawn, Hit, Key, Mark, Style, GRID, INK};

/// One line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Legend label.
    pub label: String,
    /// Colour of the line.
    pub colour: RGBColor,
    /// The mark on each point (a group's own, so series differ by more than colour; a plain
    /// series takes [`Mark::Other`]'s dot in its own colour).
    pub mark: Mark,
    /// Values per year (`None` breaks the line).
    pub values: Vec<Option<f64>>,
}

/// A line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// Years (x).
    pub years: Vec<i32>,
    /// Lines.
    pub series: Vec<Line>,
    /// Whether the y axis runs downwards (ranks: 1 at the top).
    pub inverted: bool,
}

/// Draws the lines with point marks and a legend (wrapped to the width). Returns where each
/// point was drawn (series: the line; item: the year's position).
///
/// # Errors
/// A drawing error, or values no axis can span ([`super::axis`]).
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &LineChart,
    style: &Style,
) -> Drawn {
    area.fill(&WHITE).map_err(err)?;
    let keys: Vec<(Key, &str)> = data
        .series
        .iter()
        .map(|s| {
            let key = if s.mark == Mark::Other {
                Key::Plain(s.colour)
            } else {
                Key::Line(s.colour, s.mark)
            };
            (key, s.label.as_str())
        })
        .collect();
    let legend_rows = super::draw_legend(area, &keys, style.px(50.0), style)?;
    let (first, last) = match (data.years.first(), data.years.last()) {
        (Some(f), Some(l)) if l > f => (*f, *l),
        (Some(f), _) => (*f - 1, *f + 1),
        _ => (0, 1),
    };
    let values = data
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied());
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (lo, hi) = if lo.is_finite() {
        (lo.min(0.0), nice_max(hi))
    } else {
        (0.0, 1.0)
    };
    let y_range = if data.inverted {
        (hi + 0.5)..(1.0f64.min(lo) - 0.5).max(0.5)
    } else {
        super::axis(lo, hi)?
    };
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(10.0 + super::marks::ROW * f64::from(legend_rows)))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.px(24.0))
        .y_label_area_size(style.px(44.0))
        .build_cartesian_2d(first..last, y_range)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_labels(((last - first) as usize + 1).min(8))
        .x_label_formatter(&|y| y.to_string())
        .y_labels(5)
        .y_label_formatter(&|y| {
            if data.inverted || (hi - lo) >= 20.0 {
                format!("{}", y.round() as i64)
            } else {
                format!("{y:.1}")
            }
        })
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(GRID)
        .axis_style(INK.mix(0.6))
        .label_style(("sans-serif", style.font(12.0)).into_font().color(&INK))
        .draw()
        .map_err(err)?;
    let mut hits = Vec::new();
    for (series, s) in data.series.iter().enumerate() {
        // Split at gaps so a missing year breaks the line.
        let mut run: Vec<(i32, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (y, v) in data.years.iter().zip(&s.values) {
            match v {
                Some(v) => run.push((*y, *v)),
                None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                None => {}
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        for r in &runs {
            chart
                .draw_series(LineSeries::new(
                    r.clone(),
                    s.colour.stroke_width(style.px(2.0)),
                ))
                .map_err(err)?;
        }
        let points = runs.iter().flatten().copied();
        if s.mark == Mark::Other {
            chart
                .draw_series(points.map(|p| Circle::new(p, style.px(3.0), s.colour.filled())))
                .map_err(err)?;
        } else {
            super::draw_marks(chart.plotting_area(), s.mark, points, style)?;
        }
        for (item, (y, v)) in data.years.iter().zip(&s.values).enumerate() {
            if let Some(v) = v {
                let (x, y) = chart.backend_coord(&(*y, *v));
                hits.push(Hit { x, y, series, item });
            }
        }
    }
    Ok(hits)
}

/// A line's point in words, for the tooltip: "Label, year: value" (a rank as a whole number on
/// an inverted chart).
pub fn tip(d: &LineChart, series: usize, item: usize) -> Option<String> {
    let s = d.series.get(series)?;
    let year = d.years.get(item)?;
    let v = s.values.get(item).copied().flatten()?;
    let v = if d.inverted {
        format!("{}", v.round() as i64)
    } else {
        crate::format::score(v)
    };
    Some(format!("{}, {year}: {v}", s.label))
}
