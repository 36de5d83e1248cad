//! Turns the rows of a model, whatever its format, into a profile (see the parent module
//! for the rules).

use super::SimModelError;
use crate::profile::{Identity, Profile};
use crate::schema::{ObjectDef, ParamDef, Schema, generic_path};
use cwmp::ValueType;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// One row of a model, whatever the format.
#[derive(Debug)]
pub(super) struct Entry<'a> {
    pub(super) path: &'a str,
    pub(super) object: bool,
    pub(super) writable: bool,
    pub(super) value: Option<String>,
    pub(super) ty: Option<String>,
}

/// Collects entries into a schema, instances and values.
#[derive(Debug, Default)]
pub(super) struct Builder {
    schema: Schema,
    /// Concrete paths seen, objects with their trailing dot.
    seen: HashSet<String>,
    /// The types the file gives each generic parameter, with how often, in order of
    /// appearance.
    type_votes: HashMap<String, Vec<(ValueType, usize)>>,
    /// Generic plain objects marked writable (table containers, as GenieACS reports them).
    writable_containers: HashSet<String>,
    instances: HashSet<String>,
    values: Vec<(String, String)>,
    /// GenieACS's `DeviceID.*` values: manufacturer, OUI, product class.
    device_id: [Option<String>; 3],
}

impl Builder {
    pub(super) fn add(&mut self, entry: Entry<'_>) -> Result<(), String> {
        let path = entry.path.trim();
        let root = path.split('.').next().unwrap_or_default();
        if root == "DeviceID" {
            let slot = match path {
                "DeviceID.Manufacturer" => 0,
                "DeviceID.OUI" => 1,
                "DeviceID.ProductClass" => 2,
                _ => return Ok(()),
            };
            self.device_id[slot] = entry.value.filter(|v| !v.is_empty());
            return Ok(());
        }
        if root != "Device" && root != "InternetGatewayDevice" {
            return Ok(());
        }
        let object = entry.object || path.ends_with('.');
        let path = if object && !path.ends_with('.') {
            format!("{path}.")
        } else {
            path.to_string()
        };
        check_path(&path)?;
        if !self.seen.insert(path.clone()) {
            return Err(format!("{path} appears twice"));
        }
        let generic = generic_path(&path);
        self.check_shape(&path, &generic, object)?;
        self.note_instances(&path, object && entry.writable);
        if object {
            if !generic.ends_with(".{i}.") {
                self.schema.objects.entry(generic.clone()).or_default();
                if entry.writable {
                    self.writable_containers.insert(generic);
                }
            }
            return Ok(());
        }
        if generic.ends_with(".{i}") {
            return Err(format!(
                "{path}: a parameter name cannot be an instance number"
            ));
        }
        let ty = match entry.ty.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => Some(parse_type(t)?),
            _ => None,
        };
        // GenieACS lists parameters it knows no value of as an empty xsd:string.
        let placeholder =
            ty == Some(ValueType::String) && entry.value.as_deref().is_none_or(str::is_empty);
        if let Some(ty) = ty.filter(|_| !placeholder) {
            let votes = self.type_votes.entry(generic.clone()).or_default();
            match votes.iter_mut().find(|(t, _)| *t == ty) {
                Some((_, n)) => *n += 1,
                None => votes.push((ty, 1)),
            }
        }
        self.schema
            .params
            .entry(generic)
            .or_insert_with(|| ParamDef::new(ValueType::String, false))
            .writable |= entry.writable;
        if let Some(value) = entry.value {
            self.values.push((path, value));
        }
        Ok(())
    }

    /// A path may not be both an object and a parameter, nor lie under a parameter.
    fn check_shape(&self, path: &str, generic: &str, object: bool) -> Result<(), String> {
        let own_end = if object {
            generic.len() - 1
        } else {
            generic.len()
        };
        for (i, _) in generic.match_indices('.').filter(|(i, _)| *i < own_end) {
            if self.schema.params.contains_key(&generic[..i]) {
                return Err(format!("{path} lies under {}, a parameter", &generic[..i]));
            }
        }
        let clash = if object {
            self.schema.params.contains_key(&generic[..own_end])
        } else {
            let below = format!("{generic}.");
            self.schema.objects_under(&below).next().is_some()
                || self.schema.params_under(&below).next().is_some()
        };
        if clash {
            return Err(format!(
                "{path} is used both as an object and as a parameter"
            ));
        }
        Ok(())
    }

    /// Records the table entries on the way to `path` and the tables they belong to.
    fn note_instances(&mut self, path: &str, writable_instance: bool) {
        let mut start = 0;
        for segment in path.split('.') {
            let end = start + segment.len();
            if start > 0 && end < path.len() && is_number(segment) {
                let instance = &path[..=end];
                let table = generic_path(instance);
                let def = self
                    .schema
                    .objects
                    .entry(table)
                    .or_insert_with(|| ObjectDef {
                        multi: true,
                        ..ObjectDef::default()
                    });
                if writable_instance && instance == path {
                    def.writable = true;
                }
                if !self.instances.contains(instance) {
                    self.instances.insert(instance.to_string());
                }
            }
            start = end + 1;
        }
    }

    pub(super) fn finish(mut self, name: &str) -> Result<Profile, SimModelError> {
        if self.schema.objects.is_empty() && self.schema.params.is_empty() {
            return Err(SimModelError::Empty);
        }
        for (generic, votes) in std::mem::take(&mut self.type_votes) {
            let mut best: Option<(ValueType, usize)> = None;
            for (ty, n) in votes {
                if best.as_ref().is_none_or(|(_, m)| n > *m) {
                    best = Some((ty, n));
                }
            }
            if let (Some(def), Some((ty, _))) = (self.schema.params.get_mut(&generic), best) {
                def.ty = ty;
            }
        }
        self.schema.fill_missing_objects();
        self.link_tables();
        let identity = self.identity();
        let Builder {
            schema,
            instances,
            values,
            ..
        } = self;
        let mut instances: Vec<String> = instances.into_iter().collect();
        instances.sort_by(|a, b| natural_cmp(a, b));
        // A table's count follows its instances, so the file's value for it adds nothing.
        let counts: HashSet<&str> = schema
            .objects
            .values()
            .filter_map(|def| def.count_parameter.as_deref())
            .collect();
        let mut values: Vec<(String, String)> = values
            .into_iter()
            .filter_map(|(path, value)| {
                let generic = generic_path(&path);
                if counts.contains(generic.as_str()) {
                    return None;
                }
                let def = schema.param(&generic)?;
                let value = canonical(&def.ty, value);
                (!value.is_empty() && value != def.initial_value()).then_some((path, value))
            })
            .collect();
        values.sort_by(|a, b| natural_cmp(&a.0, &b.0));
        Ok(Profile {
            name: name.to_string(),
            identity,
            schema,
            instances,
            values,
        })
    }

    /// Gives tables the writability of their containers and their count parameters, and
    /// makes the empty tables that a count parameter announces.
    fn link_tables(&mut self) {
        let containers: Vec<String> = self
            .schema
            .objects
            .keys()
            .filter(|k| !k.ends_with(".{i}.") && k.matches('.').count() > 1)
            .cloned()
            .collect();
        for container in containers {
            let table = format!("{container}{{i}}.");
            let count = count_parameter(&self.schema, &container);
            if !self.schema.objects.contains_key(&table) {
                let has_children = self.schema.params_under(&container).next().is_some()
                    || self.schema.objects_under(&container).nth(1).is_some();
                if count.is_none() || has_children {
                    continue;
                }
            }
            let writable = self.writable_containers.contains(&container);
            let def = self
                .schema
                .objects
                .entry(table)
                .or_insert_with(|| ObjectDef {
                    multi: true,
                    ..ObjectDef::default()
                });
            def.writable |= writable;
            def.count_parameter = def.count_parameter.take().or(count);
        }
    }

    fn identity(&self) -> Identity {
        let lookup = |device_id: &Option<String>, field: &str| -> String {
            if let Some(v) = device_id {
                return v.clone();
            }
            ["Device.DeviceInfo.", "InternetGatewayDevice.DeviceInfo."]
                .iter()
                .find_map(|root| {
                    let path = format!("{root}{field}");
                    self.values
                        .iter()
                        .find(|(p, _)| *p == path)
                        .map(|(_, v)| v.clone())
                })
                .unwrap_or_default()
        };
        Identity {
            manufacturer: lookup(&self.device_id[0], "Manufacturer"),
            oui: lookup(&self.device_id[1], "ManufacturerOUI"),
            product_class: lookup(&self.device_id[2], "ProductClass"),
        }
    }
}

/// Count parameters that do not follow the `<Table>NumberOfEntries` pattern (BBF names).
const IRREGULAR_COUNTS: &[(&str, &str)] = &[
    (
        "LANEthernetInterfaceConfig",
        "LANEthernetInterfaceNumberOfEntries",
    ),
    ("LANUSBInterfaceConfig", "LANUSBInterfaceNumberOfEntries"),
    ("WLANConfiguration", "LANWLANConfigurationNumberOfEntries"),
    (
        "DHCPConditionalServingPool",
        "DHCPConditionalPoolNumberOfEntries",
    ),
    ("AssociatedDevice", "TotalAssociations"),
    ("Forwarding", "ForwardNumberOfEntries"),
    ("WANConnectionDevice", "WANConnectionNumberOfEntries"),
    ("Connection", "NumberOfActiveConnections"),
    ("DeviceImageFile", "DeviceImageNumberOfEntries"),
    ("RouteHops", "NumberOfRouteHops"),
    ("EventSubscribe", "SIPEventSubscribeNumberOfEntries"),
    ("Binding", "BindingTableNumberOfEntries"),
];

/// The parameter counting the entries of the table in `container` (`P.Name.`), if defined.
fn count_parameter(schema: &Schema, container: &str) -> Option<String> {
    let full = container.strip_suffix('.')?;
    let (parent, name) = full.rsplit_once('.')?;
    let regular = format!("{full}NumberOfEntries");
    if schema.params.contains_key(&regular) {
        return Some(regular);
    }
    IRREGULAR_COUNTS
        .iter()
        .filter(|(table, _)| *table == name)
        .map(|(_, count)| format!("{parent}.{count}"))
        .find(|count| schema.params.contains_key(count))
}

/// A concrete path the profile format can hold: dot-separated, non-empty segments without
/// spaces, control characters or braces.
fn check_path(path: &str) -> Result<(), String> {
    if let Some(c) = path
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || *c == '{' || *c == '}')
    {
        return Err(format!("{path:?}: a path cannot contain {c:?}"));
    }
    let body = path.strip_suffix('.').unwrap_or(path);
    if body.split('.').any(str::is_empty) {
        return Err(format!("{path:?}: empty path segment"));
    }
    if !body.contains('.') && !path.ends_with('.') {
        return Err(format!("{path}: the root must be an object"));
    }
    Ok(())
}

/// The type named in the file, in the form the profile text keeps unchanged.
fn parse_type(raw: &str) -> Result<ValueType, String> {
    if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("{raw:?} is not a type name"));
    }
    Ok(ValueType::from_xsi_type(
        ValueType::from_xsi_type(raw).name(),
    ))
}

fn canonical(ty: &ValueType, value: String) -> String {
    if *ty == ValueType::Boolean {
        match value.trim().to_ascii_lowercase().as_str() {
            "1" | "true" => return "true".into(),
            "0" | "false" => return "false".into(),
            _ => {}
        }
    }
    value
}

/// `true`, `false`, `1`, `0` (any case, surrounding spaces allowed); empty means false.
pub(super) fn parse_flag(raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "" => Some(!raw.trim().is_empty()),
        "false" | "0" => Some(false),
        _ => None,
    }
}

fn is_number(segment: &str) -> bool {
    !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit())
}

/// Orders paths segment by segment, instance numbers numerically (`X.2.` before `X.10.`).
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.split('.'), b.split('.'));
    loop {
        let order = match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(s), Some(t)) if is_number(s) && is_number(t) => {
                let (s2, t2) = (s.trim_start_matches('0'), t.trim_start_matches('0'));
                s2.len().cmp(&t2.len()).then(s2.cmp(t2)).then(s.cmp(t))
            }
            (Some(s), Some(t)) => s.cmp(t),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_puts_parents_first_and_numbers_in_order() {
        let mut paths = vec!["A.B.10.", "A.B.2.C.1.", "A.B.2.", "A.B.1."];
        paths.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(paths, vec!["A.B.1.", "A.B.2.", "A.B.2.C.1.", "A.B.10."]);
    }

    #[test]
    fn flags_and_types() {
        assert_eq!(parse_flag(" TRUE "), Some(true));
        assert_eq!(parse_flag("0"), Some(false));
        assert_eq!(parse_flag(""), Some(false));
        assert_eq!(parse_flag("yes please"), None);
        assert_eq!(
            parse_type("xsd:anyURI"),
            Ok(ValueType::Other("anyURI".into()))
        );
        assert_eq!(parse_type("unsignedInt"), Ok(ValueType::UnsignedInt));
        assert!(parse_type("xsd: int").is_err());
    }

    #[test]
    fn path_checks() {
        assert!(check_path("Device.WiFi.SSID.1.").is_ok());
        assert!(check_path("Device..X").is_err());
        assert!(check_path("Device.X.{i}.Y").is_err());
        assert!(check_path("Device.My Name").is_err());
        assert!(check_path("Device").is_err());
    }
}
