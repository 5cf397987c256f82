//! A chart with its captions drawn into the image, for downloads (PNG, SVG): the title (bold),
//! the subtitle (the weights and method in one line, wrapped to the width), the plot, the source
//! line (wrapped) and an "Index Explorer" credit. On the page the captions are HTML instead, so
//! that they reflow and can be read by screen readers; an image that leaves the page must carry
//! its source with it.

use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;

use super::{err, Direction, DrawResult, Style, INK};
use crate::i18n::{messages, t};
use crate::view_model::ChartView;

/// Captions and the credit: muted ink.
pub const MUTED: RGBColor = RGBColor(0x5B, 0x66, 0x73);

/// The credit drawn at the bottom right of every downloaded chart: the site's name, in the
/// language shown.
fn credit() -> String {
    t(&messages::APP_NAME)
}

/// Font sizes in CSS pixels: title, subtitle, source line and credit.
const TITLE: f64 = 17.0;
const SUBTITLE: f64 = 12.5;
const SOURCE: f64 = 11.0;
/// Line height as a multiple of the font size.
const LEADING: f64 = 1.3;
/// Padding around the whole image, in CSS pixels.
const PAD: f64 = 14.0;

/// `text` broken into lines no wider than `max`, at spaces, given each word's width (`word`)
/// and a space's (`space`). A word wider than `max` gets a line of its own (it is not cut: a
/// reader can still see all of it in the SVG).
///
/// Lines are measured word by word rather than whole, so that each distinct word is measured
/// once however many lines are tried.
pub fn wrap(text: &str, max: u32, space: u32, mut word: impl FnMut(&str) -> u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0u32;
    for w in text.split_whitespace() {
        let width = word(w);
        if line.is_empty() {
            line.push_str(w);
            used = width;
            continue;
        }
        let next = used.saturating_add(space).saturating_add(width);
        if next <= max {
            line.push(' ');
            line.push_str(w);
            used = next;
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(w);
            used = width;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` wrapped to `max` in `font` as `area`'s backend measures it (each distinct word
/// measured once). A space is the wider of its own measure and the difference it makes between
/// two letters (a backend may measure a lone space as nothing).
pub(crate) fn wrap_in<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    max: u32,
    font: &TextStyle<'_>,
) -> Vec<String> {
    let space = width(area, " ", font)
        .max(width(area, "x x", font).saturating_sub(width(area, "xx", font)));
    let mut seen: HashMap<String, u32> = HashMap::new();
    wrap(text, max, space, |w| {
        *seen
            .entry(w.to_string())
            .or_insert_with(|| width(area, w, font))
    })
}

/// `lines`, a paragraph written right to left wrapped, made to read each as it does within the
/// paragraph when drawn on its own (the backend isolates each text, which then reads in the
/// direction of its first strong letter): each begins with U+200F RIGHT-TO-LEFT MARK, and an
/// isolate a line break cuts (a Latin name in Arabic text) is closed at the end of its line and
/// opened again at the start of the next.
///
/// The title, subtitle and source line are messages of the language shown, written in its
/// direction (the sources themselves, the publishers' English, an isolated argument).
fn right_to_left(lines: &mut [String]) {
    let mut open = String::new();
    for line in lines {
        let mut drawn = String::from('\u{200F}');
        drawn.push_str(&open);
        for c in line.chars() {
            if ('\u{2066}'..='\u{2068}').contains(&c) {
                open.push(c);
            } else if c == '\u{2069}' {
                open.pop();
            }
        }
        drawn.push_str(line);
        drawn.extend(open.chars().map(|_| '\u{2069}'));
        *line = drawn;
    }
}

/// Draws `view` with its captions on `area`: title and subtitle above the plot, source line and
/// credit below. The plot gets whatever height the captions leave (nothing if they fill it).
///
/// # Errors
/// The backend's drawing error, as text.
pub fn draw_captioned<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ChartView,
    style: &Style,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let pad = style.px(PAD);
    let text_width = w.saturating_sub(2 * pad).max(1);
    let font = |size: f64, bold: bool, colour: &RGBColor| -> TextStyle<'static> {
        let weight = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        ("sans-serif", style.font(size), weight)
            .into_font()
            .color(colour)
    };
    let title_font = font(TITLE, true, &INK);
    let subtitle_font = font(SUBTITLE, false, &MUTED);
    let source_font = font(SOURCE, false, &MUTED);
    let credit_font = font(SOURCE, true, &INK);
    let mut title = wrap_in(area, &view.title, text_width, &title_font);
    let mut subtitle = wrap_in(area, &view.subtitle, text_width, &subtitle_font);
    let mut source = wrap_in(area, &view.source, text_width, &source_font);
    if style.dir == Direction::Rtl {
        right_to_left(&mut title);
        right_to_left(&mut subtitle);
        right_to_left(&mut source);
    }
    let line = |size: f64| style.px(size * LEADING);
    let gap = style.px(6.0);
    let lines = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let head = pad
        .saturating_add(line(TITLE).saturating_mul(lines(title.len())))
        .saturating_add(line(SUBTITLE).saturating_mul(lines(subtitle.len())))
        .saturating_add(gap);
    let foot = gap
        .saturating_add(line(SOURCE).saturating_mul(lines(source.len() + 1)))
        .saturating_add(pad);

    // Captions above.
    let mut y = pad;
    for (text, f, size) in title
        .iter()
        .map(|t| (t, &title_font, TITLE))
        .chain(subtitle.iter().map(|t| (t, &subtitle_font, SUBTITLE)))
    {
        area.draw_text(text, f, (to_i32(pad), to_i32(y)))
            .map_err(err)?;
        y = y.saturating_add(line(size));
    }

    // The plot.
    let plot_top = head.min(h);
    let plot_bottom = h.saturating_sub(foot).max(plot_top);
    if plot_bottom > plot_top {
        let (_, rest) = area.split_vertically(to_i32(plot_top));
        let (plot, _) = rest.split_vertically(to_i32(plot_bottom - plot_top));
        let plot = plot.margin(0, 0, to_i32(pad / 2), to_i32(pad / 2));
        view.data.draw(&plot, style)?;
    }

    // Source line and credit below.
    let mut y = plot_bottom.saturating_add(gap);
    for text in &source {
        area.draw_text(text, &source_font, (to_i32(pad), to_i32(y)))
            .map_err(err)?;
        y = y.saturating_add(line(SOURCE));
    }
    let credit = credit();
    let credit_width = width(area, &credit, &credit_font).min(w);
    let x = w.saturating_sub(pad).saturating_sub(credit_width);
    area.draw_text(&credit, &credit_font, (to_i32(x), to_i32(y)))
        .map_err(err)?;
    Ok(())
}

/// Width of `text` in `font` as the backend measures it (unmeasurable text counts as too wide).
fn width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
) -> u32 {
    area.estimate_text_size(text, font)
        .map_or(u32::MAX, |(w, _)| w)
}

fn to_i32(x: u32) -> i32 {
    i32::try_from(x).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let by_chars = |t: &str| t.chars().count() as u32;
        assert_eq!(
            wrap("one two three four", 9, 1, by_chars),
            ["one two", "three", "four"]
        );
        // A word longer than the width gets its own line, whole.
        assert_eq!(
            wrap("a verylongword b", 4, 1, by_chars),
            ["a", "verylongword", "b"]
        );
        assert_eq!(wrap("  spaced   out  ", 40, 1, by_chars), ["spaced out"]);
        // Wide spaces count.
        assert_eq!(wrap("ab cd", 5, 2, by_chars), ["ab", "cd"]);
        assert!(wrap("", 10, 1, by_chars).is_empty());
    }

    #[test]
    fn lines_of_a_paragraph_written_right_to_left_read_right_to_left() {
        // "{Frontier Index (TIR 2023)} by country, {2021}" in Arabic (each argument isolated),
        // wrapped inside the name.
        let mut lines = vec![
            "\u{2068}Frontier Index".to_string(),
            "(TIR 2023)\u{2069} حسب البلد، \u{2068}2021\u{2069}".to_string(),
            "no normalisation".to_string(),
        ];
        right_to_left(&mut lines);
        assert_eq!(
            lines,
            [
                "\u{200F}\u{2068}Frontier Index\u{2069}",
                "\u{200F}\u{2068}(TIR 2023)\u{2069} حسب البلد، \u{2068}2021\u{2069}",
                "\u{200F}no normalisation",
            ]
        );
    }
}

#[cfg(test)]
pub(crate) mod golden {
    //! The captioned chart drawn to SVG and compared with a committed file (refresh with
    //! `UPDATE_GOLDEN=1 cargo test -p app`).

    use plotters::prelude::*;

    use super::draw_captioned;
    use crate::charts::{ChartData, ChartKind, Style};
    use crate::view_model::ChartView;

    pub(crate) fn view() -> ChartView {
        ChartView {
            kind: ChartKind::Bars,
            title: "Frontier Technology Readiness Index by country, 2019".into(),
            subtitle: "Weights (changed): ICT deployment 16.7 % · Skills 16.7 % · Research and \
                       development 33.3 % · Industry activity 16.7 % · Access to finance 16.7 % · \
                       min-max normalisation, arithmetic mean"
                .into(),
            source: "Source: UNCTAD, Frontier Technology Readiness Index (UNCTADstat, 2008–2019 \
                     series), free to use with attribution. Computed with Index Explorer."
                .into(),
            label: "Bar chart".into(),
            data: ChartData::Bars(crate::charts::tests::bars()),
            header: vec![],
            rows: vec![],
            height: 260,
        }
    }

    fn render(w: u32, h: u32, view: &ChartView) -> String {
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            assert_eq!(draw_captioned(&area, view, &Style::default()), Ok(()));
            assert!(area.present().is_ok());
        }
        out
    }

    #[test]
    fn captioned_chart_golden() {
        let svg = render(640, 420, &view());
        assert!(svg.contains("font-weight=\"bold\""), "bold title: {svg}");
        assert!(svg.contains("Frontier Technology Readiness Index by country, 2019"));
        assert!(svg.contains("Research and"), "subtitle drawn");
        assert!(
            svg.contains("Computed with Index Explorer."),
            "source line wrapped, not cut"
        );
        assert!(svg.contains("\nIndex Explorer\n"), "credit: {svg}");
        let path = format!("{}/tests/golden/captioned.svg", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            assert!(std::fs::write(&path, &svg).is_ok());
            return;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            svg, want,
            "captioned.svg differs; if intended, refresh with UPDATE_GOLDEN=1"
        );
    }

    #[test]
    fn a_tiny_area_still_draws_captions_without_error() {
        // 320 px wide (the narrowest embed) and too short for a plot: captions only, no panic.
        let svg = render(320, 60, &view());
        assert!(svg.starts_with("<svg"));
        let svg = render(1, 1, &view());
        assert!(svg.starts_with("<svg"));
    }
}
