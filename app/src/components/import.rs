//! "Your data": one's own files imported in the background worker (`Request::Import`, the code
//! `index import` runs) and shown as a dataset of this browser. The files are chosen with a
//! picker or dropped on the panel, with an optional framework (COINr metadata) file; the layout,
//! delimiter, decimal mark and encoding are detected unless the person says; Run/Cancel, the
//! bar and the count are `components/job`'s. The report is a list — errors, then warnings, then
//! what was read — each line naming its file, row and column. A successful import becomes the
//! page's dataset (read as a fetched bundle is, `loader::show_text`) and is kept in IndexedDB
//! (`persist::mine`), listed in the dataset picker and here, opened and deleted from here; one
//! the browser will not keep (no IndexedDB, storage full) is shown all the same, says why, and
//! stays in the picker, opened from memory, until the page is closed. A failed import changes
//! nothing shown, and the files and choices stay for another try.
//!
//! Part of the page's deferred module (`deferred`), not of the main wasm module; it also opens
//! the imported datasets the picker or a link asks for (`state::Mine::open`).

use std::sync::Arc;

use index_core::scenario::Scenario;
use index_worker::protocol::{ImportFile, ImportOptions, Imported};
use leptos::prelude::*;

use crate::i18n::{messages, t, t_with, Msg};
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::job::{self, JobButtons};
use crate::loader;
use crate::persist::mine::{Datasets, MineEntry};
use crate::state::{use_state, AppState, Level, Running};
use crate::view_model::import::{
    as_mine, check_files, mine_id, report_lines, size_text, Choices, Label, DECIMALS, DELIMITERS,
    ENCODINGS, LAYOUTS,
};
use crate::worker_client::{Outcome, Request};

/// The files chosen: the data files, and the framework file if one is given.
#[derive(Clone, Default)]
struct Chosen {
    data: Vec<web_sys::File>,
    framework: Option<web_sys::File>,
}

impl Chosen {
    /// Every file, the framework last, with its name and size.
    fn all(&self) -> impl Iterator<Item = &web_sys::File> {
        self.data.iter().chain(&self.framework)
    }
}

/// The panel; `datasets` are the person's datasets for the visit, the framework editor's too.
#[component]
pub fn ImportPanel(datasets: Datasets) -> impl IntoView {
    let state = use_state();
    let chosen = RwSignal::new_local(Chosen::default());
    let choices = RwSignal::new(Choices::default());
    let running: RwSignal<Running> = RwSignal::new(None);
    let reading = RwSignal::new(false);
    let report = RwSignal::new(None::<Imported>);
    let problem = RwSignal::new(None::<String>);
    let stored = datasets.stored();
    let kept = Kept {
        datasets,
        storage: RwSignal::new(None),
        said: RwSignal::new(None),
    };
    let (storage, said) = (kept.storage, kept.said);
    let mine = state.loading.mine;
    // This part opens the imported datasets the picker asks for, and the one a link asked for
    // before it was loaded.
    let pending = mine.slots.try_update_value(|s| {
        s.open = Some(Callback::new(move |s: Scenario| {
            spawn_local(open_stored(state, s, kept));
        }));
        s.pending.take()
    });
    if let Some(scenario) = pending.flatten() {
        spawn_local(open_stored(state, scenario, kept));
    }
    spawn_local(refresh(kept));

    let add = move |files: Option<web_sys::FileList>, framework: bool| {
        let Some(files) = files else { return };
        chosen.update(|c| {
            let mut i = 0;
            while let Some(f) = files.get(i) {
                if framework {
                    c.framework = Some(f);
                } else {
                    c.data.push(f);
                }
                i += 1;
            }
        });
        problem.set(None);
    };
    let picked = move |ev: leptos::ev::Event, framework: bool| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        add(input.files(), framework);
        // The same file may be chosen again after a change.
        input.set_value("");
    };
    let run = Callback::new(move |()| {
        if reading.get_untracked() || running.with_untracked(Option::is_some) {
            return;
        }
        let files = chosen.get_untracked();
        let sizes: Vec<(String, f64)> = files.all().map(|f| (f.name(), f.size())).collect();
        if let Err(why) = check_files(&sizes) {
            problem.set(Some(why));
            return;
        }
        problem.set(None);
        reading.set(true);
        let mut options = choices.get_untracked().options();
        // The worker makes the bundle a dataset of this browser's, under a new id.
        let date = today();
        options.as_dataset = Some(as_mine(&mine_id(js_sys::Date::now()), &date));
        spawn_local(async move {
            let read = read_files(&files).await;
            reading.set(false);
            let (data, framework) = match read {
                Ok(read) => read,
                Err(why) => {
                    problem.set(Some(why));
                    return;
                }
            };
            let accepted = (options.clone(), date);
            let request = Request::Import {
                files: data,
                framework,
                options,
            };
            job::start_for(
                state,
                running,
                state.scenario(),
                request,
                messages::IMPORT_FAILED,
                Box::new(move |outcome, _| {
                    if let Outcome::Import(imported) = outcome {
                        accept(state, &imported, &accepted, kept);
                        report.set(Some(imported));
                    }
                }),
            );
        });
    });

    let file_list = move || {
        let c = chosen.get();
        let row = move |f: &web_sys::File, framework: bool, i: usize| {
            let label = if framework {
                format!(" {}", t(&messages::FRAMEWORK_FILE))
            } else {
                String::new()
            };
            view! {
                <li>
                    <span class="file-name">{f.name()}</span>{label}" · "{size_text(f.size())}" "
                    <button type="button" class="link-button"
                        aria-label=t_with(&messages::REMOVE_FILE, &[("name", f.name().into())])
                        on:click=move |_| chosen.update(|c| {
                            if framework { c.framework = None } else if i < c.data.len() { c.data.remove(i); }
                        })>{t(&messages::REMOVE)}</button>
                </li>
            }
        };
        let data: Vec<_> = c
            .data
            .iter()
            .enumerate()
            .map(|(i, f)| row(f, false, i))
            .collect();
        (data, c.framework.as_ref().map(|f| row(f, true, 0)))
    };
    let select = move |id: &'static str,
                       label: &Msg,
                       options: &'static [(&'static str, Label)],
                       set: fn(&mut Choices, String)| {
        view! {
            <label class="field">
                <span>{t(label)}</span>
                <select id=id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    choices.update(|c| set(c, v));
                }>
                    {options.iter().map(|(value, text)| view! { <option value=*value>{text.text()}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let counts = move || {
        report.with(|r| {
            r.as_ref().map(|r| {
                let outcome = if r.bundle.is_none() {
                    t(&messages::NOTHING_IMPORTED)
                } else {
                    // (Once the browser has refused to keep it, that, rather than "listed".)
                    said.get().unwrap_or_else(|| t(&messages::IMPORTED_SHOWN))
                };
                let counts = t_with(
                    &messages::ERRORS_WARNINGS,
                    &[("errors", r.errors.into()), ("warnings", r.warnings.into())],
                );
                format!("{counts} {outcome}")
            })
        })
    };
    let lines = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| report_lines(&r.report))
                .unwrap_or_default()
                .into_iter()
                .map(|l| {
                    let word = l.severity.word();
                    view! {
                        <li class=format!("report-{word}")>
                            <span class="report-badge">{l.severity.label()}</span>" "
                            {(!l.place.is_empty()).then(|| view! { <code class="report-place">{l.place}</code>": " })}
                            {l.message}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let stored_list = move || {
        stored
            .get()
            .into_iter()
            .map(|m| {
                let (id, open_id, title) = (m.id.clone(), m.id.clone(), m.title.clone());
                view! {
                    <li data-id=m.id.clone()>
                        <span class="file-name">{m.title}</span>
                        " · "{t_with(&messages::IMPORTED_ON, &[("date", m.imported.into())])}" · "{size_text(m.bytes as f64)}" "
                        <button type="button" class="link-button mine-open"
                            on:click=move |_| loader::switch(state, open_id.clone())>{t(&messages::OPEN)}</button>" "
                        <button type="button" class="link-button mine-delete"
                            on:click=move |_| spawn_local(remove(state, id.clone(), title.clone(), kept))>{t(&messages::DELETE)}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let busy = move || reading.get() || running.with(Option::is_some);
    view! {
        <section class="panel import-panel" id="your-data" aria-labelledby="import-h">
            <details id="import-details">
                <summary><h2 id="import-h">{t(&messages::YOUR_DATA)}</h2>
                    <span class="hint">" "{t(&messages::IMPORT_HINT)}</span>
                </summary>
                <div class="import-drop" id="import-drop"
                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                    on:drop=move |ev: leptos::ev::DragEvent| {
                        ev.prevent_default();
                        add(ev.data_transfer().and_then(|d| d.files()), false);
                    }>
                    <div class="import-files">
                        <label class="field">
                            <span>{t(&messages::DATA_FILES)}</span>
                            <input type="file" id="import-files" multiple
                                accept=".csv,.tsv,.txt,.xlsx,.json,text/csv"
                                on:change=move |ev| picked(ev, false)/>
                        </label>
                        <label class="field">
                            <span>{t(&messages::FRAMEWORK_FIELD)}</span>
                            <input type="file" id="import-framework" accept=".csv,.tsv,.txt,.xlsx"
                                on:change=move |ev| picked(ev, true)/>
                        </label>
                    </div>
                    <ul class="import-chosen" id="import-chosen">{file_list}</ul>
                    <div class="import-options">
                        <label class="field">
                            <span>{t(&messages::NAME)}</span>
                            <input type="text" id="import-name" placeholder=t(&messages::YOUR_DATA) maxlength="200"
                                prop:value=move || choices.with(|c| c.name.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); choices.update(|c| c.name = v) }/>
                        </label>
                        {select("import-layout", &messages::LAYOUT, &LAYOUTS, |c, v| c.layout = v)}
                        {select("import-delimiter", &messages::DELIMITER, &DELIMITERS, |c, v| c.delimiter = v)}
                        {select("import-decimal", &messages::DECIMAL_MARK, &DECIMALS, |c, v| c.decimal = v)}
                        {select("import-encoding", &messages::ENCODING, &ENCODINGS, |c, v| c.encoding = v)}
                    </div>
                    <JobButtons prefix="import" label=messages::IMPORT_RUN counted=messages::FILES_READ running=running on_run=run/>
                    <p class="count" hidden=move || !busy()>{move || reading.get().then(|| t(&messages::READING_FILES))}</p>
                    <p class="import-problem" id="import-problem" role="alert" hidden=move || problem.with(Option::is_none)>
                        {move || problem.get()}
                    </p>
                </div>
                <div class="import-report" id="import-report" hidden=move || report.with(Option::is_none)>
                    <p id="import-counts" role="status">{counts}</p>
                    <ul class="report-lines" id="import-lines">{lines}</ul>
                </div>
                <h3>{t(&messages::STORED_HERE)}</h3>
                <p class="import-problem" id="import-storage" role="alert" hidden=move || storage.with(Option::is_none)>
                    {move || storage.get()}
                </p>
                <p class="hint" hidden=move || stored.with(|e| !e.is_empty())>{t(&messages::NOTHING_IMPORTED_YET)}</p>
                <ul class="import-stored" id="import-stored">{stored_list}</ul>
            </details>
        </section>
    }
}

/// Reads every chosen file into memory (each already checked against the worker's bounds).
async fn read_files(chosen: &Chosen) -> Result<(Vec<ImportFile>, Option<ImportFile>), String> {
    async fn read(f: &web_sys::File) -> Result<ImportFile, String> {
        let buffer = JsFuture::from(f.array_buffer())
            .await
            .map_err(|_| t_with(&messages::FILE_UNREADABLE, &[("file", f.name().into())]))?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        Ok(ImportFile::new(&f.name(), &bytes))
    }
    let mut data = Vec::with_capacity(chosen.data.len());
    for f in &chosen.data {
        data.push(read(f).await?);
    }
    let framework = match &chosen.framework {
        Some(f) => Some(read(f).await?),
        None => None,
    };
    Ok((data, framework))
}

/// Today, `YYYY-MM-DD` (the browser's clock, UTC).
fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.chars().take(10).collect()
}

/// A finished import: if it made a bundle, it becomes the dataset shown and is kept in this
/// browser — or, when the browser refuses, kept for the visit and said so; else nothing changes.
fn accept(state: AppState, imported: &Imported, asked: &(ImportOptions, String), kept: Kept) {
    kept.said.set(None);
    let (options, date) = asked;
    let (Some(json), Some(mine)) = (&imported.bundle, &options.as_dataset) else {
        return;
    };
    let json: Arc<str> = Arc::from(json.as_str());
    let id = mine.id.clone();
    let scenario = Scenario {
        bundle: id.clone(),
        ..Scenario::default()
    };
    let ticket = state.loading.begin();
    if let Err(why) = loader::show_text(
        state,
        ticket,
        &t(&messages::THE_IMPORTED_DATA),
        Arc::clone(&json),
        &scenario,
    ) {
        state.notify(
            Level::Error,
            t_with(
                &messages::IMPORT_NOT_SHOWN,
                &[("why", why.to_string().into())],
            ),
        );
        return;
    }
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| t(&messages::YOUR_DATA));
    let entry = MineEntry {
        id,
        title,
        imported: date.clone(),
        bytes: json.len() as u64,
    };
    spawn_local(async move {
        match kept.datasets.keep(entry, json).await {
            Ok(()) => refresh(kept).await,
            Err(why) => {
                let message = t_with(
                    &messages::IMPORT_NOT_KEPT,
                    &[("why", why.to_string().into())],
                );
                kept.said.set(Some(message.clone()));
                state.notify(Level::Warning, message);
            }
        }
    });
}

/// What the panel knows of keeping imports: the person's datasets for the visit (stored, or
/// held in memory when the browser refused to keep them), why imports cannot be kept (if so),
/// and the message for the report of the last import (if the browser refused it).
#[derive(Clone, Copy)]
struct Kept {
    datasets: Datasets,
    storage: RwSignal<Option<String>>,
    said: RwSignal<Option<String>>,
}

/// Reads the list of stored datasets again (or says why it cannot).
async fn refresh(kept: Kept) {
    match kept.datasets.refresh().await {
        Ok(()) => kept.storage.set(None),
        Err(why) => kept.storage.set(Some(t_with(
            &messages::IMPORTS_NOT_KEPT,
            &[("why", why.to_string().into())],
        ))),
    }
}

/// Opens the stored dataset `scenario` names (or one kept for the visit), under that scenario;
/// one not stored here is a notice (imported data lives only in the browser that imported it)
/// and the view stays.
async fn open_stored(state: AppState, scenario: Scenario, kept: Kept) {
    let id = scenario.bundle.clone();
    let ticket = state.loading.begin();
    let shown = match kept.datasets.open(&id).await {
        Ok(Some(json)) => loader::show_text(
            state,
            ticket,
            &t(&messages::YOUR_STORED_DATA),
            json,
            &scenario,
        )
        .map_err(|why| format!("{why}.")),
        Ok(None) => Err(t_with(
            &messages::IMPORTED_ELSEWHERE,
            &[("id", id.as_str().into())],
        )),
        Err(why) => Err(t_with(
            &messages::MINE_NOT_OPENED,
            &[("id", id.as_str().into()), ("why", why.to_string().into())],
        )),
    };
    if let Err(why) = shown {
        state.notify(Level::Warning, why);
    }
}

/// Deletes a stored dataset once the person confirms.
async fn remove(state: AppState, id: String, title: String, kept: Kept) {
    let asked = t_with(&messages::DELETE_IMPORT, &[("name", title.as_str().into())]);
    if !window().confirm_with_message(&asked).unwrap_or(false) {
        return;
    }
    match kept.datasets.delete(&id).await {
        Ok(()) => {
            refresh(kept).await;
            state.notify(
                Level::Info,
                t_with(
                    &messages::IMPORT_DELETED,
                    &[("name", title.as_str().into())],
                ),
            );
        }
        Err(why) => state.notify(
            Level::Error,
            t_with(
                &messages::IMPORT_NOT_DELETED,
                &[
                    ("name", title.as_str().into()),
                    ("why", why.to_string().into()),
                ],
            ),
        ),
    }
}
