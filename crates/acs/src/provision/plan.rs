//! From declarations to RPCs: what must be read first, then what must change.
//!
//! A declaration says how fresh the ACS's knowledge of some paths must be (per attribute,
//! as a minimum timestamp) and what they should be (value, notification, instance count).
//! Planning is done in rounds, as GenieACS does: while anything declared is not known fresh
//! enough, the round only reads (GetParameterNames, GetParameterValues,
//! GetParameterAttributes); once everything is known, it compares and writes, in a fixed
//! order (DeleteObject, AddObject, SetParameterValues, SetParameterAttributes). After each
//! round the caller applies the answers to the tree and plans again; a round with nothing to
//! do means the declarations hold.

use super::path::{PathPattern, Segment};
use crate::model::{Millis, Tree};
use std::collections::BTreeSet;

/// How fresh each attribute of the declared paths must be known; `None` for "not needed".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Freshness {
    /// That the paths exist (and, for patterns, which instances there are).
    pub path: Option<Millis>,
    pub value: Option<Millis>,
    pub writable: Option<Millis>,
    /// Notification and access list.
    pub attributes: Option<Millis>,
}

/// What the declared paths should be; `None` leaves an attribute as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Desired {
    /// `(value, xsd type)`; the type is the known one when `None`.
    pub value: Option<(String, Option<String>)>,
    pub notification: Option<u8>,
    /// How many instances the pattern may match: `(min, max)`.
    pub instances: Option<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub path: PathPattern,
    pub fresh: Freshness,
    pub desired: Desired,
}

/// One round of RPCs, in the order they are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    /// Objects to discover (GetParameterNames with NextLevel false).
    pub discover: BTreeSet<String>,
    pub read_values: BTreeSet<String>,
    pub read_attributes: BTreeSet<String>,
    /// Instances to delete, by path (ending with '.').
    pub delete: Vec<String>,
    /// Tables to add an instance to, once per entry, with the alias keys the new instance
    /// gets.
    pub add: Vec<(String, Vec<(String, String)>)>,
    /// `(path, value, type)`.
    pub set_values: Vec<(String, String, String)>,
    /// `(path, notification)`.
    pub set_notification: Vec<(String, u8)>,
}

impl Round {
    pub fn is_empty(&self) -> bool {
        *self == Round::default()
    }

    /// Whether this round only reads.
    pub fn reads(&self) -> bool {
        !(self.discover.is_empty()
            && self.read_values.is_empty()
            && self.read_attributes.is_empty())
    }
}

/// The object a pattern's matches live under, as far as it is concrete: where a discovery
/// must start to know which paths match.
fn concrete_root(pattern: &PathPattern) -> String {
    let mut root = String::new();
    for segment in &pattern.segments {
        match segment {
            Segment::Name(n) => {
                root.push_str(n);
                root.push('.');
            }
            _ => break,
        }
    }
    root
}

/// The table a pattern's last segment selects instances of, when it does (`....SSID.*` or
/// `....SSID.[Key:Value]`): `(table path with its dot, alias filters)`.
fn instance_table(pattern: &PathPattern) -> Option<(String, Vec<(String, String)>)> {
    let (last, parents) = pattern.segments.split_last()?;
    let filters = match last {
        Segment::Any => Vec::new(),
        Segment::Alias(filters) => filters.clone(),
        Segment::Name(_) => return None,
    };
    let parent = PathPattern {
        segments: parents.to_vec(),
        object: true,
    };
    if !parent.is_concrete() {
        return None;
    }
    Some((parent.to_string(), filters))
}

/// The next round for `declarations` given what `tree` holds.
pub fn plan(tree: &Tree, declarations: &[Declaration]) -> Round {
    plan_knowing(tree, declarations, &BTreeSet::new())
}

/// [`plan`], knowing that the paths in `absent` (and everything under them) do not exist
/// on the device: the session asked and the CPE said so.
pub fn plan_knowing<'d>(
    tree: &Tree,
    declarations: impl IntoIterator<Item = &'d Declaration> + Clone,
    absent: &BTreeSet<String>,
) -> Round {
    let mut round = Round::default();
    for d in declarations.clone() {
        plan_reads(tree, d, absent, &mut round);
    }
    if round.reads() {
        return round;
    }
    for d in declarations {
        plan_writes(tree, d, &mut round);
    }
    round
}

fn stale(known: Option<Millis>, wanted: Option<Millis>) -> bool {
    wanted.is_some_and(|w| known.is_none_or(|k| k < w))
}

/// Whether `path` is known not to exist: under a path the CPE said it lacks, or under a
/// data-model root the device does not use (a TR-098 device has no `Device.`).
fn known_absent(tree: &Tree, path: &str, absent: &BTreeSet<String>) -> bool {
    let object_form = format!("{}.", path.trim_end_matches('.'));
    if absent
        .iter()
        .any(|a| path == a || object_form.starts_with(a.as_str()) && a.ends_with('.'))
    {
        return true;
    }
    let root = match path.find('.') {
        Some(i) => &path[..=i],
        None => return false,
    };
    !tree.contains_key(root)
        && ["Device.", "InternetGatewayDevice."]
            .iter()
            .any(|r| *r != root && tree.contains_key(*r))
}

fn plan_reads(tree: &Tree, d: &Declaration, absent: &BTreeSet<String>, round: &mut Round) {
    // Knowing which paths match needs the subtree listed at least as recently as wanted; a
    // value to compare needs the value known at all.
    let wants_value = d.fresh.value.or(d.desired.value.as_ref().map(|_| 1));
    let wants_attributes = d.fresh.attributes.or(d.desired.notification.map(|_| 1));
    let wants_path = d
        .fresh
        .path
        .or(d.desired.instances.map(|_| 1))
        .or(wants_value.map(|_| 1))
        .or(wants_attributes.map(|_| 1))
        .or(d.fresh.writable.map(|_| 1));
    // A concrete path is known by its own node; a pattern by the object its matches are
    // listed under.
    let root = if d.path.is_concrete() {
        // As written, unless only its object form is known.
        let exact = d.path.to_string();
        if tree.contains_key(&exact) {
            exact
        } else {
            let as_object = format!("{}.", exact.trim_end_matches('.'));
            if tree.contains_key(&as_object) {
                as_object
            } else {
                exact
            }
        }
    } else {
        concrete_root(&d.path)
    };
    let listed = tree.get(&root).map(|n| n.seen);
    if stale(listed, wants_path) && !known_absent(tree, &root, absent) {
        round.discover.insert(root);
        return;
    }
    for path in d.path.matches(tree) {
        let Some(node) = tree.get(&path) else {
            continue;
        };
        if node.object {
            continue;
        }
        if stale(node.value_timestamp, wants_value) {
            round.read_values.insert(path.clone());
        }
        if stale(node.attributes_timestamp, wants_attributes) {
            round.read_attributes.insert(path.clone());
        }
        if stale(node.writable_timestamp, d.fresh.writable) {
            // GetParameterNames of a parameter reports whether it is writable.
            round.discover.insert(path);
        }
    }
}

fn plan_writes(tree: &Tree, d: &Declaration, round: &mut Round) {
    let matches = d.path.matches(tree);
    if let Some((min, max)) = d.desired.instances
        && let Some((table, filters)) = instance_table(&d.path)
        // A table the device does not have cannot get instances.
        && tree.contains_key(&table)
    {
        let count = u32::try_from(matches.len()).unwrap_or(u32::MAX);
        for _ in count..min {
            round.add.push((table.clone(), filters.clone()));
        }
        if count > max {
            // The newest instances go first: they are the least likely to be in use.
            let mut extra: Vec<&String> = matches.iter().collect();
            extra.sort_by_key(|p| std::cmp::Reverse(instance_number(p)));
            for path in extra.into_iter().take((count - max) as usize) {
                round.delete.push(path.clone());
            }
        }
    }
    for path in matches {
        let Some(node) = tree.get(&path) else {
            continue;
        };
        if node.object {
            continue;
        }
        if let Some((value, wanted_type)) = &d.desired.value {
            let (current, current_type) = node
                .value
                .as_ref()
                .map_or(("", "xsd:string"), |(v, t)| (v.as_str(), t.as_str()));
            let xsd_type = wanted_type
                .clone()
                .unwrap_or_else(|| current_type.to_string());
            if !same_value(current, value, &xsd_type)
                && !round.set_values.iter().any(|(p, _, _)| *p == path)
            {
                round
                    .set_values
                    .push((path.clone(), value.clone(), xsd_type));
            }
        }
        if let Some(notification) = d.desired.notification
            && node.notification != Some(notification)
        {
            round.set_notification.push((path.clone(), notification));
        }
    }
}

/// Whether a device's value is the wanted one, as its type reads: booleans `1`/`true`,
/// numbers `08`/`8`, and times in any offset are the same value however a device spells
/// them, so a device's own spelling does not cause a write in every session.
fn same_value(current: &str, wanted: &str, xsd_type: &str) -> bool {
    if current == wanted {
        return true;
    }
    match xsd_type {
        "xsd:boolean" => {
            let truth = |v: &str| match v.trim() {
                "1" | "true" | "True" | "TRUE" => Some(true),
                "0" | "false" | "False" | "FALSE" => Some(false),
                _ => None,
            };
            truth(current).is_some() && truth(current) == truth(wanted)
        }
        "xsd:int" | "xsd:unsignedInt" | "xsd:long" | "xsd:unsignedLong" => {
            match (
                current.trim().parse::<i128>(),
                wanted.trim().parse::<i128>(),
            ) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            }
        }
        "xsd:dateTime" => match (
            cwmp::DateTime::parse(current),
            cwmp::DateTime::parse(wanted),
        ) {
            (Ok(a), Ok(b)) => a.to_unix() == b.to_unix(),
            _ => false,
        },
        _ => false,
    }
}

/// The instance number at the end of an instance path (`...SSID.10.` is 10).
fn instance_number(path: &str) -> u64 {
    path.trim_end_matches('.')
        .rsplit('.')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    const T0: Millis = 1_000;

    fn tree() -> Tree {
        let mut t = Tree::new();
        let object = Node {
            object: true,
            seen: T0,
            ..Node::default()
        };
        for p in [
            "Device.",
            "Device.WiFi.",
            "Device.WiFi.SSID.",
            "Device.WiFi.SSID.1.",
            "Device.WiFi.SSID.2.",
        ] {
            t.insert(p.into(), object.clone());
        }
        for (i, ssid) in [("1", "Home"), ("2", "Guest")] {
            t.insert(
                format!("Device.WiFi.SSID.{i}.SSID"),
                Node {
                    value: Some((ssid.into(), "xsd:string".into())),
                    value_timestamp: Some(T0),
                    seen: T0,
                    ..Node::default()
                },
            );
        }
        t
    }

    fn declare(path: &str, fresh: Freshness, desired: Desired) -> Declaration {
        Declaration {
            path: PathPattern::parse(path).expect(path),
            fresh,
            desired,
        }
    }

    #[test]
    fn stale_knowledge_is_read_before_anything_is_written() {
        let t = tree();
        let refresh = declare(
            "Device.WiFi.SSID.*.SSID",
            Freshness {
                value: Some(T0 + 1),
                ..Freshness::default()
            },
            Desired::default(),
        );
        let set = declare(
            "Device.WiFi.SSID.1.SSID",
            Freshness::default(),
            Desired {
                value: Some(("Office".into(), None)),
                ..Desired::default()
            },
        );
        let round = plan(&t, &[refresh.clone(), set.clone()]);
        assert!(round.reads());
        assert_eq!(
            round.read_values.iter().collect::<Vec<_>>(),
            ["Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.2.SSID"]
        );
        assert!(round.set_values.is_empty(), "no write while reading");
        // Known fresh enough: the write alone, with the known type.
        let round = plan(&t, &[set]);
        assert_eq!(
            round.set_values,
            [(
                "Device.WiFi.SSID.1.SSID".to_string(),
                "Office".to_string(),
                "xsd:string".to_string()
            )]
        );
    }

    #[test]
    fn an_unknown_concrete_path_is_discovered_as_written() {
        let t = tree();
        let d = declare(
            "Device.WiFi.SSID.1.Enable",
            Freshness::default(),
            Desired {
                value: Some(("true".into(), Some("xsd:boolean".into()))),
                ..Desired::default()
            },
        );
        let round = plan(&t, &[d]);
        assert_eq!(
            round.discover.iter().collect::<Vec<_>>(),
            ["Device.WiFi.SSID.1.Enable"]
        );
    }

    #[test]
    fn a_pattern_listed_too_long_ago_is_discovered_first() {
        let t = tree();
        let d = declare(
            "Device.WiFi.SSID.*.SSID",
            Freshness {
                path: Some(T0 + 1),
                ..Freshness::default()
            },
            Desired::default(),
        );
        let round = plan(&t, &[d]);
        assert_eq!(
            round.discover.iter().collect::<Vec<_>>(),
            ["Device.WiFi.SSID."]
        );
    }

    #[test]
    fn what_already_holds_plans_nothing() {
        let t = tree();
        let d = declare(
            "Device.WiFi.SSID.[SSID:Guest].SSID",
            Freshness {
                value: Some(T0),
                ..Freshness::default()
            },
            Desired {
                value: Some(("Guest".into(), None)),
                ..Desired::default()
            },
        );
        assert!(plan(&t, &[d]).is_empty());
    }

    #[test]
    fn values_compare_as_their_type_reads() {
        assert!(same_value("1", "true", "xsd:boolean"));
        assert!(!same_value("1", "false", "xsd:boolean"));
        assert!(same_value("0600", "600", "xsd:unsignedInt"));
        assert!(same_value(
            "2000-01-01T01:00:00+01:00",
            "2000-01-01T00:00:00Z",
            "xsd:dateTime"
        ));
        assert!(!same_value("1", "true", "xsd:string"));
    }

    #[test]
    fn instance_counts_add_and_delete() {
        let t = tree();
        let at_least = |min, max| {
            declare(
                "Device.WiFi.SSID.*",
                Freshness::default(),
                Desired {
                    instances: Some((min, max)),
                    ..Desired::default()
                },
            )
        };
        let round = plan(&t, &[at_least(4, 4)]);
        let tables: Vec<&str> = round.add.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(tables, ["Device.WiFi.SSID.", "Device.WiFi.SSID."]);
        let round = plan(&t, &[at_least(1, 1)]);
        assert_eq!(round.delete, ["Device.WiFi.SSID.2."]);
        assert!(plan(&t, &[at_least(2, 3)]).is_empty());
    }
}
