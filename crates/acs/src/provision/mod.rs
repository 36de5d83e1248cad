//! The provisioning engine (issue 5, in progress): what provision scripts and built-in
//! provisions declare, and how declarations become RPCs. So far: declared path patterns
//! (`path`), the built-in provisions as declarations and effects (`builtin`), and the planning
//! of rounds of RPCs from declarations (`plan`); running scripts and presets in sessions
//! comes next.

pub mod builtin;
pub mod path;
pub mod plan;
