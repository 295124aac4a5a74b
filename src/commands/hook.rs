//! `venvsh hook SHELL` (the rc-file integration) and `venvsh hook-env` (its per-change call).

use std::process::ExitCode;

use anyhow::Context;

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
    if args.rc_line.is_some() || args.rc_file {
        return rc(args);
    }
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

/// `--rc-line` and `--rc-file`, for install.sh: the line names this binary by its path,
/// since an rc file may run before PATH has venvsh's directory (Debian's ~/.profile
/// reads ~/.bashrc before it adds ~/.local/bin).
fn rc(args: &HookArgs) -> anyhow::Result<ExitCode> {
    let dialect = args.shell.dialect();
    if let Some(program) = &args.rc_line {
        let program = match program.as_str() {
            "" => context::exe()?,
            given => given.to_owned(),
        };
        return print(&(dialect.rc_line(&program)? + "\n"));
    }
    let Some(path) = dialect.rc_file().and_then(|rc| context::rc_path(&rc)) else {
        anyhow::bail!(
            "{} has no rc file venvsh can name: its hook is a file of its own",
            args.shell
        );
    };
    let path = path
        .to_str()
        .with_context(|| format!("the rc file's path {} is not UTF-8", path.display()))?;
    print(&format!("{path}\n"))
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
    if let Some(switch) = &decision.switch
        && context::config().map_or(true, |config| config.auto_activate_notice)
    {
        say(words::switch(switch));
    }
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
