//! Provisioning against the simulator's device model: real-world style presets and provision
//! scripts (in `provision_scripts/`) configure a TR-181 and a TR-098 gateway, the next
//! session sends nothing beyond the Inform exchange, and a faulting script faults only its
//! own channel.

mod provision_lab;

use provision_lab::{Lab, catalog};
use serde_json::json;

const INFORM: &str = include_str!("provision_scripts/inform.js");
const WIFI: &str = include_str!("provision_scripts/wifi.js");
const NTP: &str = include_str!("provision_scripts/ntp.js");
const SUPPORT_USER: &str = include_str!("provision_scripts/support-user.js");
const LAN_NOTIFY: &str = include_str!("provision_scripts/lan-notify.js");
const BROKEN: &str = include_str!("provision_scripts/broken.js");
const WAN_IP: &str = include_str!("provision_scripts/wan-ip.vp.js");

fn operator_catalog() -> acs::provision::catalog::Catalog {
    catalog(
        json!({
            "inform": {"channel": "inform", "provisions": [["inform", 600]]},
            "bootstrap-tag": {
                "channel": "bootstrap",
                "events": {"0 BOOTSTRAP": true},
                "provisions": [["tag", "bootstrapped", true]]
            },
            "wifi": {"weight": 10, "channel": "wifi", "provisions": [["wifi", "Acme"]]},
            "ntp": {"weight": 10, "channel": "time", "provisions": [["ntp", "ntp.acme.example"]]},
            "support": {"weight": 20, "channel": "support", "provisions": [["support-user", "noc"]]},
            "notify": {"weight": 30, "channel": "notify", "provisions": [["lan-notify"]]},
            "wan-ip": {"weight": 40, "channel": "inventory",
                       "provisions": [["refresh", "VirtualParameters.wan_ip", 3600]]},
            "broken": {"weight": 50, "channel": "broken", "provisions": [["broken"]]},
        }),
        &[
            ("inform", INFORM),
            ("wifi", WIFI),
            ("ntp", NTP),
            ("support-user", SUPPORT_USER),
            ("lan-notify", LAN_NOTIFY),
            ("broken", BROKEN),
        ],
        &[("wan_ip", WAN_IP)],
    )
}

fn fault_channels(lab: &Lab) -> Vec<String> {
    lab.faults.iter().map(|f| f.channel.clone()).collect()
}

#[test]
fn a_tr181_gateway_is_configured_then_left_alone() {
    let mut lab = Lab::new("tr181-gateway", "TR181LAB01", operator_catalog());
    let first = lab.session();
    assert!(
        first.rpcs.contains(&"SetParameterValues".to_string()),
        "{:?}",
        first.rpcs
    );
    assert_eq!(
        lab.cpe_value("Device.ManagementServer.PeriodicInformInterval")
            .as_deref(),
        Some("600")
    );
    assert_eq!(
        lab.cpe_value("Device.Time.NTPServer1").as_deref(),
        Some("ntp.acme.example")
    );
    assert_eq!(
        lab.cpe_value("Device.WiFi.SSID.1.SSID").as_deref(),
        Some("Acme-AB01"),
        "the last four of the serial"
    );
    let users: Vec<String> = (1..=5)
        .filter_map(|i| lab.cpe_value(&format!("Device.Users.User.{i}.Username")))
        .collect();
    assert_eq!(users.iter().filter(|u| *u == "noc").count(), 1, "{users:?}");
    let record = lab.record.clone().expect("saved");
    assert!(record.tags.contains("bootstrapped"), "{:?}", record.tags);
    assert!(record.tags.contains("support-account"), "{:?}", record.tags);
    assert_eq!(
        record
            .tree
            .get("Device.ManagementServer.ConnectionRequestURL")
            .and_then(|n| n.notification),
        Some(2)
    );
    assert_eq!(
        lab.acs_value("VirtualParameters.wan_ip").as_deref(),
        Some("203.0.113.45")
    );
    assert!(
        !record.tree.contains_key("DeviceID.ID"),
        "identity is not stored in the tree"
    );
    assert_eq!(
        fault_channels(&lab),
        ["broken"],
        "only the broken script's channel"
    );
    let broken = &lab.faults[0];
    assert_eq!(broken.fault.code, "script");
    assert!(
        broken.fault.message.contains("undefinedHelper"),
        "{}",
        broken.fault.message
    );
    assert_eq!(broken.fault.detail["line"], 4);
    assert!(
        first
            .logs()
            .iter()
            .any(|l| l.contains("inform provision for TR181LAB01")),
        "{:?}",
        first.logs()
    );

    lab.advance(600);
    let second = lab.session();
    assert!(
        second.rpcs.is_empty(),
        "the second session sent {:?}",
        second.rpcs
    );
    assert_eq!(fault_channels(&lab), ["broken"], "paused, still faulted");
}

#[test]
fn a_tr098_gateway_is_configured_then_left_alone() {
    let mut lab = Lab::new("tr098-gateway", "TR098LAB02", operator_catalog());
    let first = lab.session();
    eprintln!(
        "{:#?}\n{:?}\n{:?}",
        first.requests,
        first.logs(),
        lab.faults
    );
    assert!(!first.rpcs.is_empty());
    let igd = "InternetGatewayDevice";
    assert_eq!(
        lab.cpe_value(&format!("{igd}.ManagementServer.PeriodicInformInterval"))
            .as_deref(),
        Some("600")
    );
    assert_eq!(
        lab.cpe_value(&format!("{igd}.Time.NTPServer1")).as_deref(),
        Some("ntp.acme.example")
    );
    assert_eq!(
        lab.cpe_value(&format!("{igd}.LANDevice.1.WLANConfiguration.1.SSID"))
            .as_deref(),
        Some("Acme-AB02")
    );
    assert_eq!(
        lab.acs_value("VirtualParameters.wan_ip").as_deref(),
        Some("198.51.100.77")
    );
    let requests = format!("{:?}", first.requests);
    assert!(
        !requests.contains("\"Device."),
        "no TR-181 path asked of a TR-098 device"
    );
    assert_eq!(fault_channels(&lab), ["broken"]);
    lab.advance(600);
    let second = lab.session();
    assert!(
        second.rpcs.is_empty(),
        "the second session sent {:?}",
        second.rpcs
    );
}

/// The benchmark's ten presets (`bench/presets`, three of them scripts) configure a device in
/// its first session and leave it alone after: the benchmark measures sessions with nothing
/// to change, as it claims.
#[test]
fn the_benchmark_presets_converge_in_one_session() {
    let catalog = provision_lab::bench_catalog();
    assert_eq!(catalog.presets.len(), 10);
    let mut lab = Lab::new("tr181-gateway", "BENCH0001", catalog);
    let first = lab.session();
    // Parameters of one object are found by one next-level listing, values read in batches,
    // and every change goes in one SetParameterValues.
    assert_eq!(
        first.rpcs,
        [
            "GetParameterNames",
            "GetParameterNames",
            "GetParameterNames",
            "GetParameterValues",
            "GetParameterValues",
            "SetParameterValues"
        ]
    );
    assert!(
        first.rpcs.contains(&"SetParameterValues".to_string()),
        "{:?}",
        first.rpcs
    );
    assert!(lab.faults.is_empty(), "{:?}", lab.faults);
    assert_eq!(
        lab.cpe_value("Device.Time.NTPServer2").as_deref(),
        Some("ntp2.bench.example")
    );
    for _ in 0..3 {
        lab.advance(5);
        let next = lab.session();
        assert!(next.rpcs.is_empty(), "{:?}", next.rpcs);
        assert_eq!(next.logs(), ["ntp checked"]);
    }
}
