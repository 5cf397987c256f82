//! Over- and under-performers against income (UNCTAD's analysis), live under the weights: the
//! scatter of score against GDP per capita (a [`ChartCard`], so it has the other charts'
//! caption, table alternative, share, embed and downloads) beside a table of actual rank,
//! expected rank and their difference, sortable by each column, largest over-performer first.
//! Scored economies without a GDP per capita follow, marked; the coverage is said in words.
//! Rows and order come from [`crate::view_model::performers`], the results from the one
//! performers memo ([`crate::state::Derived::performers`]).

use index_core::display::escape_html;
use leptos::prelude::*;

use super::chart::watch_view;
use super::charts_panel::ChartCard;
use crate::charts::ChartKind;
use crate::state::{use_state, PerformerKey};
use crate::view_model::performers::{coverage, difference_text, rows, PerformerRow};

/// The panel.
#[component]
pub fn PerformersPanel() -> impl IntoView {
    let state = use_state();
    let (bundle, table, performers) =
        (state.inputs.bundle(), state.table, state.derived.performers);
    // Out of view, the panel reads nothing, so a slider step computes and writes none of it
    // (the performers memo included); it catches up when it comes into view.
    let panel = NodeRef::<leptos::html::Section>::new();
    let in_view = watch_view(panel, super::chart::NEAR_VIEW);
    let rows = Memo::new(move |_| {
        let b = bundle.get()?;
        let p = performers.get()?;
        let p = p.as_ref().ok()?;
        Some(rows(&b, p, table.performers.get()))
    });
    let summary = move || {
        if !in_view.get() {
            return None;
        }
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
    // The rows are written as one HTML text: a rebuild of ~170 rows as Leptos views took
    // ~40 ms per slider step (an erased view re-sets every attribute), one write takes ~1 ms.
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move |_| {
        if !in_view.get() {
            return;
        }
        let selected = state.inputs.selection().get();
        let Some(tb) = body.get() else { return };
        let html = rows.with(|r| {
            r.as_deref()
                .map(|r| rows_html(r, selected.as_deref()))
                .unwrap_or_default()
        });
        tb.set_inner_html(&html);
    });
    let (on_click, on_key) = super::follow_rows(state);
    view! {
        <section class="panel performers" aria-labelledby="performers-h" id="performers" node_ref=panel>
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
                            <tbody node_ref=body on:click=on_click on:keydown=on_key></tbody>
                        </table>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// The table's rows as HTML (text escaped): per economy, its group's mark (first, so that a
/// long name cut short keeps it), name and code, then actual rank, expected rank and
/// difference — or why it is not compared. The row of the economy followed (`selected`) is
/// marked.
fn rows_html(rows: &[PerformerRow], selected: Option<&str>) -> String {
    let mut html = String::with_capacity(rows.len() * 320);
    for r in rows {
        let rank = |k: Option<u32>| k.map_or_else(|| "–".to_string(), |k| k.to_string());
        let group = r.membership.class();
        let chosen = if selected == Some(r.code.as_str()) {
            " selected"
        } else {
            ""
        };
        let (name, code) = (escape_html(&r.name), escape_html(&r.code));
        html.push_str(&format!(
            r#"<tr class="row {group}{chosen}" data-code="{code}" tabindex="0"><th scope="row" class="p-name" title="{name}"><span class="marker {group}">{}</span>{name}<span class="ucode">{code}</span></th>"#,
            r.membership.mark()
        ));
        match r.difference {
            Some(d) => {
                let direction = match d.signum() {
                    1 => "up",
                    -1 => "down",
                    _ => "same",
                };
                html.push_str(&format!(
                    r#"<td class="num p-actual">{}</td><td class="num p-expected">{}</td><td class="num p-diff {direction}">{}</td>"#,
                    rank(r.actual),
                    rank(r.expected),
                    difference_text(d)
                ));
            }
            None => html.push_str(&format!(
                r#"<td class="p-note" colspan="3">{}</td>"#,
                escape_html(&r.note)
            )),
        }
        html.push_str("</tr>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Membership;

    #[test]
    fn rows_are_escaped_marked_and_say_why_an_economy_is_not_compared() {
        let row = |code: &str, name: &str, difference: Option<i64>, m: Membership| PerformerRow {
            unit: 0,
            code: code.into(),
            name: name.into(),
            score: 0.5,
            index_rank: 1,
            gdp: difference.map(|_| 1000.0),
            actual: difference.map(|_| 3),
            expected: difference.map(|_| 5),
            difference,
            note: if difference.is_some() {
                String::new()
            } else {
                "no GDP per capita for 2021".into()
            },
            membership: m,
        };
        let html = rows_html(
            &[
                row("AAA", "<b>A & B</b>", Some(2), Membership::A),
                row("BBB", "Béta", None, Membership::Other),
            ],
            Some("AAA"),
        );
        assert_eq!(
            html,
            concat!(
                r#"<tr class="row grp-a selected" data-code="AAA" tabindex="0"><th scope="row" class="p-name" title="&lt;b&gt;A &amp; B&lt;/b&gt;">"#,
                r#"<span class="marker grp-a">▲</span>&lt;b&gt;A &amp; B&lt;/b&gt;<span class="ucode">AAA</span></th>"#,
                r#"<td class="num p-actual">3</td><td class="num p-expected">5</td><td class="num p-diff up">+2</td></tr>"#,
                r#"<tr class="row grp-none" data-code="BBB" tabindex="0"><th scope="row" class="p-name" title="Béta">"#,
                r#"<span class="marker grp-none"></span>Béta<span class="ucode">BBB</span></th>"#,
                r#"<td class="p-note" colspan="3">no GDP per capita for 2021</td></tr>"#,
            )
        );
    }
}
