//! The world map (issue 13): a choropleth of the index or a pillar under the current weights and
//! method, for the year shown, with the other charts' caption, toolbar (share, embed, PNG, SVG,
//! CSV), source line and table alternative. Its code is a split module of its own
//! ([`super::deferred`]), and `data/map.json` is fetched the first time the panel comes into
//! view. While out of view the panel reads nothing (its memo keeps its last value), so a slider
//! step costs it nothing; in view, a step recomputes the fills and redraws the canvas from the
//! geometry parsed once. Hover (or tap) names a unit with its score, rank and change; a click
//! follows it, as the ranking's rows do. The data and captions come from
//! [`crate::view_model::map`], the drawing from [`crate::charts::map`].

use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::*;

use super::chart::watch_view;
use super::share::ChartToolbar;
use crate::charts::backend::Backend;
use crate::charts::map::{circle_radius, draw_map, Fit, MapChart, MapGeometry, HATCH, NO_DATA};
use crate::charts::{ChartData, Direction, Style};
use crate::i18n::{messages, t, t_with};
use crate::shared::Shared;
use crate::state::{use_state, AppState};
use crate::view_model::map::{
    describe, map_view, parse_breaks, Binning, MapOptions, MapRow, MAX_CLASSES, MIN_CLASSES,
    OUTLINED_GROUP,
};
use crate::view_model::ChartView;

#[cfg(feature = "bench")]
thread_local! {
    /// Milliseconds spent drawing the map, and draws, since the last [`take_draw`].
    static DRAWN: std::cell::Cell<(f64, u32)> = const { std::cell::Cell::new((0.0, 0)) };
}

/// Milliseconds spent drawing the map and how many draws since the last call (read by the
/// in-browser benchmark; only in builds with the `bench` feature).
#[cfg(feature = "bench")]
pub fn take_draw() -> (f64, u32) {
    DRAWN.with(|t| t.replace((0.0, 0)))
}

/// How the classes are chosen, as the picker offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BinKind {
    Quantiles,
    Equal,
    Fixed,
}

/// The map's geometry: not asked for yet, loading, loaded, or why it could not be.
#[derive(Clone, PartialEq)]
enum Geometry {
    NotAsked,
    Loading,
    Ready(Shared<MapGeometry>),
    Failed(String),
}

/// The map's view and rows as built, shared.
type Built = Option<Shared<(ChartView, Vec<MapRow>)>>;

/// The map chart in what was built.
fn map_of(built: &Built) -> Option<&MapChart> {
    match &built.as_ref()?.0 .0.data {
        ChartData::Map(m) => Some(&**m),
        _ => None,
    }
}

/// Fetches and parses the map's geometry into `geometry`.
fn load(geometry: RwSignal<Geometry>) {
    geometry.set(Geometry::Loading);
    spawn_local(async move {
        let parsed = crate::loader::fetch_map()
            .await
            .and_then(|t| MapGeometry::from_json(&t));
        geometry.set(match parsed {
            Ok(g) => Geometry::Ready(Shared::new(g)),
            Err(e) => Geometry::Failed(e),
        });
    });
}

/// The map of the scenario shown on geometry `g`, of the node `TableUi::map_node` names (the
/// index when it names none of the framework's), in classes by `binning`, LDCs outlined or
/// not; `None` until the dataset is scored.
fn build(state: AppState, g: &Shared<MapGeometry>, binning: Binning, outline: bool) -> Built {
    let b = state.inputs.bundle().get()?;
    let r = state.derived.current()?;
    let base = state.derived.baseline()?;
    let fw = b.framework();
    let node = state
        .table
        .map_node
        .with(|id| fw.nodes().iter().position(|n| n.id == *id));
    let options = MapOptions {
        node: node.unwrap_or(fw.root()),
        binning,
        outline_ldcs: outline,
    };
    let selection = state.inputs.selection().get();
    Some(Shared::new(map_view(
        &b,
        &r,
        &base,
        g,
        &options,
        selection.as_deref(),
    )))
}

/// The map for the embed route (`?embed=map`, `&node=` naming a pillar): its geometry fetched
/// at once, five quantile classes, no outlines; with why there is no map when the geometry
/// could not be had.
pub fn embedded(state: AppState) -> (Memo<Option<ChartView>>, Signal<Option<String>>) {
    let geometry = RwSignal::new(Geometry::NotAsked);
    load(geometry);
    let view = Memo::new(move |_| {
        let Geometry::Ready(g) = geometry.get() else {
            return None;
        };
        build(state, &g, Binning::Quantiles(5), false).map(|b| b.0 .0.clone())
    });
    let failed = Signal::derive(move || match geometry.get() {
        Geometry::Failed(e) => Some(t_with(
            &messages::MAP_NOT_DRAWN,
            &[("why", e.to_string().into())],
        )),
        _ => None,
    });
    (view, failed)
}

/// The panel.
#[component]
pub fn MapPanel() -> impl IntoView {
    let state = use_state();
    let section = NodeRef::<leptos::html::Section>::new();
    // Only while on screen: a repaint of the whole map is the dearest of the page's, and the map
    // stands just below the explorer, often within a chart's margin of the viewport.
    let in_view = watch_view(section, "0px");
    let geometry = RwSignal::new(Geometry::NotAsked);
    // The file is fetched the first time the panel is in view.
    Effect::new(move |_| {
        if in_view.get() && geometry.with_untracked(|g| *g == Geometry::NotAsked) {
            load(geometry);
        }
    });

    // The person's choices. The node is kept by id, so that it survives a change of dataset
    // (an id the framework lacks shows the index).
    let node_id = state.table.map_node;
    let bin_kind = RwSignal::new(BinKind::Quantiles);
    let classes = RwSignal::new(5usize);
    let breaks_text = RwSignal::new(String::new());
    let breaks_error = RwSignal::new(None::<String>);
    let outline = RwSignal::new(false);

    let binning = Memo::new(move |_| match bin_kind.get() {
        BinKind::Quantiles => Binning::Quantiles(classes.get()),
        BinKind::Equal => Binning::Equal(classes.get()),
        BinKind::Fixed => match parse_breaks(&breaks_text.get()) {
            Ok(b) => Binning::Fixed(b),
            Err(_) => Binning::Quantiles(classes.get()),
        },
    });
    // Out of view the memo reads nothing and keeps its last value.
    let built = Memo::new(move |last: Option<&Built>| {
        if !in_view.get() {
            return last.cloned().flatten();
        }
        let Geometry::Ready(g) = geometry.get() else {
            return None;
        };
        build(state, &g, binning.get(), outline.get())
    });
    let view = Memo::new(move |_| built.with(|b| b.as_ref().map(|b| b.0 .0.clone())));

    // The canvas: its CSS width measured once and on resize; its height from the map's
    // proportions.
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let css_width = RwSignal::new(0.0f64);
    let measure = move || {
        if let Some(el) = canvas.get_untracked() {
            css_width.set(f64::from(el.client_width().max(200)));
        }
    };
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    let fit = Memo::new(move |_| {
        let w = css_width.get();
        built.with(|b| {
            let g = &map_of(b)?.geometry;
            Some(Fit::new(g, 0.0, 0.0, w, w * g.height / g.width))
        })
    });
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        if !in_view.get() {
            return;
        }
        if css_width.get_untracked() == 0.0 {
            measure();
        }
        let width = css_width.get();
        #[cfg(feature = "bench")]
        let started = window().performance().map_or(0.0, |p| p.now());
        built.with(|b| {
            let Some(m) = map_of(b) else {
                return;
            };
            let dpr = window().device_pixel_ratio().max(1.0);
            let height = (width * m.geometry.height / m.geometry.width).round();
            let (w, h) = ((width * dpr) as u32, (height * dpr) as u32);
            if el.width() != w || el.height() != h {
                el.set_width(w);
                el.set_height(h);
                let _ = el.style(("height", format!("{height}px")));
            }
            // Geography is not mirrored, and the legend is HTML: left to right in every language.
            let Some(backend) = Backend::canvas(&el, Direction::Ltr) else {
                return;
            };
            let area = backend.into_drawing_area();
            let _ = area.fill(&WHITE);
            if let Err(e) = draw_map(
                &area,
                m,
                &Style {
                    scale: dpr,
                    dir: Direction::Ltr,
                },
                false,
            ) {
                leptos::logging::warn!("the map could not be drawn: {e}");
            }
            let _ = area.present();
        });
        #[cfg(feature = "bench")]
        {
            let spent = window().performance().map_or(0.0, |p| p.now()) - started;
            DRAWN.with(|t| {
                let (ms, n) = t.get();
                t.set((ms + spent, n + 1));
            });
        }
    });

    // Hover and tap: the unit under the pointer, and where to show its line.
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    let unit_at = move |x: f64, y: f64| -> Option<usize> {
        let f = fit.get_untracked()?;
        built.with_untracked(|b| {
            let m = map_of(b)?;
            let radius = (circle_radius(css_width.get_untracked()) + 2.0) / f.scale.max(1e-9);
            m.geometry.hit(f.grid(x, y), radius as f32, &m.circles())
        })
    };
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        hover.set(unit_at(x, y).map(|i| (i, x, y)));
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let hit = unit_at(x, y);
        hover.set(hit.map(|i| (i, x, y)));
        let code = built.with_untracked(|b| {
            let m = map_of(b)?;
            let i = hit?;
            let in_data = matches!(
                m.fills.get(i),
                Some(crate::charts::map::Fill::NoData | crate::charts::map::Fill::Class(_))
            );
            in_data.then(|| m.geometry.units.get(i).map(|u| u.code.clone()))?
        });
        if let Some(code) = code {
            state.inputs.toggle_selection(code);
        }
    };
    let tip = move || {
        let (i, x, y) = hover.get()?;
        built.with(|b| {
            let m = map_of(b)?;
            let rows = &b.as_ref()?.0 .1;
            let unit = m.geometry.units.get(i)?;
            let ranked = rows.iter().filter(|r| r.rank.is_some()).count();
            let text = describe(
                rows.iter().find(|r| r.code == unit.code),
                &unit.name,
                ranked,
            );
            let left = (x + 12.0).min(css_width.get_untracked() - 160.0).max(0.0);
            Some(view! {
                <div class="map-tip" role="status" style=format!("left:{left:.0}px;top:{:.0}px", y + 14.0)>{text}</div>
            })
        })
    };

    // The controls.
    let nodes = Memo::new(move |_| {
        state.inputs.bundle().with(|b| {
            b.as_ref().map_or_else(Vec::new, |b| {
                let fw = b.framework();
                let mut out = vec![(String::new(), format!("{} (index)", b.title()))];
                out.extend(
                    fw.pillars()
                        .iter()
                        .filter_map(|p| fw.node(*p).map(|n| (n.id.clone(), n.name.clone()))),
                );
                out
            })
        })
    });
    let has_ldcs = Memo::new(move |_| {
        state.inputs.bundle().with(|b| {
            b.as_ref()
                .is_some_and(|b| b.dataset().group(OUTLINED_GROUP).is_some())
        })
    });
    let legend = move || {
        built.with(|b| {
            let m = map_of(b)?;
            let swatch = |colour: plotters::style::RGBColor| {
                format!(
                    "background:#{:02x}{:02x}{:02x}",
                    colour.0, colour.1, colour.2
                )
            };
            let classes = m
                .legend
                .iter()
                .map(|c| {
                    view! {
                        <li class="map-class"><span class="map-swatch" style=swatch(c.colour)></span>
                            <span class="map-break">{c.label.clone()}</span></li>
                    }
                })
                .collect_view();
            let hatched = format!(
                "background:repeating-linear-gradient(135deg,#{:02x}{:02x}{:02x} 0 1px,#{:02x}{:02x}{:02x} 1px 4px)",
                HATCH.0, HATCH.1, HATCH.2, NO_DATA.0, NO_DATA.1, NO_DATA.2
            );
            let outlined = m.outline_label.clone().map(|l| {
                view! { <li class="map-class"><span class="map-swatch outlined"></span><span>{l}</span></li> }
            });
            Some(view! {
                {classes}
                <li class="map-class map-nodata"><span class="map-swatch" style=hatched></span><span>{t(&messages::NO_DATA)}</span></li>
                {outlined}
                <li class="map-class"><span class="map-swatch circle"></span><span>{t(&messages::SMALL_STATE)}</span></li>
            })
        })
    };
    let open = RwSignal::new(false);
    let (row_click, row_key) = super::follow_rows(state);
    let text = move |f: fn(&ChartView) -> String| {
        move || view.with(|v| v.as_ref().map(&f).unwrap_or_default())
    };
    view! {
        <section class="panel map-panel" id="map" aria-labelledby="map-h" node_ref=section>
            <div class="panel-head"><h2 id="map-h">{t(&messages::WORLD_MAP)}</h2></div>
            <div class="map-controls">
                <label>{t(&messages::MAP_SHOW)}" "
                    <select id="map-node" on:change=move |ev| node_id.set(event_target_value(&ev))>
                        {move || nodes.get().into_iter().map(|(id, name)| {
                            let selected = node_id.with_untracked(|n| *n == id);
                            view! { <option value=id selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>{t(&messages::CLASSES)}" "
                    <select id="map-binning" on:change=move |ev| bin_kind.set(match event_target_value(&ev).as_str() {
                        "equal" => BinKind::Equal,
                        "fixed" => BinKind::Fixed,
                        _ => BinKind::Quantiles,
                    })>
                        <option value="quantiles" selected=true>{t(&messages::QUANTILES)}</option>
                        <option value="equal">{t(&messages::EQUAL_INTERVALS)}</option>
                        <option value="fixed">{t(&messages::OWN_BREAKS)}</option>
                    </select>
                </label>
                <label hidden=move || bin_kind.get() == BinKind::Fixed>{t(&messages::NUMBER_OF_CLASSES)}" "
                    <select id="map-classes" on:change=move |ev| {
                        if let Ok(k) = event_target_value(&ev).parse::<usize>() { classes.set(k) }
                    }>
                        {(MIN_CLASSES..=MAX_CLASSES).map(|k| view! {
                            <option value=k.to_string() selected=k == 5>{k.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label hidden=move || bin_kind.get() != BinKind::Fixed>{t(&messages::BREAKS)}" "
                    <input id="map-breaks" type="text" inputmode="decimal" placeholder=t(&messages::BREAKS_EXAMPLE)
                        prop:value=move || breaks_text.get()
                        on:change=move |ev| {
                            let t = event_target_value(&ev);
                            breaks_error.set(parse_breaks(&t).err());
                            breaks_text.set(t);
                        }/>
                </label>
                <label hidden=move || !has_ldcs.get()>
                    <input id="map-ldcs" type="checkbox" prop:checked=move || outline.get()
                        on:change=move |ev| outline.set(event_target_checked(&ev))/>
                    " "{t(&messages::OUTLINE_LDCS)}
                </label>
            </div>
            <p class="map-error" role="alert" hidden=move || breaks_error.with(Option::is_none)>
                {move || breaks_error.get().map(|e| t_with(&messages::BREAKS_NOT_APPLIED, &[("why", e.into())]))}
            </p>
            <figure class="chart-card map-card" data-chart="map">
                <figcaption><h3 hidden=move || view.with(Option::is_none)>{text(|v| v.title.clone())}</h3></figcaption>
                <ChartToolbar kind=crate::charts::ChartKind::Map view=view/>
                <div class="map-frame">
                    <canvas id="chart-map" node_ref=canvas class="map-canvas" role="img"
                        aria-label=move || view.with(|v| v.as_ref().map_or_else(|| t(&messages::WORLD_MAP), |v| v.label.clone()))
                        on:mousemove=on_move on:mouseleave=move |_| hover.set(None) on:click=on_click></canvas>
                    {tip}
                    <p class="map-status" hidden=move || geometry.with(|g| matches!(g, Geometry::Ready(_)))>
                        {move || match geometry.get() {
                            Geometry::Failed(e) => t_with(&messages::MAP_NOT_LOADED, &[("why", e.to_string().into())]),
                            _ => t(&messages::LOADING_MAP),
                        }}
                        <button type="button" hidden=move || !geometry.with(|g| matches!(g, Geometry::Failed(_)))
                            on:click=move |_| load(geometry)>{t(&messages::RETRY)}</button>
                    </p>
                </div>
                <ul class="map-legend" id="map-legend" aria-label=t(&messages::LEGEND)>{legend}</ul>
                <p class="map-disclaimer">{move || match geometry.get() {
                    Geometry::Ready(g) => g.disclaimer.clone(),
                    _ => String::new(),
                }}</p>
                <p class="source">{text(|v| v.source.clone())}</p>
                <details class="table-alt" id="map-table"
                    on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>{t(&messages::SHOW_AS_TABLE)}</summary>
                    <table>
                        <thead><tr>{move || view.with(|v| v.as_ref().map(|v| v.header.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view()))}</tr></thead>
                        <tbody on:click=row_click on:keydown=row_key>{move || open.get().then(|| view.with(|v| v.as_ref().map(|v| v.rows.iter().map(|r| {
                            let code = r.get(1).cloned().unwrap_or_default();
                            view! { <tr data-code=code tabindex="0">{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> }
                        }).collect_view())))}</tbody>
                    </table>
                </details>
            </figure>
        </section>
    }
}
