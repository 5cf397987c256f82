//! The header: title, dataset and year choice (a select, and a slider with play/pause over
//! every year with data), and the one-line method summary.

use gloo::timers::callback::Timeout;
use index_core::method::NormaliseOver;
use leptos::prelude::*;

use crate::i18n::{self, messages, t, Lang};
use crate::state::{use_state, AppState};
use crate::{loader, persist};

/// Milliseconds between two years while the years play.
const STEP_MS: u32 = 700;

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let (bundle, year) = (state.inputs.bundle(), state.inputs.year());
    let prepared = state.derived.prepared;
    let title = move || {
        bundle.with(|b| {
            b.as_ref()
                .map(|b| b.title().to_string())
                .unwrap_or_default()
        })
    };
    let years = move || prepared.get().map(|p| p.years.clone()).unwrap_or_default();
    let summary = move || {
        prepared.with(|p| {
            let Some(p) = p else { return String::new() };
            let m = &p.method;
            // `describe` names pooling over all years; with several years, say the other choice too.
            let within = p.years.len() > 1
                && m.normalise_over() == NormaliseOver::EachYear
                && m.normalisation().reads_data();
            let mut line = crate::view_model::method_line(m);
            if within {
                line.push_str(" · ");
                line.push_str(&t(&messages::NORMALISED_WITHIN));
            }
            line
        })
    };
    let reference = move || {
        bundle.with(|b| {
            b.as_ref()
                .and_then(|b| b.reference().map(|r| r.note.clone()))
        })
    };
    let player = Player {
        state,
        playing: RwSignal::new(false),
        timer: StoredValue::new_local(None),
    };
    let playing = player.playing;
    let shown = i18n::current().lang;
    let position = move || player.position();
    let count = move || player.count();
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◧"</span>
                <div>
                    <h1>{t(&messages::APP_NAME)}</h1>
                    <p class="tagline">{t(&messages::TAGLINE)}</p>
                </div>
                // Each language named in itself, so that anyone finds theirs.
                <select id="language" class="lang-pick" aria-label=t(&messages::LANGUAGE) on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        if lang != shown {
                            persist::open_in_language(lang);
                        }
                    }
                }>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=l == shown lang=l.code()>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="pickers">
                <label class="field">
                    <span>{t(&messages::DATASET)}</span>
                    <select id="dataset" on:change=move |ev| loader::switch(state, event_target_value(&ev))>
                        {move || {
                            let current = bundle.with(|b| b.as_ref().map(|b| b.id().to_string()));
                            let option = |id: String, title: String| {
                                let selected = current.as_deref() == Some(id.as_str());
                                view! { <option value=id selected=selected>{title}</option> }
                            };
                            let published = state.loading.catalogue.get().into_iter()
                                .map(|c| option(c.id, c.title)).collect_view();
                            let mine = state.loading.mine.entries.get();
                            let mine = (!mine.is_empty()).then(|| view! {
                                <optgroup label=t(&messages::YOUR_DATA_GROUP)>
                                    {mine.into_iter().map(|c| option(c.id, c.title)).collect_view()}
                                </optgroup>
                            });
                            (published, mine)
                        }}
                    </select>
                </label>
                <label class="field">
                    <span>{t(&messages::YEAR)}</span>
                    <select id="year" on:change=move |ev| {
                        player.stop();
                        if let Ok(y) = event_target_value(&ev).parse::<i32>() { state.inputs.set_year(y) }
                    }>
                        {move || {
                            let current = year.get();
                            years().into_iter().rev().map(|y| view! {
                                <option value=y.to_string() selected=y == current>{y.to_string()}</option>
                            }).collect_view()
                        }}
                    </select>
                </label>
                <div class="field year-play" hidden=move || count() < 2>
                    <span id="year-slider-label">{t(&messages::YEARS)}</span>
                    <div class="year-play-row">
                        <button type="button" id="year-play" aria-label=t(&messages::PLAY_YEARS)
                            aria-pressed=move || if playing.get() { "true" } else { "false" }
                            on:click=move |_| player.toggle()></button>
                        <input type="range" id="year-slider" min="0" step="1" aria-labelledby="year-slider-label"
                            max=move || count().saturating_sub(1).to_string()
                            prop:value=move || position().unwrap_or(0).to_string()
                            aria-valuetext=move || year.get().to_string()
                            on:input=move |ev| {
                                player.stop();
                                if let Ok(i) = event_target_value(&ev).parse::<usize>() { player.show(i) }
                            }/>
                    </div>
                </div>
            </div>
        </header>
        <div class="summary-bar" role="region" aria-label=t(&messages::SUMMARY_REGION)>
            <div class="summary-inner">
                <strong>{title}</strong>" · "{move || year.get()}" · "
                <span class="method-line" id="method-line">{summary}</span>
                {move || reference().map(|r| view! { <p class="reference-note">{r}</p> })}
            </div>
        </div>
    }
}

/// The years playing: one year every [`STEP_MS`], stopping at the last. Each step arms the next
/// (one `Timeout` at a time, the glue the page already has); dropping it stops the play.
#[derive(Clone, Copy)]
struct Player {
    state: AppState,
    /// Whether the years are playing.
    playing: RwSignal<bool>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Player {
    /// Position of the year shown among the years prepared (reactive).
    fn position(self) -> Option<usize> {
        let year = self.state.inputs.year();
        self.state
            .derived
            .prepared
            .with(|p| p.as_ref().and_then(|p| p.position(year.get())))
    }

    /// How many years are prepared (reactive).
    fn count(self) -> usize {
        self.state
            .derived
            .prepared
            .with(|p| p.as_ref().map_or(0, |p| p.years.len()))
    }

    /// Shows the year at position `i`, if there is one.
    fn show(self, i: usize) {
        let year = self
            .state
            .derived
            .prepared
            .with_untracked(|p| p.as_ref().and_then(|p| p.years.get(i).copied()));
        if let Some(y) = year {
            self.state.inputs.set_year(y);
        }
    }

    /// Stops the play (also when the person picks a year).
    fn stop(self) {
        self.playing.set(false);
        self.timer.set_value(None);
    }

    /// Plays from the year shown (from the first when the last is shown), or pauses.
    fn toggle(self) {
        if self.playing.get_untracked() {
            return self.stop();
        }
        if self.position().is_none_or(|i| i + 1 >= self.count()) {
            self.show(0);
        }
        self.playing.set(true);
        self.arm();
    }

    /// The next step, in [`STEP_MS`].
    fn arm(self) {
        self.timer
            .set_value(Some(Timeout::new(STEP_MS, move || self.step())));
    }

    /// Shows the next year; arms the one after, or stops at the last.
    fn step(self) {
        let next = self.position().map_or(0, |i| i + 1);
        self.show(next);
        if next + 1 >= self.count() {
            self.stop();
        } else {
            self.arm();
        }
    }
}
