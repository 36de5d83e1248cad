//! The Auto Configuration Server.

pub mod conn_req;
pub mod filter;
pub mod model;
pub mod store;
