//! The provisioning engine (issue 5, in progress): what provision scripts and built-in
//! provisions declare, and how declarations become RPCs. So far: declared path patterns
//! (`path`) and the planning of rounds of RPCs from declarations (`plan`); running scripts
//! and presets in sessions comes next.

pub mod path;
pub mod plan;
