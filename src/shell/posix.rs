//! bash, zsh and POSIX sh (dash, ksh) share one set of templates (`shells/sh/`). They
//! differ in how the prompt is drawn (zsh expands `%` escapes, so the name goes through
//! `psvar`), in zsh's option guard (`emulate -L zsh`), and in the hook's triggers.

use askama::Template;

use super::completions::{self, Spec};
use super::quote::{self, Unrepresentable, filters};
use super::{CompletionScript, Dialect, Hook, RcBase, RcFile, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};

/// Which member of the family a template is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Bash,
    Zsh,
    Sh,
}

impl Flavor {
    pub fn name(self) -> &'static str {
        match self {
            Self::Bash => "bash",
            Self::Zsh => "zsh",
            Self::Sh => "sh",
        }
    }

    /// The word that runs a builtin past a user's function or alias of the same name,
    /// written after a backslash (which skips an alias of it): zsh's `command` runs only
    /// external commands, dash has no `builtin`.
    pub fn builtin(self) -> &'static str {
        match self {
            Self::Bash | Self::Zsh => "builtin",
            Self::Sh => "command",
        }
    }
}

pub struct Posix(Flavor);

pub static BASH: Posix = Posix(Flavor::Bash);
pub static ZSH: Posix = Posix(Flavor::Zsh);
pub static SH: Posix = Posix(Flavor::Sh);

#[derive(Template)]
#[template(path = "sh/apply.sh", escape = "none")]
struct ApplyScript<'a> {
    flavor: Flavor,
    t: &'a Transition,
}

#[derive(Template)]
#[template(path = "sh/activate.sh", escape = "none")]
struct ActivateScript<'a> {
    flavor: Flavor,
    t: &'a Transition,
    exe: &'a str,
}

#[derive(Template)]
#[template(path = "sh/hook.sh", escape = "none")]
struct HookScript<'a> {
    flavor: Flavor,
    resume: Option<&'a Transition>,
    exe: &'a str,
    auto: bool,
}

/// `bin/activate`, sourced by bash, zsh, dash or ksh. dash parses the whole file, so the
/// zsh variant is one single-quoted string (rendered with [`Flavor::Zsh`]) that only zsh
/// evaluates.
#[derive(Template)]
#[template(path = "sh/standalone.sh", escape = "none")]
struct StandaloneScript<'a> {
    flavor: Flavor,
    on: &'a Transition,
    off: &'a Transition,
    bin_name: &'a str,
    /// On Windows, the path `cygpath` converts to `VIRTUAL_ENV` when sourced.
    windows_root: Option<&'a str>,
    zsh_on: String,
    zsh_off: String,
}

#[derive(Template)]
#[template(path = "sh/standalone_on.sh", escape = "none")]
struct StandaloneOn<'a> {
    flavor: Flavor,
    t: &'a Transition,
    bin_name: &'a str,
    windows_root: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "sh/standalone_off.sh", escape = "none")]
struct StandaloneOff<'a> {
    flavor: Flavor,
    t: &'a Transition,
    bin_name: &'a str,
}

impl Dialect for Posix {
    fn process_names(&self) -> &'static [&'static str] {
        match self.0 {
            Flavor::Bash => &["bash"],
            Flavor::Zsh => &["zsh"],
            Flavor::Sh => &["sh", "dash", "ksh", "ksh93", "mksh", "ash", "yash", "posh"],
        }
    }

    fn program(&self) -> &'static str {
        self.0.name()
    }

    fn apply(&self, t: &Transition, _: &ShellEnv<'_>) -> askama::Result<String> {
        ApplyScript { flavor: self.0, t }.render()
    }

    fn activate(&self, t: &Transition, exe: &str, _: &ShellEnv<'_>) -> askama::Result<String> {
        ActivateScript {
            flavor: self.0,
            t,
            exe,
        }
        .render()
    }

    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String> {
        HookScript {
            flavor: self.0,
            resume: hook.resume,
            exe: hook.exe,
            auto: hook.auto,
        }
        .render()
    }

    /// One `bin/activate` serves the whole family; it is listed under POSIX sh.
    fn bin_scripts(&self, plan: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)> {
        if self.0 != Flavor::Sh {
            return Vec::new();
        }
        vec![("activate", render_standalone(plan))]
    }

    fn completions(&self) -> Option<CompletionScript> {
        match self.0 {
            Flavor::Bash => Some(bash_completions),
            Flavor::Zsh => Some(zsh_completions),
            Flavor::Sh => None,
        }
    }

    fn rc_file(&self) -> Option<RcFile> {
        Some(match self.0 {
            Flavor::Bash => RcFile::home(".bashrc"),
            Flavor::Zsh => RcFile {
                base: RcBase::Zdotdir,
                path: ".zshrc",
                named_by: None,
            },
            // An interactive POSIX shell reads the file `ENV` names; a login shell reads
            // ~/.profile, which is the only file every sh reads without `ENV`.
            Flavor::Sh => RcFile {
                base: RcBase::Home,
                path: ".profile",
                named_by: Some("ENV"),
            },
        })
    }

    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable> {
        Ok(format!(
            "eval \"$({} hook {})\"",
            quote::posix_word(program)?,
            self.0.name()
        ))
    }

    fn eval_line(&self, program: &str, args: &[&str]) -> Option<Result<String, Unrepresentable>> {
        let words: Result<Vec<String>, _> = std::iter::once(program)
            .chain(args.iter().copied())
            .map(quote::posix_word)
            .collect();
        Some(words.map(|words| format!("eval \"$({})\"", words.join(" "))))
    }
}

/// Appended to clap's bash script: `_venvsh_with_envs` wraps clap's `_venvsh`.
#[derive(Template)]
#[template(path = "sh/completions.bash", escape = "none")]
struct BashCompletions<'a> {
    /// Every command taking an environment or a name.
    commands: Vec<&'a String>,
}

/// Inserted into clap's zsh script, before its closing part.
#[derive(Template)]
#[template(path = "sh/completions.zsh", escape = "none")]
struct ZshCompletions;

fn bash_completions(cli: &clap::Command, spec: &Spec) -> askama::Result<String> {
    let mut text = completions::generated(clap_complete::Shell::Bash, cli, &spec.bin);
    let extra = BashCompletions {
        commands: spec.all_commands().collect(),
    };
    text.push_str(&(extra.render()? + "\n"));
    Ok(text)
}

/// An environment argument completes store names as well as paths; a name argument
/// (`remove`) only names.
fn zsh_completions(cli: &clap::Command, spec: &Spec) -> askama::Result<String> {
    let text = completions::generated(clap_complete::Shell::Zsh, cli, &spec.bin);
    let mut lines = Vec::new();
    let (mut envs, mut names) = (0, 0);
    for line in text.lines() {
        if line.starts_with("'::env -- ") && line.ends_with(":_files' \\") {
            envs += 1;
            lines.push(line.replace(":_files' \\", ":_venvsh_env_or_path' \\"));
        } else if (line.starts_with("':name -- ") || line.starts_with("'::name -- "))
            && line.ends_with(":_default' \\")
        {
            names += 1;
            lines.push(line.replace(":_default' \\", ":_venvsh_envs' \\"));
        } else {
            lines.push(line.to_owned());
        }
    }
    if (envs, names) != (spec.env_commands.len(), spec.name_commands.len()) {
        return Err(askama::Error::custom(format!(
            "clap's zsh script has {envs} environment and {names} name arguments where \
             {} and {} were expected",
            spec.env_commands.len(),
            spec.name_commands.len()
        )));
    }
    let text = lines.join("\n") + "\n";
    let tail = "if [ \"$funcstack[1]\" = \"_venvsh\" ]; then";
    let functions = ZshCompletions.render()? + "\n";
    completions::replace_exactly(&text, tail, &format!("{functions}{tail}"), 1)
}

fn render_standalone(plan: &StandalonePlan) -> askama::Result<String> {
    let (on, windows_root) = match &plan.windows {
        Some(windows) => (&windows.on, Some(windows.root.as_str())),
        None => (&plan.on, None),
    };
    let zsh_on = StandaloneOn {
        flavor: Flavor::Zsh,
        t: on,
        bin_name: &plan.bin_name,
        windows_root,
    }
    .render()?;
    let zsh_off = StandaloneOff {
        flavor: Flavor::Zsh,
        t: &plan.off,
        bin_name: &plan.bin_name,
    }
    .render()?;
    StandaloneScript {
        flavor: Flavor::Sh,
        on,
        off: &plan.off,
        bin_name: &plan.bin_name,
        windows_root,
        zsh_on: zsh_on.trim_start().to_owned() + "\n",
        zsh_off: zsh_off.trim_start().to_owned() + "\n",
    }
    .render()
    .map(|s| s + "\n")
}
