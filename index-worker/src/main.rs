//! The worker's wasm entry point. Trunk builds it as a worker (`data-type="worker"`,
//! `data-loader-shim` in `index.html`): a classic worker runs `worker_loader.js`, which imports
//! the wasm-bindgen glue and instantiates the module; `main` then listens for messages and says
//! it is ready.
//!
//! Messages are queued and handled one at a time, in order: for each, the bundle it names is
//! fetched first if the session does not hold it ([`index_worker::jobs::Session::wants`]), then
//! [`index_worker::jobs::Session::handle`] runs the job, whose answers are posted as they come
//! (progress during the job, then the result). A job runs to its end once started: the page
//! cancels by terminating the worker (see the app's `worker_client`).

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::rc::Rc;

    use index_worker::jobs::Session;
    use index_worker::protocol::{FromWorker, VERSION};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// The worker's state: the session, the messages waiting, whether they are being handled.
    #[derive(Default)]
    struct Worker {
        session: Session,
        queue: VecDeque<String>,
        busy: bool,
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// Posts an answer. A post that fails (it cannot for a string) leaves the page's time-out
    /// or error event to report.
    fn post(m: FromWorker) {
        let _ = scope().post_message(&JsValue::from_str(&m.to_json()));
    }

    /// Text of a JavaScript error.
    fn js_text(e: &JsValue) -> String {
        js_sys::Reflect::get(e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".into())
    }

    /// The text at `url`, or why it could not be had.
    async fn fetch_text(url: &str) -> Result<String, String> {
        let failed = |e: JsValue| format!("could not fetch {url}: {}", js_text(&e));
        let response: web_sys::Response = JsFuture::from(scope().fetch_with_str(url))
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(|_| format!("could not fetch {url}: not a response"))?;
        if !response.ok() {
            return Err(format!(
                "could not fetch {url}: the server answered {} {}",
                response.status(),
                response.status_text()
            ));
        }
        JsFuture::from(response.text().map_err(failed)?)
            .await
            .map_err(failed)?
            .as_string()
            .ok_or_else(|| format!("could not read {url}"))
    }

    /// Handles the queued messages in order until none is left.
    async fn drain(worker: Rc<RefCell<Worker>>) {
        loop {
            let next = worker.borrow_mut().queue.pop_front();
            let Some(text) = next else {
                worker.borrow_mut().busy = false;
                return;
            };
            let wants = worker.borrow().session.wants(&text);
            if let Some((key, url)) = wants {
                let json = fetch_text(&url).await;
                worker.borrow_mut().session.keep(key, json);
            }
            worker.borrow_mut().session.handle(&text, &mut post);
        }
    }

    /// Listens for messages and says the worker is ready.
    pub fn start() {
        let worker = Rc::new(RefCell::new(Worker::default()));
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                post(FromWorker::Unreadable(
                    "not a request: the message is not text".into(),
                ));
                return;
            };
            let start = {
                let mut w = worker.borrow_mut();
                w.queue.push_back(text);
                !std::mem::replace(&mut w.busy, true)
            };
            if start {
                wasm_bindgen_futures::spawn_local(drain(Rc::clone(&worker)));
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        post(FromWorker::Ready(VERSION));
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    web::start();
}

/// Natively the worker is a library ([`index_worker`]); this program does nothing.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
