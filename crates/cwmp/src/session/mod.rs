//! The session rules of both sides as sans-IO state machines.

pub mod acs;
pub mod cpe;
pub mod retry;

pub use acs::{AcsConfig, AcsOutput, AcsSession, EndReason, Reply};
pub use cpe::{
    CpeAction, CpeConfig, CpeHandler, CpeOutcome, CpeSession, InformContent, SessionFailure,
};
pub use retry::RetryPolicy;
