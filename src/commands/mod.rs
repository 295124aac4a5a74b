//! The command layer: parse results in, text on stdout and an exit code out. The only
//! code that reads process state ([`context`]) and prints ([`output`]).

mod activate;
mod completions;
mod context;
mod create;
mod detect;
mod doctor;
mod hook;
mod output;
mod run;
mod store;
mod trust;
mod which;
mod words;
mod wrapped;

use std::process::ExitCode;

pub use output::report;

use crate::cli::{Cli, Command};
use crate::shell::Shell;

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Activate(args) => activate::activate(&args),
        Command::Deactivate(args) => activate::deactivate(&args),
        Command::Hook(args) => hook::run(&args),
        Command::Create(args) => create::run(&args),
        Command::List(args) => store::list(&args),
        Command::Remove(args) => store::remove(&args),
        Command::Run(args) => run::run(&args),
        Command::Shell(args) => run::shell(&args),
        Command::Which(args) => which::which(&args),
        Command::Status(args) => which::status(&args),
        Command::Completions(args) => completions::completions(&args),
        Command::Man(args) => completions::man(&args),
        Command::CompleteEnvs => store::complete_envs(),
        Command::Wrapped(args) => wrapped::run(&args),
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
        None => Ok(detect::detect()?),
    }
}
