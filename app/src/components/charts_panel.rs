//! The charts: ranked bars of the index, the gap per pillar, the distribution by group and the
//! gap over time (the score against income is shown beside its table, in
//! [`super::performers`]). Each has a title that says what is shown, the source line, and a
//! table alternative; the data and captions come from [`crate::view_model::chart_view`].

use leptos::prelude::*;

use super::chart::ChartCanvas;
use super::share::ChartToolbar;
use crate::charts::ChartKind;
use crate::state::{use_state, AppState};
use crate::view_model::{chart_view, ChartContext, ChartView};

/// The chart `kind` for the current state (reactive).
pub fn chart_memo(state: AppState, kind: ChartKind) -> Memo<Option<ChartView>> {
    let d = state.derived;
    Memo::new(move |_| {
        let b = state.inputs.bundle().get()?;
        let r = d.current()?;
        let p = d.prepared.get()?;
        let gaps = (kind == ChartKind::Gap).then(|| d.gaps.get()).flatten();
        // Each chart reads only what it draws, so it is not recomputed for what it does not.
        let by_year = (kind == ChartKind::Trend)
            .then(|| d.gaps_by_year.get())
            .flatten();
        let performers = (kind == ChartKind::Performers)
            .then(|| d.performers.get())
            .flatten();
        let groups = state.inputs.pair().get();
        let selection = state.inputs.selection().get();
        chart_view(
            kind,
            &ChartContext {
                bundle: &b,
                results: &r,
                years: &p.years,
                groups: &groups,
                gaps: gaps.as_deref(),
                gaps_by_year: by_year.as_deref().map_or(&[], |g| g.as_slice()),
                selection: selection.as_deref(),
                performers: performers.as_deref().and_then(|p| p.as_ref().ok()),
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
        ChartKind::Performers => "chart-performers",
        ChartKind::Map => "chart-map",
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

/// The chart grid (every chart but the performers', which stands beside its table).
#[component]
pub fn ChartsPanel() -> impl IntoView {
    view! {
        <section class="charts" aria-label="Charts">
            {ChartKind::ALL.into_iter().filter(|k| !matches!(k, ChartKind::Performers | ChartKind::Map))
                .map(|kind| view! { <ChartCard kind=kind/> }).collect_view()}
        </section>
    }
}
