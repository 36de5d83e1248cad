//! Validation of recorded CPE envelopes against the Broadband Forum schemas with `xmllint`.
//!
//! The schemas are found through `CWMP_SCHEMA_DIR`, or else as `shared/bbf/validate` in an
//! ancestor of this crate. When `xmllint` or the schemas are missing the validation is skipped
//! with a message, except under `CI=true`, where that is a failure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn find_schema_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("CWMP_SCHEMA_DIR").filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return if dir.join("cwmp-1-4.xsd").is_file() {
            Ok(dir)
        } else {
            Err(format!(
                "CWMP_SCHEMA_DIR={} has no cwmp-1-4.xsd",
                dir.display()
            ))
        };
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|a| a.join("shared/bbf/validate"))
        .find(|d| d.join("cwmp-1-4.xsd").is_file())
        .ok_or_else(|| {
            format!(
                "no shared/bbf/validate above {} (set CWMP_SCHEMA_DIR)",
                manifest.display()
            )
        })
}

fn xmllint_available() -> Result<(), String> {
    match Command::new("xmllint").arg("--version").output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!("`xmllint --version` failed with {}", out.status)),
        Err(e) => Err(format!("xmllint not found ({e}); install libxml2-utils")),
    }
}

/// The schema directory, or `None` after saying why validation is skipped.
fn tooling() -> Option<PathBuf> {
    match xmllint_available().and_then(|()| find_schema_dir()) {
        Ok(dir) => Some(dir),
        Err(why) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("CI=true but schema validation cannot run: {why}")
        }
        Err(why) => {
            eprintln!("skipped: schema validation of the CPE's envelopes: {why}");
            None
        }
    }
}

/// The schema file for the cwmp namespace an envelope uses (cwmp-1-2 covers 1.2 to 1.4).
fn schema_for(envelope: &[u8]) -> &'static str {
    let text = String::from_utf8_lossy(envelope);
    if text.contains("urn:dslforum-org:cwmp-1-0") {
        "cwmp-1-0.xsd"
    } else if text.contains("urn:dslforum-org:cwmp-1-1") {
        "cwmp-1-1.xsd"
    } else if text.contains("urn:dslforum-org:cwmp-1-2") {
        "cwmp-1-4.xsd"
    } else {
        panic!("envelope in no standard cwmp namespace:\n{text}")
    }
}

/// Validates every envelope: they are written to a temporary directory and checked with one
/// `xmllint` call per schema. Returns how many were validated (0 when skipped).
pub fn validate_envelopes(label: &str, envelopes: &[Vec<u8>]) -> usize {
    assert!(!envelopes.is_empty(), "{label}: no envelopes to validate");
    let Some(schema_dir) = tooling() else {
        return 0;
    };
    let dir = TempDir::new(label);
    let dir = &dir.0;
    let mut by_schema: BTreeMap<&str, Vec<PathBuf>> = BTreeMap::new();
    for (i, envelope) in envelopes.iter().enumerate() {
        let path = dir.join(format!("{i:04}.xml"));
        std::fs::write(&path, envelope).expect("write envelope");
        by_schema
            .entry(schema_for(envelope))
            .or_default()
            .push(path);
    }
    for (schema, files) in &by_schema {
        let out = Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(schema_dir.join(schema))
            .args(files)
            .output()
            .expect("running xmllint");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let invalid: Vec<String> = files
            .iter()
            .filter(|f| !stderr.contains(&format!("{} validates", f.display())))
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .take(3)
            .collect();
        assert!(
            out.status.success() && invalid.is_empty(),
            "{label}: envelopes fail {schema}:\n{stderr}\nfirst invalid ones:\n{}",
            invalid.join("\n----\n")
        );
    }
    envelopes.len()
}

/// A directory for the envelope files, removed when dropped (also after a failure).
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("cpe-envelopes-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
