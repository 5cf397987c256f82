//! The persistence boundary: the only module that reads or writes the URL (and, later, local
//! storage). The URL's query string is the scenario's `to_query` form; see
//! `index_core::scenario` for the parameters.

use index_core::scenario::Scenario;
use leptos::prelude::*;

use crate::state::{AppState, Level};

/// Reads the page's query string into a scenario, reporting each malformed parameter as a
/// notice (the parameter is left at its default, the rest apply).
pub fn read_url(state: &AppState) -> Scenario {
    let query = window().location().search().unwrap_or_default();
    let (scenario, errors) = Scenario::from_query(&query);
    for e in errors {
        state.notify(
            Level::Warning,
            format!("Part of the link was ignored: {e}."),
        );
    }
    scenario
}

/// The current query string (`?…`), for tests and the bench page.
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Keeps the URL in step with the state: every change replaces the query string (no history
/// entry per slider step), so that reloading or sharing the link shows the same view.
pub fn sync_url(state: AppState) {
    Effect::new(move |_| {
        if !state.url_ready.get() {
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

/// Whether the page was opened with `?bench` (the in-browser benchmark harness).
pub fn bench_requested() -> Option<String> {
    let query = current_query();
    query.trim_start_matches('?').split('&').find_map(|p| {
        p.strip_prefix("bench")
            .map(|v| v.trim_start_matches('=').to_string())
    })
}
