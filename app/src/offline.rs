//! The page's side of the service worker (`public/sw.js`; ARCHITECTURE.md, "Offline"): it is
//! registered once the first ranking is on screen and the page has loaded, so it takes nothing
//! from the first load; the page then names what it fetched before being controlled, and turns
//! the worker's messages into notices with a Reload button — a new version of the app waiting,
//! or newer data on the server than the data shown — so nothing changes under the person's
//! eyes. Messages are arrays whose first item says what they are (`sw.js` lists them). All
//! logic about caches lives in `sw.js`: this module is kept small for the main module's budget.

use crate::i18n::{messages, t, t_with};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{MessageEvent, ServiceWorker, ServiceWorkerContainer};

use crate::state::{CatalogueEntry, Level, Loading, Notices};

/// The browser's service worker container, if it has one (not in an insecure context).
fn container() -> Option<ServiceWorkerContainer> {
    let sw = js_sys::Reflect::get(&window().navigator(), &"serviceWorker".into()).ok()?;
    (!sw.is_undefined() && !sw.is_null()).then(|| sw.unchecked_into())
}

/// Registers the service worker after the page's load event (at once if it has happened).
pub fn start(notices: Notices, loading: Loading) {
    let Some(sw) = container() else {
        return;
    };
    if document().ready_state() == "complete" {
        register(sw, notices, loading);
    } else {
        let once = Closure::once_into_js(move || register(sw, notices, loading));
        let _ = window().add_event_listener_with_callback("load", once.unchecked_ref());
    }
}

fn register(sw: ServiceWorkerContainer, notices: Notices, loading: Loading) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        if !js_sys::Array::is_array(&data) {
            return;
        }
        let message = js_sys::Array::from(&data);
        let item = |i: u32| message.get(i).as_string().unwrap_or_default();
        match item(0).as_str() {
            "app" => notices.notify_reload(Level::Info, t(&messages::NEW_VERSION)),
            "data" => {
                let files: Vec<String> = (1..message.length()).map(item).collect();
                let names = loading.catalogue.with_untracked(|c| updated(&files, c));
                notices.notify_reload(
                    Level::Info,
                    t_with(&messages::NEWER_DATA, &[("names", names.into())]),
                );
            }
            "offline" => notices.notify(Level::Info, t(&messages::OFFLINE)),
            // (with "next", a new version takes over: the page reloads on `controllerchange`)
            "applied" if message.length() == 1 => {
                let _ = window().location().reload();
            }
            _ => {}
        }
    });
    // (setting onmessage also starts the delivery of messages sent before it)
    sw.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Some(controller) = sw.controller() {
        hello(&controller);
    } else {
        // The first visit: once the worker has taken the page over.
        let on_control = Closure::<dyn FnMut()>::new(move || {
            if let Some(c) = container().and_then(|sw| sw.controller()) {
                hello(&c);
            }
        });
        sw.set_oncontrollerchange(Some(on_control.as_ref().unchecked_ref()));
        on_control.forget();
    }
    let registering = sw.register("sw.js");
    // A refusal (a private window, a blocked script) leaves the page as it is.
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registering).await;
    });
}

/// Tells the worker the files this page fetched (the first visit's data, fetched before it was
/// controlled, is cached then).
fn hello(controller: &ServiceWorker) {
    let message = js_sys::Array::of1(&"hello".into());
    if let Some(p) = window().performance() {
        for entry in p.get_entries_by_type("resource") {
            if let Ok(name) = js_sys::Reflect::get(&entry, &"name".into()) {
                message.push(&name);
            }
        }
    }
    let _ = controller.post_message(&message);
}

/// The Reload button of an update's notice: the worker takes in the newer data it kept apart
/// and lets a new version take over; the page reloads when the worker answers, or when the new
/// version controls it (at once without a worker, and after 6 s if neither happens).
pub fn apply() {
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    })
    .into_js_value();
    let asked = container().and_then(|sw| {
        sw.set_oncontrollerchange(Some(reload.unchecked_ref()));
        sw.controller()
    });
    match asked {
        Some(c) if c.post_message(&js_sys::Array::of1(&"apply".into())).is_ok() => {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                reload.unchecked_ref(),
                6000,
            );
        }
        _ => {
            let _ = window().location().reload();
        }
    }
}

/// What the data files `urls` are, in words, for the update's notice: a dataset by its
/// catalogue title, the catalogue and the map by what they are, another file by its name.
pub fn updated(urls: &[String], catalogue: &[CatalogueEntry]) -> String {
    let names: Vec<String> = urls
        .iter()
        .map(|url| {
            let file = url.rsplit('/').next().unwrap_or(url);
            match file {
                "catalogue.json" => "the list of datasets".to_string(),
                "map.json" => "the world map".to_string(),
                _ => catalogue
                    .iter()
                    .find(|e| e.file == file)
                    .map_or_else(|| file.to_string(), |e| e.title.clone()),
            }
        })
        .collect();
    names.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(urls: &[&str], want: &str) {
        let entry = |id: &str, title: &str| {
            serde_json::from_value::<CatalogueEntry>(serde_json::json!({
                "id": id, "title": title, "file": format!("{id}.json"),
                "default_year": 2021, "years": [2021]
            }))
            .unwrap()
        };
        let catalogue = [entry("ftri", "FTRI (TIR 2023)"), entry("hdi", "HDI")];
        let urls: Vec<String> = urls.iter().map(ToString::to_string).collect();
        assert_eq!(updated(&urls, &catalogue), want);
    }

    #[test]
    fn updated_files_are_named_as_people_know_them() {
        check(&["http://h/data/ftri.json"], "FTRI (TIR 2023)");
        check(
            &[
                "http://h/data/catalogue.json",
                "http://h/data/hdi.json",
                "http://h/data/map.json",
            ],
            "the list of datasets; HDI; the world map",
        );
        check(&["http://h/data/mine.json"], "mine.json");
    }
}
