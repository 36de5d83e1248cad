//! CWMP (TR-069): every message as a type, the SOAP codec, and the session rules of both
//! sides as sans-IO state machines.
//!
//! Nothing here does IO: the codec turns bytes into [`Envelope`]s and back, and the session
//! machines take events and return actions for a driver (HTTP client or server) to carry out.

pub mod auth;
pub mod codec;
pub mod datetime;
pub mod event;
pub mod fault;
pub mod message;
pub mod session;
pub mod value;
pub mod version;

pub use codec::{
    DecodeError, DecodeErrorKind, DecodeOptions, Decoded, Dialect, EncodeError, Envelope, Header,
    decode, decode_with, encode, encode_version,
};
pub use datetime::DateTime;
pub use event::EventCode;
pub use fault::{FaultClass, FaultCode};
pub use message::Message;
pub use value::{TypedValue, Value, ValueType};
pub use version::{CwmpVersion, Namespace};
