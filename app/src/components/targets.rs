//! "What would it take?": for the followed unit, the smallest improvement of one indicator, or
//! of several together in proportion to their gaps to the best observed value, that lifts it to
//! a chosen rank or past a chosen country under the scenario shown — solved in the background
//! worker (`Request::Target`), shown as a sentence in each indicator's own unit, a status, a
//! table and the reasons the answer depends on the rest of the data, with the source line. Stale
//! once the scenario, the unit followed or the choices change. Part of the page's deferred
//! module (`deferred`, with the profile), not of the main wasm module.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{messages, t, t_with};

use super::health::table;
use super::job::{self, JobButtons};
use crate::state::{use_state, Level};
use crate::view_model::robustness::key;
use crate::view_model::source_line;
use crate::view_model::targets::{
    indicator_choices, rival_choices, target_view, TargetRun, TargetView, HEADER,
};
use crate::worker_client::{Outcome, Request};
use index_worker::protocol::TargetGoal;

/// The panel.
#[component]
pub fn TargetPanel() -> impl IntoView {
    let state = use_state();
    let ui = state.robustness;
    let bundle = state.inputs.bundle();
    let selection = state.inputs.selection();
    // The choices: a rank or a rival, and the indicators left out (none: all of them).
    let past = RwSignal::new(false);
    let rank = RwSignal::new(10u32);
    let rival = RwSignal::new(String::new());
    let left_out = RwSignal::new(Vec::<String>::new());
    let indicators = Memo::new(move |_| bundle.with(|b| b.as_deref().map(indicator_choices)));
    let units =
        Memo::new(move |_| bundle.with(|b| b.as_ref().map_or(1, |b| b.dataset().units().len())));
    let rivals = Memo::new(move |_| {
        let followed = selection.get();
        bundle.with(|b| b.as_deref().map(|b| rival_choices(b, followed.as_deref())))
    });
    let chosen = move || -> Vec<String> {
        let out = left_out.get();
        indicators.with(|c| {
            c.iter()
                .flatten()
                .filter(|(id, _)| !out.contains(id))
                .map(|(id, _)| id.clone())
                .collect()
        })
    };
    let goal = move || {
        if past.get() {
            TargetGoal::Past(rival.get())
        } else {
            TargetGoal::Rank(rank.get())
        }
    };
    let start = Callback::new(move |()| {
        let (Some(b), Some(scenario), Some(unit)) = (
            bundle.get_untracked(),
            state.scenario(),
            selection.get_untracked(),
        ) else {
            return;
        };
        let (goal, indicators) = untrack(|| (goal(), chosen()));
        if goal == TargetGoal::Past(String::new()) {
            state.notify(Level::Info, t(&messages::CHOOSE_RIVAL));
            return;
        }
        if indicators.is_empty() {
            state.notify(Level::Info, t(&messages::TICK_INDICATOR));
            return;
        }
        let (id, asked) = (b.id().to_string(), key(&scenario));
        job::start(
            state,
            ui.target_running,
            Request::Target {
                unit,
                indicators,
                goal,
            },
            messages::TARGET_FAILED,
            move |outcome, elapsed_ms| {
                if let Outcome::Target(result) = outcome {
                    ui.target.set(Some(Arc::new(TargetRun {
                        bundle: id.clone(),
                        scenario: asked.clone(),
                        elapsed_ms,
                        result,
                    })));
                }
            },
        );
    });
    let shown = job::of_bundle(state, ui.target);
    // For another scenario, unit followed or choice than those on screen now.
    let stale = move || {
        job::is_stale(state, shown)
            || shown.with(|r| {
                r.as_ref().is_some_and(|r| {
                    let unit = selection.get().unwrap_or_default();
                    !r.answers(&unit, &goal(), &chosen())
                })
            })
    };
    let view = Memo::new(move |_| -> Option<Result<TargetView, String>> {
        let r = shown.get()?;
        bundle.with(|b| b.as_deref().map(|b| target_view(b, &r.result)))
    });
    let ok = move |f: fn(&TargetView) -> String| {
        view.with(|v| v.as_ref().and_then(|v| v.as_ref().ok()).map(f))
    };
    let why_not = move || view.with(|v| v.as_ref().and_then(|v| v.as_ref().err()).cloned());
    let rows = move || {
        view.with(|v| {
            v.as_ref().and_then(|v| v.as_ref().ok()).map(|v| {
                table(
                    "target-table",
                    HEADER.iter().map(t).collect(),
                    v.rows.clone(),
                )
            })
        })
    };
    let lines = move |f: fn(&TargetView) -> &Vec<String>| {
        view.with(|v| {
            v.as_ref().and_then(|v| v.as_ref().ok()).map(|v| {
                f(v).iter()
                    .map(|l| view! { <li>{l.clone()}</li> })
                    .collect_view()
            })
        })
    };
    let independent = move || {
        view.with(|v| {
            v.as_ref()
                .and_then(|v| v.as_ref().ok())
                .is_none_or(|v| v.depends.is_empty())
        })
    };
    let source = move || bundle.with(|b| b.as_deref().map(source_line));
    let followed = move || selection.with(Option::is_some);
    view! {
        <section class="panel targets" aria-labelledby="targets-h" id="targets">
            <div class="panel-head"><h2 id="targets-h">{t(&messages::TARGET_TITLE)}</h2></div>
            <p class="hint">{t(&messages::TARGET_HINT)}</p>
            <p class="explain-none" id="targets-none" role="status" hidden=followed>
                {t(&messages::TARGET_FOLLOW)}
            </p>
            <div hidden=move || !followed()>
                <div class="rob-form">
                    <label for="target-goal">{t(&messages::GOAL)}
                        <select id="target-goal" on:change=move |ev| past.set(event_target_value(&ev) == "past")>
                            <option value="rank" selected=move || !past.get()>{t(&messages::REACH_RANK)}</option>
                            <option value="past" selected=move || past.get()>{t(&messages::PASS_COUNTRY)}</option>
                        </select>
                    </label>
                    <label for="target-rank" hidden=move || past.get()>{move || t_with(&messages::RANK_UP_TO, &[("count", units.get().into())])}
                        <input type="number" id="target-rank" min="1" max=move || units.get() step="1" inputmode="numeric"
                            prop:value=move || rank.get().to_string()
                            on:change=move |ev| {
                                let top = u32::try_from(units.get_untracked()).unwrap_or(u32::MAX).max(1);
                                let r = event_target_value(&ev).trim().parse::<u32>().map_or(rank.get_untracked(), |r| r.clamp(1, top));
                                rank.set(r);
                                // Written back even when unchanged, so that a bad entry is replaced.
                                rank.notify();
                            }/>
                    </label>
                    <label for="target-rival" hidden=move || !past.get()>{t(&messages::COUNTRY)}
                        <select id="target-rival" on:change=move |ev| rival.set(event_target_value(&ev))>
                            <option value="" selected=move || rival.with(String::is_empty)>{t(&messages::CHOOSE)}</option>
                            {move || rivals.get().unwrap_or_default().into_iter().map(|(code, name)| {
                                let is = code.clone();
                                view! { <option value=code selected=move || rival.with(|r| *r == is)>{name}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <fieldset class="target-indicators">
                    <legend>{t(&messages::INDICATORS_TO_IMPROVE)}</legend>
                    {move || indicators.get().unwrap_or_default().into_iter().map(|(id, name)| {
                        let (input, label_for) = (format!("target-ind-{id}"), format!("target-ind-{id}"));
                        let (a, b) = (id.clone(), id);
                        view! {
                            <label class="check" for=label_for>
                                <input type="checkbox" id=input prop:checked=move || left_out.with(|o| !o.contains(&a))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        left_out.update(|o| {
                                            o.retain(|x| *x != b);
                                            if !on {
                                                o.push(b.clone());
                                            }
                                        });
                                    }/>
                                {name}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <JobButtons prefix="target" label=messages::TARGET_RUN counted=messages::TRIALS
                    running=ui.target_running on_run=start/>
            </div>
            <div hidden=move || shown.with(Option::is_none)>
                <p class="rob-stale" id="target-stale" role="status" hidden=move || !stale()>
                    {t(&messages::TARGET_STALE)}
                </p>
                <p class="explain-none" id="target-none" role="status" hidden=move || why_not().is_none()>{why_not}</p>
                <p class="target-status" id="target-status"><strong>{move || ok(|v| v.status.clone())}</strong></p>
                <p class="rob-summary" id="target-sentence">{move || ok(|v| v.sentence.clone())}</p>
                <div class="target-wrap">{rows}</div>
                <div hidden=independent>
                    <p class="hint">{t(&messages::DEPENDS_ON_DATA)}</p>
                    <ul class="rob-gaps" id="target-depends">{move || lines(|v| &v.depends)}</ul>
                </div>
                <ul class="hint target-notes" id="target-notes">{move || lines(|v| &v.notes)}</ul>
                <p class="hint" id="target-effort">{move || shown.with(|r| r.as_ref().map(|r| r.effort()))}</p>
                <p class="source">{source}</p>
            </div>
        </section>
    }
}
