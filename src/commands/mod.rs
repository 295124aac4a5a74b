//! The command layer: parse results in, text on stdout and an exit code out. The only
//! code that reads process state ([`context`]) and prints ([`output`]).

mod activate;
mod cache;
mod completions;
mod context;
mod create;
mod detect;
mod doctor;
mod hook;
mod output;
mod run;
mod setup;
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
    if cli.quiet {
        output::set_quiet();
    }
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

/// The environment asked for: `ENV` (a path or a store name), or `-n NAME`, which is
/// only ever a store name.
fn requested(
    env: Option<&std::path::Path>,
    name: Option<&str>,
) -> anyhow::Result<Option<std::path::PathBuf>> {
    let Some(name) = name else {
        return Ok(env.map(std::path::Path::to_owned));
    };
    let path = std::path::Path::new(name);
    if crate::project::environment::store_name(path).is_none() {
        crate::project::store::validate_name(name)?;
        anyhow::bail!("-n takes the name of an environment in the store, not a path: {name:?}");
    }
    Ok(Some(path.to_owned()))
}
