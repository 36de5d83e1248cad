//! Paths as provision scripts declare them: `Device.WiFi.SSID.*.Enable`,
//! `Device.WiFi.SSID.[SSID:Guest,Enable:true].KeyPassphrase`, `Device.Hosts.Host.` (an
//! object). A segment is a name, `*` (every child), or an alias filter selecting the instances
//! of a table whose parameters (paths relative to the instance) have the given values.

use crate::model::Tree;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Name(String),
    Any,
    /// `(relative parameter path, value)` pairs an instance must all have.
    Alias(Vec<(String, String)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPattern {
    pub segments: Vec<Segment>,
    /// Written with a trailing dot: it names objects.
    pub object: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid path {path:?}: {reason}")]
pub struct PathError {
    pub path: String,
    pub reason: String,
}

impl PathPattern {
    pub fn parse(text: &str) -> Result<PathPattern, PathError> {
        let error = |reason: &str| PathError {
            path: text.to_string(),
            reason: reason.to_string(),
        };
        let (body, object) = match text.strip_suffix('.') {
            Some(body) => (body, true),
            None => (text, false),
        };
        if body.is_empty() {
            return Err(error("empty"));
        }
        let mut segments = Vec::new();
        let mut rest = body;
        loop {
            let (segment, tail) = if let Some(inner) = rest.strip_prefix('[') {
                let end = inner.find(']').ok_or_else(|| error("unclosed '['"))?;
                let filters = parse_alias(&inner[..end]).map_err(|r| error(&r))?;
                let tail = &inner[end + 1..];
                (Segment::Alias(filters), tail)
            } else {
                let end = rest.find('.').unwrap_or(rest.len());
                let name = &rest[..end];
                let segment = match name {
                    "" => return Err(error("empty segment")),
                    "*" => Segment::Any,
                    _ if name.contains(['[', ']', ' ']) => {
                        return Err(error("'[', ']' or a space inside a name"));
                    }
                    _ => Segment::Name(name.to_string()),
                };
                (segment, &rest[end..])
            };
            segments.push(segment);
            match tail.strip_prefix('.') {
                Some(next) if !next.is_empty() => rest = next,
                Some(_) => return Err(error("empty segment")),
                None if tail.is_empty() => break,
                None => return Err(error("expected '.' after ']'")),
            }
        }
        Ok(PathPattern { segments, object })
    }

    /// Whether it names the ACS's own data (`Tags.`, `VirtualParameters.`, ...) rather
    /// than the device's.
    pub fn is_local(&self) -> bool {
        matches!(self.segments.first(), Some(Segment::Name(root))
            if crate::provision::special::LOCAL_ROOTS.contains(&root.as_str()))
    }

    /// No wildcard or alias: it names one path.
    pub fn is_concrete(&self) -> bool {
        self.segments.iter().all(|s| matches!(s, Segment::Name(_)))
    }

    /// The paths of `tree` it names, in tree order: parameters, or objects (with their
    /// trailing dot) when written as an object path or when the match is an object.
    pub fn matches(&self, tree: &Tree) -> Vec<String> {
        if self.is_concrete() {
            // Most declarations name one path: no prefixes to grow.
            let mut path = String::new();
            for segment in &self.segments {
                if let Segment::Name(n) = segment {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(n);
                }
            }
            if !self.object && tree.contains_key(&path) {
                return vec![path];
            }
            path.push('.');
            return if tree.contains_key(&path) {
                vec![path]
            } else {
                Vec::new()
            };
        }
        // Prefixes matched so far, each ending with '.'.
        let mut prefixes = vec![String::new()];
        let last = self.segments.len() - 1;
        let mut found = Vec::new();
        for (i, segment) in self.segments.iter().enumerate() {
            let mut next = Vec::new();
            for prefix in &prefixes {
                let names: Vec<String> = match segment {
                    Segment::Name(n) => vec![n.clone()],
                    Segment::Any => children(tree, prefix),
                    Segment::Alias(filters) => children(tree, prefix)
                        .into_iter()
                        .filter(|child| {
                            filters.iter().all(|(key, value)| {
                                tree.get(&format!("{prefix}{child}.{key}"))
                                    .and_then(|n| n.value.as_ref())
                                    .is_some_and(|(v, _)| v == value)
                            })
                        })
                        .collect(),
                };
                for name in names {
                    let path = format!("{prefix}{name}");
                    if i == last {
                        let as_object = format!("{path}.");
                        if !self.object && tree.contains_key(&path) {
                            found.push(path);
                        } else if tree.contains_key(&as_object) {
                            found.push(as_object);
                        }
                    } else {
                        next.push(format!("{path}."));
                    }
                }
            }
            prefixes = next;
        }
        found
    }
}

/// The names of the direct children of the object `prefix` (ending with '.') in `tree`.
fn children(tree: &Tree, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for path in tree.range(prefix.to_string()..).map(|(k, _)| k) {
        let Some(rest) = path.strip_prefix(prefix) else {
            break;
        };
        let name = rest.split('.').next().unwrap_or_default();
        if !name.is_empty() && names.last().is_none_or(|last| last != name) {
            names.push(name.to_string());
        }
    }
    // Mostly consecutive already, but a sibling like `1-x` sorts between `1` and `1.`.
    names.sort();
    names.dedup();
    names
}

fn parse_alias(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut filters = Vec::new();
    for pair in text.split(',') {
        let (key, value) = pair
            .split_once(':')
            .ok_or_else(|| format!("alias filter {pair:?} is not Key:Value"))?;
        let key = key.trim();
        if key.is_empty() || key.starts_with('.') || key.ends_with('.') {
            return Err(format!("alias key {key:?} is not a parameter path"));
        }
        filters.push((key.to_string(), value.to_string()));
    }
    Ok(filters)
}

impl fmt::Display for PathPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            match segment {
                Segment::Name(n) => f.write_str(n)?,
                Segment::Any => f.write_str("*")?,
                Segment::Alias(filters) => {
                    f.write_str("[")?;
                    for (j, (k, v)) in filters.iter().enumerate() {
                        if j > 0 {
                            f.write_str(",")?;
                        }
                        write!(f, "{k}:{v}")?;
                    }
                    f.write_str("]")?;
                }
            }
        }
        if self.object {
            f.write_str(".")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    fn tree() -> Tree {
        let mut t = Tree::new();
        let object = Node {
            object: true,
            ..Node::default()
        };
        let value = |v: &str| Node {
            value: Some((v.to_string(), "xsd:string".to_string())),
            ..Node::default()
        };
        for p in [
            "Device.",
            "Device.WiFi.",
            "Device.WiFi.SSID.",
            "Device.WiFi.SSID.1.",
            "Device.WiFi.SSID.2.",
            "Device.WiFi.SSID.10.",
        ] {
            t.insert(p.into(), object.clone());
        }
        for (i, ssid, enable) in [
            ("1", "Home", "true"),
            ("2", "Guest", "false"),
            ("10", "Guest", "true"),
        ] {
            t.insert(format!("Device.WiFi.SSID.{i}.SSID"), value(ssid));
            t.insert(format!("Device.WiFi.SSID.{i}.Enable"), value(enable));
        }
        t
    }

    #[test]
    fn names_wildcards_and_aliases_match_what_exists() {
        let t = tree();
        let m = |p: &str| PathPattern::parse(p).expect(p).matches(&t);
        assert_eq!(m("Device.WiFi.SSID.1.SSID"), ["Device.WiFi.SSID.1.SSID"]);
        assert!(m("Device.WiFi.SSID.3.SSID").is_empty());
        assert_eq!(
            m("Device.WiFi.SSID.*.Enable"),
            [
                "Device.WiFi.SSID.1.Enable",
                "Device.WiFi.SSID.10.Enable",
                "Device.WiFi.SSID.2.Enable"
            ]
        );
        assert_eq!(
            m("Device.WiFi.SSID.[SSID:Guest].Enable"),
            ["Device.WiFi.SSID.10.Enable", "Device.WiFi.SSID.2.Enable"]
        );
        assert_eq!(
            m("Device.WiFi.SSID.[SSID:Guest,Enable:true]"),
            ["Device.WiFi.SSID.10."]
        );
        assert_eq!(
            m("Device.WiFi.SSID.*."),
            [
                "Device.WiFi.SSID.1.",
                "Device.WiFi.SSID.10.",
                "Device.WiFi.SSID.2."
            ]
        );
        assert_eq!(m("Device.WiFi."), ["Device.WiFi."]);
    }

    #[test]
    fn patterns_print_as_written_and_bad_ones_are_refused() {
        for p in [
            "Device.WiFi.SSID.*.Enable",
            "Device.X.[A.B:1,C:two].D",
            "Device.Hosts.",
        ] {
            assert_eq!(PathPattern::parse(p).expect(p).to_string(), p);
        }
        assert!(
            PathPattern::parse("Device.WiFi.SSID.1.SSID")
                .expect("ok")
                .is_concrete()
        );
        assert!(!PathPattern::parse("Device.*.X").expect("ok").is_concrete());
        for (p, needle) in [
            ("", "empty"),
            ("Device..X", "empty segment"),
            ("Device.[A:1", "unclosed"),
            ("Device.[A].X", "Key:Value"),
            ("Device.[A:1]X", "after ']'"),
            ("Device.X Y", "space"),
        ] {
            let e = PathPattern::parse(p).expect_err(p).to_string();
            assert!(e.contains(needle), "{p}: {e}");
        }
    }
}
