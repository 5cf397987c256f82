//! The scenario comparison: the gap under each scenario, the rank-change table (largest move
//! first) and the slope chart of ranks. Shown while two or more scenarios are ticked.

use leptos::prelude::*;

use super::chart::ChartCanvas;
use crate::comparison::{compare, Comparison};
use crate::format;
use crate::persist::use_library;
use crate::state::use_state;

/// Rows shown before "show all".
const FIRST_ROWS: usize = 25;

/// The comparison section.
#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_state();
    let library = use_library();
    let all_rows = RwSignal::new(false);
    let comparison = Memo::new(move |_| -> Option<Comparison> {
        let ids = library.comparing().get();
        if ids.len() < 2 {
            return None;
        }
        let b = state.inputs.bundle().get()?;
        let saved = library.saved().get();
        let chosen: Vec<_> = ids
            .iter()
            .filter_map(|id| {
                saved
                    .iter()
                    .find(|s| s.id == *id && s.scenario.bundle == b.id())
                    .cloned()
            })
            .collect();
        (chosen.len() >= 2).then(|| compare(&b, &chosen, &state.inputs.pair().get()))
    });
    let height = 320;
    view! {
        <Show when=move || comparison.with(Option::is_some)>
            <section class="panel compare" id="compare" aria-labelledby="compare-h">
                <div class="panel-head">
                    <h2 id="compare-h">{move || comparison.with(|c| c.as_ref().map(|c| format!("Comparing {}", c.names.join(" · "))))}</h2>
                    <button class="dismiss" aria-label="Close the comparison" on:click=move |_| library.clear_compared()>"×"</button>
                </div>
                {move || comparison.with(|c| c.as_ref().map(|c| c.problems.iter().map(|p| view! { <p class="notice warning">{p.clone()}</p> }).collect_view()))}
                <div class="compare-grid">
                    <div>
                        <h3>{move || comparison.with(|c| c.as_ref().map(|c| format!("The gap between {} and {} under each", c.group_names[0], c.group_names[1])))}</h3>
                        <table class="gap-table" id="compare-gaps">
                            <thead><tr>
                                <th>"Scenario"</th>
                                <th class="num">{move || comparison.with(|c| c.as_ref().map(|c| c.group_names[0].clone()))}</th>
                                <th class="num">{move || comparison.with(|c| c.as_ref().map(|c| c.group_names[1].clone()))}</th>
                                <th class="num">"Gap"</th>
                            </tr></thead>
                            <tbody>{move || comparison.with(|c| c.as_ref().map(|c| c.gaps.iter().map(|g| view! {
                                <tr><th scope="row">{g.name.clone()}</th>
                                    <td class="num">{format::opt_score(g.a)}</td>
                                    <td class="num">{format::opt_score(g.b)}</td>
                                    <td class="num gap">{format::opt_score(g.gap)}</td></tr>
                            }).collect_view()))}</tbody>
                        </table>
                        <h3>"Ranks under each scenario"</h3>
                        <ChartCanvas id="chart-slopes" height=height label="Slope chart of ranks under each scenario; the largest movers are highlighted"
                            draw=move |area, style| comparison.with(|c| c.as_ref().map(|c| crate::charts::draw_slopes(area, &c.slopes, style)))/>
                    </div>
                    <div>
                        <h3>"Rank changes, largest first"</h3>
                        <div class="table-wrap">
                            <table class="compare-table" id="compare-table">
                                <thead><tr>
                                    <th>"Country"</th>
                                    {move || comparison.with(|c| c.as_ref().map(|c| c.names.iter().map(|n| view! { <th class="num">{n.clone()}</th> }).collect_view()))}
                                    <th class="num" title="Rank under the first scenario minus rank under the last">"Change"</th>
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
                                            </tr>
                                        }
                                    }).collect_view()
                                }))}</tbody>
                            </table>
                        </div>
                        <button class="link" on:click=move |_| all_rows.update(|a| *a = !*a)>
                            {move || if all_rows.get() { "Show fewer" } else { "Show every unit" }}
                        </button>
                    </div>
                </div>
            </section>
        </Show>
    }
}
