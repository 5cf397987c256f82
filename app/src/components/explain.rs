//! "Why did it move?": the followed unit's change in score and rank from the published scenario
//! to the view shown, split among the changes made (each weight, the normalisation, the
//! aggregation, the year…) by the Shapley value, computed in the background worker
//! (`Request::Explain`) for every unit at once and drawn as a waterfall with its caption,
//! sentence, source line and table alternative. Stale once the scenario changes, as the other
//! analyses; following another unit needs no new run.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{messages, t};

use super::chart::ChartCanvas;
use super::job::{self, JobButtons};
use crate::charts;
use crate::state::use_state;
use crate::view_model::explain::{waterfall, ExplainRun, WaterfallView};
use crate::view_model::robustness::key;
use crate::view_model::source_line;
use crate::worker_client::{Outcome, Request};

/// The panel.
#[component]
pub fn ExplainPanel() -> impl IntoView {
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
            ui.explain_running,
            Request::Explain { from: None },
            messages::EXPLAIN_FAILED,
            move |outcome, elapsed_ms| {
                if let Outcome::Explain(result) = outcome {
                    ui.explained.set(Some(Arc::new(ExplainRun {
                        bundle: id.clone(),
                        from: None,
                        scenario: asked.clone(),
                        elapsed_ms,
                        result,
                    })));
                }
            },
        );
    });
    let shown = job::of_bundle(state, ui.explained);
    let stale = move || job::is_stale(state, shown);
    // The followed unit's waterfall, or why there is none.
    let view = Memo::new(move |_| -> Option<Result<WaterfallView, String>> {
        let r = shown.get()?;
        let b = bundle.get()?;
        let Some(code) = state.inputs.selection().get() else {
            return Some(Err(t(&messages::EXPLAIN_FOLLOW)));
        };
        Some(waterfall(
            &b,
            &r.result,
            &code,
            &t(&messages::THE_PUBLISHED_SCENARIO),
            &t(&messages::THE_VIEW_EXPLAINED),
        ))
    });
    let ok = move |f: &dyn Fn(&WaterfallView) -> String| {
        view.with(|v| v.as_ref().and_then(|v| v.as_ref().ok()).map(f))
    };
    let height = Memo::new(move |_| {
        view.with(|v| {
            v.as_ref()
                .and_then(|v| v.as_ref().ok())
                .map(|v| v.data.height())
        })
    });
    let why_not = move || view.with(|v| v.as_ref().and_then(|v| v.as_ref().err()).cloned());
    let source = move || bundle.with(|b| b.as_deref().map(source_line));
    view! {
        <section class="panel explain" aria-labelledby="explain-h" id="explain">
            <div class="panel-head"><h2 id="explain-h">{t(&messages::EXPLAIN_TITLE)}</h2></div>
            <p class="hint">{t(&messages::EXPLAIN_HINT)}</p>
            <JobButtons prefix="explain" label=messages::EXPLAIN_RUN counted=messages::CHANGES_SPLIT
                running=ui.explain_running on_run=start/>
            <div hidden=move || shown.with(Option::is_none)>
                <p class="rob-stale" id="explain-stale" role="status" hidden=move || !stale()>
                    {t(&messages::EXPLAIN_STALE)}
                </p>
                <p class="explain-none" id="explain-none" role="status" hidden=move || why_not().is_none()>{why_not}</p>
                {move || height.get().map(|h| view! {
                    <figure class="chart-card explain-card">
                        <figcaption><h3>{move || ok(&|v| v.title.clone())}</h3></figcaption>
                        <p class="rob-summary" id="explain-sentence">{move || ok(&|v| v.sentence.clone())}</p>
                        <ChartCanvas id="chart-explain" height=h
                            label=Signal::derive(move || ok(&|v| v.label.clone()).unwrap_or_default())
                            draw=move |area, style| view.with(|v| v.as_ref().and_then(|v| v.as_ref().ok())
                                .map(|v| charts::draw_waterfall(area, &v.data, style)))/>
                        <p class="hint">{t(&messages::WATERFALL_KEY)}</p>
                        <p class="source">{source}</p>
                        <details class="table-alt">
                            <summary>{t(&messages::SHOW_AS_TABLE)}</summary>
                            <table id="explain-table">
                                {move || view.with(|v| v.as_ref().and_then(|v| v.as_ref().ok()).map(|v| view! {
                                    <thead><tr>{v.header.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view()}</tr></thead>
                                    <tbody>{v.rows.iter().map(|r| view! {
                                        <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                                    }).collect_view()}</tbody>
                                }))}
                            </table>
                        </details>
                    </figure>
                })}
            </div>
        </section>
    }
}
