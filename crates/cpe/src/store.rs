//! Device state on disk: one JSON file per device in a state directory, replaced atomically
//! (write a temporary file, fsync it, rename it over the old one, fsync the directory), so a
//! power loss leaves either the old state or the new one, never a torn file.

use crate::device::DeviceSnapshot;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use state directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("state file {path} is corrupt: {source}")]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// A directory holding the state of every device of a process.
#[derive(Debug, Clone)]
pub struct StateDir {
    dir: PathBuf,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// File names are serial numbers made safe: anything but `[A-Za-z0-9._-]` is hex-escaped.
fn file_name(serial: &str) -> String {
    let mut name = String::with_capacity(serial.len() + 5);
    for b in serial.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || (b == b'.' && !name.is_empty()) {
            name.push(char::from(b));
        } else {
            name.push_str(&format!("%{b:02X}"));
        }
    }
    name.push_str(".json");
    name
}

impl StateDir {
    pub fn open(dir: impl Into<PathBuf>) -> Result<StateDir, StoreError> {
        let dir = dir.into();
        fs::create_dir_all(&dir).map_err(io(&dir))?;
        Ok(StateDir { dir })
    }

    pub fn path_of(&self, serial: &str) -> PathBuf {
        self.dir.join(file_name(serial))
    }

    /// The saved state of a device, or `None` if it has never been saved (a new device).
    pub fn load(&self, serial: &str) -> Result<Option<DeviceSnapshot>, StoreError> {
        let path = self.path_of(serial);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(&path)(e)),
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| StoreError::Corrupt { path, source })
    }

    /// Saves durably: when this returns, the state survives a power loss.
    pub fn save(&self, snapshot: &DeviceSnapshot) -> Result<(), StoreError> {
        let path = self.path_of(&snapshot.serial);
        let tmp = path.with_extension("json.tmp");
        let json = serde_json::to_vec(snapshot).map_err(|source| StoreError::Corrupt {
            path: path.clone(),
            source,
        })?;
        let mut file = File::create(&tmp).map_err(io(&tmp))?;
        file.write_all(&json).map_err(io(&tmp))?;
        file.sync_all().map_err(io(&tmp))?;
        drop(file);
        fs::rename(&tmp, &path).map_err(io(&path))?;
        // The rename itself must reach the disk too.
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(io(&self.dir))?;
        Ok(())
    }

    pub fn remove(&self, serial: &str) -> Result<(), StoreError> {
        let path = self.path_of(serial);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&path)(e)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cpe-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn saves_and_loads_atomically() {
        let dir = temp_dir("roundtrip");
        let store = StateDir::open(&dir).expect("creatable");
        assert_eq!(store.load("SN1").expect("readable"), None);
        let mut snap = DeviceSnapshot {
            serial: "SN1".into(),
            retry_count: 3,
            ..Default::default()
        };
        snap.events.push(("0 BOOTSTRAP".into(), String::new()));
        store.save(&snap).expect("saved");
        assert_eq!(store.load("SN1").expect("readable"), Some(snap.clone()));
        snap.retry_count = 0;
        store.save(&snap).expect("saved again");
        assert_eq!(
            store.load("SN1").expect("readable").map(|s| s.retry_count),
            Some(0)
        );
        assert!(!store.path_of("SN1").with_extension("json.tmp").exists());
        store.remove("SN1").expect("removed");
        assert_eq!(store.load("SN1").expect("readable"), None);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn odd_serials_make_safe_file_names_and_corruption_is_reported() {
        assert_eq!(file_name("ACME-001_x"), "ACME-001_x.json");
        assert_eq!(file_name("../etc/passwd"), "%2E.%2Fetc%2Fpasswd.json");
        let dir = temp_dir("corrupt");
        let store = StateDir::open(&dir).expect("creatable");
        fs::write(store.path_of("SN2"), b"{not json").expect("writable");
        assert!(matches!(store.load("SN2"), Err(StoreError::Corrupt { .. })));
        let _ = fs::remove_dir_all(&dir);
    }
}
