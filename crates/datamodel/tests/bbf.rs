//! Loads the Broadband Forum's full data-model documents and checks facts read off the XML.
//!
//! The documents are found through `CWMP_BBF_DIR`, or else as `shared/bbf` in an ancestor of
//! this crate. When they are missing the tests print "skipped: ..." and pass, except under
//! `CI=true`, where they fail.

use cwmp::ValueType;
use datamodel::bbf::{BbfError, DataTypes, LoadOptions, load_schema_file};
use datamodel::{ActiveNotify, Schema};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn find_bbf_dir() -> Result<PathBuf, String> {
    const PROBE: &str = "tr-181-2-17-0-cwmp-full.xml";
    if let Some(dir) = std::env::var_os("CWMP_BBF_DIR").filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return if dir.join(PROBE).is_file() {
            Ok(dir)
        } else {
            Err(format!("CWMP_BBF_DIR={} has no {PROBE}", dir.display()))
        };
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|a| a.join("shared/bbf"))
        .find(|d| d.join(PROBE).is_file())
        .ok_or_else(|| {
            format!(
                "no shared/bbf with {PROBE} above {} (set CWMP_BBF_DIR)",
                manifest.display()
            )
        })
}

/// The BBF directory, or `None` (after saying so) when the test should be skipped.
fn bbf_dir() -> Option<PathBuf> {
    match find_bbf_dir() {
        Ok(dir) => Some(dir),
        Err(why) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("CI=true but the BBF data models are missing: {why}")
        }
        Err(why) => {
            println!("skipped: {why}");
            None
        }
    }
}

fn load(file: &str, options: &LoadOptions) -> Option<Schema> {
    let dir = bbf_dir()?;
    let started = Instant::now();
    let schema = load_schema_file(&dir.join(file), options)
        .unwrap_or_else(|e| panic!("loading {file}: {e}"));
    println!(
        "{file}: {} objects, {} parameters, loaded in {:?}",
        schema.objects.len(),
        schema.params.len(),
        started.elapsed()
    );
    Some(schema)
}

/// Every table of variable size names a count parameter that the schema defines, as an
/// unsignedInt (fixed-size tables, such as the four WiFi access categories, have none).
fn assert_count_parameters_exist(schema: &Schema) {
    for (path, def) in schema.objects.iter().filter(|(_, d)| d.multi) {
        let Some(count) = &def.count_parameter else {
            assert_eq!(
                Some(def.min_entries),
                def.max_entries,
                "{path} has no count"
            );
            continue;
        };
        let param = schema
            .param(count)
            .unwrap_or_else(|| panic!("count parameter {count} of {path} is not defined"));
        assert_eq!(param.ty, ValueType::UnsignedInt, "{count}");
    }
}

#[test]
fn tr181_device_2_17() {
    let Some(s) = load("tr-181-2-17-0-cwmp-full.xml", &LoadOptions::default()) else {
        return;
    };
    assert!(s.params.len() > 6000, "{} parameters", s.params.len());
    assert!(s.objects.len() > 780, "{} objects", s.objects.len());
    assert!(s.objects.keys().all(|k| k.starts_with("Device.")));
    assert_count_parameters_exist(&s);

    let ssid = s.object("Device.WiFi.SSID.{i}.").unwrap();
    assert!(ssid.multi && ssid.writable);
    assert_eq!((ssid.min_entries, ssid.max_entries), (0, None));
    assert_eq!(
        ssid.count_parameter.as_deref(),
        Some("Device.WiFi.SSIDNumberOfEntries")
    );
    let ac = s.object("Device.WiFi.AccessPoint.{i}.AC.{i}.").unwrap();
    assert_eq!(
        (ac.min_entries, ac.max_entries, ac.count_parameter.as_ref()),
        (4, Some(4), None)
    );
    let info = s.object("Device.DeviceInfo.").unwrap();
    assert!(!info.multi && !info.writable);
    assert_eq!((info.min_entries, info.max_entries), (1, Some(1)));

    let name = s.param("Device.WiFi.SSID.{i}.SSID").unwrap();
    assert_eq!(name.ty, ValueType::String);
    assert!(name.writable);
    assert_eq!(name.constraints.max_length, Some(32));

    let uptime = s.param("Device.DeviceInfo.UpTime").unwrap();
    assert_eq!(uptime.ty, ValueType::UnsignedInt);
    assert!(!uptime.writable);
    assert_eq!(uptime.active_notify, ActiveNotify::CanDeny);

    let interval = s
        .param("Device.ManagementServer.PeriodicInformInterval")
        .unwrap();
    assert_eq!(interval.ty, ValueType::UnsignedInt);
    assert!(interval.writable);
    assert_eq!(interval.constraints.ranges, vec![(Some(1), None)]);
    let multiplier = s
        .param("Device.ManagementServer.CWMPRetryIntervalMultiplier")
        .unwrap();
    assert_eq!(
        multiplier.constraints.ranges,
        vec![(Some(1000), Some(65535))]
    );

    // dataType refs: StatsCounter64 -> unsignedLong; Alias -> _AliasCommon (string, 64);
    // IPv4Address -> IPAddress with maxLength narrowed from 45 to 15.
    let bytes = s
        .param("Device.Cellular.Interface.{i}.Stats.BytesSent")
        .unwrap();
    assert_eq!(bytes.ty, ValueType::UnsignedLong);
    assert!(bytes.constraints.is_empty());
    let alias = s.param("Device.WiFi.SSID.{i}.Alias").unwrap();
    assert_eq!(alias.ty, ValueType::String);
    assert_eq!(alias.constraints.max_length, Some(64));
    assert!(alias.writable, "writeOnceReadOnly loads as writable");
    let ipv4 = s
        .param("Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress")
        .unwrap();
    assert_eq!(ipv4.constraints.max_length, Some(15));
    assert_eq!(
        s.param("Device.ManagementServer.ConnectionRequestURL")
            .unwrap()
            .constraints
            .max_length,
        Some(2048)
    );
    // An anonymous restriction of a named type, and a type with two <size> facets.
    let noise = "Device.DOCSIS.DownstreamChannel.{i}.SignalQuality.SignalNoise";
    assert_eq!(s.param(noise).unwrap().ty, ValueType::Int);
    let eq = s
        .param("Device.DOCSIS.DownstreamChannel.{i}.SignalQuality.EqualizationData")
        .unwrap();
    assert_eq!(eq.ty, ValueType::HexBinary);
    assert_eq!(
        (eq.constraints.min_length, eq.constraints.max_length),
        (None, Some(260))
    );

    let status = s.param("Device.WiFi.SSID.{i}.Status").unwrap();
    assert_eq!(
        status.constraints.enumeration,
        [
            "Up",
            "Down",
            "Unknown",
            "Dormant",
            "NotPresent",
            "LowerLayerDown",
            "Error"
        ]
    );
    assert_eq!(status.default.as_deref(), Some("Down"));

    let software = s.param("Device.DeviceInfo.SoftwareVersion").unwrap();
    assert_eq!(software.active_notify, ActiveNotify::ForceEnabled);
    let url = s
        .param("Device.ManagementServer.ConnectionRequestURL")
        .unwrap();
    assert_eq!(url.active_notify, ActiveNotify::ForceDefaultEnabled);

    let enable = s.param("Device.WiFi.SSID.{i}.Enable").unwrap();
    assert_eq!(
        (enable.ty.clone(), enable.default.as_deref()),
        (ValueType::Boolean, Some("false"))
    );
    // Only object defaults are initial values.
    let direct = s
        .param("Device.Firewall.ConnectionTracking.SIP.DirectMedia")
        .unwrap();
    assert_eq!(direct.default, None);

    let versions = s
        .param("Device.DeviceInfo.AdditionalSoftwareVersion")
        .unwrap();
    assert!(versions.constraints.list);
    assert_eq!(
        versions.constraints.max_length, None,
        "the list's own size is not kept"
    );
    let passphrase = s
        .param("Device.WiFi.AccessPoint.{i}.Security.KeyPassphrase")
        .unwrap();
    assert_eq!(
        (
            passphrase.constraints.min_length,
            passphrase.constraints.max_length
        ),
        (Some(8), Some(63))
    );

    // status="deleted" items are left out.
    assert!(
        s.param("Device.WiFi.Radio.{i}.CenterFrequencySegement0")
            .is_none()
    );
    assert!(
        s.param("Device.WiFi.Radio.{i}.CenterFrequencySegment0")
            .is_some()
    );
    assert!(s.param("Device.Hosts.Host.{i}.Alias").is_none());

    // The forced Inform parameters of Device:2 are all there.
    for p in [
        "Device.RootDataModelVersion",
        "Device.DeviceInfo.HardwareVersion",
        "Device.DeviceInfo.ProvisioningCode",
        "Device.ManagementServer.ParameterKey",
        "Device.ManagementServer.AliasBasedAddressing",
    ] {
        assert!(s.param(p).is_some(), "{p}");
    }
}

#[test]
fn tr181_include_keeps_a_subtree() {
    let options = LoadOptions {
        include: vec![
            "Device.WiFi.SSID.".into(),
            "Device.DeviceInfo.UpTime".into(),
        ],
        ..LoadOptions::default()
    };
    let Some(s) = load("tr-181-2-17-0-cwmp-full.xml", &options) else {
        return;
    };
    assert!(s.params.keys().all(|p| p.starts_with("Device.WiFi.SSID.")
        || p == "Device.DeviceInfo.UpTime"
        || p == "Device.WiFi.SSIDNumberOfEntries"));
    assert!(s.param("Device.WiFi.SSID.{i}.Stats.BytesSent").is_some());
    // The table's count parameter comes along, and the objects above keep their definitions.
    assert!(s.param("Device.WiFi.SSIDNumberOfEntries").is_some());
    assert_eq!(s.object("Device.DeviceInfo.").unwrap().max_entries, Some(1));
    assert!(s.object("Device.WiFi.Radio.{i}.").is_none());
    assert_eq!(
        s.objects.keys().map(String::as_str).collect::<Vec<_>>()[..3],
        ["Device.", "Device.DeviceInfo.", "Device.WiFi."]
    );
}

#[test]
fn tr098_internet_gateway_device() {
    let Some(s) = load("tr-098-1-8-0-full.xml", &LoadOptions::default()) else {
        return;
    };
    assert!(s.params.len() > 1700, "{} parameters", s.params.len());
    assert!(s.objects.len() > 180, "{} objects", s.objects.len());
    assert!(
        s.objects
            .keys()
            .all(|k| k.starts_with("InternetGatewayDevice."))
    );
    assert_count_parameters_exist(&s);
    let wlan = s
        .object("InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.")
        .unwrap();
    assert!(wlan.multi && !wlan.writable);
    assert_eq!(
        wlan.count_parameter.as_deref(),
        Some("InternetGatewayDevice.LANDevice.{i}.LANWLANConfigurationNumberOfEntries")
    );
    let ssid = s
        .param("InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.SSID")
        .unwrap();
    assert!(ssid.writable);
    assert_eq!(ssid.constraints.max_length, Some(32));
    let wan_ip = "InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.";
    assert!(s.object(wan_ip).unwrap().writable);
    let external = s.param(&format!("{wan_ip}ExternalIPAddress")).unwrap();
    assert_eq!(external.active_notify, ActiveNotify::ForceDefaultEnabled);
    assert_eq!(
        external.constraints.max_length,
        Some(45),
        "IPAddress data type"
    );
    let summary = s.param("InternetGatewayDevice.DeviceSummary").unwrap();
    assert_eq!(
        summary.constraints.max_length,
        Some(1024),
        "deprecated ones are kept"
    );
}

#[test]
fn tr104_voice_service() {
    let Some(s) = load("tr-104-2-0-2-cwmp-full.xml", &LoadOptions::default()) else {
        return;
    };
    assert!(s.params.len() > 800, "{} parameters", s.params.len());
    assert!(s.objects.len() > 100, "{} objects", s.objects.len());
    assert_count_parameters_exist(&s);
    let root = s.object("VoiceService.{i}.").unwrap();
    assert!(root.multi && !root.writable);
    assert_eq!(
        root.count_parameter.as_deref(),
        Some("VoiceServiceNumberOfEntries")
    );
    assert!(s.param("VoiceServiceNumberOfEntries").is_some());
    let client = s.object("VoiceService.{i}.SIP.Client.{i}.").unwrap();
    assert!(client.writable);
    let status = s.param("VoiceService.{i}.SIP.Client.{i}.Status").unwrap();
    assert_eq!(status.default.as_deref(), Some("Disabled"));
    assert!(
        status
            .constraints
            .enumeration
            .iter()
            .any(|e| e == "Error_Registration")
    );
    let mode = s
        .param("VoiceService.{i}.SIP.Client.{i}.RegisterMode")
        .unwrap();
    assert_eq!(
        mode.constraints.enumeration,
        ["RFC3261", "STATIC", "RFC6140", "TISPAN"]
    );
    let user = s
        .param("VoiceService.{i}.SIP.Client.{i}.AuthUserName")
        .unwrap();
    assert_eq!(
        (user.constraints.max_length, user.default.as_deref()),
        (Some(128), Some(""))
    );
}

#[test]
fn tr104_mounted_under_device_services() {
    let options = LoadOptions {
        service_root: Some("Device.Services".into()),
        ..LoadOptions::default()
    };
    let Some(s) = load("tr-104-2-0-2-cwmp-full.xml", &options) else {
        return;
    };
    let root = s.object("Device.Services.VoiceService.{i}.").unwrap();
    assert_eq!(
        root.count_parameter.as_deref(),
        Some("Device.Services.VoiceServiceNumberOfEntries")
    );
    assert!(
        s.param("Device.Services.VoiceServiceNumberOfEntries")
            .is_some()
    );
    assert!(s.objects.keys().all(|k| k.starts_with("Device.")));
    assert_count_parameters_exist(&s);
}

#[test]
fn tr135_stb_service() {
    let Some(s) = load("tr-135-1-4-1-cwmp-full.xml", &LoadOptions::default()) else {
        return;
    };
    assert!(s.params.len() > 500, "{} parameters", s.params.len());
    assert!(s.objects.len() > 95, "{} objects", s.objects.len());
    assert_count_parameters_exist(&s);
    let root = s.object("STBService.{i}.").unwrap();
    assert_eq!(
        root.count_parameter.as_deref(),
        Some("STBServiceNumberOfEntries")
    );
    assert!(s.param("STBService.{i}.Enable").unwrap().writable);
    let streams = s
        .param("STBService.{i}.Capabilities.MaxActiveAVStreams")
        .unwrap();
    assert_eq!(streams.ty, ValueType::Int);
    assert_eq!(streams.constraints.ranges, vec![(Some(-1), None)]);
    let front_end = s.object("STBService.{i}.Components.FrontEnd.{i}.").unwrap();
    assert_eq!(
        front_end.count_parameter.as_deref(),
        Some("STBService.{i}.Components.FrontEndNumberOfEntries")
    );
}

#[test]
fn tr157_has_two_models() {
    let Some(all) = load("tr-157-1-3-0-full.xml", &LoadOptions::default()) else {
        return;
    };
    assert!(all.object("Device.").is_some());
    assert!(all.object("InternetGatewayDevice.").is_some());
    let options = LoadOptions {
        model: Some("InternetGatewayDevice".into()),
        ..LoadOptions::default()
    };
    let igd = load("tr-157-1-3-0-full.xml", &options).unwrap();
    assert!(
        igd.objects
            .keys()
            .all(|k| k.starts_with("InternetGatewayDevice."))
    );
    assert!(igd.params.len() < all.params.len());
    let wrong = LoadOptions {
        model: Some("STBService".into()),
        ..LoadOptions::default()
    };
    let dir = bbf_dir().unwrap();
    match load_schema_file(&dir.join("tr-157-1-3-0-full.xml"), &wrong) {
        Err(BbfError::ModelNotFound { available, .. }) => {
            assert_eq!(available, ["Device:1.7", "InternetGatewayDevice:1.8"]);
        }
        other => panic!("expected ModelNotFound, got {other:?}"),
    }
}

#[test]
fn tr106_types_resolve() {
    let Some(dir) = bbf_dir() else {
        return;
    };
    let types = DataTypes::from_file(&dir.join("tr-106-types.xml")).unwrap();
    assert!(types.len() >= 20, "{} types", types.len());
    let counter = types.resolve("StatsCounter64").unwrap();
    assert_eq!(counter.ty, ValueType::UnsignedLong);
    // URL -> URI: a string of at most 2048; IPv6Prefix -> IPPrefix: at most 49.
    assert_eq!(
        types.resolve("URL").unwrap().constraints.max_length,
        Some(2048)
    );
    assert_eq!(
        types.resolve("IPv6Prefix").unwrap().constraints.max_length,
        Some(49)
    );
    assert_eq!(
        types.resolve("Order").unwrap().constraints.ranges,
        vec![(Some(1), None)]
    );
}

#[test]
fn a_bbf_document_is_a_usable_profile() {
    let Some(dir) = bbf_dir() else { return };
    let profile = datamodel::builtin::load_profile(
        dir.join("tr-181-2-17-0-cwmp-full.xml")
            .to_str()
            .expect("utf-8 path"),
    )
    .expect("loads");
    assert_eq!(profile.root(), "Device.");
    assert_eq!(profile.identity.oui, "000000");
    let model = datamodel::DeviceModel::new(datamodel::BaseTree::new(profile));
    assert_eq!(
        model.value("Device.DeviceInfo.UpTime").as_deref(),
        Some("0")
    );
    assert!(model.get_parameter_names("Device.WiFi.SSID.", true).is_ok());
}
