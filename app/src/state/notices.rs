//! Notices: messages shown at the top of the page until dismissed (a link part not applied, a
//! dataset that failed to load, a refused input).

use leptos::prelude::*;

use crate::i18n::Text;

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something the person should know.
    Info,
    /// Something was not applied (e.g. a malformed link parameter).
    Warning,
    /// Something failed (e.g. a dataset could not be loaded).
    Error,
}

/// A message shown at the top of the page until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Identity, for dismissal.
    pub id: u64,
    /// Level.
    pub level: Level,
    /// Its text, worded when shown (so a notice given before the language loaded shows in it).
    pub text: Text,
    /// Whether it offers to reload the page (an update waiting: `crate::offline`).
    pub reload: bool,
}

/// The notices shown. `Copy`: a signal handle.
#[derive(Debug, Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    /// No notices.
    pub fn new() -> Self {
        Notices(RwSignal::new(Vec::new()))
    }

    /// The notices, oldest first (reactive).
    pub fn list(&self) -> Vec<Notice> {
        self.0.get()
    }

    /// Adds a notice (a notice with the same text already shown is not repeated).
    pub fn notify(&self, level: Level, text: impl Into<Text>) {
        self.add(level, text.into(), false);
    }

    /// Adds a notice with a Reload button (see [`Notice::reload`]).
    pub fn notify_reload(&self, level: Level, text: impl Into<Text>) {
        self.add(level, text.into(), true);
    }

    fn add(&self, level: Level, text: Text, reload: bool) {
        self.0.update(|n| {
            if n.iter().any(|x| x.text == text) {
                return;
            }
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            n.push(Notice {
                id,
                level,
                text,
                reload,
            });
        });
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        self.0.update(|n| n.retain(|x| x.id != id));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}
