//! The roots of the tree that are the ACS's own knowledge rather than the device's, as
//! GenieACS scripts know them:
//!
//! - `DeviceID.{ID,Manufacturer,OUI,ProductClass,SerialNumber}` (read only),
//! - `Events.{Inform,0_BOOTSTRAP,1_BOOT,Registered}` (times, read only),
//! - `Tags.<name>` (`true` while the device has the tag; declaring `false` removes it),
//! - `Reboot`, `FactoryReset` (the time the ACS last asked for one; declaring a later time
//!   asks again),
//! - `Downloads.<n>.{FileType,FileName,TargetFileName,Download}` (`Download` is the time the
//!   ACS last sent that download; a later time sends it again),
//! - `VirtualParameters.<name>` (values computed by virtual-parameter scripts).
//!
//! DeviceID, Events and Tags are put in the tree when a session starts provisioning and taken
//! out before it is saved (the device record holds them); the others are stored in the tree,
//! so virtual parameters show in the device's parameters and in filters.
//!
//! Times are milliseconds since the epoch as text, typed `xsd:dateTime`.

use crate::engine::apply::{remove_subtree, under};
use crate::model::{DeviceRecord, Millis, Node, Tree};
use std::collections::BTreeSet;

/// The roots that are not the device's.
pub const LOCAL_ROOTS: [&str; 7] = [
    "DeviceID",
    "Events",
    "Tags",
    "Reboot",
    "FactoryReset",
    "Downloads",
    "VirtualParameters",
];

/// The roots [`sync`] adds and [`strip`] removes.
const TRANSIENT: [&str; 3] = ["DeviceID.", "Events.", "Tags."];

const DATE: &str = "xsd:dateTime";

/// Whether a path (or a pattern's text) belongs to the ACS rather than the device.
pub fn is_local(path: &str) -> bool {
    let root = path.split('.').next().unwrap_or("");
    LOCAL_ROOTS.contains(&root)
}

/// A time as local nodes and devices write it: milliseconds, or an xsd:dateTime.
pub fn time_value(text: &str) -> Option<Millis> {
    let text = text.trim();
    if let Ok(ms) = text.parse::<i64>() {
        return Some(ms);
    }
    cwmp::DateTime::parse(text)
        .ok()
        .map(|t| t.to_unix().saturating_mul(1000))
}

fn leaf(value: String, ty: &str, writable: bool, now: Millis) -> Node {
    Node {
        object: false,
        value: Some((value, ty.to_string())),
        writable: Some(writable),
        seen: now,
        value_timestamp: Some(now),
        writable_timestamp: Some(now),
        ..Node::default()
    }
}

fn object(now: Millis) -> Node {
    Node {
        object: true,
        writable: Some(false),
        seen: now,
        writable_timestamp: Some(now),
        ..Node::default()
    }
}

/// Sets a local leaf, creating its objects.
pub fn set_local(tree: &mut Tree, path: &str, value: String, ty: &str, now: Millis) {
    let mut end = 0;
    while let Some(dot) = path[end..].find('.') {
        end += dot + 1;
        tree.entry(path[..end].to_string())
            .and_modify(|n| n.seen = now)
            .or_insert_with(|| object(now));
    }
    tree.insert(path.to_string(), leaf(value, ty, true, now));
}

/// Puts the device's identity, events and tags in its tree, and one node per virtual
/// parameter (keeping values already computed, dropping ones no longer defined).
pub fn sync<'a>(
    device: &mut DeviceRecord,
    virtual_parameters: impl IntoIterator<Item = &'a str>,
    now: Millis,
) {
    let tree = &mut device.tree;
    for root in TRANSIENT {
        tree.insert(root.to_string(), object(now));
    }
    let ids = [
        ("ID", &device.id),
        ("Manufacturer", &device.manufacturer),
        ("OUI", &device.oui),
        ("ProductClass", &device.product_class),
        ("SerialNumber", &device.serial_number),
    ];
    for (name, value) in ids {
        tree.insert(
            format!("DeviceID.{name}"),
            leaf(value.clone(), "xsd:string", false, now),
        );
    }
    let events = [
        ("Inform", Some(device.last_inform)),
        ("0_BOOTSTRAP", device.last_bootstrap),
        ("1_BOOT", device.last_boot),
        ("Registered", Some(device.first_seen)),
    ];
    for (name, time) in events {
        if let Some(t) = time {
            tree.insert(
                format!("Events.{name}"),
                leaf(t.to_string(), DATE, false, now),
            );
        }
    }
    for tag in &device.tags {
        tree.insert(
            format!("Tags.{tag}"),
            leaf("true".into(), "xsd:boolean", true, now),
        );
    }
    let defined: BTreeSet<&str> = virtual_parameters.into_iter().collect();
    let stale: Vec<String> = under(tree, "VirtualParameters.")
        .filter(|(k, _)| !defined.contains(&k["VirtualParameters.".len()..]))
        .map(|(k, _)| k.clone())
        .filter(|k| k != "VirtualParameters.")
        .collect();
    for k in stale {
        tree.remove(&k);
    }
    if defined.is_empty() {
        tree.remove("VirtualParameters.");
        return;
    }
    tree.insert("VirtualParameters.".into(), object(now));
    for name in defined {
        let node = tree.entry(format!("VirtualParameters.{name}")).or_default();
        node.object = false;
        node.seen = now;
    }
}

/// Takes out what [`sync`] put in that the device record already holds.
pub fn strip(tree: &mut Tree) {
    for root in TRANSIENT {
        remove_subtree(tree, root);
    }
}

/// Adds or removes a tag on the record and in the synced tree; true if it changed.
pub fn set_tag(device: &mut DeviceRecord, name: &str, present: bool, now: Millis) -> bool {
    let path = format!("Tags.{name}");
    if present {
        device
            .tree
            .insert(path, leaf("true".into(), "xsd:boolean", true, now));
        device.tags.insert(name.to_string())
    } else {
        device.tree.remove(&path);
        device.tags.remove(name)
    }
}

/// The time a local time node holds.
pub fn time_at(tree: &Tree, path: &str) -> Option<Millis> {
    tree.get(path)
        .and_then(|n| n.value.as_ref())
        .and_then(|(v, _)| time_value(v))
}

/// Records that the ACS sent a Reboot, FactoryReset or download at `now`.
pub fn record_time(tree: &mut Tree, path: &str, now: Millis) {
    set_local(tree, path, now.to_string(), DATE, now);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_events_and_tags_come_and_go() {
        let mut d = DeviceRecord {
            id: "OUI-SN".into(),
            serial_number: "SN".into(),
            last_inform: 5_000,
            first_seen: 1_000,
            ..DeviceRecord::default()
        };
        d.tags.insert("lab".into());
        d.tree
            .insert("VirtualParameters.gone".into(), Node::default());
        sync(&mut d, ["uptime"], 5_000);
        assert_eq!(
            d.tree["DeviceID.SerialNumber"].value,
            Some(("SN".into(), "xsd:string".into()))
        );
        assert_eq!(time_at(&d.tree, "Events.Inform"), Some(5_000));
        assert!(d.tree.contains_key("Tags.lab"));
        assert!(d.tree.contains_key("VirtualParameters.uptime"));
        assert!(!d.tree.contains_key("VirtualParameters.gone"));
        assert!(!d.tree.contains_key("Events.1_BOOT"), "never booted");
        assert!(set_tag(&mut d, "new", true, 6_000));
        assert!(!set_tag(&mut d, "new", true, 6_000), "already there");
        assert!(d.tags.contains("new"));
        strip(&mut d.tree);
        assert!(
            d.tree
                .keys()
                .all(|k| !k.starts_with("Tags.") && !k.starts_with("DeviceID."))
        );
        assert!(d.tree.contains_key("VirtualParameters.uptime"), "kept");
    }

    #[test]
    fn times_read_in_both_spellings() {
        assert_eq!(time_value("1500"), Some(1500));
        assert_eq!(time_value("1970-01-01T00:00:02Z"), Some(2000));
        assert_eq!(time_value("soon"), None);
        assert!(is_local("Tags.x") && is_local("Reboot") && !is_local("Device.X"));
    }
}
