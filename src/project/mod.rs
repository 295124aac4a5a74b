//! What is on disk: a project's environment and how it was found, the store of named
//! environments, `pyvenv.cfg`, and venvsh's configuration file.

pub mod config;
pub mod environment;
pub mod executables;
pub mod git;
pub mod paths;
pub mod pyvenv_cfg;
pub mod read;
pub mod record;
pub mod store;
