//! The values that cross between a script and the ACS: what `declare` and `clear` receive,
//! and what `declare` gives back.

use crate::model::{Millis, Tree};
use crate::provision::path::PathPattern;
use crate::provision::plan::{Declaration, Desired, Freshness};
use serde_json::{Value, json};

/// Reads `declare(path, timestamps, values)`, the objects as JSON text ("" for none).
pub(super) fn declaration(path: &str, timestamps: &str, values: &str) -> Result<Declaration, String> {
    let object = |text: &str| -> Result<Value, String> {
        if text.is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_str(text).map_err(|e| format!("declare: {e}"))
    };
    let (timestamps, values) = (object(timestamps)?, object(values)?);
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
