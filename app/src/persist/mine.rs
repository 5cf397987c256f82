//! The datasets imported in this browser ("your data"), kept in IndexedDB: the one place that
//! touches it. Database [`DATABASE`] holds two object stores keyed by dataset id — [`LIST`],
//! each dataset's name, date and size (read whole to list them), and [`BUNDLES`], its bundle's
//! JSON text (read only to open it) — written and deleted together in one transaction.
//!
//! Called only by the "your data" part (a deferred module), so none of this is in the main
//! module. Every failure is a message for people: IndexedDB missing or refused (a private
//! window, storage turned off), the browser's quota reached (checked before writing with
//! `navigator.storage.estimate()` where there is one, and `QuotaExceededError` when writing), a
//! record that cannot be read (left untouched).

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

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
            description: format!("Your data, imported {}", self.imported),
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

/// What a full storage is said as.
const FULL: &str = "the browser's storage for this site is full: delete some of your data, or \
                    free space in the browser's settings";

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
            .map_or_else(|| "the browser's storage refused".into(), |e| dom_error(&e))),
    }
}

/// A DOM exception in words, the quota's in plain terms.
fn dom_error(e: &web_sys::DomException) -> String {
    if e.name() == "QuotaExceededError" {
        FULL.into()
    } else {
        format!(
            "the browser's storage refused ({}: {})",
            e.name(),
            e.message()
        )
    }
}

/// A JavaScript error's message.
fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => dom_error(d),
        None => Reflect::get(e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the browser's storage refused".into()),
    }
}

/// Opens the database, making its stores the first time.
async fn open() -> Result<IdbDatabase, String> {
    let unavailable = "this browser keeps no data for the page (IndexedDB is unavailable or \
                       turned off, as in some private windows)";
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| unavailable.to_string())?;
    let request = factory
        .open_with_u32(DATABASE, VERSION)
        .map_err(|_| unavailable.to_string())?;
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
    opened?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| unavailable.to_string())
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
    outcome.map(|_| ()).map_err(|_| {
        tx.error().map_or_else(
            || "the browser's storage did not save it".into(),
            |e| dom_error(&e),
        )
    })
}

/// Every dataset stored, newest first; a record that cannot be read is left out (and left
/// untouched).
///
/// # Errors
/// IndexedDB unavailable or refusing, in words.
pub async fn list() -> Result<Vec<MineEntry>, String> {
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
pub async fn load(id: &str) -> Result<Option<String>, String> {
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
pub async fn save(entry: &MineEntry, json: &str) -> Result<(), String> {
    if json.len() > MAX_BYTES {
        return Err(format!(
            "at {} MB it is larger than the {} MB this page keeps",
            json.len() >> 20,
            MAX_BYTES >> 20
        ));
    }
    // UTF-16 in the browser: up to twice the bytes.
    if room()
        .await
        .is_some_and(|room| room < 2.0 * json.len() as f64)
    {
        return Err(FULL.into());
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

/// Replaces the bundle of stored dataset `id` by `json` (an edit of its framework), its size
/// with it; a dataset not stored (kept for the visit only) stays so.
///
/// # Errors
/// As [`save`].
pub async fn update(id: &str, json: &str) -> Result<(), String> {
    let Some(mut entry) = list().await?.into_iter().find(|e| e.id == id) else {
        return Ok(());
    };
    entry.bytes = json.len() as u64;
    save(&entry, json).await
}

/// Deletes dataset `id` (its entry and its bundle).
///
/// # Errors
/// IndexedDB unavailable or refusing, in words.
pub async fn delete(id: &str) -> Result<(), String> {
    let key: JsValue = id.into();
    write(|tx| {
        tx.object_store(LIST)?.delete(&key)?;
        tx.object_store(BUNDLES)?.delete(&key)?;
        Ok(())
    })
    .await
}
