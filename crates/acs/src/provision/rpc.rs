//! The RPCs of a provisioning round, each with the channels that asked for it (a fault of
//! the RPC faults those channels), and what their answers teach the tree.

use super::plan::Round;
use crate::engine::apply;
use crate::model::{Millis, Tree};
use cwmp::ValueType;
use cwmp::message::*;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// One RPC of a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Rpc {
    pub message: Message,
    pub channels: BTreeSet<String>,
    /// AddObject: the alias keys to give the new instance.
    pub keys: Vec<(String, String)>,
    /// GetParameterNames of an object's next level: the parameters it was sent to find;
    /// those it does not list do not exist.
    pub covers: Vec<String>,
    /// SetParameterValues: the channel that wants each parameter, so a fault naming some
    /// parameters faults their channels only.
    pub owners: BTreeMap<String, String>,
}

impl Rpc {
    /// The channels a CPE fault to this RPC is about: the owners of the parameters its
    /// SetParameterValuesFault entries name, else every channel that asked.
    pub fn blamed(&self, fault: &Fault) -> BTreeSet<String> {
        let named: BTreeSet<String> = fault
            .detail
            .set_parameter_values_fault
            .iter()
            .filter_map(|f| self.owners.get(&f.parameter_name).cloned())
            .collect();
        if named.is_empty() {
            self.channels.clone()
        } else {
            named
        }
    }
}

fn rpc(message: impl Into<Message>, channels: BTreeSet<String>) -> Rpc {
    Rpc {
        message: message.into(),
        channels,
        keys: Vec::new(),
        covers: Vec::new(),
        owners: BTreeMap::new(),
    }
}

/// Paths with the channels that want them, in path order.
type Wanted = BTreeMap<String, BTreeSet<String>>;

fn want(map: &mut Wanted, path: &str, channel: &str) {
    map.entry(path.to_string())
        .or_default()
        .insert(channel.to_string());
}

fn union<'a>(sets: impl Iterator<Item = &'a BTreeSet<String>>) -> BTreeSet<String> {
    sets.flatten().cloned().collect()
}

/// The RPCs for the rounds the channels planned, in order (`rounds` in weight order). While
/// any channel must read, only reads are sent: the others' writes wait for the next round,
/// planned against what the reads taught.
pub fn queue(rounds: &[(String, Round)], batch: usize) -> VecDeque<Rpc> {
    let batch = batch.max(1);
    let mut out = VecDeque::new();
    if rounds.iter().any(|(_, r)| r.reads()) {
        let (mut discover, mut values, mut attributes) =
            (Wanted::new(), Wanted::new(), Wanted::new());
        for (channel, round) in rounds {
            round
                .discover
                .iter()
                .for_each(|p| want(&mut discover, p, channel));
            round
                .read_values
                .iter()
                .for_each(|p| want(&mut values, p, channel));
            round
                .read_attributes
                .iter()
                .for_each(|p| want(&mut attributes, p, channel));
        }
        out.extend(discovery(&discover));
        let entries: Vec<(&String, &BTreeSet<String>)> = values.iter().collect();
        for chunk in entries.chunks(batch) {
            out.push_back(rpc(
                GetParameterValues {
                    parameter_names: chunk.iter().map(|(p, _)| (*p).clone()).collect(),
                },
                union(chunk.iter().map(|(_, c)| *c)),
            ));
        }
        let entries: Vec<(&String, &BTreeSet<String>)> = attributes.iter().collect();
        for chunk in entries.chunks(batch) {
            out.push_back(rpc(
                GetParameterAttributes {
                    parameter_names: chunk.iter().map(|(p, _)| (*p).clone()).collect(),
                },
                union(chunk.iter().map(|(_, c)| *c)),
            ));
        }
        return out;
    }
    let one = |channel: &String| BTreeSet::from([channel.clone()]);
    let mut deleted = BTreeSet::new();
    for (channel, round) in rounds {
        for path in &round.delete {
            if deleted.insert(path.clone()) {
                out.push_back(rpc(
                    DeleteObject {
                        object_name: path.clone(),
                        parameter_key: String::new(),
                    },
                    one(channel),
                ));
            }
        }
    }
    for (channel, round) in rounds {
        for (table, keys) in &round.add {
            let mut add = rpc(
                AddObject {
                    object_name: table.clone(),
                    parameter_key: String::new(),
                },
                one(channel),
            );
            add.keys = keys.clone();
            out.push_back(add);
        }
    }
    // A later (heavier) channel's value for a path wins.
    let mut values: BTreeMap<&str, (&str, &str, &String)> = BTreeMap::new();
    for (channel, round) in rounds {
        for (path, value, ty) in &round.set_values {
            values.insert(path, (value, ty, channel));
        }
    }
    if !values.is_empty() {
        let channels = values.values().map(|(_, _, c)| (*c).clone()).collect();
        let parameter_list = values
            .iter()
            .map(|(path, (value, ty, _))| {
                ParameterValueStruct::new(
                    *path,
                    cwmp::Value::new(ValueType::from_xsi_type(ty), *value),
                )
            })
            .collect();
        let mut set = rpc(
            SetParameterValues {
                parameter_list,
                parameter_key: String::new(),
            },
            channels,
        );
        set.owners = values
            .iter()
            .map(|(path, (_, _, channel))| ((*path).to_string(), (*channel).clone()))
            .collect();
        out.push_back(set);
    }
    let mut notifications: BTreeMap<&str, (u8, &String)> = BTreeMap::new();
    for (channel, round) in rounds {
        for (path, n) in &round.set_notification {
            notifications.insert(path, (*n, channel));
        }
    }
    if !notifications.is_empty() {
        let channels = notifications.values().map(|(_, c)| (*c).clone()).collect();
        let parameter_list = notifications
            .iter()
            .map(|(path, (n, _))| SetParameterAttributesStruct {
                name: (*path).to_string(),
                notification_change: true,
                notification: *n,
                access_list_change: false,
                access_list: Vec::new(),
            })
            .collect();
        out.push_back(rpc(SetParameterAttributes { parameter_list }, channels));
    }
    out
}

fn names(path: &str, next_level: bool, channels: BTreeSet<String>) -> Rpc {
    rpc(
        GetParameterNames {
            parameter_path: path.to_string(),
            next_level,
        },
        channels,
    )
}

/// GetParameterNames for what must be discovered: an object listed in full covers everything
/// under it; parameters of one object, when several, are found by listing the object's next
/// level once rather than asking for each.
fn discovery(discover: &Wanted) -> Vec<Rpc> {
    let mut out = Vec::new();
    let mut listed: Vec<&str> = Vec::new();
    let mut siblings: BTreeMap<&str, Vec<(&String, &BTreeSet<String>)>> = BTreeMap::new();
    for (path, channels) in discover {
        // An object already listed in this round covers everything under it.
        if listed.iter().any(|o| path.starts_with(o) && path != o) {
            continue;
        }
        if path.ends_with('.') || path.is_empty() {
            listed.push(path);
            out.push(names(path, false, channels.clone()));
            continue;
        }
        let parent = path.rfind('.').map_or("", |i| &path[..=i]);
        siblings.entry(parent).or_default().push((path, channels));
    }
    for (parent, params) in siblings {
        if listed.iter().any(|o| parent.starts_with(o)) {
            continue;
        }
        if params.len() == 1 || parent.is_empty() {
            for (path, channels) in params {
                out.push(names(path, false, channels.clone()));
            }
            continue;
        }
        let mut list = names(parent, true, union(params.iter().map(|(_, c)| *c)));
        list.covers = params.iter().map(|(p, _)| (*p).clone()).collect();
        out.push(list);
    }
    out
}

/// Records an answer; returns RPCs that must follow it at once (a new instance's keys and
/// its listing).
pub fn apply(request: &Rpc, response: &Message, tree: &mut Tree, now: Millis) -> Vec<Rpc> {
    match (&request.message, response) {
        (Message::GetParameterNames(req), Message::GetParameterNamesResponse(r)) => {
            if req.next_level {
                apply::apply_children(tree, &req.parameter_path, &r.parameter_list, now);
            } else {
                apply::apply_names(tree, &req.parameter_path, &r.parameter_list, now);
            }
        }
        (Message::GetParameterValues(_), Message::GetParameterValuesResponse(r)) => {
            for p in &r.parameter_list {
                let ty = p.value.ty.as_ref().map(ValueType::xsi_type);
                apply::read_value(tree, &p.name, &p.value.text, ty, now);
            }
        }
        (Message::GetParameterAttributes(_), Message::GetParameterAttributesResponse(r)) => {
            apply::apply_attributes(tree, &r.parameter_list, now);
        }
        (Message::DeleteObject(req), Message::DeleteObjectResponse(_)) => {
            apply::remove_subtree(tree, &req.object_name);
            apply::learn_parameter_key(tree, &req.parameter_key, now);
        }
        (Message::AddObject(req), Message::AddObjectResponse(r)) => {
            let instance = format!("{}{}.", req.object_name, r.instance_number);
            apply::add_instance(tree, &instance, now);
            apply::learn_parameter_key(tree, &req.parameter_key, now);
            let mut follow = Vec::new();
            if !request.keys.is_empty() {
                let parameter_list = request
                    .keys
                    .iter()
                    .map(|(key, value)| {
                        let ty = apply::sibling_type(tree, &req.object_name, key)
                            .unwrap_or_else(|| "xsd:string".to_string());
                        ParameterValueStruct::new(
                            format!("{instance}{key}"),
                            cwmp::Value::new(ValueType::from_xsi_type(&ty), value.as_str()),
                        )
                    })
                    .collect();
                follow.push(rpc(
                    SetParameterValues {
                        parameter_list,
                        parameter_key: String::new(),
                    },
                    request.channels.clone(),
                ));
            }
            follow.push(names(&instance, false, request.channels.clone()));
            return follow;
        }
        (Message::SetParameterValues(req), Message::SetParameterValuesResponse(_)) => {
            apply::values_set(tree, req, now);
        }
        (Message::SetParameterAttributes(req), Message::SetParameterAttributesResponse(_)) => {
            apply::attributes_set(tree, req, now);
        }
        _ => {}
    }
    Vec::new()
}

/// Whether `response` answers `request`.
pub fn answers(request: &Message, response: &Message) -> bool {
    response.name().strip_suffix("Response") == Some(request.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_go_first_and_are_batched_with_their_channels() {
        let a = Round {
            discover: set(&["Device.WiFi.", "Device.WiFi.SSID.1.SSID"]),
            read_values: set(&["Device.A", "Device.B", "Device.C"]),
            ..Round::default()
        };
        let b = Round {
            set_values: vec![("Device.X".into(), "1".into(), "xsd:int".into())],
            read_values: set(&["Device.C"]),
            ..Round::default()
        };
        let q = queue(&[("a".into(), a), ("b".into(), b)], 2);
        let names: Vec<&str> = q.iter().map(|r| r.message.name()).collect();
        assert_eq!(
            names,
            [
                "GetParameterNames",
                "GetParameterValues",
                "GetParameterValues"
            ],
            "the SSID under Device.WiFi. is covered; no write while reading"
        );
        assert_eq!(q[2].channels, set(&["a", "b"]));
    }

    #[test]
    fn several_parameters_of_one_object_are_found_in_one_listing() {
        let a = Round {
            discover: set(&["Device.M.A", "Device.M.B", "Device.N.C"]),
            ..Round::default()
        };
        let q = queue(&[("a".into(), a)], 10);
        let sent: Vec<(&str, bool)> = q
            .iter()
            .map(|r| match &r.message {
                Message::GetParameterNames(g) => (g.parameter_path.as_str(), g.next_level),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(sent, [("Device.M.", true), ("Device.N.C", false)]);
        assert_eq!(q[0].covers, ["Device.M.A", "Device.M.B"]);
    }

    #[test]
    fn writes_keep_their_order_and_the_heavier_value() {
        let a = Round {
            set_values: vec![("Device.X".into(), "1".into(), "xsd:int".into())],
            add: vec![("Device.T.".into(), vec![("Alias".into(), "k".into())])],
            ..Round::default()
        };
        let b = Round {
            set_values: vec![("Device.X".into(), "2".into(), "xsd:int".into())],
            delete: vec!["Device.T.9.".into()],
            ..Round::default()
        };
        let q = queue(&[("a".into(), a), ("b".into(), b)], 10);
        let names: Vec<&str> = q.iter().map(|r| r.message.name()).collect();
        assert_eq!(names, ["DeleteObject", "AddObject", "SetParameterValues"]);
        let Message::SetParameterValues(spv) = &q[2].message else {
            panic!()
        };
        assert_eq!(spv.parameter_list[0].value.text, "2");
        assert_eq!(q[2].channels, set(&["b"]));
        let mut tree = Tree::new();
        let follow = apply(
            &q[1],
            &AddObjectResponse {
                instance_number: 3,
                status: Status::Applied,
            }
            .into(),
            &mut tree,
            7,
        );
        assert!(tree.contains_key("Device.T.3."));
        let names: Vec<&str> = follow.iter().map(|r| r.message.name()).collect();
        assert_eq!(names, ["SetParameterValues", "GetParameterNames"]);
    }
}
