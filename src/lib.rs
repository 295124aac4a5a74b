//! venvsh: Python virtual environments that work in every shell.
//!
//! The crate is a library first, in layers; each uses only those below it:
//!
//! - [`commands`]: the command layer behind the `venvsh` binary, the only code that
//!   reads process state (variables, the current directory, the parent process) and
//!   prints.
//! - [`venv`]: creating environments, as `python -m venv` does.
//! - [`shell`]: how each shell says a decision; one [`shell::Dialect`] per shell, and
//!   the one quoting module.
//! - [`decide`]: what activation changes and remembers, what the hook does in a
//!   directory, and which environments it may activate.
//! - [`project`]: what is on disk: environments, the store, `pyvenv.cfg`, configuration.
//! - Leaves: [`platform`] (operating-system specifics), [`error`] (hints), [`vars`]
//!   (the names of environment variables).

pub mod cli;
pub mod commands;
pub mod decide;
pub mod error;
pub mod platform;
pub mod project;
pub mod shell;
pub mod vars;
pub mod venv;
