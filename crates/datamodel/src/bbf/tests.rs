//! The loader on small inline documents, one construct at a time.

use super::build::parent_object;
use super::*;
use crate::schema::{ActiveNotify, ParamDef};
use cwmp::ValueType;

/// A document with `types` at the top and one model holding `body`.
pub(super) fn doc(types: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<dm:document xmlns:dm="urn:broadband-forum-org:cwmp:datamodel-1-14" spec="urn:x">
{types}
<model name="Device:2.17">
{body}
</model>
</dm:document>"#
    )
}

pub(super) fn load(types: &str, body: &str) -> Result<Schema, BbfError> {
    load_schema(&doc(types, body), &LoadOptions::default())
}

pub(super) fn param(schema: &Schema, path: &str) -> ParamDef {
    schema
        .param(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", schema.params.keys()))
        .clone()
}

pub(super) fn one_param(syntax: &str) -> ParamDef {
    let body = format!(
        r#"<object name="Device." access="readOnly"><parameter name="P" access="readWrite">
           <description>prose &amp; more <b>prose</b></description>
           <syntax>{syntax}</syntax></parameter></object>"#
    );
    param(&load("", &body).unwrap(), "Device.P")
}

#[test]
fn objects_take_access_entries_and_count_parameter() {
    let s = load(
        "",
        r#"<object name="Device." access="readOnly" minEntries="1" maxEntries="1"/>
           <object name="Device.WiFi."/>
           <object name="Device.WiFi.SSID.{i}." access="readWrite" minEntries="0"
               maxEntries="unbounded" numEntriesParameter="SSIDNumberOfEntries"/>
           <object name="Device.WiFi.AP.{i}." access="readOnly" minEntries="2" maxEntries="8"/>"#,
    )
    .unwrap();
    let ssid = s.object("Device.WiFi.SSID.{i}.").unwrap();
    assert!(ssid.multi && ssid.writable);
    assert_eq!((ssid.min_entries, ssid.max_entries), (0, None));
    assert_eq!(
        ssid.count_parameter.as_deref(),
        Some("Device.WiFi.SSIDNumberOfEntries")
    );
    let ap = s.object("Device.WiFi.AP.{i}.").unwrap();
    assert!(ap.multi && !ap.writable);
    assert_eq!((ap.min_entries, ap.max_entries), (2, Some(8)));
    // No attributes: the standard's defaults.
    let wifi = s.object("Device.WiFi.").unwrap();
    assert!(!wifi.multi && !wifi.writable);
    assert_eq!((wifi.min_entries, wifi.max_entries), (1, Some(1)));
    // fill_missing_objects ran: the table object above the entries exists.
    assert!(s.object("Device.WiFi.SSID.").is_some());
}

#[test]
fn count_parameters_are_named_from_the_table_parent() {
    assert_eq!(parent_object("Device.WiFi.SSID.{i}."), "Device.WiFi.");
    assert_eq!(parent_object("Device.A.{i}.B.{i}."), "Device.A.{i}.");
    assert_eq!(parent_object("VoiceService.{i}."), "");
    assert_eq!(parent_object("Device.Services."), "Device.");
}

#[test]
fn every_builtin_type_is_read() {
    for (element, ty) in [
        ("string", ValueType::String),
        ("int", ValueType::Int),
        ("unsignedInt", ValueType::UnsignedInt),
        ("long", ValueType::Long),
        ("unsignedLong", ValueType::UnsignedLong),
        ("boolean", ValueType::Boolean),
        ("dateTime", ValueType::DateTime),
        ("base64", ValueType::Base64),
        ("hexBinary", ValueType::HexBinary),
        ("decimal", ValueType::Decimal),
    ] {
        assert_eq!(one_param(&format!("<{element}/>")).ty, ty, "{element}");
    }
}

#[test]
fn parameters_take_access_and_active_notify() {
    let s = load(
        "",
        r#"<object name="Device.">
             <parameter name="A" access="readWrite" activeNotify="forceEnabled">
               <syntax><string/></syntax></parameter>
             <parameter name="B"><syntax><string/></syntax></parameter>
             <parameter name="C" access="writeOnceReadOnly" activeNotify="canDeny">
               <syntax><string/></syntax></parameter>
             <parameter name="D" access="readOnly" activeNotify="forceDefaultEnabled">
               <syntax><string/></syntax></parameter>
           </object>"#,
    )
    .unwrap();
    let a = param(&s, "Device.A");
    assert!(a.writable);
    assert_eq!(a.active_notify, ActiveNotify::ForceEnabled);
    let b = param(&s, "Device.B");
    assert!(!b.writable, "readOnly is the default");
    assert_eq!(b.active_notify, ActiveNotify::Normal);
    assert!(param(&s, "Device.C").writable);
    assert_eq!(param(&s, "Device.C").active_notify, ActiveNotify::CanDeny);
    assert_eq!(
        param(&s, "Device.D").active_notify,
        ActiveNotify::ForceDefaultEnabled
    );
}

#[test]
fn ranges_sizes_enumerations_and_lists() {
    let p = one_param(
        r#"<int><range minInclusive="-1" maxInclusive="-1"/><range minInclusive="1"/>
           <range maxInclusive="99999999999"/><units value="s"/></int>"#,
    );
    assert_eq!(
        p.constraints.ranges,
        vec![
            (Some(-1), Some(-1)),
            (Some(1), None),
            (None, Some(99_999_999_999))
        ]
    );
    let p = one_param(r#"<string><size minLength="8" maxLength="63"/></string>"#);
    assert_eq!(
        (p.constraints.min_length, p.constraints.max_length),
        (Some(8), Some(63))
    );
    // Several sizes: one envelope.
    let p = one_param(
        r#"<hexBinary><size minLength="0" maxLength="0"/><size minLength="36" maxLength="260"/></hexBinary>"#,
    );
    assert_eq!(
        (p.constraints.min_length, p.constraints.max_length),
        (None, Some(260))
    );
    let p = one_param(
        r#"<string><enumeration value="Up"/><enumeration value="Down" access="readOnly">
           <description>x</description></enumeration><enumeration value="Old" status="deleted"/>
           <pattern value="[a-z]+"/></string>"#,
    );
    assert_eq!(p.constraints.enumeration, ["Up", "Down"]);
    assert!(!p.constraints.list);
    // The list's own size is left out; the item's is kept.
    let p = one_param(
        r#"<list minItems="1" maxItems="4"><size maxLength="1024"/></list>
           <string><size maxLength="64"/><enumeration value="a"/></string>"#,
    );
    assert!(p.constraints.list);
    assert_eq!(p.constraints.max_length, Some(64));
    assert_eq!(p.constraints.enumeration, ["a"]);
}

#[test]
fn only_object_defaults_are_initial_values() {
    let p = one_param(r#"<boolean/><default type="object" value="true"/>"#);
    assert_eq!(p.default.as_deref(), Some("true"));
    let p = one_param(r#"<boolean/><default type="factory" value="true"/>"#);
    assert_eq!(p.default, None);
    let p = one_param(r#"<boolean/><default type="implementation" value="true"/>"#);
    assert_eq!(p.default, None);
    let p = one_param(r#"<string/><default type="object" value="x" status="deleted"/>"#);
    assert_eq!(p.default, None);
    let p = one_param(r#"<string/><default type="object" value="a&amp;b&#x41;"/>"#);
    assert_eq!(p.default.as_deref(), Some("a&bA"));
}

#[test]
fn decimal_ranges_are_dropped_and_bad_numbers_refused() {
    let p = one_param(r#"<decimal><range minInclusive="0.5" maxInclusive="2"/></decimal>"#);
    assert!(p.constraints.ranges.is_empty());
    let err = load(
        "",
        "<object name=\"Device.\">\n<parameter name=\"P\"><syntax><int>\n\
         <range minInclusive=\"one\"/></int></syntax></parameter></object>",
    )
    .unwrap_err();
    assert!(matches!(err, BbfError::Invalid { .. }), "{err}");
    assert!(err.to_string().contains("minInclusive"), "{err}");
    assert_eq!(err.position().unwrap().line, 7);
}

const TYPES: &str = r#"
  <dataType name="_AliasCommon"><description>d</description><string><size maxLength="64"/></string></dataType>
  <dataType name="Alias" base="_AliasCommon"><description>d</description></dataType>
  <dataType name="IPAddress"><string><size maxLength="45"/></string></dataType>
  <dataType name="IPv4Address" base="IPAddress"><size maxLength="15"/><pattern value=""/></dataType>
  <dataType name="StatsCounter64"><unsignedLong/></dataType>
  <dataType name="Pair"><list minItems="2" maxItems="2"/><unsignedInt><range maxInclusive="9"/></unsignedInt></dataType>
  <dataType name="Tenth"><int/></dataType>"#;

#[test]
fn data_type_refs_follow_base_chains() {
    let s = load(
        TYPES,
        r#"<object name="Device.">
             <parameter name="Alias"><syntax><dataType ref="Alias"/></syntax></parameter>
             <parameter name="Addr"><syntax><dataType ref="IPv4Address"/></syntax></parameter>
             <parameter name="Bytes"><syntax><dataType ref="StatsCounter64"/></syntax></parameter>
             <parameter name="Pair"><syntax><dataType ref="Pair"/></syntax></parameter>
             <parameter name="Pairs"><syntax><list/><dataType ref="IPAddress"/></syntax></parameter>
             <parameter name="Noise"><syntax><dataType base="Tenth"><range minInclusive="-5"/>
               <units value="dB"/></dataType><default type="object" value="0"/></syntax></parameter>
           </object>"#,
    )
    .unwrap();
    let alias = param(&s, "Device.Alias");
    assert_eq!(
        (alias.ty, alias.constraints.max_length),
        (ValueType::String, Some(64))
    );
    assert_eq!(param(&s, "Device.Addr").constraints.max_length, Some(15));
    let bytes = param(&s, "Device.Bytes");
    assert_eq!(bytes.ty, ValueType::UnsignedLong);
    assert!(bytes.constraints.is_empty());
    let pair = param(&s, "Device.Pair");
    assert_eq!(pair.ty, ValueType::UnsignedInt);
    assert!(pair.constraints.list);
    assert_eq!(pair.constraints.ranges, vec![(None, Some(9))]);
    let pairs = param(&s, "Device.Pairs");
    assert!(pairs.constraints.list);
    assert_eq!(pairs.constraints.max_length, Some(45));
    let noise = param(&s, "Device.Noise");
    assert_eq!(noise.ty, ValueType::Int);
    assert_eq!(noise.constraints.ranges, vec![(Some(-5), None)]);
    assert_eq!(noise.default.as_deref(), Some("0"));
}

#[test]
fn extra_types_fill_in_and_the_document_wins() {
    let extra = DataTypes::from_xml(&format!(
        r#"<document>{TYPES}<dataType name="URI"><string><size maxLength="2048"/></string></dataType>
           <model name="Ignored:1"><object name="X."/></model></document>"#
    ))
    .unwrap();
    assert_eq!(extra.len(), 8);
    assert!(extra.contains("URI") && extra.names().any(|n| n == "Pair"));
    assert_eq!(
        extra.resolve("Alias").unwrap().constraints.max_length,
        Some(64)
    );
    let options = LoadOptions {
        extra_types: Some(extra),
        ..LoadOptions::default()
    };
    let xml = doc(
        // The document's own URI, and a type deriving from one in the extra set.
        r#"<dataType name="URI"><string><size maxLength="256"/></string></dataType>
           <dataType name="URL" base="URI"/>
           <dataType name="Short" base="Alias"><size maxLength="8"/></dataType>"#,
        r#"<object name="Device.">
             <parameter name="Url"><syntax><dataType ref="URL"/></syntax></parameter>
             <parameter name="Short"><syntax><dataType ref="Short"/></syntax></parameter>
             <parameter name="Bytes"><syntax><dataType ref="StatsCounter64"/></syntax></parameter>
           </object>"#,
    );
    let s = load_schema(&xml, &options).unwrap();
    assert_eq!(param(&s, "Device.Url").constraints.max_length, Some(256));
    assert_eq!(param(&s, "Device.Short").constraints.max_length, Some(8));
    assert_eq!(param(&s, "Device.Bytes").ty, ValueType::UnsignedLong);
    // Without the extra types the same document fails on the first unknown name.
    assert!(matches!(
        load_schema(&xml, &LoadOptions::default()),
        Err(BbfError::UnknownDataType { .. })
    ));
}

#[test]
fn deleted_items_are_left_out_and_others_kept() {
    let s = load(
        "",
        r#"<object name="Device.">
             <parameter name="Gone" status="deleted"/>
             <parameter name="Old" status="obsoleted"><syntax><string/></syntax></parameter>
           </object>
           <object name="Device.Dead." status="deleted">
             <parameter name="P"><syntax><string/></syntax></parameter>
           </object>"#,
    )
    .unwrap();
    assert!(s.param("Device.Gone").is_none());
    assert!(s.param("Device.Old").is_some());
    assert!(s.object("Device.Dead.").is_none() && s.param("Device.Dead.P").is_none());
}

#[test]
fn base_modifies_an_earlier_definition() {
    let s = load(
        "",
        r#"<object name="Device.T.{i}." access="readOnly" maxEntries="unbounded" minEntries="0"
               numEntriesParameter="TNumberOfEntries">
             <parameter name="P" access="readOnly"><syntax><string><size maxLength="8"/></string>
               <default type="object" value="x"/></syntax></parameter>
           </object>
           <object base="Device.T.{i}." access="readWrite">
             <parameter base="P" access="readWrite"/>
             <parameter base="Q"><syntax><boolean/></syntax></parameter>
           </object>"#,
    )
    .unwrap();
    let t = s.object("Device.T.{i}.").unwrap();
    assert!(t.writable);
    assert_eq!(t.max_entries, None, "kept from the first definition");
    assert_eq!(
        t.count_parameter.as_deref(),
        Some("Device.TNumberOfEntries")
    );
    let p = param(&s, "Device.T.{i}.P");
    assert!(p.writable);
    assert_eq!(
        (p.constraints.max_length, p.default.as_deref()),
        (Some(8), Some("x"))
    );
    assert_eq!(param(&s, "Device.T.{i}.Q").ty, ValueType::Boolean);
}

#[test]
fn service_models_mount_under_a_root() {
    let xml = r#"<document>
      <model name="VoiceService:2.0" isService="true">
        <parameter name="VoiceServiceNumberOfEntries"><syntax><unsignedInt/></syntax></parameter>
        <object name="VoiceService.{i}." numEntriesParameter="VoiceServiceNumberOfEntries"
            minEntries="0" maxEntries="unbounded">
          <parameter name="Enable" access="readWrite"><syntax><boolean/></syntax></parameter>
        </object>
        <profile name="Basic:1"><object ref="VoiceService.{i}." requirement="present">
          <parameter ref="Other" requirement="readOnly"/></object></profile>
      </model></document>"#;
    let plain = load_schema(xml, &LoadOptions::default()).unwrap();
    assert_eq!(
        plain
            .object("VoiceService.{i}.")
            .unwrap()
            .count_parameter
            .as_deref(),
        Some("VoiceServiceNumberOfEntries")
    );
    assert_eq!(plain.params.len(), 2, "profiles add nothing");
    let options = LoadOptions {
        service_root: Some("Device.Services.".into()),
        ..LoadOptions::default()
    };
    let mounted = load_schema(xml, &options).unwrap();
    assert!(
        mounted
            .param("Device.Services.VoiceServiceNumberOfEntries")
            .is_some()
    );
    assert!(
        mounted
            .param("Device.Services.VoiceService.{i}.Enable")
            .is_some()
    );
    assert_eq!(
        mounted
            .objects
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        [
            "Device.",
            "Device.Services.",
            "Device.Services.VoiceService.",
            "Device.Services.VoiceService.{i}."
        ]
    );
}

#[test]
fn models_are_all_loaded_or_picked() {
    let xml = r#"<document>
      <model name="Device:1.7"><object name="Device."><parameter name="A"><syntax><string/>
        </syntax></parameter></object></model>
      <model name="InternetGatewayDevice:1.8"><object name="InternetGatewayDevice."/></model>
    </document>"#;
    let all = load_schema(xml, &LoadOptions::default()).unwrap();
    assert!(all.object("Device.").is_some() && all.object("InternetGatewayDevice.").is_some());
    for wanted in ["Device", "Device:1.7"] {
        let options = LoadOptions {
            model: Some(wanted.into()),
            ..LoadOptions::default()
        };
        let one = load_schema(xml, &options).unwrap();
        assert_eq!(
            one.objects.keys().collect::<Vec<_>>(),
            ["Device."],
            "{wanted}"
        );
    }
    let options = LoadOptions {
        model: Some("Device:2".into()),
        ..LoadOptions::default()
    };
    assert!(matches!(
        load_schema(xml, &options),
        Err(BbfError::ModelNotFound { wanted, available }) if wanted == "Device:2" && available.len() == 2
    ));
    assert!(matches!(
        load_schema(
            "<document><dataType name=\"X\"><int/></dataType></document>",
            &LoadOptions::default()
        ),
        Err(BbfError::NoModel)
    ));
}

#[test]
fn include_keeps_prefixes_ancestors_and_counts() {
    let body = r#"<object name="Device." maxEntries="1"><parameter name="Root"><syntax><string/></syntax></parameter></object>
      <object name="Device.WiFi."><parameter name="SSIDNumberOfEntries"><syntax><unsignedInt/></syntax></parameter>
        <parameter name="RadioNumberOfEntries"><syntax><unsignedInt/></syntax></parameter></object>
      <object name="Device.WiFi.SSID.{i}." maxEntries="unbounded" numEntriesParameter="SSIDNumberOfEntries">
        <parameter name="SSID"><syntax><string/></syntax></parameter></object>
      <object name="Device.WiFi.Radio.{i}." maxEntries="unbounded" numEntriesParameter="RadioNumberOfEntries">
        <parameter name="Channel"><syntax><unsignedInt/></syntax></parameter></object>"#;
    let options = LoadOptions {
        include: vec!["Device.WiFi.SSID.".into()],
        ..LoadOptions::default()
    };
    let s = load_schema(&doc("", body), &options).unwrap();
    assert_eq!(
        s.params.keys().collect::<Vec<_>>(),
        [
            "Device.WiFi.SSID.{i}.SSID",
            "Device.WiFi.SSIDNumberOfEntries"
        ]
    );
    assert_eq!(
        s.objects.keys().collect::<Vec<_>>(),
        [
            "Device.",
            "Device.WiFi.",
            "Device.WiFi.SSID.",
            "Device.WiFi.SSID.{i}."
        ]
    );
}
