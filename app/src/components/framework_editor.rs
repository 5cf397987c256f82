//! "Your framework": the framework of an imported dataset shown, edited — a part renamed,
//! moved under another aggregate or deleted (after a confirmation), an indicator's direction
//! turned. Each edit is `view_model::framework_edit`'s on the dataset's JSON, read again by
//! `loader::show_text` (so the engine's checks judge it, and the weights panel, ranking and
//! charts follow the new framework under the scenario shown) and kept over the dataset where it
//! is kept (`persist::mine::Datasets`: IndexedDB, or memory for the visit when the browser
//! refused to keep it — the panel then says changes last until the page is closed). An edit
//! refused says why in a notice and changes nothing. Shown only while an imported dataset is;
//! part of the "your data" deferred part.

use std::sync::Arc;

use index_core::bundle::Bundle;
use index_core::framework::NodeKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{messages, t, t_with};
use crate::loader;
use crate::persist::mine::Datasets;
use crate::state::{is_mine, use_state, AppState, Level};
use crate::view_model::framework_edit::{apply, Edit};

/// A node as the editor lists it: id, name indented by its depth under the index, whether it
/// is an indicator, whether higher is better.
type Part = (String, String, bool, bool);

/// What an indented name starts with, once per level under the index.
const INDENT: &str = "· ";

/// The parts of `bundle`'s framework, the index first, each followed by what is under it.
fn parts(bundle: &Bundle) -> Vec<Part> {
    let fw = bundle.framework();
    let mut out = Vec::with_capacity(fw.len());
    let mut stack = vec![(fw.root(), 0)];
    while let Some((pos, depth)) = stack.pop() {
        let Some(n) = fw.node(pos) else { continue };
        let leaf = matches!(n.kind, NodeKind::Indicator { .. });
        let higher = bundle
            .dataset()
            .indicator(&n.id)
            .is_none_or(|i| i.direction == index_core::dataset::Direction::Higher);
        out.push((
            n.id.clone(),
            format!("{}{}", INDENT.repeat(depth), n.name),
            leaf,
            higher,
        ));
        stack.extend(fw.children(pos).iter().rev().map(|c| (*c, depth + 1)));
    }
    out
}

/// Makes `edit` on the imported dataset shown, shows the result and keeps it where the dataset
/// is kept.
fn edit(state: AppState, datasets: Datasets, edit: &Edit) {
    let Some((id, json)) = state.loading.mine.slots.with_value(|s| s.shown.clone()) else {
        return;
    };
    let Some(scenario) = state.scenario().filter(|s| s.bundle == id) else {
        return;
    };
    let changed = apply(&json, edit).and_then(|new| {
        let new: Arc<str> = Arc::from(new);
        let ticket = state.loading.begin();
        loader::show_text(
            state,
            ticket,
            &t(&messages::YOUR_FRAMEWORK_NAMED),
            Arc::clone(&new),
            &scenario,
        )
        .map(|()| new)
    });
    match changed {
        Ok(new) => spawn_local(async move {
            if let Err(why) = datasets.update(&id, new).await {
                state.notify(
                    Level::Warning,
                    t_with(
                        &messages::CHANGE_NOT_KEPT,
                        &[("why", why.to_string().into())],
                    ),
                );
            }
        }),
        Err(why) => state.notify(
            Level::Warning,
            t_with(
                &messages::FRAMEWORK_NOT_CHANGED,
                &[("why", why.to_string().into())],
            ),
        ),
    }
}

/// The editor; `datasets` are the person's datasets for the visit, where an edit is kept.
#[component]
pub fn FrameworkEditor(datasets: Datasets) -> impl IntoView {
    let state = use_state();
    let bundle = state.inputs.bundle();
    let shown = move || bundle.with(|b| b.as_ref().is_some_and(|b| is_mine(b.id())));
    let all = Memo::new(move |_| {
        bundle.with(|b| {
            b.as_ref()
                .filter(|b| is_mine(b.id()))
                .map(|b| parts(b))
                .unwrap_or_default()
        })
    });
    // Where each change is kept: with the dataset in this browser, or only for the visit.
    let kept = move || {
        let unkept = bundle.with(|b| b.as_ref().is_some_and(|b| datasets.unkept(b.id())));
        t(if unkept {
            &messages::CHANGES_UNTIL_CLOSED
        } else {
            &messages::CHANGES_KEPT
        })
    };
    let node = RwSignal::new(String::new());
    // The name typed, and for which part (another part chosen shows its own name).
    let typed = RwSignal::new(None::<(String, String)>);
    let parent = RwSignal::new(String::new());
    // The part chosen (the first under the index until one is chosen, or if it went).
    let chosen = move || {
        all.with(|a| {
            let id = node.get();
            a.iter().find(|p| p.0 == id).or_else(|| a.get(1)).cloned()
        })
    };
    let target = move || chosen().map(|p| p.0).unwrap_or_default();
    let name = move || {
        let part = chosen();
        let id = part.as_ref().map(|p| p.0.clone());
        typed
            .get()
            .filter(|(of, _)| Some(of) == id.as_ref())
            .map(|(_, text)| text)
            .or_else(|| part.map(|p| p.1.trim_start_matches(INDENT).to_string()))
            .unwrap_or_default()
    };
    let rename = move |_| {
        edit(
            state,
            datasets,
            &Edit::Rename {
                node: target(),
                name: untrack(name),
            },
        );
    };
    let direction = move |ev| {
        let higher = event_target_value(&ev) == "higher";
        edit(
            state,
            datasets,
            &Edit::Direction {
                node: target(),
                higher,
            },
        );
    };
    let move_to = move |_| {
        let under = parent.get_untracked();
        let under = if under.is_empty() {
            all.with_untracked(|a| a.first().map(|p| p.0.clone()).unwrap_or_default())
        } else {
            under
        };
        edit(
            state,
            datasets,
            &Edit::Move {
                node: target(),
                parent: under,
            },
        );
    };
    let delete = move |_| {
        let Some((id, label, _, _)) = chosen() else {
            return;
        };
        let asked = t_with(
            &messages::DELETE_PART,
            &[("name", label.trim_start_matches(INDENT).into())],
        );
        if window().confirm_with_message(&asked).unwrap_or(false) {
            edit(state, datasets, &Edit::Delete { node: id });
        }
    };
    view! {
        <section class="panel framework-editor" id="framework-editor" aria-labelledby="fw-h" hidden=move || !shown()>
            <div class="panel-head"><h2 id="fw-h">{t(&messages::YOUR_FRAMEWORK)}</h2></div>
            <p class="hint" id="fw-hint">{t(&messages::FRAMEWORK_HINT)}" "{kept}</p>
            <div class="fw-row">
                <label class="field">
                    <span>{t(&messages::PART)}</span>
                    <select id="fw-node" on:change=move |ev| node.set(event_target_value(&ev))>
                        {move || {
                            let current = chosen().map(|p| p.0);
                            all.get().into_iter().map(|(id, label, _, _)| {
                                let selected = current.as_deref() == Some(id.as_str());
                                view! { <option value=id prop:selected=selected>{label}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                <label class="field">
                    <span>{t(&messages::NAME)}</span>
                    <input type="text" id="fw-name" maxlength="200"
                        prop:value=name
                        on:input=move |ev| typed.set(Some((target(), event_target_value(&ev))))/>
                </label>
                <div class="buttons fw-buttons">
                    <button type="button" id="fw-rename" on:click=rename>{t(&messages::RENAME)}</button>
                    <button type="button" id="fw-delete" on:click=delete>{t(&messages::DELETE_ASK)}</button>
                </div>
            </div>
            <div class="fw-row">
                <label class="field" hidden=move || !chosen().is_some_and(|p| p.2)>
                    <span>{t(&messages::DIRECTION)}</span>
                    <select id="fw-direction" on:change=direction
                        prop:value=move || if chosen().is_some_and(|p| p.3) { "higher" } else { "lower" }>
                        <option value="higher">{t(&messages::HIGHER_BETTER)}</option>
                        <option value="lower">{t(&messages::LOWER_BETTER)}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{t(&messages::MOVE_UNDER)}</span>
                    <select id="fw-parent" on:change=move |ev| parent.set(event_target_value(&ev))>
                        {move || all.get().into_iter().filter(|p| !p.2).map(|(id, label, _, _)| {
                            view! { <option value=id>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <div class="buttons fw-buttons">
                    <button type="button" id="fw-move" on:click=move_to>{t(&messages::MOVE)}</button>
                </div>
            </div>
        </section>
    }
}
