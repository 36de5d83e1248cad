//! How what the CPE says lands in the learnt parameter tree.
//!
//! Every write stamps the attribute it learnt with the session time, and marks the node and
//! its ancestors as seen: a value proves that the objects above it exist.

use crate::model::{Millis, Node, Tree};
use cwmp::ValueType;
use cwmp::message::{
    ParameterAttributeStruct, ParameterInfoStruct, SetParameterAttributes, SetParameterValues,
};
use std::collections::HashSet;
use std::ops::Bound;

/// The canonical `xsd:` spelling of a type as given by a device or a task (`unsignedInt`,
/// `xs:unsignedInt` and `xsd:unsignedInt` are one type).
pub(crate) fn normalize_type(raw: &str) -> String {
    ValueType::from_xsi_type(raw).xsi_type().to_string()
}

/// The nodes whose path starts with `prefix` (`prefix` itself included), in order.
pub(crate) fn under<'t>(
    tree: &'t Tree,
    prefix: &'t str,
) -> impl Iterator<Item = (&'t String, &'t Node)> {
    tree.range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
        .take_while(move |(k, _)| k.starts_with(prefix))
}

/// Marks the objects above `path` as seen, creating the ones the tree does not know yet.
fn touch_ancestors(tree: &mut Tree, path: &str, now: Millis) {
    let bytes = path.as_bytes();
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == b'.') {
        let prefix = &path[..=i];
        if prefix.len() == path.len() {
            break;
        }
        match tree.get_mut(prefix) {
            Some(node) => node.seen = node.seen.max(now),
            None => {
                tree.insert(
                    prefix.to_string(),
                    Node {
                        object: true,
                        seen: now,
                        ..Node::default()
                    },
                );
            }
        }
    }
}

/// The node at `path`, created when missing; objects end with `.`.
fn node_mut<'t>(tree: &'t mut Tree, path: &str, now: Millis) -> &'t mut Node {
    touch_ancestors(tree, path, now);
    let node = tree.entry(path.to_string()).or_default();
    node.object = path.ends_with('.');
    node.seen = node.seen.max(now);
    node
}

/// Records a parameter value. Without a type the one already known is kept (devices often
/// omit `xsi:type`), else `xsd:string`.
pub(crate) fn set_value(tree: &mut Tree, path: &str, text: &str, ty: Option<&str>, now: Millis) {
    if path.is_empty() || path.ends_with('.') {
        return;
    }
    let ty = match ty {
        Some(t) => normalize_type(t),
        None => known_type(tree, path).unwrap_or_else(|| "xsd:string".to_string()),
    };
    let node = node_mut(tree, path, now);
    node.value = Some((text.to_string(), ty));
    node.value_timestamp = Some(now);
}

/// Records a value the CPE reported when asked (GetParameterValues). A CPE reads every
/// password back as an empty string (TR-069 A.3.2.1), so an empty password does not replace
/// the one the ACS set: the ACS still knows it, as of now.
pub(crate) fn read_value(tree: &mut Tree, path: &str, text: &str, ty: Option<&str>, now: Millis) {
    if text.is_empty()
        && crate::model::is_secret(path)
        && let Some(node) = tree.get_mut(path)
        && node.value.as_ref().is_some_and(|(v, _)| !v.is_empty())
    {
        node.value_timestamp = Some(now);
        node.seen = node.seen.max(now);
        return;
    }
    set_value(tree, path, text, ty, now);
}

/// The type the tree knows for a parameter.
pub(crate) fn known_type(tree: &Tree, path: &str) -> Option<String> {
    tree.get(path)
        .and_then(|n| n.value.as_ref())
        .map(|(_, t)| t.clone())
}

/// The type of `rest` in any instance of `table` (`Device.WiFi.SSID.`), for the values of a
/// new instance whose own parameters the tree cannot know yet.
pub(crate) fn sibling_type(tree: &Tree, table: &str, rest: &str) -> Option<String> {
    under(tree, table).find_map(|(k, n)| {
        let (instance, tail) = k[table.len()..].split_once('.')?;
        let numbered = !instance.is_empty() && instance.bytes().all(|b| b.is_ascii_digit());
        (numbered && tail == rest)
            .then(|| n.value.as_ref().map(|(_, t)| t.clone()))
            .flatten()
    })
}

/// Records a GetParameterNames answer for `scope` (NextLevel false): names and writability,
/// and everything under an object scope the answer no longer lists is forgotten. Returns how
/// many nodes were removed.
pub(crate) fn apply_names(
    tree: &mut Tree,
    scope: &str,
    list: &[ParameterInfoStruct],
    now: Millis,
) -> usize {
    for info in list {
        if info.name.is_empty() {
            continue;
        }
        let node = node_mut(tree, &info.name, now);
        node.writable = Some(info.writable);
        node.writable_timestamp = Some(now);
    }
    if !scope.is_empty() {
        if !scope.ends_with('.') {
            return 0;
        }
        // The answer proves the scope exists even when a device leaves it out of the list.
        node_mut(tree, scope, now);
    }
    let present: HashSet<&str> = list.iter().map(|i| i.name.as_str()).collect();
    let stale: Vec<String> = under(tree, scope)
        .filter(|(k, _)| k.as_str() != scope && !present.contains(k.as_str()))
        .map(|(k, _)| k.clone())
        .collect();
    for k in &stale {
        tree.remove(k);
    }
    stale.len()
}

/// Records a GetParameterNames answer for the object `scope` with NextLevel true: its direct
/// children and their writability. Direct children it no longer lists are forgotten with
/// everything under them. A child object is not marked seen: its own children were not
/// listed. Returns how many nodes were removed.
pub(crate) fn apply_children(
    tree: &mut Tree,
    scope: &str,
    list: &[ParameterInfoStruct],
    now: Millis,
) -> usize {
    if !scope.ends_with('.') {
        return 0;
    }
    node_mut(tree, scope, now);
    for info in list {
        let Some(rest) = info.name.strip_prefix(scope) else {
            continue;
        };
        if rest.is_empty() || rest.trim_end_matches('.').contains('.') {
            continue;
        }
        let node = if info.name.ends_with('.') {
            tree.entry(info.name.clone()).or_insert_with(|| Node {
                object: true,
                ..Node::default()
            })
        } else {
            node_mut(tree, &info.name, now)
        };
        node.writable = Some(info.writable);
        node.writable_timestamp = Some(now);
    }
    let present: HashSet<&str> = list.iter().map(|i| i.name.as_str()).collect();
    let gone: Vec<String> = under(tree, scope)
        .map(|(k, _)| k)
        .filter(|k| {
            let rest = &k[scope.len()..];
            !rest.is_empty() && !rest.trim_end_matches('.').contains('.')
        })
        .filter(|k| !present.contains(k.as_str()))
        .cloned()
        .collect();
    let mut removed = 0;
    for k in gone {
        removed += remove_subtree(tree, &k);
    }
    removed
}

/// Forgets `path` and everything under it; an object path ends with `.`.
pub(crate) fn remove_subtree(tree: &mut Tree, path: &str) -> usize {
    if !path.ends_with('.') {
        return usize::from(tree.remove(path).is_some());
    }
    let doomed: Vec<String> = under(tree, path).map(|(k, _)| k.clone()).collect();
    for k in &doomed {
        tree.remove(k);
    }
    doomed.len()
}

/// Records a new instance that AddObject created.
pub(crate) fn add_instance(tree: &mut Tree, instance: &str, now: Millis) {
    node_mut(tree, instance, now);
}

/// Records a GetParameterAttributes answer.
pub(crate) fn apply_attributes(tree: &mut Tree, list: &[ParameterAttributeStruct], now: Millis) {
    for a in list {
        if a.name.is_empty() || a.name.ends_with('.') {
            continue;
        }
        let node = node_mut(tree, &a.name, now);
        node.notification = Some(a.notification);
        node.access_list = Some(a.access_list.clone());
        node.attributes_timestamp = Some(now);
    }
}

/// Records attributes the CPE accepted from SetParameterAttributes. A partial path applies to
/// every parameter the tree knows under it, as it did on the device.
pub(crate) fn set_attributes(
    tree: &mut Tree,
    name: &str,
    notification: Option<u8>,
    access_list: Option<&[String]>,
    now: Millis,
) {
    let targets: Vec<String> = if name.is_empty() || name.ends_with('.') {
        under(tree, name)
            .filter(|(_, n)| !n.object)
            .map(|(k, _)| k.clone())
            .collect()
    } else {
        vec![name.to_string()]
    };
    for path in targets {
        let node = node_mut(tree, &path, now);
        if let Some(n) = notification {
            node.notification = Some(n);
        }
        if let Some(list) = access_list {
            node.access_list = Some(list.to_vec());
        }
        node.attributes_timestamp = Some(now);
    }
}

/// Records what a successful SetParameterValues set.
pub(crate) fn values_set(tree: &mut Tree, request: &SetParameterValues, now: Millis) {
    for p in &request.parameter_list {
        let ty = p.value.ty.as_ref().map(ValueType::xsi_type);
        set_value(tree, &p.name, &p.value.text, ty, now);
    }
    learn_parameter_key(tree, &request.parameter_key, now);
}

/// Records what a successful SetParameterAttributes set.
pub(crate) fn attributes_set(tree: &mut Tree, request: &SetParameterAttributes, now: Millis) {
    for a in &request.parameter_list {
        set_attributes(
            tree,
            &a.name,
            a.notification_change.then_some(a.notification),
            a.access_list_change.then_some(a.access_list.as_slice()),
            now,
        );
    }
}

/// After a successful SetParameterValues, AddObject or DeleteObject the CPE's ParameterKey is
/// the key the ACS sent (TR-069 A.3.2.1); the tree learns it without asking.
pub(crate) fn learn_parameter_key(tree: &mut Tree, key: &str, now: Millis) {
    for root in ["Device.", "InternetGatewayDevice."] {
        let path = format!("{root}ManagementServer.ParameterKey");
        if let Some(node) = tree.get_mut(&path) {
            let ty = node
                .value
                .as_ref()
                .map_or_else(|| "xsd:string".to_string(), |(_, t)| t.clone());
            node.value = Some((key.to_string(), ty));
            node.value_timestamp = Some(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(name: &str, writable: bool) -> ParameterInfoStruct {
        ParameterInfoStruct {
            name: name.into(),
            writable,
        }
    }

    #[test]
    fn values_create_their_objects_and_keep_known_types() {
        let mut tree = Tree::new();
        set_value(&mut tree, "Device.A.B", "5", Some("unsignedInt"), 10);
        assert!(tree["Device."].object && tree["Device.A."].object);
        assert_eq!(tree["Device.A."].seen, 10);
        assert_eq!(
            tree["Device.A.B"].value,
            Some(("5".into(), "xsd:unsignedInt".into()))
        );
        set_value(&mut tree, "Device.A.B", "6", None, 20);
        let b = &tree["Device.A.B"];
        assert_eq!(b.value, Some(("6".into(), "xsd:unsignedInt".into())));
        assert_eq!((b.seen, b.value_timestamp), (20, Some(20)));
        set_value(&mut tree, "Device.A.C", "x", None, 20);
        assert_eq!(
            tree["Device.A.C"].value.as_ref().map(|v| v.1.as_str()),
            Some("xsd:string")
        );
    }

    #[test]
    fn an_empty_password_read_keeps_the_one_the_acs_set() {
        let mut tree = Tree::new();
        let path = "Device.ManagementServer.ConnectionRequestPassword";
        read_value(&mut tree, path, "", None, 1);
        assert_eq!(tree[path].value, Some((String::new(), "xsd:string".into())));
        set_value(&mut tree, path, "s3cret", None, 2);
        read_value(&mut tree, path, "", None, 3);
        assert_eq!(
            tree[path].value.as_ref().map(|v| v.0.as_str()),
            Some("s3cret")
        );
        assert_eq!(tree[path].value_timestamp, Some(3));
        read_value(&mut tree, "Device.X.Name", "", None, 3);
        read_value(&mut tree, path, "changed", None, 4);
        assert_eq!(
            tree[path].value.as_ref().map(|v| v.0.as_str()),
            Some("changed")
        );
    }

    #[test]
    fn names_prune_what_the_device_no_longer_has() {
        let mut tree = Tree::new();
        set_value(&mut tree, "Device.T.1.X", "a", None, 1);
        set_value(&mut tree, "Device.T.2.X", "b", None, 1);
        set_value(&mut tree, "Device.U.Y", "c", None, 1);
        let removed = apply_names(
            &mut tree,
            "Device.T.",
            &[
                info("Device.T.", true),
                info("Device.T.1.", true),
                info("Device.T.1.X", false),
            ],
            5,
        );
        assert_eq!(removed, 2, "Device.T.2. and Device.T.2.X");
        assert!(!tree.contains_key("Device.T.2.") && !tree.contains_key("Device.T.2.X"));
        assert!(tree.contains_key("Device.U.Y"), "outside the scope");
        assert_eq!(tree["Device.T.1.X"].writable, Some(false));
        assert_eq!(tree["Device.T.1.X"].writable_timestamp, Some(5));
        assert_eq!(tree["Device.T."].writable, Some(true));
    }

    #[test]
    fn a_next_level_listing_knows_the_children_only() {
        let mut tree = Tree::new();
        set_value(&mut tree, "Device.M.Old", "x", None, 1);
        set_value(&mut tree, "Device.M.Sub.Deep", "y", None, 1);
        set_value(&mut tree, "Device.M.Gone.Deep", "z", None, 1);
        let removed = apply_children(
            &mut tree,
            "Device.M.",
            &[
                info("Device.M.Old", true),
                info("Device.M.New", false),
                info("Device.M.Sub.", false),
            ],
            9,
        );
        assert_eq!(removed, 2, "Device.M.Gone. and what is under it");
        assert_eq!(tree["Device.M.New"].writable, Some(false));
        assert_eq!(tree["Device.M.New"].seen, 9);
        assert!(
            tree.contains_key("Device.M.Sub.Deep"),
            "deeper levels are not judged"
        );
        assert_eq!(
            tree["Device.M.Sub."].seen, 1,
            "a child object's children were not listed"
        );
    }

    #[test]
    fn sibling_types_come_from_other_instances() {
        let mut tree = Tree::new();
        set_value(&mut tree, "Device.T.1.Enable", "1", Some("xsd:boolean"), 1);
        set_value(
            &mut tree,
            "Device.T.1.Sub.Enable",
            "x",
            Some("xsd:string"),
            1,
        );
        assert_eq!(
            sibling_type(&tree, "Device.T.", "Enable").as_deref(),
            Some("xsd:boolean")
        );
        assert_eq!(sibling_type(&tree, "Device.T.", "Other"), None);
    }

    #[test]
    fn partial_attribute_paths_reach_every_known_parameter() {
        let mut tree = Tree::new();
        set_value(&mut tree, "Device.T.1.A", "1", None, 1);
        set_value(&mut tree, "Device.T.1.B", "1", None, 1);
        set_attributes(&mut tree, "Device.T.", Some(2), None, 9);
        assert_eq!(tree["Device.T.1.A"].notification, Some(2));
        assert_eq!(tree["Device.T.1.B"].attributes_timestamp, Some(9));
        assert_eq!(tree["Device.T.1."].notification, None, "objects have none");
    }
}
