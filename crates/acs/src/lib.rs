//! The Auto Configuration Server.

pub mod api;
pub mod config;
pub mod conn_req;
pub mod cwmp_server;
pub mod engine;
pub mod fileserver;
pub mod filter;
pub mod metrics;
pub mod model;
pub mod preset;
pub mod provision;
pub mod script;
pub mod server;
pub mod store;
pub mod transfer_sweeper;
