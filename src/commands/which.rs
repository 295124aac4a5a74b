//! `venvsh which [ENV]` and `venvsh status`: which environment, its interpreter, and why.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::context::{self, var};
use super::output::{print, print_human};
use crate::cli::{StatusArgs, WhichArgs};
use crate::decide::transition;
use crate::platform;
use crate::project::environment::{Chosen, Environment, bin_dir};
use crate::project::pyvenv_cfg;
use crate::shell::quote::ForHumans;
use crate::vars::{VENVSH_STATE, VIRTUAL_ENV};

/// How the environment described was chosen.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum How {
    /// Active in this process's environment, known from `variable`.
    Active {
        how: &'static str,
        variable: &'static str,
    },
    Chosen(Chosen),
}

impl std::fmt::Display for How {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Said for people; JSON keeps the variable's name.
            How::Active { variable, .. } if *variable == VENVSH_STATE => {
                write!(f, "active (activated by venvsh)")
            }
            How::Active { variable, .. } => {
                write!(
                    f,
                    "active (from {variable}: another tool's activate script)"
                )
            }
            How::Chosen(chosen) => chosen.fmt(f),
        }
    }
}

/// What the environment's `python` runs: the file its links lead to; on Windows, where
/// `Scripts\python.exe` is venv's launcher (a copy that runs `home`'s python.exe), that.
fn interpreter_of(python: &Path, cfg: Option<&str>) -> Option<PathBuf> {
    if cfg!(windows)
        && let Some(home) = cfg.and_then(|text| pyvenv_cfg::value(text, "home"))
        && let Some(name) = python.file_name()
        && Path::new(&home).join(name).is_file()
    {
        return Some(Path::new(&home).join(name));
    }
    let canonical = std::fs::canonicalize(python).ok()?;
    Some(platform::paths::without_verbatim_prefix(canonical))
}

#[derive(Debug, Serialize)]
struct Described {
    env: PathBuf,
    /// `bin/python` in the environment, when it exists.
    python: Option<PathBuf>,
    /// What that resolves to, links followed.
    interpreter: Option<PathBuf>,
    /// `version` or `version_info` from `pyvenv.cfg`.
    version: Option<String>,
    chosen: How,
}

impl Described {
    fn new(root: &Path, chosen: How) -> Self {
        let python = ["python", "python3", "python.exe"]
            .iter()
            .map(|name| bin_dir(root).join(name))
            .find(|p| p.exists());
        let cfg = std::fs::read_to_string(root.join("pyvenv.cfg")).ok();
        let interpreter = python
            .as_ref()
            .and_then(|p| interpreter_of(p, cfg.as_deref()));
        let version = cfg.as_deref().and_then(pyvenv_cfg::version);
        Self {
            env: root.to_owned(),
            python,
            interpreter,
            version,
            chosen,
        }
    }

    fn human(&self, out: &mut String, indent: &str) {
        let path = |p: &Option<PathBuf>| {
            p.as_ref().map_or_else(
                || "none".to_owned(),
                |p| ForHumans(&p.to_string_lossy()).to_string(),
            )
        };
        let _ = writeln!(
            out,
            "{indent}env:         {}",
            path(&Some(self.env.clone()))
        );
        let _ = writeln!(out, "{indent}python:      {}", path(&self.python));
        let _ = writeln!(out, "{indent}interpreter: {}", path(&self.interpreter));
        let version = self.version.as_deref().unwrap_or("unknown");
        let _ = writeln!(out, "{indent}version:     {version}");
        let _ = writeln!(out, "{indent}chosen:      {}", self.chosen);
    }
}

/// The activation in force in this process, and the variable that says so.
fn active() -> Option<Described> {
    // The environment on top: another tool's activate script may sit on venvsh's.
    let layers = transition::layers(&var);
    let (root, variable) = match (&layers.other, layers.own) {
        (None, Some(state)) => (state.env, VENVSH_STATE),
        (Some(other), _) => (other.env.clone(), VIRTUAL_ENV),
        (None, None) => return None,
    };
    let how = How::Active {
        how: "active",
        variable,
    };
    Some(Described::new(Path::new(&root), how))
}

/// The environment `venvsh activate [requested]` would choose in `cwd`.
fn here(requested: Option<&Path>, cwd: &Path) -> anyhow::Result<Described> {
    let store = context::store().ok();
    let (env, chosen) = Environment::resolve_explained(requested, cwd, store.as_ref())?;
    Ok(Described::new(Path::new(&env.root), How::Chosen(chosen)))
}

pub fn which(args: &WhichArgs) -> anyhow::Result<ExitCode> {
    let asked = super::requested(args.env.as_deref(), args.name.as_deref())?;
    let described = match (asked, active()) {
        (None, Some(active)) => active,
        (asked, _) => here(asked.as_deref(), &context::cwd()?)?,
    };
    if args.json {
        return print(&(serde_json::to_string_pretty(&described)? + "\n"));
    }
    let mut out = String::new();
    described.human(&mut out, "");
    print_human(&out)
}

pub fn status(args: &StatusArgs) -> anyhow::Result<ExitCode> {
    let active = active();
    let here = here(None, &context::cwd()?);
    if args.json {
        #[derive(Serialize)]
        struct Status {
            active: Option<Described>,
            here: Option<Described>,
            /// Why nothing would be activated here.
            here_error: Option<String>,
        }
        let (here, here_error) = match here {
            Ok(d) => (Some(d), None),
            Err(e) => (None, Some(format!("{e:#}"))),
        };
        let status = Status {
            active,
            here,
            here_error,
        };
        return print(&(serde_json::to_string_pretty(&status)? + "\n"));
    }
    let mut out = String::new();
    match &active {
        Some(active) => {
            out.push_str("active:\n");
            active.human(&mut out, "  ");
        }
        None => out.push_str("active: none\n"),
    }
    match here {
        Ok(here) => {
            out.push_str("here (`venvsh activate` would choose):\n");
            here.human(&mut out, "  ");
        }
        Err(e) => {
            let _ = writeln!(out, "here: none ({e:#})");
        }
    }
    print_human(&out)
}
