//! Over- and under-performers against income (UNCTAD's analysis), live under the weights: the
//! scatter of score against GDP per capita (a [`ChartCard`], so it has the other charts'
//! caption, table alternative, share, embed and downloads) beside a table of actual rank,
//! expected rank and their difference, sortable by each column, largest over-performer first.
//! Scored economies without a GDP per capita follow, marked; the coverage is said in words.
//! Rows and order come from [`crate::view_model::performers`], the results from the one
//! performers memo ([`crate::state::Derived::performers`]).

use leptos::prelude::*;

use crate::i18n::{messages, t, t_with, Msg};
use web_sys::{Document, Element};

use super::chart::watch_view;
use super::charts_panel::ChartCard;
use super::ranking_body::{child, rows_in_view, show_rows, Cell, Slotted};
use crate::charts::{ChartKind, Membership};
use crate::state::{use_state, PerformerKey};
use crate::view_model::performers::{coverage, difference_text, rows, PerformerRow, MARKED};

/// Row height in CSS pixels (`.performers-table tbody tr` in style.css).
const ROW_HEIGHT: f64 = 30.0;
/// Height of the scrolling box in CSS pixels, at most.
const VIEW_HEIGHT: f64 = 480.0;
/// Extra rows kept above and below the view.
const OVERSCAN: usize = 6;

/// The panel.
#[component]
pub fn PerformersPanel() -> impl IntoView {
    let state = use_state();
    let (bundle, table, performers) =
        (state.inputs.bundle(), state.table, state.derived.performers);
    // Out of view, the panel reads nothing, so a slider step computes and writes none of it
    // (the performers memo included); it catches up when it comes into view.
    let panel = NodeRef::<leptos::html::Section>::new();
    let in_view = watch_view(panel, super::chart::NEAR_VIEW);
    let rows = Memo::new(move |_| {
        let b = bundle.get()?;
        let p = performers.get()?;
        let p = p.as_ref().ok()?;
        Some(rows(&b, p, table.performers.get()))
    });
    let summary = move || {
        if !in_view.get() {
            return None;
        }
        performers.with(|p| {
            p.as_ref().map(|p| match p.as_ref() {
                Ok(p) => coverage(p),
                Err(e) => t_with(&messages::NOT_AVAILABLE, &[("why", e.to_string().into())]),
            })
        })
    };
    // `name` is the button's `data-key`, the same in every language.
    let sort_button = move |key: PerformerKey, name: &'static str, label: &Msg| {
        let label = t(label);
        let active = move || table.performers.get().0 == key;
        // Each key's natural order (difference: largest first; the others: 1 or A first).
        let descending = move || (key == PerformerKey::Difference) != table.performers.get().1;
        view! {
            <th scope="col" class=if key == PerformerKey::Name { "" } else { "num" }
                aria-sort=move || match (active(), descending()) {
                    (false, _) => "none",
                    (true, true) => "descending",
                    (true, false) => "ascending",
                }>
                <button type="button" class="sort" class:active=active data-key=name
                    on:click=move |_| table.sort_performers_by(key)>
                    {label}{move || if !active() { "" } else if descending() { " ▼" } else { " ▲" }}
                </button>
            </th>
        }
    };
    // Only the rows in view are in the document, kept and updated in place (as the
    // ranking's): rewriting ~170 rows as HTML on every slider step made the browser parse,
    // restyle and lay out a thousand new elements each time.
    let scroll_top = RwSignal::new(0.0f64);
    let visible = move || {
        if !in_view.get() {
            return (0, 0, 0);
        }
        let total = rows.with(|r| r.as_ref().map_or(0, Vec::len));
        let (first, last) =
            rows_in_view(scroll_top.get(), ROW_HEIGHT, VIEW_HEIGHT, OVERSCAN, total);
        (first, last, total)
    };
    let body = NodeRef::<leptos::html::Tbody>::new();
    Effect::new(move |slots: Option<Vec<Slot>>| {
        let mut slots = slots.unwrap_or_default();
        let (first, last, _) = visible();
        if !in_view.get_untracked() {
            return slots;
        }
        let selected = state.inputs.selection().get();
        // The marked groups' names, for the marks' names.
        let names = state.inputs.bundle().with(|b| {
            b.as_ref()
                .map(|b| MARKED.map(|g| crate::view_model::group_short(b, g)))
                .unwrap_or_default()
        });
        if let Some(tb) = body.get() {
            rows.with(|r| {
                let shown = r
                    .as_ref()
                    .and_then(|r| r.get(first..last))
                    .unwrap_or_default();
                show_rows(&tb, &mut slots, shown, &(), |slot, row| {
                    slot.show(row, selected.as_deref(), &names);
                });
            });
        }
        slots
    });
    let (on_click, on_key) = super::follow_rows(state);
    view! {
        <section class="panel performers" aria-labelledby="performers-h" id="performers" node_ref=panel>
            <div class="panel-head"><h2 id="performers-h">{t(&messages::PERFORMERS_TITLE)}</h2></div>
            <p class="hint">{t(&messages::PERFORMERS_HINT)}</p>
            <div class="performers-grid">
                <ChartCard kind=ChartKind::Performers/>
                <div class="performers-side">
                    <p class="performers-coverage" id="performers-coverage">{summary}</p>
                    <div class="table-wrap" style=format!("max-height:{VIEW_HEIGHT}px")
                        on:scroll=move |ev| scroll_top.set(event_target::<web_sys::HtmlElement>(&ev).scroll_top() as f64)>
                        // Rows above and below the view are padding (see the ranking's).
                        <div class="table-pad" style=move || {
                            let (first, last, total) = visible();
                            format!("padding-top:{}px;padding-bottom:{}px", first as f64 * ROW_HEIGHT, (total - last) as f64 * ROW_HEIGHT)
                        }>
                        <table class="compare-table performers-table" id="performers-table">
                            <thead>
                                <tr>
                                    {sort_button(PerformerKey::Name, "Country", &messages::COUNTRY)}
                                    {sort_button(PerformerKey::Actual, "Rank", &messages::RANK)}
                                    {sort_button(PerformerKey::Expected, "Expected", &messages::EXPECTED)}
                                    {sort_button(PerformerKey::Difference, "Difference", &messages::DIFFERENCE)}
                                </tr>
                            </thead>
                            <tbody node_ref=body on:click=on_click on:keydown=on_key></tbody>
                        </table>
                        </div>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// One row of the table, kept in the document: per economy, its group's mark (first, so that a
/// long name cut short keeps it), name and code, then actual rank, expected rank and
/// difference — or, in their place, why it is not compared. The row of the economy followed is
/// marked.
struct Slot {
    tr: Element,
    class: Cell,
    code_attr: Cell,
    marker: Cell,
    marker_class: Cell,
    /// The mark's group in words (the mark is an image named by it), and its role: an image
    /// when it marks a group, else none (an image without a name is a fault).
    marker_label: Cell,
    marker_role: Cell,
    name: Cell,
    title: Cell,
    code: Cell,
    /// Actual rank, expected rank, difference: each cell's text and whether it is hidden.
    numbers: [(Cell, Cell); 3],
    difference_class: Cell,
    note: Cell,
    note_hidden: Cell,
}

impl Slotted for Slot {
    /// Every row has the same cells.
    type Shape = ();

    fn make(doc: &Document, _: &()) -> Option<Slot> {
        let tr = doc.create_element("tr").ok()?;
        let _ = tr.set_attribute("tabindex", "0");
        let th = child(doc, &tr, "th", "p-name")?;
        let _ = th.set_attribute("scope", "row");
        let marker = child(doc, &th, "span", "marker")?;
        let name = child(doc, &th, "span", "")?;
        let code = child(doc, &th, "span", "ucode")?;
        let actual = child(doc, &tr, "td", "num p-actual")?;
        let expected = child(doc, &tr, "td", "num p-expected")?;
        let difference = child(doc, &tr, "td", "num p-diff")?;
        let both = |td: Element| (Cell::new(td.clone()), Cell::new(td));
        let note = child(doc, &tr, "td", "p-note")?;
        let _ = note.set_attribute("colspan", "3");
        Some(Slot {
            class: Cell::new(tr.clone()),
            code_attr: Cell::new(tr.clone()),
            marker_class: Cell::new(marker.clone()),
            marker_label: Cell::new(marker.clone()),
            marker_role: Cell::new(marker.clone()),
            marker: Cell::new(marker),
            title: Cell::new(th),
            name: Cell::new(name),
            code: Cell::new(code),
            difference_class: Cell::new(difference.clone()),
            numbers: [both(actual), both(expected), both(difference)],
            note_hidden: Cell::new(note.clone()),
            note: Cell::new(note),
            tr,
        })
    }

    fn shape(&self) {}

    fn tr(&self) -> &Element {
        &self.tr
    }
}

impl Slot {
    /// Shows `r`; `selected` is the followed economy's code, `names` the marked groups' names.
    fn show(&mut self, r: &PerformerRow, selected: Option<&str>, names: &[String; 2]) {
        let group = r.membership.class();
        let chosen = if selected == Some(r.code.as_str()) {
            " selected"
        } else {
            ""
        };
        self.class.attr("class", format!("row {group}{chosen}"));
        self.code_attr.attr("data-code", r.code.clone());
        self.marker.text(r.membership.mark().to_string());
        self.marker_class.attr("class", format!("marker {group}"));
        let in_words = match r.membership {
            Membership::A => &names[0],
            Membership::B => &names[1],
            Membership::Other => "",
        };
        self.marker_label.attr("aria-label", in_words.to_string());
        let role = if in_words.is_empty() { "none" } else { "img" };
        self.marker_role.attr("role", role.to_string());
        self.title.attr("title", r.name.clone());
        self.name.text(r.name.clone());
        self.code.text(r.code.clone());
        let rank = |k: Option<u32>| k.map_or_else(|| "–".to_string(), |k| k.to_string());
        let texts = [
            rank(r.actual),
            rank(r.expected),
            r.difference.map(difference_text).unwrap_or_default(),
        ];
        for ((cell, hidden), text) in self.numbers.iter_mut().zip(texts) {
            cell.text(text);
            hidden.flag("hidden", r.difference.is_none());
        }
        let direction = match r.difference.map(i64::signum) {
            Some(1) => "up",
            Some(-1) => "down",
            _ => "same",
        };
        self.difference_class
            .attr("class", format!("num p-diff {direction}"));
        self.note.text(r.note.clone());
        self.note_hidden.flag("hidden", r.difference.is_some());
    }
}
