//! Index score against income: a scatter of each economy's score (y) against its GDP per capita
//! at PPP on a log axis (x), with the least-squares line of score on `log10` GDP — UNCTAD's
//! picture of over- and under-performers (above the line: a better score than income predicts).
//!
//! Group a (LDCs) are filled triangles, group b (developed economies) open circles, the others
//! small grey dots — the strips' marks ([`super::draw_marks`]), so shape tells the groups apart
//! as well as colour; a legend above the plot says so. The unit followed gets a ring and its
//! code.

use index_core::performers::Fit;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{err, nice_max, Drawn, Hit, Membership, Style, ACCENT, GRID, INK};
use crate::i18n::{messages, t, t_with};

/// One economy compared: GDP per capita (above 0) and index score.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// ISO3 code (labelled when followed).
    pub code: String,
    /// Name (on hover).
    pub name: String,
    /// Rank by score among the economies compared.
    pub rank: Option<u32>,
    /// Rank by GDP per capita among them (the expected rank).
    pub expected: Option<u32>,
    /// GDP per capita, PPP (> 0; drawn on a log axis).
    pub gdp: f64,
    /// Index score.
    pub score: f64,
    /// Which marked group it is in.
    pub membership: Membership,
    /// Whether it is the unit followed.
    pub selected: bool,
}

/// The scatter of score against income.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomeScatter {
    /// The economies compared (with a score and a GDP per capita above 0).
    pub points: Vec<Point>,
    /// Score on `log10` GDP per capita, when there is a line to draw.
    pub fit: Option<Fit>,
    /// Legend names of groups a and b.
    pub names: [String; 2],
}

/// Fewer CSS pixels per tenfold GDP than this: ticks at powers of ten only.
const DENSE_TICKS: f64 = 110.0;

/// Draws the scatter: legend (wrapped to the width), score gridlines, GDP gridlines at 1, 2, 5 ×
/// 10ᵏ, the fitted line clipped to the plot, the marks (others first, so the groups are on top)
/// and the unit followed.
///
/// Returns where each economy was drawn (item: its place in `points`), for hover.
///
/// # Errors
/// A drawing error, or values no axis can span ([`super::axis`]).
pub fn draw_income_scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &IncomeScatter,
    style: &Style,
) -> Drawn {
    area.fill(&WHITE).map_err(err)?;
    let font = ("sans-serif", style.font(12.0)).into_font().color(&INK);
    let legend_rows = draw_legend(area, data, style)?;
    let (x_lo, x_hi) = x_range(data.points.iter().map(|p| p.gdp));
    let scores = data.points.iter().map(|p| p.score);
    let top = nice_max(scores.clone().fold(0.0, f64::max));
    let bottom = scores.fold(0.0, f64::min).min(0.0);
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(8.0 + 18.0 * f64::from(legend_rows)))
        .margin_right(style.px(16.0))
        .x_label_area_size(style.px(38.0))
        .y_label_area_size(style.px(44.0))
        .build_cartesian_2d(super::axis(x_lo, x_hi)?, super::axis(bottom, top)?)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(GRID)
        .axis_style(INK.mix(0.6))
        .label_style(font.clone())
        .draw()
        .map_err(err)?;
    let plot = chart.plotting_area();
    // GDP gridlines and their labels, under the plot.
    let per_decade = f64::from(plot.dim_in_pixel().0) / style.scale / (x_hi - x_lo);
    let below = |dy: f64| (0, style.px(dy) as i32);
    let centred = font.pos(Pos::new(HPos::Center, VPos::Top));
    for tick in log_ticks(x_lo, x_hi, per_decade >= DENSE_TICKS) {
        let x = tick.log10();
        plot.draw(&PathElement::new(vec![(x, bottom), (x, top)], GRID))
            .map_err(err)?;
        plot.draw(&(EmptyElement::at((x, bottom)) + Text::new(money(tick), below(5.0), &centred)))
            .map_err(err)?;
    }
    // The axis's name, centred under the plot; where it is wider than the plot and its right
    // margin each side (Arabic's on a phone), centred under the whole chart in a smaller font,
    // down to 8 px.
    let name = t(&messages::GDP_AXIS);
    let wide = f64::from(
        plot.estimate_text_size(&name, &centred)
            .map_or(0, |(w, _)| w),
    );
    let (px, _) = plot.get_pixel_range();
    let (ax, _) = area.get_pixel_range();
    let (size, dx) = if wide <= f64::from(px.end - px.start) + style.font(24.0) {
        (12.0, 0)
    } else {
        let room = f64::from(ax.end - ax.start) - style.font(8.0);
        (
            (12.0 * room / wide).max(8.0),
            (ax.start + ax.end - px.start - px.end) / 2,
        )
    };
    let named = ("sans-serif", style.font(size))
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    plot.draw(
        &(EmptyElement::at(((x_lo + x_hi) / 2.0, bottom))
            + Text::new(name, (dx, below(21.0).1), &named)),
    )
    .map_err(err)?;
    if let Some(line) = data
        .fit
        .and_then(|f| clip_line(&f, (x_lo, x_hi), (bottom, top)))
    {
        plot.draw(&PathElement::new(
            line.to_vec(),
            INK.mix(0.7).stroke_width(style.px(1.5)),
        ))
        .map_err(err)?;
    }
    for m in [Membership::Other, Membership::B, Membership::A] {
        let points = data
            .points
            .iter()
            .filter(|p| p.membership == m)
            .map(|p| (p.gdp.log10(), p.score));
        super::draw_marks(plot, m.into(), points, style)?;
    }
    let hits: Vec<Hit> = data
        .points
        .iter()
        .enumerate()
        .map(|(item, p)| {
            let (x, y) = chart.backend_coord(&(p.gdp.log10(), p.score));
            Hit {
                x,
                y,
                series: 0,
                item,
            }
        })
        .collect();
    for p in data.points.iter().filter(|p| p.selected) {
        let at = (p.gdp.log10(), p.score);
        plot.draw(&Circle::new(
            at,
            style.px(7.0),
            ACCENT.stroke_width(style.px(2.0)),
        ))
        .map_err(err)?;
        // The code on the side with room: right of the ring in the left half, else left of it.
        let gap = style.px(9.0) as i32;
        let (dx, h) = if at.0 < (x_lo + x_hi) / 2.0 {
            (gap, HPos::Left)
        } else {
            (-gap, HPos::Right)
        };
        let label = font.pos(Pos::new(h, VPos::Bottom));
        let dy = -(style.px(4.0) as i32);
        plot.draw(&(EmptyElement::at(at) + Text::new(p.code.clone(), (dx, dy), &label)))
            .map_err(err)?;
    }
    Ok(hits)
}

/// The point's tooltip: "Kenya (KEN): score 0.42 · GDP per capita $5,120 · rank 61, expected
/// 88".
pub(crate) fn tip(p: &Point) -> String {
    let rank = |k: Option<u32>| k.map_or_else(|| "–".to_string(), |k| k.to_string());
    t_with(
        &messages::PERFORMER_TIP,
        &[
            ("name", p.name.as_str().into()),
            ("code", p.code.as_str().into()),
            ("score", crate::format::score(p.score).into()),
            ("gdp", crate::format::thousands(p.gdp).into()),
            ("rank", rank(p.rank).into()),
            ("expected", rank(p.expected).into()),
        ],
    )
}

/// Draws the legend — each group's mark and name, the others' mark, the fitted line — left to
/// right from the top left, wrapping to the width; returns how many rows it took.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &IncomeScatter,
    style: &Style,
) -> Result<u32, String> {
    let font = ("sans-serif", style.font(12.0)).into_font().color(&INK);
    let swatch = style.px(12.0);
    // The legend's names: the two groups', the units in neither group, the fitted line.
    let (others, line) = (t(&messages::OTHERS), t(&messages::FITTED_LINE));
    let entries: [(Option<Membership>, &str); 4] = [
        (Some(Membership::A), &data.names[0]),
        (Some(Membership::B), &data.names[1]),
        (Some(Membership::Other), &others),
        (None, &line),
    ];
    let widths: Vec<u32> = entries
        .iter()
        .map(|(_, label)| {
            let text = area.estimate_text_size(label, &font).map_or(0, |s| s.0);
            swatch + style.px(5.0) + text
        })
        .collect();
    let places = legend_layout(
        &widths,
        style.px(44.0),
        style.px(16.0),
        area.dim_in_pixel().0,
    );
    let row_height = style.px(18.0);
    let mut rows = 0;
    for ((m, label), (x, row)) in entries.iter().zip(places) {
        rows = rows.max(row + 1);
        let (x, y) = (x as i32, (style.px(4.0) + row * row_height) as i32);
        let mid = (x + swatch as i32 / 2, y + swatch as i32 / 2);
        match m {
            Some(m) => super::draw_mark(area, (*m).into(), mid, style)?,
            None => area
                .draw(&PathElement::new(
                    vec![(x, mid.1), (x + swatch as i32, mid.1)],
                    INK.mix(0.7).stroke_width(style.px(1.5)),
                ))
                .map_err(err)?,
        }
        area.draw(&Text::new(
            label.to_string(),
            (x + (swatch + style.px(5.0)) as i32, y),
            font.clone(),
        ))
        .map_err(err)?;
    }
    Ok(rows)
}

/// Where legend items of `widths` go, left to right from `x0` with `gap` between them, a new
/// row whenever the next would pass `max` (an item wider than the room gets a row of its own,
/// moved back from `x0` to end at `max`, or to 0 if wider still, rather than be cut at the
/// edge: a long group name on a phone): `(x, row)` each.
pub(crate) fn legend_layout(widths: &[u32], x0: u32, gap: u32, max: u32) -> Vec<(u32, u32)> {
    let (mut x, mut row) = (x0, 0);
    widths
        .iter()
        .map(|w| {
            if x > x0 && x.saturating_add(*w) > max {
                x = x0;
                row += 1;
            }
            let place = (x.min(max.saturating_sub(*w)), row);
            x = x.saturating_add(*w).saturating_add(gap);
            place
        })
        .collect()
}

/// The x axis's range, in `log10` GDP per capita: the values' range with 4 % of it (at least
/// 0.05, a twentieth of a tenfold) on each side; 10² to 10⁵ when there is no value.
pub(crate) fn x_range(gdp: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = gdp
        .filter(|g| *g > 0.0 && g.is_finite())
        .map(f64::log10)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
    if lo > hi {
        return (2.0, 5.0);
    }
    let pad = ((hi - lo) * 0.04).max(0.05);
    (lo - pad, hi + pad)
}

/// GDP per capita values to mark between `10^lo` and `10^hi`: 1, 2 and 5 × 10ᵏ when `dense`,
/// else 10ᵏ only. Nothing for a range that is not finite or spans more than 30 tenfolds.
pub(crate) fn log_ticks(lo: f64, hi: f64, dense: bool) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi - lo > 30.0 {
        return Vec::new();
    }
    let steps: &[f64] = if dense { &[1.0, 2.0, 5.0] } else { &[1.0] };
    let first = lo.floor() as i32;
    let last = hi.ceil() as i32;
    (first..=last)
        .flat_map(|k| steps.iter().map(move |m| m * 10f64.powi(k)))
        .filter(|v| {
            let x = v.log10();
            x >= lo && x <= hi
        })
        .collect()
}

/// A GDP per capita tick's label: `500`, `2k`, `100k`, `1.5M`.
pub(crate) fn money(v: f64) -> String {
    let short = |x: f64, unit: &str| {
        let s = format!("{x:.1}");
        format!("{}{unit}", s.trim_end_matches('0').trim_end_matches('.'))
    };
    if v >= 1e6 {
        short(v / 1e6, "M")
    } else if v >= 1e3 {
        short(v / 1e3, "k")
    } else {
        short(v, "")
    }
}

/// The part of `fit`'s line (x in `log10` GDP) inside the plot `xs` × `ys`, as its two ends;
/// `None` when it does not cross the plot.
pub(crate) fn clip_line(fit: &Fit, xs: (f64, f64), ys: (f64, f64)) -> Option<[(f64, f64); 2]> {
    let y = |x: f64| fit.intercept + fit.slope * x;
    let (mut a, mut b) = (xs.0, xs.1);
    if fit.slope != 0.0 {
        // Where the line meets the bottom and the top.
        let (at_bottom, at_top) = (
            (ys.0 - fit.intercept) / fit.slope,
            (ys.1 - fit.intercept) / fit.slope,
        );
        let (enter, leave) = if fit.slope > 0.0 {
            (at_bottom, at_top)
        } else {
            (at_top, at_bottom)
        };
        a = a.max(enter);
        b = b.min(leave);
    } else if !(ys.0..=ys.1).contains(&fit.intercept) {
        return None;
    }
    let ends = [(a, y(a)), (b, y(b))];
    (a < b && ends.iter().all(|(x, y)| x.is_finite() && y.is_finite())).then_some(ends)
}
