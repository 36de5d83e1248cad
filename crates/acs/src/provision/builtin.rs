//! The built-in provisions, as GenieACS names them, turned into what they ask of a session:
//! declarations for the planner, or effects that are not parameters (tags, reboot, factory
//! reset, download).
//!
//! - `refresh(path, maxAgeSeconds)`: the values under `path` known no older than that.
//! - `value(path, value)`: the parameter(s) set to the value.
//! - `tag(name, bool)`: the tag added or removed.
//! - `reboot`, `reset`: once per session that runs them.
//! - `download(fileType, fileName[, targetFileName])`.
//! - `instances(path, count | "+n" | "-n")`: that many instances, or n more or fewer than
//!   there are now.

use super::path::PathPattern;
use super::plan::{Declaration, Desired, Freshness};
use crate::model::{Millis, Tree};
use crate::preset::ProvisionCall;
use serde_json::Value;

/// What a built-in provision asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Declare(Declaration),
    Tag {
        name: String,
        present: bool,
    },
    Reboot,
    FactoryReset,
    Download {
        file_type: String,
        file_name: String,
        target_file_name: Option<String>,
    },
}

/// A built-in provision called with arguments it cannot use; the message becomes the fault
/// of the preset's channel.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("provision {name}: {reason}")]
pub struct ProvisionError {
    pub name: String,
    pub reason: String,
}

/// The steps of `call` if it names a built-in provision, `None` if it names a script.
pub fn steps(
    call: &ProvisionCall,
    now: Millis,
    tree: &Tree,
) -> Option<Result<Vec<Step>, ProvisionError>> {
    let error = |reason: String| ProvisionError {
        name: call.name.clone(),
        reason,
    };
    let args = &call.args;
    let text = |i: usize, what: &str| -> Result<String, ProvisionError> {
        match args.get(i) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(error(format!("{what} must be a string, not {other}"))),
            None => Err(error(format!("{what} is missing"))),
        }
    };
    let pattern = |i: usize| -> Result<PathPattern, ProvisionError> {
        PathPattern::parse(&text(i, "the path")?).map_err(|e| error(e.to_string()))
    };
    let result = match call.name.as_str() {
        "refresh" => (|| {
            let max_age = match args.get(1) {
                Some(v) => v.as_u64().ok_or_else(|| {
                    error(format!("maxAgeSeconds must be a whole number, not {v}"))
                })?,
                None => 0,
            };
            let since =
                now.saturating_sub(i64::try_from(max_age.saturating_mul(1000)).unwrap_or(i64::MAX));
            Ok(vec![Step::Declare(Declaration {
                path: pattern(0)?,
                fresh: Freshness {
                    path: Some(since),
                    value: Some(since),
                    ..Freshness::default()
                },
                desired: Desired::default(),
            })])
        })(),
        "value" => (|| {
            let value = match args.get(1) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Bool(b)) => b.to_string(),
                Some(Value::Number(n)) => n.to_string(),
                Some(other) => {
                    return Err(error(format!(
                        "the value must be a string, number or boolean, not {other}"
                    )));
                }
                None => return Err(error("the value is missing".into())),
            };
            Ok(vec![Step::Declare(Declaration {
                path: pattern(0)?,
                fresh: Freshness::default(),
                desired: Desired {
                    value: Some((value, None)),
                    ..Desired::default()
                },
            })])
        })(),
        "tag" => (|| {
            let present = match args.get(1) {
                Some(Value::Bool(b)) => *b,
                None => true,
                Some(other) => {
                    return Err(error(format!(
                        "the tag's state must be true or false, not {other}"
                    )));
                }
            };
            Ok(vec![Step::Tag {
                name: text(0, "the tag")?,
                present,
            }])
        })(),
        "reboot" => Ok(vec![Step::Reboot]),
        "reset" => Ok(vec![Step::FactoryReset]),
        "download" => (|| {
            Ok(vec![Step::Download {
                file_type: text(0, "the file type")?,
                file_name: text(1, "the file name")?,
                target_file_name: args
                    .get(2)
                    .map(|_| text(2, "the target file name"))
                    .transpose()?,
            }])
        })(),
        "instances" => (|| {
            let path = pattern(0)?;
            let current = u32::try_from(path.matches(tree).len()).unwrap_or(u32::MAX);
            let count = match args.get(1) {
                Some(Value::Number(n)) => n
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| error(format!("the count must be a whole number, not {n}")))?,
                Some(Value::String(s)) => relative(current, s).ok_or_else(|| {
                    error(format!(
                        "the count must be a number, \"+n\" or \"-n\", not {s:?}"
                    ))
                })?,
                Some(other) => {
                    return Err(error(format!("the count must be a number, not {other}")));
                }
                None => return Err(error("the count is missing".into())),
            };
            Ok(vec![Step::Declare(Declaration {
                path,
                fresh: Freshness::default(),
                desired: Desired {
                    instances: Some((count, count)),
                    ..Desired::default()
                },
            })])
        })(),
        _ => return None,
    };
    Some(result)
}

/// `"+n"`, `"-n"` or `"n"` against the current count.
fn relative(current: u32, text: &str) -> Option<u32> {
    if let Some(more) = text.strip_prefix('+') {
        return current.checked_add(more.parse().ok()?);
    }
    if let Some(fewer) = text.strip_prefix('-') {
        return Some(current.saturating_sub(fewer.parse().ok()?));
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;
    use serde_json::json;

    fn call(value: Value) -> ProvisionCall {
        serde_json::from_value(value).expect("call")
    }

    fn tree_with_two_ssids() -> Tree {
        let mut t = Tree::new();
        for p in [
            "Device.WiFi.SSID.",
            "Device.WiFi.SSID.1.",
            "Device.WiFi.SSID.2.",
        ] {
            t.insert(
                p.into(),
                Node {
                    object: true,
                    ..Node::default()
                },
            );
        }
        t
    }

    #[test]
    fn built_ins_become_declarations_and_effects() {
        let t = tree_with_two_ssids();
        let now = 1_000_000;
        let steps = |v| steps(&call(v), now, &t).expect("built in").expect("valid");
        match &steps(json!(["refresh", "Device.DeviceInfo.", 60]))[..] {
            [Step::Declare(d)] => {
                assert_eq!(d.fresh.value, Some(now - 60_000));
                assert_eq!(d.path.to_string(), "Device.DeviceInfo.");
            }
            other => panic!("{other:?}"),
        }
        match &steps(json!([
            "value",
            "Device.ManagementServer.PeriodicInformInterval",
            3600
        ]))[..]
        {
            [Step::Declare(d)] => assert_eq!(d.desired.value, Some(("3600".into(), None))),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            steps(json!(["tag", "lab", false])),
            [Step::Tag {
                name: "lab".into(),
                present: false
            }]
        );
        assert_eq!(steps(json!(["reboot"])), [Step::Reboot]);
        assert_eq!(steps(json!(["reset"])), [Step::FactoryReset]);
        assert_eq!(
            steps(json!(["download", "1 Firmware Upgrade Image", "fw.bin"])),
            [Step::Download {
                file_type: "1 Firmware Upgrade Image".into(),
                file_name: "fw.bin".into(),
                target_file_name: None
            }]
        );
        for (count, expected) in [
            (json!(5), 5),
            (json!("+1"), 3),
            (json!("-1"), 1),
            (json!("-5"), 0),
        ] {
            match &steps(json!(["instances", "Device.WiFi.SSID.*", count]))[..] {
                [Step::Declare(d)] => assert_eq!(d.desired.instances, Some((expected, expected))),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn scripts_are_not_built_ins_and_bad_arguments_say_why() {
        let t = Tree::new();
        assert!(steps(&call(json!(["my-script", 1])), 0, &t).is_none());
        for (v, needle) in [
            (json!(["value", "Device.X"]), "value is missing"),
            (
                json!(["value", "Device.X", {"a": 1}]),
                "string, number or boolean",
            ),
            (json!(["refresh", "Device.X.", -1]), "whole number"),
            (json!(["tag", "lab", "yes"]), "true or false"),
            (
                json!(["download", "1 Firmware Upgrade Image"]),
                "file name is missing",
            ),
            (json!(["instances", "Device.X.*", "two"]), "\"+n\""),
            (json!(["value", 7, "x"]), "path must be a string"),
            (json!(["value", "Device..X", "x"]), "invalid path"),
        ] {
            let e = steps(&call(v.clone()), 0, &t)
                .expect("built in")
                .expect_err(&v.to_string())
                .to_string();
            assert!(e.contains(needle), "{v}: {e}");
        }
    }
}
