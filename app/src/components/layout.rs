//! The page layout: header, notices, then weights/method/saved scenarios | ranking | gap and
//! every year; below them the scenario comparison, robustness (the uncertainty analysis, best
//! and worst possible ranks), the profile and why the followed unit moved, the index's health,
//! charts, performers against income, sources. The method's settings, the every-year download,
//! the saved scenarios and everything below the explorer are deferred parts (`deferred`): their
//! code is in modules of their own, fetched once the explorer's first ranking has been painted.
//! Shows what is loading, or why nothing can be shown.

use leptos::prelude::*;

use super::deferred::{self, Deferred};
use super::gap::GapPanel;
use super::header::Header;
use super::notices::Notices;
use super::ranking::RankingTable;
use super::weights::WeightsPanel;
use crate::i18n::{messages, t, t_with};
use crate::state::{use_state, Status};

/// A performance mark (read by the browser benchmark).
fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// The whole explorer.
#[component]
pub fn Explorer() -> impl IntoView {
    let state = use_state();
    provide_context(deferred::Retries(RwSignal::new(0)));
    let load_parts = RwSignal::new(deferred::Stage::None);
    provide_context(deferred::Order(load_parts));
    let ready = move || state.inputs.bundle().with(Option::is_some);
    // When the first ranking is on screen (effects run after the DOM update): a performance
    // mark, read by the browser benchmark for time-to-ranking, and the boot view's ranking is
    // taken away (it stays until then; so does it until the first load has failed).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let shown = state.derived.scored.with(Option::is_some);
        if shown {
            mark("ranking-ready");
            // After the frame that paints it (a timeout from the frame's callback runs once
            // the frame is drawn): the benchmark's mark, and the deferred parts start loading.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        mark("ranking-painted");
                        load_parts.set(deferred::Stage::First);
                    },
                    std::time::Duration::ZERO,
                );
            });
        }
        let failed = state
            .loading
            .status
            .with(|s| matches!(s, Status::Failed(_)));
        if shown || failed {
            crate::remove_boot();
        }
        if shown {
            // Offline use: the service worker, once the page has loaded.
            crate::offline::start(state.notices, state.loading);
        }
        shown
    });
    view! {
        <Header/>
        <Notices/>
        <main class="page">
            {move || match state.loading.status.get() {
                Status::Failed(why) => view! {
                    <div class="empty-state" role="alert"><h2>{t(&messages::NOTHING_YET)}</h2><p>{why.show()}</p></div>
                }.into_any(),
                Status::Loading(what) if !ready() => view! {
                    <div class="empty-state" aria-live="polite"><div class="spinner"></div><p>{t_with(&messages::LOADING, &[("what", what.into())])}</p></div>
                }.into_any(),
                _ => ().into_any(),
            }}
            <Show when=ready>
                <div class="explorer">
                    <aside class="controls" aria-label=t(&messages::WEIGHTS_AND_METHOD)>
                        <WeightsPanel/>
                        <Deferred what=messages::PART_METHOD load=deferred::METHOD first=true/>
                        <Deferred what=messages::PART_SAVED load=deferred::SAVED_SCENARIOS/>
                    </aside>
                    <section class="ranking" aria-label=t(&messages::RANKING)>
                        <RankingTable/>
                    </section>
                    <aside class="gaps" aria-label=t(&messages::GROUP_GAP)>
                        <GapPanel/>
                        <Deferred what=messages::PART_EVERY_YEAR load=deferred::EVERY_YEAR first=true/>
                    </aside>
                </div>
                {deferred::BELOW
                    .into_iter()
                    .map(|(what, load)| view! { <Deferred what=what load=load/> })
                    .collect_view()}
            </Show>
        </main>
    }
}
