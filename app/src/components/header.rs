//! The header: title, dataset and year choice, and the one-line method summary.

use leptos::prelude::*;

use crate::loader;
use crate::state::use_state;

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let (bundle, year) = (state.inputs.bundle(), state.inputs.year());
    let prepared = state.derived.prepared;
    let title = move || {
        bundle.with(|b| {
            b.as_ref()
                .map(|b| b.title().to_string())
                .unwrap_or_default()
        })
    };
    let years = move || prepared.get().map(|p| p.years.clone()).unwrap_or_default();
    let summary = move || {
        prepared
            .get()
            .map(|p| p.method.describe())
            .unwrap_or_default()
    };
    let reference = move || {
        bundle.with(|b| {
            b.as_ref()
                .and_then(|b| b.reference().map(|r| r.note.clone()))
        })
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◧"</span>
                <div>
                    <h1>"Index Explorer"</h1>
                    <p class="tagline">"Move a weight, see rankings and the LDC–developed gap change."</p>
                </div>
            </div>
            <div class="pickers">
                <label class="field">
                    <span>"Dataset"</span>
                    <select id="dataset" on:change=move |ev| loader::switch(state, event_target_value(&ev))>
                        {move || {
                            let current = bundle.with(|b| b.as_ref().map(|b| b.id().to_string()));
                            state.loading.catalogue.get().into_iter().map(|c| {
                                let selected = current.as_deref() == Some(c.id.as_str());
                                view! { <option value=c.id.clone() selected=selected>{c.title.clone()}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                <label class="field">
                    <span>"Year"</span>
                    <select id="year" on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<i32>() { state.inputs.set_year(y) }
                    }>
                        {move || {
                            let current = year.get();
                            years().into_iter().rev().map(|y| view! {
                                <option value=y.to_string() selected=y == current>{y.to_string()}</option>
                            }).collect_view()
                        }}
                    </select>
                </label>
            </div>
        </header>
        <div class="summary-bar">
            <div class="summary-inner">
                <strong>{title}</strong>" · "{move || year.get()}" · "
                <span class="method-line" id="method-line">{summary}</span>
                {move || reference().map(|r| view! { <p class="reference-note">{r}</p> })}
            </div>
        </div>
    }
}
