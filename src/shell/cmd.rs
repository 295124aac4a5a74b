//! cmd.exe: output is a `.bat` (CRLF, `@` on every line so the caller's echo state is
//! kept); values live only inside `set "NAME=value"`, where `&|<>()^` are literal.

use std::ffi::OsStr;

use askama::Template;

use super::quote::{self, Unrepresentable, filters};
use super::{Dialect, Hook, RcFile, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};

pub struct Cmd;

#[derive(Template)]
#[template(path = "cmd/apply.bat", escape = "none")]
struct ApplyScript<'a> {
    t: &'a Transition,
    path: PathUpdate,
}

/// How activation's code changes PATH.
enum PathUpdate {
    Unchanged,
    /// `set "PATH=value"`: PATH after the transition, computed by venvsh from cmd's own,
    /// which venvsh inherits (the `venvsh.cmd` wrapper runs it), as for csh and Clink.
    /// `%`, `!` and `=` in the environment's path are then carried (issue 12).
    Whole(String),
    /// Searched and edited in cmd (`%PATH:;entry;=;%`), as `bin\activate.bat` does: when
    /// cmd's PATH holds what a batch file cannot (non-ASCII text, `"` of a quoted entry,
    /// bytes that are not Unicode), activation is no worse than before issue 12.
    InShell,
}

/// PATH after `transition`, given PATH as venvsh sees it (cmd.exe's, inherited). Always
/// `;`-separated, wherever venvsh runs: the tests write cmd code on Linux.
fn path_update(transition: &Transition, path: Option<&OsStr>) -> askama::Result<PathUpdate> {
    if let Some(entry) = &transition.path.prepend {
        quote::cmd_path_entry(entry).map_err(askama::Error::custom)?;
    }
    let Some(after) = transition.path_after(path, ';') else {
        return Ok(PathUpdate::Unchanged);
    };
    let whole = quote::utf8(&after, "cmd.exe", "PATH")
        .map_err(askama::Error::custom)
        .and_then(|after| quote::quoted(quote::cmd_path(after)).map(|_| after.to_owned()));
    let edited = || {
        let entries = [
            transition.other_entry(),
            transition.path.remove.as_deref(),
            transition.path.prepend.as_deref(),
        ];
        entries
            .into_iter()
            .flatten()
            .all(|e| quote::cmd_path_element(e).is_ok())
    };
    match whole {
        Ok(after) => Ok(PathUpdate::Whole(after)),
        Err(_) if edited() => Ok(PathUpdate::InShell),
        Err(error) => Err(error),
    }
}

/// The `venvsh.cmd` wrapper, cmd's rc-file integration.
#[derive(Template)]
#[template(path = "cmd/hook.cmd", escape = "none")]
struct HookScript<'a> {
    exe: &'a str,
}

/// `bin\activate.bat`; `deactivate.bat` is called first, so it is only useful with it.
#[derive(Template)]
#[template(path = "cmd/standalone_activate.bat", escape = "none")]
struct StandaloneActivate<'a> {
    on: &'a Transition,
}

/// `bin\deactivate.bat`. cmd cannot safely look for a PATH entry read at run time
/// (`%PATH:x=y%` with `x` from a variable re-parses it), so it removes the environment's
/// own entry. With no venvsh to compute PATH, both scripts edit it in cmd and so keep
/// refusing `%`, `=` and `!` in that entry (`quote::cmd_path_element`).
#[derive(Template)]
#[template(path = "cmd/standalone_deactivate.bat", escape = "none")]
struct StandaloneDeactivate<'a> {
    off: &'a Transition,
    own_entry: &'a str,
}

/// cmd requires CRLF line endings in batch files.
fn crlf(script: &str) -> String {
    script.replace("\r\n", "\n").replace('\n', "\r\n")
}

impl Dialect for Cmd {
    fn process_names(&self) -> &'static [&'static str] {
        &["cmd"]
    }

    fn program(&self) -> &'static str {
        "cmd.exe"
    }

    fn apply(&self, t: &Transition, env: &ShellEnv<'_>) -> askama::Result<String> {
        let path = path_update(t, env.path)?;
        ApplyScript { t, path }.render().map(|s| crlf(&s))
    }

    /// The wrapper defines nothing in cmd: `venvsh.cmd` itself is the function.
    fn activate(&self, t: &Transition, _exe: &str, env: &ShellEnv<'_>) -> askama::Result<String> {
        self.apply(t, env)
    }

    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String> {
        HookScript { exe: hook.exe }.render().map(|s| crlf(&s))
    }

    fn bin_scripts(&self, plan: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)> {
        let deactivate = || {
            StandaloneDeactivate {
                off: &plan.off,
                own_entry: &plan.own_entry,
            }
            .render()
            .map(|s| crlf(&(s + "\n")))
        };
        // activate.bat calls deactivate.bat first: without it, it is left out too.
        let activate = deactivate().and_then(|_| {
            StandaloneActivate { on: &plan.on }
                .render()
                .map(|s| crlf(&(s + "\n")))
        });
        vec![("activate.bat", activate), ("deactivate.bat", deactivate())]
    }

    /// The hook is the `venvsh.cmd` wrapper, a file of its own.
    fn rc_file(&self) -> Option<RcFile> {
        None
    }

    /// Saved once into a directory that comes before venvsh.exe on PATH.
    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable> {
        Ok(format!(
            "{} hook cmd > \"%USERPROFILE%\\bin\\venvsh.cmd\"",
            quote::cmd_word(program)?
        ))
    }

    fn eval_line(&self, program: &str, args: &[&str]) -> Option<Result<String, Unrepresentable>> {
        let line = || -> Result<String, Unrepresentable> {
            let mut words = vec![quote::cmd_word(program)?];
            for arg in args {
                words.push(quote::cmd_word(arg)?);
            }
            let file = "\"%TEMP%\\venvsh-activate.bat\"";
            Ok(format!("{} > {file} && call {file}", words.join(" ")))
        };
        Some(line())
    }
}
