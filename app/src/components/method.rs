//! The method panel: normalisation, aggregation, outlier treatment, missing data, screening.

use index_core::method::{Aggregation, Imputation, Normalisation, Treatment};
use leptos::prelude::*;

use crate::state::use_state;

/// Normalisation choices offered: (value, label).
const NORMALISATIONS: &[(&str, &str)] = &[
    ("", "Dataset default"),
    ("none", "None (published scores)"),
    ("minmax", "Min-max 0–100"),
    ("zscore:100:10", "z-scores (mean 100, sd 10)"),
    ("prank", "Percentile ranks 0–100"),
    ("rank", "Ranks"),
    ("dist2max", "Distance to best 0–100"),
];
const AGGREGATIONS: &[(&str, &str)] = &[
    ("", "Dataset default"),
    ("arithmetic", "Arithmetic mean"),
    ("geometric", "Geometric mean"),
    ("harmonic", "Harmonic mean"),
];
const TREATMENTS: &[(&str, &str)] = &[
    ("", "Dataset default"),
    ("none", "None"),
    ("winsorise:5", "Winsorise (JRC rule, ≤ 5), else log"),
];
const SCREENS: &[(&str, &str)] = &[
    ("", "Dataset default"),
    ("0", "Keep every unit"),
    ("0.5", "Drop units with < 50 % data"),
    ("0.6667", "Drop units with < 2/3 data"),
    ("0.9", "Drop units with < 90 % data"),
];

/// A select bound to one method setting (`current` gives the selected value's text form).
#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(into)] current: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| {
                    let v2 = v.clone();
                    view! { <option value=v selected=move || current.get() == v2>{l}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

fn owned(options: &[(&str, &str)]) -> Vec<(String, String)> {
    options
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
}

/// The panel.
#[component]
pub fn MethodPanel() -> impl IntoView {
    let state = use_state();
    let choice = state.method;
    let families = move || {
        state.bundle.with(|b| {
            let mut f: Vec<String> = b
                .as_ref()
                .map(|b| {
                    b.dataset()
                        .groups()
                        .iter()
                        .map(|g| g.family.clone())
                        .collect()
                })
                .unwrap_or_default();
            index_core::order::sort_dedup(&mut f);
            f
        })
    };
    let imputations = move || {
        let mut o = owned(&[
            ("", "Dataset default"),
            ("none", "Leave out, re-weight"),
            ("mean", "Indicator mean"),
        ]);
        o.extend(families().into_iter().map(|f| {
            (
                format!("groupmean:{f}"),
                format!("Mean of the unit's {f} group"),
            )
        }));
        o
    };
    let has_denominators = move || {
        state.bundle.with(|b| {
            b.as_ref().is_some_and(|b| {
                b.framework().nodes().iter().any(|n| {
                    matches!(
                        n.kind,
                        index_core::framework::NodeKind::Indicator {
                            denominator: Some(_)
                        }
                    )
                })
            })
        })
    };
    view! {
        <section class="panel method" aria-labelledby="method-h">
            <div class="panel-head">
                <h2 id="method-h">"Method"</h2>
                <div class="buttons">
                    <button id="reset-method" on:click=move |_| state.set_method(|m| *m = Default::default())>"Default"</button>
                </div>
            </div>
            <Choice id="normalisation" label="Normalisation" options=owned(NORMALISATIONS)
                current=Signal::derive(move || choice.with(|c| c.normalisation.map(|n| n.to_string()).unwrap_or_default()))
                on_pick=Callback::new(move |v: String| state.set_method(|m| m.normalisation = v.parse::<Normalisation>().ok()))/>
            <Choice id="aggregation" label="Aggregation" options=owned(AGGREGATIONS)
                current=Signal::derive(move || choice.with(|c| c.aggregation.map(|a| a.to_string()).unwrap_or_default()))
                on_pick=Callback::new(move |v: String| state.set_method(|m| m.aggregation = v.parse::<Aggregation>().ok()))/>
            <Choice id="treatment" label="Outliers" options=owned(TREATMENTS)
                current=Signal::derive(move || choice.with(|c| c.treatment.map(|t| t.to_string()).unwrap_or_default()))
                on_pick=Callback::new(move |v: String| state.set_method(|m| m.treatment = v.parse::<Treatment>().ok()))/>
            {move || {
                let options = imputations();
                view! {
                    <Choice id="imputation" label="Missing data" options=options
                        current=Signal::derive(move || choice.with(|c| c.imputation.as_ref().map(|i| i.to_string()).unwrap_or_default()))
                        on_pick=Callback::new(move |v: String| state.set_method(|m| m.imputation = v.parse::<Imputation>().ok()))/>
                }
            }}
            <Choice id="screen" label="Screening" options=owned(SCREENS)
                current=Signal::derive(move || choice.with(|c| c.screen.map(index_core::scenario::short_number).unwrap_or_default()))
                on_pick=Callback::new(move |v: String| state.set_method(|m| m.screen = v.parse::<f64>().ok()))/>
            <label class="field">
                <span>"Carry values forward"</span>
                <select id="carry" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.set_method(|m| m.carry_forward = v.parse::<u32>().ok());
                }>
                    {move || {
                        let current = choice.with(|c| c.carry_forward);
                        let default = current.is_none();
                        let mut v = vec![view! { <option value="" selected=default>"Dataset default"</option> }.into_any()];
                        v.extend([0u32, 1, 2, 3, 5, 10].into_iter().map(|y| {
                            let label = if y == 0 { "No (this year only)".to_string() } else { format!("Up to {y} years") };
                            view! { <option value=y.to_string() selected=current == Some(y)>{label}</option> }.into_any()
                        }));
                        v
                    }}
                </select>
            </label>
            <Show when=has_denominators>
                <label class="check">
                    <input type="checkbox" id="denominate"
                        prop:checked=move || state.prepared.get().is_some_and(|p| p.method.denominate)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.set_method(|m| m.denominate = Some(on));
                        }/>
                    <span>"Divide by denominators (per capita, per GDP…)"</span>
                </label>
            </Show>
        </section>
    }
}
