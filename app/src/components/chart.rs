//! A canvas that draws one chart. It owns its `NodeRef`, sizes the canvas for the device pixel
//! ratio and redraws in one effect whenever the data the draw closure reads changes (or the
//! window is resized) — while the canvas is in or near the viewport. A chart out of view is
//! not drawn on every slider step (it does not read the data then), but when it comes into
//! view (an `IntersectionObserver`).
//!
//! A canvas has no hover of its own: a chart whose draw returns where it drew its points
//! ([`crate::charts::Hit`]) and that is given a `tip` gets hit-testing on those coordinates —
//! hovering or tapping a point shows what it stands for in an HTML tooltip over the canvas
//! (keyboard users have the table alternative beside every chart).

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::backend::Backend;
use crate::charts::{nearest, Direction, DrawResult, Drawn, Hit, Style};

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
thread_local! {
    /// The charts drawn since the last [`take_drawn`], by element id (for the benchmark).
    static DRAWN: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The charts drawn since the last call, by element id, in the order drawn (read by the
/// in-browser benchmark).
#[cfg(feature = "bench")]
pub fn take_drawn() -> Vec<&'static str> {
    DRAWN.with_borrow_mut(std::mem::take)
}

/// The page's clock in milliseconds (for the benchmark's timings).
#[cfg(feature = "bench")]
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// A drawing area on the canvas.
pub type CanvasArea = DrawingArea<Backend<'static>, Shift>;

/// How a chart is drawn: reads reactive state, draws on the area and says where its points
/// went (`None`: nothing to draw).
type Draw = Box<dyn Fn(&CanvasArea, &Style) -> Option<Drawn> + Send + Sync>;

/// What a draw closure may return: a plain drawing result, or one with its points' places.
pub trait Drawing {
    /// The points' places (none for a plain drawing).
    ///
    /// # Errors
    /// The drawing's error.
    fn into_hits(self) -> Drawn;
}

impl Drawing for DrawResult {
    fn into_hits(self) -> Drawn {
        self.map(|()| Vec::new())
    }
}

impl Drawing for Drawn {
    fn into_hits(self) -> Drawn {
        self
    }
}

/// Words for the point a hit stands for (a tooltip's text; `None`: nothing to say).
pub type Tip = Callback<Hit, Option<String>>;

/// How far from a point, in CSS pixels, the pointer still names it.
const REACH: f64 = 12.0;

/// The canvas. `draw` reads reactive state and draws; `label` describes the chart for screen
/// readers (the table alternative is next to it).
#[component]
pub fn ChartCanvas<F, R>(
    /// Element id.
    id: &'static str,
    /// Height in CSS pixels.
    #[prop(into)]
    height: Signal<u32>,
    /// Accessible description.
    #[prop(into)]
    label: Signal<String>,
    /// Draws the chart.
    draw: F,
    /// Names a point drawn (hover and tap); without it the canvas has no tooltip.
    #[prop(optional)]
    tip: Option<Tip>,
) -> impl IntoView
where
    F: Fn(&CanvasArea, &Style) -> Option<R> + Send + Sync + 'static,
    R: Drawing,
{
    // Boxed, so that the canvas's code is compiled once rather than once per chart (see
    // ARCHITECTURE.md, Wasm size).
    canvas(
        id,
        height,
        label,
        Box::new(move |a, s| draw(a, s).map(Drawing::into_hits)),
        tip,
    )
}

/// [`ChartCanvas`]'s work, for any chart.
fn canvas(
    id: &'static str,
    height: Signal<u32>,
    label: Signal<String>,
    draw: Draw,
    tip: Option<Tip>,
) -> AnyView {
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
    let in_view = watch_view(canvas, NEAR_VIEW);
    // Where the last draw put its points, and the tooltip shown.
    let hits = StoredValue::new(Vec::<Hit>::new());
    let shown = RwSignal::new(None::<Tooltip>);
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
        let (w, h) = ((width * dpr) as u32, (f64::from(height.get()) * dpr) as u32);
        // Resizing the backing store reallocates it: only when the size changed.
        if el.width() != w || el.height() != h {
            el.set_width(w);
            el.set_height(h);
        }
        let style = Style {
            scale: dpr,
            dir: Direction::shown(),
        };
        let Some(backend) = Backend::canvas(&el, style.dir) else {
            return;
        };
        let area = backend.into_drawing_area();
        match draw(&area, &style) {
            Some(Ok(drawn)) => hits.set_value(drawn),
            Some(Err(e)) => {
                hits.set_value(Vec::new());
                leptos::logging::warn!("chart {id} could not be drawn: {e}");
            }
            None => hits.set_value(Vec::new()),
        }
        let _ = area.present();
        #[cfg(feature = "bench")]
        {
            DRAW_MS.with(|t| t.set(t.get() + now() - started));
            DRAWN.with_borrow_mut(|d| d.push(id));
        }
    });
    let style = move || format!("height:{}px", height.get());
    let Some(tip) = tip else {
        return view! {
            <canvas id=id node_ref=canvas class="chart-canvas" style=style
                role="img" aria-label=move || label.get()></canvas>
        }
        .into_any();
    };
    // Hit-testing on the places the draw returned (device pixels), nearest within reach.
    let point = move |ev: &web_sys::MouseEvent| {
        let dpr = window().device_pixel_ratio().max(1.0);
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let hit = hits.with_value(|h| nearest(h, x * dpr, y * dpr, REACH * dpr));
        let width = css_width.get_value().unwrap_or(0.0);
        let next = hit.and_then(|h| {
            let text = tip.run(h)?;
            Some(Tooltip {
                text,
                x: f64::from(h.x) / dpr,
                y: f64::from(h.y) / dpr,
                width,
            })
        });
        if shown.with_untracked(|s| s != &next) {
            shown.set(next);
        }
    };
    view! {
        <div class="chart-wrap">
            <canvas id=id node_ref=canvas class="chart-canvas" style=style
                role="img" aria-label=move || label.get()
                on:pointermove=move |ev| point(&ev)
                on:pointerdown=move |ev| point(&ev)
                on:pointerleave=move |_| shown.set(None)></canvas>
            <div class="chart-tip" role="tooltip" hidden=move || shown.with(Option::is_none)
                style=move || shown.with(|t| t.as_ref().map(Tooltip::place).unwrap_or_default())>
                {move || shown.with(|t| t.as_ref().map(|t| t.text.clone()))}
            </div>
        </div>
    }
    .into_any()
}

/// A tooltip shown: its text and the point it names, in CSS pixels of a canvas `width` wide.
#[derive(Debug, Clone, PartialEq)]
struct Tooltip {
    text: String,
    x: f64,
    y: f64,
    width: f64,
}

impl Tooltip {
    /// Its CSS place: above the point, starting at it in the left third of the chart, ending
    /// at it in the right third, centred on it between (so, at most two thirds of the chart
    /// wide, it stays within the chart).
    fn place(&self) -> String {
        let (x, y, w) = (self.x, self.y, self.width.max(1.0));
        let shift = if x < w / 3.0 {
            "-12px"
        } else if x > 2.0 * w / 3.0 {
            "calc(-100% + 12px)"
        } else {
            "-50%"
        };
        format!("left:{x:.0}px;top:{y:.0}px;transform:translate({shift},calc(-100% - 10px))")
    }
}

/// How far outside the viewport a chart is still drawn on each change.
pub(crate) const NEAR_VIEW: &str = "300px";

/// Whether the element `node` refers to is within `margin` (a CSS length, e.g. [`NEAR_VIEW`])
/// of the viewport (false until the browser first says; true for good where there is no
/// `IntersectionObserver`). What reads it can leave its work undone while out of view: a memo
/// nothing reads is not computed.
pub(crate) fn watch_view<E>(node: NodeRef<E>, margin: &'static str) -> RwSignal<bool>
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
        options.set_root_margin(margin);
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
