//! How each compared group is drawn, the same in every chart, legend and table: up to
//! [`MAX_MARKED`] groups, each with its own colour (Okabe–Ito, colour-blind safe) **and** its own
//! shape and fill — a filled triangle, an open circle, a filled square, an open diamond, a filled
//! downward triangle, a cross — so no group is told apart by colour alone; the units in no group
//! compared are small grey dots. The first two are the pair's long-standing marks (group a's
//! filled vermillion triangles, group b's open blue circles).

use plotters::prelude::*;
use plotters::style::RGBColor;

use super::{err, DrawResult, Membership, Style, INK, OTHER};

/// How many groups have marks of their own (the scenario's limit of groups compared).
pub const MAX_MARKED: usize = 6;

/// Which compared group a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The group at this position among those compared (0 is the first).
    Group(usize),
    /// A unit in no group compared.
    Other,
}

impl From<Membership> for Mark {
    fn from(m: Membership) -> Mark {
        match m {
            Membership::A => Mark::Group(0),
            Membership::B => Mark::Group(1),
            Membership::Other => Mark::Other,
        }
    }
}

/// A mark's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A triangle, point up.
    Triangle,
    /// A circle.
    Circle,
    /// A square.
    Square,
    /// A diamond.
    Diamond,
    /// A triangle, point down.
    TriangleDown,
    /// A cross (×), drawn as two strokes.
    Cross,
}

/// Each group's colour, in the order compared: Okabe–Ito vermillion, blue, bluish green,
/// reddish purple, orange, black (its sky blue and yellow are too pale on white).
pub const GROUP_COLOURS: [RGBColor; MAX_MARKED] = [
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x00, 0x00),
];

/// Each group's shape and whether it is filled, in the order compared.
const GROUP_SHAPES: [(Shape, bool); MAX_MARKED] = [
    (Shape::Triangle, true),
    (Shape::Circle, false),
    (Shape::Square, true),
    (Shape::Diamond, false),
    (Shape::TriangleDown, true),
    (Shape::Cross, false),
];

/// Each group's mark as text (tables, legends in HTML), matching its drawn shape.
const GROUP_SYMBOLS: [&str; MAX_MARKED] = ["▲", "○", "■", "◇", "▼", "✕"];

/// Each group's CSS class (`grp-a` … `grp-f`; `grp-none` for the others).
const GROUP_CLASSES: [&str; MAX_MARKED] = ["grp-a", "grp-b", "grp-c", "grp-d", "grp-e", "grp-f"];

impl Mark {
    /// The group at position `i`, or [`Mark::Other`] past [`MAX_MARKED`].
    pub fn group(i: usize) -> Mark {
        if i < MAX_MARKED {
            Mark::Group(i)
        } else {
            Mark::Other
        }
    }

    /// Its colour.
    pub fn colour(self) -> RGBColor {
        match self {
            Mark::Group(i) => GROUP_COLOURS.get(i).copied().unwrap_or(OTHER),
            Mark::Other => OTHER,
        }
    }

    /// Its shape and whether it is filled (the others: a small filled circle).
    pub fn shape(self) -> (Shape, bool) {
        match self {
            Mark::Group(i) => GROUP_SHAPES
                .get(i)
                .copied()
                .unwrap_or((Shape::Circle, true)),
            Mark::Other => (Shape::Circle, true),
        }
    }

    /// Its symbol in text: "▲", "○", "■", "◇", "▼", "✕"; nothing for the others.
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Group(i) => GROUP_SYMBOLS.get(i).copied().unwrap_or(""),
            Mark::Other => "",
        }
    }

    /// Its CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Mark::Group(i) => GROUP_CLASSES.get(i).copied().unwrap_or("grp-none"),
            Mark::Other => "grp-none",
        }
    }

    /// How a bar of this group is drawn: filled, or outlined for the open shapes (so bars of
    /// neighbouring groups differ by more than colour; the mark at the bar's end tells them all
    /// apart).
    pub fn bar_style(self, style: &Style) -> ShapeStyle {
        let c = self.colour();
        if self.shape().1 {
            c.filled()
        } else {
            c.stroke_width(style.px(1.5))
        }
    }
}

/// Draws one mark of `mark` centred at `at` (`size` CSS pixels from the centre to a corner).
pub(crate) fn draw_mark<DB, CT>(
    area: &DrawingArea<DB, CT>,
    mark: Mark,
    at: CT::From,
    style: &Style,
) -> DrawResult
where
    DB: DrawingBackend,
    CT: plotters::coord::CoordTranslate,
{
    let c = mark.colour();
    let (shape, filled) = mark.shape();
    let paint = if filled {
        c.filled()
    } else {
        c.stroke_width(style.px(1.5))
    };
    if mark == Mark::Other {
        return area
            .draw(&Circle::new(at, style.px(2.5), c.filled()))
            .map_err(err);
    }
    let r = style.px(4.0) as i32;
    let h = style.px(3.5) as i32;
    match shape {
        Shape::Triangle => area.draw(&TriangleMarker::new(at, style.px(4.0), paint)),
        Shape::Circle => area.draw(&Circle::new(at, style.px(3.5), paint)),
        Shape::Square => {
            return polygon(
                area,
                at,
                vec![(-h, -h), (h, -h), (h, h), (-h, h)],
                filled,
                paint,
            )
        }
        Shape::Diamond => {
            return polygon(
                area,
                at,
                vec![(0, -r), (r, 0), (0, r), (-r, 0)],
                filled,
                paint,
            )
        }
        Shape::TriangleDown => {
            return polygon(
                area,
                at,
                vec![(-r, -r * 2 / 3), (r, -r * 2 / 3), (0, r)],
                filled,
                paint,
            )
        }
        Shape::Cross => area.draw(
            &(EmptyElement::at(at)
                + PathElement::new(vec![(-h, -h), (h, h)], paint)
                + PathElement::new(vec![(-h, h), (h, -h)], paint)),
        ),
    }
    .map_err(err)
}

/// Draws the polygon of pixel offsets `points` around `at`, filled or outlined.
fn polygon<DB, CT>(
    area: &DrawingArea<DB, CT>,
    at: CT::From,
    points: Vec<(i32, i32)>,
    filled: bool,
    paint: ShapeStyle,
) -> DrawResult
where
    DB: DrawingBackend,
    CT: plotters::coord::CoordTranslate,
{
    if filled {
        area.draw(&(EmptyElement::at(at) + Polygon::new(points, paint)))
    } else {
        let mut closed = points;
        if let Some(first) = closed.first().copied() {
            closed.push(first);
        }
        area.draw(&(EmptyElement::at(at) + PathElement::new(closed, paint)))
    }
    .map_err(err)
}

/// Draws `points` as `mark`'s marks (every chart and legend draws a group the same way).
pub(crate) fn draw_marks<DB, CT>(
    area: &DrawingArea<DB, CT>,
    mark: Mark,
    points: impl IntoIterator<Item = CT::From>,
    style: &Style,
) -> DrawResult
where
    DB: DrawingBackend,
    CT: plotters::coord::CoordTranslate,
{
    for p in points {
        draw_mark(area, mark, p, style)?;
    }
    Ok(())
}

/// What a legend entry shows before its name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Key {
    /// A group's mark.
    Mark(Mark),
    /// A line of this colour with a group's mark on it (line charts).
    Line(RGBColor, Mark),
    /// A plain line of this colour (a fitted line, a gap with no group of its own).
    Plain(RGBColor),
    /// A square filled or outlined as the group's bars are ([`super::group_shape`]).
    Swatch(Membership),
}

/// Draws a legend — each entry's key and name — left to right from pixel `x0` at the top of
/// `area`, wrapping to its width; returns how many rows it took (each `ROW` CSS pixels).
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    entries: &[(Key, &str)],
    x0: u32,
    style: &Style,
) -> Result<u32, String> {
    let font = ("sans-serif", style.font(12.0)).into_font().color(&INK);
    let swatch = |k: &Key| match k {
        Key::Mark(_) | Key::Swatch(_) => style.px(12.0),
        Key::Line(..) | Key::Plain(_) => style.px(18.0),
    };
    let widths: Vec<u32> = entries
        .iter()
        .map(|(k, label)| {
            let text = area.estimate_text_size(label, &font).map_or(0, |s| s.0);
            swatch(k) + style.px(5.0) + text
        })
        .collect();
    let places =
        super::performers::legend_layout(&widths, x0, style.px(16.0), area.dim_in_pixel().0);
    let row_height = style.px(ROW);
    let mut rows = 0;
    for ((key, label), (x, row)) in entries.iter().zip(places) {
        rows = rows.max(row + 1);
        let w = swatch(key) as i32;
        let (x, y) = (x as i32, (style.px(4.0) + row * row_height) as i32);
        let mid_y = y + style.px(6.0) as i32;
        match key {
            Key::Mark(m) => draw_mark(area, *m, (x + w / 2, mid_y), style)?,
            Key::Line(c, m) => {
                area.draw(&PathElement::new(
                    vec![(x, mid_y), (x + w, mid_y)],
                    c.stroke_width(style.px(2.0)),
                ))
                .map_err(err)?;
                draw_mark(area, *m, (x + w / 2, mid_y), style)?;
            }
            Key::Plain(c) => area
                .draw(&PathElement::new(
                    vec![(x, mid_y), (x + w, mid_y)],
                    c.stroke_width(style.px(2.0)),
                ))
                .map_err(err)?,
            Key::Swatch(m) => area
                .draw(&Rectangle::new(
                    [(x, y), (x + w, y + w)],
                    super::group_shape(*m, style),
                ))
                .map_err(err)?,
        }
        area.draw(&Text::new(
            label.to_string(),
            (x + w + style.px(5.0) as i32, y),
            font.clone(),
        ))
        .map_err(err)?;
    }
    Ok(rows)
}

/// Height of a legend row, in CSS pixels.
pub(crate) const ROW: f64 = 18.0;
