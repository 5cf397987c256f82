//! The worker's wasm entry point. Trunk builds it as a worker (`data-type="worker"`,
//! `data-loader-shim` in `index.html`): a classic worker runs `worker_loader.js`, which imports
//! the wasm-bindgen glue and instantiates the module; `main` then listens for messages and says
//! it is ready. Each message is handed to [`index_worker::jobs::Session::handle`], whose answers
//! are posted back as they come (progress during the job, then the result).
//!
//! A job runs to its end once started: the page cancels by terminating the worker (see the
//! app's `worker_client`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::RefCell;

    use index_worker::jobs::Session;
    use index_worker::protocol::{FromWorker, VERSION};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    // A post that fails (it cannot for a string) leaves the page's time-out or error to report.
    let post = move |m: FromWorker| {
        let _ = out.post_message(&JsValue::from_str(&m.to_json()));
    };
    let session = RefCell::new(Session::new());
    let post_each = post.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let mut post = post_each.clone();
        match (ev.data().as_string(), session.try_borrow_mut()) {
            (Some(text), Ok(mut s)) => s.handle(&text, &mut post),
            (None, _) => post(FromWorker::Unreadable {
                message: "not a request: the message is not text".into(),
            }),
            // Not reachable: a job runs to its end before the next message is read.
            (_, Err(_)) => post(FromWorker::Unreadable {
                message: "the worker is busy".into(),
            }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(FromWorker::Ready { version: VERSION });
}

/// Natively the worker is a library ([`index_worker`]); this program does nothing.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
