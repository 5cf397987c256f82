//! The ranking table's body: one `<tr>` per row in view, created once and then updated in place.
//!
//! Every slider step changes every score, so every row in view changes. Rebuilding the rows as
//! views cost more than the engine; rewriting them as HTML made the browser restyle new
//! elements each time. Here the rows stay, and each step writes only the texts and attributes
//! whose value changed. Clicks and keys are handled once, on the body, by
//! [`ranking`](super::ranking). The pieces that are not the ranking's own — which rows are in
//! view ([`rows_in_view`]), a cell that remembers what it shows ([`Cell`]) and keeping as many
//! rows as are shown ([`show_rows`]) — serve the performers table as well.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::charts::Membership;
use crate::format;
use crate::view_model::{Row, RowText};

/// What the rows in view show besides their own data.
pub struct Context<'a> {
    /// The scores the rows were made of (their pillar scores are read from them).
    pub results: &'a index_core::pipeline::Results,
    /// The dataset and framework shown: the rows' texts, and the pillars (a mini-bar each).
    pub bundle: &'a index_core::bundle::Bundle,
    /// Scale of the mini-bars: the largest pillar score of any unit
    /// ([`crate::view_model::pillar_max`]).
    pub bar_max: f64,
    /// The pillars whose columns are in or near the view (positions among the pillars): only
    /// their mini-bars are written, the others left empty — a flat framework of 100 indicators
    /// has 100 columns, a handful in view, and on a phone none is shown.
    pub columns: std::ops::Range<usize>,
    /// Short names of groups A and B (the row markers).
    pub badges: &'a [String; 2],
    /// The followed unit's code.
    pub selected: Option<&'a str>,
    /// The uncertainty analysis of the scenario shown, if one was run (its intervals fill
    /// the `c-interval` column, hidden without one).
    pub intervals: Option<&'a index_worker::protocol::Robustness>,
    /// The best and worst possible ranks of the scenario shown, if found (the `c-bounds`
    /// column, hidden without them).
    pub bounds: Option<&'a index_worker::protocol::Ranges>,
}

/// The rows `first..last` of `total` to keep in the document for a table whose rows are
/// `row_height` px tall, in a box `view_height` px tall scrolled `scroll_top` px down: those
/// in view, one more for the row shown in part at the bottom, and `overscan` rows on either
/// side (at the top of the table, below only).
pub fn rows_in_view(
    scroll_top: f64,
    row_height: f64,
    view_height: f64,
    overscan: usize,
    total: usize,
) -> (usize, usize) {
    let top = (scroll_top.max(0.0) / row_height) as usize;
    let first = top.saturating_sub(overscan);
    let last = top + (view_height / row_height).ceil() as usize + 1 + overscan;
    (first.min(total), last.min(total))
}

/// A table row kept in the document and updated in place.
pub trait Slotted: Sized {
    /// What every row of the table has in common (the ranking's: its number of pillars).
    type Shape: PartialEq;
    /// A new row of `shape`, not yet in the document.
    fn make(doc: &Document, shape: &Self::Shape) -> Option<Self>;
    /// Its shape.
    fn shape(&self) -> Self::Shape;
    /// Its `<tr>`.
    fn tr(&self) -> &Element;
}

/// Makes `body` show `rows` through the `slots` of the previous call, each row by `show`:
/// slots are appended or removed at the end ([`keep_rows`]), all made anew when `shape`
/// changes.
pub fn show_rows<S: Slotted, R>(
    body: &Element,
    slots: &mut Vec<S>,
    rows: &[R],
    shape: &S::Shape,
    mut show: impl FnMut(&mut S, &R),
) {
    keep_rows(body, slots, rows.len(), shape);
    for (slot, row) in slots.iter_mut().zip(rows) {
        show(slot, row);
    }
}

/// Makes `slots` hold `n` rows of `shape` in `body`: rows are appended or removed at the end,
/// and all are made anew when the shape changes.
fn keep_rows<S: Slotted>(body: &Element, slots: &mut Vec<S>, n: usize, shape: &S::Shape) {
    if slots.first().is_some_and(|s| s.shape() != *shape) {
        for s in slots.drain(..) {
            s.tr().remove();
        }
    }
    while slots.len() > n {
        if let Some(s) = slots.pop() {
            s.tr().remove();
        }
    }
    if slots.len() < n {
        let Some(doc) = body.owner_document() else {
            return;
        };
        while slots.len() < n {
            let Some(s) = S::make(&doc, shape) else { break };
            if body.append_child(s.tr()).is_err() {
                break;
            }
            slots.push(s);
        }
    }
}

/// An element and the text or attribute value last written to it.
pub(super) struct Cell {
    el: Element,
    shown: String,
}

impl Cell {
    /// `el`, with nothing written yet.
    pub(super) fn new(el: Element) -> Self {
        Cell {
            el,
            shown: String::new(),
        }
    }

    /// Sets the text, if it changed.
    pub(super) fn text(&mut self, value: String) {
        if value != self.shown {
            self.el.set_text_content(Some(&value));
            self.shown = value;
        }
    }

    /// Sets or removes the boolean attribute `name`, if that changed.
    pub(super) fn flag(&mut self, name: &str, on: bool) {
        let value = if on { "on" } else { "off" };
        if value != self.shown {
            let _ = self.el.toggle_attribute_with_force(name, on);
            self.shown = value.to_string();
        }
    }

    /// Sets attribute `name`, if it changed (one attribute per cell).
    pub(super) fn attr(&mut self, name: &str, value: String) {
        if value != self.shown {
            let _ = self.el.set_attribute(name, &value);
            self.shown = value;
        }
    }
}

/// One row's elements.
pub struct Slot {
    tr: HtmlElement,
    class: Cell,
    code_attr: Cell,
    selected: Cell,
    rank: Cell,
    change: Cell,
    change_class: Cell,
    name: Cell,
    /// The name's `title`: the publisher's (official) name.
    name_title: Cell,
    code: Cell,
    marker: Cell,
    marker_class: Cell,
    marker_title: Cell,
    marker_label: Cell,
    marker_hidden: Cell,
    reason: Cell,
    reason_hidden: Cell,
    score: Cell,
    interval: Cell,
    interval_class: Cell,
    bounds: Cell,
    /// Each pillar's cell (its title) and bar (its width).
    pillars: Vec<(Cell, Cell)>,
}

/// `<tag class="class">` appended to `parent`.
pub(super) fn child(doc: &Document, parent: &Element, tag: &str, class: &str) -> Option<Element> {
    let el = doc.create_element(tag).ok()?;
    el.set_class_name(class);
    parent.append_child(&el).ok()?;
    Some(el)
}

impl Slotted for Slot {
    /// The number of pillars (a mini-bar each).
    type Shape = usize;

    /// A row with `pillars` mini-bars, not yet in the document.
    fn make(doc: &Document, pillars: &usize) -> Option<Slot> {
        let pillars = *pillars;
        let tr: HtmlElement = doc.create_element("tr").ok()?.dyn_into().ok()?;
        tr.set_tab_index(0);
        let rank = child(doc, &tr, "td", "c-rank")?;
        let change = child(doc, &tr, "td", "c-change")?;
        let name_td = child(doc, &tr, "td", "c-name")?;
        let name = child(doc, &name_td, "span", "uname")?;
        let code = child(doc, &name_td, "span", "ucode")?;
        let marker = child(doc, &name_td, "span", "marker")?;
        // A symbol named by its group (`aria-label` names nothing on a span without a role).
        let _ = marker.set_attribute("role", "img");
        let reason = child(doc, &name_td, "span", "reason")?;
        let score = child(doc, &tr, "td", "c-score")?;
        let interval = child(doc, &tr, "td", "c-interval")?;
        let bounds = child(doc, &tr, "td", "c-bounds")?;
        let mut bars = Vec::with_capacity(pillars);
        for _ in 0..pillars {
            let td = child(doc, &tr, "td", "c-pillar")?;
            let mini = child(doc, &td, "span", "mini")?;
            let fill = child(doc, &mini, "span", "mini-fill")?;
            bars.push((Cell::new(td), Cell::new(fill)));
        }
        let el: &Element = &tr;
        Some(Slot {
            class: Cell::new(el.clone()),
            code_attr: Cell::new(el.clone()),
            selected: Cell::new(el.clone()),
            change_class: Cell::new(change.clone()),
            marker_class: Cell::new(marker.clone()),
            marker_title: Cell::new(marker.clone()),
            marker_label: Cell::new(marker.clone()),
            marker_hidden: Cell::new(marker.clone()),
            reason_hidden: Cell::new(reason.clone()),
            rank: Cell::new(rank),
            change: Cell::new(change),
            name_title: Cell::new(name.clone()),
            name: Cell::new(name),
            code: Cell::new(code),
            marker: Cell::new(marker),
            reason: Cell::new(reason),
            score: Cell::new(score),
            interval_class: Cell::new(interval.clone()),
            interval: Cell::new(interval),
            bounds: Cell::new(bounds),
            pillars: bars,
            tr,
        })
    }

    fn shape(&self) -> usize {
        self.pillars.len()
    }

    fn tr(&self) -> &Element {
        &self.tr
    }
}

impl Slot {
    /// Shows `row`.
    fn show(&mut self, row: &Row, cx: &Context) {
        let text = RowText::of(cx.bundle.dataset(), cx.results, row.unit);
        let is_sel = cx.selected == Some(text.code.as_str());
        let group = row.membership.class();
        let sel = if is_sel { " selected" } else { "" };
        self.class.attr("class", format!("row {group}{sel}"));
        self.code_attr.attr("data-code", text.code.clone());
        self.selected.attr("aria-selected", is_sel.to_string());
        self.rank
            .text(row.rank.map_or_else(|| "–".to_string(), |r| r.to_string()));
        let (change, dir) = format::rank_change(row.change);
        self.change.text(change);
        self.change_class.attr("class", format!("c-change {dir}"));
        self.name.text(text.name);
        self.name_title.attr("title", text.official);
        self.code.text(text.code.clone());
        let badge = match row.membership {
            Membership::A => cx.badges[0].clone(),
            Membership::B => cx.badges[1].clone(),
            Membership::Other => String::new(),
        };
        self.marker.text(row.membership.mark().to_string());
        self.marker_class.attr("class", format!("marker {group}"));
        self.marker_title.attr("title", badge.clone());
        self.marker_hidden.flag("hidden", badge.is_empty());
        self.marker_label.attr("aria-label", badge);
        self.reason_hidden.flag("hidden", text.reason.is_empty());
        self.reason.text(text.reason);
        self.score.text(format::opt_score(row.score));
        let (interval, wide) = cx
            .intervals
            .and_then(|r| crate::view_model::robustness::interval_of(r, &text.code))
            .unwrap_or_default();
        self.interval.text(interval);
        self.interval_class.attr(
            "class",
            if wide {
                "c-interval wide"
            } else {
                "c-interval"
            }
            .to_string(),
        );
        self.bounds.text(
            cx.bounds
                .and_then(|r| crate::view_model::ranges::bounds_of(r, &text.code))
                .unwrap_or_default(),
        );
        let pillars = cx.bundle.framework().pillars();
        for (k, (td, fill)) in self.pillars.iter_mut().enumerate() {
            let score = pillars.get(k).filter(|_| cx.columns.contains(&k));
            let (title, style) = match score.map(|p| cx.results.score(row.unit, *p)) {
                Some(p) => {
                    // A transform, not a width: the bar is painted anew without a layout.
                    let w = p.map_or(0.0, |v| (v / cx.bar_max).clamp(0.0, 1.0));
                    (format::opt_score(p), format!("transform:scaleX({w:.3})"))
                }
                None => (String::new(), "transform:scaleX(0)".to_string()),
            };
            td.attr("title", title);
            fill.attr("style", style);
        }
    }
}

/// Makes `body` show `rows`, reusing the `slots` of the previous call ([`show_rows`]); no rows
/// without a context (nothing scored).
pub fn update(body: &Element, slots: &mut Vec<Slot>, rows: &[Row], cx: Option<&Context>) {
    match cx {
        Some(cx) => {
            let pillars = cx.bundle.framework().pillars().len();
            show_rows(body, slots, rows, &pillars, |slot, row| slot.show(row, cx));
        }
        None => show_rows(body, slots, &[], &0, |_, _: &Row| {}),
    }
}
