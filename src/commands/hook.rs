//! `venvsh hook SHELL` (the rc-file integration) and `venvsh hook-env` (its per-change call).

use std::process::ExitCode;

use super::{env_var, hook_code, print, shell_code};
use crate::cli::{HookArgs, HookEnvArgs};
use crate::config::Config;
use crate::hook::{self, TOLD_VAR};
use crate::transition::{self, Action, PathChange, PromptChange, Transition};
use crate::trust::TrustStore;

pub fn run(args: &HookArgs) -> anyhow::Result<ExitCode> {
    // A shell started inside an activated one inherits the variables but not the
    // prompt; the hook puts the prompt back.
    let resume = transition::resume(&env_var);
    // Read once per shell start, never at a prompt. A broken config file must not
    // leave the shell without venvsh, so it is reported and the default kept.
    let auto_in_config = match Config::load() {
        Ok(config) => config.auto_activate,
        Err(error) => {
            crate::error::report(&anyhow::Error::new(error));
            true
        }
    };
    print(&hook_code(
        args.shell,
        resume.as_ref(),
        !args.no_auto && auto_in_config,
    )?)
}

/// Called by the hook only when the directory or its `.venv` changed. Prints nothing
/// when there is nothing to do; never fails the prompt over a problem it can skip.
pub fn hook_env(args: &HookEnvArgs) -> anyhow::Result<ExitCode> {
    let Ok(cwd) = std::env::current_dir() else {
        return Ok(ExitCode::SUCCESS);
    };
    let trust = TrustStore::open_default()?;
    let project = hook::project_here(&cwd, &trust);
    let decision = hook::decide(&env_var, project.as_ref());
    let mut transition = decision.transition;
    if let (Some(notice), Some(project)) = (&decision.notice, &project) {
        eprintln!("{notice}");
        let told = transition.get_or_insert_with(nothing_but_set);
        told.set
            .insert(TOLD_VAR.to_owned(), project.env.root.clone());
    }
    match transition {
        Some(t) => print(&shell_code(args.shell, Some(&t), false)?),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// A transition that changes no activation; used to remember what was told.
fn nothing_but_set() -> Transition {
    Transition {
        version: 1,
        action: Action::Deactivate,
        env: None,
        unset: Vec::new(),
        set: Default::default(),
        path: PathChange::default(),
        prompt: PromptChange {
            show: false,
            text: None,
        },
    }
}
