//! The ranking table: every unit with rank, change against the published weights, score, the
//! ranks 90 % of the uncertainty analysis' draws give and the best and worst possible ranks
//! (once each is run for the scenario shown) and a mini-bar per pillar; sortable, searchable,
//! filterable by group; keyboard-usable. Only the rows in view are rendered (a full table
//! re-laid out on every input costs tens of ms).

use leptos::prelude::*;

use crate::i18n::{messages, t, t_with};

use super::ranking_body;
use crate::state::{use_state, SortKey};
use crate::view_model::{self, group_short};

/// Row height in CSS pixels (must match `.rank-table tbody tr` in style.css).
pub const ROW_HEIGHT: f64 = 34.0;
/// Height of the scrolling body in CSS pixels until it is measured: it then takes the room its
/// column has (style.css: `.table-scroll` grows to the height of the controls beside it).
const VIEW_HEIGHT: f64 = 544.0;
/// Extra rows rendered above and below the view.
const OVERSCAN: usize = 6;

/// The table.
#[component]
pub fn RankingTable() -> impl IntoView {
    let state = use_state();
    let scroll_top = RwSignal::new(0.0f64);
    let scroller = NodeRef::<leptos::html::Div>::new();
    let (bundle, groups, table) = (state.inputs.bundle(), state.inputs.pair(), state.table);
    let rows = Memo::new(move |_| {
        let b = bundle.get()?;
        let r = state.derived.current()?;
        let base = state.derived.baseline()?;
        Some(crate::shared::Shared::new(view_model::rows(
            &b,
            &r,
            &base,
            &groups.get(),
            &table.search.get(),
            &table.filter.get(),
            table.sort.get(),
        )))
    });
    let pillars = move || {
        bundle.with(|b| {
            b.as_ref()
                .map(|b| {
                    let fw = b.framework();
                    fw.pillars()
                        .iter()
                        .map(|p| (*p, fw.node(*p).map(|n| n.name.clone()).unwrap_or_default()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Scale of the mini-bars: the largest pillar score (once per result, not per scroll).
    let bar_max = Memo::new(move |_| {
        let (b, r) = (bundle.get()?, state.derived.current()?);
        Some(view_model::pillar_max(b.framework(), &r))
    });
    let filter_options = move || {
        bundle.with(|b| {
            b.as_ref()
                .map(|b| view_model::filter_options(b))
                .unwrap_or_default()
        })
    };
    let sort_button = move |key: SortKey, label: String| {
        let active = move || table.sort.get().0 == key;
        let arrow = move || match table.sort.get() {
            (k, d) if k == key => {
                if d {
                    " ▼"
                } else {
                    " ▲"
                }
            }
            _ => "",
        };
        view! {
            <button class="sort" class:active=active
                on:click=move |_| table.sort_by(key)>
                {label}{arrow}
            </button>
        }
    };
    // A sortable column's header says how the rows are sorted by it (on the `th`: a button
    // cannot carry `aria-sort`).
    let sorted = move |key: SortKey| {
        move || match table.sort.get() {
            (k, true) if k == key => "descending",
            (k, false) if k == key => "ascending",
            _ => "none",
        }
    };
    // The pillars' columns in or near the view, measured when the table scrolls or changes
    // size and when its columns change — not on a slider step (see `ranking_body::Context`).
    // Kept in a cell: for the rows' effect a change is like a scroll, so it notifies
    // `scroll_top`, which the effect reads.
    let columns = std::rc::Rc::new(std::cell::Cell::new((0, usize::MAX)));
    let measure = {
        let columns = std::rc::Rc::clone(&columns);
        move || {
            if let Some(el) = scroller.get_untracked() {
                let seen = pillars_in_view(&el);
                if seen != columns.get() {
                    columns.set(seen);
                    scroll_top.notify();
                }
            }
        }
    };
    let view_height = watch_height(scroller, VIEW_HEIGHT, measure.clone());
    let visible = move || {
        let total = rows.with(|r| r.as_ref().map_or(0, |r| r.len()));
        let (first, last) = ranking_body::rows_in_view(
            scroll_top.get(),
            ROW_HEIGHT,
            view_height.get(),
            OVERSCAN,
            total,
        );
        (first, last, total)
    };
    // The uncertainty analysis and the best and worst ranks of the scenario shown (none once
    // it has changed).
    let intervals = super::job::current(state, state.robustness.last);
    let bounds = super::job::current(state, state.robustness.ranges);
    let remeasure = measure.clone();
    Effect::new(move |_| {
        // The columns change with the pillars and the analyses' columns.
        let _ = (
            pillars().len(),
            intervals.with(Option::is_some),
            bounds.with(Option::is_some),
        );
        request_animation_frame(remeasure.clone());
    });
    // The rows in view, kept as DOM rows and updated in place (see `ranking_body`); clicks
    // and keys are handled here, once, for whichever row they land on.
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move |slots: Option<Vec<ranking_body::Slot>>| {
        let mut slots = slots.unwrap_or_default();
        let (first, last, _) = visible();
        let bar_max = bar_max.get().unwrap_or(1.0).max(f64::MIN_POSITIVE);
        let (Some(b), Some(results)) = (bundle.get(), state.derived.current()) else {
            // Nothing scored (no dataset yet, or a year the engine refused): no rows.
            if let Some(tb) = body.get() {
                ranking_body::update(&tb, &mut slots, &[], None);
            }
            return slots;
        };
        let groups = groups.get();
        let badges = bundle
            .with(|b| {
                b.as_ref()
                    .map(|b| [group_short(b, &groups[0]), group_short(b, &groups[1])])
            })
            .unwrap_or_default();
        let selected = state.inputs.selection().get();
        let analysis = intervals.get();
        let ranges = bounds.get();
        if let Some(tb) = body.get() {
            rows.with(|r| {
                let shown = r
                    .as_ref()
                    .and_then(|r| r.get(first..last))
                    .unwrap_or_default();
                let cx = ranking_body::Context {
                    results: &results,
                    bundle: &b,
                    bar_max,
                    columns: {
                        let (first, last) = columns.get();
                        first..last
                    },
                    badges: &badges,
                    selected: selected.as_deref(),
                    intervals: analysis.as_deref().map(|a| &a.result),
                    bounds: ranges.as_deref().map(|r| &r.result),
                };
                ranking_body::update(&tb, &mut slots, shown, Some(&cx));
            });
        }
        slots
    });
    // On a phone the table shows rank, name and score; the followed unit's other figures are
    // the details line above the rows (style.css hides the line where they are columns).
    let details = move || {
        let code = state.inputs.selection().get()?;
        let names: Vec<String> = pillars().into_iter().map(|(_, n)| n).collect();
        let (b, results) = (bundle.get()?, state.derived.current()?);
        let u = b.dataset().unit_position(&code)?;
        rows.with(|r| {
            let row = r.as_ref()?.iter().find(|row| row.unit == u)?;
            let text = view_model::RowText::of(b.dataset(), &results, u);
            let scores = view_model::pillar_scores(b.framework(), &results, u);
            Some(view_model::row_details(row, &text, &names, &scores))
        })
    };
    let (on_click, on_key) = super::follow_rows(state);
    view! {
        <div class="panel table-panel">
            <div class="panel-head">
                <h2>{t(&messages::RANKING)}</h2>
                <span class="count" id="ranked-count">{move || state.derived.current().map(|r| t_with(&messages::RANKED, &[("count", r.ranked().into())])).unwrap_or_default()}</span>
            </div>
            <div class="table-tools">
                <input type="search" id="search" placeholder=t(&messages::SEARCH) aria-label=t(&messages::SEARCH)
                    prop:value=move || table.search.get()
                    on:input=move |ev| table.search.set(event_target_value(&ev))/>
                <select id="filter" aria-label=t(&messages::SHOW_GROUP) on:change=move |ev| table.filter.set(event_target_value(&ev))>
                    <option value="">{t(&messages::ALL_UNITS)}</option>
                    {move || {
                        let current = table.filter.get();
                        filter_options().into_iter().map(|(id, name)| {
                            let sel = id == current;
                            view! { <option value=id selected=sel>{name}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            <p class="rank-details" id="rank-details">
                {move || details().unwrap_or_else(|| t(&messages::TAP_COUNTRY))}
            </p>
            <div class="table-scroll" node_ref=scroller
                on:scroll=move |ev| {
                    scroll_top.set(event_target::<web_sys::HtmlElement>(&ev).scroll_top() as f64);
                    measure();
                }>
                // Rows above and below the view are padding, not rows, so the columns stay
                // those of the visible table at any width.
                <div class="table-pad" style=move || {
                    let (first, last, total) = visible();
                    format!("padding-top:{}px;padding-bottom:{}px", first as f64 * ROW_HEIGHT, (total - last) as f64 * ROW_HEIGHT)
                }>
                // The country column keeps its room however many pillars there are (style.css).
                <table class="rank-table" id="rank-table" class:with-intervals=move || intervals.with(Option::is_some)
                    class:with-bounds=move || bounds.with(Option::is_some)
                    style=move || format!("--pillars:{}", pillars().len())>
                    <thead>
                        <tr>
                            <th class="c-rank" aria-sort=sorted(SortKey::Rank)>{sort_button(SortKey::Rank, t(&messages::RANK))}</th>
                            <th class="c-change" aria-sort=sorted(SortKey::Change)>{sort_button(SortKey::Change, "Δ".into())}</th>
                            <th class="c-name" aria-sort=sorted(SortKey::Name)>{sort_button(SortKey::Name, t(&messages::COUNTRY))}</th>
                            <th class="c-score">{t(&messages::SCORE)}</th>
                            <th class="c-interval" title="The ranks the middle 90 % of the uncertainty analysis' draws give (see How robust is this ranking?)">"90 %"</th>
                            <th class="c-bounds" title="The best and worst rank any weights allowed give (see Best and worst possible ranks); ? marks a bound not proven">{t(&messages::BEST_WORST)}</th>
                            {move || pillars().into_iter().map(|(p, name)| {
                                let short: String = name.split_whitespace().next().unwrap_or_default().chars().take(9).collect();
                                view! { <th class="c-pillar" title=name aria-sort=sorted(SortKey::Node(p))>{sort_button(SortKey::Node(p), short)}</th> }
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody node_ref=body on:click=on_click on:keydown=on_key></tbody>
                </table>
                </div>
            </div>
        </div>
    }
}

/// The pillars (positions among them, first and one past the last) whose header cells are
/// within a column's width of the scrolling box `scroller`'s sides; none where they are
/// hidden (a phone).
fn pillars_in_view(scroller: &web_sys::Element) -> (usize, usize) {
    const MARGIN: f64 = 60.0;
    let view = scroller.get_bounding_client_rect();
    let (left, right) = (view.left() - MARGIN, view.right() + MARGIN);
    let Ok(Some(head)) = scroller.query_selector("thead tr") else {
        return (0, usize::MAX);
    };
    let (mut k, mut seen) = (0, None::<(usize, usize)>);
    let mut cell = head.first_element_child();
    while let Some(th) = cell {
        if th.class_name().contains("c-pillar") {
            let r = th.get_bounding_client_rect();
            if r.width() > 0.0 && r.right() > left && r.left() < right {
                seen = Some((seen.map_or(k, |s| s.0), k + 1));
            }
            k += 1;
        }
        cell = th.next_element_sibling();
    }
    seen.unwrap_or((0, 0))
}

/// The height of the element `node` refers to in CSS pixels, `initial` until measured, kept up
/// to date by a `ResizeObserver` (it changes when the window or the column beside it does, not
/// on a slider step); `resized` is called on each change of its size.
fn watch_height(
    node: NodeRef<leptos::html::Div>,
    initial: f64,
    resized: impl Fn() + Clone + 'static,
) -> RwSignal<f64> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let height = RwSignal::new(initial);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let measured = el.clone();
        let resized = resized.clone();
        let seen = Closure::<dyn FnMut()>::new(move || {
            resized();
            let h = f64::from(measured.client_height());
            if h > 0.0 && (h - height.get_untracked()).abs() >= 1.0 {
                height.set(h);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(seen.as_ref().unchecked_ref()) {
            observer.observe(&el);
            let kept = StoredValue::new_local((observer, seen));
            on_cleanup(move || kept.with_value(|(o, _)| o.disconnect()));
        }
    });
    height
}
