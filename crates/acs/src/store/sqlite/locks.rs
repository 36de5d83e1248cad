//! Session locks with leases, held in the memory of the one process that owns the database
//! file (see `lockfile`): taking and releasing them costs no database write.

use crate::model::Millis;
use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Debug, Default)]
pub(super) struct SessionLocks {
    /// Device id → (owner, end of its lease).
    held: Mutex<HashMap<String, (String, Millis)>>,
}

impl SessionLocks {
    /// Takes or extends the lock: granted when it is free, held by `owner` already, or its
    /// lease has run out.
    pub(super) fn acquire(&self, device: &str, owner: &str, now: Millis, lease: Millis) -> bool {
        let Ok(mut held) = self.held.lock() else {
            return false;
        };
        let expires = now.saturating_add(lease);
        match held.get_mut(device) {
            Some((holder, until)) if holder != owner && *until > now => false,
            Some(entry) => {
                *entry = (owner.to_string(), expires);
                true
            }
            None => {
                held.insert(device.to_string(), (owner.to_string(), expires));
                true
            }
        }
    }

    /// Releases the lock if `owner` still holds it; a lock taken over by another owner since
    /// (after this one's lease ran out) stays.
    pub(super) fn release(&self, device: &str, owner: &str) {
        if let Ok(mut held) = self.held.lock()
            && held.get(device).is_some_and(|(holder, _)| holder == owner)
        {
            held.remove(device);
        }
    }
}
