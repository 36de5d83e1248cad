//! The shipped device profiles: they parse, round-trip, carry what CWMP requires of their
//! root, start every parameter with a value that fits its definition, and agree with the
//! Broadband Forum XML they were written from.

#[path = "builtin_profiles/bbf_scan.rs"]
mod bbf_scan;
#[path = "builtin_profiles/check.rs"]
mod check;

use check::{fits, initial_tree};
use cwmp::ValueType;
use datamodel::builtin::{builtin, builtin_names, load_profile};
use datamodel::{Profile, generic_path};
use std::collections::HashSet;

fn all() -> Vec<Profile> {
    builtin_names()
        .iter()
        .map(|n| builtin(n).unwrap_or_else(|| panic!("built-in {n} must parse")))
        .collect()
}

fn profile(name: &str) -> Profile {
    match load_profile(name) {
        Ok(p) => p,
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn every_builtin_parses_and_round_trips() {
    assert_eq!(builtin_names().len(), 4);
    for p in all() {
        assert!(builtin_names().contains(&p.name.as_str()), "{}", p.name);
        let again = Profile::parse(&p.to_text()).expect("to_text output parses");
        assert_eq!(again, p, "{} changes through to_text", p.name);
    }
}

#[test]
fn roots_and_sizes() {
    let roots: Vec<(String, String)> = all()
        .iter()
        .map(|p| (p.name.clone(), p.root().to_string()))
        .collect();
    for (name, root) in &roots {
        let want = if name.starts_with("tr098") {
            "InternetGatewayDevice."
        } else {
            "Device."
        };
        assert_eq!(root, want, "{name}");
    }
    let gw = profile("tr181-gateway").schema.params.len();
    assert!(
        (300..=600).contains(&gw),
        "tr181-gateway has {gw} parameters"
    );
    for p in all() {
        assert!(p.schema.params.len() >= 150, "{} is too small", p.name);
        assert!(
            p.schema.params.keys().all(|k| k.starts_with(p.root())),
            "{}",
            p.name
        );
    }
}

#[test]
fn identity_matches_device_info() {
    for p in all() {
        let id = &p.identity;
        assert_eq!(id.oui.len(), 6, "{}", p.name);
        assert!(
            id.oui
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)),
            "{}: OUI {:?}",
            p.name,
            id.oui
        );
        assert!(!id.manufacturer.is_empty() && !id.product_class.is_empty());
        let tree = initial_tree(&p);
        let info = format!("{}DeviceInfo.", p.root());
        assert_eq!(tree[&format!("{info}Manufacturer")], id.manufacturer);
        assert_eq!(tree[&format!("{info}ManufacturerOUI")], id.oui);
        assert_eq!(tree[&format!("{info}ProductClass")], id.product_class);
        assert!(!tree[&format!("{info}SerialNumber")].is_empty());
    }
}

#[test]
fn forced_inform_parameters_are_defined_and_set() {
    const DEVICE: &[&str] = &[
        "Device.RootDataModelVersion",
        "Device.DeviceInfo.HardwareVersion",
        "Device.DeviceInfo.SoftwareVersion",
        "Device.DeviceInfo.ProvisioningCode",
        "Device.ManagementServer.ParameterKey",
        "Device.ManagementServer.ConnectionRequestURL",
        "Device.ManagementServer.AliasBasedAddressing",
    ];
    const IGD: &[&str] = &[
        "InternetGatewayDevice.DeviceSummary",
        "InternetGatewayDevice.DeviceInfo.HardwareVersion",
        "InternetGatewayDevice.DeviceInfo.SoftwareVersion",
        "InternetGatewayDevice.DeviceInfo.SpecVersion",
        "InternetGatewayDevice.DeviceInfo.ProvisioningCode",
        "InternetGatewayDevice.ManagementServer.ParameterKey",
        "InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
        "InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.ExternalIPAddress",
    ];
    for p in all() {
        let forced = if p.root() == "Device." { DEVICE } else { IGD };
        let tree = initial_tree(&p);
        for name in forced {
            assert!(p.schema.param(name).is_some(), "{}: {name} missing", p.name);
            let present = tree.keys().any(|k| generic_path(k) == *name);
            assert!(present, "{}: no instance carries {name}", p.name);
        }
        let info = format!("{}DeviceInfo.", p.root());
        for name in ["HardwareVersion", "SoftwareVersion"] {
            assert!(!tree[&format!("{info}{name}")].is_empty(), "{}", p.name);
        }
        let cr = &tree[&format!("{}ManagementServer.ConnectionRequestURL", p.root())];
        assert!(cr.starts_with("http://"), "{}: {cr}", p.name);
    }
    let version = &initial_tree(&profile("tr181-gateway"))["Device.RootDataModelVersion"];
    assert_eq!(version, "2.17");
    let igd = initial_tree(&profile("tr098-gateway"));
    let ip = "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.";
    assert!(!igd[&format!("{ip}ExternalIPAddress")].is_empty());
    assert!(igd["InternetGatewayDevice.DeviceSummary"].starts_with("InternetGatewayDevice:"));
}

#[test]
fn management_server_parameters_have_the_right_types() {
    let expect: &[(&str, ValueType, bool, Option<&str>)] = &[
        ("URL", ValueType::String, true, None),
        ("Username", ValueType::String, true, None),
        ("Password", ValueType::String, true, None),
        ("PeriodicInformEnable", ValueType::Boolean, true, None),
        ("PeriodicInformInterval", ValueType::UnsignedInt, true, None),
        ("PeriodicInformTime", ValueType::DateTime, true, None),
        ("ParameterKey", ValueType::String, false, None),
        ("ConnectionRequestURL", ValueType::String, false, None),
        ("ConnectionRequestUsername", ValueType::String, true, None),
        ("ConnectionRequestPassword", ValueType::String, true, None),
        ("UpgradesManaged", ValueType::Boolean, true, None),
        (
            "CWMPRetryMinimumWaitInterval",
            ValueType::UnsignedInt,
            true,
            Some("5"),
        ),
        (
            "CWMPRetryIntervalMultiplier",
            ValueType::UnsignedInt,
            true,
            Some("2000"),
        ),
        ("AliasBasedAddressing", ValueType::Boolean, false, None),
    ];
    for p in all() {
        let ms = format!("{}ManagementServer.", p.root());
        for (name, ty, writable, default) in expect {
            let def = p
                .schema
                .param(&format!("{ms}{name}"))
                .unwrap_or_else(|| panic!("{}: {ms}{name} missing", p.name));
            assert_eq!(&def.ty, ty, "{}: {name}", p.name);
            assert_eq!(def.writable, *writable, "{}: {name}", p.name);
            if let Some(d) = default {
                assert_eq!(def.default.as_deref(), Some(*d), "{}: {name}", p.name);
            }
        }
        let table = p
            .schema
            .object(&format!("{ms}InformParameter.{{i}}."))
            .unwrap_or_else(|| panic!("{}: no InformParameter table", p.name));
        assert!(table.multi && table.writable, "{}", p.name);
        let tree = initial_tree(&p);
        assert_eq!(tree[&format!("{ms}PeriodicInformEnable")], "true");
        for secret in ["Password", "ConnectionRequestPassword"] {
            assert_eq!(tree[&format!("{ms}{secret}")], "", "{}: {secret}", p.name);
        }
    }
}

fn instance_count(p: &Profile, table: &str) -> usize {
    assert!(
        p.schema.object(table).is_some_and(|o| o.multi),
        "{}: {table} is not a table",
        p.name
    );
    p.instances
        .iter()
        .filter(|i| generic_path(i) == table)
        .count()
}

#[test]
fn tables_have_their_instances() {
    let expect: &[(&str, &[(&str, usize)])] = &[
        (
            "tr181-gateway",
            &[
                ("Device.Ethernet.Interface.{i}.", 5),
                ("Device.IP.Interface.{i}.", 2),
                ("Device.IP.Interface.{i}.IPv4Address.{i}.", 2),
                ("Device.DHCPv4.Server.Pool.{i}.", 1),
                ("Device.WiFi.Radio.{i}.", 2),
                ("Device.WiFi.SSID.{i}.", 2),
                ("Device.WiFi.AccessPoint.{i}.", 2),
                ("Device.Hosts.Host.{i}.", 4),
                ("Device.DeviceInfo.FirmwareImage.{i}.", 2),
                ("Device.SoftwareModules.ExecEnv.{i}.", 1),
                ("Device.SoftwareModules.DeploymentUnit.{i}.", 0),
                ("Device.SoftwareModules.ExecutionUnit.{i}.", 0),
                ("Device.NAT.PortMapping.{i}.", 0),
                ("Device.ManagementServer.InformParameter.{i}.", 0),
            ],
        ),
        (
            "tr098-gateway",
            &[
                ("InternetGatewayDevice.LANDevice.{i}.", 1),
                (
                    "InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.",
                    2,
                ),
                ("InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.", 3),
                ("InternetGatewayDevice.WANDevice.{i}.", 1),
                (
                    "InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.",
                    1,
                ),
                (
                    "InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.",
                    1,
                ),
                (
                    "InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.",
                    1,
                ),
            ],
        ),
        (
            "tr135-stb",
            &[
                ("Device.Services.STBService.{i}.", 1),
                ("Device.Services.STBService.{i}.Components.FrontEnd.{i}.", 1),
                (
                    "Device.Services.STBService.{i}.Components.AudioDecoder.{i}.",
                    1,
                ),
                (
                    "Device.Services.STBService.{i}.Components.VideoDecoder.{i}.",
                    1,
                ),
                (
                    "Device.Services.STBService.{i}.Components.AudioOutput.{i}.",
                    2,
                ),
                (
                    "Device.Services.STBService.{i}.Components.VideoOutput.{i}.",
                    1,
                ),
                ("Device.Services.STBService.{i}.Components.HDMI.{i}.", 1),
                ("Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.", 1),
            ],
        ),
        (
            "tr104-voip",
            &[
                ("Device.Services.VoiceService.{i}.", 1),
                ("Device.Services.VoiceService.{i}.SIP.Client.{i}.", 2),
                ("Device.Services.VoiceService.{i}.SIP.Network.{i}.", 1),
                ("Device.Services.VoiceService.{i}.CallControl.Line.{i}.", 2),
                ("Device.Services.VoiceService.{i}.POTS.FXS.{i}.", 2),
                (
                    "Device.Services.VoiceService.{i}.Capabilities.Codec.{i}.",
                    4,
                ),
            ],
        ),
    ];
    for (name, tables) in expect {
        let p = profile(name);
        for (table, n) in *tables {
            assert_eq!(instance_count(&p, table), *n, "{name}: {table}");
        }
    }
    let gw = profile("tr181-gateway");
    assert!(gw.schema.objects["Device.NAT.PortMapping.{i}."].writable);
    let tree = initial_tree(&gw);
    let bands: HashSet<&str> = (1..=2)
        .map(|i| tree[&format!("Device.WiFi.Radio.{i}.OperatingFrequencyBand")].as_str())
        .collect();
    assert_eq!(bands, HashSet::from(["2.4GHz", "5GHz"]));
    let upstream = (1..=5)
        .filter(|i| tree[&format!("Device.Ethernet.Interface.{i}.Upstream")] == "true")
        .count();
    assert_eq!(upstream, 1, "one WAN port, four LAN ports");
}

#[test]
fn instances_are_unique_and_listed_parents_first() {
    for p in all() {
        let mut seen = HashSet::new();
        for inst in &p.instances {
            assert!(seen.insert(inst.as_str()), "{}: {inst} twice", p.name);
            let segments: Vec<&str> = inst.trim_end_matches('.').split('.').collect();
            for end in 1..segments.len() - 1 {
                if segments[end].bytes().all(|b| b.is_ascii_digit()) {
                    let parent = format!("{}.", segments[..=end].join("."));
                    assert!(
                        seen.contains(parent.as_str()),
                        "{}: {inst} before its parent {parent}",
                        p.name
                    );
                }
            }
        }
    }
}

#[test]
fn values_and_defaults_fit_their_definitions() {
    for p in all() {
        let tree = initial_tree(&p);
        let mut set = HashSet::new();
        for (path, value) in &p.values {
            assert!(set.insert(path), "{}: {path} set twice", p.name);
            assert!(
                tree.contains_key(path),
                "{}: {path} is set but not in the initial tree",
                p.name
            );
            let def = &p.schema.params[&generic_path(path)];
            if let Err(e) = fits(def, value) {
                panic!("{}: value of {path}: {e}", p.name);
            }
        }
        for (path, def) in &p.schema.params {
            if let Some(d) = &def.default
                && let Err(e) = fits(def, d)
            {
                panic!("{}: default of {path}: {e}", p.name);
            }
        }
        for (path, value) in &tree {
            let def = &p.schema.params[&generic_path(path)];
            if let Err(e) = fits(def, value) {
                panic!("{}: initial value of {path}: {e}", p.name);
            }
        }
    }
}

#[test]
fn the_value_check_rejects_what_it_should() {
    let p = profile("tr181-gateway");
    let def = |path: &str| p.schema.params[path].clone();
    let band = def("Device.WiFi.Radio.{i}.SupportedFrequencyBands");
    assert!(fits(&band, "2.4GHz,5GHz").is_ok());
    assert!(fits(&band, "2.4GHz,60GHz").is_err());
    let channel = def("Device.WiFi.Radio.{i}.Channel");
    assert!(fits(&channel, "0").is_err() && fits(&channel, "x").is_err());
    let key = def("Device.WiFi.AccessPoint.{i}.Security.KeyPassphrase");
    assert!(fits(&key, "short").is_err() && fits(&key, "long enough").is_ok());
    let psk = def("Device.WiFi.AccessPoint.{i}.Security.PreSharedKey");
    assert!(fits(&psk, &"AB".repeat(33)).is_err() && fits(&psk, "ABCD").is_ok());
}

#[test]
fn count_parameters_are_defined_unsigned_and_linked() {
    for p in all() {
        let mut linked = HashSet::new();
        for (table, def) in &p.schema.objects {
            let Some(count) = &def.count_parameter else {
                // Only fixed-size tables (TR-098 PreSharedKey.{i}) go uncounted.
                let fixed = def.max_entries.is_some_and(|m| m == def.min_entries);
                assert!(
                    !def.multi || fixed,
                    "{}: table {table} has no count",
                    p.name
                );
                continue;
            };
            let param = p
                .schema
                .param(count)
                .unwrap_or_else(|| panic!("{}: {count} of {table} undefined", p.name));
            assert_eq!(param.ty, ValueType::UnsignedInt, "{}: {count}", p.name);
            assert!(!param.writable, "{}: {count}", p.name);
            let parent = table.trim_end_matches("{i}.").trim_end_matches('.');
            let parent = &parent[..parent.rfind('.').map_or(0, |i| i + 1)];
            assert!(
                count.starts_with(parent) && !count[parent.len()..].contains('.'),
                "{}: {count} does not sit beside {table}",
                p.name
            );
            linked.insert(count.as_str());
        }
        for name in p.schema.params.keys() {
            if name.ends_with("NumberOfEntries") {
                assert!(
                    linked.contains(name.as_str()),
                    "{}: {name} counts no table",
                    p.name
                );
            }
        }
    }
}

#[test]
fn parameters_agree_with_the_bbf_xml() {
    let Some(dir) = bbf_scan::bbf_dir_or_skip("parameters_agree_with_the_bbf_xml") else {
        return;
    };
    let mut xml = std::collections::HashMap::new();
    for file in [
        "tr-181-2-17-0-cwmp-full.xml",
        "tr-098-1-8-0-full.xml",
        "tr-135-1-4-1-cwmp-full.xml",
        "tr-104-2-0-2-cwmp-full.xml",
    ] {
        let params = bbf_scan::scan(&dir.join(file)).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            params.len() > 400,
            "{file}: only {} parameters",
            params.len()
        );
        xml.extend(params);
    }
    // A fixed point: the scan resolves named data types to their base type.
    let stats = &xml["Device.Ethernet.Interface.{i}.Stats.BytesSent"];
    assert_eq!(stats.ty, ValueType::UnsignedLong);
    let alias = &xml["Device.Ethernet.Interface.{i}.Alias"];
    assert!(alias.writable && alias.ty == ValueType::String);

    for p in all() {
        for (path, def) in &p.schema.params {
            if path.contains(".X_") {
                continue;
            }
            let Some(x) = xml.get(path) else {
                panic!("{}: {path} is not in the BBF data models", p.name);
            };
            assert_eq!(def.ty, x.ty, "{}: type of {path}", p.name);
            assert_eq!(def.writable, x.writable, "{}: access of {path}", p.name);
        }
    }
}
