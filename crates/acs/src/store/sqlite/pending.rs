//! Which devices may have unfinished tasks, so the sessions of the others (nearly every
//! periodic one) skip reading the task table.
//!
//! The set is exact from the moment a task is queued (it is marked after its commit, before
//! the caller hears back) and conservative after: a device leaves it only when a read of its
//! tasks found none unfinished and nothing was queued for it since that read began, which
//! each mark's generation tells.

use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Debug, Default)]
pub(super) struct PendingTasks {
    inner: Mutex<Marks>,
}

#[derive(Debug, Default)]
struct Marks {
    devices: HashMap<String, u64>,
    generation: u64,
}

impl PendingTasks {
    pub(super) fn from_devices(devices: impl IntoIterator<Item = String>) -> PendingTasks {
        let pending = PendingTasks::default();
        for device in devices {
            pending.mark(&device);
        }
        pending
    }

    /// After a commit that queued (or re-queued) a task of `device`.
    pub(super) fn mark(&self, device: &str) {
        let Ok(mut marks) = self.inner.lock() else {
            return;
        };
        marks.generation += 1;
        let generation = marks.generation;
        marks.devices.insert(device.to_string(), generation);
    }

    /// The device's mark if it may have unfinished tasks; `None` means it has none.
    pub(super) fn check(&self, device: &str) -> Option<u64> {
        // A poisoned lock only means a panic elsewhere: answer "maybe", which reads.
        match self.inner.lock() {
            Ok(marks) => marks.devices.get(device).copied(),
            Err(_) => Some(0),
        }
    }

    /// A read that began when the mark was `seen` found no unfinished task: unmark the
    /// device unless a task was queued for it since.
    pub(super) fn clear(&self, device: &str, seen: u64) {
        if let Ok(mut marks) = self.inner.lock()
            && marks.devices.get(device) == Some(&seen)
        {
            marks.devices.remove(device);
        }
    }

    /// After a commit that deleted the device.
    pub(super) fn forget(&self, device: &str) {
        if let Ok(mut marks) = self.inner.lock() {
            marks.devices.remove(device);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_queued_during_a_read_keeps_the_mark() {
        let pending = PendingTasks::from_devices(["a".to_string()]);
        assert!(pending.check("b").is_none());
        let seen = pending.check("a").expect("marked");
        pending.mark("a");
        pending.clear("a", seen);
        assert!(pending.check("a").is_some(), "queued since the read began");
        let seen = pending.check("a").expect("marked");
        pending.clear("a", seen);
        assert!(pending.check("a").is_none());
        pending.mark("a");
        pending.forget("a");
        assert!(pending.check("a").is_none());
    }
}
