//! Sources and notes of the dataset shown: publisher, title, edition, licence, link.

use leptos::prelude::*;

use crate::state::use_state;

/// The sources section.
#[component]
pub fn Sources() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="panel sources" id="sources" aria-labelledby="sources-h">
            <h2 id="sources-h">"Sources and notes"</h2>
            {move || state.bundle.get().map(|b| {
                let ds = b.dataset();
                view! {
                    <p>{b.description().to_string()}</p>
                    <ul class="source-list">
                        {ds.sources().iter().map(|s| view! {
                            <li>
                                <strong>{s.publisher.clone()}</strong>", "<a href=s.url.clone() rel="noopener" target="_blank">{s.title.clone()}</a>
                                " — " {s.edition.clone()} ". Licence: " {s.licence.clone()} "."
                            </li>
                        }).collect_view()}
                    </ul>
                    <ul class="notes">
                        {b.notes().iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                    </ul>
                }
            })}
            <p class="fineprint">"Index Explorer computes every score in your browser with the same engine as its command-line tool. Rounded for display only."</p>
        </section>
    }
}
