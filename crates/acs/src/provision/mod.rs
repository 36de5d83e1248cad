//! The provisioning engine (issue 5, in progress): what provision scripts and built-in
//! provisions declare, and how declarations become RPCs. So far: declared path patterns.

pub mod path;
