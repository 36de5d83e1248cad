//! TR-069 data models: schemas (what may exist), profiles (what a device starts with) and the
//! per-device parameter tree with the RPC semantics a CPE serves.

pub mod bbf;
pub mod builtin;
pub mod genieacs_sim;
pub mod profile;
pub mod rpc;
pub mod schema;
pub mod state;
pub mod tree;
pub mod validate;

pub use profile::{Identity, Profile, ProfileError};
pub use schema::{ActiveNotify, Constraints, ObjectDef, ParamDef, Schema, generic_path};
pub use state::DeviceState;
pub use tree::{Attributes, BaseTree, DeviceModel, NodeKind};
