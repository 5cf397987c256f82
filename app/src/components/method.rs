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

/// A choice offered with its label in the language shown.
fn texts<T>((value, label): (T, &Msg)) -> (T, String) {
    (value, t(label))
}

/// The imputation by the mean of a unit's group in `family`, in words.
fn group_mean(family: &str) -> String {
    t_with(&messages::IMPUTE_GROUP, &[("family", family.into())])
}

/// Screening out the units with less than `share` (0–1) of their data, in words.
fn screen_below(share: f64) -> String {
    let percent = format!("{:.0}", share * 100.0);
    t_with(&messages::SCREEN_BELOW, &[("percent", percent.into())])
}

/// Carrying values forward up to `years` years, in words.
fn up_to_years(years: u32) -> String {
    t_with(&messages::CARRY_YEARS, &[("count", years.into())])
}

/// Range of the normalisations offered: 0–100.
const SCALE: (f64, f64) = (0.0, 100.0);

/// Normalisations offered.
fn normalisations() -> Vec<Offer<Normalisation>> {
    let (low, high) = SCALE;
    offers(
        &t(&messages::DEFAULT),
        [
            (Normalisation::None, &messages::NORM_NONE),
            (Normalisation::MinMax { low, high }, &messages::NORM_MIN_MAX),
            (
                Normalisation::ZScore {
                    mean: 100.0,
                    sd: 10.0,
                },
                &messages::NORM_Z,
            ),
            (
                Normalisation::PercentileRank { low, high },
                &messages::NORM_PERCENTILE,
            ),
            (Normalisation::Rank, &messages::NORM_RANK),
            (
                Normalisation::DistanceToBest { low, high },
                &messages::NORM_TO_BEST,
            ),
        ]
        .map(texts),
    )
}

/// What each indicator is normalised over: each year on its own, or every year pooled (scores
/// comparable over time).
fn normalise_overs() -> Vec<Offer<NormaliseOver>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (NormaliseOver::EachYear, &messages::OVER_EACH_YEAR),
            (NormaliseOver::AllYears, &messages::OVER_ALL_YEARS),
        ]
        .map(texts),
    )
}

/// Aggregations offered.
fn aggregations() -> Vec<Offer<Aggregation>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (Aggregation::Arithmetic, &messages::AGG_ARITHMETIC),
            (Aggregation::Geometric, &messages::AGG_GEOMETRIC),
            (Aggregation::Harmonic, &messages::AGG_HARMONIC),
        ]
        .map(texts),
    )
}

/// Outlier treatments offered.
fn treatments() -> Vec<Offer<Treatment>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (Treatment::None, &messages::TREAT_NONE),
            (Treatment::DEFAULT_WINSORISE, &messages::TREAT_WINSORISE),
        ]
        .map(texts),
    )
}

/// Imputations offered: the global ones, then the mean of each group family of the dataset.
fn imputations(families: Vec<String>) -> Vec<Offer<Imputation>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (Imputation::None, &messages::IMPUTE_NONE),
            (Imputation::IndicatorMean, &messages::IMPUTE_MEAN),
        ]
        .map(texts)
        .into_iter()
        .chain(families.into_iter().map(|f| {
            let label = group_mean(&f);
            (Imputation::GroupMean { family: f }, label)
        })),
    )
}

/// Screening thresholds offered (0: keep every unit).
fn screens() -> Vec<Offer<f64>> {
    offers(
        &t(&messages::DEFAULT),
        [
            (0.0, t(&messages::SCREEN_NONE)),
            (0.5, screen_below(0.5)),
            (2.0 / 3.0, t(&messages::SCREEN_TWO_THIRDS)),
            (0.9, screen_below(0.9)),
        ],
    )
}

/// Years of carrying values forward offered.
fn carries() -> Vec<Offer<u32>> {
    offers(
        &t(&messages::DEFAULT),
        [0u32, 1, 2, 3, 5, 10].map(|y| {
            let label = if y == 0 {
                t(&messages::CARRY_NONE)
            } else {
                up_to_years(y)
            };
            (y, label)
        }),
    )
}

/// How the dataset's own value of a setting reads: its label if it is one of the `offers`,
/// else `fallback` of it (for the values a setting offers them all: nothing), lower-cased.
fn default_label<T: PartialEq>(
    offers: &[Offer<T>],
    own: &T,
    fallback: impl Fn(&T) -> String,
) -> String {
    let label = offers
        .iter()
        .find(|(v, _)| v.as_ref() == Some(own))
        .map_or_else(|| fallback(own), |(_, l)| l.clone());
    lower_first(&label)
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
                // The engine's words for the others ("min-max 0–1" is not offered).
                own(|m, _| match m.normalisation() {
                    Normalisation::None => t(&messages::NO_NORMALISATION),
                    n => n.label(),
                }),
                move || choice.with(|c| c.normalisation),
                move |v| inputs.set_method(move |m| m.normalisation = v))}
            {offered("normalise-over", messages::NORMALISE_OVER, normalise_overs,
                own(|m, _| default_label(&normalise_overs(), &m.normalise_over(), |_| String::new())),
                move || choice.with(|c| c.normalise_over),
                move |v| inputs.set_method(move |m| m.normalise_over = v))}
            {offered("aggregation", messages::AGGREGATION, aggregations,
                own(|m, _| default_label(&aggregations(), &m.aggregation(), |_| String::new())),
                move || choice.with(|c| c.aggregation),
                move |v| inputs.set_method(move |m| m.aggregation = v))}
            {offered("treatment", messages::OUTLIERS, treatments,
                own(|m, _| default_label(&treatments(), &m.treatment(), |t| match t {
                    Treatment::None => String::new(),
                    Treatment::Winsorise { max_winsorised, .. } => t_with(&messages::TREAT_WINSORISE_AT, &[("max", (*max_winsorised).into())]),
                })),
                move || choice.with(|c| c.treatment),
                move |v| inputs.set_method(move |m| m.treatment = v))}
            {offered("imputation", messages::MISSING_DATA, move || imputations(families()),
                own(|m, f| default_label(&imputations(f.to_vec()), m.imputation(), |i| match i {
                    Imputation::GroupMean { family } => group_mean(family),
                    _ => String::new(),
                })),
                move || choice.with(|c| c.imputation.clone()),
                move |v| inputs.set_method(move |m| m.imputation = v))}
            {offered("screen", messages::SCREENING, screens,
                own(|m, _| default_label(&screens(), &m.screen().unwrap_or(0.0), |s| screen_below(*s))),
                move || choice.with(|c| c.screen),
                move |v| inputs.set_method(move |m| m.screen = v))}
            {offered("carry", messages::CARRY_FORWARD, carries,
                own(|m, _| default_label(&carries(), &m.carry_forward(), |y| up_to_years(*y))),
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
