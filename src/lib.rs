//! venvsh: Python virtual environments that work in every shell.
//!
//! The crate is a library first: `transition` decides what activation changes,
//! `shell` knows how to say it in each shell, `templates` renders it, and
//! `commands` is the thin command layer behind the `venvsh` binary.

pub mod activation_scripts;
pub mod cli;
pub mod commands;
pub mod config;
pub mod environment;
pub mod error;
pub mod hook;
pub mod platform;
pub mod shell;
pub mod state;
pub mod store;
pub mod templates;
pub mod transition;
pub mod trust;
pub mod venv;
