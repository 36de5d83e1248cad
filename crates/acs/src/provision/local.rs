//! Declarations on the ACS's own roots ([`super::special`]): applied to the record and the
//! tree at once, with the RPCs some of them call for (Download, Reboot, FactoryReset) kept
//! as effects for when the device's own declarations hold.

use super::path::{PathPattern, Segment};
use super::plan::Declaration;
use super::special::{record_time, set_local, set_tag, time_at, time_value};
use crate::engine::apply::{remove_subtree, under};
use crate::model::{DeviceRecord, Millis, Tree};

/// An RPC a local declaration calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// `Downloads.<n>.`: send that instance's download.
    Download(String),
    Reboot,
    FactoryReset,
}

impl Effect {
    /// The local node recording when the effect was last sent.
    pub fn record_path(&self) -> String {
        match self {
            Effect::Download(instance) => format!("{instance}Download"),
            Effect::Reboot => "Reboot".into(),
            Effect::FactoryReset => "FactoryReset".into(),
        }
    }
}

fn truthy(value: &str) -> bool {
    matches!(value.trim(), "true" | "1")
}

/// Applies the local declarations of one channel; returns the effects they call for and
/// whether a tag changed. `.Download` leaves are handled after the other values so the
/// instance is complete when the download is planned.
pub fn apply(
    device: &mut DeviceRecord,
    declarations: &[Declaration],
    now: Millis,
) -> (Vec<Effect>, bool) {
    let mut effects = Vec::new();
    let mut tags_changed = false;
    let (downloads, others): (Vec<&Declaration>, Vec<&Declaration>) =
        declarations.iter().partition(|d| is_download_leaf(&d.path));
    for d in others.into_iter().chain(downloads) {
        let text = d.path.to_string();
        let root = text.split('.').next().unwrap_or("");
        match root {
            "Tags" => {
                if let (Some(Segment::Name(name)), Some((value, _))) =
                    (d.path.segments.get(1), &d.desired.value)
                {
                    tags_changed |= set_tag(device, name, truthy(value), now);
                }
            }
            "Reboot" | "FactoryReset" => {
                if let Some(wanted) = d.desired.value.as_ref().and_then(|(v, _)| time_value(v))
                    && wanted > time_at(&device.tree, root).unwrap_or(0)
                {
                    effects.push(if root == "Reboot" {
                        Effect::Reboot
                    } else {
                        Effect::FactoryReset
                    });
                }
            }
            "Downloads" => downloads_declaration(&mut device.tree, d, now, &mut effects),
            // DeviceID and Events are read only; virtual parameters are computed by their
            // scripts (see the session).
            _ => {}
        }
    }
    (effects, tags_changed)
}

fn is_download_leaf(path: &PathPattern) -> bool {
    path.segments.first() == Some(&Segment::Name("Downloads".into()))
        && path.segments.last() == Some(&Segment::Name("Download".into()))
}

/// The instance pattern of a `Downloads.` declaration: `Downloads.[FileType:...]` itself,
/// or the instance of one of its leaves.
fn downloads_declaration(tree: &mut Tree, d: &Declaration, now: Millis, effects: &mut Vec<Effect>) {
    if d.path.segments.len() == 2 {
        if let Some((min, max)) = d.desired.instances {
            instances(tree, &d.path, min, max, now);
        }
        return;
    }
    let Some((value, _)) = &d.desired.value else {
        return;
    };
    let Some((Segment::Name(leaf), parents)) = d.path.segments.split_last() else {
        return;
    };
    let instance_pattern = PathPattern {
        segments: parents.to_vec(),
        object: true,
    };
    for instance in instance_pattern.matches(tree) {
        let path = format!("{instance}{leaf}");
        if leaf == "Download" {
            let wanted = time_value(value).unwrap_or(0);
            if wanted > time_at(tree, &path).unwrap_or(0) {
                effects.push(Effect::Download(instance));
            }
            continue;
        }
        let current = tree.get(&path).and_then(|n| n.value.as_ref());
        if current.is_none_or(|(v, _)| v != value) {
            set_local(tree, &path, value.clone(), "xsd:string", now);
        }
    }
}

/// Makes `Downloads.[keys]` match between `min` and `max` instances.
fn instances(tree: &mut Tree, pattern: &PathPattern, min: u32, max: u32, now: Millis) {
    let matches = pattern.matches(tree);
    let count = u32::try_from(matches.len()).unwrap_or(u32::MAX);
    if count > max {
        for instance in matches.iter().rev().take((count - max) as usize) {
            remove_subtree(tree, instance);
        }
        return;
    }
    let keys = match pattern.segments.get(1) {
        Some(Segment::Alias(keys)) => keys.clone(),
        _ => Vec::new(),
    };
    for _ in count..min {
        let next = under(tree, "Downloads.")
            .filter_map(|(k, _)| k.strip_prefix("Downloads."))
            .filter_map(|rest| rest.split('.').next()?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let instance = format!("Downloads.{next}.");
        set_local(
            tree,
            &format!("{instance}FileType"),
            String::new(),
            "xsd:string",
            now,
        );
        for (key, value) in &keys {
            set_local(
                tree,
                &format!("{instance}{key}"),
                value.clone(),
                "xsd:string",
                now,
            );
        }
    }
}

/// Records that `effect` was sent now.
pub fn sent(tree: &mut Tree, effect: &Effect, now: Millis) {
    record_time(tree, &effect.record_path(), now);
}

/// The Download fields of a `Downloads.<n>.` instance: (FileType, FileName, TargetFileName).
pub fn download_fields(tree: &Tree, instance: &str) -> (String, String, String) {
    let get = |leaf: &str| {
        tree.get(&format!("{instance}{leaf}"))
            .and_then(|n| n.value.as_ref())
            .map(|(v, _)| v.clone())
            .unwrap_or_default()
    };
    (get("FileType"), get("FileName"), get("TargetFileName"))
}

/// The Downloads instance for a built-in `download(fileType, fileName, target)`: found, or
/// created with its fields; `true` when it must be sent (created now).
pub fn builtin_download(
    tree: &mut Tree,
    file_type: &str,
    file_name: &str,
    target: &str,
    now: Millis,
) -> Option<String> {
    let existing = under(tree, "Downloads.")
        .filter(|(k, _)| k.ends_with(".FileName"))
        .map(|(k, _)| k.trim_end_matches("FileName").to_string())
        .find(|instance| {
            download_fields(tree, instance)
                == (
                    file_type.to_string(),
                    file_name.to_string(),
                    target.to_string(),
                )
        });
    if let Some(instance) = existing {
        return (time_at(tree, &format!("{instance}Download")).is_none()).then_some(instance);
    }
    let pattern = PathPattern {
        segments: vec![
            Segment::Name("Downloads".into()),
            Segment::Alias(vec![
                ("FileType".into(), file_type.into()),
                ("FileName".into(), file_name.into()),
                ("TargetFileName".into(), target.into()),
            ]),
        ],
        object: false,
    };
    instances(tree, &pattern, 1, 1, now);
    pattern.matches(tree).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provision::plan::{Desired, Freshness};

    fn declare(path: &str, value: Option<&str>, instances: Option<(u32, u32)>) -> Declaration {
        Declaration {
            path: PathPattern::parse(path).expect(path),
            fresh: Freshness::default(),
            desired: Desired {
                value: value.map(|v| (v.to_string(), None)),
                instances,
                ..Desired::default()
            },
        }
    }

    #[test]
    fn tags_reboots_and_downloads_apply_locally() {
        let mut d = DeviceRecord::default();
        let decls = [
            declare("Tags.configured", Some("true"), None),
            declare("Reboot", Some("500"), None),
            declare(
                "Downloads.[FileType:1 Firmware Upgrade Image]",
                None,
                Some((1, 1)),
            ),
            declare(
                "Downloads.[FileType:1 Firmware Upgrade Image].Download",
                Some("600"),
                None,
            ),
            declare(
                "Downloads.[FileType:1 Firmware Upgrade Image].FileName",
                Some("fw.bin"),
                None,
            ),
        ];
        let (effects, tags) = apply(&mut d, &decls, 100);
        assert!(tags && d.tags.contains("configured"));
        assert_eq!(
            effects,
            [Effect::Reboot, Effect::Download("Downloads.1.".into())]
        );
        assert_eq!(
            download_fields(&d.tree, "Downloads.1."),
            (
                "1 Firmware Upgrade Image".into(),
                "fw.bin".into(),
                String::new()
            )
        );
        for e in &effects {
            sent(&mut d.tree, e, 700);
        }
        let (effects, tags) = apply(&mut d, &decls, 800);
        assert!(effects.is_empty() && !tags, "already done: {effects:?}");
    }

    #[test]
    fn a_builtin_download_is_sent_once() {
        let mut tree = Tree::new();
        let first = builtin_download(&mut tree, "1 Firmware Upgrade Image", "fw.bin", "", 5);
        assert_eq!(first.as_deref(), Some("Downloads.1."));
        sent(&mut tree, &Effect::Download("Downloads.1.".into()), 5);
        assert_eq!(
            builtin_download(&mut tree, "1 Firmware Upgrade Image", "fw.bin", "", 6),
            None
        );
        let other = builtin_download(&mut tree, "1 Firmware Upgrade Image", "fw2.bin", "", 7);
        assert_eq!(other.as_deref(), Some("Downloads.2."));
    }
}
