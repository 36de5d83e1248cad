//! The Auto Configuration Server.

pub mod filter;
pub mod model;
pub mod store;
