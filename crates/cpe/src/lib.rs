//! The CPE side of TR-069: a device runtime answering every RPC over a data model, the HTTP
//! client that runs sessions against an ACS, the connection-request listener, persistence,
//! and a fleet simulator.

pub mod acs_client;
pub mod agent;
pub mod conn_req;
pub mod device;
pub mod simulator;
pub mod store;
pub mod transfer;
