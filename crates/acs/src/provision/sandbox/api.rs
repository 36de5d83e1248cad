//! The values that cross between a script and the ACS: what `declare` and `clear` receive,
//! and what `declare` gives back.

use crate::model::{Millis, Tree};
use crate::provision::path::PathPattern;
use crate::provision::plan::{Declaration, Desired, Freshness};
use serde_json::{Value, json};

/// A script's value as JSON, read directly from QuickJS (cheaper than a round trip through
/// JSON text for the small objects `declare` takes). Objects with `toJSON` (dates) are
/// converted as `JSON.stringify` would; functions and symbols are refused.
pub(super) fn js_to_json(v: &rquickjs::Value<'_>, depth: u8) -> Result<Value, String> {
    use rquickjs::Type;
    let too_deep = || "declare: arguments nested too deeply".to_string();
    let error = |e: rquickjs::Error| format!("declare: {e}");
    Ok(match v.type_of() {
        Type::Uninitialized | Type::Undefined | Type::Null => Value::Null,
        Type::Bool => Value::Bool(v.as_bool().unwrap_or(false)),
        Type::Int => json!(v.as_int().unwrap_or(0)),
        Type::Float => json!(v.as_float().unwrap_or(f64::NAN)),
        Type::String => Value::String(
            v.as_string()
                .map(|s| s.to_string())
                .transpose()
                .map_err(error)?
                .unwrap_or_default(),
        ),
        Type::Array => {
            let array = v.as_array().ok_or_else(too_deep)?;
            if depth == 0 {
                return Err(too_deep());
            }
            let mut out = Vec::with_capacity(array.len());
            for item in array.iter::<rquickjs::Value>() {
                out.push(js_to_json(&item.map_err(error)?, depth - 1)?);
            }
            Value::Array(out)
        }
        Type::Object => {
            let object = v.as_object().ok_or_else(too_deep)?;
            if depth == 0 {
                return Err(too_deep());
            }
            if let Ok(to_json) = object.get::<_, rquickjs::Function>("toJSON") {
                let converted: rquickjs::Value = to_json
                    .call((rquickjs::function::This(object.clone()),))
                    .map_err(error)?;
                return js_to_json(&converted, depth - 1);
            }
            let mut out = serde_json::Map::new();
            for prop in object.props::<String, rquickjs::Value>() {
                let (key, value) = prop.map_err(error)?;
                out.insert(key, js_to_json(&value, depth - 1)?);
            }
            Value::Object(out)
        }
        other => return Err(format!("declare: a {other} cannot be declared")),
    })
}

/// Reads `declare(path, timestamps, values)`.
pub(super) fn declaration(
    path: &str,
    timestamps: Value,
    values: Value,
) -> Result<Declaration, String> {
    let path = PathPattern::parse(path).map_err(|e| format!("declare: {e}"))?;
    let mut fresh = Freshness::default();
    for (key, t) in timestamps.as_object().into_iter().flatten() {
        let t = t
            .as_f64()
            .map(|t| t as Millis)
            .ok_or_else(|| format!("declare: timestamp {key} must be a number, not {t}"))?;
        let slot = match key.as_str() {
            "path" | "object" => &mut fresh.path,
            "value" => &mut fresh.value,
            "writable" => &mut fresh.writable,
            "notification" | "accessList" => &mut fresh.attributes,
            other => return Err(format!("declare: unknown attribute {other:?}")),
        };
        *slot = Some(slot.map_or(t, |s| s.max(t)));
    }
    let mut desired = Desired::default();
    for (key, v) in values.as_object().into_iter().flatten() {
        match key.as_str() {
            "value" => desired.value = Some(desired_value(v)?),
            "path" => desired.instances = Some(instances(v)?),
            "notification" => {
                desired.notification = Some(
                    v.as_u64()
                        .and_then(|n| u8::try_from(n).ok())
                        .filter(|n| *n <= 6)
                        .ok_or_else(|| format!("declare: notification must be 0-6, not {v}"))?,
                )
            }
            // Access lists are left as they are: "Subscriber" is the only value TR-069
            // defines and no device is known to honour a change.
            "accessList" => {}
            other => return Err(format!("declare: cannot set {other:?}")),
        }
    }
    Ok(Declaration {
        path,
        fresh,
        desired,
    })
}

/// Reads `[path, timestamp]` as the script passed them to `clear`.
pub(super) fn clear(call: &str) -> Result<(PathPattern, Millis), String> {
    let (path, t): (Value, Value) =
        serde_json::from_str(call).map_err(|e| format!("clear: {e}"))?;
    let path = path
        .as_str()
        .ok_or_else(|| format!("clear: the path must be a string, not {path}"))?;
    let path = PathPattern::parse(path).map_err(|e| format!("clear: {e}"))?;
    let t = t
        .as_f64()
        .map(|t| t as Millis)
        .ok_or_else(|| format!("clear: the timestamp must be a number, not {t}"))?;
    Ok((path, t))
}

fn scalar(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(match n.as_f64() {
            // 3600.0 from JavaScript is the integer 3600 on the wire.
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", f as i64),
            _ => n.to_string(),
        }),
        other => Err(format!(
            "declare: a value must be a string, number or boolean, not {other}"
        )),
    }
}

/// `value` or `[value, type]`.
fn desired_value(v: &Value) -> Result<(String, Option<String>), String> {
    match v {
        Value::Array(pair) => match &pair[..] {
            [value, Value::String(t)] => Ok((scalar(value)?, Some(t.clone()))),
            [value] => Ok((scalar(value)?, None)),
            _ => Err(format!(
                "declare: a value is value or [value, type], not {v}"
            )),
        },
        other => Ok((scalar(other)?, None)),
    }
}

/// `n` or `[min, max]`.
fn instances(v: &Value) -> Result<(u32, u32), String> {
    let count = |v: &Value| {
        v.as_f64()
            .filter(|f| *f >= 0.0 && f.fract() == 0.0 && *f <= f64::from(u32::MAX))
            .map(|f| f as u32)
            .ok_or_else(|| format!("declare: an instance count must be a whole number, not {v}"))
    };
    match v {
        Value::Array(pair) => match &pair[..] {
            [min, max] => Ok((count(min)?, count(max)?)),
            _ => Err(format!("declare: instances are n or [min, max], not {v}")),
        },
        n => count(n).map(|n| (n, n)),
    }
}

/// The matches of `path` in `tree` as the script sees them.
pub(super) fn describe(path: &PathPattern, tree: &Tree) -> String {
    let found: Vec<Value> = path
        .matches(tree)
        .into_iter()
        .filter_map(|p| {
            let node = tree.get(&p)?;
            let mut item = json!({"path": p.trim_end_matches('.'), "object": node.object});
            if let Some((value, t)) = &node.value {
                item["value"] = if t == "xsd:dateTime" {
                    // Times are numbers in scripts, as GenieACS gives them.
                    match crate::provision::special::time_value(value) {
                        Some(ms) => json!([ms, t]),
                        None => json!([value, t]),
                    }
                } else {
                    json!([value, t])
                };
            }
            if let Some(w) = node.writable {
                item["writable"] = json!(w);
            }
            if let Some(n) = node.notification {
                item["notification"] = json!(n);
            }
            if let Some(list) = &node.access_list {
                item["accessList"] = json!(list);
            }
            Some(item)
        })
        .collect();
    Value::Array(found).to_string()
}
