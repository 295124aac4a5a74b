//! `venvsh run [ENV] -- CMD…` and `venvsh shell [ENV]`: a process with the environment
//! active, made without any shell code.
//!
//! Both compute the activation with [`transition::plan`], as `venvsh activate` does,
//! and apply it to the child's environment. On Unix venvsh then replaces itself with
//! the child (`exec`), so the exit status, a death by signal, the terminal and job
//! control are the child's own, with nothing in between; on Windows it waits for the
//! child and passes its exit code on.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::Context;

use super::context::{self, var};
use super::detect;
use super::output::{report, say};
use crate::cli::{RunArgs, ShellArgs};
use crate::decide::state::Origin;
use crate::decide::transition::{self, Request};
use crate::platform;
use crate::platform::paths::PATH_SEPARATOR;
use crate::project::environment::Environment;
use crate::shell::Shell;
use crate::shell::quote::ForHumans;

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let env = resolve(args.env.as_deref())?;
    let (program, rest) = args
        .command
        .split_first()
        .context("no command given after `--`")?;
    let mut command = Command::new(program);
    command.args(rest);
    activate_in(&mut command, env)?;
    replace_with(command, program)
}

pub fn shell(args: &ShellArgs) -> anyhow::Result<ExitCode> {
    let env = resolve(args.env.as_deref())?;
    let (kind, program) = user_shell()?;
    if !context::config()?.quiet {
        say(format!(
            "venvsh: starting {kind} ({}) with {} active; `exit` leaves it",
            ForHumans(&program.to_string_lossy()),
            ForHumans(&env.root)
        ));
    }
    let mut command = Command::new(&program);
    activate_in(&mut command, env)?;
    replace_with(command, program.as_os_str())
}

fn resolve(requested: Option<&Path>) -> anyhow::Result<Environment> {
    let cwd = context::cwd()?;
    let store = context::store().ok();
    Ok(Environment::resolve(requested, &cwd, store.as_ref())?)
}

/// Set and unset in `command`'s environment what activating `env` would, PATH included.
fn activate_in(command: &mut Command, env: Environment) -> anyhow::Result<()> {
    context::check_activation_vars()?;
    let request = Request::Activate {
        env,
        prompt: None,
        origin: Origin::Manual,
    };
    let transition = transition::plan(&request, &var)?;
    for name in &transition.unset {
        command.env_remove(name);
    }
    for (name, value) in &transition.set {
        command.env(name, value);
    }
    // Entries that are not UTF-8 pass through byte for byte (issue 8, item 14).
    let path = std::env::var_os(crate::vars::PATH);
    command.env(
        crate::vars::PATH,
        transition.path.apply(path.as_deref(), PATH_SEPARATOR),
    );
    Ok(())
}

/// Become `command`: on Unix by `exec`, on Windows by running it and exiting with its
/// exit code (see [`platform::process`]). Returns only when it could not start.
fn replace_with(mut command: Command, program: &OsStr) -> anyhow::Result<ExitCode> {
    let shown = ForHumans(&program.to_string_lossy()).to_string();
    let error = platform::process::replace_with(&mut command);
    // As shells do: 127 when there is no such command, 126 when it cannot be run.
    let code = if error.kind() == std::io::ErrorKind::NotFound {
        127
    } else {
        126
    };
    let error = anyhow::Error::new(error).context(format!("could not run {shown}"));
    report(&error);
    Ok(ExitCode::from(code))
}

/// The shell to start: the kind running venvsh (else `$SHELL`'s), and its program.
fn user_shell() -> anyhow::Result<(Shell, PathBuf)> {
    let from_var = std::env::var_os("SHELL")
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
        .and_then(|path| Some((kind_of(&path)?, path)));
    match detect::detect() {
        Ok(kind) => {
            // The parent's own executable, so `dash` stays dash and a shell outside
            // PATH is found; `$SHELL` when it is the same kind; else the usual name.
            if let Some(exe) = parent_exe().filter(|exe| kind_of(exe) == Some(kind)) {
                return Ok((kind, exe));
            }
            if let Some((var_kind, path)) = from_var
                && var_kind == kind
            {
                return Ok((kind, path));
            }
            Ok((kind, PathBuf::from(kind.dialect().program())))
        }
        Err(detect_error) => from_var.ok_or_else(|| detect_error.into()),
    }
}

fn kind_of(path: &Path) -> Option<Shell> {
    Shell::from_process_name(&path.file_name()?.to_string_lossy())
}

fn parent_exe() -> Option<PathBuf> {
    use sysinfo::{ProcessRefreshKind, ProcessesToUpdate, System, UpdateKind};
    let pid = sysinfo::get_current_pid().ok()?;
    let mut system = System::new().ok()?;
    system.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[pid]),
        false,
        ProcessRefreshKind::nothing(),
    );
    let parent = system.process(pid)?.parent()?;
    system.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[parent]),
        false,
        ProcessRefreshKind::nothing().with_exe(UpdateKind::Always),
    );
    system.process(parent)?.exe().map(Path::to_owned)
}
