//! "How robust is this ranking?": the uncertainty analysis of the scenario shown, run in the
//! background worker ([`crate::worker_client`], `Request::Robustness`) while the page stays
//! responsive — what varies (weights ±p % or any weights, normalisation, aggregation,
//! winsorisation, imputation), the draws and the seed, and optionally the sensitivity
//! analysis; a bar and Cancel while it runs; then the result in a sentence, each pair of groups'
//! gap with its interval, every unit's ranks over the draws as a chart (`charts::intervals`:
//! nominal, median and 5–95 % interval), the followed unit's rank probabilities and the
//! countries it changes places with in some draws (the share of draws each ranks above the
//! other), the sensitivity table, and each unit's median rank and 5–95 % interval (wide ones
//! flagged; the ranking table shows the interval too). When the weights, method, year or groups
//! change after a run, the result says it is for the earlier scenario.

use std::sync::Arc;

use index_core::display::escape_html;
use leptos::prelude::*;

use crate::i18n::{messages, t, t_with, Msg};

use super::chart::ChartCanvas;
use super::job::{self, JobButtons};
use crate::charts;
use crate::format;
use crate::state::{use_state, Level};
use crate::view_model::robustness::{
    gap_lines, key, rank_sentence, rank_shares, rank_spans, rivals, rows, sensitivity_rows,
    sentence, thousands, Analysis, IntervalRow, WeightChoice, DRAWS_OFFERED,
};
use crate::view_model::source_line;
use crate::worker_client::{Outcome, Request};

/// The panel.
#[component]
pub fn RobustnessPanel() -> impl IntoView {
    let state = use_state();
    let ui = state.robustness;
    let bundle = state.inputs.bundle();
    let start = Callback::new(move |()| {
        let (Some(b), Some(scenario)) = (bundle.get_untracked(), state.scenario()) else {
            return;
        };
        let choices = ui.choices.get_untracked();
        let plan = choices.plan();
        if let Err(e) = plan.check() {
            state.notify(
                Level::Error,
                t_with(&messages::ROB_FAILED, &[("why", e.to_string().into())]),
            );
            return;
        }
        let request = Request::Robustness {
            plan: plan.clone(),
            sensitivity: choices.bootstrap(),
        };
        let (id, asked) = (b.id().to_string(), key(&scenario));
        job::start(
            state,
            ui.running,
            request,
            messages::ROB_FAILED,
            move |outcome, elapsed_ms| {
                if let Outcome::Robustness(result) = outcome {
                    ui.last.set(Some(Arc::new(Analysis {
                        bundle: id.clone(),
                        scenario: asked.clone(),
                        plan: plan.clone(),
                        elapsed_ms,
                        result,
                    })));
                }
            },
        );
    });
    // The last result, if it is of the bundle shown.
    let shown = job::of_bundle(state, ui.last);
    let stale = move || job::is_stale(state, shown);
    let summary = move || shown.with(|a| a.as_deref().map(sentence));
    let gaps = move || {
        let (Some(b), Some(a)) = (bundle.get(), shown.get()) else {
            return Vec::new();
        };
        gap_lines(&b, &a.result)
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect::<Vec<_>>()
    };
    let sensitivity = move || {
        let rows = shown.with(|a| {
            a.as_deref()
                .map(|a| sensitivity_rows(&a.result))
                .unwrap_or_default()
        });
        (!rows.is_empty()).then(|| {
            view! {
                <table class="compare-table rob-sensitivity" id="rob-sensitivity">
                    <caption>{t(&messages::ROB_SENSITIVITY)}</caption>
                    <thead><tr><th scope="col">{t(&messages::CHOICE)}</th><th scope="col" class="num">{t(&messages::ALONE)}</th><th scope="col" class="num">{t(&messages::WITH_INTERACTIONS)}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|[name, first, total]| view! {
                            <tr><th scope="row">{name}</th><td class="num">{first}</td><td class="num">{total}</td></tr>
                        }).collect::<Vec<_>>()}
                    </tbody>
                </table>
            }
        })
    };
    // Every unit's ranks over the draws, as a chart (the table below is its alternative).
    let spans = Memo::new(move |_| {
        let (b, a) = (bundle.get()?, shown.get()?);
        let groups = state.inputs.pair().get();
        let selected = state.inputs.selection().get();
        Some(rank_spans(&b, &a.result, &groups, selected.as_deref()))
    });
    let spans_title = move || {
        bundle.with(|b| {
            b.as_deref()
                .map(|b| t_with(&messages::ROB_SPANS_TITLE, &[("title", b.title().into())]))
        })
    };
    let source = move || bundle.with(|b| b.as_deref().map(source_line));
    // The followed unit's rank probabilities, as bars with the figures in words beside.
    let followed = move || {
        let Some(code) = state.inputs.selection().get() else {
            return view! {
                <p class="hint" id="rob-followed-hint">{t(&messages::ROB_CLICK_ROW)}</p>
            }
            .into_any();
        };
        let (Some(b), Some(a)) = (bundle.get(), shown.get()) else {
            return ().into_any();
        };
        let Some(shares) = rank_shares(&a.result, &code) else {
            return ().into_any();
        };
        let i = a.result.codes.iter().position(|c| *c == code);
        let nominal = i.and_then(|i| a.result.ranks.get(i)).map_or(0, |r| r[0]);
        let name = b
            .dataset()
            .units()
            .iter()
            .find(|u| u.code == code)
            .map_or_else(|| code.clone(), crate::i18n::label);
        let top = shares
            .iter()
            .map(|x| x.1)
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
        let (first, last) = (
            shares.first().map_or(0, |x| x.0),
            shares.last().map_or(0, |x| x.0),
        );
        let sentence = rank_sentence(&name, nominal, &shares);
        let unit_name = |c: &str| {
            b.dataset()
                .units()
                .iter()
                .find(|u| u.code == c)
                .map_or_else(|| c.to_string(), crate::i18n::label)
        };
        let against = rivals(&a.result, &code);
        let against = if against.is_empty() {
            view! {
                <p class="hint" id="rob-rivals-none">{t_with(&messages::ROB_NO_RIVALS, &[("name", name.as_str().into())])}</p>
            }
            .into_any()
        } else {
            view! {
                <div class="table-wrap" tabindex="0">
                    <table class="compare-table" id="rob-rivals">
                        <caption>{t_with(&messages::ROB_RIVALS, &[("name", name.as_str().into())])}</caption>
                        <thead><tr>
                            <th scope="col">{t(&messages::COUNTRY)}</th>
                            <th scope="col">{t(&messages::RANK)}</th>
                            <th scope="col">{t_with(&messages::ROB_ABOVE_IT, &[("name", name.as_str().into())])}</th>
                            <th scope="col">{t_with(&messages::ROB_IT_ABOVE, &[("name", name.as_str().into())])}</th>
                        </tr></thead>
                        <tbody>{against.into_iter().map(|(c, rank, above, below)| view! {
                            <tr data-code=c.clone()>
                                <td>{unit_name(&c)}</td>
                                <td>{rank}</td>
                                <td>{format::percent(above)}</td>
                                <td>{format::percent(below)}</td>
                            </tr>
                        }).collect::<Vec<_>>()}</tbody>
                    </table>
                </div>
            }
            .into_any()
        };
        view! {
            <div class="rob-followed" id="rob-followed">
                <p>{sentence.clone()}</p>
                <div class="rob-bars" role="img" aria-label=sentence>
                    {shares.into_iter().map(|(rank, share)| {
                        let label = t_with(&messages::RANK_SHARE, &[("rank", rank.to_string().into()), ("share", format::percent(share).into())]);
                        let nominal_class = if rank == nominal { "rob-bar nominal" } else { "rob-bar" };
                        view! { <span class=nominal_class title=label style=format!("height:{:.1}%", share / top * 100.0)></span> }
                    }).collect::<Vec<_>>()}
                </div>
                <div class="rob-bars-axis" aria-hidden="true"><span>{t_with(&messages::RANK_N, &[("rank", first.to_string().into())])}</span><span>{t_with(&messages::RANK_N, &[("rank", last.to_string().into())])}</span></div>
                {against}
            </div>
        }
        .into_any()
    };
    // The rows, written as one HTML text (as the performers table: ~170 rows).
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move |_| {
        let selected = state.inputs.selection().get();
        let Some(tb) = body.get() else { return };
        let html = match (bundle.get(), shown.get()) {
            (Some(b), Some(a)) => rows_html(&rows(&b, &a.result), selected.as_deref()),
            _ => String::new(),
        };
        tb.set_inner_html(&html);
    });
    let (on_click, on_key) = super::follow_rows(state);
    let choices = ui.choices;
    let check = move |id: &'static str,
                      label: &Msg,
                      get: fn(&crate::view_model::robustness::Choices) -> bool,
                      set: fn(&mut crate::view_model::robustness::Choices, bool)| {
        view! {
            <label class="check" for=id>
                <input type="checkbox" id=id prop:checked=move || choices.with(get)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        choices.update(|c| set(c, on));
                    }/>
                {t(label)}
            </label>
        }
    };
    view! {
        <section class="panel robustness" aria-labelledby="robustness-h" id="robustness">
            <div class="panel-head"><h2 id="robustness-h">{t(&messages::ROB_TITLE)}</h2></div>
            <p class="hint">{t(&messages::ROB_HINT)}</p>
            <div class="rob-form">
                <label for="rob-weights">{t(&messages::WEIGHTS_VARY)}
                    <select id="rob-weights" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        choices.update(|c| c.weights = WeightChoice::from_value(&v));
                    }>
                        {WeightChoice::OFFERED.iter().map(|(c, value)| {
                            let c = *c;
                            view! { <option value=*value selected=move || choices.with(|x| x.weights == c)>{c.label()}</option> }
                        }).collect::<Vec<_>>()}
                    </select>
                </label>
                {check("rob-normalisation", &messages::ROB_NORMALISATION, |c| c.normalisation, |c, on| c.normalisation = on)}
                {check("rob-aggregation", &messages::ROB_AGGREGATION, |c| c.aggregation, |c, on| c.aggregation = on)}
                {check("rob-winsorisation", &messages::ROB_WINSORISATION, |c| c.winsorisation, |c, on| c.winsorisation = on)}
                {check("rob-imputation", &messages::ROB_IMPUTATION, |c| c.imputation, |c, on| c.imputation = on)}
                <label for="rob-draws">{t(&messages::DRAWS)}
                    <select id="rob-draws" on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            choices.update(|c| c.draws = n);
                        }
                    }>
                        {DRAWS_OFFERED.iter().map(|n| {
                            let n = *n;
                            view! { <option value=n.to_string() selected=move || choices.with(|c| c.draws == n)>{thousands(n)}</option> }
                        }).collect::<Vec<_>>()}
                    </select>
                </label>
                <label for="rob-seed">{t(&messages::SEED)}
                    <input type="number" id="rob-seed" min="0" step="1" inputmode="numeric"
                        prop:value=move || choices.with(|c| c.seed.to_string())
                        on:change=move |ev| {
                            // A seed that is not a whole number from 0 is refused, and the field
                            // shows the seed kept.
                            match event_target_value(&ev).trim().parse::<u64>() {
                                Ok(seed) => choices.update(|c| c.seed = seed),
                                Err(_) => {
                                    state.notify(Level::Warning, t(&messages::SEED_REFUSED));
                                    choices.update(|_| {});
                                }
                            }
                        }/>
                </label>
                {check("rob-sensitivity", &messages::ROB_ALSO_SENSITIVITY, |c| c.sensitivity, |c, on| c.sensitivity = on)}
            </div>
            <JobButtons prefix="rob" label=messages::ROB_RUN counted=messages::DRAWS_MADE running=ui.running on_run=start/>
            <Show when=move || shown.with(Option::is_some)>
                <p class="rob-stale" id="rob-stale" role="status" hidden=move || !stale()>
                    {t(&messages::ROB_STALE)}
                </p>
                <p class="rob-summary" id="rob-summary">{summary}</p>
                <ul class="rob-gaps" id="rob-gaps">{gaps}</ul>
                <figure class="chart-card rob-card">
                    <figcaption><h3>{spans_title}</h3></figcaption>
                    <ChartCanvas id="chart-rank-spans" height=280
                        label=t(&messages::ROB_SPANS_LABEL)
                        draw=move |area, style| spans.with(|v| v.as_ref().map(|v| charts::draw_rank_spans(area, v, style)))/>
                    <p class="source">{source}</p>
                    <p class="hint">{t(&messages::TABLE_BELOW)}</p>
                </figure>
                {followed}
                {sensitivity}
                <div class="table-wrap rob-wrap">
                    <table class="compare-table rob-table" id="rob-table">
                        <caption class="visually-hidden">{t(&messages::ROB_TABLE_CAPTION)}</caption>
                        <thead><tr>
                            <th scope="col">{t(&messages::COUNTRY)}</th>
                            <th scope="col" class="num">{t(&messages::RANK)}</th>
                            <th scope="col" class="num">{t(&messages::MEDIAN)}</th>
                            <th scope="col" class="num">{t(&messages::NINETY_OF_DRAWS)}</th>
                            <th scope="col" class="num">{t(&messages::BEST_WORST)}</th>
                        </tr></thead>
                        <tbody node_ref=body on:click=on_click on:keydown=on_key></tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// The table's rows as HTML (text escaped); a wide interval is flagged with a mark and words
/// (not by colour alone), the followed unit's row marked.
fn rows_html(rows: &[IntervalRow], selected: Option<&str>) -> String {
    let mut html = String::with_capacity(rows.len() * 260);
    let wide_flag = format!(
        r#" <span class="flag" title="{}">⚠<span class="visually-hidden"> {}</span></span>"#,
        escape_html(&t(&messages::WIDE_TITLE)),
        escape_html(&t(&messages::WIDE))
    );
    for r in rows {
        let chosen = if selected == Some(r.code.as_str()) {
            " selected"
        } else {
            ""
        };
        let (wide_class, flag) = if r.wide {
            (" wide", wide_flag.as_str())
        } else {
            ("", "")
        };
        let (name, code) = (escape_html(&r.name), escape_html(&r.code));
        html.push_str(&format!(
            r#"<tr class="row{chosen}{wide_class}" data-code="{code}" tabindex="0"><th scope="row" class="p-name" title="{name}">{name}<span class="ucode">{code}</span></th><td class="num">{}</td><td class="num">{}</td><td class="num rob-interval">{}{flag}</td><td class="num">{}</td></tr>"#,
            r.nominal, r.median, r.interval, r.range
        ));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_escaped_and_wide_ones_flagged_in_words() {
        let row = |code: &str, name: &str, wide: bool| IntervalRow {
            code: code.into(),
            name: name.into(),
            nominal: 2,
            median: 3,
            interval: "1–30".into(),
            range: "1–40".into(),
            wide,
        };
        let html = rows_html(
            &[row("AAA", "<i>A</i>", true), row("BBB", "B", false)],
            Some("BBB"),
        );
        assert!(html.starts_with(r#"<tr class="row wide" data-code="AAA" tabindex="0"><th scope="row" class="p-name" title="&lt;i&gt;A&lt;/i&gt;">&lt;i&gt;A&lt;/i&gt;"#), "{html}");
        assert!(html.contains(r#"1–30 <span class="flag" title="spans more than 20 places">⚠<span class="visually-hidden"> wide</span></span>"#));
        assert!(html.contains(r#"<tr class="row selected" data-code="BBB""#));
        assert_eq!(html.matches("<tr").count(), 2);
    }
}
