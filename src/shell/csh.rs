//! tcsh and csh: output is read through ``eval "`…`"``, which joins lines, so every
//! statement ends in `;`, nothing is a comment, there are no `if … then` blocks, and
//! PATH is computed here (csh has no way to drop one list element in a single line).

use askama::Template;

use super::quote::filters;
use std::ffi::OsStr;

use super::completions::Spec;
use super::quote::{self, Unrepresentable};
use super::{CompletionScript, Dialect, Hook, RcFile, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};

pub struct Csh;

#[derive(Template)]
#[template(path = "csh/apply.csh", escape = "none")]
struct ApplyScript<'a> {
    t: &'a Transition,
    path_after: Option<String>,
}

#[derive(Template)]
#[template(path = "csh/activate.csh", escape = "none")]
struct ActivateScript<'a> {
    t: &'a Transition,
    path_after: Option<String>,
    exe: &'a str,
}

#[derive(Template)]
#[template(path = "csh/hook.csh", escape = "none")]
struct HookScript<'a> {
    resume: Option<&'a Transition>,
    /// A resumed activation only puts the prompt back; PATH is already right.
    path_after: Option<String>,
    exe: &'a str,
    auto: bool,
}

/// `bin/activate.csh`. Its `deactivate` is an alias, so every statement in it stands alone
/// on one line: [`StandaloneOff`] is rendered first and joined into the alias body.
#[derive(Template)]
#[template(path = "csh/standalone.csh", escape = "none")]
struct StandaloneScript<'a> {
    on: &'a Transition,
    path_after: Option<String>,
    bin: &'a str,
    deactivate: String,
}

#[derive(Template)]
#[template(path = "csh/standalone_off.csh", escape = "none")]
struct StandaloneOff<'a> {
    t: &'a Transition,
    path_after: Option<String>,
    bin_name: &'a str,
}

/// `venvsh completions tcsh`: one `complete` command, written from the command line's
/// definition (clap_complete has no tcsh generator).
#[derive(Template)]
#[template(path = "csh/completions.csh", escape = "none")]
struct Completions {
    /// Every command people type, aliases included.
    commands: Vec<String>,
    /// Commands whose argument is an environment or a store name, aliases included.
    env_commands: Vec<String>,
    /// Commands whose argument is a shell (`hook`, `init`).
    shell_commands: Vec<String>,
    shells: Vec<&'static str>,
    completion_shells: Vec<String>,
    /// The long options of every command, without their `--`.
    options: Vec<String>,
}

fn completion_script(cli: &clap::Command, spec: &Spec) -> askama::Result<String> {
    let visible: Vec<&clap::Command> = cli.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    let names = |sub: &clap::Command| -> Vec<String> {
        std::iter::once(sub.get_name())
            .chain(sub.get_visible_aliases())
            .map(str::to_owned)
            .collect()
    };
    let with_aliases = |wanted: &dyn Fn(&clap::Command) -> bool| -> Vec<String> {
        visible
            .iter()
            .filter(|s| wanted(s))
            .flat_map(|s| names(s))
            .collect()
    };
    let takes_shell = |sub: &clap::Command| sub.get_name() == "hook";
    let completion_shells = visible
        .iter()
        .find(|s| s.get_name() == "completions")
        .and_then(|s| s.get_positionals().next())
        .map(|arg| {
            arg.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let mut options: Vec<String> = cli
        .get_arguments()
        .chain(visible.iter().flat_map(|s| s.get_arguments()))
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long().map(str::to_owned))
        .chain(["help".to_owned()])
        .collect();
    options.sort();
    options.dedup();
    Completions {
        commands: with_aliases(&|_| true),
        env_commands: spec.all_commands().cloned().collect(),
        shell_commands: with_aliases(&takes_shell),
        shells: <super::Shell as clap::ValueEnum>::value_variants()
            .iter()
            .map(|s| s.name())
            .collect(),
        completion_shells,
        options,
    }
    .render()
    .map(|s| s + "\n")
}

/// PATH after `transition`, given PATH as venvsh sees it (csh exports it, so it is
/// current). csh code is text, so a PATH that is not UTF-8 is refused, never mangled.
fn path_after(transition: &Transition, path: Option<&OsStr>) -> askama::Result<Option<String>> {
    if let Some(entry) = &transition.path.prepend {
        quote::csh_path_element(entry).map_err(askama::Error::custom)?;
    }
    let Some(after) = transition.path_after(path, ':') else {
        return Ok(None);
    };
    let after = quote::utf8(&after, "tcsh", "PATH").map_err(askama::Error::custom)?;
    Ok(Some(after.to_owned()))
}

impl Dialect for Csh {
    fn process_names(&self) -> &'static [&'static str] {
        &["tcsh", "csh"]
    }

    fn program(&self) -> &'static str {
        "tcsh"
    }

    fn apply(&self, t: &Transition, env: &ShellEnv<'_>) -> askama::Result<String> {
        let path_after = path_after(t, env.path)?;
        ApplyScript { t, path_after }.render()
    }

    fn activate(&self, t: &Transition, exe: &str, env: &ShellEnv<'_>) -> askama::Result<String> {
        let path_after = path_after(t, env.path)?;
        ActivateScript { t, path_after, exe }.render()
    }

    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String> {
        HookScript {
            resume: hook.resume,
            path_after: None,
            exe: hook.exe,
            auto: hook.auto,
        }
        .render()
    }

    /// None on Windows, where CPython's venv writes none (its activate.csh is under
    /// `scripts/posix/`) and no csh runs.
    fn bin_scripts(&self, plan: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)> {
        if plan.windows.is_some() {
            return Vec::new();
        }
        vec![("activate.csh", render_standalone(plan))]
    }

    fn completions(&self) -> Option<CompletionScript> {
        Some(completion_script)
    }

    fn rc_file(&self) -> Option<RcFile> {
        Some(RcFile::home(".tcshrc"))
    }

    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable> {
        Ok(format!(
            "eval \"`{} hook tcsh`\"",
            quote::csh_backquoted_word(program)?
        ))
    }

    fn eval_line(&self, program: &str, args: &[&str]) -> Option<Result<String, Unrepresentable>> {
        let words: Result<Vec<String>, _> = std::iter::once(program)
            .chain(args.iter().copied())
            .map(quote::csh_backquoted_word)
            .collect();
        Some(words.map(|words| format!("eval \"`{}`\"", words.join(" "))))
    }
}

fn render_standalone(plan: &StandalonePlan) -> askama::Result<String> {
    let off = StandaloneOff {
        t: &plan.off,
        path_after: None,
        bin_name: &plan.bin_name,
    }
    .render()?;
    // Every statement ends in `;`, so the lines join into one alias body.
    let deactivate = off
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    StandaloneScript {
        on: &plan.on,
        path_after: None,
        bin: plan.on.path.prepend.as_deref().unwrap_or_default(),
        deactivate,
    }
    .render()
    .map(|s| s + "\n")
}
