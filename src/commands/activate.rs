//! `venvsh activate` and `venvsh deactivate`.

use std::process::ExitCode;

use super::context::{self, var};
use super::output::print;
use super::shell_or_detect;
use crate::cli::{ActivateArgs, DeactivateArgs};
use crate::decide::state::Origin;
use crate::decide::transition::{self, Request};
use crate::project::environment::Environment;
use crate::shell::{self, Shell, ShellEnv};

pub fn activate(args: &ActivateArgs) -> anyhow::Result<ExitCode> {
    args.shell.map(explicit).transpose()?;
    let cwd = context::cwd()?;
    let store = context::store().ok();
    let env = Environment::resolve(args.env.as_deref(), &cwd, store.as_ref())?;
    let request = Request::Activate {
        env,
        prompt: args.prompt.clone(),
        origin: Origin::Manual,
    };
    emit(&request, args.shell, args.json)
}

pub fn deactivate(args: &DeactivateArgs) -> anyhow::Result<ExitCode> {
    args.shell.map(explicit).transpose()?;
    emit(&Request::Deactivate, args.shell, args.json)
}

/// A shell that explicit activation writes code for.
fn explicit(shell: Shell) -> anyhow::Result<Shell> {
    match shell.dialect().refuses_explicit() {
        Some(why) => anyhow::bail!("{why}"),
        None => Ok(shell),
    }
}

fn emit(request: &Request, shell: Option<Shell>, json: bool) -> anyhow::Result<ExitCode> {
    let transition = transition::plan(request, &var)?;
    if json {
        return print(&(serde_json::to_string_pretty(&transition)? + "\n"));
    }
    let shell = shell_or_detect(shell)?;
    let path = var(crate::vars::PATH);
    let shell_env = ShellEnv {
        path: path.as_deref(),
    };
    // Activation also defines `deactivate`, which calls this binary.
    let exe = match request {
        Request::Activate { .. } => Some(context::exe()?),
        Request::Deactivate => None,
    };
    print(&shell::apply_code(
        shell,
        &transition,
        exe.as_deref(),
        &shell_env,
    )?)
}
