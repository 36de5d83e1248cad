//! The parameter tree of one device, stored as differences from its profile.
//!
//! [`BaseTree`] is the profile instantiated once and shared (behind an `Arc`) by every device
//! built from it; [`DeviceModel`] keeps only what differs: changed values, added and deleted
//! instances, changed attributes. A device that has been configured a little costs a few
//! hundred bytes on top of the shared tree, which is what lets one process simulate a fleet.

use crate::profile::Profile;
use crate::schema::{ParamDef, Schema, generic_path};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::sync::Arc;

/// What a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Object,
    Parameter,
}

/// A profile instantiated: every object and parameter a new device has, with its value.
#[derive(Debug)]
pub struct BaseTree {
    pub profile: Profile,
    /// Concrete path to the initial value (`None` for objects).
    nodes: BTreeMap<String, Option<String>>,
    /// Generic path of a `...NumberOfEntries` parameter to the generic path of its table.
    count_params: BTreeMap<String, String>,
    /// Highest instance number per concrete table container in the profile.
    max_instance: BTreeMap<String, u32>,
}

impl BaseTree {
    pub fn new(profile: Profile) -> Arc<BaseTree> {
        let schema = &profile.schema;
        let mut nodes = BTreeMap::new();
        instantiate(schema, "", "", &mut nodes);
        let mut max_instance: BTreeMap<String, u32> = BTreeMap::new();
        for instance in &profile.instances {
            let generic = generic_path(instance);
            instantiate(schema, instance, &generic, &mut nodes);
            if let Some((container, n)) = split_instance(instance) {
                let max = max_instance.entry(container.to_string()).or_default();
                *max = (*max).max(n);
            }
        }
        for (path, value) in &profile.values {
            nodes.insert(path.clone(), Some(value.clone()));
        }
        let count_params = schema
            .objects
            .iter()
            .filter_map(|(table, def)| Some((def.count_parameter.clone()?, table.clone())))
            .collect();
        Arc::new(BaseTree {
            profile,
            nodes,
            count_params,
            max_instance,
        })
    }

    pub fn schema(&self) -> &Schema {
        &self.profile.schema
    }
}

/// Adds the objects and parameters of `concrete` (an instance, or the root when empty) that
/// do not lie inside a nested table: nested tables start empty.
fn instantiate(
    schema: &Schema,
    concrete: &str,
    generic: &str,
    nodes: &mut BTreeMap<String, Option<String>>,
) {
    let inside = |g: &str| g.len() >= generic.len() && !g[generic.len()..].contains("{i}");
    for (g, _) in schema.objects_under(generic).filter(|(g, _)| inside(g)) {
        nodes.insert(format!("{concrete}{}", &g[generic.len()..]), None);
    }
    for (g, def) in schema.params_under(generic).filter(|(g, _)| inside(g)) {
        nodes.insert(
            format!("{concrete}{}", &g[generic.len()..]),
            Some(def.initial_value()),
        );
    }
}

/// `X.Y.3.` -> (`X.Y.`, 3).
pub fn split_instance(path: &str) -> Option<(&str, u32)> {
    let trimmed = path.strip_suffix('.')?;
    let dot = trimmed.rfind('.')?;
    let n = trimmed[dot + 1..].parse().ok()?;
    Some((&path[..=dot], n))
}

/// Attributes a parameter may have changed from its defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attributes {
    pub notification: u8,
    pub access_list: Vec<String>,
}

/// One device's parameter tree.
#[derive(Debug, Clone)]
pub struct DeviceModel {
    base: Arc<BaseTree>,
    pub(crate) values: BTreeMap<String, String>,
    pub(crate) added: BTreeSet<String>,
    pub(crate) deleted: BTreeSet<String>,
    pub(crate) attributes: BTreeMap<String, Attributes>,
    pub(crate) next_instance: BTreeMap<String, u32>,
    /// Parameters with notification on whose value the device changed since the last Inform.
    pub(crate) changed: BTreeSet<String>,
}

impl DeviceModel {
    pub fn new(base: Arc<BaseTree>) -> DeviceModel {
        DeviceModel {
            base,
            values: BTreeMap::new(),
            added: BTreeSet::new(),
            deleted: BTreeSet::new(),
            attributes: BTreeMap::new(),
            next_instance: BTreeMap::new(),
            changed: BTreeSet::new(),
        }
    }

    pub fn base(&self) -> &Arc<BaseTree> {
        &self.base
    }

    pub fn schema(&self) -> &Schema {
        self.base.schema()
    }

    pub fn root(&self) -> &str {
        self.base.profile.root()
    }

    /// Back to the profile: what a factory reset does.
    pub fn reset(&mut self) {
        *self = DeviceModel::new(Arc::clone(&self.base));
    }

    fn is_deleted(&self, path: &str) -> bool {
        // Deleted instances are few; a path is gone when it lies under one of them.
        self.deleted.iter().any(|d| path.starts_with(d.as_str()))
    }

    /// The added instance that `path` lies in without crossing into a nested table.
    fn added_owner(&self, path: &str, generic: &str) -> Option<usize> {
        self.added
            .iter()
            .filter(|a| path.starts_with(a.as_str()))
            .map(|a| a.len())
            .find(|&len| {
                let owner_generic_len = generic_prefix_len(generic, path, len);
                !generic[owner_generic_len..].contains("{i}")
            })
    }

    /// What `path` names, if it exists on this device.
    pub fn kind(&self, path: &str) -> Option<NodeKind> {
        if self.is_deleted(path) {
            return None;
        }
        let kind = |object: bool| {
            if object {
                NodeKind::Object
            } else {
                NodeKind::Parameter
            }
        };
        if self.base.nodes.contains_key(path) {
            return Some(kind(path.ends_with('.')));
        }
        let generic = generic_path(path);
        self.added_owner(path, &generic)?;
        if path.ends_with('.') {
            self.schema().object(&generic).map(|_| NodeKind::Object)
        } else {
            self.schema().param(&generic).map(|_| NodeKind::Parameter)
        }
    }

    pub fn param_def(&self, path: &str) -> Option<&ParamDef> {
        self.schema().param(&generic_path(path))
    }

    /// The current value of a parameter that exists.
    pub fn value(&self, path: &str) -> Option<String> {
        if self.kind(path)? != NodeKind::Parameter {
            return None;
        }
        let generic = generic_path(path);
        if let Some(table) = self.base.count_params.get(&generic) {
            return Some(self.count_instances(path, &generic, table).to_string());
        }
        if let Some(v) = self.values.get(path) {
            return Some(v.clone());
        }
        match self.base.nodes.get(path) {
            Some(Some(v)) => Some(v.clone()),
            _ => self.schema().param(&generic).map(ParamDef::initial_value),
        }
    }

    fn count_instances(&self, path: &str, generic: &str, table: &str) -> usize {
        // The count parameter and its table share a parent object.
        let parent_generic = &generic[..generic.rfind('.').map_or(0, |i| i + 1)];
        let parent = &path[..path.rfind('.').map_or(0, |i| i + 1)];
        let relative = table.strip_prefix(parent_generic).unwrap_or(table);
        let container = format!(
            "{parent}{}",
            relative.strip_suffix("{i}.").unwrap_or(relative)
        );
        self.instances(&container).len()
    }

    /// The instance numbers of a table container (`Device.WiFi.SSID.`), in order.
    pub fn instances(&self, container: &str) -> Vec<u32> {
        let mut found: BTreeSet<u32> = self
            .base
            .nodes
            .range::<str, _>((Bound::Included(container), Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(container))
            .filter_map(|(k, _)| instance_number(container, k))
            .collect();
        found.extend(
            self.added
                .iter()
                .filter_map(|a| instance_number(container, a)),
        );
        found.retain(|n| !self.is_deleted(&format!("{container}{n}.")));
        found.into_iter().collect()
    }

    /// Every existing path under `prefix` (itself included), sorted.
    pub fn paths_under(&self, prefix: &str) -> Vec<(String, NodeKind)> {
        let mut out: BTreeMap<String, NodeKind> = BTreeMap::new();
        for (path, value) in self
            .base
            .nodes
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(prefix))
        {
            if !self.is_deleted(path) {
                let kind = if value.is_some() {
                    NodeKind::Parameter
                } else {
                    NodeKind::Object
                };
                out.insert(path.clone(), kind);
            }
        }
        let schema = self.schema();
        for added in &self.added {
            if !(added.starts_with(prefix) || prefix.starts_with(added.as_str())) {
                continue;
            }
            let generic = generic_path(added);
            let inside = |g: &str| !g[generic.len()..].contains("{i}");
            let objects = schema
                .objects_under(&generic)
                .map(|(g, _)| (g, NodeKind::Object));
            let params = schema
                .params_under(&generic)
                .map(|(g, _)| (g, NodeKind::Parameter));
            for (g, kind) in objects.chain(params).filter(|(g, _)| inside(g)) {
                let path = format!("{added}{}", &g[generic.len()..]);
                if path.starts_with(prefix) && !self.is_deleted(&path) {
                    out.insert(path, kind);
                }
            }
        }
        out.into_iter().collect()
    }

    /// The attributes of a parameter: its own if changed, else the defaults of its definition.
    pub fn attributes(&self, path: &str) -> Attributes {
        if let Some(a) = self.attributes.get(path) {
            return a.clone();
        }
        let notification = self
            .param_def(path)
            .map_or(0, |d| d.active_notify.default_notification());
        Attributes {
            notification,
            access_list: Vec::new(),
        }
    }

    /// The next instance number of a table: never one used before on this device.
    pub(crate) fn allocate_instance(&mut self, container: &str) -> u32 {
        let profile_max = self.base.max_instance.get(container).copied().unwrap_or(0);
        let existing_max = self.instances(container).last().copied().unwrap_or(0);
        let next = self.next_instance.get(container).copied().unwrap_or(1);
        let n = next.max(profile_max + 1).max(existing_max + 1);
        self.next_instance.insert(container.to_string(), n + 1);
        n
    }

    /// Adds a table entry as the device itself does (a host appears, a deployment unit is
    /// installed), whether or not the ACS may add entries there. `None` if `container` is not
    /// a table of this device.
    pub fn add_local(&mut self, container: &str) -> Option<u32> {
        let table_generic = format!("{}{{i}}.", generic_path(container));
        let is_table = self
            .schema()
            .object(&table_generic)
            .is_some_and(|d| d.multi);
        if !is_table || self.kind(container) != Some(NodeKind::Object) {
            return None;
        }
        let n = self.allocate_instance(container);
        self.added.insert(format!("{container}{n}."));
        Some(n)
    }

    /// Removes a table entry as the device itself does. False if there was none.
    pub fn delete_local(&mut self, instance: &str) -> bool {
        if self.kind(instance) != Some(NodeKind::Object) || split_instance(instance).is_none() {
            return false;
        }
        let under = |p: &String| p.starts_with(instance);
        self.added.retain(|p| !under(p));
        self.values.retain(|p, _| !under(p));
        self.attributes.retain(|p, _| !under(p));
        self.changed.retain(|p| !under(p));
        if self.kind(instance).is_some() {
            self.deleted.insert(instance.to_string());
        }
        true
    }

    /// Sets a value as the device itself changes it (uptime, addresses, statistics): a
    /// parameter with notification on is reported in the next Inform. Returns true when the
    /// change needs an active notification (a session of its own).
    pub fn set_local(&mut self, path: &str, value: impl Into<String>) -> bool {
        let value = value.into();
        if self.kind(path) != Some(NodeKind::Parameter) || self.value(path).as_ref() == Some(&value)
        {
            return false;
        }
        self.values.insert(path.to_string(), value);
        let notification = self.attributes(path).notification;
        if notification == 0 {
            return false;
        }
        self.changed.insert(path.to_string());
        matches!(notification, 2 | 5 | 6)
    }

    /// The parameters with notification on that changed since the last call, for the Inform.
    pub fn take_changes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.changed).into_iter().collect()
    }

    /// Whether any pending change asks for an active notification.
    pub fn has_active_change(&self) -> bool {
        self.changed
            .iter()
            .any(|p| matches!(self.attributes(p).notification, 2 | 5 | 6))
    }
}

fn instance_number(container: &str, path: &str) -> Option<u32> {
    let rest = path.strip_prefix(container)?;
    let (number, tail) = rest.split_once('.')?;
    (tail.is_empty() && !number.is_empty()).then(|| number.parse().ok())?
}

/// The length of the generic form of `concrete[..len]`, where `generic` is the generic form of
/// all of `concrete`: each instance number shortened or lengthened to `{i}` shifts it.
fn generic_prefix_len(generic: &str, concrete: &str, len: usize) -> usize {
    generic_path(&concrete[..len]).len().min(generic.len())
}

#[cfg(test)]
#[path = "tree_tests.rs"]
pub(crate) mod tests;
