//! The scenarios panel: save the current view under a name; open, rename, duplicate, delete,
//! export and import saved scenarios; tick two to four to compare them.

use index_core::scenario::{Scenario, MAX_FILE_BYTES, MAX_NAME_CHARS};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::closest;
use crate::i18n::{messages, t, t_with};
use crate::loader;
use crate::persist::{use_library, Saved};
use crate::state::{use_state, Level};

/// Saved scenarios listed until the person asks for all: the most recent. Every row is rebuilt
/// when the list changes (lists are rebuilt by position, see ARCHITECTURE.md), so hundreds of
/// rows made each save several times slower.
const SHOWN: usize = 30;

/// Offers `text` as a JSON file download named `file`.
fn download_json(file: &str, text: &str) -> Result<(), String> {
    crate::download::save_text(file, "application/json", text)
}

fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    format!(
        "scenario-{}.json",
        if slug.is_empty() { "unnamed" } else { slug }
    )
}

/// The panel.
#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let state = use_state();
    let library = use_library();
    library.notify_read();
    let name = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let current_bundle = move || {
        state
            .inputs
            .bundle()
            .with(|b| b.as_ref().map(|b| b.id().to_string()).unwrap_or_default())
    };
    let save_current = move || {
        let Some(mut scenario) = state.scenario() else {
            return;
        };
        let mut label = name.get_untracked().trim().to_string();
        if label.is_empty() {
            label = t_with(
                &messages::SCENARIO_N,
                &[(
                    "count",
                    (library.saved().with_untracked(Vec::len) + 1).into(),
                )],
            );
        }
        scenario.name = label;
        if library.add(scenario) {
            name.set(String::new());
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let file_label = file.name();
        input.set_value("");
        if file.size() > MAX_FILE_BYTES as f64 {
            state.notify(
                Level::Error,
                t_with(
                    &messages::SCENARIO_FILE_TOO_LARGE,
                    &[
                        (
                            "file",
                            crate::format::excerpt(&file_label).into_owned().into(),
                        ),
                        ("mib", (MAX_FILE_BYTES >> 20).to_string().into()),
                    ],
                ),
            );
            return;
        }
        spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    state.notify(
                        Level::Error,
                        t_with(
                            &messages::FILE_NOT_READ,
                            &[("file", file_label.as_str().into())],
                        ),
                    );
                    return;
                }
            };
            match Scenario::many_from_json(&text) {
                Ok(list) => {
                    let mut added = 0usize;
                    let shown = state.inputs.bundle().get_untracked();
                    for scenario in list {
                        // What the dataset shown would refuse is said now, not only on opening.
                        if let Some(b) = shown.as_ref().filter(|b| b.id() == scenario.bundle) {
                            for e in scenario.resolve_lenient(b).1 {
                                state.notify(
                                    Level::Warning,
                                    t_with(
                                        &messages::SCENARIO_PART_DEFAULT,
                                        &[
                                            (
                                                "name",
                                                crate::format::excerpt(&scenario.name)
                                                    .into_owned()
                                                    .into(),
                                            ),
                                            ("problem", e.to_string().into()),
                                        ],
                                    ),
                                );
                            }
                        }
                        if !library.add(scenario) {
                            break;
                        }
                        added += 1;
                    }
                    state.notify(
                        Level::Info,
                        t_with(
                            &messages::SCENARIOS_IMPORTED,
                            &[
                                ("count", added.into()),
                                ("file", file_label.as_str().into()),
                            ],
                        ),
                    );
                }
                Err(e) => state.notify(
                    Level::Error,
                    t_with(
                        &messages::FILE_NOT_IMPORTED,
                        &[
                            ("file", file_label.as_str().into()),
                            ("why", e.to_string().into()),
                        ],
                    ),
                ),
            }
        });
    };
    let export_all = move |_| {
        let all: Vec<Scenario> = library
            .saved()
            .get_untracked()
            .into_iter()
            .map(|s| s.scenario)
            .collect();
        if let Err(e) = download_json(
            "index-explorer-scenarios.json",
            &Scenario::many_to_json(&all),
        ) {
            state.notify(
                Level::Error,
                t_with(&messages::EXPORT_FAILED, &[("why", e.into())]),
            );
        }
    };
    view! {
        <section class="panel scenarios" aria-labelledby="scenarios-h">
            <div class="panel-head"><h2 id="scenarios-h">{t(&messages::SCENARIOS)}</h2></div>
            <form class="save-row" on:submit=move |ev| { ev.prevent_default(); save_current(); }>
                <input type="text" id="scenario-name" placeholder=t(&messages::NAME_THIS_VIEW) aria-label=t(&messages::SCENARIO_NAME) maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <button type="submit" id="save-scenario">{t(&messages::SAVE)}</button>
            </form>
            <p class="hint">{t(&messages::SCENARIOS_HINT)}</p>
            <Show when=move || !show_all.get() && library.saved().with(|s| s.len() > SHOWN)>
                <button class="link" id="show-all-saved" on:click=move |_| show_all.set(true)>
                    {move || t_with(&messages::SHOW_EARLIER, &[("count", library.saved().with(Vec::len).saturating_sub(SHOWN).into())])}
                </button>
            </Show>
            <ul class="saved-list" id="saved-list">
                {move || library.saved().with(|all| {
                    let first = if show_all.get() { 0 } else { all.len().saturating_sub(SHOWN) };
                    all[first..].iter().cloned().map(|s| view! {
                        <SavedRow saved=s current_bundle=Signal::derive(current_bundle)/>
                    }).collect_view()
                })}
            </ul>
            <LibraryNotes/>
            <div class="buttons wrap">
                <button id="export-all" on:click=export_all disabled=move || library.saved().with(Vec::is_empty)>{t(&messages::EXPORT_ALL)}</button>
                <label class="button-like">{t(&messages::IMPORT_FILE)}
                    <input type="file" id="import-scenarios" accept=".json,application/json" class="visually-hidden" on:change=import/>
                </label>
            </div>
        </section>
    }
}

/// Closes the `<details>` menu around a clicked button.
fn close_menu(ev: leptos::ev::MouseEvent) {
    if closest(ev.target(), "button").is_some() {
        if let Some(menu) = closest(ev.target(), "details") {
            let _ = menu.remove_attribute("open");
        }
    }
}

/// One saved scenario.
#[component]
fn SavedRow(saved: Saved, #[prop(into)] current_bundle: Signal<String>) -> impl IntoView {
    let state = use_state();
    let library = use_library();
    let id = saved.id;
    let title = saved.label();
    let scenario = saved.scenario;
    let same_bundle = {
        let b = scenario.bundle.clone();
        Signal::derive(move || current_bundle.get() == b)
    };
    let checked = move || library.comparing().with(|c| c.contains(&id));
    let toggle = move |ev: leptos::ev::Event| library.set_compared(id, event_target_checked(&ev));
    let open = {
        let s = scenario.clone();
        move |_| loader::open(state, s.clone())
    };
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(scenario.name.clone());
    let rename = move || {
        if library.rename(id, &new_name.get_untracked()) {
            renaming.set(false);
        }
    };
    let export = {
        let s = scenario.clone();
        let title = title.clone();
        move |_| {
            if let Err(e) = download_json(&file_name(&title), &s.to_json()) {
                state.notify(
                    Level::Error,
                    t_with(&messages::EXPORT_FAILED, &[("why", e.into())]),
                );
            }
        }
    };
    let dataset = scenario.bundle.clone();
    view! {
        <li class="saved" data-id=id.to_string()>
            <input type="checkbox" class="compare-box" aria-label=t_with(&messages::COMPARE_SCENARIO, &[("name", title.as_str().into())])
                prop:checked=checked on:change=toggle disabled=move || !same_bundle.get()
                title=move || if same_bundle.get() { String::new() } else { t(&messages::SWITCH_TO_COMPARE) }/>
            <Show when=move || renaming.get() fallback={
                let title = title.clone();
                let dataset = dataset.clone();
                move || view! {
                    <button class="link open-scenario" on:click=open.clone()>{title.clone()}</button>
                    <span class="muted">{dataset.clone()}</span>
                }
            }>
                <form class="rename" on:submit=move |ev| { ev.prevent_default(); rename(); }>
                    <input type="text" class="rename-input" aria-label=t(&messages::NEW_NAME) maxlength=MAX_NAME_CHARS.to_string() prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    <button type="submit">{t(&messages::OK)}</button>
                </form>
            </Show>
            // Choosing an action closes the menu (the rows are rebuilt by position when the list
            // changes, so a menu left open would end up on another scenario).
            <details class="more" on:click=close_menu>
                <summary aria-label=t(&messages::MORE_ACTIONS)>"⋯"</summary>
                <div class="more-menu">
                    <button on:click=move |_| renaming.set(true)>{t(&messages::RENAME)}</button>
                    <button on:click=move |_| library.duplicate(id)>{t(&messages::DUPLICATE)}</button>
                    <button on:click=export>{t(&messages::EXPORT)}</button>
                    <button class="danger" on:click=move |_| library.delete(id)>{t(&messages::DELETE)}</button>
                </div>
            </details>
        </li>
    }
}

/// The last deletion, with Undo; and the entries that could not be read, each with Download
/// (its text as it is, so nothing is lost) and Remove.
#[component]
fn LibraryNotes() -> impl IntoView {
    let state = use_state();
    let library = use_library();
    view! {
        {move || library.deleted().get().map(|s| view! {
            <p class="undo-row" id="undo-delete" role="status">
                {t_with(&messages::DELETED, &[("name", s.label().into())])}" "
                <button class="link" on:click=move |_| library.undo_delete()>{t(&messages::UNDO)}</button>
                <button class="dismiss" aria-label=t(&messages::DISMISS) on:click=move |_| library.forget_deleted()>"×"</button>
            </p>
        })}
        {move || {
            let broken = library.unreadable().get();
            (!broken.is_empty()).then(|| view! {
                <div class="unreadable" id="unreadable-entries">
                    <p class="hint">{t(&messages::UNREADABLE_ENTRIES)}</p>
                    <ul>
                        {broken.into_iter().map(|u| {
                            let key = u.key.clone();
                            let text = u.text.clone();
                            let download = move |_| {
                                if let Some(t) = &text {
                                    if let Err(e) = download_json("unreadable-scenario.json", t) {
                                        state.notify(Level::Error, t_with(&messages::DOWNLOAD_FAILED, &[("why", e.into())]));
                                    }
                                }
                            };
                            let has_text = u.text.is_some();
                            view! {
                                <li data-key=u.key.clone()>
                                    <span title=u.problem.text()>{crate::format::excerpt(&u.key).into_owned()}</span>
                                    {has_text.then(|| view! { <button class="link" on:click=download.clone()>{t(&messages::DOWNLOAD)}</button> })}
                                    <button class="link danger remove-unreadable" on:click=move |_| library.remove_unreadable(&key)>{t(&messages::REMOVE)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}
