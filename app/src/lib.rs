//! # Index Explorer — the web app
//!
//! A Leptos client-side app over `index-core` compiled to WebAssembly. One state model
//! ([`state::AppState`]: the engine's inputs behind validating setters, the results derived
//! from them, table controls, notices) and the saved-scenario library ([`persist::Library`]),
//! both created at the root and provided as contexts; components in [`components`] read them
//! and change them only through their methods; the engine runs in memos; effects only
//! synchronise with the outside world (URL in [`persist`], canvases in [`components::chart`]). Charts are
//! plain functions from precomputed data to a plotters drawing area ([`charts`]), so they also
//! render to SVG natively in tests.

#![allow(clippy::must_use_candidate)]

#[cfg(feature = "bench")]
pub mod bench;
pub mod charts;
pub mod comparison;
pub mod components;
pub mod crash;
pub mod download;
pub mod embed;
pub mod every_year;
pub mod export;
#[cfg(test)]
mod fixtures;
pub mod format;
pub mod i18n;
pub mod loader;
pub mod offline;
pub mod persist;
pub mod shared;
pub mod state;
pub mod view_model;
pub mod worker_client;

use leptos::prelude::*;

use crate::components::layout::Explorer;
use crate::state::AppState;

/// The app: provides the state, applies the link, loads the data and lays out the explorer (or,
/// for an `?embed=` link, only the embedded chart).
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let library = persist::Library::new(state.notices);
    provide_context(library);
    // The link, read once: each parameter it could not read is a notice.
    let link = persist::read_url();
    // The language: the link's, else the browser's; another than English is loaded before the
    // page is drawn (its data loads meanwhile), so that nothing shows in English first.
    let ready = language(state, &link);
    // `?embed=<chart>`: only that chart and its captions (see `embed`).
    if let Some(request) = link.embed {
        let scenario = link.scenario;
        return view! {
            {move || ready.get().then(|| {
                let load = components::deferred::embedded(request.clone(), scenario.clone());
                view! { <components::deferred::Deferred what=i18n::messages::PART_CHART load=load/> }
            })}
        }
        .into_any();
    }
    // Only the embeds may be framed (a meta policy cannot say so; see index.html): inside
    // another page's frame, the explorer's controls are not drawn, so they cannot be
    // overlaid and clicked through.
    if framed() {
        remove_boot();
        return view! { <Framed/> }.into_any();
    }
    if !start_bench(state, link.bench) {
        library.restore();
        library.follow_other_tabs();
        loader::start(state, link.scenario);
    }
    persist::sync_url(state, link.lang);
    view! { {move || ready.get().then(|| view! { <Explorer/> })} }.into_any()
}

/// Shows the page in the language `from_link` asks for, else the browser's preferred one
/// ([`i18n::page_language`]): whether its texts are ready (at once for English; another
/// language's once loaded — or, if it cannot be, the page stays in English with a notice).
#[cfg(target_arch = "wasm32")]
fn language(state: AppState, link: &persist::Link) -> RwSignal<bool> {
    let lang = i18n::page_language(link.lang);
    let ready = RwSignal::new(lang == i18n::Lang::En);
    if lang == i18n::Lang::En {
        persist::report_link(&state, link);
    } else {
        let link = link.clone();
        i18n::show_on_page(lang);
        leptos::task::spawn_local(async move {
            match i18n::load(lang).await {
                Ok(catalogue) => i18n::set(catalogue),
                Err(problem) => {
                    i18n::show_on_page(i18n::Lang::En);
                    state.notify(
                        state::Level::Warning,
                        i18n::t_with(
                            &i18n::messages::LANGUAGE_FAILED,
                            &[
                                ("language", lang.native_name().into()),
                                ("problem", problem.into()),
                            ],
                        ),
                    );
                }
            }
            persist::report_link(&state, &link);
            ready.set(true);
        });
    }
    ready
}

/// Natively (tests) the page is English.
#[cfg(not(target_arch = "wasm32"))]
fn language(state: AppState, link: &persist::Link) -> RwSignal<bool> {
    persist::report_link(&state, link);
    RwSignal::new(true)
}

/// Whether the page is shown in another page's frame.
fn framed() -> bool {
    let w = window();
    w.top().ok().flatten().is_some_and(|top| top != w)
}

/// What a framed explorer shows instead of itself: a link that opens it in its own tab.
#[component]
fn Framed() -> impl IntoView {
    let href = window().location().href().unwrap_or_default();
    view! {
        <main class="page framed-note">
            <p>
                {i18n::t(&i18n::messages::FRAMED)}" "
                <a href=href target="_blank" rel="noopener">{i18n::t(&i18n::messages::OPEN_APP)}</a>
            </p>
        </main>
    }
}

/// Starts the in-browser benchmark instead of the saved state and the link's data, if the page
/// asks for it (`?bench=…`); whether it did.
#[cfg(feature = "bench")]
fn start_bench(state: AppState, asked: Option<String>) -> bool {
    let Some(which) = asked else {
        return false;
    };
    bench::start(state, which);
    true
}

/// Builds without the `bench` feature have no benchmark: `?bench` is ignored.
#[cfg(not(feature = "bench"))]
fn start_bench(_: AppState, _: Option<String>) -> bool {
    false
}

/// Mounts the app into the page body. The boot view (the header and, for the default view, the
/// ranking written in at build time) stays on top of the app until the app's own first ranking
/// is on screen or it knows it has none to show ([`remove_boot`]), so the ranking never
/// disappears while the data arrives; without a prerendered ranking it is removed at once.
pub fn mount() {
    if let Some(boot) = document().get_element_by_id("boot") {
        let prerendered = document()
            .get_element_by_id("prerendered")
            .is_some_and(|p| !p.has_attribute("hidden"));
        if prerendered {
            boot.set_class_name("boot over");
        } else {
            boot.remove();
        }
    }
    leptos::mount::mount_to_body(App);
}

/// Removes the boot view, if it is still there.
pub fn remove_boot() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}
