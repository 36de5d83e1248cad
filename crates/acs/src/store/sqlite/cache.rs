//! Devices kept decoded between their sessions, within a memory budget.
//!
//! Decoding a device's tree from its stored JSON is most of what loading it costs (hundreds
//! of microseconds for a thousand parameters), and the device was just encoded by the end
//! of its previous session. The process owns the database file, so what it last wrote is
//! what is stored, and the cache is filled only from writes:
//!
//! - every change to a cached device (its session's save, a tag, its deletion) is applied
//!   by the writer thread after the commit, in commit order, so the cache never runs ahead
//!   of the database nor goes back in time;
//! - a load that misses reads the database and does not fill the cache: a load racing a
//!   commit could otherwise put back the version that commit replaced.
//!
//! Least recently used devices leave first when the budget is exceeded. A device's cost is
//! estimated from the size of its stored JSON.

use crate::model::DeviceRecord;
use lru::LruCache;
use std::sync::{Arc, Mutex};

#[derive(Debug)]
pub(super) struct DeviceCache {
    budget: usize,
    inner: Mutex<Lru>,
}

#[derive(Debug)]
struct Lru {
    devices: LruCache<String, (Arc<DeviceRecord>, usize)>,
    bytes: usize,
}

impl DeviceCache {
    pub(super) fn new(budget: usize) -> DeviceCache {
        DeviceCache {
            budget,
            inner: Mutex::new(Lru {
                devices: LruCache::unbounded(),
                bytes: 0,
            }),
        }
    }

    /// A copy of the cached device (the session changes its own copy).
    pub(super) fn get(&self, id: &str) -> Option<DeviceRecord> {
        if self.budget == 0 {
            return None;
        }
        let found = self
            .inner
            .lock()
            .ok()?
            .devices
            .get(id)
            .map(|(d, _)| Arc::clone(d))?;
        // Cloned outside the lock: a large tree takes a while.
        Some(DeviceRecord::clone(&found))
    }

    /// After a commit that wrote `device`, whose stored JSON is about `json_bytes` long.
    pub(super) fn put(&self, device: DeviceRecord, json_bytes: usize) {
        // Decoded strings, map nodes and their keys take about twice the JSON.
        let cost = json_bytes.saturating_mul(2) + 512;
        if cost > self.budget / 4 {
            // One device must not push out a quarter of the others.
            self.remove(&device.id);
            return;
        }
        let Ok(mut lru) = self.inner.lock() else {
            return;
        };
        let id = device.id.clone();
        if let Some((_, old)) = lru.devices.put(id, (Arc::new(device), cost)) {
            lru.bytes -= old;
        }
        lru.bytes += cost;
        while lru.bytes > self.budget {
            match lru.devices.pop_lru() {
                Some((_, (_, freed))) => lru.bytes -= freed,
                None => break,
            }
        }
    }

    /// After a commit that changed a device's tags: `tags` are all of them now.
    pub(super) fn set_tags(&self, id: &str, tags: std::collections::BTreeSet<String>) {
        let Ok(mut lru) = self.inner.lock() else {
            return;
        };
        if let Some((device, _)) = lru.devices.peek_mut(id) {
            Arc::make_mut(device).tags = tags;
        }
    }

    /// After a commit that deleted the device, or one whose outcome is unknown.
    pub(super) fn remove(&self, id: &str) {
        if let Ok(mut lru) = self.inner.lock()
            && let Some((_, cost)) = lru.devices.pop(id)
        {
            lru.bytes -= cost;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(id: &str) -> DeviceRecord {
        DeviceRecord {
            id: id.into(),
            ..DeviceRecord::default()
        }
    }

    #[test]
    fn least_recently_used_devices_leave_first() {
        // Each device costs 2 * 100 + 512 = 712 bytes; four fit.
        let cache = DeviceCache::new(3000);
        for id in ["a", "b", "c", "d"] {
            cache.put(device(id), 100);
        }
        assert!(cache.get("a").is_some());
        cache.put(device("e"), 100);
        assert!(cache.get("b").is_none(), "b was the least recently used");
        for id in ["a", "c", "d", "e"] {
            assert!(cache.get(id).is_some(), "{id}");
        }
    }

    #[test]
    fn tags_and_removal_follow_commits() {
        let cache = DeviceCache::new(1 << 20);
        cache.put(device("a"), 100);
        cache.set_tags("a", ["lab".to_string()].into());
        assert_eq!(cache.get("a").map(|d| d.tags.len()), Some(1));
        cache.remove("a");
        assert!(cache.get("a").is_none());
        // Tags of a device not cached do not create it.
        cache.set_tags("b", Default::default());
        assert!(cache.get("b").is_none());
    }

    #[test]
    fn no_budget_caches_nothing_and_huge_devices_are_not_kept() {
        let off = DeviceCache::new(0);
        off.put(device("a"), 10);
        assert!(off.get("a").is_none());
        let small = DeviceCache::new(10_000);
        small.put(device("a"), 100);
        small.put(device("a"), 5_000);
        assert!(small.get("a").is_none(), "the stale small copy went too");
    }
}
