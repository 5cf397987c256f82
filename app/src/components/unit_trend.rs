//! The followed unit over the years: its score and rank in every year with data, beside each
//! compared group's mean ([`ChartKind::UnitTrend`] through the charts' card, with caption,
//! source, table alternative and the share, embed and download buttons), or how to follow a
//! unit. Deferred code (beside the profile, in `components/deferred.rs`'s `unit` part).

use leptos::prelude::*;

use super::charts_panel::ChartCard;
use crate::charts::ChartKind;
use crate::state::use_state;

/// The panel.
#[component]
pub fn UnitTrendPanel() -> impl IntoView {
    let state = use_state();
    let selection = state.inputs.selection();
    let prepared = state.derived.prepared;
    let followed = move || selection.with(Option::is_some);
    let one_year = move || prepared.with(|p| p.as_ref().is_some_and(|p| p.years.len() < 2));
    view! {
        <section class="panel unit-trend" aria-labelledby="unit-trend-h" id="unit-trend">
            <div class="panel-head"><h2 id="unit-trend-h">"Over the years"</h2></div>
            <p class="explain-none" id="unit-trend-none" role="status" hidden=followed>
                "Follow a country (click its row in the ranking) to see its rank and score over the years."
            </p>
            <p class="explain-none" role="status" hidden=move || !(followed() && one_year())>
                "This dataset has one year: there is nothing to draw over time."
            </p>
            <Show when=followed>
                <ChartCard kind=ChartKind::UnitTrend/>
            </Show>
        </section>
    }
}
