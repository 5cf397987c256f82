//! Sharing and downloads for one chart: a compact row of buttons (share link · embed · PNG · SVG · CSV
//! of the rows shown or of everything · sources) and the Share and Embed dialogs. The dialogs
//! are native modal `<dialog>`s: focus moves in when they open, Esc closes them, and focus goes
//! back to the button that opened them. File contents come from [`crate::export`]; the browser
//! side from [`crate::download`].

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::charts::{ChartKind, Direction};
use crate::download;
use crate::export::{
    self, Metadata, Pinning, DOWNLOAD_SIZE, EMBED_HEIGHT, EMBED_SIZE, EMBED_WIDTH,
};
use crate::i18n::{messages, t, t_with, Msg};
use crate::persist::{page_base, page_url};
use crate::state::{use_state, AppState, Level, PerformerKey, SortKey};
use crate::view_model::{self, group_short, ChartView};

/// Copies `text` to the clipboard.
///
/// # Errors
/// Why it could not (no clipboard in this context, or the browser refused).
async fn copy_text(text: String) -> Result<(), String> {
    let nav = window().navigator();
    let available = js_sys::Reflect::get(&nav, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !available {
        return Err(t(&messages::NO_CLIPBOARD));
    }
    wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| t(&messages::COPY_REFUSED))
}

/// Selects the text of the element `id` (an input or textarea), so that Ctrl+C copies it.
fn select(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

/// Copies `text`, then says how it went in `status`; on failure selects field `id` instead.
fn copy_into(text: String, status: RwSignal<String>, id: &'static str) {
    status.set(t(&messages::COPYING));
    spawn_local(async move {
        match copy_text(text).await {
            Ok(()) => status.set(t(&messages::COPIED)),
            Err(e) => {
                select(id);
                status.set(t_with(&messages::NOT_COPIED, &[("why", e.into())]));
            }
        }
    });
}

/// How the table is sorted, for people.
fn sort_text(state: AppState, sort: (SortKey, bool)) -> String {
    let (key, descending) = sort;
    let key = match key {
        SortKey::Rank => "rank".to_string(),
        SortKey::Change => "change in rank".to_string(),
        SortKey::Name => "name".to_string(),
        SortKey::Node(n) => state
            .inputs
            .bundle()
            .with_untracked(|b| {
                b.as_ref()
                    .and_then(|b| b.framework().node(n).map(|s| s.name.clone()))
            })
            .unwrap_or_else(|| "a pillar".into()),
    };
    format!(
        "sorted by {key}{}",
        if descending { ", reversed" } else { "" }
    )
}

/// The CSV for `view`: everything, or the rows shown (the ranking table as shown for the ranked
/// bars, the chart's own figures for the other charts — the performers' in the table's current
/// order, as [`crate::components::charts_panel::chart_memo`] builds that chart's view).
fn csv_text(state: AppState, view: &ChartView, everything: bool) -> Result<String, String> {
    let not_ready = || t(&messages::NOT_LOADED_YET);
    let b = state
        .inputs
        .bundle()
        .get_untracked()
        .ok_or_else(not_ready)?;
    let r = untrack(|| state.derived.current()).ok_or_else(not_ready)?;
    let scenario = state.scenario().ok_or_else(not_ready)?;
    let year = state.inputs.year().get_untracked();
    let (table, rows) = if everything {
        (
            export::everything_table(&b, &r),
            format!("everything: every unit, its score on every node and every indicator's raw value, {year}"),
        )
    } else if view.kind == ChartKind::Bars {
        let base = untrack(|| state.derived.baseline()).ok_or_else(not_ready)?;
        let groups = state.inputs.pair().get_untracked();
        let search = state.table.search.get_untracked();
        let filter = state.table.filter.get_untracked();
        let sort = state.table.sort.get_untracked();
        let shown = view_model::rows(&b, &r, &base, &groups, &search, &filter, sort);
        let names = [group_short(&b, &groups[0]), group_short(&b, &groups[1])];
        let mut note = format!("rows shown in the ranking table: {} units", shown.len());
        if !search.trim().is_empty() {
            note.push_str(&format!(", search \"{}\"", search.trim()));
        }
        if !filter.is_empty() {
            note.push_str(&format!(", group {}", view_model::group_name(&b, &filter)));
        }
        note.push_str(&format!(", {}", sort_text(state, sort)));
        (export::shown_table(&b, &r, &shown, &names), note)
    } else if view.kind == ChartKind::Performers {
        let (key, reversed) = state.table.performers.get_untracked();
        let key = match key {
            PerformerKey::Name => "name",
            PerformerKey::Actual => "rank",
            PerformerKey::Expected => "expected rank",
            PerformerKey::Difference => "difference",
        };
        let turned = if reversed { ", turned round" } else { "" };
        (
            export::chart_table(view),
            format!("every scored economy, in the performers table's order: by {key}{turned}"),
        )
    } else {
        (
            export::chart_table(view),
            "the figures drawn in the chart".to_string(),
        )
    };
    let meta = Metadata::new(
        &b,
        view,
        &scenario,
        year,
        &page_url(),
        &rows,
        &download::now_iso(),
    )
    .with_notes_of(view);
    export::csv(&meta, &table)
}

/// A download's file name for the current dataset and year.
fn file_name(state: AppState, what: &str, ext: &str) -> String {
    let id = state
        .inputs
        .bundle()
        .with_untracked(|b| b.as_ref().map(|b| b.id().to_string()))
        .unwrap_or_default();
    export::file_name(&id, state.inputs.year().get_untracked(), what, ext)
}

/// The toolbar under a chart's title.
#[component]
pub fn ChartToolbar(
    /// Which chart.
    kind: ChartKind,
    /// The chart as shown.
    view: Memo<Option<ChartView>>,
) -> impl IntoView {
    let state = use_state();
    let share_open = RwSignal::new(false);
    let embed_open = RwSignal::new(false);
    let report = move |what: &str, result: Result<(), String>| {
        if let Err(e) = result {
            state.notify(
                Level::Error,
                t_with(
                    &messages::NOT_MADE,
                    &[("what", what.into()), ("why", e.into())],
                ),
            );
        }
    };
    let with_view = move |f: &dyn Fn(&ChartView) -> Result<(), String>| {
        view.with_untracked(|v| {
            v.as_ref()
                .map_or_else(|| Err(t(&messages::NOTHING_TO_DOWNLOAD)), f)
        })
    };
    let png = move |_| {
        let name = file_name(state, kind.name(), "png");
        report(
            "PNG",
            with_view(&|v| download::save_png(&name, v, DOWNLOAD_SIZE, Direction::shown())),
        );
    };
    let svg = move |_| {
        let name = file_name(state, kind.name(), "svg");
        report(
            "SVG",
            with_view(&|v| {
                let svg = export::chart_svg(v, DOWNLOAD_SIZE, Direction::shown())?;
                download::save_text(&name, "image/svg+xml;charset=utf-8", &svg)
            }),
        );
    };
    let csv = move |everything: bool| {
        let what = if everything {
            "all-data".to_string()
        } else {
            format!("{}-shown", kind.name())
        };
        let name = file_name(state, &what, "csv");
        report(
            "CSV",
            with_view(&|v| {
                let text = csv_text(state, v, everything)?;
                download::save_text(&name, "text/csv;charset=utf-8", &text)
            }),
        );
    };
    let shown_title = t(match kind {
        ChartKind::Bars => &messages::CSV_SHOWN_RANKING,
        ChartKind::Performers => &messages::CSV_SHOWN_PERFORMERS,
        _ => &messages::CSV_SHOWN_CHART,
    });
    view! {
        <div class="chart-tools" role="group" aria-label=t(&messages::SHARE_AND_DOWNLOAD)>
            <button type="button" class="tool share-link" on:click=move |_| share_open.set(true)
                title=t(&messages::SHARE_LINK_TITLE)>{t(&messages::SHARE_LINK)}</button>
            <button type="button" class="tool embed-open" on:click=move |_| embed_open.set(true)
                title=t(&messages::EMBED_TITLE)>{t(&messages::EMBED)}</button>
            <span class="tool-sep" aria-hidden="true"></span>
            <button type="button" class="tool dl-png" on:click=png title=t(&messages::PNG_TITLE)>"PNG"</button>
            <button type="button" class="tool dl-svg" on:click=svg title=t(&messages::SVG_TITLE)>"SVG"</button>
            <button type="button" class="tool dl-csv-shown" on:click=move |_| csv(false) title=shown_title>{t(&messages::CSV_SHOWN)}</button>
            <button type="button" class="tool dl-csv-all" on:click=move |_| csv(true)
                title=t(&messages::CSV_ALL_TITLE)>{t(&messages::CSV_ALL)}</button>
            <span class="tool-sep" aria-hidden="true"></span>
            <a class="tool sources-link" href="#sources">{t(&messages::SOURCES)}</a>
        </div>
        <Show when=move || share_open.get()>
            <ShareDialog open=share_open/>
        </Show>
        <Show when=move || embed_open.get()>
            <EmbedDialog open=embed_open kind=kind view=view/>
        </Show>
    }
}

/// A modal dialog: opened with `showModal` when mounted, so focus moves in (to the element
/// marked `autofocus`) and Esc closes it; closing sets `open` to false.
#[component]
fn Modal(
    /// Whether it is shown (set to false when it closes).
    open: RwSignal<bool>,
    /// Element id; its heading is `<id>-h`.
    id: &'static str,
    /// Heading.
    title: String,
    /// Content.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() && d.show_modal().is_err() {
                open.set(false);
            }
        }
    });
    // Closing through the element (not by unmounting it) lets the browser give focus back.
    let close = move || match dialog.get_untracked() {
        Some(d) if d.open() => d.close(),
        _ => open.set(false),
    };
    let heading = format!("{id}-h");
    let labelled_by = heading.clone();
    view! {
        <dialog node_ref=dialog id=id class="dialog" role="dialog" aria-modal="true" aria-labelledby=labelled_by
            on:close=move |_| open.set(false)
            on:click=move |ev| {
                // A click on the backdrop lands on the dialog element itself.
                let on_backdrop = ev.target().zip(dialog.get_untracked()).is_some_and(|(t, d)| {
                    t.dyn_ref::<web_sys::Element>().is_some_and(|t| t == d.unchecked_ref::<web_sys::Element>())
                });
                if on_backdrop { close() }
            }>
            <div class="dialog-body">
                <div class="dialog-head">
                    <h2 id=heading>{title}</h2>
                    <button type="button" class="dialog-close" aria-label=t(&messages::CLOSE) on:click=move |_| close()>"×"</button>
                </div>
                {children()}
            </div>
        </dialog>
    }
}

/// Whether the dataset shown is an import kept only in this browser.
fn state_of_mine() -> bool {
    use_state()
        .inputs
        .bundle()
        .with_untracked(|b| b.as_ref().is_some_and(|b| crate::state::is_mine(b.id())))
}

/// A note that a link to imported data opens it only in this browser, if it is such data.
fn mine_hint(mine: bool, text: &Msg) -> impl IntoView {
    let text = mine.then(|| t(text));
    text.map(|text| view! { <p class="hint mine-hint">{text}</p> })
}

/// The Share dialog: copies the page's link and shows it (with its length) in a field to copy
/// by hand where the clipboard is unavailable.
#[component]
fn ShareDialog(open: RwSignal<bool>) -> impl IntoView {
    let url = page_url();
    let status = RwSignal::new(String::new());
    copy_into(url.clone(), status, "share-url");
    let length = url.chars().count();
    let again = url.clone();
    view! {
        <Modal open=open id="share-dialog" title=t(&messages::SHARE_THIS_VIEW)>
            <p class="hint">{t(&messages::SHARE_HINT)}</p>
            {mine_hint(state_of_mine(), &messages::SHARE_MINE)}
            <label class="dialog-field" for="share-url">{t(&messages::LINK)}</label>
            <input id="share-url" class="share-url" type="text" readonly=true autofocus=true value=url.clone()
                on:focus=move |_| select("share-url")/>
            <p class="share-meta">
                <span id="share-length">{t_with(&messages::CHARACTERS, &[("count", length.into())])}</span>
                " · "
                <span id="share-status" role="status">{move || status.get()}</span>
            </p>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| copy_into(again.clone(), status, "share-url")>{t(&messages::COPY_AGAIN)}</button>
            </div>
        </Modal>
    }
}

/// The Embed dialog: size, live or fixed, the `<iframe>` code and a live preview.
#[component]
fn EmbedDialog(
    open: RwSignal<bool>,
    kind: ChartKind,
    view: Memo<Option<ChartView>>,
) -> impl IntoView {
    let state = use_state();
    let width = RwSignal::new(EMBED_SIZE.0);
    let height = RwSignal::new(EMBED_SIZE.1);
    let pinning = RwSignal::new(Pinning::Live);
    let status = RwSignal::new(String::new());
    let src = Memo::new(move |_| {
        let b = state.inputs.bundle().get()?;
        let scenario = state.scenario()?;
        let query = export::embed_query(
            kind,
            &scenario,
            pinning.get(),
            state.inputs.year().get(),
            &export::edition_id(&b),
            match kind {
                ChartKind::Map => Some(state.table.map_node.get()).filter(|n| !n.is_empty()),
                _ => state.table.trend_node.get(),
            }
            .as_deref(),
            crate::i18n::current().lang,
        );
        Some(format!("{}{query}", page_base()))
    });
    let title = move || view.with(|v| v.as_ref().map(|v| v.title.clone()).unwrap_or_default());
    let code = Memo::new(move |_| {
        src.get()
            .map(|s| export::iframe_code(&s, width.get(), height.get(), &title()))
            .unwrap_or_default()
    });
    // The preview is scaled down to the dialog's width.
    let frame = NodeRef::<leptos::html::Div>::new();
    let room = RwSignal::new(0i32);
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            room.set(el.client_width());
        }
    };
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        if frame.get().is_some() {
            measure();
        }
    });
    let scale = move || {
        let r = f64::from(room.get());
        let w = f64::from(width.get());
        if r > 0.0 && w > r {
            r / w
        } else {
            1.0
        }
    };
    let size_input = move |id: &'static str,
                           label: String,
                           value: RwSignal<u32>,
                           range: (u32, u32)| {
        view! {
            <label class="dialog-field inline" for=id>{label}</label>
            <input id=id type="number" min=range.0.to_string() max=range.1.to_string() step="10"
                prop:value=move || value.get().to_string()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    match text.trim().parse::<f64>() {
                        Ok(x) if x.is_finite() => value.set(export::clamp_size(x.round().max(0.0) as u32, range)),
                        _ => value.notify(),
                    }
                }/>
            <span class="unit">"px"</span>
        }
    };
    let pin_radio = move |p: Pinning, id: &'static str, label: String, hint: String| {
        view! {
            <label class="radio" for=id>
                <input type="radio" id=id name="embed-pinning" value=id
                    prop:checked=move || pinning.get() == p
                    on:change=move |_| pinning.set(p)/>
                <span><strong>{label}</strong>" — "{hint}</span>
            </label>
        }
    };
    view! {
        <Modal open=open id="embed-dialog" title=t(&messages::EMBED_THIS_CHART)>
            {mine_hint(state_of_mine(), &messages::EMBED_MINE)}
            <div class="embed-options">
                <div class="embed-size">
                    {size_input("embed-width", t(&messages::WIDTH), width, EMBED_WIDTH)}
                    {size_input("embed-height", t(&messages::HEIGHT), height, EMBED_HEIGHT)}
                </div>
                <fieldset class="embed-pinning">
                    <legend>{t(&messages::EMBED_DATA)}</legend>
                    {pin_radio(Pinning::Live, "embed-live", t(&messages::LIVE), t(&messages::LIVE_HINT))}
                    {pin_radio(Pinning::Fixed, "embed-fixed", t(&messages::FIXED), t(&messages::FIXED_HINT))}
                </fieldset>
            </div>
            <label class="dialog-field" for="embed-code">{t(&messages::EMBED_CODE)}</label>
            <textarea id="embed-code" readonly=true rows="4" autofocus=true prop:value=move || code.get()
                on:focus=move |_| select("embed-code")></textarea>
            <div class="dialog-actions">
                <button type="button" id="embed-copy" on:click=move |_| copy_into(code.get_untracked(), status, "embed-code")>{t(&messages::COPY_CODE)}</button>
                <span id="embed-status" role="status">{move || status.get()}</span>
            </div>
            <h3 class="preview-h">{t(&messages::PREVIEW)}
                <span class="hint">{move || {
                    let s = scale();
                    if s < 1.0 { format!(" {}", t_with(&messages::PREVIEW_SCALED, &[("size", format!("{} × {} px", width.get(), height.get()).into()), ("share", format!("{:.0} %", s * 100.0).into())])) }
                    else { format!(" {} × {} px", width.get(), height.get()) }
                }}</span>
            </h3>
            <div class="embed-preview" node_ref=frame
                style=move || format!("height:{:.0}px", f64::from(height.get()) * scale())>
                {move || src.get().map(|s| view! {
                    <iframe src=s width=move || width.get().to_string() height=move || height.get().to_string()
                        title=move || t_with(&messages::PREVIEW_OF, &[("title", title().into())])
                        style=move || format!("border:0;transform:scale({});transform-origin:0 0", scale())></iframe>
                })}
            </div>
        </Modal>
    }
}
