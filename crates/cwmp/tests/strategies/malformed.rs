//! Inputs for the properties that decoding never panics: valid encodings, edits of them and
//! XML-ish token soup.

use super::messages::{envelope_of, message};
use cwmp::{CwmpVersion, encode_version};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

/// One edit of an encoded envelope.
#[derive(Debug, Clone)]
pub enum Mutation {
    Replace(Index, u8),
    Insert(Index, u8),
    InsertText(Index, &'static str),
    Delete(Index),
    Truncate(Index),
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = select(vec![
        "<",
        ">",
        "/>",
        "</",
        "&",
        "&#1;",
        "&#0;",
        "&bogus;",
        "\"",
        "<![CDATA[",
        "]]>",
        "<!--",
        "<!DOCTYPE x>",
        "<?pi?>",
        "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-4\"",
        "\u{0}",
        "\u{FEFF}",
    ]);
    prop_oneof![
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (any::<Index>(), snippet).prop_map(|(i, s)| Mutation::InsertText(i, s)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

pub fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        match m {
            Mutation::Replace(i, b) => {
                let i = i.index(bytes.len());
                bytes[i] = *b;
            }
            Mutation::Insert(i, b) => bytes.insert(i.index(bytes.len() + 1), *b),
            Mutation::InsertText(i, s) => {
                let i = i.index(bytes.len() + 1);
                bytes.splice(i..i, s.bytes());
            }
            Mutation::Delete(i) => {
                bytes.remove(i.index(bytes.len()));
            }
            Mutation::Truncate(i) => bytes.truncate(i.index(bytes.len())),
        }
    }
    bytes
}

/// A valid encoding, for the newest version so every message has one.
pub fn encoding() -> impl Strategy<Value = Vec<u8>> {
    envelope_of(message()).prop_map(|env| {
        encode_version(&env, CwmpVersion::LATEST).expect("every known message encodes in 1.4")
    })
}

pub fn token_soup() -> impl Strategy<Value = Vec<u8>> {
    let token = select(vec![
        "<",
        ">",
        "</",
        "/>",
        "=",
        "\"",
        " ",
        "\n",
        "s:",
        "cwmp:",
        "Envelope",
        "Header",
        "Body",
        "Fault",
        "detail",
        "ID",
        "Inform",
        "ChangeDUState",
        "Operations",
        "Value",
        "Name",
        "ParameterList",
        "ParameterValueStruct",
        "xmlns:cwmp",
        "xsi:type",
        "urn:dslforum-org:cwmp-1-2",
        "http://schemas.xmlsoap.org/soap/envelope/",
        "&amp;",
        "&#1;",
        "<![CDATA[",
        "]]>",
        "<?xml version=\"1.0\"?>",
        "1",
        "x",
        "2024-01-01T00:00:00Z",
    ]);
    vec(token, 0..80).prop_map(|ts| ts.concat().into_bytes())
}
