//! The framework editor of one's own data: an [`Edit`] (rename a node, set an indicator's
//! direction, move a node under another aggregate, delete a node with what is under it) applied
//! to an imported dataset's bundle JSON, giving the new JSON — which the page then reads with
//! `loader::parse_bundle`, so that the engine's own checks (one root, unique ids, no cycle, no
//! all-zero siblings…) judge the result as they judge any bundle. Each edit refuses, in words,
//! what it cannot mean (the root moved or deleted, a node moved under itself or under an
//! indicator, nothing left). Pure, so tested natively.

use serde_json::{Map, Value};

use super::import::MAX_NAME_CHARS;
use crate::i18n::messages;
use crate::i18n::{t, t_with};

/// One change to the framework. Nodes are named by id.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Gives node `node` the name `name` (an indicator's name in the data too).
    Rename {
        /// The node.
        node: String,
        /// Its new name (trimmed; at most 200 characters).
        name: String,
    },
    /// Says whether higher values of indicator `node` are better.
    Direction {
        /// The indicator.
        node: String,
        /// Higher is better (else lower is).
        higher: bool,
    },
    /// Moves node `node`, with what is under it, under aggregate `parent`.
    Move {
        /// The node.
        node: String,
        /// Its new parent (an aggregate).
        parent: String,
    },
    /// Deletes node `node` and what is under it (the indicators' data stays in the dataset);
    /// an aggregate left without children goes too.
    Delete {
        /// The node.
        node: String,
    },
}

/// The framework's nodes, as the bundle's JSON holds them.
fn nodes(bundle: &mut Value) -> Result<&mut Vec<Value>, String> {
    bundle
        .get_mut("framework")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| t(&messages::NO_FRAMEWORK))
}

fn text<'a>(node: &'a Value, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Value::as_str)
}

/// The node with id `id`.
fn find<'a>(nodes: &'a mut [Value], id: &str) -> Result<&'a mut Map<String, Value>, String> {
    nodes
        .iter_mut()
        .filter_map(Value::as_object_mut)
        .find(|n| n.get("id").and_then(Value::as_str) == Some(id))
        .ok_or_else(|| t_with(&messages::NO_SUCH_PART, &[("part", id.into())]))
}

/// `id` and every node under it.
fn subtree(nodes: &[Value], id: &str) -> Vec<String> {
    let mut out = vec![id.to_string()];
    let mut i = 0;
    while let Some(parent) = out.get(i).cloned() {
        out.extend(
            nodes
                .iter()
                .filter(|n| text(n, "parent") == Some(parent.as_str()))
                .filter_map(|n| text(n, "id"))
                .map(str::to_string),
        );
        i += 1;
        // A cycle cannot be in a valid bundle; stop anyway once every node is listed.
        if out.len() > nodes.len() {
            break;
        }
    }
    out
}

fn is_root(node: &Map<String, Value>) -> bool {
    node.get("parent").is_none_or(Value::is_null)
}

fn is_indicator(node: &Map<String, Value>) -> bool {
    node.get("kind").and_then(Value::as_str) == Some("indicator")
}

/// The indicator `id` of the dataset.
fn indicator<'a>(bundle: &'a mut Value, id: &str) -> Option<&'a mut Map<String, Value>> {
    bundle
        .get_mut("dataset")?
        .get_mut("indicators")?
        .as_array_mut()?
        .iter_mut()
        .filter_map(Value::as_object_mut)
        .find(|i| i.get("id").and_then(Value::as_str) == Some(id))
}

/// `json` (a bundle's) with `edit` made.
///
/// # Errors
/// The text is not a bundle's JSON, the node is not there, or the edit cannot be made (in
/// words: the root moved or deleted, a node moved under itself, under what is under it or under
/// an indicator, a direction for an aggregate, an empty name, nothing left).
pub fn apply(json: &str, edit: &Edit) -> Result<String, String> {
    let mut bundle: Value = serde_json::from_str(json).map_err(|e| format!("the dataset: {e}"))?;
    match edit {
        Edit::Rename { node, name } => {
            let name: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
            if name.is_empty() {
                return Err(t(&messages::NAME_EMPTY));
            }
            let n = find(nodes(&mut bundle)?, node)?;
            n.insert("name".into(), Value::from(name.as_str()));
            let leaf = is_indicator(n);
            if leaf {
                if let Some(i) = indicator(&mut bundle, node) {
                    i.insert("name".into(), Value::from(name));
                }
            }
        }
        Edit::Direction { node, higher } => {
            if !is_indicator(find(nodes(&mut bundle)?, node)?) {
                return Err(t_with(
                    &messages::DIRECTION_NOT_INDICATOR,
                    &[("part", node.as_str().into())],
                ));
            }
            let i = indicator(&mut bundle, node).ok_or_else(|| {
                t_with(
                    &messages::INDICATOR_NOT_IN_DATA,
                    &[("part", node.as_str().into())],
                )
            })?;
            let word = if *higher { "higher" } else { "lower" };
            i.insert("direction".into(), Value::from(word));
        }
        Edit::Move { node, parent } => {
            let all = nodes(&mut bundle)?;
            if subtree(all, node).contains(parent) {
                return Err(t_with(
                    &messages::UNDER_ITSELF,
                    &[("part", node.as_str().into())],
                ));
            }
            let p = find(all, parent)?;
            if is_indicator(p) {
                return Err(t_with(
                    &messages::UNDER_INDICATOR,
                    &[("part", parent.as_str().into())],
                ));
            }
            let n = find(all, node)?;
            if is_root(n) {
                return Err(t(&messages::INDEX_NOT_MOVED));
            }
            n.insert("parent".into(), Value::from(parent.as_str()));
        }
        Edit::Delete { node } => {
            let all = nodes(&mut bundle)?;
            if is_root(find(all, node)?) {
                return Err(t(&messages::INDEX_NOT_DELETED));
            }
            let mut gone = subtree(all, node);
            all.retain(|n| text(n, "id").is_none_or(|id| !gone.iter().any(|g| g == id)));
            // Aggregates left without children go too, up to the root.
            loop {
                let empty: Vec<String> = all
                    .iter()
                    .filter_map(Value::as_object)
                    .filter(|n| !is_indicator(n))
                    .filter_map(|n| n.get("id").and_then(Value::as_str))
                    .filter(|id| !all.iter().any(|c| text(c, "parent") == Some(*id)))
                    .map(str::to_string)
                    .collect();
                if empty.is_empty() {
                    break;
                }
                if all.iter().filter_map(Value::as_object).any(|n| {
                    is_root(n)
                        && n.get("id")
                            .and_then(Value::as_str)
                            .is_some_and(|id| empty.iter().any(|e| e == id))
                }) {
                    return Err(t(&messages::NOTHING_LEFT));
                }
                all.retain(|n| text(n, "id").is_none_or(|id| !empty.iter().any(|e| e == id)));
                gone.extend(empty);
            }
            // The method's choices for the parts deleted go with them.
            if let Some(m) = bundle
                .get_mut("method")
                .and_then(|m| m.get_mut("indicators"))
                .and_then(Value::as_object_mut)
            {
                m.retain(|id, _| !gone.contains(id));
            }
        }
    }
    serde_json::to_string(&bundle).map_err(|e| format!("the dataset: {e}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

    use index_core::bundle::Bundle;
    use index_core::dataset::Direction;

    use super::*;

    /// The fixture bundle with an aggregate `sub` under the root, holding `y`.
    fn json() -> String {
        let mut b: Value =
            serde_json::from_str(&crate::fixtures::bundle("2024").to_json().unwrap()).unwrap();
        let fw = b["framework"].as_array_mut().unwrap();
        fw.push(serde_json::json!({"id": "sub", "name": "Sub", "parent": "idx", "weight": 1.0, "kind": "aggregate"}));
        for n in fw.iter_mut() {
            if n["id"] == "y" {
                n["parent"] = "sub".into();
            }
        }
        let text = b.to_string();
        Bundle::from_json(&text).unwrap();
        text
    }

    #[track_caller]
    fn check(edit: Edit) -> Bundle {
        Bundle::from_json(&apply(&json(), &edit).unwrap()).unwrap()
    }

    #[track_caller]
    fn refused(edit: Edit, words: &str) {
        let e = apply(&json(), &edit).unwrap_err();
        assert!(e.contains(words), "{e}");
    }

    fn id(s: &str) -> String {
        s.to_string()
    }

    #[test]
    fn a_rename_names_the_node_and_the_indicator() {
        let b = check(Edit::Rename {
            node: id("x"),
            name: id("  Exports "),
        });
        let fw = b.framework();
        assert_eq!(fw.node(fw.position("x").unwrap()).unwrap().name, "Exports");
        assert_eq!(b.dataset().indicator("x").unwrap().name, "Exports");
        refused(
            Edit::Rename {
                node: id("x"),
                name: id("  "),
            },
            "empty",
        );
        refused(
            Edit::Rename {
                node: id("zz"),
                name: id("Z"),
            },
            "no part `zz`",
        );
    }

    #[test]
    fn a_direction_is_an_indicators() {
        let b = check(Edit::Direction {
            node: id("y"),
            higher: false,
        });
        assert_eq!(
            b.dataset().indicator("y").unwrap().direction,
            Direction::Lower
        );
        refused(
            Edit::Direction {
                node: id("sub"),
                higher: false,
            },
            "not an indicator",
        );
    }

    #[test]
    fn a_move_goes_under_an_aggregate_not_under_itself() {
        let b = check(Edit::Move {
            node: id("x"),
            parent: id("sub"),
        });
        let fw = b.framework();
        let sub = fw.position("sub").unwrap();
        assert_eq!(fw.parent(fw.position("x").unwrap()), Some(sub));
        refused(
            Edit::Move {
                node: id("sub"),
                parent: id("sub"),
            },
            "under itself",
        );
        refused(
            Edit::Move {
                node: id("idx"),
                parent: id("sub"),
            },
            "under itself",
        );
        refused(
            Edit::Move {
                node: id("x"),
                parent: id("y"),
            },
            "is an indicator",
        );
    }

    #[test]
    fn a_delete_takes_what_is_under_it_and_empty_aggregates() {
        let b = check(Edit::Delete { node: id("y") });
        let ids: Vec<&str> = b
            .framework()
            .nodes()
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(ids.len(), 2, "{ids:?}: `sub` went with its one indicator");
        assert!(ids.contains(&"idx") && ids.contains(&"x"));
        let b = check(Edit::Delete { node: id("sub") });
        assert_eq!(b.framework().len(), 2);
        refused(Edit::Delete { node: id("idx") }, "cannot be deleted");
        let no_x = apply(&json(), &Edit::Delete { node: id("x") }).unwrap();
        let e = apply(&no_x, &Edit::Delete { node: id("sub") }).unwrap_err();
        assert!(e.contains("nothing would be left"), "{e}");
    }
}
