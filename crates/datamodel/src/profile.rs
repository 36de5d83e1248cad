//! Device profiles: a schema plus the instances and values a device starts with.
//!
//! The text format (`.profile` files) holds facts only, one per line; `#` starts a comment:
//!
//! ```text
//! profile tr181-gateway
//! device manufacturer="Acme" oui=00D09E product-class="HGW-3000"
//! object Device.WiFi.SSID.{i}. w multi max=8 count=Device.WiFi.SSIDNumberOfEntries
//! param Device.WiFi.SSID.{i}.SSID string w len=..32 default=""
//! param Device.WiFi.SSID.{i}.Enable boolean w default="false" notify=canDeny
//! param Device.DeviceInfo.UpTime unsignedInt r
//! param Device.X.Channel unsignedInt w range=1..13,36..165 enum="a|b" list
//! instance Device.WiFi.SSID.1.
//! value Device.WiFi.SSID.1.SSID "HomeNet"
//! ```
//!
//! `object` and `param` lines define generic paths (instance numbers written `{i}`); `r`/`w`
//! is the access (for a table: whether the ACS may add and delete instances). `instance` lines
//! create table entries of the initial tree (in order, parents first); `value` lines set
//! initial values that differ from the defaults. Strings are JSON-quoted.

use crate::schema::{ActiveNotify, Constraints, ObjectDef, ParamDef, Schema, generic_path};
use cwmp::ValueType;
use std::fmt::Write as _;

/// Who the device says it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    pub manufacturer: String,
    pub oui: String,
    pub product_class: String,
}

/// A schema with the initial instances and values of a device.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    pub name: String,
    pub identity: Identity,
    pub schema: Schema,
    /// Table entries present at first boot, e.g. `Device.WiFi.SSID.1.`.
    pub instances: Vec<String>,
    /// Initial values that differ from the schema defaults, by concrete path.
    pub values: Vec<(String, String)>,
}

/// A line of a profile that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("profile line {line}: {message}")]
pub struct ProfileError {
    pub line: usize,
    pub message: String,
}

impl Profile {
    /// The root object: `Device.` or `InternetGatewayDevice.`.
    pub fn root(&self) -> &str {
        self.schema
            .objects
            .keys()
            .find(|k| k.matches('.').count() == 1)
            .map(String::as_str)
            .unwrap_or("Device.")
    }

    pub fn parse(text: &str) -> Result<Profile, ProfileError> {
        let mut profile = Profile::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let err = |message: String| ProfileError { line, message };
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let (keyword, rest) = trimmed
                .split_once(char::is_whitespace)
                .unwrap_or((trimmed, ""));
            let rest = rest.trim();
            match keyword {
                "profile" => profile.name = rest.to_string(),
                "device" => {
                    for (key, value) in options(rest).map_err(err)? {
                        let value = value.unwrap_or_default();
                        match key.as_str() {
                            "manufacturer" => profile.identity.manufacturer = value,
                            "oui" => profile.identity.oui = value,
                            "product-class" => profile.identity.product_class = value,
                            other => return Err(err(format!("unknown device field {other:?}"))),
                        }
                    }
                }
                "object" => {
                    let (path, rest) = split_word(rest);
                    if !path.ends_with('.') {
                        return Err(err(format!("object path {path:?} must end with '.'")));
                    }
                    let (access, rest) = split_word(rest);
                    let mut def = ObjectDef {
                        writable: parse_access(access).map_err(err)?,
                        ..Default::default()
                    };
                    def.multi = path.ends_with(".{i}.");
                    for (key, value) in options(rest).map_err(err)? {
                        match (key.as_str(), value) {
                            ("multi", None) => def.multi = true,
                            ("min", Some(v)) => def.min_entries = number(&v).map_err(err)?,
                            ("max", Some(v)) => def.max_entries = Some(number(&v).map_err(err)?),
                            ("count", Some(v)) => def.count_parameter = Some(v),
                            (other, _) => {
                                return Err(err(format!("unknown object option {other:?}")));
                            }
                        }
                    }
                    profile.schema.objects.insert(path.to_string(), def);
                }
                "param" => {
                    let (path, rest) = split_word(rest);
                    let (ty, rest) = split_word(rest);
                    let (access, rest) = split_word(rest);
                    if path.ends_with('.') || path.is_empty() {
                        return Err(err(format!(
                            "parameter path {path:?} must not end with '.'"
                        )));
                    }
                    let mut def = ParamDef::new(
                        ValueType::from_xsi_type(ty),
                        parse_access(access).map_err(err)?,
                    );
                    for (key, value) in options(rest).map_err(err)? {
                        apply_param_option(&mut def, &key, value).map_err(err)?;
                    }
                    profile.schema.params.insert(path.to_string(), def);
                }
                "instance" => {
                    if !rest.ends_with('.') {
                        return Err(err(format!("instance path {rest:?} must end with '.'")));
                    }
                    profile.instances.push(rest.to_string());
                }
                "value" => {
                    let (path, rest) = split_word(rest);
                    let value: String = serde_json::from_str(rest)
                        .map_err(|e| err(format!("value of {path} must be a JSON string: {e}")))?;
                    profile.values.push((path.to_string(), value));
                }
                other => return Err(err(format!("unknown keyword {other:?}"))),
            }
        }
        profile.schema.fill_missing_objects();
        profile
            .check()
            .map_err(|message| ProfileError { line: 0, message })?;
        Ok(profile)
    }

    /// Every instance and value must fit the schema.
    fn check(&self) -> Result<(), String> {
        for instance in &self.instances {
            let generic = generic_path(instance);
            match self.schema.object(&generic) {
                Some(def) if def.multi => {}
                _ => {
                    return Err(format!(
                        "instance {instance} is not an entry of a defined table"
                    ));
                }
            }
        }
        for (path, _) in &self.values {
            if self.schema.param(&generic_path(path)).is_none() {
                return Err(format!("value for undefined parameter {path}"));
            }
        }
        Ok(())
    }

    /// Writes the profile in the text format `parse` reads.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let _ = writeln!(out, "profile {}", self.name);
        let id = &self.identity;
        let _ = writeln!(
            out,
            "device manufacturer={} oui={} product-class={}",
            q(&id.manufacturer),
            q(&id.oui),
            q(&id.product_class)
        );
        for (path, def) in &self.schema.objects {
            let _ = write!(
                out,
                "object {path} {}",
                if def.writable { "w" } else { "r" }
            );
            if def.multi && !path.ends_with(".{i}.") {
                out.push_str(" multi");
            }
            if def.min_entries > 0 {
                let _ = write!(out, " min={}", def.min_entries);
            }
            if let Some(max) = def.max_entries {
                let _ = write!(out, " max={max}");
            }
            if let Some(count) = &def.count_parameter {
                let _ = write!(out, " count={count}");
            }
            out.push('\n');
        }
        for (path, def) in &self.schema.params {
            let _ = write!(
                out,
                "param {path} {} {}",
                def.ty.name(),
                if def.writable { "w" } else { "r" }
            );
            write_constraints(&mut out, &def.constraints, q);
            if let Some(d) = &def.default {
                let _ = write!(out, " default={}", q(d));
            }
            if def.active_notify != ActiveNotify::Normal {
                let _ = write!(out, " notify={}", def.active_notify.as_str());
            }
            out.push('\n');
        }
        for instance in &self.instances {
            let _ = writeln!(out, "instance {instance}");
        }
        for (path, value) in &self.values {
            let _ = writeln!(out, "value {path} {}", q(value));
        }
        out
    }
}

fn write_constraints(out: &mut String, c: &Constraints, q: impl Fn(&str) -> String) {
    let bound = |b: Option<i128>| b.map(|v| v.to_string()).unwrap_or_default();
    if !c.ranges.is_empty() {
        let ranges: Vec<String> = c
            .ranges
            .iter()
            .map(|(lo, hi)| format!("{}..{}", bound(*lo), bound(*hi)))
            .collect();
        let _ = write!(out, " range={}", ranges.join(","));
    }
    if c.min_length.is_some() || c.max_length.is_some() {
        let len = |b: Option<u32>| b.map(|v| v.to_string()).unwrap_or_default();
        let _ = write!(out, " len={}..{}", len(c.min_length), len(c.max_length));
    }
    if !c.enumeration.is_empty() {
        let _ = write!(out, " enum={}", q(&c.enumeration.join("|")));
    }
    if c.list {
        out.push_str(" list");
    }
}

fn apply_param_option(def: &mut ParamDef, key: &str, value: Option<String>) -> Result<(), String> {
    match (key, value) {
        ("default", Some(v)) => def.default = Some(v),
        ("notify", Some(v)) => {
            def.active_notify =
                ActiveNotify::parse(&v).ok_or_else(|| format!("unknown notify value {v:?}"))?
        }
        ("list", None) => def.constraints.list = true,
        ("enum", Some(v)) => def.constraints.enumeration = v.split('|').map(String::from).collect(),
        ("len", Some(v)) => {
            let (lo, hi) = v
                .split_once("..")
                .ok_or_else(|| format!("len {v:?} needs min..max"))?;
            def.constraints.min_length = opt_number(lo)?;
            def.constraints.max_length = opt_number(hi)?;
        }
        ("range", Some(v)) => {
            for part in v.split(',') {
                let (lo, hi) = part
                    .split_once("..")
                    .ok_or_else(|| format!("range {part:?} needs min..max"))?;
                let parse = |s: &str| -> Result<Option<i128>, String> {
                    if s.is_empty() {
                        Ok(None)
                    } else {
                        s.parse()
                            .map(Some)
                            .map_err(|_| format!("bad range bound {s:?}"))
                    }
                };
                def.constraints.ranges.push((parse(lo)?, parse(hi)?));
            }
        }
        (other, _) => return Err(format!("unknown parameter option {other:?}")),
    }
    Ok(())
}

fn parse_access(s: &str) -> Result<bool, String> {
    match s {
        "r" => Ok(false),
        "w" => Ok(true),
        other => Err(format!("access must be r or w, not {other:?}")),
    }
}

fn number(s: &str) -> Result<u32, String> {
    s.parse().map_err(|_| format!("{s:?} is not a number"))
}

fn opt_number(s: &str) -> Result<Option<u32>, String> {
    if s.is_empty() {
        Ok(None)
    } else {
        number(s).map(Some)
    }
}

fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// Reads `key`, `key=word` and `key="json string"` options.
fn options(mut s: &str) -> Result<Vec<(String, Option<String>)>, String> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(out);
        }
        let key_end = s
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(s.len());
        let key = s[..key_end].to_string();
        s = &s[key_end..];
        if let Some(rest) = s.strip_prefix('=') {
            if rest.starts_with('"') {
                let mut de = serde_json::Deserializer::from_str(rest).into_iter::<String>();
                let value = match de.next() {
                    Some(Ok(v)) => v,
                    _ => return Err(format!("bad quoted value for {key}")),
                };
                s = &rest[de.byte_offset()..];
                out.push((key, Some(value)));
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push((key, Some(rest[..end].to_string())));
                s = &rest[end..];
            }
        } else {
            out.push((key, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
# a small gateway
profile test-gw
device manufacturer="Acme Ltd" oui=00D09E product-class="HGW"
object Device.WiFi.SSID.{i}. w max=8 count=Device.WiFi.SSIDNumberOfEntries
param Device.WiFi.SSIDNumberOfEntries unsignedInt r
param Device.WiFi.SSID.{i}.SSID string w len=..32 default=""
param Device.WiFi.SSID.{i}.Enable boolean w default="false" notify=canDeny
param Device.WiFi.Radio.Channel unsignedInt w range=1..13,36..165
param Device.WiFi.Radio.Standards string w enum="a|b|g|n|ac|ax" list
instance Device.WiFi.SSID.1.
value Device.WiFi.SSID.1.SSID "Home \"Net\""
"#;

    #[test]
    fn parses_and_writes_back() {
        let p = Profile::parse(SAMPLE).expect("valid");
        assert_eq!(p.name, "test-gw");
        assert_eq!(p.identity.manufacturer, "Acme Ltd");
        assert_eq!(p.root(), "Device.");
        let ssid = &p.schema.objects["Device.WiFi.SSID.{i}."];
        assert!(ssid.multi && ssid.writable);
        assert_eq!(ssid.max_entries, Some(8));
        let name = &p.schema.params["Device.WiFi.SSID.{i}.SSID"];
        assert_eq!(name.constraints.max_length, Some(32));
        let channel = &p.schema.params["Device.WiFi.Radio.Channel"];
        assert_eq!(
            channel.constraints.ranges,
            vec![(Some(1), Some(13)), (Some(36), Some(165))]
        );
        let standards = &p.schema.params["Device.WiFi.Radio.Standards"];
        assert!(standards.constraints.list);
        assert_eq!(standards.constraints.enumeration.len(), 6);
        assert_eq!(
            p.values,
            vec![("Device.WiFi.SSID.1.SSID".into(), "Home \"Net\"".into())]
        );
        let again = Profile::parse(&p.to_text()).expect("round trip");
        assert_eq!(again, p);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Profile::parse("profile x\nparam Device.A string maybe\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("access"), "{e}");
        let e = Profile::parse("value Device.A \"x\"\n").unwrap_err();
        assert!(e.message.contains("undefined parameter"), "{e}");
        let e = Profile::parse("param Device.A string r\ninstance Device.A.1.\n").unwrap_err();
        assert!(e.message.contains("table"), "{e}");
        let e = Profile::parse("frobnicate\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
