//! The page's components, one per file. Each is thin: it reads the state, shows it, and calls
//! the state's methods on input.

pub mod chart;
pub mod charts_panel;
pub mod compare;
pub mod deferred;
pub mod every_year;
pub mod explain;
pub mod framework_editor;
pub mod gap;
pub mod header;
pub mod health;
pub mod import;
pub mod job;
pub mod layout;
pub mod map;
pub mod method;
pub mod notices;
pub mod performers;
pub mod profile;
pub mod ranges;
pub mod ranking;
pub mod ranking_body;
pub mod robustness;
pub mod scenarios;
pub mod share;
pub mod sources;
pub mod targets;
pub mod unit_trend;
pub mod weights;

/// The element an event landed in, or its nearest ancestor, that matches the CSS `selector`
/// (for handlers set once on a container).
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The handlers of a table body whose rows (`tr[data-code]`) follow their unit: a click, or
/// Enter or Space on a focused row, toggles the unit followed (one pair of handlers on the
/// body, for whichever row the event lands in).
pub fn follow_rows(
    state: crate::state::AppState,
) -> (
    impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
    impl Fn(leptos::ev::KeyboardEvent) + Copy + 'static,
) {
    let code = |target: Option<web_sys::EventTarget>| {
        closest(target, "tr[data-code]").and_then(|tr| tr.get_attribute("data-code"))
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(code) = code(ev.target()) {
            state.inputs.toggle_selection(code);
        }
    };
    // Only a key on a row is taken (Space elsewhere still scrolls).
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            if let Some(code) = code(ev.target()) {
                ev.prevent_default();
                state.inputs.toggle_selection(code);
            }
        }
    };
    (on_click, on_key)
}
