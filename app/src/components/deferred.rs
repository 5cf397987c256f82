//! The parts of the page below the default view, each compiled into a wasm module of its own
//! and fetched once the explorer is on screen, so that the main module holds only what the
//! default view needs (ARCHITECTURE.md, "Wasm size").
//!
//! Each function marked `#[lazy]` is a split point: the build's split step
//! (`scripts/split-wasm.sh`, `wasm-split-cli` from `wasm_split_cli_support`) moves the code
//! reachable only from it into its own module (code reachable from several of them into a
//! shared chunk), and the first call fetches and instantiates that module. Natively (tests) the
//! functions are plain calls. A part that cannot be fetched (offline, a failed request) says so
//! in its place with a Retry; the rest of the page carries on.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::i18n::{messages, t, t_with, Msg};

/// A view built by the code of a split module, once that module is loaded.
pub type Loading = Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// Starts loading a part.
pub type Loader = fn() -> Loading;

/// The scenario comparison.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
fn compare() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::compare::CompareView/> }.into_any())
}

/// The uncertainty analysis and the best and worst possible ranks.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
fn robustness() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::robustness::RobustnessPanel/><super::ranges::RangesPanel/> }.into_any())
}

/// The followed unit's profile, its rank and score over the years, why it moved and what it
/// would take.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
fn unit() -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <super::profile::Profile/>
        <super::unit_trend::UnitTrendPanel/>
        <super::explain::ExplainPanel/>
        <super::targets::TargetPanel/>
    }
    .into_any())
}

/// The index's health.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
fn health() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::health::HealthPanel/> }.into_any())
}

/// The charts, the performers against income, and the sources.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
fn charts() -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <super::charts_panel::ChartsPanel/>
        <super::performers::PerformersPanel/>
        <super::sources::Sources/>
    }
    .into_any())
}

/// "Your data": importing one's own files, the datasets imported in this browser, and the
/// framework editor of the one shown.
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
fn your_data() -> Result<AnyView, SplitLoaderError> {
    let datasets =
        crate::persist::mine::Datasets::new(crate::state::use_state().loading.mine.entries);
    Ok(view! {
        <super::import::ImportPanel datasets/>
        <super::framework_editor::FrameworkEditor datasets/>
    }
    .into_any())
}

/// The world map: a split module of its own (its geometry is fetched when it is first shown).
#[wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible)]
fn world_map() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::map::MapPanel/> }.into_any())
}

/// The method's settings (the controls' second box): a split module of its own, with the
/// every-year panel, so that the default view's module holds only the weights, the ranking and
/// the gaps, and these come as soon as that small module has (not with the parts below).
#[wasm_split(side, wasm_split_path = ::leptos::wasm_split, fallible)]
fn method() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::method::MethodPanel/> }.into_any())
}

/// The scores of every year as a download (under the gaps).
#[wasm_split(side, wasm_split_path = ::leptos::wasm_split, fallible)]
fn every_year() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::every_year::EveryYear/> }.into_any())
}

/// The saved scenarios (the controls' last box).
#[wasm_split(below, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scenarios() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::scenarios::ScenariosPanel/> }.into_any())
}

/// The embed route's chart (`?embed=…`), which needs none of the explorer's parts.
#[wasm_split(embed, wasm_split_path = ::leptos::wasm_split, fallible)]
fn embed(
    request: crate::persist::EmbedRequest,
    scenario: index_core::scenario::Scenario,
) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::embed::Embed request=request scenario=scenario/> }.into_any())
}

/// The parts below the explorer, in page order, each with what it is called in its place while
/// it loads.
pub const BELOW: [(Msg, Loader); 7] = [
    (messages::PART_IMPORT, || Box::pin(your_data())),
    (messages::PART_MAP, || Box::pin(world_map())),
    (messages::PART_COMPARE, || Box::pin(compare())),
    (messages::PART_ROBUSTNESS, || Box::pin(robustness())),
    (messages::PART_PROFILE, || Box::pin(unit())),
    (messages::PART_HEALTH, || Box::pin(health())),
    (messages::PART_CHARTS, || Box::pin(charts())),
];

/// The saved scenarios' loader.
pub const SAVED_SCENARIOS: Loader = || Box::pin(scenarios());

/// The method panel's loader.
pub const METHOD: Loader = || Box::pin(method());

/// The every-year panel's loader.
pub const EVERY_YEAR: Loader = || Box::pin(every_year());

/// The embed route's loader.
pub fn embedded(
    request: crate::persist::EmbedRequest,
    scenario: index_core::scenario::Scenario,
) -> Box<dyn Fn() -> Loading> {
    Box::new(move || Box::pin(embed(request.clone(), scenario.clone())))
}

/// One deferred part: its place on the page, filled when its module has loaded (with the page's
/// reactive owner, so the part reads the page's state; the place then carries `data-loaded`),
/// or a line saying it could not be loaded, with a Retry.
#[component]
pub fn Deferred(
    /// What the part is, for the line shown if it cannot be loaded.
    what: Msg,
    /// Loads the part's module and builds its view.
    #[prop(into)]
    load: LoadPart,
    /// On a page that orders its parts ([`Order`]): loaded first, the others once a first
    /// part's module has come (or failed).
    #[prop(optional)]
    first: bool,
) -> impl IntoView {
    let view = RwSignal::new_local(None::<AnyView>);
    let loaded = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let order = use_context::<Order>();
    let fetch = move || {
        failed.set(false);
        let loading = load.0.with_value(|l| l());
        spawn_local(ScopedFuture::new(async move {
            let result = loading.await;
            if first {
                if let Some(Order(stage)) = order {
                    stage.set(Stage::All);
                }
            }
            match result {
                Ok(v) => {
                    view.set(Some(v));
                    loaded.set(true);
                }
                Err(_) => failed.set(true),
            }
        }));
    };
    // A page that shows something first (the explorer: its ranking) says when its parts may
    // load; without it a part loads at once.
    match order {
        Some(Order(stage)) => {
            let due = if first { Stage::First } else { Stage::All };
            // The part is built under this component's owner, not the effect's (whose next run
            // would dispose of it).
            let owner = Owner::current();
            Effect::new(move |started: Option<bool>| {
                if started == Some(true) || stage.get() < due {
                    return started.unwrap_or(false);
                }
                match &owner {
                    Some(owner) => owner.with(fetch),
                    None => fetch(),
                }
                true
            });
        }
        None => fetch(),
    }
    // One Retry retries every part that failed (they share their module).
    let retries = use_context::<Retries>();
    if let Some(Retries(asked)) = retries {
        Effect::new(move |seen: Option<u32>| {
            let now = asked.get();
            if seen.is_some_and(|s| s != now) && failed.get_untracked() {
                fetch();
            }
            now
        });
    }
    let retry = move || match retries {
        Some(Retries(asked)) => asked.update(|n| *n = n.wrapping_add(1)),
        None => fetch(),
    };
    view! {
        <div class="deferred" data-loaded=move || loaded.get().then_some("")>
            {move || {
                view.track();
                view.try_update_untracked(Option::take).flatten()
            }}
            <p class="deferred-failed" role="alert" hidden=move || !failed.get()>
                {t_with(&messages::COULD_NOT_LOAD, &[("what", t(&what).into())])}" "
                <button type="button" on:click=move |_| retry()>{t(&messages::RETRY)}</button>
            </p>
        </div>
    }
}

/// The page's Retry count, provided where several deferred parts share a page: a Retry in one
/// retries every part that failed.
#[derive(Clone, Copy)]
pub struct Retries(pub RwSignal<u32>);

/// When the deferred parts of a page may start loading, provided by the page: the explorer's
/// are fetched once its first ranking has been painted, so that neither their requests nor
/// their modules' instantiation delay it (measured: the fetch calls alone took ~150 ms of a
/// first load on the benchmark's throttled profile, before the ranking was on screen), the
/// parts marked `first` (the method's settings) before the others, which would share the
/// connection with them.
#[derive(Clone, Copy)]
pub struct Order(pub RwSignal<Stage>);

/// How far a page's deferred parts may load ([`Order`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// None yet.
    None,
    /// The parts marked `first`.
    First,
    /// Every part.
    All,
}

/// How a deferred part is loaded (kept for a Retry).
#[derive(Clone, Copy)]
pub struct LoadPart(StoredValue<Box<dyn Fn() -> Loading>, LocalStorage>);

impl From<Loader> for LoadPart {
    fn from(load: Loader) -> Self {
        Self(StoredValue::new_local(Box::new(load)))
    }
}

impl From<Box<dyn Fn() -> Loading>> for LoadPart {
    fn from(load: Box<dyn Fn() -> Loading>) -> Self {
        Self(StoredValue::new_local(load))
    }
}
