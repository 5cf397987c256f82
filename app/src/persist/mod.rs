//! The persistence boundary: the only module that reads or writes the URL, local storage or
//! IndexedDB (the imported datasets, [`mine`]), and the one place their keys are spelled. The URL's query string is the scenario's
//! `to_query` form (see `index_core::scenario` for the parameters); saved scenarios are the
//! [`Library`]'s, stored one per key ([`StorageKey`]) as versioned JSON.

mod library;
mod link;
pub mod mine;

use leptos::prelude::*;

pub use library::{use_library, KeyKind, Library, Saved, StorageKey, Unreadable, MAX_COMPARED};
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

/// Least time between two writes of the URL while the view keeps changing (a slider dragged).
/// Chromium refuses history changes beyond about 200 in 10 s and throws on each refused one —
/// measured, 25 ms of a slider step on a dataset of 100 weights went to the exception; one
/// write per 150 ms stays well within the limit.
const URL_EVERY_MS: f64 = 150.0;

/// Keeps the URL in step with the state: every change replaces the query string (no history
/// entry per slider step), so that reloading or sharing the link shows the same view — in the
/// language the link asked for, if it asked for one (`lang`, kept last; a link without it opens
/// in its reader's language). A change is written at once unless the last write was under
/// [`URL_EVERY_MS`] ago; then the latest view is written when that time is up.
pub fn sync_url(state: AppState, lang: Option<Lang>) {
    let last = StoredValue::new(f64::NEG_INFINITY);
    let pending = StoredValue::new_local(None::<gloo::timers::callback::Timeout>);
    let now = || window().performance().map_or(0.0, |p| p.now());
    let write = move |query: &str| {
        last.set_value(now());
        if let Ok(history) = window().history() {
            let path = window().location().pathname().unwrap_or_default();
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}")),
            );
        }
    };
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
        // A later view replaces a write still waiting (dropping its timer cancels it).
        pending.set_value(None);
        if query == current_query() {
            return;
        }
        let wait = last.get_value() + URL_EVERY_MS - now();
        if wait <= 0.0 {
            write(&query);
        } else {
            let timer = gloo::timers::callback::Timeout::new(wait.ceil() as u32, move || {
                write(&query);
            });
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
