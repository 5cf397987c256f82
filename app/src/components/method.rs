//! The method panel: normalisation (within each year or across all years), aggregation, outlier treatment, missing data, screening.

use index_core::method::{Aggregation, Imputation, Normalisation, NormaliseOver, Treatment};
use index_core::scenario::MethodChoice;
use leptos::prelude::*;

use crate::i18n::{messages, t, t_with, Msg};
use crate::state::use_state;

/// A choice offered: the value (`None`: the dataset's default) and its label.
type Offer<T> = (Option<T>, String);

fn offers<T>(default: &str, choices: impl IntoIterator<Item = (T, String)>) -> Vec<Offer<T>> {
    std::iter::once((None, default.to_string()))
        .chain(choices.into_iter().map(|(v, l)| (Some(v), l)))
        .collect()
}

/// Range of the normalisations offered: 0–100.
const SCALE: (f64, f64) = (0.0, 100.0);

/// Normalisations offered.
fn normalisations() -> Vec<Offer<Normalisation>> {
    let (low, high) = SCALE;
    offers(
        &t(&messages::DEFAULT),
        [
            (Normalisation::None, "None (published scores)"),
            (Normalisation::MinMax { low, high }, "Min-max 0–100"),
            (
                Normalisation::ZScore {
                    mean: 100.0,
                    sd: 10.0,
                },
                "z-scores (mean 100, sd 10)",
            ),
            (
                Normalisation::PercentileRank { low, high },
                "Percentile ranks 0–100",
            ),
            (Normalisation::Rank, "Ranks"),
            (
                Normalisation::DistanceToBest { low, high },
                "Distance to best 0–100",
            ),
        ]
        .map(|(v, l)| (v, l.to_string())),
    )
}

/// What each indicator is normalised over: each year on its own, or every year pooled (scores
/// comparable over time).
fn normalise_overs() -> Vec<Offer<NormaliseOver>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (NormaliseOver::EachYear, "Within each year"),
            (
                NormaliseOver::AllYears,
                "Across all years (comparable over time)",
            ),
        ]
        .map(|(v, l)| (v, l.to_string())),
    )
}

/// Aggregations offered.
fn aggregations() -> Vec<Offer<Aggregation>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (Aggregation::Arithmetic, "Arithmetic mean"),
            (Aggregation::Geometric, "Geometric mean"),
            (Aggregation::Harmonic, "Harmonic mean"),
        ]
        .map(|(v, l)| (v, l.to_string())),
    )
}

/// Outlier treatments offered.
fn treatments() -> Vec<Offer<Treatment>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (Treatment::None, "None"),
            (
                Treatment::DEFAULT_WINSORISE,
                "Winsorise (JRC rule, ≤ 5), else log",
            ),
        ]
        .map(|(v, l)| (v, l.to_string())),
    )
}

/// Imputations offered: the global ones, then the mean of each group family of the dataset.
fn imputations(families: Vec<String>) -> Vec<Offer<Imputation>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (Imputation::None, "Leave out, re-weight".to_string()),
            (Imputation::IndicatorMean, "Indicator mean".to_string()),
        ]
        .into_iter()
        .chain(families.into_iter().map(|f| {
            let label = format!("Mean of the unit's {f} group");
            (Imputation::GroupMean { family: f }, label)
        })),
    )
}

/// Screening thresholds offered (0: keep every unit).
fn screens() -> Vec<Offer<f64>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (0.0, "Keep every unit"),
            (0.5, "Drop units with < 50 % data"),
            (2.0 / 3.0, "Drop units with < 2/3 data"),
            (0.9, "Drop units with < 90 % data"),
        ]
        .map(|(v, l)| (v, l.to_string())),
    )
}

/// Years of carrying values forward offered.
fn carries() -> Vec<Offer<u32>> {
    offers(
        &t(&messages::DEFAULT),
        [0u32, 1, 2, 3, 5, 10].map(|y| {
            let label = if y == 0 {
                "This year only".to_string()
            } else {
                format!("Up to {y} years")
            };
            (y, label)
        }),
    )
}

/// How the dataset's own value of a setting reads: `own` if it is one of the `offers` (its
/// label, lower-cased), else `fallback` of it.
fn default_label<T: PartialEq>(
    offers: &[Offer<T>],
    own: &T,
    fallback: impl Fn(&T) -> String,
) -> String {
    offers
        .iter()
        .find(|(v, _)| v.as_ref() == Some(own))
        .map_or_else(|| fallback(own), |(_, l)| lower_first(l))
}

/// `text` with its first letter in lower case ("Arithmetic mean" → "arithmetic mean").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// A select bound to one method setting: the options' labels, the position of the one in
/// force, and what to do with the position picked. Not generic (one copy in the wasm);
/// [`offered`] ties it to a setting's typed values.
#[component]
fn Choice(
    id: &'static str,
    label: Msg,
    #[prop(into)] labels: Signal<Vec<String>>,
    #[prop(into)] current: Signal<Option<usize>>,
    on_pick: Callback<usize>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{t(&label)}</span>
            <select id=id on:change=move |ev| {
                if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                    on_pick.run(i);
                }
            }>
                {move || {
                    let now = current.get();
                    labels.get().into_iter().enumerate().map(|(i, l)| {
                        view! { <option value=i.to_string() selected=now == Some(i)>{l}</option> }
                    }).collect_view()
                }}
            </select>
        </label>
    }
}

/// A [`Choice`] over a setting's typed `options`: `current` gives the value in force, `set`
/// receives the value picked (nothing is parsed back from text).
///
/// `default` names the dataset's own value, so that the first option reads "Default (min-max
/// 0–100)" rather than leaving the person to guess.
fn offered<T>(
    id: &'static str,
    label: Msg,
    options: impl Fn() -> Vec<Offer<T>> + Copy + Send + Sync + 'static,
    default: impl Fn() -> Option<String> + Send + Sync + 'static,
    current: impl Fn() -> Option<T> + Send + Sync + 'static,
    set: impl Fn(Option<T>) + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let labels = Signal::derive(move || {
        let mut labels: Vec<String> = options().into_iter().map(|(_, l)| l).collect();
        if let (Some(first), Some(d)) = (labels.first_mut(), default()) {
            *first = t_with(&messages::DEFAULT_OF, &[("value", d.into())]);
        }
        labels
    });
    let position = Signal::derive(move || {
        let now = current();
        options().iter().position(|(v, _)| *v == now)
    });
    let pick = Callback::new(move |i: usize| {
        if let Some((v, _)) = options().into_iter().nth(i) {
            set(v);
        }
    });
    view! { <Choice id=id label=label labels=labels current=position on_pick=pick/> }
}

/// The panel.
#[component]
pub fn MethodPanel() -> impl IntoView {
    let state = use_state();
    let (bundle, choice) = (state.inputs.bundle(), state.inputs.method());
    let inputs = state.inputs;
    let families = move || {
        bundle.with(|b| {
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
    // The dataset's own method, each setting in words (the first option of each select).
    let own = move |f: fn(&index_core::method::Method, &[String]) -> String| {
        move || bundle.with(|b| b.as_ref().map(|b| f(b.method(), &families())))
    };
    let has_denominators = move || {
        bundle.with(|b| {
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
                <h2 id="method-h">{t(&messages::METHOD)}</h2>
                <div class="buttons">
                    <button id="reset-method" on:click=move |_| inputs.set_method(|m| *m = MethodChoice::default())>{t(&messages::DEFAULT)}</button>
                </div>
            </div>
            {offered("normalisation", messages::NORMALISATION, normalisations,
                own(|m, _| m.normalisation().label()),
                move || choice.with(|c| c.normalisation),
                move |v| inputs.set_method(move |m| m.normalisation = v))}
            {offered("normalise-over", messages::NORMALISE_OVER, normalise_overs,
                own(|m, _| default_label(&normalise_overs(), &m.normalise_over(), |_| String::new())),
                move || choice.with(|c| c.normalise_over),
                move |v| inputs.set_method(move |m| m.normalise_over = v))}
            {offered("aggregation", messages::AGGREGATION, aggregations,
                own(|m, _| default_label(&aggregations(), &m.aggregation(), |a| format!("{} mean", a.label()))),
                move || choice.with(|c| c.aggregation),
                move |v| inputs.set_method(move |m| m.aggregation = v))}
            {offered("treatment", messages::OUTLIERS, treatments,
                own(|m, _| default_label(&treatments(), &m.treatment(), |t| match t {
                    Treatment::None => "none".into(),
                    Treatment::Winsorise { max_winsorised, .. } => format!("winsorise, ≤ {max_winsorised}"),
                })),
                move || choice.with(|c| c.treatment),
                move |v| inputs.set_method(move |m| m.treatment = v))}
            {offered("imputation", messages::MISSING_DATA, move || imputations(families()),
                own(|m, f| default_label(&imputations(f.to_vec()), m.imputation(), |_| "group mean".into())),
                move || choice.with(|c| c.imputation.clone()),
                move |v| inputs.set_method(move |m| m.imputation = v))}
            {offered("screen", messages::SCREENING, screens,
                own(|m, _| default_label(&screens(), &m.screen().unwrap_or(0.0), |s| format!("drop units with < {:.0} % data", s * 100.0))),
                move || choice.with(|c| c.screen),
                move |v| inputs.set_method(move |m| m.screen = v))}
            {offered("carry", messages::CARRY_FORWARD, carries,
                own(|m, _| default_label(&carries(), &m.carry_forward(), |y| format!("up to {y} years"))),
                move || choice.with(|c| c.carry_forward),
                move |v| inputs.set_method(move |m| m.carry_forward = v))}
            <Show when=has_denominators>
                <label class="check">
                    <input type="checkbox" id="denominate"
                        prop:checked=move || state.derived.prepared.get().is_some_and(|p| p.method.denominate())
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            inputs.set_method(move |m| m.denominate = Some(on));
                        }/>
                    <span>{t(&messages::DENOMINATE)}</span>
                </label>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_says_what_it_is() {
        let own = |a: Aggregation| default_label(&aggregations(), &a, |_| "?".into());
        assert_eq!(own(Aggregation::Geometric), "geometric mean");
        // A value not offered is described by the fallback.
        assert_eq!(
            default_label(&carries(), &7, |y| format!("up to {y} years")),
            "up to 7 years"
        );
        assert_eq!(
            default_label(&screens(), &0.0, |_| "?".into()),
            "keep every unit"
        );
        assert_eq!(lower_first(""), "");
    }
}
