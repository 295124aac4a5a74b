//! xonsh, the Python shell: its code is plain Python on `__xonsh__.env` (string literals
//! are never expanded), PATH is a list edited in place, and the prompt is xonsh's own
//! `{env_name}` field, which reads `VIRTUAL_ENV_PROMPT` (and `VIRTUAL_ENV`) whenever it
//! draws: activation never touches `$PROMPT`, and a child xonsh shows an inherited
//! activation by itself, so the hook has nothing to resume.
//!
//! No `bin/` script: `python -m venv` writes none for xonsh, and virtualenv dropped its
//! `activate.xsh`.

use askama::Template;

use super::completions::Spec;
use super::quote::filters;
use super::{CompletionScript, Dialect, Hook, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};

pub struct Xonsh;

#[derive(Template)]
#[template(path = "xonsh/apply.xsh", escape = "none")]
struct ApplyScript<'a> {
    t: &'a Transition,
}

#[derive(Template)]
#[template(path = "xonsh/activate.xsh", escape = "none")]
struct ActivateScript<'a> {
    t: &'a Transition,
    exe: &'a str,
}

#[derive(Template)]
#[template(path = "xonsh/hook.xsh", escape = "none")]
struct HookScript<'a> {
    exe: &'a str,
    auto: bool,
}

/// The whole completion script: clap_complete has no xonsh generator.
#[derive(Template)]
#[template(path = "xonsh/completions.xsh", escape = "none")]
struct Completions<'a> {
    commands: &'a [String],
    env_commands: &'a [String],
    name_commands: &'a [String],
}

fn completion_script(cli: &clap::Command, spec: &Spec) -> askama::Result<String> {
    let commands: Vec<String> = cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_owned())
        .collect();
    let script = Completions {
        commands: &commands,
        env_commands: &spec.env_commands,
        name_commands: &spec.name_commands,
    };
    Ok(script.render()? + "\n")
}

impl Dialect for Xonsh {
    fn process_names(&self) -> &'static [&'static str] {
        &["xonsh"]
    }

    fn program(&self) -> &'static str {
        "xonsh"
    }

    fn apply(&self, t: &Transition, _: &ShellEnv<'_>) -> askama::Result<String> {
        ApplyScript { t }.render().map(|s| s + "\n")
    }

    fn activate(&self, t: &Transition, exe: &str, _: &ShellEnv<'_>) -> askama::Result<String> {
        ActivateScript { t, exe }.render().map(|s| s + "\n")
    }

    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String> {
        HookScript {
            exe: hook.exe,
            auto: hook.auto,
        }
        .render()
        .map(|s| s + "\n")
    }

    fn bin_scripts(&self, _: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)> {
        Vec::new()
    }

    fn rc_advice(&self) -> &'static str {
        "execx($(venvsh hook xonsh))  (~/.xonshrc)"
    }

    fn completions(&self) -> Option<CompletionScript> {
        Some(completion_script)
    }
}
