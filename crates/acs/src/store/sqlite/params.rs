//! The `device_params` index: one row per parameter value of a device's tree, kept in step
//! with the tree on every save so filters on values are index searches.
//!
//! Rewriting a thousand index rows per session would cost more than the session itself, so
//! each save compares a digest of the indexed values with the one stored on the device row
//! and leaves the index alone when nothing indexed changed (the common periodic Inform). When
//! something did, only the rows whose value changed are upserted and the rows of values that
//! disappeared deleted (see `save`).
//!
//! The digest is SipHash keyed randomly per store instance: a device cannot craft values that
//! collide with its previous ones to leave the index stale. A digest written by another
//! instance never matches, which only costs one full (no-op) upsert.

use crate::filter::numeric_value;
use crate::model::{DeviceRecord, Tree};
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// The digest of the values of `tree` that the index holds.
pub(super) fn digest(key: &RandomState, tree: &Tree) -> i64 {
    let mut h = key.build_hasher();
    for (path, value) in indexed(tree) {
        h.write(path.as_bytes());
        // 0xFF never occurs in UTF-8, so it separates fields unambiguously.
        h.write_u8(0xff);
        h.write(value.as_bytes());
        h.write_u8(0xff);
    }
    i64::from_ne_bytes(h.finish().to_ne_bytes())
}

/// Every node with a known value is indexed, objects included, as the filter evaluator reads
/// `tree.get(path).value`.
fn indexed(tree: &Tree) -> impl Iterator<Item = (&str, &str)> {
    tree.iter().filter_map(|(path, node)| {
        // Passwords the ACS set are kept to use, never to search: a filter on them would
        // let an API user guess them.
        if crate::model::is_secret(path) {
            return None;
        }
        node.value
            .as_ref()
            .map(|(value, _)| (path.as_str(), value.as_str()))
    })
}

/// The index rows of `tree`: `(path, value, the value as a number when it reads as one)`.
pub(super) fn rows(tree: &Tree) -> impl Iterator<Item = (&str, &str, Option<f64>)> {
    indexed(tree).map(|(path, value)| (path, value, numeric_value(value)))
}

/// The text fields that read as numbers, as a JSON object, for filters comparing them with a
/// number literal (see `filter_sql`).
pub(super) fn text_numbers(d: &DeviceRecord) -> String {
    let fields = [
        ("id", &d.id),
        ("oui", &d.oui),
        ("productClass", &d.product_class),
        ("serialNumber", &d.serial_number),
        ("manufacturer", &d.manufacturer),
        ("remoteAddress", &d.remote_address),
    ];
    let map: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .filter_map(|(key, text)| Some(((*key).to_string(), numeric_value(text)?.into())))
        .collect();
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    fn tree(values: &[(&str, &str)]) -> Tree {
        values
            .iter()
            .map(|(p, v)| {
                let node = Node {
                    value: Some(((*v).to_string(), "xsd:string".to_string())),
                    ..Node::default()
                };
                ((*p).to_string(), node)
            })
            .collect()
    }

    #[test]
    fn digest_changes_with_values_not_with_timestamps() {
        let key = RandomState::new();
        let a = tree(&[("Device.A", "1"), ("Device.B", "x")]);
        let mut b = a.clone();
        for node in b.values_mut() {
            node.value_timestamp = Some(42);
            node.seen = 42;
        }
        assert_eq!(digest(&key, &a), digest(&key, &b));
        let c = tree(&[("Device.A", "1"), ("Device.B", "y")]);
        assert_ne!(digest(&key, &a), digest(&key, &c));
        // Moving text between path and value is a different index.
        let d = tree(&[("Device.A", "1x"), ("Device.B", "")]);
        let e = tree(&[("Device.A", "1"), ("Device.Bx", "")]);
        assert_ne!(digest(&key, &d), digest(&key, &e));
    }
}
