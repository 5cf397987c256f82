//! Notices at the top of the page (malformed link parts, failed loads, refused inputs, years the
//! engine could not prepare), each dismissable.

use leptos::prelude::*;

use crate::i18n::{messages, t_with};
use crate::state::{use_state, Level};

/// The list of notices.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    // Years the engine could not prepare under the method are shown for as long as they are so.
    let failed = move || {
        state
            .derived
            .prepared
            .with(|p| p.as_ref().map(|p| p.failed.clone()).unwrap_or_default())
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || failed().into_iter().map(|(year, why)| view! {
                <div class="notice warning failed-year" role="status">
                    <span>{t_with(&messages::YEAR_LEFT_OUT, &[("year", year.to_string().into()), ("why", why.to_string().into())])}</span>
                </div>
            }).collect_view()}
            {move || state.notices.list().into_iter().map(|n| view! {
                <div class=match n.level { Level::Info => "notice info", Level::Warning => "notice warning", Level::Error => "notice error" } role="status">
                    <span>{n.text.show()}</span>
                    {n.reload.then(|| view! { <button type="button" class="notice-reload" on:click=|_| crate::offline::apply()>{crate::i18n::t(&crate::i18n::messages::RELOAD)}</button> })}
                    <button class="dismiss" aria-label=crate::i18n::t(&crate::i18n::messages::DISMISS) on:click=move |_| state.notices.dismiss(n.id)>"×"</button>
                </div>
            }).collect_view()}
        </div>
    }
}
