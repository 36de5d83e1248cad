//! Helpers for the built-in profile tests: checking a value against its definition and
//! listing the parameters a device booted from a profile has.

use cwmp::TypedValue;
use datamodel::{ParamDef, Profile, generic_path};
use std::collections::BTreeMap;

/// Checks a value against its definition: type, then enumeration, length and range (each
/// item of a list).
pub fn fits(def: &ParamDef, value: &str) -> Result<(), String> {
    let c = &def.constraints;
    let items: Vec<&str> = if c.list {
        value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        vec![value]
    };
    for item in items {
        let typed = TypedValue::parse(&def.ty, item).map_err(|e| e.to_string())?;
        if !c.enumeration.is_empty() && !c.enumeration.iter().any(|e| e == item) {
            return Err(format!("{item:?} is not one of {:?}", c.enumeration));
        }
        let len = match &typed {
            TypedValue::HexBinary(b) | TypedValue::Base64(b) => Some(b.len()),
            TypedValue::String(s) => Some(s.chars().count()),
            _ => None,
        };
        if let Some(len) = len {
            let len = len as u32;
            if c.min_length.is_some_and(|m| len < m) || c.max_length.is_some_and(|m| len > m) {
                return Err(format!(
                    "{item:?} has length {len}, outside {:?}..{:?}",
                    c.min_length, c.max_length
                ));
            }
        }
        let number: Option<i128> = match typed {
            TypedValue::Int(n) => Some(n.into()),
            TypedValue::UnsignedInt(n) => Some(n.into()),
            TypedValue::Long(n) => Some(n.into()),
            TypedValue::UnsignedLong(n) => Some(n.into()),
            _ => None,
        };
        if let Some(n) = number {
            let inside = |(lo, hi): &(Option<i128>, Option<i128>)| {
                lo.is_none_or(|lo| n >= lo) && hi.is_none_or(|hi| n <= hi)
            };
            if !c.ranges.is_empty() && !c.ranges.iter().any(inside) {
                return Err(format!("{n} is outside {:?}", c.ranges));
            }
        }
    }
    Ok(())
}

/// The parameters of a device booted from the profile, with their initial values.
pub fn initial_tree(p: &Profile) -> BTreeMap<String, String> {
    let values: BTreeMap<&str, &str> = p
        .values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut tree = BTreeMap::new();
    for (generic, def) in &p.schema.params {
        let concrete: Vec<String> = match generic.rfind("{i}.") {
            None => vec![generic.clone()],
            Some(i) => {
                let (table, rest) = generic.split_at(i + 4);
                p.instances
                    .iter()
                    .filter(|inst| generic_path(inst) == table)
                    .map(|inst| format!("{inst}{rest}"))
                    .collect()
            }
        };
        for path in concrete {
            let value = values
                .get(path.as_str())
                .map(|v| v.to_string())
                .unwrap_or_else(|| def.initial_value());
            tree.insert(path, value);
        }
    }
    tree
}
