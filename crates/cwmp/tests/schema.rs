//! Every sample envelope, encoded for each CWMP version, must validate against the Broadband
//! Forum schema of that version's namespace (with `xmllint`, offline).
//!
//! The schemas are found through `CWMP_SCHEMA_DIR`, or else as `shared/bbf/validate` in an
//! ancestor of this crate. When `xmllint` or the schemas are missing the validation tests print
//! "skipped: ..." and pass, except under `CI=true`, where they fail.

mod common;

use common::{named_samples, samples};
use cwmp::{CwmpVersion, EncodeError, Envelope, Message, Namespace, decode, encode_version};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The schema file that validates a namespace (see the validate README).
fn schema_file(namespace: Namespace) -> &'static str {
    match namespace {
        Namespace::Cwmp10 => "cwmp-1-0.xsd",
        Namespace::Cwmp11 => "cwmp-1-1.xsd",
        Namespace::Cwmp12 => "cwmp-1-4.xsd",
        Namespace::Cwmp13 | Namespace::Cwmp14 => {
            panic!("{namespace} is not a standard namespace and has no schema")
        }
    }
}

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
                "no shared/bbf/validate with the CWMP schemas above {} (set CWMP_SCHEMA_DIR)",
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

/// The schema directory when validation can run; `None` (after saying so) when it cannot and
/// this is not CI. Under `CI=true` missing tools are a failure.
fn tooling() -> Option<PathBuf> {
    let found = xmllint_available().and_then(|()| find_schema_dir());
    match found {
        Ok(dir) => Some(dir),
        Err(why) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("CI=true but schema validation cannot run: {why}")
        }
        Err(why) => {
            eprintln!("skipped: schema validation: {why}");
            None
        }
    }
}

/// A directory for one test's files, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("cwmp-schema-{}-{label}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes the documents to a temp dir and validates them all with one `xmllint` call.
fn validate(schema_dir: &Path, namespace: Namespace, label: &str, docs: &[(String, Vec<u8>)]) {
    let dir = TempDir::new(label);
    let mut files = Vec::new();
    for (name, bytes) in docs {
        let path = dir.0.join(format!("{name}.xml"));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        files.push(path);
    }
    let schema = schema_dir.join(schema_file(namespace));
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .args(&files)
        .output()
        .expect("running xmllint");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{label}: xmllint --schema {} failed ({}):\n{stderr}",
        schema.display(),
        out.status
    );
    // xmllint reports "<file> validates" for each document.
    for file in &files {
        let expected = format!("{} validates", file.display());
        assert!(
            stderr.contains(&expected),
            "{label}: no \"{expected}\" in xmllint output:\n{stderr}"
        );
    }
}

fn encode_all(version: CwmpVersion) -> Vec<(String, Vec<u8>)> {
    named_samples(version)
        .into_iter()
        .map(|(name, env)| {
            let bytes = encode_version(&env, version)
                .unwrap_or_else(|e| panic!("encoding {name} for {version}: {e}"));
            (name, bytes)
        })
        .collect()
}

fn samples_validate(version: CwmpVersion) {
    let Some(schema_dir) = tooling() else { return };
    let docs = encode_all(version);
    assert!(docs.len() > 20, "too few samples for {version}");
    validate(
        &schema_dir,
        version.standard_namespace(),
        &format!("v{version}"),
        &docs,
    );
}

#[test]
fn cwmp_1_0_samples_are_schema_valid() {
    samples_validate(CwmpVersion::V1_0);
}

#[test]
fn cwmp_1_1_samples_are_schema_valid() {
    samples_validate(CwmpVersion::V1_1);
}

#[test]
fn cwmp_1_2_samples_are_schema_valid() {
    samples_validate(CwmpVersion::V1_2);
}

#[test]
fn cwmp_1_3_samples_are_schema_valid() {
    samples_validate(CwmpVersion::V1_3);
}

#[test]
fn cwmp_1_4_samples_are_schema_valid() {
    samples_validate(CwmpVersion::V1_4);
}

fn method_names(envelopes: &[Envelope]) -> BTreeSet<String> {
    envelopes
        .iter()
        .filter(|e| !matches!(e.body, Message::Fault(_)))
        .map(|e| e.body.name().to_string())
        .collect()
}

#[test]
fn samples_cover_every_method_from_1_2_on() {
    let all: BTreeSet<String> = Message::METHODS.iter().map(|m| m.to_string()).collect();
    for version in [CwmpVersion::V1_2, CwmpVersion::V1_3, CwmpVersion::V1_4] {
        let covered = method_names(&samples(version));
        let missing: Vec<_> = all.difference(&covered).collect();
        assert!(missing.is_empty(), "{version}: no sample for {missing:?}");
        assert_eq!(covered, all, "{version}");
    }
}

#[test]
fn each_version_has_exactly_its_own_methods() {
    let latest = samples(CwmpVersion::LATEST);
    for version in CwmpVersion::ALL {
        let expected: BTreeSet<String> = latest
            .iter()
            .filter(|e| e.body.since() <= version && !matches!(e.body, Message::Fault(_)))
            .map(|e| e.body.name().to_string())
            .collect();
        let envelopes = samples(version);
        assert_eq!(method_names(&envelopes), expected, "{version}");
        // One envelope per method plus the two faults, each name once.
        assert_eq!(envelopes.len(), expected.len() + 2, "{version}");
        let faults = envelopes
            .iter()
            .filter(|e| matches!(&e.body, Message::Fault(_)))
            .count();
        assert_eq!(faults, 2, "{version}");
    }
    // 1.0 lacks the 1.1 and 1.2 additions.
    let v10 = method_names(&samples(CwmpVersion::V1_0));
    assert!(!v10.contains("GetAllQueuedTransfers"));
    assert!(!v10.contains("ChangeDUState"));
    assert!(v10.contains("Inform"));
    let v11 = method_names(&samples(CwmpVersion::V1_1));
    assert!(v11.contains("AutonomousTransferComplete"));
    assert!(!v11.contains("ScheduleDownload"));
}

#[test]
fn samples_include_the_faults_and_headers_asked_for() {
    for version in CwmpVersion::ALL {
        let all = samples(version);
        assert!(all.iter().all(|e| e.header.id.is_some()), "{version}: ID");
        assert!(
            all.iter().any(|e| e.header.hold_requests.is_some()),
            "{version}: HoldRequests"
        );
        let spv_fault = all.iter().find_map(|e| match &e.body {
            Message::Fault(f) if !f.detail.set_parameter_values_fault.is_empty() => Some(f),
            _ => None,
        });
        assert!(spv_fault.is_some(), "{version}: SetParameterValues fault");
        let has = |f: fn(&cwmp::Header) -> bool| all.iter().any(|e| f(&e.header));
        assert_eq!(
            has(|h| h.session_timeout.is_some()),
            version >= CwmpVersion::V1_3,
            "{version}: SessionTimeout"
        );
        assert_eq!(
            has(|h| h.supported_cwmp_versions.is_some()),
            version >= CwmpVersion::V1_4,
            "{version}: SupportedCWMPVersions"
        );
        assert_eq!(
            has(|h| h.use_cwmp_version.is_some()),
            version >= CwmpVersion::V1_4,
            "{version}: UseCWMPVersion"
        );
    }
}

#[test]
fn newer_messages_are_refused_for_older_versions() {
    let change_du = samples(CwmpVersion::V1_2)
        .into_iter()
        .find(|e| e.body.name() == "ChangeDUState")
        .expect("ChangeDUState sample");
    assert_eq!(
        encode_version(&change_du, CwmpVersion::V1_0),
        Err(EncodeError::NotInVersion {
            method: "ChangeDUState",
            version: CwmpVersion::V1_0,
            since: CwmpVersion::V1_2,
        })
    );
    // Every message newer than a version is refused for it, and nothing else is.
    for env in samples(CwmpVersion::LATEST) {
        for version in CwmpVersion::ALL {
            let result = encode_version(&env, version);
            if env.body.since() > version {
                assert!(
                    matches!(
                        result,
                        Err(EncodeError::NotInVersion { method, version: v, since })
                            if method == env.body.name() && v == version && since == env.body.since()
                    ),
                    "{} for {version}: {result:?}",
                    env.body.name()
                );
            } else {
                assert!(
                    result.is_ok(),
                    "{} for {version}: {result:?}",
                    env.body.name()
                );
            }
        }
    }
}

#[test]
fn headers_newer_than_the_version_are_dropped_and_still_validate() {
    let inform_13 = samples(CwmpVersion::V1_3)
        .into_iter()
        .find(|e| e.body.name() == "Inform")
        .expect("Inform sample");
    assert_eq!(inform_13.header.session_timeout, Some(60));
    let inform_14 = samples(CwmpVersion::V1_4)
        .into_iter()
        .find(|e| e.body.name() == "Inform")
        .expect("Inform sample");
    assert!(inform_14.header.supported_cwmp_versions.is_some());

    let for_10 = encode_version(&inform_13, CwmpVersion::V1_0).expect("encode for 1.0");
    let text = String::from_utf8(for_10.clone()).expect("UTF-8");
    assert!(!text.contains("SessionTimeout"), "{text}");
    assert!(text.contains("urn:dslforum-org:cwmp-1-0"), "{text}");
    let decoded = decode(&for_10).expect("decode");
    assert_eq!(decoded.envelopes.len(), 1);
    assert_eq!(decoded.envelopes[0].header.session_timeout, None);
    assert_eq!(
        decoded.envelopes[0].header,
        inform_13.header.for_version(CwmpVersion::V1_0)
    );
    assert_eq!(decoded.envelopes[0].body, inform_13.body);

    let for_12 = encode_version(&inform_14, CwmpVersion::V1_2).expect("encode for 1.2");
    let text = String::from_utf8(for_12.clone()).expect("UTF-8");
    assert!(!text.contains("SupportedCWMPVersions"), "{text}");
    assert!(!text.contains("SessionTimeout"), "{text}");

    let for_13 = encode_version(&inform_14, CwmpVersion::V1_3).expect("encode for 1.3");
    let text = String::from_utf8(for_13.clone()).expect("UTF-8");
    assert!(text.contains("SessionTimeout"), "{text}");
    assert!(!text.contains("SupportedCWMPVersions"), "{text}");

    let Some(schema_dir) = tooling() else { return };
    validate(
        &schema_dir,
        Namespace::Cwmp10,
        "dropped-1.0",
        &[("Inform-1.3-as-1.0".into(), for_10)],
    );
    validate(
        &schema_dir,
        Namespace::Cwmp12,
        "dropped-1.2",
        &[
            ("Inform-1.4-as-1.2".into(), for_12),
            ("Inform-1.4-as-1.3".into(), for_13),
        ],
    );
}
