//! One drawing backend for the page's canvases and for SVG files.
//!
//! Chart code is generic over plotters' `DrawingBackend`, and each backend type it is used with
//! compiles a whole copy of it (and of plotters' axis and mesh code) into the wasm. The app
//! draws on canvases and into SVG strings, so it goes through [`Backend`], which holds either
//! and forwards every call: the chart code is compiled once. Native tests draw on plotters'
//! SVG backend directly.
//!
//! It is also where a chart is mirrored for a language written right to left
//! ([`Direction::Rtl`]): every x is drawn at the backend's width less one less x, and each
//! text's horizontal anchor is flipped (left ↔ right; top ↔ bottom for text turned a quarter),
//! so that text reads as ever but sits where the mirror puts it. The chart code draws the same
//! in every language; axes, bars, legends and captions all come out mirrored.
//!
//! Right to left, each text is also drawn isolated (U+2068 FIRST STRONG ISOLATE … U+2069), so
//! that it reads in its own direction, that of its first strong letter, whatever the direction
//! of what it is drawn on: an Arabic page's canvas reads right to left (`direction: inherit`),
//! where an English name's trailing comma or percent sign, or a number's minus sign, would go to
//! its left; a canvas the page does not hold (a PNG download's) and an SVG file read left to
//! right, where an Arabic title's year and final stop would go to its right. Isolation marks,
//! rather than the canvas's `direction` set per text, do the same on both targets and leave the
//! reading of each text's direction to the browser. Left to right nothing is isolated: every
//! text of the five languages written so reads left to right on what is itself left to right.
//!
//! Text is the exception, for speed: on a canvas it is drawn here ([`CanvasText`]), setting
//! the context's font only when it changes (plotters-canvas sets it for every label, and
//! Chromium parses the font each time), and in the browser it is measured with `measureText`
//! ([`measured`]), not by laying a `<span>` out in the page as plotters does.

use std::fmt;

use plotters::prelude::SVGBackend;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::Direction;

/// A canvas on the page, or an SVG document being written into a string, drawn in a direction.
pub struct Backend<'a> {
    target: Target<'a>,
    /// The width less one when drawn right to left (x is drawn at `mirror - x`).
    mirror: Option<i32>,
}

/// What a [`Backend`] draws on.
enum Target<'a> {
    /// An HTML canvas: plotters' backend for shapes, ours for text.
    Canvas(CanvasBackend, CanvasText),
    /// SVG text.
    Svg(SVGBackend<'a>),
}

impl Backend<'static> {
    /// Draws on `canvas` (sized beforehand) in `dir`; `None` when it has no 2D context.
    pub fn canvas(canvas: &HtmlCanvasElement, dir: Direction) -> Option<Backend<'static>> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let shapes = CanvasBackend::with_canvas_object(canvas.clone())?;
        let text = CanvasText {
            context,
            font: String::new(),
        };
        Some(Backend::new(Target::Canvas(shapes, text), dir))
    }
}

impl<'a> Backend<'a> {
    /// Writes an SVG document of `size` pixels into `out`, in `dir`.
    pub fn svg(out: &'a mut String, size: (u32, u32), dir: Direction) -> Backend<'a> {
        Backend::new(Target::Svg(SVGBackend::with_string(out, size)), dir)
    }

    fn new(target: Target<'a>, dir: Direction) -> Backend<'a> {
        let width = match &target {
            Target::Canvas(b, _) => b.get_size().0,
            Target::Svg(b) => b.get_size().0,
        };
        let mirror = (dir == Direction::Rtl).then(|| i32::try_from(width).unwrap_or(0) - 1);
        Backend { target, mirror }
    }

    /// Where point `p` is drawn.
    fn at(&self, (x, y): BackendCoord) -> BackendCoord {
        (self.mirror.map_or(x, |m| m - x), y)
    }

    /// The anchor `style`'s text is drawn with: its own, flipped across when mirrored.
    fn anchor<S: BackendTextStyle>(&self, style: &S) -> Pos {
        let a = style.anchor();
        if self.mirror.is_none() {
            return a;
        }
        if matches!(
            style.transform(),
            FontTransform::Rotate90 | FontTransform::Rotate270
        ) {
            let v_pos = match a.v_pos {
                VPos::Top => VPos::Bottom,
                VPos::Center => VPos::Center,
                VPos::Bottom => VPos::Top,
            };
            Pos::new(a.h_pos, v_pos)
        } else {
            let h_pos = match a.h_pos {
                HPos::Left => HPos::Right,
                HPos::Center => HPos::Center,
                HPos::Right => HPos::Left,
            };
            Pos::new(h_pos, a.v_pos)
        }
    }
}

#[cfg(feature = "bench")]
thread_local! {
    /// Fonts given to a chart's canvas since the last [`take_font_sets`], and the milliseconds
    /// spent giving them (for the benchmark).
    static FONT_SETS: std::cell::Cell<(u32, f64)> = const { std::cell::Cell::new((0, 0.0)) };
}

/// Fonts given to a chart's canvas since the last call, and the milliseconds that took (read by
/// the in-browser benchmark: Chromium resolves a canvas's font against the page's style).
#[cfg(feature = "bench")]
pub fn take_font_sets() -> (u32, f64) {
    FONT_SETS.with(|f| f.replace((0, 0.0)))
}

/// Text on a canvas: its 2D context and the font last given to it.
pub struct CanvasText {
    context: CanvasRenderingContext2d,
    font: String,
}

impl CanvasText {
    /// Draws `text` in `style` with its `anchor` at `pos` (turned by the style's quarter turns
    /// about that point). The alignment is absolute (`left`, `right`), not the canvas's `start`
    /// and `end`, which an Arabic page's canvas would read right to left.
    fn draw<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
        anchor: Pos,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let font = font_of(style);
        if font != self.font {
            #[cfg(feature = "bench")]
            let started = crate::components::chart::now();
            self.context.set_font(&font);
            #[cfg(feature = "bench")]
            FONT_SETS.with(|f| {
                let (n, ms) = f.get();
                f.set((n + 1, ms + crate::components::chart::now() - started));
            });
            self.font = font;
        }
        let c = &self.context;
        c.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        c.set_text_align(match anchor.h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        });
        let (r, g, b) = colour.rgb;
        c.set_fill_style_str(&format!("rgba({r},{g},{b},{})", colour.alpha));
        let quarter_turns = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        let drawn = if quarter_turns == 0 {
            c.fill_text(text, x, y)
        } else {
            c.save();
            let turned = c
                .translate(x, y)
                .and_then(|()| c.rotate(f64::from(quarter_turns) * std::f64::consts::FRAC_PI_2))
                .and_then(|()| c.fill_text(text, 0.0, 0.0));
            c.restore();
            turned
        };
        drawn.map_err(|e| {
            DrawingErrorKind::DrawingError(BackendError(format!("cannot draw text: {e:?}")))
        })
    }
}

/// The CSS font of `style`, as plotters-canvas gives it to a canvas ("bold 12px sans-serif").
fn font_of<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// A drawing error of either backend, as its message.
#[derive(Debug)]
pub struct BackendError(String);

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

/// An error of the wrapped backend as a [`BackendError`].
fn lift<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<BackendError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(BackendError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Forwards a call to whichever backend is held, lifting its error.
macro_rules! forward {
    ($self:ident, $b:ident => $call:expr) => {
        match &mut $self.target {
            Target::Canvas($b, _) => $call.map_err(lift),
            Target::Svg($b) => $call.map_err(lift),
        }
    };
}

/// A text style with another anchor (the SVG backend reads the anchor from the style).
struct Anchored<'s, S> {
    style: &'s S,
    anchor: Pos,
}

impl<S: BackendTextStyle> BackendTextStyle for Anchored<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.style.color()
    }

    fn size(&self) -> f64 {
        self.style.size()
    }

    fn transform(&self) -> FontTransform {
        self.style.transform()
    }

    fn style(&self) -> FontStyle {
        self.style.style()
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        self.style.family()
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.style.layout_box(text)
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.style.draw(text, pos, draw)
    }
}

/// Every x goes through [`Backend::at`]; paths are gathered once mirrored, so each wrapped
/// backend's path code is compiled for one point type only.
impl DrawingBackend for Backend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match &self.target {
            Target::Canvas(b, _) => b.get_size(),
            Target::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let point = self.at(point);
        forward!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let (from, to) = (self.at(from), self.at(to));
        forward!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        // A rectangle spans [x0, x1) (a point, the pixel at x): mirrored, [w − x1, w − x0).
        let (upper_left, bottom_right) = match self.mirror {
            Some(m) => (
                (m + 1 - bottom_right.0, upper_left.1),
                (m + 1 - upper_left.0, bottom_right.1),
            ),
            None => (upper_left, bottom_right),
        };
        forward!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let path: Vec<BackendCoord> = path.into_iter().map(|p| self.at(p)).collect();
        forward!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let center = self.at(center);
        forward!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let vert: Vec<BackendCoord> = vert.into_iter().map(|p| self.at(p)).collect();
        forward!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let (pos, anchor) = (self.at(pos), self.anchor(style));
        // Right to left, each text is isolated (see the module's documentation).
        let isolated;
        let text = if self.mirror.is_some() {
            isolated = format!("\u{2068}{text}\u{2069}");
            &isolated
        } else {
            text
        };
        match &mut self.target {
            Target::Canvas(_, t) => t.draw(text, style, pos, anchor),
            Target::Svg(b) => b
                .draw_text(text, &Anchored { style, anchor }, pos)
                .map_err(lift),
        }
    }

    /// In the browser, measured on a canvas of our own ([`measured`]); natively, the
    /// backend's own estimate.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        #[cfg(target_arch = "wasm32")]
        if let Some(size) = measured(text, style) {
            return Ok(size);
        }
        match &self.target {
            Target::Canvas(b, _) => b.estimate_text_size(text, style).map_err(lift),
            Target::Svg(b) => b.estimate_text_size(text, style).map_err(lift),
        }
    }

    /// The bitmap's place is mirrored, not its pixels (no chart draws one).
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        let (x, y) = self.at(pos);
        let pos = match self.mirror {
            Some(_) => (x - i32::try_from(size.0).unwrap_or(0) + 1, y),
            None => (x, y),
        };
        forward!(self, b => b.blit_bitmap(pos, size, src))
    }
}

/// The width and height `text` takes in `style`, measured with a 2D context's `measureText`
/// on a canvas that is never shown, in the font string the canvas backend draws with (so a
/// bold label is measured bold): width the text's advance, height the font's ascent plus
/// descent (the height of a line of it), each rounded up to a pixel (a line wrapped by these
/// widths never overflows); `None` where the context or
/// the metrics are missing (the backend's own estimate is then used).
///
/// plotters' own estimate for the web appends a `<span>` to the page, reads its
/// `offsetWidth`/`offsetHeight` and removes it: a synchronous layout of the whole page for
/// each label — with the performers table rewritten in the same step, about two thirds of a
/// slider step's script time went there (the in-browser benchmark's profile).
#[cfg(target_arch = "wasm32")]
fn measured<S: BackendTextStyle>(text: &str, style: &S) -> Option<(u32, u32)> {
    use std::cell::RefCell;

    thread_local! {
        /// The measuring context and the font it was last given.
        static CONTEXT: RefCell<Option<(CanvasRenderingContext2d, String)>> = RefCell::new(
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
                .and_then(|c| c.get_context("2d").ok().flatten())
                .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
                .map(|c| (c, String::new())),
        );
    }
    let font = font_of(style);
    CONTEXT.with_borrow_mut(|held| {
        let (context, last) = held.as_mut()?;
        if *last != font {
            context.set_font(&font);
            *last = font;
        }
        let m = context.measure_text(text).ok()?;
        let height = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        let pixels = |v: f64| (v.is_finite() && v >= 0.0).then(|| v.ceil().min(1e6) as u32);
        Some((pixels(m.width())?, pixels(height)?))
    })
}

#[cfg(test)]
mod tests {
    use plotters::prelude::*;

    use super::*;
    use crate::charts::tests::bars;
    use crate::charts::{ChartData, Style};

    /// Draws the test bars on `backend`.
    fn draw_on<DB: DrawingBackend>(backend: DB) {
        let area = backend.into_drawing_area();
        let data = ChartData::Bars(bars());
        assert!(data.draw(&area, &Style::default()).is_ok());
        assert!(area.present().is_ok());
    }

    #[test]
    fn svg_through_the_backend_is_the_svg_backend_s_own() {
        let mut direct = String::new();
        draw_on(SVGBackend::with_string(&mut direct, (480, 320)));
        let mut forwarded = String::new();
        draw_on(Backend::svg(&mut forwarded, (480, 320), Direction::Ltr));
        assert!(direct.contains("<rect"), "{direct}");
        assert_eq!(direct, forwarded);
    }
}
