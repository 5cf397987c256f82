//! The embed route (`?embed=<chart>&<scenario>`): one chart, its title, its subtitle (the
//! weights in one line), its source line and a link back to the full explorer — nothing else.
//! It fetches only the bundle it shows (no catalogue), applies the link's scenario with the
//! same validation and notices as the explorer ([`crate::state::Inputs::install`], [`persist::report_link`]),
//! and redraws its canvas to the frame's size. A fixed embed names the data edition it was made
//! with (`ed=`); when the served bundle's edition differs, a one-line notice says so.

use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::*;

use crate::charts::backend::Backend;
use crate::charts::{ChartKind, Direction, Style};
use crate::components::charts_panel::chart_memo;
use crate::components::notices::Notices;
use crate::export;
use crate::i18n::{messages, t, t_with};
use crate::loader::{self, DEFAULT_BUNDLE};
use crate::persist::{self, EmbedRequest};
use crate::state::{use_state, AppState, CatalogueEntry, Level, Status};

/// The class the embed page puts on `<body>` (its styles hide everything else).
pub const BODY_CLASS: &str = "embed-page";

/// Whether `id` can name a bundle file (letters, digits, `-`, `_`): anything else is not
/// fetched.
fn plausible_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

async fn fetch(id: &str) -> Result<Bundle, String> {
    loader::fetch_bundle(&CatalogueEntry {
        id: id.to_string(),
        title: id.to_string(),
        description: String::new(),
        file: format!("{id}.json"),
        default_year: 0,
        years: Vec::new(),
    })
    .await
    .map_err(|e| e.to_string())
}

/// Loads the link's bundle (or the default, with a notice) and applies the scenario.
fn load(state: AppState, scenario: Scenario, edition: Option<String>) {
    spawn_local(async move {
        let asked = scenario.bundle.clone();
        let mut bundle = if asked.is_empty() {
            fetch(DEFAULT_BUNDLE).await
        } else if crate::state::is_mine(&asked) {
            Err(t(&messages::EMBED_IMPORTED))
        } else if plausible_id(&asked) {
            fetch(&asked).await
        } else {
            Err(t_with(
                &messages::EMBED_NOT_A_NAME,
                &[("dataset", asked.as_str().into())],
            ))
        };
        if let (Err(e), false) = (&bundle, asked.is_empty() || asked == DEFAULT_BUNDLE) {
            state.notify(
                Level::Warning,
                t_with(
                    &messages::EMBED_DATASET_NOT_SHOWN,
                    &[("problem", e.as_str().into())],
                ),
            );
            bundle = fetch(DEFAULT_BUNDLE).await;
        }
        match bundle {
            Ok(b) => {
                if let Some(pinned) = edition {
                    let now = export::edition_id(&b);
                    if pinned != now {
                        state.notify(Level::Info, t(&messages::EMBED_DATA_UPDATED));
                    }
                }
                state.inputs.install(b, &scenario);
                state.loading.status.set(Status::Ready);
            }
            Err(e) => state.loading.status.set(Status::Failed(
                t_with(&messages::EMBED_NOT_LOADED, &[("problem", e.into())]).into(),
            )),
        }
    });
}

/// The embed page.
#[component]
pub fn Embed(
    /// What the link asks for.
    request: EmbedRequest,
    /// The link's scenario.
    scenario: Scenario,
) -> impl IntoView {
    let state = use_state();
    if let Some(body) = document().body() {
        body.set_class_name(BODY_CLASS);
    }
    let kind = match &request.chart {
        Ok(k) => *k,
        Err(name) => {
            state.notify(
                Level::Warning,
                t_with(
                    &messages::EMBED_NO_CHART,
                    &[
                        ("chart", name.as_str().into()),
                        (
                            "charts",
                            ChartKind::ALL.map(ChartKind::name).join(", ").into(),
                        ),
                    ],
                ),
            );
            ChartKind::Bars
        }
    };
    state.table.trend_node.set(request.node.clone());
    state
        .table
        .map_node
        .set(request.node.clone().unwrap_or_default());
    load(state, scenario, request.edition.clone());

    // The embedded chart is the page: always in view. The map needs its geometry too.
    let (view, failed) = if kind == ChartKind::Map {
        crate::components::map::embedded(state)
    } else {
        (
            chart_memo(state, kind, Signal::stored(true)),
            Signal::stored(None),
        )
    };
    // Why a chart has nothing to show, in place of it.
    let nothing = move || {
        failed.get().unwrap_or_else(|| match kind {
            ChartKind::UnitTrend if state.inputs.selection().get().is_none() => format!(
                "This chart follows one unit over the years, and the link names none: add `&{}=` and the unit's code.",
                index_core::scenario::Param::Unit.key()
            ),
            ChartKind::Map => "Loading the map…".to_string(),
            _ => "This chart has nothing to show for this dataset.".to_string(),
        })
    };
    Effect::new(move |_| {
        if let Some(t) = view.with(|v| v.as_ref().map(|v| v.title.clone())) {
            document().set_title(&format!("{t} — Index Explorer"));
        }
    });
    let explorer = Memo::new(move |_| {
        let base = persist::page_base();
        state.scenario().map_or(base.clone(), |s| {
            format!("{base}{}", export::explorer_query(&s))
        })
    });
    let text = move |f: fn(&crate::view_model::ChartView) -> String| {
        move || view.with(|v| v.as_ref().map(f).unwrap_or_default())
    };
    view! {
        <main class="embed" data-chart=kind.name()>
            <Notices/>
            {move || match state.loading.status.get() {
                Status::Failed(why) => Some(view! { <p class="embed-empty" role="alert">{why.show()}</p> }.into_any()),
                Status::Loading(_) => Some(view! { <p class="embed-empty" aria-live="polite">"Loading…"</p> }.into_any()),
                Status::Ready if view.with(Option::is_none) => Some(view! {
                    <p class="embed-empty">{nothing}</p>
                }.into_any()),
                Status::Ready => None,
            }}
            <Show when=move || view.with(Option::is_some)>
                <h1 class="embed-title">{text(|v| v.title.clone())}</h1>
                <p class="embed-subtitle">{text(|v| v.subtitle.clone())}</p>
                <EmbedCanvas draw=move |area, style| view.with(|v| v.as_ref().map(|v| v.data.draw(area, style).map(|_| ())))
                    label=Signal::derive(text(|v| v.label.clone()))/>
                <p class="embed-source">
                    {text(|v| v.source.clone())}" "
                    <a href=move || format!("{}#sources", explorer.get()) target="_blank" rel="noopener">"Sources"</a>
                </p>
                <p class="embed-back">
                    <a href=move || explorer.get() target="_blank" rel="noopener">"Open in Index Explorer ↗"</a>
                </p>
            </Show>
        </main>
    }
}

/// A canvas filling the space the captions leave, redrawn on resize.
#[component]
fn EmbedCanvas<F>(
    /// Draws the chart.
    draw: F,
    /// Accessible description.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView
where
    F: Fn(
            &DrawingArea<Backend<'static>, plotters::coord::Shift>,
            &Style,
        ) -> Option<crate::charts::DrawResult>
        + Send
        + Sync
        + 'static,
{
    let plot = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        resized.track();
        let (Some(el), Some(plot)) = (canvas.get(), plot.get()) else {
            return;
        };
        let dpr = window().device_pixel_ratio().max(1.0);
        let w = f64::from(plot.client_width().max(200));
        let h = f64::from(plot.client_height().max(120));
        el.set_width((w * dpr) as u32);
        el.set_height((h * dpr) as u32);
        let style = Style {
            scale: dpr,
            dir: Direction::shown(),
        };
        let Some(backend) = Backend::canvas(&el, style.dir) else {
            return;
        };
        let area = backend.into_drawing_area();
        if let Some(Err(e)) = draw(&area, &style) {
            leptos::logging::warn!("embedded chart could not be drawn: {e}");
        }
        let _ = area.present();
    });
    view! {
        <div class="embed-plot" node_ref=plot>
            <canvas id="embed-canvas" node_ref=canvas role="img" aria-label=move || label.get()></canvas>
        </div>
    }
}
