//! The provisioning engine: what presets, built-in provisions and scripts declare, and how
//! declarations become the fewest RPCs.
//!
//! - `catalog`: presets and scripts prepared once per change;
//! - `path`: declared path patterns (`*`, alias filters);
//! - `builtin`: the built-in provisions as declarations and effects;
//! - `sandbox`: one run of a script in QuickJS with GenieACS's script API;
//! - `plan`: rounds of RPCs from declarations; `rpc`: a round's RPCs and their answers;
//! - `special`: the ACS's own roots (`Tags.`, `Reboot`, `VirtualParameters.`, ...);
//! - `session`: one session's provisioning, from presets to a satisfied device.

pub mod builtin;
pub mod catalog;
pub mod defaults;
pub mod ext;
pub mod local;
pub mod path;
pub mod plan;
pub mod rpc;
pub mod sandbox;
pub mod session;
pub mod special;
