//! "The index's health": the JRC's statistical audit of the scenario shown, run in the
//! background worker (`Request::Health`) — the correlations between indicators, pillars and the
//! index as a heat map (Pearson or Spearman; negative pairs within a pillar and near-duplicates
//! outlined) with its caption, source line and table alternative, Cronbach's α per aggregate,
//! each node's nominal against effective weight, and how far ranks move when each is left out.
//! Stale once the scenario changes, as the other analyses. Part of the page's deferred module
//! (`deferred`), not of the main wasm module.

use std::sync::Arc;

use index_core::display::escape_html;
use leptos::prelude::*;

use crate::i18n::{messages, t};

use super::chart::ChartCanvas;
use super::job::{self, JobButtons};
use crate::charts;
use crate::state::use_state;
use crate::view_model::health::{health_view, HealthRun};
use crate::view_model::robustness::key;
use crate::view_model::source_line;
use crate::worker_client::{Outcome, Request};

/// A small table: its header and rows, as text (also the targets' table).
pub fn table(id: &'static str, header: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    view! {
        <table class="compare-table health-table" id=id>
            <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
            <tbody>{rows.into_iter().map(|r| view! {
                <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
            }).collect_view()}</tbody>
        </table>
    }
}

/// The panel.
#[component]
pub fn HealthPanel() -> impl IntoView {
    let state = use_state();
    let ui = state.robustness;
    let bundle = state.inputs.bundle();
    let start = Callback::new(move |()| {
        let (Some(b), Some(scenario)) = (bundle.get_untracked(), state.scenario()) else {
            return;
        };
        let (id, asked) = (b.id().to_string(), key(&scenario));
        job::start(
            state,
            ui.health_running,
            Request::Health,
            messages::HEALTH_FAILED,
            move |outcome, elapsed_ms| {
                if let Outcome::Health(result) = outcome {
                    ui.health.set(Some(Arc::new(HealthRun {
                        bundle: id.clone(),
                        scenario: asked.clone(),
                        elapsed_ms,
                        result,
                    })));
                }
            },
        );
    });
    let shown = job::of_bundle(state, ui.health);
    let stale = move || job::is_stale(state, shown);
    let spearman = RwSignal::new(false);
    let view = Memo::new(move |_| {
        let r = shown.get()?;
        let b = bundle.get()?;
        Some(health_view(&b, &r.result, spearman.get()))
    });
    let text = move |f: fn(&crate::view_model::health::HealthView) -> String| {
        view.with(|v| v.as_ref().map(f))
    };
    let height = Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.heat.height())));
    let source = move || bundle.with(|b| b.as_deref().map(source_line));
    // The pairs' table is long (every pair of one level): written as one escaped HTML text, and
    // only while it is open.
    let open = RwSignal::new(false);
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move |_| {
        let Some(tb) = body.get() else { return };
        let html = if open.get() {
            view.with(|v| v.as_ref().map(|v| pairs_html(&v.pairs)))
        } else {
            None
        };
        tb.set_inner_html(&html.unwrap_or_default());
    });
    let nodes = move || {
        view.with(|v| {
            v.as_ref().map(|v| {
                table(
                    "health-nodes",
                    [
                        &messages::PART,
                        &messages::NOMINAL_WEIGHT,
                        &messages::EFFECTIVE_WEIGHT,
                        &messages::R_WITH_INDEX,
                        &messages::ALPHA_OF_PARTS,
                        &messages::MEDIAN_CHANGE_WITHOUT,
                        &messages::LARGEST,
                    ]
                    .map(t)
                    .to_vec(),
                    v.nodes.clone(),
                )
            })
        })
    };
    view! {
        <section class="panel health" aria-labelledby="health-h" id="health">
            <div class="panel-head"><h2 id="health-h">{t(&messages::HEALTH_TITLE)}</h2></div>
            <p class="hint">{t(&messages::HEALTH_HINT)}</p>
            <div class="rob-form">
                <label for="health-coef">{t(&messages::COEFFICIENT)}
                    <select id="health-coef" on:change=move |ev| spearman.set(event_target_value(&ev) == "spearman")>
                        <option value="pearson">{t(&messages::PEARSON)}</option>
                        <option value="spearman">{t(&messages::SPEARMAN)}</option>
                    </select>
                </label>
            </div>
            <JobButtons prefix="health" label=messages::HEALTH_RUN counted=messages::NODES_CHECKED
                running=ui.health_running on_run=start/>
            <div hidden=move || shown.with(Option::is_none)>
                <p class="rob-stale" id="health-stale" role="status" hidden=move || !stale()>
                    {t(&messages::HEALTH_STALE)}
                </p>
                <p class="rob-summary" id="health-summary">{move || text(|v| v.sentence.clone())}</p>
                {move || height.get().map(|h| view! {
                    <figure class="chart-card health-card">
                        <figcaption><h3>{move || text(|v| v.title.clone())}</h3></figcaption>
                        <ChartCanvas id="chart-health" height=h
                            label=t(&messages::HEATMAP_LABEL)
                            draw=move |area, style| view.with(|v| v.as_ref().map(|v| charts::draw_heatmap(area, &v.heat, style)))/>
                        <p class="source">{source}</p>
                        <details class="table-alt" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                            <summary>{t(&messages::SHOW_AS_TABLE)}</summary>
                            <table id="health-pairs">
                                <thead><tr><th>{t(&messages::NODE)}</th><th>{t(&messages::WITH)}</th><th>{t(&messages::HOW_THEY_STAND)}</th><th>{t(&messages::COEFFICIENT)}</th><th>{t(&messages::FLAG)}</th></tr></thead>
                                <tbody node_ref=body></tbody>
                            </table>
                        </details>
                    </figure>
                })}
                <h3>{t(&messages::EACH_PART)}</h3>
                <p class="hint">{t(&messages::EFFECTIVE_WEIGHT_HINT)}</p>
                <div class="table-wrap" tabindex="0">{nodes}</div>
            </div>
        </section>
    }
}

/// The pairs' rows as HTML, every text escaped.
fn pairs_html(rows: &[[String; 5]]) -> String {
    let mut html = String::with_capacity(rows.len() * 120);
    for r in rows {
        html.push_str("<tr>");
        for c in r {
            html.push_str("<td>");
            html.push_str(&escape_html(c));
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_rows_are_escaped() {
        let row = [
            "<b>R&D</b>".to_string(),
            "Index".into(),
            "ancestor".into(),
            "0.912".into(),
            String::new(),
        ];
        assert_eq!(
            pairs_html(&[row]),
            "<tr><td>&lt;b&gt;R&amp;D&lt;/b&gt;</td><td>Index</td><td>ancestor</td><td>0.912</td><td></td></tr>"
        );
    }
}
