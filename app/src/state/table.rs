//! The tables' own state: the ranking table's search text, group filter and sort, and the
//! performers table's sort. Any value is valid (an unknown filter simply shows no row), so
//! these are plain signals.

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

/// The performers table's sort keys, each with its natural order (see
/// [`crate::view_model::performers::rows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerformerKey {
    /// Name, A to Z.
    Name,
    /// Actual rank (by score, among the economies compared), best first.
    Actual,
    /// Expected rank (by GDP per capita), best first.
    Expected,
    /// Expected − actual, largest over-performer first (the default).
    Difference,
}

/// The tables' and charts' controls (not part of the scenario). `Copy`: signal handles.
#[derive(Debug, Clone, Copy)]
pub struct TableUi {
    /// Search text.
    pub search: RwSignal<String>,
    /// Group filter (group id, empty for all).
    pub filter: RwSignal<String>,
    /// Sort key and whether descending.
    pub sort: RwSignal<(SortKey, bool)>,
    /// The performers table's sort key and whether its natural order is turned round.
    pub performers: RwSignal<(PerformerKey, bool)>,
    /// The node whose gap over time the trend chart shows (`None`: the index).
    pub trend_node: RwSignal<Option<String>>,
    /// The node the world map shows, by id (empty: the index), for the map and its embed.
    pub map_node: RwSignal<String>,
}

impl TableUi {
    /// No search, no filter, by rank; performers largest over-performer first.
    pub fn new() -> Self {
        TableUi {
            search: RwSignal::new(String::new()),
            filter: RwSignal::new(String::new()),
            sort: RwSignal::new((SortKey::Rank, false)),
            performers: RwSignal::new((PerformerKey::Difference, false)),
            trend_node: RwSignal::new(None),
            map_node: RwSignal::new(String::new()),
        }
    }

    /// Sorts the ranking by `key`, or turns the order round when it is already the key.
    pub fn sort_by(&self, key: SortKey) {
        self.sort.update(|s| toggle(s, key));
    }

    /// Sorts the performers by `key`, or turns the order round when it is already the key.
    pub fn sort_performers_by(&self, key: PerformerKey) {
        self.performers.update(|s| toggle(s, key));
    }
}

/// `key` in its natural order, or the order turned round when `key` is already the key.
fn toggle<K: PartialEq>(sort: &mut (K, bool), key: K) {
    if sort.0 == key {
        sort.1 = !sort.1;
    } else {
        *sort = (key, false);
    }
}

impl Default for TableUi {
    fn default() -> Self {
        Self::new()
    }
}
