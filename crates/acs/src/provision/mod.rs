//! The provisioning engine (issue 5, in progress): what provision scripts and built-in
//! provisions declare, and how declarations become RPCs. So far: declared path patterns
//! (`path`), the built-in provisions as declarations and effects (`builtin`), the planning
//! of rounds of RPCs from declarations (`plan`), and one run of a script in QuickJS with
//! `declare`, `log`, `args` and `Date.now` within CPU and memory limits (`sandbox`). Wiring
//! presets and these into sessions comes next.

pub mod builtin;
pub mod path;
pub mod plan;
pub mod sandbox;
