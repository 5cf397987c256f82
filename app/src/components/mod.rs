//! The page's components, one per file. Each is thin: it reads the state, shows it, and calls
//! the state's methods on input.

pub mod chart;
pub mod charts_panel;
pub mod compare;
pub mod every_year;
pub mod gap;
pub mod header;
pub mod job;
pub mod layout;
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
