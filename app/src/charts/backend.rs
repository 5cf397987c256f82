//! One drawing backend for the page's canvases and for SVG files.
//!
//! Chart code is generic over plotters' `DrawingBackend`, and each backend type it is used with
//! compiles a whole copy of it (and of plotters' axis and mesh code) into the wasm. The app
//! draws on canvases and into SVG strings, so it goes through [`Backend`], which holds either
//! and forwards every call: the chart code is compiled once. Native tests draw on plotters'
//! SVG backend directly.

use std::fmt;

use plotters::prelude::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;

/// A canvas on the page, or an SVG document being written into a string.
pub enum Backend<'a> {
    /// An HTML canvas.
    Canvas(CanvasBackend),
    /// SVG text.
    Svg(SVGBackend<'a>),
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
        match $self {
            Backend::Canvas($b) => $call.map_err(lift),
            Backend::Svg($b) => $call.map_err(lift),
        }
    };
}

impl DrawingBackend for Backend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Backend::Canvas(b) => b.get_size(),
            Backend::Svg(b) => b.get_size(),
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
        forward!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        forward!(self, b => b.blit_bitmap(pos, size, src))
    }
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
        draw_on(Backend::Svg(SVGBackend::with_string(
            &mut forwarded,
            (480, 320),
        )));
        assert!(direct.contains("<rect"), "{direct}");
        assert_eq!(direct, forwarded);
    }
}
