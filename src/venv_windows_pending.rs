//! `crate::venv` on Windows until creation is ported (issue 12, phase 2).
//!
//! The real module (`src/venv/`) still calls Unix-only APIs, and is being rewritten
//! elsewhere; its port goes through `crate::platform`. Meanwhile this module gives the
//! command layer the same names, so that everything else builds and runs on Windows,
//! and `venvsh create` says plainly that it does not work there yet. Delete this file
//! and the `#[cfg]` pair in `lib.rs` once `src/venv/` builds for Windows.

use std::path::{Path, PathBuf};

use crate::error::Hint;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("`venvsh create` does not work on Windows yet")]
    NotOnWindowsYet,
}

impl Hint for Error {
    fn hint(&self) -> Option<String> {
        Some(
            "create the environment with `py -m venv DIR`; `venvsh activate DIR`, `run` \
             and the hooks work with it"
                .into(),
        )
    }
}

/// As in `src/venv/wheel.rs`, so the command line is the same everywhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LinkMode {
    /// Hard-link read-only files from venvsh's cache; copy where linking fails.
    #[default]
    Hardlink,
    /// Write a private copy of every file.
    Copy,
}

pub struct Options {
    pub system_site_packages: bool,
    pub symlinks: bool,
    pub clear: bool,
    pub upgrade: bool,
    pub with_pip: bool,
    pub prompt: Option<String>,
    pub upgrade_deps: bool,
    pub scm_ignore_files: bool,
    pub force: bool,
    pub link_mode: LinkMode,
}

pub enum Outcome {
    Created,
    Replaced,
    Upgraded,
}

pub struct Created {
    pub path: PathBuf,
    pub outcome: Outcome,
    pub warnings: Vec<String>,
}

pub struct Facts {
    pub base_executable: PathBuf,
}

pub struct Interpreter {
    pub facts: Facts,
}

impl Interpreter {
    pub fn describe(&self) -> String {
        String::new()
    }
}

pub struct Request;

impl Request {
    pub fn parse(_: Option<&str>) -> Result<Self, Error> {
        Err(Error::NotOnWindowsYet)
    }

    pub fn find(&self, _: &Path) -> Result<Interpreter, Error> {
        Err(Error::NotOnWindowsYet)
    }
}

pub struct EnvBuilder;

impl EnvBuilder {
    pub fn new(_: Options) -> Self {
        Self
    }

    pub fn create(&self, _: &Path, _: &Path, _: &Interpreter) -> Result<Created, Error> {
        Err(Error::NotOnWindowsYet)
    }
}
