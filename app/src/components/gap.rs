//! The gap panel: two groups (LDCs and developed economies by default, or any two the person
//! picks) compared on the index and every pillar — mean, median, the gap, its ratio, coverage —
//! and how the gap moved against the published weights; then, when the person adds groups
//! (e.g. UNCTAD's three: LDCs, other developing and developed economies), every group's mean
//! with its share of the last group's and its coverage on each node ("36 of 36": members
//! scored of all), and the largest and smallest gap in words.

use index_core::groups::GroupSummary;
use leptos::prelude::*;

use crate::i18n::{messages, t, t_with};

use crate::format;
use crate::state::use_state;
use crate::view_model::{
    comparable_groups, gap_rows, group_abbrev, group_name, groups_rows, GapRow,
};

/// A group's figure's title: its median, and how many of its members are scored (`count`:
/// scored, all; `coverage`: the share scored).
fn median_title(median: Option<f64>, count: (usize, usize), coverage: f64) -> String {
    t_with(
        &messages::MEDIAN_SCORED,
        &[
            ("median", format::opt_score(median).into()),
            ("scored", count.0.into()),
            ("all", count.1.into()),
            ("share", format::percent(coverage).into()),
        ],
    )
}

/// The change in the gap against the published weights as shown, and its class (`wider`,
/// `narrower` or `same`).
fn gap_change(r: &GapRow) -> (String, &'static str) {
    r.gap_change.map_or((String::new(), "same"), |c| {
        let class = if c > 1e-12 {
            "wider"
        } else if c < -1e-12 {
            "narrower"
        } else {
            "same"
        };
        (format::signed(c), class)
    })
}

/// The panel.
#[component]
pub fn GapPanel() -> impl IntoView {
    let state = use_state();
    let (bundle, groups, all) = (
        state.inputs.bundle(),
        state.inputs.pair(),
        state.inputs.groups(),
    );
    let rows = Memo::new(move |_| {
        let b = bundle.get()?;
        let now = state.derived.gaps.get()?;
        let before = state.derived.gaps_baseline.get();
        Some(gap_rows(&b, &now, before.as_deref()))
    });
    let group_options =
        move || bundle.with(|b| b.as_ref().map(|b| comparable_groups(b)).unwrap_or_default());
    let abbrev = move || {
        let b = bundle.get();
        let g = groups.get();
        b.map(|b| [group_abbrev(&b, &g[0]), group_abbrev(&b, &g[1])])
            .unwrap_or_default()
    };
    let full = move || {
        let b = bundle.get();
        let g = groups.get();
        b.map(|b| [group_name(&b, &g[0]), group_name(&b, &g[1])])
            .unwrap_or_default()
    };
    let pick = move |side: usize, value: String| state.inputs.set_group(side, value);
    // The choices for the group in place `side`, that group selected.
    let options = move |side: usize| {
        let current = all.with(|g| g.get(side).cloned().unwrap_or_default());
        group_options()
            .into_iter()
            .map(|(gid, name)| {
                let sel = gid == current;
                view! { <option value=gid selected=sel>{name}</option> }
            })
            .collect_view()
    };
    let picker = move |side: usize, id: &'static str, label: String| {
        view! {
            <label class="field">
                <span>{label}</span>
                <select id=id on:change=move |ev| pick(side, event_target_value(&ev))>
                    {move || options(side)}
                </select>
            </label>
        }
    };
    let extra = move |side: usize| {
        view! {
            <div class="extra-group">
                <select
                    aria-label=format!("Group {}", side + 1)
                    on:change=move |ev| pick(side, event_target_value(&ev))
                >
                    {move || options(side)}
                </select>
                <button class="remove-group" title=t(&messages::STOP_COMPARING) on:click=move |_| state.inputs.remove_group(side)>"×"</button>
            </div>
        }
    };
    let add = move |ev| {
        let id = event_target_value(&ev);
        if !id.is_empty() {
            state.inputs.add_group(id);
        }
    };
    let many = Memo::new(move |_| {
        let b = bundle.get()?;
        let cmp = state.derived.groups_all.get()?;
        let heads: Vec<(String, String)> = cmp
            .groups
            .iter()
            .map(|g| (group_abbrev(&b, g), group_name(&b, g)))
            .collect();
        Some((groups_rows(&b, &cmp), heads, cmp.sentence()))
    });
    // What the tables' rows are (node, name, depth) and the groups' heads: the rows are built
    // again only when these change, not on every weight step.
    let shape = Memo::new(move |_| {
        rows.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.iter()
                        .map(|r| (r.id.clone(), r.name.clone(), r.depth))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let many_shape = Memo::new(move |_| {
        many.with(|m| {
            m.as_ref().map(|(rows, heads, _)| {
                let nodes: Vec<_> = rows
                    .iter()
                    .map(|r| (r.id.clone(), r.name.clone(), r.depth))
                    .collect();
                (heads.clone(), nodes)
            })
        })
    });
    view! {
        <section class="panel gap-panel" aria-labelledby="gap-h">
            <div class="panel-head"><h2 id="gap-h">{t(&messages::THE_GAP)}</h2></div>
            <div class="group-pickers">
                {picker(0, "group-a", t(&messages::GROUP_A))}
                {picker(1, "group-b", t(&messages::GROUP_B))}
            </div>
            <table class="gap-table" id="gap-table">
                <thead>
                    <tr>
                        <td></td>
                        <th class="num" title=move || full()[0].clone()><span class="swatch grp-a"></span>{move || abbrev()[0].clone()}</th>
                        <th class="num" title=move || full()[1].clone()><span class="swatch grp-b"></span>{move || abbrev()[1].clone()}</th>
                        <th class="num" title=t(&messages::GAP_TITLE)>{t(&messages::GAP)}</th>
                        <th class="num" title=t(&messages::GAP_CHANGE_TITLE)>{t(&messages::GAP_CHANGE)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || shape.get().into_iter().enumerate().map(|(i, (id, name, depth))| {
                        // Each figure follows the weights in place; the row is built again only
                        // when the nodes do.
                        let cell = move |f: fn(&GapRow) -> String| move || rows.with(|r| r.as_ref().and_then(|r| r.get(i)).map(f).unwrap_or_default());
                        view! {
                            <tr class=format!("depth-{depth}") data-node=id>
                                <th scope="row" title=name.clone()>{name.clone()}</th>
                                <td class="num a-mean" title=cell(|r| median_title(r.a_median, r.a_count, r.a_coverage))>{cell(|r| format::opt_score(r.a_mean))}</td>
                                <td class="num b-mean" title=cell(|r| median_title(r.b_median, r.b_count, r.b_coverage))>{cell(|r| format::opt_score(r.b_mean))}</td>
                                <td class="num gap">{cell(|r| format::opt_score(r.gap))}</td>
                                <td class=cell(|r| format!("num gap-change {}", gap_change(r).1))>{cell(|r| gap_change(r).0)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">{move || rows.get().and_then(|r| r.first().cloned()).map(|r| t_with(&messages::GAP_HINT, &[
                ("a_scored", r.a_count.0.into()), ("a_all", r.a_count.1.into()), ("a_share", format::percent(r.a_coverage).into()),
                ("b_scored", r.b_count.0.into()), ("b_all", r.b_count.1.into()), ("b_share", format::percent(r.b_coverage).into()),
                ("ratio", r.ratio.map_or_else(|| "–".into(), |x| crate::i18n::number(format!("{x:.2}"))).into()),
            ]))}</p>
            <div class="more-groups">
                {move || (2..all.with(Vec::len)).map(extra).collect_view()}
                <label class="field inline">
                    <span>{t(&messages::COMPARE_ANOTHER)}</span>
                    <select id="add-group" on:change=add prop:value="">
                        <option value="" selected=true>{t(&messages::ADD_GROUP)}</option>
                        {move || {
                            let taken = all.get();
                            group_options().into_iter().filter(|(gid, _)| !taken.contains(gid)).map(|(gid, name)| {
                                view! { <option value=gid>{name}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
            </div>
            {move || many_shape.get().map(|(heads, nodes)| {
                let last = heads.last().map(|h| h.1.clone()).unwrap_or_default();
                let groups = heads.len();
                view! {
                    <table class="gap-table groups-table" id="groups-table">
                        <caption>{t_with(&messages::GROUPS_CAPTION, &[("group", last.into())])}</caption>
                        <thead>
                            <tr>
                                <td></td>
                                {heads.into_iter().map(|(short, full)| view! { <th class="num" title=full>{short}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {nodes.into_iter().enumerate().map(|(i, (id, name, depth))| view! {
                                <tr class=format!("depth-{depth}") data-node=id>
                                    <th scope="row" title=name.clone()>{name.clone()}</th>
                                    {(0..groups).map(|g| {
                                        // The figures follow the weights in place.
                                        let cell = move |f: fn(&GroupSummary, Option<f64>) -> String| move || many.with(|m| {
                                            m.as_ref().and_then(|m| m.0.get(i)).and_then(|r| r.cells.get(g)).map(|(s, share)| f(s, *share)).unwrap_or_default()
                                        });
                                        view! {
                                            <td class="num" title=cell(|s, _| median_title(s.median, (s.scored, s.members), s.coverage))>
                                                {cell(|s, _| format::opt_score(s.mean))}
                                                <span class="share">{cell(|_, share| share.map(|s| format!("({})", format::percent(s))).unwrap_or_default())}</span>
                                                <span class="cov">{cell(|s, _| t_with(&messages::DONE_OF, &[("done", s.scored.into()), ("total", s.members.into())]))}</span>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="hint" id="groups-sentence">{move || many.with(|m| m.as_ref().map(|m| m.2.clone()).unwrap_or_default())}</p>
                }
            })}
        </section>
    }
}
