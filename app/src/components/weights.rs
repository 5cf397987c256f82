//! The weights panel: a slider and a number field per pillar, and per indicator inside an
//! expanded pillar; shares that sum to 100 % at each level; reset and equal weights. For an
//! index published as one overall score (nothing to re-weigh), it says so instead. On a phone
//! the panel is a drawer over the foot of the page, opened by a button that stays in view
//! (style.css), so that the ranking moving under the sliders can be seen.

use std::collections::HashSet;

use gloo::timers::callback::Timeout;
use index_core::bundle::Bundle;
use index_core::framework::Weights;
use leptos::prelude::*;

use crate::i18n::{messages, t, t_with};

use crate::format;
use crate::shared::Shared;
use crate::state::{use_state, AppState, Level};
use crate::view_model::rank_moves_message;

/// Largest weight the sliders reach (the number field takes any value ≥ 0).
const SLIDER_MAX: f64 = 5.0;

/// How long the weights rest before the live region says what their change did (a drag
/// sends an input per step: one announcement once it settles, not one per step).
const SETTLE_MS: u32 = 1000;

/// The ranking the live region compares with: what it was computed on, and each unit's rank.
type Ranked = (
    Shared<Bundle>,
    i32,
    Option<Shared<Weights>>,
    Vec<Option<u32>>,
);

/// The polite live region's announcement of what a weight change did to the ranking
/// ([`rank_moves_message`]): the ranks before a change (or before the first step of a drag)
/// against the ranks once the weights have rested [`SETTLE_MS`]. A change of dataset, year or
/// method is not announced. Writes the region's text (the outside world) from a timer.
fn announce_moves(state: AppState, region: NodeRef<leptos::html::P>) {
    let last = StoredValue::new_local(None::<Ranked>);
    let pending = StoredValue::new_local(None::<(Vec<Option<u32>>, Timeout)>);
    Effect::new(move |_| {
        let (Some(b), Some(r)) = (state.inputs.bundle().get(), state.derived.current()) else {
            return;
        };
        let w = state.inputs.weights().get();
        let ranks: Vec<Option<u32>> = (0..r.units()).map(|u| r.rank(u)).collect();
        let now = (b.clone(), r.year(), w.clone(), ranks);
        let before = match last.try_update_value(|l| l.replace(now)).flatten() {
            Some((pb, py, pw, ranks)) if pb == b && py == r.year() && pw != w => ranks,
            // Another dataset, year or method, or the first ranking: nothing to announce.
            _ => return pending.set_value(None),
        };
        let before = pending
            .try_update_value(|p| p.take())
            .flatten()
            .map_or(before, |(first, _)| first);
        let timer = Timeout::new(SETTLE_MS, move || {
            let before = pending.try_update_value(|p| p.take()).flatten();
            let (Some((before, _)), Some(el)) = (before, region.get_untracked()) else {
                return;
            };
            let text = last.with_value(|l| {
                let (b, _, _, after) = l.as_ref()?;
                let units = b.dataset().units();
                let followed = state.inputs.selection().with_untracked(|c| {
                    c.as_ref()
                        .and_then(|c| units.iter().position(|u| &u.code == c))
                });
                rank_moves_message(&before, after, followed, |u| {
                    units.get(u).map_or("", |u| u.label()).to_string()
                })
            });
            el.set_text_content(text.as_deref());
        });
        pending.set_value(Some((before, timer)));
    });
}

/// The panel.
#[component]
pub fn WeightsPanel() -> impl IntoView {
    let state = use_state();
    let region = NodeRef::<leptos::html::P>::new();
    announce_moves(state, region);
    let expanded = RwSignal::new(HashSet::<usize>::new());
    // Ratings: whole steps from 0 to 5, as the OECD's Better Life Index rates its dimensions
    // (weight = rating / sum of ratings, which is what every weight here means).
    let ratings = RwSignal::new(false);
    // The drawer on a phone (on a wider screen the button is hidden and the panel always shown).
    let open = RwSignal::new(false);
    let reset = move |_| state.inputs.reset_weights();
    let equal = move |_| state.inputs.equal_weights();
    let rows = move || {
        let b = state.inputs.bundle().get()?;
        let fw = b.framework();
        let mut out = Vec::new();
        let mut stack: Vec<(usize, usize)> = fw.pillars().iter().rev().map(|p| (*p, 0)).collect();
        let open = expanded.get();
        while let Some((node, depth)) = stack.pop() {
            out.push((node, depth));
            if open.contains(&node) {
                for c in fw.children(node).iter().rev() {
                    stack.push((*c, depth + 1));
                }
            }
        }
        Some(out)
    };
    let reweightable = move || {
        state
            .inputs
            .bundle()
            .with(|b| b.as_ref().is_none_or(|b| b.framework().is_reweightable()))
    };
    view! {
        // Outside the drawer, which is hidden from assistive technology while closed.
        <p class="visually-hidden" id="weights-announce" role="status" aria-live="polite"
            aria-atomic="true" node_ref=region></p>
        <button class="drawer-toggle" id="weights-drawer" aria-controls="weights-panel"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { t(&messages::CLOSE_WEIGHTS) } else { t(&messages::WEIGHTS) }}
        </button>
        <section class="panel weights" id="weights-panel" aria-labelledby="weights-h" class:open=move || open.get()
            on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
            <div class="panel-head">
                <h2 id="weights-h">{t(&messages::WEIGHTS)}</h2>
                <Show when=reweightable>
                    <div class="buttons">
                        <button id="reset-weights" on:click=reset title=t(&messages::PUBLISHED_TITLE)>{t(&messages::PUBLISHED)}</button>
                        <button id="equal-weights" on:click=equal title=t(&messages::EQUAL_TITLE)>{t(&messages::EQUAL)}</button>
                    </div>
                </Show>
                <button class="drawer-close" on:click=move |_| open.set(false)>{t(&messages::DONE)}</button>
            </div>
            <Show
                when=reweightable
                fallback=|| view! {
                    <p class="hint" id="weights-fixed">{t(&messages::WEIGHTS_FIXED)}</p>
                }
            >
                <p class="hint">{t(&messages::WEIGHTS_HINT)}</p>
                <label class="ratings">
                    <input type="checkbox" id="weight-ratings" prop:checked=move || ratings.get()
                        on:change=move |ev| ratings.set(event_target_checked(&ev))/>
                    " "{t(&messages::RATINGS)}
                </label>
                <ul class="weight-list">
                    {move || rows().unwrap_or_default().into_iter().map(|(node, depth)| view! {
                        <WeightRow node=node depth=depth expanded=expanded ratings=ratings/>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// One node's row.
#[component]
fn WeightRow(
    node: usize,
    depth: usize,
    expanded: RwSignal<HashSet<usize>>,
    ratings: RwSignal<bool>,
) -> impl IntoView {
    let state = use_state();
    let (bundle, weights) = (state.inputs.bundle(), state.inputs.weights());
    let Some(b) = bundle.get_untracked() else {
        return ().into_any();
    };
    let fw = b.framework();
    let Some(spec) = fw.node(node).cloned() else {
        return ().into_any();
    };
    let has_children = !fw.children(node).is_empty();
    let weight = move || weights.with(|w| w.as_ref().map_or(0.0, |w| w.get(node)));
    let share = move || {
        let b = bundle.get()?;
        weights.with(|w| w.as_ref().map(|w| w.share(b.framework(), node)))
    };
    let id = format!("w-{}", spec.id);
    let label_id = format!("wl-{}", spec.id);
    // A value the engine refuses is a notice, and the field shows the weight in force again.
    let set = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let accepted = match text.trim().replace(',', ".").parse::<f64>() {
            Ok(v) => state.inputs.set_weight(node, v),
            // A number field gives "" for what is not a number.
            Err(_) if text.trim().is_empty() => {
                state.notify(Level::Warning, t(&messages::WEIGHT_NOTHING_TYPED));
                false
            }
            Err(_) => {
                state.notify(
                    Level::Warning,
                    t_with(
                        &messages::WEIGHT_NOT_A_NUMBER,
                        &[("text", crate::format::excerpt(&text).into_owned().into())],
                    ),
                );
                false
            }
        };
        if !accepted {
            event_target::<web_sys::HtmlInputElement>(&ev).set_value(&format::weight(weight()));
        }
    };
    let toggle = move |_| {
        expanded.update(|e| {
            if !e.remove(&node) {
                e.insert(node);
            }
        })
    };
    let is_open = move || expanded.with(|e| e.contains(&node));
    view! {
        <li class="weight-row" style=format!("--depth:{depth}") data-node=spec.id.clone()>
            <div class="weight-label">
                {has_children.then(|| view! {
                    <button class="expand" on:click=toggle aria-expanded=move || is_open().to_string()
                        aria-label=t_with(&messages::SHOW_PARTS, &[("name", spec.name.clone().into())])>
                        {move || if is_open() { "▾" } else { "▸" }}
                    </button>
                })}
                <span id=label_id.clone() class="name" title=spec.name.clone()>{spec.name.clone()}</span>
                <span class="share">{move || share().map(format::percent).unwrap_or_default()}</span>
            </div>
            <div class="weight-inputs">
                <input type="range" id=id.clone() min="0" max=SLIDER_MAX.to_string()
                    step=move || if ratings.get() { "1" } else { "0.05" }
                    aria-labelledby=label_id.clone()
                    prop:value=move || weight().min(SLIDER_MAX).to_string()
                    on:input=set/>
                <input type="number" class="weight-number" min="0"
                    step=move || if ratings.get() { "1" } else { "0.1" }
                    aria-labelledby=label_id
                    prop:value=move || format::weight(weight())
                    on:change=set/>
            </div>
        </li>
    }
    .into_any()
}
