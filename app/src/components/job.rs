//! A background job as the analysis panels run it: submitted to the worker for the scenario
//! shown ([`start`]), its progress kept in a [`Running`] signal, Cancel ([`cancel`]), and the
//! buttons, bar and count that show it ([`JobButtons`]).

use index_core::scenario::Scenario;
use leptos::prelude::*;

use crate::i18n::{messages, t, t_with, Msg};

use std::sync::Arc;

use crate::state::{AppState, Level, Running};
use crate::view_model::robustness::{thousands, OfScenario};
use crate::worker_client::{self, JobId, Outcome, Request, Response};

/// Milliseconds since the page started.
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Submits `request` for the bundle and scenario shown, keeping its progress in `running`;
/// `done(outcome, elapsed ms)` hears the result. A failure is the notice `failed` with the
/// reason as `why` ("The uncertainty analysis could not run: …"). Nothing happens while
/// `running` holds a job.
pub fn start(
    state: AppState,
    running: RwSignal<Running>,
    request: Request,
    failed: Msg,
    done: impl Fn(Outcome, f64) + 'static,
) {
    start_for(
        state,
        running,
        state.scenario(),
        request,
        failed,
        Box::new(done),
    );
}

/// As [`start`], for `scenario` (on the bundle shown) rather than the one shown: nothing
/// happens without one. `done` is boxed so that this is compiled once, not once per caller
/// (see ARCHITECTURE.md, Wasm size).
pub fn start_for(
    state: AppState,
    running: RwSignal<Running>,
    scenario: Option<Scenario>,
    request: Request,
    failed: Msg,
    done: Box<dyn Fn(Outcome, f64)>,
) {
    let finish = move |result: Result<(), String>| {
        running.set(None);
        if let Err(why) = result {
            state.notify(Level::Error, t_with(&failed, &[("why", why.into())]));
        }
    };
    let (None, Some(b), Some(scenario)) = (
        running.get_untracked(),
        state.inputs.bundle().get_untracked(),
        scenario,
    ) else {
        return;
    };
    let Some(url) = state.bundle_url(b.id()) else {
        finish(Err(t_with(
            &messages::NOT_LISTED,
            &[("dataset", b.id().into())],
        )));
        return;
    };
    let started = now_ms();
    let on = move |response| match response {
        Response::Progress { done, total } => running.update(|r| {
            if let Some((_, d, t)) = r {
                (*d, *t) = (done, total);
            }
        }),
        Response::Done(outcome) => {
            done(outcome, now_ms() - started);
            finish(Ok(()));
        }
        Response::Failed(why) => finish(Err(why)),
    };
    // Running before `submit`: a worker that cannot be created answers at once.
    running.set(Some((JobId(0), 0, 0)));
    let job = worker_client::submit(&b, url, scenario, request, on);
    if running.get_untracked().is_some() {
        running.set(Some((job, 0, 0)));
    }
}

/// The result `last` holds if it is of the bundle shown (stale or not: a panel shows it with a
/// note).
pub fn of_bundle<T: OfScenario + PartialEq + Send + Sync + 'static>(
    state: AppState,
    last: RwSignal<Option<Arc<T>>>,
) -> Memo<Option<Arc<T>>> {
    let bundle = state.inputs.bundle();
    Memo::new(move |_| {
        let id = bundle.with(|b| b.as_ref().map(|b| b.id().to_string()))?;
        last.get().filter(|r| r.bundle_id() == id)
    })
}

/// Whether `shown` is for another scenario than the page's now. Without a result it reads no
/// input, so that a slider step does not rebuild the scenario for nothing.
pub fn is_stale<T: OfScenario + PartialEq + Send + Sync + 'static>(
    state: AppState,
    shown: Memo<Option<Arc<T>>>,
) -> bool {
    shown.with(|r| {
        r.as_ref()
            .is_some_and(|r| state.scenario().is_some_and(|now| r.is_stale(&now)))
    })
}

/// The result `last` holds if it is of the bundle and the scenario shown (the ranking's
/// columns show nothing else).
pub fn current<T: OfScenario + PartialEq + Send + Sync + 'static>(
    state: AppState,
    last: RwSignal<Option<Arc<T>>>,
) -> Memo<Option<Arc<T>>> {
    let shown = of_bundle(state, last);
    Memo::new(move |_| shown.get().filter(|_| !is_stale(state, shown)))
}

/// Cancels the job `running` holds, if any.
pub fn cancel(running: RwSignal<Running>) {
    if let Some((job, _, _)) = running.get_untracked() {
        worker_client::cancel(job);
        running.set(None);
    }
}

/// Run (`{prefix}-run`), or while the job runs Cancel (`{prefix}-cancel`), a bar
/// (`{prefix}-progress`) and a count (`{prefix}-count`: "1 234 of 10 000").
#[component]
pub fn JobButtons(
    /// The id prefix of the elements.
    prefix: &'static str,
    /// The Run button's label.
    label: Msg,
    /// What the bar counts, for its accessible name ("Draws made").
    counted: Msg,
    /// The job in progress.
    running: RwSignal<Running>,
    /// Starts the job.
    on_run: Callback<()>,
) -> impl IntoView {
    let idle = move || running.with(Option::is_none);
    let done = move || running.get().map_or(0, |(_, d, _)| d);
    let total = move || running.get().map_or(1, |(_, _, t)| t.max(1));
    let count = move || match running.get() {
        Some((_, done, total)) if total > 0 => t_with(
            &messages::DONE_OF,
            &[
                ("done", thousands(done).into()),
                ("total", thousands(total).into()),
            ],
        ),
        Some(_) => t(&messages::STARTING),
        None => String::new(),
    };
    view! {
        <div class="buttons job-buttons">
            <button type="button" id=format!("{prefix}-run") class="primary" hidden=move || !idle()
                on:click=move |_| on_run.run(())>{t(&label)}</button>
            <button type="button" id=format!("{prefix}-cancel") hidden=idle
                on:click=move |_| cancel(running)>{t(&messages::CANCEL)}</button>
            <progress id=format!("{prefix}-progress") class="job-progress" hidden=idle max=total value=done aria-label=t(&counted)></progress>
            <span class="count" id=format!("{prefix}-count") role="status">{count}</span>
        </div>
    }
}
