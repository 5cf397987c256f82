//! Fetching the catalogue and the bundles built by `index data build` (served under `data/`).

use gloo::net::http::Request;
use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use leptos::prelude::*;
use leptos::task::spawn_local;

use std::sync::Arc;

use crate::i18n::{messages, t_with, Text};
use crate::state::{is_mine, AppState, CatalogueEntry, Level, Status, Ticket};

/// The dataset shown when the link names none. `index.html` preloads its file and
/// `scripts/post-build.sh` prerenders its ranking: change them with it.
pub const DEFAULT_BUNDLE: &str = "ftri";

/// Why a file of the site could not be had. Worded when shown (`Display`, in the language
/// shown then), so that a failure met before the language loaded shows in it; the browser's
/// and the readers' own words are kept as they are.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// The request failed (the browser's words).
    Fetch { path: String, why: String },
    /// The server answered with an error status.
    Status { path: String, status: String },
    /// The answer's text could not be read (the browser's words).
    Read { path: String, why: String },
    /// The file is not a list of datasets (the reader's words).
    NotCatalogue { path: String, why: String },
    /// The file is not a valid bundle (the engine's words, naming the file).
    Invalid(String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (m, path, why) = match self {
            FileError::Fetch { path, why } => (&messages::FETCH_FAILED, path, why),
            FileError::Status { path, status } => (&messages::FETCH_STATUS, path, status),
            FileError::Read { path, why } => (&messages::READ_FAILED, path, why),
            FileError::NotCatalogue { path, why } => (&messages::NOT_A_CATALOGUE, path, why),
            FileError::Invalid(why) => return f.write_str(why),
        };
        f.write_str(&t_with(
            m,
            &[
                ("file", path.as_str().into()),
                ("problem", why.as_str().into()),
            ],
        ))
    }
}

/// Fetches and parses the catalogue.
///
/// # Errors
/// The file could not be fetched or is not a catalogue.
pub async fn fetch_catalogue() -> Result<Vec<CatalogueEntry>, FileError> {
    let path = "data/catalogue.json";
    let t = fetch_text(path).await?;
    serde_json::from_str::<Vec<CatalogueEntry>>(&t).map_err(|e| FileError::NotCatalogue {
        path: path.to_string(),
        why: e.to_string(),
    })
}

/// Fetches and validates one bundle.
///
/// # Errors
/// The file could not be fetched or is not a valid bundle.
pub async fn fetch_bundle(entry: &CatalogueEntry) -> Result<Bundle, FileError> {
    let path = bundle_url(entry);
    let text = fetch_text(&path).await?;
    parse_bundle(&path, &text).map_err(FileError::Invalid)
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
///
/// # Errors
/// The file could not be fetched, worded.
pub async fn fetch_map() -> Result<String, String> {
    fetch_text("data/map.json").await.map_err(|e| e.to_string())
}

/// Fetches a file of the site as text.
///
/// # Errors
/// The file could not be fetched or read.
pub(crate) async fn fetch_text(path: &str) -> Result<String, FileError> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| FileError::Fetch {
            path: path.to_string(),
            why: e.to_string(),
        })?;
    if !response.ok() {
        return Err(FileError::Status {
            path: path.to_string(),
            status: format!("{} {}", response.status(), response.status_text()),
        });
    }
    response.text().await.map_err(|e| FileError::Read {
        path: path.to_string(),
        why: e.to_string(),
    })
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
                state
                    .loading
                    .status
                    .set(Status::Failed(Text::later(move || {
                        t_with(
                            &messages::CATALOGUE_NOT_LOADED,
                            &[("problem", e.to_string().into())],
                        )
                    })));
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
                Text::of(
                    &messages::LINK_NO_DATASET,
                    vec![("dataset", scenario.bundle.as_str().into())],
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
                state
                    .loading
                    .status
                    .set(Status::Failed(Text::later(move || {
                        t_with(
                            &messages::FIRST_NOT_LOADED,
                            &[
                                ("dataset", entry.title.as_str().into()),
                                ("problem", e.to_string().into()),
                            ],
                        )
                    })));
            } else {
                state.loading.status.set(Status::Ready);
                state.notify(
                    Level::Error,
                    t_with(
                        &messages::DATASET_NOT_LOADED,
                        &[
                            ("dataset", entry.title.into()),
                            ("why", e.to_string().into()),
                        ],
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
