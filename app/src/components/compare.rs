//! The scenario comparison: the gap under each scenario, the rank-change table (largest move
//! first, with each unit's largest cause of its change from the first scenario to the last
//! once the worker has split it: `Request::Explain`) and the slope chart of ranks. Shown while
//! two or more scenarios are ticked.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{messages, t, t_with};

use super::chart::ChartCanvas;
use super::job::{self, JobButtons};
use crate::comparison::{compare, explains, Comparison};
use crate::format;
use crate::persist::use_library;
use crate::persist::Saved;
use crate::state::use_state;
use crate::view_model::explain::{largest_causes, ExplainRun};
use crate::view_model::robustness::key;
use crate::worker_client::{Outcome, Request};

/// Rows shown before "show all".
const FIRST_ROWS: usize = 25;

/// The comparison section.
#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_state();
    let library = use_library();
    let all_rows = RwSignal::new(false);
    let bundle = state.inputs.bundle();
    // The scenarios compared (of the bundle shown), in order.
    // (A closure, not a memo: a few look-ups, and one memo type less in the wasm.)
    let chosen = move || -> Vec<Saved> {
        let ids = library.comparing().get();
        let Some(id) = bundle.with(|b| b.as_ref().map(|b| b.id().to_string())) else {
            return Vec::new();
        };
        let saved = library.saved().get();
        ids.iter()
            .filter_map(|i| {
                saved
                    .iter()
                    .find(|s| s.id == *i && s.scenario.bundle == id)
                    .cloned()
            })
            .collect()
    };
    let comparison = Memo::new(move |_| -> Option<Comparison> {
        let b = bundle.get()?;
        let c = chosen();
        (c.len() >= 2).then(|| compare(&b, &c, &state.inputs.pair().get()))
    });
    // Each unit's largest cause, when the worker's last split is of the first and last compared.
    let ui = state.robustness;
    let causes = Memo::new(move |_| -> Option<Vec<(String, String)>> {
        let run = ui.causes.get()?;
        let b = bundle.get()?;
        explains(&run, b.id(), &chosen()).then(|| largest_causes(&b, &run.result))
    });
    let find_causes = Callback::new(move |()| {
        let (Some(b), Some((first, last))) = (
            bundle.get_untracked(),
            untrack(|| {
                let c = chosen();
                Some((c.first()?.scenario.clone(), c.last()?.scenario.clone()))
            }),
        ) else {
            return;
        };
        let (id, from, to) = (b.id().to_string(), key(&first), key(&last));
        job::start_for(
            state,
            ui.causes_running,
            Some(last),
            Request::Explain { from: Some(first) },
            messages::CAUSES_FAILED,
            Box::new(move |outcome, elapsed_ms| {
                if let Outcome::Explain(result) = outcome {
                    ui.causes.set(Some(Arc::new(ExplainRun {
                        bundle: id.clone(),
                        from: Some(from.clone()),
                        scenario: to.clone(),
                        elapsed_ms,
                        result,
                    })));
                }
            }),
        );
    });
    let cause_of = move |code: &str| {
        causes.with(|c| {
            c.as_ref().map(|c| {
                c.iter()
                    .find(|(x, _)| x == code)
                    .map_or_else(|| "–".to_string(), |(_, why)| why.clone())
            })
        })
    };
    let height = 320;
    view! {
        <Show when=move || comparison.with(Option::is_some)>
            <section class="panel compare" id="compare" aria-labelledby="compare-h">
                <div class="panel-head">
                    <h2 id="compare-h">{move || comparison.with(|c| c.as_ref().map(|c| t_with(&messages::COMPARING, &[("names", c.names.join(" · ").into())])))}</h2>
                    <button class="dismiss" aria-label=t(&messages::CLOSE_COMPARISON) on:click=move |_| library.clear_compared()>"×"</button>
                </div>
                {move || comparison.with(|c| c.as_ref().map(|c| c.problems.iter().map(|p| view! { <p class="notice warning">{p.clone()}</p> }).collect_view()))}
                <div class="compare-grid">
                    <div>
                        <h3>{move || comparison.with(|c| c.as_ref().map(|c| t_with(&messages::GAP_UNDER_EACH, &[("a", c.group_names[0].as_str().into()), ("b", c.group_names[1].as_str().into())])))}</h3>
                        <table class="gap-table" id="compare-gaps">
                            <thead><tr>
                                <th>{t(&messages::SCENARIO)}</th>
                                <th class="num">{move || comparison.with(|c| c.as_ref().map(|c| c.group_names[0].clone()))}</th>
                                <th class="num">{move || comparison.with(|c| c.as_ref().map(|c| c.group_names[1].clone()))}</th>
                                <th class="num">{t(&messages::GAP)}</th>
                            </tr></thead>
                            <tbody>{move || comparison.with(|c| c.as_ref().map(|c| c.gaps.iter().map(|g| view! {
                                <tr><th scope="row">{g.name.clone()}</th>
                                    <td class="num">{format::opt_score(g.a)}</td>
                                    <td class="num">{format::opt_score(g.b)}</td>
                                    <td class="num gap">{format::opt_score(g.gap)}</td></tr>
                            }).collect_view()))}</tbody>
                        </table>
                        <h3>{t(&messages::RANKS_UNDER_EACH)}</h3>
                        <ChartCanvas id="chart-slopes" height=height label=t(&messages::SLOPES_LABEL)
                            draw=move |area, style| comparison.with(|c| c.as_ref().map(|c| crate::charts::draw_slopes(area, &c.slopes, style)))/>
                    </div>
                    <div>
                        <h3>{t(&messages::RANK_CHANGES)}</h3>
                        <p class="hint">{t(&messages::LARGEST_CAUSE_HINT)}</p>
                        <JobButtons prefix="causes" label=messages::CAUSES_RUN counted=messages::CHANGES_SPLIT
                            running=ui.causes_running on_run=find_causes/>
                        <div class="table-wrap" tabindex="0">
                            <table class="compare-table" id="compare-table">
                                <thead><tr>
                                    <th>{t(&messages::COUNTRY)}</th>
                                    {move || comparison.with(|c| c.as_ref().map(|c| c.names.iter().map(|n| view! { <th class="num">{n.clone()}</th> }).collect_view()))}
                                    <th class="num" title=t(&messages::CHANGE_TITLE)>{t(&messages::CHANGE)}</th>
                                    {move || causes.with(Option::is_some).then(|| view! {
                                        <th>{t(&messages::LARGEST_CAUSE)}</th>
                                    })}
                                </tr></thead>
                                <tbody>{move || comparison.with(|c| c.as_ref().map(|c| {
                                    let n = if all_rows.get() { c.rows.len() } else { FIRST_ROWS.min(c.rows.len()) };
                                    c.rows[..n].iter().map(|r| {
                                        let (text, dir) = format::rank_change(r.change);
                                        view! {
                                            <tr data-code=r.code.clone() class=r.membership.class()>
                                                <th scope="row">{r.name.clone()}" "<span class="ucode">{r.code.clone()}</span></th>
                                                {r.ranks.iter().map(|k| view! { <td class="num">{k.map(|k| k.to_string()).unwrap_or_else(|| "–".into())}</td> }).collect_view()}
                                                <td class=format!("num c-change {dir}")>{text}</td>
                                                {let code = r.code.clone(); move || cause_of(&code).map(|why| view! { <td class="c-cause">{why}</td> })}
                                            </tr>
                                        }
                                    }).collect_view()
                                }))}</tbody>
                            </table>
                        </div>
                        <button class="link" on:click=move |_| all_rows.update(|a| *a = !*a)>
                            {move || t(if all_rows.get() { &messages::SHOW_FEWER } else { &messages::SHOW_EVERY_UNIT })}
                        </button>
                    </div>
                </div>
            </section>
        </Show>
    }
}
