//! The charts: ranked bars of the index, the gap per pillar, the distribution by group and the
//! gap over time. Each has a title that says what is shown, the source line, and a table
//! alternative.

use index_core::stats::median;
use leptos::prelude::*;

use super::chart::ChartCanvas;
use crate::charts::{self, GapBars, Line, LineChart, Membership, Strip, Strips};
use crate::format;
use crate::state::use_state;
use crate::view_model::{self, group_short, source_line};

/// A chart with its caption and table alternative.
#[component]
pub fn ChartCard(
    /// Title (what is shown, which year).
    #[prop(into)]
    title: Signal<String>,
    /// The canvas.
    children: Children,
    /// The table alternative's rows (label, values…).
    #[prop(into)]
    table: Signal<(Vec<String>, Vec<Vec<String>>)>,
) -> impl IntoView {
    let state = use_state();
    let source = move || {
        state
            .bundle
            .with(|b| b.as_ref().map(|b| source_line(b)).unwrap_or_default())
    };
    view! {
        <figure class="chart-card">
            <figcaption><h3>{move || title.get()}</h3></figcaption>
            {children()}
            <p class="source">{source}</p>
            <details class="table-alt">
                <summary>"Show as a table"</summary>
                <table>
                    <thead><tr>{move || table.get().0.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                    <tbody>{move || table.get().1.into_iter().map(|r| view! {
                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The chart grid.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    let state = use_state();
    let bundle_title = move || {
        state.bundle.with(|b| {
            b.as_ref()
                .map(|b| b.title().to_string())
                .unwrap_or_default()
        })
    };
    let names = move || {
        let g = state.groups.get();
        state.bundle.with(|b| {
            b.as_ref()
                .map(|b| [group_short(b, &g[0]), group_short(b, &g[1])])
                .unwrap_or_default()
        })
    };

    let bars = Memo::new(move |_| {
        let b = state.bundle.get()?;
        let r = state.current()?;
        let sel = state.selection.get();
        Some(view_model::ranked_bars(
            &b,
            &r,
            &state.groups.get(),
            sel.as_deref(),
        ))
    });
    let gap = Memo::new(move |_| {
        let b = state.bundle.get()?;
        let cmp = state.compare(&*state.current()?)?;
        let fw = b.framework();
        Some(GapBars {
            rows: cmp
                .nodes
                .iter()
                .filter(|n| n.node == fw.root() || fw.parent(n.node) == Some(fw.root()))
                .map(|n| {
                    (
                        fw.node(n.node).map(|s| s.name.clone()).unwrap_or_default(),
                        n.a.mean,
                        n.b.mean,
                    )
                })
                .collect(),
            names: names(),
        })
    });
    let strips = Memo::new(move |_| {
        let b = state.bundle.get()?;
        let r = state.current()?;
        let g = state.groups.get();
        let mut by: [Vec<f64>; 3] = Default::default();
        for u in 0..r.units() {
            if let Some(v) = r.index(u) {
                let m = view_model::membership(&b, &g, u);
                by[match m {
                    Membership::A => 0,
                    Membership::B => 1,
                    Membership::Other => 2,
                }]
                .push(v);
            }
        }
        let n = names();
        let [a, bb, other] = by;
        Some(Strips {
            strips: vec![
                Strip {
                    label: n[0].clone(),
                    membership: Membership::A,
                    median: median(a.clone()),
                    values: a,
                },
                Strip {
                    label: n[1].clone(),
                    membership: Membership::B,
                    median: median(bb.clone()),
                    values: bb,
                },
                Strip {
                    label: "Others".into(),
                    membership: Membership::Other,
                    median: median(other.clone()),
                    values: other,
                },
            ],
        })
    });
    let trend = Memo::new(move |_| {
        let p = state.prepared.get()?;
        let s = state.scored.get()?;
        if p.years.len() < 2 {
            return None;
        }
        let n = names();
        let mut a = Vec::new();
        let mut bb = Vec::new();
        let mut gap = Vec::new();
        for r in &s.results {
            let idx = state.compare(r).and_then(|c| c.index().cloned());
            a.push(idx.as_ref().and_then(|i| i.a.mean));
            bb.push(idx.as_ref().and_then(|i| i.b.mean));
            gap.push(idx.and_then(|i| i.difference));
        }
        Some(LineChart {
            years: p.years.clone(),
            series: vec![
                Line {
                    label: n[0].clone(),
                    colour: charts::GROUP_A,
                    triangles: true,
                    values: a,
                },
                Line {
                    label: n[1].clone(),
                    colour: charts::GROUP_B,
                    triangles: false,
                    values: bb,
                },
                Line {
                    label: "Gap".into(),
                    colour: charts::ACCENT,
                    triangles: false,
                    values: gap,
                },
            ],
            inverted: false,
        })
    });

    let year = move || state.year.get();
    view! {
        <section class="charts" aria-label="Charts">
            <ChartCard
                title=Signal::derive(move || format!("{} by country, {} (current weights)", bundle_title(), year()))
                table=Signal::derive(move || (
                    vec!["Rank".into(), "Code".into(), "Score".into()],
                    bars.get().map(|d| d.bars.iter().enumerate().map(|(i, b)| vec![(i + 1).to_string(), b.code.clone(), format::score(b.value)]).collect()).unwrap_or_default(),
                ))>
                <ChartCanvas id="chart-bars" height=260 label=Signal::derive(move || format!("Bar chart of {} scores, best first", bundle_title()))
                    draw=move |area, style| bars.get().map(|d| charts::draw_ranked_bars(area, &d, style))/>
            </ChartCard>
            <ChartCard
                title=Signal::derive(move || { let n = names(); format!("Mean score of {} and {} on the index and each pillar, {}", n[0], n[1], year()) })
                table=Signal::derive(move || {
                    let n = names();
                    (vec!["".into(), n[0].clone(), n[1].clone()],
                     gap.get().map(|g| g.rows.iter().map(|(l, a, b)| vec![l.clone(), format::opt_score(*a), format::opt_score(*b)]).collect()).unwrap_or_default())
                })>
                <ChartCanvas id="chart-gap" height=240 label="Paired bars of the two groups' mean scores per pillar"
                    draw=move |area, style| gap.get().map(|d| charts::draw_gap_bars(area, &d, style))/>
            </ChartCard>
            <ChartCard
                title=Signal::derive(move || format!("Distribution of {} scores by group, {}", bundle_title(), year()))
                table=Signal::derive(move || (
                    vec!["Group".into(), "Units".into(), "Median".into()],
                    strips.get().map(|s| s.strips.iter().map(|s| vec![s.label.clone(), s.values.len().to_string(), format::opt_score(s.median)]).collect()).unwrap_or_default(),
                ))>
                <ChartCanvas id="chart-strips" height=200 label="Strip plot of scores by group; bars mark medians"
                    draw=move |area, style| strips.get().map(|d| charts::draw_strips(area, &d, style))/>
            </ChartCard>
            <Show when=move || trend.with(Option::is_some)>
                <ChartCard
                    title=Signal::derive(move || { let n = names(); format!("Mean index score of {} and {}, and the gap, by year", n[0], n[1]) })
                    table=Signal::derive(move || {
                        let n = names();
                        (vec!["Year".into(), n[0].clone(), n[1].clone(), "Gap".into()],
                         trend.get().map(|t| t.years.iter().enumerate().map(|(i, y)| {
                             let v = |s: usize| format::opt_score(t.series.get(s).and_then(|s| s.values.get(i).copied().flatten()));
                             vec![y.to_string(), v(0), v(1), v(2)]
                         }).collect()).unwrap_or_default())
                    })>
                    <ChartCanvas id="chart-trend" height=240 label="Line chart of the two groups' mean index and the gap over the years"
                        draw=move |area, style| trend.get().map(|d| charts::draw_lines(area, &d, style))/>
                </ChartCard>
            </Show>
        </section>
    }
}
