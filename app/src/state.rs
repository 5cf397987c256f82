//! The one state model of the app: input signals, created once at the root and provided as a
//! context, and the memos derived from them (engine results, group gaps, table rows). Components
//! read these; they change inputs only through the methods here, which validate first, so the
//! state never holds an invalid weight, year or method.

use std::sync::Arc;

use index_core::bundle::Bundle;
use index_core::framework::Weights;
use index_core::groups::{self, GroupComparison};
use index_core::method::Method;
use index_core::pipeline::{self, Prepared, Results};
use index_core::scenario::{MethodChoice, Scenario};
use leptos::prelude::*;
use serde::Deserialize;

use crate::shared::Shared;

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

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something the person should know.
    Info,
    /// Something was not applied (e.g. a malformed link parameter).
    Warning,
    /// Something failed (e.g. a dataset could not be loaded).
    Error,
}

/// A message shown at the top of the page until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Identity, for dismissal.
    pub id: u64,
    /// Level.
    pub level: Level,
    /// Text.
    pub text: String,
}

/// What is being loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Loading something, described for people.
    Loading(String),
    /// Ready.
    Ready,
    /// Nothing could be shown (first load failed).
    Failed(String),
}

/// Table sort keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Rank (= score).
    Rank,
    /// Change in rank against the published weights.
    Change,
    /// Name.
    Name,
    /// Score on a framework node (a pillar).
    Node(usize),
}

/// The engine's preparation of every year under the current method, and the baseline (published
/// weights) results. Recomputed when the dataset or method changes — not when a weight moves.
#[derive(Debug)]
pub struct YearData {
    /// The method.
    pub method: Method,
    /// Years with data, ascending.
    pub years: Vec<i32>,
    /// Prepared data per year (same order as `years`).
    pub prepared: Vec<Arc<Prepared>>,
    /// Results under the framework's published weights, per year.
    pub baseline: Vec<Arc<Results>>,
}

/// Results per year under the current weights (same order as `YearData::years`).
#[derive(Debug)]
pub struct Scored {
    /// Results per year.
    pub results: Vec<Arc<Results>>,
}

/// The view a scenario sets, validated for a bundle.
struct View {
    year: i32,
    groups: [String; 2],
    weights: Weights,
    method: MethodChoice,
    selection: Option<String>,
}

/// All the app's state. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Bundles available.
    pub catalogue: RwSignal<Vec<CatalogueEntry>>,
    /// The bundle shown.
    pub bundle: RwSignal<Option<Shared<Bundle>>>,
    /// Loading status.
    pub status: RwSignal<Status>,
    /// Year shown.
    pub year: RwSignal<i32>,
    /// Weights, one per framework node (always valid for the bundle's framework; `None` before a
    /// bundle is loaded).
    pub weights: RwSignal<Option<Shared<Weights>>>,
    /// Method changes against the bundle's default.
    pub method: RwSignal<MethodChoice>,
    /// The two groups compared.
    pub groups: RwSignal<[String; 2]>,
    /// The unit followed (ISO3).
    pub selection: RwSignal<Option<String>>,
    /// Notices.
    pub notices: RwSignal<Vec<Notice>>,
    /// Ranking table: search text.
    pub search: RwSignal<String>,
    /// Ranking table: group filter (group id, empty for all).
    pub filter: RwSignal<String>,
    /// Ranking table: sort key and whether descending.
    pub sort: RwSignal<(SortKey, bool)>,
    /// Whether the URL may be written (false until the link's state has been applied).
    pub url_ready: RwSignal<bool>,
    /// Saved scenarios (mirrors local storage).
    pub saved: RwSignal<Vec<crate::persist::Saved>>,
    /// Ids of the saved scenarios being compared (2–4 shown).
    pub comparing: RwSignal<Vec<u64>>,
    /// Prepared data (per dataset and method).
    pub prepared: Memo<Option<Shared<YearData>>>,
    /// Results under the current weights, every year.
    pub scored: Memo<Option<Shared<Scored>>>,
}

/// Position of `year` in the prepared years.
fn year_pos(p: &YearData, year: i32) -> Option<usize> {
    p.years.iter().position(|y| *y == year)
}

impl AppState {
    /// Creates the state (empty until a bundle is loaded).
    pub fn new() -> Self {
        let bundle: RwSignal<Option<Shared<Bundle>>> = RwSignal::new(None);
        let method = RwSignal::new(MethodChoice::default());
        let notices = RwSignal::new(Vec::new());
        let prepared = Memo::new(move |_| {
            let b = bundle.get()?;
            let m = method.with(|c| c.apply(b.method()));
            Some(Shared::new(prepare_all(&b, m)))
        });
        let weights: RwSignal<Option<Shared<Weights>>> = RwSignal::new(None);
        let scored = Memo::new(move |_| {
            let b = bundle.get()?;
            let p = prepared.get()?;
            let w = weights.get()?;
            if w.as_slice().len() != b.framework().len() {
                return None;
            }
            let results = p
                .prepared
                .iter()
                .map(|pr| Arc::new(pr.score(b.framework(), &w)))
                .collect();
            Some(Shared::new(Scored { results }))
        });
        AppState {
            catalogue: RwSignal::new(Vec::new()),
            bundle,
            status: RwSignal::new(Status::Loading("the list of datasets".into())),
            year: RwSignal::new(0),
            weights,
            method,
            groups: RwSignal::new([String::new(), String::new()]),
            selection: RwSignal::new(None),
            notices,
            search: RwSignal::new(String::new()),
            filter: RwSignal::new(String::new()),
            sort: RwSignal::new((SortKey::Rank, false)),
            url_ready: RwSignal::new(false),
            saved: RwSignal::new(Vec::new()),
            comparing: RwSignal::new(Vec::new()),
            prepared,
            scored,
        }
    }

    /// Adds a notice.
    pub fn notify(&self, level: Level, text: impl Into<String>) {
        let text = text.into();
        self.notices.update(|n| {
            if n.iter().any(|x| x.text == text) {
                return;
            }
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            n.push(Notice { id, level, text });
        });
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    /// Results for the current year under the current weights.
    pub fn current(&self) -> Option<Arc<Results>> {
        let p = self.prepared.get()?;
        let s = self.scored.get()?;
        let i = year_pos(&p, self.year.get())?;
        s.results.get(i).cloned()
    }

    /// Results for the current year under the published weights.
    pub fn baseline(&self) -> Option<Arc<Results>> {
        let p = self.prepared.get()?;
        let i = year_pos(&p, self.year.get())?;
        p.baseline.get(i).cloned()
    }

    /// Group comparison for the current year under `results`.
    pub fn compare(&self, results: &Results) -> Option<GroupComparison> {
        let b = self.bundle.get()?;
        let [a, g] = self.groups.get();
        groups::compare(b.dataset(), b.framework(), results, &a, &g).ok()
    }

    /// Installs a freshly loaded bundle, with its defaults overridden by `scenario` field by
    /// field: what is invalid is reported as a notice and left at the default.
    pub fn install(&self, bundle: Bundle, scenario: &Scenario) {
        let v = self.validated(&bundle, scenario);
        batch(|| {
            self.set_view(v);
            self.filter.set(String::new());
            self.bundle.set(Some(Shared::new(bundle)));
            self.status.set(Status::Ready);
        });
    }

    /// Applies `scenario` to the bundle shown (as [`AppState::install`] does).
    pub fn apply(&self, scenario: &Scenario) {
        let Some(bundle) = self.bundle.get_untracked() else {
            return;
        };
        let v = self.validated(&bundle, scenario);
        batch(|| self.set_view(v));
    }

    fn set_view(&self, v: View) {
        self.weights.set(Some(Shared::new(v.weights)));
        self.method.set(v.method);
        self.year.set(v.year);
        self.groups.set(v.groups);
        self.selection.set(v.selection);
    }

    /// The bundle's defaults with every valid field of `scenario` applied; a notice for each
    /// field that is not valid for this bundle.
    fn validated(&self, bundle: &Bundle, scenario: &Scenario) -> View {
        let mut v = View {
            year: bundle.default_year(),
            groups: bundle.default_groups().clone(),
            weights: bundle.framework().weights(),
            method: MethodChoice::default(),
            selection: None,
        };
        let warn = |text: String| self.notify(Level::Warning, text);
        let from = if scenario.name.is_empty() {
            "The link".to_string()
        } else {
            format!("Scenario “{}”", scenario.name)
        };
        if let Some(y) = scenario.year {
            if bundle.years_with_data().contains(&y) {
                v.year = y;
            } else {
                warn(format!(
                    "{from} asks for {y}, which {} has no data for; showing {}.",
                    bundle.title(),
                    v.year
                ));
            }
        }
        if !scenario.weights.is_empty() {
            match Weights::with_overrides(bundle.framework(), &scenario.weights) {
                Ok(w) => v.weights = w,
                Err(e) => warn(format!(
                    "{from}: weights not applied ({e}); showing the published weights."
                )),
            }
        }
        if !scenario.method.is_empty() {
            let m = scenario.method.apply(bundle.method());
            match m.validate(bundle.framework(), bundle.dataset()) {
                Ok(()) => v.method = scenario.method.clone(),
                Err(e) => warn(format!(
                    "{from}: method not applied ({e}); showing the default method."
                )),
            }
        }
        if let Some([a, b]) = &scenario.groups {
            if bundle.dataset().group(a).is_some() && bundle.dataset().group(b).is_some() {
                v.groups = [a.clone(), b.clone()];
            } else {
                warn(format!(
                    "{from} compares groups `{a}` and `{b}`, which this dataset does not have; comparing the default groups."
                ));
            }
        }
        if let Some(code) = &scenario.selection {
            if bundle.dataset().unit_position(code).is_some() {
                v.selection = Some(code.clone());
            } else {
                warn(format!(
                    "{from} selects `{code}`, which is not in this dataset."
                ));
            }
        }
        v
    }

    /// Sets one node's weight, refusing (with a notice) a value that would leave a pillar
    /// without any weighted child.
    pub fn set_weight(&self, node: usize, value: f64) {
        let Some(b) = self.bundle.get_untracked() else {
            return;
        };
        let Some(mut w) = self
            .weights
            .with_untracked(|w| w.as_ref().map(|w| w.as_slice().to_vec()))
        else {
            return;
        };
        let Some(slot) = w.get_mut(node) else { return };
        *slot = value;
        match Weights::new(b.framework(), w) {
            Ok(w) => self.weights.set(Some(Shared::new(w))),
            Err(e) => self.notify(Level::Warning, format!("Weight not changed: {e}.")),
        }
    }

    /// Sets every weight (e.g. reset or equal weights).
    pub fn set_weights(&self, weights: Weights) {
        self.weights.set(Some(Shared::new(weights)));
    }

    /// Changes the method, refusing (with a notice) a choice invalid for this dataset.
    pub fn set_method(&self, change: impl FnOnce(&mut MethodChoice)) {
        let Some(b) = self.bundle.get_untracked() else {
            return;
        };
        let mut choice = self.method.get_untracked();
        change(&mut choice);
        match choice
            .apply(b.method())
            .validate(b.framework(), b.dataset())
        {
            Ok(()) => self.method.set(choice),
            Err(e) => self.notify(Level::Warning, format!("Method not changed: {e}.")),
        }
    }

    /// The scenario the page shows now (what the URL holds).
    pub fn scenario(&self) -> Option<Scenario> {
        let b = self.bundle.get()?;
        let groups = self.groups.get();
        Some(Scenario {
            name: String::new(),
            bundle: b.id().to_string(),
            year: Some(self.year.get()).filter(|y| *y != b.default_year()),
            weights: self
                .weights
                .with(|w| w.as_ref().map(|w| w.overrides(b.framework())))
                .unwrap_or_default(),
            method: self.method.get(),
            groups: Some(groups.clone()).filter(|g| g != b.default_groups()),
            selection: self.selection.get(),
        })
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// Prepares every year with data under `method`, and scores the published weights.
pub fn prepare_all(bundle: &Bundle, method: Method) -> YearData {
    let years = bundle.years_with_data();
    let weights = bundle.framework().weights();
    let mut kept_years = Vec::new();
    let mut prepared = Vec::new();
    let mut baseline = Vec::new();
    for y in years {
        if let Ok(p) = pipeline::prepare(bundle.dataset(), bundle.framework(), &method, y) {
            let p = Arc::new(p);
            baseline.push(Arc::new(p.score(bundle.framework(), &weights)));
            prepared.push(p);
            kept_years.push(y);
        }
    }
    YearData {
        method,
        years: kept_years,
        prepared,
        baseline,
    }
}

/// The state, from context.
pub fn use_state() -> AppState {
    use_context::<AppState>().unwrap_or_default()
}
