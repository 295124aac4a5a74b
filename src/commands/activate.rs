//! `venvsh activate` and `venvsh deactivate`.

use std::process::ExitCode;

use anyhow::Context;

use super::{env_var, explicit_shell, print, shell_code, shell_or_detect};
use crate::cli::{ActivateArgs, DeactivateArgs};
use crate::environment::Environment;
use crate::state::Origin;
use crate::transition::{self, Request};

pub fn activate(args: &ActivateArgs) -> anyhow::Result<ExitCode> {
    args.shell.map(explicit_shell).transpose()?;
    let cwd = std::env::current_dir().context("could not read the current directory")?;
    let env = Environment::resolve(args.env.as_deref(), &cwd)?;
    let request = Request::Activate {
        env,
        prompt: args.prompt.clone(),
        origin: Origin::Manual,
    };
    emit(&request, args.shell, args.json)
}

pub fn deactivate(args: &DeactivateArgs) -> anyhow::Result<ExitCode> {
    args.shell.map(explicit_shell).transpose()?;
    emit(&Request::Deactivate, args.shell, args.json)
}

fn emit(
    request: &Request,
    shell: Option<crate::shell::Shell>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let transition = transition::plan(request, &env_var)?;
    if json {
        return print(&(serde_json::to_string_pretty(&transition)? + "\n"));
    }
    let shell = shell_or_detect(shell)?;
    let define_functions = matches!(request, Request::Activate { .. });
    print(&shell_code(shell, Some(&transition), define_functions)?)
}
