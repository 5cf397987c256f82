//! The page's side of the background worker (`index-worker`): starts it on the first request,
//! sends jobs, routes its answers by job id to each job's listener, cancels, and turns anything
//! that goes wrong with the worker into a failed job with a message — never a job that waits
//! for ever.
//!
//! - **Lazy.** Nothing of the worker is fetched until [`submit`] is first called: then a classic
//!   worker runs Trunk's un-hashed [`LOADER`] (`importScripts` of the wasm-bindgen glue, then
//!   the worker's wasm). Jobs submitted before it says [`FromWorker::Ready`] wait in order.
//! - **The bundle is fetched once.** Each bundle the page holds gets a key (by identity: the
//!   same `Shared<Bundle>` keeps its key, a bundle loaded again gets a new one); a job names
//!   the key and the file the page loaded it from (`crate::loader::bundle_url`, given to
//!   [`submit`]), and the worker fetches and
//!   parses it only when it does not hold that key (see [`index_worker::protocol`]). The page
//!   neither serialises nor copies the bundle.
//! - **Cancel by terminating.** A wasm job cannot read a message until it returns, so
//!   [`cancel`] stops the worker (`terminate`): immediate, whatever the job does (an LP solve
//!   cannot be interrupted either). Other jobs then start again on a new worker, started at
//!   once if any are waiting, else on the next request.
//! - **Failures.** A worker that cannot be created, fails to load (the `error` event), does not
//!   say it is ready within [`START_TIMEOUT_MS`], speaks another protocol version, or crashes,
//!   fails every job waiting on it with a message and is dropped; the next request starts a
//!   new one.
//!
//! A listener may be called before [`submit`] returns (when the worker cannot be created) and
//! may itself submit or cancel: the client is never in use while a listener runs.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Weak};

use gloo::timers::callback::Timeout;
use index_core::bundle::Bundle;
use index_core::scenario::Scenario;
use index_worker::protocol::{BundleRef, FromWorker, ToWorker, VERSION};
pub use index_worker::protocol::{JobId, Outcome, Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{messages, t, t_with, Msg};
use crate::shared::Shared;

/// The worker's loader script, as Trunk writes it (`<bin>_loader.js`, not content-hashed),
/// relative to the page.
pub const LOADER: &str = "worker_loader.js";

/// How long a new worker may take to say it is ready (fetching and compiling its wasm) before
/// its jobs fail.
pub const START_TIMEOUT_MS: u32 = 30_000;

/// A job's listener: hears every answer to its job (progress, then `Done` or `Failed`).
type Listener = Rc<dyn Fn(Response)>;

/// Answers to deliver once the client is no longer in use.
type Deliveries = Vec<(Listener, Response)>;

/// Where the worker gets a bundle it does not hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// The file the page loaded it from (`data/<file>`), which the worker fetches.
    File(String),
    /// Its JSON text, for a bundle that has no file (an import kept in this browser).
    Text(Arc<str>),
}

/// A job the worker has not finished.
struct Job {
    id: JobId,
    bundle: Shared<Bundle>,
    /// Where the worker gets `bundle` if it does not hold it.
    url: Origin,
    scenario: Scenario,
    request: Request,
    on: Listener,
    /// Posted to the current worker.
    sent: bool,
}

/// The worker's `message` and `error` listeners and its start time-out, kept alive with it.
type Listeners = (
    Closure<dyn FnMut(web_sys::MessageEvent)>,
    Closure<dyn FnMut(web_sys::Event)>,
    Timeout,
);

/// A started worker and what keeps its listeners alive.
struct Running {
    worker: web_sys::Worker,
    /// Which start this is (events from an earlier, stopped worker are ignored).
    generation: u64,
    /// It has said `Ready` with our version.
    ready: bool,
    _listeners: Listeners,
}

#[derive(Default)]
struct Client {
    next_job: u32,
    next_key: u32,
    generation: u64,
    /// The last bundle given a key, and its key (by identity: a `Weak` keeps the address from
    /// being reused). The worker holds one bundle, so one key is remembered.
    key: Option<(Weak<Bundle>, String)>,
    /// Jobs not finished, in the order submitted.
    jobs: Vec<Job>,
    running: Option<Running>,
    /// The last worker stopped, kept until the next stop: it may be stopped from inside one of
    /// its own listeners, which must not be dropped while they run.
    stopped: Option<Running>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Runs `f` on the client, then delivers the answers it returns; whether the client was free
/// (it always is: nothing here calls back into it while it is in use).
fn with(f: impl FnOnce(&mut Client) -> Deliveries) -> bool {
    let answers = CLIENT.with(|c| c.try_borrow_mut().map(|mut c| f(&mut c)));
    let free = answers.is_ok();
    for (on, response) in answers.unwrap_or_default() {
        on(response);
    }
    free
}

/// Asks the worker to run `request` over `bundle` (from `url`, which the worker fetches or
/// reads unless it holds the bundle already) under `scenario`; `on` hears its answers. Starts
/// the worker if none is running.
pub fn submit(
    bundle: &Shared<Bundle>,
    url: Origin,
    scenario: Scenario,
    request: Request,
    on: impl Fn(Response) + 'static,
) -> JobId {
    let on: Listener = Rc::new(on);
    let mut id = JobId(0);
    let queued = with(|c| {
        c.next_job += 1;
        id = JobId(c.next_job);
        c.jobs.push(Job {
            id,
            bundle: bundle.clone(),
            url,
            scenario,
            request,
            on: Rc::clone(&on),
            sent: false,
        });
        c.pump()
    });
    if !queued {
        on(Response::Failed(
            "the background worker's client is busy".into(),
        ));
    }
    id
}

/// Cancels `job`: its listener hears nothing more. If the worker has it, the worker is stopped
/// (its other jobs start again on a new one).
pub fn cancel(job: JobId) {
    with(|c| {
        let Some(pos) = c.jobs.iter().position(|j| j.id == job) else {
            return Vec::new();
        };
        if c.jobs.remove(pos).sent {
            c.stop();
        }
        c.pump()
    });
}

/// Message `what` ("the background worker failed: …") with the JavaScript error's or error
/// event's message.
fn worker_failed(what: &Msg, e: &JsValue) -> String {
    let why = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| t(&messages::WORKER_STOPPED));
    t_with(what, &[("problem", why.into())])
}

impl Client {
    /// Starts a worker if jobs wait and none runs, and sends the jobs not sent if it is ready.
    fn pump(&mut self) -> Deliveries {
        if self.jobs.is_empty() {
            return Vec::new();
        }
        if self.running.is_none() {
            if let Err(e) = self.start() {
                return self.fail_all(&e);
            }
        }
        self.send_waiting()
    }

    /// Creates the worker and its listeners.
    fn start(&mut self) -> Result<(), String> {
        self.generation += 1;
        let generation = self.generation;
        let worker = web_sys::Worker::new(LOADER)
            .map_err(|e| worker_failed(&messages::WORKER_NOT_STARTED, &e))?;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let text = ev.data().as_string().unwrap_or_default();
                with(|c| c.on_message(generation, &text));
            });
        // A script that failed to load gives a plain event; a crash an `ErrorEvent`.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let why = worker_failed(&messages::WORKER_FAILED, &ev);
            with(|c| c.broken(generation, &why));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let timeout = Timeout::new(START_TIMEOUT_MS, move || {
            with(|c| match &c.running {
                Some(r) if r.generation == generation && !r.ready => c.broken(
                    generation,
                    "the background worker did not start within 30 s",
                ),
                _ => Vec::new(),
            });
        });
        self.running = Some(Running {
            worker,
            generation,
            ready: false,
            _listeners: (on_message, on_error, timeout),
        });
        Ok(())
    }

    /// Handles one message from worker `generation`.
    fn on_message(&mut self, generation: u64, text: &str) -> Deliveries {
        if self.running.as_ref().map(|r| r.generation) != Some(generation) {
            return Vec::new(); // from a worker stopped since
        }
        match FromWorker::from_json(text) {
            Ok(FromWorker::Ready(VERSION)) => {
                if let Some(r) = &mut self.running {
                    r.ready = true;
                }
                self.send_waiting()
            }
            Ok(FromWorker::Ready(_)) => self.broken(
                generation,
                "the background worker is from another version of the site; reload the page",
            ),
            Ok(FromWorker::Job(job, response)) => {
                let Some(pos) = self.jobs.iter().position(|j| j.id == job) else {
                    return Vec::new();
                };
                let on = match &response {
                    Response::Progress { .. } => Rc::clone(&self.jobs[pos].on),
                    Response::Done(_) | Response::Failed(_) => self.jobs.remove(pos).on,
                };
                vec![(on, response)]
            }
            Ok(FromWorker::Unreadable(why)) => self.broken(generation, &why),
            Err(e) => self.broken(generation, &e),
        }
    }

    /// Posts every job not yet sent, if the worker is ready.
    fn send_waiting(&mut self) -> Deliveries {
        let Some(run) = self.running.as_ref().filter(|r| r.ready) else {
            return Vec::new();
        };
        let mut failed = Vec::new();
        for (i, job) in self.jobs.iter_mut().enumerate().filter(|(_, j)| !j.sent) {
            let key = key_for(&mut self.key, &mut self.next_key, &job.bundle);
            let posted = ToWorker {
                job: job.id,
                bundle: match &job.url {
                    Origin::File(url) => BundleRef::Url {
                        key,
                        url: url.clone(),
                    },
                    Origin::Text(json) => BundleRef::Text {
                        key,
                        json: json.to_string(),
                    },
                },
                scenario: job.scenario.clone(),
                request: job.request.clone(),
            }
            .to_json()
            .and_then(|text| {
                run.worker
                    .post_message(&JsValue::from_str(&text))
                    .map_err(|e| worker_failed(&messages::WORKER_NOT_SENT, &e))
            });
            match posted {
                Ok(()) => job.sent = true,
                Err(e) => failed.push((i, e)),
            }
        }
        // Last first, so the positions stay right.
        failed
            .into_iter()
            .rev()
            .map(|(i, why)| (self.jobs.remove(i).on, Response::Failed(why)))
            .collect()
    }

    /// Stops the worker (jobs stay, to be sent again to the next one).
    fn stop(&mut self) {
        if let Some(run) = self.running.take() {
            // No answer of the stopped worker reaches a listener, even one already queued.
            run.worker.set_onmessage(None);
            run.worker.set_onerror(None);
            run.worker.terminate();
            for j in &mut self.jobs {
                j.sent = false;
            }
            self.stopped = Some(run);
        }
    }

    /// Worker `generation` is unusable: stop it and fail every job with `why`.
    fn broken(&mut self, generation: u64, why: &str) -> Deliveries {
        if self.running.as_ref().map(|r| r.generation) != Some(generation) {
            return Vec::new();
        }
        self.stop();
        self.fail_all(why)
    }

    fn fail_all(&mut self, why: &str) -> Deliveries {
        self.jobs
            .drain(..)
            .map(|j| (j.on, Response::Failed(why.to_string())))
            .collect()
    }
}

/// The key of `bundle`: the one it was given last time, or a new one (`<id>#<n>`).
fn key_for(
    last: &mut Option<(Weak<Bundle>, String)>,
    next: &mut u32,
    bundle: &Shared<Bundle>,
) -> String {
    let weak = Arc::downgrade(&bundle.0);
    match last {
        Some((w, key)) if w.ptr_eq(&weak) => key.clone(),
        _ => {
            *next += 1;
            let key = format!("{}#{next}", bundle.id());
            *last = Some((weak, key.clone()));
            key
        }
    }
}
