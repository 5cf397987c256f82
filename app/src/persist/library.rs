//! The saved-scenario library: every scenario saved in this browser, one local-storage entry
//! each (so a corrupt entry never takes the others with it), the ones ticked for comparison,
//! the entries that could not be read (listed, never touched until the person removes them),
//! and the last one deleted (for undo).
//!
//! The only code that touches local storage (web-sys directly: gloo-storage throws when storage
//! is disabled, which would abort the app). Without storage (some private modes, or site data
//! blocked), scenarios are kept until the page closes, as a notice says.

use index_core::scenario::{check_name, Scenario, MAX_NAME_CHARS};
use leptos::prelude::*;

use crate::i18n::{messages, t, t_with, Msg};
use crate::shared::Halves;
use crate::state::{Level, Notices};

/// Most scenarios compared at once.
pub const MAX_COMPARED: usize = 4;

/// Storage keys: the one place they are spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageKey {
    /// One saved scenario, by id.
    Scenario(u64),
}

/// Prefix of scenario keys.
const SCENARIO_PREFIX: &str = "index-explorer:scenario:";

/// What a storage key of ours is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyKind {
    /// A key this app writes.
    Ours(StorageKey),
    /// Ours by its prefix, but not in the form this app writes (e.g. `…:0004` for `…:4`): it
    /// is listed as unreadable rather than read as another key's twin.
    Malformed,
    /// Not ours.
    Foreign,
}

impl StorageKey {
    /// The key as stored.
    pub fn text(self) -> String {
        match self {
            StorageKey::Scenario(id) => format!("{SCENARIO_PREFIX}{id}"),
        }
    }

    /// What `text` is: only the exact form [`StorageKey::text`] writes is one of our keys.
    pub fn parse(text: &str) -> KeyKind {
        let Some(rest) = text.strip_prefix(SCENARIO_PREFIX) else {
            return KeyKind::Foreign;
        };
        match rest.parse::<u64>() {
            Ok(id) if StorageKey::Scenario(id).text() == text => {
                KeyKind::Ours(StorageKey::Scenario(id))
            }
            _ => KeyKind::Malformed,
        }
    }
}

/// A saved scenario: its id (milliseconds since 1970 when first saved) and content. Stored as
/// the scenario's versioned JSON (`Scenario::to_json`), so every earlier format still opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Id (also its storage key).
    pub id: u64,
    /// The scenario, with its name.
    pub scenario: Scenario,
}

impl Saved {
    /// The name to show: the scenario's, or a stand-in for one saved without a name.
    pub fn label(&self) -> String {
        if self.scenario.name.trim().is_empty() {
            t_with(&messages::UNTITLED, &[("id", self.id.to_string().into())])
        } else {
            self.scenario.name.clone()
        }
    }
}

/// A storage entry of ours that could not be read: kept as it is until the person removes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The storage key.
    pub key: String,
    /// Its text (offered for download, so nothing is lost), if it could be read at all.
    pub text: Option<String>,
    /// Why it could not be read.
    pub problem: Problem,
}

/// Why a storage entry of ours could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Its key is not in the form this app writes.
    Key,
    /// The browser did not return its text.
    NotReturned,
    /// Its text is not a scenario: the reader's words.
    Invalid(String),
}

impl Problem {
    /// The problem in the language shown (worded when shown, in the part that lists the
    /// entries, so that its messages weigh nothing on the main module).
    pub fn text(&self) -> String {
        match self {
            Problem::Key => t(&messages::ENTRY_KEY_NOT_OURS),
            Problem::NotReturned => t(&messages::ENTRY_NOT_RETURNED),
            Problem::Invalid(why) => why.clone(),
        }
    }
}

/// Where a saved scenario is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// In local storage.
    Stored,
    /// Storage is unavailable: only in the page, until it closes.
    ForThisVisit,
}

/// The library. `Copy`: signal handles; provided as a context at the root.
#[derive(Debug, Clone, Copy)]
pub struct Library {
    saved: Halves<Vec<Saved>>,
    comparing: Halves<Vec<u64>>,
    unreadable: Halves<Vec<Unreadable>>,
    deleted: Halves<Option<Saved>>,
    notices: Notices,
}

/// The library, from the context the root provides.
pub fn use_library() -> Library {
    expect_context::<Library>()
}

impl Library {
    /// An empty library reporting to `notices`; [`Library::restore`] fills it.
    pub fn new(notices: Notices) -> Self {
        Library {
            saved: Halves::new(Vec::new()),
            comparing: Halves::new(Vec::new()),
            unreadable: Halves::new(Vec::new()),
            deleted: Halves::new(None),
            notices,
        }
    }

    /// Every saved scenario, oldest first.
    pub fn saved(&self) -> ReadSignal<Vec<Saved>> {
        self.saved.read
    }

    /// Ids of the scenarios ticked for comparison.
    pub fn comparing(&self) -> ReadSignal<Vec<u64>> {
        self.comparing.read
    }

    /// Entries that could not be read.
    pub fn unreadable(&self) -> ReadSignal<Vec<Unreadable>> {
        self.unreadable.read
    }

    /// The scenario deleted last (until undone or another is deleted).
    pub fn deleted(&self) -> ReadSignal<Option<Saved>> {
        self.deleted.read
    }

    /// Reads every saved scenario from storage. Entries that cannot be read are listed, never
    /// changed. It gives no notice (the language may not be loaded yet): the saved scenarios'
    /// part says what it found ([`Library::notify_read`]).
    pub fn restore(&self) {
        let Some(store) = storage() else { return };
        let (saved, unreadable) = read_all(&store);
        self.saved.write.set(saved);
        self.unreadable.write.set(unreadable);
    }

    /// The notices on what [`Library::restore`] found, in the language shown: that scenarios
    /// are kept for this visit only (no storage), or how many entries could not be read.
    /// Called by the saved scenarios' part when it is drawn, so that its messages stay in its
    /// module.
    pub fn notify_read(&self) {
        if storage().is_none() {
            self.notices
                .notify(Level::Info, t(&messages::SCENARIOS_FOR_VISIT));
        }
        let unreadable = self.unreadable().with_untracked(Vec::len);
        if unreadable > 0 {
            self.notices.notify(
                Level::Warning,
                t_with(
                    &messages::ENTRIES_UNREADABLE,
                    &[("count", unreadable.into())],
                ),
            );
        }
    }

    /// Keeps the list in step with the site's other tabs: when one of them saves, renames or
    /// deletes a scenario (a `storage` event for one of our keys, or storage cleared), the
    /// list is read again from storage, and a notice says so. Called once, at the root.
    pub fn follow_other_tabs(&self) {
        let this = *self;
        // The listener lives as long as the page.
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            let ours = ev
                .key()
                .is_none_or(|key| StorageKey::parse(&key) != KeyKind::Foreign);
            if ours {
                this.reread(Some(t(&messages::SCENARIOS_OTHER_TAB)));
            }
        });
    }

    /// Reads the list again from storage (another tab changed it), keeping the ticks of the
    /// scenarios still there; `why`, if any, becomes a notice.
    fn reread(&self, why: Option<String>) {
        let Some(store) = storage() else { return };
        let (saved, unreadable) = read_all(&store);
        batch(|| {
            self.comparing
                .write
                .update(|c| c.retain(|id| saved.iter().any(|s| s.id == *id)));
            self.saved.write.set(saved);
            self.unreadable.write.set(unreadable);
        });
        if let Some(why) = why {
            self.notices.notify(Level::Info, why);
        }
    }

    /// Saves `scenario` as a new entry; whether it was saved (a name longer than
    /// [`MAX_NAME_CHARS`] is refused, with a notice).
    pub fn add(&self, scenario: Scenario) -> bool {
        if let Some(why) = name_refused(&scenario.name) {
            self.notices.notify(
                Level::Warning,
                t_with(&messages::NOT_SAVED, &[("why", why.into())]),
            );
            return false;
        }
        let saved = Saved {
            id: unused_id(self.saved().with_untracked(|s| new_id(s))),
            scenario,
        };
        if !self.store(&saved) {
            return false;
        }
        self.saved.write.update(|s| s.push(saved));
        true
    }

    /// Renames scenario `id`; whether it was renamed (an empty name is refused).
    pub fn rename(&self, id: u64, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() {
            self.notices
                .notify(Level::Warning, t(&messages::NEEDS_NAME));
            return false;
        }
        if let Some(why) = name_refused(name) {
            self.notices.notify(
                Level::Warning,
                t_with(&messages::NOT_RENAMED, &[("why", why.into())]),
            );
            return false;
        }
        let Some(mut s) = self.find(id) else {
            return false;
        };
        // Another tab may have renamed or deleted it since this list was read: write over the
        // entry only if it still holds what this tab shows.
        if let Some(changed) = changed_elsewhere(&s) {
            self.notices.notify(
                Level::Warning,
                t_with(
                    &messages::NOT_RENAMED_ELSEWHERE,
                    &[("name", s.label().into()), ("why", t(changed).into())],
                ),
            );
            self.reread(None);
            return false;
        }
        s.scenario.name = name.to_string();
        if !self.store(&s) {
            return false;
        }
        self.saved.write.update(|all| {
            if let Some(x) = all.iter_mut().find(|x| x.id == id) {
                *x = s;
            }
        });
        true
    }

    /// Saves a copy of scenario `id` under a new id.
    pub fn duplicate(&self, id: u64) {
        if let Some(s) = self.find(id) {
            let mut copy = s.scenario;
            copy.name = copy_name(&copy.name);
            self.add(copy);
        }
    }

    /// Deletes scenario `id` (it can be brought back with [`Library::undo_delete`]).
    pub fn delete(&self, id: u64) {
        let Some(s) = self.find(id) else { return };
        if let Err(e) = remove_entry(&StorageKey::Scenario(id).text()) {
            self.notices.notify(
                Level::Error,
                t_with(&messages::SCENARIO_NOT_DELETED, &[("why", e.into())]),
            );
            return;
        }
        batch(|| {
            self.saved.write.update(|all| all.retain(|x| x.id != id));
            self.comparing.write.update(|c| c.retain(|x| *x != id));
            self.deleted.write.set(Some(s));
        });
    }

    /// Brings back the scenario deleted last, under its own id (or the next free one, if
    /// another tab has used it since).
    pub fn undo_delete(&self) {
        let Some(mut s) = self.deleted().get_untracked() else {
            return;
        };
        // Another tab may have saved a scenario under this id meanwhile: never write over it.
        s.id = unused_id(s.id);
        if self.store(&s) {
            batch(|| {
                self.saved.write.update(|all| {
                    all.push(s);
                    index_core::order::sort_by_key(all, |x| x.id);
                });
                self.deleted.write.set(None);
            });
        }
    }

    /// Forgets the scenario deleted last (the undo offer is dismissed).
    pub fn forget_deleted(&self) {
        self.deleted.write.set(None);
    }

    /// Removes an unreadable entry from storage (the person chose to).
    pub fn remove_unreadable(&self, key: &str) {
        match remove_entry(key) {
            Ok(()) => self.unreadable.write.update(|u| u.retain(|x| x.key != key)),
            Err(e) => self.notices.notify(
                Level::Error,
                t_with(&messages::ENTRY_NOT_REMOVED, &[("why", e.into())]),
            ),
        }
    }

    /// Ticks (`on`) or unticks scenario `id` for comparison; at most [`MAX_COMPARED`].
    pub fn set_compared(&self, id: u64, on: bool) {
        let full = self
            .comparing()
            .with_untracked(|c| !c.contains(&id) && c.len() >= MAX_COMPARED);
        if on && full {
            self.notices.notify(
                Level::Info,
                t_with(&messages::COMPARE_LIMIT, &[("count", MAX_COMPARED.into())]),
            );
            return;
        }
        self.comparing.write.update(|c| {
            c.retain(|x| *x != id);
            if on {
                c.push(id);
            }
        });
    }

    /// Unticks every scenario.
    pub fn clear_compared(&self) {
        self.comparing.write.set(Vec::new());
    }

    fn find(&self, id: u64) -> Option<Saved> {
        self.saved()
            .with_untracked(|all| all.iter().find(|x| x.id == id).cloned())
    }

    /// Stores `saved`; whether it is to be listed. Without storage, scenarios are listed (and
    /// can be compared and exported) until the page closes, as a notice says.
    fn store(&self, saved: &Saved) -> bool {
        match save_entry(saved) {
            Ok(Kept::Stored) => true,
            Ok(Kept::ForThisVisit) => {
                self.notices
                    .notify(Level::Info, t(&messages::SCENARIOS_FOR_VISIT));
                true
            }
            Err(e) => {
                self.notices.notify(
                    Level::Error,
                    t_with(
                        &messages::SCENARIO_NOT_SAVED,
                        &[("name", saved.label().into()), ("why", e.into())],
                    ),
                );
                false
            }
        }
    }
}

/// Why `name` cannot be a scenario's (it is longer than [`MAX_NAME_CHARS`]), in words; `None`
/// when it can.
fn name_refused(name: &str) -> Option<String> {
    check_name(name).err().map(|_| {
        t_with(
            &messages::NAME_TOO_LONG,
            &[
                ("count", name.chars().count().into()),
                ("max", MAX_NAME_CHARS.into()),
            ],
        )
    })
}

/// `name` marked as a copy in the language shown, its start kept so that the whole is at most
/// [`MAX_NAME_CHARS`] long; without the isolation marks Arabic puts around an argument (a name
/// is data: it is kept as written).
fn copy_name(name: &str) -> String {
    let marked = |base: &str| {
        t_with(&messages::COPY_NAME, &[("name", base.into())]).replace(['\u{2068}', '\u{2069}'], "")
    };
    let room = MAX_NAME_CHARS.saturating_sub(marked("").chars().count());
    marked(&name.chars().take(room).collect::<String>())
}

/// Local storage, if the browser lets the page use it (not in some private modes, or with
/// site data blocked).
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn js_error_name(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The storage's refusal `e`, for people.
fn refused(e: &wasm_bindgen::JsValue) -> String {
    format!("{} ({})", t(&messages::STORAGE_REFUSED), js_error_name(e))
}

/// Saves (or overwrites) a scenario's entry.
fn save_entry(saved: &Saved) -> Result<Kept, String> {
    let Some(store) = storage() else {
        return Ok(Kept::ForThisVisit);
    };
    store
        .set_item(
            &StorageKey::Scenario(saved.id).text(),
            &saved.scenario.to_json(),
        )
        .map(|()| Kept::Stored)
        .map_err(|e| {
            if js_error_name(&e).contains("Quota") {
                t(&messages::SCENARIO_STORAGE_FULL)
            } else {
                refused(&e)
            }
        })
}

/// Deletes an entry (nothing to do when storage is unavailable: nothing was stored).
fn remove_entry(key: &str) -> Result<(), String> {
    let Some(store) = storage() else {
        return Ok(());
    };
    store.remove_item(key).map_err(|e| refused(&e))
}

/// Every saved scenario in `store`, oldest first, and the entries of ours that could not be
/// read.
fn read_all(store: &web_sys::Storage) -> (Vec<Saved>, Vec<Unreadable>) {
    let mut saved = Vec::new();
    let mut unreadable = Vec::new();
    for i in 0..store.length().unwrap_or(0) {
        let Ok(Some(key)) = store.key(i) else {
            continue;
        };
        let kind = StorageKey::parse(&key);
        if kind == KeyKind::Foreign {
            continue;
        }
        let text = store.get_item(&key).ok().flatten();
        let problem = match (&kind, &text) {
            (KeyKind::Malformed, _) => Problem::Key,
            (_, None) => Problem::NotReturned,
            (KeyKind::Ours(StorageKey::Scenario(id)), Some(t)) => match Scenario::from_json(t) {
                Ok(scenario) => {
                    saved.push(Saved { id: *id, scenario });
                    continue;
                }
                Err(e) => Problem::Invalid(e.to_string()),
            },
            (KeyKind::Foreign, _) => continue,
        };
        unreadable.push(Unreadable { key, text, problem });
    }
    index_core::order::sort_by_key(&mut saved, |s| s.id);
    (saved, unreadable)
}

/// Why `shown`'s entry no longer holds what this tab shows (another tab deleted or changed
/// it), or `None` when it does — or when there is no storage (then only this tab holds it).
fn changed_elsewhere(shown: &Saved) -> Option<&'static Msg> {
    let store = storage()?;
    match store.get_item(&StorageKey::Scenario(shown.id).text()) {
        Ok(None) => Some(&messages::DELETED_ELSEWHERE),
        Ok(Some(text)) => match Scenario::from_json(&text) {
            Ok(stored) if stored == shown.scenario => None,
            _ => Some(&messages::CHANGED_ELSEWHERE),
        },
        Err(_) => None,
    }
}

/// `id`, or the first id after it that no storage entry uses (another tab may have saved under
/// it since this list was read).
fn unused_id(mut id: u64) -> u64 {
    let Some(store) = storage() else { return id };
    while let Ok(Some(_)) = store.get_item(&StorageKey::Scenario(id).text()) {
        match id.checked_add(1) {
            Some(next) => id = next,
            None => break,
        }
    }
    id
}

/// A fresh id: now in milliseconds, moved on past any id in use.
fn new_id(existing: &[Saved]) -> u64 {
    let now = js_sys::Date::now().max(0.0) as u64;
    let max = existing.iter().map(|s| s.id).max().unwrap_or(0);
    now.max(max + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_written_form_of_a_key_is_ours() {
        assert_eq!(
            StorageKey::parse("index-explorer:scenario:4"),
            KeyKind::Ours(StorageKey::Scenario(4))
        );
        assert_eq!(
            StorageKey::parse("index-explorer:scenario:0004"),
            KeyKind::Malformed
        );
        assert_eq!(
            StorageKey::parse("index-explorer:scenario:+4"),
            KeyKind::Malformed
        );
        assert_eq!(
            StorageKey::parse("index-explorer:scenario:x"),
            KeyKind::Malformed
        );
        assert_eq!(StorageKey::parse("other:4"), KeyKind::Foreign);
        assert_eq!(StorageKey::Scenario(4).text(), "index-explorer:scenario:4");
    }

    #[test]
    fn a_scenario_without_a_name_has_a_label() {
        let s = Saved {
            id: 7,
            scenario: Scenario::default(),
        };
        assert_eq!(s.label(), "Untitled scenario #7");
    }
}
