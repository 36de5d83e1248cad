//! Every configuration key with its type and meaning: the environment layer reads variables
//! by it, and [`print_default`] documents the keys from it. A test checks it lists exactly
//! the fields of [`AcsConfig`].

use super::{AcsConfig, ConfigError};
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::net::SocketAddr;

/// The variable naming the config file; not a key itself.
pub(super) const CONFIG_VAR: &str = "ACS_CONFIG";

#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Str,
    Addr,
    /// An unsigned integer no larger than this.
    Int(u64),
    Bool,
    Choice(&'static [&'static str]),
}

#[derive(Debug)]
pub(super) struct Key {
    pub section: Option<&'static str>,
    pub name: &'static str,
    pub kind: Kind,
    /// No default: absent unless set.
    pub optional: bool,
    pub doc: &'static str,
}

const fn key(
    section: Option<&'static str>,
    name: &'static str,
    kind: Kind,
    doc: &'static str,
) -> Key {
    Key {
        section,
        name,
        kind,
        optional: false,
        doc,
    }
}

const fn optional(section: Option<&'static str>, name: &'static str, doc: &'static str) -> Key {
    Key {
        section,
        name,
        kind: Kind::Str,
        optional: true,
        doc,
    }
}

const U32: Kind = Kind::Int(u32::MAX as u64);
const U63: Kind = Kind::Int(i64::MAX as u64);
const CWMP: Option<&str> = Some("cwmp");
const CR: Option<&str> = Some("connection_request");
const TASKS: Option<&str> = Some("tasks");
const STORE: Option<&str> = Some("store");
const PROVISIONING: Option<&str> = Some("provisioning");

pub(super) const SECTIONS: [(&str, &str); 5] = [
    ("cwmp", "The CWMP endpoint CPEs talk to."),
    (
        "connection_request",
        "Connection requests: how the ACS asks a CPE to open a session.",
    ),
    ("tasks", "Retries of faulted tasks."),
    (
        "store",
        "The embedded SQLite store: memory and commit latency traded for CPU.",
    ),
    (
        "provisioning",
        "Limits of presets, provision scripts and extensions.",
    ),
];

pub(super) const KEYS: &[Key] = &[
    key(
        PROVISIONING,
        "script_cpu_ms",
        U63,
        "CPU time of one run of a provision or virtual-parameter script.",
    ),
    key(
        PROVISIONING,
        "script_memory_mib",
        Kind::Int(65_536),
        "Memory for the scripts of one CWMP worker thread.",
    ),
    key(
        PROVISIONING,
        "max_rounds",
        U32,
        "Rounds of RPCs per preset evaluation before the channels still asking fault\n\
        (too_many_rounds).",
    ),
    key(
        PROVISIONING,
        "max_cycles",
        U32,
        "Preset evaluations per session before the channels fault with preset_loop.",
    ),
    key(
        PROVISIONING,
        "extensions_dir",
        Kind::Str,
        "Directory of the programs ext(file, function, ...args) runs.",
    ),
    key(
        PROVISIONING,
        "extension_timeout_ms",
        U63,
        "Longest run of one extension call.",
    ),
    key(
        PROVISIONING,
        "script_cache_entries",
        U63,
        "Script runs remembered, per device and script, so a script whose inputs did not\n\
        change is not run again (about 2 KiB each); 0 remembers none.",
    ),
    key(
        None,
        "cwmp_listen",
        Kind::Addr,
        "Address of the CWMP endpoint (CPEs connect here). Port 0 picks a free port.",
    ),
    key(
        None,
        "nbi_listen",
        Kind::Addr,
        "Address of the REST API (/api/v1, /health, /metrics).",
    ),
    key(
        None,
        "fs_listen",
        Kind::Addr,
        "Address of the file server CPEs download from.",
    ),
    key(
        None,
        "database",
        Kind::Str,
        "sqlite://PATH (created on first start) or postgres://USER:PASSWORD@HOST/DB.",
    ),
    optional(
        None,
        "fs_url",
        "Base URL CPEs download files from, e.g. \"http://acs.example.net:7567\".\n\
        Unset: http://<host>:<file server port>, <host> being the host the CPE reached the CWMP\n\
        endpoint by (its Host header), else the fs_listen IP, else the cwmp_listen IP, else 127.0.0.1.",
    ),
    optional(
        None,
        "api_token",
        "When set, every /api/v1 request needs `Authorization: Bearer <token>`.",
    ),
    key(
        CWMP,
        "body_limit",
        U63,
        "Largest request body accepted, in bytes (after decompression).",
    ),
    key(
        CWMP,
        "read_timeout_secs",
        U63,
        "Longest time to receive one request.",
    ),
    key(
        CWMP,
        "idle_timeout_secs",
        U63,
        "Longest wait for the CPE's next POST in a session, unless the CPE announces\n\
        its own SessionTimeout.",
    ),
    key(
        CWMP,
        "session_lock_secs",
        U63,
        "Lease of a device's session lock: a lock left by a dead session expires after it.",
    ),
    key(
        CWMP,
        "auth",
        Kind::Choice(&["none", "basic", "digest"]),
        "CPE authentication: \"none\", \"basic\" or \"digest\" (qop=auth).",
    ),
    optional(
        CWMP,
        "username",
        "Global CPE username; per-device credentials take precedence.",
    ),
    optional(
        CWMP,
        "password",
        "Global CPE password (set together with username).",
    ),
    key(
        CWMP,
        "allow_basic_over_http",
        Kind::Bool,
        "Accept basic authentication over plain HTTP (the password crosses in clear).",
    ),
    key(
        CWMP,
        "workers",
        Kind::Int(1024),
        "Threads serving CPE connections, each with its own socket on cwmp_listen;\n\
        0 for one per CPU.",
    ),
    optional(
        CR,
        "username",
        "Global connection-request username; per-device credentials and those learnt from\n\
        the device (ConnectionRequestUsername/Password) take precedence.",
    ),
    optional(
        CR,
        "password",
        "Global connection-request password (set together with username).",
    ),
    key(
        CR,
        "allow_basic",
        Kind::Bool,
        "Answer a basic challenge from the CPE, not only digest.",
    ),
    key(
        CR,
        "timeout_secs",
        U63,
        "Longest wait for the CPE's answer to a connection request.",
    ),
    key(
        TASKS,
        "retry_limit",
        U32,
        "Automatic retries of a faulted task; after them it waits for a manual retry.",
    ),
    key(
        TASKS,
        "retry_backoff_secs",
        U63,
        "Wait before the first retry; it doubles with each retry (capped at a day).",
    ),
    key(
        TASKS,
        "transfer_timeout_secs",
        U63,
        "Longest wait for a download's or upload's TransferComplete.",
    ),
    key(
        STORE,
        "device_cache_mib",
        U63,
        "Memory for devices kept decoded between sessions (saves a read and a decode\n\
        per session); 0 turns the cache off.",
    ),
    key(
        STORE,
        "commit_window_ms",
        U63,
        "How long a write may wait for others to share its commit: more sessions per\n\
        commit cost less CPU each, and each session's end waits up to this long.",
    ),
];

impl Key {
    /// `ACS_CWMP_LISTEN`, `ACS_CWMP__AUTH`.
    pub fn env_var(&self) -> String {
        match self.section {
            None => format!("ACS_{}", self.name.to_ascii_uppercase()),
            Some(section) => format!(
                "ACS_{}__{}",
                section.to_ascii_uppercase(),
                self.name.to_ascii_uppercase()
            ),
        }
    }

    /// `cwmp_listen`, `cwmp.auth`.
    pub fn path(&self) -> String {
        match self.section {
            None => self.name.to_owned(),
            Some(section) => format!("{section}.{}", self.name),
        }
    }

    /// An environment value as the TOML value the key takes.
    fn parse(&self, text: &str) -> Result<toml::Value, String> {
        Ok(match self.kind {
            Kind::Str => toml::Value::String(text.to_owned()),
            Kind::Addr => {
                let addr: SocketAddr = text
                    .parse()
                    .map_err(|_| format!("`{text}` is not an address such as 0.0.0.0:7547"))?;
                toml::Value::String(addr.to_string())
            }
            Kind::Int(max) => {
                let n = text
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n <= max)
                    .ok_or_else(|| format!("`{text}` is not a whole number from 0 to {max}"))?;
                // `max` is at most i64::MAX, so this fits.
                toml::Value::Integer(i64::try_from(n).unwrap_or(i64::MAX))
            }
            Kind::Bool => toml::Value::Boolean(match text.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" => true,
                "false" | "0" | "no" | "off" => false,
                _ => return Err(format!("`{text}` is not a boolean (true or false)")),
            }),
            Kind::Choice(choices) => {
                let lower = text.to_ascii_lowercase();
                if !choices.contains(&lower.as_str()) {
                    return Err(format!("`{text}` is not one of {}", choices.join(", ")));
                }
                toml::Value::String(lower)
            }
        })
    }
}

/// The `ACS_*` variables, sorted by name so the first error reported does not depend on the
/// environment's order. A name or value that is not UTF-8 is an error naming the variable.
pub(super) fn acs_vars<I, K, V>(env: I) -> Result<Vec<(String, String)>, ConfigError>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<OsStr>,
    V: AsRef<OsStr>,
{
    let mut vars = Vec::new();
    for (name, value) in env {
        let name = name.as_ref();
        let lossy = name.to_string_lossy();
        if !lossy.starts_with("ACS_") {
            continue;
        }
        let (Some(name), Some(value)) = (name.to_str(), value.as_ref().to_str()) else {
            return Err(ConfigError::BadEnv {
                var: lossy.into_owned(),
                message: "not valid UTF-8".into(),
            });
        };
        vars.push((name.to_owned(), value.to_owned()));
    }
    vars.sort();
    Ok(vars)
}

/// Sets the keys named by `ACS_*` variables in `table` (the file layer).
pub(super) fn apply_env(
    table: &mut toml::Table,
    vars: &[(String, String)],
) -> Result<(), ConfigError> {
    for (var, value) in vars {
        if var == CONFIG_VAR {
            continue;
        }
        let Some(key) = KEYS.iter().find(|k| k.env_var() == *var) else {
            return Err(ConfigError::UnknownEnv {
                var: var.clone(),
                hint: unknown_hint(var),
            });
        };
        let target = match key.section {
            None => &mut *table,
            Some(section) => {
                let entry = table
                    .entry(section)
                    .or_insert_with(|| toml::Value::Table(toml::Table::new()));
                match entry {
                    toml::Value::Table(t) => t,
                    // The file layer was checked against the typed config, so a section is
                    // always a table here.
                    _ => {
                        return Err(ConfigError::Invalid {
                            key: key.section.unwrap_or_default(),
                            message: "must be a table".into(),
                        });
                    }
                }
            }
        };
        if value.is_empty() && key.optional {
            target.remove(key.name);
            continue;
        }
        let parsed = key.parse(value).map_err(|message| ConfigError::BadEnv {
            var: var.clone(),
            message: format!("{} (config key `{}`)", message, key.path()),
        })?;
        target.insert(key.name.to_owned(), parsed);
    }
    Ok(())
}

/// What an unknown `ACS_*` variable was perhaps meant to be: most often a key in a section
/// written with one underscore instead of two.
fn unknown_hint(var: &str) -> String {
    let near = KEYS
        .iter()
        .map(Key::env_var)
        .find(|name| name.replace("__", "_") == var);
    match near {
        Some(name) => format!("no such config key; did you mean {name}?"),
        None => "no such config key; `acs config print-default` lists every key".into(),
    }
}

/// A TOML document with every key, its meaning, its environment variable and its default.
/// Keys without a default are commented out. [`AcsConfig::from_toml_str`] reads it back to
/// the defaults.
pub fn print_default() -> String {
    let defaults = match toml::Value::try_from(AcsConfig::default()) {
        Ok(toml::Value::Table(t)) => t,
        // Serialising a struct of strings, numbers and tables cannot fail; an empty table
        // would still print every key, commented out.
        _ => toml::Table::new(),
    };
    let mut out = String::new();
    out.push_str(
        "# acs configuration: every key with its default.\n\
         #\n\
         # Layers, each overriding the one before: these defaults, this file (--config PATH or\n\
         # ACS_CONFIG=PATH), ACS_* environment variables, command-line flags. The variable for a\n\
         # top-level key is ACS_<KEY> (ACS_CWMP_LISTEN); for a key in a section it is\n\
         # ACS_<SECTION>__<KEY>, with two underscores (ACS_CWMP__AUTH). Unknown keys are errors.\n",
    );
    write_keys(&mut out, None, &defaults);
    for (section, doc) in SECTIONS {
        let values = match defaults.get(section) {
            Some(toml::Value::Table(t)) => t.clone(),
            _ => toml::Table::new(),
        };
        let _ = write!(out, "\n# {doc}\n[{section}]\n");
        write_keys(&mut out, Some(section), &values);
    }
    out
}

fn write_keys(out: &mut String, section: Option<&str>, values: &toml::Table) {
    for key in KEYS.iter().filter(|k| k.section == section) {
        out.push('\n');
        for line in key.doc.lines() {
            let _ = writeln!(out, "# {}", line.trim());
        }
        let flag = match section {
            None => format!(", flag --{}", key.name.replace('_', "-")),
            Some(_) => String::new(),
        };
        let _ = writeln!(out, "# (env {}{flag})", key.env_var());
        match values.get(key.name) {
            Some(value) => {
                let _ = writeln!(out, "{} = {value}", key.name);
            }
            None => {
                let _ = writeln!(out, "# {} = \"\"", key.name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Secret;
    use std::collections::BTreeSet;

    /// The key table and the config structs cannot drift apart: every field (optional ones
    /// set) is a key, every key a field, and every section is documented.
    #[test]
    fn keys_are_exactly_the_config_fields() {
        let mut config = AcsConfig {
            fs_url: Some("http://x".into()),
            api_token: Some(Secret::new("t")),
            ..AcsConfig::default()
        };
        config.cwmp.username = Some("u".into());
        config.cwmp.password = Some(Secret::new("p"));
        config.connection_request.username = Some("u".into());
        config.connection_request.password = Some(Secret::new("p"));
        let Ok(toml::Value::Table(table)) = toml::Value::try_from(&config) else {
            panic!("config serialises to a table");
        };
        let mut fields = BTreeSet::new();
        let mut sections = BTreeSet::new();
        for (name, value) in &table {
            match value {
                toml::Value::Table(inner) => {
                    sections.insert(name.clone());
                    fields.extend(inner.keys().map(|k| format!("{name}.{k}")));
                }
                _ => {
                    fields.insert(name.clone());
                }
            }
        }
        let keys: BTreeSet<String> = KEYS.iter().map(Key::path).collect();
        assert_eq!(keys, fields);
        assert_eq!(KEYS.len(), fields.len(), "no key listed twice");
        let documented: BTreeSet<String> = SECTIONS.iter().map(|(s, _)| s.to_string()).collect();
        assert_eq!(documented, sections);
        // Optional keys are exactly those without a default.
        let Ok(toml::Value::Table(defaults)) = toml::Value::try_from(AcsConfig::default()) else {
            panic!("defaults serialise to a table");
        };
        for key in KEYS {
            let section = match key.section {
                Some(section) => defaults.get(section).and_then(toml::Value::as_table),
                None => Some(&defaults),
            };
            let has_default = section.is_some_and(|t| t.contains_key(key.name));
            assert_eq!(key.optional, !has_default, "{}", key.path());
        }
    }
}
