//! Building the ACS's requests and reading the CPE's responses, for brief test scripts.

use cwmp::message::{
    GetParameterNames, GetParameterValues, ParameterValueStruct, SetParameterValues,
};
use cwmp::{Message, Value};
use std::collections::BTreeMap;

pub fn gpn(path: &str, next_level: bool) -> Message {
    GetParameterNames {
        parameter_path: path.into(),
        next_level,
    }
    .into()
}

pub fn gpv(names: &[&str]) -> Message {
    GetParameterValues {
        parameter_names: names.iter().map(|n| n.to_string()).collect(),
    }
    .into()
}

pub fn spv(list: &[(&str, Value)], key: &str) -> Message {
    SetParameterValues {
        parameter_list: list
            .iter()
            .map(|(n, v)| ParameterValueStruct::new(*n, v.clone()))
            .collect(),
        parameter_key: key.into(),
    }
    .into()
}

/// Name to writability, from a GetParameterNamesResponse.
pub fn names(m: &Message) -> BTreeMap<String, bool> {
    match m {
        Message::GetParameterNamesResponse(r) => r
            .parameter_list
            .iter()
            .map(|p| (p.name.clone(), p.writable))
            .collect(),
        other => panic!("not a GetParameterNamesResponse: {other:?}"),
    }
}

/// Name to value, from a GetParameterValuesResponse.
pub fn values(m: &Message) -> BTreeMap<String, String> {
    match m {
        Message::GetParameterValuesResponse(r) => r
            .parameter_list
            .iter()
            .map(|p| (p.name.clone(), p.value.text.clone()))
            .collect(),
        other => panic!("not a GetParameterValuesResponse: {other:?}"),
    }
}
