//! The app's state, in one shape, created once at the root and provided as a context:
//!
//! - [`Inputs`]: the engine's inputs, behind validating setters (the only way to change them);
//! - [`Derived`]: what the engine computes from them, each result once per change, shared;
//! - [`TableUi`]: the ranking table's search, filter and sort, the performers table's sort;
//! - [`Notices`]: messages for the person;
//! - [`RobustnessUi`]: the uncertainty analysis asked of the worker, and its last result;
//! - the catalogue of datasets and what is loading ([`Loading`]).
//!
//! Saved scenarios are not here: they are `persist`'s ([`crate::persist::Library`]), so that
//! `persist` depends on the state and not the other way round.

mod derived;
mod inputs;
mod notices;
mod robustness;
mod table;

use std::sync::Arc;

use index_core::scenario::Scenario;
use leptos::prelude::*;
use serde::Deserialize;

use crate::worker_client::Origin;

pub use derived::{prepare_all, Derived, GroupsByYear, PerformersNow, Scored, YearData};
pub use inputs::{first_two, Inputs};
pub use notices::{Level, Notice, Notices};
pub use robustness::{RobustnessUi, Running};
pub use table::{PerformerKey, SortKey, TableUi};

/// One entry of `data/catalogue.json`, written by `index data build`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CatalogueEntry {
    /// Bundle id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// File name under `data/`.
    pub file: String,
    /// Year shown first.
    pub default_year: i32,
    /// Years with data.
    #[serde(default)]
    pub years: Vec<i32>,
}

/// The prefix of every imported dataset's id.
pub const MINE_PREFIX: &str = "mine-";

/// Whether `id` names an imported dataset (which lives only in the browser that imported it).
pub fn is_mine(id: &str) -> bool {
    id.starts_with(MINE_PREFIX)
}

/// The datasets imported in this browser. Their storage and opening are the "your data"
/// part's (a deferred part; `persist::mine`); the main module only lists them in the picker
/// and asks for one.
#[derive(Clone, Copy)]
pub struct Mine {
    /// The imported datasets stored in this browser, newest first, as the picker lists them
    /// (no file: `file` is empty).
    pub entries: RwSignal<Vec<CatalogueEntry>>,
    /// What is not shown: see [`MineSlots`].
    pub slots: StoredValue<MineSlots>,
}

/// The imported datasets' hand-over between the main module and the "your data" part.
#[derive(Default)]
pub struct MineSlots {
    /// The imported dataset shown, with its JSON text (the worker gets it as text).
    pub shown: Option<(String, Arc<str>)>,
    /// Opens an imported dataset under a scenario naming it (set by the "your data" part once
    /// it is loaded).
    pub open: Option<Callback<Scenario>>,
    /// An imported dataset asked for (by the link) before the part could open it.
    pub pending: Option<Scenario>,
}

impl Mine {
    fn new() -> Self {
        Mine {
            entries: RwSignal::new(Vec::new()),
            slots: StoredValue::new(MineSlots::default()),
        }
    }

    /// Opens the imported dataset `scenario` names, or keeps it for the "your data" part to
    /// open once loaded.
    pub fn open(&self, scenario: Scenario) {
        let open = self.slots.with_value(|s| s.open);
        match open {
            Some(open) => open.run(scenario),
            None => self.slots.update_value(|s| s.pending = Some(scenario)),
        }
    }
}

/// What is being loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Loading something, described for people.
    Loading(String),
    /// Ready.
    Ready,
    /// Nothing could be shown (first load failed): why, worded when shown.
    Failed(crate::i18n::Text),
}

/// The datasets on offer and what is loading. Written by `loader` (and the embed and bench
/// pages, which load their own way).
#[derive(Clone, Copy)]
pub struct Loading {
    /// Bundles available.
    pub catalogue: RwSignal<Vec<CatalogueEntry>>,
    /// Loading status.
    pub status: RwSignal<Status>,
    /// Whether the link's state has been applied (the URL is not written before).
    pub settled: RwSignal<bool>,
    /// The datasets imported in this browser.
    pub mine: Mine,
    /// The latest load asked for: a load answered after a later one was asked for is dropped.
    latest: StoredValue<u64>,
}

/// A ticket for one load: see [`Loading::begin`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

impl Loading {
    fn new() -> Self {
        Loading {
            catalogue: RwSignal::new(Vec::new()),
            status: RwSignal::new(Status::Loading("the list of datasets".into())),
            settled: RwSignal::new(false),
            mine: Mine::new(),
            latest: StoredValue::new(0),
        }
    }

    /// Starts a load: its ticket is the latest until another load begins.
    pub fn begin(&self) -> Ticket {
        self.latest.update_value(|n| *n += 1);
        Ticket(self.latest.get_value())
    }

    /// Whether `ticket` is still the latest load asked for (else its answer is dropped).
    pub fn is_latest(&self, ticket: Ticket) -> bool {
        self.latest.get_value() == ticket.0
    }
}

/// All the app's state. `Copy`: handles.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The engine's inputs.
    pub inputs: Inputs,
    /// Results derived from them.
    pub derived: Derived,
    /// The ranking table's controls.
    pub table: TableUi,
    /// Notices.
    pub notices: Notices,
    /// Catalogue and loading status.
    pub loading: Loading,
    /// The uncertainty analysis.
    pub robustness: RobustnessUi,
}

impl AppState {
    /// Creates the state (empty until a bundle is loaded).
    pub fn new() -> Self {
        let notices = Notices::new();
        let inputs = Inputs::new(notices);
        AppState {
            inputs,
            derived: Derived::new(inputs),
            table: TableUi::new(),
            notices,
            loading: Loading::new(),
            robustness: RobustnessUi::new(),
        }
    }

    /// Adds a notice.
    pub fn notify(&self, level: Level, text: impl Into<crate::i18n::Text>) {
        self.notices.notify(level, text);
    }

    /// Where the worker gets bundle `id`: the file the page loaded it from, or, for an imported
    /// dataset shown, its JSON text.
    pub fn bundle_url(&self, id: &str) -> Option<Origin> {
        self.loading
            .catalogue
            .with_untracked(|c| c.iter().find(|e| e.id == id).map(crate::loader::bundle_url))
            .map(Origin::File)
            .or_else(|| {
                self.loading.mine.slots.with_value(|s| {
                    s.shown
                        .as_ref()
                        .filter(|(shown, _)| shown == id)
                        .map(|(_, json)| Origin::Text(Arc::clone(json)))
                })
            })
    }

    /// The scenario the page shows now (what the URL holds).
    pub fn scenario(&self) -> Option<Scenario> {
        self.inputs.scenario()
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The state, from the context the root provides (a component outside the app is a bug, not
/// something to paper over with a fresh state).
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
