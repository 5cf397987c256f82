//! Fetching the catalogue and the bundles built by `index data build` (served under `data/`).

use gloo::net::http::Request;
use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use leptos::prelude::*;
use leptos::task::spawn_local;

use std::sync::Arc;

use crate::i18n::{messages, t_with};
use crate::state::{is_mine, AppState, CatalogueEntry, Level, Status, Ticket};

/// The dataset shown when the link names none. `index.html` preloads its file and
/// `scripts/post-build.sh` prerenders its ranking: change them with it.
pub const DEFAULT_BUNDLE: &str = "ftri";

/// Fetches and parses the catalogue.
///
/// # Errors
/// A message naming the file and what went wrong.
pub async fn fetch_catalogue() -> Result<Vec<CatalogueEntry>, String> {
    let t = fetch_text("data/catalogue.json").await?;
    serde_json::from_str::<Vec<CatalogueEntry>>(&t)
        .map_err(|e| format!("data/catalogue.json is not a valid catalogue: {e}"))
}

/// Fetches and validates one bundle.
///
/// # Errors
/// A message naming the file and what went wrong.
pub async fn fetch_bundle(entry: &CatalogueEntry) -> Result<Bundle, String> {
    let path = bundle_url(entry);
    fetch_text(&path)
        .await
        .and_then(|t| parse_bundle(&path, &t))
}

/// Reads and validates a bundle's JSON text (a fetched file's, or an import's), errors naming
/// `name`.
///
/// # Errors
/// The text is not a valid bundle.
pub fn parse_bundle(name: &str, text: &str) -> Result<Bundle, String> {
    Bundle::from_json(text).map_err(|e| format!("{name}: {e}"))
}

/// The world map's geometry file (`data/map.json`), as text: fetched by the map's panel the
/// first time it is shown.
pub async fn fetch_map() -> Result<String, String> {
    fetch_text("data/map.json").await
}

/// Fetches a file of the site as text.
///
/// # Errors
/// A message naming the file and what went wrong.
pub(crate) async fn fetch_text(path: &str) -> Result<String, String> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| format!("could not fetch {path}: {e}"))?;
    if !response.ok() {
        return Err(format!(
            "could not fetch {path}: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    response
        .text()
        .await
        .map_err(|e| format!("could not read {path}: {e}"))
}

/// Where the page loads a catalogue entry's bundle from (relative to the page): `data/<file>`.
/// The background worker fetches the same file ([`crate::worker_client::submit`]).
pub fn bundle_url(entry: &CatalogueEntry) -> String {
    format!("data/{}", entry.file)
}

/// Loads the catalogue, then the bundle the link asks for (or the default), then applies the
/// rest of the link's scenario.
pub fn start(state: AppState, scenario: Scenario) {
    spawn_local(async move {
        let catalogue = match fetch_catalogue().await {
            Ok(c) => c,
            Err(e) => {
                state.loading.status.set(Status::Failed(format!(
                    "The list of datasets could not be loaded ({e}). Were the data bundles built? \
                     Run `bash scripts/serve.sh`."
                )));
                return;
            }
        };
        let mut scenario = scenario;
        let wanted = if scenario.bundle.is_empty() {
            DEFAULT_BUNDLE.to_string()
        } else if catalogue.iter().any(|c| c.id == scenario.bundle) {
            scenario.bundle.clone()
        } else if is_mine(&scenario.bundle) {
            // Imported data lives in this browser's storage, which the "your data" part reads
            // once loaded: the default view until then (or a notice if it is not stored here).
            state.loading.mine.open(scenario);
            scenario = Scenario::default();
            DEFAULT_BUNDLE.to_string()
        } else {
            state.notify(
                Level::Warning,
                format!(
                    "The link asks for dataset `{}`, which does not exist; showing the default.",
                    scenario.bundle
                ),
            );
            DEFAULT_BUNDLE.to_string()
        };
        state.loading.catalogue.set(catalogue);
        load(state, wanted, scenario).await;
        state.loading.settled.set(true);
    });
}

/// Opens a saved scenario: applied to the dataset shown, or its own dataset loaded first.
pub fn open(state: AppState, scenario: Scenario) {
    let same = state
        .inputs
        .bundle()
        .with_untracked(|b| b.as_ref().is_some_and(|b| b.id() == scenario.bundle));
    if same || scenario.bundle.is_empty() {
        // What was asked for last shows: a dataset still on its way is dropped.
        state.loading.begin();
        state.inputs.apply(&scenario);
    } else {
        spawn_local(async move {
            load(state, scenario.bundle.clone(), scenario).await;
        });
    }
}

/// Switches to bundle `id` with its defaults.
pub fn switch(state: AppState, id: String) {
    spawn_local(async move {
        load(
            state,
            id.clone(),
            Scenario {
                bundle: id,
                ..Scenario::default()
            },
        )
        .await;
    });
}

async fn load(state: AppState, id: String, scenario: Scenario) {
    if is_mine(&id) {
        state.loading.mine.open(scenario);
        return;
    }
    let entry = state
        .loading
        .catalogue
        .with_untracked(|c| c.iter().find(|e| e.id == id).cloned());
    let Some(entry) = entry else {
        state.notify(
            Level::Error,
            t_with(&messages::NOT_IN_CATALOGUE, &[("dataset", id.into())]),
        );
        return;
    };
    let first = state.inputs.bundle().with_untracked(Option::is_none);
    let ticket = state.loading.begin();
    state
        .loading
        .status
        .set(Status::Loading(entry.title.clone()));
    let fetched = fetch_bundle(&entry).await;
    if !state.loading.is_latest(ticket) {
        // Another dataset was asked for while this one was on its way: that one shows.
        return;
    }
    match fetched {
        Ok(bundle) => {
            state.loading.mine.slots.update_value(|s| s.shown = None);
            show(state, bundle, &scenario);
        }
        Err(e) => {
            if first {
                state.loading.status.set(Status::Failed(format!(
                    "{} could not be loaded: {e}",
                    entry.title
                )));
            } else {
                state.loading.status.set(Status::Ready);
                state.notify(
                    Level::Error,
                    t_with(
                        &messages::DATASET_NOT_LOADED,
                        &[("dataset", entry.title.into()), ("why", e.into())],
                    ),
                );
            }
        }
    }
}

/// Shows `bundle` under `scenario` (its defaults for the parts it leaves out).
fn show(state: AppState, bundle: Bundle, scenario: &Scenario) {
    state.table.filter.set(String::new());
    state.inputs.install(bundle, scenario);
    state.loading.status.set(Status::Ready);
}

/// Shows an imported dataset from its JSON text (read by [`parse_bundle`], as a fetched file
/// is), unless a later load was asked for since `ticket`; the worker then gets the text. The
/// dataset shown is left as it was on an error.
///
/// # Errors
/// The text is not a valid bundle (naming `name`).
pub fn show_text(
    state: AppState,
    ticket: Ticket,
    name: &str,
    json: Arc<str>,
    scenario: &Scenario,
) -> Result<(), String> {
    let bundle = parse_bundle(name, &json)?;
    if state.loading.is_latest(ticket) {
        let id = bundle.id().to_string();
        state
            .loading
            .mine
            .slots
            .update_value(|s| s.shown = Some((id, json)));
        show(state, bundle, scenario);
    }
    Ok(())
}
