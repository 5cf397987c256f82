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

use crate::state::{AppState, Level};

/// Reads the page's link, reporting each malformed parameter as a notice (the parameter is
/// left at its default, the rest apply).
pub fn read_url(state: &AppState) -> Link {
    let link = parse_link(&current_query());
    for e in &link.errors {
        state.notify(
            Level::Warning,
            format!("Part of the link was ignored: {e}."),
        );
    }
    link
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

/// Keeps the URL in step with the state: every change replaces the query string (no history
/// entry per slider step), so that reloading or sharing the link shows the same view.
pub fn sync_url(state: AppState) {
    Effect::new(move |_| {
        if !state.loading.settled.get() {
            return;
        }
        let Some(scenario) = state.scenario() else {
            return;
        };
        let query = format!("?{}", scenario.to_query());
        if query == current_query() {
            return;
        }
        if let Ok(history) = window().history() {
            let path = window().location().pathname().unwrap_or_default();
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}")),
            );
        }
    });
}
