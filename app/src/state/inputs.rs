//! The engine's inputs: the bundle shown, the year, the weights, the method changes, the
//! groups compared (two or more; the first two are the pair the gap charts show) and the unit
//! followed.
//!
//! The signals are private: components read them through getters and change them only through
//! the setters here, each of which validates (through `index-core`) before it writes, so the
//! inputs never hold a year without data, weights of another framework, a method the engine
//! refuses, a group or a unit the dataset does not have. A refused change becomes a notice and
//! leaves the inputs as they were.

use index_core::bundle::Bundle;
use index_core::error::excerpt;
use index_core::framework::Weights;
use index_core::scenario::{MethodChoice, Resolved, Scenario, MAX_GROUPS};
use leptos::prelude::*;

use super::notices::{Level, Notices};
use crate::i18n::{messages, Msg, Text};
use crate::shared::{Halves, Shared};

/// The inputs. `Copy`: signal handles.
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    bundle: Halves<Option<Shared<Bundle>>>,
    year: Halves<i32>,
    weights: Halves<Option<Shared<Weights>>>,
    method: Halves<MethodChoice>,
    groups: Halves<Vec<String>>,
    selection: Halves<Option<String>>,
    notices: Notices,
}

impl Inputs {
    /// Empty inputs (no bundle yet); refusals are reported to `notices`.
    pub fn new(notices: Notices) -> Self {
        Inputs {
            bundle: Halves::new(None),
            year: Halves::new(0),
            weights: Halves::new(None),
            method: Halves::new(MethodChoice::default()),
            groups: Halves::new(Vec::new()),
            selection: Halves::new(None),
            notices,
        }
    }

    /// The bundle shown (`None` until one is loaded).
    pub fn bundle(&self) -> ReadSignal<Option<Shared<Bundle>>> {
        self.bundle.read
    }

    /// The year shown.
    pub fn year(&self) -> ReadSignal<i32> {
        self.year.read
    }

    /// The weights, one per framework node of the bundle shown.
    pub fn weights(&self) -> ReadSignal<Option<Shared<Weights>>> {
        self.weights.read
    }

    /// The method changes against the bundle's default.
    pub fn method(&self) -> ReadSignal<MethodChoice> {
        self.method.read
    }

    /// The groups compared: two to [`MAX_GROUPS`] (none before a bundle is loaded).
    pub fn groups(&self) -> ReadSignal<Vec<String>> {
        self.groups.read
    }

    /// The first two groups compared: the pair (A, B) the gap table and the ranked bars show (the
    /// other charts and the profile show every group).
    pub fn pair(&self) -> Signal<[String; 2]> {
        let groups = self.groups.read;
        Signal::derive(move || groups.with(|g| first_two(g)))
    }

    /// The unit followed (ISO3).
    pub fn selection(&self) -> ReadSignal<Option<String>> {
        self.selection.read
    }

    /// Installs a freshly loaded bundle with its defaults overridden by `scenario` part by part:
    /// each part the bundle refuses is a notice and stays at the default.
    pub fn install(&self, bundle: Bundle, scenario: &Scenario) {
        let resolved = self.resolve(&bundle, scenario);
        batch(|| {
            self.bundle.write.set(Some(Shared::new(bundle)));
            self.set_resolved(resolved);
        });
    }

    /// Applies `scenario` to the bundle shown, as [`Inputs::install`] does.
    pub fn apply(&self, scenario: &Scenario) {
        let Some(bundle) = self.bundle().get_untracked() else {
            return;
        };
        let resolved = self.resolve(&bundle, scenario);
        batch(|| self.set_resolved(resolved));
    }

    fn set_resolved(&self, r: Resolved) {
        self.weights.write.set(Some(Shared::new(r.weights)));
        self.method.write.set(r.choice);
        self.year.write.set(r.year);
        self.groups.write.set(r.groups);
        self.selection.write.set(r.selection);
    }

    /// `scenario` made concrete for `bundle` by the engine ([`Scenario::resolve_lenient`]): a
    /// notice for each part refused, naming where the scenario came from.
    fn resolve(&self, bundle: &Bundle, scenario: &Scenario) -> Resolved {
        let (resolved, errors) = scenario.resolve_lenient(bundle);
        for e in errors {
            let problem = ("problem", e.to_string().into());
            self.notices.notify(
                Level::Warning,
                if scenario.name.is_empty() {
                    Text::of(&messages::LINK_PART_DEFAULT, vec![problem])
                } else {
                    let name = ("name", excerpt(&scenario.name).into_owned().into());
                    Text::of(&messages::SCENARIO_PART_REFUSED, vec![name, problem])
                },
            );
        }
        resolved
    }

    /// Shows `year`, if the bundle has data for it.
    pub fn set_year(&self, year: i32) {
        let Some(b) = self.bundle().get_untracked() else {
            return;
        };
        if b.years_with_data().contains(&year) {
            self.year.write.set(year);
        } else {
            self.notices.notify(
                Level::Warning,
                Text::of(
                    &messages::NO_DATA_FOR_YEAR,
                    vec![
                        ("dataset", b.title().into()),
                        ("year", year.to_string().into()),
                    ],
                ),
            );
        }
    }

    /// Compares group `id` in place `side` (0: A, 1: B, then the others), if the dataset has it.
    pub fn set_group(&self, side: usize, id: String) {
        if !self.has_group(&id) {
            return;
        }
        self.groups.write.update(|g| {
            if let Some(slot) = g.get_mut(side) {
                *slot = id;
            }
        });
    }

    /// Adds group `id` to those compared, if the dataset has it, it is not compared already and
    /// fewer than [`MAX_GROUPS`] are.
    pub fn add_group(&self, id: String) {
        if !self.has_group(&id) {
            return;
        }
        let (count, already) = self
            .groups
            .read
            .with_untracked(|g| (g.len(), g.contains(&id)));
        if already {
            return;
        }
        if count >= MAX_GROUPS {
            self.notices.notify(
                Level::Warning,
                Text::of(&messages::GROUPS_LIMIT, vec![("count", MAX_GROUPS.into())]),
            );
            return;
        }
        self.groups.write.update(|g| g.push(id));
    }

    /// Stops comparing the group in place `side`, if more than two are compared.
    pub fn remove_group(&self, side: usize) {
        self.groups.write.update(|g| {
            if g.len() > 2 && side < g.len() {
                g.remove(side);
            }
        });
    }

    /// Whether the bundle shown has group `id` (a notice when not).
    fn has_group(&self, id: &str) -> bool {
        let known = self
            .bundle()
            .with_untracked(|b| b.as_ref().is_some_and(|b| b.dataset().group(id).is_some()));
        if !known {
            self.notices.notify(
                Level::Warning,
                Text::of(
                    &messages::NO_GROUP,
                    vec![("group", excerpt(id).into_owned().into())],
                ),
            );
        }
        known
    }

    /// Follows the unit with ISO3 `code` (or none), if the dataset has it.
    pub fn set_selection(&self, code: Option<String>) {
        if let Some(c) = &code {
            let known = self.bundle().with_untracked(|b| {
                b.as_ref()
                    .is_some_and(|b| b.dataset().unit_position(c).is_some())
            });
            if !known {
                return;
            }
        }
        self.selection.write.set(code);
    }

    /// Follows the unit with ISO3 `code`, or stops following it if it is the one followed.
    pub fn toggle_selection(&self, code: String) {
        let same = self
            .selection
            .read
            .with_untracked(|s| s.as_deref() == Some(code.as_str()));
        self.set_selection((!same).then_some(code));
    }

    /// Sets one node's weight; whether it was accepted. A refused value (one that would leave
    /// a pillar without any weighted child, or out of the engine's bounds) is a notice.
    pub fn set_weight(&self, node: usize, value: f64) -> bool {
        self.set_weights(&[(node, value)])
    }

    /// Sets several nodes' weights at once (`(node, weight)`), so that no state in between is
    /// checked; whether they were accepted (all or none, a refusal being a notice).
    pub fn set_weights(&self, changes: &[(usize, f64)]) -> bool {
        let Some(b) = self.bundle().get_untracked() else {
            return false;
        };
        let Some(mut w) = self
            .weights
            .read
            .with_untracked(|w| w.as_ref().map(|w| w.as_slice().to_vec()))
        else {
            return false;
        };
        for &(node, value) in changes {
            let Some(slot) = w.get_mut(node) else {
                return false;
            };
            *slot = value;
        }
        match Weights::new(b.framework(), w) {
            Ok(w) => {
                self.weights.write.set(Some(Shared::new(w)));
                true
            }
            Err(e) => {
                self.notices
                    .notify(Level::Warning, refused(&messages::WEIGHT_NOT_CHANGED, &e));
                false
            }
        }
    }

    /// The publisher's weights.
    pub fn reset_weights(&self) {
        if let Some(b) = self.bundle().get_untracked() {
            self.weights
                .write
                .set(Some(Shared::new(b.framework().weights())));
        }
    }

    /// Every node weighing the same as its siblings.
    pub fn equal_weights(&self) {
        let Some(b) = self.bundle().get_untracked() else {
            return;
        };
        match Weights::new(b.framework(), vec![1.0; b.framework().len()]) {
            Ok(w) => self.weights.write.set(Some(Shared::new(w))),
            Err(e) => self
                .notices
                .notify(Level::Warning, refused(&messages::WEIGHTS_NOT_CHANGED, &e)),
        }
    }

    /// Changes the method, refusing (with a notice) a choice the engine refuses for this dataset.
    pub fn set_method(&self, change: impl FnOnce(&mut MethodChoice)) {
        let Some(b) = self.bundle().get_untracked() else {
            return;
        };
        let mut choice = self.method().get_untracked();
        change(&mut choice);
        match choice
            .apply(b.method())
            .and_then(|m| m.validate(b.framework(), b.dataset()))
        {
            Ok(()) => self.method.write.set(choice),
            Err(e) => self
                .notices
                .notify(Level::Warning, refused(&messages::METHOD_NOT_CHANGED, &e)),
        }
    }

    /// The scenario the page shows now (what the URL holds).
    pub fn scenario(&self) -> Option<Scenario> {
        let b = self.bundle().get()?;
        let groups = self.groups().get();
        Some(Scenario {
            name: String::new(),
            bundle: b.id().to_string(),
            year: Some(self.year().get()).filter(|y| *y != b.default_year()),
            weights: self
                .weights()
                .with(|w| w.as_ref().map(|w| w.overrides(b.framework())))
                .unwrap_or_default(),
            method: self.method().get(),
            groups: Some(groups).filter(|g| g.as_slice() != b.default_groups().as_slice()),
            selection: self.selection().get(),
        })
    }
}

/// The first two of `groups` (an empty id where there are fewer: before a bundle is loaded).
pub fn first_two(groups: &[String]) -> [String; 2] {
    let (a, b) = index_core::scenario::pair_of(groups);
    [a.to_string(), b.to_string()]
}

/// A change the engine refused: message `m` with the engine's words as `problem`.
fn refused(m: &'static Msg, e: &index_core::error::Error) -> Text {
    Text::of(m, vec![("problem", e.to_string().into())])
}
