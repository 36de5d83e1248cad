//! The rules of provisioning, shown on the simulator's TR-181 device model: which presets
//! apply (events, schedules, preconditions, re-evaluation and its loop bound), channel faults
//! and their backoff, effects sent once (download, reboot), and the script API beyond
//! `declare` (`ext`, `clear`, `Downloads.`, virtual parameters in preconditions).

mod provision_lab;

use provision_lab::{Lab, catalog};
use serde_json::json;

const PROFILE: &str = "tr181-gateway";

fn tags(lab: &Lab) -> Vec<String> {
    lab.record
        .as_ref()
        .map(|r| r.tags.iter().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn preconditions_read_unknown_parameters_first_and_loops_are_cut() {
    let presets = json!({
        "seed": {"weight": 0, "channel": "seed",
            "precondition": "Device.Time.NTPServer2 <> \"a\" AND Device.Time.NTPServer2 <> \"b\"",
            "provisions": [["value", "Device.Time.NTPServer2", "a"]]},
        "ping": {"weight": 1, "channel": "ping",
            "precondition": "Device.Time.NTPServer2 = \"a\"",
            "provisions": [["value", "Device.Time.NTPServer2", "b"]]},
        "pong": {"weight": 2, "channel": "pong",
            "precondition": "Device.Time.NTPServer2 = \"b\"",
            "provisions": [["value", "Device.Time.NTPServer2", "a"]]},
    });
    let mut lab = Lab::new(PROFILE, "LOOP01", catalog(presets, &[], &[]));
    let session = lab.session();
    // NTPServer2 is not in the Inform: it is read before any precondition is evaluated.
    assert_eq!(
        session.rpcs[..2],
        ["GetParameterNames", "GetParameterValues"],
        "{:?}",
        session.rpcs
    );
    let looped: Vec<&str> = lab
        .faults
        .iter()
        .filter(|f| f.fault.code == "preset_loop")
        .map(|f| f.channel.as_str())
        .collect();
    assert!(!looped.is_empty(), "{:?}", lab.faults);
    assert!(
        looped.iter().all(|c| ["ping", "pong"].contains(c)),
        "{looped:?}"
    );
    assert!(
        session.rpcs.len() < 20,
        "the loop was cut: {:?}",
        session.rpcs
    );
}

#[test]
fn events_and_schedules_select_presets() {
    let presets = json!({
        "on-boot": {"channel": "a", "events": {"1 BOOT": true}, "provisions": [["tag", "booted", true]]},
        "not-on-bootstrap": {"channel": "b", "events": {"0 BOOTSTRAP": false},
            "provisions": [["tag", "periodic", true]]},
        // Midnight on 29 February: never open in the lab's session times.
        "leap-day": {"channel": "c", "schedule": {"cron": "0 0 29 2 *", "duration": 60},
            "provisions": [["tag", "leap", true]]},
        "untag": {"channel": "d", "weight": 5, "precondition": "tag = \"periodic\"",
            "provisions": [["tag", "booted", false]]},
    });
    let mut lab = Lab::new(PROFILE, "EVENTS01", catalog(presets, &[], &[]));
    lab.session();
    assert_eq!(
        tags(&lab),
        ["booted"],
        "the bootstrap session is also a boot"
    );
    lab.advance(300);
    let second = lab.session();
    assert_eq!(
        tags(&lab),
        ["periodic"],
        "tag changes are re-evaluated in the session"
    );
    assert!(
        second.rpcs.is_empty(),
        "tags need no RPC: {:?}",
        second.rpcs
    );
    assert_eq!(
        second.write.tag_changes.len(),
        2,
        "{:?}",
        second.write.tag_changes
    );
}

#[test]
fn a_faulted_channel_waits_for_its_retry_and_clears_when_fixed() {
    let presets = json!({
        "broken": {"channel": "broken", "provisions": [["broken"]]},
        "fine": {"channel": "fine", "provisions": [["value", "Device.Time.NTPServer1", "ntp.example"]]},
    });
    let broken = "log('trying');\nthrow new Error('no plan for ' + args.length + ' args');";
    let mut lab = Lab::new(
        PROFILE,
        "RETRY01",
        catalog(presets.clone(), &[("broken", broken)], &[]),
    );
    lab.session();
    let fault = lab.fault_of("broken").expect("faulted").clone();
    assert_eq!((fault.fault.code.as_str(), fault.retries), ("script", 1));
    assert!(
        fault.fault.message.contains("no plan for 0 args"),
        "{}",
        fault.fault.message
    );
    assert_eq!(fault.fault.detail["line"], 2);
    assert_eq!(
        lab.cpe_value("Device.Time.NTPServer1").as_deref(),
        Some("ntp.example")
    );
    // Within the backoff (300 s) the channel does not run: same fault, no new retry.
    lab.advance(60);
    let paused = lab.session();
    assert!(paused.logs().is_empty(), "{:?}", paused.logs());
    assert_eq!(lab.fault_of("broken").map(|f| f.retries), Some(1));
    // After it, it runs again and faults again, with a longer wait.
    lab.advance(300);
    lab.session();
    assert_eq!(lab.fault_of("broken").map(|f| f.retries), Some(2));
    // Fixed: the next run after the backoff (600 s) succeeds and clears the fault.
    let fixed = "declare('Device.Time.Enable', {value: 1}, {value: true});";
    lab.set_catalog(catalog(presets, &[("broken", fixed)], &[]));
    lab.advance(601);
    lab.session();
    assert!(lab.faults.is_empty(), "{:?}", lab.faults);
}

#[test]
fn downloads_and_reboots_are_sent_once() {
    let presets = json!({
        "firmware": {"channel": "firmware",
            "precondition": "Device.DeviceInfo.SoftwareVersion = \"3.4.1-build2417\"",
            "provisions": [["download", "1 Firmware Upgrade Image", "fw-4.0.bin"]]},
        "first-boot": {"channel": "boot", "events": {"0 BOOTSTRAP": true}, "provisions": [["reboot"]]},
    });
    let mut lab = Lab::new(PROFILE, "ONCE01", catalog(presets, &[], &[]));
    let first = lab.session();
    let sent: Vec<&str> = first
        .rpcs
        .iter()
        .map(String::as_str)
        .filter(|m| ["Download", "Reboot"].contains(m))
        .collect();
    assert_eq!(sent, ["Download", "Reboot"], "downloads before the reboot");
    let download = first
        .requests
        .iter()
        .find_map(|r| match r {
            cwmp::message::Message::Download(d) => Some(d.clone()),
            _ => None,
        })
        .expect("download");
    assert_eq!(download.url, "http://fs.example/fw-4.0.bin");
    assert_eq!(download.file_type, "1 Firmware Upgrade Image");
    assert_eq!(
        lab.acs_value("Downloads.1.FileName").as_deref(),
        Some("fw-4.0.bin")
    );
    lab.advance(300);
    let second = lab.session();
    assert!(
        !second.rpcs.iter().any(|m| m == "Download" || m == "Reboot"),
        "{:?}",
        second.rpcs
    );
}

#[test]
fn extensions_are_called_once_and_their_results_used() {
    let script = r#"
        const serial = declare("DeviceID.SerialNumber", {value: 1}).value[0];
        const plan = ext("billing", "plan", serial);
        declare("Device.Time.NTPServer2", {value: 1}, {value: plan.ntp});
    "#;
    let presets = json!({"billing": {"channel": "billing", "provisions": [["billing"]]}});
    let mut lab = Lab::new(
        PROFILE,
        "EXT01",
        catalog(presets.clone(), &[("billing", script)], &[]),
    );
    lab.extensions.insert(
        "billing:plan".into(),
        Ok(json!({"ntp": "ntp.gold.example"})),
    );
    lab.session();
    assert_eq!(
        lab.cpe_value("Device.Time.NTPServer2").as_deref(),
        Some("ntp.gold.example")
    );
    assert_eq!(
        lab.ext_calls,
        ["billing:plan"],
        "one call per session, cached across replays"
    );
    // An extension's error is the script's exception: it faults the channel.
    let mut lab = Lab::new(
        PROFILE,
        "EXT02",
        catalog(presets, &[("billing", script)], &[]),
    );
    lab.extensions
        .insert("billing:plan".into(), Err("billing is down".into()));
    lab.session();
    let fault = lab.fault_of("billing").expect("faulted");
    assert!(
        fault.fault.message.contains("billing is down"),
        "{}",
        fault.fault.message
    );
}

#[test]
fn clear_forces_a_fresh_read() {
    let script = r#"
        clear("Device.Time", Date.now());
        const ntp = declare("Device.Time.NTPServer1", {value: 1});
        log("ntp", ntp.value[0]);
    "#;
    let presets = json!({"audit": {"channel": "audit", "provisions": [["audit"]]}});
    let mut lab = Lab::new(
        PROFILE,
        "CLEAR01",
        catalog(presets, &[("audit", script)], &[]),
    );
    lab.session();
    lab.advance(300);
    let second = lab.session();
    assert!(
        second.rpcs.contains(&"GetParameterValues".to_string()),
        "{:?}",
        second.rpcs
    );
    assert_eq!(second.logs(), ["ntp 0.pool.ntp.org"]);
}

#[test]
fn a_script_declares_a_download_by_its_keys() {
    let script = r#"
        const fw = "Downloads.[FileType:1 Firmware Upgrade Image]";
        declare(fw, {path: 1}, {path: 1});
        declare(fw + ".FileName", {value: 1}, {value: args[0]});
        declare(fw + ".Download", {value: 1}, {value: 1});
    "#;
    let presets = json!({"fw": {"channel": "fw", "provisions": [["fw", "fw-5.bin"]]}});
    let mut lab = Lab::new(PROFILE, "DLS01", catalog(presets, &[("fw", script)], &[]));
    let first = lab.session();
    assert_eq!(
        first.rpcs.iter().filter(|m| *m == "Download").count(),
        1,
        "{:?}",
        first.rpcs
    );
    assert_eq!(
        lab.acs_value("Downloads.1.FileType").as_deref(),
        Some("1 Firmware Upgrade Image")
    );
    lab.advance(300);
    assert!(lab.session().rpcs.is_empty());
}

#[test]
fn virtual_parameters_feed_preconditions_in_the_same_session() {
    let vp = r#"
        const ip = declare("Device.IP.Interface.1.IPv4Address.1.IPAddress", {value: Date.now(3600000)});
        return {writable: false, value: [ip.value[0], "xsd:string"]};
    "#;
    let presets = json!({
        "inventory": {"channel": "inventory", "provisions": [["refresh", "VirtualParameters.*", 3600]]},
        "public": {"weight": 10, "channel": "tags",
            "precondition": "VirtualParameters.wan_ip LIKE \"203.%\"",
            "provisions": [["tag", "public-wan", true]]},
    });
    let mut lab = Lab::new(PROFILE, "VP01", catalog(presets, &[], &[("wan_ip", vp)]));
    lab.session();
    assert_eq!(
        lab.acs_value("VirtualParameters.wan_ip").as_deref(),
        Some("203.0.113.45")
    );
    assert_eq!(tags(&lab), ["public-wan"]);
    lab.advance(300);
    assert!(lab.session().rpcs.is_empty());
}

#[test]
fn a_virtual_parameter_applies_a_set_through_its_script() {
    let vp = r#"
        // args[1].value: what a preset wants the virtual parameter to be, if anything.
        if (args[1].value) declare("Device.Time.NTPServer1", null, {value: args[1].value[0]});
        const ntp = declare("Device.Time.NTPServer1", {value: Date.now(3600000)});
        return {writable: true, value: [ntp.value[0], "xsd:string"]};
    "#;
    let presets = json!({
        "ntp": {"channel": "ntp", "provisions": [["value", "VirtualParameters.ntp", "ntp.vp.example"]]},
    });
    let mut lab = Lab::new(PROFILE, "VPSET01", catalog(presets, &[], &[("ntp", vp)]));
    let first = lab.session();
    assert!(
        first.rpcs.contains(&"SetParameterValues".to_string()),
        "{:?}",
        first.rpcs
    );
    assert_eq!(
        lab.cpe_value("Device.Time.NTPServer1").as_deref(),
        Some("ntp.vp.example")
    );
    assert_eq!(
        lab.acs_value("VirtualParameters.ntp").as_deref(),
        Some("ntp.vp.example")
    );
    assert!(lab.faults.is_empty(), "{:?}", lab.faults);
    lab.advance(300);
    assert!(lab.session().rpcs.is_empty());
}

#[test]
fn events_reboot_and_factory_reset_as_genieacs_scripts_write_them() {
    // Reboot once after each bootstrap: the wanted reboot time is the bootstrap's.
    let reboot = r#"
        const bootstrapped = declare("Events.0_BOOTSTRAP", {value: 1});
        if (bootstrapped.size) declare("Reboot", null, {value: bootstrapped.value[0]});
    "#;
    // Decommissioning: a tag asks for a factory reset, which the script clears again.
    let decommission = r#"
        const tagged = declare("Tags.decommission", {value: 1});
        if (tagged.size) {
          declare("FactoryReset", null, {value: Date.now()});
          declare("Tags.decommission", null, {value: false});
        }
    "#;
    let presets = json!({
        "reboot": {"channel": "reboot", "provisions": [["reboot-after-bootstrap"]]},
        "decommission": {"channel": "decommission", "provisions": [["decommission"]]},
    });
    let scripts = [
        ("reboot-after-bootstrap", reboot),
        ("decommission", decommission),
    ];
    let mut lab = Lab::new(PROFILE, "GENIE01", catalog(presets, &scripts, &[]));
    let first = lab.session();
    assert_eq!(
        first.rpcs.iter().filter(|m| *m == "Reboot").count(),
        1,
        "{:?}",
        first.rpcs
    );
    lab.advance(60);
    let after_reboot = lab.session();
    assert!(after_reboot.rpcs.is_empty(), "{:?}", after_reboot.rpcs);
    let events = lab
        .record
        .as_ref()
        .map(|r| r.last_events.clone())
        .unwrap_or_default();
    assert!(events.iter().any(|e| e == "M Reboot"), "{events:?}");

    // The operator tags the device; its next session resets it, once.
    lab.record
        .as_mut()
        .expect("known")
        .tags
        .insert("decommission".into());
    lab.advance(60);
    let reset = lab.session();
    assert_eq!(
        reset.rpcs.iter().filter(|m| *m == "FactoryReset").count(),
        1,
        "{:?}",
        reset.rpcs
    );
    assert_eq!(
        reset.write.tag_changes,
        [("decommission".to_string(), false)]
    );
    lab.advance(60);
    let back = lab.session();
    let events = lab
        .record
        .as_ref()
        .map(|r| r.last_events.clone())
        .unwrap_or_default();
    assert!(events.iter().any(|e| e == "0 BOOTSTRAP"), "{events:?}");
    assert!(
        !back.rpcs.iter().any(|m| m == "FactoryReset"),
        "{:?}",
        back.rpcs
    );
    assert_eq!(
        back.rpcs.iter().filter(|m| *m == "Reboot").count(),
        1,
        "a new bootstrap: {:?}",
        back.rpcs
    );
}

#[test]
fn a_path_the_device_lacks_is_asked_once_per_session_and_faults_nothing() {
    let script = r#"
        const vendor = declare("Device.X_ACME_Diagnostics.Enable", {value: 1}, {value: true});
        if (vendor.size) log("has the vendor extension");
    "#;
    let presets = json!({"vendor": {"channel": "vendor", "provisions": [["vendor"]]}});
    let mut lab = Lab::new(
        PROFILE,
        "ABSENT01",
        catalog(presets, &[("vendor", script)], &[]),
    );
    let first = lab.session();
    // The CPE answers 9005; nothing is set and nothing faults.
    assert_eq!(first.rpcs, ["GetParameterNames"]);
    assert!(lab.faults.is_empty(), "{:?}", lab.faults);
    assert!(first.logs().is_empty());
    lab.advance(300);
    assert_eq!(
        lab.session().rpcs,
        ["GetParameterNames"],
        "asked again, once"
    );
}

#[test]
fn a_set_the_cpe_refuses_faults_its_channel_with_the_cpe_code() {
    let presets = json!({
        "wrong": {"channel": "wrong",
            "provisions": [["value", "Device.DeviceInfo.SoftwareVersion", "9.9.9"]]},
        "right": {"channel": "right", "weight": 1,
            "provisions": [["value", "Device.Time.NTPServer1", "ntp.right.example"]]},
    });
    let mut lab = Lab::new(PROFILE, "REFUSE01", catalog(presets, &[], &[]));
    lab.session();
    let fault = lab.fault_of("wrong").expect("faulted").clone();
    assert!(
        fault
            .fault
            .code
            .parse::<u32>()
            .is_ok_and(|c| (9000..9100).contains(&c)),
        "{fault:?}"
    );
    assert_eq!(fault.fault.detail["method"], "SetParameterValues");
    assert_eq!(
        lab.cpe_value("Device.DeviceInfo.SoftwareVersion")
            .as_deref(),
        Some("3.4.1-build2417")
    );
    // The refused set went with the other channel's in one RPC; the other channel gets its
    // own set once the faulted one is left out.
    assert_eq!(
        lab.cpe_value("Device.Time.NTPServer1").as_deref(),
        Some("ntp.right.example")
    );
    assert!(lab.fault_of("right").is_none(), "{:?}", lab.faults);
}

#[test]
fn a_cpe_that_disconnects_mid_provisioning_is_provisioned_after_the_backoff() {
    let presets = json!({"ntp": {"channel": "ntp",
        "provisions": [["value", "Device.Time.NTPServer1", "ntp.later.example"]]}});
    let mut lab = Lab::new(PROFILE, "CUT01", catalog(presets, &[], &[]));
    let cut = lab.session_cut_after(1);
    assert_eq!(cut.rpcs, ["GetParameterNames"]);
    let fault = lab.fault_of("ntp").expect("faulted").clone();
    assert_eq!(fault.fault.code, "no_response");
    assert!(
        lab.record.is_some(),
        "the device is saved with what the session learnt"
    );
    lab.advance(60);
    assert!(
        lab.session().rpcs.is_empty(),
        "the channel waits out its backoff"
    );
    lab.advance(300);
    let resumed = lab.session();
    assert!(
        resumed.rpcs.contains(&"SetParameterValues".to_string()),
        "{:?}",
        resumed.rpcs
    );
    assert_eq!(
        lab.cpe_value("Device.Time.NTPServer1").as_deref(),
        Some("ntp.later.example")
    );
    assert!(lab.faults.is_empty(), "{:?}", lab.faults);
}
