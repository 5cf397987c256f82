//! The country profile: the selected unit's pillar scores against the two groups' means, each
//! pillar's contribution, its best and worst indicators, and its rank over the years.

use leptos::prelude::*;

use super::chart::ChartCanvas;
use crate::charts::{self, Line, LineChart};
use crate::format;
use crate::state::use_state;
use crate::view_model::group_short;

/// Contribution bar colours, cycling (Okabe–Ito without the group colours).
const PARTS: [&str; 6] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7", "#7F8C99",
];

/// The profile panel (nothing when no unit is selected).
#[component]
pub fn Profile() -> impl IntoView {
    let state = use_state();
    let unit = move || {
        let b = state.bundle.get()?;
        let code = state.selection.get()?;
        b.dataset().unit_position(&code)
    };
    let history = Memo::new(move |_| {
        let u = unit()?;
        let p = state.prepared.get()?;
        let s = state.scored.get()?;
        let name = state
            .bundle
            .with(|b| b.as_ref().map(|b| b.dataset().units()[u].name.clone()))?;
        Some(LineChart {
            years: p.years.clone(),
            series: vec![Line {
                label: format!("Rank of {name}"),
                colour: charts::INK,
                triangles: false,
                values: s.results.iter().map(|r| r.rank(u).map(f64::from)).collect(),
            }],
            inverted: true,
        })
    });
    let body = move || {
        let u = unit()?;
        let b = state.bundle.get()?;
        let r = state.current()?;
        let fw = b.framework();
        let ds = b.dataset();
        let g = state.groups.get();
        let cmp = state.compare(&r);
        let names = [group_short(&b, &g[0]), group_short(&b, &g[1])];
        let unit_meta = ds.units()[u].clone();
        // (pillar name, the unit's score, group A's mean, group B's mean)
        type PillarLine = (String, Option<f64>, Option<f64>, Option<f64>);
        let pillars: Vec<PillarLine> = fw
            .pillars()
            .iter()
            .map(|p| {
                let gap = cmp
                    .as_ref()
                    .and_then(|c| c.nodes.iter().find(|n| n.node == *p));
                (
                    fw.node(*p).map(|n| n.name.clone()).unwrap_or_default(),
                    r.score(u, *p),
                    gap.and_then(|n| n.a.mean),
                    gap.and_then(|n| n.b.mean),
                )
            })
            .collect();
        let top = pillars
            .iter()
            .flat_map(|(_, x, a, b)| [*x, *a, *b])
            .flatten()
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
        let contributions: Vec<(String, f64)> = r
            .contributions(fw, u)
            .into_iter()
            .map(|(n, pts)| (fw.node(n).map(|s| s.name.clone()).unwrap_or_default(), pts))
            .collect();
        let total: f64 = contributions
            .iter()
            .map(|c| c.1)
            .sum::<f64>()
            .max(f64::MIN_POSITIVE);
        // Best and worst indicators by normalised value.
        let mut leaves: Vec<(String, f64)> = fw
            .leaves()
            .iter()
            .enumerate()
            .filter_map(|(c, l)| {
                let v = r.prepared.normalised.get(u, c)?;
                Some((fw.node(*l).map(|s| s.name.clone()).unwrap_or_default(), v))
            })
            .collect();
        index_core::order::sort_by(&mut leaves, |a, b| b.1.total_cmp(&a.1));
        let k = (leaves.len() / 2).min(3);
        let best: Vec<(String, f64)> = leaves.iter().take(k).cloned().collect();
        let worst: Vec<(String, f64)> = leaves.iter().rev().take(k).cloned().collect();
        let status = r.status(u).reason();
        Some(view! {
            <div class="profile-head">
                <div>
                    <h2>{unit_meta.name.clone()}" "<span class="ucode">{unit_meta.code.clone()}</span></h2>
                    <p class="profile-facts">
                        {r.rank(u).map(|k| format!("Rank {k} of {} · score {}", r.ranked(), format::opt_score(r.index(u)))).unwrap_or(status)}
                    </p>
                </div>
                <button class="dismiss" aria-label="Close profile" on:click=move |_| state.selection.set(None)>"×"</button>
            </div>
            <div class="profile-grid">
                <div>
                    <h3>"Pillars against the group means"</h3>
                    <table class="profile-pillars">
                        <thead><tr><th></th><th>{unit_meta.code.clone()}</th><th>{names[0].clone()}</th><th>{names[1].clone()}</th></tr></thead>
                        <tbody>
                            {pillars.into_iter().map(|(name, x, a, bm)| {
                                let w = |v: Option<f64>| format!("width:{:.1}%", v.map_or(0.0, |v| (v / top * 100.0).clamp(0.0, 100.0)));
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td><span class="pbar unit" style=w(x)></span>{format::opt_score(x)}</td>
                                        <td><span class="pbar grp-a" style=w(a)></span>{format::opt_score(a)}</td>
                                        <td><span class="pbar grp-b" style=w(bm)></span>{format::opt_score(bm)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div>
                    <h3>"What each pillar contributes"</h3>
                    <div class="stack" role="img" aria-label="Contribution of each pillar to the score">
                        {contributions.iter().enumerate().map(|(i, (name, pts))| view! {
                            <span class="stack-part" style=format!("width:{:.2}%;background:{}", pts / total * 100.0, PARTS[i % PARTS.len()]) title=format!("{name}: {}", format::score(*pts))></span>
                        }).collect_view()}
                    </div>
                    <ul class="stack-legend">
                        {contributions.iter().enumerate().map(|(i, (name, pts))| view! {
                            <li><span class="swatch" style=format!("background:{}", PARTS[i % PARTS.len()])></span>{name.clone()}": "{format::score(*pts)}" points"</li>
                        }).collect_view()}
                    </ul>
                    <h3>"Strongest and weakest indicators"</h3>
                    <p class="hint">"Normalised values under the current method."</p>
                    <ul class="best-worst">
                        {best.into_iter().map(|(n, v)| view! { <li class="best">"▲ "{n}" · "{format::score(v)}</li> }).collect_view()}
                        {worst.into_iter().map(|(n, v)| view! { <li class="worst">"▼ "{n}" · "{format::score(v)}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
        })
    };
    view! {
        <Show when=move || unit().is_some()>
            <section class="panel profile" id="profile" aria-label="Country profile">
                {body}
                <Show when=move || history.with(|h| h.as_ref().is_some_and(|h| h.years.len() > 1))>
                    <h3>"Rank over the years (current weights and method)"</h3>
                    <ChartCanvas id="chart-rank-history" height=180 label="Line chart of the selected unit's rank by year"
                        draw=move |area, style| history.get().map(|d| charts::draw_lines(area, &d, style))/>
                </Show>
            </section>
        </Show>
    }
}
