//! Golden fixtures: the exact bytes the encoder writes for every sample envelope of every CWMP
//! version, committed under `tests/fixtures/golden/<version>/<MethodName>.xml`.
//!
//! Each sample must encode to its fixture byte for byte, and decoding the fixture must give the
//! sample back (with the header as `Header::for_version` says it reads back).
//!
//! After an intended change to the encoder or to the samples in `tests/common/`,
//! regenerate the fixtures and review the diff before committing it:
//!
//!     UPDATE_GOLDEN=1 cargo test -p cwmp --test golden
//!
//! In that mode the test rewrites every fixture (and deletes fixtures no sample produces any
//! more) instead of comparing.

mod common;

use common::{golden_dir, named_samples};
use cwmp::{CwmpVersion, decode, encode_version};
use std::collections::BTreeSet;
use std::path::Path;

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1")
}

/// Where two byte strings first differ, with some context, for a readable failure.
fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let at = expected
        .iter()
        .zip(actual)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(actual.len()));
    let context = |bytes: &[u8]| {
        let start = at.saturating_sub(60);
        let end = (at + 60).min(bytes.len());
        String::from_utf8_lossy(&bytes[start..end]).into_owned()
    };
    format!(
        "first difference at byte {at} (fixture {} bytes, encoded {} bytes)\n  fixture: ...{}...\n  encoded: ...{}...",
        expected.len(),
        actual.len(),
        context(expected),
        context(actual)
    )
}

fn fixture_names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".xml"))
                .collect()
        })
        .unwrap_or_default()
}

fn check_version(version: CwmpVersion) {
    let dir = golden_dir(version);
    let samples = named_samples(version);
    let expected_files: BTreeSet<String> = samples
        .iter()
        .map(|(name, _)| format!("{name}.xml"))
        .collect();
    assert_eq!(
        expected_files.len(),
        samples.len(),
        "{version}: two samples share a fixture name"
    );

    if updating() {
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        for stale in fixture_names(&dir).difference(&expected_files) {
            let path = dir.join(stale);
            std::fs::remove_file(&path)
                .unwrap_or_else(|e| panic!("removing {}: {e}", path.display()));
        }
    } else {
        let present = fixture_names(&dir);
        let unexpected: Vec<_> = present.difference(&expected_files).collect();
        assert!(
            unexpected.is_empty(),
            "{version}: fixtures without a sample in {}: {unexpected:?} (UPDATE_GOLDEN=1 removes them)",
            dir.display()
        );
    }

    for (name, sample) in &samples {
        let path = dir.join(format!("{name}.xml"));
        let encoded = encode_version(sample, version)
            .unwrap_or_else(|e| panic!("{version} {name}: encode: {e}"));

        if updating() {
            std::fs::write(&path, &encoded)
                .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        }
        let fixture = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "reading {}: {e} (generate it with UPDATE_GOLDEN=1)",
                path.display()
            )
        });
        assert!(
            fixture == encoded,
            "{version} {name}: encoding differs from {}\n{}",
            path.display(),
            first_difference(&fixture, &encoded)
        );

        let decoded = decode(&fixture)
            .unwrap_or_else(|e| panic!("{version} {name}: decoding {}: {e}", path.display()));
        assert_eq!(
            decoded.envelopes.len(),
            1,
            "{version} {name}: envelopes in fixture"
        );
        let got = &decoded.envelopes[0];
        assert_eq!(
            got.header,
            sample.header.for_version(version),
            "{version} {name}: header"
        );
        assert_eq!(got.body, sample.body, "{version} {name}: body");

        // The dialect reads back as written: the standard namespace, and the version that
        // namespace implies unless a UseCWMPVersion header says more.
        let dialect = decoded.dialect.expect("dialect of a fixture");
        assert_eq!(
            dialect.namespace,
            version.standard_namespace(),
            "{version} {name}: namespace"
        );
        let expected_version = got
            .header
            .use_cwmp_version
            .unwrap_or(version.standard_namespace().version());
        assert_eq!(
            dialect.version, expected_version,
            "{version} {name}: version"
        );
    }
}

#[test]
fn golden_1_0() {
    check_version(CwmpVersion::V1_0);
}

#[test]
fn golden_1_1() {
    check_version(CwmpVersion::V1_1);
}

#[test]
fn golden_1_2() {
    check_version(CwmpVersion::V1_2);
}

#[test]
fn golden_1_3() {
    check_version(CwmpVersion::V1_3);
}

#[test]
fn golden_1_4() {
    check_version(CwmpVersion::V1_4);
}

/// The fixtures are what a peer sees on the wire, so a few properties are checked on the files
/// themselves, independently of the encoder that wrote them.
#[test]
fn fixtures_look_like_cwmp_on_the_wire() {
    if updating() {
        return;
    }
    for version in CwmpVersion::ALL {
        let dir = golden_dir(version);
        let ns = format!("xmlns:cwmp=\"{}\"", version.standard_namespace().uri());
        for (name, _) in named_samples(version) {
            let path = dir.join(format!("{name}.xml"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            assert!(
                text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
                "{}",
                path.display()
            );
            assert!(text.contains(&ns), "{}: no {ns}", path.display());
            assert!(
                text.contains("<cwmp:ID soap-env:mustUnderstand=\"1\">"),
                "{}: no ID header",
                path.display()
            );
            let body = if name.ends_with("Fault") {
                "<soap-env:Fault>".to_string()
            } else {
                format!("<cwmp:{name}>")
            };
            assert!(text.contains(&body), "{}: no {body}", path.display());
            assert!(!text.contains("NoMoreRequests"), "{}", path.display());
            if version < CwmpVersion::V1_3 {
                assert!(!text.contains("SessionTimeout"), "{}", path.display());
            }
            if version < CwmpVersion::V1_4 {
                assert!(!text.contains("CWMPVersion"), "{}", path.display());
            }
        }
    }
}
