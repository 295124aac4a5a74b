//! Operating-system specifics, one small module per concern, each with a Unix and a
//! Windows side. A leaf: nothing here uses the rest of venvsh, and nothing here reads
//! process state on its own (callers pass what it needs).
//!
//! On Windows the system calls come from `windows-sys`: std has no console control
//! handler, job object, directory identity, owner SID or `MoveFileExW` without
//! replacement, and `windows-sys` (already built for clap and dirs) is bindings only.

pub mod identity;
pub mod link;
pub mod lock;
pub mod mode;
pub mod owner;
pub mod paths;
pub mod process;
pub mod remove;
pub mod swap;

#[cfg(windows)]
mod wide;
