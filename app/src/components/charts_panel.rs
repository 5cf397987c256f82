//! The charts: ranked bars of the index, the gap per pillar, the distribution by group and the
//! gap over time. Each has a title that says what is shown, the source line, and a table
//! alternative; the data and captions come from [`crate::view_model::chart_view`].

use leptos::prelude::*;

use super::chart::ChartCanvas;
use super::share::ChartToolbar;
use crate::charts::ChartKind;
use crate::state::{use_state, AppState};
use crate::view_model::{chart_view, ChartContext, ChartView};

/// The chart `kind` for the current state (reactive).
pub fn chart_memo(state: AppState, kind: ChartKind) -> Memo<Option<ChartView>> {
    Memo::new(move |_| {
        let b = state.bundle.get()?;
        let r = state.current()?;
        let p = state.prepared.get()?;
        let s = state.scored.get()?;
        let groups = state.groups.get();
        let selection = state.selection.get();
        chart_view(
            kind,
            &ChartContext {
                bundle: &b,
                results: &r,
                years: &p.years,
                per_year: &s.results,
                groups: &groups,
                selection: selection.as_deref(),
            },
        )
    })
}

/// A chart with its caption and table alternative.
#[component]
pub fn ChartCard(
    /// Which chart.
    kind: ChartKind,
) -> impl IntoView {
    let state = use_state();
    let view = chart_memo(state, kind);
    // The table alternative is built only while it is open (it would otherwise be rebuilt on
    // every slider step).
    let open = RwSignal::new(false);
    let id = match kind {
        ChartKind::Bars => "chart-bars",
        ChartKind::Gap => "chart-gap",
        ChartKind::Strips => "chart-strips",
        ChartKind::Trend => "chart-trend",
    };
    view! {
        <Show when=move || view.with(Option::is_some)>
            <figure class="chart-card" data-chart=kind.name()>
                <figcaption><h3>{move || view.with(|v| v.as_ref().map(|v| v.title.clone()))}</h3></figcaption>
                <ChartToolbar kind=kind view=view/>
                <ChartCanvas id=id height=kind.height()
                    label=Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.label.clone()).unwrap_or_default()))
                    draw=move |area, style| view.with(|v| v.as_ref().map(|v| v.data.draw(area, style)))/>
                <p class="source">{move || view.with(|v| v.as_ref().map(|v| v.source.clone()))}</p>
                <details class="table-alt"
                    on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>"Show as a table"</summary>
                    <table>
                        <thead><tr>{move || view.with(|v| v.as_ref().map(|v| v.header.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view()))}</tr></thead>
                        <tbody>{move || open.get().then(|| view.with(|v| v.as_ref().map(|v| v.rows.iter().map(|r| view! {
                            <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                        }).collect_view())))}</tbody>
                    </table>
                </details>
            </figure>
        </Show>
    }
}

/// The chart grid.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    view! {
        <section class="charts" aria-label="Charts">
            {ChartKind::ALL.into_iter().map(|kind| view! { <ChartCard kind=kind/> }).collect_view()}
        </section>
    }
}
