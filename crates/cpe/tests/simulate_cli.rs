//! The `cpe simulate` binary against the scripted ACS: a boot storm of 20 devices (digest
//! authenticated) with its JSON summary, connection requests (open, then digest-protected
//! after the ACS set credentials), and a clean stop on SIGTERM.

mod scripted_acs;

use cwmp::message::{ParameterValueStruct, SetParameterValues};
use cwmp::{Message, Value};
use scripted_acs::schema::validate_envelopes;
use scripted_acs::{ScriptedAcs, connection_request};
use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, Command};

const LIMIT: Duration = Duration::from_secs(15);
const CR_URL: &str = "Device.ManagementServer.ConnectionRequestURL";

fn simulate(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cpe"));
    cmd.arg("simulate")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    cmd
}

/// Waits for the process to exit and parses its JSON summary; the exit must be clean.
async fn summary(child: Child) -> serde_json::Value {
    let out = tokio::time::timeout(LIMIT, child.wait_with_output())
        .await
        .expect("the simulator exits in time")
        .expect("the simulator ran");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "exit {:?}\nstdout {stdout}\nstderr {stderr}",
        out.status
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("no JSON summary ({e}):\n{stdout}\n{stderr}"))
}

fn count(summary: &serde_json::Value, field: &str) -> u64 {
    summary[field]
        .as_u64()
        .unwrap_or_else(|| panic!("no {field} in {summary}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_boot_storm_of_twenty_devices_bootstraps_every_one() {
    // The ACS demands digest credentials, which every device presents.
    let acs = ScriptedAcs::start_with_digest("fleet", "fleet-secret").await;
    let url = acs.url();
    let child = simulate(&[
        "--acs-url",
        &url,
        "--count",
        "20",
        "--boot-storm",
        "--duration",
        "5",
        "--json",
        "--periodic-interval",
        "2",
        "--username",
        "fleet",
        "--password",
        "fleet-secret",
    ])
    .spawn()
    .expect("start cpe simulate");
    let summary = summary(child).await;
    assert_eq!(count(&summary, "devices"), 20);
    assert!(count(&summary, "sessions_completed") >= 20, "{summary}");
    assert_eq!(count(&summary, "sessions_failed"), 0, "{summary}");
    assert!(
        summary["failures"]
            .as_object()
            .is_some_and(|f| f.is_empty()),
        "{summary}"
    );
    assert!(summary["latency_ms"]["p50"].as_f64().is_some(), "{summary}");

    let log = acs.log();
    let bootstrapped: BTreeSet<String> = log
        .sessions
        .iter()
        .filter(|s| s.completed() && s.has_event("0 BOOTSTRAP") && s.has_event("1 BOOT"))
        .map(|s| s.serial().to_string())
        .collect();
    let expected: BTreeSet<String> = (1..=20).map(|n| format!("SIM{n:06}")).collect();
    assert_eq!(bootstrapped, expected, "{}", log.describe());
    assert!(
        log.challenges >= 20,
        "each device is challenged once: {}",
        log.challenges
    );
    let oui: BTreeSet<&str> = log
        .sessions
        .iter()
        .map(|s| s.inform.device_id.oui.as_str())
        .collect();
    assert_eq!(oui, BTreeSet::from(["A4B1C2"]));
    validate_envelopes("simulate-boot-storm", &log.envelopes);
}

/// Wakes the device until a session with `6 CONNECTION REQUEST` after the first `after` ones
/// has ended; returns that session.
async fn woken(acs: &ScriptedAcs, after: usize) -> scripted_acs::SessionRecord {
    acs.wait_session("a connection-request session", LIMIT, after, |s| {
        s.has_event("6 CONNECTION REQUEST")
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_requests_wake_a_simulated_device_and_sigterm_stops_it_cleanly() {
    let acs = ScriptedAcs::start().await;
    let url = acs.url();
    let child = simulate(&[
        "--acs-url",
        &url,
        "--count",
        "1",
        "--serial-prefix",
        "CR",
        "--json",
    ])
    .spawn()
    .expect("start cpe simulate");
    let boot = acs
        .wait_session("the boot session", LIMIT, 0, |_| true)
        .await;
    assert!(
        boot.completed() && boot.has_event("0 BOOTSTRAP"),
        "{:?}",
        boot.events()
    );
    assert_eq!(boot.serial(), "CR000001");
    let cr_url = boot
        .param(CR_URL)
        .expect("ConnectionRequestURL")
        .to_string();
    assert!(
        cr_url.starts_with("http://127.0.0.1:") && cr_url.contains("/cr/"),
        "{cr_url}"
    );

    // The profile has no connection-request credentials: the request is open. The session it
    // starts sets credentials.
    acs.push(SetParameterValues {
        parameter_list: vec![
            ParameterValueStruct::new(
                "Device.ManagementServer.ConnectionRequestUsername",
                Value::string("cr-user"),
            ),
            ParameterValueStruct::new(
                "Device.ManagementServer.ConnectionRequestPassword",
                Value::string("cr-pass"),
            ),
        ],
        parameter_key: "cr-1".into(),
    });
    assert_eq!(connection_request(&cr_url, None).await, 200);
    let s = woken(&acs, 1).await;
    assert!(s.completed());
    assert!(matches!(
        s.exchanges[0].response(),
        Message::SetParameterValuesResponse(_)
    ));
    assert!(
        !s.has_event("0 BOOTSTRAP") && !s.has_event("1 BOOT"),
        "{:?}",
        s.events()
    );

    // From now on the device demands digest credentials (it re-registers after the session).
    let deadline = tokio::time::Instant::now() + LIMIT;
    while connection_request(&cr_url, None).await != 401 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the device never asked for credentials"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        connection_request(&cr_url, Some(("cr-user", "wrong"))).await,
        401
    );
    let after = acs.log().sessions.len();
    assert_eq!(
        connection_request(&cr_url, Some(("cr-user", "cr-pass"))).await,
        200
    );
    let s = woken(&acs, after).await;
    assert!(s.completed());
    assert_eq!(
        s.param("Device.ManagementServer.ParameterKey"),
        Some("cr-1")
    );

    // SIGTERM: a clean exit with the summary.
    let pid = child.id().expect("running").to_string();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(status.success());
    let summary = summary(child).await;
    assert_eq!(count(&summary, "devices"), 1);
    let sessions = acs.log().sessions.iter().filter(|s| s.completed()).count() as u64;
    assert!(sessions >= 3, "{}", acs.log().describe());
    assert_eq!(count(&summary, "sessions_completed"), sessions, "{summary}");
    assert_eq!(count(&summary, "sessions_failed"), 0, "{summary}");
}
