//! The JSON form: `{"Path.": [writable], "Path.Param": [writable, value, type], ...}`.
//!
//! Each entry is kept as raw text first, so that errors about it can name where it starts.

use super::SimModelError;
use super::builder::{Builder, Entry, parse_flag};
use serde::Deserializer as _;
use serde::de::{MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::fmt;

pub(super) fn load(text: &str, builder: &mut Builder) -> Result<(), SimModelError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let entries = de
        .deserialize_map(EntriesVisitor)
        .and_then(|entries| de.end().map(|()| entries))
        .map_err(from_serde)?;
    for (path, raw) in entries {
        let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let (line, column) = position(text, offset);
        let at = |message: String| SimModelError::Json {
            line,
            column,
            message,
        };
        let entry = entry(&path, raw.get()).map_err(at)?;
        builder.add(entry).map_err(at)?;
    }
    Ok(())
}

/// The top-level object's entries in file order, duplicates included.
#[derive(Debug)]
struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Vec<(String, &'de RawValue)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object mapping parameter paths to [writable, value, type] arrays")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            out.push((key, map.next_value::<&'de RawValue>()?));
        }
        Ok(out)
    }
}

fn entry<'p>(path: &'p str, raw: &str) -> Result<Entry<'p>, String> {
    let parsed: Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let Value::Array(items) = parsed else {
        return Err(format!(
            "{path}: expected an array [writable, value, type], found {}",
            kind(&parsed)
        ));
    };
    let object = path.trim_end().ends_with('.');
    match (object, items.len()) {
        (true, 1) | (false, 2 | 3) => {}
        (true, n) => {
            return Err(format!(
                "{path}: an object entry is [writable], not {n} elements"
            ));
        }
        (false, n) => {
            return Err(format!(
                "{path}: a parameter entry is [writable, value] or [writable, value, type], \
                 not {n} elements"
            ));
        }
    }
    let writable = match &items[0] {
        Value::Bool(b) => Some(*b),
        Value::String(s) => parse_flag(s).filter(|_| !s.trim().is_empty()),
        Value::Number(n) => match n.as_u64() {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
        _ => None,
    }
    .ok_or_else(|| format!("{path}: writable must be true or false, not {}", items[0]))?;
    let value = match items.get(1) {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
        Some(v) => {
            return Err(format!(
                "{path}: the value must be a string, not {}",
                kind(v)
            ));
        }
    };
    let ty = match items.get(2) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(v) => {
            return Err(format!(
                "{path}: the type must be a string, not {}",
                kind(v)
            ));
        }
    };
    Ok(Entry {
        path,
        object,
        writable,
        value,
        ty,
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.matches('\n').count();
    let column = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, column)
}

fn from_serde(e: serde_json::Error) -> SimModelError {
    let (line, column) = (e.line(), e.column());
    let full = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    // serde_json counts the characters read on the line: 0 before the first.
    SimModelError::Json {
        line,
        column: column.max(1),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "{\n  \"é\": [true],\n  \"b\": 1\n}";
        let offset = text.find('1').unwrap();
        assert_eq!(position(text, offset), (3, 8));
        assert_eq!(position(text, 0), (1, 1));
    }

    #[test]
    fn entry_shapes() {
        let e = entry("Device.X", r#"[false, 7, "xsd:int"]"#).unwrap();
        assert_eq!(
            (e.writable, e.value.as_deref(), e.ty.as_deref()),
            (false, Some("7"), Some("xsd:int"))
        );
        assert!(
            entry("Device.X.", r#"[true, ""]"#)
                .unwrap_err()
                .contains("object entry")
        );
        assert!(
            entry("Device.X", "[true]")
                .unwrap_err()
                .contains("parameter entry")
        );
        assert!(
            entry("Device.X", r#"["maybe", ""]"#)
                .unwrap_err()
                .contains("writable")
        );
        assert!(
            entry("Device.X", r#"[true, null]"#)
                .unwrap_err()
                .contains("value")
        );
        assert!(
            entry("Device.X", r#"{"a": 1}"#)
                .unwrap_err()
                .contains("an object")
        );
    }
}
