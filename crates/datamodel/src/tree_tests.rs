use super::*;
use crate::profile::Profile;

pub(crate) const GATEWAY: &str = r#"
profile test-gw
device manufacturer="Acme" oui=00D09E product-class="HGW"
param Device.RootDataModelVersion string r default="2.17"
param Device.DeviceInfo.SoftwareVersion string r default="1.0"
param Device.DeviceInfo.UpTime unsignedInt r notify=canDeny
param Device.ManagementServer.ParameterKey string r
param Device.ManagementServer.PeriodicInformInterval unsignedInt w range=1.. default="3600"
param Device.ManagementServer.ConnectionRequestURL string r notify=forceEnabled
param Device.WiFi.SSIDNumberOfEntries unsignedInt r
object Device.WiFi.SSID.{i}. w max=4 count=Device.WiFi.SSIDNumberOfEntries
param Device.WiFi.SSID.{i}.SSID string w len=..32
param Device.WiFi.SSID.{i}.Enable boolean w default="false"
object Device.WiFi.SSID.{i}.Stats. r
param Device.WiFi.SSID.{i}.Stats.BytesSent unsignedLong r
param Device.WiFi.SSID.{i}.AssociatedDeviceNumberOfEntries unsignedInt r
object Device.WiFi.SSID.{i}.AssociatedDevice.{i}. w count=Device.WiFi.SSID.{i}.AssociatedDeviceNumberOfEntries
param Device.WiFi.SSID.{i}.AssociatedDevice.{i}.MACAddress string w
object Device.Hosts.Host.{i}. r
param Device.Hosts.Host.{i}.HostName string r
instance Device.WiFi.SSID.1.
instance Device.WiFi.SSID.2.
instance Device.Hosts.Host.1.
value Device.WiFi.SSID.1.SSID "HomeNet"
value Device.WiFi.SSID.2.SSID "HomeNet-5G"
"#;

pub(crate) fn model() -> DeviceModel {
    DeviceModel::new(BaseTree::new(
        Profile::parse(GATEWAY).expect("valid profile"),
    ))
}

#[test]
fn base_tree_holds_instances_and_values() {
    let m = model();
    assert_eq!(m.kind("Device.WiFi.SSID.1."), Some(NodeKind::Object));
    assert_eq!(m.kind("Device.WiFi.SSID.1.Stats."), Some(NodeKind::Object));
    assert_eq!(m.kind("Device.WiFi.SSID.1.SSID"), Some(NodeKind::Parameter));
    assert_eq!(m.kind("Device.WiFi.SSID.3."), None);
    assert_eq!(m.kind("Device.WiFi.SSID.1.AssociatedDevice.1."), None);
    assert_eq!(
        m.value("Device.WiFi.SSID.2.SSID").as_deref(),
        Some("HomeNet-5G")
    );
    assert_eq!(
        m.value("Device.WiFi.SSID.2.Enable").as_deref(),
        Some("false")
    );
    assert_eq!(
        m.value("Device.ManagementServer.PeriodicInformInterval")
            .as_deref(),
        Some("3600")
    );
    assert_eq!(
        m.value("Device.WiFi.SSIDNumberOfEntries").as_deref(),
        Some("2")
    );
    assert_eq!(
        m.value("Device.WiFi.SSID.1.AssociatedDeviceNumberOfEntries")
            .as_deref(),
        Some("0")
    );
    assert_eq!(m.instances("Device.WiFi.SSID."), vec![1, 2]);
    assert_eq!(m.root(), "Device.");
}

#[test]
fn added_and_deleted_instances_overlay_the_profile() {
    let mut m = model();
    m.added.insert("Device.WiFi.SSID.3.".into());
    m.added
        .insert("Device.WiFi.SSID.1.AssociatedDevice.1.".into());
    m.deleted.insert("Device.WiFi.SSID.2.".into());
    assert_eq!(m.instances("Device.WiFi.SSID."), vec![1, 3]);
    assert_eq!(
        m.kind("Device.WiFi.SSID.3.Stats.BytesSent"),
        Some(NodeKind::Parameter)
    );
    assert_eq!(
        m.kind("Device.WiFi.SSID.3.AssociatedDevice."),
        Some(NodeKind::Object)
    );
    assert_eq!(m.kind("Device.WiFi.SSID.3.AssociatedDevice.1."), None);
    assert_eq!(m.kind("Device.WiFi.SSID.2.SSID"), None);
    assert_eq!(m.value("Device.WiFi.SSID.3.SSID").as_deref(), Some(""));
    assert_eq!(
        m.value("Device.WiFi.SSIDNumberOfEntries").as_deref(),
        Some("2")
    );
    assert_eq!(
        m.value("Device.WiFi.SSID.1.AssociatedDeviceNumberOfEntries")
            .as_deref(),
        Some("1")
    );
    let paths: Vec<String> = m
        .paths_under("Device.WiFi.SSID.3.")
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert!(paths.contains(&"Device.WiFi.SSID.3.".to_string()));
    assert!(paths.contains(&"Device.WiFi.SSID.3.AssociatedDevice.".to_string()));
    assert!(paths.contains(&"Device.WiFi.SSID.3.Stats.BytesSent".to_string()));
    assert!(
        !paths
            .iter()
            .any(|p| p.starts_with("Device.WiFi.SSID.3.AssociatedDevice.1"))
    );
    assert!(
        m.paths_under("Device.WiFi.")
            .iter()
            .all(|(p, _)| !p.starts_with("Device.WiFi.SSID.2."))
    );
}

#[test]
fn instance_numbers_are_never_reused() {
    let mut m = model();
    assert_eq!(m.allocate_instance("Device.WiFi.SSID."), 3);
    assert_eq!(m.allocate_instance("Device.WiFi.SSID."), 4);
    assert_eq!(m.allocate_instance("Device.Hosts.Host."), 2);
    assert_eq!(
        m.allocate_instance("Device.WiFi.SSID.1.AssociatedDevice."),
        1
    );
}

#[test]
fn local_changes_follow_notification_attributes() {
    let mut m = model();
    // UpTime has notification off: no report.
    assert!(!m.set_local("Device.DeviceInfo.UpTime", "60"));
    assert!(m.take_changes().is_empty());
    assert_eq!(m.value("Device.DeviceInfo.UpTime").as_deref(), Some("60"));
    // ConnectionRequestURL is forceEnabled: active.
    assert!(m.set_local(
        "Device.ManagementServer.ConnectionRequestURL",
        "http://10.0.0.2/cr"
    ));
    assert!(m.has_active_change());
    // A passive one is reported but does not ask for a session.
    m.attributes.insert(
        "Device.WiFi.SSID.1.SSID".into(),
        Attributes {
            notification: 1,
            access_list: vec![],
        },
    );
    assert!(!m.set_local("Device.WiFi.SSID.1.SSID", "Other"));
    assert_eq!(
        m.take_changes(),
        vec![
            "Device.ManagementServer.ConnectionRequestURL",
            "Device.WiFi.SSID.1.SSID"
        ]
    );
    assert!(!m.has_active_change());
    // Setting the same value again is no change.
    assert!(!m.set_local(
        "Device.ManagementServer.ConnectionRequestURL",
        "http://10.0.0.2/cr"
    ));
    m.reset();
    assert_eq!(
        m.value("Device.WiFi.SSID.1.SSID").as_deref(),
        Some("HomeNet")
    );
}

#[test]
fn the_device_may_change_read_only_tables() {
    let mut m = model();
    assert_eq!(m.add_local("Device.Hosts.Host."), Some(2));
    assert_eq!(
        m.kind("Device.Hosts.Host.2.HostName"),
        Some(NodeKind::Parameter)
    );
    assert!(m.delete_local("Device.Hosts.Host.1."));
    assert_eq!(m.instances("Device.Hosts.Host."), vec![2]);
    assert!(!m.delete_local("Device.Hosts.Host.1."));
    assert_eq!(m.add_local("Device.DeviceInfo."), None);
}
