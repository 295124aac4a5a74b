//! `venvsh activate` and `venvsh deactivate`.

use std::process::ExitCode;

use super::context::{self, var};
use super::output::{print, stdout_is_terminal};
use super::{requested, setup, shell_or_detect};
use crate::cli::{ActivateArgs, DeactivateArgs};
use crate::decide::state::Origin;
use crate::decide::transition::{self, Request, Transition};
use crate::project::environment::Environment;
use crate::shell::{self, Shell, ShellEnv};

pub fn activate(args: &ActivateArgs) -> anyhow::Result<ExitCode> {
    context::check_activation_vars()?;
    let transition = transition::plan(&activation(args)?, &var)?;
    if args.json {
        return print_json(&transition);
    }
    refuse_a_terminal("activate", args.shell)?;
    print(&code(&transition, shell_or_detect(args.shell)?, true)?)
}

pub fn deactivate(args: &DeactivateArgs) -> anyhow::Result<ExitCode> {
    args.shell.map(explicit).transpose()?;
    context::check_activation_vars()?;
    let transition = transition::plan(&deactivation(), &var)?;
    if args.json {
        return print_json(&transition);
    }
    refuse_a_terminal("deactivate", args.shell)?;
    print(&code(&transition, shell_or_detect(args.shell)?, false)?)
}

/// Code printed to a terminal runs nowhere: say how to load the hook instead. The hook's
/// `venvsh` function runs these through `__wrapped`, never here.
fn refuse_a_terminal(verb: &str, shell: Option<Shell>) -> anyhow::Result<()> {
    if !stdout_is_terminal() {
        return Ok(());
    }
    let typed = context::typed_args();
    // The verb as typed: `workon` is `activate`.
    let verb = typed
        .iter()
        .flatten()
        .find(|arg| matches!(arg.as_str(), "activate" | "workon" | "deactivate"))
        .map_or(verb, String::as_str);
    let shell = shell.or_else(|| super::detect::detect().ok());
    Err(setup::not_run(verb, shell, typed.as_deref()).into())
}

/// The code `venvsh activate` prints for `shell` (which the hook applies).
pub fn activation_code(args: &ActivateArgs, shell: Shell) -> anyhow::Result<String> {
    context::check_activation_vars()?;
    let transition = transition::plan(&activation(args)?, &var)?;
    code(&transition, shell, true)
}

/// The code `venvsh deactivate` prints for `shell`.
pub fn deactivation_code(shell: Shell) -> anyhow::Result<String> {
    context::check_activation_vars()?;
    let transition = transition::plan(&deactivation(), &var)?;
    code(&transition, shell, false)
}

/// Deactivating, in the project found from here (if any): the hook leaves that project's
/// environment alone until the user leaves the project (issue 11, item 4).
fn deactivation() -> Request {
    let here = context::cwd().ok().and_then(|cwd| {
        let store = context::store().ok();
        Environment::find_explained(&cwd, store.as_ref())
            .ok()
            .map(|(env, _)| env.root)
    });
    Request::Deactivate { here }
}

fn activation(args: &ActivateArgs) -> anyhow::Result<Request> {
    args.shell.map(explicit).transpose()?;
    let cwd = context::cwd()?;
    let store = context::store().ok();
    let env = requested(args.env.as_deref(), args.name.as_deref())?;
    let env = Environment::resolve(env.as_deref(), &cwd, store.as_ref())?;
    Ok(Request::Activate {
        env,
        prompt: args.prompt.clone(),
        origin: Origin::Manual,
    })
}

/// A shell that explicit activation writes code for.
fn explicit(shell: Shell) -> anyhow::Result<Shell> {
    match shell.dialect().refuses_explicit() {
        Some(why) => anyhow::bail!("{why}"),
        None => Ok(shell),
    }
}

fn print_json(transition: &Transition) -> anyhow::Result<ExitCode> {
    print(&(serde_json::to_string_pretty(transition)? + "\n"))
}

/// Code applying `transition` in `shell`; activation also defines `deactivate`, which
/// calls this binary.
fn code(transition: &Transition, shell: Shell, define: bool) -> anyhow::Result<String> {
    explicit(shell)?;
    let path = std::env::var_os(crate::vars::PATH);
    let shell_env = ShellEnv {
        path: path.as_deref(),
    };
    let exe = if define { Some(context::exe()?) } else { None };
    Ok(shell::apply_code(
        shell,
        transition,
        exe.as_deref(),
        &shell_env,
    )?)
}
