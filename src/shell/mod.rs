//! Shell syntax: how each shell says what a decision means. No policy lives here.
//!
//! Every shell has one owner, a [`Dialect`] implemented in `src/shell/<shell>.rs`, which
//! holds everything specific to it: its askama templates (under `shells/`), the names it
//! runs under, where its PATH is edited, its rc-file line and its completions. All
//! escaping is in [`quote`], reached from templates only through `quote::filters`.
//!
//! Adding a shell is three Rust files: its dialect file, a variant and a match arm here,
//! and its quoting functions in [`quote`] (see `shells/README.md`).

mod clink;
mod cmd;
pub mod completions;
mod csh;
pub mod elvish;
mod fish;
mod nu;
mod posix;
mod powershell;
pub mod quote;
#[cfg(test)]
mod template_lint;
mod xonsh;

use std::fmt;

use clap::ValueEnum;

use crate::decide::transition::{self, StandalonePlan, Transition};
use crate::error::Hint;
use crate::project::environment::Environment;
use quote::Unrepresentable;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    /// POSIX sh: dash, ksh, busybox ash.
    Sh,
    Fish,
    #[value(alias = "csh")]
    Tcsh,
    #[value(alias = "pwsh")]
    Powershell,
    #[value(alias = "nushell")]
    Nu,
    Cmd,
    /// cmd.exe with Clink: only `hook clink` (and the hook's `hook-env`); explicit
    /// activation in cmd is the `venvsh.cmd` wrapper.
    Clink,
    /// xonsh, the Python shell.
    Xonsh,
}

impl Shell {
    /// The one owner of everything this shell needs.
    pub fn dialect(self) -> &'static dyn Dialect {
        match self {
            Self::Bash => &posix::BASH,
            Self::Zsh => &posix::ZSH,
            Self::Sh => &posix::SH,
            Self::Fish => &fish::Fish,
            Self::Tcsh => &csh::Csh,
            Self::Powershell => &powershell::PowerShell,
            Self::Nu => &nu::Nu,
            Self::Cmd => &cmd::Cmd,
            Self::Clink => &clink::Clink,
            Self::Xonsh => &xonsh::Xonsh,
        }
    }

    /// The name `--shell` and `hook` take (clap's, as a test checks).
    pub fn name(self) -> &'static str {
        match self {
            Self::Bash => "bash",
            Self::Zsh => "zsh",
            Self::Sh => "sh",
            Self::Fish => "fish",
            Self::Tcsh => "tcsh",
            Self::Powershell => "powershell",
            Self::Nu => "nu",
            Self::Cmd => "cmd",
            Self::Clink => "clink",
            Self::Xonsh => "xonsh",
        }
    }

    /// The shell a process name (as `ps` shows it, with `-` for login shells) belongs to.
    pub fn from_process_name(name: &str) -> Option<Self> {
        let name = name.trim_start_matches('-').to_ascii_lowercase();
        let name = name.strip_suffix(".exe").unwrap_or(&name);
        Self::value_variants()
            .iter()
            .copied()
            .find(|shell| shell.dialect().process_names().contains(&name))
    }

    /// Every accepted name, for messages.
    pub fn choices() -> String {
        Self::value_variants()
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Shell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The first line of venvsh's output when it is code for the calling shell's `venvsh`
/// function to apply; see `venvsh __wrapped`. A comment in every shell that runs it.
pub const CODE_MARK: &str = "# venvsh: code for this shell";

/// Everything one shell knows. The compiler makes every new shell answer each question.
pub trait Dialect: Sync {
    /// Process names (lowercase, without `.exe`) that are this shell, for detection.
    fn process_names(&self) -> &'static [&'static str];

    /// The program `venvsh shell` starts when only the kind of shell is known.
    fn program(&self) -> &'static str;

    /// Why this shell has no explicit `activate`/`deactivate`, if it has none.
    fn refuses_explicit(&self) -> Option<&'static str> {
        None
    }

    /// Code that applies `transition` (`venvsh deactivate`, and the hook's `hook-env`).
    fn apply(&self, transition: &Transition, shell_env: &ShellEnv<'_>) -> askama::Result<String>;

    /// Code for `venvsh activate`: apply `transition`, and define `deactivate`, which
    /// calls the venvsh at `exe`.
    fn activate(
        &self,
        transition: &Transition,
        exe: &str,
        shell_env: &ShellEnv<'_>,
    ) -> askama::Result<String>;

    /// The rc-file integration.
    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String>;

    /// The scripts `venvsh create` writes into `bin/` for this shell, by file name.
    fn bin_scripts(&self, plan: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)>;

    /// The file this shell reads at start, where the hook's line goes; `None` for a
    /// shell whose hook is a file of its own (cmd.exe's wrapper, Clink's script).
    fn rc_file(&self) -> Option<RcFile>;

    /// The line that loads the hook, calling venvsh as `program` (`venvsh`, or a path):
    /// for the rc file, or, without one, to run once. `doctor`, `install.sh` (through
    /// `venvsh hook SHELL --rc-line`), the help and the README all take it from here.
    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable>;

    /// The line that runs the code `program args…` prints, once, in a shell without the
    /// hook; `None` where the shell cannot run printed code (nushell).
    fn eval_line(&self, program: &str, args: &[&str]) -> Option<Result<String, Unrepresentable>>;

    /// How to write this shell's completion script, where venvsh offers one.
    fn completions(&self) -> Option<CompletionScript> {
        None
    }
}

/// Where a shell's rc file is: `path` under `base`, unless the variable `named_by` is
/// set, which then names the file itself (POSIX sh's `ENV`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RcFile {
    pub base: RcBase,
    pub path: &'static str,
    pub named_by: Option<&'static str>,
}

/// The directory an rc file's path is relative to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RcBase {
    /// The home directory.
    Home,
    /// `$ZDOTDIR`, else the home directory (zsh).
    Zdotdir,
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    Config,
    /// The user's Documents folder (PowerShell's `$PROFILE` on Windows).
    Documents,
}

impl RcFile {
    pub const fn home(path: &'static str) -> Self {
        Self {
            base: RcBase::Home,
            path,
            named_by: None,
        }
    }

    pub const fn config(path: &'static str) -> Self {
        Self {
            base: RcBase::Config,
            path,
            named_by: None,
        }
    }

    /// As the help and the README write it: `~/.bashrc`, `$ENV or ~/.profile`.
    pub fn shown(&self) -> String {
        let base = match self.base {
            RcBase::Home | RcBase::Zdotdir => "~/",
            RcBase::Config => "~/.config/",
            RcBase::Documents => "~/Documents/",
        };
        match self.named_by {
            Some(var) => format!("${var} or {base}{}", self.path),
            None => format!("{base}{}", self.path),
        }
    }
}

/// Renders a shell's completion script from the command line's definition.
pub type CompletionScript = fn(&clap::Command, &completions::Spec) -> askama::Result<String>;

/// What the binary sees of the calling shell's environment, for dialects whose PATH
/// venvsh computes rather than edits in place (csh, Clink).
#[derive(Debug, Clone, Copy, Default)]
pub struct ShellEnv<'a> {
    pub path: Option<&'a std::ffi::OsStr>,
}

/// The rc-file integration's inputs.
#[derive(Debug, Clone, Copy)]
pub struct Hook<'a> {
    /// The venvsh binary the generated functions call, as an absolute path.
    pub exe: &'a str,
    /// An inherited activation whose prompt the new shell puts back.
    pub resume: Option<&'a Transition>,
    /// Auto-activate on entering a project (`hook --no-auto` clears it).
    pub auto: bool,
}

/// A value no code can be written for, or a broken template.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Unrepresentable(#[from] Unrepresentable),
    #[error(transparent)]
    NotUtf8(#[from] quote::NotUtf8),
    /// A template failed for a reason other than a value: a bug in venvsh.
    #[error("could not render the {shell} code: {message}")]
    Template { shell: Shell, message: String },
}

impl Hint for RenderError {
    fn hint(&self) -> Option<String> {
        match self {
            Self::Unrepresentable(e) => e.hint(),
            Self::NotUtf8(e) => e.hint(),
            Self::Template { .. } => Some("this is a bug in venvsh: please report it".into()),
        }
    }
}

fn render_error(shell: Shell, error: askama::Error) -> RenderError {
    match error {
        askama::Error::Custom(inner) => match inner.downcast::<Unrepresentable>() {
            Ok(unrepresentable) => RenderError::Unrepresentable(*unrepresentable),
            Err(other) => match other.downcast::<quote::NotUtf8>() {
                Ok(not_utf8) => RenderError::NotUtf8(*not_utf8),
                Err(other) => RenderError::Template {
                    shell,
                    message: other.to_string(),
                },
            },
        },
        other => RenderError::Template {
            shell,
            message: other.to_string(),
        },
    }
}

/// `venvsh activate` (with `exe`) or `deactivate`/`hook-env` (without) for `shell`.
pub fn apply_code(
    shell: Shell,
    transition: &Transition,
    exe: Option<&str>,
    shell_env: &ShellEnv<'_>,
) -> Result<String, RenderError> {
    let dialect = shell.dialect();
    match exe {
        Some(exe) => dialect.activate(transition, exe, shell_env),
        None => dialect.apply(transition, shell_env),
    }
    .map_err(|e| render_error(shell, e))
}

pub fn hook_code(shell: Shell, hook: &Hook<'_>) -> Result<String, RenderError> {
    shell
        .dialect()
        .hook(hook)
        .map_err(|e| render_error(shell, e))
}

/// The completion script for `shell`, or `None` where venvsh offers none.
pub fn completion_code(shell: Shell, cli: &clap::Command) -> Option<Result<String, RenderError>> {
    let script = shell.dialect().completions()?;
    Some(script(cli, &completions::Spec::of(cli)).map_err(|e| render_error(shell, e)))
}

/// The activation scripts of one environment: those written, and those left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standalone {
    /// `(file name in bin/, contents)`.
    pub scripts: Vec<(String, String)>,
    pub omitted: Vec<Omitted>,
}

/// A script that is not written, because its shell cannot represent a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} not written: {reason}")]
pub struct Omitted {
    pub file: &'static str,
    pub reason: Unrepresentable,
}

/// The scripts `venvsh create` writes into `bin/` for `env`, for people without venvsh.
/// They carry all their logic (nothing in them runs venvsh) and come from the same
/// templates and quoting as `venvsh activate`. A script whose shell cannot represent a
/// value is left out with the reason: never written broken.
pub fn bin_scripts(env: &Environment) -> Result<Standalone, RenderError> {
    let plan = transition::standalone(env);
    let mut result = Standalone::default();
    for shell in Shell::value_variants() {
        for (file, rendered) in shell.dialect().bin_scripts(&plan) {
            match rendered.map_err(|e| render_error(*shell, e)) {
                Ok(text) => result.scripts.push((file.to_owned(), text)),
                Err(RenderError::Unrepresentable(reason)) => {
                    result.omitted.push(Omitted { file, reason });
                }
                Err(other) => return Err(other),
            }
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_names_map_to_shells() {
        assert_eq!(Shell::from_process_name("-bash"), Some(Shell::Bash));
        assert_eq!(Shell::from_process_name("dash"), Some(Shell::Sh));
        assert_eq!(
            Shell::from_process_name("pwsh.exe"),
            Some(Shell::Powershell)
        );
        assert_eq!(Shell::from_process_name("CMD.EXE"), Some(Shell::Cmd));
        assert_eq!(Shell::from_process_name("python3"), None);
    }

    #[test]
    fn aliases_parse() {
        assert_eq!(Shell::from_str("csh", true), Ok(Shell::Tcsh));
        assert_eq!(Shell::from_str("pwsh", true), Ok(Shell::Powershell));
        assert_eq!(Shell::from_str("nushell", true), Ok(Shell::Nu));
    }

    #[test]
    fn names_are_clap_value_names() {
        for shell in Shell::value_variants() {
            let value = shell.to_possible_value().unwrap();
            assert_eq!(shell.name(), value.get_name());
        }
    }
}
