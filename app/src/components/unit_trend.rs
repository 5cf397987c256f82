//! The followed unit over the years: its score and rank in every year with data, beside each
//! compared group's mean ([`ChartKind::UnitTrend`] through the charts' card, with caption,
//! source, table alternative and the share, embed and download buttons), or how to follow a
//! unit. Deferred code (beside the profile, in `components/deferred.rs`'s `unit` part).

use leptos::prelude::*;

use crate::i18n::{messages, t};

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
            <div class="panel-head"><h2 id="unit-trend-h">{t(&messages::OVER_THE_YEARS)}</h2></div>
            <p class="explain-none" id="unit-trend-none" role="status" hidden=followed>
                {t(&messages::TREND_FOLLOW)}
            </p>
            <p class="explain-none" role="status" hidden=move || !(followed() && one_year())>
                {t(&messages::ONE_YEAR)}
            </p>
            <Show when=followed>
                <ChartCard kind=ChartKind::UnitTrend/>
            </Show>
        </section>
    }
}
