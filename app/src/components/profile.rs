//! The country profile: the selected unit's pillar scores against every compared group's mean
//! (each group's bar in its colour and fill, its mark beside the figure), each
//! pillar's contribution, its strengths and weaknesses (best and worst indicators by rank), and
//! its rank over the years.

use leptos::prelude::*;

use crate::i18n::{messages, t, t_with};

use super::chart::ChartCanvas;
use crate::charts::{self, Line, LineChart, Mark};
use crate::format;
use crate::state::use_state;
use crate::view_model::{self, ProfilePillar};

/// Contribution bar colours, cycling (Okabe–Ito without the group colours).
const PARTS: [&str; 6] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7", "#7F8C99",
];

/// The profile panel (nothing when no unit is selected).
#[component]
pub fn Profile() -> impl IntoView {
    let state = use_state();
    let (bundle, selection) = (state.inputs.bundle(), state.inputs.selection());
    let d = state.derived;
    let unit = move || {
        let b = bundle.get()?;
        let code = selection.get()?;
        b.dataset().unit_position(&code)
    };
    let history = Memo::new(move |_| {
        let u = unit()?;
        let p = d.prepared.get()?;
        let s = d.scored.get()?;
        let name = bundle.with(|b| b.as_ref()?.dataset().units().get(u).map(crate::i18n::label))?;
        Some(LineChart {
            years: p.years.clone(),
            series: vec![Line {
                label: t_with(&messages::RANK_OF, &[("name", name.into())]),
                colour: charts::INK,
                mark: Mark::Other,
                values: s.results.iter().map(|r| r.rank(u).map(f64::from)).collect(),
            }],
            inverted: true,
        })
    });
    let profile = Memo::new(move |_| {
        let u = unit()?;
        let b = bundle.get()?;
        let r = d.current()?;
        let gaps = d.groups_now.get();
        let standings = d.standings.get();
        let groups = state.inputs.groups().get();
        view_model::profile(&b, &r, gaps.as_deref(), &groups, u, standings.as_deref())
    });
    let body = move || {
        let p = profile.get()?;
        let (top, total) = (p.top, p.total);
        Some(view! {
            <div class="profile-head">
                <div>
                    <h2 title=p.official.clone()>{p.name.clone()}" "<span class="ucode">{p.code.clone()}</span></h2>
                    <p class="profile-facts">{p.facts.clone()}</p>
                </div>
                <button class="dismiss" aria-label=t(&messages::CLOSE_PROFILE) on:click=move |_| state.inputs.set_selection(None)>"×"</button>
            </div>
            <div class="profile-grid">
                <div>
                    <h3>{t(&messages::PILLARS_AGAINST_MEANS)}</h3>
                    <div class="profile-wrap">
                    <table class="profile-pillars" data-groups=p.groups.len()>
                        <thead><tr><td></td><th>{p.code.clone()}</th>
                            {p.groups.iter().zip(&p.full_names).enumerate().map(|(i, (short, full))| {
                                let m = Mark::group(i);
                                view! { <th title=full.clone()><span class=format!("marker {}", m.class()) aria-hidden="true">{m.symbol()}</span>" "{short.clone()}</th> }
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {p.pillars.into_iter().map(|ProfilePillar { name, unit: x, means }| {
                                let w = |v: Option<f64>| format!("width:{:.1}%", v.map_or(0.0, |v| (v / top * 100.0).clamp(0.0, 100.0)));
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td><span class="pbar unit" style=w(x)></span>{format::opt_score(x)}</td>
                                        {means.into_iter().enumerate().map(|(i, m)| {
                                            let class = format!("pbar {}", Mark::group(i).class());
                                            view! { <td><span class=class style=w(m)></span>{format::opt_score(m)}</td> }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                </div>
                <div>
                    <h3>{t(&messages::PILLAR_CONTRIBUTIONS)}</h3>
                    <div class="stack" role="img" aria-label=t(&messages::CONTRIBUTIONS_LABEL)>
                        {p.contributions.iter().enumerate().map(|(i, (name, pts))| view! {
                            <span class="stack-part" style=format!("width:{:.2}%;background:{}", pts / total * 100.0, PARTS[i % PARTS.len()]) title=format!("{name}: {}", format::score(*pts))></span>
                        }).collect_view()}
                    </div>
                    <ul class="stack-legend">
                        {p.contributions.iter().enumerate().map(|(i, (name, pts))| view! {
                            <li><span class="swatch" style=format!("background:{}", PARTS[i % PARTS.len()])></span>{name.clone()}": "{t_with(&messages::POINTS, &[("points", format::score(*pts).into())])}</li>
                        }).collect_view()}
                    </ul>
                    <h3>{t(&messages::STRENGTHS)}</h3>
                    <p class="hint">{t(&messages::STRENGTHS_HINT)}</p>
                    <ul class="best-worst" id="profile-standings">
                        {p.best.into_iter().map(|(n, v)| view! { <li class="best">"▲ "{n}" · "{v}</li> }).collect_view()}
                        {p.worst.into_iter().map(|(n, v)| view! { <li class="worst">"▼ "{n}" · "{v}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
        })
    };
    view! {
        <Show when=move || unit().is_some()>
            <section class="panel profile" id="profile" aria-label=t(&messages::COUNTRY_PROFILE)>
                {body}
                <Show when=move || history.with(|h| h.as_ref().is_some_and(|h| h.years.len() > 1))>
                    <h3>{t(&messages::RANK_OVER_YEARS)}</h3>
                    <ChartCanvas id="chart-rank-history" height=180 label=t(&messages::RANK_HISTORY_LABEL)
                        draw=move |area, style| history.get().map(|d| charts::draw_lines(area, &d, style))/>
                </Show>
            </section>
        </Show>
    }
}
