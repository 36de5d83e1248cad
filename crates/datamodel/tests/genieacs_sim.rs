//! Loading genieacs-sim device models (CSV and JSON) into profiles.

use cwmp::ValueType;
use datamodel::genieacs_sim::{SimModelError, load_sim_model, profile_from_csv, profile_from_json};
use datamodel::{BaseTree, DeviceModel, Profile};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/genieacs-sim")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture")
}

fn load(name: &str) -> Profile {
    let profile = load_sim_model(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let again = Profile::parse(&profile.to_text()).expect("the profile text parses");
    assert_eq!(
        again, profile,
        "{name} survives a round trip through the profile text"
    );
    profile
}

fn value<'p>(p: &'p Profile, path: &str) -> Option<&'p str> {
    p.values
        .iter()
        .find(|(k, _)| k == path)
        .map(|(_, v)| v.as_str())
}

fn param(p: &Profile, generic: &str) -> (ValueType, bool) {
    let def = p
        .schema
        .param(generic)
        .unwrap_or_else(|| panic!("no parameter {generic}"));
    (def.ty.clone(), def.writable)
}

/// A table's (writable, count parameter).
fn table<'p>(p: &'p Profile, generic: &str) -> (bool, Option<&'p str>) {
    let def = p
        .schema
        .object(generic)
        .unwrap_or_else(|| panic!("no object {generic}"));
    assert!(def.multi, "{generic} is a table");
    (def.writable, def.count_parameter.as_deref())
}

const IGD: &str = "InternetGatewayDevice";

#[test]
fn tr098_gateway_from_a_genieacs_export() {
    let p = load("tr098-gateway.csv");
    assert_eq!(p.name, "tr098-gateway");
    assert_eq!(p.root(), "InternetGatewayDevice.");
    assert_eq!(p.identity.manufacturer, "Acme Networks, Inc.");
    assert_eq!(p.identity.oui, "A1B2C3");
    assert_eq!(p.identity.product_class, "AG-200");
    // GenieACS's own rows are not part of the data model.
    assert!(
        p.schema
            .objects
            .keys()
            .all(|k| k.starts_with("InternetGatewayDevice."))
    );
    assert!(
        p.schema
            .params
            .keys()
            .all(|k| k.starts_with("InternetGatewayDevice."))
    );
    // 37 parameters in the file, 33 definitions: the two WLAN entries share theirs.
    assert_eq!(p.schema.params.len(), 33);

    let wlan = format!("{IGD}.LANDevice.{{i}}.WLANConfiguration.{{i}}.");
    assert_eq!(
        param(&p, &format!("{wlan}Channel")),
        (ValueType::UnsignedInt, true)
    );
    assert_eq!(
        param(&p, &format!("{wlan}Enable")),
        (ValueType::Boolean, true)
    );
    assert_eq!(
        param(&p, &format!("{IGD}.DeviceInfo.UpTime")),
        (ValueType::UnsignedInt, false)
    );
    assert_eq!(
        param(&p, &format!("{IGD}.DeviceInfo.ProvisioningCode")),
        (ValueType::String, true)
    );

    assert_eq!(
        table(&p, &format!("{IGD}.LANDevice.{{i}}.")),
        (
            false,
            Some("InternetGatewayDevice.LANDeviceNumberOfEntries")
        )
    );
    // TR-098 names some count parameters irregularly.
    let count = format!("{IGD}.LANDevice.{{i}}.LANWLANConfigurationNumberOfEntries");
    assert_eq!(table(&p, &wlan), (false, Some(count.as_str())));
    let wan_conn = format!("{IGD}.WANDevice.{{i}}.WANConnectionDevice.{{i}}.");
    let count = format!("{IGD}.WANDevice.{{i}}.WANConnectionNumberOfEntries");
    assert_eq!(table(&p, &wan_conn), (false, Some(count.as_str())));
    // A writable container or instance makes the table writable.
    let count = format!("{wan_conn}WANIPConnectionNumberOfEntries");
    assert_eq!(
        table(&p, &format!("{wan_conn}WANIPConnection.{{i}}.")),
        (true, Some(count.as_str()))
    );
    // Empty tables, announced by their count parameters.
    let count = format!("{IGD}.Layer3Forwarding.ForwardNumberOfEntries");
    assert_eq!(
        table(&p, &format!("{IGD}.Layer3Forwarding.Forwarding.{{i}}.")),
        (true, Some(count.as_str()))
    );
    let hosts = format!("{IGD}.LANDevice.{{i}}.Hosts.Host.{{i}}.");
    let count = format!("{IGD}.LANDevice.{{i}}.Hosts.HostNumberOfEntries");
    assert_eq!(table(&p, &hosts), (false, Some(count.as_str())));
    // Plain objects stay plain.
    assert!(!p.schema.objects[&format!("{IGD}.DeviceInfo.")].multi);

    let instances: Vec<&str> = p.instances.iter().map(String::as_str).collect();
    assert_eq!(
        instances,
        vec![
            "InternetGatewayDevice.LANDevice.1.",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.",
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.",
            "InternetGatewayDevice.WANDevice.1.",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.",
        ]
    );

    // Quoted fields with commas and doubled quotes.
    assert_eq!(
        value(&p, &format!("{IGD}.DeviceInfo.Description")),
        Some("Acme \"Home\" Gateway")
    );
    let dns = format!("{IGD}.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.DNSServers");
    assert_eq!(value(&p, &dns), Some("192.0.2.53,198.51.100.53"));
    assert_eq!(
        value(&p, &format!("{IGD}.LANDevice.1.WLANConfiguration.2.SSID")),
        Some("Acme-5G")
    );
    assert_eq!(
        value(&p, &format!("{IGD}.LANDevice.1.WLANConfiguration.1.Enable")),
        Some("true")
    );
    // Zero values are left to the schema.
    assert_eq!(
        value(&p, &format!("{IGD}.LANDevice.1.WLANConfiguration.2.Enable")),
        None
    );
    assert_eq!(
        value(&p, &format!("{IGD}.DeviceInfo.ProvisioningCode")),
        None
    );
    assert_eq!(
        value(&p, &format!("{IGD}.ManagementServer.PeriodicInformTime")),
        None
    );
    // Counts follow the instances.
    assert_eq!(
        value(
            &p,
            &format!("{IGD}.LANDevice.1.LANWLANConfigurationNumberOfEntries")
        ),
        None
    );
    // 37 values less five zeros (the three above, two empty tables' counts) and the five
    // counts of the other tables.
    assert_eq!(p.values.len(), 27);
}

#[test]
fn tr098_json_describes_the_same_device() {
    let csv = load("tr098-gateway.csv");
    let mut json = load("tr098-gateway.json");
    json.name = csv.name.clone();
    assert_eq!(json, csv);
}

#[test]
fn tr181_router_from_a_simulator_csv() {
    let p = load("tr181-router.csv");
    assert_eq!(p.root(), "Device.");
    assert_eq!(p.identity.manufacturer, "Example Devices");
    assert_eq!(p.identity.oui, "0011AA");
    assert_eq!(p.identity.product_class, "XR-1");

    assert_eq!(
        param(&p, "Device.IP.Interface.{i}.Stats.BytesSent"),
        (ValueType::UnsignedLong, false)
    );
    assert_eq!(
        param(&p, "Device.X_0011AA_Debug.Level"),
        (ValueType::Int, true)
    );
    assert_eq!(
        param(&p, "Device.DeviceInfo.FirstUseDate"),
        (ValueType::DateTime, false)
    );
    // No type given: string.
    assert_eq!(
        param(&p, "Device.Time.LocalTimeZone"),
        (ValueType::String, true)
    );
    // Objects on the way that the file leaves out.
    assert!(p.schema.object("Device.IP.Interface.{i}.Stats.").is_some());

    assert_eq!(
        table(&p, "Device.WiFi.Radio.{i}."),
        (false, Some("Device.WiFi.RadioNumberOfEntries"))
    );
    assert_eq!(
        table(&p, "Device.WiFi.SSID.{i}."),
        (true, Some("Device.WiFi.SSIDNumberOfEntries"))
    );
    assert_eq!(
        table(&p, "Device.IP.Interface.{i}.IPv4Address.{i}."),
        (
            true,
            Some("Device.IP.Interface.{i}.IPv4AddressNumberOfEntries")
        )
    );

    let instances: Vec<&str> = p.instances.iter().map(String::as_str).collect();
    assert_eq!(
        instances,
        vec![
            "Device.IP.Interface.1.",
            "Device.IP.Interface.1.IPv4Address.1.",
            "Device.WiFi.Radio.1.",
            "Device.WiFi.SSID.1.",
            "Device.WiFi.SSID.2.",
            "Device.WiFi.SSID.10.",
        ]
    );
    assert_eq!(value(&p, "Device.WiFi.SSID.1.SSID"), Some("Home \"Main\""));
    assert_eq!(
        value(&p, "Device.WiFi.Radio.1.OperatingStandards"),
        Some("b,g,n")
    );
    assert_eq!(
        value(&p, "Device.Time.LocalTimeZone"),
        Some("CET-1CEST,M3.5.0,M10.5.0/3")
    );
    assert_eq!(value(&p, "Device.X_0011AA_Debug.Level"), Some("-3"));
    // `1` for a boolean is written `true`; zero values are dropped.
    assert_eq!(
        value(&p, "Device.ManagementServer.PeriodicInformEnable"),
        Some("true")
    );
    assert_eq!(value(&p, "Device.WiFi.SSID.2.Enable"), None);
    assert_eq!(value(&p, "Device.WiFi.SSID.10.LowerLayers"), None);
    assert_eq!(
        value(&p, "Device.ManagementServer.PeriodicInformTime"),
        None
    );
    // Values follow the instances' natural order.
    let ssids: Vec<&str> = p
        .values
        .iter()
        .filter(|(k, _)| k.ends_with(".SSID"))
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(ssids, vec!["Home \"Main\"", "Guest", "Backhaul"]);
}

#[test]
fn tr181_json_describes_the_same_device() {
    let csv = load("tr181-router.csv");
    let mut json = load("tr181-router.json");
    json.name = csv.name.clone();
    assert_eq!(json, csv);
}

#[test]
fn bom_crlf_and_loose_headers_are_accepted() {
    let original = read("tr181-router.csv");
    let expected = profile_from_csv(&original, "r").unwrap();
    let windows = format!("\u{feff}{}", original.replace('\n', "\r\n"));
    assert_eq!(profile_from_csv(&windows, "r").unwrap(), expected);
    let headerless = original.split_once('\n').unwrap().1;
    assert_eq!(profile_from_csv(headerless, "r").unwrap(), expected);

    let loose = "value type ; PARAMETER ; Value ; writable ; object\n\
                 ;Device;;0;1\n\
                 xsd:boolean ; Device.A.Enable;1; TRUE ;0\n\
                 xsd:int;Device.A.Level;\"-1;2\";false;\n";
    let p = profile_from_csv(loose, "loose").unwrap();
    assert_eq!(param(&p, "Device.A.Enable"), (ValueType::Boolean, true));
    assert_eq!(value(&p, "Device.A.Enable"), Some("true"));
    assert_eq!(value(&p, "Device.A.Level"), Some("-1;2"));
}

#[test]
fn instances_that_disagree_on_a_type_are_outvoted() {
    let csv = "Parameter,Object,Writable,Value,Value type\n\
               Device.T.1.Level,false,false,1,xsd:long\n\
               Device.T.2.Level,false,true,2,xsd:int\n\
               Device.T.3.Level,false,false,3,xsd:int\n\
               Device.T.1.Active,false,false,,xsd:string\n\
               Device.T.2.Active,false,false,1,xsd:boolean\n\
               Device.T.3.Active,false,false,,xsd:boolean\n\
               Device.T.1.Since,false,false,,xsd:dateTime\n";
    let p = profile_from_csv(csv, "votes").unwrap();
    assert_eq!(param(&p, "Device.T.{i}.Level"), (ValueType::Int, true));
    // An empty xsd:string is GenieACS's placeholder for a value it never fetched.
    assert_eq!(
        param(&p, "Device.T.{i}.Active"),
        (ValueType::Boolean, false)
    );
    assert_eq!(value(&p, "Device.T.2.Active"), Some("true"));
    // Empty values of other types mean unknown: the type's zero value stands in.
    assert_eq!(value(&p, "Device.T.3.Active"), None);
    assert_eq!(value(&p, "Device.T.1.Since"), None);
    assert_eq!(Profile::parse(&p.to_text()).unwrap(), p);
}

#[test]
fn device_id_rows_win_over_device_info() {
    let csv = "Parameter,Object,Writable,Value,Value type\n\
               DeviceID.ProductClass,false,false,HGW-X,xsd:string\n\
               Device.DeviceInfo.ProductClass,false,false,HGW,xsd:string\n\
               Device.DeviceInfo.Manufacturer,false,false,Maker,xsd:string\n";
    let p = profile_from_csv(csv, "id").unwrap();
    assert_eq!(p.identity.product_class, "HGW-X");
    assert_eq!(p.identity.manufacturer, "Maker");
    assert_eq!(p.identity.oui, "");
}

#[test]
fn load_sim_model_chooses_by_extension() {
    let err = load_sim_model(&fixture("tr181-router.txt")).unwrap_err();
    assert!(matches!(err, SimModelError::UnknownFormat { .. }), "{err}");
    let err = load_sim_model(&fixture("missing.csv")).unwrap_err();
    assert!(matches!(err, SimModelError::Io { .. }), "{err}");
    assert!(matches!(
        profile_from_csv("", " padded"),
        Err(SimModelError::InvalidName { .. })
    ));
}

/// The line and message of the error for these rows, after a header and one good row.
fn csv_error(rows: &str) -> (usize, String) {
    let text =
        format!("Parameter,Object,Writable,Value,Value type\nDevice.A,false,false,x,\n{rows}");
    match profile_from_csv(&text, "bad") {
        Err(e @ SimModelError::Csv { line, .. }) => (line, e.to_string()),
        other => panic!("expected a CSV error for {rows:?}, got {other:?}"),
    }
}

#[test]
fn malformed_csv_names_the_line() {
    let cases = [
        (
            "Device.B,false,false,\"open,\nDevice.C,false,false,,\n",
            3,
            "never closed",
        ),
        (
            "Device.B,false,false,say \"hi\",xsd:string\n",
            3,
            "quote inside",
        ),
        (
            "Device.B,false,false,\"x\"y,xsd:string\n",
            3,
            "after the closing quote",
        ),
        ("Device.B,false,maybe,x,xsd:string\n", 3, "Writable"),
        (
            "Device.B,false,false,1.1.1.1,8.8.8.8,xsd:string\n",
            3,
            "must be quoted",
        ),
        ("Device.A,false,false,x,\n", 3, "twice"),
        ("Device.A.B,false,false,x,xsd:string\n", 3, "under Device.A"),
        ("Device.A,true,false,,\n", 3, "both"),
        (
            "Device.B,true,false,,\nDevice.B,false,false,x,\n",
            4,
            "both",
        ),
        ("Device.T.1,false,false,1,xsd:int\n", 3, "instance number"),
        (
            "Device.Bad Name,false,false,1,xsd:int\n",
            3,
            "cannot contain",
        ),
        ("Device.X,false,false,1,xsd: int\n", 3, "type name"),
        (",false,false,1,xsd:int\n", 3, "empty Parameter"),
    ];
    for (rows, line, needle) in cases {
        let (got, message) = csv_error(rows);
        assert_eq!(got, line, "{rows:?}: {message}");
        assert!(message.contains(needle), "{rows:?}: {message}");
    }
    let err = profile_from_csv("Name? Value?\nDevice.A,x\n", "bad").unwrap_err();
    assert_eq!(err.line(), Some(1), "{err}");
}

#[test]
fn a_model_without_data_model_rows_is_empty() {
    let only_genieacs = "Parameter,Object,Writable,Value\nDeviceID.OUI,false,false,A1\nEvents.Inform,false,false,x\n";
    assert!(matches!(
        profile_from_csv(only_genieacs, "x"),
        Err(SimModelError::Empty)
    ));
    assert!(matches!(
        profile_from_json("{}", "x"),
        Err(SimModelError::Empty)
    ));
}

fn json_error(text: &str) -> (usize, usize, String) {
    match profile_from_json(text, "bad") {
        Err(e @ SimModelError::Json { line, column, .. }) => (line, column, e.to_string()),
        other => panic!("expected a JSON error for {text:?}, got {other:?}"),
    }
}

#[test]
fn malformed_json_names_the_position() {
    let (line, column, message) = json_error("[\n  [\"Device.A\", false]\n]");
    assert_eq!((line, column), (1, 1), "{message}");
    assert!(
        message.contains("expected an object mapping parameter paths"),
        "{message}"
    );

    let entries =
        |third: &str| format!("{{\n  \"Device.A\": [false, \"a\", \"xsd:string\"],\n  {third}\n}}");
    let cases = [
        ("\"Device.B\": \"b\"", "expected an array"),
        ("\"Device.B\": []", "parameter entry"),
        (
            "\"Device.B\": [true, \"b\", \"xsd:string\", 4]",
            "parameter entry",
        ),
        ("\"Device.B.\": [true, \"\", \"\"]", "object entry"),
        ("\"Device.B\": [\"yes\", \"b\"]", "writable"),
        ("\"Device.B\": [true, {}]", "value"),
        ("\"Device.B\": [true, \"b\", 7]", "type"),
        ("\"Device.A\": [false, \"again\"]", "twice"),
    ];
    for (third, needle) in cases {
        let (line, column, message) = json_error(&entries(third));
        assert_eq!(line, 3, "{third}: {message}");
        assert_eq!(column, third.find(": ").unwrap() + 5, "{third}: {message}");
        assert!(message.contains(needle), "{third}: {message}");
    }

    let (line, _, message) =
        json_error("{\n  \"Device.A\": [false, \"a\"],\n  \"Device.B\": [true \"b\"]\n}");
    assert_eq!(line, 3, "{message}");
    let (line, _, message) = json_error("{\"Device.A\": [false, \"a\"]} trailing");
    assert_eq!(line, 1, "{message}");
}

#[test]
fn a_device_built_from_the_profile_has_the_files_values() {
    let device = DeviceModel::new(BaseTree::new(load("tr098-gateway.csv")));
    let get = |path: &str| device.value(&format!("{IGD}.{path}"));
    assert_eq!(
        get("LANDevice.1.WLANConfiguration.2.SSID").as_deref(),
        Some("Acme-5G")
    );
    assert_eq!(
        get("LANDevice.1.WLANConfiguration.2.Enable").as_deref(),
        Some("false")
    );
    assert_eq!(
        get("LANDevice.1.LANWLANConfigurationNumberOfEntries").as_deref(),
        Some("2")
    );
    assert_eq!(
        get("LANDevice.1.Hosts.HostNumberOfEntries").as_deref(),
        Some("0")
    );
    assert_eq!(get("DeviceInfo.ProvisioningCode").as_deref(), Some(""));
    assert_eq!(
        device.instances(&format!("{IGD}.LANDevice.1.WLANConfiguration.")),
        vec![1, 2]
    );
}
