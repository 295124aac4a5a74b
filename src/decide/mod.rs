//! Decisions: what activation changes, what it remembers, what the hook does in a
//! directory, and which environments it may activate. Pure where it can be (the
//! transition, the state, the hook's choice); no shell syntax anywhere.

pub mod auto;
pub mod state;
pub mod transition;
pub mod trust;
