//! `venvsh hook SHELL` (the rc-file integration) and `venvsh hook-env` (its per-change call).

use std::process::ExitCode;

use super::context::{self, var};
use super::output::{print, report, say};
use super::shell_or_detect;
use super::words;
use crate::cli::{HookArgs, HookEnvArgs};
use crate::decide::auto;
use crate::decide::transition;
use crate::decide::trust::Verdict;
use crate::platform;
use crate::project::environment::Environment;
use crate::shell::{self, Hook, Shell, ShellEnv};

pub fn run(args: &HookArgs) -> anyhow::Result<ExitCode> {
    if args.resume {
        return print(&resume_code(args.shell)?);
    }
    // A shell started inside an activated one inherits the variables but not the
    // prompt; the hook puts the prompt back.
    let resume = transition::resume(&var);
    // Read once per shell start, never at a prompt. A broken config file must not
    // leave the shell without venvsh, so it is reported and the default kept.
    let auto_in_config = match context::config() {
        Ok(config) => config.auto_activate,
        Err(error) => {
            report(&error);
            true
        }
    };
    let exe = context::exe()?;
    let hook = Hook {
        exe: &exe,
        resume: resume.as_ref(),
        auto: !args.no_auto && auto_in_config,
    };
    print(&shell::hook_code(args.shell, &hook)?)
}

/// The code that puts back the prompt of an activation this shell inherited (nothing
/// when there is none): the saved nushell hook runs it at start, where other shells'
/// hooks carry it in their text.
pub fn resume_code(shell: Shell) -> anyhow::Result<String> {
    match transition::resume(&var) {
        Some(resume) => Ok(shell::apply_code(
            shell,
            &resume,
            None,
            &ShellEnv::default(),
        )?),
        None => Ok(String::new()),
    }
}

/// Called by the hook only when the directory or its `.venv` changed. Prints nothing
/// when there is nothing to do; never fails the prompt over a problem it can skip.
pub fn hook_env(args: &HookEnvArgs) -> anyhow::Result<ExitCode> {
    match hook_env_code(shell_or_detect(args.shell)?)? {
        Some(code) => print(&code),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// The code `hook-env` prints for `shell`, if there is anything to do; the notice for
/// the user goes to stderr.
pub fn hook_env_code(shell: Shell) -> anyhow::Result<Option<String>> {
    let Ok(cwd) = context::cwd() else {
        return Ok(None);
    };
    context::check_activation_vars()?;
    let trust = context::trust()?;
    let store = context::store().ok();
    // On a network path, looking for .venv would connect to the server as the user
    // (issue 12): there the hook finds nothing; `venvsh activate` still works.
    let project = (!platform::paths::may_reach_network(&cwd))
        .then(|| auto::project_here(&cwd, store.as_ref(), &trust))
        .flatten();
    let trust_of = |root: &str, bin: &str| {
        let env = Environment {
            root: root.to_owned(),
            bin: bin.to_owned(),
            prompt: String::new(),
        };
        trust.verdict(&env).unwrap_or(Verdict::Unknown)
    };
    let exists = |root: &str| std::path::Path::new(root).is_dir();
    let sight = auto::Sight {
        project: project.as_ref(),
        trust_of: &trust_of,
        exists: &exists,
    };
    let decision = auto::decide(&var, &sight);
    if let Some(notice) = &decision.notice {
        for line in words::notice(notice) {
            say(line);
        }
    }
    let Some(transition) = decision.transition else {
        return Ok(None);
    };
    let path = std::env::var_os(crate::vars::PATH);
    let shell_env = ShellEnv {
        path: path.as_deref(),
    };
    Ok(Some(shell::apply_code(
        shell,
        &transition,
        None,
        &shell_env,
    )?))
}
