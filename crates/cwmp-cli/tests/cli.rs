//! Runs the real `cwmp` binary on the fixtures in `tests/fixtures/`.

use serde_json::{Value, json};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn ok(self) -> String {
        assert_eq!(self.code, Some(0), "failed: {}", self.stderr);
        assert!(self.stderr.is_empty(), "unexpected stderr: {}", self.stderr);
        self.stdout
    }

    fn json(self) -> Value {
        let out = self.ok();
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }

    /// Asserts the failure contract: status 1, nothing on stdout, one `error: ` line.
    fn error(self) -> String {
        assert_eq!(
            self.code,
            Some(1),
            "stdout: {} stderr: {}",
            self.stdout,
            self.stderr
        );
        assert!(self.stdout.is_empty(), "stdout on error: {}", self.stdout);
        assert!(self.stderr.starts_with("error: "), "{}", self.stderr);
        assert_eq!(
            self.stderr.lines().count(),
            1,
            "not one line: {}",
            self.stderr
        );
        self.stderr
    }
}

fn cwmp(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cwmp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start cwmp");
    let mut input = child.stdin.take().expect("stdin");
    // The binary may exit before reading (usage errors): a broken pipe is fine here.
    let _ = input.write_all(stdin);
    drop(input);
    let out = child.wait_with_output().expect("wait for cwmp");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    path.to_str().expect("UTF-8 path").to_string()
}

fn decode_file(name: &str) -> Value {
    cwmp(&["decode", &fixture(name)], b"").json()
}

fn encode(json: &Value, flags: &[&str]) -> String {
    let mut args = vec!["encode"];
    args.extend_from_slice(flags);
    args.push("-");
    cwmp(&args, json.to_string().as_bytes()).ok()
}

fn decode_str(xml: &str) -> Value {
    cwmp(&["decode", "-"], xml.as_bytes()).json()
}

#[test]
fn decodes_an_inform_capture() {
    let doc = decode_file("inform-1.0.xml");
    assert_eq!(doc["cwmpVersion"], "1.0");
    assert_eq!(doc["namespace"], "urn:dslforum-org:cwmp-1-0");
    let envelopes = doc["envelopes"].as_array().expect("envelopes");
    assert_eq!(envelopes.len(), 1);
    let env = &envelopes[0];
    assert_eq!(env["Header"], json!({"ID": "1001"}));
    let inform = &env["Body"]["Inform"];
    assert_eq!(
        inform["DeviceId"],
        json!({
            "Manufacturer": "Acme Networks",
            "OUI": "00D09E",
            "ProductClass": "HG8245",
            "SerialNumber": "ACME00012345"
        })
    );
    assert_eq!(
        inform["Event"],
        json!([
            {"EventCode": "1 BOOT", "CommandKey": ""},
            {"EventCode": "M Reboot", "CommandKey": "reboot-42"}
        ])
    );
    assert_eq!(inform["MaxEnvelopes"], json!(1));
    assert_eq!(inform["RetryCount"], json!(0));
    assert_eq!(inform["CurrentTime"], "2024-03-01T12:34:56+01:00");
    let params = inform["ParameterList"].as_array().expect("ParameterList");
    assert_eq!(params.len(), 4);
    assert_eq!(
        params[0],
        json!({
            "Name": "InternetGatewayDevice.DeviceInfo.SoftwareVersion",
            "Value": {"type": "xsd:string", "value": "V3R017C10S120"}
        })
    );
    // Entities are resolved, and a value without xsi:type has no "type".
    assert_eq!(
        params[1]["Value"]["value"],
        "http://10.0.0.2:7547/cr?a=1&b=2"
    );
    assert_eq!(
        params[3]["Value"],
        json!({"value": "InternetGatewayDevice:1.4[](Baseline:1)"})
    );
}

#[test]
fn faults_have_numeric_codes() {
    let doc = decode_file("fault-1.2.xml");
    let fault = &doc["envelopes"][0]["Body"]["Fault"];
    assert_eq!(fault["faultcode"], "Client");
    assert_eq!(fault["detail"]["FaultCode"], json!(9003));
    assert_eq!(
        fault["detail"]["SetParameterValuesFault"][1],
        json!({
            "ParameterName": "Device.DeviceInfo.Manufacturer",
            "FaultCode": 9008,
            "FaultString": "Attempt to set a non-writable parameter"
        })
    );
}

#[test]
fn round_trips_in_the_version_of_the_capture() {
    for (name, version, namespace) in [
        ("inform-1.0.xml", "1.0", "urn:dslforum-org:cwmp-1-0"),
        ("gpv-response-1.1.xml", "1.1", "urn:dslforum-org:cwmp-1-1"),
        (
            "change-du-state-1.2.xml",
            "1.2",
            "urn:dslforum-org:cwmp-1-2",
        ),
        ("fault-1.2.xml", "1.2", "urn:dslforum-org:cwmp-1-2"),
        (
            "inform-response-1.4.xml",
            "1.4",
            "urn:dslforum-org:cwmp-1-2",
        ),
        (
            "transfer-complete-1-3-namespace.xml",
            "1.3",
            "urn:dslforum-org:cwmp-1-3",
        ),
    ] {
        let first = decode_file(name);
        assert_eq!(first["cwmpVersion"], version, "{name}");
        assert_eq!(first["namespace"], namespace, "{name}");
        let xml = encode(&first, &[]);
        assert!(
            xml.contains(&format!("xmlns:cwmp=\"{namespace}\"")),
            "{name}: {xml}"
        );
        let second = decode_str(&xml);
        assert_eq!(first, second, "{name} changed in the round trip");
    }
}

#[test]
fn round_trips_an_inform_through_every_version() {
    let original = decode_file("inform-1.0.xml");
    // CWMP 1.3 and 1.4 share the cwmp-1-2 namespace; without a UseCWMPVersion header a
    // capture in it reads as 1.2.
    for (flag, read_back) in [
        ("1.0", "1.0"),
        ("1.1", "1.1"),
        ("1.2", "1.2"),
        ("1.3", "1.2"),
        ("1.4", "1.2"),
    ] {
        let xml = encode(&original, &["--cwmp-version", flag]);
        let again = decode_str(&xml);
        assert_eq!(again["cwmpVersion"], read_back, "encoded as {flag}");
        assert_eq!(
            again["envelopes"], original["envelopes"],
            "encoded as {flag}"
        );
    }
}

#[test]
fn headers_the_version_lacks_are_left_out() {
    let doc = decode_file("inform-response-1.4.xml");
    assert_eq!(doc["envelopes"][0]["Header"]["SessionTimeout"], json!(60));
    let as_1_3 = decode_str(&encode(&doc, &["--cwmp-version", "1.3"]));
    assert_eq!(
        as_1_3["envelopes"][0]["Header"],
        json!({"ID": "1", "SessionTimeout": 60})
    );
    let as_1_2 = decode_str(&encode(&doc, &["--cwmp-version", "1.2"]));
    assert_eq!(as_1_2["envelopes"][0]["Header"], json!({"ID": "1"}));
    assert_eq!(
        as_1_2["envelopes"][0]["Body"],
        json!({"InformResponse": {"MaxEnvelopes": 1}})
    );
}

#[test]
fn single_envelope_input_and_forced_namespace() {
    let envelope = json!({
        "Header": {"ID": "r-1"},
        "Body": {"Reboot": {"CommandKey": "maintenance"}}
    });
    let xml = encode(
        &envelope,
        &[
            "--cwmp-version",
            "1.3",
            "--namespace",
            "urn:dslforum-org:cwmp-1-3",
        ],
    );
    assert!(
        xml.contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-3\""),
        "{xml}"
    );
    let doc = decode_str(&xml);
    assert_eq!(doc["namespace"], "urn:dslforum-org:cwmp-1-3");
    assert_eq!(doc["envelopes"], json!([envelope]));
}

#[test]
fn several_envelopes_in_one_body() {
    let a = std::fs::read_to_string(fixture("inform-1.0.xml")).expect("fixture");
    let b = std::fs::read_to_string(fixture("gpv-response-1.1.xml")).expect("fixture");
    let doc = decode_str(&format!("{a}{b}"));
    let envelopes = doc["envelopes"].as_array().expect("envelopes");
    assert_eq!(envelopes.len(), 2);
    assert!(envelopes[0]["Body"]["Inform"].is_object());
    assert!(envelopes[1]["Body"]["GetParameterValuesResponse"].is_object());
    // The first envelope tells the dialect; both are written in it and read back the same.
    assert_eq!(doc["cwmpVersion"], "1.0");
    let xml = encode(&doc, &[]);
    assert_eq!(xml.matches("<?xml").count(), 2);
    assert_eq!(decode_str(&xml), doc);
}

#[test]
fn reads_stdin() {
    let capture = std::fs::read(fixture("gpv-response-1.1.xml")).expect("fixture");
    let from_stdin = cwmp(&["decode", "-"], &capture).json();
    assert_eq!(from_stdin, decode_file("gpv-response-1.1.xml"));
    let values = &from_stdin["envelopes"][0]["Body"]["GetParameterValuesResponse"];
    assert_eq!(
        values["ParameterList"][0]["Value"],
        json!({"type": "xsd:string", "value": "Home <5G>"})
    );
}

#[test]
fn empty_bodies() {
    let empty_post = cwmp(&["decode", "-"], b"").json();
    assert_eq!(
        empty_post,
        json!({"cwmpVersion": null, "namespace": null, "envelopes": []})
    );
    // An envelope with an empty Body counts as no message, but still tells the dialect.
    let empty_envelope = decode_file("empty-body.xml");
    assert_eq!(
        empty_envelope,
        json!({
            "cwmpVersion": "1.2",
            "namespace": "urn:dslforum-org:cwmp-1-2",
            "envelopes": []
        })
    );
    // And back: no envelopes is an empty body, with or without a version.
    assert_eq!(encode(&empty_post, &[]), "");
    assert_eq!(encode(&empty_envelope, &["--cwmp-version", "1.0"]), "");
}

#[test]
fn bad_xml_reports_where() {
    let err = cwmp(&["decode", &fixture("bad-xml.xml")], b"").error();
    assert!(err.contains("bad-xml.xml"), "{err}");
    assert!(err.contains("malformed XML"), "{err}");
    assert!(err.contains("line 6, column 7"), "{err}");
    assert!(
        err.contains("Envelope/Body/GetParameterValues/ParameterNames"),
        "{err}"
    );

    let err = cwmp(&["decode", "-"], b"<Envelope><Body>").error();
    assert!(err.contains("unexpected end of document"), "{err}");
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn bad_json_reports_where() {
    let text = "{\n  \"cwmpVersion\": \"1.2\",\n  \"envelopes\": [\n    {\"Body\": {\"Reboot\": {\"CommandKey\": 5}}}\n  ]\n}";
    let err = cwmp(&["encode", "-"], text.as_bytes()).error();
    assert!(err.contains("invalid JSON"), "{err}");
    assert!(err.contains("line 4 column"), "{err}");

    let err = cwmp(&["encode", "-"], b"{\"Body\": {\"Reboot\": {").error();
    assert!(err.contains("EOF while parsing"), "{err}");

    let err = cwmp(
        &["encode", "-"],
        br#"{"cwmpVersion": "1.2", "envelopes": [{"Body": {"NoSuchMethod": {}}}]}"#,
    )
    .error();
    assert!(err.contains("NoSuchMethod"), "{err}");
}

#[test]
fn missing_version_asks_for_the_flag() {
    let envelope = json!({"Body": {"GetRPCMethods": {}}});
    let err = cwmp(&["encode", "-"], envelope.to_string().as_bytes()).error();
    assert!(err.contains("--cwmp-version"), "{err}");

    let doc = json!({"cwmpVersion": null, "envelopes": [envelope]});
    let err = cwmp(&["encode", "-"], doc.to_string().as_bytes()).error();
    assert!(err.contains("--cwmp-version"), "{err}");
}

#[test]
fn unknown_versions_list_the_accepted_ones() {
    let err = cwmp(&["encode", "--cwmp-version", "2.0", "-"], b"{}").error();
    assert!(err.contains("1.0, 1.1, 1.2, 1.3 or 1.4"), "{err}");

    let doc = br#"{"cwmpVersion": "1.5", "envelopes": []}"#;
    let err = cwmp(&["encode", "-"], doc).error();
    assert!(err.contains("`1.4`"), "{err}");

    let err = cwmp(
        &[
            "encode",
            "--cwmp-version",
            "1.2",
            "--namespace",
            "urn:x",
            "-",
        ],
        b"{}",
    )
    .error();
    assert!(err.contains("urn:dslforum-org:cwmp-1-0"), "{err}");
}

#[test]
fn a_newer_method_in_an_older_version_is_refused() {
    let doc = decode_file("change-du-state-1.2.xml");
    let err = cwmp(
        &["encode", "--cwmp-version", "1.0", "-"],
        doc.to_string().as_bytes(),
    )
    .error();
    assert!(
        err.contains("ChangeDUState does not exist in CWMP 1.0"),
        "{err}"
    );
    assert!(err.contains("1.2"), "{err}");
}

#[test]
fn other_failures_follow_the_error_contract() {
    let err = cwmp(&["decode", &fixture("no-such-file.xml")], b"").error();
    assert!(err.contains("cannot read"), "{err}");
    let err = cwmp(&[], b"").error();
    assert!(err.contains("subcommand"), "{err}");
    let err = cwmp(&["decode", "--frobnicate", "-"], b"").error();
    assert!(err.contains("--frobnicate"), "{err}");
    let err = cwmp(&["decode"], b"").error();
    assert!(err.contains("<FILE|->"), "{err}");
    let err = cwmp(
        &["encode", "--cwmp-version", "1.0", "-"],
        br#"{"Body": {"Unknown": {"name": "X_VendorMethod"}}}"#,
    )
    .error();
    assert!(err.contains("X_VendorMethod"), "{err}");
}

/// The example in `--help` is a contract: it must be valid JSON that `encode` accepts.
#[test]
fn help_documents_the_json_shape_with_a_working_example() {
    for sub in ["decode", "encode"] {
        let help = cwmp(&[sub, "--help"], b"").ok();
        assert!(help.contains("stable contract"), "{sub}: {help}");
        for word in [
            "cwmpVersion",
            "namespace",
            "envelopes",
            "Header",
            "Body",
            "Value",
        ] {
            assert!(help.contains(word), "{sub} --help lacks {word}");
        }
        let start = help.find("\n  {\n").expect("example start") + 1;
        let end = start + help[start..].find("\n  }\n").expect("example end") + 4;
        let example: Value = serde_json::from_str(&help[start..end])
            .unwrap_or_else(|e| panic!("{sub}: example is not JSON: {e}"));
        let xml = encode(&example, &[]);
        let back = decode_str(&xml);
        assert_eq!(back, example, "{sub}: the example does not round-trip");
    }
}
