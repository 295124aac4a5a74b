//! The command layer: parse results in, text on stdout and an exit code out.
//! Code meant for `eval` is built whole before anything is printed, so a failure
//! leaves stdout empty.

mod activate;
mod cache;
mod completions;
mod create;
mod dispatch;
mod doctor;
mod hook;
mod run;
mod store;
mod trust;
mod which;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, Command};
use crate::shell::{self, Shell};
use crate::templates::{self, Kind, View};
use crate::transition::Transition;

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Activate(args) => activate::activate(&args),
        Command::Deactivate(args) => activate::deactivate(&args),
        Command::Hook(args) => hook::run(&args),
        Command::Create(args) => create::run(&args),
        Command::Cache(args) => cache::run(&args),
        Command::List(args) => store::list(&args),
        Command::Remove(args) => store::remove(&args),
        Command::Run(args) => run::run(&args),
        Command::Shell(args) => run::shell(&args),
        Command::Which(args) => which::which(&args),
        Command::Status(args) => which::status(&args),
        Command::Completions(args) => completions::completions(&args),
        Command::Man(args) => completions::man(&args),
        Command::CompleteEnvs => store::complete_envs(),
        Command::Dispatch(args) => dispatch::run(&args),
        Command::Allow(args) => trust::allow(&args),
        Command::Deny(args) => trust::deny(&args),
        Command::Doctor(args) => doctor::run(&args),
        Command::HookEnv(args) => hook::hook_env(&args),
    }
}

/// The shell asked for, else the one running venvsh.
fn shell_or_detect(shell: Option<Shell>) -> anyhow::Result<Shell> {
    match shell {
        Some(shell) => Ok(shell),
        None => Ok(shell::detect()?),
    }
}

/// A shell that explicit activation writes code for: Clink has only the hook.
fn explicit_shell(shell: Shell) -> anyhow::Result<Shell> {
    if shell == Shell::Clink {
        anyhow::bail!(
            "clink is only for `venvsh hook clink` (auto-activation); in cmd.exe, activate \
             and deactivate through the venvsh.cmd wrapper that `venvsh hook cmd` prints"
        );
    }
    Ok(shell)
}

/// Code for `shell` that applies `transition` (and, with `define_functions`, defines
/// `venvsh` and `deactivate`).
fn shell_code(
    shell: Shell,
    transition: Option<&Transition>,
    define_functions: bool,
) -> anyhow::Result<String> {
    let exe = std::env::current_exe().context("could not find the venvsh executable")?;
    let exe = exe
        .to_str()
        .with_context(|| format!("the venvsh path {} is not valid UTF-8", exe.display()))?;
    let path_after = match (shell, transition) {
        (Shell::Tcsh, Some(t)) => shell::csh::path_after(t, std::env::var("PATH").ok().as_deref())?,
        (Shell::Clink, Some(t)) => {
            shell::clink::path_after(t, std::env::var("PATH").ok().as_deref())?
        }
        _ => None,
    };
    let view = View {
        shell,
        exe,
        transition,
        define_functions,
        hook: false,
        auto: false,
        path_after,
    };
    let code = templates::render(&view, Kind::Transition)?;
    Ok(if shell == Shell::Cmd {
        shell::cmd::crlf(&code)
    } else {
        code
    })
}

/// The rc-file integration for `shell`, resuming an inherited activation's prompt.
fn hook_code(shell: Shell, resume: Option<&Transition>, auto: bool) -> anyhow::Result<String> {
    let exe = std::env::current_exe().context("could not find the venvsh executable")?;
    let exe = exe
        .to_str()
        .with_context(|| format!("the venvsh path {} is not valid UTF-8", exe.display()))?;
    let view = View {
        shell,
        exe,
        transition: resume,
        define_functions: true,
        hook: true,
        auto,
        path_after: None,
    };
    let code = templates::render(&view, Kind::Hook)?;
    Ok(if shell == Shell::Cmd {
        shell::cmd::crlf(&code)
    } else {
        code
    })
}

fn print(text: &str) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`venvsh hook bash | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("could not write to stdout"),
    }
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}
