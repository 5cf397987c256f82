//! The datasets imported in this browser ("your data"), kept in IndexedDB: the one place that
//! touches it. Database [`DATABASE`] holds two object stores keyed by dataset id — [`LIST`],
//! each dataset's name, date and size (read whole to list them), and [`BUNDLES`], its bundle's
//! JSON text (read only to open it) — written and deleted together in one transaction.
//!
//! [`Datasets`] is the one place that holds the person's datasets for the visit, whichever keeps
//! them: IndexedDB, or — when the browser refuses to keep one — memory, until the page is
//! closed. It lists, opens, changes and deletes them alike.
//!
//! Called only by the "your data" part (a deferred module), so none of this is in the main
//! module. Every failure is a message for people, in the language shown (`i18n`): IndexedDB
//! missing or refused (a private window, storage turned off), the browser's quota reached
//! (checked before writing with `navigator.storage.estimate()` where there is one, and
//! `QuotaExceededError` when writing), a record that cannot be read (left untouched).

use std::sync::Arc;

use js_sys::{Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use crate::i18n::{messages, t, t_with};
use crate::state::CatalogueEntry;

/// A dataset imported in this browser, as [`LIST`] holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct MineEntry {
    /// Bundle id (`mine-…`, see [`crate::state::is_mine`]).
    pub id: String,
    /// The name the person gave it.
    pub title: String,
    /// When it was imported (`YYYY-MM-DD`).
    pub imported: String,
    /// The size of its JSON text, in bytes.
    pub bytes: u64,
}

impl MineEntry {
    /// As the dataset picker lists it (it has no file).
    pub fn listed(&self) -> CatalogueEntry {
        CatalogueEntry {
            id: self.id.clone(),
            title: self.title.clone(),
            description: format!(
                "{}, {}",
                t(&messages::YOUR_DATA),
                t_with(
                    &messages::IMPORTED_ON,
                    &[("date", self.imported.as_str().into())]
                )
            ),
            file: String::new(),
            default_year: 0,
            years: Vec::new(),
        }
    }
}

/// The database's name.
pub const DATABASE: &str = "index-explorer";

/// Its version (raised when the stores change).
const VERSION: u32 = 1;

/// The store of each dataset's name, date and size.
pub const LIST: &str = "your-data";

/// The store of each dataset's bundle JSON.
pub const BUNDLES: &str = "your-data-bundles";

/// The largest imported dataset kept (its JSON text), whatever the browser's quota.
pub const MAX_BYTES: usize = 256 << 20;

/// Why nothing can be kept: IndexedDB missing or refused.
fn unavailable() -> String {
    t(&messages::NO_STORAGE)
}

/// The storage's refusal, for people.
fn refused() -> String {
    t(&messages::STORAGE_REFUSED)
}

/// Waits for `request` to succeed (its result) or fail (its error, for people).
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let waiting = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(waiting).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| describe(&e)),
        Err(_) => Err(request
            .error()
            .ok()
            .flatten()
            .map_or_else(refused, |e| dom_error(&e))),
    }
}

/// A DOM exception in words, the quota's in plain terms.
fn dom_error(e: &web_sys::DomException) -> String {
    if e.name() == "QuotaExceededError" {
        t(&messages::STORAGE_FULL)
    } else {
        format!("{} ({}: {})", refused(), e.name(), e.message())
    }
}

/// A JavaScript error's message.
fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => dom_error(d),
        None => Reflect::get(e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(refused),
    }
}

/// Opens the database, making its stores the first time.
async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(unavailable)?;
    let request = factory
        .open_with_u32(DATABASE, VERSION)
        .map_err(|_| unavailable())?;
    let upgrading = request.clone();
    let on_upgrade = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            let names = db.object_store_names();
            for store in [LIST, BUNDLES] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let opened = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(on_upgrade);
    opened?.dyn_into::<IdbDatabase>().map_err(|_| unavailable())
}

/// Waits for a transaction to be committed.
async fn committed(tx: &web_sys::IdbTransaction) -> Result<(), String> {
    let waiting = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(waiting).await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    outcome
        .map(|_| ())
        .map_err(|_| tx.error().map_or_else(refused, |e| dom_error(&e)))
}

/// Every dataset stored, newest first; a record that cannot be read is left out (and left
/// untouched).
///
/// # Errors
/// IndexedDB unavailable or refusing, in words.
async fn list() -> Result<Vec<MineEntry>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(LIST).map_err(|e| describe(&e))?;
    let store = tx.object_store(LIST).map_err(|e| describe(&e))?;
    let all = done(&store.get_all().map_err(|e| describe(&e))?).await?;
    db.close();
    let mut entries: Vec<MineEntry> = js_sys::Array::from(&all)
        .iter()
        .filter_map(|record| {
            let text = |key: &str| Reflect::get(&record, &key.into()).ok()?.as_string();
            Some(MineEntry {
                id: text("id")?,
                title: text("title")?,
                imported: text("imported")?,
                bytes: Reflect::get(&record, &"bytes".into())
                    .ok()?
                    .as_f64()
                    .filter(|b| b.is_finite() && *b >= 0.0)
                    .map_or(0, |b| b as u64),
            })
        })
        .collect();
    // Ids are made from the time: the newest sorts last.
    entries.sort_by(|a, b| b.id.len().cmp(&a.id.len()).then_with(|| b.id.cmp(&a.id)));
    Ok(entries)
}

/// The bundle JSON of dataset `id`, or `None` when it is not stored here.
///
/// # Errors
/// IndexedDB unavailable or refusing, in words.
async fn load(id: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(BUNDLES).map_err(|e| describe(&e))?;
    let store = tx.object_store(BUNDLES).map_err(|e| describe(&e))?;
    let json = done(&store.get(&id.into()).map_err(|e| describe(&e))?).await?;
    db.close();
    Ok(json.as_string())
}

/// How many bytes the browser would still store for the site, if it says.
async fn room() -> Option<f64> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let number = |key: &str| Reflect::get(&estimate, &key.into()).ok()?.as_f64();
    Some(number("quota")? - number("usage").unwrap_or(0.0))
}

/// Stores `entry` with its bundle's `json` (both, or neither).
///
/// # Errors
/// Too large for [`MAX_BYTES`] or the room the browser gives the site, IndexedDB unavailable,
/// the quota reached while writing: in words.
async fn save(entry: &MineEntry, json: &str) -> Result<(), String> {
    if json.len() > MAX_BYTES {
        return Err(t_with(
            &messages::TOO_LARGE_TO_KEEP,
            &[
                ("size", (json.len() >> 20).into()),
                ("max", (MAX_BYTES >> 20).into()),
            ],
        ));
    }
    // UTF-16 in the browser: up to twice the bytes.
    if room()
        .await
        .is_some_and(|room| room < 2.0 * json.len() as f64)
    {
        return Err(t(&messages::STORAGE_FULL));
    }
    let record = Object::new();
    let set = |key: &str, value: JsValue| Reflect::set(&record, &key.into(), &value);
    set("id", entry.id.as_str().into())
        .and_then(|_| set("title", entry.title.as_str().into()))
        .and_then(|_| set("imported", entry.imported.as_str().into()))
        .and_then(|_| set("bytes", (entry.bytes as f64).into()))
        .map_err(|e| describe(&e))?;
    let key: JsValue = entry.id.as_str().into();
    write(|tx| {
        tx.object_store(LIST)?.put_with_key(&record, &key)?;
        tx.object_store(BUNDLES)?.put_with_key(&json.into(), &key)?;
        Ok(())
    })
    .await
}

/// Runs `change` in one transaction over both stores, and waits for it to be committed (or
/// aborts it if `change` fails).
async fn write(
    change: impl FnOnce(&web_sys::IdbTransaction) -> Result<(), JsValue>,
) -> Result<(), String> {
    let db = open().await?;
    let stores = js_sys::Array::of2(&LIST.into(), &BUNDLES.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(|e| describe(&e))?;
    if let Err(e) = change(&tx) {
        let _ = tx.abort();
        db.close();
        return Err(describe(&e));
    }
    let outcome = committed(&tx).await;
    db.close();
    outcome
}

/// Deletes dataset `id` (its entry and its bundle).
///
/// # Errors
/// IndexedDB unavailable or refusing, in words.
async fn delete(id: &str) -> Result<(), String> {
    let key: JsValue = id.into();
    write(|tx| {
        tx.object_store(LIST)?.delete(&key)?;
        tx.object_store(BUNDLES)?.delete(&key)?;
        Ok(())
    })
    .await
}

/// The person's datasets for this visit, whichever keeps them: those stored in IndexedDB (as
/// last listed) and those the browser refused to keep, held in memory until the page is closed
/// (as the message about them says). The "your data" part keeps, lists, opens, changes and
/// deletes them only through it, and it keeps the dataset picker's list of them in step.
#[derive(Clone, Copy)]
pub struct Datasets {
    stored: RwSignal<Vec<MineEntry>>,
    unkept: RwSignal<Vec<(MineEntry, Arc<str>)>>,
    picker: RwSignal<Vec<CatalogueEntry>>,
}

impl Datasets {
    /// None yet; `picker` is the dataset picker's list of imported datasets.
    pub fn new(picker: RwSignal<Vec<CatalogueEntry>>) -> Self {
        Datasets {
            stored: RwSignal::new(Vec::new()),
            unkept: RwSignal::new(Vec::new()),
            picker,
        }
    }

    /// Those stored, newest first, as last read (reactive).
    pub fn stored(&self) -> ReadSignal<Vec<MineEntry>> {
        self.stored.read_only()
    }

    /// Whether dataset `id` is held for this visit only, the browser having refused to keep it
    /// (reactive).
    pub fn unkept(&self, id: &str) -> bool {
        self.unkept.with(|u| u.iter().any(|(e, _)| e.id == id))
    }

    /// Lists them in the picker: those kept for the visit only (newest first), then those
    /// stored — each once: a stored dataset whose last change the browser refused is listed
    /// (and opened) as held for the visit.
    fn list_in_picker(&self) {
        let mut listed: Vec<_> = self
            .unkept
            .with_untracked(|u| u.iter().rev().map(|(e, _)| e.listed()).collect());
        let held = listed.len();
        self.stored.with_untracked(|s| {
            for e in s {
                if !listed[..held].iter().any(|l| l.id == e.id) {
                    listed.push(e.listed());
                }
            }
        });
        self.picker.set(listed);
    }

    /// Reads the list of stored datasets again.
    ///
    /// # Errors
    /// IndexedDB unavailable or refusing, in words.
    pub async fn refresh(&self) -> Result<(), String> {
        let entries = list().await?;
        self.stored.set(entries);
        self.list_in_picker();
        Ok(())
    }

    /// Keeps `entry` with its bundle's `json`: stored ([`Datasets::refresh`] then lists it), or —
    /// when the browser refuses — held for the visit and listed, and the error says why.
    ///
    /// # Errors
    /// As [`save`]: why it is held for the visit only.
    pub async fn keep(&self, entry: MineEntry, json: Arc<str>) -> Result<(), String> {
        match save(&entry, &json).await {
            Ok(()) => Ok(()),
            Err(why) => {
                self.unkept.update(|u| u.push((entry, json)));
                self.list_in_picker();
                Err(why)
            }
        }
    }

    /// The bundle JSON of dataset `id` (from memory if held for the visit), or `None` when it is
    /// not kept here.
    ///
    /// # Errors
    /// IndexedDB unavailable or refusing, in words.
    pub async fn open(&self, id: &str) -> Result<Option<Arc<str>>, String> {
        let in_memory = self.unkept.with_untracked(|u| {
            u.iter()
                .find(|(e, _)| e.id == id)
                .map(|(_, json)| Arc::clone(json))
        });
        match in_memory {
            Some(json) => Ok(Some(json)),
            None => load(id).await.map(|json| json.map(Arc::from)),
        }
    }

    /// Replaces the bundle of dataset `id` by `json` (an edit of its framework), its size with
    /// it, wherever it is kept: in memory for one held for the visit, else in IndexedDB. When
    /// the browser refuses the stored one's new copy (its storage full), the stored copy stays
    /// as it was and the edited one is held for the visit — opened in its place until the page
    /// is closed — so the change is not lost meanwhile.
    ///
    /// # Errors
    /// As [`save`], for a stored dataset: why its change is held for the visit only.
    pub async fn update(&self, id: &str, json: Arc<str>) -> Result<(), String> {
        let bytes = json.len() as u64;
        if self
            .unkept
            .with_untracked(|u| u.iter().any(|(e, _)| e.id == id))
        {
            self.unkept.update(|u| {
                for (e, held) in u.iter_mut().filter(|(e, _)| e.id == id) {
                    e.bytes = bytes;
                    *held = Arc::clone(&json);
                }
            });
            return Ok(());
        }
        let Some(mut entry) = list().await?.into_iter().find(|e| e.id == id) else {
            return Ok(());
        };
        entry.bytes = bytes;
        save(&entry, &json).await.inspect_err(|_| {
            self.unkept.update(|u| u.push((entry, json)));
            self.list_in_picker();
        })
    }

    /// Deletes stored dataset `id` (its entry and its bundle, and a change of it held for the
    /// visit); [`Datasets::refresh`] lists the rest.
    ///
    /// # Errors
    /// IndexedDB unavailable or refusing, in words.
    pub async fn delete(&self, id: &str) -> Result<(), String> {
        self.unkept.update(|u| u.retain(|(e, _)| e.id != id));
        delete(id).await
    }
}
