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
    devices: LruCache<String, Entry>,
    bytes: usize,
}

#[derive(Debug)]
struct Entry {
    device: Arc<DeviceRecord>,
    /// The digest of its indexed values as stored (see `params`).
    digest: i64,
    cost: usize,
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
            .map(|e| Arc::clone(&e.device))?;
        // Cloned outside the lock: a large tree takes a while.
        Some(DeviceRecord::clone(&found))
    }

    /// The stored digest of a cached device's indexed values: a cached device exists in the
    /// database with these values. Called on the writer thread, which alone changes entries.
    pub(super) fn stored_digest(&self, id: &str) -> Option<i64> {
        self.inner.lock().ok()?.devices.peek(id).map(|e| e.digest)
    }

    /// After a commit that wrote `device`, whose stored JSON is about `json_bytes` long.
    /// `tags` are its stored tags; `None` when the session did not read them because the
    /// cached entry holds them (a device no longer cached then stays out).
    pub(super) fn put(
        &self,
        mut device: DeviceRecord,
        json_bytes: usize,
        digest: i64,
        tags: Option<std::collections::BTreeSet<String>>,
    ) {
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
        match tags {
            Some(tags) => device.tags = tags,
            None => match lru.devices.peek(&device.id) {
                Some(cached) => device.tags.clone_from(&cached.device.tags),
                None => return,
            },
        }
        let id = device.id.clone();
        let entry = Entry {
            device: Arc::new(device),
            digest,
            cost,
        };
        if let Some(old) = lru.devices.put(id, entry) {
            lru.bytes -= old.cost;
        }
        lru.bytes += cost;
        while lru.bytes > self.budget {
            match lru.devices.pop_lru() {
                Some((_, freed)) => lru.bytes -= freed.cost,
                None => break,
            }
        }
    }

    /// After a commit that changed a device's tags: `tags` are all of them now.
    pub(super) fn set_tags(&self, id: &str, tags: std::collections::BTreeSet<String>) {
        let Ok(mut lru) = self.inner.lock() else {
            return;
        };
        if let Some(entry) = lru.devices.peek_mut(id) {
            Arc::make_mut(&mut entry.device).tags = tags;
        }
    }

    /// After a commit that deleted the device, or one whose outcome is unknown.
    pub(super) fn remove(&self, id: &str) {
        if let Ok(mut lru) = self.inner.lock()
            && let Some(entry) = lru.devices.pop(id)
        {
            lru.bytes -= entry.cost;
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
            cache.put(device(id), 100, 0, Some(Default::default()));
        }
        assert!(cache.get("a").is_some());
        cache.put(device("e"), 100, 0, Some(Default::default()));
        assert!(cache.get("b").is_none(), "b was the least recently used");
        for id in ["a", "c", "d", "e"] {
            assert!(cache.get(id).is_some(), "{id}");
        }
    }

    #[test]
    fn tags_and_removal_follow_commits() {
        let cache = DeviceCache::new(1 << 20);
        cache.put(device("a"), 100, 7, Some(Default::default()));
        assert_eq!(cache.stored_digest("a"), Some(7));
        cache.set_tags("a", ["lab".to_string()].into());
        assert_eq!(cache.get("a").map(|d| d.tags.len()), Some(1));
        // A later save that did not read the tags keeps the cached ones.
        cache.put(device("a"), 100, 8, None);
        assert_eq!(cache.get("a").map(|d| d.tags.len()), Some(1));
        cache.remove("a");
        assert!(cache.get("a").is_none());
        // Tags of a device not cached do not create it.
        cache.set_tags("b", Default::default());
        cache.put(device("b"), 100, 0, None);
        assert!(cache.get("b").is_none(), "tags unknown");
    }

    #[test]
    fn no_budget_caches_nothing_and_huge_devices_are_not_kept() {
        let off = DeviceCache::new(0);
        off.put(device("a"), 10, 0, Some(Default::default()));
        assert!(off.get("a").is_none());
        let small = DeviceCache::new(10_000);
        small.put(device("a"), 100, 0, Some(Default::default()));
        small.put(device("a"), 5_000, 0, Some(Default::default()));
        assert!(small.get("a").is_none(), "the stale small copy went too");
    }
}
