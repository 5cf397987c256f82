//! The page layout: header, notices, then weights/method | ranking | gap, scenario comparison,
//! robustness (the uncertainty analysis), best and worst possible ranks, profile, why the
//! followed unit moved, charts, performers against income, sources.
//! Shows what is loading, or why nothing can be shown.

use leptos::prelude::*;

use super::charts_panel::ChartsPanel;
use super::compare::CompareView;
use super::explain::ExplainPanel;
use super::gap::GapPanel;
use super::header::Header;
use super::method::MethodPanel;
use super::notices::Notices;
use super::performers::PerformersPanel;
use super::profile::Profile;
use super::ranges::RangesPanel;
use super::ranking::RankingTable;
use super::robustness::RobustnessPanel;
use super::scenarios::ScenariosPanel;
use super::sources::Sources;
use super::weights::WeightsPanel;
use crate::state::{use_state, Status};

/// The whole explorer.
#[component]
pub fn Explorer() -> impl IntoView {
    let state = use_state();
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
            if let Some(p) = window().performance() {
                let _ = p.mark("ranking-ready");
            }
        }
        let failed = state
            .loading
            .status
            .with(|s| matches!(s, Status::Failed(_)));
        if shown || failed {
            crate::remove_boot();
        }
        shown
    });
    view! {
        <Header/>
        <Notices/>
        <main class="page">
            {move || match state.loading.status.get() {
                Status::Failed(msg) => view! {
                    <div class="empty-state" role="alert"><h2>"Nothing to show yet"</h2><p>{msg}</p></div>
                }.into_any(),
                Status::Loading(what) if !ready() => view! {
                    <div class="empty-state" aria-live="polite"><div class="spinner"></div><p>"Loading " {what} "…"</p></div>
                }.into_any(),
                _ => ().into_any(),
            }}
            <Show when=ready>
                <div class="explorer">
                    <aside class="controls" aria-label="Weights and method">
                        <WeightsPanel/>
                        <MethodPanel/>
                        <ScenariosPanel/>
                    </aside>
                    <section class="ranking" aria-label="Ranking">
                        <RankingTable/>
                    </section>
                    <aside class="gaps" aria-label="Group gap">
                        <GapPanel/>
                        <super::every_year::EveryYear/>
                    </aside>
                </div>
                <CompareView/>
                <RobustnessPanel/>
                <RangesPanel/>
                <Profile/>
                <ExplainPanel/>
                <ChartsPanel/>
                <PerformersPanel/>
                <Sources/>
            </Show>
        </main>
    }
}
