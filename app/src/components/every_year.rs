//! "Download every year (CSV)": every unit's index score and rank in every year with data,
//! under the scenario shown, computed in the background worker ([`crate::worker_client`]) while
//! the page stays responsive. While it runs, Cancel replaces the button and a bar and a count
//! show the years done; Cancel stops the work (nothing is downloaded) and the button is back. The file is
//! [`crate::every_year::csv`].

use leptos::prelude::*;

use crate::i18n::{messages, t, t_with};

use crate::charts::ChartKind;
use crate::download;
use crate::every_year;
use crate::persist::page_url;
use crate::state::{use_state, Level};
use crate::view_model::{chart_view, ChartContext};
use crate::worker_client::{self, JobId, Outcome, Request, Response};

/// The running job and its progress: (job, years done, years in all; 0 of 0 until it starts).
type Running = Option<(JobId, u32, u32)>;

/// The button, and while the job runs, its progress and Cancel.
#[component]
pub fn EveryYear() -> impl IntoView {
    let state = use_state();
    let running: RwSignal<Running> = RwSignal::new(None);
    let finish = move |result: Result<(), String>| {
        running.set(None);
        if let Err(why) = result {
            state.notify(
                Level::Error,
                t_with(&messages::EVERY_YEAR_FAILED, &[("why", why.into())]),
            );
        }
    };
    let start = move |_: web_sys::MouseEvent| {
        let (None, Some(bundle), Some(scenario), Some(results)) = (
            running.get_untracked(),
            state.inputs.bundle().get_untracked(),
            state.scenario(),
            state.derived.current(),
        ) else {
            return;
        };
        // The worker reads the file the page read the bundle from.
        let url = state.bundle_url(bundle.id());
        let Some(url) = url else {
            finish(Err(t_with(
                &messages::NOT_IN_LIST,
                &[("dataset", bundle.id().into())],
            )));
            return;
        };
        // The file's header is taken now (the ranking chart's captions: weights and method), so
        // it describes the scenario asked for even if the page moves on meanwhile.
        let groups = scenario
            .groups
            .as_deref()
            .map_or_else(|| bundle.default_groups().clone(), crate::state::first_two);
        let Some(view) = chart_view(
            ChartKind::Bars,
            &ChartContext {
                bundle: &bundle,
                results: &results,
                years: &[results.year()],
                groups: &groups,
                gaps: None,
                gaps_by_year: &[],
                selection: None,
                performers: None,
                choices: Default::default(),
            },
        ) else {
            return;
        };
        let (year, link, asked, b) = (results.year(), page_url(), scenario.clone(), bundle.clone());
        let on = move |response| match response {
            Response::Progress { done, total } => running.update(|r| {
                if let Some((_, d, t)) = r {
                    (*d, *t) = (done, total);
                }
            }),
            Response::Done(Outcome::ScoreYears(scored)) => finish(
                every_year::csv(
                    &b,
                    &view,
                    &asked,
                    year,
                    &link,
                    &download::now_iso(),
                    &scored,
                )
                .and_then(|text| {
                    download::save_text(
                        &every_year::file_name(&b, &scored),
                        "text/csv;charset=utf-8",
                        &text,
                    )
                }),
            ),
            Response::Done(_) => finish(Err("the worker answered another question".into())),
            Response::Failed(why) => finish(Err(why)),
        };
        // Running before `submit`: a worker that cannot be created answers at once (and the job
        // is then over).
        running.set(Some((JobId(0), 0, 0)));
        let job = worker_client::submit(&bundle, url, scenario, Request::ScoreYears, on);
        if running.get_untracked().is_some() {
            running.set(Some((job, 0, 0)));
        }
    };
    let cancel = move |_: web_sys::MouseEvent| {
        if let Some((job, _, _)) = running.get_untracked() {
            worker_client::cancel(job);
            finish(Ok(()));
        }
    };
    let idle = move || running.with(Option::is_none);
    // The bar: years done of all (empty until the worker has said how many).
    let done = move || running.get().map_or(0, |(_, d, _)| d);
    let total = move || running.get().map_or(1, |(_, _, t)| t.max(1));
    let count = move || match running.get() {
        Some((_, done, total)) if total > 0 => t_with(
            &messages::YEAR_OF,
            &[("done", done.into()), ("total", total.into())],
        ),
        Some(_) => t(&messages::STARTING),
        None => String::new(),
    };
    view! {
        <section class="panel every-year" aria-labelledby="every-year-h">
            <div class="panel-head"><h2 id="every-year-h">{t(&messages::EVERY_YEAR)}</h2></div>
            <p class="hint">{t(&messages::EVERY_YEAR_HINT)}</p>
            <div class="buttons">
                <button type="button" class="every-year-csv" hidden=move || !idle() on:click=start>{t(&messages::EVERY_YEAR_CSV)}</button>
                <button type="button" class="every-year-cancel" hidden=idle on:click=cancel>{t(&messages::CANCEL)}</button>
                <progress class="every-year-progress" hidden=idle max=total value=done aria-label=t(&messages::YEARS_COMPUTED)></progress>
                <span class="count every-year-count" role="status">{count}</span>
            </div>
        </section>
    }
}
