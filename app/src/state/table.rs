//! The ranking table's own state: search text, group filter, sort. Any value is valid (an
//! unknown filter simply shows no row), so these are plain signals.

use leptos::prelude::*;

/// Table sort keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Rank (= score).
    Rank,
    /// Change in rank against the published weights.
    Change,
    /// Name.
    Name,
    /// Score on a framework node (a pillar).
    Node(usize),
}

/// The ranking table's controls. `Copy`: signal handles.
#[derive(Debug, Clone, Copy)]
pub struct TableUi {
    /// Search text.
    pub search: RwSignal<String>,
    /// Group filter (group id, empty for all).
    pub filter: RwSignal<String>,
    /// Sort key and whether descending.
    pub sort: RwSignal<(SortKey, bool)>,
}

impl TableUi {
    /// No search, no filter, by rank.
    pub fn new() -> Self {
        TableUi {
            search: RwSignal::new(String::new()),
            filter: RwSignal::new(String::new()),
            sort: RwSignal::new((SortKey::Rank, false)),
        }
    }

    /// Sorts by `key`, or turns the order round when it is already the key.
    pub fn sort_by(&self, key: SortKey) {
        self.sort.update(|s| {
            if s.0 == key {
                s.1 = !s.1;
            } else {
                *s = (key, false);
            }
        });
    }
}

impl Default for TableUi {
    fn default() -> Self {
        Self::new()
    }
}
