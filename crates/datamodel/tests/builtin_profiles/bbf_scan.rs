//! A light scan of a BBF full data-model XML: the type and access of every parameter, by
//! generic path (service models get their `Device.Services.` prefix). Independent of the
//! crate's own BBF loader on purpose, so the two check each other.

use cwmp::ValueType;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const BASE_TYPES: &[&str] = &[
    "string",
    "int",
    "unsignedInt",
    "long",
    "unsignedLong",
    "boolean",
    "dateTime",
    "base64",
    "hexBinary",
    "decimal",
];

/// Where the BBF XML files are: `CWMP_BBF_DIR`, else a `shared/bbf` directory found walking
/// up from the crate. `None` when neither exists.
pub fn bbf_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("CWMP_BBF_DIR") {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared").join("bbf"))
        .find(|d| d.is_dir())
}

/// The BBF directory, or `None` after printing why the caller skips. Under `CI=true` a
/// missing directory fails the test instead.
pub fn bbf_dir_or_skip(test: &str) -> Option<PathBuf> {
    let dir = bbf_dir();
    if dir.is_none() {
        let ci = std::env::var("CI").map(|v| v == "true").unwrap_or(false);
        assert!(
            !ci,
            "{test}: the BBF data-model XML is missing (set CWMP_BBF_DIR or provide ../shared/bbf)"
        );
        println!("skipped: {test}: no BBF data-model directory (set CWMP_BBF_DIR)");
    }
    dir
}

/// What the XML says about one parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct XmlParam {
    pub ty: ValueType,
    pub writable: bool,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

/// Parameters of every model in the file, by generic path.
pub fn scan(path: &Path) -> Result<HashMap<String, XmlParam>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut reader = Reader::from_str(&text);
    let mut stack: Vec<String> = Vec::new();
    // Named data types: their base type element, or the named type they derive from.
    let mut type_base: HashMap<String, String> = HashMap::new();
    let mut type_parent: HashMap<String, String> = HashMap::new();
    let mut current_type: Option<String> = None;
    let mut prefix = String::new();
    let mut object: Option<String> = None;
    // (path, writable, type or "ref:<data type>")
    let mut param: Option<(String, bool, Option<String>)> = None;
    let mut raw: Vec<(String, bool, String)> = Vec::new();

    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "{} at byte {}: {e}",
                path.display(),
                reader.buffer_position()
            )
        })?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                match stack.pop().as_deref() {
                    Some("dataType") if stack.last().map(String::as_str) != Some("syntax") => {
                        current_type = None
                    }
                    Some("object") => object = None,
                    Some("parameter") => {
                        if let Some((p, w, Some(t))) = param.take() {
                            raw.push((p, w, t));
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = e.local_name().as_ref().to_string();
        let parent = stack.last().map(String::as_str).unwrap_or("");
        match name.as_str() {
            "dataType" if parent != "syntax" => {
                if let Some(n) = attr(e, "name") {
                    if let Some(base) = attr(e, "base") {
                        type_parent.insert(n.clone(), base);
                    }
                    current_type = Some(n);
                }
            }
            "dataType" => {
                if let (Some((_, _, t @ None)), Some(r)) = (param.as_mut(), attr(e, "ref")) {
                    *t = Some(format!("ref:{r}"));
                }
            }
            "model" => {
                let service = attr(e, "isService").as_deref() == Some("true");
                prefix = if service {
                    "Device.Services.".into()
                } else {
                    String::new()
                };
            }
            "object" if parent == "model" => object = attr(e, "name").map(|n| prefix.clone() + &n),
            "parameter" if parent == "object" || parent == "model" => {
                if let Some(n) = attr(e, "name") {
                    let base = if parent == "object" {
                        object.clone().unwrap_or_default()
                    } else {
                        prefix.clone()
                    };
                    let access = attr(e, "access").unwrap_or_else(|| "readOnly".into());
                    let writable = access == "readWrite" || access == "writeOnceReadOnly";
                    param = Some((base + &n, writable, None));
                }
            }
            t if BASE_TYPES.contains(&t) => {
                if parent == "syntax" {
                    if let Some((_, _, ty @ None)) = param.as_mut() {
                        *ty = Some(t.to_string());
                    }
                } else if parent == "dataType"
                    && let Some(n) = &current_type
                {
                    type_base.entry(n.clone()).or_insert_with(|| t.to_string());
                }
            }
            _ => {}
        }
        if !empty {
            stack.push(name);
        } else if name == "parameter"
            && let Some((p, w, Some(t))) = param.take()
        {
            raw.push((p, w, t));
        }
    }

    let resolve = |mut t: String| -> Option<String> {
        for _ in 0..16 {
            let Some(named) = t.strip_prefix("ref:") else {
                return Some(t);
            };
            t = match (type_base.get(named), type_parent.get(named)) {
                (Some(base), _) => base.clone(),
                (None, Some(parent)) => format!("ref:{parent}"),
                (None, None) => return None,
            };
        }
        None
    };
    let mut out = HashMap::new();
    for (p, writable, t) in raw {
        if let Some(base) = resolve(t) {
            let ty = ValueType::from_xsi_type(&base);
            out.insert(p, XmlParam { ty, writable });
        }
    }
    Ok(out)
}
