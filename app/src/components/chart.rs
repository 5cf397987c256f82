//! A canvas that draws one chart. It owns its `NodeRef`, sizes the canvas for the device pixel
//! ratio and redraws in one effect whenever the data the draw closure reads changes (or the
//! window is resized) — while the canvas is in or near the viewport. A chart out of view is
//! not drawn on every slider step (it does not read the data then), but when it comes into
//! view (an `IntersectionObserver`).

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::backend::Backend;
use crate::charts::{DrawResult, Style};

#[cfg(feature = "bench")]
thread_local! {
    /// Milliseconds spent drawing charts since the last [`take_draw_ms`] (for the benchmark).
    static DRAW_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Milliseconds spent drawing charts since the last call (read by the in-browser benchmark;
/// charts are timed only in builds with the `bench` feature).
#[cfg(feature = "bench")]
pub fn take_draw_ms() -> f64 {
    DRAW_MS.with(|t| t.replace(0.0))
}

#[cfg(feature = "bench")]
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// A drawing area on the canvas.
pub type CanvasArea = DrawingArea<Backend<'static>, Shift>;

/// How a chart is drawn: reads reactive state, draws on the area (`None`: nothing to draw).
type Draw = Box<dyn Fn(&CanvasArea, &Style) -> Option<DrawResult> + Send + Sync>;

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
    // Boxed, so that the canvas's code is compiled once rather than once per chart (see
    // ARCHITECTURE.md, Wasm size).
    canvas(id, height, label, Box::new(draw))
}

/// [`ChartCanvas`]'s work, for any chart.
fn canvas(id: &'static str, height: u32, label: Signal<String>, draw: Draw) -> AnyView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    // The canvas's CSS width, measured once and on resize only: reading layout while drawing
    // would force a synchronous layout of the whole page on every slider step.
    let css_width = StoredValue::new(None::<f64>);
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        css_width.set_value(None);
        resized.update(|n| *n += 1);
    });
    on_cleanup(move || handle.remove());
    let in_view = watch_view(canvas);
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        if !in_view.get() {
            return;
        }
        #[cfg(feature = "bench")]
        let started = now();
        let dpr = window().device_pixel_ratio().max(1.0);
        let width = css_width.get_value().unwrap_or_else(|| {
            let w = f64::from(el.client_width().max(240));
            css_width.set_value(Some(w));
            w
        });
        let (w, h) = ((width * dpr) as u32, (f64::from(height) * dpr) as u32);
        // Resizing the backing store reallocates it: only when the size changed.
        if el.width() != w || el.height() != h {
            el.set_width(w);
            el.set_height(h);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) else {
            return;
        };
        let area = Backend::Canvas(backend).into_drawing_area();
        let style = Style { scale: dpr };
        if let Some(Err(e)) = draw(&area, &style) {
            leptos::logging::warn!("chart {id} could not be drawn: {e}");
        }
        let _ = area.present();
        #[cfg(feature = "bench")]
        DRAW_MS.with(|t| t.set(t.get() + now() - started));
    });
    view! {
        <canvas id=id node_ref=canvas class="chart-canvas" style=format!("height:{height}px")
            role="img" aria-label=move || label.get()></canvas>
    }
    .into_any()
}

/// How far outside the viewport a chart is still drawn on each change.
const NEAR_VIEW: &str = "300px";

/// Whether the element `node` refers to is within [`NEAR_VIEW`] of the viewport (false until
/// the browser first says; true for good where there is no `IntersectionObserver`). What reads
/// it can leave its work undone while out of view: a memo nothing reads is not computed.
pub(crate) fn watch_view<E>(node: NodeRef<E>) -> RwSignal<bool>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let in_view = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let el: &web_sys::Element = el.unchecked_ref();
        let seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let last = entries
                .iter()
                .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                .next_back();
            if let Some(e) = last {
                in_view.set(e.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(NEAR_VIEW);
        match web_sys::IntersectionObserver::new_with_options(
            seen.as_ref().unchecked_ref(),
            &options,
        ) {
            Ok(observer) => {
                observer.observe(el);
                let kept = StoredValue::new_local((observer, seen));
                on_cleanup(move || kept.with_value(|(o, _)| o.disconnect()));
            }
            Err(_) => in_view.set(true),
        }
    });
    in_view
}
