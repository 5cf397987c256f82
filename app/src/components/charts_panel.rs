//! The charts: ranked bars of the index, every compared group's mean per pillar, the
//! distribution by group and the gap over time for the index or a pillar the person picks (the
//! score against income is shown beside its table, in [`super::performers`]). Each has a title
//! that says what is shown, the source line, and a table alternative; the data and captions
//! come from [`crate::view_model::chart_view`]. The point charts (strips, lines, the scatter)
//! name a point on hover or tap.

use leptos::prelude::*;

use crate::i18n::{messages, t};

use super::chart::{watch_view, ChartCanvas};
use super::share::ChartToolbar;
use crate::charts::{ChartKind, Hit};
use crate::state::{use_state, AppState};
use crate::view_model::{
    chart_view, trend_nodes, unit_trend, ChartChoices, ChartContext, ChartView,
};

/// The chart `kind` for the current state (reactive). While `in_view` is false, a chart
/// already computed keeps what it showed and reads nothing else, so a slider step computes none
/// of it (nor the derived data only it reads: the gaps of every year, the performers); it
/// catches up when it comes near the viewport.
pub fn chart_memo(
    state: AppState,
    kind: ChartKind,
    in_view: Signal<bool>,
) -> Memo<Option<ChartView>> {
    let d = state.derived;
    Memo::new(move |shown: Option<&Option<ChartView>>| {
        if let (false, Some(Some(shown))) = (in_view.get(), shown) {
            return Some(shown.clone());
        }
        let b = state.inputs.bundle().get()?;
        let r = d.current()?;
        if kind == ChartKind::UnitTrend {
            return unit_trend::chart_view(&b, &r, &d.unit_trend()?);
        }
        let p = d.prepared.get()?;
        // Each chart reads only what it draws, so it is not recomputed for what it does not.
        let gaps = matches!(kind, ChartKind::Gap)
            .then(|| d.groups_now.get())
            .flatten();
        let by_year = (kind == ChartKind::Trend)
            .then(|| d.groups_by_year.get())
            .flatten();
        let performers = (kind == ChartKind::Performers)
            .then(|| d.performers.get())
            .flatten();
        let choices = ChartChoices {
            trend_node: (kind == ChartKind::Trend)
                .then(|| state.table.trend_node.get())
                .flatten(),
            performers_sort: (kind == ChartKind::Performers).then(|| state.table.performers.get()),
        };
        let groups = state.inputs.groups().get();
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
                choices,
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
    let figure = NodeRef::<leptos::html::Figure>::new();
    let view = chart_memo(
        state,
        kind,
        watch_view(figure, super::chart::NEAR_VIEW).into(),
    );
    // The table alternative is built only while it is open (it would otherwise be rebuilt on
    // every slider step).
    let open = RwSignal::new(false);
    let id = match kind {
        ChartKind::Bars => "chart-bars",
        ChartKind::Gap => "chart-gap",
        ChartKind::Strips => "chart-strips",
        ChartKind::Trend => "chart-trend",
        ChartKind::Performers => "chart-performers",
        ChartKind::UnitTrend => "chart-unit-trend",
        ChartKind::Map => "chart-map",
    };
    let height =
        Signal::derive(move || view.with(|v| v.as_ref().map_or(kind.height(), |v| v.height)));
    let tip = Callback::new(move |hit: Hit| view.with_untracked(|v| v.as_ref()?.data.tip(&hit)));
    view! {
        <Show when=move || view.with(Option::is_some)>
            <figure class="chart-card" data-chart=kind.name() node_ref=figure>
                <figcaption><h3>{move || view.with(|v| v.as_ref().map(|v| v.title.clone()))}</h3></figcaption>
                {(kind == ChartKind::Trend).then(|| view! { <TrendPicker/> })}
                <ChartToolbar kind=kind view=view/>
                <ChartCanvas id=id height=height
                    label=Signal::derive(move || view.with(|v| v.as_ref().map(|v| v.label.clone()).unwrap_or_default()))
                    draw=move |area, style| view.with(|v| v.as_ref().map(|v| v.data.draw(area, style)))
                    tip=tip/>
                <p class="source">{move || view.with(|v| v.as_ref().map(|v| v.source.clone()))}</p>
                <details class="table-alt"
                    on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>{t(&messages::SHOW_AS_TABLE)}</summary>
                    <table>
                        <thead><tr>{move || view.with(|v| v.as_ref().map(|v| v.header.iter().map(|h| if h.is_empty() { view! { <td></td> }.into_any() } else { view! { <th>{h.clone()}</th> }.into_any() }).collect_view()))}</tr></thead>
                        <tbody>{move || open.get().then(|| view.with(|v| v.as_ref().map(|v| v.rows.iter().map(|r| view! {
                            <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                        }).collect_view())))}</tbody>
                    </table>
                </details>
            </figure>
        </Show>
    }
}

/// The trend chart's choice of node: the index or any pillar (or sub-pillar) the groups are
/// compared on.
#[component]
fn TrendPicker() -> impl IntoView {
    let state = use_state();
    let bundle = state.inputs.bundle();
    let chosen = state.table.trend_node;
    let options = move || {
        let current = chosen.get();
        bundle
            .with(|b| b.as_ref().map(|b| trend_nodes(b)))
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, (id, name, depth))| {
                let selected = current.as_deref().map_or(i == 0, |c| c == id);
                let label = format!("{}{name}", "· ".repeat(depth.saturating_sub(1)));
                view! { <option value=id selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="field inline trend-pick">
            <span>{t(&messages::GAP_OVER_TIME_ON)}</span>
            <select id="trend-node" on:change=move |ev| {
                let id = event_target_value(&ev);
                let is_root = bundle.with_untracked(|b| b.as_ref().and_then(|b| {
                    let fw = b.framework();
                    fw.node(fw.root()).map(|n| n.id == id)
                }));
                chosen.set((!id.is_empty() && is_root != Some(true)).then_some(id));
            }>
                {options}
            </select>
        </label>
    }
}

/// The chart grid (every chart but the performers', which stands beside its table, and the
/// followed unit's, beside its profile).
#[component]
pub fn ChartsPanel() -> impl IntoView {
    view! {
        <section class="charts" aria-label=t(&messages::CHARTS)>
            {ChartKind::ALL.into_iter().filter(|k| !matches!(k, ChartKind::Performers | ChartKind::UnitTrend | ChartKind::Map))
                .map(|kind| view! { <ChartCard kind=kind/> }).collect_view()}
        </section>
    }
}
