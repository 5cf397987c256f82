//! What a person sees if the app panics.
//!
//! The release build aborts on a panic (`panic = "abort"`; wasm32 cannot unwind), so no view
//! can catch one and carry on: after the hook below runs, the module traps and every later call
//! into it fails. The hook therefore draws, with plain DOM calls and before the trap, a screen
//! that needs no wasm to work: a readable message, the panic's own text under "Technical
//! details" (as text, never markup), and two links — **Reload with defaults** (the page without
//! its query: the default view) and **Reload this view** (the same address). Saved scenarios
//! live in local storage, which the hook never touches, so both reloads keep them.
//!
//! Errors that are not panics never reach this screen: every step that can fail returns a typed
//! error, shown as a notice or in place of the chart or panel it concerns, and the page keeps
//! its last good state.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The crash screen's element id (styled in `public/style.css`, looked for by the end-to-end
/// tests).
pub const ID: &str = "crash";

/// Installs the panic hook: the panic goes to the browser's console as before
/// (`console_error_panic_hook`), then the crash screen is drawn over the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Draws the crash screen (once: a second panic leaves the first screen as it is). Every DOM
/// call's failure is ignored: a panic inside a panic hook would abort before anything is shown.
fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    let Some(body) = document.body() else {
        return;
    };
    let location = document.location();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".to_string());
    let here = location
        .as_ref()
        .and_then(|l| l.href().ok())
        .unwrap_or_else(|| path.clone());

    let Some(screen) = element(&document, "div", &[("id", ID), ("class", "crash")], "") else {
        return;
    };
    let _ = screen.set_attribute("role", "alertdialog");
    let _ = screen.set_attribute("aria-labelledby", "crash-title");
    let _ = screen.set_attribute("aria-describedby", "crash-text");
    let parts = [
        element(
            &document,
            "h2",
            &[("id", "crash-title")],
            "Index Explorer stopped",
        ),
        element(
            &document,
            "p",
            &[("id", "crash-text")],
            "Something went wrong that the page cannot recover from. Your saved scenarios are \
             kept in this browser: reloading does not remove them.",
        ),
        actions(&document, &path, &here),
        details(&document, detail),
    ];
    for part in parts.into_iter().flatten() {
        let _ = screen.append_child(&part);
    }
    let _ = body.append_child(&screen);
    if let Some(first) = screen
        .query_selector("a")
        .ok()
        .flatten()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = first.focus();
    }
}

/// The two reload links: plain links, which work with the module trapped.
fn actions(document: &Document, path: &str, here: &str) -> Option<Element> {
    let p = element(document, "p", &[("class", "crash-actions")], "")?;
    for (href, text, class) in [
        (path, "Reload with defaults", "crash-button primary"),
        (here, "Reload this view", "crash-button"),
    ] {
        if let Some(a) = element(document, "a", &[("href", href), ("class", class)], text) {
            let _ = p.append_child(&a);
        }
    }
    Some(p)
}

/// The panic's own text, folded away, for a bug report.
fn details(document: &Document, detail: &str) -> Option<Element> {
    let d = element(document, "details", &[], "")?;
    let summary = element(
        document,
        "summary",
        &[],
        "Technical details (for a bug report)",
    )?;
    let pre = element(document, "pre", &[], detail)?;
    let _ = d.append_child(&summary);
    let _ = d.append_child(&pre);
    Some(d)
}

/// A new element with the given attributes and text (as text: never parsed as markup).
fn element(
    document: &Document,
    tag: &str,
    attributes: &[(&str, &str)],
    text: &str,
) -> Option<Element> {
    let e = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        let _ = e.set_attribute(name, value);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Some(e)
}
