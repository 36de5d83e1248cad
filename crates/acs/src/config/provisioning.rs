//! `[provisioning]`: limits of presets and provision scripts.

use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProvisioningConfig {
    /// CPU time of one script run.
    pub script_cpu_ms: u64,
    /// Memory of the scripts of one worker thread.
    pub script_memory_mib: u64,
    /// Rounds of RPCs per preset evaluation before the channels still asking fault.
    pub max_rounds: u32,
    /// Preset evaluations per session before `preset_loop`.
    pub max_cycles: u32,
    /// Where `ext(file, ...)` finds its programs.
    pub extensions_dir: String,
    /// Longest run of one extension call.
    pub extension_timeout_ms: u64,
    /// Script runs remembered (per device and script) so unchanged ones need not run again.
    pub script_cache_entries: u64,
}

impl Default for ProvisioningConfig {
    fn default() -> Self {
        ProvisioningConfig {
            script_cpu_ms: 500,
            script_memory_mib: 32,
            max_rounds: 32,
            max_cycles: 4,
            extensions_dir: "ext".into(),
            extension_timeout_ms: 3000,
            script_cache_entries: 200_000,
        }
    }
}

impl ProvisioningConfig {
    pub fn limits(&self) -> crate::provision::sandbox::Limits {
        crate::provision::sandbox::Limits {
            memory_bytes: usize::try_from(self.script_memory_mib.saturating_mul(1 << 20))
                .unwrap_or(usize::MAX),
            cpu: Duration::from_millis(self.script_cpu_ms),
        }
    }

    pub fn script_cache(&self) -> crate::provision::sandbox::ScriptCache {
        crate::provision::sandbox::ScriptCache::new(
            usize::try_from(self.script_cache_entries).unwrap_or(usize::MAX),
        )
    }

    pub fn extensions(&self) -> crate::provision::ext::Extensions {
        crate::provision::ext::Extensions::new(
            &self.extensions_dir,
            Duration::from_millis(self.extension_timeout_ms),
        )
    }
}
