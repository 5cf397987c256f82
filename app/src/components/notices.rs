//! Notices at the top of the page (malformed link parts, failed loads), each dismissable.

use leptos::prelude::*;

use crate::state::{use_state, Level};

/// The list of notices.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="notices" aria-live="polite">
            {move || state.notices.get().into_iter().map(|n| view! {
                <div class=match n.level { Level::Info => "notice info", Level::Warning => "notice warning", Level::Error => "notice error" } role="status">
                    <span>{n.text.clone()}</span>
                    <button class="dismiss" aria-label="Dismiss" on:click=move |_| state.dismiss(n.id)>"×"</button>
                </div>
            }).collect_view()}
        </div>
    }
}
