//! The persistence boundary: the only module that reads or writes the URL or local storage,
//! and the one place their keys are spelled. The URL's query string is the scenario's
//! `to_query` form (see `index_core::scenario` for the parameters); saved scenarios are stored
//! one per key ([`StorageKey`]) as versioned JSON.

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

/// The URL parameter that asks for the embed page, naming the chart (`?embed=bars&…`).
pub const EMBED_PARAM: &str = "embed";
/// The URL parameter of a pinned embed: the edition id of the data it was made with.
pub const EDITION_PARAM: &str = "ed";

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
#[cfg(feature = "bench")]
pub fn bench_requested() -> Option<String> {
    let query = current_query();
    query.trim_start_matches('?').split('&').find_map(|p| {
        p.strip_prefix("bench")
            .map(|v| v.trim_start_matches('=').to_string())
    })
}

// ---- saved scenarios in local storage ---------------------------------------------------

/// Storage keys: the one place they are spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageKey {
    /// One saved scenario, by id. Each scenario has its own key, so that a corrupt entry never
    /// takes the others with it.
    Scenario(u64),
}

/// Prefix of scenario keys.
const SCENARIO_PREFIX: &str = "index-explorer:scenario:";

impl StorageKey {
    /// The key as stored.
    pub fn text(self) -> String {
        match self {
            StorageKey::Scenario(id) => format!("{SCENARIO_PREFIX}{id}"),
        }
    }

    /// The key for `text`, if it is one of ours.
    pub fn parse(text: &str) -> Option<StorageKey> {
        text.strip_prefix(SCENARIO_PREFIX)?
            .parse()
            .ok()
            .map(StorageKey::Scenario)
    }
}

/// A saved scenario: its id (milliseconds since 1970 when first saved) and content. Stored as
/// the scenario's versioned JSON (`Scenario::to_json`), so every earlier format still opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Id (also its storage key).
    pub id: u64,
    /// The scenario, with its name.
    pub scenario: Scenario,
}

/// Local storage, or why it cannot be used. Uses web-sys directly rather than gloo-storage:
/// gloo's accessors throw when storage is disabled, which would abort the app.
fn storage() -> Result<web_sys::Storage, String> {
    match window().local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err("browser storage is unavailable (private browsing or disabled by a setting): saved scenarios cannot be kept after this page closes — export them to a file instead".into()),
    }
}

fn js_error_name(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Every saved scenario, oldest first, and a message for each entry that could not be read
/// (left untouched in storage, so nothing is lost).
pub fn load_saved() -> (Vec<Saved>, Vec<String>) {
    let store = match storage() {
        Ok(s) => s,
        Err(e) => return (Vec::new(), vec![format!("Saved scenarios: {e}.")]),
    };
    let mut saved = Vec::new();
    let mut problems = Vec::new();
    let n = store.length().unwrap_or(0);
    for i in 0..n {
        let Ok(Some(key)) = store.key(i) else {
            continue;
        };
        let Some(StorageKey::Scenario(id)) = StorageKey::parse(&key) else {
            continue;
        };
        match store.get_item(&key) {
            Ok(Some(text)) => match Scenario::from_json(&text) {
                Ok(scenario) => saved.push(Saved { id, scenario }),
                Err(e) => problems.push(format!(
                    "A saved scenario (storage entry `{key}`) could not be read and was left as it is: {e}."
                )),
            },
            _ => problems.push(format!("A saved scenario (storage entry `{key}`) could not be read.")),
        }
    }
    index_core::order::sort_by_key(&mut saved, |s| s.id);
    (saved, problems)
}

/// Where a saved scenario is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// In local storage.
    Stored,
    /// Storage is unavailable (some private modes, or a setting blocking site data): only in
    /// the page, until it closes.
    ForThisVisit,
}

/// Saves (or overwrites) a scenario.
///
/// # Errors
/// A message for people: storage full, or another refusal.
pub fn save(saved: &Saved) -> Result<Kept, String> {
    let Ok(store) = storage() else {
        return Ok(Kept::ForThisVisit);
    };
    store
        .set_item(&StorageKey::Scenario(saved.id).text(), &saved.scenario.to_json())
        .map(|()| Kept::Stored)
        .map_err(|e| {
            if js_error_name(&e).contains("Quota") {
                "browser storage is full: the scenario was not saved. Export your scenarios to a file, or delete some".to_string()
            } else {
                format!("the browser refused to store the scenario ({})", js_error_name(&e))
            }
        })
}

/// Deletes a saved scenario (nothing to do when storage is unavailable: nothing was stored).
///
/// # Errors
/// A message for people when the browser refuses.
pub fn remove(id: u64) -> Result<(), String> {
    let Ok(store) = storage() else {
        return Ok(());
    };
    store
        .remove_item(&StorageKey::Scenario(id).text())
        .map_err(|e| {
            format!(
                "the browser refused to delete the scenario ({})",
                js_error_name(&e)
            )
        })
}

/// A fresh id: now in milliseconds, moved on past any id in use.
pub fn new_id(existing: &[Saved]) -> u64 {
    let now = js_sys::Date::now().max(0.0) as u64;
    let max = existing.iter().map(|s| s.id).max().unwrap_or(0);
    now.max(max + 1)
}
