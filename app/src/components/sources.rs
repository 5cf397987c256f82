//! The Sources tab (`#sources`, linked from every chart's toolbar and from embeds): for each
//! indicator of the framework, its publisher, title (linked), edition, licence and coverage in
//! the year shown; then the dataset's notes and its edition id (what a fixed embed pins).

use leptos::prelude::*;

use crate::export::{self, IndicatorSource};
use crate::format;
use crate::i18n::{messages, t, t_with};
use crate::state::use_state;

/// The sources section.
#[component]
pub fn Sources() -> impl IntoView {
    let state = use_state();
    let (bundle, year) = (state.inputs.bundle(), state.inputs.year());
    // Coverage depends on the data, the year and the method (carrying forward), not on the
    // weights: it is not recomputed when a weight moves.
    let rows = Memo::new(move |_| {
        let b = bundle.get()?;
        let y = year.get();
        let p = state.derived.prepared.get();
        let prepared = p.as_ref().and_then(|p| p.prepared.get(p.position(y)?));
        Some(export::indicator_sources(&b, prepared.map(|p| &**p), y))
    });
    view! {
        <section class="panel sources" id="sources" aria-labelledby="sources-h" tabindex="-1">
            <h2 id="sources-h">{t(&messages::SOURCES_AND_NOTES)}</h2>
            {move || bundle.get().map(|b| {
                let title = b.title().to_string();
                view! {
                <p>{b.description().to_string()}</p>
                <div class="sources-scroll">
                    <table class="sources-table" id="sources-table">
                        <caption>{move || t_with(&messages::SOURCES_CAPTION, &[("title", title.as_str().into()), ("year", year.get().to_string().into())])}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(&messages::INDICATOR)}</th>
                                <th scope="col">{t(&messages::PUBLISHER)}</th>
                                <th scope="col">{t(&messages::SOURCE)}</th>
                                <th scope="col">{t(&messages::EDITION)}</th>
                                <th scope="col">{t(&messages::LICENCE)}</th>
                                <th scope="col" class="num">{move || t_with(&messages::COVERAGE_IN, &[("year", year.get().to_string().into())])}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().unwrap_or_default().into_iter().map(source_row).collect_view()}
                        </tbody>
                    </table>
                </div>
                {
                    let used: Vec<String> = export::framework_sources(&b).iter().map(|s| s.id.clone()).collect();
                    let others: Vec<_> = b.dataset().sources().iter().filter(|s| !used.contains(&s.id)).cloned().collect();
                    (!others.is_empty()).then(|| view! {
                        <p class="other-sources-h">{t(&messages::ALSO_USED)}</p>
                        <ul class="source-list">
                            {others.into_iter().map(|s| view! {
                                <li>
                                    <strong>{s.publisher.clone()}</strong>", "
                                    {match export::safe_url(&s.url).map(str::to_string) {
                                        Some(href) => view! { <a href=href rel="noopener" target="_blank">{s.title.clone()}</a> }.into_any(),
                                        None => view! { <span>{s.title.clone()}</span> }.into_any(),
                                    }}
                                    " — " {s.edition.clone()} ". " {t_with(&messages::LICENCE_IS, &[("licence", s.licence.as_str().into())])}
                                </li>
                            }).collect_view()}
                        </ul>
                    })
                }
                <p class="fineprint">{t_with(&messages::DATA_EDITION, &[("edition", export::edition_id(&b).into())])}</p>
                <ul class="notes">
                    {b.notes().iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                </ul>
            }})}
            <p class="fineprint">{t(&messages::COMPUTED_HERE)}</p>
        </section>
    }
}

/// One indicator's row.
fn source_row(s: IndicatorSource) -> impl IntoView {
    let share = if s.units > 0 {
        s.present as f64 / s.units as f64
    } else {
        0.0
    };
    let carried = s.with_carried.saturating_sub(s.present);
    let link = export::safe_url(&s.source.url).map(str::to_string);
    view! {
        <tr data-indicator=s.id.clone()>
            <th scope="row">{s.name.clone()}<span class="ind-unit">{format!(" ({})", s.unit)}</span></th>
            <td>{s.source.publisher.clone()}</td>
            <td>{match link {
                Some(href) => view! { <a href=href rel="noopener" target="_blank">{s.source.title.clone()}</a> }.into_any(),
                None => view! { <span>{s.source.title.clone()}</span> }.into_any(),
            }}</td>
            <td>{s.source.edition.clone()}</td>
            <td>{s.source.licence.clone()}</td>
            <td class="num coverage">
                {format!("{} / {} ({})", s.present, s.units, format::percent(share))}
                {(carried > 0).then(|| view! { <span class="carried">{format!(" {}", t_with(&messages::CARRIED_FORWARD, &[("count", carried.into())]))}</span> })}
            </td>
        </tr>
    }
}
