//! The persistence boundary: the only module that reads or writes the URL, local storage or
//! IndexedDB (the imported datasets, [`mine`]), and the one place their keys are spelled. The URL's query string is the scenario's
//! `to_query` form (see `index_core::scenario` for the parameters); saved scenarios are the
//! [`Library`]'s, stored one per key ([`StorageKey`]) as versioned JSON.

mod library;
mod link;
pub mod mine;

use leptos::prelude::*;

pub use library::{
    use_library, KeyKind, Library, Problem, Saved, StorageKey, Unreadable, MAX_COMPARED,
};
pub use link::{parse as parse_link, EmbedRequest, Link, Param};

use crate::i18n::Lang;
use crate::state::{AppState, Level};

/// Reads the page's link (each malformed parameter is left at its default, the rest apply;
/// [`report_link`] says which).
pub fn read_url() -> Link {
    parse_link(&current_query())
}

/// Says, as a notice each, which parameters of `link` could not be read (once the page's
/// language is loaded, so that it says so in it).
pub fn report_link(state: &AppState, link: &Link) {
    for e in &link.errors {
        state.notify(
            Level::Warning,
            crate::i18n::t_with(
                &crate::i18n::messages::LINK_PART_IGNORED,
                &[("problem", e.to_string().into())],
            ),
        );
    }
}

/// The page's full address (what the Share button copies: the URL always holds the view).
pub fn page_url() -> String {
    window().location().href().unwrap_or_default()
}

/// The page's address without its query (`https://host/path/`).
pub fn page_base() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The current query string (`?…`), for tests and the bench page.
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// How long the view must have rested for a change to be written to the URL at once. A slider
/// dragged changes the view at each step: the first step is written at once, the next ones
/// once the drag pauses for this long, so no step after the first waits for the URL —
/// measured on a dataset of 50,000 units and 100 weights, `history.replaceState` took ~20 ms
/// of each slider step — and Chromium's limit on history changes (about 200 in 10 s, each
/// refused one thrown) is never near.
const URL_REST_MS: f64 = 250.0;

/// Keeps the URL in step with the state: every change replaces the query string (no history
/// entry per slider step), so that reloading or sharing the link shows the same view — in the
/// language the link asked for, if it asked for one (`lang`, kept last; a link without it opens
/// in its reader's language). A change after the view rested [`URL_REST_MS`] is written at
/// once; one that follows another sooner is written once the view has rested that long (a
/// later change replaces a write still waiting).
pub fn sync_url(state: AppState, lang: Option<Lang>) {
    let last_change = StoredValue::new(f64::NEG_INFINITY);
    let pending = StoredValue::new_local(None::<gloo::timers::callback::Timeout>);
    let now = || window().performance().map_or(0.0, |p| p.now());
    Effect::new(move |_| {
        if !state.loading.settled.get() {
            return;
        }
        let Some(scenario) = state.scenario() else {
            return;
        };
        let mut query = format!("?{}", scenario.to_query());
        if let Some(lang) = lang {
            query.push_str(&format!("&{}={}", Param::Lang.key(), lang.code()));
        }
        // Dropping a waiting write's timer cancels it.
        pending.set_value(None);
        if query == current_query() {
            return;
        }
        let rested = now() - last_change.get_value() >= URL_REST_MS;
        last_change.set_value(now());
        let write = move || {
            if let Ok(history) = window().history() {
                let path = window().location().pathname().unwrap_or_default();
                let url = format!("{path}{query}");
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        };
        if rested {
            write();
        } else {
            let timer = gloo::timers::callback::Timeout::new(URL_REST_MS as u32, write);
            pending.set_value(Some(timer));
        }
    });
}

/// Opens the page again in `lang`: the same view (the link holds it) with `lang=` set.
pub fn open_in_language(lang: Lang) {
    let kept: Vec<String> = index_core::scenario::query_pairs(&current_query())
        .filter(|(key, _)| *key != Param::Lang.key())
        .map(|(key, value)| {
            format!(
                "{key}={}",
                String::from(js_sys::encode_uri_component(&value))
            )
        })
        .collect();
    let mut query = kept.join("&");
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str(&format!("{}={}", Param::Lang.key(), lang.code()));
    let _ = window().location().set_search(&query);
}
