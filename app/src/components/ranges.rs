//! "Best and worst possible ranks": each unit's exact best and worst rank under any weights of
//! the pillars (or each between half and double its current weight), solved in the background
//! worker (`Request::Ranges`: a mixed-integer programme per unit and bound), with its
//! benefit-of-the-doubt score; for the followed unit, the weights that give its best rank and
//! a button that applies them. Stale once the scenario changes, as the uncertainty analysis.

use std::sync::Arc;

use index_core::display::escape_html;
use leptos::prelude::*;

use crate::i18n::{messages, t};

use super::job::{self, JobButtons};
use crate::state::use_state;
use crate::view_model::ranges::{
    best_weights, bod_sentence, range_of, rows, sentence, RangeRow, RangesRun, OFFERED,
};
use crate::view_model::robustness::key;
use crate::worker_client::{Outcome, Request};

/// The least share of each pillar in a benefit-of-the-doubt score (none: the Handbook's plain
/// programme).
const MIN_SHARE: f64 = 0.0;

/// The panel.
#[component]
pub fn RangesPanel() -> impl IntoView {
    let state = use_state();
    let ui = state.robustness;
    let bundle = state.inputs.bundle();
    let start = Callback::new(move |()| {
        let (Some(b), Some(scenario)) = (bundle.get_untracked(), state.scenario()) else {
            return;
        };
        let range = ui.range.get_untracked();
        let (id, asked) = (b.id().to_string(), key(&scenario));
        job::start(
            state,
            ui.ranges_running,
            Request::Ranges {
                range,
                min_share: MIN_SHARE,
            },
            messages::RANGES_FAILED,
            move |outcome, elapsed_ms| {
                if let Outcome::Ranges(result) = outcome {
                    ui.ranges.set(Some(Arc::new(RangesRun {
                        bundle: id.clone(),
                        scenario: asked.clone(),
                        range,
                        elapsed_ms,
                        result,
                    })));
                }
            },
        );
    });
    // The last result, if it is of the bundle shown.
    let shown = job::of_bundle(state, ui.ranges);
    let stale = move || job::is_stale(state, shown);
    let summary = move || {
        let (Some(b), Some(r)) = (bundle.get(), shown.get()) else {
            return String::new();
        };
        sentence(&b, &r)
    };
    // The followed unit's best weights, with the button that applies them.
    let followed = move || {
        let code = state.inputs.selection().get()?;
        let (b, r) = (bundle.get()?, shown.get()?);
        let (said, weights) = best_weights(&b, &r.result, &code)?;
        let bod = bod_sentence(&b, &r.result, &code);
        let apply = move |_| {
            state.inputs.set_weights(&weights);
        };
        Some(view! {
            <div class="ranges-followed" id="ranges-followed">
                <p>{said}</p>
                <button type="button" id="ranges-apply" on:click=apply>{t(&messages::APPLY_THESE_WEIGHTS)}</button>
                <p class="ranges-bod" id="ranges-bod">{bod}</p>
            </div>
        })
    };
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move |_| {
        let selected = state.inputs.selection().get();
        let Some(tb) = body.get() else { return };
        let html = match (bundle.get(), shown.get()) {
            (Some(b), Some(r)) => rows_html(&rows(&b, &r.result), selected.as_deref()),
            _ => String::new(),
        };
        tb.set_inner_html(&html);
    });
    let (on_click, on_key) = super::follow_rows(state);
    view! {
        <section class="panel ranges" aria-labelledby="ranges-h" id="ranges">
            <div class="panel-head"><h2 id="ranges-h">{t(&messages::RANGES_TITLE)}</h2></div>
            <p class="hint">{t(&messages::RANGES_HINT)}</p>
            <div class="rob-form">
                <label for="ranges-range">{t(&messages::WEIGHTS_ALLOWED)}
                    <select id="ranges-range" on:change=move |ev| ui.range.set(range_of(&event_target_value(&ev)))>
                        {OFFERED.iter().map(|(r, label, value)| {
                            let r = *r;
                            view! { <option value=*value selected=move || ui.range.get() == r>{t(label)}</option> }
                        }).collect::<Vec<_>>()}
                    </select>
                </label>
            </div>
            <JobButtons prefix="ranges" label=messages::RANGES_RUN counted=messages::COUNTRIES_SOLVED
                running=ui.ranges_running on_run=start/>
            <Show when=move || shown.with(Option::is_some)>
                <p class="rob-stale" id="ranges-stale" role="status" hidden=move || !stale()>
                    {t(&messages::RANGES_STALE)}
                </p>
                <p class="rob-summary" id="ranges-summary">{summary}</p>
                {followed}
                <div class="table-wrap rob-wrap">
                    <table class="compare-table rob-table ranges-table" id="ranges-table">
                        <caption class="visually-hidden">{t(&messages::RANGES_TABLE_CAPTION)}</caption>
                        <thead><tr>
                            <th scope="col">{t(&messages::COUNTRY)}</th>
                            <th scope="col" class="num">{t(&messages::RANK)}</th>
                            <th scope="col" class="num">{t(&messages::BEST)}</th>
                            <th scope="col" class="num">{t(&messages::WORST)}</th>
                            <th scope="col" class="num">{t(&messages::BENEFIT_OF_DOUBT)}</th>
                        </tr></thead>
                        <tbody node_ref=body on:click=on_click on:keydown=on_key></tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// The table's rows as HTML (text escaped), the followed unit's row marked.
fn rows_html(rows: &[RangeRow], selected: Option<&str>) -> String {
    let mut html = String::with_capacity(rows.len() * 240);
    for r in rows {
        let chosen = if selected == Some(r.code.as_str()) {
            " selected"
        } else {
            ""
        };
        let (name, code) = (escape_html(&r.name), escape_html(&r.code));
        html.push_str(&format!(
            r#"<tr class="row{chosen}" data-code="{code}" tabindex="0"><th scope="row" class="p-name" title="{name}">{name}<span class="ucode">{code}</span></th><td class="num">{}</td><td class="num r-best">{}</td><td class="num r-worst">{}</td><td class="num r-bod">{}</td></tr>"#,
            r.rank,
            escape_html(&r.best),
            escape_html(&r.worst),
            escape_html(&r.bod)
        ));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_escaped_and_the_followed_one_marked() {
        let row = RangeRow {
            code: "AAA".into(),
            name: "<b>A</b>".into(),
            rank: 2,
            best: "1".into(),
            worst: "3 (4 not ruled out)".into(),
            bod: "0.912 (4)".into(),
        };
        let html = rows_html(&[row], Some("AAA"));
        assert_eq!(
            html,
            r#"<tr class="row selected" data-code="AAA" tabindex="0"><th scope="row" class="p-name" title="&lt;b&gt;A&lt;/b&gt;">&lt;b&gt;A&lt;/b&gt;<span class="ucode">AAA</span></th><td class="num">2</td><td class="num r-best">1</td><td class="num r-worst">3 (4 not ruled out)</td><td class="num r-bod">0.912 (4)</td></tr>"#
        );
    }
}
