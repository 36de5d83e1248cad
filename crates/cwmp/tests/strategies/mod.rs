//! The proptest generators of the round-trip properties in `roundtrip.rs`.
//!
//! - `values`: text biased towards what XML makes hard, and the scalars (dateTimes, values and
//!   their types, event codes, fault codes, enums);
//! - `structs`: the structures messages are made of, and the SOAP Fault;
//! - `messages`: one generator per message type, headers and envelopes;
//! - `malformed`: inputs for the properties that decoding never panics.

mod malformed;
mod messages;
mod structs;
mod values;

pub use malformed::{encoding, mutate, mutation, token_soup};
pub use messages::{envelope_of, message, message_strategies};
pub use values::{datetime, event_code, is_xml_char, text, value_type};
