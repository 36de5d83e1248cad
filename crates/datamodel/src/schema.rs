//! What a data model allows: object and parameter definitions keyed by generic path
//! (`Device.WiFi.SSID.{i}.SSID`), with types, access, value constraints and defaults.
//! A schema is shared by every device built from the same profile.

use cwmp::ValueType;
use std::collections::BTreeMap;

/// How a parameter may be set to active notification (BBF `activeNotify`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActiveNotify {
    /// The ACS may turn active notification on or off.
    #[default]
    Normal,
    /// Always active; the ACS cannot turn it off.
    ForceEnabled,
    /// Active by default; the ACS may turn it off.
    ForceDefaultEnabled,
    /// The CPE may refuse active notification (fault 9009).
    CanDeny,
}

impl ActiveNotify {
    pub fn as_str(self) -> &'static str {
        match self {
            ActiveNotify::Normal => "normal",
            ActiveNotify::ForceEnabled => "forceEnabled",
            ActiveNotify::ForceDefaultEnabled => "forceDefaultEnabled",
            ActiveNotify::CanDeny => "canDeny",
        }
    }

    pub fn parse(s: &str) -> Option<ActiveNotify> {
        Some(match s {
            "normal" => ActiveNotify::Normal,
            "forceEnabled" => ActiveNotify::ForceEnabled,
            "forceDefaultEnabled" => ActiveNotify::ForceDefaultEnabled,
            "canDeny" => ActiveNotify::CanDeny,
            _ => return None,
        })
    }

    /// The notification attribute a parameter starts with.
    pub fn default_notification(self) -> u8 {
        match self {
            ActiveNotify::ForceEnabled | ActiveNotify::ForceDefaultEnabled => 2,
            ActiveNotify::Normal | ActiveNotify::CanDeny => 0,
        }
    }
}

/// Limits on a parameter's value, checked by SetParameterValues (fault 9007 when broken).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Constraints {
    /// Inclusive numeric ranges; a value must fall in one of them. Empty: no limit.
    pub ranges: Vec<(Option<i128>, Option<i128>)>,
    /// String (or hexBinary/base64 decoded) length limits.
    pub min_length: Option<u32>,
    pub max_length: Option<u32>,
    /// Allowed values; empty: any.
    pub enumeration: Vec<String>,
    /// The value is a comma-separated list; length and enumeration apply to each item.
    pub list: bool,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        self == &Constraints::default()
    }
}

/// A parameter definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamDef {
    pub ty: ValueType,
    pub writable: bool,
    pub constraints: Constraints,
    /// The value a new instance starts with; the type's zero value when `None`.
    pub default: Option<String>,
    pub active_notify: ActiveNotify,
}

impl ParamDef {
    pub fn new(ty: ValueType, writable: bool) -> ParamDef {
        ParamDef {
            ty,
            writable,
            constraints: Constraints::default(),
            default: None,
            active_notify: ActiveNotify::Normal,
        }
    }

    /// The type a value carries on the wire (`xsi:type`): a list-valued parameter is a
    /// comma-separated string whatever its item type (`25,50,75,100` is not an unsignedInt).
    pub fn wire_type(&self) -> ValueType {
        if self.constraints.list {
            ValueType::String
        } else {
            self.ty.clone()
        }
    }

    /// The default, or the type's zero value (`0`, `false`, the unknown time, empty).
    pub fn initial_value(&self) -> String {
        if let Some(d) = &self.default {
            return d.clone();
        }
        match self.ty {
            ValueType::Int | ValueType::UnsignedInt | ValueType::Long | ValueType::UnsignedLong => {
                "0".into()
            }
            ValueType::Decimal => "0".into(),
            ValueType::Boolean => "false".into(),
            ValueType::DateTime => "0001-01-01T00:00:00Z".into(),
            _ => String::new(),
        }
    }
}

/// An object definition.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectDef {
    /// For a table (`...{i}.`): whether the ACS may add and delete instances.
    pub writable: bool,
    /// A multi-instance table entry (`...{i}.`).
    pub multi: bool,
    pub min_entries: u32,
    /// `None`: unbounded.
    pub max_entries: Option<u32>,
    /// Generic path of the `...NumberOfEntries` parameter that counts the instances.
    pub count_parameter: Option<String>,
}

/// Object and parameter definitions by generic path. Objects end with `.`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schema {
    pub objects: BTreeMap<String, ObjectDef>,
    pub params: BTreeMap<String, ParamDef>,
}

impl Schema {
    pub fn object(&self, generic: &str) -> Option<&ObjectDef> {
        self.objects.get(generic)
    }

    pub fn param(&self, generic: &str) -> Option<&ParamDef> {
        self.params.get(generic)
    }

    /// Definitions of parameters whose generic path starts with `prefix`.
    pub fn params_under<'s>(
        &'s self,
        prefix: &'s str,
    ) -> impl Iterator<Item = (&'s String, &'s ParamDef)> + 's {
        self.params
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |(k, _)| k.starts_with(prefix))
    }

    /// Definitions of objects whose generic path starts with `prefix` (itself included).
    pub fn objects_under<'s>(
        &'s self,
        prefix: &'s str,
    ) -> impl Iterator<Item = (&'s String, &'s ObjectDef)> + 's {
        self.objects
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |(k, _)| k.starts_with(prefix))
    }

    /// Adds the objects on the way to every parameter that are not defined yet, as
    /// read-only single-instance objects (or tables, where the path has `{i}`).
    pub fn fill_missing_objects(&mut self) {
        let mut missing = Vec::new();
        for path in self.params.keys().chain(self.objects.keys()) {
            for (i, _) in path.match_indices('.') {
                let object = &path[..=i];
                if object.len() < path.len() && !self.objects.contains_key(object) {
                    missing.push(object.to_string());
                }
            }
        }
        for object in missing {
            let multi = object.ends_with(".{i}.");
            self.objects.entry(object).or_insert(ObjectDef {
                multi,
                ..ObjectDef::default()
            });
        }
    }
}

/// The generic form of a concrete path: every all-digit segment becomes `{i}`.
pub fn generic_path(concrete: &str) -> String {
    let mut out = String::with_capacity(concrete.len() + 4);
    for (i, segment) in concrete.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str("{i}");
        } else {
            out.push_str(segment);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_paths() {
        assert_eq!(
            generic_path("Device.WiFi.SSID.12.SSID"),
            "Device.WiFi.SSID.{i}.SSID"
        );
        assert_eq!(generic_path("Device.WiFi.SSID.1."), "Device.WiFi.SSID.{i}.");
        assert_eq!(
            generic_path("Device.X_00D09E_Thing"),
            "Device.X_00D09E_Thing"
        );
        assert_eq!(generic_path("Device."), "Device.");
    }

    #[test]
    fn missing_objects_are_filled_in() {
        let mut s = Schema::default();
        s.params.insert(
            "Device.WiFi.SSID.{i}.SSID".into(),
            ParamDef::new(ValueType::String, true),
        );
        s.fill_missing_objects();
        let names: Vec<&str> = s.objects.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            vec![
                "Device.",
                "Device.WiFi.",
                "Device.WiFi.SSID.",
                "Device.WiFi.SSID.{i}."
            ]
        );
        assert!(s.objects["Device.WiFi.SSID.{i}."].multi);
        assert_eq!(s.params_under("Device.WiFi.").count(), 1);
    }

    #[test]
    fn initial_values_by_type() {
        assert_eq!(
            ParamDef::new(ValueType::Boolean, true).initial_value(),
            "false"
        );
        assert_eq!(
            ParamDef::new(ValueType::UnsignedInt, true).initial_value(),
            "0"
        );
        let mut d = ParamDef::new(ValueType::String, true);
        d.default = Some("x".into());
        assert_eq!(d.initial_value(), "x");
        assert_eq!(ActiveNotify::ForceEnabled.default_notification(), 2);
    }
}
