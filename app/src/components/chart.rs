//! A canvas that draws one chart. It owns its `NodeRef`, sizes the canvas for the device pixel
//! ratio and redraws in one effect whenever the data the draw closure reads changes (or the
//! window is resized).

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::charts::{DrawResult, Style};

/// A drawing area on the canvas.
pub type CanvasArea = DrawingArea<CanvasBackend, Shift>;

/// The canvas. `draw` reads reactive state and draws; `label` describes the chart for screen
/// readers (the table alternative is next to it).
#[component]
pub fn ChartCanvas<F>(
    /// Element id.
    id: &'static str,
    /// Height in CSS pixels.
    height: u32,
    /// Accessible description.
    #[prop(into)]
    label: Signal<String>,
    /// Draws the chart.
    draw: F,
) -> impl IntoView
where
    F: Fn(&CanvasArea, &Style) -> Option<DrawResult> + Send + Sync + 'static,
{
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        let dpr = window().device_pixel_ratio().max(1.0);
        let css_width = f64::from(el.client_width().max(240));
        el.set_width((css_width * dpr) as u32);
        el.set_height((f64::from(height) * dpr) as u32);
        let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) else {
            return;
        };
        let area = backend.into_drawing_area();
        let style = Style { scale: dpr };
        if let Some(Err(e)) = draw(&area, &style) {
            leptos::logging::warn!("chart {id} could not be drawn: {e}");
        }
        let _ = area.present();
    });
    view! {
        <canvas id=id node_ref=canvas class="chart-canvas" style=format!("height:{height}px")
            role="img" aria-label=move || label.get()></canvas>
    }
}
