//! Over- and under-performers against income (UNCTAD's analysis), live under the weights: the
//! scatter of score against GDP per capita (a [`ChartCard`], so it has the other charts'
//! caption, table alternative, share, embed and downloads) beside a table of actual rank,
//! expected rank and their difference, sortable by each column, largest over-performer first.
//! Scored economies without a GDP per capita follow, marked; the coverage is said in words.
//! Rows and order come from [`crate::view_model::performers`], the results from the one
//! performers memo ([`crate::state::Derived::performers`]).

use leptos::prelude::*;

use super::charts_panel::ChartCard;
use super::closest;
use crate::charts::ChartKind;
use crate::state::{use_state, PerformerKey};
use crate::view_model::performers::{coverage, difference_text, rows, PerformerRow};

/// The panel.
#[component]
pub fn PerformersPanel() -> impl IntoView {
    let state = use_state();
    let (bundle, table, performers) =
        (state.inputs.bundle(), state.table, state.derived.performers);
    let rows = Memo::new(move |_| {
        let b = bundle.get()?;
        let p = performers.get()?;
        let p = p.as_ref().ok()?;
        Some(rows(&b, p, table.performers.get()))
    });
    let summary = move || {
        performers.with(|p| {
            p.as_ref().map(|p| match p.as_ref() {
                Ok(p) => coverage(p),
                Err(e) => format!("Not available: {e}."),
            })
        })
    };
    let sort_button = move |key: PerformerKey, label: &'static str| {
        let active = move || table.performers.get().0 == key;
        // Each key's natural order (difference: largest first; the others: 1 or A first).
        let descending = move || (key == PerformerKey::Difference) != table.performers.get().1;
        view! {
            <th scope="col" class=if key == PerformerKey::Name { "" } else { "num" }
                aria-sort=move || match (active(), descending()) {
                    (false, _) => "none",
                    (true, true) => "descending",
                    (true, false) => "ascending",
                }>
                <button type="button" class="sort" class:active=active data-key=label
                    on:click=move |_| table.sort_performers_by(key)>
                    {label}{move || if !active() { "" } else if descending() { " ▼" } else { " ▲" }}
                </button>
            </th>
        }
    };
    let toggle = move |target| {
        if let Some(code) =
            closest(target, "tr[data-code]").and_then(|tr| tr.get_attribute("data-code"))
        {
            state.inputs.toggle_selection(code);
        }
    };
    view! {
        <section class="panel performers" aria-labelledby="performers-h" id="performers">
            <div class="panel-head"><h2 id="performers-h">"Over- and under-performers against income"</h2></div>
            <p class="hint">"Expected rank: the rank by GDP per capita (PPP) among the economies compared. \
                Difference = expected − actual rank: positive when an economy scores better than its income predicts \
                (UNCTAD's over-performers). Click a row to follow an economy on the chart."</p>
            <div class="performers-grid">
                <ChartCard kind=ChartKind::Performers/>
                <div class="performers-side">
                    <p class="performers-coverage" id="performers-coverage">{summary}</p>
                    <div class="table-wrap">
                        <table class="compare-table performers-table" id="performers-table">
                            <thead>
                                <tr>
                                    {sort_button(PerformerKey::Name, "Country")}
                                    {sort_button(PerformerKey::Actual, "Rank")}
                                    {sort_button(PerformerKey::Expected, "Expected")}
                                    {sort_button(PerformerKey::Difference, "Difference")}
                                </tr>
                            </thead>
                            <tbody on:click=move |ev| toggle(ev.target())
                                on:keydown=move |ev| {
                                    if ev.key() == "Enter" || ev.key() == " " {
                                        ev.prevent_default();
                                        toggle(ev.target());
                                    }
                                }>
                                {move || {
                                    let selected = state.inputs.selection().get();
                                    rows.with(|r| r.iter().flatten().map(|r| row(r, selected.as_deref())).collect_view())
                                }}
                            </tbody>
                        </table>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// One economy's row: its group's mark (first, so that a long name cut short keeps it), name
/// and code, actual rank, expected rank, difference; or
/// the name and why it is not compared. Clicking it (or Enter) follows the economy.
fn row(r: &PerformerRow, selected: Option<&str>) -> impl IntoView {
    let rank = |k: Option<u32>| k.map_or_else(|| "–".to_string(), |k| k.to_string());
    let class = format!(
        "row {}{}",
        r.membership.class(),
        if selected == Some(r.code.as_str()) {
            " selected"
        } else {
            ""
        }
    );
    let direction = match r.difference {
        Some(d) if d > 0 => "num p-diff up",
        Some(d) if d < 0 => "num p-diff down",
        _ => "num p-diff same",
    };
    let figures = match r.difference {
        Some(d) => view! {
            <td class="num p-actual">{rank(r.actual)}</td>
            <td class="num p-expected">{rank(r.expected)}</td>
            <td class=direction>{difference_text(d)}</td>
        }
        .into_any(),
        None => view! { <td class="p-note" colspan="3">{r.note.clone()}</td> }.into_any(),
    };
    view! {
        <tr class=class data-code=r.code.clone() tabindex="0">
            <th scope="row" class="p-name" title=r.name.clone()>
                <span class=format!("marker {}", r.membership.class())>{r.membership.mark()}</span>
                {r.name.clone()}
                <span class="ucode">{r.code.clone()}</span>
            </th>
            {figures}
        </tr>
    }
}
